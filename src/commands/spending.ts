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
import type { Config } from '../config';
import { UsageError } from '../errors';
import { quote } from '../messages';
import { readInputs } from '../ingest/inputs';
import type { RateFlags } from '../model/rates';
import type { Basis, SpendingUnit } from '../model/spending';
import { SpendingSink, spendingSinkRecipe } from '../model/spending-sink';
import { formatInt } from '../render';
import { spendingDoc, spendingJson, type SpendingView } from './spending-view';
import {
  type InputFlags,
  type OutputFlags,
  addInputOptions,
  addOutputOptions,
  configOf,
  emit,
  inputOptions,
  outputSettings,
  toStderr,
} from './shared';

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
    .argument('<files...>', 'CSV files (arrivals and/or delegation logs), or - for standard input');
  addOutputOptions(addInputOptions(cmd))
    .addOption(new Option('--group-by <unit>', 'one line per segment and month, quarter or year').choices(['month', 'quarter', 'year']).default('year'))
    .addOption(new Option('--basis <basis>', 'rates per visit, or per night x nights (default: config, else visit)').choices(['visit', 'night']))
    .option('--nights <n>', 'nights per visitor where the data has none (arrivals, delegation rows without nights)')
    .option('--domestic-rate <rupiah>', 'rupiah per domestic visitor, or low..high (default 1,500,000)')
    .option('--foreign-rate <rupiah>', 'rupiah per foreign visitor, or low..high (default 2,700,000)')
    .option('--delegation-rate <rupiah>', 'rupiah per delegation visitor, or low..high (default: the domestic rate)')
    .addHelpText('after', EXAMPLES)
    .action((files: string[], flags: SpendingFlags) => spending(files, flags));
}

/** `--nights` wins over config `nights`; either must be a whole number of nights, 1 or more. */
function nightsOf(flags: SpendingFlags, config: Config): number | undefined {
  if (flags.nights !== undefined) {
    if (!/^\d+$/.test(flags.nights.trim()) || Number(flags.nights) < 1) {
      throw new UsageError(`--nights must be a whole number of nights, 1 or more (got ${quote(flags.nights)})`);
    }
    return Number(flags.nights);
  }
  if (config.nights !== undefined && config.nights < 1) {
    throw new UsageError(`config: "nights" must be a whole number of nights, 1 or more (got ${config.nights})`);
  }
  return config.nights;
}

function rateFlags(flags: SpendingFlags): RateFlags {
  const rates: RateFlags = {};
  if (flags.domesticRate !== undefined) rates.domestic = flags.domesticRate;
  if (flags.foreignRate !== undefined) rates.foreign = flags.foreignRate;
  if (flags.delegationRate !== undefined) rates.delegation = flags.delegationRate;
  return rates;
}

async function spending(files: string[], flags: SpendingFlags): Promise<void> {
  const config = configOf(flags);
  // Spending reads dates, people and nights only: no text field.
  const input = { ...inputOptions(flags, config), fields: new Set<never>() };
  const settings = outputSettings(flags, config);
  const basis = flags.basis ?? config.basis ?? 'visit';
  const nights = nightsOf(flags, config);
  // Plain data, so that a worker reading part of a big file builds the same sink (rates included).
  const sinkOptions = { unit: flags.groupBy, basis, nights, rates: { periods: config.rates ?? [], flags: rateFlags(flags) } };
  const sink = new SpendingSink(sinkOptions);
  const { rates } = sink;
  const policy = { skipInvalid: flags.skipInvalid === true, rejectsPath: flags.rejects };
  const summary = await readInputs(files, input, sink, policy, toStderr, spendingSinkRecipe(sinkOptions));
  const result = sink.estimator.result();
  const { delegations, people } = result.missingNights;
  if (delegations > 0) {
    throw new UsageError(
      `--basis night: ${delegations} delegation row${delegations === 1 ? '' : 's'} (${formatInt(people, 'en')} people) have no nights; ` +
        'give --nights N for them, or use --basis visit',
    );
  }
  const view: SpendingView = {
    result,
    rates,
    input: summary,
    groupBy: flags.groupBy,
    basis,
    nights: nights ?? null,
    from: input.from ?? null,
    to: input.to ?? null,
  };
  const words = settings.format === 'csv' ? 'machine' : settings.locale;
  await emit({ doc: spendingDoc(view, words), json: spendingJson(view) }, flags, settings);
}
