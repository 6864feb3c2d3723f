# Shared by the pipeline's scripts (sourced, not run): strict mode, logging, required variables.
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export REPO_ROOT

say() { printf '[pipeline] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
require_env() {
  local name
  for name in "$@"; do
    [ -n "${!name:-}" ] || die "environment variable $name is required (see pipeline/README.md)"
  done
}
