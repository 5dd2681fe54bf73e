import { grown } from '../../src/model/grown';

describe('grown', () => {
  it('keeps the values and the type, and fills the new room', () => {
    const codes = grown(Int32Array.of(4, -2, 7), 6, -1);
    expect(codes).toBeInstanceOf(Int32Array);
    expect([...codes]).toEqual([4, -2, 7, -1, -1, -1]);
    const counts = grown(Float64Array.of(0.5, 2), 4);
    expect(counts).toBeInstanceOf(Float64Array);
    expect([...counts]).toEqual([0.5, 2, 0, 0]);
    expect([...grown(Uint8Array.of(255), 3, 1)]).toEqual([255, 1, 1]);
  });
});
