/**
 * Invalid rows: printed as `FILE:LINE: column: reason` (up to a limit, then a count), and with
 * `--rejects FILE` written verbatim to a CSV of their own with file, line and reason. The rejects
 * file is written like `-o` (src/render/write.ts): to a temporary file renamed into place when the
 * reading is complete, so that it is never left cut mid-record, and a failure to write it is an
 * OutputError naming it, never blamed on the input.
 */
import { SHOWN_CHARS, quote } from '../messages';
import { type Output, openPiecewise } from '../render/write';

export interface Problem {
  source: string;
  line: number;
  /** Header of the offending column as written in the file; null for the whole row. */
  column: string | null;
  reason: string;
}

function formatProblem(p: Problem): string {
  return `${p.source}:${p.line}: ${p.column === null ? 'row' : columnShown(p.column)}: ${p.reason}`;
}

/** A header as written, unless it is too long for a message line (then quoted and cut). */
const columnShown = (column: string) => (column.length > SHOWN_CHARS ? quote(column) : column);

export interface ProblemLogOptions {
  /** How many problems to print before only counting them (Infinity: all). */
  printLimit: number;
  /** Print problems at all (with --skip-invalid only the count is said). */
  print: boolean;
  rejectsPath?: string;
  write: (line: string) => void;
}

/** A CSV field: quoted when it holds a quote, a comma or a line break. */
export const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Rejected rows are written in pieces of about this many characters. */
const REJECTS_BUFFER = 64 * 1024;

export class ProblemLog {
  /** Problems seen (one row can have several). */
  problemCount = 0;
  rejectedRows = 0;
  private rejects: Output | null = null;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly options: ProblemLogOptions) {
    if (options.rejectsPath) {
      this.rejects = openPiecewise(options.rejectsPath);
      this.buffer('file,line,column,reason,row\n');
    }
  }

  /** One rejected row and its problems. */
  reject(problems: Problem[], raw: string): void {
    this.rejectedRows++;
    for (const p of problems) {
      this.problemCount++;
      if (this.options.print && this.problemCount <= this.options.printLimit) this.options.write(formatProblem(p));
    }
    if (this.rejects !== null) {
      const first = problems[0];
      const reason = problems.map((p) => (p.column === null ? p.reason : `${p.column}: ${p.reason}`)).join('; ');
      const cells = [first.source, String(first.line), problems.map((p) => p.column ?? 'row').join(';'), reason, raw];
      this.buffer(cells.map(csvCell).join(',') + '\n');
    }
  }

  private buffer(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= REJECTS_BUFFER) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    this.rejects!.writeSync(text);
  }

  /** Problems not printed because of the limit. */
  get unprinted(): number {
    return this.options.print ? Math.max(0, this.problemCount - this.options.printLimit) : 0;
  }

  /**
   * Reading is over: `complete` puts the rejects file in place (rows of a run that then fails on
   * invalid data included); otherwise (an error stopped the reading) the old file stays as it was.
   */
  close(complete = true): void {
    const rejects = this.rejects;
    if (!rejects) return;
    try {
      if (!complete) return rejects.abort();
      this.flush();
      rejects.commit();
    } catch (e) {
      rejects.abort();
      throw e;
    } finally {
      this.rejects = null;
    }
  }
}
