/**
 * Plain text measured and folded in terminal columns (not UTF-16 units): a wide character takes two,
 * a combining mark none. string-width and wrap-ansi do the measuring; printable ASCII, nearly every
 * cell of a big table, is measured by its length without them.
 */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

/** `text` in at most `width` columns: cut, with `mark` (`…`, or `.` for an abbreviation) at the end. */
export function shorten(text: string, width: number, mark = '…'): string {
  if (displayWidth(text) <= width) return text;
  if (width <= displayWidth(mark)) return mark.slice(0, Math.max(0, width));
  // A hard wrap without word wrapping cuts at exactly the given width, by columns.
  return firstLine(wrapAnsi(text, width - displayWidth(mark), { hard: true, wordWrap: false, trim: false })) + mark;
}

/**
 * Prose in lines of at most `width` columns, broken at spaces; a word longer than a line is split, or
 * with `split` false left whole (and longer than the line).
 */
export function wrapProse(text: string, width: number, split = true): string[] {
  if (displayWidth(text) <= width) return [text];
  return wrapAnsi(text, width, { hard: split, trim: true }).split('\n');
}

/** The pieces of a word foldText may break between: after `-` and `/`. */
const piecesOf = (word: string): string[] => word.split(/(?<=[-/])(?=.)/);

/** The widest piece foldText never breaks. */
export function widestWord(text: string): number {
  return Math.max(0, ...text.split(/ +/).flatMap(piecesOf).map(displayWidth));
}

/**
 * A table cell or header in lines of at most `width` columns, broken at spaces and after `-` and `/`
 * (`Kementerian/` `Lembaga`, `Visitor-` `nights`), so names and paths stay whole and readable; a piece
 * still longer than the width is cut with `mark`. A leading indent (a sub-row) is kept on every line.
 */
export function foldText(text: string, width: number, mark = '…'): string[] {
  if (displayWidth(text) <= width) return [text];
  const indent = /^ */.exec(text)![0].slice(0, Math.max(0, width - 1));
  const room = width - indent.length;
  const lines: string[] = [];
  for (const word of text.slice(indent.length).split(/ +/)) {
    piecesOf(word).forEach((piece, k) => {
      if (piece === '') return;
      const last = lines[lines.length - 1];
      const joined = last === undefined ? piece : last + (k === 0 ? ' ' : '') + piece;
      if (last !== undefined && displayWidth(joined) <= room) lines[lines.length - 1] = joined;
      else lines.push(piece);
    });
  }
  return lines.map((line) => indent + shorten(line, room, mark));
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}
