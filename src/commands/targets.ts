/**
 * What `progress` and `report` share: the targets asked for (--target, or the config's), the settings
 * progress is measured with, the metric a target counts, and the checks that phrase, for the user, what
 * the data cannot give.
 */
import type { Config } from '../config';
import { BehindTargetError, UsageError } from '../errors';
import type { BandSpec } from '../model/bands';
import { DEFAULT_BANDS } from '../model/bands';
import type { CalDate } from '../model/dates';
import type { MetricSink } from '../model/metric-sink';
import { METRIC_INPUT, type MetricSeries, type ValuationPlan } from '../model/metrics';
import { type Metric, type Progress, computeProgress, defaultMetric, latestYear } from '../model/progress';
import type { DailySeries } from '../model/progress-series';
import type { Kind } from '../model/records';
import { checkedTargetValue, configValuation, parseBands, parseBoundary, parseTarget, parseTolerance, parseYear } from './parse';
import type { DateFormat } from '../ingest/values';
import type { MeasuredTarget } from './progress-view';

export interface TargetFlags {
  target?: string;
  metric?: Metric;
  year?: string;
  asOf?: string;
  tolerance?: string;
}

/** A target to measure, before the data says which metric and year it defaults to. */
export interface TargetRequest {
  /** `command line` or `config targets[i]`. */
  source: string;
  metric?: Metric;
  year?: number;
  value: number;
  /** Measured on this destination's arrivals (as written in the config). */
  destination?: string;
}

/** How progress is measured, the same for every target. */
export interface ProgressSettings {
  asOf?: CalDate;
  tolerancePercent: number;
  bands: BandSpec[];
}

export function progressSettings(flags: TargetFlags, config: Config, dateFormat: DateFormat): ProgressSettings {
  return {
    asOf: flags.asOf === undefined ? undefined : parseBoundary(flags.asOf, '--as-of', dateFormat),
    tolerancePercent: parseTolerance(flags.tolerance, config),
    bands: parseBands(config.bands ?? DEFAULT_BANDS),
  };
}

/** --target makes one target (with --metric and --year); otherwise the config's targets. */
export function targetRequests(flags: TargetFlags, config: Config): TargetRequest[] {
  const year = flags.year === undefined ? undefined : parseYear(flags.year);
  if (flags.target !== undefined) return [{ source: 'command line', metric: flags.metric, year, value: parseTarget(flags.target) }];
  return (config.targets ?? []).map((t, i) => ({
    source: `config targets[${i}]`,
    metric: t.metric,
    year: t.year,
    value: checkedTargetValue(t.value, `targets[${i}].value`),
    ...(t.destination === undefined ? {} : { destination: checkedDestination(t.destination, t.metric, i) }),
  }));
}

/** A destination target counts arrivals at it: domestic, foreign or total. */
function checkedDestination(destination: string, metric: Metric, i: number): string {
  if (destination.trim() === '') throw new UsageError(`config: "targets[${i}].destination" is empty`);
  if (metric !== 'domestic' && metric !== 'foreign' && metric !== 'total') {
    throw new UsageError(
      `config: "targets[${i}]" names a destination: its metric must be domestic, foreign or total (arrivals at it), not ${metric}`,
    );
  }
  return destination.trim();
}

/** The destinations the targets name, for the sink to keep their arrivals apart. */
export function targetDestinations(requests: readonly TargetRequest[]): string[] {
  return requests.flatMap((r) => (r.destination === undefined ? [] : [r.destination]));
}

/** The series a target is measured on: its destination's arrivals, or all. */
export function targetSeries(sink: MetricSink, request: TargetRequest, metric: Metric): DailySeries {
  if (request.destination === undefined) return seriesOf(sink.all(), metric);
  const series = sink.destination(request.destination);
  if (series === null)
    throw new UsageError(
      `${request.source}: no arrivals figures for the destination ${JSON.stringify(request.destination)} (no file by destination names it)`,
    );
  return series.series(metric);
}

/** Spending valued as `visitstat spending` values it with the config's settings, when a target counts it. */
export function valuationFor(requests: readonly TargetRequest[], config: Config): ValuationPlan | null {
  return requests.some((r) => r.metric === 'spending') ? configValuation(config) : null;
}

const KIND_TEXT: Record<Kind, string> = {
  delegations: 'a delegation log (date, people)',
  arrivals: 'arrivals data (period, domestic/foreign counts)',
};

/**
 * The metric to measure: the one asked for, checked against the kinds of input read, or the default
 * for the one kind read. Both kinds and no metric is ambiguous (delegation visitors are part of
 * domestic arrivals), so the user must choose.
 */
export function chooseMetric(request: TargetRequest, kinds: ReadonlySet<Kind>): Metric {
  const what = request.source === 'command line' ? '--metric' : `${request.source}: metric`;
  const requested = request.metric;
  if (requested === undefined) {
    if (kinds.size === 1) return defaultMetric([...kinds][0]);
    if (kinds.size === 0) throw new UsageError('no input files to measure progress from');
    throw new UsageError(
      'the input holds both delegation logs and arrivals; give --metric (visitors or delegations for the logs; domestic, foreign, total or spending for arrivals)',
    );
  }
  const need = METRIC_INPUT[requested];
  if (need !== 'either' && !kinds.has(need)) {
    const had = kinds.size === 0 ? 'no input' : `only ${kinds.has('delegations') ? 'delegation logs' : 'arrivals data'}`;
    throw new UsageError(`${what} ${requested} needs ${KIND_TEXT[need]}, but the input has ${had}`);
  }
  return requested;
}

/** A metric's series, refused when spending was left unvalued for want of nights. */
export function seriesOf(metrics: MetricSeries, metric: Metric): DailySeries {
  if (metric === 'spending') {
    const { kind, rows } = metrics.spendingUnvalued();
    if (kind === 'arrivals' && rows > 0) {
      throw new UsageError('spending per night needs "nights" in the config for arrivals: arrival figures have no nights column');
    }
    if (rows > 0) {
      throw new UsageError(
        `spending per night: ${rows === 1 ? '1 delegation row has' : `${rows} delegation rows have`} no nights; give "nights" in the config or use basis "visit"`,
      );
    }
  }
  return metrics.series(metric);
}

/**
 * Progress toward one target: its year the one asked for, else the latest with data; its as-of the
 * one asked for, else the latest date with data in the year.
 */
export function measure(
  series: DailySeries,
  metric: Metric,
  request: TargetRequest,
  settings: ProgressSettings,
  annualYears: ReadonlySet<number> = new Set(),
): Progress {
  const year = request.year ?? latestYear(series);
  if (year === null) throw new UsageError(`no data to measure progress from${annualOnly(annualYears)}; give --year and --as-of`);
  const { asOf } = settings;
  if (asOf === undefined && series.latestDate(year) === null) {
    const annual = annualYears.has(year) ? ` (only an annual figure, and progress is measured by the day)` : '';
    throw new UsageError(`no data for ${year}${annual}; give --as-of to measure progress anyway`);
  }
  if (asOf !== undefined && asOf.year < year) throw new UsageError(`as-of ${asOf.year} is before the target year ${year}`);
  return computeProgress({
    series,
    metric,
    target: request.value,
    year,
    asOf,
    tolerancePercent: settings.tolerancePercent,
    bands: settings.bands,
  });
}

/** --fail-if-behind: exit 3 naming each target behind (during the year) or missed (once it is over). */
/** Why arrivals read may give no days: years of annual figures only. */
function annualOnly(years: ReadonlySet<number>): string {
  return years.size === 0 ? '' : ` (only annual figures for ${[...years].sort().join(', ')}, and progress is measured by the day)`;
}

export function failIfBehind(measured: readonly MeasuredTarget[]): void {
  const named = (status: string) =>
    measured.filter((m) => m.progress.status === status).map((m) => `${m.progress.metric} ${m.progress.year}`);
  const parts = [
    ['behind', named('behind')],
    ['missed', named('missed')],
  ].filter(([, which]) => which.length > 0);
  if (parts.length > 0)
    throw new BehindTargetError(parts.map(([status, which]) => `${status} target: ${(which as string[]).join(', ')}`).join('; '));
}
