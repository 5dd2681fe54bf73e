import { CsvScanner } from '../../src/ingest/scanner';

/**
 * The scanner's dictionaries: a field's number is the index of its value (bytes and quoting) among the
 * distinct values of its column in order of first appearance, from the record numbering started at.
 */
function numbered(text: string, column: number, chunk = Infinity): { raw: string; number: number }[] {
  const out: { raw: string; number: number }[] = [];
  const scanner = new CsvScanner(44, {
    record: (r) => {
      const quoted = r.fieldQuoted(column);
      const raw = column < r.fieldCount ? (quoted ? 'Q' : 'U') + r.bytes.toString('latin1', r.fieldStart(column), r.fieldEnd(column)) : '';
      out.push({ raw, number: r.fieldNumber(column) });
    },
    error: () => undefined,
  });
  const buf = Buffer.from(text, 'latin1');
  const size = Number.isFinite(chunk) ? chunk : buf.length;
  for (let i = 0; i < buf.length; i += size) scanner.push(buf.subarray(i, i + size));
  scanner.end();
  return out;
}

function expectFirstSeenNumbers(got: { raw: string; number: number }[], limit = 65_536): void {
  const first = got.findIndex((g) => g.number >= 0);
  expect(first).toBeGreaterThanOrEqual(0);
  const ids = new Map<string, number>();
  for (const g of got.slice(first)) {
    let id = ids.get(g.raw);
    if (id === undefined && ids.size < limit && g.raw.length - 1 <= 128) ids.set(g.raw, (id = ids.size));
    expect(g.number).toBe(id ?? -1);
  }
}

/** A value of `size` bytes with one byte changed at `at` (or none). */
function variant(size: number, at: number, salt: number): string {
  const base = Array.from({ length: size }, (_, i) => String.fromCharCode(97 + ((i * 7 + salt) % 26)));
  if (at >= 0 && at < size) base[at] = String.fromCharCode(65 + (salt % 26));
  return base.join('');
}

describe('scanner dictionaries', () => {
  test('values of every length up to 130, differing in any one byte, quoted or not, get distinct stable numbers', () => {
    const values: string[] = [];
    for (let size = 0; size <= 130; size++) {
      for (let at = -1; at < size; at += size > 40 ? 7 : 1) {
        const v = variant(size, at, size + at);
        values.push(`"${v}"`);
        if (size > 0) values.push(v);
      }
      if (size > 0) values.push('z'.repeat(size)); // same byte repeated: lengths alone tell these apart
    }
    const rows = ['h', ...Array.from({ length: 40 }, () => 'warm')];
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < values.length; i++) rows.push(values[(i * 31 + round * 17) % values.length]);
    const text = rows.join('\n') + '\n';
    for (const chunk of [Infinity, 4096, 61]) expectFirstSeenNumbers(numbered(text, 0, chunk));
  });

  test('long values sharing their first and last eight bytes differ by the middle', () => {
    const rows = ['h', ...Array.from({ length: 40 }, () => 'warm')];
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 500; i++) rows.push(`ABCDEFGH${String(i).padStart(12 + (i % 40), '0')}STUVWXYZ`);
    expectFirstSeenNumbers(numbered(rows.join('\n') + '\n', 0));
  });

  test('a column with many distinct values, and numbering stops at 65,536 of them', () => {
    const rows = ['h', ...Array.from({ length: 40 }, () => 'warm')];
    for (let i = 0; i < 70_000; i++) rows.push(`x,${(i * 7919) % 70_000}-${i % 3 ? 'd' : 'dd'}`);
    for (let i = 0; i < 2_000; i++) rows.push(`x,${i}-d`);
    expectFirstSeenNumbers(numbered(rows.join('\n') + '\n', 1, 65_536));
  });
});
