/**
 * How `visitstat summary` shows its result: the Doc for table, csv and markdown, and the JSON document;
 * its tables are built by name (overallTable, groupsTable, arrivalTable), which the report uses too.
 *
 * - For people (table, markdown): labelled unknown and "other" values, the overall figures above the
 *   groups, totals and notes that say how figures were computed.
 * - For programs (CSV): data rows only, one per group (or the one overall row) and one per period;
 *   unknown is empty. The input counts go to stderr (as for every command: commands/shared.ts).
 * - JSON: the same field names as the CSV columns, unrounded, plus the input counts and the options.
 * Percentages are percentage points (2.02 means 2.02 %) everywhere, so CSV and JSON agree. Decimals in
 * table, markdown and CSV are the model's exact figures rounded half up (src/stats/exact.ts); JSON has
 * their doubles.
 * A month, quarter or year the data covers only in part is marked (src/model/coverage.ts): its days in
 * the period cell for people, `partial`, `from`, `to` for programs.
 */
import type { InputSummary } from '../ingest/inputs';
import type { Coverage, FileCoverage } from '../model/coverage';
import type { CalDate } from '../model/dates';
import { isoDate } from '../model/dates';
import type { Period } from '../model/period';
import { exactOf } from '../stats/describe';
import { Ratio } from '../stats/exact';
import { QUANTILES } from '../stats/quantile';
import {
  type ArrivalPeriodRow,
  type ArrivalSummary,
  type ArrivalUnit,
  type DelegationGroup,
  type DelegationSummary,
  type GroupDim,
  type GroupFigures,
  type GroupKeyValue,
  type GroupStats,
  type GrowthBasis,
  isOther,
} from '../model/summary';
import type { ArrivalSources } from '../model/arrival-figures';
import type { ArrivalGroups } from '../model/summary-breakdown';
import { type CategoryDim, type PeriodDim, type SummaryDim, categoryField, isArrivalDim, isPeriodDim } from '../model/summary-keys';
import {
  type Cell,
  type Column,
  type Doc,
  type Label,
  type Locale,
  type PartialPeriod,
  type Rendered,
  type Row,
  type RowList,
  type Table,
  type CellColumn,
  bilingual,
  columnarRows,
  formatInt,
  formatPartialPeriod,
  formatPercent,
  formatPeriod,
  label,
  lazyRows,
} from '../render';
import { checksNotes } from './checks-view';
import { coveredJson, datesCovered, datesCoveredJson, partialNotes, periodCell } from './coverage-view';
import { type ViewSettings, inputFooter } from './shared';

// Loaded when a view needs them: a delegation summary's JSON uses neither (the command's start-up cost).
const glossary = () => require('../render/glossary') as typeof import('../render/glossary');
const arrivalGroupsView = () => require('./arrival-groups-view') as typeof import('./arrival-groups-view');

/** The notes on the files arrivals were added up from; none without arrivals. */
function sourcesNotes(sources: ArrivalSources | null): Label[] {
  return sources ? arrivalGroupsView().sourcesNotes(sources) : [];
}

export interface SummaryOptionsEcho {
  groupBy: SummaryDim[];
  top: number | null;
  from: CalDate | null;
  to: CalDate | null;
  arrivalUnit: ArrivalUnit;
  skipInvalid: boolean;
}

export interface SummaryResult {
  options: SummaryOptionsEcho;
  input: InputSummary;
  /** null when no delegation file was given; likewise arrivals. */
  delegations: DelegationSummary | null;
  arrivals: ArrivalSummary | null;
  /** With --group-by destination or country: the arrivals by them. */
  arrivalGroups?: ArrivalGroups | null;
  /** Where the arrivals figures came from (breakdowns by destination or country). */
  arrivalSources?: ArrivalSources | null;
  /** The days the delegation logs cover, cut by --from/--to (the arrivals' are in their periods). */
  delegationCoverage: Coverage | null;
  /** Category dimensions grouped by that no delegation log has a column for: the groups are left out. */
  missingColumns: CategoryDim[];
}

const UNKNOWN = { en: '(unknown)', id: '(tidak diketahui)' };
const OTHER_TEXT = { en: '(other)', id: '(lainnya)' };

const PERIOD_LABELS: Record<PeriodDim, Label> = {
  month: { en: 'Month', id: 'Bulan' },
  quarter: { en: 'Quarter', id: 'Triwulan' },
  year: { en: 'Year', id: 'Tahun' },
  weekday: { en: 'Weekday', id: 'Hari' },
};

/** A dimension's name in tables: a period's, or the one its field declares. */
function dimLabel(dim: GroupDim): Label {
  return isPeriodDim(dim) ? PERIOD_LABELS[dim] : categoryField(dim).groupBy!;
}

const UNIT_NAMES: Record<ArrivalUnit, Label> = {
  month: { en: 'month', id: 'bulan' },
  quarter: { en: 'quarter', id: 'triwulan' },
  year: { en: 'year', id: 'tahun' },
};

/**
 * summary's output: the Doc, the JSON (only the one the format needs is built), and for a rows-only
 * format the annual figures' notes on stderr (the counts line goes there for every format: shared.ts).
 */
export function summaryView(result: SummaryResult, view: ViewSettings): Rendered {
  const leftOut = groupsLeftOut(result);
  return {
    doc: () => summaryDoc(result, view),
    json: () => summaryJson(result),
    stderr: view.rowsOnly
      ? [
          ...(leftOut ? [`visitstat: ${label(leftOut, view.locale)}`] : []),
          ...[...(result.arrivals ? annualNotes(result.arrivals) : []), ...sourcesNotes(result.arrivalSources ?? null)].map(
            (note) => `visitstat: ${label(note, view.locale)}`,
          ),
        ]
      : [],
  };
}

/**
 * Why the delegation groups are left out, or null: a dimension no log has a column for would put every
 * delegation in one (unknown) group, which says nothing.
 */
function groupsLeftOut({ delegations, missingColumns }: SummaryResult): Label | null {
  if (!delegations || missingColumns.length === 0) return null;
  const names = (l: Locale) => missingColumns.map((d) => label(dimLabel(d), l).toLowerCase()).join(l === 'en' ? ' and ' : ' dan ');
  const maps = missingColumns.map((d) => `--map ${d}=HEADER`).join(' ');
  return bilingual((l) =>
    l === 'en'
      ? `Delegations by ${missingColumns.join(', ')} left out: the delegation logs have no ${names(l)} column (map one with ${maps}).`
      : `Delegasi per ${names(l)} tidak ditampilkan: log delegasi tidak punya kolom ${names(l)} (petakan dengan ${maps}).`,
  );
}

// ---- JSON ----------------------------------------------------------------------------------------

/** The `--format json` document (field names listed in the README). */
export function summaryJson(result: SummaryResult): unknown {
  const { input, delegations, arrivals } = result;
  const leftOut = groupsLeftOut(result);
  return {
    command: 'summary',
    options: result.options,
    rowsRead: input.rowsRead,
    rowsAccepted: input.rowsAccepted,
    rowsRejected: input.rowsRejected,
    rowsOutOfRange: input.rowsOutOfRange,
    files: input.files,
    checks: input.checks,
    datesCovered: datesCoveredJson(input.coverage, { year: null, ...cut(result.options) }),
    delegations: delegations && {
      overall: statsJson(delegations.overall),
      groups: leftOut ? [] : delegations.groups.map((g) => groupJson(g, delegations.groupBy, result.delegationCoverage)),
      otherValues: delegations.otherValues,
    },
    arrivals: arrivals && {
      unit: arrivals.unit,
      periods: arrivals.periods.map((p) => ({ ...arrivalPeriodJson(p), ...(p.annual ? { annual: true } : {}) })),
      totals: {
        domestic: arrivals.totals.domestic,
        foreign: arrivals.totals.foreign,
        total: arrivals.totals.total,
        foreignSharePct: percentOf(arrivals.totals.foreignShare),
        incompletePeriods: arrivals.totals.incompletePeriods,
        partialPeriods: arrivals.periods.filter((p) => p.coverage?.partial).length,
      },
      annualOnly: arrivals.annualOnly,
      annualOverlapped: arrivals.annualOverlapped,
      ...(result.arrivalSources ? { sources: result.arrivalSources } : {}),
      ...(result.arrivalGroups ? { groups: arrivalGroupsView().arrivalGroupsJson(result.arrivalGroups) } : {}),
    },
    absent: leftOut ? [{ section: 'delegationGroups', reason: label(leftOut, 'en') }] : [],
  };
}

/** A group's figures under their documented names (JSON fields, CSV columns). */
export function statsJson(s: GroupStats): Row {
  return withStats({}, s);
}

/**
 * The figures added to `fields` under their documented names, property by property in the same order
 * for every group: spreading objects instead took seconds at a million groups.
 */
function withStats<F extends Record<string, unknown>>(fields: F, s: GroupStats): F {
  const out = fields as Record<string, unknown>;
  out.delegations = s.count;
  out.visitors = s.sum;
  out.mean = s.mean;
  out.median = s.median;
  out.p25 = s.p25;
  out.p75 = s.p75;
  out.p90 = s.p90;
  out.min = s.min;
  out.max = s.max;
  out.stdDev = s.sd;
  out.visitorNights = s.visitorNights;
  out.averageStay = s.averageStay;
  out.visitorsWithNights = s.visitorsWithNights;
  out.delegationsWithNights = s.delegationsWithNights;
  return fields;
}

/**
 * The figures with their decimals exact, as table, markdown and CSV print them (under the JSON names):
 * the description's, and the average stay as visitor-nights over visitors, both whole numbers.
 */
export function statsCells(s: GroupStats): Row {
  return withExactStats({}, s);
}

function withExactStats<F extends Record<string, unknown>>(fields: F, s: GroupStats): F {
  const out = withStats(fields, s) as Record<string, unknown>;
  const exact = exactOf(s);
  if (exact === null) return fields;
  out.mean = exact.mean;
  out.median = exact.median;
  out.p25 = exact.p25;
  out.p75 = exact.p75;
  out.p90 = exact.p90;
  out.stdDev = exact.sd;
  out.averageStay = s.visitorsWithNights > 0 ? Ratio.of(s.visitorNights ?? 0, s.visitorsWithNights) : null;
  return fields;
}

/**
 * A group: its dimensions' values, then its figures; with a month, quarter or year among the
 * dimensions, what the data covers of the finest of them (`partial`, `from`, `to`).
 */
export function groupJson(group: DelegationGroup, dims: readonly GroupDim[], coverage: Coverage | null): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const dim in group.key) fields[dim] = group.key[dim as GroupDim];
  withStats(fields, group.stats);
  const period = finestPeriod(group, dims);
  if (period !== undefined) Object.assign(fields, coveredJson(period && coverage?.of(period)));
  return fields;
}

export function arrivalPeriodJson(p: ArrivalPeriodRow) {
  return {
    period: p.period,
    domestic: p.domestic,
    foreign: p.foreign,
    total: p.total,
    foreignSharePct: percentOf(p.foreignShare),
    domesticGrowthPct: percentOf(p.previousGrowth.domestic),
    foreignGrowthPct: percentOf(p.previousGrowth.foreign),
    totalGrowthPct: percentOf(p.previousGrowth.total),
    domesticYoyGrowthPct: percentOf(p.yearOnYearGrowth.domestic),
    foreignYoyGrowthPct: percentOf(p.yearOnYearGrowth.foreign),
    totalYoyGrowthPct: percentOf(p.yearOnYearGrowth.total),
    ...coveredJson(p.coverage),
    growthBasis: p.previousBasis,
    yoyGrowthBasis: p.yearOnYearBasis,
  };
}

/** A period row as table, markdown and CSV show it: exact percentages, and the period marked when partial. */
function arrivalCells(p: ArrivalPeriodRow): Row {
  return {
    ...arrivalPeriodJson(p),
    period: coveredPeriod(p),
    foreignSharePct: exactPercent(p.foreignShare),
    domesticGrowthPct: exactPercent(p.previousGrowth.domestic),
    foreignGrowthPct: exactPercent(p.previousGrowth.foreign),
    totalGrowthPct: exactPercent(p.previousGrowth.total),
    domesticYoyGrowthPct: exactPercent(p.yearOnYearGrowth.domestic),
    foreignYoyGrowthPct: exactPercent(p.yearOnYearGrowth.foreign),
    totalYoyGrowthPct: exactPercent(p.yearOnYearGrowth.total),
    partial: String(p.coverage?.partial ?? false),
  };
}

/** As JSON has always written it: the ratio's double, times 100. */
const percentOf = (ratio: Ratio | null): number | null => (ratio === null ? null : ratio.toNumber() * 100);
const exactPercent = (ratio: Ratio | null): Ratio | null => (ratio === null ? null : ratio.times(100));

/** The group's month, else quarter, else year; null when it has none of them (weekday), undefined without a period dimension. */
function finestPeriod(group: DelegationGroup, dims: readonly GroupDim[]): Period | null | undefined {
  const dim = (['month', 'quarter', 'year'] as const).find((d) => dims.includes(d));
  return dim === undefined ? undefined : ((group.key[dim] as Period | null) ?? null);
}

// ---- Doc -----------------------------------------------------------------------------------------

function summaryDoc(result: SummaryResult, view: ViewSettings): Doc {
  const tables: Table[] = [];
  const leftOut = groupsLeftOut(result);
  if (result.delegations) {
    // Groups left out: the overall figures stand alone, as without --group-by (in CSV too).
    const summary = leftOut ? { ...result.delegations, groupBy: [] } : result.delegations;
    tables.push(...delegationTables(summary, result.options.top, view, result.delegationCoverage));
  }
  if (leftOut && !view.machine) tables[tables.length - 1].notes = [...(tables[tables.length - 1].notes ?? []), leftOut];
  const arrivals = result.arrivals;
  // Only annual figures under a finer unit: said in words, never an empty table.
  const annualOnly = arrivals !== null && arrivals.periods.length === 0 && arrivals.annualOnly.length > 0;
  const groups = result.arrivalGroups;
  const notes: Label[] = [];
  if (groups && groups.groups.length > 0) tables.push(arrivalGroupsView().arrivalGroupsTable(groups, view, result.arrivalSources ?? null));
  else {
    // Grouped by destination or country, but no file breaks arrivals down so: the totals instead, saying why.
    if (groups) notes.push(noBreakdownNote(groups.dims));
    if (arrivals && !annualOnly) tables.push(arrivalTable(arrivals, view, result.arrivalSources ?? null));
  }
  const delegationsNote = result.delegations && result.options.groupBy.some(isArrivalDim) ? [arrivalDimsNote(result.options.groupBy)] : [];
  return {
    title: { en: 'Summary', id: 'Ringkasan' },
    tables,
    notes: view.machine
      ? []
      : [
          ...datesNotes(result.input.coverage, result.options),
          ...rangeNotes(result.options),
          ...delegationsNote,
          ...notes,
          ...(annualOnly && !groups?.groups.length ? annualNotes(arrivals) : []),
        ],
    footer: [inputFooter(result.input), ...checksNotes(result.input.checks)],
  };
}

/** Grouped by destination or country with no arrivals figures so broken down. */
function noBreakdownNote(dims: string[]): Label {
  const cols = { destination: 'Destinasi, Objek Wisata, DTW, Destination', country: 'Negara Asal, Kebangsaan, Country' } as Record<
    string,
    string
  >;
  return bilingual((l) =>
    l === 'en'
      ? `No arrivals figures by ${dims.join(' and ')}: no arrivals file has a ${dims.join(' or ')} column (${dims.map((d) => cols[d]).join('; ')}); the totals per period follow.`
      : `Tidak ada angka kunjungan per ${dims.map((d) => (d === 'country' ? 'negara' : 'destinasi')).join(' dan ')}: tidak ada berkas kunjungan dengan kolomnya (${dims.map((d) => cols[d]).join('; ')}); berikut total per periode.`,
  );
}

/** Destination and country are arrivals' dimensions: delegations are not grouped by them. */
function arrivalDimsNote(dims: SummaryDim[]): Label {
  const named = dims.filter(isArrivalDim);
  return bilingual((l) =>
    l === 'en'
      ? `Delegations are not grouped by ${named.join(' or ')}: ${named.length === 1 ? 'it is a dimension' : 'they are dimensions'} of arrivals.`
      : `Delegasi tidak dikelompokkan per ${named.map((d) => (d === 'country' ? 'negara' : 'destinasi')).join(' atau ')}: itu dimensi data kunjungan.`,
  );
}

const cut = ({ from, to }: SummaryOptionsEcho) => ({ from: from ?? undefined, to: to ?? undefined });

function datesNotes(files: readonly FileCoverage[], options: SummaryOptionsEcho): Label[] {
  const dates = datesCovered(files, { year: null, ...cut(options) });
  return dates ? [bilingual((l) => `${glossary().DATES_COVERED[l]}: ${label(dates, l)}.`)] : [];
}

function rangeNotes({ from, to }: SummaryOptionsEcho): Label[] {
  if (!from && !to) return [];
  const en = `Dates ${from ? `from ${isoDate(from)} ` : ''}${to ? `to ${isoDate(to)} ` : ''}(inclusive).`;
  const id = `Tanggal ${from ? `dari ${isoDate(from)} ` : ''}${to ? `sampai ${isoDate(to)} ` : ''}(inklusif).`;
  return [{ en, id }];
}

// ---- delegations ---------------------------------------------------------------------------------

function statColumns(machine: boolean): Column[] {
  const decimal = (key: string, lbl: Label): Column => ({ key, label: lbl, kind: 'decimal', decimals: machine ? 2 : 1 });
  const columns: Column[] = [
    { key: 'delegations', label: { en: 'Delegations', id: 'Delegasi' }, kind: 'int' },
    { key: 'visitors', label: { en: 'Visitors', id: 'Wisatawan' }, kind: 'int' },
    decimal('mean', { en: 'Mean', id: 'Rerata' }),
    decimal('median', 'Median'),
    decimal('p25', 'P25'),
    decimal('p75', 'P75'),
    decimal('p90', 'P90'),
    { key: 'min', label: 'Min', kind: 'int' },
    { key: 'max', label: { en: 'Max', id: 'Maks' }, kind: 'int' },
    decimal('stdDev', { en: 'Std dev', id: 'Simp. baku' }),
    { key: 'visitorNights', label: { en: 'Visitor-nights', id: 'Malam-wisatawan' }, kind: 'int' },
    decimal('averageStay', { en: 'Avg stay', id: 'Rerata inap' }),
  ];
  if (machine) {
    columns.push(
      { key: 'visitorsWithNights', label: 'visitorsWithNights', kind: 'int' },
      { key: 'delegationsWithNights', label: 'delegationsWithNights', kind: 'int' },
    );
  }
  return columns;
}

/**
 * Without --group-by: the overall table. With it: in CSV the groups alone; in human formats the overall
 * figures first, then the groups (an overall row among the groups would dwarf the bars).
 */
function delegationTables(summary: DelegationSummary, top: number | null, view: ViewSettings, coverage: Coverage | null): Table[] {
  const overall = overallTable(summary, top, view);
  if (summary.groupBy.length === 0) return [overall];
  const groups = groupsTable(summary, top, view, coverage);
  return view.machine ? [groups] : [overall, groups];
}

/** The figures over all delegations; with no --group-by, for people, with the notes on method. */
export function overallTable(summary: DelegationSummary, top: number | null, view: ViewSettings): Table {
  return {
    id: 'delegations',
    title: summary.groupBy.length
      ? { en: 'All delegations', id: 'Semua delegasi' }
      : { en: 'Delegations (wisatawan kinerja)', id: 'Delegasi (wisatawan kinerja)' },
    columns: statColumns(view.machine),
    rows: [statsCells(summary.overall)],
    notes: view.machine || summary.groupBy.length ? [] : delegationNotes(summary, top),
  };
}

/**
 * One row per group, its dimensions first; a bar of visitors when grouped by one period. A period the
 * data covers in part shows its days; CSV adds `partial`, `from`, `to` (of the finest period).
 */
export function groupsTable(summary: DelegationSummary, top: number | null, view: ViewSettings, coverage: Coverage | null): Table {
  const covered = summary.groupBy.some((d) => d === 'month' || d === 'quarter' || d === 'year');
  return {
    id: 'delegationGroups',
    title: bilingual(
      (l) =>
        `${l === 'en' ? 'Delegations by' : 'Delegasi per'} ${summary.groupBy.map((d) => label(dimLabel(d), l).toLowerCase()).join(' × ')}`,
    ),
    // On screen the groups leave out visitor-nights (in the overall table, CSV and JSON): width.
    columns: [
      ...summary.groupBy.map((dim) => keyColumn(dim)),
      ...statColumns(view.machine).filter((c) => view.machine || c.key !== 'visitorNights'),
      ...(view.machine && covered ? COVERAGE_COLUMNS : []),
    ],
    rows: summary.figures
      ? figureRows(summary.figures, summary.groupBy, view)
      : lazyRows(summary.groups, (g) => groupRow(g, summary.groupBy, view, coverage)),
    notes: view.machine
      ? []
      : [...delegationNotes(summary, top), ...partialNotes(covered && summary.groups.some((g) => isPartialGroup(g, coverage)))],
    bar: summary.groupBy.length === 1 && isPeriodDim(summary.groupBy[0]) ? 'visitors' : undefined,
  };
}

function keyColumn(dim: GroupDim): Column {
  return { key: dim, label: dimLabel(dim), kind: isPeriodDim(dim) ? 'period' : 'text' };
}

/** `partial`, `from`, `to`: what the data covers of a row's period, in CSV. */
const COVERAGE_COLUMNS: Column[] = [
  { key: 'partial', label: 'partial', kind: 'text' },
  { key: 'from', label: 'from', kind: 'date' },
  { key: 'to', label: 'to', kind: 'date' },
];

function groupRow(group: DelegationGroup, dims: GroupDim[], view: ViewSettings, coverage: Coverage | null): Row {
  const row: Row = {};
  for (const dim of dims) row[dim] = keyCell(group.key[dim] ?? null, view, coverage);
  const period = finestPeriod(group, dims);
  if (period !== undefined) {
    const { partial, from, to } = coveredJson(period && coverage?.of(period));
    row.partial = String(partial);
    row.from = from;
    row.to = to;
  }
  return withExactStats(row, group.stats);
}

/**
 * The rows of groups given column by column (one category dimension): each cell as groupRow makes
 * it (the same exact figures, see withExactStats), from the arrays. A row with a part past 2^53 - 1
 * (or no delegation) is made by groupRow.
 */
function figureRows(f: GroupFigures, dims: GroupDim[], view: ViewSettings): RowList {
  const dim = dims[0];
  const n = f.length;
  const irregular = new Uint8Array(n);
  // The standard deviation as the root of (n x squares - sum^2) / (n (n - 1)); den 0 below two delegations.
  const deviations = new Float64Array(n);
  const deviationsOver = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const count = f.count[i];
    const quantilesPast = Number.isNaN(f.median[i] + f.p25[i] + f.p75[i] + f.p90[i]);
    if (count === 0 || quantilesPast || !Number.isSafeInteger(f.visitorNights[i])) irregular[i] = 1;
    if (count < 2 || irregular[i] === 1) continue;
    const scaled = count * f.sumOfSquares[i];
    const sumSquared = f.sum[i] * f.sum[i];
    const over = count * (count - 1);
    if (Number.isSafeInteger(scaled) && Number.isSafeInteger(sumSquared) && Number.isSafeInteger(over)) {
      deviations[i] = scaled - sumSquared;
      deviationsOver[i] = over;
    } else irregular[i] = 1;
  }
  const visitorNights = f.visitorNights.map((v, i) => (f.delegationsWithNights[i] > 0 ? v : Number.NaN));
  const quantile = (num: Float64Array, name: keyof typeof QUANTILES): CellColumn => ({ form: 'ratio', num, den: QUANTILES[name][1] });
  const columns: Record<string, CellColumn> = {
    [dim]: { form: 'cells', at: (i) => keyCell(f.keys[i], view, null) },
    delegations: { form: 'number', values: f.count },
    visitors: { form: 'number', values: f.sum },
    mean: { form: 'ratio', num: f.sum, den: f.count },
    median: quantile(f.median, 'median'),
    p25: quantile(f.p25, 'p25'),
    p75: quantile(f.p75, 'p75'),
    p90: quantile(f.p90, 'p90'),
    min: { form: 'number', values: f.min },
    max: { form: 'number', values: f.max },
    stdDev: { form: 'root', num: deviations, den: deviationsOver },
    visitorNights: { form: 'number', values: visitorNights },
    averageStay: { form: 'ratio', num: f.visitorNights, den: f.visitorsWithNights },
    visitorsWithNights: { form: 'number', values: f.visitorsWithNights },
    delegationsWithNights: { form: 'number', values: f.delegationsWithNights },
  };
  const group = (i: number): DelegationGroup => ({ key: { [dim]: f.keys[i] }, stats: f.stats(i) });
  return columnarRows(columns, irregular, (i) => groupRow(group(i), dims, view, null));
}

function keyCell(value: GroupKeyValue, { machine, locale }: ViewSettings, coverage: Coverage | null): Cell {
  if (isOther(value)) return label(OTHER_TEXT, machine ? 'en' : locale);
  if (value === null) return machine ? null : label(UNKNOWN, locale);
  return typeof value === 'object' ? periodCell(value, coverage) : value;
}

function isPartialGroup(group: DelegationGroup, coverage: Coverage | null): boolean {
  return Object.values(group.key).some((v) => typeof v === 'object' && v !== null && !isOther(v) && coverage?.of(v)?.partial === true);
}

/** How the quantiles and the standard deviation of the full statistics columns are computed. */
export const STATS_METHOD_NOTE: Label = {
  en: 'Median and P25/P75/P90: linear interpolation between order statistics (R type 7, Excel PERCENTILE.INC). Std dev: sample (n - 1).',
  id: 'Median dan P25/P75/P90: interpolasi linear antar statistik urutan (R tipe 7, PERCENTILE.INC di Excel). Simpangan baku: sampel (n - 1).',
};

function delegationNotes(summary: DelegationSummary, top: number | null): Label[] {
  const { overall, groupBy, otherValues } = summary;
  const notes: Label[] = [
    STATS_METHOD_NOTE,
    bilingual((l) =>
      l === 'en'
        ? `Avg stay = visitor-nights / visitors whose nights are known (${formatInt(overall.delegationsWithNights, l)} of ${formatInt(overall.count, l)} delegations).`
        : `Rerata inap = malam-wisatawan / wisatawan yang lama menginapnya diketahui (${formatInt(overall.delegationsWithNights, l)} dari ${formatInt(overall.count, l)} delegasi).`,
    ),
  ];
  for (const dim of groupBy) {
    const field = isPeriodDim(dim) ? null : categoryField(dim);
    if (field?.kind !== 'list') continue;
    const name = field.groupBy!;
    const plural = field.plural ?? { en: name.en.toLowerCase(), id: name.id.toLowerCase() };
    notes.push({
      en: `A delegation with several ${plural.en} counts in each of them, so ${name.en.toLowerCase()} groups add up to more than all delegations.`,
      id: `Delegasi dengan beberapa ${plural.id} dihitung di setiap ${plural.id}nya, sehingga jumlah kelompok ${plural.id} melebihi semua delegasi.`,
    });
  }
  for (const [dim, merged] of Object.entries(otherValues) as [GroupDim, number][]) {
    notes.push(
      bilingual((l) =>
        l === 'en'
          ? `(other): ${formatInt(merged, l)} ${label(dimLabel(dim), l).toLowerCase()} values outside the top ${top} by visitors, merged.`
          : `(lainnya): ${formatInt(merged, l)} nilai ${label(dimLabel(dim), l).toLowerCase()} di luar ${top} teratas menurut wisatawan, digabung.`,
      ),
    );
  }
  return notes;
}

// ---- arrivals ------------------------------------------------------------------------------------

function arrivalColumns(unit: ArrivalUnit, machine: boolean): Column[] {
  const pct = (key: string, lbl: Label): Column => ({ key, label: lbl, kind: 'percent', decimals: machine ? 2 : 1 });
  const columns: Column[] = [
    { key: 'period', label: { en: 'Period', id: 'Periode' }, kind: 'period' },
    { key: 'domestic', label: { en: 'Domestic', id: 'Nusantara' }, kind: 'int' },
    { key: 'foreign', label: { en: 'Foreign', id: 'Mancanegara' }, kind: 'int' },
    { key: 'total', label: { en: 'Total', id: 'Total' }, kind: 'int' },
    pct('foreignSharePct', { en: 'Foreign share', id: 'Porsi mancanegara' }),
  ];
  if (machine) {
    // Every growth figure, under the same names whatever the unit: a stable CSV schema.
    for (const seg of ['domestic', 'foreign', 'total'] as const) columns.push(pct(`${seg}GrowthPct`, `${seg}GrowthPct`));
    for (const seg of ['domestic', 'foreign', 'total'] as const) columns.push(pct(`${seg}YoyGrowthPct`, `${seg}YoyGrowthPct`));
    columns.push(
      ...COVERAGE_COLUMNS,
      { key: 'growthBasis', label: 'growthBasis', kind: 'text' },
      { key: 'yoyGrowthBasis', label: 'yoyGrowthBasis', kind: 'text' },
    );
    return columns;
  }
  // On screen, growth of the total only (per segment in CSV and JSON); for years the two coincide.
  const { GROWTH_NAMES, growthOfTotal } = glossary();
  columns.push(pct('totalGrowthPct', growthOfTotal(GROWTH_NAMES[unit])));
  if (unit !== 'year') columns.push(pct('totalYoyGrowthPct', growthOfTotal(GROWTH_NAMES.yoy)));
  return columns;
}

/** One row per period: domestic, foreign, total, foreign share and growth. */
export function arrivalTable(summary: ArrivalSummary, view: ViewSettings, sources: ArrivalSources | null = null): Table {
  return {
    id: 'arrivals',
    title: bilingual((l) =>
      l === 'en'
        ? `Tourist arrivals per ${label(UNIT_NAMES[summary.unit], l)}`
        : `Kunjungan wisatawan per ${label(UNIT_NAMES[summary.unit], l)}`,
    ),
    columns: arrivalColumns(summary.unit, view.machine),
    rows: summary.periods.map(arrivalCells),
    notes: view.machine ? [] : [...arrivalNotes(summary), ...sourcesNotes(sources)],
    bar: 'total',
  };
}

/**
 * The annual figures a summary could not show as they are: years with only annual figures under a
 * finer unit, and annual figures left out for the finer figures of their year.
 */
export function annualNotes({ unit, annualOnly, annualOverlapped }: ArrivalSummary): Label[] {
  const notes: Label[] = [];
  const n = (value: number, l: Locale) => formatInt(value, l);
  const segmentName = (segment: string, l: Locale) => (l === 'en' ? segment : segment === 'domestic' ? 'nusantara' : 'mancanegara');
  for (const year of [...new Set(annualOnly.map((a) => a.year))]) {
    const figures = (l: Locale) =>
      annualOnly
        .filter((a) => a.year === year)
        .map((a) => `${segmentName(a.segment, l)} ${n(a.count, l)}`)
        .join('; ');
    notes.push(
      bilingual((l) =>
        l === 'en'
          ? `Only annual figures exist for ${year} (${figures(l)}): they cannot be shown by ${label(UNIT_NAMES[unit], l)}; --group-by year shows them.`
          : `Untuk ${year} hanya ada angka tahunan (${figures(l)}): tidak dapat ditampilkan per ${label(UNIT_NAMES[unit], l)}; --group-by year menampilkannya.`,
      ),
    );
  }
  for (const a of annualOverlapped) {
    const finer = a.finer!;
    notes.push(
      bilingual((l) => {
        const agree =
          finer === a.count
            ? l === 'en'
              ? 'they agree'
              : 'keduanya sama'
            : l === 'en'
              ? `they differ by ${n(Math.abs(a.count - finer), l)}`
              : `selisih ${n(Math.abs(a.count - finer), l)}`;
        return l === 'en'
          ? `${a.year} ${segmentName(a.segment, l)}: the annual figure ${n(a.count, l)} is left out; the finer figures of that year (${n(finer, l)}) count instead (${agree}).`
          : `${a.year} ${segmentName(a.segment, l)}: angka tahunan ${n(a.count, l)} tidak dipakai; angka yang lebih rinci tahun itu (${n(finer, l)}) yang dihitung (${agree}).`;
      }),
    );
  }
  return notes;
}

function arrivalNotes(summary: ArrivalSummary): Label[] {
  const { periods, totals } = summary;
  if (periods.length === 0) return annualNotes(summary);
  const n = (value: number | null, l: Locale) => (value === null ? '-' : formatInt(value, l));
  const share = (l: Locale) => (totals.foreignShare === null ? '-' : formatPercent(totals.foreignShare.times(100), 1, l));
  const notes: Label[] = [
    bilingual((l) =>
      l === 'en'
        ? `All ${formatInt(periods.length, l)} periods: domestic ${n(totals.domestic, l)}, foreign ${n(totals.foreign, l)}, total ${n(totals.total, l)}, foreign share ${share(l)}.`
        : `Semua ${formatInt(periods.length, l)} periode: nusantara ${n(totals.domestic, l)}, mancanegara ${n(totals.foreign, l)}, total ${n(totals.total, l)}, porsi mancanegara ${share(l)}.`,
    ),
    {
      en: 'A dash means no figure in the data (never taken as 0); growth is a dash when the earlier period is not in the data or is 0.',
      id: 'Tanda - berarti tidak ada angka di data (tidak dianggap 0); pertumbuhan bertanda - bila periode pembanding tidak ada di data atau 0.',
    },
  ];
  if (totals.incompletePeriods > 0) {
    notes.push(
      bilingual((l) =>
        l === 'en'
          ? `No overall total: ${formatInt(totals.incompletePeriods, l)} periods have only one segment.`
          : `Tanpa total keseluruhan: ${formatInt(totals.incompletePeriods, l)} periode hanya punya satu segmen.`,
      ),
    );
  }
  return [...notes, ...coverageNotes(periods), ...annualNotes(summary)];
}

/** Periods covered in part, and the growth figures that are therefore left out or like for like. */
export function coverageNotes(periods: ArrivalPeriodRow[]): Label[] {
  return [...partialNotes(periods.some((p) => p.coverage?.partial)), ...growthNotes(periods)];
}

/** Which growth figures were left out as partial, and which were compared like for like. */
function growthNotes(periods: ArrivalPeriodRow[]): Label[] {
  const { GROWTH_NAMES } = glossary();
  const cases = (basis: GrowthBasis) =>
    periods.flatMap((p) => [
      ...(p.previousBasis === basis ? [{ p, name: GROWTH_NAMES[p.period.unit as ArrivalUnit] }] : []),
      ...(p.yearOnYearBasis === basis && p.period.unit !== 'year' ? [{ p, name: GROWTH_NAMES.yoy }] : []),
    ]);
  const list = (items: ReturnType<typeof cases>, l: Locale) =>
    items.map(({ p, name }) => `${label(name, l)} ${periodText(p, l)}`).join('; ');
  const notes: Label[] = [];
  const left = cases('partial');
  if (left.length) {
    notes.push(
      bilingual((l) =>
        l === 'en'
          ? `Growth left blank where the periods are covered differently (only periods cut at the same days compare): ${list(left, l)}.`
          : `Pertumbuhan dikosongkan bila periode tercakup berbeda (hanya periode terpotong pada hari yang sama dibandingkan): ${list(left, l)}.`,
      ),
    );
  }
  const alike = cases('like-for-like');
  if (alike.length) {
    notes.push(
      bilingual((l) =>
        l === 'en'
          ? `Growth like for like, both periods cut at the same days: ${list(alike, l)}.`
          : `Pertumbuhan sebanding, kedua periode terpotong pada hari yang sama: ${list(alike, l)}.`,
      ),
    );
  }
  return notes;
}

function periodText(p: ArrivalPeriodRow, l: Locale): string {
  const period = coveredPeriod(p);
  return 'covered' in period ? formatPartialPeriod(period, l) : formatPeriod(period, l);
}

/** The period, with the days covered when partial. */
function coveredPeriod(p: ArrivalPeriodRow): Period | PartialPeriod {
  return p.coverage?.partial ? { period: p.period, covered: p.coverage.ranges } : p.period;
}
