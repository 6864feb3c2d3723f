#!/usr/bin/env bash
# The pull-request preview: `pulumi preview --json` for each stack in PREVIEW_STACKS, the offline plan of the pull
# request and its diff against the plan of where it branched off BASE_BRANCH (make plan, make plan-diff), the
# policy verdicts and resilience budgets, then ONE comment on the pull request that covers them all.
# A failed preview is reported in the comment and fails the build afterwards.
source "$(dirname "$0")/lib.sh"

require_env PREVIEW_STACKS GITHUB_REPOSITORY BASE_BRANCH PLAN_DIFF_FILE POLICY_SUMMARY_FILE
cd "$REPO_ROOT"
commit=${COMMIT_ID:-${CODEBUILD_RESOLVED_SOURCE_VERSION:-}}
[ -n "$commit" ] || die "COMMIT_ID (or CodeBuild's CODEBUILD_RESOLVED_SOURCE_VERSION) is required"
if [ -z "${GITHUB_TOKEN:-}" ] && [ -n "${GITHUB_TOKEN_SECRET_ID:-}" ]; then
  GITHUB_TOKEN=$(aws secretsmanager get-secret-value --secret-id "$GITHUB_TOKEN_SECRET_ID" \
    --query SecretString --output text)
fi
require_env GITHUB_TOKEN
export GITHUB_TOKEN
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

say "offline plan of the pull request"
# A plan that breaks a policy rule is still written (and its verdict shown); only a missing plan stops the diff.
make plan || say "the offline plan reports problems; the comment shows them"
mkdir -p "$(dirname "$POLICY_SUMMARY_FILE")" "$(dirname "$PLAN_DIFF_FILE")"
# shellcheck disable=SC2086 # PREVIEW_STACKS is a list
python3 "$REPO_ROOT/pipeline/scripts/policy_summary.py" build/plan $PREVIEW_STACKS > "$POLICY_SUMMARY_FILE"

say "offline plan of $BASE_BRANCH where the pull request branched off, and the diff"
base=build/plan-base
rm -rf "$base"
if base_sha=$(python3 "$REPO_ROOT/pipeline/scripts/fetch_base_source.py" --repository "$GITHUB_REPOSITORY" \
      --base-branch "$BASE_BRANCH" --commit "$commit" --dest "$base/source"); then
  make -C "$base/source" plan || say "the base's offline plan reports problems"
fi
if [ -d "$base/source/build/plan" ] && [ -d build/plan ] \
    && make --no-print-directory -s plan-diff A="$base/source/build/plan" B=build/plan > "$PLAN_DIFF_FILE"; then
  say "plan diff against $BASE_BRANCH at ${base_sha:0:12}"
else
  printf 'The offline plan diff against `%s` could not be computed (see the build log), so it is not shown.\n' \
    "$BASE_BRANCH" > "$PLAN_DIFF_FILE"
fi

python3 "$REPO_ROOT/pipeline/scripts/post_pr_comment.py" "${preview_args[@]}" \
  --plan-diff "$PLAN_DIFF_FILE" --policy-summary "$POLICY_SUMMARY_FILE" \
  --repository "$GITHUB_REPOSITORY" --commit "$commit" \
  ${PULL_REQUEST_NUMBER:+--pull-request "$PULL_REQUEST_NUMBER"} ${CODEBUILD_BUILD_URL:+--build-url "$CODEBUILD_BUILD_URL"} \
  --output build/preview/comment.md
