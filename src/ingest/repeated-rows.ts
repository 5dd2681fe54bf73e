/**
 * Delegation rows identical in every column the file maps (date, people, nights by value; text
 * columns as written, between spaces), found without keeping the rows: each row is a 64-bit
 * fingerprint (the scanner's hash of its text columns, mixed with its date and counts) and its line.
 *
 * Cost, per row: the fingerprint is tested against and added to a Bloom filter of 16 bits a row (one
 * 32-bit word a row, 3 bits of it: one cache line touched), and appended to a list in file order (12
 * bytes). A row whose bits were all set already is a suspect: it may repeat an earlier row. At the
 * end, only if there are suspects, the list is read once more to gather every row whose fingerprint
 * is a suspect's: fingerprints met twice are repeated rows (a suspect met once was the filter's false
 * alarm). Memory is bounded: the first CHECKED_ROWS rows (in the order of the files and their lines)
 * are compared, about 56 MB at most; past them the check stops, and says where.
 *
 * Two rows with different values have the same fingerprint with a chance of about 2^-64 per pair: a
 * repeated row is reported only when its fingerprint is met again, so a false report would need such
 * a coincidence (about one in 10^5 for a log of 10 million rows).
 */

/** The rows compared at most: 4,194,304, about 48 MB of fingerprints and lines and 8 MB of filter. */
export const CHECKED_ROWS = 1 << 22;

/** Rows per chunk of the list: fingerprint low, high and line, three 32-bit words each. */
const CHUNK_ROWS = 1 << 14;
/** The filter starts at this many words, and doubles whenever rows outnumber twice its words (16 bits a row). */
const FIRST_WORDS = 1 << 12;

/** Where a row is: its file (an index into the files added) and line. */
export interface RowPlace {
  file: number;
  line: number;
}

/** The rows of one file, in order: chunks of (low, high, line). */
interface FileRows {
  chunks: Int32Array[];
  /** Rows in the last chunk. */
  used: number;
}

/** A part's rows as plain data, to cross from a worker (RepeatedRows.absorb). */
export interface RepeatedRowsPart {
  chunks: Int32Array[];
  used: number;
  /** The line (in the part) of the first row not compared, when the part's limit was met. */
  stoppedAt: number | null;
}

export class RepeatedRows {
  private filter = new Int32Array(FIRST_WORDS);
  private mask = FIRST_WORDS - 1;
  private readonly files: FileRows[] = [];
  private current: FileRows | null = null;
  private chunk = new Int32Array(0);
  private used = CHUNK_ROWS;
  /** Rows compared, and the suspects' fingerprints (low, high pairs). */
  rows = 0;
  private suspects: number[] = [];
  /** Where the check stopped, when a row past CHECKED_ROWS came; null while it has not. */
  stoppedAt: RowPlace | null = null;

  constructor(private readonly limit = CHECKED_ROWS) {}

  /** The rows added from now on are in a new file (the next index). */
  startFile(): void {
    this.current = { chunks: [], used: 0 };
    this.files.push(this.current);
    this.used = CHUNK_ROWS;
  }

  /** How many more rows can be compared. */
  get room(): number {
    return this.stoppedAt === null ? this.limit - this.rows : 0;
  }

  /** Whether rows are still compared (false once CHECKED_ROWS have been). */
  get open(): boolean {
    return this.stoppedAt === null;
  }

  /** One row of the current file. */
  add(low: number, high: number, line: number): void {
    if (this.rows === this.limit) {
      this.stoppedAt ??= { file: this.files.length - 1, line };
      return;
    }
    const word = high & this.mask;
    const bits = (1 << (low & 31)) | (1 << ((low >>> 5) & 31)) | (1 << ((low >>> 10) & 31));
    const filter = this.filter;
    if ((filter[word] & bits) === bits) this.suspects.push(low, high);
    else filter[word] |= bits;
    if (this.used === CHUNK_ROWS) this.newChunk();
    const at = this.used * 3;
    this.chunk[at] = low;
    this.chunk[at + 1] = high;
    this.chunk[at + 2] = line;
    this.used++;
    this.current!.used = this.used;
    if (++this.rows > this.filter.length * 2) this.growFilter();
  }

  /** The current file's rows as plain data (a worker's part, its lines counted from its start). */
  part(): RepeatedRowsPart {
    const rows = this.current ?? { chunks: [], used: 0 };
    return { chunks: rows.chunks, used: rows.used, stoppedAt: this.stoppedAt?.line ?? null };
  }

  /** Adds a later part of the current file, its lines moved on by `lineOffset`, as if read here. */
  absorb(part: RepeatedRowsPart, lineOffset: number): void {
    part.chunks.forEach((chunk, k) => {
      const rows = k === part.chunks.length - 1 ? part.used : CHUNK_ROWS;
      for (let i = 0; i < rows * 3 && this.open; i += 3) this.add(chunk[i], chunk[i + 1], chunk[i + 2] + lineOffset);
    });
    if (part.stoppedAt !== null && this.open) this.stoppedAt = { file: this.files.length - 1, line: part.stoppedAt + lineOffset };
  }

  /**
   * Each set of rows with the same fingerprint, in the order of their first row; each set's rows in
   * order. Empty when no row repeats another.
   */
  repeated(): RowPlace[][] {
    if (this.suspects.length === 0) return [];
    const wanted = new SuspectTable(this.suspects);
    const groups: RowPlace[][] = Array.from({ length: wanted.size }, () => []);
    this.files.forEach(({ chunks, used }, file) => {
      chunks.forEach((chunk, k) => {
        const rows = k === chunks.length - 1 ? used : CHUNK_ROWS;
        for (let i = 0; i < rows * 3; i += 3) {
          const g = wanted.indexOf(chunk[i], chunk[i + 1]);
          if (g >= 0) groups[g].push({ file, line: chunk[i + 2] });
        }
      });
    });
    return groups.filter((g) => g.length > 1).sort((a, b) => a[0].file - b[0].file || a[0].line - b[0].line);
  }

  private newChunk(): void {
    this.chunk = new Int32Array(CHUNK_ROWS * 3);
    this.current!.chunks.push(this.chunk);
    this.used = 0;
  }

  /** Twice the words, filled again from the rows kept (each row is re-added at most a few times). */
  private growFilter(): void {
    const filter = new Int32Array(this.filter.length * 2);
    const mask = filter.length - 1;
    for (const { chunks, used } of this.files) {
      chunks.forEach((chunk, k) => {
        const rows = k === chunks.length - 1 ? used : CHUNK_ROWS;
        for (let i = 0; i < rows * 3; i += 3) {
          const low = chunk[i];
          filter[chunk[i + 1] & mask] |= (1 << (low & 31)) | (1 << ((low >>> 5) & 31)) | (1 << ((low >>> 10) & 31));
        }
      });
    }
    this.filter = filter;
    this.mask = mask;
  }
}

/** The suspects' distinct fingerprints, each with an index, in a small open-addressing table. */
class SuspectTable {
  private readonly keys: Int32Array;
  private readonly indexes: Int32Array;
  private readonly mask: number;
  size = 0;

  constructor(pairs: number[]) {
    let slots = 16;
    while (slots < pairs.length) slots *= 2;
    this.keys = new Int32Array(slots * 2);
    this.indexes = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
    for (let k = 0; k < pairs.length; k += 2) {
      const slot = this.slotOf(pairs[k], pairs[k + 1]);
      if (this.indexes[slot] >= 0) continue;
      this.keys[slot * 2] = pairs[k];
      this.keys[slot * 2 + 1] = pairs[k + 1];
      this.indexes[slot] = this.size++;
    }
  }

  indexOf(low: number, high: number): number {
    return this.indexes[this.slotOf(low, high)];
  }

  /** The fingerprint's slot, or the free slot where it would go. */
  private slotOf(low: number, high: number): number {
    let slot = (low ^ high) & this.mask;
    while (this.indexes[slot] >= 0 && (this.keys[slot * 2] !== low || this.keys[slot * 2 + 1] !== high)) slot = (slot + 1) & this.mask;
    return slot;
  }
}
