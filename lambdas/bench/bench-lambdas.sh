#!/usr/bin/env bash
# Benchmarks the Lambda deployment jar (size, cold-start proxy, warm overhead) against a moto_server and
# a redis-server it starts on free loopback ports, and rewrites the "Lambdas" section of docs/benchmarks.md.
# Usage: lambdas/bench/bench-lambdas.sh   (or: make bench-lambdas)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
scripts/bootstrap.sh moto redis

mvn -B -ntp -q -f lambdas/pom.xml -DskipTests package
jar=lambdas/functions/target/bookstore-functions.jar
classes=lambdas/bench/target/classes
rm -rf "$classes" && mkdir -p "$classes"
javac --release 17 -cp "$jar" -d "$classes" $(find lambdas/bench/src -name '*.java')
# A jar, not a folder: class data sharing archives only accept jars on the class path.
bench_jar=lambdas/bench/target/bench.jar
jar cf "$bench_jar" -C "$classes" .

say() { printf '[bench-lambdas] %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }
# shellcheck source=scripts/lib/processes.sh
source scripts/lib/processes.sh
PROCESS_LOGS=lambdas/bench/target
stop_processes_on_exit
start_moto moto
start_redis redis

export AWS_REGION=eu-west-1 AWS_ENDPOINT_URL="http://127.0.0.1:$moto_port" REDIS_URL="redis://127.0.0.1:$redis_port"
export BOOKS_TABLE=bench-books CART_TABLE=bench-cart ORDERS_TABLE=bench-orders BOOKSTORE_ROLE=primary
export BENCH_DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ)
export BENCH_MACHINE="$(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GB RAM", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), shared with other builds (load average $(cut -d" " -f1 /proc/loadavg) at start)"
export BENCH_MOTO=$(.venv/bin/python -c 'import moto; print(moto.__version__)')
java -cp "$jar:$bench_jar" com.bookstore.bench.LambdaBench "$jar" "$bench_jar" docs/benchmarks.md
