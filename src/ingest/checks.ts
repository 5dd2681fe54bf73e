/**
 * What the input layer checks beyond each row's own validity, for every command alike:
 *
 * - arrival figures given twice, or coarser and finer ones for the same span (model/arrival-ledger.ts):
 *   every figure is kept with its place and resolved when everything is read; the sink gets the
 *   figures no later one can change as they are read (the common case), the others then;
 *   `--on-overlap` (config `onOverlap`) says what a figure given twice does;
 * - delegation rows identical in every mapped column (repeated-rows.ts): warnings, as they can be real;
 * - plausible values (model/plausible.ts, config `plausible`): a delegation of fewer than 1 or more than
 *   1,000 people, more than 30 nights, a date after today, a month of arrivals more than 5x or less than
 *   1/5 of the month before: warnings.
 *
 * Warnings read `FILE:LINE: warning: what: why` on stderr, the first 20 of each kind (every one in
 * `validate`), and are counted in every command's JSON and the report's data quality.
 */
import { InvalidDataError } from '../errors';
import { grouped, quote } from '../messages';
import type { ArrivalLedger, CountedBatch, FiguresAsRead, Overlap, OverlapPolicy, Place, PlacedArrival } from '../model/arrival-ledger';
import type { DateTracker } from '../model/coverage';
import { type CalDate, type PeriodDate, isYearDate, isoDate } from '../model/dates';
import { DELEGATION_FIELDS, type ArrivalRow, arrivalOf } from '../model/records';
import { DEFAULT_PLAUSIBLE, type PlausibleBounds, implausibleChange, implausibleNights, implausiblePeople } from '../model/plausible';
import { grown } from '../model/grown';
import type { RowSink } from '../model/row-sink';
import type { ArrivalBatchBuilder } from './arrival-batch';
import type { DelegationBatchBuilder } from './delegation-batch';
import type { Field, Layout } from './headers';
import { CHECKED_ROWS, type RepeatedRowsPart, RepeatedRows } from './repeated-rows';
import type { CsvRecord } from './scanner';

/** Loaded by the first file of arrivals: a run on delegations alone never needs the ledger. */
const arrivalLedger = () => require('../model/arrival-ledger') as typeof import('../model/arrival-ledger');
/** Loaded by the first workbook row compared: the scanner hashes a CSV file's text itself. */
const textHash = (fields: readonly string[]) => (require('./text-hash') as typeof import('./text-hash')).textHash(fields);

export interface CheckSettings {
  onOverlap: OverlapPolicy;
  plausible: PlausibleBounds;
  /** Dates after it are implausible: the day the command runs. */
  today: CalDate;
}

/** Today, as the machine's clock and time zone have it. */
export function today(now = new Date()): CalDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

export function defaultChecks(): CheckSettings {
  return { onOverlap: 'error', plausible: DEFAULT_PLAUSIBLE, today: today() };
}

/** Warnings of each kind printed before they are only counted (validate prints them all). */
export const PRINTED_WARNINGS = 20;

export const WARNING_KINDS = ['repeatedRows', 'implausible', 'figureMismatches', 'overlaps'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];
export type WarningCounts = Record<WarningKind, number>;

export interface Warning {
  kind: WarningKind;
  source: string;
  line: number;
  /** `what: why`, e.g. `people: 1,500 people, more than plausible.maxPeople (1,000)`. */
  text: string;
}

const noWarnings = (): WarningCounts => ({ repeatedRows: 0, implausible: 0, figureMismatches: 0, overlaps: 0 });

/** Warnings printed as they come, the first `printLimit` of each kind, and counted. */
export class WarningLog {
  readonly counts = noWarnings();

  constructor(
    private readonly write: (line: string) => void,
    private readonly printLimit: number,
  ) {}

  warn(warning: Warning): void {
    if (++this.counts[warning.kind] <= this.printLimit) this.write(`${warning.source}:${warning.line}: warning: ${warning.text}`);
  }

  /** A worker's part: the warnings it kept (its lines moved on by `lineOffset`), and how many it had. */
  absorb(part: WarningsPart, lineOffset: number): void {
    for (const kind of WARNING_KINDS) {
      const kept = part.kept.filter((w) => w.kind === kind);
      for (const w of kept) this.warn({ ...w, line: w.line + lineOffset });
      this.counts[kind] += part.counts[kind] - kept.length;
    }
  }

  /** How many were not printed, said once at the end. */
  close(): void {
    const unprinted = WARNING_KINDS.reduce((n, kind) => n + Math.max(0, this.counts[kind] - this.printLimit), 0);
    if (unprinted > 0) this.write(`visitstat: ... and ${grouped(unprinted)} more warnings (validate lists them all)`);
  }
}

/** A worker's warnings: the first of each kind (enough to print), and the counts. */
export interface WarningsPart {
  kept: Warning[];
  counts: WarningCounts;
}

/** Collects a worker's warnings instead of printing them. */
export class WarningCollector {
  readonly counts = noWarnings();
  readonly kept: Warning[] = [];

  constructor(private readonly keep: number) {}

  warn(warning: Warning): void {
    if (++this.counts[warning.kind] <= this.keep) this.kept.push(warning);
  }

  part(): WarningsPart {
    return { kept: this.kept, counts: this.counts };
  }
}

type Warn = (warning: Warning) => void;

/** Where warnings go: printed and counted (WarningLog), or kept to hand over (WarningCollector, in a worker). */
export interface WarningSink {
  readonly counts: WarningCounts;
  warn(warning: Warning): void;
}

/** What a worker's checks of its part hand over: its warnings and its rows' fingerprints. */
export interface ChecksPart {
  warnings: WarningsPart;
  rows: RepeatedRowsPart;
}

/** A part read without checks. */
export function noChecksPart(): ChecksPart {
  return { warnings: { kept: [], counts: noWarnings() }, rows: { rows: new Int32Array(0), stoppedAt: null } };
}

/** What the checks found, for InputSummary (and every command's JSON). */
export interface ChecksSummary {
  onOverlap: OverlapPolicy;
  /** Arrival figures given again for a span that had one (counted as onOverlap says). */
  overlaps: number;
  /** Coarser arrival figures left out because finer ones cover their span. */
  replacedFigures: number;
  warnings: WarningCounts;
  /** Delegation rows compared for repeats, and where the comparison stopped (null: it did not). */
  repeatedRowsCheck: { rowsChecked: number; stoppedAt: string | null };
}

/** Checks that found nothing (nothing read yet). */
export function nothingFound(onOverlap: OverlapPolicy = 'error'): ChecksSummary {
  return { onOverlap, overlaps: 0, replacedFigures: 0, warnings: noWarnings(), repeatedRowsCheck: { rowsChecked: 0, stoppedAt: null } };
}

/**
 * Where a batch's rows came from: row k's record `rows.records[k]` has its line at
 * `codeWords[linesAt() + record]` and its text hash at `codeWords[hashesAt() + 2 * record]` (low,
 * then high word). A scanner's RecordBatch, or SheetRows for a workbook's rows.
 */
export interface RowSources {
  readonly codeWords: Int32Array;
  linesAt(): number;
  hashesAt(): number;
  line(record: number): number;
}

/** A workbook's rows as RowSources: their lines, and their text hashed here (text-hash.ts) while compared. */
export class SheetRows implements RowSources {
  codeWords = new Int32Array(3 * 64);
  private room = 64;
  private size = 0;

  linesAt(): number {
    return 0;
  }

  hashesAt(): number {
    return this.room;
  }

  line(record: number): number {
    return this.codeWords[record];
  }

  /** A row of the batch: its number among them. */
  add(rec: CsvRecord, checks: FileChecks): number {
    if (this.size === this.room) this.grow();
    const r = this.size++;
    this.codeWords[r] = rec.line;
    if (checks.hashing && checks.hashedColumns.length > 0) {
      const [low, high] = textHash(checks.hashedColumns.map((column) => rec.field(column)));
      this.codeWords[this.room + 2 * r] = low;
      this.codeWords[this.room + 2 * r + 1] = high;
    }
    return r;
  }

  clear(): void {
    this.size = 0;
  }

  private grow(): void {
    const room = this.room * 2;
    const words = new Int32Array(3 * room);
    words.set(this.codeWords.subarray(0, this.room));
    words.set(this.codeWords.subarray(this.room), room);
    this.codeWords = words;
    this.room = room;
  }
}

/** The checks of one file as it is read, made when its layout is known. */
export interface FileChecks {
  /** The columns the scanner hashes for the file (its delegation text columns). */
  readonly hashedColumns: readonly number[];
  /** Whether rows still need their hashes (false once the check of repeated rows has stopped). */
  readonly hashing: boolean;
  /** `dates`: the dates of the file's rows accepted so far (these included). */
  delegations(rows: DelegationBatchBuilder, records: RowSources, dates: DateTracker): void;
  /** A figure; whether the sink takes it now (else once everything is read). */
  arrival(row: ArrivalRow, line: number): boolean;
  /** The straight path's figures of a batch, while its records (their lines) are at hand; whether the sink takes them now. */
  arrivals(figures: ArrivalBatchBuilder, records: RowSources): boolean;
}

/** The checks of one read of all the inputs. */
export class InputChecks {
  /** Made for the first file of arrivals: a run on delegations alone never loads the ledger. */
  private ledger: ArrivalLedger | null = null;
  readonly repeated: RepeatedRows;
  private readonly sources: string[] = [];

  private readonly warn: Warn;
  /** After finish: every arrival figure given again, whatever the policy. */
  overlaps: readonly Overlap[] = [];

  /**
   * `warnings` takes the warnings; `report` the lines that name figures given twice under
   * `--on-overlap error`, the first `reportLimit` of them.
   */
  constructor(
    readonly settings: CheckSettings,
    private readonly warnings: WarningSink,
    private readonly report: (line: string) => void = () => {},
    private readonly reportLimit = Infinity,
    repeatedLimit = CHECKED_ROWS,
  ) {
    this.repeated = new RepeatedRows(repeatedLimit);
    this.warn = (warning) => warnings.warn(warning);
  }

  forFile(source: string, layout: Layout): FileChecks {
    if (layout.kind === 'arrivals') {
      const { onOverlap } = this.settings;
      const ledger = (this.ledger ??= new (arrivalLedger().ArrivalLedger)(onOverlap === 'error' || onOverlap === 'first'));
      let lines = new Int32Array(0);
      return {
        hashedColumns: [],
        hashing: false,
        delegations() {},
        arrival: (row, line) => ledger.add(row, { source, line }),
        arrivals(figures, records) {
          if (lines.length < figures.length) lines = new Int32Array(figures.record.length);
          const words = records.codeWords;
          const record = figures.record;
          const at = records.linesAt();
          for (let i = 0; i < figures.length; i++) lines[i] = words[at + record[i]];
          return ledger.addBatch(figures, source, lines);
        },
      };
    }
    this.sources.push(source);
    this.repeated.startFile();
    return new DelegationChecks(source, layout, this.settings, this.warn, this.repeated);
  }

  /** A worker's part of the current file: its warnings and fingerprints, its lines moved on by `lineOffset`. */
  absorb(part: ChecksPart, lineOffset: number): void {
    if (this.warnings instanceof WarningLog) this.warnings.absorb(part.warnings, lineOffset);
    this.repeated.absorb(part.rows, lineOffset);
  }

  /** This checker's part, as a worker hands it over. */
  part(): ChecksPart {
    const warnings = this.warnings instanceof WarningCollector ? this.warnings.part() : noChecksPart().warnings;
    return { warnings, rows: this.repeated.part() };
  }

  /**
   * Once every input is read: the arrival figures resolved and the rest handed to the sink, and the repeated
   * rows and implausible months said. A figure given twice under onOverlap `error` is reported (as a
   * problem is) and, with `failOnOverlap`, fails the read; validate goes on to its verdicts.
   */
  finish(sink: RowSink, failOnOverlap = true): ChecksSummary {
    const policy = this.settings.onOverlap;
    const replaced = this.ledger ? this.finishArrivals(this.ledger, sink, failOnOverlap) : 0;
    this.warnRepeated();
    const stopped = this.repeated.stoppedAt;
    return {
      onOverlap: policy,
      overlaps: this.overlaps.length,
      replacedFigures: replaced,
      warnings: { ...this.warnings.counts },
      repeatedRowsCheck: {
        rowsChecked: this.repeated.rows,
        stoppedAt: stopped === null ? null : `${this.sources[stopped.file]}:${stopped.line}`,
      },
    };
  }

  /** The arrival figures resolved under the policy, said and the rest handed to the sink; how many coarser ones were replaced. */
  private finishArrivals(ledger: ArrivalLedger, sink: RowSink, failOnOverlap: boolean): number {
    const policy = this.settings.onOverlap;
    const resolved = ledger.resolve(policy);
    this.overlaps = resolved.overlaps;
    if (policy === 'error') {
      const { overlaps } = resolved;
      for (const { first, again } of overlaps.slice(0, this.reportLimit)) {
        this.report(`${first.source}:${first.line}: ${describeOverlap(first, again)}`);
      }
      if (overlaps.length > this.reportLimit)
        this.report(`... and ${grouped(overlaps.length - this.reportLimit)} more figures given again`);
      if (overlaps.length > 0 && failOnOverlap) throw overlapError(overlaps.length);
    } else {
      for (const { first, again } of resolved.overlaps) this.warn(overlapWarning(first, again, policy));
    }
    for (const m of resolved.mismatches) {
      const { coarse } = m;
      this.warn({
        kind: 'figureMismatches',
        source: coarse.source,
        line: coarse.line,
        text:
          `${coarse.segment} ${arrivalLedger().periodText(coarse.period)}: ${grouped(coarse.count)} differs from the sum of the ${grouped(m.finerCount)} ` +
          `finer figures within it (${grouped(m.finerSum)}, from ${m.firstFiner.source}:${m.firstFiner.line}); those are counted instead`,
      });
    }
    const months = new MonthlyChanges(this.settings, this.warn, resolved.placeOf);
    months.addAsRead(resolved.asRead);
    resolved.counted((batch) => {
      months.add(batch);
      if (sink.arrivalBatch) sink.arrivalBatch(batch);
      else for (let i = 0; i < batch.length; i++) sink.arrival(arrivalOf(batch, i));
    });
    months.finish();
    return resolved.replaced;
  }

  private warnRepeated(): void {
    for (const group of this.repeated.repeated()) {
      const [first, ...again] = group;
      const at = `${this.sources[first.file]}:${first.line}`;
      for (const place of again) {
        this.warn({
          kind: 'repeatedRows',
          source: this.sources[place.file],
          line: place.line,
          text: `row: the same in every column as ${at} (both are counted; if it was entered twice, remove one)`,
        });
      }
    }
  }
}

/** A month's counted figures of one breakdown and segment: their sum, how many, and the first's figure number. */
interface MonthFigures {
  sum: number;
  figures: number;
  first: number;
  period: CalDate;
  foreign: boolean;
}

/**
 * The counted arrival figures, batch by batch: a period after today is said at once; a month of
 * arrivals more than `monthlyRatio` times the month before, or less than 1 / monthlyRatio, once all are
 * in (per breakdown and segment: totals and figures by destination or country are the same arrivals).
 */
class MonthlyChanges {
  private readonly today: number;
  /** Per month key (monthKey), its figures' number in `months`, which is in the order first met. */
  private readonly byKey = new Map<number, number>();
  private readonly months: MonthFigures[] = [];
  /** Per period code and segment of the batches' code space: 1 + the month's number (0: not met). */
  private codeSpace: object | null = null;
  private byCode = new Int32Array(0);

  constructor(
    private readonly settings: CheckSettings,
    private readonly warn: Warn,
    private readonly placeOf: (figure: number) => Place,
  ) {
    this.today = dateNumber(settings.today);
  }

  /**
   * The figures counted as read, the first counted: per period number and flags the month's number
   * and whether the period is after today, found once.
   */
  addAsRead(figures: FiguresAsRead): void {
    const { periods, period, flags, count } = figures;
    // By period * 8 + flags: 1 + the month's number (0: not found yet; -1: none, an annual figure).
    const monthBy = new Int32Array(8 * periods.length);
    const after = Uint8Array.from(periods, (p) => (dateNumber(p) > this.today ? 1 : 0));
    for (let f = 0; f < figures.length; f++) {
      const p = period[f];
      const fl = flags[f];
      if (after[p] === 1) this.afterToday(periods[p], fl & 1, f);
      let m = monthBy[8 * p + fl] - 1;
      if (m === -1) {
        const day = periods[p];
        m = isYearDate(day) ? -2 : this.monthOf(day, fl >> 1, (fl & 1) === 1, f);
        monthBy[8 * p + fl] = m + 1;
      }
      if (m < 0) continue;
      const month = this.months[m];
      month.sum += count[f];
      month.figures++;
    }
  }

  add(batch: CountedBatch): void {
    if (batch.codeSpace !== this.codeSpace) {
      this.codeSpace = batch.codeSpace;
      this.byCode = new Int32Array(64);
    }
    const { period, periodCode, foreign, count } = batch;
    for (let i = 0; i < batch.length; i++) {
      const p = period[i];
      if (dateNumber(p) > this.today) this.afterToday(p, foreign[i], batch.figure[i]);
      // An annual figure has no month to compare.
      if (isYearDate(p)) continue;
      const slot = 2 * periodCode[i] + foreign[i];
      if (slot >= this.byCode.length) this.byCode = grown(this.byCode, Math.max(2 * this.byCode.length, slot + 1));
      let m = this.byCode[slot] - 1;
      if (m < 0) this.byCode[slot] = (m = this.monthOf(p, batch.breakdown, foreign[i] === 1, batch.figure[i])) + 1;
      const month = this.months[m];
      month.sum += count[i];
      month.figures++;
    }
  }

  private afterToday(period: PeriodDate, foreign: number, figure: number): void {
    const segment = foreign ? 'foreign' : 'domestic';
    this.warn({
      kind: 'implausible',
      ...this.placeOf(figure),
      text: `${segment} ${arrivalLedger().periodText(period)}: a period after today`,
    });
  }

  /** In the order their first figures were read. */
  finish(): void {
    for (const [key, m] of this.byKey) {
      const month = this.months[m];
      const before = this.byKey.get(key - 8);
      if (before === undefined) continue;
      const why = implausibleChange(month.sum, this.months[before].sum, this.settings.plausible);
      if (why === null) continue;
      const what = `${month.foreign ? 'foreign' : 'domestic'} ${isoDate({ ...month.period, day: null })}`;
      const figure = month.figures === 1 ? grouped(month.sum) : `${grouped(month.sum)} (${month.figures} figures)`;
      this.warn({ kind: 'implausible', ...this.placeOf(month.first), text: `${what}: ${figure}, ${why}` });
    }
  }

  /** The number of a month's figures (of a breakdown and segment), made when first met. */
  private monthOf(period: CalDate, breakdown: number, foreign: boolean, figure: number): number {
    // The month before is 8 less: 4 breakdowns and 2 segments a month.
    const key = ((period.year * 12 + period.month - 1) * 4 + breakdown) * 2 + (foreign ? 1 : 0);
    let m = this.byKey.get(key);
    if (m === undefined) {
      m = this.months.length;
      this.months.push({ sum: 0, figures: 0, first: figure, period, foreign });
      this.byKey.set(key, m);
    }
    return m;
  }
}

/** `--on-overlap error`, once the figures given again are listed. */
export function overlapError(n: number): InvalidDataError {
  return new InvalidDataError(
    `${grouped(n)} arrival figure${n === 1 ? '' : 's'} given again for a period and segment that already had one; ` +
      'remove the repeats, or choose what counts with --on-overlap first|last|sum',
  );
}

function describeOverlap(first: PlacedArrival, again: PlacedArrival): string {
  const agree = first.count === again.count ? 'the same figure' : 'a different figure';
  // A figure by destination or country names them (as the first row wrote them).
  const at = [first.destination && `at ${quote(first.destination)}`, first.country && `from ${quote(first.country)}`].filter(Boolean);
  const what = [first.segment, ...at, arrivalLedger().periodText(first.period)].join(' ');
  return `${what}: ${grouped(first.count)}, given again at ${again.source}:${again.line}: ${grouped(again.count)} (${agree})`;
}

const KEPT: Record<Exclude<OverlapPolicy, 'error'>, string> = {
  first: 'the first is counted',
  last: 'the last is counted',
  sum: 'they are added',
};

function overlapWarning(first: PlacedArrival, again: PlacedArrival, policy: OverlapPolicy): Warning {
  const kept = KEPT[policy as Exclude<OverlapPolicy, 'error'>];
  return {
    kind: 'overlaps',
    source: first.source,
    line: first.line,
    text: `${describeOverlap(first, again)}; --on-overlap ${policy}: ${kept}`,
  };
}

/** Text columns are hashed by the scanner; dates and counts are mixed in by value. */
const TEXT_FIELDS = DELEGATION_FIELDS.filter((f) => f.kind === 'text' || f.kind === 'list').map((f) => f.name as Field);

/** One delegation file's checks: plausible values, and each row's fingerprint for repeated rows. */
class DelegationChecks implements FileChecks {
  readonly hashedColumns: readonly number[];
  private readonly headers: Record<'date' | 'people' | 'nights', string>;
  private readonly todayNumber: number;

  constructor(
    private readonly source: string,
    layout: Layout,
    private readonly settings: CheckSettings,
    private readonly warn: Warn,
    private readonly repeated: RepeatedRows,
  ) {
    const { index, headers } = layout.columns;
    this.hashedColumns = repeated.open ? TEXT_FIELDS.flatMap((f) => (index[f] === undefined ? [] : [index[f]!])) : [];
    const header = (f: Field) => (index[f] === undefined ? f : headers[index[f]!]);
    this.headers = { date: header('date'), people: header('people'), nights: header('nights') };
    this.todayNumber = dateNumber(settings.today);
  }

  arrival(): boolean {
    return true;
  }

  arrivals(): boolean {
    return true;
  }

  get hashing(): boolean {
    return this.repeated.open;
  }

  /** Date numbers by the scanner's date code (a file's codes), found once per code: 0 not yet. */
  private dateByCode = new Int32Array(1024);

  /**
   * The rows of a batch, while its records (their lines and text hashes) are at hand; `dates` has
   * the date of every row accepted so far in the file, these included.
   */
  delegations(rows: DelegationBatchBuilder, records: RowSources, dates: DateTracker): void {
    if (!this.repeated.open) {
      // No date of the file is after today: only the counts can make a row implausible.
      if (dates.hasAfter(this.settings.today)) this.checkRows(rows, records, this.datesOf(rows));
      else this.checkCounts(rows, records);
      return;
    }
    const when = this.datesOf(rows);
    this.checkRows(rows, records, when);
    const { people, nights } = rows.values;
    const hashes = this.hashedColumns.length > 0 ? records.hashesAt() : -1;
    this.repeated.addBatch(records.codeWords, hashes, records.linesAt(), rows.records, when, people, nights, rows.length);
  }

  /** Each row's date number (by the scanner's code of its date where it has one). */
  private datesOf(rows: DelegationBatchBuilder): Int32Array {
    if (this.when.length < rows.length) this.when = new Int32Array(rows.records.length);
    const when = this.when;
    const { date } = rows.values;
    const dateCodes = rows.codes.date;
    let byCode = this.dateByCode;
    for (let i = 0; i < rows.length; i++) {
      const code = dateCodes[i];
      let number = code >= 0 && code < byCode.length ? byCode[code] : 0;
      if (number === 0) {
        number = this.dateNumberOf(date[i], code);
        byCode = this.dateByCode;
      }
      when[i] = number;
    }
    return when;
  }

  /** Warnings for the implausible rows, their date numbers in `when`. */
  private checkRows(rows: DelegationBatchBuilder, records: RowSources, when: Int32Array): void {
    const { minPeople, maxPeople, maxNights } = this.settings.plausible;
    const today = this.todayNumber;
    const { people, nights, date } = rows.values;
    for (let i = 0; i < rows.length; i++) {
      const p = people[i];
      const n = nights[i];
      if (p < minPeople || p > maxPeople || n > maxNights || when[i] > today)
        this.implausible(records.line(rows.records[i]), p, n, date[i]);
    }
  }

  /**
   * Warnings for the rows whose counts are implausible, when no date is after today. A loop of its
   * own over two columns, run on nearly every row of a file: optimised early, and about a third of
   * checkRows' time (the date of each row is looked up by its code there).
   */
  private checkCounts(rows: DelegationBatchBuilder, records: RowSources): void {
    const { minPeople, maxPeople, maxNights } = this.settings.plausible;
    const { people, nights, date } = rows.values;
    for (let i = 0; i < rows.length; i++) {
      const p = people[i];
      const n = nights[i];
      if (p < minPeople || p > maxPeople || n > maxNights) this.implausible(records.line(rows.records[i]), p, n, date[i]);
    }
  }

  /** A batch's date numbers. */
  private when = new Int32Array(0);

  /** A date's number, kept by its code for the rows after. */
  private dateNumberOf(day: CalDate, code: number): number {
    const number = dateNumber(day);
    if (code < 0) return number;
    if (code >= this.dateByCode.length) {
      let size = this.dateByCode.length;
      while (size <= code) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.dateByCode);
      this.dateByCode = grown;
    }
    this.dateByCode[code] = number;
    return number;
  }

  private implausible(line: number, people: number, nights: number, day: CalDate): void {
    const { plausible } = this.settings;
    const at = { kind: 'implausible' as const, source: this.source, line };
    const byPeople = implausiblePeople(people, plausible);
    if (byPeople !== null) this.warn({ ...at, text: `${this.headers.people}: ${byPeople}` });
    const byNights = nights < 0 ? null : implausibleNights(nights, plausible);
    if (byNights !== null) this.warn({ ...at, text: `${this.headers.nights}: ${byNights}` });
    if (dateNumber(day) > this.todayNumber) {
      this.warn({ ...at, text: `${this.headers.date}: ${quote(isoDate(day))} is after today` });
    }
  }
}

/**
 * A date as a number that orders dates by their start: a month-only date before the days of its
 * month, a year alone before its months.
 */
function dateNumber(d: PeriodDate): number {
  return (d.year * 13 + (d.month ?? 0)) * 32 + (d.day ?? 0);
}
