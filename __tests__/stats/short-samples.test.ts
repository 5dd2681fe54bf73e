import fc from 'fast-check';
import { describeSorted } from '../../src/stats/describe';
import { IntSample } from '../../src/stats/int-sample';
import { INLINE, ShortSamples } from '../../src/stats/short-samples';
import { expectIdentical } from '../helpers/describe';

const reference = (values: number[]) => describeSorted(Float64Array.from(values).sort());

const shortLists = fc.array(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: INLINE }), {
  minLength: 1,
  maxLength: 50,
});

/** The lists added interleaved, as rows of a file would come. */
function samplesOf(lists: number[][]): ShortSamples {
  const samples = new ShortSamples();
  const ids = lists.map(() => samples.create());
  for (let k = 0; k < INLINE; k++) lists.forEach((values, i) => k < values.length && expect(samples.add(ids[i], values[k])).toBe(true));
  return samples;
}

describe('ShortSamples', () => {
  it('describes each sample exactly like its values sorted, and sums them', () => {
    fc.assert(
      fc.property(shortLists, (lists) => {
        const samples = samplesOf(lists);
        expect(samples.size).toBe(lists.length);
        lists.forEach((values, id) => {
          expectIdentical(samples.describe(id), reference(values));
          expect(samples.length(id)).toBe(values.length);
          expect(samples.sum(id)).toBe(values.reduce((a, b) => a + b, 0));
          expect(values.map((_, k) => samples.valueAt(id, k))).toEqual(values);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('adds its samples to an IntSample, exactly', () => {
    fc.assert(
      fc.property(shortLists, (lists) => {
        const samples = samplesOf(lists);
        const all = new IntSample();
        lists.forEach((_, id) => samples.addTo(id, all));
        expectIdentical(all.describe(), reference(lists.flat()));
      }),
    );
  });

  it('refuses (adding nothing) a value past INLINE and one that is not a 32-bit integer', () => {
    const samples = new ShortSamples();
    const id = samples.create();
    for (let k = 0; k < INLINE; k++) expect(samples.add(id, k)).toBe(true);
    expect(samples.add(id, 99)).toBe(false);
    expect(samples.length(id)).toBe(INLINE);
    const other = samples.create();
    // Not a 32-bit integer: left to the caller's IntSample, which holds any count up to 2^53 - 1.
    expect(samples.add(other, 2 ** 31)).toBe(false);
    expect(samples.add(other, 1.5)).toBe(false);
    expect(samples.length(other)).toBe(0);
    samples.clear(id);
    expectIdentical(samples.describe(id), reference([]));
  });

  it('crosses to another thread as plain data and goes on there', () => {
    const copy = ShortSamples.fromData(structuredClone(samplesOf([[3], [1, 2], []]).toData()));
    copy.add(0, 8);
    copy.add(2, 5);
    const more = copy.create();
    copy.add(more, 42);
    expectIdentical(copy.describe(0), reference([3, 8]));
    expectIdentical(copy.describe(1), reference([1, 2]));
    expectIdentical(copy.describe(2), reference([5]));
    expectIdentical(copy.describe(more), reference([42]));
  });
});
