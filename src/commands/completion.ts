/**
 * visitstat completion bash|zsh|fish
 *
 * Prints a shell completion script made from the program itself: its commands, their options, the
 * values an option takes (its choices, or the values a command declared with `suggest`), and file names
 * for inputs and for options that name a file. Static: pressing TAB never starts Node.
 */
import { Argument, type Command, type Option } from 'commander';
import { type CompletionSpec, type OptionSpec, SHELLS, type Shell, completionScript } from '../render/completion';

const EXAMPLES = `
Examples:
  $ visitstat completion bash > ~/.local/share/bash-completion/completions/visitstat
  $ visitstat completion zsh > "\${fpath[1]}/_visitstat"
  $ visitstat completion fish > ~/.config/fish/completions/visitstat.fish
  $ source <(visitstat completion bash)      # this shell only`;

/** Options whose value is a file name. */
const FILE_OPTIONS = new Set(['--output', '--rejects', '--config']);

/** Values offered for an option whose argument is free text to commander (a list, or aliases it parses). */
const suggestions = new WeakMap<Option, readonly string[]>();

/** Declares the values completion offers for an option that has no `choices` (e.g. a comma-separated list). */
export function suggest(option: Option, values: readonly string[]): Option {
  suggestions.set(option, values);
  return option;
}

export function register(program: Command): void {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS))
    .addHelpText('after', EXAMPLES)
    .action((shell: Shell) => {
      process.stdout.write(completionScript(shell, completionSpec(program)));
    });
}

/** What a completion script needs to know of the program. */
export function completionSpec(program: Command): CompletionSpec {
  return {
    name: program.name(),
    options: [...program.options.filter((o) => !o.hidden).map(optionSpec), HELP_OPTION],
    commands: program.commands.map((cmd) => ({
      name: cmd.name(),
      description: cmd.description(),
      options: [...cmd.options.filter((o) => !o.hidden).map(optionSpec), HELP_OPTION],
      takesFiles: cmd.registeredArguments.some((a) => a.name() === 'files'),
      argumentValues: cmd.registeredArguments.flatMap((a) => a.argChoices ?? []),
    })),
  };
}

const HELP_OPTION: OptionSpec = {
  long: '--help',
  short: '-h',
  description: 'display help for command',
  takesValue: false,
  values: [],
  file: false,
  list: false,
};

function optionSpec(option: Option): OptionSpec {
  const suggested = suggestions.get(option);
  return {
    long: option.long ?? '',
    short: option.short ?? null,
    description: option.description,
    takesValue: option.required || option.optional,
    values: option.argChoices ?? suggested ?? [],
    file: FILE_OPTIONS.has(option.long ?? ''),
    list: suggested !== undefined,
  };
}
