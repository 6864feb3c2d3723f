#!/usr/bin/env bash
# Copies the JUnit reports Maven wrote under DIR into build/test-results/NAME, where make test's closing
# line (scripts/test-summary.py) reads them: later suites may `mvn clean` the target folders.
# Usage: scripts/keep-reports.sh NAME DIR
set -euo pipefail
name=$1 dir=$2
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/build/test-results/$name"
rm -rf "$out"
mkdir -p "$out"
find "$root/$dir" -path '*/node_modules' -prune -o -path '*/target/surefire-reports/TEST-*.xml' -print0 \
  | while IFS= read -r -d '' report; do
      module=$(basename "$(dirname "$(dirname "$(dirname "$report")")")")
      cp "$report" "$out/$module-$(basename "$report")"
    done
