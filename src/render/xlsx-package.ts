/**
 * A workbook's package written as SpreadsheetML text, deflated by node:zlib and zipped by fflate: sheets
 * of text, numbers and dates under number formats, a bold font, column widths and frozen rows, all
 * that visitstat's workbooks hold. A cell is one piece of text appended to its row, with no object per
 * cell: a workbook library's model of each cell (its value, address and style objects, then its XML
 * writer) cost about 3 µs a cell, three times the JSON of the same 50,000 groups. Reading workbooks
 * stays with the workbook library (src/ingest/workbook.ts).
 *
 * Parts (ECMA-376 part 1): [Content_Types].xml, _rels/.rels, docProps/core.xml, xl/workbook.xml and its
 * rels, xl/styles.xml, xl/sharedStrings.xml (each distinct text once) and xl/worksheets/sheetN.xml.
 *
 * A sheet's rows are written into megabyte pieces, and each full piece goes to the thread pool to be
 * deflated while the next is written (as pigz does: each piece deflated on its own, ending on a byte
 * boundary, the last one finishing the stream), so that deflating is mostly done when the rows are.
 */
import { constants, deflateRaw } from 'node:zlib';
import { Zip, ZipPassThrough } from 'fflate';

/** A cell's value: text, a number, a date (UTC midnight: a day), or nothing (no cell). */
export type XlsxValue = string | number | Date | null;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Number formats every spreadsheet knows by id (18.8.30); any other is declared with an id from 164. */
const BUILT_IN_FORMATS = new Map([
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
  ['0%', 9],
  ['0.00%', 10],
]);
const FIRST_CUSTOM_FORMAT = 164;

/** Day 0 of the 1900 date system's serial numbers, as Excel counts them from March 1900 on. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Room beyond a piece's length for its deflated form (deflate adds 5 bytes a block to what it cannot shrink). */
const DEFLATE_SLACK = 1 << 16;

/** Characters XML 1.0 refuses, and those that must be escaped in text and attributes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds.
const XML_REFUSED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const XML_SPECIAL = /[&<>"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeXml(text: string): string {
  return text.replace(XML_REFUSED, '\ufffd').replace(XML_SPECIAL, (c) => ENTITIES[c]);
}

/** The letters of a 0-based column index: 0 A, 25 Z, 26 AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A part's bytes in pieces, each deflated on the thread pool as soon as it is given: raw deflate ending
 * on a byte boundary (a sync flush), or finishing the stream when it is the part's last, so that the
 * pieces, deflated each on its own and at the same time, join into one deflate stream.
 */
class DeflatedPieces {
  readonly raw: Buffer[] = [];
  readonly deflated: Promise<Buffer>[] = [];

  add(piece: Buffer, last = false): this {
    this.raw.push(piece);
    this.deflated.push(
      new Promise((resolve, reject) =>
        // An output buffer the piece fits in: deflated in one go on the pool, however busy this thread.
        deflateRaw(
          piece,
          { finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH, chunkSize: piece.length + DEFLATE_SLACK },
          (e, out) => (e ? reject(e) : resolve(out)),
        ),
      ),
    );
    return this;
  }

  /** Another's pieces after these. */
  append(other: DeflatedPieces): this {
    this.raw.push(...other.raw);
    this.deflated.push(...other.deflated);
    return this;
  }
}

/**
 * ASCII text written into buffers of a megabyte, each handed to the DeflatedPieces when full. Rows are
 * ASCII only (numbers, cell references, and texts by their number in the shared strings), so a
 * character is a byte and is copied as one.
 */
class AsciiChunks {
  static readonly SIZE = 1 << 20;
  readonly pieces = new DeflatedPieces();
  private chunk = Buffer.allocUnsafe(AsciiChunks.SIZE);
  private used = 0;

  write(text: string): void {
    if (this.used + text.length > this.chunk.length) {
      this.flush();
      this.chunk = Buffer.allocUnsafe(Math.max(AsciiChunks.SIZE, text.length));
    }
    this.used += this.chunk.write(text, this.used, 'latin1');
  }

  /** Hands on what is written so far. */
  flush(): void {
    if (this.used > 0) this.pieces.add(this.chunk.subarray(0, this.used));
    this.chunk = this.chunk.subarray(this.used);
    this.used = 0;
  }
}

/** One sheet's rows as XML, cell by cell. */
export class XlsxSheet {
  /** Rows above the scrolling part (frozen); 0 for none. */
  frozenRows = 0;
  /** Column widths in characters, by 0-based column (none: the default width). */
  widths: number[] = [];
  private readonly rows = new AsciiChunks();
  private readonly letters: string[] = [];
  private rowCount = 0;
  private columns = 0;

  constructor(
    readonly name: string,
    private readonly strings: SharedStrings,
  ) {}

  /**
   * Appends a row: each value with the style (from XlsxWorkbook.style) at its index; a null value is
   * no cell. `rowStyle` styles the whole row (cells it has no value for included).
   */
  row(values: readonly XlsxValue[], styles: readonly number[], rowStyle = 0): void {
    const r = ++this.rowCount;
    let xml = rowStyle ? `<row r="${r}" s="${rowStyle}" customFormat="1">` : `<row r="${r}">`;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value === null) continue;
      const style = styles[i] ? ` s="${styles[i]}"` : '';
      const ref = (this.letters[i] ??= columnLetters(i)) + r;
      if (typeof value === 'string') xml += `<c r="${ref}"${style} t="s"><v>${this.strings.id(value)}</v></c>`;
      else xml += `<c r="${ref}"${style}><v>${typeof value === 'number' ? value : (value.getTime() - EXCEL_EPOCH_MS) / DAY_MS}</v></c>`;
    }
    this.columns = Math.max(this.columns, values.length);
    this.rows.write(`${xml}</row>`);
  }

  /** The sheet's XML, in deflated pieces. */
  xml(): DeflatedPieces {
    const last = this.rowCount > 0 ? `${columnLetters(Math.max(0, this.columns - 1))}${this.rowCount}` : 'A1';
    const frozen = this.frozenRows;
    const view = frozen
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    const cols = this.widths
      .map((width, i) => (width > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>` : ''))
      .join('');
    const head = `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><dimension ref="A1:${last}"/>${view}<sheetFormatPr defaultRowHeight="15"/>${
      cols ? `<cols>${cols}</cols>` : ''
    }<sheetData>`;
    const tail = '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
    this.rows.flush();
    return new DeflatedPieces().add(Buffer.from(head)).append(this.rows.pieces).add(Buffer.from(tail), true);
  }
}

/** The workbook's texts, each once, numbered in order of first use. */
class SharedStrings {
  private readonly ids = new Map<string, number>();
  private uses = 0;

  id(text: string): number {
    this.uses++;
    let id = this.ids.get(text);
    if (id === undefined) this.ids.set(text, (id = this.ids.size));
    return id;
  }

  xml(): string {
    const items: string[] = [];
    for (const text of this.ids.keys()) {
      // Spaces at either end, or a line break, are kept only when said so.
      const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : '';
      items.push(`<si><t${space}>${escapeXml(text)}</t></si>`);
    }
    return `${XML_HEAD}<sst xmlns="${MAIN}" count="${this.uses}" uniqueCount="${this.ids.size}">${items.join('')}</sst>`;
  }
}

/** Sheets, their cells' styles (a number format and whether bold) and the zip they go into. */
export class XlsxWorkbook {
  private readonly sheets: XlsxSheet[] = [];
  private readonly strings = new SharedStrings();
  /** Custom number formats by code, with their ids. */
  private readonly formats = new Map<string, number>();
  /** Cell styles (numFmtId, bold), index 0 the default; by `${numFmtId} ${bold}`. */
  private readonly styles: [number, boolean][] = [[0, false]];
  private readonly styleIds = new Map<string, number>([['0 false', 0]]);

  addSheet(name: string): XlsxSheet {
    const sheet = new XlsxSheet(name, this.strings);
    this.sheets.push(sheet);
    return sheet;
  }

  /** The style of cells shown in `format` (null: General), bold or not. */
  style(format: string | null, bold = false): number {
    const numFmtId = format === null ? 0 : (BUILT_IN_FORMATS.get(format) ?? this.customFormat(format));
    const key = `${numFmtId} ${bold}`;
    let id = this.styleIds.get(key);
    if (id === undefined) {
      this.styleIds.set(key, (id = this.styles.length));
      this.styles.push([numFmtId, bold]);
    }
    return id;
  }

  private customFormat(format: string): number {
    let id = this.formats.get(format);
    if (id === undefined) this.formats.set(format, (id = FIRST_CUSTOM_FORMAT + this.formats.size));
    return id;
  }

  /** The .xlsx file. */
  async toBuffer(): Promise<Buffer> {
    const n = this.sheets.length;
    const text = (xml: string) => new DeflatedPieces().add(Buffer.from(xml), true);
    const mtime = new Date();
    const parts: [string, DeflatedPieces][] = [
      ['[Content_Types].xml', text(this.contentTypes())],
      [
        '_rels/.rels',
        text(
          relationships([
            ['rId1', `${OFFICE_RELS}/officeDocument`, 'xl/workbook.xml'],
            ['rId2', `${PACKAGE_RELS}/metadata/core-properties`, 'docProps/core.xml'],
          ]),
        ),
      ],
      ['docProps/core.xml', text(coreProperties(mtime))],
      ['xl/workbook.xml', text(this.workbookXml())],
      [
        'xl/_rels/workbook.xml.rels',
        text(
          relationships([
            ...this.sheets.map((_, i): [string, string, string] => [
              `rId${i + 1}`,
              `${OFFICE_RELS}/worksheet`,
              `worksheets/sheet${i + 1}.xml`,
            ]),
            [`rId${n + 1}`, `${OFFICE_RELS}/styles`, 'styles.xml'],
            [`rId${n + 2}`, `${OFFICE_RELS}/sharedStrings`, 'sharedStrings.xml'],
          ]),
        ),
      ],
      ['xl/styles.xml', text(this.stylesXml())],
      ...this.sheets.map((sheet, i): [string, DeflatedPieces] => [`xl/worksheets/sheet${i + 1}.xml`, sheet.xml()]),
      ['xl/sharedStrings.xml', text(this.strings.xml())],
    ];
    const out: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((e, data) => (e ? (failure = e) : out.push(data)));
    for (const [path, pieces] of parts) addDeflated(zip, path, pieces.raw, await Promise.all(pieces.deflated), mtime);
    zip.end();
    if (failure) throw failure;
    return Buffer.concat(out);
  }

  private contentTypes(): string {
    const part = (name: string, type: string) => `<Override PartName="/${name}" ContentType="${type}"/>`;
    return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${[
      part('xl/workbook.xml', `${CONTENT_TYPE}.sheet.main+xml`),
      ...this.sheets.map((_, i) => part(`xl/worksheets/sheet${i + 1}.xml`, `${CONTENT_TYPE}.worksheet+xml`)),
      part('xl/styles.xml', `${CONTENT_TYPE}.styles+xml`),
      part('xl/sharedStrings.xml', `${CONTENT_TYPE}.sharedStrings+xml`),
      part('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'),
    ].join('')}</Types>`;
  }

  private workbookXml(): string {
    const sheets = this.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    return `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`;
  }

  private stylesXml(): string {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('');
    const font = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
    const xfs = this.styles
      .map(
        ([numFmtId, bold]) =>
          `<xf numFmtId="${numFmtId}" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${bold ? ' applyFont="1"' : ''}/>`,
      )
      .join('');
    return `${XML_HEAD}<styleSheet xmlns="${MAIN}">${formats ? `<numFmts count="${this.formats.size}">${formats}</numFmts>` : ''}<fonts count="2"><font>${font}</font><font><b/>${font}</font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${this.styles.length}">${xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  }
}

/**
 * Adds a part deflated already: fflate's Zip takes its bytes through a ZipPassThrough (which counts
 * their size and CRC-32), and this hands on their deflated pieces instead (fflate's way to bring one's
 * own compression).
 */
function addDeflated(zip: Zip, path: string, raw: Buffer[], deflated: Buffer[], mtime: Date): void {
  const file = new (class extends ZipPassThrough {
    private next = 0;
    protected process(_chunk: Uint8Array, final: boolean): void {
      this.ondata?.(null, deflated[this.next++] as Uint8Array<ArrayBuffer>, final);
    }
  })(path);
  file.compression = 8;
  file.mtime = mtime;
  zip.add(file);
  raw.forEach((piece, i) => file.push(piece as Uint8Array<ArrayBuffer>, i === raw.length - 1));
}

function relationships(rels: [id: string, type: string, target: string][]): string {
  const items = rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('');
  return `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS}">${items}</Relationships>`;
}

function coreProperties(time: Date): string {
  const when = `${time.toISOString().slice(0, 19)}Z`;
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}
