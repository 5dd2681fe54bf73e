/**
 * Arrival figures are never counted twice. Every figure read is kept here with its place (file and
 * line; a file of arrivals has a row per period and segment, so this is small), and resolved once
 * everything is read, by one rule:
 *
 * 1. **The same figure given twice**: the same segment (and, as dimensions are added, the same value
 *    of each) for the same span: a day, a month (or a year). `--on-overlap` decides: `error` (the
 *    default: the command fails, naming both places and both values), `first` or `last` (keep the one
 *    read first or last, in the order the files were given and their lines), `sum` (add them).
 * 2. **A coarser figure and finer ones within its span** (a month and days of that month; a year and
 *    its months or days): never added together. The finer ones win, and a coarser figure that differs
 *    from the sum of the finer ones that replace it is reported. Every figure is resolved as: its own
 *    value when no finer figure lies within its span, else the finer ones. A span is contained in the
 *    coarser spans `spansOf` lists for it, so a new level (annual figures) is one more span there.
 *
 * Pure: no I/O, no messages; the input layer words what it finds.
 */
import { type PeriodDate, isYearDate, isoDate } from './dates';
import { figureKey } from './arrival-key';
import type { ArrivalRow } from './records';

export const OVERLAP_POLICIES = ['error', 'first', 'last', 'sum'] as const;
export type OverlapPolicy = (typeof OVERLAP_POLICIES)[number];

/** Where a figure was read: the file as named in messages, and its line. */
export interface Place {
  source: string;
  line: number;
}

export interface PlacedArrival extends ArrivalRow, Place {}

/** A figure given again for the same span: where first, where again, and both values. */
export interface Overlap {
  first: PlacedArrival;
  again: PlacedArrival;
}

/** A coarser figure replaced by the finer ones within its span, whose sum differs from it. */
export interface CoarseMismatch {
  coarse: PlacedArrival;
  /** The sum of the finer figures used instead, how many they are, and where the first of them met is. */
  finerSum: number;
  finerCount: number;
  firstFiner: Place;
}

export interface LedgerResult {
  /** The figures to count, with their places: one per span and segment, none inside another's span. */
  rows: PlacedArrival[];
  /** Every figure given again (in the order met), whatever the policy. */
  overlaps: Overlap[];
  /** Coarser figures left out for finer ones: how many, and those that differ from them. */
  replaced: number;
  mismatches: CoarseMismatch[];
}

/**
 * The spans a period is a figure for, its own first, then each coarser one that contains it: a day
 * is in its month and its year, a month in its year, a year alone (an annual figure).
 */
export function spansOf(period: PeriodDate): string[] {
  const year = String(period.year);
  if (isYearDate(period)) return [year];
  const month = isoDate({ ...period, day: null });
  return period.day === null ? [month, year] : [isoDate(period), month, year];
}

/** A period as messages write it: `2017-03-09`, `2017-03`, `2017`. */
export function periodText(period: PeriodDate): string {
  return spansOf(period)[0];
}

/**
 * What else than the span makes a figure the same one: its file's breakdown (figures by destination or
 * country and totals of the same arrivals are kept apart, arrival-figures.ts), its segment and its
 * value of each dimension (arrival-key.ts).
 */
function dimensionsOf(row: ArrivalRow): string {
  return `${row.breakdown ?? 0}|${figureKey(row)}`;
}

export class ArrivalLedger {
  private readonly figures: PlacedArrival[] = [];

  add(row: ArrivalRow, place: Place): void {
    this.figures.push({ ...row, ...place });
  }

  get size(): number {
    return this.figures.length;
  }

  resolve(policy: OverlapPolicy): LedgerResult {
    const { kept, overlaps } = this.byKey(policy);
    // A span with a finer figure inside: its own figure is replaced.
    const hasFiner = new Set<string>();
    for (const figure of kept.values()) {
      const dims = dimensionsOf(figure);
      for (const span of spansOf(figure.period).slice(1)) hasFiner.add(`${dims}|${span}`);
    }
    const winners: PlacedArrival[] = [];
    const losers: PlacedArrival[] = [];
    for (const [key, figure] of kept) (hasFiner.has(key) ? losers : winners).push(figure);
    const finer = new Map<string, { sum: number; count: number; first: PlacedArrival }>();
    for (const figure of winners) {
      const dims = dimensionsOf(figure);
      for (const span of spansOf(figure.period).slice(1)) {
        const key = `${dims}|${span}`;
        const acc = finer.get(key);
        if (acc === undefined) finer.set(key, { sum: figure.count, count: 1, first: figure });
        else {
          acc.sum += figure.count;
          acc.count++;
        }
      }
    }
    const mismatches: CoarseMismatch[] = [];
    for (const coarse of losers) {
      const acc = finer.get(keyOf(coarse))!;
      if (acc.sum !== coarse.count) {
        mismatches.push({
          coarse,
          finerSum: acc.sum,
          finerCount: acc.count,
          firstFiner: { source: acc.first.source, line: acc.first.line },
        });
      }
    }
    return { rows: winners, overlaps, replaced: losers.length, mismatches };
  }

  /** One figure per span and dimensions, as the policy makes it, and every figure given again. */
  private byKey(policy: OverlapPolicy): { kept: Map<string, PlacedArrival>; overlaps: Overlap[] } {
    const kept = new Map<string, PlacedArrival>();
    const firsts = new Map<string, PlacedArrival>();
    const overlaps: Overlap[] = [];
    for (const figure of this.figures) {
      const key = keyOf(figure);
      const first = firsts.get(key);
      if (first === undefined) {
        firsts.set(key, figure);
        kept.set(key, figure);
        continue;
      }
      overlaps.push({ first, again: figure });
      if (policy === 'last') kept.set(key, figure);
      else if (policy === 'sum') {
        const sum = kept.get(key)!;
        kept.set(key, { ...sum, count: sum.count + figure.count });
      }
    }
    return { kept, overlaps };
  }
}

function keyOf(figure: PlacedArrival): string {
  return `${dimensionsOf(figure)}|${spansOf(figure.period)[0]}`;
}
