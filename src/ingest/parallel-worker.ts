/**
 * A worker of parallel.ts: reads the ranges it is sent with the serial reader's own code, resumed
 * after the header, and posts back packed rows, rejected rows, counts and whether the range ended on a
 * record boundary. Strings, dates and purpose lists are numbered once per worker (the main thread
 * keeps the same tables), so a range sends only the values it saw first.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { CalDate } from '../model/dates';
import type { DelegationRow } from '../model/records';
import type { PackedRows, RangeResult, RangeTask, WorkerSetup } from './parallel';
import type { Problem } from './problems';
import { FileReader } from './reader';

class Numbering<T> {
  private readonly ids = new Map<T, number>();
  fresh: T[] = [];

  id(value: T): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
      this.fresh.push(value);
    }
    return id;
  }

  takeFresh(): T[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

/** Packs a range's rows column by column as they come (holding no row object). */
class RowPacker {
  // The row builder shares one frozen date and one list between rows that wrote them alike: numbered by identity.
  private readonly dates = new Numbering<CalDate>();
  private readonly strings = new Numbering<string>();
  private readonly lists = new Numbering<readonly string[]>();
  private rows = RowPacker.empty(1024);

  private static empty(capacity: number): PackedRows {
    const ints = () => new Int32Array(capacity);
    const doubles = () => new Float64Array(capacity);
    return { length: 0, date: ints(), people: doubles(), nights: doubles(), origin: ints(), region: ints(), type: ints(), purposes: ints(), newDates: [], newStrings: [], newLists: [] };
  }

  /**
   * A delegation row takes some 60 to 90 bytes; the columns grow if a range holds more rows. Columns
   * the main thread has handed back are filled again.
   */
  begin(bytes: number, recycled: PackedRows | undefined): void {
    const capacity = Math.max(1024, Math.ceil(bytes / 64));
    this.rows = recycled && recycled.date.length >= capacity ? { ...recycled, length: 0 } : RowPacker.empty(capacity);
  }

  delegation(row: DelegationRow): void {
    let rows = this.rows;
    if (rows.length === rows.date.length) rows = this.grow();
    const i = rows.length++;
    rows.date[i] = this.dates.id(row.date);
    rows.people[i] = row.people;
    rows.nights[i] = row.nights ?? NaN;
    rows.origin[i] = row.origin === null ? -1 : this.strings.id(row.origin);
    rows.region[i] = row.region === null ? -1 : this.strings.id(row.region);
    rows.type[i] = row.type === null ? -1 : this.strings.id(row.type);
    rows.purposes[i] = this.lists.id(row.purposes);
  }

  arrival(): void {
    throw new Error('arrivals are never read in parallel');
  }

  private grow(): PackedRows {
    const old = this.rows;
    const rows = RowPacker.empty(Math.ceil(old.date.length * 1.5));
    rows.length = old.length;
    for (const key of ['date', 'people', 'nights', 'origin', 'region', 'type', 'purposes'] as const) rows[key].set(old[key] as never);
    return (this.rows = rows);
  }

  /** The range's rows (the first `length` of each column), with the table entries they introduced. */
  take(): PackedRows {
    const r = this.rows;
    this.rows = RowPacker.empty(0);
    return {
      ...r,
      newDates: this.dates.takeFresh(),
      newStrings: this.strings.takeFresh(),
      newLists: this.lists.takeFresh() as string[][],
    };
  }
}

const setup = workerData as WorkerSetup;
const packer = new RowPacker();
const rejectLog = {
  rejects: [] as { problems: Problem[]; raw: string }[],
  reject(problems: Problem[], raw: string): void {
    this.rejects.push({ problems, raw });
  },
};
const file = FileReader.resumed(setup.name, setup.options, packer, rejectLog, setup.state);

/**
 * The range's bytes, in one buffer reused from range to range: nothing of a range outlives it (the
 * value caches copy what they keep), and a fresh buffer per range would leave the process's memory
 * to the allocator's mercy.
 */
let buffer = Buffer.alloc(0);

function readBytes(start: number, end: number): Buffer {
  if (buffer.length < end - start) buffer = Buffer.allocUnsafe(end - start);
  const fd = openSync(setup.path, 'r');
  try {
    for (let at = 0; at < end - start; ) {
      const n = readSync(fd, buffer, at, end - start - at, start + at);
      if (n <= 0) throw new Error('file shrank while being read');
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return buffer.subarray(0, end - start);
}

function readRange(task: RangeTask): RangeResult {
  const rejects: { problems: Problem[]; raw: string }[] = [];
  packer.begin(task.end - task.start, task.recycled);
  rejectLog.rejects = rejects;
  file.beginRange();
  file.feed(readBytes(task.start, task.end));
  const { counts, nextLine, clean } = file.endRange(task.last);
  return { index: task.index, clean, nextLine, counts, rows: packer.take(), rejects };
}

parentPort!.on('message', (task: RangeTask) => {
  let result: RangeResult;
  try {
    result = readRange(task);
  } catch (e) {
    // The main thread reads on serially from this range and reports any error itself.
    result = { index: task.index, failed: String(e), clean: false, nextLine: 1, counts: { rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, rowsOutOfRange: 0 }, rows: packer.take(), rejects: [] };
  }
  const r = result.rows;
  const columns = [r.date, r.people, r.nights, r.origin, r.region, r.type, r.purposes];
  parentPort!.postMessage(result, columns.map((c) => c.buffer as ArrayBuffer));
});
