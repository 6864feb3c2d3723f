#!/usr/bin/env bash
# After deploy-stack.sh: loads the shipped catalogue into the Books table of the stack just deployed, when the stack
# owns that table (the primary's booksTableArn output; the secondary holds a replica and exports none), with
# `bookstore-ops seed-catalogue` from the ops jar the build stage built and tested. Idempotent (unchanged books are not
# written); if it fails, the deploy stage fails and the verify gate never passes a primary with an empty catalogue.
# Usage: STACK=primary OPS_JAR=lambdas/ops/target/bookstore-ops.jar seed-catalogue.sh
source "$(dirname "$0")/lib.sh"

require_env STACK
cd "$REPO_ROOT"
outputs="build/pipeline/outputs-$STACK.json"
[ -f "$outputs" ] || die "$outputs is missing: deploy-stack.sh writes it after pulumi up"
table=$(python3 -c '
import json, sys
print(json.load(open(sys.argv[1])).get("booksTableArn") or "")
' "$outputs") || die "$outputs is not JSON"
if [ -z "$table" ]; then
  say "the $STACK stack owns no Books table (booksTableArn): nothing to seed"
  exit 0
fi
require_env OPS_JAR
[ -f "$OPS_JAR" ] || die "ops jar $OPS_JAR is missing from the build artifact"
say "seeding the catalogue of the $STACK stack"
java -jar "$OPS_JAR" seed-catalogue --table-arn "$table"
