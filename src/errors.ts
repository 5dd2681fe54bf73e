/**
 * Every way visitstat can fail, and the one place that maps them to exit codes.
 * Commands throw these; cli.ts catches them, prints the message and exits.
 */

export const EXIT = {
  ok: 0,
  /** Invalid data or unreadable input. */
  data: 1,
  usage: 2,
  /** A target is behind (or, its year over, missed) and --fail-if-behind was given. */
  behind: 3,
  /** The output (-o, --rejects or standard output) could not be written. */
  output: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What each exit code means, as --help and the manual page list them. */
export const EXIT_MEANINGS: Record<ExitCode, string> = {
  0: 'ok',
  1: 'invalid data or unreadable input',
  2: 'usage error (bad option, bad config file)',
  3: 'a target is behind (or, its year over, missed) and --fail-if-behind was given',
  4: 'output not written (-o, --rejects or standard output: no space left, read-only, a folder, closed...)',
};

export class VisitstatError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong flags, a bad config file, an impossible combination: the user must change the command. */
export class UsageError extends VisitstatError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** A file that cannot be opened, decoded or classified. */
export class InputError extends VisitstatError {
  constructor(message: string) {
    super(message, EXIT.data);
  }
}

/** Rows were invalid and --skip-invalid was not given; the problems were already printed. */
export class InvalidDataError extends VisitstatError {
  constructor(message: string) {
    super(message, EXIT.data);
  }
}

/**
 * The output could not be written (no space, read-only, closed standard output...): the data was fine
 * and so was the command, so neither exit 1 nor the usage hint fits.
 */
export class OutputError extends VisitstatError {
  constructor(message: string) {
    super(message, EXIT.output);
  }
}

/** Not a failure of the tool: the result was printed, and the exit code tells cron a target is behind. */
export class BehindTargetError extends VisitstatError {
  constructor(message: string) {
    super(message, EXIT.behind);
  }
}
