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
