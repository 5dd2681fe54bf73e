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
import { isExact } from '../stats/exact';
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

export interface CsvOptions {
  excel?: boolean;
  /** Prefix a UTF-8 byte order mark (implied by excel). */
  bom?: boolean;
  /** With excel, `id` writes Indonesian headers and words. */
  locale?: Locale;
}

export function renderCsv(doc: Doc, { excel = false, bom = false, locale = 'en' }: CsvOptions = {}): string {
  const newline = excel ? '\r\n' : '\n';
  const decimalMark = excel ? ',' : '.';
  // d3-dsv quotes a field holding the delimiter, a quote, or a line break (CR or LF), doubling its quotes.
  const format = dsvFormat(excel ? ';' : ',');
  const indonesian = excel && locale === 'id';
  const tables = doc.tables.map((table) => {
    const columns = indonesian ? table.columns.filter((c) => !CSV_OMITTED_ID.has(c.key)) : table.columns;
    const lines = [format.formatRow(columns.map((c) => (indonesian ? headerId(c) : c.key)))];
    const cell = indonesian ? cellId : machineCell;
    const rowLine = (row: Row) => format.formatRow(columns.map((column) => cell(row[column.key] ?? null, column, decimalMark)));
    const { rows } = table;
    if (isColumnar(rows) && columns.every((c) => c.key in rows.columns)) {
      const writers = columns.map((column) => cellWriter(rows.columns[column.key], column, cell, decimalMark, format));
      const fields = columns.map(() => '');
      const delimiter = excel ? ';' : ',';
      // Lines are joined a block at a time: a million short strings kept until the end cost the collector seconds.
      let block: string[] = [];
      for (let i = 0; i < rows.length; i++) {
        if (rows.irregular[i] === 1) block.push(rowLine(rows.row(i)));
        else {
          for (let k = 0; k < writers.length; k++) fields[k] = writers[k](i);
          block.push(fields.join(delimiter));
        }
        if (block.length === LINES_PER_BLOCK) {
          lines.push(block.join(newline));
          block = [];
        }
      }
      if (block.length > 0) lines.push(block.join(newline));
    } else for (const row of rows) lines.push(rowLine(row));
    return lines.join(newline) + newline;
  });
  return (excel || bom ? '\uFEFF' : '') + tables.join(newline);
}

const LINES_PER_BLOCK = 4096;

type CellText = (value: Cell, column: Column, decimalMark: '.' | ',') => string;

/**
 * Row i's field of a column given in arrays, as `cell` and d3-dsv would write the Cell: a number
 * field needs no quoting (its decimal mark is never the delimiter), so only other cells are quoted.
 */
function cellWriter(values: CellColumn, column: Column, cell: CellText, decimalMark: '.' | ',', format: DSV): (i: number) => string {
  const decimals = decimalsOf(column);
  switch (values.form) {
    case 'cells':
      return (i) => format.formatValue(cell(values.at(i), column, decimalMark));
    case 'number': {
      const numbers = values.values;
      return (i) => (Number.isFinite(numbers[i]) ? formatPlain(numbers[i], decimals, decimalMark) : '');
    }
    default: {
      const { num, den } = values;
      const text = values.form === 'ratio' ? formatPlainRatio : formatPlainRoot;
      if (typeof den === 'number') return (i) => text(num[i], den, decimals, decimalMark);
      return (i) => (den[i] === 0 ? '' : text(num[i], den[i], decimals, decimalMark));
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
