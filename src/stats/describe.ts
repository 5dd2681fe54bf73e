/** Descriptive statistics of one sample (the group sizes of a set of delegations). */
import { Ratio, Root } from './exact';
import { GrowableArray } from './growable-array';
import { QUANTILES, exactQuantileOfOrdered, quantileSorted } from './quantile';

/**
 * The decimal figures exactly, for printing (the doubles serve JSON and arithmetic): the mean sum / n,
 * each quantile a ratio with denominator 2, 4 or 10, and the standard deviation the root of
 * (n x sum of squares - sum^2) / (n (n - 1)). Made by exactOf when a row is printed, from the parts a
 * Description keeps as plain integers, so that a million groups hold no ratio objects.
 */
export interface ExactDescription {
  mean: Ratio;
  median: Ratio;
  p25: Ratio;
  p75: Ratio;
  p90: Ratio;
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
  /** The exact parts (exactOf): the sum of squares (a bigint past 2^53), and each quantile times its denominator. */
  sumOfSquares: number | bigint;
  quantileNumerators: ExactQuantiles | null;
}

/** Each quantile times its denominator (QUANTILES): a whole number (a bigint past 2^53 - 1). */
export interface ExactQuantiles {
  median: number | bigint;
  p25: number | bigint;
  p75: number | bigint;
  p90: number | bigint;
}

/** The quantiles' numerators of n >= 1 values known through `valueAt(k)`, the k-th smallest. */
export function quantileNumerators(n: number, valueAt: (index: number) => number): ExactQuantiles {
  // The probabilities of QUANTILES, written out: this runs once per group.
  return {
    median: exactQuantileOfOrdered(n, 1, 2, valueAt),
    p25: exactQuantileOfOrdered(n, 1, 4, valueAt),
    p75: exactQuantileOfOrdered(n, 3, 4, valueAt),
    p90: exactQuantileOfOrdered(n, 9, 10, valueAt),
  };
}

/** The exact figures of a description of at least one value; null for none. O(1): bigints only past 2^53. */
export function exactOf(d: Description): ExactDescription | null {
  const q = d.quantileNumerators;
  if (q === null || d.count === 0) return null;
  const n = d.count;
  return {
    mean: Ratio.of(d.sum, n),
    median: Ratio.of(q.median, QUANTILES.median[1]),
    p25: Ratio.of(q.p25, QUANTILES.p25[1]),
    p75: Ratio.of(q.p75, QUANTILES.p75[1]),
    p90: Ratio.of(q.p90, QUANTILES.p90[1]),
    sd: n < 2 ? null : new Root(squaredDeviationsExact(n, d.sum, d.sumOfSquares).dividedBy(n - 1)),
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
    return {
      count,
      sum,
      mean: null,
      median: null,
      p25: null,
      p75: null,
      p90: null,
      min: null,
      max: null,
      sd: null,
      sumOfSquares: 0,
      quantileNumerators: null,
    };
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
    sumOfSquares: sumOfSquares(sorted),
    quantileNumerators: quantileNumerators(count, (index) => sorted[index]),
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
