#!/usr/bin/env bash
# Builds OpenBMIS and runs every test twice: in a build whose warnings are
# errors, then in an AddressSanitizer + UndefinedBehaviorSanitizer build;
# then builds the optimised release (whose -O3 analysis warns about things
# the others do not see). Tests that need PostgreSQL start their own server
# (tests/pg). Installs missing dependencies first. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh

jobs=$(nproc 2>/dev/null || echo 2)
for preset in debug sanitize; do
  echo "== $preset build =="
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  echo "== $preset tests =="
  ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --preset "$preset" -j "$jobs"
done

echo "== release build =="
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
