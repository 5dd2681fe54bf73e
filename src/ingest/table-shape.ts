/**
 * Where the table is in a file or sheet, for CSV and workbooks alike:
 *
 * - **Title rows.** The header is the first row within the first HEADER_SEARCH_ROWS whose cells make
 *   a complete layout (headers.ts: a delegation log's or arrivals' required columns); the rows above it
 *   are titles, never data and never counted as rows read. `--header-row N` names it instead. A header
 *   cell left empty takes the text of the cell above it: a cell merged down over the header row keeps
 *   its text in its first row only.
 * - **A total row.** A row whose first filled cell is a total label (`Jumlah`, `Total`, `Jumlah
 *   Total`, `Grand Total`...) and whose date or period cell holds no date is held back: when it is the
 *   last row of data it is the table's total row, never data and not a row read, and each of its
 *   figures is checked against the sum of the accepted rows above (a difference is a warning naming
 *   both numbers). One followed by more data is a row read and rejected. Below a total row, rows with
 *   a single filled cell (`Sumber: BPS`) are notes under the table, not rows.
 */
import { normalizeHeader } from './headers';

export const HEADER_SEARCH_ROWS = 20;

const TOTAL_LABELS = new Set(
  ['jumlah', 'total', 'jumlah total', 'total jumlah', 'grand total', 'jumlah keseluruhan', 'total keseluruhan', 'jml', 'sum'].map(
    normalizeHeader,
  ),
);

/** `Jumlah`, `TOTAL`, `Jumlah Total:`... */
export function isTotalLabel(text: string): boolean {
  // A digit survives normalizeHeader and no label has one: a date or a count is told at once (this
  // runs on every row of the record-by-record path, a million at a million distinct origins).
  const first = text.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) return false;
  return TOTAL_LABELS.has(normalizeHeader(text));
}

/** A header row's cells with the empty ones filled from the row above (merged down), if given. */
export function headerCells(cells: string[], above: string[] | null): string[] {
  if (!above) return cells;
  return cells.map((cell, i) => (cell === '' && above[i] ? above[i] : cell));
}

/** A figure of the total row against the sum of its column above. */
export interface TotalFigure {
  /** The column's header as written. */
  column: string;
  stated: number;
  sum: number;
}

/** The total row of a table, as the verdict reports it. */
export interface TotalRowReport {
  /** Its line (CSV) or row (sheet). */
  line: number;
  label: string;
  figures: TotalFigure[];
  /** Every figure equals its sum; null when not checked (why in `unchecked`). */
  matches: boolean | null;
  unchecked?: string;
}

/** Where the table stands in its file or sheet: what the verdict says besides the counts. */
export interface TableShape {
  /** The header's line (CSV) or row (sheet); 1 when it is the first. */
  headerRow: number;
  totalRow?: TotalRowReport;
  /** Rows of a single cell below the total row. */
  noteRows?: number;
}

/** The verdict's words for a shape: `header on row 4; rows 1–3 are titles; total row 40 (Jumlah) matches`. */
export function describeShape(shape: TableShape, unit: 'line' | 'row'): string[] {
  const parts: string[] = [];
  const above = shape.headerRow - 1;
  if (above > 0) {
    const titles = above === 1 ? `${unit} 1 is a title` : `${unit}s 1–${above} are titles`;
    parts.push(`header on ${unit} ${shape.headerRow}; ${titles}`);
  }
  const total = shape.totalRow;
  if (total) {
    const what = `total ${unit} ${total.line} (${total.label})`;
    if (total.matches === null) parts.push(`${what} not checked: ${total.unchecked}`);
    else if (total.matches) parts.push(`${what} matches the rows above`);
    else parts.push(`${what} differs from the rows above`);
  }
  if (shape.noteRows) parts.push(`${shape.noteRows} note ${unit}${shape.noteRows === 1 ? '' : 's'} under the table`);
  return parts;
}

/** The warning for a total row that differs from its rows: both numbers of each figure that differs. */
export function totalWarning(source: string, total: TotalRowReport, rejected: number): string | null {
  if (total.matches !== false) return null;
  const figures = total.figures
    .filter((f) => f.stated !== f.sum)
    .map((f) => `${f.column} ${grouped(f.stated)} stated, ${grouped(f.sum)} in the rows above`)
    .join('; ');
  const why = rejected > 0 ? ` (${rejected} invalid row${rejected === 1 ? ' is' : 's are'} not in the sums)` : '';
  return `${source}:${total.line}: warning: total row ${JSON.stringify(total.label)}: ${figures}${why}`;
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
