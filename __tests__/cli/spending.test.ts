/**
 * `visitstat spending` end to end. Expected figures are computed here from the fixture CSV (read
 * with csv-parse, not with visitstat) or from the published 2017 numbers, never copied from output.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ROOT, visitstat, COUNTS_ONLY } from '../helpers/cli';

const ARRIVALS_2016 = 'fixtures/sample/arrivals-2016.csv';
const ARRIVALS_2017 = 'fixtures/sample/arrivals-2017.csv';
const DELEGATIONS_2017 = 'fixtures/sample/delegations-2017.csv';

type Record = { [column: string]: string };
const records = (file: string): Record[] => parse(readFileSync(join(ROOT, file)), { columns: true }) as Record[];
const sumOf = (rows: Record[], column: string) => rows.reduce((n, r) => n + Number(r[column]), 0);

const arrivals2017 = records(ARRIVALS_2017);
const DOMESTIC = sumOf(arrivals2017, 'wisnus');
const FOREIGN = sumOf(arrivals2017, 'wisman');
const delegations2017 = records(DELEGATIONS_2017);
const DELEGATES = sumOf(delegations2017, 'people');

const DOMESTIC_RATE = 1_500_000n;
const FOREIGN_RATE = 2_700_000n;

/** Runs spending with --format json and parses the document. */
function spendingJson(args: string[], input?: string): any {
  const result = visitstat(['spending', '--format', 'json', ...args], { input });
  expect(result.stderr).toMatch(COUNTS_ONLY);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'visitstat-spending-')), name);
  writeFileSync(path, text);
  return path;
}

describe('the 2017 check on the bundled fixtures', () => {
  const EXPECTED = BigInt(DOMESTIC) * DOMESTIC_RATE + BigInt(FOREIGN) * FOREIGN_RATE;

  it('reads the published arrivals from the fixture itself', () => {
    expect([DOMESTIC, FOREIGN, DELEGATES]).toEqual([4_800_000, 98_970, 39_000]);
    expect(EXPECTED).toBe(4_800_000n * 1_500_000n + 98_970n * 2_700_000n);
  });

  it('reports exactly Rp7,467,219,000,000 in JSON, split by segment', () => {
    const doc = spendingJson([ARRIVALS_2017, DELEGATIONS_2017]);
    expect(BigInt(doc.total)).toBe(EXPECTED);
    expect(doc.total).toBe(7_467_219_000_000);
    expect(doc.segments.map((s: any) => [s.segment, s.visitors, s.estimate, s.inTotal])).toEqual([
      ['domestic', DOMESTIC, 7_200_000_000_000, true],
      ['foreign', FOREIGN, 267_219_000_000, true],
      ['delegations', DELEGATES, Number(BigInt(DELEGATES) * DOMESTIC_RATE), false],
    ]);
    expect([doc.rowsRead, doc.rowsAccepted, doc.rowsRejected]).toEqual([
      arrivals2017.length + delegations2017.length,
      arrivals2017.length + delegations2017.length,
      0,
    ]);
  });

  it('writes the same figures as plain integers in CSV, and with ; and CRLF for Excel', () => {
    const csv = visitstat(['spending', '--format', 'csv', ARRIVALS_2017, DELEGATIONS_2017]).stdout;
    expect(csv).toContain(`2017,domestic,${DOMESTIC},visit,${DOMESTIC_RATE},${BigInt(DOMESTIC) * DOMESTIC_RATE},false\n`);
    expect(csv).toContain(`2017,total,${DOMESTIC + FOREIGN},,,${EXPECTED},false\n`);
    const excel = visitstat(['spending', '--format', 'csv', '--excel', ARRIVALS_2017]).stdout;
    expect(excel.startsWith('\uFEFFperiod;segment;')).toBe(true);
    expect(excel).toContain(`2017;total;${DOMESTIC + FOREIGN};;;${EXPECTED};false\r\n`);
  });

  it('states the formula and the total in full and short, in both locales', () => {
    const id = visitstat(['spending', '--locale', 'id', ARRIVALS_2017]).stdout;
    expect(id).toContain('4.800.000 x Rp1.500.000 = Rp7.200.000.000.000');
    expect(id).toContain('98.970 x Rp2.700.000 = Rp267.219.000.000');
    expect(id).toContain('Rp7.467.219.000.000 (Rp7,47 triliun)');
    const en = visitstat(['spending', '--locale', 'en', '--format', 'markdown', ARRIVALS_2017]).stdout;
    expect(en).toContain('4,800,000 x IDR 1,500,000 = IDR 7,200,000,000,000');
    expect(en).toContain('IDR 7,467,219,000,000 (IDR 7.47 trillion)');
    expect(en).toMatch(/\| Total \| 4,898,970 \| - \| - \| IDR 7\.47 trillion \|/);
  });
});

describe('delegations are part of domestic arrivals', () => {
  it('shows them "of which" beside arrivals, leaving the total as without them', () => {
    const withDelegations = spendingJson([ARRIVALS_2017, DELEGATIONS_2017]);
    const without = spendingJson([ARRIVALS_2017]);
    expect(withDelegations.total).toBe(without.total);
    const [year] = withDelegations.periods;
    expect(year.lines.map((l: any) => l.segment)).toEqual(['domestic', 'foreign']);
    expect(year.ofWhichDelegations).toMatchObject([{ segment: 'delegations', visitors: DELEGATES }]);
  });

  it('makes them the whole scope when only delegation logs are given, at their own rate', () => {
    const doc = spendingJson(['--delegation-rate', '2.000.000', DELEGATIONS_2017]);
    expect(doc.scope).toBe('delegations');
    expect(BigInt(doc.total)).toBe(BigInt(DELEGATES) * 2_000_000n);
  });
});

describe('rates', () => {
  it('gives low, central and high estimates for a range, grouped digits allowed', () => {
    const doc = spendingJson(['--domestic-rate', '1.000.000..2.000.000', ARRIVALS_2017]);
    const foreign = BigInt(FOREIGN) * FOREIGN_RATE;
    expect([doc.totalLow, doc.total, doc.totalHigh].map(BigInt)).toEqual([
      BigInt(DOMESTIC) * 1_000_000n + foreign,
      BigInt(DOMESTIC) * 1_500_000n + foreign,
      BigInt(DOMESTIC) * 2_000_000n + foreign,
    ]);
    const table = visitstat(['spending', '--no-color', '--domestic-rate', '1000000..2000000', ARRIVALS_2017]).stdout;
    expect(table).toContain('the range IDR 1,000,000..IDR 2,000,000 gives IDR 4,800,000,000,000..IDR 9,600,000,000,000');
  });

  it('applies year-specific rates from the config file, and flags over config', () => {
    const config = tempFile('rates.json', JSON.stringify({ rates: [{ year: 2016, domestic: 1_250_000, foreign: '2000000..3000000' }] }));
    const arrivals2016 = records(ARRIVALS_2016);
    const doc = spendingJson(['--config', config, ARRIVALS_2016, ARRIVALS_2017]);
    const [y2016, y2017] = doc.periods;
    expect(BigInt(y2016.total)).toBe(
      BigInt(sumOf(arrivals2016, 'wisnus')) * 1_250_000n + BigInt(sumOf(arrivals2016, 'wisman')) * 2_500_000n,
    );
    expect(BigInt(y2016.totalHigh)).toBe(
      BigInt(sumOf(arrivals2016, 'wisnus')) * 1_250_000n + BigInt(sumOf(arrivals2016, 'wisman')) * 3_000_000n,
    );
    expect(y2017.total).toBe(7_467_219_000_000);
    expect(doc.rates).toContainEqual({
      segment: 'domestic',
      from: '2016-01-01',
      to: '2016-12-31',
      rateLow: 1_250_000,
      rate: 1_250_000,
      rateHigh: 1_250_000,
      source: 'config rates[0].domestic',
    });

    const overridden = spendingJson(['--config', config, '--domestic-rate', '1000000', ARRIVALS_2016]);
    expect(overridden.periods[0].lines[0]).toMatchObject({ segment: 'domestic', rate: 1_000_000 });
  });

  it.each([
    [['--domestic-rate', '1,5'], /--domestic-rate: "1,5" is not a whole number/],
    [['--foreign-rate', '3000000..2000000'], /--foreign-rate: .*low end above its high end/],
    [['--delegation-rate', 'Rp1.500.000'], /--delegation-rate/],
    [['--nights', '0'], /--nights must be a whole number of nights, 1 or more/],
  ])('refuses %p with a usage error naming the flag', (flags, message) => {
    const result = visitstat(['spending', ...flags, ARRIVALS_2017]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('basis night', () => {
  it('multiplies by the nights column, and --nights for rows without one', () => {
    const visitorNights = delegations2017.reduce((n, r) => n + Number(r.people) * (r.nights === '' ? 3 : Number(r.nights)), 0);
    const doc = spendingJson(['--basis', 'night', '--nights', '3', '--delegation-rate', '750000', DELEGATIONS_2017]);
    expect(doc.periods[0].lines[0]).toMatchObject({ visitors: DELEGATES, units: visitorNights, nightsEach: null });
    expect(BigInt(doc.total)).toBe(BigInt(visitorNights) * 750_000n);
  });

  it('takes basis and nights from the config, and the flags over them', () => {
    const config = tempFile('night.json', JSON.stringify({ basis: 'night', nights: 2 }));
    const night = spendingJson(['--config', config, ARRIVALS_2017]);
    expect(night).toMatchObject({ basis: 'night', nights: 2 });
    expect(BigInt(night.total)).toBe(BigInt(DOMESTIC * 2) * DOMESTIC_RATE + BigInt(FOREIGN * 2) * FOREIGN_RATE);
    expect(spendingJson(['--config', config, '--nights', '4', ARRIVALS_2017]).periods[0].lines[0]).toMatchObject({
      units: DOMESTIC * 4,
      nightsEach: 4,
    });
    expect(spendingJson(['--config', config, '--basis', 'visit', ARRIVALS_2017]).total).toBe(7_467_219_000_000);
  });

  it('names the fix when delegation rows have no nights and --nights is absent', () => {
    const missing = delegations2017.filter((r) => r.nights === '');
    const result = visitstat(['spending', '--basis', 'night', DELEGATIONS_2017]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${missing.length} delegation rows (${sumOf(missing, 'people').toLocaleString('en-US')} people) have no nights`,
    );
    expect(result.stderr).toContain('give --nights N');
  });

  it('names the fix for arrivals, which have no nights column', () => {
    const result = visitstat(['spending', '--basis', 'night', ARRIVALS_2017]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--basis night needs --nights N for arrivals');
  });
});

describe('exact money past 2^53', () => {
  // 7,000,000,001 x 1,500,001 is odd and above 2^53: a double cannot hold it.
  const HUGE = 'periode,wisnus\n2017-01,7000000001\n';
  const EXACT = 7_000_000_001n * 1_500_001n;

  it('is a case floating point gets wrong', () => {
    expect(EXACT > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(BigInt(7_000_000_001 * 1_500_001)).not.toBe(EXACT);
  });

  it('writes the figure as a decimal string in JSON and as plain digits in CSV', () => {
    const doc = spendingJson(['--domestic-rate', '1500001', '-'], HUGE);
    expect(doc.total).toBe(EXACT.toString());
    expect(doc.periods[0].lines[0].estimate).toBe(EXACT.toString());
    expect(doc.periods[0].lines[0].rate).toBe(1_500_001);
    const csv = visitstat(['spending', '--format', 'csv', '--domestic-rate', '1500001', '-'], { input: HUGE }).stdout;
    // One monthly figure, January: the year is covered only in part.
    expect(csv).toContain(`2017,total,7000000001,,,${EXACT},true\n`);
  });

  it('states it in full and short in the table', () => {
    const id = visitstat(['spending', '--locale', 'id', '--domestic-rate', '1500001', '-'], { input: HUGE }).stdout;
    const full = EXACT.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    expect(id).toContain(`7.000.000.001 x Rp1.500.001 = Rp${full}`);
    expect(id).toContain('Rp10.500,01 triliun');
  });
});

describe('scale words in the table, rounded half up', () => {
  const one = 'periode,wisnus\n2017-01,1\n';
  const shortOf = (rate: string, locale: string) =>
    visitstat(['spending', '--no-color', '--locale', locale, '--domestic-rate', rate, '-'], { input: one }).stdout;

  it.each([
    ['999994999', 'id', 'Rp999,99 juta'],
    ['999995000', 'id', 'Rp1,00 miliar'],
    ['999995000', 'en', 'IDR 1.00 billion'],
    ['1005000', 'en', 'IDR 1.01 million'],
    ['999999999999', 'en', 'IDR 1.00 trillion'],
    ['999999', 'id', 'Rp999.999'],
  ])('rate %s in %s shows %s', (rate, locale, expected) => {
    expect(shortOf(rate, locale)).toMatch(new RegExp(`│ +${expected.replace(/\./g, '\\.')} │\n`));
  });
});

describe('input', () => {
  it('goes on without invalid rows under --skip-invalid and says what it read', () => {
    const result = visitstat(['spending', '--format', 'json', '--skip-invalid', 'fixtures/messy/bad-rows.csv']);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({ rowsRead: 18, rowsAccepted: 7, rowsRejected: 11, scope: 'delegations' });
    // fixtures/README.md: the valid rows hold 309 people.
    expect(BigInt(doc.total)).toBe(309n * DOMESTIC_RATE);
  });

  it('fails on invalid rows by default', () => {
    expect(visitstat(['spending', 'fixtures/messy/bad-rows.csv']).code).toBe(1);
  });

  it('limits to --from/--to and groups by month', () => {
    const doc = spendingJson(['--from', '2017-03', '--to', '2017-05', '--group-by', 'month', ARRIVALS_2017]);
    const months = arrivals2017.filter((r) => r.periode >= '2017-03' && r.periode <= '2017-05');
    expect(doc.periods.map((p: any) => p.period)).toEqual(['2017-03', '2017-04', '2017-05']);
    expect(BigInt(doc.total)).toBe(BigInt(sumOf(months, 'wisnus')) * DOMESTIC_RATE + BigInt(sumOf(months, 'wisman')) * FOREIGN_RATE);
    expect(doc.rowsOutOfRange).toBe(arrivals2017.length - months.length);
  });
});
