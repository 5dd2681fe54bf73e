/**
 * The rows `visitstat summary` reads go to one sink: delegations and arrivals summarised side by side.
 * Its state can cross to a worker thread and back (a MergeableSink, src/model/row-sink.ts), so a big file
 * is read in two halves at once.
 */
import type { ArrivalRow, DelegationBatch, DelegationRow } from './records';
import type { MergeableSink } from './row-sink';
import { type DelegationSummaryData, type GroupDim, DelegationSummarizer } from './summary';
import { type ArrivalSummaryData, type ArrivalUnit, ArrivalSummarizer } from './summary-arrivals';

export interface SummarySinkOptions {
  groupBy: GroupDim[];
  top?: number;
  arrivalUnit: ArrivalUnit;
}

interface SummarySinkData {
  delegations: DelegationSummaryData;
  arrivals: ArrivalSummaryData;
}

export class SummarySink implements MergeableSink {
  readonly delegations: DelegationSummarizer;
  readonly arrivals: ArrivalSummarizer;

  constructor(options: SummarySinkOptions) {
    this.delegations = new DelegationSummarizer({ groupBy: options.groupBy, top: options.top });
    this.arrivals = new ArrivalSummarizer({ unit: options.arrivalUnit });
  }

  delegation(row: DelegationRow): void {
    this.delegations.add(row);
  }

  delegationBatch(batch: DelegationBatch): void {
    this.delegations.addBatch(batch);
  }

  arrival(row: ArrivalRow): void {
    this.arrivals.add(row);
  }

  toData(): SummarySinkData {
    return { delegations: this.delegations.toData(), arrivals: this.arrivals.toData() };
  }

  absorb(data: SummarySinkData): void {
    this.delegations.absorb(data.delegations);
    this.arrivals.absorb(data.arrivals);
  }
}

export function createSummarySink(options: SummarySinkOptions): SummarySink {
  return new SummarySink(options);
}
