import {
  type ErrorRow,
  backtestErrors,
  combinedProjection,
  errorsAt,
  interpolate,
  grownProjection,
  lastYearShareProjection,
  linearProjection,
  logError,
  projectionInterval,
  projectYearEnd,
  seasonalBase,
  seasonalGrowthProjection,
  seasonalNaiveProjection,
  smoothingRest,
} from '../../src/stats/forecast';
import {
  COMBINED_ERRORS,
  HISTORY_PRIOR_WEIGHT,
  LINEAR_ERRORS,
  SEASONAL_GROWTH,
  SEASONAL_GROWTH_ERRORS,
  SMOOTHING_WEIGHTS,
} from '../../src/stats/forecast-calibration';
import { holtWintersForecast } from '../../src/stats/holt-winters';

// A year seen at the end of March: 250 of 1,000 by then last year, 300 this year.
const last = { year: 2017, toDate: 250, total: 1000 };

describe('the three baselines', () => {
  it('linear keeps the pace: 300 in 3 months is 1,200 a year', () => {
    expect(linearProjection(300, 3 / 12)).toBe(1200);
  });

  it("last year's share: 300 is 25% of the year, as 250 was of 1,000", () => {
    expect(lastYearShareProjection(300, last)).toBe(1200);
  });

  it("last year's share is not available when last year had nothing by then", () => {
    expect(lastYearShareProjection(300, { year: 2017, toDate: 0, total: 1000 })).toBeNull();
  });

  it("seasonal naive adds last year's rest: 300 + 750", () => {
    expect(seasonalNaiveProjection(300, last)).toBe(1050);
  });
});

describe('seasonal growth', () => {
  // 2016: 200 of 800 by the cut-off (25%); 2017: 300 of 1,000 (30%). Projecting 2018 with decay 0.5:
  // 2017 weighs 1, 2016 0.5, so the share is (0.30 + 0.5 x 0.25) / 1.5 = 0.425 / 1.5.
  const past = [
    { year: 2016, toDate: 200, total: 800 },
    { year: 2017, toDate: 300, total: 1000 },
  ];
  const share = 0.425 / 1.5;

  it('averages the past shares with weights decay^age, at the level of the latest year', () => {
    const base = seasonalBase(past, 2018, 0.5);
    expect(base.share).toBeCloseTo(share, 14);
    expect(base.level).toBe(1000);
    expect(base.expectedToDate).toBeCloseTo(1000 * share, 11);
    expect(base.remainder).toBeCloseTo(1000 * (1 - share), 11);
  });

  it('finds the latest year whatever the order, and weighs a gap year as older', () => {
    // 2015 instead of 2016: two years back from 2017, weight 0.25.
    const base = seasonalBase(
      [
        { year: 2017, toDate: 300, total: 1000 },
        { year: 2015, toDate: 200, total: 800 },
      ],
      2018,
      0.5,
    );
    expect(base.level).toBe(1000);
    expect(base.share).toBeCloseTo((0.3 + 0.25 * 0.25) / 1.25, 14);
  });

  it('scales the remainder by the growth so far to the power of the weight', () => {
    // 340 against an expected 283.33: growth 1.2; weight 0.5 takes its square root.
    const base = seasonalBase(past, 2018, 0.5);
    expect(340 / base.expectedToDate).toBeCloseTo(1.2, 12);
    expect(grownProjection(340, base, 0.5)).toBeCloseTo(340 + 1000 * (1 - share) * Math.sqrt(1.2), 9);
    expect(grownProjection(340, base, 0)).toBeCloseTo(340 + 1000 * (1 - share), 9);
    expect(grownProjection(340, base, 1)).toBeCloseTo(340 + 1000 * (1 - share) * 1.2, 9);
  });

  it('takes no growth when nothing has come yet or nothing was expected', () => {
    const base = seasonalBase(past, 2018, 0.5);
    expect(grownProjection(0, base, 0.6)).toBeCloseTo(1000 * (1 - share), 9);
    const nothingExpected = seasonalBase([{ year: 2017, toDate: 0, total: 1000 }], 2018, 0.5);
    expect(grownProjection(50, nothingExpected, 0.6)).toBe(50 + 1000);
  });

  it('expects nothing more when every past year totals 0', () => {
    const base = seasonalBase([{ year: 2017, toDate: 0, total: 0 }], 2018, 0.7);
    expect(base.remainder).toBe(0);
    expect(grownProjection(40, base, 0.5)).toBe(40);
  });

  it('interpolates the weight between month ends', () => {
    const parameters = { decay: 0.5, weights: [0, 0.2, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4] };
    const base = seasonalBase(past, 2018, 0.5);
    // Half way through February: weight 0.3.
    expect(seasonalGrowthProjection(340, past, 2018, 1.5, parameters)).toBeCloseTo(340 + base.remainder * 1.2 ** 0.3, 9);
    // After the end of November: November's weight.
    expect(seasonalGrowthProjection(340, past, 2018, 11.5, parameters)).toBeCloseTo(340 + base.remainder * 1.2 ** 0.4, 9);
  });

  it('is shipped with a weight of 0 before the first month end, growing toward mid-year', () => {
    expect(SEASONAL_GROWTH.weights).toHaveLength(12);
    expect(SEASONAL_GROWTH.weights[0]).toBe(0);
    expect(SEASONAL_GROWTH.weights[1]).toBeLessThan(SEASONAL_GROWTH.weights[6]);
    for (const w of SEASONAL_GROWTH.weights) expect(w).toBeGreaterThanOrEqual(0);
  });
});

describe('errors and intervals', () => {
  const table: ErrorRow[] = [
    { months: 1, low: -0.2, high: 0.3, meanAbs: 0.15 },
    { months: 2, low: -0.1, high: 0.2, meanAbs: 0.1 },
  ];

  it('reads a row between month ends by linear interpolation, and the end rows beyond them', () => {
    const mid = errorsAt(table, 1.25);
    expect(mid.low).toBeCloseTo(-0.175, 14);
    expect(mid.high).toBeCloseTo(0.275, 14);
    expect(mid.meanAbs).toBeCloseTo(0.1375, 14);
    expect(errorsAt(table, 0.4)).toEqual({ ...table[0], months: 0.4 });
    expect(errorsAt(table, 7)).toEqual({ ...table[1], months: 7 });
    expect(errorsAt(table, 2)).toEqual(table[1]);
  });

  it('logError is ln(actual / projected), null without a ratio', () => {
    expect(logError(110, 100)).toBeCloseTo(Math.log(1.1), 15);
    expect(logError(0, 100)).toBeNull();
    expect(logError(100, 0)).toBeNull();
  });

  it("with too few backtests, takes the benchmark's quantiles as they are", () => {
    const i = projectionInterval(1000, 300, table[0], [0.5]);
    expect(i.basis).toBe('benchmark');
    expect(i.backtests).toBe(0);
    expect(i.low).toBeCloseTo(1000 * Math.exp(-0.2), 10);
    expect(i.high).toBeCloseTo(1000 * Math.exp(0.3), 10);
  });

  it("with two or more, scales them by the series' own mean error, weighed against the benchmark's", () => {
    // Own errors 0.3 and -0.1: mean |error| 0.2; with weight 2: f = (2 x 0.15 + 2 x 0.2) / (4 x 0.15) = 0.7 / 0.6.
    const i = projectionInterval(1000, 300, table[0], [0.3, -0.1], 2);
    const f = 0.7 / 0.6;
    expect(i.basis).toBe('history');
    expect(i.backtests).toBe(2);
    expect(i.low).toBeCloseTo(1000 * Math.exp(-0.2 * f), 10);
    expect(i.high).toBeCloseTo(1000 * Math.exp(0.3 * f), 10);
  });

  it('never puts the low end below what has already come', () => {
    expect(projectionInterval(1000, 950, table[0], []).low).toBe(950);
  });

  it('ships tables whose low quantile is below 0 and high above, narrowing toward December', () => {
    for (const t of [SEASONAL_GROWTH_ERRORS, LINEAR_ERRORS]) {
      for (const row of t) {
        expect(row.low).toBeLessThan(0);
        expect(row.high).toBeGreaterThan(0);
        expect(row.meanAbs).toBeGreaterThan(0);
      }
      expect(t[t.length - 1].high - t[t.length - 1].low).toBeLessThan(t[1].high - t[1].low);
    }
    expect(HISTORY_PRIOR_WEIGHT).toBeGreaterThanOrEqual(0);
  });
});

describe('backtests and the default projection', () => {
  const parameters = { decay: 1, weights: new Array(12).fill(0) };
  // With weight 0 and decay 1 the projection is toDate + mean past rest-of-year share x latest total.
  const years = [
    { year: 2015, toDate: 100, total: 400 },
    { year: 2016, toDate: 150, total: 500 },
    { year: 2017, toDate: 120, total: 600 },
  ];

  it('projects each year from those before it and measures ln(actual / projected)', () => {
    // 2016 from 2015: 150 + 0.75 x 400 = 450. 2017 from both: 120 + (1 - (0.25 + 0.3) / 2) x 500 = 482.5.
    const errors = backtestErrors(years, 3, parameters);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBeCloseTo(Math.log(500 / 450), 12);
    expect(errors[1]).toBeCloseTo(Math.log(600 / 482.5), 12);
  });

  it('falls back to linear without a full year before, and says so', () => {
    const p = projectYearEnd(300, [], 2018, { months: 3, elapsedShare: 90 / 365 });
    expect(p.method).toBe('linear');
    expect(p.projected).toBeCloseTo((300 * 365) / 90, 9);
    expect(p.years).toEqual([]);
    expect(p.basis).toBe('benchmark');
    const q = errorsAt(LINEAR_ERRORS, 3);
    expect(p.high).toBeCloseTo(p.projected * Math.exp(q.high), 9);
  });

  it('uses seasonal growth from every full year before, with its interval from their backtests', () => {
    const p = projectYearEnd(200, years, 2018, { months: 3, elapsedShare: 90 / 365 });
    expect(p.method).toBe('seasonal-growth');
    expect(p.years).toEqual([2015, 2016, 2017]);
    expect(p.projected).toBeCloseTo(seasonalGrowthProjection(200, years, 2018, 3), 12);
    expect(p.basis).toBe('history');
    expect(p.backtests).toBe(2);
    const own = projectionInterval(p.projected, 200, errorsAt(SEASONAL_GROWTH_ERRORS, 3), backtestErrors(years, 3));
    expect(p.low).toBe(own.low);
    expect(p.high).toBe(own.high);
  });

  it('with one full year before, takes its width from the benchmark', () => {
    const p = projectYearEnd(200, years.slice(2), 2018, { months: 3, elapsedShare: 90 / 365 });
    expect(p.basis).toBe('benchmark');
    const q = errorsAt(SEASONAL_GROWTH_ERRORS, 3);
    expect(p.low).toBeCloseTo(Math.max(200, p.projected * Math.exp(q.low)), 9);
    expect(p.high).toBeCloseTo(p.projected * Math.exp(q.high), 9);
  });
});

describe('the default: seasonal growth with Holt-Winters', () => {
  const pattern = [80, 70, 90, 100, 110, 120, 150, 160, 110, 100, 90, 120];
  const history = { months: [...pattern, ...pattern, ...pattern.slice(0, 3)], fullYears: 2, partial: 0 };
  const years = [
    { year: 2016, toDate: 240, total: 1300 },
    { year: 2017, toDate: 240, total: 1300 },
  ];

  it("forecasts the rest of the year from the smoothing's months after the history", () => {
    const forecasts = holtWintersForecast(history.months, 2, 9)!;
    expect(smoothingRest(history, 3)).toBeCloseTo(
      forecasts.reduce((a, b) => a + b, 0),
      9,
    );
  });

  it("takes what the cut-off's month has so far from its forecast, never below 0", () => {
    // 10 April: the history ends with March; April's forecast less the 30 it has so far.
    const april = { ...history, partial: 30 };
    const forecasts = holtWintersForecast(history.months, 2, 9)!;
    expect(smoothingRest(april, 3 + 10 / 30)).toBeCloseTo(forecasts.reduce((a, b) => a + b, 0) - 30, 9);
    expect(smoothingRest({ ...history, partial: 1e6 }, 3.5)).toBeCloseTo(
      forecasts.slice(1).reduce((a, b) => a + b, 0),
      9,
    );
  });

  it('has no smoothing with fewer than two full years', () => {
    expect(smoothingRest({ months: [...pattern, 80, 70, 90], fullYears: 1, partial: 0 }, 3)).toBeNull();
  });

  it('mixes the two by the weight: (1 - w) x seasonal growth + w x (toDate + rest)', () => {
    expect(combinedProjection(1000, 200, 900, 0.25)).toBeCloseTo(0.75 * 1000 + 0.25 * 1100, 12);
  });

  it('is the default when the monthly history allows it; its interval from its own quantiles, scaled by seasonal growth backtests', () => {
    const cutoff = { months: 3, elapsedShare: 90 / 365 };
    const p = projectYearEnd(240, years, 2018, cutoff, history);
    expect(p.method).toBe('seasonal-growth-holt-winters');
    const growth = seasonalGrowthProjection(240, years, 2018, 3);
    expect(p.projected).toBeCloseTo(combinedProjection(growth, 240, smoothingRest(history, 3)!, SMOOTHING_WEIGHTS[3]), 9);
    // A year exactly like the two before: both parts say 1,300.
    expect(p.projected).toBeCloseTo(1300, 6);
    const own = projectionInterval(
      p.projected,
      240,
      errorsAt(COMBINED_ERRORS, 3),
      backtestErrors(years, 3),
      HISTORY_PRIOR_WEIGHT,
      errorsAt(SEASONAL_GROWTH_ERRORS, 3).meanAbs,
    );
    expect([p.low, p.high]).toEqual([own.low, own.high]);
    expect(projectYearEnd(240, years, 2018, cutoff, { ...history, fullYears: 1 }).method).toBe('seasonal-growth');
    expect(projectYearEnd(240, years, 2018, cutoff).method).toBe('seasonal-growth');
  });

  it('is shipped with a weight for every month end 0..11 between 0 and 1, read in between', () => {
    expect(SMOOTHING_WEIGHTS).toHaveLength(12);
    for (const w of SMOOTHING_WEIGHTS) expect(w >= 0 && w <= 1).toBe(true);
    expect(interpolate(SMOOTHING_WEIGHTS, 2.5)).toBeCloseTo((SMOOTHING_WEIGHTS[2] + SMOOTHING_WEIGHTS[3]) / 2, 12);
    expect(COMBINED_ERRORS.map((r) => r.months)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});
