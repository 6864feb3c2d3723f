#!/usr/bin/env bash
# The end-to-end suite (make e2e-test): the local runtime's Java tests, the shopper journey in Debian's Chromium, schemathesis against the
# local gateway, and the clean-stop checks of `make local`. Each test starts its own local bookstore on
# free ports through scripts/local.sh; this script installs and builds what they need once, first.
# Artifacts (screenshots, logs) go to build/e2e/, JUnit reports (the suite's, schemathesis') to build/test-results/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
SCHEMATHESIS_VERSION=4.32.5
say() { printf '[e2e] %s\n' "$*" >&2; }

scripts/bootstrap.sh moto redis chromium
if ! .venv/bin/python -c "import importlib.metadata as m, sys; sys.exit(m.version('schemathesis') != '$SCHEMATHESIS_VERSION')" 2>/dev/null; then
  say "installing schemathesis $SCHEMATHESIS_VERSION into .venv (about a minute)"
  .venv/bin/pip install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi
scripts/local-build.sh
# The local runtime's own tests (gateway, JWT authorizer, stream poller) run with the Lambdas' (make lambdas-test).
if [ ! -d ui/e2e/node_modules ] || [ ui/e2e/package-lock.json -nt ui/e2e/node_modules/.package-lock.json ]; then
  (cd ui/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
rm -rf build/e2e build/test-results/e2e-schemathesis
mkdir -p build/e2e build/test-results
cd ui/e2e
# one file at a time: each starts a bookstore, and the machine has two cores
exec node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination="$root/build/test-results/e2e.xml" tests/*.e2e.mjs
