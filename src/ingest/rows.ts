/**
 * Turning one CSV record into a validated row: each kind's builder reads only the columns it needs
 * and reports every problem of the record (column as written in the header, and why).
 */
import type { CalDate } from '../model/dates';
import { quote } from '../messages';
import type { ArrivalRow, DelegationRow, Segment } from '../model/records';
import type { Field, Layout } from './headers';
import { segmentOf } from './headers';
import type { DelegationBatchBuilder } from './delegation-batch';
import { type CsvRecord, type RecordBatch, dayDate } from './scanner';
import { FieldCache, UNSEEN } from './intern';
import { type DateFormat, countFromBytes, parseDate, parseOptionalCount } from './values';

/** Delegation columns that are text only: they never make a row invalid, so they may go unread. */
export type TextField = 'origin' | 'region' | 'type' | 'purpose';

export interface FieldProblem {
  column: string | null;
  reason: string;
}

/**
 * Reused per file: problems of the record being built (empty when it is valid), and per column the
 * values already seen, looked up by their bytes so that a repeated value is decoded and parsed once.
 */
export class RowContext {
  readonly problems: FieldProblem[] = [];
  private readonly texts: FieldCache<string | null>[] = [];
  private readonly dates: FieldCache<CalDate | string | null>[] = [];
  private readonly lists: FieldCache<readonly string[]>[] = [];

  /** The layout's columns, less the text fields the command does not read. */
  private readonly index: Partial<Record<Field, number>>;
  /** Delegation layouts: their columns resolved once, for the per-row path. */
  readonly delegation: DelegationColumns | null;

  /** `fields`: the text fields to read (every one when absent); the others come out null or empty. */
  constructor(
    readonly layout: Layout,
    readonly dateFormat: DateFormat,
    fields?: ReadonlySet<TextField>,
  ) {
    this.index = fields ? withoutUnread(layout.columns.index, fields) : layout.columns.index;
    this.delegation = layout.kind === 'delegations' ? this.delegationColumns() : null;
  }

  private delegationColumns(): DelegationColumns {
    const at = (field: Field) => this.index[field] ?? -1;
    const cache = <T>(field: Field, compute: (raw: string) => T) => (at(field) < 0 ? null : new FieldCache(compute));
    const format = this.dateFormat;
    return {
      date: at('date'),
      people: at('people'),
      nights: at('nights'),
      origin: at('origin'),
      region: at('region'),
      type: at('type'),
      purpose: at('purpose'),
      dates: new FieldCache(
        (raw) => dateOrReason(raw, format),
        (rec, i) => rec.dateNumber(i),
      ),
      origins: cache('origin', trimmedText),
      regions: cache('region', trimmedText),
      types: cache('type', trimmedText),
      purposes: cache('purpose', splitList),
    };
  }

  begin(): void {
    // Setting an array's length is a runtime call even when it is already 0: once a row, it shows.
    if (this.problems.length !== 0) this.problems.length = 0;
  }

  problem(field: Field | null, reason: string): void {
    this.problems.push({ column: field === null ? null : this.header(field), reason });
  }

  /** The field trimmed, or null when it is empty or the column is absent. */
  text(rec: CsvRecord, field: Field): string | null {
    const i = this.index[field];
    if (i === undefined) return null;
    return (this.texts[i] ??= new FieldCache(trimmedText)).get(rec, i);
  }

  /** The field as a date, the reason it is not one, or null when it is empty or the column is absent. */
  date(rec: CsvRecord, field: Field): CalDate | string | null {
    const i = this.layout.columns.index[field];
    if (i === undefined) return null;
    const format = this.dateFormat;
    return (this.dates[i] ??= new FieldCache((raw) => dateOrReason(raw, format))).get(rec, i);
  }

  /** The field as a count, the reason it is not one, or null when it is empty or the column is absent. */
  count(rec: CsvRecord, field: Field): number | string | null {
    return countAt(rec, this.layout.columns.index[field] ?? -1);
  }

  /** The field split on `;` or `|`, trimmed, empty values dropped: shared between rows, so frozen. */
  list(rec: CsvRecord, field: Field): readonly string[] {
    const i = this.index[field];
    if (i === undefined) return NO_VALUES;
    return (this.lists[i] ??= new FieldCache(splitList)).get(rec, i);
  }

  private header(field: Field): string {
    const i = this.layout.columns.index[field];
    return i === undefined ? field : this.layout.columns.headers[i];
  }
}

/** Column positions of a delegation layout (-1: absent, or a text column left unread) and their caches. */
interface DelegationColumns {
  readonly date: number;
  readonly people: number;
  readonly nights: number;
  readonly origin: number;
  readonly region: number;
  readonly type: number;
  readonly purpose: number;
  readonly dates: FieldCache<CalDate | string | null>;
  readonly origins: FieldCache<string | null> | null;
  readonly regions: FieldCache<string | null> | null;
  readonly types: FieldCache<string | null> | null;
  readonly purposes: FieldCache<readonly string[]> | null;
}

function countAt(rec: CsvRecord, i: number): number | string | null {
  if (i < 0 || i >= rec.fieldCount) return null;
  const parsed = rec.parsedCount(i);
  if (parsed >= 0) return parsed;
  const start = rec.fieldStart(i);
  const end = rec.fieldEnd(i);
  if (start === end) return null; // empty: no figure (as parseOptionalCount says), without decoding it
  const n = countFromBytes(rec.bytes, start, end);
  return n >= 0 ? n : parseOptionalCount(rec.field(i));
}

const TEXT_FIELDS: readonly TextField[] = ['origin', 'region', 'type', 'purpose'];

function withoutUnread(index: Partial<Record<Field, number>>, fields: ReadonlySet<TextField>): Partial<Record<Field, number>> {
  const kept: Partial<Record<Field, number>> = {};
  for (const [field, i] of Object.entries(index) as [Field, number][]) {
    if (!(TEXT_FIELDS as readonly string[]).includes(field) || fields.has(field as TextField)) kept[field] = i;
  }
  return kept;
}

function trimmedText(raw: string): string | null {
  const value = raw.trim();
  return value === '' ? null : value;
}

/** Frozen: one parsed date is shared by every row that wrote it the same way. */
function dateOrReason(raw: string, format: DateFormat): CalDate | string | null {
  const text = raw.trim();
  if (text === '') return null;
  const date = parseDate(text, format);
  return typeof date === 'string' ? date : Object.freeze(date);
}

const NO_VALUES: readonly string[] = Object.freeze([]);
const LIST_SEPARATOR = /\s*[;|]\s*/;

function splitList(raw: string): readonly string[] {
  const text = raw.trim();
  return text === '' ? NO_VALUES : Object.freeze(text.split(LIST_SEPARATOR).filter((p) => p !== ''));
}

/** A record whose field count differs from the header's (trailing empty fields are tolerated). */
export function checkWidth(rec: CsvRecord, width: number, ctx: RowContext): boolean {
  if (rec.fieldCount === width) return true;
  if (rec.fieldCount > width) {
    let extraEmpty = true;
    for (let i = width; i < rec.fieldCount && extraEmpty; i++) extraEmpty = rec.field(i).trim() === '';
    if (extraEmpty) return true;
  }
  ctx.problem(null, `expected ${width} fields as in the header, found ${rec.fieldCount}`);
  return false;
}

function requiredDate(rec: CsvRecord, field: Field, ctx: RowContext): CalDate | null {
  const date = ctx.date(rec, field);
  if (date === null) return ctx.problem(field, 'empty (a date is required)'), null;
  if (typeof date === 'string') return ctx.problem(field, date), null;
  return date;
}

function requiredCount(rec: CsvRecord, field: Field, ctx: RowContext): number | null {
  const n = ctx.count(rec, field);
  if (n === null) return ctx.problem(field, 'empty (a count is required)'), null;
  if (typeof n === 'string') return ctx.problem(field, n), null;
  return n;
}

function optionalCount(rec: CsvRecord, field: Field, ctx: RowContext): number | null {
  const n = ctx.count(rec, field);
  if (typeof n === 'string') return ctx.problem(field, n), null;
  return n;
}

/**
 * Dates and purpose lists are shared between rows that wrote them alike: the model only reads them.
 * A valid row takes the straight path on resolved columns; a row with a problem goes through the
 * checks that name each problem.
 */
export function buildDelegation(rec: CsvRecord, ctx: RowContext): DelegationRow | null {
  const cols = ctx.delegation!;
  const date = cols.dates.get(rec, cols.date);
  const people = countAt(rec, cols.people);
  const nights = countAt(rec, cols.nights);
  if (date === null || typeof date === 'string' || typeof people !== 'number' || typeof nights === 'string') {
    return reportDelegation(rec, ctx);
  }
  return {
    date,
    people,
    origin: cols.origins === null ? null : cols.origins.get(rec, cols.origin),
    region: cols.regions === null ? null : cols.regions.get(rec, cols.region),
    type: cols.types === null ? null : cols.types.get(rec, cols.type),
    nights,
    purposes: cols.purposes === null ? NO_VALUES : cols.purposes.get(rec, cols.purpose),
  };
}

/**
 * The straight path over a batch of records: a record of the header's width whose date, counts and
 * text fields are all in columns the scanner codes, with values met before and valid, goes into `out`
 * (or, outside --from/--to, to `outOfRange`) without being decoded; any other record goes to `other`,
 * the record-by-record path (buildDelegation), in its turn. Returns how many records it took.
 */
export function takeDelegations(
  batch: RecordBatch,
  ctx: RowContext,
  width: number,
  out: DelegationBatchBuilder,
  outOfRange: ((date: CalDate) => boolean) | null,
  other: (r: number) => void,
): number {
  const cols = ctx.delegation!;
  if (!codedColumns(batch, cols)) {
    for (let r = 0; r < batch.size; r++) other(r);
    return 0;
  }
  const { dates, origins, regions, types, purposes } = cols;
  let taken = 0;
  for (let r = 0; r < batch.size; r++) {
    if (batch.fieldCount(r) !== width) {
      other(r);
      continue;
    }
    const dateCode = batch.code(r, cols.date);
    const people = batch.code(r, cols.people);
    const nights = cols.nights < 0 ? -1 : batch.code(r, cols.nights);
    let date = dateCode < 0 ? UNSEEN : dates.cached(dateCode);
    if (date === UNSEEN && dateCode >= 0) date = dateOfDay(batch, cols, dateCode);
    if (typeof date !== 'object' || date === null || people < 0 || (nights < 0 && cols.nights >= 0 && !batch.fieldEmpty(r, cols.nights))) {
      other(r);
      continue;
    }
    const originCode = origins === null ? -1 : batch.code(r, cols.origin);
    const regionCode = regions === null ? -1 : batch.code(r, cols.region);
    const typeCode = types === null ? -1 : batch.code(r, cols.type);
    const purposeCode = purposes === null ? -1 : batch.code(r, cols.purpose);
    const origin = origins === null ? null : originCode < 0 ? UNSEEN : origins.cached(originCode);
    const region = regions === null ? null : regionCode < 0 ? UNSEEN : regions.cached(regionCode);
    const type = types === null ? null : typeCode < 0 ? UNSEEN : types.cached(typeCode);
    const purposeList = purposes === null ? NO_VALUES : purposeCode < 0 ? UNSEEN : purposes.cached(purposeCode);
    if (origin === UNSEEN || region === UNSEEN || type === UNSEEN || purposeList === UNSEEN) {
      other(r);
      continue;
    }
    taken++;
    if (outOfRange !== null && outOfRange(date)) continue;
    out.add(date, dateCode, people, nights, origin, originCode, region, regionCode, type, typeCode, purposeList);
  }
  return taken;
}

/** The date a new date number stands for when the scanner read it as a plain date (cached), else UNSEEN. */
function dateOfDay(batch: RecordBatch, cols: DelegationColumns, dateCode: number): CalDate | typeof UNSEEN {
  const day = batch.dayOf(cols.date, dateCode);
  return day < 0 ? UNSEEN : (cols.dates.set(dateCode, dayDate(day)) as CalDate);
}

/** Whether the scanner codes every column the straight path reads (it is asked to, for later batches, if not). */
function codedColumns(batch: RecordBatch, cols: DelegationColumns): boolean {
  if (cols.date < 0 || cols.people < 0) return false;
  // Every check is made, so that all the columns are asked for at once.
  let coded = true;
  if (!batch.dated(cols.date)) coded = false;
  if (!batch.counted(cols.people)) coded = false;
  if (cols.nights >= 0 && !batch.counted(cols.nights)) coded = false;
  if (cols.origins !== null && !batch.numbered(cols.origin)) coded = false;
  if (cols.regions !== null && !batch.numbered(cols.region)) coded = false;
  if (cols.types !== null && !batch.numbered(cols.type)) coded = false;
  if (cols.purposes !== null && !batch.numbered(cols.purpose)) coded = false;
  return coded;
}

/** The problems of a delegation row that is not valid (null), through the checks that name them. */
function reportDelegation(rec: CsvRecord, ctx: RowContext): null {
  requiredDate(rec, 'date', ctx);
  requiredCount(rec, 'people', ctx);
  optionalCount(rec, 'nights', ctx);
  return null;
}

/** Wide rows give one ArrivalRow per filled segment column; long rows give one. */
export function buildArrivals(rec: CsvRecord, ctx: RowContext, out: ArrivalRow[]): void {
  if (out.length !== 0) out.length = 0;
  const period = requiredDate(rec, 'period', ctx);
  if (ctx.layout.arrivalForm === 'long') {
    const segmentText = ctx.text(rec, 'segment');
    let segment: Segment | null = null;
    if (segmentText === null) ctx.problem('segment', 'empty (domestic or foreign is required)');
    else if ((segment = segmentOf(segmentText)) === null) {
      ctx.problem(
        'segment',
        `unknown segment ${quote(segmentText)} (domestic: nusantara, wisnus, domestik, domestic; ` +
          'foreign: mancanegara, wisman, asing, foreign)',
      );
    }
    const count = requiredCount(rec, 'count', ctx);
    if (ctx.problems.length === 0) out.push({ period: period!, segment: segment!, count: count! });
    return;
  }
  const domestic = optionalCount(rec, 'domestic', ctx);
  const foreign = optionalCount(rec, 'foreign', ctx);
  if (ctx.problems.length > 0) return;
  if (domestic === null && foreign === null) {
    ctx.problem(null, 'no domestic or foreign figure on this row');
    return;
  }
  if (domestic !== null) out.push({ period: period!, segment: 'domestic', count: domestic });
  if (foreign !== null) out.push({ period: period!, segment: 'foreign', count: foreign });
}
