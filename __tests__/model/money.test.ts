import { midpointHalfUp, multiplyCount, parseRupiah, sumRupiah } from '../../src/model/money';

describe('parseRupiah', () => {
  it.each([
    ['1500000', 1_500_000n],
    ['1.500.000', 1_500_000n],
    ['1,500,000', 1_500_000n],
    [' 2.700.000 ', 2_700_000n],
    ['0', 0n],
    ['999', 999n],
    ['12.345.678.901.234.567.890', 12345678901234567890n],
  ])('reads %p', (text, expected) => {
    expect(parseRupiah(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '  ', '1,5', '1.5jt', 'Rp1.500.000', '-3', '1.500,000', '1.50.000', '1500.000', '1..2', 'abc', '1e6', '+5'])(
    'refuses %p with a reason',
    (text) => {
      const parsed = parseRupiah(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(/rupiah/);
    },
  );
});

describe('exact arithmetic', () => {
  it('multiplies ten billion visitors by Rp2,700,000 exactly, past 2^53', () => {
    const product = multiplyCount(10_000_000_000, 2_700_000n);
    expect(product).toBe(27n * 10n ** 15n);
    expect(product > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    // The same product in floating point is not representable: proof that bigint was needed.
    expect(Number.isSafeInteger(10_000_000_000 * 2_700_000)).toBe(false);
  });

  it('keeps the last rupiah of a sum that floating point would lose', () => {
    const big = BigInt(Number.MAX_SAFE_INTEGER);
    expect(sumRupiah([big, 1n, 1n])).toBe(9007199254740993n);
    expect(Number.MAX_SAFE_INTEGER + 1 + 1).toBe(9007199254740992); // number drifts
  });

  it('sums nothing to zero', () => {
    expect(sumRupiah([])).toBe(0n);
  });

  it('refuses counts that are fractional, negative or beyond 2^53', () => {
    expect(() => multiplyCount(1.5, 10n)).toThrow(RangeError);
    expect(() => multiplyCount(-1, 10n)).toThrow(RangeError);
    expect(() => multiplyCount(2 ** 53, 10n)).toThrow(RangeError);
  });

  it('rounds an exact half up at the midpoint and keeps exact midpoints', () => {
    expect(midpointHalfUp(1n, 2n)).toBe(2n);
    expect(midpointHalfUp(1_000_000n, 2_000_000n)).toBe(1_500_000n);
    expect(midpointHalfUp(1_000_000n, 2_000_001n)).toBe(1_500_001n);
    expect(midpointHalfUp(7n, 7n)).toBe(7n);
  });
});
