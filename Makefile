# One entry point for people and CI. `make local` runs the bookstore on this machine; `make test` runs
# every test of the repository (CI calls exactly that through .ci/run).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
MVN ?= mvn -B -ntp

.PHONY: test test-repeat local drill plan plan-diff reproducible preflight deploy bench bench-lambdas bench-ui bench-local bench-drill mutation \
        lambdas-test infra-test ui-test pipeline-test blog-test e2e-test drill-test

SUITES := lambdas-test infra-test ui-test pipeline-test blog-test e2e-test drill-test

# Every suite runs even when an earlier one fails (-k), then one line per suite and one closing line add
# them up; a suite below its floor of tests (scripts/test-floors.txt) fails the run.
test:
	@mkdir -p build && touch build/.test-start
	@status=0; $(MAKE) --no-print-directory -k $(SUITES) || status=$$?; \
	  scripts/test-summary.py --all build/.test-start || status=1; exit $$status

# The Java and UI suites N times in a row with the machine loaded by a CPU hog (one busy loop per core,
# stopping by itself); names every test that failed even once (scripts/test-repeat.py) and writes the verdict
# to docs/benchmarks.md ("Flake check"). Not part of make test.
N ?= 5
test-repeat:
	scripts/test-repeat.py --rounds $(N) --record docs/benchmarks.md

# Java Lambdas (functions, operator tools) against a real moto server and redis-server (the harness starts both).
lambdas-test:
	scripts/bootstrap.sh moto redis
	mkdir -p build && touch build/.lambdas-test.start
	status=0; $(MVN) -f lambdas/pom.xml -pl '!pipeline-gate' verify || status=$$?; \
	  scripts/keep-reports.sh lambdas lambdas build/.lambdas-test.start; exit $$status

# The Pulumi program under Pulumi's mocks, including the offline plan and its policy rules; the Region switch plan
# is validated against the service model of the pinned botocore in .venv.
infra-test:
	scripts/bootstrap.sh moto
	mkdir -p build && touch build/.infra-test.start
	status=0; $(MVN) -f parent/pom.xml -pl :bookstore-infra -am verify || status=$$?; scripts/keep-reports.sh infra target build/.infra-test.start; exit $$status

# Storefront: lint, type check, unit tests, production build with its bundle budget.
ui-test:
	cd ui && npm ci --no-audit --no-fund && npm run check

# Buildspecs, the verify gate, the pull-request comment script and the closing line of make test.
pipeline-test:
	scripts/bootstrap.sh moto
	PYTHONPATH=pipeline/tests .venv/bin/python -m pytest -q -p no:cacheprovider pipeline/tests scripts/tests \
	  --junitxml=build/test-results/pipeline-scripts.xml
	mkdir -p build && touch build/.pipeline-test.start
	status=0; $(MVN) -f lambdas/pom.xml -pl pipeline-gate -am verify || status=$$?; \
	  scripts/keep-reports.sh pipeline-gate lambdas/pipeline-gate build/.pipeline-test.start; exit $$status

# The local blog: real MariaDB + WordPress from Debian's packages, seeded and served.
blog-test:
	scripts/bootstrap.sh blog
	@mkdir -p build/test-results
	node --test --test-reporter=spec --test-reporter-destination=stdout \
	  --test-reporter=junit --test-reporter-destination=build/test-results/blog.xml scripts/blog/

# The whole journey in headless Chromium against the local bookstore.
e2e-test:
	scripts/e2e-test.sh

# A short failover drill in the two-region local mode, asserting the report's invariants (not timings).
drill-test:
	@mkdir -p build/test-results
	node --test --test-reporter=spec --test-reporter-destination=stdout \
	  --test-reporter=junit --test-reporter-destination=build/test-results/drill.xml scripts/drill.test.mjs

# The whole bookstore on this machine (docs/local.md): installs and builds what is missing or stale;
# Ctrl-C stops every process it started. REGIONS=2: both regions behind the front door on :8080, with
# the table replicator between them, to try failover by hand (docs/failover.md).
REGIONS ?= 1
local:
	@case "$(REGIONS)" in \
	  1) exec scripts/local.sh ;; \
	  2) exec scripts/drill.sh regions ;; \
	  *) echo "make local: REGIONS must be 1 or 2, was '$(REGIONS)'" >&2; exit 2 ;; \
	esac

# Failover drill on this machine (docs/failover.md): two local regions, replicator, front door on :8080;
# writes build/drill/report.{json,md} and timeline.svg. DRILL_FAULT=ssm uses the regions' fault switch.
drill:
	scripts/drill.sh

# Offline plan of both stacks into build/plan/<stack>.{json,md}; fails on any policy violation.
plan:
	scripts/plan.sh build/plan primary secondary

# Builds every deployable twice and fails unless the builds are byte-identical (docs/infrastructure.md,
# "Reproducible deployables"); minutes of CPU, so not part of `make test`.
reproducible:
	scripts/check-reproducible.sh

# The deploy checks of both stacks before anything is created (docs/configuration.md, "Before deploying"):
# make preflight BACKEND_URL='s3://<bucket>?region=<region>'   or   BACKEND_URL=https://api.pulumi.com PULUMI_ORG=<org>
preflight:
	scripts/preflight.sh

# From an empty AWS account to both regions serving (README, "Deploying to AWS"); DRY_RUN=1 prints the commands.
# make deploy STATE_BUCKET=<bucket> [STATE_REGION=eu-central-1]   or   make deploy BACKEND=cloud PULUMI_ORG=<org>
deploy:
	@scripts/deploy.sh

# Markdown diff of two plan directories: make plan-diff A=before-dir B=after-dir
plan-diff:
	@scripts/plan-diff.sh "$(A)" "$(B)"

# Benchmarks; each rewrites its own section of docs/benchmarks.md with the machine and date.
bench: bench-lambdas bench-ui bench-local bench-drill

# Jar size, cold-start proxy and warm overhead of the Lambdas.
bench-lambdas:
	lambdas/bench/bench-lambdas.sh

# Start-up, gateway latency and order-to-best-sellers time of the local mode (about two minutes).
bench-local:
	scripts/bench-local.sh

# The failover drill in four settings (about ten minutes); also rewrites the README's figures and chart.
bench-drill:
	scripts/bench-drill.sh

# Mutation testing (PIT, Stryker): how many deliberately broken lines the tests catch; rewrites its section of
# docs/benchmarks.md. Long (see that section for the last run's time); not part of `make test`.
mutation:
	scripts/mutation.sh

# First-load JavaScript of the storefront, and Lighthouse's mobile scores of four pages of a local run (about five minutes).
bench-ui:
	scripts/bench-ui.sh
