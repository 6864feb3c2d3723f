#!/usr/bin/env bash
# Install phase of build-and-test on its Debian image (pipeline/README.md, "Build image"), through the repository's
# own scripts/bootstrap.sh: first the toolchain the curated image would have brought (JDK 17, Maven, Python's venv,
# git; Node 20 comes with the image), checked, then everything `make test` needs (redis-server, chromium, MariaDB,
# WordPress, moto), so a package that cannot be installed fails the INSTALL phase with apt's message, not a suite
# halfway through BUILD.
source "$(dirname "$0")/lib.sh"

JAVA_RELEASE=17
NODE_MAJOR=20

"$REPO_ROOT/scripts/bootstrap.sh" toolchain

# The versions the suites are developed and pinned against; another image that slips in a different one fails here.
java_release=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[ "$java_release" = "$JAVA_RELEASE" ] || die "java is release '$java_release', the build needs $JAVA_RELEASE"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = "$NODE_MAJOR" ] || die "node is $node_major, the build needs $NODE_MAJOR (it comes with the image)"
say "$(mvn -v | head -n 1), java $java_release, node $(node -v)"

"$REPO_ROOT/scripts/bootstrap.sh"
