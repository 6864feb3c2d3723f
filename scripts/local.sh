#!/usr/bin/env bash
# Runs the whole bookstore on this machine: moto (local AWS), redis-server (local ElastiCache) and the
# Java local runtime (gateway + stream poller around the same handlers that run on Lambda).
# Installs what is missing, rebuilds only what is stale, prints "Bookstore is running at ..." when ready.
# Ctrl-C or SIGTERM stops every process it started.
#
# Environment (all optional):
#   BOOKSTORE_PORT   the site, API (/api) and Cognito endpoint (/cognito/)   default 8080 (0: any free port)
#   MOTO_PORT        moto's port                                              default: a free port
#   REDIS_PORT       redis-server's port                                      default: a free port
#   AWS_REGION       region the local stack plays                             default eu-west-1
#   BOOKSTORE_DEMO_EMAIL / BOOKSTORE_DEMO_PASSWORD  the demo account         default demo@bookstore.local / Demo-passw0rd!
#   BOOKSTORE_STATE_DIR  logs of moto and redis                               default build/local
#   BOOKSTORE_SKIP_BUILD=1  use the jars and ui/dist as they are (the e2e harness builds once)
#   BOOKSTORE_BLOG   on: the book blog (WordPress + MariaDB, scripts/blog) on BLOG_PORT    default on
#   BLOG_PORT        the blog's port                                          default: a free port
#   METRICS_FILE     the functions' embedded-metric lines (JSON lines)      default $BOOKSTORE_STATE_DIR/metrics.jsonl
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

say() { printf '[local] %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# shellcheck source=scripts/lib/processes.sh
source "$root/scripts/lib/processes.sh"
stop_processes_on_exit

# --- 1. what the machine needs -----------------------------------------------------------------------
blog=${BOOKSTORE_BLOG:-on}
case "$blog" in on|off) ;; *) die "BOOKSTORE_BLOG must be on or off, was '$blog'" ;; esac
if [ "$blog" = on ]; then scripts/bootstrap.sh moto redis blog; else scripts/bootstrap.sh moto redis; fi
command -v java >/dev/null || die "java (17+) is missing: apt-get install openjdk-17-jdk-headless"
command -v mvn >/dev/null || die "maven is missing: apt-get install maven"
command -v npm >/dev/null || die "node/npm (20.19+) is missing"

# --- 2. build what is stale --------------------------------------------------------------------------
jar=lambdas/local/target/bookstore-local.jar
[ "${BOOKSTORE_SKIP_BUILD:-0}" = 1 ] || scripts/local-build.sh
[ -f "$jar" ] || die "$jar is missing (run without BOOKSTORE_SKIP_BUILD)"

# --- 3. start the engines ----------------------------------------------------------------------------
state=${BOOKSTORE_STATE_DIR:-build/local}
mkdir -p "$state"
PROCESS_LOGS=$state
site_port=${BOOKSTORE_PORT:-8080}
if [ "$site_port" != 0 ] && (exec 3<>"/dev/tcp/127.0.0.1/$site_port") 2>/dev/null; then
  die "port $site_port is already in use: stop what runs there or set BOOKSTORE_PORT"
fi

say "starting moto"
start_moto moto "${MOTO_PORT:-}"
say "moto listening on 127.0.0.1:$moto_port"
start_redis redis "${REDIS_PORT:-}"
say "redis-server listening on 127.0.0.1:$redis_port"

# The blog: its own script starts MariaDB and WordPress and stops both when we stop it.
if [ "$blog" = on ]; then
  say "starting the blog (WordPress + MariaDB)"
  start_process blog scripts/blog/start.sh --port "${BLOG_PORT:-0}" --data "$state/blog"
  blog_url=$(await_ready blog 60 'Blog is running at (http://[^ ]+)')
  say "blog listening on $blog_url"
  export BOOKSTORE_BLOG_URL=$blog_url
fi

# --- 4. the bookstore --------------------------------------------------------------------------------
say "starting the local runtime (tables, catalogue, user pool, gateway, stream poller)"
export AWS_REGION=${AWS_REGION:-eu-west-1}
export AWS_ENDPOINT_URL="http://127.0.0.1:$moto_port"
export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
export REDIS_URL="redis://127.0.0.1:$redis_port"
export BOOKS_TABLE=${BOOKS_TABLE:-bookstore-books} CART_TABLE=${CART_TABLE:-bookstore-cart} ORDERS_TABLE=${ORDERS_TABLE:-bookstore-orders}
export BOOKSTORE_ROLE=${BOOKSTORE_ROLE:-primary}
export BOOKSTORE_PORT=$site_port
export BOOKSTORE_UI_DIST="$root/ui/dist"
# The functions' CloudWatch embedded-metric lines (docs/observability.md), one file per run.
export METRICS_FILE=${METRICS_FILE:-$state/metrics.jsonl}
: > "$METRICS_FILE"
start_attached java -Djdk.httpclient.allowRestrictedHeaders=host -XX:TieredStopAtLevel=1 -Xmx384m -jar "$jar"
java_pid=${started_pids[-1]}

# The runtime prints "Bookstore is running at ..." itself; stay until it or a signal ends us.
set +e
wait "$java_pid"
status=$?
set -e
say "the local runtime exited with status $status"
exit "$status"
