import { DEFAULT_BANDS, bandFor, validateBands } from '../src/model/bands';
import { UsageError } from '../src/errors';

describe('DEFAULT_BANDS with bandFor', () => {
  it.each([
    [0, 'Sangat Kurang', 'Very Poor'],
    [50, 'Sangat Kurang', 'Very Poor'],
    [50.5, 'Sangat Kurang', 'Very Poor'],
    [51, 'Kurang', 'Poor'],
    [65.5, 'Kurang', 'Poor'],
    [66, 'Cukup', 'Fair'],
    [75.99, 'Cukup', 'Fair'],
    [76, 'Baik', 'Good'],
    [90, 'Baik', 'Good'],
    [90.5, 'Baik', 'Good'],
    [91, 'Sangat Baik', 'Very Good'],
    [140, 'Sangat Baik', 'Very Good'],
  ])('%p%% is %s (%s)', (percent, id, en) => {
    const band = bandFor(percent, DEFAULT_BANDS);
    expect(band.id).toBe(id);
    expect(band.en).toBe(en);
  });

  it('are valid themselves', () => {
    expect(() => validateBands(DEFAULT_BANDS)).not.toThrow();
  });
});

describe('validateBands', () => {
  it('returns the bands highest min first without changing the input', () => {
    const input = [
      { min: 0, id: 'C', en: 'c' },
      { min: 80, id: 'A', en: 'a' },
      { min: 40, id: 'B', en: 'b' },
    ];
    expect(validateBands(input).map((b) => b.id)).toEqual(['A', 'B', 'C']);
    expect(input.map((b) => b.id)).toEqual(['C', 'A', 'B']);
  });

  it('rejects two bands with the same min', () => {
    const bands = [
      { min: 0, id: 'C', en: 'c' },
      { min: 50, id: 'B', en: 'b' },
      { min: 50, id: 'A', en: 'a' },
    ];
    expect(() => validateBands(bands)).toThrow(UsageError);
    expect(() => validateBands(bands)).toThrow(/50/);
  });

  it('rejects bands that leave 0% without a grade', () => {
    expect(() => validateBands([{ min: 10, id: 'A', en: 'a' }])).toThrow(UsageError);
    expect(() => validateBands([])).toThrow(/0%/);
  });

  it('accepts a negative lowest min as covering 0', () => {
    expect(() => validateBands([{ min: -1, id: 'A', en: 'a' }])).not.toThrow();
  });

  it('rejects a band without labels or with a min that is not a number', () => {
    expect(() => validateBands([{ min: 0, id: ' ', en: 'a' }])).toThrow(UsageError);
    expect(() => validateBands([{ min: NaN, id: 'A', en: 'a' }, { min: 0, id: 'B', en: 'b' }])).toThrow(UsageError);
  });
});

describe('bandFor with custom bands', () => {
  const bands = [
    { min: 0, id: 'Rendah', en: 'Low' },
    { min: 100, id: 'Tercapai', en: 'Met' },
    { min: 60, id: 'Sedang', en: 'Medium' },
  ];

  it('does not depend on the order the bands are listed in', () => {
    expect(bandFor(59.9, bands).en).toBe('Low');
    expect(bandFor(60, bands).en).toBe('Medium');
    expect(bandFor(99.99, bands).en).toBe('Medium');
    expect(bandFor(100, bands).en).toBe('Met');
  });

  it('fails clearly when no band covers the percent', () => {
    expect(() => bandFor(5, [{ min: 10, id: 'A', en: 'a' }])).toThrow(UsageError);
  });
});
