import fc from 'fast-check';
import { UsageError } from '../../src/errors';
import { Ratio, Root } from '../../src/stats/exact';
import {
  formatAsGiven,
  formatDate,
  formatDecimal,
  formatInt,
  formatMoney,
  formatMoneyShort,
  formatPartialPeriod,
  formatPercent,
  formatPeriod,
  formatPlain,
  label,
  resolveLocale,
} from '../../src/render/locale';

// Intl (ICU) is an independent implementation of the same conventions: en-US and id-ID grouping.
// signDisplay 'negative' (ES2023, so cast for our ES2022 lib) drops the sign of a negative zero, as visitstat does.
const intl = (locale: string, decimals: number) =>
  new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay: 'negative',
  } as unknown as Intl.NumberFormatOptions);

describe('resolveLocale', () => {
  it('prefers the flag, then the config, then LC_ALL / LANG', () => {
    expect(resolveLocale('en', 'id', { LANG: 'id_ID.UTF-8' })).toBe('en');
    expect(resolveLocale(undefined, 'id', { LANG: 'en_US.UTF-8' })).toBe('id');
    expect(resolveLocale(undefined, undefined, { LANG: 'id_ID.UTF-8' })).toBe('id');
    expect(resolveLocale(undefined, undefined, { LC_ALL: 'id_ID', LANG: 'en_US' })).toBe('id');
    expect(resolveLocale(undefined, undefined, { LC_ALL: 'C', LANG: 'id_ID' })).toBe('en');
    expect(resolveLocale(undefined, undefined, { LANG: 'ida' })).toBe('en');
    expect(resolveLocale(undefined, undefined, {})).toBe('en');
  });

  it('rejects an unknown --locale as a usage error', () => {
    expect(() => resolveLocale('fr', undefined, {})).toThrow(UsageError);
  });
});

describe('numbers', () => {
  it('formats the seed figures in both locales', () => {
    expect(formatInt(24150, 'id')).toBe('24.150');
    expect(formatInt(24150, 'en')).toBe('24,150');
    expect(formatDecimal(24150 / 345, 1, 'id')).toBe('70,0');
    expect(formatDecimal(24150 / 345, 1, 'en')).toBe('70.0');
    expect(formatInt(4_800_000n, 'id')).toBe('4.800.000');
  });

  it('formats negatives with a leading minus and never a negative zero', () => {
    expect(formatInt(-1234567, 'id')).toBe('-1.234.567');
    expect(formatInt(-1234567n, 'en')).toBe('-1,234,567');
    expect(formatDecimal(-1234.56, 1, 'id')).toBe('-1.234,6');
    expect(formatDecimal(-0.04, 1, 'en')).toBe('0.0');
    expect(formatInt(-0.4, 'en')).toBe('0');
    expect(formatPercent(-12.25, 1, 'id')).toBe('-12,3%');
  });

  it('writes non-finite numbers as not available', () => {
    expect(formatDecimal(NaN, 1, 'en')).toBe('-');
    expect(formatPercent(Infinity, 1, 'id')).toBe('-');
    expect(formatPlain(-Infinity, 1, '.')).toBe('');
  });

  it('agrees with Intl for whole numbers and exact binary fractions', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: 0, max: 3 }), (eighths, decimals) => {
        const n = eighths / 8;
        expect(formatDecimal(n, decimals, 'en')).toBe(intl('en-US', decimals).format(n).replace('\u2212', '-'));
        expect(formatDecimal(n, decimals, 'id')).toBe(intl('id-ID', decimals).format(n).replace('\u2212', '-'));
      }),
    );
  });

  it('formats percentage points (already x100)', () => {
    expect(formatPercent((39000 / 50000) * 100, 1, 'id')).toBe('78,0%');
    expect(formatPercent(78, 0, 'en')).toBe('78%');
  });

  it('writes plain machine numbers without grouping', () => {
    expect(formatPlain(1234567.25, 1, '.')).toBe('1234567.3');
    expect(formatPlain(-70.5, 1, ',')).toBe('-70,5');
    expect(formatPlain(1e21, 0, '.')).toBe('1000000000000000000000');
    expect(formatPlain(-0.004, 2, '.')).toBe('0.00');
    expect(formatPlain(-0.005, 2, ',')).toBe('-0,01');
    expect(formatPlain(-3e21, 1, '.')).toBe('-3000000000000000000000.0');
  });

  it('writes plain numbers rounded half up from the decimal they read as (their shortest form), for any number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e22, max: 1e22 }), fc.integer({ min: 0, max: 4 }), (n, d) => {
        // The shortest decimal as digits x 10^scale, rounded half up (away from zero) in BigInt.
        const [mantissa, exponent = '0'] = String(Math.abs(n)).split('e');
        const [whole, fraction = ''] = mantissa.split('.');
        const scale = Number(exponent) - fraction.length + d;
        const digits = BigInt(whole + fraction);
        const scaled = scale >= 0 ? digits * 10n ** BigInt(scale) : (2n * digits + 10n ** BigInt(-scale)) / (2n * 10n ** BigInt(-scale));
        const text = scaled.toString().padStart(d + 1, '0');
        const magnitude = d ? `${text.slice(0, -d)}.${text.slice(-d)}` : text;
        const expected = (n < 0 && scaled !== 0n ? '-' : '') + magnitude;
        expect(formatPlain(n, d, '.')).toBe(expected);
        expect(formatPlain(n, d, ',')).toBe(expected.replace('.', ','));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('exact figures', () => {
  it('rounds a Ratio half up from its exact value, in every form', () => {
    expect(formatDecimal(Ratio.of(201, 200), 2, 'en')).toBe('1.01');
    expect(formatDecimal(Ratio.of(41, 40), 2, 'id')).toBe('1,03');
    expect(formatPlain(Ratio.of(41, 40), 2, ',')).toBe('1,03');
    expect(formatPercent(Ratio.of(2875, 100), 1, 'en')).toBe('28.8%');
    expect(formatInt(Ratio.of(24_219_178, 1000), 'id')).toBe('24.219');
    expect(formatDecimal(Ratio.of(-123_456_785, 100), 1, 'en')).toBe('-1,234,567.9');
    expect(formatDecimal(new Root(Ratio.of(9, 4)), 0, 'en')).toBe('2');
  });

  it('writes a number from the user with the decimals it was given with', () => {
    expect(formatAsGiven(5, 'en')).toBe('5');
    expect(formatAsGiven(2.55, 'id')).toBe('2,55');
    expect(formatAsGiven(91, 'id')).toBe('91');
  });
});

describe('formatPartialPeriod', () => {
  const day = (year: number, month: number, d: number) => ({ year, month, day: d });

  it('gives the days of a month, and whole months or days of a quarter or year', () => {
    const august = { period: { unit: 'month' as const, year: 2018, month: 8 }, covered: [{ from: day(2018, 8, 1), to: day(2018, 8, 9) }] };
    expect(formatPartialPeriod(august, 'id')).toBe('Agustus 2018 (1–9)');
    expect(formatPartialPeriod(august, 'en')).toBe('Aug 2018 (1–9)');
    const q1 = { period: { unit: 'quarter' as const, year: 2017, quarter: 1 }, covered: [{ from: day(2017, 3, 1), to: day(2017, 3, 31) }] };
    expect(formatPartialPeriod(q1, 'id')).toBe('Triwulan I 2017 (Maret)');
    const q2 = { period: { unit: 'quarter' as const, year: 2017, quarter: 2 }, covered: [{ from: day(2017, 4, 1), to: day(2017, 5, 31) }] };
    expect(formatPartialPeriod(q2, 'en')).toBe('Q2 2017 (Apr–May)');
    const year = { period: { unit: 'year' as const, year: 2018 }, covered: [{ from: day(2018, 1, 1), to: day(2018, 8, 9) }] };
    expect(formatPartialPeriod(year, 'en')).toBe('2018 (1 Jan–9 Aug)');
    const gaps = {
      period: { unit: 'year' as const, year: 2016 },
      covered: [
        { from: day(2016, 1, 1), to: day(2016, 2, 29) },
        { from: day(2016, 3, 5), to: day(2016, 3, 9) },
        { from: day(2016, 12, 31), to: day(2016, 12, 31) },
      ],
    };
    expect(formatPartialPeriod(gaps, 'en')).toBe('2016 (Jan–Feb, 5–9 Mar, 31 Dec)');
  });
});

describe('money', () => {
  const total2017 = 4_800_000n * 1_500_000n + 98_970n * 2_700_000n;

  it('writes the 2017 total in full and short form', () => {
    expect(total2017).toBe(7_467_219_000_000n);
    expect(formatMoney(total2017, 'id')).toBe('Rp7.467.219.000.000');
    expect(formatMoney(total2017, 'en')).toBe('IDR 7,467,219,000,000');
    expect(formatMoneyShort(total2017, 'id')).toBe('Rp7,47 triliun');
    expect(formatMoneyShort(total2017, 'en')).toBe('IDR 7.47 trillion');
    expect(formatMoneyShort(-total2017, 'id')).toBe('-Rp7,47 triliun');
    expect(formatMoney(-total2017, 'en')).toBe('-IDR 7,467,219,000,000');
  });

  it('promotes to the next scale word when rounding reaches 1000', () => {
    expect(formatMoneyShort(999_999n, 'id')).toBe('Rp999.999');
    expect(formatMoneyShort(999_994_999n, 'id')).toBe('Rp999,99 juta');
    expect(formatMoneyShort(999_995_000n, 'id')).toBe('Rp1,00 miliar');
    expect(formatMoneyShort(999_999_999n, 'id')).toBe('Rp1,00 miliar');
    expect(formatMoneyShort(999_999_999n, 'en')).toBe('IDR 1.00 billion');
    expect(formatMoneyShort(999_999_999_999n, 'en')).toBe('IDR 1.00 trillion');
  });

  it('rounds half up exactly, with no float error', () => {
    expect(formatMoneyShort(1_005_000n, 'en')).toBe('IDR 1.01 million');
    expect(formatMoneyShort(1_004_999n, 'en')).toBe('IDR 1.00 million');
    expect(formatMoneyShort(1_500_000n, 'id')).toBe('Rp1,50 juta');
  });

  it('keeps the trillion word for values beyond it, grouped (2^60)', () => {
    // 2^60 = 1,152,921,504,606,846,976 = 1,152,921.504... trillion
    expect(formatMoneyShort(2n ** 60n, 'id')).toBe('Rp1.152.921,50 triliun');
    expect(formatMoney(2n ** 60n, 'en')).toBe('IDR 1,152,921,504,606,846,976');
  });

  it('short form is within half a hundredth of the scale and uses the largest scale below 1000', () => {
    const scales: Record<string, bigint> = { million: 10n ** 6n, billion: 10n ** 9n, trillion: 10n ** 12n };
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 6n, max: 10n ** 18n }), (v) => {
        const m = /^IDR ([\d,]+)\.(\d\d) (million|billion|trillion)$/.exec(formatMoneyShort(v, 'en'));
        expect(m).not.toBeNull();
        const hundredths = BigInt(m![1].replace(/,/g, '') + m![2]);
        const scale = scales[m![3]];
        const error = hundredths * scale - 100n * v;
        expect(2n * (error < 0n ? -error : error) <= scale).toBe(true);
        expect(hundredths >= 100n).toBe(true);
        if (m![3] !== 'trillion') expect(hundredths < 100_000n).toBe(true);
      }),
    );
  });
});

describe('periods and dates', () => {
  it.each([
    [{ unit: 'month', year: 2016, month: 3 }, 'Maret 2016', 'Mar 2016'],
    [{ unit: 'month', year: 2017, month: 8 }, 'Agustus 2017', 'Aug 2017'],
    [{ unit: 'quarter', year: 2016, quarter: 1 }, 'Triwulan I 2016', 'Q1 2016'],
    [{ unit: 'quarter', year: 2016, quarter: 4 }, 'Triwulan IV 2016', 'Q4 2016'],
    [{ unit: 'year', year: 2018 }, '2018', '2018'],
    [{ unit: 'weekday', weekday: 1 }, 'Senin', 'Monday'],
    [{ unit: 'weekday', weekday: 7 }, 'Minggu', 'Sunday'],
    [{ unit: 'day', year: 2016, month: 3, day: 9 }, '9 Maret 2016', '9 Mar 2016'],
  ] as const)('%j', (period, id, en) => {
    expect(formatPeriod(period, 'id')).toBe(id);
    expect(formatPeriod(period, 'en')).toBe(en);
  });

  it('formats a day and a month-only date', () => {
    expect(formatDate({ year: 2016, month: 11, day: 2 }, 'id')).toBe('2 November 2016');
    expect(formatDate({ year: 2017, month: 5, day: null }, 'en')).toBe('May 2017');
  });

  it('picks a label per locale', () => {
    expect(label({ id: 'Pengunjung', en: 'Visitors' }, 'id')).toBe('Pengunjung');
    expect(label('Total', 'en')).toBe('Total');
  });
});
