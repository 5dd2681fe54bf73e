/**
 * Encodings: detects what a file was written in and transcodes it to UTF-8 on the way in, so the
 * scanner only ever sees UTF-8 bytes.
 *
 * BOMs decide UTF-8 / UTF-16 LE / UTF-16 BE. Without a BOM the first block must be valid UTF-8, else
 * the file is read as Windows-1252 (what Excel on Windows writes) and the verdict says so. A later
 * block that is not valid UTF-8 stops the read with the fix, rather than guess mid-file.
 */
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { InputError, UsageError } from '../errors';
import { quote } from '../messages';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const ENCODING_NAMES: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

export function parseEncodingOption(name: string): Encoding {
  const encoding = ENCODING_NAMES[name.toLowerCase()];
  if (!encoding) {
    throw new UsageError(`--encoding: unknown encoding ${quote(name)} (use utf-8, utf-16le, utf-16be or windows-1252)`);
  }
  return encoding;
}

export interface Detected {
  encoding: Encoding;
  bom: boolean;
  /** Why this encoding was assumed, when it was not certain (no BOM and not UTF-8). */
  note?: string;
}

const DISPLAY_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};

/** How a file's encoding is shown in verdicts and the report: `UTF-8 with BOM`, `Windows-1252 (assumed: ...)`. */
export function describeEncoding(f: { encoding: Encoding; bom: boolean; encodingNote?: string }): string {
  return `${DISPLAY_NAMES[f.encoding]}${f.bom ? ' with BOM' : ''}${f.encodingNote ? ` (${f.encodingNote})` : ''}`;
}

/** Decides the encoding from the first block of the input (or the whole input when shorter). */
export function detectEncoding(head: Buffer, forced?: Encoding): Detected {
  const bom = bomOf(head);
  if (forced) return { encoding: forced, bom: bom !== null && bom === forced };
  if (bom) return { encoding: bom, bom: true };
  if (isUtf8(trimPartialUtf8(head))) return { encoding: 'utf-8', bom: false };
  return {
    encoding: 'windows-1252',
    bom: false,
    note: 'assumed: the start is not valid UTF-8; --encoding chooses another',
  };
}

function bomOf(head: Buffer): Encoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

const BOM_LENGTH: Record<Encoding, number> = { 'utf-8': 3, 'utf-16le': 2, 'utf-16be': 2, 'windows-1252': 0 };

/** Drops up to 3 trailing bytes of a UTF-8 sequence cut by the block boundary. */
function trimPartialUtf8(buf: Buffer): Buffer {
  let end = buf.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const c = buf[end - k];
    if ((c & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      if (need > k) end -= k;
    }
    break;
  }
  return buf.subarray(0, end);
}

/** How many bytes at the start of `buf` are whole, valid UTF-8 (buf itself is known not to be). */
function validUtf8Length(buf: Buffer): number {
  // A prefix that is valid once cut before any partial character stays valid when shortened.
  let low = 0;
  let high = buf.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (isUtf8(trimPartialUtf8(buf.subarray(0, mid)))) low = mid;
    else high = mid - 1;
  }
  return trimPartialUtf8(buf.subarray(0, low)).length;
}

/** Turns blocks of the input into blocks of UTF-8, stateful across block boundaries. */
export class Transcoder {
  /** BOM bytes still to drop (a first block may be shorter than the BOM). */
  private bomLeft: number;
  private carry: Buffer | null = null;
  private offset = 0;
  private readonly decoder: TextDecoder | null;
  private readonly windows1252: boolean;

  constructor(
    detected: Detected,
    private readonly source: string,
  ) {
    const { encoding } = detected;
    this.bomLeft = detected.bom ? BOM_LENGTH[encoding] : 0;
    this.windows1252 = encoding === 'windows-1252';
    this.decoder = encoding === 'utf-16le' || encoding === 'utf-16be' ? new TextDecoder(encoding) : null;
  }

  push(chunk: Buffer): Buffer {
    if (this.bomLeft > 0) {
      const drop = Math.min(this.bomLeft, chunk.length);
      this.bomLeft -= drop;
      chunk = chunk.subarray(drop);
    }
    if (this.windows1252) return Buffer.from(decodeWindows1252(chunk), 'utf8');
    if (this.decoder) return Buffer.from(this.decoder.decode(chunk, { stream: true }), 'utf8');
    return this.checkUtf8(chunk);
  }

  end(): Buffer {
    if (this.windows1252) return Buffer.alloc(0);
    if (this.decoder) return Buffer.from(this.decoder.decode(), 'utf8');
    if (this.carry && this.carry.length > 0) this.invalid(this.offset);
    return Buffer.alloc(0);
  }

  /** Nothing held back: every byte pushed so far has been handed on. */
  idle(): boolean {
    return this.bomLeft === 0 && (this.carry === null || this.carry.length === 0) && !this.decoder;
  }

  private checkUtf8(chunk: Buffer): Buffer {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const whole = trimPartialUtf8(buf);
    if (!isUtf8(whole)) this.invalid(this.offset + validUtf8Length(whole));
    // A copy: the caller may reuse the chunk's buffer for the next one.
    this.carry = whole.length < buf.length ? Buffer.from(buf.subarray(whole.length)) : null;
    this.offset += whole.length;
    return whole;
  }

  /** `at`: offset of the first byte that is not UTF-8, counted after any BOM. */
  private invalid(at: number): never {
    throw new InputError(
      `${this.source}: not valid UTF-8 at byte ${at}; ` + 'if it was saved by Excel on Windows, use --encoding windows-1252',
    );
  }
}

/**
 * Windows-1252 is Latin-1 except for 0x80..0x9F, where it has typographic marks (€ ‚ „ … – — ‘ ’ “ ” ™).
 * Node 20's TextDecoder('windows-1252') decodes those bytes as Latin-1 control characters, so they
 * are mapped here; the five bytes Windows-1252 leaves undefined stay as their control characters.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Buffer): string {
  const latin1 = bytes.toString('latin1');
  return /[\x80-\x9f]/.test(latin1) ? latin1.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]) : latin1;
}
