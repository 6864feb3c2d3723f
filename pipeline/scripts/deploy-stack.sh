#!/usr/bin/env bash
# Deploys one stack from the prebuilt program jar the build stage produced (Pulumi.yaml's runtime.options.binary),
# then records what the verify gate needs in build/pipeline/gate-variables.env, which the buildspec sources through
# export-gate-variables.sh so CodeBuild can export them to the pipeline:
#   API_BASE_URL  the stack output named by API_URL_OUTPUT (default apiEndpoint: the region's own API, which the
#                 failover name apiBaseUrl is not once a domain is set)
#   STACK_REGION  the stack's aws:region config
# Usage: STACK=primary PROGRAM_JAR=... deploy-stack.sh
source "$(dirname "$0")/lib.sh"

require_env STACK PROGRAM_JAR
cd "$REPO_ROOT"
[ -f "$PROGRAM_JAR" ] || die "program jar $PROGRAM_JAR is missing from the build artifact"
"$REPO_ROOT/pipeline/scripts/pulumi-login.sh"
stack=$("$REPO_ROOT/pipeline/scripts/select-stack.sh" "$STACK")

say "pulumi up -s $stack"
pulumi up --non-interactive --yes --skip-preview --diff --stack "$stack" \
  --message "${CODEBUILD_RESOLVED_SOURCE_VERSION:-manual} via ${CODEBUILD_BUILD_ID:-local}"

API_BASE_URL=$(pulumi stack output --stack "$stack" "${API_URL_OUTPUT:-apiEndpoint}")
STACK_REGION=$(pulumi config get --stack "$stack" aws:region)
mkdir -p build/pipeline
pulumi stack output --stack "$stack" --json > "build/pipeline/outputs-$STACK.json"
printf 'API_BASE_URL=%q\nSTACK_REGION=%q\n' "$API_BASE_URL" "$STACK_REGION" > build/pipeline/gate-variables.env
say "$stack deployed in $STACK_REGION, API at $API_BASE_URL"
