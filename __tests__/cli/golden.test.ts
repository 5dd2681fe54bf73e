/**
 * Golden CLI cases, Miller style: each folder in __tests__/cases/ holds `cmd` (the arguments, one
 * command line, split like a shell would on spaces and double quotes), and the expected `stdout`,
 * `stderr` and `code`. An optional `stdin` file is fed to the command. Run with GOLDEN_UPDATE=1 to
 * write the files after a deliberate change, then read the diff before committing it.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CliResult, visitstat } from '../helpers/cli';

const CASES = join(__dirname, '..', 'cases');

function splitArgs(line: string): string[] {
  return (line.match(/"[^"]*"|\S+/g) ?? []).map((a) => a.replace(/"/g, ''));
}

const read = (dir: string, name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '');

describe.each(readdirSync(CASES).sort())('%s', (name) => {
  const dir = join(CASES, name);
  let result: CliResult;

  // Run inside the tests (not at collection), so `-t NAME` limits both the run and GOLDEN_UPDATE.
  const run = (): CliResult => {
    if (result) return result;
    const stdin = existsSync(join(dir, 'stdin')) ? readFileSync(join(dir, 'stdin')) : undefined;
    result = visitstat(splitArgs(read(dir, 'cmd').trim()), { input: stdin });
    if (process.env.GOLDEN_UPDATE) {
      writeFileSync(join(dir, 'stdout'), result.stdout);
      writeFileSync(join(dir, 'stderr'), result.stderr);
      writeFileSync(join(dir, 'code'), `${result.code}\n`);
    }
    return result;
  };

  test('exit code', () => expect(run().code).toBe(Number(read(dir, 'code').trim())));
  test('stdout', () => expect(run().stdout).toBe(read(dir, 'stdout')));
  test('stderr', () => expect(run().stderr).toBe(read(dir, 'stderr')));
});
