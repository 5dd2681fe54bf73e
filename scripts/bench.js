#!/usr/bin/env node
'use strict';
/**
 * npm run bench [-- --sizes 1m,10m,200k-50k,1m-1m,1m-arrivals --runs 3 --tools visitstat,visitstat-1t,duckdb,mlr]
 *
 * Times visitstat on synthetic delegation logs (generated once into .bench/, deterministic),
 * alternating the contenders of each job run by run; reports median wall time, MB/s, peak RSS and
 * each contender's ratio to the job's yardstick, and checks that every contender's figures agree.
 *
 * Files (--sizes): 100k, 1m, 10m rows (38 regions, about 550 origins); 200k-50k (200,000 rows, 50,000
 * origins), 1m-1m (1M rows, 1M origins), 6m-5m (6M rows, 5M origins: about 0.5 GB, not by default);
 * 1m-arrivals (1M arrivals rows in long form, by day, 20 destinations × 40 countries: bench/generate-arrivals.js).
 * Jobs on the first kind: `summary --group-by region` and `--group-by month` against DuckDB and
 * Miller (figures compared exactly); `report` against that summary; standard input (`< F`, `cat F |`)
 * against the file. On the high-cardinality files: `summary --group-by origin --top 10` against
 * DuckDB computing the same figures (ranking on visitors first, as visitstat does), every origin as
 * CSV against DuckDB's COPY of the same figures (compared row by row), and on 200k-50k the same
 * groups rendered as a table, markdown and CSV against JSON. On the arrivals: `summary --group-by
 * destination` against DuckDB's domestic, foreign and total per destination (compared exactly). Then a 100,000-row × 8-column workbook
 * (the 100k log written as .xlsx, once), its figures checked against the same log read as CSV, and
 * `visitstat --version` against a bare `node -e 0`. Run `npm run build` first. A script, never a
 * test: it takes minutes and wants a quiet machine.
 */
const { spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generate } = require('./bench/generate');
const { generateArrivals } = require('./bench/generate-arrivals');
const { writeWorkbook } = require('./bench/workbook');
const { visitstat, visitstatOneThread, duckdb, miller, BENCH_DIR, ROOT } = require('./bench/tools');

/** Rows, and distinct origins (0: the usual mix; 'arrivals': an arrivals file). */
const SIZES = {
  '100k': [100_000, 0],
  '1m': [1_000_000, 0],
  '10m': [10_000_000, 0],
  '200k-50k': [200_000, 50_000],
  '1m-1m': [1_000_000, 1_000_000],
  '6m-5m': [6_000_000, 5_000_000],
  '1m-arrivals': [1_000_000, 'arrivals'],
};
const STARTUP_RUNS = 15;
/** The low-cardinality jobs every tool runs. */
const JOBS = ['region', 'month'];
const BIN = path.join(ROOT, 'bin', 'visitstat');

function options(argv) {
  const opts = { sizes: ['1m', '10m', '200k-50k', '1m-1m', '1m-arrivals'], runs: 3, tools: ['visitstat', 'duckdb', 'mlr'] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--sizes') opts.sizes = value.split(',');
    else if (flag === '--runs') opts.runs = Number(value);
    else if (flag === '--tools') opts.tools = value.split(',');
    else
      throw new Error(
        `bench: unknown option ${flag} (use --sizes ${Object.keys(SIZES).join(',')} --runs N --tools visitstat,visitstat-1t,duckdb,mlr)`,
      );
  }
  for (const s of opts.sizes) if (!SIZES[s]) throw new Error(`bench: unknown size ${s} (${Object.keys(SIZES).join(', ')})`);
  return opts;
}

function dataFile(size) {
  const [rows, origins] = SIZES[size];
  const arrivals = origins === 'arrivals';
  const file = path.join(BENCH_DIR, arrivals ? `${size}.csv` : origins ? `origins-${size}.csv` : `delegations-${size}.csv`);
  if (!fs.existsSync(file)) {
    console.error(`bench: generating ${file}`);
    if (arrivals) generateArrivals(`${file}.tmp`, rows);
    else generate(`${file}.tmp`, rows, 2016, origins);
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
  const child = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
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

/** The figures of two tools agree: same groups, same whole figures and quantiles, means to the last bits. */
function disagreement(a, b) {
  const byKey = new Map(b.map((r) => [r.key, r]));
  if (a.length !== b.length) return `${a.length} groups vs ${b.length}`;
  for (const r of a) {
    const o = byKey.get(r.key);
    if (!o) return `group ${r.key} missing`;
    for (const [f, v] of Object.entries(r)) {
      if (f === 'key' || !(f in o)) continue;
      // Means and standard deviations are computed in floating point on both sides: the last bits may differ.
      const close = v === o[f] || (typeof v === 'number' && typeof o[f] === 'number' && Math.abs(v - o[f]) <= Math.abs(v) * 1e-12);
      if (!close) return `${r.key} ${f}: ${v} vs ${o[f]}`;
    }
  }
  return null;
}

const vs = (...args) => [process.execPath, [BIN, ...args]];
const sh = (script) => ['sh', ['-c', script]];
const quoted = (p) => `'${p.replace(/'/g, `'\\''`)}'`;

/** visitstat's JSON groups as comparable rows, keyed by the dimension's value ((other) and null as DuckDB writes them). */
function jsonGroups(stdout, dim) {
  return JSON.parse(stdout).delegations.groups.map(({ [dim]: key, ...figures }) => ({
    key: key !== null && typeof key === 'object' ? '(other)' : key,
    ...figures,
  }));
}

/** Two CSV outputs of every origin, in the same order: origin, delegations, visitors and median agree row by row. */
function csvDisagreement(ours, theirs) {
  const a = fs.readFileSync(ours, 'utf8').trimEnd().split('\n');
  const b = fs.readFileSync(theirs, 'utf8').trimEnd().split('\n');
  if (a.length !== b.length) return `${a.length - 1} rows vs ${b.length - 1}`;
  // The figures are the last 14 fields; the origin is what comes before them (it may hold commas).
  const split = (line) => {
    const fields = line.split(',');
    return [fields.slice(0, -14).join(','), ...fields.slice(-14)];
  };
  for (let i = 1; i < a.length; i++) {
    const [x, y] = [split(a[i]), split(b[i])];
    for (const k of [0, 1, 2, 4]) if (k === 0 ? x[k] !== y[k] : Number(x[k]) !== Number(y[k])) return `row ${i}: ${a[i]} vs ${b[i]}`;
  }
  return null;
}

/**
 * The jobs on a file: each with its contenders (the first is the reference for the figures), the
 * yardstick of its ratios, and how the figures are checked.
 */
function jobsFor(size, file, tools) {
  const out = (name) => path.join(BENCH_DIR, `out-${name}`);
  if (SIZES[size][1] === 'arrivals') {
    return [
      {
        job: 'destination',
        yardstick: 'duckdb',
        contenders: [
          {
            name: 'visitstat',
            command: vs('summary', '--group-by', 'destination', '--format', 'json', file),
            figures: (s) =>
              JSON.parse(s).arrivals.groups.groups.map((g) => ({
                key: g.destination,
                domestic: g.domestic,
                foreign: g.foreign,
                total: g.total,
              })),
          },
          {
            name: 'duckdb',
            command: [process.execPath, [path.join(__dirname, 'bench', 'duckdb-job.js'), 'destinations', file]],
            figures: (s) => JSON.parse(s),
          },
        ].filter((c) => c.name !== 'duckdb' || tools.includes(duckdb)),
        check: (figures) => figures.map((f, i) => (i === 0 ? null : disagreement(figures[0], f))),
      },
    ];
  }
  if (!SIZES[size][1]) {
    const perTool = (job) => ({
      job,
      yardstick: 'duckdb',
      contenders: tools.map((t) => ({
        name: t.name,
        command: t.command(job, file),
        env: t.env,
        figures: (stdout) => t.figures(stdout, job),
      })),
      check: (figures) => figures.map((f, i) => (i === 0 ? null : disagreement(figures[0], f))),
    });
    const same = (figures) => figures.map((f) => (f === figures[0] ? null : 'output differs'));
    // The figures, without the input's name (<stdin> or the file's).
    const delegations = (stdout) => JSON.stringify(JSON.parse(stdout).delegations);
    return [
      ...JOBS.map(perTool),
      {
        job: 'report',
        yardstick: 'summary',
        contenders: [
          { name: 'report', command: vs('report', '--format', 'json', file) },
          { name: 'summary', command: vs('summary', '--group-by', 'region', '--format', 'json', file) },
        ],
      },
      {
        job: 'standard input',
        yardstick: 'file',
        contenders: [
          { name: 'file', command: vs('summary', '--group-by', 'region', '--format', 'json', file), figures: delegations },
          {
            name: '< file',
            command: sh(`exec ${quoted(process.execPath)} ${quoted(BIN)} summary --group-by region --format json - < ${quoted(file)}`),
            figures: delegations,
          },
          {
            name: 'cat file, piped',
            command: sh(`cat ${quoted(file)} | ${quoted(process.execPath)} ${quoted(BIN)} summary --group-by region --format json -`),
            figures: delegations,
          },
        ],
        check: same,
      },
    ];
  }
  const jobs = [
    {
      job: 'origin --top 10',
      yardstick: 'duckdb',
      contenders: [
        {
          name: 'visitstat',
          command: vs('summary', '--group-by', 'origin', '--top', '10', '--format', 'json', file),
          figures: (s) => jsonGroups(s, 'origin'),
        },
        {
          name: 'duckdb',
          command: [process.execPath, [path.join(__dirname, 'bench', 'duckdb-job.js'), 'origins-top10', file]],
          figures: (s) => JSON.parse(s),
        },
      ].filter((c) => c.name !== 'duckdb' || tools.includes(duckdb)),
      check: (figures) => figures.map((f, i) => (i === 0 ? null : disagreement(figures[0], f))),
    },
    {
      job: 'every origin, CSV',
      yardstick: 'duckdb',
      contenders: [
        { name: 'visitstat', command: vs('summary', '--group-by', 'origin', '--format', 'csv', '-o', out('visitstat.csv'), file) },
        {
          name: 'duckdb',
          command: [process.execPath, [path.join(__dirname, 'bench', 'duckdb-job.js'), 'origins-copy', file, out('duckdb.csv')]],
        },
      ].filter((c) => c.name !== 'duckdb' || tools.includes(duckdb)),
      after: () => (tools.includes(duckdb) ? [null, csvDisagreement(out('visitstat.csv'), out('duckdb.csv'))] : [null]),
    },
  ];
  if (size === '200k-50k') {
    jobs.push({
      job: 'every origin rendered',
      yardstick: 'json',
      contenders: ['json', 'table', 'markdown', 'csv'].map((format) => ({
        name: format,
        command: vs('summary', '--group-by', 'origin', '--format', format, '-o', out(`render.${format}`), file),
      })),
    });
  }
  return jobs;
}

/** Runs a job's contenders in turn, each run starting with the next one. */
function runJob(job, runs) {
  const results = job.contenders.map(() => ({ seconds: [], rss: [], figures: null }));
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < job.contenders.length; k++) {
      const i = (run + k) % job.contenders.length;
      const c = job.contenders[i];
      const m = measure(c.command, c.env);
      results[i].seconds.push(m.seconds);
      if (m.rss !== null) results[i].rss.push(m.rss);
      if (c.figures && results[i].figures === null) results[i].figures = c.figures(m.stdout);
    }
  }
  const verdicts = job.check ? job.check(results.map((r) => r.figures)) : job.after ? job.after() : results.map(() => null);
  return results.map((r, i) => ({ ...r, verdict: verdicts[i] }));
}

function startup() {
  const node = [];
  const ours = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    node.push(measure([process.execPath, ['-e', '0']]).seconds);
    ours.push(measure(vs('--version')).seconds);
  }
  return { node: median(node), ours: median(ours) };
}

/** Reading a workbook of 100,000 rows × 8 columns: wall time, peak RSS, and the CSV's own figures. */
async function benchWorkbook(runs, lines) {
  const csv = dataFile('100k');
  const file = path.join(BENCH_DIR, 'delegations-100k.xlsx');
  if (!fs.existsSync(file)) {
    console.error(`bench: writing ${file}`);
    await writeWorkbook(csv, `${file}.tmp.xlsx`, ROOT);
    fs.renameSync(`${file}.tmp.xlsx`, file);
  }
  const mb = fs.statSync(file).size / 1e6;
  for (const job of JOBS) {
    const reference = visitstat.figures(measure(visitstat.command(job, csv)).stdout, job);
    const runsOf = Array.from({ length: runs }, () => measure(visitstat.command(job, file)));
    const differs = disagreement(reference, visitstat.figures(runsOf[0].stdout, job));
    const wall = median(runsOf.map((r) => r.seconds));
    const rss = runsOf.every((r) => r.rss !== null) ? Math.max(...runsOf.map((r) => r.rss)).toFixed(0) : '?';
    lines.push(
      `| 100K × 8 (xlsx, ${mb.toFixed(0)} MB) | ${job} | visitstat | ${wall.toFixed(2)} | ${(mb / wall).toFixed(0)} | ${rss} | – | ${differs ? `DIFFER from the CSV: ${differs}` : 'same as the CSV'} |`,
    );
    console.error(lines[lines.length - 1]);
    if (differs) return true;
  }
  return false;
}

async function main() {
  const opts = options(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) throw new Error('bench: run npm run build first');
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const all = { visitstat, 'visitstat-1t': visitstatOneThread, duckdb, mlr: miller };
  const tools = opts.tools.map((name) => all[name]).filter((t) => !t.available || t.available());

  const lines = [
    `Machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}` +
      `${tools.includes(miller) ? `, ${execFileSync('mlr', ['--version'], { encoding: 'utf8' }).trim()}` : ''}; median of ${opts.runs} alternating runs; load average ${os.loadavg()[0].toFixed(1)} at the start.`,
    '',
    '| file | job | contender | wall s | MB/s | peak RSS MB | ratio | figures |',
    '|---|---|---|---:|---:|---:|---:|---|',
  ];
  let failed = false;
  for (const size of opts.sizes) {
    const file = dataFile(size);
    const mb = fs.statSync(file).size / 1e6;
    for (const job of jobsFor(size, file, tools)) {
      const results = runJob(job, opts.runs);
      const yardstick = job.contenders.findIndex((c) => c.name === job.yardstick);
      job.contenders.forEach((c, i) => {
        const r = results[i];
        const wall = median(r.seconds);
        const ratio = yardstick >= 0 ? `${(wall / median(results[yardstick].seconds)).toFixed(2)}` : '–';
        if (r.verdict) failed = true;
        const rss = r.rss.length ? Math.max(...r.rss).toFixed(0) : '?';
        const figures = r.verdict ? `DIFFER: ${r.verdict}` : !(job.check || job.after) ? '–' : i === 0 ? 'reference' : 'same';
        lines.push(
          `| ${size.toUpperCase()} (${mb.toFixed(0)} MB) | ${job.job} | ${c.name} | ${wall.toFixed(2)} | ${(mb / wall).toFixed(0)} | ${rss} | ${ratio} to ${job.yardstick} | ${figures} |`,
        );
        console.error(lines[lines.length - 1]);
      });
    }
  }
  for (const f of fs.readdirSync(BENCH_DIR)) if (f.startsWith('out-')) fs.rmSync(path.join(BENCH_DIR, f));
  if (await benchWorkbook(opts.runs, lines)) failed = true;
  const s = startup();
  lines.push(
    '',
    `Startup: \`visitstat --version\` ${(s.ours * 1000).toFixed(0)} ms, \`node -e 0\` ${(s.node * 1000).toFixed(0)} ms (ratio ${(s.ours / s.node).toFixed(2)}), median of ${STARTUP_RUNS}.`,
  );
  const report = lines.join('\n');
  fs.writeFileSync(path.join(BENCH_DIR, 'results.md'), `${report}\n`);
  console.log(report);
  if (failed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
