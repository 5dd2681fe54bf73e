/**
 * Delegation rows a batch at a time (RowSink.delegationBatch, the straight path of rows.ts) against
 * rows one by one: the same rows in the same order, the same counts and problems, on random messy
 * files; codes that name one value each; and a summarizer fed batches equal to one fed rows.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../../src/ingest/inputs';
import type { InputOptions } from '../../src/ingest/reader';
import type { CalDate } from '../../src/model/dates';
import type { TextField } from '../../src/model/fields';
import { type BatchCodes, type DelegationBatch, type DelegationRow, rowOf } from '../../src/model/records';
import { DelegationSummarizer, type GroupDim } from '../../src/model/summary';
import { batchOf, delegationRow } from '../helpers/rows';
import { propertyRuns } from '../helpers/property';

const dir = mkdtempSync(join(tmpdir(), 'visitstat-batch-'));
const HEADER = 'tanggal,asal_instansi,provinsi,jenis_instansi,jumlah_peserta,lama_menginap,tujuan';
const TEXT_FIELDS: TextField[] = ['origin', 'region', 'type', 'purpose'];

/** Fields as real logs write them, with the odd broken one. */
const dateArb = fc.constantFrom(
  '2017-03-05',
  '05/03/2017',
  ' 2018-01-31 ',
  '31/12/2016',
  '2017-02-30',
  'kemarin',
  '',
  '"2017-08"',
  'Agustus 2017',
);
const countArb = fc.constantFrom('12', '070', ' 45 ', '"300"', '0', '', '-3', '1.5', '1e3', 'dua', '1234567890', '12000000000');
const textArb = fc.constantFrom(
  'Bali',
  '"Jawa Timur"',
  '"Nusa ""Tenggara"", Barat"',
  '',
  '  Papua  ',
  'DPRD',
  'Kab. Malang',
  'Pariwisata;MPP',
  '"MPP | e-Gov"',
  'é ü 漢',
);

const recordArb = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(dateArb, textArb, textArb, textArb, countArb, countArb, textArb).map((f) => f.join(',')) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2017-03-05,Bali,Bali',
      '2017-03-05,a,b,c,5,2,d,e',
      '2017-03-05,a,b,c,5,2,d,,',
      '2017-03-05,"open,b,c,5,2,d',
      '2017-03-05,"a"x,b,c,5,2,d',
      '',
    ),
  },
);

interface Read {
  rows: DelegationRow[];
  coded: number;
  summary: unknown;
  diagnostics: string[];
}

let fileNumber = 0;

function writeCsv(records: string[], crlf: boolean): string {
  const path = join(dir, `f${fileNumber++}.csv`);
  const eol = crlf ? '\r\n' : '\n';
  writeFileSync(path, [HEADER, ...records].join(eol) + eol);
  return path;
}

/**
 * Reads the files with a sink that takes rows one by one from the record-by-record path, or one that
 * takes batches from the straight path (checking their codes).
 */
async function read(paths: string[], options: Partial<InputOptions>, batches: boolean): Promise<Read> {
  const rows: DelegationRow[] = [];
  const diagnostics: string[] = [];
  let coded = 0;
  const seen = new Map<object, Map<string, unknown>>();
  const sink = {
    delegation: (row: DelegationRow) => rows.push(row),
    arrival: () => undefined,
    ...(batches
      ? {
          delegationBatch(batch: DelegationBatch) {
            let codes = seen.get(batch.codeSpace);
            if (!codes) seen.set(batch.codeSpace, (codes = new Map()));
            for (let i = 0; i < batch.length; i++) {
              rows.push(rowOf(batch, i));
              if (batch.codes.date[i] >= 0) coded++;
              for (const field of Object.keys(batch.codes) as (keyof BatchCodes)[]) {
                sameValueForCode(codes, field, batch.codes[field][i], batch.values[field][i]);
              }
            }
          },
        }
      : {}),
  };
  // Rows one by one come from the record-by-record path: the straight path's oracle.
  const summary = await readInputs(paths, {
    options: { map: {}, dateFormat: 'dmy', ...options },
    sink,
    policy: { skipInvalid: true },
    diagnostics: (line) => diagnostics.push(line),
    tuning: { straightPath: batches },
  });
  return { rows, coded, summary, diagnostics };
}

function sameValueForCode(codes: Map<string, unknown>, column: string, code: number, value: unknown): void {
  if (code < 0) return;
  const key = `${column}:${code}`;
  if (!codes.has(key)) codes.set(key, value);
  else expect(value).toEqual(codes.get(key));
}

describe('delegation rows in batches', () => {
  it('are the rows one by one would give, in order, with the same counts and problems (random files)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordArb, { maxLength: 2600, size: 'max' }),
        fc.boolean(),
        fc.subarray(TEXT_FIELDS),
        fc.option(fc.constantFrom('2017-01-01', '2017-06-30')),
        async (records, crlf, fields, from) => {
          const path = writeCsv(records, crlf);
          const options: Partial<InputOptions> = { fields: new Set(fields), ...(from ? { from: isoDate(from) } : {}) };
          const [one, batched] = [await read([path], options, false), await read([path], options, true)];
          expect(batched.rows).toEqual(one.rows);
          expect(batched.summary).toEqual(one.summary);
          expect(batched.diagnostics).toEqual(one.diagnostics);
        },
      ),
      { numRuns: propertyRuns(40) },
    );
  });

  it('take the straight path for valid rows, and each file has its own codes', async () => {
    const records = Array.from(
      { length: 3000 },
      (_, i) => `2017-03-${String((i % 28) + 1).padStart(2, '0')},Dinas ${i % 50},Bali,DPRD,${10 + (i % 90)},${i % 3 || ''},MPP`,
    );
    const a = writeCsv(records, false);
    const b = writeCsv(records.slice().reverse(), true);
    const one = await read([a, b], { fields: new Set(TEXT_FIELDS) }, false);
    const batched = await read([a, b], { fields: new Set(TEXT_FIELDS) }, true);
    expect(batched.rows).toEqual(one.rows);
    expect(batched.rows).toHaveLength(6000);
    // Per file, all but the first batch (16 records, the header and 15 rows, scanned before the columns
    // were asked for): a plain date is read by the scanner, and a text value met for the first time is decoded there.
    expect(batched.coded).toBe(6000 - 2 * 15);
  });

  it('take the straight path past the values the scanner numbers in a column (65,536)', async () => {
    const records = Array.from(
      { length: 70_000 },
      (_, i) => `2017-03-05,"Dinas ${i % 69_000}, Bagian ${i % 7}",Bali,DPRD,${1 + (i % 90)},,MPP`,
    );
    const path = writeCsv(records, false);
    const options = { fields: new Set<TextField>(['origin']) };
    const one = await read([path], options, false);
    const batched = await read([path], options, true);
    expect(batched.rows).toEqual(one.rows);
    expect(batched.summary).toEqual(one.summary);
    expect(batched.coded).toBe(70_000 - 15);
  });
});

function isoDate(text: string): CalDate {
  const [year, month, day] = text.split('-').map(Number);
  return { year, month, day };
}

describe('DelegationSummarizer.addBatch', () => {
  const rowArb = fc
    .record({
      date: fc.record({
        year: fc.integer({ min: 2016, max: 2018 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.option(fc.integer({ min: 1, max: 28 })),
      }),
      people: fc.integer({ min: 1, max: 400 }),
      origin: fc.option(fc.constantFrom('A', 'B', 'C')),
      region: fc.option(fc.constantFrom('Bali', 'Papua', 'Jawa Timur', 'Aceh')),
      type: fc.option(fc.constantFrom('DPRD', 'Pemkab')),
      nights: fc.option(fc.integer({ min: 0, max: 5 })),
      purpose: fc.subarray(['MPP', 'e-Gov', 'Perizinan']),
    })
    .map(delegationRow);
  // A batch: rows, whether each row has codes, and the code space they are numbered in.
  const batchArb = fc
    .array(fc.tuple(rowArb, fc.boolean()), { maxLength: 60 })
    .chain((rows) => fc.tuple(fc.constant(rows), fc.integer({ min: 0, max: 2 })));
  const dimsArb = fc.constantFrom<GroupDim[]>(
    [],
    ['month'],
    ['year'],
    ['weekday'],
    ['origin'],
    ['region'],
    ['type'],
    ['purpose'],
    ['year', 'region'],
  );

  it('gives the result of add() row by row, whatever the codes and code spaces', () => {
    fc.assert(
      fc.property(fc.array(batchArb, { maxLength: 6 }), dimsArb, fc.option(fc.integer({ min: 1, max: 2 })), (batches, dims, top) => {
        const options = {
          groupBy: dims,
          top: dims.some((d) => !['month', 'year', 'weekday'].includes(d)) ? (top ?? undefined) : undefined,
        };
        const byRow = new DelegationSummarizer(options);
        const byBatch = new DelegationSummarizer(options);
        const spaces = [{}, {}, {}];
        const numbering = spaces.map(() => new Map<string, number>());
        for (const [rows, space] of batches) {
          for (const [row] of rows) byRow.add(row);
          byBatch.addBatch(batchOf(rows, spaces[space], numbering[space]));
        }
        expect(byBatch.result()).toEqual(byRow.result());
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('gives the result of add() past the values whose slots it reads ahead (65,536), codes or none, in two code spaces', () => {
    let x = 7;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff);
    const spaces = [{}, {}];
    const numbering = spaces.map(() => new Map<string, number>());
    // With --top, (other) counts the values: a value given two groups would show there.
    const byRow = new DelegationSummarizer({ groupBy: ['origin'], top: 5 });
    const byBatch = new DelegationSummarizer({ groupBy: ['origin'], top: 5 });
    for (let b = 0; b < 120; b++) {
      const rows = Array.from({ length: 1024 }, (): [DelegationRow, boolean] => {
        const r = next();
        const origin = r % 50 === 0 ? null : `Dinas ${(r >>> 7) % 150_000}`;
        const row = delegationRow({ date: { year: 2017, month: 3, day: 5 }, people: 1 + (r % 400), origin, nights: r % 5 || null });
        return [row, (r >> 4) % 3 !== 0];
      });
      for (const [row] of rows) byRow.add(row);
      byBatch.addBatch(batchOf(rows, spaces[b % 2], numbering[b % 2]));
    }
    expect(byBatch.result()).toEqual(byRow.result());
  });
});
