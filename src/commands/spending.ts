/**
 * visitstat spending FILES [--year Y] [--group-by month|quarter|year] [--basis visit|night] [--nights N]
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
import { type Locale, formatInt } from '../render';
import { countryName } from './arrival-groups-view';
import type { ArrivalDim } from '../model/arrival-key';
import { isArrivalDim } from '../model/summary-keys';
import { suggest } from './completion';
import { type RateFlags, basisOf, parseGroupBy, parseNights, rateRules } from './parse';
import { type InputFlags, type OutputFlags, addInputOptions, addOutputOptions, runPipeline } from './shared';
import { spendingView } from './spending-view';

const EXAMPLES = `
Examples:
  $ visitstat spending --year 2017 "$(visitstat sample-path)"/*.csv
  $ visitstat spending --group-by quarter --locale id arrivals.csv
  $ visitstat spending --domestic-rate 1000000..2000000 --foreign-rate 2.700.000 arrivals.csv
  $ visitstat spending --basis night --nights 3 --delegation-rate 750000 delegations.csv
  $ visitstat spending --format json -o spending.json arrivals-*.csv
  $ visitstat spending --group-by destination "$(visitstat sample-path)"/destinasi-2016-2017.csv
  $ visitstat spending --group-by year,country --config "$(visitstat sample-path)"/../config/destinations-markets.json "$(visitstat sample-path)"/wisman-negara-2016-2017.csv

Rates are rupiah per visit (per night with --basis night): a whole number, grouped or not
(1500000, 1.500.000, 1,500,000), or a range low..high. Defaults: domestic 1,500,000, foreign
2,700,000; delegations take the domestic rate unless --delegation-rate is given. Rates by year go in
the --config file: "rates": [{"year": 2018, "domestic": 1600000, "foreign": "2500000..2900000"}]; a
market's own foreign rate names its country: {"country": "Malaysia", "foreign": 1800000} (the foreign
rate applies to the rest). By country, spending is foreign spending per market; by destination, the
foreign rate applies (figures by destination name no market).`;

interface SpendingFlags extends InputFlags, OutputFlags {
  groupBy?: string;
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
      suggest(
        new Option(
          '--group-by <dims>',
          'one line per segment and month, quarter or year (default year), and per destination or country; comma-separated',
        ),
        SPENDING_DIMS,
      ),
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
          ...parseSpendingGroupBy(flags.groupBy),
          basis: basisOf(flags.basis, config),
          nights: parseNights(flags.nights, config),
          rates: rateRules(config.rates, rateFlags(flags)),
        }),
        // Spending reads dates, people and nights only: no text field.
        fields: () => new Set(),
        sink: (options) => ({ name: 'spending', options }),
        result: (sink, input, options, read) => {
          const result = checkedNights(sink.result());
          const { unit: groupBy, basis, nights } = options;
          const sources = sink.figures.sources();
          const coverage = result.scope === 'none' ? null : new Coverage(input.coverage, result.scope, { from: read.from, to: read.to });
          return {
            result,
            rates: sink.rates,
            input,
            groupBy,
            by: options.groupBy ?? null,
            groupName: (key: string, locale: Locale) =>
              options.groupBy === 'destination' ? sink.figures.destinationName(key) : countryName(sink.figures.country(key), locale),
            basis,
            nights: nights ?? null,
            from: read.from ?? null,
            to: read.to ?? null,
            ...(sources.breakdowns.some((dims) => dims.length > 0) ? { sources } : {}),
            ...(options.groupBy
              ? { reach: sink.figures.reach([options.groupBy], options.groupBy === 'country' ? ['foreign'] : undefined) }
              : {}),
            coverage,
          };
        },
        view: spendingView,
      }),
    );
}

const SPENDING_DIMS = ['month', 'quarter', 'year', 'destination', 'country'];

/** `--group-by quarter,destination`: one unit (default year), and at most one of destination and country. */
function parseSpendingGroupBy(text: string | undefined): { unit: SpendingUnit; groupBy: ArrivalDim | null } {
  const dims = parseGroupBy(
    (text ?? '')
      .split(',')
      .map((d) => d.trim().toLowerCase())
      .filter((d) => d !== ''),
    SPENDING_DIMS,
  );
  const units = dims.filter((d) => d === 'month' || d === 'quarter' || d === 'year');
  const by = dims.filter(isArrivalDim);
  if (units.length > 1) throw new UsageError(`--group-by: one of month, quarter or year, not ${units.join(' and ')}`);
  if (by.length > 1)
    throw new UsageError('--group-by: destination or country, not both: spending by country is foreign spending by market');
  return { unit: (units[0] as SpendingUnit | undefined) ?? 'year', groupBy: by[0] ?? null };
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
