/**
 * Metric values by calendar day, accumulated row by row, for progress-to-target arithmetic.
 * Each year is a Float64Array of 366 per-day totals (index = day of year - 1): sums of whole numbers stay
 * exact up to 2^53, which covers rupiah spending totals (Rp7.5 trillion is ~2^43).
 */
import { type CalDate, dayOfYear, daysInMonth } from './dates';

/** A date with its day known (never a month-only figure). */
export type DayDate = CalDate & { day: number };

interface YearData {
  days: Float64Array;
  /** Day of year of the earliest and latest value added (whatever the value, 0 included). */
  first: number;
  last: number;
}

/** A DailySeries as plain data (structured-clone safe): toData() gives it, absorb() takes it. */
export type DailySeriesData = [year: number, data: YearData][];

export class DailySeries {
  private readonly byYear = new Map<number, YearData>();

  /** Adds a value on its day; a month-only date (a monthly figure) counts on the month's last day. */
  add(date: CalDate, value: number): void {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`DailySeries: value ${value} is not a count >= 0`);
    const doy = dayOfYear(date);
    const data = this.yearData(date.year);
    data.days[doy - 1] += value;
    data.first = Math.min(data.first, doy);
    data.last = Math.max(data.last, doy);
  }

  /** The state as plain data, to cross to another thread. */
  toData(): DailySeriesData {
    return [...this.byYear].map(([year, { days, first, last }]) => [year, { days: days.slice(), first, last }]);
  }

  /** Adds the values of another series, given as toData() gave them (sums of whole numbers: exact, in any order). */
  absorb(data: DailySeriesData): void {
    for (const [year, theirs] of data) {
      const mine = this.yearData(year);
      for (let i = 0; i < mine.days.length; i++) mine.days[i] += theirs.days[i];
      mine.first = Math.min(mine.first, theirs.first);
      mine.last = Math.max(mine.last, theirs.last);
    }
  }

  /** Years with at least one value, ascending. */
  years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  /** The latest dated value in the year as a day date (a monthly figure: its last day), or null. */
  latestDate(year: number): DayDate | null {
    const data = this.byYear.get(year);
    return data ? dateOfDay(year, data.last) : null;
  }

  /** The earliest dated value in the year as a day date, or null. */
  earliestDate(year: number): DayDate | null {
    const data = this.byYear.get(year);
    return data ? dateOfDay(year, data.first) : null;
  }

  /** Sum of values from 1 January through the given day, inclusive. */
  sumThrough(year: number, month: number, day: number): number {
    const data = this.byYear.get(year);
    if (!data) return 0;
    const through = dayOfYear({ year, month, day });
    let sum = 0;
    for (let i = 0; i < through; i++) sum += data.days[i];
    return sum;
  }

  /** The year's sum in each month, January first (12 values; all 0 for a year without data). O(days). */
  monthTotals(year: number): number[] {
    const totals = new Array<number>(12).fill(0);
    const data = this.byYear.get(year);
    if (!data) return totals;
    for (let month = 1, day = 0; month <= 12; month++) {
      const end = day + daysInMonth(year, month);
      for (; day < end; day++) totals[month - 1] += data.days[day];
    }
    return totals;
  }

  total(year: number): number {
    return this.sumThrough(year, 12, 31);
  }

  /** The sum of every value of every year: when it is exact, so is every sum of some of them. */
  grandTotal(): number {
    let sum = 0;
    for (const { days } of this.byYear.values()) for (let i = 0; i < days.length; i++) sum += days[i];
    return sum;
  }

  /**
   * Whether the year's data spans January through `month`: a value dated in January and one dated in
   * `month` or later. Gaps inside the span cannot be told from quiet days and are not detected.
   */
  coversThrough(year: number, month: number): boolean {
    const data = this.byYear.get(year);
    if (!data) return false;
    return data.first <= 31 && data.last >= dayOfYear({ year, month, day: 1 });
  }

  /**
   * Whether the year can serve as a seasonal pattern: values dated in January and in December.
   * A year whose log starts late or stops in November would make every cumulative share too high
   * (its total too small), so projections from it would be wrong rather than merely rough.
   */
  coversWholeYear(year: number): boolean {
    return this.coversThrough(year, 12);
  }

  private yearData(year: number): YearData {
    let data = this.byYear.get(year);
    if (!data) {
      data = { days: new Float64Array(366), first: Infinity, last: -Infinity };
      this.byYear.set(year, data);
    }
    return data;
  }
}

/** The day date of a 1-based day of year. */
export function dateOfDay(year: number, doy: number): DayDate {
  let month = 1;
  let day = doy;
  while (day > daysInMonth(year, month)) day -= daysInMonth(year, month++);
  return { year, month, day };
}
