import { countryByCode, countryOf, knownCountries, normalizeName } from '../../src/model/countries';

describe('countryOf: one country per name, across Indonesian and English spellings', () => {
  // BPS's main markets, as issue 15 lists them, each with the spellings tables use.
  const MARKETS: [string, string[]][] = [
    ['MY', ['Malaysia']],
    ['SG', ['Singapura', 'Singapore']],
    ['CN', ['Tiongkok', 'China', 'RRT', 'RRC', 'Cina', "People's Republic of China", 'china']],
    ['AU', ['Australia']],
    ['JP', ['Jepang', 'Japan']],
    ['KR', ['Korea Selatan', 'South Korea', 'Korsel']],
    ['IN', ['India']],
    ['US', ['Amerika Serikat', 'USA', 'United States', 'United States of America', 'AS']],
    ['GB', ['Inggris', 'United Kingdom', 'UK', 'Inggris Raya']],
    ['NL', ['Belanda', 'Netherlands', 'Holland']],
    ['DE', ['Jerman', 'Germany']],
    ['FR', ['Prancis', 'Perancis', 'France']],
    ['RU', ['Rusia', 'Russia']],
    ['TL', ['Timor Leste', 'Timor-Leste', 'East Timor']],
    ['PH', ['Filipina', 'Philippines']],
    ['TH', ['Thailand']],
    ['TW', ['Taiwan']],
    ['SA', ['Arab Saudi', 'Saudi Arabia']],
  ];

  test.each(MARKETS)('%s', (code, names) => {
    for (const name of names) expect([name, countryOf(name)?.code]).toEqual([name, code]);
  });

  test('case, accents, spaces and punctuation do not matter', () => {
    expect(countryOf('  TIMOR   leste ')?.code).toBe('TL');
    expect(countryOf('Côte d’Ivoire')?.code).toBe(countryOf('Cote dIvoire')?.code);
    expect(normalizeName('Korea, Selatan')).toBe('koreaselatan');
  });

  test('a name no country has is not guessed', () => {
    expect(countryOf('Xyzland')).toBeNull();
    expect(countryOf('')).toBeNull();
    expect(countryOf('Lainnya')).toBeNull();
  });

  test('each country has one name in each language, the tourism tables’ own where the ISO name differs', () => {
    expect(countryByCode('CN')).toEqual({ code: 'CN', en: 'China', id: 'Tiongkok' });
    expect(countryByCode('US')?.en).toBe('United States');
    expect(countryByCode('FR')?.id).toBe('Prancis');
    expect(countryByCode('GB')?.id).toBe('Inggris');
    expect(knownCountries()).toBeGreaterThanOrEqual(249);
  });
});
