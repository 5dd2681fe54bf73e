/**
 * Progress toward a yearly target (`visitstat progress`): achieved, expected to date, projected, required,
 * year-on-year, status and rating band. Pure arithmetic on a DailySeries; commands feed it and render it.
 *
 * Rules (documented here because the report states them):
 * - As-of: defaults to the latest date with data in the year, or to 31 December when that date is in
 *   December or the data has a later year (the year is over in the data); a month-only as-of is the
 *   month's last day; an as-of in a later year clamps to 31 December; one in an earlier year is the
 *   caller's mistake (the commands refuse it first, see latestYear). An as-of before the first data of
 *   the year is kept: the actual to date is then 0.
 * - The year is over when the as-of is 31 December: the status is then achieved or missed, the
 *   projection is the actual, and the band grades the final percentage.
 * - Elapsed days count the as-of day itself (1 January = 1).
 * - "The same day last year" is the same calendar month and day; 29 February maps to 28 February.
 * - Seasonal figures use the previous year's cumulative share to that day, only when the previous year has
 *   values in January and in December (DailySeries.coversWholeYear); never guessed otherwise.
 * - Year-on-year compares with the previous year through the same day, only when that year's data starts
 *   in January and reaches the as-of month (DailySeries.coversThrough).
 * - Projection (src/stats/forecast.ts): seasonal growth from every full year before (values in January and
 *   December), each cut at the same month and day as the as-of (29 February at 28 February), so the as-of
 *   month counts through the as-of day in every year alike; mixed with a damped Holt-Winters forecast of
 *   the months when the two years just before (or more, consecutive) are full; linear when there is no
 *   full year before.
 * - Status reads the target against the projection's 80% interval (see statusOf); pace compares actual
 *   with the seasonal expectation when there is one, else the linear, within the tolerance (see paceOf).
 * - The band grades the projected year-end percentage during the year, the final one once it is over.
 * - Monthly figures count on their month's last day, so an as-of inside a month excludes that month's figure.
 */
import { type CalDate, dayOfYear, daysInMonth, daysInYear } from './dates';
import { type BandSpec, bandFor } from './bands';
import type { DailySeries, DayDate } from './progress-series';
import { Ratio } from '../stats/exact';
import { type MonthlyHistory, type ProjectionMethod, type YearAtCutoff, projectYearEnd } from '../stats/forecast';
import type { Kind } from './records';

export const METRICS = ['visitors', 'delegations', 'domestic', 'foreign', 'total', 'spending'] as const;
export type Metric = (typeof METRICS)[number];

/** visitors for delegation logs, total (domestic + foreign) for arrivals. */
export function defaultMetric(kind: Kind): Metric {
  return kind === 'delegations' ? 'visitors' : 'total';
}

/** During the year: the target below, inside or above the 80% interval; once it is over: reached or not. */
export type Status = 'ahead' | 'within-reach' | 'behind' | 'achieved' | 'missed';
/** Actual to date against expected to date, within the tolerance. */
export type Pace = 'ahead' | 'on-track' | 'behind';
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

/** The figures that are numbers or null. */
export type NumericFigure =
  | 'seasonalShare'
  | 'expectedSeasonal'
  | 'projectedSeasonal'
  | 'requiredPerDay'
  | 'requiredPerMonth'
  | 'previousToDate'
  | 'yoyChange'
  | 'yoyChangePercent';

/** Every field that can be null for a reason. */
export type NullableFigure = NumericFigure | 'pace';

/** The figures that are ratios of the data's sums, the target and the calendar, kept exactly for printing. */
export type ExactFigure =
  | NumericFigure
  | 'target'
  | 'actual'
  | 'percentAchieved'
  | 'remaining'
  | 'monthsLeft'
  | 'expectedLinear'
  | 'projectedLinear'
  | 'expected'
  | 'projected'
  | 'projectedLow'
  | 'projectedHigh'
  | 'projectedPercent'
  | 'tolerancePercent';

export interface Progress {
  metric: Metric;
  year: number;
  /** The as-of actually used: always a day date inside `year`. */
  asOf: DayDate;
  /** True when the requested as-of was after 31 December and was clamped to it. */
  asOfClamped: boolean;
  /** True when no as-of was given and the data runs into December or a later year: as-of 31 December. */
  asOfYearEnd: boolean;
  /** The as-of is 31 December: the figures are final. */
  yearOver: boolean;
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
  /** The default year-end projection (src/stats/forecast.ts); the actual once the year is over. */
  projected: number;
  /** Its 80% interval (both the actual once the year is over). */
  projectedLow: number;
  projectedHigh: number;
  /** seasonal-growth-holt-winters, seasonal-growth (no two consecutive full years just before), linear (no full year before), or final (the year is over). */
  projectionMethod: ProjectionMethod | 'final';
  /** The full years before that the projection uses, ascending. */
  projectionYears: number[];
  /** The interval's width: from the series' own past years, from the benchmark, or final. */
  intervalBasis: 'history' | 'benchmark' | 'final';
  /** How many of the series' own past years were projected to set the width. */
  intervalBacktests: number;
  /** projected / target x 100 */
  projectedPercent: number;
  /** The expected-to-date the pace compares against, and which one it is. */
  expected: number;
  paceBasis: Basis;
  tolerancePercent: number;
  /** null once the year is over. */
  pace: Pace | null;
  status: Status;
  /** The band of the final percentage once the year is over, else of the projected one. */
  band: BandSpec;
  bandBasis: 'final' | 'projected';
  /** For each null figure, why. */
  unavailable: Partial<Record<NullableFigure, Unavailable>>;
  /**
   * The same figures exactly, for printing rounded half up (src/stats/exact.ts); null where the figure
   * is. A projection is a double (it takes a power): exact here as the decimal it reads as. Not in JSON.
   */
  exact: Record<ExactFigure, Ratio | null>;
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

type Figure = { value: number; exact: Ratio; reason: null } | { value: null; exact: null; reason: Unavailable };
const known = (value: number, exact: Ratio): Figure => ({ value, exact, reason: null });
const missing = (reason: Unavailable): Figure => ({ value: null, exact: null, reason });
/** A figure of the data (a sum, the target): the decimal its double reads as, exactly. */
const exactly = (n: number): Ratio => Ratio.fromNumber(n);

export function computeProgress(input: ProgressInput): Progress {
  const { series, metric, target } = input;
  const tolerancePercent = input.tolerancePercent ?? 5;
  checkTarget(target);
  checkTolerance(tolerancePercent);
  const { bands } = input;
  const year = input.year ?? latestYear(series);
  if (year === null) throw new RangeError('computeProgress: no data, and no year given');
  const { asOf, clamped, yearEnd } = resolveAsOf(series, year, input.asOf);
  const yearOver = asOf.month === 12 && asOf.day === 31;

  const actual = series.sumThrough(year, asOf.month, asOf.day);
  const remaining = Math.max(target - actual, 0);
  const time = timeline(asOf);
  const previousAsOf = sameDayLastYear(asOf);
  const figures = nullableFigures(series, { target, actual, remaining, previousAsOf, asOf, ...time });
  const expectedLinear = (target * time.elapsedDays) / time.daysInYear;
  const expected = figures.expectedSeasonal.value ?? expectedLinear;
  const percentAchieved = (actual / target) * 100;
  const projection = yearOver ? finalProjection(actual) : projectionOf(series, year, asOf, actual, time);
  const projectedPercent = (projection.projected / target) * 100;
  const exact = exactFigures({ target, actual, tolerancePercent, asOf, time, figures, projection });
  return {
    metric,
    year,
    asOf,
    asOfClamped: clamped,
    asOfYearEnd: yearEnd,
    yearOver,
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
    pace: yearOver ? null : paceOf(actual, expected, tolerancePercent),
    ...projection,
    projectedPercent,
    expected,
    paceBasis: figures.expectedSeasonal.value === null ? 'linear' : 'seasonal',
    tolerancePercent,
    status: statusOf({ actual, target, low: projection.projectedLow, high: projection.projectedHigh, yearOver }),
    band: bandFor(yearOver ? percentAchieved : projectedPercent, bands),
    bandBasis: yearOver ? 'final' : 'projected',
    unavailable: { ...reasons(figures), ...(yearOver ? { pace: 'year-over' as const } : {}) },
    exact,
  };
}

/** Progress's figures as exact ratios, by the formulas of computeProgress. */
function exactFigures(k: {
  target: number;
  actual: number;
  tolerancePercent: number;
  asOf: DayDate;
  time: Timeline;
  figures: Record<NumericFigure, Figure>;
  projection: ProjectionFields;
}): Record<ExactFigure, Ratio | null> {
  const target = exactly(k.target);
  const actual = exactly(k.actual);
  const { elapsedDays, daysInYear } = k.time;
  const expectedLinear = target.times(elapsedDays).dividedBy(daysInYear);
  const projected = exactly(k.projection.projected);
  const figures = {} as Record<NumericFigure, Ratio | null>;
  for (const [name, figure] of Object.entries(k.figures) as [NumericFigure, Figure][]) figures[name] = figure.exact;
  return {
    ...figures,
    target,
    actual,
    percentAchieved: actual.times(100).dividedBy(target),
    remaining: remainingExactly(k.target, k.actual),
    monthsLeft: monthsLeftExactly(k.asOf),
    expectedLinear,
    projectedLinear: actual.times(daysInYear).dividedBy(elapsedDays),
    expected: figures.expectedSeasonal ?? expectedLinear,
    projected,
    projectedLow: exactly(k.projection.projectedLow),
    projectedHigh: exactly(k.projection.projectedHigh),
    projectedPercent: projected.times(100).dividedBy(target),
    tolerancePercent: exactly(k.tolerancePercent),
  };
}

type ProjectionFields = Pick<
  Progress,
  'projected' | 'projectedLow' | 'projectedHigh' | 'projectionMethod' | 'projectionYears' | 'intervalBasis' | 'intervalBacktests'
>;

function finalProjection(actual: number): ProjectionFields {
  return {
    projected: actual,
    projectedLow: actual,
    projectedHigh: actual,
    projectionMethod: 'final',
    projectionYears: [],
    intervalBasis: 'final',
    intervalBacktests: 0,
  };
}

/**
 * The year-end projection at the as-of: every full year before (values in January and December) cut
 * at the same month and day, so that a partial as-of month weighs alike in every year.
 */
function projectionOf(series: DailySeries, year: number, asOf: DayDate, actual: number, time: Timeline): ProjectionFields {
  const before: YearAtCutoff[] = [];
  for (const y of series.years()) {
    if (y >= year || !series.coversWholeYear(y)) continue;
    const day = Math.min(asOf.day, daysInMonth(y, asOf.month));
    before.push({ year: y, toDate: series.sumThrough(y, asOf.month, day), total: series.total(y) });
  }
  const months = asOf.month - 1 + asOf.day / daysInMonth(year, asOf.month);
  const cutoff = { months, elapsedShare: time.elapsedDays / time.daysInYear };
  const p = projectYearEnd(actual, before, year, cutoff, monthlyHistory(series, year, asOf));
  return {
    projected: p.projected,
    projectedLow: p.low,
    projectedHigh: p.high,
    projectionMethod: p.method,
    projectionYears: p.years,
    intervalBasis: p.basis,
    intervalBacktests: p.backtests,
  };
}

/**
 * The months the Holt-Winters smoothing learns from: those of the consecutive full years just before
 * `year` (values in January and December), then this year's whole months before the as-of; the as-of
 * month, when the as-of is not its last day, as what it has so far.
 */
function monthlyHistory(series: DailySeries, year: number, asOf: DayDate): MonthlyHistory {
  let first = year;
  while (series.coversWholeYear(first - 1)) first--;
  const months: number[] = [];
  for (let y = first; y < year; y++) months.push(...series.monthTotals(y));
  const thisYear = series.monthTotals(year);
  const whole = asOf.day === daysInMonth(year, asOf.month) ? asOf.month : asOf.month - 1;
  months.push(...thisYear.slice(0, whole));
  const partial = series.sumThrough(year, asOf.month, asOf.day) - thisYear.slice(0, whole).reduce((a, b) => a + b, 0);
  return { months, fullYears: year - first, partial };
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

/** target - actual, never below 0, exactly. */
function remainingExactly(target: number, actual: number): Ratio {
  const difference = exactly(target).minus(exactly(actual));
  return difference.sign() > 0 ? difference : Ratio.of(0);
}

/** Timeline's months left as a ratio: the whole months after the as-of's, plus its days left over its days. */
function monthsLeftExactly(asOf: DayDate): Ratio {
  const monthDays = daysInMonth(asOf.year, asOf.month);
  return Ratio.of((12 - asOf.month) * monthDays + monthDays - asOf.day, monthDays);
}

interface Known extends Timeline {
  target: number;
  actual: number;
  remaining: number;
  previousAsOf: DayDate;
  asOf: DayDate;
}

function nullableFigures(series: DailySeries, k: Known): Record<NumericFigure, Figure> {
  const share = seasonalShare(series, k.previousAsOf);
  const previous = previousToDate(series, k.previousAsOf);
  const yoy = yoyChange(k.actual, previous);
  return {
    seasonalShare: share,
    expectedSeasonal: share.value === null ? share : known(k.target * share.value, exactly(k.target).times(share.exact)),
    projectedSeasonal: seasonalProjection(k.actual, share),
    requiredPerDay: requiredRate(k, k.daysLeft, Ratio.of(k.daysLeft)),
    requiredPerMonth: requiredRate(k, k.monthsLeft, monthsLeftExactly(k.asOf)),
    previousToDate: previous,
    yoyChange: yoy.change,
    yoyChangePercent: yoy.percent,
  };
}

/**
 * Once the year is over: achieved when actual >= target, else missed. During it: ahead when the target
 * is already reached or lies below the 80% interval (low > target), behind when above it (high <
 * target), within-reach when inside it (low <= target <= high).
 */
export function statusOf(s: { actual: number; target: number; low: number; high: number; yearOver: boolean }): Status {
  if (s.yearOver) return s.actual >= s.target ? 'achieved' : 'missed';
  if (s.actual >= s.target || s.low > s.target) return 'ahead';
  return s.high < s.target ? 'behind' : 'within-reach';
}

/**
 * ahead: actual >= expected x (1 + tol) and above expected; on-track: actual >= expected x (1 - tol);
 * else behind. "Above expected" keeps exactly-on-pace (and 0 of an expected 0) on-track when tol is 0.
 * Compared in percent units (x 100) so that boundaries such as exactly +5% are not lost to 1.05 rounding.
 */
export function paceOf(actual: number, expected: number, tolerancePercent: number): Pace {
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

/**
 * The as-of to use. Without one: the latest date with data in the year, or 31 December when the data
 * runs into December or into a later year (`yearEnd`): the year is over in the data.
 */
function resolveAsOf(series: DailySeries, year: number, requested?: CalDate): { asOf: DayDate; clamped: boolean; yearEnd: boolean } {
  const lastDay: DayDate = { year, month: 12, day: 31 };
  if (!requested) {
    const latest = series.latestDate(year);
    if (!latest) throw new RangeError(`computeProgress: no data for ${year}, and no as-of given`);
    const over = latest.month === 12 || series.years().some((y) => y > year);
    const yearEnd = over && latest.day !== 31;
    return { asOf: over ? lastDay : latest, clamped: false, yearEnd };
  }
  if (requested.year < year) throw new RangeError(`computeProgress: as-of ${requested.year} is before the target year ${year}`);
  if (requested.year > year) return { asOf: lastDay, clamped: true, yearEnd: false };
  return { asOf: { ...requested, day: requested.day ?? daysInMonth(year, requested.month) }, clamped: false, yearEnd: false };
}

function seasonalShare(series: DailySeries, previousAsOf: DayDate): Figure {
  const prevYear = previousAsOf.year;
  if (series.latestDate(prevYear) === null) return missing('no-previous-year');
  if (!series.coversWholeYear(prevYear)) return missing('previous-year-incomplete');
  const total = series.total(prevYear);
  if (total === 0) return missing('previous-year-zero');
  const toDate = series.sumThrough(prevYear, previousAsOf.month, previousAsOf.day);
  return known(toDate / total, exactly(toDate).dividedBy(exactly(total)));
}

function seasonalProjection(actual: number, share: Figure): Figure {
  if (share.value === null) return share;
  return share.value === 0 ? missing('previous-year-zero') : known(actual / share.value, exactly(actual).dividedBy(share.exact));
}

/** What must come per unit of time left; 0 once the target is met, impossible when no time is left. */
function requiredRate({ remaining, target, actual }: Known, unitsLeft: number, exactUnitsLeft: Ratio): Figure {
  if (remaining === 0) return known(0, Ratio.of(0));
  if (unitsLeft <= 0) return missing('year-over');
  return known(remaining / unitsLeft, remainingExactly(target, actual).dividedBy(exactUnitsLeft));
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
  const sum = series.sumThrough(year, month, previousAsOf.day);
  return known(sum, exactly(sum));
}

function yoyChange(actual: number, previous: Figure): { change: Figure; percent: Figure } {
  if (previous.value === null) return { change: previous, percent: previous };
  const change = actual - previous.value;
  const exactChange = exactly(actual).minus(previous.exact);
  const percent =
    previous.value === 0
      ? missing('previous-year-zero')
      : known((change / previous.value) * 100, exactChange.times(100).dividedBy(previous.exact));
  return { change: known(change, exactChange), percent };
}

function values(figures: Record<NumericFigure, Figure>): Record<NumericFigure, number | null> {
  const out = {} as Record<NumericFigure, number | null>;
  for (const [name, figure] of Object.entries(figures) as [NumericFigure, Figure][]) out[name] = figure.value;
  return out;
}

function reasons(figures: Record<NumericFigure, Figure>): Partial<Record<NullableFigure, Unavailable>> {
  const out: Partial<Record<NullableFigure, Unavailable>> = {};
  for (const [name, figure] of Object.entries(figures) as [NumericFigure, Figure][]) {
    if (figure.reason !== null) out[name] = figure.reason;
  }
  return out;
}
