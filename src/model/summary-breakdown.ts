/**
 * Arrivals by destination and by country of residence (`summary --group-by destination|country`,
 * alone or crossed with month, quarter or year; the report's top destinations and source markets).
 *
 * - A group is one value of each dimension (a destination by its key, shown in the spelling most rows
 *   have; a country as one country whatever its spelling; a name no country has as written), and,
 *   crossed with a period, one period. The figures are those a view of the dimensions takes
 *   (arrival-figures.ts): figures by destination for destinations, by country for countries.
 * - Country of residence describes foreign arrivals: a view by country has foreign figures only.
 * - Per group and period: domestic, foreign, total (null where a segment has no figure), its share of
 *   the whole (the sum over all groups of that period, or of all the data without a period: of the
 *   total, or of foreign arrivals in a view by country), and growth against the previous period and the
 *   same period a year earlier (ArrivalSummarizer's, per group).
 * - Order: the dimensions as given; periods chronologically, values by their arrivals over all the
 *   data (total, or foreign by country), most first, then by name, then unknown (an empty cell), then
 *   (other). `--top N` keeps per dimension the N values with most arrivals over all the data and
 *   merges the rest into (other); unknown is never merged.
 * - Annual figures count in their year like every summary's (ArrivalSummarizer's rules, per group).
 */
import type { ArrivalFigures } from './arrival-figures';
import type { ArrivalDim } from './arrival-key';
import type { Country } from './countries';
import type { Period } from './period';
import type { ArrivalRow, Segment } from './records';
import { OTHER, type OtherCategories, isOther } from './summary';
import { Ratio } from '../stats/exact';
import type { Coverage, PeriodCoverage } from './coverage';
import { type ArrivalSummary, ArrivalSummarizer, type ArrivalUnit, type GrowthBasis, type GrowthRatios } from './summary-arrivals';

/** A country as shown: a known one, or a name no country has (as written). */
export type CountryLabel = Country | { name: string };

/** One group's value of a dimension: a destination's name, a country, null (unknown), or (other). */
export interface ArrivalGroupKey {
  destination?: string | null | OtherCategories;
  country?: CountryLabel | null | OtherCategories;
  period?: Period;
}

export interface ArrivalGroup {
  key: ArrivalGroupKey;
  domestic: number | null;
  foreign: number | null;
  total: number | null;
  /** Of the whole (see the file's header), 0..1; null when unknown. */
  share: Ratio | null;
  /** Crossed with a period: against the previous period and the same period a year earlier; else null. */
  previousGrowth: GrowthRatios | null;
  yearOnYearGrowth: GrowthRatios | null;
  /** Crossed with a period: what the growth figures compare (blank when covered otherwise), and the days the data covers. */
  previousBasis?: GrowthBasis;
  yearOnYearBasis?: GrowthBasis;
  coverage?: PeriodCoverage | null;
}

export interface ArrivalGroups {
  /** The dimensions as given: arrivals dimensions and at most one period unit. */
  order: (ArrivalDim | ArrivalUnit)[];
  dims: ArrivalDim[];
  unit: ArrivalUnit | null;
  /** What the share is of: `total` arrivals, or `foreign` ones (a view by country). */
  measure: 'total' | 'foreign';
  groups: ArrivalGroup[];
  /** Per dimension with an (other) group: how many values it merged. */
  otherValues: Partial<Record<ArrivalDim, number>>;
  /** How many values of each dimension the view has (unknown included, before --top). */
  values: Partial<Record<ArrivalDim, number>>;
  /** The whole the shares are of: per period (chronological), or one entry without a period. */
  wholes: { period: Period | null; value: number | null }[];
  /** Annual figures that a unit finer than the year could not place, or that finer figures of the same group replaced. */
  annualOnly: number;
  annualOverlapped: number;
}

export interface ArrivalGroupsOptions {
  order: (ArrivalDim | ArrivalUnit)[];
  top?: number;
  /** The arrivals' days (coverage.ts): partial periods are marked, and growth computed only like for like. */
  coverage?: Coverage;
}

const OTHER_KEY = '\u0000other';
const UNKNOWN_KEY = '\u0000unknown';

export function arrivalGroups(figures: ArrivalFigures, { order, top, coverage }: ArrivalGroupsOptions): ArrivalGroups {
  const dims = order.filter((d): d is ArrivalDim => d === 'destination' || d === 'country');
  const unit = (order.find((d) => d === 'month' || d === 'quarter' || d === 'year') as ArrivalUnit | undefined) ?? null;
  const measure = dims.includes('country') ? 'foreign' : 'total';
  const segments: Segment[] | undefined = measure === 'foreign' ? ['foreign'] : undefined;
  const rows = figures.select(dims, { segments });
  const partOf = (row: ArrivalRow, dim: ArrivalDim) => row[dim] ?? UNKNOWN_KEY;

  // Each value's arrivals over all the data: the order, and the top N.
  const sizes = dims.map(() => new Map<string, number>());
  for (const row of rows) dims.forEach((dim, i) => sizes[i].set(partOf(row, dim), (sizes[i].get(partOf(row, dim)) ?? 0) + row.count));
  const name = (dim: ArrivalDim, key: string) =>
    key === UNKNOWN_KEY ? '' : dim === 'destination' ? figures.destinationName(key) : labelText(figures.country(key));
  const ranked = dims.map((dim, i) =>
    [...sizes[i]]
      .filter(([key]) => key !== UNKNOWN_KEY)
      .sort(([a, x], [b, y]) => y - x || compareText(name(dim, a), name(dim, b)))
      .map(([key]) => key),
  );
  const kept = ranked.map((keys) => new Set(top === undefined ? keys : keys.slice(0, top)));
  const otherValues: Partial<Record<ArrivalDim, number>> = {};
  const values: Partial<Record<ArrivalDim, number>> = {};
  dims.forEach((dim, i) => {
    values[dim] = sizes[i].size;
    if (ranked[i].length > kept[i].size) otherValues[dim] = ranked[i].length - kept[i].size;
  });

  // One summarizer per group of values; the whole's own, for the shares per period.
  const unitOfGroups: ArrivalUnit = unit ?? 'year';
  const summarizers = new Map<string, { parts: string[]; summarizer: ArrivalSummarizer }>();
  for (const row of rows) {
    const parts = dims.map((dim, i) => {
      const key = partOf(row, dim);
      return key === UNKNOWN_KEY || kept[i].has(key) ? key : OTHER_KEY;
    });
    const id = parts.join('\u0001');
    let entry = summarizers.get(id);
    if (!entry) summarizers.set(id, (entry = { parts, summarizer: new ArrivalSummarizer({ unit: unitOfGroups }) }));
    entry.summarizer.add(row);
  }
  const results = [...summarizers.values()].map(({ parts, summarizer }) => ({ parts, result: summarizer.result(coverage) }));

  const measured = (f: { domestic: number | null; foreign: number | null; total: number | null }) =>
    measure === 'foreign' ? f.foreign : f.total;
  const groups: (ArrivalGroup & { parts: string[]; periodKey: number })[] = [];
  const wholes = new Map<number, { period: Period | null; value: number | null }>();
  const addWhole = (key: number, period: Period | null, value: number | null) => {
    const whole = wholes.get(key);
    if (!whole) wholes.set(key, { period, value });
    else whole.value = whole.value === null || value === null ? null : whole.value + value;
  };
  let annualOnly = 0;
  let annualOverlapped = 0;
  for (const { parts, result } of results) {
    annualOnly += result.annualOnly.length;
    annualOverlapped += result.annualOverlapped.length;
    const key = keyOf(parts, dims, figures);
    if (unit === null) {
      const { domestic, foreign, total } = overallOf(result);
      groups.push({ key, domestic, foreign, total, share: null, previousGrowth: null, yearOnYearGrowth: null, parts, periodKey: 0 });
      addWhole(0, null, measured({ domestic, foreign, total }));
      continue;
    }
    for (const p of result.periods) {
      const periodKey = keyOfPeriod(p.period);
      groups.push({
        key: { ...key, period: p.period },
        domestic: p.domestic,
        foreign: p.foreign,
        total: p.total,
        share: null,
        previousGrowth: p.previousGrowth,
        yearOnYearGrowth: p.yearOnYearGrowth,
        previousBasis: p.previousBasis,
        yearOnYearBasis: p.yearOnYearBasis,
        coverage: p.coverage,
        parts,
        periodKey,
      });
      addWhole(periodKey, p.period, measured(p));
    }
  }
  for (const group of groups) {
    const whole = wholes.get(group.periodKey)!.value;
    const value = measured(group);
    group.share = value === null || !whole ? null : Ratio.of(value, whole);
  }

  const ranks = ranked.map((keys) => new Map(keys.map((key, i) => [key, i])));
  const rankOf = (i: number, part: string) =>
    part === OTHER_KEY ? ranks[i].size + 1 : part === UNKNOWN_KEY ? ranks[i].size : ranks[i].get(part)!;
  const compare = (a: (typeof groups)[number], b: (typeof groups)[number]) => {
    for (const d of order) {
      const i = dims.indexOf(d as ArrivalDim);
      const diff = i < 0 ? a.periodKey - b.periodKey : rankOf(i, a.parts[i]) - rankOf(i, b.parts[i]);
      if (diff !== 0) return diff;
    }
    return 0;
  };
  return {
    order,
    dims,
    unit,
    measure,
    groups: groups.sort(compare).map(({ parts, periodKey, ...group }) => group),
    otherValues,
    values,
    wholes: [...wholes].sort(([a], [b]) => a - b).map(([, whole]) => whole),
    annualOnly,
    annualOverlapped,
  };
}

function keyOf(parts: string[], dims: ArrivalDim[], figures: ArrivalFigures): ArrivalGroupKey {
  const key: ArrivalGroupKey = {};
  dims.forEach((dim, i) => {
    const part = parts[i];
    const value =
      part === OTHER_KEY
        ? OTHER
        : part === UNKNOWN_KEY
          ? null
          : dim === 'destination'
            ? figures.destinationName(part)
            : figures.country(part);
    if (dim === 'destination') key.destination = value as string | null | OtherCategories;
    else key.country = value as CountryLabel | null | OtherCategories;
  });
  return key;
}

/** A group's figures over all the data: the sums over its years (annual figures placed as a summary by year places them). */
function overallOf(result: ArrivalSummary): { domestic: number | null; foreign: number | null; total: number | null } {
  const { domestic, foreign, total } = result.totals;
  return { domestic, foreign, total };
}

function keyOfPeriod(p: Period): number {
  return p.unit === 'month' ? p.year * 100 + p.month : p.unit === 'quarter' ? p.year * 10 + p.quarter : p.unit === 'year' ? p.year : 0;
}

/** A country's name in English, or a name no country has as written: for ordering by name. */
export function labelText(label: CountryLabel): string {
  return 'code' in label ? label.en : label.name;
}

export { isOther };

/** Code-unit order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
