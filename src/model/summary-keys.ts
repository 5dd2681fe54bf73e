/**
 * The `--group-by` dimensions: the periods of a row's date, and the delegation fields declared as
 * dimensions in src/model/fields.ts; and the per-row key of each, computed without allocating (these
 * run once per row on files of tens of millions of rows).
 */
import { type CalDate, isoWeekdayOf } from './dates';
import { ARRIVAL_DIMS, type ArrivalDim } from './arrival-key';
import type { CategoryField, FieldSpec } from './fields';
import { DELEGATION_FIELDS } from './records';

export type PeriodDim = 'month' | 'quarter' | 'year' | 'weekday';
export type CategoryDim = CategoryField;
export type GroupDim = PeriodDim | CategoryDim;

export const PERIOD_DIMS: readonly PeriodDim[] = ['month', 'quarter', 'year', 'weekday'];

/** The delegation fields one can group by, in the table's order. */
export const CATEGORY_FIELDS: readonly FieldSpec[] = DELEGATION_FIELDS.filter((field) => field.groupBy !== undefined);

export const GROUP_DIMS: readonly GroupDim[] = [...PERIOD_DIMS, ...CATEGORY_FIELDS.map((field) => field.name as CategoryDim)];

/** What `summary --group-by` takes: the delegations' dimensions and the arrivals' (destination, country). */
export type SummaryDim = GroupDim | ArrivalDim;
export const SUMMARY_DIMS: readonly SummaryDim[] = [...GROUP_DIMS, ...ARRIVAL_DIMS];

export function isArrivalDim(dim: SummaryDim): dim is ArrivalDim {
  return (ARRIVAL_DIMS as readonly string[]).includes(dim);
}

/** The field a category dimension groups by. */
export function categoryField(dim: CategoryDim): FieldSpec {
  return CATEGORY_FIELDS.find((field) => field.name === dim)!;
}

export function isPeriodDim(dim: SummaryDim): dim is PeriodDim {
  return dim === 'month' || dim === 'quarter' || dim === 'year' || dim === 'weekday';
}

/**
 * The periodKey (src/model/period.ts) of a date for a period dimension, or null when the date
 * cannot be placed: a month-only date has no weekday.
 */
export function periodKeyOfDate(date: CalDate, dim: PeriodDim): number | null {
  const { year, month, day } = date;
  switch (dim) {
    case 'month':
      return year * 100 + month;
    case 'quarter':
      return year * 10 + Math.ceil(month / 3);
    case 'year':
      return year;
    case 'weekday':
      return day === null ? null : isoWeekdayOf(year, month, day);
  }
}

/** True when values[index] already appeared earlier in a list field's values (a delegation counts once per value). */
export function isRepeatedValue(values: readonly string[], index: number): boolean {
  for (let j = 0; j < index; j++) if (values[j] === values[index]) return true;
  return false;
}
