#!/usr/bin/python3
"""Makes fixtures/excel/: workbooks the way offices make them, saved by LibreOffice Calc.

Each workbook is laid out with openpyxl (Debian's python3-openpyxl), then opened and saved again by
LibreOffice (`soffice --headless --convert-to xlsx`, Debian's libreoffice-calc), so that the committed
file is LibreOffice's own: its styles, its shared strings, the cached values of its SUM formulas, its
`date1904="true"`. A CSV is exported by LibreOffice from a workbook too. The figures come from
fixtures/sample/, so that they can be checked against the bundled data.

Run once, by hand, and commit the results (LibreOffice is too heavy for CI):

    /usr/bin/python3 scripts/make-excel-fixtures.py
"""
import csv
import datetime
import os
import shutil
import subprocess
import tempfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
SAMPLE = os.path.join(ROOT, 'fixtures', 'sample')
OUT = os.path.join(ROOT, 'fixtures', 'excel')
MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober',
             'November', 'Desember']


def sample(name):
    with open(os.path.join(SAMPLE, name), newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))


def monthly(year):
    return [(int(r['periode'][5:7]), int(r['wisnus']), int(r['wisman'])) for r in sample(f'arrivals-{year}.csv')]


def rekap(wb):
    """Delegations under title rows, a two-row header with merged cells, date cells, a SUM total row."""
    ws = wb.active
    ws.title = 'Rekap 2016'
    ws['A1'] = 'REKAP KUNJUNGAN STUDI BANDING TAHUN 2016'
    ws.merge_cells('A1:F1')
    ws['A2'] = 'Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi'
    ws.merge_cells('A2:F2')
    # Row 4 and 5: the header, its first four cells merged down over both rows.
    for col, text in zip('ABCD', ['No', 'Tanggal', 'Asal Instansi', 'Provinsi']):
        ws[f'{col}4'] = text
        ws.merge_cells(f'{col}4:{col}5')
    ws['E4'] = 'Peserta Rombongan'
    ws.merge_cells('E4:F4')
    ws['E5'] = 'Jumlah Peserta'
    ws['F5'] = 'Lama Menginap'
    rows = sample('delegations-2016.csv')[:24]
    for i, r in enumerate(rows):
        n = 6 + i
        ws.cell(n, 1, i + 1)
        ws.cell(n, 2, datetime.date.fromisoformat(r['date'])).number_format = 'DD/MM/YYYY'
        ws.cell(n, 3, r['origin'])
        ws.cell(n, 4, r['region'])
        ws.cell(n, 5, int(r['people']))
        ws.cell(n, 6, int(r['nights']) if r['nights'] else None)
    last = 6 + len(rows) - 1
    total = last + 1
    ws.cell(total, 1, 'Jumlah')
    ws.merge_cells(start_row=total, start_column=1, end_row=total, end_column=4)
    ws.cell(total, 5, f'=SUM(E6:E{last})')
    ws.cell(total, 6, f'=SUM(F6:F{last})')
    ws.cell(total + 2, 1, 'Sumber: Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi')
    notes = wb.create_sheet('Catatan')
    notes['A1'] = 'Catatan'
    notes['A2'] = 'Data rombongan studi banding (wisatawan kinerja) Januari 2016.'
    notes['A3'] = 'Lama menginap dalam malam.'


def bps(wb):
    """BPS tables: months down, years across; the segment named in each sheet's title."""
    for index, (sheet, segment, column) in enumerate([('Wisnus', 'Nusantara', 1), ('Wisman', 'Mancanegara', 2)]):
        ws = wb.active if index == 0 else wb.create_sheet()
        ws.title = sheet
        ws['A1'] = f'Jumlah Kunjungan Wisatawan {segment} ke Kabupaten Banyuwangi Menurut Bulan, 2016-2017'
        ws.merge_cells('A1:C1')
        ws['A3'] = 'Bulan'
        ws.merge_cells('A3:A4')
        ws['B3'] = 'Tahun'
        ws.merge_cells('B3:C3')
        ws['B4'] = 2016
        ws['C4'] = 2017
        years = [monthly(2016), monthly(2017)]
        for m in range(12):
            ws.cell(5 + m, 1, MONTHS_ID[m])
            for y in range(2):
                ws.cell(5 + m, 2 + y, years[y][m][column]).number_format = '#,##0'
        ws.cell(17, 1, 'Jumlah')
        ws.cell(17, 2, '=SUM(B5:B16)').number_format = '#,##0'
        ws.cell(17, 3, '=SUM(C5:C16)').number_format = '#,##0'
        ws.cell(18, 1, 'Sumber: BPS Kabupaten Banyuwangi')


def monthly_1904(wb):
    """Monthly arrivals with month cells (dates shown as month and year) in the 1904 date system."""
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = 'Kunjungan 2017'
    ws.append(['Bulan', 'Wisatawan Nusantara', 'Wisatawan Mancanegara'])
    for month, domestic, foreign in monthly(2017):
        ws.append([datetime.date(2017, month, 1), domestic, foreign])
        ws.cell(ws.max_row, 1).number_format = 'MMMM YYYY'


def annual(wb):
    """Annual figures: a year alone as the period."""
    ws = wb.active
    ws.title = 'Tahunan'
    ws.append(['Tahun', 'Wisnus', 'Wisman'])
    ws.append([2015, 4200000, 87000])
    ws.append([2016, sum(d for _, d, _ in monthly(2016)), sum(f for _, _, f in monthly(2016))])


def serial_dates(wb):
    """A delegation log whose date column lost its date format: Excel serial numbers."""
    ws = wb.active
    ws.title = 'Log'
    ws.append(['Tanggal', 'Asal', 'Jumlah'])
    for r in sample('delegations-2016.csv')[:10]:
        serial = (datetime.date.fromisoformat(r['date']) - datetime.date(1899, 12, 30)).days
        ws.append([serial, r['origin'], int(r['people'])])


def save_by_libreoffice(build, name, csv_export=None):
    with tempfile.TemporaryDirectory() as tmp:
        wb = openpyxl.Workbook()
        build(wb)
        raw = os.path.join(tmp, 'in', name)
        os.makedirs(os.path.dirname(raw))
        wb.save(raw)
        saved = os.path.join(tmp, 'out')
        subprocess.run(['soffice', '--headless', '--convert-to', 'xlsx', '--outdir', saved, raw], check=True,
                       stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(saved, name), os.path.join(OUT, name))
        if csv_export:
            # 59 = ';', 34 = '"', 76 = UTF-8; the first sheet, as LibreOffice shows its cells.
            subprocess.run(['soffice', '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1',
                            '--outdir', saved, os.path.join(saved, name)], check=True, stdout=subprocess.DEVNULL)
            shutil.copy(os.path.join(saved, name.replace('.xlsx', '.csv')), os.path.join(OUT, csv_export))


def main():
    os.makedirs(OUT, exist_ok=True)
    save_by_libreoffice(rekap, 'rekap-2016.xlsx', csv_export='rekap-2016.csv')
    save_by_libreoffice(bps, 'bps-2016-2017.xlsx', csv_export='bps-wisnus.csv')
    save_by_libreoffice(monthly_1904, 'arrivals-2017-1904.xlsx')
    save_by_libreoffice(annual, 'annual.xlsx', csv_export='annual.csv')
    save_by_libreoffice(serial_dates, 'serial-dates.xlsx', csv_export='serial-dates.csv')
    print('\n'.join(sorted(os.listdir(OUT))))


if __name__ == '__main__':
    main()
