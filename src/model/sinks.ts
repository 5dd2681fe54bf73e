/**
 * The one registry of the sinks a command can read into (RowSinks, row-sink.ts).
 *
 * A big file is read on two threads (src/ingest/parallel.ts): the worker builds a sink like the
 * command's from a SinkSpec, `{ name, options }`, the options already parsed into plain data (rate
 * rules, numbers, dates) that cross to the worker as they are; it reads its part into it and sends back
 * the sink's state (toData), which the command's sink absorbs. The registry is typed, so the compiler
 * checks every spec against the factory it names.
 */
import type { MergeableSink } from './row-sink';

export type { MergeableSink, RowSink } from './row-sink';

/**
 * Each command's sink by name. Loaded only when built: a command must not pay at start-up for the
 * models of the others.
 */
const SINKS = {
  summary: (options: import('./summary-sink').SummarySinkOptions) =>
    (require('./summary-sink') as typeof import('./summary-sink')).createSummarySink(options),
  spending: (options: import('./spending-sink').SpendingSinkOptions) =>
    (require('./spending-sink') as typeof import('./spending-sink')).createSpendingSink(options),
  metrics: (options: import('./metric-sink').MetricSinkOptions) =>
    (require('./metric-sink') as typeof import('./metric-sink')).createMetricSink(options),
  report: (options: import('./report-sink').ReportSinkOptions) =>
    (require('./report-sink') as typeof import('./report-sink')).createReportSink(options),
} satisfies Record<string, (options: never) => MergeableSink>;

export type SinkName = keyof typeof SINKS;
export type SinkOptions<N extends SinkName> = Parameters<(typeof SINKS)[N]>[0];
export type SinkOf<N extends SinkName> = ReturnType<(typeof SINKS)[N]>;

/** How to build a sink: in the command, and again in a worker. Plain data. */
export interface SinkSpec<N extends SinkName = SinkName> {
  name: N;
  options: SinkOptions<N>;
}

export function createSink<N extends SinkName>(spec: SinkSpec<N>): SinkOf<N> {
  const factory = SINKS[spec.name] as (options: SinkOptions<N>) => SinkOf<N>;
  return factory(spec.options);
}
