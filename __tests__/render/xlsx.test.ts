/**
 * The xlsx renderer, read back by openpyxl (an independent reader): sheet names, title and frozen
 * header, typed cells with their number formats, the notes sheet.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Doc } from '../../src/render/doc';
import { SheetNames, renderXlsx } from '../../src/render/xlsx';
import { columnLetters } from '../../src/render/xlsx-package';
import { readWorkbook } from '../helpers/openpyxl';

const dir = mkdtempSync(join(tmpdir(), 'visitstat-xlsx-'));

async function roundTrip(doc: Doc, locale: 'id' | 'en' = 'en') {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(path, await renderXlsx(doc, locale));
  return readWorkbook(path);
}

const DOC: Doc = {
  title: { en: 'Summary', id: 'Ringkasan' },
  tables: [
    {
      id: 'byMonth',
      title: { en: 'Arrivals by month', id: 'Kunjungan per bulan' },
      columns: [
        { key: 'period', label: { en: 'Period', id: 'Periode' }, kind: 'period' },
        { key: 'visitors', label: { en: 'Visitors', id: 'Wisatawan' }, kind: 'int' },
        { key: 'mean', label: 'Mean', kind: 'decimal', decimals: 2 },
        { key: 'share', label: { en: 'Foreign share', id: 'Porsi mancanegara' }, kind: 'percent' },
        { key: 'spending', label: { en: 'Spending', id: 'Belanja' }, kind: 'money' },
        { key: 'day', label: 'Day', kind: 'date' },
        { key: 'origin', label: 'Origin', kind: 'text' },
      ],
      rows: [
        {
          period: { unit: 'month', year: 2017, month: 3 },
          visitors: 24150,
          mean: 70.004,
          share: 59.74,
          spending: 7467219000000n,
          day: { year: 2016, month: 3, day: 9 },
          origin: '=HYPERLINK("x")',
        },
        {
          period: { unit: 'quarter', year: 2017, quarter: 1 },
          visitors: null,
          mean: Number.NaN,
          share: null,
          spending: null,
          day: null,
          origin: null,
        },
      ],
      notes: ['A table note'],
    },
    {
      id: 'empty',
      title: { en: 'Arrivals by month', id: 'Kunjungan per bulan' },
      columns: [{ key: 'a', label: 'A', kind: 'int' }],
      rows: [],
    },
  ],
  notes: [{ en: 'Method: R type 7', id: 'Metode: R tipe 7' }],
  footer: ['Rows read 3, accepted 3, rejected 0'],
};

describe('renderXlsx', () => {
  it('writes one sheet per table, a title row, the header frozen, and a notes sheet last', async () => {
    const sheets = await roundTrip(DOC);
    expect(sheets.map((s) => s.name)).toEqual(['Arrivals by month', 'Arrivals by month (2)', 'Notes']);
    const [first, empty, notes] = sheets;
    expect(first.freeze).toBe('A3');
    expect(first.rows[0][0].value).toBe('Arrivals by month');
    expect(first.rows[1].map((c) => c.value)).toEqual(['Period', 'Visitors', 'Mean', 'Foreign share', 'Spending', 'Day', 'Origin']);
    expect(empty.rows[2][0].value).toBe('No data');
    expect(notes.rows.map((r) => r[0].value)).toEqual([
      'Summary',
      'Method: R type 7',
      'Arrivals by month: A table note',
      'Rows read 3, accepted 3, rejected 0',
    ]);
  });

  it('types every cell and gives it its number format', async () => {
    const [sheet] = await roundTrip(DOC);
    const [period, visitors, mean, share, money, day, origin] = sheet.rows[2];
    expect(period).toEqual({ value: '2017-03-01T00:00:00', type: 'd', format: 'mmm yyyy' });
    expect(visitors).toEqual({ value: 24150, type: 'n', format: '#,##0' });
    expect(mean).toEqual({ value: 70.004, type: 'n', format: '#,##0.00' });
    expect(share).toEqual({ value: 0.5974, type: 'n', format: '0.00%' });
    expect(money).toEqual({ value: 7467219000000, type: 'n', format: '"Rp"#,##0' });
    expect(day).toEqual({ value: '2016-03-09T00:00:00', type: 'd', format: 'dd/mm/yyyy' });
    // Text stays text: a cell written as a string never runs as a formula.
    expect(origin).toMatchObject({ value: '=HYPERLINK("x")', type: 's' });
    const [quarter, missing] = sheet.rows[3];
    expect(quarter).toMatchObject({ value: 'Q1 2017', type: 's' });
    expect(missing.value).toBeNull();
    expect(sheet.rows[3][2].value).toBeNull();
  });

  it('fits widths to the longest text a column shows', async () => {
    const [sheet] = await roundTrip(DOC);
    expect(sheet.widths.B).toBe('Visitors'.length + 2);
    expect(sheet.widths.D).toBe('Foreign share'.length + 2);
  });

  it('writes Indonesian names, and month names in Indonesian, under id', async () => {
    const sheets = await roundTrip(DOC, 'id');
    expect(sheets.map((s) => s.name)).toEqual(['Kunjungan per bulan', 'Kunjungan per bulan (2)', 'Catatan']);
    expect(sheets[0].rows[1][1].value).toBe('Wisatawan');
    expect(sheets[0].rows[2][0].format).toBe('[$-421]mmm yyyy');
    expect(sheets[0].rows[3][0].value).toBe('Triwulan I 2017');
  });

  it('writes a sheet of several megabytes whole, and text with markup, spaces and repeats as it is', async () => {
    const odd = ['<b>&amp;</b> "x"', '  leading and trailing  ', 'Pemkab Sleman'];
    const rows = Array.from({ length: 40_000 }, (_, i) => ({ origin: odd[i % 3] + (i % 3 === 2 ? ` ${i}` : ''), n: i * 1.5 }));
    const doc: Doc = {
      title: 'T',
      tables: [
        {
          id: 't',
          columns: [
            { key: 'origin', label: 'Origin', kind: 'text' },
            { key: 'n', label: 'N', kind: 'decimal', decimals: 1 },
          ],
          rows,
        },
      ],
    };
    const [sheet] = await roundTrip(doc);
    expect(sheet.rows).toHaveLength(40_002);
    for (const i of [0, 1, 2, 20_000, 39_999]) {
      expect(sheet.rows[i + 2][0].value).toBe(rows[i].origin);
      expect(sheet.rows[i + 2][1]).toEqual({ value: rows[i].n, type: 'n', format: '#,##0.0' });
    }
    expect(sheet.widths.B).toBe('59,998.5'.length + 2);
  });

  it('writes rupiah past 2^53 as exact text rather than a rounded number', async () => {
    const doc: Doc = { title: 'T', tables: [{ id: 't', columns: [{ key: 'm', label: 'M', kind: 'money' }], rows: [{ m: 2n ** 60n }] }] };
    const [sheet] = await roundTrip(doc);
    expect(sheet.rows[2][0]).toMatchObject({ value: (2n ** 60n).toString(), type: 's' });
  });
});

describe('SheetNames', () => {
  it('gives unique names of at most 31 characters without the characters Excel refuses', () => {
    const names = new SheetNames();
    const long = 'Delegations by origin and purpose, 2016 to 2018';
    const first = names.take(long);
    const second = names.take(long);
    expect(first).toBe('Delegations by origin and purpo');
    expect(second).toBe('Delegations by origin and p (2)');
    expect(first.length).toBeLessThanOrEqual(31);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(names.take('a/b: c?')).toBe('a b c');
    expect(names.take('SHEET')).toBe('SHEET');
    expect(names.take('sheet')).toBe('sheet (2)');
    expect(names.take('[]')).toBe('Sheet (3)');
  });
});

describe('columnLetters', () => {
  it('names columns as spreadsheets do, past Z and ZZ', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16_383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});
