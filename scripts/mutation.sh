#!/usr/bin/env bash
# make mutation: how many deliberately broken lines the tests catch. PIT over the Lambdas' API and best-seller
# packages (on the moto + redis-server harness) and over the infra policy rules and plan functions; Stryker over
# the storefront's logic modules. Rewrites the "Mutation testing" section of docs/benchmarks.md and lists every
# survivor in build/mutation/survivors.md. One thread each (the cores are shared); not part of `make test`.
# MUTATION_MODULES="infra functions ui" picks the modules to run (all by default); the others' last reports
# in build/mutation are reused; MUTATION_FUNCTIONS_TARGETS="com.bookstore.bestsellers.*" narrows the Lambdas' run;
# MUTATION_UI_FILES="src/auth/session.ts,src/cart/*.ts" narrows Stryker to those files (the other files keep their rows);
# MUTATION_THREADS=2 runs two PIT minions (each with its own moto and redis-server), or two Stryker test runners, at
# once on an otherwise idle machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
MVN="${MVN:-mvn -B -ntp} -Dmutation.threads=${MUTATION_THREADS:-1}"
modules="${MUTATION_MODULES:-infra functions ui}"
out=build/mutation
mkdir -p "$out"

for module in $modules; do
  started=$(date +%s)
  case "$module" in
    infra)
      echo "[mutation] infra: policy rules and plan functions (PIT)"
      $MVN -q -f parent/pom.xml -pl :bookstore-infra -am -Pmutation test-compile org.pitest:pitest-maven:mutationCoverage
      cp target/pit-reports/mutations.xml "$out/infra.xml" ;;
    functions)
      echo "[mutation] lambdas/functions: com.bookstore.api and com.bookstore.bestsellers (PIT, moto + redis-server)"
      scripts/bootstrap.sh moto redis
      $MVN -q -f lambdas/pom.xml -pl functions -am -Pmutation test-compile org.pitest:pitest-maven:mutationCoverage \
        ${MUTATION_FUNCTIONS_TARGETS:+-Dmutation.targets=$MUTATION_FUNCTIONS_TARGETS}
      cp lambdas/functions/target/pit-reports/mutations.xml "$out/functions.xml" ;;
    ui)
      echo "[mutation] ui: logic modules (Stryker)"
      (cd ui && npm ci --no-audit --no-fund --loglevel=error &&
        npx stryker run --concurrency "${MUTATION_THREADS:-1}" ${MUTATION_UI_FILES:+--mutate "$MUTATION_UI_FILES"}) ;;
    *)
      echo "mutation: unknown module '$module' (infra, functions, ui)" >&2; exit 2 ;;
  esac
  echo "[mutation] $module took $(( $(date +%s) - started )) s"
done
python3 scripts/mutation-report.py docs/benchmarks.md "$out"
