/**
 * Odd inputs through the built binary: FIFOs, process substitution and /dev/stdin read as streams;
 * absurd records and configs refused with a message; config keys named after built-in properties;
 * names and data that could drive a terminal; messages bounded whatever the input; line endings
 * told past the sniffed window; lines of only spaces skipped like blank lines.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, visitstat } from '../helpers/cli';

const D2016 = join(ROOT, 'fixtures/sample/delegations-2016.csv');

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'visitstat-input-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => join(dir, name);
const bash = (script: string) =>
  spawnSync('bash', ['--norc', '--noprofile', '-c', `vs() { "$NODE" "$BIN" "$@"; }; ${script}`], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', LANG: 'C', NODE: process.execPath, BIN },
    encoding: 'utf8',
    timeout: 20_000,
  });

describe('inputs that cannot seek', () => {
  const expected = () => visitstat(['summary', '--format', 'csv', D2016]).stdout;

  it('a named pipe', () => {
    const result = bash(`mkfifo in.csv; cat "${D2016}" > in.csv & vs summary --format csv in.csv`);
    expect(result.stderr).toBe('visitstat: Rows read 345, accepted 345, rejected 0 — 1 file\n');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected());
  });

  it('process substitution <(...)', () => {
    const result = bash(`vs summary --format csv <(cat "${D2016}")`);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected());
  });

  it('/dev/stdin, piped and redirected', () => {
    expect(bash(`cat "${D2016}" | vs summary --format csv /dev/stdin`).stdout).toBe(expected());
    expect(bash(`vs summary --format csv /dev/stdin < "${D2016}"`).stdout).toBe(expected());
  });

  it('standard input from a pipe whose writer pauses mid-line', () => {
    const result = bash(`(head -c 10007 "${D2016}"; sleep 0.2; tail -c +10008 "${D2016}") | vs summary --format csv -`);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected());
  });

  /** Runs the CLI on a pipe made by Python (blocking or not), writing `head`, pausing, then `rest` unless the CLI has ended. */
  const python = (nonBlocking: boolean, head: string, rest: string) =>
    spawnSync(
      '/usr/bin/python3',
      [
        '-c',
        `import os, fcntl, subprocess, sys, time
r, w = os.pipe()
if ${nonBlocking ? 'True' : 'False'}: fcntl.fcntl(r, fcntl.F_SETFL, fcntl.fcntl(r, fcntl.F_GETFL) | os.O_NONBLOCK)
p = subprocess.Popen([sys.argv[1], sys.argv[2], 'summary', '--format', 'csv', '-'], stdin=r)
os.close(r)
os.write(w, open(sys.argv[3], 'rb').read())
try:
    p.wait(timeout=float(sys.argv[5]))
    print('ended with its input open', file=sys.stderr)
except subprocess.TimeoutExpired:
    f = open(sys.argv[4], 'rb').read()
    while f: f = f[os.write(w, f):]
os.close(w)
sys.exit(p.wait())`,
        process.execPath,
        BIN,
        head,
        rest,
        nonBlocking ? '0.3' : '15',
      ],
      { cwd: dir, encoding: 'utf8', timeout: 30_000 },
    );

  it('standard input from a pipe another process left non-blocking', () => {
    writeFileSync(at('head.csv'), readFileSync(D2016).subarray(0, 10007));
    writeFileSync(at('rest.csv'), readFileSync(D2016).subarray(10007));
    const result = python(true, at('head.csv'), at('rest.csv'));
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected());
  });

  it('standard input from a socket (no second descriptor of it can be opened)', () => {
    const result = spawnSync(
      '/usr/bin/python3',
      [
        '-c',
        `import socket, subprocess, sys
a, b = socket.socketpair()
p = subprocess.Popen([sys.argv[1], sys.argv[2], 'summary', '--format', 'csv', '-'], stdin=b)
b.close()
a.sendall(open(sys.argv[3], 'rb').read())
a.close()
sys.exit(p.wait())`,
        process.execPath,
        BIN,
        D2016,
      ],
      { cwd: dir, encoding: 'utf8', timeout: 30_000 },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected());
  });

  it('a bad header from a pipe is reported, and the process ends, while the writer still holds it open', () => {
    writeFileSync(at('head.csv'), `${'date,'.repeat(110_000)}people\n`);
    writeFileSync(at('rest.csv'), '2017-01-02,5\n');
    const result = python(false, at('head.csv'), at('rest.csv'));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('visitstat: <stdin>:1: header: more than 100,000 fields in one record\nended with its input open\n');
  });
  it('a bad header from a named pipe is reported, and the process ends, while the writer still holds it open', () => {
    writeFileSync(at('head.csv'), `${'date,'.repeat(110_000)}people\n`);
    // The writer sends the header, then waits 15 s before it closes the pipe: the run must not wait for it.
    const result = bash(
      `mkfifo in.csv; (cat head.csv; sleep 15) > in.csv & writer=$!; start=$SECONDS; vs summary in.csv; code=$?; kill $writer; echo "code $code after $((SECONDS - start)) s"`,
    );
    expect(result.stderr).toBe(`visitstat: in.csv:1: header: more than 100,000 fields in one record\n`);
    expect(result.stdout).toMatch(/^code 1 after [0-5] s\n$/);
  });
});

describe('records with absurd field counts', () => {
  it('a row of 150,000 fields is rejected naming its line; the rest is read', () => {
    writeFileSync(at('wide.csv'), `date,people\n2017-01-02,5\n${'1,'.repeat(150_000)}\n2017-01-03,6\n`);
    const result = visitstat(['validate', at('wide.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${at('wide.csv')}:3: row: more than 100,000 fields in one record\nvisitstat: Rows read 3, accepted 2, rejected 1 — 1 file\nvisitstat: validation failed: 1 invalid row\n`,
    );
    expect(result.stdout).toMatch(/3 rows read, 2 valid, 1 invalid$/m);
  });

  it('a header of 150,000 fields makes the file unreadable, with its line', () => {
    writeFileSync(at('wide.csv'), `${'date,'.repeat(150_000)}people\n2017-01-02,5\n`);
    const result = visitstat(['summary', at('wide.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`visitstat: ${at('wide.csv')}:1: header: more than 100,000 fields in one record\n`);
  });
});

describe('config file', () => {
  const config = (text: string) => {
    writeFileSync(at('c.json'), text);
    return visitstat(['summary', '--config', at('c.json'), D2016]);
  };

  it('past 10 MB is refused before it is parsed', () => {
    const result = config(
      `{"targets":[${'{"metric":"visitors","year":2018,"value":1},'.repeat(250_000)}{"metric":"visitors","year":2018,"value":1}]}`,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `visitstat: config: ${at('c.json')} is larger than 10 MB (a config file holds a few settings) (run with --help for usage)\n`,
    );
  });

  it.each([
    '{"__proto__":{}}',
    '{"constructor":5}',
    '{"toString":1}',
    '{"hasOwnProperty":"x"}',
    '{"valueOf":null}',
    '{"targets":[{"metric":"visitors","year":2018,"value":1,"__proto__":1}]}',
  ])('a key named after a built-in property is an unknown key: %s', (text) => {
    const result = config(text);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^visitstat: config: unknown key "(targets\[0\]\.)?(__proto__|constructor|toString|hasOwnProperty|valueOf)" \(known: /,
    );
  });

  it('a built-in name inside a list entry is an unknown key too', () => {
    const result = config('{"bands":[{"min":0,"id":"a","constructor":1}]}');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown key "bands\[0\]\.constructor"/);
  });

  it.each([
    ['[]', 'a list'],
    ['5', 'a number'],
    ['"x"', 'a string'],
    ['null', 'null'],
  ])('a top level of %s says what it is', (text, what) => {
    const result = config(text);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `visitstat: config: ${at('c.json')} must hold a JSON object ({ ... }), not ${what} (run with --help for usage)\n`,
    );
  });

  it('a very long unknown key is cut in the message', () => {
    const result = config(`{"${'k'.repeat(100_000)}":1}`);
    expect(result.code).toBe(2);
    expect(result.stderr.length).toBeLessThan(400);
    expect(result.stderr).toContain('(100,000 characters)');
  });
});

describe('terminal safety', () => {
  it('a file name with an escape sequence is shown escaped on stderr and in the verdict', () => {
    const name = 'evil\u001b[2J\u202e.csv';
    writeFileSync(at(name), 'date,people\n2017-01-02,x\n');
    const result = visitstat(['validate', at(name)]);
    expect(result.code).toBe(1);
    for (const text of [result.stdout, result.stderr]) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: an escape reaching the terminal is what the test looks for.
      expect(text).not.toMatch(/[\u001b\u202e]/);
      expect(text).toContain('evil\\u001b[2J\\u202e.csv');
    }
  });

  it('bidirectional controls in data are neutralised in table, markdown and HTML', () => {
    writeFileSync(at('bidi.csv'), 'date,origin,people\n2017-01-02,Pemkab \u202Egnp.exe,5\n2017-01-03,Desa \u2066x\u2069,6\n');
    for (const args of [[], ['--format', 'markdown']]) {
      const result = visitstat(['summary', '--group-by', 'origin', ...args, at('bidi.csv')]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Pemkab \uFFFDgnp.exe');
      expect(result.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
    const html = visitstat(['report', '--format', 'html', at('bidi.csv')]);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('Pemkab \uFFFDgnp.exe');
    expect(html.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('messages stay short', () => {
  it('a 1 MB header is cut with its length', () => {
    writeFileSync(at('h.csv'), `${'H'.repeat(1 << 20)}\nx\n`);
    const result = visitstat(['summary', at('h.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr.length).toBeLessThan(600);
    expect(result.stderr).toContain(`"${'H'.repeat(80)}…" (1,048,576 characters)`);
  });

  it('30,000 unknown columns: 20 listed, then how many more', () => {
    const headers = Array.from({ length: 30_000 }, (_, i) => `c${i}`);
    writeFileSync(at('u.csv'), `${headers.join(',')}\n${headers.map(() => '1').join(',')}\n`);
    const result = visitstat(['summary', at('u.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"c19" and 29,980 more');
    expect(result.stderr.length).toBeLessThan(800);
  });

  it('a long bad value and a long header are cut in problem lines', () => {
    const longHeader = `people${'_'.repeat(200)}`;
    writeFileSync(at('v.csv'), `date,${longHeader}\n2017-01-02,${'9x'.repeat(100_000)}\n`);
    const result = visitstat(['validate', '--map', `people=${longHeader}`, at('v.csv')]);
    expect(result.code).toBe(1);
    const [line] = result.stderr.split('\n');
    expect(line.length).toBeLessThan(400);
    expect(line).toContain('(200,000 characters)');
    expect(line).toContain('(206 characters)');
  });
});

describe('validate: line endings and blank lines', () => {
  it('tells the line ending of a header longer than the sniffed window', () => {
    writeFileSync(at('long.csv'), `date,people,${'x'.repeat(70_000)}\r\n2017-01-02,5,a\r\n`);
    const result = visitstat(['validate', at('long.csv')]);
    expect(result.stdout).toContain('CRLF line endings');
  });

  it('says none only when there is none', () => {
    writeFileSync(at('none.csv'), 'date,people');
    expect(visitstat(['validate', at('none.csv')]).stdout).toContain('none line endings');
  });

  it('lines of only spaces or tabs are skipped like blank lines', () => {
    writeFileSync(at('blank.csv'), 'date,people\n2017-01-02,5\n   \n\t \n\n2017-01-03,6\n  \t\n');
    const result = visitstat(['validate', at('blank.csv')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2 rows read, 2 valid, 0 invalid$/m);
  });
});
