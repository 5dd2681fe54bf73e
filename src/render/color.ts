/**
 * Whether the terminal table is coloured, decided once, and a chalk instance at exactly that level
 * (never chalk's own auto-detection, which looks at the wrong stream and ignores --no-color).
 */
import chalk from 'chalk';

export interface ColorInputs {
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  noColorFlag: boolean;
}

/**
 * In order: `--no-color` and a non-empty `NO_COLOR` (no-color.org) turn colour off; a non-empty
 * `FORCE_COLOR` other than `0` turns it on; `TERM=dumb` turns it off; otherwise colour iff stdout is a TTY.
 */
export function shouldColor({ isTTY, env, noColorFlag }: ColorInputs): boolean {
  if (noColorFlag || env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/** Basic 16 colours when on: enough for headings and negatives, and safe on every terminal. */
export function makeChalk(color: boolean): chalk.Chalk {
  return new chalk.Instance({ level: color ? 1 : 0 });
}
