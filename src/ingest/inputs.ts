/**
 * Reading every input of a command under the invalid-row policy: by default all problems are listed
 * (the first 20, then a count) and the command fails; `--skip-invalid` goes on with the valid rows and
 * says how many were skipped; `--rejects FILE` keeps the rejected rows. Then the checks of checks.ts
 * (figures given twice, repeated rows, implausible values) and of identical.ts (inputs with the same
 * bytes). The one door to the input layer: each file is read on one thread (reader.ts), or a big one
 * on two (parallel.ts). `validate` reads through it too (validateInputs), going on past what makes a
 * command fail, to give every verdict.
 */
import { InputError, InvalidDataError, OutputError, UsageError, VisitstatError } from '../errors';
import type { Overlap } from '../model/arrival-ledger';
import type { FileCoverage } from '../model/coverage';
import { isWorkbook, readWorkbook } from './workbook';
import type { MergeableSink, RowSink, SinkSpec } from '../model/sinks';
import { type ChecksSummary, InputChecks, PRINTED_WARNINGS, WarningLog, defaultChecks } from './checks';
import { IdenticalInputs, type SameContent, sameContentMessage } from './identical';
import { DEFAULT_SPLIT, type SplitTuning, readSplit, splitPoint } from './parallel';
import { ProblemLog } from './problems';
import {
  DEFAULT_READ,
  type FileReport,
  type RejectSink,
  fileWarnings,
  type InputOptions,
  type ReadTuning,
  STDIN,
  displayName,
  readFile,
} from './reader';

const PROBLEMS_SHOWN = 20;

export interface InvalidRowPolicy {
  skipInvalid: boolean;
  rejectsPath?: string;
}

/** A file's report as outputs show it. */
export type FileSummary = Omit<FileReport, 'coverage'>;

export interface InputSummary {
  files: FileSummary[];
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsOutOfRange: number;
  checks: ChecksSummary;
  /** What each file covers (fields and dates), in the order of `files`: for the models, not shown as it is. */
  coverage: FileCoverage[];
}

/**
 * What validate reports besides: the inputs that could not be read, those that repeat another's
 * bytes, and the arrival figures given again (as problems under --on-overlap error).
 */
export interface ValidationSummary extends InputSummary {
  unreadable: { source: string; error: string }[];
  sameContent: SameContent[];
  overlaps: readonly Overlap[];
}

export type Diagnostics = (line: string) => void;

/** What to read, into what, and how. */
export interface ReadRequest {
  options: InputOptions;
  sink: RowSink;
  /**
   * How the sink was built (it must then be a MergeableSink): a worker builds the same one, and big
   * files are read in two halves at once. The result is the same either way.
   */
  spec?: SinkSpec;
  policy: InvalidRowPolicy;
  diagnostics: Diagnostics;
  /** For tests and the bench: how files are read, never what comes of it (but for how many rows are compared for repeats). */
  tuning?: Partial<ReadTuning & SplitTuning & { checkedRows: number }>;
}

export function totalsOf(reports: FileReport[], checks: ChecksSummary): InputSummary {
  const files = reports.map(({ coverage: _, ...file }) => file);
  const sum = (key: 'rowsRead' | 'rowsAccepted' | 'rowsRejected' | 'rowsOutOfRange') => files.reduce((n, f) => n + f[key], 0);
  return {
    files,
    coverage: reports.map((r) => r.coverage),
    rowsRead: sum('rowsRead'),
    rowsAccepted: sum('rowsAccepted'),
    rowsRejected: sum('rowsRejected'),
    rowsOutOfRange: sum('rowsOutOfRange'),
    checks,
  };
}

export function checkSources(sources: string[]): void {
  if (sources.filter((s) => s === STDIN).length > 1) throw new UsageError('standard input (-) can be read only once');
}

/**
 * Whether the inputs can hold rows of one kind only: one source that is not a workbook (a CSV file or
 * standard input has one header: delegations or arrivals, never both).
 */
export function oneKindOfRows(sources: readonly string[]): boolean {
  return sources.length === 1 && (sources[0] === STDIN || !isWorkbook(sources[0]));
}

/** One input: a CSV file, or each sheet of a workbook that holds a table (told apart by content). */
export function readSource(
  source: string,
  options: InputOptions,
  sink: RowSink,
  problems: RejectSink,
  tuning: ReadTuning = DEFAULT_READ,
  checks: InputChecks | null = null,
  seen?: (chunk: Buffer) => void,
): Promise<FileReport[]> {
  if (source !== STDIN && isWorkbook(source)) return readWorkbook(source, options, sink, problems, tuning, checks);
  return readFile(source, options, sink, problems, tuning, checks, seen).then((report) => [report]);
}

/** A command's read: it fails on an invalid row (unless skipped), an unreadable input, a repeated one, or a figure given twice. */
export async function readInputs(sources: string[], request: ReadRequest): Promise<InputSummary> {
  const { policy, diagnostics } = request;
  const run = new InputRun(sources, request, false);
  await run.readAll();
  const rejected = run.files.reduce((n, f) => n + f.rowsRejected, 0);
  if (rejected > 0) {
    const read = run.files.reduce((n, f) => n + f.rowsRead, 0);
    if (!policy.skipInvalid) {
      if (run.problems.unprinted > 0) diagnostics(`... and ${run.problems.unprinted} more problems`);
      throw new InvalidDataError(
        `${rejected} invalid of ${read} rows read; fix them, or use --skip-invalid to go on without them (--rejects FILE keeps them)`,
      );
    }
    const where = policy.rejectsPath ? `; they are in ${policy.rejectsPath}` : '';
    diagnostics(`visitstat: skipped ${rejected} invalid of ${read} rows read${where}`);
  }
  return totalsOf(run.files, run.finish(true));
}

/** validate's read: every problem and warning listed, every input read that can be, and what could not said. */
export async function validateInputs(sources: string[], request: ReadRequest): Promise<ValidationSummary> {
  const run = new InputRun(sources, request, true);
  await run.readAll();
  const summary = totalsOf(run.files, run.finish(false));
  return { ...summary, unreadable: run.unreadable, sameContent: run.sameContent, overlaps: run.overlaps };
}

/** One read of every input, under one problem log and one set of checks. */
class InputRun {
  readonly files: FileReport[] = [];
  readonly unreadable: { source: string; error: string }[] = [];
  readonly sameContent: SameContent[] = [];
  readonly problems: ProblemLog;
  private readonly warnings: WarningLog;
  private readonly checks: InputChecks;

  constructor(
    private readonly sources: string[],
    private readonly request: ReadRequest,
    private readonly validating: boolean,
  ) {
    const { policy, diagnostics, options } = request;
    checkSources(sources);
    const shown = validating ? Infinity : PROBLEMS_SHOWN;
    this.problems = new ProblemLog({
      print: validating || !policy.skipInvalid,
      printLimit: shown,
      rejectsPath: policy.rejectsPath,
      write: diagnostics,
    });
    this.warnings = new WarningLog(diagnostics, validating ? Infinity : PRINTED_WARNINGS);
    this.checks = new InputChecks(options.checks ?? defaultChecks(), this.warnings, diagnostics, shown, request.tuning?.checkedRows);
  }

  async readAll(): Promise<void> {
    const { options, sink, spec, diagnostics } = this.request;
    const read: ReadTuning = { ...DEFAULT_READ, ...this.request.tuning };
    const split: SplitTuning = { ...DEFAULT_SPLIT, ...this.request.tuning };
    const identical = new IdenticalInputs(this.sources);
    const repeated = identical.repeatedFiles();
    if (repeated.length > 0 && !this.validating) throw new InputError(sameContentMessage(repeated[0]));
    for (const same of repeated) diagnostics(`visitstat: ${sameContentMessage(same)}`);
    this.sameContent.push(...repeated);
    const refuse = (same: SameContent) => {
      if (!this.validating) throw new InputError(sameContentMessage(same));
      diagnostics(`visitstat: ${sameContentMessage(same)}`);
      this.sameContent.push(same);
    };
    try {
      for (const [i, source] of this.sources.entries()) {
        if (repeated.some((same) => same.source === source)) continue;
        const afterStream = identical.repeatsStream(i);
        if (afterStream) {
          refuse(afterStream);
          continue;
        }
        const hash = identical.hashFor(i);
        let bytes = 0;
        const seen = hash
          ? (chunk: Buffer) => {
              hash.update(chunk);
              bytes += chunk.length;
            }
          : undefined;
        const workbook = source !== STDIN && isWorkbook(source);
        const cut = spec && source !== STDIN && !workbook ? splitPoint(source, split) : null;
        try {
          const reports = cut
            ? [await readSplit(source, cut, options, sink as MergeableSink, spec!, this.problems, read, split, this.checks)]
            : await readSource(source, options, sink, this.problems, read, this.checks, seen);
          for (const report of reports) {
            this.files.push(report);
            fileWarnings(report).forEach(diagnostics);
          }
        } catch (e) {
          // validate: an input that cannot be read is a verdict; an output that cannot be written stops everything.
          if (!this.validating || !(e instanceof VisitstatError) || e instanceof OutputError) throw e;
          this.unreadable.push({ source: displayName(source), error: e.message });
          diagnostics(`visitstat: ${e.message}`);
          continue;
        }
        const same = hash && identical.streamRead(i, hash, bytes);
        if (same) refuse(same);
      }
    } catch (e) {
      this.problems.close(false);
      throw e;
    }
    this.problems.close();
  }

  get overlaps(): readonly Overlap[] {
    return this.checks.overlaps;
  }

  /** The checks once everything is read (a figure given twice fails a command here). */
  finish(failOnOverlap: boolean): ChecksSummary {
    const summary = this.checks.finish(this.request.sink, failOnOverlap);
    this.warnings.close();
    return summary;
  }
}
