import fc from 'fast-check';
import type { ArrivalRow, Segment } from '../../src/model/records';
import { ArrivalSummarizer, type ArrivalUnit } from '../../src/model/summary';
import { Ratio } from '../../src/stats/exact';
import { propertyRuns } from '../helpers/property';

function arrival(when: string, segment: Segment, count: number): ArrivalRow {
  const [year, month, day] = when.split('-').map(Number);
  return { period: { year, month, day: day ?? null }, segment, count };
}

/** A wide row: both segments for one period. */
function both(when: string, domestic: number, foreign: number): ArrivalRow[] {
  return [arrival(when, 'domestic', domestic), arrival(when, 'foreign', foreign)];
}

/** Exactly num / den, not merely close. */
function expectRatio(actual: Ratio | null, num: number, den: number): void {
  expect(actual).not.toBeNull();
  if (!actual!.equals(Ratio.of(num, den))) throw new Error(`${actual!.toNumber()} is not ${num}/${den}`);
}

function summarize(rows: ArrivalRow[], unit: ArrivalUnit = 'month') {
  const s = new ArrivalSummarizer({ unit });
  rows.forEach((r) => s.add(r));
  return s.result();
}

describe('ArrivalSummarizer', () => {
  it('reproduces 2017: 4,800,000 domestic and 98,970 foreign', () => {
    const { periods, totals } = summarize(both('2017-06', 4_800_000, 98_970), 'year');
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({ period: { unit: 'year', year: 2017 }, domestic: 4_800_000, foreign: 98_970, total: 4_898_970 });
    expectRatio(periods[0].foreignShare, 98_970, 4_898_970);
    expect(totals).toMatchObject({ domestic: 4_800_000, foreign: 98_970, total: 4_898_970, incompletePeriods: 0 });
  });

  it('computes month-on-month growth, and none after a missing month', () => {
    const rows = [...both('2017-04', 150, 5), ...both('2017-01', 100, 10), ...both('2017-02', 120, 20)];
    const periods = summarize(rows).periods;
    expect(periods.map((p) => p.period)).toEqual([
      { unit: 'month', year: 2017, month: 1 },
      { unit: 'month', year: 2017, month: 2 },
      { unit: 'month', year: 2017, month: 4 },
    ]);
    expect(periods[0].previousGrowth).toEqual({ domestic: null, foreign: null, total: null });
    expectRatio(periods[1].previousGrowth.domestic, 120 - 100, 100);
    expectRatio(periods[1].previousGrowth.foreign, 20 - 10, 10);
    expectRatio(periods[1].previousGrowth.total, 140 - 110, 110);
    expect(periods[2].previousGrowth).toEqual({ domestic: null, foreign: null, total: null }); // March absent
    expectRatio(periods[1].foreignShare, 20, 140);
  });

  it('sums daily rows into their month, next to month-only rows of other months', () => {
    const rows = [
      arrival('2017-03-01', 'domestic', 7),
      arrival('2017-03-31', 'domestic', 8),
      arrival('2017-03-15', 'foreign', 1),
      ...both('2017-02', 10, 2),
    ];
    const periods = summarize(rows).periods;
    expect(periods[1]).toMatchObject({ domestic: 15, foreign: 1, total: 16 });
    expectRatio(periods[1].previousGrowth.total, 16 - 12, 12);
  });

  it('reports a missing segment as null, with no total or share, and still grows the present one', () => {
    const rows = [...both('2017-04', 100, 10), arrival('2017-05', 'domestic', 130)];
    const [april, may] = summarize(rows).periods;
    expect(may).toMatchObject({ domestic: 130, foreign: null, total: null, foreignShare: null });
    expectRatio(may.previousGrowth.domestic, 3, 10);
    expect(may.previousGrowth.foreign).toBeNull();
    expect(may.previousGrowth.total).toBeNull();
    expect(april.total).toBe(110);
  });

  it('gives no totals over periods with a missing segment, but sums each segment', () => {
    const totals = summarize([...both('2017-04', 100, 10), arrival('2017-05', 'domestic', 130)]).totals;
    expect(totals).toEqual({ domestic: 230, foreign: 10, total: null, foreignShare: null, incompletePeriods: 1 });
  });

  it('computes year-on-year growth across years, only where the same month last year exists', () => {
    const rows = [...both('2016-01', 80, 8), ...both('2017-01', 100, 10), ...both('2017-02', 90, 9)];
    const periods = summarize(rows).periods;
    const jan2017 = periods[1];
    expectRatio(jan2017.yearOnYearGrowth.total, 110 - 88, 88);
    expect(jan2017.previousGrowth.total).toBeNull(); // December 2016 is absent
    expect(periods[2].yearOnYearGrowth.total).toBeNull(); // February 2016 is absent
    expectRatio(periods[2].previousGrowth.total, 99 - 110, 110);
  });

  it('for years, previous-period growth is year on year', () => {
    const rows = [...both('2016-03', 1000, 50), ...both('2016-09', 1000, 50), ...both('2017-05', 2400, 150)];
    const [y2016, y2017] = summarize(rows, 'year').periods;
    expect(y2016.total).toBe(2100);
    expectRatio(y2017.previousGrowth.total, 2550 - 2100, 2100);
    expectRatio(y2017.yearOnYearGrowth.total, 2550 - 2100, 2100);
  });

  it('sums months into quarters and compares quarters across the year boundary', () => {
    const rows = [...both('2016-10', 10, 1), ...both('2016-12-31', 20, 2), ...both('2017-01', 40, 4), ...both('2017-03', 5, 0)];
    const [q4, q1] = summarize(rows, 'quarter').periods;
    expect(q4).toMatchObject({ period: { unit: 'quarter', year: 2016, quarter: 4 }, total: 33 });
    expect(q1).toMatchObject({ period: { unit: 'quarter', year: 2017, quarter: 1 }, total: 49 });
    expectRatio(q1.previousGrowth.total, 49 - 33, 33);
    expectRatio(q1.previousGrowth.foreign, 4 - 3, 3);
  });

  it('gives no growth from a zero and no share of a zero total', () => {
    const [first, second] = summarize([...both('2017-01', 0, 0), ...both('2017-02', 10, 0)]).periods;
    expect(first.foreignShare).toBeNull();
    expect(second.previousGrowth).toEqual({ domestic: null, foreign: null, total: null });
    expectRatio(second.foreignShare, 0, 1);
  });

  it('summarises no rows as no periods and null totals', () => {
    expect(summarize([])).toEqual({
      unit: 'month',
      periods: [],
      totals: { domestic: null, foreign: null, total: null, foreignShare: null, incompletePeriods: 0 },
      annualOnly: [],
      annualOverlapped: [],
    });
  });
});

describe('ArrivalSummarizer: annual figures', () => {
  const year = (y: number) => ({ year: y, month: null, day: null });
  const annual2015: ArrivalRow[] = [
    { period: year(2015), segment: 'domestic', count: 4_200_000 },
    { period: year(2015), segment: 'foreign', count: 87_000 },
  ];
  const months2016: ArrivalRow[] = [
    { period: { year: 2016, month: 1, day: null }, segment: 'domestic', count: 100 },
    { period: { year: 2016, month: 2, day: null }, segment: 'domestic', count: 50 },
  ];

  function summarizeBy(unit: 'month' | 'year', rows: ArrivalRow[]) {
    const s = new ArrivalSummarizer({ unit });
    for (const row of rows) s.add(row);
    return s.result();
  }

  it('takes part by year: a year of annual figures beside a year of months', () => {
    const r = summarizeBy('year', [...annual2015, ...months2016]);
    expect(r.periods.map((p) => [p.period, p.domestic, p.foreign, p.annual])).toEqual([
      [{ unit: 'year', year: 2015 }, 4_200_000, 87_000, true],
      [{ unit: 'year', year: 2016 }, 150, null, undefined],
    ]);
    expect(r.annualOnly).toEqual([]);
  });

  it('is never placed in a month: a monthly view lists it as annual only', () => {
    const r = summarizeBy('month', [...annual2015, ...months2016]);
    expect(r.periods.map((p) => p.period)).toEqual([
      { unit: 'month', year: 2016, month: 1 },
      { unit: 'month', year: 2016, month: 2 },
    ]);
    expect(r.annualOnly).toEqual([
      { year: 2015, segment: 'domestic', count: 4_200_000 },
      { year: 2015, segment: 'foreign', count: 87_000 },
    ]);
  });

  it('is never added to the finer figures of its year and segment: they win, and it is listed with their sum', () => {
    const annual2016: ArrivalRow[] = [
      { period: year(2016), segment: 'domestic', count: 160 },
      { period: year(2016), segment: 'foreign', count: 9 },
    ];
    for (const unit of ['month', 'year'] as const) {
      const r = summarizeBy(unit, [...months2016, ...annual2016]);
      expect(r.annualOverlapped).toEqual([{ year: 2016, segment: 'domestic', count: 160, finer: 150 }]);
      expect(r.totals.domestic).toBe(150);
    }
    // With no finer foreign figure, the annual foreign one is the year's (by year) or annual only (by month).
    expect(summarizeBy('year', [...months2016, ...annual2016]).periods[0].foreign).toBe(9);
    expect(summarizeBy('month', [...months2016, ...annual2016]).annualOnly).toEqual([{ year: 2016, segment: 'foreign', count: 9 }]);
  });

  it('crosses to another summarizer with toData/absorb', () => {
    const a = new ArrivalSummarizer({ unit: 'year' });
    const b = new ArrivalSummarizer({ unit: 'year' });
    annual2015.forEach((row) => a.add(row));
    months2016.forEach((row) => b.add(row));
    a.absorb(b.toData());
    expect(a.result()).toEqual(summarizeBy('year', [...annual2015, ...months2016]));
  });
});

describe('ArrivalSummarizer.mergeFrom', () => {
  const rowArb: fc.Arbitrary<ArrivalRow> = fc.record({
    period: fc.record({
      year: fc.integer({ min: 2015, max: 2018 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.option(fc.integer({ min: 1, max: 28 })),
    }),
    segment: fc.constantFrom<Segment>('domestic', 'foreign'),
    count: fc.integer({ min: 0, max: 1_000_000 }),
  });

  function fed(unit: ArrivalUnit, rows: ArrivalRow[]): ArrivalSummarizer {
    const s = new ArrivalSummarizer({ unit });
    rows.forEach((r) => s.add(r));
    return s;
  }

  it('gives, merged from summarizers of disjoint parts, the result of one summarizer fed all rows', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 80 }),
        fc.constantFrom<ArrivalUnit>('month', 'quarter', 'year'),
        fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
        (rows, unit, side) => {
          const merged = fed(
            unit,
            rows.filter((_, i) => side[i]),
          );
          merged.mergeFrom(
            fed(
              unit,
              rows.filter((_, i) => !side[i]),
            ),
          );
          expect(merged.result()).toEqual(fed(unit, rows).result());
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });

  it('refuses to merge summarizers of different units', () => {
    expect(() => new ArrivalSummarizer({ unit: 'month' }).mergeFrom(new ArrivalSummarizer({ unit: 'year' }))).toThrow(/different units/);
  });
});
