/**
 * Arrival figures are never counted twice. Every figure read is kept here with its place (file and
 * line), and resolved once everything is read, by one rule:
 *
 * 1. **The same figure given twice**: the same segment (and, as dimensions are added, the same value
 *    of each) for the same span: a day, a month (or a year). `--on-overlap` decides: `error` (the
 *    default: the command fails, naming both places and both values), `first` or `last` (keep the one
 *    read first or last, in the order the files were given and their lines), `sum` (add them).
 * 2. **A coarser figure and finer ones within its span** (a month and days of that month; a year and
 *    its months or days): never added together. The finer ones win, and a coarser figure that differs
 *    from the sum of the finer ones that replace it is reported. Every figure is resolved as: its own
 *    value when no finer figure lies within its span, else the finer ones. A span is contained in the
 *    coarser spans `spansOf` lists for it, so a new level (annual figures) is one more span there.
 *
 * Kept column by column, as a million figures of a file by day, destination and country must be:
 * each figure is a handful of numbers (its place as file and line; its period, destination and
 * country as numbers of the values met), and each distinct figure key (arrival-key.ts: the breakdown,
 * segment, destination and country keys, and the span) one slot, found by its span's own small
 * open-addressing table: files go period by period, so the table in use stays in the processor's
 * cache, where one table of a million keys would be missed on every figure. Objects and text are made only for what is said (a figure given twice, a coarser figure that
 * differs), and the counted figures are handed on in batches (ArrivalBatch).
 *
 * **Counted as read**, in the common case (`asRead`): under `error` and `first` a figure's key keeps
 * its first figure, so a figure read while no figure has been given again and no month or year alone
 * has been met is final when read: its key is new (its slot the next in the order read), and it is a
 * day, never a coarser figure that finer ones replace (a later figure of its key is not counted, a
 * later coarser one loses to it). add and addBatch say so, and the caller hands those figures to the
 * sink at once; `counted` hands on only the rest. Under `last` and `sum`, a later figure changes an
 * earlier one: all wait for `resolve`. While figures are counted as read, they are only noted, not
 * filed under their keys: per key the latest day it was given for (a stamp in a table by key). In a
 * file in order of date (for each key: by destination first, or by day first), a key's next figure
 * is for a later day than its stamp, so it is new; at one for its stamp's day or an earlier one, or
 * at more keys than the table has room for, every figure so far is filed and the ledger goes on
 * filing, which finds exactly what is given again.
 *
 * Pure: no I/O, no messages; the input layer words what it finds.
 */
import { type OverlapPolicy, countryKey, destinationKey } from './arrival-key';
import { type PeriodDate, isYearDate, isoDate } from './dates';
import { grown } from './grown';
import type { ArrivalBatch, ArrivalRow } from './records';
import { ValueIndex } from './value-index';

export { OVERLAP_POLICIES, type OverlapPolicy } from './arrival-key';

/** Where a figure was read: the file as named in messages, and its line. */
export interface Place {
  source: string;
  line: number;
}

export interface PlacedArrival extends ArrivalRow, Place {}

/** A figure given again for the same span: where first, where again, and both values. */
export interface Overlap {
  first: PlacedArrival;
  again: PlacedArrival;
}

/** A coarser figure replaced by the finer ones within its span, whose sum differs from it. */
export interface CoarseMismatch {
  coarse: PlacedArrival;
  /** The sum of the finer figures used instead, how many they are, and where the first of them met is. */
  finerSum: number;
  finerCount: number;
  firstFiner: Place;
}

/**
 * The counted figures of one breakdown, handed on together: an ArrivalBatch in the ledger's code space
 * (codes number the ledger's periods and written values), and each figure's number for `placeOf`.
 */
export interface CountedBatch extends ArrivalBatch {
  readonly figure: Int32Array;
}

/**
 * The figures counted as they were read (figure numbers 0 to length - 1), column by column for the
 * checks that read every counted figure: `period` numbers `periods`; `flags` is the breakdown << 1 |
 * 1 for foreign.
 */
export interface FiguresAsRead {
  readonly length: number;
  readonly periods: readonly PeriodDate[];
  readonly period: Int32Array;
  readonly flags: Uint8Array;
  readonly count: Float64Array;
}

export interface LedgerResult {
  /** Every figure given again (in the order met), whatever the policy. */
  overlaps: Overlap[];
  /** Coarser figures left out for finer ones: how many, and those that differ from them. */
  replaced: number;
  mismatches: CoarseMismatch[];
  /** The figures counted as read (add and addBatch said so): the first of the counted figures. */
  asRead: FiguresAsRead;
  /**
   * The other figures to count, one per span and key, none inside another's span, in the order their
   * keys were first met (after those counted as read): handed to `take` a batch at a time (reused:
   * read it during the call).
   */
  counted(take: (batch: CountedBatch) => void): void;
  /** Where figure `figure` of a counted batch was read. */
  placeOf(figure: number): Place;
}

/**
 * The spans a period is a figure for, its own first, then each coarser one that contains it: a day
 * is in its month and its year, a month in its year, a year alone (an annual figure).
 */
export function spansOf(period: PeriodDate): string[] {
  const year = String(period.year);
  if (isYearDate(period)) return [year];
  const month = isoDate({ ...period, day: null });
  return period.day === null ? [month, year] : [isoDate(period), month, year];
}

/** A period as messages write it: `2017-03-09`, `2017-03`, `2017`. */
export function periodText(period: PeriodDate): string {
  return spansOf(period)[0];
}

/** A span as one number: a month alone before its days, a year alone before its months. */
function spanNumber(year: number, month: number | null, day: number | null): number {
  return (year * 13 + (month ?? 0)) * 32 + (day ?? 0);
}

/** Values of one dimension as written (null included), each numbered, with the number of its key. */
class WrittenValues {
  readonly written = new ValueIndex();
  /** Written number -> key number. */
  private keyOfWritten = new Int32Array(64);
  private readonly keys = new ValueIndex();

  constructor(private readonly fold: (written: string) => string) {}

  /** The written number of a value (a new one numbered, its key found). */
  id(written: string | null): number {
    const size = this.written.size;
    const w = this.written.add(written);
    if (w === size) {
      if (w === this.keyOfWritten.length) this.keyOfWritten = grown(this.keyOfWritten, 2 * w);
      // No value and a value whose key is empty are the same (arrival-key.ts).
      this.keyOfWritten[w] = this.keys.add(written === null ? '' : this.fold(written));
    }
    return w;
  }

  keyOf(w: number): number {
    return this.keyOfWritten[w];
  }
}

/**
 * Per code of one code space (a file's: ArrivalBatch), the number its value was given: found once per
 * code, and once for no value. A batch is read in one tight loop of array reads; the values it has not
 * met yet are looked up after, in a loop of their own.
 */
class ByCode {
  private codeSpace: object | null = null;
  /** 1 + the number (0: not met). */
  private numbers = new Int32Array(64);
  /** The number of no value (null), once met; -1 before. */
  private nullNumber = -1;

  constructor(private readonly numberOf: (value: never) => number) {}

  /** The numbers of a batch column's first n values, into out from `at`: by code where they have one. */
  fill<T>(codeSpace: object, values: readonly T[], codes: Int32Array, n: number, out: Int32Array, at: number): void {
    const numbers = this.numbersOf(codeSpace);
    const size = numbers.length;
    const nullNumber = this.nullNumber;
    let missed = 0;
    for (let i = 0; i < n; i++) {
      const code = codes[i];
      const number = code >= 0 ? (code < size ? numbers[code] - 1 : -1) : values[i] === null ? nullNumber : -1;
      out[at + i] = number;
      if (number < 0) missed++;
    }
    if (missed > 0) this.fillMissed(values, codes, n, out, at);
  }

  /** The numbers by code (1 + the number, 0: not met) of a code space: numberAt for those not met. */
  numbersOf(codeSpace: object): Int32Array {
    if (codeSpace !== this.codeSpace) {
      this.codeSpace = codeSpace;
      this.numbers.fill(0);
    }
    return this.numbers;
  }

  /** The number of values[i] (of the last code space asked for): a value without code, or not met yet. */
  numberAt<T>(values: readonly T[], codes: Int32Array, i: number): number {
    const code = codes[i];
    if (code < 0) {
      if (values[i] !== null) return (this.numberOf as (value: T) => number)(values[i]);
      if (this.nullNumber < 0) this.nullNumber = (this.numberOf as (value: T) => number)(values[i]);
      return this.nullNumber;
    }
    if (code >= this.numbers.length) this.numbers = grown(this.numbers, Math.max(2 * this.numbers.length, code + 1));
    let number = this.numbers[code] - 1;
    if (number < 0) this.numbers[code] = (number = (this.numberOf as (value: T) => number)(values[i])) + 1;
    return number;
  }

  /** The values fill() found no number for. */
  private fillMissed<T>(values: readonly T[], codes: Int32Array, n: number, out: Int32Array, at: number): void {
    for (let i = 0; i < n; i++) if (out[at + i] < 0) out[at + i] = this.numberAt(values, codes, i);
  }
}

const INITIAL_ROOM = 1024;
/** Destination and country keys a noting ledger has room for (a table of 2 MB, touched only where keys are). */
const NOTED_KEYS = 256;
/** A period's keys before its first figure is filed. */
const NO_KEYS = new Int32Array(0);
const BATCH_SIZE = 4096;
/** A figure's flags: its segment, and its file's breakdown above it. */
const FOREIGN = 1;

export class ArrivalLedger {
  // Each figure read, by its number (the order read).
  private room = INITIAL_ROOM;
  private figures = 0;
  private line = new Int32Array(INITIAL_ROOM);
  private count = new Float64Array(INITIAL_ROOM);
  private period = new Int32Array(INITIAL_ROOM);
  private flags = new Uint8Array(INITIAL_ROOM);
  private destination = new Int32Array(INITIAL_ROOM);
  private country = new Int32Array(INITIAL_ROOM);
  /** Files in the order read, and the number of the first figure of each: figures are added file by file. */
  private readonly sources: string[] = [];
  private readonly fileStarts: number[] = [];

  // Periods met, numbered: the same span has one number however it was written.
  private readonly periods: PeriodDate[] = [];
  private readonly periodBySpan = new Map<number, number>();
  private readonly destinations = new WrittenValues(destinationKey);
  private readonly countries = new WrittenValues(countryKey);
  private readonly periodCodes = new ByCode((period: PeriodDate) => this.periodId(period));
  private readonly destinationCodes = new ByCode((written: string | null) => this.destinations.id(written));
  private readonly countryCodes = new ByCode((written: string | null) => this.countries.id(written));

  // Each distinct key, a slot in the order first met: its first figure.
  private slots = 0;
  private slotFirst = new Int32Array(INITIAL_ROOM);
  /**
   * Per period, its keys: open addressing on (destination key, country key, flags), an entry 1 + the
   * slot (0: empty), a power of two entries at most 3/4 full; a slot's key is its first figure's.
   */
  private readonly keysOf: Int32Array[] = [];
  private readonly keysIn: number[] = [];
  /** Periods with keys. */
  private tables = 0;
  /** Figures given again: each one's number and its key's slot, in the order met. */
  private again = new Int32Array(64);
  private againSlot = new Int32Array(64);
  private agains = 0;
  /** Whether a month or a year alone was met: only then can a figure lie within another's span. */
  private coarse = false;
  /** The figures counted as read (the first ones), and whether figures still are. */
  private countedAsRead = 0;
  private asRead: boolean;
  /** Figures filed under their keys (the others only noted), and whether figures are noted. */
  private filed = 0;
  private noting: boolean;
  /** Noting: per key (NOTED_KEYS destination keys by as many country keys by flags), the latest span given (0: none). */
  private stamps: Int32Array | null = null;
  /** Per period number, its span (spanNumber: in order of date). */
  private spanOfPeriod = new Int32Array(64);

  /** `asRead`: figures may be counted as they are read (under `error` and `first`, see above). */
  constructor(asRead = false) {
    this.asRead = asRead;
    this.noting = asRead;
  }

  /** Files a figure; whether it is counted as read (the caller then hands it to the sink now). */
  add(row: ArrivalRow, place: Place): boolean {
    this.startFile(place.source);
    const f = this.push(place.line, row.count, this.periodId(row.period), row.segment === 'foreign', row.breakdown ?? 0);
    this.destination[f] = this.destinations.id(row.destination ?? null);
    this.country[f] = this.countries.id(row.country ?? null);
    if (!this.noting || this.coarse || !this.note(f)) this.fileAll();
    return this.stillAsRead();
  }

  /**
   * A batch's figures, read in `source` at `lines[i]`: column by column, each code's value looked up
   * once. Whether they are all counted as read (the caller then hands the batch to the sink now).
   */
  addBatch(batch: ArrivalBatch, source: string, lines: Int32Array): boolean {
    this.startFile(source);
    const n = batch.length;
    while (this.figures + n > this.room) this.grow();
    const at = this.figures;
    this.line.set(lines.subarray(0, n), at);
    this.count.set(batch.count.subarray(0, n), at);
    if (this.noting) {
      const noted = this.fillNoted(batch, at);
      this.figures += n;
      if (!noted || this.coarse) this.fileAll();
      return this.stillAsRead();
    }
    const { codeSpace } = batch;
    this.periodCodes.fill(codeSpace, batch.period, batch.periodCode, n, this.period, at);
    this.destinationCodes.fill(codeSpace, batch.destination, batch.destinationCode, n, this.destination, at);
    this.countryCodes.fill(codeSpace, batch.country, batch.countryCode, n, this.country, at);
    const breakdown = batch.breakdown << 1;
    for (let i = 0; i < n; i++) this.flags[at + i] = breakdown | batch.foreign[i];
    this.figures += n;
    this.fileAll();
    return this.stillAsRead();
  }

  /**
   * A batch's columns from `at` in one loop, each figure noted (its key's stamp set to its day)
   * until one may have been given before: its key's stamp is its day or a later one, or its key is
   * past the table's room. Whether none may have been.
   */
  private fillNoted(batch: ArrivalBatch, at: number): boolean {
    const stamps = (this.stamps ??= new Int32Array(NOTED_KEYS * NOTED_KEYS * 8));
    const { periodCodes, destinationCodes, countryCodes, destinations, countries } = this;
    const { codeSpace, period, periodCode, destination, destinationCode, country, countryCode, foreign } = batch;
    let periodNumbers = periodCodes.numbersOf(codeSpace);
    let destinationNumbers = destinationCodes.numbersOf(codeSpace);
    let countryNumbers = countryCodes.numbersOf(codeSpace);
    const breakdown = batch.breakdown << 1;
    let noted = true;
    for (let i = 0; i < batch.length; i++) {
      const pc = periodCode[i];
      let p = pc >= 0 && pc < periodNumbers.length ? periodNumbers[pc] - 1 : -1;
      if (p < 0) {
        p = periodCodes.numberAt(period, periodCode, i);
        periodNumbers = periodCodes.numbersOf(codeSpace);
      }
      const dc = destinationCode[i];
      let d = dc >= 0 && dc < destinationNumbers.length ? destinationNumbers[dc] - 1 : -1;
      if (d < 0) {
        d = destinationCodes.numberAt(destination, destinationCode, i);
        destinationNumbers = destinationCodes.numbersOf(codeSpace);
      }
      const cc = countryCode[i];
      let c = cc >= 0 && cc < countryNumbers.length ? countryNumbers[cc] - 1 : -1;
      if (c < 0) {
        c = countryCodes.numberAt(country, countryCode, i);
        countryNumbers = countryCodes.numbersOf(codeSpace);
      }
      const fl = breakdown | foreign[i];
      const f = at + i;
      this.period[f] = p;
      this.destination[f] = d;
      this.country[f] = c;
      this.flags[f] = fl;
      if (!noted) continue;
      const dKey = destinations.keyOf(d);
      const cKey = countries.keyOf(c);
      const k = (dKey * NOTED_KEYS + cKey) * 8 + fl;
      const span = this.spanOfPeriod[p];
      if (dKey >= NOTED_KEYS || cKey >= NOTED_KEYS || stamps[k] >= span) noted = false;
      else stamps[k] = span;
    }
    return noted;
  }

  /** Figure f (the last one) noted, as fillNoted notes; false when it may have been given before. */
  private note(f: number): boolean {
    const stamps = (this.stamps ??= new Int32Array(NOTED_KEYS * NOTED_KEYS * 8));
    const dKey = this.destinations.keyOf(this.destination[f]);
    const cKey = this.countries.keyOf(this.country[f]);
    const k = (dKey * NOTED_KEYS + cKey) * 8 + this.flags[f];
    const span = this.spanOfPeriod[this.period[f]];
    if (dKey >= NOTED_KEYS || cKey >= NOTED_KEYS || stamps[k] >= span) return false;
    stamps[k] = span;
    return true;
  }

  /** Every figure not yet filed, filed under its key; figures are no longer noted. */
  private fileAll(): void {
    this.noting = false;
    for (let f = this.filed; f < this.figures; f++) this.file(f);
    this.filed = this.figures;
  }

  /** Whether the figures filed since the last call are counted as read: none given again, none coarse. */
  private stillAsRead(): boolean {
    if (this.asRead && (this.agains > 0 || this.coarse)) this.asRead = false;
    if (this.asRead) this.countedAsRead = this.figures;
    return this.asRead;
  }

  get size(): number {
    return this.figures;
  }

  resolve(policy: OverlapPolicy): LedgerResult {
    if (this.countedAsRead > 0 && (policy === 'last' || policy === 'sum'))
      throw new Error(`figures counted as read cannot be resolved under ${policy}`);
    // Figures still only noted were all counted as read, none given again: nothing to resolve.
    if (this.noting)
      return { overlaps: [], replaced: 0, mismatches: [], asRead: this.figuresAsRead(), counted() {}, placeOf: (f) => this.placeOf(f) };
    // Per slot the figure kept, and its count: copies only where a figure given again changes them.
    const again = this.agains > 0;
    const kept = again && policy === 'last' ? this.slotFirst.slice(0, this.slots) : this.slotFirst;
    const keptCount = again && policy === 'sum' ? new Float64Array(this.slots) : null;
    for (let s = 0; keptCount && s < this.slots; s++) keptCount[s] = this.count[kept[s]];
    for (let k = 0; k < this.agains; k++) {
      const s = this.againSlot[k];
      if (policy === 'last') kept[s] = this.again[k];
      else if (keptCount) keptCount[s] += this.count[this.again[k]];
    }
    const overlaps: Overlap[] = [];
    for (let k = 0; k < this.agains; k++)
      overlaps.push({ first: this.placed(this.slotFirst[this.againSlot[k]]), again: this.placed(this.again[k]) });
    const { losers, replaced, mismatches } = this.finerWithin(kept, keptCount);
    // Figures counted as read are slots 0 to countedAsRead - 1 (none given again before them), each
    // kept (the policy keeps the first) and a day (never a loser).
    return {
      overlaps,
      replaced,
      mismatches,
      asRead: this.figuresAsRead(),
      counted: (take) => this.counted(kept, keptCount, losers, take),
      placeOf: (figure) => this.placeOf(figure),
    };
  }

  private figuresAsRead(): FiguresAsRead {
    const { countedAsRead: length, periods, period, flags, count } = this;
    return { length, periods, period, flags, count };
  }

  placeOf(figure: number): Place {
    // The last file that starts at or before the figure.
    let lo = 0;
    let hi = this.fileStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.fileStarts[mid] <= figure) lo = mid;
      else hi = mid - 1;
    }
    return { source: this.sources[lo], line: this.line[figure] };
  }

  /**
   * The slots with a finer figure within their span (losers: a month with days, a year with months or
   * days), and those whose figure differs from the sum of the counted figures within it.
   */
  private finerWithin(
    kept: Int32Array,
    keptCount: Float64Array | null,
  ): { losers: Uint8Array | null; replaced: number; mismatches: CoarseMismatch[] } {
    if (!this.coarse) return { losers: null, replaced: 0, mismatches: [] };
    // Per slot, the slots of its month and its year (-1: none met).
    const within = new Int32Array(2 * this.slots).fill(-1);
    const losers = new Uint8Array(this.slots);
    for (let s = 0; s < this.slots; s++) {
      const f = this.slotFirst[s];
      const { year, month, day } = this.periods[this.period[f]];
      if (month === null) continue;
      if (day !== null) within[2 * s] = this.slotWithin(f, spanNumber(year, month, null));
      within[2 * s + 1] = this.slotWithin(f, spanNumber(year, null, null));
      for (const t of [within[2 * s], within[2 * s + 1]]) if (t >= 0) losers[t] = 1;
    }
    const finerSum = new Float64Array(this.slots);
    const finerCount = new Int32Array(this.slots);
    const firstFiner = new Int32Array(this.slots).fill(-1);
    for (let s = 0; s < this.slots; s++) {
      if (losers[s]) continue;
      for (const t of [within[2 * s], within[2 * s + 1]]) {
        if (t < 0) continue;
        finerSum[t] += keptCount ? keptCount[s] : this.count[kept[s]];
        finerCount[t]++;
        if (firstFiner[t] < 0) firstFiner[t] = kept[s];
      }
    }
    let replaced = 0;
    const mismatches: CoarseMismatch[] = [];
    for (let t = 0; t < this.slots; t++) {
      if (!losers[t]) continue;
      replaced++;
      const count = keptCount ? keptCount[t] : this.count[kept[t]];
      if (finerSum[t] === count) continue;
      mismatches.push({
        coarse: { ...this.placed(kept[t]), count },
        finerSum: finerSum[t],
        finerCount: finerCount[t],
        firstFiner: this.placeOf(firstFiner[t]),
      });
    }
    return { losers, replaced, mismatches };
  }

  /** The slot of figure f's key for another span (-1: none). */
  private slotWithin(f: number, span: number): number {
    const period = this.periodBySpan.get(span);
    if (period === undefined || this.keysOf[period] === NO_KEYS) return -1;
    const d = this.destinations.keyOf(this.destination[f]);
    const c = this.countries.keyOf(this.country[f]);
    return this.keysOf[period][this.entryOf(period, d, c, this.flags[f])] - 1;
  }

  /** The entry of a key in period p's table: its slot's, or the empty one where it goes. */
  private entryOf(p: number, d: number, c: number, flags: number): number {
    const table = this.keysOf[p];
    const mask = table.length - 1;
    for (let e = hashOf(d, c, flags) & mask; ; e = (e + 1) & mask) {
      const entry = table[e];
      if (entry === 0) return e;
      const g = this.slotFirst[entry - 1];
      if (this.flags[g] === flags && this.destinations.keyOf(this.destination[g]) === d && this.countries.keyOf(this.country[g]) === c)
        return e;
    }
  }

  /** The counted figures in batches, each of one breakdown. */
  private counted(kept: Int32Array, keptCount: Float64Array | null, losers: Uint8Array | null, take: (batch: CountedBatch) => void): void {
    const batch = new LedgerBatch();
    for (let s = this.countedAsRead; s < this.slots; s++) {
      if (losers?.[s]) continue;
      const f = kept[s];
      const breakdown = this.flags[f] >> 1;
      if (batch.length === BATCH_SIZE || (batch.length > 0 && breakdown !== batch.breakdown)) {
        take(batch);
        batch.length = 0;
      }
      if (batch.length === 0) batch.startBreakdown(breakdown);
      const i = batch.length++;
      const p = this.period[f];
      const d = this.destination[f];
      const c = this.country[f];
      batch.figure[i] = f;
      batch.period[i] = this.periods[p];
      batch.periodCode[i] = p;
      batch.foreign[i] = this.flags[f] & FOREIGN;
      batch.count[i] = keptCount ? keptCount[s] : this.count[f];
      batch.destination[i] = this.destinations.written.valueOf(d);
      batch.destinationCode[i] = d;
      batch.country[i] = this.countries.written.valueOf(c);
      batch.countryCode[i] = c;
    }
    if (batch.length > 0) take(batch);
  }

  /** A figure as an object with its place, for what is said of it (an object literal: a million of them stay cheap). */
  private placed(f: number): PlacedArrival {
    const period = this.periods[this.period[f]];
    const segment = this.flags[f] & FOREIGN ? 'foreign' : 'domestic';
    const count = this.count[f];
    const { source, line } = this.placeOf(f);
    const breakdown = this.flags[f] >> 1;
    if (breakdown === 0) return { period, segment, count, source, line };
    const destination = this.destinations.written.valueOf(this.destination[f]);
    const country = this.countries.written.valueOf(this.country[f]);
    return { period, segment, count, destination, country, breakdown, source, line };
  }

  private startFile(source: string): void {
    if (this.sources.length > 0 && this.sources[this.sources.length - 1] === source) return;
    this.sources.push(source);
    this.fileStarts.push(this.figures);
  }

  /** A figure's own columns; its destination and country are set by the caller, then `file`d. */
  private push(line: number, count: number, period: number, foreign: boolean, breakdown: number): number {
    if (this.figures === this.room) this.grow();
    const f = this.figures++;
    this.line[f] = line;
    this.count[f] = count;
    this.period[f] = period;
    this.flags[f] = (breakdown << 1) | (foreign ? FOREIGN : 0);
    return f;
  }

  /** Files figure f under its key: a new slot, or a figure given again. */
  private file(f: number): void {
    const p = this.period[f];
    if (this.keysOf[p] === NO_KEYS) this.keysOf[p] = this.newKeys();
    const e = this.entryOf(p, this.destinations.keyOf(this.destination[f]), this.countries.keyOf(this.country[f]), this.flags[f]);
    const table = this.keysOf[p];
    if (table[e] !== 0) {
      if (this.agains === this.again.length) {
        this.again = grown(this.again, 2 * this.agains);
        this.againSlot = grown(this.againSlot, 2 * this.agains);
      }
      this.again[this.agains] = f;
      this.againSlot[this.agains++] = table[e] - 1;
      return;
    }
    const s = this.slots++;
    if (s === this.slotFirst.length) this.slotFirst = grown(this.slotFirst, 2 * s);
    this.slotFirst[s] = f;
    table[e] = s + 1;
    if (4 * ++this.keysIn[p] > 3 * table.length) this.widenKeys(p);
  }

  /**
   * Room for as many keys as the periods so far have on average (a file by day has as many each day):
   * at most about three entries a key in all.
   */
  private newKeys(): Int32Array {
    const average = this.slots / Math.max(1, this.tables++);
    let room = 16;
    while (room * 3 < 4 * average) room *= 2;
    return new Int32Array(room);
  }

  /** Period p's table, twice as wide. */
  private widenKeys(p: number): void {
    const old = this.keysOf[p];
    const table = new Int32Array(2 * old.length);
    const mask = table.length - 1;
    for (const entry of old) {
      if (entry === 0) continue;
      const g = this.slotFirst[entry - 1];
      let e = hashOf(this.destinations.keyOf(this.destination[g]), this.countries.keyOf(this.country[g]), this.flags[g]) & mask;
      while (table[e] !== 0) e = (e + 1) & mask;
      table[e] = entry;
    }
    this.keysOf[p] = table;
  }

  private periodId(period: PeriodDate): number {
    const span = spanNumber(period.year, period.month, period.day);
    let id = this.periodBySpan.get(span);
    if (id === undefined) {
      id = this.periods.length;
      this.periods.push(period);
      this.periodBySpan.set(span, id);
      this.keysOf.push(NO_KEYS);
      this.keysIn.push(0);
      if (id === this.spanOfPeriod.length) this.spanOfPeriod = grown(this.spanOfPeriod, 2 * id);
      this.spanOfPeriod[id] = span;
      if (period.day === null) this.coarse = true;
    }
    return id;
  }

  /** Four times the room: fewer copies of columns that grow to a million figures (room never written is never paged in). */
  private grow(): void {
    const room = this.room * 4;
    this.line = grown(this.line, room);
    this.period = grown(this.period, room);
    this.destination = grown(this.destination, room);
    this.country = grown(this.country, room);
    this.count = grown(this.count, room);
    this.flags = grown(this.flags, room);
    this.room = room;
  }
}

/** The reused batch the counted figures are handed on in. */
class LedgerBatch implements CountedBatch {
  length = 0;
  breakdown = 0;
  /**
   * The ledger's codes (its periods and written values), a code space per breakdown: a sink may file a
   * code once for its space (a period's cell), and a file's breakdown is part of what it files.
   */
  codeSpace: object = {};
  private readonly codeSpaces: object[] = [];
  readonly figure = new Int32Array(BATCH_SIZE);
  readonly period: PeriodDate[] = [];
  readonly periodCode = new Int32Array(BATCH_SIZE);
  readonly foreign = new Uint8Array(BATCH_SIZE);
  readonly count = new Float64Array(BATCH_SIZE);
  readonly destination: (string | null)[] = [];
  readonly destinationCode = new Int32Array(BATCH_SIZE);
  readonly country: (string | null)[] = [];
  readonly countryCode = new Int32Array(BATCH_SIZE);

  startBreakdown(breakdown: number): void {
    this.breakdown = breakdown;
    this.codeSpace = this.codeSpaces[breakdown] ??= {};
  }
}

/** A key's three numbers mixed (murmur3's constants), so that the low bits, which pick the entry, depend on all. */
function hashOf(d: number, c: number, flags: number): number {
  let h = Math.imul(flags, 0xcc9e2d51) ^ Math.imul(d + 0x9e3779b9, 0x1b873593);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ Math.imul(c + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
