/**
 * Country names matched to one country each, across Indonesian and English spellings: `Tiongkok`,
 * `RRT`, `China` and `People's Republic of China` are one market. The names are i18n-iso-countries'
 * (ISO 3166-1: every country's English and Indonesian names and the English aliases, and the alpha-3
 * codes), with the spellings BPS and regency tables use that it lacks (EXTRA_NAMES). Names are compared
 * ignoring case, accents, spaces and punctuation (`Timor Leste` = `Timor-Leste`). A name two countries
 * share (`Congo`) matches neither. A name that matches no country is not guessed at: it is kept as
 * written, and the input's data quality counts it.
 *
 * Built on first use (a command that reads no country column never loads the tables).
 */

export interface Country {
  /** ISO 3166-1 alpha-2: `CN`. */
  readonly code: string;
  /** The one name shown for it: `China` / `Tiongkok`. */
  readonly en: string;
  readonly id: string;
}

/** Spellings of BPS's markets and of Indonesian tables that the ISO names do not have. */
const EXTRA_NAMES: Record<string, readonly string[]> = {
  CN: ['Tiongkok', 'RRT', 'RRC', 'Cina', 'Republik Rakyat Tiongkok', 'Republik Rakyat China', 'Republik Rakyat Cina', 'PRC'],
  GB: ['Inggris', 'Inggris Raya', 'Britania', 'England'],
  FR: ['Prancis'],
  US: ['AS', 'Amerika'],
  KR: ['Korsel'],
  TL: ['Timor Timur', 'East Timor'],
  NL: ['Holland'],
  AE: ['Emirat Arab', 'Persatuan Emirat Arab'],
  SA: ['Saudi'],
  VN: ['Vietnam'],
  MM: ['Burma'],
  NZ: ['Selandia Baru'],
  CZ: ['Ceko'],
};

/** The one name shown, where the ISO table's first name is not the one tourism tables use. */
const SHOWN: Record<string, { en?: string; id?: string }> = {
  CN: { en: 'China', id: 'Tiongkok' },
  GB: { id: 'Inggris' },
  FR: { id: 'Prancis' },
  TL: { id: 'Timor Leste' },
  US: { en: 'United States' },
  RU: { en: 'Russia' },
  TW: { en: 'Taiwan' },
  IR: { en: 'Iran' },
  TZ: { en: 'Tanzania' },
  LA: { en: 'Laos' },
  SY: { en: 'Syria' },
  MD: { en: 'Moldova' },
  MK: { en: 'North Macedonia' },
  PS: { en: 'Palestine' },
  GM: { en: 'Gambia' },
  CG: { en: 'Congo' },
  CD: { en: 'DR Congo' },
};

/** Lower case, without accents, letters and digits only: the form names are compared in. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

interface Tables {
  byName: Map<string, Country>;
  byCode: Map<string, Country>;
}

let tables: Tables | null = null;

function build(): Tables {
  type Names = { countries: Record<string, string | string[]> };
  const en = (require('i18n-iso-countries/langs/en.json') as Names).countries;
  const id = (require('i18n-iso-countries/langs/id.json') as Names).countries;
  // [alpha-2, alpha-3, numeric, ...] per country; read as data, without the library's module (and its dependencies).
  const codes = require('i18n-iso-countries/codes.json') as string[][];
  const alpha3 = Object.fromEntries(codes.map(([two, three]) => [two, three]));
  const list = (names: string | string[] | undefined) => (names === undefined ? [] : Array.isArray(names) ? names : [names]);
  const byCode = new Map<string, Country>();
  const candidates = new Map<string, Set<string>>();
  const offer = (name: string, code: string) => {
    const key = normalizeName(name);
    if (key === '') return;
    let codes = candidates.get(key);
    if (!codes) candidates.set(key, (codes = new Set()));
    codes.add(code);
  };
  for (const code of Object.keys(en)) {
    const names = { en: list(en[code]), id: list(id[code]) };
    byCode.set(
      code,
      Object.freeze({ code, en: SHOWN[code]?.en ?? names.en[0], id: SHOWN[code]?.id ?? names.id[0] ?? SHOWN[code]?.en ?? names.en[0] }),
    );
    for (const name of [...names.en, ...names.id, ...(EXTRA_NAMES[code] ?? [])]) offer(name, code);
    offer(alpha3[code] ?? '', code);
  }
  const byName = new Map<string, Country>();
  for (const [key, codes] of candidates) if (codes.size === 1) byName.set(key, byCode.get([...codes][0])!);
  return { byName, byCode };
}

/** The country a name stands for, or null when it matches none (or more than one). */
export function countryOf(name: string): Country | null {
  tables ??= build();
  return tables.byName.get(normalizeName(name)) ?? null;
}

/** The country of an ISO 3166-1 alpha-2 code. */
export function countryByCode(code: string): Country | null {
  tables ??= build();
  return tables.byCode.get(code) ?? null;
}

/** How many countries the table knows. */
export function knownCountries(): number {
  tables ??= build();
  return tables.byCode.size;
}

/** Indonesia: its residents are domestic visitors, never a foreign market. */
export const HOME_COUNTRY = 'ID';
