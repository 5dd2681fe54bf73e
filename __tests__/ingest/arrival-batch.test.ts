/**
 * Arrivals a batch at a time (RowSink.arrivalBatch, the straight path of rows.ts) against figures one
 * by one from the record-by-record path: the same figures in the same order, the same counts, problems
 * and coverage, on random files of arrivals by destination and country, wide and long.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultChecks } from '../../src/ingest/checks';
import { readInputs } from '../../src/ingest/inputs';
import { type ArrivalBatch, type ArrivalRow, arrivalOf } from '../../src/model/records';
import { propertyRuns } from '../helpers/property';

const dir = mkdtempSync(join(tmpdir(), 'visitstat-arrival-batch-'));
let fileNumber = 0;

const periodArb = fc.constantFrom('2017-01', '2017-02', 'Maret 2017', '2017-03-05', '05/03/2017', '2017-13', '', 'kemarin', '2016');
const countArb = fc.constantFrom('12', '070', ' 45 ', '"1,300"', '0', '', '-3', '1.5', 'dua');
const destinationArb = fc.constantFrom('Kawah Ijen', ' kawah ijen ', 'Pulau Merah', '"Pantai Boom, Banyuwangi"', '', 'é 漢');
const countryArb = fc.constantFrom('Tiongkok', 'China', 'Malaysia', 'Indonesia', 'Xyzland', '', '"Korea, Selatan"');
const segmentArb = fc.constantFrom('wisnus', 'wisman', 'Mancanegara', 'asing', 'lainnya', '');

const FORMS: Record<string, { header: string; record: fc.Arbitrary<string[]> }> = {
  wide: {
    header: 'periode,destinasi,negara_asal,wisnus,wisman',
    record: fc.tuple(periodArb, destinationArb, countryArb, countArb, countArb),
  },
  long: {
    header: 'periode,destinasi,negara_asal,jenis,jumlah',
    record: fc.tuple(periodArb, destinationArb, countryArb, segmentArb, countArb),
  },
  countries: { header: 'bulan,kebangsaan,jumlah', record: fc.tuple(periodArb, countryArb, countArb) },
};

// Random files repeat a period and segment: both paths must sum them alike (overlap's own rule is
// tested in the checks' tests).
const SUMMED = { ...defaultChecks(), onOverlap: 'sum' as const };

async function read(path: string, batches: boolean, from?: boolean) {
  const rows: ArrivalRow[] = [];
  const diagnostics: string[] = [];
  const sink = {
    delegation: () => undefined,
    arrival: (row: ArrivalRow) => rows.push(row),
    ...(batches
      ? {
          arrivalBatch(batch: ArrivalBatch) {
            for (let i = 0; i < batch.length; i++) rows.push(arrivalOf(batch, i));
          },
        }
      : {}),
  };
  const summary = await readInputs([path], {
    options: { map: {}, dateFormat: 'dmy', checks: SUMMED, ...(from ? { from: { year: 2017, month: 2, day: 1 } } : {}) },
    sink,
    policy: { skipInvalid: true },
    diagnostics: (line) => diagnostics.push(line),
    tuning: { straightPath: batches },
  });
  return { rows, summary, diagnostics };
}

describe('arrivals in batches', () => {
  it.each(Object.keys(FORMS))('%s: the figures rows one by one would give, with the same counts, problems and coverage', async (form) => {
    const { header, record } = FORMS[form];
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 300 }), fc.boolean(), async (records, from) => {
        const path = join(dir, `f${fileNumber++}.csv`);
        writeFileSync(path, [header, ...records.map((r) => r.join(','))].join('\n') + '\n');
        const [one, batched] = [await read(path, false, from), await read(path, true, from)];
        expect(batched.rows).toEqual(one.rows);
        expect(batched.summary).toEqual(one.summary);
        expect(batched.diagnostics).toEqual(one.diagnostics);
      }),
      { numRuns: propertyRuns(30) },
    );
  });

  it('takes valid rows by destination and country on the straight path, each figure reaching the sink once, repeats summed', async () => {
    const lines = Array.from(
      { length: 2000 },
      (_, i) =>
        `2017-${String((i % 12) + 1).padStart(2, '0')},Dest ${i % 20},${['Tiongkok', 'Malaysia', 'Indonesia'][i % 3]},${i % 3 === 2 ? 'wisnus' : 'wisman'},${i}`,
    );
    const path = join(dir, 'straight.csv');
    writeFileSync(path, ['periode,destinasi,negara_asal,jenis,jumlah', ...lines].join('\n') + '\n');
    let [figures, sum] = [0, 0];
    const take = (row: ArrivalRow) => {
      figures++;
      sum += row.count;
    };
    const summary = await readInputs([path], {
      options: { map: {}, dateFormat: 'dmy', checks: SUMMED },
      sink: {
        delegation: () => undefined,
        arrival: take,
        arrivalBatch: (b: ArrivalBatch) => {
          for (let i = 0; i < b.length; i++) take(arrivalOf(b, i));
        },
      },
      policy: { skipInvalid: false },
      diagnostics: () => undefined,
    });
    expect(summary.rowsAccepted).toBe(2000);
    // Summed under --on-overlap sum: one figure per month, destination, country and segment.
    const keys = new Set(lines.map((l) => l.split(',').slice(0, 4).join(',')));
    expect(figures).toBe(keys.size);
    expect(sum).toBe((1999 * 2000) / 2);
  });
});
