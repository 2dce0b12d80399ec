#!/usr/bin/env bash
# Builds OpenBMIS (release) and demonstrates `bmis doc check` and
# `bmis doc make` on sample documents. Installs missing dependencies first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh >&2
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
bmis=build/release/src/cli/bmis

show() {
  printf '\n$ %s\n' "$*"
  set +e
  "$@"
  local st=$?
  set -e
  printf '(exit status %d)\n' "$st"
}

show "$bmis" doc check examples/mrz/samples.txt
show "$bmis" doc check --ocr examples/mrz/scanner-errors.txt
show "$bmis" doc check --json examples/mrz/samples.jsonl
show "$bmis" doc make --type TD3 --surname "Müller-Lüdenscheidt" --given "Jürgen" \
  --number C01X00T47 --nationality D --birth 1964-08-12 --sex M --expiry 2031-10-30
