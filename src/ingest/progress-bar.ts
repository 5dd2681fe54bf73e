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

/** The bar itself: 40 characters when there is room, never under 10. */
const BAR_MAX = 40;
const BAR_MIN = 10;
/** Of the file's name, at least this much shows before the figures after the bar are dropped. */
const NAME_MIN = 12;
/** What follows the bar, fullest first; the shorter ones are for narrow terminals. */
const TAILS = ['{percentage}% | {value}/{total} MB | {eta_formatted} left', '{percentage}% | {eta_formatted} left', '{percentage}%'];

export interface ProgressTarget {
  isTTY?: boolean;
  /** The terminal's width; 80 when unknown. */
  columns?: number;
  write(text: string): boolean;
}

/**
 * `NAME [bar] 100% | 824/824 MB | 99h59m left` in `columns` - 1 columns (the last one would wrap on
 * some terminals): the bar narrows from 40 down to 10, then the name is shortened with `…` (to no fewer
 * than 12 characters), then the figures after the bar are dropped, the size first.
 */
export function barLayout(name: string, totalBytes: number, columns: number): { format: string; barsize: number } {
  const mb = '9'.repeat(String(Math.round(totalBytes / 1e6)).length);
  const chars = [...name];
  const widest = (tail: string) =>
    tail.replace('{percentage}', '100').replace('{value}', mb).replace('{total}', mb).replace('{eta_formatted}', '99h59m').length;
  const tail =
    TAILS.find((t) => ' ['.length + '] '.length + widest(t) + BAR_MIN + Math.min(chars.length, NAME_MIN) <= columns - 1) ??
    TAILS[TAILS.length - 1];
  const room = columns - 1 - ' ['.length - '] '.length - widest(tail);
  const barsize = Math.max(BAR_MIN, Math.min(BAR_MAX, room - chars.length));
  const nameRoom = Math.max(1, room - barsize);
  const shown = chars.length <= nameRoom ? name : chars.slice(0, nameRoom - 1).join('') + '…';
  return { format: `${shown} [{bar}] ${tail}`, barsize };
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
    const { format, barsize } = barLayout(escapeControls(this.name), this.totalBytes, this.stream.columns || 80);
    this.bar = new SingleBar({
      stream: this.stream as NodeJS.WritableStream,
      format,
      barsize,
      formatValue: (value, _options, type) => (type === 'value' || type === 'total' ? (value / 1e6).toFixed(0) : String(value)),
      clearOnComplete: true,
      hideCursor: true,
      fps: 10,
    });
    this.bar.start(this.totalBytes, this.done);
  }
}
