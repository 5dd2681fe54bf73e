/**
 * How `visitstat progress` shows its result. Table and markdown: per target, one figure a row with its
 * value and the formula with the numbers put in (and an overview first when there are several targets).
 * CSV: one row per target, every figure a column. JSON: the model's fields as they are.
 */
import { METRIC_NAMES, PACE_NAMES, STATUS_NAMES, sentenceCase, targetSource } from '../render/glossary';
import type { BandSpec } from '../model/bands';
import { type CalDate, dateKey } from '../model/dates';
import type { ExactFigure, NullableFigure, NumericFigure, Progress, Unavailable } from '../model/progress';
import { type Ratio, roundHalfUp } from '../stats/exact';
import { BENCHMARK, SMOOTHING_WEIGHTS } from '../stats/forecast-calibration';
import type { InputSummary } from '../ingest/inputs';
import {
  type Column,
  type Doc,
  type Label,
  type Locale,
  type Rendered,
  type Row,
  type Table,
  formatAsGiven,
  formatDate,
  formatDecimal,
  formatInt,
  formatMoney,
  formatPercent,
  label,
} from '../render';
import { checksNotes } from './checks-view';
import { type ViewSettings, inputFooter } from './shared';

export interface MeasuredTarget {
  /** `command line` or `config targets[i]`. */
  source: string;
  progress: Progress;
  /** How the metric was chosen, when the user did not name it and the choice was not the only one. */
  choice?: Label;
  /** A target of arrivals at one destination: its name as the config gives it. */
  destination?: string;
}

/** `total arrivals` or `total arrivals at Kawah Ijen`. */
function metricText(m: MeasuredTarget, locale: Locale): string {
  const name = label(METRIC_NAMES[m.progress.metric], locale);
  return m.destination === undefined ? name : `${name} ${locale === 'en' ? 'at' : 'di'} ${m.destination}`;
}

/** Behind during the year or missed once it is over: what --fail-if-behind exits 3 on. */
export const isBehind = (p: Progress): boolean => p.status === 'behind' || p.status === 'missed';

export function progressView(measured: MeasuredTarget[], bands: readonly BandSpec[], input: InputSummary, view: ViewSettings): Rendered {
  const title = { en: 'Progress toward target', id: 'Capaian target' };
  const tables = progressTables(measured, bands, view);
  const doc: Doc = view.machine ? { title, tables } : { title, tables, footer: [inputFooter(input), ...checksNotes(input.checks)] };
  return { doc, json: progressJson(measured, bands, input) };
}

/**
 * For programs, one row per target with every figure a column; for people, an overview when there are
 * several targets, then each target's figures with how they were computed.
 */
export function progressTables(measured: MeasuredTarget[], bands: readonly BandSpec[], view: ViewSettings): Table[] {
  if (view.machine) return [wideTable(measured)];
  return [
    ...(measured.length > 1 ? [overviewTable(measured, view.locale)] : []),
    ...measured.map((m) => detailTable(m, bands, view.locale)),
  ];
}

/** The `--format json` document (fields listed in the README). */
export function progressJson(measured: MeasuredTarget[], bands: readonly BandSpec[], input: InputSummary): unknown {
  return {
    // The exact figures are for printing; JSON has their doubles, the fields themselves.
    targets: measured.map(({ source, progress: { exact: _, ...fields }, destination }) => ({
      source,
      ...(destination ? { destination } : {}),
      ...fields,
    })),
    anyBehind: measured.some((m) => isBehind(m.progress)),
    bands,
    input: {
      rowsRead: input.rowsRead,
      rowsAccepted: input.rowsAccepted,
      rowsRejected: input.rowsRejected,
      rowsOutOfRange: input.rowsOutOfRange,
      checks: input.checks,
      files: input.files.map((f) => ({ source: f.source, kind: f.kind, rowsRead: f.rowsRead })),
    },
  };
}

const col = (key: string, en: string, id: string, kind: Column['kind'], decimals?: number): Column => ({
  key,
  label: { en: sentenceCase(en), id: sentenceCase(id) },
  kind,
  ...(decimals === undefined ? {} : { decimals }),
});

function overviewTable(measured: MeasuredTarget[], locale: Locale): Table {
  return {
    id: 'overview',
    columns: [
      col('metric', 'metric', 'ukuran', 'text'),
      col('year', 'year', 'tahun', 'text'),
      col('asOf', 'as of', 'per tanggal', 'date'),
      col('target', 'target', 'target', 'int'),
      col('actual', 'actual', 'realisasi', 'int'),
      col('percentAchieved', 'achieved', 'capaian', 'percent', 2),
      col('expected', 'expected to date', 'seharusnya', 'int'),
      col('projected', 'projected year-end', 'proyeksi akhir tahun', 'int'),
      col('projectedLow', '80% low', '80% bawah', 'int'),
      col('projectedHigh', '80% high', '80% atas', 'int'),
      col('status', 'status', 'status', 'text'),
      col('band', 'band', 'predikat', 'text'),
    ],
    rows: measured.map((m) => {
      const p = m.progress;
      return {
        metric: metricText(m, locale),
        year: p.year,
        asOf: p.asOf,
        target: p.exact.target,
        actual: p.exact.actual,
        percentAchieved: p.exact.percentAchieved,
        expected: p.exact.expected,
        projected: p.exact.projected,
        projectedLow: p.exact.projectedLow,
        projectedHigh: p.exact.projectedHigh,
        status: label(STATUS_NAMES[p.status], locale),
        band: label(p.band, locale) + (p.bandBasis === 'projected' ? label({ en: ' (projected)', id: ' (proyeksi)' }, locale) : ''),
      };
    }),
    bar: 'percentAchieved',
  };
}

/** Every figure as a column, one row per target: the spreadsheet form. */
function wideTable(measured: MeasuredTarget[]): Table {
  const columns: Column[] = [
    col('source', 'source', 'sumber', 'text'),
    col('metric', 'metric', 'ukuran', 'text'),
    col('year', 'year', 'tahun', 'text'),
    col('asOf', 'as of', 'per tanggal', 'date'),
    col('latestData', 'latest data', 'data terakhir', 'date'),
    col('target', 'target', 'target', 'decimal', 0),
    col('actual', 'actual', 'realisasi', 'int'),
    col('percentAchieved', 'achieved', 'capaian', 'percent', 2),
    col('remaining', 'remaining', 'sisa', 'decimal', 0),
    col('elapsedDays', 'elapsed days', 'hari berjalan', 'int'),
    col('daysInYear', 'days in year', 'hari setahun', 'int'),
    col('daysLeft', 'days left', 'sisa hari', 'int'),
    col('monthsLeft', 'months left', 'sisa bulan', 'decimal', 4),
    col('expectedLinear', 'expected linear', 'seharusnya linear', 'decimal', 2),
    col('seasonalShare', 'seasonal share', 'pangsa musiman', 'decimal', 6),
    col('expectedSeasonal', 'expected seasonal', 'seharusnya musiman', 'decimal', 2),
    col('projectedLinear', 'projected linear', 'proyeksi linear', 'decimal', 2),
    col('projectedSeasonal', 'projected seasonal', 'proyeksi musiman', 'decimal', 2),
    col('requiredPerDay', 'required per day', 'kebutuhan per hari', 'decimal', 2),
    col('requiredPerMonth', 'required per month', 'kebutuhan per bulan', 'decimal', 2),
    col('previousAsOf', 'previous as of', 'per tanggal tahun lalu', 'date'),
    col('previousToDate', 'previous to date', 'tahun lalu s.d. tanggal', 'int'),
    col('yoyChange', 'year-on-year change', 'perubahan tahunan', 'int'),
    col('yoyChangePercent', 'year-on-year change %', 'perubahan tahunan %', 'percent', 2),
    col('projected', 'projected', 'proyeksi', 'decimal', 2),
    col('projectedLow', 'projected low (80%)', 'proyeksi bawah (80%)', 'decimal', 2),
    col('projectedHigh', 'projected high (80%)', 'proyeksi atas (80%)', 'decimal', 2),
    col('projectedPercent', 'projected %', 'proyeksi %', 'percent', 2),
    col('projectionMethod', 'projection method', 'metode proyeksi', 'text'),
    col('intervalBasis', 'interval basis', 'dasar interval', 'text'),
    col('intervalBacktests', 'interval backtests', 'uji balik interval', 'int'),
    col('expected', 'expected', 'seharusnya', 'decimal', 2),
    col('paceBasis', 'pace basis', 'dasar laju', 'text'),
    col('tolerancePercent', 'tolerance', 'toleransi', 'percent', 2),
    col('pace', 'pace', 'laju', 'text'),
    col('yearOver', 'year over', 'tahun berakhir', 'text'),
    col('status', 'status', 'status', 'text'),
    col('band', 'band', 'predikat', 'text'),
    col('bandEn', 'band (en)', 'predikat (en)', 'text'),
    col('bandBasis', 'band basis', 'dasar predikat', 'text'),
  ];
  if (measured.some((m) => m.destination !== undefined)) columns.splice(2, 0, col('destination', 'destination', 'destinasi', 'text'));
  const rows = measured.map(({ source, progress: p, destination }): Row => {
    const row: Row = { source, destination: destination ?? null, band: p.band.id, bandEn: p.band.en, yearOver: String(p.yearOver) };
    for (const c of columns) {
      if (c.key in row) continue;
      row[c.key] = c.key in p.exact ? p.exact[c.key as ExactFigure] : (p[c.key as keyof Progress] as Row[string]);
    }
    return row;
  });
  return { id: 'progress', columns, rows };
}

/** One target: figure, value, and how it was computed, in the reader's locale. */
function detailTable(m: MeasuredTarget, bands: readonly BandSpec[], locale: Locale): Table {
  const f = new Figures(m.progress, locale);
  return {
    id: `progress-${m.progress.metric}-${m.progress.year}`,
    title: {
      en: `${sentenceCase(metricText(m, 'en'))} ${m.progress.year}, as of ${formatDate(m.progress.asOf, 'en')}`,
      id: `${sentenceCase(metricText(m, 'id'))} ${m.progress.year}, per ${formatDate(m.progress.asOf, 'id')}`,
    },
    columns: [col('figure', 'figure', 'ukuran', 'text'), col('value', 'value', 'nilai', 'text'), col('how', 'how', 'cara hitung', 'text')],
    rows: f.rows(m.source, bands).map(([figure, value, how]) => ({ figure: label(figure, locale), value, how: label(how, locale) })),
    notes: f.notes(),
  };
}

type DetailRow = [figure: Label, value: string, how: Label];

/** Formats one Progress for people: amounts in the metric's unit, percents, dates, reasons. */
class Figures {
  private readonly prev: number;

  constructor(
    private readonly p: Progress,
    private readonly locale: Locale,
  ) {
    this.prev = p.year - 1;
  }

  rows(source: string, bands: readonly BandSpec[]): DetailRow[] {
    const { p } = this;
    const x = p.exact as Record<ExactFigure, Ratio>;
    const a = (n: Ratio) => this.amount(n);
    return [
      [{ en: 'Target', id: 'Target' }, a(x.target), targetSource(source)],
      [{ en: 'Actual to date', id: 'Realisasi s.d. tanggal' }, a(x.actual), this.span(p.asOf)],
      [{ en: 'Achieved', id: 'Capaian' }, this.pct(x.percentAchieved, 2), `${a(x.actual)} / ${a(x.target)} × 100`],
      [{ en: 'Remaining', id: 'Sisa' }, a(x.remaining), `${a(x.target)} − ${a(x.actual)}`],
      [
        { en: 'Elapsed days', id: 'Hari berjalan' },
        this.l({ en: `${p.elapsedDays} of ${p.daysInYear}`, id: `${p.elapsedDays} dari ${p.daysInYear}` }),
        { en: 'as-of day included', id: 'termasuk hari per tanggal' },
      ],
      [
        { en: 'Expected to date, linear', id: 'Seharusnya s.d. tanggal, linear' },
        a(x.expectedLinear),
        `${a(x.target)} × ${p.elapsedDays} / ${p.daysInYear}`,
      ],
      this.nullable(
        'seasonalShare',
        { en: `Seasonal share ${this.prev}`, id: `Pangsa musiman ${this.prev}` },
        (share) => this.pct(share.times(100), 2),
        () => this.shareHow(),
      ),
      this.nullable(
        'expectedSeasonal',
        { en: 'Expected to date, seasonal', id: 'Seharusnya s.d. tanggal, musiman' },
        a,
        () => `${a(x.target)} × ${this.pct(x.seasonalShare.times(100), 2)}`,
      ),
      [
        { en: 'Projected year-end, linear', id: 'Proyeksi akhir tahun, linear' },
        a(x.projectedLinear),
        `${a(x.actual)} × ${p.daysInYear} / ${p.elapsedDays}`,
      ],
      this.nullable(
        'projectedSeasonal',
        { en: 'Projected year-end, seasonal', id: 'Proyeksi akhir tahun, musiman' },
        a,
        () => `${a(x.actual)} / ${this.pct(x.seasonalShare.times(100), 2)}`,
      ),
      [{ en: 'Projected year-end', id: 'Proyeksi akhir tahun' }, this.projection(), this.projectionHow()],
      this.nullable(
        'requiredPerDay',
        { en: 'Required per day', id: 'Kebutuhan per hari' },
        (n) => this.rate(n),
        () => this.l({ en: `${a(x.remaining)} / ${p.daysLeft} days left`, id: `${a(x.remaining)} / ${p.daysLeft} hari tersisa` }),
      ),
      this.nullable(
        'requiredPerMonth',
        { en: 'Required per month', id: 'Kebutuhan per bulan' },
        (n) => this.rate(n),
        () => {
          const months = formatDecimal(x.monthsLeft, 2, this.locale);
          return this.l({ en: `${a(x.remaining)} / ${months} months left`, id: `${a(x.remaining)} / ${months} bulan tersisa` });
        },
      ),
      this.nullable('previousToDate', { en: `Same period ${this.prev}`, id: `Periode yang sama ${this.prev}` }, a, () =>
        this.span(p.previousAsOf),
      ),
      this.nullable(
        'yoyChangePercent',
        { en: 'Year-on-year change', id: 'Perubahan tahunan' },
        (pct) => `${this.signed(a(x.yoyChange), x.yoyChange)} (${this.signed(this.pct(pct, 1), pct)})`,
        () => `(${a(x.actual)} − ${a(x.previousToDate)}) / ${a(x.previousToDate)} × 100`,
      ),
      this.paceRow(),
      [{ en: 'Status', id: 'Status' }, label(STATUS_NAMES[p.status], this.locale), this.statusHow()],
      [
        p.bandBasis === 'final' ? { en: 'Rating band', id: 'Predikat' } : { en: 'Rating band, projected', id: 'Predikat, proyeksi' },
        label(p.band, this.locale),
        this.bandRange(bands),
      ],
    ];
  }

  /** Figures that could not be computed are explained here; the rows only say "not available". */
  notes(): Label[] {
    const { p } = this;
    const notes: Label[] = [];
    if (p.asOfYearEnd) {
      notes.push({
        en: `The data runs into December ${p.year} or later: the year is taken as over, as of 31 Dec ${p.year} (give --as-of for an earlier date).`,
        id: `Data mencapai Desember ${p.year} atau sesudahnya: tahun dianggap selesai, per 31 Desember ${p.year} (beri --as-of untuk tanggal lebih awal).`,
      });
    }
    if (p.projectionMethod !== 'final') notes.push(this.methodNote());
    if (p.asOfClamped) {
      notes.push({
        en: `The as-of date is after ${p.year}: measured as of 31 Dec ${p.year}.`,
        id: `Per tanggal melewati ${p.year}: diukur per 31 Desember ${p.year}.`,
      });
    }
    if (p.latestData === null) {
      notes.push({ en: `No data for ${p.year}.`, id: `Tidak ada data ${p.year}.` });
    } else if (dateKey(p.latestData) < dateKey(p.asOf)) {
      notes.push({
        en: `The ${p.year} data ends ${formatDate(p.latestData, 'en')}; nothing after it is counted.`,
        id: `Data ${p.year} berakhir ${formatDate(p.latestData, 'id')}; setelahnya tidak terhitung.`,
      });
    }
    return notes;
  }

  /** `51,529 (80%: 48,100–55,200)`; the final figure alone once the year is over. */
  private projection(): string {
    const { p } = this;
    const x = p.exact as Record<ExactFigure, Ratio>;
    if (p.projectionMethod === 'final') return this.amount(x.projected);
    return `${this.amount(x.projected)} (80%: ${this.amount(x.projectedLow)}–${this.amount(x.projectedHigh)})`;
  }

  private projectionHow(): Label {
    const { p } = this;
    if (p.projectionMethod === 'final') return { en: 'the year is over: the actual', id: 'tahun sudah berakhir: realisasi' };
    const method: Label =
      p.projectionMethod === 'linear'
        ? { en: `linear: no full year before ${p.year} in the data`, id: `linear: tidak ada tahun penuh sebelum ${p.year} di data` }
        : p.projectionMethod === 'seasonal-growth-holt-winters'
          ? {
              en: `seasonal growth with Holt-Winters from ${this.years()}`,
              id: `pertumbuhan musiman dengan Holt-Winters dari ${this.years()}`,
            }
          : { en: `seasonal growth from ${this.years()}`, id: `pertumbuhan musiman dari ${this.years()}` };
    const width: Label =
      p.intervalBasis === 'history'
        ? {
            en: `interval from its errors on ${p.intervalBacktests} past years`,
            id: `interval dari galatnya pada ${p.intervalBacktests} tahun lalu`,
          }
        : { en: 'interval from the benchmark', id: 'interval dari tolok ukur' };
    return { en: `${method.en}; ${width.en}`, id: `${method.id}; ${width.id}` };
  }

  /** `2015–2017` for consecutive years, else `2014, 2016, 2017`. */
  private years(): string {
    const ys = this.p.projectionYears;
    const consecutive = ys.every((y, i) => i === 0 || y === ys[i - 1] + 1);
    return consecutive && ys.length > 1 ? `${ys[0]}–${ys[ys.length - 1]}` : ys.join(', ');
  }

  /** The projection's method and its interval's source, in words. */
  private methodNote(): Label {
    const { p } = this;
    const latest = p.projectionYears[p.projectionYears.length - 1];
    const several = p.projectionYears.length > 1;
    const growth: Label = {
      en: `the actual to date, plus what came after the same day in ${this.years()}${several ? " (each year's share of its total, the latest weighing most)" : ''} at the level of ${latest}, times this year's growth over ${latest} so far, damped early in the year when it says little.`,
      id: `realisasi s.d. tanggal, ditambah yang datang setelah tanggal yang sama pada ${this.years()}${several ? ' (pangsa tiap tahun dari totalnya, tahun terakhir berbobot terbesar)' : ''} pada tingkat ${latest}, dikali pertumbuhan tahun ini atas ${latest} sejauh ini, diredam di awal tahun saat belum banyak berarti.`,
    };
    const [first, ...later] = SMOOTHING_WEIGHTS;
    const weights = `${first} at the start of the year, ${Math.min(...later)} to ${Math.max(...later)} at the month ends after`;
    const weightsId = `${first} di awal tahun, ${Math.min(...later)} sampai ${Math.max(...later)} pada akhir bulan sesudahnya`;
    const smoothing = p.projectionMethod === 'seasonal-growth-holt-winters';
    const method: Label =
      p.projectionMethod === 'linear'
        ? {
            en: `Projected year-end, linear: the actual to date kept at the same pace for the whole year; there is no full year (January to December) before ${p.year} in the data to give the season.`,
            id: `Proyeksi akhir tahun, linear: realisasi s.d. tanggal dengan laju yang sama sepanjang tahun; tidak ada tahun penuh (Januari–Desember) sebelum ${p.year} di data untuk pola musimnya.`,
          }
        : smoothing
          ? {
              en: `Projected year-end, seasonal growth with Holt-Winters: a weighted mean of two projections. Seasonal growth: ${growth.en} Holt-Winters: the actual to date plus the rest of the year as a damped Holt-Winters smoothing of the months of ${this.years()} and of this year so far forecasts it (level, trend and monthly pattern, recent months weighing most); its weight, fitted on the benchmark, is ${weights}.`,
              id: `Proyeksi akhir tahun, pertumbuhan musiman dengan Holt-Winters: rata-rata berbobot dua proyeksi. Pertumbuhan musiman: ${growth.id} Holt-Winters: realisasi s.d. tanggal ditambah sisa tahun menurut pemulusan Holt-Winters teredam atas bulan-bulan ${this.years()} dan tahun ini sejauh ini (tingkat, tren dan pola bulanan, bulan terakhir berbobot terbesar); bobotnya, dipasang pada tolok ukur, ${weightsId}.`,
            }
          : { en: `Projected year-end, seasonal growth: ${growth.en}`, id: `Proyeksi akhir tahun, pertumbuhan musiman: ${growth.id}` };
    const width: Label =
      p.intervalBasis === 'history'
        ? {
            en: `Its 80% interval: the benchmark's spread at this point of the year, scaled by ${smoothing ? "seasonal growth's" : "the method's"} errors when it projects ${p.intervalBacktests} of these past years the same way.`,
            id: `Interval 80%-nya: sebaran tolok ukur pada titik tahun ini, diskalakan dengan galat ${smoothing ? 'pertumbuhan musiman' : 'metode ini'} saat memproyeksikan ${p.intervalBacktests} tahun lalu tersebut dengan cara yang sama.`,
          }
        : {
            en: `Its 80% interval: how far this method missed at this point of the year in ${formatInt(BENCHMARK.years, 'en')} years (${BENCHMARK.firstYear}–${BENCHMARK.lastYear}) of ${BENCHMARK.series} monthly tourism series of the Tourism Forecasting Competition (Athanasopoulos et al., 2011).`,
            id: `Interval 80%-nya: seberapa jauh metode ini meleset pada titik tahun ini dalam ${formatInt(BENCHMARK.years, 'id')} tahun (${BENCHMARK.firstYear}–${BENCHMARK.lastYear}) dari ${BENCHMARK.series} deret bulanan pariwisata Tourism Forecasting Competition (Athanasopoulos dkk., 2011).`,
          };
    return { en: `${method.en} ${width.en}`, id: `${method.id} ${width.id}` };
  }

  private paceRow(): DetailRow {
    const { p } = this;
    const name = { en: 'Pace to date', id: 'Laju s.d. tanggal' };
    if (p.pace === null) return [name, '-', this.reason('pace', p.unavailable.pace!)];
    return [name, label(PACE_NAMES[p.pace], this.locale), this.paceHow()];
  }

  private nullable(figure: NumericFigure, name: Label, show: (n: Ratio) => string, how: Label | (() => Label)): DetailRow {
    const value = this.p.exact[figure];
    if (value === null) return [name, '-', this.reason(figure, this.p.unavailable[figure]!)];
    return [name, show(value), typeof how === 'function' ? how() : how];
  }

  private reason(figure: NullableFigure, why: Unavailable): Label {
    const yoy = figure === 'previousToDate' || figure === 'yoyChangePercent' || figure === 'yoyChange';
    const { prev } = this;
    switch (why) {
      case 'no-previous-year':
        return { en: `not available: no ${prev} data to compare with`, id: `tidak tersedia: tidak ada data ${prev} untuk pembanding` };
      case 'previous-year-incomplete': {
        const until = yoy ? formatDate({ year: prev, month: this.p.asOf.month, day: null }, 'en') : `Dec ${prev}`;
        const untilId = yoy ? formatDate({ year: prev, month: this.p.asOf.month, day: null }, 'id') : `Desember ${prev}`;
        return {
          en: `not available: the ${prev} data does not run from January to ${until}`,
          id: `tidak tersedia: data ${prev} tidak lengkap dari Januari sampai ${untilId}`,
        };
      }
      case 'previous-year-zero':
        return { en: `not available: the ${prev} figure is 0`, id: `tidak tersedia: angka ${prev} bernilai 0` };
      case 'year-over':
        return { en: 'not available: the year is over', id: 'tidak tersedia: tahun sudah berakhir' };
    }
  }

  /** `22,780 / 39,000 (2017 through 9 Aug 2017 / whole year)`; the amounts when the model gives them. */
  private shareHow(): Label {
    const { p } = this;
    const [toDate, share] = [p.exact.previousToDate, p.exact.seasonalShare];
    const amounts =
      toDate !== null && share !== null && share.sign() > 0 ? `${this.amount(toDate)} / ${this.amount(toDate.dividedBy(share))} ` : '';
    return {
      en: `${amounts}(${this.prev} through ${formatDate(p.previousAsOf, 'en')} / whole year)`,
      id: `${amounts}(${this.prev} s.d. ${formatDate(p.previousAsOf, 'id')} / setahun)`,
    };
  }

  private statusHow(): Label {
    const { p } = this;
    const x = p.exact as Record<ExactFigure, Ratio>;
    const [target, actual] = [this.amount(x.target), this.amount(x.actual)];
    const range = `${this.amount(x.projectedLow)}–${this.amount(x.projectedHigh)}`;
    switch (p.status) {
      case 'achieved':
        return {
          en: `the year is over: actual ${actual} ≥ target ${target}`,
          id: `tahun sudah berakhir: realisasi ${actual} ≥ target ${target}`,
        };
      case 'missed':
        return {
          en: `the year is over: actual ${actual} < target ${target}`,
          id: `tahun sudah berakhir: realisasi ${actual} < target ${target}`,
        };
      case 'within-reach':
        return { en: `target ${target} inside the 80% interval ${range}`, id: `target ${target} di dalam interval 80% ${range}` };
      case 'behind':
        return { en: `target ${target} above the 80% interval ${range}`, id: `target ${target} di atas interval 80% ${range}` };
      case 'ahead':
        return p.actual >= p.target
          ? { en: `target ${target} already reached`, id: `target ${target} sudah tercapai` }
          : { en: `target ${target} below the 80% interval ${range}`, id: `target ${target} di bawah interval 80% ${range}` };
    }
  }

  private paceHow(): Label {
    const { p } = this;
    const expected = this.amount(p.exact.expected!);
    const tol = formatAsGiven(p.tolerancePercent, this.locale);
    return p.paceBasis === 'seasonal'
      ? { en: `actual vs seasonal expected ${expected}, ±${tol}%`, id: `realisasi vs seharusnya musiman ${expected}, ±${tol}%` }
      : { en: `actual vs linear expected ${expected}, ±${tol}%`, id: `realisasi vs seharusnya linear ${expected}, ±${tol}%` };
  }

  /** `51 ≤ 59.74 < 66 (final)`: the band's range the final or projected percent fell in. */
  private bandRange(bands: readonly BandSpec[]): Label {
    const { band, bandBasis } = this.p;
    const { percentAchieved, projectedPercent } = this.p.exact as Record<ExactFigure, Ratio>;
    const next = bands.filter((b) => b.min > band.min).reduce<number | null>((lo, b) => (lo === null || b.min < lo ? b.min : lo), null);
    const pct = formatDecimal(bandBasis === 'final' ? percentAchieved : projectedPercent, 2, this.locale);
    const range = `${formatAsGiven(band.min, this.locale)} ≤ ${pct}` + (next === null ? '' : ` < ${formatAsGiven(next, this.locale)}`);
    return bandBasis === 'final'
      ? { en: `${range} (final % achieved)`, id: `${range} (capaian akhir %)` }
      : { en: `${range} (projected year-end %)`, id: `${range} (proyeksi akhir tahun %)` };
  }

  private span(to: CalDate): Label {
    return {
      en: `1 Jan ${to.year} – ${formatDate(to, 'en')}`,
      id: `1 Januari ${to.year} – ${formatDate(to, 'id')}`,
    };
  }

  /** In the metric's unit: whole rupiah for spending, a whole count otherwise. */
  private amount(n: Ratio): string {
    return this.p.metric === 'spending' ? formatMoney(BigInt(roundHalfUp(n, 0)), this.locale) : formatInt(n, this.locale);
  }

  private rate(n: Ratio): string {
    return this.p.metric === 'spending' ? this.amount(n) : formatDecimal(n, 1, this.locale);
  }

  private pct(n: Ratio, decimals: number): string {
    return formatPercent(n, decimals, this.locale);
  }

  private signed(text: string, n: Ratio): string {
    return n.sign() > 0 ? `+${text}` : text;
  }

  private l(text: { en: string; id: string }): string {
    return label(text, this.locale);
  }
}
