import fc from 'fast-check';
import type { CalDate } from '../../src/model/dates';
import { MAX_YEAR, MIN_YEAR, TWO_DIGIT_YEAR_PIVOT, parseCount, parseDate, parseOptionalCount } from '../../src/ingest/values';

const day = (year: number, month: number, d: number): CalDate => ({ year, month, day: d });
const monthOnly = (year: number, month: number): CalDate => ({ year, month, day: null });

/** Groups digits in thousands by hand, independently of the parser. */
function grouped(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

const INDONESIAN_MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
/** Indexed by ISO weekday - 1. */
const INDONESIAN_WEEKDAYS = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];

/** A valid calendar day, checked by Date rather than by the model's own month lengths. */
const validDay = fc
  .tuple(fc.integer({ min: MIN_YEAR, max: MAX_YEAR }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .filter(([y, m, d]) => new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d);

describe('parseCount', () => {
  test.each([
    ['0', 0],
    ['345', 345],
    ['007', 7],
    ['24.150', 24_150],
    ['24,150', 24_150],
    ['1,500', 1_500],
    ['1.000', 1_000],
    ['4,800,000', 4_800_000],
    ['4.800.000', 4_800_000],
    ['98.970', 98_970],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
    ['9,007,199,254,740,991', Number.MAX_SAFE_INTEGER],
  ])('accepts %j', (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });

  test.each([
    ['  345  ', 345],
    ['\u00a024.150\u00a0', 24_150],
    ['\t70\r', 70],
    ['\u202f1,500', 1_500],
  ])('ignores surrounding spaces and NBSP in %j', (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u00a0\t', 'empty'],
    ['1,5', 'not a whole number: "1,5"'],
    ['1.5', 'not a whole number: "1.5"'],
    ['24.15', 'not a whole number: "24.15"'],
    [' 70,0 ', 'not a whole number: "70,0"'],
    ['1.500,00', 'not a whole number: "1.500,00"'],
    ['1,500.5', 'not a whole number: "1,500.5"'],
    ['0,150', 'not a whole number: "0,150"'],
    ['0.000', 'not a whole number: "0.000"'],
    ['-3', 'negative: "-3"'],
    ['-1.500', 'negative: "-1.500"'],
    ['\u22123', 'negative: "\u22123"'],
    ['+3', 'leading "+" not allowed: "+3"'],
    ['abc', 'not a number: "abc"'],
    ['12abc', 'not a number: "12abc"'],
    ['1 500', 'not a number: "1 500"'],
    ['1e5', 'not a number: "1e5"'],
    ['1,50,000', 'bad thousands grouping: "1,50,000"'],
    ['1234,567', 'bad thousands grouping: "1234,567"'],
    ['1,5000', 'bad thousands grouping: "1,5000"'],
    ['01.500', 'bad thousands grouping: "01.500"'],
    ['5.', 'bad thousands grouping: "5."'],
    ['1,,500', 'bad thousands grouping: "1,,500"'],
    ['1,500.000', 'mixes "." and "," as separators: "1,500.000"'],
    ['9007199254740992', 'too large: "9007199254740992" (the largest count is 9,007,199,254,740,991, 2^53 − 1)'],
    ['9.007.199.254.740.992', 'too large: "9.007.199.254.740.992" (the largest count is 9,007,199,254,740,991, 2^53 − 1)'],
    ['99999999999999999999999', 'too large: "99999999999999999999999" (the largest count is 9,007,199,254,740,991, 2^53 − 1)'],
  ])('rejects %j', (text, reason) => {
    expect(parseCount(text)).toBe(reason);
  });

  test('random counts, plain or grouped with "." or ",", parse back exactly', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.constantFrom('', '.', ','), (n, separator) => {
        expect(parseCount(grouped(n, separator))).toBe(n);
      }),
    );
  });

  test('never throws, and gives a safe non-negative integer or a reason', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = parseCount(text);
        if (typeof r === 'number') expect(Number.isSafeInteger(r) && r >= 0).toBe(true);
        else expect(r.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('parseOptionalCount', () => {
  test.each(['', '  ', '\u00a0', '\t'])('treats %j as missing', (text) => {
    expect(parseOptionalCount(text)).toBeNull();
  });

  test('parses a present count and explains a bad one', () => {
    expect(parseOptionalCount(' 3 ')).toBe(3);
    expect(parseOptionalCount('1,5')).toBe('not a whole number: "1,5"');
  });
});

describe('parseDate: accepted forms', () => {
  test.each([
    ['2016-03-09', day(2016, 3, 9)],
    ['2016-3-9', day(2016, 3, 9)],
    ['2016/03/09', day(2016, 3, 9)],
    ['2017-08', monthOnly(2017, 8)],
    ['2017/8', monthOnly(2017, 8)],
    ['9/3/2016', day(2016, 3, 9)],
    ['09-03-16', day(2016, 3, 9)],
    ['9.3.2016', day(2016, 3, 9)],
    ['9/3/16', day(2016, 3, 9)],
    ['08/2017', monthOnly(2017, 8)],
    ['8-2017', monthOnly(2017, 8)],
    ['9 Maret 2016', day(2016, 3, 9)],
    ['9 Mar 2016', day(2016, 3, 9)],
    ['9 Mar. 2016', day(2016, 3, 9)],
    ['09-Mar-2016', day(2016, 3, 9)],
    ['9/Mar/2016', day(2016, 3, 9)],
    ['9-Agt-17', day(2017, 8, 9)],
    ['9 Agt 17', day(2017, 8, 9)],
    ['March 9, 2016', day(2016, 3, 9)],
    ['Mar 9 2016', day(2016, 3, 9)],
    ['Sept. 9, 2016', day(2016, 9, 9)],
    ['Agustus 2017', monthOnly(2017, 8)],
    ['Agt 2017', monthOnly(2017, 8)],
    ['Aug-2017', monthOnly(2017, 8)],
    ['Aug-17', monthOnly(2017, 8)],
    ['MARET 2017', monthOnly(2017, 3)],
    ['9 maret 2016', day(2016, 3, 9)],
    ['9 AGT. 2017', day(2017, 8, 9)],
  ])('%j', (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
  });

  test.each([
    ['  2016-03-09\u00a0', day(2016, 3, 9)],
    ['\t9 Maret 2016 ', day(2016, 3, 9)],
    ['9  Maret   2016', day(2016, 3, 9)],
    ['9 / 3 / 2016', day(2016, 3, 9)],
    ['\u00a0Agustus\u00a02017', monthOnly(2017, 8)],
  ])('whitespace: %j', (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
  });

  test.each([
    ['Januari', 1],
    ['January', 1],
    ['Jan', 1],
    ['Februari', 2],
    ['Pebruari', 2],
    ['February', 2],
    ['Feb', 2],
    ['Peb', 2],
    ['Maret', 3],
    ['March', 3],
    ['Mar', 3],
    ['April', 4],
    ['Apr', 4],
    ['Mei', 5],
    ['May', 5],
    ['Juni', 6],
    ['June', 6],
    ['Jun', 6],
    ['Juli', 7],
    ['July', 7],
    ['Jul', 7],
    ['Agustus', 8],
    ['August', 8],
    ['Agu', 8],
    ['Agt', 8],
    ['Ags', 8],
    ['Aug', 8],
    ['September', 9],
    ['Sep', 9],
    ['Sept', 9],
    ['Oktober', 10],
    ['October', 10],
    ['Okt', 10],
    ['Oct', 10],
    ['November', 11],
    ['Nopember', 11],
    ['Nov', 11],
    ['Nop', 11],
    ['Desember', 12],
    ['December', 12],
    ['Des', 12],
    ['Dec', 12],
  ])('month name %j is month %d in every case and with a dot', (name, month) => {
    for (const form of [name, name.toUpperCase(), name.toLowerCase(), `${name}.`]) {
      expect(parseDate(`1 ${form} 2016`)).toEqual(day(2016, month, 1));
      expect(parseDate(`${form} 2016`)).toEqual(monthOnly(2016, month));
    }
  });
});

describe('parseDate: day-first and month-first', () => {
  test.each([
    ['3/9/2016', day(2016, 9, 3), day(2016, 3, 9)],
    ['09-03-16', day(2016, 3, 9), day(2016, 9, 3)],
    ['1.2.2017', day(2017, 2, 1), day(2017, 1, 2)],
  ])('%j reads differently as dmy and mdy', (text, asDmy, asMdy) => {
    expect(parseDate(text)).toEqual(asDmy);
    expect(parseDate(text, 'dmy')).toEqual(asDmy);
    expect(parseDate(text, 'mdy')).toEqual(asMdy);
  });

  test.each(['2016-03-09', '9 Maret 2016', 'March 9, 2016', '2016-03', '03/2016', 'Maret 2016'])(
    '%j does not depend on the format',
    (text) => {
      expect(parseDate(text, 'mdy')).toEqual(parseDate(text, 'dmy'));
      expect(typeof parseDate(text, 'mdy')).toBe('object');
    },
  );

  test('the order is never guessed from the values', () => {
    expect(parseDate('13/1/2016', 'mdy')).toBe('no month 13: "13/1/2016"');
    expect(parseDate('1/13/2016')).toBe('no month 13: "1/13/2016"');
  });
});

describe('parseDate: two-digit years', () => {
  test('the pivot is 70', () => {
    expect(TWO_DIGIT_YEAR_PIVOT).toBe(70);
  });

  test.each([
    ['1/1/00', 2000],
    ['1/1/16', 2016],
    ['1/1/69', 2069],
    ['1/1/70', 1970],
    ['1/1/99', 1999],
  ])('%j is in %d', (text, year) => {
    expect(parseDate(text)).toEqual(day(year, 1, 1));
  });

  test('month names and month-only forms use the same pivot', () => {
    expect(parseDate('Aug-69')).toEqual(monthOnly(2069, 8));
    expect(parseDate('Aug-70')).toEqual(monthOnly(1970, 8));
    expect(parseDate('1-Jan-99')).toEqual(day(1999, 1, 1));
  });
});

describe('parseDate: leap years and impossible dates', () => {
  test.each([
    ['29/02/2016', day(2016, 2, 29)],
    ['29/2/2000', day(2000, 2, 29)],
    ['31/12/2016', day(2016, 12, 31)],
    ['30/04/2016', day(2016, 4, 30)],
  ])('accepts %j', (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
  });

  test.each([
    ['31/02/2016', 'no day 31 in 2016-02: "31/02/2016"'],
    ['30/02/2016', 'no day 30 in 2016-02: "30/02/2016"'],
    ['29/02/2017', 'no day 29 in 2017-02: "29/02/2017"'],
    ['29/2/1900', 'no day 29 in 1900-02: "29/2/1900"'],
    ['29/2/2100', 'no day 29 in 2100-02: "29/2/2100"'],
    ['31/04/2016', 'no day 31 in 2016-04: "31/04/2016"'],
    ['0/3/2016', 'no day 0 in 2016-03: "0/3/2016"'],
    ['32 Januari 2016', 'no day 32 in 2016-01: "32 Januari 2016"'],
    ['9/13/2016', 'no month 13: "9/13/2016"'],
    ['2016-00-10', 'no month 0: "2016-00-10"'],
    ['2017-13', 'no month 13: "2017-13"'],
    ['00/2017', 'no month 0: "00/2017"'],
    ['9 Maret 1899', 'year 1899 outside 1900..2199: "9 Maret 1899"'],
    ['1/1/2200', 'year 2200 outside 1900..2199: "1/1/2200"'],
    ['2200-01', 'year 2200 outside 1900..2199: "2200-01"'],
  ])('rejects %j', (text, reason) => {
    expect(parseDate(text)).toBe(reason);
  });
});

describe('parseDate: text that is not a date', () => {
  test.each(['', '   ', '\u00a0'])('%j is empty', (text) => {
    expect(parseDate(text)).toBe('empty');
  });

  test.each([
    'abc',
    'Maret',
    '2016',
    '20160309',
    '42438',
    '9/3',
    '9 Maret',
    'Aug 17',
    'March 9, 16',
    '9/3-2016',
    '2016.08',
    '9/3/216',
    '9/3/20161',
    '123/3/2016',
    '9Mar2016',
    '9//3/2016',
    '-9/3/2016',
    '9/3/2016-',
    '9 Maret, 2016',
    '2016-03-09 25:61x',
    '9 Maret 2016 2017',
  ])('%j', (text) => {
    expect(parseDate(text)).toBe(`not a date: ${JSON.stringify(text.trim())}`);
  });

  test.each([
    ['9 Marc 2016', 'unknown month name "Marc": "9 Marc 2016"'],
    ['Foo 2017', 'unknown month name "Foo": "Foo 2017"'],
    ['Kemarin, 9 Maret 2017', 'unknown weekday name "Kemarin": "Kemarin, 9 Maret 2017"'],
  ])('%j names the unknown word', (text, reason) => {
    expect(parseDate(text)).toBe(reason);
  });
});

describe('parseDate: leading weekday', () => {
  // 9 March 2017 was a Thursday (Kamis), 10 March a Friday (Jumat), 11 March a Saturday (Sabtu).
  test.each([
    ['Kamis, 9 Maret 2017', day(2017, 3, 9)],
    ['Thu, 9 Mar 2017', day(2017, 3, 9)],
    ['Thursday, March 9, 2017', day(2017, 3, 9)],
    ['kamis 9 maret 2017', day(2017, 3, 9)],
    ['Kam., 9/3/2017', day(2017, 3, 9)],
    ["Jum'at, 10 Maret 2017", day(2017, 3, 10)],
    ['Jumat, 10/3/2017', day(2017, 3, 10)],
    ['FRI, 3/10/2017', day(2017, 3, 10)],
    ['Sabtu, 2017-03-11', day(2017, 3, 11)],
  ])('accepts %j when it matches', (text, expected) => {
    expect(parseDate(text, text.startsWith('FRI') ? 'mdy' : 'dmy')).toEqual(expected);
  });

  test('a weekday that does not match the date is an error', () => {
    expect(parseDate('Rabu, 9 Maret 2017')).toBe('weekday "Rabu" does not match 2017-03-09');
    expect(parseDate('Fri, 9 Mar 2017')).toBe('weekday "Fri" does not match 2017-03-09');
  });

  test('a weekday before a whole month is an error', () => {
    expect(parseDate('Kamis, Maret 2017')).toBe('weekday "Kamis" given for a whole month 2017-03');
  });

  test('the right weekday is accepted and any other refused, for random dates', () => {
    fc.assert(
      fc.property(validDay, fc.integer({ min: 1, max: 6 }), ([y, m, d], shift) => {
        const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7; // Date as the independent reference
        const right = INDONESIAN_WEEKDAYS[weekday - 1];
        const wrong = INDONESIAN_WEEKDAYS[(weekday - 1 + shift) % 7];
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(parseDate(`${right}, ${d}/${m}/${y}`)).toEqual(day(y, m, d));
        expect(parseDate(`${wrong}, ${d}/${m}/${y}`)).toBe(`weekday "${wrong}" does not match ${iso}`);
      }),
    );
  });
});

describe('parseDate: round trips', () => {
  test('ISO, d/m/yyyy and "d Maret yyyy" give back the same day', () => {
    fc.assert(
      fc.property(validDay, ([y, m, d]) => {
        const expected = day(y, m, d);
        const pad = (n: number): string => String(n).padStart(2, '0');
        expect(parseDate(`${y}-${pad(m)}-${pad(d)}`)).toEqual(expected);
        expect(parseDate(`${d}/${m}/${y}`)).toEqual(expected);
        expect(parseDate(`${d} ${INDONESIAN_MONTHS[m - 1]} ${y}`)).toEqual(expected);
      }),
    );
  });

  test('never throws, and any date it returns is a real one in range', () => {
    const dateish = fc.stringMatching(/^[0-9A-Za-z /.,'-]{0,20}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), dateish), fc.constantFrom('dmy' as const, 'mdy' as const), (text, format) => {
        const r = parseDate(text, format);
        if (typeof r === 'string') return;
        expect(r.year >= MIN_YEAR && r.year <= MAX_YEAR).toBe(true);
        if (r.day !== null) expect(new Date(Date.UTC(r.year, r.month - 1, r.day)).getUTCDate()).toBe(r.day);
        else expect(r.month >= 1 && r.month <= 12).toBe(true);
      }),
    );
  });
});

describe('parseDate: a time of day after the date is ignored (Excel writes `9/3/2016 0:00`)', () => {
  test.each(['9/3/2016 0:00', '2016-03-09 10:30:00', '2016-03-09T10:30', '9 Maret 2016 13.00'.replace('.', ':'), '09/03/2016 1:05 PM'])(
    '%s',
    (text) => expect(parseDate(text)).toEqual({ year: 2016, month: 3, day: 9 }),
  );
  test('a time alone is not a date', () => expect(typeof parseDate('10:30')).toBe('string'));
});
