/**
 * Shell completion: the bash script is sourced in a real bash and asked for completions the way bash's
 * programmable completion asks (COMP_WORDS / COMP_CWORD, then the function); zsh and fish scripts are
 * checked by their own shells' parsers when those shells are installed (CI installs them).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { visitstat } from '../helpers/cli';

const bashScript = visitstat(['completion', 'bash']).stdout;

/** What bash offers after `words` (the last one being the word under the cursor), run in `cwd`. */
function complete(words: string[], cwd = process.cwd()): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'visitstat-completion-'));
  try {
    const script = join(dir, 'visitstat.bash');
    writeFileSync(script, bashScript);
    const quoted = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
    const program = `source ${script}; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _visitstat; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = spawnSync('bash', ['-c', program], { cwd, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    return result.stdout.split('\n').filter((line) => line !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function installed(shell: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
  if (!found && process.env.CI) throw new Error(`${shell} is not installed; .ci/run installs it`);
  return found;
}

describe('visitstat completion bash', () => {
  test('commands, with and without a prefix', () => {
    expect(complete(['visitstat', ''])).toEqual(
      expect.arrayContaining(['validate', 'summary', 'spending', 'progress', 'report', 'completion']),
    );
    expect(complete(['visitstat', 'su'])).toEqual(['summary']);
    expect(complete(['visitstat', 'sp'])).toEqual(['spending']);
  });

  test("a command's options", () => {
    expect(complete(['visitstat', 'summary', '--gr'])).toEqual(['--group-by']);
    expect(complete(['visitstat', 'report', '--q'])).toEqual(['--quiet']);
    expect(complete(['visitstat', 'validate', '--fo'])).toEqual(['--format']);
    // progress has no --group-by
    expect(complete(['visitstat', 'progress', '--gr'])).toEqual([]);
  });

  test('values of --group-by (a comma-separated list), --format, --locale and --metric', () => {
    expect(complete(['visitstat', 'summary', '--group-by', 'mo'])).toEqual(['month']);
    expect(complete(['visitstat', 'summary', '--group-by', 'month,re'])).toEqual(['month,region']);
    expect(complete(['visitstat', 'summary', '--group-by', ''])).toEqual([
      'month',
      'quarter',
      'year',
      'weekday',
      'origin',
      'region',
      'type',
      'purpose',
      'destination',
      'country',
    ]);
    expect(complete(['visitstat', 'spending', '--group-by', ''])).toEqual(['month', 'quarter', 'year', 'destination', 'country']);
    expect(complete(['visitstat', 'report', '--format', 'h'])).toEqual(['html']);
    expect(complete(['visitstat', 'summary', '--format', ''])).toEqual(['table', 'csv', 'json', 'markdown', 'xlsx']);
    expect(complete(['visitstat', 'summary', '--locale', ''])).toEqual(['id', 'en']);
    expect(complete(['visitstat', 'progress', '--metric', 'vi'])).toEqual(['visitors']);
    expect(complete(['visitstat', 'validate', '--format', ''])).toEqual(['text', 'json', 'xlsx']);
    expect(complete(['visitstat', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
  });

  test('--option=value as bash splits it', () => {
    expect(complete(['visitstat', 'summary', '--format', '=', 'js'])).toEqual(['json']);
    expect(complete(['visitstat', 'summary', '--format', '='])).toEqual(['table', 'csv', 'json', 'markdown', 'xlsx']);
  });

  test('file names for inputs and for options that name a file; nothing offered for a value to type', () => {
    // bash sorts what it shows; compgen lists files in directory order
    expect(complete(['visitstat', 'summary', 'fixtures/sample/delegations-201']).sort()).toEqual([
      'fixtures/sample/delegations-2016.csv',
      'fixtures/sample/delegations-2017.csv',
      'fixtures/sample/delegations-2018.csv',
    ]);
    expect(complete(['visitstat', 'report', '--config', 'fixtures/config/tar'])).toEqual(['fixtures/config/targets.json']);
    expect(complete(['visitstat', 'report', '-o', 'fixtures/conf'])).toEqual(['fixtures/config']);
    expect(complete(['visitstat', 'summary', '--top', ''])).toEqual([]);
  });
});

describe('zsh and fish scripts', () => {
  test('zsh parses its script', () => {
    if (!installed('zsh')) return console.warn('zsh not installed: its completion script is not checked here');
    const script = visitstat(['completion', 'zsh']).stdout;
    expect(script.startsWith('#compdef visitstat\n')).toBe(true);
    const result = spawnSync('zsh', ['-n'], { input: script, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(script).toContain(
      "--group-by='[group by month|quarter|year|weekday|origin|region|type|purpose|destination|country; repeatable or comma-separated]:group-by:_sequence compadd - month quarter year weekday origin region type purpose destination country'",
    );
    expect(script).toContain(
      "--format='[output format (default\\: table, or from the -o extension)]:format:(table csv json markdown html xlsx)'",
    );
  });

  test('fish offers the commands, options and values', () => {
    if (!installed('fish')) return console.warn('fish not installed: its completion script is not checked here');
    const script = visitstat(['completion', 'fish']).stdout;
    const ask = (line: string) => {
      const program = `${script}\ncomplete -C '${line}'`;
      const result = spawnSync('fish', ['--no-config', '-c', program], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      return result.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0])
        .sort();
    };
    expect(ask('visitstat su')).toEqual(['summary']);
    expect(ask('visitstat summary --gro')).toEqual(['--group-by']);
    expect(ask('visitstat report --format ')).toEqual(['csv', 'html', 'json', 'markdown', 'table', 'xlsx']);
    expect(ask('visitstat progress --metric vi')).toEqual(['visitors']);
  });
});

test('an unknown shell is a usage error', () => {
  const result = visitstat(['completion', 'tcsh']);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('Allowed choices are bash, zsh, fish');
});
