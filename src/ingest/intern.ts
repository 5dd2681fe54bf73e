/**
 * Values of a column looked up by the field's number (`CsvRecord.fieldNumber`: the same bytes, quoted
 * the same way, get the same number), so that a value repeated on millions of rows (a region, a type, a
 * date) is decoded and parsed once and then shared: a hit is an array read and allocates nothing.
 *
 * A field's value is a pure function of its bytes and of whether it was quoted (`a""b` unquoted is
 * text as written; quoted, the `""` is one quote), which is what the number stands for. A field the
 * scanner has not numbered is computed afresh each time, which is what the caller would do without
 * the cache.
 */
import type { CsvRecord } from './scanner';

/** A slot not filled yet: values are filled in the order rows ask for them, which may skip numbers. */
export const UNSEEN: unique symbol = Symbol('unseen');

export class FieldCache<T> {
  private readonly values: (T | typeof UNSEEN)[] = [];

  /**
   * `compute` gets the field as `CsvRecord.field` decodes it; `numberOf` numbers it by its bytes
   * (CsvRecord.fieldNumber, or dateNumber for a column the scanner reads dates in).
   */
  constructor(
    private readonly compute: (text: string) => T,
    private readonly numberOf: (rec: CsvRecord, index: number) => number = byBytes,
  ) {}

  get(rec: CsvRecord, index: number): T {
    const id = this.numberOf(rec, index);
    if (id < 0) return this.compute(rec.field(index));
    const value = this.cached(id);
    return value !== UNSEEN ? value : this.set(id, this.compute(rec.field(index)));
  }

  /** The value of field number `id` (-1: none) from the field's text as `CsvRecord.field` decodes it; kept if it has a number. */
  decode(id: number, text: string): T {
    return id < 0 ? this.compute(text) : this.set(id, this.compute(text));
  }

  /** Sets the value of field number `id` (>= 0), known without decoding the field. */
  set(id: number, value: T): T {
    const values = this.values;
    while (values.length <= id) values.push(UNSEEN);
    values[id] = value;
    return value;
  }

  /** The value of field number `id` (>= 0) if a row has asked for it already, else UNSEEN. */
  cached(id: number): T | typeof UNSEEN {
    return id < this.values.length ? this.values[id] : UNSEEN;
  }
}

function byBytes(rec: CsvRecord, index: number): number {
  return rec.fieldNumber(index);
}
