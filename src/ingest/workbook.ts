/**
 * Reading an .xlsx workbook (recognised by its content: a zip archive), sheet by sheet, through the
 * same FileReader as a CSV file: each sheet's rows are handed over as typed cells (SheetRecord), so
 * that numbers stay numbers and date cells stay dates, and titles, the header search, the total row,
 * the invalid-row policy and the rows' validation are the CSV's own. A sheet is named `FILE[SHEET]`,
 * and a row by the number Excel shows.
 *
 * The cells come from @cj-tech-master/excelts' streaming reader (WorkbookReader: one row at a time,
 * so a sheet of 100,000 rows never sits in memory), loaded only when a workbook is read. Two of its
 * shortcomings are mended here, and tested on LibreOffice's own files: it takes `date1904="true"`
 * (what LibreOffice writes) for the 1900 date system, which would put every date 4 years and a day
 * early; and it names a sheet `SheetN` when the workbook's relationships point at it by an absolute
 * path (as openpyxl and pandas write).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Cell as XlsxCell, Row as XlsxRow, WorkbookReader } from '@cj-tech-master/excelts';
import { InputError, UsageError } from '../errors';
import { quote } from '../messages';
import type { RowSink } from '../model/sinks';
import { type SheetCell, cellText, serialDate, serialOfDate, yearOnly } from './cells';
import type { InputChecks } from './checks';
import { FileReader, type FileReport, type InputOptions, type ReadTuning, type RejectSink, displayName } from './reader';
import { csvCell } from './problems';
import type { CsvRecord } from './scanner';

/** `--sheet NAME|N`: a sheet by its name, or by its place among the workbook's sheets (1 = the first). */
export type SheetChoice = string;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/**
 * Whether a regular file starts as a zip archive does (an .xlsx is one), whatever its name. A pipe or a
 * device is never looked into: its bytes would be gone for the reader.
 */
export function isWorkbook(path: string): boolean {
  let fd: number;
  try {
    if (!statSync(path).isFile()) return false;
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && ZIP_SIGNATURE.every((byte, i) => head[i] === byte);
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/** A sheet as the reader sees it: its name, its place, and its rows. */
interface SheetRows {
  name: string;
  index: number;
  rows: AsyncIterable<XlsxRow>;
}

/** Reads every chosen sheet that holds a table into the sink: one report per sheet read. */
export async function readWorkbook(
  source: string,
  options: InputOptions,
  sink: RowSink,
  problems: RejectSink,
  tuning: ReadTuning,
  checks: InputChecks | null = null,
): Promise<FileReport[]> {
  const file = displayName(source);
  const chosen = options.sheets ?? [];
  const reports: FileReport[] = [];
  const skipped: string[] = [];
  const found = new Set<SheetChoice>();
  let reader: WorkbookReader & { date1904: boolean };
  try {
    reader = openWorkbook(source);
  } catch (e) {
    throw new InputError(`${file}: cannot read the workbook: ${(e as Error).message}`);
  }
  try {
    for await (const sheet of sheetsOf(reader)) {
      const choice = chosen.find((c) => c === sheet.name || c === String(sheet.index));
      if (chosen.length > 0 && choice === undefined) {
        for await (const _ of sheet.rows);
        continue;
      }
      if (choice !== undefined) found.add(choice);
      const name = `${file}[${sheet.name}]`;
      const reading = FileReader.forSheet(name, options, sink, problems, tuning, checks);
      try {
        for await (const row of sheet.rows) reading.row(sheetRecord(row, reader.date1904));
        reports.push(reading.finishSheet());
      } catch (e) {
        // Without --sheet, a sheet that holds no table (notes, a chart's data) is passed over.
        if (choice !== undefined || !(e instanceof InputError) || !reading.headerless()) throw e;
        skipped.push(`${quote(sheet.name)} (${e.message.replace(`${name}: `, '')})`);
      }
    }
  } catch (e) {
    if (e instanceof InputError || e instanceof UsageError) throw e;
    throw new InputError(`${file}: cannot read the workbook: ${(e as Error).message}`);
  }
  const missing = chosen.filter((c) => !found.has(c));
  if (missing.length > 0) throw new InputError(`${file}: no sheet ${missing.map(quote).join(' or ')} in this workbook`);
  if (reports.length === 0) throw new InputError(`${file}: no sheet holds a table: ${skipped.join('; ') || 'the workbook has no sheets'}`);
  return reports;
}

function openWorkbook(source: string): WorkbookReader & { date1904: boolean } {
  const { WorkbookReader } = require('@cj-tech-master/excelts') as typeof import('@cj-tech-master/excelts');
  const reader = new WorkbookReader(source, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore' });
  return Object.assign(reader, { date1904: false }, { _parseWorkbook: parseWorkbookOf(reader) });
}

type ParseWorkbook = (this: WorkbookReader & { date1904: boolean }, entry: Readable) => Promise<void>;

/**
 * The reader's own parsing of xl/workbook.xml, after noting the date system from it: `date1904` is an
 * XML boolean, "1" or "true", and the library knows only "1".
 */
function parseWorkbookOf(reader: WorkbookReader): ParseWorkbook {
  const own = (reader as unknown as { _parseWorkbook: ParseWorkbook })._parseWorkbook;
  return async function (this: WorkbookReader & { date1904: boolean }, entry: Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(Buffer.from(chunk as Uint8Array));
    const xml = Buffer.concat(chunks);
    this.date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(xml.toString('utf8'));
    const { Readable } = require('node:stream') as typeof import('node:stream');
    await own.call(this, Readable.from([xml]));
  };
}

/** The sheets in the workbook's order, each named from the workbook's own list of sheets. */
async function* sheetsOf(reader: WorkbookReader): AsyncGenerator<SheetRows> {
  for await (const worksheet of reader) {
    const sheetNo = (worksheet as unknown as { sheetNo: number }).sheetNo;
    const name = sheetName(reader, sheetNo) ?? worksheet.name;
    const index = (reader.model?.sheets ?? []).findIndex((s) => s.name === name) + 1 || sheetNo;
    yield { name, index, rows: worksheet as unknown as AsyncIterable<XlsxRow> };
  }
}

/** The name of the sheet stored as xl/worksheets/sheetN.xml, by the workbook's relationships. */
function sheetName(reader: WorkbookReader, sheetNo: number): string | undefined {
  const wanted = `worksheets/sheet${sheetNo}.xml`;
  const rel = reader.workbookRels?.find((r) => r.Target.replace(/^\/?(?:xl\/)?/, '') === wanted);
  return reader.model?.sheets?.find((s) => s.rId === rel?.Id)?.name;
}

/** A sheet's row as the record FileReader reads: typed cells, and their text for messages. */
function sheetRecord(row: XlsxRow, date1904: boolean): SheetRecord {
  const cells: SheetCell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    while (cells.length < column - 1) cells.push(null);
    cells.push(typedCell(cell, date1904));
  });
  return new SheetRecord(row.number, cells);
}

/** What a date format shows, by format (a sheet has a few): day, month, or the year alone. */
const shownParts = new Map<string, 'day' | 'month' | 'year'>();

/** A format's `d` and `m` tokens once quoted text, colours and escapes are out: `mmm yyyy` shows no day. */
function dateParts(format: string): 'day' | 'month' | 'year' {
  let parts = shownParts.get(format);
  if (parts === undefined) {
    const tokens = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
    parts = /d/.test(tokens) || !/[my]/.test(tokens) ? 'day' : /m/.test(tokens) ? 'month' : 'year';
    shownParts.set(format, parts);
  }
  return parts;
}

/** A cell's value: text, a number, a date (from a date-formatted number, in the workbook's date system), an error. */
function typedCell(cell: XlsxCell, date1904: boolean): SheetCell {
  let value: unknown = cell.value;
  if (value !== null && typeof value === 'object' && 'formula' in value) value = (value as { result?: unknown }).result ?? null;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'boolean') return value;
  const format = typeof cell.numFmt === 'string' ? cell.numFmt : '';
  // A date cell: the library made a Date of its serial as if in the 1900 system; the serial is taken
  // back and read in the workbook's own system.
  if (value instanceof Date) return dateCell(serialOfDate(value), format, date1904);
  if (typeof value === 'number') return isDateFormat(format) ? dateCell(value, format, date1904) : value;
  if (typeof value === 'object') {
    if ('error' in value) return { error: String((value as { error: unknown }).error) };
    if ('richText' in value) return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('') || null;
    if ('text' in value) return String((value as { text: unknown }).text);
  }
  return String(value);
}

function isDateFormat(format: string): boolean {
  const tokens = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
  return /[dy]/.test(tokens) && !/^general$/.test(tokens);
}

/** Date cells by serial and what their format shows: a column of dates repeats a few hundred days. */
const dateCells = new Map<string, SheetCell>();

function dateCell(serial: number, format: string, date1904: boolean): SheetCell {
  const parts = dateParts(format);
  const key = `${Math.floor(serial)}${parts}${date1904 ? 'm' : ''}`;
  let cell = dateCells.get(key);
  if (cell === undefined) {
    const date = serialDate(serial, date1904);
    if (date === null) return serial;
    const shown = parts === 'day' ? date : parts === 'month' ? { ...date, day: null } : yearOnly(date.year);
    cell = Object.freeze({ date: Object.freeze(shown) });
    dateCells.set(key, cell);
  }
  return cell;
}

/** A workbook row as FileReader reads records: the typed cells, and their text. */
const NO_BYTES = Buffer.alloc(0);

export class SheetRecord implements CsvRecord {
  readonly fieldCount: number;
  readonly bytes = NO_BYTES;
  /** No scanner's batch holds it. */
  readonly index = 0;

  constructor(
    readonly line: number,
    private readonly cells: SheetCell[],
  ) {
    this.fieldCount = cells.length;
  }

  cell(index: number): SheetCell {
    return this.cells[index] ?? null;
  }

  field(index: number): string {
    return cellText(this.cell(index));
  }

  /** The row as a CSV line, for --rejects. */
  raw(): string {
    return this.cells.map((_, i) => csvCell(this.field(i))).join(',');
  }

  lineEnding(): 'none' {
    return 'none';
  }

  fieldStart(): number {
    return 0;
  }

  fieldEnd(): number {
    return 0;
  }

  fieldQuoted(): boolean {
    return false;
  }

  fieldNumber(): number {
    return -1;
  }

  parsedCount(): number {
    return -1;
  }

  dateNumber(): number {
    return -1;
  }
}
