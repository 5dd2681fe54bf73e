/**
 * A progress bar on stderr for long reads: only when stderr is a terminal, only for files (stdin has
 * no known size), and only once a file has taken more than a second, so short runs and pipes,
 * cron and redirected stderr never see it. The bar is cleared when the file is done.
 */
import { statSync } from 'node:fs';
import type { SingleBar } from 'cli-progress';
import { escapeControls } from '../messages';

/** A read shorter than this shows no bar. */
export const SHOW_AFTER_MS = 1000;

export interface ProgressTarget {
  isTTY?: boolean;
  write(text: string): boolean;
}

export class ReadProgress {
  private bar: SingleBar | null = null;
  private done = 0;
  private readonly startedAt: number;

  constructor(
    private readonly name: string,
    private readonly totalBytes: number,
    private readonly stream: ProgressTarget,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  /** A bar for reading `source`, or null when none may be shown (stdin, not a terminal, unknown size). */
  static forSource(source: string, name: string, stream: ProgressTarget = process.stderr): ReadProgress | null {
    if (source === '-' || !stream.isTTY) return null;
    try {
      const size = statSync(source).size;
      return size > 0 ? new ReadProgress(name, size, stream) : null;
    } catch {
      return null; // the read itself will report why the file cannot be opened
    }
  }

  advance(bytes: number): void {
    // Bytes read twice (a part a worker could not finish is read again) never push it past the end.
    this.done = Math.min(this.totalBytes, this.done + bytes);
    if (this.bar) this.bar.update(this.done);
    else if (this.now() - this.startedAt >= SHOW_AFTER_MS) this.show();
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }

  private show(): void {
    // Loaded only here: most runs never show a bar, and startup time matters.
    const { SingleBar } = require('cli-progress') as typeof import('cli-progress');
    this.bar = new SingleBar({
      stream: this.stream as NodeJS.WritableStream,
      format: `${escapeControls(this.name)} [{bar}] {percentage}% | {value}/{total} MB | {eta_formatted} left`,
      formatValue: (value, _options, type) => (type === 'value' || type === 'total' ? (value / 1e6).toFixed(0) : String(value)),
      clearOnComplete: true,
      hideCursor: true,
      fps: 10,
    });
    this.bar.start(this.totalBytes, this.done);
  }
}
