/**
 * Reading one file, the same way for every command: opens it (or `-` for stdin), detects encoding,
 * delimiter and kind, streams records through the scanner, validates them into rows and hands each
 * accepted row to the command's sink. Nothing is held per row: memory stays flat whatever the size.
 * A big file may be read in two halves at once (parallel.ts, which resumes a FileReader in a worker).
 */
import { InputError } from '../errors';
import { type CalDate, dateKey } from '../model/dates';
import { type ArrivalRow, type Kind, rowOf } from '../model/records';
import type { RowSink } from '../model/sinks';
import { type Detected, type Encoding, Transcoder, detectEncoding } from './decode';
import { DelegationBatchBuilder } from './delegation-batch';
import { fileChunks } from './file-chunks';
import { type ColumnMap, type Layout, detectLayout } from './headers';
import type { CheckSettings, ChecksPart, FileChecks, InputChecks } from './checks';
import type { Problem } from './problems';
import { ReadProgress } from './progress-bar';
import { RowContext, type TextField, buildArrivals, buildDelegation, checkWidth, takeDelegations } from './rows';
import { CsvScanner, type CsvRecord, type RecordBatch, type ScanError } from './scanner';
import { sniffDelimiter } from './sniff';
import type { DateFormat } from './values';

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
}

/** How a file is read, for tests: the rows, counts and problems never depend on it. */
export interface ReadTuning {
  /** Off: every record takes the record-by-record path (the straight path's oracle). */
  straightPath: boolean;
}

export const DEFAULT_READ: ReadTuning = Object.freeze({ straightPath: true });

export interface FileReport {
  source: string;
  kind: Kind;
  arrivalForm?: 'wide' | 'long';
  encoding: Encoding;
  bom: boolean;
  encodingNote?: string;
  delimiter: string;
  lineEnding: 'LF' | 'CRLF' | 'CR' | 'none';
  /** Data rows read (blank lines are not rows). rowsRead = rowsAccepted + rowsRejected. */
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** Accepted rows left out by --from/--to. */
  rowsOutOfRange: number;
}

export const STDIN = '-';
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
  const chunks = source === STDIN ? (process.stdin as AsyncIterable<Buffer>) : fileChunks(source, start, end);
  for await (const chunk of chunks) {
    progress?.advance(chunk.length);
    seen?.(chunk);
    file.feed(chunk);
    started?.();
  }
}

/** Rows read, accepted, rejected and out of range. */
export interface RowCounts {
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsOutOfRange: number;
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
  /** The file's checks, once its layout is known (none without InputChecks), and whether the scanner hashes rows for them. */
  private fileChecks: FileChecks | null = null;
  private hashing = false;
  /** Accepted delegation rows of the batch being scanned, handed to the sink at its end. */
  private readonly delegations = new DelegationBatchBuilder();
  private readonly outOfRange = (date: CalDate): boolean => !this.inRange(date);
  private readonly fromKey: number;
  private readonly toKey: number;
  private readonly limited: boolean;
  private rowsRead = 0;
  private rowsAccepted = 0;
  private rowsRejected = 0;
  private rowsOutOfRange = 0;

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
    file.ctx = new RowContext(state.layout, options.dateFormat, options.fields);
    file.scanner = file.newScanner();
    file.startChecks(state.layout);
    return file;
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
    const { rowsRead, rowsAccepted, rowsRejected, rowsOutOfRange } = this;
    return { rowsRead, rowsAccepted, rowsRejected, rowsOutOfRange };
  }

  /** Takes over what a resumed reader read after this one's bytes: counts, rejects in line order, and its checks. */
  absorb(part: { counts: RowCounts; rejects: RejectedRow[]; checks: ChecksPart }): void {
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
  }

  private start(head: Buffer): void {
    this.detected = detectEncoding(head, this.options.encoding);
    this.transcoder = new Transcoder(this.detected, this.name);
    const text = this.transcoder.push(head);
    // A NUL byte never occurs in CSV text (UTF-16 is transcoded by now): this is some other kind of file.
    if (text.subarray(0, SNIFF_BYTES).includes(0)) throw new InputError(`${this.name}: not a CSV text file (it holds binary data)`);
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
    if (!this.headers) throw new InputError(`${this.name}: empty file (no header row)`);
    const layout = this.layout ?? this.decideLayout(null);
    return {
      source: this.name,
      kind: layout.kind,
      ...(layout.arrivalForm ? { arrivalForm: layout.arrivalForm } : {}),
      encoding: this.detected.encoding,
      bom: this.detected.bom,
      ...(this.detected.note ? { encodingNote: this.detected.note } : {}),
      delimiter: this.delimiter,
      lineEnding: this.lineEnding,
      rowsRead: this.rowsRead,
      rowsAccepted: this.rowsAccepted,
      rowsRejected: this.rowsRejected,
      rowsOutOfRange: this.rowsOutOfRange,
    };
  }

  private decideLayout(first: CsvRecord | null): Layout {
    const layout = detectLayout(this.headers!, first ? (i) => first.field(i).trim() : null, this.options.map, this.options.kind, this.name);
    this.layout = layout;
    this.ctx = new RowContext(layout, this.options.dateFormat, this.options.fields);
    this.startChecks(layout);
    return layout;
  }

  /** The file's checks, and the columns the scanner hashes for them (from the batch at hand on). */
  private startChecks(layout: Layout): void {
    this.fileChecks = this.checks?.forFile(this.name, layout) ?? null;
    this.hashing = this.fileChecks !== null && this.fileChecks.hashedColumns.length > 0;
    if (this.hashing) this.scanner.hashColumns(this.fileChecks!.hashedColumns);
  }

  /** A batch of records: delegations on the straight path where they can take it, then handed on together. */
  private batch(records: RecordBatch): void {
    const deliver = (r: number) => records.deliver(r);
    if (this.ctx?.delegation && this.tuning.straightPath) {
      const taken = takeDelegations(
        records,
        this.ctx,
        this.headers!.length,
        this.delegations,
        this.limited ? this.outOfRange : null,
        deliver,
      );
      this.rowsRead += taken;
      this.rowsAccepted += taken;
    } else {
      for (let r = 0; r < records.size; r++) deliver(r);
    }
    this.handOn(records);
  }

  /**
   * The batch's accepted delegation rows, checked while their records are at hand, to the sink: as a
   * batch if it takes them so, else row by row.
   */
  private handOn(records: RecordBatch): void {
    const rows = this.delegations;
    if (rows.length === 0) return;
    const checks = this.fileChecks;
    if (checks) {
      checks.delegations(rows, records);
      if (this.hashing && !checks.hashing) {
        this.scanner.stopHashing();
        this.hashing = false;
      }
    }
    if (this.sink.delegationBatch) this.sink.delegationBatch(rows);
    else for (let i = 0; i < rows.length; i++) this.sink.delegation(rowOf(rows, i));
    rows.clear();
  }

  private record(rec: CsvRecord): void {
    if (!this.headers) {
      this.headers = Array.from({ length: rec.fieldCount }, (_, i) => rec.field(i).trim());
      // The header's own line ending, however long it is (not only within the sniffed start).
      this.lineEnding = rec.lineEnding();
      return;
    }
    if (!this.layout) this.decideLayout(rec);
    this.rowsRead++;
    const ctx = this.ctx!;
    ctx.begin();
    if (!checkWidth(rec, this.headers.length, ctx)) return this.rejectRecord(rec);
    if (this.layout!.kind === 'delegations') {
      const date = buildDelegation(rec, ctx, this.delegations);
      if (!date) return this.rejectRecord(rec);
      this.rowsAccepted++;
      if (this.inRange(date)) this.delegations.commit(rec.index);
    } else {
      buildArrivals(rec, ctx, this.arrivals);
      if (ctx.problems.length > 0) return this.rejectRecord(rec);
      this.rowsAccepted++;
      if (!this.inRange(this.arrivals[0].period)) return;
      const checks = this.fileChecks;
      for (const row of this.arrivals) {
        if (checks) checks.arrival(row, rec.line);
        else this.sink.arrival(row);
      }
    }
  }

  /** --from/--to; a month-only figure is dated at its month's last day, as everywhere else. */
  private inRange(date: CalDate): boolean {
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
    this.rowsRead++;
    this.reject([{ source: this.name, line, column: null, reason }], raw);
  }

  private reject(problems: Problem[], raw: string): void {
    this.rowsRejected++;
    this.problems.reject(problems, raw);
  }
}
