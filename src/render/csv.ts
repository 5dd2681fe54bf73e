/**
 * CSV (RFC 4180): machine-stable headers (the column keys, camelCase), plain numbers with no grouping,
 * ISO periods and dates, money as whole rupiah, empty for "not available". Several tables are written
 * one after the other, separated by one empty line, each with its own header row.
 * Excel mode (for Indonesian regional settings): `;` delimiter, `,` decimal mark, CRLF, UTF-8 BOM; under
 * `--locale id` also Indonesian headers and words (weekdays, segments, yes/no) from the glossary, as
 * a spreadsheet is for people. Without --excel the CSV is the same in every locale.
 */
import { type DSV, dsvFormat } from 'd3-dsv';
import { isoDate } from '../model/dates';
import { periodIso } from '../model/period';
import { isExact, roundedRatio, roundedRootOf } from '../stats/exact';
import {
  type Cell,
  type CellColumn,
  type Column,
  type Doc,
  type Row,
  decimalsOf,
  isColumnar,
  isMissing,
  isPartialPeriod,
  isPeriod,
} from './doc';
import { countryOf } from '../model/countries';
import { CSV_COLUMN_VALUES, CSV_HEADERS_ID, CSV_OMITTED_ID, CSV_VALUES_ID, sentenceCase, targetSource } from './glossary';
import { type Locale, formatPeriod, formatPlain, formatPlainRatio, formatPlainRoot, label } from './locale';
import { Utf8Sink } from './utf8-sink';

export interface CsvOptions {
  excel?: boolean;
  /** Prefix a UTF-8 byte order mark (implied by excel). */
  bom?: boolean;
  /** With excel, `id` writes Indonesian headers and words. */
  locale?: Locale;
}

/** The CSV's bytes (UTF-8). */
export function renderCsv(doc: Doc, { excel = false, bom = false, locale = 'en' }: CsvOptions = {}): Buffer {
  const newline = excel ? '\r\n' : '\n';
  const decimalMark = excel ? ',' : '.';
  // d3-dsv quotes a field holding the delimiter, a quote, or a line break (CR or LF), doubling its quotes.
  const format = dsvFormat(excel ? ';' : ',');
  const indonesian = excel && locale === 'id';
  const out = new Utf8Sink();
  if (excel || bom) out.text('\uFEFF');
  doc.tables.forEach((table, t) => {
    if (t > 0) out.text(newline);
    const columns = indonesian ? table.columns.filter((c) => !CSV_OMITTED_ID.has(c.key)) : table.columns;
    const line = (text: string) => {
      out.text(text);
      out.text(newline);
    };
    line(format.formatRow(columns.map((c) => (indonesian ? headerId(c) : c.key))));
    const cell = indonesian ? cellId : machineCell;
    const rowLine = (row: Row) => format.formatRow(columns.map((column) => cell(row[column.key] ?? null, column, decimalMark)));
    const { rows } = table;
    if (isColumnar(rows) && columns.every((c) => c.key in rows.columns)) {
      const writers = columns.map((column) => cellWriter(rows.columns[column.key], column, cell, decimalMark, format, out));
      const delimiter = excel ? 59 : 44;
      for (let i = 0; i < rows.length; i++) {
        if (rows.irregular[i] === 1) line(rowLine(rows.row(i)));
        else {
          writers[0](i);
          for (let k = 1; k < writers.length; k++) {
            out.byte(delimiter);
            writers[k](i);
          }
          out.text(newline);
        }
      }
    } else for (const row of rows) line(rowLine(row));
  });
  return out.bytes();
}

type CellText = (value: Cell, column: Column, decimalMark: '.' | ',') => string;

/**
 * What writes row i's field of a column given in arrays to `out`, as `cell` and d3-dsv would write
 * the Cell: a number field needs no quoting (its decimal mark is never the delimiter), so only other
 * cells are quoted. Rounded figures whose digits pass 2^53 are written from their text.
 */
function cellWriter(
  values: CellColumn,
  column: Column,
  cell: CellText,
  decimalMark: '.' | ',',
  format: DSV,
  out: Utf8Sink,
): (i: number) => void {
  const decimals = decimalsOf(column);
  const mark = decimalMark.charCodeAt(0);
  switch (values.form) {
    case 'cells':
      return (i) => out.text(format.formatValue(cell(values.at(i), column, decimalMark)));
    case 'number': {
      const numbers = values.values;
      return (i) => {
        const n = numbers[i];
        if (Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER) {
          out.integer(n);
          if (decimals > 0) {
            out.byte(mark);
            out.zeros(decimals);
          }
        } else if (Number.isFinite(n)) out.text(formatPlain(n, decimals, decimalMark));
      };
    }
    default: {
      const { num, den } = values;
      const root = values.form === 'root';
      const fixed = (i: number, d: number) => {
        const scaled = root ? roundedRootOf(num[i], d, decimals) : roundedRatio(num[i], d, decimals);
        if (typeof scaled === 'number') out.fixed(num[i] < 0, scaled, decimals, mark);
        else out.text((root ? formatPlainRoot : formatPlainRatio)(num[i], d, decimals, decimalMark));
      };
      if (typeof den === 'number') return (i) => fixed(i, den);
      return (i) => {
        if (den[i] !== 0) fixed(i, den[i]);
      };
    }
  }
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

/** A column's Indonesian header: its label when the view gave it one, else the glossary's. */
function headerId(column: Column): string {
  const given = label(column.label, 'id');
  return given !== column.key && given !== '' ? sentenceCase(given) : (CSV_HEADERS_ID[column.key] ?? column.key);
}

/** A cell under --excel --locale id: a weekday by name, a machine word in Indonesian, else as machineCell. */
function cellId(value: Cell, column: Column, decimalMark: '.' | ','): string {
  if (value !== null && typeof value === 'object' && !isExact(value) && isPeriod(value) && value.unit === 'weekday') {
    return formatPeriod(value, 'id');
  }
  const text = machineCell(value, column, decimalMark);
  if (typeof value !== 'string') return text;
  const own = CSV_COLUMN_VALUES[column.key]?.[value];
  if (own) return neutraliseFormula(own.id);
  if (column.key === 'source') return neutraliseFormula(label(targetSource(value), 'id'));
  const country = column.key === 'country' ? countryOf(value) : null;
  if (country) return neutraliseFormula(country.id);
  return Object.hasOwn(CSV_VALUES_ID, value) ? CSV_VALUES_ID[value] : text;
}

/**
 * A text cell that a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+1`, `-x`, `@x`, or one
 * starting with tab or CR) gets a leading `'`, so it is shown as text. Number cells are never touched.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
