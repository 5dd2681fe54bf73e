/**
 * A delegation row for tests: the values given, every other field of the table (src/model/fields.ts)
 * empty, as the input layer gives a row whose file lacks the column. So a test written before a
 * column was added still makes whole rows.
 */
import type { ArrivalRow, BatchCodes, BatchValues, DelegationBatch, DelegationRow } from '../../src/model/records';
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

/** A batch of the rows, numbering values in a code space (a row without codes gets -1 everywhere). */
export function batchOf(rows: [DelegationRow, boolean][], codeSpace: object, numbering: Map<string, number>): DelegationBatch {
  const codeOf = (coded: boolean, column: string, value: unknown) => {
    if (!coded) return -1;
    const key = `${column}:${JSON.stringify(value)}`;
    if (!numbering.has(key)) numbering.set(key, numbering.size);
    return numbering.get(key)!;
  };
  const values: Record<string, unknown> = {};
  const codes: Record<string, Int32Array> = {};
  for (const { name, kind } of DELEGATION_FIELDS) {
    const field = name as keyof DelegationRow;
    if (kind === 'count') values[name] = Float64Array.from(rows, ([row]) => (row[field] as number | null) ?? -1);
    else {
      values[name] = rows.map(([row]) => row[field]);
      codes[name] = Int32Array.from(rows, ([row, coded]) => codeOf(coded, name, row[field]));
    }
  }
  return { length: rows.length, codeSpace, values: values as BatchValues, codes: codes as BatchCodes };
}
