import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { OutputError } from '../../src/errors';
import { shouldColor } from '../../src/render/color';
import { formatFromPath } from '../../src/render/formats';
import { writeOutput } from '../../src/render/output';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'visitstat-render-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('shouldColor', () => {
  const tty = { isTTY: true, env: {}, noColorFlag: false };
  it('colours a terminal by default and never a pipe', () => {
    expect(shouldColor(tty)).toBe(true);
    expect(shouldColor({ ...tty, isTTY: false })).toBe(false);
  });
  it('honours --no-color, a non-empty NO_COLOR, FORCE_COLOR and TERM=dumb', () => {
    expect(shouldColor({ ...tty, noColorFlag: true })).toBe(false);
    expect(shouldColor({ ...tty, env: { NO_COLOR: '1' } })).toBe(false);
    expect(shouldColor({ ...tty, env: { NO_COLOR: '' } })).toBe(true);
    expect(shouldColor({ ...tty, env: { TERM: 'dumb' } })).toBe(false);
    expect(shouldColor({ ...tty, isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(shouldColor({ ...tty, isTTY: false, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(shouldColor({ ...tty, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(false);
  });
});

describe('formatFromPath', () => {
  it.each([
    ['out/report.csv', 'csv'],
    ['r.JSON', 'json'],
    ['r.md', 'markdown'],
    ['r.markdown', 'markdown'],
    ['r.html', 'html'],
    ['r.txt', 'table'],
    ['r.xlsx', 'xlsx'],
    ['noextension', undefined],
  ])('%s -> %s', (path, format) => expect(formatFromPath(path)).toBe(format));
});

describe('writeOutput to a file', () => {
  it('writes the whole content and leaves no temporary file', async () => {
    const target = join(dir, 'report.csv');
    const data = 'a,b\n'.repeat(100_000);
    await writeOutput(data, target);
    expect(readFileSync(target, 'utf8')).toBe(data);
    expect(readdirSync(dir)).toEqual(['report.csv']);
  });

  it('replaces an existing file by rename: a reader of the old file never sees a mix', async () => {
    const target = join(dir, 'report.md');
    writeFileSync(target, 'old report\n');
    const oldReader = openSync(target, 'r');
    await writeOutput(Buffer.from('new report\n'), target);
    const buffer = Buffer.alloc(64);
    const n = readSync(oldReader, buffer, 0, 64, 0);
    closeSync(oldReader);
    expect(buffer.subarray(0, n).toString()).toBe('old report\n');
    expect(readFileSync(target, 'utf8')).toBe('new report\n');
  });

  it('rejects clearly when the folder does not exist', async () => {
    const target = join(dir, 'missing', 'report.csv');
    const attempt = writeOutput('x', target);
    await expect(attempt).rejects.toThrow(OutputError);
    await expect(attempt).rejects.toThrow(`cannot write ${target}: folder ${join(dir, 'missing')} does not exist`);
  });

  it('refuses a folder, leaving no temporary file', async () => {
    const target = join(dir, 'taken');
    mkdirSync(join(target, 'inner'), { recursive: true });
    await expect(writeOutput('x', target)).rejects.toThrow(`cannot write ${target}: it is a folder`);
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});

describe('stdout closed early (| head -1)', () => {
  // The child runs the real module, transpiled from source, writing far more than a pipe buffer holds.
  function buildChild(): string {
    const out = join(dir, 'js');
    const modules = [
      ['src/render/output.ts', 'render/output.js'],
      ['src/render/write.ts', 'render/write.js'],
      ['src/errors.ts', 'errors.js'],
    ];
    for (const [from, to] of modules) {
      const source = readFileSync(join(__dirname, '..', '..', from), 'utf8');
      mkdirSync(join(out, to, '..'), { recursive: true });
      const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
      writeFileSync(join(out, to), js.outputText);
    }
    const main = join(out, 'main.js');
    writeFileSync(
      main,
      `const o = require('./render/output');
       if (process.argv[2] === 'handled') o.handleClosedStdout();
       (async () => { for (let i = 0; i < 200; i++) await o.writeOutput('line\\n'.repeat(100000)); })();`,
    );
    return main;
  }

  function runAndCloseAfterFirstChunk(main: string, mode: string): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [main, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });
  }

  it('exits 0 with nothing on stderr when the handler is installed', async () => {
    const main = buildChild();
    expect(await runAndCloseAfterFirstChunk(main, 'handled')).toEqual({ code: 0, stderr: '' });
    // Without the handler the same program dies loudly: the test can tell the difference.
    const unhandled = await runAndCloseAfterFirstChunk(main, 'unhandled');
    expect(unhandled.code).not.toBe(0);
    expect(unhandled.stderr).toContain('EPIPE');
  });
});
