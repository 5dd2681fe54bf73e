/**
 * Fuzzing the writers: random commands with random -o, --rejects, formats, configs and same-path
 * mistakes (an output naming an input, the other output, a symlink to either, a folder, a missing
 * folder, a long name, standard output) over copies of the fixtures, through the built binary.
 * Whatever the combination: every input is byte for byte as it was, no temporary file is left, the
 * exit code is a documented one, nothing prints a stack trace or an internal error, and a run that
 * succeeds has written its output.
 *
 * WRITER_FUZZ_RUNS=500 npx jest writers-fuzz for a longer run (the default keeps npm test quick).
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { BIN, ROOT } from '../helpers/cli';
import { propertyRuns } from '../helpers/property';

const RUNS = propertyRuns(Number(process.env.WRITER_FUZZ_RUNS ?? 20));
const EXIT_CODES = [0, 1, 2, 3, 4];
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

const INPUTS = {
  'd2016.csv': 'fixtures/sample/delegations-2016.csv',
  'd2017.csv': 'fixtures/sample/delegations-2017.csv',
  'a2017.csv': 'fixtures/sample/arrivals-2017.csv',
  'bad.csv': 'fixtures/messy/bad-rows.csv',
  'targets.json': 'fixtures/config/targets.json',
} as const;
type InputName = keyof typeof INPUTS;
const CSV_INPUTS: InputName[] = ['d2016.csv', 'd2017.csv', 'a2017.csv', 'bad.csv'];

const COMMANDS = {
  summary: ['table', 'csv', 'json', 'markdown'],
  spending: ['table', 'csv', 'json', 'markdown'],
  progress: ['table', 'csv', 'json', 'markdown'],
  report: ['table', 'csv', 'json', 'markdown', 'html'],
  validate: ['text', 'json'],
} as const;
type CommandName = keyof typeof COMMANDS;

/** Where an output flag may point: most of them mistakes a hurried user makes. */
const DESTINATIONS = [
  'none',
  'stdout',
  'new file',
  'existing file',
  'same as an input',
  'symlink to an input',
  'symlink to a new file',
  'same as the other output',
  'folder',
  'missing folder',
  'long name',
  'hard-to-read extension',
] as const;
type Destination = (typeof DESTINATIONS)[number];

interface Run {
  command: CommandName;
  inputs: InputName[];
  format: string | null;
  output: Destination;
  rejects: Destination;
  skipInvalid: boolean;
  config: boolean;
  extension: string;
}

const run: fc.Arbitrary<Run> = fc.constantFrom(...(Object.keys(COMMANDS) as CommandName[])).chain((command) =>
  fc.record({
    command: fc.constant(command),
    inputs: fc.uniqueArray(fc.constantFrom(...CSV_INPUTS), { minLength: 1, maxLength: 3 }),
    format: fc.option(fc.constantFrom(...COMMANDS[command]), { nil: null }),
    output: command === 'validate' ? fc.constant<Destination>('none') : fc.constantFrom(...DESTINATIONS),
    rejects: fc.constantFrom(...DESTINATIONS),
    skipInvalid: fc.boolean(),
    config: fc.boolean(),
    extension: fc.constantFrom('.csv', '.json', '.md', '.html', '.txt', ''),
  }),
);

/** Every regular file under `dir` with its bytes, symlinks and folders left out. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isFile()) files.set(name, readFileSync(path));
  }
  return files;
}

function temporaries(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith('.tmp'));
}

test(
  `writers: ${RUNS} random combinations of outputs never touch an input, leave no temporary file, exit as documented`,
  () => {
    let n = 0;
    fc.assert(
      fc.property(run, (r) => {
        const dir = mkdtempSync(join(tmpdir(), 'visitstat-fuzz-'));
        try {
          for (const [name, from] of Object.entries(INPUTS)) copyFileSync(join(ROOT, from), join(dir, name));
          mkdirSync(join(dir, 'out'));
          writeFileSync(join(dir, 'out', `old${r.extension}`), 'old output\n');
          const inputPaths = r.inputs.map((name) => join(dir, name));
          const paths: Record<'output' | 'rejects', string | null> = { output: null, rejects: null };
          const place = (which: 'output' | 'rejects', where: Destination, other: string | null): string | null => {
            const fresh = join(dir, 'out', `${which}-${n}${r.extension}`);
            switch (where) {
              case 'none':
                return null;
              case 'stdout':
                return '-';
              case 'new file':
                return fresh;
              case 'existing file':
                return join(dir, 'out', `old${r.extension}`);
              case 'same as an input':
                return inputPaths[n % inputPaths.length];
              case 'symlink to an input':
                symlinkSync(inputPaths[0], fresh);
                return fresh;
              case 'symlink to a new file':
                symlinkSync(`${which}-target-${n}${r.extension}`, fresh);
                return fresh;
              case 'same as the other output':
                return other ?? fresh;
              case 'folder':
                return join(dir, 'out');
              case 'missing folder':
                return join(dir, 'missing', `x${r.extension}`);
              case 'long name':
                return join(dir, 'out', `${'l'.repeat(245)}${r.extension}`);
              case 'hard-to-read extension':
                return join(dir, 'out', `x${n}.xlsx`);
            }
          };
          paths.output = place('output', r.output, null);
          paths.rejects = place('rejects', r.rejects, paths.output === '-' ? null : paths.output);
          const args: string[] = [r.command, ...inputPaths];
          if (r.format) args.push('--format', r.format);
          if (paths.output) args.push('-o', paths.output);
          if (paths.rejects) args.push('--rejects', paths.rejects);
          if (r.skipInvalid) args.push('--skip-invalid');
          if (r.config || r.command === 'progress') args.push('--config', join(dir, 'targets.json'));
          n++;

          const before = snapshot(dir);
          const inputsBefore = [...Object.keys(INPUTS)].map((name) => before.get(name));
          const result = spawnSync(process.execPath, [BIN, ...args], {
            cwd: dir,
            encoding: 'utf8',
            env: { PATH: process.env.PATH ?? '', LANG: 'C' },
          });
          const context = `visitstat ${args.map((a) => relative(dir, a) || a).join(' ')}\n${result.stderr}`;

          expect({ context, inputs: Object.keys(INPUTS).map((name) => readFileSync(join(dir, name))) }).toEqual({
            context,
            inputs: inputsBefore,
          });
          expect({ context, temporaries: temporaries(dir) }).toEqual({ context, temporaries: [] });
          expect({ context, code: EXIT_CODES.includes(result.status ?? -1) }).toEqual({ context, code: true });
          for (const text of [result.stdout, result.stderr]) {
            expect({ context, trace: STACK_TRACE.test(text), internal: text.includes('internal error') }).toEqual({
              context,
              trace: false,
              internal: false,
            });
          }
          const wrote = paths.output && paths.output !== '-' && (result.status === 0 || result.status === 3);
          if (wrote)
            expect({ context, written: existsSync(paths.output!) && statSync(paths.output!).size > 0 }).toEqual({ context, written: true });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS },
    );
  },
  RUNS * 3000 + 30_000,
);
