#!/bin/sh
# Installs the Debian packages twentyc needs to build, run and test, and nothing else.
# Idempotent: when everything is present it only asks dpkg, which takes a fraction of a second.
# Runs apt-get through sudo when not root. Usage: scripts/deps.sh [extra-package ...]
set -eu

packages="gcc make cmake ninja-build pkg-config
libpq-dev libevent-dev libjansson-dev libssl-dev libcurl4-openssl-dev liboath-dev
libcrypt-dev uuid-dev libcmocka-dev postgresql python3-jwt
clang node-graphql libpg-query-dev"

missing=""
for p in $packages "$@"; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$status" = "installed" ] || missing="$missing $p"
done
# python3-jwt: tests/api/pyjwt.test.js checks twentyc's tokens against PyJWT (/usr/bin/python3).
# The API tests need Node.js (18 or newer: node --test and fetch); any installation will do.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
# npm installs the tests' own packages (tests/package.json); Debian ships it apart from nodejs.
command -v npm >/dev/null 2>&1 || missing="$missing npm"

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "deps.sh: missing packages:$missing; run as root or install sudo" >&2
	exit 1
fi

echo "deps.sh: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# Package lists on a fresh machine are empty or stale; refresh them once before installing.
$sudo apt-get update -qq >&2
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >&2
