/**
 * The scanner's hash of a record's text columns (`hashRecords` in wasm/scanner.ts), computed in
 * JavaScript for rows no scanner read: a workbook's rows, whose cells are text already. The same
 * value for the same text, so that a row of a sheet and the same row of a CSV file are found to be
 * the same: a field is its UTF-8 bytes between spaces and tabs, as a CSV writes it (a quote doubled,
 * and flagged so). BigInt arithmetic: slow, but only for the rows of workbooks that are compared.
 */

const MASK = (1n << 64n) - 1n;
const mul = (a: bigint, b: bigint) => (a * b) & MASK;

/** The hash of one field's bytes (textHash in the scanner). */
function fieldHash(bytes: Uint8Array, doubled: boolean): bigint {
  const size = bytes.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let a = 0n;
  let b = 0n;
  if (size >= 8) {
    a = view.getBigUint64(0, true);
    b = view.getBigUint64(size - 8, true);
  } else if (size >= 4) {
    a = BigInt(view.getUint32(0, true)) | (BigInt(view.getUint32(size - 4, true)) << 32n);
  } else if (size > 0) {
    a = BigInt(bytes[0]) | (BigInt(bytes[size >> 1]) << 8n) | (BigInt(bytes[size - 1]) << 16n);
  }
  const shape = (BigInt(size) << 1n) | (doubled ? 1n : 0n);
  let h = mul(a ^ 0x9e3779b97f4a7c15n, 0xbf58476d1ce4e5b9n) ^ mul(b ^ shape, 0x94d049bb133111ebn);
  if (size > 16) {
    for (let at = 8; at < size - 8; at += 8) h = mul(h ^ view.getBigUint64(at, true), 0xff51afd7ed558ccdn);
  }
  return mul(h ^ (h >> 29n), 0xc4ceb9fe1a85ec53n);
}

const TRIM = /^[ \t]+|[ \t]+$/g;

/** The record hash of these field texts, in column order, as two 32-bit words (low, high). */
export function textHash(fields: readonly string[]): [number, number] {
  let h = 0x243f6a8885a308d3n;
  for (const field of fields) {
    const text = field.replace(TRIM, '');
    const doubled = text.includes('"');
    const fh = fieldHash(Buffer.from(doubled ? text.replace(/"/g, '""') : text, 'utf8'), doubled);
    h = mul(h ^ fh, 0x9e3779b97f4a7c15n);
    h ^= h >> 31n;
  }
  h ^= h >> 29n;
  return [Number(BigInt.asIntN(32, h)), Number(BigInt.asIntN(32, h >> 32n))];
}
