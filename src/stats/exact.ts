/**
 * Exact figures for printing: a ratio of integers (a mean, a share, a growth, a quantile between two
 * sizes) and the square root of one (a standard deviation), and the one rounding every printed decimal
 * goes through: half up (away from zero, as Excel's ROUND) from the exact value.
 *
 * A Ratio keeps its numerator and denominator as plain numbers while both are safe integers (the usual
 * case: counts and sums below 2^53) and as bigints beyond, so that making one costs no more than an
 * object and rounding one stays in double arithmetic whenever that is exact. The cost is per printed
 * cell: roundHalfUp is O(1) on safe integers, O(digits^2) on bigints, and a root takes one integer
 * square root (Newton, seeded from the double).
 *
 * A plain number (a projection, a figure from the config) is rounded as the shortest decimal that
 * reads back as the same double: the digits JSON writes for it.
 */

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const INT32_MAX = 0x7fffffff;

type Int = number | bigint;

const big = (n: Int): bigint => (typeof n === 'bigint' ? n : BigInt(n));

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export class Ratio {
  /** Numerator and denominator: both safe integers (numbers), or both bigints; the denominator above 0. */
  private constructor(
    readonly num: Int,
    readonly den: Int,
  ) {}

  /** num / den of two integers (numbers that are safe integers, or bigints); den must not be 0. */
  static of(num: Int, den: Int = 1): Ratio {
    if (typeof num === 'number' && typeof den === 'number' && Number.isSafeInteger(num) && Number.isSafeInteger(den) && den !== 0) {
      return den < 0 ? new Ratio(-num, -den) : new Ratio(num, den);
    }
    if ((typeof num === 'number' && !Number.isInteger(num)) || (typeof den === 'number' && !Number.isInteger(den))) {
      throw new RangeError(`Ratio: ${num}/${den} is not a ratio of integers`);
    }
    return Ratio.ofBig(big(num), big(den));
  }

  /** The decimal a finite double reads as (its shortest round-trip form), exactly. */
  static fromNumber(x: number): Ratio {
    if (Number.isSafeInteger(x)) return new Ratio(x, 1);
    if (!Number.isFinite(x)) throw new RangeError(`Ratio: ${x} is not a finite number`);
    const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x))!;
    const [, sign, whole, fraction = '', exponent = '0'] = match;
    const scale = Number(exponent) - fraction.length;
    const digits = BigInt(sign + whole + fraction);
    return scale >= 0 ? Ratio.ofBig(digits * 10n ** BigInt(scale), 1n) : Ratio.ofBig(digits, 10n ** BigInt(-scale));
  }

  private static ofBig(num: bigint, den: bigint): Ratio {
    if (den === 0n) throw new RangeError('Ratio: denominator 0');
    if (den < 0n) [num, den] = [-num, -den];
    const divisor = gcd(num, den);
    if (divisor > 1n) [num, den] = [num / divisor, den / divisor];
    const safe = num <= BigInt(MAX_SAFE) && num >= -BigInt(MAX_SAFE) && den <= BigInt(MAX_SAFE);
    return safe ? new Ratio(Number(num), Number(den)) : new Ratio(num, den);
  }

  plus(other: Ratio | Int): Ratio {
    const o = toRatio(other);
    if (typeof this.num === 'number' && typeof this.den === 'number' && typeof o.num === 'number' && typeof o.den === 'number') {
      const [left, right, den] = [this.num * o.den, o.num * this.den, this.den * o.den];
      if (Number.isSafeInteger(left) && Number.isSafeInteger(right) && Number.isSafeInteger(left + right) && Number.isSafeInteger(den)) {
        return new Ratio(left + right, den);
      }
    }
    return Ratio.ofBig(big(this.num) * big(o.den) + big(o.num) * big(this.den), big(this.den) * big(o.den));
  }

  minus(other: Ratio | Int): Ratio {
    return this.plus(toRatio(other).negated());
  }

  times(other: Ratio | Int): Ratio {
    const o = toRatio(other);
    return Ratio.product(this.num, this.den, o.num, o.den);
  }

  dividedBy(other: Ratio | Int): Ratio {
    const o = toRatio(other);
    return Ratio.product(this.num, this.den, o.den, o.num);
  }

  /** (a / b) x (c / d): in numbers while the products are safe integers (no reduction needed to round), else bigints. */
  private static product(a: Int, b: Int, c: Int, d: Int): Ratio {
    if (typeof a === 'number' && typeof b === 'number' && typeof c === 'number' && typeof d === 'number') {
      const num = a * c;
      const den = b * d;
      if (Number.isSafeInteger(num) && Number.isSafeInteger(den) && den !== 0) return den < 0 ? new Ratio(-num, -den) : new Ratio(num, den);
    }
    return Ratio.ofBig(big(a) * big(c), big(b) * big(d));
  }

  negated(): Ratio {
    return typeof this.num === 'number' ? new Ratio(-this.num, this.den) : Ratio.ofBig(-this.num, big(this.den));
  }

  sign(): -1 | 0 | 1 {
    return this.num > 0 ? 1 : this.num < 0 ? -1 : 0;
  }

  isZero(): boolean {
    return this.sign() === 0;
  }

  /** The same value (in any form: 2/4 equals 1/2). */
  equals(other: Ratio): boolean {
    return big(this.num) * big(other.den) === big(other.num) * big(this.den);
  }

  /** The nearest double (exactly so while both parts are safe integers: one IEEE division). */
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }

  /** JSON writes the full value as a number. */
  toJSON(): number {
    return this.toNumber();
  }
}

function toRatio(x: Ratio | Int): Ratio {
  return x instanceof Ratio ? x : Ratio.of(x);
}

/** The non-negative square root of a ratio: a sample standard deviation, sqrt(squared deviations / (n - 1)). */
export class Root {
  constructor(readonly square: Ratio) {
    if (square.sign() < 0) throw new RangeError('Root: the square is negative');
  }

  toNumber(): number {
    return Math.sqrt(this.square.toNumber());
  }

  equals(other: Root): boolean {
    return this.square.equals(other.square);
  }

  toJSON(): number {
    return this.toNumber();
  }
}

/** A figure known exactly. */
export type Exact = Ratio | Root;

export function isExact(value: unknown): value is Exact {
  return value instanceof Ratio || value instanceof Root;
}

/**
 * The value rounded half up (away from zero) to `decimals` places, as plain text: `-` for a negative
 * value that does not round to zero, `.` as the decimal mark, no grouping (`-1234.50`).
 * A number must be finite.
 */
export function roundHalfUp(value: Exact | number, decimals: number): string {
  if (value instanceof Root) return digits(false, roundedRoot(value.square, decimals), decimals);
  const ratio = value instanceof Ratio ? value : Ratio.fromNumber(value);
  const scaled = roundedRatio(ratio.num, ratio.den, decimals);
  return digits(ratio.sign() < 0, scaled, decimals);
}

/**
 * roundHalfUp of num / den, two safe integers (den > 0), without making a Ratio: for writing many
 * figures kept in typed arrays. The same digits as roundHalfUp(Ratio.of(num, den), decimals).
 */
export function roundRatioHalfUp(num: number, den: number, decimals: number): string {
  return digits(num < 0, roundedRatio(num, den, decimals), decimals);
}

/** roundHalfUp of the square root of num / den (safe integers, num >= 0, den > 0): as of new Root(Ratio.of(num, den)). */
export function roundRootHalfUp(num: number, den: number, decimals: number): string {
  return digits(false, roundedRootOf(num, den, decimals), decimals);
}

/** sqrt(num / den) x 10^decimals rounded half up, as an integer (safe integers, num >= 0, den > 0): the digits of roundRootHalfUp. */
export function roundedRootOf(num: number, den: number, decimals: number): Int {
  const scale = 10 ** (2 * decimals);
  const scaled = num * scale;
  // What roundedRoot's square.times(scale) gives while its product is a safe integer.
  if (Number.isSafeInteger(scaled) && Number.isSafeInteger(den)) return rootOfScaled(scaled, den);
  return roundedRoot(Ratio.of(num, den), decimals);
}

/** |num / den| x 10^decimals rounded half up, as an integer: the digits of roundRatioHalfUp. */
export function roundedRatio(num: Int, den: Int, decimals: number): Int {
  if (typeof num === 'number' && typeof den === 'number') {
    const a = Math.abs(num) * 10 ** decimals;
    if (a <= INT32_MAX && den <= INT32_MAX) {
      // The same in 32-bit integers, where % is not a call to fmod.
      const rest = (a | 0) % (den | 0);
      const quotient = ((a - rest) / den) | 0;
      return 2 * rest >= den ? quotient + 1 : quotient;
    }
    if (a <= MAX_SAFE) {
      // Integer division in doubles: exact while a is a safe integer.
      const rest = a % den;
      const quotient = (a - rest) / den;
      return 2 * rest >= den ? quotient + 1 : quotient;
    }
  }
  const a = (num < 0 ? -big(num) : big(num)) * 10n ** BigInt(decimals);
  const d = big(den);
  const quotient = a / d;
  return 2n * (a % d) >= d ? quotient + 1n : quotient;
}

/**
 * sqrt(square) x 10^decimals rounded half up: the r with (2r - 1)^2 <= 4X < (2r + 1)^2 for
 * X = square x 10^(2 decimals) = a / b, from the double's root, checked (and mended) in integers:
 * in doubles while every product is a safe integer, else in bigints.
 */
function roundedRoot(square: Ratio, decimals: number): Int {
  const { num: a, den: b } = square.times(10 ** (2 * decimals));
  return rootOfScaled(a, b);
}

/** The r with (2r - 1)^2 <= 4X < (2r + 1)^2 for X = a / b: roundedRoot's work once scaled. */
function rootOfScaled(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number' && 4 * a <= MAX_SAFE) {
    let r = Math.round(Math.sqrt(a / b));
    const fits = (k: number) => (2 * k + 1) * (2 * k + 1) * b <= MAX_SAFE;
    if (fits(r + 1)) {
      while (r > 0 && (2 * r - 1) * (2 * r - 1) * b > 4 * a) r--;
      while ((2 * r + 1) * (2 * r + 1) * b <= 4 * a) r++;
      return r;
    }
  }
  const [x, y] = [big(a), big(b)];
  // floor(sqrt(a / b)) = isqrt(floor(a / b)); then one step up when sqrt(X) >= m + 1/2.
  const m = isqrt(x / y);
  const twice = 2n * m + 1n;
  return 4n * x >= twice * twice * y ? m + 1n : m;
}

/** The integer square root (floor) of n >= 0: Newton's method from above, starting at the double's estimate. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.ceil(Math.sqrt(Number(n)))) + 1n;
  // The estimate may be short for large n; Newton needs a start at or above the root.
  while (x * x <= n) x *= 2n;
  for (let y = (x + n / x) / 2n; y < x; y = (x + n / x) / 2n) x = y;
  return x;
}

/** digits() of small non-negative figures, by decimals then scaled value: a CSV of a million groups repeats them. */
const SMALL = 1 << 16;
/** Per number of decimals (0 to 3), made when first used: four at start-up cost 2 ms of every run. */
const SMALL_DIGITS: (string[] | undefined)[] = [undefined, undefined, undefined, undefined];

function digits(negative: boolean, scaled: Int, decimals: number): string {
  if (!negative && typeof scaled === 'number' && scaled < SMALL && decimals < SMALL_DIGITS.length) {
    const known = (SMALL_DIGITS[decimals] ??= new Array<string>(SMALL));
    return known[scaled] ?? (known[scaled] = spelled('', scaled, decimals));
  }
  return spelled(negative && scaled !== 0 && scaled !== 0n ? '-' : '', scaled, decimals);
}

function spelled(sign: string, scaled: Int, decimals: number): string {
  const text = String(scaled);
  if (decimals === 0) return sign + text;
  const padded = text.length > decimals ? text : text.padStart(decimals + 1, '0');
  const cut = padded.length - decimals;
  return sign + padded.slice(0, cut) + '.' + padded.slice(cut);
}
