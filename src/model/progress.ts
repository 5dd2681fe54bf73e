/**
 * Progress toward a yearly target (`visitstat progress`): achieved, expected to date, projected, required,
 * year-on-year, status and rating band. Pure arithmetic on a DailySeries; commands feed it and render it.
 *
 * Rules (documented here because the report states them):
 * - As-of: defaults to the latest date with data in the year; a month-only as-of is the month's last day;
 *   an as-of in a later year clamps to 31 December; one in an earlier year is the caller's mistake (the
 *   commands refuse it first, see latestYear). An as-of before the first data of the year is kept: the
 *   actual to date is then 0.
 * - Elapsed days count the as-of day itself (1 January = 1).
 * - "The same day last year" is the same calendar month and day; 29 February maps to 28 February.
 * - Seasonal figures use the previous year's cumulative share to that day, only when the previous year has
 *   values in January and in December (DailySeries.coversWholeYear); never guessed otherwise.
 * - Year-on-year compares with the previous year through the same day, only when that year's data starts
 *   in January and reaches the as-of month (DailySeries.coversThrough).
 * - Status compares actual with the seasonal expectation when there is one, else the linear (see statusOf).
 * - Monthly figures count on their month's last day, so an as-of inside a month excludes that month's figure.
 */
import { type CalDate, dayOfYear, daysInMonth, daysInYear } from './dates';
import { type BandSpec, bandFor } from './bands';
import type { DailySeries, DayDate } from './progress-series';
import type { Kind } from './records';

export const METRICS = ['visitors', 'delegations', 'domestic', 'foreign', 'total', 'spending'] as const;
export type Metric = (typeof METRICS)[number];

/** visitors for delegation logs, total (domestic + foreign) for arrivals. */
export function defaultMetric(kind: Kind): Metric {
  return kind === 'delegations' ? 'visitors' : 'total';
}

export type Status = 'ahead' | 'on-track' | 'behind';
export type Basis = 'seasonal' | 'linear';

/** Why a figure is null. */
export type Unavailable =
  /** The previous year has no data (at all, or up to the same day for year-on-year). */
  | 'no-previous-year'
  /** The previous year's data does not span January to December (seasonal) or to the as-of month (year-on-year). */
  | 'previous-year-incomplete'
  /** The previous year's figure to divide by is zero. */
  | 'previous-year-zero'
  /** The year is over (as-of 31 December) and the target was not reached: no rate can make it up. */
  | 'year-over';

export type NullableFigure =
  | 'seasonalShare'
  | 'expectedSeasonal'
  | 'projectedSeasonal'
  | 'requiredPerDay'
  | 'requiredPerMonth'
  | 'previousToDate'
  | 'yoyChange'
  | 'yoyChangePercent';

export interface Progress {
  metric: Metric;
  year: number;
  /** The as-of actually used: always a day date inside `year`. */
  asOf: DayDate;
  /** True when the requested as-of was after 31 December and was clamped to it. */
  asOfClamped: boolean;
  /** The latest date with data in the year, or null if the year has none. */
  latestData: DayDate | null;
  target: number;
  /** Sum of the metric from 1 January through the as-of. */
  actual: number;
  /** actual / target x 100 */
  percentAchieved: number;
  /** target - actual, never below 0 (a surplus shows in percentAchieved). */
  remaining: number;
  elapsedDays: number;
  daysInYear: number;
  daysLeft: number;
  /** Calendar months left after the as-of: whole months after its month plus the unelapsed fraction of it. */
  monthsLeft: number;
  /** target x elapsedDays / daysInYear */
  expectedLinear: number;
  /** The previous year's sum through the same day / its whole-year total. */
  seasonalShare: number | null;
  /** target x seasonalShare */
  expectedSeasonal: number | null;
  /** actual x daysInYear / elapsedDays */
  projectedLinear: number;
  /** actual / seasonalShare */
  projectedSeasonal: number | null;
  /** remaining / daysLeft */
  requiredPerDay: number | null;
  /** remaining / monthsLeft */
  requiredPerMonth: number | null;
  /** The same calendar day in the previous year. */
  previousAsOf: DayDate;
  /** The previous year's sum from 1 January through previousAsOf. */
  previousToDate: number | null;
  /** actual - previousToDate */
  yoyChange: number | null;
  /** (actual - previousToDate) / previousToDate x 100 */
  yoyChangePercent: number | null;
  /** The expected-to-date the status compares against, and which one it is. */
  expected: number;
  statusBasis: Basis;
  tolerancePercent: number;
  status: Status;
  band: BandSpec;
  /** For each null figure, why. */
  unavailable: Partial<Record<NullableFigure, Unavailable>>;
}

/** Checked values: a target above 0, a tolerance from 0 up to 100, bands from 0% up (src/commands/parse.ts). */
export interface ProgressInput {
  series: DailySeries;
  metric: Metric;
  target: number;
  /** Defaults to the latest year in the series, which must then have data. */
  year?: number;
  /** Not before `year`; defaults to the latest date with data in the year, which must then have some. */
  asOf?: CalDate;
  tolerancePercent?: number;
  bands: readonly BandSpec[];
}

type Figure = { value: number; reason: null } | { value: null; reason: Unavailable };
const known = (value: number): Figure => ({ value, reason: null });
const missing = (reason: Unavailable): Figure => ({ value: null, reason });

export function computeProgress(input: ProgressInput): Progress {
  const { series, metric, target } = input;
  const tolerancePercent = input.tolerancePercent ?? 5;
  checkTarget(target);
  checkTolerance(tolerancePercent);
  const { bands } = input;
  const year = input.year ?? latestYear(series);
  if (year === null) throw new RangeError('computeProgress: no data, and no year given');
  const { asOf, clamped } = resolveAsOf(series, year, input.asOf);

  const actual = series.sumThrough(year, asOf.month, asOf.day);
  const remaining = Math.max(target - actual, 0);
  const time = timeline(asOf);
  const previousAsOf = sameDayLastYear(asOf);
  const figures = nullableFigures(series, { target, actual, remaining, previousAsOf, ...time });
  const expectedLinear = (target * time.elapsedDays) / time.daysInYear;
  const expected = figures.expectedSeasonal.value ?? expectedLinear;
  const percentAchieved = (actual / target) * 100;
  return {
    metric,
    year,
    asOf,
    asOfClamped: clamped,
    latestData: series.latestDate(year),
    target,
    actual,
    percentAchieved,
    remaining,
    ...time,
    expectedLinear,
    projectedLinear: (actual * time.daysInYear) / time.elapsedDays,
    previousAsOf,
    ...values(figures),
    expected,
    statusBasis: figures.expectedSeasonal.value === null ? 'linear' : 'seasonal',
    tolerancePercent,
    status: statusOf(actual, expected, tolerancePercent),
    band: bandFor(percentAchieved, bands),
    unavailable: reasons(figures),
  };
}

interface Timeline {
  elapsedDays: number;
  daysInYear: number;
  daysLeft: number;
  monthsLeft: number;
}

/**
 * Days and months of the year used and left. Months left are calendar months (the as-of month's unelapsed
 * fraction plus the whole months after it), so an as-of at a month end leaves a whole number of months.
 */
function timeline(asOf: DayDate): Timeline {
  const yearDays = daysInYear(asOf.year);
  const elapsedDays = dayOfYear(asOf);
  const monthDays = daysInMonth(asOf.year, asOf.month);
  return {
    elapsedDays,
    daysInYear: yearDays,
    daysLeft: yearDays - elapsedDays,
    monthsLeft: 12 - asOf.month + (monthDays - asOf.day) / monthDays,
  };
}

interface Known extends Timeline {
  target: number;
  actual: number;
  remaining: number;
  previousAsOf: DayDate;
}

function nullableFigures(series: DailySeries, k: Known): Record<NullableFigure, Figure> {
  const share = seasonalShare(series, k.previousAsOf);
  const previous = previousToDate(series, k.previousAsOf);
  const yoy = yoyChange(k.actual, previous);
  return {
    seasonalShare: share,
    expectedSeasonal: share.value === null ? share : known(k.target * share.value),
    projectedSeasonal: seasonalProjection(k.actual, share),
    requiredPerDay: requiredRate(k.remaining, k.daysLeft),
    requiredPerMonth: requiredRate(k.remaining, k.monthsLeft),
    previousToDate: previous,
    yoyChange: yoy.change,
    yoyChangePercent: yoy.percent,
  };
}

/**
 * ahead: actual >= expected x (1 + tol) and above expected; on-track: actual >= expected x (1 - tol);
 * else behind. "Above expected" keeps exactly-on-pace (and 0 of an expected 0) on-track when tol is 0.
 * Compared in percent units (x 100) so that boundaries such as exactly +5% are not lost to 1.05 rounding.
 */
export function statusOf(actual: number, expected: number, tolerancePercent: number): Status {
  const actualPct = actual * 100;
  if (actual > expected && actualPct >= expected * (100 + tolerancePercent)) return 'ahead';
  if (actualPct >= expected * (100 - tolerancePercent)) return 'on-track';
  return 'behind';
}

/** The same calendar month and day one year earlier; 29 February becomes 28 February. */
export function sameDayLastYear(d: CalDate): DayDate {
  const year = d.year - 1;
  const lastDay = daysInMonth(year, d.month);
  return { year, month: d.month, day: Math.min(d.day ?? lastDay, lastDay) };
}

function checkTarget(target: number): void {
  if (!Number.isFinite(target) || target <= 0) throw new RangeError(`target must be a number above 0 (got ${target})`);
}

function checkTolerance(tolerancePercent: number): void {
  if (!Number.isFinite(tolerancePercent) || tolerancePercent < 0 || tolerancePercent >= 100) {
    throw new RangeError(`tolerance must be a percent from 0 up to (not including) 100 (got ${tolerancePercent})`);
  }
}

/** The year a target defaults to: the latest with data; null when the series is empty. */
export function latestYear(series: DailySeries): number | null {
  const years = series.years();
  return years.length === 0 ? null : years[years.length - 1];
}

function resolveAsOf(series: DailySeries, year: number, requested?: CalDate): { asOf: DayDate; clamped: boolean } {
  if (!requested) {
    const latest = series.latestDate(year);
    if (!latest) throw new RangeError(`computeProgress: no data for ${year}, and no as-of given`);
    return { asOf: latest, clamped: false };
  }
  if (requested.year < year) throw new RangeError(`computeProgress: as-of ${requested.year} is before the target year ${year}`);
  if (requested.year > year) return { asOf: { year, month: 12, day: 31 }, clamped: true };
  return { asOf: { ...requested, day: requested.day ?? daysInMonth(year, requested.month) }, clamped: false };
}

function seasonalShare(series: DailySeries, previousAsOf: DayDate): Figure {
  const prevYear = previousAsOf.year;
  if (series.latestDate(prevYear) === null) return missing('no-previous-year');
  if (!series.coversWholeYear(prevYear)) return missing('previous-year-incomplete');
  const total = series.total(prevYear);
  if (total === 0) return missing('previous-year-zero');
  return known(series.sumThrough(prevYear, previousAsOf.month, previousAsOf.day) / total);
}

function seasonalProjection(actual: number, share: Figure): Figure {
  if (share.value === null) return share;
  return share.value === 0 ? missing('previous-year-zero') : known(actual / share.value);
}

/** What must come per unit of time left; 0 once the target is met, impossible when no time is left. */
function requiredRate(remaining: number, unitsLeft: number): Figure {
  if (remaining === 0) return known(0);
  return unitsLeft > 0 ? known(remaining / unitsLeft) : missing('year-over');
}

/**
 * The previous year's sum through the same day, when its data starts in January and reaches the as-of
 * month: comparing against a log that begins or ends partway would overstate the change.
 */
function previousToDate(series: DailySeries, previousAsOf: DayDate): Figure {
  const { year, month } = previousAsOf;
  const earliest = series.earliestDate(year);
  if (earliest === null || dayOfYear(earliest) > dayOfYear(previousAsOf)) return missing('no-previous-year');
  if (!series.coversThrough(year, month)) return missing('previous-year-incomplete');
  return known(series.sumThrough(year, month, previousAsOf.day));
}

function yoyChange(actual: number, previous: Figure): { change: Figure; percent: Figure } {
  if (previous.value === null) return { change: previous, percent: previous };
  const change = actual - previous.value;
  const percent = previous.value === 0 ? missing('previous-year-zero') : known((change / previous.value) * 100);
  return { change: known(change), percent };
}

function values(figures: Record<NullableFigure, Figure>): Record<NullableFigure, number | null> {
  const out = {} as Record<NullableFigure, number | null>;
  for (const [name, figure] of Object.entries(figures) as [NullableFigure, Figure][]) out[name] = figure.value;
  return out;
}

function reasons(figures: Record<NullableFigure, Figure>): Partial<Record<NullableFigure, Unavailable>> {
  const out: Partial<Record<NullableFigure, Unavailable>> = {};
  for (const [name, figure] of Object.entries(figures) as [NullableFigure, Figure][]) {
    if (figure.reason !== null) out[name] = figure.reason;
  }
  return out;
}
