/**
 * The `--help` examples run from any folder: those that name the sample data find it through
 * `visitstat sample-path`, and are run here by bash in an empty folder with `visitstat` on PATH.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, visitstat } from '../helpers/cli';

const HELPS = [[], ['summary'], ['spending'], ['progress'], ['validate'], ['report'], ['sample-path']];

const examples = HELPS.flatMap((command) =>
  visitstat([...command, '--help'])
    .stdout.split('\n')
    .filter((line) => line.startsWith('  $ visitstat') && line.includes('sample-path') && !line.includes('|'))
    .map((line) => line.slice(4)),
);

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'visitstat-examples-'));
  symlinkSync(BIN, join(folder, 'visitstat'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('the examples name the sample data through sample-path, not a path inside the project', () => {
  expect(examples.length).toBeGreaterThan(15);
  for (const command of HELPS) expect(visitstat([...command, '--help']).stdout).not.toMatch(/ fixtures\//);
});

test.each(examples.map((e) => [e]))('%s', (example) => {
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', example], {
    cwd: folder,
    env: { PATH: `${folder}:${process.env.PATH ?? ''}`, HOME: folder, LANG: 'C' },
    encoding: 'utf8',
  });
  // The one example on a file with invalid rows exits 1 (invalid data) and names the rows.
  const invalid = example.includes('bad-rows');
  expect(result.stderr).not.toMatch(/no such file|cannot read|ENOENT|usage/i);
  expect(result.status).toBe(invalid ? 1 : 0);
  if (invalid) expect(result.stderr).toContain('bad-rows.csv:5: people');
});

test('sample-path prints the folder that holds the sample data', () => {
  const { stdout, code } = visitstat(['sample-path']);
  expect(code).toBe(0);
  const dir = stdout.trim();
  expect(spawnSync('ls', [dir], { encoding: 'utf8' }).stdout.split('\n')).toEqual(
    expect.arrayContaining(['arrivals-2016.csv', 'delegations-2016.csv', 'delegations-2018.csv']),
  );
});
