# Ports of the servers the local scripts start (sourced by scripts/local.sh, scripts/drill.sh and
# scripts/blog/start.sh). A server binds port 0 where it can and names the port it got in its log; one
# that cannot (redis-server, where port 0 turns TCP off; PHP's built-in server) gets a port that was free
# a moment ago and is started again on another if it exits because someone took it in between. A server
# is ready when its own log says so: a connection to the port could reach whoever took it.

# A loopback port free at this moment.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# await_log LOG PID SECONDS REGEX: waits until LOG has a line matching the extended REGEX and prints that
# line's first group. Returns 1 if PID exits first (e.g. its port was taken), 2 after SECONDS.
await_log() {
  local log=$1 pid=$2 seconds=$3 regex=$4 found
  for _ in $(seq 1 $((seconds * 10))); do
    found=$(sed -nE "s#.*${regex}.*#\\1#p" "$log" 2>/dev/null | head -1)
    if [ -n "$found" ]; then
      printf '%s\n' "$found"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 2
}

# The lines that say each server is listening, with its port as the first group.
MOTO_LISTENING='Running on http://127\.0\.0\.1:([0-9]+)'
REDIS_READY='(Ready to accept connections)'
BOOKSTORE_LISTENING='Bookstore is running at http://127\.0\.0\.1:([0-9]+)'
FRONT_DOOR_LISTENING='Front door is running at http://127\.0\.0\.1:([0-9]+)'
# How often a server that cannot bind port 0 is started again on another port.
BIND_ATTEMPTS=5
