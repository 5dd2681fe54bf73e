/**
 * The REAL report: `visitstat report -o report.html` on the bundled sample data, opened in Debian's
 * headless Chromium (playwright-core, no browser download). No network request, no console error,
 * one mark per data point in each chart (counted from the fixture CSVs), and a screenshot in
 * __tests__/artifacts/. Skipped locally without /usr/bin/chromium; fails under CI (see browser-html).
 */
// The page.evaluate() callbacks run in the browser, with the DOM's types.
/// <reference lib="dom" />
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { ROOT, visitstat } from '../helpers/cli';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IN_CI = !!process.env.CI && process.env.CI !== 'false';
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const SAMPLE = ['arrivals-2016', 'arrivals-2017', 'delegations-2016', 'delegations-2017', 'delegations-2018'].map(
  (f) => `fixtures/sample/${f}.csv`,
);

/** Per month of 2017: delegation visitors, and the domestic and foreign arrivals, from the CSVs. */
function expected() {
  const lines = (file: string) => readFileSync(join(ROOT, file), 'utf8').trim().split('\n').slice(1);
  const visitors = new Array<number>(12).fill(0);
  for (const line of lines('fixtures/sample/delegations-2017.csv')) {
    const people = line.match(/^2017-(\d\d)-\d\d,.*?,(\d+),\d*,/);
    if (people) visitors[Number(people[1]) - 1] += Number(people[2]);
  }
  const arrivals = lines('fixtures/sample/arrivals-2017.csv').map((l) => l.split(',').map(Number));
  return { visitors, domestic: arrivals.map((a) => a[1]), foreign: arrivals.map((a) => a[2]) };
}

const available = existsSync(CHROMIUM);
if (!available && !IN_CI) console.warn(`browser-report: skipped, ${CHROMIUM} not found (apt-get install chromium)`);
const suite = available || IN_CI ? describe : describe.skip;

suite('the report HTML built by the CLI, in headless Chromium', () => {
  let browser: Browser;
  let folder: string;

  beforeAll(async () => {
    if (!available) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (see .ci/run)`);
    folder = mkdtempSync(join(tmpdir(), 'visitstat-report-html-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('loads nothing, logs no error, draws one mark per data point, and is saved as a screenshot', async () => {
    const path = join(folder, 'report.html');
    const run = visitstat(['report', '--config', 'fixtures/config/targets.json', '--locale', 'en', '-o', path, ...SAMPLE]);
    expect(run.code).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => void (['error', 'warning'].includes(m.type()) && errors.push(m.text())));
    page.on('pageerror', (e) => errors.push(String(e)));
    const url = pathToFileURL(path).href;
    await page.goto(url, { waitUntil: 'load' });
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);

    const values = (id: string) => page.$$eval(`#chart-${id} .mark`, (marks) => marks.map((m) => Number(m.getAttribute('data-value'))));
    const { visitors, domestic, foreign } = expected();
    expect(await values('visitorsByMonth')).toEqual(visitors);
    expect(await values('domesticByMonth')).toEqual(domestic);
    expect(await values('foreignByMonth')).toEqual(foreign);
    // Foreign arrivals (about 2% of domestic) on their own scale: their tallest bar near the domestic one's, not 2% of it.
    const tallest = (id: string) =>
      page.$$eval(`#chart-${id} .mark`, (marks) => Math.max(...marks.map((m) => (m as SVGRectElement).getBBox().height)));
    expect(await tallest('foreignByMonth')).toBeGreaterThan(0.6 * (await tallest('domesticByMonth')));
    // 2017 against 2016: 2016's log ends on 4 November, so 11 months of 2016 beside 12 of 2017.
    const yearOnYear = await values('visitorsYearOnYear');
    expect(yearOnYear).toHaveLength(23);
    expect(yearOnYear.filter((_, i) => i % 2 === 1 || i === 22)).toContain(visitors[11]);
    // December 2017 is covered to the 29th: hatched in both delegation charts (its bars in each).
    expect(await page.$$eval('#chart-visitorsByMonth .mark.partial', (m) => m.length)).toBe(1);
    expect(await page.$$eval('#chart-visitorsYearOnYear .mark.partial', (m) => m.length)).toBe(1);
    // The target line never runs through a value label (4,898,970 is 2% short of the 5,000,000 line).
    const crossings = await page.$$eval('svg.chart-progress', (charts) =>
      charts.flatMap((chart) => {
        const line = chart.querySelector('.target-line') as SVGLineElement;
        const x = line.x1.baseVal.value;
        return Array.from(chart.querySelectorAll('text.value')).flatMap((t) => {
          const box = (t as SVGTextElement).getBBox();
          return box.x - 1 <= x && x <= box.x + box.width + 1 ? [t.textContent] : [];
        });
      }),
    );
    expect(crossings).toEqual([]);
    // The 2017 total target: actual, expected linear and seasonal, projections linear and seasonal.
    const actual = domestic.reduce((a, b) => a + b) + foreign.reduce((a, b) => a + b);
    const progress = await values('progress-total-2017');
    expect(progress).toHaveLength(5);
    expect(progress[0]).toBe(actual);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report-sample.png'), fullPage: true });
    const printableWidth = Math.floor(((210 - 28) / 25.4) * 96);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: printableWidth, height: 1000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(printableWidth);
    await page.close();
  }, 60_000);
});
