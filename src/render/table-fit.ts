/**
 * How a table fits a given width: each column's width, whether cells keep their padding and the bar
 * its column, or, when nothing fits, one block of `label: value` lines per row. Pure arithmetic on
 * widths in terminal columns, linear in the number of columns.
 *
 * A table gives up, in this order, only as much as it must:
 * 1. the bar narrows (down to 8);
 * 2. headers go onto several lines, broken between words;
 * 3. text cells wrap (down to 10 columns);
 * 4. headers are abbreviated (`Deleg.`, down to 4 columns);
 * 5. the bar goes;
 * 6. the padding inside cells goes;
 * then the record layout. Numbers are never cut: a number column is at least as wide as its widest
 * cell. Whatever room is left after the last step taken goes back to the steps before it, the latest
 * first (so text wraps no more than it must once headers are abbreviated, and so on).
 */

/** What one column needs, in terminal columns. */
export interface ColumnNeed {
  /** The header on one line. */
  header: number;
  /** The widest word of the header (it may break between words, and after `-` or `/`). */
  headerWord: number;
  /** The widest cell. */
  data: number;
  /** Text that may wrap onto several lines; numbers never do. */
  wraps: boolean;
  /** The decorative bar: narrows first, and is the first to go. */
  bar?: boolean;
}

export type Layout =
  | {
      kind: 'grid';
      /** Spaces on each side of a cell: 1, or 0 when that is what it takes to fit. */
      padding: 0 | 1;
      /** One per column (the bar's too). */
      widths: number[];
      /** False when the bar's column is left out. */
      bar: boolean;
    }
  | { kind: 'records' };

/** A header is abbreviated to no fewer columns than this (or its own width). */
const HEADER_MIN = 4;
/** Text cells wrap at no fewer columns than this (or their widest cell). */
const TEXT_MIN = 10;
/** The narrowest bar worth drawing. */
const BAR_MIN = 8;

interface State {
  bar: 'whole' | 'narrow' | 'none';
  header: 'whole' | 'words' | 'short';
  text: 'whole' | 'wrapped';
  padding: 0 | 1;
}

/** Natural first, then each step of the list above. */
const STATES: State[] = [
  { bar: 'whole', header: 'whole', text: 'whole', padding: 1 },
  { bar: 'narrow', header: 'whole', text: 'whole', padding: 1 },
  { bar: 'narrow', header: 'words', text: 'whole', padding: 1 },
  { bar: 'narrow', header: 'words', text: 'wrapped', padding: 1 },
  { bar: 'narrow', header: 'short', text: 'wrapped', padding: 1 },
  { bar: 'none', header: 'short', text: 'wrapped', padding: 1 },
  { bar: 'none', header: 'short', text: 'wrapped', padding: 0 },
];

/** The layout for `available` columns (undefined: no limit, every column at its natural width). */
export function fitTable(needs: ColumnNeed[], available: number | undefined): Layout {
  const natural = widthsIn(needs, STATES[0]);
  if (available === undefined) return { kind: 'grid', padding: 1, widths: natural, bar: true };
  const taken = STATES.findIndex((state) => sum(widthsIn(needs, state)) <= budgetIn(needs, state, available));
  if (taken < 0) return { kind: 'records' };
  const final = STATES[taken];
  const budget = budgetIn(needs, final, available);
  let widths = widthsIn(needs, final);
  // Give the room left back to the steps taken, the latest first; a bar left out and the padding stay so.
  for (let step = taken - 1; step >= 0; step--) {
    const undone = { ...STATES[step], padding: final.padding, bar: final.bar === 'none' ? final.bar : STATES[step].bar };
    widths = share(widths, widthsIn(needs, undone), budget);
  }
  return { kind: 'grid', padding: final.padding, widths, bar: final.bar !== 'none' };
}

/** Borders (and padding) of a row of `columns` cells: `│ a │ b │`. */
export function frameWidth(columns: number, padding: 0 | 1): number {
  return columns + 1 + 2 * padding * columns;
}

/** Columns left for the cells themselves once the frame is drawn. */
function budgetIn(needs: ColumnNeed[], state: State, available: number): number {
  const shown = state.bar === 'none' ? needs.filter((n) => !n.bar).length : needs.length;
  return available - frameWidth(shown, state.padding);
}

function widthsIn(needs: ColumnNeed[], state: State): number[] {
  return needs.map((need) => widthIn(need, state));
}

function widthIn(need: ColumnNeed, state: State): number {
  if (need.bar) return state.bar === 'whole' ? need.data : state.bar === 'narrow' ? Math.min(need.data, BAR_MIN) : 0;
  const header =
    state.header === 'whole' ? need.header : state.header === 'words' ? need.headerWord : Math.min(need.headerWord, HEADER_MIN);
  const data = need.wraps && state.text === 'wrapped' ? Math.min(need.data, TEXT_MIN) : need.data;
  return Math.max(header, data);
}

/**
 * Widths between `least` and `most` adding up to at most `budget`, narrowing the widest columns first:
 * the largest cap such that every column is min(most, max(least, cap)); what is left goes to the
 * columns nearest their `most` first, so that as many as possible get all they want.
 */
function share(least: number[], most: number[], budget: number): number[] {
  const at = (cap: number) => most.map((m, i) => Math.min(Math.max(m, least[i]), Math.max(least[i], cap)));
  let [low, high] = [0, Math.max(0, ...most)];
  while (low < high) {
    const cap = Math.ceil((low + high) / 2);
    if (sum(at(cap)) <= budget) low = cap;
    else high = cap - 1;
  }
  const widths = at(low);
  let spare = budget - sum(widths);
  const short = widths.map((_, i) => i).filter((i) => widths[i] < most[i]);
  short.sort((a, b) => most[a] - widths[a] - (most[b] - widths[b]) || a - b);
  for (const i of short) {
    const more = Math.min(spare, most[i] - widths[i]);
    widths[i] += more;
    spare -= more;
  }
  return widths;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
