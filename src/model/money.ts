/**
 * Exact money: rupiah as integer `bigint`, so estimates stay exact at any size, including past 2^53
 * where `number` starts rounding (national totals, or sums over many years, get there).
 * Counts stay `number` (exact below 2^53) and meet money only through `multiplyCount`.
 */
import { quote } from '../messages';

export type Rupiah = bigint;

export type RupiahParse = { ok: true; value: Rupiah } | { ok: false; reason: string };

/** Plain digits, or 1-3 digits then groups of three joined by one separator used throughout. */
const PLAIN = /^\d+$/;
const DOT_GROUPED = /^\d{1,3}(\.\d{3})+$/;
const COMMA_GROUPED = /^\d{1,3}(,\d{3})+$/;

/**
 * Reads a whole number of rupiah: `1500000`, `1.500.000` or `1,500,000`. Strict on purpose: `1,5`,
 * `1.5jt`, `Rp1.500.000`, `-3` and mixed separators are refused rather than guessed at, because a
 * misread rate silently scales every estimate.
 */
export function parseRupiah(text: string): RupiahParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty; expected a whole number of rupiah' };
  if (PLAIN.test(trimmed) || DOT_GROUPED.test(trimmed) || COMMA_GROUPED.test(trimmed)) {
    return { ok: true, value: BigInt(trimmed.replace(/[.,]/g, '')) };
  }
  return {
    ok: false,
    reason: `${quote(trimmed)} is not a whole number of rupiah (write 1500000, 1.500.000 or 1,500,000)`,
  };
}

/** count x rate, exact. The count must be a whole number >= 0 that `number` still holds exactly. */
export function multiplyCount(count: number, rate: Rupiah): Rupiah {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number from 0 to 2^53-1, got ${count}`);
  }
  return BigInt(count) * rate;
}

export function sumRupiah(values: Iterable<Rupiah>): Rupiah {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}

/** The midpoint of two non-negative amounts, an exact half rounded up (1..2 -> 2). */
export function midpointHalfUp(a: Rupiah, b: Rupiah): Rupiah {
  return (a + b + 1n) / 2n;
}
