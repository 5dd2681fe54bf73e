/**
 * The one pipeline every reading command runs on: flags → config → typed options → read inputs →
 * model result → view → emit. The options every command shares (input, invalid rows, output) are
 * defined here once, with their translation into the input layer's settings and the output settings,
 * where the one decision between output for people and output for programs is made (from the format).
 */
import { extname } from 'node:path';
import { type Command, Option } from 'commander';
import { type Config, loadConfig } from '../config';
import { UsageError } from '../errors';
import { parseEncodingOption } from '../ingest/decode';
import { parseMapOption } from '../ingest/headers';
import { type Diagnostics, type InputSummary, readInputs } from '../ingest/inputs';
import type { InputOptions } from '../ingest/reader';
import { parseDelimiterOption } from '../ingest/sniff';
import type { DateFormat } from '../ingest/values';
import { dateKey } from '../model/dates';
import type { TextField } from '../model/fields';
import type { Kind } from '../model/records';
import { escapeControls, quote } from '../messages';
import { type SinkName, type SinkOf, type SinkSpec, createSink } from '../model/sinks';
import {
  FORMATS,
  type Format,
  type Label,
  type Locale,
  type OutputFormat,
  type RenderSettings,
  type Rendered,
  formatFromPath,
  formatInt,
  knownExtensions,
  formatsFor,
  label,
  renderDoc,
  resolveLocale,
  shouldColor,
  writeOutput,
} from '../render';
import { checksNotes } from './checks-view';
import { parseBoundary, parseHeaderRow, parsePlausible, parseWidth, parseYear } from './parse';
import { OVERLAP_POLICIES, type OverlapPolicy } from '../model/arrival-key';
import { today } from '../ingest/checks';
import { prepareOutputs } from '../render/write';

export interface InputFlags {
  kind?: Kind;
  encoding?: string;
  delimiter?: string;
  map?: string;
  dateFormat?: DateFormat;
  from?: string;
  to?: string;
  /** `--year Y`: short for `--from Y --to Y` (summary, spending, validate; progress and report have their own --year). */
  year?: string;
  skipInvalid?: boolean;
  rejects?: string;
  config?: string;
  onOverlap?: OverlapPolicy;
  headerRow?: string;
  sheet?: string[];
  segment?: 'domestic' | 'foreign';
}

export function addInputOptions(cmd: Command): Command {
  cmd
    .addOption(new Option('--kind <kind>', 'treat every file as this kind instead of detecting it').choices(['delegations', 'arrivals']))
    .option('--encoding <name>', 'utf-8, utf-16le, utf-16be or windows-1252 (default: detected)')
    .option('--delimiter <char>', ', ; tab or | (default: detected)')
    .option('--map <pairs>', 'map columns explicitly: people="Jumlah Tamu",date=Tgl')
    .option(
      '--sheet <name>',
      'read this sheet of a workbook (a name, or 1 for the first); repeatable; default: every sheet with a table',
      collectValues,
    )
    .addOption(
      new Option('--segment <segment>', 'what a table of months down and years across counts, when its title does not say').choices([
        'domestic',
        'foreign',
      ]),
    )
    .option('--header-row <n>', "the header's line (CSV) or row (sheet); default: the first of the first 20 that names the columns")
    .addOption(new Option('--date-format <order>', 'day-first or month-first numeric dates').choices(['dmy', 'mdy']))
    .option('--from <date>', 'only rows on or after this date (2017-01-01, 2017-03, 2017)')
    .option('--to <date>', 'only rows on or before this date (inclusive)');
  // progress and report declare their own --year (the target's, the report's): no shorthand there.
  if (!cmd.options.some((o) => o.long === '--year')) {
    cmd.option('--year <year>', 'only rows of this year: short for --from YEAR --to YEAR').hook('preAction', yearAsRange);
  }
  return cmd
    .option('--skip-invalid', 'go on without invalid rows (says how many were skipped)')
    .option('--rejects <file>', 'write rejected rows verbatim, with file, line and reason (atomically, as -o)')
    .option('--config <file>', 'JSON config: column maps, locale, rates, targets, bands, tolerance, plausible bounds')
    .addOption(
      new Option(
        '--on-overlap <choice>',
        'an arrival figure given twice for a period and segment: error (default), or count the first, the last, or their sum',
      ).choices(OVERLAP_POLICIES),
    )
    .hook('preAction', openOutputs);
}

/** `--year Y` becomes `--from Y --to Y`; given with either, it is a usage error. */
function yearAsRange(cmd: Command): void {
  const { year, from, to } = cmd.opts<InputFlags>();
  if (year === undefined) return;
  if (from !== undefined || to !== undefined) throw new UsageError('--year is short for --from/--to: give one or the other, not both');
  const y = String(parseYear(year));
  cmd.setOptionValue('from', y);
  cmd.setOptionValue('to', y);
}

/**
 * Before a command runs: `-o -` means stdout, and -o and --rejects are checked against the inputs
 * (and each other) and opened, so that no input is ever overwritten and an output that cannot be
 * written fails before the reading starts.
 */
async function openOutputs(cmd: Command): Promise<void> {
  const { output, rejects, config } = cmd.opts<InputFlags & OutputFlags>();
  if (output === '-') cmd.setOptionValue('output', undefined);
  const files = (cmd.processedArgs[0] ?? []) as string[];
  await prepareOutputs({ output: output === '-' ? undefined : output, rejects }, config === undefined ? files : [...files, config]);
}

export function inputOptions(flags: InputFlags, config: Config): InputOptions {
  const dateFormat = flags.dateFormat ?? config.dateFormat ?? 'dmy';
  const from = flags.from === undefined ? undefined : parseBoundary(flags.from, '--from', dateFormat);
  const to = flags.to === undefined ? undefined : parseBoundary(flags.to, '--to', dateFormat);
  if (from && to && dateKey(from) > dateKey(to)) {
    throw new UsageError(`--from ${flags.from} is after --to ${flags.to}`);
  }
  return {
    kind: flags.kind,
    encoding: flags.encoding === undefined ? undefined : parseEncodingOption(flags.encoding),
    delimiter: flags.delimiter === undefined ? undefined : parseDelimiterOption(flags.delimiter),
    map: parseMapOption(flags.map, config.map),
    dateFormat,
    from,
    to,
    checks: {
      onOverlap: flags.onOverlap ?? config.onOverlap ?? 'error',
      plausible: parsePlausible(config.plausible),
      today: today(),
    },
    ...(flags.headerRow === undefined ? {} : { headerRow: parseHeaderRow(flags.headerRow) }),
    ...(flags.sheet === undefined ? {} : { sheets: flags.sheet }),
    ...(flags.segment === undefined ? {} : { segment: flags.segment }),
  };
}

/** A repeatable option's values, in order. */
function collectValues(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function configOf(flags: InputFlags): Config {
  return loadConfig(flags.config);
}

/** Diagnostics go to stderr, never mixed with data on stdout; what came from a file cannot drive the terminal. */
export const toStderr = (line: string): void => void process.stderr.write(escapeControls(line) + '\n');

export interface OutputFlags {
  format?: Format;
  output?: string;
  locale?: string;
  color?: boolean;
  excel?: boolean;
  bom?: boolean;
  width?: string;
  /** With -o: print nothing on success (the counts line and warnings are shown only if the command fails). */
  quiet?: boolean;
}

/** `--format` offers the formats registered for the command (src/render/formats.ts). */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', 'output format (default: table, or from the -o extension)').choices(formatsFor(cmd.name())))
    .option('-o, --output <file>', 'write to FILE atomically instead of stdout (- for stdout)')
    .addOption(
      new Option('--locale <locale>', 'id or en (default: config, else LANG/LC_ALL starting with id, else en)').choices(['id', 'en']),
    )
    .option('--no-color', 'no colour even on a terminal (NO_COLOR does the same)')
    .option('--excel', 'CSV for Indonesian Excel: ; delimiter, decimal comma, CRLF, UTF-8 BOM')
    .option('--bom', 'CSV with a UTF-8 BOM')
    .option('--width <columns>', "fit the table format in N columns (default: the terminal's width; none when not a terminal)")
    .addOption(quietOption());
}

/** Every command's `--quiet`: with -o, nothing on stderr unless the command fails. */
export function quietOption(): Option {
  return new Option('-q, --quiet', 'with -o: print nothing on success (the counts, warnings and errors only if it fails)');
}

/** --quiet needs somewhere else for the output to go. */
export function checkQuiet(flags: { quiet?: boolean; output?: string }, command: string): void {
  if (flags.quiet && !flags.output) throw new UsageError(`--quiet needs -o FILE: without it the ${command} itself is printed`);
}

/** What a view needs to know of the output: whether it is for programs, and the reader's language. */
export interface ViewSettings {
  /** For programs (CSV, JSON): plain numbers, ISO periods, fixed words, data rows only. */
  machine: boolean;
  /** The format holds data rows only (CSV): no title, notes or counts line. */
  rowsOnly: boolean;
  locale: Locale;
  /** --excel: CSV for people in a spreadsheet, its words in the reader's language. */
  excel?: boolean;
}

export interface OutputSettings extends ViewSettings, RenderSettings {
  format: Format;
  /** `-o FILE`; stdout when absent. */
  path?: string;
}

/** Decided once per run, from the flags, the config and the format's registration. */
export function outputSettings(flags: OutputFlags, config: Config, command: string): OutputSettings {
  const format = flags.format ?? formatOfPath(flags.output) ?? (flags.excel ? 'csv' : 'table');
  if ((flags.excel || flags.bom) && format !== 'csv') {
    throw new UsageError(`--${flags.excel ? 'excel' : 'bom'} is for CSV output, not --format ${format}`);
  }
  const offered = formatsFor(command);
  if (!offered.includes(format)) {
    const by = (FORMATS[format] as OutputFormat).commands ?? [];
    throw new UsageError(`--format ${format} is for the ${by.join(' and ')} command${by.length === 1 ? '' : 's'}`);
  }
  const toTerminal = !flags.output && process.stdout.isTTY === true;
  if (toTerminal && (FORMATS[format] as OutputFormat).binary) {
    throw new UsageError(
      `--format ${format} writes a workbook, not text for the screen: give -o FILE${FORMATS[format].extensions[0]} or redirect the output`,
    );
  }
  return {
    format,
    machine: FORMATS[format].machine,
    rowsOnly: FORMATS[format].rowsOnly,
    locale: resolveLocale(flags.locale, config.locale, process.env),
    color:
      (FORMATS[format] as OutputFormat).colors === true &&
      shouldColor({ isTTY: toTerminal, env: process.env, noColorFlag: flags.color === false }),
    excel: flags.excel,
    bom: flags.bom,
    width: parseWidth(flags.width, toTerminal ? process.stdout.columns : undefined),
    path: flags.output,
  };
}

/**
 * The format `-o FILE` implies: by its extension; none (`/dev/null`, `/dev/fd/3`) leaves the default.
 * An extension that is no format's is refused rather than guessed.
 */
function formatOfPath(path: string | undefined): Format | undefined {
  if (path === undefined || path === '-' || extname(path) === '') return undefined;
  const format = formatFromPath(path);
  if (format) return format;
  throw new UsageError(
    `-o ${escapeControls(path)}: ${quote(extname(path))} is not an output format's extension (known: ${knownExtensions().join(', ')}); give --format`,
  );
}

/**
 * Renders a command's output in the chosen format and writes it (atomically with -o), after the
 * diagnostics every command gives in every format: the counts line, then the view's own lines.
 */
export async function emit(rendered: Rendered, output: OutputSettings, input: InputSummary, diagnostics: Diagnostics): Promise<void> {
  // First, so that a reader that closes the pipe early cannot race them.
  diagnostics(countsLine(input, output.locale));
  // What the checks found: in the document's notes, but a rows-only format (CSV) has no room for them.
  if (output.rowsOnly) for (const note of checksNotes(input.checks)) diagnostics(`visitstat: ${label(note, output.locale)}`);
  for (const line of rendered.stderr ?? []) diagnostics(line);
  await writeOutput(await renderDoc(output.format, rendered, output), output.path);
}

/** The rows read / accepted / rejected line on stderr: `visitstat: Rows read 345, accepted 345, rejected 0 — 1 file`. */
export function countsLine(input: InputSummary, locale: Locale): string {
  return `visitstat: ${label(inputFooter(input), locale)}`;
}

/** What a command adds to the pipeline. */
export interface Pipeline<F, O, N extends SinkName, R> {
  /** Its typed options, parsed from the flags and the config (src/commands/parse.ts). */
  options(flags: F, config: Config, input: InputOptions): O;
  /** The text fields it shows (src/model/fields.ts): the others are left unread. */
  fields(options: O): ReadonlySet<TextField>;
  /** The sink the rows go to: built here, and again in a worker for a big file. */
  sink(options: O): SinkSpec<N>;
  /** The model's result, once every input is read. */
  result(sink: SinkOf<N>, input: InputSummary, options: O, read: InputOptions): R;
  view(result: R, output: ViewSettings): Rendered;
  /** After the output is written: e.g. exit 3 when a target is behind. */
  done?(result: R): void;
}

export async function runPipeline<F extends InputFlags & OutputFlags, O, N extends SinkName, R>(
  command: Command,
  files: string[],
  flags: F,
  pipeline: Pipeline<F, O, N, R>,
): Promise<void> {
  checkQuiet(flags, command.name());
  const config = configOf(flags);
  const output = outputSettings(flags, config, command.name());
  const read = inputOptions(flags, config);
  const options = pipeline.options(flags, config, read);
  const spec = pipeline.sink(options);
  const sink = createSink(spec);
  // --quiet: diagnostics are kept back, and shown only if the command then fails.
  const held: string[] = [];
  const diagnostics = flags.quiet ? (line: string) => void held.push(line) : toStderr;
  try {
    const policy = { skipInvalid: flags.skipInvalid === true, rejectsPath: flags.rejects };
    const input = await readInputs(files, { options: { ...read, fields: pipeline.fields(options) }, sink, spec, policy, diagnostics });
    const result = pipeline.result(sink, input, options, read);
    await emit(pipeline.view(result, output), output, input, diagnostics);
    pipeline.done?.(result);
  } catch (error) {
    held.forEach(toStderr);
    throw error;
  }
}

/** The data-quality line every table and markdown output ends with. */
export function inputFooter(input: InputSummary): Label {
  const n = (value: number, locale: Locale) => formatInt(value, locale);
  // A workbook is one file of several sheets.
  const sheets = input.files.filter((f) => f.sheet !== undefined).length;
  const fileCount = new Set(input.files.map((f) => (f.sheet === undefined ? f.source : f.source.slice(0, -f.sheet.length - 2)))).size;
  const sheetWords = (word: string, plural: string) => (sheets === 0 ? '' : ` (${sheets} ${sheets === 1 ? word : plural})`);
  const footer = (
    locale: Locale,
    words: { read: string; accepted: string; rejected: string; outside: string; files: string; sheets: string },
  ) =>
    `${words.read} ${n(input.rowsRead, locale)}, ${words.accepted} ${n(input.rowsAccepted, locale)}, ` +
    `${words.rejected} ${n(input.rowsRejected, locale)}` +
    (input.rowsOutOfRange > 0 ? ` (${n(input.rowsOutOfRange, locale)} ${words.outside})` : '') +
    ` — ${n(fileCount, locale)} ${words.files}${words.sheets}`;
  return {
    en: footer('en', {
      read: 'Rows read',
      accepted: 'accepted',
      rejected: 'rejected',
      outside: 'accepted rows outside --from/--to',
      files: fileCount === 1 ? 'file' : 'files',
      sheets: sheetWords('sheet', 'sheets'),
    }),
    id: footer('id', {
      read: 'Baris dibaca',
      accepted: 'diterima',
      rejected: 'ditolak',
      outside: 'baris diterima di luar --from/--to',
      files: 'berkas',
      sheets: sheetWords('lembar', 'lembar'),
    }),
  };
}
