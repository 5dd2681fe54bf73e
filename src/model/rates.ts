/**
 * Per-capita spending rates: parsing `--domestic-rate 1500000` or `"1000000..2000000"`, and the table
 * that says which rate applies to a segment on a date (defaults, then config `rates`, then flags).
 *
 * Resolution, per segment and date (the first that applies wins):
 *   1. the flag (`--domestic-rate`, `--foreign-rate`, `--delegation-rate`): every date;
 *   2. config `rates` entries covering the date that set this segment, the LAST listed first: later
 *      entries override earlier ones, so overlapping entries are allowed and the later one wins for the
 *      dates both cover (per segment: an entry that sets only `foreign` leaves `domestic` to earlier ones);
 *   3. the default (domestic Rp1,500,000, foreign Rp2,700,000 per visit).
 * Delegations with no flag and no config entry of their own take the domestic rate resolved for the
 * same date: delegation visitors are domestic visitors unless the user says they spend differently.
 *
 * A month-only date (a monthly arrivals figure) resolves by the month's FIRST day: the rate in force
 * when the month began. Spans that start and end on month boundaries, the usual case, are unaffected.
 */
import type { RatePeriod, RateSpec } from '../config';
import { daysInMonth, type CalDate } from './dates';
import { midpointHalfUp, parseRupiah, type Rupiah } from './money';
import { UsageError } from '../errors';
import { quote } from '../messages';

/** Rupiah per visit (or per night, under --basis night). A single rate has low = central = high. */
export interface RateRange {
  low: Rupiah;
  central: Rupiah;
  high: Rupiah;
}

export type RateSegment = 'domestic' | 'foreign' | 'delegation';
export const RATE_SEGMENTS: readonly RateSegment[] = ['domestic', 'foreign', 'delegation'];

export const DEFAULT_RATES = { domestic: 1_500_000n, foreign: 2_700_000n } as const;

/** Flag values as commander hands them over (strings), or numbers from code. */
export type RateFlags = Partial<Record<RateSegment, RateSpec>>;

const FLAG_NAMES: Record<RateSegment, string> = {
  domestic: '--domestic-rate',
  foreign: '--foreign-rate',
  delegation: '--delegation-rate',
};

/**
 * `1500000`, `1.500.000`, `1,500,000`, or a range `low..high` (each side likewise). A range's central
 * rate is its midpoint, an exact half rounded up. `what` names the flag or config key in the error.
 */
export function parseRateSpec(spec: RateSpec, what: string): RateRange {
  if (typeof spec === 'number') {
    if (!Number.isSafeInteger(spec) || spec < 0) {
      throw new UsageError(`${what}: ${spec} is not a whole number of rupiah >= 0`);
    }
    return rangeOf(BigInt(spec));
  }
  const sides = spec.split('..');
  if (sides.length > 2) throw new UsageError(`${what}: ${quote(spec)} is not a rate or a low..high range`);
  const [low, high] = sides.map((side) => rupiahOrThrow(side, what));
  if (sides.length === 1) return rangeOf(low);
  if (low > high) throw new UsageError(`${what}: range ${quote(spec)} has its low end above its high end; write low..high`);
  return { low, central: midpointHalfUp(low, high), high };
}

function rupiahOrThrow(text: string, what: string): Rupiah {
  const parsed = parseRupiah(text);
  if (!parsed.ok) throw new UsageError(`${what}: ${parsed.reason}`);
  return parsed.value;
}

/** One line of the table, for stating the assumptions in a report. */
export interface RateRule {
  segment: RateSegment;
  /** Inclusive ISO dates; null = unbounded on that side. */
  from: string | null;
  to: string | null;
  rate: RateRange;
  /** `default`, `--domestic-rate`, `config rates[2].foreign`. */
  source: string;
}

export interface RateTable {
  /**
   * The rate for a segment on a date. Equal rates are the same object, so callers may key maps by
   * the returned object; no allocation per call.
   */
  rateFor(segment: RateSegment, date: CalDate): RateRange;
  /** Every rule, highest priority first within each segment. Delegation falls back to domestic. */
  readonly rules: readonly RateRule[];
}

interface CompiledRule extends RateRule {
  /** yyyymmdd bounds, inclusive. */
  fromKey: number;
  toKey: number;
}

export function buildRateTable(periods: readonly RatePeriod[] = [], flags: RateFlags = {}): RateTable {
  const intern = rangeInterner();
  const rules: CompiledRule[] = [];
  for (const segment of RATE_SEGMENTS) {
    const flag = flags[segment];
    if (flag !== undefined) rules.push(everyDate(segment, intern(parseRateSpec(flag, FLAG_NAMES[segment])), FLAG_NAMES[segment]));
    for (let i = periods.length - 1; i >= 0; i--) {
      const spec = periods[i][segment];
      if (spec === undefined) continue;
      const source = `config rates[${i}].${segment}`;
      rules.push({ ...spanOf(periods[i], `config rates[${i}]`), segment, rate: intern(parseRateSpec(spec, source)), source });
    }
    if (segment !== 'delegation') rules.push(everyDate(segment, intern(rangeOf(DEFAULT_RATES[segment])), 'default'));
  }
  const bySegment = new Map(RATE_SEGMENTS.map((s) => [s, rules.filter((r) => r.segment === s)]));
  const rateFor = (segment: RateSegment, date: CalDate): RateRange => {
    const key = date.year * 10000 + date.month * 100 + (date.day ?? 1);
    for (const rule of bySegment.get(segment)!) {
      if (rule.fromKey <= key && key <= rule.toKey) return rule.rate;
    }
    // Only delegation can get here: domestic and foreign always end in a default for every date.
    return rateFor('domestic', date);
  };
  return { rateFor, rules: rules.map(({ fromKey, toKey, ...rule }) => rule) };
}

function rangeOf(rate: Rupiah): RateRange {
  return { low: rate, central: rate, high: rate };
}

/** Returns one shared object per distinct (low, central, high). */
function rangeInterner(): (range: RateRange) => RateRange {
  const seen = new Map<string, RateRange>();
  return (range) => {
    const key = `${range.low}:${range.central}:${range.high}`;
    const known = seen.get(key);
    if (known) return known;
    seen.set(key, range);
    return range;
  };
}

function everyDate(segment: RateSegment, rate: RateRange, source: string): CompiledRule {
  return { segment, from: null, to: null, fromKey: -Infinity, toKey: Infinity, rate, source };
}

type Span = Pick<CompiledRule, 'from' | 'to' | 'fromKey' | 'toKey'>;

/** `year`, or `from`/`to` (either may be open), or neither: every date. */
function spanOf(period: RatePeriod, where: string): Span {
  if (period.year !== undefined) {
    if (period.from !== undefined || period.to !== undefined) {
      throw new UsageError(`config: "${where}" gives both "year" and "from"/"to"; give one or the other`);
    }
    return { from: `${period.year}-01-01`, to: `${period.year}-12-31`, fromKey: period.year * 10000 + 101, toKey: period.year * 10000 + 1231 };
  }
  const fromKey = period.from === undefined ? -Infinity : isoDateKey(period.from, `${where}.from`);
  const toKey = period.to === undefined ? Infinity : isoDateKey(period.to, `${where}.to`);
  if (fromKey > toKey) throw new UsageError(`config: "${where}" has "from" after "to"`);
  return { from: period.from ?? null, to: period.to ?? null, fromKey, toKey };
}

/** Strict `yyyy-mm-dd` to a yyyymmdd key; an impossible date is an error, never rolled over. */
function isoDateKey(text: string, where: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = match ? match.slice(1).map(Number) : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new UsageError(`config: "${where}" must be an ISO date like 2018-01-31, got ${quote(text)}`);
  }
  return year * 10000 + month * 100 + day;
}
