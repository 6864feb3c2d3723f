#!/usr/bin/env bash
# After deploy-stack.sh: loads the blog's seed posts when the stack just deployed offers a seeding task (the
# primary's blogSeedTask output; the secondary, a read-only replica, has none) by running `bookstore-ops seed-blog`
# from the ops jar the build stage built and tested. Seeding is idempotent (posts are matched by slug), so it runs
# after every deployment; if it fails, the deploy stage fails and the verify gate never passes that primary.
# Usage: STACK=primary OPS_JAR=lambdas/ops/target/bookstore-ops.jar seed-blog.sh
source "$(dirname "$0")/lib.sh"

require_env STACK
cd "$REPO_ROOT"
outputs="build/pipeline/outputs-$STACK.json"
[ -f "$outputs" ] || die "$outputs is missing: deploy-stack.sh writes it after pulumi up"
# The output is JSON text in a string output; an object is accepted too.
task=$(python3 -c '
import json, sys
value = json.load(open(sys.argv[1])).get("blogSeedTask")
if value is not None:
    print(value if isinstance(value, str) else json.dumps(value))
' "$outputs") || die "$outputs is not JSON"
if [ -z "$task" ]; then
  say "the $STACK stack has no blog seeding task (blogSeedTask): nothing to seed"
  exit 0
fi
require_env OPS_JAR
[ -f "$OPS_JAR" ] || die "ops jar $OPS_JAR is missing from the build artifact"
say "seeding the blog of the $STACK stack"
java -jar "$OPS_JAR" seed-blog --task "$task" ${SEED_TIMEOUT_MINUTES:+--timeout-minutes "$SEED_TIMEOUT_MINUTES"}
