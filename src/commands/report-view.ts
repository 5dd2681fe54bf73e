/**
 * What `visitstat report` shows: the sections built by the summary, spending and progress views' named
 * table builders, cut to the report year and put into one Doc (table, csv, markdown, html) and one JSON
 * document, plus the overview, data quality and assumptions that only the report has, and the charts.
 */
import { DATES_COVERED, KIND_NAMES, METRIC_NAMES, ON_A_YEAR_EARLIER, STATUS_NAMES, XLSX_SHEET, fileFormat } from '../render/glossary';
import type { InputSummary } from '../ingest/inputs';
import { describeEncoding } from '../ingest/decode';
import type { FileReport } from '../ingest/reader';
import { describeDimensions } from './validate';
import type { BandSpec } from '../model/bands';
import type { Coverage } from '../model/coverage';
import type { CalDate } from '../model/dates';
import type { Progress } from '../model/progress';
import { TOP_ORIGINS } from '../model/report';
import { exactOf } from '../stats/describe';
import { Ratio, roundHalfUp } from '../stats/exact';
import type { ArrivalPeriodRow, ArrivalSummary, DelegationSummary } from '../model/summary';
import type { ArrivalSources } from '../model/arrival-figures';
import type { ArrivalGroup } from '../model/summary-breakdown';
import { type Chart, type FromTableOptions, chartFromTable, progressChart } from '../render/charts';
import { arrivalGroupCells, arrivalGroupJson, sourcesNotes } from './arrival-groups-view';
import {
  type Column,
  type Doc,
  type Label,
  type Row,
  type Locale,
  type Rendered,
  type Table,
  bilingual,
  formatAsGiven,
  formatDecimal,
  formatDate,
  formatInt,
  formatMoneyShort,
  formatPartialPeriod,
  formatPercent,
  label,
} from '../render';
import { type MeasuredTarget, progressJson, progressTables } from './progress-view';
import { checksNotes } from './checks-view';
import { type MonthPair, monthPairJson, yearOnYearChart, yearOnYearTable } from './report-year-on-year';
import { type ViewSettings, inputFooter } from './shared';
import { type SpendingView, ratesJson, ratesNote, spendingJson, spendingNotes, spendingTable } from './spending-view';
import {
  annualNotes,
  arrivalPeriodJson,
  arrivalTable,
  coverageNotes,
  groupJson,
  groupsTable,
  overallTable,
  STATS_METHOD_NOTE,
  statsJson,
} from './summary-view';
import { datesCovered, datesCoveredJson } from './coverage-view';

export type YearChoice = 'option' | 'complete' | 'latest' | 'none';

export interface YearDelegationSummaries {
  byMonth: DelegationSummary;
  /** null when no delegation of the year has a value of the field (the reason is in `absent`). */
  byOrigin: DelegationSummary | null;
  byType: DelegationSummary | null;
  byPurpose: DelegationSummary | null;
  /** The months of this year beside the year before; empty without delegations of the year before. */
  yearOnYear: MonthPair[];
}

/** Everything the report shows, already cut to the report year; null sections are absent. */
export interface ReportData {
  year: number | null;
  yearChoice: YearChoice;
  input: InputSummary;
  delegations: YearDelegationSummaries | null;
  /** The year's months, and the year beside the one before (for growth). */
  arrivals: { months: ArrivalSummary; years: ArrivalSummary } | null;
  spending: SpendingView | null;
  targets: MeasuredTarget[];
  /** The days the delegation logs cover, cut by --from/--to. */
  delegationCoverage: Coverage;
  /** --from/--to. */
  cut: { from?: CalDate; to?: CalDate };
  /** --title or the config's; null for the default. */
  title: string | null;
  office: string | null;
  /** The day the report is made (the HTML's printed footer). */
  generated: CalDate;
  /** The fields (columns) any delegation log has. */
  delegationFields: ReadonlySet<string>;
  bands: readonly BandSpec[];
  tolerancePercent: number;
  /** One line per section left out, saying why. */
  absent: { section: string; reason: Label }[];
  /** The report year's arrivals by destination, and foreign arrivals by country (null: no figures so). */
  topDestinations: TopGroups | null;
  topMarkets: TopGroups | null;
  /** Where the arrivals came from, when some file breaks them down. */
  arrivalSources: ArrivalSources | null;
}

/** Destinations or source markets shown in the report. */
export const TOP_GROUPS = 10;

/** A year's groups, most arrivals first: the top ones shown, the rest summed into (other). */
export interface TopGroups {
  measure: 'total' | 'foreign';
  shown: ArrivalGroup[];
  rest: ArrivalGroup[];
  /** How many values the year has. */
  values: number;
}

/** The report's output: the Doc, the JSON and the charts (drawn by formats that draw, html). */
export function reportView(data: ReportData, view: ViewSettings): Rendered {
  const doc = reportDoc(data, view);
  return { doc, json: reportJson(data), charts: reportCharts(doc, data) };
}

// ---- Doc ---------------------------------------------------------------------------------------

function reportDoc(data: ReportData, view: ViewSettings): Doc {
  const { locale, machine } = view;
  // For programs (CSV), each section's machine form: plain numbers, ISO periods, fixed words. The key
  // figures are prose for readers, and each stands as a plain number in the tables that follow.
  const tables: Table[] = machine ? [] : [overviewTable(data, locale)];
  if (data.delegations) {
    const { byMonth, byOrigin, byType, byPurpose } = data.delegations;
    // In CSV with the decimals of summary's CSV: the same figures, the same digits.
    const overall = overallTable(byMonth, null, view);
    tables.push(
      {
        ...retitled({ ...overall, columns: overall.columns.filter((c) => OVERALL_FIGURES.has(c.key)) }, 'delegations', {
          en: `Delegations ${data.year}`,
          id: `Delegasi ${data.year}`,
        }),
        notes: machine ? [] : yearCoverageNotes(data),
      },
      retitled(narrowed(groupsTable(byMonth, null, view, data.delegationCoverage), 'month'), 'delegationsByMonth', {
        en: 'Delegations by month',
        id: 'Delegasi per bulan',
      }),
    );
    if (data.delegations.yearOnYear.length) tables.push(yearOnYearTable(data.delegations.yearOnYear, data.year!, view));
    const category = (summary: DelegationSummary | null, top: number | null, key: string, id: string, title: Label) => {
      if (summary) tables.push(retitled(narrowed(groupsTable(summary, top, view, null), key), id, title));
    };
    category(byOrigin, TOP_ORIGINS, 'origin', 'topOrigins', { en: 'Top origins', id: 'Asal instansi terbanyak' });
    category(byType, null, 'type', 'delegationsByType', { en: 'Delegations by type', id: 'Delegasi per jenis instansi' });
    category(byPurpose, null, 'purpose', 'delegationsByPurpose', { en: 'Delegations by purpose', id: 'Delegasi per tujuan' });
  }
  if (data.arrivals) {
    // A year of annual figures only has no months to show: said under the year's table instead.
    const months = data.arrivals.months;
    if (months.periods.length > 0) {
      tables.push(
        retitled(arrivalTable(months, view), 'arrivalsByMonth', {
          en: `Tourist arrivals ${data.year} by month`,
          id: `Kunjungan wisatawan ${data.year} per bulan`,
        }),
      );
    }
    tables.push({
      ...retitled(arrivalTable(data.arrivals.years, view), 'arrivalsGrowth', {
        en: 'Arrivals growth, year on year',
        id: 'Pertumbuhan kunjungan, tahunan',
      }),
      // The totals are the months' above; what a partial year leaves out of its growth is said here.
      notes: machine
        ? []
        : [
            ...coverageNotes(data.arrivals.years.periods),
            ...(months.periods.length > 0 ? [] : annualNotes(months)),
            ...sourcesNotes(data.arrivalSources),
          ],
    });
    if (data.topDestinations) tables.push(topTable(data.topDestinations, 'topDestinations', data.year!, view));
    if (data.topMarkets) tables.push(topTable(data.topMarkets, 'topMarkets', data.year!, view));
  }
  if (data.spending) {
    tables.push({
      ...spendingTable(data.spending, view),
      title: { en: `Estimated spending ${data.year}`, id: `Perkiraan belanja ${data.year}` },
      // The rates are said once, in the assumptions.
      notes: spendingNotes(data.spending, machine ? 'en' : locale).filter((n) => n !== ratesNote(data.spending!, machine ? 'en' : locale)),
    });
  }
  if (data.targets.length) {
    const progress = progressTables(data.targets, data.bands, view);
    tables.push(
      ...progress.map((t) => (t.id === 'overview' ? { ...t, id: 'progressOverview', title: { en: 'Targets', id: 'Target' } } : t)),
    );
  }
  tables.push(dataQualityTable(data.input, view), assumptionsTable(data, locale));
  return {
    title:
      data.title ??
      (data.year === null
        ? { en: 'Tourism report', id: 'Laporan pariwisata' }
        : { en: `Tourism report ${data.year}`, id: `Laporan pariwisata ${data.year}` }),
    ...(data.office === null ? {} : { office: data.office }),
    generated: data.generated,
    tables: notesOnce(tables),
    footer: [inputFooter(data.input)],
  };
}

/**
 * Each note under the first table that has it, not repeated under every delegation table; the method
 * of the summary's full statistics (P25, P75, Std dev) is left out: the report shows the median and
 * P90 only, and says how in its assumptions.
 */
function notesOnce(tables: Table[]): Table[] {
  const seen = new Set<string>([noteKey(STATS_METHOD_NOTE)]);
  return tables.map((table) => {
    if (!table.notes) return table;
    const notes = table.notes.filter((note) => {
      const key = noteKey(note);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { ...table, notes };
  });
}

const noteKey = (note: Label) => `${label(note, 'en')}\n${label(note, 'id')}`;

function retitled(table: Table, id: string, title: Label): Table {
  return { ...table, id, title };
}

/** Group tables keep the figures a reader compares across groups: narrow enough for an A4 page. */
const GROUP_FIGURES = new Set(['delegations', 'visitors', 'mean', 'median', 'max', 'averageStay']);
const OVERALL_FIGURES = new Set([...GROUP_FIGURES, 'p90', 'visitorNights']);

/** The figures a reader compares, the group's key, and in CSV what the data covers of a period. */
function narrowed(table: Table, key: string): Table {
  const kept = (k: string) => k === key || GROUP_FIGURES.has(k) || (key === 'month' && COVERAGE_KEYS.has(k));
  return { ...table, columns: table.columns.filter((c) => kept(c.key)) };
}

const COVERAGE_KEYS = new Set(['partial', 'from', 'to']);

/** When the delegation logs cover the report year only in part: which days. */
function yearCoverageNotes(data: ReportData): Label[] {
  const covered = data.year === null ? null : data.delegationCoverage.of({ unit: 'year', year: data.year });
  if (!covered?.partial) return [];
  const days = (l: Locale) => formatPartialPeriod({ period: { unit: 'year', year: data.year! }, covered: covered.ranges }, l);
  return [
    bilingual((l) =>
      l === 'en'
        ? `The delegation logs cover only ${days(l)}: from the 1st of their first month to their last date.`
        : `Log delegasi hanya mencakup ${days(l)}: dari tanggal 1 bulan pertamanya sampai tanggal terakhirnya.`,
    ),
  ];
}

/** Key figures of the year, one a row, formatted for the reader; absent sections noted below. */
function overviewTable(data: ReportData, locale: Locale): Table {
  const rows: { figure: Label; value: string }[] = [];
  const n = (x: number) => formatInt(x, locale);
  const dates = data.year === null ? null : datesCovered(data.input.coverage, { year: data.year, ...data.cut });
  if (dates) rows.push({ figure: DATES_COVERED, value: label(dates, locale) });
  const overall = data.delegations?.byMonth.overall;
  if (overall) {
    rows.push({ figure: { en: 'Delegations', id: 'Delegasi' }, value: n(overall.count) }, ...yearVisitors(data, overall.sum, locale), {
      figure: { en: 'Mean group size', id: 'Rerata besar rombongan' },
      value: overall.count === 0 ? '-' : formatDecimal(exactOf(overall)!.mean, 1, locale),
    });
  }
  const year = thisYear(data);
  if (year) {
    const count = (x: number | null) => (x === null ? '-' : n(x));
    const growth = year.yearOnYearGrowth.total;
    rows.push(
      { figure: { en: 'Domestic arrivals', id: 'Wisatawan nusantara' }, value: count(year.domestic) },
      { figure: { en: 'Foreign arrivals', id: 'Wisatawan mancanegara' }, value: count(year.foreign) },
      {
        figure: { en: 'Total arrivals', id: 'Total wisatawan' },
        value:
          count(year.total) +
          (year.coverage?.partial ? `, ${formatPartialPeriod({ period: year.period, covered: year.coverage.ranges }, locale)}` : '') +
          (growth === null
            ? ''
            : ` (${growth.sign() > 0 ? '+' : ''}${formatPercent(growth.times(100), 1, locale)} ${label(ON_A_YEAR_EARLIER, locale)})`),
      },
    );
  }
  if (data.spending)
    rows.push({
      figure: { en: 'Estimated spending', id: 'Perkiraan belanja' },
      value: formatMoneyShort(data.spending.result.total.central, locale),
    });
  for (const { progress: p, destination } of data.targets) {
    const at = (l: Locale) => (destination === undefined ? '' : ` ${l === 'en' ? 'at' : 'di'} ${destination}`);
    rows.push({
      figure: { en: `Target ${p.metric}${at('en')} ${p.year}`, id: `Target ${METRIC_NAMES[p.metric].id}${at('id')} ${p.year}` },
      value: targetLine(p, locale),
    });
  }
  return {
    id: 'overview',
    title: { en: 'Key figures', id: 'Angka utama' },
    columns: [
      { key: 'figure', label: { en: 'Figure', id: 'Ukuran' }, kind: 'text' },
      { key: 'value', label: { en: 'Value', id: 'Nilai' }, kind: 'text' },
    ],
    rows: rows.map((r) => ({ figure: label(r.figure, locale), value: r.value })),
    notes: data.absent.map((a) => a.reason),
  };
}

/** The year's delegation visitors, and the year before's beside them (each named by its year) when the logs have both. */
function yearVisitors(data: ReportData, visitors: number, locale: Locale): { figure: Label; value: string }[] {
  const pairs = data.delegations?.yearOnYear ?? [];
  if (pairs.length === 0) return [{ figure: { en: 'Delegation visitors', id: 'Wisatawan kinerja' }, value: formatInt(visitors, locale) }];
  // A year the logs cover in part says which days, as the total arrivals do.
  const row = (year: number, value: number) => {
    const covered = data.delegationCoverage.of({ unit: 'year', year });
    // `2018 (1 Jan–9 Aug)` without the year the row names: ` (1 Jan–9 Aug)`.
    const days = covered?.partial
      ? formatPartialPeriod({ period: { unit: 'year', year }, covered: covered.ranges }, locale).slice(String(year).length)
      : '';
    return { figure: { en: `Delegation visitors ${year}`, id: `Wisatawan kinerja ${year}` }, value: formatInt(value, locale) + days };
  };
  const before = pairs.reduce((sum, p) => sum + (p.previous?.visitors ?? 0), 0);
  return [row(data.year!, visitors), row(data.year! - 1, before)];
}

/**
 * `98.0% of 5,000,000: missed, Very Good` once the year is over; during it, `59.7% of 50,000 to date;
 * projected 51,529 (80%: 48,100–55,200): within reach, Very Good (projected)`.
 */
function targetLine(p: Progress, locale: Locale): string {
  const n = (x: Ratio | null) => (p.metric === 'spending' ? formatMoneyShort(BigInt(roundHalfUp(x!, 0)), locale) : formatInt(x!, locale));
  const en = locale === 'en';
  const share = `${formatPercent(p.exact.percentAchieved!, 1, locale)} ${en ? 'of' : 'dari'} ${n(p.exact.target)}`;
  const verdict = `${label(STATUS_NAMES[p.status], locale)}, ${label(p.band, locale)}`;
  if (p.yearOver) return `${share}: ${verdict}`;
  const projected = `${n(p.exact.projected)} (80%: ${n(p.exact.projectedLow)}–${n(p.exact.projectedHigh)})`;
  return `${share} ${en ? 'to date; projected' : 's.d. tanggal; proyeksi'} ${projected}: ${verdict} ${en ? '(projected)' : '(proyeksi)'}`;
}

function thisYear(data: ReportData): ArrivalPeriodRow | undefined {
  return data.arrivals?.years.periods.find((p) => p.period.unit === 'year' && p.period.year === data.year);
}

/** Each file read: its kind and format in the reader's words (in CSV, the machine words). */
function dataQualityTable(input: InputSummary, { locale, machine, excel }: ViewSettings): Table {
  const text = (key: string, en: string, id: string) => ({ key, label: { en, id }, kind: 'text' as const });
  const int = (key: string, en: string, id: string) => ({ key, label: { en, id }, kind: 'int' as const });
  return {
    id: 'dataQuality',
    title: { en: 'Data quality', id: 'Kualitas data' },
    columns: [
      text('source', 'File', 'Berkas'),
      text('kind', 'Kind', 'Jenis'),
      text('format', 'Encoding, delimiter, line endings', 'Pengodean, pemisah, akhir baris'),
      int('rowsRead', 'Read', 'Dibaca'),
      int('rowsAccepted', 'Accepted', 'Diterima'),
      int('rowsRejected', 'Rejected', 'Ditolak'),
      ...(input.files.some((f) => describeDimensions(f, locale).length > 0)
        ? [text('names', 'Destinations, countries', 'Destinasi, negara')]
        : []),
    ],
    rows: input.files.map((f) => ({
      names: describeDimensions(f, machine && !excel ? 'en' : locale).join('; ') || null,
      source: f.source,
      kind: machine ? f.kind : label(KIND_NAMES[f.kind], locale),
      format: label(
        f.sheet !== undefined
          ? XLSX_SHEET
          : fileFormat({ ...(f as Required<FileReport>), encoding: describeEncoding({ encoding: f.encoding!, bom: false }) }),
        machine ? 'en' : locale,
      ),
      rowsRead: f.rowsRead,
      rowsAccepted: f.rowsAccepted,
      rowsRejected: f.rowsRejected,
    })),
    notes: checksNotes(input.checks, true),
  };
}

const YEAR_CHOICE: Record<YearChoice, (year: number | null) => Label> = {
  option: (y) => ({ en: `${y}, from --year`, id: `${y}, dari --year` }),
  complete: (y) => ({
    en: `${y}, the latest year with data of every kind read (--year to change)`,
    id: `${y}, tahun terakhir dengan data semua jenis yang dibaca (ubah dengan --year)`,
  }),
  latest: (y) => ({ en: `${y}, the latest year in the data (--year to change)`, id: `${y}, tahun terakhir di data (ubah dengan --year)` }),
  none: () => ({ en: 'none: the input has no rows', id: 'tidak ada: masukan tanpa baris' }),
};

/** The choices behind the figures: year, as-of, rates (in the spending notes), bands, tolerance, methods. */
function assumptionsTable(data: ReportData, locale: Locale): Table {
  const rows: [Label, Label][] = [[{ en: 'Report year', id: 'Tahun laporan' }, YEAR_CHOICE[data.yearChoice](data.year)]];
  for (const { progress: p, choice } of data.targets) {
    if (choice) rows.push([{ en: 'Target metric', id: 'Ukuran target' }, choice]);
    rows.push([
      bilingual((l) => `${l === 'en' ? 'As of' : 'Per tanggal'} (${l === 'en' ? p.metric : METRIC_NAMES[p.metric].id})`),
      bilingual((l) => formatDate(p.asOf, l)),
    ]);
  }
  if (data.targets.length) {
    rows.push([
      { en: 'Year-end projection', id: 'Proyeksi akhir tahun' },
      {
        en: 'seasonal growth from the full years before, mixed with a damped Holt-Winters forecast when the two years just before are full (linear without a full year), with an 80% interval from its errors; status: ahead, within reach or behind the interval, achieved or missed once the year is over',
        id: 'pertumbuhan musiman dari tahun-tahun penuh sebelumnya, dicampur dengan prakiraan Holt-Winters teredam bila dua tahun tepat sebelumnya penuh (linear bila tidak ada tahun penuh), dengan interval 80% dari galatnya; status: di atas target, dalam jangkauan atau tertinggal terhadap interval, tercapai atau tidak tercapai setelah tahun berakhir',
      },
    ]);
  }
  if (data.spending) rows.push([{ en: 'Spending rates', id: 'Tarif belanja' }, ratesNote(data.spending, locale)]);
  const bands = [...data.bands].sort((a, b) => b.min - a.min).map((b) => bilingual((l) => `${label(b, l)} ≥ ${formatAsGiven(b.min, l)}`));
  if (data.delegations) {
    rows.push([
      { en: 'Median and P90', id: 'Median dan P90' },
      {
        en: 'linear interpolation between order statistics (R type 7, Excel PERCENTILE.INC)',
        id: 'interpolasi linear antar statistik urutan (R tipe 7, PERCENTILE.INC di Excel)',
      },
    ]);
  }
  rows.push(
    [
      { en: 'Rating bands (final or projected year-end % of target)', id: 'Predikat (% capaian akhir atau proyeksi akhir tahun)' },
      bilingual((l) => bands.map((b) => label(b, l)).join(', ')),
    ],
    [{ en: 'Pace tolerance (on track)', id: 'Toleransi laju (sesuai)' }, bilingual((l) => `±${formatAsGiven(data.tolerancePercent, l)}%`)],
    [
      { en: 'Delegations and arrivals', id: 'Delegasi dan kunjungan' },
      {
        en: 'delegation visitors are part of domestic arrivals, never added to them',
        id: 'wisatawan kinerja termasuk wisatawan nusantara, tidak ditambahkan lagi',
      },
    ],
  );
  if (data.arrivalSources) {
    rows.push([
      { en: 'Arrivals by destination or country', id: 'Kunjungan per destinasi atau negara' },
      {
        en: 'breakdowns of the same arrivals: the totals (a file of totals where there is one) count, the breakdowns are checked against them, never added to them',
        id: 'rincian kunjungan yang sama: yang dihitung angka total (berkas angka total bila ada), rinciannya dicocokkan dengannya, tidak ditambahkan',
      },
    ]);
  }
  return {
    id: 'assumptions',
    title: { en: 'Assumptions', id: 'Asumsi' },
    columns: [
      { key: 'assumption', label: { en: 'Assumption', id: 'Asumsi' }, kind: 'text' },
      { key: 'value', label: { en: 'Value', id: 'Nilai' }, kind: 'text' },
    ],
    rows: rows.map(([what, value]) => ({ assumption: label(what, locale), value: label(value, locale) })),
  };
}

/** Top destinations (domestic, foreign, total) or source markets (foreign arrivals), with share and year-on-year growth. */
function topTable(top: TopGroups, id: 'topDestinations' | 'topMarkets', year: number, view: ViewSettings): Table {
  const { machine, locale } = view;
  const words = machine ? 'machine' : locale;
  const byCountry = top.measure === 'foreign';
  const pct = (key: string, lbl: Label): Column => ({ key, label: lbl, kind: 'percent', decimals: machine ? 2 : 1 });
  const columns: Column[] = [
    byCountry
      ? { key: 'country', label: { en: 'Country', id: 'Negara asal' }, kind: 'text' }
      : { key: 'destination', label: { en: 'Destination', id: 'Destinasi' }, kind: 'text' },
    ...(byCountry && machine ? [{ key: 'countryCode', label: 'countryCode', kind: 'text' } as Column] : []),
    ...(byCountry ? [] : [{ key: 'domestic', label: { en: 'Domestic', id: 'Nusantara' }, kind: 'int' } as Column]),
    { key: 'foreign', label: { en: 'Foreign', id: 'Mancanegara' }, kind: 'int' },
    ...(byCountry ? [] : [{ key: 'total', label: { en: 'Total', id: 'Total' }, kind: 'int' } as Column]),
    pct('sharePct', { en: 'Share', id: 'Porsi' }),
    pct(byCountry ? 'foreignYoyGrowthPct' : 'totalYoyGrowthPct', { en: 'YoY', id: 'Pertumbuhan tahunan' }),
  ];
  const rows = top.shown.map((g) => arrivalGroupCells(g, words));
  if (top.rest.length > 0) rows.push(otherRow(top, byCountry, words));
  const n = (v: number, l: Locale) => formatInt(v, l);
  return {
    id,
    title: byCountry
      ? { en: `Top source markets ${year} (foreign arrivals by country)`, id: `Negara asal wisman terbanyak ${year}` }
      : { en: `Top destinations ${year}`, id: `Destinasi terbanyak ${year}` },
    columns,
    rows,
    notes: machine
      ? []
      : [
          bilingual((l) =>
            byCountry
              ? l === 'en'
                ? `Share: of the foreign arrivals of all ${n(top.values, l)} countries in ${year}; YoY against ${year - 1}. Country of residence describes foreign arrivals.`
                : `Porsi: dari kunjungan mancanegara semua ${n(top.values, l)} negara pada ${year}; pertumbuhan tahunan terhadap ${year - 1}. Negara asal menerangkan wisatawan mancanegara.`
              : l === 'en'
                ? `Share: of the total arrivals of all ${n(top.values, l)} destinations in ${year}; YoY against ${year - 1}. A visitor of two destinations counts at each.`
                : `Porsi: dari total kunjungan semua ${n(top.values, l)} destinasi pada ${year}; pertumbuhan tahunan terhadap ${year - 1}. Wisatawan yang mengunjungi dua destinasi dihitung di keduanya.`,
          ),
          ...(top.rest.length > 0
            ? [
                bilingual((l) =>
                  l === 'en'
                    ? `(other): the other ${n(top.rest.length, l)} ${byCountry ? 'countries' : 'destinations'}, summed.`
                    : `(lainnya): ${n(top.rest.length, l)} ${byCountry ? 'negara' : 'destinasi'} lainnya, dijumlahkan.`,
                ),
              ]
            : []),
        ],
    bar: top.measure,
  };
}

/** The groups past the top ones, summed: a figure is null when any of them lacks it. */
function otherRow(top: TopGroups, byCountry: boolean, words: Locale | 'machine'): Row {
  const sum = (pick: (g: ArrivalGroup) => number | null) =>
    top.rest.reduce<number | null>((n, g) => (n === null || pick(g) === null ? null : n + pick(g)!), 0);
  const share = top.rest.reduce<Ratio | null>((s, g) => (s === null || g.share === null ? null : s.plus(g.share)), Ratio.of(0));
  return {
    [byCountry ? 'country' : 'destination']: label({ en: '(other)', id: '(lainnya)' }, words === 'machine' ? 'en' : words),
    ...(byCountry ? { countryCode: null } : {}),
    domestic: sum((g) => g.domestic),
    foreign: sum((g) => g.foreign),
    total: sum((g) => g.total),
    sharePct: share === null ? null : share.times(100),
    totalYoyGrowthPct: null,
    foreignYoyGrowthPct: null,
  };
}

// ---- charts (HTML) -----------------------------------------------------------------------------

/**
 * The bar charts drawn from a table when the report has it: visitors by month; domestic and foreign
 * arrivals by month, each on its own scale (foreign arrivals are about 2% of domestic: on a shared axis
 * they would be slivers); the top destinations and source markets. The months against the year before
 * are drawn by yearOnYearChart.
 */
const BAR_CHARTS: { table: string; chart: FromTableOptions }[] = [
  {
    table: 'delegationsByMonth',
    chart: {
      kind: 'bars',
      category: 'month',
      values: ['visitors'],
      id: 'visitorsByMonth',
      title: { en: 'Delegation visitors by month', id: 'Wisatawan kinerja per bulan' },
    },
  },
  {
    table: 'arrivalsByMonth',
    chart: {
      kind: 'bars',
      category: 'period',
      values: ['domestic'],
      id: 'domesticByMonth',
      title: { en: 'Domestic arrivals by month', id: 'Wisatawan nusantara per bulan' },
    },
  },
  {
    table: 'arrivalsByMonth',
    chart: {
      kind: 'bars',
      category: 'period',
      values: ['foreign'],
      id: 'foreignByMonth',
      title: { en: 'Foreign arrivals by month (own scale)', id: 'Wisatawan mancanegara per bulan (skala sendiri)' },
    },
  },
  {
    table: 'topDestinations',
    chart: {
      kind: 'groupedBars',
      category: 'destination',
      values: ['domestic', 'foreign'],
      id: 'topDestinationsChart',
      title: { en: 'Top destinations: domestic and foreign arrivals', id: 'Destinasi terbanyak: wisatawan nusantara dan mancanegara' },
    },
  },
  {
    table: 'topMarkets',
    chart: {
      kind: 'bars',
      category: 'country',
      values: ['foreign'],
      id: 'topMarketsChart',
      title: { en: 'Top source markets: foreign arrivals', id: 'Negara asal wisman terbanyak' },
    },
  },
];

/** The bar charts of the tables the report has, and one progress chart per target. */
function reportCharts(doc: Doc, data: ReportData): Chart[] {
  const charts: Chart[] = [];
  for (const { table: id, chart } of BAR_CHARTS) {
    const table = doc.tables.find((t) => t.id === id);
    if (table) charts.push(chartFromTable(table, chart));
  }
  if (data.delegations?.yearOnYear.length) charts.push(yearOnYearChart(data.delegations.yearOnYear, data.year!));
  const lastProgress = [...doc.tables].reverse().find((t) => t.id.startsWith('progress-'));
  for (const { progress } of data.targets) charts.push(progressChart(progress, { after: lastProgress?.id }));
  return charts;
}

// ---- JSON --------------------------------------------------------------------------------------

/** The `--format json` document (fields listed in the README). */
function reportJson(data: ReportData): unknown {
  const delegations = data.delegations && {
    overall: statsJson(data.delegations.byMonth.overall),
    byMonth: data.delegations.byMonth.groups.map((g) => groupJson(g, ['month'], data.delegationCoverage)),
    topOrigins: data.delegations.byOrigin?.groups.map((g) => groupJson(g, ['origin'], null)) ?? null,
    otherOrigins: data.delegations.byOrigin?.otherValues.origin ?? 0,
    byType: data.delegations.byType?.groups.map((g) => groupJson(g, ['type'], null)) ?? null,
    byPurpose: data.delegations.byPurpose?.groups.map((g) => groupJson(g, ['purpose'], null)) ?? null,
    yearOnYear: data.delegations.yearOnYear.length ? data.delegations.yearOnYear.map(monthPairJson) : null,
  };
  const top = (t: TopGroups | null) => t && { groups: t.shown.map((g) => arrivalGroupJson(g)), others: t.rest.length, values: t.values };
  const arrivals = data.arrivals && {
    months: data.arrivals.months.periods.map(arrivalPeriodJson),
    years: data.arrivals.years.periods.map(arrivalPeriodJson),
    ...(data.arrivalSources ? { sources: data.arrivalSources } : {}),
    ...(data.topDestinations ? { topDestinations: top(data.topDestinations) } : {}),
    ...(data.topMarkets ? { topMarkets: top(data.topMarkets) } : {}),
  };
  const progress = data.targets.length ? progressJson(data.targets, data.bands, data.input) : null;
  const input = data.input;
  return {
    command: 'report',
    year: data.year,
    yearChoice: data.yearChoice,
    datesCovered: data.year === null ? null : datesCoveredJson(data.input.coverage, { year: data.year, ...data.cut }),
    delegations,
    arrivals,
    spending: data.spending && spendingJson(data.spending),
    progress,
    dataQuality: {
      rowsRead: input.rowsRead,
      rowsAccepted: input.rowsAccepted,
      rowsRejected: input.rowsRejected,
      rowsOutOfRange: input.rowsOutOfRange,
      checks: input.checks,
      files: input.files,
    },
    assumptions: {
      bands: data.bands,
      tolerancePercent: data.tolerancePercent,
      rates: data.spending ? ratesJson(data.spending.rates.rules) : null,
    },
    absent: data.absent.map((a) => ({ section: a.section, reason: label(a.reason, 'en') })),
    metricChoices: data.targets.flatMap((t) =>
      t.choice ? [{ metric: t.progress.metric, year: t.progress.year, reason: label(t.choice, 'en') }] : [],
    ),
  };
}
