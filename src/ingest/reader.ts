/**
 * Reading one file, the same way for every command: opens it (or `-` for stdin), detects encoding,
 * delimiter and kind, streams records through the scanner, validates them into rows and hands each
 * accepted row to the command's sink. Nothing is held per row: memory stays flat whatever the size.
 * A big file may be read in two halves at once (parallel.ts, which resumes a FileReader in a worker).
 */
import { InputError } from '../errors';
import { DateTracker, type FileCoverage, type TrackedDates } from '../model/coverage';
import { type CalDate, type PeriodDate, dateKey } from '../model/dates';
import type { DelegationField } from '../model/fields';
import { type ArrivalRow, DELEGATION_FIELDS, type Kind, type Segment, arrivalOf, rowOf } from '../model/records';
import type { RowSink } from '../model/sinks';
import { type Detected, type Encoding, Transcoder, describeEncoding, detectEncoding } from './decode';
import type { ArrivalBatchBuilder } from './arrival-batch';
import { DelegationBatchBuilder } from './delegation-batch';
import { type CheckSettings, type ChecksPart, type FileChecks, type InputChecks, SheetRows } from './checks';
import { DimensionTally, type DimensionTallyData } from './dimension-tally';
import { GzipError, decompressed, fileChunks, stdinChunks } from './file-chunks';
import { type ColumnMap, type Layout, detectLayout, segmentNamed } from './headers';
import { HEADER_SEARCH_ROWS, type TotalRowReport, headerCells, isTotalLabel, totalWarning } from './table-shape';
import type { Problem } from './problems';
import { ReadProgress } from './progress-bar';
import { RowContext, type TextField, buildArrivals, buildDelegation, checkWidth, takeArrivals, takeDelegations } from './rows';
import { CsvScanner, type CsvRecord, type RecordBatch, type ScanError } from './scanner';
import { describeDelimiter, sniffDelimiter } from './sniff';
import { type DateFormat, parseDate, parseOptionalCount } from './values';
import { quote } from '../messages';

export interface InputOptions {
  kind?: Kind;
  encoding?: Encoding;
  delimiter?: string;
  map: ColumnMap;
  dateFormat: DateFormat;
  from?: CalDate;
  to?: CalDate;
  /**
   * The delegation text fields the command uses; the others are left unread (null, or no purposes).
   * Absent: all of them. Rows read, accepted and rejected are the same either way.
   */
  fields?: ReadonlySet<TextField>;
  /** What checks.ts checks against: --on-overlap, the plausible bounds, today. Absent: the defaults. */
  checks?: CheckSettings;
  /** `--header-row N`: the header's line (CSV) or row (sheet); absent: searched (table-shape.ts). */
  headerRow?: number;
  /** `--sheet NAME|N`: the sheets of a workbook to read; absent: every sheet that holds a table. */
  sheets?: string[];
  /** `--segment`: what a BPS table (months down, years across) counts, when its title does not say. */
  segment?: Segment;
}

/** How a file is read, for tests: the rows, counts and problems never depend on it. */
export interface ReadTuning {
  /** Off: every record takes the record-by-record path (the straight path's oracle). */
  straightPath: boolean;
}

export const DEFAULT_READ: ReadTuning = Object.freeze({ straightPath: true });

export interface FileReport {
  /** The file, or `FILE[SHEET]` for a sheet of a workbook. */
  source: string;
  kind: Kind;
  arrivalForm?: 'wide' | 'long' | 'bps';
  /** bps: the segment the table counts, and where that was read; `country`: a long form of country and count, foreign by definition. */
  segment?: Segment;
  segmentFrom?: 'title' | '--segment' | 'country';
  /** Arrivals by destination: how many destinations (trimmed, case-folded) its accepted rows name. */
  destinations?: number;
  /** Arrivals by country: how many countries its accepted rows name, and the names no country has. */
  countries?: number;
  unknownCountries?: { name: string; rows: number }[];
  /** The date column holds Excel serial numbers (every value of it), read as days. */
  serialDates?: true;
  /** A sheet of a workbook: its name (a CSV file has the four fields after it instead). */
  sheet?: string;
  /** Present when the input was gzip-compressed (told by its content). */
  compression?: 'gzip';
  encoding?: Encoding;
  bom?: boolean;
  encodingNote?: string;
  delimiter?: string;
  lineEnding?: 'LF' | 'CRLF' | 'CR' | 'none';
  /** Data rows read (blank lines are not rows). rowsRead = rowsAccepted + rowsRejected. */
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** Accepted rows left out by --from/--to. */
  rowsOutOfRange: number;
  /** The header's line (CSV) or row (sheet): the rows above it are titles (table-shape.ts). */
  headerRow: number;
  /** The table's total row, checked against the rows above it. */
  totalRow?: TotalRowReport;
  /** Rows of one cell under the total row (`Sumber: ...`), when there are any. */
  noteRows?: number;
  /** The fields its header has and the dates of its accepted rows (src/model/coverage.ts): not in JSON. */
  coverage: FileCoverage;
}

/** How the input was written, for verdicts: `UTF-8, ';' delimited, CRLF line endings`, or a workbook's sheet. */
export function describeFormat(f: Omit<FileReport, 'coverage'>): string {
  if (f.sheet !== undefined) return 'sheet of an xlsx workbook';
  return `${f.compression ? `${f.compression}, ` : ''}${describeEncoding({ encoding: f.encoding!, bom: f.bom!, encodingNote: f.encodingNote })}, ${describeDelimiter(f.delimiter!)} delimited, ${f.lineEnding} line endings`;
}

/** What is said on stderr once a file is read: a total row that differs from the rows above it. */
export function fileWarnings(f: FileReport): string[] {
  const warning = f.totalRow && totalWarning(f.source, f.totalRow, f.rowsRejected);
  return warning ? [warning] : [];
}

export const STDIN = '-';
/** A sheet's accepted delegation rows are handed to the sink this many at a time. */
const SHEET_BATCH = 4096;

/** The delegation fields that are counts (people, nights): summed for a total row. */
const DELEGATION_COUNT_FIELDS = DELEGATION_FIELDS.filter((field) => field.kind === 'count').map(
  (field) => field.name as Extract<DelegationField, { kind: 'count' }>['name'],
);
/** Encoding and delimiter are decided on this much of the start of the input. */
export const SNIFF_BYTES = 64 * 1024;

export function displayName(source: string): string {
  return source === STDIN ? '<stdin>' : source;
}

function describeOpenError(source: string, e: NodeJS.ErrnoException): InputError {
  const why: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'is a folder, not a file',
  };
  return new InputError(`${displayName(source)}: cannot read: ${why[e.code ?? ''] ?? e.message}`);
}

/**
 * Reads one file to the end, feeding accepted rows to the sink (arrivals through `checks`, when
 * given, which hands them on once every file is read); `seen` hears of every byte of a stream.
 */
export function readFile(
  source: string,
  options: InputOptions,
  sink: RowSink,
  problems: RejectSink,
  tuning: ReadTuning = DEFAULT_READ,
  checks: InputChecks | null = null,
  seen?: (chunk: Buffer) => void,
): Promise<FileReport> {
  return withReader(source, options, sink, problems, tuning, checks, (file, progress) =>
    pump(file, source, progress, 0, Infinity, undefined, seen),
  );
}

/**
 * Reads one file with `body`, which feeds the reader its bytes (and shows them on the progress bar):
 * the report at the end, or why the file cannot be read.
 */
export async function withReader(
  source: string,
  options: InputOptions,
  sink: RowSink,
  problems: RejectSink,
  tuning: ReadTuning,
  checks: InputChecks | null,
  body: (file: FileReader, progress: ReadProgress | null) => Promise<void>,
): Promise<FileReport> {
  const name = displayName(source);
  const file = new FileReader(name, options, sink, problems, tuning, checks);
  const progress = ReadProgress.forSource(source, name);
  try {
    await body(file, progress);
    return file.finish();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code && !(e instanceof InputError)) {
      throw describeOpenError(source, e as NodeJS.ErrnoException);
    }
    throw e;
  } finally {
    progress?.stop();
  }
}

/** Feeds bytes [start, end) of the source to the reader; `started` runs after each block, `seen` sees each. */
export async function pump(
  file: FileReader,
  source: string,
  progress: ReadProgress | null,
  start = 0,
  end = Infinity,
  started?: () => void,
  seen?: (chunk: Buffer) => void,
): Promise<void> {
  const raw = source === STDIN ? stdinChunks() : fileChunks(source, start, end);
  // From its start, an input may be gzip (told by its content); a later part of a file never is.
  const chunks =
    start === 0
      ? decompressed(
          raw,
          (bytes) => progress?.advance(bytes),
          () => file.compressedWith('gzip'),
        )
      : advanced(raw, progress);
  try {
    for await (const chunk of chunks) {
      seen?.(chunk);
      file.feed(chunk);
      started?.();
    }
  } catch (e) {
    throw e instanceof GzipError ? new InputError(`${file.name}: ${e.message}`) : e;
  }
}

async function* advanced(chunks: AsyncIterable<Buffer>, progress: ReadProgress | null): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    progress?.advance(chunk.length);
    yield chunk;
  }
}

/** Rows read, accepted, rejected and out of range. */
export interface RowCounts {
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsOutOfRange: number;
  /** The end of the table in this part: its sums and a total row held back (for the part before it). */
  tail?: TableTail;
  /** Arrivals: the destinations and countries this part named. */
  dimensions?: DimensionTallyData;
}

/** A row held back as the table's total until no data follows it. */
interface HeldTotal {
  line: number;
  label: string;
  raw: string;
  /** Per count column of the layout (by its index in the record): the figure stated, if any. */
  figures: [number, number][];
}

/** What the total row check needs from a part of a file. */
export interface TableTail {
  /** Per column index: the sum of the accepted rows' counts. */
  sums: number[];
  held: HeldTotal | null;
  noteRows: number;
}

/** Where rejected rows go: the ProblemLog, or a worker's list to hand over. */
export interface RejectSink {
  reject(problems: Problem[], raw: string): void;
}

/** A row a reader of a later part rejected, its problems' lines counted from the start of its part. */
export interface RejectedRow {
  problems: Problem[];
  raw: string;
}

/** What a reader of a later part of a file needs to read it as this one would. */
export interface ResumeState {
  delimiter: string;
  headers: string[];
  layout: Layout;
}

/** The state of one file being read. */
export class FileReader {
  private transcoder!: Transcoder;
  private scanner!: CsvScanner;
  private detected!: Detected;
  private delimiter = ',';
  private lineEnding: FileReport['lineEnding'] = 'none';
  private headers: string[] | null = null;
  private layout: Layout | null = null;
  private ctx: RowContext | null = null;
  private readonly arrivals: ArrivalRow[] = [];
  /** Arrivals by destination or country: what the accepted rows name. */
  private dimensions: DimensionTally | null = null;
  /** The file's checks, once its layout is known (none without InputChecks), and whether the scanner hashes rows for them. */
  private fileChecks: FileChecks | null = null;
  private hashing = false;
  /** A workbook's rows of the batch being gathered: their lines and text hashes, for the checks. */
  private readonly sheetRows = new SheetRows();
  /** Accepted delegation rows of the batch being scanned, handed to the sink at its end; made for the first (1.5 ms: arrival files have none). */
  private delegationRows: DelegationBatchBuilder | null = null;
  private get delegations(): DelegationBatchBuilder {
    return (this.delegationRows ??= new DelegationBatchBuilder());
  }
  /** The dates of the accepted rows, --from/--to or not: what the file covers. */
  private readonly dates = new DateTracker();
  /** An accepted row's date: noted, and whether the row is inside --from/--to. */
  private readonly keep = (date: PeriodDate): boolean => {
    this.dates.add(date);
    return this.inRange(date);
  };
  private readonly fromKey: number;
  private readonly toKey: number;
  private readonly limited: boolean;
  private rowsRead = 0;
  private rowsAccepted = 0;
  private rowsRejected = 0;
  private rowsOutOfRange = 0;
  private compression: FileReport['compression'];
  /** Looking for the header: the first row offered (whose error is the one to give if none fits), the row above. */
  private offered = 0;
  private firstOffered: string[] | null = null;
  private headerError: InputError | null = null;
  private above: string[] | null = null;
  private headerRow = 1;
  private readonly tail: TableTail = { sums: [], held: null, noteRows: 0 };
  /** The text of the rows above the header (and a sheet's name): where a BPS table names its segment. */
  private readonly titles: string[] = [];
  /** The layout's count columns (index in the record), whose sums the total row is checked against. */
  private countColumns: number[] = [];
  /** Reading a workbook's sheet: rows, not lines. */
  private sheet = false;

  constructor(
    readonly name: string,
    private readonly options: InputOptions,
    private readonly sink: RowSink,
    private readonly problems: RejectSink,
    private readonly tuning: ReadTuning = DEFAULT_READ,
    private readonly checks: InputChecks | null = null,
  ) {
    this.fromKey = options.from ? dateKey({ ...options.from, day: options.from.day ?? 1 }) : -Infinity;
    this.toKey = options.to ? dateKey(options.to) : Infinity;
    this.limited = !!(options.from || options.to);
  }

  /** Blocks at the start of the input, until there is enough to sniff encoding and delimiter; null once started. */
  private head: Buffer[] | null = [];
  private headBytes = 0;
  private fed = 0;

  /** The bytes fed are the decompressed content of a file compressed so. */
  compressedWith(compression: 'gzip'): void {
    this.compression = compression;
  }

  /** The chunk is read during the call only (its buffer may be reused for the next one). */
  feed(chunk: Buffer): void {
    this.fed += chunk.length;
    if (!this.head) return this.push(chunk);
    this.head.push(Buffer.from(chunk));
    this.headBytes += chunk.length;
    if (this.headBytes >= SNIFF_BYTES) this.flushHead();
  }

  /** Starts on what has come so far, however short. */
  flushHead(): void {
    if (!this.head) return;
    const head = Buffer.concat(this.head);
    this.head = null;
    this.start(head);
  }

  /** A reader for bytes after a record boundary of a UTF-8 file this state was handed off from. */
  static resumed(
    name: string,
    options: InputOptions,
    sink: RowSink,
    problems: RejectSink,
    tuning: ReadTuning,
    state: ResumeState,
    checks: InputChecks | null = null,
  ): FileReader {
    const file = new FileReader(name, options, sink, problems, tuning, checks);
    file.head = null;
    file.detected = { encoding: 'utf-8', bom: false };
    file.transcoder = new Transcoder(file.detected, name);
    file.delimiter = state.delimiter;
    file.headers = state.headers;
    file.layout = state.layout;
    file.ctx = new RowContext(state.layout, options.dateFormat, options.fields, name);
    file.countColumns = countColumnsOf(state.layout);
    file.dimensions = dimensionTallyOf(state.layout);
    file.scanner = file.newScanner();
    file.startChecks(state.layout);
    return file;
  }

  /** A reader for the rows of a workbook's sheet, handed over one by one (row()) as typed cells. */
  static forSheet(
    name: string,
    options: InputOptions,
    sink: RowSink,
    problems: RejectSink,
    tuning: ReadTuning,
    checks: InputChecks | null = null,
  ): FileReader {
    const file = new FileReader(name, options, sink, problems, tuning, checks);
    file.head = null;
    file.sheet = true;
    return file;
  }

  /** One row of a sheet (empty rows are not rows, as blank lines are not). */
  row(rec: CsvRecord): void {
    if (rec.fieldCount > 0) this.record(rec);
    if ((this.delegationRows?.length ?? 0) >= SHEET_BATCH) this.handOn();
  }

  /** No header found yet: the sheet may hold no table at all. */
  headerless(): boolean {
    return this.headers === null || this.layout === null;
  }

  /** The report of a sheet once its rows are read. */
  finishSheet(): FileReport {
    if (!this.headers && this.firstOffered) this.noHeaderFound();
    if (!this.headers) throw new InputError(`${this.name}: empty sheet (no header row)`);
    this.handOn();
    const sheet = /\[(.*)\]$/.exec(this.name)?.[1] ?? '';
    return this.report(this.layout ?? this.decideLayout(null), { sheet });
  }

  /**
   * The state to hand to a reader of a later part, once the layout is known; null if it cannot be.
   * Arrivals are never split: their figures are checked with their lines (checks.ts), and are few.
   */
  handoff(): ResumeState | null {
    if (!this.layout || !this.headers || this.detected.encoding !== 'utf-8' || this.layout.kind === 'arrivals') return null;
    return { delimiter: this.delimiter, headers: this.headers, layout: this.layout };
  }

  /** Whether the bytes fed so far end on a record boundary (no record waits for more). */
  atBoundary(): boolean {
    return !this.head && this.transcoder.idle() && this.scanner.pendingBytes() === 0;
  }

  /** The physical line where the next record would start. */
  nextLine(): number {
    return this.scanner.nextLine();
  }

  /** Bytes fed so far. */
  bytesFed(): number {
    return this.fed;
  }

  counts(): RowCounts {
    const { rowsRead, rowsAccepted, rowsRejected, rowsOutOfRange, tail } = this;
    return {
      rowsRead,
      rowsAccepted,
      rowsRejected,
      rowsOutOfRange,
      tail,
      ...(this.dimensions ? { dimensions: this.dimensions.toData() } : {}),
    };
  }

  /** The dates of the rows accepted so far, to hand over with the counts. */
  trackedDates(): TrackedDates {
    return this.dates.toData();
  }

  /** Takes over what a resumed reader read after this one's bytes: counts, dates, rejects in line order, and its checks. */
  absorb(part: { counts: RowCounts; dates: TrackedDates; rejects: RejectedRow[]; checks: ChecksPart }): void {
    this.dates.absorb(part.dates);
    // A total row held at the cut with rows after it was a row read, rejected before theirs (file order).
    if (this.tail.held && part.counts.rowsRead > 0) this.rejectHeld();
    const lineOffset = this.nextLine() - 1;
    this.checks?.absorb(part.checks, lineOffset);
    for (const r of part.rejects)
      this.problems.reject(
        r.problems.map((p) => ({ ...p, line: p.line + lineOffset })),
        r.raw,
      );
    this.rowsRead += part.counts.rowsRead;
    this.rowsAccepted += part.counts.rowsAccepted;
    this.rowsRejected += part.counts.rowsRejected;
    this.rowsOutOfRange += part.counts.rowsOutOfRange;
    if (part.counts.dimensions) this.dimensions?.absorb(part.counts.dimensions);
    const theirs = part.counts.tail;
    if (!theirs) return;
    theirs.sums.forEach((sum, i) => (this.tail.sums[i] = (this.tail.sums[i] ?? 0) + sum));
    if (theirs.held) this.tail.held = { ...theirs.held, line: theirs.held.line + lineOffset };
    this.tail.noteRows += theirs.noteRows;
  }

  private start(head: Buffer): void {
    this.detected = detectEncoding(head, this.options.encoding);
    this.transcoder = new Transcoder(this.detected, this.name);
    const text = this.transcoder.push(head);
    // A NUL byte never occurs in CSV text (UTF-16 is transcoded by now): this is some other kind of file.
    if (text.subarray(0, SNIFF_BYTES).includes(0)) {
      const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
      throw new InputError(
        zip
          ? `${this.name}: a workbook (.xlsx) is read from its file, not from standard input or a pipe: give its file name`
          : `${this.name}: not a CSV text file (it holds binary data)`,
      );
    }
    const sample = text.toString('utf8', 0, Math.min(text.length, SNIFF_BYTES));
    this.delimiter = this.options.delimiter ?? sniffDelimiter(sample);
    this.scanner = this.newScanner();
    this.scanner.push(text);
  }

  private newScanner(): CsvScanner {
    const handlers = {
      record: (rec: CsvRecord) => this.record(rec),
      error: (err: ScanError) => this.brokenRecord(err.line, err.message, err.raw),
      batch: (records: RecordBatch) => this.batch(records),
    };
    return new CsvScanner(this.delimiter.charCodeAt(0), handlers, this.options.dateFormat === 'dmy', this.name);
  }

  private push(chunk: Buffer): void {
    this.scanner.push(this.transcoder.push(chunk));
  }

  finish(): FileReport {
    this.flushHead();
    if (!this.scanner) throw new InputError(`${this.name}: empty file (no header row)`);
    const rest = this.transcoder.end();
    if (rest.length > 0) this.scanner.push(rest);
    this.scanner.end();
    if (!this.headers && this.firstOffered) this.noHeaderFound();
    if (!this.headers) throw new InputError(`${this.name}: empty file (no header row)`);
    return this.report(this.layout ?? this.decideLayout(null), {
      ...(this.compression ? { compression: this.compression } : {}),
      encoding: this.detected.encoding,
      bom: this.detected.bom,
      ...(this.detected.note ? { encodingNote: this.detected.note } : {}),
      delimiter: this.delimiter,
      lineEnding: this.lineEnding,
    });
  }

  private report(layout: Layout, format: Partial<FileReport>): FileReport {
    const totalRow = this.totalRow();
    return {
      source: this.name,
      kind: layout.kind,
      ...(layout.arrivalForm ? { arrivalForm: layout.arrivalForm } : {}),
      ...(layout.segment
        ? { segment: layout.segment, segmentFrom: layout.segmentFrom ?? (this.options.segment ? '--segment' : 'title') }
        : {}),
      ...this.dimensions?.counts(),
      ...(this.ctx?.dateColumn.serials ? { serialDates: true } : {}),
      ...format,
      rowsRead: this.rowsRead,
      rowsAccepted: this.rowsAccepted,
      rowsRejected: this.rowsRejected,
      rowsOutOfRange: this.rowsOutOfRange,
      headerRow: this.headerRow,
      ...(totalRow ? { totalRow } : {}),
      ...(this.tail.noteRows > 0 ? { noteRows: this.tail.noteRows } : {}),
      coverage: this.dates.coverage(layout.kind, Object.keys(layout.columns.index)),
    };
  }

  private decideLayout(first: CsvRecord | null): Layout {
    const layout = detectLayout(this.headers!, first ? (i) => first.field(i).trim() : null, this.options.map, this.options.kind, this.name);
    if (layout.arrivalForm === 'bps') layout.segment = this.bpsSegment();
    this.layout = layout;
    this.ctx = new RowContext(layout, this.options.dateFormat, this.options.fields, this.name, this.sheet ? 'row' : 'line');
    this.countColumns = countColumnsOf(layout);
    this.dimensions = dimensionTallyOf(layout);
    this.startChecks(layout);
    return layout;
  }

  /** The file's checks, and the columns the scanner hashes for them (from the batch at hand on). */
  private startChecks(layout: Layout): void {
    this.fileChecks = this.checks?.forFile(this.name, layout) ?? null;
    this.hashing = !this.sheet && this.fileChecks !== null && this.fileChecks.hashedColumns.length > 0;
    if (this.hashing) this.scanner.hashColumns(this.fileChecks!.hashedColumns);
  }

  /** What a BPS table counts: --segment, else what its title (or sheet name) names. */
  private bpsSegment(): Segment {
    if (this.options.segment) return this.options.segment;
    const named = segmentNamed([...this.titles, this.sheet ? this.name : ''].join(' '));
    if (named) return named;
    throw new InputError(
      `${this.name}: a table of months down and years across (as BPS publishes them) counts domestic or foreign ` +
        'visitors, and no title above it says which (Wisatawan Nusantara / Wisnus, or Wisatawan Mancanegara / Wisman): ' +
        'give --segment domestic or --segment foreign',
    );
  }

  /**
   * A row while the header is not found: the header if it makes a complete layout (or is the row
   * `--header-row` names), else a title row; after HEADER_SEARCH_ROWS rows the search gives up.
   */
  private offerHeader(rec: CsvRecord): void {
    const cells = headerCells(
      Array.from({ length: rec.fieldCount }, (_, i) => rec.field(i).trim()),
      this.above,
    );
    const wanted = this.options.headerRow;
    if (wanted === undefined ? this.fitsHeader(cells) : rec.line >= wanted) {
      this.headers = cells;
      this.headerRow = rec.line;
      // The header's own line ending, however long it is (not only within the sniffed start).
      this.lineEnding = rec.lineEnding();
      return;
    }
    this.firstOffered ??= cells;
    this.above = cells;
    this.titles.push(cells.join(' '));
    if (wanted === undefined && ++this.offered >= HEADER_SEARCH_ROWS) this.noHeaderFound();
  }

  private fitsHeader(cells: string[]): boolean {
    try {
      detectLayout(cells, null, this.options.map, this.options.kind, this.name);
      return true;
    } catch (e) {
      // The first row that names some columns explains best what is missing.
      if (!(e instanceof InputError)) throw e;
      const generic = (error: InputError) => /cannot tell whether/.test(error.message);
      if (this.headerError === null || (generic(this.headerError) && !generic(e))) this.headerError = e;
      return false;
    }
  }

  /** No row within the search makes a header: the first row's (or the most telling) reason. */
  private noHeaderFound(): never {
    const reason = this.headerError?.message ?? `${this.name}: no header row found`;
    throw new InputError(
      `${reason}${this.offered > 1 ? ` (no row of the first ${Math.min(this.offered, HEADER_SEARCH_ROWS)} is a header; --header-row N names it)` : ''}`,
    );
  }

  /**
   * A row after the header that is not data: a total row held back (the last one is the table's
   * total), or a note under a total row. A held total followed by data was a row after all: rejected.
   */
  private holdBack(rec: CsvRecord): boolean {
    const held = this.tail.held;
    if (held !== null) {
      if (filledCells(rec) === 1) {
        this.tail.noteRows++;
        return true;
      }
      this.rejectHeld();
    }
    const label = totalLabelOf(rec);
    if (label === null || this.holdsDate(rec)) return false;
    const figures: [number, number][] = [];
    for (const column of this.countColumns) {
      const n = column < rec.fieldCount ? parseOptionalCount(rec.field(column)) : null;
      if (typeof n === 'number') figures.push([column, n]);
    }
    this.tail.held = { line: rec.line, label, raw: rec.raw(), figures };
    return true;
  }

  /** Whether the row's date (or period) cell holds a date: then it is data, whatever its label. */
  private holdsDate(rec: CsvRecord): boolean {
    const index = this.layout!.columns.index;
    const i = index.date ?? index.period;
    if (i === undefined || i >= rec.fieldCount) return false;
    return typeof parseDate(rec.field(i), this.options.dateFormat) !== 'string';
  }

  private rejectHeld(): void {
    const held = this.tail.held!;
    this.tail.held = null;
    this.rowsRead++;
    const reason = `a total row (${quote(held.label)}) with more data below it: not read as data`;
    this.reject([{ source: this.name, line: held.line, column: null, reason }], held.raw);
  }

  /** The table's total row, checked against the sums of the accepted rows above it. */
  private totalRow(): TotalRowReport | undefined {
    const held = this.tail.held;
    if (!held) return undefined;
    const headers = this.layout!.columns.headers;
    const figures = held.figures.map(([column, stated]) => ({ column: headers[column], stated, sum: this.tail.sums[column] ?? 0 }));
    const base = { line: held.line, label: held.label, figures };
    if (figures.length === 0) return { ...base, matches: null, unchecked: 'it has no figures' };
    if (this.limited) return { ...base, matches: null, unchecked: '--from/--to left rows out of the sums' };
    return { ...base, matches: figures.every((f) => f.stated === f.sum) };
  }

  /** Adds a valid record's counts to the sums the total row is checked against. */
  private addToSums(rec: CsvRecord): void {
    const sums = this.tail.sums;
    for (const column of this.countColumns) {
      const n = column < rec.fieldCount ? parseOptionalCount(rec.field(column)) : null;
      if (typeof n === 'number') sums[column] = (sums[column] ?? 0) + n;
    }
  }

  /** A batch of records: delegations on the straight path where they can take it, then handed on together. */
  private batch(records: RecordBatch): void {
    // A total row held back is rejected by the next data row the record path meets; one the straight
    // path takes is noticed after the batch (only notes were delivered after the hold).
    let heldAt = this.tail.held ? -1 : null;
    let deliveredAfter = 0;
    const deliver = (r: number) => {
      const before = this.tail.held;
      records.deliver(r);
      const now = this.tail.held;
      if (now !== before) {
        heldAt = now ? r : null;
        deliveredAfter = 0;
      } else if (now) deliveredAfter++;
    };
    if (this.ctx?.delegation && this.tuning.straightPath) {
      const taken = takeDelegations(records, this.ctx, this.headers!.length, this.delegations, this.keep, this.limited, deliver);
      this.rowsRead += taken;
      this.rowsAccepted += taken;
      if (this.tail.held && heldAt !== null && deliveredAfter < records.size - 1 - heldAt) this.rejectHeld();
    } else if (this.ctx?.layout.kind === 'arrivals' && this.ctx.layout.arrivalForm !== 'bps' && this.tuning.straightPath) {
      const out = (this.arrivalBatch ??= new (require('./arrival-batch') as typeof import('./arrival-batch')).ArrivalBatchBuilder(
        this.ctx.breakdown,
      ));
      const taken = takeArrivals(records, this.ctx, this.headers!.length, this.countColumns, this.tail.sums, out, this.keep, deliver);
      this.rowsRead += taken;
      this.rowsAccepted += taken;
      this.dimensions?.addBatch(out);
      if (this.tail.held && heldAt !== null && deliveredAfter < records.size - 1 - heldAt) this.rejectHeld();
      const checks = this.fileChecks;
      if (out.length > 0) {
        // Checked figures reach the sink now if no later one can change them, else once every file is read (checks.ts).
        if (!checks || checks.arrivals(out, records)) {
          if (this.sink.arrivalBatch) this.sink.arrivalBatch(out);
          else for (let i = 0; i < out.length; i++) this.sink.arrival(arrivalOf(out, i));
        }
        out.clear();
      }
    } else {
      for (let r = 0; r < records.size; r++) deliver(r);
    }
    this.handOn(records);
  }

  /** The straight path's figures of a batch, handed on at its end; one per file (its code space). */
  private arrivalBatch: ArrivalBatchBuilder | null = null;

  /**
   * The batch's accepted delegation rows, checked while their records are at hand, to the sink: as a
   * batch if it takes them so, else row by row.
   */
  private handOn(records?: RecordBatch): void {
    const rows = this.delegationRows;
    if (rows === null || rows.length === 0) return;
    this.addBatchToSums(rows);
    const checks = this.fileChecks;
    if (checks) {
      checks.delegations(rows, records ?? this.sheetRows, this.dates);
      if (this.hashing && !checks.hashing) {
        this.scanner.stopHashing();
        this.hashing = false;
      }
    }
    if (this.sink.delegationBatch) this.sink.delegationBatch(rows);
    else for (let i = 0; i < rows.length; i++) this.sink.delegation(rowOf(rows, i));
    rows.clear();
    this.sheetRows.clear();
  }

  /** The counts of a batch's rows (in range: with --from/--to the total row is not checked). */
  private addBatchToSums(rows: DelegationBatchBuilder): void {
    const sums = this.tail.sums;
    for (const field of DELEGATION_COUNT_FIELDS) {
      const column = this.layout!.columns.index[field];
      if (column === undefined) continue;
      const values = rows.values[field] as Float64Array;
      let sum = 0;
      for (let i = 0; i < rows.length; i++) if (values[i] > 0) sum += values[i];
      sums[column] = (sums[column] ?? 0) + sum;
    }
  }

  private record(rec: CsvRecord): void {
    if (!this.headers) return this.offerHeader(rec);
    // A row of empty cells (`;;;;` as a spreadsheet exports an empty row) is no more a row than a blank line.
    if (!hasFilledCell(rec)) return;
    if (!this.layout) this.decideLayout(rec);
    if (this.holdBack(rec)) return;
    this.rowsRead++;
    const ctx = this.ctx!;
    ctx.begin(rec.line);
    // A sheet's row ends at its last filled cell, and a cell beyond the header's columns is in no column.
    if (!rec.cell && !checkWidth(rec, this.headers.length, ctx)) return this.rejectRecord(rec);
    if (this.layout!.kind === 'delegations') {
      const date = buildDelegation(rec, ctx, this.delegations);
      if (!date) return this.rejectRecord(rec);
      this.rowsAccepted++;
      if (this.keep(date)) this.delegations.commit(this.sheet && this.fileChecks ? this.sheetRows.add(rec, this.fileChecks) : rec.index);
    } else {
      buildArrivals(rec, ctx, this.arrivals);
      if (ctx.problems.length > 0) return this.rejectRecord(rec);
      this.rowsAccepted++;
      this.addToSums(rec);
      for (let i = 1; i < this.arrivals.length; i++) this.dates.add(this.arrivals[i].period);
      if (!this.keep(this.arrivals[0].period)) return;
      for (const row of this.arrivals) this.dimensions?.add(row.destination, row.country);
      const checks = this.fileChecks;
      for (const row of this.arrivals) if (!checks || checks.arrival(row, rec.line)) this.sink.arrival(row);
    }
  }

  /** --from/--to; a month-only figure is dated at its month's last day, a year alone at its year's, as everywhere else. */
  private inRange(date: PeriodDate): boolean {
    if (!this.limited) return true;
    const key = dateKey(date);
    if (key >= this.fromKey && key <= this.toKey) return true;
    this.rowsOutOfRange++;
    return false;
  }

  private rejectRecord(rec: CsvRecord): void {
    const problems = this.ctx!.problems.map((p) => ({ source: this.name, line: rec.line, ...p }));
    this.reject(problems, rec.raw());
  }

  /** A record the scanner could not split (broken quoting): still a row read, and rejected. */
  private brokenRecord(line: number, reason: string, raw: string): void {
    // On the header line it is not a data row: the file cannot be read at all.
    if (!this.headers) throw new InputError(`${this.name}:${line}: header: ${reason}`);
    if (this.tail.held) this.rejectHeld();
    this.rowsRead++;
    this.reject([{ source: this.name, line, column: null, reason }], raw);
  }

  private reject(problems: Problem[], raw: string): void {
    this.rowsRejected++;
    this.problems.reject(problems, raw);
  }
}

/** A tally of what an arrivals file by destination or country names; null for other files. */
function dimensionTallyOf(layout: Layout): DimensionTally | null {
  const { index } = layout.columns;
  if (layout.kind !== 'arrivals' || (index.destination === undefined && index.country === undefined)) return null;
  return new DimensionTally(index.destination !== undefined, index.country !== undefined);
}

/** The layout's columns of counts, by their index in the record. */
function countColumnsOf(layout: Layout): number[] {
  if (layout.years) return layout.years.map((y) => y.column);
  const names = layout.kind === 'delegations' ? DELEGATION_COUNT_FIELDS : (['domestic', 'foreign', 'count'] as const);
  return names.flatMap((name) => {
    const i = layout.columns.index[name];
    return i === undefined ? [] : [i];
  });
}

/** The text of the row's first filled cell when it is a total label (`Jumlah`, `Total`...), else null. */
function totalLabelOf(rec: CsvRecord): string | null {
  // A sheet's label is a text cell: a number or a date is none.
  if (rec.cell) {
    for (let i = 0; i < rec.fieldCount; i++) {
      const cell = rec.cell(i);
      if (cell === null) continue;
      return typeof cell === 'string' && isTotalLabel(cell) ? cell.trim() : null;
    }
    return null;
  }
  for (let i = 0; i < rec.fieldCount; i++) {
    // A first cell that starts with a digit is no label (isTotalLabel), told without decoding it.
    const first = plainFirstByte(rec, i);
    if (first >= 0x30 && first <= 0x39) return null;
    const text = rec.field(i).trim();
    if (text !== '') return isTotalLabel(text) ? text : null;
  }
  return null;
}

/**
 * The first byte of a CSV field when it is printable ASCII other than a space: the field is then
 * filled and its text starts with that character. 0 otherwise (a sheet's cell, an empty field, a
 * space, a byte of a longer character), when only decoding the field tells.
 */
function plainFirstByte(rec: CsvRecord, i: number): number {
  if (rec.cell) return 0;
  const start = rec.fieldStart(i);
  if (start >= rec.fieldEnd(i)) return 0;
  const byte = rec.bytes[start];
  return byte > 0x20 && byte < 0x7f ? byte : 0;
}

/** Whether a cell of the row is filled: up to its first filled cell, decoded only when its first byte does not tell. */
function hasFilledCell(rec: CsvRecord): boolean {
  for (let i = 0; i < rec.fieldCount; i++) {
    if (rec.cell ? rec.cell(i) !== null : plainFirstByte(rec, i) !== 0 || rec.field(i).trim() !== '') return true;
  }
  return false;
}

function filledCells(rec: CsvRecord): number {
  let n = 0;
  if (rec.cell) {
    for (let i = 0; i < rec.fieldCount; i++) if (rec.cell(i) !== null) n++;
    return n;
  }
  for (let i = 0; i < rec.fieldCount; i++) if (rec.field(i).trim() !== '') n++;
  return n;
}
