import fc from 'fast-check';
import { ValueIndex } from '../../src/model/value-index';

describe('ValueIndex', () => {
  it('numbers values in order of first appearance and finds them again, as a Map would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a', 'b', 'Pemkab Klaten', 'ééé', '東京'))), {
          maxLength: 400,
        }),
        (values) => {
          const index = new ValueIndex();
          const map = new Map<string | null, number>();
          const numbered = values.map((value) => {
            if (!map.has(value)) map.set(value, map.size);
            return index.add(value);
          });
          expect(numbered).toEqual(values.map((value) => map.get(value)));
          expect(index.size).toBe(map.size);
          expect([...map.keys()].map((value) => index.idOf(value))).toEqual([...map.values()]);
          expect([...map.values()].map((id) => index.valueOf(id))).toEqual([...map.keys()]);
          expect(index.idOf('never added \u0000')).toBe(-1);
          if (!map.has(null)) expect(index.idOf(null)).toBe(-1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps finding every value while it grows to 300,000 (a dozen rehashes)', () => {
    const index = new ValueIndex();
    const wrong: number[] = [];
    for (let i = 0; i < 300_000; i++) if (index.add(`Pemkab ${i}`) !== i) wrong.push(i);
    for (let i = 0; i < 300_000; i++) if (index.idOf(`Pemkab ${i}`) !== i) wrong.push(i);
    expect(wrong).toEqual([]);
    expect(index.add('Pemkab 12345')).toBe(12345);
    expect(index.size).toBe(300_000);
  });
});
