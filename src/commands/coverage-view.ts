/**
 * How every command shows which dates its figures cover: a period covered only in part (a cell with
 * its days, `partial`/`from`/`to` in JSON, and the notes under its table), and the span of dated rows
 * read (src/model/coverage.ts, date-span.ts).
 */
import type { Coverage, FileCoverage, PeriodCoverage } from '../model/coverage';
import { type SpanLimits, dateSpanOf } from '../model/date-span';
import { isoDate } from '../model/dates';
import type { Period } from '../model/period';
import { type Cell, type Label, bilingual, formatDateSpan } from '../render';

// Loaded when a view needs it: a delegation summary's JSON does not (the command's start-up cost).
const glossary = () => require('../render/glossary') as typeof import('../render/glossary');

/** A period as a cell: with the days it covers when the data covers it only in part. */
export function periodCell(period: Period, coverage: Coverage | null): Cell {
  const covered = coverage?.of(period);
  return covered?.partial ? { period, covered: covered.ranges } : period;
}

/** `partial`, `from`, `to` of a period (whole, with null from/to, when its coverage is not known). */
export function coveredJson(c: PeriodCoverage | null | undefined) {
  return { partial: c?.partial ?? false, from: c?.from ?? null, to: c?.to ?? null };
}

/** Under a table with a period covered only in part. */
export function partialNotes(any: boolean): Label[] {
  if (!any) return [];
  return [
    {
      en: 'A period followed by days in brackets is covered by the data only on those days.',
      id: 'Periode yang diikuti tanggal dalam kurung hanya tercakup data pada tanggal itu.',
    },
    {
      en: 'A file of dated rows covers from the 1st of its first month to its last date, a monthly figure its month; --from/--to cut them.',
      id: 'Berkas bertanggal mencakup tanggal 1 bulan pertamanya sampai tanggal terakhirnya, angka bulanan bulannya; --from/--to memotongnya.',
    },
  ];
}

/**
 * `delegations 4 January – 10 November 2016, arrivals January – December 2016`: from the first to the
 * last dated row of each kind (a monthly figure its month), within the limits; null when no row has a
 * date (annual figures only).
 */
export function datesCovered(files: readonly FileCoverage[], limits: SpanLimits): Label | null {
  const spans = (['delegations', 'arrivals'] as const).flatMap((kind) => {
    const span = dateSpanOf(files, kind, limits);
    return span ? [{ kind, span }] : [];
  });
  if (spans.length === 0) return null;
  return bilingual((l) =>
    spans.map(({ kind, span }) => `${glossary().KIND_NAMES[kind][l]} ${formatDateSpan(span.from, span.to, l)}`).join(', '),
  );
}

/** `{ delegations: { from: '2016-01-04', to: '2016-11-04' }, arrivals: { from: '2016-01', to: '2016-12' } }`; null for a kind without dates. */
export function datesCoveredJson(files: readonly FileCoverage[], limits: SpanLimits) {
  const iso = (kind: 'delegations' | 'arrivals') => {
    const span = dateSpanOf(files, kind, limits);
    return span && { from: isoDate(span.from), to: isoDate(span.to) };
  };
  return { delegations: iso('delegations'), arrivals: iso('arrivals') };
}
