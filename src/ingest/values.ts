/**
 * Field parsers for the input layer: counts and dates (SPEC "Counts", "Dates").
 *
 * They run once per field on files of tens of millions of rows, so the happy path is a char-code
 * loop that allocates nothing but its result; regexes and messages are only used once a value has
 * already failed. Failure is returned, not thrown: a string result is the human reason, lower case,
 * with the offending text quoted, so callers test `typeof r === 'string'`.
 */

import { quote } from '../messages';
import { type CalDate, daysInMonth, isoDate, isoWeekdayOf } from '../model/dates';
import { MAX_COUNT_TEXT } from '../model/exact';

export type DateFormat = 'dmy' | 'mdy';

/** Two-digit years below the pivot are 20xx, the others 19xx: `16` -> 2016, `69` -> 2069, `70` -> 1970. */
export const TWO_DIGIT_YEAR_PIVOT = 70;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const ZERO = 0x30;
const NINE = 0x39;
const SPACE = 0x20;
const DOT = 0x2e;
const COMMA = 0x2c;
const HYPHEN = 0x2d;
const SLASH = 0x2f;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** Spaces a spreadsheet or a copy from a web page leaves around a value, NBSP included. */
function isSpace(c: number): boolean {
  return c === SPACE || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x2007 || c === 0x202f;
}

function firstNonSpace(text: string): number {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** One past the last non-space character, never before `start`. */
function endOfContent(text: string, start: number): number {
  let end = text.length;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

// ---------------------------------------------------------------------------------------------
// Counts

const NOT_A_COUNT = -1;
const TOO_LARGE = -2;

/**
 * A non-negative integer count, or the reason it is not one. Surrounding spaces (NBSP too) are
 * ignored. Digits may be grouped in thousands by `.` or `,` (one kind per number; first group 1-3
 * digits, then groups of exactly 3). Plain digits may have leading zeros (`007` is 7), but a
 * grouped number may not (`0,150` reads as a decimal). A decimal part is refused even when it is
 * all zeros (`1.500,00`): the separators are then ambiguous, and refusing is the safe side.
 */
export function parseCount(text: string): number | string {
  const start = firstNonSpace(text);
  const end = endOfContent(text, start);
  const value = scanCount(text, start, end);
  return value >= 0 ? value : countFailure(text.slice(start, end), value);
}

/**
 * The hot path of parseCount, on a field's bytes: the count when the bytes are 1 to 15 ASCII digits,
 * optionally between spaces or tabs, else -1 and the caller decodes the field and uses parseCount
 * (which agrees on every input this accepts).
 */
export function countFromBytes(bytes: Uint8Array, start: number, end: number): number {
  while (start < end && (bytes[start] === SPACE || bytes[start] === 0x09)) start++;
  while (end > start && (bytes[end - 1] === SPACE || bytes[end - 1] === 0x09)) end--;
  if (start === end || end - start > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = bytes[i] - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Empty (after trimming) is missing: null, so the caller decides whether the column is required. */
export function parseOptionalCount(text: string): number | null | string {
  return firstNonSpace(text) === text.length ? null : parseCount(text);
}

/** The count in text[start, end), NOT_A_COUNT, or TOO_LARGE. */
function scanCount(text: string, start: number, end: number): number {
  if (start === end) return NOT_A_COUNT;
  let value = 0;
  let separator = 0; // the grouping character in use, 0 until one is seen
  let groupDigits = 0; // digits since the last separator, or since the start
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      value = value * 10 + (c - ZERO);
      groupDigits++;
    } else if (c !== DOT && c !== COMMA) {
      return NOT_A_COUNT;
    } else if (separator === 0) {
      if (groupDigits === 0 || groupDigits > 3 || text.charCodeAt(start) === ZERO) return NOT_A_COUNT;
      separator = c;
      groupDigits = 0;
    } else {
      if (c !== separator || groupDigits !== 3) return NOT_A_COUNT;
      groupDigits = 0;
    }
  }
  if (separator !== 0 && groupDigits !== 3) return NOT_A_COUNT;
  // Past 2^53 the sum loses precision but stays above the limit, so this test is still exact.
  return value > Number.MAX_SAFE_INTEGER ? TOO_LARGE : value;
}

const NEGATIVE = /^[-\u2212]\s*[\d.,]*\d/;
const DIGITS_AND_SEPARATORS = /^[\d.,]+$/;
/** Reads as a decimal in either convention: a last group of 1-2 digits, or a leading `0,`/`0.`. */
const DECIMAL_LOOKING = /[.,]\d{1,2}$|^0[.,]/;
const LAST_GROUP = /[.,](\d*)$/;

function countFailure(shown: string, code: number): string {
  if (shown === '') return 'empty';
  const quoted = quote(shown);
  return code === TOO_LARGE
    ? `too large: ${quoted} (the largest count is ${MAX_COUNT_TEXT}, 2^53 − 1)`
    : `${countProblem(shown)}: ${quoted}`;
}

/** Why `shown` (trimmed, non-empty, already known to be invalid) is not a count. */
function countProblem(shown: string): string {
  if (NEGATIVE.test(shown)) return 'negative';
  if (shown.charCodeAt(0) === 0x2b) return 'leading "+" not allowed';
  if (!DIGITS_AND_SEPARATORS.test(shown)) return 'not a number';
  if (DECIMAL_LOOKING.test(shown)) return 'not a whole number';
  if (shown.includes('.') && shown.includes(',')) {
    // With both kinds, the last one is a decimal point in every convention unless 3 digits follow.
    const lastGroup = LAST_GROUP.exec(shown)?.[1] ?? '';
    return lastGroup.length === 3 ? 'mixes "." and "," as separators' : 'not a whole number';
  }
  return 'bad thousands grouping';
}

// ---------------------------------------------------------------------------------------------
// Names of months and weekdays, looked up by a number packed from the lower-cased letters so that
// matching a word allocates nothing. 5 bits a letter, 10 letters at most: below 2^53.

const MAX_NAME_LETTERS = 10;
const UNKNOWN_WORD = -1;

const MONTH_NAMES: readonly (readonly string[])[] = [
  ['januari', 'january', 'jan'],
  ['februari', 'pebruari', 'february', 'feb', 'peb'],
  ['maret', 'march', 'mar'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['agustus', 'august', 'agu', 'agt', 'ags', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nopember', 'nov', 'nop'],
  ['desember', 'december', 'des', 'dec'],
];

/** ISO order, Monday first. `Jum'at` packs as `jumat`: apostrophes are skipped. */
const WEEKDAY_NAMES: readonly (readonly string[])[] = [
  ['senin', 'monday', 'sen', 'mon'],
  ['selasa', 'tuesday', 'sel', 'tue', 'tues'],
  ['rabu', 'wednesday', 'rab', 'wed'],
  ['kamis', 'thursday', 'kam', 'thu', 'thur', 'thurs'],
  ['jumat', 'friday', 'jum', 'fri'],
  ['sabtu', 'saturday', 'sab', 'sat'],
  ['minggu', 'ahad', 'sunday', 'min', 'sun'],
];

function packName(name: string): number {
  let code = 0;
  for (let i = 0; i < name.length; i++) code = code * 32 + (name.charCodeAt(i) - 0x60);
  return code;
}

/** Packed name -> 1-based position in `lists` (month 1..12, ISO weekday 1..7). */
function nameTable(lists: readonly (readonly string[])[]): Map<number, number> {
  const table = new Map<number, number>();
  lists.forEach((names, index) => names.forEach((name) => table.set(packName(name), index + 1)));
  return table;
}

const MONTHS = nameTable(MONTH_NAMES);

/** A month by its name alone (`Januari`, `Jan`, `Agt.`, `March`) or its number 1 to 12; null otherwise. */
export function monthOfName(text: string): number | null {
  const word = text.trim().toLowerCase().replace(/\.$/, '');
  if (/^\d{1,2}$/.test(word)) return Number(word) >= 1 && Number(word) <= 12 ? Number(word) : null;
  if (!/^[a-z]{3,10}$/.test(word)) return null;
  return MONTHS.get(packName(word)) ?? null;
}
const WEEKDAYS = nameTable(WEEKDAY_NAMES);

// ---------------------------------------------------------------------------------------------
// Date tokens. A date is value tokens (digits, words) with one separator token between each two:
// a run of spaces with at most one of `- / . ,` in it. Tokens go into module-level scratch arrays
// reused by every call (parseDate is synchronous, so no two calls can share them).

const DIGITS = 0;
const WORD = 1;
const SEPARATOR = 2;

/** Weekday, day, month, year and their separators, with room for one extra to detect excess. */
const MAX_TOKENS = 8;
const tokenKind = new Uint8Array(MAX_TOKENS);
/** Digits: their value (capped at 5 digits). Word: its packed name. Separator: its punctuation, or SPACE. */
const tokenValue = new Float64Array(MAX_TOKENS);
/** Digits or letters in the token. */
const tokenLength = new Int32Array(MAX_TOKENS);
const tokenStart = new Int32Array(MAX_TOKENS);
const tokenEnd = new Int32Array(MAX_TOKENS);

function isLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

function isDatePunctuation(c: number): boolean {
  return c === HYPHEN || c === SLASH || c === DOT || c === COMMA;
}

/** Tokenizes text[start, end) into the scratch arrays: the token count, or -1 if it has no date's shape. */
function tokenize(text: string, start: number, end: number): number {
  let count = 0;
  let i = start;
  while (i < end) {
    if (count === MAX_TOKENS) return -1;
    const c = text.charCodeAt(i);
    tokenStart[count] = i;
    if (isDigit(c)) i = readDigits(text, i, end, count);
    else if (isLetter(c)) i = readWord(text, i, end, count);
    else if (isSpace(c) || isDatePunctuation(c)) i = readSeparator(text, i, end, count);
    else return -1;
    const expectSeparator = count % 2 === 1;
    if (i < 0 || (tokenKind[count] === SEPARATOR) !== expectSeparator) return -1;
    count++;
  }
  return count % 2 === 1 ? count : -1;
}

function readDigits(text: string, i: number, end: number, slot: number): number {
  let value = 0;
  let length = 0;
  for (; i < end && isDigit(text.charCodeAt(i)); i++, length++) {
    if (length < 5) value = value * 10 + (text.charCodeAt(i) - ZERO);
  }
  tokenKind[slot] = DIGITS;
  tokenValue[slot] = value;
  tokenLength[slot] = length;
  tokenEnd[slot] = i;
  return i;
}

/** Letters and inner apostrophes; one dot right after the word is its abbreviation dot. */
function readWord(text: string, i: number, end: number, slot: number): number {
  let code = 0;
  let letters = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      if (letters < MAX_NAME_LETTERS) code = code * 32 + ((c | 0x20) - 0x60);
      letters++;
    } else if (!isApostrophe(c)) {
      break;
    }
  }
  tokenKind[slot] = WORD;
  tokenValue[slot] = letters > MAX_NAME_LETTERS ? UNKNOWN_WORD : code;
  tokenLength[slot] = letters;
  tokenEnd[slot] = i;
  return i < end && text.charCodeAt(i) === DOT ? i + 1 : i;
}

/** Spaces, at most one punctuation mark, spaces; -1 if a second mark follows. */
function readSeparator(text: string, i: number, end: number, slot: number): number {
  let mark = SPACE;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDatePunctuation(c)) {
      if (mark !== SPACE) return -1;
      mark = c;
    } else if (!isSpace(c)) {
      break;
    }
  }
  tokenKind[slot] = SEPARATOR;
  tokenValue[slot] = mark;
  tokenEnd[slot] = i;
  return i;
}

function isDigitsToken(t: number, minLength: number, maxLength: number): boolean {
  return tokenKind[t] === DIGITS && tokenLength[t] >= minLength && tokenLength[t] <= maxLength;
}

function isYearToken(t: number): boolean {
  return isDigitsToken(t, 2, 2) || isDigitsToken(t, 4, 4);
}

function separatorIs(t: number, a: number, b: number, c = a): boolean {
  const mark = tokenValue[t];
  return mark === a || mark === b || mark === c;
}

function yearOf(t: number): number {
  const value = tokenValue[t];
  if (tokenLength[t] !== 2) return value;
  return value < TWO_DIGIT_YEAR_PIVOT ? 2000 + value : 1900 + value;
}

function tokenText(text: string, t: number): string {
  return text.slice(tokenStart[t], tokenEnd[t]);
}

// ---------------------------------------------------------------------------------------------
// Dates

/** The fields of the last matched date: scratch again, so that matching allocates nothing. */
let foundYear = 0;
let foundMonth = 0;
let foundDay: number | null = null;

function found(year: number, month: number, day: number | null): true {
  foundYear = year;
  foundMonth = month;
  foundDay = day;
  return true;
}

/**
 * A day, or a month alone (`day: null`), or the reason the text is not one. Accepted: ISO
 * (`2016-03-09`, `2016/3/9`, `2017-08`); numeric day first (`9/3/2016`, `09-03-16`, `9.3.2016`), or
 * month first with format 'mdy' (never guessed from the values); `08/2017`; month names in
 * Indonesian or English (`9 Maret 2016`, `09-Mar-2016`, `9-Agt-17`, `March 9, 2016`,
 * `Agustus 2017`, `Aug-17`), with an optional leading weekday that must match the date
 * (`Kamis, 9 Maret 2017`). Impossible dates are errors, never rolled over. Two-digit years use
 * TWO_DIGIT_YEAR_PIVOT; years outside MIN_YEAR..MAX_YEAR are errors.
 */
/** A time of day after the date, as Excel writes (`9/3/2016 0:00`, `2016-03-09 10:30:00`): ignored. */
const TRAILING_TIME = /(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AP]M)?\s*$/i;

export function parseDate(text: string, format: DateFormat = 'dmy'): CalDate | string {
  if (text.indexOf(':') >= 0) text = text.replace(TRAILING_TIME, '');
  const start = firstNonSpace(text);
  const end = endOfContent(text, start);
  if (start === end) return 'empty';
  const count = tokenize(text, start, end);
  if (count < 0) return notADate(text, start, end);
  const first = leadingWeekdayTokens(count);
  if (!matchDate(first, count, format)) return unmatchedReason(text, start, end, count, format);
  if (foundMonth === UNKNOWN_MONTH) return unknownMonthReason(text, start, end, first);
  if (!isPossibleDate()) return impossibleDateReason(text, start, end);
  const date: CalDate = { year: foundYear, month: foundMonth, day: foundDay };
  return first === 0 ? date : checkWeekday(text, date);
}

/** 2 if the text opens with a known weekday name and a comma or space, else 0. */
function leadingWeekdayTokens(count: number): number {
  const opensWithWeekday = count >= 3 && tokenKind[0] === WORD && WEEKDAYS.has(tokenValue[0]);
  return opensWithWeekday && separatorIs(1, COMMA, SPACE) ? 2 : 0;
}

/** Whether tokens [first, count) have an accepted shape; if so their fields are in found*. */
function matchDate(first: number, count: number, format: DateFormat): boolean {
  const values = (count - first + 1) / 2;
  if (values === 3) return matchDayMonthYear(first, format);
  return values === 2 && matchMonthYear(first);
}

/** Shapes with a day: `2016-03-09`, `9/3/2016`, `9 Maret 2016`, `March 9, 2016`. */
function matchDayMonthYear(a: number, format: DateFormat): boolean {
  const b = a + 2;
  const c = a + 4;
  const sameSeparators = tokenValue[a + 1] === tokenValue[a + 3];
  if (tokenKind[b] === WORD) {
    return (
      isDigitsToken(a, 1, 2) &&
      isYearToken(c) &&
      sameSeparators &&
      separatorIs(a + 1, SPACE, HYPHEN, SLASH) &&
      found(yearOf(c), monthOfWord(b), tokenValue[a])
    );
  }
  if (tokenKind[a] === WORD) {
    return (
      isDigitsToken(b, 1, 2) &&
      isDigitsToken(c, 4, 4) &&
      tokenValue[a + 1] === SPACE &&
      separatorIs(a + 3, SPACE, COMMA) &&
      found(tokenValue[c], monthOfWord(a), tokenValue[b])
    );
  }
  if (!sameSeparators || !separatorIs(a + 1, HYPHEN, SLASH, DOT)) return false;
  if (isDigitsToken(a, 4, 4) && isDigitsToken(b, 1, 2) && isDigitsToken(c, 1, 2)) {
    return found(tokenValue[a], tokenValue[b], tokenValue[c]);
  }
  if (!isDigitsToken(a, 1, 2) || !isDigitsToken(b, 1, 2) || !isYearToken(c)) return false;
  const dayFirst = format === 'dmy';
  return found(yearOf(c), tokenValue[dayFirst ? b : a], tokenValue[dayFirst ? a : b]);
}

/** Month-only shapes: `2017-08`, `08/2017`, `Agustus 2017`, `Aug-2017`, `Aug-17`. */
function matchMonthYear(a: number): boolean {
  const b = a + 2;
  const separator = tokenValue[a + 1];
  if (tokenKind[a] === WORD) {
    const fourDigitYear = isDigitsToken(b, 4, 4) && (separator === SPACE || separator === HYPHEN);
    // `Aug 17` could be a day without a year; only the spreadsheet form `Aug-17` is a month.
    const twoDigitYear = isDigitsToken(b, 2, 2) && separator === HYPHEN;
    return (fourDigitYear || twoDigitYear) && found(yearOf(b), monthOfWord(a), null);
  }
  if (separator !== HYPHEN && separator !== SLASH) return false;
  if (isDigitsToken(a, 4, 4) && isDigitsToken(b, 1, 2)) return found(tokenValue[a], tokenValue[b], null);
  return isDigitsToken(a, 1, 2) && isDigitsToken(b, 4, 4) && found(tokenValue[b], tokenValue[a], null);
}

/** Marks a word that names no month; digits can never give a negative month. */
const UNKNOWN_MONTH = -1;

function monthOfWord(t: number): number {
  return MONTHS.get(tokenValue[t]) ?? UNKNOWN_MONTH;
}

function unknownMonthReason(text: string, start: number, end: number, first: number): string {
  let t = first;
  while (tokenKind[t] !== WORD || MONTHS.has(tokenValue[t])) t += 2;
  return `unknown month name ${quote(tokenText(text, t))}: ${quote(text.slice(start, end))}`;
}

/** `not a date`, unless only an unknown word before a comma (a misspelt weekday) keeps it from being one. */
function unmatchedReason(text: string, start: number, end: number, count: number, format: DateFormat): string {
  const unknownLeadingWord = count >= 3 && tokenKind[0] === WORD && !WEEKDAYS.has(tokenValue[0]) && tokenValue[1] === COMMA;
  if (!unknownLeadingWord || !matchDate(2, count, format)) return notADate(text, start, end);
  return `unknown weekday name ${quote(tokenText(text, 0))}: ${quote(text.slice(start, end))}`;
}

function isPossibleDate(): boolean {
  if (foundYear < MIN_YEAR || foundYear > MAX_YEAR || foundMonth < 1 || foundMonth > 12) return false;
  return foundDay === null || (foundDay >= 1 && foundDay <= daysInMonth(foundYear, foundMonth));
}

function impossibleDateReason(text: string, start: number, end: number): string {
  const quoted = quote(text.slice(start, end));
  if (foundYear < MIN_YEAR || foundYear > MAX_YEAR) return `year ${foundYear} outside ${MIN_YEAR}..${MAX_YEAR}: ${quoted}`;
  if (foundMonth < 1 || foundMonth > 12) return `no month ${foundMonth}: ${quoted}`;
  return `no day ${foundDay} in ${isoDate({ year: foundYear, month: foundMonth, day: null })}: ${quoted}`;
}

function checkWeekday(text: string, date: CalDate): CalDate | string {
  const name = tokenText(text, 0);
  if (date.day === null) return `weekday ${quote(name)} given for a whole month ${isoDate(date)}`;
  const matches = WEEKDAYS.get(tokenValue[0]) === isoWeekdayOf(date.year, date.month, date.day);
  return matches ? date : `weekday ${quote(name)} does not match ${isoDate(date)}`;
}

function notADate(text: string, start: number, end: number): string {
  return `not a date: ${quote(text.slice(start, end))}`;
}
