/**
 * Every output format, registered once: what a view must give it (machine or human cells), which `-o`
 * extensions imply it, which commands offer it, and its renderer. A format is added by writing its
 * renderer and registering it here; `--format`'s choices, `-o FILE`'s extensions and the output
 * settings of every command follow.
 *
 * Each renderer is loaded only when its format is used: a JSON or CSV run must not pay for chalk and
 * the text measuring of tables, nor a table run for d3-dsv.
 */
import { extname } from 'node:path';
import type { Chart } from './charts';
import type { Doc } from './doc';
import { renderJson } from './json';
import type { Locale } from './locale';

/**
 * What a command's view gives every format: the Doc, the JSON document, and charts for formats that
 * draw. The Doc and the JSON document may be given as functions that build them, so that only the one
 * the format needs is built (a summary of a million groups must not be laid out twice).
 */
export interface Rendered {
  /** What table, csv, markdown and html show. */
  doc: Doc | (() => Doc);
  /** The `--format json` document: the command's result with documented camelCase fields. */
  json: unknown;
  charts?: Chart[];
  /** Lines for stderr, said before the output: what a rows-only format cannot hold. */
  stderr?: string[];
}

export interface RenderSettings {
  locale: Locale;
  /** Terminal table only; decided by shouldColor. */
  color: boolean;
  /** Terminal table only: the columns every line must fit in (the terminal's, or --width); none when undefined. */
  width?: number;
  /** CSV only: `;`, decimal comma, CRLF and BOM. */
  excel?: boolean;
  /** CSV only: a UTF-8 BOM. */
  bom?: boolean;
}

export interface OutputFormat {
  /** For programs: the view writes plain numbers, ISO periods and fixed words; else for people. */
  readonly machine: boolean;
  /** Data rows only: no title, notes or counts line. */
  readonly rowsOnly: boolean;
  /** Coloured on a terminal (when shouldColor says so). */
  readonly colors?: boolean;
  /** Bytes for a program to open, not for the screen: refused when stdout is a terminal. */
  readonly binary?: boolean;
  /** The extensions of `-o FILE` that imply it when `--format` is absent. */
  readonly extensions: readonly string[];
  /** The commands that offer it; every command when absent. */
  readonly commands?: readonly string[];
  /** Text, or the bytes of a binary format (which a writer may make asynchronously). */
  render(output: Rendered, settings: RenderSettings): string | Buffer | Promise<Buffer>;
}

export const FORMATS = {
  table: {
    machine: false,
    rowsOnly: false,
    colors: true,
    extensions: ['.txt'],
    render: (output, { locale, color, width }) =>
      (require('./table') as typeof import('./table')).renderTable(docOf(output), locale, color, width),
  },
  csv: {
    machine: true,
    rowsOnly: true,
    extensions: ['.csv'],
    render: (output, settings) => (require('./csv') as typeof import('./csv')).renderCsv(docOf(output), settings),
  },
  json: { machine: true, rowsOnly: false, extensions: ['.json'], render: (output) => renderJson(built(output.json)) },
  markdown: {
    machine: false,
    rowsOnly: false,
    extensions: ['.md', '.markdown'],
    render: (output, { locale }) => (require('./markdown') as typeof import('./markdown')).renderMarkdown(docOf(output), locale),
  },
  html: {
    machine: false,
    rowsOnly: false,
    extensions: ['.html', '.htm'],
    commands: ['report'],
    render: (output, { locale }) => (require('./html') as typeof import('./html')).renderHtml(docOf(output), output.charts ?? [], locale),
  },
  xlsx: {
    machine: false,
    rowsOnly: false,
    binary: true,
    extensions: ['.xlsx'],
    render: (output, { locale }) => (require('./xlsx') as typeof import('./xlsx')).renderXlsx(docOf(output), locale),
  },
} satisfies Record<string, OutputFormat>;

export type Format = keyof typeof FORMATS;

/** A part of a Rendered given as a function: built now. */
function built<T>(part: T | (() => T)): T {
  return typeof part === 'function' ? (part as () => T)() : part;
}

/** The output's Doc, built if it was given as a function. */
export function docOf(output: Rendered): Doc {
  return built(output.doc);
}

/** The formats a command offers, in registration order. */
export function formatsFor(command: string): Format[] {
  return (Object.keys(FORMATS) as Format[]).filter((name) => {
    const commands = (FORMATS[name] as OutputFormat).commands;
    return commands === undefined || commands.includes(command);
  });
}

/** The format `-o FILE` implies when `--format` is absent; undefined for an unknown extension. */
export function formatFromPath(path: string): Format | undefined {
  const extension = extname(path).toLowerCase();
  return (Object.keys(FORMATS) as Format[]).find((name) => (FORMATS[name].extensions as readonly string[]).includes(extension));
}

/** Every `-o` extension that implies a format, for messages. */
export function knownExtensions(): string[] {
  return (Object.keys(FORMATS) as Format[]).flatMap((name) => FORMATS[name].extensions as readonly string[]);
}

/** A command's output in a format. */
export function renderDoc(format: Format, output: Rendered, settings: RenderSettings): string | Buffer | Promise<Buffer> {
  return (FORMATS[format] as OutputFormat).render(output, settings);
}
