/**
 * What `visitstat spending` shows: the SpendingResult as a Doc (one table, with the method, the rates
 * used and every line's formula as notes) and as the documented JSON document. The report builds its
 * spending section from the same pieces, by name: spendingTable, spendingNotes, ratesNote, ratesJson.
 */
import type { InputSummary } from '../ingest/inputs';
import type { Coverage } from '../model/coverage';
import type { CalDate } from '../model/dates';
import type { Rupiah } from '../model/money';
import type { Period } from '../model/period';
import type { ArrivalSources } from '../model/arrival-figures';
import type { ArrivalDim } from '../model/arrival-key';
import type { RateRange, RateRule, RateSegment, RateTable } from '../model/rates';
import { breakdownNotes } from './arrival-groups-view';
import {
  type Basis,
  type Estimate,
  type FormulaFactor,
  type LineSegment,
  type SpendingLine,
  type SpendingResult,
  type SpendingUnit,
  formulaParts,
} from '../model/spending';
import {
  type Cell,
  type Column,
  type Doc,
  type Locale,
  type Rendered,
  type Row,
  type Table,
  formatInt,
  formatMoney,
  formatMoneyShort,
  formatPeriod,
  label,
} from '../render';
import { checksNotes } from './checks-view';
import { type ViewSettings, inputFooter } from './shared';
import { coveredJson, partialNotes, periodCell } from './coverage-view';

/** Everything that shaped the result, for stating the assumptions. */
export interface SpendingView {
  result: SpendingResult;
  rates: RateTable;
  input: InputSummary;
  groupBy: SpendingUnit;
  /** Arrivals' lines per destination or country (or null); a foreign line of a market with its own rate names its country either way. */
  by?: ArrivalDim | null;
  /** A line's group (a destination or country key) as shown. */
  groupName?: (key: string, locale: Locale) => string;
  /** Where the arrivals came from, when some file breaks them down. */
  sources?: ArrivalSources;
  /** By destination or country: the visitors of the view, and those the totals count. */
  reach?: { view: number; withFallback: number; counted: number };
  basis: Basis;
  nights: number | null;
  from: CalDate | null;
  to: CalDate | null;
  /** The days the scope's data (arrivals, or else delegation logs) covers, cut by --from/--to. */
  coverage: Coverage | null;
}

/** Words in text cells: the locale's for people, stable machine words for programs. */
type Words = Locale | 'machine';

const wordsOf = (settings: ViewSettings): Words => (settings.machine ? 'machine' : settings.locale);
/** The language of the notes (programs never read them). */
const notesLocale = (settings: ViewSettings): Locale => (settings.machine ? 'en' : settings.locale);

type RowSegment = LineSegment | 'ofWhichDelegations' | 'total';

const SEGMENT_WORDS: Record<RowSegment, Record<Words, string>> = {
  domestic: { machine: 'domestic', en: 'Domestic', id: 'Nusantara' },
  foreign: { machine: 'foreign', en: 'Foreign', id: 'Mancanegara' },
  delegations: { machine: 'delegations', en: 'Delegations', id: 'Delegasi' },
  ofWhichDelegations: { machine: 'ofWhichDelegations', en: '  of which delegations', id: '  di antaranya delegasi' },
  total: { machine: 'total', en: 'Total', id: 'Jumlah' },
};
const BASIS_WORDS: Record<Basis, Record<Words, string>> = {
  visit: { machine: 'visit', en: 'per visit', id: 'per kunjungan' },
  night: { machine: 'night', en: 'per night', id: 'per malam' },
};
const ALL_PERIODS: Record<Words, string> = { machine: 'all', en: 'All periods', id: 'Semua periode' };

const COLUMNS: Record<string, Column> = {
  period: { key: 'period', label: { en: 'Period', id: 'Periode' }, kind: 'period' },
  segment: { key: 'segment', label: { en: 'Segment', id: 'Segmen' }, kind: 'text' },
  destination: { key: 'destination', label: { en: 'Destination', id: 'Destinasi' }, kind: 'text' },
  country: { key: 'country', label: { en: 'Country', id: 'Negara asal' }, kind: 'text' },
  countryCode: { key: 'countryCode', label: 'countryCode', kind: 'text' },
  visitors: { key: 'visitors', label: { en: 'Visitors', id: 'Wisatawan' }, kind: 'int' },
  nights: { key: 'nights', label: { en: 'Nights', id: 'Malam' }, kind: 'int' },
  visitorNights: { key: 'visitorNights', label: { en: 'Visitor-nights', id: 'Malam-wisatawan' }, kind: 'int' },
  basis: { key: 'basis', label: { en: 'Basis', id: 'Dasar' }, kind: 'text' },
  rateLow: { key: 'rateLow', label: { en: 'Rate low', id: 'Belanja rendah' }, kind: 'money' },
  rate: { key: 'rate', label: { en: 'Rate', id: 'Rata-rata belanja' }, kind: 'money' },
  rateHigh: { key: 'rateHigh', label: { en: 'Rate high', id: 'Belanja tinggi' }, kind: 'money' },
  estimateLow: { key: 'estimateLow', label: { en: 'Low', id: 'Rendah' }, kind: 'moneyShort' },
  estimate: { key: 'estimate', label: { en: 'Estimated spending', id: 'Perkiraan belanja' }, kind: 'moneyShort' },
  estimateHigh: { key: 'estimateHigh', label: { en: 'High', id: 'Tinggi' }, kind: 'moneyShort' },
  partial: { key: 'partial', label: 'partial', kind: 'text' },
};

const isRange = (r: { low: Rupiah; high: Rupiah }) => r.low !== r.high;

function allLines(result: SpendingResult): SpendingLine[] {
  return result.periods.flatMap((p) => [...p.lines, ...p.ofWhichDelegations]);
}

/**
 * The table. Low and high estimates appear only when some rate is a range; the low and high rates
 * only in CSV (people read them in the rates note). Visitor-nights only under basis night.
 */
function columnsOf(view: SpendingView, words: Words): Column[] {
  const ranged = allLines(view.result).some((line) => isRange(line.rate));
  const machine = words === 'machine';
  const group = groupColumn(view);
  const keys = [
    'period',
    'segment',
    ...(group ? [group] : []),
    ...(group === 'country' && machine ? ['countryCode'] : []),
    'visitors',
    ...(view.basis === 'night' ? ['nights', 'visitorNights'] : []),
    'basis',
    ...(ranged && machine ? ['rateLow'] : []),
    'rate',
    ...(ranged && machine ? ['rateHigh'] : []),
    ...(ranged ? ['estimateLow'] : []),
    'estimate',
    ...(ranged ? ['estimateHigh'] : []),
    // For people, a partial period shows its days in the period cell.
    ...(machine ? ['partial'] : []),
  ];
  return keys.map((key) => COLUMNS[key]);
}

/** The column lines are grouped in: by the --group-by dimension, or `country` when some market has its own line. */
function groupColumn(view: SpendingView): ArrivalDim | null {
  if (view.by) return view.by;
  return allLines(view.result).some((line) => line.group != null) ? 'country' : null;
}

/** A line's destination or country as shown; `(other markets)` for the rest of foreign visitors beside markets of their own. */
function groupText(view: SpendingView, line: SpendingLine, words: Words): Cell {
  const column = groupColumn(view);
  if (column === null || line.segment === 'delegations') return null;
  if (line.group != null) return view.groupName ? view.groupName(line.group, words === 'machine' ? 'en' : words) : line.group;
  if (line.segment === 'domestic' && column === 'country') return null;
  if (line.group === null) return words === 'machine' ? null : words === 'id' ? '(tidak diketahui)' : '(unknown)';
  return line.segment === 'foreign' ? OTHER_MARKETS[words] : null;
}

const OTHER_MARKETS: Record<Words, string> = { machine: '(other markets)', en: '(other markets)', id: '(pasar lainnya)' };

function estimateCells(e: Estimate): Row {
  return { estimateLow: e.low, estimate: e.central, estimateHigh: e.high };
}

/** A period's cells: the period (with its days when covered in part) and, for programs, `partial`. */
function periodCells(period: Period, coverage: Coverage | null): Row {
  return { period: periodCell(period, coverage), partial: String(coverage?.of(period)?.partial ?? false) };
}

function lineRow(period: Row, segment: RowSegment, line: SpendingLine, words: Words, view: SpendingView): Row {
  const group = groupColumn(view);
  const code = group === 'country' && line.group != null && view.groupName ? line.group : null;
  return {
    ...period,
    segment: SEGMENT_WORDS[segment][words],
    ...(group ? { [group]: groupText(view, line, words) } : {}),
    ...(group === 'country' ? { countryCode: code !== null && !code.startsWith('?') ? code : null } : {}),
    visitors: line.visitors,
    nights: line.nightsEach,
    visitorNights: line.units,
    basis: BASIS_WORDS[line.basis][words],
    rateLow: line.rate.low,
    rate: line.rate.central,
    rateHigh: line.rate.high,
    ...estimateCells(line.estimate),
  };
}

/** A sum over lines with possibly different rates: no single rate or basis to show. */
function sumRow(period: Row, segment: RowSegment, visitors: number, units: number, e: Estimate, words: Words): Row {
  return {
    ...period,
    segment: SEGMENT_WORDS[segment][words],
    visitors,
    nights: null,
    visitorNights: units,
    basis: null,
    rate: null,
    ...estimateCells(e),
  };
}

/** Arrivals were given, but none for this period: its total is not known, not 0. */
function unknownTotalRow(period: Row, words: Words): Row {
  return {
    ...period,
    segment: SEGMENT_WORDS.total[words],
    visitors: null,
    nights: null,
    visitorNights: null,
    basis: null,
    rate: null,
    estimateLow: null,
    estimate: null,
    estimateHigh: null,
  };
}

const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

function rowsOf(view: SpendingView, words: Words): Row[] {
  const { result, coverage } = view;
  const rows: Row[] = [];
  for (const p of result.periods) {
    const period = periodCells(p.period, coverage);
    for (const line of p.lines) rows.push(lineRow(period, line.segment, line, words, view));
    for (const line of p.ofWhichDelegations) rows.push(lineRow(period, 'ofWhichDelegations', line, words, view));
    rows.push(
      p.lines.length
        ? sumRow(period, 'total', sum(p.lines.map((l) => l.visitors)), sum(p.lines.map((l) => l.units)), p.total, words)
        : unknownTotalRow(period, words),
    );
  }
  if (result.periods.length > 1) {
    const all = { period: ALL_PERIODS[words], partial: null };
    for (const s of result.segments) {
      rows.push(sumRow(all, s.inTotal ? s.segment : 'ofWhichDelegations', s.visitors, s.units, s.estimate, words));
    }
    const counted = result.segments.filter((s) => s.inTotal);
    rows.push(sumRow(all, 'total', sum(counted.map((s) => s.visitors)), sum(counted.map((s) => s.units)), result.total, words));
  }
  return rows;
}

/** spending's output: the Doc and the JSON. */
export function spendingView(view: SpendingView, settings: ViewSettings): Rendered {
  return { doc: spendingDoc(view, settings), json: spendingJson(view) };
}

export function spendingDoc(view: SpendingView, settings: ViewSettings): Doc {
  return {
    title: { en: 'Estimated visitor spending', id: 'Perkiraan belanja wisatawan' },
    tables: [spendingTable(view, settings)],
    notes: spendingNotes(view, notesLocale(settings)),
    footer: [inputFooter(view.input), ...checksNotes(view.input.checks)],
  };
}

/** One row per period and segment (and rate), each period's total, and the totals over all periods. */
export function spendingTable(view: SpendingView, settings: ViewSettings): Table {
  const words = wordsOf(settings);
  const rows = rowsOf(view, words);
  const partial = view.result.periods.some((p) => view.coverage?.of(p.period)?.partial);
  return { id: 'spending', columns: columnsOf(view, words), rows, notes: words === 'machine' ? [] : partialNotes(partial) };
}

/** The method, the rates used, every line's formula and the total. */
export function spendingNotes(view: SpendingView, locale: Locale): string[] {
  return [
    methodNote(view, locale),
    ratesNote(view, locale),
    ...formulaNotes(view, locale),
    totalNote(view.result, locale),
    ...annualNotes(view.result, locale),
    ...groupNotes(view, locale),
  ];
}

/** Where arrivals by destination or country came from, and what a view by destination cannot value by market. */
function groupNotes(view: SpendingView, locale: Locale): string[] {
  const notes: string[] = [];
  if (view.by === 'destination' && view.rates.rules.some((rule) => rule.country !== undefined)) {
    notes.push(
      locale === 'id'
        ? 'Per destinasi, belanja mancanegara memakai tarif mancanegara: angka per destinasi tidak menyebut negara asal, jadi tarif per negara tidak dapat dipakai.'
        : 'By destination, foreign spending is at the foreign rate: figures by destination name no market, so the markets’ own rates cannot apply.',
    );
  }
  if (view.by === 'country') {
    notes.push(
      locale === 'id'
        ? 'Per negara: belanja mancanegara per negara asal (tarif negara itu bila ada, selain itu tarif mancanegara); nusantara tanpa negara.'
        : 'By country: foreign spending per country of residence (its own rate where it has one, else the foreign rate); domestic has no country.',
    );
  }
  const { reach } = view;
  if (reach) {
    const n = (v: number) => formatInt(v, locale);
    const by =
      view.by === 'country'
        ? locale === 'id'
          ? 'per negara (mancanegara)'
          : 'by country (foreign)'
        : locale === 'id'
          ? 'per destinasi'
          : 'by destination';
    if (reach.view === 0) {
      notes.push(
        locale === 'id'
          ? `Tidak ada angka kunjungan ${by}: tidak ada berkas kunjungan dengan kolom ${view.by === 'country' ? 'negara' : 'destinasi'}; wisatawannya tercatat sebagai (tidak diketahui).`
          : `No arrivals figures ${by}: no arrivals file has a ${view.by} column; their visitors show as (unknown).`,
      );
    } else if (reach.view !== reach.withFallback) {
      notes.push(
        locale === 'id'
          ? `Bulan tanpa angka ${by} dihitung dari angka yang ada, ${view.by === 'country' ? 'negaranya' : 'destinasinya'} (tidak diketahui).`
          : `Months without figures ${by} are valued from the figures they have, as (unknown).`,
      );
    }
    if (reach.view > 0 && reach.withFallback !== reach.counted) {
      notes.push(
        locale === 'id'
          ? `Baris ${by} berjumlah ${n(reach.withFallback)} wisatawan; kunjungan yang dihitung ${n(reach.counted)}: pada bulan yang angka ${by}-nya berbeda dari angka total, baris mengikuti angka ${by} (lihat di bawah).`
          : `The lines ${by} add up to ${n(reach.withFallback)} visitors; the arrivals counted are ${n(reach.counted)}: in months where the figures ${by} differ from the totals, the lines follow the figures ${by} (listed below).`,
      );
    }
  }
  return [...notes, ...breakdownNotes(view.sources ?? null).map((note) => label(note, locale))];
}

/** The annual figures spending left out, and why: never added to finer figures, never spread over months. */
function annualNotes(result: SpendingResult, locale: Locale): string[] {
  return result.annualLeftOut.map(({ year, segment, count, reason, finer }) => {
    const what = `${year}, ${SEGMENT_WORDS[segment][locale].toLowerCase()}: ${locale === 'id' ? 'angka tahunan' : 'the annual figure'} ${formatInt(count, locale)}`;
    if (reason === 'finer-figures') {
      return locale === 'id'
        ? `${what} tidak dihitung: angka yang lebih rinci tahun itu (${formatInt(finer!, locale)}) yang dihitung.`
        : `${what} is left out: the finer figures of that year (${formatInt(finer!, locale)}) count instead.`;
    }
    if (reason === 'unit') {
      return locale === 'id'
        ? `${what} tidak dihitung: hanya ada angka tahunan untuk tahun itu; --group-by year menghitungnya.`
        : `${what} is left out: only annual figures exist for that year; --group-by year counts it.`;
    }
    return locale === 'id'
      ? `${what} tidak dihitung: tarif berubah di dalam tahun itu, jadi angka setahun tidak dapat dinilai dengan satu tarif.`
      : `${what} is left out: the rate changes within that year, so a whole year's figure has no one rate.`;
  });
}

// ---- notes: the method, the rates used, and the formula of every line ----

function methodNote(view: SpendingView, locale: Locale): string {
  const { scope } = view.result;
  const hasOfWhich = view.result.segments.some((s) => !s.inTotal);
  if (locale === 'id') {
    const product =
      view.basis === 'visit' ? 'wisatawan x rata-rata belanja per kunjungan' : 'malam-wisatawan x rata-rata belanja per malam';
    const scopeText =
      scope === 'delegations'
        ? ' Hanya log delegasi yang diberikan: delegasi adalah seluruh cakupan.'
        : hasOfWhich
          ? ' Delegasi termasuk wisatawan nusantara: ditampilkan sebagai "di antaranya", tidak ditambahkan lagi ke jumlah.'
          : '';
    return `Metode: perkiraan belanja = ${product}, per segmen, dalam rupiah utuh.${scopeText}`;
  }
  const product = view.basis === 'visit' ? 'visitors x average spending per visit' : 'visitor-nights x average spending per night';
  const scopeText =
    scope === 'delegations'
      ? ' Only delegation logs were given: delegations are the whole scope.'
      : hasOfWhich
        ? ' Delegation visitors are part of domestic arrivals: shown as "of which", never added to the total again.'
        : '';
  return `Method: estimated spending = ${product}, per segment, in whole rupiah.${scopeText}`;
}

function formatRate(rate: RateRange, locale: Locale): string {
  if (!isRange(rate)) return formatMoney(rate.central, locale);
  const central = locale === 'id' ? 'tengah' : 'central';
  return `${formatMoney(rate.low, locale)}..${formatMoney(rate.high, locale)} (${central} ${formatMoney(rate.central, locale)})`;
}

const RATE_SEGMENT_OF: Record<LineSegment, RateSegment> = { domestic: 'domestic', foreign: 'foreign', delegations: 'delegation' };

/** The rule a used rate came from: the highest-priority rule of that segment (and market) giving that rate. */
function ruleFor(rules: readonly RateRule[], segment: RateSegment, rate: RateRange, country?: string): RateRule | undefined {
  return rules.find((r) => r.segment === segment && r.rate === rate && r.country === country);
}

/** ` 2016-01-01..2016-12-31`, ` from 2017-07-01`, ` until 2016-06-30`, or nothing for every date. */
function spanText(rule: RateRule | undefined, locale: Locale): string {
  if (!rule || (rule.from === null && rule.to === null)) return '';
  if (rule.from !== null && rule.to !== null) return ` ${rule.from}..${rule.to}`;
  if (rule.from !== null) return ` ${locale === 'id' ? 'mulai' : 'from'} ${rule.from}`;
  return ` ${locale === 'id' ? 'sampai' : 'until'} ${rule.to}`;
}

/** No rule: a delegation line on the domestic rate. */
function sourceText(source: string | undefined, locale: Locale): string {
  if (source === undefined) return locale === 'id' ? 'tarif nusantara' : 'the domestic rate';
  return source === 'default' && locale === 'id' ? 'bawaan' : source;
}

/** Every rate the lines used, with where it came from: `domestic Rp1.500.000 per visit (default)`. */
export function ratesNote(view: SpendingView, locale: Locale): string {
  const lines = allLines(view.result);
  const parts: string[] = [];
  for (const segment of ['domestic', 'foreign', 'delegations'] as const) {
    const mine = lines.filter((l) => l.segment === segment);
    // A market's own rate is told from the foreign rate by the rule that names its country.
    const markets = [
      ...new Set(
        mine.map((l) =>
          l.group != null && view.rates.rules.some((r) => r.country === l.group && r.rate === l.rate) ? l.group : undefined,
        ),
      ),
    ];
    for (const market of markets) {
      const used = [...new Set(mine.filter((l) => (market === undefined ? !ownRate(view, l) : l.group === market)).map((l) => l.rate))];
      for (const rate of used) {
        const rule = ruleFor(view.rates.rules, RATE_SEGMENT_OF[segment], rate, market);
        const source = sourceText(rule?.source, locale);
        const name = SEGMENT_WORDS[segment][locale].toLowerCase();
        const who = market === undefined ? '' : ` ${view.groupName ? view.groupName(market, locale) : market}`;
        parts.push(`${name}${who} ${formatRate(rate, locale)} ${BASIS_WORDS[view.basis][locale]}${spanText(rule, locale)} (${source})`);
      }
    }
  }
  const none = locale === 'id' ? '(tidak ada)' : '(none)';
  return `${locale === 'id' ? 'Tarif' : 'Rates'}: ${parts.length ? parts.join('; ') : none}`;
}

/** Whether a line's rate is its market's own. */
function ownRate(view: SpendingView, line: SpendingLine): boolean {
  return line.group != null && view.rates.rules.some((r) => r.country === line.group && r.rate === line.rate);
}

function factorText(factor: FormulaFactor, locale: Locale): string {
  const n = formatInt(factor.value, locale);
  switch (factor.kind) {
    case 'visitors':
      return n;
    case 'nights':
      return `${n} ${locale === 'id' ? 'malam' : factor.value === 1 ? 'night' : 'nights'}`;
    case 'visitor-nights':
      return `${n} ${locale === 'id' ? 'malam-wisatawan' : 'visitor-nights'}`;
  }
}

/** `4.800.000 x Rp1.500.000 = Rp7.200.000.000.000`, and for a range the low and high ends after it. */
export function formulaText(line: SpendingLine, locale: Locale): string {
  const { factors, rate, estimate } = formulaParts(line);
  const product = [...factors.map((f) => factorText(f, locale)), formatMoney(rate.central, locale)].join(' x ');
  let text = `${product} = ${formatMoney(estimate.central, locale)}`;
  if (isRange(rate)) {
    const range = (a: Rupiah, b: Rupiah) => `${formatMoney(a, locale)}..${formatMoney(b, locale)}`;
    text += locale === 'id' ? `; rentang ${range(rate.low, rate.high)} memberi ` : `; the range ${range(rate.low, rate.high)} gives `;
    text += range(estimate.low, estimate.high);
  }
  return text;
}

function formulaNotes(view: SpendingView, locale: Locale): string[] {
  const { result } = view;
  const notes: string[] = [];
  const already = locale === 'id' ? ' (sudah termasuk nusantara)' : ' (already in domestic)';
  // Arrivals were given, but not for this period: its delegations are in no total at all.
  const noArrivals =
    locale === 'id'
      ? ' (tidak masuk jumlah: periode ini tanpa data kedatangan)'
      : ' (not in the total: no arrivals figures for this period)';
  for (const p of result.periods) {
    const when = formatPeriod(p.period, locale);
    const suffix = p.lines.length === 0 ? noArrivals : already;
    for (const line of p.lines) {
      const group = groupText(view, line, locale);
      const what = `${SEGMENT_WORDS[line.segment][locale].toLowerCase()}${group === null ? '' : `, ${group}`}`;
      notes.push(`${when}, ${what}: ${formulaText(line, locale)}`);
    }
    for (const line of p.ofWhichDelegations) {
      notes.push(`${when}, ${SEGMENT_WORDS.ofWhichDelegations[locale].trim()}: ${formulaText(line, locale)}${suffix}`);
    }
    if (p.lines.length > 1) {
      const terms = p.lines.map((l) => formatMoney(l.estimate.central, locale)).join(' + ');
      notes.push(`${when}, ${SEGMENT_WORDS.total[locale].toLowerCase()}: ${terms} = ${formatMoney(p.total.central, locale)}`);
    }
  }
  return notes;
}

/** The bottom line in full and in short: `Rp7.467.219.000.000 (Rp7,47 triliun)`. */
function totalNote(result: SpendingResult, locale: Locale): string {
  const amount = (x: Rupiah) => {
    const [full, short] = [formatMoney(x, locale), formatMoneyShort(x, locale)];
    return full === short ? full : `${full} (${short})`;
  };
  const { total } = result;
  const range = isRange(total)
    ? locale === 'id'
      ? `; rentang ${amount(total.low)} sampai ${amount(total.high)}`
      : `; range ${amount(total.low)} to ${amount(total.high)}`
    : '';
  return `${locale === 'id' ? 'Perkiraan belanja total' : 'Total estimated spending'}: ${amount(total.central)}${range}`;
}

// ---- JSON ----

function estimateFields(prefix: 'estimate' | 'total', e: Estimate) {
  return { [`${prefix}Low`]: e.low, [prefix]: e.central, [`${prefix}High`]: e.high };
}

function lineJson(line: SpendingLine) {
  return {
    segment: line.segment,
    ...(line.group !== undefined ? { group: line.group } : {}),
    visitors: line.visitors,
    units: line.units,
    nightsEach: line.nightsEach,
    rateLow: line.rate.low,
    rate: line.rate.central,
    rateHigh: line.rate.high,
    ...estimateFields('estimate', line.estimate),
  };
}

/** The `--format json` document; field names are listed in the README. */
export function spendingJson(view: SpendingView): unknown {
  const { result, input } = view;
  return {
    scope: result.scope,
    groupBy: view.groupBy,
    ...(view.by ? { by: view.by } : {}),
    basis: view.basis,
    nights: view.nights,
    from: view.from,
    to: view.to,
    ...estimateFields('total', result.total),
    segments: result.segments.map((s) => ({
      segment: s.segment,
      inTotal: s.inTotal,
      visitors: s.visitors,
      units: s.units,
      ...estimateFields('estimate', s.estimate),
    })),
    periods: result.periods.map((p) => ({
      period: p.period,
      ...coveredJson(view.coverage?.of(p.period)),
      lines: p.lines.map(lineJson),
      ofWhichDelegations: p.ofWhichDelegations.map(lineJson),
      // No arrivals figures for the period: its total is unknown (null), not 0.
      ...(p.lines.length ? estimateFields('total', p.total) : { totalLow: null, total: null, totalHigh: null }),
    })),
    ...(result.annualLeftOut.length ? { annualLeftOut: result.annualLeftOut } : {}),
    rates: ratesJson(view.rates.rules),
    rowsRead: input.rowsRead,
    rowsAccepted: input.rowsAccepted,
    rowsRejected: input.rowsRejected,
    rowsOutOfRange: input.rowsOutOfRange,
    checks: input.checks,
    files: input.files.map((f) => ({
      source: f.source,
      kind: f.kind,
      rowsRead: f.rowsRead,
      rowsAccepted: f.rowsAccepted,
      rowsRejected: f.rowsRejected,
      rowsOutOfRange: f.rowsOutOfRange,
    })),
  };
}

/** Every rate rule, highest priority first within a segment (JSON fields listed in the README). */
export function ratesJson(rules: readonly RateRule[]) {
  return rules.map((r) => ({
    segment: r.segment,
    from: r.from,
    to: r.to,
    rateLow: r.rate.low,
    rate: r.rate.central,
    rateHigh: r.rate.high,
    source: r.source,
    ...(r.country !== undefined ? { country: r.country } : {}),
  }));
}
