/** Where the input layer hands rows: a command's sink, a model that takes rows. */
import type { ArrivalBatch, ArrivalRow, DelegationBatch, DelegationRow } from './records';

export interface RowSink {
  delegation(row: DelegationRow): void;
  arrival(row: ArrivalRow): void;
  /**
   * Optional: takes delegation rows a batch at a time (the same rows, in the same order), so that it
   * can file them in one loop and key its lookups by the batch's codes. Without it, `delegation` gets
   * each row. The batch is reused: read it during the call.
   */
  delegationBatch?(batch: DelegationBatch): void;
  /** Optional: takes arrivals figures a batch at a time (the same figures, in the same order); without it, `arrival` gets each. Reused: read it during the call. */
  arrivalBatch?(batch: ArrivalBatch): void;
}

/**
 * A sink whose state can cross to another thread and be added to another's of the same kind: the
 * models' own toData()/absorb() pair, so a model that takes rows is a MergeableSink as it is.
 */
export interface MergeableSink extends RowSink {
  /** The state as structured-clone data. */
  toData(): unknown;
  /** Adds the state (as toData() gave it) of a sink built the same way and fed other rows. */
  absorb(data: unknown): void;
  /**
   * Optional: how many groups the state holds so far, for a state that grows with the values read
   * (toData() and absorb() cost about as much a group as reading a row does).
   */
  groupCount?(): number;
}
