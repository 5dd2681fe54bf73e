/**
 * Arrivals per period for `visitstat summary`: domestic (wisnus), foreign (wisman), total, foreign
 * share and growth. Daily rows are summed into their period. Nothing is invented:
 * - only periods present in the data appear (a gap is not filled with zeros);
 * - a segment with no row in a period is null there (not 0), and so are that period's total and
 *   foreign share;
 * - growth compares with the previous period of the same unit (month-on-month, quarter-on-quarter,
 *   or year-on-year for years) and with the same period a year earlier; it is null when that
 *   period or segment is absent from the data, or its figure is 0;
 * - with the data's coverage (coverage.ts), a period covered only in part says so, and growth is
 *   computed only between periods covered alike (both whole, or both cut at the same days: "like for
 *   like"); against one covered otherwise it is null, its basis `partial`.
 * Shares and growth are exact ratios (src/stats/exact.ts): the view prints them rounded half up, and
 * JSON writes them as the doubles it always did (the ratio's double, times 100 for percentages).
 */
import { Ratio } from '../stats/exact';
import { type Coverage, type PeriodCoverage, alike } from './coverage';
import { type Period, periodFromKey, periodKey, previousPeriod, samePeriodLastYear } from './period';
import { isYearDate } from './dates';
import { exactSum } from './exact';
import type { ArrivalRow, Segment } from './records';
import { periodKeyOfDate } from './summary-keys';

export type ArrivalUnit = 'month' | 'quarter' | 'year';

/** Growth as a ratio: 1/4 means +25 %. */
export interface GrowthRatios {
  domestic: Ratio | null;
  foreign: Ratio | null;
  total: Ratio | null;
}

/**
 * What a growth figure compares: two whole periods, two cut alike (`like-for-like`), or nothing, as the
 * earlier period is not in the data (`no-earlier-period`) or is covered otherwise (`partial`).
 */
export type GrowthBasis = 'whole' | 'like-for-like' | 'partial' | 'no-earlier-period';

export interface ArrivalPeriodRow {
  period: Period;
  /** A year whose figures are (in part) annual figures, not the sum of finer ones. */
  annual?: true;
  domestic: number | null;
  foreign: number | null;
  /** domestic + foreign; null when either is absent. */
  total: number | null;
  /** foreign / total, 0..1; null when total is null or 0. */
  foreignShare: Ratio | null;
  /** Against the previous period of the same unit. */
  previousGrowth: GrowthRatios;
  previousBasis: GrowthBasis;
  /** Against the same period one year earlier. */
  yearOnYearGrowth: GrowthRatios;
  yearOnYearBasis: GrowthBasis;
  /** The days the data covers of the period; null when no coverage was given (then taken as whole). */
  coverage: PeriodCoverage | null;
}

export interface ArrivalTotals {
  /** Sums over all periods; a segment is null when the data has no row of it at all. */
  domestic: number | null;
  foreign: number | null;
  /** null when any period lacks a segment: a sum over unequal spans would mislead. */
  total: number | null;
  foreignShare: Ratio | null;
  /** Periods with only one segment present. */
  incompletePeriods: number;
}

/** An annual figure (a year alone as the period) the summary could not show as it is. */
export interface AnnualFigure {
  year: number;
  segment: Segment;
  count: number;
  /** When finer figures (months, days) of the same year and segment are in the data: their sum, which wins. */
  finer?: number;
}

export interface ArrivalSummary {
  unit: ArrivalUnit;
  /** Chronological. */
  periods: ArrivalPeriodRow[];
  totals: ArrivalTotals;
  /** Annual figures of years with no finer figures, under a unit finer than the year: not in `periods`. */
  annualOnly: AnnualFigure[];
  /** Annual figures of years whose finer figures are in the data: never added to them (the finer win). */
  annualOverlapped: AnnualFigure[];
}

type SegmentCounts = Record<Segment, number | null>;

/** An ArrivalSummarizer's state as plain data (structured-clone safe). */
export interface ArrivalSummaryData {
  unit: ArrivalUnit;
  counts: [number, SegmentCounts][];
  annual: [number, SegmentCounts][];
}

export class ArrivalSummarizer {
  private readonly unit: ArrivalUnit;
  /** One entry per period (never per row), keyed by periodKey. */
  private readonly counts = new Map<number, SegmentCounts>();
  /** Annual figures by year, kept apart: placed by result() where no finer figure covers their year. */
  private readonly annual = new Map<number, SegmentCounts>();

  constructor(opts: { unit: ArrivalUnit }) {
    this.unit = opts.unit;
  }

  add(row: ArrivalRow): void {
    const period = row.period;
    if (isYearDate(period)) return addCount(this.annual, period.year, row.segment, row.count);
    addCount(this.counts, periodKeyOfDate(period, this.unit)!, row.segment, row.count);
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
    const copy = (map: Map<number, SegmentCounts>) => [...map].map(([key, c]): [number, SegmentCounts] => [key, { ...c }]);
    return { unit: this.unit, counts: copy(this.counts), annual: copy(this.annual) };
  }

  /** Adds the rows of a summarizer of the same unit, given as toData() gave its state. */
  absorb(data: ArrivalSummaryData): void {
    if (data.unit !== this.unit) throw new Error('ArrivalSummarizer: merging summarizers with different units');
    for (const [map, theirs] of [
      [this.counts, data.counts],
      [this.annual, data.annual],
    ] as const) {
      for (const [key, c] of theirs) for (const segment of SEGMENTS) if (c[segment] !== null) addCount(map, key, segment, c[segment]);
    }
  }

  /**
   * The periods, with the annual figures placed: a year's annual figure of a segment is never added to
   * finer figures of that year and segment (they win; it is listed in annualOverlapped); with no finer
   * figures it is the year's figure when the unit is the year, else listed in annualOnly. With
   * `coverage` (the arrivals' days, cut by --from/--to), each period says what of it is covered.
   */
  result(coverage?: Coverage): ArrivalSummary {
    const counts = new Map([...this.counts].map(([key, c]) => [key, { ...c }]));
    const finer = new Map<number, SegmentCounts>();
    for (const [key, c] of this.counts) {
      const year = yearOfKey(this.unit, key);
      for (const segment of SEGMENTS) if (c[segment] !== null) addCount(finer, year, segment, c[segment]);
    }
    const annualOnly: AnnualFigure[] = [];
    const annualOverlapped: AnnualFigure[] = [];
    const annualYears = new Set<number>();
    for (const [year, c] of [...this.annual].sort(([a], [b]) => a - b)) {
      for (const segment of SEGMENTS) {
        const count = c[segment];
        if (count === null) continue;
        const sum = finer.get(year)?.[segment] ?? null;
        if (sum !== null) annualOverlapped.push({ year, segment, count, finer: sum });
        else if (this.unit === 'year') {
          addCount(counts, year, segment, count);
          annualYears.add(year);
        } else annualOnly.push({ year, segment, count });
      }
    }
    // An annual figure covers its year where it alone makes the year's figures (finer ones win over it).
    coverage = coverage?.withAnnualYears(new Set([...annualYears].filter((year) => !finer.has(year))));
    const periods = [...counts.keys()]
      .sort((a, b) => a - b)
      .map((key): ArrivalPeriodRow => {
        const period = periodFromKey(this.unit, key);
        const figures = figuresOf(counts.get(key)!);
        const covered = { period, coverage: coverage?.of(period) ?? null };
        const previous = compare(counts, figures, covered, previousPeriod(period), coverage);
        const yearOnYear = compare(counts, figures, covered, samePeriodLastYear(period), coverage);
        return {
          period,
          ...(this.unit === 'year' && annualYears.has(key) ? { annual: true as const } : {}),
          ...figures,
          previousGrowth: previous.growth,
          previousBasis: previous.basis,
          yearOnYearGrowth: yearOnYear.growth,
          yearOnYearBasis: yearOnYear.basis,
          coverage: covered.coverage,
        };
      });
    const totals = totalsOf(periods);
    // Every figure is at most the sum of both segments over all periods.
    exactSum((totals.domestic ?? 0) + (totals.foreign ?? 0), 'the arrivals (domestic and foreign, all periods)');
    return { unit: this.unit, periods, totals, annualOnly, annualOverlapped };
  }
}

/** Growth against an earlier period, when it is in the data and covered alike. */
function compare(
  counts: Map<number, SegmentCounts>,
  figures: Figures,
  current: { period: Period; coverage: PeriodCoverage | null },
  earlier: Period | null,
  coverage: Coverage | undefined,
): { growth: GrowthRatios; basis: GrowthBasis } {
  const found = earlier && counts.get(periodKey(earlier));
  if (!found) return { growth: NO_GROWTH, basis: 'no-earlier-period' };
  const earlierCoverage = coverage?.of(earlier!) ?? null;
  if (current.coverage === null || earlierCoverage === null) return { growth: growth(figures, figuresOf(found)), basis: 'whole' };
  if (!alike(current as { period: Period; coverage: PeriodCoverage }, { period: earlier!, coverage: earlierCoverage })) {
    return { growth: NO_GROWTH, basis: 'partial' };
  }
  return { growth: growth(figures, figuresOf(found)), basis: current.coverage.partial ? 'like-for-like' : 'whole' };
}

const SEGMENTS: readonly Segment[] = ['domestic', 'foreign'];

function addCount(map: Map<number, SegmentCounts>, key: number, segment: Segment, count: number): void {
  let counts = map.get(key);
  if (counts === undefined) map.set(key, (counts = { domestic: null, foreign: null }));
  counts[segment] = (counts[segment] ?? 0) + count;
}

/** The year of a period key of the unit (periodKey: yyyymm, yyyyq, yyyy). */
function yearOfKey(unit: ArrivalUnit, key: number): number {
  return unit === 'month' ? Math.floor(key / 100) : unit === 'quarter' ? Math.floor(key / 10) : key;
}

const NO_GROWTH: GrowthRatios = Object.freeze({ domestic: null, foreign: null, total: null });

type Figures = Pick<ArrivalPeriodRow, 'domestic' | 'foreign' | 'total' | 'foreignShare'>;

function figuresOf({ domestic, foreign }: SegmentCounts): Figures {
  const total = domestic !== null && foreign !== null ? domestic + foreign : null;
  return { domestic, foreign, total, foreignShare: share(foreign, total) };
}

function share(part: number | null, total: number | null): Ratio | null {
  return part === null || !total ? null : Ratio.of(part, total);
}

function growth(current: Figures, previous: Figures): GrowthRatios {
  return {
    domestic: ratio(current.domestic, previous.domestic),
    foreign: ratio(current.foreign, previous.foreign),
    total: ratio(current.total, previous.total),
  };
}

function ratio(current: number | null, previous: number | null): Ratio | null {
  return current === null || !previous ? null : Ratio.of(current - previous, previous);
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
