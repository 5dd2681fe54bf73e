/**
 * Damped Holt-Winters: exponential smoothing of a monthly series with an additive damped trend and
 * multiplicative seasons of 12 months (Hyndman and Athanasopoulos, Forecasting: Principles and
 * Practice, 2nd ed., 7.3 and 7.4). For month t with seasonal index s of the same month a year before:
 *   level_t  = alpha x y_t / s + (1 - alpha) x (level + phi x trend)
 *   trend_t  = beta x (level_t - level) + (1 - beta) x phi x trend
 *   season_t = gamma x y_t / level_t + (1 - gamma) x s
 * and the forecast h months ahead is (level + (phi + ... + phi^h) x trend) x its month's index.
 *
 * Start: the history begins with `fullYears` whole calendar years (January first); the index of each
 * month is its mean ratio to its year's monthly mean over those years, the level is the first year's
 * monthly mean, the trend the change of the monthly mean from the first of those years to the last,
 * per month. The smoothing runs from the second year on. The parameters are the set of GRID with the
 * least squared one-month-ahead error over the history (the first of them on a tie).
 * Cost: O(|GRID| x months), |GRID| = 60.
 */

/** alpha, beta, gamma, phi: the sets tried per series (5 x 2 x 3 x 2). */
const GRID: readonly (readonly [number, number, number, number])[] = (() => {
  const sets: [number, number, number, number][] = [];
  for (const alpha of [0.05, 0.15, 0.3, 0.5, 0.8])
    for (const beta of [0.01, 0.1])
      for (const gamma of [0.01, 0.1, 0.3]) for (const phi of [0.9, 0.98]) sets.push([alpha, beta, gamma, phi]);
  return sets;
})();

/** The smallest level kept: a level of 0 would make every later seasonal ratio infinite. */
const MIN_LEVEL = 1e-9;

interface Start {
  level: number;
  trend: number;
  season: number[];
}

function start(history: readonly number[], fullYears: number): Start | null {
  const yearMean = (y: number) => history.slice(12 * y, 12 * y + 12).reduce((a, b) => a + b, 0) / 12;
  const first = yearMean(0);
  if (!(first > 0)) return null;
  const season = new Array<number>(12).fill(0);
  let years = 0;
  for (let y = 0; y < fullYears; y++) {
    const mean = yearMean(y);
    if (!(mean > 0)) continue;
    for (let m = 0; m < 12; m++) season[m] += history[12 * y + m] / mean;
    years++;
  }
  return {
    level: first,
    trend: (yearMean(fullYears - 1) - first) / (12 * (fullYears - 1)),
    season: season.map((s) => s / years),
  };
}

/** One pass with one parameter set: the squared one-month-ahead errors and the forecasts. */
function smooth(history: readonly number[], s0: Start, params: readonly number[], horizon: number) {
  const [alpha, beta, gamma, phi] = params;
  const season = [...s0.season];
  let level = s0.level;
  let trend = s0.trend;
  let squares = 0;
  for (let t = 12; t < history.length; t++) {
    const index = season[t % 12];
    const y = history[t];
    squares += (y - (level + phi * trend) * index) ** 2;
    const before = level;
    const deseasoned = index > 0 ? y / index : before + phi * trend;
    level = Math.max(alpha * deseasoned + (1 - alpha) * (before + phi * trend), MIN_LEVEL);
    trend = beta * (level - before) + (1 - beta) * phi * trend;
    season[t % 12] = gamma * (y / level) + (1 - gamma) * index;
  }
  const forecasts: number[] = [];
  let damping = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h++) {
    power *= phi;
    damping += power;
    forecasts.push(Math.max(level + damping * trend, 0) * season[(history.length + h - 1) % 12]);
  }
  return { squares, forecasts };
}

/**
 * The forecasts of the `horizon` months after `history` (monthly values from a January; it starts with
 * `fullYears` >= 2 whole years), or null when there are fewer than two whole years or the first year
 * is all 0 (no seasonal index can be taken from it).
 */
export function holtWintersForecast(history: readonly number[], fullYears: number, horizon: number): number[] | null {
  if (fullYears < 2 || history.length < 12 * fullYears) return null;
  const s0 = start(history, fullYears);
  if (s0 === null) return null;
  let best: { squares: number; forecasts: number[] } | null = null;
  for (const params of GRID) {
    const run = smooth(history, s0, params, horizon);
    if (best === null || run.squares < best.squares) best = run;
  }
  const forecasts = best!.forecasts;
  return forecasts.every(Number.isFinite) ? forecasts : null;
}
