/**
 * `times` additions of the same term in floating point, as `for (k < times) sum += term` does them,
 * to the last bit, in O(log times) steps instead of O(times): the standard deviation of a sample
 * kept as counts per value adds each squared deviation once per value, in sorted order.
 *
 * Why the shortcut is exact: while the sum stays within one binade [2^e, 2^(e+1)), every double
 * there is a multiple of ulp = 2^(e-52), the sum is one, and so each addition rounds the term to a
 * multiple of ulp on its own: the sum grows by the same `step` ulps each time. The exception is a
 * term exactly halfway between two multiples (a tie, rounded to even): from an even multiple the
 * step is then again always the same. So the additions that stay in the binade are taken at once,
 * and the one that leaves it (or any other case) is made as it is.
 */

const view = new DataView(new ArrayBuffer(8));
/** Outside these the sum is added term by term (ulps near the subnormal range, binades near overflow). */
const SMALLEST_FAST = 2 ** -900;
const LARGEST_FAST = 2 ** 1000;
/** So few additions are quicker made than skipped. */
const FEW = 8;

/** The same as adding `term` to `sum` `times` times in order, for sum >= 0, term >= 0, both finite. */
export function addRepeatedly(sum: number, term: number, times: number): number {
  if (times <= FEW) {
    for (let k = 0; k < times; k++) sum += term;
    return sum;
  }
  while (times > 0) {
    if (term === 0) return sum;
    if (sum < term || sum < SMALLEST_FAST || sum >= LARGEST_FAST) {
      sum += term;
      times--;
      continue;
    }
    const e = exponentOf(sum);
    const ulp = powerOfTwo(e - 52);
    const q = term / ulp; // exact: a power of two apart, and q < 2^53 since term <= sum
    const whole = Math.floor(q);
    const fraction = q - whole;
    let step: number;
    if (fraction < 0.5) step = whole;
    else if (fraction > 0.5) step = whole + 1;
    else if ((sum / ulp) % 2 === 0) step = whole % 2 === 0 ? whole : whole + 1;
    else {
      sum += term; // a tie from an odd multiple: after it the multiple is even
      times--;
      continue;
    }
    if (step === 0) return sum; // the term is lost in rounding, every time
    const room = (powerOfTwo(e + 1) - sum) / ulp; // exact: whole ulps left in the binade
    let fit = Math.floor((room - 1) / step);
    while (fit > 0 && fit * step >= room) fit--;
    while ((fit + 1) * step < room) fit++;
    if (fit === 0) {
      sum += term; // this addition leaves the binade
      times--;
      continue;
    }
    const take = Math.min(fit, times);
    sum += take * step * ulp; // exact: a multiple of ulp still inside the binade
    times -= take;
  }
  return sum;
}

/** e with 2^e <= x < 2^(e+1), for a positive normal x. */
function exponentOf(x: number): number {
  view.setFloat64(0, x);
  return ((view.getUint32(0) >>> 20) & 0x7ff) - 1023;
}

/** 2^e exactly, for e in the normal range. */
function powerOfTwo(e: number): number {
  view.setUint32(0, (e + 1023) << 20);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}
