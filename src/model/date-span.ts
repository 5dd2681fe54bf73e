/**
 * The dates a kind of data spans, for the line "4 January – 10 November 2016" a reader looks for
 * first: from the earliest to the latest dated row (a monthly figure spans its month), within the
 * year shown and --from/--to. Annual figures have no dates to name and are left out of it.
 */
import type { FileCoverage } from './coverage';
import { type CalDate, daysInMonth } from './dates';
import type { Kind } from './records';

export interface DateSpan {
  /** The earliest date; its day is null when it is a monthly figure's month. */
  from: CalDate;
  /** The latest date; its day is null when it is a monthly figure's month. */
  to: CalDate;
}

export interface SpanLimits {
  /** Only this year; every year when null. */
  year: number | null;
  from?: CalDate;
  to?: CalDate;
}

const startKey = (d: CalDate) => d.year * 10000 + d.month * 100 + (d.day ?? 1);
const endKey = (d: CalDate) => d.year * 10000 + d.month * 100 + (d.day ?? daysInMonth(d.year, d.month));

/** The span of the kind's dated rows and monthly figures within the limits; null when none is in them. */
export function dateSpanOf(files: readonly FileCoverage[], kind: Kind, limits: SpanLimits): DateSpan | null {
  const lo = Math.max(limits.year === null ? -Infinity : limits.year * 10000 + 101, limits.from ? startKey(limits.from) : -Infinity);
  const hi = Math.min(limits.year === null ? Infinity : limits.year * 10000 + 1231, limits.to ? endKey(limits.to) : Infinity);
  let from: CalDate | null = null;
  let to: CalDate | null = null;
  const take = (first: CalDate, last: CalDate) => {
    if (endKey(last) < lo || startKey(first) > hi) return;
    // A monthly figure is in or out whole: it counts on its month's last day.
    const whole = first.day === null;
    if (whole && (endKey(first) < lo || endKey(first) > hi)) return;
    const start = !whole && startKey(first) < lo ? dateOfKey(lo) : first;
    const end = !whole && endKey(last) > hi ? dateOfKey(hi) : last;
    // On the same day a whole month (a monthly figure) reaches further than a dated row.
    if (from === null || startKey(start) < startKey(from) || (startKey(start) === startKey(from) && start.day === null)) from = start;
    if (to === null || endKey(end) > endKey(to) || (endKey(end) === endKey(to) && end.day === null)) to = end;
  };
  for (const file of files) {
    if (file.kind !== kind) continue;
    if (file.first && file.last) take(file.first, file.last);
    for (const yyyymm of file.months) {
      const month = { year: Math.floor(yyyymm / 100), month: yyyymm % 100, day: null };
      take(month, month);
    }
  }
  return from && to ? { from, to } : null;
}

function dateOfKey(key: number): CalDate {
  const year = Math.floor(key / 10000);
  const month = Math.floor(key / 100) % 100;
  return { year, month, day: Math.min(key % 100, daysInMonth(year, month)) };
}
