import fc from 'fast-check';
import { DailySeries, dateOfDay } from '../../src/model/progress-series';

const day = (year: number, month: number, d: number) => ({ year, month, day: d });
const monthOnly = (year: number, month: number) => ({ year, month, day: null });

describe('DailySeries', () => {
  it('sums values through a day, inclusive, per year', () => {
    const s = new DailySeries();
    s.add(day(2018, 1, 15), 70);
    s.add(day(2018, 1, 15), 30);
    s.add(day(2018, 8, 9), 50);
    s.add(day(2018, 8, 10), 7);
    s.add(day(2017, 8, 9), 1000);
    expect(s.sumThrough(2018, 1, 14)).toBe(0);
    expect(s.sumThrough(2018, 1, 15)).toBe(100);
    expect(s.sumThrough(2018, 8, 9)).toBe(150);
    expect(s.total(2018)).toBe(157);
    expect(s.total(2017)).toBe(1000);
    expect(s.sumThrough(2020, 12, 31)).toBe(0);
    expect(s.years()).toEqual([2017, 2018]);
  });

  it('counts a month-only figure on the last day of its month (28 or 29 February)', () => {
    const s = new DailySeries();
    s.add(monthOnly(2016, 2), 29);
    s.add(monthOnly(2017, 2), 28);
    expect(s.sumThrough(2016, 2, 28)).toBe(0);
    expect(s.sumThrough(2016, 2, 29)).toBe(29);
    expect(s.sumThrough(2017, 2, 27)).toBe(0);
    expect(s.sumThrough(2017, 2, 28)).toBe(28);
    expect(s.latestDate(2016)).toEqual(day(2016, 2, 29));
    expect(s.latestDate(2017)).toEqual(day(2017, 2, 28));
  });

  it('keeps 31 December of a leap year (day 366)', () => {
    const s = new DailySeries();
    s.add(day(2016, 12, 31), 5);
    s.add(monthOnly(2016, 12), 6);
    expect(s.sumThrough(2016, 12, 30)).toBe(0);
    expect(s.total(2016)).toBe(11);
  });

  it('reports the earliest and latest dates with data, or null for a year without any', () => {
    const s = new DailySeries();
    s.add(day(2018, 8, 9), 1);
    s.add(monthOnly(2018, 3), 1);
    expect(s.earliestDate(2018)).toEqual(day(2018, 3, 31));
    expect(s.latestDate(2018)).toEqual(day(2018, 8, 9));
    expect(s.latestDate(2019)).toBeNull();
    expect(s.earliestDate(2019)).toBeNull();
  });

  describe('coversWholeYear: values dated in January and in December', () => {
    it('is true for monthly figures January to December', () => {
      const s = new DailySeries();
      for (let m = 1; m <= 12; m++) s.add(monthOnly(2017, m), 100);
      expect(s.coversWholeYear(2017)).toBe(true);
    });

    it('is false for a log that stops in November (like the 2016 seed) or starts in March', () => {
      const stops = new DailySeries();
      stops.add(day(2016, 1, 4), 70);
      stops.add(day(2016, 11, 3), 70);
      expect(stops.coversWholeYear(2016)).toBe(false);
      const starts = new DailySeries();
      starts.add(day(2016, 3, 1), 70);
      starts.add(day(2016, 12, 20), 70);
      expect(starts.coversWholeYear(2016)).toBe(false);
      expect(starts.coversWholeYear(2015)).toBe(false);
    });

    it('counts a zero figure as data (a month with no visitors was still recorded)', () => {
      const s = new DailySeries();
      s.add(day(2017, 1, 2), 0);
      s.add(monthOnly(2017, 12), 0);
      expect(s.coversWholeYear(2017)).toBe(true);
    });
  });

  it('coversThrough needs January and a value in the month or later', () => {
    const s = new DailySeries();
    s.add(day(2017, 1, 31), 1);
    s.add(day(2017, 7, 31), 1);
    expect(s.coversThrough(2017, 7)).toBe(true);
    expect(s.coversThrough(2017, 8)).toBe(false);
  });

  it('rejects values that are not counts', () => {
    const s = new DailySeries();
    expect(() => s.add(day(2018, 1, 1), -1)).toThrow(RangeError);
    expect(() => s.add(day(2018, 1, 1), NaN)).toThrow(RangeError);
    expect(() => s.add(day(2018, 1, 1), Infinity)).toThrow(RangeError);
  });

  it('sums exactly the values dated on or before the day (property)', () => {
    const entry = fc.record({
      year: fc.integer({ min: 2015, max: 2018 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.option(fc.integer({ min: 1, max: 28 })),
      value: fc.integer({ min: 0, max: 1_000_000 }),
    });
    const query = fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), query, (entries, q) => {
        const s = new DailySeries();
        for (const e of entries) s.add({ year: e.year, month: e.month, day: e.day }, e.value);
        // Independent rule: a month-only entry counts from its month's last day (28 February 2017 is one).
        const lastDay = new Date(Date.UTC(2017, q.month, 0)).getUTCDate();
        const onOrBefore = (e: (typeof entries)[number]) =>
          e.month < q.month || (e.month === q.month && (e.day === null ? q.day === lastDay : e.day <= q.day));
        const expected = entries.filter((e) => e.year === 2017 && onOrBefore(e)).reduce((a, e) => a + e.value, 0);
        expect(s.sumThrough(2017, q.month, q.day)).toBe(expected);
      }),
    );
  });
});

describe('dateOfDay', () => {
  it('turns a day of year back into a date, leap years included', () => {
    expect(dateOfDay(2018, 221)).toEqual(day(2018, 8, 9));
    expect(dateOfDay(2016, 60)).toEqual(day(2016, 2, 29));
    expect(dateOfDay(2017, 60)).toEqual(day(2017, 3, 1));
    expect(dateOfDay(2016, 366)).toEqual(day(2016, 12, 31));
  });
});
