/**
 * `--format json`: any result value as one JSON document, 2-space indent, trailing newline.
 * - bigint (money): a JSON number while it is a safe integer, else a decimal string (so no reader
 *   silently rounds it);
 * - a Period or CalDate: its ISO text (`2016-03`, `2016-Q1`, `monday`, `2016-03-09`);
 * - a Map: an object keyed by String(key);
 * - undefined properties are left out, non-finite numbers become null (as JSON.stringify does).
 */
import { type CalDate, isoDate } from '../model/dates';
import { type Period, periodIso } from '../model/period';

export function renderJson(value: unknown): string {
  return JSON.stringify(value, plain, 2) + '\n';
}

/**
 * JSON.stringify's replacer: each value as it is written, so that no plain copy of a big result is
 * made first. Objects are checked for a Period or a CalDate by a cheap property look first.
 */
function plain(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return isSafe(value) ? Number(value) : value.toString();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), v]));
  if (looksLikePeriod(value)) return periodIso(value);
  if (looksLikeCalDate(value)) return isoDate(value);
  return value;
}

const isSafe = (n: bigint) => n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER);

const PERIOD_KEYS: Record<string, string> = {
  day: 'day,month,unit,year',
  month: 'month,unit,year',
  quarter: 'quarter,unit,year',
  year: 'unit,year',
  weekday: 'unit,weekday',
};

/** Exactly the fields of a Period, so that a result object that merely has a `unit` stays an object. */
function looksLikePeriod(value: object): value is Period {
  const unit = (value as { unit?: unknown }).unit;
  return typeof unit === 'string' && PERIOD_KEYS[unit] === Object.keys(value).sort().join(',');
}

function looksLikeCalDate(value: object): value is CalDate {
  return typeof (value as CalDate).year === 'number' && Object.keys(value).sort().join(',') === 'day,month,year';
}
