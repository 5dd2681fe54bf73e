/**
 * The `--config FILE` JSON: loaded once, checked strictly (an unknown key or a wrong type is a usage
 * error naming it), and merged under the command-line flags by each command.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { UsageError } from './errors';
import type { BandSpec } from './model/bands';
import { quote } from './messages';
import { OVERLAP_POLICIES, type OverlapPolicy } from './model/arrival-key';
import type { PlausibleBounds } from './model/plausible';
import type { Metric } from './model/progress';

/** A per-capita rate: a number of rupiah, or a range `"1000000..2000000"` (low..high). */
export type RateSpec = number | string;

export interface RatePeriod {
  /** The rates apply to this calendar year... */
  year?: number;
  /** ...or to this inclusive ISO date span (`2018-01-01`). */
  from?: string;
  to?: string;
  domestic?: RateSpec;
  foreign?: RateSpec;
  delegation?: RateSpec;
  /** The foreign rate of this entry is the visitors of this country's (a market's own spending per visit). */
  country?: string;
}

export interface TargetSpec {
  metric: Metric;
  year: number;
  value: number;
  /** Measured on this destination's arrivals. */
  destination?: string;
}

export interface Config {
  locale?: 'id' | 'en';
  /** The office that publishes the report: above its title in HTML. */
  office?: string;
  /** The report's title, in place of `Tourism report YEAR` (`--title` wins). */
  title?: string;
  map?: Record<string, string>;
  dateFormat?: 'dmy' | 'mdy';
  rates?: RatePeriod[];
  basis?: 'visit' | 'night';
  nights?: number;
  targets?: TargetSpec[];
  bands?: BandSpec[];
  /** Percent of expected-to-date within which progress is on-track. */
  tolerance?: number;
  /** What an arrival figure given twice for the same period and segment does (default error). */
  onOverlap?: OverlapPolicy;
  /** The bounds of plausible values, for warnings (each key optional; the rest keep their defaults). */
  plausible?: Partial<PlausibleBounds>;
}

type Check = (value: unknown, path: string) => void;

const fail = (path: string, want: string): never => {
  throw new UsageError(`config: ${quote(path)} must be ${want}`);
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Check = (v, p) => void (typeof v === 'string' || fail(p, 'a string'));
const num: Check = (v, p) => void ((typeof v === 'number' && Number.isFinite(v)) || fail(p, 'a number'));
const nonNegInt: Check = (v, p) => void ((typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) || fail(p, 'a whole number >= 0'));
const oneOf =
  (...allowed: string[]): Check =>
  (v, p) =>
    void (allowed.includes(v as string) || fail(p, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`));
const atLeastOne: Check = (v, p) => void ((typeof v === 'number' && Number.isFinite(v) && v >= 1) || fail(p, 'a number >= 1'));
/** The metrics' module (progress and its forecasts) is loaded only when a config file names a target. */
const metric: Check = (v, p) => oneOf(...(require('./model/progress') as typeof import('./model/progress')).METRICS)(v, p);
const rate: Check = (v, p) => void (typeof v === 'number' || typeof v === 'string' || fail(p, 'a number of rupiah or a "low..high" range'));

/**
 * Keys are looked up as the schema's and the file's own properties: `constructor`, `toString` or
 * `__proto__` in a file are unknown keys like any other, never the built-ins of every object.
 */
function object(shape: Record<string, Check>, required: string[] = []): Check {
  return (v, p) => {
    if (!isObject(v)) return fail(p, 'an object');
    for (const key of Object.keys(v)) {
      const path = p ? `${p}.${key}` : key;
      if (!Object.hasOwn(shape, key)) throw new UsageError(`config: unknown key ${quote(path)} (known: ${Object.keys(shape).join(', ')})`);
      shape[key](v[key], path);
    }
    for (const key of required) if (!Object.hasOwn(v, key)) throw new UsageError(`config: ${quote(`${p}.${key}`)} is required`);
  };
}

const arrayOf =
  (item: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return fail(p, 'a list');
    v.forEach((x, i) => item(x, `${p}[${i}]`));
  };

const recordOf =
  (item: Check): Check =>
  (v, p) => {
    if (!isObject(v)) return fail(p, 'an object');
    for (const [k, x] of Object.entries(v)) item(x, `${p}.${k}`);
  };

const checkConfig = object({
  locale: oneOf('id', 'en'),
  office: str,
  title: str,
  map: recordOf(str),
  dateFormat: oneOf('dmy', 'mdy'),
  rates: arrayOf(object({ year: nonNegInt, from: str, to: str, domestic: rate, foreign: rate, delegation: rate, country: str })),
  basis: oneOf('visit', 'night'),
  nights: nonNegInt,
  targets: arrayOf(object({ metric, year: nonNegInt, value: num, destination: str }, ['metric', 'year', 'value'])),
  bands: arrayOf(object({ min: num, id: str, en: str }, ['min', 'id', 'en'])),
  tolerance: num,
  onOverlap: oneOf(...OVERLAP_POLICIES),
  plausible: object({ minPeople: nonNegInt, maxPeople: nonNegInt, maxNights: nonNegInt, monthlyRatio: atLeastOne }),
});

/** Validates an already-parsed config object; `path` names the file in messages. */
function parseConfig(value: unknown, path: string): Config {
  if (!isObject(value)) throw new UsageError(`config: ${path} must hold a JSON object ({ ... }), not ${describeJson(value)}`);
  checkConfig(value, '');
  return value as Config;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/** A config file holds a few settings: anything past this is a mistake, refused before it is parsed. */
const MAX_CONFIG_BYTES = 10 * 1024 * 1024;

export function loadConfig(path: string | undefined): Config {
  if (!path) return {};
  const text = readConfigText(path);
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`config: ${path} is not valid JSON: ${(e as Error).message}`);
  }
  return parseConfig(value, path);
}

const CANNOT_READ: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a folder' };

/** The file's text, read up to MAX_CONFIG_BYTES (a FIFO or /dev/stdin included: no size is asked of it). */
function readConfigText(path: string): string {
  const chunks: Buffer[] = [];
  let total = 0;
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 16);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_CONFIG_BYTES) throw new UsageError(`config: ${path} is larger than 10 MB (a config file holds a few settings)`);
      chunks.push(chunk.subarray(0, n));
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`config: cannot read ${path}: ${CANNOT_READ[code] ?? (e as Error).message}`);
  } finally {
    if (fd !== null) closeSync(fd);
  }
  return Buffer.concat(chunks).toString('utf8');
}
