#!/usr/bin/env bash
# After deploy-stack.sh in the primary: Cognito creates the user pool's replica INACTIVE, and CloudFormation's
# AWS::Cognito::UserPoolReplica (which the primary's program creates through Cloud Control) has no status to set,
# so the deploy activates it: until then the secondary's region cannot sign anyone in
# (docs/architecture.md#the-user-pool). UpdateUserPoolReplica with ACTIVE is run after every deployment, as
# scripts/deploy.sh does; a stack without the userPoolReplicaRegion output (the secondary) has nothing to activate.
# Usage: STACK=primary activate-user-pool-replica.sh
source "$(dirname "$0")/lib.sh"

require_env STACK
cd "$REPO_ROOT"
outputs="build/pipeline/outputs-$STACK.json"
[ -f "$outputs" ] || die "$outputs is missing: deploy-stack.sh writes it after pulumi up"
IFS="|" read -r region pool replica_region < <(python3 -c '
import json, sys
outputs = json.load(open(sys.argv[1]))
print("|".join(str(outputs.get(key, "")) for key in ("region", "userPoolId", "userPoolReplicaRegion")))
' "$outputs") || die "$outputs is not JSON"
if [ -z "${replica_region:-}" ]; then
  say "the $STACK stack has no user pool replica (userPoolReplicaRegion): nothing to activate"
  exit 0
fi
[ -n "${region:-}" ] && [ -n "${pool:-}" ] || die "$outputs has userPoolReplicaRegion but no region or userPoolId"
say "activating the replica of user pool $pool in $replica_region"
aws cognito-idp update-user-pool-replica --region "$region" --user-pool-id "$pool" \
  --region-name "$replica_region" --status ACTIVE
