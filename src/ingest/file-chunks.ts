/**
 * A file's bytes as a sequence of chunks read into two buffers in turn: the next chunk is read while
 * the caller works on this one, and no memory is allocated per chunk (a read stream makes a fresh
 * megabyte per chunk: slower, and garbage the collector may leave standing long after).
 *
 * A chunk is valid only until the caller asks for the next one: whoever keeps bytes must copy them.
 */
import { closeSync, constants, fstatSync, openSync, read, readSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

const CHUNK_BYTES = 1 << 20;

/**
 * Bytes [start, end) of the file, in chunks of at most `chunkBytes`. Anything but a regular file (a
 * FIFO, `<(...)`, /dev/stdin) cannot seek: it is read whole, from where it stands, as a pipe is
 * (pipeChunks: no read left waiting on a quiet writer once the caller stops).
 */
export async function* fileChunks(path: string, start = 0, end = Infinity, chunkBytes = CHUNK_BYTES): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    if (!(await handle.stat()).isFile()) {
      if (start !== 0 || end !== Infinity) throw new Error(`fileChunks: ${path} is not a regular file: it can only be read whole`);
      yield* pipeChunks(handle.fd, () => handle.createReadStream({ autoClose: false }), chunkBytes);
      return;
    }
    yield* doubleBuffered((buffer, position, left) => readAt(handle, buffer, position, left), start, end, chunkBytes);
  } finally {
    await handle.close();
  }
}

/**
 * Standard input in chunks: a regular file (`< data.csv`) as fileChunks reads one, from where it
 * stands; a pipe or a socket through pipeChunks; a terminal through gatheredChunks.
 */
export function stdinChunks(chunkBytes = CHUNK_BYTES): AsyncIterable<Buffer> {
  const stat = fstatSync(0);
  if (stat.isFIFO() || stat.isSocket()) return pipeChunks(0, () => process.stdin, chunkBytes);
  if (!stat.isFile()) return gatheredChunks(process.stdin, chunkBytes);
  const readStdin = (buffer: Buffer, _position: number, left: number) =>
    new Promise<number>((resolve, reject) =>
      read(0, buffer, 0, Math.min(buffer.length, left), null, (e, n) => (e ? reject(e) : resolve(n))),
    );
  return doubleBuffered(readStdin, 0, Infinity, chunkBytes);
}

/**
 * A pipe's bytes in one reused buffer, each read's handed on as it comes: the writer refills the pipe
 * while the caller scans, where a megabyte gathered would keep it waiting behind a full pipe (64 KB)
 * during each scan. A writer faster than the caller fills the pipe, so reads come whole; smaller ones
 * come only when the caller would otherwise wait. What the pipe holds is read at once, on this thread,
 * through a second, non-blocking descriptor of it (readyBytes); only an empty pipe is waited for, by
 * read(2) on the thread pool (a hop there and back cost about 45 µs a read, 0.15 s a million rows).
 * One read at a time, and only while the caller waits for it: no read is left pending on a quiet pipe
 * once the caller stops (a pending read would hold up the process's exit). A descriptor another
 * process left non-blocking answers EAGAIN: the rest then comes through `stream()`, which waits for it.
 */
async function* pipeChunks(fd: number, stream: () => AsyncIterable<Buffer>, chunkBytes = CHUNK_BYTES): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafe(chunkBytes);
  const readOnce = () =>
    new Promise<number>((resolve, reject) => read(fd, buffer, 0, chunkBytes, null, (e, n) => (e ? reject(e) : resolve(n))));
  const ready = nonBlockingTwin(fd);
  try {
    for (;;) {
      let n = ready < 0 ? -1 : readyBytes(ready, buffer);
      if (n < 0) {
        try {
          n = await readOnce();
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
          yield* gatheredChunks(stream(), chunkBytes);
          return;
        }
      }
      if (n === 0) return;
      yield buffer.subarray(0, n);
    }
  } finally {
    if (ready >= 0) closeSync(ready);
  }
}

/**
 * A second descriptor of the pipe `fd` reads, non-blocking (its own open file description, so the
 * writer's and the shell's descriptors keep their mode), or -1 where there is none to be had (a
 * socket, a system without /proc).
 */
function nonBlockingTwin(fd: number): number {
  try {
    return openSync(`/proc/self/fd/${fd}`, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return -1;
  }
}

/** What the pipe holds now, read through its non-blocking descriptor: bytes read (0 at its end), or -1 if it is empty. */
function readyBytes(ready: number, buffer: Buffer): number {
  try {
    return readSync(ready, buffer, 0, buffer.length, null);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EAGAIN') return -1;
    throw e;
  }
}

/**
 * Bytes [start, end) read by `readInto` into two buffers in turn: the next chunk is read while the
 * caller works on this one.
 */
async function* doubleBuffered(
  readInto: (buffer: Buffer, position: number, left: number) => Promise<number>,
  start: number,
  end: number,
  chunkBytes: number,
): AsyncGenerator<Buffer> {
  const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)];
  let position = start;
  let next: Promise<number> = Promise.resolve(0);
  try {
    next = end > position ? readInto(buffers[0], position, end - position) : Promise.resolve(0);
    for (let k = 0; ; k ^= 1) {
      const n = await next;
      if (n === 0) return;
      position += n;
      next = end > position ? readInto(buffers[k ^ 1], position, end - position) : Promise.resolve(0);
      yield buffers[k].subarray(0, n);
    }
  } finally {
    await next.catch(() => 0);
  }
}

/** Reads at `position`; at most `left` bytes. */
async function readAt(handle: FileHandle, buffer: Buffer, position: number, left: number): Promise<number> {
  const length = Math.min(buffer.length, left);
  if (length <= 0) return 0;
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return bytesRead;
}

/**
 * A stream's pieces (a terminal's, or a non-blocking pipe's, 64 KB at most each) gathered into one
 * reused buffer and handed on a chunk of `chunkBytes` at a time, as fileChunks hands a file's. Node's
 * stream, not read(2) on the thread pool: a read still waiting on a quiet terminal must never hold up
 * the process's exit.
 */
async function* gatheredChunks(stream: AsyncIterable<Buffer>, chunkBytes = CHUNK_BYTES): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafe(chunkBytes);
  let used = 0;
  for await (const piece of stream) {
    for (let at = 0; at < piece.length; ) {
      const n = Math.min(piece.length - at, chunkBytes - used);
      piece.copy(buffer, used, at, at + n);
      used += n;
      at += n;
      if (used === chunkBytes) {
        yield buffer;
        used = 0;
      }
    }
  }
  if (used > 0) yield buffer.subarray(0, used);
}

/** The two bytes every gzip member starts with (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b];

/** Whether a file's content is gzip (its first two bytes), whatever its name; false when it cannot be read. */
export function isGzipFile(path: string): boolean {
  let fd = -1;
  try {
    fd = openSync(path, 'r');
    if (!fstatSync(fd).isFile()) return false;
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } catch {
    return false;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/**
 * The chunks as they are, or, when they start as gzip does (recognised by content, not by name),
 * decompressed as they come (node:zlib, every member of a multi-member file): the reader sees the
 * text either way. `counted` hears of the bytes read before decompression (for the progress bar),
 * `onGzip` that the input is gzip.
 * A corrupt or cut stream is an error whose message says so; the caller names the file.
 */
export async function* decompressed(
  chunks: AsyncIterable<Buffer>,
  counted?: (bytes: number) => void,
  onGzip?: () => void,
): AsyncGenerator<Buffer> {
  const source = chunks[Symbol.asyncIterator]();
  const first = await source.next();
  if (first.done) return;
  counted?.(first.value.length);
  const gzip = first.value.length >= 2 && first.value[0] === GZIP_MAGIC[0] && first.value[1] === GZIP_MAGIC[1];
  if (!gzip) {
    yield first.value;
    for (let next = await source.next(); !next.done; next = await source.next()) {
      counted?.(next.value.length);
      yield next.value;
    }
    return;
  }
  onGzip?.();
  const { createGunzip } = require('node:zlib') as typeof import('node:zlib');
  const { Readable, pipeline } = require('node:stream') as typeof import('node:stream');
  // The chunks' buffers are reused by their reader: each is copied before it goes to zlib.
  async function* copies(): AsyncGenerator<Buffer> {
    yield Buffer.from(first.value as Buffer);
    for (let next = await source.next(); !next.done; next = await source.next()) {
      counted?.(next.value.length);
      yield Buffer.from(next.value);
    }
  }
  const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
  pipeline(Readable.from(copies()), gunzip, () => undefined);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) yield chunk;
  } catch (e) {
    // zlib's own errors (Z_DATA_ERROR, Z_BUF_ERROR ...); a read error passes as it is.
    throw String((e as NodeJS.ErrnoException).code).startsWith('Z_') ? new GzipError((e as Error).message) : e;
  }
}

/** Gzip data that cannot be decompressed: zlib's reason, in words. */
export class GzipError extends Error {
  constructor(reason: string) {
    super(`gzip data cannot be read (${reason === 'unexpected end of file' ? 'the file is cut short' : reason})`);
  }
}
