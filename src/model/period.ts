/**
 * Grouping periods: the keys that time-based `--group-by` and `spending`/`progress` work in.
 * A period has a sortable numeric key and an ISO-like text form used by CSV and JSON.
 */
import { type CalDate, isoDate, isoWeekday, quarterOf } from './dates';

export type PeriodUnit = 'day' | 'month' | 'quarter' | 'year' | 'weekday';

export type Period =
  | { unit: 'day'; year: number; month: number; day: number }
  | { unit: 'month'; year: number; month: number }
  | { unit: 'quarter'; year: number; quarter: number }
  | { unit: 'year'; year: number }
  /** ISO weekday 1 = Monday .. 7 = Sunday, across all years. */
  | { unit: 'weekday'; weekday: number };

/**
 * The period a date falls in. A month-only date has no day or weekday: asking for those
 * returns null, and the caller decides (usually: a row that cannot be placed is reported).
 */
export function periodOf(d: CalDate, unit: PeriodUnit): Period | null {
  switch (unit) {
    case 'day':
      return d.day === null ? null : { unit, year: d.year, month: d.month, day: d.day };
    case 'month':
      return { unit, year: d.year, month: d.month };
    case 'quarter':
      return { unit, year: d.year, quarter: quarterOf(d) };
    case 'year':
      return { unit, year: d.year };
    case 'weekday': {
      const weekday = isoWeekday(d);
      return weekday === null ? null : { unit, weekday };
    }
  }
}

/** A number that sorts periods of one unit chronologically (and weekdays Monday first). */
export function periodKey(p: Period): number {
  switch (p.unit) {
    case 'day':
      return p.year * 10000 + p.month * 100 + p.day;
    case 'month':
      return p.year * 100 + p.month;
    case 'quarter':
      return p.year * 10 + p.quarter;
    case 'year':
      return p.year;
    case 'weekday':
      return p.weekday;
  }
}

/** Rebuilds a period from its unit and key (the inverse of periodKey). */
export function periodFromKey(unit: PeriodUnit, key: number): Period {
  switch (unit) {
    case 'day':
      return { unit, year: Math.floor(key / 10000), month: Math.floor(key / 100) % 100, day: key % 100 };
    case 'month':
      return { unit, year: Math.floor(key / 100), month: key % 100 };
    case 'quarter':
      return { unit, year: Math.floor(key / 10), quarter: key % 10 };
    case 'year':
      return { unit, year: key };
    case 'weekday':
      return { unit, weekday: key };
  }
}

const WEEKDAY_ISO = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Plain machine form for CSV and JSON: `2016-03-09`, `2016-03`, `2016-Q1`, `2016`, `monday`. */
export function periodIso(p: Period): string {
  switch (p.unit) {
    case 'day':
      return isoDate(p);
    case 'month':
      return isoDate({ year: p.year, month: p.month, day: null });
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'year':
      return String(p.year);
    case 'weekday':
      return WEEKDAY_ISO[p.weekday - 1];
  }
}

/** The period just before (same unit), for month-on-month or quarter-on-quarter growth. */
export function previousPeriod(p: Period): Period | null {
  switch (p.unit) {
    case 'month':
      return p.month === 1 ? { unit: 'month', year: p.year - 1, month: 12 } : { ...p, month: p.month - 1 };
    case 'quarter':
      return p.quarter === 1 ? { unit: 'quarter', year: p.year - 1, quarter: 4 } : { ...p, quarter: p.quarter - 1 };
    case 'year':
      return { unit: 'year', year: p.year - 1 };
    default:
      return null;
  }
}

/** The same period one year earlier, for year-on-year growth. */
export function samePeriodLastYear(p: Period): Period | null {
  return p.unit === 'weekday' ? null : { ...p, year: p.year - 1 };
}
