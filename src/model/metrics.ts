/**
 * Rows turned into the metrics a progress target can measure, one DailySeries per metric.
 *
 * - visitors, delegations: from delegation logs (people; one per row);
 * - domestic, foreign, total (domestic + foreign): from arrivals;
 * - spending: rupiah at the rates in force (rates.ts), the same scope rule as `visitstat spending`:
 *   when arrivals were read, domestic and foreign arrivals make it and delegation visitors, already
 *   inside domestic, are not added; from delegation logs alone, delegation visitors make it.
 */
import { InputError } from '../errors';
import { type CalDate, isYearDate } from './dates';
import { exactSum } from './exact';
import { multiplyCount } from './money';
import type { Metric } from './progress';
import { DailySeries, type DailySeriesData } from './progress-series';
import { type RateRule, type RateTable, rateTable } from './rates';
import type { ArrivalRow, DelegationRow, Kind } from './records';
import type { Basis } from './spending';

/** Which kind of input each metric is measured on; spending works on either. */
export const METRIC_INPUT: Record<Metric, Kind | 'either'> = {
  visitors: 'delegations',
  delegations: 'delegations',
  domestic: 'arrivals',
  foreign: 'arrivals',
  total: 'arrivals',
  spending: 'either',
};

export interface SpendingValuation {
  rates: RateTable;
  basis: Basis;
  /** Nights per visitor for arrivals, and for delegation rows with no nights (basis night). */
  nights?: number;
}

/** A SpendingValuation as plain data, its rates as rules: for a worker to rebuild it. */
export interface ValuationPlan extends Omit<SpendingValuation, 'rates'> {
  rates: RateRule[];
}

export function valuationOf(plan: ValuationPlan): SpendingValuation {
  return { ...plan, rates: rateTable(plan.rates) };
}

/** Rows spending could not be valued for, under basis night without nights per visitor. */
export interface Unvalued {
  /** Delegation rows with no nights of their own. */
  delegations: number;
  /** Arrival figures, which never have nights. */
  arrivals: number;
}

/** A MetricSeries' state as plain data (structured-clone safe): toData() gives it, absorb() takes it. */
export interface MetricSeriesData {
  byMetric: [Exclude<Metric, 'spending'>, DailySeriesData][];
  spendingFromArrivals: DailySeriesData;
  spendingFromDelegations: DailySeriesData;
  arrivalsSeen: boolean;
  unvalued: Unvalued;
  annualYears: number[];
}

/** What a metric's values are, in the message that refuses a sum past 2^53 − 1. */
const METRIC_WORDS: Record<Exclude<Metric, 'spending'>, string> = {
  visitors: "the delegations' people",
  delegations: 'the delegations',
  domestic: 'the domestic arrivals',
  foreign: 'the foreign arrivals',
  total: 'the arrivals (domestic and foreign)',
};

/** The series, refused when its values add up past 2^53 − 1: every sum progress takes of it is then exact. */
function exactSeries(series: DailySeries, what: string): DailySeries {
  exactSum(series.grandTotal(), what);
  return series;
}

/** A RowSink that accumulates every metric by day. */
export class MetricSeries {
  private readonly byMetric = new Map<Exclude<Metric, 'spending'>, DailySeries>();
  private readonly spendingFromArrivals = new DailySeries();
  private readonly spendingFromDelegations = new DailySeries();
  /** Spending is valued from arrivals once any were read: delegation visitors are inside domestic. */
  private arrivalsSeen = false;
  private readonly unvalued: Unvalued = { delegations: 0, arrivals: 0 };
  /** Years with annual arrival figures, which a series by the day cannot hold. */
  readonly annualYears = new Set<number>();

  /** Whether any arrivals figure was read. */
  get arrivalsRead(): boolean {
    return this.arrivalsSeen;
  }

  /** Without a valuation the spending metric is not collected (and its rates never consulted). */
  constructor(private readonly valuation?: SpendingValuation) {}

  delegation(row: DelegationRow): void {
    this.delegationOf(row.date, row.people, row.nights);
  }

  /** A delegation row given by its values (a batch's columns need no row object). */
  delegationOf(date: CalDate, people: number, rowNights: number | null): void {
    this.delegationsOn(date, people, 1);
    this.valueDelegation(date, people, rowNights);
  }

  /** Delegations counted on one day, `visitors` people in all (a batch's rows added up by date), not valued. */
  delegationsOn(date: CalDate, visitors: number, delegations: number): void {
    this.add('visitors', date, visitors);
    this.add('delegations', date, delegations);
  }

  /** Whether delegations are valued one by one (valueDelegation), as the spending metric is collected. */
  get valuesDelegations(): boolean {
    return this.valuation !== undefined;
  }

  /** A delegation's spending, when it is collected. */
  valueDelegation(date: CalDate, people: number, rowNights: number | null): void {
    if (!this.valuation) return;
    const nights = rowNights ?? this.valuation.nights ?? null;
    if (this.valuation.basis === 'night' && nights === null) {
      this.unvalued.delegations++;
      return;
    }
    this.spendingFromDelegations.add(date, this.rupiah('delegation', date, people, nights));
  }

  /** An arrivals figure: counted, and valued unless `value` is false (then arrivalSpending() values it). */
  arrival(row: ArrivalRow, value = true): void {
    this.arrivalsSeen = true;
    // Progress is measured by the day: an annual figure has no day to be counted on.
    if (isYearDate(row.period)) {
      this.annualYears.add(row.period.year);
      return;
    }
    this.add(row.segment, row.period, row.count);
    this.add('total', row.period, row.count);
    if (value) this.arrivalSpending(row);
  }

  /** Values an arrivals figure (a foreign one of a market with its own rate at that rate), without counting it. */
  arrivalSpending(row: ArrivalRow): void {
    if (!this.valuation || isYearDate(row.period)) return;
    const nights = this.valuation.nights ?? null;
    if (this.valuation.basis === 'night' && nights === null) {
      this.unvalued.arrivals++;
      return;
    }
    this.spendingFromArrivals.add(row.period, this.rupiah(row.segment, row.period, row.count, nights, row.country));
  }

  /** The state as plain data, to cross to another thread. */
  toData(): MetricSeriesData {
    return {
      byMetric: [...this.byMetric].map(([metric, series]) => [metric, series.toData()]),
      spendingFromArrivals: this.spendingFromArrivals.toData(),
      spendingFromDelegations: this.spendingFromDelegations.toData(),
      arrivalsSeen: this.arrivalsSeen,
      unvalued: { ...this.unvalued },
      annualYears: [...this.annualYears],
    };
  }

  /** Adds the rows of a MetricSeries with the same valuation, given as toData() gave its state. */
  absorb(data: MetricSeriesData): void {
    for (const [metric, series] of data.byMetric) this.seriesOf(metric).absorb(series);
    this.spendingFromArrivals.absorb(data.spendingFromArrivals);
    this.spendingFromDelegations.absorb(data.spendingFromDelegations);
    this.arrivalsSeen ||= data.arrivalsSeen;
    this.unvalued.delegations += data.unvalued.delegations;
    this.unvalued.arrivals += data.unvalued.arrivals;
    for (const year of data.annualYears) this.annualYears.add(year);
  }

  /**
   * A metric's values by day. Spending is that of arrivals when any were read, else of delegation
   * visitors; check spendingUnvalued() first: the rows it counts are not in the series.
   */
  series(metric: Metric): DailySeries {
    if (metric !== 'spending') return exactSeries(this.byMetric.get(metric) ?? new DailySeries(), METRIC_WORDS[metric]);
    if (!this.valuation) throw new Error('MetricSeries: spending was not collected');
    return exactSeries(this.arrivalsSeen ? this.spendingFromArrivals : this.spendingFromDelegations, 'the spending values (rupiah)');
  }

  /** The rows of the spending series' scope (arrivals when any were read) that could not be valued. */
  spendingUnvalued(): { kind: Kind; rows: number } {
    return this.arrivalsSeen
      ? { kind: 'arrivals', rows: this.unvalued.arrivals }
      : { kind: 'delegations', rows: this.unvalued.delegations };
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
  private rupiah(
    segment: 'domestic' | 'foreign' | 'delegation',
    date: CalDate,
    count: number,
    nights: number | null,
    country?: string | null,
  ): number {
    const { rates, basis } = this.valuation!;
    const units = basis === 'night' ? count * nights! : count;
    const market = segment === 'foreign' && country != null ? rates.countryRate(country, date) : null;
    const value = multiplyCount(units, (market ?? rates.rateFor(segment, date)).central);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new InputError(`a spending value of Rp${value} is too large to add up exactly`);
    return Number(value);
  }
}
