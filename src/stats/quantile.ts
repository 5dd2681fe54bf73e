/**
 * Quantiles by linear interpolation between order statistics: R's type 7, the default of R,
 * numpy.percentile and simple-statistics. With n sorted values x[0..n-1] the p-quantile sits at
 * position h = (n - 1) p and is x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('a quantile needs at least one value');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability ${p} is outside 0..1`);
  const position = (n - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, n - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}
