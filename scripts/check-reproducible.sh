#!/usr/bin/env bash
# Builds every deployable twice from this checkout and fails unless both builds are byte-identical: the Lambda
# jars (functions, ops, pipeline gate), the program jar (-Pbinary) and the storefront bundle (ui/dist).
# An unchanged commit must not upload new code or publish new SnapStart versions (docs/infrastructure.md,
# "Reproducible deployables"). Takes a few minutes on 2 cores, so it is `make reproducible`, not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN="${MVN:-mvn -B -ntp -q}"
out="build/reproducible"
rm -rf "$out" && mkdir -p "$out"

build() {
  local round="$1"
  echo "reproducible: build $round of 2: Lambda jars" >&2
  $MVN -f lambdas/pom.xml clean package -DskipTests
  echo "reproducible: build $round of 2: program jar" >&2
  $MVN -f parent/pom.xml -pl :bookstore-infra -am -Pbinary clean package -DskipTests
  echo "reproducible: build $round of 2: storefront bundle" >&2
  (cd ui && rm -rf dist && npm run --silent build >/dev/null)
  {
    sha256sum lambdas/functions/target/bookstore-functions.jar lambdas/ops/target/bookstore-ops.jar \
      lambdas/pipeline-gate/target/pipeline-gate.jar target/bookstore-infra.jar
    (cd ui && find dist -type f | LC_ALL=C sort | xargs sha256sum)
  } > "$out/round-$round.sha256"
}

echo "reproducible: installing the storefront's dependencies (npm ci)" >&2
(cd ui && npm ci --no-audit --no-fund --loglevel=error)
build 1
build 2
if diff -u "$out/round-1.sha256" "$out/round-2.sha256"; then
  echo "reproducible: $(wc -l < "$out/round-1.sha256") files byte-identical across two builds"
else
  echo "reproducible: the files above differ between two builds of the same commit" >&2
  exit 1
fi
