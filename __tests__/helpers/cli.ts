/** Runs the built binary (bin/visitstat -> dist/) as a user would, with a plain environment. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'visitstat');

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export function visitstat(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: options.input,
    env: { PATH: process.env.PATH ?? '', LANG: 'C', ...options.env },
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** The rows read / accepted / rejected line every reading command writes to stderr (and nothing else). */
export const COUNTS_ONLY =
  /^visitstat: Rows read [\d,]+, accepted [\d,]+, rejected [\d,]+( \([\d,]+ accepted rows outside --from\/--to\))? — \d+ files?\n$/;
