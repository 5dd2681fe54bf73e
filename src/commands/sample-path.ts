/**
 * visitstat sample-path
 *
 * Prints the folder of the sample data that ships inside the installed package, so that the examples
 * in `--help` and the README run from any folder: `visitstat summary "$(visitstat sample-path)"/*.csv`.
 */
import { join } from 'node:path';
import type { Command } from 'commander';

const EXAMPLES = `
Examples:
  $ visitstat sample-path
  $ visitstat summary --group-by year "$(visitstat sample-path)"/delegations-*.csv
  $ cp "$(visitstat sample-path)"/*.csv .      # a copy to try things on`;

/** The bundled sample folder: fixtures/sample beside dist/ in the package. */
export const SAMPLE_DIR = join(__dirname, '..', '..', 'fixtures', 'sample');

export function register(program: Command): void {
  program
    .command('sample-path')
    .description('print the folder of the sample data installed with visitstat (for the examples in --help)')
    .addHelpText('after', EXAMPLES)
    .action(() => {
      process.stdout.write(`${SAMPLE_DIR}\n`);
    });
}
