/**
 * How text from files and the command line appears in messages: never longer than about a line (a
 * 200 MB header must not become a 200 MB error), and never able to drive the terminal (a file name
 * holding an escape sequence or a right-to-left override is shown, not obeyed).
 */

/** Longest stretch of a value a message shows before cutting it. */
export const SHOWN_CHARS = 80;
/** Most items a message lists (headers, keys) before saying how many more there are. */
export const SHOWN_ITEMS = 20;

/**
 * C0 and C1 control characters, and the bidirectional embeddings, overrides and isolates (U+202A to
 * U+202E, U+2066 to U+2069) that reorder the text after them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds.
export const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text with every unsafe character written as an escape (`\u001b`), for stderr and verdicts. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE_CHARS, escapeChar);
}

/**
 * A value as JSON writes a string (quotes and control characters escaped), bidirectional controls and
 * C1 controls escaped too, cut to SHOWN_CHARS characters with its full length:
 * `"Tanggal,Jenis,…" (20,971,520 characters)`.
 */
export function quote(value: string): string {
  if (value.length <= SHOWN_CHARS) return jsonQuote(value);
  let cut = value.slice(0, SHOWN_CHARS);
  // Half a surrogate pair would print as garbage.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${jsonQuote(cut).slice(0, -1)}…" (${grouped(value.length)} characters)`;
}

const jsonQuote = (text: string) => JSON.stringify(text).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, escapeChar);
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Items quoted and joined with `, `, the first SHOWN_ITEMS of them, then how many more. */
export function quoteList(items: readonly string[]): string {
  const shown = items.slice(0, SHOWN_ITEMS).map(quote).join(', ');
  const more = items.length - SHOWN_ITEMS;
  return more > 0 ? `${shown} and ${grouped(more)} more` : shown;
}

/**
 * A whole number with commas between thousands (`20,971,520`). Not toLocaleString: its first call
 * loads the ICU number formatter, about 8 MB of memory and a few ms, for one message.
 */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
