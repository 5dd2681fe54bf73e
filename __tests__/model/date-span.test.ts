import type { FileCoverage } from '../../src/model/coverage';
import { dateSpanOf } from '../../src/model/date-span';
import { formatDateSpan } from '../../src/render/locale';

const day = (year: number, month: number, d: number | null) => ({ year, month, day: d });
const file = (
  kind: FileCoverage['kind'],
  first: [number, number, number] | null,
  last: [number, number, number] | null,
  months: number[] = [],
) => ({
  kind,
  fields: [],
  first: first && day(...first),
  last: last && day(...last),
  months,
  years: [],
});

describe('dateSpanOf', () => {
  const logs = [file('delegations', [2016, 1, 4], [2016, 11, 4]), file('delegations', [2017, 1, 3], [2018, 8, 9])];

  it('spans the first to the last dated row of the kind', () => {
    expect(dateSpanOf(logs, 'delegations', { year: null })).toEqual({ from: day(2016, 1, 4), to: day(2018, 8, 9) });
    expect(dateSpanOf(logs, 'arrivals', { year: null })).toBeNull();
  });

  it('cuts to the year and to --from/--to', () => {
    expect(dateSpanOf(logs, 'delegations', { year: 2017 })).toEqual({ from: day(2017, 1, 3), to: day(2017, 12, 31) });
    expect(dateSpanOf(logs, 'delegations', { year: 2016, to: day(2016, 6, null) })).toEqual({
      from: day(2016, 1, 4),
      to: day(2016, 6, 30),
    });
    expect(dateSpanOf(logs, 'delegations', { year: 2019 })).toBeNull();
  });

  it('takes a monthly figure as its whole month, in or out whole', () => {
    const arrivals = [file('arrivals', null, null, [201701, 201702, 201712])];
    expect(dateSpanOf(arrivals, 'arrivals', { year: 2017 })).toEqual({ from: day(2017, 1, null), to: day(2017, 12, null) });
    expect(dateSpanOf(arrivals, 'arrivals', { year: null, from: day(2017, 2, 10) })).toEqual({
      from: day(2017, 2, null),
      to: day(2017, 12, null),
    });
  });
});

describe('formatDateSpan', () => {
  it('names months in full and the year once when both ends share it', () => {
    expect(formatDateSpan(day(2016, 1, 4), day(2016, 11, 10), 'id')).toBe('4 Januari – 10 November 2016');
    expect(formatDateSpan(day(2016, 1, 4), day(2016, 11, 10), 'en')).toBe('4 January – 10 November 2016');
    expect(formatDateSpan(day(2017, 1, null), day(2017, 12, null), 'en')).toBe('January – December 2017');
    expect(formatDateSpan(day(2017, 3, 13), day(2017, 3, 20), 'en')).toBe('13–20 March 2017');
    expect(formatDateSpan(day(2016, 1, 4), day(2018, 8, 9), 'id')).toBe('4 Januari 2016 – 9 Agustus 2018');
    expect(formatDateSpan(day(2016, 1, 4), day(2016, 1, 4), 'en')).toBe('4 January 2016');
  });
});
