/**
 * Whether the terminal table is coloured, decided once. No chalk here: this module is loaded on every
 * run, chalk only when a table is rendered (src/render/table.ts makes its instance at this level).
 */

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
