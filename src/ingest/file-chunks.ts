/**
 * A file's bytes as a sequence of chunks read into two buffers in turn: the next chunk is read while
 * the caller works on this one, and no memory is allocated per chunk (a read stream makes a fresh
 * megabyte per chunk: slower, and garbage the collector may leave standing long after).
 *
 * A chunk is valid only until the caller asks for the next one: whoever keeps bytes must copy them.
 */
import { type FileHandle, open } from 'node:fs/promises';

const CHUNK_BYTES = 1 << 20;

/** Bytes [start, end) of the file, in chunks of at most `chunkBytes`. */
export async function* fileChunks(path: string, start = 0, end = Infinity, chunkBytes = CHUNK_BYTES): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)];
  let position = start;
  let next = readAt(handle, buffers[0], position, end);
  try {
    for (let k = 0; ; k ^= 1) {
      const n = await next;
      if (n === 0) return;
      position += n;
      next = readAt(handle, buffers[k ^ 1], position, end);
      yield buffers[k].subarray(0, n);
    }
  } finally {
    await next.catch(() => 0);
    await handle.close();
  }
}

async function readAt(handle: FileHandle, buffer: Buffer, position: number, end: number): Promise<number> {
  const length = Math.min(buffer.length, end - position);
  if (length <= 0) return 0;
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return bytesRead;
}
