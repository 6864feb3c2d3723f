#!/usr/bin/env bash
# The pull-request preview: `pulumi preview --json` for each stack in PREVIEW_STACKS, the offline plan and its
# diff (make plan, make plan-diff), then ONE comment on the pull request that covers them all.
# A failed preview is reported in the comment and fails the build afterwards.
source "$(dirname "$0")/lib.sh"

require_env PREVIEW_STACKS GITHUB_REPOSITORY PLAN_DIFF_FILE POLICY_SUMMARY_FILE
cd "$REPO_ROOT"
"$REPO_ROOT/pipeline/scripts/build-deployables.sh"
"$REPO_ROOT/pipeline/scripts/pulumi-login.sh"

mkdir -p build/preview
preview_args=()
for stack in $PREVIEW_STACKS; do
  out="build/preview/$stack.json"
  if qualified=$("$REPO_ROOT/pipeline/scripts/select-stack.sh" "$stack"); then
    say "pulumi preview -s $qualified"
    pulumi preview --non-interactive --json --stack "$qualified" > "$out" || say "preview of $stack failed"
  else
    : > "$out"
  fi
  preview_args+=(--preview "$stack=$out")
done

say "offline plan and diff"
if ! { make plan && make plan-diff; }; then
  say "offline plan failed; the comment will say so"
fi

if [ -z "${GITHUB_TOKEN:-}" ] && [ -n "${GITHUB_TOKEN_SECRET_ID:-}" ]; then
  GITHUB_TOKEN=$(aws secretsmanager get-secret-value --secret-id "$GITHUB_TOKEN_SECRET_ID" \
    --query SecretString --output text)
  export GITHUB_TOKEN
fi
require_env GITHUB_TOKEN

python3 "$REPO_ROOT/pipeline/scripts/post_pr_comment.py" "${preview_args[@]}" \
  --plan-diff "$PLAN_DIFF_FILE" --policy-summary "$POLICY_SUMMARY_FILE" \
  --repository "$GITHUB_REPOSITORY" --commit "${COMMIT_ID:-${CODEBUILD_RESOLVED_SOURCE_VERSION:-}}" \
  ${PULL_REQUEST_NUMBER:+--pull-request "$PULL_REQUEST_NUMBER"} ${CODEBUILD_BUILD_URL:+--build-url "$CODEBUILD_BUILD_URL"} \
  --output build/preview/comment.md
