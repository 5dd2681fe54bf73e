/**
 * Nothing destroyed by mistake, through the built binary: -o and --rejects never touch an input,
 * -o writes only regular files atomically (devices, FIFOs and fd paths straight through, symlinks
 * followed, mode and owner kept), a signal leaves no temporary file, and every write failure is
 * exit 4 with the path and a sentence.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, visitstat } from '../helpers/cli';

const D2016 = join(ROOT, 'fixtures/sample/delegations-2016.csv');
const BAD = join(ROOT, 'fixtures/messy/bad-rows.csv');
const USAGE_HINT = '(run with --help for usage)';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'visitstat-write-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => join(dir, name);
const copy = (from: string, name: string) => {
  copyFileSync(from, at(name));
  return at(name);
};
const bash = (script: string, env: Record<string, string> = {}) =>
  spawnSync('bash', ['--norc', '--noprofile', '-c', `vs() { "$NODE" "$BIN" "$@"; }; ${script}`], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', LANG: 'C', NODE: process.execPath, BIN, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
/** Folder entries that look like visitstat's temporary files. */
const temps = (folder = dir) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

describe('outputs never touch inputs', () => {
  it('validate --rejects naming its own input: usage error, input unchanged', () => {
    const input = copy(BAD, 'x.csv');
    const before = readFileSync(input);
    const result = visitstat(['validate', '--rejects', input, input]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--rejects ${input} is also an input`);
    expect(readFileSync(input)).toEqual(before);
  });

  it('summary -o naming its input: usage error, input unchanged', () => {
    const input = copy(D2016, 'in.csv');
    const before = readFileSync(input);
    const result = visitstat(['summary', '--format', 'csv', '-o', input, input]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`-o ${input} is also an input`);
    expect(readFileSync(input)).toEqual(before);
  });

  it('sees through symlinks and hard links, and guards the config file too', () => {
    const input = copy(D2016, 'in.csv');
    symlinkSync(input, at('link.csv'));
    linkSync(input, at('hard.csv'));
    const before = readFileSync(input);
    for (const out of [at('link.csv'), at('hard.csv')]) {
      const result = visitstat(['summary', '-o', out, input]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is also an input/);
    }
    writeFileSync(at('c.json'), '{"locale":"id"}');
    const config = visitstat(['summary', '--config', at('c.json'), '-o', at('c.json'), input]);
    expect(config.code).toBe(2);
    expect(readFileSync(at('c.json'), 'utf8')).toBe('{"locale":"id"}');
    expect(readFileSync(input)).toEqual(before);
    expect(temps()).toEqual([]);
  });

  it('guards standard input that is a file redirected in', () => {
    const input = copy(D2016, 'in.csv');
    const result = bash(`vs summary -o in.csv - < in.csv`);
    expect(result.status).toBe(2);
    expect(readFileSync(input)).toEqual(readFileSync(D2016));
  });

  it('-o and --rejects naming the same file: usage error before anything is written', () => {
    writeFileSync(at('f.csv'), 'old\n');
    const result = visitstat(['summary', '--skip-invalid', '--rejects', at('f.csv'), '-o', at('f.csv'), BAD]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('-o and --rejects name the same file');
    expect(readFileSync(at('f.csv'), 'utf8')).toBe('old\n');
  });
});

describe('-o onto what is not a regular file', () => {
  /** A character device like /dev/null or /dev/full made in the test folder (as root), else the real one. */
  function device(name: string, minor: number): string {
    const path = at(name);
    if (spawnSync('mknod', [path, 'c', '1', String(minor)]).status === 0) return path;
    return `/dev/${name}`;
  }

  it('a device is written straight through and stays a device', () => {
    const nul = device('null', 3);
    const result = visitstat(['summary', D2016, '-o', nul]);
    expect(result.code).toBe(0);
    expect(lstatSync(nul).isCharacterDevice()).toBe(true);
    expect(temps()).toEqual([]);
  });

  it('a full device fails with exit 4 and a sentence, never the usage hint', () => {
    const full = device('full', 7);
    const result = visitstat(['summary', D2016, '-o', full]);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      `visitstat: Rows read 345, accepted 345, rejected 0 — 1 file\nvisitstat: cannot write ${full}: no space left on device\n`,
    );
    expect(lstatSync(full).isCharacterDevice()).toBe(true);
  });

  it('a FIFO is written to its reader and stays a FIFO', () => {
    const fifo = at('pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const result = bash(`cat pipe > got & vs summary --format csv "${D2016}" -o pipe; code=$?; wait; exit $code`);
    expect(result.status).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(at('got'), 'utf8')).toMatch(/^delegations,visitors,/);
  });

  it('/dev/stdout, /dev/stderr and /dev/fd/N write to that descriptor', () => {
    const result = bash(`vs summary --format csv "${D2016}" -o /dev/stderr 2>err.csv; echo "code $?"`);
    expect(result.stdout).toBe('code 0\n');
    // After the counts line, which goes to stderr first.
    expect(readFileSync(at('err.csv'), 'utf8')).toMatch(/^visitstat: Rows read 345.*\ndelegations,visitors,/);
    const fd = bash(`vs summary --format csv "${D2016}" -o /dev/fd/3 3>fd3.csv`);
    expect(fd.status).toBe(0);
    expect(readFileSync(at('fd3.csv'), 'utf8')).toMatch(/^delegations,visitors,/);
    expect(temps()).toEqual([]);
  });

  it('a socket is refused with exit 4 (open(2) cannot open one, as > cannot)', async () => {
    const server = createServer().listen(at('sock'));
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const result = visitstat(['summary', D2016, '-o', at('sock')]);
      expect(result.code).toBe(4);
      expect(result.stderr).toMatch(new RegExp(`^visitstat: cannot write ${at('sock')}: it is a socket`));
    } finally {
      server.close();
    }
  });

  it('a folder is refused with exit 4 before the input is read', () => {
    mkdirSync(at('reports'));
    const result = visitstat(['summary', D2016, '-o', at('reports')]);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`visitstat: cannot write ${at('reports')}: it is a folder\n`);
  });

  it('through a symlink, the target is replaced and the link stays', () => {
    mkdirSync(at('real'));
    writeFileSync(at('real/out.csv'), 'old\n');
    symlinkSync('real/out.csv', at('link.csv'));
    const result = visitstat(['summary', D2016, '-o', at('link.csv')]);
    expect(result.code).toBe(0);
    expect(lstatSync(at('link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(at('real/out.csv'), 'utf8')).toMatch(/^delegations,visitors,/);
    expect([...temps(), ...temps(at('real'))]).toEqual([]);
  });

  it('a dangling symlink gets its target created', () => {
    symlinkSync('made.csv', at('link.csv'));
    expect(visitstat(['summary', D2016, '-o', at('link.csv')]).code).toBe(0);
    expect(lstatSync(at('link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(at('made.csv'), 'utf8')).toMatch(/^delegations,visitors,/);
  });
});

describe('-o on a regular file', () => {
  it('keeps the old file mode (and owner, as root)', () => {
    const out = at('out.csv');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o640);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(out, 65534, 65534);
    expect(visitstat(['summary', D2016, '-o', out]).code).toBe(0);
    const after = statSync(out);
    expect(after.mode & 0o7777).toBe(0o640);
    if (asRoot) expect([after.uid, after.gid]).toEqual([65534, 65534]);
    expect(readFileSync(out, 'utf8')).toMatch(/^delegations,visitors,/);
  });

  it('writes a 249-character name (the temporary name fits the 255-byte limit)', () => {
    const name = `${'r'.repeat(245)}.csv`;
    const result = visitstat(['summary', D2016, '-o', at(name)]);
    expect(result.code).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('-o - is standard output and creates no file named -', () => {
    const result = spawnSync(process.execPath, [BIN, 'summary', '--format', 'csv', D2016, '-o', '-'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^delegations,visitors,/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a name too long for the file system: exit 4 and a sentence', () => {
    const out = at(`${'n'.repeat(300)}.csv`);
    const result = visitstat(['summary', D2016, '-o', out]);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`visitstat: cannot write ${out}: the name is too long for the file system\n`);
  });

  it('a folder that does not exist: exit 4 before reading', () => {
    const result = visitstat(['summary', D2016, '-o', at('missing/out.csv')]);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(`visitstat: cannot write ${at('missing/out.csv')}: folder ${at('missing')} does not exist\n`);
  });
});

describe('--rejects', () => {
  it('--rejects - is a usage error that says what to do instead', () => {
    const result = spawnSync(process.execPath, [BIN, 'validate', '--rejects', '-', BAD], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--rejects -: .*\/dev\/stderr/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes every rejected row, and /dev/stderr works as a target', () => {
    const result = bash(`vs validate --rejects /dev/stderr "${BAD}" 2>err.txt`);
    expect(result.status).toBe(1);
    expect(readFileSync(at('err.txt'), 'utf8')).toMatch(/^file,line,column,reason,row\n/m);
  });

  it('a rejects file past the file size limit: exit 4 naming it, the old file intact, no temporary file', () => {
    writeFileSync(at('rejects.csv'), 'old rejects\n');
    // ulimit -f 1: writes past 1 KB fail with EFBIG (Node ignores SIGXFSZ).
    const many = 'date,people\n' + 'x,1\n'.repeat(2000);
    writeFileSync(at('many.csv'), many);
    const result = bash('ulimit -f 1; vs validate --rejects rejects.csv many.csv');
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/^visitstat: cannot write rejects\.csv: the file is larger than the file size limit allows\n$/m);
    expect(result.stderr).not.toContain('cannot read');
    expect(result.stderr).not.toContain(USAGE_HINT);
    expect(readFileSync(at('rejects.csv'), 'utf8')).toBe('old rejects\n');
    expect(temps()).toEqual([]);
  });

  it('onto a full device: exit 4 naming the rejects file, not the input', () => {
    const full = at('full');
    const made = spawnSync('mknod', [full, 'c', '1', '7']).status === 0;
    const target = made ? full : '/dev/full';
    const result = visitstat(['validate', '--rejects', target, BAD]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`visitstat: cannot write ${target}: no space left on device\n`);
  });
});

describe('standard output', () => {
  it('closed (>&-) is exit 4 with a sentence', () => {
    const result = bash(`vs summary "${D2016}" >&-`);
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(
      /^visitstat: Rows read 345, accepted 345, rejected 0 — 1 file\nvisitstat: cannot write to standard output: it is closed/,
    );
  });

  it('> /dev/null discards the output with exit 0', () => {
    expect(bash(`vs summary "${D2016}" > /dev/null`).status).toBe(0);
  });
});

describe('signals', () => {
  /**
   * Starts `visitstat summary` reading from a FIFO this test holds open (so the command is mid-run
   * with its temporary files made), with -o and --rejects on existing files.
   */
  function startHeld(): {
    child: ChildProcess;
    feed: ChildProcess;
    done: Promise<{ code: number | null; signal: string | null; stderr: string }>;
  } {
    const fifo = at('in.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    writeFileSync(at('out.csv'), 'old output\n');
    writeFileSync(at('rejects.csv'), 'old rejects\n');
    const child = spawn(process.execPath, [BIN, 'summary', '--skip-invalid', '--rejects', at('rejects.csv'), '-o', at('out.csv'), fifo], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Writes a header and a bad row, then holds the FIFO open without ending it.
    const feed = spawn('bash', ['-c', `exec 3>"${fifo}"; printf 'date,people\\nx,1\\n' >&3; sleep 30`], { stdio: 'ignore' });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal, stderr })),
    );
    return { child, feed, done };
  }

  /** Waits until both temporary files exist (the command is running and has made them). */
  async function tempsMade(): Promise<void> {
    for (let i = 0; i < 200 && temps().length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(temps().length).toBe(2);
  }

  // The process ends by the signal itself, which a shell reports as 128 + signal (130, 143, 129).
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    '%s mid-run: temporary files removed, ended by the signal, old files intact',
    async (signal) => {
      const { child, feed, done } = startHeld();
      try {
        await tempsMade();
        child.kill(signal);
        const result = await done;
        expect(result).toEqual({ code: null, signal, stderr: '' });
        expect(temps()).toEqual([]);
        expect(readFileSync(at('out.csv'), 'utf8')).toBe('old output\n');
        expect(readFileSync(at('rejects.csv'), 'utf8')).toBe('old rejects\n');
      } finally {
        feed.kill('SIGKILL');
        child.kill('SIGKILL');
      }
    },
  );

  it('a shell sees 128 + signal: 143 for SIGTERM', () => {
    // Not through the vs function: $! must be visitstat's own process, not a subshell's.
    writeFileSync(at('out.csv'), 'old output\n');
    const script =
      'mkfifo in.fifo; "$NODE" "$BIN" summary -o out.csv in.fifo & pid=$!; exec 3>in.fifo; printf "date,people\\n" >&3; ' +
      'for i in $(seq 200); do ls -a | grep -q "\\.tmp$" && break; sleep 0.02; done; kill -TERM $pid; wait $pid; echo "exit $?"';
    const result = bash(script);
    expect(result.stdout).toBe('exit 143\n');
    expect(temps()).toEqual([]);
    expect(readFileSync(at('out.csv'), 'utf8')).toBe('old output\n');
  });
});
