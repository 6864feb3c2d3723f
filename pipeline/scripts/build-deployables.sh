#!/usr/bin/env bash
# Builds, without running tests, every file the program reads as an asset, so `pulumi preview` hashes what a deploy
# would ship: the Lambda jars (functions, ops), the verify gate's jar (the primary's VerifyGate), the UI bundle and
# the program jar. The gated pull-request preview runs this; the delivery pipeline gets the same files from
# `make test`. Each path is checked afterwards, so a module missing here fails with its name, not in the preview.
source "$(dirname "$0")/lib.sh"

cd "$REPO_ROOT"
mvn_cmd=${MVN:-mvn -B -ntp}
$mvn_cmd -f lambdas/pom.xml package -DskipTests
(cd ui && npm ci --no-audit --no-fund && npm run build)
$mvn_cmd -f parent/pom.xml -pl :bookstore-infra -am -Pbinary package -DskipTests
for deployable in ${DEPLOYABLES:-lambdas/functions/target/bookstore-functions.jar lambdas/ops/target/bookstore-ops.jar \
    lambdas/pipeline-gate/target/pipeline-gate.jar target/bookstore-infra.jar ui/dist/index.html}; do
  [ -s "$deployable" ] || die "build-deployables.sh did not produce $deployable"
done
