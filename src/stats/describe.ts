/** Descriptive statistics of one sample (the group sizes of a set of delegations). */
import { GrowableArray } from './growable-array';
import { quantileSorted } from './quantile';

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
    return { count, sum, mean: null, median: null, p25: null, p75: null, p90: null, min: null, max: null, sd: null };
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
