/**
 * Turning one CSV record into a validated row: each kind's builder reads only the columns it needs
 * and reports every problem of the record (column as written in the header, and why).
 */
import type { CalDate } from '../model/dates';
import type { ArrivalRow, DelegationRow, Segment } from '../model/records';
import type { Field, Layout } from './headers';
import { segmentOf } from './headers';
import type { CsvRecord } from './scanner';
import { type DateFormat, parseCount, parseDate, parseOptionalCount } from './values';

export interface FieldProblem {
  column: string | null;
  reason: string;
}

/** Reused per file: problems of the record being built (empty when it is valid). */
export class RowContext {
  readonly problems: FieldProblem[] = [];

  constructor(
    readonly layout: Layout,
    readonly dateFormat: DateFormat,
  ) {}

  begin(): void {
    this.problems.length = 0;
  }

  problem(field: Field | null, reason: string): void {
    this.problems.push({ column: field === null ? null : this.header(field), reason });
  }

  text(rec: CsvRecord, field: Field): string | null {
    const i = this.layout.columns.index[field];
    if (i === undefined) return null;
    const value = rec.field(i).trim();
    return value === '' ? null : value;
  }

  private header(field: Field): string {
    const i = this.layout.columns.index[field];
    return i === undefined ? field : this.layout.columns.headers[i];
  }
}

/** A record whose field count differs from the header's (trailing empty fields are tolerated). */
export function checkWidth(rec: CsvRecord, width: number, ctx: RowContext): boolean {
  if (rec.fieldCount === width) return true;
  if (rec.fieldCount > width) {
    let extraEmpty = true;
    for (let i = width; i < rec.fieldCount && extraEmpty; i++) extraEmpty = rec.field(i).trim() === '';
    if (extraEmpty) return true;
  }
  ctx.problem(null, `expected ${width} fields as in the header, found ${rec.fieldCount}`);
  return false;
}

function requiredDate(rec: CsvRecord, field: Field, ctx: RowContext): CalDate | null {
  const text = ctx.text(rec, field);
  if (text === null) return ctx.problem(field, 'empty (a date is required)'), null;
  const date = parseDate(text, ctx.dateFormat);
  if (typeof date === 'string') return ctx.problem(field, date), null;
  return date;
}

function requiredCount(rec: CsvRecord, field: Field, ctx: RowContext): number | null {
  const text = ctx.text(rec, field);
  if (text === null) return ctx.problem(field, 'empty (a count is required)'), null;
  const n = parseCount(text);
  if (typeof n === 'string') return ctx.problem(field, n), null;
  return n;
}

function optionalCount(rec: CsvRecord, field: Field, ctx: RowContext): number | null {
  const text = ctx.text(rec, field);
  if (text === null) return null;
  const n = parseOptionalCount(text);
  if (typeof n === 'string') return ctx.problem(field, n), null;
  return n;
}

const PURPOSE_SEPARATOR = /\s*[;|]\s*/;

export function buildDelegation(rec: CsvRecord, ctx: RowContext): DelegationRow | null {
  const date = requiredDate(rec, 'date', ctx);
  const people = requiredCount(rec, 'people', ctx);
  const nights = optionalCount(rec, 'nights', ctx);
  if (ctx.problems.length > 0) return null;
  const purpose = ctx.text(rec, 'purpose');
  return {
    date: date!,
    people: people!,
    origin: ctx.text(rec, 'origin'),
    region: ctx.text(rec, 'region'),
    type: ctx.text(rec, 'type'),
    nights,
    purposes: purpose === null ? [] : purpose.split(PURPOSE_SEPARATOR).filter((p) => p !== ''),
  };
}

/** Wide rows give one ArrivalRow per filled segment column; long rows give one. */
export function buildArrivals(rec: CsvRecord, ctx: RowContext, out: ArrivalRow[]): void {
  out.length = 0;
  const period = requiredDate(rec, 'period', ctx);
  if (ctx.layout.arrivalForm === 'long') {
    const segmentText = ctx.text(rec, 'segment');
    let segment: Segment | null = null;
    if (segmentText === null) ctx.problem('segment', 'empty (domestic or foreign is required)');
    else if ((segment = segmentOf(segmentText)) === null) {
      ctx.problem(
        'segment',
        `unknown segment "${segmentText}" (domestic: nusantara, wisnus, domestik, domestic; ` +
          'foreign: mancanegara, wisman, asing, foreign)',
      );
    }
    const count = requiredCount(rec, 'count', ctx);
    if (ctx.problems.length === 0) out.push({ period: period!, segment: segment!, count: count! });
    return;
  }
  const domestic = optionalCount(rec, 'domestic', ctx);
  const foreign = optionalCount(rec, 'foreign', ctx);
  if (ctx.problems.length > 0) return;
  if (domestic === null && foreign === null) {
    ctx.problem(null, 'no domestic or foreign figure on this row');
    return;
  }
  if (domestic !== null) out.push({ period: period!, segment: 'domestic', count: domestic });
  if (foreign !== null) out.push({ period: period!, segment: 'foreign', count: foreign });
}
