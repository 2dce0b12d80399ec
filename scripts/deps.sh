#!/usr/bin/env bash
# Installs what OpenBMIS needs to build and test, from Debian 12's archive.
# Safe to run again: installs only what is missing. Uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config   # toolchain
  libicu-dev libjansson-dev                      # library and CLI
  libxml2-dev libssl-dev                         # list imports, hashes
  libsqlite3-dev                                 # store: embedded (SQLite)
  libpq-dev                                      # store: PostgreSQL client, pg_config
  libmicrohttpd-dev libargon2-dev                # server: HTTP, passwords
  libcmocka-dev                                  # unit tests
  postgresql-15                                  # tests: throwaway server (pg-temp.sh)
  sqlite3                                        # tests: inspecting stores
  openssl curl                                   # tests: a certificate made at test time, HTTPS (test_serve.sh)
  clang-format                                   # style check (CI)
  chromium                                       # tests: the console in a browser (tests/browser)
)
# Node.js and npm for tests/browser (playwright-core): Debian's, only when npm
# is missing (a Node installed some other way brings its own npm, and
# Debian's npm package conflicts with it).
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
