import fc from 'fast-check';
import { Coverage, DateTracker, type FileCoverage, alike } from '../../src/model/coverage';
import type { CalDate, PeriodDate } from '../../src/model/dates';
import type { Period } from '../../src/model/period';
import type { ArrivalRow } from '../../src/model/records';
import { ArrivalSummarizer } from '../../src/model/summary';
import { propertyRuns } from '../helpers/property';

const date = (iso: string): CalDate => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day: day ?? null };
};

/** A date as the data has it: a day, a month, or a year alone (an annual figure). */
const periodDate = (iso: string): PeriodDate => (/^\d{4}$/.test(iso) ? { year: Number(iso), month: null, day: null } : date(iso));

function file(dates: string[], kind: FileCoverage['kind'] = 'delegations'): FileCoverage {
  const tracker = new DateTracker();
  for (const d of dates) tracker.add(periodDate(d));
  return tracker.coverage(kind, ['date', 'people']);
}

const month = (year: number, m: number): Period => ({ unit: 'month', year, month: m });
const quarter = (year: number, q: number): Period => ({ unit: 'quarter', year, quarter: q });
const year = (y: number): Period => ({ unit: 'year', year: y });

describe('DateTracker', () => {
  it('keeps the first and last dated day and the months of month-only figures', () => {
    expect(file(['2018-03-05', '2018-01-02', '2018-08-09', '2017-12', '2018-02'])).toEqual({
      kind: 'delegations',
      fields: ['date', 'people'],
      first: { year: 2018, month: 1, day: 2 },
      last: { year: 2018, month: 8, day: 9 },
      months: [201712, 201802],
      years: [],
    });
  });

  it('merges the part a worker read', () => {
    const first = new DateTracker();
    first.add(date('2018-01-02'));
    const second = new DateTracker();
    second.add(date('2018-08-09'));
    second.add(date('2018-05'));
    first.absorb(second.toData());
    expect(first.coverage('arrivals', [])).toMatchObject({ first: date('2018-01-02'), last: date('2018-08-09'), months: [201805] });
  });
});

describe('Coverage', () => {
  it("ends a log's last month at its last date, and starts its first month on the 1st", () => {
    const c = new Coverage([file(['2018-01-02', '2018-08-09'])], 'delegations');
    expect(c.of(month(2018, 8))).toEqual({
      partial: true,
      from: date('2018-08-01'),
      to: date('2018-08-09'),
      ranges: [{ from: date('2018-08-01'), to: date('2018-08-09') }],
    });
    expect(c.of(month(2018, 1))?.partial).toBe(false);
    expect(c.of(quarter(2018, 3))).toMatchObject({ partial: true, from: date('2018-07-01'), to: date('2018-08-09') });
    expect(c.of(year(2018))?.partial).toBe(true);
    expect(c.of(month(2018, 9))).toBeNull();
  });

  it('counts each file for itself: a log that stops on 4 November leaves that month partial whatever follows', () => {
    const c = new Coverage([file(['2016-01-04', '2016-11-04']), file(['2017-01-03', '2017-12-29'])], 'delegations');
    expect(c.of(month(2016, 11))).toMatchObject({ partial: true, to: date('2016-11-04') });
    expect(c.of(month(2016, 12))).toBeNull();
    expect(c.of(month(2017, 1))?.partial).toBe(false);
  });

  it('joins the files of a kind and ignores the other kind', () => {
    const c = new Coverage(
      [file(['2018-01-02', '2018-08-09']), file(['2018-08-15', '2018-09-03']), file(['2018-12'], 'arrivals')],
      'delegations',
    );
    expect(c.of(month(2018, 8))?.partial).toBe(false);
    expect(c.of(month(2018, 12))).toBeNull();
  });

  it('covers a month-only figure whole, and says which months of a quarter or year are there', () => {
    const c = new Coverage([file(['2016-01', '2016-02', '2016-04', '2016-12'], 'arrivals')], 'arrivals');
    expect(c.of(month(2016, 2))?.partial).toBe(false);
    expect(c.of(quarter(2016, 1))).toMatchObject({ partial: true, ranges: [{ from: date('2016-01-01'), to: date('2016-02-29') }] });
    expect(c.of(year(2016))?.ranges).toHaveLength(3);
  });

  it('cuts dated spans at --from/--to, but keeps a monthly figure whole (it is in or out by its last day)', () => {
    const log = file(['2017-01-03', '2017-12-29']);
    const c = new Coverage([log], 'delegations', { from: date('2017-03-15'), to: date('2017-05') });
    expect(c.of(month(2017, 3))).toMatchObject({ partial: true, from: date('2017-03-15'), to: date('2017-03-31') });
    expect(c.of(month(2017, 5))?.partial).toBe(false);
    expect(c.of(quarter(2017, 2))).toMatchObject({ partial: true, from: date('2017-04-01'), to: date('2017-05-31') });
    const monthly = new Coverage([file(['2017-03', '2017-06'], 'arrivals')], 'arrivals', { from: date('2017-03-15'), to: date('2017-05') });
    expect(monthly.of(month(2017, 3))?.partial).toBe(false);
    expect(monthly.of(month(2017, 6))).toBeNull();
  });

  it('counts an annual figure for its whole year only where it is the figure shown', () => {
    const c = new Coverage([file(['2016', '2017-01', '2017-02'], 'arrivals')], 'arrivals');
    expect(file(['2016'], 'arrivals').years).toEqual([2016]);
    expect(c.of(year(2016))).toBeNull();
    expect(c.withAnnualYears(new Set([2016])).of(year(2016))?.partial).toBe(false);
    expect(c.withAnnualYears(new Set([2016])).of(year(2017))).toMatchObject({ partial: true, to: date('2017-02-28') });
  });

  it('says nothing of weekdays', () => {
    expect(new Coverage([file(['2018-01-02'])], 'delegations').of({ unit: 'weekday', weekday: 1 })).toBeNull();
  });
});

describe('alike', () => {
  const covered = (files: FileCoverage[], period: Period) => ({ period, coverage: new Coverage(files, 'arrivals').of(period)! });

  it('holds for whole periods, and for periods cut at the same days', () => {
    const files = [file(['2017-07-01', '2017-08-09'], 'arrivals'), file(['2018-07-01', '2018-08-09'], 'arrivals')];
    expect(alike(covered(files, month(2018, 8)), covered(files, month(2017, 8)))).toBe(true);
    expect(alike(covered(files, month(2018, 7)), covered(files, month(2017, 7)))).toBe(true);
    expect(alike(covered(files, month(2018, 8)), covered(files, month(2018, 7)))).toBe(false);
  });

  it('takes a month end as the end: whole February 2017 and 2016 are alike, 1-28 February 2016 is not', () => {
    const whole = [file(['2016-02', '2017-02'], 'arrivals')];
    expect(alike(covered(whole, month(2017, 2)), covered(whole, month(2016, 2)))).toBe(true);
    const cut = [file(['2016-02-01', '2016-02-28'], 'arrivals'), file(['2017-02-01', '2017-02-28'], 'arrivals')];
    expect(alike(covered(cut, month(2017, 2)), covered(cut, month(2016, 2)))).toBe(false);
  });

  it('compares the months of a quarter by their place in it', () => {
    const files = [file(['2017-03', '2017-04', '2017-05', '2016-04', '2016-05'], 'arrivals')];
    expect(alike(covered(files, quarter(2017, 1)), covered(files, quarter(2017, 2)))).toBe(false);
    expect(alike(covered(files, quarter(2017, 2)), covered(files, quarter(2016, 2)))).toBe(true);
  });
});

describe('ArrivalSummarizer with coverage', () => {
  const rows = (dates: string[]): ArrivalRow[] => dates.map((d) => ({ period: date(d), segment: 'domestic', count: 100 }));

  function summarize(unit: 'month' | 'quarter', files: FileCoverage[], dates: string[]) {
    const s = new ArrivalSummarizer({ unit });
    for (const row of rows(dates)) s.add(row);
    return s.result(new Coverage(files, 'arrivals')).periods;
  }

  it('computes no growth between a partial period and a whole one, and says why', () => {
    const dates = ['2018-07-01', '2018-07-20', '2018-08-09'];
    const [july, august] = summarize('month', [file(dates, 'arrivals')], dates);
    expect(july).toMatchObject({ previousBasis: 'no-earlier-period', coverage: { partial: false } });
    expect(august).toMatchObject({ previousBasis: 'partial', previousGrowth: { domestic: null, foreign: null, total: null } });
    expect(august.coverage).toMatchObject({ partial: true, to: date('2018-08-09') });
  });

  it('computes growth like for like between periods cut at the same days', () => {
    const a = ['2017-07-01', '2017-08-09'];
    const b = ['2018-07-01', '2018-08-09'];
    const periods = summarize('month', [file(a, 'arrivals'), file(b, 'arrivals')], [...a, ...b]);
    const august2018 = periods[3];
    expect(august2018.yearOnYearBasis).toBe('like-for-like');
    expect(august2018.yearOnYearGrowth.domestic!.isZero()).toBe(true);
    expect(periods[2].yearOnYearBasis).toBe('whole');
  });

  it('fixes the quarter of March alone against April-May: no quarter-on-quarter growth', () => {
    const months = ['2017-03', '2017-04', '2017-05'];
    const [q1, q2] = summarize('quarter', [file(months, 'arrivals')], months);
    expect(q1.coverage).toMatchObject({ partial: true, from: date('2017-03-01'), to: date('2017-03-31') });
    expect(q2).toMatchObject({ previousBasis: 'partial', previousGrowth: { total: null } });
  });
});

describe('Coverage against a day-by-day reference', () => {
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const DAY = 86_400_000;

  /** Every covered day of the period, by walking the calendar with Date (UTC). */
  function reference(
    files: { first: string; last: string }[],
    months: string[],
    cut: { from: string; to: string },
    period: Period,
  ): string[] {
    const days = new Set<string>();
    for (const { first, last } of files) {
      for (let t = Date.parse(`${first.slice(0, 7)}-01`); t <= Date.parse(last); t += DAY) {
        if (iso(t) >= cut.from && iso(t) <= cut.to) days.add(iso(t));
      }
    }
    for (const m of months) {
      const end = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5)), 0));
      if (iso(end.getTime()) < cut.from || iso(end.getTime()) > cut.to) continue;
      for (let t = Date.parse(`${m}-01`); t <= end.getTime(); t += DAY) days.add(iso(t));
    }
    const [start, stop] =
      period.unit === 'month'
        ? [`${period.year}-${String(period.month).padStart(2, '0')}`, null]
        : period.unit === 'quarter'
          ? [null, period.quarter]
          : [null, null];
    return [...days]
      .filter((d) => {
        if (Number(d.slice(0, 4)) !== (period as { year: number }).year) return false;
        if (start !== null) return d.startsWith(start);
        if (stop !== null) return Math.ceil(Number(d.slice(5, 7)) / 3) === stop;
        return true;
      })
      .sort();
  }

  it('covers exactly the days the reference walks, and calls a period partial when one of its days is missing', () => {
    const day = fc.integer({ min: Date.UTC(2016, 0, 1), max: Date.UTC(2018, 11, 31) }).map((t) => iso(t - (t % DAY)));
    const span = fc.tuple(day, day).map(([a, b]) => (a <= b ? { first: a, last: b } : { first: b, last: a }));
    const monthArb = fc.integer({ min: 0, max: 35 }).map((i) => `${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const periodArb = fc.oneof(
      fc.integer({ min: 0, max: 35 }).map((i): Period => month(2016 + Math.floor(i / 12), (i % 12) + 1)),
      fc.integer({ min: 0, max: 11 }).map((i): Period => quarter(2016 + Math.floor(i / 4), (i % 4) + 1)),
      fc.integer({ min: 2016, max: 2018 }).map(year),
    );
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 3 }),
        fc.array(monthArb, { maxLength: 4 }),
        fc.tuple(day, day),
        periodArb,
        (spans, months, [a, b], period) => {
          const cut = a <= b ? { from: a, to: b } : { from: b, to: a };
          const files: FileCoverage[] = [
            ...spans.map((s) => ({
              kind: 'arrivals' as const,
              fields: [],
              first: date(s.first),
              last: date(s.last),
              months: [],
              years: [],
            })),
            { kind: 'arrivals', fields: [], first: null, last: null, months: months.map((m) => Number(m.replace('-', ''))), years: [] },
          ];
          const got = new Coverage(files, 'arrivals', { from: date(cut.from), to: date(cut.to) }).of(period);
          const expected = reference(spans, months, cut, period);
          if (expected.length === 0) return expect(got).toBeNull();
          const covered = got!.ranges.flatMap((r) => {
            const out: string[] = [];
            const [f, t] = [Date.UTC(r.from.year, r.from.month - 1, r.from.day), Date.UTC(r.to.year, r.to.month - 1, r.to.day)];
            for (let x = f; x <= t; x += DAY) out.push(iso(x));
            return out;
          });
          expect(covered).toEqual(expected);
          const all = reference([{ first: '2015-01-01', last: '2019-12-31' }], [], { from: '0000', to: '9999' }, period);
          expect(got!.partial).toBe(expected.length < all.length);
        },
      ),
      { numRuns: propertyRuns(500) },
    );
  });
});
