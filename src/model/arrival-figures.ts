/**
 * Arrivals figures as the commands' models take them: every figure read, summed by its key
 * (arrival-key.ts: period, segment, destination, country) and by the breakdown of its file, so that
 * figures by destination, figures by country and plain totals of the same arrivals are kept apart and
 * never added together. Pure: the sinks feed it rows and ask it for views once everything is read.
 *
 * **Which figures count.** For each month (a year, for annual figures) and segment, a view takes the
 * figures of one breakdown: of those that have the view's dimensions, the coarsest present (fewest
 * dimensions; destination before country). So the totals (a view of no dimension) come from a file
 * of totals when there is one for that month, else from the figures by destination, else by country;
 * a view by destination takes the figures by destination, summed over countries when only figures by
 * destination and country exist. Figures of the other breakdowns of that month are checked against
 * the counted ones (differences()): they cut the same arrivals another way.
 *
 * Kept per cell, not per row: a cell is a period (a day or a month, as `granularity` says; a year for
 * annual figures), a segment, a breakdown and the values of the dimensions in `keep`.
 */
import { type ArrivalDim, BREAKDOWN_BIT, breakdownOf, countryKey, destinationKey, dimsOf, isUnknownCountry } from './arrival-key';
import { type Country, countryByCode } from './countries';
import type { PeriodDate } from './dates';
import type { ArrivalBatch, ArrivalRow, Segment } from './records';
import { InputError } from '../errors';

/** Days kept as days (spending's rates and progress go by the day), or summed into their month. */
export type Granularity = 'day' | 'month';

export interface ArrivalFiguresOptions {
  granularity: Granularity;
  /** The dimensions views will be asked for: the others are summed over as rows come in. */
  keep: readonly ArrivalDim[];
}

/** Values of one dimension as written, each with its key and how many rows had it. */
class Values {
  private readonly ids = new Map<string, number>();
  readonly written: string[] = [];
  readonly rows: number[] = [];
  /** Written id -> key id. */
  private readonly keyOfWritten: number[] = [];
  private readonly keyIds = new Map<string, number>();
  readonly keys: string[] = [];

  constructor(private readonly fold: (written: string) => string) {}

  /** The key id of a written value, the row counted. */
  id(written: string, rows = 1): number {
    const w = this.writtenId(written);
    this.rows[w] += rows;
    return this.keyOfWritten[w];
  }

  /** A written value's own id (rows not counted). */
  writtenId(written: string): number {
    let w = this.ids.get(written);
    if (w === undefined) {
      w = this.written.length;
      this.ids.set(written, w);
      this.written.push(written);
      this.rows.push(0);
      this.keyOfWritten.push(this.keyId(this.fold(written)));
    }
    return w;
  }

  /** The key id of a written id. */
  keyOf(w: number): number {
    return this.keyOfWritten[w];
  }

  keyId(key: string): number {
    let k = this.keyIds.get(key);
    if (k === undefined) {
      k = this.keys.length;
      this.keyIds.set(key, k);
      this.keys.push(key);
    }
    return k;
  }

  /** The spelling most rows have of a key (ties: the first in code-point order). */
  shown(key: string): string {
    const k = this.keyIds.get(key);
    let best = -1;
    for (let w = 0; w < this.written.length; w++) {
      if (this.keyOfWritten[w] !== k) continue;
      if (best < 0 || this.rows[w] > this.rows[best] || (this.rows[w] === this.rows[best] && this.written[w] < this.written[best]))
        best = w;
    }
    return best < 0 ? key : this.written[best];
  }

  toData(): ValuesData {
    return { written: [...this.written], rows: [...this.rows] };
  }
}

interface ValuesData {
  written: string[];
  rows: number[];
}

/** An ArrivalFigures' state as plain data (structured-clone safe): toData() gives it, absorb() takes it. */
export interface ArrivalFiguresData {
  destinations: ValuesData;
  countries: ValuesData;
  /** Outer cell key, then [inner key, count] with the inner keys' values by their keys. */
  cells: [number, [number, number][]][];
  destinationKeys: string[];
  countryKeys: string[];
}

/** A month (or a year) and segment where figures of two breakdowns differ. */
export interface BreakdownDifference {
  year: number;
  /** null: annual figures. */
  month: number | null;
  segment: Segment;
  /** The breakdown whose figures count (as breakdownOf gives it), and their sum. */
  counted: { breakdown: number; sum: number };
  other: { breakdown: number; sum: number };
}

/** Where arrivals figures came from: each breakdown as the dimensions it has ([] for totals). */
export interface ArrivalSources {
  /** The breakdowns of the figures read, coarsest first. */
  breakdowns: ArrivalDim[][];
  /** The breakdowns the totals were taken from (per month the coarsest: several when months differ). */
  totalsFrom: ArrivalDim[][];
  /** Destinations (by key) and countries (by country, or name) the figures name. */
  destinations: number;
  countries: number;
  /** Months (years) and segments whose figures of another breakdown differ from the counted ones. */
  differences: BreakdownDifference[];
}

/** Inner keys: (destination key id + 1) * COUNTRY_SLOTS + (country key id + 1); 0 is none. */
const COUNTRY_SLOTS = 2 ** 21;

export class ArrivalFigures {
  /** Outer key (span, breakdown, segment) -> inner key (destination, country) -> the count. */
  private readonly cells = new Map<number, Map<number, { n: number }>>();
  private readonly destinations = new Values(destinationKey);
  private readonly countries = new Values(countryKey);
  private readonly days: boolean;
  private readonly keepDestination: boolean;
  private readonly keepCountry: boolean;
  /** addBatch: per code of the batches' code space, the written id of a destination and a country, and a period's cell. */
  private codeSpace: object | null = null;
  private destinationByCode: number[] = [];
  private countryByCode: number[] = [];
  private cellByCode: Map<number, { n: number }>[] = [];

  constructor(readonly options: ArrivalFiguresOptions) {
    this.days = options.granularity === 'day';
    this.keepDestination = options.keep.includes('destination');
    this.keepCountry = options.keep.includes('country');
  }

  add(row: ArrivalRow): void {
    const { period } = row;
    const span = period.year * 10000 + (period.month ?? 0) * 100 + (this.days ? (period.day ?? 0) : 0);
    const outer = span * 8 + (row.breakdown ?? 0) * 2 + (row.segment === 'foreign' ? 1 : 0);
    const destination = row.destination == null ? 0 : this.destinations.id(row.destination) + 1;
    const country = row.country == null ? 0 : this.countries.id(row.country) + 1;
    if (country >= COUNTRY_SLOTS) throw new InputError(`more than ${COUNTRY_SLOTS - 1} different country names: not a table of countries`);
    const inner = (this.keepDestination ? destination : 0) * COUNTRY_SLOTS + (this.keepCountry ? country : 0);
    let cell = this.cells.get(outer);
    if (cell === undefined) this.cells.set(outer, (cell = new Map()));
    const acc = cell.get(inner);
    if (acc === undefined) cell.set(inner, { n: row.count });
    else acc.n += row.count;
  }

  /**
   * A batch's figures, as add() would take them one by one: per code of the batch's code space the
   * written value's id is looked up once, and per period code and segment its cell.
   */
  addBatch(batch: ArrivalBatch): void {
    if (batch.codeSpace !== this.codeSpace) {
      this.codeSpace = batch.codeSpace;
      this.destinationByCode = [];
      this.countryByCode = [];
      this.cellByCode = [];
    }
    const { period, periodCode, foreign, count, destination, destinationCode, country, countryCode } = batch;
    const breakdown = batch.breakdown;
    // The last figure's count: a file by destination and country gives one destination's figures in a row.
    let last: { n: number } | undefined;
    let lastCell: Map<number, { n: number }> | undefined;
    let lastInner = -1;
    for (let i = 0; i < batch.length; i++) {
      const d = this.valueId(this.destinations, this.destinationByCode, destination[i], destinationCode[i]);
      const c = this.valueId(this.countries, this.countryByCode, country[i], countryCode[i]);
      const inner = (this.keepDestination ? d : 0) * COUNTRY_SLOTS + (this.keepCountry ? c : 0);
      const code = periodCode[i];
      const slot = code * 2 + foreign[i];
      let cell = code >= 0 ? this.cellByCode[slot] : undefined;
      if (cell === undefined) {
        cell = this.cellOf(period[i], breakdown, foreign[i] === 1);
        if (code >= 0) this.cellByCode[slot] = cell;
      }
      if (cell === lastCell && inner === lastInner) {
        last!.n += count[i];
        continue;
      }
      last = cell.get(inner);
      if (last === undefined) cell.set(inner, (last = { n: count[i] }));
      else last.n += count[i];
      lastCell = cell;
      lastInner = inner;
    }
  }

  /** A value's key id + 1 (0: none), the row counted: by its code when it has one. */
  private valueId(values: Values, byCode: number[], written: string | null, code: number): number {
    if (written === null) return 0;
    if (code < 0) return values.id(written) + 1;
    let w = byCode[code];
    if (w === undefined) byCode[code] = w = values.writtenId(written);
    values.rows[w]++;
    return values.keyOf(w) + 1;
  }

  private cellOf(period: PeriodDate, breakdown: number, foreign: boolean): Map<number, { n: number }> {
    const span = period.year * 10000 + (period.month ?? 0) * 100 + (this.days ? (period.day ?? 0) : 0);
    const outer = span * 8 + breakdown * 2 + (foreign ? 1 : 0);
    let cell = this.cells.get(outer);
    if (cell === undefined) this.cells.set(outer, (cell = new Map()));
    return cell;
  }

  toData(): ArrivalFiguresData {
    return {
      destinations: this.destinations.toData(),
      countries: this.countries.toData(),
      cells: [...this.cells].map(([outer, cell]) => [outer, [...cell].map(([inner, acc]): [number, number] => [inner, acc.n])]),
      destinationKeys: [...this.destinations.keys],
      countryKeys: [...this.countries.keys],
    };
  }

  /** Adds the figures of another ArrivalFigures with the same options, given as toData() gave them. */
  absorb(data: ArrivalFiguresData): void {
    data.destinations.written.forEach((w, i) => this.destinations.id(w, data.destinations.rows[i]));
    data.countries.written.forEach((w, i) => this.countries.id(w, data.countries.rows[i]));
    const destinationIds = data.destinationKeys.map((key) => this.destinations.keyId(key));
    const countryIds = data.countryKeys.map((key) => this.countries.keyId(key));
    for (const [outer, theirs] of data.cells) {
      let cell = this.cells.get(outer);
      if (cell === undefined) this.cells.set(outer, (cell = new Map()));
      for (const [inner, count] of theirs) {
        const d = Math.floor(inner / COUNTRY_SLOTS);
        const c = inner % COUNTRY_SLOTS;
        const mine = (d === 0 ? 0 : destinationIds[d - 1] + 1) * COUNTRY_SLOTS + (c === 0 ? 0 : countryIds[c - 1] + 1);
        const acc = cell.get(mine);
        if (acc === undefined) cell.set(mine, { n: count });
        else acc.n += count;
      }
    }
  }

  /** Whether any figure was added. */
  get empty(): boolean {
    return this.cells.size === 0;
  }

  /** The breakdowns the figures come in (as breakdownOf gives them), coarsest first. */
  breakdowns(): number[] {
    const seen = new Set<number>();
    for (const outer of this.cells.keys()) seen.add(Math.floor(outer / 2) % 4);
    return [...seen].sort(byCoarseness);
  }

  /**
   * The figures a view of `dims` counts, summed by period, segment and the view's dimensions (a
   * destination or country by its key; null: the row had none). Per month (year) and segment, the
   * coarsest breakdown that has the view's dimensions; with `fallback`, where none has them, the
   * coarsest there is (its figures then have null for the dimensions it lacks). `segments` limits
   * the view to some segments.
   */
  select(
    dims: readonly ArrivalDim[],
    { fallback = false, segments }: { fallback?: boolean; segments?: readonly Segment[] } = {},
  ): ArrivalRow[] {
    const want = breakdownOf(dims);
    const chosen = this.choose(want, fallback);
    const withDestination = (want & BREAKDOWN_BIT.destination) !== 0;
    const withCountry = (want & BREAKDOWN_BIT.country) !== 0;
    const sums = new Map<string, ArrivalRow>();
    for (const [outer, cell] of this.cells) {
      const { span, breakdown, segment } = decode(outer);
      if (segments && !segments.includes(segment)) continue;
      if (chosen.get(resolutionKey(span, segment)) !== breakdown) continue;
      for (const [inner, { n: count }] of cell) {
        const d = withDestination ? Math.floor(inner / COUNTRY_SLOTS) : 0;
        const c = withCountry ? inner % COUNTRY_SLOTS : 0;
        const id = `${span}|${segment}|${d}|${c}`;
        const sum = sums.get(id);
        if (sum) sum.count += count;
        else {
          sums.set(id, {
            period: periodOf(span),
            segment,
            count,
            ...(withDestination ? { destination: d === 0 ? null : this.destinations.keys[d - 1] } : {}),
            ...(withCountry ? { country: c === 0 ? null : this.countries.keys[c - 1] } : {}),
            breakdown,
          });
        }
      }
    }
    return [...sums.values()];
  }

  /** Per month (year) and segment with figures of several breakdowns: those that differ from the counted ones. */
  differences(): BreakdownDifference[] {
    const sums = new Map<number, Map<number, number>>();
    for (const [outer, cell] of this.cells) {
      const { span, breakdown, segment } = decode(outer);
      const key = resolutionKey(span, segment);
      let byBreakdown = sums.get(key);
      if (!byBreakdown) sums.set(key, (byBreakdown = new Map()));
      let sum = byBreakdown.get(breakdown) ?? 0;
      for (const acc of cell.values()) sum += acc.n;
      byBreakdown.set(breakdown, sum);
    }
    const differences: BreakdownDifference[] = [];
    for (const [key, byBreakdown] of [...sums].sort(([a], [b]) => a - b)) {
      if (byBreakdown.size < 2) continue;
      const [counted, ...others] = [...byBreakdown.keys()].sort(byCoarseness);
      const month = Math.floor(key / 2) % 100;
      const at = { year: Math.floor(key / 200), month: month === 0 ? null : month, segment: (key % 2 ? 'foreign' : 'domestic') as Segment };
      for (const other of others) {
        const sum = byBreakdown.get(other)!;
        if (sum !== byBreakdown.get(counted))
          differences.push({ ...at, counted: { breakdown: counted, sum: byBreakdown.get(counted)! }, other: { breakdown: other, sum } });
      }
    }
    return differences;
  }

  /** How many destinations the figures name (by key). */
  get destinationCount(): number {
    return this.destinations.keys.length;
  }

  /** How many countries (and names no country has) the figures name, by key. */
  get countryCount(): number {
    return this.countries.keys.length;
  }

  /** A destination key as shown: the spelling most rows have. */
  destinationName(key: string): string {
    return this.destinations.shown(key);
  }

  /** A country key's country, or for a name no country has the spelling most rows have. */
  country(key: string): Country | { name: string } {
    return isUnknownCountry(key) ? { name: this.countries.shown(key) } : countryByCode(key)!;
  }

  /**
   * Arrivals a view of `dims` has (`view`), the same with the months that lack the breakdown taken as
   * they are (`withFallback`), against those the totals count: they differ where a breakdown disagrees
   * with the totals of its month.
   */
  reach(dims: readonly ArrivalDim[], segments?: readonly Segment[]): { view: number; withFallback: number; counted: number } {
    const sum = (rows: ArrivalRow[]) => rows.reduce((n, row) => n + row.count, 0);
    return {
      view: sum(this.select(dims, { segments })),
      withFallback: sum(this.select(dims, { segments, fallback: true })),
      counted: sum(this.select([], { segments })),
    };
  }

  /** Where the figures came from and how their breakdowns compare: for notes and the data quality. */
  sources(): ArrivalSources {
    const counted = new Set(this.choose(0, true).values());
    return {
      breakdowns: this.breakdowns().map(dimsOf),
      totalsFrom: [...counted].sort(byCoarseness).map(dimsOf),
      destinations: this.destinationCount,
      countries: this.countryCount,
      differences: this.differences(),
    };
  }

  /** Per (month or year, segment): the breakdown a view of `want` takes. */
  private choose(want: number, fallback: boolean): Map<number, number> {
    const present = new Map<number, number[]>();
    for (const outer of this.cells.keys()) {
      const { span, breakdown, segment } = decode(outer);
      const key = resolutionKey(span, segment);
      const list = present.get(key);
      if (!list) present.set(key, [breakdown]);
      else if (!list.includes(breakdown)) list.push(breakdown);
    }
    const chosen = new Map<number, number>();
    for (const [key, list] of present) {
      const sorted = list.sort(byCoarseness);
      const pick = sorted.find((b) => (b & want) === want) ?? (fallback ? sorted[0] : undefined);
      if (pick !== undefined) chosen.set(key, pick);
    }
    return chosen;
  }
}

function decode(outer: number): { span: number; breakdown: number; segment: Segment } {
  return { span: Math.floor(outer / 8), breakdown: Math.floor(outer / 2) % 4, segment: outer % 2 ? 'foreign' : 'domestic' };
}

/** The month (or, for annual figures, the year) of a cell's span, and its segment: where breakdowns are chosen. */
function resolutionKey(span: number, segment: Segment): number {
  return Math.floor(span / 100) * 2 + (segment === 'foreign' ? 1 : 0);
}

function periodOf(span: number): PeriodDate {
  const year = Math.floor(span / 10000);
  const month = Math.floor(span / 100) % 100;
  const day = span % 100;
  return Object.freeze(month === 0 ? { year, month: null, day: null } : { year, month, day: day === 0 ? null : day });
}

const bits = (b: number) => (b & 1) + ((b >> 1) & 1);

/** Fewer dimensions first; destination (1) before country (2). */
function byCoarseness(a: number, b: number): number {
  return bits(a) - bits(b) || a - b;
}
