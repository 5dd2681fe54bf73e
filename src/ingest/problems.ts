/**
 * Invalid rows: printed as `FILE:LINE: column: reason` (up to a limit, then a count), and with
 * `--rejects FILE` written verbatim to a CSV of their own with file, line and reason.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { InputError } from '../errors';

export interface Problem {
  source: string;
  line: number;
  /** Header of the offending column as written in the file; null for the whole row. */
  column: string | null;
  reason: string;
}

function formatProblem(p: Problem): string {
  return `${p.source}:${p.line}: ${p.column === null ? 'row' : p.column}: ${p.reason}`;
}

export interface ProblemLogOptions {
  /** How many problems to print before only counting them (Infinity: all). */
  printLimit: number;
  /** Print problems at all (with --skip-invalid only the count is said). */
  print: boolean;
  rejectsPath?: string;
  write: (line: string) => void;
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export class ProblemLog {
  /** Problems seen (one row can have several). */
  problemCount = 0;
  rejectedRows = 0;
  private rejectsFd: number | null = null;

  constructor(private readonly options: ProblemLogOptions) {
    if (options.rejectsPath) {
      try {
        this.rejectsFd = openSync(options.rejectsPath, 'w');
      } catch (e) {
        throw new InputError(`--rejects: cannot write ${options.rejectsPath}: ${(e as NodeJS.ErrnoException).code}`);
      }
      writeSync(this.rejectsFd, 'file,line,column,reason,row\n');
    }
  }

  /** One rejected row and its problems. */
  reject(problems: Problem[], raw: string): void {
    this.rejectedRows++;
    for (const p of problems) {
      this.problemCount++;
      if (this.options.print && this.problemCount <= this.options.printLimit) this.options.write(formatProblem(p));
    }
    if (this.rejectsFd !== null) {
      const first = problems[0];
      const reason = problems.map((p) => (p.column === null ? p.reason : `${p.column}: ${p.reason}`)).join('; ');
      const cells = [first.source, String(first.line), problems.map((p) => p.column ?? '').join(';'), reason, raw];
      writeSync(this.rejectsFd, cells.map(csvCell).join(',') + '\n');
    }
  }

  /** Problems not printed because of the limit. */
  get unprinted(): number {
    return this.options.print ? Math.max(0, this.problemCount - this.options.printLimit) : 0;
  }

  close(): void {
    if (this.rejectsFd !== null) closeSync(this.rejectsFd);
    this.rejectsFd = null;
  }
}
