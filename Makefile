# One entry point for people and CI. `make local` runs the bookstore on this machine; `make test` runs
# every test of the repository (CI calls exactly that through .ci/run).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
MVN ?= mvn -B -ntp

.PHONY: test local drill plan bench lambdas-test infra-test ui-test pipeline-test blog-test e2e-test

test: lambdas-test infra-test ui-test pipeline-test blog-test e2e-test

# Java Lambdas against a real moto server and redis-server (the harness starts both).
lambdas-test:
	scripts/bootstrap.sh moto redis
	$(MVN) -f lambdas/pom.xml verify

# Jar size, cold-start proxy and warm overhead of the Lambdas; rewrites the "Lambdas" section of docs/benchmarks.md.
.PHONY: bench-lambdas
bench-lambdas:
	lambdas/bench/bench-lambdas.sh

# The Pulumi program under Pulumi's mocks, including the offline plan and its policy rules.
infra-test:
	$(MVN) -f pom.xml verify

# Storefront: lint, type check, unit tests, production build with its bundle budget.
ui-test:
	cd ui && npm ci --no-audit --no-fund && npm run check

# Buildspecs, the verify gate and the pull-request comment script.
pipeline-test:
	@echo "pipeline: not wired yet"

# The local blog: real MariaDB + WordPress from Debian's packages, seeded and served.
blog-test:
	scripts/bootstrap.sh blog
	node --test scripts/blog/

# The whole bookstore on this machine (docs/local.md): installs and builds what is missing or stale;
# Ctrl-C stops every process it started.
local:
	scripts/local.sh

# Failover drill on this machine (docs/failover.md): two local regions, replicator, front door on :8080;
# writes build/drill/report.{json,md} and timeline.svg. DRILL_FAULT=ssm uses the regions' fault switch.
drill:
	scripts/drill.sh

# The whole journey in headless Chromium against the local bookstore.
e2e-test:
	scripts/e2e-test.sh
