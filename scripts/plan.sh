#!/usr/bin/env bash
# Offline plan of both stacks: runs the Pulumi program under the project's mocks with each stack's real
# Pulumi.<stack>.yaml and writes build/plan/<stack>.{json,md}; fails listing every policy violation.
# No Pulumi CLI, no credentials, no network. Usage: scripts/plan.sh [out dir] [stack...]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-build/plan}"
shift || true
stacks=("$@")
[ ${#stacks[@]} -gt 0 ] || stacks=(primary secondary)
MVN="${MVN:-mvn -B -ntp}"
# Compile and write the runtime classpath once; the plan itself runs on a plain JVM (no Maven overhead).
$MVN -q -f parent/pom.xml -pl :bookstore-infra -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 \
  -cp "target/classes:$(cat target/classpath.txt)" com.bookstore.infra.plan.PlanCommand . "$out" "${stacks[@]}"
