import { holtWintersForecast } from '../../src/stats/holt-winters';

const pattern = [80, 70, 90, 100, 110, 120, 150, 160, 110, 100, 90, 120];

describe('damped Holt-Winters', () => {
  it('repeats a steady seasonal pattern exactly', () => {
    const history = [...pattern, ...pattern, ...pattern, ...pattern.slice(0, 5)];
    const forecasts = holtWintersForecast(history, 3, 7)!;
    forecasts.forEach((f, i) => expect(f).toBeCloseTo(pattern[5 + i], 6));
  });

  it('carries a steady growth on, damped: above last year, below the undamped trend', () => {
    // Each month 1% above the one before, times the seasonal pattern.
    const history = Array.from({ length: 36 }, (_, t) => pattern[t % 12] * 1.01 ** t);
    const forecasts = holtWintersForecast(history, 3, 12)!;
    forecasts.forEach((f, i) => {
      expect(f).toBeGreaterThan(history[24 + i]);
      expect(f).toBeLessThan(pattern[i] * 1.01 ** (36 + i) * 1.02);
    });
  });

  it('learns the pattern of later years when the season shifts', () => {
    const shifted = pattern.map((v, i) => (i === 6 ? 2 * v : v));
    const history = [...pattern, ...pattern, ...shifted, ...shifted, ...shifted];
    const july = holtWintersForecast(history, 5, 7)![6];
    expect(july).toBeGreaterThan(1.4 * pattern[6]);
  });

  it('has no forecast with fewer than two full years, or a first year of nothing', () => {
    expect(holtWintersForecast([...pattern, 1, 2], 1, 3)).toBeNull();
    expect(holtWintersForecast([...new Array(12).fill(0), ...pattern], 2, 3)).toBeNull();
  });

  it('never forecasts below 0, and survives months of 0 in later years', () => {
    const falling = Array.from({ length: 36 }, (_, t) => Math.max(0, pattern[t % 12] * (1 - t / 30)));
    const forecasts = holtWintersForecast(falling, 3, 12)!;
    for (const f of forecasts) expect(f).toBeGreaterThanOrEqual(0);
    for (const f of forecasts) expect(Number.isFinite(f)).toBe(true);
  });
});
