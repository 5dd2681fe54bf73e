/**
 * Turning one CSV record into a validated row: each kind's builder reads only the columns it needs
 * and reports every problem of the record (column as written in the header, and why). Delegation
 * columns are read as the fields of src/model/fields.ts declare them: dates, counts (required or
 * not), text and lists.
 */
import { InputError } from '../errors';
import type { CalDate, PeriodDate } from '../model/dates';
import { quote } from '../messages';
import { cellCount, isSerial, isYear, serialDate, yearOnly } from './cells';
import type { FieldKind, TextField } from '../model/fields';
import { ARRIVAL_DIMS, breakdownOf } from '../model/arrival-key';
import { HOME_COUNTRY, countryOf } from '../model/countries';
import { grown } from '../model/grown';
import { type ArrivalRow, DELEGATION_FIELDS, type Segment } from '../model/records';
import type { ArrivalBatchBuilder } from './arrival-batch';
import { type DelegationBatchBuilder, NO_VALUES } from './delegation-batch';
import { type Field, type Layout, segmentOf } from './headers';
import { FieldCache, UNSEEN } from './intern';
import { type CsvRecord, type RecordBatch, dayDate } from './scanner';
import { type DateFormat, countFromBytes, monthOfName, parseDate, parseOptionalCount } from './values';
import { type SheetCell, cellText } from './cells';

/**
 * A file's date column holds Excel serials or dates, never both: the first value of either kind is
 * kept, and one of the other kind stops the file naming both. `serials` once the first was a serial.
 */
export class DateColumn {
  private first: { serial: boolean; line: number; text: string } | null = null;
  serials = false;

  /** A first value has been seen: a date after dates needs no note. */
  get started(): boolean {
    return this.first !== null;
  }

  constructor(
    private readonly source: string,
    private readonly unit: 'line' | 'row',
    private readonly header: string,
  ) {}

  note(serial: boolean, line: number, text: string): void {
    if (this.first === null) {
      this.first = { serial, line, text };
      this.serials = serial;
      return;
    }
    if (this.first.serial === serial) return;
    const [s, d] = serial ? [{ line, text }, this.first] : [this.first, { line, text }];
    throw new InputError(
      `${this.source}: ${this.header}: Excel serial dates and dates in one column: ${this.unit} ${s.line} has ${s.text} ` +
        `(a serial), ${this.unit} ${d.line} has ${quote(d.text)} (a date); make the column all dates or all serials`,
    );
  }
}

export type { TextField } from '../model/fields';

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
  private readonly dates: FieldCache<PeriodDate | string | null>[] = [];
  /** The line (CSV) or row (sheet) of the record being built. */
  line = 0;
  /** The file's date column: serials or dates, never both (cells.ts). */
  readonly dateColumn: DateColumn;

  /** Delegation layouts: how each field is read, for both paths. */
  readonly delegation: DelegationPlan | null;
  /** Arrivals: the dimension columns the file has (arrival-key.ts), the same for each of its rows. */
  readonly breakdown: number;
  /** Arrivals: per country as written, whether it is Indonesia (whose residents are domestic visitors). */
  private readonly home = new Map<string, boolean>();
  private readonly homeByCode: boolean[] = [];
  /** Arrivals in long form: the segment by the scanner's code of the segment column (null: no segment word). */
  private readonly segmentByCode: (Segment | null)[] = [];

  /**
   * `fields`: the text fields to read (every one when absent); the others come out null or empty.
   * `source` and `unit` name the file and its rows in a message about its date column.
   */
  constructor(
    readonly layout: Layout,
    readonly dateFormat: DateFormat,
    fields?: ReadonlySet<TextField>,
    source = '',
    unit: 'line' | 'row' = 'line',
  ) {
    const dateField: Field = layout.kind === 'delegations' ? 'date' : 'period';
    this.dateColumn = new DateColumn(source, unit, layout.columns.headers[layout.columns.index[dateField] ?? -1] ?? dateField);
    this.delegation = layout.kind === 'delegations' ? delegationPlan(layout, fields, (raw) => this.textDate(raw, false)) : null;
    this.breakdown = layout.kind === 'arrivals' ? breakdownOf(ARRIVAL_DIMS.filter((dim) => layout.columns.index[dim] !== undefined)) : 0;
  }

  /** isHome by the scanner's code of the country column (the straight path's), looked up in an array. */
  isHomeCode(code: number, country: string): boolean {
    let home = this.homeByCode[code];
    if (home === undefined) this.homeByCode[code] = home = this.isHome(country);
    return home;
  }

  /** segmentOf by the scanner's code of the segment column (the straight path's), looked up in an array. */
  segmentOfCode(code: number, text: string): Segment | null {
    let segment = this.segmentByCode[code];
    if (segment === undefined) this.segmentByCode[code] = segment = segmentOf(text);
    return segment;
  }

  /** Whether a country as written is Indonesia. */
  isHome(country: string): boolean {
    let home = this.home.get(country);
    if (home === undefined) this.home.set(country, (home = countryOf(country)?.code === HOME_COUNTRY));
    return home;
  }

  begin(line = 0): void {
    this.line = line;
    // Setting an array's length is a runtime call even when it is already 0: once a row, it shows.
    if (this.problems.length !== 0) this.problems.length = 0;
  }

  /**
   * A date field's text as a date, the reason it is not one, or null when empty. A whole number is a
   * year (where `year` allows one) or an Excel serial (cells.ts); a column holds serials or dates.
   */
  textDate(raw: string, year: boolean): PeriodDate | string | null {
    const text = raw.trim();
    if (text === '') return null;
    if (/^\d+$/.test(text)) return this.numberDate(Number(text), text, year);
    const date = parseDate(text, this.dateFormat);
    if (typeof date === 'string') return date;
    this.dateColumn.note(false, this.line, text);
    return Object.freeze(date);
  }

  /** A workbook cell as a date: a date cell is one; text and numbers are read as in a CSV. */
  cellDate(cell: SheetCell, year: boolean): PeriodDate | string | null {
    if (cell === null) return null;
    if (typeof cell === 'string') return this.textDate(cell, year);
    if (typeof cell === 'number') return this.numberDate(cell, String(cell), year);
    if (typeof cell === 'boolean') return `not a date: ${cell}`;
    if ('error' in cell) return `cell error ${cell.error}`;
    if (cell.date.month === null && !year) return `a year alone is not a date: ${cell.date.year}`;
    if (this.dateColumn.serials || !this.dateColumn.started) this.dateColumn.note(false, this.line, cellText(cell));
    return cell.date;
  }

  private numberDate(n: number, text: string, year: boolean): PeriodDate | string {
    if (isYear(n)) return year ? yearOnly(n) : `a year alone is not a date: ${quote(text)}`;
    const date = isSerial(n) ? serialDate(n) : null;
    if (date === null) return `not a date: ${quote(text)}`;
    this.dateColumn.note(true, this.line, text);
    return Object.freeze(date);
  }

  problem(field: Field | null, reason: string): void {
    this.problems.push({ column: field === null ? null : this.header(field), reason });
  }

  /** A problem with the column at `index` (a BPS table's year columns are no field). */
  problemAt(index: number, reason: string): void {
    this.problems.push({ column: this.layout.columns.headers[index], reason });
  }

  /** The field trimmed, or null when it is empty or the column is absent. */
  text(rec: CsvRecord, field: Field): string | null {
    const i = this.layout.columns.index[field];
    if (i === undefined) return null;
    return this.textCache(i).get(rec, i);
  }

  /** The values of the text column at `index` by their number (the straight path reads them so too). */
  textCache(index: number): FieldCache<string | null> {
    return (this.texts[index] ??= new FieldCache(trimmedText));
  }

  /** The values of the date column at `index` by their number; `year`: a year alone is a period. */
  dateCache(index: number, year: boolean): FieldCache<PeriodDate | string | null> {
    return (this.dates[index] ??= new FieldCache((raw) => this.textDate(raw, year)));
  }

  /**
   * The field as a date, the reason it is not one, or null when it is empty or the column is absent.
   * An arrivals period may be a year alone (an annual figure).
   */
  date(rec: CsvRecord, field: Field): PeriodDate | string | null {
    const i = this.layout.columns.index[field];
    if (i === undefined) return null;
    const year = field === 'period';
    if (rec.cell) return this.cellDate(rec.cell(i), year);
    return this.dateCache(i, year).get(rec, i);
  }

  /** The field as a count, the reason it is not one, or null when it is empty or the column is absent. */
  count(rec: CsvRecord, field: Field): number | string | null {
    return countAt(rec, this.layout.columns.index[field] ?? -1);
  }

  private header(field: Field): string {
    const i = this.layout.columns.index[field];
    return i === undefined ? field : this.layout.columns.headers[i];
  }
}

/** A delegation field present in the file (and read): where it is, and where its values go. */
interface PlannedField {
  readonly name: Field;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** Its index in the record. */
  readonly column: number;
  /** Its column in the batch (DelegationBatchBuilder.columns). */
  readonly slot: number;
}

/** Dates, text and lists: with their values by the scanner's number for the field. */
interface CodedField<T> extends PlannedField {
  readonly cache: FieldCache<T>;
}

/**
 * How a delegation record is read: the date, the counts and the text fields (text and lists) that are
 * present; a text field the command does not read counts as absent. Absent fields keep their empty
 * value in the batch.
 */
interface DelegationPlan {
  readonly date: CodedField<CalDate | string | null>;
  readonly counts: readonly PlannedField[];
  readonly texts: readonly CodedField<string | null | readonly string[]>[];
  /** The straight path's checks and writes of the counts and text fields (compileTake). */
  readonly take: TakeRecord;
  /**
   * keptDates[code] is 1 once the straight path has handed the valid date of that date code to `keep`:
   * the file's dates have it, so a row of that code is kept without looking at its date again unless
   * --from/--to must (reading a million rows' date objects cost about 0.1 s).
   */
  keptDates: Uint8Array;
}

function delegationPlan(
  layout: Layout,
  read: ReadonlySet<TextField> | undefined,
  dateOf: (raw: string) => PeriodDate | string | null,
): DelegationPlan {
  const counts: PlannedField[] = [];
  const texts: CodedField<string | null | readonly string[]>[] = [];
  let date: CodedField<CalDate | string | null> | null = null;
  DELEGATION_FIELDS.forEach(({ name, kind, required = false }, slot) => {
    const column = layout.columns.index[name as Field];
    if (column === undefined) return;
    const field = { name: name as Field, kind, required, column, slot };
    if (kind === 'date') {
      date = {
        ...field,
        // A delegation's date is never a year alone (textDate is asked for none).
        cache: new FieldCache(dateOf as (raw: string) => CalDate | string | null, (rec, i) => rec.dateNumber(i)),
      };
    } else if (kind === 'count') {
      counts.push(field);
    } else if (!read || read.has(name as TextField)) {
      texts.push({ ...field, cache: new FieldCache<string | null | readonly string[]>(kind === 'list' ? splitList : trimmedText) });
    }
  });
  // A delegation layout has its required columns, the date among them (src/ingest/headers.ts).
  return { date: date!, counts, texts, take: compileTake(counts, texts), keptDates: new Uint8Array(64) };
}

/**
 * One record on the straight path, after its date: checks each count and text field of the plan by
 * its code (record r's codes start at `at` in `codes`) and writes its value into row i's columns;
 * false when the record must take the record-by-record path instead. A text value met for the first
 * time, or one the scanner does not number (past its 65,536 values of a column), is decoded here
 * (text never makes a row invalid): a file of a million distinct origins keeps its rows on this path.
 */
type TakeRecord = (
  codes: Int32Array,
  at: number,
  batch: RecordBatch,
  r: number,
  i: number,
  counts: Float64Array[],
  texts: unknown[][],
  textCodes: Int32Array[],
) => boolean;

/**
 * A TakeRecord compiled for one file's plan, as rowOf is compiled from the table: one line per column,
 * its position a constant, so that it runs as fast as code written for those columns (a loop over
 * the plan's columns cost about 10 ms per million rows, 4% of a summary). Only numbers go into it.
 */
function compileTake(counts: readonly PlannedField[], texts: readonly CodedField<unknown>[]): TakeRecord {
  const lines = counts.map(({ column, required }, k) => {
    const missing = required ? 'n < 0' : `n < 0 && !batch.fieldEmpty(r, ${column})`;
    return `n = codes[at + ${column}]; if (${missing}) return false; counts[${k}][i] = n;`;
  });
  texts.forEach(({ column }, k) => {
    lines.push(
      `c = codes[at + ${column}]; v = c < 0 ? UNSEEN : caches[${k}].cached(c); if (v === UNSEEN) v = caches[${k}].decode(c, batch.field(r, ${column})); texts[${k}][i] = v; textCodes[${k}][i] = c;`,
    );
  });
  const body = `return (codes, at, batch, r, i, counts, texts, textCodes) => { let n, c, v; ${lines.join(' ')} return true; };`;
  return new Function('UNSEEN', 'caches', body)(
    UNSEEN,
    texts.map((text) => text.cache),
  ) as TakeRecord;
}

function countAt(rec: CsvRecord, i: number): number | string | null {
  if (i < 0 || i >= rec.fieldCount) return null;
  if (rec.cell) return cellCount(rec.cell(i), parseOptionalCount);
  const parsed = rec.parsedCount(i);
  if (parsed >= 0) return parsed;
  const start = rec.fieldStart(i);
  const end = rec.fieldEnd(i);
  if (start === end) return null; // empty: no figure (as parseOptionalCount says), without decoding it
  const n = countFromBytes(rec.bytes, start, end);
  return n >= 0 ? n : parseOptionalCount(rec.field(i));
}

function trimmedText(raw: string): string | null {
  const value = raw.trim();
  return value === '' ? null : value;
}

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

function requiredDate(rec: CsvRecord, field: Field, ctx: RowContext): PeriodDate | null {
  const date = ctx.date(rec, field);
  if (typeof date === 'object' && date !== null) return date;
  ctx.problem(field, date ?? 'empty (a date is required)');
  return null;
}

function requiredCount(rec: CsvRecord, field: Field, ctx: RowContext): number | null {
  const n = ctx.count(rec, field);
  if (typeof n === 'number') return n;
  ctx.problem(field, n ?? 'empty (a count is required)');
  return null;
}

function optionalCount(rec: CsvRecord, field: Field, ctx: RowContext): number | null {
  const n = ctx.count(rec, field);
  if (typeof n !== 'string') return n;
  ctx.problem(field, n);
  return null;
}

/**
 * The record-by-record path: writes a valid record's values into the batch's next row and returns its
 * date (the caller commits the row if it keeps it); null, with the record's problems in ctx, when it
 * is not valid. Dates and lists are shared between rows that wrote them alike: the model only reads them.
 */
export function buildDelegation(rec: CsvRecord, ctx: RowContext, out: DelegationBatchBuilder): CalDate | null {
  const { date, counts, texts } = ctx.delegation!;
  const day = rec.cell ? (ctx.cellDate(rec.cell(date.column), false) as CalDate | string | null) : date.cache.get(rec, date.column);
  if (day === null || typeof day === 'string') return reportDelegation(rec, ctx);
  const i = out.next();
  const columns = out.columns;
  for (const count of counts) {
    const n = countAt(rec, count.column);
    if (typeof n === 'string' || (n === null && count.required)) return reportDelegation(rec, ctx);
    (columns[count.slot].values as Float64Array)[i] = n ?? -1;
  }
  for (const text of texts) {
    const column = columns[text.slot];
    column.values[i] = text.cache.get(rec, text.column);
    column.codes![i] = -1;
  }
  const column = columns[date.slot];
  column.values[i] = day;
  column.codes![i] = -1;
  return day;
}

/**
 * The straight path over a batch of records: a record of the header's width whose date, counts and
 * text fields are all in columns the scanner codes, with dates and counts valid, is written into
 * `out` (or, when `keep` says it is outside --from/--to, dropped) without being decoded; any other record
 * goes to `other`, the record-by-record path (buildDelegation), in its turn. Returns how many records it took.
 * `keep` notes a row's date and says whether it is inside --from/--to (`limited`: whether any is given).
 */
export function takeDelegations(
  batch: RecordBatch,
  ctx: RowContext,
  width: number,
  out: DelegationBatchBuilder,
  keep: (date: CalDate) => boolean,
  limited: boolean,
  other: (r: number) => void,
): number {
  const plan = ctx.delegation!;
  if (!codedColumns(batch, plan)) {
    for (let r = 0; r < batch.size; r++) other(r);
    return 0;
  }
  const { date, counts, texts, take } = plan;
  // Room for every record of the batch, so that the columns' arrays stay the same through the loop.
  out.reserve(batch.size);
  const columns = out.columns;
  const dateValues = columns[date.slot].values as CalDate[];
  const dateCodes = columns[date.slot].codes!;
  const countValues = counts.map((count) => columns[count.slot].values as Float64Array);
  const textValues = texts.map((text) => columns[text.slot].values as unknown[]);
  const textCodes = texts.map((text) => columns[text.slot].codes!);
  const codes = batch.codeWords;
  let taken = 0;
  for (let r = 0; r < batch.size; r++) {
    if (batch.fieldCount(r) !== width) {
      other(r);
      continue;
    }
    const at = batch.codesOf(r);
    const dateCode = codes[at + date.column];
    // The date of a code kept before is valid and noted: its object is not looked at again.
    const kept = dateCode >= 0 && dateCode < plan.keptDates.length && plan.keptDates[dateCode] === 1;
    let day = dateCode < 0 ? UNSEEN : date.cache.cached(dateCode);
    // A column of serials takes a new date on the record path, which stops on the mix.
    if (day === UNSEEN && dateCode >= 0 && !ctx.dateColumn.serials) day = dateOfDay(batch, date, dateCode);
    // The values go into the next row as they are read; a record that then goes to `other` is
    // written over there.
    const i = out.length;
    if ((!kept && (typeof day !== 'object' || day === null)) || !take(codes, at, batch, r, i, countValues, textValues, textCodes)) {
      other(r);
      continue;
    }
    taken++;
    if (kept ? limited && !keep(day as CalDate) : !keepFirst(plan, keep, day as CalDate, dateCode)) continue;
    dateValues[i] = day as CalDate;
    dateCodes[i] = dateCode;
    out.commit(r);
  }
  return taken;
}

/** `keep` of the first row of a date code on the straight path (-1: none), which is then marked kept. */
function keepFirst(plan: DelegationPlan, keep: (date: CalDate) => boolean, day: CalDate, code: number): boolean {
  const inRange = keep(day);
  if (code < 0) return inRange;
  if (code >= plan.keptDates.length) plan.keptDates = grown(plan.keptDates, Math.max(code + 1, 2 * plan.keptDates.length));
  plan.keptDates[code] = 1;
  return inRange;
}

/** The date a new date number stands for when the scanner read it as a plain date (cached), else UNSEEN. */
function dateOfDay(batch: RecordBatch, date: DelegationPlan['date'], dateCode: number): CalDate | typeof UNSEEN {
  const day = batch.dayOf(date.column, dateCode);
  return day < 0 ? UNSEEN : (date.cache.set(dateCode, dayDate(day)) as CalDate);
}

/** Whether the scanner codes every column the straight path reads (it is asked to, for later batches, if not). */
function codedColumns(batch: RecordBatch, plan: DelegationPlan): boolean {
  // Every check is made, so that all the columns are asked for at once.
  let coded = batch.dated(plan.date.column);
  for (const count of plan.counts) if (!batch.counted(count.column)) coded = false;
  for (const text of plan.texts) if (!batch.numbered(text.column)) coded = false;
  return coded;
}

/** The problems of a delegation row that is not valid (null), through the checks that name them. */
function reportDelegation(rec: CsvRecord, ctx: RowContext): null {
  for (const { name, kind, required } of DELEGATION_FIELDS) {
    const field = name as Field;
    if (kind === 'date') requiredDate(rec, field, ctx);
    else if (kind === 'count' && required) requiredCount(rec, field, ctx);
    else if (kind === 'count') optionalCount(rec, field, ctx);
  }
  return null;
}

/**
 * Wide rows give one ArrivalRow per filled segment column; long rows give one (foreign, when the file
 * has a country column and no segment column); BPS rows one per filled year. A row's destination and
 * country go with each of its figures. A country describes foreign arrivals: Indonesia with a domestic
 * figure is no country (its residents are the domestic visitors); any other country with a domestic
 * figure, or Indonesia with a foreign one, is a problem.
 */
export function buildArrivals(rec: CsvRecord, ctx: RowContext, out: ArrivalRow[]): void {
  if (out.length !== 0) out.length = 0;
  if (ctx.layout.arrivalForm === 'bps') return buildBpsArrivals(rec, ctx, out);
  const period = requiredDate(rec, 'period', ctx);
  const destination = ctx.text(rec, 'destination');
  const country = ctx.text(rec, 'country');
  const home = country !== null && ctx.isHome(country);
  const { breakdown } = ctx;
  // A file of neither dimension gives plain totals, as a BPS table does.
  const figure = (segment: Segment, count: number): ArrivalRow =>
    breakdown === 0
      ? { period: period!, segment, count }
      : { period: period!, segment, count, destination, country: home ? null : country, breakdown };
  if (ctx.layout.arrivalForm === 'long') {
    let segment: Segment | null = ctx.layout.segment ?? null;
    if (segment === null) {
      const segmentText = ctx.text(rec, 'segment');
      if (segmentText === null) ctx.problem('segment', 'empty (domestic or foreign is required)');
      else if ((segment = segmentOf(segmentText)) === null) {
        ctx.problem(
          'segment',
          `unknown segment ${quote(segmentText)} (domestic: nusantara, wisnus, domestik, domestic; ` +
            'foreign: mancanegara, wisman, asing, foreign)',
        );
      }
    }
    const count = requiredCount(rec, 'count', ctx);
    if (segment !== null) checkCountry(ctx, country, home, segment);
    if (ctx.problems.length === 0) out.push(figure(segment!, count!));
    return;
  }
  const domestic = optionalCount(rec, 'domestic', ctx);
  const foreign = optionalCount(rec, 'foreign', ctx);
  if (domestic !== null) checkCountry(ctx, country, home, 'domestic');
  if (foreign !== null) checkCountry(ctx, country, home, 'foreign');
  if (ctx.problems.length > 0) return;
  if (domestic === null && foreign === null) {
    ctx.problem(null, 'no domestic or foreign figure on this row');
    return;
  }
  if (domestic !== null) out.push(figure('domestic', domestic));
  if (foreign !== null) out.push(figure('foreign', foreign));
}

/** A country is the residence of foreign visitors: Indonesia's residents are the domestic ones. */
function checkCountry(ctx: RowContext, country: string | null, home: boolean, segment: Segment): void {
  if (country === null || home === (segment === 'domestic')) return;
  if (segment === 'domestic') {
    ctx.problem(
      'country',
      `a domestic figure for ${quote(country)}: domestic visitors live in Indonesia (leave the country empty, or give the figure as foreign)`,
    );
  } else if (ctx.layout.segmentFrom === 'country') {
    ctx.problem(
      'country',
      `${quote(country)} in a file of foreign arrivals by country (it has no segment column): its residents are domestic visitors`,
    );
  } else {
    ctx.problem('country', `a foreign figure for ${quote(country)}: its residents are domestic visitors`);
  }
}

/**
 * The straight path for arrivals (wide and long forms) over a batch of records: a record of the
 * header's width whose period, counts, segment, destination and country are in columns the scanner
 * codes, with values met before and valid, has its figures written into `out` (its counts, in the
 * order of `sumColumns`, added to `sums` for the total row) without being decoded; `keep` notes
 * each accepted record's period and says whether its figures count (--from/--to). Any other record goes to `other`, the record-by-record path
 * (buildArrivals), in its turn. Returns how many records it took.
 */
export function takeArrivals(
  batch: RecordBatch,
  ctx: RowContext,
  width: number,
  sumColumns: readonly number[],
  sums: number[],
  out: ArrivalBatchBuilder,
  keep: (period: PeriodDate) => boolean,
  other: (r: number) => void,
): number {
  const { layout } = ctx;
  const index = layout.columns.index;
  const long = layout.arrivalForm === 'long';
  const fixedSegment = layout.segment ?? null;
  const periodAt = index.period!;
  const countAt = long ? [index.count!, -1] : [index.domestic ?? -1, index.foreign ?? -1];
  const segmentAt = long && fixedSegment === null ? index.segment! : -1;
  const destinationAt = index.destination ?? -1;
  const countryAt = index.country ?? -1;
  // The counts summed for the total row must be the ones read here.
  const read = countAt.filter((at) => at >= 0);
  let coded = read.length === sumColumns.length && read.every((at, k) => sumColumns[k] === at);
  // Every check is made, so that all the columns are asked for at once.
  if (!batch.numbered(periodAt)) coded = false;
  for (const at of read) if (!batch.counted(at)) coded = false;
  for (const at of [segmentAt, destinationAt, countryAt]) if (at >= 0 && !batch.numbered(at)) coded = false;
  if (!coded) {
    for (let r = 0; r < batch.size; r++) other(r);
    return 0;
  }
  const periods = ctx.dateCache(periodAt, true);
  const segments = segmentAt < 0 ? null : ctx.textCache(segmentAt);
  const destinations = destinationAt < 0 ? null : ctx.textCache(destinationAt);
  const countries = countryAt < 0 ? null : ctx.textCache(countryAt);
  const codes = batch.codeWords;
  const [firstAt, secondAt] = countAt;
  let taken = 0;
  for (let r = 0; r < batch.size; r++) {
    if (batch.fieldCount(r) !== width) {
      other(r);
      continue;
    }
    const at = batch.codesOf(r);
    const periodCode = codes[at + periodAt];
    const period = periodCode < 0 ? UNSEEN : periods.cached(periodCode);
    const destinationCode = destinationAt < 0 ? -1 : codes[at + destinationAt];
    const countryCode = countryAt < 0 ? -1 : codes[at + countryAt];
    const destination = destinations === null ? null : destinationCode < 0 ? UNSEEN : destinations.cached(destinationCode);
    const country = countries === null ? null : countryCode < 0 ? UNSEEN : countries.cached(countryCode);
    if (typeof period !== 'object' || period === null || destination === UNSEEN || country === UNSEEN) {
      other(r);
      continue;
    }
    const home = country !== null && ctx.isHomeCode(countryCode, country);
    // A count the scanner could not read is empty (no figure) or not a count (the record path says why).
    const first = codes[at + firstAt];
    const second = secondAt < 0 ? -1 : codes[at + secondAt];
    if ((first < 0 && !batch.fieldEmpty(r, firstAt)) || (second < 0 && secondAt >= 0 && !batch.fieldEmpty(r, secondAt))) {
      other(r);
      continue;
    }
    let domestic = -1;
    let foreign = -1;
    if (long) {
      let segment = fixedSegment;
      if (segment === null) {
        const code = codes[at + segmentAt];
        const text = code < 0 ? UNSEEN : segments!.cached(code);
        segment = typeof text === 'string' ? ctx.segmentOfCode(code, text) : null;
      }
      if (segment === null || first < 0) {
        other(r);
        continue;
      }
      if (segment === 'domestic') domestic = first;
      else foreign = first;
    } else {
      domestic = firstAt < 0 ? -1 : first;
      foreign = secondAt < 0 ? -1 : second;
    }
    // No figure, or a country that is not the residence of the segment's visitors: the record path says why.
    if ((domestic < 0 && foreign < 0) || (country !== null && ((domestic >= 0 && !home) || (foreign >= 0 && home)))) {
      other(r);
      continue;
    }
    taken++;
    if (first >= 0) sums[firstAt] = (sums[firstAt] ?? 0) + first;
    if (second >= 0) sums[secondAt] = (sums[secondAt] ?? 0) + second;
    if (!keep(period)) continue;
    const destinationValue = destination as string | null;
    const dCode = destinationValue === null ? -1 : destinationCode;
    if (domestic >= 0) out.push(period, periodCode, false, domestic, destinationValue, dCode, null, -1, r);
    if (foreign >= 0) {
      const countryValue = home ? null : (country as string | null);
      out.push(period, periodCode, true, foreign, destinationValue, dCode, countryValue, countryValue === null ? -1 : countryCode, r);
    }
  }
  return taken;
}

/**
 * A BPS row: a month by its name (`Januari`), and a figure for it in each year column; an empty cell is
 * a month not published (yet), no figure.
 */
function buildBpsArrivals(rec: CsvRecord, ctx: RowContext, out: ArrivalRow[]): void {
  const { years, segment, columns } = ctx.layout;
  const monthText = ctx.text(rec, 'period');
  const month = monthText === null ? null : monthOfName(monthText);
  if (monthText === null) ctx.problem('period', 'empty (a month is required)');
  else if (month === null) ctx.problem('period', `not a month name: ${quote(monthText)}`);
  for (const { column, year } of years!) {
    const n = countAt(rec, column);
    if (typeof n === 'string') ctx.problemAt(column, n);
    else if (n !== null && month !== null) out.push({ period: Object.freeze({ year, month, day: null }), segment: segment!, count: n });
  }
  if (ctx.problems.length === 0 && out.length === 0)
    ctx.problem(null, `no figure for any year (${columns.headers.filter((_, i) => years!.some((y) => y.column === i)).join(', ')})`);
}
