#!/usr/bin/env bash
# `make deploy`: from an AWS account with nothing of the bookstore in it to both regions serving, in the order that
# works (README, "Deploying to AWS"): prerequisites and credentials; the Pulumi backend and secrets key first, in a
# region that is neither stack's (or Pulumi Cloud); login; both stacks with their secrets provider; the secondary's
# primaryStack set to the name this backend gives the primary; the build; the offline plan and the preflight; the
# primary; its catalogue and blog; the secondary; the smoke checks of both regions' own endpoints and the storefront.
# Every step prints what it does and is safe to re-run: what exists is kept, seeding writes only what is missing.
#
# Settings (environment or make variables):
#   BACKEND=s3      STATE_BUCKET=<new or existing bucket>  [STATE_REGION=eu-central-1]  [KMS_ALIAS=alias/bookstore-pulumi]
#   BACKEND=cloud   PULUMI_ORG=<organization>  (and PULUMI_ACCESS_TOKEN, or a `pulumi login` done before)
#   DRY_RUN=1       print the exact commands in order, run nothing (no credentials needed)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[deploy] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

DRY_RUN=${DRY_RUN:-}
BACKEND=${BACKEND:-s3}
STATE_REGION=${STATE_REGION:-eu-central-1}
KMS_ALIAS=${KMS_ALIAS:-alias/bookstore-pulumi}
MVN=${MVN:-mvn -B -ntp}
OPS_JAR=lambdas/ops/target/bookstore-ops.jar
GATE_JAR=lambdas/pipeline-gate/target/pipeline-gate.jar

# One value of a stack file's flat config block (docs/configuration.md): `config_value primary aws:region`.
config_value() {
  sed -n "s/^  $2: *\"\\{0,1\\}\\([^\"#]*[^\" #]\\)\"\\{0,1\\} *\\(#.*\\)\\{0,1\\}$/\\1/p" "Pulumi.$1.yaml" | head -1
}
project=$(sed -n 's/^name: *//p' Pulumi.yaml)
primary_region=$(config_value primary aws:region)
secondary_region=$(config_value secondary aws:region)
[ -n "$project" ] && [ -n "$primary_region" ] && [ -n "$secondary_region" ] \
  || die "Pulumi.yaml needs name:, and Pulumi.primary.yaml and Pulumi.secondary.yaml need aws:region"

# A step's commands run in order; DRY_RUN prints them instead. `ensure CHECK CREATE` creates only what CHECK misses.
step() { say "== $*"; }
run() {
  if [ -n "$DRY_RUN" ]; then printf '%s\n' "$1"; else say "\$ $1"; eval "$1"; fi
}
ensure() {
  if [ -n "$DRY_RUN" ]; then printf '%s\n' "$1 || $2"; return; fi
  say "\$ $1"
  if eval "$1" >/dev/null 2>&1; then say "   exists, kept"; else say "\$ $2"; eval "$2"; fi
}

case "$BACKEND" in
  s3)
    [ -n "${STATE_BUCKET:-}" ] || die "BACKEND=s3 needs STATE_BUCKET: the bucket for the stacks' state (created if missing)"
    case "$STATE_REGION" in
      "$primary_region"|"$secondary_region")
        die "STATE_REGION $STATE_REGION is a region of the stacks: keep the state where an outage of either cannot take it (docs/runbooks/unplanned-failover.md)" ;;
    esac
    backend_url="s3://$STATE_BUCKET?region=$STATE_REGION"
    secrets_provider="awskms://$KMS_ALIAS?region=$STATE_REGION"
    organization=organization
    stack_prefix="" ;;
  cloud)
    [ -n "${PULUMI_ORG:-}" ] || die "BACKEND=cloud needs PULUMI_ORG: the Pulumi Cloud organization of the stacks"
    backend_url=https://api.pulumi.com
    secrets_provider=default
    organization=$PULUMI_ORG
    stack_prefix="$PULUMI_ORG/" ;;
  *) die "BACKEND must be s3 or cloud, was '$BACKEND'" ;;
esac
primary_stack="$organization/$project/primary"

step "1. prerequisites and credentials"
if [ -z "$DRY_RUN" ]; then
  for tool in pulumi aws java mvn node npm curl; do
    command -v "$tool" >/dev/null || die "$tool is missing (README, \"Deploying to AWS\", lists what to install)"
  done
fi
run "pulumi version"
run "aws sts get-caller-identity --query Arn --output text"

step "2. state backend and secrets key ($BACKEND)"
if [ "$BACKEND" = s3 ]; then
  ensure "aws s3api head-bucket --bucket $STATE_BUCKET --region $STATE_REGION" \
    "aws s3api create-bucket --bucket $STATE_BUCKET --region $STATE_REGION --create-bucket-configuration LocationConstraint=$STATE_REGION"
  run "aws s3api put-bucket-versioning --bucket $STATE_BUCKET --region $STATE_REGION --versioning-configuration Status=Enabled"
  run "aws s3api put-public-access-block --bucket $STATE_BUCKET --region $STATE_REGION --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true"
  ensure "aws kms describe-key --key-id $KMS_ALIAS --region $STATE_REGION" \
    "aws kms create-alias --alias-name $KMS_ALIAS --region $STATE_REGION --target-key-id \"\$(aws kms create-key --region $STATE_REGION --description 'bookstore Pulumi secrets' --query KeyMetadata.KeyId --output text)\""
fi
run "pulumi login '$backend_url'"

step "3. stacks, with their secrets provider from the start"
for stack in primary secondary; do
  ensure "pulumi stack select $stack_prefix$stack" \
    "pulumi stack init $stack_prefix$stack --secrets-provider '$secrets_provider'"
done
# The name this backend gives the primary; on Pulumi Cloud the pipeline's prefix must name the same organization.
run "pulumi config set bookstore:primaryStack $primary_stack --stack ${stack_prefix}secondary"
if [ "$BACKEND" = cloud ] && [ -n "$(config_value primary bookstore:pipelineRepository)" ]; then
  run "pulumi config set bookstore:pipelineStackPrefix $stack_prefix --stack ${stack_prefix}primary"
fi

step "4. build what the stacks deploy"
run "$MVN -f lambdas/pom.xml package -DskipTests"
run "(cd ui && npm ci --no-audit --no-fund && npm run build)"
run "$MVN -f parent/pom.xml -pl :bookstore-infra -am -Pbinary package -DskipTests"

step "5. offline plan and preflight: nothing is created if either fails"
run "make plan"
if [ "$BACKEND" = cloud ]; then
  run "make preflight BACKEND_URL='$backend_url' PULUMI_ORG=$organization"
else
  run "make preflight BACKEND_URL='$backend_url'"
fi

step "6. primary ($primary_region)"
run "pulumi up --yes --stack ${stack_prefix}primary"

# Cognito starts the pool's replica INACTIVE and CloudFormation's AWS::Cognito::UserPoolReplica has no status to set:
# activate it so the secondary's region signs shoppers in (docs/architecture.md#the-user-pool; UpdateUserPoolReplica).
run "aws cognito-idp update-user-pool-replica --region $primary_region --user-pool-id \"\$(pulumi stack output userPoolId --stack ${stack_prefix}primary)\" --region-name $secondary_region --status ACTIVE"

step "7. seed the catalogue and the blog (idempotent)"
run "java -jar $OPS_JAR seed-catalogue --table-arn \"\$(pulumi stack output booksTableArn --stack ${stack_prefix}primary)\""
if [ "$(config_value primary bookstore:blog)" = off ]; then
  say "   the blog is off (bookstore:blog): nothing to seed"
else
  run "java -jar $OPS_JAR seed-blog --task \"\$(pulumi stack output blogSeedTask --stack ${stack_prefix}primary)\""
fi

step "8. secondary ($secondary_region)"
run "pulumi up --yes --stack ${stack_prefix}secondary"

step "9. smoke checks: each region's own endpoint, then the storefront"
run "java -jar $GATE_JAR smoke --region $primary_region --api \"\$(pulumi stack output apiEndpoint --stack ${stack_prefix}primary)\""
run "java -jar $GATE_JAR smoke --region $secondary_region --api \"\$(pulumi stack output apiEndpoint --stack ${stack_prefix}secondary)\""
run "curl -fsS \"\$(pulumi stack output storefrontUrl --stack ${stack_prefix}primary)/config.json\""

if [ -n "$DRY_RUN" ]; then
  say "dry run: the commands above are what make deploy runs, in this order; nothing was run"
else
  say "done: both regions are deployed and answer; the storefront is at the primary's storefrontUrl output"
fi
