/**
 * Values of a column looked up by the field's raw bytes, so that a value repeated on millions of rows
 * (a region, a type, a date) is decoded and parsed once and then shared: a hit costs a hash of a few
 * bytes and allocates nothing.
 *
 * A field's value is a pure function of its bytes and of whether it was quoted (`a""b` unquoted is
 * text as written; quoted, the `""` is one quote), so both make up the key. The table is bounded:
 * once a column has shown MAX_ENTRIES distinct values, or for a field longer than MAX_KEY_BYTES,
 * values are computed afresh each time, which is what the caller would do without the cache.
 */
import type { CsvRecord } from './scanner';

const MAX_ENTRIES = 1 << 16;
const MAX_KEY_BYTES = 128;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

export class FieldCache<T> {
  /** Open addressing: entry index + 1 per slot, 0 when the slot is free. Kept at most half full. */
  private slots: Int32Array = new Int32Array(1024);
  private hashes: Int32Array = new Int32Array(512);
  private keyStarts: Int32Array = new Int32Array(512);
  private keyLengths: Int32Array = new Int32Array(512);
  private pool = Buffer.allocUnsafe(16 * 1024);
  private poolView: DataView = new DataView(this.pool.buffer, this.pool.byteOffset, this.pool.length);
  private viewed: Buffer | null = null;
  private view: DataView = new DataView(new ArrayBuffer(0));
  private poolUsed = 0;
  private readonly values: T[] = [];

  /** `compute` gets the field as `CsvRecord.field` decodes it. */
  constructor(private readonly compute: (text: string) => T) {}

  get(rec: CsvRecord, index: number): T {
    if (index >= rec.fieldCount) return this.compute('');
    const start = rec.fieldStart(index);
    const length = rec.fieldEnd(index) - start;
    if (length > MAX_KEY_BYTES) return this.compute(rec.field(index));
    const bytes = this.bytesOf(rec.bytes);
    // Four bytes at a time through a DataView, which the optimiser turns into single loads.
    const words = length >> 2;
    let hash = rec.fieldQuoted(index) ? FNV_OFFSET ^ 0x5a : FNV_OFFSET;
    for (let w = 0; w < words; w++) hash = Math.imul(hash ^ bytes.getInt32(start + 4 * w, true), FNV_PRIME);
    for (let k = start + 4 * words; k < start + length; k++) hash = Math.imul(hash ^ bytes.getUint8(k), FNV_PRIME);
    hash ^= hash >>> 15;
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let entry = this.slots[slot]; entry !== 0; entry = this.slots[slot]) {
      if (this.hashes[entry - 1] === hash && this.sameKey(entry - 1, bytes, start, length)) return this.values[entry - 1];
      slot = (slot + 1) & mask;
    }
    const value = this.compute(rec.field(index));
    if (this.values.length < MAX_ENTRIES) this.insert(slot, hash, rec.bytes, start, length, value);
    return value;
  }

  /** A DataView on the buffer being read; made once per buffer, not per field. */
  private bytesOf(buf: Buffer): DataView {
    if (buf !== this.viewed) {
      this.viewed = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.length);
    }
    return this.view;
  }

  private sameKey(entry: number, bytes: DataView, start: number, length: number): boolean {
    if (this.keyLengths[entry] !== length) return false;
    const pool = this.poolView;
    const at = this.keyStarts[entry];
    const words = length >> 2;
    for (let w = 0; w < words; w++) if (pool.getInt32(at + 4 * w, true) !== bytes.getInt32(start + 4 * w, true)) return false;
    for (let k = 4 * words; k < length; k++) if (pool.getUint8(at + k) !== bytes.getUint8(start + k)) return false;
    return true;
  }

  private insert(slot: number, hash: number, buf: Buffer, start: number, length: number, value: T): void {
    const entry = this.values.length;
    if (entry === this.hashes.length) this.growEntries();
    if (this.poolUsed + length > this.pool.length) this.growPool(length);
    buf.copy(this.pool, this.poolUsed, start, start + length);
    this.hashes[entry] = hash;
    this.keyStarts[entry] = this.poolUsed;
    this.keyLengths[entry] = length;
    this.poolUsed += length;
    this.values.push(value);
    this.slots[slot] = entry + 1;
    if ((entry + 1) * 2 > this.slots.length) this.rehash();
  }

  private growEntries(): void {
    const size = this.hashes.length * 2;
    this.hashes = grown(this.hashes, size);
    this.keyStarts = grown(this.keyStarts, size);
    this.keyLengths = grown(this.keyLengths, size);
  }

  private growPool(needed: number): void {
    const pool = Buffer.allocUnsafe(Math.max(this.pool.length * 2, this.poolUsed + needed));
    this.pool.copy(pool, 0, 0, this.poolUsed);
    this.pool = pool;
    this.poolView = new DataView(pool.buffer, pool.byteOffset, pool.length);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.values.length; entry++) {
      let slot = this.hashes[entry] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}

function grown(array: Int32Array, size: number): Int32Array {
  const bigger = new Int32Array(size);
  bigger.set(array);
  return bigger;
}
