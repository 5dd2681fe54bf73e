/**
 * Reading a big file on two threads: this thread reads the first half while a worker reads the second
 * with its own sink, and the worker's sink is merged into this one. For commands whose sinks can merge
 * (MergeableSink); the others read serially.
 *
 * A line feed inside a quoted field is not a record boundary, and the worker cannot know that from where
 * it starts: so its start is only a guess, checked when the first half has been read (it must end
 * exactly on a record boundary). On a wrong guess, or any failure in the worker (invalid UTF-8, more
 * rejected rows than it may hand over), this thread reads the second half itself: the result never
 * depends on the cut.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { MergeableSink, SinkSpec } from '../model/sinks';
import type { TrackedDates } from '../model/coverage';
import { isGzipFile } from './file-chunks';
import {
  type FileReport,
  type InputOptions,
  type ReadTuning,
  type RejectSink,
  type RejectedRow,
  type FileReader,
  type ResumeState,
  type RowCounts,
  SNIFF_BYTES,
  pump,
  withReader,
} from './reader';
import type { CheckSettings, ChecksPart, InputChecks } from './checks';

/** When a file is read on two threads; for tests and the bench. */
export interface SplitTuning {
  /** Files under this many bytes are read on one thread. */
  splitBytes: number;
  /** False: every file is read on one thread. */
  workers: boolean;
  /** Counts the parts taken from workers, and the parts read again on this thread (for tests). */
  splits?: { taken: number; readAgain: number };
}

/** `VISITSTAT_WORKERS=0` keeps to one thread. */
export const DEFAULT_SPLIT: SplitTuning = Object.freeze({
  splitBytes: 160 << 20,
  workers: process.env.VISITSTAT_WORKERS !== '0' && availableParallelism() > 1,
});

export interface WorkerSetup {
  /** How to build a sink like the command's. */
  sink: SinkSpec;
  /** The checks' settings, and how many of the part's rows to fingerprint for repeated rows. */
  checks: { settings: CheckSettings; repeatedLimit: number } | null;
  path: string;
  name: string;
  options: InputOptions;
  tuning: ReadTuning;
  state: ResumeState;
  start: number;
  end: number;
}

export interface PartResult {
  counts: RowCounts;
  dates: TrackedDates;
  rejects: RejectedRow[];
  data: unknown;
  checks: ChecksPart;
}

/** From the worker: bytes read so far (for the progress bar), then its part or why it failed. */
export type WorkerMessage = { progress: number } | PartResult | { failed: string };

/** The built package's folder: the worker runs from there (not from TypeScript sources). */
const DIST = join(__dirname, '..', '..', 'dist');

/**
 * Reads a file cut at `split`: the second half in a worker into a sink built from `spec`, merged into
 * `sink` (built from the same spec) when the first half, read here, ends where the worker began.
 */
export function readSplit(
  source: string,
  split: { cut: number; size: number },
  options: InputOptions,
  sink: MergeableSink,
  spec: SinkSpec,
  problems: RejectSink,
  tuning: ReadTuning,
  splitTuning: SplitTuning,
  checks: InputChecks | null,
): Promise<FileReport> {
  return withReader(source, options, sink, problems, tuning, checks, async (file, progress) => {
    const helper = RangeHelper.spawn(progress ? (bytes) => progress.advance(bytes) : undefined);
    try {
      // The second half goes to the worker as soon as the layout is known (from the first block, read
      // short for that); this thread reads the first half.
      const handOff = () => {
        const state = helper.started ? null : file.handoff();
        if (!state) return;
        const partChecks = checks && { settings: checks.settings, repeatedLimit: workerRowsToCheck(checks, file, split.cut) };
        helper.begin({
          sink: spec,
          checks: partChecks,
          path: source,
          name: file.name,
          options,
          tuning,
          state,
          start: split.cut,
          end: split.size,
        });
      };
      await pump(file, source, progress, 0, SNIFF_BYTES);
      file.flushHead();
      handOff();
      await pump(file, source, progress, SNIFF_BYTES, split.cut, () => {
        handOff();
        if (helper.running && tooManyGroups(sink, file, split.cut)) helper.abandon();
      });
      const result = file.atBoundary() ? await helper.result() : null;
      if (result) {
        if (splitTuning.splits) splitTuning.splits.taken++;
        file.absorb(result);
        sink.absorb(result.data);
      } else {
        // The cut fell inside a quoted field, or the worker could not finish: read on here.
        if (helper.started && splitTuning.splits) splitTuning.splits.readAgain++;
        await pump(file, source, progress, split.cut);
      }
    } finally {
      await helper.stop();
    }
  });
}

/**
 * Whether the worker's part is not worth taking: this thread's sink has more groups than a quarter of
 * the rows its half will have (at the rate of rows per byte read so far), so the worker's would cost
 * about as much to hand over and merge as to read here. A million distinct origins read on two
 * threads took twice the time of one (6M rows of 5M origins: 20 s against 13 s, 1.6 against 1.2 GB).
 */
function tooManyGroups(sink: MergeableSink, file: FileReader, cut: number): boolean {
  const groups = sink.groupCount?.();
  if (groups === undefined) return false;
  const bytes = file.bytesFed();
  return bytes > 0 && 4 * groups > (file.counts().rowsRead / bytes) * cut;
}

/**
 * How many of the second half's rows the worker fingerprints for repeated rows: none when this half,
 * at the rate of rows per byte read so far, will take every row the check compares (their fingerprints
 * would be thrown away); else as many as the check can hold. If the guess is wrong the check stops
 * earlier than it could, and says where.
 */
function workerRowsToCheck(checks: InputChecks, file: FileReader, cut: number): number {
  const room = checks.repeated.room;
  const { rowsRead } = file.counts();
  const bytes = file.bytesFed();
  const expected = bytes > 0 ? (rowsRead / bytes) * cut : 0;
  return expected > room * 1.25 ? 0 : room;
}

/**
 * Where to cut a regular file big enough to split: just after the first line feed from its middle.
 * Only a regular file, and not gzip: a FIFO or /dev/stdin cannot be read at an offset, nor gzip data
 * from its middle.
 */
export function splitPoint(source: string, tuning: SplitTuning): { cut: number; size: number } | null {
  if (!tuning.workers) return null;
  try {
    const stat = statSync(source);
    if (!stat.isFile() || stat.size < tuning.splitBytes || isGzipFile(source)) return null;
    const { size } = stat;
    const cut = afterLineFeed(source, Math.floor(size / 2), size);
    return cut < size ? { cut, size } : null;
  } catch {
    return null; // the serial reader reports why the file cannot be read
  }
}

function afterLineFeed(source: string, from: number, size: number): number {
  const fd = openSync(source, 'r');
  try {
    const probe = Buffer.allocUnsafe(64 * 1024);
    for (let pos = from; pos < size; ) {
      const n = readSync(fd, probe, 0, probe.length, pos);
      if (n <= 0) break;
      const lf = probe.subarray(0, n).indexOf(0x0a);
      if (lf >= 0) return pos + lf + 1;
      pos += n;
    }
    return size;
  } finally {
    closeSync(fd);
  }
}

/**
 * A worker reading one part of a file. It is spawned before the file's layout is known, so that its
 * start-up overlaps the reading of the first block, and begins when it is given its part.
 */
export class RangeHelper {
  private readonly done: Promise<PartResult | null>;
  private begun = false;

  private constructor(
    private readonly worker: Worker,
    progress: ((bytes: number) => void) | undefined,
  ) {
    this.done = new Promise((resolve) => {
      worker.on('message', (m: WorkerMessage) => {
        if ('progress' in m) progress?.(m.progress);
        else resolve('failed' in m ? null : m);
      });
      worker.once('error', () => resolve(null));
      worker.once('exit', () => resolve(null));
    });
  }

  /** `progress` hears of the bytes the worker reads as it goes. */
  static spawn(progress?: (bytes: number) => void): RangeHelper {
    // Loaded here: worker_threads costs a few milliseconds of start-up that small files need not pay.
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    return new RangeHelper(new Worker(join(DIST, 'ingest', 'parallel-worker.js')), progress);
  }

  get started(): boolean {
    return this.begun;
  }

  /** Begun and not abandoned. */
  get running(): boolean {
    return this.begun && !this.abandoned;
  }

  begin(setup: WorkerSetup): void {
    this.begun = true;
    this.worker.postMessage(setup);
  }

  /** The worker's part, or null when it was not begun, was abandoned or could not read it all. */
  result(): Promise<PartResult | null> {
    return this.begun && !this.abandoned ? this.done : Promise.resolve(null);
  }

  private abandoned = false;

  /** Stops the worker now: this thread reads its part. */
  abandon(): void {
    if (this.abandoned) return;
    this.abandoned = true;
    void this.worker.terminate();
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
