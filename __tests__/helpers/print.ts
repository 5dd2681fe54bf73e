/**
 * An HTML file printed by headless Chromium to an A4 PDF, as a browser's print dialog would (CSS page
 * size and margin boxes), and the text of each printed page read back with PDF.js. Before printing,
 * every table row, header, title, note block and chart gets a tiny marker (`⟦table.row⟧` in 2px type,
 * absolutely placed so the layout does not move) so a test can tell which page each one landed on.
 */
// The page.evaluate() callbacks run in the browser, with the DOM's types.
/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';

export interface PrintedPages {
  /** Each page's text, whitespace removed (PDF text comes in pieces: `fi gures`). */
  text: string[];
  /** Each page's markers: `t3.r7` (table 3, row 7), `t3.h` (its header row), `t3.title`, `t3.notes`, `chart`. */
  marks: Set<string>[];
}

export async function printToPdf(browser: Browser, htmlPath: string, pdfPath: string): Promise<PrintedPages> {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
  await page.evaluate(() => {
    const mark = (element: Element, name: string) => {
      const host = element as HTMLElement;
      host.style.position = 'relative';
      const span = document.createElement('span');
      span.textContent = `⟦${name}⟧`;
      span.setAttribute('style', 'position:absolute;left:0;top:0;font-size:2px;line-height:1;color:#fff');
      host.prepend(span);
    };
    document.querySelectorAll('main > section').forEach((section, t) => {
      const title = section.querySelector('h2');
      if (title) mark(title, `t${t}.title`);
      const header = section.querySelector('thead th');
      if (header) mark(header, `t${t}.h`);
      section.querySelectorAll('tbody tr').forEach((row, r) => mark(row.firstElementChild!, `t${t}.r${r}`));
      const notes = section.querySelector('.notes');
      if (notes) mark(notes, `t${t}.notes`);
    });
    document.querySelectorAll('figure.chart figcaption').forEach((caption) => mark(caption, 'chart'));
  });
  await page.pdf({ path: pdfPath, preferCSSPageSize: true });
  await page.close();
  const pages = JSON.parse(execFileSync(process.execPath, [join(__dirname, 'pdf-text.mjs'), pdfPath], { encoding: 'utf8' })) as string[];
  return {
    text: pages.map((p) => p.replace(/\s+/g, '')),
    marks: pages.map((p) => new Set([...p.replace(/\s+/g, '').matchAll(/⟦([^⟧]+)⟧/g)].map((m) => m[1]))),
  };
}

/**
 * For each table: the rows on each page it is printed on. A table split across pages must leave at
 * least `minimum` rows on each (or all of them when it has fewer), repeat its header row there, and
 * keep its notes on the page of its last row.
 */
export function splitProblems(printed: PrintedPages, minimum = 3): string[] {
  const problems: string[] = [];
  const tables = new Set([...printed.marks.flatMap((m) => [...m])].filter((m) => /^t\d+\./.test(m)).map((m) => m.split('.')[0]));
  for (const table of tables) {
    const rowsByPage = printed.marks.map((m) => [...m].filter((x) => x.startsWith(`${table}.r`)).length);
    const pages = rowsByPage.flatMap((n, i) => (n > 0 ? [i] : []));
    const total = rowsByPage.reduce((a, b) => a + b, 0);
    for (const p of pages) {
      if (rowsByPage[p] < Math.min(minimum, total)) problems.push(`${table}: ${rowsByPage[p]} of ${total} rows on page ${p + 1}`);
      if (!printed.marks[p].has(`${table}.h`)) problems.push(`${table}: no header row on page ${p + 1}`);
    }
    const notesPage = printed.marks.findIndex((m) => m.has(`${table}.notes`));
    if (notesPage >= 0 && pages.length && notesPage !== pages[pages.length - 1]) {
      problems.push(`${table}: notes on page ${notesPage + 1}, last row on page ${pages[pages.length - 1] + 1}`);
    }
    const titlePage = printed.marks.findIndex((m) => m.has(`${table}.title`));
    if (titlePage >= 0 && pages.length && titlePage !== pages[0])
      problems.push(`${table}: title on page ${titlePage + 1}, rows from ${pages[0] + 1}`);
  }
  return problems;
}
