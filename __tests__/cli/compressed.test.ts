/**
 * Gzip inputs through the built binary, told by their content: every command reads them as it reads
 * the text, from a file or standard input, a multi-member file included; a cut or corrupt one is an
 * error that names the file. And standard input from a regular file, read as a file is.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BIN, ROOT, visitstat } from '../helpers/cli';

const SAMPLE = join(ROOT, 'fixtures/sample');
const FILES = ['arrivals-2016.csv', 'arrivals-2017.csv', 'delegations-2016.csv', 'delegations-2017.csv', 'delegations-2018.csv'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'visitstat-gzip-'));
  for (const name of FILES) writeFileSync(join(dir, `${name}.gz`), gzipSync(readFileSync(join(SAMPLE, name))));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The command on the plain sample files and on their gzip copies: the same stdout, file names aside. */
function sameOnBoth(command: string[]) {
  const plain = visitstat([...command, ...FILES.map((f) => join(SAMPLE, f))]);
  const gzipped = visitstat([...command, ...FILES.map((f) => join(dir, `${f}.gz`))]);
  return {
    plain,
    gzipped,
    names: (text: string) =>
      text
        .split(SAMPLE)
        .join('DIR')
        .split(dir)
        .join('DIR')
        .replace(/\.csv\.gz/g, '.csv'),
  };
}

describe('gzip input', () => {
  it.each([
    [['summary', '--format', 'csv']],
    [['summary', '--group-by', 'month,type', '--format', 'json']],
    [['spending', '--format', 'json']],
    [['progress', '--config', 'fixtures/config/targets.json', '--format', 'json']],
    [['report', '--config', 'fixtures/config/targets.json', '--format', 'json']],
  ])('%j gives the figures of the plain files', (command) => {
    const { plain, gzipped, names } = sameOnBoth(command);
    expect(gzipped.code).toBe(plain.code);
    expect(plain.code).toBe(0);
    // JSON lists each input file; a gzip one says so.
    expect(names(gzipped.stdout).replace(/\n\s*"compression": "gzip",/g, '')).toBe(names(plain.stdout));
  });

  it('validate says which inputs were gzip', () => {
    const result = visitstat(['validate', join(dir, 'delegations-2016.csv.gz')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `${join(dir, 'delegations-2016.csv.gz')}: ok: delegations, gzip, UTF-8, ',' delimited, LF line endings; 345 rows read, 345 valid, 0 invalid\n`,
    );
  });

  it('is told by content, not by name, and read from standard input too', () => {
    const named = join(dir, 'data.csv');
    writeFileSync(named, gzipSync(readFileSync(join(SAMPLE, 'delegations-2016.csv'))));
    const expected = visitstat(['summary', '--format', 'csv', join(SAMPLE, 'delegations-2016.csv')]).stdout;
    expect(visitstat(['summary', '--format', 'csv', named]).stdout).toBe(expected);
    const piped = visitstat(['summary', '--format', 'csv', '-'], { input: readFileSync(named) });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(expected);
    const plainNamedGz = join(dir, 'plain.csv.gz');
    writeFileSync(plainNamedGz, readFileSync(join(SAMPLE, 'delegations-2016.csv')));
    expect(visitstat(['summary', '--format', 'csv', plainNamedGz]).stdout).toBe(expected);
  });

  it('reads every member of a multi-member file (gzip a b > c, or cat a.gz b.gz)', () => {
    const text = readFileSync(join(SAMPLE, 'delegations-2016.csv'), 'utf8');
    const cut = text.indexOf('\n', text.length >> 1) + 1;
    const twoMembers = join(dir, 'two.csv.gz');
    writeFileSync(twoMembers, Buffer.concat([gzipSync(text.slice(0, cut)), gzipSync(text.slice(cut))]));
    expect(visitstat(['summary', '--format', 'csv', twoMembers]).stdout).toBe(
      visitstat(['summary', '--format', 'csv', join(SAMPLE, 'delegations-2016.csv')]).stdout,
    );
  });

  it('a cut or corrupt gzip file is an error naming it, exit 1, no output', () => {
    const whole = readFileSync(join(dir, 'delegations-2016.csv.gz'));
    const cut = join(dir, 'cut.csv.gz');
    writeFileSync(cut, whole.subarray(0, whole.length >> 1));
    const cutResult = visitstat(['summary', cut]);
    expect(cutResult.code).toBe(1);
    expect(cutResult.stdout).toBe('');
    expect(cutResult.stderr).toBe(`visitstat: ${cut}: gzip data cannot be read (the file is cut short)\n`);
    const corrupt = join(dir, 'corrupt.csv.gz');
    writeFileSync(corrupt, Buffer.concat([whole.subarray(0, 20), Buffer.alloc(200, 0x41), whole.subarray(220)]));
    const corruptResult = visitstat(['summary', corrupt]);
    expect(corruptResult.code).toBe(1);
    expect(corruptResult.stderr).toMatch(
      new RegExp(`^visitstat: ${corrupt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: gzip data cannot be read \\(.+\\)\\n$`),
    );
  });
});

describe('standard input from a regular file (< data.csv)', () => {
  it('is read as the file is, from where it stands', () => {
    const file = join(SAMPLE, 'delegations-2017.csv');
    const fd = openSync(file, 'r');
    try {
      const result = spawnSync(process.execPath, [BIN, 'summary', '--format', 'csv', '-'], {
        cwd: ROOT,
        stdio: [fd, 'pipe', 'pipe'],
        encoding: 'utf8',
      });
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(visitstat(['summary', '--format', 'csv', file]).stdout);
    } finally {
      closeSync(fd);
    }
  });
});
