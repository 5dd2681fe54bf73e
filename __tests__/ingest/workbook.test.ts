/**
 * Workbooks, title and total rows, BPS tables, annual figures and Excel serial dates, on the
 * LibreOffice-saved fixtures of fixtures/excel/ (scripts/make-excel-fixtures.py): each must give the
 * same rows as the bundled sample it was made from, read as CSV.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialDate, isSerial, isYear } from '../../src/ingest/cells';
import { oneKindOfRows, readInputs } from '../../src/ingest/inputs';
import type { InputOptions } from '../../src/ingest/reader';
import type { ArrivalRow, DelegationRow } from '../../src/model/records';
import { InputError } from '../../src/errors';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const OPTIONS: InputOptions = { map: {}, dateFormat: 'dmy' };

async function read(files: string[], options: Partial<InputOptions> = {}, rejectsPath?: string) {
  const delegations: DelegationRow[] = [];
  const arrivals: ArrivalRow[] = [];
  const diagnostics: string[] = [];
  const summary = await readInputs(
    files.map((f) => join(FIXTURES, f)),
    {
      options: { ...OPTIONS, ...options },
      sink: { delegation: (r) => delegations.push(r), arrival: (r) => arrivals.push(r) },
      policy: { skipInvalid: true, rejectsPath },
      diagnostics: (line) => diagnostics.push(line),
    },
  );
  return { summary, delegations, arrivals, diagnostics };
}

const sortArrivals = (rows: ArrivalRow[]) =>
  [...rows].sort(
    (a, b) => a.period.year - b.period.year || (a.period.month ?? 0) - (b.period.month ?? 0) || a.segment.localeCompare(b.segment),
  );

describe('Excel serial dates', () => {
  it('reads the 1900 system with its phantom 29 February 1900, and the 1904 system', () => {
    expect(serialDate(1)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(serialDate(59)).toEqual({ year: 1900, month: 2, day: 28 });
    expect(serialDate(60)).toBeNull();
    expect(serialDate(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(serialDate(42373)).toEqual({ year: 2016, month: 1, day: 4 });
    expect(serialDate(42373.75)).toEqual({ year: 2016, month: 1, day: 4 });
    expect(serialDate(109574)).toEqual({ year: 2199, month: 12, day: 31 });
    expect(serialDate(109575)).toBeNull();
    expect(serialDate(0, true)).toEqual({ year: 1904, month: 1, day: 1 });
    expect(serialDate(40911, true)).toEqual({ year: 2016, month: 1, day: 4 });
  });

  it('takes a whole number from 1900 to 2199 for a year, never a serial', () => {
    expect(isYear(2017)).toBe(true);
    expect(isSerial(2017)).toBe(false);
    expect(isSerial(42373)).toBe(true);
    expect(isSerial(42373.5)).toBe(false);
    expect(isSerial(0)).toBe(false);
  });
});

describe('workbooks saved by LibreOffice', () => {
  it('reads a log under title rows with a two-row merged header, skips the notes sheet, checks the SUM row', async () => {
    const { summary, delegations, diagnostics } = await read(['excel/rekap-2016.xlsx']);
    const [sheet] = summary.files;
    expect(summary.files).toHaveLength(1);
    expect(sheet).toMatchObject({
      source: expect.stringMatching(/rekap-2016\.xlsx\[Rekap 2016\]$/),
      sheet: 'Rekap 2016',
      kind: 'delegations',
      headerRow: 5,
      noteRows: 1,
      rowsRead: 24,
      rowsAccepted: 24,
      rowsRejected: 0,
    });
    expect(sheet.totalRow).toEqual({
      line: 30,
      label: 'Jumlah',
      figures: [
        { column: 'Jumlah Peserta', stated: 1439, sum: 1439 },
        { column: 'Lama Menginap', stated: 58, sum: 58 },
      ],
      matches: true,
    });
    expect(diagnostics).toEqual([]);
    // The same rows as the first 24 of the bundled CSV: dates from date cells, counts from number cells.
    const csv = (await read(['sample/delegations-2016.csv'])).delegations.slice(0, 24);
    expect(delegations.map((d) => [d.date, d.origin, d.region, d.people, d.nights])).toEqual(
      csv.map((d) => [d.date, d.origin, d.region, d.people, d.nights]),
    );
  });

  it("reads the same rows from LibreOffice's CSV export of that workbook", async () => {
    const fromCsv = await read(['excel/rekap-2016.csv']);
    const fromXlsx = await read(['excel/rekap-2016.xlsx']);
    expect(fromCsv.delegations.map((d) => [d.date, d.people])).toEqual(fromXlsx.delegations.map((d) => [d.date, d.people]));
    expect(fromCsv.summary.files[0]).toMatchObject({ headerRow: 5, totalRow: { line: 30, matches: true }, rowsRead: 24 });
  });

  it('reads month cells as months in a workbook saved in the 1904 date system', async () => {
    const { arrivals } = await read(['excel/arrivals-2017-1904.xlsx']);
    const csv = await read(['sample/arrivals-2017.csv']);
    expect(sortArrivals(arrivals)).toEqual(sortArrivals(csv.arrivals));
    expect(arrivals[0].period).toEqual({ year: 2017, month: 1, day: null });
  });

  it('reads BPS tables (months down, years across), the segment from each sheet title', async () => {
    const { summary, arrivals } = await read(['excel/bps-2016-2017.xlsx']);
    expect(summary.files.map((f) => [f.sheet, f.arrivalForm, f.segment, f.segmentFrom, f.totalRow?.matches])).toEqual([
      ['Wisnus', 'bps', 'domestic', 'title', true],
      ['Wisman', 'bps', 'foreign', 'title', true],
    ]);
    const csv = await read(['sample/arrivals-2016.csv', 'sample/arrivals-2017.csv']);
    expect(sortArrivals(arrivals)).toEqual(sortArrivals(csv.arrivals));
  });

  it('reads the sheets --sheet names, by name or by place, and refuses one the workbook lacks', async () => {
    expect((await read(['excel/bps-2016-2017.xlsx'], { sheets: ['Wisman'] })).summary.files.map((f) => f.sheet)).toEqual(['Wisman']);
    expect((await read(['excel/bps-2016-2017.xlsx'], { sheets: ['1'] })).summary.files.map((f) => f.sheet)).toEqual(['Wisnus']);
    await expect(read(['excel/bps-2016-2017.xlsx'], { sheets: ['Wisata'] })).rejects.toThrow(/no sheet "Wisata" in this workbook/);
    await expect(read(['excel/rekap-2016.xlsx'], { sheets: ['Catatan'] })).rejects.toThrow(InputError);
  });

  it('reads annual figures as years alone, and serial dates as days', async () => {
    const annual = await read(['excel/annual.xlsx']);
    expect(annual.arrivals.map((a) => [a.period, a.segment, a.count])).toContainEqual([
      { year: 2015, month: null, day: null },
      'domestic',
      4200000,
    ]);
    for (const file of ['excel/serial-dates.xlsx', 'excel/serial-dates.csv']) {
      const { delegations, summary } = await read([file]);
      expect(summary.files[0].serialDates).toBe(true);
      const csv = (await read(['sample/delegations-2016.csv'])).delegations.slice(0, 10);
      expect(delegations.map((d) => d.date)).toEqual(csv.map((d) => d.date));
    }
  });
});

describe('problems in a sheet', () => {
  it('are named FILE[SHEET]:ROW with the row Excel shows, and --rejects gets the sheet', async () => {
    const { Workbook } = await import('@cj-tech-master/excelts');
    const dir = mkdtempSync(join(tmpdir(), 'visitstat-wb-'));
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Log');
    sheet.addRow(['REKAP KUNJUNGAN']);
    sheet.addRow([]);
    sheet.addRow(['Tanggal', 'Jumlah']);
    for (const people of [10, 'abc', -3, 1.5]) {
      const row = sheet.addRow([new Date(Date.UTC(2016, 0, 4)), people]);
      row.getCell(1).numFmt = 'dd/mm/yyyy';
    }
    const path = join(dir, 'bad.xlsx');
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
    const rejects = join(dir, 'rejects.csv');
    const lines: string[] = [];
    const summary = await readInputs([path], {
      options: OPTIONS,
      sink: { delegation: () => {}, arrival: () => {} },
      policy: { skipInvalid: false, rejectsPath: rejects },
      diagnostics: (line) => lines.push(line),
    }).catch((e: Error) => e);
    expect(summary).toBeInstanceOf(Error);
    expect(lines.slice(0, 3)).toEqual([
      `${path}[Log]:5: Jumlah: not a number: "abc"`,
      `${path}[Log]:6: Jumlah: negative: -3`,
      `${path}[Log]:7: Jumlah: not a whole number: 1.5`,
    ]);
    expect(readFileSync(rejects, 'utf8').split('\n')[1]).toBe(`${path}[Log],5,Jumlah,"Jumlah: not a number: ""abc""","2016-01-04,abc"`);
  });
});

describe('title and total rows in CSV', () => {
  const dir = mkdtempSync(join(tmpdir(), 'visitstat-shape-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  async function readOne(path: string) {
    const diagnostics: string[] = [];
    const delegations: DelegationRow[] = [];
    const summary = await readInputs([path], {
      options: OPTIONS,
      sink: { delegation: (r) => delegations.push(r), arrival: () => {} },
      policy: { skipInvalid: true },
      diagnostics: (line) => diagnostics.push(line),
    });
    return { summary, diagnostics, delegations };
  }

  it('a total row that differs from the rows above is a warning naming both numbers, never data', async () => {
    const path = write('t.csv', 'REKAP 2016\ntanggal;jumlah\n04/01/2016;26\n05/01/2016;67\nJumlah;90\n');
    const { summary, diagnostics, delegations } = await readOne(path);
    expect(delegations.map((d) => d.people)).toEqual([26, 67]);
    expect(summary).toMatchObject({ rowsRead: 2, rowsAccepted: 2, rowsRejected: 0 });
    expect(diagnostics).toEqual([`${path}:5: warning: total row "Jumlah": jumlah 90 stated, 93 in the rows above`]);
  });

  it('a total label with data below it is a row read and rejected', async () => {
    const path = write('m.csv', 'tanggal,jumlah\n04/01/2016,26\nTotal,26\n05/01/2016,67\n');
    const { summary, diagnostics } = await readOne(path);
    expect(summary).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 });
    expect(diagnostics).toEqual(expect.arrayContaining([expect.stringContaining('skipped 1 invalid of 3 rows read')]));
  });

  it('a total row on the straight path of a big file is still told apart', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `2016-01-${String((i % 28) + 1).padStart(2, '0')},${i % 50}`);
    const sum = Array.from({ length: 3000 }, (_, i) => i % 50).reduce((a, b) => a + b, 0);
    const held = write('s.csv', ['date,people', ...rows.slice(0, 1500), 'Jumlah,1', ...rows.slice(1500), `Jumlah,${sum}`, ''].join('\n'));
    const { summary, diagnostics } = await readOne(held);
    expect(summary).toMatchObject({ rowsRead: 3001, rowsAccepted: 3000, rowsRejected: 1 });
    expect(summary.files[0].totalRow).toMatchObject({ line: 3003, matches: true });
    expect(diagnostics.filter((d) => d.includes('total row'))).toEqual([]);
  });

  it('a delegation log with a Tahun column beside its Tanggal is still a delegation log', async () => {
    const path = write('tahun.csv', 'Tanggal,Tahun,Jumlah\n2016-01-04,2016,5\n');
    const { summary, delegations } = await readOne(path);
    expect(summary.files[0].kind).toBe('delegations');
    expect(delegations.map((d) => d.people)).toEqual([5]);
  });

  it('a mix of serial numbers and dates in one date column stops the file naming the first of each', async () => {
    const path = write('mix.csv', 'tanggal,jumlah\n42373,5\n42374,6\n2016-01-06,4\n');
    await expect(readOne(path)).rejects.toThrow(
      'tanggal: Excel serial dates and dates in one column: line 2 has 42373 (a serial), line 4 has "2016-01-06" (a date)',
    );
  });
});

describe('oneKindOfRows', () => {
  it('is true only for one source that is not a workbook (a workbook may hold delegations and arrivals)', () => {
    expect(oneKindOfRows(['fixtures/sample/delegations-2016.csv'])).toBe(true);
    expect(oneKindOfRows(['-'])).toBe(true);
    expect(oneKindOfRows(['fixtures/excel/annual.xlsx'])).toBe(false);
    expect(oneKindOfRows(['fixtures/sample/delegations-2016.csv', 'fixtures/sample/arrivals-2016.csv'])).toBe(false);
  });
});
