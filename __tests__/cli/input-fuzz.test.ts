/**
 * Fuzzing the input: byte-level mutations of every fixture (bytes deleted, inserted and flipped,
 * quotes, delimiters, line breaks and BOMs put in or taken out, lines repeated, counts made huge, the
 * file cut short), each through validate, summary, spending, progress and report in JSON, run in this
 * process (a process each would take minutes). Whatever the bytes: the exit code is a documented one,
 * nothing is an internal error or a stack trace, a JSON output parses, and every count of rows in it
 * has rows read = accepted + rejected.
 *
 * INPUT_FUZZ_CASES=20000 npx jest input-fuzz for a longer run; INPUT_FUZZ_SEED picks another sequence.
 * A failure names its case, seed and mutations, and keeps the mutated file.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli';
import { visitstatInProcess } from '../helpers/in-process';
import { propertyRuns } from '../helpers/property';

const CASES = propertyRuns(Number(process.env.INPUT_FUZZ_CASES ?? 2000));
const SEED = Number(process.env.INPUT_FUZZ_SEED ?? 13);
/** 0 ok, 1 invalid data, 2 usage (e.g. nothing left to measure progress from), 3 a target behind. */
const EXIT_CODES = [0, 1, 2, 3];
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

const FIXTURES = ['fixtures/sample', 'fixtures/messy', 'fixtures/excel'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => join(dir, name)),
);

/** A small seeded generator (mulberry32, the fixtures' own), so that a case can be run again from its number. */
const generator = require('../../scripts/lib/mulberry32') as (seed: number) => () => number;

type Random = () => number;
const below = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[below(random, items.length)];

const BOMS = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
];
const DELIMITERS = [0x2c, 0x3b, 0x09, 0x7c];
const LINE_BREAKS = ['\n', '\r', '\r\n', '\n\n'];
/** Values that sit on the edges of what a count, a date or a text field can be. */
const EDGE_TEXT = [
  '0',
  '-1',
  '2147483648',
  '4294967296',
  '9007199254740991',
  '9007199254740992',
  '99999999999999999999',
  '1.000.000',
  '1,5',
  '2017-02-29',
  '2016-02-29',
  '31/12/2099',
  '2017-13',
  'Agustus 2017',
  '"',
  '""',
  '"a,b"',
  ' ',
  'é',
  '\u00a0',
];

type Mutation = (bytes: Buffer, random: Random) => Buffer;

const MUTATIONS: Record<string, Mutation> = {
  delete(bytes, random) {
    const at = below(random, bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + below(random, 20))]);
  },
  insert(bytes, random) {
    const at = below(random, bytes.length + 1);
    const inserted = Buffer.from(Array.from({ length: 1 + below(random, 8) }, () => below(random, 256)));
    return Buffer.concat([bytes.subarray(0, at), inserted, bytes.subarray(at)]);
  },
  flip(bytes, random) {
    if (bytes.length === 0) return bytes;
    const copy = Buffer.from(bytes);
    copy[below(random, copy.length)] ^= 1 << below(random, 8);
    return copy;
  },
  quote(bytes, random) {
    const at = below(random, bytes.length + 1);
    const quotes = bytes.indexOf(0x22, at);
    // Take a quote out, or put one in.
    if (quotes >= 0 && random() < 0.5) return Buffer.concat([bytes.subarray(0, quotes), bytes.subarray(quotes + 1)]);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from('"'), bytes.subarray(at)]);
  },
  delimiter(bytes, random) {
    const copy = Buffer.from(bytes);
    const at = copy.indexOf(pick(random, DELIMITERS), below(random, copy.length + 1));
    if (at >= 0) copy[at] = pick(random, DELIMITERS);
    else copy[below(random, Math.max(1, copy.length))] = pick(random, DELIMITERS);
    return copy;
  },
  lineBreak(bytes, random) {
    const at = below(random, bytes.length + 1);
    const lf = bytes.indexOf(0x0a, at);
    if (lf >= 0 && random() < 0.4) return Buffer.concat([bytes.subarray(0, lf), bytes.subarray(lf + 1)]);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from(pick(random, LINE_BREAKS)), bytes.subarray(at)]);
  },
  bom(bytes, random) {
    const bom = Buffer.from(pick(random, BOMS));
    const at = random() < 0.7 ? 0 : below(random, bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), bom, bytes.subarray(at)]);
  },
  /** A line given twice: duplicate rows and arrivals given twice. */
  repeatLine(bytes, random) {
    const start = bytes.lastIndexOf(0x0a, below(random, bytes.length + 1)) + 1;
    const end = bytes.indexOf(0x0a, start);
    const line = bytes.subarray(start, end < 0 ? bytes.length : end + 1);
    return Buffer.concat([bytes, end < 0 ? Buffer.from('\n') : Buffer.alloc(0), line]);
  },
  /** A field's text replaced by an edge value. */
  edgeValue(bytes, random) {
    const at = below(random, bytes.length + 1);
    let end = at;
    while (end < bytes.length && ![0x2c, 0x3b, 0x09, 0x7c, 0x0a, 0x0d].includes(bytes[end])) end++;
    return Buffer.concat([bytes.subarray(0, at), Buffer.from(pick(random, EDGE_TEXT)), bytes.subarray(end)]);
  },
  truncate(bytes, random) {
    return bytes.subarray(0, below(random, bytes.length + 1));
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

interface Case {
  fixture: string;
  mutations: string[];
  bytes: Buffer;
  /** Another fixture read beside the mutated one (a second kind, or the same one again), or null. */
  companion: string | null;
  skipInvalid: boolean;
}

function makeCase(n: number): Case {
  const random = generator(SEED * 1_000_003 + n);
  const fixture = FIXTURES[n % FIXTURES.length];
  let bytes: Buffer = readFileSync(join(ROOT, fixture));
  const mutations: string[] = [];
  for (let k = 1 + below(random, 3); k > 0; k--) {
    const name = pick(random, MUTATION_NAMES);
    mutations.push(name);
    bytes = MUTATIONS[name](bytes, random);
  }
  const companion = random() < 0.25 ? pick(random, FIXTURES) : null;
  return { fixture, mutations, bytes, companion, skipInvalid: random() < 0.5 };
}

/** Every object in the document that counts rows read, accepted and rejected. */
function rowCounts(value: unknown, found: Record<string, number>[] = []): Record<string, number>[] {
  if (Array.isArray(value)) value.forEach((item) => rowCounts(item, found));
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.rowsRead === 'number' && typeof record.rowsAccepted === 'number') found.push(record as Record<string, number>);
    Object.values(record).forEach((item) => rowCounts(item, found));
  }
  return found;
}

function commandsFor(file: string, c: Case): string[][] {
  const files = c.companion ? [file, c.companion] : [file];
  const skip = c.skipInvalid ? ['--skip-invalid'] : [];
  return [
    ['validate', '--format', 'json', ...files],
    ['summary', '--format', 'json', ...skip, ...files],
    ['spending', '--format', 'json', ...skip, ...files],
    ['progress', '--format', 'json', '--target', '1000', '--metric', c.companion ? 'visitors' : 'total', ...skip, ...files],
    ['report', '--format', 'json', ...skip, ...files],
  ];
}

/** What is wrong with one run's result, or null. */
function problemOf(result: { stdout: string; stderr: string; code: number | null }): string | null {
  if (!EXIT_CODES.includes(result.code ?? -1)) return `exit code ${result.code}`;
  if (/internal error/.test(result.stderr)) return 'internal error';
  if (STACK_TRACE.test(result.stderr)) return 'stack trace';
  if (result.stdout === '') return result.code === 0 ? 'exit 0 without output' : null;
  let doc: unknown;
  try {
    doc = JSON.parse(result.stdout);
  } catch {
    return 'output is not JSON';
  }
  const counts = rowCounts(doc);
  if (counts.length === 0) return 'no rows read / accepted / rejected in the JSON';
  for (const c of counts) {
    if (c.rowsRejected !== undefined && c.rowsRead !== c.rowsAccepted + c.rowsRejected) {
      return `rows read ${c.rowsRead} != accepted ${c.rowsAccepted} + rejected ${c.rowsRejected}`;
    }
  }
  return null;
}

test(`input fuzz: ${CASES} mutated fixtures through five commands in JSON: documented exits, valid JSON, no row lost`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'visitstat-input-fuzz-'));
  const failures: string[] = [];
  try {
    for (let n = 0; n < CASES && failures.length < 5; n++) {
      const c = makeCase(n);
      const file = join(dir, `case-${n}.csv`);
      writeFileSync(file, c.bytes);
      for (const args of commandsFor(file, c)) {
        const result = await visitstatInProcess(args);
        const problem = problemOf(result);
        if (problem === null) continue;
        const kept = join(tmpdir(), `visitstat-input-fuzz-${SEED}-${n}.csv`);
        copyFileSync(file, kept);
        failures.push(
          `case ${n} (seed ${SEED}, ${c.fixture}, ${c.mutations.join('+')}, kept as ${kept}): ${args[0]}: ${problem}\n${result.stderr.slice(0, 500)}`,
        );
        break;
      }
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(failures).toEqual([]);
}, 600_000);
