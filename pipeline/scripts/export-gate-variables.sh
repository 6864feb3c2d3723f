# Sourced (not run) by the deploy buildspec after deploy-stack.sh: brings API_BASE_URL and STACK_REGION into the
# build's shell, where CodeBuild's exported-variables picks them up for the verify action's user parameters.
set -a
# shellcheck source=/dev/null
source "${REPO_ROOT:-.}/build/pipeline/gate-variables.env"
set +a
