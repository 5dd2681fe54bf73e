'use strict';
/**
 * The contenders of the bench, each run as its own process on the same file, each returning the
 * figures of a job as rows { key, delegations, visitors, mean, median } so that they can be compared.
 *
 * Jobs: people by region, and people by month (which needs the ISO and day-first dates parsed).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const BENCH_DIR = path.join(ROOT, '.bench');
const DUCKDB_PACKAGE = '@duckdb/node-api';

const visitstat = {
  name: 'visitstat',
  command(job, file) {
    return [process.execPath, [path.join(ROOT, 'bin', 'visitstat'), 'summary', '--group-by', job, '--format', 'json', file]];
  },
  figures(stdout, job) {
    return JSON.parse(stdout).delegations.groups.map((g) => ({
      key: g[job],
      delegations: g.delegations,
      visitors: g.visitors,
      mean: g.mean,
      median: g.median,
    }));
  },
};

/** The same, kept to one thread (parallel reading off), to show what the second thread brings. */
const visitstatOneThread = {
  ...visitstat,
  name: 'visitstat-1t',
  env: { VISITSTAT_WORKERS: '0' },
};

/** DuckDB through its Node API, installed into .bench/ on first use so that users' installs stay light. */
const duckdb = {
  name: 'duckdb',
  available() {
    if (fs.existsSync(path.join(BENCH_DIR, 'node_modules', DUCKDB_PACKAGE))) return true;
    console.error(`bench: installing ${DUCKDB_PACKAGE} into .bench/ (first use only)`);
    try {
      execFileSync('npm', ['install', '--no-save', '--prefix', BENCH_DIR, DUCKDB_PACKAGE], { stdio: 'inherit' });
      return true;
    } catch {
      console.error('bench: could not install DuckDB; its rows are left out');
      return false;
    }
  },
  command(job, file) {
    return [process.execPath, [path.join(__dirname, 'duckdb-job.js'), job, file]];
  },
  figures(stdout) {
    return JSON.parse(stdout);
  },
};

/** Miller, when `mlr` is on the PATH (Debian: apt-get install miller); median interpolated (-i) as visitstat's. */
const MLR_MONTH = `
  if ($tanggal =~ "^([0-9]{4})-([0-9]{2})-[0-9]{2}$") { $key = "\\1-\\2" }
  elif ($tanggal =~ "^[0-9]{1,2}/([0-9]{1,2})/([0-9]{4})$") { $key = "\\2-" . (strlen("\\1") == 1 ? "0\\1" : "\\1") }`;

const miller = {
  name: 'mlr',
  available() {
    try {
      execFileSync('mlr', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      console.error('bench: mlr (Miller) not found; its rows are left out');
      return false;
    }
  },
  command(job, file) {
    const stats = ['stats1', '-i', '-a', 'count,sum,mean,p50', '-f', 'jumlah_peserta'];
    return job === 'region'
      ? ['mlr', ['--icsv', '--ojson', ...stats, '-g', 'provinsi', file]]
      : ['mlr', ['--icsv', '--ojson', 'put', MLR_MONTH, 'then', ...stats, '-g', 'key', file]];
  },
  figures(stdout, job) {
    return JSON.parse(stdout).map((r) => ({
      key: String(job === 'region' ? r.provinsi : r.key),
      delegations: r.jumlah_peserta_count,
      visitors: r.jumlah_peserta_sum,
      mean: r.jumlah_peserta_mean,
      median: r.jumlah_peserta_p50,
    }));
  },
};

module.exports = { visitstat, visitstatOneThread, duckdb, miller, BENCH_DIR, ROOT };
