/**
 * The rows `visitstat report` reads go to one ReportCollector. As a MergeableSink a big file is read in
 * two halves at once (src/ingest/parallel.ts): the worker builds its own with createReportSink from the
 * same plain options, its rate tables rebuilt from the config's rate entries.
 */
import type { RatePeriod } from '../config';
import type { MergeableSink, SinkRecipe } from '../ingest/parallel';
import { type ValuationPlan, valuationOf } from './metrics';
import { type RateTable, buildRateTable } from './rates';
import type { ArrivalRow, DelegationRow } from './records';
import { ReportCollector, type ReportCollectorData } from './report';
import type { SpendingOptions } from './spending';

export interface ReportSinkOptions {
  /** The spending estimates' options, their rates the config's entries. */
  spending: Omit<SpendingOptions, 'unit' | 'rates'> & { rates: RatePeriod[] };
  /** How the progress metrics value spending; null: they do not. */
  valuation: ValuationPlan | null;
}

export class ReportSink implements MergeableSink {
  /** The table the estimates use; the view names each rate's rule by identity, so it must be this one. */
  readonly rates: RateTable;
  readonly collector: ReportCollector;

  constructor({ spending, valuation }: ReportSinkOptions) {
    this.rates = buildRateTable(spending.rates);
    this.collector = new ReportCollector({ ...spending, rates: this.rates }, valuation ? valuationOf(valuation) : undefined);
  }

  delegation(row: DelegationRow): void {
    this.collector.delegation(row);
  }

  arrival(row: ArrivalRow): void {
    this.collector.arrival(row);
  }

  snapshot(): ReportCollectorData {
    return this.collector.toData();
  }

  absorb(snapshot: unknown): void {
    this.collector.absorb(snapshot as ReportCollectorData);
  }
}

/** For the worker (a SinkRecipe names it). */
export function createReportSink(options: ReportSinkOptions): ReportSink {
  return new ReportSink(options);
}

/** How a worker builds the same sink. */
export function reportSinkRecipe(options: ReportSinkOptions): SinkRecipe {
  return { module: 'model/report-sink.js', factory: 'createReportSink', arg: options };
}
