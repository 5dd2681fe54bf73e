/**
 * Writing an output (`-o`, `--rejects`) without destroying anything by mistake:
 *
 * - a regular file, or a new one, is written to a temporary file in the same folder and renamed over
 *   it once complete and flushed: a reader sees the old file or the whole new one. The new file keeps
 *   the old one's mode and owner (where permitted); through a symlink, the target is replaced;
 * - a device or a FIFO is written straight through (no temporary file, no rename: `/dev/null` stays
 *   a device), and `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` write to that descriptor; a folder is
 *   refused, and so is a socket (open(2) cannot open one, as `>` cannot);
 * - an output naming an input (or the other output) is a usage error, found before anything is
 *   opened for writing;
 * - on SIGINT, SIGTERM and SIGHUP the temporary files are removed, and the process ends by the
 *   signal (a shell sees 128 + signal);
 * - every failure is an OutputError (exit 4) naming the path with a sentence, never an errno alone.
 *
 * Outputs are opened before the input is read (`prepareOutputs`), so that a folder that does not
 * exist fails at once rather than after an hour of reading, and a FIFO waits for its reader first.
 */
import {
  type Stats,
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { OutputError, UsageError, VisitstatError } from '../errors';

/** The file systems visitstat meets (ext4, xfs, btrfs, tmpfs) allow names of up to 255 bytes. */
const NAME_MAX = 255;
/** Symlinks followed before giving up, as the kernel does. */
const MAX_LINKS = 40;

/** Where an output goes once written, and how it gets there. */
export interface Output {
  /** As the user named it, for messages. */
  readonly shown: string;
  /** Writes now (rejected rows as they come). */
  writeSync(data: string | Buffer): void;
  /** Writes the whole output (may wait for a slow reader without blocking signals). */
  write(data: string | Buffer): Promise<void>;
  /** The output is complete: put it in place (rename a temporary file, close a descriptor). */
  commit(): void;
  /** The command failed: leave the old file as it was. */
  abort(): void;
}

// ------------------------------------------------------------------------------------------------
// Errors

const WHY: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'the name is too long for the file system',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  EFBIG: 'the file is larger than the file size limit allows',
  EPIPE: 'its reader has gone (broken pipe)',
  ECONNRESET: 'its reader has gone (connection reset)',
  EIO: 'input/output error on the device',
  ENXIO: 'no device or reader is attached to it',
  EBADF: 'it is not open for writing',
  ELOOP: 'too many symbolic links',
  ETXTBSY: 'it is a running program',
  EBUSY: 'it is busy',
};

/** An OutputError for a failed write to `shown`, with a sentence for the errno (our own errors pass as they are). */
export function writeFailure(e: unknown, shown: string, folder = dirname(shown)): VisitstatError {
  if (e instanceof VisitstatError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const why = code === 'ENOENT' || code === 'ENOTDIR' ? `folder ${folder} does not exist` : (WHY[code] ?? (e as Error).message);
  return new OutputError(`cannot write ${shown}: ${why}`);
}

// ------------------------------------------------------------------------------------------------
// What a path names

type Target =
  | { kind: 'stdout' }
  /** An open descriptor: /dev/stderr, /dev/fd/3. */
  | { kind: 'descriptor'; fd: number }
  /** A regular file (stat) or none yet (stat null): written atomically. */
  | { kind: 'file'; path: string; stat: Stats | null }
  /** A device, FIFO or socket: written straight through. */
  | { kind: 'special'; path: string; stat: Stats };

const DESCRIPTOR_PATH = /^\/(?:dev|proc\/self|proc\/thread-self)\/fd\/(\d+)$/;
const STANDARD_PATHS: Record<string, number> = { '/dev/stdin': 0, '/dev/stdout': 1, '/dev/stderr': 2 };

function descriptorOf(path: string): number | null {
  if (Object.hasOwn(STANDARD_PATHS, path)) return STANDARD_PATHS[path];
  const m = DESCRIPTOR_PATH.exec(path);
  return m ? Number(m[1]) : null;
}

/** What `path` names, following symlinks one by one (a dangling one names the file it would create). */
function targetOf(path: string): Target {
  let current = resolve(path);
  for (let links = 0; links <= MAX_LINKS; links++) {
    const fd = descriptorOf(current);
    if (fd !== null) return fd === 1 ? { kind: 'stdout' } : { kind: 'descriptor', fd };
    let stat: Stats;
    try {
      stat = lstatSync(current);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'file', path: current, stat: null };
      throw writeFailure(e, path);
    }
    if (stat.isSymbolicLink()) {
      const link = readlinkSync(current);
      current = isAbsolute(link) ? link : join(dirname(current), link);
      continue;
    }
    if (stat.isDirectory()) throw writeFailure({ code: 'EISDIR' }, path);
    return stat.isFile() ? { kind: 'file', path: current, stat } : { kind: 'special', path: current, stat };
  }
  throw writeFailure({ code: 'ELOOP' }, path);
}

/** Device and inode of what an input names, or null when it cannot be read (the reader says why). */
function inputIdentity(source: string): string | null {
  try {
    const fd = source === '-' ? 0 : descriptorOf(resolve(source));
    const stat = fd === null ? statSync(source) : fstatSync(fd);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/** Device and inode of what an output target is, or the full path of the file it would create. */
function targetIdentity(target: Target): string | null {
  switch (target.kind) {
    case 'stdout':
      return inputIdentity('/dev/fd/1');
    case 'descriptor':
      return inputIdentity(`/dev/fd/${target.fd}`);
    case 'special':
      return `${target.stat.dev}:${target.stat.ino}`;
    case 'file':
      if (target.stat) return `${target.stat.dev}:${target.stat.ino}`;
      try {
        return join(realpathSync(dirname(target.path)), basename(target.path));
      } catch {
        return target.path;
      }
  }
}

// ------------------------------------------------------------------------------------------------
// Temporary files and signals

/** Temporary files not yet renamed into place, removed if the process ends first. */
const temporaries = new Set<string>();
let cleanupInstalled = false;

function removeTemporaries(): void {
  for (const temp of temporaries) {
    try {
      unlinkSync(temp);
    } catch {
      // Gone already.
    }
  }
  temporaries.clear();
}

/**
 * Once there is a temporary file: it is removed on any exit, and on SIGINT, SIGTERM and SIGHUP (which
 * would otherwise end the process before `exit` handlers run). The process then ends by the signal
 * itself, as it would have without the handler, so the caller sees it (a shell as 128 + signal):
 * process.exit would wait for a worker thread blocked on a FIFO that nobody writes.
 */
function track(temp: string): void {
  temporaries.add(temp);
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', removeTemporaries);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeTemporaries();
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    });
  }
}

/** `.NAME.RANDOM.tmp` next to `path`, the name cut so that the whole fits NAME_MAX bytes. */
export function temporaryName(path: string, random: string): string {
  const suffix = `.${random}.tmp`;
  let name = basename(path);
  const room = NAME_MAX - 1 - Buffer.byteLength(suffix);
  if (Buffer.byteLength(name) > room) {
    name = Buffer.from(name)
      .subarray(0, room)
      .toString('utf8')
      .replace(/\uFFFD+$/, '');
  }
  return join(dirname(path), `.${name}${suffix}`);
}

// ------------------------------------------------------------------------------------------------
// The outputs

/** Writes all of `data` to `fd`, retrying a short write and a pipe that is full for a moment. */
function writeAllSync(fd: number, data: string | Buffer): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/** A regular file written to a temporary file beside it, renamed over it by commit. */
class AtomicFile implements Output {
  private fd: number | null;
  private temp = '';

  constructor(
    readonly shown: string,
    private readonly path: string,
    old: Stats | null,
    folder: string,
  ) {
    if (Buffer.byteLength(basename(path)) > NAME_MAX) throw writeFailure({ code: 'ENAMETOOLONG' }, shown);
    // Writing over a file needs permission to write it, as `>` does: a read-only file stays.
    if (old) attempt(() => accessSync(path, constants.W_OK), shown);
    const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
    const random = randomBytes(6).toString('hex');
    const create = (temp: string) => {
      this.temp = temp;
      return openSync(temp, 'wx', old ? 0o600 : 0o666);
    };
    this.fd = attempt(
      () => {
        try {
          return create(temporaryName(path, random));
        } catch (e) {
          // A file system with a shorter name limit than 255 bytes: a short name in the same folder.
          if ((e as NodeJS.ErrnoException).code !== 'ENAMETOOLONG') throw e;
          return create(join(dirname(path), `.${random}.tmp`));
        }
      },
      shown,
      folder,
    );
    track(this.temp);
    if (old) this.keepModeAndOwner(old);
  }

  private keepModeAndOwner(old: Stats): void {
    const fd = this.fd!;
    if (old.uid !== process.geteuid?.() || old.gid !== process.getegid?.()) {
      try {
        fchownSync(fd, old.uid, old.gid);
      } catch {
        // Only root may give a file away; a member of the old group may still keep the group.
        try {
          fchownSync(fd, -1, old.gid);
        } catch {
          // The new file is ours, with the old mode.
        }
      }
    }
    attempt(() => fchmodSync(fd, old.mode & 0o7777), this.shown);
  }

  writeSync(data: string | Buffer): void {
    attempt(() => writeAllSync(this.fd!, data), this.shown);
  }

  async write(data: string | Buffer): Promise<void> {
    this.writeSync(data);
  }

  commit(): void {
    const fd = this.fd!;
    this.fd = null;
    attempt(() => {
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(this.temp, this.path);
    }, this.shown);
    temporaries.delete(this.temp);
  }

  abort(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    try {
      unlinkSync(this.temp);
    } catch {
      // Never made, or gone already.
    }
    temporaries.delete(this.temp);
  }
}

/** A device, FIFO or open descriptor, written as it is. */
class StraightThrough implements Output {
  constructor(
    readonly shown: string,
    private fd: number,
    /** Ours to close (not a descriptor the process was given). */
    private readonly owned: boolean,
  ) {}

  writeSync(data: string | Buffer): void {
    attempt(() => writeAllSync(this.fd, data), this.shown);
  }

  async write(data: string | Buffer): Promise<void> {
    const { write } = require('node:fs') as typeof import('node:fs');
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    for (let done = 0; done < bytes.length; ) {
      done += await new Promise<number>((resolve, reject) =>
        write(this.fd, bytes, done, bytes.length - done, null, (e, n) => (e ? reject(writeFailure(e, this.shown)) : resolve(n))),
      );
    }
  }

  commit(): void {
    if (this.owned) attempt(() => closeSync(this.fd), this.shown);
    this.fd = -1;
  }

  abort(): void {
    if (this.owned && this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/** Standard output: `-o -`, no -o, or /dev/stdout. */
class StandardOutput implements Output {
  readonly shown = 'standard output';

  writeSync(data: string | Buffer): void {
    checkStdoutOpen();
    attempt(() => writeAllSync(1, data), 'to standard output');
  }

  write(data: string | Buffer): Promise<void> {
    checkStdoutOpen();
    return new Promise((resolve, reject) => {
      process.stdout.write(data, (err) => {
        // A reader that stops early (`| head -1`) is no failure: handleClosedStdout ends quietly.
        if (err && (err as NodeJS.ErrnoException).code !== 'EPIPE') reject(writeFailure(err, 'to standard output'));
        else resolve();
      });
    });
  }

  commit(): void {}
  abort(): void {}
}

/** The access-mode bits of open(2) flags (Node does not export O_ACCMODE). */
const O_ACCMODE = 3;

/**
 * Standard output closed by the caller (`>&-`). Node.js reopens a closed descriptor 1 on /dev/null for
 * reading and writing before any of visitstat runs, so that is what a closed stdout looks like (a
 * shell's `> /dev/null` opens it for writing only). Linux only: elsewhere this cannot be told.
 */
export function stdoutIsClosed(): boolean {
  try {
    if (readlinkSync('/proc/self/fd/1') !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'));
    return flags !== null && (parseInt(flags[1], 8) & O_ACCMODE) === constants.O_RDWR;
  } catch {
    return false;
  }
}

function checkStdoutOpen(): void {
  if (stdoutIsClosed()) {
    throw new OutputError(
      'cannot write to standard output: it is closed (or is /dev/null opened for reading and writing, ' +
        'which is what Node.js makes of a closed one); to discard the output, redirect it with > /dev/null',
    );
  }
}

function attempt<T>(action: () => T, shown: string, folder?: string): T {
  try {
    return action();
  } catch (e) {
    throw writeFailure(e, shown, folder);
  }
}

const SOCKET = 'it is a socket, which cannot be opened as a file; write to standard output and pipe it there';

/** Opens the output `target` names, here and now: a FIFO with no reader blocks until one comes. */
function openNow(target: Target, shown: string): Output {
  switch (target.kind) {
    case 'stdout':
      return new StandardOutput();
    case 'descriptor':
      attempt(() => fstatSync(target.fd), shown);
      return new StraightThrough(shown, target.fd, false);
    case 'file': {
      // Name the folder as the user did, unless a symlink led elsewhere.
      const folder = target.path === resolve(shown) ? dirname(shown) : dirname(target.path);
      return new AtomicFile(shown, target.path, target.stat, folder);
    }
    case 'special':
      if (target.stat.isSocket()) throw new OutputError(`cannot write ${shown}: ${SOCKET}`);
      // Write-only, never created or truncated: whatever is there is written to as it is.
      return new StraightThrough(
        shown,
        attempt(() => openSync(target.path, constants.O_WRONLY), shown),
        true,
      );
  }
}

/** As openNow, but a device or FIFO is opened off the main thread: waiting for a FIFO's reader leaves signals working. */
async function openSoon(target: Target, shown: string): Promise<Output> {
  if (target.kind !== 'special' || target.stat.isSocket()) return openNow(target, shown);
  const { open } = require('node:fs') as typeof import('node:fs');
  const fd = await new Promise<number>((resolve, reject) =>
    open(target.path, constants.O_WRONLY, (e, fd) => (e ? reject(writeFailure(e, shown)) : resolve(fd))),
  );
  return new StraightThrough(shown, fd, true);
}

// ------------------------------------------------------------------------------------------------
// Entry points

/** Outputs opened by prepareOutputs, by the path the user gave. */
const prepared = new Map<string, Output>();

export interface OutputPaths {
  /** -o: a path, or undefined for standard output. */
  output?: string;
  /** --rejects. */
  rejects?: string;
}

/**
 * Checks the outputs against the inputs (files, `-`, the config file) and each other, then opens
 * them, before anything is read: a usage error when an output would overwrite an input, an
 * OutputError when it cannot be written.
 */
export async function prepareOutputs(paths: OutputPaths, inputs: string[]): Promise<void> {
  if (paths.rejects === '-') {
    throw new UsageError(
      '--rejects -: rejected rows go to a file, not mixed into the output; give a file name, or /dev/stderr to see them',
    );
  }
  const named = (['output', 'rejects'] as const)
    .filter((which) => paths[which] !== undefined)
    .map((which) => ({ flag: which === 'output' ? '-o' : '--rejects', path: paths[which]!, target: targetOf(paths[which]!) }));
  const inputIds = new Set(inputs.map(inputIdentity).filter((id): id is string => id !== null));
  for (const { flag, path, target } of named) {
    // Standard output may be a file also read (`< in.csv > in.csv`): the shell has emptied it already.
    if (target.kind === 'stdout' && flag === '-o') continue;
    if (inputIds.has(targetIdentity(target) ?? '')) throw new UsageError(`${flag} ${path} is also an input: it would be overwritten`);
  }
  if (named.length === 2 && targetIdentity(named[0].target) === targetIdentity(named[1].target) && named[0].target.kind !== 'stdout') {
    throw new UsageError('-o and --rejects name the same file: give each its own');
  }
  for (const { path, target } of named) prepared.set(path, await openSoon(target, path));
}

/** The output for `path` (standard output when undefined): opened by prepareOutputs, or now. */
async function outputFor(path: string | undefined): Promise<Output> {
  if (path === undefined) return new StandardOutput();
  const ready = prepared.get(path);
  prepared.delete(path);
  return ready ?? openSoon(targetOf(path), path);
}

/**
 * Writes a command's whole output to `path` (stdout when undefined) and puts it in place; on failure
 * the old file stays as it was, and the error is an OutputError (exit 4) naming the path.
 */
export async function writeOutput(data: string | Buffer, path?: string): Promise<void> {
  const output = await outputFor(path);
  try {
    await output.write(data);
    output.commit();
  } catch (e) {
    output.abort();
    throw e;
  }
}

/**
 * An output written piece by piece (rejected rows as they are met): opened by prepareOutputs, or
 * now (a FIFO then waits for its reader here).
 */
export function openPiecewise(path: string): Output {
  const ready = prepared.get(path);
  prepared.delete(path);
  return ready ?? openNow(targetOf(path), path);
}
