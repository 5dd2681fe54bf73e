/**
 * The output layer: commands build a Doc (or, for JSON, any result value) and hand it here; each format
 * renders it (formats.ts). Formatting only; writing goes through writeOutput.
 */
export type { Cell, CellColumn, CellKind, Column, Doc, Label, PartialPeriod, Row, RowList, Table } from './doc';
export { columnarRows, lazyRows } from './doc';
export { renderJson } from './json';
export { shouldColor } from './color';
export {
  type Format,
  type OutputFormat,
  type Rendered,
  type RenderSettings,
  FORMATS,
  formatFromPath,
  knownExtensions,
  formatsFor,
  renderDoc,
} from './formats';
export { handleClosedStdout, writeOutput } from './output';
export {
  type Locale,
  bilingual,
  formatAsGiven,
  formatDate,
  formatDateSpan,
  formatDecimal,
  formatInt,
  formatMoney,
  formatMoneyShort,
  formatPartialPeriod,
  formatPercent,
  formatPeriod,
  label,
  resolveLocale,
} from './locale';
