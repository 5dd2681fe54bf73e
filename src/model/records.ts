/**
 * The validated rows the input layer hands to commands. A delegation row has one value per delegation
 * field of src/model/fields.ts, keyed by its name; a batch has one array per field.
 */
import type { CalDate, PeriodDate } from './dates';
import { type DelegationField, FIELDS, type FieldSpec, type Kind } from './fields';

export type { Kind } from './fields';

/** A field's value in a row: a count is null when the row has none (an optional column left empty). */
type RowValue<F> = F extends { kind: 'date' }
  ? CalDate
  : F extends { kind: 'count'; required: true }
    ? number
    : F extends { kind: 'count' }
      ? number | null
      : F extends { kind: 'text' }
        ? string | null
        : readonly string[];

/**
 * One delegation visit (*wisatawan kinerja*): a group that came on a date. Text is trimmed, empty is
 * null; a list field (`purpose`) is split on `;` or `|`, trimmed, empty values dropped.
 */
export type DelegationRow = { [F in DelegationField as F['name']]: RowValue<F> };

export type Segment = 'domestic' | 'foreign';

/**
 * One arrivals figure for a period and segment. A wide row (period, domestic, foreign) yields one of
 * these per non-empty segment column; a long row (period, segment, count) yields one. The period is a
 * day, a month, or a year alone (an annual figure: `period.month === null`).
 *
 * A file may break arrivals down by destination and by country (src/model/arrival-key.ts): then the
 * figure is that destination's (or country's) part. Absent means null (and `breakdown` 0).
 */
export interface ArrivalRow {
  period: PeriodDate;
  segment: Segment;
  count: number;
  /** The destination as written, trimmed; null when the file has no destination column or the cell is empty. */
  destination?: string | null;
  /** The country of residence as written, trimmed; null likewise (and for domestic figures). */
  country?: string | null;
  /** The dimension columns the row's file has, one bit each (arrival-key.ts BREAKDOWN_BIT). */
  breakdown?: number;
}

/**
 * Arrivals figures column by column, as the input layer's straight path reads them and the overlap
 * ledger (arrival-ledger.ts) hands the counted ones to a sink that takes batches (RowSink.arrivalBatch):
 * figure i is `arrivalOf(batch, i)`. Within one `codeSpace` (an input file; the ledger's figures of one
 * breakdown), figures with the same code >= 0 in a `...Code` column have the same value there; -1: no code.
 */
export interface ArrivalBatch {
  readonly length: number;
  readonly codeSpace: object;
  /** The file's breakdown, the same for every figure. */
  readonly breakdown: number;
  readonly period: readonly PeriodDate[];
  readonly periodCode: Int32Array;
  /** 1: foreign, 0: domestic. */
  readonly foreign: Uint8Array;
  readonly count: Float64Array;
  readonly destination: readonly (string | null)[];
  readonly destinationCode: Int32Array;
  readonly country: readonly (string | null)[];
  readonly countryCode: Int32Array;
}

/** Figure i of a batch as an ArrivalRow. */
export function arrivalOf(batch: ArrivalBatch, i: number): ArrivalRow {
  const row: ArrivalRow = { period: batch.period[i], segment: batch.foreign[i] ? 'foreign' : 'domestic', count: batch.count[i] };
  if (batch.breakdown === 0) return row;
  return { ...row, destination: batch.destination[i], country: batch.country[i], breakdown: batch.breakdown };
}

/** A field's column in a batch: counts in a Float64Array (-1: none), other values in an array. */
type BatchColumn<F> = F extends { kind: 'count' } ? Float64Array : readonly RowValue<F>[];
export type BatchValues = { readonly [F in DelegationField as F['name']]: BatchColumn<F> };
/** The fields the scanner numbers: dates, text and lists (counts are their own code). */
export type CodedField = Exclude<DelegationField, { kind: 'count' }>['name'];
export type BatchCodes = { readonly [N in CodedField]: Int32Array };

/**
 * Delegation rows column by column, as the input layer hands them to a sink that takes batches: row i
 * has the value `values[field][i]` in each field (a count of -1: none).
 *
 * Codes let a consumer key a cache by a small integer instead of the value: within one `codeSpace`,
 * rows with the same code >= 0 in `codes[field]` have the same value there (`codes.date`: the same
 * date). -1 means no code; look at the value. Each input file has its own code space.
 */
export interface DelegationBatch {
  readonly length: number;
  readonly codeSpace: object;
  readonly values: BatchValues;
  readonly codes: BatchCodes;
}

/** The fields of a kind of file, in the table's order. */
export function fieldsOf(kind: Kind): readonly FieldSpec[] {
  return FIELDS.filter((field) => (field.files as readonly Kind[]).includes(kind));
}

export const DELEGATION_FIELDS: readonly FieldSpec[] = fieldsOf('delegations');

/**
 * Row i of a batch, as a DelegationRow. Compiled once from the field table into one object literal (as
 * d3-dsv compiles its row converter), so that a row is made as fast as a hand-written literal: this
 * runs once per row for every sink that takes rows one by one.
 */
export const rowOf = compileRowOf(DELEGATION_FIELDS);

function compileRowOf(fields: readonly FieldSpec[]): (batch: DelegationBatch, i: number) => DelegationRow {
  const entries = fields.map(({ name, kind }) => {
    const value = `v[${JSON.stringify(name)}][i]`;
    return `${JSON.stringify(name)}: ${kind === 'count' ? `${value} < 0 ? null : ${value}` : value}`;
  });
  return new Function('batch', 'i', `const v = batch.values; return { ${entries.join(', ')} };`) as (
    batch: DelegationBatch,
    i: number,
  ) => DelegationRow;
}
