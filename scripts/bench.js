#!/usr/bin/env node
'use strict';
/**
 * npm run bench [-- --sizes 1m,10m --runs 3 --tools visitstat,visitstat-1t,duckdb,mlr]
 *
 * Times `visitstat summary --group-by region` and `--group-by month` against DuckDB and Miller on
 * the same synthetic delegation logs (generated once into .bench/, deterministic), alternating the
 * tools run by run; reports median wall time, MB/s, peak RSS and the ratio to DuckDB, checks that
 * every tool's figures (delegations, visitors, mean, median per group) agree exactly, and compares
 * `visitstat --version` with a bare `node -e 0`. Run `npm run build` first. A script, never a test:
 * it takes minutes and wants a quiet machine.
 */
const { spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generate } = require('./bench/generate');
const { visitstat, visitstatOneThread, duckdb, miller, BENCH_DIR, ROOT } = require('./bench/tools');

const SIZES = { '1m': 1_000_000, '10m': 10_000_000, '100k': 100_000 };
const JOBS = ['region', 'month'];
const STARTUP_RUNS = 15;

function options(argv) {
  const opts = { sizes: ['1m', '10m'], runs: 3, tools: ['visitstat', 'duckdb', 'mlr'] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--sizes') opts.sizes = value.split(',');
    else if (flag === '--runs') opts.runs = Number(value);
    else if (flag === '--tools') opts.tools = value.split(',');
    else throw new Error(`bench: unknown option ${flag} (use --sizes 1m,10m --runs N --tools visitstat,visitstat-1t,duckdb,mlr)`);
  }
  for (const s of opts.sizes) if (!SIZES[s]) throw new Error(`bench: unknown size ${s} (${Object.keys(SIZES).join(', ')})`);
  return opts;
}

function dataFile(size) {
  const file = path.join(BENCH_DIR, `delegations-${size}.csv`);
  if (!fs.existsSync(file)) {
    console.error(`bench: generating ${file}`);
    generate(`${file}.tmp`, SIZES[size]);
    fs.renameSync(`${file}.tmp`, file);
  }
  return file;
}

const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** One run: wall seconds, peak RSS in MB (via /usr/bin/time; null without it) and stdout. */
function measure([command, args], env = {}) {
  const rssFile = path.join(os.tmpdir(), `visitstat-bench-${process.pid}.rss`);
  const [cmd, argv] = TIME ? [TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const child = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.status !== 0) throw new Error(`bench: ${command} ${args.join(' ')} failed:\n${child.stderr}`);
  const rss = TIME ? Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : null;
  return { seconds, rss, stdout: child.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The figures of two tools agree exactly: same groups, same counts, sums and medians, same mean. */
function disagreement(a, b) {
  const byKey = new Map(b.map((r) => [r.key, r]));
  if (a.length !== b.length) return `${a.length} groups vs ${b.length}`;
  for (const r of a) {
    const o = byKey.get(r.key);
    if (!o) return `group ${r.key} missing`;
    for (const f of ['delegations', 'visitors', 'median']) if (r[f] !== o[f]) return `${r.key} ${f}: ${r[f]} vs ${o[f]}`;
    // Means are sum / count in double precision on both sides; allow only the last bit to differ.
    if (Math.abs(r.mean - o.mean) > Math.abs(r.mean) * 4e-16) return `${r.key} mean: ${r.mean} vs ${o.mean}`;
  }
  return null;
}

function benchJob(file, job, tools, runs) {
  const results = new Map(tools.map((t) => [t.name, { seconds: [], rss: [], figures: null }]));
  for (let run = 0; run < runs; run++) {
    // Alternate: each run starts with the next tool, so no tool always gets the warm or the cold cache.
    for (let k = 0; k < tools.length; k++) {
      const tool = tools[(run + k) % tools.length];
      const m = measure(tool.command(job, file), tool.env);
      const r = results.get(tool.name);
      r.seconds.push(m.seconds);
      if (m.rss !== null) r.rss.push(m.rss);
      r.figures ??= tool.figures(m.stdout, job);
    }
  }
  return results;
}

function startup() {
  const node = [];
  const ours = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    node.push(measure([process.execPath, ['-e', '0']]).seconds);
    ours.push(measure([process.execPath, [path.join(ROOT, 'bin', 'visitstat'), '--version']]).seconds);
  }
  return { node: median(node), ours: median(ours) };
}

function main() {
  const opts = options(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) throw new Error('bench: run npm run build first');
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const all = { visitstat, 'visitstat-1t': visitstatOneThread, duckdb, mlr: miller };
  const tools = opts.tools.map((name) => all[name]).filter((t) => !t.available || t.available());

  const lines = [
    `Machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}` +
      `${tools.includes(miller) ? `, ${execFileSync('mlr', ['--version'], { encoding: 'utf8' }).trim()}` : ''}; median of ${opts.runs} alternating runs.`,
    '',
    '| rows | job | tool | wall s | MB/s | peak RSS MB | ratio to DuckDB | figures |',
    '|---:|---|---|---:|---:|---:|---:|---|',
  ];
  let failed = false;
  for (const size of opts.sizes) {
    const file = dataFile(size);
    const mb = fs.statSync(file).size / 1e6;
    for (const job of JOBS) {
      const results = benchJob(file, job, tools, opts.runs);
      const reference = results.get(tools[0].name).figures;
      const duck = results.get('duckdb');
      for (const tool of tools) {
        const r = results.get(tool.name);
        const wall = median(r.seconds);
        const ratio = duck ? (wall / median(duck.seconds)).toFixed(2) : '–';
        const differs = tool === tools[0] ? null : disagreement(reference, r.figures);
        if (differs) failed = true;
        const rss = r.rss.length ? Math.max(...r.rss).toFixed(0) : '?';
        lines.push(
          `| ${size.toUpperCase()} (${mb.toFixed(0)} MB) | ${job} | ${tool.name} | ${wall.toFixed(2)} | ${(mb / wall).toFixed(0)} | ${rss} | ${ratio} | ${differs ? `DIFFER: ${differs}` : tool === tools[0] ? 'reference' : 'same'} |`,
        );
        console.error(lines[lines.length - 1]);
      }
    }
  }
  const s = startup();
  lines.push(
    '',
    `Startup: \`visitstat --version\` ${(s.ours * 1000).toFixed(0)} ms, \`node -e 0\` ${(s.node * 1000).toFixed(0)} ms (ratio ${(s.ours / s.node).toFixed(2)}), median of ${STARTUP_RUNS}.`,
  );
  const report = lines.join('\n');
  fs.writeFileSync(path.join(BENCH_DIR, 'results.md'), report + '\n');
  console.log(report);
  if (failed) process.exitCode = 1;
}

main();
