#!/usr/bin/env node
/**
 * Bundles the compiled program (dist/cli.js and every module it requires, the libraries it loads at
 * start-up included) into one file, dist/bundle/cli.js, which bin/visitstat runs. Node resolves and
 * reads one file instead of about 80: finding each module (some 180 lookups, each a few file-system
 * calls) cost about 15 to 20 ms of every run's CPU, a tenth of a small file's summary. Modules still
 * load only when first required (the bundle keeps each module's require lazy), so a command's
 * modules, renderers and the arrivals' modules cost nothing until used.
 *
 * commander requires child_process (and with it net, dgram and streams) when it loads, for git-style
 * subcommands run as programs of their own, which visitstat has none of: in the bundle that require is
 * made when commander first spawns one (never), which saves about 5 ms a run.
 *
 * Kept outside the bundle: the workbook reader (@cj-tech-master/excelts, about 1 MB, needed only to read
 * workbooks), which the bundle requires from node_modules when a workbook is met. The bundle sits two
 * folders below the project, like the modules it is made of, so their paths (the scanner's WebAssembly,
 * the worker thread's script, the sample files) stay the same. Tests load dist/ module by module; the
 * golden cases run the bundle.
 *
 * Run by `npm run build` after tsc.
 */
'use strict';
const esbuild = require('esbuild');
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { appendFileSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'dist', 'bundle');
const BUNDLE = join(OUT, 'cli.js');

/** commander's `require('node:child_process')` as a module that requires it on first use. */
const childProcessOnUse = {
  name: 'child-process-on-use',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'on-use' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'on-use' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};

/**
 * V8's code cache of the bundle, made by running bin/visitstat on the sample files (delegations and
 * arrivals by destination and by country), so that it holds the functions such a run compiles. Named
 * by the bundle's hash, which the bundle's last line gives.
 */
function makeCodeCache() {
  const name = `cli.${createHash('sha256').update(readFileSync(BUNDLE)).digest('hex').slice(0, 16)}.cache`;
  appendFileSync(BUNDLE, `//# code-cache ${name}\n`);
  const sample = join(ROOT, 'fixtures', 'sample');
  const files = ['delegations-2017.csv', 'destinasi-2016-2017.csv', 'wisman-negara-2016-2017.csv'].map((f) => join(sample, f));
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'visitstat'), 'summary', '--format', 'json', ...files], {
    env: { ...process.env, VISITSTAT_WRITE_CODE_CACHE: '1' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`bin/visitstat on the sample files exited with ${run.status}: ${run.stderr}`);
}

rmSync(OUT, { recursive: true, force: true });
esbuild
  .build({
    entryPoints: [join(ROOT, 'dist', 'cli.js')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    external: ['@cj-tech-master/excelts'],
    logLevel: 'warning',
    plugins: [childProcessOnUse],
  })
  .then(makeCodeCache)
  .catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
