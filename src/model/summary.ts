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
import type { Description } from '../stats/describe';
import { exactSum } from './exact';
import { IntSample, type IntSampleData } from '../stats/int-sample';
import { type Period, periodFromKey } from './period';
import { type DelegationBatch, type DelegationRow, rowOf } from './records';
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
  type ArrivalSummary,
  type ArrivalPeriodRow,
  type ArrivalTotals,
  type ArrivalUnit,
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
}

export interface DelegationSummaryOptions {
  /** Distinct dimensions. */
  groupBy: GroupDim[];
  /** `--top N`: a positive integer. */
  top?: number;
}

/** The key of a row along one dimension: a periodKey, a category name, null, or (after top-N) OTHER. */
type KeyPart = number | string | null | OtherCategories;
type Node = Map<KeyPart, Node | GroupAccumulator>;

/**
 * How add() files a row, chosen once from the dimensions. With one dimension the group is found by
 * one lookup (a period by its key in an array, a category's value in one Map), and everything over
 * all the data that the groups already hold is taken from them at the end rather than counted again
 * per row: each category's visitors are its group's sum, and (unless a list field fans rows out) the
 * overall sizes are the groups' sizes together. Several dimensions walk a tree of Maps, one level each.
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
  /** One dimension: every group, in order of appearance. */
  private readonly leaves: Leaf[] = [];
  /** Route.Category: the group of each value. */
  private readonly byValue = new Map<string | null, GroupAccumulator>();
  /** Route.Period: the group of periodKey k at slots[k - slotBase]; keys beyond MAX_PERIOD_SLOTS and null in byPeriod. */
  private slots: (GroupAccumulator | null)[] = [];
  private slotBase = 0;
  private readonly byPeriod = new Map<number | null, GroupAccumulator>();
  /** Route.Tree: nested Maps, and the visitors over all the data per category value (for ordering and top-N). */
  private readonly root: Node = new Map();
  private readonly categoryVisitors: CategoryVisitors[] = [];
  /** Route.Tree: per dimension, whether it is a list field, and how to read a category's value. */
  private readonly fansOutAt: boolean[];
  private readonly readAt: (ReadValue | null)[];
  /** Route.Category: how to read the value. */
  private readonly read: ReadValue | null;
  /** addBatch with one dimension: the group of each code of the batches' code space (date codes for a period). */
  private byCode: (GroupAccumulator | undefined)[] = [];
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
        this.periodGroup(periodKeyOfDate(row.date, this.dims[0] as PeriodDim)).add(row.people, row.nights);
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
      return this.addToEach(value as readonly string[], row);
    }
    this.categoryGroup(value as string | null).add(row.people, row.nights);
    this.overall.addNights(row.people, row.nights);
  }

  /**
   * The rows of a batch, as add() would take them one by one: with one dimension (a period, or a field
   * of one value per row), the group of a row is looked up by its code (a date's for a period) in an array.
   */
  addBatch(batch: DelegationBatch): void {
    const { values, codes } = batch;
    if (this.route === Route.Period) {
      const dim = this.dims[0] as PeriodDim;
      return this.addByCode(batch, codes.date, (i) => this.periodGroup(periodKeyOfDate(values.date[i], dim)));
    }
    if (this.route === Route.Category && !this.fansOut) {
      const field = this.category!;
      const column = values[field] as readonly (string | null)[];
      return this.addByCode(batch, codes[field], (i) => this.categoryGroup(column[i]));
    }
    for (let i = 0; i < batch.length; i++) this.add(rowOf(batch, i));
  }

  /** Rows to the group of their code, found by `groupOf` for a code not met before (and a row without one). */
  private addByCode(batch: DelegationBatch, codes: Int32Array, groupOf: (i: number) => GroupAccumulator): void {
    if (batch.codeSpace !== this.codeSpace) {
      this.codeSpace = batch.codeSpace;
      this.byCode = [];
    }
    const byCode = this.byCode;
    const { people, nights } = batch.values;
    for (let i = 0; i < batch.length; i++) {
      const code = codes[i];
      let acc = code >= 0 && code < byCode.length ? byCode[code] : undefined;
      if (acc === undefined) {
        acc = groupOf(i);
        if (code >= 0) {
          while (byCode.length <= code) byCode.push(undefined);
          byCode[code] = acc;
        }
      }
      const n = nights[i];
      acc.add(people[i], n < 0 ? null : n);
      this.overall.addNights(people[i], n < 0 ? null : n);
    }
  }

  /**
   * Adds the rows another summarizer with the same options was given, as if they had been added
   * here: the result is the same as one summarizer's over all the rows, in any order.
   */
  mergeFrom(other: DelegationSummarizer): void {
    this.absorb(other.toData());
  }

  /** The state as plain data, to cross to another thread: absorb() takes it. */
  toData(): DelegationSummaryData {
    return {
      dims: [...this.dims],
      top: this.top ?? null,
      overall: this.overall.toData(),
      leaves: this.allLeaves().map((leaf) => ({ parts: leaf.parts, acc: leaf.acc.toData() })),
      categoryVisitors: this.categoryVisitors.map(({ visitors }) => [...visitors]),
    };
  }

  /** Adds the rows of a summarizer with the same options, given as toData() gave its state. */
  absorb(data: DelegationSummaryData): void {
    if (data.dims.join() !== this.dims.join() || data.top !== (this.top ?? null)) {
      throw new Error('DelegationSummarizer: merging summarizers with different options');
    }
    this.overall.mergeFrom(GroupAccumulator.fromData(data.overall));
    for (const leaf of data.leaves) this.groupAt(leaf.parts).mergeFrom(GroupAccumulator.fromData(leaf.acc));
    data.categoryVisitors.forEach((visitors, c) => {
      for (const [value, people] of visitors) addTo(this.categoryVisitors[c].visitors, value, people);
    });
  }

  result(): DelegationSummary {
    const leaves = this.allLeaves();
    const described = new Map<GroupAccumulator, GroupStats>();
    const statsOf = (acc: GroupAccumulator): GroupStats => {
      let stats = described.get(acc);
      if (stats === undefined) described.set(acc, (stats = acc.stats()));
      return stats;
    };
    const order = this.categoryOrder(this.route === Route.Tree ? this.categoryVisitors : this.visitorsOfGroups(leaves, statsOf));
    const ranks = new Map([...order].map(([dim, values]) => [dim, new Map(values.map((v, i) => [v, i]))]));
    const groups = this.mergeIntoOther(leaves, order)
      .sort((a, b) => this.compareParts(a.parts, b.parts, ranks))
      .map((leaf) => ({ key: this.keyOf(leaf.parts), stats: statsOf(leaf.acc) }));
    return { groupBy: [...this.dims], overall: exactOverall(this.overallStats(leaves)), groups, otherValues: this.otherValues(order) };
  }

  private overallStats(leaves: Leaf[]): GroupStats {
    if (!this.overallFromGroups) return this.overall.stats();
    const sizes = new IntSample();
    for (const leaf of leaves) sizes.mergeFrom(leaf.acc.sizes);
    return this.overall.stats(sizes);
  }

  private allLeaves(): Leaf[] {
    return this.route === Route.Tree ? collectLeaves(this.root, this.dims.length) : this.leaves;
  }

  /** With one category dimension, its visitors per value are the sums of its groups. */
  private visitorsOfGroups(
    leaves: Leaf[],
    statsOf: (acc: GroupAccumulator) => GroupStats,
  ): { dim: CategoryDim; visitors: Map<string | null, number> }[] {
    if (this.route === Route.Overall || this.route === Route.Period) return [];
    const visitors = new Map<string | null, number>();
    for (const leaf of leaves) visitors.set(leaf.parts[0] as string | null, statsOf(leaf.acc).sum);
    return [{ dim: this.dims[0] as CategoryDim, visitors }];
  }

  private periodGroup(key: number | null): GroupAccumulator {
    if (key !== null) {
      const slot = key - this.slotBase;
      if (slot >= 0 && slot < this.slots.length) {
        const acc = this.slots[slot];
        if (acc !== null) return acc;
      }
    }
    let acc = this.byPeriod.get(key);
    if (acc === undefined) {
      acc = this.newLeaf([key]);
      if (!this.placeInSlots(key, acc)) this.byPeriod.set(key, acc);
    }
    return acc;
  }

  /** Puts a new period group in the array, widening it, unless the keys would span too many slots. */
  private placeInSlots(key: number | null, acc: GroupAccumulator): boolean {
    if (key === null) return false;
    if (this.slots.length === 0) this.slotBase = key;
    const base = Math.min(this.slotBase, key);
    const end = Math.max(this.slotBase + this.slots.length, key + 1);
    if (end - base > MAX_PERIOD_SLOTS) return false;
    if (base !== this.slotBase || end !== this.slotBase + this.slots.length) {
      const slots = new Array<GroupAccumulator | null>(end - base).fill(null);
      for (let i = 0; i < this.slots.length; i++) slots[this.slotBase - base + i] = this.slots[i];
      this.slots = slots;
      this.slotBase = base;
    }
    this.slots[key - base] = acc;
    return true;
  }

  private categoryGroup(value: string | null): GroupAccumulator {
    let acc = this.byValue.get(value);
    if (acc === undefined) this.byValue.set(value, (acc = this.newLeaf([value])));
    return acc;
  }

  /** A delegation counts once in each of a list field's values; with none, in the unknown value. */
  private addToEach(values: readonly string[], row: DelegationRow): void {
    if (values.length === 0) return this.categoryGroup(null).add(row.people, row.nights);
    for (let i = 0; i < values.length; i++) {
      if (!isRepeatedValue(values, i)) this.categoryGroup(values[i]).add(row.people, row.nights);
    }
  }

  /** A group for one dimension. */
  private newLeaf(parts: KeyPart[]): GroupAccumulator {
    const acc = new GroupAccumulator();
    this.leaves.push({ parts, acc });
    return acc;
  }

  /** The group of a key (any route), made if missing: for mergeFrom. */
  private groupAt(parts: KeyPart[]): GroupAccumulator {
    const part = parts[0];
    switch (this.route) {
      case Route.Overall:
        throw new Error('no groups without dimensions');
      case Route.Period:
        return this.periodGroup(part as number | null);
      case Route.Tree: {
        let node = this.root;
        for (let depth = 0; depth < parts.length - 1; depth++) {
          let child = node.get(parts[depth]) as Node | undefined;
          if (child === undefined) node.set(parts[depth], (child = new Map()));
          node = child;
        }
        let acc = node.get(parts[parts.length - 1]) as GroupAccumulator | undefined;
        if (acc === undefined) node.set(parts[parts.length - 1], (acc = new GroupAccumulator()));
        return acc;
      }
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
  private addAt(node: Node, depth: number, row: DelegationRow): void {
    const dim = this.dims[depth];
    if (isPeriodDim(dim)) return this.descend(node, depth, periodKeyOfDate(row.date, dim), row);
    const value = this.readAt[depth]!(row);
    if (!this.fansOutAt[depth]) return this.descend(node, depth, value as string | null, row);
    const values = value as readonly string[];
    if (values.length === 0) return this.descend(node, depth, null, row);
    for (let i = 0; i < values.length; i++) if (!isRepeatedValue(values, i)) this.descend(node, depth, values[i], row);
  }

  private descend(node: Node, depth: number, part: KeyPart, row: DelegationRow): void {
    if (depth === this.dims.length - 1) {
      let acc = node.get(part) as GroupAccumulator | undefined;
      if (acc === undefined) node.set(part, (acc = new GroupAccumulator()));
      acc.add(row.people, row.nights);
      return;
    }
    let child = node.get(part) as Node | undefined;
    if (child === undefined) node.set(part, (child = new Map()));
    this.addAt(child, depth + 1, row);
  }

  /** Known values of each category dimension, most visitors first, then by name. */
  private categoryOrder(categoryVisitors: { dim: CategoryDim; visitors: Map<string | null, number> }[]): Map<CategoryDim, string[]> {
    const order = new Map<CategoryDim, string[]>();
    for (const { dim, visitors } of categoryVisitors) {
      const named = [...visitors.keys()].filter((v): v is string => v !== null);
      order.set(
        dim,
        named.sort((a, b) => visitors.get(b)! - visitors.get(a)! || compareText(a, b)),
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
    for (const leaf of leaves) {
      const parts = leaf.parts.map((part, i) => {
        const keep = kept.get(this.dims[i] as CategoryDim);
        return keep && typeof part === 'string' && !keep.has(part) ? OTHER : part;
      });
      if (!parts.includes(OTHER)) {
        untouched.push(leaf);
        continue;
      }
      const id = JSON.stringify(parts);
      let target = merged.get(id);
      if (target === undefined) merged.set(id, (target = { parts, acc: new GroupAccumulator() }));
      target.acc.mergeFrom(leaf.acc);
    }
    return [...untouched, ...merged.values()];
  }

  private compareParts(a: KeyPart[], b: KeyPart[], ranks: Map<CategoryDim, Map<string, number>>): number {
    for (let i = 0; i < this.dims.length; i++) {
      const dim = this.dims[i];
      const diff = isPeriodDim(dim)
        ? periodRank(a[i]) - periodRank(b[i])
        : categoryRank(a[i], ranks.get(dim)!) - categoryRank(b[i], ranks.get(dim)!);
      if (diff !== 0) return diff;
    }
    return 0;
  }

  private keyOf(parts: KeyPart[]): Partial<Record<GroupDim, GroupKeyValue>> {
    const key: Partial<Record<GroupDim, GroupKeyValue>> = {};
    this.dims.forEach((dim, i) => {
      const part = parts[i];
      key[dim] = isPeriodDim(dim) && typeof part === 'number' ? periodFromKey(dim, part) : (part as GroupKeyValue);
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
  leaves: { parts: KeyPart[]; acc: GroupData }[];
  categoryVisitors: [string | null, number][][];
}

interface GroupData {
  sizes: IntSampleData;
  visitorNights: number;
  visitorsWithNights: number;
  delegationsWithNights: number;
}

/** Group sizes and nights of one group; one per group, never one per row. */
class GroupAccumulator {
  constructor(readonly sizes = new IntSample()) {}

  private visitorNights = 0;
  private visitorsWithNights = 0;
  private delegationsWithNights = 0;

  add(people: number, nights: number | null): void {
    this.sizes.add(people);
    if (nights === null) return;
    this.visitorNights += people * nights;
    this.visitorsWithNights += people;
    this.delegationsWithNights++;
  }

  /** The nights alone, for the overall figures when its sizes are those of the groups. */
  addNights(people: number, nights: number | null): void {
    if (nights === null) return;
    this.visitorNights += people * nights;
    this.visitorsWithNights += people;
    this.delegationsWithNights++;
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
    this.visitorNights += other.visitorNights;
    this.visitorsWithNights += other.visitorsWithNights;
    this.delegationsWithNights += other.delegationsWithNights;
  }

  stats(sizes: IntSample = this.sizes): GroupStats {
    const known = this.delegationsWithNights > 0;
    return {
      ...sizes.describe(),
      visitorNights: known ? this.visitorNights : null,
      visitorsWithNights: this.visitorsWithNights,
      averageStay: this.visitorsWithNights > 0 ? this.visitorNights / this.visitorsWithNights : null,
      delegationsWithNights: this.delegationsWithNights,
    };
  }
}

interface Leaf {
  parts: KeyPart[];
  acc: GroupAccumulator;
}

function collectLeaves(node: Node, depth: number, prefix: KeyPart[] = [], out: Leaf[] = []): Leaf[] {
  if (depth === 0) return out;
  for (const [part, child] of node) {
    const parts = [...prefix, part];
    if (depth === 1) out.push({ parts, acc: child as GroupAccumulator });
    else collectLeaves(child as Node, depth - 1, parts, out);
  }
  return out;
}

/**
 * The overall figures, refused when its sums are past 2^53 − 1 (model/exact.ts): every group's sums,
 * and the visitors per category the groups are ordered by, are at most the overall ones.
 */
function exactOverall(stats: GroupStats): GroupStats {
  exactSum(stats.sum, "the delegations' people");
  if (stats.visitorNights !== null) exactSum(stats.visitorNights, "the delegations' visitor-nights (people x nights)");
  return stats;
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

/** Code-unit order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
