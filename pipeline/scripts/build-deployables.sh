#!/usr/bin/env bash
# Builds, without running tests, what `pulumi preview` hashes as assets: the Lambda jars, the UI bundle and the
# program jar. Pull-request previews run this; the main pipeline gets the same files from `make test`.
source "$(dirname "$0")/lib.sh"

cd "$REPO_ROOT"
mvn_cmd=${MVN:-mvn -B -ntp}
$mvn_cmd -f lambdas/pom.xml package -DskipTests
(cd ui && npm ci --no-audit --no-fund && npm run build)
$mvn_cmd -f pom.xml -Pbinary package -DskipTests
