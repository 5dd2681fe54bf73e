/** The spending view: table rows, formula text and the JSON field names, without running the binary. */
import { type RateFlags, rateRules } from '../../src/commands/parse';
import type { ViewSettings } from '../../src/commands/shared';
import { spendingDoc, spendingJson, formulaText, type SpendingView } from '../../src/commands/spending-view';
import { nothingFound } from '../../src/ingest/checks';
import type { InputSummary } from '../../src/ingest/inputs';
import { rateTable } from '../../src/model/rates';
import type { ArrivalRow, DelegationRow } from '../../src/model/records';
import { type Basis, SpendingEstimator, type SpendingUnit } from '../../src/model/spending';
import { delegationRow } from '../helpers/rows';

const CSV: ViewSettings = { machine: true, rowsOnly: true, locale: 'en' };
const EN: ViewSettings = { machine: false, rowsOnly: false, locale: 'en' };
const NO_INPUT: InputSummary = {
  files: [],
  rowsRead: 0,
  rowsAccepted: 0,
  rowsRejected: 0,
  rowsOutOfRange: 0,
  checks: nothingFound(),
  coverage: [],
};
const arrival = (year: number, month: number, segment: 'domestic' | 'foreign', count: number): ArrivalRow => ({
  period: { year, month, day: null },
  segment,
  count,
});
const delegation = (year: number, month: number, people: number, nights: number | null): DelegationRow =>
  delegationRow({ date: { year, month, day: 10 }, people, nights });

function viewOf(
  rows: { arrivals?: ArrivalRow[]; delegations?: DelegationRow[] },
  options: { unit?: SpendingUnit; basis?: Basis; nights?: number; flags?: RateFlags } = {},
): SpendingView {
  const rates = rateTable(rateRules([], options.flags));
  const unit = options.unit ?? 'year';
  const basis = options.basis ?? 'visit';
  const estimator = new SpendingEstimator({ unit, basis, nights: options.nights, rates });
  rows.arrivals?.forEach((r) => estimator.addArrival(r));
  rows.delegations?.forEach((r) => estimator.addDelegation(r));
  return {
    result: estimator.result(),
    rates,
    input: NO_INPUT,
    groupBy: unit,
    basis,
    nights: options.nights ?? null,
    from: null,
    to: null,
    coverage: null,
  };
}

describe('formulaText', () => {
  it('writes visitors x nights x rate under basis night, in both locales', () => {
    const view = viewOf({ arrivals: [arrival(2017, 1, 'domestic', 1_000)] }, { basis: 'night', nights: 3, flags: { domestic: 500_000 } });
    const [line] = view.result.periods[0].lines;
    expect(formulaText(line, 'id')).toBe('1.000 x 3 malam x Rp500.000 = Rp1.500.000.000');
    expect(formulaText(line, 'en')).toBe('1,000 x 3 nights x IDR 500,000 = IDR 1,500,000,000');
  });

  it('writes visitor-nights when the stays differ', () => {
    const view = viewOf({ delegations: [delegation(2017, 1, 10, 2), delegation(2017, 2, 20, 4)] }, { basis: 'night' });
    expect(formulaText(view.result.periods[0].lines[0], 'en')).toBe('100 visitor-nights x IDR 1,500,000 = IDR 150,000,000');
  });

  it('adds the low and high ends for a range', () => {
    const view = viewOf({ arrivals: [arrival(2017, 1, 'foreign', 10)] }, { flags: { foreign: '2000000..3000001' } });
    expect(formulaText(view.result.periods[0].lines[0], 'id')).toBe(
      '10 x Rp2.500.001 = Rp25.000.010; rentang Rp2.000.000..Rp3.000.001 memberi Rp20.000.000..Rp30.000.010',
    );
  });
});

describe('spendingDoc', () => {
  const rows = {
    arrivals: [arrival(2016, 5, 'domestic', 100), arrival(2017, 5, 'domestic', 200), arrival(2017, 5, 'foreign', 7)],
    delegations: [delegation(2017, 5, 30, null)],
  };

  it('gives each period its lines, its "of which" and its total, then totals over all periods', () => {
    const doc = spendingDoc(viewOf(rows), CSV);
    const table = doc.tables[0];
    expect(
      table.rows.map((r) => [
        typeof r.period === 'object' ? (r.period as { year: number }).year : r.period,
        r.segment,
        r.visitors,
        r.estimate,
      ]),
    ).toEqual([
      [2016, 'domestic', 100, 150_000_000n],
      [2016, 'total', 100, 150_000_000n],
      [2017, 'domestic', 200, 300_000_000n],
      [2017, 'foreign', 7, 18_900_000n],
      [2017, 'ofWhichDelegations', 30, 45_000_000n],
      [2017, 'total', 207, 318_900_000n],
      ['all', 'domestic', 300, 450_000_000n],
      ['all', 'foreign', 7, 18_900_000n],
      ['all', 'ofWhichDelegations', 30, 45_000_000n],
      ['all', 'total', 307, 468_900_000n],
    ]);
  });

  it('adds nights columns only under basis night, and low/high only for ranges (rates low/high only in CSV)', () => {
    const keys = (view: SpendingView, settings: ViewSettings) => spendingDoc(view, settings).tables[0].columns.map((c) => c.key);
    expect(keys(viewOf(rows), EN)).toEqual(['period', 'segment', 'visitors', 'basis', 'rate', 'estimate']);
    expect(keys(viewOf(rows, { basis: 'night', nights: 2 }), EN)).toEqual([
      'period',
      'segment',
      'visitors',
      'nights',
      'visitorNights',
      'basis',
      'rate',
      'estimate',
    ]);
    const ranged = viewOf(rows, { flags: { domestic: '1..3' } });
    expect(keys(ranged, EN)).toEqual(['period', 'segment', 'visitors', 'basis', 'rate', 'estimateLow', 'estimate', 'estimateHigh']);
    expect(keys(ranged, CSV)).toEqual([
      'period',
      'segment',
      'visitors',
      'basis',
      'rateLow',
      'rate',
      'rateHigh',
      'estimateLow',
      'estimate',
      'estimateHigh',
      'partial',
    ]);
  });

  it('states every rate used and where it came from', () => {
    const notes = spendingDoc(viewOf(rows, { flags: { foreign: 3_000_000 } }), EN).notes as string[];
    expect(notes[1]).toBe(
      'Rates: domestic IDR 1,500,000 per visit (default); foreign IDR 3,000,000 per visit (--foreign-rate); delegations IDR 1,500,000 per visit (the domestic rate)',
    );
  });

  it('says so when a period has delegations but no arrivals figures', () => {
    const view = viewOf({ arrivals: [arrival(2017, 5, 'domestic', 200)], delegations: [delegation(2018, 2, 30, null)] });
    const notes = spendingDoc(view, EN).notes as string[];
    expect(notes).toContain(
      '2018, of which delegations: 30 x IDR 1,500,000 = IDR 45,000,000 (not in the total: no arrivals figures for this period)',
    );
    expect(view.result.periods[1].total.central).toBe(0n);
  });
});

describe('spendingJson', () => {
  it('has exactly the documented fields', () => {
    const json = spendingJson(viewOf({ arrivals: [arrival(2017, 1, 'domestic', 1)], delegations: [delegation(2017, 1, 1, 2)] })) as any;
    expect(Object.keys(json)).toEqual([
      'scope',
      'groupBy',
      'basis',
      'nights',
      'from',
      'to',
      'totalLow',
      'total',
      'totalHigh',
      'segments',
      'periods',
      'rates',
      'rowsRead',
      'rowsAccepted',
      'rowsRejected',
      'rowsOutOfRange',
      'checks',
      'files',
    ]);
    expect(Object.keys(json.segments[0])).toEqual(['segment', 'inTotal', 'visitors', 'units', 'estimateLow', 'estimate', 'estimateHigh']);
    expect(Object.keys(json.periods[0])).toEqual([
      'period',
      'partial',
      'from',
      'to',
      'lines',
      'ofWhichDelegations',
      'totalLow',
      'total',
      'totalHigh',
    ]);
    expect(Object.keys(json.periods[0].lines[0])).toEqual([
      'segment',
      'visitors',
      'units',
      'nightsEach',
      'rateLow',
      'rate',
      'rateHigh',
      'estimateLow',
      'estimate',
      'estimateHigh',
    ]);
    expect(Object.keys(json.rates[0])).toEqual(['segment', 'from', 'to', 'rateLow', 'rate', 'rateHigh', 'source']);
  });
});
