#!/usr/bin/env bash
# Logs the Pulumi CLI into the configured state backend. Either a self-managed S3 backend
# (PULUMI_BACKEND_URL=s3://bucket?region=eu-west-1, stack secrets encrypted with PULUMI_SECRETS_PROVIDER=awskms://...)
# or Pulumi Cloud (PULUMI_ACCESS_TOKEN, with PULUMI_BACKEND_URL unset or https://api.pulumi.com).
source "$(dirname "$0")/lib.sh"

export PULUMI_SKIP_UPDATE_CHECK=true
case "${PULUMI_BACKEND_URL:-}" in
  s3://*)
    require_env PULUMI_SECRETS_PROVIDER
    say "logging in to the S3 backend ${PULUMI_BACKEND_URL%%\?*}"
    pulumi login --non-interactive "$PULUMI_BACKEND_URL" ;;
  ""|https://*)
    require_env PULUMI_ACCESS_TOKEN
    say "logging in to Pulumi Cloud"
    pulumi login --non-interactive "${PULUMI_BACKEND_URL:-https://api.pulumi.com}" ;;
  *)
    die "PULUMI_BACKEND_URL must be s3://... or https://... (Pulumi Cloud), got '$PULUMI_BACKEND_URL'" ;;
esac
