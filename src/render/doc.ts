/**
 * The neutral result model: commands build a Doc of typed cells, and the renderers decide how each
 * cell looks in the chosen format and locale. Nothing here is formatted yet.
 */
import type { DayRange } from '../model/coverage';
import type { CalDate } from '../model/dates';
import type { Period } from '../model/period';
import { type Exact, isExact } from '../stats/exact';

/** Text shown to people: one string for both locales, or one per locale. */
export type Label = string | { id: string; en: string };

/**
 * How a column's numbers are shown:
 * - `int`, `decimal` (column `decimals`, default 1); a number cell is rounded half up from the value
 *   it holds, so a figure that is a ratio of integers is given as an Exact (src/stats/exact.ts);
 * - `percent`: percentage points (78.5 means 78.5 %), never a 0..1 ratio; default 1 decimal;
 * - `money`: integer rupiah (bigint) written in full; `moneyShort`: with a scale word in table and
 *   markdown (`Rp7,47 triliun`), in full in CSV;
 * - `text`, `period`, `date`.
 */
export type CellKind = 'int' | 'decimal' | 'percent' | 'money' | 'moneyShort' | 'text' | 'period' | 'date';

export interface Column {
  /** camelCase machine name: the row key, and the CSV header. */
  key: string;
  label: Label;
  kind: CellKind;
  decimals?: number;
}

/** A month, quarter or year the data covers only in part, with the days it covers: `Agustus 2018 (1–9)`. */
export interface PartialPeriod {
  period: Period;
  covered: DayRange[];
}

/**
 * null means "not available" (`-` in table and markdown, empty in CSV), never 0. So do NaN and
 * ±Infinity, e.g. growth against a zero base.
 */
export type Cell = number | bigint | Exact | string | Period | PartialPeriod | CalDate | null;

export type Row = Record<string, Cell>;

/**
 * A table's rows: an array, or rows made one at a time as a renderer walks them (lazyRows), so that
 * a million groups never exist as rows all at once.
 */
export interface RowList extends Iterable<Row> {
  readonly length: number;
  map<T>(each: (row: Row, index: number) => T): T[];
}

/** Rows made from `items` by `rowOf` each time they are walked. */
export function lazyRows<T>(items: readonly T[], rowOf: (item: T) => Row): RowList {
  return {
    length: items.length,
    map: (each) => items.map((item, i) => each(rowOf(item), i)),
    *[Symbol.iterator]() {
      for (const item of items) yield rowOf(item);
    },
  };
}

/**
 * A column of many rows' cells kept in arrays: any cells (`at`), numbers (NaN: not available), or
 * exact figures num / den or the square root of one (den 0: not available; `den` one number for
 * the whole column), num and den safe integers.
 */
export type CellColumn =
  | { readonly form: 'cells'; readonly at: (i: number) => Cell }
  | { readonly form: 'number'; readonly values: Float64Array }
  | { readonly form: 'ratio' | 'root'; readonly num: Float64Array; readonly den: Float64Array | number };

/**
 * Rows given column by column, so that a renderer can write a million of them without an object for
 * each: a row whose figures the columns cannot hold (irregular[i] = 1) is taken from row(i), as are
 * all rows when a renderer walks them as Rows.
 */
export interface ColumnarRows extends RowList {
  /** By column key. */
  readonly columns: Readonly<Record<string, CellColumn>>;
  readonly irregular: Uint8Array;
  row(i: number): Row;
}

export function columnarRows(columns: Record<string, CellColumn>, irregular: Uint8Array, row: (i: number) => Row): ColumnarRows {
  const length = irregular.length;
  return {
    length,
    columns,
    irregular,
    row,
    map: (each) => Array.from({ length }, (_, i) => each(row(i), i)),
    *[Symbol.iterator]() {
      for (let i = 0; i < length; i++) yield row(i);
    },
  };
}

export function isColumnar(rows: RowList): rows is ColumnarRows {
  return 'columns' in rows;
}

export interface Table {
  /** Machine name, e.g. `byMonth`. */
  id: string;
  title?: Label;
  columns: Column[];
  rows: RowList;
  notes?: Label[];
  /** Key of a numeric column to draw a bar for, in the terminal table only. */
  bar?: string;
}

export interface Doc {
  title: Label;
  /** The office that publishes it: above the title in HTML, and in its printed page footer. */
  office?: string;
  /** The day it was made: in the HTML's printed page footer. */
  generated?: CalDate;
  tables: Table[];
  notes?: Label[];
  /** E.g. the rows read / accepted / rejected line and the formulas; table and markdown only. */
  footer?: Label[];
}

const NUMERIC_KINDS: ReadonlySet<CellKind> = new Set(['int', 'decimal', 'percent', 'money', 'moneyShort']);

export function isNumericKind(kind: CellKind): boolean {
  return NUMERIC_KINDS.has(kind);
}

/** Decimals a number column is shown with (money is whole rupiah). */
export function decimalsOf(column: Column): number {
  if (column.decimals !== undefined) return column.decimals;
  return column.kind === 'decimal' || column.kind === 'percent' ? 1 : 0;
}

export function isPeriod(value: object): value is Period {
  return 'unit' in value;
}

export function isPartialPeriod(value: object): value is PartialPeriod {
  return 'covered' in value;
}

/** A number cell's value as a double (for bars and charts); null when missing or not a number. */
export function numberOf(value: Cell | undefined): number | null {
  if (value === undefined || isMissing(value)) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return isExact(value) ? value.toNumber() : null;
}

/** Not available: null, or a number that is not finite. */
export function isMissing(value: Cell): value is null {
  return value === null || (typeof value === 'number' && !Number.isFinite(value));
}
