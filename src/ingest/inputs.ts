/**
 * Reading every input of a command under the invalid-row policy: by default all problems are listed
 * (the first 20, then a count) and the command fails; `--skip-invalid` goes on with the valid rows and
 * says how many were skipped; `--rejects FILE` keeps the rejected rows.
 */
import { InvalidDataError, UsageError } from '../errors';
import type { MergeableSink, SinkRecipe } from './parallel';
import { ProblemLog } from './problems';
import { type FileReport, type InputOptions, type RowSink, readFile } from './reader';

const PROBLEMS_SHOWN = 20;

export interface InvalidRowPolicy {
  skipInvalid: boolean;
  rejectsPath?: string;
}

export interface InputSummary {
  files: FileReport[];
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsOutOfRange: number;
}

export type Diagnostics = (line: string) => void;

export function totalsOf(files: FileReport[]): InputSummary {
  const sum = (key: 'rowsRead' | 'rowsAccepted' | 'rowsRejected' | 'rowsOutOfRange') =>
    files.reduce((n, f) => n + f[key], 0);
  return {
    files,
    rowsRead: sum('rowsRead'),
    rowsAccepted: sum('rowsAccepted'),
    rowsRejected: sum('rowsRejected'),
    rowsOutOfRange: sum('rowsOutOfRange'),
  };
}

export function checkSources(sources: string[]): void {
  if (sources.filter((s) => s === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
}

/**
 * With a `recipe` for building the same sink in a worker (the sink must then be a MergeableSink), big
 * files are read in two halves at once (src/ingest/parallel.ts); the result is the same either way.
 */
export async function readInputs(
  sources: string[],
  options: InputOptions,
  sink: RowSink,
  policy: InvalidRowPolicy,
  diagnostics: Diagnostics,
  recipe?: SinkRecipe,
): Promise<InputSummary> {
  checkSources(sources);
  const log = new ProblemLog({
    print: !policy.skipInvalid,
    printLimit: PROBLEMS_SHOWN,
    rejectsPath: policy.rejectsPath,
    write: diagnostics,
  });
  const files: FileReport[] = [];
  try {
    const parallel = recipe ? { sink: sink as MergeableSink, recipe } : undefined;
    for (const source of sources) files.push(await readFile(source, options, sink, log, parallel));
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
