/**
 * The arrival ledger kept column by column, against the ledger it replaced (one object per figure and
 * one string key per figure and span, kept below as the reference): on random figures with repeats,
 * spellings of one destination or country, days, months and years of one span, several files and
 * breakdowns, fed one by one and in batches with codes, the same figures counted in the same order,
 * the same figures given again, coarser figures replaced and mismatches, under every policy; and,
 * under `error` and `first`, with figures counted as read (those add and addBatch say are final,
 * then the rest), on files in order of date too, where figures are noted before they are filed.
 */
import fc from 'fast-check';
import { countryKey, destinationKey } from '../../src/model/arrival-key';
import {
  ArrivalLedger,
  type LedgerResult,
  OVERLAP_POLICIES,
  type OverlapPolicy,
  type PlacedArrival,
  spansOf,
} from '../../src/model/arrival-ledger';
import type { PeriodDate } from '../../src/model/dates';
import type { ArrivalBatch, ArrivalRow } from '../../src/model/records';
import { countedRows } from '../helpers/ledger';
import { propertyRuns } from '../helpers/property';

// --- The reference: the ledger as it was, every figure an object and every key a string. ---

function keyText(row: ArrivalRow): string {
  const destination = row.destination == null ? '' : destinationKey(row.destination);
  const country = row.country == null ? '' : countryKey(row.country);
  return `${row.breakdown ?? 0}|${row.segment}|${destination}|${country}`;
}

function referenceResolve(figures: PlacedArrival[], policy: OverlapPolicy) {
  const keyOf = (f: PlacedArrival) => `${keyText(f)}|${spansOf(f.period)[0]}`;
  const kept = new Map<string, PlacedArrival>();
  const firsts = new Map<string, PlacedArrival>();
  const overlaps: { first: PlacedArrival; again: PlacedArrival }[] = [];
  for (const figure of figures) {
    const key = keyOf(figure);
    const first = firsts.get(key);
    if (first === undefined) {
      firsts.set(key, figure);
      kept.set(key, figure);
      continue;
    }
    overlaps.push({ first, again: figure });
    if (policy === 'last') kept.set(key, figure);
    else if (policy === 'sum') {
      const sum = kept.get(key)!;
      kept.set(key, { ...sum, count: sum.count + figure.count });
    }
  }
  const hasFiner = new Set<string>();
  for (const figure of kept.values()) for (const span of spansOf(figure.period).slice(1)) hasFiner.add(`${keyText(figure)}|${span}`);
  const winners: PlacedArrival[] = [];
  const losers: PlacedArrival[] = [];
  for (const [key, figure] of kept) (hasFiner.has(key) ? losers : winners).push(figure);
  const finer = new Map<string, { sum: number; count: number; first: PlacedArrival }>();
  for (const figure of winners) {
    for (const span of spansOf(figure.period).slice(1)) {
      const key = `${keyText(figure)}|${span}`;
      const acc = finer.get(key);
      if (acc === undefined) finer.set(key, { sum: figure.count, count: 1, first: figure });
      else {
        acc.sum += figure.count;
        acc.count++;
      }
    }
  }
  const mismatches = losers.flatMap((coarse) => {
    const acc = finer.get(keyOf(coarse))!;
    if (acc.sum === coarse.count) return [];
    return [{ coarse, finerSum: acc.sum, finerCount: acc.count, firstFiner: { source: acc.first.source, line: acc.first.line } }];
  });
  return { rows: winners, overlaps, replaced: losers.length, mismatches };
}

// --- Random figures. ---

const DESTINATIONS = ['Kawah Ijen', 'kawah  ijen', 'KAWAH IJEN', 'Pulau Merah', 'Pantai Boom', null];
const COUNTRIES = ['Tiongkok', 'China', 'RRT', 'Malaysia', 'Xyzland', 'xyzland', null];

interface Drawn {
  period: PeriodDate;
  foreign: boolean;
  count: number;
  destination: string | null;
  country: string | null;
}

const periodArb: fc.Arbitrary<PeriodDate> = fc
  .tuple(fc.integer({ min: 2016, max: 2017 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }))
  .map(([year, month, day]) => (month === 0 ? { year, month: null, day: null } : { year, month, day: day === 0 ? null : day }));

const figureArb: fc.Arbitrary<Drawn> = fc.record({
  period: periodArb,
  foreign: fc.boolean(),
  count: fc.integer({ min: 0, max: 50 }),
  destination: fc.constantFrom(...DESTINATIONS),
  country: fc.constantFrom(...COUNTRIES),
});

const dayOrder = (p: PeriodDate) => (p.year * 13 + (p.month ?? 0)) * 32 + (p.day ?? 0);

/**
 * A file: its breakdown, its figures, and how they are fed (one by one, or in batches of this size);
 * now and then its days alone in order of date, as figures are noted (a key given again then comes
 * in its day, or on a later one).
 */
const fileArb = fc
  .record({
    breakdown: fc.integer({ min: 0, max: 3 }),
    figures: fc.array(figureArb, { maxLength: 60 }),
    batch: fc.integer({ min: 0, max: 8 }),
    dated: fc.boolean(),
  })
  .map(({ dated, figures, ...file }) => ({
    ...file,
    figures: dated ? figures.filter((f) => f.period.day != null).sort((a, b) => dayOrder(a.period) - dayOrder(b.period)) : figures,
  }));

function rowOf(drawn: Drawn, breakdown: number): ArrivalRow {
  const row: ArrivalRow = { period: drawn.period, segment: drawn.foreign ? 'foreign' : 'domestic', count: drawn.count };
  if (breakdown === 0) return row;
  return { ...row, destination: drawn.destination, country: drawn.country, breakdown };
}

/**
 * The files' figures into a new ledger, and the same figures placed, in the order read; `asRead`
 * those the ledger said were counted as read.
 */
function feed(
  files: { breakdown: number; figures: Drawn[]; batch: number }[],
  countAsRead = false,
): { ledger: ArrivalLedger; placed: PlacedArrival[]; asRead: PlacedArrival[] } {
  const ledger = new ArrivalLedger(countAsRead);
  const placed: PlacedArrival[] = [];
  const asRead: PlacedArrival[] = [];
  files.forEach(({ breakdown, figures, batch }, n) => {
    const source = `f${n}.csv`;
    // The file's codes: a number per value met (and, now and then, none).
    const codes = new Map<unknown, number>();
    const codeOf = (value: unknown, k: number) => {
      if (value === null || k % 5 === 3) return -1;
      const key = typeof value === 'object' ? JSON.stringify(value) : value;
      if (!codes.has(key)) codes.set(key, codes.size);
      return codes.get(key)!;
    };
    const codeSpace = {};
    for (let start = 0; start < figures.length; start += Math.max(1, batch)) {
      const part = figures.slice(start, start + Math.max(1, batch));
      const lines = Int32Array.from(part, (_, i) => 2 + start + i);
      const rows = part.map((drawn, i) => ({ ...rowOf(drawn, breakdown), source, line: lines[i] }));
      placed.push(...rows);
      if (batch === 0) {
        part.forEach((drawn, i) => {
          if (ledger.add(rowOf(drawn, breakdown), { source, line: lines[i] })) asRead.push(rows[i]);
        });
        continue;
      }
      const destination = part.map((d) => (breakdown === 0 ? null : d.destination));
      const country = part.map((d) => (breakdown === 0 ? null : d.country));
      const arrivals: ArrivalBatch = {
        length: part.length,
        codeSpace,
        breakdown,
        period: part.map((d) => d.period),
        periodCode: Int32Array.from(part, (d, k) => codeOf(d.period, k + 1)),
        foreign: Uint8Array.from(part, (d) => (d.foreign ? 1 : 0)),
        count: Float64Array.from(part, (d) => d.count),
        destination,
        destinationCode: Int32Array.from(destination, (d, k) => codeOf(d, k)),
        country,
        countryCode: Int32Array.from(country, (c, k) => codeOf(c, k + 2)),
      };
      if (ledger.addBatch(arrivals, source, lines)) asRead.push(...rows);
    }
  });
  return { ledger, placed, asRead };
}

type Said = Pick<LedgerResult, 'overlaps' | 'replaced' | 'mismatches'> & { rows: PlacedArrival[] };

/** What a result says, as plain data: the ledger's counted figures as rows, or the reference's. */
function said(result: LedgerResult | Said): Said {
  const rows = 'rows' in result ? result.rows : countedRows(result);
  return { rows, overlaps: result.overlaps, replaced: result.replaced, mismatches: result.mismatches };
}

describe('the ledger by columns against the ledger by objects', () => {
  it('counts, finds again, replaces and reports the same figures under every policy (property)', () => {
    fc.assert(
      fc.property(fc.array(fileArb, { minLength: 1, maxLength: 3 }), (files) => {
        for (const policy of OVERLAP_POLICIES) {
          const { ledger, placed } = feed(files);
          expect(said(ledger.resolve(policy))).toEqual(said(referenceResolve(placed, policy)));
        }
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('counts figures as read under error and first: those said final, then the rest, as the reference counts them (property)', () => {
    let counted = 0;
    fc.assert(
      fc.property(fc.array(fileArb, { minLength: 1, maxLength: 3 }), (files) => {
        for (const policy of ['error', 'first'] as const) {
          const { ledger, placed, asRead } = feed(files, true);
          const result = ledger.resolve(policy);
          expect(said({ ...result, rows: [...asRead, ...countedRows(result)] })).toEqual(said(referenceResolve(placed, policy)));
          // The columns the checks read are those of the figures counted as read.
          const { length, periods, period, flags, count } = result.asRead;
          expect(length).toBe(asRead.length);
          asRead.forEach((row, f) => {
            expect([periods[period[f]], flags[f] & 1, count[f]]).toEqual([row.period, row.segment === 'foreign' ? 1 : 0, row.count]);
          });
          counted += length;
        }
      }),
      { numRuns: propertyRuns(300) },
    );
    expect(counted).toBeGreaterThan(0);
  });

  it('counted as read: files in order of date, many keys (past the noted table), a key given again days later and in its day', () => {
    const day = (d: number): PeriodDate => ({ year: 2017, month: 1 + Math.floor(d / 28), day: 1 + (d % 28) });
    const byDay = (days: number, destinations: number): Drawn[] =>
      Array.from({ length: days * destinations }, (_, i) => ({
        period: day(Math.floor(i / destinations)),
        foreign: i % 2 === 1,
        count: i,
        destination: `Destinasi ${i % destinations}`,
        country: COUNTRIES[i % 3],
      }));
    const again = (figures: Drawn[], at: number, from: number): Drawn[] => [...figures.slice(0, at), figures[from], ...figures.slice(at)];
    const cases: { figures: Drawn[]; asRead: number }[] = [
      // No key given again: all counted as read, noted past 256 destinations too (then filed).
      { figures: byDay(3, 20), asRead: 60 },
      { figures: byDay(2, 300), asRead: 600 },
      // A key given again in its day (the batch with it and those after wait), or on a later day.
      { figures: again(byDay(4, 10), 25, 21), asRead: 24 },
      { figures: again(byDay(4, 10), 35, 3), asRead: 32 },
    ];
    for (const { figures, asRead: expected } of cases) {
      for (const policy of ['error', 'first'] as const) {
        const files = [{ breakdown: 3, figures, batch: 8 }];
        const { ledger, placed, asRead } = feed(files, true);
        const result = ledger.resolve(policy);
        expect(asRead.length).toBe(expected);
        expect(said({ ...result, rows: [...asRead, ...countedRows(result)] })).toEqual(said(referenceResolve(placed, policy)));
      }
    }
  });

  it('the same with many keys a period (its table widened), and places found across many files', () => {
    const many = (n: number): Drawn[] =>
      Array.from({ length: n }, (_, i) => ({
        period: { year: 2017, month: 1 + (i % 2), day: i % 7 === 0 ? null : 1 + (i % 3) },
        foreign: i % 2 === 1,
        count: i,
        destination: `Destinasi ${i % 97}`,
        country: COUNTRIES[i % COUNTRIES.length],
      }));
    const files = Array.from({ length: 9 }, (_, n) => ({
      breakdown: 1 + (n % 3),
      figures: many(150 + 40 * n),
      batch: n % 4 === 0 ? 0 : 64,
    }));
    for (const policy of OVERLAP_POLICIES) {
      const { ledger, placed } = feed(files);
      const result = said(ledger.resolve(policy));
      expect(result.overlaps.length).toBeGreaterThan(0);
      expect(result.replaced).toBeGreaterThan(0);
      expect(result).toEqual(said(referenceResolve(placed, policy)));
    }
  });

  it('hands on the counted figures in batches of one breakdown, each figure once, its place found by its number', () => {
    const { ledger, placed } = feed([
      {
        breakdown: 0,
        figures: [{ period: { year: 2017, month: 1, day: null }, foreign: false, count: 5, destination: null, country: null }],
        batch: 0,
      },
      {
        breakdown: 1,
        figures: Array.from({ length: 5000 }, (_, i) => ({
          period: { year: 2017, month: 1, day: 1 + (i % 28) },
          foreign: false,
          count: 1,
          destination: `D${Math.floor(i / 28)}`,
          country: null,
        })),
        batch: 700,
      },
    ]);
    const result = ledger.resolve('error');
    const seen: { breakdown: number; length: number }[] = [];
    const places: string[] = [];
    result.counted((batch) => {
      seen.push({ breakdown: batch.breakdown, length: batch.length });
      for (let i = 0; i < batch.length; i++) {
        const { source, line } = result.placeOf(batch.figure[i]);
        places.push(`${source}:${line}`);
      }
    });
    expect(seen).toEqual([
      { breakdown: 0, length: 1 },
      { breakdown: 1, length: 4096 },
      { breakdown: 1, length: 904 },
    ]);
    expect(places).toEqual(placed.map((p) => `${p.source}:${p.line}`));
  });
});
