/**
 * The one pass behind `visitstat report`: a RowSink that feeds, row by row, every model the report
 * shows, so each input file is read once. The report year is only known at the end (it defaults to
 * what the data holds), so per-year models are made lazily, one set per year seen.
 *
 * - delegations, per year: overall and by month, top origins, by type, by purpose (summary.ts);
 * - arrivals, all years: per month and per year (growth needs the earlier periods);
 * - spending, per year (spending.ts), so that a year's total is that year's alone;
 * - progress metrics, all years (metrics.ts: seasonal figures need the previous year).
 */
import { type ArrivalFiguresData, ArrivalFigures } from './arrival-figures';
import { destinationKey } from './arrival-key';
import type { Coverage } from './coverage';
import type { CalDate } from './dates';
import { grown } from './grown';
import { feedMetrics } from './metric-sink';
import { ArrivalSummarizer, DelegationSummarizer, type DelegationSummaryData } from './summary';
import { type ArrivalGroups, arrivalGroups } from './summary-breakdown';
import { ReportTally, type ReportTallyData, type TallyYears } from './report-tally';
import { type SpendingData, type SpendingOptions, SpendingEstimator } from './spending';
import { spendingRows } from './spending-sink';
import { MetricSeries, type MetricSeriesData, type SpendingValuation } from './metrics';
import type { ArrivalBatch, ArrivalRow, DelegationBatch, DelegationRow, Kind } from './records';

export const TOP_ORIGINS = 10;

/** A YearDelegations' state as plain data: toData() gives it, absorb() takes it. */
export type YearDelegationsData = Record<'byMonth' | 'byOrigin' | 'byType' | 'byPurpose', DelegationSummaryData>;

export class YearDelegations {
  readonly byMonth = new DelegationSummarizer({ groupBy: ['month'] });
  readonly byOrigin = new DelegationSummarizer({ groupBy: ['origin'], top: TOP_ORIGINS });
  readonly byType = new DelegationSummarizer({ groupBy: ['type'] });
  readonly byPurpose = new DelegationSummarizer({ groupBy: ['purpose'] });

  add(row: DelegationRow): void {
    this.byMonth.add(row);
    this.byOrigin.addValue(row.origin, row);
    this.byType.addValue(row.type, row);
    this.byPurpose.addValue(row.purpose, row);
  }

  /** Rows rows[0 .. count - 1] of a batch, each summary keyed by the batch's codes. */
  addRows(batch: DelegationBatch, rows: Int32Array, count: number): void {
    this.byMonth.addBatch(batch, rows, count);
    this.byOrigin.addBatch(batch, rows, count);
    this.byType.addBatch(batch, rows, count);
    this.byPurpose.addBatch(batch, rows, count);
  }

  toData(): YearDelegationsData {
    return {
      byMonth: this.byMonth.toData(),
      byOrigin: this.byOrigin.toData(),
      byType: this.byType.toData(),
      byPurpose: this.byPurpose.toData(),
    };
  }

  absorb(data: YearDelegationsData): void {
    this.byMonth.absorb(data.byMonth);
    this.byOrigin.absorb(data.byOrigin);
    this.byType.absorb(data.byType);
    this.byPurpose.absorb(data.byPurpose);
  }
}

/** A ReportCollector's state as plain data (structured-clone safe): toData() gives it, absorb() takes it. */
export interface ReportCollectorData {
  /** The summaries of the rows the tally left to them; the tally's counts are in `tally`. */
  delegations: [number, YearDelegationsData][];
  tally: ReportTallyData;
  arrivals: ArrivalFiguresData;
  spending: [number, SpendingData][];
  metrics: MetricSeriesData;
  years: Record<Kind, number[]>;
}

/** The report's sink (a MergeableSink, src/model/sinks.ts): every model fed from one read. */
export class ReportCollector {
  /** Each year's summaries, with every row counted: see `delegations`. */
  private readonly byYear = new Map<number, YearDelegations>();
  /** The rows of batches, counted by code until the summaries are read (delegationBatch). */
  private readonly tally: ReportTally;
  /** Reused from batch to batch: the rows the tally leaves to the summaries. */
  private left = new Int32Array(0);
  /** Reused: 0, 1, 2, ... (every row of a batch). */
  private rows = new Int32Array(0);
  readonly arrivalsByMonth = new ArrivalSummarizer({ unit: 'month' });
  readonly arrivalsByYear = new ArrivalSummarizer({ unit: 'year' });
  /** Arrivals as read, kept apart by breakdown; the models above are fed from its views by feedArrivals(). */
  readonly figures = new ArrivalFigures({ granularity: 'day', keep: ['destination', 'country'] });
  private readonly estimators = new Map<number, SpendingEstimator>();
  private readonly series: MetricSeries;
  /** Each destination a target names, by key: its arrivals' metrics. */
  readonly destinations = new Map<string, MetricSeries>();
  /** Years with rows of each kind. */
  readonly years: Record<Kind, Set<number>> = { delegations: new Set(), arrivals: new Set() };
  private fed = false;

  /**
   * `spendingOptions.rates` is the table the view names each rate's source from (by identity).
   * `tallied`: the years whose summaries are whole (see TallyYears: a batch's rows of other years are
   * left out of them; the metrics and spending have every row).
   */
  constructor(
    readonly spendingOptions: Omit<SpendingOptions, 'unit'>,
    valuation?: SpendingValuation,
    destinations: readonly string[] = [],
    tallied: TallyYears = 'all',
  ) {
    this.tally = new ReportTally((year, dim) => this.yearDelegations(year)[dim], tallied);
    this.series = new MetricSeries(valuation);
    for (const name of destinations) this.destinations.set(destinationKey(name), new MetricSeries());
  }

  /** The progress metrics, every row read in them. */
  get metrics(): MetricSeries {
    this.days.flush(this.onDay);
    return this.series;
  }

  /** The spending estimates by year, every row read in them. */
  get spending(): ReadonlyMap<number, SpendingEstimator> {
    this.days.flush(this.onDay);
    return this.estimators;
  }

  /** Each year's summaries of the delegations (by month, origin, type and purpose), every row read in them (in the years the constructor's `tallied` names). */
  get delegations(): ReadonlyMap<number, YearDelegations> {
    this.tally.flush();
    return this.byYear;
  }

  /** One year's summaries of the delegations, every row of the year read in them (a year `tallied` names); undefined: no row of the year. */
  delegationsOf(year: number): YearDelegations | undefined {
    this.tally.flushYear(year);
    return this.byYear.get(year);
  }

  /** One year's summary of the delegations by month (as delegationsOf(year).byMonth), its other summaries left unfilled. */
  monthsOf(year: number): DelegationSummarizer | undefined {
    this.tally.flushYear(year, true);
    return this.byYear.get(year)?.byMonth;
  }

  delegation(row: DelegationRow): void {
    const year = row.date.year;
    this.years.delegations.add(year);
    this.yearDelegations(year).add(row);
    this.estimator(year).addDelegation(row);
    this.series.delegation(row);
  }

  /**
   * A batch of delegation rows, as delegation() would take them one by one: counted for their years'
   * summaries by the batch's codes (ReportTally; a row it cannot count filed through them by its codes,
   * a year's rows at a time), the metrics and spending fed by the day (DaySums; spending valued per
   * night, row by row): no row object is made.
   */
  delegationBatch(batch: DelegationBatch): void {
    const { date, people, nights } = batch.values;
    if (this.rows.length < batch.length) {
      this.rows = Int32Array.from({ length: batch.length }, (_, i) => i);
      this.left = new Int32Array(batch.length);
    }
    const left = this.tally.addRows(batch, this.rows, batch.length, this.left);
    if (left > 0) this.fileByYear(batch, this.left, left);
    this.days.add(batch, this.onDay, this.years.delegations);
    if (this.spendingOptions.basis !== 'visit') {
      for (let i = 0; i < batch.length; i++)
        this.estimator(date[i].year).addDelegationOf(date[i], people[i], nights[i] < 0 ? null : nights[i]);
    }
    if (!this.series.valuesDelegations) return;
    for (let i = 0; i < batch.length; i++) this.series.valueDelegation(date[i], people[i], nights[i] < 0 ? null : nights[i]);
  }

  arrival(row: ArrivalRow): void {
    this.years.arrivals.add(row.period.year);
    this.figures.add(row);
  }

  arrivalBatch(batch: ArrivalBatch): void {
    for (let i = 0; i < batch.length; i++) this.years.arrivals.add(batch.period[i].year);
    this.figures.addBatch(batch);
  }

  /** Once every input is read: the arrivals models fed from the figures' views (never two breakdowns added together). */
  feedArrivals(): void {
    if (this.fed) return;
    this.fed = true;
    for (const row of this.figures.select([])) {
      this.arrivalsByMonth.add(row);
      this.arrivalsByYear.add(row);
    }
    const markets = this.spendingOptions.rates.rules.some((rule) => rule.country !== undefined);
    for (const row of spendingRows(this.figures, null, markets)) this.estimator(row.period.year).addArrival(row);
    feedMetrics(this.figures, this.series, markets);
    if (this.destinations.size === 0) return;
    for (const row of this.figures.select(['destination']))
      if (row.destination != null) this.destinations.get(row.destination)?.arrival(row);
  }

  /** Arrivals by destination (or country) and year, for the top destinations and markets. */
  arrivalGroups(dim: 'destination' | 'country', coverage?: Coverage): ArrivalGroups {
    return arrivalGroups(this.figures, { order: [dim, 'year'], coverage });
  }

  /**
   * Groups held in the summaries so far (rows of values past the tally's slots: a year's origins when
   * they are many), so that the two-thread reader can keep a file of millions of origins on one thread.
   */
  groupCount(): number {
    let groups = 0;
    for (const parts of this.byYear.values()) groups += parts.byOrigin.groupCount;
    return groups;
  }

  /** The state as plain data, to cross to another thread. */
  toData(): ReportCollectorData {
    return {
      // The tally's counts cross as they are (a few MB); made into groups there, only for the years read.
      delegations: [...this.byYear].map(([year, parts]) => [year, parts.toData()]),
      tally: this.tally.toData(),
      arrivals: this.figures.toData(),
      spending: [...this.spending].map(([year, estimator]) => [year, estimator.toData()]),
      metrics: this.metrics.toData(),
      years: { delegations: [...this.years.delegations], arrivals: [...this.years.arrivals] },
    };
  }

  /** Adds the rows of a collector built with the same options, given as toData() gave its state. */
  absorb(data: ReportCollectorData): void {
    for (const [year, parts] of data.delegations) this.yearDelegations(year).absorb(parts);
    this.tally.absorb(data.tally);
    this.figures.absorb(data.arrivals);
    for (const [year, spending] of data.spending) this.estimator(year).absorb(spending);
    this.series.absorb(data.metrics);
    for (const kind of ['delegations', 'arrivals'] as const) data.years[kind].forEach((year) => this.years[kind].add(year));
  }

  /**
   * The year to report by default: the latest year with data of every kind read, so that every
   * section has something to show; the latest year with any data when no year has all kinds.
   */
  defaultYear(): number | null {
    const kinds = (Object.keys(this.years) as Kind[]).filter((k) => this.years[k].size > 0);
    if (kinds.length === 0) return null;
    const all = [...new Set(kinds.flatMap((k) => [...this.years[k]]))].sort((a, b) => b - a);
    return all.find((y) => kinds.every((k) => this.years[k].has(y))) ?? all[0];
  }

  /** Visitors and delegations by date code, for the metrics and (valued per visit) spending. */
  private readonly days = new DaySums();

  /** A day's delegations, added up: counted in the metrics and, valued per visit, in the year's spending. */
  private readonly onDay = (date: CalDate, visitors: number, delegations: number): void => {
    this.series.delegationsOn(date, visitors, delegations);
    if (this.spendingOptions.basis === 'visit') this.estimator(date.year).addVisitsOn(date, visitors, delegations);
  };

  /** Rows rows[0 .. count - 1] of a batch to their years' summaries, a year's rows at a time (in order within a year). */
  private fileByYear(batch: DelegationBatch, rows: Int32Array, count: number): void {
    const { date } = batch.values;
    for (const part of this.rowsByYear.values()) part.count = 0;
    let last: YearRows | undefined;
    for (let k = 0; k < count; k++) {
      const year = date[rows[k]].year;
      if (last === undefined || last.year !== year) last = this.yearRows(year);
      if (last.count === last.rows.length) last.rows = grown(last.rows, 2 * last.rows.length);
      last.rows[last.count++] = rows[k];
    }
    for (const part of this.rowsByYear.values()) if (part.count > 0) this.yearDelegations(part.year).addRows(batch, part.rows, part.count);
  }

  /** Reused from batch to batch: the rows of each year of the current batch. */
  private readonly rowsByYear = new Map<number, YearRows>();

  private yearRows(year: number): YearRows {
    let part = this.rowsByYear.get(year);
    if (!part) this.rowsByYear.set(year, (part = { year, rows: new Int32Array(1024), count: 0 }));
    return part;
  }

  private yearDelegations(year: number): YearDelegations {
    let parts = this.byYear.get(year);
    if (!parts) this.byYear.set(year, (parts = new YearDelegations()));
    return parts;
  }

  private estimator(year: number): SpendingEstimator {
    let estimator = this.estimators.get(year);
    if (!estimator) this.estimators.set(year, (estimator = new SpendingEstimator({ ...this.spendingOptions, unit: 'year' })));
    return estimator;
  }
}

/** The rows of one year in a batch: rows[0 .. count - 1]. */
interface YearRows {
  year: number;
  rows: Int32Array;
  count: number;
}

/** Where a day's delegations go, added up. */
type DayTarget = (date: CalDate, visitors: number, delegations: number) => void;

/**
 * Visitors and delegations by date code, added up over a file's batches and given on at the end of its
 * code space (or when the metrics or spending are read): one addition per day where each row took its
 * own (sums of whole numbers: exact in any order).
 */
class DaySums {
  private codeSpace: object | null = null;
  /** By date code; visitors -1: not met. */
  private visitors = new Float64Array(0);
  private delegations = new Float64Array(0);
  /** The codes met, in order, and the date of each. */
  private codes: number[] = [];
  private dates: CalDate[] = [];

  /** Adds a batch's rows; `years` gets the year of each. */
  add(batch: DelegationBatch, onDay: DayTarget, years: Set<number>): void {
    if (batch.codeSpace !== this.codeSpace) {
      this.flush(onDay);
      this.codeSpace = batch.codeSpace;
    }
    const { date, people } = batch.values;
    const codes = batch.codes.date;
    for (let i = 0; i < batch.length; i++) {
      const code = codes[i];
      if (code < 0) {
        years.add(date[i].year);
        onDay(date[i], people[i], 1);
        continue;
      }
      if (code >= this.visitors.length) this.widen(code);
      if (this.visitors[code] < 0) {
        years.add(date[i].year);
        this.codes.push(code);
        this.dates.push(date[i]);
        this.visitors[code] = 0;
      }
      this.visitors[code] += people[i];
      this.delegations[code]++;
    }
  }

  flush(onDay: DayTarget): void {
    this.codes.forEach((code, k) => onDay(this.dates[k], this.visitors[code], this.delegations[code]));
    this.codeSpace = null;
    this.visitors = new Float64Array(0);
    this.delegations = new Float64Array(0);
    this.codes = [];
    this.dates = [];
  }

  private widen(code: number): void {
    const size = Math.max(64, code + 1, this.visitors.length * 2);
    this.visitors = grown(this.visitors, size, -1);
    this.delegations = grown(this.delegations, size);
  }
}
