/**
 * The arrivals figures of one scanned batch of records, gathered column by column (an ArrivalBatch)
 * by the straight path and handed to the sink at the end of the batch, so that no object is made per
 * figure. Reused from batch to batch; it grows only if a batch ever holds more figures than it has room for.
 */
import type { PeriodDate } from '../model/dates';
import { grown } from '../model/grown';
import type { ArrivalBatch } from '../model/records';

const INITIAL_ROOM = 2048;

export class ArrivalBatchBuilder implements ArrivalBatch {
  length = 0;
  /** A new one per input file: the scanner numbers each file's values afresh. */
  readonly codeSpace = {};
  period: PeriodDate[] = [];
  periodCode = new Int32Array(INITIAL_ROOM);
  foreign = new Uint8Array(INITIAL_ROOM);
  count = new Float64Array(INITIAL_ROOM);
  destination: (string | null)[] = [];
  destinationCode = new Int32Array(INITIAL_ROOM);
  country: (string | null)[] = [];
  countryCode = new Int32Array(INITIAL_ROOM);
  /** The record (of the scanned batch) each figure came from: its line, for the checks. */
  record = new Int32Array(INITIAL_ROOM);
  private room = INITIAL_ROOM;

  constructor(readonly breakdown: number) {}

  /** Adds a figure. */
  push(
    period: PeriodDate,
    periodCode: number,
    foreign: boolean,
    count: number,
    destination: string | null,
    destinationCode: number,
    country: string | null,
    countryCode: number,
    record: number,
  ): void {
    if (this.length === this.room) this.grow();
    const i = this.length++;
    this.period[i] = period;
    this.periodCode[i] = periodCode;
    this.foreign[i] = foreign ? 1 : 0;
    this.count[i] = count;
    this.destination[i] = destination;
    this.destinationCode[i] = destinationCode;
    this.country[i] = country;
    this.countryCode[i] = countryCode;
    this.record[i] = record;
  }

  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    const room = this.room * 2;
    this.periodCode = grown(this.periodCode, room);
    this.foreign = grown(this.foreign, room);
    this.count = grown(this.count, room);
    this.destinationCode = grown(this.destinationCode, room);
    this.countryCode = grown(this.countryCode, room);
    this.record = grown(this.record, room);
    this.room = room;
  }
}
