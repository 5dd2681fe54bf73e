/**
 * The accepted delegation rows of one scanned batch of records, gathered column by column (a
 * DelegationBatch: one column per delegation field of src/model/fields.ts) and handed to the sink at
 * the end of the batch. Both paths of rows.ts write a record's values straight into the next row
 * (`next()`), and keep it (`commit(record)`) once it is valid and in range; no row object is made.
 *
 * A column the file lacks, or a text column the command does not read, is never written: it holds
 * its field's empty value (null, no values, a count of -1) from the start. Reused from batch to batch;
 * it grows only if a batch ever holds more rows than it has room for.
 */
import type { FieldSpec } from '../model/fields';
import { grown } from '../model/grown';
import { type BatchCodes, type BatchValues, DELEGATION_FIELDS, type DelegationBatch } from '../model/records';

const INITIAL_ROOM = 1024;

/** The value of a list field with no values: shared between rows, so frozen. */
export const NO_VALUES: readonly string[] = Object.freeze([]);

/** One field's column: its values (a count's in a Float64Array, -1: none) and, for other kinds, their codes. */
export interface BatchColumn {
  values: unknown[] | Float64Array;
  codes: Int32Array | null;
}

export class DelegationBatchBuilder implements DelegationBatch {
  length = 0;
  /** A new one per input file: the scanner numbers each file's values afresh. */
  readonly codeSpace = {};
  /** One per delegation field, in DELEGATION_FIELDS order (a field's `slot`). */
  readonly columns: BatchColumn[];
  values!: BatchValues;
  codes!: BatchCodes;
  /** Per row, the index of its record in the scanner's batch (its line and text hash are there). */
  records = new Int32Array(INITIAL_ROOM);
  private room = INITIAL_ROOM;

  constructor() {
    this.columns = DELEGATION_FIELDS.map((field) => ({
      values:
        field.kind === 'count' ? new Float64Array(INITIAL_ROOM).fill(-1) : Array.from({ length: INITIAL_ROOM }, () => emptyValue(field)),
      codes: field.kind === 'count' ? null : new Int32Array(INITIAL_ROOM).fill(-1),
    }));
    this.name();
  }

  /** The index of the row being written: the paths fill its columns, then commit() keeps it. */
  next(): number {
    if (this.length === this.room) this.grow();
    return this.length;
  }

  /** Room for `rows` more rows: the columns' arrays then stay the same until they are written. */
  reserve(rows: number): void {
    while (this.room < this.length + rows) this.grow();
  }

  /** Keeps the row being written, read from record `record` of the scanner's batch. */
  commit(record: number): void {
    this.records[this.length++] = record;
  }

  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    const room = this.room * 2;
    DELEGATION_FIELDS.forEach((field, slot) => {
      const column = this.columns[slot];
      if (column.values instanceof Float64Array) {
        column.values = grown(column.values, room, -1);
      } else {
        const empty = emptyValue(field);
        for (let i = this.room; i < room; i++) column.values.push(empty);
      }
      if (column.codes) {
        column.codes = grown(column.codes, room, -1);
      }
    });
    this.records = grown(this.records, room);
    this.room = room;
    this.name();
  }

  /** The columns by field name, as DelegationBatch has them. */
  private name(): void {
    const values: Record<string, unknown> = {};
    const codes: Record<string, Int32Array> = {};
    DELEGATION_FIELDS.forEach((field, slot) => {
      values[field.name] = this.columns[slot].values;
      if (this.columns[slot].codes) codes[field.name] = this.columns[slot].codes!;
    });
    this.values = values as BatchValues;
    this.codes = codes as BatchCodes;
  }
}

/** A field's value in a row that has none: never read for dates and required counts. */
function emptyValue(field: FieldSpec): unknown {
  return field.kind === 'list' ? NO_VALUES : null;
}
