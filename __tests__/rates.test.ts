import type { CalDate } from '../src/model/dates';
import { buildRateTable, parseRateSpec, type RateRange } from '../src/model/rates';
import { UsageError } from '../src/errors';

const day = (year: number, month: number, d: number | null = 1): CalDate => ({ year, month, day: d });
const single = (rate: bigint): RateRange => ({ low: rate, central: rate, high: rate });
const usageErrorOf = (fn: () => unknown): UsageError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('expected a UsageError');
};

describe('parseRateSpec', () => {
  it('reads a single rate as low = central = high', () => {
    expect(parseRateSpec('1.500.000', '--domestic-rate')).toEqual(single(1_500_000n));
    expect(parseRateSpec(2_700_000, 'config rates[0].foreign')).toEqual(single(2_700_000n));
  });

  it('reads a range with its midpoint as central, an exact half rounded up', () => {
    expect(parseRateSpec('1000000..2000000', 'x')).toEqual({ low: 1_000_000n, central: 1_500_000n, high: 2_000_000n });
    expect(parseRateSpec('1.000.000..1.000.001', 'x')).toEqual({ low: 1_000_000n, central: 1_000_001n, high: 1_000_001n });
    expect(parseRateSpec('1,000,000 .. 1,000,003', 'x').central).toBe(1_000_002n);
  });

  it.each([
    ['2000000..1000000', /low end above its high end/],
    ['1.5jt', /not a whole number/],
    ['1..2..3', /not a rate or a low\.\.high range/],
    ['..2000000', /empty/],
    ['', /empty/],
  ])('refuses %p naming the flag', (spec, reason) => {
    const error = usageErrorOf(() => parseRateSpec(spec, '--foreign-rate'));
    expect(error.message).toMatch(/^--foreign-rate: /);
    expect(error.message).toMatch(reason);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 60])('refuses the number %p', (spec) => {
    expect(usageErrorOf(() => parseRateSpec(spec, 'config rates[3].domestic')).message).toMatch(/^config rates\[3\]\.domestic: /);
  });
});

describe('buildRateTable', () => {
  it('defaults to Rp1,500,000 domestic and Rp2,700,000 foreign, delegations as domestic', () => {
    const table = buildRateTable();
    expect(table.rateFor('domestic', day(2017, 5))).toEqual(single(1_500_000n));
    expect(table.rateFor('foreign', day(2017, 5))).toEqual(single(2_700_000n));
    expect(table.rateFor('delegation', day(2017, 5))).toEqual(single(1_500_000n));
  });

  it('applies year-specific rates only within their year', () => {
    const table = buildRateTable([{ year: 2018, domestic: 1_600_000, foreign: '2.900.000' }]);
    expect(table.rateFor('domestic', day(2017, 12, 31)).central).toBe(1_500_000n);
    expect(table.rateFor('domestic', day(2018, 1, 1)).central).toBe(1_600_000n);
    expect(table.rateFor('foreign', day(2018, 12, 31)).central).toBe(2_900_000n);
    expect(table.rateFor('foreign', day(2019, 1, 1)).central).toBe(2_700_000n);
    // The delegation rate follows the domestic rate of the same date.
    expect(table.rateFor('delegation', day(2018, 6, 15)).central).toBe(1_600_000n);
  });

  it('applies from/to spans inclusively, open ends allowed', () => {
    const table = buildRateTable([
      { from: '2018-03-15', to: '2018-06-30', foreign: 3_000_000 },
      { from: '2019-01-01', domestic: 1_700_000 },
    ]);
    expect(table.rateFor('foreign', day(2018, 3, 14)).central).toBe(2_700_000n);
    expect(table.rateFor('foreign', day(2018, 3, 15)).central).toBe(3_000_000n);
    expect(table.rateFor('foreign', day(2018, 6, 30)).central).toBe(3_000_000n);
    expect(table.rateFor('foreign', day(2018, 7, 1)).central).toBe(2_700_000n);
    expect(table.rateFor('domestic', day(2030, 1, 1)).central).toBe(1_700_000n);
  });

  it('applies an entry with neither year nor from/to to every date', () => {
    const table = buildRateTable([{ foreign: 3_100_000 }]);
    expect(table.rateFor('foreign', day(1999, 1)).central).toBe(3_100_000n);
    expect(table.rateFor('foreign', day(2040, 12, 31)).central).toBe(3_100_000n);
  });

  it('resolves a month-only date by the first day of the month', () => {
    const table = buildRateTable([{ from: '2018-03-02', foreign: 3_000_000 }, { to: '2018-05-01', domestic: 1 }]);
    expect(table.rateFor('foreign', day(2018, 3, null)).central).toBe(2_700_000n);
    expect(table.rateFor('foreign', day(2018, 4, null)).central).toBe(3_000_000n);
    expect(table.rateFor('domestic', day(2018, 5, null)).central).toBe(1n);
  });

  it('lets later entries override earlier ones where they overlap, per segment', () => {
    const table = buildRateTable([
      { year: 2018, domestic: 1_600_000, foreign: 2_800_000 },
      { from: '2018-07-01', to: '2018-12-31', domestic: 1_800_000 },
    ]);
    expect(table.rateFor('domestic', day(2018, 6, 30)).central).toBe(1_600_000n);
    expect(table.rateFor('domestic', day(2018, 7, 1)).central).toBe(1_800_000n);
    // The later entry does not set foreign, so the earlier one still does.
    expect(table.rateFor('foreign', day(2018, 7, 1)).central).toBe(2_800_000n);
  });

  it('lets flags win for every period, and an explicit delegation rate beat the domestic fallback', () => {
    const table = buildRateTable(
      [{ year: 2018, domestic: 1_600_000, delegation: 900_000 }],
      { domestic: '2.000.000', foreign: '1000000..3000000' },
    );
    expect(table.rateFor('domestic', day(2018, 2))).toEqual(single(2_000_000n));
    expect(table.rateFor('foreign', day(2018, 2))).toEqual({ low: 1_000_000n, central: 2_000_000n, high: 3_000_000n });
    expect(table.rateFor('delegation', day(2018, 2)).central).toBe(900_000n);
    expect(table.rateFor('delegation', day(2017, 2)).central).toBe(2_000_000n);
    const withDelegationFlag = buildRateTable([{ year: 2018, delegation: 900_000 }], { delegation: 1_200_000 });
    expect(withDelegationFlag.rateFor('delegation', day(2018, 2)).central).toBe(1_200_000n);
  });

  it('returns the same object for equal rates, so callers can key by identity', () => {
    const table = buildRateTable([{ from: '2018-01-01', to: '2018-06-30', domestic: 1_500_000 }]);
    expect(table.rateFor('domestic', day(2018, 2))).toBe(table.rateFor('domestic', day(2019, 2)));
    expect(table.rateFor('delegation', day(2018, 2))).toBe(table.rateFor('domestic', day(2018, 2)));
  });

  it('lists its rules with their sources for the assumptions section', () => {
    const table = buildRateTable([{ year: 2018, foreign: 2_800_000 }], { domestic: 1_000_000 });
    expect(table.rules).toEqual([
      { segment: 'domestic', from: null, to: null, rate: single(1_000_000n), source: '--domestic-rate' },
      { segment: 'domestic', from: null, to: null, rate: single(1_500_000n), source: 'default' },
      { segment: 'foreign', from: '2018-01-01', to: '2018-12-31', rate: single(2_800_000n), source: 'config rates[0].foreign' },
      { segment: 'foreign', from: null, to: null, rate: single(2_700_000n), source: 'default' },
    ]);
  });

  it.each([
    [[{ year: 2018, from: '2018-01-01', domestic: 1 }], /rates\[0\]" gives both "year" and "from"\/"to"/],
    [[{ domestic: 1 }, { from: '2018-02-30', domestic: 1 }], /rates\[1\]\.from" must be an ISO date/],
    [[{ to: '1/3/2018', domestic: 1 }], /rates\[0\]\.to" must be an ISO date/],
    [[{ from: '2018-06-01', to: '2018-05-31', domestic: 1 }], /rates\[0\]" has "from" after "to"/],
    [[{ year: 2018, foreign: '3..1' }], /^config rates\[0\]\.foreign: range/],
  ])('refuses a bad config entry naming its key: %j', (periods, reason) => {
    expect(usageErrorOf(() => buildRateTable(periods)).message).toMatch(reason);
  });

  it('names the flag when a flag value is bad', () => {
    expect(usageErrorOf(() => buildRateTable([], { delegation: 'lots' })).message).toMatch(/^--delegation-rate: /);
  });
});
