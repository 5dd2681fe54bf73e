/**
 * `--format xlsx` / `-o FILE.xlsx` through the built binary, read back by openpyxl: every command
 * writes a workbook whose numbers are the ones its JSON gives; misuse of -o and --excel is refused.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { visitstat } from '../helpers/cli';
import { type PySheet, readWorkbook } from '../helpers/openpyxl';

const SAMPLE_2017 = ['fixtures/sample/delegations-2017.csv', 'fixtures/sample/arrivals-2017.csv'];
const CONFIG = ['--config', 'fixtures/config/targets.json'];

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'visitstat-xlsx-'))));
afterEach(() => rmSync(dir, { recursive: true }));

function workbookOf(args: string[]): PySheet[] {
  const out = join(dir, 'out.xlsx');
  const result = visitstat([...args, '-o', out]);
  // Only the counts line, as every command gives it on stderr.
  expect(result.stderr).toMatch(/^visitstat: (Rows read|Baris dibaca) [^\n]*\n$/);
  expect(result.code).toBe(0);
  expect(readdirSync(dir)).toEqual(['out.xlsx']);
  return readWorkbook(out);
}

/** A sheet's data rows (after the title and header rows) as objects keyed by header. */
function records(sheet: PySheet): Record<string, PySheet['rows'][0][0]>[] {
  const headers = sheet.rows[1].map((c) => String(c.value));
  return sheet.rows.slice(2).map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i]])));
}

describe('every command writes a workbook', () => {
  it('summary: the arrivals by month, typed, with the figures JSON gives', () => {
    const json = JSON.parse(visitstat(['summary', '--format', 'json', ...SAMPLE_2017]).stdout);
    const sheets = workbookOf(['summary', ...SAMPLE_2017]);
    expect(sheets.map((s) => s.name)).toEqual(['Delegations (wisatawan kinerja)', 'Tourist arrivals per month', 'Notes']);
    for (const sheet of sheets.slice(0, 2)) expect(sheet.freeze).toBe('A3');
    const overall = records(sheets[0])[0];
    expect(overall.Visitors).toEqual({ value: 39000, type: 'n', format: '#,##0' });
    expect(overall.Mean.value).toBeCloseTo(json.delegations.overall.mean, 10);
    const months = records(sheets[1]);
    expect(months).toHaveLength(12);
    expect(months[0].Period).toEqual({ value: '2017-01-01T00:00:00', type: 'd', format: 'mmm yyyy' });
    expect(months.map((m) => m.Domestic.value)).toEqual(json.arrivals.periods.map((p: { domestic: number }) => p.domestic));
    const share = months[0]['Foreign share'];
    expect(share.format).toBe('0.00%');
    expect(share.value).toBeCloseTo(json.arrivals.periods[0].foreignSharePct / 100, 12);
    expect(sheets[2].rows.map((r) => r[0].value)).toContain('Rows read 532, accepted 532, rejected 0 — 2 files');
  });

  it('spending: rupiah in a rupiah format, Indonesian sheet names under --locale id', () => {
    const sheets = workbookOf(['spending', '--locale', 'id', ...SAMPLE_2017]);
    const money = sheets.flatMap((s) => s.rows.flat()).filter((c) => c.format === '"Rp"#,##0');
    expect(money.length).toBeGreaterThan(0);
    expect(money.map((c) => c.value)).toContain(7467219000000);
    expect(sheets[sheets.length - 1].name).toBe('Catatan');
  });

  it('progress and report write workbooks too', () => {
    const progress = workbookOf([
      'progress',
      '--target',
      '50000',
      'fixtures/sample/delegations-2017.csv',
      'fixtures/sample/delegations-2018.csv',
    ]);
    expect(progress.length).toBeGreaterThan(1);
    rmSync(join(dir, 'out.xlsx'));
    const report = workbookOf(['report', ...CONFIG, 'fixtures/sample/delegations-2017.csv', 'fixtures/sample/arrivals-2017.csv']);
    const names = report.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
    expect(names[names.length - 1]).toBe('Notes');
  });

  it('validate: one row per file or sheet with its counts and verdict; the rest as notes; exit 1 kept when invalid', () => {
    const files = ['fixtures/sample/delegations-2017.csv', 'fixtures/excel/rekap-2016.xlsx'];
    const json = JSON.parse(visitstat(['validate', '--format', 'json', ...files]).stdout);
    const sheets = workbookOf(['validate', ...files]);
    expect(sheets.map((s) => s.name)).toEqual(['Verdicts', 'Notes']);
    const rows = records(sheets[0]);
    expect(rows.map((r) => r.File.value)).toEqual(json.files.map((f: { source: string }) => f.source));
    expect(rows.map((r) => r['Rows read'])).toEqual(
      json.files.map((f: { rowsRead: number }) => ({ value: f.rowsRead, type: 'n', format: '#,##0' })),
    );
    expect(rows.every((r) => r.Status.value === 'ok')).toBe(true);
    expect(String(rows[0].Verdict.value)).toMatch(/^delegations, UTF-8/);
    const out = join(dir, 'bad.xlsx');
    const bad = visitstat(['validate', '--locale', 'id', 'fixtures/messy/bad-rows.csv', '-o', out]);
    expect(bad.code).toBe(1);
    const [verdicts] = readWorkbook(out);
    expect(verdicts.name).toBe('Hasil pemeriksaan');
    expect(records(verdicts)[0].Status.value).toBe('TIDAK SAH');
  });
});

describe('misuse is refused', () => {
  it('-o with an extension no format has: usage error listing the known ones, nothing written', () => {
    const result = visitstat(['summary', 'fixtures/sample/delegations-2016.csv', '-o', join(dir, 'x.weird')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '".weird" is not an output format\'s extension (known: .txt, .csv, .json, .md, .markdown, .html, .htm, .xlsx)',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('-o with an unknown extension and --format writes that format', () => {
    const result = visitstat(['summary', 'fixtures/sample/delegations-2016.csv', '--format', 'json', '-o', join(dir, 'x.weird')]);
    expect(result.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['x.weird']);
  });

  it('--excel with another format is a usage error; --excel alone means csv', () => {
    const refused = visitstat(['summary', '--excel', '--format', 'json', 'fixtures/sample/delegations-2016.csv']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--excel is for CSV output, not --format json');
    const csv = visitstat(['summary', '--excel', 'fixtures/sample/delegations-2016.csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toMatch(/^\uFEFFdelegations;visitors;mean;/);
  });

  it('a workbook goes to stdout when it is not a terminal', () => {
    const result = visitstat(['summary', '--format', 'xlsx', 'fixtures/sample/delegations-2016.csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('PK')).toBe(true);
  });
});
