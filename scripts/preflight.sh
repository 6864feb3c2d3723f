#!/usr/bin/env bash
# The deploy preflight of both stacks (docs/configuration.md, "Before deploying"): the config parses with no unknown
# key, no example value is left, bookstore:primaryStack and the pipeline fit the backend, the stacks agree with each
# other, and the artifacts are built. No credentials, no network; `pulumi up` runs the same checks per stack.
# Usage: BACKEND_URL=s3://bucket?region=eu-central-1 scripts/preflight.sh
#        BACKEND_URL=https://api.pulumi.com PULUMI_ORG=acme scripts/preflight.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${BACKEND_URL:-}" ] || { echo "[preflight] BACKEND_URL is required: s3://<bucket>?region=<region> or https://api.pulumi.com (with PULUMI_ORG)" >&2; exit 2; }
MVN="${MVN:-mvn -B -ntp}"
$MVN -q -f parent/pom.xml -pl :bookstore-infra -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -cp "target/classes:$(cat target/classpath.txt)" com.bookstore.infra.preflight.PreflightCommand . \
  "$BACKEND_URL" "${PULUMI_ORG:-}"
