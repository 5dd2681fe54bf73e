/**
 * The output layer: commands build a Doc (or, for JSON, any result value) and hand it here.
 * Formatting only; writing goes through writeOutput.
 */
import type { Doc } from './doc';
import type { Locale } from './locale';

export type DocFormat = 'table' | 'csv' | 'markdown';

export interface RenderOptions {
  format: DocFormat;
  locale: Locale;
  /** Terminal table only; decide it with shouldColor. */
  color: boolean;
  /** Terminal table only: the columns every line must fit in (the terminal's, or --width); none when undefined. */
  width?: number;
  /** CSV only: `;`, decimal comma, CRLF and BOM. */
  excel?: boolean;
  /** CSV only: a UTF-8 BOM. */
  bom?: boolean;
}

/**
 * Each renderer is loaded only when its format is used: a JSON or CSV run must not pay for chalk and
 * the text measuring of tables, nor a table run for d3-dsv.
 */
export function renderDoc(doc: Doc, options: RenderOptions): string {
  switch (options.format) {
    case 'table': {
      const { renderTable } = require('./table') as typeof import('./table');
      return renderTable(doc, options.locale, options.color, options.width);
    }
    case 'csv': {
      const { renderCsv } = require('./csv') as typeof import('./csv');
      return renderCsv(doc, options);
    }
    case 'markdown': {
      const { renderMarkdown } = require('./markdown') as typeof import('./markdown');
      return renderMarkdown(doc, options.locale);
    }
  }
}

export type { Cell, CellKind, Column, Doc, Label, Row, RowList, Table } from './doc';
export { lazyRows } from './doc';
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
