/**
 * Builds the commander program and runs it: the one place where errors become messages and exit
 * codes (0 ok, 1 invalid data or unreadable input, 2 usage, 3 a target behind or missed, 4 output not
 * written), never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, EXIT_MEANINGS, VisitstatError, UsageError } from './errors';
import { escapeControls } from './messages';
import { handleClosedStdout } from './render/output';

type Register = (program: Command) => void;

/**
 * Each command's module is loaded only when it can run: startup (`--version`, a short command) must not
 * pay for every command's output and model code. In help order.
 */
const COMMANDS: Record<string, () => Register> = {
  validate: () => require('./commands/validate').register,
  spending: () => require('./commands/spending').register,
  summary: () => require('./commands/summary').register,
  progress: () => require('./commands/progress').register,
  report: () => require('./commands/report').register,
  completion: () => require('./commands/completion').register,
};

/**
 * The commands argv can reach: the one it names; none for a bare `--version`; all of them otherwise
 * (help, no command, an unknown command), so that help and "did you mean" list every command.
 */
function commandsFor(argv: string[]): string[] {
  const first = argv[2];
  // Completion describes every command, so it needs them all.
  if (first !== undefined && first !== 'completion' && Object.hasOwn(COMMANDS, first)) return [first];
  if ((first === '-V' || first === '--version') && argv.length === 3) return [];
  return Object.keys(COMMANDS);
}

const EXAMPLES = `
Examples:
  $ visitstat validate fixtures/sample/*.csv
  $ visitstat validate --skip-invalid --rejects rejects.csv data/*.csv
  $ visitstat spending --locale id fixtures/sample/arrivals-2017.csv fixtures/sample/delegations-2017.csv
  $ visitstat summary --group-by month fixtures/sample/delegations-2016.csv
  $ visitstat progress fixtures/sample/delegations-*.csv --target 50000 --fail-if-behind
  $ visitstat report --config fixtures/config/targets.json -o report.html fixtures/sample/*.csv

Exit codes: ${Object.entries(EXIT_MEANINGS)
  .map(([code, meaning]) => `${code} ${meaning}`)
  .join('; ')}.
Run 'visitstat <command> --help' for a command's options and examples.`;

/** The program with the commands argv can reach (all of them by default, as help and the man page show them). */
export function buildProgram(argv: string[] = []): Command {
  const { version } = require('../package.json') as { version: string };
  const program = new Command('visitstat')
    .description('Delegation visits and tourist arrivals: totals, averages, spending and progress toward targets')
    .version(version, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (text, write) => write(`visitstat: ${text.replace(/^error: /, '')}`) })
    .addHelpText('after', EXAMPLES);
  for (const name of commandsFor(argv)) COMMANDS[name]()(program);
  return program;
}

/** Exit code for whatever a command threw. */
function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version are not failures; commander has already printed its message.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof VisitstatError) {
    const hint = error instanceof UsageError ? ' (run with --help for usage)' : '';
    process.stderr.write(`visitstat: ${escapeControls(error.message)}${hint}\n`);
    return error.exitCode;
  }
  const detail = process.env.VISITSTAT_DEBUG ? (error as Error).stack : escapeControls(String((error as Error)?.message ?? error));
  process.stderr.write(`visitstat: internal error: ${detail}\n(please report it; VISITSTAT_DEBUG=1 shows the trace)\n`);
  return EXIT.data;
}

export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram(argv).parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    return exitCodeFor(error);
  }
}

export function main(): void {
  handleClosedStdout();
  run(process.argv).then(exitOnceFlushed);
}

/**
 * Ends the process as soon as what was written to stdout and stderr has left it, instead of waiting
 * for the event loop to run dry: nothing left open (a timer, a worker, a stream) can keep a cron job
 * alive, and Node never reaches the end-of-loop NodePlatform::DrainTasks, where it can deadlock with
 * a V8 compiler thread waiting for a garbage collection (nodejs/node#54918). Output is never cut:
 * `-o FILE` has been written and synced, and the callback of an empty write comes after every write
 * before it. Were that callback never to come, exitCode still holds the code for a natural exit.
 */
export function exitOnceFlushed(code: number): void {
  process.exitCode = code;
  afterWrites(process.stdout, () => afterWrites(process.stderr, () => process.exit(code)));
}

function afterWrites(stream: NodeJS.WriteStream, then: () => void): void {
  if (stream.destroyed || stream.writableLength === 0) then();
  else stream.write('', () => then());
}
