import fc from 'fast-check';
import type { CalDate } from '../../src/model/dates';
import type { RatePeriod } from '../../src/config';
import { rateRules } from '../../src/commands/parse';
import { type RateRule, rateTable } from '../../src/model/rates';
import type { ArrivalRow, DelegationRow, Segment } from '../../src/model/records';
import { formulaParts, SpendingEstimator, type Estimate, type SpendingOptions, type SpendingResult } from '../../src/model/spending';
import { delegationRow } from '../helpers/rows';
import { propertyRuns } from '../helpers/property';

const month = (year: number, m: number): CalDate => ({ year, month: m, day: null });
const arrival = (period: CalDate, segment: Segment, count: number): ArrivalRow => ({ period, segment, count });
const delegation = (date: CalDate, people: number, nights: number | null = null): DelegationRow => delegationRow({ date, people, nights });
const flat = (x: bigint): Estimate => ({ low: x, central: x, high: x });

/** A rate for every date, as a flag gives it. */
const everyDate = (segment: RateRule['segment'], rate: bigint): RateRule => ({
  segment,
  from: null,
  to: null,
  rate: { low: rate, central: rate, high: rate },
  source: 'test',
});

function estimate(
  rows: { arrivals?: ArrivalRow[]; delegations?: DelegationRow[] },
  options: Partial<SpendingOptions> = {},
): SpendingResult {
  const estimator = new SpendingEstimator({ unit: 'year', basis: 'visit', rates: rateTable(), ...options });
  for (const row of rows.arrivals ?? []) estimator.addArrival(row);
  for (const row of rows.delegations ?? []) estimator.addDelegation(row);
  return estimator.result();
}

// 2017, Banyuwangi: monthly figures chosen to add up to the published yearly totals.
const DOMESTIC_2017 = [350000, 380000, 390000, 360000, 400000, 420000, 450000, 430000, 380000, 390000, 410000, 440000];
const FOREIGN_2017 = [6120, 5870, 7015, 7400, 8210, 9050, 11230, 12480, 9320, 8140, 6905, 7230];
const ARRIVALS_2017 = [
  ...DOMESTIC_2017.map((n, i) => arrival(month(2017, i + 1), 'domestic', n)),
  ...FOREIGN_2017.map((n, i) => arrival(month(2017, i + 1), 'foreign', n)),
];

describe('the 2017 check', () => {
  it('uses monthly rows that add up to the published totals', () => {
    expect(DOMESTIC_2017.reduce((a, b) => a + b)).toBe(4_800_000);
    expect(FOREIGN_2017.reduce((a, b) => a + b)).toBe(98_970);
  });

  it('gives 4,800,000 x 1,500,000 + 98,970 x 2,700,000 = Rp7,467,219,000,000 for the year', () => {
    const result = estimate({ arrivals: ARRIVALS_2017 });
    expect(result.scope).toBe('arrivals');
    expect(result.periods).toHaveLength(1);
    const [year] = result.periods;
    expect(year.period).toEqual({ unit: 'year', year: 2017 });
    expect(year.lines.map((l) => [l.segment, l.visitors, l.rate.central, l.estimate.central])).toEqual([
      ['domestic', 4_800_000, 1_500_000n, 7_200_000_000_000n],
      ['foreign', 98_970, 2_700_000n, 267_219_000_000n],
    ]);
    expect(year.total).toEqual(flat(7_467_219_000_000n));
    expect(result.total).toEqual(flat(7_467_219_000_000n));
    expect(result.segments.map((s) => [s.segment, s.visitors, s.estimate.central, s.inTotal])).toEqual([
      ['domestic', 4_800_000, 7_200_000_000_000n, true],
      ['foreign', 98_970, 267_219_000_000n, true],
    ]);
  });

  it('gives the same total by month and by quarter, each period its own', () => {
    const byMonth = estimate({ arrivals: ARRIVALS_2017 }, { unit: 'month' });
    expect(byMonth.periods.map((p) => p.period)).toEqual(DOMESTIC_2017.map((_, i) => ({ unit: 'month', year: 2017, month: i + 1 })));
    expect(byMonth.periods[7].total.central).toBe(430_000n * 1_500_000n + 12_480n * 2_700_000n);
    expect(byMonth.total.central).toBe(7_467_219_000_000n);

    const byQuarter = estimate({ arrivals: ARRIVALS_2017 }, { unit: 'quarter' });
    expect(byQuarter.periods.map((p) => p.period)).toEqual([1, 2, 3, 4].map((quarter) => ({ unit: 'quarter', year: 2017, quarter })));
    expect(byQuarter.periods[0].lines[0].visitors).toBe(350000 + 380000 + 390000);
    expect(byQuarter.total.central).toBe(7_467_219_000_000n);
  });

  it('shows the formula as data: visitors x rate = estimate', () => {
    const [domestic] = estimate({ arrivals: ARRIVALS_2017 }).periods[0].lines;
    expect(formulaParts(domestic)).toEqual({
      factors: [{ kind: 'visitors', value: 4_800_000 }],
      rate: { low: 1_500_000n, central: 1_500_000n, high: 1_500_000n },
      estimate: flat(7_200_000_000_000n),
    });
  });
});

describe('scope: delegations are part of domestic arrivals', () => {
  const delegations2017 = [delegation({ year: 2017, month: 3, day: 9 }, 24_000), delegation({ year: 2017, month: 10, day: 2 }, 15_000)];

  it('shows delegations as "of which" and never adds them to the total', () => {
    const result = estimate({ arrivals: ARRIVALS_2017, delegations: delegations2017 });
    const [year] = result.periods;
    expect(year.lines.map((l) => l.segment)).toEqual(['domestic', 'foreign']);
    expect(year.ofWhichDelegations).toHaveLength(1);
    expect(year.ofWhichDelegations[0]).toMatchObject({ segment: 'delegations', visitors: 39_000, estimate: flat(39_000n * 1_500_000n) });
    expect(year.total.central).toBe(7_467_219_000_000n);
    expect(result.total.central).toBe(7_467_219_000_000n);
    expect(result.segments.find((s) => s.segment === 'delegations')).toMatchObject({ visitors: 39_000, inTotal: false });
  });

  it('makes delegations the whole scope when only delegation logs are given', () => {
    const result = estimate({ delegations: delegations2017 }, { rates: rateTable([everyDate('delegation', 2_000_000n)]) });
    expect(result.scope).toBe('delegations');
    const [year] = result.periods;
    expect(year.ofWhichDelegations).toEqual([]);
    expect(year.lines).toHaveLength(1);
    expect(year.lines[0]).toMatchObject({ segment: 'delegations', visitors: 39_000, rate: { central: 2_000_000n } });
    expect(result.total).toEqual(flat(39_000n * 2_000_000n));
  });

  it('reports scope none and a zero total when fed nothing', () => {
    const result = estimate({});
    expect(result).toMatchObject({ scope: 'none', periods: [], segments: [], total: flat(0n) });
  });
});

describe('rates', () => {
  it('shows low and high estimates beside the central one for a range', () => {
    const rates = rateTable([{ ...everyDate('domestic', 1_000_000n), rate: { low: 1_000_000n, central: 1_500_001n, high: 2_000_001n } }]);
    const [domestic] = estimate({ arrivals: [arrival(month(2017, 1), 'domestic', 1_000)] }, { rates }).periods[0].lines;
    expect(domestic.rate).toEqual({ low: 1_000_000n, central: 1_500_001n, high: 2_000_001n });
    expect(domestic.estimate).toEqual({ low: 1_000n * 1_000_000n, central: 1_000n * 1_500_001n, high: 1_000n * 2_000_001n });
  });

  it('uses each year its own rate', () => {
    const rates = rateTable([{ ...everyDate('domestic', 1_600_000n), from: '2018-01-01', to: '2018-12-31' }]);
    const result = estimate({ arrivals: [arrival(month(2017, 6), 'domestic', 10), arrival(month(2018, 6), 'domestic', 10)] }, { rates });
    expect(result.periods.map((p) => p.total.central)).toEqual([10n * 1_500_000n, 10n * 1_600_000n]);
  });

  it('keeps one line per rate when the rate changes inside a period, each formula true', () => {
    const rates = rateTable([{ ...everyDate('domestic', 1_800_000n), from: '2018-07-01', to: '2018-12-31' }]);
    const arrivals = [9, 8, 7, 6, 5, 4, 3, 2, 1].map((m) => arrival(month(2018, m), 'domestic', 100 * m));
    const [year] = estimate({ arrivals }, { rates }).periods;
    expect(year.lines.map((l) => [l.visitors, l.rate.central])).toEqual([
      [100 * (1 + 2 + 3 + 4 + 5 + 6), 1_500_000n],
      [100 * (7 + 8 + 9), 1_800_000n],
    ]);
    for (const line of year.lines) expect(line.estimate.central).toBe(BigInt(line.visitors) * line.rate.central);
    expect(year.total.central).toBe(2_100n * 1_500_000n + 2_400n * 1_800_000n);
  });

  it('stays exact past 2^53: ten billion foreign visitors at Rp2,700,000', () => {
    const result = estimate({ arrivals: [arrival(month(2017, 1), 'foreign', 10_000_000_000), arrival(month(2017, 2), 'foreign', 1)] });
    expect(result.total.central).toBe(27_000_000_000_000_000n + 2_700_000n);
    expect(result.total.central > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  });
});

describe('basis night', () => {
  const trips = [
    delegation({ year: 2016, month: 3, day: 9 }, 70, 3),
    delegation({ year: 2016, month: 4, day: 1 }, 50, 2),
    delegation({ year: 2016, month: 5, day: 20 }, 40, null),
  ];

  it('multiplies by the nights column, with --nights for rows without nights', () => {
    const result = estimate({ delegations: trips }, { basis: 'night', nights: 4 });
    const [line] = result.periods[0].lines;
    expect(line).toMatchObject({ basis: 'night', visitors: 160, units: 70 * 3 + 50 * 2 + 40 * 4, nightsEach: null });
    expect(line.estimate.central).toBe(BigInt(70 * 3 + 50 * 2 + 40 * 4) * 1_500_000n);
    expect(formulaParts(line).factors).toEqual([{ kind: 'visitor-nights', value: 470 }]);
    expect(result.missingNights).toEqual({ delegations: 0, people: 0, arrivals: 0 });
  });

  it('reports delegations with no nights when --nights is absent, leaving them out of the lines', () => {
    const more = [...trips, delegation({ year: 2016, month: 6, day: 2 }, 25, null)];
    const result = estimate({ delegations: more }, { basis: 'night' });
    expect(result.missingNights).toEqual({ delegations: 2, people: 65, arrivals: 0 });
    expect(result.periods[0].lines[0]).toMatchObject({ visitors: 120, units: 310 });
  });

  it('multiplies arrivals by --nights, and shows visitors x nights x rate', () => {
    const result = estimate(
      { arrivals: [arrival(month(2017, 1), 'domestic', 1_000), arrival(month(2017, 2), 'domestic', 500)] },
      { basis: 'night', nights: 3 },
    );
    const [line] = result.periods[0].lines;
    expect(line).toMatchObject({ visitors: 1_500, units: 4_500, nightsEach: 3 });
    expect(formulaParts(line).factors).toEqual([
      { kind: 'visitors', value: 1_500 },
      { kind: 'nights', value: 3 },
    ]);
    expect(line.estimate.central).toBe(4_500n * 1_500_000n);
  });

  it('keeps nightsEach when every delegation on a line stayed the same nights', () => {
    const same = [delegation({ year: 2016, month: 1, day: 5 }, 10, 2), delegation({ year: 2016, month: 2, day: 5 }, 30, 2)];
    expect(estimate({ delegations: same }, { basis: 'night' }).periods[0].lines[0]).toMatchObject({ units: 80, nightsEach: 2 });
  });

  it('ignores nights under basis visit', () => {
    const [line] = estimate({ delegations: trips }).periods[0].lines;
    expect(line).toMatchObject({ visitors: 160, units: 160, nightsEach: null });
  });

  it('counts arrivals under basis night without nights per visitor, and leaves them out (the command names the fix)', () => {
    const estimator = new SpendingEstimator({ unit: 'year', basis: 'night', rates: rateTable() });
    estimator.addArrival(arrival(month(2017, 1), 'domestic', 1));
    estimator.addArrival(arrival(month(2017, 2), 'foreign', 5));
    const result = estimator.result();
    expect(result.missingNights).toEqual({ delegations: 0, people: 0, arrivals: 2 });
    expect(result.periods.flatMap((p) => p.lines)).toEqual([]);
  });

  it.each([0, -2, 2.5])('takes only a whole number of nights >= 1, not %p', (nights) => {
    expect(() => new SpendingEstimator({ unit: 'year', basis: 'night', nights, rates: rateTable() })).toThrow(RangeError);
  });
});

describe('property: totals are the sum of their parts, exactly', () => {
  const YEARS = [2016, 2017, 2018, 2019];
  const dateArb = fc.record({
    year: fc.constantFrom(...YEARS),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }),
  });
  const rupiahArb = fc.integer({ min: 0, max: 5_000_000 });
  const rangeArb = fc.tuple(rupiahArb, rupiahArb).map(([a, b]) => (a <= b ? [a, b] : [b, a]));
  const arrivalArb = fc.record({
    period: dateArb,
    segment: fc.constantFrom<Segment>('domestic', 'foreign'),
    count: fc.integer({ min: 0, max: 2 ** 40 }),
  });
  const delegationArb = fc.record({
    date: dateArb,
    people: fc.integer({ min: 1, max: 500 }),
    nights: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  });
  const yearRatesArb = fc.array(fc.record({ year: fc.constantFrom(...YEARS), domestic: rangeArb, foreign: rangeArb }), { maxLength: 4 });

  type Bounds = { low: bigint; central: bigint; high: bigint };
  /** Written apart from the program: the last listed entry for the year, else the default; midpoint by hand. */
  const rateIn = (periods: { year: number; domestic: number[]; foreign: number[] }[], segment: Segment, year: number): Bounds => {
    const entry = periods.filter((p) => p.year === year).pop();
    const [low, high] = entry ? entry[segment] : segment === 'domestic' ? [1_500_000, 1_500_000] : [2_700_000, 2_700_000];
    const sum = BigInt(low) + BigInt(high);
    return { low: BigInt(low), central: sum % 2n === 0n ? sum / 2n : sum / 2n + 1n, high: BigInt(high) };
  };
  const times = (units: number, rate: Bounds): Estimate => ({
    low: BigInt(units) * rate.low,
    central: BigInt(units) * rate.central,
    high: BigInt(units) * rate.high,
  });
  const add = (a: Estimate, b: Estimate): Estimate => ({ low: a.low + b.low, central: a.central + b.central, high: a.high + b.high });
  const sum = (es: Estimate[]) => es.reduce(add, flat(0n));

  it('total = sum of period totals = sum of units x rate per row', () => {
    fc.assert(
      fc.property(
        fc.array(arrivalArb, { maxLength: 30 }),
        fc.array(delegationArb, { maxLength: 30 }),
        yearRatesArb,
        fc.constantFrom<'month' | 'quarter' | 'year'>('month', 'quarter', 'year'),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        (arrivals, delegationParts, yearRates, unit, nights) => {
          const delegations = delegationParts.map((d) => delegation(d.date, d.people, d.nights));
          const periods: RatePeriod[] = yearRates.map((r) => ({
            year: r.year,
            domestic: `${r.domestic[0]}..${r.domestic[1]}`,
            foreign: `${r.foreign[0]}..${r.foreign[1]}`,
          }));
          const basis = nights === null ? 'visit' : 'night';
          const result = estimate(
            { arrivals, delegations },
            { unit, basis, nights: nights ?? undefined, rates: rateTable(rateRules(periods)) },
          );

          const arrivalEstimates = arrivals.map((a) =>
            times(basis === 'visit' ? a.count : a.count * nights!, rateIn(yearRates, a.segment, a.period.year)),
          );
          const delegationEstimates = delegations.map((d) =>
            times(basis === 'visit' ? d.people : d.people * (d.nights ?? nights!), rateIn(yearRates, 'domestic', d.date.year)),
          );
          const expectedTotal = sum(arrivals.length > 0 ? arrivalEstimates : delegationEstimates);
          const expectedOfWhich = sum(arrivals.length > 0 ? delegationEstimates : []);

          expect(result.total).toEqual(expectedTotal);
          expect(sum(result.periods.map((p) => p.total))).toEqual(result.total);
          for (const p of result.periods) expect(sum(p.lines.map((l) => l.estimate))).toEqual(p.total);
          expect(sum(result.periods.flatMap((p) => p.ofWhichDelegations.map((l) => l.estimate)))).toEqual(expectedOfWhich);
          expect(sum(result.segments.filter((s) => s.inTotal).map((s) => s.estimate))).toEqual(result.total);
          for (const line of result.periods.flatMap((p) => [...p.lines, ...p.ofWhichDelegations])) {
            const product = formulaParts(line).factors.reduce((n, f) => n * f.value, 1);
            expect(times(product, line.rate)).toEqual(line.estimate);
          }
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });
});
