import { computeProgress, defaultMetric, paceOf, sameDayLastYear, statusOf, type Progress } from '../../src/model/progress';
import { DailySeries } from '../../src/model/progress-series';
import { DEFAULT_BANDS } from '../../src/model/bands';
import type { CalDate } from '../../src/model/dates';
import { combinedProjection, interpolate, seasonalGrowthProjection, smoothingRest } from '../../src/stats/forecast';
import { SMOOTHING_WEIGHTS } from '../../src/stats/forecast-calibration';

const day = (year: number, month: number, d: number): CalDate => ({ year, month, day: d });
const monthOnly = (year: number, month: number): CalDate => ({ year, month, day: null });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** Month lengths written out, independent of src/model/dates. */
const COMMON = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function series(entries: [CalDate, number][]): DailySeries {
  const s = new DailySeries();
  for (const [date, value] of entries) s.add(date, value);
  return s;
}

const base = { metric: 'visitors' as const, bands: DEFAULT_BANDS };

/** Every null figure has a reason and every reason belongs to a null figure. */
function expectReasonsMatchNulls(p: Progress) {
  for (const [name, reason] of Object.entries(p.unavailable)) {
    expect(p[name as keyof Progress]).toBeNull();
    expect(reason).toEqual(expect.any(String));
  }
  const nullFields = Object.entries(p)
    .filter(([, v]) => v === null)
    .map(([k]) => k);
  expect(nullFields.filter((k) => k !== 'latestData').sort()).toEqual(Object.keys(p.unavailable).sort());
}

describe('2018 target of 50,000 visitors, as of 9 August, no 2017 data (linear only)', () => {
  const s = series([
    [day(2018, 1, 15), 10_000],
    [day(2018, 5, 20), 12_000],
    [day(2018, 8, 9), 8_000],
    [day(2018, 8, 20), 5_000],
  ]);
  const p = computeProgress({ ...base, series: s, target: 50_000, year: 2018, asOf: day(2018, 8, 9) });
  const elapsed = sum(COMMON.slice(0, 7)) + 9; // 221
  const actual = 10_000 + 12_000 + 8_000;

  it('counts elapsed days including the as-of day', () => {
    expect(elapsed).toBe(221);
    expect(p.elapsedDays).toBe(elapsed);
    expect(p.daysInYear).toBe(365);
    expect(p.daysLeft).toBe(365 - 221);
  });

  it('reports actual, percent achieved, remaining, and the band of the projected percent', () => {
    expect(p.actual).toBe(actual);
    expect(p.percentAchieved).toBeCloseTo((30_000 / 50_000) * 100, 10);
    expect(p.remaining).toBe(20_000);
    // Not Kurang (60% to date): the year is projected to end at 30,000 x 365 / 221 = 49,548, 99.1%.
    expect(p.bandBasis).toBe('projected');
    expect(p.projectedPercent).toBeCloseTo(((30_000 * 365) / 221 / 50_000) * 100, 9);
    expect(p.band.id).toBe('Sangat Baik');
  });

  it('projects linearly for want of a full year before, and says so', () => {
    expect(p.projectionMethod).toBe('linear');
    expect(p.projected).toBe(p.projectedLinear);
    expect(p.projectionYears).toEqual([]);
    expect(p.intervalBasis).toBe('benchmark');
    expect(p.projectedLow).toBeLessThan(p.projected);
    expect(p.projectedHigh).toBeGreaterThan(p.projected);
    expect(p.projectedLow).toBeGreaterThanOrEqual(p.actual);
  });

  it('the target 50,000 lies inside the interval: within reach', () => {
    expect(p.projectedLow).toBeLessThan(50_000);
    expect(p.projectedHigh).toBeGreaterThan(50_000);
    expect(p.status).toBe('within-reach');
    expect(p.yearOver).toBe(false);
  });

  it('expects target x elapsed / days in year and projects actual / elapsed share', () => {
    expect(p.expectedLinear).toBeCloseTo((50_000 * 221) / 365, 9);
    expect(p.projectedLinear).toBeCloseTo(30_000 / (221 / 365), 9);
  });

  it('requires the remainder per day left and per calendar month left', () => {
    expect(p.requiredPerDay).toBeCloseTo(20_000 / 144, 9);
    const monthsLeft = 4 + (31 - 9) / 31; // rest of August, then September..December
    expect(p.monthsLeft).toBeCloseTo(monthsLeft, 12);
    expect(p.requiredPerMonth).toBeCloseTo(20_000 / monthsLeft, 9);
  });

  it('leaves seasonal and year-on-year figures null for want of 2017, and says why', () => {
    expect(p.seasonalShare).toBeNull();
    expect(p.expectedSeasonal).toBeNull();
    expect(p.projectedSeasonal).toBeNull();
    expect(p.previousToDate).toBeNull();
    expect(p.yoyChangePercent).toBeNull();
    expect(p.unavailable.expectedSeasonal).toBe('no-previous-year');
    expect(p.unavailable.yoyChangePercent).toBe('no-previous-year');
    expectReasonsMatchNulls(p);
  });

  it('judges pace on the linear expectation: 30,000 is within 5% of 30,274', () => {
    expect(p.paceBasis).toBe('linear');
    expect(p.expected).toBe(p.expectedLinear);
    expect(Math.abs(30_000 / ((50_000 * 221) / 365) - 1)).toBeLessThan(0.05);
    expect(p.pace).toBe('on-track');
  });

  it('defaults the year to the latest in the data and the as-of to its latest date', () => {
    const d = computeProgress({ ...base, series: s, target: 50_000 });
    expect(d.year).toBe(2018);
    expect(d.asOf).toEqual(day(2018, 8, 20));
    expect(d.actual).toBe(35_000);
    expect(d.elapsedDays).toBe(221 + 11);
    expect(d.latestData).toEqual(day(2018, 8, 20));
  });
});

describe('seasonal: 2017 monthly figures (39,000 in all) against 2018 daily logs', () => {
  const months2017 = [2500, 2800, 3000, 3200, 3300, 3100, 3600, 3900, 3400, 3300, 3100, 3800];
  const entries: [CalDate, number][] = months2017.map((v, i) => [monthOnly(2017, i + 1), v]);
  entries.push([day(2018, 2, 1), 12_000], [day(2018, 7, 31), 13_000], [day(2018, 8, 9), 5_000]);
  const p = computeProgress({ ...base, series: series(entries), target: 50_000, asOf: day(2018, 8, 9) });
  // 9 August 2017 precedes the August figure (counted on 31 August): the share is January..July.
  const share = sum(months2017.slice(0, 7)) / sum(months2017);
  const actual = 30_000;

  it('uses 2017 as a whole year of 39,000', () => {
    expect(sum(months2017)).toBe(39_000);
    expect(p.previousAsOf).toEqual(day(2017, 8, 9));
  });

  it('expects target x the 2017 share to the same day and projects actual / share', () => {
    expect(p.seasonalShare).toBeCloseTo(share, 12);
    expect(p.expectedSeasonal).toBeCloseTo(50_000 * share, 9);
    expect(p.projectedSeasonal).toBeCloseTo(actual / share, 9);
  });

  it('judges pace on the seasonal expectation (30,000 vs 27,564: more than 5% ahead)', () => {
    expect(actual / (50_000 * share)).toBeGreaterThan(1.05);
    expect(p.paceBasis).toBe('seasonal');
    expect(p.expected).toBe(p.expectedSeasonal);
    expect(p.pace).toBe('ahead');
  });

  it('compares year on year against 2017 through 9 August', () => {
    const previous = sum(months2017.slice(0, 7));
    expect(p.previousToDate).toBe(previous);
    expect(p.yoyChange).toBe(actual - previous);
    expect(p.yoyChangePercent).toBeCloseTo(((actual - previous) / previous) * 100, 9);
    expectReasonsMatchNulls(p);
  });
});

describe('leap years', () => {
  // 2015 and 2017 common, 2016 leap; each previous year has January and December values.
  const s = series([
    [day(2015, 1, 10), 100],
    [day(2015, 2, 28), 50],
    [day(2015, 3, 1), 70],
    [day(2015, 12, 5), 80],
    [day(2016, 1, 5), 40],
    [day(2016, 2, 29), 60],
    [day(2016, 3, 1), 1],
    [day(2016, 12, 20), 100],
    [day(2017, 1, 3), 20],
    [day(2017, 3, 1), 30],
  ]);

  it('2016 has 366 days and 29 February is day 60', () => {
    const p = computeProgress({ ...base, series: s, target: 1000, year: 2016, asOf: day(2016, 2, 29) });
    expect(p.daysInYear).toBe(366);
    expect(p.elapsedDays).toBe(31 + 29);
    expect(p.daysLeft).toBe(366 - 60);
    expect(p.expectedLinear).toBeCloseTo((1000 * 60) / 366, 10);
    expect(p.monthsLeft).toBeCloseTo(10, 12);
    expect(p.actual).toBe(100);
  });

  it('29 February 2016 compares with 28 February 2015', () => {
    const p = computeProgress({ ...base, series: s, target: 1000, year: 2016, asOf: day(2016, 2, 29) });
    expect(p.previousAsOf).toEqual(day(2015, 2, 28));
    expect(p.seasonalShare).toBeCloseTo((100 + 50) / (100 + 50 + 70 + 80), 12);
    expect(p.previousToDate).toBe(150);
  });

  it('1 March 2017 (day 60 of a common year) compares with 1 March 2016, 29 February included', () => {
    const p = computeProgress({ ...base, series: s, target: 400, year: 2017, asOf: day(2017, 3, 1) });
    expect(p.elapsedDays).toBe(31 + 28 + 1);
    expect(p.daysInYear).toBe(365);
    expect(p.previousAsOf).toEqual(day(2016, 3, 1));
    const share = (40 + 60 + 1) / (40 + 60 + 1 + 100);
    expect(p.seasonalShare).toBeCloseTo(share, 12);
    expect(p.expectedSeasonal).toBeCloseTo(400 * share, 10);
    expect(p.previousToDate).toBe(101);
    expect(p.yoyChangePercent).toBeCloseTo(((50 - 101) / 101) * 100, 10);
  });

  it('31 December 2016 is day 366, with nothing left to do per day', () => {
    const p = computeProgress({ ...base, series: s, target: 150, year: 2016, asOf: day(2016, 12, 31) });
    expect(p.elapsedDays).toBe(366);
    expect(p.daysLeft).toBe(0);
    expect(p.seasonalShare).toBe(1);
    expect(p.remaining).toBe(0);
    expect(p.requiredPerDay).toBe(0);
  });

  it('sameDayLastYear maps only 29 February', () => {
    expect(sameDayLastYear(day(2016, 2, 29))).toEqual(day(2015, 2, 28));
    expect(sameDayLastYear(day(2021, 2, 28))).toEqual(day(2020, 2, 28));
    expect(sameDayLastYear(day(2017, 12, 31))).toEqual(day(2016, 12, 31));
  });
});

describe('month-only data', () => {
  const months = [3000, 3500, 4000, 4200, 3900, 4100];
  const s = series(months.map((v, i) => [monthOnly(2018, i + 1), v]));

  it('is measured as of the last day of the latest month', () => {
    const p = computeProgress({ ...base, series: s, target: 50_000 });
    const elapsed = sum(COMMON.slice(0, 6));
    expect(p.asOf).toEqual(day(2018, 6, 30));
    expect(p.elapsedDays).toBe(elapsed);
    expect(p.actual).toBe(sum(months));
    expect(p.monthsLeft).toBeCloseTo(6, 12);
    expect(p.requiredPerMonth).toBeCloseTo((50_000 - sum(months)) / 6, 9);
    expect(p.requiredPerDay).toBeCloseTo((50_000 - sum(months)) / (365 - elapsed), 9);
  });

  it('a month-only as-of means that month’s last day', () => {
    const p = computeProgress({ ...base, series: s, target: 50_000, asOf: monthOnly(2018, 5) });
    expect(p.asOf).toEqual(day(2018, 5, 31));
    expect(p.actual).toBe(sum(months.slice(0, 5)));
  });

  it('an as-of inside a month leaves out that month’s figure', () => {
    const p = computeProgress({ ...base, series: s, target: 50_000, asOf: day(2018, 6, 15) });
    expect(p.actual).toBe(sum(months.slice(0, 5)));
  });
});

describe('an incomplete previous year', () => {
  it('stopping in November gives no seasonal figures; linear status; year-on-year still within its span', () => {
    const s = series([
      [day(2016, 1, 4), 70],
      [day(2016, 6, 1), 80],
      [day(2016, 11, 3), 90],
      [day(2017, 1, 9), 100],
      [day(2017, 6, 30), 60],
    ]);
    const p = computeProgress({ ...base, series: s, target: 39_000, asOf: day(2017, 6, 30) });
    expect(p.seasonalShare).toBeNull();
    expect(p.expectedSeasonal).toBeNull();
    expect(p.projectedSeasonal).toBeNull();
    expect(p.unavailable.expectedSeasonal).toBe('previous-year-incomplete');
    expect(p.paceBasis).toBe('linear');
    expect(p.projectionMethod).toBe('linear');
    expect(p.previousToDate).toBe(150);
    expect(p.yoyChangePercent).toBeCloseTo(((160 - 150) / 150) * 100, 10);
    expectReasonsMatchNulls(p);
  });

  it('starting in March gives neither seasonal nor year-on-year figures', () => {
    const s = series([
      [day(2016, 3, 4), 70],
      [day(2016, 12, 1), 80],
      [day(2017, 1, 9), 100],
      [day(2017, 6, 30), 60],
    ]);
    const p = computeProgress({ ...base, series: s, target: 1000, asOf: day(2017, 6, 30) });
    expect(p.unavailable.seasonalShare).toBe('previous-year-incomplete');
    expect(p.unavailable.yoyChangePercent).toBe('previous-year-incomplete');
    expect(p.yoyChange).toBeNull();
  });

  it('with no previous data up to the same day, year-on-year is not available', () => {
    const s = series([
      [day(2017, 1, 20), 5],
      [day(2017, 12, 20), 5],
      [day(2018, 1, 10), 7],
    ]);
    const p = computeProgress({ ...base, series: s, target: 100, asOf: day(2018, 1, 10) });
    expect(p.previousToDate).toBeNull();
    expect(p.unavailable.previousToDate).toBe('no-previous-year');
    // The seasonal share is known (2017 is whole) and is 0 so far: nothing to project from.
    expect(p.seasonalShare).toBe(0);
    expect(p.expectedSeasonal).toBe(0);
    expect(p.projectedSeasonal).toBeNull();
    expect(p.unavailable.projectedSeasonal).toBe('previous-year-zero');
  });

  it('a previous year of zeros gives no share and no year-on-year percent', () => {
    const s = series([
      [monthOnly(2020, 1), 0],
      [monthOnly(2020, 12), 0],
      [monthOnly(2021, 3), 10],
    ]);
    const p = computeProgress({ ...base, series: s, target: 100 });
    expect(p.unavailable.seasonalShare).toBe('previous-year-zero');
    expect(p.previousToDate).toBe(0);
    expect(p.yoyChange).toBe(10);
    expect(p.unavailable.yoyChangePercent).toBe('previous-year-zero');
    expectReasonsMatchNulls(p);
  });
});

describe('pace boundaries (tolerance 5%)', () => {
  // 36,500 over 365 days expects exactly 100 a day; as of 10 April (day 90 + 10 = 100) that is 10,000.
  const asOf = day(2018, 4, 10);
  const at = (actual: number, tolerancePercent?: number) =>
    computeProgress({ ...base, series: series([[day(2018, 1, 1), actual]]), target: 36_500, asOf, tolerancePercent });

  it('expects 10,000 by day 100', () => {
    expect(sum(COMMON.slice(0, 3)) + 10).toBe(100);
    expect(at(10_000).expected).toBe(10_000);
  });

  it.each([
    [10_500, 'ahead'],
    [10_499, 'on-track'],
    [10_000, 'on-track'],
    [9_500, 'on-track'],
    [9_499, 'behind'],
  ])('%p is %s', (actual, pace) => {
    expect(at(actual).pace).toBe(pace);
  });

  it('follows a custom tolerance', () => {
    expect(at(11_000, 10).pace).toBe('ahead');
    expect(at(10_999, 10).pace).toBe('on-track');
    expect(at(8_999, 10).pace).toBe('behind');
  });

  it('with tolerance 0, exactly on pace is on-track, not ahead', () => {
    expect(paceOf(100, 100, 0)).toBe('on-track');
    expect(paceOf(101, 100, 0)).toBe('ahead');
    expect(paceOf(99, 100, 0)).toBe('behind');
    expect(paceOf(0, 0, 5)).toBe('on-track');
  });
});

describe('as-of outside the data or the year', () => {
  const s = series([
    [day(2018, 3, 1), 20_000],
    [day(2018, 9, 1), 25_000],
  ]);

  it('after 31 December clamps to 31 December', () => {
    const p = computeProgress({ ...base, series: s, target: 50_000, year: 2018, asOf: day(2019, 2, 1) });
    expect(p.asOf).toEqual(day(2018, 12, 31));
    expect(p.asOfClamped).toBe(true);
    expect(p.elapsedDays).toBe(365);
    expect(p.daysLeft).toBe(0);
    expect(p.monthsLeft).toBe(0);
    expect(p.remaining).toBe(5_000);
    expect(p.requiredPerDay).toBeNull();
    expect(p.requiredPerMonth).toBeNull();
    expect(p.unavailable.requiredPerDay).toBe('year-over');
    expect(p.projectedLinear).toBe(45_000);
    expect(p.percentAchieved).toBeCloseTo(90, 10);
    expect(p.band.id).toBe('Baik');
    expect(p.bandBasis).toBe('final');
    expect(p.yearOver).toBe(true);
    expect(p.status).toBe('missed');
    expect(p.pace).toBeNull();
    expect(p.unavailable.pace).toBe('year-over');
    expect([p.projected, p.projectedLow, p.projectedHigh, p.projectionMethod]).toEqual([45_000, 45_000, 45_000, 'final']);
  });

  it('before the first data of the year gives an actual of 0', () => {
    const p = computeProgress({ ...base, series: s, target: 50_000, asOf: day(2018, 2, 1) });
    expect(p.asOfClamped).toBe(false);
    expect(p.actual).toBe(0);
    expect(p.percentAchieved).toBe(0);
    expect(p.status).toBe('behind');
    expect(p.band.id).toBe('Sangat Kurang');
  });

  // The commands refuse these first with a usage error (src/commands/targets.ts measure).
  it("in a year before the target year is the caller's mistake", () => {
    expect(() => computeProgress({ ...base, series: s, target: 50_000, year: 2018, asOf: day(2017, 12, 31) })).toThrow(RangeError);
  });

  it('a year without data needs an explicit as-of', () => {
    expect(() => computeProgress({ ...base, series: s, target: 1, year: 2019 })).toThrow(RangeError);
    const p = computeProgress({ ...base, series: s, target: 1000, year: 2019, asOf: day(2019, 1, 31) });
    expect(p.actual).toBe(0);
    expect(p.latestData).toBeNull();
  });

  it("no data at all and no year is the caller's mistake", () => {
    expect(() => computeProgress({ ...base, series: new DailySeries(), target: 1 })).toThrow(RangeError);
  });
});

describe('a target already exceeded', () => {
  it('has nothing remaining, no rate required, and the top band', () => {
    const s = series([[day(2018, 6, 1), 60_000]]);
    const p = computeProgress({ ...base, series: s, target: 50_000, asOf: day(2018, 6, 1) });
    expect(p.remaining).toBe(0);
    expect(p.requiredPerDay).toBe(0);
    expect(p.requiredPerMonth).toBe(0);
    expect(p.percentAchieved).toBeCloseTo(120, 10);
    expect(p.band.id).toBe('Sangat Baik');
    expect(p.status).toBe('ahead');
  });
});

describe('invalid input (the commands check it first: src/commands/parse.ts)', () => {
  const s = series([[day(2018, 1, 1), 1]]);

  it.each([0, -5, NaN, Infinity])('rejects target %p', (target) => {
    expect(() => computeProgress({ ...base, series: s, target })).toThrow(RangeError);
  });

  it.each([-1, 100, NaN])('rejects tolerance %p', (tolerancePercent) => {
    expect(() => computeProgress({ ...base, series: s, target: 10, tolerancePercent })).toThrow(RangeError);
  });

  it('rejects bands with no grade for the percent it grades', () => {
    expect(() => computeProgress({ ...base, series: s, target: 1_000_000, bands: [{ min: 50, id: 'A', en: 'a' }] })).toThrow(RangeError);
  });
});

it('defaultMetric: visitors for delegation logs, total for arrivals', () => {
  expect(defaultMetric('delegations')).toBe('visitors');
  expect(defaultMetric('arrivals')).toBe('total');
});

describe('the year-end projection from every full year before', () => {
  const months2016 = [2000, 2100, 2500, 2600, 2700, 2600, 3000, 3200, 2800, 2700, 2600, 3200];
  const months2017 = [2500, 2800, 3000, 3200, 3300, 3100, 3600, 3900, 3400, 3300, 3100, 3800];
  const entries: [CalDate, number][] = [
    ...months2016.map((v, i): [CalDate, number] => [monthOnly(2016, i + 1), v]),
    ...months2017.map((v, i): [CalDate, number] => [monthOnly(2017, i + 1), v]),
    [day(2018, 2, 1), 12_000],
    [day(2018, 7, 31), 13_000],
    [day(2018, 8, 9), 5_000],
  ];
  const s = series(entries);
  const at = (target: number) => computeProgress({ ...base, series: s, target, asOf: day(2018, 8, 9) });
  const p = at(50_000);

  it('cuts each past year at 9 August (their August figures, dated 31 August, left out), grows the rest and mixes in Holt-Winters', () => {
    const before = [
      { year: 2016, toDate: sum(months2016.slice(0, 7)), total: sum(months2016) },
      { year: 2017, toDate: sum(months2017.slice(0, 7)), total: sum(months2017) },
    ];
    const months = 7 + 9 / 31;
    // The smoothing learns 2016, 2017 and January to July 2018; August has 5,000 so far.
    const history = { months: [...months2016, ...months2017, 0, 12_000, 0, 0, 0, 0, 13_000], fullYears: 2, partial: 5_000 };
    const rest = smoothingRest(history, months);
    expect(rest).not.toBeNull();
    expect(p.projectionMethod).toBe('seasonal-growth-holt-winters');
    expect(p.projectionYears).toEqual([2016, 2017]);
    const growth = seasonalGrowthProjection(30_000, before, 2018, months);
    expect(p.projected).toBeCloseTo(combinedProjection(growth, 30_000, rest!, interpolate(SMOOTHING_WEIGHTS, months)), 9);
    expect(p.projected).not.toBeCloseTo(growth, 0);
    expect(p.projectedPercent).toBeCloseTo((p.projected / 50_000) * 100, 12);
  });

  it('without two consecutive full years just before, seasonal growth alone', () => {
    const cut2017 = { year: 2017, toDate: sum(months2017.slice(0, 7)), total: sum(months2017) };
    const only2017 = computeProgress({
      ...base,
      series: series(entries.filter(([d]) => d.year !== 2016)),
      target: 50_000,
      asOf: day(2018, 8, 9),
    });
    expect(only2017.projectionMethod).toBe('seasonal-growth');
    expect(only2017.projected).toBeCloseTo(seasonalGrowthProjection(30_000, [cut2017], 2018, 7 + 9 / 31), 9);
    // 2016 stops in November: 2015 and 2017 are full, but not consecutive.
    const gap = series([
      ...months2016.map((v, i): [CalDate, number] => [monthOnly(2015, i + 1), v]),
      ...entries.filter(([d]) => d.year !== 2016 || d.month < 12),
    ]);
    const q = computeProgress({ ...base, series: gap, target: 50_000, asOf: day(2018, 8, 9) });
    expect(q.projectionYears).toEqual([2015, 2017]);
    expect(q.projectionMethod).toBe('seasonal-growth');
  });

  it('takes the interval from the benchmark with one backtest (2017 from 2016)', () => {
    expect(p.intervalBasis).toBe('benchmark');
    expect(p.intervalBacktests).toBe(0);
    expect(p.projectedLow).toBeLessThan(p.projected);
    expect(p.projectedHigh).toBeGreaterThan(p.projected);
  });

  it('reads the target against the interval: inside is within reach, below ahead, above behind', () => {
    const inside = Math.round((p.projectedLow + p.projectedHigh) / 2);
    expect(at(inside).status).toBe('within-reach');
    expect(at(Math.floor(p.projectedLow) - 1).status).toBe('ahead');
    expect(at(Math.ceil(p.projectedHigh) + 1).status).toBe('behind');
  });

  it('a target already reached during the year is ahead', () => {
    expect(at(30_000).status).toBe('ahead');
  });
});

describe('a year that is over', () => {
  const s = series([
    [day(2016, 1, 4), 100],
    [day(2016, 12, 20), 100],
    [day(2017, 1, 9), 2_000],
    [day(2017, 12, 29), 1_000],
  ]);

  it('the data runs into December: as of 31 December, achieved, the band of the final percentage', () => {
    const p = computeProgress({ ...base, series: s, target: 3_000 });
    expect(p.asOf).toEqual(day(2017, 12, 31));
    expect(p.asOfYearEnd).toBe(true);
    expect(p.latestData).toEqual(day(2017, 12, 29));
    expect(p.yearOver).toBe(true);
    expect(p.status).toBe('achieved');
    expect(p.bandBasis).toBe('final');
    expect(p.band.id).toBe('Sangat Baik');
  });

  it('one short of the target is missed, whatever the tolerance', () => {
    const p = computeProgress({ ...base, series: s, target: 3_001, tolerancePercent: 10 });
    expect(p.status).toBe('missed');
    expect(p.pace).toBeNull();
    expect(statusOf({ actual: 3_000, target: 3_001, low: 3_000, high: 3_000, yearOver: true })).toBe('missed');
  });

  it('data in a later year closes the earlier one', () => {
    const p = computeProgress({ ...base, series: s, target: 300, year: 2016 });
    expect(p.asOf).toEqual(day(2016, 12, 31));
    expect(p.status).toBe('missed');
    expect(p.percentAchieved).toBeCloseTo(200 / 3, 10);
    expect(p.band.id).toBe('Cukup');
  });

  it('an as-of given inside December keeps the year open', () => {
    const p = computeProgress({ ...base, series: s, target: 3_000, asOf: day(2017, 12, 15) });
    expect(p.yearOver).toBe(false);
    expect(p.asOfYearEnd).toBe(false);
    expect(['ahead', 'within-reach', 'behind']).toContain(p.status);
    expect(p.bandBasis).toBe('projected');
  });

  it('a log whose latest data is before December stays open', () => {
    const p = computeProgress({ ...base, series: series([[day(2018, 11, 30), 5]]), target: 10 });
    expect(p.asOf).toEqual(day(2018, 11, 30));
    expect(p.yearOver).toBe(false);
  });
});

describe('an interval from the series’ own past', () => {
  it('with three full years before, two of them are projected from those before them and set the width', () => {
    const entries: [CalDate, number][] = [];
    [2015, 2016, 2017].forEach((year, k) => {
      for (let m = 1; m <= 12; m++) entries.push([monthOnly(year, m), 1000 + 100 * k + 10 * m]);
    });
    entries.push([monthOnly(2018, 1), 1400], [monthOnly(2018, 2), 1450], [monthOnly(2018, 3), 1500]);
    const p = computeProgress({ ...base, series: series(entries), target: 18_000, asOf: day(2018, 3, 31) });
    expect(p.projectionYears).toEqual([2015, 2016, 2017]);
    expect(p.intervalBasis).toBe('history');
    expect(p.intervalBacktests).toBe(2);
    expect(p.projectedLow).toBeLessThan(p.projected);
    expect(p.projectedHigh).toBeGreaterThan(p.projected);
  });
});
