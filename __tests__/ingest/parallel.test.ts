/**
 * Reading a file in two halves on two threads (src/ingest/parallel.ts) against the serial reader: the
 * same sink results, counts, problems (in file order, with their lines) and rejects file, whether the
 * worker's part is taken or read again here (a cut inside a quoted field, invalid UTF-8, a worker with
 * too many rejects). The worker builds its sink from the same spec (src/model/sinks.ts) and runs the
 * built code: `npm run build` first, as `npm test` does.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors';
import { readInputs } from '../../src/ingest/inputs';
import type { InputOptions } from '../../src/ingest/reader';
import { type SinkSpec, createSink } from '../../src/model/sinks';
import type { GroupDim } from '../../src/model/summary';

const dir = mkdtempSync(join(tmpdir(), 'visitstat-parallel-'));
const HEADER = 'tanggal,asal_instansi,provinsi,jumlah_peserta,lama_menginap,tujuan';
const REGIONS = ['Jawa Timur', 'Bali', '"Nusa Tenggara, Barat"', 'Papua'];

/** Deterministic rows; `special(i)` may replace row i. */
function rowsFile(name: string, count: number, special: (i: number) => string | null = () => null): string {
  const lines = [HEADER];
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const date = i % 2 ? `2017-03-${day}` : `${day}/04/2018`;
    lines.push(special(i) ?? `${date},"Dinas ""${i % 97}""",${REGIONS[i % 4]},${(i * 7) % 300},${i % 5 || ''},Pariwisata`);
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return path;
}

/** Everything the summary's sink holds, region by month (delegations), and per month (arrivals). */
const SUMMARY: SinkSpec<'summary'> = { name: 'summary', options: { groupBy: ['region', 'month'], arrivalUnit: 'month' } };

async function readWith(workers: boolean, path: string, rejectsPath?: string, extra: Partial<InputOptions> = {}, spec = SUMMARY) {
  const sink = createSink(spec);
  const diagnostics: string[] = [];
  const splits = { taken: 0, readAgain: 0 };
  let error: string | null = null;
  let summary = null;
  try {
    summary = await readInputs([path], {
      options: { map: {}, dateFormat: 'dmy', fields: new Set(['region'] as const), ...extra },
      sink,
      spec,
      policy: { skipInvalid: true, rejectsPath },
      diagnostics: (line) => diagnostics.push(line),
      tuning: { workers, splitBytes: 1, splits },
    });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    error = e.message;
  }
  const rejects = rejectsPath ? readFileSync(rejectsPath, 'utf8') : null;
  const state = { delegations: sink.delegations.result(), arrivals: sink.arrivals() };
  return { result: { state, summary, diagnostics, error, rejects }, ...splits };
}

async function compare(path: string, extra: Partial<InputOptions> = {}, spec = SUMMARY) {
  const serial = await readWith(false, path, join(dir, 'rejects.csv'), extra, spec);
  const parallel = await readWith(true, path, join(dir, 'rejects.csv'), extra, spec);
  expect(parallel.result).toEqual(serial.result);
  return parallel;
}

test('a clean file: the worker part is taken, totals equal the serial read', async () => {
  const run = await compare(rowsFile('clean.csv', 30_000));
  expect(run).toMatchObject({ taken: 1, readAgain: 0 });
  expect(run.result.state.delegations.overall.count).toBe(30_000);
});

test('an origin per row: the worker is stopped (its groups would cost more to merge than its rows to read) and its part read here', async () => {
  const byOrigin: SinkSpec<'summary'> = { name: 'summary', options: { groupBy: ['origin'], top: 10, arrivalUnit: 'month' } };
  const path = rowsFile('origins.csv', 30_000, (i) => `2017-03-05,"Dinas ${i}, Bagian ${i % 7}",Bali,${1 + (i % 300)},${i % 5 || ''},MPP`);
  const run = await compare(path, { fields: new Set(['origin'] as const) }, byOrigin);
  expect(run).toMatchObject({ taken: 0, readAgain: 1 });
  expect(run.result.state.delegations.otherValues).toEqual({ origin: 29_990 });
});

test('--from/--to: rows left out are counted alike', async () => {
  const run = await compare(rowsFile('range.csv', 30_000), {
    from: { year: 2017, month: 3, day: 10 },
    to: { year: 2018, month: 4, day: 20 },
  });
  expect(run.taken).toBe(1);
  expect(run.result.summary!.rowsOutOfRange).toBeGreaterThan(1_000);
});

test('a total row at the end of the second half is checked against the sums of both halves', async () => {
  const sum = Array.from({ length: 30_000 }, (_, i) => (i * 7) % 300).reduce((a, b) => a + b, 0);
  const path = rowsFile('total.csv', 30_001, (i) => (i === 30_000 ? `Jumlah,,,${sum},,` : null));
  const run = await compare(path);
  expect(run.taken).toBe(1);
  expect(run.result.summary!.files[0]).toMatchObject({ rowsRead: 30_000, totalRow: { line: 30_002, matches: true } });
});

test('invalid rows in both halves: problems and rejects in file order with their lines', async () => {
  const bad = (i: number) => (i % 4_999 === 17 ? `31/02/2018,x,Bali,${i},1,y` : i % 7_001 === 3 ? '2017-01-01,x,Bali,-4,1,y' : null);
  const run = await compare(rowsFile('invalid.csv', 30_000, bad));
  expect(run.taken).toBe(1);
  expect(run.result.rejects!.split('\n').length).toBeGreaterThan(8);
  expect(run.result.rejects).toMatch(/invalid\.csv,2\d{4},/); // a line from the worker's half
});

test('a quoted field with line breaks across the cut: the second half is read again here', async () => {
  // Some 1.7 MB of quoted lines from row 10,000 on: the middle of the file falls inside them.
  const longField = `"${Array.from({ length: 150_000 }, (_, k) => `baris ${k}`).join('\r\n')}"`;
  const run = await compare(rowsFile('straddle.csv', 30_000, (i) => (i === 10_000 ? `2017-03-01,${longField},Bali,5,1,x` : null)));
  expect(run).toMatchObject({ taken: 0, readAgain: 1 });
});

test('invalid UTF-8 in the second half: the same error as a serial read', async () => {
  const path = rowsFile('bad-utf8.csv', 30_000);
  const bytes = readFileSync(path);
  bytes[bytes.length - 100] = 0xff;
  writeFileSync(path, bytes);
  // What the sink got before the error does not matter: the command stops.
  const serial = await readWith(false, path);
  const parallel = await readWith(true, path);
  expect(parallel.result.error).toBe(serial.result.error);
  expect(serial.result.error).toMatch(new RegExp(`not valid UTF-8 at byte ${bytes.length - 100};`));
  expect(parallel.readAgain).toBe(1);
});

test('more rejects than a worker hands over: read again here, same result', async () => {
  const run = await compare(rowsFile('many-bad.csv', 40_000, (i) => (i >= 20_500 && i < 31_000 ? '2017-13-01,x,Bali,1,1,y' : null)));
  expect(run).toMatchObject({ taken: 0, readAgain: 1 });
});

test('the summary, fed batches on both threads and merged, equals a serial one (region, month)', async () => {
  const path = rowsFile('summary.csv', 30_000);
  for (const groupBy of [['region'], ['month']] as GroupDim[][]) {
    const results = [];
    for (const workers of [false, true]) {
      const spec: SinkSpec<'summary'> = { name: 'summary', options: { groupBy, arrivalUnit: 'month' } };
      const sink = createSink(spec);
      const splits = { taken: 0, readAgain: 0 };
      await readInputs([path], {
        options: { map: {}, dateFormat: 'dmy', fields: new Set(groupBy.filter((d) => d === 'region') as 'region'[]) },
        sink,
        spec,
        policy: { skipInvalid: false },
        diagnostics: () => undefined,
        tuning: { workers, splitBytes: 1, splits },
      });
      expect(splits.taken).toBe(workers ? 1 : 0);
      results.push(sink.delegations.result());
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0].overall.count).toBe(30_000);
  }
});

test('checks across the cut: repeated rows and implausible values with the lines of a serial read', async () => {
  // Row 5 is repeated near the end (the worker's half), row 20,000 is repeated at once (two lines on);
  // rows 100 and 25,000 have implausible people (0 and 5,000).
  const repeat = (i: number) => `2017-03-0${(i % 9) + 1},"Dinas ""twin ${i}""",Bali,${10 + i},2,Pariwisata`;
  const plain = (i: number) =>
    `2017-03-${String((i % 28) + 1).padStart(2, '0')},"Dinas ${i % 97}",${REGIONS[i % 4]},${10 + ((i * 7) % 300)},${i % 5},x`;
  const special = (i: number) =>
    i === 5 || i === 29_990
      ? repeat(5)
      : i === 20_000 || i === 20_002
        ? repeat(20_000)
        : i === 100
          ? '2017-03-01,x,Bali,0,1,y'
          : i === 25_000
            ? '2017-03-01,x,Bali,5000,1,y'
            : plain(i);
  const run = await compare(rowsFile('checks.csv', 30_000, special));
  expect(run.taken).toBe(1);
  const warnings = run.result.diagnostics.filter((line) => line.includes('warning'));
  const path = join(dir, 'checks.csv');
  // The first data row (i = 0) is on line 2.
  expect(warnings).toEqual(
    expect.arrayContaining([
      `${path}:102: warning: jumlah_peserta: 0 people, fewer than plausible.minPeople (1)`,
      `${path}:25002: warning: jumlah_peserta: 5,000 people, more than plausible.maxPeople (1,000)`,
      `${path}:29992: warning: row: the same in every column as ${path}:7 (both are counted; if it was entered twice, remove one)`,
      `${path}:20004: warning: row: the same in every column as ${path}:20002 (both are counted; if it was entered twice, remove one)`,
    ]),
  );
  expect(run.result.summary!.checks.warnings.repeatedRows).toBe(2);
  expect(run.result.summary!.checks.repeatedRowsCheck).toEqual({ rowsChecked: 30_000, stoppedAt: null });
});
