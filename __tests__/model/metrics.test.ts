/** src/model/metrics.ts: rows turned into per-metric daily values, spending at the rates in force. */
import { MetricSeries } from '../../src/model/metrics';
import { rateTable } from '../../src/model/rates';
import { arrival, delegation } from '../helpers/rows';

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
    const rates = rateTable([
      { segment: 'delegation', from: null, to: null, rate: { low: 1_000_000n, central: 1_000_000n, high: 1_000_000n }, source: 'test' },
    ]);
    const m = new MetricSeries({ rates, basis: 'night', nights: 2 });
    m.delegation(delegation(5, 40, 3));
    m.delegation(delegation(6, 10)); // no nights: the config's 2
    expect(m.series('spending').total(2018)).toBe((40 * 3 + 10 * 2) * 1_000_000);
  });

  it('counts the rows it cannot value under basis night without nights, and leaves them out of spending', () => {
    const logs = new MetricSeries({ rates: rateTable(), basis: 'night' });
    logs.delegation(delegation(5, 40));
    logs.delegation(delegation(5, 40, 2));
    expect(logs.spendingUnvalued()).toEqual({ kind: 'delegations', rows: 1 });
    expect(logs.series('spending').total(2018)).toBe(80 * 1_500_000);
    expect(logs.series('visitors').total(2018)).toBe(80);
    const arrivals = new MetricSeries({ rates: rateTable(), basis: 'night' });
    arrivals.arrival(arrival(3, 'domestic', 5));
    expect(arrivals.spendingUnvalued()).toEqual({ kind: 'arrivals', rows: 1 });
    expect(arrivals.series('domestic').total(2018)).toBe(5);
  });
});
