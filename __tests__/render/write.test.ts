/**
 * The writing layer (src/render/write.ts) on its own: temporary names within the name limit, a
 * sentence for every errno, an output abandoned or failing at the last step leaving the old file and
 * no temporary file, and the checks that keep outputs off inputs.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputError, UsageError } from '../../src/errors';
import { openPiecewise, prepareOutputs, temporaryName, writeFailure, writeOutput } from '../../src/render/write';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'visitstat-write-unit-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('temporaryName', () => {
  it('sits beside the target, hidden, and keeps a short name whole', () => {
    expect(temporaryName('/srv/out/report.html', 'a1b2c3')).toBe('/srv/out/.report.html.a1b2c3.tmp');
  });

  it('cuts a long name so that the whole fits 255 bytes, never inside a character', () => {
    for (const name of ['r'.repeat(249), 'é'.repeat(127), '😀'.repeat(63)]) {
      const temp = temporaryName(`/x/${name}`, 'a1b2c3d4e5f6').slice(3);
      expect(Buffer.byteLength(temp)).toBeLessThanOrEqual(255);
      expect(temp).toMatch(/^\..+\.a1b2c3d4e5f6\.tmp$/);
      expect(temp).not.toContain('\uFFFD');
    }
  });
});

describe('writeFailure', () => {
  it.each([
    ['ENOSPC', 'no space left on device'],
    ['EROFS', 'the file system is read-only'],
    ['ENAMETOOLONG', 'the name is too long for the file system'],
    ['EACCES', 'permission denied'],
    ['EISDIR', 'it is a folder'],
    ['EPIPE', 'its reader has gone (broken pipe)'],
    ['EDQUOT', 'disk quota exceeded'],
    ['EFBIG', 'the file is larger than the file size limit allows'],
    ['ENOENT', 'folder out does not exist'],
  ])('%s: %s', (code, sentence) => {
    const error = writeFailure(Object.assign(new Error(`${code}: raw`), { code }), 'out/report.html');
    expect(error).toBeInstanceOf(OutputError);
    expect(error.exitCode).toBe(4);
    expect(error.message).toBe(`cannot write out/report.html: ${sentence}`);
  });
});

describe('an output written piece by piece', () => {
  it('commit puts it in place; nothing shows before', () => {
    const path = join(dir, 'rejects.csv');
    writeFileSync(path, 'old\n');
    const output = openPiecewise(path);
    output.writeSync('new ');
    output.writeSync('rows\n');
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    output.commit();
    expect(readFileSync(path, 'utf8')).toBe('new rows\n');
    expect(readdirSync(dir)).toEqual(['rejects.csv']);
  });

  it('abort leaves the old file and removes the temporary one', () => {
    const path = join(dir, 'rejects.csv');
    writeFileSync(path, 'old\n');
    const output = openPiecewise(path);
    output.writeSync('half a rec');
    output.abort();
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['rejects.csv']);
  });

  it('a rename that fails at the last step is an OutputError, and abort then cleans up', () => {
    const path = join(dir, 'out.csv');
    const output = openPiecewise(path);
    output.writeSync('data\n');
    mkdirSync(join(path, 'inner'), { recursive: true }); // a folder took the name meanwhile
    expect(() => output.commit()).toThrow(OutputError);
    output.abort();
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });
});

describe('prepareOutputs', () => {
  it('opens the outputs before reading: writeOutput then uses the prepared one', async () => {
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'date,people\n');
    const out = join(dir, 'out.csv');
    await prepareOutputs({ output: out }, [input]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    await writeOutput('x\n', out);
    expect(readdirSync(dir).sort()).toEqual(['in.csv', 'out.csv']);
  });

  it('refuses an output that is an input, and two outputs on one file, as usage errors', async () => {
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'date,people\n');
    await expect(prepareOutputs({ output: input }, [input])).rejects.toThrow(UsageError);
    await expect(prepareOutputs({ rejects: join(dir, '.', 'in.csv') }, [input])).rejects.toThrow(`is also an input`);
    const same = join(dir, 'new.csv');
    await expect(prepareOutputs({ output: same, rejects: join(dir, 'sub', '..', 'new.csv') }, [input])).rejects.toThrow(
      '-o and --rejects name the same file',
    );
    expect(readdirSync(dir)).toEqual(['in.csv']);
  });
});
