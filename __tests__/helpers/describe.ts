/** Comparing descriptions (src/stats/describe.ts) made by different routes over the same values. */
import type { ExactDescription } from '../../src/stats/describe';
import type { Ratio, Root } from '../../src/stats/exact';

/** Field by field with Object.is: equal to the last bit, not merely close; the exact figures equal as values. */
export function expectIdentical(actual: object, expected: object): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [key, value] of Object.entries(expected)) {
    const got = (actual as Record<string, unknown>)[key];
    if (key === 'exact') expectSameExact(got as ExactDescription, value as ExactDescription);
    else if (!Object.is(got, value)) throw new Error(`${key}: ${String(got)} !== ${String(value)}`);
  }
}

function expectSameExact(actual: ExactDescription, expected: ExactDescription): void {
  for (const [key, value] of Object.entries(expected) as [keyof ExactDescription, Ratio | Root | null][]) {
    const got = actual[key];
    const same = value === null ? got === null : got !== null && (value as Ratio).equals(got as Ratio & Root);
    if (!same) throw new Error(`exact.${key}: ${String(got?.toNumber())} !== ${String(value?.toNumber())}`);
  }
}
