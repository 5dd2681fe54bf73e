/**
 * A delegation row for tests: the values given, every other field of the table (src/model/fields.ts)
 * empty, as the input layer gives a row whose file lacks the column. So a test written before a
 * column was added still makes whole rows.
 */
import type { DelegationRow } from '../../src/model/records';
import { DELEGATION_FIELDS } from '../../src/model/records';

export type RowValues = Partial<DelegationRow> & Pick<DelegationRow, 'date' | 'people'>;

export function delegationRow(values: RowValues): DelegationRow {
  const row: Record<string, unknown> = {};
  for (const field of DELEGATION_FIELDS) row[field.name] = field.kind === 'list' ? [] : null;
  return { ...row, ...values } as DelegationRow;
}
