/**
 * npm run bench:forecast on a fixed subset (three of the competition's series, in its layout): the
 * same figures every run, the baselines' errors as a direct computation gives them, calendar years
 * taken whole. The script uses the built dist/ (npm test builds first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const bench = require('../../scripts/bench-forecast.js');

const DATA = join(__dirname, '..', 'data', 'tourism-monthly-subset');
const opts = { fitThrough: 1994 };

/** The subset read with nothing of the script: columns of numbers below four header rows. */
function directSeries(): number[][] {
  const rows = readFileSync(join(DATA, 'monthly.csv'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
  return rows[0].map((_, j) => {
    const n = Number(rows[1][j]);
    expect(rows[3][j]).toBe('1'); // each starts in January: its years are blocks of 12 from the start
    return rows.slice(4, 4 + n).map((r) => Number(r[j]));
  });
}

function directMape(project: (year: number[], last: number[], c: number) => number, cutoffs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]): number {
  let sum = 0;
  let n = 0;
  for (const values of directSeries()) {
    const years: number[][] = [];
    for (let start = 0; start + 12 <= values.length; start += 12) years.push(values.slice(start, start + 12));
    for (let i = 1; i < years.length; i++) {
      const total = years[i].reduce((a, b) => a + b, 0);
      for (const c of cutoffs) {
        sum += Math.abs(project(years[i], years[i - 1], c) - total) / total;
        n++;
      }
    }
  }
  return (100 * sum) / n;
}

const through = (xs: number[], c: number) => xs.slice(0, c).reduce((a, b) => a + b, 0);

describe('bench:forecast on a fixed subset', () => {
  const text = bench.report(DATA, opts);
  const all = bench.cases(bench.readSeries(DATA)).cases;
  const result = bench.measure(bench.project(all).projections);

  it('prints the same figures on every run', () => {
    expect(bench.report(DATA, opts)).toBe(text);
    expect(text).toContain('3 series');
  });

  it("gives the seasonal naive's and the linear MAPE as a direct computation does", () => {
    const naive = directMape((year, last, c) => through(year, c) + through(last, 12) - through(last, c));
    const linear = directMape((year, _last, c) => (through(year, c) * 12) / c);
    expect(result.byMethod.seasonalNaive.all.mape).toBeCloseTo(naive, 10);
    expect(result.byMethod.linear.all.mape).toBeCloseTo(linear, 10);
    expect(text).toContain(`| seasonal naive (YTD + last year's rest) | ${naive.toFixed(2)} |`);
  });

  it('scales errors by the seasonal naive (1 for itself) and measures coverage in percent', () => {
    expect(result.byMethod.seasonalNaive.all.scaled).toBeCloseTo(1, 12);
    expect(result.coverage.all).toBeGreaterThan(0);
    expect(result.coverage.all).toBeLessThanOrEqual(100);
    expect(result.count).toBe(all.length * 11);
  });

  it("reports issue 17's protocol and the variant beside the full cases, on the same projections", () => {
    const naive = directMape((year, last, c) => through(year, c) + through(last, 12) - through(last, c));
    const defaultOverNaive = result.byMethod.default.all.mape / result.byMethod.seasonalNaive.all.mape;
    expect(text).toMatch(
      new RegExp(
        `\\| every year \\| ${all.length * 11} \\| .* \\| ${naive.toFixed(2)} \\| [0-9.]+ \\| [0-9.]+ \\| ${defaultOverNaive.toFixed(3)} \\|`,
      ),
    );
    // Three series: every draw of 150 takes them all, so the median draw is every series, every year.
    const row = (name: string) =>
      text
        .split('\n')
        .find((line: string) => line.startsWith(`| ${name}`))
        ?.split(' | ')
        .slice(1);
    expect(row('3 series at random: the median')).toEqual(row('every series, every year'));
    const naiveAtIssueCutoffs = directMape((year, last, c) => through(year, c) + through(last, 12) - through(last, c), [1, 3, 6, 9, 11]);
    expect(row('every series, every year')?.[0]).toBe(String(all.length * 5));
    expect(row('every series, every year')?.[3]).toBe(naiveAtIssueCutoffs.toFixed(2));
  });

  it('takes calendar years whole: a series starting in July is used from its first January', () => {
    const values = Array.from({ length: 6 + 24 + 5 }, (_, i) => i + 1);
    const years = bench.fullYears({ name: 'x', firstYear: 2000, firstMonth: 7, values });
    expect(years.map((y: { year: number }) => y.year)).toEqual([2001, 2002]);
    expect(years[0].months).toEqual(values.slice(6, 18));
    expect(years[1].months).toEqual(values.slice(18, 30));
  });

  it('a January start is used from its first year', () => {
    const years = bench.fullYears({ name: 'x', firstYear: 2000, firstMonth: 1, values: new Array(25).fill(1) });
    expect(years.map((y: { year: number }) => y.year)).toEqual([2000, 2001]);
  });
});
