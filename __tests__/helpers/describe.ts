/** Comparing descriptions (src/stats/describe.ts) made by different routes over the same values. */

/** Field by field with Object.is: equal to the last bit, not merely close; the quantiles' numerators as values. */
export function expectIdentical(actual: object, expected: object): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [key, value] of Object.entries(expected)) {
    const got = (actual as Record<string, unknown>)[key];
    if (key === 'quantileNumerators') expect(got).toEqual(value);
    else if (!Object.is(got, value)) throw new Error(`${key}: ${String(got)} !== ${String(value)}`);
  }
}
