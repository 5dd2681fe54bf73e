/**
 * visitstat progress FILES --target N [--metric M] [--year Y] [--as-of DATE] [--tolerance P] [--fail-if-behind]
 *
 * Progress toward yearly targets: achieved, expected to date (linear and seasonal), projected year-end
 * with its 80% interval, required rate, year-on-year, pace, status and rating band. One target from the
 * flags, or several from the config file's `targets` (then --metric and --year pick among them). With
 * --fail-if-behind the full result is printed first, then the exit code is 3 when any target is behind
 * (during the year) or missed (once it is over).
 */
import { type Command, Option } from 'commander';
import type { Config } from '../config';
import { UsageError } from '../errors';
import { destinationKey } from '../model/arrival-key';
import type { ValuationPlan } from '../model/metrics';
import { METRICS } from '../model/progress';
import { type MeasuredTarget, progressView } from './progress-view';
import { type InputFlags, type OutputFlags, addInputOptions, addOutputOptions, runPipeline } from './shared';
import {
  type ProgressSettings,
  type TargetFlags,
  type TargetRequest,
  chooseMetric,
  failIfBehind,
  measure,
  progressSettings,
  targetDestinations,
  targetRequests,
  targetSeries,
  valuationFor,
} from './targets';

const EXAMPLES = `
Examples:
  $ visitstat progress "$(visitstat sample-path)"/delegations-201[78].csv --target 50000
  $ visitstat progress "$(visitstat sample-path)"/delegations-*.csv --target 50000 --year 2018 --as-of 2018-06-30
  $ visitstat progress "$(visitstat sample-path)"/arrivals-*.csv --metric foreign --target 100000 --year 2017
  $ visitstat progress "$(visitstat sample-path)"/*.csv --config "$(visitstat sample-path)"/../config/targets.json --format json
  $ visitstat progress "$(visitstat sample-path)"/destinasi-2016-2017.csv --config "$(visitstat sample-path)"/../config/destinations-markets.json
  $ visitstat progress data/*.csv --config targets.json --fail-if-behind -o progress.md   # cron: exit 3 when behind or missed

Without --target, the targets come from the config file ("targets": [{"metric", "year", "value"}]);
a target with "destination" is measured on that destination's arrivals (domestic, foreign or total).
The default metric is visitors for delegation logs and total for arrivals; with both, give --metric.

Projected year-end: the year to date plus the rest of the year as the full years before had it, at the
latest one's level, times this year's growth so far (damped early in the year); linear when there is
no full year before. Status during the year: ahead (target below the 80% interval, or reached), within
reach (inside it), behind (above it); once the year is over (as-of 31 December, or the data runs into
December or a later year): achieved or missed. The band grades the projected year-end percentage
during the year, the final one after. Pace compares actual with expected to date within --tolerance.`;

interface ProgressFlags extends InputFlags, OutputFlags, TargetFlags {
  failIfBehind?: boolean;
}

interface ProgressOptions extends ProgressSettings {
  requests: TargetRequest[];
  valuation: ValuationPlan | null;
}

export function register(program: Command): void {
  const cmd = program
    .command('progress')
    .description('progress toward yearly targets: achieved, expected, projected with an 80% interval, required, status and band')
    .argument('<files...>', 'CSV files or .xlsx workbooks, or - for standard input (CSV)')
    .option('--target <n>', 'the yearly target (50000 or 50.000); without it, the config file targets')
    .addOption(
      new Option('--metric <metric>', 'what the target counts (default: visitors for delegation logs, total for arrivals)').choices([
        ...METRICS,
      ]),
    )
    .option('--year <year>', 'the target year (default: the latest year in the data)')
    .option(
      '--as-of <date>',
      'measure as of this date (default: the latest date in the data for the year, 31 December once the data runs into December; a month means its last day)',
    )
    .option('--tolerance <percent>', 'pace: on-track band around expected-to-date, in percent (default: config, else 5)')
    .option('--fail-if-behind', 'print the result, then exit 3 if any target is behind or missed (for cron)');
  addOutputOptions(addInputOptions(cmd))
    .addHelpText('after', EXAMPLES)
    .action((files: string[], flags: ProgressFlags) =>
      runPipeline(cmd, files, flags, {
        options: (flags, config, input): ProgressOptions => {
          const requests = pickTargets(flags, config);
          const settings = progressSettings(flags, config, input.dateFormat);
          return { requests, ...settings, valuation: valuationFor(requests, config) };
        },
        // Progress counts visitors and delegations by date: no text field.
        fields: () => new Set(),
        sink: ({ valuation, requests }) => ({ name: 'metrics', options: { valuation, destinations: targetDestinations(requests) } }),
        result: (sink, input, options) => {
          const kinds = new Set(input.files.map((f) => f.kind));
          const measured = options.requests.map((request): MeasuredTarget => {
            const metric = chooseMetric(request, kinds);
            const progress = measure(targetSeries(sink, request, metric), metric, request, options, sink.all().annualYears);
            // The destination as the data spells it (most rows), not as the config happens to.
            const at = request.destination && sink.figures.destinationName(destinationKey(request.destination));
            return { source: request.source, progress, ...(at ? { destination: at } : {}) };
          });
          return { measured, bands: options.bands, input };
        },
        view: ({ measured, bands, input }, view) => progressView(measured, bands, input, view),
        done: ({ measured }) => {
          if (flags.failIfBehind) failIfBehind(measured);
        },
      }),
    );
}

/** --target makes one target; otherwise the config's, picked by --metric and --year. */
function pickTargets(flags: ProgressFlags, config: Config): TargetRequest[] {
  const requests = targetRequests(flags, config);
  if (flags.target !== undefined) return requests;
  if (requests.length === 0) throw new UsageError('give --target N, or "targets" in a --config file');
  const year = flags.year === undefined ? undefined : Number(flags.year);
  const picked = requests.filter(
    (t) => (flags.metric === undefined || t.metric === flags.metric) && (year === undefined || t.year === year),
  );
  if (picked.length === 0) {
    const wanted = [flags.metric, year].filter((x) => x !== undefined).join(' ');
    throw new UsageError(`the config has no target for ${wanted}; give --target N`);
  }
  return picked;
}
