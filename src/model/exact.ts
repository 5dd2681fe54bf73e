/**
 * Counts are `number`: every whole number up to 2^53 − 1 is exact, and so is every sum that stays
 * there. Past it a sum would round without a word, so it is refused instead (an input error naming
 * what would not add up). Counts are never negative, so a running sum only grows: a total found safe
 * means every partial sum on the way to it was exact, and one that passed the limit is never safe
 * again (rounding is monotonic), so checking the total alone is enough.
 */
import { InputError } from '../errors';

/** The largest count visitstat adds: 2^53 − 1 (`Number.MAX_SAFE_INTEGER`). */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** 9,007,199,254,740,991: as messages write it. */
export const MAX_COUNT_TEXT = '9,007,199,254,740,991';

/** The sum, when it is exact; else an InputError saying that `what` (e.g. "the domestic arrivals of 2017") add up past the limit. */
export function exactSum(sum: number, what: string): number {
  if (Number.isSafeInteger(sum)) return sum;
  throw new InputError(
    `${what} add up to more than ${MAX_COUNT_TEXT} (2^53 − 1), past which sums are not exact; check the counts (a digit too many?)`,
  );
}
