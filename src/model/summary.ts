/**
 * The figures behind `visitstat summary` for delegations: overall and per group, computed in one
 * pass with O(1) amortised work per row and group sizes kept in typed arrays, so the median and
 * quantiles are exact on any number of rows.
 *
 * Grouping (for the README):
 * - Several `--group-by` dimensions are crossed, like SQL `GROUP BY a, b`: one group per combination
 *   present in the data, ordered by the dimensions in the order given. Periods sort chronologically
 *   (weekdays Monday first); categories by their visitors over all the data, most first, then by
 *   name; then the unknown value; then "other".
 * - A category dimension is a delegation field declared as one in src/model/fields.ts. A missing
 *   value (a blank origin, no purpose) is the value null, meaning "unknown"; suggested labels
 *   `(unknown)` / `(tidak diketahui)`. A month-only date has no weekday, so with `--group-by weekday`
 *   such rows form the null weekday group.
 * - A list field (`purpose`) is multi-valued: a delegation with several purposes counts once in each
 *   of their groups, so its groups add up to more than the overall total (a value repeated on one row
 *   counts once).
 * - `--top N` keeps, for each category dimension, the N values with the most visitors over all the
 *   data; the other known values are merged into one "other" group (value OTHER, suggested labels
 *   `other` / `lainnya`). Unknown values are never merged into "other" and take no top place.
 * - Average length of stay = visitor-nights / visitors on the delegations whose nights are known.
 */
import { type Description, sumOfSquares } from '../stats/describe';
import { QUANTILES, exactQuantileOfOrdered } from '../stats/quantile';
import { exactSum } from './exact';
import { IntSample, type IntSampleData } from '../stats/int-sample';
import { ShortSamples, type ShortSamplesData } from '../stats/short-samples';
import type { CalDate } from './dates';
import { grown } from './grown';
import { type Period, periodFromKey } from './period';
import { type DelegationBatch, type DelegationRow, rowOf } from './records';
import { ValueIndex, hashOf } from './value-index';
import {
  type CategoryDim,
  type GroupDim,
  type PeriodDim,
  categoryField,
  isPeriodDim,
  isRepeatedValue,
  periodKeyOfDate,
} from './summary-keys';

export { type GroupDim, type CategoryDim, type PeriodDim, GROUP_DIMS } from './summary-keys';
export {
  ArrivalSummarizer,
  type AnnualFigure,
  type ArrivalSummary,
  type ArrivalPeriodRow,
  type ArrivalTotals,
  type ArrivalUnit,
  type GrowthBasis,
  type GrowthRatios,
} from './summary-arrivals';

export interface GroupStats extends Description {
  /** Sum of people x nights over the delegations whose nights are known; null when none are. */
  visitorNights: number | null;
  visitorsWithNights: number;
  /** visitorNights / visitorsWithNights; null when no visitor has known nights. */
  averageStay: number | null;
  delegationsWithNights: number;
}

/** The "other" group of `--top N`: an object, so no real category name can be mistaken for it. */
export interface OtherCategories {
  readonly other: true;
}
export const OTHER: OtherCategories = Object.freeze({ other: true });

export function isOther(value: unknown): value is OtherCategories {
  return value === OTHER;
}

/** A period, a category name, null (unknown), or OTHER. */
export type GroupKeyValue = Period | string | null | OtherCategories;

export interface DelegationGroup {
  /** One entry per `--group-by` dimension. */
  key: Partial<Record<GroupDim, GroupKeyValue>>;
  stats: GroupStats;
}

export interface DelegationSummary {
  groupBy: GroupDim[];
  overall: GroupStats;
  /** Empty when there is no `--group-by`. */
  groups: DelegationGroup[];
  /** For each category dimension with an "other" group: how many distinct values it merged. */
  otherValues: Partial<Record<CategoryDim, number>>;
  /**
   * With one category dimension and every value shown: the same groups column by column, from which
   * a CSV of a million groups is written without an object per group (`groups` and `figures` are
   * then each built when first read). Not enumerable: it says what `groups` says, and a copy need
   * not carry it.
   */
  figures?: GroupFigures;
}

/**
 * Groups' figures column by column, in the order of the summary's groups. Whole numbers as doubles;
 * a part past 2^53 - 1 (a quantile's numerator, a sum of squares: Description's exact parts) is NaN,
 * and stats(i) has it. A group of no delegation has count 0.
 */
export interface GroupFigures {
  readonly length: number;
  /** Each group's value of the dimension (null: unknown). */
  readonly keys: readonly (string | null)[];
  readonly count: Float64Array;
  readonly sum: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** Each quantile times its denominator (QUANTILES). */
  readonly median: Float64Array;
  readonly p25: Float64Array;
  readonly p75: Float64Array;
  readonly p90: Float64Array;
  readonly sumOfSquares: Float64Array;
  /** As GroupStats has them, with visitor-nights 0 (not null) when no delegation has nights. */
  readonly visitorNights: Float64Array;
  readonly visitorsWithNights: Float64Array;
  readonly delegationsWithNights: Float64Array;
  /** Group i's statistics, as `groups` gives them. */
  stats(i: number): GroupStats;
}

export interface DelegationSummaryOptions {
  /** Distinct dimensions. */
  groupBy: GroupDim[];
  /** `--top N`: a positive integer. */
  top?: number;
}

/** The key of a row along one dimension: a periodKey, a category name, null, or (after top-N) OTHER. */
type KeyPart = number | string | null | OtherCategories;
/** Route.Tree: nested Maps, one level per dimension, the last level holding group ids. */
type Node = Map<KeyPart, Node | number>;

/**
 * How add() files a row, chosen once from the dimensions. With one dimension the group is found by
 * one lookup (a period by its key in an array, a category's value in one ValueIndex), and everything
 * over all the data that the groups already hold is taken from them at the end rather than counted
 * again per row: each category's visitors are its group's sum, and (unless a list field fans rows
 * out) the overall sizes are the groups' sizes together. Several dimensions walk a tree of Maps, one
 * level each.
 */
// biome-ignore lint/suspicious/noConstEnum: the routes never leave this file, and add() switches on them once per row: inlined numbers.
const enum Route {
  Overall,
  Period,
  Category,
  Tree,
}

/** A category dimension's value in a row: text (or null), or a list of text. */
type ReadValue = (row: DelegationRow) => unknown;

const readers = new Map<string, ReadValue>();

/**
 * Reads a category's value from a row, compiled once per field so that each reads one named property,
 * as `row.origin` does: one keyed read shared by the report's summarizers of origin, type and purpose
 * cost the report about 10% of its time.
 */
function readerOf(dim: CategoryDim): ReadValue {
  let read = readers.get(dim);
  if (read === undefined) readers.set(dim, (read = new Function('row', `return row[${JSON.stringify(dim)}];`) as ReadValue));
  return read;
}

/** Periods are looked up in an array indexed by periodKey while their keys span no more than this. */
const MAX_PERIOD_SLOTS = 1 << 16;
/** From this many values (a table of 1 MB), a batch's new values have their slots read first (newValueHashes). */
const TOUCH_FROM = 1 << 16;
/** Up to this --top, the top values are picked in one pass; above it, by sorting them all. */
const PICK_TOP_MAX = 1000;
/** Groups whose tables figuresOf reads ahead at a time. */
const READ_AHEAD = 64;

/**
 * Groups are numbered in order of appearance and their figures kept in typed arrays (GroupTable),
 * so a group costs tens of bytes, not an object graph: millions of groups of one or two rows each
 * are cheap. Statistics are described only for the groups shown: with one category dimension and
 * --top N, the groups are ranked on their visitors alone, and the rest become (other) in one pass.
 */
export class DelegationSummarizer {
  private readonly dims: GroupDim[];
  private readonly top: number | undefined;
  private readonly route: Route;
  /** Route.Category: the field grouped by, and whether it is a list (a row goes to each of its values). */
  private readonly category: CategoryDim | null;
  private readonly fansOut: boolean;
  /** With Route.Period, or Route.Category on a field of one value per row, the overall sizes come from the groups at the end. */
  private readonly overallFromGroups: boolean;
  private readonly overall = new GroupAccumulator();
  /** Every group's figures, by group id. */
  private readonly groups = new GroupTable();
  /** One dimension: each group's key part; Route.Tree: each group's parts, one per dimension. */
  private readonly keys: KeyPart[] = [];
  private readonly treeParts: KeyPart[][] = [];
  /** Route.Category: each value numbered, its number its group's id. */
  private readonly byValue = new ValueIndex();
  /** Route.Period: the group of periodKey k at slots[k - slotBase] (-1: none); keys beyond MAX_PERIOD_SLOTS and null in byPeriod. */
  private slots: number[] = [];
  private slotBase = 0;
  private readonly byPeriod = new Map<number | null, number>();
  /** Route.Tree: nested Maps, and the visitors over all the data per category value (for ordering and top-N). */
  private readonly root: Node = new Map();
  private readonly categoryVisitors: CategoryVisitors[] = [];
  /** Route.Tree: per dimension, whether it is a list field, and how to read a category's value. */
  private readonly fansOutAt: boolean[];
  private readonly readAt: (ReadValue | null)[];
  /** Route.Category: how to read the value. */
  private readonly read: ReadValue | null;
  /** addBatch with one dimension: 1 + the group of each code of the batches' code space (0: not met yet). */
  private byCode: Int32Array = new Int32Array(0);
  /** newValueHashes' hashes by row, and the same in a row. */
  private hashes = new Int32Array(0);
  private touched = new Int32Array(0);
  private codeSpace: object | null = null;

  constructor(opts: DelegationSummaryOptions) {
    this.dims = [...opts.groupBy];
    this.top = opts.top;
    this.route = routeOf(this.dims);
    this.category = this.route === Route.Category ? (this.dims[0] as CategoryDim) : null;
    this.fansOut = this.category !== null && fansOut(this.category);
    this.overallFromGroups = this.route === Route.Period || (this.route === Route.Category && !this.fansOut);
    this.fansOutAt = this.dims.map((dim) => !isPeriodDim(dim) && fansOut(dim));
    this.readAt = this.dims.map((dim) => (isPeriodDim(dim) ? null : readerOf(dim)));
    this.read = this.category === null ? null : readerOf(this.category);
    if (this.route === Route.Tree) {
      for (const dim of this.dims)
        if (!isPeriodDim(dim)) this.categoryVisitors.push({ dim, list: fansOut(dim), read: readerOf(dim), visitors: new Map() });
    }
  }

  add(row: DelegationRow): void {
    switch (this.route) {
      case Route.Overall:
        return this.overall.add(row.people, row.nights);
      case Route.Period:
        this.groups.add(this.periodGroup(periodKeyOfDate(row.date, this.dims[0] as PeriodDim)), row.people, row.nights);
        break;
      case Route.Category:
        return this.addValue(this.read!(row), row);
      case Route.Tree:
        this.overall.add(row.people, row.nights);
        this.countCategories(row);
        return this.addAt(this.root, 0, row);
    }
    this.overall.addNights(row.people, row.nights);
  }

  /**
   * With one category dimension: the row, with its value of that field read by the caller (for a caller
   * that knows the field by name, as the report's summaries do: a named read is cheaper than any other).
   */
  addValue(value: unknown, row: DelegationRow): void {
    if (this.fansOut) {
      this.overall.add(row.people, row.nights);
      return this.addToEach(value as readonly string[], row.people, row.nights);
    }
    this.groups.add(this.categoryGroup(value as string | null), row.people, row.nights);
    this.overall.addNights(row.people, row.nights);
  }

  /**
   * The rows of a batch, as add() would take them one by one: with one dimension (a period, or a field
   * of one value per row), the group of a row is looked up by its code (a date's for a period) in an
   * array. With `rows`, only rows[0 .. count - 1] of the batch (the report gives each year its rows).
   */
  addBatch(batch: DelegationBatch, rows: Int32Array | null = null, count = batch.length): void {
    const { values, codes } = batch;
    if (this.route === Route.Period) {
      const dim = this.dims[0] as PeriodDim;
      return this.addByCode(batch, rows, count, codes.date, (i) => this.periodGroup(periodKeyOfDate(values.date[i], dim)));
    }
    if (this.route === Route.Category) {
      const field = this.category!;
      if (this.fansOut) return this.addListColumn(batch, rows, count, values[field] as readonly (readonly string[])[]);
      const column = values[field] as readonly (string | null)[];
      this.useCodeSpace(batch);
      const hashes = this.newValueHashes(column, codes[field], rows, count);
      return this.addByCode(batch, rows, count, codes[field], (i) => this.categoryGroup(column[i], hashes?.[i]));
    }
    for (let k = 0; k < count; k++) this.add(rowOf(batch, rows === null ? k : rows[k]));
  }

  /**
   * Rows counted elsewhere (the report counts them by the scanner's codes), all of one value along the
   * one dimension (a date in the period, a category's value, a list's values): their sizes, and their
   * night totals at nights[at], [at + 1], [at + 2] (visitor-nights, visitors and delegations with
   * nights), as if each row had been added. The summary may keep `sizes` as it is.
   */
  addTallied(value: unknown, sizes: IntSample, nights: ArrayLike<number>, at: number): void {
    if (this.route === Route.Period) {
      const key = periodKeyOfDate(value as CalDate, this.dims[0] as PeriodDim);
      this.groups.addSample(this.periodGroup(key), sizes, nights, at, true);
    } else if (this.route !== Route.Category) {
      throw new Error('DelegationSummarizer: tallied rows need one dimension');
    } else if (!this.fansOut) {
      this.groups.addSample(this.categoryGroup(value as string | null), sizes, nights, at, true);
    } else {
      this.overall.sizes.mergeFrom(sizes);
      const values = value as readonly string[];
      if (values.length === 0) this.groups.addSample(this.categoryGroup(null), sizes, nights, at, false);
      for (let i = 0; i < values.length; i++) {
        if (!isRepeatedValue(values, i)) this.groups.addSample(this.categoryGroup(values[i]), sizes, nights, at, false);
      }
    }
    this.overall.addNightTotals(nights, at);
  }

  /** Rows to the group of their code, found by `groupOf` for a code not met before (and a row without one). */
  private addByCode(
    batch: DelegationBatch,
    rows: Int32Array | null,
    count: number,
    codes: Int32Array,
    groupOf: (i: number) => number,
  ): void {
    this.useCodeSpace(batch);
    const { people, nights } = batch.values;
    const groups = this.groups;
    let byCode = this.byCode;
    for (let k = 0; k < count; k++) {
      const i = rows === null ? k : rows[k];
      const code = codes[i];
      let id = code >= 0 && code < byCode.length ? byCode[code] - 1 : -1;
      if (id < 0) {
        id = groupOf(i);
        if (code >= 0) byCode = this.rememberCode(code, id);
      }
      const n = nights[i];
      groups.add(id, people[i], n < 0 ? null : n);
      this.overall.addNights(people[i], n < 0 ? null : n);
    }
  }

  /** byCode is the batch's code space's. */
  private useCodeSpace(batch: DelegationBatch): void {
    if (batch.codeSpace === this.codeSpace) return;
    this.codeSpace = batch.codeSpace;
    this.byCode = new Int32Array(0);
  }

  /**
   * With many values met (their table past the cache), by row, the hash of each of the batch's values
   * that byCode does not find (every row addByCode will ask groupOf for), their slots read in one loop
   * (ValueIndex.touch); else null. A million new origins took about 0.2 s of cache misses one at a time.
   */
  private newValueHashes(column: readonly (string | null)[], codes: Int32Array, rows: Int32Array | null, count: number): Int32Array | null {
    if (this.byValue.size < TOUCH_FROM) return null;
    if (this.hashes.length < column.length) {
      this.hashes = new Int32Array(column.length);
      this.touched = new Int32Array(column.length);
    }
    const { hashes, touched, byCode } = this;
    let n = 0;
    for (let k = 0; k < count; k++) {
      const i = rows === null ? k : rows[k];
      const code = codes[i];
      const value = column[i];
      if (value === null || (code >= 0 && code < byCode.length && byCode[code] > 0)) continue;
      hashes[i] = touched[n++] = hashOf(value);
    }
    this.byValue.touch(touched, n);
    return hashes;
  }

  /** Notes the group of a code; returns byCode (widened if need be). */
  private rememberCode(code: number, id: number): Int32Array {
    if (code >= this.byCode.length) this.byCode = grown(this.byCode, Math.max(64, code + 1, this.byCode.length * 2));
    this.byCode[code] = id + 1;
    return this.byCode;
  }

  /**
   * Adds the rows another summarizer with the same options was given, as if they had been added
   * here: the result is the same as one summarizer's over all the rows, in any order.
   */
  mergeFrom(other: DelegationSummarizer): void {
    this.absorb(other.toData());
  }

  /** The state as plain data (typed arrays, mostly), to cross to another thread: absorb() takes it. */
  toData(): DelegationSummaryData {
    return {
      dims: [...this.dims],
      top: this.top ?? null,
      overall: this.overall.toData(),
      keys: this.route === Route.Tree ? this.treeParts : this.keys,
      groups: this.groups.toData(),
      categoryVisitors: this.categoryVisitors.map(({ visitors }) => [...visitors]),
    };
  }

  /** How many groups there are so far. */
  get groupCount(): number {
    return this.groups.size;
  }

  /** Adds the rows of a summarizer with the same options, given as toData() gave its state. */
  absorb(data: DelegationSummaryData): void {
    if (data.dims.join() !== this.dims.join() || data.top !== (this.top ?? null)) {
      throw new Error('DelegationSummarizer: merging summarizers with different options');
    }
    this.overall.mergeFrom(GroupAccumulator.fromData(data.overall));
    const groups = GroupTable.fromData(data.groups);
    data.keys.forEach((key, id) =>
      this.groups.mergeFrom(this.groupAt(this.route === Route.Tree ? (key as KeyPart[]) : [key as KeyPart]), groups, id),
    );
    data.categoryVisitors.forEach((visitors, c) => {
      for (const [value, people] of visitors) addTo(this.categoryVisitors[c].visitors, value, people);
    });
  }

  result(): DelegationSummary {
    const summary = this.resultByRoute();
    exactOverall(summary.overall);
    return summary;
  }

  private resultByRoute(): DelegationSummary {
    switch (this.route) {
      case Route.Overall:
        return { groupBy: [], overall: this.overall.stats(), groups: [], otherValues: {} };
      case Route.Tree:
        return this.treeResult();
      case Route.Period:
        return this.periodResult();
      default:
        return this.categoryResult();
    }
  }

  /** One period dimension: every group, in time order, the unknown weekday last. */
  private periodResult(): DelegationSummary {
    const ids = this.allIds().sort((a, b) => periodRank(this.keys[a]) - periodRank(this.keys[b]));
    const dim = this.dims[0] as PeriodDim;
    const groups = ids.map((id) => ({ key: keyAlong(dim, periodPart(dim, this.keys[id])), stats: this.groups.stats(id) }));
    return { groupBy: [dim], overall: this.overallStats(), groups, otherValues: {} };
  }

  /**
   * One category dimension: its values ranked on their visitors (then name) straight from the
   * groups' running sums, without describing any group; with --top N, only the N best are described
   * and every other value goes to (other) in one pass. The unknown value comes after the known ones,
   * (other) last.
   */
  private categoryResult(): DelegationSummary {
    const dim = this.category!;
    const size = this.groups.size;
    const unknown = this.byValue.idOf(null);
    const known = unknown >= 0 ? size - 1 : size;
    const visitors = new Float64Array(size);
    for (let id = 0; id < size; id++) visitors[id] = this.groups.visitors(id);
    const before = (a: number, b: number) => visitors[b] - visitors[a] || compareText(this.keys[a] as string, this.keys[b] as string);
    const top = this.top;
    const shown =
      top === undefined || top >= known ? rankAll(size, unknown, visitors, before, this.keys) : pickBest(size, unknown, top, before);
    const row = (id: number) => ({ key: keyAlong(dim, this.keys[id] as GroupKeyValue), stats: this.groups.stats(id) });
    if (shown.length === known) {
      const ids = unknown >= 0 ? [...shown, unknown] : shown;
      const figures = () => this.groups.figuresOf(ids, this.keys as (string | null)[]);
      return withFigures({ groupBy: [dim], overall: this.overallStats(), otherValues: {} }, figures, () => ids.map(row));
    }
    const groups = shown.map(row);
    if (unknown >= 0) groups.push(row(unknown));
    const left = new Uint8Array(size).fill(1);
    for (const id of [...shown, unknown]) if (id >= 0) left[id] = 0;
    groups.push({ key: keyAlong(dim, OTHER), stats: this.groups.statsOf(left) });
    return { groupBy: [dim], overall: this.overallStats(), groups, otherValues: { [dim]: known - shown.length } };
  }

  /** Several dimensions: --top per category dimension on its visitors over all the data, then sorted dimension by dimension. */
  private treeResult(): DelegationSummary {
    const order = this.categoryOrder(this.categoryVisitors);
    const leaves = this.mergeIntoOther(
      this.allIds().map((id) => ({ parts: this.treeParts[id], table: this.groups, id })),
      order,
    );
    const ranks = this.dims.map((dim) => (isPeriodDim(dim) ? null : new Map(order.get(dim)!.map((v, i) => [v, i]))));
    // Each leaf's rank along each dimension, looked up once, not once per comparison.
    const rankOf = leaves.map((leaf) => leaf.parts.map((part, i) => (ranks[i] ? categoryRank(part, ranks[i]!) : periodRank(part))));
    const sorted = leaves.map((_, i) => i).sort((a, b) => compareRanks(rankOf[a], rankOf[b]));
    const groups = sorted.map((i) => ({ key: this.keyOf(leaves[i].parts), stats: leaves[i].table.stats(leaves[i].id) }));
    return { groupBy: [...this.dims], overall: this.overall.stats(), groups, otherValues: this.otherValues(order) };
  }

  private overallStats(): GroupStats {
    if (!this.overallFromGroups) return this.overall.stats();
    const sizes = new IntSample();
    for (let id = 0; id < this.groups.size; id++) this.groups.addSizesTo(id, sizes);
    return this.overall.stats(sizes);
  }

  private allIds(): number[] {
    return Array.from({ length: this.groups.size }, (_, id) => id);
  }

  private periodGroup(key: number | null): number {
    if (key !== null) {
      const slot = key - this.slotBase;
      if (slot >= 0 && slot < this.slots.length) {
        const id = this.slots[slot];
        if (id >= 0) return id;
      }
    }
    let id = this.byPeriod.get(key);
    if (id === undefined) {
      id = this.newGroup(key);
      if (!this.placeInSlots(key, id)) this.byPeriod.set(key, id);
    }
    return id;
  }

  /** Puts a new period group in the array, widening it, unless the keys would span too many slots. */
  private placeInSlots(key: number | null, id: number): boolean {
    if (key === null) return false;
    if (this.slots.length === 0) this.slotBase = key;
    const base = Math.min(this.slotBase, key);
    const end = Math.max(this.slotBase + this.slots.length, key + 1);
    if (end - base > MAX_PERIOD_SLOTS) return false;
    if (base !== this.slotBase || end !== this.slotBase + this.slots.length) {
      const slots = new Array<number>(end - base).fill(-1);
      for (let i = 0; i < this.slots.length; i++) slots[this.slotBase - base + i] = this.slots[i];
      this.slots = slots;
      this.slotBase = base;
    }
    this.slots[key - base] = id;
    return true;
  }

  private categoryGroup(value: string | null, hash?: number): number {
    // A value's number is its group's: groups are made here alone, in the same order.
    const id = this.byValue.add(value, hash);
    if (id === this.groups.size) this.newGroup(value);
    return id;
  }

  /** A list field's rows of a batch: each row to the group of each of its values. */
  private addListColumn(batch: DelegationBatch, rows: Int32Array | null, count: number, column: readonly (readonly string[])[]): void {
    const { people, nights } = batch.values;
    for (let k = 0; k < count; k++) {
      const i = rows === null ? k : rows[k];
      const n = nights[i] < 0 ? null : nights[i];
      this.overall.add(people[i], n);
      this.addToEach(column[i], people[i], n);
    }
  }

  /** A delegation counts once in each of a list field's values; with none, in the unknown value. */
  private addToEach(values: readonly string[], people: number, nights: number | null): void {
    if (values.length === 0) return this.groups.add(this.categoryGroup(null), people, nights);
    for (let i = 0; i < values.length; i++) {
      if (!isRepeatedValue(values, i)) this.groups.add(this.categoryGroup(values[i]), people, nights);
    }
  }

  /** A group for one dimension. */
  private newGroup(part: KeyPart): number {
    this.keys.push(part);
    return this.groups.create();
  }

  /** The group of a key (any route), made if missing: for absorb. */
  private groupAt(parts: KeyPart[]): number {
    const part = parts[0];
    switch (this.route) {
      case Route.Overall:
        throw new Error('no groups without dimensions');
      case Route.Period:
        return this.periodGroup(part as number | null);
      case Route.Tree:
        return this.treeGroup(this.root, 0, parts);
      default:
        return this.categoryGroup(part as string | null);
    }
  }

  private countCategories(row: DelegationRow): void {
    for (let c = 0; c < this.categoryVisitors.length; c++) {
      const { list, read, visitors } = this.categoryVisitors[c];
      const value = read(row);
      if (!list) addTo(visitors, value as string | null, row.people);
      else {
        const values = value as readonly string[];
        if (values.length === 0) addTo(visitors, null, row.people);
        for (let i = 0; i < values.length; i++) if (!isRepeatedValue(values, i)) addTo(visitors, values[i], row.people);
      }
    }
  }

  /** Walks (and grows) the tree of nested maps, one level per dimension; fans out over a list field's values. */
  private addAt(node: Node, depth: number, row: DelegationRow, prefix: KeyPart[] = []): void {
    const dim = this.dims[depth];
    if (isPeriodDim(dim)) return this.descend(node, depth, periodKeyOfDate(row.date, dim), row, prefix);
    const value = this.readAt[depth]!(row);
    if (!this.fansOutAt[depth]) return this.descend(node, depth, value as string | null, row, prefix);
    const values = value as readonly string[];
    if (values.length === 0) return this.descend(node, depth, null, row, prefix);
    for (let i = 0; i < values.length; i++) if (!isRepeatedValue(values, i)) this.descend(node, depth, values[i], row, prefix);
  }

  private descend(node: Node, depth: number, part: KeyPart, row: DelegationRow, prefix: KeyPart[]): void {
    if (depth === this.dims.length - 1) {
      let id = node.get(part) as number | undefined;
      if (id === undefined) {
        this.treeParts.push([...prefix, part]);
        node.set(part, (id = this.groups.create()));
      }
      return this.groups.add(id, row.people, row.nights);
    }
    let child = node.get(part) as Node | undefined;
    if (child === undefined) node.set(part, (child = new Map()));
    this.addAt(child, depth + 1, row, [...prefix, part]);
  }

  /** The group of a whole key in the tree, made if missing. */
  private treeGroup(node: Node, depth: number, parts: KeyPart[]): number {
    const part = parts[depth];
    if (depth === parts.length - 1) {
      let id = node.get(part) as number | undefined;
      if (id === undefined) {
        this.treeParts.push([...parts]);
        node.set(part, (id = this.groups.create()));
      }
      return id;
    }
    let child = node.get(part) as Node | undefined;
    if (child === undefined) node.set(part, (child = new Map()));
    return this.treeGroup(child, depth + 1, parts);
  }

  /** Known values of each category dimension, most visitors first, then by name. */
  private categoryOrder(categoryVisitors: { dim: CategoryDim; visitors: Map<string | null, number> }[]): Map<CategoryDim, string[]> {
    const order = new Map<CategoryDim, string[]>();
    for (const { dim, visitors } of categoryVisitors) {
      const named = [...visitors].filter((e): e is [string, number] => e[0] !== null);
      named.sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
      order.set(
        dim,
        named.map(([value]) => value),
      );
    }
    return order;
  }

  /** With --top N, replaces category values outside the top N by OTHER and merges the groups that meet. */
  private mergeIntoOther(leaves: Leaf[], order: Map<CategoryDim, string[]>): Leaf[] {
    if (this.top === undefined) return leaves;
    const kept = new Map([...order].map(([dim, values]) => [dim, new Set(values.slice(0, this.top))]));
    const untouched: Leaf[] = [];
    const merged = new Map<string, Leaf>();
    const others = new GroupTable();
    for (const leaf of leaves) {
      const parts = leaf.parts.map((part, i) => {
        const keep = kept.get(this.dims[i] as CategoryDim);
        return keep && typeof part === 'string' && !keep.has(part) ? OTHER : part;
      });
      if (!parts.includes(OTHER)) {
        untouched.push(leaf);
        continue;
      }
      const key = JSON.stringify(parts);
      let target = merged.get(key);
      if (target === undefined) merged.set(key, (target = { parts, table: others, id: others.create() }));
      others.mergeFrom(target.id, leaf.table, leaf.id);
    }
    return [...untouched, ...merged.values()];
  }

  private keyOf(parts: KeyPart[]): Partial<Record<GroupDim, GroupKeyValue>> {
    const key: Partial<Record<GroupDim, GroupKeyValue>> = {};
    this.dims.forEach((dim, i) => {
      key[dim] = isPeriodDim(dim) ? periodPart(dim, parts[i]) : (parts[i] as GroupKeyValue);
    });
    return key;
  }

  private otherValues(order: Map<CategoryDim, string[]>): Partial<Record<CategoryDim, number>> {
    const counts: Partial<Record<CategoryDim, number>> = {};
    if (this.top === undefined) return counts;
    for (const [dim, values] of order) if (values.length > this.top) counts[dim] = values.length - this.top;
    return counts;
  }
}

/** Per category dimension of the tree: the visitors of each of its values over all the data (for ordering and top-N). */
interface CategoryVisitors {
  dim: CategoryDim;
  list: boolean;
  read: ReadValue;
  visitors: Map<string | null, number>;
}

/** A DelegationSummarizer's state as plain data (structured-clone safe). */
export interface DelegationSummaryData {
  dims: GroupDim[];
  top: number | null;
  overall: GroupData;
  /** Each group's key: its part (one dimension), or its parts (several). */
  keys: KeyPart[] | KeyPart[][];
  groups: GroupTableData;
  categoryVisitors: [string | null, number][][];
}

interface GroupData {
  sizes: IntSampleData;
  visitorNights: number;
  visitorsWithNights: number;
  delegationsWithNights: number;
}

/** Group sizes and nights of one big group, or of the overall figures. */
class GroupAccumulator {
  constructor(readonly sizes = new IntSample()) {}

  private visitorNights = 0;
  private visitorsWithNights = 0;
  private delegationsWithNights = 0;

  add(people: number, nights: number | null): void {
    this.sizes.add(people);
    this.addNights(people, nights);
  }

  /** The nights alone, for the overall figures when its sizes are those of the groups. */
  addNights(people: number, nights: number | null): void {
    if (nights === null) return;
    this.visitorNights += people * nights;
    this.visitorsWithNights += people;
    this.delegationsWithNights++;
  }

  /** Totals of nights as NightTotals holds them. */
  addNightTotals(totals: ArrayLike<number>, at: number): void {
    this.visitorNights += totals[at];
    this.visitorsWithNights += totals[at + 1];
    this.delegationsWithNights += totals[at + 2];
  }

  nightTotals(): [number, number, number] {
    return [this.visitorNights, this.visitorsWithNights, this.delegationsWithNights];
  }

  toData(): GroupData {
    const { visitorNights, visitorsWithNights, delegationsWithNights } = this;
    return { sizes: this.sizes.toData(), visitorNights, visitorsWithNights, delegationsWithNights };
  }

  static fromData(data: GroupData): GroupAccumulator {
    const acc = new GroupAccumulator(IntSample.fromData(data.sizes));
    acc.visitorNights = data.visitorNights;
    acc.visitorsWithNights = data.visitorsWithNights;
    acc.delegationsWithNights = data.delegationsWithNights;
    return acc;
  }

  mergeFrom(other: GroupAccumulator): void {
    this.sizes.mergeFrom(other.sizes);
    this.addNightTotals(other.nightTotals(), 0);
  }

  stats(sizes: IntSample = this.sizes): GroupStats {
    return groupStats(sizes.describe(), this.visitorNights, this.visitorsWithNights, this.delegationsWithNights);
  }
}

interface GroupTableData {
  short: ShortSamplesData;
  nights: Float64Array;
  big: [number, GroupData][];
}

/**
 * The figures of many groups by id. A group of up to INLINE delegations keeps its sizes in
 * ShortSamples and its nights in one typed array (about 40 bytes a group, no object); one that grows
 * past that becomes a GroupAccumulator, added to as fast as a group alone.
 */
class GroupTable {
  private short = new ShortSamples();
  /** A short group's nights[3 id], [3 id + 1], [3 id + 2]: visitor-nights, visitors with nights, delegations with nights. */
  private nights: Float64Array = new Float64Array(48);
  /**
   * bigAt[id]: 1 + the index in `accs` of the accumulator of a group grown past INLINE delegations, 0
   * for a short group (a typed array, not an array of a million nulls for the collector to walk).
   */
  private bigAt: Int32Array = new Int32Array(16);
  private readonly accs: GroupAccumulator[] = [];

  get size(): number {
    return this.short.size;
  }

  create(): number {
    const id = this.short.create();
    if (id === this.bigAt.length) this.bigAt = grown(this.bigAt, 2 * id);
    if (3 * id + 3 > this.nights.length) this.nights = grown(this.nights, this.nights.length * 2);
    return id;
  }

  /** Group id's accumulator, or null while it is short. */
  private bigOf(id: number): GroupAccumulator | null {
    const k = this.bigAt[id];
    return k === 0 ? null : this.accs[k - 1];
  }

  private setBig(id: number, acc: GroupAccumulator): GroupAccumulator {
    this.accs.push(acc);
    this.bigAt[id] = this.accs.length;
    return acc;
  }

  add(id: number, people: number, nights: number | null): void {
    const big = this.bigOf(id);
    if (big !== null) big.add(people, nights);
    else this.addShort(id, people, nights);
  }

  /** Kept apart from add(), so that add() stays small enough to be inlined where rows are added. */
  private addShort(id: number, people: number, nights: number | null): void {
    if (!this.short.add(id, people)) return this.promote(id).add(people, nights);
    if (nights === null) return;
    const at = 3 * id;
    this.nights[at] += people * nights;
    this.nights[at + 1] += people;
    this.nights[at + 2]++;
  }

  /**
   * Adds a sample of sizes and its night totals (at nights[at .. at + 2]) to group id. `keep`: the
   * caller gives the sample up, and an empty group keeps it as its own rather than copying it.
   */
  addSample(id: number, sizes: IntSample, nights: ArrayLike<number>, at: number, keep: boolean): void {
    let acc = this.bigOf(id);
    if (acc === null && keep && this.short.length(id) === 0) acc = this.setBig(id, new GroupAccumulator(sizes));
    else (acc ??= this.promote(id)).sizes.mergeFrom(sizes);
    acc.addNightTotals(nights, at);
  }

  /** A group's visitors (the sum of its sizes, as its statistics give it), for ranking. */
  visitors(id: number): number {
    const big = this.bigOf(id);
    return big !== null ? big.sizes.sum() : this.short.sum(id);
  }

  mergeFrom(id: number, other: GroupTable, otherId: number): void {
    const theirs = other.bigOf(otherId);
    if (theirs !== null) return (this.bigOf(id) ?? this.promote(id)).mergeFrom(theirs);
    for (let k = 0, n = other.short.length(otherId); k < n; k++) this.add(id, other.short.valueAt(otherId, k), null);
    const mine = this.bigOf(id);
    if (mine !== null) mine.addNightTotals(other.nights, 3 * otherId);
    else for (let k = 0; k < 3; k++) this.nights[3 * id + k] += other.nights[3 * otherId + k];
  }

  /** Adds the sizes of group id to `sizes`. */
  addSizesTo(id: number, sizes: IntSample): void {
    const big = this.bigOf(id);
    if (big !== null) sizes.mergeFrom(big.sizes);
    else this.short.addTo(id, sizes);
  }

  stats(id: number): GroupStats {
    const big = this.bigOf(id);
    if (big !== null) return big.stats();
    const at = 3 * id;
    return groupStats(this.short.describe(id), this.nights[at], this.nights[at + 1], this.nights[at + 2]);
  }

  /** The figures of groups `ids`, in that order, column by column (`keys` by group id). */
  figuresOf(ids: readonly number[], keys: readonly (string | null)[]): GroupFigures {
    const n = ids.length;
    const column = () => new Float64Array(n);
    const f = {
      length: n,
      keys: new Array<string | null>(n),
      count: column(),
      sum: column(),
      min: column(),
      max: column(),
      median: column(),
      p25: column(),
      p75: column(),
      p90: column(),
      sumOfSquares: column(),
      visitorNights: column(),
      visitorsWithNights: column(),
      delegationsWithNights: column(),
      stats: (i: number) => this.stats(ids[i]),
    };
    // A block of groups at a time, their short figures (nights, sums) first in one short loop, so
    // that the cache misses of ids in ranked order, scattered over the tables, overlap rather than
    // come one at a time; then each group described.
    const grownAt = new Int32Array(READ_AHEAD);
    for (let start = 0; start < n; start += READ_AHEAD) {
      const end = Math.min(n, start + READ_AHEAD);
      for (let i = start; i < end; i++) {
        const id = ids[i];
        f.keys[i] = keys[id];
        grownAt[i - start] = this.bigAt[id];
        f.visitorNights[i] = this.nights[3 * id];
        f.visitorsWithNights[i] = this.nights[3 * id + 1];
        f.delegationsWithNights[i] = this.nights[3 * id + 2];
        f.sum[i] = this.short.sum(id);
      }
      for (let i = start; i < end; i++) {
        const k = grownAt[i - start];
        if (k === 0) {
          shortInto(f, i, this.short.sorted(ids[i]));
          continue;
        }
        const big = this.accs[k - 1];
        const nights = big.nightTotals();
        f.visitorNights[i] = nights[0];
        f.visitorsWithNights[i] = nights[1];
        f.delegationsWithNights[i] = nights[2];
        describedInto(f, i, big.sizes.describe());
      }
    }
    return f;
  }

  /** The figures of the groups whose `chosen` is 1, as one group, in one pass over them. */
  statsOf(chosen: Uint8Array): GroupStats {
    const all = new GroupAccumulator();
    for (let id = 0; id < this.size; id++) {
      if (chosen[id] === 0) continue;
      this.addSizesTo(id, all.sizes);
      const big = this.bigOf(id);
      all.addNightTotals(big !== null ? big.nightTotals() : this.nights, big !== null ? 0 : 3 * id);
    }
    return all.stats();
  }

  toData(): GroupTableData {
    const big: [number, GroupData][] = [];
    for (let id = 0; id < this.size; id++) {
      const acc = this.bigOf(id);
      if (acc !== null) big.push([id, acc.toData()]);
    }
    return { short: this.short.toData(), nights: this.nights.slice(0, 3 * this.size), big };
  }

  static fromData(data: GroupTableData): GroupTable {
    const table = new GroupTable();
    table.short = ShortSamples.fromData(data.short);
    table.nights = data.nights;
    table.bigAt = new Int32Array(Math.max(16, data.short.size));
    for (const [id, acc] of data.big) table.setBig(id, GroupAccumulator.fromData(acc));
    return table;
  }

  /** Group id's short sizes and nights moved into a new GroupAccumulator. */
  private promote(id: number): GroupAccumulator {
    const acc = new GroupAccumulator();
    this.short.addTo(id, acc.sizes);
    acc.addNightTotals(this.nights, 3 * id);
    this.short.clear(id);
    return this.setBig(id, acc);
  }
}

/**
 * A group's description and nights as GroupStats (the description itself, completed: a million
 * groups make a million objects, not two million); visitor-nights null when no delegation has nights.
 */
function groupStats(d: Description, visitorNights: number, visitorsWithNights: number, delegationsWithNights: number): GroupStats {
  const stats = d as GroupStats;
  stats.visitorNights = delegationsWithNights > 0 ? visitorNights : null;
  stats.visitorsWithNights = visitorsWithNights;
  stats.averageStay = visitorsWithNights > 0 ? visitorNights / visitorsWithNights : null;
  stats.delegationsWithNights = delegationsWithNights;
  return stats;
}

/** Group i's sizes from a short sample's sorted values: what describeSorted gives, without the object. */
function shortInto(f: GroupFigures, i: number, sorted: Int32Array): void {
  const n = sorted.length;
  f.count[i] = n;
  if (n === 0) return;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += sorted[k];
  f.sum[i] = sum;
  f.min[i] = sorted[0];
  f.max[i] = sorted[n - 1];
  const valueAt = (k: number) => sorted[k];
  f.median[i] = numberOrNaN(exactQuantileOfOrdered(n, QUANTILES.median[0], QUANTILES.median[1], valueAt));
  f.p25[i] = numberOrNaN(exactQuantileOfOrdered(n, QUANTILES.p25[0], QUANTILES.p25[1], valueAt));
  f.p75[i] = numberOrNaN(exactQuantileOfOrdered(n, QUANTILES.p75[0], QUANTILES.p75[1], valueAt));
  f.p90[i] = numberOrNaN(exactQuantileOfOrdered(n, QUANTILES.p90[0], QUANTILES.p90[1], valueAt));
  f.sumOfSquares[i] = numberOrNaN(sumOfSquares(sorted));
}

/** Group i's sizes from their description. */
function describedInto(f: GroupFigures, i: number, d: Description): void {
  f.count[i] = d.count;
  const q = d.quantileNumerators;
  if (d.count === 0 || q === null) return;
  f.sum[i] = d.sum;
  f.min[i] = d.min!;
  f.max[i] = d.max!;
  f.median[i] = numberOrNaN(q.median);
  f.p25[i] = numberOrNaN(q.p25);
  f.p75[i] = numberOrNaN(q.p75);
  f.p90[i] = numberOrNaN(q.p90);
  f.sumOfSquares[i] = numberOrNaN(d.sumOfSquares);
}

function numberOrNaN(n: number | bigint): number {
  return typeof n === 'number' ? n : Number.NaN;
}

/** The summary with its groups and its figures, each built the first time it is read (JSON reads the groups, CSV the figures). */
function withFigures(
  summary: Omit<DelegationSummary, 'groups'>,
  figuresOf: () => GroupFigures,
  groupsOf: () => DelegationGroup[],
): DelegationSummary {
  let groups: DelegationGroup[] | null = null;
  let figures: GroupFigures | null = null;
  Object.defineProperty(summary, 'groups', { enumerable: true, get: () => (groups ??= groupsOf()) });
  Object.defineProperty(summary, 'figures', { enumerable: false, get: () => (figures ??= figuresOf()) });
  return summary as DelegationSummary;
}

/** The key of a group along one dimension (a store to a property, not a computed name: the objects share one shape). */
function keyAlong(dim: GroupDim, value: GroupKeyValue): Partial<Record<GroupDim, GroupKeyValue>> {
  const key: Partial<Record<GroupDim, GroupKeyValue>> = {};
  key[dim] = value;
  return key;
}

/** A group to show: its parts, and where its figures are. */
interface Leaf {
  parts: KeyPart[];
  table: GroupTable;
  id: number;
}

/**
 * Ids 0 .. size - 1 but `skip`, ordered by `before` (most visitors first, then by name): sorted on
 * their visitors as numbers in a typed array, id in the last digits, then each run of equal visitors
 * by name (`sortByName`), so that no comparison function is called (about 1 s less CPU at a million
 * groups, and 0.4 s less again). By `before` alone when the visitors times the groups would pass 2^53.
 */
function rankAll(
  size: number,
  skip: number,
  visitors: Float64Array,
  before: (a: number, b: number) => number,
  names: readonly unknown[],
): number[] {
  let [most, least] = [0, 0];
  for (let id = 0; id < size; id++) {
    if (id === skip) continue;
    most = Math.max(most, visitors[id]);
    least = Math.min(least, visitors[id]);
  }
  if (!Number.isSafeInteger((most - least + 1) * size)) {
    return Array.from({ length: size }, (_, id) => id)
      .filter((id) => id !== skip)
      .sort(before);
  }
  const keys = new Float64Array(skip >= 0 ? size - 1 : size);
  for (let id = 0, k = 0; id < size; id++) if (id !== skip) keys[k++] = (most - visitors[id]) * size + id;
  keys.sort();
  const ids = Array.from(keys, (key) => key % size);
  for (let start = 0; start < ids.length; ) {
    // A key less its id is its visitors' part: equal for equal visitors (exact, as both are safe integers).
    let end = start + 1;
    while (end < ids.length && keys[end] - ids[end] === keys[start] - ids[start]) end++;
    if (end - start > 1) sortByName(ids, start, end, names as readonly string[], 0);
    start = end;
  }
  return ids;
}

/**
 * Sorts ids[lo, hi) by their names in the order of `<` (UTF-16 code units, a prefix first), the
 * same names by id, names equal up to `depth`: three-way radix quicksort (Bentley and Sedgewick),
 * which reads each character once per partition instead of comparing whole names again and again.
 */
function sortByName(ids: number[], lo: number, hi: number, names: readonly string[], depth: number): void {
  while (hi - lo > INSERTION_MAX) {
    const pivot = codeAt(names[ids[(lo + hi) >>> 1]], depth);
    let [lt, i, gt] = [lo, lo, hi - 1];
    while (i <= gt) {
      const code = codeAt(names[ids[i]], depth);
      if (code < pivot) swap(ids, lt++, i++);
      else if (code > pivot) swap(ids, i, gt--);
      else i++;
    }
    if (pivot < 0) {
      // The same name (a value is one group: not met in practice).
      const same = ids.slice(lt, gt + 1).sort((a, b) => a - b);
      for (let k = 0; k < same.length; k++) ids[lt + k] = same[k];
    }
    // The two smaller parts by recursion, the largest by this loop: each call takes at most half of its
    // caller's ids, so the stack stays within log2 of them whatever the names (a crafted file included).
    const [below, equal, above] = [lt - lo, pivot < 0 ? -1 : gt + 1 - lt, hi - gt - 1];
    if (equal >= below && equal >= above) {
      sortByName(ids, lo, lt, names, depth);
      sortByName(ids, gt + 1, hi, names, depth);
      [lo, hi, depth] = [lt, gt + 1, depth + 1];
    } else if (below >= above) {
      if (equal > 0) sortByName(ids, lt, gt + 1, names, depth + 1);
      sortByName(ids, gt + 1, hi, names, depth);
      hi = lt;
    } else {
      sortByName(ids, lo, lt, names, depth);
      if (equal > 0) sortByName(ids, lt, gt + 1, names, depth + 1);
      lo = gt + 1;
    }
  }
  for (let i = lo + 1; i < hi; i++) {
    const id = ids[i];
    let j = i;
    for (; j > lo; j--) {
      const order = compareText(names[ids[j - 1]], names[id]);
      if (order < 0 || (order === 0 && ids[j - 1] < id)) break;
      ids[j] = ids[j - 1];
    }
    ids[j] = id;
  }
}

/** At most this many ids, sortByName sorts by insertion. */
const INSERTION_MAX = 12;

/** The code unit at `depth`, or -1 past the end (a prefix comes first). */
function codeAt(text: string, depth: number): number {
  return depth < text.length ? text.charCodeAt(depth) : -1;
}

function swap(ids: number[], a: number, b: number): void {
  const t = ids[a];
  ids[a] = ids[b];
  ids[b] = t;
}

/**
 * The `count` best of ids 0 .. size - 1 but `skip` by `before`, in order, in one pass keeping the best
 * so far sorted (a binary search and a shift for each that gets in); above PICK_TOP_MAX, by sorting them all.
 */
function pickBest(size: number, skip: number, count: number, before: (a: number, b: number) => number): number[] {
  if (count > PICK_TOP_MAX)
    return Array.from({ length: size }, (_, id) => id)
      .filter((id) => id !== skip)
      .sort(before)
      .slice(0, count);
  const best: number[] = [];
  for (let id = 0; id < size; id++) {
    if (id === skip) continue;
    if (best.length === count && before(id, best[count - 1]) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(best[mid], id) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, id);
    if (best.length > count) best.pop();
  }
  return best;
}

/**
 * The overall figures, refused when its sums are past 2^53 − 1 (model/exact.ts): every group's sums,
 * and the visitors per category the groups are ordered by, are at most the overall ones.
 */
function exactOverall(stats: GroupStats): void {
  exactSum(stats.sum, "the delegations' people");
  if (stats.visitorNights !== null) exactSum(stats.visitorNights, "the delegations' visitor-nights (people x nights)");
}

/** One dimension has a route of its own, a period's or a category's; several share the tree. */
function routeOf(dims: GroupDim[]): Route {
  if (dims.length === 0) return Route.Overall;
  if (dims.length > 1) return Route.Tree;
  return isPeriodDim(dims[0]) ? Route.Period : Route.Category;
}

/** A list field: a row goes to the group of each of its values. */
function fansOut(dim: CategoryDim): boolean {
  return categoryField(dim).kind === 'list';
}

function addTo(visitors: Map<string | null, number>, value: string | null, people: number): void {
  visitors.set(value, (visitors.get(value) ?? 0) + people);
}

/** Chronological; the null weekday (month-only dates) last. */
function periodRank(part: KeyPart): number {
  return typeof part === 'number' ? part : Number.MAX_SAFE_INTEGER;
}

/** Known values by their rank, then unknown (null), then OTHER. */
function categoryRank(part: KeyPart, ranks: Map<string, number>): number {
  if (part === null) return ranks.size;
  if (isOther(part)) return ranks.size + 1;
  return ranks.get(part as string)!;
}

/** Two leaves' ranks, dimension by dimension. */
function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** A period part as the result shows it: the Period of its key, or null (the unknown weekday). */
function periodPart(dim: PeriodDim, part: KeyPart): Period | null {
  return typeof part === 'number' ? periodFromKey(dim, part) : null;
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
