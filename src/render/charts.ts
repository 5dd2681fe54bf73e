/**
 * Charts for the HTML report, as inline SVG: no script, no external reference, no `url(` (so no
 * gradients or patterns), and no `xmlns` (inline SVG in HTML does not need it, and the report must
 * not contain any address).
 *
 * Every drawn value is one element with `class="mark"` and a `data-value` (the raw number), so a
 * test can count marks against the data: a bar chart has one mark per non-null value, a progress
 * chart one per non-null figure. Null means "not available": no mark is drawn for it. A bar of a period
 * the data covers only in part is hatched (`class="mark ... partial"`, white stripes drawn over it as
 * lines, since a pattern would need `url(`), and its tooltip and the legend say so.
 */
import { humanCell } from './cells';
import { type CellKind, type Column, type Label, type PartialPeriod, type Table, isPartialPeriod, isPeriod, numberOf } from './doc';
import { type Locale, formatPartialPeriod, formatPeriod, label } from './locale';
import type { Period } from '../model/period';
import type { Progress } from '../model/progress';

/** How values and axis numbers are written (through the same cell formatting as the tables). */
export type ChartValueKind = Extract<CellKind, 'int' | 'decimal' | 'percent' | 'moneyShort'>;

export interface ChartSeries {
  name: Label;
  values: (number | null)[];
  /** Per value: covered by the data only in part (hatched), besides the partial categories. */
  partial?: boolean[];
}

interface ChartBase {
  /** Machine name; the SVG ids derive from it. */
  id: string;
  title: Label;
  /** Id of the Doc table the chart is placed after; charts without a matching table go at the end. */
  after?: string;
  /** Default `int`. */
  valueKind?: ChartValueKind;
}

/** Vertical bars: `bars` draws series[0]; `groupedBars` one bar per series in each category. */
export interface BarChart extends ChartBase {
  kind: 'bars' | 'groupedBars';
  /**
   * A Period (a month is shown as a short month name, with the year under January and the first bar);
   * a PartialPeriod is drawn hatched.
   */
  categories: (Label | Period | PartialPeriod)[];
  /** Each series has one value per category. */
  series: ChartSeries[];
}

export type FigureRole = 'actual' | 'expected' | 'projection';

/** Horizontal bars for the figures of one target, with the target as a vertical line. */
export interface ProgressChart extends ChartBase {
  kind: 'progress';
  target: number;
  targetLabel: Label;
  figures: ProgressFigure[];
}

export interface ProgressFigure {
  name: Label;
  value: number | null;
  role: FigureRole;
  /** An interval around the value, drawn as a whisker across the bar. */
  interval?: { low: number; high: number; name: Label };
}

export type Chart = BarChart | ProgressChart;

// ---------------------------------------------------------------------------------------------
// Builders, so that a command can turn what it already has into a chart.

export interface FromTableOptions {
  kind: 'bars' | 'groupedBars';
  /** Key of the column that names each category (a period or text column). */
  category: string;
  /** Keys of numeric columns: one series each, named by the column label. */
  values: string[];
  id?: string;
  title?: Label;
  /** Default: right after this table. */
  after?: string;
}

/** A bar chart of some columns of a Doc table; the value kind follows the first value column. */
export function chartFromTable(table: Table, options: FromTableOptions): BarChart {
  const columnOf = (key: string): Column => {
    const column = table.columns.find((c) => c.key === key);
    if (!column) throw new Error(`chartFromTable: table ${table.id} has no column ${key}`);
    return column;
  };
  const valueColumns = options.values.map(columnOf);
  const categoryColumn = columnOf(options.category);
  return {
    id: options.id ?? `${table.id}-chart`,
    title: options.title ?? table.title ?? table.id,
    after: options.after ?? table.id,
    kind: options.kind,
    valueKind: chartKindOf(valueColumns[0].kind),
    categories: table.rows.map((row) => categoryOf(row[categoryColumn.key] ?? null)),
    series: valueColumns.map((column) => ({
      name: column.label,
      values: table.rows.map((row) => numberOf(row[column.key])),
    })),
  };
}

function chartKindOf(kind: CellKind): ChartValueKind {
  if (kind === 'money' || kind === 'moneyShort') return 'moneyShort';
  return kind === 'decimal' || kind === 'percent' ? kind : 'int';
}

function categoryOf(cell: unknown): Label | Period | PartialPeriod {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'object' && cell !== null && (isPeriod(cell) || isPartialPeriod(cell))) return cell;
  return cell === null || cell === undefined ? '-' : String(cell);
}

const FIGURE_NAMES = {
  actual: { id: 'Realisasi s.d. tanggal', en: 'Actual to date' },
  expectedLinear: { id: 'Seharusnya s.d. tanggal (linear)', en: 'Expected to date (linear)' },
  expectedSeasonal: { id: 'Seharusnya s.d. tanggal (musiman)', en: 'Expected to date (seasonal)' },
  projectedLinear: { id: 'Proyeksi akhir tahun (linear)', en: 'Projected year-end (linear)' },
  projectedSeasonal: { id: 'Proyeksi akhir tahun (musiman)', en: 'Projected year-end (seasonal)' },
  projected: { id: 'Proyeksi akhir tahun', en: 'Projected year-end' },
  interval: { id: 'Interval 80%', en: '80% interval' },
};

/**
 * The progress chart of one computed target: actual, expected (linear, seasonal), projections, and
 * during the year the default projection with its 80% interval as a whisker.
 */
export function progressChart(p: Progress, options: { id?: string; title?: Label; after?: string } = {}): ProgressChart {
  return {
    id: options.id ?? `progress-${p.metric}-${p.year}`,
    title: options.title ?? { id: `Capaian target ${p.year}`, en: `Progress toward the ${p.year} target` },
    after: options.after,
    kind: 'progress',
    valueKind: p.metric === 'spending' ? 'moneyShort' : 'int',
    target: p.target,
    targetLabel: { id: `Target ${p.year}`, en: `${p.year} target` },
    figures: [
      { name: FIGURE_NAMES.actual, value: p.actual, role: 'actual' },
      { name: FIGURE_NAMES.expectedLinear, value: p.expectedLinear, role: 'expected' },
      { name: FIGURE_NAMES.expectedSeasonal, value: p.expectedSeasonal, role: 'expected' },
      { name: FIGURE_NAMES.projectedLinear, value: p.projectedLinear, role: 'projection' },
      { name: FIGURE_NAMES.projectedSeasonal, value: p.projectedSeasonal, role: 'projection' },
      ...(p.projectionMethod === 'final'
        ? []
        : [
            {
              name: FIGURE_NAMES.projected,
              value: p.projected,
              role: 'projection' as const,
              interval: { low: p.projectedLow, high: p.projectedHigh, name: FIGURE_NAMES.interval },
            },
          ]),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Drawing.

const WIDTH = 720;
/** Rough width of a character of the system sans-serif at 12px: enough to reserve margins. */
const CHAR_WIDTH = 7;
const TICK_TARGET = 5;

/** `&`, `<`, `>`, `"` and `'` as entities: text and attribute values become literal. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The chart as one `<svg>` element (the caller wraps it in a figure with a legend). */
export function renderChartSvg(chart: Chart, locale: Locale): string {
  return chart.kind === 'progress' ? progressSvg(chart, locale) : barsSvg(chart, locale);
}

const PARTIAL_LEGEND = {
  name: { en: 'Hatched: a period the data covers only in part', id: 'Arsir: periode yang hanya sebagian tercakup data' },
  cssClass: 'partial',
};

/** The names to show in a legend, with the CSS class of their colour. */
export function legendOf(chart: Chart): { name: Label; cssClass: string }[] {
  if (chart.kind !== 'progress') {
    const series = chart.kind === 'groupedBars' ? chart.series.map((s, i) => ({ name: s.name, cssClass: `s${i}` })) : [];
    const partial = chart.categories.some(isPartialCategory) || chart.series.some((s) => s.partial?.includes(true));
    return partial ? [...series, PARTIAL_LEGEND] : series;
  }
  const roles = [...new Set(chart.figures.filter((f) => f.value !== null).map((f) => f.role))];
  const whiskers = chart.figures
    .filter((f) => f.value !== null && f.interval)
    .map((f) => ({ name: f.interval!.name, cssClass: 'whisker' }));
  return [
    ...roles.map((role) => ({ name: ROLE_NAMES[role], cssClass: `role-${role}` })),
    ...whiskers.slice(0, 1),
    { name: chart.targetLabel, cssClass: 'target' },
  ];
}

const ROLE_NAMES: Record<FigureRole, Label> = {
  actual: { id: 'Realisasi', en: 'Actual' },
  expected: { id: 'Seharusnya', en: 'Expected' },
  projection: { id: 'Proyeksi', en: 'Projection' },
};

function formatValue(value: number, kind: ChartValueKind, locale: Locale): string {
  const column: Column = { key: 'value', label: '', kind, decimals: kind === 'int' || kind === 'moneyShort' ? 0 : 1 };
  return humanCell(kind === 'moneyShort' ? BigInt(Math.round(value)) : value, column, locale);
}

/** Axis ticks 0 (or below, for negative data) to at least `max`, at steps of 1, 2 or 5 x 10^k. */
export function niceTicks(min: number, max: number): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (hi === lo) return [0, 1];
  const rough = (hi - lo) / TICK_TARGET;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const ticks: number[] = [];
  for (let t = Math.floor(lo / step) * step; t < hi + step; t += step) {
    ticks.push(Math.round(t / power) * power);
    if (t >= hi) break;
  }
  return ticks;
}

const fixed = (n: number) => Number(n.toFixed(1));

function svgOpen(chart: Chart, height: number, locale: Locale, summary: string): string {
  const ids = `${chart.id}-title ${chart.id}-desc`;
  return (
    `<svg class="chart chart-${chart.kind}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${escapeMarkup(ids)}">` +
    `<title id="${escapeMarkup(chart.id)}-title">${escapeMarkup(label(chart.title, locale))}</title>` +
    `<desc id="${escapeMarkup(chart.id)}-desc">${escapeMarkup(summary)}</desc>`
  );
}

function text(x: number, y: number, content: string, cssClass: string, anchor = 'middle'): string {
  return `<text x="${fixed(x)}" y="${fixed(y)}" class="${cssClass}" text-anchor="${anchor}">${escapeMarkup(content)}</text>`;
}

function mark(x: number, y: number, width: number, height: number, cssClass: string, value: number, tooltip: string): string {
  return (
    `<rect class="mark ${cssClass}" x="${fixed(x)}" y="${fixed(y)}" width="${fixed(width)}" height="${fixed(height)}" ` +
    `data-value="${value}"><title>${escapeMarkup(tooltip)}</title></rect>`
  );
}

function isPartialCategory(category: Label | Period | PartialPeriod): category is PartialPeriod {
  return typeof category === 'object' && isPartialPeriod(category);
}

/** The category's period or label, without the days covered (for ticks). */
function plainCategory(category: Label | Period | PartialPeriod): Label | Period {
  return isPartialCategory(category) ? category.period : category;
}

function categoryText(category: Label | Period | PartialPeriod, locale: Locale): string {
  if (isPartialCategory(category)) return formatPartialPeriod(category, locale);
  return typeof category === 'object' && isPeriod(category) ? formatPeriod(category, locale) : label(category, locale);
}

/** Under a bar: a month as its short name, and on a second line the year where it starts or changes. */
function tickLines(categories: (Label | Period | PartialPeriod)[], index: number, locale: Locale): [string, string] {
  const category = plainCategory(categories[index]);
  if (typeof category !== 'object' || !isPeriod(category) || category.unit !== 'month') {
    return [categoryText(categories[index], locale), ''];
  }
  // A partial month keeps its days: `Aug (1–9)`.
  const days = categoryText(categories[index], locale).slice(formatPeriod(category, locale).length);
  const short = formatPeriod(category, locale).split(' ')[0].slice(0, 3) + days;
  const previous = index > 0 ? plainCategory(categories[index - 1]) : undefined;
  const yearChanged = !(typeof previous === 'object' && isPeriod(previous) && previous.unit === 'month' && previous.year === category.year);
  return [short, yearChanged ? String(category.year) : ''];
}

const BAR_HEIGHT = 300;

function barsSvg(chart: BarChart, locale: Locale): string {
  const kind = chart.valueKind ?? 'int';
  const series = chart.kind === 'bars' ? chart.series.slice(0, 1) : chart.series;
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const tickTexts = ticks.map((t) => formatValue(t, kind, locale));
  const left = 12 + CHAR_WIDTH * Math.max(...tickTexts.map((t) => t.length));
  const [top, right, bottom] = [12, 12, 40];
  const plotWidth = WIDTH - left - right;
  const plotHeight = BAR_HEIGHT - top - bottom;
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const y = (v: number) => top + plotHeight * (1 - (v - lo) / (hi - lo));

  const parts = [svgOpen(chart, BAR_HEIGHT, locale, barsSummary(chart, series, locale))];
  ticks.forEach((t, i) => {
    parts.push(`<line class="grid${t === 0 ? ' zero' : ''}" x1="${left}" x2="${WIDTH - right}" y1="${fixed(y(t))}" y2="${fixed(y(t))}"/>`);
    parts.push(text(left - 6, y(t) + 4, tickTexts[i], 'tick', 'end'));
  });

  const count = chart.categories.length;
  const band = plotWidth / Math.max(1, count);
  const barWidth = (band * 0.8) / Math.max(1, series.length);
  // With many categories, label every k-th so that labels never overlap.
  const labelEvery = Math.max(1, Math.ceil((CHAR_WIDTH * 5) / band));
  for (let c = 0; c < count; c++) {
    const x0 = left + band * c + band * 0.1;
    series.forEach((s, si) => {
      const v = s.values[c];
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      const partial = isPartialCategory(chart.categories[c]) || s.partial?.[c] === true;
      const tooltip =
        `${categoryText(chart.categories[c], locale)}, ${label(s.name, locale)}: ${formatValue(v, kind, locale)}` +
        (partial ? ` (${label(PARTIAL_TOOLTIP, locale)})` : '');
      const [yTop, yBottom] = [y(Math.max(0, v)), y(Math.min(0, v))];
      parts.push(mark(x0 + barWidth * si, yTop, barWidth, yBottom - yTop, `s${si}${partial ? ' partial' : ''}`, v, tooltip));
      if (partial) parts.push(hatch(x0 + barWidth * si, yTop, barWidth, yBottom - yTop));
    });
    const [line1, line2] = tickLines(chart.categories, c, locale);
    const cx = left + band * (c + 0.5);
    if (c % labelEvery === 0) parts.push(text(cx, BAR_HEIGHT - bottom + 16, shorten(line1, band * labelEvery), 'category'));
    if (line2) parts.push(text(cx, BAR_HEIGHT - bottom + 31, line2, 'category year'));
  }
  parts.push('</svg>');
  return parts.join('');
}

const PARTIAL_TOOLTIP = { en: 'partial period', id: 'periode sebagian' };
const HATCH_STEP = 6;

/** White diagonal stripes over a bar, as lines clipped to it by hand: no pattern, so no `url(`. */
function hatch(x: number, y: number, width: number, height: number): string {
  const lines: string[] = [];
  // Lines x' + (bottom - y') = c: each from the bottom or left edge up to the top or right edge.
  for (let c = HATCH_STEP; c < width + height; c += HATCH_STEP) {
    const [x1, y1] = c <= width ? [x + c, y + height] : [x + width, y + height - (c - width)];
    const [x2, y2] = c <= height ? [x, y + height - c] : [x + (c - height), y];
    lines.push(`<line x1="${fixed(x1)}" y1="${fixed(y1)}" x2="${fixed(x2)}" y2="${fixed(y2)}"/>`);
  }
  return `<g class="hatch">${lines.join('')}</g>`;
}

/** A long category name cut to the room it has (the full name is in each mark's tooltip). */
function shorten(name: string, room: number): string {
  const fits = Math.max(3, Math.floor(room / CHAR_WIDTH) - 1);
  return name.length <= fits ? name : name.slice(0, fits - 1) + '…';
}

function barsSummary(chart: BarChart, series: ChartSeries[], locale: Locale): string {
  const names = series.map((s) => label(s.name, locale)).join(', ');
  const n = chart.categories.length;
  if (n === 0) return names;
  return `${names}: ${categoryText(chart.categories[0], locale)} – ${categoryText(chart.categories[n - 1], locale)}`;
}

const ROW_HEIGHT = 30;

/** A horizontal line from low to high with end caps, and the interval as its tooltip. */
function whisker(
  x1: number,
  x2: number,
  y: number,
  interval: NonNullable<ProgressFigure['interval']>,
  kind: ChartValueKind,
  locale: Locale,
): string {
  const tooltip = `${label(interval.name, locale)}: ${formatValue(interval.low, kind, locale)}–${formatValue(interval.high, kind, locale)}`;
  const cap = (x: number) => `<line x1="${fixed(x)}" x2="${fixed(x)}" y1="${fixed(y - 7)}" y2="${fixed(y + 7)}"/>`;
  return (
    `<g class="whisker" data-low="${interval.low}" data-high="${interval.high}"><title>${escapeMarkup(tooltip)}</title>` +
    `<line x1="${fixed(x1)}" x2="${fixed(x2)}" y1="${fixed(y)}" y2="${fixed(y)}"/>${cap(x1)}${cap(x2)}</g>`
  );
}

/** Room kept between a value label and the target line. */
const LINE_GAP = 4;

/**
 * Where a value label of `width` starting at `x` goes so that the target line at `line` never runs
 * through it: where it is, or just past the line (the chart keeps room for a label past its largest value).
 */
export function clearOf(x: number, width: number, line: number): number {
  return x - LINE_GAP <= line && line <= x + width + LINE_GAP ? line + LINE_GAP + 2 : x;
}

function progressSvg(chart: ProgressChart, locale: Locale): string {
  const kind = chart.valueKind ?? 'int';
  const figures = chart.figures.filter((f): f is typeof f & { value: number } => f.value !== null && Number.isFinite(f.value));
  const ticks = niceTicks(0, Math.max(chart.target, ...figures.map((f) => Math.max(f.value, f.interval?.high ?? 0))));
  const hi = ticks[ticks.length - 1];
  const names = figures.map((f) => label(f.name, locale));
  const left = 12 + CHAR_WIDTH * Math.max(10, ...names.map((n) => n.length));
  const valueRoom = 12 + CHAR_WIDTH * Math.max(...figures.map((f) => formatValue(f.value, kind, locale).length), 4);
  const [top, bottom] = [28, 28];
  const plotWidth = WIDTH - left - valueRoom;
  const height = top + ROW_HEIGHT * figures.length + bottom;
  const x = (v: number) => left + (plotWidth * v) / hi;
  const tx = fixed(x(chart.target));

  const targetText = `${label(chart.targetLabel, locale)}: ${formatValue(chart.target, kind, locale)}`;
  const parts = [svgOpen(chart, height, locale, targetText)];
  for (const t of ticks) {
    parts.push(`<line class="grid" x1="${fixed(x(t))}" x2="${fixed(x(t))}" y1="${top - 4}" y2="${height - bottom}"/>`);
    parts.push(text(x(t), height - bottom + 16, formatValue(t, kind, locale), 'tick'));
  }
  figures.forEach((f, i) => {
    const rowTop = top + ROW_HEIGHT * i;
    const valueText = formatValue(f.value, kind, locale);
    parts.push(text(left - 8, rowTop + ROW_HEIGHT / 2 + 4, names[i], 'category', 'end'));
    parts.push(
      mark(left, rowTop + 5, x(Math.max(0, f.value)) - left, ROW_HEIGHT - 10, `role-${f.role}`, f.value, `${names[i]}: ${valueText}`),
    );
    if (f.interval)
      parts.push(
        whisker(x(Math.max(0, f.interval.low)), x(Math.max(0, f.interval.high)), rowTop + ROW_HEIGHT / 2, f.interval, kind, locale),
      );
    const end = x(Math.max(0, f.value, f.interval?.high ?? 0)) + 6;
    parts.push(text(clearOf(end, CHAR_WIDTH * valueText.length, tx), rowTop + ROW_HEIGHT / 2 + 4, valueText, 'value', 'start'));
  });
  parts.push(`<line class="target-line" x1="${tx}" x2="${tx}" y1="${top - 8}" y2="${height - bottom + 2}"/>`);
  // Anchored so that the label stays inside the chart when the target is near either edge.
  const half = (CHAR_WIDTH * targetText.length) / 2;
  const anchor = tx + half > WIDTH ? 'end' : tx - half < 0 ? 'start' : 'middle';
  parts.push(text(tx, top - 12, targetText, 'target-label', anchor));
  parts.push('</svg>');
  return parts.join('');
}
