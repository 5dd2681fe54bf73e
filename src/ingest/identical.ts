/**
 * Inputs with the same bytes, whatever their names (the same file twice, a copy, a link, the same
 * data piped in): read twice, every figure would count twice, so the second is refused, naming both.
 *
 * Identical inputs have the same size, so only regular files of a size another input shares are
 * hashed (SHA-256), before anything is read: the usual run of files of different sizes costs a stat
 * each. A stream (standard input, a pipe) has no size until it ends, so its bytes are hashed as they
 * are read (unless it is the only input), compared at its end with the inputs read before it, and
 * each regular file after it with its size is compared with it before that file is read.
 */
import type { Hash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { grouped } from '../messages';
import { STDIN, displayName } from './reader';

/** What is known of one input's content. */
interface Content {
  source: string;
  /** Regular files: from stat. Streams: once read. */
  size: number | null;
  regular: boolean;
  device: number;
  inode: number;
  digest: string | null;
}

/** A second input with the same bytes as an earlier one. */
export interface SameContent {
  source: string;
  sameAs: string;
  bytes: number;
}

export function sameContentMessage({ source, sameAs, bytes }: SameContent): string {
  const what =
    source === sameAs
      ? `${displayName(source)} is given twice`
      : `${displayName(source)} has the same content as ${displayName(sameAs)} (the same ${grouped(bytes)} bytes)`;
  return `${what}: its figures would count twice; give it once`;
}

export class IdenticalInputs {
  private readonly inputs: Content[];

  constructor(sources: readonly string[]) {
    this.inputs = sources.map((source) => {
      const stat = source === STDIN ? null : statSync(source, { throwIfNoEntry: false });
      const regular = stat?.isFile() === true;
      return { source, size: regular ? stat!.size : null, regular, device: stat?.dev ?? -1, inode: stat?.ino ?? -1, digest: null };
    });
  }

  /**
   * The regular files that repeat an earlier one, found before reading: each is named with the first
   * input of the same content.
   */
  repeatedFiles(): SameContent[] {
    const found: SameContent[] = [];
    this.inputs.forEach((input, i) => {
      // An empty file is refused as such when it is read.
      if (!input.regular || input.size === 0) return;
      const earlier = this.inputs.slice(0, i).find((other) => other.regular && other.size === input.size && this.same(other, input));
      if (earlier) found.push({ source: input.source, sameAs: earlier.source, bytes: input.size! });
    });
    return found;
  }

  /**
   * For a stream: a hash to give every byte read (null for a regular file, checked beforehand, and for
   * the only input, which has nothing to be the same as: hashing 82 MB piped in took a fifth of a summary's time).
   */
  hashFor(index: number): Hash | null {
    return this.inputs[index].regular || this.inputs.length === 1 ? null : sha256();
  }

  /** After a stream is read: the earlier input with the same bytes, if any. */
  streamRead(index: number, hash: Hash, bytes: number): SameContent | null {
    const input = this.inputs[index];
    input.size = bytes;
    input.digest = hash.digest('hex');
    const earlier =
      bytes === 0 ? undefined : this.inputs.slice(0, index).find((other) => other.size === bytes && this.digestOf(other) === input.digest);
    return earlier ? { source: input.source, sameAs: earlier.source, bytes } : null;
  }

  /** A regular file with the same bytes as a stream read before it (its digest known by then), or null. */
  repeatsStream(index: number): SameContent | null {
    const input = this.inputs[index];
    if (!input.regular || input.size === 0) return null;
    const stream = this.inputs
      .slice(0, index)
      .find((other) => !other.regular && other.digest !== null && other.size === input.size && other.digest === this.digestOf(input));
    return stream ? { source: input.source, sameAs: stream.source, bytes: input.size! } : null;
  }

  private same(a: Content, b: Content): boolean {
    if (a.device === b.device && a.inode === b.inode) return true;
    return this.digestOf(a) === this.digestOf(b);
  }

  /** A regular file's digest, hashed once when first needed. */
  private digestOf(input: Content): string | null {
    if (input.digest === null && input.regular) input.digest = hashFile(input.source);
    return input.digest;
  }
}

/** Loaded when first needed: most runs hash nothing, and node:crypto costs a few milliseconds to load. */
function sha256(): Hash {
  return (require('node:crypto') as typeof import('node:crypto')).createHash('sha256');
}

function hashFile(path: string): string | null {
  const hash = sha256();
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
    return hash.digest('hex');
  } catch {
    return null; // the reader says why the file cannot be read
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
