/**
 * Differential property tests: the parallel reader (worker threads over byte ranges) against the
 * serial one, on random delegation logs (quoted fields holding delimiters, quotes and line endings,
 * CRLF, invalid values, ragged rows, blank lines, broken quoting) cut into tiny ranges: the same
 * rows in the same order, the same rejected rows with the same lines, the same counts.
 *
 * Runs the built code (dist/): the workers load dist/ingest/parallel-worker.js (`npm test` builds).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type * as Reader from '../src/ingest/reader';
import type * as Parallel from '../src/ingest/parallel';
import type { Problem } from '../src/ingest/problems';
import type { DelegationRow } from '../src/model/records';

const { readFile } = require('../dist/ingest/reader') as typeof Reader;
const { parallelStats } = require('../dist/ingest/parallel') as typeof Parallel;

const RUNS = Number(process.env.PARALLEL_RUNS ?? 60);
const dir = mkdtempSync(join(tmpdir(), 'visitstat-parallel-'));
const OPTIONS: Reader.InputOptions = { map: {}, dateFormat: 'dmy' };
const SERIAL: Parallel.ParallelTuning = { minBytes: 0, rangeBytes: 1, workers: 0 };

interface Outcome {
  rows: DelegationRow[];
  rejects: { problems: Problem[]; raw: string }[];
  report: Reader.FileReport | { error: string };
}

async function read(path: string, tuning: Parallel.ParallelTuning, options = OPTIONS): Promise<Outcome> {
  const out: Outcome = { rows: [], rejects: [], report: { error: '' } };
  const sink = { delegation: (row: DelegationRow) => void out.rows.push(row), arrival: () => {} };
  const log = { reject: (problems: Problem[], raw: string) => void out.rejects.push({ problems, raw }) };
  try {
    out.report = await readFile(path, options, sink, log, tuning);
  } catch (e) {
    out.report = { error: String(e) };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generators: a delegation log, every value chosen from valid, invalid and awkward forms.

function quoted(pieces: string[]): string {
  return `"${pieces.join('').replace(/"/g, '""')}"`;
}

function row(delimiter: string, lineEnding: string): fc.Arbitrary<string> {
  const text = fc.oneof(
    fc.constantFrom('Pemkot Kudus', 'DPRD Agam', '', ' Aceh ', 'Jawa Timur', 'é€𝄞'),
    fc.array(fc.constantFrom('DPRD', delimiter, '"', '\n', '\r\n', ' ', 'Tim 5', 'é'), { maxLength: 5 }).map(quoted),
  );
  const date = fc.constantFrom('2016-02-09', '19/12/2015', '3/4/2017', '2017-13-01', 'kemarin', '', '"2018-01-31"');
  const count = fc.constantFrom('12', '0', '331', '-3', 'abc', '', ' 7 ', '1.5', '"45"');
  const nights = fc.constantFrom('', '2', '0', 'x');
  const purposes = fc.constantFrom('Pariwisata', '"Perizinan;Smart Kampung"', '', 'a|b');
  const regular = fc
    .tuple(date, text, text, text, count, nights, purposes)
    .map((fields) => fields.join(delimiter) + lineEnding);
  const odd = fc.constantFrom(
    lineEnding, // a blank line
    `2016-01-01${delimiter}X${lineEnding}`, // too few fields
    `2016-01-01${delimiter}"a"b${delimiter}c${delimiter}d${delimiter}1${delimiter}${delimiter}${lineEnding}`, // text after a quote
    `2016-01-01${delimiter}"never closed${delimiter}c${lineEnding}`, // an open quote
    `2016-01-01${delimiter}a${delimiter}b${delimiter}c${delimiter}9${delimiter}1${delimiter}p${delimiter}${delimiter}${lineEnding}`, // trailing empties
  );
  return fc.oneof({ arbitrary: regular, weight: 12 }, { arbitrary: odd, weight: 1 });
}

/** A log of distinct rows drawn again and again (by a seeded sequence) until it passes `bytes`. */
const log = fc
  .record({
    delimiter: fc.constantFrom(',', ';'),
    lineEnding: fc.constantFrom('\n', '\r\n'),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
    bytes: fc.integer({ min: 70_000, max: 160_000 }),
  })
  .chain((c) => fc.record({ c: fc.constant(c), rows: fc.array(row(c.delimiter, c.lineEnding), { minLength: 1, maxLength: 40 }) }))
  .map(({ c, rows }) => {
    const header = ['tanggal', 'asal_instansi', 'provinsi', 'jenis_instansi', 'jumlah_peserta', 'lama_menginap', 'tujuan'];
    // The first rows are valid ones, so that kind and delimiter are detected the same way every time.
    const parts = [header.join(c.delimiter) + c.lineEnding, `2016-01-01${c.delimiter}a${c.delimiter}b${c.delimiter}c${c.delimiter}1${c.delimiter}1${c.delimiter}p${c.lineEnding}`.repeat(40)];
    let size = parts.join('').length;
    let state = c.seed;
    while (size < c.bytes) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const next = rows[state % rows.length];
      parts.push(next);
      size += next.length;
    }
    return parts.join('');
  });

const tuning = fc.record({
  minBytes: fc.constant(0),
  rangeBytes: fc.integer({ min: 1, max: 30_000 }),
  workers: fc.integer({ min: 1, max: 3 }),
});

// ---------------------------------------------------------------------------------------------

describe('parallel reader = serial reader', () => {
  let file = 0;

  test('random logs, random ranges and worker counts: same rows, rejects, lines and counts', async () => {
    const before = { ...parallelStats };
    await fc.assert(
      fc.asyncProperty(log, tuning, async (text, t) => {
        const path = join(dir, `log-${file++}.csv`);
        writeFileSync(path, text);
        const serial = await read(path, SERIAL);
        const parallel = await read(path, t);
        expect(parallel.report).toEqual(serial.report);
        expect(parallel.rejects).toEqual(serial.rejects);
        expect(parallel.rows.length).toBe(serial.rows.length);
        expect(parallel.rows).toEqual(serial.rows);
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: ranges were taken from workers, and wrong guesses (a line feed inside quotes) were caught.
    expect(parallelStats.rangesTaken).toBeGreaterThan(before.rangesTaken + RUNS);
    expect(parallelStats.fallbacks).toBeGreaterThan(before.fallbacks);
  }, 300_000);

  test('the sample logs, repeated: same figures as the serial reader and as the files themselves', async () => {
    const sample = readFileSync(join(__dirname, '..', 'fixtures', 'sample', 'delegations-2016.csv'), 'utf8');
    const [header, ...body] = sample.split('\n').filter((l) => l !== '');
    const text = [header, ...Array.from({ length: 40 }, () => body).flat()].join('\n') + '\n';
    const path = join(dir, 'sample-x40.csv');
    writeFileSync(path, text);
    const serial = await read(path, SERIAL);
    const before = parallelStats.rangesTaken;
    const parallel = await read(path, { minBytes: 0, rangeBytes: 777, workers: 2 });
    expect(parallelStats.rangesTaken).toBeGreaterThan(before);
    expect(parallel).toEqual(serial);
    // Independently of both readers: one row per data line, people summed from the CSV text.
    const people = body.reduce((n, l) => n + Number(l.split(',')[header.split(',').indexOf('people')] ?? NaN), 0);
    expect(parallel.rows.length).toBe(body.length * 40);
    if (!Number.isNaN(people)) expect(parallel.rows.reduce((n, r) => n + r.people, 0)).toBe(people * 40);
  }, 60_000);

  test('--from/--to: the same rows out of range', async () => {
    const text = 'tanggal,jumlah_peserta\n' + Array.from({ length: 9000 }, (_, i) => `${2015 + (i % 5)}-0${1 + (i % 9)}-1${i % 10},${i % 50}\n`).join('');
    const path = join(dir, 'range.csv');
    writeFileSync(path, text);
    const options = { ...OPTIONS, from: { year: 2016, month: 3, day: 1 }, to: { year: 2018, month: 6, day: 30 } };
    const serial = await read(path, SERIAL, options);
    const parallel = await read(path, { minBytes: 0, rangeBytes: 5000, workers: 3 }, options);
    expect(parallel).toEqual(serial);
    expect((serial.report as Reader.FileReport).rowsOutOfRange).toBeGreaterThan(0);
  }, 60_000);
});
