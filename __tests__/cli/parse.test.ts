/**
 * Input parsed at the edge (src/commands/parse.ts): rates from flags and the config turned into the
 * rules of a rate table, bands, dimensions, --top and --tolerance; every bad value a usage error that
 * names its flag or config key.
 */
import { type RateFlags, parseBands, parseGroupBy, parseRateSpec, parseTolerance, parseTop, rateRules } from '../../src/commands/parse';
import type { RatePeriod } from '../../src/config';
import type { CalDate } from '../../src/model/dates';
import { DEFAULT_BANDS } from '../../src/model/bands';
import { type RateRange, rateTable } from '../../src/model/rates';
import { UsageError } from '../../src/errors';

/** The table a command builds from the config's rates and the rate flags. */
const buildRateTable = (periods: RatePeriod[] = [], flags: RateFlags = {}) => rateTable(rateRules(periods, flags));

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

describe("rateRules: the config's rates and the flags, in a rate table", () => {
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
    const table = buildRateTable([
      { from: '2018-03-02', foreign: 3_000_000 },
      { to: '2018-05-01', domestic: 1 },
    ]);
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
    const table = buildRateTable([{ year: 2018, domestic: 1_600_000, delegation: 900_000 }], {
      domestic: '2.000.000',
      foreign: '1000000..3000000',
    });
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

describe('parseBands', () => {
  it('takes the default bands as they are', () => {
    expect(parseBands(DEFAULT_BANDS)).toEqual(DEFAULT_BANDS);
  });

  it('returns the bands highest min first without changing the input', () => {
    const input = [
      { min: 0, id: 'C', en: 'c' },
      { min: 80, id: 'A', en: 'a' },
      { min: 40, id: 'B', en: 'b' },
    ];
    expect(parseBands(input).map((b) => b.id)).toEqual(['A', 'B', 'C']);
    expect(input.map((b) => b.id)).toEqual(['C', 'A', 'B']);
  });

  it('rejects two bands with the same min', () => {
    const bands = [
      { min: 0, id: 'C', en: 'c' },
      { min: 50, id: 'B', en: 'b' },
      { min: 50, id: 'A', en: 'a' },
    ];
    expect(() => parseBands(bands)).toThrow(UsageError);
    expect(() => parseBands(bands)).toThrow(/50/);
  });

  it('rejects bands that leave 0% without a grade', () => {
    expect(() => parseBands([{ min: 10, id: 'A', en: 'a' }])).toThrow(UsageError);
    expect(() => parseBands([])).toThrow(/0%/);
  });

  it('accepts a negative lowest min as covering 0', () => {
    expect(() => parseBands([{ min: -1, id: 'A', en: 'a' }])).not.toThrow();
  });

  it('rejects a band without labels or with a min that is not a number', () => {
    expect(() => parseBands([{ min: 0, id: ' ', en: 'a' }])).toThrow(UsageError);
    expect(() =>
      parseBands([
        { min: NaN, id: 'A', en: 'a' },
        { min: 0, id: 'B', en: 'b' },
      ]),
    ).toThrow(UsageError);
  });
});

describe('parseGroupBy and parseTop', () => {
  it('keeps the dimensions in the order given', () => {
    expect(parseGroupBy(['type', 'month'])).toEqual(['type', 'month']);
  });

  it('names an unknown dimension with the ones to choose from, and one given twice', () => {
    expect(() => parseGroupBy(['colour'])).toThrow(
      "--group-by: unknown dimension 'colour' (choose from month, quarter, year, weekday, origin, region, type, purpose, destination, country)",
    );
    expect(() => parseGroupBy(['month', 'month'])).toThrow("--group-by: 'month' is given twice");
  });

  it('takes --top as a whole number of at least 1, with a category to apply to', () => {
    expect(parseTop(undefined, [])).toBeUndefined();
    expect(parseTop(' 3 ', ['origin'])).toBe(3);
    expect(() => parseTop('0', ['origin'])).toThrow(UsageError);
    expect(() => parseTop('2.5', ['origin'])).toThrow('--top must be a whole number of at least 1, not "2.5"');
    expect(() => parseTop('3', ['month', 'year'])).toThrow(
      '--top needs a category --group-by: origin, region, type, purpose, destination or country',
    );
  });
});

describe('parseTolerance', () => {
  it('takes the flag (a percent sign allowed), else the config, else 5', () => {
    expect(parseTolerance('2.5%', { tolerance: 10 })).toBe(2.5);
    expect(parseTolerance(undefined, { tolerance: 10 })).toBe(10);
    expect(parseTolerance(undefined, {})).toBe(5);
  });

  it.each([
    ['-1', {}],
    ['100', {}],
    [undefined, { tolerance: 100 }],
    [undefined, { tolerance: -1 }],
  ])('refuses %p (config %j): a percent from 0 up to 100', (flag, config) => {
    expect(() => parseTolerance(flag, config)).toThrow(UsageError);
  });
});
