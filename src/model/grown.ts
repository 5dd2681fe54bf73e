/**
 * Growing typed-array columns: the one copy every column that grows with the rows read makes.
 */

/** The typed arrays the models keep their columns in. */
type Column = Int32Array | Float64Array | Uint16Array | Uint8Array;

/**
 * A new array of `array`'s type and `length` elements (at least `array.length`), `array`'s values at
 * its start and `fill` after them. O(length); callers grow by a factor, so a column of n values costs
 * O(n) copies in all.
 */
export function grown<T extends Column>(array: T, length: number, fill = 0): T {
  const wider = new (array.constructor as new (length: number) => T)(length);
  if (fill !== 0) wider.fill(fill, array.length);
  wider.set(array as ArrayLike<number>);
  return wider;
}
