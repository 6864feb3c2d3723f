# The processes a launcher starts (scripts/local.sh, scripts/drill.sh): each in its own session, its output in
# $PROCESS_LOGS/<name>.log, ready when that log says so, and all of them stopped, newest first, however the
# launcher ends (Ctrl-C, SIGTERM, an error). The caller defines say and die and sets PROCESS_LOGS, then calls
# stop_processes_on_exit before starting anything.

# shellcheck source=scripts/lib/ports.sh
source "$(dirname "${BASH_SOURCE[0]}")/ports.sh"

started_pids=()

# start_process NAME COMMAND...: starts it in its own session (so Ctrl-C reaches only the launcher, which then
# stops it in order), output to $PROCESS_LOGS/NAME.log.
start_process() {
  local name=$1; shift
  setsid "$@" >"$PROCESS_LOGS/$name.log" 2>&1 &
  started_pids+=("$!")
}

# start_attached COMMAND...: as start_process, with its output on the launcher's own (a runtime that prints
# where it runs).
start_attached() {
  setsid "$@" &
  started_pids+=("$!")
}

# await_ready NAME SECONDS REGEX: prints REGEX's first group once the process started last logs it; dies
# naming the log if it exits first or takes longer.
await_ready() {
  local name=$1 seconds=$2 regex=$3 status=0
  await_log "$PROCESS_LOGS/$name.log" "${started_pids[-1]}" "$seconds" "$regex" || status=$?
  [ "$status" != 1 ] || die "$name exited during start-up: see $PROCESS_LOGS/$name.log"
  [ "$status" != 2 ] || die "$name was not ready within ${seconds}s: see $PROCESS_LOGS/$name.log"
}

# start_moto NAME [PORT]: moto through scripts/moto/atomic_moto_server.py on PORT (default: one it picks);
# sets moto_port.
start_moto() {
  local name=$1 port=${2:-0}
  start_process "$name" .venv/bin/python scripts/moto/atomic_moto_server.py -H 127.0.0.1 -p "$port"
  moto_port=$(await_ready "$name" 30 "$MOTO_LISTENING")
}

# start_redis NAME [PORT]: a redis-server without persistence on PORT, or on a free port (started again on another
# if that one was taken meanwhile); sets redis_port.
start_redis() {
  local name=$1 fixed=${2:-} attempt
  for attempt in $(seq 1 "$BIND_ATTEMPTS"); do
    redis_port=${fixed:-$(free_port)}
    start_process "$name" redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no
    await_log "$PROCESS_LOGS/$name.log" "${started_pids[-1]}" 10 "$REDIS_READY" >/dev/null && return 0
    # it exited before it was ready: the port was taken since it was chosen; try another (not a fixed one)
    if [ -n "$fixed" ] || [ "$attempt" -eq "$BIND_ATTEMPTS" ] || kill -0 "${started_pids[-1]}" 2>/dev/null; then
      die "$name did not start on port $redis_port: see $PROCESS_LOGS/$name.log"
    fi
  done
}

# stop_processes: the EXIT trap. Newest first (a runtime stops before the engines it talks to), each process
# group woken (a frozen region must hear SIGTERM), sent SIGTERM, given 10 s, then killed.
stop_processes() {
  local status=$?
  # Ignore further INT/TERM while stopping: a second signal must not cut the clean-up short, and one often comes:
  # GNU make forwards a SIGTERM to its recipe, so a SIGTERM to the process group (a CI timeout) arrives twice.
  trap '' INT TERM
  trap - EXIT
  [ ${#started_pids[@]} -eq 0 ] || say "stopping ${#started_pids[@]} process(es)"
  local i pid
  for ((i=${#started_pids[@]}-1; i>=0; i--)); do
    pid=${started_pids[i]}
    kill -CONT -- "-$pid" 2>/dev/null || true
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      say "process $pid ignored SIGTERM for 10 s: killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  exit "$status"
}

# stop_processes_on_exit: Ctrl-C and SIGTERM end the launcher (130, 143), and any end stops what it started.
stop_processes_on_exit() {
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap stop_processes EXIT
}
