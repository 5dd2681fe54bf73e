/**
 * The input layer's checks, through readInputs as every command reads: repeated delegation rows
 * (against a reference that compares the rows' values), implausible values, arrival figures given
 * twice or beside finer ones, months that jump, identical inputs, and where a bounded check stops.
 */
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { InputError, InvalidDataError } from '../../src/errors';
import { type CheckSettings, defaultChecks } from '../../src/ingest/checks';
import { readInputs, validateInputs } from '../../src/ingest/inputs';
import type { ArrivalRow, DelegationRow } from '../../src/model/records';
import { propertyRuns } from '../helpers/property';

const dir = mkdtempSync(join(tmpdir(), 'visitstat-checks-'));
let files = 0;
function file(text: string): string {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, text);
  return path;
}

interface Read {
  lines: string[];
  warnings: string[];
  arrivals: ArrivalRow[];
  delegations: DelegationRow[];
  summary: Awaited<ReturnType<typeof readInputs>>;
}

async function read(paths: string[], checks: Partial<CheckSettings> = {}, checkedRows?: number): Promise<Read> {
  const lines: string[] = [];
  const arrivals: ArrivalRow[] = [];
  const delegations: DelegationRow[] = [];
  const sink = { delegation: (row: DelegationRow) => void delegations.push(row), arrival: (row: ArrivalRow) => void arrivals.push(row) };
  const summary = await readInputs(paths, {
    options: { map: {}, dateFormat: 'dmy', checks: { ...defaultChecks(), today: { year: 2024, month: 6, day: 15 }, ...checks } },
    sink,
    policy: { skipInvalid: false },
    diagnostics: (line) => void lines.push(line),
    tuning: checkedRows === undefined ? {} : { checkedRows },
  });
  return { lines, warnings: lines.filter((l) => l.includes(': warning: ')), arrivals, delegations, summary };
}

const HEADER = 'tanggal,asal,provinsi,jenis,jumlah,malam,tujuan,no\n';

describe('repeated delegation rows', () => {
  it('are the same in every mapped column, by value for dates and counts, as written for text', async () => {
    const path = file(
      HEADER +
        '2017-03-09,Pemkab Klaten,Jawa Tengah,Pemkab,40,2,Pariwisata,1\n' + // line 2
        '9/3/2017,"Pemkab Klaten", Jawa Tengah ,Pemkab,40,2,Pariwisata,2\n' + // 3: the same row (date and quoting differ)
        '2017-03-09,Pemkab Klaten,Jawa Tengah,Pemkab,41,2,Pariwisata,3\n' + // 4: other people
        '2017-03-09,Pemkab Klaten,Jawa Tengah,Pemkab,40,,Pariwisata,4\n' + // 5: no nights
        '2017-03-09,Pemkab Klaten,Jawa Tengah,Pemkab,40,0,Pariwisata,5\n' + // 6: 0 nights is not none
        '2017-03-09,Pemkab Klaten,Jawa Tengah,Pemkab,40,2,Perizinan,6\n' + // 7: other purpose
        '2017-03-10,Pemkab Klaten,Jawa Tengah,Pemkab,40,2,Pariwisata,7\n' + // 8: other day
        '2017-03-09,Pemkab Klaten,Jawa Tengah,Pemkot,40,2,Pariwisata,8\n' + // 9: other type
        '2017-03-09,Pemkab Klaten,Jawa Tengah,Pemkab,40,,Pariwisata,9\n', // 10: repeats line 5
    );
    const other = file(HEADER + '2017-03-09,Pemkab Klaten,Jawa Tengah,Pemkab,40,2,Pariwisata,99\n');
    const { warnings, summary, delegations } = await read([path, other]);
    const same = (at: string, as: string) =>
      `${at}: warning: row: the same in every column as ${as} (both are counted; if it was entered twice, remove one)`;
    expect(warnings).toEqual([same(`${path}:3`, `${path}:2`), same(`${other}:2`, `${path}:2`), same(`${path}:10`, `${path}:5`)]);
    expect(summary.checks.warnings.repeatedRows).toBe(3);
    expect(delegations).toHaveLength(10); // counted all the same
  });

  it('finds exactly the rows a comparison of their values finds (random logs, property)', async () => {
    const row = fc.record({
      day: fc.integer({ min: 1, max: 3 }),
      iso: fc.boolean(),
      origin: fc.constantFrom('A', 'B', '"A"', ' A', 'A,B'),
      people: fc.integer({ min: 1, max: 3 }),
      nights: fc.constantFrom('', '1', '2'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 60 }), async (rows) => {
        const text = (r: (typeof rows)[number]) => {
          const date = r.iso ? `2017-01-0${r.day}` : `${r.day}/1/2017`;
          const origin = r.origin === 'A,B' ? '"A,B"' : r.origin;
          return `${date},${origin},${r.people},${r.nights}`;
        };
        const path = file(`date,origin,people,nights\n${rows.map(text).join('\n')}\n`);
        const { warnings } = await read([path]);
        // The reference: the values as the row has them (text between spaces, quotes taken off).
        const key = (r: (typeof rows)[number]) => [r.day, r.origin.replace(/"/g, '').trim(), r.people, r.nights].join('|');
        const firsts = new Map<string, number>();
        const expected: string[] = [];
        rows.forEach((r, i) => {
          const first = firsts.get(key(r));
          if (first === undefined) firsts.set(key(r), i + 2);
          else expected.push(`${path}:${i + 2}~${path}:${first}`);
        });
        const found = warnings.map((w) => w.replace(/: warning: row: the same in every column as (\S+) .*/, '~$1'));
        expect(found.sort()).toEqual(expected.sort());
      }),
      { numRuns: propertyRuns(100) },
    );
  });

  it('compares the first rows only, up to the bound, and says where it stopped', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `2017-01-0${(i % 9) + 1},X,${10 + i},2`).join('\n');
    const path = file(`date,origin,people,nights\n${rows}\n2017-01-01,X,10,2\n`);
    const bounded = await read([path], {}, 5);
    expect(bounded.summary.checks.repeatedRowsCheck).toEqual({ rowsChecked: 5, stoppedAt: `${path}:7` });
    expect(bounded.warnings).toEqual([]);
    const whole = await read([path]);
    expect(whole.summary.checks.repeatedRowsCheck).toEqual({ rowsChecked: 11, stoppedAt: null });
    expect(whole.warnings).toHaveLength(1);
  });
});

describe('implausible values', () => {
  it('each names the line, the value and the bound; bounds from the settings', async () => {
    const path = file(
      'date,people,nights\n2017-01-01,0,1\n2017-01-02,1001,2\n2017-01-03,10,31\n2024-06-15,10,1\n2024-06-16,10,1\n2024-07,10,\n2024-06,10,\n',
    );
    const { warnings, summary } = await read([path]);
    expect(warnings).toEqual([
      `${path}:2: warning: people: 0 people, fewer than plausible.minPeople (1)`,
      `${path}:3: warning: people: 1,001 people, more than plausible.maxPeople (1,000)`,
      `${path}:4: warning: nights: 31 nights, more than plausible.maxNights (30)`,
      `${path}:6: warning: date: "2024-06-16" is after today`,
      `${path}:7: warning: date: "2024-07" is after today`,
    ]);
    expect(summary.checks.warnings.implausible).toBe(5);
    const wider = await read([path], { plausible: { minPeople: 0, maxPeople: 2000, maxNights: 31, monthlyRatio: 5 } });
    expect(wider.summary.checks.warnings.implausible).toBe(2);
  });

  it('are the same before and after the check of repeated rows stops (dates looked up only when one is after today)', async () => {
    const counts = '2017-01-01,0,1\n2017-01-02,1001,2\n2017-01-03,10,31\n2024-06-15,10,1\n';
    const texts = [
      counts,
      `${counts}2024-06-16,10,1\n`,
      `${counts}2024-07,10,\n2024-06,10,\n`,
      `2024-06-16,10,1\n${counts}2024-06-14,5000,1\n`,
    ];
    for (const text of texts) {
      const path = file(`date,people,nights\n${text}`);
      const whole = await read([path]);
      for (const checkedRows of [0, 1, 3]) expect((await read([path], {}, checkedRows)).warnings).toEqual(whole.warnings);
    }
  });

  it('a month of arrivals more than 5x or less than 1/5 of the month before, per segment', async () => {
    const path = file('periode,wisnus,wisman\n2017-01,1000,100\n2017-02,5000,501\n2017-03,999,100\n2017-05,1,100\n2024-07,1,\n');
    const { warnings } = await read([path]);
    expect(warnings).toEqual([
      `${path}:6: warning: domestic 2024-07: a period after today`,
      `${path}:3: warning: foreign 2017-02: 501, more than 5x the month before (100; plausible.monthlyRatio 5)`,
      `${path}:4: warning: domestic 2017-03: 999, less than 1/5 of the month before (5,000; plausible.monthlyRatio 5)`,
      `${path}:4: warning: foreign 2017-03: 100, less than 1/5 of the month before (501; plausible.monthlyRatio 5)`,
    ]);
  });
});

describe('arrival figures', () => {
  it('given twice: an error listing both places and values, unless --on-overlap says otherwise', async () => {
    const a = file('periode,wisnus,wisman\n2017-01,100,10\n2017-02,200,20\n');
    const b = file('periode,jenis,jumlah\n2017-02,wisnus,200\n2017-02,wisman,25\n');
    const error = read([a, b]);
    await expect(error).rejects.toThrow(InvalidDataError);
    await expect(read([a, b])).rejects.toThrow(
      '2 arrival figures given again for a period and segment that already had one; remove the repeats, or choose what counts with --on-overlap first|last|sum',
    );
    const lines: string[] = [];
    await readInputs([a, b], {
      options: { map: {}, dateFormat: 'dmy' },
      sink: { delegation() {}, arrival() {} },
      policy: { skipInvalid: false },
      diagnostics: (l) => void lines.push(l),
    }).catch(() => undefined);
    expect(lines).toEqual([
      `${a}:3: domestic 2017-02: 200, given again at ${b}:2: 200 (the same figure)`,
      `${a}:3: foreign 2017-02: 20, given again at ${b}:3: 25 (a different figure)`,
    ]);
    const total = async (policy: 'first' | 'last' | 'sum') =>
      (await read([a, b], { onOverlap: policy })).arrivals.filter((r) => r.period.month === 2).map((r) => `${r.segment} ${r.count}`);
    expect(await total('first')).toEqual(['domestic 200', 'foreign 20']);
    expect(await total('last')).toEqual(['domestic 200', 'foreign 25']);
    expect(await total('sum')).toEqual(['domestic 400', 'foreign 45']);
    const last = await read([a, b], { onOverlap: 'last' });
    expect(last.summary.checks).toMatchObject({ onOverlap: 'last', overlaps: 2, warnings: { overlaps: 2 } });
  });

  it('a month beside its days: the days are counted, and the month said when it differs', async () => {
    const months = file('periode,wisnus\n2017-03,1000\n2017-04,500\n');
    const days = file('tanggal,wisnus\n2017-03-01,400\n2017-03-02,590\n');
    const { arrivals, warnings, summary } = await read([months, days]);
    expect(arrivals.map((r) => r.count).sort((x, y) => x - y)).toEqual([400, 500, 590]);
    expect(warnings).toEqual([
      `${months}:2: warning: domestic 2017-03: 1,000 differs from the sum of the 2 finer figures within it (990, from ${days}:2); those are counted instead`,
    ]);
    expect(summary.checks).toMatchObject({ replacedFigures: 1, warnings: { figureMismatches: 1 } });
  });
});

describe('identical inputs', () => {
  it('the same file twice, a copy or a link: refused before reading, naming both', async () => {
    const text = 'periode,wisnus\n2017-03,1000\n';
    const a = file(text);
    const copy = file(text);
    const link = join(dir, 'link.csv');
    symlinkSync(a, link);
    const other = file('periode,wisnus\n2017-03,1001\n'); // same size, other bytes
    await expect(read([a, a])).rejects.toThrow(new InputError(`${a} is given twice: its figures would count twice; give it once`));
    await expect(read([a, copy])).rejects.toThrow(
      `${copy} has the same content as ${a} (the same ${text.length} bytes): its figures would count twice; give it once`,
    );
    await expect(read([a, link])).rejects.toThrow(`${link} has the same content as ${a}`);
    await expect(read([a, other])).rejects.toThrow('given again'); // not identical: an overlap instead
  });

  it('validate says REPEATED and reads the rest', async () => {
    const a = file('periode,wisnus\n2017-03,1000\n');
    const copy = file('periode,wisnus\n2017-03,1000\n');
    const summary = await validateInputs([a, copy], {
      options: { map: {}, dateFormat: 'dmy' },
      sink: { delegation() {}, arrival() {} },
      policy: { skipInvalid: false },
      diagnostics: () => undefined,
    });
    expect(summary.sameContent).toEqual([{ source: copy, sameAs: a, bytes: 28 }]);
    expect(summary.files.map((f) => f.source)).toEqual([a]);
  });
});
