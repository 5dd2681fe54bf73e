/**
 * `visitstat summary` end to end on the built binary, every figure checked against a calculation made
 * here from the fixture CSV (parsed with csv-parse, not the project's reader) or from the seed numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ROOT, visitstat, COUNTS_ONLY } from '../helpers/cli';

interface Delegation {
  date: string;
  origin: string;
  type: string;
  people: number;
  nights: number | null;
  purposes: string[];
}

function delegations(file: string): Delegation[] {
  const records: Record<string, string>[] = parse(readFileSync(join(ROOT, file)), { columns: true });
  return records.map((r) => ({
    date: r.date,
    origin: r.origin,
    type: r.type,
    people: Number(r.people),
    nights: r.nights === '' ? null : Number(r.nights),
    purposes: r.purpose.split(';'),
  }));
}

function arrivals(file: string): Map<string, { domestic: number; foreign: number }> {
  const records: Record<string, string>[] = parse(readFileSync(join(ROOT, file)), { columns: true });
  return new Map(records.map((r) => [r.periode, { domestic: Number(r.wisnus), foreign: Number(r.wisman) }]));
}

/** R type 7, written out: h = (n - 1) p, then linear between the neighbours. */
function type7(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

function expectedStats(rows: Delegation[]) {
  const sizes = rows.map((r) => r.people).sort((a, b) => a - b);
  const n = sizes.length;
  const visitors = sizes.reduce((a, b) => a + b, 0);
  const mean = visitors / n;
  const known = rows.filter((r) => r.nights !== null);
  const visitorNights = known.reduce((a, r) => a + r.people * r.nights!, 0);
  const visitorsWithNights = known.reduce((a, r) => a + r.people, 0);
  return {
    delegations: n,
    visitors,
    mean,
    median: type7(sizes, 0.5),
    p25: type7(sizes, 0.25),
    p75: type7(sizes, 0.75),
    p90: type7(sizes, 0.9),
    min: sizes[0],
    max: sizes[n - 1],
    stdDev: n < 2 ? null : Math.sqrt(sizes.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1)),
    visitorNights,
    averageStay: visitorNights / visitorsWithNights,
    visitorsWithNights,
    delegationsWithNights: known.length,
  };
}

function expectStatsClose(actual: Record<string, unknown>, expected: Record<string, number | null>): void {
  for (const [key, value] of Object.entries(expected)) {
    if (value === null) expect([key, actual[key]]).toEqual([key, null]);
    else expect([key, actual[key] as number]).toEqual([key, expect.closeTo(value, 9)]);
  }
}

function json(args: string[]) {
  const result = visitstat([...args, '--format', 'json']);
  // Warnings (implausible values, say) may come before the counts line; nothing else may.
  expect(result.stderr.replace(/^.*: warning: .*\n/gm, '')).toMatch(COUNTS_ONLY);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const D2016 = 'fixtures/sample/delegations-2016.csv';

describe('summary on the 2016 seed', () => {
  const rows = delegations(D2016);

  it('reproduces the seed: 345 delegations, 24,150 people, 70.0 on average', () => {
    const { delegations: d } = json(['summary', D2016]);
    expect(d.overall.delegations).toBe(345);
    expect(d.overall.visitors).toBe(24_150);
    expect(d.overall.mean).toBe(70);
    const en = visitstat(['summary', D2016]).stdout;
    expect(en).toMatch(/│\s+345 │\s+24,150 │ 70\.0 │/);
    const id = visitstat(['summary', D2016, '--locale', 'id']).stdout;
    expect(id).toMatch(/│\s+345 │\s+24\.150 │\s+70,0 │/);
  });

  it('matches an independent calculation of every statistic', () => {
    expectStatsClose(json(['summary', D2016]).delegations.overall, expectedStats(rows));
  });

  it('per month: each group matches the rows of its month, in date order', () => {
    const groups = json(['summary', D2016, '--group-by', 'month']).delegations.groups;
    const months = [...new Set(rows.map((r) => r.date.slice(0, 7)))].sort();
    expect(groups.map((g: { month: string }) => g.month)).toEqual(months);
    for (const g of groups) expectStatsClose(g, expectedStats(rows.filter((r) => r.date.startsWith(g.month))));
  });

  it('per purpose: a delegation counts in each of its purposes', () => {
    const groups = json(['summary', D2016, '--group-by', 'purpose']).delegations.groups;
    for (const g of groups) expectStatsClose(g, expectedStats(rows.filter((r) => r.purposes.includes(g.purpose))));
    const purposeVisitors = groups.reduce((a: number, g: { visitors: number }) => a + g.visitors, 0);
    expect(purposeVisitors).toBeGreaterThan(24_150);
  });

  it('--top 3 keeps the three origins with most visitors and merges the rest into other', () => {
    const d = json(['summary', D2016, '--group-by', 'origin', '--top', '3']).delegations;
    const byOrigin = new Map<string, number>();
    for (const r of rows) byOrigin.set(r.origin, (byOrigin.get(r.origin) ?? 0) + r.people);
    const ranked = [...byOrigin].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    expect(d.groups.slice(0, 3).map((g: { origin: string }) => g.origin)).toEqual(ranked.slice(0, 3).map(([o]) => o));
    const other = d.groups[3];
    expect(other.origin).toEqual({ other: true });
    const rest = new Set(ranked.slice(3).map(([o]) => o));
    expectStatsClose(other, expectedStats(rows.filter((r) => rest.has(r.origin))));
    expect(d.otherValues).toEqual({ origin: byOrigin.size - 3 });
  });

  it('crossed year x type groups partition the delegations', () => {
    const groups = json(['summary', D2016, 'fixtures/sample/delegations-2017.csv', '--group-by', 'year,type']).delegations.groups;
    const all = [...rows, ...delegations('fixtures/sample/delegations-2017.csv')];
    expect(groups.reduce((a: number, g: { delegations: number }) => a + g.delegations, 0)).toBe(345 + 520);
    expect(groups.reduce((a: number, g: { visitors: number }) => a + g.visitors, 0)).toBe(24_150 + 39_000);
    expect(groups[0].year).toBe('2016');
    expect(groups.at(-1).year).toBe('2017');
    for (const g of groups) expectStatsClose(g, expectedStats(all.filter((r) => r.date.startsWith(g.year) && r.type === g.type)));
  });
});

describe('summary of arrivals', () => {
  const a2016 = arrivals('fixtures/sample/arrivals-2016.csv');
  const a2017 = arrivals('fixtures/sample/arrivals-2017.csv');
  const all = new Map([...a2016, ...a2017]);

  it('lists domestic, foreign, total and foreign share per month, with growth from the data', () => {
    const ar = json(['summary', 'fixtures/sample/arrivals-2016.csv', 'fixtures/sample/arrivals-2017.csv']).arrivals;
    expect(ar.periods.map((p: { period: string }) => p.period)).toEqual([...all.keys()].sort());
    for (const p of ar.periods) {
      const { domestic, foreign } = all.get(p.period)!;
      expect([p.domestic, p.foreign, p.total]).toEqual([domestic, foreign, domestic + foreign]);
      expect(p.foreignSharePct).toBeCloseTo((100 * foreign) / (domestic + foreign), 9);
      const [y, m] = p.period.split('-').map(Number);
      const prev = all.get(m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`);
      const lastYear = all.get(`${y - 1}-${String(m).padStart(2, '0')}`);
      if (prev) expect(p.domesticGrowthPct).toBeCloseTo((100 * (domestic - prev.domestic)) / prev.domestic, 9);
      else expect(p.domesticGrowthPct).toBeNull();
      if (lastYear) expect(p.foreignYoyGrowthPct).toBeCloseTo((100 * (foreign - lastYear.foreign)) / lastYear.foreign, 9);
      else expect(p.foreignYoyGrowthPct).toBeNull();
    }
    expect(ar.totals.domestic).toBe(4_012_505 + 4_800_000);
    expect(ar.totals.foreign).toBe(77_139 + 98_970);
  });

  it('per year: 2017 against 2016, from the seed totals', () => {
    const [y2016, y2017] = json(['summary', '--group-by', 'year', 'fixtures/sample/arrivals-2016.csv', 'fixtures/sample/arrivals-2017.csv'])
      .arrivals.periods;
    expect([y2016.domestic, y2016.foreign, y2017.domestic, y2017.foreign]).toEqual([4_012_505, 77_139, 4_800_000, 98_970]);
    expect(y2016.totalGrowthPct).toBeNull();
    expect(y2017.totalGrowthPct).toBeCloseTo((100 * (4_898_970 - 4_089_644)) / 4_089_644, 9);
  });

  it('never invents a figure: gaps, missing segments and zero bases stay null', () => {
    const byPeriod = new Map(
      json(['summary', '__tests__/data/arrivals-gaps.csv']).arrivals.periods.map((p: { period: string }) => [p.period, p]),
    );
    expect([...byPeriod.keys()]).toEqual(['2016-01', '2016-02', '2016-04', '2016-12', '2017-01', '2017-02', '2017-04']);
    expect(byPeriod.get('2016-02')).toMatchObject({ foreign: null, total: null, foreignSharePct: null, domesticGrowthPct: 20 });
    expect(byPeriod.get('2016-04')).toMatchObject({ domesticGrowthPct: null, totalGrowthPct: null }); // March is absent
    expect(byPeriod.get('2017-01')).toMatchObject({ domesticGrowthPct: null, foreignGrowthPct: 1000 }); // domestic 0 in Dec
    expect(byPeriod.get('2017-02')).toMatchObject({ domesticYoyGrowthPct: expect.closeTo(10, 9), foreignYoyGrowthPct: null });
  });

  it('reads the long and the English wide forms to the same figures as the sample', () => {
    const sample = json(['summary', 'fixtures/sample/arrivals-2017.csv']).arrivals;
    expect(json(['summary', 'fixtures/messy/arrivals-long.csv']).arrivals).toEqual(sample);
    expect(json(['summary', 'fixtures/messy/arrivals-wide-en.csv']).arrivals).toEqual(sample);
  });
});

describe('summary: input counts, options and both kinds', () => {
  it('states rows read / accepted / rejected, and the options that shaped the result', () => {
    const result = visitstat(['summary', '--skip-invalid', '--format', 'json', '--group-by', 'month', 'fixtures/messy/bad-rows.csv']);
    const doc = JSON.parse(result.stdout);
    expect([doc.rowsRead, doc.rowsAccepted, doc.rowsRejected]).toEqual([18, 7, 11]);
    expect(doc.delegations.overall.visitors).toBe(309);
    expect(doc.options).toMatchObject({ groupBy: ['month'], top: null, skipInvalid: true, arrivalUnit: 'month' });
    expect(result.stderr).toBe(
      'visitstat: skipped 11 invalid of 18 rows read\nvisitstat: Rows read 18, accepted 7, rejected 11 — 1 file\n',
    );
  });

  it('gives both parts when both kinds of file are given, and null for a kind that is absent', () => {
    const both = json(['summary', 'fixtures/sample/arrivals-2017.csv', D2016]);
    expect(both.delegations.overall.visitors).toBe(24_150);
    expect(both.arrivals.totals.domestic).toBe(4_800_000);
    expect(json(['summary', D2016]).arrivals).toBeNull();
  });

  it('counts --from/--to boundaries inclusively', () => {
    const d = json(['summary', D2016, '--from', '2016-03-01', '--to', '2016-03-31']).delegations;
    expectStatsClose(d.overall, expectedStats(delegations(D2016).filter((r) => r.date.startsWith('2016-03'))));
  });

  it('table output ends with the counts line; every format also writes it to stderr, csv only there', () => {
    expect(visitstat(['summary', D2016]).stdout).toMatch(/Rows read 345, accepted 345, rejected 0 — 1 file\n$/);
    const csv = visitstat(['summary', D2016, '--format', 'csv']);
    expect(csv.stdout).not.toMatch(/Rows read/);
    for (const format of ['table', 'csv', 'json', 'markdown']) {
      expect(visitstat(['summary', D2016, '--format', format]).stderr).toBe(
        'visitstat: Rows read 345, accepted 345, rejected 0 — 1 file\n',
      );
    }
  });

  it('rejects usage errors with exit 2', () => {
    expect(visitstat(['summary', '--group-by', 'month', '--top', '2', D2016]).code).toBe(2);
    expect(visitstat(['summary', '--group-by', 'origin', '--top', '0', D2016]).code).toBe(2);
    expect(visitstat(['summary', '--group-by', 'origin,origin', D2016]).code).toBe(2);
  });

  it('states the quantile method in --help', () => {
    expect(visitstat(['summary', '--help']).stdout).toMatch(/linear interpolation between order statistics \(R type 7/);
  });
});
