#!/usr/bin/env bash
# Selects an existing stack; never creates one (a mistyped name must fail, not deploy a fresh empty stack).
# Usage: select-stack.sh STACK. PULUMI_STACK_PREFIX (for example "acme/bookstore/" on Pulumi Cloud) is prepended.
source "$(dirname "$0")/lib.sh"

[ $# -eq 1 ] || die "usage: select-stack.sh STACK"
stack="${PULUMI_STACK_PREFIX:-}$1"
cd "$REPO_ROOT"
pulumi stack select --non-interactive "$stack" >&2 \
  || die "stack '$stack' does not exist in this backend: create it once as pipeline/README.md (bootstrap) says"
if [ -n "${PULUMI_SECRETS_PROVIDER:-}" ]; then
  # The stack's config file records its secrets provider; the pipeline only checks it, it never re-keys a stack.
  grep -qF "secretsprovider: $PULUMI_SECRETS_PROVIDER" "Pulumi.$1.yaml" \
    || die "Pulumi.$1.yaml does not use $PULUMI_SECRETS_PROVIDER: re-key it once from a workstation with pulumi stack change-secrets-provider --stack $stack '$PULUMI_SECRETS_PROVIDER' and commit Pulumi.$1.yaml (pipeline/README.md, bootstrap)"
fi
echo "$stack"
