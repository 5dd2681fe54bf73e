/**
 * Year-end projections of a yearly total from the year to date and the full years before it, with an
 * 80% interval. Pure arithmetic on sums: the caller cuts each year at the same point (a month end, or a
 * day: see src/model/progress.ts) and says how far into the year that is.
 *
 * The methods (each below with its definition and cost), as `npm run bench:forecast` compares them:
 * - linear: the year to date over the share of the year elapsed;
 * - last year's share: the year to date over last year's share of its total by the same point;
 * - seasonal naive: the year to date plus what last year added after the same point;
 * - seasonal growth: the rest of the year as the full past years had it, at the level of the latest,
 *   scaled by this year's growth so far, shrunk toward no change early in the year;
 * - the default: seasonal growth combined with a damped Holt-Winters forecast of the rest of the year
 *   (src/stats/holt-winters.ts) when the two full years before are there, weights by point of the year;
 *   seasonal growth alone otherwise.
 *
 * Parameters and error tables come from src/stats/forecast-calibration.ts, fitted by the benchmark on
 * early years of real tourism series and checked on later ones.
 */
import {
  COMBINED_ERRORS,
  HISTORY_PRIOR_WEIGHT,
  LINEAR_ERRORS,
  SEASONAL_GROWTH,
  SEASONAL_GROWTH_ERRORS,
  SMOOTHING_WEIGHTS,
} from './forecast-calibration';
import { holtWintersForecast } from './holt-winters';

/** One calendar year seen at a cut-off: its sum from 1 January through the cut-off, and its total. */
export interface YearAtCutoff {
  year: number;
  toDate: number;
  total: number;
}

/** How far into the year the cut-off is. */
export interface Cutoff {
  /** Months elapsed, 0 < months < 12: 8 at 31 August, 7 + 9/31 on 9 August. */
  months: number;
  /** Share of the year elapsed, 0 < share < 1: elapsed days / days in the year, or months / 12. */
  elapsedShare: number;
}

/** The seasonal growth method's parameters (see seasonalGrowthProjection). */
export interface SeasonalGrowthParameters {
  /** Weight of a past year relative to the year after it (1 = all years alike). */
  decay: number;
  /** Exponent on this year's growth at the end of month c = 0..11 (index c); 0 = no growth. */
  weights: readonly number[];
}

/**
 * The log errors ln(actual / projected) of a method at the end of month `months`: their 10% and 90%
 * quantiles (R type 7) and their mean absolute value.
 */
export interface ErrorRow {
  months: number;
  low: number;
  high: number;
  meanAbs: number;
}

/** Linear: toDate / elapsedShare, the pace so far kept all year. O(1). */
export function linearProjection(toDate: number, elapsedShare: number): number {
  return toDate / elapsedShare;
}

/**
 * Last year's share: toDate x last.total / last.toDate, as if this year were last year scaled. O(1).
 * null when last year had nothing by the cut-off (its share is 0: nothing to divide by).
 */
export function lastYearShareProjection(toDate: number, last: YearAtCutoff): number | null {
  return last.toDate > 0 ? (toDate * last.total) / last.toDate : null;
}

/** Seasonal naive: toDate + (last.total - last.toDate), the rest of the year as last year had it. O(1). */
export function seasonalNaiveProjection(toDate: number, last: YearAtCutoff): number {
  return toDate + (last.total - last.toDate);
}

/** What the full past years say of a year at the cut-off, at the level of the latest of them. */
export interface SeasonalBase {
  /** The share of the year by the cut-off, averaged over the past years (weight decay^age). */
  share: number;
  /** The latest past year's total. */
  level: number;
  /** share x level: what this year would have by now at the latest year's level. */
  expectedToDate: number;
  /** (1 - share) x level: what would come after the cut-off at that level. */
  remainder: number;
}

/**
 * share = sum of w_y x toDate_y / total_y over the past years with a total above 0, divided by the sum of
 * their w_y, where w_y = decay^(year - y - 1) (1 for last year); level = total of the latest past year.
 * Years with a total of 0 have no share; if none has one, nothing is expected after the cut-off
 * (share 1). O(number of past years). `past` must be non-empty and before `year`.
 */
export function seasonalBase(past: readonly YearAtCutoff[], year: number, decay: number): SeasonalBase {
  let weighted = 0;
  let weights = 0;
  let latest = past[0];
  for (const p of past) {
    if (p.year > latest.year) latest = p;
    if (p.total <= 0) continue;
    const w = decay ** (year - p.year - 1);
    weighted += (w * p.toDate) / p.total;
    weights += w;
  }
  const share = weights > 0 ? weighted / weights : 1;
  return { share, level: latest.total, expectedToDate: share * latest.total, remainder: (1 - share) * latest.total };
}

/**
 * Seasonal growth: toDate + remainder x g^w, where g = toDate / expectedToDate is this year's growth
 * so far over the latest past year (1 when either is 0: no evidence of growth) and w the weight at this
 * point of the year (interpolated between month ends; 0 before any month has ended). O(1).
 */
export function grownProjection(toDate: number, base: SeasonalBase, weight: number): number {
  const growth = toDate > 0 && base.expectedToDate > 0 ? toDate / base.expectedToDate : 1;
  return toDate + base.remainder * growth ** weight;
}

/** The seasonal growth projection from the full past years (non-empty). O(number of past years). */
export function seasonalGrowthProjection(
  toDate: number,
  past: readonly YearAtCutoff[],
  year: number,
  months: number,
  parameters: SeasonalGrowthParameters = SEASONAL_GROWTH,
): number {
  const base = seasonalBase(past, year, parameters.decay);
  return grownProjection(toDate, base, interpolate(parameters.weights, months));
}

/**
 * The months before the cut-off, for the smoothing: every month from January of the first of the
 * consecutive full years just before the year, through the last whole month before the cut-off.
 */
export interface MonthlyHistory {
  months: readonly number[];
  /** How many full years `months` starts with (the years just before the projected one). */
  fullYears: number;
  /** What the month holding the cut-off has so far (0 at a month end: that month is in `months`). */
  partial: number;
}

/**
 * The damped Holt-Winters forecast of the rest of the year after `months` elapsed: the forecasts of the
 * months after the history, less what the month holding the cut-off already has (never below 0).
 * null when the smoothing has no forecast (fewer than two full years). O(60 x months of history).
 */
export function smoothingRest(history: MonthlyHistory, months: number): number | null {
  const forecasts = holtWintersForecast(history.months, history.fullYears, 12 - Math.floor(months));
  if (forecasts === null) return null;
  return forecasts.reduce((rest, f, i) => rest + (i === 0 ? Math.max(0, f - history.partial) : f), 0);
}

/** The default's mix: (1 - w) x seasonal growth + w x (toDate + the smoothing's rest). O(1). */
export function combinedProjection(seasonalGrowth: number, toDate: number, rest: number, weight: number): number {
  return (1 - weight) * seasonalGrowth + weight * (toDate + rest);
}

/** A table of values at whole months 0, 1, 2, ... read at a fractional month (the ends held flat). */
export function interpolate(values: readonly number[], months: number): number {
  const at = Math.min(Math.max(months, 0), values.length - 1);
  const below = Math.floor(at);
  const above = Math.min(below + 1, values.length - 1);
  return values[below] + (at - below) * (values[above] - values[below]);
}

/**
 * The error row at a fractional month: each field interpolated linearly between the rows around it;
 * before the first row or after the last, that row. O(rows).
 */
export function errorsAt(table: readonly ErrorRow[], months: number): ErrorRow {
  let below = table[0];
  let above = table[table.length - 1];
  for (const row of table) {
    if (row.months <= months && row.months >= below.months) below = row;
    if (row.months >= months && row.months <= above.months) above = row;
  }
  if (above.months <= below.months) return { ...below, months };
  const t = (months - below.months) / (above.months - below.months);
  const mix = (a: number, b: number) => a + t * (b - a);
  return { months, low: mix(below.low, above.low), high: mix(below.high, above.high), meanAbs: mix(below.meanAbs, above.meanAbs) };
}

/** ln(actual / projected), or null when either is 0 (no ratio to take). */
export function logError(actual: number, projected: number): number | null {
  return actual > 0 && projected > 0 ? Math.log(actual / projected) : null;
}

/**
 * The seasonal growth method's errors on the series' own past: each full year that has a full year
 * before it is projected from those earlier years at the same cut-off, and compared with its total
 * (logError; years where it is null are left out). O(n^2) for n years.
 */
export function backtestErrors(
  years: readonly YearAtCutoff[],
  months: number,
  parameters: SeasonalGrowthParameters = SEASONAL_GROWTH,
): number[] {
  const errors: number[] = [];
  for (const target of years) {
    const before = years.filter((y) => y.year < target.year);
    if (before.length === 0) continue;
    const error = logError(target.total, seasonalGrowthProjection(target.toDate, before, target.year, months, parameters));
    if (error !== null) errors.push(error);
  }
  return errors;
}

/** Backtests needed before the series' own errors set the interval's width (with three full years: two). */
export const MIN_BACKTESTS = 2;

export interface Interval {
  low: number;
  high: number;
  /** Where the width comes from: the series' own past errors (shrunk toward the benchmark's) or the benchmark's alone. */
  basis: 'history' | 'benchmark';
  /** How many of the series' own past errors were used (0 for the benchmark basis). */
  backtests: number;
}

/**
 * The 80% interval: projected x e^(q10 x f) .. projected x e^(q90 x f), where q10 and q90 are the
 * benchmark's quantiles of ln(actual / projected) at this point of the year and f scales them to this
 * series: f = (k x m + n x u) / ((k + n) x m), with u the mean |error| of the n backtests on the
 * series' own past, m the benchmark's mean |error| of the method backtested (by default the one the
 * quantiles are of) and k = HISTORY_PRIOR_WEIGHT (f = 1 with fewer than MIN_BACKTESTS backtests). The
 * low end is never below toDate: what has come cannot be undone. O(n).
 */
export function projectionInterval(
  projected: number,
  toDate: number,
  errors: ErrorRow,
  history: readonly number[],
  priorWeight = HISTORY_PRIOR_WEIGHT,
  historyMeanAbs = errors.meanAbs,
): Interval {
  const n = history.length >= MIN_BACKTESTS ? history.length : 0;
  const own = n === 0 ? 0 : history.reduce((sum, e) => sum + Math.abs(e), 0) / n;
  const f = n === 0 ? 1 : (priorWeight * historyMeanAbs + n * own) / ((priorWeight + n) * historyMeanAbs);
  return {
    low: Math.max(toDate, projected * Math.exp(errors.low * f)),
    high: projected * Math.exp(errors.high * f),
    basis: n === 0 ? 'benchmark' : 'history',
    backtests: n,
  };
}

export type ProjectionMethod = 'seasonal-growth-holt-winters' | 'seasonal-growth' | 'linear';

export interface Projection extends Interval {
  method: ProjectionMethod;
  projected: number;
  /** The full past years the projection uses, ascending (none for linear). */
  years: number[];
}

/**
 * The default projection of `year` at the cut-off, with its 80% interval: seasonal growth from the full
 * years before it (`before`, any order, each cut at the same point as this year), mixed with the damped
 * Holt-Winters forecast of the rest of the year from `monthly` when that has one (two full years just
 * before, or more), by the weight SMOOTHING_WEIGHTS gives this point of the year; linear when there is
 * no full year before. The interval's width is scaled to the series by seasonal growth's backtests on
 * its own past (the smoothing's would cost a fit per past year). O(n^2 + 60 x m) for n past years and
 * m months of history.
 */
export function projectYearEnd(
  toDate: number,
  before: readonly YearAtCutoff[],
  year: number,
  cutoff: Cutoff,
  monthly?: MonthlyHistory,
): Projection {
  if (before.length === 0) {
    const projected = linearProjection(toDate, cutoff.elapsedShare);
    return { method: 'linear', projected, years: [], ...projectionInterval(projected, toDate, errorsAt(LINEAR_ERRORS, cutoff.months), []) };
  }
  const growth = seasonalGrowthProjection(toDate, before, year, cutoff.months);
  const growthErrors = errorsAt(SEASONAL_GROWTH_ERRORS, cutoff.months);
  const backtests = backtestErrors(before, cutoff.months);
  const years = before.map((y) => y.year).sort((a, b) => a - b);
  const rest = monthly === undefined ? null : smoothingRest(monthly, cutoff.months);
  if (rest === null)
    return { method: 'seasonal-growth', projected: growth, years, ...projectionInterval(growth, toDate, growthErrors, backtests) };
  const projected = combinedProjection(growth, toDate, rest, interpolate(SMOOTHING_WEIGHTS, cutoff.months));
  const errors = errorsAt(COMBINED_ERRORS, cutoff.months);
  return {
    method: 'seasonal-growth-holt-winters',
    projected,
    years,
    ...projectionInterval(projected, toDate, errors, backtests, HISTORY_PRIOR_WEIGHT, growthErrors.meanAbs),
  };
}
