/** One cell as people read it, shared by the terminal table, markdown and HTML. */
import { UNSAFE_CHARS } from '../messages';
import { type Exact, isExact, roundHalfUp } from '../stats/exact';
import { type Cell, type Column, decimalsOf, isMissing, isPartialPeriod, isPeriod } from './doc';
import {
  type Locale,
  formatDate,
  formatDecimal,
  formatInt,
  formatMoney,
  formatMoneyShort,
  formatPartialPeriod,
  formatPercent,
  formatPeriod,
} from './locale';

const MISSING_TEXT = '-';

export function humanCell(value: Cell, column: Column, locale: Locale): string {
  if (isMissing(value)) return MISSING_TEXT;
  if (typeof value === 'string') return printable(value);
  if (typeof value === 'bigint') return humanWhole(value, column, locale);
  if (typeof value === 'number' || isExact(value)) return humanNumber(value, column, locale);
  if (isPartialPeriod(value)) return formatPartialPeriod(value, locale);
  return isPeriod(value) ? formatPeriod(value, locale) : formatDate(value, locale);
}

function humanWhole(n: bigint, column: Column, locale: Locale): string {
  if (column.kind === 'money') return formatMoney(n, locale);
  if (column.kind === 'moneyShort') return formatMoneyShort(n, locale);
  return formatInt(n, locale);
}

function humanNumber(n: number | Exact, column: Column, locale: Locale): string {
  switch (column.kind) {
    case 'int':
      return formatInt(n, locale);
    case 'decimal':
      return formatDecimal(n, decimalsOf(column), locale);
    case 'percent':
      return formatPercent(n, decimalsOf(column), locale);
    case 'money':
    case 'moneyShort':
      return humanWhole(BigInt(roundHalfUp(n, 0)), column, locale);
    default:
      // A year or code in a text column: no grouping.
      return typeof n === 'number' ? String(n) : roundHalfUp(n, decimalsOf(column));
  }
}

/**
 * Text from the input shown on a terminal, in markdown or in HTML: line breaks and tabs become
 * spaces; other control characters (an ESC could recolour or clear the terminal) and bidirectional
 * overrides and isolates (U+202E would show `gnp.exe` as `exe.png`) become U+FFFD.
 */
export function printable(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ').replace(UNSAFE_CHARS, '\uFFFD');
}
