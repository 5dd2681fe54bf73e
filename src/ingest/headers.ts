/**
 * Header aliases (English and Indonesian, declared with each field in src/model/fields.ts) and kind
 * detection. Headers are compared after normalising: lower case, letters and digits only, so
 * `Jumlah Peserta`, `jumlah_peserta` and `JUMLAH-PESERTA` are one header.
 */
import { InputError, UsageError } from '../errors';
import { quote, quoteList } from '../messages';
import { FIELDS, type FieldName, type Kind } from '../model/fields';
import { type Segment, fieldsOf } from '../model/records';

export type Field = FieldName;
const ALL_FIELDS: readonly string[] = FIELDS.map((field) => field.name);

type AliasTable = Record<string, string[]>;

function aliasesOf(kind: Kind): AliasTable {
  return Object.fromEntries(fieldsOf(kind).map((field) => [field.name, field.aliases.map(normalizeHeader)]));
}

const DELEGATION_ALIASES = aliasesOf('delegations');
const ARRIVAL_ALIASES = aliasesOf('arrivals');

/** Delegation columns no arrivals column shares an alias with: a header with one is a delegation log. */
const DELEGATION_ONLY = Object.entries(DELEGATION_ALIASES)
  .filter(([, names]) => !Object.values(ARRIVAL_ALIASES).some((other) => names.some((name) => other.includes(name))))
  .map(([field]) => field as Field);
/** The columns a delegation log needs, and its date column. */
const DELEGATION_REQUIRED = fieldsOf('delegations')
  .filter((field) => field.required)
  .map((field) => field.name as Field);
const DELEGATION_DATE = fieldsOf('delegations').find((field) => field.kind === 'date')!.name as Field;

/** Segment words of long-form arrivals, either language. */
const SEGMENT_WORDS: Record<string, 'domestic' | 'foreign'> = {
  nusantara: 'domestic',
  wisnus: 'domestic',
  domestik: 'domestic',
  domestic: 'domestic',
  wisatawannusantara: 'domestic',
  mancanegara: 'foreign',
  wisman: 'foreign',
  asing: 'foreign',
  foreign: 'foreign',
  wisatawanmancanegara: 'foreign',
};

export function normalizeHeader(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function segmentOf(text: string): 'domestic' | 'foreign' | null {
  return SEGMENT_WORDS[normalizeHeader(text)] ?? null;
}

/** `--map people="Jumlah Tamu",date=Tgl` parsed: canonical field -> normalised header. */
export type ColumnMap = Partial<Record<Field, string>>;

export function parseMapOption(spec: string | undefined, fromConfig: Record<string, string> = {}): ColumnMap {
  const map: ColumnMap = {};
  const set = (field: string, header: string, where: string) => {
    if (!(ALL_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`${where}: unknown column ${quote(field)} (known: ${ALL_FIELDS.join(', ')})`);
    }
    if (!header) throw new UsageError(`${where}: no header given for ${quote(field)}`);
    map[field as Field] = normalizeHeader(header);
  };
  for (const [field, header] of Object.entries(fromConfig)) set(field, header, 'config map');
  for (const part of splitMapSpec(spec ?? '')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new UsageError(`--map: expected canonical=Header, got ${quote(part)}`);
    set(part.slice(0, eq).trim(), unquote(part.slice(eq + 1).trim()), '--map');
  }
  return map;
}

/** Splits on commas outside double quotes. */
function splitMapSpec(spec: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of spec) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

const unquote = (s: string) => (s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s);

/** Field -> column index for one file, with the header text as written (for messages). */
export interface Columns {
  index: Partial<Record<Field, number>>;
  headers: string[];
}

function resolve(headers: string[], aliases: AliasTable, map: ColumnMap, source: string): Columns {
  const normalized = headers.map(normalizeHeader);
  const index: Partial<Record<Field, number>> = {};
  for (const [field, names] of Object.entries(aliases) as [Field, string[]][]) {
    const mapped = map[field];
    const wanted = mapped !== undefined ? [mapped] : names;
    const found = normalized.flatMap((h, i) => (wanted.includes(h) ? [i] : []));
    if (found.length > 1 && mapped === undefined) {
      const list = found.map((i) => quote(headers[i])).join(' and ');
      throw new InputError(`${source}: columns ${list} both look like ${field}; choose one with --map ${field}=HEADER`);
    }
    if (found.length > 0) index[field] = found[0];
  }
  return { index, headers };
}

export interface Layout {
  kind: Kind;
  columns: Columns;
  /**
   * Arrivals only: wide (domestic/foreign columns), long (segment + count), or bps (months down,
   * years across: a month column, then a column per year).
   */
  arrivalForm?: 'wide' | 'long' | 'bps';
  /** bps: the year columns, by their index in the record. */
  years?: { column: number; year: number }[];
  /**
   * bps: the segment the whole table counts (from its title, or --segment); long form with a country
   * column and no segment column: foreign, by definition (a country of residence is a foreign market).
   */
  segment?: Segment;
  segmentFrom?: 'country';
}

/** Headers a BPS table's month column goes by. */
const MONTH_HEADERS = new Set(['bulan', 'month', 'months', 'periode', 'period']);

/** A BPS table's header: a month column, and columns headed by years (`2016`, `2017*`). */
function bpsLayout(headers: string[], columns: Columns): Layout | null {
  const normalized = headers.map(normalizeHeader);
  const month = normalized.findIndex((h) => MONTH_HEADERS.has(h));
  if (month < 0) return null;
  const years = headers.flatMap((h, column) => {
    const year = /^(\d{4})\s*\**$/.exec(h.trim())?.[1];
    return column !== month && year && Number(year) >= 1900 && Number(year) <= 2199 ? [{ column, year: Number(year) }] : [];
  });
  if (years.length === 0) return null;
  return { kind: 'arrivals', columns: { index: { period: month }, headers: columns.headers }, arrivalForm: 'bps', years };
}

/**
 * The segment a title or heading names (`Wisatawan Nusantara`, `Wisnus`, `domestik` / `Wisatawan
 * Mancanegara`, `Wisman`): null when it names neither, or both.
 */
export function segmentNamed(text: string): Segment | null {
  const words = new Set(text.toLowerCase().split(/[^\p{L}]+/u));
  const domestic = ['nusantara', 'wisnus', 'domestik', 'domestic'].some((w) => words.has(w));
  const foreign = ['mancanegara', 'wisman', 'asing', 'foreign'].some((w) => words.has(w));
  return domestic === foreign ? null : domestic ? 'domestic' : 'foreign';
}

/**
 * Decides the kind of a file from its header (and, when the header fits both kinds, from the first
 * data row: `Periode,Jenis,Jumlah` is long-form arrivals when `Jenis` holds segment words).
 */
export function detectLayout(
  headers: string[],
  firstRow: ((index: number) => string) | null,
  map: ColumnMap,
  forced: Kind | undefined,
  source: string,
): Layout {
  const del = resolve(headers, DELEGATION_ALIASES, map, source);
  let arr: Columns;
  try {
    arr = resolve(headers, ARRIVAL_ALIASES, map, source);
  } catch (e) {
    // Two period-like columns (`Tanggal` and `Tahun`) are no question for a complete delegation log.
    if (forced === 'arrivals' || !DELEGATION_REQUIRED.every((f) => del.index[f] !== undefined)) throw e;
    return { kind: 'delegations', columns: del };
  }
  const has = (c: Columns, f: Field) => c.index[f] !== undefined;
  const wide = has(arr, 'period') && (has(arr, 'domestic') || has(arr, 'foreign'));
  const long = has(arr, 'period') && has(arr, 'segment') && has(arr, 'count');
  // `Periode, Negara Asal, Jumlah`: arrivals by country of residence, foreign by definition.
  const byCountry = !wide && !long && has(arr, 'period') && has(arr, 'country') && has(arr, 'count');
  const delegation = DELEGATION_REQUIRED.every((f) => has(del, f));
  const delegationOnly = DELEGATION_ONLY.some((f) => has(del, f));

  const arrivals = (): Layout => {
    if (wide) return { kind: 'arrivals', columns: arr, arrivalForm: 'wide' };
    if (long) return { kind: 'arrivals', columns: arr, arrivalForm: 'long' };
    if (byCountry) return { kind: 'arrivals', columns: arr, arrivalForm: 'long', segment: 'foreign', segmentFrom: 'country' };
    throw new InputError(
      `${source}: no arrivals columns found in ${quoteList(headers)}; ` +
        'need a period column and domestic/foreign columns, or segment and count columns, or country and count columns (see --map)',
    );
  };
  const delegations = (): Layout => {
    if (delegation) return { kind: 'delegations', columns: del };
    const missing = DELEGATION_REQUIRED.filter((f) => !has(del, f));
    throw new InputError(`${source}: no ${missing.join(' or ')} column found in ${quoteList(headers)} (see --map)`);
  };

  // Months down and years across: no count column names a segment, the years head the columns.
  const bps = !wide && !long && !byCountry && forced !== 'delegations' ? bpsLayout(headers, arr) : null;
  if (bps) return bps;
  if (forced === 'arrivals') return arrivals();
  if (forced === 'delegations') return delegations();
  if (wide && !delegationOnly) return arrivals();
  if (long && !delegationOnly) {
    if (!delegation) return arrivals();
    const value = firstRow ? firstRow(arr.index.segment!) : '';
    return segmentOf(value) ? arrivals() : delegations();
  }
  // `Tanggal, Negara, Jumlah` fits a delegation log too: arrivals when the first row names a country.
  if (byCountry && !delegationOnly) {
    if (!delegation) return arrivals();
    const value = firstRow ? firstRow(arr.index.country!) : '';
    const { countryOf } = require('../model/countries') as typeof import('../model/countries');
    return countryOf(value) ? arrivals() : delegations();
  }
  // Part of one kind's columns found: name what is missing rather than "cannot tell".
  if (delegation || has(del, DELEGATION_DATE) || delegationOnly) return delegations();
  if (has(arr, 'period') && (has(arr, 'segment') || has(arr, 'count') || has(arr, 'country'))) return arrivals();
  throw new InputError(
    `${source}: cannot tell whether this is a delegation log or arrivals from its header ${quoteList(headers)}; ` +
      'use --kind delegations|arrivals or --map',
  );
}
