/**
 * The accepted delegation rows of one scanned batch of records, gathered column by column (a
 * DelegationBatch) and handed to the sink at the end of the batch: the straight path writes a valid
 * record's values and codes without making a row object; the record-by-record path adds whole rows.
 * Reused from batch to batch; it grows only if a batch ever holds more rows than it has room for.
 */
import type { CalDate } from '../model/dates';
import type { DelegationBatch, DelegationRow } from '../model/records';

const INITIAL_ROOM = 1024;

export class DelegationBatchBuilder implements DelegationBatch {
  length = 0;
  /** A new one per input file: the scanner numbers each file's values afresh. */
  readonly codeSpace = {};
  date: CalDate[] = [];
  dateCode = new Int32Array(INITIAL_ROOM);
  people = new Float64Array(INITIAL_ROOM);
  nights = new Float64Array(INITIAL_ROOM);
  origin: (string | null)[] = [];
  originCode = new Int32Array(INITIAL_ROOM);
  region: (string | null)[] = [];
  regionCode = new Int32Array(INITIAL_ROOM);
  type: (string | null)[] = [];
  typeCode = new Int32Array(INITIAL_ROOM);
  purposes: (readonly string[])[] = [];

  /** Adds a row; codes as DelegationBatch defines them, nights -1 when unknown. */
  add(
    date: CalDate,
    dateCode: number,
    people: number,
    nights: number,
    origin: string | null,
    originCode: number,
    region: string | null,
    regionCode: number,
    type: string | null,
    typeCode: number,
    purposes: readonly string[],
  ): void {
    const i = this.length;
    if (i === this.people.length) this.grow();
    this.date[i] = date;
    this.dateCode[i] = dateCode;
    this.people[i] = people;
    this.nights[i] = nights;
    this.origin[i] = origin;
    this.originCode[i] = originCode;
    this.region[i] = region;
    this.regionCode[i] = regionCode;
    this.type[i] = type;
    this.typeCode[i] = typeCode;
    this.purposes[i] = purposes;
    this.length = i + 1;
  }

  /** Adds a row built record by record: it has no codes. */
  addRow(row: DelegationRow): void {
    this.add(row.date, -1, row.people, row.nights ?? -1, row.origin, -1, row.region, -1, row.type, -1, row.purposes);
  }

  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    const room = this.people.length * 2;
    const wider = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(room);
      b.set(a);
      return b;
    };
    this.dateCode = wider(this.dateCode);
    this.people = wider(this.people);
    this.nights = wider(this.nights);
    this.originCode = wider(this.originCode);
    this.regionCode = wider(this.regionCode);
    this.typeCode = wider(this.typeCode);
  }
}
