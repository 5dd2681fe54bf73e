import fc from 'fast-check';
import { quantile as ssQuantile, sampleStandardDeviation, median as ssMedian } from 'simple-statistics';
import { GrowableArray } from '../../src/stats/growable-array';
import { quantileSorted } from '../../src/stats/quantile';
import { describe as describeValues, describeSorted, exactOf } from '../../src/stats/describe';
import { Ratio } from '../../src/stats/exact';
import { propertyRuns } from '../helpers/property';

/** R type 7 written out independently: h = (n-1)p, interpolate between the order statistics around h. */
function naiveType7(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

describe('simple-statistics, the reference these tests use', () => {
  it('computes type 7 quantiles (values from R: quantile(x, p, type = 7))', () => {
    // R: quantile(1:4, c(.25,.5,.75,.9)) -> 1.75 2.50 3.25 3.70
    expect(ssQuantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(ssQuantile([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(ssQuantile([1, 2, 3, 4], 0.75)).toBeCloseTo(3.25, 12);
    expect(ssQuantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    // R: quantile(c(3,6,7,8,8,9,10,13,15,16,20), .25) -> 7.5 (a non-interpolating method would give 7)
    expect(ssQuantile([3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20], 0.25)).toBeCloseTo(7.5, 12);
  });
});

describe('quantileSorted (R type 7)', () => {
  it('interpolates between order statistics on an even count', () => {
    const x = [1, 2, 3, 4];
    expect(quantileSorted(x, 0.25)).toBeCloseTo(1.75, 12);
    expect(quantileSorted(x, 0.5)).toBe(2.5);
    expect(quantileSorted(x, 0.75)).toBeCloseTo(3.25, 12);
    expect(quantileSorted(x, 0.9)).toBeCloseTo(3.7, 12);
  });

  it('lands on an order statistic when (n-1)p is whole, on an odd count', () => {
    const x = [10, 20, 30, 40, 50];
    expect(quantileSorted(x, 0.5)).toBe(30);
    expect(quantileSorted(x, 0.25)).toBe(20);
    expect(quantileSorted(x, 0.75)).toBe(40);
    expect(quantileSorted(x, 0.9)).toBeCloseTo(46, 12); // h = 3.6: 40 + 0.6 * 10
  });

  it('returns the extremes at p = 0 and 1, and the value itself for one value', () => {
    expect(quantileSorted([2, 5, 9], 0)).toBe(2);
    expect(quantileSorted([2, 5, 9], 1)).toBe(9);
    expect(quantileSorted([7], 0.9)).toBe(7);
  });

  it('rejects an empty sample and a probability outside 0..1', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
    expect(() => quantileSorted([1], 1.5)).toThrow(RangeError);
    expect(() => quantileSorted([1], NaN)).toThrow(RangeError);
  });
});

describe('GrowableArray', () => {
  it('keeps every pushed value in order across many doublings', () => {
    const a = new GrowableArray('int32', 1);
    for (let i = 0; i < 1000; i++) a.push(i * 3);
    expect(a.length).toBe(1000);
    expect(Array.from(a.values())).toEqual(Array.from({ length: 1000 }, (_, i) => i * 3));
  });

  it('sorts numerically, not as text', () => {
    const a = new GrowableArray('int32');
    [100, 9, 25, 10].forEach((v) => a.push(v));
    expect(Array.from(a.sortedView())).toEqual([9, 10, 25, 100]);
  });

  it.each([
    ['narrow range (counted)', 5000, -3, 40],
    ['wide range (compared)', 300, -(2 ** 31), 2 ** 31 - 1],
    ['one value repeated', 100, 7, 7],
  ])('sorts int32 values as a comparison sort would: %s', (_, n, low, high) => {
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pushed = Array.from({ length: n }, () => Math.floor(low + next() * (high - low + 1)));
    const a = new GrowableArray('int32');
    pushed.forEach((v) => a.push(v));
    expect(Array.from(a.sortedView())).toEqual([...pushed].sort((x, y) => x - y));
  });

  it('refuses values an int32 would silently wrap or truncate', () => {
    const a = new GrowableArray('int32');
    expect(() => a.push(2 ** 31)).toThrow(RangeError);
    expect(() => a.push(1.5)).toThrow(RangeError);
    expect(a.length).toBe(0);
  });

  it('holds fractions as float64', () => {
    const a = new GrowableArray('float64');
    a.push(1.5);
    expect(Array.from(a.values())).toEqual([1.5]);
  });

  it('appends another array, growing as needed', () => {
    const a = new GrowableArray('int32', 2);
    const b = new GrowableArray('int32', 2);
    [1, 2].forEach((v) => a.push(v));
    [3, 4, 5, 6, 7].forEach((v) => b.push(v));
    a.append(b);
    expect(Array.from(a.values())).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(b.values())).toEqual([3, 4, 5, 6, 7]);
  });
});

describe('describe', () => {
  it('computes every statistic of an odd-sized sample (by hand)', () => {
    const d = describeValues([50, 10, 40, 20, 30]);
    expect(d).toMatchObject({ count: 5, sum: 150, mean: 30, median: 30, p25: 20, p75: 40, min: 10, max: 50 });
    expect(d.p90).toBeCloseTo(46, 12);
    // squared deviations 400+100+0+100+400 = 1000, over n-1 = 4
    expect(d.sd).toBeCloseTo(Math.sqrt(250), 12);
  });

  it('takes the mean of the middle pair on an even count', () => {
    const d = describeValues([4, 1, 3, 2]);
    expect(d.median).toBe(2.5);
    expect(d.sd).toBeCloseTo(sampleStandardDeviation([1, 2, 3, 4]), 12);
  });

  it('gives no standard deviation for a single value', () => {
    const d = describeValues([70]);
    const exact = exactOf(d)!;
    expect(exact.sd).toBeNull();
    expect(exact.mean.equals(Ratio.of(70))).toBe(true);
    expect(d).toEqual({
      count: 1,
      sum: 70,
      mean: 70,
      median: 70,
      p25: 70,
      p75: 70,
      p90: 70,
      min: 70,
      max: 70,
      sd: null,
      sumOfSquares: 4900,
      quantileNumerators: { median: 140, p25: 280, p75: 280, p90: 700 },
    });
  });

  it('gives nulls, not NaN, for no values', () => {
    const d = describeValues([]);
    expect(d.count).toBe(0);
    expect(d.sum).toBe(0);
    for (const field of ['mean', 'median', 'p25', 'p75', 'p90', 'min', 'max', 'sd'] as const) expect(d[field]).toBeNull();
    expect(exactOf(d)).toBeNull();
  });

  it('leaves a plain array unsorted but sorts a GrowableArray in place', () => {
    const plain = [3, 1, 2];
    describeValues(plain);
    expect(plain).toEqual([3, 1, 2]);
    const growable = new GrowableArray('int32');
    plain.forEach((v) => growable.push(v));
    expect(describeValues(growable).median).toBe(2);
    expect(Array.from(growable.values())).toEqual([1, 2, 3]);
  });

  it('sums integers exactly up to 2^53', () => {
    const values = [2 ** 52, 2 ** 51, 1, 1, 3];
    const exact = values.reduce((a, v) => a + BigInt(v), 0n);
    expect(BigInt(describeSorted(values.sort((a, b) => a - b)).sum)).toBe(exact);
  });

  it('matches a naive sort-based calculation and simple-statistics on random samples', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 300 }), (sizes) => {
        const growable = new GrowableArray('int32', 1);
        sizes.forEach((v) => growable.push(v));
        const d = describeValues(growable);
        const close = (a: number | null, b: number) => Math.abs(a! - b) <= 1e-9 * Math.max(1, Math.abs(b));
        expect(d.count).toBe(sizes.length);
        expect(d.sum).toBe(sizes.reduce((a, b) => a + b, 0));
        expect(d.median).toBe(ssMedian(sizes));
        for (const [field, p] of [
          ['median', 0.5],
          ['p25', 0.25],
          ['p75', 0.75],
          ['p90', 0.9],
        ] as const) {
          expect(close(d[field], naiveType7(sizes, p))).toBe(true);
          expect(close(d[field], ssQuantile(sizes, p))).toBe(true);
        }
        expect(d.min).toBe(Math.min(...sizes));
        expect(d.max).toBe(Math.max(...sizes));
        if (sizes.length < 2) expect(d.sd).toBeNull();
        else expect(close(d.sd, sampleStandardDeviation(sizes))).toBe(true);
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('gives the exact figures against a BigInt reference: mean, type 7 quantiles, and the variance under the root', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 200 }), expectExact), {
      numRuns: propertyRuns(500),
    });
  });

  it('stays exact for counts up to 2^53 - 1, whose quantiles times their denominator pass 2^53', () => {
    // Four values of up to 2^51 - 1 in magnitude: their sum is a safe integer, 20 times each is not.
    const huge = fc.bigInt({ min: -(2n ** 51n) + 1n, max: 2n ** 51n - 1n }).map(Number);
    fc.assert(fc.property(fc.array(huge, { minLength: 1, maxLength: 4 }), expectExact), { numRuns: propertyRuns(500) });
    // p90 of 1, 2000000000000001, 2000000000000002 is 2000000000000001.8 (its numerator 10 x that, past 2^53).
    expect(exactOf(describeValues([1, 2000000000000001, 2000000000000002]))!.p90.equals(Ratio.of(20000000000000018n, 10n))).toBe(true);
  });
});

/** The exact description of `values` against a BigInt reference written another way. */
function expectExact(values: number[]): void {
  const sorted = [...values].sort((a, b) => a - b).map(BigInt);
  const n = BigInt(values.length);
  const sum = sorted.reduce((a, b) => a + b, 0n);
  const exact = exactOf(describeValues(values))!;
  expect(exact.mean.equals(Ratio.of(sum, n))).toBe(true);
  // Type 7 at p = k / 20: h = (n - 1) k / 20, x[floor h] + frac(h) (x[ceil h] - x[floor h]), over 20.
  for (const [field, k] of [
    ['median', 10n],
    ['p25', 5n],
    ['p75', 15n],
    ['p90', 18n],
  ] as const) {
    const h20 = (n - 1n) * k;
    const below = h20 / 20n;
    const above = below + 1n < n ? below + 1n : below;
    const value = sorted[Number(below)] * 20n + (h20 % 20n) * (sorted[Number(above)] - sorted[Number(below)]);
    expect(exact[field].equals(Ratio.of(value, 20n))).toBe(true);
  }
  if (n < 2n) expect(exact.sd).toBeNull();
  else {
    const deviations = sorted.reduce((a, x) => a + (x * n - sum) ** 2n, 0n); // n^2 x sum of squared deviations
    expect(exact.sd!.square.equals(Ratio.of(deviations, n * n * (n - 1n)))).toBe(true);
  }
}
