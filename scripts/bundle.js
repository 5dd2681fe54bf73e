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
 * Kept outside the bundle: the xlsx library (about 1 MB, needed only for workbooks), which the bundle
 * requires from node_modules when a workbook is met. The bundle sits two folders below the project, like
 * the modules it is made of, so their paths (the scanner's WebAssembly, the worker thread's script,
 * the sample files) stay the same. Tests load dist/ module by module; the golden cases run the bundle.
 *
 * Run by `npm run build` after tsc.
 */
'use strict';
const esbuild = require('esbuild');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');

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

esbuild
  .build({
    entryPoints: [join(ROOT, 'dist', 'cli.js')],
    outfile: join(ROOT, 'dist', 'bundle', 'cli.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    external: ['@cj-tech-master/excelts'],
    logLevel: 'warning',
    plugins: [childProcessOnUse],
  })
  .catch(() => process.exit(1));
