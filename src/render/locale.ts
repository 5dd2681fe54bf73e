/**
 * Human formatting for `--locale id|en`, written by hand so that output is the same on every machine
 * (no dependence on the ICU data Node was built with). Non-finite numbers format as `-` (not available).
 *
 * Every decimal any format prints is rounded by one function, roundHalfUp (src/stats/exact.ts): half
 * up from the exact value of an Exact, or from the decimal a number reads as. formatPlain is the form
 * for machines (CSV, and any renderer that writes numbers), formatDecimal the one for people.
 */
import { UsageError } from '../errors';
import { quote } from '../messages';
import type { DayRange } from '../model/coverage';
import { type CalDate, daysInMonth } from '../model/dates';
import type { Period } from '../model/period';
import { type Exact, roundHalfUp, roundRatioHalfUp, roundRootHalfUp } from '../stats/exact';
import type { Label, PartialPeriod } from './doc';

export type Locale = 'id' | 'en';

const MISSING = '-';

interface Separators {
  group: string;
  decimal: string;
}
const SEPARATORS: Record<Locale, Separators> = { id: { group: '.', decimal: ',' }, en: { group: ',', decimal: '.' } };

const MONTHS: Record<Locale, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};
const WEEKDAYS: Record<Locale, string[]> = {
  id: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

/** `--locale` flag, then the config file, then LC_ALL or LANG starting with `id`, else English. */
export function resolveLocale(flag: string | undefined, configLocale: Locale | undefined, env: NodeJS.ProcessEnv): Locale {
  if (flag !== undefined) {
    if (flag !== 'id' && flag !== 'en') throw new UsageError(`--locale must be "id" or "en", not ${quote(flag)}`);
    return flag;
  }
  if (configLocale) return configLocale;
  const system = env.LC_ALL || env.LANG || '';
  return /^id(?:[_.@-]|$)/i.test(system) ? 'id' : 'en';
}

export function label(text: Label, locale: Locale): string {
  return typeof text === 'string' ? text : text[locale];
}

/** A label built by one function for both locales: `bilingual((l) => formatInt(n, l) + ...)`. */
export function bilingual(text: (locale: Locale) => string): Label {
  return { en: text('en'), id: text('id') };
}

function groupDigits(digits: string, separator: string): string {
  return digits.length <= 3 ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

const ZEROS = ['', '0', '00', '000', '0000'];

/**
 * A number rounded half up to `decimals` with the given decimal mark and no grouping: the machine form
 * CSV writes (`-1234.5`, or `-1234,5` for Excel with Indonesian settings); empty when not finite.
 */
export function formatPlain(n: number | Exact, decimals: number, decimalMark: '.' | ','): string {
  if (typeof n === 'number') {
    if (!Number.isFinite(n)) return '';
    // A whole number (most sizes, medians and minima) needs no rounding: its digits and zeros.
    if (Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER)
      return decimals > 0 ? `${n}${decimalMark}${ZEROS[decimals] ?? '0'.repeat(decimals)}` : `${n}`;
  }
  const text = roundHalfUp(n, decimals);
  return decimalMark === '.' ? text : text.replace('.', decimalMark);
}

/** formatPlain of the exact ratio num / den (safe integers, den > 0), kept as two numbers. */
export function formatPlainRatio(num: number, den: number, decimals: number, decimalMark: '.' | ','): string {
  const text = roundRatioHalfUp(num, den, decimals);
  return decimalMark === '.' ? text : text.replace('.', decimalMark);
}

/** formatPlain of the square root of num / den (safe integers, num >= 0, den > 0), kept as two numbers. */
export function formatPlainRoot(num: number, den: number, decimals: number, decimalMark: '.' | ','): string {
  const text = roundRootHalfUp(num, den, decimals);
  return decimalMark === '.' ? text : text.replace('.', decimalMark);
}

export function formatDecimal(n: number | Exact, decimals: number, locale: Locale): string {
  if (typeof n === 'number' && !Number.isFinite(n)) return MISSING;
  const { group, decimal } = SEPARATORS[locale];
  const plain = formatPlain(n, decimals, '.');
  const sign = plain.charCodeAt(0) === 45 ? 1 : 0;
  const dot = decimals > 0 ? plain.length - decimals - 1 : plain.length;
  return plain.slice(0, sign) + groupDigits(plain.slice(sign, dot), group) + (decimals > 0 ? decimal + plain.slice(dot + 1) : '');
}

/** A whole number with thousands grouping (`24.150` / `24,150`); a fraction is rounded half up. */
export function formatInt(n: number | bigint | Exact, locale: Locale): string {
  if (typeof n !== 'bigint') return formatDecimal(n, 0, locale);
  const digits = groupDigits((n < 0n ? -n : n).toString(), SEPARATORS[locale].group);
  return (n < 0n ? '-' : '') + digits;
}

/** A number from the user (a tolerance, a band's minimum) with the decimals it was given with: `2,55` / `2.55`. */
export function formatAsGiven(n: number, locale: Locale): string {
  const fraction = /\.(\d+)$/.exec(String(n));
  return formatDecimal(n, fraction ? fraction[1].length : 0, locale);
}

/** `percentPoints` is already x100: 78.5 formats as `78,5%` / `78.5%`. */
export function formatPercent(percentPoints: number | Exact, decimals: number, locale: Locale): string {
  if (typeof percentPoints === 'number' && !Number.isFinite(percentPoints)) return MISSING;
  return formatDecimal(percentPoints, decimals, locale) + '%';
}

function withCurrency(negative: boolean, amount: string, locale: Locale): string {
  return (negative ? '-' : '') + (locale === 'id' ? `Rp${amount}` : `IDR ${amount}`);
}

/** Whole rupiah in full: `Rp7.467.219.000.000` / `IDR 7,467,219,000,000`. */
export function formatMoney(rupiah: bigint, locale: Locale): string {
  return withCurrency(rupiah < 0n, formatInt(rupiah < 0n ? -rupiah : rupiah, locale), locale);
}

const SCALES: { size: bigint; id: string; en: string }[] = [
  { size: 10n ** 6n, id: 'juta', en: 'million' },
  { size: 10n ** 9n, id: 'miliar', en: 'billion' },
  { size: 10n ** 12n, id: 'triliun', en: 'trillion' },
];

/** abs / size in hundredths, rounded half up, in exact integer arithmetic. */
const hundredths = (abs: bigint, size: bigint) => (abs * 100n + size / 2n) / size;

/**
 * Two decimals and a scale word: `Rp7,47 triliun` / `IDR 7.47 trillion`. Rounding that reaches
 * 1000 of a scale moves up to the next (999,999,999 is `Rp1,00 miliar`). Below a million: in full.
 */
export function formatMoneyShort(rupiah: bigint, locale: Locale): string {
  const abs = rupiah < 0n ? -rupiah : rupiah;
  let index = SCALES.length - 1;
  while (index >= 0 && abs < SCALES[index].size) index--;
  if (index < 0) return formatMoney(rupiah, locale);
  let scaled = hundredths(abs, SCALES[index].size);
  while (scaled >= 100_000n && index < SCALES.length - 1) scaled = hundredths(abs, SCALES[++index].size);
  const { group, decimal } = SEPARATORS[locale];
  const whole = groupDigits((scaled / 100n).toString(), group);
  const fraction = (scaled % 100n).toString().padStart(2, '0');
  return withCurrency(rupiah < 0n, `${whole}${decimal}${fraction} ${SCALES[index][locale]}`, locale);
}

const monthName = (month: number, locale: Locale) => MONTHS[locale][month - 1];

/** `Maret 2016` / `Mar 2016`, `Triwulan I 2016` / `Q1 2016`, `2016`, `Senin` / `Monday`, `9 Maret 2016`. */
export function formatPeriod(p: Period, locale: Locale): string {
  switch (p.unit) {
    case 'day':
      return `${p.day} ${monthName(p.month, locale)} ${p.year}`;
    case 'month':
      return `${monthName(p.month, locale)} ${p.year}`;
    case 'quarter':
      return locale === 'id' ? `Triwulan ${ROMAN_QUARTERS[p.quarter - 1]} ${p.year}` : `Q${p.quarter} ${p.year}`;
    case 'year':
      return String(p.year);
    case 'weekday':
      return WEEKDAYS[locale][p.weekday - 1];
  }
}

/**
 * A period with the days it covers: `Agustus 2018 (1–9)` within a month; in a quarter or year, whole
 * months by name (`Triwulan I 2017 (Maret)`, `Q2 2017 (Apr–May)`) and other ranges by day
 * (`2018 (1 Jan–9 Aug)`, `2017 (1–5 Mar)`); several ranges joined by commas.
 */
export function formatPartialPeriod({ period, covered }: PartialPeriod, locale: Locale): string {
  const range = (r: DayRange) => (period.unit === 'month' ? dayRange(r) : calendarRange(r, locale));
  return `${formatPeriod(period, locale)} (${covered.map(range).join(', ')})`;
}

function dayRange({ from, to }: DayRange): string {
  return from.day === to.day ? String(from.day) : `${from.day}–${to.day}`;
}

function calendarRange({ from, to }: DayRange, locale: Locale): string {
  const wholeMonths = from.day === 1 && to.day === daysInMonth(to.year, to.month);
  const day = (d: DayRange['from']) => `${d.day} ${monthName(d.month, locale)}`;
  if (!wholeMonths) {
    if (from.month !== to.month) return `${day(from)}–${day(to)}`;
    return from.day === to.day ? day(from) : `${from.day}–${day(to)}`;
  }
  return from.month === to.month ? monthName(from.month, locale) : `${monthName(from.month, locale)}–${monthName(to.month, locale)}`;
}

/** `9 Maret 2016` / `9 Mar 2016`, or `Maret 2016` for a month-only date. */
export function formatDate(d: CalDate, locale: Locale): string {
  return d.day === null
    ? formatPeriod({ unit: 'month', year: d.year, month: d.month }, locale)
    : formatPeriod({ unit: 'day', year: d.year, month: d.month, day: d.day }, locale);
}

const LONG_MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A span of dates with months in full, the year said once when both ends share it:
 * `4 Januari – 10 November 2016` / `4 January – 10 November 2016`, `January – December 2017` for
 * monthly figures, `13–20 March 2017` within a month, `4 January 2016 – 9 August 2018` across years.
 */
export function formatDateSpan(from: CalDate, to: CalDate, locale: Locale): string {
  const month = (d: CalDate) => (locale === 'en' ? LONG_MONTHS_EN[d.month - 1] : monthName(d.month, locale));
  const dayMonth = (d: CalDate) => (d.day === null ? month(d) : `${d.day} ${month(d)}`);
  const sameDay = from.year === to.year && from.month === to.month && from.day === to.day;
  if (sameDay) return `${dayMonth(to)} ${to.year}`;
  if (from.year === to.year && from.month === to.month && from.day !== null && to.day !== null)
    return `${from.day}–${dayMonth(to)} ${to.year}`;
  if (from.year === to.year) return `${dayMonth(from)} – ${dayMonth(to)} ${to.year}`;
  return `${dayMonth(from)} ${from.year} – ${dayMonth(to)} ${to.year}`;
}
