/**
 * Typed cells, as a workbook holds them, and Excel's serial dates (in a workbook's date cells, and in
 * a CSV date column that holds them as plain numbers):
 *
 * - a serial counts days in the 1900 date system (1 = 1 January 1900, with Excel's phantom 29 February
 *   1900 as 60, so serials from 61 on are one day ahead of a true count) or, in a workbook saved so,
 *   the 1904 system (0 = 1 January 1904); a fraction is a time of day, and dropped;
 * - a whole number from 1900 to 2199 is a year, never a serial: an annual figure where a period may be
 *   a year (arrivals), else not a date;
 * - other whole numbers from 1 to 109,574 (31 December 2199) are serials.
 */
import { quote } from '../messages';
import { type CalDate, type PeriodDate, type YearDate, isoDate } from '../model/dates';
import { MAX_YEAR, MIN_YEAR } from './values';

/** A cell of a sheet: empty, text, a number, a date (a day, a month alone, or a year alone), or an error. */
export type SheetCell = null | string | number | boolean | { readonly date: PeriodDate } | { readonly error: string };

/** The last serial of the range read as dates: 31 December 2199. */
export const SERIAL_MAX = 109_574;
/** 1 January 1970 in the 1900 system, and the days the 1904 system is behind it. */
const UNIX_EPOCH_SERIAL = 25_569;
const DAYS_1904 = 1_462;
const MS_PER_DAY = 86_400_000;

/** The day a serial stands for (its whole part), or null outside 1 January 1900 to 31 December 2199. */
export function serialDate(serial: number, date1904 = false): CalDate | null {
  const whole = Math.floor(serial) + (date1904 ? DAYS_1904 : 0);
  if (whole < 1 || whole > SERIAL_MAX) return null;
  // Excel's 1900 counts a 29 February 1900 that never was (serial 60): before it, one day less.
  if (whole === 60) return null;
  const days = whole < 60 ? whole - 1 : whole - 2;
  const d = new Date(Date.UTC(1900, 0, 1) + days * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The serial (1900 system, whole days) of a JS Date made at UTC midnight from a 1900-system serial. */
export function serialOfDate(date: Date): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

export function isYear(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR;
}

export function isSerial(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= SERIAL_MAX && !isYear(n);
}

export function yearOnly(year: number): YearDate {
  return Object.freeze({ year, month: null, day: null });
}

/** The cell as text: what a message, a text field or --rejects shows. */
export function cellText(cell: SheetCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if ('error' in cell) return cell.error;
  return cell.date.month === null ? String(cell.date.year) : isoDate(cell.date);
}

/** The cell as a count, the reason it is not one, or null when it is empty. Text is parsed as in a CSV. */
export function cellCount(cell: SheetCell, parseText: (text: string) => number | string | null): number | string | null {
  if (cell === null) return null;
  if (typeof cell === 'string') return parseText(cell);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell)) return `not a whole number: ${cell}`;
    if (cell < 0) return `negative: ${cell}`;
    return Number.isSafeInteger(cell) ? cell : `too large: ${cell}`;
  }
  if (typeof cell === 'boolean') return `not a number: ${cell}`;
  if ('error' in cell) return `cell error ${cell.error}`;
  return `not a number: a date ${quote(cellText(cell))}`;
}
