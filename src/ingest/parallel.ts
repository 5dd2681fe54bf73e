/**
 * Big delegation logs are read in parallel: the file after its first range is cut into byte ranges at
 * line feeds, worker threads scan and validate the ranges exactly as the serial reader would
 * (parallel-worker.ts) and send back packed rows, rejected rows and counts; this thread hands them to
 * the sink and the problem log in file order, with line numbers made absolute.
 *
 * A line feed inside a quoted field is not a record boundary, and a worker cannot know that from where
 * it starts: so each range's start is only a guess, checked when the range before it has been read (it
 * must end exactly on a record boundary). On a wrong guess, or any failure in a worker, the rest of the
 * file is read serially from the last boundary known to be right: the result never depends on the cut.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CalDate } from '../model/dates';
import type { DelegationRow } from '../model/records';
import type { Problem } from './problems';
import type { ReadProgress } from './progress-bar';
import { type FileReader, type InputOptions, type ResumeState, type RowCounts, type RowSink, CHUNK_BYTES, SNIFF_BYTES, pump } from './reader';

export interface ParallelTuning {
  /** Files smaller than this are read serially. */
  minBytes: number;
  /** Size of a range (the first one is at least the bytes encoding and delimiter are detected on). */
  rangeBytes: number;
  /** Worker threads (0: always serial). */
  workers: number;
}

/** Ranges taken from workers, and serial restarts after a wrong guess or a failure (for tests and tuning). */
export const parallelStats = { rangesTaken: 0, fallbacks: 0 };

const WORKER_SCRIPT = join(__dirname, 'parallel-worker.js');

export const PARALLEL: ParallelTuning = {
  minBytes: 16 << 20,
  rangeBytes: 4 << 20,
  workers: workerCount(process.env.VISITSTAT_WORKERS),
};

/**
 * VISITSTAT_WORKERS=N (N >= 1) turns parallel reading on; by default files are read serially: on the
 * 2-core machine it was measured on, two workers took as long as the serial reader, for 80% more CPU
 * (README, Performance). `auto` takes one worker per core, at most 4.
 */
function workerCount(env: string | undefined): number {
  if (env?.trim() === 'auto') return Math.min(availableParallelism(), 4);
  const n = env === undefined || env.trim() === '' ? 0 : Number(env);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/** A range for a worker: bytes [start, end) of the file; `last` when it runs to the end of the file. */
export interface RangeTask {
  index: number;
  start: number;
  end: number;
  last: boolean;
  /** Columns of a delivered result, sent back to be filled again. */
  recycled?: PackedRows;
}

export interface WorkerSetup {
  path: string;
  name: string;
  options: InputOptions;
  state: ResumeState;
}

/** Accepted rows of a range, columns packed; strings, dates and lists as ids into per-worker tables. */
export interface PackedRows {
  length: number;
  date: Int32Array;
  people: Float64Array;
  /** NaN for no figure. */
  nights: Float64Array;
  /** -1 for empty. */
  origin: Int32Array;
  region: Int32Array;
  type: Int32Array;
  purposes: Int32Array;
  /** Table entries first seen in this range, appended in id order. */
  newDates: CalDate[];
  newStrings: string[];
  newLists: string[][];
}

export interface RangeResult {
  index: number;
  /** Set when the worker could not read the range (then the rest is read serially). */
  failed?: string;
  clean: boolean;
  /** Line (relative to the range, 1-based) where a next record would start. */
  nextLine: number;
  counts: RowCounts;
  rows: PackedRows;
  /** Rejected rows in order, lines relative to the range. */
  rejects: { problems: Problem[]; raw: string }[];
}

/** Per worker: the tables its ids point into, grown as its results arrive. */
class Tables {
  readonly dates: CalDate[] = [];
  readonly strings: string[] = [];
  readonly lists: (readonly string[])[] = [];

  add(rows: PackedRows): void {
    for (const d of rows.newDates) this.dates.push(Object.freeze(d));
    for (const s of rows.newStrings) this.strings.push(s);
    for (const l of rows.newLists) this.lists.push(Object.freeze(l));
  }

  deliver(rows: PackedRows, sink: RowSink): void {
    const { dates, strings, lists } = this;
    const str = (id: number) => (id < 0 ? null : strings[id]);
    for (let i = 0; i < rows.length; i++) {
      const nights = rows.nights[i];
      const row: DelegationRow = {
        date: dates[rows.date[i]],
        people: rows.people[i],
        origin: str(rows.origin[i]),
        region: str(rows.region[i]),
        type: str(rows.type[i]),
        nights: Number.isNaN(nights) ? null : nights,
        purposes: lists[rows.purposes[i]] as string[],
      };
      sink.delegation(row);
    }
  }
}

/**
 * Reads `source` with workers when it is big enough and of a kind that can be split; returns false,
 * having read nothing, when it should be read serially instead.
 */
export async function readInParallel(
  file: FileReader,
  source: string,
  progress: ReadProgress | null,
  tuning: ParallelTuning,
): Promise<boolean> {
  if (tuning.workers < 1 || !existsSync(WORKER_SCRIPT)) return false;
  const size = statSync(source).size;
  if (size < tuning.minBytes) return false;
  // The first range is read here, in the chunks the serial reader would use, to detect encoding,
  // delimiter and header alike; workers start when it is done.
  const first = Math.max(SNIFF_BYTES, Math.min(tuning.rangeBytes, CHUNK_BYTES));
  const cuts = cutPoints(source, size, first, tuning.rangeBytes);
  await pump(file, source, progress, 0, cuts[0]);
  const state = cuts[0] < size ? file.handoff() : null;
  if (!state) {
    await pump(file, source, progress, cuts[0]);
    return true;
  }
  const tasks: RangeTask[] = cuts.map((start, i) => ({
    index: i,
    start,
    end: i + 1 < cuts.length ? cuts[i + 1] : size,
    last: i + 1 === cuts.length,
  }));
  const resumeFrom = await runWorkers(tasks, { path: source, name: file.name, options: file.options, state }, tuning.workers, file, progress);
  if (resumeFrom !== null) await pump(file, source, progress, resumeFrom);
  return true;
}

/**
 * Guessed record boundaries: the byte after the first line feed at or after `first`, then every
 * `step` bytes; strictly increasing, all before the end of the file.
 */
export function cutPoints(source: string, size: number, first: number, step: number): number[] {
  const fd = openSync(source, 'r');
  try {
    const cuts: number[] = [];
    const probe = Buffer.allocUnsafe(64 * 1024);
    let at = first;
    while (at < size) {
      const cut = afterLineFeed(fd, probe, at - 1, size);
      if (cut >= size) break;
      cuts.push(cut);
      at = Math.max(cut, at) + step;
    }
    return cuts.length > 0 ? cuts : [size];
  } finally {
    closeSync(fd);
  }
}

function afterLineFeed(fd: number, probe: Buffer, from: number, size: number): number {
  for (let pos = from; pos < size; ) {
    const n = readSync(fd, probe, 0, probe.length, pos);
    if (n <= 0) break;
    const lf = probe.subarray(0, n).indexOf(0x0a);
    if (lf >= 0) return pos + lf + 1;
    pos += n;
  }
  return size;
}

/**
 * Runs the ranges on a pool of workers, a few ranges ahead of the one being delivered (memory stays
 * bounded), and delivers them in file order. Returns null when every range was taken, or the byte
 * offset to read on from serially.
 */
async function runWorkers(
  tasks: RangeTask[],
  setup: WorkerSetup,
  count: number,
  file: FileReader,
  progress: ReadProgress | null,
): Promise<number | null> {
  const workers = Array.from({ length: Math.min(count, tasks.length) }, () => new Worker(WORKER_SCRIPT, { workerData: setup }));
  const tables = workers.map(() => new Tables());
  const results = new Map<number, Promise<RangeResult>>();
  // Ranges in flight: each worker has the next one queued while it reads one; memory stays bounded.
  const ahead = workers.length + 1;
  // Worker w takes ranges w, w + n, w + 2n...: its results arrive in the order it was given them.
  const waiting = workers.map(() => [] as ((r: RangeResult) => void)[]);
  workers.forEach((worker, w) => {
    worker.on('message', (r: RangeResult) => {
      if (!r.failed) tables[w].add(r.rows);
      waiting[w].shift()!(r);
    });
    const fail = (e: unknown) => {
      for (const resolve of waiting[w].splice(0)) resolve(failedResult(String(e)));
    };
    worker.on('error', fail);
    worker.on('exit', () => fail('worker exited'));
  });
  const send = (i: number, recycled?: PackedRows) => {
    if (i >= tasks.length || results.has(i)) return;
    const w = i % workers.length;
    results.set(i, new Promise((resolve) => waiting[w].push(resolve)));
    if (!recycled) return workers[w].postMessage(tasks[i]);
    const columns = [recycled.date, recycled.people, recycled.nights, recycled.origin, recycled.region, recycled.type, recycled.purposes];
    const empty = { ...recycled, newDates: [], newStrings: [], newLists: [] };
    workers[w].postMessage({ ...tasks[i], recycled: empty }, columns.map((c) => c.buffer as ArrayBuffer));
  };
  try {
    for (let i = 0; i < ahead; i++) send(i);
    for (const task of tasks) {
      const result = await results.get(task.index)!;
      results.delete(task.index);
      // The range started on a true boundary (the one before ended cleanly); if it does not end on
      // one, its last record runs into the next range and both guesses after it are void.
      if (result.failed || (!result.clean && !task.last)) {
        parallelStats.fallbacks++;
        return task.start;
      }
      parallelStats.rangesTaken++;
      const lineOffset = file.nextLine - 1;
      tables[task.index % workers.length].deliver(result.rows, file.sink);
      for (const r of result.rejects) {
        file.problems.reject(r.problems.map((p) => ({ ...p, line: p.line + lineOffset })), r.raw);
      }
      file.absorb(result.counts, lineOffset + result.nextLine);
      progress?.advance(task.end - task.start);
      // The columns of a delivered range go back out with the next range sent, to be filled again.
      send(task.index + ahead, result.rows);
    }
    return null;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function failedResult(reason: string): RangeResult {
  const none = new Int32Array(0);
  const rows: PackedRows = { length: 0, date: none, people: new Float64Array(0), nights: new Float64Array(0), origin: none, region: none, type: none, purposes: none, newDates: [], newStrings: [], newLists: [] };
  return { index: -1, failed: reason, clean: false, nextLine: 1, counts: { rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, rowsOutOfRange: 0 }, rows, rejects: [] };
}
