/**
 * Many short samples of 32-bit integers (the sizes of groups of a few delegations each), each named
 * by a number, side by side in typed arrays: a sample of up to INLINE values costs 4 bytes a value
 * and one byte for its length, not an object. A sample that would grow past INLINE is the caller's
 * to move into an IntSample (add() says so). Descriptions are exact: equal, to the last bit, to
 * describeSorted of the same values sorted.
 *
 * add() is O(1) amortised; describe() O(1) (at most INLINE values to sort).
 */
import { type Description, describeSorted } from './describe';
import type { IntSample } from './int-sample';

/** Most values a short sample holds. */
export const INLINE = 4;
const INITIAL_ROOM = 16;

export interface ShortSamplesData {
  size: number;
  lengths: Uint8Array;
  values: Int32Array;
}

export class ShortSamples {
  private used = 0;
  /** lengths[id]: how many values sample id holds. */
  private lengths: Uint8Array = new Uint8Array(INITIAL_ROOM);
  /** Sample id's values at values[id * INLINE ...]. */
  private values: Int32Array = new Int32Array(INITIAL_ROOM * INLINE);
  /** For describe(): one view per length over one scratch array. */
  private readonly scratch = new Int32Array(INLINE);
  private readonly views = Array.from({ length: INLINE + 1 }, (_, n) => this.scratch.subarray(0, n));

  /** How many samples there are (ids 0 .. size - 1). */
  get size(): number {
    return this.used;
  }

  /** A new empty sample; returns its id. */
  create(): number {
    if (this.used === this.lengths.length) this.grow();
    return this.used++;
  }

  /**
   * Adds the value and returns true, or returns false (adding nothing) when the sample is full or the
   * value is not a 32-bit integer: the caller's IntSample then holds it (any whole number up to 2^53 - 1).
   */
  add(id: number, value: number): boolean {
    const n = this.lengths[id];
    if (n === INLINE || (value | 0) !== value) return false;
    this.values[id * INLINE + n] = value;
    this.lengths[id] = n + 1;
    return true;
  }

  length(id: number): number {
    return this.lengths[id];
  }

  /** The k-th value added to sample id (k < length(id)). */
  valueAt(id: number, k: number): number {
    return this.values[id * INLINE + k];
  }

  /** The sum of the values (exact: at most INLINE 32-bit integers). */
  sum(id: number): number {
    let sum = 0;
    for (let i = id * INLINE, end = i + this.lengths[id]; i < end; i++) sum += this.values[i];
    return sum;
  }

  describe(id: number): Description {
    return describeSorted(this.sorted(id));
  }

  /** Sample id's values sorted, in a scratch array that the next call overwrites. */
  sorted(id: number): Int32Array {
    const n = this.lengths[id];
    const sorted = this.views[n];
    const start = id * INLINE;
    // Insertion sort of at most INLINE values.
    for (let i = 0; i < n; i++) {
      const v = this.values[start + i];
      let j = i;
      for (; j > 0 && sorted[j - 1] > v; j--) sorted[j] = sorted[j - 1];
      sorted[j] = v;
    }
    return sorted;
  }

  /** Adds every value of sample id to `target`. */
  addTo(id: number, target: IntSample): void {
    for (let i = id * INLINE, end = i + this.lengths[id]; i < end; i++) target.add(this.values[i]);
  }

  /** Empties sample id (its values moved elsewhere). */
  clear(id: number): void {
    this.lengths[id] = 0;
  }

  /** The samples as plain data (typed arrays), to cross to another thread: fromData takes it. */
  toData(): ShortSamplesData {
    const n = this.used;
    return { size: n, lengths: this.lengths.slice(0, n), values: this.values.slice(0, n * INLINE) };
  }

  static fromData(data: ShortSamplesData): ShortSamples {
    const samples = new ShortSamples();
    samples.used = data.size;
    samples.lengths = data.lengths;
    samples.values = data.values;
    return samples;
  }

  private grow(): void {
    const room = Math.max(INITIAL_ROOM, this.lengths.length * 2);
    const lengths = new Uint8Array(room);
    lengths.set(this.lengths);
    const values = new Int32Array(room * INLINE);
    values.set(this.values);
    this.lengths = lengths;
    this.values = values;
  }
}
