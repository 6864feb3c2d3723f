# One entry point for people and CI. `make local` runs the bookstore on this machine; `make test` runs
# every test of the repository (CI calls exactly that through .ci/run).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
MVN ?= mvn -B -ntp

.PHONY: test local plan plan-diff bench lambdas-test infra-test ui-test pipeline-test e2e-test

SUITES := lambdas-test infra-test ui-test pipeline-test e2e-test

# Every suite runs even when an earlier one fails (-k), then one closing line adds up all of them.
test:
	@mkdir -p build && touch build/.test-start
	@status=0; $(MAKE) --no-print-directory -k $(SUITES) || status=$$?; \
	  scripts/test-summary.py build/.test-start || status=1; exit $$status

# Java Lambdas against a real moto server and redis-server (the harness starts both).
lambdas-test:
	scripts/bootstrap.sh moto redis
	$(MVN) -f lambdas/pom.xml verify

# The Pulumi program under Pulumi's mocks, including the offline plan and its policy rules.
infra-test:
	$(MVN) -f pom.xml verify

# Offline plan of both stacks into build/plan/<stack>.{json,md}; fails on any policy violation.
plan:
	scripts/plan.sh build/plan primary secondary

# Markdown diff of two plan directories: make plan-diff A=before-dir B=after-dir
plan-diff:
	@scripts/plan-diff.sh "$(A)" "$(B)"

# Storefront: lint, type check, unit tests, production build with its bundle budget.
ui-test:
	cd ui && npm ci --no-audit --no-fund && npm run check

# Buildspecs, the verify gate and the pull-request comment script.
# PyYAML (for the buildspec test) comes with the project .venv that bootstrap creates for moto.
pipeline-test:
	scripts/bootstrap.sh moto
	PYTHONPATH=pipeline/tests .venv/bin/python -m pytest -q -p no:cacheprovider pipeline/tests --junitxml=build/test-results/pipeline-scripts.xml
	$(MVN) -f lambdas/pipeline-gate/pom.xml verify

# The whole journey in headless Chromium against the local bookstore.
e2e-test:
	@echo "e2e: not wired yet"
