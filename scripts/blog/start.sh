#!/usr/bin/env bash
# Runs the local book blog: a throwaway MariaDB server and WordPress (both from Debian's packages)
# served by PHP's built-in server on 127.0.0.1, seeded with scripts/blog/posts.json.
# Usage: scripts/blog/start.sh [--port 8081] [--data build/blog] [--fresh]   (env BLOG_ADMIN_CIDRS: admin networks)
# Prints "Blog is running at URL" when the REST API answers; Ctrl-C or SIGTERM stops both servers.
# --port 0: any free port (the URL names it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=${BLOG_PORT:-8081}
data="$root/build/blog"
fresh=false
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --fresh) fresh=true; shift ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "blog: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
say() { printf '[blog] %s\n' "$*" >&2; }
# shellcheck source=scripts/lib/ports.sh
source "$root/scripts/lib/ports.sh"

"$root/scripts/bootstrap.sh" blog
wordpress=/usr/share/wordpress
[ -f "$wordpress/wp-settings.php" ] || { say "WordPress not found in $wordpress"; exit 1; }

mkdir -p "$data"
data=$(cd "$data" && pwd)
$fresh && rm -rf "$data/db" "$data/www" "$data/wp-content"
run="$data/run"
mkdir -p "$run" "$data/wp-content/uploads"
socket="$run/mysqld.sock"
pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Refuse to share: a second blog on the same port or data directory would seed the first one's database.
if [ "$port" != 0 ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  say "port $port is already in use (choose another with --port or BLOG_PORT)"; exit 1
fi
if [ -S "$socket" ] && mariadb-admin --no-defaults --socket="$socket" -uroot ping >/dev/null 2>&1; then
  say "a blog database is already running on $data (stop it, or choose another --data)"; exit 1
fi

if [ ! -d "$data/db/mysql" ]; then
  say "creating the database in $data/db"
  mariadb-install-db --no-defaults --datadir="$data/db" --user="$(id -un)" \
    --auth-root-authentication-method=normal --skip-test-db >"$run/install-db.log" 2>&1 \
    || { say "mariadb-install-db failed; see $run/install-db.log"; exit 1; }
fi
# Networking stays off: WordPress talks to MariaDB over the socket only.
mariadbd --no-defaults --datadir="$data/db" --socket="$socket" --skip-networking \
  --skip-log-bin --pid-file="$run/mysqld.pid" --user="$(id -un)" >"$run/mariadb.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  mariadb-admin --no-defaults --socket="$socket" -uroot ping >/dev/null 2>&1 && break
  kill -0 "${pids[0]}" 2>/dev/null || { say "MariaDB exited; see $run/mariadb.log"; exit 1; }
  sleep 0.1
done
mariadb --no-defaults --socket="$socket" -uroot -e 'CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4'

# A docroot of our own: WordPress's code from the package, our wp-config.php beside it. wp-load.php
# looks for the config next to itself, so the few top-level files are copied and the rest linked.
www="$data/www"
mkdir -p "$www"
for f in "$wordpress"/*.php; do
  [ "$(basename "$f")" = wp-config.php ] || cp -u "$f" "$www/"
done
for d in wp-admin wp-includes; do ln -sfn "$wordpress/$d" "$www/$d"; done
cp "$here/wp-config.php" "$www/wp-config.php"
ln -sfn "$data/wp-content" "$www/wp-content"
for d in plugins themes; do ln -sfn "$wordpress/wp-content/$d" "$data/wp-content/$d"; done

listen=$port
[ "$port" != 0 ] || listen=$(free_port)
# Who reaches all of WordPress (router.php, docs/security.md "Blog admin"): this machine, unless told otherwise;
# everyone else only the public read paths of public-paths.json. Empty: nobody.
export BLOG_ADMIN_CIDRS=${BLOG_ADMIN_CIDRS-127.0.0.1/32,::1/128}
export BLOG_URL="http://127.0.0.1:$listen" BLOG_DB_HOST="localhost:$socket" BLOG_DB_NAME=wordpress \
  BLOG_DB_USER=root BLOG_CONTENT_DIR="$data/wp-content"
say "seeding posts"
php "$here/seed.php" "$www" "$here/posts.json" "Bookstore blog" >&2

# PHP's server cannot bind port 0: with --port 0, a port taken since it was chosen means another port
# (WordPress reads its URL from BLOG_URL, so the seeded database needs no change).
for attempt in $(seq 1 "$BIND_ATTEMPTS"); do
  php -S "127.0.0.1:$listen" -t "$www" "$here/router.php" >"$run/php.log" 2>&1 &
  pids[1]=$!
  for _ in $(seq 1 300); do
    # the server's own answer, with WordPress's REST API behind it, not whoever else may hold the port
    curl -fsS -o /dev/null "$BLOG_URL/wp-json/wp/v2/posts?per_page=1" 2>/dev/null && kill -0 "${pids[1]}" 2>/dev/null && break 2
    kill -0 "${pids[1]}" 2>/dev/null || break
    sleep 0.1
  done
  if [ "$port" != 0 ] || [ "$attempt" -eq "$BIND_ATTEMPTS" ] || kill -0 "${pids[1]}" 2>/dev/null; then
    say "PHP server did not start on port $listen; see $run/php.log"; exit 1
  fi
  listen=$(free_port)
  export BLOG_URL="http://127.0.0.1:$listen"
done
echo "Blog is running at $BLOG_URL"
wait -n "${pids[@]}"
say "a blog process exited; stopping"
