/**
 * visitstat validate FILES
 *
 * Reads every file, prints every problem (FILE:LINE: column: reason) on stderr and one verdict per
 * file on stdout: kind, encoding, delimiter, line endings, rows read / valid / invalid.
 * Exits 1 if any file has a problem or cannot be read, 0 if none.
 */
import { type Command, Option } from 'commander';
import { InvalidDataError, OutputError, VisitstatError } from '../errors';
import { describeShape } from '../ingest/table-shape';
import { ProblemLog } from '../ingest/problems';
import { type FileReport, type InputOptions, describeFormat, displayName, fileWarnings } from '../ingest/reader';
import { checkSources, readSource, totalsOf } from '../ingest/inputs';
import { escapeControls, quote } from '../messages';
import { renderJson, writeOutput } from '../render';
import { type InputFlags, addInputOptions, configOf, inputOptions, toStderr } from './shared';

const EXAMPLES = `
Examples:
  $ visitstat validate fixtures/sample/*.csv
  $ visitstat validate --rejects rejects.csv fixtures/messy/bad-rows.csv
  $ visitstat validate --format json data/*.csv > check.json
  $ cat export.csv | visitstat validate -
  $ visitstat validate fixtures/excel/rekap-2016.xlsx fixtures/excel/rekap-2016.csv
  $ visitstat validate --sheet Wisman --segment foreign rekap-bps.xlsx`;

interface ValidateFlags extends InputFlags {
  format?: 'text' | 'json';
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

const NULL_SINK = { delegation() {}, arrival() {} };

export function register(program: Command): void {
  const cmd = program
    .command('validate')
    .description('check input files: every problem with file and line, and a verdict per file')
    .argument('<files...>', 'CSV files or .xlsx workbooks, or - for standard input (CSV)');
  addInputOptions(cmd)
    .addOption(new Option('--format <format>', 'a verdict per line, or one JSON document').choices(['text', 'json']).default('text'))
    .addHelpText('after', EXAMPLES)
    .action((files: string[], flags: ValidateFlags) => validate(files, flags));
}

function verdictLine(f: FileReport): string {
  const status = f.rowsRejected === 0 ? 'ok' : 'INVALID';
  const form =
    f.arrivalForm === 'bps'
      ? `months down, years across: ${f.segment}, from ${f.segmentFrom === 'title' ? 'the title' : '--segment'}`
      : f.segmentFrom === 'country'
        ? 'long: foreign by definition, a country column and no segment column'
        : f.arrivalForm;
  const kind = form ? `${f.kind} (${form})` : f.kind;
  const serials = f.serialDates ? ['; dates as Excel serial numbers'] : [];
  serials.push(...describeDimensions(f).map((part) => `; ${part}`));
  const shape = [...serials, ...describeShape(f, f.sheet === undefined ? 'line' : 'row').map((part) => `; ${part}`)];
  return (
    `${f.source}: ${status}: ${kind}, ${describeFormat(f)}${shape.join('')}; ` +
    `${f.rowsRead} rows read, ${f.rowsAccepted} valid, ${f.rowsRejected} invalid`
  );
}

/** `20 destinations`, `40 countries, 1 name no country has: "Xyzland" (3 rows)`. */
export function describeDimensions(f: Pick<FileReport, 'destinations' | 'countries' | 'unknownCountries'>): string[] {
  const parts: string[] = [];
  if (f.destinations !== undefined) parts.push(plural(f.destinations, 'destination'));
  if (f.countries !== undefined) {
    const unknown = f.unknownCountries ?? [];
    const names = unknown.map((u) => `${quote(u.name)} (${plural(u.rows, 'row')})`).join(', ');
    parts.push(
      `${f.countries} ${f.countries === 1 ? 'country' : 'countries'}` +
        (unknown.length ? `, ${plural(unknown.length, 'name')} no country has: ${names}` : ''),
    );
  }
  return parts;
}

async function validate(files: string[], flags: ValidateFlags): Promise<void> {
  const options: InputOptions = inputOptions(flags, configOf(flags));
  checkSources(files);
  const log = new ProblemLog({ print: true, printLimit: Infinity, rejectsPath: flags.rejects, write: toStderr });
  const reports: FileReport[] = [];
  const unreadable: { source: string; error: string }[] = [];
  try {
    for (const source of files) {
      try {
        for (const report of await readSource(source, options, NULL_SINK, log)) {
          reports.push(report);
          fileWarnings(report).forEach(toStderr);
        }
      } catch (e) {
        // An output that cannot be written stops everything; a file that cannot be read is a verdict.
        if (!(e instanceof VisitstatError) || e instanceof OutputError) throw e;
        unreadable.push({ source: displayName(source), error: e.message });
        toStderr(`visitstat: ${e.message}`);
      }
    }
  } catch (e) {
    log.close(false);
    throw e;
  }
  log.close();
  const totals = totalsOf(reports);
  if (flags.format === 'json') {
    const { coverage: _, ...counts } = totals;
    await writeOutput(renderJson({ ...counts, unreadable, valid: totals.rowsRejected === 0 && unreadable.length === 0 }));
  } else {
    const lines = reports.map(verdictLine);
    for (const u of unreadable) lines.push(`${u.source}: UNREADABLE: ${u.error.replace(`${u.source}: `, '')}`);
    if (files.length > 1) {
      lines.push(
        `total: ${files.length} files, ${totals.rowsRead} rows read, ${totals.rowsAccepted} valid, ${totals.rowsRejected} invalid`,
      );
    }
    await writeOutput(lines.map(escapeControls).join('\n') + '\n');
  }
  if (totals.rowsRejected > 0 || unreadable.length > 0) {
    const parts = [];
    if (totals.rowsRejected > 0) parts.push(plural(totals.rowsRejected, 'invalid row'));
    if (unreadable.length > 0) parts.push(plural(unreadable.length, 'unreadable file'));
    throw new InvalidDataError(`validation failed: ${parts.join(', ')}`);
  }
}
