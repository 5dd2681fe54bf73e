/**
 * The arrival ledger: a figure given twice, as --on-overlap says; a coarser figure and finer ones
 * within its span never added together; against a reference computed from the figures directly.
 */
import fc from 'fast-check';
import { ArrivalLedger, type OverlapPolicy, spansOf } from '../../src/model/arrival-ledger';
import type { CalDate } from '../../src/model/dates';
import type { Segment } from '../../src/model/records';
import { countedRows } from '../helpers/ledger';
import { propertyRuns } from '../helpers/property';

const month = (m: number): CalDate => ({ year: 2017, month: m, day: null });
const day = (m: number, d: number): CalDate => ({ year: 2017, month: m, day: d });

function ledgerOf(figures: [CalDate, Segment, number][]): ArrivalLedger {
  const ledger = new ArrivalLedger();
  figures.forEach(([period, segment, count], i) =>
    ledger.add({ period, segment, count }, { source: i < 100 ? 'a.csv' : 'b.csv', line: i + 2 }),
  );
  return ledger;
}

const counted = (ledger: ArrivalLedger, policy: OverlapPolicy) =>
  countedRows(ledger.resolve(policy)).map((r) => `${r.segment} ${spansOf(r.period)[0]} ${r.count}`);

describe('spans', () => {
  it('a day is in its month and its year; a month in its year; a year alone', () => {
    expect(spansOf(day(3, 9))).toEqual(['2017-03-09', '2017-03', '2017']);
    expect(spansOf(month(3))).toEqual(['2017-03', '2017']);
    expect(spansOf({ year: 2017, month: null, day: null })).toEqual(['2017']);
  });
});

describe('a figure given twice', () => {
  const twice = () =>
    ledgerOf([
      [month(1), 'domestic', 100],
      [month(1), 'foreign', 10],
      [month(1), 'domestic', 120],
    ]);

  it('is found with both places and values, whatever the policy', () => {
    for (const policy of ['error', 'first', 'last', 'sum'] as const) {
      const { overlaps } = twice().resolve(policy);
      expect(overlaps).toHaveLength(1);
      expect(overlaps[0].first).toMatchObject({ segment: 'domestic', count: 100, source: 'a.csv', line: 2 });
      expect(overlaps[0].again).toMatchObject({ segment: 'domestic', count: 120, source: 'a.csv', line: 4 });
    }
  });

  it('counts the first, the last or their sum', () => {
    expect(counted(twice(), 'first')).toEqual(['domestic 2017-01 100', 'foreign 2017-01 10']);
    expect(counted(twice(), 'last')).toEqual(['domestic 2017-01 120', 'foreign 2017-01 10']);
    expect(counted(twice(), 'sum')).toEqual(['domestic 2017-01 220', 'foreign 2017-01 10']);
  });

  it('is not another segment, nor another span of the same segment', () => {
    const { overlaps } = ledgerOf([
      [month(1), 'domestic', 100],
      [month(1), 'foreign', 100],
      [month(2), 'domestic', 100],
      [day(2, 1), 'domestic', 5],
    ]).resolve('error');
    expect(overlaps).toEqual([]);
  });
});

describe('a coarser figure and finer ones within its span', () => {
  it('counts the finer ones and reports a coarser one that differs from their sum', () => {
    const ledger = ledgerOf([
      [month(3), 'domestic', 1000],
      [month(3), 'foreign', 30],
      [day(3, 1), 'domestic', 400],
      [day(3, 2), 'domestic', 590],
      [day(3, 1), 'foreign', 30],
      [month(4), 'domestic', 7],
    ]);
    const result = ledger.resolve('error');
    expect(countedRows(result).map((r) => `${r.segment} ${spansOf(r.period)[0]} ${r.count}`)).toEqual([
      'domestic 2017-03-01 400',
      'domestic 2017-03-02 590',
      'foreign 2017-03-01 30',
      'domestic 2017-04 7',
    ]);
    expect(result.replaced).toBe(2);
    // Only the domestic month differs (990 against 1,000); the foreign one agrees.
    expect(result.mismatches).toHaveLength(1);
    expect(result.mismatches[0]).toMatchObject({ finerSum: 990, finerCount: 2, firstFiner: { source: 'a.csv', line: 4 } });
    expect(result.mismatches[0].coarse).toMatchObject({ segment: 'domestic', count: 1000, line: 2 });
  });

  it('never adds a coarser figure to finer ones: each span counts once, by its finest figures (property)', () => {
    const figure = fc.tuple(
      fc.integer({ min: 1, max: 3 }),
      fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
      fc.constantFrom<Segment>('domestic', 'foreign'),
      fc.integer({ min: 0, max: 1000 }),
    );
    fc.assert(
      fc.property(fc.array(figure, { maxLength: 40 }), fc.constantFrom<OverlapPolicy>('first', 'last', 'sum'), (figures, policy) => {
        const ledger = ledgerOf(figures.map(([m, d, segment, count]) => [d === null ? month(m) : day(m, d), segment, count]));
        const rows = countedRows(ledger.resolve(policy));
        // The reference: per segment and month, the days' figures when there are any, else the month's.
        for (const segment of ['domestic', 'foreign'] as const) {
          for (const m of [1, 2, 3]) {
            const pick = (list: number[]) =>
              policy === 'first' ? list[0] : policy === 'last' ? list[list.length - 1] : list.reduce((a, b) => a + b, 0);
            const days = new Map<number, number[]>();
            const months: number[] = [];
            for (const [fm, fd, fs, count] of figures) {
              if (fm !== m || fs !== segment) continue;
              if (fd === null) months.push(count);
              else days.set(fd, [...(days.get(fd) ?? []), count]);
            }
            const expected =
              days.size > 0 ? [...days.values()].reduce((n, list) => n + pick(list), 0) : months.length > 0 ? pick(months) : 0;
            const got = rows.filter((r) => r.segment === segment && r.period.month === m).reduce((n, r) => n + r.count, 0);
            expect(got).toBe(expected);
          }
        }
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});
