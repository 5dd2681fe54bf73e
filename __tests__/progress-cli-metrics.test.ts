/** src/model/metrics.ts: which metric fits the input, and rows turned into per-metric daily values. */
import { MetricSeries, resolveMetric } from '../src/model/metrics';
import { buildRateTable } from '../src/model/rates';
import type { ArrivalRow, DelegationRow, Kind } from '../src/model/records';
import { UsageError } from '../src/errors';

const kinds = (...k: Kind[]) => new Set<Kind>(k);

function delegation(day: number, people: number, nights: number | null = null): DelegationRow {
  return { date: { year: 2018, month: 3, day }, people, origin: null, region: null, type: null, nights, purposes: [] };
}
const arrival = (month: number, segment: 'domestic' | 'foreign', count: number): ArrivalRow => ({
  period: { year: 2018, month, day: null },
  segment,
  count,
});

describe('resolveMetric', () => {
  it('defaults to visitors for delegation logs and total for arrivals', () => {
    expect(resolveMetric(undefined, kinds('delegations'))).toBe('visitors');
    expect(resolveMetric(undefined, kinds('arrivals'))).toBe('total');
  });

  it('refuses to guess when both kinds were read', () => {
    expect(() => resolveMetric(undefined, kinds('delegations', 'arrivals'))).toThrow(/give --metric/);
  });

  it('names what is missing for a metric the input cannot give; spending fits either', () => {
    expect(() => resolveMetric('domestic', kinds('delegations'))).toThrow(UsageError);
    expect(() => resolveMetric('delegations', kinds('arrivals'), 'config targets[1]: metric')).toThrow(
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
    const m = new MetricSeries({ rates: buildRateTable(), basis: 'visit' });
    m.delegation(delegation(5, 40));
    m.arrival(arrival(3, 'domestic', 1000));
    m.arrival(arrival(3, 'foreign', 10));
    expect(m.series('spending').total(2018)).toBe(1000 * 1_500_000 + 10 * 2_700_000);
  });

  it('values delegation visitors at the delegation rate, per night under basis night', () => {
    const rates = buildRateTable([{ delegation: 1_000_000 }]);
    const m = new MetricSeries({ rates, basis: 'night', nights: 2 });
    m.delegation(delegation(5, 40, 3));
    m.delegation(delegation(6, 10)); // no nights: the config's 2
    expect(m.series('spending').total(2018)).toBe((40 * 3 + 10 * 2) * 1_000_000);
  });

  it('fails naming the fix when nights are missing under basis night', () => {
    const logs = new MetricSeries({ rates: buildRateTable(), basis: 'night' });
    logs.delegation(delegation(5, 40));
    expect(() => logs.series('spending')).toThrow(/1 delegation row has no nights/);
    const arrivals = new MetricSeries({ rates: buildRateTable(), basis: 'night' });
    expect(() => arrivals.arrival(arrival(3, 'domestic', 5))).toThrow(/needs "nights" in the config/);
  });
});
