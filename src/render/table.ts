/** The terminal format: cli-table3 boxes, numbers right-aligned, colour only through the given chalk. */
import Table from 'cli-table3';
import chalk, { type Chalk } from 'chalk';
import { humanCell } from './cells';
import { type Cell, type Doc, type Table as DocTable, isNumericKind, numberOf } from './doc';
import { type Locale, label } from './locale';

type Alignment = Table.HorizontalAlignment;

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

export function renderTable(doc: Doc, locale: Locale, color: boolean): string {
  const c = makeChalk(color);
  const sections = [c.bold(label(doc.title, locale))];
  for (const table of doc.tables) sections.push(renderOne(table, locale, c));
  if (doc.notes?.length) sections.push(doc.notes.map((n) => label(n, locale)).join('\n'));
  if (doc.footer?.length) sections.push(c.dim(doc.footer.map((f) => label(f, locale)).join('\n')));
  return sections.join('\n\n') + '\n';
}

function renderOne(table: DocTable, locale: Locale, c: Chalk): string {
  const lines: string[] = [];
  if (table.title) lines.push(c.bold(label(table.title, locale)));
  lines.push(boxed(table, locale, c));
  if (table.rows.length === 0) lines.push(label(NO_DATA, locale));
  for (const note of table.notes ?? []) lines.push(label(note, locale));
  return lines.join('\n');
}

function boxed(table: DocTable, locale: Locale, c: Chalk): string {
  const barMax = table.bar ? Math.max(0, ...table.rows.map((r) => magnitude(r[table.bar!]))) : 0;
  const head = table.columns.map((col) => c.bold.cyan(label(col.label, locale)));
  const colAligns = table.columns.map((col): Alignment => (isNumericKind(col.kind) ? 'right' : 'left'));
  if (table.bar) {
    head.push('');
    colAligns.push('left');
  }
  // Empty style arrays keep cli-table3 from colouring on its own (it auto-detects the terminal).
  const out = new Table({ head, colAligns, style: { head: [], border: [], compact: true } });
  for (const row of table.rows) {
    const cells = table.columns.map((col) => {
      const text = humanCell(row[col.key] ?? null, col, locale);
      return isNumericKind(col.kind) && text.startsWith('-') && text !== '-' ? c.red(text) : text;
    });
    if (table.bar) cells.push(c.green(bar(magnitude(row[table.bar]), barMax)));
    out.push(cells);
  }
  return out.toString();
}

function magnitude(value: Cell | undefined): number {
  return numberOf(value) ?? 0;
}

/** A horizontal bar in eighths of a character; nothing for zero, negative or missing values. */
function bar(value: number, max: number): string {
  if (!(value > 0 && max > 0)) return '';
  const eighths = Math.round((value / max) * BAR_WIDTH * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + PARTIAL_BLOCKS[eighths % 8];
}
