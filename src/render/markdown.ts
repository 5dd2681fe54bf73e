/** GitHub-flavoured markdown: `#` title, `##` per table, numeric columns right-aligned. */
import { humanCell, printable } from './cells';
import { type Doc, type Label, type Table, isNumericKind } from './doc';
import { type Locale, label } from './locale';

const NO_DATA = { id: 'Tidak ada data', en: 'No data' };

export function renderMarkdown(doc: Doc, locale: Locale): string {
  const text = (l: Label) => escapeMarkdown(label(l, locale));
  const blocks = [`# ${text(doc.title)}`];
  for (const table of doc.tables) {
    if (table.title) blocks.push(`## ${text(table.title)}`);
    blocks.push(table.rows.length ? gridOf(table, locale) : `*${text(NO_DATA)}*`);
    blocks.push(...(table.notes ?? []).map(text));
  }
  blocks.push(...(doc.notes ?? []).map(text), ...(doc.footer ?? []).map(text));
  return blocks.join('\n\n') + '\n';
}

function gridOf(table: Table, locale: Locale): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const header = table.columns.map((c) => escapeMarkdown(label(c.label, locale)));
  const rule = table.columns.map((c) => (isNumericKind(c.kind) ? '---:' : '---'));
  const rows = table.rows.map((row) => line(table.columns.map((c) => escapeMarkdown(humanCell(row[c.key] ?? null, c, locale)))));
  return [line(header), line(rule), ...rows].join('\n');
}

/**
 * Text becomes literal: markdown punctuation is backslash-escaped (so `|` cannot split a cell and
 * `<b>` is no HTML), and line breaks become spaces.
 */
function escapeMarkdown(text: string): string {
  return printable(text).replace(/[\\`*_[\]<>|#]/g, '\\$&');
}
