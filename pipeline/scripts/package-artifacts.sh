#!/usr/bin/env bash
# After `make test`, checks that everything the deploy stages need was built (the program jar, the Lambda jars,
# the ops tool that seeds the blog, the UI bundle) and writes a manifest with their SHA-256, so a deploy can be traced to the exact bytes tested.
source "$(dirname "$0")/lib.sh"

require_env PROGRAM_JAR FUNCTIONS_JAR GATE_JAR OPS_JAR UI_DIST
cd "$REPO_ROOT"
# The test run builds the Lambdas and the UI; the self-contained program jar that Pulumi.yaml's
# runtime.options.binary runs comes from the pom's `binary` profile, packaged here.
if [ ! -f "$PROGRAM_JAR" ]; then
  say "packaging the Pulumi program jar"
  ${MVN:-mvn -B -ntp} -f parent/pom.xml -pl :bookstore-infra -am -Pbinary package -DskipTests
fi
for file in "$PROGRAM_JAR" "$FUNCTIONS_JAR" "$GATE_JAR" "$OPS_JAR" "$UI_DIST/index.html"; do
  [ -f "$file" ] || die "$file was not built"
done
mkdir -p build/pipeline
{
  echo "commit ${CODEBUILD_RESOLVED_SOURCE_VERSION:-$(git rev-parse HEAD 2>/dev/null || echo unknown)}"
  sha256sum "$PROGRAM_JAR" "$FUNCTIONS_JAR" "$GATE_JAR" "$OPS_JAR"
  find "$UI_DIST" -type f -print0 | sort -z | xargs -0 sha256sum
} > build/pipeline/manifest.txt
say "artifacts ready: $(wc -l < build/pipeline/manifest.txt) lines in build/pipeline/manifest.txt"
