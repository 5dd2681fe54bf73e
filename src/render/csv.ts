/**
 * CSV (RFC 4180): machine-stable headers (the column keys, camelCase), plain numbers with no grouping,
 * ISO periods and dates, money as whole rupiah, empty for "not available". Several tables are written
 * one after the other, separated by one empty line, each with its own header row.
 * Excel mode (for Indonesian regional settings): `;` delimiter, `,` decimal mark, CRLF, UTF-8 BOM.
 */
import { stringify } from 'csv-stringify/sync';
import { isoDate } from '../model/dates';
import { periodIso } from '../model/period';
import { type Cell, type Column, type Doc, type Table, decimalsOf, isMissing, isPeriod } from './doc';
import { formatPlain } from './locale';

export interface CsvOptions {
  excel?: boolean;
  /** Prefix a UTF-8 byte order mark (implied by excel). */
  bom?: boolean;
}

/** Rows turned into records and written a slice at a time, so that a million groups never exist as records all at once. */
const ROWS_AT_ONCE = 4096;

export function renderCsv(doc: Doc, { excel = false, bom = false }: CsvOptions = {}): string {
  const newline = excel ? '\r\n' : '\n';
  const decimalMark = excel ? ',' : '.';
  const options = {
    delimiter: excel ? ';' : ',',
    record_delimiter: newline,
    // A field holding a line break must be quoted whatever the record delimiter.
    quote_record_delimiter: true,
  };
  const tables = doc.tables.map((table) => {
    const parts = [stringify([table.columns.map((c) => c.key)], options)];
    for (let start = 0; start < table.rows.length; start += ROWS_AT_ONCE) {
      parts.push(stringify(records(table, start, start + ROWS_AT_ONCE, decimalMark), options));
    }
    return parts.join('');
  });
  return (excel || bom ? '\uFEFF' : '') + tables.join(newline);
}

function records(table: Table, start: number, end: number, decimalMark: '.' | ','): string[][] {
  return table.rows.slice(start, end).map((row) => table.columns.map((c) => machineCell(row[c.key] ?? null, c, decimalMark)));
}

function machineCell(value: Cell, column: Column, decimalMark: '.' | ','): string {
  if (isMissing(value)) return '';
  if (typeof value === 'string') return neutraliseFormula(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return formatPlain(value, decimalsOf(column), decimalMark);
  return isPeriod(value) ? periodIso(value) : isoDate(value);
}

/**
 * A text cell that a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+1`, `-x`, `@x`, or one
 * starting with tab or CR) gets a leading `'`, so it is shown as text. Number cells are never touched.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
