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
import type { CalDate } from '../../src/model/dates';
import { MetricSeries, type ValuationPlan, valuationOf } from '../../src/model/metrics';
import { METRICS } from '../../src/model/progress';
import { DailySeries } from '../../src/model/progress-series';
import { type RateRule, type RateTable, rateTable } from '../../src/model/rates';
import type { ArrivalRow, DelegationRow } from '../../src/model/records';
import { ReportCollector, type YearDelegations } from '../../src/model/report';
import type { TallyYears } from '../../src/model/report-tally';
import { type SinkSpec, createSink } from '../../src/model/sinks';
import { type Basis, SpendingEstimator, type SpendingUnit } from '../../src/model/spending';
import { batchOf, delegationRow } from '../helpers/rows';
import { propertyRuns } from '../helpers/property';

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
    purpose: fc.subarray(['MPP', 'e-Gov', 'Smart Kampung']),
  })
  .map((row) => ({ kind: 'delegation', row: delegationRow(row) }));
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

const rule = (segment: RateRule['segment'], from: string | null, to: string | null, low: number, high = low): RateRule => ({
  segment,
  from,
  to,
  rate: { low: BigInt(low), central: (BigInt(low) + BigInt(high) + 1n) / 2n, high: BigInt(high) },
  source: `${segment} ${from}..${to}`,
});
/**
 * Rules as commands give them (flags for every date first): rates changing inside years and quarters,
 * ranges, and a delegation rate equal to another segment's.
 */
const rateRulesArb: fc.Arbitrary<RateRule[]> = fc.subarray([
  rule('domestic', null, null, 1_000_000, 2_000_000),
  rule('delegation', null, null, 750_000),
  rule('domestic', '2017-07-01', null, 1_600_000),
  rule('domestic', '2017-01-01', '2017-12-31', 1_250_000),
  rule('foreign', '2018-03-10', '2018-09-20', 2_000_000),
  rule('foreign', '2017-01-01', '2017-12-31', 2_000_000, 3_000_000),
  rule('delegation', '2018-03-10', '2018-09-20', 1_500_000),
  rule('delegation', null, '2016-06-15', 500_000, 900_000),
]);
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
      rules: rateRulesArb,
    });
    fc.assert(
      fc.property(fc.oneof(rowsArb, delegationRowsArb), splitArb, optionsArb, (rows, split, { rules, ...options }) => {
        const tables: RateTable[] = [];
        checkMerge(
          rows,
          split,
          (i) => new SpendingEstimator({ ...options, rates: (tables[i] = rateTable(rules)) }),
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
      { numRuns: propertyRuns(400) },
    );
  });

  it('refuses to merge estimators with different options', () => {
    const rates = rateTable();
    const year = new SpendingEstimator({ unit: 'year', basis: 'visit', rates });
    expect(() => year.absorb(new SpendingEstimator({ unit: 'month', basis: 'visit', rates }).toData())).toThrow(/different options/);
  });
});

describe('DailySeries.toData / absorb', () => {
  it('gives, merged from series of disjoint parts, the series of all values', () => {
    const valueArb = fc.record({
      date: dateArb(fc.option(fc.integer({ min: 1, max: 28 }))),
      value: fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.constant(0)),
    });
    fc.assert(
      fc.property(fc.array(valueArb, { maxLength: 120, size: 'medium' }), splitArb, (values, split) => {
        const rows = values.map((v) => ({ kind: 'arrival', row: { period: v.date, segment: 'domestic', count: v.value } }) as Row);
        checkMerge(
          rows,
          split,
          () => new DailySeries(),
          (series, r) => series.add((r.row as ArrivalRow).period as CalDate, (r.row as ArrivalRow).count),
          (series) => ({
            state: new Map(series.toData()),
            years: series.years().map((y) => [series.earliestDate(y), series.latestDate(y), series.total(y), series.coversWholeYear(y)]),
          }),
        );
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});

const valuationArb: fc.Arbitrary<ValuationPlan | null> = fc.option(fc.record({ rates: rateRulesArb, basis: basisArb, nights: nightsArb }));

/** Every metric's series (its state and figures), or the error asking for it throws; the rows spending could not value. */
function metricsView(metrics: MetricSeries) {
  const unvalued = outcome(() => metrics.spendingUnvalued());
  return [
    unvalued,
    ...METRICS.map((metric) =>
      outcome(() => {
        const series = metrics.series(metric);
        return {
          state: new Map(series.toData()),
          totals: series.years().map((y) => [y, series.total(y), series.earliestDate(y), series.latestDate(y)]),
        };
      }),
    ),
  ];
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
      { numRuns: propertyRuns(300) },
    );
  });
});

/** Everything the report shows of a collector. */
function reportView(collector: ReportCollector) {
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
}

describe('ReportCollector (and YearDelegations).toData / absorb', () => {
  it('gives, merged from collectors of disjoint parts, everything the report shows of one collector fed all rows', () => {
    const optionsArb = fc.record({ basis: basisArb, nights: nightsArb, rules: rateRulesArb, valuation: valuationArb });
    fc.assert(
      fc.property(fc.oneof(rowsArb, delegationRowsArb), splitArb, optionsArb, (rows, split, { basis, nights, rules, valuation }) => {
        checkMerge(
          rows,
          split,
          () => new ReportCollector({ basis, nights, rates: rateTable(rules) }, valuation ? valuationOf(valuation) : undefined),
          (collector, r) => (r.kind === 'delegation' ? collector.delegation(r.row) : collector.arrival(r.row)),
          reportView,
        );
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});

describe('ReportCollector.delegationBatch', () => {
  it('gives what delegation() row by row gives, the rows of each year counted by their codes', () => {
    const optionsArb = fc.record({ basis: basisArb, nights: nightsArb, rules: rateRulesArb, valuation: valuationArb });
    // Batches of delegation rows, some rows without codes, numbered in one of two code spaces.
    const batchesArb = fc.array(
      fc.tuple(
        fc.array(
          fc.tuple(
            // Some delegations too big for the tally's counts, which file them through the summaries; some
            // of more nights than its lists note (added at once), or than it takes (filed through the summaries).
            fc.tuple(delegationArb, fc.integer({ min: 0, max: 9 })).map(([r, big]) => {
              const row = r.row as DelegationRow;
              if (big === 0) return { ...row, people: 500 + row.people * 3 };
              if (big === 1 && row.nights !== null) return { ...row, nights: 120 + row.nights * 7 };
              if (big === 2 && row.nights !== null) return { ...row, nights: 4090 + row.nights * 3 };
              return row;
            }),
            fc.boolean(),
          ),
          { maxLength: 40 },
        ),
        fc.nat(1),
      ),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(batchesArb, optionsArb, (batches, { basis, nights, rules, valuation }) => {
        const make = () => new ReportCollector({ basis, nights, rates: rateTable(rules) }, valuation ? valuationOf(valuation) : undefined);
        const byRow = make();
        const byBatch = make();
        const byYear = make();
        // Crossed to another thread before any result is read: its tally's counts cross as counts.
        const crossing = make();
        const spaces = [{}, {}];
        const numbering = spaces.map(() => new Map<string, number>());
        for (const [rows, space] of batches) {
          for (const [row] of rows) byRow.delegation(row);
          byBatch.delegationBatch(batchOf(rows, spaces[space], numbering[space]));
          byYear.delegationBatch(batchOf(rows, spaces[space], numbering[space]));
          crossing.delegationBatch(batchOf(rows, spaces[space], numbering[space]));
        }
        const crossed = cloned(crossing.toData());
        expect(reportView(byBatch)).toEqual(reportView(byRow));
        // One year at a time (latest first, as a report asks), then all of them: each row counted once.
        const years = [...byRow.years.delegations].sort().reverse();
        const summaries = (parts: YearDelegations | undefined) =>
          parts && [parts.byMonth.result(), parts.byOrigin.result(), parts.byType.result(), parts.byPurpose.result()];
        // The months of a year before its other summaries, as a report asks for the year before.
        expect(years.map((y) => byYear.monthsOf(y)?.result())).toEqual(years.map((y) => byRow.delegations.get(y)?.byMonth.result()));
        expect(years.map((y) => summaries(byYear.delegationsOf(y)))).toEqual(years.map((y) => summaries(byRow.delegations.get(y))));
        expect(reportView(byYear)).toEqual(reportView(byRow));
        // And through a thread's structured clone.
        const absorbed = make();
        absorbed.absorb(cloned(byBatch.toData()));
        expect(reportView(absorbed)).toEqual(reportView(byRow));
        // The tally's counts cross as counts, and become groups there: all at once, or year by year.
        const whole = make();
        whole.absorb(crossed);
        expect(reportView(whole)).toEqual(reportView(byRow));
        const yearly = make();
        yearly.absorb(cloned(crossed));
        expect(years.map((y) => yearly.monthsOf(y)?.result())).toEqual(years.map((y) => byRow.delegations.get(y)?.byMonth.result()));
        expect(years.map((y) => summaries(yearly.delegationsOf(y)))).toEqual(years.map((y) => summaries(byRow.delegations.get(y))));
        expect(reportView(yearly)).toEqual(reportView(byRow));
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});

describe('ReportCollector.delegationBatch, counting only the years a report reads', () => {
  it("gives the report's year (--year's, or the latest read, each thread keeping its own) and the year before's months as when it counts every year", () => {
    const rowsArb = fc.array(
      fc.tuple(delegationArb, fc.integer({ min: 0, max: 9 })).map(([r, big]) => {
        const row = r.row as DelegationRow;
        return big === 0 ? { ...row, people: 500 + row.people * 3 } : row;
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(fc.array(rowsArb, { maxLength: 6 }), fc.nat(6), fc.nat(), (batches, cut, pick) => {
        const years = [...new Set(batches.flat().map((row) => row.date.year))].sort();
        if (years.length === 0) return;
        const make = (tallied?: TallyYears) =>
          new ReportCollector({ basis: 'visit', nights: undefined, rates: rateTable([]) }, undefined, [], tallied);
        const chosen = years[pick % years.length];
        const all = make();
        const latest = make('latest');
        const given = make(chosen);
        // A file read on two threads: each part into its own collector, the second crossing to the first.
        const [first, second] = [make('latest'), make('latest')];
        const spaces = [{}, {}];
        const numbering = spaces.map(() => new Map<string, number>());
        batches.forEach((rows, k) => {
          const part = k < cut ? 0 : 1;
          const batch = () =>
            batchOf(
              rows.map((row) => [row, true]),
              spaces[part],
              numbering[part],
            );
          for (const collector of [all, latest, given, part === 0 ? first : second]) collector.delegationBatch(batch());
        });
        first.absorb(cloned(second.toData()));
        const summaries = (parts: YearDelegations | undefined) =>
          parts && [parts.byMonth.result(), parts.byOrigin.result(), parts.byType.result(), parts.byPurpose.result()];
        const checks: [ReportCollector, number][] = [
          [latest, years[years.length - 1]],
          [first, years[years.length - 1]],
          [given, chosen],
        ];
        for (const [collector, year] of checks) {
          expect(summaries(collector.delegationsOf(year))).toEqual(summaries(all.delegationsOf(year)));
          expect(collector.monthsOf(year - 1)?.result()).toEqual(all.monthsOf(year - 1)?.result());
          expect(metricsView(collector.metrics)).toEqual(metricsView(all.metrics));
        }
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});

describe('ReportCollector.delegationBatch with many values', () => {
  /** The same rows to one collector row by row and to another in batches of `size` (all coded, one code space). */
  const compareBatched = (rows: DelegationRow[], size: number) => {
    const make = () => new ReportCollector({ basis: 'visit', nights: undefined, rates: rateTable([]) });
    const byRow = make();
    const byBatch = make();
    const space = {};
    const numbering = new Map<string, number>();
    for (let at = 0; at < rows.length; at += size) {
      const part = rows.slice(at, at + size);
      for (const row of part) byRow.delegation(row);
      byBatch.delegationBatch(
        batchOf(
          part.map((row) => [row, true]),
          space,
          numbering,
        ),
      );
    }
    expect(reportView(byBatch)).toEqual(reportView(byRow));
  };
  const row = (origin: string, people: number, day: number) =>
    delegationRow({ date: { year: 2016 + (day % 3), month: 1 + (day % 12), day: 1 + (day % 28) }, people, origin, nights: day % 4 });

  it('counts hundreds of origins, a busy one among them, as row by row', () => {
    // Past a page of slots, sizes are written down and counted 32 at a time.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.constant('busy'), fc.integer({ min: 0, max: 99 }).map(String)), fc.nat(600), fc.nat(1000)), {
          minLength: 200,
          maxLength: 600,
        }),
        fc.integer({ min: 50, max: 300 }),
        (values, size) =>
          compareBatched(
            values.map(([origin, people, day]) => row(origin, people, day)),
            size,
          ),
      ),
      { numRuns: propertyRuns(30) },
    );
  });

  it('counts a size past 255 rows, in a few slots and in many (its count kept in a byte and the rest beside)', () => {
    const few = Array.from({ length: 2000 }, (_, i) => row(`origin ${i % 3}`, 40 + (i % 2), i % 7));
    compareBatched(few, 700);
    const many = Array.from({ length: 30_000 }, (_, i) => row(`origin ${i % 100}`, i % 1000 < 600 ? 12 : i % 400, i % 11));
    compareBatched(many, 1024);
  });

  it('files the rows of origins past the last slot through the summaries', () => {
    const rows = Array.from({ length: 9000 }, (_, i) => row(`origin ${i % 8500}`, (i * 37) % 500, i % 5));
    compareBatched(rows, 1000);
  });

  it('tells the two-thread reader how many groups its summaries hold: none while the slots take every origin, most once past them', () => {
    const fed = (rows: DelegationRow[]) => {
      const collector = new ReportCollector({ basis: 'visit', nights: undefined, rates: rateTable([]) });
      collector.delegationBatch(
        batchOf(
          rows.map((r) => [r, true]),
          {},
          new Map(),
        ),
      );
      return collector.groupCount();
    };
    expect(fed(Array.from({ length: 2000 }, (_, i) => row(`origin ${i % 50}`, 10, i % 5)))).toBe(0);
    // 20,000 origins in three years: 60,000 (year, origin) pairs for 8,192 slots.
    const many = fed(Array.from({ length: 20_000 }, (_, i) => row(`origin ${i}`, 10, i % 5)));
    expect(many).toBeGreaterThan(10_000);
    expect(many).toBeLessThanOrEqual(20_000);
  });
});

describe('the sinks of summary, spending, progress and report', () => {
  it('are built in a worker from plain specs: a spec survives structured cloning, and so does the state', () => {
    const rates = [rule('domestic', '2017-01-01', '2017-12-31', 1_000_000, 2_000_000)];
    const valuation = { rates, basis: 'night' as const, nights: 2 };
    const specs: SinkSpec[] = [
      { name: 'summary', options: { groupBy: ['month', 'origin'], top: 3, arrivalUnit: 'quarter' } },
      { name: 'spending', options: { unit: 'month', basis: 'visit', nights: 2, rates } },
      { name: 'metrics', options: { valuation } },
      { name: 'report', options: { spending: { basis: 'visit', nights: undefined, rates: [] }, valuation } },
    ];
    for (const spec of specs) {
      expect(cloned(spec)).toEqual(spec);
      const sink = createSink(cloned(spec));
      const row = delegationRow({ date: { year: 2017, month: 3, day: 9 }, people: 12, origin: 'A', nights: 2 });
      sink.delegation(row);
      sink.arrival({ period: { year: 2017, month: 3, day: null }, segment: 'foreign', count: 40 });
      expect(cloned(sink.toData())).toEqual(sink.toData());
    }
  });
});
