/**
 * A typed array that grows by doubling: amortised O(1) push with no per-value object, so that
 * tens of millions of group sizes fit in 4 (int32) or 8 (float64) bytes each.
 */

export type ElementType = 'int32' | 'float64';

type Buffer = Int32Array | Float64Array;

export class GrowableArray {
  private buffer: Buffer;
  private used = 0;

  constructor(
    readonly elementType: ElementType = 'float64',
    initialCapacity = 8,
  ) {
    this.buffer = allocate(elementType, Math.max(1, initialCapacity));
  }

  get length(): number {
    return this.used;
  }

  /** Throws RangeError for a value the element type cannot hold (an int32 would wrap silently). */
  push(value: number): void {
    if (this.elementType === 'int32' && (value | 0) !== value) {
      throw new RangeError(`${value} does not fit a 32-bit integer`);
    }
    if (this.used === this.buffer.length) this.reserve(this.used + 1);
    this.buffer[this.used++] = value;
  }

  /** Appends every value of another array (merging groups). */
  append(other: GrowableArray): void {
    if (this.elementType === 'int32' && other.elementType !== 'int32') {
      throw new RangeError('cannot append float64 values to an int32 array');
    }
    this.reserve(this.used + other.used);
    this.buffer.set(other.values(), this.used);
    this.used += other.used;
  }

  /** The values in insertion order (or sorted, after sortedView), as a view: valid until the next push. */
  values(): Buffer {
    return this.buffer.subarray(0, this.used);
  }

  /**
   * Sorts the values in place and returns them as a view. Integers within a narrow range (group
   * sizes: a few hundred distinct values over millions) are counted rather than compared: O(n + range).
   */
  sortedView(): Buffer {
    const values = this.values();
    return this.elementType === 'int32' ? sortIntegers(values as Int32Array) : values.sort();
  }

  private reserve(needed: number): void {
    if (needed <= this.buffer.length) return;
    let capacity = this.buffer.length;
    while (capacity < needed) capacity *= 2;
    const grown = allocate(this.elementType, capacity);
    grown.set(this.values());
    this.buffer = grown;
  }
}

/** Sorts whole numbers in place (by counting when the range allows) and returns the same array. */
export function sortIntegers<T extends Int32Array | Float64Array>(values: T): T {
  return countingSort(values) ? values : (values.sort() as T);
}

/** Sorts by counting when the range of the values is no wider than their number; false if it is wider. */
function countingSort(values: Int32Array | Float64Array): boolean {
  if (values.length < 2) return true;
  let min = values[0];
  let max = values[0];
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  const range = max - min + 1;
  if (range > values.length) return false;
  const counts = new Int32Array(range);
  for (let i = 0; i < values.length; i++) counts[values[i] - min]++;
  let at = 0;
  for (let k = 0; k < range; k++) {
    const end = at + counts[k];
    values.fill(min + k, at, end);
    at = end;
  }
  return true;
}

function allocate(type: ElementType, capacity: number): Buffer {
  return type === 'int32' ? new Int32Array(capacity) : new Float64Array(capacity);
}
