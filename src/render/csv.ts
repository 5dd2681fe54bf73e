/**
 * CSV (RFC 4180): machine-stable headers (the column keys, camelCase), plain numbers with no grouping,
 * ISO periods and dates, money as whole rupiah, empty for "not available". Several tables are written
 * one after the other, separated by one empty line, each with its own header row.
 * Excel mode (for Indonesian regional settings): `;` delimiter, `,` decimal mark, CRLF, UTF-8 BOM.
 */
import { dsvFormat } from 'd3-dsv';
import { isoDate } from '../model/dates';
import { periodIso } from '../model/period';
import { isExact } from '../stats/exact';
import { type Cell, type Column, type Doc, decimalsOf, isMissing, isPartialPeriod, isPeriod } from './doc';
import { formatPlain } from './locale';

export interface CsvOptions {
  excel?: boolean;
  /** Prefix a UTF-8 byte order mark (implied by excel). */
  bom?: boolean;
}

export function renderCsv(doc: Doc, { excel = false, bom = false }: CsvOptions = {}): string {
  const newline = excel ? '\r\n' : '\n';
  const decimalMark = excel ? ',' : '.';
  // d3-dsv quotes a field holding the delimiter, a quote, or a line break (CR or LF), doubling its quotes.
  const format = dsvFormat(excel ? ';' : ',');
  const tables = doc.tables.map((table) => {
    const { columns } = table;
    const lines = [format.formatRow(columns.map((c) => c.key))];
    const cells = columns.map(() => '');
    for (const row of table.rows) {
      for (let i = 0; i < columns.length; i++) cells[i] = machineCell(row[columns[i].key] ?? null, columns[i], decimalMark);
      lines.push(format.formatRow(cells));
    }
    return lines.join(newline) + newline;
  });
  return (excel || bom ? '\uFEFF' : '') + tables.join(newline);
}

function machineCell(value: Cell, column: Column, decimalMark: '.' | ','): string {
  if (isMissing(value)) return '';
  if (typeof value === 'string') return neutraliseFormula(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' || isExact(value)) return formatPlain(value, decimalsOf(column), decimalMark);
  // A partial period is its ISO period here: the `partial`, `from` and `to` columns say what is covered.
  if (isPartialPeriod(value)) return periodIso(value.period);
  return isPeriod(value) ? periodIso(value) : isoDate(value);
}

/**
 * A text cell that a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+1`, `-x`, `@x`, or one
 * starting with tab or CR) gets a leading `'`, so it is shown as text. Number cells are never touched.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
