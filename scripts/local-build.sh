#!/usr/bin/env bash
# Builds what the local bookstore runs, and only what is stale: the Lambdas with the local runtime
# (lambdas/local/target/bookstore-local.jar) and the storefront (ui/dist).
# Used by scripts/local.sh and by the end-to-end tests, which build once and start the bookstore often.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
say() { printf '[local] %s\n' "$*" >&2; }

jar=lambdas/local/target/bookstore-local.jar
newer_than() {  # target paths...: prints the first file newer than target, or "not built yet"
  local target=$1; shift
  [ -e "$target" ] || { echo "not built yet"; return; }
  local changed
  changed=$(find "$@" -type f -newer "$target" -not -path '*/target/*' -not -path '*/node_modules/*' -not -path '*/dist/*' -not -name '*.test.*' 2>/dev/null | head -1)
  [ -z "$changed" ] || echo "$changed changed"
}
stale=$(newer_than "$jar" parent/pom.xml lambdas/pom.xml lambdas/functions/pom.xml lambdas/functions/src/main lambdas/local/pom.xml lambdas/local/src/main lambdas/api-contract/pom.xml lambdas/api-contract/src/main ui/site-headers.yaml)
if [ -n "$stale" ]; then
  say "building the Lambdas and the local runtime ($stale; a minute or two the first time)"
  mkdir -p build/local
  log=build/local/maven.log
  mvn_quiet() {  # Maven's output goes to the log, and to the terminal only when the build fails
    mvn -B -ntp -Dmaven.test.skip=true "$@" >"$log" 2>&1 || { cat "$log" >&2; say "Maven build failed (log: $log)"; exit 1; }
  }
  mvn_quiet -f lambdas/pom.xml -pl local -am clean package
  touch "$jar"
  say "Java build done"
fi
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  say "installing the storefront's npm dependencies (a minute the first time)"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi
stale=$(newer_than ui/dist/index.html ui/src ui/public ui/index.html ui/package.json ui/package-lock.json ui/vite.config.ts)
if [ -n "$stale" ]; then
  say "building the storefront ($stale)"
  mkdir -p build/local
  (cd ui && npm run build --silent) >build/local/ui-build.log 2>&1 \
    || { cat build/local/ui-build.log >&2; say "storefront build failed (log: build/local/ui-build.log)"; exit 1; }
  touch ui/dist/index.html
  say "storefront built into ui/dist"
fi
