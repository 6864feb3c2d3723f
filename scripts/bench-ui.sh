#!/usr/bin/env bash
# make bench-ui: the storefront's first-load size (ui/scripts/bundle-budget.mjs) and Lighthouse's mobile scores
# of four pages against a local bookstore (ui/e2e/bench/lighthouse-bench.mjs); each rewrites its own section of
# docs/benchmarks.md. Takes about five minutes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
say() { printf '[bench-ui] %s\n' "$*" >&2; }

scripts/bootstrap.sh moto redis chromium
(cd ui && npm ci --no-audit --no-fund --loglevel=error && npm run bench)
scripts/local-build.sh
# Lighthouse is this benchmark's alone: its own package, so the e2e suite does not install it.
if [ ! -d ui/e2e/bench/node_modules ] || [ ui/e2e/bench/package-lock.json -nt ui/e2e/bench/node_modules/.package-lock.json ]; then
  say "installing Lighthouse (a minute the first time)"
  (cd ui/e2e/bench && npm ci --no-audit --no-fund --loglevel=error)
fi
say "Lighthouse, mobile preset: 4 pages x 3 runs"
exec node ui/e2e/bench/lighthouse-bench.mjs
