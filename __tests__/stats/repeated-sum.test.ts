import fc from 'fast-check';
import { addRepeatedly } from '../../src/stats/repeated-sum';
import { propertyRuns } from '../helpers/property';

function naive(sum: number, term: number, times: number): number {
  for (let k = 0; k < times; k++) sum += term;
  return sum;
}

function expectSame(sum: number, term: number, times: number): void {
  const expected = naive(sum, term, times);
  const got = addRepeatedly(sum, term, times);
  if (!Object.is(got, expected)) throw new Error(`addRepeatedly(${sum}, ${term}, ${times}) = ${got}, adding in order gives ${expected}`);
}

const ulpOf = (x: number) => 2 ** (Math.floor(Math.log2(x)) - 52);

describe('addRepeatedly', () => {
  it('equals adding the term that many times, to the last bit', () => {
    const positive = fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(positive, positive, fc.integer({ min: 0, max: 20_000 }), (sum, term, times) => expectSame(sum, term, times)),
      { numRuns: propertyRuns(2000) },
    );
  });

  it('equals it for squared deviations of group sizes, as the standard deviation adds them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 50_000 }),
        (value, mean, start, times) => expectSame(start, (value - mean) ** 2, times),
      ),
      { numRuns: propertyRuns(1000) },
    );
  });

  it('equals it when the term falls exactly halfway between two multiples of the ulp (ties to even)', () => {
    for (const sum of [1, 3, 2 ** 40 + 1, 2 ** 40 + 2, 1234567.75, 2 ** 52 - 1, 2 ** 52 + 2]) {
      const ulp = ulpOf(sum);
      for (const half of [0.5, 1.5, 2.5, 3.5, 7.5, 1024.5]) expectSame(sum, half * ulp, 5000);
    }
  });

  it('equals it when the term is lost in rounding, and for zero terms and times', () => {
    expectSame(2 ** 60, 1, 1000);
    expectSame(2 ** 60, 2 ** 7, 1000); // exactly half an ulp: a tie that never moves an even sum
    expectSame(2 ** 60 + 2 ** 8, 2 ** 7, 1000); // from an odd multiple: one move, then none
    expectSame(0, 0, 10);
    expectSame(5, 0, 10);
    expectSame(5, 3, 0);
    expectSame(0, 0.1, 100_000);
  });

  it('equals it from sums at and just below a power of two, whatever the sum before', () => {
    for (const e of [-60, -1, 0, 1, 30, 52, 53, 70]) {
      const power = 2 ** e;
      for (const sum of [power, power * (1 - 2 ** -53), power * (1 + 2 ** -52)]) {
        for (const term of [power / 3, power / 1024 + power * 2 ** -60, power * 2 ** -53, power * 3 * 2 ** -54]) expectSame(sum, term, 777);
      }
    }
  });

  it('equals it over many binades, and near the ends of the range', () => {
    expectSame(0, 0.1, 1_000_000);
    expectSame(0, 1 / 3, 1_000_000);
    expectSame(1e-300, 1e-301, 10_000);
    expectSame(1e300, 3e299, 1000);
    expectSame(2 ** 1000, 2 ** 999, 10);
    expectSame(Number.MIN_VALUE, Number.MIN_VALUE, 1000);
  });
});
