/**
 * visitstat spending FILES [--group-by month|quarter|year] [--basis visit|night] [--nights N]
 *                          [--domestic-rate R] [--foreign-rate R] [--delegation-rate R]
 *
 * Estimated spending = visitors (or visitor-nights) x average spending per visitor, per segment and
 * period, in exact integer rupiah, with the formula and every rate used stated. A rate may be a range
 * `low..high`: low and high estimates then appear beside the central one. Delegation visitors are part
 * of domestic arrivals: with arrivals they are shown "of which", never added twice.
 */
import { type Command, Option } from 'commander';
import { UsageError } from '../errors';
import { Coverage } from '../model/coverage';
import type { Basis, SpendingResult, SpendingUnit } from '../model/spending';
import type { SpendingSinkOptions } from '../model/spending-sink';
import { formatInt } from '../render';
import { type RateFlags, basisOf, parseNights, rateRules } from './parse';
import { type InputFlags, type OutputFlags, addInputOptions, addOutputOptions, runPipeline } from './shared';
import { spendingView } from './spending-view';

const EXAMPLES = `
Examples:
  $ visitstat spending fixtures/sample/arrivals-2017.csv fixtures/sample/delegations-2017.csv
  $ visitstat spending --group-by quarter --locale id arrivals.csv
  $ visitstat spending --domestic-rate 1000000..2000000 --foreign-rate 2.700.000 arrivals.csv
  $ visitstat spending --basis night --nights 3 --delegation-rate 750000 delegations.csv
  $ visitstat spending --format json -o spending.json arrivals-*.csv

Rates are rupiah per visit (per night with --basis night): a whole number, grouped or not
(1500000, 1.500.000, 1,500,000), or a range low..high. Defaults: domestic 1,500,000, foreign
2,700,000; delegations take the domestic rate unless --delegation-rate is given. Rates by year go in
the --config file: "rates": [{"year": 2018, "domestic": 1600000, "foreign": "2500000..2900000"}].`;

interface SpendingFlags extends InputFlags, OutputFlags {
  groupBy: SpendingUnit;
  basis?: Basis;
  nights?: string;
  domesticRate?: string;
  foreignRate?: string;
  delegationRate?: string;
}

export function register(program: Command): void {
  const cmd = program
    .command('spending')
    .description('estimated visitor spending per segment and period: visitors x rate, in exact rupiah')
    .argument('<files...>', 'CSV files or .xlsx workbooks (arrivals and/or delegation logs), or - for standard input (CSV)');
  addOutputOptions(addInputOptions(cmd))
    .addOption(
      new Option('--group-by <unit>', 'one line per segment and month, quarter or year')
        .choices(['month', 'quarter', 'year'])
        .default('year'),
    )
    .addOption(
      new Option('--basis <basis>', 'rates per visit, or per night x nights (default: config, else visit)').choices(['visit', 'night']),
    )
    .option('--nights <n>', 'nights per visitor where the data has none (arrivals, delegation rows without nights)')
    .option('--domestic-rate <rupiah>', 'rupiah per domestic visitor, or low..high (default 1,500,000)')
    .option('--foreign-rate <rupiah>', 'rupiah per foreign visitor, or low..high (default 2,700,000)')
    .option('--delegation-rate <rupiah>', 'rupiah per delegation visitor, or low..high (default: the domestic rate)')
    .addHelpText('after', EXAMPLES)
    .action((files: string[], flags: SpendingFlags) =>
      runPipeline(cmd, files, flags, {
        options: (flags, config): SpendingSinkOptions => ({
          unit: flags.groupBy,
          basis: basisOf(flags.basis, config),
          nights: parseNights(flags.nights, config),
          rates: rateRules(config.rates, rateFlags(flags)),
        }),
        // Spending reads dates, people and nights only: no text field.
        fields: () => new Set(),
        sink: (options) => ({ name: 'spending', options }),
        result: (sink, input, options, read) => {
          const result = checkedNights(sink.estimator.result());
          const { unit: groupBy, basis, nights } = options;
          const coverage = result.scope === 'none' ? null : new Coverage(input.coverage, result.scope, { from: read.from, to: read.to });
          return {
            result,
            rates: sink.rates,
            input,
            groupBy,
            basis,
            nights: nights ?? null,
            from: read.from ?? null,
            to: read.to ?? null,
            coverage,
          };
        },
        view: spendingView,
      }),
    );
}

function rateFlags(flags: SpendingFlags): RateFlags {
  const rates: RateFlags = {};
  if (flags.domesticRate !== undefined) rates.domestic = flags.domesticRate;
  if (flags.foreignRate !== undefined) rates.foreign = flags.foreignRate;
  if (flags.delegationRate !== undefined) rates.delegation = flags.delegationRate;
  return rates;
}

/** Under --basis night, rows with no nights and no --nights make the command fail, naming the fix. */
function checkedNights(result: SpendingResult): SpendingResult {
  const { delegations, people, arrivals } = result.missingNights;
  if (arrivals > 0) throw new UsageError('--basis night needs --nights N for arrivals: arrival figures have no nights column');
  if (delegations > 0) {
    throw new UsageError(
      `--basis night: ${delegations} delegation row${delegations === 1 ? '' : 's'} (${formatInt(people, 'en')} people) have no nights; ` +
        'give --nights N for them, or use --basis visit',
    );
  }
  return result;
}
