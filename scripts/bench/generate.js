'use strict';
/**
 * Deterministic synthetic delegation logs for the bench: the same seed and row count always give the
 * same bytes. Rows look like the real logs (38 provinces, group sizes 10..500, 2..4 nights or empty)
 * and exercise the CSV paths that cost: quoted origins with commas and doubled quotes, multi-valued
 * purposes, and both ISO (`2019-03-09`) and day-first (`9/3/2019`) dates.
 */
const fs = require('node:fs');

const REGIONS = [
  'Aceh',
  'Sumatera Utara',
  'Sumatera Barat',
  'Riau',
  'Jambi',
  'Sumatera Selatan',
  'Bengkulu',
  'Lampung',
  'Kepulauan Bangka Belitung',
  'Kepulauan Riau',
  'DKI Jakarta',
  'Jawa Barat',
  'Jawa Tengah',
  'DI Yogyakarta',
  'Jawa Timur',
  'Banten',
  'Bali',
  'Nusa Tenggara Barat',
  'Nusa Tenggara Timur',
  'Kalimantan Barat',
  'Kalimantan Tengah',
  'Kalimantan Selatan',
  'Kalimantan Timur',
  'Kalimantan Utara',
  'Sulawesi Utara',
  'Sulawesi Tengah',
  'Sulawesi Selatan',
  'Sulawesi Tenggara',
  'Gorontalo',
  'Sulawesi Barat',
  'Maluku',
  'Maluku Utara',
  'Papua',
  'Papua Barat',
  'Papua Selatan',
  'Papua Tengah',
  'Papua Pegunungan',
  'Papua Barat Daya',
];
const TYPES = ['Pemkab', 'Pemkot', 'Pemprov', 'DPRD', 'Kementerian/Lembaga'];
const PURPOSES = ['Mall Pelayanan Publik', 'Smart Kampung', 'e-Government', 'Perizinan', 'Pariwisata', 'Keuangan Desa'];
const PLACES = ['Klaten', 'Bogor', 'Kudus', 'Agam', 'Bantaeng', 'Muara Enim', 'Sleman', 'Gianyar', 'Sidoarjo', 'Kupang'];

const prng = require('../lib/mulberry32');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (n) => (n < 10 ? `0${n}` : `${n}`);

/**
 * The origin of row `index` in a file with `origins` distinct ones: origin k comes every `origins`
 * rows, its text fixed by k (a third need quoting, as above), so 1M rows with 1M origins are all distinct.
 */
function numberedOrigin(index, origins) {
  const k = index % origins;
  const name = `${TYPES[k % TYPES.length]} ${PLACES[Math.floor(k / TYPES.length) % PLACES.length]} ${k}`;
  const style = (k * 7) % 15;
  return style < 3 ? `"${name}, Tim ${1 + (k % 9)}"` : style < 5 ? `"${name} ""Studi Banding"""` : name;
}

function row(rand, index, origins) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const year = 2015 + Math.floor(rand() * 10);
  const month = 1 + Math.floor(rand() * 12);
  const leap = month === 2 && year % 4 === 0 ? 1 : 0;
  const day = 1 + Math.floor(rand() * (DAYS_IN_MONTH[month - 1] + leap));
  const date = rand() < 0.7 ? `${year}-${pad(month)}-${pad(day)}` : `${day}/${month}/${year}`;
  const type = pick(TYPES);
  const place = pick(PLACES);
  const r = rand();
  // A third of origins need quoting: a comma, or a nickname in doubled quotes.
  const drawn =
    r < 0.2
      ? `"${type} ${place}, Tim ${1 + Math.floor(rand() * 9)}"`
      : r < 0.33
        ? `"${type} ${place} ""Studi Banding"""`
        : `${type} ${place}`;
  const origin = origins ? numberedOrigin(index, origins) : drawn;
  const people = 10 + Math.floor(rand() * 491);
  const nights = rand() < 0.8 ? String(2 + Math.floor(rand() * 3)) : '';
  const purpose = rand() < 0.5 ? pick(PURPOSES) : `"${pick(PURPOSES)};${pick(PURPOSES)}"`;
  return `${date},${origin},${pick(REGIONS)},${type},${people},${nights},${purpose}\n`;
}

/** Writes `rows` data rows to `path`; with `origins`, exactly that many distinct origins (numberedOrigin). */
function generate(path, rows, seed = 2016, origins = 0) {
  const rand = prng(seed);
  const fd = fs.openSync(path, 'w');
  try {
    fs.writeSync(fd, 'tanggal,asal_instansi,provinsi,jenis_instansi,jumlah_peserta,lama_menginap,tujuan\n');
    const batch = 20000;
    for (let done = 0; done < rows; done += batch) {
      let text = '';
      for (let i = 0; i < Math.min(batch, rows - done); i++) text += row(rand, done + i, origins);
      fs.writeSync(fd, text);
    }
  } finally {
    fs.closeSync(fd);
  }
}

module.exports = { generate };

if (require.main === module) {
  const [path, rows, origins] = process.argv.slice(2);
  generate(path, Number(rows), 2016, Number(origins ?? 0));
}
