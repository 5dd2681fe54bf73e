/**
 * `--format xlsx` (or `-o FILE.xlsx`): one workbook, one sheet per table of the Doc, written by
 * xlsx-package.ts (loaded only for this format). Each sheet has the table's title on row 1,
 * the column headers on row 2 (frozen), widths fitted to the text, and typed cells: whole numbers with
 * a thousands format, decimals with the column's decimals, percentages as Excel percentages (the view's
 * 59.74 percentage points are written as 0.5974 shown `59.74%`), money as whole rupiah with a rupiah
 * format, days as dates, months as real dates shown as month and year, years as numbers. Excel rounds
 * for display; the values are written unrounded (an exact figure as its nearest double, whose 15
 * significant digits Excel rounds as roundHalfUp rounds its decimal). A period the data covers only in
 * part is written as the text the table shows (`Aug 2018 (1–9)`). The Doc's notes, the tables' notes
 * and the footer go to a last sheet. Nothing else here formats numbers as text.
 */
import type { CalDate } from '../model/dates';
import { humanCell, printable } from './cells';
import { type Exact, isExact } from '../stats/exact';
import { type Cell, type Column, type Doc, type Table, decimalsOf, isMissing, isPartialPeriod, isPeriod } from './doc';
import { type Locale, label } from './locale';
import { type XlsxSheet, type XlsxValue, XlsxWorkbook } from './xlsx-package';

/** Excel's limit on a sheet name, and the characters it refuses in one. */
const SHEET_NAME_MAX = 31;
const SHEET_NAME_REFUSED = /[[\]:*?/\\]/g;
/** Widths in characters: at least the header's, at most this. */
const WIDTH_MAX = 60;

const NO_DATA = { id: 'Tidak ada data', en: 'No data' };
const NOTES_SHEET = { id: 'Catatan', en: 'Notes' };

/** Month names in Indonesian under `id` (locale 0421), whatever the language of the reader's Excel. */
const LOCALE_PREFIX: Record<Locale, string> = { id: '[$-421]', en: '' };

export async function renderXlsx(doc: Doc, locale: Locale): Promise<Buffer> {
  const workbook = new XlsxWorkbook();
  const names = new SheetNames();
  const docTitle = label(doc.title, locale);
  for (const table of doc.tables) {
    const title = table.title ? label(table.title, locale) : docTitle;
    writeTable(workbook, workbook.addSheet(names.take(title || table.id)), table, title, locale);
  }
  const notes = notesOf(doc, locale);
  if (notes.length > 0 || doc.tables.length === 0) {
    const sheet = workbook.addSheet(names.take(label(NOTES_SHEET, locale)));
    sheet.row([docTitle], [workbook.style(null, true)]);
    for (const note of notes) sheet.row([note], [0]);
    sheet.widths = [Math.min(WIDTH_MAX * 2, Math.max(docTitle.length, ...notes.map((n) => n.length), 10) + 2)];
  }
  return workbook.toBuffer();
}

function writeTable(workbook: XlsxWorkbook, sheet: XlsxSheet, table: Table, title: string, locale: Locale): void {
  const headers = table.columns.map((c) => label(c.label, locale));
  const bold = workbook.style(null, true);
  sheet.row([title], [bold]);
  sheet.row(
    headers,
    headers.map(() => bold),
    bold,
  );
  sheet.frozenRows = 2;
  const widths = table.columns.map((column, i) => new ColumnWidth(column, locale, headers[i].length));
  // A number's format is its column's; a period's or a date's its own.
  const numberStyles: number[] = [];
  const values: XlsxValue[] = [];
  const styles: number[] = [];
  for (const row of table.rows) {
    table.columns.forEach((column, i) => {
      const value = row[column.key] ?? null;
      values[i] = null;
      styles[i] = 0;
      if (isMissing(value)) return;
      const cell = cellValue(value, column, locale);
      values[i] = cell;
      if (typeof cell !== 'string')
        styles[i] = isNumeric(value)
          ? (numberStyles[i] ??= workbook.style(numberFormat(value, column, locale)))
          : workbook.style(numberFormat(value, column, locale));
      widths[i].add(value, cell);
    });
    sheet.row(values, styles);
  }
  if (table.rows.length === 0) sheet.row([label(NO_DATA, locale)], [0]);
  sheet.widths = widths.map((width) => Math.min(WIDTH_MAX, width.chars + 2));
}

const isNumeric = (value: Cell): value is number | bigint | Exact =>
  typeof value === 'number' || typeof value === 'bigint' || isExact(value);

/**
 * The longest text a column shows. A number of a kind shown with fixed decimals is formatted only when
 * it lies past the largest or below the smallest seen (compared as doubles): its text grows with its
 * size, so one in between is no longer than those.
 */
class ColumnWidth {
  private high = -Infinity;
  private low = Infinity;
  private readonly sized: boolean;

  constructor(
    private readonly column: Column,
    private readonly locale: Locale,
    public chars: number,
  ) {
    this.sized = column.kind === 'int' || column.kind === 'decimal' || column.kind === 'percent' || column.kind === 'money';
  }

  /** A value and what its cell holds (text from the input is shown as it is held). */
  add(value: Cell, cell: XlsxValue): void {
    if (typeof value === 'string' && typeof cell === 'string') {
      this.chars = Math.max(this.chars, cell.length);
      return;
    }
    if (this.sized && isNumeric(value)) {
      const n = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : value.toNumber();
      if (n <= this.high && n >= this.low) return;
      this.high = Math.max(this.high, n);
      this.low = Math.min(this.low, n);
    }
    this.chars = Math.max(this.chars, humanCell(value, this.column, this.locale).length);
  }
}

/** The value a cell holds: a number, a date (UTC midnight, which is what Excel's serial counts), or text. */
function cellValue(value: Cell, column: Column, locale: Locale): XlsxValue {
  if (isMissing(value)) return null;
  if (typeof value === 'string') return printable(value);
  // Past 2^53 a number cell would round the rupiah: the exact digits as text instead.
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number') return column.kind === 'percent' ? value / 100 : value;
  if (isExact(value)) return column.kind === 'percent' ? value.toNumber() / 100 : value.toNumber();
  if (isPartialPeriod(value)) return humanCell(value, column, locale);
  if (!isPeriod(value)) return dateOf(value);
  switch (value.unit) {
    case 'day':
    case 'month':
      return dateOf({ year: value.year, month: value.month, day: value.unit === 'day' ? value.day : null });
    case 'year':
      return value.year;
    default:
      // Quarters and weekdays have no date: their name, as the table shows it.
      return humanCell(value, column, locale);
  }
}

function dateOf(d: CalDate): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day ?? 1));
}

/** The number format of a number or date cell: by the column's kind, and for periods and dates by what they are. */
function numberFormat(value: Cell, column: Column, locale: Locale): string | null {
  if (typeof value === 'object' && value !== null && typeof value !== 'bigint' && !isExact(value) && !isPartialPeriod(value)) {
    if (isPeriod(value) && value.unit !== 'day' && value.unit !== 'month') return value.unit === 'year' ? '0' : null;
    const day = isPeriod(value) ? value.unit === 'day' : value.day !== null;
    return day ? 'dd/mm/yyyy' : `${LOCALE_PREFIX[locale]}mmm yyyy`;
  }
  const decimals = decimalsOf(column);
  const fraction = decimals > 0 ? '.' + '0'.repeat(decimals) : '';
  switch (column.kind) {
    case 'int':
      return '#,##0';
    case 'decimal':
      return `#,##0${fraction}`;
    case 'percent':
      return `0.${'0'.repeat(Math.max(2, decimals))}%`;
    case 'money':
    case 'moneyShort':
      return '"Rp"#,##0';
    default:
      // A year or a code in a text column: no grouping.
      return '0';
  }
}

/** Notes, each table's notes (after its title) and the footer, as lines. */
function notesOf(doc: Doc, locale: Locale): string[] {
  const lines = (doc.notes ?? []).map((n) => label(n, locale));
  for (const table of doc.tables) {
    if (!table.notes?.length) continue;
    const title = table.title ? `${label(table.title, locale)}: ` : '';
    for (const note of table.notes) lines.push(title + label(note, locale));
  }
  lines.push(...(doc.footer ?? []).map((f) => label(f, locale)));
  return lines.map(printable);
}

/** Unique sheet names Excel accepts: at most 31 characters, none of `[]:*?/\`, not blank. */
export class SheetNames {
  private readonly taken = new Set<string>();

  take(wanted: string): string {
    const base = wanted.replace(SHEET_NAME_REFUSED, ' ').replace(/\s+/g, ' ').trim().replace(/^'|'$/g, '') || 'Sheet';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd() + suffix;
      if (!this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }
}
