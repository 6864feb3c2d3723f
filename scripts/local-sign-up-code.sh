#!/usr/bin/env bash
# Prints the confirmation code of a pending local sign-up (the code Cognito would e-mail).
# Usage: scripts/local-sign-up-code.sh <email> [site-url]   (site-url defaults to http://127.0.0.1:${BOOKSTORE_PORT:-8080})
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 <email> [site-url]" >&2; exit 2; }
site=${2:-http://127.0.0.1:${BOOKSTORE_PORT:-8080}}
email=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1")
response=$(curl -sS -w '\n%{http_code}' "$site/_local/sign-up-code?username=$email")
status=${response##*$'\n'}
body=${response%$'\n'*}
if [ "$status" != 200 ]; then
  echo "no pending sign-up for $1 at $site" >&2
  exit 1
fi
python3 -c 'import json, sys; print(json.loads(sys.argv[1])["code"])' "$body"
