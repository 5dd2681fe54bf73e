/**
 * The rows `visitstat progress` reads go to one MetricSeries, itself a MergeableSink
 * (src/model/sinks.ts): a big file is read in two halves at once, the worker building its own from the
 * same plain options (the spending valuation, its rate table built from the same rules).
 */
import { MetricSeries, type ValuationPlan, valuationOf } from './metrics';

export interface MetricSinkOptions {
  /** Null: spending is not collected. */
  valuation: ValuationPlan | null;
}

export function createMetricSink({ valuation }: MetricSinkOptions): MetricSeries {
  return new MetricSeries(valuation ? valuationOf(valuation) : undefined);
}
