#!/usr/bin/env bash
# The failover drill on this machine: two local regions (eu-west-1 primary, ap-southeast-1 secondary,
# one moto server that keeps them apart, a redis-server and a local runtime each), the table
# replicator and the front door on 127.0.0.1:8080 (scripts: LocalFailover), then the drill itself
# (bookstore-ops drill), which writes build/drill/report.json, report.md and timeline.svg. Failover and
# failback run the Region switch plan's workflows through their local mapping (bookstore-ops region-switch
# --local, docs/failover.md); the steps each run took go to build/drill/region-switch-steps.jsonl.
# Every process it starts is stopped when it ends, also on Ctrl-C.
#
#   scripts/drill.sh            start both regions, run the drill, stop everything
#   scripts/drill.sh regions    start both regions behind the front door and keep them up (no drill):
#                               what `make local REGIONS=2` runs
#
# Environment (all optional):
#   DRILL_FAULT           freeze: the primary's runtime is frozen (SIGSTOP) and its replication cut,
#                                 as a region that stops answering, then the plan's unplanned switch to the
#                                 secondary; healed with SIGCONT, then the planned switch back  (default)
#                         ssm:    the plan's planned switch to the secondary (its fault-switch step turns the
#                                 primary's SSM switch on, so only its /health fails, as the AWS drill does),
#                                 then the planned switch back
#   REPLICATION_DELAY_MS  the replicator's delay                                   default 1000
#   PROBE_INTERVAL_MS     front door probe interval                                default 1000
#   PROBE_THRESHOLD       consecutive probes to switch                             default 3
#   FRONT_DOOR_PORT       the front door (0: any free port)                        default 8080
#   DRILL_OUT             where the report goes                                    default build/drill
#   DRILL_ARGS            more options for the drill command (see bookstore-ops drill's usage)
#   DRILL_KEEP=1          keep both regions running after the drill, to look at them, until Ctrl-C
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

say() { printf '[drill] %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

mode=${1:-drill}
case "$mode" in drill|regions) ;; *) die "usage: scripts/drill.sh [regions]" ;; esac
fault=${DRILL_FAULT:-freeze}
case "$fault" in freeze|ssm) ;; *) die "DRILL_FAULT must be freeze or ssm, was '$fault'" ;; esac
primary=eu-west-1
secondary=ap-southeast-1
front_door_port=${FRONT_DOOR_PORT:-8080}
out=${DRILL_OUT:-build/drill}
state=build/drill-state
mkdir -p "$state"

# shellcheck source=scripts/lib/processes.sh
source "$root/scripts/lib/processes.sh"
PROCESS_LOGS=$state
stop_processes_on_exit
# set -e ends the script at a failed command without a word: name it
trap 'say "failed (exit status $?) at line $LINENO: $BASH_COMMAND"' ERR

# --- 1. engines and builds ---------------------------------------------------------------------------
scripts/bootstrap.sh moto redis
scripts/local-build.sh   # the local runtime and the storefront, each only when stale
local_jar=lambdas/local/target/bookstore-local.jar
ops_jar=lambdas/ops/target/bookstore-ops.jar
stale() {  # target paths...: true if the target is missing or older than a source file
  [ -e "$1" ] || return 0
  local target=$1; shift
  [ -n "$(find "$@" -type f -newer "$target" -not -path '*/target/*' 2>/dev/null | head -1)" ]
}
if stale "$ops_jar" parent/pom.xml lambdas/pom.xml lambdas/ops/pom.xml lambdas/ops/src/main lambdas/functions/src/main; then
  say "building the operator tools"
  # In the lambdas reactor: the tool's seed-catalogue uses the functions module's seeder.
  mvn -B -ntp -q -Dstyle.color=never -Dmaven.test.skip=true -f lambdas/pom.xml -pl ops -am package
  touch "$ops_jar"
fi
if [ "$front_door_port" != 0 ] && (exec 3<>"/dev/tcp/127.0.0.1/$front_door_port") 2>/dev/null; then
  die "port $front_door_port is in use: stop what runs there or set FRONT_DOOR_PORT"
fi

start_moto moto
moto="http://127.0.0.1:$moto_port"

# --- 2. one region each: redis-server + the local runtime (gateway, API, stream poller) --------------
export AWS_ENDPOINT_URL=$moto AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
export BOOKS_TABLE=bookstore-books CART_TABLE=bookstore-cart ORDERS_TABLE=bookstore-orders
export BOOKSTORE_UI_DIST="$root/ui/dist"
# Both regions' embedded-metric lines in one file; each line names its Region (docs/observability.md).
export METRICS_FILE="$state/metrics.jsonl"
: > "$METRICS_FILE"
# The drill places orders with one account every few hundred milliseconds; the API's per-customer checkout
# limit (5 per 600 s unless configured, docs/security.md) would answer most of them 429, so both local
# regions run with a raised one. A drill on AWS needs bookstore:checkoutLimit raised the same way.
export CHECKOUT_LIMIT=${CHECKOUT_LIMIT:-100000}
start_region() {  # region role [extra env...]: sets region_port (the gateway's) and region_pid
  local region=$1 role=$2; shift 2
  start_redis "redis-$region"
  start_process "runtime-$region" env AWS_REGION="$region" BOOKSTORE_ROLE="$role" BOOKSTORE_PORT=0 \
    REDIS_URL="redis://127.0.0.1:$redis_port" "$@" \
    java -Djdk.httpclient.allowRestrictedHeaders=host -XX:TieredStopAtLevel=1 -Xmx384m -jar "$local_jar"
  region_port=$(await_ready "runtime-$region" 120 "$BOOKSTORE_LISTENING")
  region_pid=${started_pids[-1]}
}

# Each region's config.json lists both regions' Cognito endpoints, its own first (the storefront asks the next one
# when one does not answer): the secondary's port is chosen now, so that the primary can name it.
secondary_port=$(free_port)
say "starting the primary region ($primary)"
start_region "$primary" primary BOOKSTORE_OTHER_COGNITO_ENDPOINTS="http://127.0.0.1:$secondary_port/cognito/"
primary_port=$region_port
primary_pid=$region_pid
pool_line=$(grep -m1 '\[local\] user pool ' "$state/runtime-$primary.log")
user_pool=$(sed -E 's/.*user pool ([^,]+), app client (.*)$/\1/' <<<"$pool_line")
client_id=$(sed -E 's/.*user pool ([^,]+), app client (.*)$/\2/' <<<"$pool_line")

# The user pool is the primary's (docs/architecture.md#the-user-pool): the secondary validates its tokens, and the
# secondary's Cognito endpoint plays the pool's replica (signs its users in, refuses sign-up and other writes).
say "starting the secondary region ($secondary), trusting and replicating the primary's user pool $user_pool"
start_region "$secondary" secondary BOOKSTORE_USER_POOL_ID="$user_pool" BOOKSTORE_USER_POOL_CLIENT_ID="$client_id" \
  BOOKSTORE_USER_POOL_REGION="$primary" BOOKSTORE_PORT="$secondary_port" \
  BOOKSTORE_OTHER_COGNITO_ENDPOINTS="http://127.0.0.1:$primary_port/cognito/"
secondary_port=$region_port
secondary_config=$(curl -fsS "http://127.0.0.1:$secondary_port/config.json") \
  || die "the secondary's gateway did not serve /config.json: see $state/runtime-$secondary.log"
secondary_pool=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["cognito"]["userPoolId"])' "$secondary_config")
if [ "$secondary_pool" != "$user_pool" ]; then
  die "the secondary's runtime made its own user pool ($secondary_pool) instead of trusting $user_pool:
the local runtime must honour BOOKSTORE_USER_POOL_ID / _CLIENT_ID / _REGION for two-region mode (docs/failover.md)"
fi

# --- 3. replication and the front door -------------------------------------------------------------------
say "starting the replicator (delay ${REPLICATION_DELAY_MS:-1000} ms) and the front door"
start_process failover env PRIMARY_REGION="$primary" SECONDARY_REGION="$secondary" \
  PRIMARY_URL="http://127.0.0.1:$primary_port" SECONDARY_URL="http://127.0.0.1:$secondary_port" \
  FRONT_DOOR_PORT="$front_door_port" REPLICATION_DELAY_MS="${REPLICATION_DELAY_MS:-1000}" \
  PROBE_INTERVAL_MS="${PROBE_INTERVAL_MS:-1000}" PROBE_THRESHOLD="${PROBE_THRESHOLD:-3}" \
  java -XX:TieredStopAtLevel=1 -Xmx256m -cp "$local_jar" com.bookstore.local.failover.LocalFailover
front_door_port=$(await_ready failover 60 "$FRONT_DOOR_LISTENING")
control_port=$(sed -nE 's/.*control on http:\/\/127\.0\.0\.1:([0-9]+).*/\1/p' "$state/failover.log" | head -1)
control="http://127.0.0.1:$control_port"

# The plan's workflow activating a region, through its local mapping; each run appends the steps it took.
mkdir -p "$out"
steps_out="$out/region-switch-steps.jsonl"
rm -f "$steps_out"
switch_to() {
  printf 'java -jar %q region-switch --local --to %s --mode %s --local-endpoint %s --primary-region %s --primary-api %s --secondary-region %s --secondary-api %s --front-door %s --steps-out %q' \
    "$ops_jar" "$1" "$2" "$moto" "$primary" "http://127.0.0.1:$primary_port/api" "$secondary" \
    "http://127.0.0.1:$secondary_port/api" "http://127.0.0.1:$front_door_port/api" "$steps_out"
}
if [ "$mode" = regions ]; then
  demo=$(sed -nE 's/^\[local\] demo account: (.*)$/\1/p' "$state/runtime-$primary.log" | head -1)
  say "two regions behind the front door: $primary http://127.0.0.1:$primary_port, $secondary http://127.0.0.1:$secondary_port"
  say "fail over by hand (docs/failover.md):"
  say "  the fault switch:  java -jar $ops_jar fault on|off --region $primary --local-endpoint $moto"
  say "  a lost region:     curl -X POST $control/replication/$primary/isolate && kill -STOP $primary_pid"
  say "                     curl -X POST $control/replication/$primary/reconnect && kill -CONT $primary_pid"
  say "  the Region switch plan's workflow, rehearsed (docs/failover.md):"
  say "                     $(switch_to "$secondary" planned)"
  say "                     $(switch_to "$primary" planned)"
  say "  where traffic goes: curl $control/status"
  say "demo account: ${demo:-see $state/runtime-$primary.log}; Ctrl-C stops every process"
  echo "Bookstore (two regions) is running at http://127.0.0.1:$front_door_port"
  while true; do sleep 3600 & wait $!; done
fi

# --- 4. the drill ---------------------------------------------------------------------------------------
if [ "$fault" = freeze ]; then
  fault_args=(--fault-description "$primary frozen (SIGSTOP) and its replication cut; the plan's unplanned switch"
              --inject-command "kill -STOP $primary_pid && curl -fsS -X POST $control/replication/$primary/isolate >/dev/null && $(switch_to "$secondary" unplanned)"
              --heal-command "curl -fsS -X POST $control/replication/$primary/reconnect >/dev/null && kill -CONT $primary_pid && $(switch_to "$primary" planned)")
else
  fault_args=(--fault-description "the plan's planned switch to $secondary (the primary's fault switch on)"
              --inject-command "$(switch_to "$secondary" planned)"
              --heal-command "$(switch_to "$primary" planned)")
fi
say "running the drill ($fault fault); logs of every process are in $state/"
set +e
# shellcheck disable=SC2086
java -jar "$ops_jar" drill \
  --front-door "http://127.0.0.1:$front_door_port/api" \
  --primary-region "$primary" --primary-api "http://127.0.0.1:$primary_port/api" \
  --secondary-region "$secondary" --secondary-api "http://127.0.0.1:$secondary_port/api" \
  --user-pool-id "$user_pool" --client-id "$client_id" --cognito-region "$primary" \
  --secondary-cognito "http://127.0.0.1:$secondary_port/cognito/" \
  --local-endpoint "$moto" --out "$out" "${fault_args[@]}" ${DRILL_ARGS:-}
status=$?
set -e
curl -fsS "$control/status" >"$state/failover-status.json" 2>/dev/null || true
# What the functions measured (orders per second, stream age per region): a section of the report.
if [ -f "$out/report.json" ]; then
  python3 scripts/drill_metrics.py --metrics "$METRICS_FILE" --out "$out" || status=1
fi
say "report: $out/report.md, chart: $out/timeline.svg (drill exit status $status)"
if [ "${DRILL_KEEP:-0}" = 1 ]; then
  say "regions kept running: moto $moto, $primary http://127.0.0.1:$primary_port, $secondary http://127.0.0.1:$secondary_port,"
  say "front door http://127.0.0.1:$front_door_port, control $control; Ctrl-C stops them"
  while true; do sleep 3600 & wait $!; done   # wait, not sleep, so Ctrl-C reaches the trap at once
fi
exit "$status"
