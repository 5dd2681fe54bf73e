import { CsvScanner, type ScanError } from '../src/ingest/scanner';

interface Scanned {
  records: { line: number; fields: string[]; raw: string }[];
  errors: ScanError[];
}

/** Scans `text` fed in pieces of `chunk` bytes. */
function scan(text: string | Buffer, chunk = Infinity, delimiter = ','): Scanned {
  const out: Scanned = { records: [], errors: [] };
  const scanner = new CsvScanner(delimiter.charCodeAt(0), {
    record: (r) =>
      out.records.push({ line: r.line, fields: Array.from({ length: r.fieldCount }, (_, i) => r.field(i)), raw: r.raw() }),
    error: (e) => out.errors.push(e),
  });
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const size = Number.isFinite(chunk) ? chunk : buf.length || 1;
  for (let i = 0; i < buf.length; i += size) scanner.push(buf.subarray(i, i + size));
  scanner.end();
  return out;
}

const fields = (s: Scanned) => s.records.map((r) => r.fields);

describe('CsvScanner', () => {
  test('plain fields, LF and CRLF, last line without ending', () => {
    expect(fields(scan('a,b\n1,2\r\n3,4'))).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });

  test('quoted fields with delimiters, doubled quotes and newlines; line numbers are physical', () => {
    const s = scan('h1,h2\n"x, y","say ""hi"""\n"two\nlines",z\nlast,1\n');
    expect(fields(s)).toEqual([['h1', 'h2'], ['x, y', 'say "hi"'], ['two\nlines', 'z'], ['last', '1']]);
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
    expect(fields(s)).toEqual([['a', 'b'], ['c', 'd']]);
  });

  test('an unclosed quote rejects its own line only, so later rows are not lost', () => {
    const s = scan('a,b\n1,"open\n2,3\n4,5\n');
    expect(s.errors).toEqual([{ line: 2, message: 'quote opened here is never closed', raw: '1,"open' }]);
    expect(fields(s)).toEqual([['a', 'b'], ['2', '3'], ['4', '5']]);
    expect(s.records.map((r) => r.line)).toEqual([1, 3, 4]);
  });

  test('raw() gives the record as written, without its line ending', () => {
    expect(scan('x,"a ""b"""\r\n').records[0].raw).toBe('x,"a ""b"""');
  });

  test('a lone CR ends a record too', () => {
    expect(fields(scan('a,b\r1,2\r'))).toEqual([['a', 'b'], ['1', '2']]);
  });
});

test('a broken row whose CRLF is split between blocks still counts one line', () => {
  const text = 'a,b\r\n"x"y,1\r\nc,d\r\n';
  const whole = scan(text);
  expect(whole.records.map((r) => r.line)).toEqual([1, 3]);
  for (let size = 1; size <= text.length; size++) expect(scan(text, size)).toEqual(whole);
});
