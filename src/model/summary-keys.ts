/**
 * The `--group-by` dimensions and the per-row key of each, computed without allocating
 * (these run once per row on files of tens of millions of rows).
 */
import { type CalDate, isoWeekdayOf } from './dates';

export type PeriodDim = 'month' | 'quarter' | 'year' | 'weekday';
export type CategoryDim = 'origin' | 'region' | 'type' | 'purpose';
export type GroupDim = PeriodDim | CategoryDim;

export const GROUP_DIMS: readonly GroupDim[] = ['month', 'quarter', 'year', 'weekday', 'origin', 'region', 'type', 'purpose'];

export function isPeriodDim(dim: GroupDim): dim is PeriodDim {
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

/** True when purposes[index] already appeared earlier in the list (a delegation counts once per purpose). */
export function isRepeatedPurpose(purposes: readonly string[], index: number): boolean {
  for (let j = 0; j < index; j++) if (purposes[j] === purposes[index]) return true;
  return false;
}
