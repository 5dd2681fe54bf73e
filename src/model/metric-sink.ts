/**
 * The rows `visitstat progress` reads go to one MetricSink, a MergeableSink (src/model/sinks.ts): a big
 * file is read in two halves at once, the worker building its own from the same plain options (the
 * spending valuation, its rate table built from the same rules). Delegations are counted as they come;
 * arrivals once everything is read, from the views of ArrivalFigures (figures of different breakdowns
 * are never added together): the totals, and each destination a target names.
 */
import { type ArrivalFiguresData, ArrivalFigures } from './arrival-figures';
import { destinationKey } from './arrival-key';
import { MetricSeries, type MetricSeriesData, type ValuationPlan, valuationOf } from './metrics';
import type { ArrivalBatch, ArrivalRow, DelegationRow } from './records';
import type { MergeableSink } from './row-sink';

export interface MetricSinkOptions {
  /** Null: spending is not collected. */
  valuation: ValuationPlan | null;
  /** Destinations targets are set for, as written. */
  destinations?: string[];
}

interface MetricSinkData {
  metrics: MetricSeriesData;
  figures: ArrivalFiguresData;
}

export class MetricSink implements MergeableSink {
  private readonly metrics: MetricSeries;
  readonly figures: ArrivalFigures;
  private readonly destinations = new Map<string, MetricSeries>();
  private fed = false;
  private readonly markets: boolean;

  constructor({ valuation, destinations = [] }: MetricSinkOptions) {
    this.metrics = new MetricSeries(valuation ? valuationOf(valuation) : undefined);
    for (const name of destinations) this.destinations.set(destinationKey(name), new MetricSeries());
    this.markets = valuation?.rates.some((rule) => rule.country !== undefined) ?? false;
    this.figures = new ArrivalFigures({
      granularity: 'day',
      keep: [...(destinations.length ? (['destination'] as const) : []), ...(this.markets ? (['country'] as const) : [])],
    });
  }

  delegation(row: DelegationRow): void {
    this.metrics.delegation(row);
  }

  arrival(row: ArrivalRow): void {
    this.figures.add(row);
  }

  arrivalBatch(batch: ArrivalBatch): void {
    this.figures.addBatch(batch);
  }

  /** Every metric over all the arrivals (and delegations). */
  all(): MetricSeries {
    this.feed();
    return this.metrics;
  }

  /** The arrivals of one destination (as written in a target); null when no figure names it. */
  destination(name: string): MetricSeries | null {
    this.feed();
    const series = this.destinations.get(destinationKey(name));
    return series?.arrivalsRead ? series : null;
  }

  private feed(): void {
    if (this.fed) return;
    this.fed = true;
    feedMetrics(this.figures, this.metrics, this.markets);
    if (this.destinations.size === 0) return;
    for (const row of this.figures.select(['destination'])) {
      if (row.destination != null) this.destinations.get(row.destination)?.arrival(row);
    }
  }

  toData(): MetricSinkData {
    return { metrics: this.metrics.toData(), figures: this.figures.toData() };
  }

  absorb(data: MetricSinkData): void {
    this.metrics.absorb(data.metrics);
    this.figures.absorb(data.figures);
  }
}

/**
 * Arrivals' figures to a MetricSeries: the totals counted; when a market has its own rate, spending
 * valued on the foreign figures by country (each month falling back to the totals where it has none).
 */
export function feedMetrics(figures: ArrivalFigures, metrics: MetricSeries, markets: boolean): void {
  for (const row of figures.select([])) metrics.arrival(row, !markets);
  if (!markets) return;
  for (const row of figures.select([], { segments: ['domestic'] })) metrics.arrivalSpending(row);
  for (const row of figures.select(['country'], { segments: ['foreign'], fallback: true })) metrics.arrivalSpending(row);
}

export function createMetricSink(options: MetricSinkOptions): MetricSink {
  return new MetricSink(options);
}
