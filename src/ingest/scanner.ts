/**
 * A byte-level RFC 4180 scanner. It is fed Buffers of UTF-8 in any chunking and hands out each record
 * as a view of field offsets, decoding a field to a string only when a caller asks for it.
 *
 * Beyond RFC 4180, as csv-parse with `relax_quotes` reads it: a quote inside an unquoted field is kept
 * as text, and LF, CRLF and a lone CR all end a record. Text after a closing quote and a quote left
 * open at the end of input are structure errors: the scanner reports them with the record's line and
 * resumes at the next line, so one broken row never hides the rest of the file (csv-parse stops there).
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const QUOTED = 1;
const DOUBLED = 2;

export interface CsvRecord {
  /** Physical line (1-based) where the record starts. */
  readonly line: number;
  readonly fieldCount: number;
  field(index: number): string;
  /** The record's text as it stood in the input, without its line ending. */
  raw(): string;
  /**
   * For the hot path, which reads fields without decoding them: the buffer holding the record (valid
   * only during the record callback) and each field's byte range in it, between its quotes if quoted.
   */
  readonly bytes: Buffer;
  fieldStart(index: number): number;
  fieldEnd(index: number): number;
  /** Quoted: then a `""` in the field's bytes stands for one quote. */
  fieldQuoted(index: number): boolean;
}

export interface ScanError {
  line: number;
  message: string;
  raw: string;
}

export interface ScanHandlers {
  record(record: CsvRecord): void;
  error(error: ScanError): void;
}

/** Offsets of one record's fields in the current buffer; reused for every record. */
class RecordView implements CsvRecord {
  bytes: Buffer = Buffer.alloc(0);
  line = 0;
  fieldCount = 0;
  start = 0;
  end = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** Per field: QUOTED, and DOUBLED when it holds `""` that must be undone. */
  flags = new Uint8Array(64);

  reset(buf: Buffer, line: number, start: number): void {
    this.bytes = buf;
    this.line = line;
    this.start = start;
    this.fieldCount = 0;
  }

  push(start: number, end: number, flags: number): void {
    if (this.fieldCount === this.starts.length) this.grow();
    const i = this.fieldCount++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.flags[i] = flags;
  }

  /** A line with nothing on it: not a record (csv-parse `skip_empty_lines`). */
  isBlank(): boolean {
    return this.fieldCount === 1 && this.starts[0] === this.ends[0] && this.flags[0] === 0;
  }

  field(index: number): string {
    if (index >= this.fieldCount) return '';
    const text = this.bytes.toString('utf8', this.starts[index], this.ends[index]);
    return this.flags[index] & DOUBLED ? text.replace(/""/g, '"') : text;
  }

  raw(): string {
    return this.bytes.toString('utf8', this.start, this.end);
  }

  fieldStart(index: number): number {
    return this.starts[index];
  }

  fieldEnd(index: number): number {
    return this.ends[index];
  }

  fieldQuoted(index: number): boolean {
    return (this.flags[index] & QUOTED) !== 0;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const flags = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    flags.set(this.flags);
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
  }
}

/** Outcome of scanning one record from a position. */
const enum Step {
  Done,
  NeedMore,
}

export class CsvScanner {
  private pending: Buffer | null = null;
  private line = 1;
  private readonly view = new RecordView();
  /** Where the record being scanned ends (after its line ending) once Step.Done is returned. */
  private next = 0;
  private lineAfter = 1;
  private errorMessage: string | null = null;

  constructor(
    private readonly delimiter: number,
    private readonly handlers: ScanHandlers,
  ) {}

  push(chunk: Buffer): void {
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    this.scan(buf, false);
  }

  end(): void {
    if (this.pending) {
      const buf = this.pending;
      this.pending = null;
      this.scan(buf, true);
    }
  }

  private scan(buf: Buffer, final: boolean): void {
    let pos = 0;
    while (pos < buf.length) {
      if (this.scanRecord(buf, pos, final) === Step.NeedMore) {
        this.pending = buf.subarray(pos);
        return;
      }
      this.emit();
      pos = this.next;
      this.line = this.lineAfter;
    }
  }

  private emit(): void {
    const view = this.view;
    if (this.errorMessage !== null) {
      this.handlers.error({ line: view.line, message: this.errorMessage, raw: view.raw() });
      this.errorMessage = null;
    } else if (!view.isBlank()) {
      this.handlers.record(view);
    }
  }

  /** Scans one record starting at `pos`; fills the view, `next` and `lineAfter`. */
  private scanRecord(buf: Buffer, pos: number, final: boolean): Step {
    const view = this.view;
    const delim = this.delimiter;
    const len = buf.length;
    let line = this.line;
    view.reset(buf, line, pos);
    let i = pos;
    for (;;) {
      // One field starts at i.
      if (i < len && buf[i] === QUOTE) {
        let j = i + 1;
        let flags = QUOTED;
        const lineAtQuote = line;
        for (;;) {
          // The next quote, counting the line endings on the way (a JS loop: fields are short, and a
          // native indexOf per field costs more than it saves).
          let q = j;
          while (q < len) {
            const c = buf[q];
            if (c === QUOTE) break;
            if (c === LF || (c === CR && buf[q + 1] !== LF)) line++;
            q++;
          }
          if (q === len) q = -1;
          if (q === -1 || (q + 1 === len && !final)) {
            if (!final) return Step.NeedMore;
            // Reject only up to the end of the line the quote opened on, and read on from there:
            // one stray quote must not swallow the rest of the file.
            const eol = lineEnd(buf, i);
            return this.fail(buf, eol === -1 ? len : eol, lineAtQuote, 'quote opened here is never closed');
          }
          if (buf[q + 1] === QUOTE) {
            flags = QUOTED | DOUBLED;
            j = q + 2;
            continue;
          }
          view.push(i + 1, q, flags);
          i = q + 1;
          break;
        }
        if (i < len && buf[i] !== delim && buf[i] !== LF && buf[i] !== CR) {
          const eol = lineEnd(buf, i);
          // A CR at the end of the block may be half of a CRLF: wait for the next block to tell.
          if ((eol === -1 || (buf[eol] === CR && eol + 1 === len)) && !final) return Step.NeedMore;
          return this.fail(buf, eol === -1 ? len : eol, line, 'text after a closing quote');
        }
      } else {
        let j = i;
        while (j < len) {
          const c = buf[j];
          if (c === delim || c === LF || c === CR) break;
          j++;
        }
        view.push(i, j, 0);
        i = j;
      }
      // i is at a delimiter, a line ending, or the end of the buffer.
      if (i >= len) {
        if (!final) return Step.NeedMore;
        view.end = len;
        this.next = len;
        this.lineAfter = line;
        return Step.Done;
      }
      const c = buf[i];
      if (c === delim) {
        i++;
        continue;
      }
      view.end = i;
      if (c === CR) {
        if (i + 1 >= len && !final) return Step.NeedMore;
        i += buf[i + 1] === LF ? 2 : 1;
      } else {
        i++;
      }
      this.next = i;
      this.lineAfter = line + 1;
      return Step.Done;
    }
  }

  /** Marks the current record as broken up to `eol`; scanning resumes after that line ending. */
  private fail(buf: Buffer, eol: number, line: number, message: string): Step {
    this.view.end = eol;
    this.errorMessage = message;
    let next = eol;
    if (next < buf.length) next += buf[next] === CR && buf[next + 1] === LF ? 2 : 1;
    this.next = next;
    this.lineAfter = line + 1;
    return Step.Done;
  }
}

/** Index of the next LF or CR at or after `from`, or -1. */
function lineEnd(buf: Buffer, from: number): number {
  for (let k = from; k < buf.length; k++) if (buf[k] === LF || buf[k] === CR) return k;
  return -1;
}
