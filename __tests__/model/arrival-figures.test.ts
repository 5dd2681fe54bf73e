import fc from 'fast-check';
import { ArrivalFigures } from '../../src/model/arrival-figures';
import { type ArrivalDim, breakdownOf } from '../../src/model/arrival-key';
import type { ArrivalRow, Segment } from '../../src/model/records';

const month = (year: number, m: number) => Object.freeze({ year, month: m, day: null });

/** A row of a file with the given dimension columns. */
function row(dims: ArrivalDim[], m: number, segment: Segment, count: number, destination?: string, country?: string): ArrivalRow {
  return {
    period: month(2017, m),
    segment,
    count,
    ...(dims.length ? { destination: destination ?? null, country: country ?? null, breakdown: breakdownOf(dims) } : {}),
  };
}

const figures = (rows: ArrivalRow[], keep: ArrivalDim[] = ['destination', 'country']) => {
  const f = new ArrivalFigures({ granularity: 'month', keep });
  for (const r of rows) f.add(r);
  return f;
};
const total = (rows: ArrivalRow[]) => rows.reduce((n, r) => n + r.count, 0);

describe('ArrivalFigures: totals and breakdowns of the same arrivals are never added together', () => {
  const totals = [row([], 1, 'domestic', 1000), row([], 1, 'foreign', 50)];
  const byDestination = [
    row(['destination'], 1, 'domestic', 600, 'Kawah Ijen'),
    row(['destination'], 1, 'domestic', 400, 'Pulau Merah'),
    row(['destination'], 1, 'foreign', 50, 'kawah ijen '),
    row(['destination'], 2, 'domestic', 700, 'Kawah Ijen'),
  ];
  const byCountry = [row(['country'], 1, 'foreign', 30, undefined, 'Tiongkok'), row(['country'], 1, 'foreign', 20, undefined, 'China')];

  test('the totals count where a file gives them; elsewhere the coarsest breakdown', () => {
    const f = figures([...totals, ...byDestination, ...byCountry]);
    const counted = f.select([]);
    expect(total(counted.filter((r) => r.period.month === 1))).toBe(1050); // not 1050 + 1050 + 50
    expect(total(counted.filter((r) => r.period.month === 2))).toBe(700); // from the destinations
    expect(f.sources().totalsFrom).toEqual([[], ['destination']]);
  });

  test('a view by destination takes the destinations, folded; by country the countries, one per country', () => {
    const f = figures([...totals, ...byDestination, ...byCountry]);
    const ijen = f.select(['destination']).filter((r) => r.destination === 'kawah ijen');
    expect(total(ijen)).toBe(600 + 50 + 700);
    const countries = f.select(['country']);
    expect(countries).toEqual([
      { period: month(2017, 1), segment: 'foreign', count: 50, country: 'CN', breakdown: breakdownOf(['country']) },
    ]);
    expect(f.destinationName('kawah ijen')).toBe('Kawah Ijen');
  });

  test('breakdowns that agree have no differences; one that does not is listed with both sums', () => {
    expect(figures([...totals, ...byDestination, ...byCountry]).differences()).toEqual([]);
    const f = figures([...totals, row(['destination'], 1, 'domestic', 900, 'Kawah Ijen')]);
    expect(f.differences()).toEqual([
      {
        year: 2017,
        month: 1,
        segment: 'domestic',
        counted: { breakdown: 0, sum: 1000 },
        other: { breakdown: breakdownOf(['destination']), sum: 900 },
      },
    ]);
    // January's foreign arrivals have no destination: the totals' 50 with the fallback.
    expect(f.reach(['destination'])).toEqual({ view: 900, withFallback: 950, counted: 1050 });
  });

  test('toData and absorb give what adding every row to one would', () => {
    const rows = [...totals, ...byDestination, ...byCountry];
    const one = figures(rows);
    const a = figures(rows.slice(0, 3));
    a.absorb(figures(rows.slice(3)).toData());
    for (const dims of [[], ['destination'], ['country']] as ArrivalDim[][]) expect(a.select(dims)).toEqual(one.select(dims));
    expect(a.sources()).toEqual(one.sources());
  });

  test('against a reference: per month and segment, the coarsest breakdown counts, whatever the order of the rows', () => {
    const BREAKDOWNS: ArrivalDim[][] = [[], ['destination'], ['country'], ['destination', 'country']];
    const arb = fc.array(
      fc.record({
        b: fc.integer({ min: 0, max: 3 }),
        m: fc.integer({ min: 1, max: 3 }),
        foreign: fc.boolean(),
        count: fc.integer({ min: 0, max: 1000 }),
        d: fc.constantFrom('A', 'a', 'B'),
        c: fc.constantFrom('Jepang', 'Japan', 'Malaysia'),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const rows = specs.map(({ b, m, foreign, count, d, c }) => {
          const dims = BREAKDOWNS[b];
          const segment: Segment = foreign || dims.includes('country') ? 'foreign' : 'domestic';
          return row(dims, m, segment, count, dims.includes('destination') ? d : undefined, dims.includes('country') ? c : undefined);
        });
        // Reference: per month and segment, sum the rows of the breakdown with fewest dimensions (destination before country).
        const expected = new Map<string, number>();
        for (const m of [1, 2, 3]) {
          for (const segment of ['domestic', 'foreign'] as Segment[]) {
            const here = rows.filter((r) => r.period.month === m && r.segment === segment);
            const present = [0, 1, 2, 3].filter((b) => here.some((r) => (r.breakdown ?? 0) === breakdownOf(BREAKDOWNS[b])));
            if (present.length === 0) continue;
            const order = [0, 1, 2, 3]; // totals, destination, country, both
            const pick = order.find((b) => present.includes(b))!;
            expected.set(`${m}|${segment}`, total(here.filter((r) => (r.breakdown ?? 0) === breakdownOf(BREAKDOWNS[pick]))));
          }
        }
        const got = new Map<string, number>();
        for (const r of figures(rows).select([])) {
          const key = `${r.period.month}|${r.segment}`;
          got.set(key, (got.get(key) ?? 0) + r.count);
        }
        expect(got).toEqual(expected);
        const shuffled = figures([...rows].reverse()).select([]);
        expect(total(shuffled)).toBe([...expected.values()].reduce((a, b) => a + b, 0));
      }),
    );
  });
});
