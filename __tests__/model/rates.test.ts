/** src/model/rates.ts: the rate in force for a segment on a date, from rules over the defaults. */
import type { CalDate } from '../../src/model/dates';
import { type RateRange, type RateRule, rangeOf, rateTable } from '../../src/model/rates';

const day = (year: number, month: number, d: number | null = 1): CalDate => ({ year, month, day: d });
const rule = (segment: RateRule['segment'], rate: bigint, from: string | null = null, to: string | null = null): RateRule => ({
  segment,
  from,
  to,
  rate: rangeOf(rate),
  source: `test ${segment} ${rate}`,
});
const range: RateRange = { low: 1_000_000n, central: 1_500_000n, high: 2_000_000n };

describe('rateTable', () => {
  it('without rules: domestic Rp1,500,000, foreign Rp2,700,000, delegations at the domestic rate', () => {
    const table = rateTable();
    expect(table.rateFor('domestic', day(2017, 5)).central).toBe(1_500_000n);
    expect(table.rateFor('foreign', day(2017, 5)).central).toBe(2_700_000n);
    expect(table.rateFor('delegation', day(2017, 5))).toBe(table.rateFor('domestic', day(2017, 5)));
    expect(table.rules.map((r) => r.source)).toEqual(['default', 'default']);
  });

  it('takes the first rule of a segment whose span holds the date, the defaults last', () => {
    const table = rateTable([
      rule('domestic', 2n, '2018-01-01', '2018-06-30'),
      rule('domestic', 3n, '2018-01-01'),
      rule('foreign', 4n, null, '2016-12-31'),
    ]);
    expect(table.rateFor('domestic', day(2018, 6, 30)).central).toBe(2n);
    expect(table.rateFor('domestic', day(2018, 7, 1)).central).toBe(3n);
    expect(table.rateFor('domestic', day(2017, 12, 31)).central).toBe(1_500_000n);
    expect(table.rateFor('foreign', day(2016, 12, 31)).central).toBe(4n);
    expect(table.rateFor('foreign', day(2017, 1, 1)).central).toBe(2_700_000n);
    expect(table.rules.map((r) => [r.segment, r.source])).toEqual([
      ['domestic', 'test domestic 2'],
      ['domestic', 'test domestic 3'],
      ['domestic', 'default'],
      ['foreign', 'test foreign 4'],
      ['foreign', 'default'],
    ]);
  });

  it('gives delegations their own rule where one applies, else the domestic rate of the date', () => {
    const table = rateTable([rule('delegation', 750_000n, '2018-01-01', '2018-12-31'), rule('domestic', 9n, '2019-01-01')]);
    expect(table.rateFor('delegation', day(2018, 3)).central).toBe(750_000n);
    expect(table.rateFor('delegation', day(2019, 3)).central).toBe(9n);
  });

  it('resolves a month-only date by the first day of the month', () => {
    const table = rateTable([rule('foreign', 3_000_000n, '2018-03-02')]);
    expect(table.rateFor('foreign', day(2018, 3, null)).central).toBe(2_700_000n);
    expect(table.rateFor('foreign', day(2018, 4, null)).central).toBe(3_000_000n);
  });

  it('returns one object for equal rates, so that callers can key by identity', () => {
    const table = rateTable([
      rule('foreign', 1_500_000n),
      { ...rule('domestic', 0n, '2020-01-01'), rate: { ...range } },
      { ...rule('delegation', 0n), rate: { ...range } },
    ]);
    expect(table.rateFor('foreign', day(2018, 1))).toBe(table.rateFor('domestic', day(2018, 1)));
    expect(table.rateFor('domestic', day(2020, 1))).toBe(table.rateFor('delegation', day(2018, 1)));
    expect(table.rateFor('delegation', day(2018, 1))).toEqual(range);
  });
});
