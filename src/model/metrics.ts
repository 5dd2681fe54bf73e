/**
 * Rows turned into the metrics a progress target can measure, one DailySeries per metric.
 *
 * - visitors, delegations: from delegation logs (people; one per row);
 * - domestic, foreign, total (domestic + foreign): from arrivals;
 * - spending: rupiah at the rates in force (rates.ts), the same scope rule as `visitstat spending`:
 *   when arrivals were read, domestic and foreign arrivals make it and delegation visitors, already
 *   inside domestic, are not added; from delegation logs alone, delegation visitors make it.
 */
import { DailySeries, type DailySeriesData } from './progress-series';
import { type Metric, defaultMetric } from './progress';
import { multiplyCount } from './money';
import { type RateTable, buildRateTable } from './rates';
import type { RatePeriod } from '../config';
import type { ArrivalRow, DelegationRow, Kind } from './records';
import type { CalDate } from './dates';
import type { Basis } from './spending';
import { UsageError } from '../errors';

/** Which kind of input each metric is measured on; spending works on either. */
const NEEDS: Record<Metric, Kind | 'either'> = {
  visitors: 'delegations',
  delegations: 'delegations',
  domestic: 'arrivals',
  foreign: 'arrivals',
  total: 'arrivals',
  spending: 'either',
};

const KIND_TEXT: Record<Kind, string> = {
  delegations: 'a delegation log (date, people)',
  arrivals: 'arrivals data (period, domestic/foreign counts)',
};

/**
 * The metric to measure: the one asked for, checked against the kinds of input read, or the default
 * for the one kind read. Both kinds and no metric is ambiguous (delegation visitors are part of
 * domestic arrivals), so the user must choose.
 */
export function resolveMetric(requested: Metric | undefined, kinds: ReadonlySet<Kind>, what = '--metric'): Metric {
  if (requested === undefined) {
    if (kinds.size === 1) return defaultMetric([...kinds][0]);
    if (kinds.size === 0) throw new UsageError('no input files to measure progress from');
    throw new UsageError(
      'the input holds both delegation logs and arrivals; give --metric (visitors or delegations for the logs; domestic, foreign, total or spending for arrivals)',
    );
  }
  const need = NEEDS[requested];
  if (need !== 'either' && !kinds.has(need)) {
    const had = kinds.size === 0 ? 'no input' : `only ${kinds.has('delegations') ? 'delegation logs' : 'arrivals data'}`;
    throw new UsageError(`${what} ${requested} needs ${KIND_TEXT[need]}, but the input has ${had}`);
  }
  return requested;
}

export interface SpendingValuation {
  rates: RateTable;
  basis: Basis;
  /** Nights per visitor for arrivals, and for delegation rows with no nights (basis night). */
  nights?: number;
}

/** A SpendingValuation as plain data, its rates as the config gives them: for a worker to rebuild it. */
export interface ValuationPlan extends Omit<SpendingValuation, 'rates'> {
  rates: RatePeriod[];
}

export function valuationOf(plan: ValuationPlan): SpendingValuation {
  const { nights } = plan;
  if (nights !== undefined && nights < 1) throw new UsageError(`config: "nights" must be 1 or more (got ${nights})`);
  return { ...plan, rates: buildRateTable(plan.rates) };
}

/** A MetricSeries' state as plain data (structured-clone safe): toData() gives it, absorb() takes it. */
export interface MetricSeriesData {
  byMetric: [Exclude<Metric, 'spending'>, DailySeriesData][];
  spendingFromArrivals: DailySeriesData;
  spendingFromDelegations: DailySeriesData;
  arrivalsSeen: boolean;
  missingNights: number;
}

/** A RowSink that accumulates every metric by day. */
export class MetricSeries {
  private readonly byMetric = new Map<Exclude<Metric, 'spending'>, DailySeries>();
  private readonly spendingFromArrivals = new DailySeries();
  private readonly spendingFromDelegations = new DailySeries();
  private arrivalsSeen = false;
  /** Basis night: delegation rows that could not be valued for want of nights. */
  missingNights = 0;

  /** Without a valuation the spending metric is not collected (and its rates never consulted). */
  constructor(private readonly valuation?: SpendingValuation) {}

  delegation(row: DelegationRow): void {
    this.add('visitors', row.date, row.people);
    this.add('delegations', row.date, 1);
    if (!this.valuation) return;
    const nights = row.nights ?? this.valuation.nights ?? null;
    if (this.valuation.basis === 'night' && nights === null) {
      this.missingNights++;
      return;
    }
    this.spendingFromDelegations.add(row.date, this.rupiah('delegation', row.date, row.people, nights));
  }

  arrival(row: ArrivalRow): void {
    this.arrivalsSeen = true;
    this.add(row.segment, row.period, row.count);
    this.add('total', row.period, row.count);
    if (!this.valuation) return;
    const nights = this.valuation.nights ?? null;
    if (this.valuation.basis === 'night' && nights === null) {
      throw new UsageError('spending per night needs "nights" in the config for arrivals: arrival figures have no nights column');
    }
    this.spendingFromArrivals.add(row.period, this.rupiah(row.segment, row.period, row.count, nights));
  }

  /** The state as plain data, to cross to another thread. */
  toData(): MetricSeriesData {
    return {
      byMetric: [...this.byMetric].map(([metric, series]) => [metric, series.toData()]),
      spendingFromArrivals: this.spendingFromArrivals.toData(),
      spendingFromDelegations: this.spendingFromDelegations.toData(),
      arrivalsSeen: this.arrivalsSeen,
      missingNights: this.missingNights,
    };
  }

  /** Adds the rows of a MetricSeries with the same valuation, given as toData() gave its state. */
  absorb(data: MetricSeriesData): void {
    for (const [metric, series] of data.byMetric) this.seriesOf(metric).absorb(series);
    this.spendingFromArrivals.absorb(data.spendingFromArrivals);
    this.spendingFromDelegations.absorb(data.spendingFromDelegations);
    this.arrivalsSeen ||= data.arrivalsSeen;
    this.missingNights += data.missingNights;
  }

  series(metric: Metric): DailySeries {
    if (metric !== 'spending') return this.byMetric.get(metric) ?? new DailySeries();
    if (!this.valuation) throw new Error('MetricSeries: spending was not collected');
    if (this.missingNights > 0 && !this.arrivalsSeen) {
      throw new UsageError(
        `spending per night: ${this.missingNights === 1 ? '1 delegation row has' : `${this.missingNights} delegation rows have`} no nights; give "nights" in the config or use basis "visit"`,
      );
    }
    return this.arrivalsSeen ? this.spendingFromArrivals : this.spendingFromDelegations;
  }

  private add(metric: Exclude<Metric, 'spending'>, date: CalDate, value: number): void {
    this.seriesOf(metric).add(date, value);
  }

  private seriesOf(metric: Exclude<Metric, 'spending'>): DailySeries {
    let series = this.byMetric.get(metric);
    if (!series) this.byMetric.set(metric, (series = new DailySeries()));
    return series;
  }

  /** Exact rupiah (count x nights x central rate) as a number: exact below 2^53, about Rp9,007 trillion. */
  private rupiah(segment: 'domestic' | 'foreign' | 'delegation', date: CalDate, count: number, nights: number | null): number {
    const { rates, basis } = this.valuation!;
    const units = basis === 'night' ? count * nights! : count;
    const value = multiplyCount(units, rates.rateFor(segment, date).central);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new UsageError(`a spending value of Rp${value} is too large to add up exactly`);
    return Number(value);
  }
}
