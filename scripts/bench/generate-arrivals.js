'use strict';
/**
 * Deterministic synthetic arrivals for the bench (`--group-by destination`): long form
 * `tanggal,destinasi,negara_asal,jenis,jumlah`, one row per day, destination and country of residence
 * (20 destinations × 40 countries, Indonesia's rows domestic, the others foreign), days from
 * 2016-01-01 on, so that no day, destination and country is given twice. Counts 1..2000.
 */
const fs = require('node:fs');
const prng = require('../lib/mulberry32');

const DESTINATIONS = [
  'Kawah Ijen',
  'Pulau Merah',
  'Pantai Boom',
  'Alas Purwo',
  'De Djawatan',
  'Plengkung',
  'Pantai Watu Dodol',
  'Pantai Cacalan',
  'Taman Gandrung Terakota',
  'Bangsring Underwater',
  'Pulau Tabuhan',
  'Pantai Mustika',
  'Air Terjun Tirto Kemanten',
  'Kebun Kalibendo',
  'Pantai Pulau Santen',
  'Teluk Hijau',
  'Pantai Wedi Ireng',
  'Air Terjun Jagir',
  'Desa Adat Kemiren',
  '"Pantai Sukamade, Meru Betiri"',
];
const COUNTRIES = [
  'Indonesia',
  'Malaysia',
  'Singapura',
  'Tiongkok',
  'Australia',
  'Jepang',
  'Korea Selatan',
  'India',
  'Amerika Serikat',
  'Inggris',
  'Belanda',
  'Jerman',
  'Prancis',
  'Rusia',
  'Timor Leste',
  'Filipina',
  'Thailand',
  'Taiwan',
  'Arab Saudi',
  'Spanyol',
  'Italia',
  'Kanada',
  'Selandia Baru',
  'Swiss',
  'Belgia',
  'Austria',
  'Swedia',
  'Denmark',
  'Norwegia',
  'Polandia',
  'Brasil',
  'Meksiko',
  'Vietnam',
  'Myanmar',
  'Kamboja',
  'Bangladesh',
  'Pakistan',
  'Turki',
  'Mesir',
  'Afrika Selatan',
];

const pad = (n) => (n < 10 ? `0${n}` : `${n}`);

/** Writes `rows` data rows to `path`. */
function generateArrivals(path, rows, seed = 2016) {
  const rand = prng(seed);
  const perDay = DESTINATIONS.length * COUNTRIES.length;
  const fd = fs.openSync(path, 'w');
  try {
    fs.writeSync(fd, 'tanggal,destinasi,negara_asal,jenis,jumlah\n');
    const day = new Date(Date.UTC(2016, 0, 1));
    let text = '';
    for (let i = 0; i < rows; i++) {
      const slot = i % perDay;
      if (i > 0 && slot === 0) day.setUTCDate(day.getUTCDate() + 1);
      const country = COUNTRIES[slot % COUNTRIES.length];
      const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
      const segment = country === 'Indonesia' ? 'wisnus' : 'wisman';
      text += `${date},${DESTINATIONS[Math.floor(slot / COUNTRIES.length)]},${country},${segment},${1 + Math.floor(rand() * 2000)}\n`;
      if (text.length > 1 << 20) {
        fs.writeSync(fd, text);
        text = '';
      }
    }
    fs.writeSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
}

module.exports = { generateArrivals, DESTINATIONS, COUNTRIES };

if (require.main === module) {
  const [path, rows] = process.argv.slice(2);
  generateArrivals(path, Number(rows));
}
