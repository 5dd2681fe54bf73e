/**
 * How every command states what the input checks found (src/ingest/checks.ts): notes under the tables
 * and markdown (and on stderr for CSV, which holds data rows only), the `checks` field of every JSON
 * document, and the report's data quality. The warnings themselves go to stderr as they are met.
 */
import type { ChecksSummary } from '../ingest/checks';
import { type Label, type Locale, formatInt } from '../render';

const WHAT_COUNTS: Record<ChecksSummary['onOverlap'], Label> = {
  error: { en: 'an error', id: 'galat' },
  first: { en: 'the first counts', id: 'yang pertama dihitung' },
  last: { en: 'the last counts', id: 'yang terakhir dihitung' },
  sum: { en: 'they are added', id: 'dijumlahkan' },
};

/**
 * One note per thing found: figures given again and what --on-overlap made of them (always said when
 * it is not `error`, which fails the command), coarser figures replaced by finer ones, repeated rows,
 * implausible values, and where the comparison of rows stopped. `always`: also a line when nothing
 * was found (the report's data quality).
 */
export function checksNotes(checks: ChecksSummary, always = false): Label[] {
  const { onOverlap, overlaps, replacedFigures, warnings, repeatedRowsCheck } = checks;
  const n = (value: number, locale: Locale) => formatInt(value, locale);
  /** `1 implausible value`, `2 implausible values` (Indonesian has no plural). */
  const en = (value: number, one: string, many: string) => `${n(value, 'en')} ${value === 1 ? one : many}`;
  const notes: Label[] = [];
  if (onOverlap !== 'error') {
    notes.push({
      en: `Arrival figures given again for a period and segment: ${n(overlaps, 'en')}; --on-overlap ${onOverlap}: ${(WHAT_COUNTS[onOverlap] as { en: string }).en}.`,
      id: `Angka kunjungan yang diberikan lagi untuk periode dan segmen yang sama: ${n(overlaps, 'id')}; --on-overlap ${onOverlap}: ${(WHAT_COUNTS[onOverlap] as { id: string }).id}.`,
    });
  }
  if (replacedFigures > 0) {
    notes.push({
      en: `${en(replacedFigures, 'coarser arrival figure', 'coarser arrival figures')} (a month's beside its days, a year's beside its months) left out for the finer figures within them; ${n(warnings.figureMismatches, 'en')} of them differed from those (see the warnings).`,
      id: `${n(replacedFigures, 'id')} angka kunjungan yang lebih kasar (bulanan di samping harian, tahunan di samping bulanan) diganti angka yang lebih rinci di dalamnya; ${n(warnings.figureMismatches, 'id')} di antaranya berbeda (lihat peringatan).`,
    });
  }
  if (warnings.repeatedRows > 0) {
    notes.push({
      en: `${en(warnings.repeatedRows, 'delegation row', 'delegation rows')} the same in every column as an earlier row (counted; see the warnings).`,
      id: `${n(warnings.repeatedRows, 'id')} baris delegasi sama persis dengan baris sebelumnya (tetap dihitung; lihat peringatan).`,
    });
  }
  if (warnings.implausible > 0) {
    notes.push({
      en: `${en(warnings.implausible, 'implausible value', 'implausible values')} (see the warnings; bounds in the config's "plausible").`,
      id: `${n(warnings.implausible, 'id')} nilai yang tidak wajar (lihat peringatan; batasnya di "plausible" pada berkas --config).`,
    });
  }
  if (repeatedRowsCheck.stoppedAt !== null) {
    notes.push({
      en: `Repeated rows were looked for in the first ${n(repeatedRowsCheck.rowsChecked, 'en')} delegation rows only: the check stopped at ${repeatedRowsCheck.stoppedAt}.`,
      id: `Baris berulang hanya dicari pada ${n(repeatedRowsCheck.rowsChecked, 'id')} baris delegasi pertama: pemeriksaan berhenti di ${repeatedRowsCheck.stoppedAt}.`,
    });
  }
  if (always && notes.length === 0) {
    notes.push({
      en: 'Checks: no arrival figure given twice, no repeated row, no implausible value.',
      id: 'Pemeriksaan: tidak ada angka kunjungan ganda, baris berulang, atau nilai tidak wajar.',
    });
  }
  return notes;
}
