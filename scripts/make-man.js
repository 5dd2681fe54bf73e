#!/usr/bin/env node
/**
 * Writes the manual page visitstat(1) into dist/man/visitstat.1 at build time, from the same help text
 * the program prints (`visitstat --help`, `visitstat <command> --help`), so the two never disagree.
 * The page is assembled as ronn-style Markdown and turned into roff by marked-man.
 *
 * Run by `npm run build` after tsc; reads dist/cli.js.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const { buildProgram } = require(join(ROOT, 'dist', 'cli.js'));
const { EXIT_MEANINGS } = require(join(ROOT, 'dist', 'errors.js'));
const { version } = require(join(ROOT, 'package.json'));

/** A command's whole help as printed, the text added after it (examples) included. */
function helpOf(command) {
  let text = '';
  command.configureOutput({ writeOut: (s) => (text += s), getOutHelpWidth: () => 100 });
  command.outputHelp();
  return text.trimEnd();
}

/** Preformatted text in Markdown: an indented block, each line kept as it is. */
const block = (text) =>
  text
    .split('\n')
    .map((line) => (line ? `    ${line}` : ''))
    .join('\n');

function manMarkdown() {
  const program = buildProgram();
  const commands = program.commands.map((cmd) => `### ${cmd.name()}\n\n${block(helpOf(cmd))}`);
  return `visitstat(1) -- ${program.description().toLowerCase()}
=====

## SYNOPSIS

\`visitstat\` *command* [*options*] *file*...

\`visitstat\` \`completion\` bash|zsh|fish

## DESCRIPTION

visitstat turns logs of delegation visits (wisatawan kinerja) and tourist arrivals (domestic wisatawan
nusantara, foreign wisatawan mancanegara) into the figures a regency tourism office reports: totals,
per-delegation averages, estimated spending and progress toward annual targets, as terminal tables, CSV
for spreadsheets, JSON, Markdown and HTML reports. Files are CSV (a delegation log or arrivals, detected
from the header), or \`-\` for standard input.

${block(helpOf(program))}

## COMMANDS

${commands.join('\n\n')}

## EXIT STATUS

${block(
  Object.entries(EXIT_MEANINGS)
    .map(([code, meaning]) => `${code}  ${meaning}`)
    .join('\n'),
)}

## ENVIRONMENT

${block(`NO_COLOR           no colour on a terminal (as --no-color)
FORCE_COLOR        colour even when stdout is not a terminal
LANG, LC_ALL       Indonesian output (--locale id) when either starts with "id"
VISITSTAT_WORKERS  0 reads big files on one thread`)}

## SEE ALSO

The README of the visitstat package: input rules, every output field, the config file and the methods.
`;
}

const markdown = manMarkdown();
const roff = execFileSync(
  join(ROOT, 'node_modules', '.bin', 'marked-man'),
  ['--no-breaks', '--version', `visitstat ${version}`, '--manual', 'visitstat manual'],
  {
    input: markdown,
    encoding: 'utf8',
  },
);
mkdirSync(join(ROOT, 'dist', 'man'), { recursive: true });
writeFileSync(join(ROOT, 'dist', 'man', 'visitstat.1'), roff);
