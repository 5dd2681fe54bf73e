#!/usr/bin/env node
/**
 * Writes fixtures/sample/ (the bundled data, reproducing the seed figures exactly) and fixtures/messy/
 * (small files that each exercise one real-world input problem). Plain Node, no dependencies, and
 * deterministic: every random choice comes from a seeded PRNG, so two runs give byte-identical files.
 * Throws when a total, a date range or a row count is off; prints the totals when it succeeds.
 *
 *   node scripts/make-fixtures.js
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', 'fixtures');

// ---------------------------------------------------------------------------------------------------
// Randomness: mulberry32, so the output never depends on Math.random or the Node version.

const mulberry32 = require('./lib/mulberry32');

const randInt = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (rand, items) => items[Math.floor(rand() * items.length)];

/** Picks a key of `weights` ({key: weight}) with probability proportional to its weight. */
function pickWeighted(rand, weights) {
  const entries = Object.entries(weights);
  let r = rand() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return entries[entries.length - 1][0];
}

/** Splits `total` into integers proportional to `weights`, summing exactly (largest remainder). */
function apportion(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const byRemainder = exact.map((x, i) => [x - parts[i], i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const shortfall = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < shortfall; k++) parts[byRemainder[k][1]]++;
  return parts;
}

// ---------------------------------------------------------------------------------------------------
// Calendar (UTC, so the weekday never depends on the machine's time zone).

const utc = (iso) => new Date(`${iso}T00:00:00Z`);
const isoOf = (date) => date.toISOString().slice(0, 10);
const weekdayOf = (iso) => utc(iso).getUTCDay(); // 0 = Sunday
const isWeekday = (iso) => weekdayOf(iso) >= 1 && weekdayOf(iso) <= 5;

function isoRange(fromIso, toIso) {
  const days = [];
  for (let d = utc(fromIso); d <= utc(toIso); d.setUTCDate(d.getUTCDate() + 1)) days.push(isoOf(d));
  return days;
}

/** Expands `['2016-07-04..2016-07-08', '2016-08-17']` into a set of ISO days. */
const holidaySet = (spans) => new Set(spans.flatMap((span) => (span.includes('..') ? isoRange(...span.split('..')) : [span])));

const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const MONTHS_ID_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agt', 'Sep', 'Okt', 'Nov', 'Des'];
const MONTHS_EN_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

const pad2 = (n) => String(n).padStart(2, '0');
const ymd = (iso) => iso.split('-').map(Number);

/** The date spellings the messy files use, each rendered from an ISO date so it is always correct. */
const DATE_STYLES = {
  iso: (iso) => iso,
  dmy: (iso) => {
    const [y, m, d] = ymd(iso);
    return `${d}/${m}/${y}`;
  },
  dmyPadded: (iso) => {
    const [y, m, d] = ymd(iso);
    return `${pad2(d)}/${pad2(m)}/${y}`;
  },
  dmyDots: (iso) => {
    const [y, m, d] = ymd(iso);
    return `${d}.${m}.${y}`;
  },
  dmyShortDash: (iso) => {
    const [y, m, d] = ymd(iso);
    return `${pad2(d)}-${pad2(m)}-${String(y).slice(2)}`;
  },
  longId: (iso) => {
    const [y, m, d] = ymd(iso);
    return `${d} ${MONTHS_ID[m - 1]} ${y}`;
  },
  shortId: (iso) => {
    const [y, m, d] = ymd(iso);
    return `${d} ${MONTHS_ID_SHORT[m - 1]} ${y}`;
  },
  shortEn: (iso) => {
    const [y, m, d] = ymd(iso);
    return `${d} ${MONTHS_EN_SHORT[m - 1]} ${y}`;
  },
  excelEn: (iso) => {
    const [y, m, d] = ymd(iso);
    return `${d}-${MONTHS_EN_SHORT[m - 1]}-${String(y).slice(2)}`;
  },
  weekdayId: (iso) => `${DAYS_ID[weekdayOf(iso)]}, ${DATE_STYLES.longId(iso)}`,
};

/** Month-only spellings for arrivals periods (`m` is 1..12). */
const PERIOD_STYLES = {
  iso: (y, m) => `${y}-${pad2(m)}`,
  longId: (y, m) => `${MONTHS_ID[m - 1]} ${y}`,
  shortId: (y, m) => `${MONTHS_ID_SHORT[m - 1]} ${y}`,
  shortEn: (y, m) => `${MONTHS_EN_SHORT[m - 1]} ${y}`,
};

// ---------------------------------------------------------------------------------------------------
// CSV writing. Each file chooses its delimiter, line ending and which characters force quotes, the
// way the program that "wrote" it would.

function csvText(rows, { delimiter = ',', eol = '\n', mustQuote = /[,;"\r\n]/ } = {}) {
  const field = (value) => {
    const text = value === null || value === undefined ? '' : String(value);
    return mustQuote.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(field).join(delimiter) + eol).join('');
}

/** Thousands grouping: `1250` -> `1.250` (Indonesian) or `1,250` (English). */
const grouped = (n, separator) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

// ---------------------------------------------------------------------------------------------------
// Encodings the messy files need. Windows-1252 only for the few non-ASCII characters used here.

const CP1252 = { '\u2013': 0x96, '\u201c': 0x93, '\u201d': 0x94, '\u2019': 0x92, '\u00e9': 0xe9 };

function encodeWindows1252(text) {
  return Buffer.from(
    [...text].map((ch) => {
      if (ch.charCodeAt(0) < 0x80) return ch.charCodeAt(0);
      if (CP1252[ch] === undefined) throw new Error(`no Windows-1252 byte for ${JSON.stringify(ch)}`);
      return CP1252[ch];
    }),
  );
}

const encodeUtf16le = (text) => Buffer.from(`\ufeff${text}`, 'utf16le');
const encodeUtf16be = (text) => encodeUtf16le(text).swap16();
const withUtf8Bom = (text) => Buffer.from(`\ufeff${text}`, 'utf8');

// ---------------------------------------------------------------------------------------------------
// Who visits. Region is the province; type is one of the SPEC's instansi kinds. One entry per origin,
// so region and type are consistent per origin by construction.

const PURPOSES = ['Mall Pelayanan Publik', 'Smart Kampung', 'e-Government', 'Perizinan', 'Pariwisata', 'Keuangan Desa'];
const TYPES = ['Pemkab', 'Pemkot', 'Pemprov', 'DPRD', 'Kementerian/Lembaga', 'Desa'];

const ORIGINS = [
  // Named in the seed articles.
  ['Pemkab Sukoharjo', 'Jawa Tengah', 'Pemkab'],
  ['DPRD Sabang', 'Aceh', 'DPRD'],
  ['Pemkab Lahat', 'Sumatera Selatan', 'Pemkab'],
  ['Pemkab Pasangkayu', 'Sulawesi Barat', 'Pemkab'],
  ['Kades se-Kabupaten Pasangkayu', 'Sulawesi Barat', 'Desa'],
  ['Pemkot Bogor', 'Jawa Barat', 'Pemkot'],
  ['Pemkab Bandung Barat', 'Jawa Barat', 'Pemkab'],
  ['Kemendes PDTT', 'DKI Jakarta', 'Kementerian/Lembaga'],
  ['Pemkab Mamuju Tengah', 'Sulawesi Barat', 'Pemkab'],
  ['DPRD Mamuju Tengah', 'Sulawesi Barat', 'DPRD'],
  // Others of the kind that visit.
  ['Pemkab Sleman', 'DI Yogyakarta', 'Pemkab'],
  ['Pemkab Kulon Progo', 'DI Yogyakarta', 'Pemkab'],
  ['Pemkab Sragen', 'Jawa Tengah', 'Pemkab'],
  ['Pemkab Klaten', 'Jawa Tengah', 'Pemkab'],
  ['Pemkab Boyolali', 'Jawa Tengah', 'Pemkab'],
  ['Pemkab Kudus', 'Jawa Tengah', 'Pemkab'],
  ['Pemkab Jepara', 'Jawa Tengah', 'Pemkab'],
  ['Pemkab Bojonegoro', 'Jawa Timur', 'Pemkab'],
  ['Pemkab Lamongan', 'Jawa Timur', 'Pemkab'],
  ['Pemkab Trenggalek', 'Jawa Timur', 'Pemkab'],
  ['Pemkab Pacitan', 'Jawa Timur', 'Pemkab'],
  ['Pemkab Gianyar', 'Bali', 'Pemkab'],
  ['Pemkab Badung', 'Bali', 'Pemkab'],
  ['Pemkab Lombok Timur', 'Nusa Tenggara Barat', 'Pemkab'],
  ['Pemkab Sumbawa', 'Nusa Tenggara Barat', 'Pemkab'],
  ['Pemkab Manggarai Barat', 'Nusa Tenggara Timur', 'Pemkab'],
  ['Pemkab Sikka', 'Nusa Tenggara Timur', 'Pemkab'],
  ['Pemkab Aceh Besar', 'Aceh', 'Pemkab'],
  ['Pemkab Pidie', 'Aceh', 'Pemkab'],
  ['Pemkab Deli Serdang', 'Sumatera Utara', 'Pemkab'],
  ['Pemkab Tapanuli Utara', 'Sumatera Utara', 'Pemkab'],
  ['Pemkab Agam', 'Sumatera Barat', 'Pemkab'],
  ['Pemkab Siak', 'Riau', 'Pemkab'],
  ['Pemkab Kampar', 'Riau', 'Pemkab'],
  ['Pemkab Muara Enim', 'Sumatera Selatan', 'Pemkab'],
  ['Pemkab Musi Banyuasin', 'Sumatera Selatan', 'Pemkab'],
  ['Pemkab Lampung Selatan', 'Lampung', 'Pemkab'],
  ['Pemkab Bangka Barat', 'Kepulauan Bangka Belitung', 'Pemkab'],
  ['Pemkab Kutai Kartanegara', 'Kalimantan Timur', 'Pemkab'],
  ['Pemkab Berau', 'Kalimantan Timur', 'Pemkab'],
  ['Pemkab Kotawaringin Barat', 'Kalimantan Tengah', 'Pemkab'],
  ['Pemkab Banjar', 'Kalimantan Selatan', 'Pemkab'],
  ['Pemkab Gowa', 'Sulawesi Selatan', 'Pemkab'],
  ['Pemkab Bantaeng', 'Sulawesi Selatan', 'Pemkab'],
  ['Pemkab Minahasa Utara', 'Sulawesi Utara', 'Pemkab'],
  ['Pemkab Banggai', 'Sulawesi Tengah', 'Pemkab'],
  ['Pemkab Konawe', 'Sulawesi Tenggara', 'Pemkab'],
  ['Pemkab Halmahera Utara', 'Maluku Utara', 'Pemkab'],
  ['Pemkab Maluku Tengah', 'Maluku', 'Pemkab'],
  ['Pemkab Jayapura', 'Papua', 'Pemkab'],
  ['Pemkab Manokwari', 'Papua Barat', 'Pemkab'],
  ['Pemkab Purwakarta', 'Jawa Barat', 'Pemkab'],
  ['Pemkab Garut', 'Jawa Barat', 'Pemkab'],
  ['Pemkab Serang', 'Banten', 'Pemkab'],
  ['Pemkab Pandeglang', 'Banten', 'Pemkab'],
  ['Pemkot Surakarta', 'Jawa Tengah', 'Pemkot'],
  ['Pemkot Semarang', 'Jawa Tengah', 'Pemkot'],
  ['Pemkot Makassar', 'Sulawesi Selatan', 'Pemkot'],
  ['Pemkot Balikpapan', 'Kalimantan Timur', 'Pemkot'],
  ['Pemkot Padang', 'Sumatera Barat', 'Pemkot'],
  ['Pemkot Pekanbaru', 'Riau', 'Pemkot'],
  ['Pemkot Ambon', 'Maluku', 'Pemkot'],
  ['Pemkot Kupang', 'Nusa Tenggara Timur', 'Pemkot'],
  ['Pemkot Mataram', 'Nusa Tenggara Barat', 'Pemkot'],
  ['Pemkot Tangerang Selatan', 'Banten', 'Pemkot'],
  ['Pemkot Batu', 'Jawa Timur', 'Pemkot'],
  ['Pemkot Palembang', 'Sumatera Selatan', 'Pemkot'],
  ['Pemkot Tarakan', 'Kalimantan Utara', 'Pemkot'],
  ['Pemkot Gorontalo', 'Gorontalo', 'Pemkot'],
  ['Pemkot Pontianak', 'Kalimantan Barat', 'Pemkot'],
  ['Pemprov Sulawesi Barat', 'Sulawesi Barat', 'Pemprov'],
  ['Pemprov Kalimantan Utara', 'Kalimantan Utara', 'Pemprov'],
  ['Pemprov Nusa Tenggara Barat', 'Nusa Tenggara Barat', 'Pemprov'],
  ['Pemprov Gorontalo', 'Gorontalo', 'Pemprov'],
  ['Pemprov Kepulauan Riau', 'Kepulauan Riau', 'Pemprov'],
  ['DPRD Batam', 'Kepulauan Riau', 'DPRD'],
  ['DPRD Tegal', 'Jawa Tengah', 'DPRD'],
  ['DPRD Landak', 'Kalimantan Barat', 'DPRD'],
  ['DPRD Palu', 'Sulawesi Tengah', 'DPRD'],
  ['DPRD Provinsi Jambi', 'Jambi', 'DPRD'],
  ['DPRD Pasangkayu', 'Sulawesi Barat', 'DPRD'],
  ['Kemenpan RB', 'DKI Jakarta', 'Kementerian/Lembaga'],
  ['Kemendagri', 'DKI Jakarta', 'Kementerian/Lembaga'],
  ['Bappenas', 'DKI Jakarta', 'Kementerian/Lembaga'],
  ['Lembaga Administrasi Negara', 'DKI Jakarta', 'Kementerian/Lembaga'],
  ['Ombudsman RI', 'DKI Jakarta', 'Kementerian/Lembaga'],
  ['Desa Panggungharjo', 'DI Yogyakarta', 'Desa'],
  ['Desa Ponggok', 'Jawa Tengah', 'Desa'],
  ['Desa Kutuh', 'Bali', 'Desa'],
  ['Kades se-Kabupaten Ngawi', 'Jawa Timur', 'Desa'],
].map(([name, region, type]) => ({ name, region, type }));

const ORIGIN_BY_NAME = new Map(ORIGINS.map((o) => [o.name, o]));

/** Group sizes by type: a usual range, and whether a big "all SKPD / all village heads" trip happens. */
const SIZE_BY_TYPE = {
  Pemkab: { lo: 20, hi: 120, big: 0.07 },
  Pemkot: { lo: 20, hi: 110, big: 0.04 },
  Pemprov: { lo: 25, hi: 110, big: 0.05 },
  DPRD: { lo: 12, hi: 60, big: 0 },
  'Kementerian/Lembaga': { lo: 15, hi: 60, big: 0 },
  Desa: { lo: 30, hi: 120, big: 0.12 },
};

/** What each type comes to study (relative weights). */
const PURPOSE_WEIGHTS_BY_TYPE = {
  Pemkab: { 'Mall Pelayanan Publik': 4, 'Smart Kampung': 3, 'e-Government': 4, Perizinan: 3, Pariwisata: 3, 'Keuangan Desa': 2 },
  Pemkot: { 'Mall Pelayanan Publik': 4, 'Smart Kampung': 1, 'e-Government': 4, Perizinan: 4, Pariwisata: 3, 'Keuangan Desa': 1 },
  Pemprov: { 'Mall Pelayanan Publik': 3, 'Smart Kampung': 2, 'e-Government': 4, Perizinan: 2, Pariwisata: 3, 'Keuangan Desa': 1 },
  DPRD: { 'Mall Pelayanan Publik': 3, 'Smart Kampung': 2, 'e-Government': 2, Perizinan: 2, Pariwisata: 5, 'Keuangan Desa': 2 },
  'Kementerian/Lembaga': {
    'Mall Pelayanan Publik': 4,
    'Smart Kampung': 3,
    'e-Government': 4,
    Perizinan: 2,
    Pariwisata: 1,
    'Keuangan Desa': 3,
  },
  Desa: { 'Mall Pelayanan Publik': 1, 'Smart Kampung': 6, 'e-Government': 1, Perizinan: 1, Pariwisata: 2, 'Keuangan Desa': 5 },
};

/** The Mall Pelayanan Publik opened on 6 October 2017 (seed articles): nobody studied it before. */
const MALL_OPENED = '2017-10-06';

// ---------------------------------------------------------------------------------------------------
// fixtures/sample: delegation logs per year.

/**
 * Per year: the date span, exact row count and people total, the seasonal weight of each month
 * (Jan..Dec; a month's share of rows is weight x its working days), the days nobody comes (main
 * national holidays and Lebaran leave), and the rows taken from the seed articles (fields left out are
 * drawn like any other row).
 */
const DELEGATION_YEARS = [
  {
    year: 2016,
    from: '2016-01-04',
    to: '2016-11-04',
    rows: 345,
    people: 24150,
    seed: 2016,
    // Lebaran on 6 July 2016: Ramadan in June and the Lebaran week in July are quiet.
    monthWeights: [0.7, 0.9, 1.2, 1.2, 1.15, 0.8, 0.55, 1.1, 1.15, 1.25, 1.2, 0],
    holidays: ['2016-02-08', '2016-03-09', '2016-03-25', '2016-05-05', '2016-05-06', '2016-07-04..2016-07-08', '2016-08-17', '2016-09-12'],
    fixed: [
      { date: '2016-01-04' },
      { date: '2016-10-13', origin: 'Pemkab Bandung Barat', people: 90, nights: 3, purposes: ['e-Government', 'Pariwisata'] },
      { date: '2016-11-04' },
    ],
  },
  {
    year: 2017,
    from: '2017-01-01',
    to: '2017-12-31',
    rows: 520,
    people: 39000,
    seed: 2017,
    // Lebaran on 25 June 2017; the year-end holidays empty December.
    monthWeights: [0.55, 0.9, 1.25, 1.2, 1.2, 0.5, 0.85, 1.2, 1.2, 1.25, 1.2, 0.55],
    holidays: [
      '2017-01-02',
      '2017-03-28',
      '2017-04-14',
      '2017-04-24',
      '2017-05-01',
      '2017-05-11',
      '2017-05-25',
      '2017-06-01',
      '2017-06-23..2017-06-30',
      '2017-08-17',
      '2017-09-01',
      '2017-09-21',
      '2017-12-01',
      '2017-12-25',
      '2017-12-26',
    ],
    fixed: [
      // "jajaran Pemkab Sukoharjo ... dan jajaran DPRD Sabang sebanyak 40 orang", Kamis (9/3).
      {
        date: '2017-03-09',
        origin: 'Pemkab Sukoharjo',
        people: 25,
        nights: null,
        purposes: ['e-Government', 'Perizinan', 'Pariwisata', 'Keuangan Desa'],
      },
      { date: '2017-03-09', origin: 'DPRD Sabang', people: 15, nights: null, purposes: ['Pariwisata'] },
    ],
  },
  {
    year: 2018,
    from: '2018-01-02',
    to: '2018-08-09',
    rows: 398,
    people: 29870,
    seed: 2018,
    // Lebaran on 15 June 2018; Ramadan from mid-May.
    monthWeights: [0.65, 0.95, 1.25, 1.2, 1.0, 0.45, 1.05, 1.2, 0, 0, 0, 0],
    holidays: [
      '2018-01-01',
      '2018-02-16',
      '2018-03-30',
      '2018-05-01',
      '2018-05-10',
      '2018-05-29',
      '2018-06-01',
      '2018-06-11..2018-06-20',
      '2018-06-27',
    ],
    fixed: [
      { date: '2018-01-02' },
      // Bupati Lahat "ditemani 14 jajarannya", in Banyuwangi Sunday to Wednesday; counted on the Monday.
      {
        date: '2018-02-26',
        origin: 'Pemkab Lahat',
        people: 15,
        nights: 3,
        purposes: ['Mall Pelayanan Publik', 'Smart Kampung', 'Perizinan', 'Keuangan Desa'],
      },
      { date: '2018-02-26', origin: 'Pemkab Pasangkayu', people: 35, nights: 3, purposes: ['Mall Pelayanan Publik', 'Smart Kampung'] },
      { date: '2018-02-26', origin: 'Kades se-Kabupaten Pasangkayu', people: 60, nights: 3, purposes: ['Smart Kampung', 'Keuangan Desa'] },
      { date: '2018-02-26', origin: 'Pemkot Bogor', people: 20, nights: 2, purposes: ['Mall Pelayanan Publik', 'Perizinan'] },
      {
        date: '2018-08-08',
        origin: 'Kemendes PDTT',
        people: 29,
        nights: null,
        purposes: ['Mall Pelayanan Publik', 'Smart Kampung', 'Keuangan Desa'],
      },
      { date: '2018-08-09' },
    ],
  },
];

const DELEGATION_HEADER = ['date', 'origin', 'region', 'type', 'people', 'nights', 'purpose'];

/** Working days (Mon-Fri, not a holiday) of the span, grouped by month index 0..11. */
function workingDaysByMonth(spec) {
  const holidays = holidaySet(spec.holidays);
  const byMonth = Array.from({ length: 12 }, () => []);
  for (const iso of isoRange(spec.from, spec.to)) {
    if (isWeekday(iso) && !holidays.has(iso)) byMonth[ymd(iso)[1] - 1].push(iso);
  }
  return byMonth;
}

/** The dates of the drawn (not fixed) rows: each month gets rows by weight x working days. */
function drawDates(rand, spec, count) {
  const days = workingDaysByMonth(spec);
  const perMonth = apportion(
    count,
    days.map((d, i) => d.length * spec.monthWeights[i]),
  );
  return perMonth.flatMap((n, i) => Array.from({ length: n }, () => pick(rand, days[i])));
}

/** A group size before scaling, and whether it is a usual-size group that scaling may adjust. */
function drawSize(rand, type) {
  const { lo, hi, big } = SIZE_BY_TYPE[type];
  if (rand() < big) return { people: randInt(rand, 150, 500), adjustable: false };
  if (rand() < 0.04) return { people: randInt(rand, 10, 19), adjustable: false };
  // Skewed towards the low end of the range: most groups are a bus or two.
  return { people: lo + Math.round((hi - lo) * rand() ** 1.4), adjustable: true };
}

function drawNights(rand) {
  if (rand() < 0.12) return null; // unknown
  return Number(pickWeighted(rand, { 2: 55, 3: 30, 4: 15 }));
}

function drawPurposes(rand, type, date) {
  const weights = { ...PURPOSE_WEIGHTS_BY_TYPE[type] };
  if (date < MALL_OPENED) delete weights['Mall Pelayanan Publik'];
  const count = Number(pickWeighted(rand, { 1: 55, 2: 35, 3: 10 }));
  const chosen = new Set();
  while (chosen.size < count) chosen.add(pickWeighted(rand, weights));
  return PURPOSES.filter((p) => chosen.has(p));
}

/** A random origin not already in `taken` (one government sends one group a day). */
function drawOrigin(rand, taken) {
  for (;;) {
    const origin = pick(rand, ORIGINS);
    if (!taken.has(origin.name)) return origin;
  }
}

function drawDelegation(rand, date, taken, fixed = {}) {
  const origin = fixed.origin ? ORIGIN_BY_NAME.get(fixed.origin) : drawOrigin(rand, taken);
  if (!origin) throw new Error(`unknown origin ${fixed.origin}`);
  taken.add(origin.name);
  const size = 'people' in fixed ? { people: fixed.people, adjustable: false } : drawSize(rand, origin.type);
  return {
    date,
    origin: origin.name,
    region: origin.region,
    type: origin.type,
    ...size,
    nights: 'nights' in fixed ? fixed.nights : drawNights(rand),
    purposes: fixed.purposes ?? drawPurposes(rand, origin.type, date),
  };
}

/**
 * Brings the people total to exactly `target`: scales the usual-size groups, then moves single people
 * between random usual-size groups, keeping each within 20..120.
 */
function fitTotal(rand, rows, target) {
  const adjustable = rows.filter((r) => r.adjustable);
  const fixedSum = rows.filter((r) => !r.adjustable).reduce((s, r) => s + r.people, 0);
  const factor = (target - fixedSum) / adjustable.reduce((s, r) => s + r.people, 0);
  if (factor < 0.8 || factor > 1.25) throw new Error(`size model is off: scaling by ${factor.toFixed(3)}`);
  for (const r of adjustable) r.people = Math.min(120, Math.max(20, Math.round(r.people * factor)));
  let diff = target - rows.reduce((s, r) => s + r.people, 0);
  while (diff !== 0) {
    const r = pick(rand, adjustable);
    const step = Math.sign(diff);
    if (r.people + step >= 20 && r.people + step <= 120) {
      r.people += step;
      diff -= step;
    }
  }
}

function makeDelegationYear(spec) {
  const rand = mulberry32(spec.seed);
  const originsByDate = new Map();
  const taken = (date) => originsByDate.get(date) ?? originsByDate.set(date, new Set()).get(date);
  const fixedRows = spec.fixed.map((f) => drawDelegation(rand, f.date, taken(f.date), f));
  const drawnRows = drawDates(rand, spec, spec.rows - fixedRows.length).map((date) => drawDelegation(rand, date, taken(date)));
  const rows = [...fixedRows, ...drawnRows];
  fitTotal(rand, rows, spec.people);
  // Stable sort: rows of one day keep their order of drawing.
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.date.localeCompare(b.r.date) || a.i - b.i)
    .map(({ r }) => r);
}

function checkDelegationYear(spec, rows) {
  const total = rows.reduce((s, r) => s + r.people, 0);
  const expect = (ok, what) => {
    if (!ok) throw new Error(`delegations ${spec.year}: ${what}`);
  };
  expect(rows.length === spec.rows, `${rows.length} rows, want ${spec.rows}`);
  expect(total === spec.people, `${total} people, want ${spec.people}`);
  expect(
    rows.every((r) => r.date >= spec.from && r.date <= spec.to),
    'a date outside the span',
  );
  expect(
    rows.every((r) => isWeekday(r.date)),
    'a weekend date',
  );
  expect(
    rows.every((r) => r.people >= 10 && r.people <= 500),
    'a group outside 10..500',
  );
  expect(
    rows.every((r) => r.nights === null || (r.nights >= 2 && r.nights <= 4)),
    'nights outside 2..4',
  );
  expect(
    rows.every((r) => TYPES.includes(r.type) && r.purposes.length > 0),
    'a bad type or no purpose',
  );
  expect(new Set(rows.map((r) => `${r.date} ${r.origin}`)).size === rows.length, 'an origin twice on one day');
  const spanFrom = rows[0].date;
  const spanTo = rows[rows.length - 1].date;
  if (spec.fixed.some((f) => f.date === spec.from)) expect(spanFrom === spec.from, `first date ${spanFrom}`);
  if (spec.fixed.some((f) => f.date === spec.to)) expect(spanTo === spec.to, `last date ${spanTo}`);
  return { rows: rows.length, people: total, from: spanFrom, to: spanTo };
}

const delegationCsvRow = (r) => [r.date, r.origin, r.region, r.type, r.people, r.nights, r.purposes.join(';')];

// ---------------------------------------------------------------------------------------------------
// fixtures/sample: monthly arrivals.

const ARRIVAL_YEARS = [
  {
    year: 2016,
    domestic: 4012505,
    foreign: 77139,
    seed: 1602,
    domesticWeights: [0.9, 0.72, 0.8, 0.85, 0.88, 0.82, 1.3, 0.98, 0.9, 0.95, 0.86, 1.3],
    foreignWeights: [0.8, 0.62, 0.7, 0.78, 0.82, 0.95, 1.4, 1.45, 1.12, 0.95, 0.8, 1.15],
  },
  {
    // Peaks in the June-July school holidays and Lebaran (25 June 2017), and in December.
    year: 2017,
    domestic: 4800000,
    foreign: 98970,
    seed: 1702,
    domesticWeights: [0.85, 0.7, 0.8, 0.85, 0.85, 1.25, 1.3, 0.98, 0.9, 0.95, 0.85, 1.35],
    foreignWeights: [0.8, 0.6, 0.7, 0.75, 0.8, 1.15, 1.45, 1.25, 1.05, 0.95, 0.8, 1.3],
  },
];

/** Weights with a little noise (+-4%), so the months do not look computed. */
const jitter = (rand, weights) => weights.map((w) => w * (0.96 + 0.08 * rand()));

function makeArrivalYear(spec) {
  const rand = mulberry32(spec.seed);
  const domestic = apportion(spec.domestic, jitter(rand, spec.domesticWeights));
  const foreign = apportion(spec.foreign, jitter(rand, spec.foreignWeights));
  return domestic.map((d, i) => ({ year: spec.year, month: i + 1, domestic: d, foreign: foreign[i] }));
}

function checkArrivalYear(spec, months) {
  const sum = (key) => months.reduce((s, m) => s + m[key], 0);
  if (months.length !== 12 || sum('domestic') !== spec.domestic || sum('foreign') !== spec.foreign) {
    throw new Error(`arrivals ${spec.year}: totals ${sum('domestic')} / ${sum('foreign')} are off`);
  }
  return { months: 12, domestic: spec.domestic, foreign: spec.foreign };
}

// ---------------------------------------------------------------------------------------------------
// fixtures/sample: the same arrivals broken down by destination, and foreign arrivals by country.
// Each month's figures are split (largest remainder) so that they add up exactly to the month's
// figures in arrivals-YYYY.csv: breakdowns of the same arrivals, never more of them.

/** Banyuwangi's destinations: [name, domestic weight, foreign weight, foreign weights' season (1..12 factor)]. */
const DESTINATIONS = [
  ['Kawah Ijen', 22, 46, (m) => (m >= 6 && m <= 9 ? 1.3 : 1)],
  ['Pulau Merah', 16, 12, (m) => (m >= 4 && m <= 10 ? 1.2 : 0.9)],
  ['Pantai Boom', 18, 3, () => 1],
  ['Taman Nasional Alas Purwo', 7, 6, () => 1],
  ['De Djawatan', 11, 4, () => 1],
  ['Plengkung (G-Land)', 2, 20, (m) => (m >= 4 && m <= 10 ? 1.6 : 0.5)],
  ['Pantai Grand Watu Dodol', 14, 2, () => 1],
  ['Pantai Cacalan', 10, 7, () => 1],
];

/** Country of residence, as BPS names it in Indonesian, and its share of Banyuwangi's foreign arrivals. */
const MARKETS = [
  ['Malaysia', 17],
  ['Tiongkok', 14],
  ['Prancis', 11],
  ['Belanda', 10],
  ['Jerman', 9],
  ['Australia', 9],
  ['Amerika Serikat', 5],
  ['Inggris', 5],
  ['Jepang', 4],
  ['Singapura', 4],
  ['Korea Selatan', 3],
  ['Spanyol', 3],
];

/** One month's figures split over weights with a little noise (+-10%), summing exactly. */
const splitMonth = (rand, total, weights) =>
  apportion(
    total,
    weights.map((w) => w * (0.9 + 0.2 * rand())),
  );

function makeDestinationRows(years) {
  const rand = mulberry32(1517);
  const rows = [];
  for (const months of years) {
    for (const m of months) {
      const domestic = splitMonth(
        rand,
        m.domestic,
        DESTINATIONS.map(([, d]) => d),
      );
      const foreign = splitMonth(
        rand,
        m.foreign,
        DESTINATIONS.map(([, , f, season]) => f * season(m.month)),
      );
      DESTINATIONS.forEach(([name], i) => rows.push([PERIOD_STYLES.iso(m.year, m.month), name, domestic[i], foreign[i]]));
    }
  }
  return rows;
}

function makeMarketRows(years) {
  const rand = mulberry32(1518);
  const rows = [];
  for (const months of years) {
    for (const m of months) {
      const foreign = splitMonth(
        rand,
        m.foreign,
        MARKETS.map(([, w]) => w),
      );
      MARKETS.forEach(([name], i) => rows.push([PERIOD_STYLES.iso(m.year, m.month), name, foreign[i]]));
    }
  }
  return rows;
}

/** Each month's breakdown must add up to the month's figure in arrivals-YYYY.csv. */
function checkBreakdown(file, years, rows, columns) {
  for (const months of years) {
    for (const m of months) {
      const period = PERIOD_STYLES.iso(m.year, m.month);
      for (const [column, segment] of columns) {
        const sum = rows.filter((r) => r[0] === period).reduce((s, r) => s + r[column], 0);
        if (sum !== m[segment]) throw new Error(`${file}: ${period} ${segment} adds up to ${sum}, not ${m[segment]}`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// fixtures/messy: hand-written delegations (ISO dates here; each file spells them its own way).

const visit = (date, origin, people, nights, purposes) => {
  const o = ORIGIN_BY_NAME.get(origin) ?? { name: origin, ...EXTRA_ORIGINS[origin] };
  if (!o.region) throw new Error(`unknown origin ${origin}`);
  return { date, origin: o.name, region: o.region, type: o.type, people, nights, purposes };
};

/** Origins that only the messy files use (with characters that need care, or oversized groups). */
const EXTRA_ORIGINS = {
  'APDESI Jawa Tengah': { region: 'Jawa Tengah', type: 'Desa' },
  'Pemkot Bogor \u2013 DPMPTSP': { region: 'Jawa Barat', type: 'Pemkot' },
  'Pemkab Sukoharjo \u2013 Bappeda': { region: 'Jawa Tengah', type: 'Pemkab' },
  'DPRD Sabang (Komisi \u201cB\u201d)': { region: 'Aceh', type: 'DPRD' },
  'Pemkab Lahat \u2013 Tim Mal Pelayanan': { region: 'Sumatera Selatan', type: 'Pemkab' },
  'DPRD Sabang, Komisi B\n(rombongan kedua)': { region: 'Aceh', type: 'DPRD' },
};

const EXCEL_ID_ROWS = [
  [visit('2016-03-01', 'Pemkab Klaten', 45, 2, ['e-Government']), 'dmy'],
  [visit('2016-03-02', 'Pemkot Semarang', 38, 3, ['e-Government', 'Perizinan']), 'dmyPadded'],
  [visit('2016-03-03', 'APDESI Jawa Tengah', 1250, 2, ['Smart Kampung', 'Keuangan Desa']), 'dmy'],
  [visit('2016-03-04', 'DPRD Tegal', 22, null, ['Pariwisata']), 'dmyPadded'],
  [visit('2016-03-07', 'Pemkab Sragen', 64, 2, ['Smart Kampung', 'e-Government']), 'dmy'],
  [visit('2016-03-08', 'Kemenpan RB', 18, 3, ['e-Government']), 'dmy'],
  [visit('2016-03-09', 'Pemkab Sukoharjo', 25, null, ['e-Government', 'Perizinan']), 'dmy'],
  [visit('2016-03-09', 'DPRD Sabang', 15, null, ['Pariwisata']), 'dmyPadded'],
  [visit('2016-03-10', 'Pemkab Garut', 110, 3, ['Pariwisata', 'Perizinan']), 'dmyPadded'],
  [visit('2016-03-11', 'Desa Ponggok', 52, 2, ['Smart Kampung', 'Keuangan Desa']), 'dmy'],
  [visit('2016-03-14', 'Pemprov Gorontalo', 76, 4, ['e-Government', 'Pariwisata', 'Perizinan']), 'dmyPadded'],
  [visit('2016-03-15', 'Pemkab Jepara', 240, 2, ['Smart Kampung']), 'dmy'],
];

const MIXED_DATE_ROWS = [
  [visit('2016-03-09', 'Pemkab Boyolali', 40, 2, ['e-Government']), 'longId'],
  [visit('2016-03-10', 'Pemkab Kudus', 55, 3, ['Perizinan']), 'iso'],
  [visit('2016-03-11', 'DPRD Landak', 20, 2, ['Pariwisata']), 'excelEn'],
  [visit('2016-03-14', 'Pemkab Siak', 62, 3, ['e-Government', 'Pariwisata']), 'weekdayId'],
  [visit('2016-03-15', 'Pemkot Padang', 47, 2, ['Perizinan']), 'dmyDots'],
  [visit('2016-03-16', 'Pemkab Agam', 33, null, ['Smart Kampung']), 'dmy'],
  [visit('2016-03-17', 'Pemkab Kampar', 58, 2, ['Keuangan Desa']), 'dmyShortDash'],
  [visit('2016-03-18', 'Pemkot Pekanbaru', 29, 3, ['e-Government']), 'shortEn'],
  [visit('2016-05-12', 'Pemkab Badung', 70, 2, ['Pariwisata']), 'shortId'], // `12 Mei 2016`
  [visit('2016-08-18', 'Pemkab Gianyar', 85, 3, ['Pariwisata', 'Smart Kampung']), 'shortId'], // `18 Agt 2016`
  [visit('2016-08-22', 'Desa Kutuh', 44, 2, ['Smart Kampung']), 'longId'], // `22 Agustus 2016`
  [visit('2016-10-03', 'Pemkab Sumbawa', 51, 4, ['Perizinan', 'Pariwisata']), 'shortId'], // `3 Okt 2016`
  [visit('2016-10-04', 'Pemkot Mataram', 36, 2, ['e-Government']), 'excelEn'], // `4-Oct-16`
  [visit('2016-11-04', 'Pemprov Nusa Tenggara Barat', 90, 3, ['e-Government', 'Perizinan']), 'weekdayId'],
];

const WINDOWS_1252_ROWS = [
  visit('2017-10-16', 'Pemkot Bogor \u2013 DPMPTSP', 24, 2, ['Mall Pelayanan Publik', 'Perizinan']),
  visit('2017-10-17', 'Pemkab Sukoharjo \u2013 Bappeda', 31, 3, ['e-Government']),
  visit('2017-10-18', 'DPRD Sabang (Komisi \u201cB\u201d)', 17, 2, ['Pariwisata (kaf\u00e9, homestay)']),
  visit('2017-10-19', 'Pemkab Lahat \u2013 Tim Mal Pelayanan', 26, null, ['Mall Pelayanan Publik']),
  visit('2017-10-20', 'Pemkab Klaten', 58, 2, ['Smart Kampung', 'Desa Wisata \u201cKampung Osing\u201d']),
  visit('2017-10-23', 'Kemenpan RB', 21, 3, ['Mall Pelayanan Publik', 'e-Government']),
];

const UTF16LE_ROWS = [
  visit('2017-11-06', 'Pemkab Bojonegoro', 66, 2, ['Mall Pelayanan Publik', 'e-Government']),
  visit('2017-11-07', 'Pemkot Bogor \u2013 DPMPTSP', 19, 2, ['Perizinan']),
  visit('2017-11-08', 'Pemkab Banjar', 1120, 3, ['Smart Kampung', 'Keuangan Desa']),
  visit('2017-11-09', 'Desa Panggungharjo', 48, null, ['Smart Kampung']),
  visit('2017-11-10', 'Pemkab Gowa', 83, 4, ['Mall Pelayanan Publik', 'Pariwisata']),
  visit('2017-11-13', 'Bappenas', 27, 2, ['e-Government']),
];

const UTF16BE_ROWS = [
  visit('2017-11-14', 'Pemkab Berau', 42, 3, ['Mall Pelayanan Publik', 'Perizinan']),
  visit('2017-11-15', 'DPRD Batam', 23, 2, ['Pariwisata']),
  visit('2017-11-16', 'Pemkot Ambon', 37, null, ['e-Government', 'Mall Pelayanan Publik']),
];

const PIPE_ROWS = [
  visit('2017-04-03', 'Pemkab Deli Serdang', 72, 2, ['e-Government']),
  visit('2017-04-04', 'Pemkab Pidie', 41, 3, ['Smart Kampung', 'Keuangan Desa']),
  visit('2017-04-05', 'Pemkot Kupang', 33, 2, ['Perizinan']),
  visit('2017-04-06', 'Pemkab Manggarai Barat', 95, null, ['Pariwisata', 'Perizinan']),
  visit('2017-04-07', 'Ombudsman RI', 14, 2, ['e-Government']),
  visit('2017-04-10', 'Kades se-Kabupaten Ngawi', 310, 2, ['Smart Kampung', 'Keuangan Desa', 'e-Government']),
];

const CUSTOM_HEADER_ROWS = [
  visit('2017-03-13', 'Pemkab Bantaeng', 57, null, []),
  visit('2017-03-14', 'Pemkot Makassar', 44, null, []),
  visit('2017-03-15', 'DPRD Palu', 19, null, []),
  visit('2017-03-16', 'Pemkab Konawe', 68, null, []),
  visit('2017-03-17', 'Pemkab Minahasa Utara', 73, null, []),
  visit('2017-03-20', 'Pemprov Sulawesi Barat', 105, null, []),
];

// ---------------------------------------------------------------------------------------------------
// fixtures/messy/bad-rows.csv: good rows (data) and bad rows (verbatim text), each bad row with the
// physical line it must start on, the column and the problem (the README lists the same).

const BAD_ROWS_FILE = [
  { good: visit('2016-04-04', 'Pemkab Klaten', 45, 2, ['e-Government']) },
  { good: visit('2016-04-05', 'DPRD Sabang, Komisi B\n(rombongan kedua)', 18, 3, ['Pariwisata']) },
  { bad: '2016-04-06,Pemkab Sragen,Jawa Tengah,Pemkab,,2,Smart Kampung', line: 5, column: 'people', why: 'empty (required)' },
  { good: visit('2016-04-07', 'Pemkot Surakarta', 52, 2, ['Perizinan', 'e-Government']) },
  { bad: '2016-04-08,Pemkab Kudus,Jawa Tengah,Pemkab,"1,5",3,Perizinan', line: 7, column: 'people', why: '`1,5` is not a whole number' },
  { bad: '2016-04-11,Pemkab Siak,Riau,Pemkab,-3,2,Pariwisata', line: 8, column: 'people', why: '`-3` is negative' },
  { good: visit('2016-04-12', 'Pemkab Agam', 61, null, ['Smart Kampung']) },
  { bad: '2016-04-13,Pemkot Padang,Sumatera Barat,Pemkot,abc,2,Perizinan', line: 10, column: 'people', why: '`abc` is not a number' },
  { bad: '31/02/2016,Pemkab Garut,Jawa Barat,Pemkab,40,2,Pariwisata', line: 11, column: 'date', why: '31 February does not exist' },
  { bad: '2016-13-01,Pemkab Serang,Banten,Pemkab,35,3,e-Government', line: 12, column: 'date', why: 'month 13' },
  { good: visit('2016-04-14', 'Kemendagri', 24, 3, ['e-Government']) },
  { bad: ',Pemkab Pandeglang,Banten,Pemkab,50,2,Perizinan', line: 14, column: 'date', why: 'empty (required)' },
  { bad: '2016-04-15,Pemkab Jepara,Jawa Tengah,Pemkab,47,dua,Smart Kampung', line: 15, column: 'nights', why: '`dua` is not a number' },
  { bad: '2016-04-18,Pemkab Kudus,Jawa Tengah,Pemkab,39,2,Perizinan,extra', line: 16, column: '(row)', why: '8 fields, the header has 7' },
  { good: visit('2016-04-19', 'Pemkab Boyolali', 73, 2, ['Smart Kampung', 'Keuangan Desa']) },
  { bad: '2016-04-20,Pemkab Sleman,DI Yogyakarta', line: 18, column: '(row)', why: '3 fields, the header has 7 (people missing)' },
  { good: visit('2016-04-21', 'Desa Panggungharjo', 36, 2, ['Keuangan Desa']) },
  {
    bad: '2016-04-22,"Pemkab Lamongan,Jawa Timur,Pemkab,58,2,Pariwisata',
    line: 20,
    column: '(row)',
    why: 'quote never closed (runs to end of file)',
  },
];

/** Renders bad-rows.csv and checks that every bad row starts on the line the README says. */
function badRowsText() {
  let line = 2; // the header is line 1
  const lines = [];
  for (const entry of BAD_ROWS_FILE) {
    const text = entry.good ? csvText([delegationCsvRow(entry.good)], { mustQuote: /[,"\r\n]/ }) : `${entry.bad}\n`;
    if (entry.bad && entry.line !== line) throw new Error(`bad-rows.csv: row "${entry.bad}" is on line ${line}`);
    lines.push(text);
    line += text.split('\n').length - 1;
  }
  return csvText([DELEGATION_HEADER]) + lines.join('');
}

// ---------------------------------------------------------------------------------------------------
// Writing the files.

function write(relative, content) {
  const file = path.join(ROOT, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

const sumPeople = (rows) => rows.reduce((s, r) => s + r.people, 0);

/** Expected totals of the messy files: the README states these, the script refuses to drift from them. */
const MESSY_PEOPLE = {
  'excel-id.csv': 1955,
  'excel-mixed-dates.csv': 720,
  'windows-1252.csv': 177,
  'utf16le.csv': 1363,
  'utf16be.csv': 102,
  'pipe.csv': 565,
  'custom-headers.csv': 366,
  'bad-rows.csv': 309,
};

function checkPeople(file, rows) {
  const total = sumPeople(rows);
  if (total !== MESSY_PEOPLE[file]) throw new Error(`${file}: ${total} people, README says ${MESSY_PEOPLE[file]}`);
  if (!rows.every((r) => isWeekday(r.date))) throw new Error(`${file}: a weekend date`);
  return total;
}

function writeSample() {
  const report = [];
  for (const spec of DELEGATION_YEARS) {
    const rows = makeDelegationYear(spec);
    const summary = checkDelegationYear(spec, rows);
    write(`sample/delegations-${spec.year}.csv`, csvText([DELEGATION_HEADER, ...rows.map(delegationCsvRow)]));
    report.push(
      `sample/delegations-${spec.year}.csv  ${summary.rows} rows, ${summary.people} people, ` +
        `mean ${(summary.people / summary.rows).toFixed(2)}, ${summary.from}..${summary.to}`,
    );
  }
  for (const spec of ARRIVAL_YEARS) {
    const months = makeArrivalYear(spec);
    checkArrivalYear(spec, months);
    const body = months.map((m) => [PERIOD_STYLES.iso(m.year, m.month), m.domestic, m.foreign]);
    write(`sample/arrivals-${spec.year}.csv`, csvText([['periode', 'wisnus', 'wisman'], ...body]));
    report.push(`sample/arrivals-${spec.year}.csv  12 months, wisnus ${spec.domestic}, wisman ${spec.foreign}`);
  }
  const years = ARRIVAL_YEARS.map(makeArrivalYear);
  const destinations = makeDestinationRows(years);
  checkBreakdown('destinations', years, destinations, [
    [2, 'domestic'],
    [3, 'foreign'],
  ]);
  write('sample/destinasi-2016-2017.csv', csvText([['periode', 'destinasi_wisata', 'wisnus', 'wisman'], ...destinations]));
  report.push(`sample/destinasi-2016-2017.csv  24 months x ${DESTINATIONS.length} destinations = arrivals-2016.csv + arrivals-2017.csv`);
  const markets = makeMarketRows(years);
  checkBreakdown('markets', years, markets, [[2, 'foreign']]);
  write('sample/wisman-negara-2016-2017.csv', csvText([['periode', 'negara_asal', 'jumlah'], ...markets]));
  report.push(
    `sample/wisman-negara-2016-2017.csv  24 months x ${MARKETS.length} countries = the wisman of arrivals-2016.csv + arrivals-2017.csv`,
  );
  return report;
}

/** The headers of an Indonesian Excel export (excel-id.csv, utf16le.csv). */
const EXCEL_ID_HEADER = ['Tanggal', 'Asal Instansi', 'Provinsi', 'Jenis Instansi', 'Jumlah Peserta', 'Lama Menginap', 'Tujuan'];

function writeExcelId() {
  // One purpose list joined with `;` inside a `;` file: Excel quotes it.
  const purposeText = (r, i) => r.purposes.join(i === 1 ? ';' : '|');
  const body = EXCEL_ID_ROWS.map(([r, style], i) => [
    DATE_STYLES[style](r.date),
    r.origin,
    r.region,
    r.type,
    grouped(r.people, '.'),
    r.nights,
    purposeText(r, i),
  ]);
  const text = csvText([EXCEL_ID_HEADER, ...body], { delimiter: ';', eol: '\r\n', mustQuote: /["\r\n]/ });
  write('messy/excel-id.csv', withUtf8Bom(text));
  return checkPeople(
    'excel-id.csv',
    EXCEL_ID_ROWS.map(([r]) => r),
  );
}

function writeMixedDates() {
  const body = MIXED_DATE_ROWS.map(([r, style]) => [DATE_STYLES[style](r.date), ...delegationCsvRow(r).slice(1)]);
  write('messy/excel-mixed-dates.csv', csvText([DELEGATION_HEADER, ...body]));
  return checkPeople(
    'excel-mixed-dates.csv',
    MIXED_DATE_ROWS.map(([r]) => r),
  );
}

/** 2017 arrivals in long form: one row per month and segment, periods and segment words mixed. */
function writeArrivalsLong(months) {
  const periodStyles = [
    'longId',
    'shortId',
    'iso',
    'longId',
    'shortId',
    'shortId',
    'longId',
    'shortId',
    'iso',
    'shortId',
    'shortEn',
    'longId',
  ];
  const domesticWords = ['nusantara', 'wisnus', 'domestik', 'domestic', 'Wisnus', 'Nusantara'];
  const foreignWords = ['mancanegara', 'wisman', 'asing', 'foreign', 'Wisman', 'Asing'];
  const rows = months.flatMap((m, i) => [
    [PERIOD_STYLES[periodStyles[i]](m.year, m.month), domesticWords[i % 6], grouped(m.domestic, '.')],
    // The foreign row spells the month differently from the domestic one: both must land in one period.
    [
      PERIOD_STYLES[periodStyles[(i + 1) % 12]](m.year, m.month),
      foreignWords[i % 6],
      i === 4 ? grouped(m.foreign, ',') : i === 9 ? String(m.foreign) : grouped(m.foreign, '.'),
    ],
  ]);
  // Not in calendar order: the second half of the year was typed in first.
  const body = [...rows.slice(12), ...rows.slice(0, 12)];
  write('messy/arrivals-long.csv', csvText([['Periode', 'Kategori', 'Jumlah'], ...body]));
}

function writeArrivalsWideEn(months) {
  const body = months.map((m, i) => [
    PERIOD_STYLES.shortEn(m.year, m.month),
    i % 3 === 2 ? m.domestic : grouped(m.domestic, ','),
    i % 4 === 3 ? m.foreign : grouped(m.foreign, ','),
  ]);
  write('messy/arrivals-wide-en.csv', csvText([['month', 'domestic', 'foreign'], ...body]));
}

/**
 * English headers, long form: three of the sample destinations in January to March of 2016 and 2017
 * (their figures in sample/destinasi-2016-2017.csv), spelled with other cases and spaces.
 */
function writeDestinationsLongEn(destinations) {
  const spellings = {
    'Kawah Ijen': ['Kawah Ijen', 'kawah ijen', 'KAWAH IJEN '],
    'Pulau Merah': ['Pulau Merah'],
    'De Djawatan': ['De Djawatan', 'de djawatan'],
  };
  const body = [];
  for (const [period, name, domestic, foreign] of destinations) {
    const [year, month] = period.split('-').map(Number);
    if (month > 3 || !spellings[name]) continue;
    const names = spellings[name];
    const written = names[(year + month) % names.length];
    body.push(
      [PERIOD_STYLES.shortEn(year, month), written, 'domestic', domestic],
      [PERIOD_STYLES.shortEn(year, month), written, 'foreign', foreign],
    );
  }
  write('messy/destinations-long-en.csv', csvText([['month', 'attraction', 'segment', 'visitors'], ...body]));
  return body.length;
}

/** English headers, wide form with a foreign column only: countries spelled in English, Indonesian and BPS's short forms, and one name no country has. */
function writeCountriesWideEn() {
  const rows = [
    ['Jan 2016', 'China', 410],
    ['Jan 2016', 'USA', 120],
    ['Jan 2016', 'United Kingdom', 95],
    ['Jan 2016', 'France', 230],
    ['Feb 2016', 'RRT', 380],
    ['Feb 2016', 'Amerika Serikat', 101],
    ['Feb 2016', 'Inggris', 88],
    ['Feb 2016', 'Perancis', 199],
    ['Jan 2017', 'Tiongkok', 520],
    ['Jan 2017', 'United States', 150],
    ['Jan 2017', 'UK', 90],
    ['Jan 2017', 'Prancis', 260],
    ['Jan 2017', 'South Korea', 75],
    ['Feb 2017', 'china', 455],
    ['Feb 2017', 'United States of America', 133],
    ['Feb 2017', 'Inggris', 97],
    ['Feb 2017', 'France', 240],
    ['Feb 2017', 'Korea Selatan', 64],
    ['Feb 2017', 'Xyzland', 12],
  ];
  write('messy/countries-wide-en.csv', csvText([['month', 'nationality', 'foreign'], ...rows]));
  return rows.length;
}

function writeWindows1252() {
  const header = ['tanggal', 'asal', 'provinsi', 'jenis', 'peserta', 'malam', 'tujuan'];
  const text = csvText([header, ...WINDOWS_1252_ROWS.map(delegationCsvRow)], { eol: '\r\n' });
  write('messy/windows-1252.csv', encodeWindows1252(text));
  return checkPeople('windows-1252.csv', WINDOWS_1252_ROWS);
}

function writeUtf16le() {
  const body = UTF16LE_ROWS.map((r) => [
    DATE_STYLES.dmyPadded(r.date),
    r.origin,
    r.region,
    r.type,
    grouped(r.people, '.'),
    r.nights,
    r.purposes.join(';'),
  ]);
  // Excel's "Unicode Text": tabs, CRLF, quotes only around tabs, quotes and line breaks.
  const text = csvText([EXCEL_ID_HEADER, ...body], { delimiter: '\t', eol: '\r\n', mustQuote: /["\r\n]/ });
  write('messy/utf16le.csv', encodeUtf16le(text));
  return checkPeople('utf16le.csv', UTF16LE_ROWS);
}

function writeUtf16be() {
  const header = ['tanggal', 'instansi', 'daerah', 'jenis', 'peserta', 'malam', 'bidang'];
  const body = UTF16BE_ROWS.map((r) => [...delegationCsvRow(r).slice(0, 6), r.purposes.join('|')]);
  write('messy/utf16be.csv', encodeUtf16be(csvText([header, ...body], { delimiter: ';', mustQuote: /["\r\n]/ })));
  return checkPeople('utf16be.csv', UTF16BE_ROWS);
}

function writePipe() {
  // The last-but-one purpose list uses `|` too, so it has to be quoted in a `|` file.
  const body = PIPE_ROWS.map((r, i) => [...delegationCsvRow(r).slice(0, 6), r.purposes.join(i === PIPE_ROWS.length - 1 ? '|' : ';')]);
  write('messy/pipe.csv', csvText([DELEGATION_HEADER, ...body], { delimiter: '|', mustQuote: /["\r\n]/ }));
  return checkPeople('pipe.csv', PIPE_ROWS);
}

function writeCustomHeaders() {
  const body = CUSTOM_HEADER_ROWS.map((r) => [DATE_STYLES.dmyPadded(r.date), r.origin, r.people]);
  write('messy/custom-headers.csv', csvText([['Tgl', 'Nama Rombongan', 'Jumlah Tamu'], ...body]));
  return checkPeople('custom-headers.csv', CUSTOM_HEADER_ROWS);
}

function writeBadRows() {
  write('messy/bad-rows.csv', badRowsText());
  return checkPeople(
    'bad-rows.csv',
    BAD_ROWS_FILE.filter((e) => e.good).map((e) => e.good),
  );
}

function writeEdgeFiles() {
  write(
    'messy/undecidable.csv',
    csvText([
      ['nama', 'alamat', 'telepon'],
      ['Homestay Contoh Satu', 'Jl. Contoh No. 1, Banyuwangi', '0333-000001'],
      ['Homestay Contoh Dua', 'Jl. Contoh No. 2, Banyuwangi', '0333-000002'],
    ]),
  );
  write('messy/empty.csv', '');
  write('messy/header-only.csv', csvText([DELEGATION_HEADER]));
}

function writeMessy() {
  const arrivals2017 = makeArrivalYear(ARRIVAL_YEARS.find((s) => s.year === 2017));
  writeArrivalsLong(arrivals2017);
  writeArrivalsWideEn(arrivals2017);
  writeDestinationsLongEn(makeDestinationRows(ARRIVAL_YEARS.map(makeArrivalYear)));
  writeCountriesWideEn();
  writeEdgeFiles();
  const people = {
    'excel-id.csv': writeExcelId(),
    'excel-mixed-dates.csv': writeMixedDates(),
    'windows-1252.csv': writeWindows1252(),
    'utf16le.csv': writeUtf16le(),
    'utf16be.csv': writeUtf16be(),
    'pipe.csv': writePipe(),
    'custom-headers.csv': writeCustomHeaders(),
    'bad-rows.csv': writeBadRows(),
  };
  return Object.entries(people)
    .map(([file, total]) => `messy/${file}  ${total} people (valid rows)`)
    .concat('messy/arrivals-long.csv, messy/arrivals-wide-en.csv  = sample/arrivals-2017.csv');
}

function main() {
  for (const line of [...writeSample(), ...writeMessy()]) console.log(line);
}

main();
