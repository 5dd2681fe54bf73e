/**
 * visitstat summary FILES
 *
 * Delegations: delegations, visitors, mean / median / P25 / P75 / P90 / min / max / sample standard
 * deviation of group size, visitor-nights and average stay, overall or per --group-by group (crossed,
 * like SQL GROUP BY a, b), with --top N for the category dimensions. Arrivals: domestic, foreign,
 * total and foreign share per month (or quarter or year), with growth against the previous period and
 * the same period a year earlier, only where the data has that period.
 */
import { type Command, Option } from 'commander';
import { UsageError } from '../errors';
import { quote } from '../messages';
import { readInputs } from '../ingest/inputs';
import { type ArrivalUnit, type CategoryDim, GROUP_DIMS, type GroupDim } from '../model/summary';
import { SummarySink, summarySinkRecipe } from '../model/summary-sink';
import { isPeriodDim } from '../model/summary-keys';
import { label } from '../render';
import {
  type InputFlags,
  type OutputFlags,
  addInputOptions,
  addOutputOptions,
  configOf,
  emit,
  inputFooter,
  inputOptions,
  outputSettings,
  toStderr,
} from './shared';
import { type SummaryResult, summaryDoc, summaryJson } from './summary-view';
import { suggest } from './completion';

const EXAMPLES = `
Examples:
  $ visitstat summary fixtures/sample/delegations-2016.csv
  $ visitstat summary --group-by month fixtures/sample/delegations-2017.csv
  $ visitstat summary --group-by year,type --locale id fixtures/sample/delegations-*.csv
  $ visitstat summary --group-by origin --top 10 --format csv -o origins.csv data/*.csv
  $ visitstat summary --group-by quarter fixtures/sample/arrivals-2017.csv
  $ visitstat summary --format json fixtures/sample/*.csv | jq .delegations.overall

Grouping: several --group-by dimensions are crossed like SQL GROUP BY a, b (one row per combination
present, ordered by the dimensions as given). Periods sort by date, weekdays from Monday; categories
by visitors (most first), then by name, then (unknown), then (other). A delegation with several
purposes counts once in each purpose group. --top N keeps, per category dimension, the N values with
the most visitors over all the data and merges the rest into (other).
Arrivals are listed per month, or per quarter or year when --group-by names one.

Quantiles (median, P25, P75, P90) use linear interpolation between order statistics (R type 7, as
numpy, simple-statistics and Excel's PERCENTILE.INC do); std dev is the sample one (n - 1). Average
stay = visitor-nights / visitors whose nights are known.`;

interface SummaryFlags extends InputFlags, OutputFlags {
  groupBy?: string[];
  top?: string;
}

/** `--group-by month,origin --group-by type` → [month, origin, type]. */
function collectDims(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((d) => d.trim().toLowerCase()).filter((d) => d !== '')];
}

export function register(program: Command): void {
  const cmd = program
    .command('summary')
    .description('delegation and arrival figures: totals, averages, quantiles, stays, growth')
    .argument('<files...>', 'CSV files, or - for standard input');
  addInputOptions(cmd)
    .addOption(suggest(new Option('--group-by <dims>', `group by ${GROUP_DIMS.join('|')}; repeatable or comma-separated`).argParser(collectDims), GROUP_DIMS))
    .option('--top <n>', 'with a category --group-by: keep the N values with most visitors, the rest as (other)');
  addOutputOptions(cmd)
    .addHelpText('after', EXAMPLES)
    .action((files: string[], flags: SummaryFlags) => summary(files, flags));
}

function parseTop(text: string | undefined, dims: GroupDim[]): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new UsageError(`--top must be a whole number of at least 1, not ${quote(text)}`);
  if (dims.every(isPeriodDim)) throw new UsageError('--top needs a category --group-by: origin, region, type or purpose');
  return Number(text);
}

/** The first of month, quarter or year in --group-by; month when none is given. */
function arrivalUnitOf(dims: GroupDim[]): ArrivalUnit {
  return (dims.find((d) => d === 'month' || d === 'quarter' || d === 'year') as ArrivalUnit | undefined) ?? 'month';
}

async function summary(files: string[], flags: SummaryFlags): Promise<void> {
  const config = configOf(flags);
  const settings = outputSettings(flags, config);
  const groupBy = (flags.groupBy ?? []) as GroupDim[];
  // Only the category dimensions grouped by are read: the summary shows no other text field.
  const options = { ...inputOptions(flags, config), fields: new Set(groupBy.filter((d) => !isPeriodDim(d)) as CategoryDim[]) };
  const top = parseTop(flags.top, groupBy);
  const arrivalUnit = arrivalUnitOf(groupBy);
  const sinkOptions = { groupBy, top, arrivalUnit };
  const sink = new SummarySink(sinkOptions);
  const { delegations, arrivals } = sink;
  const policy = { skipInvalid: flags.skipInvalid === true, rejectsPath: flags.rejects };
  const input = await readInputs(files, options, sink, policy, toStderr, summarySinkRecipe(sinkOptions));

  const kinds = new Set(input.files.map((f) => f.kind));
  const result: SummaryResult = {
    options: { groupBy, top: top ?? null, from: options.from ?? null, to: options.to ?? null, arrivalUnit, skipInvalid: policy.skipInvalid },
    input,
    delegations: kinds.has('delegations') ? delegations.result() : null,
    arrivals: kinds.has('arrivals') ? arrivals.result() : null,
  };
  const machine = settings.format === 'csv';
  // CSV holds data rows only; the input counts every output states go to stderr (first, so a reader
  // that closes the pipe early cannot race them).
  if (machine) toStderr(`visitstat: ${label(inputFooter(input), settings.locale)}`);
  await emit({ doc: () => summaryDoc(result, { machine, locale: settings.locale }), json: () => summaryJson(result) }, flags, settings);
}
