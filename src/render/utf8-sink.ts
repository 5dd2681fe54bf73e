/**
 * Text written as UTF-8 straight into megabyte buffers, for outputs of millions of cells (CSV): no
 * string per field, line or output to join and then encode again, and whole numbers written as
 * digits. The bytes are those of the same text encoded by Buffer.from (a lone surrogate as U+FFFD).
 */
const CHUNK = 1 << 20;
const INT32_MAX = 0x7fffffff;

export class Utf8Sink {
  private readonly full: Buffer[] = [];
  private buf = Buffer.allocUnsafe(CHUNK);
  private pos = 0;

  /** Any text. */
  text(s: string): void {
    const n = s.length;
    // A UTF-16 unit takes at most 3 bytes (a surrogate pair 4 for 2 units).
    this.room(3 * n);
    const buf = this.buf;
    let pos = this.pos;
    for (let j = 0; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c >= 0x80) {
        // What precedes is ASCII, so the rest starts on a whole character.
        this.pos = pos + buf.write(j === 0 ? s : s.slice(j), pos, 'utf8');
        return;
      }
      buf[pos++] = c;
    }
    this.pos = pos;
  }

  /** One ASCII character, by its code. */
  byte(code: number): void {
    this.room(1);
    this.buf[this.pos++] = code;
  }

  /** A safe integer as `${n}` writes it. */
  integer(n: number): void {
    this.room(17);
    if (n < 0) {
      this.buf[this.pos++] = 45;
      n = -n;
    }
    this.digits(n, 0, 0);
  }

  /**
   * A rounded decimal: the non-negative safe integer `scaled` with its last `decimals` digits after
   * `mark` (a whole part of at least one digit), `-` before when negative and not zero: as `spelled`
   * in stats/exact.ts.
   */
  fixed(negative: boolean, scaled: number, decimals: number, mark: number): void {
    this.room(18 + decimals);
    if (negative && scaled !== 0) this.buf[this.pos++] = 45;
    this.digits(scaled, decimals, mark);
  }

  /** Zeros after a mark: a whole number written with decimals. */
  zeros(count: number): void {
    this.room(count);
    this.buf.fill(48, this.pos, this.pos + count);
    this.pos += count;
  }

  /** Everything written, as one buffer. */
  bytes(): Buffer {
    this.full.push(this.buf.subarray(0, this.pos));
    return this.full.length === 1 ? this.full[0] : Buffer.concat(this.full);
  }

  /** The digits of n (a non-negative safe integer), `mark` before the last `decimals` of them (when any). */
  private digits(n: number, decimals: number, mark: number): void {
    let length = 1;
    for (let power = 10; power <= n; power *= 10) length++;
    if (length <= decimals) length = decimals + 1;
    const buf = this.buf;
    const end = this.pos + length + (decimals > 0 ? 1 : 0);
    let at = end - 1;
    let k = 0;
    // Exact for safe integers: n / 10 is never rounded up to the next whole number.
    for (; n > INT32_MAX; k++) {
      if (k === decimals && k > 0) buf[at--] = mark;
      const q = Math.floor(n / 10);
      buf[at--] = 48 + n - 10 * q;
      n = q;
    }
    // The rest in 32-bit integers, which the compiler divides by 10 without a division.
    let small = n | 0;
    for (; k < length; k++) {
      if (k === decimals && k > 0) buf[at--] = mark;
      const q = (small / 10) | 0;
      buf[at--] = 48 + small - 10 * q;
      small = q;
    }
    this.pos = end;
  }

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    this.full.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK, bytes));
    this.pos = 0;
  }
}
