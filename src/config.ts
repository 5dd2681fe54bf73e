/**
 * The `--config FILE` JSON: loaded once, checked strictly (an unknown key or a wrong type is a usage
 * error naming it), and merged under the command-line flags by each command.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from './errors';
import type { BandSpec } from './model/bands';
import { METRICS, type Metric } from './model/progress';

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
}

export interface TargetSpec {
  metric: Metric;
  year: number;
  value: number;
}

export interface Config {
  locale?: 'id' | 'en';
  map?: Record<string, string>;
  dateFormat?: 'dmy' | 'mdy';
  rates?: RatePeriod[];
  basis?: 'visit' | 'night';
  nights?: number;
  targets?: TargetSpec[];
  bands?: BandSpec[];
  /** Percent of expected-to-date within which progress is on-track. */
  tolerance?: number;
}

type Check = (value: unknown, path: string) => void;

const fail = (path: string, want: string): never => {
  throw new UsageError(`config: "${path}" must be ${want}`);
};
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Check = (v, p) => void (typeof v === 'string' || fail(p, 'a string'));
const num: Check = (v, p) => void ((typeof v === 'number' && Number.isFinite(v)) || fail(p, 'a number'));
const nonNegInt: Check = (v, p) =>
  void ((typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) || fail(p, 'a whole number >= 0'));
const oneOf = (...allowed: string[]): Check => (v, p) =>
  void (allowed.includes(v as string) || fail(p, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`));
const rate: Check = (v, p) =>
  void (typeof v === 'number' || typeof v === 'string' || fail(p, 'a number of rupiah or a "low..high" range'));

function object(shape: Record<string, Check>, required: string[] = []): Check {
  return (v, p) => {
    if (!isObject(v)) return fail(p, 'an object');
    for (const key of Object.keys(v)) {
      const check = shape[key];
      const path = p ? `${p}.${key}` : key;
      if (!check) throw new UsageError(`config: unknown key "${path}" (known: ${Object.keys(shape).join(', ')})`);
      check(v[key], path);
    }
    for (const key of required) if (!(key in v)) throw new UsageError(`config: "${p}.${key}" is required`);
  };
}

const arrayOf = (item: Check): Check => (v, p) => {
  if (!Array.isArray(v)) return fail(p, 'a list');
  v.forEach((x, i) => item(x, `${p}[${i}]`));
};

const recordOf = (item: Check): Check => (v, p) => {
  if (!isObject(v)) return fail(p, 'an object');
  for (const [k, x] of Object.entries(v)) item(x, `${p}.${k}`);
};

const checkConfig = object({
  locale: oneOf('id', 'en'),
  map: recordOf(str),
  dateFormat: oneOf('dmy', 'mdy'),
  rates: arrayOf(object({ year: nonNegInt, from: str, to: str, domestic: rate, foreign: rate, delegation: rate })),
  basis: oneOf('visit', 'night'),
  nights: nonNegInt,
  targets: arrayOf(object({ metric: oneOf(...METRICS), year: nonNegInt, value: num }, ['metric', 'year', 'value'])),
  bands: arrayOf(object({ min: num, id: str, en: str }, ['min', 'id', 'en'])),
  tolerance: num,
});

/** Validates an already-parsed config object. */
function parseConfig(value: unknown): Config {
  checkConfig(value, '');
  return value as Config;
}

export function loadConfig(path: string | undefined): Config {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`config: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`config: ${path} is not valid JSON: ${(e as Error).message}`);
  }
  return parseConfig(value);
}
