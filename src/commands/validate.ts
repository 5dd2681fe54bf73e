/**
 * visitstat validate FILES
 *
 * Reads every file, prints every problem (FILE:LINE: column: reason) on stderr and one verdict per
 * file on stdout: kind, encoding, delimiter, line endings, rows read / valid / invalid.
 * Exits 1 if any file has a problem or cannot be read, 0 if none.
 */
import { type Command, Option } from 'commander';
import { InvalidDataError, OutputError, VisitstatError } from '../errors';
import { describeEncoding } from '../ingest/decode';
import { describeDelimiter } from '../ingest/sniff';
import { ProblemLog } from '../ingest/problems';
import { type FileReport, type InputOptions, displayName, readFile } from '../ingest/reader';
import { type Diagnostics, checkSources, totalsOf } from '../ingest/inputs';
import { escapeControls } from '../messages';
import { renderJson, writeOutput } from '../render';
import { type InputFlags, addInputOptions, checkQuiet, configOf, countsLine, inputOptions, quietOption, toStderr } from './shared';

const EXAMPLES = `
Examples:
  $ visitstat validate fixtures/sample/*.csv
  $ visitstat validate --rejects rejects.csv fixtures/messy/bad-rows.csv
  $ visitstat validate --format json data/*.csv > check.json
  $ cat export.csv | visitstat validate -`;

interface ValidateFlags extends InputFlags {
  format?: 'text' | 'json';
  output?: string;
  quiet?: boolean;
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

const NULL_SINK = { delegation() {}, arrival() {} };

export function register(program: Command): void {
  const cmd = program
    .command('validate')
    .description('check input files: every problem with file and line, and a verdict per file')
    .argument('<files...>', 'CSV files, or - for standard input');
  addInputOptions(cmd)
    .addOption(new Option('--format <format>', 'a verdict per line, or one JSON document').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write the verdicts to FILE atomically instead of stdout (- for stdout)')
    .addOption(quietOption())
    .addHelpText('after', EXAMPLES)
    .action((files: string[], flags: ValidateFlags) => validate(files, flags));
}

function verdictLine(f: FileReport): string {
  const status = f.rowsRejected === 0 ? 'ok' : 'INVALID';
  const kind = f.arrivalForm ? `${f.kind} (${f.arrivalForm})` : f.kind;
  return (
    `${f.source}: ${status}: ${kind}, ${describeEncoding(f)}, ${describeDelimiter(f.delimiter)} delimited, ` +
    `${f.lineEnding} line endings; ${f.rowsRead} rows read, ${f.rowsAccepted} valid, ${f.rowsRejected} invalid`
  );
}

async function validate(files: string[], flags: ValidateFlags): Promise<void> {
  checkQuiet(flags, 'validation');
  const options: InputOptions = inputOptions(flags, configOf(flags));
  checkSources(files);
  // --quiet: diagnostics are kept back, and shown only if the validation fails.
  const held: string[] = [];
  const diagnostics = flags.quiet ? (line: string) => void held.push(line) : toStderr;
  try {
    await validateWith(files, flags, options, diagnostics);
  } catch (e) {
    held.forEach(toStderr);
    throw e;
  }
}

async function validateWith(files: string[], flags: ValidateFlags, options: InputOptions, diagnostics: Diagnostics): Promise<void> {
  const log = new ProblemLog({ print: true, printLimit: Infinity, rejectsPath: flags.rejects, write: diagnostics });
  const reports: FileReport[] = [];
  const unreadable: { source: string; error: string }[] = [];
  try {
    for (const source of files) {
      try {
        reports.push(await readFile(source, options, NULL_SINK, log));
      } catch (e) {
        // An output that cannot be written stops everything; a file that cannot be read is a verdict.
        if (!(e instanceof VisitstatError) || e instanceof OutputError) throw e;
        unreadable.push({ source: displayName(source), error: e.message });
        diagnostics(`visitstat: ${e.message}`);
      }
    }
  } catch (e) {
    log.close(false);
    throw e;
  }
  log.close();
  const totals = totalsOf(reports);
  diagnostics(countsLine(totals, 'en') + (unreadable.length > 0 ? `, ${plural(unreadable.length, 'unreadable file')}` : ''));
  if (flags.format === 'json') {
    await writeOutput(renderJson({ ...totals, unreadable, valid: totals.rowsRejected === 0 && unreadable.length === 0 }), flags.output);
  } else {
    const lines = reports.map(verdictLine);
    for (const u of unreadable) lines.push(`${u.source}: UNREADABLE: ${u.error.replace(`${u.source}: `, '')}`);
    if (files.length > 1) {
      lines.push(
        `total: ${files.length} files, ${totals.rowsRead} rows read, ${totals.rowsAccepted} valid, ${totals.rowsRejected} invalid`,
      );
    }
    await writeOutput(lines.map(escapeControls).join('\n') + '\n', flags.output);
  }
  if (totals.rowsRejected > 0 || unreadable.length > 0) {
    const parts = [];
    if (totals.rowsRejected > 0) parts.push(plural(totals.rowsRejected, 'invalid row'));
    if (unreadable.length > 0) parts.push(plural(unreadable.length, 'unreadable file'));
    throw new InvalidDataError(`validation failed: ${parts.join(', ')}`);
  }
}
