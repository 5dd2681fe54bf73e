/**
 * The report's delegations month by month beside the year before: delegations and visitors of each
 * month in both years, and the change in visitors where the two months are covered alike (a month the
 * logs cover only in part is never compared with a whole one). Shown when the logs have both years.
 */
import { type Coverage, type PeriodCoverage, alike } from '../model/coverage';
import type { Period } from '../model/period';
import type { DelegationSummary } from '../model/summary';
import { Ratio } from '../stats/exact';
import type { BarChart, ChartSeries } from '../render/charts';
import { type Label, type Row, type Table, bilingual, formatPartialPeriod, formatPeriod } from '../render';
import type { ViewSettings } from './shared';

type Month = Extract<Period, { unit: 'month' }>;

interface MonthFigures {
  period: Month;
  delegations: number;
  visitors: number;
  coverage: PeriodCoverage;
}

export interface MonthPair {
  month: number;
  /** null when the logs do not cover the month in that year. */
  previous: MonthFigures | null;
  current: MonthFigures | null;
  /** Percentage points; null unless both months are covered alike and the earlier one had visitors. */
  visitorsChange: Ratio | null;
}

/** The months either year's logs cover, in calendar order; empty when either year has no delegations. */
export function monthPairs(current: DelegationSummary, previous: DelegationSummary, year: number, coverage: Coverage): MonthPair[] {
  const figures = (summary: DelegationSummary, y: number, month: number): MonthFigures | null => {
    const period: Month = { unit: 'month', year: y, month };
    const covered = coverage.of(period);
    if (!covered) return null;
    const group = summary.groups.find((g) => {
      const key = g.key.month as Period | null | undefined;
      return key?.unit === 'month' && key.year === y && key.month === month;
    });
    return { period, delegations: group?.stats.count ?? 0, visitors: group?.stats.sum ?? 0, coverage: covered };
  };
  const pairs: MonthPair[] = [];
  for (let month = 1; month <= 12; month++) {
    const before = figures(previous, year - 1, month);
    const now = figures(current, year, month);
    if (!before && !now) continue;
    const comparable = before && now && before.visitors > 0 && alike(before, now);
    const visitorsChange = comparable ? Ratio.of(now.visitors - before.visitors, before.visitors).times(100) : null;
    pairs.push({ month, previous: before, current: now, visitorsChange });
  }
  return pairs;
}

/** The table (and, in HTML, its chart's data): one row per month, the current year's period naming it. */
export function yearOnYearTable(pairs: MonthPair[], year: number, view: ViewSettings): Table {
  const before = year - 1;
  const int = (key: string, en: string, id: string) => ({ key, label: { en, id }, kind: 'int' as const });
  const cell = (f: MonthFigures | null, of: 'delegations' | 'visitors') => (f ? f[of] : null);
  const rows: Row[] = pairs.map((p) => ({
    month: p.current?.coverage.partial
      ? { period: p.current.period, covered: p.current.coverage.ranges }
      : ({ unit: 'month', year, month: p.month } as const),
    delegationsPrevious: cell(p.previous, 'delegations'),
    delegations: cell(p.current, 'delegations'),
    visitorsPrevious: cell(p.previous, 'visitors'),
    visitors: cell(p.current, 'visitors'),
    visitorsChangePct: p.visitorsChange,
  }));
  return {
    id: 'delegationsYearOnYear',
    title: { en: `Delegations by month, ${year} against ${before}`, id: `Delegasi per bulan, ${year} dibanding ${before}` },
    columns: [
      { key: 'month', label: { en: 'Month', id: 'Bulan' }, kind: 'period' },
      int('delegationsPrevious', `Delegations ${before}`, `Delegasi ${before}`),
      int('delegations', `Delegations ${year}`, `Delegasi ${year}`),
      int('visitorsPrevious', `Visitors ${before}`, `Wisatawan ${before}`),
      int('visitors', `Visitors ${year}`, `Wisatawan ${year}`),
      { key: 'visitorsChangePct', label: { en: 'Change in visitors', id: 'Perubahan wisatawan' }, kind: 'percent' },
    ],
    rows,
    notes: view.machine ? [] : yearOnYearNotes(pairs),
  };
}

/**
 * Visitors of each month in both years, side by side; a month either year's logs cover only in part is
 * hatched in that year's bar.
 */
export function yearOnYearChart(pairs: MonthPair[], year: number): BarChart {
  const series = (name: Label, of: 'previous' | 'current'): ChartSeries => ({
    name,
    values: pairs.map((p) => p[of]?.visitors ?? null),
    partial: pairs.map((p) => p[of]?.coverage.partial === true),
  });
  return {
    id: 'visitorsYearOnYear',
    title: {
      en: `Delegation visitors by month, ${year} against ${year - 1}`,
      id: `Wisatawan kinerja per bulan, ${year} dibanding ${year - 1}`,
    },
    after: 'delegationsYearOnYear',
    kind: 'groupedBars',
    // The month's name alone: each bar is of one of two years.
    categories: pairs.map((p) => bilingual((l) => formatPeriod({ unit: 'month', year, month: p.month }, l).split(' ')[0].slice(0, 3))),
    series: [
      series({ en: `Visitors ${year - 1}`, id: `Wisatawan ${year - 1}` }, 'previous'),
      series({ en: `Visitors ${year}`, id: `Wisatawan ${year}` }, 'current'),
    ],
  };
}

/** A month of `delegations.yearOnYear` in the JSON document (fields listed in the README). */
export function monthPairJson(p: MonthPair): Record<string, unknown> {
  const figures = (f: MonthFigures | null) =>
    f && { year: f.period.year, delegations: f.delegations, visitors: f.visitors, partial: f.coverage.partial };
  return { month: p.month, previous: figures(p.previous), current: figures(p.current), visitorsChangePct: p.visitorsChange };
}

/** Which months are covered only in part (and so not compared), and what a dash means. */
function yearOnYearNotes(pairs: MonthPair[]): Label[] {
  const partial = pairs.flatMap((p) => [p.previous, p.current]).filter((f): f is MonthFigures => f?.coverage.partial === true);
  const notes: Label[] = [];
  if (partial.length) {
    const months = (l: 'en' | 'id') =>
      partial.map((f) => formatPartialPeriod({ period: f.period, covered: f.coverage.ranges }, l)).join(', ');
    notes.push(
      bilingual((l) =>
        l === 'en' ? `Covered only in part by the delegation logs: ${months(l)}.` : `Hanya sebagian tercakup log delegasi: ${months(l)}.`,
      ),
    );
  }
  notes.push({
    en: 'A dash: the logs do not cover that month, or the change is not computed because the two months are not covered alike or the earlier one had no visitors.',
    id: 'Tanda pisah: log tidak mencakup bulan itu, atau perubahan tidak dihitung karena kedua bulan tidak tercakup sama atau bulan sebelumnya tanpa wisatawan.',
  });
  return notes;
}
