/**
 * The model behind `visitstat spending`: estimated spending = units x per-capita rate, per segment and
 * period, in exact rupiah. Units are visits (basis visit) or visitor-nights (basis night).
 *
 * Scope: delegation visitors are part of domestic arrivals. When arrivals were fed, the total is
 * domestic + foreign and delegations appear only as "of which" lines, never added to it. When only
 * delegations were fed, they are the whole scope and make the total.
 *
 * One line per (period, segment, rate in force): when a config span changes the rate inside a period,
 * the period gets two lines, so each line's formula (visitors x rate = estimate) stays true.
 */
import { dateKey, isYearDate, quarterOf, type CalDate } from './dates';
import { multiplyCount, type Rupiah } from './money';
import { periodFromKey, type Period } from './period';
import type { RateRange, RateTable } from './rates';
import type { ArrivalDim } from './arrival-key';
import type { ArrivalRow, DelegationRow, Segment } from './records';
import { exactSum } from './exact';

export type SpendingUnit = 'month' | 'quarter' | 'year';
export type Basis = 'visit' | 'night';
export type LineSegment = 'domestic' | 'foreign' | 'delegations';
export type SpendingScope = 'arrivals' | 'delegations' | 'none';

export interface SpendingOptions {
  unit: SpendingUnit;
  basis: Basis;
  /** Nights per visitor (a whole number >= 1) for arrivals, and for delegation rows with no nights. */
  nights?: number;
  rates: RateTable;
  /**
   * Arrivals' lines per destination or per country (the rows' keys, as ArrivalFigures' views give
   * them). Without it, a foreign figure of a country with a rate of its own still has a line of its own.
   */
  groupBy?: ArrivalDim | null;
}

export interface Estimate {
  low: Rupiah;
  central: Rupiah;
  high: Rupiah;
}

export interface SpendingLine {
  segment: LineSegment;
  /** Arrivals by destination or country: the line's destination or country key (null: none given); else absent. A market with its own rate: its country key. */
  group?: string | null;
  visitors: number;
  /** What the rate multiplies: visitors (basis visit) or visitor-nights (basis night). */
  units: number;
  basis: Basis;
  /**
   * Basis night: the nights every visitor on this line stayed, when all stayed the same (always so
   * with `--nights` alone); null when they differ, and under basis visit.
   */
  nightsEach: number | null;
  rate: RateRange;
  /** units x rate.low, units x rate.central, units x rate.high. */
  estimate: Estimate;
}

export interface SpendingPeriod {
  period: Period;
  /** Domestic then foreign (scope arrivals), or delegations (scope delegations). They make the total. */
  lines: SpendingLine[];
  /** Scope arrivals only: delegation visitors, already inside domestic; never added to the total. */
  ofWhichDelegations: SpendingLine[];
  total: Estimate;
}

export interface SegmentTotal {
  segment: LineSegment;
  visitors: number;
  units: number;
  estimate: Estimate;
  /** False for delegations under scope arrivals ("of which"). */
  inTotal: boolean;
}

export interface SpendingResult {
  scope: SpendingScope;
  unit: SpendingUnit;
  basis: Basis;
  /** Chronological. */
  periods: SpendingPeriod[];
  /** Per segment across all periods, in the order domestic, foreign, delegations; only segments seen. */
  segments: SegmentTotal[];
  total: Estimate;
  /**
   * Annual figures left out: of a year whose months (or days) are in the data too, which win over them;
   * or under a unit finer than the year, which they cannot be placed in; or of a year whose rate changes
   * within it. Each with the reason.
   */
  annualLeftOut: AnnualLeftOut[];
  /**
   * Basis night without `nights` in the options: delegation rows with no nights, and arrival figures
   * (which never have nights). They are left out of every line; the command should fail naming the
   * fix when either count is above 0.
   */
  missingNights: MissingNights;
}

/** An annual figure spending leaves out, and why. */
export interface AnnualLeftOut {
  year: number;
  segment: Segment;
  count: number;
  reason: 'finer-figures' | 'unit' | 'rate-changes';
  /** finer-figures: the sum of the finer figures for that year and segment. */
  finer?: number;
}

export interface MissingNights {
  delegations: number;
  people: number;
  arrivals: number;
}

export type FormulaFactor = { kind: 'visitors' | 'nights' | 'visitor-nights'; value: number };

/** A line as a product: factors x rate = estimate (`4.800.000 x Rp1.500.000 = Rp7.200.000.000.000`). */
export interface FormulaParts {
  factors: FormulaFactor[];
  rate: RateRange;
  estimate: Estimate;
}

/** The factors whose product is `line.units`, the most explanatory way the data allows. */
export function formulaParts(line: SpendingLine): FormulaParts {
  const factors: FormulaFactor[] =
    line.basis === 'visit'
      ? [{ kind: 'visitors', value: line.visitors }]
      : line.nightsEach !== null
        ? [
            { kind: 'visitors', value: line.visitors },
            { kind: 'nights', value: line.nightsEach },
          ]
        : [{ kind: 'visitor-nights', value: line.units }];
  return { factors, rate: line.rate, estimate: line.estimate };
}

/** One line's running figures; plain data, so also a line of SpendingData. */
interface LineAcc {
  segment: LineSegment;
  group?: string | null;
  rate: RateRange;
  visitors: number;
  units: number;
  rows: number;
  nightsEach: number | null;
  /** Orders the lines of one segment when its rate changes inside the period. */
  firstDateKey: number;
}

const SEGMENT_ORDER: readonly LineSegment[] = ['domestic', 'foreign', 'delegations'];
const SEGMENT_WORDS: Record<LineSegment, string> = { domestic: 'domestic', foreign: 'foreign', delegations: 'delegation' };

/** A SpendingEstimator's state as plain data (structured-clone safe): toData() gives it, absorb() takes it. */
export interface SpendingData {
  unit: SpendingUnit;
  annual: ArrivalRow[];
  basis: Basis;
  periods: [number, LineAcc[]][];
  arrivalsSeen: boolean;
  delegationsSeen: boolean;
  missingNights: MissingNights;
}

/** Fed rows one at a time; per row only a map lookup and a short scan, no allocation once a line exists. */
export class SpendingEstimator {
  private readonly periods = new Map<number, LineAcc[]>();
  /** Annual figures, placed once every row is in (result), where finer figures do not cover their year. */
  private readonly annual: ArrivalRow[] = [];
  /** Visitors of the finer (monthly, daily) arrival figures, by year and segment. */
  private readonly finer = new Map<string, number>();
  private arrivalsSeen = false;
  private delegationsSeen = false;
  private readonly missingNights: MissingNights = { delegations: 0, people: 0, arrivals: 0 };

  /** What arrivals' lines are per, if anything. */
  get groupBy(): ArrivalDim | null {
    return this.options.groupBy ?? null;
  }

  constructor(private readonly options: SpendingOptions) {
    const { nights } = options;
    if (nights !== undefined && (!Number.isSafeInteger(nights) || nights < 1))
      throw new RangeError(`nights per visitor must be a whole number >= 1, not ${nights}`);
  }

  addArrival(row: ArrivalRow): void {
    const { basis } = this.options;
    const nights = basis === 'night' ? (this.options.nights ?? null) : null;
    this.arrivalsSeen = true;
    if (basis === 'night' && nights === null) {
      this.missingNights.arrivals++;
      return;
    }
    const period = row.period;
    if (isYearDate(period)) {
      this.annual.push(row);
      return;
    }
    const group = this.groupOf(row);
    const key = `${period.year}:${row.segment}:${group}`;
    this.finer.set(key, (this.finer.get(key) ?? 0) + row.count);
    this.add(row.segment, period, this.rateOf(row, period), row.count, nights, group);
  }

  /** A row's line: by its destination or country when grouped so; a market's own line when it has its own rate. */
  private groupOf(row: ArrivalRow): string | null | undefined {
    const { groupBy, rates } = this.options;
    if (groupBy) return row[groupBy] ?? null;
    if (row.segment === 'foreign' && row.country != null && !isYearDate(row.period) && rates.countryRate(row.country, row.period))
      return row.country;
    return undefined;
  }

  /** The rate of a row: its market's own for a foreign figure of a country with one, else its segment's. */
  private rateOf(row: ArrivalRow, date: CalDate): RateRange {
    const market = row.segment === 'foreign' && row.country != null ? this.options.rates.countryRate(row.country, date) : null;
    return market ?? this.options.rates.rateFor(row.segment, date);
  }

  /**
   * The annual figures, once every row is in: each counted in its year when no finer figure of its
   * segment is in that year, the unit is the year and one rate holds all year; else left out, saying why.
   */
  private placeAnnual(): AnnualLeftOut[] {
    const leftOut: AnnualLeftOut[] = [];
    const nights = this.options.basis === 'night' ? (this.options.nights ?? null) : null;
    // In year and segment order, whatever order the figures came in.
    const order = (row: ArrivalRow) => row.period.year * 2 + (row.segment === 'foreign' ? 1 : 0);
    for (const row of this.annual.splice(0).sort((a, b) => order(a) - order(b))) {
      const { year } = row.period;
      const base = { year, segment: row.segment, count: row.count };
      const first = { year, month: 1, day: 1 };
      const group = this.options.groupBy
        ? (row[this.options.groupBy] ?? null)
        : row.country != null && this.options.rates.countryRate(row.country, first)
          ? row.country
          : undefined;
      const finer = this.finer.get(`${year}:${row.segment}:${group}`);
      const rate = this.rateOf(row, { year, month: 12, day: 31 });
      if (finer !== undefined) leftOut.push({ ...base, reason: 'finer-figures', finer });
      else if (this.options.unit !== 'year') leftOut.push({ ...base, reason: 'unit' });
      else if (this.rateOf(row, first) !== rate) leftOut.push({ ...base, reason: 'rate-changes' });
      else this.add(row.segment, first, rate, row.count, nights, group);
    }
    return leftOut;
  }

  addDelegation(row: DelegationRow): void {
    this.addDelegationOf(row.date, row.people, row.nights);
  }

  /** A delegation row given by its values (a batch's columns need no row object). */
  addDelegationOf(date: CalDate, people: number, rowNights: number | null): void {
    this.delegationsSeen = true;
    const { basis, rates } = this.options;
    const nights = basis === 'night' ? (rowNights ?? this.options.nights ?? null) : null;
    if (basis === 'night' && nights === null) {
      this.missingNights.delegations++;
      this.missingNights.people += people;
      return;
    }
    this.add('delegations', date, rates.rateFor('delegation', date), people, nights);
  }

  /**
   * Delegations of one day valued per visit, added up (`delegations` rows of `visitors` people in
   * all): as addDelegationOf() of each (the basis 'visit' only: per night, each row's nights count).
   */
  addVisitsOn(date: CalDate, visitors: number, delegations: number): void {
    if (this.options.basis !== 'visit') throw new Error('SpendingEstimator: delegations added up are valued per visit only');
    this.delegationsSeen = true;
    const acc = this.lineFor(
      periodKeyOf(date, this.options.unit),
      'delegations',
      this.options.rates.rateFor('delegation', date),
      dateKey(date),
    );
    tally(acc, visitors, visitors, delegations, null);
  }

  /** The state as plain data, to cross to another thread. */
  toData(): SpendingData {
    const { unit, basis } = this.options;
    const periods = [...this.periods].map(([key, accs]): [number, LineAcc[]] => [key, accs.map((acc) => ({ ...acc }))]);
    return {
      unit,
      basis,
      annual: this.annual.map((row) => ({ ...row })),
      periods,
      arrivalsSeen: this.arrivalsSeen,
      delegationsSeen: this.delegationsSeen,
      missingNights: { ...this.missingNights },
    };
  }

  /**
   * Adds the rows of an estimator with the same options (its rate table built from the same rates),
   * given as toData() gave its state: the result is the one of one estimator fed all rows, in any order.
   * Its rates are taken as this table's equal ones, which the view matches to their rules by identity.
   */
  absorb(data: SpendingData): void {
    if (data.unit !== this.options.unit || data.basis !== this.options.basis) {
      throw new Error('SpendingEstimator: merging estimators with different options');
    }
    for (const [key, lines] of data.periods) {
      for (const line of lines) {
        const acc = this.lineFor(key, line.segment, this.ownRate(line.rate), line.firstDateKey, line.group);
        tally(acc, line.visitors, line.units, line.rows, line.nightsEach);
        if (line.segment !== 'delegations') {
          const year = Math.floor(line.firstDateKey / 10000);
          const finer = `${year}:${line.segment}:${line.group}`;
          this.finer.set(finer, (this.finer.get(finer) ?? 0) + line.visitors);
        }
      }
    }
    this.annual.push(...data.annual);
    this.arrivalsSeen ||= data.arrivalsSeen;
    this.delegationsSeen ||= data.delegationsSeen;
    this.missingNights.delegations += data.missingNights.delegations;
    this.missingNights.people += data.missingNights.people;
    this.missingNights.arrivals += data.missingNights.arrivals;
  }

  result(): SpendingResult {
    const annualLeftOut = this.placeAnnual();
    const scope: SpendingScope = this.arrivalsSeen ? 'arrivals' : this.delegationsSeen ? 'delegations' : 'none';
    const inTotal = (segment: LineSegment) => segment !== 'delegations' || scope === 'delegations';
    const periods = [...this.periods.entries()]
      .sort(([a], [b]) => a - b)
      .map(([key, accs]): SpendingPeriod => {
        const lines = accs.sort(byDisplayOrder).map((acc) => this.toLine(acc));
        const counted = lines.filter((line) => inTotal(line.segment));
        return {
          period: periodFromKey(this.options.unit, key),
          lines: counted,
          ofWhichDelegations: lines.filter((line) => !inTotal(line.segment)),
          total: sumEstimates(counted.map((line) => line.estimate)),
        };
      });
    return {
      scope,
      unit: this.options.unit,
      basis: this.options.basis,
      periods,
      segments: segmentTotals(periods, inTotal),
      total: sumEstimates(periods.map((p) => p.total)),
      annualLeftOut,
      missingNights: { ...this.missingNights },
    };
  }

  private add(segment: LineSegment, date: CalDate, rate: RateRange, visitors: number, nights: number | null, group?: string | null): void {
    const acc = this.lineFor(periodKeyOf(date, this.options.unit), segment, rate, dateKey(date), group);
    tally(acc, visitors, nights === null ? visitors : visitors * nights, 1, nights);
  }

  /** The rate object of this table equal to `rate` (equal rates are one object: RateTable.rateFor). */
  private ownRate(rate: RateRange): RateRange {
    const same = (r: RateRange) => r.low === rate.low && r.central === rate.central && r.high === rate.high;
    return this.options.rates.rules.find((rule) => same(rule.rate))?.rate ?? rate;
  }

  private lineFor(periodKey: number, segment: LineSegment, rate: RateRange, key: number, group?: string | null): LineAcc {
    let accs = this.periods.get(periodKey);
    if (!accs) this.periods.set(periodKey, (accs = []));
    for (const acc of accs) {
      if (acc.segment === segment && acc.rate === rate && acc.group === group) {
        if (key < acc.firstDateKey) acc.firstDateKey = key;
        return acc;
      }
    }
    const acc: LineAcc = {
      segment,
      rate,
      visitors: 0,
      units: 0,
      rows: 0,
      nightsEach: null,
      firstDateKey: key,
      ...(group !== undefined ? { group } : {}),
    };
    accs.push(acc);
    return acc;
  }

  private toLine(acc: LineAcc): SpendingLine {
    const { rate } = acc;
    return {
      segment: acc.segment,
      ...(acc.group !== undefined ? { group: acc.group } : {}),
      visitors: exactSum(acc.visitors, `the ${SEGMENT_WORDS[acc.segment]} visitors of a period`),
      units: exactSum(acc.units, `the ${SEGMENT_WORDS[acc.segment]} visitor-nights of a period`),
      basis: this.options.basis,
      nightsEach: this.options.basis === 'night' ? acc.nightsEach : null,
      rate,
      estimate: {
        low: multiplyCount(acc.units, rate.low),
        central: multiplyCount(acc.units, rate.central),
        high: multiplyCount(acc.units, rate.high),
      },
    };
  }
}

/** Adds rows (one, or another estimator's line) to a line; nightsEach stays only while every row agrees. */
function tally(acc: LineAcc, visitors: number, units: number, rows: number, nightsEach: number | null): void {
  acc.visitors += visitors;
  acc.units += units;
  acc.nightsEach = acc.rows === 0 || acc.nightsEach === nightsEach ? nightsEach : null;
  acc.rows += rows;
}

/** The same number periodKey gives, computed without building a Period per row. */
function periodKeyOf(date: CalDate, unit: SpendingUnit): number {
  switch (unit) {
    case 'month':
      return date.year * 100 + date.month;
    case 'quarter':
      return date.year * 10 + quarterOf(date);
    case 'year':
      return date.year;
  }
}

/** Segments in order; within one, lines of a group (most visitors first), then unknown, then the rest; then by date. */
function byDisplayOrder(a: LineAcc, b: LineAcc): number {
  return (
    SEGMENT_ORDER.indexOf(a.segment) - SEGMENT_ORDER.indexOf(b.segment) ||
    groupRank(a.group) - groupRank(b.group) ||
    (a.group != null && b.group != null ? b.visitors - a.visitors : 0) ||
    compareGroups(a.group, b.group) ||
    a.firstDateKey - b.firstDateKey
  );
}

/** Lines of a group first, then those whose group is unknown (null), then those of no group (the rest of the markets). */
function groupRank(group: string | null | undefined): number {
  return group === undefined ? 2 : group === null ? 1 : 0;
}

function compareGroups(a: string | null | undefined, b: string | null | undefined): number {
  return a == null || b == null || a === b ? 0 : a < b ? -1 : 1;
}

function sumEstimates(estimates: readonly Estimate[]): Estimate {
  const total: Estimate = { low: 0n, central: 0n, high: 0n };
  for (const e of estimates) {
    total.low += e.low;
    total.central += e.central;
    total.high += e.high;
  }
  return total;
}

function segmentTotals(periods: readonly SpendingPeriod[], inTotal: (s: LineSegment) => boolean): SegmentTotal[] {
  const lines = periods.flatMap((p) => [...p.lines, ...p.ofWhichDelegations]);
  return SEGMENT_ORDER.flatMap((segment) => {
    const mine = lines.filter((line) => line.segment === segment);
    if (mine.length === 0) return [];
    return [
      {
        segment,
        visitors: exactSum(
          mine.reduce((n, line) => n + line.visitors, 0),
          `the ${SEGMENT_WORDS[segment]} visitors of all periods`,
        ),
        units: exactSum(
          mine.reduce((n, line) => n + line.units, 0),
          `the ${SEGMENT_WORDS[segment]} visitor-nights of all periods`,
        ),
        estimate: sumEstimates(mine.map((line) => line.estimate)),
        inTotal: inTotal(segment),
      },
    ];
  });
}
