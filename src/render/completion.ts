/**
 * Shell completion scripts for bash, zsh and fish, written from a description of the program's commands
 * and options (src/commands/completion.ts makes it from the commander program). Each script is static:
 * the lists are written into it, so completing never starts visitstat.
 */

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface OptionSpec {
  long: string;
  short: string | null;
  description: string;
  takesValue: boolean;
  /** Values to offer for the option's argument (none: free text, or a file when `file`). */
  values: readonly string[];
  /** The argument is a file name. */
  file: boolean;
  /** The argument is a comma-separated list of `values`. */
  list: boolean;
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** Its arguments are input files. */
  takesFiles: boolean;
  /** Fixed values of its argument (e.g. the shells of `completion`). */
  argumentValues: readonly string[];
}

export interface CompletionSpec {
  name: string;
  options: OptionSpec[];
  commands: CommandSpec[];
}

export function completionScript(shell: Shell, spec: CompletionSpec): string {
  switch (shell) {
    case 'bash':
      return bashScript(spec);
    case 'zsh':
      return zshScript(spec);
    case 'fish':
      return fishScript(spec);
  }
}

const flagsOf = (o: OptionSpec): string[] => (o.short ? [o.short, o.long] : [o.long]);

// ---- bash ----------------------------------------------------------------------------------------

function bashScript(spec: CompletionSpec): string {
  const fn = `_${spec.name}`;
  const top = [...spec.commands.map((c) => c.name), ...spec.options.flatMap(flagsOf)].join(' ');
  const commandCases = spec.commands.map((cmd) => bashCommandCase(cmd, fn)).join('\n');
  return `# bash completion for ${spec.name}: ${spec.name} completion bash
${fn}_files() {
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

${fn}_words() {
  mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
}

# A comma-separated list: complete the value after the last comma.
${fn}_list() {
  local done=
  [[ $cur == *,* ]] && done=\${cur%,*},
  mapfile -t COMPREPLY < <(compgen -P "$done" -W "$1" -- "\${cur##*,}")
  compopt -o nospace 2>/dev/null
}

${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd= i
  # --option=value: bash splits the word at '='.
  if [[ $cur == = ]]; then
    cur=
  elif [[ $prev == = ]]; then
    prev=\${COMP_WORDS[COMP_CWORD-2]}
  fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in
      ${spec.commands.map((c) => c.name).join('|')}) cmd=\${COMP_WORDS[i]}; break ;;
    esac
  done
  case $cmd in
    '') ${fn}_words ${shellWord(top)} ;;
${commandCases}
  esac
}

complete -F ${fn} ${spec.name}
`;
}

function bashCommandCase(cmd: CommandSpec, fn: string): string {
  // Options that take a value, grouped by what completes it (nothing, for a value to type).
  const byAction = new Map<string, string[]>();
  for (const o of cmd.options.filter((o) => o.takesValue)) {
    const action = o.file
      ? `${fn}_files`
      : o.values.length === 0
        ? ':'
        : `${fn}_${o.list ? 'list' : 'words'} ${shellWord(o.values.join(' '))}`;
    byAction.set(action, [...(byAction.get(action) ?? []), ...flagsOf(o)]);
  }
  const valueCases = [...byAction].map(([action, flags]) => `        ${flags.join('|')}) ${action}; return ;;`);
  const options = cmd.options.flatMap(flagsOf).join(' ');
  const operand = cmd.takesFiles
    ? `${fn}_files`
    : cmd.argumentValues.length
      ? `${fn}_words ${shellWord(cmd.argumentValues.join(' '))}`
      : ':';
  return [
    `    ${cmd.name})`,
    ...(valueCases.length ? ['      case $prev in', ...valueCases, '      esac'] : []),
    `      if [[ $cur == -* ]]; then ${fn}_words ${shellWord(options)}; else ${operand}; fi ;;`,
  ].join('\n');
}

/** A single-quoted shell word. */
function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

// ---- zsh -----------------------------------------------------------------------------------------

function zshScript(spec: CompletionSpec): string {
  const fn = `_${spec.name}`;
  const commands = spec.commands.map((c) => `    ${shellWord(`${c.name}:${c.description.replace(/:/g, '\\:')}`)}`).join('\n');
  const cases = spec.commands
    .map((cmd) =>
      [
        `        ${cmd.name})`,
        '          _arguments -s \\',
        ...zshArgs(cmd).map((a) => `            ${a} \\`),
        '            && ret=0 ;;',
      ].join('\n'),
    )
    .join('\n');
  const top = spec.options.map((o) => `    '(- *)'${zshFlags(o)}${shellWord(`[${zshText(o.description)}]`)} \\`).join('\n');
  return `#compdef ${spec.name}
# zsh completion for ${spec.name}: ${spec.name} completion zsh
${fn}() {
  local curcontext=$curcontext state line ret=1
  typeset -A opt_args
  _arguments -C \\
${top}
    '1: :->command' \\
    '*:: :->args' && return 0
  case $state in
    command)
      local -a commands=(
${commands}
      )
      _describe -t commands '${spec.name} command' commands && ret=0 ;;
    args)
      curcontext=\${curcontext%:*:*}:${spec.name}-$line[1]:
      case $line[1] in
${cases}
      esac ;;
  esac
  return ret
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${spec.name}
fi
`;
}

function zshArgs(cmd: CommandSpec): string[] {
  const args = cmd.options.map((o) => {
    const exclusive = o.short ? `'(${o.short} ${o.long})'` : '';
    const help = `[${zshText(o.description)}]`;
    if (!o.takesValue) return `${exclusive}${zshFlags(o)}${shellWord(help)}`;
    const what = o.long.replace(/^--/, '');
    const action = o.file
      ? '_files'
      : o.values.length === 0
        ? ' '
        : o.list
          ? `_sequence compadd - ${o.values.join(' ')}`
          : `(${o.values.join(' ')})`;
    return `${exclusive}${zshFlags(o, '=')}${shellWord(`${help}:${what}:${action}`)}`;
  });
  if (cmd.takesFiles) args.push(`'*:file:_files'`);
  else if (cmd.argumentValues.length) args.push(shellWord(`1:value:(${cmd.argumentValues.join(' ')})`));
  return args;
}

/** `{-o,--output}` or `--kind`, with `=` after a long option that takes a value (as `--kind=json` or `--kind json`). */
function zshFlags(o: OptionSpec, valueMark = ''): string {
  return o.short ? `{${o.short},${o.long}${valueMark}}` : `${o.long}${valueMark}`;
}

/** Text inside an _arguments [description]: brackets and colons escaped. */
function zshText(text: string): string {
  return text.replace(/([[\]:\\])/g, '\\$1');
}

// ---- fish ----------------------------------------------------------------------------------------

function fishScript(spec: CompletionSpec): string {
  const c = `complete -c ${spec.name}`;
  const lines = [`# fish completion for ${spec.name}: ${spec.name} completion fish`, `${c} -f`];
  const noCommand = `-n ${fishWord(`not __fish_seen_subcommand_from ${spec.commands.map((cmd) => cmd.name).join(' ')}`)}`;
  for (const cmd of spec.commands) lines.push(`${c} ${noCommand} -a ${cmd.name} -d ${fishWord(cmd.description)}`);
  for (const o of spec.options) lines.push(`${c} ${noCommand} ${fishOption(o)}`);
  for (const cmd of spec.commands) {
    const seen = `-n ${fishWord(`__fish_seen_subcommand_from ${cmd.name}`)}`;
    for (const o of cmd.options) lines.push(`${c} ${seen} ${fishOption(o)}`);
    if (cmd.takesFiles) lines.push(`${c} ${seen} -F`);
    else if (cmd.argumentValues.length) lines.push(`${c} ${seen} -a ${fishWord(cmd.argumentValues.join(' '))}`);
  }
  return lines.join('\n') + '\n';
}

function fishOption(o: OptionSpec): string {
  const names = [o.short ? `-s ${o.short.slice(1)}` : '', `-l ${o.long.slice(2)}`].filter(Boolean).join(' ');
  const value = !o.takesValue ? '' : o.file ? ' -r -F' : o.values.length ? ` -x -a ${fishWord(o.values.join(' '))}` : ' -x';
  return `${names}${value} -d ${fishWord(o.description)}`;
}

function fishWord(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}
