/**
 * `visitstat report` end to end on the bundled sample data, checked against figures computed here from
 * the fixture CSVs (never copied from the program's output); cron behaviour (-o, --quiet, empty
 * environment, exit codes).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, visitstat } from '../helpers/cli';

const SAMPLE = ['arrivals-2016', 'arrivals-2017', 'delegations-2016', 'delegations-2017', 'delegations-2018'].map(
  (f) => `fixtures/sample/${f}.csv`,
);
const CONFIG = ['--config', 'fixtures/config/targets.json'];

function csvRows(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(ROOT, file), 'utf8').trim().split('\n');
  const names = header.split(',');
  // The people and count columns never hold a quoted comma; cut from the right for delegation rows.
  return lines.map((line) => Object.fromEntries(names.map((n, i) => [n, line.split(',')[i]])));
}

const delegations2017 = csvRows('fixtures/sample/delegations-2017.csv').filter((r) => /^\d+$/.test(r.people ?? ''));
const arrivals = (year: number) => csvRows(`fixtures/sample/arrivals-${year}.csv`);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

let folder: string;
beforeAll(() => (folder = mkdtempSync(join(tmpdir(), 'visitstat-report-'))));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('report on the sample data', () => {
  const run = () => JSON.parse(visitstat(['report', ...CONFIG, '--format', 'json', ...SAMPLE]).stdout);

  it('defaults to 2017, the latest year with delegations and arrivals, and has every section', () => {
    const json = run();
    expect(json.year).toBe(2017);
    expect(json.yearChoice).toBe('complete');
    // Every section is there; the config's 2018 target is named with the --year that shows it.
    expect(json.absent).toEqual([
      { section: 'progress', reason: 'Target visitors 2018 (50,000) not shown: this report is for 2017; see it with --year 2018.' },
    ]);
    for (const key of ['delegations', 'arrivals', 'spending', 'progress', 'dataQuality', 'assumptions']) expect(json[key]).not.toBeNull();
  });

  it('states the 2017 figures of the seed: delegations, arrivals and growth, spending', () => {
    const json = run();
    expect(json.delegations.overall.delegations).toBe(520);
    expect(json.delegations.overall.visitors).toBe(39_000);
    const monthly = json.delegations.byMonth.map((g: { visitors: number }) => g.visitors);
    expect(monthly).toHaveLength(12);
    expect(sum(monthly)).toBe(39_000);
    const [domestic16, foreign16] = ['wisnus', 'wisman'].map((c) => sum(arrivals(2016).map((r) => Number(r[c]))));
    const [domestic17, foreign17] = ['wisnus', 'wisman'].map((c) => sum(arrivals(2017).map((r) => Number(r[c]))));
    expect([domestic17, foreign17]).toEqual([4_800_000, 98_970]);
    expect(json.arrivals.months.map((m: { domestic: number }) => m.domestic)).toEqual(arrivals(2017).map((r) => Number(r.wisnus)));
    const year = json.arrivals.years.find((y: { period: string }) => y.period === '2017');
    expect(year.totalYoyGrowthPct).toBeCloseTo(((domestic17 + foreign17) / (domestic16 + foreign16) - 1) * 100, 9);
    expect(json.spending.total).toBe(4_800_000 * 1_500_000 + 98_970 * 2_700_000);
    // Group sizes from the CSV: top origins are the biggest by visitors.
    const byOrigin = new Map<string, number>();
    for (const r of delegations2017) byOrigin.set(r.origin, (byOrigin.get(r.origin) ?? 0) + Number(r.people));
    const topVisitors = [...byOrigin.values()].sort((a, b) => b - a)[0];
    expect(json.delegations.topOrigins[0].visitors).toBe(topVisitors);
  });

  it('measures the config target of the year and states the data quality', () => {
    const json = run();
    const [target] = json.progress.targets;
    expect(target.metric).toBe('total');
    expect(target.percentAchieved).toBeCloseTo((4_898_970 / 5_000_000) * 100, 9);
    expect(json.dataQuality.rowsRead).toBe(12 + 12 + 345 + 520 + 398);
    expect(json.dataQuality.rowsRejected).toBe(0);
  });

  it('for 2018 leaves out arrivals and spending with one line each, and measures the 2018 target', () => {
    const out = visitstat(['report', ...CONFIG, '--year', '2018', '--format', 'markdown', ...SAMPLE]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Arrivals left out: no arrivals data for 2018 (2016, 2017).');
    expect(out.stdout).toContain('Spending left out: no arrivals data for 2018 (2016, 2017).');
    expect(out.stdout).not.toMatch(/^## Tourist arrivals/m);
    // fixtures/README.md: 29,870 of 50,000 = 59.74%; linear expected 50,000 x 221 / 365.
    expect(out.stdout).toContain('| Achieved | 59.74% |');
    expect(out.stdout).toContain(`| Expected to date, linear | ${Math.round((50_000 * 221) / 365).toLocaleString('en')} |`);
  });

  it('marks August 2018, whose log ends on the 9th, as partial: in the table, the JSON and a hatched bar', () => {
    const markdown = visitstat(['report', '--year', '2018', '--format', 'markdown', ...SAMPLE]).stdout;
    expect(markdown).toMatch(/^\| Aug 2018 \(1–9\) \| 26 \|/m);
    const json = JSON.parse(visitstat(['report', '--year', '2018', '--format', 'json', ...SAMPLE]).stdout);
    const august = json.delegations.byMonth.find((m: { month: string }) => m.month === '2018-08');
    expect(august).toMatchObject({ partial: true, from: '2018-08-01', to: '2018-08-09' });
    expect(json.delegations.byMonth.filter((m: { partial: boolean }) => m.partial)).toHaveLength(1);
    const html = visitstat(['report', '--year', '2018', '--format', 'html', ...SAMPLE]).stdout;
    const chart = html.slice(
      html.indexOf('id="chart-visitorsByMonth"'),
      html.indexOf('</figure>', html.indexOf('id="chart-visitorsByMonth"')),
    );
    expect(chart.match(/class="mark s0 partial"[^>]*data-value="(\d+)"/)?.[1]).toBe('2211');
    expect(chart.match(/class="mark s0"/g)).toHaveLength(7);
    expect(chart).toContain('<g class="hatch">');
    expect(chart).toContain('Hatched: a period the data covers only in part');
  });

  it('sets each month of 2017 beside 2016, from the logs, and compares only months covered alike', () => {
    const visitorsByMonth = (year: number) => {
      const months = new Array<number>(12).fill(0);
      for (const r of csvRows(`fixtures/sample/delegations-${year}.csv`))
        if (/^\d+$/.test(r.people ?? '')) months[Number(r.date.slice(5, 7)) - 1] += Number(r.people);
      return months;
    };
    const [before, now] = [visitorsByMonth(2016), visitorsByMonth(2017)];
    const json = JSON.parse(visitstat(['report', '--format', 'json', ...SAMPLE]).stdout);
    const pairs = json.delegations.yearOnYear;
    expect(pairs.map((p: { month: number }) => p.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(pairs.map((p: { current: { visitors: number } }) => p.current.visitors)).toEqual(now);
    // The 2016 log ends on 4 November: December 2016 is not covered (null, not 0), November only in part.
    expect(pairs.slice(0, 11).map((p: { previous: { visitors: number } }) => p.previous.visitors)).toEqual(before.slice(0, 11));
    expect(pairs[11].previous).toBeNull();
    expect(pairs[10].previous.partial).toBe(true);
    expect(pairs[0].visitorsChangePct).toBeCloseTo(((now[0] - before[0]) / before[0]) * 100, 10);
    expect(pairs[10].visitorsChangePct).toBeNull();
    expect(json.datesCovered).toEqual({
      delegations: { from: '2017-01-03', to: '2017-12-29' },
      arrivals: { from: '2017-01', to: '2017-12' },
    });
  });

  it('names each config target of another year, and the --year that shows it', () => {
    const config = join(folder, 'other-years.json');
    writeFileSync(
      config,
      JSON.stringify({
        targets: [
          { metric: 'visitors', year: 2018, value: 50000 },
          { metric: 'total', year: 2019, value: 6000000 },
        ],
      }),
    );
    const json = JSON.parse(visitstat(['report', '--config', config, '--format', 'json', ...SAMPLE]).stdout);
    expect(json.progress).toBeNull();
    expect(json.absent.map((a: { reason: string }) => a.reason)).toEqual([
      'Target visitors 2018 (50,000) not shown: this report is for 2017; see it with --year 2018.',
      'Target total 2019 (6,000,000) not shown: this report is for 2017; the data has no rows for 2019.',
      'Target progress left out: no target for 2017 (give --target N or targets in --config).',
    ]);
  });

  it('takes its title from --title, else the config, and the office from the config (in HTML)', () => {
    const config = join(folder, 'office.json');
    writeFileSync(config, JSON.stringify({ office: 'Dinas Pariwisata', title: 'Laporan dari config' }));
    const title = (args: string[]) =>
      visitstat(['report', '--config', config, '--format', 'markdown', ...args, ...SAMPLE]).stdout.split('\n')[0];
    expect(title([])).toBe('# Laporan dari config');
    expect(title(['--title', 'Laporan Bupati'])).toBe('# Laporan Bupati');
    const html = visitstat(['report', '--config', config, '--format', 'html', ...SAMPLE]).stdout;
    expect(html).toContain('<header><p class="office">Dinas Pariwisata</p><h1>Laporan dari config</h1></header>');
  });

  it("writes its CSV tables with the decimals of the commands they come from: summary's two", () => {
    const report = visitstat(['report', '--format', 'csv', ...SAMPLE]).stdout.split('\n');
    const summary = visitstat([
      'summary',
      '--format',
      'csv',
      '--from',
      '2017',
      '--to',
      '2017',
      'fixtures/sample/delegations-2017.csv',
    ]).stdout;
    const [header, row] = summary
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    const expected = ['delegations', 'visitors', 'mean', 'median', 'p90', 'max', 'visitorNights', 'averageStay'].map(
      (k) => row[header.indexOf(k)],
    );
    expect(report[0]).toBe('delegations,visitors,mean,median,p90,max,visitorNights,averageStay');
    expect(report[1]).toBe(expected.join(','));
    expect(report[1]).toBe('520,39000,75.00,54.00,120.00,494,89479,2.55');
  });
});

describe('report for cron', () => {
  it('writes HTML with -o and --quiet in an empty environment, printing nothing', () => {
    const path = join(folder, 'r.html');
    const result = execFileSync(
      'env',
      ['-i', `PATH=${process.env.PATH}`, process.execPath, BIN, 'report', ...CONFIG, '--quiet', '-o', path, ...SAMPLE],
      {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(result).toBe('');
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|https?:|src=|@import|url\(/i);
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--fail-if-behind writes the report, then exits 3 with the reason on stderr', () => {
    const path = join(folder, 'behind.md');
    const out = visitstat([
      'report',
      '--target',
      '60000',
      '--year',
      '2018',
      '--as-of',
      '2018-12-31',
      '--fail-if-behind',
      '--quiet',
      '-o',
      path,
      'fixtures/sample/delegations-2018.csv',
    ]);
    expect(out.code).toBe(3);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('missed target: visitors 2018');
    expect(existsSync(path)).toBe(true);
  });

  it('--quiet still reports invalid data on stderr with exit 1', () => {
    const out = visitstat(['report', '--quiet', '-o', join(folder, 'bad.md'), 'fixtures/messy/bad-rows.csv']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/bad-rows\.csv:\d+:/);
    expect(existsSync(join(folder, 'bad.md'))).toBe(false);
  });

  it('--quiet without -o is a usage error', () => {
    expect(visitstat(['report', '--quiet', 'fixtures/sample/delegations-2018.csv']).code).toBe(2);
  });
});
