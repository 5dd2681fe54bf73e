/**
 * A delegation row for tests: the values given, every other field of the table (src/model/fields.ts)
 * empty, as the input layer gives a row whose file lacks the column. So a test written before a
 * column was added still makes whole rows.
 */
import type { ArrivalRow, DelegationRow } from '../../src/model/records';
import { DELEGATION_FIELDS } from '../../src/model/records';

export type RowValues = Partial<DelegationRow> & Pick<DelegationRow, 'date' | 'people'>;

export function delegationRow(values: RowValues): DelegationRow {
  const row: Record<string, unknown> = {};
  for (const field of DELEGATION_FIELDS) row[field.name] = field.kind === 'list' ? [] : null;
  return { ...row, ...values } as DelegationRow;
}

/** A delegation on a day of March 2018, the metrics' and targets' tests' month. */
export function delegation(day: number, people: number, nights: number | null = null): DelegationRow {
  return delegationRow({ date: { year: 2018, month: 3, day }, people, nights });
}

/** A monthly arrivals figure of 2018 (a month-only date, as monthly figures are). */
export function arrival(month: number, segment: ArrivalRow['segment'], count: number): ArrivalRow {
  return { period: { year: 2018, month, day: null }, segment, count };
}
