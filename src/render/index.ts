/**
 * The output layer: commands build a Doc (or, for JSON, any result value) and hand it here.
 * Formatting only; writing goes through writeOutput.
 */
import { renderCsv } from './csv';
import type { Doc } from './doc';
import type { Locale } from './locale';
import { renderMarkdown } from './markdown';
import { renderTable } from './table';

export type DocFormat = 'table' | 'csv' | 'markdown';

export interface RenderOptions {
  format: DocFormat;
  locale: Locale;
  /** Terminal table only; decide it with shouldColor. */
  color: boolean;
  /** CSV only: `;`, decimal comma, CRLF and BOM. */
  excel?: boolean;
  /** CSV only: a UTF-8 BOM. */
  bom?: boolean;
}

export function renderDoc(doc: Doc, options: RenderOptions): string {
  switch (options.format) {
    case 'table':
      return renderTable(doc, options.locale, options.color);
    case 'csv':
      return renderCsv(doc, options);
    case 'markdown':
      return renderMarkdown(doc, options.locale);
  }
}

export type { Cell, CellKind, Column, Doc, Label, Row, Table } from './doc';
export { renderJson } from './json';
export { shouldColor } from './color';
export { type Format, formatFromPath, handleClosedStdout, writeOutput } from './output';
export {
  type Locale,
  bilingual,
  formatDate,
  formatDecimal,
  formatInt,
  formatMoney,
  formatMoneyShort,
  formatPercent,
  formatPeriod,
  label,
  resolveLocale,
} from './locale';
