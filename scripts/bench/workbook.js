'use strict';
/**
 * The bench's workbook: the rows of a generated CSV log written as an .xlsx of 8 columns (a date cell,
 * origin, region, type, people, nights, purpose, and a row number), as an office's spreadsheet would
 * hold them, with the same library visitstat reads it with. Written once into .bench/.
 */
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('csv-parse/sync');

/** Writes `file` (.xlsx) from the CSV log `csv`; dates become date cells, counts number cells. */
async function writeWorkbook(csv, file, root) {
  const { WorkbookWriter } = require('@cj-tech-master/excelts');
  const { parseDate } = require(path.join(root, 'dist', 'ingest', 'values'));
  const rows = parse(fs.readFileSync(csv, 'utf8'), { columns: true });
  const writer = new WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = writer.addWorksheet('Log');
  sheet.addRow(['Tanggal', 'Asal', 'Provinsi', 'Jenis', 'Jumlah', 'Malam', 'Tujuan', 'No']).commit();
  rows.forEach((r, i) => {
    const d = parseDate(r.tanggal);
    const row = sheet.addRow([
      new Date(Date.UTC(d.year, d.month - 1, d.day)),
      r.asal_instansi,
      r.provinsi,
      r.jenis_instansi,
      Number(r.jumlah_peserta),
      r.lama_menginap === '' ? null : Number(r.lama_menginap),
      r.tujuan,
      i + 1,
    ]);
    row.getCell(1).numFmt = 'dd/mm/yyyy';
    row.commit();
  });
  sheet.commit();
  await writer.commit();
  return rows.length;
}

module.exports = { writeWorkbook };
