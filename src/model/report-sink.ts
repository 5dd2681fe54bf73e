/**
 * The rows `visitstat report` reads go to one ReportCollector, itself a MergeableSink
 * (src/model/sinks.ts): a big file is read in two halves at once, the worker building its own from the
 * same plain options, its rate table built from the same rules.
 */
import { type ValuationPlan, valuationOf } from './metrics';
import { type RateRule, rateTable } from './rates';
import { ReportCollector } from './report';
import type { TallyYears } from './report-tally';
import type { SpendingOptions } from './spending';

export interface ReportSinkOptions {
  /** The spending estimates' options, their rates as rules. */
  spending: Omit<SpendingOptions, 'unit' | 'rates'> & { rates: RateRule[] };
  /** How the progress metrics value spending; null: they do not. */
  valuation: ValuationPlan | null;
  /** Destinations targets are set for, as written. */
  destinations?: string[];
  /** The years whose delegation summaries are whole (ReportTally's TallyYears; default all): the report's year and the year before. */
  years?: TallyYears;
}

export function createReportSink({ spending, valuation, destinations, years }: ReportSinkOptions): ReportCollector {
  return new ReportCollector(
    { ...spending, rates: rateTable(spending.rates) },
    valuation ? valuationOf(valuation) : undefined,
    destinations,
    years,
  );
}
