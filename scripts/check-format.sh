#!/usr/bin/env bash
# Fails when a C file differs from .clang-format's style (fix: add --fix).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.c' '*.h')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
else
  clang-format --dry-run --Werror "${files[@]}"
  echo "style: ${#files[@]} files clean"
fi
