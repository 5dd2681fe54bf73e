/**
 * The rows `visitstat progress` reads go to one MetricSeries, itself a MergeableSink: a big file is read
 * in two halves at once (src/ingest/parallel.ts), the worker building its own with createMetricSink from
 * the same plain options (the spending valuation as the config gives it, its rate table rebuilt).
 */
import type { SinkRecipe } from '../ingest/parallel';
import { MetricSeries, type ValuationPlan, valuationOf } from './metrics';

export interface MetricSinkOptions {
  /** Null: spending is not collected. */
  valuation: ValuationPlan | null;
}

/** For the command and the worker (a SinkRecipe names it). */
export function createMetricSink({ valuation }: MetricSinkOptions): MetricSeries {
  return new MetricSeries(valuation ? valuationOf(valuation) : undefined);
}

/** How a worker builds the same sink. */
export function metricSinkRecipe(options: MetricSinkOptions): SinkRecipe {
  return { module: 'model/metric-sink.js', factory: 'createMetricSink', arg: options };
}
