/**
 * The `--group-by` dimensions and the per-row key of each, computed without allocating
 * (these run once per row on files of tens of millions of rows).
 */
import type { CalDate } from './dates';

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

const MONTH_OFFSET = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];

/** ISO weekday (1 = Monday .. 7 = Sunday) by Sakamoto's method: arithmetic only, no Date object. */
export function isoWeekdayOf(year: number, month: number, day: number): number {
  const y = month < 3 ? year - 1 : year;
  const sundayBased = (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + MONTH_OFFSET[month - 1] + day) % 7;
  return sundayBased === 0 ? 7 : sundayBased;
}

/** True when purposes[index] already appeared earlier in the list (a delegation counts once per purpose). */
export function isRepeatedPurpose(purposes: readonly string[], index: number): boolean {
  for (let j = 0; j < index; j++) if (purposes[j] === purposes[index]) return true;
  return false;
}
