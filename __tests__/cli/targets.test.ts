/** What progress and report share (src/commands/targets.ts): the metric that fits the input, and what the data cannot give. */
import { chooseMetric, measure, seriesOf } from '../../src/commands/targets';
import { DEFAULT_BANDS } from '../../src/model/bands';
import { MetricSeries } from '../../src/model/metrics';
import type { Metric } from '../../src/model/progress';
import { rateTable } from '../../src/model/rates';
import type { Kind } from '../../src/model/records';
import { UsageError } from '../../src/errors';
import { arrival, delegation } from '../helpers/rows';

const resolveMetric = (metric: Metric | undefined, kinds: Set<Kind>, source = 'command line') =>
  chooseMetric({ source, metric, value: 1 }, kinds);

const kinds = (...k: Kind[]) => new Set<Kind>(k);

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

describe('seriesOf', () => {
  it('names the fix when spending per night left rows unvalued', () => {
    const logs = new MetricSeries({ rates: rateTable(), basis: 'night' });
    logs.delegation(delegation(5, 40));
    expect(() => seriesOf(logs, 'spending')).toThrow(/1 delegation row has no nights/);
    expect(seriesOf(logs, 'visitors').total(2018)).toBe(40);
    const arrivals = new MetricSeries({ rates: rateTable(), basis: 'night' });
    arrivals.arrival(arrival(3, 'domestic', 5));
    expect(() => seriesOf(arrivals, 'spending')).toThrow(/needs "nights" in the config/);
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
    expect(() => measure(new MetricSeries().series('visitors'), 'visitors', request, settings)).toThrow(
      'no data to measure progress from; give --year and --as-of',
    );
    expect(() => measure(series(), 'visitors', { ...request, year: 2019 }, settings)).toThrow(
      'no data for 2019; give --as-of to measure progress anyway',
    );
    expect(() => measure(series(), 'visitors', request, { ...settings, asOf: { year: 2017, month: 1, day: 1 } })).toThrow(
      'as-of 2017 is before the target year 2018',
    );
  });
});
