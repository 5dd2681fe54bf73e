/**
 * The rows `visitstat progress` reads go to one MetricSeries. As a MergeableSink a big file is read in
 * two halves at once (src/ingest/parallel.ts): the worker builds its own with createMetricSink from the
 * same plain options (the spending valuation as the config gives it, its rate table rebuilt).
 */
import type { MergeableSink, SinkRecipe } from '../ingest/parallel';
import { MetricSeries, type MetricSeriesData, type ValuationPlan, valuationOf } from './metrics';
import type { ArrivalRow, DelegationRow } from './records';

export interface MetricSinkOptions {
  /** Null: spending is not collected. */
  valuation: ValuationPlan | null;
}

export class MetricSink implements MergeableSink {
  readonly metrics: MetricSeries;

  constructor({ valuation }: MetricSinkOptions) {
    this.metrics = new MetricSeries(valuation ? valuationOf(valuation) : undefined);
  }

  delegation(row: DelegationRow): void {
    this.metrics.delegation(row);
  }

  arrival(row: ArrivalRow): void {
    this.metrics.arrival(row);
  }

  snapshot(): MetricSeriesData {
    return this.metrics.toData();
  }

  absorb(snapshot: unknown): void {
    this.metrics.absorb(snapshot as MetricSeriesData);
  }
}

/** For the worker (a SinkRecipe names it). */
export function createMetricSink(options: MetricSinkOptions): MetricSink {
  return new MetricSink(options);
}

/** How a worker builds the same sink. */
export function metricSinkRecipe(options: MetricSinkOptions): SinkRecipe {
  return { module: 'model/metric-sink.js', factory: 'createMetricSink', arg: options };
}
