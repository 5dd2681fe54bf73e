/**
 * Differential property tests: the byte scanner against csv-parse, the reference CSV reader, on
 * random CSV (quotes, doubled quotes, embedded delimiters and newlines, CRLF, empty fields, unicode,
 * BOM, ragged rows, blank lines and lines of only spaces), fed in random chunks.
 *
 * The generator builds each input from a model (records of fields), so the physical line each record
 * starts on is known independently of both readers.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { Transcoder, detectEncoding } from '../../src/ingest/decode';
import { CsvScanner, type ScanError } from '../../src/ingest/scanner';
import { propertyRuns } from '../helpers/property';

const RUNS = propertyRuns(Number(process.env.PROPERTY_RUNS ?? 1500));
const DELIMITERS = [',', ';', '\t', '|'] as const;
const LINE_ENDINGS = ['\n', '\r\n', '\r'] as const;

interface Scanned {
  records: { line: number; fields: string[] }[];
  errors: ScanError[];
}

/** Scans `bytes` cut at `cuts` (offsets), through the transcoder as the reader does (drops a BOM). */
function scan(bytes: Buffer, delimiter: string, cuts: number[]): Scanned {
  const out: Scanned = { records: [], errors: [] };
  const scanner = new CsvScanner(delimiter.charCodeAt(0), {
    record: (r) => out.records.push({ line: r.line, fields: Array.from({ length: r.fieldCount }, (_, i) => r.field(i)) }),
    error: (e) => out.errors.push(e),
  });
  const transcoder = new Transcoder(detectEncoding(bytes), 'test');
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b).concat(bytes.length)) {
    scanner.push(transcoder.push(bytes.subarray(from, cut)));
    from = cut;
  }
  scanner.push(transcoder.end());
  scanner.end();
  return out;
}

/**
 * csv-parse's records, less lines of only spaces and tabs (unquoted), which the scanner skips like
 * blank lines (csv-parse skips only empty ones).
 */
function oracle(text: string, delimiter: string, strict = false): string[][] {
  const parsed = parse(text, {
    delimiter,
    bom: true,
    relax_quotes: !strict,
    relax_column_count: true,
    skip_empty_lines: true,
    raw: true,
  }) as unknown as { record: string[]; raw: string }[];
  // `raw` starts with the empty lines skipped before the record.
  const blank = ({ record, raw }: { record: string[]; raw: string }) => record.length === 1 && /^[\r\n]*[ \t]+(\r\n|\r|\n)?$/.test(raw);
  return parsed.filter((r) => !blank(r)).map(({ record }) => record);
}

/** Physical line endings (LF, CRLF, lone CR) in text, as the README counts lines. */
function lineEndings(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

// ---------------------------------------------------------------------------------------------
// Generators

const PLAIN_CHARS = ['a', 'Z', '7', ' ', '.', '-', 'é', '€', '𝄞', 'Ā', '\u00a0', 'ß'];

/** Text with no delimiter, quote or line ending. */
const plainText = fc.array(fc.constantFrom(...PLAIN_CHARS), { maxLength: 8 }).map((cs) => cs.join(''));

/** An unquoted field; with `strayQuotes`, it may hold quotes anywhere but at its start. */
function unquotedField(strayQuotes: boolean): fc.Arbitrary<string> {
  if (!strayQuotes) return plainText;
  return fc
    .tuple(plainText, fc.array(fc.constantFrom('"', '""', 'x"y'), { maxLength: 2 }))
    .map(([text, quotes]) => (text === '' && quotes.length > 0 ? 'q' : text) + quotes.join(''));
}

/** A quoted field whose content may hold anything, the delimiter and line endings included. */
function quotedField(delimiter: string): fc.Arbitrary<string> {
  const piece = fc.oneof(plainText, fc.constantFrom(delimiter, '"', '\n', '\r\n', '\r', ',', ';'));
  return fc.array(piece, { maxLength: 6 }).map((ps) => `"${ps.join('').replace(/"/g, '""')}"`);
}

function field(delimiter: string, strayQuotes: boolean): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: unquotedField(strayQuotes), weight: 3 },
    { arbitrary: quotedField(delimiter), weight: 2 },
    { arbitrary: fc.constant(''), weight: 1 },
  );
}

interface CsvCase {
  delimiter: string;
  lineEnding: string;
  bom: boolean;
  /** Each record as its fields' source text; a record of one empty field is a blank line. */
  records: string[][];
  finalLineEnding: boolean;
}

function csvCase(strayQuotes: boolean): fc.Arbitrary<CsvCase> {
  return fc
    .record({ delimiter: fc.constantFrom(...DELIMITERS), lineEnding: fc.constantFrom(...LINE_ENDINGS) })
    .chain(({ delimiter, lineEnding }) =>
      fc.record({
        delimiter: fc.constant(delimiter),
        lineEnding: fc.constant(lineEnding),
        bom: fc.boolean(),
        records: fc.array(fc.array(field(delimiter, strayQuotes), { minLength: 1, maxLength: 6 }), { maxLength: 12 }),
        finalLineEnding: fc.boolean(),
      }),
    );
}

/** The text of a case and, per record, the physical line it starts on. */
function render(c: CsvCase): { text: string; startLines: number[] } {
  let text = c.bom ? '\ufeff' : '';
  const startLines: number[] = [];
  c.records.forEach((fields, i) => {
    startLines.push(lineEndings(text) + 1);
    text += fields.join(c.delimiter);
    if (i < c.records.length - 1 || c.finalLineEnding) text += c.lineEnding;
  });
  return { text, startLines };
}

/** Offsets to cut an input at: none, one, or many, anywhere (inside characters and CRLFs too). */
const cuts = fc.array(fc.nat({ max: 400 }), { maxLength: 10 });

/** The offset just past the first line ending at or after `from`, or the end of text. */
function afterLine(text: string, from: number): number {
  const m = /\r\n|\r|\n/.exec(text.slice(from));
  return m ? from + m.index + m[0].length : text.length;
}

/** A blank line, or one of only spaces and tabs: not a record. */
const isBlank = (fields: string[]) => fields.length === 1 && /^[ \t]*$/.test(fields[0]);

// ---------------------------------------------------------------------------------------------

describe('scanner vs csv-parse on well-formed CSV', () => {
  test('same records, same fields, lines as written, and no errors, whatever the chunking', () => {
    fc.assert(
      fc.property(csvCase(true), cuts, (c, cutAt) => {
        const { text, startLines } = render(c);
        const bytes = Buffer.from(text, 'utf8');
        const ours = scan(
          bytes,
          c.delimiter,
          cutAt.filter((n) => n < bytes.length),
        );
        expect(ours.errors).toEqual([]);
        expect(ours.records.map((r) => r.fields)).toEqual(oracle(text, c.delimiter));
        const expectedLines = startLines.filter((_, i) => !isBlank(c.records[i]));
        expect(ours.records.map((r) => r.line)).toEqual(expectedLines);
      }),
      { numRuns: RUNS },
    );
  });

  test('one-byte chunks give what one whole buffer gives', () => {
    fc.assert(
      fc.property(csvCase(true), (c) => {
        const bytes = Buffer.from(render(c).text, 'utf8');
        const everyByte = Array.from({ length: bytes.length }, (_, i) => i);
        expect(scan(bytes, c.delimiter, everyByte)).toEqual(scan(bytes, c.delimiter, []));
      }),
      { numRuns: Math.ceil(RUNS / 5) },
    );
  });
});

describe('scanner vs csv-parse on broken quoting', () => {
  /**
   * One record gets a structure error; strict csv-parse (no relaxed quotes, so no stray quotes in the
   * input) must fail on it too. Ours: the same records before it, the error on the line where the
   * broken record starts (text after a closing quote) or where its quote opened (never closed), then
   * the records csv-parse reads from the line after.
   */
  const brokenCase = fc
    .tuple(
      csvCase(false),
      fc.nat(),
      fc.constantFrom('after-quote', 'unclosed'),
      plainText.filter((t) => t !== ''),
    )
    .filter(([c]) => c.records.length > 0);

  test('same records before the error, the error on the right line, and reading resumes after it', () => {
    fc.assert(
      fc.property(brokenCase, cuts, ([c, at, kind, junk], cutAt) => {
        const index = at % c.records.length;
        const records = c.records.map((r) => [...r]);
        if (kind === 'after-quote') {
          records[index][0] = `"${junk}"${junk}`; // text after the closing quote, on the record's first line
        } else {
          // A quote never closed: nothing after it may hold a quote (nor, then, a line break inside a field).
          records[index][0] = `"${junk}`;
          for (let r = index; r < records.length; r++) {
            records[r] = records[r].map((f, i) => (r === index && i === 0 ? f : f.replace(/["\r\n]/g, '')));
          }
        }
        const broken = { ...c, records };
        const { text, startLines } = render(broken);
        const bytes = Buffer.from(text, 'utf8');
        const ours = scan(
          bytes,
          c.delimiter,
          cutAt.filter((n) => n < bytes.length),
        );

        const before = render({ ...broken, records: records.slice(0, index), finalLineEnding: true }).text;
        const errorLine = startLines[index];
        expect(() => oracle(text, c.delimiter, true)).toThrow(kind === 'after-quote' ? /Invalid Closing Quote/ : /Quote Not Closed/);
        expect(ours.errors.map((e) => e.line)[0]).toBe(errorLine);
        const oursBefore = ours.records.filter((r) => r.line < errorLine).map((r) => r.fields);
        expect(oursBefore).toEqual(index === 0 ? [] : oracle(before, c.delimiter, true));

        // Reading resumes on the physical line after the one the error was found on: from there on,
        // ours reads what csv-parse reads from there (when that rest is itself well formed).
        const rest = text.slice(afterLine(text, before.length));
        let expected: string[][] | null = null;
        try {
          expected = oracle(rest, c.delimiter, true);
        } catch {
          return; // the rest starts inside a quoted field that was cut: no oracle for it
        }
        expect(ours.records.filter((r) => r.line > errorLine).map((r) => r.fields)).toEqual(expected);
        expect(ours.errors).toHaveLength(1);
      }),
      { numRuns: RUNS },
    );
  });
});
