/**
 * A sample of whole numbers up to 2^53 − 1 in magnitude (group sizes) kept mostly as a count per value: adding a value is
 * one increment in a small array that stays in cache, the sample needs no sorting, and its
 * description is exactly the one of the same values sorted (see describe()).
 *
 * The counts cover a window of consecutive values. Values outside it are kept as they come (the
 * "spill", 4 bytes each, like a GrowableArray); once there are at least as many of them as the
 * window that would cover everything has slots, the window is rebuilt to cover them all and the
 * spill is emptied. So the counts never take more memory than the values they replaced, a sample
 * of values spread too widely simply stays a plain array, and each value is moved at most a few
 * times (amortised O(1) per value).
 */
import { GrowableArray, sortIntegers } from './growable-array';
import { type Description, describeSorted, quantileNumerators } from './describe';
import { quantileOfOrdered } from './quantile';
import { addRepeatedly } from './repeated-sum';

const NO_COUNTS = new Float64Array(0);
/** A window is never smaller: fewer spilled values are cheaper as they are. */
const MIN_WINDOW = 16;
/** While largest magnitude x count stays below this, every partial sum is exact, in whatever order. */
const EXACT_LIMIT = 2 ** 53;

export interface IntSampleData {
  base: number;
  counts: Float64Array;
  spill: Float64Array;
}

export class IntSample {
  /** counts[i]: how many times the value base + i was added (doubles: exact far beyond 2^31). */
  private counts: Float64Array = NO_COUNTS;
  private base = 0;
  private spill = new GrowableArray('float64');
  /** Smallest and largest spilled value; meaningless while the spill is empty. */
  private spillMin = 0;
  private spillMax = 0;

  /** Throws RangeError for a value that is not a whole number of at most 2^53 − 1 in magnitude. */
  add(value: number): void {
    const i = value - this.base;
    // The window's bases are whole numbers: i is one exactly when the value is.
    if (i >= 0 && i < this.counts.length && (i | 0) === i) this.counts[i]++;
    else this.addOutside(value);
  }

  get length(): number {
    let n = this.spill.length;
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) n += counts[i];
    return n;
  }

  /** The sample as plain data, to cross to another thread (see fromData). */
  toData(): IntSampleData {
    return { base: this.base, counts: this.counts.slice(), spill: Float64Array.from(this.spill.values()) };
  }

  static fromData(data: IntSampleData): IntSample {
    const sample = new IntSample();
    sample.counts = data.counts;
    sample.base = data.base;
    for (let k = 0; k < data.spill.length; k++) sample.add(data.spill[k]);
    return sample;
  }

  /** Adds every value of another sample (the other is left as it was). */
  mergeFrom(other: IntSample): void {
    const [first, last] = occupied(other.counts);
    if (first <= last) {
      const lo = other.base + first;
      const hi = other.base + last;
      if (!this.covers(lo, hi)) {
        const range = this.extentsWith(lo, hi);
        const slots = windowSize(range[1] - range[0] + 1);
        if (slots <= this.length + other.length) this.rebuild(range[0], range[1], slots);
      }
      const counts = other.counts;
      if (this.covers(lo, hi)) {
        const offset = other.base - this.base;
        for (let i = first; i <= last; i++) this.counts[i + offset] += counts[i];
      } else {
        // Far apart and sparse: as values, which is what they would have been anyway.
        for (let i = first; i <= last; i++) for (let k = 0; k < counts[i]; k++) this.add(other.base + i);
      }
    }
    const spilled = other.spill.values();
    for (let k = 0; k < spilled.length; k++) this.add(spilled[k]);
  }

  /** The sum of the values, the same number as describe().sum, without the rest of the description (to rank groups). */
  sum(): number {
    if (this.spill.length > 0) return this.describe().sum;
    const { counts, base } = this;
    const [first, last] = occupied(counts);
    let n = 0;
    let sum = 0;
    // In the order describe() adds them; an empty count adds nothing (a zero).
    for (let i = first; i <= last; i++) {
      n += counts[i];
      sum += (base + i) * counts[i];
    }
    return n === 0 ? 0 : exactSum(sum, counts, base, first, last, n);
  }

  /**
   * Count, sum, mean, quantiles, extremes and standard deviation: equal to the last bit to
   * describeSorted of the same values sorted, because every sum is formed in the same order (or is
   * of integers small enough to be exact in any order). Two passes over the window, none over the values.
   */
  describe(): Description {
    if (this.spill.length > 0) return describeSorted(sortIntegers(this.expanded()));
    const counts = this.counts;
    const base = this.base;
    // ends[i]: how many values are at most base + i; the k-th smallest (0-based) is at the first i whose end exceeds k
    const ends = new Float64Array(counts.length);
    let n = 0;
    let first = -1;
    let last = -1;
    let sum = 0;
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i];
      if (c > 0) {
        if (first < 0) first = i;
        last = i;
        n += c;
        sum += (base + i) * c;
      }
      ends[i] = n;
    }
    if (n === 0) return describeSorted(new Float64Array(0));
    const min = base + first;
    const max = base + last;
    sum = exactSum(sum, counts, base, first, last, n);
    const mean = sum / n;
    const valueAt = (index: number): number => {
      let lo = first;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ends[mid] > index) hi = mid;
        else lo = mid + 1;
      }
      return base + lo;
    };
    let squares = 0;
    if (n >= 2) {
      for (let i = first; i <= last; i++) if (counts[i] > 0) squares = addRepeatedly(squares, (base + i - mean) ** 2, counts[i]);
    }
    return {
      count: n,
      sum,
      mean,
      median: quantileOfOrdered(n, 0.5, valueAt),
      p25: quantileOfOrdered(n, 0.25, valueAt),
      p75: quantileOfOrdered(n, 0.75, valueAt),
      p90: quantileOfOrdered(n, 0.9, valueAt),
      min,
      max,
      sd: n < 2 ? null : Math.sqrt(squares / (n - 1)),
      sumOfSquares: sumOfSquaresCounted(counts, base, first, last, n),
      quantileNumerators: quantileNumerators(n, valueAt),
    };
  }

  private addOutside(value: number): void {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a whole number of at most 2^53 - 1 in magnitude`);
    if (this.spill.length === 0) this.spillMin = this.spillMax = value;
    else if (value < this.spillMin) this.spillMin = value;
    else if (value > this.spillMax) this.spillMax = value;
    this.spill.push(value);
    if (this.spill.length < MIN_WINDOW) return;
    const lo = this.counts.length > 0 ? Math.min(this.base, this.spillMin) : this.spillMin;
    const hi = this.counts.length > 0 ? Math.max(this.base + this.counts.length - 1, this.spillMax) : this.spillMax;
    const slots = windowSize(hi - lo + 1);
    if (slots <= this.spill.length) this.rebuild(lo, hi, slots);
  }

  private covers(lo: number, hi: number): boolean {
    return lo >= this.base && hi < this.base + this.counts.length;
  }

  /** The smallest and largest value held, widened to include lo..hi. */
  private extentsWith(lo: number, hi: number): [number, number] {
    const [first, last] = occupied(this.counts);
    if (first <= last) {
      lo = Math.min(lo, this.base + first);
      hi = Math.max(hi, this.base + last);
    }
    if (this.spill.length > 0) {
      lo = Math.min(lo, this.spillMin);
      hi = Math.max(hi, this.spillMax);
    }
    return [lo, hi];
  }

  /** New counts over `slots` values centred on lo..hi, which must include every value held; empties the spill. */
  private rebuild(lo: number, hi: number, slots: number): void {
    const base = lo - Math.floor((slots - (hi - lo + 1)) / 2);
    const counts = new Float64Array(slots);
    if (this.counts.length > 0) {
      const [first, last] = occupied(this.counts);
      for (let i = first; i <= last; i++) counts[this.base + i - base] += this.counts[i];
    }
    const spilled = this.spill.values();
    for (let k = 0; k < spilled.length; k++) counts[spilled[k] - base]++;
    this.counts = counts;
    this.base = base;
    this.spill = new GrowableArray('float64');
  }

  /** Every value, counted ones in ascending order, then the spilled ones as they came. */
  private expanded(): Float64Array {
    const values = new Float64Array(this.length);
    let at = 0;
    for (let i = 0; i < this.counts.length; i++) {
      const end = at + this.counts[i];
      values.fill(this.base + i, at, end);
      at = end;
    }
    values.set(this.spill.values(), at);
    return values;
  }
}

/**
 * The sum of the counted values as the sorted values give it, added one at a time in ascending
 * order: for sums that may pass 2^53, where the order of the additions matters.
 */
/** `sum`, counted value by value, when it is of n values so large that the counted sum may not be exact. */
function exactSum(sum: number, counts: Float64Array, base: number, first: number, last: number, n: number): number {
  return Math.max(Math.abs(base + first), Math.abs(base + last)) * n > EXACT_LIMIT ? sumInOrder(counts, base, first, last) : sum;
}

function sumInOrder(counts: Float64Array, base: number, first: number, last: number): number {
  let sum = 0;
  for (let i = first; i <= last; i++) for (let k = 0; k < counts[i]; k++) sum += base + i;
  return sum;
}

/** The sum of the squares of the counted values: a number while it is exact, else a bigint. */
function sumOfSquaresCounted(counts: Float64Array, base: number, first: number, last: number, n: number): number | bigint {
  const largest = Math.max(Math.abs(base + first), Math.abs(base + last));
  if (largest * largest * n <= Number.MAX_SAFE_INTEGER) {
    let sum = 0;
    for (let i = first; i <= last; i++) if (counts[i] > 0) sum += (base + i) ** 2 * counts[i];
    return sum;
  }
  let sum = 0n;
  for (let i = first; i <= last; i++) if (counts[i] > 0) sum += BigInt(base + i) ** 2n * BigInt(counts[i]);
  return sum;
}

/** First and last index with a non-zero count; first > last when there is none. */
function occupied(counts: Float64Array): [number, number] {
  let first = 0;
  while (first < counts.length && counts[first] === 0) first++;
  let last = counts.length - 1;
  while (last > first && counts[last] === 0) last--;
  return first < counts.length ? [first, last] : [1, 0];
}

/** The power of two, at least MIN_WINDOW, that holds `range` consecutive values. */
function windowSize(range: number): number {
  let slots = MIN_WINDOW;
  while (slots < range) slots *= 2;
  return slots;
}
