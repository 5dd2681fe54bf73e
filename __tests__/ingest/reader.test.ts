/**
 * The input layer end to end on the fixtures: totals come from fixtures/README.md (stated when the
 * fixtures were generated, independently of this reader), and rows read = accepted + rejected always.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../../src/ingest/inputs';
import type { InputOptions } from '../../src/ingest/reader';
import type { ArrivalRow, DelegationRow } from '../../src/model/records';
import { InvalidDataError } from '../../src/errors';
import { parseMapOption } from '../../src/ingest/headers';

const OPTIONS: InputOptions = { map: {}, dateFormat: 'dmy' };

async function read(
  files: string[],
  options: Partial<InputOptions> = {},
  policy = { skipInvalid: true, rejectsPath: undefined as string | undefined },
) {
  const delegations: DelegationRow[] = [];
  const arrivals: ArrivalRow[] = [];
  const diagnostics: string[] = [];
  const summary = await readInputs(
    files.map((f) => join(__dirname, '..', '..', 'fixtures', f)),
    {
      options: { ...OPTIONS, ...options },
      sink: { delegation: (r) => delegations.push(r), arrival: (r) => arrivals.push(r) },
      policy,
      diagnostics: (line) => diagnostics.push(line),
    },
  );
  return { summary, delegations, arrivals, diagnostics };
}

const people = (rows: DelegationRow[]) => rows.reduce((n, r) => n + r.people, 0);
const segment = (rows: ArrivalRow[], s: string) => rows.filter((r) => r.segment === s).reduce((n, r) => n + r.count, 0);

describe('delegation fixtures read to their stated totals', () => {
  test.each([
    ['sample/delegations-2016.csv', 345, 24150],
    ['sample/delegations-2017.csv', 520, 39000],
    ['sample/delegations-2018.csv', 398, 29870],
    ['messy/excel-id.csv', 12, 1955],
    ['messy/excel-mixed-dates.csv', 14, 720],
    ['messy/windows-1252.csv', 6, 177],
    ['messy/utf16le.csv', 6, 1363],
    ['messy/utf16be.csv', 3, 102],
    ['messy/pipe.csv', 6, 565],
  ])('%s: %d rows, %d people', async (file, rows, total) => {
    const { summary, delegations } = await read([file]);
    expect(summary.rowsRead).toBe(rows);
    expect(summary.rowsAccepted).toBe(rows);
    expect(delegations).toHaveLength(rows);
    expect(people(delegations)).toBe(total);
  });

  test('the 2016 seed: 345 delegations, 24,150 people, 70 on average', async () => {
    const { delegations } = await read(['sample/delegations-2016.csv']);
    expect(people(delegations) / delegations.length).toBe(70);
  });

  test('custom headers need --map', async () => {
    const map = parseMapOption('date=Tgl,people="Jumlah Tamu",origin="Nama Rombongan"');
    const { delegations } = await read(['messy/custom-headers.csv'], { map });
    expect(people(delegations)).toBe(366);
    expect(delegations[0].origin).not.toBeNull();
  });
});

describe('text is decoded right', () => {
  test('Windows-1252 en dash, curly quotes and é', async () => {
    const { delegations, summary } = await read(['messy/windows-1252.csv']);
    const origins = delegations.map((d) => d.origin).join('|');
    expect(origins).toContain('Pemkot Bogor \u2013 DPMPTSP');
    expect(origins).toContain('DPRD Sabang (Komisi \u201cB\u201d)');
    expect(delegations.flatMap((d) => d.purpose)).toContain('Pariwisata (kafé, homestay)');
    expect(summary.files[0].encoding).toBe('windows-1252');
  });

  test('purposes split on ; and |', async () => {
    const { delegations } = await read(['messy/pipe.csv']);
    expect(delegations.some((d) => d.purpose.join('/') === 'Smart Kampung/Keuangan Desa/e-Government')).toBe(true);
  });
});

describe('arrivals: wide, long and English forms read to the same figures', () => {
  test.each(['sample/arrivals-2017.csv', 'messy/arrivals-long.csv', 'messy/arrivals-wide-en.csv'])('%s', async (file) => {
    const { arrivals } = await read([file]);
    expect(segment(arrivals, 'domestic')).toBe(4800000);
    expect(segment(arrivals, 'foreign')).toBe(98970);
    const months = new Set(arrivals.map((a) => `${a.period.year}-${a.period.month}-${a.period.day}`));
    expect(months.size).toBe(12);
  });
});

describe('invalid rows: nothing lost', () => {
  test('bad-rows.csv: 18 read = 7 accepted + 11 rejected, valid people 309', async () => {
    const { summary, delegations, diagnostics } = await read(['messy/bad-rows.csv']);
    expect(summary.rowsRead).toBe(18);
    expect(summary.rowsAccepted).toBe(7);
    expect(summary.rowsRejected).toBe(11);
    expect(people(delegations)).toBe(309);
    expect(diagnostics).toEqual(['visitstat: skipped 11 invalid of 18 rows read']);
  });

  test('by default the problems are listed and the read fails', async () => {
    const lines: string[] = [];
    const attempt = readInputs([join(__dirname, '../../fixtures/messy/bad-rows.csv')], {
      options: OPTIONS,
      sink: { delegation() {}, arrival() {} },
      policy: { skipInvalid: false },
      diagnostics: (l) => lines.push(l),
    });
    await expect(attempt).rejects.toThrow(InvalidDataError);
    expect(lines.map((l) => l.replace(/^.*bad-rows\.csv:/, '').split(':')[0])).toEqual([
      '5',
      '7',
      '8',
      '10',
      '11',
      '12',
      '14',
      '15',
      '16',
      '18',
      '20',
    ]);
  });

  test('--rejects keeps each rejected row verbatim with file, line and reason', async () => {
    const rejects = join(mkdtempSync(join(tmpdir(), 'vs-')), 'rejects.csv');
    await read(['messy/bad-rows.csv'], {}, { skipInvalid: true, rejectsPath: rejects });
    const lines = readFileSync(rejects, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('file,line,column,reason,row');
    expect(lines).toHaveLength(12);
    const source = readFileSync(join(__dirname, '../../fixtures/messy/bad-rows.csv'), 'utf8').split('\n');
    const seventh = lines.find((l) => l.includes(',7,'))!;
    expect(seventh).toContain('not a whole number');
    // The raw row is the file's line 7, quoted as one CSV cell.
    expect(seventh.endsWith(`"${source[6].replace(/"/g, '""')}"`)).toBe(true);
  });
});

describe('fields: text columns a command does not use are left unread', () => {
  test.each(['messy/bad-rows.csv', 'messy/excel-id.csv', 'messy/windows-1252.csv'])(
    '%s: same rows, only the fields asked for',
    async (file) => {
      const all = await read([file]);
      const some = await read([file], { fields: new Set(['region'] as const) });
      expect(some.summary).toEqual(all.summary);
      expect(some.delegations).toHaveLength(all.delegations.length);
      some.delegations.forEach((row, i) => {
        const full = all.delegations[i];
        expect(row).toEqual({ ...full, origin: null, type: null, purpose: [] });
      });
    },
  );

  test('the fields asked for are read as without the option', async () => {
    const all = await read(['sample/delegations-2017.csv']);
    const some = await read(['sample/delegations-2017.csv'], { fields: new Set(['origin', 'purpose'] as const) });
    expect(some.delegations.map((r) => [r.origin, r.purpose, r.region])).toEqual(all.delegations.map((r) => [r.origin, r.purpose, null]));
    expect(all.delegations.some((r) => r.region !== null)).toBe(true);
  });
});

describe('--from / --to', () => {
  test('keep only rows in range and count the rest', async () => {
    const from = { year: 2016, month: 3, day: 1 };
    const to = { year: 2016, month: 3, day: null };
    const all = await read(['sample/delegations-2016.csv']);
    const march = all.delegations.filter((d) => d.date.month === 3);
    const { delegations, summary } = await read(['sample/delegations-2016.csv'], { from, to });
    expect(people(delegations)).toBe(people(march));
    expect(summary.rowsOutOfRange).toBe(345 - march.length);
    expect(summary.rowsRead).toBe(summary.rowsAccepted + summary.rowsRejected);
  });

  test('leave what each file covers as it is: rows outside still count, --from/--to cut later (src/model/coverage.ts)', async () => {
    const march = { from: { year: 2016, month: 3, day: 1 }, to: { year: 2016, month: 3, day: null } };
    const { summary } = await read(['sample/delegations-2016.csv', 'sample/arrivals-2017.csv'], march);
    expect(summary.coverage).toEqual([
      {
        kind: 'delegations',
        fields: ['date', 'people', 'origin', 'region', 'type', 'nights', 'purpose'],
        first: { year: 2016, month: 1, day: 4 },
        last: { year: 2016, month: 11, day: 4 },
        months: [],
        years: [],
      },
      {
        kind: 'arrivals',
        fields: ['period', 'domestic', 'foreign'],
        first: null,
        last: null,
        months: [201701, 201702, 201703, 201704, 201705, 201706, 201707, 201708, 201709, 201710, 201711, 201712],
        years: [],
      },
    ]);
    expect(summary.files[0]).not.toHaveProperty('coverage');
  });
});

describe('files that are not CSV text', () => {
  test('binary data is refused with the file named, not read as a header', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vs-'));
    const file = join(dir, 'photo.csv');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const attempt = readInputs([file], {
      options: OPTIONS,
      sink: { delegation() {}, arrival() {} },
      policy: { skipInvalid: false },
      diagnostics: () => {},
    });
    await expect(attempt).rejects.toThrow(`${file}: not a CSV text file (it holds binary data)`);
  });
});
