/**
 * A file's bytes as a sequence of chunks read into two buffers in turn: the next chunk is read while
 * the caller works on this one, and no memory is allocated per chunk (a read stream makes a fresh
 * megabyte per chunk: slower, and garbage the collector may leave standing long after).
 *
 * A chunk is valid only until the caller asks for the next one: whoever keeps bytes must copy them.
 */
import { type FileHandle, open } from 'node:fs/promises';

const CHUNK_BYTES = 1 << 20;

/**
 * Bytes [start, end) of the file, in chunks of at most `chunkBytes`. Anything but a regular file (a
 * FIFO, `<(...)`, /dev/stdin) cannot seek: it is read from where it stands, and only from the start.
 */
export async function* fileChunks(path: string, start = 0, end = Infinity, chunkBytes = CHUNK_BYTES): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)];
  let position = start;
  let next: Promise<number> = Promise.resolve(0);
  try {
    const seekable = (await handle.stat()).isFile();
    if (!seekable && (start !== 0 || end !== Infinity))
      throw new Error(`fileChunks: ${path} is not a regular file: it can only be read whole`);
    const readNext = (buffer: Buffer) => readAt(handle, buffer, seekable ? position : null, end - position);
    next = readNext(buffers[0]);
    for (let k = 0; ; k ^= 1) {
      const n = await next;
      if (n === 0) return;
      position += n;
      next = readNext(buffers[k ^ 1]);
      yield buffers[k].subarray(0, n);
    }
  } finally {
    await next.catch(() => 0);
    await handle.close();
  }
}

/** Reads at `position`, or from where the file stands when null; at most `left` bytes. */
async function readAt(handle: FileHandle, buffer: Buffer, position: number | null, left: number): Promise<number> {
  const length = Math.min(buffer.length, left);
  if (length <= 0) return 0;
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return bytesRead;
}
