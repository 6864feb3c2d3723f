#!/usr/bin/env bash
# The failover drill as a benchmark: runs scripts/drill.sh in four settings, one after another, and
# rewrites the "Failover drill" section of docs/benchmarks.md and the figures in README.md from their
# report.json files; the chart of the first setting becomes docs/images/drill-timeline.svg.
# About ten minutes. Each run's report, chart and logs stay in build/bench-drill/<setting>/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
say() { printf '[bench-drill] %s\n' "$*" >&2; }

runs=build/bench-drill
rm -rf "$runs"
mkdir -p "$runs"
load_at_start=$(cut -d' ' -f1 /proc/loadavg)

# name           fault   replication delay (ms)  shoppers  think time (ms)
settings=(
  "freeze-1s       freeze  1000                    4         250"
  "freeze-0s       freeze  0                       4         250"
  "freeze-1s-x8    freeze  1000                    8         100"
  "ssm-1s          ssm     1000                    4         250"
)
failed=0
for setting in "${settings[@]}"; do
  read -r name fault delay shoppers think <<<"$setting"
  say "drill $name: $fault fault, ${delay} ms replication delay, $shoppers shoppers (log: $runs/$name.log)"
  if ! DRILL_FAULT=$fault REPLICATION_DELAY_MS=$delay DRILL_OUT="$runs/$name" \
      DRILL_ARGS="--shoppers $shoppers --think-millis $think" scripts/drill.sh >"$runs/$name.log" 2>&1; then
    say "drill $name did not pass its invariants or did not run: see $runs/$name.log and $runs/$name/report.md"
    failed=1
  fi
  cp -r build/drill-state "$runs/$name/logs" 2>/dev/null || true
done

python3 scripts/drill_figures.py --runs "$runs" --load "$load_at_start" \
  --benchmarks docs/benchmarks.md --readme README.md
cp "$runs/freeze-1s/timeline.svg" docs/images/drill-timeline.svg
say "docs/benchmarks.md, README.md and docs/images/drill-timeline.svg rewritten"
exit "$failed"
