/**
 * The rows `visitstat summary` reads go to one sink: delegations and arrivals summarised side by side.
 * Its state can cross to a worker thread and back (a MergeableSink, src/model/row-sink.ts), so a big file
 * is read in two halves at once.
 */
import type { ArrivalFigures, ArrivalFiguresData } from './arrival-figures';
import type { ArrivalDim } from './arrival-key';
import type { Coverage } from './coverage';
import type { ArrivalBatch, ArrivalRow, DelegationBatch, DelegationRow } from './records';
import type { MergeableSink } from './row-sink';
import { type DelegationSummaryData, type GroupDim, DelegationSummarizer } from './summary';
import { type ArrivalSummary, type ArrivalUnit, ArrivalSummarizer } from './summary-arrivals';
import type { ArrivalGroups } from './summary-breakdown';

export interface SummarySinkOptions {
  /** The delegations' dimensions. */
  groupBy: GroupDim[];
  top?: number;
  arrivalUnit: ArrivalUnit;
  /** The arrivals' dimensions and period, as given: arrivals by destination or country when it has one. */
  arrivalOrder?: (ArrivalDim | ArrivalUnit)[];
}

interface SummarySinkData {
  delegations: DelegationSummaryData;
  /** null when this part read no arrivals. */
  arrivals: ArrivalFiguresData | null;
}

export class SummarySink implements MergeableSink {
  readonly delegations: DelegationSummarizer;
  /** Made by the first arrival: a run on delegations alone never loads the arrivals' modules. */
  private arrivalFigures: ArrivalFigures | null = null;

  constructor(private readonly options: SummarySinkOptions) {
    this.delegations = new DelegationSummarizer({ groupBy: options.groupBy, top: options.top });
  }

  /** Arrivals as read, kept apart by breakdown until the views are asked for. */
  get figures(): ArrivalFigures {
    if (this.arrivalFigures === null) {
      const { ArrivalFigures } = require('./arrival-figures') as typeof import('./arrival-figures');
      const keep = (this.options.arrivalOrder ?? []).filter((d): d is ArrivalDim => d === 'destination' || d === 'country');
      this.arrivalFigures = new ArrivalFigures({ granularity: 'month', keep });
    }
    return this.arrivalFigures;
  }

  delegation(row: DelegationRow): void {
    this.delegations.add(row);
  }

  delegationBatch(batch: DelegationBatch): void {
    this.delegations.addBatch(batch);
  }

  arrival(row: ArrivalRow): void {
    this.figures.add(row);
  }

  arrivalBatch(batch: ArrivalBatch): void {
    this.figures.addBatch(batch);
  }

  /** Arrivals per period: the totals (the figures of each month's coarsest breakdown). */
  arrivals(coverage?: Coverage): ArrivalSummary {
    const summarizer = new ArrivalSummarizer({ unit: this.options.arrivalUnit });
    for (const row of this.figures.select([])) summarizer.add(row);
    return summarizer.result(coverage);
  }

  /** Arrivals by destination or country, when grouped by one; else null. */
  arrivalGroups(coverage?: Coverage): ArrivalGroups | null {
    const order = this.options.arrivalOrder ?? [];
    if (!order.some((d) => d === 'destination' || d === 'country')) return null;
    const { arrivalGroups } = require('./summary-breakdown') as typeof import('./summary-breakdown');
    return arrivalGroups(this.figures, { order, top: this.options.top, coverage });
  }

  toData(): SummarySinkData {
    return { delegations: this.delegations.toData(), arrivals: this.arrivalFigures?.toData() ?? null };
  }

  absorb(data: SummarySinkData): void {
    this.delegations.absorb(data.delegations);
    if (data.arrivals !== null) this.figures.absorb(data.arrivals);
  }

  groupCount(): number {
    return this.delegations.groupCount;
  }
}

export function createSummarySink(options: SummarySinkOptions): SummarySink {
  return new SummarySink(options);
}
