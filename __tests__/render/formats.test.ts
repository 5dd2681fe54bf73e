import { parse } from 'csv-parse/sync';
import { FORMATS, type Format, type RenderSettings, formatFromPath, formatsFor, renderDoc, renderJson } from '../../src/render';
import { neutraliseFormula } from '../../src/render/csv';
import type { Doc, Row, Table } from '../../src/render/doc';
import { Ratio } from '../../src/stats/exact';

/** The Doc rendered by the format registered under `format` (CSV's bytes decoded). */
const render = (doc: Doc, { format, ...settings }: RenderSettings & { format: Format }): string =>
  String(renderDoc(format, { doc, json: null }, settings) as string | Buffer);

// biome-ignore lint/suspicious/noControlCharactersInRegex: an ANSI escape sequence is what the test looks for.
const ANSI = /\u001b\[/;

const byMonth: Table = {
  id: 'byMonth',
  title: { id: 'Per bulan', en: 'By month' },
  columns: [
    { key: 'month', label: { id: 'Bulan', en: 'Month' }, kind: 'period' },
    { key: 'origin', label: { id: 'Asal', en: 'Origin' }, kind: 'text' },
    { key: 'visitors', label: { id: 'Pengunjung', en: 'Visitors' }, kind: 'int' },
    { key: 'mean', label: { id: 'Rata-rata', en: 'Mean' }, kind: 'decimal' },
    { key: 'growth', label: { id: 'Pertumbuhan', en: 'Growth' }, kind: 'percent' },
    { key: 'spending', label: { id: 'Belanja', en: 'Spending' }, kind: 'moneyShort' },
  ],
  rows: [
    {
      month: { unit: 'month', year: 2016, month: 3 },
      origin: '=HYPERLINK("x")',
      visitors: 2000,
      mean: 70.5,
      growth: -12.5,
      spending: 7_467_219_000_000n,
    },
    {
      month: { unit: 'month', year: 2016, month: 4 },
      origin: 'Kab. A | B\u001b[2J',
      visitors: 1000,
      mean: 1234.5,
      growth: null,
      spending: 999_999_999n,
    },
  ],
  notes: [{ id: 'Catatan', en: 'A note' }],
  bar: 'visitors',
};

const doc: Doc = {
  title: { id: 'Ringkasan', en: 'Summary' },
  tables: [byMonth],
  footer: [{ id: 'Baris dibaca: 2, diterima: 2, ditolak: 0', en: 'Rows read: 2, accepted: 2, rejected: 0' }],
};

describe('csv', () => {
  it('writes key headers, plain numbers, ISO periods, empty for missing, full money', () => {
    const out = render(doc, { format: 'csv', locale: 'id', color: false });
    const records = parse(out) as string[][];
    expect(records).toEqual([
      ['month', 'origin', 'visitors', 'mean', 'growth', 'spending'],
      ['2016-03', `'=HYPERLINK("x")`, '2000', '70.5', '-12.5', '7467219000000'],
      ['2016-04', 'Kab. A | B\u001b[2J', '1000', '1234.5', '', '999999999'],
    ]);
    expect(out.startsWith('\uFEFF')).toBe(false);
    expect(out).not.toContain('\r\n');
  });

  it.each([['=HYPERLINK("x")'], ['+1'], ['-x'], ['@x'], ['\tx'], ['\rx']])('neutralises %j', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text and negative number cells alone', () => {
    expect(neutraliseFormula('Kabupaten Banyuwangi')).toBe('Kabupaten Banyuwangi');
    const out = render(doc, { format: 'csv', locale: 'en', color: false });
    expect(out.split('\n')[1].split(',')).toContain('-12.5');
  });

  it('keeps a text cell with a line break inside one quoted field in excel mode', () => {
    const withBreak: Doc = { ...doc, tables: [{ ...byMonth, rows: [{ ...(byMonth.rows as Row[])[1], origin: 'a\nb;c' }] }] };
    const out = render(withBreak, { format: 'csv', locale: 'id', color: false, excel: true });
    const records = parse(out.slice(1), { delimiter: ';', record_delimiter: '\r\n' }) as string[][];
    expect(records[1][1]).toBe('a\nb;c');
    expect(records).toHaveLength(2);
  });

  it('excel mode: BOM bytes, semicolons, decimal comma, CRLF', () => {
    const bytes = Buffer.from(render(doc, { format: 'csv', locale: 'en', color: false, excel: true }), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('month;origin;visitors;mean;growth;spending');
    expect(lines[1].split(';').slice(2)).toEqual(['2000', '70,5', '-12,5', '7467219000000']);
    expect(lines.at(-1)).toBe('');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('--bom alone adds only the BOM', () => {
    const plain = render(doc, { format: 'csv', locale: 'en', color: false });
    expect(render(doc, { format: 'csv', locale: 'en', color: false, bom: true })).toBe('\uFEFF' + plain);
  });

  it('writes several tables separated by one empty line, each with its own header', () => {
    const second: Table = {
      id: 'byYear',
      columns: [
        { key: 'year', label: 'Year', kind: 'period' },
        { key: 'total', label: 'Total', kind: 'money' },
      ],
      rows: [{ year: { unit: 'year', year: 2017 }, total: 7_467_219_000_000n }],
    };
    const out = render({ ...doc, tables: [byMonth, second] }, { format: 'csv', locale: 'en', color: false });
    const [first, rest] = out.split('\n\n');
    expect(first.split('\n')).toHaveLength(3);
    expect(rest).toBe('year,total\n2017,7467219000000\n');
  });
});

describe('markdown', () => {
  const md = render(doc, { format: 'markdown', locale: 'id', color: false });
  const tableLines = md.split('\n').filter((l) => l.startsWith('|'));
  const cellsOf = (line: string) =>
    line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());

  it('has the titles, locale-formatted cells, notes and footer', () => {
    expect(md.startsWith('# Ringkasan\n\n## Per bulan\n\n')).toBe(true);
    expect(cellsOf(tableLines[2])).toEqual(['Maret 2016', '=HYPERLINK("x")', '2.000', '70,5', '-12,5%', 'Rp7,47 triliun']);
    expect(cellsOf(tableLines[3])[4]).toBe('-');
    expect(md).toContain('\n\nCatatan\n\nBaris dibaca: 2, diterima: 2, ditolak: 0\n');
  });

  it('right-aligns numeric columns', () => {
    expect(cellsOf(tableLines[1])).toEqual(['---', '---', '---:', '---:', '---:', '---:']);
  });

  it('escapes pipes so a cell cannot split, and drops control characters', () => {
    const cells = cellsOf(tableLines[3]);
    expect(cells).toHaveLength(byMonth.columns.length);
    expect(cells[1]).toBe('Kab. A \\| B\uFFFD\\[2J');
  });
});

describe('table', () => {
  const plain = render(doc, { format: 'table', locale: 'en', color: false });

  it('has no ANSI codes at all without colour, even from input text', () => {
    expect(plain).not.toMatch(ANSI);
    expect(plain).toContain('B\uFFFD[2J');
  });

  it('colours when asked', () => {
    expect(render(doc, { format: 'table', locale: 'en', color: true })).toMatch(ANSI);
  });

  it('right-aligns numbers and formats them per locale', () => {
    const row = plain.split('\n').find((l) => l.includes('Apr 2016'))!;
    const cells = row.split('│').slice(1, -1);
    expect(cells[2]).toMatch(/^ +1,000 $/);
    expect(cells[3]).toMatch(/^ +1,234\.5 $/);
    expect(cells[1].startsWith(' Kab.')).toBe(true);
    expect(cells[5]).toMatch(/^ +IDR 1\.00 billion $/);
  });

  it('draws bars in proportion to the bar column', () => {
    const barOf = (month: string) =>
      plain
        .split('\n')
        .find((l) => l.includes(month))!
        .split('│')
        .at(-2)!
        .trim();
    expect(barOf('Mar 2016')).toBe('█'.repeat(20));
    expect(barOf('Apr 2016')).toBe('█'.repeat(10));
  });

  it('says so when a table has no rows', () => {
    const empty = render({ ...doc, tables: [{ ...byMonth, rows: [] }] }, { format: 'table', locale: 'id', color: false });
    expect(empty).toContain('Tidak ada data');
  });
});

describe('renderJson', () => {
  it('writes safe bigints as numbers, larger ones as strings, periods and dates as ISO', () => {
    const value = {
      total: 7_467_219_000_000n,
      huge: 2n ** 60n,
      edge: BigInt(Number.MAX_SAFE_INTEGER) + 1n,
      month: { unit: 'month', year: 2016, month: 3 },
      weekday: { unit: 'weekday', weekday: 1 },
      day: { year: 2016, month: 3, day: 9 },
      monthOnly: { year: 2017, month: 8, day: null },
      byOrigin: new Map([['Jakarta', 3]]),
      notAPeriod: { unit: 'month', label: 'x' },
      skipped: undefined,
      growth: NaN,
    };
    const text = renderJson(value);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "total": 7467219000000,');
    expect(JSON.parse(text)).toEqual({
      total: 7467219000000,
      huge: (2n ** 60n).toString(),
      edge: '9007199254740992',
      month: '2016-03',
      weekday: 'monday',
      day: '2016-03-09',
      monthOnly: '2017-08',
      byOrigin: { Jakarta: 3 },
      notAPeriod: { unit: 'month', label: 'x' },
      growth: null,
    });
  });
});

describe('the formats registry', () => {
  it('offers html to the report only, every other format to every command, in registration order', () => {
    expect(formatsFor('summary')).toEqual(['table', 'csv', 'json', 'markdown', 'xlsx']);
    expect(formatsFor('report')).toEqual(['table', 'csv', 'json', 'markdown', 'html', 'xlsx']);
  });

  it('takes the format from the -o extension, whatever its case; none for an unknown one', () => {
    expect(formatFromPath('out/Report.HTML')).toBe('html');
    expect(formatFromPath('a.markdown')).toBe('markdown');
    expect(formatFromPath('x.txt')).toBe('table');
    expect(formatFromPath('x.xls')).toBeUndefined();
    expect(formatFromPath('.csv')).toBeUndefined();
  });

  it('says which formats are for programs, and which hold data rows only', () => {
    const kinds = Object.entries(FORMATS).map(([name, f]) => [name, f.machine, f.rowsOnly]);
    expect(kinds).toEqual([
      ['table', false, false],
      ['csv', true, true],
      ['json', true, false],
      ['markdown', false, false],
      ['html', false, false],
      ['xlsx', false, false],
    ]);
  });

  it('renders json from the JSON document, whatever the Doc', () => {
    expect(renderDoc('json', { doc, json: { total: 10n ** 17n } }, { locale: 'id', color: false })).toBe(
      '{\n  "total": "100000000000000000"\n}\n',
    );
  });
});

describe('exact cells', () => {
  const halves: Doc = {
    title: 'Halves',
    tables: [
      {
        id: 'halves',
        columns: [
          { key: 'name', label: 'Name', kind: 'text' },
          { key: 'mean', label: 'Mean', kind: 'decimal', decimals: 2 },
          { key: 'share', label: 'Share', kind: 'percent', decimals: 2 },
        ],
        rows: [
          { name: 'a', mean: Ratio.of(201, 200), share: Ratio.of(23 * 100, 160) },
          { name: 'b', mean: Ratio.of(41, 40), share: null },
        ],
      },
    ],
  };

  it.each(['table', 'markdown', 'csv', 'html'] as const)('%s prints the same digits, rounded half up from the exact value', (format) => {
    const text = render(halves, { format, locale: 'en', color: false });
    expect(text).toContain('1.01');
    expect(text).toContain('1.03');
    expect(text).toContain('14.38');
    expect(text).not.toMatch(/1\.00|1\.02|14\.37/);
  });
});
