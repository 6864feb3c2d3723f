#!/usr/bin/env bash
# Measures the local mode (start-up, gateway latency, order-to-best-sellers time) and rewrites the
# "Local mode" section of docs/benchmarks.md. Takes about two minutes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/bootstrap.sh moto redis
scripts/local-build.sh
if [ ! -d ui/e2e/node_modules ]; then (cd ui/e2e && npm ci --no-audit --no-fund --loglevel=error); fi
exec node ui/e2e/bench/local-bench.mjs
