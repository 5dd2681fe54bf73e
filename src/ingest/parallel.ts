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
import { isAbsolute, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Problem } from './problems';
import type { InputOptions, ResumeState, RowCounts, RowSink } from './reader';

/**
 * A sink whose state can cross to another thread and be added to another's of the same kind: the
 * models' own toData()/absorb() pair, so a model that takes rows is a MergeableSink as it is.
 */
export interface MergeableSink extends RowSink {
  /** The state as structured-clone data. */
  toData(): unknown;
  /** Adds the state (as toData() gave it) of a sink built the same way and fed other rows. */
  absorb(data: unknown): void;
}

/** How a worker builds a sink like the command's: `require(module)[factory](arg)`, module relative to dist/. */
export interface SinkRecipe {
  module: string;
  factory: string;
  arg: unknown;
}

export interface ParallelReading {
  sink: MergeableSink;
  recipe: SinkRecipe;
}

/** A row the worker rejected, its problems' lines counted from the start of its part. */
export interface HandedReject {
  problems: Problem[];
  raw: string;
}

export interface WorkerSetup {
  recipe: SinkRecipe;
  path: string;
  name: string;
  options: InputOptions;
  state: ResumeState;
  start: number;
  end: number;
}

export interface PartResult {
  counts: RowCounts;
  rejects: HandedReject[];
  data: unknown;
}

/** From the worker: bytes read so far (for the progress bar), then its part or why it failed. */
export type WorkerMessage = { progress: number } | PartResult | { failed: string };

/** Parts taken from workers, and parts read again here (for tests). */
export const parallelStats = { taken: 0, readAgain: 0 };

/** Settings, for tests and the bench: files under minBytes are read serially; workers false: always. */
export const PARALLEL = {
  minBytes: 160 << 20,
  workers: process.env.VISITSTAT_WORKERS !== '0' && availableParallelism() > 1,
};

/** The built package's folder: the worker and the sink modules run from there (not from TypeScript sources). */
const DIST = join(__dirname, '..', '..', 'dist');

/**
 * Where to cut a regular file big enough to split: just after the first line feed from its middle.
 * Only a regular file: a FIFO or /dev/stdin cannot be read at an offset.
 */
export function splitPoint(source: string): { cut: number; size: number } | null {
  if (!PARALLEL.workers) return null;
  try {
    const stat = statSync(source);
    if (!stat.isFile() || stat.size < PARALLEL.minBytes) return null;
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

  begin(setup: WorkerSetup): void {
    this.begun = true;
    this.worker.postMessage(setup);
  }

  /** The worker's part, or null when it was not begun or could not read it all. */
  result(): Promise<PartResult | null> {
    return this.begun ? this.done : Promise.resolve(null);
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/** A recipe's module: a path relative to dist/, or absolute. */
export function recipeModule(recipe: SinkRecipe): string {
  return isAbsolute(recipe.module) ? recipe.module : join(DIST, recipe.module);
}
