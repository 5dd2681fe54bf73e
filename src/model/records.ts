/** The validated rows the input layer hands to commands. */
import type { CalDate } from './dates';

export type Kind = 'delegations' | 'arrivals';

/** One delegation visit (*wisatawan kinerja*): a group that came on a date. */
export interface DelegationRow {
  date: CalDate;
  people: number;
  origin: string | null;
  region: string | null;
  type: string | null;
  nights: number | null;
  /** Split on `;` or `|`, trimmed, empty values dropped. */
  purposes: readonly string[];
}

export type Segment = 'domestic' | 'foreign';

/**
 * One arrivals figure for a period and segment. A wide row (period, domestic, foreign) yields one of
 * these per non-empty segment column; a long row (period, segment, count) yields one.
 */
export interface ArrivalRow {
  period: CalDate;
  segment: Segment;
  count: number;
}

/**
 * Delegation rows column by column, as the input layer hands them to a sink that takes batches: row i
 * is { date: date[i], people: people[i], nights: nights[i] (-1: unknown), origin: origin[i], ... }.
 *
 * Codes let a consumer key a cache by a small integer instead of the value: within one `codeSpace`,
 * rows with the same code >= 0 in a column have the same value there (dateCode: the same date). -1
 * means no code; look at the value. Each input file has its own code space.
 */
export interface DelegationBatch {
  readonly length: number;
  readonly codeSpace: object;
  readonly date: readonly CalDate[];
  readonly dateCode: Int32Array;
  readonly people: Float64Array;
  readonly nights: Float64Array;
  readonly origin: readonly (string | null)[];
  readonly originCode: Int32Array;
  readonly region: readonly (string | null)[];
  readonly regionCode: Int32Array;
  readonly type: readonly (string | null)[];
  readonly typeCode: Int32Array;
  readonly purposes: readonly (readonly string[])[];
}

/** Row i of a batch, as a DelegationRow. */
export function rowOf(batch: DelegationBatch, i: number): DelegationRow {
  const nights = batch.nights[i];
  return {
    date: batch.date[i],
    people: batch.people[i],
    origin: batch.origin[i],
    region: batch.region[i],
    type: batch.type[i],
    nights: nights < 0 ? null : nights,
    purposes: batch.purposes[i],
  };
}
