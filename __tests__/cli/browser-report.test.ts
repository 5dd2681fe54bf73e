/**
 * The REAL report: `visitstat report -o report.html` on the bundled sample data, opened in Debian's
 * headless Chromium (playwright-core, no browser download). No network request, no console error,
 * one mark per data point in each chart (counted from the fixture CSVs), and a screenshot in
 * __tests__/artifacts/. Printed to PDF (as from a browser's print dialog, A4) and read back page by
 * page: no table split leaving fewer than 3 rows on a page, header rows repeated, notes and titles with
 * their rows, no page of the footer alone, and every page's footer with the office, the title, the day
 * made and `Page k of N` where N is the page count. Skipped locally without /usr/bin/chromium; fails
 * under CI (see browser-html).
 */
// The page.evaluate() callbacks run in the browser, with the DOM's types.
/// <reference lib="dom" />
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import type { Doc, Row } from '../../src/render/doc';
import { renderHtml } from '../../src/render/html';
import { formatDateSpan } from '../../src/render/locale';
import { ROOT, visitstat } from '../helpers/cli';
import { type PrintedPages, printToPdf, splitProblems } from '../helpers/print';

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

const OFFICE = 'Dinas Pariwisata Kabupaten Contoh';
const squeeze = (text: string) => text.replace(/\s+/g, '');

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
    // December 2017 is covered to the 29th, November 2016 to the 4th: each hatched, and only its own bar.
    const hatched = (id: string) =>
      page.$$eval(`#chart-${id} .mark.partial`, (marks) => marks.map((m) => m.querySelector('title')!.textContent));
    expect(await hatched('visitorsByMonth')).toEqual([expect.stringMatching(/^Dec 2017 \(1–29\), .*1,481 \(partial period\)$/)]);
    expect(await hatched('visitorsYearOnYear')).toEqual([
      expect.stringMatching(/^Nov, Visitors 2016: 759 /),
      expect.stringMatching(/^Dec, Visitors 2017: 1,481 /),
    ]);
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

  /** Every page has something of the report besides the page footer, and says `Page k of N`. */
  function expectWholePages(printed: PrintedPages, words: { page: string; of: string; generated: string }, footer: string[]) {
    const n = printed.text.length;
    printed.text.forEach((text, i) => {
      expect(text).toContain(squeeze(`${words.page} ${i + 1} ${words.of} ${n}`));
      expect(text).toContain(squeeze(words.generated));
      for (const part of footer) expect(text).toContain(squeeze(part));
      expect(printed.marks[i].size).toBeGreaterThan(0);
    });
  }

  it.each(['en', 'id'] as const)(
    'the sample report (%s): tables whole, footer with office, title, day and page numbers',
    async (locale) => {
      const config = join(folder, `config-${locale}.json`);
      const title = locale === 'en' ? 'Tourism and delegation visits 2017' : 'Kunjungan wisata dan delegasi 2017';
      writeFileSync(
        config,
        JSON.stringify({
          office: OFFICE,
          title,
          targets: [
            { metric: 'total', year: 2017, value: 5000000 },
            { metric: 'visitors', year: 2018, value: 50000 },
          ],
        }),
      );
      const html = join(folder, `report-${locale}.html`);
      const run = visitstat(['report', '--config', config, '--locale', locale, '-o', html, ...SAMPLE]);
      expect(run.code).toBe(0);
      const printed = await printToPdf(browser, html, join(folder, `report-${locale}.pdf`));

      expect(splitProblems(printed)).toEqual([]);
      const now = new Date();
      const today = formatDateSpan(
        { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() },
        { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() },
        locale,
      );
      const words =
        locale === 'en'
          ? { page: 'Page', of: 'of', generated: `Generated ${today}` }
          : { page: 'Halaman', of: 'dari', generated: `Dibuat ${today}` };
      expectWholePages(printed, words, [OFFICE, title]);
      // Thirteen tables and six charts, each kept whole: 7 pages in en, 10 in id with Chromium 156; never a page of a lone row or the footer alone.
      expect(printed.text.length).toBeGreaterThanOrEqual(4);
      expect(printed.text.length).toBeLessThanOrEqual(12);
      const last = printed.text.length - 1;
      expect(printed.text[last]).toContain(squeeze(locale === 'en' ? 'Rows read 1,287' : 'Baris dibaca 1.287'));
      expect([...printed.marks[last]].some((m) => /\.r\d+$/.test(m))).toBe(true);
    },
    90_000,
  );

  it('splits a table longer than a page between its rows, never leaving fewer than 3 on a page', async () => {
    const rows = (n: number, prefix: string): Row[] =>
      Array.from({ length: n }, (_, i) => ({ name: `${prefix} ${i + 1}`, value: (i + 1) * 1000 }));
    const table = (id: string, n: number) => ({
      id,
      title: `Table ${id}`,
      columns: [
        { key: 'name', label: 'Name', kind: 'text' as const },
        { key: 'value', label: 'Value', kind: 'int' as const },
      ],
      rows: rows(n, id),
      notes: [`Notes of table ${id}: they stay with its last rows.`],
    });
    // Lengths chosen so that breaks fall near a table's first and last rows somewhere in the run.
    const doc: Doc = {
      title: 'Long tables',
      tables: [table('a', 20), table('b', 44), table('c', 27), table('d', 61), table('e', 26), table('f', 38)],
      footer: ['Rows read 216'],
      generated: { year: 2018, month: 8, day: 10 },
      office: OFFICE,
    };
    const html = join(folder, 'long.html');
    writeFileSync(html, renderHtml(doc, [], 'en'));
    const printed = await printToPdf(browser, html, join(folder, 'long.pdf'));

    expect(splitProblems(printed)).toEqual([]);
    // The test means something only if some table did split.
    const pagesOf = (t: number) => printed.marks.filter((m) => [...m].some((x) => x.startsWith(`t${t}.r`))).length;
    const split = [0, 1, 2, 3, 4, 5].filter((t) => pagesOf(t) > 1);
    expect(split.length).toBeGreaterThan(0);
    expectWholePages(printed, { page: 'Page', of: 'of', generated: 'Generated 10 August 2018' }, [OFFICE, 'Long tables']);
  }, 90_000);
});
