/**
 * Delegation rows identical in every column the file maps (date, people and nights by value; text
 * columns as written, between spaces), found without keeping the rows: each row becomes a 64-bit
 * fingerprint (the scanner's hash of its text columns, mixed here with its date and counts), looked up
 * in a table of the fingerprints met so far and their places (open addressing in typed arrays).
 *
 * Bounded: the first CHECKED_ROWS rows (in the order of the files and their lines) are compared, in a
 * table of 2 MB that stays in the processor's cache; past them the check stops, and says where. Two
 * rows with different values have the same fingerprint with a chance of about 2^-64 per pair.
 */

/**
 * The rows compared at most: 65,536. A hundred times a regency's log (hundreds of delegations a year);
 * a log of millions of rows is compared in its first rows only, and the output says where the
 * comparison stopped. Each row compared costs about a fifth of what reading it costs (its text hashed
 * by the scanner, its fingerprint mixed and looked up): for every row of a log of a million rows, 10 to
 * 15% more time (npm run bench), and a table that no longer fits the cache, each lookup then waiting
 * on memory.
 */
export const CHECKED_ROWS = 1 << 16;

/** Where a row is: its file (an index into the files started) and line. */
export interface RowPlace {
  file: number;
  line: number;
}

/** A part's rows as plain data, to cross from a reading worker (RepeatedRows.absorb). */
export interface RepeatedRowsPart {
  /** (fingerprint low, high, line) of each row compared, in order; lines the part's own. */
  rows: Int32Array;
  /** The line (in the part) of its first row not compared, when its limit was met. */
  stoppedAt: number | null;
}

export class RepeatedRows {
  /** Open addressing, at most half full: each slot's fingerprint (two words) and the place it was first met (-1: free). */
  private readonly keys: Int32Array;
  private readonly firsts: Float64Array;
  private readonly mask: number;
  /** Each row compared, in order: (fingerprint low, high, line), for a worker to hand over. */
  private readonly kept: Int32Array | null;
  /** Rows met again: their place and the first place of their fingerprint, in order. */
  private readonly again: number[] = [];
  /** Each file's first place: a row's place is its file's base plus its line. */
  private readonly bases: number[] = [];
  private base = 0;
  private lastLine = 0;
  /** Rows compared. */
  rows = 0;
  /** Where the check stopped, once a row past the limit came; null while it has not. */
  stoppedAt: RowPlace | null = null;

  /** `keep`: keep every row compared, to hand over (a reading worker's part). */
  constructor(
    private readonly limit = CHECKED_ROWS,
    keep = false,
  ) {
    let slots = 16;
    while (slots < limit * 2) slots *= 2;
    this.keys = new Int32Array(slots * 2);
    this.firsts = new Float64Array(slots).fill(-1);
    this.mask = slots - 1;
    this.kept = keep ? new Int32Array(limit * 3) : null;
  }

  /** The rows added from now on are in a new file (the next index); its places come after the last file's. */
  startFile(): void {
    if (this.bases.length > 0) this.base += this.lastLine + 1;
    this.bases.push(this.base);
    this.lastLine = 0;
  }

  get open(): boolean {
    return this.stoppedAt === null;
  }

  /** How many more rows can be compared. */
  get room(): number {
    return this.open ? this.limit - this.rows : 0;
  }

  /**
   * A batch of rows of the current file: row k is record `records[k]` of the scanner's batch, its text
   * hash at `words[hashes + 2 * records[k]]` and the word after (hashes < 0: the file has no text
   * columns), its line at `words[lines + records[k]]`; its date number, people and nights (-1: none)
   * in the other arrays. The fingerprint mixes the text hash with the date and counts, in that order.
   */
  addBatch(
    words: Int32Array,
    hashes: number,
    lines: number,
    records: Int32Array,
    dates: Int32Array,
    people: Float64Array,
    nights: Float64Array,
    count: number,
  ): void {
    for (let k = 0; k < count && this.open; k++) {
      const r = records[k];
      const p = people[k];
      const n = nights[k];
      // The date (22 bits) and the nights (10 bits: 0 none, 1 + nights below 1,022, 1,023 for more) in
      // one word, each count's high part (0 but for huge counts) in another: the words mixed in order.
      const code = n < 0 ? 0 : n < 1022 ? n + 1 : 1023;
      const counts = dates[k] | (code << 22);
      let extra = p > 0xffffffff ? (p / 4294967296) | 0 : 0;
      if (code === 1023) extra = mix(mix(extra, n >>> 0), (n / 4294967296) | 0);
      const textLow = hashes < 0 ? 0 : words[hashes + 2 * r];
      const textHigh = hashes < 0 ? 0 : words[hashes + 2 * r + 1];
      const low = finish(mix(mix(mix(textLow, counts), p >>> 0), extra));
      const high = finish(mix(mix(mix(textHigh ^ 0x5bd1e995, p >>> 0), counts), extra) ^ low);
      this.add(low, high, words[lines + r]);
    }
  }

  /** One row of the current file, by its fingerprint and line. */
  private add(low: number, high: number, line: number): void {
    if (this.rows === this.limit) {
      this.stoppedAt = { file: this.bases.length - 1, line };
      return;
    }
    const place = this.base + line;
    const { keys, firsts, mask } = this;
    let slot = low & mask;
    for (;;) {
      const first = firsts[slot];
      if (first < 0) {
        keys[slot * 2] = low;
        keys[slot * 2 + 1] = high;
        firsts[slot] = place;
        break;
      }
      if (keys[slot * 2] === low && keys[slot * 2 + 1] === high) {
        this.again.push(place, first);
        break;
      }
      slot = (slot + 1) & mask;
    }
    const kept = this.kept;
    if (kept) {
      kept[this.rows * 3] = low;
      kept[this.rows * 3 + 1] = high;
      kept[this.rows * 3 + 2] = line;
    }
    this.rows++;
    if (line > this.lastLine) this.lastLine = line;
  }

  /** The rows compared, as a reading worker hands them over. */
  part(): RepeatedRowsPart {
    return { rows: (this.kept ?? new Int32Array(0)).slice(0, this.rows * 3), stoppedAt: this.stoppedAt?.line ?? null };
  }

  /** A later part of the current file, its lines moved on by `lineOffset`, as if read here. */
  absorb(part: RepeatedRowsPart, lineOffset: number): void {
    const { rows } = part;
    for (let at = 0; at < rows.length && this.open; at += 3) this.add(rows[at], rows[at + 1], rows[at + 2] + lineOffset);
    if (part.stoppedAt !== null && this.open) this.stoppedAt = { file: this.bases.length - 1, line: part.stoppedAt + lineOffset };
  }

  /**
   * Each set of rows with the same fingerprint, in the order of their first row; each set's rows in
   * order. Empty when no row repeats another.
   */
  repeated(): RowPlace[][] {
    const byFirst = new Map<number, number[]>();
    for (let k = 0; k < this.again.length; k += 2) {
      const first = this.again[k + 1];
      let group = byFirst.get(first);
      if (group === undefined) byFirst.set(first, (group = [first]));
      group.push(this.again[k]);
    }
    return [...byFirst.values()].sort((a, b) => a[0] - b[0]).map((group) => group.map((place) => this.placeOf(place)));
  }

  /** A place as file and line: the last file whose base is at most the place. */
  private placeOf(place: number): RowPlace {
    let file = this.bases.length - 1;
    while (file > 0 && this.bases[file] > place) file--;
    return { file, line: place - this.bases[file] };
  }
}

/** One value into a 32-bit lane of the fingerprint (a multiply, a rotation: MurmurHash3's step). */
function mix(h: number, value: number): number {
  h = Math.imul(h ^ value, 0xcc9e2d51);
  return Math.imul((h << 15) | (h >>> 17), 0x1b873593);
}

/** MurmurHash3's finaliser: every input bit reaches every output bit. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
