/**
 * The glossary: the words that name things across commands (metrics, statuses, kinds of file, segments,
 * the machine words of CSV cells and headers), each declared once with its English and Indonesian form,
 * as a Label that `label(text, locale)` (./locale.ts) picks from. A view's own sentences are Labels
 * written where they are used; a word two views share, or a value a spreadsheet shows, belongs here.
 *
 * SHARED_WORDS is what Indonesian output may hold that English also has: names, units, formulas and
 * loanwords Indonesian uses as they are. The language test (__tests__/render/glossary.test.ts) renders
 * every command under `--locale id` and fails on any other word of the English output.
 */
import type { Metric, Pace, Status } from '../model/progress';
import type { Kind } from '../model/records';
import type { ArrivalUnit } from '../model/summary';
import type { Label } from './doc';
import type { Locale } from './locale';

export type Phrase = { en: string; id: string };

export const METRIC_NAMES: Record<Metric, Phrase> = {
  visitors: { en: 'delegation visitors', id: 'wisatawan kinerja' },
  delegations: { en: 'delegations', id: 'rombongan delegasi' },
  domestic: { en: 'domestic arrivals', id: 'wisatawan nusantara' },
  foreign: { en: 'foreign arrivals', id: 'wisatawan mancanegara' },
  total: { en: 'total arrivals', id: 'total wisatawan' },
  spending: { en: 'estimated spending', id: 'estimasi belanja wisatawan' },
};

/** The status words of progress and the report alike. */
export const STATUS_NAMES: Record<Status, Phrase> = {
  ahead: { en: 'ahead', id: 'di atas target' },
  'within-reach': { en: 'within reach', id: 'dalam jangkauan' },
  behind: { en: 'behind', id: 'tertinggal' },
  achieved: { en: 'achieved', id: 'tercapai' },
  missed: { en: 'missed', id: 'tidak tercapai' },
};

export const PACE_NAMES: Record<Pace, Phrase> = {
  ahead: { en: 'ahead', id: 'di atas' },
  'on-track': { en: 'on track', id: 'sesuai' },
  behind: { en: 'behind', id: 'tertinggal' },
};

export const KIND_NAMES: Record<Kind, Phrase> = {
  delegations: { en: 'delegations', id: 'log delegasi' },
  arrivals: { en: 'arrivals', id: 'data kunjungan' },
};

/** First to last dated row: the coverage of periods (model/coverage.ts) starts a log at the 1st of its first month. */
export const DATES_COVERED: Phrase = { en: 'Dates in the data', id: 'Tanggal dalam data' };

/** Growth against the period before (by unit), and against the same period a year earlier (`yoy`). */
export const GROWTH_NAMES: Record<ArrivalUnit | 'yoy', Phrase> = {
  month: { en: 'MoM', id: 'pertumbuhan bulanan' },
  quarter: { en: 'QoQ', id: 'pertumbuhan triwulanan' },
  year: { en: 'YoY', id: 'pertumbuhan tahunan' },
  yoy: { en: 'YoY', id: 'pertumbuhan tahunan' },
};

/** A growth column of the total: `MoM total`, `Pertumbuhan bulanan total`. */
export function growthOfTotal(growth: Phrase): Phrase {
  return { en: `${growth.en} total`, id: sentenceCase(`${growth.id} total`) };
}

/** Growth on a year earlier, after a figure: `4.898.970 (+19,8% dari tahun lalu)`. */
export const ON_A_YEAR_EARLIER: Phrase = { en: 'y-o-y', id: 'dari tahun lalu' };

/** Where a target comes from: `--target`, or the config file's `targets[i]` (counted from 1 in Indonesian). */
export function targetSource(source: string): Label {
  if (source === 'command line') return '--target';
  const index = /^config targets\[(\d+)\]$/.exec(source);
  return index ? { en: source, id: `konfigurasi, target ke-${Number(index[1]) + 1}` } : source;
}

/** A file's encoding, delimiter and line endings, as the report's data-quality table shows them. */
export function fileFormat(f: { encoding: string; bom: boolean; encodingNote?: string; delimiter: string; lineEnding: string }): Label {
  const note = f.encodingNote === undefined ? undefined : (ENCODING_NOTES[f.encodingNote] ?? { en: f.encodingNote, id: f.encodingNote });
  const text = (l: Locale) =>
    `${f.encoding}${f.bom ? (l === 'en' ? ' with BOM' : ' dengan BOM') : ''}${note ? ` (${note[l]})` : ''}, ` +
    `${f.delimiter === '\t' ? 'tab' : `'${f.delimiter}'`}, ${f.lineEnding === 'none' ? (l === 'en' ? 'no line break' : 'tanpa ganti baris') : f.lineEnding}`;
  return { en: text('en'), id: text('id') };
}

const ENCODING_NOTES: Record<string, Phrase> = {
  'assumed: the start is not valid UTF-8; --encoding chooses another': {
    en: 'assumed: the start is not valid UTF-8; --encoding chooses another',
    id: 'diduga: awal berkas bukan UTF-8 yang sah; --encoding memilih yang lain',
  },
};

/** The arrival layouts a verdict names. */
export const ARRIVAL_FORMS: Record<'wide' | 'long', Phrase> = {
  wide: { en: 'wide', id: 'lebar' },
  long: { en: 'long', id: 'panjang' },
};

export const SEGMENT_NAMES: Record<'domestic' | 'foreign', Phrase> = {
  domestic: { en: 'domestic', id: 'nusantara' },
  foreign: { en: 'foreign', id: 'mancanegara' },
};

/** Why a total row was not checked (src/ingest/reader.ts), by its English reason. */
export const UNCHECKED_TOTALS: Record<string, Phrase> = {
  'it has no figures': { en: 'it has no figures', id: 'baris itu tanpa angka' },
  '--from/--to left rows out of the sums': {
    en: '--from/--to left rows out of the sums',
    id: '--from/--to mengeluarkan baris dari jumlahnya',
  },
};

export const XLSX_SHEET: Phrase = { en: 'xlsx sheet', id: 'lembar xlsx' };

/**
 * CSV headers for people (`--excel`) under `--locale id`, by column key; the English form is the key
 * itself, the stable name programs read. A column whose label is already Indonesian (and not its key)
 * is headed by that label, so only the columns labelled by their key need a line here.
 */
export const CSV_HEADERS_ID: Record<string, string> = {
  visitorsWithNights: 'Wisatawan dengan lama inap',
  delegationsWithNights: 'Delegasi dengan lama inap',
  domesticGrowthPct: 'Pertumbuhan nusantara (%)',
  foreignGrowthPct: 'Pertumbuhan mancanegara (%)',
  totalGrowthPct: 'Pertumbuhan total (%)',
  domesticYoyGrowthPct: 'Pertumbuhan tahunan nusantara (%)',
  foreignYoyGrowthPct: 'Pertumbuhan tahunan mancanegara (%)',
  totalYoyGrowthPct: 'Pertumbuhan tahunan total (%)',
  growthBasis: 'Dasar pertumbuhan',
  yoyGrowthBasis: 'Dasar pertumbuhan tahunan',
  partial: 'Periode sebagian',
  from: 'Dari',
  to: 'Sampai',
  countryCode: 'Kode negara',
};

/**
 * The machine words of CSV cells, shown in Indonesian under `--excel --locale id`; the English form
 * is the word itself. A column's own words (a status, a metric) come before these common ones.
 */
export const CSV_VALUES_ID: Record<string, string> = {
  true: 'ya',
  false: 'tidak',
  all: 'semua',
  domestic: 'nusantara',
  foreign: 'mancanegara',
  total: 'total',
  ofWhichDelegations: 'di antaranya delegasi',
  visit: 'per kunjungan',
  night: 'per malam',
  whole: 'utuh',
  'like-for-like': 'sebanding',
  partial: 'sebagian',
  'no-earlier-period': 'tanpa periode pembanding',
  final: 'akhir',
  projected: 'proyeksi',
  seasonal: 'musiman',
  'seasonal-growth': 'pertumbuhan musiman',
  linear: 'linear',
  history: 'riwayat',
  benchmark: 'tolok ukur',
  delegations: 'log delegasi',
  arrivals: 'data kunjungan',
  '(other)': '(lainnya)',
  '(unknown)': '(tidak diketahui)',
};

/** Left out of a CSV under --excel --locale id: `bandEn`, the English copy of `band`. */
export const CSV_OMITTED_ID: ReadonlySet<string> = new Set(['bandEn']);

/** Per column key, the words of that column (where a word means something else elsewhere). */
export const CSV_COLUMN_VALUES: Record<string, Record<string, Phrase>> = {
  metric: METRIC_NAMES,
  status: STATUS_NAMES,
  pace: PACE_NAMES,
};

/** `total wisatawan` → `Total wisatawan`: headings and column labels begin with a capital. */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Words of two letters or more that Indonesian output may share with English: loanwords Indonesian
 * writes the same, Indonesian names the English output keeps, month abbreviations, and names of
 * programs, formats and sources (`Excel`, `PERCENTILE.INC`, the benchmark's authors). `IDR` is not
 * here: Indonesian writes `Rp`.
 */
// biome-ignore format: a word list reads better in lines by theme
export const SHARED_WORDS: readonly string[] = [
  // loanwords and terms Indonesian writes as English does
  'target', 'total', 'status', 'median', 'data', 'interval', 'linear', 'min', 'format', 'per', 'final', 'vs', 'ok', 'log',
  // Indonesian words the English output keeps as names (the office's terms, the default bands, the currency)
  'wisatawan', 'kinerja', 'sangat', 'baik', 'rupiah', 'segmen', 'delegasi', 'periode', 'sampel',
  // month abbreviations both languages share (charts)
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'sep', 'nov',
  // names: programs, encodings, formats, methods and the benchmark's source
  'visitstat', 'excel', 'percentile', 'inc', 'utf', 'windows', 'bom', 'lf', 'crlf', 'csv', 'xlsx', 'tab',
  'tourism', 'forecasting', 'competition', 'athanasopoulos', 'holt', 'winters',
];
