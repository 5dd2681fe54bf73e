/**
 * The CSV scanner's inner loop, in AssemblyScript compiled to WebAssembly (`npm run build:wasm`):
 * splits a block of UTF-8 into records and fields, and numbers each field of the columns asked for
 * by its bytes (the same bytes and quoting get the same number), so that JavaScript decodes and parses
 * a repeated value once. `src/ingest/scanner.ts` drives it and documents the CSV dialect; the two
 * must change together.
 *
 * Memory: one input block (the unconsumed tail of the previous block, then the new bytes), and per
 * call a batch of records and their fields, as parallel arrays read by JavaScript through the
 * pointers exported below. Everything is allocated with the stub runtime's heap; nothing is per row.
 */

const QUOTE: u32 = 0x22;
const LF: u32 = 0x0a;
const CR: u32 = 0x0d;

/** Field flags. */
const QUOTED: u8 = 1;
const DOUBLED: u8 = 2;

/** Record errors (0: none); JavaScript holds the messages. */
const UNCLOSED_QUOTE: i32 = 1;
const TEXT_AFTER_QUOTE: i32 = 2;
const TOO_MANY_FIELDS: i32 = 3;

/** What `scan` stopped on. */
const CONSUMED: i32 = 0;
const NEED_MORE: i32 = 1;
const BATCH_FULL: i32 = 2;

/** Outcome of scanning one record. */
const DONE: i32 = 0;

/** A field code besides a number or a count: none (too long, dictionary full, not plain digits). */
const UNCACHED: i32 = -1;

/** Small enough that a batch's arrays and the dictionaries stay in a core's cache together. */
const RECORD_CAPACITY: i32 = 1024;
const MAX_COLUMNS: i32 = 256;
const MAX_ENTRIES: i32 = 1 << 16;
const MAX_KEY_BYTES: i32 = 128;

let delimiter: u32 = 0x2c;
/** Most fields a record may have (set by init); a record with more is rejected up to its line end. */
let maxFields: i32 = 100000;

let input: usize = 0;
let inputCapacity: i32 = 0;
let length: i32 = 0;
let pos: i32 = 0;
let line: i32 = 1;
let status: i32 = CONSUMED;

// The batch: records and their fields, as parallel arrays.
let records: i32 = 0;
let recordStart: usize = 0;
let recordEnd: usize = 0;
let recordLine: usize = 0;
let recordBase: usize = 0;
let recordCount: usize = 0;
let recordError: usize = 0;
let fields: i32 = 0;
let fieldCapacity: i32 = 0;
let fieldStart: usize = 0;
let fieldEnd: usize = 0;
let fieldFlags: usize = 0;
let fieldNumber: usize = 0;
/** Per record of the batch, the hash of its hashed columns' text (see `hashRecords`). */
let recordHash: usize = 0;

// The record being scanned.
let recEnd: i32 = 0;
let recNext: i32 = 0;
let recLineAfter: i32 = 0;
let recError: i32 = 0;

/**
 * A record at `pos` found to have too many fields, waiting for its line end: where it stood (-1:
 * none), the line count there, and how many bytes from it hold no line ending. Each new block is
 * then searched from where the last search stopped, never from the record's start again.
 */
let overLimitAt: i32 = -1;
let overLimitLine: i32 = 0;
let overLimitSearched: i32 = 0;

/** Per column, its dictionary, COUNTED, or 0 (neither numbered nor counted). */
let dictionaries: usize = 0;
const COUNTED: usize = 1;
/** The columns with a dictionary or COUNTED, in the order they were asked for. */
let computed: usize = 0;
let computedCount = 0;

export function init(delim: u32, fieldLimit: i32): void {
  delimiter = delim;
  maxFields = fieldLimit;
  recordStart = heap.alloc(<usize>RECORD_CAPACITY << 2);
  recordEnd = heap.alloc(<usize>RECORD_CAPACITY << 2);
  recordLine = heap.alloc(<usize>RECORD_CAPACITY << 2);
  recordBase = heap.alloc(<usize>RECORD_CAPACITY << 2);
  recordCount = heap.alloc(<usize>RECORD_CAPACITY << 2);
  recordError = heap.alloc(<usize>RECORD_CAPACITY << 2);
  recordHash = heap.alloc(<usize>RECORD_CAPACITY << 3);
  hashed = heap.alloc(<usize>MAX_COLUMNS << 2);
  allocateFields(RECORD_CAPACITY * 16);
  dictionaries = heap.alloc(<usize>MAX_COLUMNS << 2);
  memory.fill(dictionaries, 0, <usize>MAX_COLUMNS << 2);
  computed = heap.alloc(<usize>MAX_COLUMNS << 2);
  group = heap.alloc(<usize>GROUP << 5);
  inputCapacity = 1 << 16;
  input = heap.alloc(<usize>inputCapacity);
}

function allocateFields(capacity: i32): void {
  const old = fieldCapacity;
  fieldStart = grow(fieldStart, old << 2, capacity << 2);
  fieldEnd = grow(fieldEnd, old << 2, capacity << 2);
  fieldNumber = grow(fieldNumber, old << 2, capacity << 2);
  fieldFlags = grow(fieldFlags, old, capacity);
  fieldCapacity = capacity;
}

/** A fresh block of `size` bytes holding the first `keep` bytes of `ptr` (0: none yet). */
function grow(ptr: usize, keep: i32, size: i32): usize {
  const fresh = heap.alloc(<usize>size);
  if (ptr !== 0) {
    memory.copy(fresh, ptr, <usize>keep);
    heap.free(ptr);
  }
  return fresh;
}

// ------------------------------------------------------------------------------------------------
// Input

/**
 * Moves the unconsumed tail to the front, makes room for `size` more bytes after it and returns
 * where JavaScript should write them.
 */
export function prepare(size: i32): usize {
  const tail = length - pos;
  if (tail + size > inputCapacity) {
    let capacity = inputCapacity;
    while (capacity < tail + size) capacity *= 2;
    const fresh = heap.alloc(<usize>capacity);
    memory.copy(fresh, input + <usize>pos, <usize>tail);
    heap.free(input);
    input = fresh;
    inputCapacity = capacity;
  } else if (pos > 0) {
    memory.copy(input, input + <usize>pos, <usize>tail);
  }
  overLimitAt = overLimitAt === pos ? 0 : -1;
  pos = 0;
  length = tail + size;
  return input + <usize>tail;
}

/** Bytes not yet consumed (a record waiting for more input). */
export function pending(): i32 {
  return length - pos;
}

// ------------------------------------------------------------------------------------------------
// Scanning

/**
 * Scans records from the current position into a fresh batch and returns how many there are;
 * `status()` then tells whether the input is consumed, waits for more, or the batch was full.
 * `final`: no more input will come, so a record may end at the end of the input. At most
 * `maxRecords` records (and RECORD_CAPACITY).
 */
export function scan(final: bool, maxRecords: i32): i32 {
  records = 0;
  fields = 0;
  const limit = min(maxRecords, RECORD_CAPACITY);
  while (pos < length) {
    if (records === limit) return (status = BATCH_FULL), finish();
    if (length - pos >= WINDOW) {
      scanWindows(limit);
      if (records === limit) return (status = BATCH_FULL), finish();
    }
    const base = fields;
    const outcome = scanRecord(final, base);
    if (outcome !== DONE) {
      fields = base;
      return (status = outcome), finish();
    }
    emit(base);
    pos = recNext;
    line = recLineAfter;
  }
  status = CONSUMED;
  return finish();
}

// ------------------------------------------------------------------------------------------------
// The fast path: 64 bytes at a time

const WINDOW: i32 = 64;

/**
 * Scans whole records from `pos` 64 bytes at a time, for as long as they are plain RFC 4180: per
 * window, bitmasks of delimiters, quotes and line endings; which bytes are inside quotes by a prefix
 * xor of the quote mask (carried from window to window); then one step per field separator outside
 * quotes. A window where a quote is anything but a field's opening quote, a closing quote before a
 * separator or one of a doubled pair, or where a line ending is inside quotes, is left with the record
 * it is in to `scanRecord`, which reports errors and counts lines inside quotes; so is the record at
 * the end of the input or of the batch's field room. The records taken are exactly scanRecord's.
 */
function scanWindows(limit: i32): void {
  const delim = delimiter;
  const len = length;
  const base = input;
  const starts = fieldStart;
  const ends_ = fieldEnd;
  const flagsAt = fieldFlags;
  const room = fieldCapacity - WINDOW;
  const vd = i8x16.splat(<i8>delim);
  const vq = i8x16.splat(<i8>QUOTE);
  const vlf = i8x16.splat(<i8>LF);
  const vcr = i8x16.splat(<i8>CR);
  let recStart = pos; // the record in progress
  let recBase = fields;
  let ln = line;
  let f = fields;
  let count = records;
  let fieldFrom = recStart;
  // Carries from the window before: inside quotes (all ones), last byte a separator outside quotes /
  // a closing quote, doubled quotes in the field in progress, an LF to skip (after a CR).
  let inside: u64 = 0;
  let afterSep: u64 = 1;
  let afterClose: u64 = 0;
  let doubledPending: u64 = 0;
  let skipBit: u64 = 0;
  let w = recStart;
  // A record near the field limit is left to scanRecord, which rejects it past the limit.
  while (w + WINDOW <= len && f <= room && f - recBase <= maxFields - WINDOW) {
    const p = base + <usize>w;
    const v0 = v128.load(p);
    const v1 = v128.load(p, 16);
    const v2 = v128.load(p, 32);
    const v3 = v128.load(p, 48);
    const n0 = v128.or(i8x16.eq(v0, vlf), i8x16.eq(v0, vcr));
    const n1 = v128.or(i8x16.eq(v1, vlf), i8x16.eq(v1, vcr));
    const n2 = v128.or(i8x16.eq(v2, vlf), i8x16.eq(v2, vcr));
    const n3 = v128.or(i8x16.eq(v3, vlf), i8x16.eq(v3, vcr));
    const ends =
      <u64>i8x16.bitmask(n0) | (<u64>i8x16.bitmask(n1) << 16) | (<u64>i8x16.bitmask(n2) << 32) | (<u64>i8x16.bitmask(n3) << 48);
    const seps =
      <u64>i8x16.bitmask(v128.or(n0, i8x16.eq(v0, vd))) |
      (<u64>i8x16.bitmask(v128.or(n1, i8x16.eq(v1, vd))) << 16) |
      (<u64>i8x16.bitmask(v128.or(n2, i8x16.eq(v2, vd))) << 32) |
      (<u64>i8x16.bitmask(v128.or(n3, i8x16.eq(v3, vd))) << 48);
    const quotes =
      <u64>i8x16.bitmask(i8x16.eq(v0, vq)) |
      (<u64>i8x16.bitmask(i8x16.eq(v1, vq)) << 16) |
      (<u64>i8x16.bitmask(i8x16.eq(v2, vq)) << 32) |
      (<u64>i8x16.bitmask(i8x16.eq(v3, vq)) << 48);
    // Inside quotes: from an opening quote (included) to its closing quote (excluded).
    let x = quotes;
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    const ins = x ^ inside;
    const opening = quotes & ins;
    const closing = quotes & ~ins;
    const structural = seps & ~ins;
    const closedBefore = (closing << 1) | afterClose;
    const bad =
      (opening & ~((structural << 1) | afterSep | closedBefore)) | // a quote inside a field
      (closedBefore & ~(structural | opening)) | // text after a closing quote
      (ends & ins); // a line ending inside quotes
    if (bad !== 0) break;
    let doubled = opening & closedBefore;
    let sepBits = structural & ~skipBit;
    const lineEnds = structural & ends;
    skipBit = 0;
    while (sepBits !== 0) {
      const bit = sepBits & (0 - sepBits);
      const e = w + <i32>ctz(sepBits);
      sepBits ^= bit;
      const quoted = <i32>(load<u8>(base + <usize>fieldFrom) === <u8>QUOTE);
      const fo = <usize>f << 2;
      store<i32>(starts + fo, fieldFrom + quoted);
      store<i32>(ends_ + fo, e - quoted);
      let flags = <u8>quoted;
      if ((doubled | doubledPending) !== 0) {
        const below = bit - 1;
        if (((doubled & below) | doubledPending) !== 0) flags |= DOUBLED;
        doubled &= ~below;
        doubledPending = 0;
      }
      store<u8>(flagsAt + <usize>f, flags);
      f++;
      fieldFrom = e + 1;
      if ((lineEnds & bit) === 0) continue;
      // The record ends at e.
      if (load<u8>(base + <usize>e) === <u8>CR) {
        if (e + 1 >= len) {
          f = recBase;
          w = len; // leave the CR to scanRecord, which waits to see whether an LF follows
          break;
        }
        if (load<u8>(base + <usize>(e + 1)) === <u8>LF) {
          fieldFrom = e + 2;
          const next = bit << 1; // 0 when the LF is in the next window
          if (next !== 0) sepBits &= ~next;
          else skipBit = 1;
        }
      }
      const n = f - recBase;
      if (n === 1 && load<u8>(flagsAt + <usize>recBase) === 0 && onlyBlanks(load<i32>(starts + (<usize>recBase << 2)), e)) {
        f = recBase; // a blank line (or one of only spaces and tabs) is not a record
      } else {
        const r = <usize>count << 2;
        store<i32>(recordStart + r, recStart);
        store<i32>(recordEnd + r, e);
        store<i32>(recordLine + r, ln);
        store<i32>(recordBase + r, recBase);
        store<i32>(recordCount + r, n);
        store<i32>(recordError + r, 0);
        count++;
      }
      ln++;
      recStart = fieldFrom;
      recBase = f;
      if (count === limit) {
        w = len;
        break;
      }
    }
    if (w >= len) break;
    doubledPending |= doubled;
    inside = <u64>(<i64>ins >> 63);
    afterSep = structural >> 63;
    afterClose = closing >> 63;
    w += WINDOW;
  }
  // The record in progress is left to scanRecord.
  fields = recBase;
  records = count;
  pos = recStart;
  line = ln;
}

/** Numbers (and hashes) the batch's records and returns how many there are. */
function finish(): i32 {
  for (let c = 0; c < computedCount; c++) numberAll(load<i32>(computed + (<usize>c << 2)));
  if (hashedCount > 0) hashRecords();
  return records;
}

function emit(base: i32): void {
  const count = fields - base;
  if (recError === 0 && count === 1 && load<u8>(fieldFlags + <usize>base) === 0 && onlyBlanks(load<i32>(fieldStart + (<usize>base << 2)), load<i32>(fieldEnd + (<usize>base << 2)))) {
    fields = base; // a blank line (or one of only spaces and tabs) is not a record
    return;
  }
  const r = <usize>records << 2;
  store<i32>(recordStart + r, pos);
  store<i32>(recordEnd + r, recEnd);
  store<i32>(recordLine + r, line);
  store<i32>(recordBase + r, base);
  if (recError !== 0) {
    fields = base;
    store<i32>(recordCount + r, 0);
  } else {
    store<i32>(recordCount + r, count);
  }
  store<i32>(recordError + r, recError);
  records++;
}

@inline
function byteAt(i: i32): u32 {
  return <u32>load<u8>(input + <usize>i);
}

/** Whether bytes [start, end) are only spaces and tabs (or none). */
function onlyBlanks(start: i32, end: i32): bool {
  for (let i = start; i < end; i++) {
    const c = byteAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

/** Adds a field; false when the batch has no room left for it (and other records to hand out first). */
@inline
function push(start: i32, end: i32, flags: u8): bool {
  if (fields === fieldCapacity) {
    if (records > 0) return false;
    allocateFields(min(fieldCapacity * 2, maxFields + 1));
  }
  const f = <usize>fields << 2;
  store<i32>(fieldStart + f, start);
  store<i32>(fieldEnd + f, end);
  store<u8>(fieldFlags + <usize>fields, flags);
  fields++;
  return true;
}

/**
 * Scans one record from `pos`, its fields from `base` on; on DONE sets recEnd, recNext, recLineAfter
 * and recError.
 */
function scanRecord(final: bool, base: i32): i32 {
  const len = length;
  const delim = delimiter;
  let ln = line;
  let i = pos;
  recError = 0;
  if (overLimitAt === pos) return overLimit(pos + overLimitSearched, overLimitLine, final);
  for (;;) {
    if (fields - base === maxFields) return overLimit(i, ln, final);
    // One field starts at i.
    if (i < len && byteAt(i) === QUOTE) {
      let j = i + 1;
      let flags = QUOTED;
      const lineAtQuote = ln;
      for (;;) {
        // The next quote, counting line endings on the way.
        let q = j;
        for (;;) {
          q = stopOrLineEnd(q, len, QUOTE);
          if (q === len) break;
          const c = byteAt(q);
          if (c === QUOTE) break;
          if (c === LF || q + 1 >= len || byteAt(q + 1) !== LF) ln++; // CRLF counts once, at its LF
          q++;
        }
        if (q === len || (q + 1 === len && !final)) {
          if (!final) return NEED_MORE;
          // Reject only up to the end of the line the quote opened on, and read on from there.
          const eol = lineEnd(i);
          return fail(eol < 0 ? len : eol, lineAtQuote, UNCLOSED_QUOTE);
        }
        if (q + 1 < len && byteAt(q + 1) === QUOTE) {
          flags = QUOTED | DOUBLED;
          j = q + 2;
          continue;
        }
        if (!push(i + 1, q, flags)) return BATCH_FULL;
        i = q + 1;
        break;
      }
      if (i < len) {
        const c = byteAt(i);
        if (c !== delim && c !== LF && c !== CR) {
          const eol = lineEnd(i);
          // A CR at the end of the block may be half of a CRLF: wait for the next block to tell.
          if ((eol < 0 || (byteAt(eol) === CR && eol + 1 === len)) && !final) return NEED_MORE;
          return fail(eol < 0 ? len : eol, ln, TEXT_AFTER_QUOTE);
        }
      }
    } else {
      const j = stopOrLineEnd(i, len, delim);
      if (!push(i, j, 0)) return BATCH_FULL;
      i = j;
    }
    // i is at a delimiter, a line ending, or the end of the input.
    if (i >= len) {
      if (!final) return NEED_MORE;
      recEnd = len;
      recNext = len;
      recLineAfter = ln;
      return DONE;
    }
    const c = byteAt(i);
    if (c === delim) {
      i++;
      continue;
    }
    recEnd = i;
    if (c === CR) {
      if (i + 1 >= len && !final) return NEED_MORE;
      i += i + 1 < len && byteAt(i + 1) === LF ? 2 : 1;
    } else {
      i++;
    }
    recNext = i;
    recLineAfter = ln + 1;
    return DONE;
  }
}

/**
 * The first `stop` byte, LF or CR at or after `i` (or `len`), sixteen bytes at a time: `stop` is the
 * delimiter to end an unquoted field, the quote to end a quoted one.
 */
@inline
function stopOrLineEnd(i: i32, len: i32, stop: u32): i32 {
  const s = i8x16.splat(<i8>stop);
  const lf = i8x16.splat(<i8>LF);
  const cr = i8x16.splat(<i8>CR);
  let j = i;
  while (j + 16 <= len) {
    const v = v128.load(input + <usize>j);
    const hits = i8x16.bitmask(v128.or(i8x16.eq(v, s), v128.or(i8x16.eq(v, lf), i8x16.eq(v, cr))));
    if (hits !== 0) return j + <i32>ctz(hits);
    j += 16;
  }
  while (j < len) {
    const c = byteAt(j);
    if (c === stop || c === LF || c === CR) break;
    j++;
  }
  return j;
}

/**
 * A record with more than maxFields fields, from `from` on (line count `ln` there): rejected up to
 * the end of the line it is on, found with the search remembered across blocks.
 */
function overLimit(from: i32, ln: i32, final: bool): i32 {
  const eol = stopOrLineEnd(from, length, LF);
  if ((eol === length || (eol + 1 === length && byteAt(eol) === CR)) && !final) {
    overLimitAt = pos;
    overLimitLine = ln;
    overLimitSearched = eol - pos;
    return NEED_MORE;
  }
  overLimitAt = -1;
  return fail(eol, ln, TOO_MANY_FIELDS);
}

/** Marks the record as broken up to `eol`; scanning resumes after that line ending. */
function fail(eol: i32, ln: i32, error: i32): i32 {
  recEnd = eol;
  recError = error;
  let next = eol;
  if (next < length) next += byteAt(next) === CR && next + 1 < length && byteAt(next + 1) === LF ? 2 : 1;
  recNext = next;
  recLineAfter = ln + 1;
  return DONE;
}

/** Index of the next LF or CR at or after `from`, or -1. */
function lineEnd(from: i32): i32 {
  for (let k = from; k < length; k++) {
    const c = byteAt(k);
    if (c === LF || c === CR) return k;
  }
  return -1;
}

// ------------------------------------------------------------------------------------------------
// Hashing records by the text of some columns

/** The columns whose text each record's hash covers, in the order asked for. */
let hashed: usize = 0;
let hashedCount = 0;

/**
 * From now on, each record's hash covers column `column` too (a column of text: its bytes between
 * spaces and tabs, and whether they hold doubled quotes). For telling rows identical in those columns
 * apart from the rest without decoding them: equal text gives an equal hash.
 */
export function hashColumn(column: i32): void {
  if (column < 0 || column >= MAX_COLUMNS) return;
  store<i32>(hashed + (<usize>hashedCount << 2), column);
  hashedCount++;
}

/** From the next batch on, records are no longer hashed. */
export function stopHashing(): void {
  hashedCount = 0;
}

/**
 * Each record's hash of its hashed columns, for the batch at hand (`finish` does it for every batch
 * once a column is hashed; JavaScript calls it for the batch in which it asked). A field the record
 * lacks hashes as an empty one, as it reads as empty text. ingest/text-hash.ts computes the same in
 * JavaScript for rows that come from no scanner (a workbook's): the two must change together.
 */
export function hashRecords(): void {
  for (let r = 0; r < records; r++) {
    const at = <usize>r << 2;
    const count = load<i32>(recordCount + at);
    const base = load<i32>(recordBase + at);
    let h: u64 = 0x243f6a8885a308d3;
    for (let c = 0; c < hashedCount; c++) {
      const k = load<i32>(hashed + (<usize>c << 2));
      // A field the record lacks reads as empty text, and hashes so.
      let fh = textHash(input, 0, 0);
      if (k < count) {
        const f = <usize>(base + k);
        let start = load<i32>(fieldStart + (f << 2));
        let end = load<i32>(fieldEnd + (f << 2));
        while (start < end && (byteAt(start) === 0x20 || byteAt(start) === 0x09)) start++;
        while (end > start && (byteAt(end - 1) === 0x20 || byteAt(end - 1) === 0x09)) end--;
        fh = textHash(input + <usize>start, end - start, (load<u8>(fieldFlags + f) & DOUBLED) !== 0 ? 1 : 0);
      }
      h = (h ^ fh) * 0x9e3779b97f4a7c15;
      h ^= h >> 31;
    }
    store<u64>(recordHash + (<usize>r << 3), h ^ (h >> 29));
  }
}

/**
 * A 64-bit hash of `size` bytes at p (all of them), with their length and a flag (quoted, or doubled
 * quotes); their first and last eight bytes are left in keyA and keyB (keyOf's words).
 */
@inline
function textHash(p: usize, size: i32, flag: u8): u64 {
  let a: u64 = 0;
  let b: u64 = 0;
  if (size >= 8) {
    a = load<u64>(p);
    b = load<u64>(p + <usize>(size - 8));
  } else if (size >= 4) {
    a = <u64>load<u32>(p) | (<u64>load<u32>(p + <usize>(size - 4)) << 32);
  } else if (size > 0) {
    a = <u64>load<u8>(p) | (<u64>load<u8>(p + <usize>(size >> 1)) << 8) | (<u64>load<u8>(p + <usize>(size - 1)) << 16);
  }
  let h = ((a ^ 0x9e3779b97f4a7c15) * 0xbf58476d1ce4e5b9) ^ ((b ^ ((<u64>size << 1) | <u64>flag)) * 0x94d049bb133111eb);
  if (size > SHORT_KEY) {
    const last = p + <usize>(size - 8);
    for (let at = p + 8; at < last; at += 8) h = (h ^ load<u64>(at)) * 0xff51afd7ed558ccd;
  }
  keyA = a;
  keyB = b;
  return (h ^ (h >> 29)) * 0xc4ceb9fe1a85ec53;
}

export function recordHashes(): usize {
  return recordHash;
}

// ------------------------------------------------------------------------------------------------
// Numbering values by their bytes

/**
 * Open addressing with linear probing, kept at most half full. A slot holds all a lookup needs to
 * settle on a key of up to 16 bytes in one cache access: the key's words as `lookup` reads them (its
 * first and last eight bytes, overlapping), its hash, and its id, length and quoting; a longer key
 * also has its bytes in the pool, found through the slot (then its second word is the pool offset).
 */
@unmanaged
class Dictionary {
  slots: usize = 0;
  slotMask: i32 = 0;
  /** 32 - log2(slots): a hash's top bits pick its slot. */
  shift: i32 = 0;
  size: i32 = 0;
  pool: usize = 0;
  poolUsed: i32 = 0;
  poolCapacity: i32 = 0;
  /** A dated column's: per entry, its day number (see `plainDate`), or -1 for a value kept as text. */
  days: usize = 0;
}

const SLOT_BYTES: usize = 24;
/** A slot's last word: hash (low half), then id + 1 (0: free slot), length and quoting. */
const ID_BITS: u64 = 17;
const ID_MASK: u64 = ((<u64>1 << ID_BITS) - 1) << 32;
const INITIAL_SLOTS: i32 = 1024;
const SHORT_KEY: i32 = 16;

/** From now on, number the fields of column `column` (0-based); columns past MAX_COLUMNS are not. */
export function numberColumn(column: i32): void {
  newDictionary(column);
}

/**
 * From now on, number the fields of column `column` (as numberColumn does) as dates: for each new
 * value that is a plain numeric date (see `plainDate`) its day is kept (`entryDay`), so that
 * JavaScript need not decode and parse it.
 */
export function dateColumn(column: i32, dayFirst: bool, minYear: i32, maxYear: i32): void {
  const dict = newDictionary(column);
  if (dict === null) return;
  dict.days = heap.alloc(<usize>MAX_ENTRIES << 2);
  dateDayFirst = dayFirst;
  dateMinYear = minYear;
  dateMaxYear = maxYear;
}

/** The day number of entry `id` of a dated column's dictionary, or -1 (a value numbered by its bytes). */
export function entryDay(column: i32, id: i32): i32 {
  if (column < 0 || column >= MAX_COLUMNS) return -1;
  const dict = load<usize>(dictionaries + (<usize>column << 2));
  if (dict <= COUNTED || id < 0 || id >= changetype<Dictionary>(dict).size) return -1;
  const days = changetype<Dictionary>(dict).days;
  return days === 0 ? -1 : load<i32>(days + (<usize>id << 2));
}

function newDictionary(column: i32): Dictionary | null {
  if (column < 0 || column >= MAX_COLUMNS) return null;
  const at = dictionaries + (<usize>column << 2);
  if (load<usize>(at) !== 0) return null; // numbered already, or counted
  const dict = changetype<Dictionary>(heap.alloc(offsetof<Dictionary>()));
  dict.slotMask = INITIAL_SLOTS - 1;
  dict.shift = 32 - <i32>ctz(INITIAL_SLOTS);
  dict.slots = heap.alloc(<usize>INITIAL_SLOTS * SLOT_BYTES);
  memory.fill(dict.slots, 0, <usize>INITIAL_SLOTS * SLOT_BYTES);
  dict.size = 0;
  dict.poolCapacity = 4096;
  dict.pool = heap.alloc(4096);
  dict.poolUsed = 0;
  dict.days = 0;
  store<usize>(at, changetype<usize>(dict));
  compute(column);
  return dict;
}

/** From now on, parse the fields of column `column` as counts (see `countOf`). */
export function countColumn(column: i32): void {
  if (column < 0 || column >= MAX_COLUMNS) return;
  const at = dictionaries + (<usize>column << 2);
  if (load<usize>(at) !== 0) return;
  store<usize>(at, COUNTED);
  compute(column);
}

function compute(column: i32): void {
  store<i32>(computed + (<usize>computedCount << 2), column);
  computedCount++;
}

/**
 * Fills the codes of column `k` (a number, a count or UNCACHED) in every record of the batch that
 * has the field; the rest are left as they are. A column at a time, and a dictionary's lookups in
 * groups: first every key's words, hash and slot are read (the slots' cache misses overlap), then
 * the slots are probed.
 */
function numberAll(k: i32): void {
  const dict = load<usize>(dictionaries + (<usize>k << 2));
  const n = records;
  if (dict === COUNTED) {
    for (let r = 0; r < n; r++) {
      const at = <usize>r << 2;
      if (load<i32>(recordCount + at) <= k) continue;
      const f = <usize>(load<i32>(recordBase + at) + k) << 2;
      store<i32>(fieldNumber + f, countOf(load<i32>(fieldStart + f), load<i32>(fieldEnd + f)));
    }
    return;
  }
  const d = changetype<Dictionary>(dict);
  let touched: u64 = 0;
  for (let r0 = 0; r0 < n; r0 += GROUP) {
    const r1 = min(n, r0 + GROUP);
    let g: usize = 0;
    for (let r = r0; r < r1; r++) {
      const at = <usize>r << 2;
      if (load<i32>(recordCount + at) <= k) continue;
      const f = <usize>(load<i32>(recordBase + at) + k);
      const start = load<i32>(fieldStart + (f << 2));
      const size = load<i32>(fieldEnd + (f << 2)) - start;
      if (size > MAX_KEY_BYTES) {
        store<i32>(fieldNumber + (f << 2), UNCACHED);
        continue;
      }
      keyOf(input + <usize>start, size, load<u8>(fieldFlags + f) & QUOTED);
      const e = group + (g << 5);
      store<u64>(e, keyA);
      store<u64>(e, keyB, 8);
      store<u64>(e, keyWant, 16);
      store<i32>(e, <i32>f, 24);
      store<i32>(e, size, 28);
      g++;
    }
    // A loop small enough that the slots' cache misses of a whole group are under way together.
    const slots = d.slots;
    const shift = d.shift;
    for (let e = group, end = group + (g << 5); e < end; e += 32) {
      touched ^= load<u64>(slots + <usize>(load<u32>(e, 16) >> shift) * SLOT_BYTES, 16);
    }
    for (let e = group, end = group + (g << 5); e < end; e += 32) {
      const f = <usize>load<i32>(e, 24);
      const code = probe(d, load<u64>(e), load<u64>(e, 8), load<u64>(e, 16), input + <usize>load<i32>(fieldStart + (f << 2)), load<i32>(e, 28));
      store<i32>(fieldNumber + (f << 2), code);
    }
  }
  sink ^= touched;
}

/** Per key of a group of lookups: its two words, hash with shape, field index and length. */
const GROUP: i32 = 32;
let group: usize = 0;
/** Where the slot loads that only warm the cache go, so that they are kept. */
let sink: u64 = 0;

/**
 * The count in bytes [start, end) when they are 1 to 9 ASCII digits between optional spaces or tabs,
 * else UNCACHED (JavaScript's `countFromBytes` and `parseCount` decide; they agree on these inputs).
 */
function countOf(start: i32, end: i32): i32 {
  while (start < end && (byteAt(start) === 0x20 || byteAt(start) === 0x09)) start++;
  while (end > start && (byteAt(end - 1) === 0x20 || byteAt(end - 1) === 0x09)) end--;
  if (start === end || end - start > 9) return UNCACHED;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = byteAt(i) - 0x30;
    if (digit > 9) return UNCACHED;
    value = value * 10 + <i32>digit;
  }
  return value;
}

/** `keyOf`'s results besides the hash: the key's two words, and hash, length and quoting as a slot holds them. */
let keyA: u64 = 0;
let keyB: u64 = 0;
let keyWant: u64 = 0;

/**
 * Reads a key as two words, its first and last eight bytes (overlapping; packed from four- or
 * one-byte loads when shorter), which with its length tell a key of up to 16 bytes completely, and
 * returns its hash: textHash's high half, the words it leaves in keyA and keyB.
 */
@inline
function keyOf(p: usize, size: i32, quoted: u8): u32 {
  const hash = <u32>(textHash(p, size, quoted) >> 32);
  keyWant = <u64>hash | ((((<u64>size << 1) | <u64>quoted) << ID_BITS) << 32);
  return hash;
}

// The dated column's reading of plain dates (set by dateColumn; one dated column per scanner).
let dateDayFirst: bool = true;
let dateMinYear: i32 = 1900;
let dateMaxYear: i32 = 2199;

/**
 * The day number of bytes [start, end) when they are a plain numeric date exactly as parseDate
 * (src/ingest/values.ts) reads it, else -1 (then JavaScript parses the text): year, month and day
 * as 4, 1-2 and 1-2 digits, or day and month (month and day unless dayFirst) as 1-2 digits and a
 * four-digit year, separated twice by the same `-`, `/` or `.`, with nothing around them, a
 * possible date between dateMinYear and dateMaxYear. Day number: (year - minYear) * 372 +
 * (month - 1) * 31 + (day - 1), which `dayDate` in scanner.ts turns back into the date.
 */
function plainDate(start: i32, end: i32): i32 {
  const la = digitsAt(start, end, 5);
  const a = digitValue;
  if (digitEnd >= end) return -1;
  const sep = byteAt(digitEnd);
  if (sep !== 0x2d && sep !== 0x2f && sep !== 0x2e) return -1;
  const lb = digitsAt(digitEnd + 1, end, 3);
  const b = digitValue;
  if (digitEnd >= end || byteAt(digitEnd) !== sep) return -1;
  const lc = digitsAt(digitEnd + 1, end, 5);
  const c = digitValue;
  if (digitEnd !== end) return -1;
  let year = 0;
  let month = 0;
  let day = 0;
  if (la === 4 && lb >= 1 && lb <= 2 && lc >= 1 && lc <= 2) {
    year = a;
    month = b;
    day = c;
  } else if (la >= 1 && la <= 2 && lb >= 1 && lb <= 2 && lc === 4) {
    year = c;
    month = dateDayFirst ? b : a;
    day = dateDayFirst ? a : b;
  } else {
    return -1;
  }
  if (year < dateMinYear || year > dateMaxYear || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return -1;
  return (year - dateMinYear) * 372 + (month - 1) * 31 + (day - 1);
}

/** What `digitsAt` read: the digits' value, and where they end. */
let digitValue: i32 = 0;
let digitEnd: i32 = 0;

/** Reads up to `max` ASCII digits from `i` (before `end`) into digitValue and digitEnd; returns how many. */
@inline
function digitsAt(i: i32, end: i32, max: i32): i32 {
  let value = 0;
  let n = 0;
  while (i < end && n < max && byteAt(i) - 0x30 <= 9) {
    value = value * 10 + <i32>(byteAt(i) - 0x30);
    i++;
    n++;
  }
  digitValue = value;
  digitEnd = i;
  return n;
}

function daysIn(year: i32, month: i32): i32 {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The entry of the key read by `keyOf` (bytes at `p`), added if new; UNCACHED once the dictionary is full. */
function probe(dict: Dictionary, a: u64, b: u64, want: u64, p: usize, size: i32): i32 {
  const mask = dict.slotMask;
  const slots = dict.slots;
  let slot = <i32>(<u32>want >> dict.shift);
  for (;;) {
    const at = slots + <usize>slot * SLOT_BYTES;
    const w = load<u64>(at, 16);
    if (w === 0) break;
    if ((w & ~ID_MASK) === want && load<u64>(at) === a) {
      if (size <= SHORT_KEY ? load<u64>(at, 8) === b : sameBytes(dict.pool + <usize>load<u64>(at, 8), p, size)) {
        return <i32>((w & ID_MASK) >> 32) - 1;
      }
    }
    slot = (slot + 1) & mask;
  }
  if (dict.size === MAX_ENTRIES) return UNCACHED;
  return insert(dict, slot, want, a, b, p, size);
}

/** Whether `size` bytes at `a` and at `b` are equal. */
function sameBytes(a: usize, b: usize, size: i32): bool {
  const tail = <usize>(size - 8);
  for (let k: usize = 0; k < tail; k += 8) if (load<u64>(a + k) !== load<u64>(b + k)) return false;
  return load<u64>(a + tail) === load<u64>(b + tail);
}

function insert(dict: Dictionary, slot: i32, want: u64, a: u64, b: u64, p: usize, size: i32): i32 {
  const id = dict.size;
  if (size > SHORT_KEY) {
    if (dict.poolUsed + size > dict.poolCapacity) {
      let capacity = dict.poolCapacity * 2;
      while (capacity < dict.poolUsed + size) capacity *= 2;
      dict.pool = grow(dict.pool, dict.poolUsed, capacity);
      dict.poolCapacity = capacity;
    }
    memory.copy(dict.pool + <usize>dict.poolUsed, p, <usize>size);
    b = <u64>dict.poolUsed;
    dict.poolUsed += size;
  }
  const at = dict.slots + <usize>slot * SLOT_BYTES;
  store<u64>(at, a);
  store<u64>(at, b, 8);
  store<u64>(at, want | (<u64>(id + 1) << 32), 16);
  // A new value of a dated column: its day, read once here rather than by JavaScript.
  if (dict.days !== 0) store<i32>(dict.days + (<usize>id << 2), plainDate(<i32>(p - input), <i32>(p - input) + size));
  dict.size = id + 1;
  if (dict.size * 2 > dict.slotMask + 1) rehash(dict);
  return id;
}

function rehash(dict: Dictionary): void {
  const count = (dict.slotMask + 1) * 2;
  const bytes = <usize>count * SLOT_BYTES;
  const slots = heap.alloc(bytes);
  memory.fill(slots, 0, bytes);
  const mask = count - 1;
  const shift = dict.shift - 1;
  const old = dict.slots;
  const end = old + <usize>(dict.slotMask + 1) * SLOT_BYTES;
  for (let from = old; from < end; from += SLOT_BYTES) {
    const w = load<u64>(from, 16);
    if (w === 0) continue;
    let slot = <i32>(<u32>w >> shift);
    while (load<u64>(slots + <usize>slot * SLOT_BYTES, 16) !== 0) slot = (slot + 1) & mask;
    memory.copy(slots + <usize>slot * SLOT_BYTES, from, SLOT_BYTES);
  }
  heap.free(old);
  dict.slots = slots;
  dict.slotMask = mask;
  dict.shift = shift;
}

// ------------------------------------------------------------------------------------------------
// Where JavaScript finds things

export function nextLine(): i32 {
  return line;
}
export function inputPointer(): usize {
  return input;
}
export function inputLength(): i32 {
  return length;
}
export function scanStatus(): i32 {
  return status;
}
export function recordStarts(): usize {
  return recordStart;
}
export function recordEnds(): usize {
  return recordEnd;
}
export function recordLines(): usize {
  return recordLine;
}
export function recordBases(): usize {
  return recordBase;
}
export function recordCounts(): usize {
  return recordCount;
}
export function recordErrors(): usize {
  return recordError;
}
export function fieldStarts(): usize {
  return fieldStart;
}
export function fieldEnds(): usize {
  return fieldEnd;
}
export function fieldFlagBytes(): usize {
  return fieldFlags;
}
export function fieldNumbers(): usize {
  return fieldNumber;
}
