/**
 * visitstat validate FILES
 *
 * Reads every file, prints every problem (FILE:LINE: column: reason) and every warning
 * (FILE:LINE: warning: ...) on stderr and one verdict per file on stdout: kind, encoding, delimiter,
 * line endings, rows read / valid / invalid; then what the checks found across the files.
 * Exits 1 if any row is invalid, a file cannot be read or repeats another's bytes, or an arrival
 * figure is given again (under --on-overlap error); with --strict, if there is any warning; else 0.
 */
import { type Command, Option } from 'commander';
import { InvalidDataError, UsageError } from '../errors';
import { type ChecksSummary, WARNING_KINDS } from '../ingest/checks';
import { describeShape } from '../ingest/table-shape';
import { type FileReport, type InputOptions, describeFormat, displayName } from '../ingest/reader';
import type { SameContent } from '../ingest/identical';
import { type Diagnostics, type FileSummary, validateInputs } from '../ingest/inputs';
import { escapeControls, quote } from '../messages';
import { describeEncoding } from '../ingest/decode';
import { renderJson, writeOutput } from '../render';
import type { Doc } from '../render/doc';
import { formatFromPath } from '../render/formats';
import { ARRIVAL_FORMS, KIND_NAMES, SEGMENT_NAMES, UNCHECKED_TOTALS, fileFormat } from '../render/glossary';
import { type Locale, label, resolveLocale } from '../render/locale';
import { type InputFlags, addInputOptions, checkQuiet, configOf, countsLine, inputOptions, quietOption, toStderr } from './shared';

const EXAMPLES = `
Examples:
  $ visitstat validate "$(visitstat sample-path)"/*.csv
  $ visitstat validate --rejects rejects.csv "$(visitstat sample-path)"/../messy/bad-rows.csv
  $ visitstat validate --format json data/*.csv > check.json
  $ visitstat validate -o check.xlsx data/*.csv   # one row per file or sheet, in a workbook
  $ visitstat validate --strict --config visitstat.json data/*.csv   # warnings fail it too
  $ cat export.csv | visitstat validate -
  $ visitstat validate "$(visitstat sample-path)"/../excel/rekap-2016.*
  $ visitstat validate --sheet Wisman --segment foreign rekap-bps.xlsx`;

interface ValidateFlags extends InputFlags {
  format?: ValidateFormat;
  locale?: string;
  output?: string;
  quiet?: boolean;
  strict?: boolean;
}

type ValidateFormat = 'text' | 'json' | 'xlsx';

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

const NULL_SINK = { delegation() {}, arrival() {} };

export function register(program: Command): void {
  const cmd = program
    .command('validate')
    .description('check input files: every problem with file and line, and a verdict per file')
    .argument('<files...>', 'CSV files or .xlsx workbooks, or - for standard input (CSV)');
  addInputOptions(cmd)
    .addOption(
      new Option(
        '--format <format>',
        "a verdict per line, one JSON document, or a workbook (default: by -o's extension, else text)",
      ).choices(['text', 'json', 'xlsx']),
    )
    .addOption(
      new Option('--locale <locale>', 'verdicts in id or en (default: config, else LANG/LC_ALL starting with id, else en)').choices([
        'id',
        'en',
      ]),
    )
    .option('--strict', 'warnings (repeated rows, implausible values, arrival figures that disagree) fail the validation too')
    .option('-o, --output <file>', 'write the verdicts to FILE atomically instead of stdout (- for stdout)')
    .addOption(quietOption())
    .addHelpText('after', EXAMPLES)
    .action((files: string[], flags: ValidateFlags) => validate(files, flags));
}

/**
 * A file with the same bytes as an earlier one. A file is then not read; standard input is known to
 * be the same only once read, so its rows are already in the counts above, and the line says so.
 */
function repeatedLine(s: SameContent, read: readonly FileSummary[], locale: Locale): string {
  const [name, other] = [displayName(s.source), displayName(s.sameAs)];
  const wasRead = read.some((f) => f.source === s.source || f.source === name);
  if (locale === 'id') {
    const what = wasRead ? 'diketahui setelah dibaca: barisnya terhitung di atas' : 'tidak dibaca lagi';
    return `${name}: BERULANG: ${s.bytes} bita yang sama dengan ${other}; ${what}`;
  }
  const what = wasRead ? 'known only once read: its rows are in the counts above' : 'not read again';
  return `${name}: REPEATED: the same ${s.bytes} bytes as ${other}; ${what}`;
}

/** One file's (or sheet's) verdict, in the reader's locale: INVALID for rejected rows, or arrival figures given again (under --on-overlap error). */
function verdictLine(f: FileSummary, givenAgain: number, locale: Locale): string {
  return locale === 'id' ? verdictLineId(f, givenAgain) : verdictLineEn(f, givenAgain);
}

function verdictLineEn(f: FileSummary, givenAgain: number): string {
  const status = f.rowsRejected === 0 && givenAgain === 0 ? 'ok' : 'INVALID';
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
  const again = givenAgain > 0 ? `, ${plural(givenAgain, 'figure')} given again` : '';
  return (
    `${f.source}: ${status}: ${kind}, ${describeFormat(f)}${shape.join('')}; ` +
    `${f.rowsRead} rows read, ${f.rowsAccepted} valid, ${f.rowsRejected} invalid${again}`
  );
}

function verdictLineId(f: FileSummary, givenAgain: number): string {
  const status = f.rowsRejected === 0 && givenAgain === 0 ? 'ok' : 'TIDAK SAH';
  const form =
    f.arrivalForm === 'bps'
      ? `bulan ke bawah, tahun ke samping: ${SEGMENT_NAMES[f.segment!].id}, dari ${f.segmentFrom === 'title' ? 'judul' : '--segment'}`
      : f.segmentFrom === 'country'
        ? 'panjang: mancanegara menurut definisinya, kolom negara tanpa kolom segmen'
        : f.arrivalForm && ARRIVAL_FORMS[f.arrivalForm].id;
  const kind = KIND_NAMES[f.kind].id + (form ? ` (${form})` : '');
  const format = f.sheet !== undefined ? 'lembar buku kerja xlsx' : label(fileFormat(fileFormatOf(f)), 'id');
  const unit = f.sheet === undefined ? 'baris' : 'baris lembar';
  const parts = f.serialDates ? ['tanggal sebagai nomor seri Excel'] : [];
  parts.push(...describeDimensions(f, 'id'));
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
  const again = givenAgain > 0 ? `, ${givenAgain} angka diberikan lagi` : '';
  return `${f.source}: ${status}: ${kind}, ${format}${shape}; ${f.rowsRead} baris dibaca, ${f.rowsAccepted} sah, ${f.rowsRejected} tidak sah${again}`;
}

/** Encoding by its display name, for the glossary's fileFormat. */
function fileFormatOf(f: FileSummary) {
  const encoding = (f.compression ? `${f.compression}, ` : '') + describeEncoding({ encoding: f.encoding!, bom: false });
  return { encoding, bom: f.bom!, encodingNote: f.encodingNote, delimiter: f.delimiter!, lineEnding: f.lineEnding! };
}

/** `20 destinations`, `40 countries, 1 name no country has: "Xyzland" (3 rows)`; in id `20 destinasi`, `40 negara, ...`. */
export function describeDimensions(
  f: Pick<FileReport, 'destinations' | 'countries' | 'unknownCountries'>,
  locale: Locale = 'en',
): string[] {
  const id = locale === 'id';
  const parts: string[] = [];
  if (f.destinations !== undefined) parts.push(id ? `${f.destinations} destinasi` : plural(f.destinations, 'destination'));
  if (f.countries !== undefined) {
    const unknown = f.unknownCountries ?? [];
    const names = unknown.map((u) => `${quote(u.name)} (${id ? `${u.rows} baris` : plural(u.rows, 'row')})`).join(', ');
    const countries = id ? `${f.countries} negara` : `${f.countries} ${f.countries === 1 ? 'country' : 'countries'}`;
    const unknownText = id
      ? `${unknown.length} nama yang bukan nama negara: ${names}`
      : `${plural(unknown.length, 'name')} no country has: ${names}`;
    parts.push(countries + (unknown.length ? `, ${unknownText}` : ''));
  }
  return parts;
}

async function validate(files: string[], flags: ValidateFlags): Promise<void> {
  checkQuiet(flags, 'validation');
  const config = configOf(flags);
  const options: InputOptions = inputOptions(flags, config);
  const locale = resolveLocale(flags.locale, config.locale, process.env);
  flags.format = formatOf(flags);
  // --quiet: diagnostics are kept back, and shown only if the validation fails.
  const held: string[] = [];
  const diagnostics = flags.quiet ? (line: string) => void held.push(line) : toStderr;
  try {
    await validateWith(files, flags, options, diagnostics, locale);
  } catch (e) {
    held.forEach(toStderr);
    throw e;
  }
}

async function validateWith(
  files: string[],
  flags: ValidateFlags,
  options: InputOptions,
  diagnostics: Diagnostics,
  locale: Locale,
): Promise<void> {
  const policy = { skipInvalid: false, rejectsPath: flags.rejects };
  const summary = await validateInputs(files, { options, sink: NULL_SINK, policy, diagnostics });
  const { unreadable, sameContent, checks } = summary;
  const againIn = (source: string) => summary.overlaps.filter((o) => o.again.source === source).length;
  const overlapProblems = checks.onOverlap === 'error' ? summary.overlaps.length : 0;
  const warnings = WARNING_KINDS.reduce((n, kind) => n + checks.warnings[kind], 0);
  const failures = {
    rows: summary.rowsRejected,
    unreadable: unreadable.length,
    sameContent: sameContent.length,
    overlaps: overlapProblems,
    warnings: flags.strict ? warnings : 0,
  };
  const valid = Object.values(failures).every((n) => n === 0);
  const unreadableCount =
    locale === 'id' ? `, ${unreadable.length} berkas tidak terbaca` : `, ${plural(unreadable.length, 'unreadable file')}`;
  diagnostics(countsLine(summary, locale) + (unreadable.length > 0 ? unreadableCount : ''));
  if (flags.format === 'json') {
    const { coverage: _, ...counts } = summary;
    await writeOutput(renderJson({ ...counts, valid, strict: flags.strict === true }), flags.output);
  } else {
    const givenAgain = (f: FileSummary) => (checks.onOverlap === 'error' ? againIn(f.source) : 0);
    const lines = summary.files.map((f) => verdictLine(f, givenAgain(f), locale));
    const id = locale === 'id';
    for (const u of unreadable) lines.push(`${u.source}: ${id ? 'TIDAK TERBACA' : 'UNREADABLE'}: ${u.error.replace(`${u.source}: `, '')}`);
    for (const s of sameContent) lines.push(repeatedLine(s, summary.files, locale));
    if (files.length > 1) {
      lines.push(
        id
          ? `total: ${files.length} berkas, ${summary.rowsRead} baris dibaca, ${summary.rowsAccepted} sah, ${summary.rowsRejected} tidak sah`
          : `total: ${files.length} files, ${summary.rowsRead} rows read, ${summary.rowsAccepted} valid, ${summary.rowsRejected} invalid`,
      );
    }
    const found = checksLine(checks, locale);
    if (found) lines.push(found);
    if (flags.format === 'xlsx') {
      const verdicts = summary.files.map((f, i) => ({ file: f, ok: f.rowsRejected === 0 && givenAgain(f) === 0, line: lines[i] }));
      const { renderXlsx } = require('../render/xlsx') as typeof import('../render/xlsx');
      await writeOutput(await renderXlsx(verdictDoc(verdicts, lines.slice(summary.files.length), locale), locale), flags.output);
    } else await writeOutput(lines.map(escapeControls).join('\n') + '\n', flags.output);
  }
  if (!valid) {
    const parts = [];
    if (failures.rows > 0) parts.push(plural(failures.rows, 'invalid row'));
    if (failures.unreadable > 0) parts.push(plural(failures.unreadable, 'unreadable file'));
    if (failures.sameContent > 0) parts.push(plural(failures.sameContent, 'repeated file'));
    if (failures.overlaps > 0) parts.push(plural(failures.overlaps, 'arrival figure') + ' given again');
    if (failures.warnings > 0) parts.push(`${plural(failures.warnings, 'warning')} (--strict)`);
    throw new InvalidDataError(`validation failed: ${parts.join(', ')}`);
  }
}

/** What the checks found, in one line (null when nothing): `checks: 2 repeated rows, 1 implausible value`; in id `pemeriksaan: ...`. */
function checksLine(checks: ChecksSummary, locale: Locale): string | null {
  const { warnings, overlaps, replacedFigures, repeatedRowsCheck } = checks;
  const id = locale === 'id';
  const parts = [];
  if (overlaps > 0)
    parts.push(
      id
        ? `${overlaps} angka kunjungan diberikan lagi (--on-overlap ${checks.onOverlap})`
        : `${plural(overlaps, 'arrival figure')} given again (--on-overlap ${checks.onOverlap})`,
    );
  if (replacedFigures > 0)
    parts.push(
      id
        ? `${replacedFigures} angka kunjungan yang lebih kasar diganti yang lebih rinci`
        : `${plural(replacedFigures, 'coarser arrival figure')} replaced by finer ones`,
    );
  if (warnings.figureMismatches > 0)
    parts.push(
      id
        ? `${warnings.figureMismatches} di antaranya berbeda dari yang lebih rinci`
        : `${warnings.figureMismatches} of them differing from the finer ones`,
    );
  if (warnings.repeatedRows > 0) parts.push(id ? `${warnings.repeatedRows} baris berulang` : plural(warnings.repeatedRows, 'repeated row'));
  if (warnings.implausible > 0)
    parts.push(id ? `${warnings.implausible} nilai tidak wajar` : plural(warnings.implausible, 'implausible value'));
  if (repeatedRowsCheck.stoppedAt !== null)
    parts.push(
      id
        ? `baris berulang dibandingkan hanya sampai ${repeatedRowsCheck.stoppedAt}`
        : `repeated rows compared up to ${repeatedRowsCheck.stoppedAt} only`,
    );
  return parts.length === 0 ? null : `${id ? 'pemeriksaan' : 'checks'}: ${parts.join(', ')}`;
}

/** The format: --format, else the one -o's extension names if validate writes it (.json, .xlsx), else text; a workbook is not for the screen. */
function formatOf(flags: ValidateFlags): ValidateFormat {
  const implied = flags.output === undefined ? undefined : formatFromPath(flags.output);
  const format = flags.format ?? (implied === 'json' || implied === 'xlsx' ? implied : 'text');
  if (format === 'xlsx' && (!flags.output || flags.output === '-') && process.stdout.isTTY === true) {
    throw new UsageError('--format xlsx writes a workbook, not text for the screen: give -o FILE.xlsx or redirect the output');
  }
  return format;
}

/** `ok: arrivals (wide), …` without its status. */
const afterStatus = (verdict: string) => verdict.slice(verdict.indexOf(': ') + 2);

/** The verdicts as a workbook's table (one row per file or sheet, its verdict in full), the rest as notes. */
function verdictDoc(verdicts: { file: FileSummary; ok: boolean; line: string }[], rest: string[], locale: Locale): Doc {
  const rows = verdicts.map(({ file, ok, line }) => ({
    file: file.source,
    status: ok ? 'ok' : locale === 'id' ? 'TIDAK SAH' : 'INVALID',
    rowsRead: file.rowsRead,
    valid: file.rowsAccepted,
    invalid: file.rowsRejected,
    verdict: afterStatus(line.slice(file.source.length + 2)),
  }));
  return {
    title: { en: 'Validation', id: 'Validasi' },
    tables: [
      {
        id: 'verdicts',
        title: { en: 'Verdicts', id: 'Hasil pemeriksaan' },
        columns: [
          { key: 'file', label: { en: 'File', id: 'Berkas' }, kind: 'text' },
          { key: 'status', label: { en: 'Status', id: 'Status' }, kind: 'text' },
          { key: 'rowsRead', label: { en: 'Rows read', id: 'Baris dibaca' }, kind: 'int' },
          { key: 'valid', label: { en: 'Valid', id: 'Sah' }, kind: 'int' },
          { key: 'invalid', label: { en: 'Invalid', id: 'Tidak sah' }, kind: 'int' },
          { key: 'verdict', label: { en: 'Verdict', id: 'Putusan' }, kind: 'text' },
        ],
        rows,
      },
    ],
    notes: rest,
  };
}
