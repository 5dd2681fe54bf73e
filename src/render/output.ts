/**
 * Where rendered output goes: a file written atomically (`-o FILE`), or stdout. Data only; diagnostics
 * are the CLI's business on stderr.
 */
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors';

export async function writeOutput(data: string | Buffer, path?: string): Promise<void> {
  return path === undefined ? writeStdout(data) : writeFileAtomically(data, path);
}

/**
 * Write a temporary file next to the target, flush it to disk, then rename it over the target: readers
 * see the old file or the complete new one, never a half-written report.
 */
async function writeFileAtomically(data: string | Buffer, path: string): Promise<void> {
  // Loaded here, not at the top: only `-o FILE` needs them, and node:crypto alone costs a few ms at startup.
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  const { open, rename, unlink } = require('node:fs/promises') as typeof import('node:fs/promises');
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw new UsageError(`cannot write ${path}: ${reason(e as NodeJS.ErrnoException, path)}`);
  }
}

function reason(e: NodeJS.ErrnoException, path: string): string {
  switch (e.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `folder ${dirname(path)} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return e.code ?? e.message;
  }
}

function writeStdout(data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(data, (err) => (err && !isClosedPipe(err) ? reject(err) : resolve()));
  });
}

const isClosedPipe = (err: Error) => (err as NodeJS.ErrnoException).code === 'EPIPE';

let closedStdoutHandled = false;

/**
 * Call once at start. When the reader of stdout goes away (`visitstat summary ... | head -1`), exit 0
 * quietly instead of dying with an EPIPE stack trace; any other stdout error is reported and exits 1.
 */
export function handleClosedStdout(): void {
  if (closedStdoutHandled) return;
  closedStdoutHandled = true;
  process.stdout.on('error', (err) => {
    if (isClosedPipe(err)) process.exit(0);
    process.stderr.write(`visitstat: cannot write to standard output: ${err.message}\n`);
    process.exit(1);
  });
}
