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
import { InputError, UsageError } from '../errors';
import { type InputSummary, oneKindOfRows } from '../ingest/inputs';
import type { InputOptions } from '../ingest/reader';
import { Coverage } from '../model/coverage';
import type { ValuationPlan } from '../model/metrics';
import { METRICS, type Metric, defaultMetric } from '../model/progress';
import type { ReportCollector } from '../model/report';
import type { ReportSinkOptions } from '../model/report-sink';
import type { Period } from '../model/period';
import type { CalDate } from '../model/dates';
import type { Kind } from '../model/records';
import { destinationKey } from '../model/arrival-key';
import type { AnnualFigure, ArrivalSummary, DelegationSummary } from '../model/summary';
import { type Locale, bilingual, formatInt, formatMoneyShort, label } from '../render';
import type { Label } from '../render/doc';
import { METRIC_NAMES, targetSource } from '../render/glossary';
import type { ArrivalGroup, ArrivalGroups } from '../model/summary-breakdown';
import { countryName } from './arrival-groups-view';
import type { MeasuredTarget } from './progress-view';
import { basisOf, parseNights, parseYear, rateRules } from './parse';
import { TOP_GROUPS, type ReportData, type TopGroups, type YearChoice, reportView } from './report-view';
import { monthPairs } from './report-year-on-year';
import { type InputFlags, type OutputFlags, addInputOptions, addOutputOptions, runPipeline } from './shared';
import {
  type ProgressSettings,
  type TargetFlags,
  type TargetRequest,
  chooseMetric,
  failIfBehind,
  measure,
  progressSettings,
  seriesOf,
  targetDestinations,
  targetRequests,
  valuationFor,
} from './targets';

const EXAMPLES = `
Examples:
  $ visitstat report "$(visitstat sample-path)"/*.csv
  $ visitstat report --config "$(visitstat sample-path)"/../config/targets.json --locale id "$(visitstat sample-path)"/*.csv
  $ visitstat report --year 2018 --target 50000 --metric visitors -o report-2018.html "$(visitstat sample-path)"/*.csv
  $ visitstat report --format json data/*.csv | jq .spending.total
  $ visitstat report --config "$(visitstat sample-path)"/../config/destinations-markets.json "$(visitstat sample-path)"/arrivals-*.csv \
      "$(visitstat sample-path)"/destinasi-2016-2017.csv "$(visitstat sample-path)"/wisman-negara-2016-2017.csv
  # cron, on the 1st of each month: an HTML report, silent unless something is wrong
  0 6 1 * * cd /srv/pariwisata && visitstat report --config targets.json --quiet -o /var/www/laporan.html data/*.csv

The year defaults to the latest year with data of every kind read (delegations and arrivals), else
the latest year in the data; a --year the data has no rows of is an error (exit 1) naming the years
it has. Targets come from --target or from the config file's targets for that year. --target without
--metric counts visitors for delegation logs, total for arrivals; with both kinds of file, what the
config's target for the year counts (of several, the one of the same value), else delegation
visitors, and the report says which. --as-of applies to target progress; --from/--to cut the
data itself. Spending rates, basis, bands and tolerance come from the config file.
Files by destination or country add the top destinations and source markets; they break down the
same arrivals as the totals, so they are checked against them, never added to them.`;

interface ReportFlags extends InputFlags, OutputFlags, TargetFlags {
  failIfBehind?: boolean;
  title?: string;
}

interface ReportOptions {
  /** --year, else chosen from the data. */
  year?: number;
  requests: TargetRequest[];
  /** The config's targets, which name the metric --target counts when both kinds of file are read. */
  configTargets: TargetRequest[];
  progress: ProgressSettings;
  sink: ReportSinkOptions;
  /** --title, else the config's; the office from the config. */
  title: string | null;
  office: string | null;
}

export function register(program: Command): void {
  const cmd = program
    .command('report')
    .description('one report for a year: key figures, delegations, arrivals, spending, targets, data quality')
    .argument('<files...>', 'CSV files or .xlsx workbooks (delegation logs and/or arrivals), or - for standard input (CSV)')
    .option('--year <year>', 'the year to report (default: the latest year with data of every kind read)')
    .option('--as-of <date>', 'measure target progress as of this date (default: the latest date in the data for the year)')
    .option('--target <n>', 'a yearly target for the report year (default: the config targets for that year)')
    .addOption(
      new Option('--metric <metric>', 'what --target counts (default: visitors for delegation logs, total for arrivals)').choices([
        ...METRICS,
      ]),
    )
    .option('--tolerance <percent>', 'pace: on-track band around expected-to-date, in percent (default: config, else 5)')
    .option('--title <text>', 'the report title (default: config "title", else "Tourism report YEAR")')
    .option('--fail-if-behind', 'write the report, then exit 3 if any target is behind or missed (for cron)');
  addOutputOptions(addInputOptions(cmd))
    .addHelpText('after', EXAMPLES)
    .action((files: string[], flags: ReportFlags) =>
      runPipeline(cmd, files, flags, {
        options: (flags, config, input): ReportOptions => {
          const year = flags.year === undefined ? undefined : parseYear(flags.year);
          const progress = progressSettings(flags, config, input.dateFormat);
          const requests = targetRequests({ ...flags, year: undefined }, config);
          const configTargets = flags.target === undefined ? requests : targetRequests({}, config);
          const valuation: ValuationPlan | null = valuationFor([...requests, ...configTargets], config);
          const spending = { basis: basisOf(undefined, config), nights: parseNights(undefined, config), rates: rateRules(config.rates) };
          const title = flags.title ?? config.title ?? null;
          return {
            year,
            requests,
            configTargets,
            progress,
            // The delegation summaries of the report's year and the year before are all it reads: --year's, or
            // with one kind of rows the latest year read (ReportTally counts no others).
            sink: {
              spending,
              valuation,
              destinations: targetDestinations(requests),
              years: year ?? (oneKindOfRows(files) ? 'latest' : 'all'),
            },
            title,
            office: config.office ?? null,
          };
        },
        // The report groups delegations by month, origin, type and purpose (src/model/report.ts): no region.
        fields: () => new Set(['origin', 'type', 'purpose'] as const),
        sink: (options) => ({ name: 'report', options: options.sink }),
        result: (collector, input, options, read) => reportData(collector, input, options, read),
        view: reportView,
        done: (data) => {
          if (flags.failIfBehind) failIfBehind(data.targets);
        },
      }),
    );
}

function reportData(collector: ReportCollector, input: InputSummary, options: ReportOptions, read: InputOptions): ReportData {
  collector.feedArrivals();
  checkArrivalNights(collector);
  const kinds = new Set(input.files.map((f) => f.kind));
  if (options.year !== undefined) checkYearHasData(collector, options.year, kinds);
  const chosen = options.year ?? collector.defaultYear();
  const cut = { from: read.from, to: read.to };
  const yearChoice: YearChoice =
    options.year !== undefined
      ? 'option'
      : chosen === null
        ? 'none'
        : kinds.size > 1 && kinds.size === [...kinds].filter((k) => collector.years[k].has(chosen)).length
          ? 'complete'
          : 'latest';
  const absent: ReportData['absent'] = [];
  const data: ReportData = {
    year: chosen,
    yearChoice,
    input,
    delegations: null,
    arrivals: null,
    spending: null,
    targets: [],
    delegationCoverage: new Coverage(input.coverage, 'delegations', cut),
    cut,
    title: options.title,
    office: options.office,
    generated: today(),
    delegationFields: fieldsOf(input, 'delegations'),
    bands: options.progress.bands,
    tolerancePercent: options.progress.tolerancePercent,
    absent,
    topDestinations: null,
    topMarkets: null,
    arrivalSources: null,
  };
  if (chosen === null) {
    absent.push({
      section: 'all',
      reason: {
        en: 'No rows in the input: only the data quality is shown.',
        id: 'Masukan tanpa baris: hanya kualitas data yang ditampilkan.',
      },
    });
    return data;
  }
  const year = chosen;
  const missing = (section: string, kind: Kind, en: string, id: string) => {
    const had = [...collector.years[kind]].sort();
    const where = had.length ? ` (${had.join(', ')})` : '';
    absent.push({
      section,
      reason: kinds.has(kind)
        ? {
            en: `${en}: no ${kind} data for ${year}${where}.`,
            id: `${id}: tidak ada data ${kind === 'arrivals' ? 'kunjungan' : 'delegasi'} ${year}${where}.`,
          }
        : { en: `${en}: no ${kind} file given.`, id: `${id}: tidak ada berkas ${kind === 'arrivals' ? 'kunjungan' : 'delegasi'}.` },
    });
  };

  const delegations = collector.delegationsOf(year);
  if (delegations) {
    const category = (summary: DelegationSummary, field: CategoryField) => knownOrAbsent(summary, field, year, data, absent);
    data.delegations = {
      byMonth: delegations.byMonth.result(),
      byOrigin: category(delegations.byOrigin.result(), 'origin'),
      byType: category(delegations.byType.result(), 'type'),
      byPurpose: category(delegations.byPurpose.result(), 'purpose'),
      yearOnYear: [],
    };
    const previous = collector.monthsOf(year - 1);
    if (previous) data.delegations.yearOnYear = monthPairs(data.delegations.byMonth, previous.result(), year, data.delegationCoverage);
  } else missing('delegations', 'delegations', 'Delegations left out', 'Delegasi tidak ditampilkan');

  if (collector.years.arrivals.has(year)) {
    const coverage = new Coverage(input.coverage, 'arrivals', cut);
    data.arrivals = arrivalsOf(collector, year, coverage);
    const sources = collector.figures.sources();
    if (sources.breakdowns.some((dims) => dims.length > 0)) data.arrivalSources = sources;
    data.topDestinations = topOf(collector.arrivalGroups('destination', coverage), year);
    data.topMarkets = topOf(collector.arrivalGroups('country', coverage), year);
  } else missing('arrivals', 'arrivals', 'Arrivals left out', 'Kunjungan tidak ditampilkan');

  // Spending of the year's arrivals; of the delegations only when no arrivals were read at all.
  const estimator = collector.spending.get(year);
  const result = estimator?.result();
  if (result && (result.scope === 'arrivals' || !kinds.has('arrivals')) && result.missingNights.delegations === 0) {
    const { basis, nights } = options.sink.spending;
    data.spending = {
      result,
      rates: collector.spendingOptions.rates,
      input,
      groupName: (key: string, locale: Locale) => countryName(collector.figures.country(key), locale),
      groupBy: 'year',
      basis,
      nights: nights ?? null,
      from: null,
      to: null,
      coverage: new Coverage(input.coverage, result.scope === 'delegations' ? 'delegations' : 'arrivals', cut),
    };
  } else missing('spending', 'arrivals', 'Spending left out', 'Belanja tidak ditampilkan');

  data.targets = measureTargets(collector, kinds, year, options, absent);
  return data;
}

/** The local calendar day the report is made. */
function today(): CalDate {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

type CategoryField = 'origin' | 'type' | 'purpose';

const CATEGORY_SECTIONS: Record<CategoryField, { section: string; en: string; id: string; idField: string }> = {
  origin: { section: 'topOrigins', en: 'Top origins', id: 'Asal instansi terbanyak', idField: 'asal' },
  type: { section: 'delegationsByType', en: 'Delegations by type', id: 'Delegasi per jenis instansi', idField: 'jenis' },
  purpose: { section: 'delegationsByPurpose', en: 'Delegations by purpose', id: 'Delegasi per tujuan', idField: 'tujuan' },
};

/**
 * A section by origin, type or purpose, or null (with the line saying why in `absent`) when no
 * delegation of the year has a value of it: a table of one (unknown) row says nothing.
 */
function knownOrAbsent(
  summary: DelegationSummary,
  field: CategoryField,
  year: number,
  data: ReportData,
  absent: ReportData['absent'],
): DelegationSummary | null {
  if (summary.groups.some((g) => g.key[field] !== null)) return summary;
  const { section, en, id, idField } = CATEGORY_SECTIONS[field];
  absent.push({
    section,
    reason: data.delegationFields.has(field)
      ? {
          en: `${en} left out: no delegation of ${year} has a ${field}.`,
          id: `${id} tidak ditampilkan: tidak ada delegasi ${year} dengan ${idField}.`,
        }
      : {
          en: `${en} left out: the delegation logs have no ${field} column.`,
          id: `${id} tidak ditampilkan: log delegasi tidak punya kolom ${idField}.`,
        },
  });
  return null;
}

/**
 * A --year the data has no row of is a mistake to say, not a report to write: exit 1, naming the
 * years the data has (--from/--to included: a year they cut away has no rows either).
 */
function checkYearHasData(collector: ReportCollector, year: number, kinds: Set<Kind>): void {
  if ([...kinds].some((kind) => collector.years[kind].has(year))) return;
  const years = [...new Set([...collector.years.delegations, ...collector.years.arrivals])].sort((a, b) => a - b);
  throw new InputError(
    years.length === 0
      ? `--year ${year}: the input has no rows (within --from/--to)`
      : `--year ${year}: the data has no rows for ${year}; it has ${years.join(', ')}`,
  );
}

/** The fields (columns) any file of the kind has. */
function fieldsOf(input: InputSummary, kind: Kind): ReadonlySet<string> {
  return new Set(input.coverage.filter((c) => c.kind === kind).flatMap((c) => c.fields));
}

/** Spending per night cannot value arrival figures, which have no nights, without the config's nights. */
function checkArrivalNights(collector: ReportCollector): void {
  for (const estimator of collector.spending.values()) {
    if (estimator.result().missingNights.arrivals > 0) {
      throw new UsageError('spending per night needs "nights" in the config for arrivals: arrival figures have no nights column');
    }
  }
}

/** The year's months (growth against earlier months in the data) and the year beside the previous one. */
const yearOf = (p: Period): number | null => ('year' in p ? p.year : null);

function arrivalsOf(collector: ReportCollector, year: number, coverage: Coverage): { months: ArrivalSummary; years: ArrivalSummary } {
  const all = collector.arrivalsByYear.result(coverage);
  const byMonth = collector.arrivalsByMonth.result(coverage);
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
  const inYears =
    (...wanted: number[]) =>
    (a: AnnualFigure) =>
      wanted.includes(a.year);
  return {
    months: {
      unit: 'month',
      periods,
      totals,
      annualOnly: byMonth.annualOnly.filter(inYears(year)),
      annualOverlapped: byMonth.annualOverlapped.filter(inYears(year)),
    },
    years: {
      unit: 'year',
      periods: years,
      totals: all.totals,
      annualOnly: [],
      annualOverlapped: all.annualOverlapped.filter(inYears(year - 1, year)),
    },
  };
}

/** The report year's groups, most arrivals first: the top ones, and the rest summed. */
function topOf(groups: ArrivalGroups, year: number): TopGroups | null {
  const inYear = groups.groups.filter((g) => g.key.period && yearOf(g.key.period) === year);
  if (inYear.length === 0) return null;
  const value = (g: ArrivalGroup) => (groups.measure === 'foreign' ? g.foreign : g.total) ?? -1;
  const sorted = [...inYear].sort((a, b) => value(b) - value(a));
  return { measure: groups.measure, shown: sorted.slice(0, TOP_GROUPS), rest: sorted.slice(TOP_GROUPS), values: inYear.length };
}

/** A config target for another year: its figures, and the --year that shows it (when the data has that year). */
function otherYearTarget(request: TargetRequest, year: number, collector: ReportCollector): ReportData['absent'][number] {
  const target = request.year!;
  const hasData = collector.years.delegations.has(target) || collector.years.arrivals.has(target);
  const value = (l: Locale) =>
    request.metric === 'spending' ? formatMoneyShort(BigInt(Math.round(request.value)), l) : formatInt(request.value, l);
  const metric = (l: Locale) => (request.metric === undefined ? '' : ` ${l === 'en' ? request.metric : METRIC_NAMES[request.metric].id}`);
  const at = (l: Locale) => (request.destination === undefined ? '' : ` ${l === 'en' ? 'at' : 'di'} ${request.destination}`);
  const what = (l: Locale) => `Target${metric(l)}${at(l)} ${target} (${value(l)})`;
  return {
    section: 'progress',
    reason: bilingual((l) =>
      l === 'en'
        ? `${what(l)} not shown: this report is for ${year}; ${hasData ? `see it with --year ${target}` : `the data has no rows for ${target}`}.`
        : `${what(l)} tidak ditampilkan: laporan ini untuk ${year}; ${hasData ? `lihat dengan --year ${target}` : `data tidak punya baris ${target}`}.`,
    ),
  };
}

function measureTargets(
  collector: ReportCollector,
  kinds: Set<Kind>,
  year: number,
  options: ReportOptions,
  absent: ReportData['absent'],
): MeasuredTarget[] {
  // --target is for the report year; config targets count when they are for it, and the others are named.
  const requests = options.requests.filter((r) => r.source === 'command line' || r.year === year);
  for (const other of options.requests.filter((r) => !requests.includes(r))) absent.push(otherYearTarget(other, year, collector));
  if (requests.length === 0) {
    absent.push({
      section: 'progress',
      reason: {
        en: `Target progress left out: no target for ${year} (give --target N or targets in --config).`,
        id: `Capaian target tidak ditampilkan: tidak ada target ${year} (beri --target N atau "targets" di --config).`,
      },
    });
    return [];
  }
  const measured: MeasuredTarget[] = [];
  for (const request of requests) {
    const { metric, choice } = reportMetric(request, kinds, year, options.configTargets);
    const at = request.destination;
    const own = at === undefined ? null : (collector.destinations.get(destinationKey(at)) ?? null);
    if (at !== undefined && !own?.arrivalsRead) {
      absent.push({
        section: 'progress',
        reason: {
          en: `Target ${metric} at ${at} ${year} left out: no arrivals figures name the destination ${JSON.stringify(at)}.`,
          id: `Target ${METRIC_NAMES[metric].id} di ${at} ${year} tidak ditampilkan: tidak ada angka kunjungan untuk destinasi ${JSON.stringify(at)}.`,
        },
      });
      continue;
    }
    const series = own ? own.series(metric) : seriesOf(collector.metrics, metric);
    if (options.progress.asOf === undefined && series.latestDate(year) === null) {
      absent.push({
        section: 'progress',
        reason: {
          en: `Target ${metric} ${year} left out: no ${metric} data for ${year}${collector.metrics.annualYears.has(year) ? ' by the day (only an annual figure)' : ''}.`,
          id: `Target ${metric} ${year} tidak ditampilkan: tidak ada data ${year}${collector.metrics.annualYears.has(year) ? ' per hari (hanya angka tahunan)' : ''}.`,
        },
      });
      continue;
    }
    measured.push({
      source: request.source,
      progress: measure(series, metric, { ...request, year }, options.progress),
      choice,
      ...(at === undefined ? {} : { destination: collector.figures.destinationName(destinationKey(at)) }),
    });
  }
  return measured;
}

/**
 * The metric a target counts. --target without --metric, with both kinds of file read, counts what
 * the config's target for the year counts (of several, the one of the same value), else the
 * delegation log's visitors; the choice is said in the report, never made silently.
 */
function reportMetric(
  request: TargetRequest,
  kinds: ReadonlySet<Kind>,
  year: number,
  configTargets: readonly TargetRequest[],
): { metric: Metric; choice?: Label } {
  if (request.metric !== undefined || kinds.size < 2) return { metric: chooseMetric(request, kinds) };
  // The config's target for the year; of several, the one of the same value.
  const forYear = configTargets.filter((t) => t.year === year && t.metric !== undefined);
  const configured = forYear.length === 1 ? forYear[0] : forYear.find((t) => t.value === request.value);
  if (configured?.metric) {
    const metric = chooseMetric({ ...request, metric: configured.metric }, kinds);
    return {
      metric,
      choice: metricChoice(
        metric,
        bilingual((l) =>
          l === 'en' ? `as ${configured.source} for ${year}` : `seperti ${label(targetSource(configured.source), l)} untuk ${year}`,
        ),
      ),
    };
  }
  const metric = defaultMetric('delegations');
  return { metric, choice: metricChoice(metric, { en: "the delegation log's default", id: 'bawaan log delegasi' }) };
}

function metricChoice(metric: Metric, why: Label): Label {
  return bilingual(
    (l) =>
      `--target ${l === 'en' ? 'counts' : 'menghitung'} ${label(METRIC_NAMES[metric], l)} (${label(why, l)}; ${l === 'en' ? 'both kinds of file read, --metric chooses another' : 'kedua jenis berkas dibaca, --metric memilih yang lain'})`,
  );
}
