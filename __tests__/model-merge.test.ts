/**
 * The models behind spending, progress and report, merged as a big file read on two threads merges
 * them (src/ingest/parallel.ts): rows split at random into two or three parts, each fed to its own
 * instance (built with its own rate tables, as a worker builds them), the parts' toData() passed
 * through the structured clone of postMessage and absorbed in turn give the one-pass result, or the
 * same error: the first part's, as the main thread reads its own part first and reads again the part
 * of a worker that failed.
 */
import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import type { RatePeriod } from '../src/config';
import type { CalDate } from '../src/model/dates';
import { MetricSeries, type ValuationPlan, valuationOf } from '../src/model/metrics';
import { createMetricSink, metricSinkRecipe } from '../src/model/metric-sink';
import { METRICS } from '../src/model/progress';
import { DailySeries } from '../src/model/progress-series';
import { type RateFlags, type RateTable, buildRateTable } from '../src/model/rates';
import type { ArrivalRow, DelegationRow } from '../src/model/records';
import { ReportCollector } from '../src/model/report';
import { createReportSink, reportSinkRecipe } from '../src/model/report-sink';
import { type Basis, SpendingEstimator, type SpendingUnit } from '../src/model/spending';
import { createSpendingSink, spendingSinkRecipe } from '../src/model/spending-sink';

/** What postMessage does to a worker's snapshot. */
const cloned = <T>(data: T): T => deserialize(serialize(data)) as T;

type Row = { kind: 'delegation'; row: DelegationRow } | { kind: 'arrival'; row: ArrivalRow };

const dateArb = (day: fc.Arbitrary<number | null>): fc.Arbitrary<CalDate> =>
  fc.record({ year: fc.integer({ min: 2016, max: 2018 }), month: fc.integer({ min: 1, max: 12 }), day });
const delegationArb: fc.Arbitrary<Row> = fc
  .record({
    date: dateArb(fc.option(fc.integer({ min: 1, max: 28 }), { freq: 8 })),
    people: fc.integer({ min: 0, max: 500 }),
    origin: fc.option(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L')),
    region: fc.constant(null),
    type: fc.option(fc.constantFrom('DPRD', 'Pemkab', 'Pemkot')),
    nights: fc.option(fc.constantFrom(0, 2, 3), { freq: 3 }),
    purposes: fc.subarray(['MPP', 'e-Gov', 'Smart Kampung']),
  })
  .map((row) => ({ kind: 'delegation', row }));
const arrivalArb: fc.Arbitrary<Row> = fc
  .record({
    period: dateArb(fc.option(fc.integer({ min: 1, max: 28 }), { freq: 2 })),
    segment: fc.constantFrom('domestic' as const, 'foreign' as const),
    count: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((row) => ({ kind: 'arrival', row }));
const rowsArb = fc.array(fc.oneof(delegationArb, arrivalArb), { maxLength: 120, size: 'medium' });
const delegationRowsArb = fc.array(delegationArb, { maxLength: 120, size: 'medium' });
/** Part (0, 1 or 2) of each row: two or three parts, rows of a part not next to each other. */
const splitArb = fc.tuple(fc.integer({ min: 2, max: 3 }), fc.array(fc.nat(2), { minLength: 120, maxLength: 120 }));

/** Rates changing inside years and quarters, a range, and a delegation rate equal to another segment's. */
const ratePeriodsArb: fc.Arbitrary<RatePeriod[]> = fc.subarray([
  { year: 2017, domestic: 1_250_000, foreign: '2000000..3000000' },
  { from: '2017-07-01', domestic: 1_600_000 },
  { to: '2016-06-15', delegation: '500000..900000' },
  { from: '2018-03-10', to: '2018-09-20', foreign: 2_000_000, delegation: 1_500_000 },
]);
const rateFlagsArb: fc.Arbitrary<RateFlags> = fc.record(
  { domestic: fc.constantFrom('1000000..2000000', '1.500.000'), delegation: fc.constant('750000') },
  { requiredKeys: [] },
);
const basisArb = fc.constantFrom<Basis>('visit', 'night');
const nightsArb = fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined });

/** The value of `f`, or the message of what it threw. */
function outcome<T>(f: () => T): { value: T } | { error: string } {
  try {
    return { value: f() };
  } catch (e) {
    return { error: String(e) };
  }
}

/**
 * One instance fed all rows, against parts merged: `make(i)` builds instance i (0: the main thread's),
 * `view` is what is compared.
 */
function checkMerge<M extends { toData(): D; absorb(data: D): void }, D, V>(
  rows: Row[],
  [parts, part]: [number, number[]],
  make: (i: number) => M,
  feed: (model: M, row: Row) => void,
  view: (model: M) => V,
): void {
  const serial = outcome(() => {
    const model = make(0);
    rows.forEach((row) => feed(model, row));
    return view(model);
  });
  const parallel = outcome(() => {
    const models = Array.from({ length: parts }, (_, i) => make(i));
    models.forEach((model, p) => rows.forEach((row, i) => part[i] % parts === p && feed(model, row)));
    for (const other of models.slice(1)) models[0].absorb(cloned(other.toData()));
    return view(models[0]);
  });
  expect(parallel).toEqual(serial);
}

describe('SpendingEstimator.toData / absorb', () => {
  it('gives, merged from estimators of disjoint parts, the result of one estimator fed all rows', () => {
    const optionsArb = fc.record({
      unit: fc.constantFrom<SpendingUnit>('month', 'quarter', 'year'),
      basis: basisArb,
      nights: nightsArb,
      periods: ratePeriodsArb,
      flags: rateFlagsArb,
    });
    fc.assert(
      fc.property(fc.oneof(rowsArb, delegationRowsArb), splitArb, optionsArb, (rows, split, { periods, flags, ...options }) => {
        const tables: RateTable[] = [];
        checkMerge(
          rows,
          split,
          (i) => new SpendingEstimator({ ...options, rates: (tables[i] = buildRateTable(periods, flags)) }),
          (estimator, r) => (r.kind === 'delegation' ? estimator.addDelegation(r.row) : estimator.addArrival(r.row)),
          (estimator) => {
            const result = estimator.result();
            // The view names a line's rate by identity with the main thread's table: every rate must be one of it.
            const lines = result.periods.flatMap((p) => [...p.lines, ...p.ofWhichDelegations]);
            expect(lines.every((line) => tables[0].rules.some((rule) => rule.rate === line.rate))).toBe(true);
            return result;
          },
        );
      }),
      { numRuns: 400 },
    );
  });

  it('refuses to merge estimators with different options', () => {
    const rates = buildRateTable();
    const year = new SpendingEstimator({ unit: 'year', basis: 'visit', rates });
    expect(() => year.absorb(new SpendingEstimator({ unit: 'month', basis: 'visit', rates }).toData())).toThrow(/different options/);
  });
});

describe('DailySeries.toData / absorb', () => {
  it('gives, merged from series of disjoint parts, the series of all values', () => {
    const valueArb = fc.record({ date: dateArb(fc.option(fc.integer({ min: 1, max: 28 }))), value: fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.constant(0)) });
    fc.assert(
      fc.property(fc.array(valueArb, { maxLength: 120, size: 'medium' }), splitArb, (values, split) => {
        const rows = values.map((v) => ({ kind: 'arrival', row: { period: v.date, segment: 'domestic', count: v.value } }) as Row);
        checkMerge(
          rows,
          split,
          () => new DailySeries(),
          (series, r) => series.add((r.row as ArrivalRow).period, (r.row as ArrivalRow).count),
          (series) => ({
            state: new Map(series.toData()),
            years: series.years().map((y) => [series.earliestDate(y), series.latestDate(y), series.total(y), series.coversWholeYear(y)]),
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});

const valuationArb: fc.Arbitrary<ValuationPlan | null> = fc.option(fc.record({ rates: ratePeriodsArb, basis: basisArb, nights: nightsArb }));

/** Every metric's series (its state and figures), or the error asking for it throws. */
function metricsView(metrics: MetricSeries) {
  return METRICS.map((metric) =>
    outcome(() => {
      const series = metrics.series(metric);
      return { state: new Map(series.toData()), totals: series.years().map((y) => [y, series.total(y), series.earliestDate(y), series.latestDate(y)]) };
    }),
  );
}

describe('MetricSeries.toData / absorb', () => {
  it('gives, merged from series of disjoint parts, every metric of one series fed all rows, or its error', () => {
    fc.assert(
      fc.property(fc.oneof(rowsArb, delegationRowsArb), splitArb, valuationArb, (rows, split, valuation) => {
        checkMerge(
          rows,
          split,
          () => new MetricSeries(valuation ? valuationOf(valuation) : undefined),
          (metrics, r) => (r.kind === 'delegation' ? metrics.delegation(r.row) : metrics.arrival(r.row)),
          metricsView,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('ReportCollector (and YearDelegations).toData / absorb', () => {
  it('gives, merged from collectors of disjoint parts, everything the report shows of one collector fed all rows', () => {
    const optionsArb = fc.record({ basis: basisArb, nights: nightsArb, periods: ratePeriodsArb, valuation: valuationArb });
    fc.assert(
      fc.property(fc.oneof(rowsArb, delegationRowsArb), splitArb, optionsArb, (rows, split, { basis, nights, periods, valuation }) => {
        checkMerge(
          rows,
          split,
          () => new ReportCollector({ basis, nights, rates: buildRateTable(periods) }, valuation ? valuationOf(valuation) : undefined),
          (collector, r) => (r.kind === 'delegation' ? collector.delegation(r.row) : collector.arrival(r.row)),
          (collector) => {
            const years = [...new Set([...collector.years.delegations, ...collector.years.arrivals])].sort();
            return {
              defaultYear: collector.defaultYear(),
              years: { delegations: [...collector.years.delegations].sort(), arrivals: [...collector.years.arrivals].sort() },
              delegations: years.map((y) => {
                const parts = collector.delegations.get(y);
                return parts && [parts.byMonth.result(), parts.byOrigin.result(), parts.byType.result(), parts.byPurpose.result()];
              }),
              arrivals: [collector.arrivalsByMonth.result(), collector.arrivalsByYear.result()],
              spending: years.map((y) => collector.spending.get(y)?.result()),
              metrics: metricsView(collector.metrics),
            };
          },
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('the sinks of spending, progress and report', () => {
  it('are built in a worker from plain options: the recipe survives structured cloning', () => {
    const valuation = { rates: [{ year: 2017, domestic: '1000000..2000000' }], basis: 'night' as const, nights: 2 };
    const recipes = [
      spendingSinkRecipe({ unit: 'month', basis: 'visit', nights: 2, rates: { periods: [{ from: '2017-07-01', foreign: 2_000_000 }], flags: { domestic: '1.500.000' } } }),
      metricSinkRecipe({ valuation }),
      reportSinkRecipe({ spending: { basis: 'visit', nights: undefined, rates: [] }, valuation }),
    ];
    const factories: Record<string, (arg: never) => { toData(): unknown }> = { createSpendingSink, createMetricSink, createReportSink };
    for (const recipe of recipes) {
      expect(cloned(recipe)).toEqual(recipe);
      const sink = factories[recipe.factory](cloned(recipe.arg) as never);
      expect(cloned(sink.toData())).toEqual(sink.toData());
    }
  });
});
