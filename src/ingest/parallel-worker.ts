/**
 * The worker of parallel.ts: reads its part of the file with the serial reader's own code, resumed
 * after the header, into a sink built from the command's SinkSpec (src/model/sinks.ts), and posts back
 * the sink's state (toData), the counts and the rejected rows (at most MAX_REJECTS: beyond, the main
 * thread reads the part itself).
 */
import { parentPort } from 'node:worker_threads';
import { createSink } from '../model/sinks';
import { fileChunks } from './file-chunks';
import type { WorkerMessage, WorkerSetup } from './parallel';
import type { Problem } from './problems';
import { FileReader, type RejectedRow } from './reader';
import { InputChecks, PRINTED_WARNINGS, WarningCollector, noChecksPart } from './checks';

const MAX_REJECTS = 10_000;

async function readPart(setup: WorkerSetup): Promise<WorkerMessage> {
  const sink = createSink(setup.sink);
  const rejects: RejectedRow[] = [];
  const log = {
    reject(problems: Problem[], raw: string): void {
      if (rejects.length === MAX_REJECTS) throw new Error('too many rejected rows to hand over');
      rejects.push({ problems, raw });
    },
  };
  // The part's warnings are kept, as many as the command prints, to be said in order by the main thread.
  const checks =
    setup.checks &&
    new InputChecks(setup.checks.settings, new WarningCollector(PRINTED_WARNINGS), undefined, undefined, setup.checks.repeatedLimit);
  const file = FileReader.resumed(setup.name, setup.options, sink, log, setup.tuning, setup.state, checks);
  for await (const chunk of fileChunks(setup.path, setup.start, setup.end)) {
    file.feed(chunk);
    parentPort!.postMessage({ progress: chunk.length });
  }
  file.finish();
  return { counts: file.counts(), dates: file.trackedDates(), rejects, data: sink.toData(), checks: checks?.part() ?? noChecksPart() };
}

parentPort!.once('message', (setup: WorkerSetup) =>
  readPart(setup).then(
    // The staged rows are moved, not copied.
    (message) => parentPort!.postMessage(message, 'checks' in message ? [message.checks.rows.rows.buffer as ArrayBuffer] : []),
    (e: unknown) => parentPort!.postMessage({ failed: String(e) }),
  ),
);
