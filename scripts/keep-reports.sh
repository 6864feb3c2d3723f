#!/usr/bin/env bash
# Copies the JUnit reports Maven wrote under DIR, unit tests (surefire) and integration tests (failsafe)
# alike, into build/test-results/NAME/<module>/<plugin>/, where make test's closing line
# (scripts/test-summary.py) and the CodeBuild report group read them: later suites may `mvn clean` the
# target folders. DIR is a Maven project (every module below it) or one project's target folder;
# <module> is the module's path below the project, left out for the project itself. With SINCE (a file
# touched before Maven ran), only reports newer than it: DIR may hold stale reports of modules that run
# did not build (make lambdas-test leaves lambdas/pipeline-gate to make pipeline-test).
# Usage: scripts/keep-reports.sh NAME DIR [SINCE]
set -euo pipefail
name=$1 dir=$2 since=${3:-}
newer=()
[ -z "$since" ] || newer=(-newer "$since")
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/build/test-results/$name"
rm -rf "$out"
mkdir -p "$out"
search=$(cd "$root/$dir" && pwd)
base=$search
[ "$(basename "$search")" = target ] && base=$(dirname "$search")
find "$search" -path '*/node_modules' -prune -o \
  \( -path '*/target/surefire-reports/TEST-*.xml' -o -path '*/target/failsafe-reports/TEST-*.xml' \) "${newer[@]}" -print0 \
  | while IFS= read -r -d '' report; do
      reports_dir=$(dirname "$report")                 # <module>/target/<plugin>-reports
      module_dir=$(dirname "$(dirname "$reports_dir")")
      plugin=$(basename "$reports_dir" -reports)
      module=${module_dir#"$base"}
      module=${module#/}
      target="$out${module:+/$module}/$plugin"
      mkdir -p "$target"
      cp "$report" "$target/"
    done
