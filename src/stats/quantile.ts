/** The quantiles a description gives, each probability as numerator and denominator. */
export const QUANTILES = {
  median: [1, 2],
  p25: [1, 4],
  p75: [3, 4],
  p90: [9, 10],
} as const satisfies Record<string, readonly [number, number]>;

/**
 * Quantiles by linear interpolation between order statistics: R's type 7, the default of R,
 * numpy.percentile and simple-statistics. With n sorted values x[0..n-1] the p-quantile sits at
 * position h = (n - 1) p and is x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  return quantileOfOrdered(sorted.length, p, (index) => sorted[index]);
}

/**
 * The same quantile of n values known only through `valueAt(k)`, the k-th smallest (0-based), for
 * samples kept as counts per value: the same arithmetic, so the same result to the last bit.
 */
export function quantileOfOrdered(n: number, p: number, valueAt: (index: number) => number): number {
  if (n === 0) throw new RangeError('a quantile needs at least one value');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability ${p} is outside 0..1`);
  const position = (n - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, n - 1);
  const low = valueAt(below);
  return low + (position - below) * (valueAt(above) - low);
}

/**
 * The same quantile exactly, for p = num / den and integer values, times den: at position
 * (n - 1) num / den, the value below times den plus `rest` steps of a den-th of the way to the next.
 * A whole number: a plain number while it is a safe integer (always for 32-bit values), else a bigint
 * (counts up to 2^53 - 1 times den).
 */
export function exactQuantileOfOrdered(n: number, num: number, den: number, valueAt: (index: number) => number): number | bigint {
  if (n === 0) throw new RangeError('a quantile needs at least one value');
  const position = (n - 1) * num;
  const rest = position % den;
  const below = (position - rest) / den;
  const low = valueAt(below);
  const high = rest === 0 ? low : valueAt(below + 1);
  const scaled = low * den;
  const step = rest * (high - low);
  if (Number.isSafeInteger(scaled) && Number.isSafeInteger(step) && Number.isSafeInteger(scaled + step)) return scaled + step;
  return BigInt(low) * BigInt(den) + BigInt(rest) * (BigInt(high) - BigInt(low));
}
