/**
 * `--format html`: one self-contained HTML5 file for `visitstat report`.
 *
 * API (for the command that wires the report):
 *
 *   renderHtml(doc: Doc, charts: Chart[], locale: Locale): string
 *
 * - `doc` is the same neutral Doc the other formats render: title as `<h1>`, each table as a
 *   `<section id="table-ID">` with `<h2>` title, the table (numbers formatted as in markdown, `-` for
 *   missing), its notes, then the doc notes and footer.
 * - `charts` (src/render/charts.ts) are inline SVG figures. A chart whose `after` names a table id is
 *   placed right after that table; the others go in a last section. Build them with
 *   `chartFromTable(table, { kind: 'bars' | 'groupedBars', category: 'month', values: ['visitors'] })`
 *   and `progressChart(progress)`, or as plain objects.
 * - `locale` picks every label (`lang` attribute too) and the number format.
 *
 * The file loads nothing: inline `<style>` only, system fonts, no `<script>`, no URL of any kind
 * (the tests grep for `http`, `src=`, `@import` and `url(`). Every text from the data is escaped.
 * `@page { size: A4 }` and print rules keep charts and table rows whole and colours printed.
 * The terminal-only `Table.bar` is ignored: the charts take its place.
 */
import { humanCell } from './cells';
import { type Chart, escapeMarkup, legendOf, renderChartSvg } from './charts';
import { type Doc, type Label, type Table, isNumericKind } from './doc';
import { type Locale, formatDateSpan, label } from './locale';

const NO_DATA = { id: 'Tidak ada data', en: 'No data' };
const MORE_CHARTS = { id: 'Grafik', en: 'Charts' };

export function renderHtml(doc: Doc, charts: Chart[], locale: Locale): string {
  const text = (l: Label) => escapeMarkup(label(l, locale));
  const tableIds = new Set(doc.tables.map((t) => t.id));
  const office = doc.office ? `<p class="office">${escapeMarkup(doc.office)}</p>` : '';
  const body = [`<header>${office}<h1>${text(doc.title)}</h1></header>`];
  for (const table of doc.tables) {
    const placed = charts.filter((c) => c.after === table.id);
    body.push(tableSection(table, locale), ...placed.map((c) => figure(c, locale)));
  }
  const unplaced = charts.filter((c) => c.after === undefined || !tableIds.has(c.after));
  if (unplaced.length) {
    body.push(`<section class="charts"><h2>${text(MORE_CHARTS)}</h2>${unplaced.map((c) => figure(c, locale)).join('\n')}</section>`);
  }
  body.push(...(doc.notes ?? []).map((n) => `<p class="note">${text(n)}</p>`));
  if (doc.footer?.length) body.push(`<footer>${doc.footer.map((f) => `<p>${text(f)}</p>`).join('')}</footer>`);
  const style = STYLE + pageRules(doc, locale);
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${text(doc.title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Print: a table short enough for one page is kept whole with its title and notes; a longer one may
 * break between rows, but never within its first or last KEEP_ROWS rows, so that no page holds fewer
 * than KEEP_ROWS of its rows, and its header row repeats on every page.
 */
const WHOLE_ROWS = 25;
const KEEP_ROWS = 3;

function tableSection(table: Table, locale: Locale): string {
  const text = (l: Label) => escapeMarkup(label(l, locale));
  const keep = table.rows.length <= WHOLE_ROWS ? ' class="keep"' : '';
  const parts = [`<section id="table-${escapeMarkup(table.id)}"${keep}>`];
  if (table.title) parts.push(`<h2>${text(table.title)}</h2>`);
  parts.push(table.rows.length ? grid(table, locale) : `<p class="empty">${text(NO_DATA)}</p>`);
  if (table.notes?.length) parts.push(`<div class="notes">${table.notes.map((n) => `<p class="note">${text(n)}</p>`).join('\n')}</div>`);
  parts.push('</section>');
  return parts.join('\n');
}

function grid(table: Table, locale: Locale): string {
  const cls = (kind: Table['columns'][number]['kind']) => (isNumericKind(kind) ? ' class="num"' : '');
  const head = table.columns.map((c) => `<th scope="col"${cls(c.kind)}>${escapeMarkup(label(c.label, locale))}</th>`);
  const rows = table.rows.map(
    (row) =>
      '<tr>' +
      table.columns.map((c) => `<td${cls(c.kind)}>${escapeMarkup(humanCell(row[c.key] ?? null, c, locale))}</td>`).join('') +
      '</tr>',
  );
  const body = (part: string[], cls = '') => `<tbody${cls}>\n${part.join('\n')}\n</tbody>`;
  const bodies =
    rows.length <= WHOLE_ROWS
      ? [body(rows)]
      : [
          body(rows.slice(0, KEEP_ROWS), ' class="keep"'),
          body(rows.slice(KEEP_ROWS, -KEEP_ROWS)),
          body(rows.slice(-KEEP_ROWS), ' class="keep"'),
        ];
  return `<table>\n<thead><tr>${head.join('')}</tr></thead>\n${bodies.join('\n')}\n</table>`;
}

function figure(chart: Chart, locale: Locale): string {
  const legend = legendOf(chart);
  const items = legend.map((item) => `<li><span class="swatch ${item.cssClass}"></span>${escapeMarkup(label(item.name, locale))}</li>`);
  return [
    `<figure class="chart" id="chart-${escapeMarkup(chart.id)}">`,
    `<figcaption>${escapeMarkup(label(chart.title, locale))}</figcaption>`,
    renderChartSvg(chart, locale),
    items.length ? `<ul class="legend">${items.join('')}</ul>` : '',
    '</figure>',
  ].join('\n');
}

/** Series colours are distinguishable in colour-blind vision and in greyscale print. */
const STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #5b6570; --rule: #d5dae0; --s0: #1f5fa8; --s1: #e08a1e; --s2: #3c9a5f; --s3: #8a5fb0; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f6f8; color: var(--ink); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 24px 32px 40px; background: #fff; }
h1 { font-size: 1.6em; margin: 0 0 0.6em; }
h2 { font-size: 1.2em; margin: 1.6em 0 0.5em; padding-bottom: 0.2em; border-bottom: 2px solid var(--rule); }
table { border-collapse: collapse; width: auto; max-width: 100%; margin: 0.4em 0; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { background: #eef1f4; font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
th.num { white-space: normal; }
tbody tr:nth-child(even) { background: #f8f9fb; }
.note, footer, .empty { color: var(--muted); font-size: 0.92em; margin: 0.4em 0; }
footer { margin-top: 2em; padding-top: 0.6em; border-top: 1px solid var(--rule); }
footer p { margin: 0.2em 0; }
figure.chart { margin: 1em 0 1.4em; }
figcaption { font-weight: 600; margin-bottom: 0.3em; }
svg.chart { display: block; width: 100%; height: auto; max-width: 720px; font-size: 12px; }
svg .grid { stroke: var(--rule); stroke-width: 1; }
svg .grid.zero { stroke: var(--muted); }
svg .tick, svg .category, svg .value { fill: var(--muted); }
svg .category { fill: var(--ink); }
svg .year { fill: var(--muted); font-size: 11px; }
svg .value { font-size: 11px; }
.s0 { fill: var(--s0); background: var(--s0); }
.s1 { fill: var(--s1); background: var(--s1); }
.s2 { fill: var(--s2); background: var(--s2); }
.s3 { fill: var(--s3); background: var(--s3); }
.role-actual { fill: var(--s0); background: var(--s0); }
.role-expected { fill: #a9b3bd; background: #a9b3bd; }
.role-projection { fill: #cfe0f3; stroke: var(--s0); stroke-dasharray: 4 3; background: #cfe0f3; border: 1px dashed var(--s0); }
svg .mark.partial { fill-opacity: 0.55; }
svg .hatch line { stroke: #fff; stroke-width: 2; }
.swatch.partial { background: repeating-linear-gradient(45deg, #1f5fa8 0 3px, #fff 3px 6px); }
svg .target-line { stroke: #c0392b; stroke-width: 2; stroke-dasharray: 6 4; }
svg .whisker line { stroke: #1b2631; stroke-width: 1.5; }
svg .target-label { fill: #c0392b; font-weight: 600; }
.swatch.target { background: none; border-top: 2px dashed #c0392b; height: 0; margin-top: 0.45em; }
.swatch.whisker { background: none; border-top: 2px solid #1b2631; height: 0; margin-top: 0.45em; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 0.3em 0 0; font-size: 0.9em; }
ul.legend li { display: flex; align-items: flex-start; gap: 6px; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 2px; flex: none; }
p.office { margin: 0 0 0.2em; color: var(--muted); font-weight: 600; letter-spacing: 0.02em; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  header, h2 { break-after: avoid; }
  section.keep, tbody.keep, tr, .notes, figure.chart { break-inside: avoid; }
  .notes, footer { break-before: avoid; }
  thead { display: table-header-group; }
  svg.chart { max-width: 100%; }
}
`;

const PAGE = { en: 'Page', id: 'Halaman' };
const OF = { en: 'of', id: 'dari' };
const GENERATED = { en: 'Generated', id: 'Dibuat' };

/**
 * A4 pages whose footer, printed from any browser's print dialog, gives the office and title on the
 * left and the day the report was made and `Page 2 of 5` on the right (CSS page margin boxes).
 */
function pageRules(doc: Doc, locale: Locale): string {
  const left = [doc.office, label(doc.title, locale)].filter((t) => t).join(' · ');
  const made = doc.generated ? `${label(GENERATED, locale)} ${formatDateSpan(doc.generated, doc.generated, locale)} · ` : '';
  const box = 'font: 8pt system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #5b6570;';
  return `@page { size: A4; margin: 15mm 14mm 16mm;
  @bottom-left { content: ${cssString(left)}; ${box} }
  @bottom-right { content: ${cssString(`${made}${label(PAGE, locale)} `)} counter(page) ${cssString(` ${label(OF, locale)} `)} counter(pages); ${box} }
}
`;
}

/** A CSS string of any text: every character but letters, digits and spaces as an escape, so no text ends the rule or the style. */
function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} ]/gu, (ch) => `\\${ch.codePointAt(0)!.toString(16)} `)}"`;
}
