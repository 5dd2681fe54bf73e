/**
 * visitstat summary FILES [--year Y] [--group-by DIMS] [--top N]
 *
 * Delegations: delegations, visitors, mean / median / P25 / P75 / P90 / min / max / sample standard
 * deviation of group size, visitor-nights and average stay, overall or per --group-by group (crossed,
 * like SQL GROUP BY a, b), with --top N for the category dimensions. Arrivals: domestic, foreign,
 * total and foreign share per month (or quarter or year), with growth against the previous period and
 * the same period a year earlier, only where the data has that period.
 */
import { type Command, Option } from 'commander';
import type { InputSummary } from '../ingest/inputs';
import type { ArrivalSources } from '../model/arrival-figures';
import type { ArrivalDim } from '../model/arrival-key';
import { Coverage } from '../model/coverage';
import type { ArrivalUnit, CategoryDim } from '../model/summary';
import { type GroupDim, SUMMARY_DIMS, type SummaryDim, isArrivalDim, isPeriodDim } from '../model/summary-keys';
import { suggest } from './completion';
import { parseGroupBy, parseTop } from './parse';
import { type InputFlags, type OutputFlags, addInputOptions, addOutputOptions, runPipeline } from './shared';
import { summaryView } from './summary-view';

const EXAMPLES = `
Examples:
  $ visitstat summary "$(visitstat sample-path)"/delegations-2016.csv
  $ visitstat summary --group-by month --year 2017 "$(visitstat sample-path)"/delegations-*.csv
  $ visitstat summary --group-by year,type --locale id "$(visitstat sample-path)"/delegations-*.csv
  $ visitstat summary --group-by origin --top 10 --format csv -o origins.csv data/*.csv
  $ visitstat summary --group-by quarter "$(visitstat sample-path)"/arrivals-2017.csv
  $ visitstat summary --on-overlap last arrivals-*.csv   # a month given again: count the later figure
  $ visitstat summary --format json "$(visitstat sample-path)"/*.csv | jq .delegations.overall
  $ visitstat summary --group-by year "$(visitstat sample-path)"/../excel/bps-2016-2017.xlsx
  $ visitstat summary --group-by month -o ringkasan.xlsx --locale id "$(visitstat sample-path)"/*.csv
  $ visitstat summary --group-by destination,year "$(visitstat sample-path)"/destinasi-2016-2017.csv
  $ visitstat summary --group-by country --top 5 --locale id "$(visitstat sample-path)"/wisman-negara-2016-2017.csv

Grouping: several --group-by dimensions are crossed like SQL GROUP BY a, b (one row per combination
present, ordered by the dimensions as given). Periods sort by date, weekdays from Monday; categories
by visitors (most first), then by name, then (unknown), then (other). A delegation with several
purposes counts once in each purpose group. --top N keeps, per category dimension, the N values with
the most visitors over all the data and merges the rest into (other).
Arrivals are listed per month, or per quarter or year when --group-by names one; by destination or
country (foreign arrivals by country of residence) alone or crossed with one of them. Figures by
destination or country and totals of the same months are the same arrivals: the totals count, the
breakdowns are checked against them and never added.

Quantiles (median, P25, P75, P90) use linear interpolation between order statistics (R type 7, as
numpy, simple-statistics and Excel's PERCENTILE.INC do); std dev is the sample one (n - 1). Average
stay = visitor-nights / visitors whose nights are known. Decimals are rounded half up from the exact
value (201/200 is 1.01), the same in every format; JSON keeps full values.

A month, quarter or year the data covers only in part shows the days it covers, e.g. Aug 2018 (1-9):
a log covers from the first day of the month of its first date to its last date, a monthly figure
its month, cut by --from/--to (CSV and JSON: partial, from, to). Growth is computed only between
periods covered alike (both whole, or cut at the same days), else left blank with the reason.
Grouping by a column no delegation log has leaves the groups out and says so.`;

interface SummaryFlags extends InputFlags, OutputFlags {
  groupBy?: string[];
  top?: string;
}

/** `--group-by month,origin --group-by type` → [month, origin, type]. */
function collectDims(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((d) => d.trim().toLowerCase())
      .filter((d) => d !== ''),
  ];
}

export function register(program: Command): void {
  const cmd = program
    .command('summary')
    .description('delegation and arrival figures: totals, averages, quantiles, stays, growth')
    .argument('<files...>', 'CSV files or .xlsx workbooks, or - for standard input (CSV)');
  addInputOptions(cmd)
    .addOption(
      suggest(
        new Option('--group-by <dims>', `group by ${SUMMARY_DIMS.join('|')}; repeatable or comma-separated`).argParser(collectDims),
        SUMMARY_DIMS,
      ),
    )
    .option('--top <n>', 'with a category --group-by: keep the N values with most visitors (arrivals), the rest as (other)');
  addOutputOptions(cmd)
    .addHelpText('after', EXAMPLES)
    .action((files: string[], flags: SummaryFlags) =>
      runPipeline(cmd, files, flags, {
        options: (flags) => {
          const top = parseTop(flags.top, (flags.groupBy ?? []) as SummaryDim[]);
          const dims = parseGroupBy(flags.groupBy ?? []);
          const groupBy = dims.filter((d): d is GroupDim => !isArrivalDim(d));
          const arrivalOrder = dims.filter(
            (d): d is ArrivalDim | ArrivalUnit => isArrivalDim(d) || d === 'month' || d === 'quarter' || d === 'year',
          );
          return { dims, groupBy, top, arrivalUnit: arrivalUnitOf(groupBy), arrivalOrder };
        },
        // Only the category dimensions grouped by are read: the summary shows no other text field.
        fields: ({ groupBy }) => new Set(groupBy.filter((d): d is CategoryDim => !isPeriodDim(d))),
        sink: ({ groupBy, top, arrivalUnit, arrivalOrder }) => ({ name: 'summary', options: { groupBy, top, arrivalUnit, arrivalOrder } }),
        result: (sink, input, { dims, groupBy, top, arrivalUnit }, read) => {
          const kinds = new Set(input.files.map((f) => f.kind));
          const skipInvalid = flags.skipInvalid === true;
          const arrivals = kinds.has('arrivals');
          const cut = { from: read.from, to: read.to };
          return {
            options: { groupBy: dims, top: top ?? null, from: read.from ?? null, to: read.to ?? null, arrivalUnit, skipInvalid },
            input,
            delegations: kinds.has('delegations') ? sink.delegations.result() : null,
            arrivals: arrivals ? sink.arrivals(new Coverage(input.coverage, 'arrivals', cut)) : null,
            arrivalGroups: arrivals ? sink.arrivalGroups(new Coverage(input.coverage, 'arrivals', cut)) : null,
            arrivalSources: arrivals ? brokenDown(sink.figures.sources()) : null,
            delegationCoverage: kinds.has('delegations') ? new Coverage(input.coverage, 'delegations', cut) : null,
            missingColumns: missingColumns(groupBy, input),
          };
        },
        view: summaryView,
      }),
    );
}

/** Where arrivals came from, when some file breaks them down by destination or country (else nothing to say). */
function brokenDown(sources: ArrivalSources): ArrivalSources | null {
  return sources.breakdowns.some((dims) => dims.length > 0) ? sources : null;
}

/** The category dimensions grouped by that no delegation log has a column for: their groups would all be unknown. */
function missingColumns(groupBy: GroupDim[], input: InputSummary): CategoryDim[] {
  const logs = input.coverage.filter((c) => c.kind === 'delegations');
  if (logs.length === 0) return [];
  return groupBy.filter((d): d is CategoryDim => !isPeriodDim(d) && !logs.some((log) => log.fields.includes(d)));
}

/** The first of month, quarter or year in --group-by; month when none is given. */
function arrivalUnitOf(dims: GroupDim[]): ArrivalUnit {
  return (dims.find((d) => d === 'month' || d === 'quarter' || d === 'year') as ArrivalUnit | undefined) ?? 'month';
}
