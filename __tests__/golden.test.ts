/**
 * Golden CLI cases, Miller style: each folder in __tests__/cases/ holds `cmd` (the arguments, one
 * command line, split like a shell would on spaces and double quotes), and the expected `stdout`,
 * `stderr` and `code`. An optional `stdin` file is fed to the command. Run with GOLDEN_UPDATE=1 to
 * write the files after a deliberate change, then read the diff before committing it.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { visitstat } from './helpers/cli';

const CASES = join(__dirname, 'cases');

function splitArgs(line: string): string[] {
  return (line.match(/"[^"]*"|\S+/g) ?? []).map((a) => a.replace(/"/g, ''));
}

const read = (dir: string, name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '');

describe.each(readdirSync(CASES).sort())('%s', (name) => {
  const dir = join(CASES, name);
  const args = splitArgs(read(dir, 'cmd').trim());
  const stdin = existsSync(join(dir, 'stdin')) ? readFileSync(join(dir, 'stdin')) : undefined;
  const result = visitstat(args, { input: stdin });

  if (process.env.GOLDEN_UPDATE) {
    writeFileSync(join(dir, 'stdout'), result.stdout);
    writeFileSync(join(dir, 'stderr'), result.stderr);
    writeFileSync(join(dir, 'code'), `${result.code}\n`);
  }

  test('exit code', () => expect(result.code).toBe(Number(read(dir, 'code').trim())));
  test('stdout', () => expect(result.stdout).toBe(read(dir, 'stdout')));
  test('stderr', () => expect(result.stderr).toBe(read(dir, 'stderr')));
});
