/**
 * Indonesian throughout: every command is run over the sample and fixture data in both locales, and
 * no word of the English output may appear in the Indonesian one unless the glossary allows it
 * (SHARED_WORDS: names, formulas, loanwords) or the data holds it (names of places and offices).
 * Flags (`--year`), config keys (`"targets"`), file names and HTML markup are left out of both before the words are compared.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_WORDS } from '../../src/render/glossary';
import { ROOT, visitstat } from '../helpers/cli';
import { readWorkbook } from '../helpers/openpyxl';

const SAMPLE = readdirSync(join(ROOT, 'fixtures', 'sample')).map((f) => `fixtures/sample/${f}`);
const DELEGATIONS = SAMPLE.filter((f) => f.includes('delegations'));
const ARRIVALS = SAMPLE.filter((f) => f.includes('arrivals'));
const CONFIG = ['--config', 'fixtures/config/targets.json'];
const FIXTURES = ['fixtures/messy/arrivals-long.csv', 'fixtures/excel/bps-2016-2017.xlsx', 'fixtures/excel/rekap-2016.xlsx'];

const GROUPINGS = ['month', 'quarter', 'year', 'weekday', 'origin', 'region', 'type', 'purpose', 'year,type'];
const EXCEL = ['--format', 'csv', '--excel'];

/** Each run: the arguments, to which `--locale en|id` is added. */
const RUNS: string[][] = [
  ['summary', ...SAMPLE],
  ...GROUPINGS.map((g) => ['summary', '--group-by', g, ...SAMPLE]),
  ['summary', '--group-by', 'origin', '--top', '3', ...EXCEL, ...DELEGATIONS],
  ['summary', '--group-by', 'weekday', ...EXCEL, ...DELEGATIONS],
  ['summary', '--group-by', 'quarter', '--format', 'markdown', ...SAMPLE],
  ['summary', '--group-by', 'year', '--on-overlap', 'first', ...FIXTURES],
  ['summary', '--group-by', 'month', ...EXCEL, ...ARRIVALS],
  ['spending', ...SAMPLE],
  ['spending', '--group-by', 'quarter', '--format', 'markdown', ...SAMPLE],
  ['spending', '--basis', 'night', '--nights', '2', '--domestic-rate', '1000000..2000000', ...SAMPLE],
  ['spending', '--year', '2017', ...EXCEL, ...SAMPLE],
  ['progress', ...CONFIG, ...SAMPLE],
  ['progress', '--target', '50000', '--year', '2018', '--as-of', '2018-06-30', ...DELEGATIONS],
  ['progress', '--target', '4000000', '--format', 'markdown', ...ARRIVALS],
  ['progress', ...CONFIG, ...EXCEL, ...SAMPLE],
  ['validate', ...SAMPLE, 'fixtures/messy/bad-rows.csv', 'fixtures/messy/windows-1252.csv', ...FIXTURES],
  ['report', ...CONFIG, ...SAMPLE],
  ['report', ...CONFIG, '--format', 'markdown', ...SAMPLE],
  ['report', ...CONFIG, '--format', 'html', ...SAMPLE],
  ['report', ...CONFIG, ...EXCEL, ...SAMPLE],
  ['report', '--year', '2018', '--target', '50000', '--format', 'html', ...SAMPLE],
  ['report', '--year', '2016', ...CONFIG, '--format', 'markdown', ...SAMPLE],
  ['report', '--format', 'markdown', 'fixtures/messy/excel-id.csv', 'fixtures/messy/windows-1252.csv'],
];

/** What a reader reads: no markup, flags or file names. */
function prose(text: string): string {
  return text
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#?\w+;/g, ' ')
    .replace(/--[a-z][a-z-]*( (first|last|sum|error)\b)?/g, ' ')
    .replace(/"[a-z]+"/g, ' ')
    .replace(/\S+\.(csv|xlsx|json)(\[[^\]]*\])?/g, ' ')
    .replace(/^visitstat: /gm, '');
}

/** Words of two letters or more, lower-cased. */
function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{2,}/gu) ?? []) as string[]);
}

const dataFiles = [...SAMPLE, ...['arrivals-long', 'bad-rows', 'windows-1252', 'excel-id'].map((name) => `fixtures/messy/${name}.csv`)];
const excelExports = readdirSync(join(ROOT, 'fixtures', 'excel'))
  .filter((f) => f.endsWith('.csv'))
  .map((f) => `fixtures/excel/${f}`);
const DATA_WORDS = words([...dataFiles, ...excelExports].map((f) => readFileSync(join(ROOT, f), 'latin1')).join('\n'));
const ALLOWED = new Set([...SHARED_WORDS, ...DATA_WORDS]);

function output(args: string[], locale: 'en' | 'id'): string {
  const result = visitstat([...args, '--locale', locale]);
  if (result.code !== 0 && !args.includes('fixtures/messy/bad-rows.csv')) throw new Error(`${args.join(' ')}: ${result.stderr}`);
  return prose(result.stdout);
}

/** English words (of the English output) found in the Indonesian output, with a line showing each. */
function leaks(args: string[]): string[] {
  const english = words(output(args, 'en'));
  const indonesian = output(args, 'id');
  // A name cut short on a chart's axis (`Malays…`) is the start of a word of the data.
  const cut = new Set(
    (indonesian.toLowerCase().match(/\p{L}{2,}(?=…)/gu) ?? []).filter((w) => [...DATA_WORDS].some((d) => d.startsWith(w))),
  );
  // A country's ISO code (`MY`, `CN`) is a code in both languages.
  const codes = new Set((indonesian.match(/\b[A-Z]{2}\b/g) ?? []).map((c) => c.toLowerCase()));
  return [...words(indonesian)]
    .filter((w) => english.has(w) && !ALLOWED.has(w) && !cut.has(w) && !codes.has(w))
    .map(
      (w) =>
        `${w}: ${indonesian
          .split('\n')
          .find((line) => words(line).has(w))
          ?.trim()
          .slice(0, 120)}`,
    );
}

test.each(RUNS.map((args) => [args.filter((a) => !a.startsWith('fixtures/')).join(' '), args]))(
  'no English under --locale id: %s',
  (_name, args) => {
    expect(leaks(args as string[])).toEqual([]);
  },
);

test.each([
  ['summary', '--group-by', 'weekday', ...SAMPLE],
  ['spending', '--group-by', 'quarter', ...SAMPLE],
  ['progress', ...CONFIG, ...SAMPLE],
])('no English in an xlsx workbook under --locale id: %s %s %s', (...args) => {
  const folder = mkdtempSync(join(tmpdir(), 'visitstat-glossary-'));
  try {
    const text = (locale: string) => {
      const path = join(folder, `${locale}.xlsx`);
      expect(visitstat([...args, '--locale', locale, '-o', path]).code).toBe(0);
      const sheets = readWorkbook(path);
      return prose(sheets.flatMap((s) => [s.name, ...s.rows.flat().map((c) => (typeof c.value === 'string' ? c.value : ''))]).join('\n'));
    };
    const english = words(text('en'));
    expect(english).toContain('visitors');
    expect([...words(text('id'))].filter((w) => english.has(w) && !ALLOWED.has(w))).toEqual([]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the check finds English: the English report against itself', () => {
  const english = output(['report', ...CONFIG, ...SAMPLE], 'en');
  const found = [...words(english)].filter((w) => !ALLOWED.has(w));
  expect(found).toEqual(expect.arrayContaining(['visitors', 'spending', 'arrivals', 'assumptions']));
});

test('CSV without --excel and JSON are the same in both locales', () => {
  const runs = [
    ['summary', '--group-by', 'weekday', '--format', 'csv', ...SAMPLE],
    ['spending', '--format', 'csv', ...SAMPLE],
    ['progress', ...CONFIG, '--format', 'csv', ...SAMPLE],
    ['report', ...CONFIG, '--format', 'json', ...SAMPLE],
  ];
  for (const args of runs) {
    const en = visitstat([...args, '--locale', 'en']).stdout;
    expect(en).toMatch(/monday|ofWhichDelegations|config targets\[0\]|"command": "report"/);
    expect(visitstat([...args, '--locale', 'id']).stdout).toBe(en);
  }
});

test('headings and column labels are in sentence case in both locales', () => {
  const runs = [
    ['report', ...CONFIG, '--format', 'markdown', ...SAMPLE],
    ['progress', ...CONFIG, '--format', 'markdown', ...SAMPLE],
    ['summary', '--group-by', 'quarter', '--format', 'markdown', ...SAMPLE],
  ];
  for (const args of runs) {
    for (const locale of ['en', 'id']) {
      const lines = visitstat([...args, '--locale', locale]).stdout.split('\n');
      const headings = lines.filter((line) => line.startsWith('#')).map((line) => line.replace(/^#+ /, ''));
      // A Markdown table's header row is the line above its |---| rule.
      const labels = lines.flatMap((line, i) =>
        /^\|\s*:?-/.test(lines[i + 1] ?? '')
          ? line
              .split('|')
              .map((cell) => cell.trim())
              .filter(Boolean)
          : [],
      );
      expect(headings.length + labels.length).toBeGreaterThan(10);
      expect([...headings, ...labels].filter((text) => /^\p{Ll}/u.test(text))).toEqual([]);
    }
  }
});
