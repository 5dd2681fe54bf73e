/**
 * Reading every input of a command under the invalid-row policy: by default all problems are listed
 * (the first 20, then a count) and the command fails; `--skip-invalid` goes on with the valid rows and
 * says how many were skipped; `--rejects FILE` keeps the rejected rows. The one door to the input
 * layer: each file is read on one thread (reader.ts), or a big one on two (parallel.ts).
 */
import { InvalidDataError, UsageError } from '../errors';
import type { FileCoverage } from '../model/coverage';
import { isWorkbook, readWorkbook } from './workbook';
import type { MergeableSink, RowSink, SinkSpec } from '../model/sinks';
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
  /** What each file covers (fields and dates), in the order of `files`: for the models, not shown as it is. */
  coverage: FileCoverage[];
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
  /** For tests and the bench: how files are read, never what comes of it. */
  tuning?: Partial<ReadTuning & SplitTuning>;
}

export function totalsOf(reports: FileReport[]): InputSummary {
  const files = reports.map(({ coverage: _, ...file }) => file);
  const sum = (key: 'rowsRead' | 'rowsAccepted' | 'rowsRejected' | 'rowsOutOfRange') => files.reduce((n, f) => n + f[key], 0);
  return {
    files,
    coverage: reports.map((r) => r.coverage),
    rowsRead: sum('rowsRead'),
    rowsAccepted: sum('rowsAccepted'),
    rowsRejected: sum('rowsRejected'),
    rowsOutOfRange: sum('rowsOutOfRange'),
  };
}

export function checkSources(sources: string[]): void {
  if (sources.filter((s) => s === STDIN).length > 1) throw new UsageError('standard input (-) can be read only once');
}

/** One input: a CSV file, or each sheet of a workbook that holds a table (told apart by content). */
export function readSource(
  source: string,
  options: InputOptions,
  sink: RowSink,
  problems: RejectSink,
  tuning: ReadTuning = DEFAULT_READ,
): Promise<FileReport[]> {
  if (source !== STDIN && isWorkbook(source)) return readWorkbook(source, options, sink, problems, tuning);
  return readFile(source, options, sink, problems, tuning).then((report) => [report]);
}

export async function readInputs(sources: string[], request: ReadRequest): Promise<InputSummary> {
  const { options, sink, spec, policy, diagnostics } = request;
  const read: ReadTuning = { ...DEFAULT_READ, ...request.tuning };
  const split: SplitTuning = { ...DEFAULT_SPLIT, ...request.tuning };
  checkSources(sources);
  const log = new ProblemLog({
    print: !policy.skipInvalid,
    printLimit: PROBLEMS_SHOWN,
    rejectsPath: policy.rejectsPath,
    write: diagnostics,
  });
  const files: FileReport[] = [];
  try {
    for (const source of sources) {
      const workbook = source !== STDIN && isWorkbook(source);
      const cut = spec && source !== STDIN && !workbook ? splitPoint(source, split) : null;
      const reports = cut
        ? [await readSplit(source, cut, options, sink as MergeableSink, spec!, log, read, split)]
        : await readSource(source, options, sink, log, read);
      for (const report of reports) {
        files.push(report);
        fileWarnings(report).forEach(diagnostics);
      }
    }
  } catch (e) {
    log.close(false);
    throw e;
  }
  log.close();
  const summary = totalsOf(files);
  if (summary.rowsRejected === 0) return summary;
  if (policy.skipInvalid) {
    const where = policy.rejectsPath ? `; they are in ${policy.rejectsPath}` : '';
    diagnostics(`visitstat: skipped ${summary.rowsRejected} invalid of ${summary.rowsRead} rows read${where}`);
    return summary;
  }
  if (log.unprinted > 0) diagnostics(`... and ${log.unprinted} more problems`);
  throw new InvalidDataError(
    `${summary.rowsRejected} invalid of ${summary.rowsRead} rows read; ` +
      'fix them, or use --skip-invalid to go on without them (--rejects FILE keeps them)',
  );
}
