/**
 * Dated columns: the WebAssembly scanner reads each new value that is a plain numeric date itself
 * (RecordBatch.dayOf), so that the reader need not parse it. Whatever day it gives must be the date
 * parseDate gives for the same text, in either date format; the common spellings must be read there.
 */
import fc from 'fast-check';
import { CsvScanner, type RecordBatch, dayDate } from '../../src/ingest/scanner';
import { type DateFormat, MAX_YEAR, MIN_YEAR, parseDate } from '../../src/ingest/values';
import { propertyRuns } from '../helpers/property';

/** Per record of one column: its text and the day the scanner read in it (-1: none; null: not dated yet). */
function scannedDays(values: string[], format: DateFormat): { text: string; day: number | null }[] {
  const out: { text: string; day: number | null }[] = [];
  const scanner = new CsvScanner(
    44,
    {
      record: (r) => out.push({ text: r.field(0), day: null }),
      error: () => undefined,
      batch: (batch: RecordBatch) => {
        const dated = batch.dated(0);
        for (let r = 0; r < batch.size; r++) {
          if (!dated) {
            batch.deliver(r);
            continue;
          }
          const before = out.length;
          batch.deliver(r);
          const code = batch.code(r, 0);
          out[before].day = code < 0 ? -1 : batch.dayOf(0, code);
        }
      },
    },
    format === 'dmy',
  );
  // The first batch (16 records) goes by before the column is dated: filler.
  const filler = Array.from({ length: 16 }, () => 'x');
  scanner.push(Buffer.from([...filler, ...values].map(csvField).join('\n') + '\n'));
  scanner.end();
  return out.slice(16);
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const digits = (min: number, max: number) => fc.integer({ min, max }).map(String);
const padded = (n: fc.Arbitrary<number>) => fc.tuple(n, fc.boolean()).map(([v, pad]) => (pad && v < 10 ? `0${v}` : String(v)));
const separator = fc.constantFrom('-', '/', '.', ' ', ',', '');

/** Texts near the plain forms: right and wrong lengths, separators, impossible days, years out of range, spaces, words. */
const dateLike = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1850, max: 2250 }),
      separator,
      padded(fc.integer({ min: 0, max: 13 })),
      separator,
      padded(fc.integer({ min: 0, max: 32 })),
    )
    .map((p) => p.join('')),
  fc
    .tuple(
      padded(fc.integer({ min: 0, max: 32 })),
      separator,
      padded(fc.integer({ min: 0, max: 13 })),
      separator,
      fc.oneof(digits(1850, 2250), digits(0, 99), digits(10000, 99999)),
    )
    .map((p) => p.join('')),
  fc
    .tuple(fc.constantFrom('', ' ', '"'), fc.stringMatching(/^[0-9./ -]{0,12}$/), fc.constantFrom('', ' ', 'T', ' 0:00'))
    .map((p) => p.join('')),
  fc.constantFrom(
    '2016-02-29',
    '2017-02-29',
    '1900-01-01',
    '2199-12-31',
    '2200-01-01',
    '1899-12-31',
    '31/04/2017',
    '29/2/2000',
    '29/2/1900',
    '2017-3-9',
    '9.3.2017',
    '09/03/17',
    'Agustus 2017',
    '2017-08',
    '',
  ),
);

describe('dated columns', () => {
  it.each<DateFormat>(['dmy', 'mdy'])('read a day only where parseDate (%s) reads that date', (format) => {
    fc.assert(
      fc.property(fc.array(dateLike, { minLength: 1, maxLength: 40 }), (values) => {
        for (const { text, day } of scannedDays(values, format)) {
          expect(day).not.toBeNull();
          if (day! >= 0) expect(dayDate(day!)).toEqual(parseDate(text, format));
        }
      }),
      { numRuns: propertyRuns(400) },
    );
  });

  it('read the common spellings of every day from MIN_YEAR to MAX_YEAR', () => {
    const texts: string[] = [];
    for (let year = MIN_YEAR; year <= MAX_YEAR; year += 37) {
      for (let month = 1; month <= 12; month++) {
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        for (const d of [1, 9, 10, last]) {
          const [mm, dd] = [String(month).padStart(2, '0'), String(d).padStart(2, '0')];
          texts.push(`${year}-${mm}-${dd}`, `${d}/${month}/${year}`, `${dd}.${mm}.${year}`, `${year}/${month}/${d}`);
        }
      }
    }
    const got = scannedDays(texts, 'dmy');
    expect(got.every((g) => g.day !== null && g.day >= 0)).toBe(true);
    for (const { text, day } of got) expect(dayDate(day!)).toEqual(parseDate(text, 'dmy'));
  });

  it('give the same day for one date however it is written, and none for a month alone or a 2-digit year', () => {
    const got = scannedDays(['2017-03-09', '9/3/2017', '09.03.2017', '2017/3/9', '2017-08', '09/03/17', ' 2017-03-09'], 'dmy');
    const days = got.map((g) => g.day);
    expect(new Set(days.slice(0, 4)).size).toBe(1);
    expect(dayDate(days[0]!)).toEqual({ year: 2017, month: 3, day: 9 });
    expect(days.slice(4)).toEqual([-1, -1, -1]);
  });
});
