/**
 * The terminal format: boxed tables, numbers right-aligned, colour only through the given chalk.
 *
 * Given a width (the terminal's, or `--width`), everything fits it: tables as table-fit.ts decides
 * (abbreviated headers, wrapped or shortened text, a narrower bar, or one `label: value` block per
 * row), prose wrapped at spaces. Without one, every line has its natural length.
 *
 * Drawn here rather than by a table library: cli-table3 lays a table out in time quadratic in its
 * rows (its fillInTable looks at every earlier row for each cell: minutes for 50,000 groups), and
 * `table` is linear but takes about 8 s for 50,000 rows of 12 cells; this takes a fraction of a second.
 */
import chalk, { type Chalk } from 'chalk';
import { humanCell } from './cells';
import { type Cell, type Doc, type Label, type Table, isNumericKind, numberOf } from './doc';
import { type Locale, label } from './locale';
import { type ColumnNeed, type Layout, fitTable } from './table-fit';
import { displayWidth, foldText, shorten, widestWord, wrapProse } from './text';

const NO_DATA = { id: 'Tidak ada data', en: 'No data' };
const BAR_WIDTH = 20;
const PARTIAL_BLOCKS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * A chalk instance at exactly the level shouldColor decided (never chalk's own auto-detection, which
 * looks at the wrong stream and ignores --no-color): basic 16 colours when on, enough for headings and
 * negatives, and safe on every terminal.
 */
function makeChalk(color: boolean): Chalk {
  return new chalk.Instance({ level: color ? 1 : 0 });
}

/** `width`: the columns every line must fit in; undefined for none. */
export function renderTable(doc: Doc, locale: Locale, color: boolean, width?: number): string {
  const c = makeChalk(color);
  const prose = (l: Label) => wrapped(label(l, locale), width);
  const sections = [
    prose(doc.title)
      .map((line) => c.bold(line))
      .join('\n'),
  ];
  for (const table of doc.tables) sections.push(renderOne(table, locale, c, width));
  if (doc.notes?.length) sections.push(doc.notes.flatMap(prose).join('\n'));
  if (doc.footer?.length)
    sections.push(
      doc.footer
        .flatMap(prose)
        .map((line) => c.dim(line))
        .join('\n'),
    );
  return sections.join('\n\n') + '\n';
}

function wrapped(text: string, width: number | undefined): string[] {
  return width === undefined ? [text] : wrapProse(text, width);
}

function renderOne(table: Table, locale: Locale, c: Chalk, width: number | undefined): string {
  const lines: string[] = [];
  if (table.title) lines.push(...wrapped(label(table.title, locale), width).map((line) => c.bold(line)));
  const cells = cellTexts(table, locale);
  const layout = fitTable(needsOf(cells), width);
  if (layout.kind === 'grid') lines.push(grid(cells, layout, c));
  else if (table.rows.length) lines.push(records(cells, c, width ?? Infinity));
  if (table.rows.length === 0) lines.push(label(NO_DATA, locale));
  for (const note of table.notes ?? []) lines.push(...wrapped(label(note, locale), width));
  return lines.join('\n');
}

/** A table's text, cell by cell, with what drawing it needs to know. */
interface CellTexts {
  headers: string[];
  /** One array of cell texts per row; a bar column's cell is empty (drawn at its final width). */
  rows: string[][];
  numeric: boolean[];
  /** Index of the bar column (the last), or -1. */
  bar: number;
  /** The bar's values and their maximum, drawn once the bar's width is known. */
  barValues: number[];
  barMax: number;
  widths: number[];
}

function cellTexts(table: Table, locale: Locale): CellTexts {
  const columns = table.columns;
  const headers = columns.map((col) => label(col.label, locale));
  const numeric = columns.map((col) => isNumericKind(col.kind));
  const widths = columns.map(() => 0);
  const rows = table.rows.map((row) =>
    columns.map((col, i) => {
      const text = humanCell(row[col.key] ?? null, col, locale);
      const w = displayWidth(text);
      if (w > widths[i]) widths[i] = w;
      return text;
    }),
  );
  const cells: CellTexts = { headers, rows, numeric, bar: -1, barValues: [], barMax: 0, widths };
  if (table.bar) {
    cells.barValues = table.rows.map((r) => magnitude(r[table.bar!]));
    cells.barMax = Math.max(0, ...cells.barValues);
    cells.bar = headers.length;
    headers.push('');
    numeric.push(false);
    // The longest bar is the full width, unless there is nothing to draw.
    widths.push(cells.barValues.some((v) => v > 0) ? BAR_WIDTH : 0);
    for (const row of rows) row.push('');
  }
  return cells;
}

function needsOf(cells: CellTexts): ColumnNeed[] {
  return cells.headers.map((header, i) => ({
    header: displayWidth(header),
    headerWord: widestWord(header),
    data: cells.widths[i],
    wraps: !cells.numeric[i] && i !== cells.bar,
    bar: i === cells.bar,
  }));
}

// ---- grid -------------------------------------------------------------------------------------------

function grid(cells: CellTexts, layout: Extract<Layout, { kind: 'grid' }>, c: Chalk): string {
  const shown = cells.headers.map((_, i) => i).filter((i) => layout.bar || i !== cells.bar);
  const widths = shown.map((i) => layout.widths[i]);
  const pad = ' '.repeat(layout.padding);
  const rule = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w + 2 * layout.padding)).join(mid) + right;
  const open = '│' + pad;
  const between = pad + '│' + pad;
  const close = pad + '│';

  /** One table row (several lines when a cell wraps) from each shown column's lines. */
  const draw = (columnLines: string[][], colour: (text: string, column: number) => string, out: string[]) => {
    const height = Math.max(1, ...columnLines.map((l) => l.length));
    for (let line = 0; line < height; line++) {
      const parts = shown.map((column, k) => {
        const text = columnLines[k][line] ?? '';
        const fill = ' '.repeat(Math.max(0, widths[k] - displayWidth(text)));
        const shownText = text && colour(text, column);
        return cells.numeric[column] ? fill + shownText : shownText + fill;
      });
      out.push(open + parts.join(between) + close);
    }
  };

  const out = [rule('┌', '┬', '┐')];
  const headerLines = shown.map((column, k) => fold(cells.headers[column], widths[k], '.'));
  draw(headerLines, (text) => c.bold.cyan(text), out);
  if (cells.rows.length) out.push(rule('├', '┼', '┤'));
  const barWidth = layout.widths[cells.bar] ?? 0;
  const cellColour = (text: string, column: number) =>
    column === cells.bar ? c.green(text) : cells.numeric[column] && text.startsWith('-') && text !== '-' ? c.red(text) : text;
  cells.rows.forEach((row, r) => {
    const columnLines = shown.map((column, k) =>
      column === cells.bar ? [bar(cells.barValues[r], cells.barMax, barWidth)] : fold(row[column], widths[k]),
    );
    draw(columnLines, cellColour, out);
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}

/** A cell's lines at `width`: itself when it fits (the common case, measured cheaply), else folded. */
function fold(text: string, width: number, mark = '…'): string[] {
  return text.length <= width && displayWidth(text) <= width ? [text] : foldText(text, width, mark);
}

// ---- records ----------------------------------------------------------------------------------------

/**
 * One block per row, blocks separated by an empty line: `Label: value`, values lined up after the
 * longest label (at most half the width) and wrapped at spaces. A value with a word too long to go
 * beside its label (a big number) goes on the lines below it instead, so no number is ever split.
 * The bar is left out.
 */
function records(cells: CellTexts, c: Chalk, width: number): string {
  const columns = cells.headers.map((_, i) => i).filter((i) => i !== cells.bar);
  const labelWidth = Math.min(Math.max(...columns.map((i) => displayWidth(cells.headers[i]) + 1)), Math.floor(width / 2));
  const labels = columns.map((i) => shorten(`${cells.headers[i]}:`, labelWidth, '.:'));
  const valueWidth = Math.max(1, width - labelWidth - 1);
  const indent = ' '.repeat(labelWidth);
  const field = (label: string, value: string): string[] => {
    const head = c.bold.cyan(label) + ' '.repeat(Math.max(0, labelWidth - displayWidth(label)));
    const beside = wrapProse(value, valueWidth, false);
    if (beside.every((line) => displayWidth(line) <= valueWidth)) return beside.map((line, k) => `${k === 0 ? head : indent} ${line}`);
    return [c.bold.cyan(label), ...wrapProse(value, width - 2).map((line) => `  ${line}`)];
  };
  const blocks = cells.rows.map((row) => columns.flatMap((column, k) => field(labels[k], row[column])).join('\n'));
  return blocks.join('\n\n');
}

// ---- bars -------------------------------------------------------------------------------------------

function magnitude(value: Cell | undefined): number {
  return numberOf(value) ?? 0;
}

/** A horizontal bar in eighths of a character; nothing for zero, negative or missing values. */
function bar(value: number, max: number, width: number): string {
  if (!(value > 0 && max > 0 && width > 0)) return '';
  const eighths = Math.round((value / max) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + PARTIAL_BLOCKS[eighths % 8];
}
