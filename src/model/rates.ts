/**
 * Per-capita spending rates: the table that says which rate applies to a segment on a date.
 *
 * The table is built from rules, each a rate for a segment over a span of dates (or every date) with
 * where it came from. The caller gives them highest priority first within each segment (commands put
 * the flags first, then the config `rates` entries, a later entry before an earlier one); the
 * defaults (domestic Rp1,500,000, foreign Rp2,700,000 per visit) go under them. The first rule of a
 * segment whose span holds the date applies. Delegations with no rule of their own for a date take
 * the domestic rate resolved for the same date: delegation visitors are domestic visitors unless the
 * user says they spend differently.
 *
 * A month-only date (a monthly arrivals figure) resolves by the month's FIRST day: the rate in force
 * when the month began. Spans that start and end on month boundaries, the usual case, are unaffected.
 */
import type { CalDate } from './dates';
import type { Rupiah } from './money';

/** Rupiah per visit (or per night, under basis night). A single rate has low = central = high. */
export interface RateRange {
  low: Rupiah;
  central: Rupiah;
  high: Rupiah;
}

export type RateSegment = 'domestic' | 'foreign' | 'delegation';
export const RATE_SEGMENTS: readonly RateSegment[] = ['domestic', 'foreign', 'delegation'];

export const DEFAULT_RATES = { domestic: 1_500_000n, foreign: 2_700_000n } as const;

/** A rate for a segment over a span of dates; plain data (it crosses to a worker thread as it is). */
export interface RateRule {
  segment: RateSegment;
  /** Inclusive ISO dates (`2018-01-31`); null = unbounded on that side. */
  from: string | null;
  to: string | null;
  rate: RateRange;
  /** Where it came from, as the output states it: `default`, `--domestic-rate`, `config rates[2].foreign`. */
  source: string;
  /** A foreign rate for the visitors of one country (its key, arrival-key.ts countryKey): that market's own. */
  country?: string;
}

export interface RateTable {
  /**
   * The rate for a segment on a date. Equal rates are the same object, so callers may key maps by
   * the returned object; no allocation per call.
   */
  rateFor(segment: RateSegment, date: CalDate): RateRange;
  /** A market's own foreign rate on a date (a rule naming its country), or null: the foreign rate applies. */
  countryRate(country: string, date: CalDate): RateRange | null;
  /** Every rule, highest priority first within each segment, the defaults last. Delegation falls back to domestic. */
  readonly rules: readonly RateRule[];
}

interface CompiledRule extends RateRule {
  /** yyyymmdd bounds, inclusive. */
  fromKey: number;
  toKey: number;
}

/** The table of `given` rules (highest priority first within each segment) over the defaults. */
export function rateTable(given: readonly RateRule[] = []): RateTable {
  const intern = rangeInterner();
  const rules: CompiledRule[] = [];
  for (const segment of RATE_SEGMENTS) {
    for (const rule of given) if (rule.segment === segment) rules.push(compiled({ ...rule, rate: intern(rule.rate) }));
    if (segment !== 'delegation')
      rules.push(compiled({ segment, from: null, to: null, rate: intern(rangeOf(DEFAULT_RATES[segment])), source: 'default' }));
  }
  const bySegment = new Map(RATE_SEGMENTS.map((s) => [s, rules.filter((r) => r.segment === s && r.country === undefined)]));
  const byCountry = new Map<string, CompiledRule[]>();
  for (const rule of rules) if (rule.country !== undefined) byCountry.set(rule.country, [...(byCountry.get(rule.country) ?? []), rule]);
  const rateFor = (segment: RateSegment, date: CalDate): RateRange => {
    const key = date.year * 10000 + date.month * 100 + (date.day ?? 1);
    for (const rule of bySegment.get(segment)!) {
      if (rule.fromKey <= key && key <= rule.toKey) return rule.rate;
    }
    // Only delegation can get here: domestic and foreign always end in a default for every date.
    return rateFor('domestic', date);
  };
  const countryRate = (country: string, date: CalDate): RateRange | null => {
    const key = date.year * 10000 + date.month * 100 + (date.day ?? 1);
    for (const rule of byCountry.get(country) ?? []) if (rule.fromKey <= key && key <= rule.toKey) return rule.rate;
    return null;
  };
  return { rateFor, countryRate, rules: rules.map(({ fromKey, toKey, ...rule }) => rule) };
}

export function rangeOf(rate: Rupiah): RateRange {
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

function compiled(rule: RateRule): CompiledRule {
  return { ...rule, fromKey: rule.from === null ? -Infinity : isoKey(rule.from), toKey: rule.to === null ? Infinity : isoKey(rule.to) };
}

/** `2018-01-31` -> 20180131. */
function isoKey(iso: string): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}
