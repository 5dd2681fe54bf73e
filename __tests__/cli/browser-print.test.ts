/**
 * The HTML report printed: Chromium's print-to-PDF (as from a browser's print dialog) on A4, read back
 * page by page. No table split leaving fewer than 3 rows on a page, header rows repeated, notes and
 * titles with their rows, no page of the footer alone, and every page's footer with the office, the
 * title, the day made and `Page k of N` where N is the page count. Skipped locally without
 * /usr/bin/chromium; fails under CI (see browser-html).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import type { Doc, Row } from '../../src/render/doc';
import { renderHtml } from '../../src/render/html';
import { formatDateSpan } from '../../src/render/locale';
import { visitstat } from '../helpers/cli';
import { type PrintedPages, printToPdf, splitProblems } from '../helpers/print';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IN_CI = !!process.env.CI && process.env.CI !== 'false';
const SAMPLE = ['arrivals-2016', 'arrivals-2017', 'delegations-2016', 'delegations-2017', 'delegations-2018'].map(
  (f) => `fixtures/sample/${f}.csv`,
);
const OFFICE = 'Dinas Pariwisata Kabupaten Contoh';

const available = existsSync(CHROMIUM);
if (!available && !IN_CI) console.warn(`browser-print: skipped, ${CHROMIUM} not found (apt-get install chromium)`);
const suite = available || IN_CI ? describe : describe.skip;

const squeeze = (text: string) => text.replace(/\s+/g, '');

suite('the HTML report printed to PDF by Chromium', () => {
  let browser: Browser;
  let folder: string;

  beforeAll(async () => {
    if (!available) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (see .ci/run)`);
    folder = mkdtempSync(join(tmpdir(), 'visitstat-print-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

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
