import { Transcoder, detectEncoding, parseEncodingOption } from '../../src/ingest/decode';
import { detectLayout, normalizeHeader, parseMapOption, segmentOf } from '../../src/ingest/headers';
import { parseDelimiterOption, sniffDelimiter } from '../../src/ingest/sniff';
import { InputError, UsageError } from '../../src/errors';

describe('detectEncoding', () => {
  test('BOMs decide', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]))).toEqual({ encoding: 'utf-16le', bom: true });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]))).toEqual({ encoding: 'utf-16be', bom: true });
  });

  test('valid UTF-8 without BOM, even when the block ends inside a character', () => {
    const e = Buffer.from('Sète', 'utf8');
    expect(detectEncoding(e.subarray(0, 3)).encoding).toBe('utf-8');
  });

  test('invalid UTF-8 is read as Windows-1252 and says so', () => {
    const d = detectEncoding(Buffer.from([0x53, 0xe8, 0x74, 0x65, 0x96]));
    expect(d.encoding).toBe('windows-1252');
    expect(d.note).toMatch(/not valid UTF-8/);
  });

  test('--encoding overrides, and an unknown name is a usage error', () => {
    expect(detectEncoding(Buffer.from('abc'), 'windows-1252').encoding).toBe('windows-1252');
    expect(parseEncodingOption('CP1252')).toBe('windows-1252');
    expect(() => parseEncodingOption('ebcdic')).toThrow(UsageError);
  });
});

describe('Transcoder', () => {
  const run = (bytes: Buffer, chunk: number) => {
    const t = new Transcoder(detectEncoding(bytes), 'f.csv');
    const parts: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += chunk) parts.push(t.push(bytes.subarray(i, i + chunk)));
    parts.push(t.end());
    return Buffer.concat(parts).toString('utf8');
  };

  test('Windows-1252 bytes become the right characters (en dash, curly quotes, é)', () => {
    expect(run(Buffer.from([0x53, 0xe8, 0x74, 0x65, 0x20, 0x96, 0x20, 0x93, 0x78, 0x94]), 3)).toBe('Sète – “x”');
  });

  test('UTF-16 LE and BE with BOM, split at odd offsets', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a;é\n', 'utf16le')]);
    expect(run(le, 3)).toBe('a;é\n');
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(run(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 1)).toBe('a;é\n');
  });

  test('the UTF-8 BOM is dropped', () => {
    expect(run(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), 2)).toBe('a');
  });

  test('invalid UTF-8 after a valid start stops with the fix', () => {
    const bytes = Buffer.concat([Buffer.from('date,people\n'), Buffer.from([0x41, 0xe9, 0x42])]);
    const t = new Transcoder({ encoding: 'utf-8', bom: false }, 'f.csv');
    t.push(bytes.subarray(0, 12));
    expect(() => t.push(bytes.subarray(12))).toThrow(/--encoding windows-1252/);
  });
});

describe('sniffDelimiter', () => {
  test.each([
    ['a,b,c\n1,2,3\n', ','],
    ['Tanggal;Jumlah Peserta\r\n9/3/2016;1.250\r\n', ';'],
    ['a\tb\n1\t2\n', '\t'],
    ['a|b\n1|2\n', '|'],
    // commas inside quotes and decimal commas do not fool it
    ['"x, y";b\n"1,5";2\n', ';'],
  ])('%j -> %j', (text, delimiter) => expect(sniffDelimiter(text)).toBe(delimiter));

  test('one column falls back to comma', () => expect(sniffDelimiter('people\n5\n')).toBe(','));

  test('--delimiter names', () => {
    expect(parseDelimiterOption('tab')).toBe('\t');
    expect(parseDelimiterOption(';')).toBe(';');
    expect(() => parseDelimiterOption(';;')).toThrow(UsageError);
  });
});

describe('headers', () => {
  test('normalising ignores case, spaces and punctuation', () => {
    expect(['Jumlah Peserta', 'jumlah_peserta', 'JUMLAH-PESERTA'].map(normalizeHeader)).toEqual(Array(3).fill('jumlahpeserta'));
  });

  test('segment words in both languages', () => {
    expect(['Nusantara', 'wisnus', 'DOMESTIK', 'domestic'].map(segmentOf)).toEqual(Array(4).fill('domestic'));
    expect(['mancanegara', 'Wisman', 'asing', 'Foreign'].map(segmentOf)).toEqual(Array(4).fill('foreign'));
    expect(segmentOf('lokal')).toBeNull();
  });

  const layout = (headers: string[], first: string[] | null = null, map = {}) =>
    detectLayout(headers, first ? (i) => first[i] : null, map, undefined, 'f.csv');

  test('delegations from Indonesian headers', () => {
    const l = layout(['Tanggal', 'Asal Instansi', 'Jumlah Peserta', 'Lama Menginap', 'Tujuan']);
    expect(l.kind).toBe('delegations');
    expect(l.columns.index).toMatchObject({ date: 0, origin: 1, people: 2, nights: 3, purpose: 4 });
  });

  test('wide and long arrivals', () => {
    expect(layout(['periode', 'wisnus', 'wisman'])).toMatchObject({ kind: 'arrivals', arrivalForm: 'wide' });
    expect(layout(['Periode', 'Kategori', 'Jumlah'])).toMatchObject({ kind: 'arrivals', arrivalForm: 'long' });
  });

  test('a header that fits both kinds is decided by the first row', () => {
    expect(layout(['Tanggal', 'Jenis', 'Jumlah'], ['2017-01', 'wisnus', '5']).kind).toBe('arrivals');
    expect(layout(['Tanggal', 'Jenis', 'Jumlah'], ['9/3/2016', 'Pemkab', '40']).kind).toBe('delegations');
  });

  test('an undecidable header is an input error that names the way out', () => {
    expect(() => layout(['nama', 'alamat', 'telepon'])).toThrow(/--kind delegations\|arrivals or --map/);
  });

  test('two columns for one field is an error naming both', () => {
    expect(() => layout(['date', 'people', 'peserta'])).toThrow(InputError);
  });

  test('--map picks columns by their header', () => {
    const map = parseMapOption('date=Tgl,people="Jumlah Tamu"');
    const l = layout(['Tgl', 'Nama Rombongan', 'Jumlah Tamu'], null, map);
    expect(l.columns.index).toEqual({ date: 0, people: 2 });
  });

  test('--map rejects unknown fields and malformed pairs', () => {
    expect(() => parseMapOption('guests=Tamu')).toThrow(/unknown column "guests"/);
    expect(() => parseMapOption('people')).toThrow(/expected canonical=Header/);
  });
});
