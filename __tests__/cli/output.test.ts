/**
 * The output layer as a user meets it, through `visitstat summary` on the built binary: formula
 * neutralising, colour rules, Excel CSV, locale choice, atomic -o with the format from the extension,
 * and a reader that closes the pipe early.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { BIN, ROOT, visitstat } from '../helpers/cli';

// biome-ignore lint/suspicious/noControlCharactersInRegex: an ANSI escape sequence is what the test looks for.
const ANSI = /\u001b\[/;
const D2016 = 'fixtures/sample/delegations-2016.csv';
const BOTH = ['fixtures/sample/delegations-2016.csv', 'fixtures/sample/arrivals-2016.csv'];

describe('CSV never carries a live formula', () => {
  it('neutralises origins starting with = + - @ and keeps them readable as text', () => {
    const result = visitstat(['summary', '--group-by', 'origin', '--format', 'csv', '__tests__/data/formula-origins.csv']);
    expect(result.code).toBe(0);
    const origins = (parse(result.stdout, { columns: true }) as { origin: string }[]).map((r) => r.origin);
    expect(origins).toEqual(
      expect.arrayContaining([`'=HYPERLINK("http://x","y")`, `'+6281234`, `'-Pemkab Palsu`, `'@SUM(A1:A9)`, 'Pemkab Klaten']),
    );
    for (const origin of origins) expect(origin).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('neutralises a formula hidden behind leading whitespace, read from stdin, in Excel mode', () => {
    // The reader trims the tab; what is left still starts with = and must not run.
    const input = 'date,origin,people\n2017-03-01,"\t=1+1",40\n';
    const result = visitstat(['summary', '--group-by', 'origin', '--format', 'csv', '--excel', '-'], { input });
    const [, row] = result.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(row.split(';')[0]).toBe(`'=1+1`);
  });

  it('leaves negative numbers alone: only text cells are touched', () => {
    const csv = visitstat(['summary', '--format', 'csv', 'fixtures/sample/arrivals-2017.csv']).stdout;
    const feb = (parse(csv, { columns: true }) as Record<string, string>[]).find((r) => r.period === '2017-02')!;
    expect(feb.totalGrowthPct).toMatch(/^-\d+\.\d\d$/);
  });
});

describe('colour', () => {
  const run = (args: string[], env: Record<string, string> = {}) => visitstat(['summary', '--group-by', 'month', D2016, ...args], { env });

  it('writes no ANSI codes when stdout is not a terminal', () => {
    const result = run([]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(ANSI);
  });

  it('FORCE_COLOR turns it on (so the check above can fail), NO_COLOR and --no-color turn it off', () => {
    expect(run([], { FORCE_COLOR: '1' }).stdout).toMatch(ANSI);
    expect(run([], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toMatch(ANSI);
    expect(run(['--no-color'], { FORCE_COLOR: '1' }).stdout).not.toMatch(ANSI);
  });

  it('colours on a real terminal unless NO_COLOR is set (util-linux script gives a pty)', () => {
    const onTty = (env: Record<string, string>) =>
      spawnSync('script', ['-qec', `${process.execPath} ${BIN} summary ${D2016}`, '/dev/null'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', LANG: 'C', TERM: 'xterm', ...env },
        encoding: 'utf8',
      }).stdout;
    expect(onTty({})).toMatch(ANSI);
    expect(onTty({ NO_COLOR: '1' })).not.toMatch(ANSI);
    // An empty NO_COLOR does not count (no-color.org).
    expect(onTty({ NO_COLOR: '' })).toMatch(ANSI);
  });

  it('never colours CSV, JSON or markdown', () => {
    for (const format of ['csv', 'json', 'markdown']) expect(run(['--format', format], { FORCE_COLOR: '1' }).stdout).not.toMatch(ANSI);
  });
});

describe('width', () => {
  const widest = (text: string) =>
    Math.max(
      ...text
        // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are left out of a line's width.
        .replace(/\u001b\[[0-9;]*m/g, '')
        .split(/\r?\n/)
        .map((l) => [...l].length),
    );
  /** The command on a pseudo-terminal of `columns` columns (util-linux script). */
  const onTty = (columns: number, args: string) =>
    spawnSync('script', ['-qec', `stty cols ${columns}; ${process.execPath} ${BIN} ${args}`, '/dev/null'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LANG: 'C', TERM: 'xterm', NO_COLOR: '1' },
      encoding: 'utf8',
    }).stdout;
  const MONTHS = `summary --group-by month ${D2016}`;

  it('on a terminal, tables and notes fit its width', () => {
    expect(widest(onTty(80, MONTHS))).toBe(80);
    expect(widest(onTty(60, MONTHS))).toBeLessThanOrEqual(60);
    expect(onTty(60, MONTHS)).toMatch(/^Delegations:\s+345\r?$/m);
  });

  it('not on a terminal (a pipe, or -o FILE.txt even from a terminal) every line keeps its full length', () => {
    // The month column holds `Nov 2016 (1–4)`: the 2016 log ends on 4 November.
    expect(widest(visitstat(MONTHS.split(' ')).stdout)).toBe(138);
    const dir = mkdtempSync(join(tmpdir(), 'visitstat-width-'));
    try {
      onTty(60, `${MONTHS} -o ${join(dir, 'full.txt')}`);
      expect(widest(readFileSync(join(dir, 'full.txt'), 'utf8'))).toBe(138);
      visitstat([...MONTHS.split(' '), '--width', '100', '-o', join(dir, 'narrow.txt')]);
      expect(widest(readFileSync(join(dir, 'narrow.txt'), 'utf8'))).toBeLessThanOrEqual(100);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--width wins over the terminal, and leaves CSV and JSON alone', () => {
    expect(widest(onTty(60, `${MONTHS} --width 120`))).toBe(120);
    expect(visitstat([...MONTHS.split(' '), '--width', '40', '--format', 'csv']).stdout).toBe(
      visitstat([...MONTHS.split(' '), '--format', 'csv']).stdout,
    );
  });
});

describe('CSV variants', () => {
  it('--excel: BOM, ; delimiter, decimal comma, CRLF, tables separated by one empty line', () => {
    const out = visitstat(['summary', '--format', 'csv', '--excel', ...BOTH]).stdout;
    expect(out.startsWith('\uFEFFdelegations;visitors;mean;')).toBe(true);
    expect(out).not.toMatch(/[^\r]\n/);
    const [delegations, arrivalsBlock] = out.slice(1).split('\r\n\r\n');
    expect(delegations.split('\r\n')[1]).toMatch(/^345;24150;70,00;/);
    expect(arrivalsBlock.split('\r\n')[0]).toMatch(/^period;domestic;foreign;total;foreignSharePct;/);
  });

  it('--bom alone: BOM with commas, dots and LF', () => {
    const out = visitstat(['summary', '--format', 'csv', '--bom', D2016]).stdout;
    expect(out).toMatch(/^\uFEFFdelegations,visitors,mean,/);
    expect(out).toMatch(/\n345,24150,70\.00,/);
    expect(out).not.toMatch(/\r/);
  });

  it('plain CSV: ISO periods, plain numbers, no grouping', () => {
    const out = visitstat(['summary', '--format', 'csv', '--group-by', 'quarter', 'fixtures/sample/arrivals-2017.csv']).stdout;
    expect(out.split('\n')[1]).toMatch(/^2017-Q1,989256,17800,1007056,1\.77,/);
  });
});

describe('locale', () => {
  const table = (args: string[], env: Record<string, string> = {}) =>
    visitstat(['summary', '--group-by', 'month', ...BOTH, ...args], { env }).stdout;

  it('follows LANG/LC_ALL starting with id, and --locale overrides it', () => {
    expect(table([], { LANG: 'id_ID.UTF-8' })).toMatch(/Maret 2016 .*│\s+2\.418 │/);
    expect(table([], { LC_ALL: 'id_ID' })).toMatch(/Ringkasan/);
    expect(table([])).toMatch(/Mar 2016 .*│\s+2,418 │/);
    expect(table(['--locale', 'en'], { LANG: 'id_ID.UTF-8' })).toMatch(/Mar 2016 /);
  });

  it('takes the locale from the config file, below the flag', () => {
    const dir = mkdtempSync(join(tmpdir(), 'visitstat-'));
    try {
      const config = join(dir, 'c.json');
      writeFileSync(config, '{"locale":"id"}');
      expect(table(['--config', config])).toMatch(/Delegasi per bulan/);
      expect(table(['--config', config, '--locale', 'en'])).toMatch(/Delegations by month/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('keeps CSV and JSON machine-readable whatever the locale', () => {
    const csv = visitstat(['summary', '--format', 'csv', '--locale', 'id', D2016]).stdout;
    expect(csv.split('\n')[1]).toMatch(/^345,24150,70\.00,/);
    expect(JSON.parse(visitstat(['summary', '--format', 'json', '--locale', 'id', D2016]).stdout).delegations.overall.visitors).toBe(24150);
  });
});

describe('-o FILE', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'visitstat-'))));
  afterEach(() => rmSync(dir, { recursive: true }));

  it('writes CSV for out.csv, prints nothing on stdout, leaves no temp file', () => {
    const out = join(dir, 'out.csv');
    const result = visitstat(['summary', '--group-by', 'month', D2016, '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^month,delegations,visitors,/);
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('takes JSON from .json and markdown from .md; --format wins over the extension', () => {
    visitstat(['summary', D2016, '-o', join(dir, 'a.json')]);
    expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).delegations.overall.delegations).toBe(345);
    visitstat(['summary', D2016, '-o', join(dir, 'b.md')]);
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toMatch(/^# Summary\n/);
    visitstat(['summary', D2016, '--format', 'csv', '-o', join(dir, 'c.json')]);
    expect(readFileSync(join(dir, 'c.json'), 'utf8')).toMatch(/^delegations,visitors,/);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.md', 'c.json']);
  });

  it('keeps the old file when the command fails', () => {
    const out = join(dir, 'out.csv');
    visitstat(['summary', D2016, '-o', out]);
    const before = readFileSync(out, 'utf8');
    const failed = visitstat(['summary', 'fixtures/messy/bad-rows.csv', '-o', out]);
    expect(failed.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });
});

describe('a reader that stops early', () => {
  // Large outputs (more than a pipe buffer) so that the write really meets a closed pipe.
  it.each([
    ['table', [], 'visitstat: Rows read 1,263, accepted 1,263, rejected 0 — 3 files\n'],
    ['json', ['--format', 'json'], 'visitstat: Rows read 1,263, accepted 1,263, rejected 0 — 3 files\n'],
    ['csv', ['--format', 'csv'], 'visitstat: Rows read 1,263, accepted 1,263, rejected 0 — 3 files\n'],
  ])('`summary ... | head -1` (%s) ends quietly with exit 0', (_name, extra, stderr) => {
    const args = [
      'summary',
      '--group-by',
      'month,origin',
      ...extra,
      'fixtures/sample/delegations-2016.csv',
      'fixtures/sample/delegations-2017.csv',
      'fixtures/sample/delegations-2018.csv',
    ];
    const command = `"${process.execPath}" "${BIN}" ${args.join(' ')} | head -1; exit \${PIPESTATUS[0]}`;
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', command], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LANG: 'C' },
      encoding: 'utf8',
    });
    expect(result.stdout.split('\n').length).toBe(2);
    expect(result.stderr).toBe(stderr);
    expect(result.status).toBe(0);
  });
});
