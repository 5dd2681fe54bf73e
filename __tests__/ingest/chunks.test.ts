/**
 * Reading a file into two reused buffers (file-chunks.ts): the bytes of any range come out whole and
 * in order, and the reader keeps nothing of a chunk after feed() returns, whatever the encoding and
 * wherever a chunk ends (in a character, in the BOM, in the first block it sniffs).
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileChunks } from '../../src/ingest/file-chunks';
import type { Encoding } from '../../src/ingest/decode';
import { FileReader } from '../../src/ingest/reader';
import type { DelegationRow } from '../../src/model/records';
import { propertyRuns } from '../helpers/property';

const dir = mkdtempSync(join(tmpdir(), 'visitstat-chunks-'));

describe('fileChunks', () => {
  const path = join(dir, 'bytes.bin');
  const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 131) % 256));
  writeFileSync(path, bytes);

  it('gives bytes [start, end) in order, in at most two buffers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(5200), fc.nat(5200), fc.integer({ min: 1, max: 700 }), async (a, b, chunkBytes) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const parts: Buffer[] = [];
        const buffers = new Set<ArrayBuffer>();
        for await (const chunk of fileChunks(path, start, end, chunkBytes)) {
          expect(chunk.length).toBeLessThanOrEqual(chunkBytes);
          parts.push(Buffer.from(chunk));
          buffers.add(chunk.buffer as ArrayBuffer);
        }
        expect(Buffer.concat(parts)).toEqual(bytes.subarray(Math.min(start, bytes.length), Math.min(end, bytes.length)));
        expect(buffers.size).toBeLessThanOrEqual(2);
      }),
      { numRuns: propertyRuns(60) },
    );
  });

  it('reads to the end of the file by default, and fails on a missing file with its code', async () => {
    const parts: Buffer[] = [];
    for await (const chunk of fileChunks(path)) parts.push(Buffer.from(chunk));
    expect(Buffer.concat(parts)).toEqual(bytes);
    await expect(fileChunks(join(dir, 'missing.csv')).next()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('FileReader with a reused chunk buffer', () => {
  // Longer than the 64 KB the reader sniffs, so that later chunks go through the transcoder one by one.
  const lines = ['tanggal,asal_instansi,provinsi,jumlah_peserta,lama_menginap'];
  for (let i = 0; i < 2000; i++)
    lines.push(
      `2017-03-${String((i % 28) + 1).padStart(2, '0')},"Dinas Pariwisata, Cañón ${i % 7}",Bali ü ${i % 3},${10 + i},${i % 4 || ''}`,
    );
  const text = lines.join('\r\n') + '\r\n';

  /** Feeds `bytes` in chunks of `size` through one buffer that is scribbled over after every feed. */
  function readReused(bytes: Buffer, size: number, encoding: Encoding): DelegationRow[] {
    const rows: DelegationRow[] = [];
    const file = new FileReader(
      't.csv',
      { map: {}, dateFormat: 'dmy', encoding },
      { delegation: (r) => rows.push(r), arrival: () => undefined },
      { reject: () => undefined },
    );
    const buffer = Buffer.alloc(size);
    for (let at = 0; at < bytes.length; at += size) {
      const n = bytes.copy(buffer, 0, at, at + size);
      file.feed(buffer.subarray(0, n));
      buffer.fill(0x22); // quotes everywhere: anything kept would break the records
    }
    const report = file.finish();
    expect(report.rowsRejected).toBe(0);
    return rows;
  }

  it.each<[Encoding, number]>([
    ['utf-8', 1],
    ['utf-8', 7],
    ['utf-8', 4096],
    ['utf-8', 70_000],
    ['windows-1252', 5],
    ['utf-16le', 3],
    ['utf-16be', 70_001],
  ])('reads %s in chunks of %d as one whole buffer', (encoding, size) => {
    const bytes = encodeForTest(text, encoding);
    const whole = readReused(bytes, bytes.length, encoding);
    expect(whole).toHaveLength(2000);
    expect(whole[5].origin).toBe('Dinas Pariwisata, Cañón 5');
    expect(readReused(bytes, size, encoding)).toEqual(whole);
  });
});

/** The text in an encoding, with a BOM for UTF-8 and UTF-16 (the reader drops it). */
function encodeForTest(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'windows-1252':
      return Buffer.from(text, 'latin1');
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    default:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  }
}
