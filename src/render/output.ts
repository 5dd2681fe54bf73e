/**
 * Where rendered output goes: a file written atomically (`-o FILE`), or stdout. Data only; diagnostics
 * are the CLI's business on stderr.
 */
import { EXIT } from '../errors';
import { writeFailure } from './write';

/** A command's whole output to `-o FILE` or stdout: see write.ts. */
export { writeOutput } from './write';

let closedStdoutHandled = false;

/**
 * Call once at start. When the reader of stdout goes away (`visitstat summary ... | head -1`), exit 0
 * quietly instead of dying with an EPIPE stack trace; any other stdout error is reported and exits 4.
 */
export function handleClosedStdout(): void {
  if (closedStdoutHandled) return;
  closedStdoutHandled = true;
  process.stdout.on('error', (err) => {
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') process.exit(EXIT.ok);
    process.stderr.write(`visitstat: ${writeFailure(err, 'to standard output').message}\n`);
    process.exit(EXIT.output);
  });
}
