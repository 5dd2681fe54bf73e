/**
 * `visitstat progress` figures against values computed here, independently of src/: the fixture CSVs
 * are split by a tiny parser below, days are counted with Date.UTC, and the formulas are the issue's.
 * Runs the built binary (npm run build first).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, visitstat, COUNTS_ONLY } from '../helpers/cli';
import { DEFAULT_BANDS, bandFor } from '../../src/model/bands';

const SAMPLE = join(ROOT, 'fixtures', 'sample');
const DAY_MS = 86_400_000;

/** Splits one CSV line, honouring double quotes (the sample files hold no line breaks in fields). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') field += line[i++];
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  return [...fields, field];
}

/** Rows of a sample file as objects keyed by its header. */
function readSample(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(SAMPLE, name), 'utf8').trim().split('\n');
  const keys = splitCsvLine(header);
  return lines.map((line) => Object.fromEntries(splitCsvLine(line).map((v, i) => [keys[i], v])));
}

/** People in delegation rows dated from 1 January through `through` (ISO dates compare as text). */
function peopleThrough(file: string, through: string): number {
  return readSample(file)
    .filter((r) => r.date <= through)
    .reduce((n, r) => n + Number(r.people), 0);
}

/** An arrivals column summed over months through `lastMonth` (`2017-08`). */
function arrivalsThrough(file: string, column: 'wisnus' | 'wisman', lastMonth: string): number {
  return readSample(file)
    .filter((r) => r.periode <= lastMonth)
    .reduce((n, r) => n + Number(r[column]), 0);
}

const utc = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
/** Day of year, 1 January = 1. */
const dayOfYear = (iso: string) => (utc(iso) - utc(`${iso.slice(0, 4)}-01-01`)) / DAY_MS + 1;
const yearLength = (year: number) => (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;

function progressJson(args: string[]) {
  const result = visitstat(['progress', ...args, '--format', 'json']);
  expect(result.stderr).toMatch(COUNTS_ONLY);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('2018 target of 50,000 delegation visitors on the bundled 2017-2018 logs', () => {
  const json = progressJson(['fixtures/sample/delegations-2017.csv', 'fixtures/sample/delegations-2018.csv', '--target', '50000']);
  const p = json.targets[0];

  const target = 50_000;
  const asOf = '2018-08-09'; // the last date in delegations-2018.csv
  const actual = peopleThrough('delegations-2018.csv', asOf);
  const elapsed = dayOfYear(asOf);
  const days = yearLength(2018);
  const previousThrough = peopleThrough('delegations-2017.csv', '2017-08-09');
  const previousTotal = peopleThrough('delegations-2017.csv', '2017-12-31');
  const share = previousThrough / previousTotal;
  const remaining = target - actual;
  const monthsLeft = (31 - 9) / 31 + 4; // the rest of August, then September to December

  it('agrees with the figures fixtures/README.md states for the seed data', () => {
    expect([actual, elapsed, days, previousThrough, previousTotal]).toEqual([29_870, 221, 365, 22_780, 39_000]);
    expect(Math.round((target * elapsed) / days)).toBe(30_274);
    expect(Math.round(target * share)).toBe(29_205);
  });

  it('defaults metric, year and as-of from the data', () => {
    expect(p).toMatchObject({ metric: 'visitors', year: 2018, asOf: asOf, latestData: asOf, source: 'command line' });
  });

  it('reports target, actual, percent achieved and remaining', () => {
    expect(p.target).toBe(target);
    expect(p.actual).toBe(actual);
    expect(p.percentAchieved).toBeCloseTo((actual / target) * 100, 9);
    expect(p.remaining).toBe(remaining);
  });

  it('counts elapsed days with the as-of day included', () => {
    expect(p.elapsedDays).toBe(elapsed);
    expect(p.daysInYear).toBe(days);
    expect(p.daysLeft).toBe(days - elapsed);
  });

  it('expects linear and seasonal (by 2017 through 9 August) to date', () => {
    expect(p.expectedLinear).toBeCloseTo((target * elapsed) / days, 6);
    expect(p.seasonalShare).toBeCloseTo(share, 12);
    expect(p.expectedSeasonal).toBeCloseTo(target * share, 6);
  });

  it('projects the year-end linearly and seasonally', () => {
    expect(p.projectedLinear).toBeCloseTo(actual / (elapsed / days), 6);
    expect(p.projectedSeasonal).toBeCloseTo(actual / share, 6);
  });

  it('requires the remainder per day and per month left', () => {
    expect(p.requiredPerDay).toBeCloseTo(remaining / (days - elapsed), 9);
    expect(p.requiredPerMonth).toBeCloseTo(remaining / monthsLeft, 9);
  });

  it('compares with the same span of 2017', () => {
    expect(p.previousAsOf).toBe('2017-08-09');
    expect(p.previousToDate).toBe(previousThrough);
    expect(p.yoyChange).toBe(actual - previousThrough);
    expect(p.yoyChangePercent).toBeCloseTo(((actual - previousThrough) / previousThrough) * 100, 9);
    expect(p.yoyChangePercent.toFixed(1)).toBe('31.1');
  });

  it('is on pace against the seasonal expectation within 5%', () => {
    const expected = target * share;
    expect(Math.abs(actual - expected) / expected).toBeLessThan(0.05);
    expect(p.paceBasis).toBe('seasonal');
    expect(p.pace).toBe('on-track');
  });

  it('projects by seasonal growth from 2017 (2016 stops in November), the target within its 80% interval', () => {
    expect(p.projectionMethod).toBe('seasonal-growth');
    expect(p.projectionYears).toEqual([2017]);
    expect(p.intervalBasis).toBe('benchmark');
    expect(p.projectedLow).toBeLessThan(target);
    expect(p.projectedHigh).toBeGreaterThan(target);
    expect(p.status).toBe('within-reach');
    expect(json.anyBehind).toBe(false);
  });

  it('grades the projected percentage, not the 59.74% to date', () => {
    expect(p.bandBasis).toBe('projected');
    expect(p.projectedPercent).toBeCloseTo((p.projected / target) * 100, 9);
    expect(p.band).toEqual(bandFor(p.projectedPercent, DEFAULT_BANDS));
    expect(p.band.id).not.toBe('Kurang');
  });

  it('states rows read = accepted + rejected', () => {
    expect(json.input).toMatchObject({ rowsRead: 398 + 520, rowsAccepted: 398 + 520, rowsRejected: 0 });
  });
});

describe('leap year 2016, as of March', () => {
  it('counts 366 days and 31 + 29 + 15 elapsed; nothing before 2016, so no seasonal or year-on-year', () => {
    const p = progressJson(['fixtures/sample/delegations-2016.csv', '--target', '30000', '--as-of', '2016-03-15']).targets[0];
    const actual = peopleThrough('delegations-2016.csv', '2016-03-15');
    expect(yearLength(2016)).toBe(366);
    expect(p.daysInYear).toBe(366);
    expect(p.elapsedDays).toBe(31 + 29 + 15);
    expect(p.actual).toBe(actual);
    expect(p.expectedLinear).toBeCloseTo((30_000 * 75) / 366, 9);
    expect(p.projectedLinear).toBeCloseTo((actual * 366) / 75, 9);
    expect(p.requiredPerDay).toBeCloseTo((30_000 - actual) / (366 - 75), 9);
    expect(p.requiredPerMonth).toBeCloseTo((30_000 - actual) / (9 + 16 / 31), 9);
    expect([p.expectedSeasonal, p.projectedSeasonal, p.yoyChangePercent]).toEqual([null, null, null]);
    expect(p.unavailable.expectedSeasonal).toBe('no-previous-year');
    expect(p.paceBasis).toBe('linear');
  });

  it('takes 29 February as day 60', () => {
    const p = progressJson(['fixtures/sample/delegations-2016.csv', '--target', '30000', '--as-of', '29/2/2016']).targets[0];
    expect(p.asOf).toBe('2016-02-29');
    expect(p.elapsedDays).toBe(60);
    expect(p.actual).toBe(peopleThrough('delegations-2016.csv', '2016-02-29'));
  });

  it('compares 1 March 2017 with 2016 through 1 March (leap day included), but not seasonally: 2016 stops in November', () => {
    const p = progressJson([
      'fixtures/sample/delegations-2016.csv',
      'fixtures/sample/delegations-2017.csv',
      '--target',
      '40000',
      '--year',
      '2017',
      '--as-of',
      '2017-03-01',
    ]).targets[0];
    const previous = peopleThrough('delegations-2016.csv', '2016-03-01');
    expect(p.elapsedDays).toBe(60);
    expect(p.previousToDate).toBe(previous);
    expect(p.yoyChange).toBe(peopleThrough('delegations-2017.csv', '2017-03-01') - previous);
    expect(p.seasonalShare).toBeNull();
    expect(p.unavailable.seasonalShare).toBe('previous-year-incomplete');
    expect(p.paceBasis).toBe('linear');
  });
});

describe('month-only arrivals', () => {
  const files = ['fixtures/sample/arrivals-2016.csv', 'fixtures/sample/arrivals-2017.csv'];

  it('takes a month as-of as its last day and counts that month', () => {
    const p = progressJson([...files, '--metric', 'foreign', '--target', '100000', '--year', '2017', '--as-of', '2017-08']).targets[0];
    const actual = arrivalsThrough('arrivals-2017.csv', 'wisman', '2017-08');
    const share = arrivalsThrough('arrivals-2016.csv', 'wisman', '2016-08') / arrivalsThrough('arrivals-2016.csv', 'wisman', '2016-12');
    expect(p.asOf).toBe('2017-08-31');
    expect(p.elapsedDays).toBe(dayOfYear('2017-08-31'));
    expect(p.actual).toBe(actual);
    expect(p.seasonalShare).toBeCloseTo(share, 12);
    expect(p.expectedSeasonal).toBeCloseTo(100_000 * share, 6);
    expect(p.projectedSeasonal).toBeCloseTo(actual / share, 6);
    expect(p.requiredPerMonth).toBeCloseTo((100_000 - actual) / 4, 9);
    expect(p.previousToDate).toBe(arrivalsThrough('arrivals-2016.csv', 'wisman', '2016-08'));
  });

  it('leaves out the month of a mid-month as-of: its figure counts on the month end', () => {
    const p = progressJson([...files, '--metric', 'foreign', '--target', '100000', '--year', '2017', '--as-of', '2017-08-15']).targets[0];
    expect(p.actual).toBe(arrivalsThrough('arrivals-2017.csv', 'wisman', '2017-07'));
  });

  it('defaults to total arrivals as of the last month end in the data', () => {
    const p = progressJson(['fixtures/sample/arrivals-2017.csv', '--target', '5000000']).targets[0];
    expect(p.metric).toBe('total');
    expect(p.asOf).toBe('2017-12-31');
    expect(p.actual).toBe(4_800_000 + 98_970);
    expect(p.unavailable).toEqual({
      requiredPerDay: 'year-over',
      requiredPerMonth: 'year-over',
      seasonalShare: 'no-previous-year',
      expectedSeasonal: 'no-previous-year',
      projectedSeasonal: 'no-previous-year',
      previousToDate: 'no-previous-year',
      yoyChange: 'no-previous-year',
      yoyChangePercent: 'no-previous-year',
      pace: 'year-over',
    });
    expect(p.status).toBe('missed');
  });
});

describe('spending metric', () => {
  it('values 2017 arrivals at Rp1.5 million domestic and Rp2.7 million foreign', () => {
    const p = progressJson(['fixtures/sample/arrivals-2017.csv', '--metric', 'spending', '--target', '8000000000000']).targets[0];
    expect(p.actual).toBe(4_800_000 * 1_500_000 + 98_970 * 2_700_000);
    expect(p.actual).toBe(7_467_219_000_000);
  });

  it('values delegation visitors at the domestic rate when only logs are given', () => {
    const p = progressJson(['fixtures/sample/delegations-2018.csv', '--metric', 'spending', '--target', '75000000000']).targets[0];
    expect(p.actual).toBe(peopleThrough('delegations-2018.csv', '2018-12-31') * 1_500_000);
  });
});

describe('with two full years before: seasonal growth with Holt-Winters', () => {
  // Arrivals 2016 and 2017 (the sample) and January to May 2018, each month 5% above 2017.
  const dir = mkdtempSync(join(tmpdir(), 'visitstat-progress-'));
  const file = join(dir, 'arrivals-2018.csv');
  const months2017 = readSample('arrivals-2017.csv').slice(0, 5);
  const rows = months2017.map(
    (r) => `2018-${r.periode.slice(5)},${Math.round(Number(r.wisnus) * 1.05)},${Math.round(Number(r.wisman) * 1.05)}`,
  );
  writeFileSync(file, `periode,wisnus,wisman\n${rows.join('\n')}\n`);
  const args = ['fixtures/sample/arrivals-2016.csv', 'fixtures/sample/arrivals-2017.csv', file, '--target', '5500000'];
  const p = progressJson(args).targets[0];
  const total2017 = readSample('arrivals-2017.csv').reduce((sum, r) => sum + Number(r.wisnus) + Number(r.wisman), 0);

  it('says so in JSON and projects near 2017 grown by 5%', () => {
    expect(p.projectionMethod).toBe('seasonal-growth-holt-winters');
    expect(p.projectionYears).toEqual([2016, 2017]);
    expect(p.projected).toBeGreaterThan(total2017);
    expect(Math.abs(p.projected / (total2017 * 1.05) - 1)).toBeLessThan(0.05);
    expect(p.projectedLow).toBeLessThan(p.projected);
    expect(p.projectedHigh).toBeGreaterThan(p.projected);
  });

  it('states the method in words in the table', () => {
    const text = visitstat(['progress', ...args, '--width', '200']).stdout;
    expect(text).toContain('seasonal growth with Holt-Winters from 2016–2017');
    expect(text).toContain('a weighted mean of two projections');
    expect(text).toContain('damped Holt-Winters smoothing of the months of 2016–2017');
  });
});
