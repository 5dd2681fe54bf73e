/**
 * visitstat progress FILES --target N [--metric M] [--year Y] [--as-of DATE] [--tolerance P] [--fail-if-behind]
 *
 * Progress toward yearly targets: achieved, expected to date (linear and seasonal), projected year-end,
 * required rate, year-on-year, status and rating band. One target from the flags, or several from the
 * config file's `targets` (then --metric and --year pick among them). With --fail-if-behind the full
 * result is printed first, then the exit code is 3 when any target is behind.
 */
import { type Command, Option } from 'commander';
import type { Config } from '../config';
import { BehindTargetError, UsageError } from '../errors';
import type { ValuationPlan } from '../model/metrics';
import { METRICS } from '../model/progress';
import { type MeasuredTarget, progressView } from './progress-view';
import { type InputFlags, type OutputFlags, addInputOptions, addOutputOptions, runPipeline } from './shared';
import {
  type ProgressSettings,
  type TargetFlags,
  type TargetRequest,
  chooseMetric,
  measure,
  progressSettings,
  seriesOf,
  targetRequests,
  valuationFor,
} from './targets';

const EXAMPLES = `
Examples:
  $ visitstat progress fixtures/sample/delegations-2017.csv fixtures/sample/delegations-2018.csv --target 50000
  $ visitstat progress fixtures/sample/delegations-*.csv --target 50000 --year 2018 --as-of 2018-06-30
  $ visitstat progress fixtures/sample/arrivals-*.csv --metric foreign --target 100000 --year 2017
  $ visitstat progress fixtures/sample/*.csv --config fixtures/config/targets.json --format json
  $ visitstat progress data/*.csv --config targets.json --fail-if-behind -o progress.md   # cron: exit 3 when behind

Without --target, the targets come from the config file ("targets": [{"metric", "year", "value"}]).
The default metric is visitors for delegation logs and total for arrivals; with both, give --metric.`;

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
    .description('progress toward yearly targets: achieved, expected, projected, required, status and band')
    .argument('<files...>', 'CSV files, or - for standard input')
    .option('--target <n>', 'the yearly target (50000 or 50.000); without it, the config file targets')
    .addOption(new Option('--metric <metric>', 'what the target counts (default: visitors for delegation logs, total for arrivals)').choices([...METRICS]))
    .option('--year <year>', 'the target year (default: the latest year in the data)')
    .option('--as-of <date>', 'measure as of this date (default: the latest date in the data for the year; a month means its last day)')
    .option('--tolerance <percent>', 'on-track band around expected-to-date, in percent (default: config, else 5)')
    .option('--fail-if-behind', 'print the result, then exit 3 if any target is behind (for cron)');
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
        sink: ({ valuation }) => ({ name: 'metrics', options: { valuation } }),
        result: (metrics, input, options) => {
          const kinds = new Set(input.files.map((f) => f.kind));
          const measured = options.requests.map((request): MeasuredTarget => {
            const metric = chooseMetric(request, kinds);
            return { source: request.source, progress: measure(seriesOf(metrics, metric), metric, request, options) };
          });
          return { measured, bands: options.bands, input };
        },
        view: ({ measured, bands, input }, view) => progressView(measured, bands, input, view),
        done: ({ measured }) => {
          const behind = measured.filter((m) => m.progress.status === 'behind');
          if (flags.failIfBehind && behind.length > 0) {
            throw new BehindTargetError(`behind target: ${behind.map((m) => `${m.progress.metric} ${m.progress.year}`).join(', ')}`);
          }
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
  const picked = requests.filter((t) => (flags.metric === undefined || t.metric === flags.metric) && (year === undefined || t.year === year));
  if (picked.length === 0) {
    const wanted = [flags.metric, year].filter((x) => x !== undefined).join(' ');
    throw new UsageError(`the config has no target for ${wanted}; give --target N`);
  }
  return picked;
}
