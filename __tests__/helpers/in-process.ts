/**
 * Runs the built program (dist/cli.js) inside this process, with stdout and stderr captured: for tests
 * that run it thousands of times, where a process each would take minutes. The program is the one
 * bin/visitstat runs; only the process around it is shared.
 */
import { join } from 'node:path';
import { type CliResult, ROOT } from './cli';

type Run = (argv: string[]) => Promise<number>;
const { run } = require(join(ROOT, 'dist', 'cli.js')) as { run: Run };

type Write = typeof process.stdout.write;

/** A write that keeps the text and calls back at once, as a stream with room would. */
function capture(into: string[]): Write {
  return ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  }) as Write;
}

/** `visitstat ARGS` in this process: its stdout, stderr and exit code. */
export async function visitstatInProcess(args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  let code: number;
  try {
    code = await run([process.execPath, 'visitstat', ...args]);
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
  return { stdout: out.join(''), stderr: err.join(''), code };
}
