import fc from 'fast-check';
import { describeSorted } from '../../src/stats/describe';
import { IntSample } from '../../src/stats/int-sample';
import { expectIdentical } from '../helpers/describe';
import { propertyRuns } from '../helpers/property';

/** The reference: the values sorted as numbers and described as an array. */
function reference(values: number[]) {
  return describeSorted(Float64Array.from(values).sort());
}

function sampleOf(values: number[]): IntSample {
  const s = new IntSample();
  values.forEach((v) => s.add(v));
  return s;
}

let seed = 2024;
function next(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
}

function randomValues(n: number, low: number, high: number): number[] {
  return Array.from({ length: n }, () => Math.floor(low + next() * (high - low + 1)));
}

/** Samples of every shape: narrow (all counted), wide (all spilled), mixed, with outliers and negatives. */
const samples = fc.oneof(
  fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 3000 }),
  fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 200 }),
  fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 100 }),
  fc.array(fc.maxSafeInteger(), { maxLength: 50 }),
  fc
    .tuple(
      fc.array(fc.integer({ min: 10, max: 60 }), { maxLength: 2000 }),
      fc.array(fc.integer({ min: 0, max: 2 ** 20 }), { maxLength: 30 }),
    )
    .chain(([a, b]) => fc.shuffledSubarray([...a, ...b], { minLength: a.length + b.length })),
);

describe('IntSample', () => {
  it('describes exactly like the sorted values, to the last bit', () => {
    fc.assert(
      fc.property(samples, (values) => expectIdentical(sampleOf(values).describe(), reference(values))),
      { numRuns: propertyRuns(400) },
    );
  });

  it('describes large samples exactly: counted, spilled, and growing in both directions', () => {
    const cases = [
      randomValues(200_000, 1, 500),
      randomValues(50_000, -(2 ** 31), 2 ** 31 - 1),
      [...randomValues(100_000, 1000, 1100), ...randomValues(100_000, 1, 5000)],
      [...randomValues(60_000, 500, 600), ...randomValues(60_000, 1, 400)],
      Array.from({ length: 100_000 }, (_, i) => 100_000 - i),
      [...randomValues(100_000, 1, 500), 2 ** 31 - 1, -(2 ** 31)],
    ];
    for (const values of cases) expectIdentical(sampleOf(values).describe(), reference(values));
  });

  it('forms the sum in order when it could exceed 2^53, as the sorted values would', () => {
    const values = [...Array(5000).fill(2 ** 31 - 1), ...Array(5000).fill(2 ** 31 - 3), 7, 9];
    const d = sampleOf(values).describe();
    expectIdentical(d, reference(values));
  });

  it('sums as it describes, to the last bit: counted, spilled, and past 2^53', () => {
    fc.assert(
      fc.property(samples, (values) => expect(Object.is(sampleOf(values).sum(), reference(values).sum)).toBe(true)),
      { numRuns: propertyRuns(400) },
    );
    const big = [...Array(6000).fill(2 ** 40 + 3), ...Array(6000).fill(2 ** 40 + 1), 2 ** 40 + 7];
    const counted = sampleOf(big);
    expect(counted.sum()).toBe(reference(big).sum);
    expect(counted.sum()).toBe(counted.describe().sum);
    expect(new IntSample().sum()).toBe(0);
  });

  it('gives the description of no values when empty', () => {
    expectIdentical(new IntSample().describe(), reference([]));
    expect(new IntSample().length).toBe(0);
  });

  it('counts its values', () => {
    expect(sampleOf(randomValues(12_345, 1, 300)).length).toBe(12_345);
    expect(sampleOf(randomValues(500, -(2 ** 31), 2 ** 31 - 1)).length).toBe(500);
  });

  it('holds every whole number up to 2^53 - 1, and refuses anything else', () => {
    const s = sampleOf(randomValues(100, 1, 20));
    s.add(2 ** 31);
    s.add(Number.MAX_SAFE_INTEGER);
    expect(s.describe().max).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => s.add(2 ** 53)).toThrow(new RangeError(`${2 ** 53} is not a whole number of at most 2^53 - 1 in magnitude`));
    expect(() => s.add(5.5)).toThrow(RangeError);
    expect(() => s.add(NaN)).toThrow(RangeError);
    expect(s.length).toBe(102);
    expect(IntSample.fromData(s.toData()).describe()).toEqual(s.describe());
  });

  it('merges: any split of the values into two samples describes as the whole', () => {
    fc.assert(
      fc.property(samples, fc.array(fc.boolean(), { minLength: 3000, maxLength: 3000 }), (values, side) => {
        const a = sampleOf(values.filter((_, i) => side[i]));
        const b = sampleOf(values.filter((_, i) => !side[i]));
        a.mergeFrom(b);
        expectIdentical(a.describe(), reference(values));
        expect(b.length).toBe(values.filter((_, i) => !side[i]).length);
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('merges counted samples that lie far apart', () => {
    const low = randomValues(50_000, 1, 100);
    const high = randomValues(50_000, 2 ** 30, 2 ** 30 + 100);
    const a = sampleOf(low);
    a.mergeFrom(sampleOf(high));
    expectIdentical(a.describe(), reference([...low, ...high]));
    const b = sampleOf(high.slice(0, 20_000));
    b.mergeFrom(sampleOf(low));
    expectIdentical(b.describe(), reference([...high.slice(0, 20_000), ...low]));
  });
});
