/**
 * Delegation rows identical in every column the file maps (date, people and nights by value; text
 * columns as written, between spaces), found without keeping the rows: each row becomes a 64-bit
 * fingerprint (the scanner's hash of its text columns, mixed here with its date and counts), noted in
 * order with its place; once asked, the fingerprints go into a table (open addressing over the rows'
 * numbers) that finds the ones met before.
 *
 * Bounded: the first CHECKED_ROWS rows (in the order of the files and their lines) are compared; past
 * them the check stops, and says where. Two rows with different values have the same fingerprint with
 * a chance of about 2^-64 per pair.
 */

/**
 * The rows compared at most: 65,536. A hundred times a regency's log (hundreds of delegations a year);
 * a log of millions of rows is compared in its first rows only, and the output says where the
 * comparison stopped. Reading notes each row's fingerprint in order (about 30 ns a row) and the table
 * is built once, at the end, over the rows' numbers (about 4 ms for 65,536 rows): looked up batch by
 * batch as the rows were read, the table had left the processor's cache while the scanner read the
 * next records, and each lookup waited on memory (120 to 150 ns a row, about 3% of a summary of a
 * million rows).
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
  /** Each row compared, in order: its fingerprint (low, high word) and its place (its file's base plus its line). */
  private readonly fingerprints: Int32Array;
  private readonly places: Float64Array;
  /** Each file's first place: a row's place is its file's base plus its line. */
  private readonly bases: number[] = [];
  private base = 0;
  private lastLine = 0;
  /** Rows compared. */
  rows = 0;
  /** Where the check stopped, once a row past the limit came; null while it has not. */
  stoppedAt: RowPlace | null = null;

  constructor(private readonly limit = CHECKED_ROWS) {
    this.fingerprints = new Int32Array(limit * 2);
    this.places = new Float64Array(limit);
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
    if (!this.open) return;
    const taken = Math.min(count, this.limit - this.rows);
    const { fingerprints, places, base } = this;
    let row = this.rows;
    for (let k = 0; k < taken; k++, row++) {
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
      fingerprints[2 * row] = low;
      fingerprints[2 * row + 1] = finish(mix(mix(mix(textHigh ^ 0x5bd1e995, p >>> 0), counts), extra) ^ low);
      places[row] = base + words[lines + r];
    }
    this.rows = row;
    if (taken > 0) this.seen(words[lines + records[taken - 1]]);
    if (taken < count) this.stoppedAt = { file: this.bases.length - 1, line: words[lines + records[taken]] };
  }

  /** One row of the current file, by its fingerprint and line; false (adding nothing) once the limit is met. */
  private add(low: number, high: number, line: number): boolean {
    if (this.rows === this.limit) {
      this.stoppedAt = { file: this.bases.length - 1, line };
      return false;
    }
    this.fingerprints[2 * this.rows] = low;
    this.fingerprints[2 * this.rows + 1] = high;
    this.places[this.rows++] = this.base + line;
    this.seen(line);
    return true;
  }

  private seen(line: number): void {
    if (line > this.lastLine) this.lastLine = line;
  }

  /** The rows compared, as a reading worker hands them over (its only file's places are its lines). */
  part(): RepeatedRowsPart {
    const rows = new Int32Array(this.rows * 3);
    for (let k = 0; k < this.rows; k++) {
      rows[3 * k] = this.fingerprints[2 * k];
      rows[3 * k + 1] = this.fingerprints[2 * k + 1];
      rows[3 * k + 2] = this.places[k];
    }
    return { rows, stoppedAt: this.stoppedAt?.line ?? null };
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
    const again = this.again();
    for (let k = 0; k < again.length; k += 2) {
      const first = again[k + 1];
      let group = byFirst.get(first);
      if (group === undefined) byFirst.set(first, (group = [first]));
      group.push(again[k]);
    }
    return [...byFirst.values()].sort((a, b) => a[0] - b[0]).map((group) => group.map((place) => this.placeOf(place)));
  }

  /**
   * The rows whose fingerprint an earlier row has, in order: (its place, the earlier row's place) each.
   * Open addressing, at most half full, over the rows' numbers (+ 1; 0: free), keyed by their fingerprints.
   */
  private again(): number[] {
    const { fingerprints, places } = this;
    let slots = 16;
    while (slots < this.rows * 2) slots *= 2;
    const table = new Int32Array(slots);
    const mask = slots - 1;
    const found: number[] = [];
    for (let k = 0; k < this.rows; k++) {
      const low = fingerprints[2 * k];
      const high = fingerprints[2 * k + 1];
      let slot = low & mask;
      for (;;) {
        const first = table[slot] - 1;
        if (first < 0) {
          table[slot] = k + 1;
          break;
        }
        if (fingerprints[2 * first] === low && fingerprints[2 * first + 1] === high) {
          found.push(places[k], places[first]);
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return found;
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
