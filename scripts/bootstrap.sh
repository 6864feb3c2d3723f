#!/usr/bin/env bash
# Installs what the local bookstore and the test suite need on a fresh machine, and nothing that is
# already there. Usage: scripts/bootstrap.sh [moto] [redis] [chromium] [blog] [toolchain]  (no argument: all
# but toolchain, the JDK 17, Maven, venv and git a bare Debian image lacks; the pipeline's build asks for it).
# Debian packages come through apt-get (update runs once, only when something is missing); moto
# and the Python test tools go into a project-local virtual environment (.venv), pinned in
# scripts/python-requirements.txt, so the machine's Python stays untouched.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

say() { printf '[bootstrap] %s\n' "$*" >&2; }

want=("$@")
[ ${#want[@]} -gt 0 ] || want=(moto redis chromium blog)

apt_missing=()
need_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed' || apt_missing+=("$1"); }

for w in "${want[@]}"; do
  case "$w" in
    moto) ;;
    redis) need_pkg redis-server ;;
    chromium) need_pkg chromium ;;
    blog) for p in mariadb-server wordpress php-cli php-mysql; do need_pkg "$p"; done ;;
    toolchain) for p in openjdk-17-jdk-headless maven python3-venv git; do need_pkg "$p"; done ;;
    *) say "unknown component '$w' (expected: moto redis chromium blog toolchain)"; exit 2 ;;
  esac
done

if [ ${#apt_missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "installing Debian packages: ${apt_missing[*]} (apt-get update first)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
  say "Debian packages installed"
fi

for w in "${want[@]}"; do
  [ "$w" = moto ] || continue
  venv="$root/.venv"
  requirements="$root/scripts/python-requirements.txt"
  # Reinstall only when the pinned requirements changed since the last install.
  wanted=$(sha256sum "$requirements" | cut -d' ' -f1)
  if [ -x "$venv/bin/moto_server" ] && [ "$(cat "$venv/.requirements.sha256" 2>/dev/null)" = "$wanted" ]; then
    continue
  fi
  say "installing $venv from scripts/python-requirements.txt (about a minute on first run)"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
  echo "$wanted" > "$venv/.requirements.sha256"
  say "Python tools ready ($("$venv/bin/python" -c 'import moto; print("moto", moto.__version__)'))"
done
