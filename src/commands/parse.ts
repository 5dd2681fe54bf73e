/**
 * Input parsed at the edge: flag and config text turned into the typed values the models take (dates,
 * rate rules, counts, percents, bands, dimensions), with the usage error that names the flag or the
 * config key when it cannot be. Models never see a flag or throw a usage error.
 */
import type { Config, RatePeriod, RateSpec } from '../config';
import { UsageError } from '../errors';
import { quote } from '../messages';
import { parseCount, parseDate, type DateFormat } from '../ingest/values';
import type { BandSpec } from '../model/bands';
import type { CalDate } from '../model/dates';
import { daysInMonth } from '../model/dates';
import type { ValuationPlan } from '../model/metrics';
import { DEFAULT_PLAUSIBLE, type PlausibleBounds } from '../model/plausible';
import { midpointHalfUp, parseRupiah, type Rupiah } from '../model/money';
import { RATE_SEGMENTS, type RateRange, type RateRule, type RateSegment, rangeOf } from '../model/rates';
import type { Basis } from '../model/spending';
import { ARRIVAL_DIMS } from '../model/arrival-key';
import { CATEGORY_FIELDS, SUMMARY_DIMS, type SummaryDim, isArrivalDim, isPeriodDim } from '../model/summary-keys';

// ---- dates ---------------------------------------------------------------------------------------

/**
 * A date given on the command line: `2017` → 1 Jan for --from, 31 Dec otherwise; `2017-03` → the
 * month (from its first day for --from, as a month-only date otherwise, which counts as its last day);
 * otherwise any date the data may hold.
 */
export function parseBoundary(text: string, flag: '--from' | '--to' | '--as-of', format: DateFormat): CalDate {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return flag === '--from' ? { year: +t, month: 1, day: 1 } : { year: +t, month: 12, day: 31 };
  const date = parseDate(t, format);
  if (typeof date === 'string') throw new UsageError(`${flag}: ${date}`);
  return flag === '--from' && date.day === null ? { ...date, day: 1 } : date;
}

// ---- checks --------------------------------------------------------------------------------------

/** The config's `plausible` over the defaults; the least number of people no more than the most. */
export function parsePlausible(given: Partial<PlausibleBounds> | undefined): PlausibleBounds {
  const bounds = { ...DEFAULT_PLAUSIBLE, ...given };
  if (bounds.minPeople > bounds.maxPeople) {
    throw new UsageError(`config: "plausible.minPeople" (${bounds.minPeople}) is more than "plausible.maxPeople" (${bounds.maxPeople})`);
  }
  return bounds;
}

// ---- summary -------------------------------------------------------------------------------------

/** `--group-by` dimensions, each known and given once; of the arrivals' periods (month, quarter, year) at most one beside destination or country. */
export function parseGroupBy(dims: readonly string[], known: readonly string[] = SUMMARY_DIMS): SummaryDim[] {
  const seen = new Set<string>();
  for (const dim of dims) {
    if (!known.includes(dim)) throw new UsageError(`--group-by: unknown dimension '${dim}' (choose from ${known.join(', ')})`);
    if (seen.has(dim)) throw new UsageError(`--group-by: '${dim}' is given twice`);
    seen.add(dim);
  }
  const units = dims.filter((d) => d === 'month' || d === 'quarter' || d === 'year');
  if (units.length > 1 && dims.some((d) => isArrivalDim(d as SummaryDim))) {
    throw new UsageError(`--group-by: arrivals by destination or country are crossed with one period, not ${units.join(' and ')}`);
  }
  return [...dims] as SummaryDim[];
}

/** `--top N`: a whole number >= 1, with a category dimension to apply to. */
export function parseTop(text: string | undefined, dims: readonly SummaryDim[]): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1)
    throw new UsageError(`--top must be a whole number of at least 1, not ${quote(text)}`);
  if (dims.every(isPeriodDim))
    throw new UsageError(`--top needs a category --group-by: ${orList([...CATEGORY_FIELDS.map((f) => f.name), ...ARRIVAL_DIMS])}`);
  return Number(text);
}

/** `a, b or c`. */
function orList(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

// ---- output --------------------------------------------------------------------------------------

/** The narrowest --width accepted: a table folds into `label: value` blocks well before it. */
const MIN_WIDTH = 20;

/** `--width N` wherever the output goes; else the terminal's columns when writing to one; else no limit. */
export function parseWidth(flag: string | undefined, terminalColumns: number | undefined): number | undefined {
  if (flag !== undefined) {
    if (!/^\d+$/.test(flag.trim()) || Number(flag) < MIN_WIDTH) {
      throw new UsageError(`--width must be a whole number of columns, at least ${MIN_WIDTH}, not ${quote(flag)}`);
    }
    return Number(flag);
  }
  return terminalColumns && terminalColumns > 0 ? terminalColumns : undefined;
}

// ---- spending ------------------------------------------------------------------------------------

/** Rate flags as commander hands them over (strings), or numbers from code. */
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

/**
 * The rate rules the user gave, highest priority first within each segment (the model puts the
 * defaults under them): per segment, the flag, for every date; then the config `rates` entries that
 * set it, the LAST listed first, so that a later entry wins for the dates both cover.
 */
export function rateRules(periods: readonly RatePeriod[] = [], flags: RateFlags = {}): RateRule[] {
  const rules: RateRule[] = [];
  for (const segment of RATE_SEGMENTS) {
    const flag = flags[segment];
    if (flag !== undefined)
      rules.push({ segment, from: null, to: null, rate: parseRateSpec(flag, FLAG_NAMES[segment]), source: FLAG_NAMES[segment] });
    for (let i = periods.length - 1; i >= 0; i--) {
      const spec = periods[i][segment];
      if (spec === undefined) continue;
      const source = `config rates[${i}].${segment}`;
      const country = marketOf(periods[i], i, segment);
      rules.push({ ...spanOf(periods[i], `config rates[${i}]`), segment, rate: parseRateSpec(spec, source), source, ...country });
    }
  }
  return rules;
}

/** A rates entry's `country`: a known country's, for its foreign rate only. */
function marketOf(period: RatePeriod, i: number, segment: RateSegment): { country?: string } {
  if (period.country === undefined) return {};
  if (segment !== 'foreign') {
    throw new UsageError(`config: "rates[${i}]" names a country: it sets that market's foreign rate, not "${segment}"`);
  }
  const { countryOf } = require('../model/countries') as typeof import('../model/countries');
  const country = countryOf(period.country);
  if (country === null) throw new UsageError(`config: "rates[${i}].country": ${quote(period.country)} is no country's name`);
  return { country: country.code };
}

/** `year`, or `from`/`to` (either may be open), or neither: every date. */
function spanOf(period: RatePeriod, where: string): Pick<RateRule, 'from' | 'to'> {
  if (period.year !== undefined) {
    if (period.from !== undefined || period.to !== undefined) {
      throw new UsageError(`config: "${where}" gives both "year" and "from"/"to"; give one or the other`);
    }
    return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
  }
  const fromKey = period.from === undefined ? -Infinity : isoDateKey(period.from, `${where}.from`);
  const toKey = period.to === undefined ? Infinity : isoDateKey(period.to, `${where}.to`);
  if (fromKey > toKey) throw new UsageError(`config: "${where}" has "from" after "to"`);
  return { from: period.from ?? null, to: period.to ?? null };
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

/** `--header-row N`: the header's line (CSV) or row (sheet), 1 or more. */
export function parseHeaderRow(flag: string): number {
  if (!/^\d+$/.test(flag.trim()) || Number(flag) < 1) {
    throw new UsageError(`--header-row must be the header's line or row number, 1 or more (got ${quote(flag)})`);
  }
  return Number(flag);
}

/** `--nights` wins over config `nights`; either must be a whole number of nights, 1 or more. */
export function parseNights(flag: string | undefined, config: Config): number | undefined {
  if (flag !== undefined) {
    if (!/^\d+$/.test(flag.trim()) || Number(flag) < 1) {
      throw new UsageError(`--nights must be a whole number of nights, 1 or more (got ${quote(flag)})`);
    }
    return Number(flag);
  }
  if (config.nights !== undefined && config.nights < 1) {
    throw new UsageError(`config: "nights" must be a whole number of nights, 1 or more (got ${config.nights})`);
  }
  return config.nights;
}

/** Spending valued at the config's rates, basis and nights, as `visitstat spending` values it without flags. */
export function configValuation(config: Config): ValuationPlan {
  return { rates: rateRules(config.rates), basis: config.basis ?? 'visit', nights: parseNights(undefined, config) };
}

/** The basis of spending: the flag's, the config's, else per visit. */
export function basisOf(flag: Basis | undefined, config: Config): Basis {
  return flag ?? config.basis ?? 'visit';
}

// ---- targets -------------------------------------------------------------------------------------

export function parseTarget(text: string): number {
  const value = parseCount(text);
  if (typeof value === 'string') throw new UsageError(`--target: ${value}; write a whole number such as 50000 or 50.000`);
  if (value === 0) throw new UsageError('--target must be above 0');
  return value;
}

/** A config target's value: a number above 0. */
export function checkedTargetValue(value: number, where: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`config: "${where}" must be a number above 0 (got ${value})`);
  return value;
}

export function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text.trim())) throw new UsageError(`--year: ${quote(text)} is not a year such as 2018`);
  return Number(text);
}

/** `--tolerance` (`5`, `2.5%`), else the config's, else 5: a percent from 0 up to 100. */
export function parseTolerance(flag: string | undefined, config: Config): number {
  let percent = config.tolerance ?? 5;
  if (flag !== undefined) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(flag);
    if (!match) throw new UsageError(`--tolerance: ${quote(flag)} is not a percent such as 5 or 2.5`);
    percent = Number(match[1]);
  }
  if (!Number.isFinite(percent) || percent < 0 || percent >= 100) {
    throw new UsageError(`tolerance must be a percent from 0 up to (not including) 100 (got ${percent})`);
  }
  return percent;
}

/**
 * Rating bands (the config's, else the defaults), highest `min` first. Every percent from 0 up must
 * fall in some band, and two bands with one `min` would make the grade ambiguous.
 */
export function parseBands(bands: readonly BandSpec[]): BandSpec[] {
  const seen = new Set<number>();
  for (const band of bands) {
    if (!Number.isFinite(band.min)) throw new UsageError(`bands: min ${band.min} is not a number`);
    if (seen.has(band.min)) throw new UsageError(`bands: two bands start at ${band.min}%`);
    if (!band.id.trim() || !band.en.trim()) {
      throw new UsageError(`bands: the band at ${band.min}% needs an id and an en label`);
    }
    seen.add(band.min);
  }
  if (!bands.some((b) => b.min <= 0)) throw new UsageError('bands: no band covers 0% (give one band with min 0)');
  return [...bands].sort((a, b) => b.min - a.min);
}
