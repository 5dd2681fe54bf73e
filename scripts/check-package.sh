#!/usr/bin/env bash
# The package as users get it: `npm pack`, then a global install of the tarball into an empty prefix
# without dev dependencies (no TypeScript, no build at install time), then the installed command run
# on the sample data that ships inside it, and its manual page where `man` looks for it.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
npm install --global --prefix "$work/prefix" --omit=dev --no-audit --no-fund "$work/$tarball" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; exit 1; }
bin="$work/prefix/bin/visitstat"
sample="$work/prefix/lib/node_modules/visitstat/fixtures/sample"

expected=$(node -p "require('./package.json').version")
[ "$("$bin" --version)" = "$expected" ] || { echo "check-package: --version is not $expected"; exit 1; }
# The seed's 2016 figures, from the installed copy of the sample data.
"$bin" summary --format csv "$sample/delegations-2016.csv" 2>/dev/null | grep -q '^345,24150,70.00,' ||
  { echo "check-package: summary of the installed sample is not 345 delegations / 24,150 people"; exit 1; }
# The help examples find the sample data through sample-path, from any folder: it must name the installed copy.
[ "$("$bin" sample-path)" -ef "$sample" ] || { echo "check-package: sample-path is not the installed $sample"; exit 1; }
(cd "$work" && export PATH="$work/prefix/bin:$PATH" && visitstat spending --year 2017 --format csv "$(visitstat sample-path)"/*.csv 2>/dev/null |
  grep -q "^2017,total,4898970,") || { echo "check-package: spending --year 2017 on \"\$(visitstat sample-path)\"/*.csv failed"; exit 1; }
[ -s "$work/prefix/share/man/man1/visitstat.1" ] || { echo "check-package: no man page at share/man/man1/visitstat.1"; exit 1; }
if command -v man >/dev/null; then
  MANPATH="$work/prefix/share/man" man -w visitstat >/dev/null || { echo "check-package: man does not find visitstat(1)"; exit 1; }
fi
"$bin" completion bash | bash -n || { echo "check-package: the bash completion script does not parse"; exit 1; }
echo "check-package: $tarball installs and runs ($(wc -c <"$work/$tarball") bytes)"
