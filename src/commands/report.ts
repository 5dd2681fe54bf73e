/**
 * visitstat report FILES [--config FILE] [--year Y] [--as-of DATE] [--target N [--metric M]]
 *                        [--fail-if-behind] [--quiet]
 *
 * One document for the year: key figures, delegations (totals, by month, top origins, by type and
 * purpose), arrivals (domestic vs foreign by month, growth), spending (rates and formulas), target
 * progress, data quality and the assumptions used. Sections without data are left out with a
 * one-line note. Terminal, markdown, json, or html (one self-contained file with charts). Every
 * input file is read once: one sink feeds every model (src/model/report.ts).
 */
import { type Command, Option } from 'commander';
import type { Config } from '../config';
import { UsageError } from '../errors';
import { readInputs } from '../ingest/inputs';
import { DEFAULT_BANDS, validateBands } from '../model/bands';
import type { CalDate } from '../model/dates';
import { resolveMetric } from '../model/metrics';
import { METRICS, type Metric, computeProgress } from '../model/progress';
import type { RateTable } from '../model/rates';
import type { ReportCollector } from '../model/report';
import { createReportSink, reportSinkRecipe } from '../model/report-sink';
import type { Period } from '../model/period';
import type { Kind } from '../model/records';
import type { ArrivalSummary } from '../model/summary';
import { writeOutput } from '../render';
import { renderHtml } from '../render/html';
import { failIfBehind, parseTarget, parseTolerance, parseYear, spendingValuation } from './target-options';
import type { MeasuredTarget } from './progress-view';
import { type ReportData, type YearChoice, reportCharts, reportDoc, reportJson } from './report-view';
import {
  type InputFlags,
  type OutputFlags,
  type OutputSettings,
  addInputOptions,
  addOutputOptions,
  configOf,
  emit,
  inputOptions,
  outputSettings,
  parseBoundary,
  toStderr,
} from './shared';

const EXAMPLES = `
Examples:
  $ visitstat report fixtures/sample/*.csv
  $ visitstat report --config fixtures/config/targets.json --locale id fixtures/sample/*.csv
  $ visitstat report --year 2018 --target 50000 --metric visitors -o report-2018.html fixtures/sample/*.csv
  $ visitstat report --format json data/*.csv | jq .spending.total
  # cron, on the 1st of each month: an HTML report, silent unless something is wrong
  0 6 1 * * cd /srv/pariwisata && visitstat report --config targets.json --quiet -o /var/www/laporan.html data/*.csv

The year defaults to the latest year with data of every kind read (delegations and arrivals), else
the latest year in the data. Targets come from --target (with --metric when both kinds are read) or
from the config file's targets for that year. --as-of applies to target progress; --from/--to cut the
data itself. Spending rates, basis, bands and tolerance come from the config file.`;

interface ReportFlags extends InputFlags, OutputFlags {
  year?: string;
  asOf?: string;
  target?: string;
  metric?: Metric;
  tolerance?: string;
  failIfBehind?: boolean;
  quiet?: boolean;
}

export function register(program: Command): void {
  const cmd = program
    .command('report')
    .description('one report for a year: key figures, delegations, arrivals, spending, targets, data quality')
    .argument('<files...>', 'CSV files (delegation logs and/or arrivals), or - for standard input')
    .option('--year <year>', 'the year to report (default: the latest year with data of every kind read)')
    .option('--as-of <date>', 'measure target progress as of this date (default: the latest date in the data for the year)')
    .option('--target <n>', 'a yearly target for the report year (default: the config targets for that year)')
    .addOption(new Option('--metric <metric>', 'what --target counts (default: visitors for delegation logs, total for arrivals)').choices([...METRICS]))
    .option('--tolerance <percent>', 'pace: on-track band around expected-to-date, in percent (default: config, else 5)')
    .option('--fail-if-behind', 'write the report, then exit 3 if any target is behind or missed (for cron)')
    .option('-q, --quiet', 'with -o: print nothing on success (errors still go to stderr)');
  addOutputOptions(addInputOptions(cmd), ['table', 'csv', 'json', 'markdown', 'html'])
    .addHelpText('after', EXAMPLES)
    .action((files: string[], flags: ReportFlags) => report(files, flags));
}

async function report(files: string[], flags: ReportFlags): Promise<void> {
  if (flags.quiet && !flags.output) throw new UsageError('--quiet needs -o FILE: without it the report itself is printed');
  const config = configOf(flags);
  const settings = outputSettings(flags, config);
  // The report groups delegations by month, origin, type and purpose (src/model/report.ts): no region.
  const options = { ...inputOptions(flags, config), fields: new Set(['origin', 'type', 'purpose'] as const) };
  const asOf = flags.asOf === undefined ? undefined : parseBoundary(flags.asOf, '--as-of', options.dateFormat);
  const tolerancePercent = flags.tolerance === undefined ? config.tolerance ?? 5 : parseTolerance(flags.tolerance);
  const bands = validateBands(config.bands ?? DEFAULT_BANDS);
  const wantsSpending = flags.target === undefined ? (config.targets ?? []).some((t) => t.metric === 'spending') : flags.metric === 'spending';
  const { basis = 'visit', nights } = config;
  // Plain data, so that a worker reading part of a big file builds the same sink (rates included).
  const sinkOptions = { spending: { basis, nights, rates: config.rates ?? [] }, valuation: wantsSpending ? spendingValuation(config) : null };
  const collector = createReportSink(sinkOptions);
  // One rate table for the estimates and the view: the view names each rate's source by identity.
  const { rates } = collector.spendingOptions;

  // --quiet: diagnostics are kept back, and shown only if the command then fails.
  const held: string[] = [];
  const diagnostics = flags.quiet ? (line: string) => void held.push(line) : toStderr;
  try {
    const policy = { skipInvalid: !!flags.skipInvalid, rejectsPath: flags.rejects };
    const input = await readInputs(files, options, collector, policy, diagnostics, reportSinkRecipe(sinkOptions));
    const data = reportData(collector, input, flags, config, { asOf, tolerancePercent, bands }, rates);
    await write(data, flags, settings);
    if (flags.failIfBehind) failIfBehind(data.targets);
  } catch (error) {
    held.forEach(toStderr);
    throw error;
  }
}

async function write(data: ReportData, flags: ReportFlags, settings: OutputSettings): Promise<void> {
  let doc = reportDoc(data, settings);
  if (settings.format === 'html') return writeOutput(renderHtml(doc, reportCharts(doc, data), settings.locale), flags.output);
  // CSV carries plain numbers: the key-figures table is prose for readers, and every figure in it
  // stands as a plain number in the section tables that follow.
  if (settings.format === 'csv') doc = { ...doc, tables: doc.tables.filter((t) => t.id !== 'overview') };
  await emit({ doc, json: reportJson(data, settings) }, flags, settings);
}

interface ProgressSettings {
  asOf?: CalDate;
  tolerancePercent: number;
  bands: ReturnType<typeof validateBands>;
}

function reportData(
  collector: ReportCollector,
  input: ReportData['input'],
  flags: ReportFlags,
  config: Config,
  progress: ProgressSettings,
  rates: RateTable,
): ReportData {
  const chosen = flags.year === undefined ? collector.defaultYear() : parseYear(flags.year);
  const kinds = new Set(input.files.map((f) => f.kind));
  const yearChoice: YearChoice =
    flags.year !== undefined ? 'option' : chosen === null ? 'none' : kinds.size > 1 && kinds.size === [...kinds].filter((k) => collector.years[k].has(chosen)).length ? 'complete' : 'latest';
  const absent: ReportData['absent'] = [];
  const data: ReportData = {
    year: chosen,
    yearChoice,
    input,
    delegations: null,
    arrivals: null,
    spending: null,
    targets: [],
    bands: progress.bands,
    tolerancePercent: progress.tolerancePercent,
    absent,
  };
  if (chosen === null) {
    absent.push({ section: 'all', reason: { en: 'No rows in the input: only the data quality is shown.', id: 'Masukan tanpa baris: hanya kualitas data yang ditampilkan.' } });
    return data;
  }
  const year = chosen;
  const missing = (section: string, kind: Kind, en: string, id: string) => {
    const had = [...collector.years[kind]].sort();
    const where = had.length ? ` (${had.join(', ')})` : '';
    absent.push({ section, reason: kinds.has(kind) ? { en: `${en}: no ${kind} data for ${year}${where}.`, id: `${id}: tidak ada data ${kind === 'arrivals' ? 'kunjungan' : 'delegasi'} ${year}${where}.` } : { en: `${en}: no ${kind} file given.`, id: `${id}: tidak ada berkas ${kind === 'arrivals' ? 'kunjungan' : 'delegasi'}.` } });
  };

  const delegations = collector.delegations.get(year);
  if (delegations) {
    data.delegations = {
      byMonth: delegations.byMonth.result(),
      byOrigin: delegations.byOrigin.result(),
      byType: delegations.byType.result(),
      byPurpose: delegations.byPurpose.result(),
    };
  } else missing('delegations', 'delegations', 'Delegations left out', 'Delegasi tidak ditampilkan');

  if (collector.years.arrivals.has(year)) data.arrivals = arrivalsOf(collector, year);
  else missing('arrivals', 'arrivals', 'Arrivals left out', 'Kunjungan tidak ditampilkan');

  // Spending of the year's arrivals; of the delegations only when no arrivals were read at all.
  const estimator = collector.spending.get(year);
  const result = estimator?.result();
  if (result && (result.scope === 'arrivals' || !kinds.has('arrivals')) && result.missingNights.delegations === 0) {
    const { basis = 'visit', nights } = config;
    data.spending = { result, rates, input, groupBy: 'year', basis, nights: nights ?? null, from: null, to: null };
  } else missing('spending', 'arrivals', 'Spending left out', 'Belanja tidak ditampilkan');

  data.targets = measureTargets(collector, kinds, year, flags, config, progress, absent);
  return data;
}

/** The year's months (growth against earlier months in the data) and the year beside the previous one. */
const yearOf = (p: Period): number | null => ('year' in p ? p.year : null);

function arrivalsOf(collector: ReportCollector, year: number): { months: ArrivalSummary; years: ArrivalSummary } {
  const all = collector.arrivalsByYear.result();
  const byMonth = collector.arrivalsByMonth.result();
  const row = all.periods.find((p) => yearOf(p.period) === year)!;
  const periods = byMonth.periods.filter((p) => yearOf(p.period) === year);
  const totals = {
    domestic: row.domestic,
    foreign: row.foreign,
    total: periods.some((p) => p.total === null) ? null : row.total,
    foreignShare: row.foreignShare,
    incompletePeriods: periods.filter((p) => p.total === null).length,
  };
  const years = all.periods.filter((p) => yearOf(p.period) === year || yearOf(p.period) === year - 1);
  return { months: { unit: 'month', periods, totals }, years: { unit: 'year', periods: years, totals: all.totals } };
}

function measureTargets(
  collector: ReportCollector,
  kinds: Set<Kind>,
  year: number,
  flags: ReportFlags,
  config: Config,
  settings: ProgressSettings,
  absent: ReportData['absent'],
): MeasuredTarget[] {
  const requests =
    flags.target !== undefined
      ? [{ source: 'command line', metric: flags.metric, value: parseTarget(flags.target) }]
      : (config.targets ?? [])
          .map((t, i) => ({ source: `config targets[${i}]`, metric: t.metric, year: t.year, value: t.value }))
          .filter((t) => t.year === year);
  if (requests.length === 0) {
    absent.push({
      section: 'progress',
      reason: { en: `Target progress left out: no target for ${year} (give --target N or targets in --config).`, id: `Capaian target tidak ditampilkan: tidak ada target ${year} (beri --target N atau targets di --config).` },
    });
    return [];
  }
  const measured: MeasuredTarget[] = [];
  for (const request of requests) {
    const metric = resolveMetric(request.metric, kinds, request.source === 'command line' ? '--metric' : `${request.source}: metric`);
    const series = collector.metrics.series(metric);
    if (settings.asOf === undefined && series.latestDate(year) === null) {
      absent.push({ section: 'progress', reason: { en: `Target ${metric} ${year} left out: no ${metric} data for ${year}.`, id: `Target ${metric} ${year} tidak ditampilkan: tidak ada data ${year}.` } });
      continue;
    }
    const progress = computeProgress({ series, metric, target: request.value, year, asOf: settings.asOf, tolerancePercent: settings.tolerancePercent, bands: settings.bands });
    measured.push({ source: request.source, progress });
  }
  return measured;
}
