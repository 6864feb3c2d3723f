#!/usr/bin/env bash
# The gated preview of a pull request, after a maintainer approved its head commit (pipeline/README.md, "Before
# approving a preview"): `pulumi preview --json` of each stack in PREVIEW_STACKS against the real state, with the
# preview project's read-only role and token, into build/preview/<stack>.json. A stack whose preview fails leaves
# an empty file, which the reporter shows as failed; the reporter, not this script, fails the pipeline then.
source "$(dirname "$0")/lib.sh"

require_env PREVIEW_STACKS
cd "$REPO_ROOT"
"$REPO_ROOT/pipeline/scripts/build-deployables.sh"
"$REPO_ROOT/pipeline/scripts/pulumi-login.sh"

mkdir -p build/preview
for stack in $PREVIEW_STACKS; do
  out="build/preview/$stack.json"
  if qualified=$("$REPO_ROOT/pipeline/scripts/select-stack.sh" "$stack"); then
    say "pulumi preview -s $qualified"
    pulumi preview --non-interactive --json --stack "$qualified" > "$out" || { say "preview of $stack failed"; : > "$out"; }
  else
    : > "$out"
  fi
done
