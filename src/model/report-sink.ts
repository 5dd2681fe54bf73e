/**
 * The rows `visitstat report` reads go to one ReportCollector, itself a MergeableSink: a big file is
 * read in two halves at once (src/ingest/parallel.ts), the worker building its own with createReportSink
 * from the same plain options, its rate table rebuilt from the config's rate entries.
 */
import type { RatePeriod } from '../config';
import type { SinkRecipe } from '../ingest/parallel';
import { type ValuationPlan, valuationOf } from './metrics';
import { buildRateTable } from './rates';
import { ReportCollector } from './report';
import type { SpendingOptions } from './spending';

export interface ReportSinkOptions {
  /** The spending estimates' options, their rates the config's entries. */
  spending: Omit<SpendingOptions, 'unit' | 'rates'> & { rates: RatePeriod[] };
  /** How the progress metrics value spending; null: they do not. */
  valuation: ValuationPlan | null;
}

/** For the command and the worker (a SinkRecipe names it). */
export function createReportSink({ spending, valuation }: ReportSinkOptions): ReportCollector {
  return new ReportCollector({ ...spending, rates: buildRateTable(spending.rates) }, valuation ? valuationOf(valuation) : undefined);
}

/** How a worker builds the same sink. */
export function reportSinkRecipe(options: ReportSinkOptions): SinkRecipe {
  return { module: 'model/report-sink.js', factory: 'createReportSink', arg: options };
}
