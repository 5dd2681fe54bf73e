/**
 * The report's four summaries of each year (by month, origin, type and purpose), counted by the
 * scanner's codes: a batch's rows are counted per (year, value) and size in one dense grid of
 * counts per dimension, with their night totals beside, and the counts reach the summaries (as samples,
 * DelegationSummarizer.addTallied) only when flushed: at the end of a file's code space, before the
 * state crosses to another thread, and before any result is read. A row costs four counts (see
 * SlotCounts for how thousands of slots are kept from missing the cache), where filing it into each
 * summary took a chain of objects per group (about 1 µs a row in all on the 1M bench file).
 *
 * A purpose list is counted by its code (the whole list): flushed, its counts go to each of its values,
 * and to the overall figures once. Memory is bounded by the slots, not the rows: at most MAX_SLOTS
 * (year, value) pairs per dimension of WINDOW counts each. A row the grid cannot take (no code, more
 * people than the window holds, MAX_NIGHTS nights or more, a value past the slots) is the caller's,
 * to file through the summaries as before.
 */
import { IntSample } from '../stats/int-sample';
import type { CalDate } from './dates';
import { grown } from './grown';
import type { DelegationBatch } from './records';

/** Sizes 0 .. WINDOW - 1 are counted; a delegation of more people takes the caller's path. */
const WINDOW = 512;
/** Most (year, value) pairs a dimension counts (2.5 KB each); rows of further values take the caller's path. */
const MAX_SLOTS = 8192;
/** Rows counted between flushes at most, so that no 32-bit count can overflow. */
const MAX_ROWS = 2 ** 32 - 1;
/** Rows a slot writes down before counting them (2 bytes each: two cache lines). */
const PENDING = 64;
/** A row written down is its size (SIZE_BITS bits) and, above, 0 (nights not known) or 1 + its nights when below NOTED_NIGHTS (1 above). */
const SIZE_BITS = 9;
const NOTED_NIGHTS = 127;
/**
 * Rows of more nights take the caller's path: below it every product of people and nights is under
 * 2^21 and every total of at most MAX_ROWS of them under 2^53, so exact whatever order they are added in.
 */
const MAX_NIGHTS = 4096;
/** Slots per page of counts (32 KB of low bytes): pages are added, never copied, as slots are made. */
const PAGE = 64;

/** The dimensions counted, as the summaries of YearDelegations are named. */
export type TallyDim = 'byMonth' | 'byOrigin' | 'byType' | 'byPurpose';
const TEXT_DIMS = ['byOrigin', 'byType', 'byPurpose'] as const;
const ALL_DIMS = ['byMonth', ...TEXT_DIMS] as const;

/** Where flushed counts go: a summary of the year's YearDelegations. */
export type TallyTarget = (
  year: number,
  dim: TallyDim,
) => { addTallied(value: unknown, sizes: IntSample, nights: ArrayLike<number>, at: number): void };

/**
 * A dimension's counted slots as plain data, to cross to another thread: slot k is of year years[k] and
 * value values[k], its count of size j at counts[k * WINDOW + j], its night totals (visitor-nights,
 * visitors and rows with nights) at nights[3 k .. 3 k + 2].
 */
export interface CountsData {
  years: number[];
  values: unknown[];
  counts: Uint32Array;
  nights: number[];
}

/**
 * The years whose rows are counted: 'all'; a report's year (its rows and the year before's, whose
 * months it compares); or 'latest', the latest year met so far and the year before (the report's
 * year when it is the latest year read: each thread of a file keeps its own latest, and a year after
 * it has no rows there). Only the summaries of those years are then whole.
 */
export type TallyYears = 'all' | 'latest' | number;

/** A ReportTally's counts as plain data: the worker's part of a file, given to the summaries by year as this thread's are. */
export type ReportTallyData = Record<TallyDim, CountsData>;

/**
 * Rows counted by slot: slot s's count of size k is high[p][x] * 256 + low[p][x], p = s / PAGE and
 * x = (s % PAGE) * WINDOW + k (the bytes counted in are 512 a slot, so that a year's origins stay
 * in the processor's cache: a quarter of the 32-bit counts they replaced); at
 * nights[3 s] the visitor-nights of its rows, and at nights[3 s + 1], nights[3 s + 2] the visitors and
 * rows without nights (the visitors and rows with nights are the rest of its counts). A row is first
 * written down in its slot's short list (PENDING rows of 2 bytes: its size, and its nights when they
 * are few), and the list counted when full, its nights added up as it is: a slot's counts and night
 * totals are touched in bursts, not row by row, so thousands of slots (a year's origins) cost about
 * what a few do; counted row by row, their counts did not stay in cache, and a row's night totals
 * (four slots' of 24 bytes) cost about as much as its counts.
 */
class SlotCounts {
  /** Per page, the low byte of each count, and the rest (count >>> 8: touched once in 256 counts). */
  private low: Uint8Array[] = [];
  private high: Uint32Array[] = [];
  nights = new Float64Array(16 * 3);
  /** Slot s's rows not yet counted (see add): pending[s * PENDING .. + waiting[s] - 1]. */
  private pending = new Uint16Array(16 * PENDING);
  private waiting = new Uint8Array(16);
  /** A slot's night totals as the summaries take them (visitor-nights, visitors and rows with nights). */
  private readonly totals = new Float64Array(3);
  /** Each slot's year and value (a date in the month, a category's value, a list). */
  readonly years: number[] = [];
  readonly values: unknown[] = [];

  get used(): number {
    return this.years.length;
  }

  /** A new slot, or -1 when there are MAX_SLOTS already. */
  create(year: number, value: unknown): number {
    const slot = this.years.length;
    if (slot === MAX_SLOTS) return -1;
    if (slot === this.waiting.length) this.grow();
    if (slot % PAGE === 0) {
      this.low.push(new Uint8Array(PAGE * WINDOW));
      this.high.push(new Uint32Array(PAGE * WINDOW));
    }
    this.years.push(year);
    this.values.push(value);
    return slot;
  }

  /**
   * One row of `size` people (0 .. WINDOW - 1) and `nights` nights (-1: not known; a whole number
   * below MAX_NIGHTS) in the slot: written down in its list with its nights, and counted when the list is full.
   */
  add(slot: number, size: number, nights: number): void {
    // Nights -1 (not known) are noted as 0.
    let noted = nights + 1;
    if (nights >= NOTED_NIGHTS) {
      this.nights[3 * slot] += size * nights;
      noted = 1;
    }
    const n = this.waiting[slot];
    this.pending[slot * PENDING + n] = size | (noted << SIZE_BITS);
    if (n + 1 < PENDING) this.waiting[slot] = n + 1;
    else this.count(slot, PENDING);
  }

  /** Counts the slot's first `n` pending rows, and adds their nights to its totals. */
  private count(slot: number, n: number): void {
    const page = Math.floor(slot / PAGE);
    const low = this.low[page];
    const pending = this.pending;
    const at = (slot % PAGE) * WINDOW;
    let visitorNights = 0;
    let visitorsWithout = 0;
    let rowsWithout = 0;
    for (let j = slot * PENDING, end = j + n; j < end; j++) {
      const entry = pending[j];
      const size = entry & (WINDOW - 1);
      const noted = entry >>> SIZE_BITS;
      const x = at + size;
      const v = (low[x] + 1) & 255;
      low[x] = v;
      if (v === 0) this.high[page][x]++;
      // Without branches (rows without nights come at random): `without` is 1 for a row without nights.
      const without = noted === 0 ? 1 : 0;
      visitorsWithout += size * without;
      rowsWithout += without;
      visitorNights += size * (noted - 1 + without);
    }
    const nights = this.nights;
    nights[3 * slot] += visitorNights;
    nights[3 * slot + 1] += visitorsWithout;
    nights[3 * slot + 2] += rowsWithout;
    this.waiting[slot] = 0;
  }

  /** The slots that have rows, as plain data (their pending rows counted first): see CountsData. */
  toData(): CountsData {
    const data: CountsData = { years: [], values: [], counts: new Uint32Array(0), nights: [] };
    const counts: Uint32Array[] = [];
    const row = new Float64Array(WINDOW);
    for (let slot = 0; slot < this.used; slot++) {
      this.count(slot, this.waiting[slot]);
      if (!this.countsOf(slot, row)) continue;
      data.years.push(this.years[slot]);
      data.values.push(this.values[slot]);
      data.nights.push(...this.totals);
      counts.push(Uint32Array.from(row));
    }
    data.counts = new Uint32Array(counts.length * WINDOW);
    counts.forEach((slot, k) => data.counts.set(slot, k * WINDOW));
    return data;
  }

  /** The counts of the slots of one year to the summaries, in slot order; those slots are then empty (and still counting). */
  flushYear(year: number, dim: TallyDim, to: TallyTarget): void {
    for (let slot = 0; slot < this.used; slot++) {
      if (this.years[slot] !== year) continue;
      this.give(slot, dim, to);
      const at = (slot % PAGE) * WINDOW;
      this.low[Math.floor(slot / PAGE)].fill(0, at, at + WINDOW);
      this.high[Math.floor(slot / PAGE)].fill(0, at, at + WINDOW);
      this.nights.fill(0, 3 * slot, 3 * slot + 3);
    }
  }

  /** The slot's counts (its pending rows counted first) to its summary, unless it has none. */
  private give(slot: number, dim: TallyDim, to: TallyTarget): void {
    this.count(slot, this.waiting[slot]);
    const row = new Float64Array(WINDOW);
    if (!this.countsOf(slot, row)) return;
    const sizes = IntSample.fromData({ base: 0, counts: row, spill: new Float64Array(0) });
    to(this.years[slot], dim).addTallied(this.values[slot], sizes, this.totals, 0);
  }

  /** The slot's counts into `row`, its night totals (as the summaries take them) into `totals`; false when it has no rows. */
  private countsOf(slot: number, row: Float64Array): boolean {
    const { totals, nights } = this;
    const page = Math.floor(slot / PAGE);
    // totals[1], totals[2]: the slot's visitors and rows, less those without nights.
    if (!countsOf(this.low[page], this.high[page], (slot % PAGE) * WINDOW, row, totals)) return false;
    totals[0] = nights[3 * slot];
    totals[1] -= nights[3 * slot + 1];
    totals[2] -= nights[3 * slot + 2];
    return true;
  }

  private grow(): void {
    const room = this.waiting.length * 2;
    this.nights = grown(this.nights, room * 3);
    this.pending = grown(this.pending, room * PENDING);
    this.waiting = grown(this.waiting, room);
  }

  /** Every slot's counts to the summaries; then none are left. */
  flush(dim: TallyDim, to: TallyTarget): void {
    for (let slot = 0; slot < this.used; slot++) this.give(slot, dim, to);
    this.low = [];
    this.high = [];
    this.nights.fill(0, 0, this.used * 3);
    this.years.length = 0;
    this.values.length = 0;
  }
}

export class ReportTally {
  private readonly byMonth = new SlotCounts();
  private readonly texts = {
    byOrigin: new TextSlots('origin'),
    byType: new TextSlots('type'),
    byPurpose: new TextSlots('purpose'),
  };
  private codeSpace: object | null = null;
  /** By date code: 1 + its month's slot (0: not met yet), and its year's index in `years`. */
  private monthOfDate: Int32Array = new Int32Array(0);
  private yearOfDate: Int32Array = new Int32Array(0);
  private readonly years: number[] = [];
  /** Per month key (year * 100 + month): its slot. */
  private readonly monthSlots = new Map<number, number>();
  private rows = 0;
  /** Counts of other threads (absorb), given to the summaries by year as this tally's own. */
  private readonly absorbed: ReportTallyData[] = [];

  /** Rows of years outside floor .. ceiling are not counted (see TallyYears); the floor rises with 'latest'. */
  private floor = -Infinity;
  private readonly ceiling: number = Infinity;

  constructor(
    private readonly to: TallyTarget,
    private readonly counted: TallyYears = 'all',
  ) {
    if (typeof counted === 'number') [this.floor, this.ceiling] = [counted - 1, counted];
  }

  /** The counts as plain data, not given to the summaries: the thread that takes them does so by year. */
  toData(): ReportTallyData {
    return {
      byMonth: this.byMonth.toData(),
      byOrigin: this.texts.byOrigin.counts.toData(),
      byType: this.texts.byType.counts.toData(),
      byPurpose: this.texts.byPurpose.counts.toData(),
    };
  }

  /** Counts another thread's tally gave (toData), to go to the summaries when this tally's own of their year do. */
  absorb(data: ReportTallyData): void {
    // Their years are marked as given (NaN) here, not in `data`.
    const own = (counts: CountsData): CountsData => ({ ...counts, years: [...counts.years] });
    this.absorbed.push({
      byMonth: own(data.byMonth),
      byOrigin: own(data.byOrigin),
      byType: own(data.byType),
      byPurpose: own(data.byPurpose),
    });
  }

  /**
   * Counts rows rows[0 .. count - 1] of a batch, those it can; the others it writes into `left` (room
   * for `count` at least) and returns how many they are, for the caller to file through the summaries.
   * Rows of years not counted (TallyYears) are neither.
   */
  addRows(batch: DelegationBatch, rows: Int32Array, count: number, left: Int32Array): number {
    if (batch.codeSpace !== this.codeSpace || this.rows > MAX_ROWS - count) {
      this.flush();
      this.codeSpace = batch.codeSpace;
    }
    const { people, nights } = batch.values;
    const { date: dateCodes, origin: originCodes, type: typeCodes, purpose: purposeCodes } = batch.codes;
    const { byOrigin, byType, byPurpose } = this.texts;
    const months = this.byMonth;
    let leftOver = 0;
    for (let k = 0; k < count; k++) {
      const i = rows[k];
      const size = people[i];
      const d = dateCodes[i];
      if (!(size >= 0 && size < WINDOW) || (size | 0) !== size || d < 0 || !(nights[i] < MAX_NIGHTS)) {
        left[leftOver++] = i;
        continue;
      }
      const m = d < this.monthOfDate.length && this.monthOfDate[d] > 0 ? this.monthOfDate[d] - 1 : this.dateSlot(batch, i, d);
      if (m < 0) {
        left[leftOver++] = i;
        continue;
      }
      const y = this.yearOfDate[d];
      if (this.years[y] < this.floor || this.years[y] > this.ceiling) continue;
      // A code met before in the year is looked up here; TextSlots.slotOf() numbers the others.
      let o = byOrigin.known(originCodes[i], y);
      if (o < 0) o = byOrigin.slotOf(batch, i, y, this.years[y]);
      let t = byType.known(typeCodes[i], y);
      if (t < 0) t = byType.slotOf(batch, i, y, this.years[y]);
      let p = byPurpose.known(purposeCodes[i], y);
      if (p < 0) p = byPurpose.slotOf(batch, i, y, this.years[y]);
      if (o < 0 || t < 0 || p < 0) {
        left[leftOver++] = i;
        continue;
      }
      this.rows++;
      const n = nights[i];
      months.add(m, size, n);
      byOrigin.counts.add(o, size, n);
      byType.counts.add(t, size, n);
      byPurpose.counts.add(p, size, n);
    }
    return leftOver;
  }

  /**
   * The counts of one year's rows to its summaries (or to its summary by month only), the others kept
   * counted: a report reads one year and the months of the year before, so the other years' thousands
   * of slots need not become groups.
   */
  flushYear(year: number, monthsOnly = false): void {
    for (const dim of monthsOnly ? (['byMonth'] as const) : ALL_DIMS) {
      for (const data of this.absorbed) giveAbsorbed(data[dim], dim, this.to, year);
    }
    this.byMonth.flushYear(year, 'byMonth', this.to);
    if (!monthsOnly) for (const dim of TEXT_DIMS) this.texts[dim].counts.flushYear(year, dim, this.to);
  }

  /** Every count to the summaries. */
  flush(): void {
    for (const data of this.absorbed) for (const dim of ALL_DIMS) giveAbsorbed(data[dim], dim, this.to, null);
    this.absorbed.length = 0;
    if (this.rows === 0 && this.codeSpace === null) return;
    this.byMonth.flush('byMonth', this.to);
    for (const dim of TEXT_DIMS) this.texts[dim].flush(dim, this.to);
    this.rows = 0;
    this.codeSpace = null;
    this.monthOfDate = new Int32Array(0);
    this.yearOfDate = new Int32Array(0);
    this.years.length = 0;
    this.monthSlots.clear();
  }

  /** The month slot of a date code not met before (and its year's index); -1 when the slots are full. */
  private dateSlot(batch: DelegationBatch, i: number, code: number): number {
    const date: CalDate = batch.values.date[i];
    const key = date.year * 100 + date.month;
    let slot = this.monthSlots.get(key);
    if (slot === undefined) {
      slot = this.byMonth.create(date.year, date);
      if (slot < 0) return -1;
      this.monthSlots.set(key, slot);
    }
    let y = this.years.indexOf(date.year);
    if (y < 0) y = this.years.push(date.year) - 1;
    if (this.counted === 'latest') this.floor = Math.max(this.floor, date.year - 1);
    if (code >= this.monthOfDate.length) {
      this.monthOfDate = widened(this.monthOfDate, code);
      this.yearOfDate = widened(this.yearOfDate, code);
    }
    this.monthOfDate[code] = slot + 1;
    this.yearOfDate[code] = y;
    return slot;
  }
}

/** A text field's slots: by year index, 1 + the slot of each code (0: none yet), and the slot of an empty value without a code. */
class TextSlots {
  readonly counts = new SlotCounts();
  private byYear: Int32Array[] = [];
  private empty: number[] = [];

  constructor(private readonly field: 'origin' | 'type' | 'purpose') {}

  /** The slot of a code met before in year index y, else -1. */
  known(code: number, y: number): number {
    if (y >= this.byYear.length) return -1;
    const slots = this.byYear[y];
    return code >= 0 && code < slots.length ? slots[code] - 1 : -1;
  }

  /** Row i's slot in year index y (the year `year`); -1 when it has none (a value without a code, or the slots full). */
  slotOf(batch: DelegationBatch, i: number, y: number, year: number): number {
    const code = batch.codes[this.field][i];
    const slots = y < this.byYear.length ? this.byYear[y] : this.yearAdded(y);
    if (code >= 0 && code < slots.length && slots[code] > 0) return slots[code] - 1;
    const value = batch.values[this.field][i];
    if (code < 0) {
      // No code: the value was read on the record path; an empty one (a column the file lacks) has a slot of its own.
      if (!isEmpty(value)) return -1;
      if (this.empty[y] < 0) this.empty[y] = this.counts.create(year, value);
      return this.empty[y];
    }
    const slot = this.counts.create(year, value);
    if (slot < 0) return -1;
    const table = code < slots.length ? slots : (this.byYear[y] = widened(slots, code));
    table[code] = slot + 1;
    return slot;
  }

  flush(dim: TallyDim, to: TallyTarget): void {
    this.counts.flush(dim, to);
    this.byYear = [];
    this.empty = [];
  }

  private yearAdded(y: number): Int32Array {
    while (this.byYear.length <= y) {
      this.byYear.push(new Int32Array(0));
      this.empty.push(-1);
    }
    return this.byYear[y];
  }
}

function isEmpty(value: unknown): boolean {
  return value === null || (Array.isArray(value) && value.length === 0);
}

/** Absorbed slots of `year` (null: of every year) to the summaries, in order; each given once (its year then NaN). */
function giveAbsorbed(data: CountsData, dim: TallyDim, to: TallyTarget, year: number | null): void {
  for (let k = 0; k < data.years.length; k++) {
    if (Number.isNaN(data.years[k]) || (year !== null && data.years[k] !== year)) continue;
    const counts = Float64Array.from(data.counts.subarray(k * WINDOW, (k + 1) * WINDOW));
    const sizes = IntSample.fromData({ base: 0, counts, spill: new Float64Array(0) });
    to(data.years[k], dim).addTallied(data.values[k], sizes, data.nights, 3 * k);
    data.years[k] = Number.NaN;
  }
}

/**
 * The counts of the slot at `at` into `row` (as numbers), with its visitors at totals[1] and its rows
 * at totals[2]; false when it has none. Apart from give(), so that this loop, run once a slot at the
 * end, is compiled once and never thrown away for a path of give() not seen yet.
 */
function countsOf(low: Uint8Array, high: Uint32Array, at: number, row: Float64Array, totals: Float64Array): boolean {
  let rows = 0;
  let people = 0;
  for (let size = 0; size < WINDOW; size++) {
    const c = high[at + size] * 256 + low[at + size];
    row[size] = c;
    rows += c;
    people += size * c;
  }
  totals[1] = people;
  totals[2] = rows;
  return rows > 0;
}

/** `array` with room for index `code`. */
function widened(array: Int32Array, code: number): Int32Array {
  return grown(array, Math.max(64, code + 1, array.length * 2));
}
