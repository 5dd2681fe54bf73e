/**
 * Arrivals per period for `visitstat summary`: domestic (wisnus), foreign (wisman), total, foreign
 * share and growth. Daily rows are summed into their period. Nothing is invented:
 * - only periods present in the data appear (a gap is not filled with zeros);
 * - a segment with no row in a period is null there (not 0), and so are that period's total and
 *   foreign share;
 * - growth compares with the previous period of the same unit (month-on-month, quarter-on-quarter,
 *   or year-on-year for years) and with the same period a year earlier; it is null when that
 *   period or segment is absent from the data, or its figure is 0.
 */
import { type Period, periodFromKey, periodKey, previousPeriod, samePeriodLastYear } from './period';
import type { ArrivalRow, Segment } from './records';
import { exactSum } from './exact';
import { periodKeyOfDate } from './summary-keys';

export type ArrivalUnit = 'month' | 'quarter' | 'year';

/** Growth as a ratio: 0.25 means +25 %. */
export interface GrowthRatios {
  domestic: number | null;
  foreign: number | null;
  total: number | null;
}

export interface ArrivalPeriodRow {
  period: Period;
  domestic: number | null;
  foreign: number | null;
  /** domestic + foreign; null when either is absent. */
  total: number | null;
  /** foreign / total, 0..1; null when total is null or 0. */
  foreignShare: number | null;
  /** Against the previous period of the same unit. */
  previousGrowth: GrowthRatios;
  /** Against the same period one year earlier. */
  yearOnYearGrowth: GrowthRatios;
}

export interface ArrivalTotals {
  /** Sums over all periods; a segment is null when the data has no row of it at all. */
  domestic: number | null;
  foreign: number | null;
  /** null when any period lacks a segment: a sum over unequal spans would mislead. */
  total: number | null;
  foreignShare: number | null;
  /** Periods with only one segment present. */
  incompletePeriods: number;
}

export interface ArrivalSummary {
  unit: ArrivalUnit;
  /** Chronological. */
  periods: ArrivalPeriodRow[];
  totals: ArrivalTotals;
}

type SegmentCounts = Record<Segment, number | null>;

/** An ArrivalSummarizer's state as plain data (structured-clone safe). */
export interface ArrivalSummaryData {
  unit: ArrivalUnit;
  counts: [number, SegmentCounts][];
}

export class ArrivalSummarizer {
  private readonly unit: ArrivalUnit;
  /** One entry per period (never per row), keyed by periodKey. */
  private readonly counts = new Map<number, SegmentCounts>();

  constructor(opts: { unit: ArrivalUnit }) {
    this.unit = opts.unit;
  }

  add(row: ArrivalRow): void {
    const key = periodKeyOfDate(row.period, this.unit)!;
    let counts = this.counts.get(key);
    if (counts === undefined) this.counts.set(key, (counts = { domestic: null, foreign: null }));
    counts[row.segment] = (counts[row.segment] ?? 0) + row.count;
  }

  /**
   * Adds the rows another summarizer of the same unit was given: the result is the same as one
   * summarizer's over all the rows, in any order (counts are whole numbers, summed exactly).
   */
  mergeFrom(other: ArrivalSummarizer): void {
    this.absorb(other.toData());
  }

  /** The state as plain data, to cross to another thread: absorb() takes it. */
  toData(): ArrivalSummaryData {
    return { unit: this.unit, counts: [...this.counts].map(([key, c]) => [key, { ...c }]) };
  }

  /** Adds the rows of a summarizer of the same unit, given as toData() gave its state. */
  absorb(data: ArrivalSummaryData): void {
    if (data.unit !== this.unit) throw new Error('ArrivalSummarizer: merging summarizers with different units');
    for (const [key, theirs] of data.counts) {
      let counts = this.counts.get(key);
      if (counts === undefined) this.counts.set(key, (counts = { domestic: null, foreign: null }));
      if (theirs.domestic !== null) counts.domestic = (counts.domestic ?? 0) + theirs.domestic;
      if (theirs.foreign !== null) counts.foreign = (counts.foreign ?? 0) + theirs.foreign;
    }
  }

  result(): ArrivalSummary {
    const periods = [...this.counts.keys()].sort((a, b) => a - b).map((key) => this.periodRow(key));
    const totals = totalsOf(periods);
    // Every figure is at most the sum of both segments over all periods.
    exactSum((totals.domestic ?? 0) + (totals.foreign ?? 0), 'the arrivals (domestic and foreign, all periods)');
    return { unit: this.unit, periods, totals };
  }

  private periodRow(key: number): ArrivalPeriodRow {
    const period = periodFromKey(this.unit, key);
    const figures = figuresOf(this.counts.get(key)!);
    return {
      period,
      ...figures,
      previousGrowth: growth(figures, this.figuresAt(previousPeriod(period))),
      yearOnYearGrowth: growth(figures, this.figuresAt(samePeriodLastYear(period))),
    };
  }

  private figuresAt(period: Period | null): Figures | null {
    const counts = period && this.counts.get(periodKey(period));
    return counts ? figuresOf(counts) : null;
  }
}

type Figures = Pick<ArrivalPeriodRow, 'domestic' | 'foreign' | 'total' | 'foreignShare'>;

function figuresOf({ domestic, foreign }: SegmentCounts): Figures {
  const total = domestic !== null && foreign !== null ? domestic + foreign : null;
  return { domestic, foreign, total, foreignShare: share(foreign, total) };
}

function share(part: number | null, total: number | null): number | null {
  return part === null || !total ? null : part / total;
}

function growth(current: Figures, previous: Figures | null): GrowthRatios {
  return {
    domestic: ratio(current.domestic, previous?.domestic),
    foreign: ratio(current.foreign, previous?.foreign),
    total: ratio(current.total, previous?.total),
  };
}

function ratio(current: number | null, previous: number | null | undefined): number | null {
  return current === null || !previous ? null : (current - previous) / previous;
}

function totalsOf(periods: ArrivalPeriodRow[]): ArrivalTotals {
  const domestic = sumPresent(periods.map((p) => p.domestic));
  const foreign = sumPresent(periods.map((p) => p.foreign));
  const incompletePeriods = periods.filter((p) => p.total === null).length;
  const total = domestic !== null && foreign !== null && incompletePeriods === 0 ? domestic + foreign : null;
  return { domestic, foreign, total, foreignShare: share(foreign, total), incompletePeriods };
}

/** Sum of the non-null values; null when all are null. */
function sumPresent(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}
