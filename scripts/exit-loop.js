#!/usr/bin/env node
'use strict';
/**
 * npm run exit-loop [-- --runs 1000 --timeout 60]
 *
 * Runs visitstat over and over, a different kind of run each time (tables, JSON, CSV of 50,000
 * groups, a file big enough for two threads, standard input from a socket and from cat's pipe, -o,
 * a reader that closes the pipe early, exits 1 and 3), and checks that every run ends promptly once
 * its output is complete: a run still alive after --timeout seconds is a hang (killed, and counted).
 * Prints, per kind, the exit codes seen and how long the process took to end after its output did.
 * A script, never a test: it takes minutes (about 10 for 1,000 runs on 2 cores). Run `npm run build`
 * first.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generate } = require('./bench/generate');

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'visitstat');
const BENCH_DIR = path.join(ROOT, '.bench');
const S = (name) => path.join('fixtures', 'sample', name);
const SAMPLES = ['arrivals-2016.csv', 'arrivals-2017.csv', 'delegations-2016.csv', 'delegations-2017.csv', 'delegations-2018.csv'].map(S);

function options(argv) {
  const opts = { runs: 1000, timeout: 60 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], Number(argv[i + 1])];
    if (flag === '--runs') opts.runs = value;
    else if (flag === '--timeout') opts.timeout = value;
    else throw new Error(`exit-loop: unknown option ${flag} (use --runs N --timeout SECONDS)`);
  }
  return opts;
}

/** A generated file in .bench/, made once. */
function dataFile(name, rows, origins = 0) {
  const file = path.join(BENCH_DIR, name);
  if (!fs.existsSync(file)) {
    console.error(`exit-loop: generating ${file}`);
    fs.mkdirSync(BENCH_DIR, { recursive: true });
    generate(`${file}.tmp`, rows, 2016, origins);
    fs.renameSync(`${file}.tmp`, file);
  }
  return file;
}

function jobs(scratch) {
  const origins = dataFile('exit-200k-50k.csv', 200_000, 50_000);
  // Over 160 MiB: read on two threads.
  const big = dataFile('exit-2200k.csv', 2_200_000);
  return [
    { name: 'summary by month, table', args: ['summary', '--group-by', 'month', S('delegations-2016.csv')], code: 0 },
    { name: 'report, json', args: ['report', '--format', 'json', '--config', 'fixtures/config/targets.json', ...SAMPLES], code: 0 },
    { name: '50,000 origins, csv', args: ['summary', '--group-by', 'origin', '--format', 'csv', origins], code: 0 },
    { name: '2.2M rows on two threads, json', args: ['summary', '--group-by', 'region', '--format', 'json', big], code: 0 },
    { name: 'standard input, table', args: ['summary', '--group-by', 'quarter', '-'], stdin: S('delegations-2017.csv'), code: 0 },
    // Node gives a child a socket for its standard input; `cat F |` gives a pipe, read another way.
    { name: 'standard input from cat, 200k rows', args: ['summary', '--group-by', 'region', '-'], catFrom: origins, code: 0 },
    {
      name: 'report -o html',
      args: ['report', '--config', 'fixtures/config/targets.json', '-o', path.join(scratch, 'r.html'), ...SAMPLES],
      code: 0,
    },
    { name: 'reader closes the pipe', args: ['summary', '--group-by', 'origin', origins], closeAfterFirstChunk: true, code: 0 },
    {
      name: 'progress --fail-if-behind (exit 3)',
      args: ['progress', S('delegations-2017.csv'), '--target', '100000', '--year', '2017', '--fail-if-behind'],
      code: 3,
    },
    { name: 'missing file (exit 1)', args: ['summary', 'no-such-file.csv'], code: 1 },
  ];
}

/** One run: exit code, wall time, and the time from its last byte of output (stdout or stderr) to its exit. */
function runOnce(job, timeoutMs) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - start) / 1e6;
    const command = job.catFrom
      ? ['/bin/sh', ['-c', 'cat "$0" | exec "$@"', job.catFrom, process.execPath, BIN, ...job.args]]
      : [process.execPath, [BIN, ...job.args]];
    const child = spawn(...command, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let lastOutput = null;
    child.stdout.on('data', () => {
      lastOutput = ms();
      if (job.closeAfterFirstChunk) child.stdout.destroy();
    });
    child.stderr.on('data', () => {
      lastOutput = ms();
    });
    if (job.stdin) fs.createReadStream(path.join(ROOT, job.stdin)).pipe(child.stdin);
    else child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const wall = ms();
      resolve({ code, signal, wall, afterOutput: lastOutput === null ? null : wall - lastOutput });
    });
  });
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

async function main() {
  const opts = options(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) throw new Error('exit-loop: run npm run build first');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'visitstat-exit-'));
  const list = jobs(scratch);
  const seen = new Map(list.map((j) => [j.name, { codes: new Map(), hangs: 0, wrong: 0, wall: [], after: [] }]));
  const started = Date.now();
  try {
    for (let i = 0; i < opts.runs; i++) {
      const job = list[i % list.length];
      const r = await runOnce(job, opts.timeout * 1000);
      const s = seen.get(job.name);
      const key = r.signal ?? r.code;
      s.codes.set(key, (s.codes.get(key) ?? 0) + 1);
      if (r.signal === 'SIGKILL') s.hangs++;
      else if (r.code !== job.code) s.wrong++;
      s.wall.push(r.wall);
      if (r.afterOutput !== null) s.after.push(r.afterOutput);
      if ((i + 1) % 100 === 0) console.error(`exit-loop: ${i + 1}/${opts.runs} runs, ${Math.round((Date.now() - started) / 1000)} s`);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const lines = [
    `${opts.runs} runs in ${Math.round((Date.now() - started) / 1000)} s (Node ${process.version}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}); a run alive after ${opts.timeout} s counts as a hang.`,
    '',
    '| run | runs | exit codes | hangs | wrong code | median wall ms | exit after the last output, median / max ms |',
    '|---|---:|---|---:|---:|---:|---:|',
  ];
  let failed = false;
  for (const [name, s] of seen) {
    if (s.hangs || s.wrong) failed = true;
    const codes = [...s.codes].map(([c, n]) => `${c}: ${n}`).join(', ');
    const after = s.after.length ? `${quantile(s.after, 0.5).toFixed(1)} / ${Math.max(...s.after).toFixed(1)}` : 'no output (-o)';
    lines.push(`| ${name} | ${s.wall.length} | ${codes} | ${s.hangs} | ${s.wrong} | ${quantile(s.wall, 0.5).toFixed(0)} | ${after} |`);
  }
  console.log(lines.join('\n'));
  if (failed) process.exitCode = 1;
}

main();
