/**
 * `visitstat progress` options: config targets and flags over them, --fail-if-behind, metric checks,
 * configurable bands and rates, and the output formats. Runs the built binary.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { visitstat } from '../helpers/cli';

const LOGS = ['fixtures/sample/delegations-2017.csv', 'fixtures/sample/delegations-2018.csv'];
const ALL = [...LOGS, 'fixtures/sample/arrivals-2016.csv', 'fixtures/sample/arrivals-2017.csv'];
const CONFIG = 'fixtures/config/targets.json';
const dir = mkdtempSync(join(tmpdir(), 'visitstat-progress-'));

function configFile(name: string, config: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(config));
  return path;
}

const json = (args: string[]) => {
  const result = visitstat(['progress', ...args, '--format', 'json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};

describe('targets from the config file', () => {
  it('measures every target: 2018 visitors and 2017 total arrivals', () => {
    const out = json([...ALL, '--config', CONFIG]);
    expect(out.targets.map((t: { metric: string; year: number; target: number }) => [t.metric, t.year, t.target])).toEqual([
      ['visitors', 2018, 50_000],
      ['total', 2017, 5_000_000],
    ]);
    expect(out.targets[1].actual).toBe(4_800_000 + 98_970);
    expect(out.targets[1].asOf).toBe('2017-12-31');
    expect(out.targets[1].source).toBe('config targets[1]');
  });

  it('lets --metric and --year pick among them', () => {
    const out = json([...ALL, '--config', CONFIG, '--metric', 'total']);
    expect(out.targets).toHaveLength(1);
    expect(out.targets[0].metric).toBe('total');
  });

  it('replaces them with --target', () => {
    const out = json([...ALL, '--config', CONFIG, '--target', '40000', '--metric', 'visitors']);
    expect(out.targets).toHaveLength(1);
    expect(out.targets[0]).toMatchObject({ target: 40_000, source: 'command line' });
  });

  it('clamps a later --as-of to 31 December for an earlier target year', () => {
    const out = json([...ALL, '--config', CONFIG, '--as-of', '2018-06-30']);
    expect(out.targets[0].asOf).toBe('2018-06-30');
    expect(out.targets[1]).toMatchObject({ asOf: '2017-12-31', asOfClamped: true });
  });

  it('takes tolerance from the config, and --tolerance over it', () => {
    // 29,870 against a seasonal expectation of 29,205.13: +2.3%, inside 5% but outside 1%.
    expect(json([...LOGS, '--config', CONFIG, '--metric', 'visitors']).targets[0].pace).toBe('on-track');
    const loose = configFile('tolerance.json', { targets: [{ metric: 'visitors', year: 2018, value: 50000 }], tolerance: 1 });
    expect(json([...LOGS, '--config', loose]).targets[0].pace).toBe('ahead');
    expect(json([...LOGS, '--config', loose, '--tolerance', '5']).targets[0].pace).toBe('on-track');
    // The status reads the target against the projection's interval, whatever the tolerance.
    expect(json([...LOGS, '--config', loose]).targets[0].status).toBe('within-reach');
  });

  it('takes the locale from the config, and --locale over it', () => {
    const en = visitstat(['progress', ...LOGS, '--config', CONFIG, '--metric', 'visitors']);
    expect(en.stdout).toContain('Rating band');
    const id = visitstat(['progress', ...LOGS, '--config', CONFIG, '--metric', 'visitors', '--locale', 'id']);
    expect(id.stdout).toContain('Predikat');
    expect(id.stdout).toContain('29.870');
  });

  it('grades with the config bands, labelled per locale', () => {
    const bands = [
      { min: 0, id: 'Belum', en: 'Not yet' },
      { min: 55, id: 'Lumayan', en: 'So-so' },
    ];
    const path = configFile('bands.json', { bands });
    // The projected year-end percentage grades during the year: 100,000 projects to under 55%.
    const out = json([...LOGS, '--config', path, '--target', '100000']);
    expect(out.targets[0].projectedPercent).toBeLessThan(55);
    expect(out.targets[0].band).toEqual(bands[0]);
    expect(json([...LOGS, '--config', path, '--target', '50000']).targets[0].band).toEqual(bands[1]);
    const table = visitstat(['progress', ...LOGS, '--config', path, '--target', '50000', '--locale', 'en']);
    expect(table.stdout).toMatch(/Rating band, projected\s+│ So-so/);
  });

  it('values spending at the config rates', () => {
    const path = configFile('rates.json', { rates: [{ year: 2018, delegation: 2_000_000 }] });
    const out = json(['fixtures/sample/delegations-2018.csv', '--config', path, '--metric', 'spending', '--target', '75000000000']);
    expect(out.targets[0].actual).toBe(29_870 * 2_000_000);
  });
});

describe('usage errors (exit 2) that name the problem', () => {
  const usage = (args: string[]) => {
    const result = visitstat(['progress', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    return result.stderr;
  };

  it('a metric that does not fit the data names what is missing', () => {
    expect(usage([...LOGS, '--metric', 'foreign', '--target', '1000'])).toMatch(
      /--metric foreign needs arrivals data.*only delegation logs/,
    );
    expect(usage(['fixtures/sample/arrivals-2017.csv', '--metric', 'visitors', '--target', '1000'])).toMatch(/needs a delegation log/);
  });

  it('both kinds of input and no --metric', () => {
    expect(usage([...ALL, '--target', '1000'])).toMatch(/both delegation logs and arrivals; give --metric/);
  });

  it('no target at all', () => {
    expect(usage([...LOGS])).toMatch(/give --target N/);
  });

  it('an unknown config key, a wrong type, an unknown metric in targets', () => {
    expect(usage([...LOGS, '--config', configFile('k.json', { target: 5 })])).toMatch(/unknown key "target"/);
    expect(usage([...LOGS, '--config', configFile('t.json', { targets: [{ metric: 'visitors', year: 2018, value: '50000' }] })])).toMatch(
      /"targets\[0\]\.value" must be a number/,
    );
    expect(usage([...LOGS, '--config', configFile('m.json', { targets: [{ metric: 'tourists', year: 2018, value: 1 }] })])).toMatch(
      /"targets\[0\]\.metric" must be one of/,
    );
  });

  it('bad --target, --year, --as-of and --tolerance', () => {
    expect(usage([...LOGS, '--target', '50k'])).toMatch(/--target: not a number/);
    expect(usage([...LOGS, '--target', '0'])).toMatch(/--target must be above 0/);
    expect(usage([...LOGS, '--target', '1', '--year', '18'])).toMatch(/--year: "18" is not a year/);
    expect(usage([...LOGS, '--target', '1', '--as-of', '31/02/2018'])).toMatch(/--as-of:/);
    expect(usage([...LOGS, '--target', '1', '--as-of', '2017-05-01', '--year', '2018'])).toMatch(/before the target year 2018/);
    expect(usage([...LOGS, '--target', '1', '--tolerance', 'five'])).toMatch(/--tolerance:/);
  });
});

describe('--fail-if-behind', () => {
  it('prints the whole result, then exits 3 naming the target behind', () => {
    const result = visitstat(['progress', ...LOGS, '--target', '80000', '--fail-if-behind', '--format', 'json']);
    expect(result.code).toBe(3);
    const out = JSON.parse(result.stdout);
    expect(out.targets[0].status).toBe('behind');
    expect(out.anyBehind).toBe(true);
    expect(result.stderr).toBe('visitstat: Rows read 918, accepted 918, rejected 0 — 2 files\nvisitstat: behind target: visitors 2018\n');
  });

  it('exits 0 when no target is behind, and 0 when behind without the flag', () => {
    expect(visitstat(['progress', ...LOGS, '--target', '50000', '--fail-if-behind']).code).toBe(0);
    expect(visitstat(['progress', ...LOGS, '--target', '80000']).code).toBe(0);
  });
});

describe('output formats', () => {
  it('csv: one row per target with every figure as a column', () => {
    const result = visitstat(['progress', ...ALL, '--config', CONFIG, '--format', 'csv']);
    const [header, first, second, ...rest] = result.stdout.trimEnd().split('\n');
    expect(rest).toEqual([]);
    const cells = (line: string) => Object.fromEntries(line.split(',').map((v, i) => [header.split(',')[i], v]));
    expect(cells(first)).toMatchObject({
      metric: 'visitors',
      year: '2018',
      asOf: '2018-08-09',
      actual: '29870',
      percentAchieved: '59.74',
      pace: 'on-track',
      status: 'within-reach',
      bandBasis: 'projected',
      projectionMethod: 'seasonal-growth',
    });
    expect(Number(cells(first).projectedLow)).toBeLessThan(Number(cells(first).projected));
    expect(cells(second)).toMatchObject({
      metric: 'total',
      actual: '4898970',
      requiredPerDay: '',
      status: 'missed',
      yearOver: 'true',
      pace: '',
      band: 'Sangat Baik',
      bandBasis: 'final',
    });
  });

  it('markdown and table show the formulas with the numbers', () => {
    const md = visitstat(['progress', ...LOGS, '--target', '50000', '--format', 'markdown']);
    expect(md.stdout).toContain('| Expected to date, linear | 30,274 | 50,000 × 221 / 365 |');
    expect(md.stdout).toContain('Rows read 918, accepted 918, rejected 0');
  });

  it('-o writes the report to a file chosen by its extension', () => {
    const out = join(dir, 'progress.json');
    expect(visitstat(['progress', ...LOGS, '--target', '50000', '-o', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).targets[0].actual).toBe(29_870);
  });
});
