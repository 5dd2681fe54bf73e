/**
 * Options every command shares (input, invalid rows, output), defined once, and their translation
 * into the input layer's and the output layer's settings.
 */
import { type Command, Option } from 'commander';
import { type Config, loadConfig } from '../config';
import { UsageError } from '../errors';
import { parseEncodingOption } from '../ingest/decode';
import { parseMapOption } from '../ingest/headers';
import type { InputOptions } from '../ingest/reader';
import { parseDelimiterOption } from '../ingest/sniff';
import { type DateFormat, parseDate } from '../ingest/values';
import { type CalDate, dateKey } from '../model/dates';
import type { Kind } from '../model/records';
import type { InputSummary } from '../ingest/inputs';
import { escapeControls } from '../messages';
import { prepareOutputs } from '../render/write';
import { type Doc, type Format, type Label, type Locale, formatFromPath, formatInt, renderDoc, renderJson, resolveLocale, shouldColor, writeOutput } from '../render';

export interface InputFlags {
  kind?: Kind;
  encoding?: string;
  delimiter?: string;
  map?: string;
  dateFormat?: DateFormat;
  from?: string;
  to?: string;
  skipInvalid?: boolean;
  rejects?: string;
  config?: string;
}

export function addInputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--kind <kind>', 'treat every file as this kind instead of detecting it').choices(['delegations', 'arrivals']))
    .option('--encoding <name>', 'utf-8, utf-16le, utf-16be or windows-1252 (default: detected)')
    .option('--delimiter <char>', ', ; tab or | (default: detected)')
    .option('--map <pairs>', 'map columns explicitly: people="Jumlah Tamu",date=Tgl')
    .addOption(new Option('--date-format <order>', 'day-first or month-first numeric dates').choices(['dmy', 'mdy']))
    .option('--from <date>', 'only rows on or after this date (2017-01-01, 2017-03, 2017)')
    .option('--to <date>', 'only rows on or before this date (inclusive)')
    .option('--skip-invalid', 'go on without invalid rows (says how many were skipped)')
    .option('--rejects <file>', 'write rejected rows verbatim, with file, line and reason (atomically, as -o)')
    .option('--config <file>', 'JSON config: column maps, locale, rates, targets, bands, tolerance')
    .hook('preAction', openOutputs);
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

/**
 * A date given on the command line: `2017` → 1 Jan for --from, 31 Dec otherwise; `2017-03` → the
 * month (from its first day for --from, as a month-only date otherwise, which counts as its last day);
 * otherwise any date the data may hold.
 */
export function parseBoundary(text: string, flag: '--from' | '--to' | '--as-of', format: DateFormat): CalDate {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return flag === '--from' ? { year: +t, month: 1, day: 1 } : { year: +t, month: 12, day: 31 };
  const date = parseDate(t, format);
  if (typeof date === 'string') throw new UsageError(`${flag}: ${date}`);
  return flag === '--from' && date.day === null ? { ...date, day: 1 } : date;
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
  };
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
}

export function addOutputOptions(cmd: Command, formats: Format[] = ['table', 'csv', 'json', 'markdown']): Command {
  return cmd
    .addOption(new Option('--format <format>', 'output format (default: table, or from the -o extension)').choices(formats))
    .option('-o, --output <file>', 'write to FILE atomically instead of stdout (- for stdout)')
    .addOption(new Option('--locale <locale>', 'id or en (default: config, else LANG/LC_ALL starting with id, else en)').choices(['id', 'en']))
    .option('--no-color', 'no colour even on a terminal (NO_COLOR does the same)')
    .option('--excel', 'CSV for Indonesian Excel: ; delimiter, decimal comma, CRLF, UTF-8 BOM')
    .option('--bom', 'CSV with a UTF-8 BOM')
    .option('--width <columns>', "fit the table format in N columns (default: the terminal's width; none when not a terminal)");
}

/**
 * A command's result for output. Either may be given as a function that builds it, so that only the
 * one the format needs is built (a summary of a million groups must not be laid out twice).
 */
export interface Rendered {
  /** What table, csv and markdown show. */
  doc: Doc | (() => Doc);
  /** The `--format json` document: the command's result with documented camelCase fields. */
  json: unknown;
}

export interface OutputSettings {
  format: Format;
  locale: Locale;
  color: boolean;
  /** The table format's width: --width, else the terminal's; undefined when neither applies. */
  width?: number;
}

/** The narrowest --width accepted: a table folds into `label: value` blocks well before it. */
const MIN_WIDTH = 20;

export function outputSettings(flags: OutputFlags, config: Config): OutputSettings {
  const format = flags.format ?? (flags.output ? formatFromPath(flags.output) : undefined) ?? 'table';
  const toTerminal = !flags.output && process.stdout.isTTY === true;
  return {
    format,
    locale: resolveLocale(flags.locale, config.locale, process.env),
    color: format === 'table' && shouldColor({ isTTY: toTerminal, env: process.env, noColorFlag: flags.color === false }),
    width: outputWidth(flags.width, toTerminal ? process.stdout.columns : undefined),
  };
}

/** `--width N` wherever the output goes; else the terminal's columns when writing to one; else no limit. */
export function outputWidth(flag: string | undefined, terminalColumns: number | undefined): number | undefined {
  if (flag !== undefined) {
    if (!/^\d+$/.test(flag.trim()) || Number(flag) < MIN_WIDTH) {
      throw new UsageError(`--width must be a whole number of columns, at least ${MIN_WIDTH}, not "${flag}"`);
    }
    return Number(flag);
  }
  return terminalColumns && terminalColumns > 0 ? terminalColumns : undefined;
}

/** Renders a command's result in the chosen format and writes it (atomically with -o). */
export async function emit(result: Rendered, flags: OutputFlags, settings: OutputSettings): Promise<void> {
  const { format, locale, color, width } = settings;
  if (format === 'html') throw new UsageError('--format html is for the report command');
  const built = <T>(part: T | (() => T)): T => (typeof part === 'function' ? (part as () => T)() : part);
  const text =
    format === 'json'
      ? renderJson(built(result.json))
      : renderDoc(built(result.doc), { format, locale, color, width, excel: flags.excel, bom: flags.bom });
  await writeOutput(text, flags.output);
}

/** The data-quality line every table and markdown output ends with. */
export function inputFooter(input: InputSummary): Label {
  const n = (value: number, locale: Locale) => formatInt(value, locale);
  const footer = (locale: Locale, words: { read: string; accepted: string; rejected: string; outside: string; files: string }) =>
    `${words.read} ${n(input.rowsRead, locale)}, ${words.accepted} ${n(input.rowsAccepted, locale)}, ` +
    `${words.rejected} ${n(input.rowsRejected, locale)}` +
    (input.rowsOutOfRange > 0 ? ` (${n(input.rowsOutOfRange, locale)} ${words.outside})` : '') +
    ` — ${n(input.files.length, locale)} ${words.files}`;
  return {
    en: footer('en', {
      read: 'Rows read',
      accepted: 'accepted',
      rejected: 'rejected',
      outside: 'accepted rows outside --from/--to',
      files: input.files.length === 1 ? 'file' : 'files',
    }),
    id: footer('id', {
      read: 'Baris dibaca',
      accepted: 'diterima',
      rejected: 'ditolak',
      outside: 'baris diterima di luar --from/--to',
      files: 'berkas',
    }),
  };
}
