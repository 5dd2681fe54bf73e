/**
 * Calendar dates as the data has them: a day, or a month alone (a monthly figure).
 * Kept as plain integers so that comparisons and grouping never go through Date or time zones.
 */

export interface CalDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31, or null for a month-only figure (`2017-08`, `Agustus 2017`). */
  day: number | null;
}

/**
 * A year alone: the period of an annual figure (`2017` as the period, a `Tahun` column). Told apart from
 * a day or a month by `month === null`; never a 31 December.
 */
export interface YearDate {
  year: number;
  month: null;
  day: null;
}

/** When an arrivals figure was counted: a day, a month, or a whole year. */
export type PeriodDate = CalDate | YearDate;

export function isYearDate(d: PeriodDate): d is YearDate {
  return d.month === null;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Day of year, 1-based; a month-only date counts as the month's last day. */
export function dayOfYear(d: CalDate): number {
  let n = 0;
  for (let m = 1; m < d.month; m++) n += daysInMonth(d.year, m);
  return n + (d.day ?? daysInMonth(d.year, d.month));
}

/** A sortable integer key: yyyymmdd, with a month-only date at its last day, a year alone at its last. */
export function dateKey(d: PeriodDate): number {
  if (d.month === null) return d.year * 10000 + 1231;
  return d.year * 10000 + d.month * 100 + (d.day ?? daysInMonth(d.year, d.month));
}

/** ISO text: `2016-03-09`, or `2017-08` for a month-only date. */
export function isoDate(d: CalDate): string {
  const ym = `${d.year}-${String(d.month).padStart(2, '0')}`;
  return d.day === null ? ym : `${ym}-${String(d.day).padStart(2, '0')}`;
}

const SAKAMOTO_MONTH_OFFSET = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];

/**
 * ISO weekday, 1 = Monday .. 7 = Sunday, by Sakamoto's method: arithmetic only, no Date object
 * (it runs once per row when grouping by weekday or checking a weekday name).
 */
export function isoWeekdayOf(year: number, month: number, day: number): number {
  const y = month < 3 ? year - 1 : year;
  const sundayBased = (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + SAKAMOTO_MONTH_OFFSET[month - 1] + day) % 7;
  return sundayBased === 0 ? 7 : sundayBased;
}

/** ISO weekday of a date, null for a month-only date. */
export function isoWeekday(d: CalDate): number | null {
  return d.day === null ? null : isoWeekdayOf(d.year, d.month, d.day);
}

export function quarterOf(d: CalDate): number {
  return Math.ceil(d.month / 3);
}
