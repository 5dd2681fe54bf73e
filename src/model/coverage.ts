/**
 * Which days the data covers, so that a month, quarter or year it covers only in part is never shown
 * as whole, and growth is computed only like for like.
 *
 * Rules (the README's "Partial periods" states them):
 * - A file of dated rows (a delegation log, daily arrivals) covers from the first day of the month of
 *   its first date through its last date: the last date ends the coverage of its last month (the log
 *   was written up to that day), while days before the first visit of its first month are taken as
 *   quiet days, not unrecorded ones (a log starts with the month it is kept for; --from cuts the start).
 * - A month-only figure covers its whole month. An annual figure covers its whole year only where it
 *   is the figure shown: a year with finer figures shows them (they win), and months and quarters
 *   never show annual figures (withAnnualYears).
 * - Each file counts for itself, whatever the others cover, and the files of a kind together cover the
 *   union of their days. Every accepted row counts, also those --from/--to leave out: the file still
 *   covers those days, and --from/--to then cut the dated spans to the days asked for. A monthly or
 *   annual figure is in or out whole (it counts on its period's last day), so it always covers all of it.
 * - A period is partial when the days covered in it are not all its days; what is covered is said as
 *   ranges of days (`1–9`, or `1 March–31 May` in a quarter or year).
 * - Two periods are alike when they are covered in the same places: the same days of the same months
 *   of the period (a month's last day counts as its end, so 1–28 February 2017 is whole like 1–29
 *   February 2016). Growth is computed only between alike periods.
 */
import { type CalDate, type PeriodDate, daysInMonth } from './dates';
import type { Period } from './period';
import type { Kind } from './records';

/** What one file covers: its kind, the fields its header has, and its dates. */
export interface FileCoverage {
  kind: Kind;
  /** The fields of src/model/fields.ts its header maps (the columns present). */
  fields: string[];
  /** The earliest and latest date of its accepted rows that have a day; null when none has. */
  first: CalDate | null;
  last: CalDate | null;
  /** yyyymm of each month-only figure, ascending. */
  months: number[];
  /** The year of each annual figure, ascending. */
  years: number[];
}

/** A date with its day known. */
export type Day = CalDate & { day: number };

/** Days first through last, inclusive. */
export interface DayRange {
  from: Day;
  to: Day;
}

export interface PeriodCoverage {
  /** Some day of the period is not covered. */
  partial: boolean;
  /** The first and last day covered. */
  from: Day;
  to: Day;
  /** The days covered, as ranges in date order (one when nothing is missing in between). */
  ranges: DayRange[];
}

/** A row's date, taken as a file's rows come (a shared date object is looked at once per run of rows). */
export class DateTracker {
  private firstKey = Infinity;
  private lastKey = -Infinity;
  private readonly months = new Set<number>();
  private readonly years = new Set<number>();
  private previous: PeriodDate | null = null;

  add(date: PeriodDate): void {
    if (date === this.previous) return;
    this.previous = date;
    if (date.month === null) {
      this.years.add(date.year);
      return;
    }
    if (date.day === null) {
      this.months.add(date.year * 100 + date.month);
      return;
    }
    const key = date.year * 10000 + date.month * 100 + date.day;
    if (key < this.firstKey) this.firstKey = key;
    if (key > this.lastKey) this.lastKey = key;
  }

  /**
   * Whether a date added is after `day`: a day later than it, a month alone after its month, a year
   * alone after its year (a month or year alone starts before its days). Cheap: the latest day is
   * kept as dates are added; months and years alone are looked through.
   */
  hasAfter(day: CalDate): boolean {
    if (this.lastKey > day.year * 10000 + day.month * 100 + (day.day ?? 0)) return true;
    for (const month of this.months) if (month > day.year * 100 + day.month) return true;
    for (const year of this.years) if (year > day.year) return true;
    return false;
  }

  /** Adds what another tracker saw (a later part of the same file). */
  absorb(data: TrackedDates): void {
    if (data.firstKey < this.firstKey) this.firstKey = data.firstKey;
    if (data.lastKey > this.lastKey) this.lastKey = data.lastKey;
    for (const month of data.months) this.months.add(month);
    for (const year of data.years) this.years.add(year);
  }

  toData(): TrackedDates {
    return { firstKey: this.firstKey, lastKey: this.lastKey, months: [...this.months], years: [...this.years] };
  }

  coverage(kind: Kind, fields: string[]): FileCoverage {
    const dated = this.firstKey <= this.lastKey;
    return {
      kind,
      fields,
      first: dated ? dateOfKey(this.firstKey) : null,
      last: dated ? dateOfKey(this.lastKey) : null,
      months: [...this.months].sort((a, b) => a - b),
      years: [...this.years].sort((a, b) => a - b),
    };
  }
}

/** A DateTracker's state as plain data (structured-clone safe). */
export interface TrackedDates {
  firstKey: number;
  lastKey: number;
  months: number[];
  years: number[];
}

function dateOfKey(key: number): Day {
  return { year: Math.floor(key / 10000), month: Math.floor(key / 100) % 100, day: key % 100 };
}

/** The days a kind of data covers, cut by --from/--to. */
export class Coverage {
  /** Disjoint, ascending, not touching: [first, last] day numbers. */
  private readonly spans: [number, number][];

  constructor(
    private readonly files: readonly FileCoverage[],
    private readonly kind: Kind,
    private readonly cut: { from?: CalDate; to?: CalDate } = {},
    annualYears: ReadonlySet<number> = new Set(),
  ) {
    const lo = cut.from ? dayNumber(cut.from.year, cut.from.month, cut.from.day ?? 1) : -Infinity;
    const hi = cut.to ? lastDayNumber(cut.to) : Infinity;
    const spans: [number, number][] = [];
    for (const file of files) {
      if (file.kind !== kind) continue;
      if (file.first && file.last) {
        const start = Math.max(lo, dayNumber(file.first.year, file.first.month, 1));
        const end = Math.min(hi, lastDayNumber(file.last));
        if (start <= end) spans.push([start, end]);
      }
      for (const ym of file.months) {
        const year = Math.floor(ym / 100);
        const month = ym % 100;
        const end = dayNumber(year, month, daysInMonth(year, month));
        if (end >= lo && end <= hi) spans.push([dayNumber(year, month, 1), end]);
      }
      for (const year of file.years) {
        const end = dayNumber(year, 12, 31);
        if (annualYears.has(year) && end >= lo && end <= hi) spans.push([dayNumber(year, 1, 1), end]);
      }
    }
    this.spans = merged(spans);
  }

  /** The same, with the annual figures of these years covering their year: where they are the figure shown. */
  withAnnualYears(years: ReadonlySet<number>): Coverage {
    return years.size === 0 ? this : new Coverage(this.files, this.kind, this.cut, years);
  }

  /** What is covered of a month, quarter or year (null for any other unit, or when nothing of it is). */
  of(period: Period): PeriodCoverage | null {
    const bounds = boundsOf(period);
    if (!bounds) return null;
    const [start, end] = bounds;
    const inside: [number, number][] = [];
    for (const [a, b] of this.spans) if (b >= start && a <= end) inside.push([Math.max(a, start), Math.min(b, end)]);
    if (inside.length === 0) return null;
    const ranges = inside.map(([a, b]) => ({ from: dateOfNumber(a), to: dateOfNumber(b) }));
    return {
      partial: !(inside.length === 1 && inside[0][0] === start && inside[0][1] === end),
      from: ranges[0].from,
      to: ranges[ranges.length - 1].to,
      ranges,
    };
  }
}

/**
 * Whether two periods of one unit are covered in the same places: the same days of the same months
 * of each (the last day of a month counted as its end). Whole periods are alike.
 */
export function alike(a: { period: Period; coverage: PeriodCoverage }, b: { period: Period; coverage: PeriodCoverage }): boolean {
  if (!a.coverage.partial && !b.coverage.partial) return true;
  return shape(a.period, a.coverage) === shape(b.period, b.coverage);
}

/** The covered ranges relative to the period: month within it, day, and `e` for a month's last day. */
function shape(period: Period, coverage: PeriodCoverage): string {
  const first = firstMonthOf(period);
  const at = (d: Day) => `${d.month - first}:${d.day === daysInMonth(d.year, d.month) ? 'e' : d.day}`;
  return coverage.ranges.map((r) => `${at(r.from)}-${at(r.to)}`).join(',');
}

function firstMonthOf(period: Period): number {
  if (period.unit === 'month') return period.month;
  if (period.unit === 'quarter') return period.quarter * 3 - 2;
  return 1;
}

function boundsOf(period: Period): [number, number] | null {
  switch (period.unit) {
    case 'month':
      return [dayNumber(period.year, period.month, 1), dayNumber(period.year, period.month, daysInMonth(period.year, period.month))];
    case 'quarter': {
      const last = period.quarter * 3;
      return [dayNumber(period.year, last - 2, 1), dayNumber(period.year, last, daysInMonth(period.year, last))];
    }
    case 'year':
      return [dayNumber(period.year, 1, 1), dayNumber(period.year, 12, 31)];
    default:
      return null;
  }
}

/** Sorted, with overlapping or adjacent spans joined. */
function merged(spans: [number, number][]): [number, number][] {
  spans.sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function lastDayNumber(d: CalDate): number {
  return dayNumber(d.year, d.month, d.day ?? daysInMonth(d.year, d.month));
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of dayNumber (civil_from_days). */
function dateOfNumber(n: number): Day {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
