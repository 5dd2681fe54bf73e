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
import { escapeControls } from '../messages';
import { describeEncoding } from '../ingest/decode';
import { renderJson, writeOutput } from '../render';
import { ARRIVAL_FORMS, KIND_NAMES, SEGMENT_NAMES, UNCHECKED_TOTALS, fileFormat } from '../render/glossary';
import { type Locale, label, resolveLocale } from '../render/locale';
import { type InputFlags, addInputOptions, configOf, inputOptions, toStderr } from './shared';

const EXAMPLES = `
Examples:
  $ visitstat validate "$(visitstat sample-path)"/*.csv
  $ visitstat validate --rejects rejects.csv "$(visitstat sample-path)"/../messy/bad-rows.csv
  $ visitstat validate --format json data/*.csv > check.json
  $ cat export.csv | visitstat validate -
  $ visitstat validate "$(visitstat sample-path)"/../excel/rekap-2016.*
  $ visitstat validate --sheet Wisman --segment foreign rekap-bps.xlsx`;

interface ValidateFlags extends InputFlags {
  format?: 'text' | 'json';
  locale?: string;
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
    .addOption(
      new Option('--locale <locale>', 'verdicts in id or en (default: config, else LANG/LC_ALL starting with id, else en)').choices([
        'id',
        'en',
      ]),
    )
    .addHelpText('after', EXAMPLES)
    .action((files: string[], flags: ValidateFlags) => validate(files, flags));
}

/** A file's verdict: `FILE: ok: kind, format; N rows read, N valid, N invalid`, in the reader's locale. */
function verdictLine(f: FileReport, locale: Locale): string {
  return locale === 'id' ? verdictLineId(f) : verdictLineEn(f);
}

function verdictLineEn(f: FileReport): string {
  const status = f.rowsRejected === 0 ? 'ok' : 'INVALID';
  const form =
    f.arrivalForm === 'bps'
      ? `months down, years across: ${f.segment}, from ${f.segmentFrom === 'title' ? 'the title' : '--segment'}`
      : f.arrivalForm;
  const kind = form ? `${f.kind} (${form})` : f.kind;
  const serials = f.serialDates ? ['; dates as Excel serial numbers'] : [];
  const shape = [...serials, ...describeShape(f, f.sheet === undefined ? 'line' : 'row').map((part) => `; ${part}`)];
  return (
    `${f.source}: ${status}: ${kind}, ${describeFormat(f)}${shape.join('')}; ` +
    `${f.rowsRead} rows read, ${f.rowsAccepted} valid, ${f.rowsRejected} invalid`
  );
}

function verdictLineId(f: FileReport): string {
  const status = f.rowsRejected === 0 ? 'ok' : 'TIDAK SAH';
  const form =
    f.arrivalForm === 'bps'
      ? `bulan ke bawah, tahun ke samping: ${SEGMENT_NAMES[f.segment!].id}, dari ${f.segmentFrom === 'title' ? 'judul' : '--segment'}`
      : f.arrivalForm && ARRIVAL_FORMS[f.arrivalForm].id;
  const kind = KIND_NAMES[f.kind].id + (form ? ` (${form})` : '');
  const format = f.sheet !== undefined ? 'lembar buku kerja xlsx' : label(fileFormat(fileFormatOf(f)), 'id');
  const unit = f.sheet === undefined ? 'baris' : 'baris lembar';
  const parts = f.serialDates ? ['tanggal sebagai nomor seri Excel'] : [];
  const above = (f.headerRow ?? 1) - 1;
  if (above > 0) parts.push(`judul kolom di ${unit} ${f.headerRow}; ${above === 1 ? `${unit} 1 judul` : `${unit} 1–${above} judul`}`);
  const total = f.totalRow;
  if (total) {
    const what = `${unit} jumlah ${total.line} (${total.label})`;
    if (total.matches === null) parts.push(`${what} tidak diperiksa: ${UNCHECKED_TOTALS[total.unchecked!]?.id ?? total.unchecked}`);
    else parts.push(`${what} ${total.matches ? 'sama dengan' : 'berbeda dari'} baris di atasnya`);
  }
  if (f.noteRows) parts.push(`${f.noteRows} ${unit} catatan di bawah tabel`);
  const shape = parts.map((part) => `; ${part}`).join('');
  return `${f.source}: ${status}: ${kind}, ${format}${shape}; ${f.rowsRead} baris dibaca, ${f.rowsAccepted} sah, ${f.rowsRejected} tidak sah`;
}

/** Encoding by its display name, for the glossary's fileFormat. */
function fileFormatOf(f: FileReport) {
  const encoding = (f.compression ? `${f.compression}, ` : '') + describeEncoding({ encoding: f.encoding!, bom: false });
  return { encoding, bom: f.bom!, encodingNote: f.encodingNote, delimiter: f.delimiter!, lineEnding: f.lineEnding! };
}

async function validate(files: string[], flags: ValidateFlags): Promise<void> {
  const config = configOf(flags);
  const options: InputOptions = inputOptions(flags, config);
  const locale = resolveLocale(flags.locale, config.locale, process.env);
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
    const lines = reports.map((f) => verdictLine(f, locale));
    const id = locale === 'id';
    for (const u of unreadable) lines.push(`${u.source}: ${id ? 'TIDAK TERBACA' : 'UNREADABLE'}: ${u.error.replace(`${u.source}: `, '')}`);
    if (files.length > 1) {
      lines.push(
        id
          ? `total: ${files.length} berkas, ${totals.rowsRead} baris dibaca, ${totals.rowsAccepted} sah, ${totals.rowsRejected} tidak sah`
          : `total: ${files.length} files, ${totals.rowsRead} rows read, ${totals.rowsAccepted} valid, ${totals.rowsRejected} invalid`,
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
