#!/usr/bin/env bash
# Markdown diff of two offline-plan directories (added, removed and changed resources with the changed
# keys), for pull requests. Usage: scripts/plan-diff.sh <before dir> <after dir>
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 <before plan dir> <after plan dir>" >&2; exit 2; }
before="$(realpath "$1")"; after="$(realpath "$2")"
cd "$(dirname "$0")/.."
MVN="${MVN:-mvn -B -ntp}"
$MVN -q -f parent/pom.xml -pl :bookstore-infra -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2
exec java -cp "target/classes:$(cat target/classpath.txt)" com.bookstore.infra.plan.PlanDiff "$before" "$after"
