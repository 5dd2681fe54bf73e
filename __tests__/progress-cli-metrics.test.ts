/**
 * Which metric fits the input (src/commands/targets.ts), and rows turned into per-metric daily values
 * (src/model/metrics.ts).
 */
import { chooseMetric, measure, seriesOf } from '../src/commands/targets';
import { DEFAULT_BANDS } from '../src/model/bands';
import { MetricSeries } from '../src/model/metrics';
import type { Metric } from '../src/model/progress';
import { rateTable } from '../src/model/rates';
import type { ArrivalRow, DelegationRow, Kind } from '../src/model/records';
import { UsageError } from '../src/errors';
import { delegationRow } from './helpers/rows';

const resolveMetric = (metric: Metric | undefined, kinds: Set<Kind>, source = 'command line') => chooseMetric({ source, metric, value: 1 }, kinds);

const kinds = (...k: Kind[]) => new Set<Kind>(k);

function delegation(day: number, people: number, nights: number | null = null): DelegationRow {
  return delegationRow({ date: { year: 2018, month: 3, day }, people, nights });
}
const arrival = (month: number, segment: 'domestic' | 'foreign', count: number): ArrivalRow => ({
  period: { year: 2018, month, day: null },
  segment,
  count,
});

describe('chooseMetric', () => {
  it('defaults to visitors for delegation logs and total for arrivals', () => {
    expect(resolveMetric(undefined, kinds('delegations'))).toBe('visitors');
    expect(resolveMetric(undefined, kinds('arrivals'))).toBe('total');
  });

  it('refuses to guess when both kinds were read', () => {
    expect(() => resolveMetric(undefined, kinds('delegations', 'arrivals'))).toThrow(/give --metric/);
  });

  it('names what is missing for a metric the input cannot give; spending fits either', () => {
    expect(() => resolveMetric('domestic', kinds('delegations'))).toThrow(UsageError);
    expect(() => resolveMetric('delegations', kinds('arrivals'), 'config targets[1]')).toThrow(
      'config targets[1]: metric delegations needs a delegation log (date, people), but the input has only arrivals data',
    );
    expect(resolveMetric('spending', kinds('delegations'))).toBe('spending');
    expect(resolveMetric('spending', kinds('arrivals'))).toBe('spending');
  });
});

describe('MetricSeries', () => {
  it('sums people and counts delegations per day; domestic, foreign and total per month end', () => {
    const m = new MetricSeries();
    m.delegation(delegation(5, 40));
    m.delegation(delegation(5, 25));
    m.delegation(delegation(20, 60));
    m.arrival(arrival(3, 'domestic', 1000));
    m.arrival(arrival(3, 'foreign', 30));
    expect(m.series('visitors').sumThrough(2018, 3, 5)).toBe(65);
    expect(m.series('visitors').total(2018)).toBe(125);
    expect(m.series('delegations').total(2018)).toBe(3);
    expect(m.series('domestic').sumThrough(2018, 3, 30)).toBe(0); // a March figure counts on 31 March
    expect(m.series('total').sumThrough(2018, 3, 31)).toBe(1030);
    expect(m.series('foreign').total(2018)).toBe(30);
  });

  it('values spending from arrivals only when there are any: delegation visitors are inside domestic', () => {
    const m = new MetricSeries({ rates: rateTable(), basis: 'visit' });
    m.delegation(delegation(5, 40));
    m.arrival(arrival(3, 'domestic', 1000));
    m.arrival(arrival(3, 'foreign', 10));
    expect(m.series('spending').total(2018)).toBe(1000 * 1_500_000 + 10 * 2_700_000);
  });

  it('values delegation visitors at the delegation rate, per night under basis night', () => {
    const rates = rateTable([{ segment: 'delegation', from: null, to: null, rate: { low: 1_000_000n, central: 1_000_000n, high: 1_000_000n }, source: 'test' }]);
    const m = new MetricSeries({ rates, basis: 'night', nights: 2 });
    m.delegation(delegation(5, 40, 3));
    m.delegation(delegation(6, 10)); // no nights: the config's 2
    expect(m.series('spending').total(2018)).toBe((40 * 3 + 10 * 2) * 1_000_000);
  });

  it('counts the rows it cannot value under basis night without nights; the command names the fix', () => {
    const logs = new MetricSeries({ rates: rateTable(), basis: 'night' });
    logs.delegation(delegation(5, 40));
    logs.delegation(delegation(5, 40, 2));
    expect(logs.spendingUnvalued()).toEqual({ kind: 'delegations', rows: 1 });
    expect(() => seriesOf(logs, 'spending')).toThrow(/1 delegation row has no nights/);
    expect(seriesOf(logs, 'visitors').total(2018)).toBe(80);
    const arrivals = new MetricSeries({ rates: rateTable(), basis: 'night' });
    arrivals.arrival(arrival(3, 'domestic', 5));
    expect(arrivals.spendingUnvalued()).toEqual({ kind: 'arrivals', rows: 1 });
    expect(() => seriesOf(arrivals, 'spending')).toThrow(/needs "nights" in the config/);
    expect(arrivals.series('domestic').total(2018)).toBe(5);
  });
});

describe('measure: what the data cannot give, said to the user', () => {
  const settings = { tolerancePercent: 5, bands: [...DEFAULT_BANDS] };
  const series = () => {
    const m = new MetricSeries();
    m.delegation(delegation(5, 40));
    return m.series('visitors');
  };

  it('defaults to the latest year with data and its latest date', () => {
    const p = measure(series(), 'visitors', { source: 'command line', value: 100 }, settings);
    expect([p.year, p.asOf, p.actual]).toEqual([2018, { year: 2018, month: 3, day: 5 }, 40]);
  });

  it('names the option that would make each figure possible', () => {
    const request = { source: 'command line', value: 100 };
    expect(() => measure(new MetricSeries().series('visitors'), 'visitors', request, settings)).toThrow('no data to measure progress from; give --year and --as-of');
    expect(() => measure(series(), 'visitors', { ...request, year: 2019 }, settings)).toThrow('no data for 2019; give --as-of to measure progress anyway');
    expect(() => measure(series(), 'visitors', request, { ...settings, asOf: { year: 2017, month: 1, day: 1 } })).toThrow(
      'as-of 2017 is before the target year 2018',
    );
  });
});
