/**
 * The scanner reads well-formed stretches 64 bytes at a time and falls back to a byte-at-a-time
 * reading for anything else. These tests compare it with a plain reference reader of the same
 * dialect (written from the scanner's documentation) on inputs whose quotes, delimiters and line
 * endings fall at every offset around 64-byte windows, and on random inputs in random chunks.
 */
import { CsvScanner } from '../../src/ingest/scanner';
import { propertyRuns } from '../helpers/property';
const mulberry32 = require('../../scripts/lib/mulberry32') as (seed: number) => () => number;

interface Out {
  records: { line: number; fields: string[]; quoted: boolean[]; raw: string }[];
  errors: { line: number; message: string; raw: string }[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** The dialect, byte by byte, on a whole input. */
function reference(buf: Buffer, delim: number): Out {
  const out: Out = { records: [], errors: [] };
  const len = buf.length;
  const text = (a: number, b: number) => buf.toString('latin1', a, b);
  const lineEnd = (from: number) => {
    for (let k = from; k < len; k++) if (buf[k] === LF || buf[k] === CR) return k;
    return -1;
  };
  let pos = 0;
  let line = 1;
  while (pos < len) {
    let i = pos;
    let ln = line;
    const fields: { s: number; e: number; q: boolean; d: boolean }[] = [];
    let error = '';
    let recEnd = 0;
    let next = 0;
    let lineAfter = 0;
    const fail = (eol: number, at: number, message: string) => {
      error = message;
      recEnd = eol;
      next = eol;
      if (next < len) next += buf[next] === CR && next + 1 < len && buf[next + 1] === LF ? 2 : 1;
      lineAfter = at + 1;
    };
    record: for (;;) {
      if (i < len && buf[i] === QUOTE) {
        let j = i + 1;
        let doubled = false;
        const lineAtQuote = ln;
        for (;;) {
          let q = j;
          while (q < len && buf[q] !== QUOTE) {
            const c = buf[q];
            if (c === LF || c === CR) if (c === LF || q + 1 >= len || buf[q + 1] !== LF) ln++;
            q++;
          }
          if (q === len) {
            const eol = lineEnd(i);
            fail(eol < 0 ? len : eol, lineAtQuote, 'quote opened here is never closed');
            break record;
          }
          if (q + 1 < len && buf[q + 1] === QUOTE) {
            doubled = true;
            j = q + 2;
            continue;
          }
          fields.push({ s: i + 1, e: q, q: true, d: doubled });
          i = q + 1;
          break;
        }
        if (i < len && buf[i] !== delim && buf[i] !== LF && buf[i] !== CR) {
          const eol = lineEnd(i);
          fail(eol < 0 ? len : eol, ln, 'text after a closing quote');
          break;
        }
      } else {
        let j = i;
        while (j < len && buf[j] !== delim && buf[j] !== LF && buf[j] !== CR) j++;
        fields.push({ s: i, e: j, q: false, d: false });
        i = j;
      }
      if (i >= len) {
        recEnd = len;
        next = len;
        lineAfter = ln;
        break;
      }
      if (buf[i] === delim) {
        i++;
        continue;
      }
      recEnd = i;
      i += buf[i] === CR && i + 1 < len && buf[i + 1] === LF ? 2 : 1;
      next = i;
      lineAfter = ln + 1;
      break;
    }
    if (error) out.errors.push({ line, message: error, raw: text(pos, recEnd) });
    else if (!(fields.length === 1 && fields[0].s === fields[0].e && !fields[0].q)) {
      out.records.push({
        line,
        fields: fields.map((f) => (f.d ? text(f.s, f.e).replace(/""/g, '"') : text(f.s, f.e))),
        quoted: fields.map((f) => f.q),
        raw: text(pos, recEnd),
      });
    }
    pos = next;
    line = lineAfter;
  }
  return out;
}

function scan(buf: Buffer, delim: number, cuts: number[]): Out {
  const out: Out = { records: [], errors: [] };
  const scanner = new CsvScanner(delim, {
    record: (r) => {
      const fields: string[] = [];
      const quoted: boolean[] = [];
      for (let i = 0; i < r.fieldCount; i++) {
        fields.push(r.field(i)); // decodes doubled quotes only where the scanner flagged some
        quoted.push(r.fieldQuoted(i));
      }
      out.records.push({ line: r.line, fields, quoted, raw: r.raw() });
    },
    error: (e) => out.errors.push({ line: e.line, message: e.message, raw: e.raw }),
  });
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < buf.length), buf.length].sort((a, b) => a - b)) {
    if (cut > from) scanner.push(buf.subarray(from, cut));
    from = cut;
  }
  scanner.end();
  return out;
}

function check(text: string, delim = ',', cuts: number[][] = [[], [64], [1, 63, 65, 127, 128, 129]]): void {
  const buf = Buffer.from(text, 'latin1');
  const want = reference(buf, delim.charCodeAt(0));
  for (const c of cuts) {
    const got = scan(buf, delim.charCodeAt(0), c);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      expect({ text, cuts: c, got }).toEqual({ text, cuts: c, got: want });
    }
  }
}

/** Rows long enough to fill windows, then `snippet` at `offset` bytes into the input, then more rows. */
function around(offset: number, snippet: string, lineEnding = '\n'): string {
  const row = ['2016-02-09', 'Kementerian/Lembaga Agam', '"Papua ""Barat"" Daya"', '209', '"Perizinan;Smart, Kampung"'].join(',');
  return 'a'.repeat(offset) + snippet + [row, row, row, 'x,y', row].join(lineEnding) + lineEnding;
}

const SNIPPETS = [
  ',"q""x",z\n',
  '\r\n',
  '\r',
  '\n\n',
  '\r\n\r\n',
  ',""\n',
  ',"""",""""""\n',
  ',"a\nb",c\n',
  ',"a\r\nb"\r\n',
  ',"x"y,1\n',
  ',"x" ,1\r\n',
  ',ab"c,d\n',
  ',ab"c"d,e\n',
  ',"open\n',
  ',"\n',
  '"\n',
  '""\n',
  ',"a,b",\n',
  ',\n',
];

describe('the 64-byte fast path agrees with the byte-at-a-time dialect', () => {
  test('quotes, delimiters and line endings at every offset around one and two windows', () => {
    for (const snippet of SNIPPETS)
      for (let offset = 0; offset <= 140; offset++) {
        if (offset > 8 && offset < 52) continue;
        check(around(offset, snippet));
        check(around(offset, snippet, '\r\n'), ',', [[]]);
      }
  });

  test('a quoted field spanning several windows, with doubled quotes at the window edges', () => {
    for (let offset = 0; offset < 70; offset++) {
      const inner = 'y'.repeat(offset) + '""' + 'z'.repeat(61) + '""' + 'w'.repeat(64) + ',;';
      check(`a,"${inner}",b\n"${inner}"\n${'q'.repeat(offset)},"${inner}"\r\nlast,1\n`);
    }
  });

  test('random inputs of mostly well-formed rows with rare breakage, in random chunks', () => {
    const next = mulberry32(20240611);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
    const plain = () =>
      'abcdefghij klmnopqrst'
        .slice(0, Math.floor(next() * 22))
        .split('')
        .sort(() => next() - 0.5)
        .join('');
    const runs = propertyRuns(Number(process.env.PROPERTY_RUNS ?? 1500));
    for (let run = 0; run < runs; run++) {
      const delim = pick([',', ';', '\t']);
      const ending = pick(['\n', '\r\n', '\r', '\n']);
      const rows: string[] = [];
      const count = 1 + Math.floor(next() * 25);
      for (let r = 0; r < count; r++) {
        const fields: string[] = [];
        const n = 1 + Math.floor(next() * 8);
        for (let f = 0; f < n; f++) {
          const kind = next();
          if (kind < 0.55) fields.push(plain());
          else if (kind < 0.9) {
            const parts = Array.from({ length: Math.floor(next() * 5) }, () => pick([plain(), plain(), delim, '""', '\n', '\r\n', ',']));
            fields.push(`"${parts.join('')}"`);
          } else if (kind < 0.95) fields.push('');
          else fields.push(pick(['"x"y', 'a"b', '"open', '" "', 'q""', '"a""b"c']));
        }
        rows.push(fields.join(delim));
      }
      const text = rows.join(ending) + (next() < 0.5 ? ending : '');
      const cuts = Array.from({ length: Math.floor(next() * 6) }, () => Math.floor(next() * text.length));
      check(text, delim, [[], cuts]);
    }
  });
});
