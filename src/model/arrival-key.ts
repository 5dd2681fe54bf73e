/**
 * What identifies an arrivals figure, in one place: its period, its segment, and its value of each
 * dimension arrivals may be broken down by (the arrivals fields declared `groupBy` in fields.ts:
 * destination, country). Two figures with the same key are the same figure given twice (the arrival
 * ledger, arrival-ledger.ts, keys them by these values' keys; no value is the same as an empty key).
 *
 * Values are compared as the user would: a destination trimmed and case-folded (`Kawah Ijen` and
 * `kawah  ijen` are one), a country by the country its name stands for (`Tiongkok` and `China` are
 * one, countries.ts), a name no country has by its folded spelling.
 *
 * A file's **breakdown** is the set of dimension columns it has (a bit each): a file of arrivals by
 * destination breaks the arrivals down by destination, one of foreign arrivals by country by country;
 * a file with neither gives totals. Figures of different breakdowns describe the same arrivals cut in
 * different ways, and are never added together (arrival-figures.ts).
 */
import { type ArrivalDim, FIELDS } from './fields';

export type { ArrivalDim } from './fields';

/** What to do with a figure given twice (the same key): refuse it, or count the first, the last or their sum. */
export const OVERLAP_POLICIES = ['error', 'first', 'last', 'sum'] as const;
export type OverlapPolicy = (typeof OVERLAP_POLICIES)[number];

/** The dimensions, in the table's order. */
export const ARRIVAL_DIMS: readonly ArrivalDim[] = FIELDS.filter(
  (field) => (field.files as readonly string[]).includes('arrivals') && 'groupBy' in field,
).map((field) => field.name as ArrivalDim);

/** Each dimension's bit in a breakdown. */
export const BREAKDOWN_BIT: Readonly<Record<ArrivalDim, number>> = Object.fromEntries(
  ARRIVAL_DIMS.map((dim, i) => [dim, 1 << i]),
) as Record<ArrivalDim, number>;

export function breakdownOf(dims: readonly ArrivalDim[]): number {
  return dims.reduce((bits, dim) => bits | BREAKDOWN_BIT[dim], 0);
}

/** The dimensions of a breakdown, in the table's order. */
export function dimsOf(breakdown: number): ArrivalDim[] {
  return ARRIVAL_DIMS.filter((dim) => (breakdown & BREAKDOWN_BIT[dim]) !== 0);
}

/** A destination as it is grouped: trimmed, inner spaces as one, lower case. */
export function destinationKey(written: string): string {
  return written.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Loaded with the first country: only files of arrivals by country need the country names. */
let countries: typeof import('./countries') | undefined;

/** A country as it is grouped: its ISO code (`CN`), or `?` and the folded name when no country has that name. */
export function countryKey(written: string): string {
  countries ??= require('./countries') as typeof import('./countries');
  return countries.countryOf(written)?.code ?? `?${countries.normalizeName(written)}`;
}

/** Whether a country key is a name no country has. */
export function isUnknownCountry(key: string): boolean {
  return key.startsWith('?');
}
