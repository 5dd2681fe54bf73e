import { InputError } from '../../src/errors';
import fc from 'fast-check';
import { quantile as ssQuantile, sampleStandardDeviation } from 'simple-statistics';
import { type CalDate, isoWeekday, isoWeekdayOf } from '../../src/model/dates';
import { periodKey, periodOf } from '../../src/model/period';
import type { DelegationRow } from '../../src/model/records';
import { DelegationSummarizer, GROUP_DIMS, type GroupDim, OTHER, isOther } from '../../src/model/summary';
import { periodKeyOfDate } from '../../src/model/summary-keys';
import { delegationRow } from '../helpers/rows';
import { propertyRuns } from '../helpers/property';
import { describeSorted } from '../../src/stats/describe';

function date(text: string): CalDate {
  const [year, month, day] = text.split('-').map(Number);
  return { year, month, day: day ?? null };
}

function row(when: string, people: number, extra: Partial<DelegationRow> = {}): DelegationRow {
  return delegationRow({ date: date(when), people, ...extra });
}

function summarize(rows: DelegationRow[], groupBy: GroupDim[] = [], top?: number) {
  const s = new DelegationSummarizer({ groupBy, top });
  rows.forEach((r) => s.add(r));
  return s.result();
}

describe('DelegationSummarizer overall', () => {
  it('reproduces the 2016 seed: 345 delegations, 24,150 people, 70 on average', () => {
    // 172 groups of 40, 172 of 100 and one of 70: 172*140 + 70 = 24,150
    const sizes = [...Array(172).fill(40), ...Array(172).fill(100), 70];
    const overall = summarize(sizes.map((n, i) => row(`2016-${1 + (i % 10)}-15`, n))).overall;
    expect(overall.count).toBe(345);
    expect(overall.sum).toBe(24_150);
    expect(overall.mean).toBe(70);
    expect(overall.median).toBe(70); // the 173rd of 345 sorted values
    expect(overall.min).toBe(40);
    expect(overall.max).toBe(100);
  });

  it('describes group sizes like simple-statistics does', () => {
    const sizes = [12, 480, 75, 75, 33, 210, 64, 90];
    const overall = summarize(sizes.map((n) => row('2017-03-01', n))).overall;
    expect(overall.p25).toBeCloseTo(ssQuantile(sizes, 0.25), 9);
    expect(overall.median).toBeCloseTo(ssQuantile(sizes, 0.5), 9);
    expect(overall.p75).toBeCloseTo(ssQuantile(sizes, 0.75), 9);
    expect(overall.p90).toBeCloseTo(ssQuantile(sizes, 0.9), 9);
    expect(overall.sd).toBeCloseTo(sampleStandardDeviation(sizes), 9);
  });

  it('computes visitor-nights and average stay over the delegations with known nights', () => {
    const overall = summarize([row('2017-01-02', 20, { nights: 3 }), row('2017-01-03', 10, { nights: 2 }), row('2017-01-04', 30)]).overall;
    expect(overall.visitorNights).toBe(20 * 3 + 10 * 2);
    expect(overall.visitorsWithNights).toBe(30);
    expect(overall.delegationsWithNights).toBe(2);
    expect(overall.averageStay).toBeCloseTo(80 / 30, 12);
    expect(overall.sum).toBe(60);
  });

  it('reports no nights (null, not 0) when none are known, and counts a 0-night stay as known', () => {
    const none = summarize([row('2017-01-02', 20)]).overall;
    expect(none.visitorNights).toBeNull();
    expect(none.averageStay).toBeNull();
    const dayTrip = summarize([row('2017-01-02', 20, { nights: 0 })]).overall;
    expect(dayTrip.visitorNights).toBe(0);
    expect(dayTrip.averageStay).toBe(0);
  });

  it('has no groups without --group-by, and empty statistics without rows', () => {
    const result = summarize([]);
    expect(result.groups).toEqual([]);
    expect(result.overall.count).toBe(0);
    expect(result.overall.mean).toBeNull();
  });
});

describe('DelegationSummarizer groups', () => {
  it('orders months chronologically across years', () => {
    const result = summarize([row('2017-01-05', 10), row('2016-12-31', 20), row('2017-01-20', 30), row('2016-02', 40)], ['month']);
    expect(result.groups.map((g) => g.key.month)).toEqual([
      { unit: 'month', year: 2016, month: 2 },
      { unit: 'month', year: 2016, month: 12 },
      { unit: 'month', year: 2017, month: 1 },
    ]);
    expect(result.groups.map((g) => g.stats.sum)).toEqual([40, 20, 40]);
    expect(result.groups[2].stats.median).toBe(20);
  });

  it('groups by quarter and year', () => {
    const rows = [row('2016-03-31', 10), row('2016-04-01', 20), row('2017-12', 30)];
    expect(summarize(rows, ['quarter']).groups.map((g) => [g.key.quarter, g.stats.sum])).toEqual([
      [{ unit: 'quarter', year: 2016, quarter: 1 }, 10],
      [{ unit: 'quarter', year: 2016, quarter: 2 }, 20],
      [{ unit: 'quarter', year: 2017, quarter: 4 }, 30],
    ]);
    expect(summarize(rows, ['year']).groups.map((g) => g.stats.sum)).toEqual([30, 30]);
  });

  it('crosses dimensions: one group per combination present, in the order the dimensions were given', () => {
    const rows = [
      row('2017-02-01', 50, { origin: 'Kab. Bandung' }),
      row('2017-01-10', 10, { origin: 'Kota Surabaya' }),
      row('2017-01-11', 30, { origin: 'Kab. Bandung' }),
      row('2017-01-12', 40, { origin: 'Kota Surabaya' }),
      row('2017-02-03', 5),
    ];
    // Overall visitors: Bandung 80, Surabaya 50, unknown 5.
    const byMonthOrigin = summarize(rows, ['month', 'origin']).groups;
    expect(byMonthOrigin.map((g) => [periodKey(g.key.month as never), g.key.origin, g.stats.sum])).toEqual([
      [201701, 'Kab. Bandung', 30],
      [201701, 'Kota Surabaya', 50],
      [201702, 'Kab. Bandung', 50],
      [201702, null, 5],
    ]);
    const byOriginMonth = summarize(rows, ['origin', 'month']).groups;
    expect(byOriginMonth.map((g) => [g.key.origin, periodKey(g.key.month as never)])).toEqual([
      ['Kab. Bandung', 201701],
      ['Kab. Bandung', 201702],
      ['Kota Surabaya', 201701],
      [null, 201702],
    ]);
    expect(Object.keys(byOriginMonth[0].key)).toEqual(['origin', 'month']);
  });

  it('orders equal visitor totals by name', () => {
    const groups = summarize([row('2017-01-01', 10, { type: 'Pemkot' }), row('2017-01-01', 10, { type: 'DPRD' })], ['type']).groups;
    expect(groups.map((g) => g.key.type)).toEqual(['DPRD', 'Pemkot']);
  });

  it('orders every value by visitors, then by name as `<` does, however many share their visitors', () => {
    // Names sharing long prefixes, one a prefix of another, past ASCII and in surrogate pairs, hundreds per visitor total.
    const nameArb = fc
      .array(fc.constantFrom('a', 'B', 'é', '\u{1F600}', '\uFF5E'), { minLength: 1, maxLength: 9 })
      .map((parts) => parts.join(''));
    const rowArb = fc.record({ origin: nameArb, people: fc.integer({ min: 1, max: 2 }) });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 800, size: 'max' }), (rows) => {
        const groups = summarize(
          rows.map((r) => row('2017-01-01', r.people, { origin: r.origin })),
          ['origin'],
        ).groups;
        const visitors = new Map<string, number>();
        for (const r of rows) visitors.set(r.origin, (visitors.get(r.origin) ?? 0) + r.people);
        const expected = [...visitors.keys()].sort((a, b) => visitors.get(b)! - visitors.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
        expect(groups.map((g) => g.key.origin)).toEqual(expected);
      }),
      { numRuns: propertyRuns(100) },
    );
  });

  it('--top N keeps the N largest categories and merges the rest into other, after unknown', () => {
    const rows = [
      row('2017-01-01', 300, { region: 'Jawa Timur' }),
      row('2017-01-02', 120, { region: 'Bali' }),
      row('2017-02-01', 80, { region: 'Bali' }),
      row('2017-01-03', 100, { region: 'Aceh' }),
      row('2017-01-04', 50, { region: 'Papua', nights: 2 }),
      row('2017-02-05', 25, { region: 'Papua' }),
      row('2017-01-05', 80),
    ];
    const result = summarize(rows, ['region'], 2);
    expect(result.groups.map((g) => g.key.region)).toEqual(['Jawa Timur', 'Bali', null, OTHER]);
    const other = result.groups[3];
    expect(isOther(other.key.region)).toBe(true);
    // Aceh 100 + Papua 50 + 25 merged: sizes [25, 50, 100]
    expect(other.stats).toMatchObject({ count: 3, sum: 175, median: 50, min: 25, max: 100, visitorNights: 100, delegationsWithNights: 1 });
    expect(other.stats.p25).toBeCloseTo(ssQuantile([25, 50, 100], 0.25), 12);
    expect(result.otherValues).toEqual({ region: 2 });
    expect(result.groups.reduce((a, g) => a + g.stats.sum, 0)).toBe(result.overall.sum);
  });

  it('--top N chooses the top values over all the data, also when crossed with periods', () => {
    const rows = [
      row('2017-01-01', 300, { origin: 'A' }),
      row('2017-02-01', 10, { origin: 'A' }),
      row('2017-01-02', 100, { origin: 'B' }), // larger than A in January alone
      row('2017-02-02', 40, { origin: 'B' }),
      row('2017-02-03', 5, { origin: 'C' }),
    ];
    const groups = summarize(rows, ['month', 'origin'], 1).groups;
    expect(groups.map((g) => [periodKey(g.key.month as never), isOther(g.key.origin) ? 'other' : g.key.origin, g.stats.sum])).toEqual([
      [201701, 'A', 300],
      [201701, 'other', 100],
      [201702, 'A', 10],
      [201702, 'other', 45],
    ]);
  });

  it('--top N larger than the number of values adds no other group', () => {
    const result = summarize([row('2017-01-01', 10, { origin: 'A' })], ['origin'], 5);
    expect(result.groups.map((g) => g.key.origin)).toEqual(['A']);
    expect(result.otherValues).toEqual({});
  });

  it('counts a delegation once in each of its purposes', () => {
    const rows = [
      row('2017-01-01', 40, { purpose: ['Mall Pelayanan Publik', 'Smart Kampung'] }),
      row('2017-01-02', 30, { purpose: ['Mall Pelayanan Publik', 'Mall Pelayanan Publik'] }),
      row('2017-01-03', 20),
    ];
    const result = summarize(rows, ['purpose']);
    expect(result.groups.map((g) => [g.key.purpose, g.stats.count, g.stats.sum])).toEqual([
      ['Mall Pelayanan Publik', 2, 70],
      ['Smart Kampung', 1, 40],
      [null, 1, 20],
    ]);
    expect(result.overall.sum).toBe(90);
    expect(result.groups.reduce((a, g) => a + g.stats.sum, 0)).toBe(130); // more than the total, by design
  });

  it('crosses purpose with another dimension', () => {
    const rows = [
      row('2017-01-01', 40, { purpose: ['MPP', 'e-Gov'], type: 'Pemkab' }),
      row('2017-01-02', 10, { purpose: ['e-Gov'], type: 'DPRD' }),
    ];
    const groups = summarize(rows, ['type', 'purpose']).groups;
    expect(groups.map((g) => [g.key.type, g.key.purpose, g.stats.sum])).toEqual([
      ['Pemkab', 'e-Gov', 40], // e-Gov has 50 visitors overall, MPP 40
      ['Pemkab', 'MPP', 40],
      ['DPRD', 'e-Gov', 10],
    ]);
  });

  it('groups by ISO weekday, Monday first, with month-only dates in the null weekday group last', () => {
    // 2016-03-09 Wednesday, 2016-03-13 Sunday, 2016-03-14 Monday (the last assertion pins them)
    const rows = [row('2016-03-13', 10), row('2016-03', 99), row('2016-03-09', 20), row('2016-03-14', 30), row('2016-03-16', 5)];
    const groups = summarize(rows, ['weekday']).groups;
    expect(groups.map((g) => [g.key.weekday, g.stats.sum])).toEqual([
      [{ unit: 'weekday', weekday: isoWeekday(date('2016-03-14'))! }, 30],
      [{ unit: 'weekday', weekday: isoWeekday(date('2016-03-09'))! }, 25],
      [{ unit: 'weekday', weekday: isoWeekday(date('2016-03-13'))! }, 10],
      [null, 99],
    ]);
    expect(groups.map((g) => (g.key.weekday as { weekday: number } | null)?.weekday)).toEqual([1, 3, 7, undefined]);
  });

  it('can report again, and keep adding, after a result', () => {
    const s = new DelegationSummarizer({ groupBy: ['origin'], top: 1 });
    [row('2017-01-01', 30, { origin: 'A' }), row('2017-01-01', 20, { origin: 'B' }), row('2017-01-01', 10, { origin: 'C' })].forEach((r) =>
      s.add(r),
    );
    const first = s.result();
    expect(s.result()).toEqual(first);
    s.add(row('2017-01-01', 5, { origin: 'C' }));
    expect(s.result().groups.map((g) => g.stats.sum)).toEqual([30, 35]);
  });
});

describe('row keys', () => {
  it('computes weekdays without Date exactly as Date does, 1999 to 2031', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2032, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      const cal = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      if (isoWeekdayOf(cal.year, cal.month, cal.day) !== (d.getUTCDay() || 7)) mismatches.push(d.toISOString());
    }
    expect(mismatches).toEqual([]);
  });

  it('matches periodKey(periodOf(date)) for every period dimension', () => {
    const dates = fc.record({
      year: fc.integer({ min: 1900, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.option(fc.integer({ min: 1, max: 28 })),
    });
    fc.assert(
      fc.property(dates, (d) => {
        for (const unit of ['month', 'quarter', 'year', 'weekday'] as const) {
          const period = periodOf(d, unit);
          expect(periodKeyOfDate(d, unit)).toBe(period === null ? null : periodKey(period));
        }
      }),
    );
  });
});

describe('DelegationSummarizer properties', () => {
  const rowArb = fc.record({
    year: fc.integer({ min: 2015, max: 2018 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.option(fc.integer({ min: 1, max: 28 })),
    people: fc.integer({ min: 10, max: 500 }),
    origin: fc.option(fc.constantFrom('A', 'B', 'C', 'D', 'E')),
    type: fc.option(fc.constantFrom('DPRD', 'Pemkab', 'Pemkot')),
  });
  const dimsArb = fc.subarray<GroupDim>(['month', 'quarter', 'year', 'weekday', 'origin', 'region', 'type'], { minLength: 1 });

  it('group quantiles equal a naive calculation on the group rows, and groups add up to the total', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 120 }),
        dimsArb,
        fc.option(fc.integer({ min: 1, max: 4 })),
        (raw, dims, top) => {
          const rows = raw.map((r) =>
            delegationRow({ date: { year: r.year, month: r.month, day: r.day }, people: r.people, origin: r.origin, type: r.type }),
          );
          const result = summarize(rows, dims, top ?? undefined);
          const all = rows.map((r) => r.people);
          expect(result.overall.sum).toBe(all.reduce((a, b) => a + b, 0));
          expect(result.groups.reduce((a, g) => a + g.stats.sum, 0)).toBe(result.overall.sum);
          expect(result.groups.reduce((a, g) => a + g.stats.count, 0)).toBe(rows.length);
          if (top === null) {
            for (const g of result.groups) {
              const members = rows.filter((r) => dims.every((dim) => sameKey(r, dim, g.key[dim]))).map((r) => r.people);
              expect(g.stats.count).toBe(members.length);
              for (const [field, p] of [
                ['median', 0.5],
                ['p25', 0.25],
                ['p75', 0.75],
                ['p90', 0.9],
              ] as const) {
                expect(g.stats[field]).toBeCloseTo(naiveType7(members, p), 9);
              }
            }
          }
        },
      ),
      { numRuns: propertyRuns(200) },
    );
  });
});

describe('DelegationSummarizer.mergeFrom and row order', () => {
  const purposeArb = fc.constantFrom('MPP', 'e-Gov', 'Smart Kampung', 'Perizinan');
  const rowArb: fc.Arbitrary<DelegationRow> = fc
    .record({
      date: fc.record({
        year: fc.integer({ min: 2015, max: 2018 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.option(fc.integer({ min: 1, max: 28 })),
      }),
      people: fc.oneof(fc.integer({ min: 10, max: 500 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })),
      origin: fc.option(fc.constantFrom('A', 'B', 'C', 'D', 'E')),
      region: fc.option(fc.constantFrom('Jawa Timur', 'Bali', 'Papua')),
      type: fc.option(fc.constantFrom('DPRD', 'Pemkab', 'Pemkot')),
      nights: fc.option(fc.integer({ min: 0, max: 14 })),
      purpose: fc.array(purposeArb, { maxLength: 3 }),
    })
    .map(delegationRow);
  const dimsArb = fc.shuffledSubarray<GroupDim>([...GROUP_DIMS], { maxLength: 3 });
  const optionsArb = fc.record({ groupBy: dimsArb, top: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) });

  function fed(opts: { groupBy: GroupDim[]; top?: number }, rows: DelegationRow[]): DelegationSummarizer {
    const s = new DelegationSummarizer(opts);
    rows.forEach((r) => s.add(r));
    return s;
  }

  it('gives, merged from summarizers of disjoint parts, the result of one summarizer fed all rows', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 150 }),
        optionsArb,
        fc.array(fc.nat(2), { minLength: 150, maxLength: 150 }),
        (rows, opts, part) => {
          const parts = [0, 1, 2].map((k) =>
            fed(
              opts,
              rows.filter((_, i) => part[i] === k),
            ),
          );
          const merged = parts[2];
          merged.mergeFrom(parts[0]);
          merged.mergeFrom(parts[1]);
          expect(merged.result()).toEqual(fed(opts, rows).result());
        },
      ),
      { numRuns: propertyRuns(400) },
    );
  });

  it('gives the same result whatever the order of the rows', () => {
    fc.assert(
      fc.property(
        fc
          .array(rowArb, { maxLength: 150 })
          .chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))),
        optionsArb,
        ([rows, shuffled], opts) => {
          expect(fed(opts, shuffled).result()).toEqual(fed(opts, rows).result());
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });

  it('merges large parts: group sizes counted in different windows', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const rows = Array.from({ length: 30_000 }, (_, i) =>
      row(
        `${2015 + Math.floor(next() * 4)}-${1 + Math.floor(next() * 12)}-${1 + Math.floor(next() * 28)}`,
        i < 15_000 ? 10 + Math.floor(next() * 50) : 400 + Math.floor(next() * 3000),
        {
          region: ['Bali', 'Papua', null][Math.floor(next() * 3)],
          nights: next() < 0.2 ? null : Math.floor(next() * 5),
        },
      ),
    );
    for (const groupBy of [[], ['region'], ['month'], ['region', 'quarter']] as GroupDim[][]) {
      const a = fed({ groupBy }, rows.slice(0, 15_000));
      a.mergeFrom(fed({ groupBy }, rows.slice(15_000)));
      expect(a.result()).toEqual(fed({ groupBy }, rows).result());
    }
  });

  it('refuses to merge summarizers with different options', () => {
    const region = new DelegationSummarizer({ groupBy: ['region'] });
    expect(() => region.mergeFrom(new DelegationSummarizer({ groupBy: ['origin'] }))).toThrow(/different options/);
    expect(() => region.mergeFrom(new DelegationSummarizer({ groupBy: ['region'], top: 2 }))).toThrow(/different options/);
  });
});

describe('DelegationSummarizer with many small groups', () => {
  // Up to 80 origins over up to 200 rows: most groups of one to four delegations, some bigger.
  const rowArb: fc.Arbitrary<DelegationRow> = fc
    .record({
      month: fc.integer({ min: 1, max: 12 }),
      people: fc.integer({ min: 1, max: 60 }),
      origin: fc.option(
        fc.integer({ min: 0, max: 79 }).map((k) => `Origin ${k}`),
        { freq: 10 },
      ),
      nights: fc.option(fc.integer({ min: 0, max: 5 })),
    })
    .map(({ month, ...values }) => delegationRow({ date: { year: 2017, month, day: 1 }, ...values }));

  /** The figures of a set of rows as one group, computed directly. */
  function direct(rows: DelegationRow[]) {
    const known = rows.filter((r) => r.nights !== null);
    const visitorsWithNights = known.reduce((a, r) => a + r.people, 0);
    const visitorNights = known.reduce((a, r) => a + r.people * r.nights!, 0);
    return {
      ...describeSorted(Float64Array.from(rows.map((r) => r.people)).sort()),
      visitorNights: known.length ? visitorNights : null,
      visitorsWithNights,
      averageStay: visitorsWithNights > 0 ? visitorNights / visitorsWithNights : null,
      delegationsWithNights: known.length,
    };
  }

  /** --group-by origin [--top N] the slow, obvious way. */
  function reference(rows: DelegationRow[], top?: number) {
    const byOrigin = new Map<string | null, DelegationRow[]>();
    for (const r of rows) byOrigin.set(r.origin, [...(byOrigin.get(r.origin) ?? []), r]);
    const visitors = (o: string) => byOrigin.get(o)!.reduce((a, r) => a + r.people, 0);
    const named = [...byOrigin.keys()].filter((o): o is string => o !== null).sort((a, b) => visitors(b) - visitors(a) || (a < b ? -1 : 1));
    const shown = top === undefined ? named : named.slice(0, top);
    const groups: { key: { origin: unknown }; stats: unknown }[] = shown.map((o) => ({
      key: { origin: o },
      stats: direct(byOrigin.get(o)!),
    }));
    if (byOrigin.has(null)) groups.push({ key: { origin: null }, stats: direct(byOrigin.get(null)!) });
    const rest = named.slice(shown.length);
    if (rest.length) groups.push({ key: { origin: OTHER }, stats: direct(rest.flatMap((o) => byOrigin.get(o)!)) });
    return { groupBy: ['origin'], overall: direct(rows), groups, otherValues: rest.length ? { origin: rest.length } : {} };
  }

  it('gives, with and without --top, exactly the figures of the obvious calculation', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 200 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), (rows, top) => {
        expect(summarize(rows, ['origin'], top)).toEqual(reference(rows, top));
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('merges parts whose groups are short in one and grown in another', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 200 }),
        fc.array(fc.nat(2), { minLength: 200, maxLength: 200 }),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        (rows, part, top) => {
          const parts = [0, 1, 2].map((k) => {
            const s = new DelegationSummarizer({ groupBy: ['origin'], top });
            rows.filter((_, i) => part[i] === k).forEach((r) => s.add(r));
            return s;
          });
          parts[1].absorb(structuredClone(parts[0].toData()));
          parts[1].absorb(structuredClone(parts[2].toData()));
          expect(parts[1].result()).toEqual(reference(rows, top));
        },
      ),
      { numRuns: propertyRuns(200) },
    );
  });
});

describe('DelegationSummarizer edge cases of the per-row lookups', () => {
  it('groups periods whose keys lie too far apart for one array', () => {
    const rows = [row('1900-01-05', 10), row('2199-12-01', 20), row('1900-01-20', 30), row('2017-06-01', 40), row('2199-12', 50)];
    const groups = summarize(rows, ['month']).groups;
    expect(groups.map((g) => [periodKey(g.key.month as never), g.stats.count, g.stats.sum])).toEqual([
      [190001, 2, 40],
      [201706, 1, 40],
      [219912, 2, 70],
    ]);
  });

  it('takes group sizes up to 2^53 - 1, and refuses sums past it with an input error', () => {
    for (const groupBy of [[], ['region'], ['month'], ['purpose'], ['region', 'month']] as GroupDim[][]) {
      const s = new DelegationSummarizer({ groupBy });
      s.add(row('2017-01-01', 10, { region: 'Bali', purpose: ['MPP'] }));
      s.add(row('2017-02-01', 2 ** 31, { region: 'Papua', purpose: ['e-Gov'] }));
      expect(s.result().overall.sum).toBe(2 ** 31 + 10);
      s.add(row('2017-02-02', Number.MAX_SAFE_INTEGER - 2 ** 31 - 10, { region: 'Papua', purpose: ['e-Gov'] }));
      expect(s.result().overall.sum).toBe(Number.MAX_SAFE_INTEGER);
      s.add(row('2017-02-03', 1, { region: 'Bali', purpose: ['MPP'] }));
      expect(() => s.result()).toThrow(InputError);
      expect(() => s.result()).toThrow(/people add up to more than 9,007,199,254,740,991/);
    }
  });
});

/** Whether a row belongs to a group value, decided with the Date-based helpers of period.ts. */
function sameKey(r: DelegationRow, dim: GroupDim, value: unknown): boolean {
  if (dim === 'origin' || dim === 'region' || dim === 'type') return r[dim] === value;
  const period = periodOf(r.date, dim as 'month');
  return period === null ? value === null : value !== null && periodKey(value as never) === periodKey(period);
}

function naiveType7(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  return s[Math.floor(h)] + (h - Math.floor(h)) * (s[Math.ceil(h)] - s[Math.floor(h)]);
}
