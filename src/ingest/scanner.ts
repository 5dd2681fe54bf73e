/**
 * A byte-level RFC 4180 scanner. It is fed Buffers of UTF-8 in any chunking and hands out each record
 * as a view of field offsets, decoding a field to a string only when a caller asks for it.
 *
 * Beyond RFC 4180, as csv-parse with `relax_quotes` reads it: a quote inside an unquoted field is kept
 * as text, and LF, CRLF and a lone CR all end a record. Text after a closing quote and a quote left
 * open at the end of input are structure errors: the scanner reports them with the record's line and
 * resumes at the next line, so one broken row never hides the rest of the file (csv-parse stops there).
 *
 * The byte loop runs in WebAssembly (`src/ingest/wasm/scanner.ts`, built into `dist/scanner.wasm`):
 * it splits a block into a batch of records at a time, and numbers the values of the columns callers
 * look up (`numberField`), so that a value repeated on millions of rows is decoded once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors';
import { grouped } from '../messages';
import type { CalDate } from '../model/dates';
import { MAX_YEAR, MIN_YEAR } from './values';

const QUOTED = 1;
const DOUBLED = 2;
const LF_BYTE = 0x0a;
const CR_BYTE = 0x0d;
const BATCH_FULL = 2;
/** What the scanner computes for a column, as JavaScript asked: nothing, numbers, counts, or date numbers. */
const PLAIN = 0;
const NUMBERED = 1;
const COUNTED = 2;
const DATED = 3;
const MAX_COLUMNS = 256;
const FIRST_BATCH = 16;
const ANY_BATCH = 1 << 30;
const TOO_MANY_FIELDS = 3;

/**
 * Bounds on one record, far above any real log and far below what would exhaust the scanner's
 * memory: a record with more fields is rejected (up to its line end) like a row with broken quoting;
 * a record longer than this many bytes (no line end found) stops the file, as no CSV holds one and
 * a JavaScript string could not hold it either.
 */
export interface ScanLimits {
  maxFields: number;
  maxRecordBytes: number;
}

export const SCAN_LIMITS: ScanLimits = { maxFields: 100_000, maxRecordBytes: 256 << 20 };

function errorMessages(limits: ScanLimits): Record<number, string> {
  return {
    1: 'quote opened here is never closed',
    2: 'text after a closing quote',
    [TOO_MANY_FIELDS]: `more than ${grouped(limits.maxFields)} fields in one record`,
  };
}

export interface CsvRecord {
  /** Physical line (1-based) where the record starts. */
  readonly line: number;
  /** The record's index in its batch (RecordBatch; 0 for a workbook's row, which has none). */
  readonly index: number;
  readonly fieldCount: number;
  field(index: number): string;
  /** The record's text as it stood in the input, without its line ending. */
  raw(): string;
  /** What ends the record in the input ('none': the end of the input). */
  lineEnding(): 'LF' | 'CRLF' | 'CR' | 'none';
  /**
   * For the hot path, which reads fields without decoding them: the buffer holding the record (valid
   * only during the record callback) and each field's byte range in it, between its quotes if quoted.
   */
  readonly bytes: Buffer;
  fieldStart(index: number): number;
  fieldEnd(index: number): number;
  /** Quoted: then a `""` in the field's bytes stands for one quote. */
  fieldQuoted(index: number): boolean;
  /**
   * The field's number among the values its column has shown in this input: the same bytes, quoted
   * the same way, get the same number, counting from 0. -1 when it has none (a missing field, a value
   * over 128 bytes, a column past 65,536 distinct values or the 256th). The first call for a column
   * starts numbering it from the next batch of records on.
   */
  fieldNumber(index: number): number;
  /**
   * The field as a count when it is 1 to 9 ASCII digits (spaces or tabs around them allowed), else -1
   * (then decode it and parse it). The first call for a column starts parsing it in the scanner from
   * the next batch on. A column is numbered, counted or dated, whichever was asked first.
   */
  parsedCount(index: number): number;
  /**
   * As fieldNumber, for a column of dates: the scanner also reads each new value that is a plain
   * numeric date (`2017-03-09`, `9/3/2017`: see `plainDate` in the WebAssembly scanner), and
   * RecordBatch.dayOf tells its day.
   */
  dateNumber(index: number): number;
  /** A workbook's row (workbook.ts): its typed cell, which the record path reads instead of the text. */
  cell?(index: number): import('./cells').SheetCell;
}

export interface ScanError {
  line: number;
  message: string;
  raw: string;
}

export interface ScanHandlers {
  record(record: CsvRecord): void;
  error(error: ScanError): void;
  /**
   * Optional: takes each batch whole instead, to read the codes of many records in one loop; it must
   * hand every record it does not take that way to `deliver` (which calls record or error), in order.
   */
  batch?(records: RecordBatch): void;
}

interface ScannerExports {
  memory: WebAssembly.Memory;
  init(delimiter: number, maxFields: number): void;
  prepare(size: number): number;
  pending(): number;
  nextLine(): number;
  scan(final: number, maxRecords: number): number;
  numberColumn(column: number): void;
  countColumn(column: number): void;
  dateColumn(column: number, dayFirst: number, minYear: number, maxYear: number): void;
  entryDay(column: number, id: number): number;
  inputPointer(): number;
  inputLength(): number;
  scanStatus(): number;
  recordStarts(): number;
  recordEnds(): number;
  recordLines(): number;
  recordBases(): number;
  recordCounts(): number;
  recordErrors(): number;
  fieldStarts(): number;
  fieldEnds(): number;
  fieldFlagBytes(): number;
  fieldNumbers(): number;
  hashColumn(column: number): void;
  stopHashing(): void;
  hashRecords(): void;
  recordHashes(): number;
}

// The part of the WebAssembly API used here (TypeScript has its types only in the DOM library).
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports: object);
    readonly exports: object;
  }
  interface Memory {
    readonly buffer: ArrayBuffer;
  }
}

let compiled: WebAssembly.Module | undefined;

function scannerModule(): WebAssembly.Module {
  if (compiled) return compiled;
  // Two levels up from src/ingest (tests) and from dist/ingest (the built tool) alike.
  const path = join(__dirname, '..', '..', 'dist', 'scanner.wasm');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new Error(`${path} is missing: run \`npm run build\``);
  }
  return (compiled = new WebAssembly.Module(bytes));
}

function instantiate(): ScannerExports {
  const abort = () => {
    throw new Error('CSV scanner: internal error (WebAssembly abort)');
  };
  return new WebAssembly.Instance(scannerModule(), { env: { abort } }).exports as unknown as ScannerExports;
}

/**
 * What the scanner computes per column: `modes`, what it was asked for; `active`, what it computes in
 * the batch at hand (a request takes effect from the next batch).
 */
class ColumnModes {
  readonly modes = new Uint8Array(MAX_COLUMNS);
  readonly active = new Uint8Array(MAX_COLUMNS);
  /** Columns asked for since the last batch. */
  readonly wanted: number[] = [];

  /** Whether the column is computed as `mode` in this batch; if the column has no mode yet, asks for it from the next. */
  computes(column: number, mode: number): boolean {
    if (column >= MAX_COLUMNS) return false;
    if (this.active[column] === mode) return true;
    if (this.modes[column] === PLAIN) {
      this.modes[column] = mode;
      this.wanted.push(column);
    }
    return false;
  }
}

/** One record of the current batch, read in place from the scanner's memory; reused for every record. */
class RecordView implements CsvRecord {
  bytes: Buffer = Buffer.alloc(0);
  line = 0;
  fieldCount = 0;
  start = 0;
  end = 0;
  error = 0;
  /** The batch's arrays, as indexes into `words` (Int32) and `flagBytes`. */
  private words = new Int32Array(0);
  private flagBytes = new Uint8Array(0);
  private starts = 0;
  private ends = 0;
  private numbers = 0;
  private flags = 0;
  /** Index of this record's first field in the batch. */
  private base = 0;
  /** Where the batch's record hashes start in `words`. */
  private hashes = 0;
  index = 0;

  constructor(private readonly columns: ColumnModes) {}

  /** Views of the batch just scanned: the memory may have moved or grown since the last one. */
  attach(wasm: ScannerExports): void {
    const memory = wasm.memory.buffer;
    // Pointers past 2 GB come back from WebAssembly as negative numbers: read them unsigned.
    this.bytes = Buffer.from(memory, wasm.inputPointer() >>> 0, wasm.inputLength());
    this.words = new Int32Array(memory);
    this.flagBytes = new Uint8Array(memory);
    this.starts = wasm.fieldStarts() >>> 2;
    this.ends = wasm.fieldEnds() >>> 2;
    this.numbers = wasm.fieldNumbers() >>> 2;
    this.flags = wasm.fieldFlagBytes() >>> 0;
    this.hashes = wasm.recordHashes() >>> 2;
  }

  select(index: number, start: number, end: number, line: number, base: number, count: number, error: number): void {
    this.index = index;
    this.start = start;
    this.end = end;
    this.line = line;
    this.base = base;
    this.fieldCount = count;
    this.error = error;
  }

  field(index: number): string {
    return index >= this.fieldCount ? '' : this.fieldAt(this.base, index);
  }

  /** For RecordBatch, any record of the batch by its first field `base`: the text of its field `index` (below its field count). */
  fieldAt(base: number, index: number): string {
    const text = this.bytes.toString('utf8', this.words[this.starts + base + index], this.words[this.ends + base + index]);
    return this.flagBytes[this.flags + base + index] & DOUBLED ? text.replace(/""/g, '"') : text;
  }

  raw(): string {
    return this.bytes.toString('utf8', this.start, this.end);
  }

  lineEnding(): 'LF' | 'CRLF' | 'CR' | 'none' {
    const c = this.bytes[this.end];
    if (c === LF_BYTE) return 'LF';
    if (c !== CR_BYTE) return 'none';
    return this.bytes[this.end + 1] === LF_BYTE ? 'CRLF' : 'CR';
  }

  fieldStart(index: number): number {
    return this.words[this.starts + this.base + index];
  }

  fieldEnd(index: number): number {
    return this.words[this.ends + this.base + index];
  }

  fieldQuoted(index: number): boolean {
    return (this.flagBytes[this.flags + this.base + index] & QUOTED) !== 0;
  }

  fieldNumber(index: number): number {
    return this.code(index, NUMBERED);
  }

  parsedCount(index: number): number {
    return this.code(index, COUNTED);
  }

  dateNumber(index: number): number {
    return this.code(index, DATED);
  }

  /** The scanner's code for the field if its column is computed as `mode` in this batch, else -1. */
  private code(index: number, mode: number): number {
    if (index >= this.fieldCount || !this.columns.computes(index, mode)) return -1;
    return this.codeAt(this.base, index);
  }

  /** For RecordBatch: record r's hash words start at `hashesAt() + 2 * r` in `codeWords`. */
  hashesAt(): number {
    return this.hashes;
  }

  /** For RecordBatch, any record of the batch by its first field `base`: the code of its field `index`. */
  codeAt(base: number, index: number): number {
    return this.words[this.numbers + base + index];
  }

  /** For RecordBatch: where the codes of the record whose first field is `base` start in `codeWords`. */
  codesAt(base: number): number {
    return this.numbers + base;
  }

  /** The batch's codes (and offsets): a view of the scanner's memory. */
  get codeWords(): Int32Array {
    return this.words;
  }

  /** For RecordBatch: whether field `index` of the record whose first field is `base` has no bytes. */
  emptyAt(base: number, index: number): boolean {
    return this.words[this.starts + base + index] === this.words[this.ends + base + index];
  }
}

/**
 * The records of the batch just scanned, for a caller that reads the scanner's codes directly: per
 * record its field count and, for the columns the scanner computes in this batch, each field's code
 * (its number, or its count); every other record goes through `deliver` as a CsvRecord.
 */
export class RecordBatch {
  size = 0;
  private words = new Int32Array(0);
  private starts = 0;
  private ends = 0;
  private lines = 0;
  private bases = 0;
  private counts = 0;
  private errors = 0;
  private wasm: ScannerExports | null = null;

  constructor(
    private readonly view: RecordView,
    private readonly handlers: ScanHandlers,
    private readonly columns: ColumnModes,
    private readonly messages: Record<number, string>,
  ) {}

  attach(wasm: ScannerExports, size: number): this {
    this.view.attach(wasm);
    this.wasm = wasm;
    this.size = size;
    this.words = new Int32Array(wasm.memory.buffer);
    this.starts = wasm.recordStarts() >>> 2;
    this.ends = wasm.recordEnds() >>> 2;
    this.lines = wasm.recordLines() >>> 2;
    this.bases = wasm.recordBases() >>> 2;
    this.counts = wasm.recordCounts() >>> 2;
    this.errors = wasm.recordErrors() >>> 2;
    return this;
  }

  /** Whether the column's fields have numbers in this batch (CsvRecord.fieldNumber); asks for them from the next batch if not. */
  numbered(column: number): boolean {
    return this.columns.computes(column, NUMBERED);
  }

  /** Whether the column's fields have counts in this batch (CsvRecord.parsedCount); asks for them from the next batch if not. */
  counted(column: number): boolean {
    return this.columns.computes(column, COUNTED);
  }

  /** Whether the column's fields have date numbers in this batch (CsvRecord.dateNumber); asks for them from the next batch if not. */
  dated(column: number): boolean {
    return this.columns.computes(column, DATED);
  }

  /** The day a dated column's number stands for (see dayDate), or -1 if it stands for a value that is not a plain date. */
  dayOf(column: number, number: number): number {
    return this.wasm!.entryDay(column, number);
  }

  /** Record r's physical line (1-based), where it starts. */
  line(r: number): number {
    return this.words[this.lines + r];
  }

  /** Record r's line is `codeWords[linesAt() + r]`, as line(r) gives it. */
  linesAt(): number {
    return this.lines;
  }

  /**
   * Record r's hash of the hashed columns (CsvScanner.hashColumns) is in `codeWords` at
   * `hashesAt() + 2 * r`: its low word, then its high word.
   */
  hashesAt(): number {
    return this.view.hashesAt();
  }

  /** Record r's field count; 0 for a record the scanner could not split. */
  fieldCount(r: number): number {
    return this.words[this.counts + r];
  }

  /** The code of record r's field `column` (below its field count, in a numbered or counted column): as CsvRecord's. */
  code(r: number, column: number): number {
    return this.view.codeAt(this.words[this.bases + r], column);
  }

  /**
   * For a loop over many columns of each record: record r's codes are `codeWords[codesOf(r) + column]`,
   * as code(r, column) gives them one by one.
   */
  codesOf(r: number): number {
    return this.view.codesAt(this.words[this.bases + r]);
  }

  get codeWords(): Int32Array {
    return this.view.codeWords;
  }

  /** The text of record r's field `column` (below its field count), as CsvRecord.field decodes it. */
  field(r: number, column: number): string {
    return this.view.fieldAt(this.words[this.bases + r], column);
  }

  /** Whether record r's field `column` (below its field count) has no bytes, between its quotes if quoted. */
  fieldEmpty(r: number, column: number): boolean {
    return this.view.emptyAt(this.words[this.bases + r], column);
  }

  /** Hands record r to the record handler, or to the error handler if the scanner could not split it. */
  deliver(r: number): void {
    const words = this.words;
    const view = this.view;
    view.select(
      r,
      words[this.starts + r],
      words[this.ends + r],
      words[this.lines + r],
      words[this.bases + r],
      words[this.counts + r],
      words[this.errors + r],
    );
    if (view.error === 0) this.handlers.record(view);
    else this.handlers.error({ line: view.line, message: this.messages[view.error], raw: view.raw() });
  }
}

export class CsvScanner {
  private readonly wasm = instantiate();
  private readonly view: RecordView;
  private readonly batch: RecordBatch;
  private readonly columns = new ColumnModes();
  private batches = 0;

  /**
   * `dayFirst`: how a dated column reads `9/3/2017` (as parseDate with format 'dmy'; else 'mdy').
   * `source` names the input in the error for a record past `limits.maxRecordBytes`.
   */
  constructor(
    delimiter: number,
    private readonly handlers: ScanHandlers,
    private readonly dayFirst = true,
    private readonly source = 'input',
    private readonly limits = SCAN_LIMITS,
  ) {
    this.wasm.init(delimiter, limits.maxFields);
    this.view = new RecordView(this.columns);
    this.batch = new RecordBatch(this.view, handlers, this.columns, errorMessages(limits));
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.wasm.pending() > this.limits.maxRecordBytes) {
      const size = `${Math.round(this.limits.maxRecordBytes / (1 << 20))} MB`;
      throw new InputError(
        `${this.source}:${this.nextLine()}: no record ends within ${size} of this line (a quote opened here may never close); is it a CSV file?`,
      );
    }
    const at = this.wasm.prepare(chunk.length) >>> 0;
    new Uint8Array(this.wasm.memory.buffer, at, chunk.length).set(chunk);
    this.run(false);
  }

  end(): void {
    if (this.wasm.pending() > 0) this.run(true);
  }

  /** Bytes pushed but not scanned yet: a record waiting for the rest of its bytes. */
  pendingBytes(): number {
    return this.wasm.pending();
  }

  /** The physical line (1-based) where the next record starts. */
  nextLine(): number {
    return this.wasm.nextLine();
  }

  /**
   * From now on every record has a hash of the text of these columns (RecordBatch.hashesAt): the same
   * text (between spaces and tabs) gives the same hash. The batch at hand, if any, is hashed at once.
   */
  hashColumns(columns: readonly number[]): void {
    for (const column of columns) this.wasm.hashColumn(column);
    this.wasm.hashRecords();
  }

  /** No more hashes, from the next batch on (once nothing needs them, they cost nothing). */
  stopHashing(): void {
    this.wasm.stopHashing();
  }

  /** Scans batch after batch until the input is consumed or waits for more. */
  private run(final: boolean): void {
    const wasm = this.wasm;
    const { modes, active, wanted } = this.columns;
    for (;;) {
      for (const column of wanted) {
        if (modes[column] === NUMBERED) wasm.numberColumn(column);
        else if (modes[column] === COUNTED) wasm.countColumn(column);
        else wasm.dateColumn(column, this.dayFirst ? 1 : 0, MIN_YEAR, MAX_YEAR);
        active[column] = modes[column];
      }
      wanted.length = 0;
      // A short first batch: the columns callers look up are known after a record or two, and
      // every record of a batch scanned before that goes without numbers.
      const count = wasm.scan(final ? 1 : 0, this.batches++ === 0 ? FIRST_BATCH : ANY_BATCH);
      this.emit(count);
      if (wasm.scanStatus() !== BATCH_FULL) return;
    }
  }

  private emit(count: number): void {
    const batch = this.batch.attach(this.wasm, count);
    if (this.handlers.batch) return this.handlers.batch(batch);
    for (let r = 0; r < count; r++) batch.deliver(r);
  }
}

/** The date of a day number (RecordBatch.dayOf), as parseDate gives it for any text of that day. */
export function dayDate(day: number): CalDate {
  const year = MIN_YEAR + Math.floor(day / 372);
  const rest = day % 372;
  return Object.freeze({ year, month: Math.floor(rest / 31) + 1, day: (rest % 31) + 1 });
}
