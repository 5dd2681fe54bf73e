import { type CsvRecord, CsvScanner, SCAN_LIMITS, type ScanError, type ScanLimits } from '../../src/ingest/scanner';

interface Scanned {
  records: { line: number; fields: string[]; raw: string }[];
  errors: ScanError[];
}

/** Scans `text` fed in pieces of `chunk` bytes. */
function scan(text: string | Buffer, chunk = Infinity, delimiter = ',', limits: ScanLimits = SCAN_LIMITS): Scanned {
  const out: Scanned = { records: [], errors: [] };
  const handlers = {
    record: (r: CsvRecord) =>
      out.records.push({ line: r.line, fields: Array.from({ length: r.fieldCount }, (_, i) => r.field(i)), raw: r.raw() }),
    error: (e: ScanError) => out.errors.push(e),
  };
  const scanner = new CsvScanner(delimiter.charCodeAt(0), handlers, true, 'test.csv', limits);
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const size = Number.isFinite(chunk) ? chunk : buf.length || 1;
  for (let i = 0; i < buf.length; i += size) scanner.push(buf.subarray(i, i + size));
  scanner.end();
  return out;
}

const fields = (s: Scanned) => s.records.map((r) => r.fields);

describe('CsvScanner', () => {
  test('plain fields, LF and CRLF, last line without ending', () => {
    expect(fields(scan('a,b\n1,2\r\n3,4'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  test('quoted fields with delimiters, doubled quotes and newlines; line numbers are physical', () => {
    const s = scan('h1,h2\n"x, y","say ""hi"""\n"two\nlines",z\nlast,1\n');
    expect(fields(s)).toEqual([
      ['h1', 'h2'],
      ['x, y', 'say "hi"'],
      ['two\nlines', 'z'],
      ['last', '1'],
    ]);
    expect(s.records.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  test('every chunking gives the same records', () => {
    const text = 'a;b;c\r\n"q;1";"multi\r\nline";""\r\n;;x\r\n"é ünï";2;"""quoted"""\r\n';
    const whole = scan(text, Infinity, ';');
    for (let size = 1; size <= 8; size++) expect(scan(text, size, ';')).toEqual(whole);
  });

  test('a multi-byte character split across chunks decodes whole', () => {
    const s = scan(Buffer.from('a\nSète\n', 'utf8'), 3);
    expect(fields(s)).toEqual([['a'], ['Sète']]);
  });

  test('blank lines are skipped; an empty quoted field is a record', () => {
    expect(fields(scan('a\n\n\r\nb\n""\n'))).toEqual([['a'], ['b'], ['']]);
  });

  test('a quote inside an unquoted field is text', () => {
    expect(fields(scan('Kunjungan "Smart" Kampung,2\n'))).toEqual([['Kunjungan "Smart" Kampung', '2']]);
  });

  test('text after a closing quote is an error on its line, and scanning goes on', () => {
    const s = scan('a,b\n"x"y,1\nc,d\n');
    expect(s.errors).toEqual([{ line: 2, message: 'text after a closing quote', raw: '"x"y,1' }]);
    expect(fields(s)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  test('an unclosed quote rejects its own line only, so later rows are not lost', () => {
    const s = scan('a,b\n1,"open\n2,3\n4,5\n');
    expect(s.errors).toEqual([{ line: 2, message: 'quote opened here is never closed', raw: '1,"open' }]);
    expect(fields(s)).toEqual([
      ['a', 'b'],
      ['2', '3'],
      ['4', '5'],
    ]);
    expect(s.records.map((r) => r.line)).toEqual([1, 3, 4]);
  });

  test('raw() gives the record as written, without its line ending', () => {
    expect(scan('x,"a ""b"""\r\n').records[0].raw).toBe('x,"a ""b"""');
  });

  test('a lone CR ends a record too', () => {
    expect(fields(scan('a,b\r1,2\r'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

test('a broken row whose CRLF is split between blocks still counts one line', () => {
  const text = 'a,b\r\n"x"y,1\r\nc,d\r\n';
  const whole = scan(text);
  expect(whole.records.map((r) => r.line)).toEqual([1, 3]);
  for (let size = 1; size <= text.length; size++) expect(scan(text, size)).toEqual(whole);
});

describe('batches and buffers of the WebAssembly scanner', () => {
  test('more records than one batch holds, in one block and in odd chunks, keep their order and lines', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `"r${i},x",${i}` : `r${i},${i}`));
    const text = lines.join('\n') + '\n';
    const whole = scan(text);
    expect(whole.records).toHaveLength(20_000);
    expect(whole.records[19_999]).toEqual({ line: 20_000, fields: ['r19999', '19999'], raw: 'r19999,19999' });
    expect(whole.records[9_999].fields).toEqual(['r9999,x', '9999']);
    expect(scan(text, 77_777)).toEqual(whole);
  });

  test('a record wider than the field arrays, first in its batch or after others', () => {
    const width = SCAN_LIMITS.maxFields; // the most a record may have: six times the arrays' first size
    const wide = Array.from({ length: width }, (_, i) => String(i % 10)).join(',');
    const s = scan(`a,b\n${wide}\nc,d\n`);
    expect(s.records.map((r) => r.fields.length)).toEqual([2, width, 2]);
    expect(s.records[1].fields[width - 1]).toBe('9');
    expect(s.records[2]).toEqual({ line: 3, fields: ['c', 'd'], raw: 'c,d' });
  });

  test('one field past the limit rejects the record up to its line end, whatever the chunking', () => {
    const limits = { maxFields: 100, maxRecordBytes: SCAN_LIMITS.maxRecordBytes };
    // The 101st field is quoted and holds a line break: the record is rejected up to the end of the
    // line the limit was met on, and what follows is read as a record of its own.
    const over = Array.from({ length: 101 }, (_, i) => (i === 100 ? '"q,\nq"' : String(i % 10))).join(',');
    const text = `a,b\n${'1,'.repeat(99)}1\n${over}\nc,d\n`;
    const whole = scan(text, Infinity, ',', limits);
    expect(whole.errors).toEqual([{ line: 3, message: 'more than 100 fields in one record', raw: over.split('\n')[0] }]);
    expect(whole.records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, Array(100).fill('1')],
      [4, ['q"']],
      [5, ['c', 'd']],
    ]);
    for (const size of [1, 7, 64, 333]) expect(scan(text, size, ',', limits)).toEqual(whole);
  });

  test('the default limit is 100,000 fields', () => {
    const s = scan(`a,b\n${'1,'.repeat(100_000)}1\nc,d\n`, 65_536);
    expect(s.errors.map((e) => [e.line, e.message])).toEqual([[2, 'more than 100,000 fields in one record']]);
    expect(fields(s)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  test('a record longer than maxRecordBytes stops the input, naming its line', () => {
    const limits = { maxFields: 100, maxRecordBytes: 1000 };
    expect(() => scan(`a,b\n1,2\n"${'x'.repeat(5000)}\n`, 100, ',', limits)).toThrow(
      /^test\.csv:3: no record ends within 0 MB of this line/,
    );
  });

  test('lines of only spaces and tabs are skipped like blank lines, a quoted blank field is not', () => {
    const s = scan('a,b\n  \n\t\n \t \r\n" "\n1,2\n   ');
    expect(s.records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [5, [' ']],
      [6, ['1', '2']],
    ]);
  });

  test('a field longer than the input buffer, split over many chunks', () => {
    const long = 'é"'.repeat(150_000);
    const s = scan(`h\n"${long.replace(/"/g, '""')}"\nz\n`, 4096);
    expect(s.records.map((r) => r.fields[0])).toEqual(['h', long, 'z']);
  });
});

describe('fieldNumber', () => {
  /** Numbers of column `column` per record, asked on every record (numbering starts at the next batch). */
  function numbers(text: string, column: number): { value: string; number: number }[] {
    const out: { value: string; number: number }[] = [];
    const scanner = new CsvScanner(44, {
      record: (r) => out.push({ value: r.field(column), number: r.fieldNumber(column) }),
      error: () => undefined,
    });
    scanner.push(Buffer.from(text));
    scanner.end();
    return out;
  }

  test('the same bytes quoted the same way get the same number; quoting makes another value', () => {
    const rows = Array.from({ length: 9_000 }, (_, i) => ['Jawa', '"Jawa"', 'Bali', '"a""b"', 'a""b', ''][i % 6]);
    const got = numbers(rows.join('\n') + '\n', 0).slice(8_192); // the first batch went by unnumbered
    const byText = new Map<string, Set<number>>();
    for (const [i, { number }] of got.entries()) {
      expect(number).toBeGreaterThanOrEqual(0);
      const key = rows[8_192 + i];
      byText.set(key, (byText.get(key) ?? new Set()).add(number));
    }
    for (const seen of byText.values()) expect(seen.size).toBe(1);
    const distinct = new Set([...byText.values()].map((s) => [...s][0]));
    expect(distinct.size).toBe(byText.size);
  });

  test('no number for a field over 128 bytes, a missing field or before numbering starts', () => {
    const long = 'x'.repeat(129);
    const rows = Array.from({ length: 8_200 }, (_, i) => (i % 2 ? long : 'short'));
    const got = numbers(rows.join('\n') + '\n', 0);
    expect(got[0].number).toBe(-1);
    expect(got[8_193]).toEqual({ value: long, number: -1 });
    expect(got[8_194].number).toBeGreaterThanOrEqual(0);
    expect(numbers('a,b\n', 5)).toEqual([{ value: '', number: -1 }]);
  });
});

describe('parsedCount', () => {
  function codes(text: string, ask: (r: CsvRecord) => number): number[] {
    const out: number[] = [];
    const scanner = new CsvScanner(44, { record: (r) => out.push(ask(r)), error: () => undefined });
    scanner.push(Buffer.from(text));
    scanner.end();
    return out;
  }
  const cells = ['7', ' 42\t', '"15"', '007', '123456789', '1234567890', '1.500', '-3', '""', '4 5', 'x'];
  const expected = [7, 42, 15, 7, 123456789, -1, -1, -1, -1, -1, -1];

  test('plain digits up to nine are parsed in the scanner from the second batch on; anything else is -1', () => {
    const rows = Array.from({ length: 8_192 + cells.length }, (_, i) => (i < 8_192 ? '1' : cells[i - 8_192]));
    const got = codes(rows.join('\n') + '\n', (r) => r.parsedCount(0));
    expect(got[0]).toBe(-1); // asked for during the first batch: parsed from the next one
    expect(got.slice(8_192)).toEqual(expected);
  });

  test('a column is numbered or counted, whichever was asked first', () => {
    const rows = Array.from({ length: 8_200 }, (_, i) => String(i % 3));
    const got = codes(rows.join('\n') + '\n', (r) => (r.line === 1 ? r.fieldNumber(0) : r.parsedCount(0)));
    expect(new Set(got.slice(8_192))).toEqual(new Set([-1]));
  });
});
