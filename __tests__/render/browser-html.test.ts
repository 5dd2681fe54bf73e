/**
 * The HTML report in a real browser: Debian's Chromium, driven by playwright-core (no browser
 * download). Opens a report built from known data via file://, and checks that it loads nothing,
 * logs no error, draws one mark per value, fits an A4 page in print, and saves a screenshot to
 * __tests__/artifacts/ for a person to look at.
 *
 * Without /usr/bin/chromium (or $CHROMIUM_PATH) the test fails under CI (so CI never silently skips it; .ci/run installs
 * it) and is skipped locally with a warning.
 */
// The page.evaluate() callbacks run in the browser, with the DOM's types.
/// <reference lib="dom" />
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import type { BarChart, Chart, ProgressChart } from '../../src/render/charts';
import type { Doc } from '../../src/render/doc';
import { renderHtml } from '../../src/render/html';
import type { Locale } from '../../src/render/locale';

/** CHROMIUM_PATH only to check the missing-browser behaviour; CI uses Debian's. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IN_CI = !!process.env.CI && process.env.CI !== 'false';
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const HOSTILE_ORIGIN = '<script>alert(1)</script>';

// Arrivals 2017 from fixtures/sample/arrivals-2017.csv (the seed: 4,800,000 domestic, 98,970 foreign).
const DOMESTIC = [355022, 296868, 337366, 355588, 337596, 513183, 553344, 391583, 366905, 388890, 350597, 553058];
const FOREIGN = [6805, 5159, 5836, 6434, 6663, 10149, 12189, 10483, 9269, 8306, 6795, 10882];
const MONTHS = DOMESTIC.map((_, i) => ({ unit: 'month' as const, year: 2017, month: i + 1 }));
const TOTAL = DOMESTIC.map((d, i) => d + FOREIGN[i]);

const doc: Doc = {
  title: { id: 'Laporan kunjungan wisata 2017', en: 'Tourism report 2017' },
  tables: [
    {
      id: 'arrivalsByMonth',
      title: { id: 'Kunjungan per bulan', en: 'Arrivals by month' },
      columns: [
        { key: 'month', label: { id: 'Bulan', en: 'Month' }, kind: 'period' },
        { key: 'domestic', label: { id: 'Nusantara', en: 'Domestic' }, kind: 'int' },
        { key: 'foreign', label: { id: 'Mancanegara', en: 'Foreign' }, kind: 'int' },
        { key: 'total', label: { id: 'Jumlah', en: 'Total' }, kind: 'int' },
      ],
      rows: MONTHS.map((month, i) => ({ month, domestic: DOMESTIC[i], foreign: FOREIGN[i], total: TOTAL[i] })),
    },
    {
      id: 'topOrigins',
      title: { id: 'Asal terbanyak', en: 'Top origins' },
      columns: [
        { key: 'origin', label: { id: 'Asal', en: 'Origin' }, kind: 'text' },
        { key: 'visitors', label: { id: 'Pengunjung', en: 'Visitors' }, kind: 'int' },
      ],
      rows: [
        { origin: 'Kabupaten Kulon Progo', visitors: 840 },
        { origin: HOSTILE_ORIGIN, visitors: 70 },
      ],
    },
  ],
  footer: [{ id: 'Baris dibaca: 14, diterima: 14, ditolak: 0', en: 'Rows read: 14, accepted: 14, rejected: 0' }],
};

const visitors: BarChart = {
  id: 'visitors',
  title: { id: 'Wisatawan per bulan', en: 'Visitors by month' },
  after: 'arrivalsByMonth',
  kind: 'bars',
  categories: MONTHS,
  series: [{ name: { id: 'Jumlah', en: 'Total' }, values: TOTAL }],
};
const segments: BarChart = {
  id: 'segments',
  title: { id: 'Nusantara dan mancanegara per bulan', en: 'Domestic and foreign by month' },
  after: 'arrivalsByMonth',
  kind: 'groupedBars',
  categories: MONTHS,
  series: [
    { name: { id: 'Nusantara', en: 'Domestic' }, values: DOMESTIC },
    { name: { id: 'Mancanegara', en: 'Foreign' }, values: FOREIGN },
  ],
};
// 2018 delegation target 50,000; no 2017 daily data before March, so no seasonal figures.
const progress: ProgressChart = {
  id: 'progress',
  title: { id: 'Capaian target 2018', en: 'Progress toward the 2018 target' },
  kind: 'progress',
  target: 50_000,
  targetLabel: { id: 'Target 2018', en: '2018 target' },
  figures: [
    { name: { id: 'Realisasi', en: 'Actual to date' }, value: 21_350, role: 'actual' },
    { name: { id: 'Seharusnya (linier)', en: 'Expected (linear)' }, value: 24_658, role: 'expected' },
    { name: { id: 'Seharusnya (musiman)', en: 'Expected (seasonal)' }, value: null, role: 'expected' },
    { name: { id: 'Proyeksi (linier)', en: 'Projected (linear)' }, value: 43_291, role: 'projection' },
  ],
};
const charts: Chart[] = [visitors, segments, progress];

const available = existsSync(CHROMIUM);
if (!available && !IN_CI) console.warn(`browser-html: skipped, ${CHROMIUM} not found (apt-get install chromium)`);
const suite = available || IN_CI ? describe : describe.skip;

suite('HTML report in headless Chromium', () => {
  let browser: Browser;
  let folder: string;

  beforeAll(async () => {
    if (!available) {
      throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (see .ci/run) so that this test runs`);
    }
    folder = mkdtempSync(join(tmpdir(), 'visitstat-html-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
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

  /** Opens the report and records every request, console error, page error and dialog. */
  async function open(locale: Locale) {
    const path = join(folder, `report-${locale}.html`);
    writeFileSync(path, renderHtml(doc, charts, locale));
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
    return { page, requests, errors, url: pathToFileURL(path).href };
  }

  const markValues = (page: Page, chartId: string) =>
    page.$$eval(`#chart-${chartId} .mark`, (marks) => marks.map((m) => Number(m.getAttribute('data-value'))));

  it('loads nothing from the network, logs no error, and draws one mark per value', async () => {
    const { page, requests, errors, url } = await open('en');
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    expect(await markValues(page, 'visitors')).toEqual(TOTAL);
    expect(await markValues(page, 'segments')).toHaveLength(24);
    expect((await markValues(page, 'segments')).sort((a, b) => a - b)).toEqual([...DOMESTIC, ...FOREIGN].sort((a, b) => a - b));
    // The null seasonal figure has no mark.
    expect(await markValues(page, 'progress')).toEqual([21_350, 24_658, 43_291]);
    await page.close();
  }, 60_000);

  it('draws bar heights in proportion to the values', async () => {
    const { page } = await open('en');
    const heights = await page.$$eval('#chart-visitors .mark', (marks) => marks.map((m) => (m as SVGGraphicsElement).getBBox().height));
    const perUnit = heights.map((h, i) => h / TOTAL[i]);
    for (const ratio of perUnit) expect(ratio).toBeCloseTo(perUnit[0], 6);
    const widths = await page.$$eval('#chart-progress .mark', (marks) => marks.map((m) => (m as SVGGraphicsElement).getBBox().width));
    expect(widths[1] / widths[0]).toBeCloseTo(24_658 / 21_350, 2);
    await page.close();
  }, 60_000);

  it('shows a hostile origin as text and runs no script', async () => {
    const { page, errors } = await open('id');
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.locator('#table-topOrigins td', { hasText: HOSTILE_ORIGIN }).count()).toBe(1);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('fits the width of an A4 page in print and saves screenshots', async () => {
    const { page } = await open('id');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report-id.png'), fullPage: true });
    // A4 (210 mm) less the 14 mm side margins of the @page rule, at 96 px per inch.
    const printableWidth = Math.floor(((210 - 28) / 25.4) * 96);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: printableWidth, height: 1000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(printableWidth);
    await page.screenshot({ path: join(ARTIFACTS, 'report-id-print.png'), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  }, 60_000);
});
