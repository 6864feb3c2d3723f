#!/usr/bin/env bash
# The untrusted stage of a pull request: the offline plan of every stack in PLAN_STACKS (make plan, no credentials),
# the plan of where the pull request branched off BASE_BRANCH and the diff of the two (make plan-diff), each stack's
# policy verdict and resilience budget. Everything lands in PR_OUTPUT_DIR (build/pr) as plain files with a
# manifest.json; the trusted reporter renders them as text. Needs no secret, token or network beyond Maven's.
#
# The base: with git history (a clone, or a developer's checkout), the merge base of HEAD and BASE_REF (default
# origin/BASE_BRANCH, else BASE_BRANCH). Without it (CodePipeline's source zip), BASE_SOURCE_DIR or
# CODEBUILD_SRC_DIR_TrustedSource: the branch's head, which the manifest names as such.
source "$(dirname "$0")/lib.sh"

require_env BASE_BRANCH
cd "$REPO_ROOT"
out=${PR_OUTPUT_DIR:-build/pr}
stacks=${PLAN_STACKS:-primary secondary}
base=build/plan-base
rm -rf "$out" "$base"
mkdir -p "$out" "$base"

commit=$(git rev-parse HEAD 2>/dev/null || echo "${CODEBUILD_RESOLVED_SOURCE_VERSION:-unknown}")
say "offline plan of the pull request at ${commit:0:12}"
# shellcheck disable=SC2086 # stacks is a list
if "$REPO_ROOT/scripts/plan.sh" build/plan $stacks > "$out/plan.log" 2>&1; then plan_status=pass; else plan_status=fail; fi
say "the pull request's plan: $plan_status (log in plan.log)"
# shellcheck disable=SC2086
python3 "$REPO_ROOT/pipeline/scripts/policy_summary.py" build/plan $stacks > "$out/policy-summary.md"

base_kind=none
base_sha=""
if git rev-parse --git-dir > /dev/null 2>&1; then
  ref=${BASE_REF:-origin/$BASE_BRANCH}
  git rev-parse --verify --quiet "$ref^{commit}" > /dev/null || ref=$BASE_BRANCH
  if base_sha=$(git merge-base "$ref" HEAD 2>/dev/null); then
    mkdir -p "$base/source"
    git archive "$base_sha" | tar -x -C "$base/source"
    base_kind=merge-base
  fi
elif [ -d "${BASE_SOURCE_DIR:-${CODEBUILD_SRC_DIR_TrustedSource:-}}" ]; then
  cp -R "${BASE_SOURCE_DIR:-$CODEBUILD_SRC_DIR_TrustedSource}" "$base/source"
  base_kind=branch-head
fi
base_status=missing
if [ "$base_kind" != none ]; then
  say "offline plan of $BASE_BRANCH ($base_kind ${base_sha:0:12})"
  # shellcheck disable=SC2086
  if (cd "$base/source" && scripts/plan.sh build/plan $stacks) > "$out/base-plan.log" 2>&1; then
    base_status=pass
  else
    base_status=fail
  fi
fi
if [ -d "$base/source/build/plan" ] && [ -d build/plan ] \
    && "$REPO_ROOT/scripts/plan-diff.sh" "$base/source/build/plan" build/plan > "$out/plan-diff.md" 2>> "$out/plan.log"; then
  say "plan diff against $BASE_BRANCH written"
else
  printf 'The offline plan diff against %s could not be computed (base: %s, %s); see the build log.\n' \
    "$BASE_BRANCH" "$base_kind" "$base_status" > "$out/plan-diff.md"
fi

python3 - "$out/manifest.json" "$commit" "$base_kind" "$base_sha" "$plan_status" "$base_status" $stacks <<'PY'
import json, sys
path, commit, base_kind, base_sha, plan, base_plan, *stacks = sys.argv[1:]
json.dump({"commit": commit, "base": {"kind": base_kind, "commit": base_sha or None, "plan": base_plan},
           "plan": plan, "stacks": stacks}, open(path, "w"), indent=1)
PY
say "wrote $(ls "$out" | tr '\n' ' ')"
