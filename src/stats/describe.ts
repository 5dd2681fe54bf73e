/** Descriptive statistics of one sample (the group sizes of a set of delegations). */
import { Ratio, Root } from './exact';
import { GrowableArray } from './growable-array';
import { QUANTILES, exactQuantileOfOrdered, quantileSorted } from './quantile';

/**
 * The decimal figures exactly, for printing (the doubles above serve JSON and arithmetic): the mean
 * sum / n, each quantile a ratio with denominator 2, 4 or 10, and the standard deviation the root of
 * (n x sum of squares - sum^2) / (n (n - 1)).
 */
export interface ExactDescription {
  mean: Ratio | null;
  median: Ratio | null;
  p25: Ratio | null;
  p75: Ratio | null;
  p90: Ratio | null;
  sd: Root | null;
}

export interface Description {
  count: number;
  /** Exact for integers while the total stays below 2^53. */
  sum: number;
  /** null only when count is 0 (likewise the quantiles, min and max). */
  mean: number | null;
  /** Quantiles are R type 7 (see quantileSorted). */
  median: number | null;
  p25: number | null;
  p75: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
  /** Sample standard deviation (divisor n - 1); null when count < 2. */
  sd: number | null;
  exact: ExactDescription;
}

const NO_EXACT: ExactDescription = Object.freeze({ mean: null, median: null, p25: null, p75: null, p90: null, sd: null });

/**
 * The exact figures of n >= 1 values known through their sum, their sum of squares (each exact, a
 * number while it is a safe integer) and `valueAt(k)`, the k-th smallest. O(1) but for the quantiles'
 * lookups; bigints only past 2^53.
 */
export function exactDescription(n: number, sum: number, squares: number | bigint, valueAt: (index: number) => number): ExactDescription {
  const quantile = ([num, den]: readonly [number, number]) => exactQuantileOfOrdered(n, num, den, valueAt);
  return {
    mean: Ratio.of(sum, n),
    median: quantile(QUANTILES.median),
    p25: quantile(QUANTILES.p25),
    p75: quantile(QUANTILES.p75),
    p90: quantile(QUANTILES.p90),
    sd: n < 2 ? null : new Root(squaredDeviationsExact(n, sum, squares).dividedBy(n - 1)),
  };
}

/** The sum of squared deviations from the mean, exactly: (n x squares - sum^2) / n. */
function squaredDeviationsExact(n: number, sum: number, squares: number | bigint): Ratio {
  if (typeof squares === 'number') {
    const scaled = n * squares;
    const sumSquared = sum * sum;
    if (Number.isSafeInteger(scaled) && Number.isSafeInteger(sumSquared)) return Ratio.of(scaled - sumSquared, n);
  }
  return Ratio.of(BigInt(n) * BigInt(squares) - BigInt(sum) * BigInt(sum), n);
}

/** The sum of squares of integer values: a number while it is exact, else a bigint. */
export function sumOfSquares(values: ArrayLike<number>): number | bigint {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]));
  if (max * max * values.length <= Number.MAX_SAFE_INTEGER) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
    return sum;
  }
  let sum = 0n;
  for (let i = 0; i < values.length; i++) sum += BigInt(values[i]) ** 2n;
  return sum;
}

/**
 * Describes the values. A GrowableArray is sorted in place (its order carries no meaning);
 * anything else is copied first, so the caller's array is left as it was.
 */
export function describe(values: GrowableArray | ArrayLike<number>): Description {
  const sorted = values instanceof GrowableArray ? values.sortedView() : Float64Array.from(values).sort();
  return describeSorted(sorted);
}

export function describeSorted(sorted: ArrayLike<number>): Description {
  const count = sorted.length;
  const sum = total(sorted);
  if (count === 0) {
    return { count, sum, mean: null, median: null, p25: null, p75: null, p90: null, min: null, max: null, sd: null, exact: NO_EXACT };
  }
  const mean = sum / count;
  return {
    count,
    sum,
    mean,
    median: quantileSorted(sorted, 0.5),
    p25: quantileSorted(sorted, 0.25),
    p75: quantileSorted(sorted, 0.75),
    p90: quantileSorted(sorted, 0.9),
    min: sorted[0],
    max: sorted[count - 1],
    sd: count < 2 ? null : Math.sqrt(squaredDeviations(sorted, mean) / (count - 1)),
    exact: exactDescription(count, sum, sumOfSquares(sorted), (index) => sorted[index]),
  };
}

function total(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum;
}

/** Two-pass (deviations from the known mean) rather than sum of squares: no cancellation. */
function squaredDeviations(values: ArrayLike<number>, mean: number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i] - mean) ** 2;
  return sum;
}
