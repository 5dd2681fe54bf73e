import { DEFAULT_BANDS, bandFor } from '../../src/model/bands';

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

  it('fails clearly when no band covers the percent (bands are checked by parseBands first)', () => {
    expect(() => bandFor(5, [{ min: 10, id: 'A', en: 'a' }])).toThrow('bands: no band covers 5%');
  });
});
