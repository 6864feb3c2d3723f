#!/usr/bin/env bash
# Installs the Pulumi CLI at the pinned version from the official release tarball, verified against the pinned
# SHA-256 before anything is unpacked. The tarball is kept in a cache directory (a CodeBuild cache path), so
# later builds skip the download. Override both PULUMI_VERSION and PULUMI_SHA256 together to upgrade.
source "$(dirname "$0")/lib.sh"

PULUMI_VERSION=${PULUMI_VERSION:-3.253.0}
# SHA-256 of pulumi-v3.253.0-linux-x64.tar.gz as published with the release.
PULUMI_SHA256=${PULUMI_SHA256:-33161e521280e6c77395a46344dba5ff9c118a90df254801e662087143b4d1ac}
PULUMI_INSTALL_DIR=${PULUMI_INSTALL_DIR:-/usr/local/pulumi}
PULUMI_CACHE_DIR=${PULUMI_CACHE_DIR:-$HOME/.cache/bookstore-pulumi}

if command -v pulumi >/dev/null 2>&1 && [ "$(pulumi version 2>/dev/null)" = "v$PULUMI_VERSION" ]; then
  say "pulumi v$PULUMI_VERSION already installed"
  exit 0
fi

tarball="$PULUMI_CACHE_DIR/pulumi-v$PULUMI_VERSION-linux-x64.tar.gz"
mkdir -p "$PULUMI_CACHE_DIR"
verified() { echo "$PULUMI_SHA256  $tarball" | sha256sum --check --status; }
if [ -f "$tarball" ] && verified; then
  say "using cached $tarball"
else
  say "downloading pulumi v$PULUMI_VERSION"
  curl --fail --silent --show-error --location --retry 3 \
    -o "$tarball" "https://get.pulumi.com/releases/sdk/pulumi-v$PULUMI_VERSION-linux-x64.tar.gz"
  if ! verified; then
    actual=$(sha256sum "$tarball" | cut -d' ' -f1)
    rm -f "$tarball"
    die "checksum mismatch for pulumi v$PULUMI_VERSION: expected $PULUMI_SHA256, got $actual"
  fi
fi

rm -rf "$PULUMI_INSTALL_DIR" && mkdir -p "$PULUMI_INSTALL_DIR"
tar -xzf "$tarball" -C "$PULUMI_INSTALL_DIR" --strip-components=1
ln -sf "$PULUMI_INSTALL_DIR"/pulumi* /usr/local/bin/
say "installed $(pulumi version)"
