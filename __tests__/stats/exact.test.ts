/**
 * The exact figures and their one rounding, against references written independently in BigInt:
 * half up as floor((2|a| 10^d + b) / 2b) rather than quotient and remainder, and the square root by
 * bisection rather than Newton's method.
 */
import fc from 'fast-check';
import { Ratio, Root, isqrt, roundHalfUp } from '../../src/stats/exact';
import { propertyRuns } from '../helpers/property';

/** a / b rounded half up (away from zero) to d decimals, as text. */
function referenceRatio(a: bigint, b: bigint, d: number): string {
  const negative = a < 0n !== b < 0n && a !== 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const scaled = (2n * x * 10n ** BigInt(d) + y) / (2n * y);
  return format(negative && scaled !== 0n, scaled, d);
}

/** sqrt(a / b) rounded half up to d decimals: the largest m with (m - 1/2)^2 <= X, by bisection. */
function referenceRoot(a: bigint, b: bigint, d: number): string {
  const x4 = 4n * a * 10n ** BigInt(2 * d); // 4X = 4 a 10^2d / b, compared as 4 a 10^2d >= (2m - 1)^2 b
  let lo = 0n;
  let hi = 1n;
  while ((2n * hi - 1n) ** 2n * b <= x4) hi *= 2n;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if ((2n * mid - 1n) ** 2n * b <= x4) lo = mid;
    else hi = mid;
  }
  return format(false, lo, d);
}

function format(negative: boolean, scaled: bigint, d: number): string {
  const digits = scaled.toString().padStart(d + 1, '0');
  const text = d === 0 ? digits : `${digits.slice(0, -d)}.${digits.slice(-d)}`;
  return (negative ? '-' : '') + text;
}

const small = fc.integer({ min: -1_000_000, max: 1_000_000 });
const positive = fc.integer({ min: 1, max: 1_000_000 });
const huge = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const hugePositive = fc.bigInt({ min: 1n, max: 10n ** 30n });
const decimals = fc.integer({ min: 0, max: 6 });

describe('roundHalfUp of a Ratio', () => {
  it('rounds the cases of the issue as Excel ROUND does: 201/200 to 1.01, 41/40 to 1.03, and negatives away from zero', () => {
    expect(roundHalfUp(Ratio.of(201, 200), 2)).toBe('1.01');
    expect(roundHalfUp(Ratio.of(41, 40), 2)).toBe('1.03');
    expect(roundHalfUp(Ratio.of(-41, 40), 2)).toBe('-1.03');
    expect(roundHalfUp(Ratio.of(23, 20), 1)).toBe('1.2');
    expect(roundHalfUp(Ratio.of(2875, 100), 1)).toBe('28.8');
  });

  it('never writes a negative zero', () => {
    expect(roundHalfUp(Ratio.of(-1, 1000), 2)).toBe('0.00');
    expect(roundHalfUp(Ratio.of(-4, 10), 0)).toBe('0');
    expect(roundHalfUp(Ratio.of(-5, 10), 0)).toBe('-1');
  });

  it('equals the BigInt reference on safe integers', () => {
    fc.assert(
      fc.property(small, positive, decimals, (a, b, d) => {
        expect(roundHalfUp(Ratio.of(a, b), d)).toBe(referenceRatio(BigInt(a), BigInt(b), d));
      }),
      { numRuns: propertyRuns(5000) },
    );
  });

  it('equals the BigInt reference on exact halves, where doubles fail', () => {
    // a / b with b = 2 x 10^k or 8 x 10^k: the rounding digit is a 5 followed by nothing.
    fc.assert(
      fc.property(small, fc.constantFrom(2, 8, 20, 40, 80, 200, 400, 800, 2000, 8000), decimals, (a, b, d) => {
        expect(roundHalfUp(Ratio.of(a, b), d)).toBe(referenceRatio(BigInt(a), BigInt(b), d));
      }),
      { numRuns: propertyRuns(3000) },
    );
  });

  it('equals the BigInt reference past 2^53, and after arithmetic', () => {
    fc.assert(
      fc.property(huge, hugePositive, huge, hugePositive, decimals, (a, b, c, e, d) => {
        expect(roundHalfUp(Ratio.of(a, b), d)).toBe(referenceRatio(a, b, d));
        expect(roundHalfUp(Ratio.of(a, b).plus(Ratio.of(c, e)), d)).toBe(referenceRatio(a * e + c * b, b * e, d));
        expect(roundHalfUp(Ratio.of(a, b).minus(Ratio.of(c, e)), d)).toBe(referenceRatio(a * e - c * b, b * e, d));
        expect(roundHalfUp(Ratio.of(a, b).times(Ratio.of(c, e)), d)).toBe(referenceRatio(a * c, b * e, d));
        if (c !== 0n) expect(roundHalfUp(Ratio.of(a, b).dividedBy(Ratio.of(c, e)), d)).toBe(referenceRatio(a * e, b * c, d));
      }),
      { numRuns: propertyRuns(2000) },
    );
  });

  it('keeps parts as numbers while they are safe, and its double is the nearest', () => {
    const r = Ratio.of(98_970, 4_898_970);
    expect(typeof r.num).toBe('number');
    expect(r.toNumber()).toBe(98_970 / 4_898_970);
    expect(JSON.stringify({ r })).toBe(`{"r":${98_970 / 4_898_970}}`);
    expect(typeof Ratio.of(2n ** 60n, 3n).num).toBe('bigint');
    expect(Ratio.of(2, 4).equals(Ratio.of(-1, -2))).toBe(true);
  });

  it('refuses what is not a ratio of integers', () => {
    expect(() => Ratio.of(1.5, 2)).toThrow(RangeError);
    expect(() => Ratio.of(1, 0)).toThrow(RangeError);
    expect(() => Ratio.of(1n, 0n)).toThrow(RangeError);
  });
});

describe('roundHalfUp of a number', () => {
  it('rounds the decimal the number reads as, not its binary value', () => {
    expect((1.005).toFixed(2)).toBe('1.00'); // the double is 1.00499999999999989...
    expect(roundHalfUp(1.005, 2)).toBe('1.01');
    expect(roundHalfUp(74.675, 2)).toBe('74.68');
    expect(roundHalfUp(-2.5, 0)).toBe('-3');
    expect(roundHalfUp(1e21, 1)).toBe('1000000000000000000000.0');
    expect(roundHalfUp(1.5e-7, 7)).toBe('0.0000002');
  });

  it('is Ratio.fromNumber of the shortest decimal, for every finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), decimals, (x, d) => {
        const [whole, fraction = ''] = String(Math.abs(x)).split('e')[0].split('.');
        if (String(x).includes('e')) return; // tiny values: covered by the cases above
        const a = BigInt((x < 0 ? '-' : '') + whole + fraction);
        expect(roundHalfUp(x, d)).toBe(referenceRatio(a, 10n ** BigInt(fraction.length), d));
      }),
      { numRuns: propertyRuns(3000) },
    );
  });
});

describe('roundHalfUp of a Root', () => {
  it('rounds square roots exactly, halves included', () => {
    expect(roundHalfUp(new Root(Ratio.of(9, 4)), 0)).toBe('2'); // sqrt = 1.5 exactly
    expect(roundHalfUp(new Root(Ratio.of(2)), 5)).toBe('1.41421');
    expect(roundHalfUp(new Root(Ratio.of(0)), 2)).toBe('0.00');
    expect(() => new Root(Ratio.of(-1))).toThrow(RangeError);
  });

  it('equals the bisection reference', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 24n }), hugePositive, decimals, (a, b, d) => {
        expect(roundHalfUp(new Root(Ratio.of(a, b)), d)).toBe(referenceRoot(a, b, d));
      }),
      { numRuns: propertyRuns(2000) },
    );
  });

  it('equals the bisection reference on safe integers (the double path)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), decimals, (a, b, d) => {
        expect(roundHalfUp(new Root(Ratio.of(a, b)), d)).toBe(referenceRoot(BigInt(a), BigInt(b), d));
      }),
      { numRuns: propertyRuns(5000) },
    );
  });

  it('rounds exact halves of roots up: sqrt(x^2/4) with x odd', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (k) => {
        const x = 2 * k + 1;
        expect(roundHalfUp(new Root(Ratio.of(x * x, 4)), 0)).toBe(String(k + 1));
      }),
      { numRuns: propertyRuns(1000) },
    );
  });
});

describe('isqrt', () => {
  it('is the floor of the square root, however far the double estimate is off', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 60n }), (n) => {
        const r = isqrt(n);
        expect(r * r <= n && (r + 1n) * (r + 1n) > n).toBe(true);
      }),
      { numRuns: propertyRuns(3000) },
    );
  });
});
