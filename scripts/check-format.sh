#!/usr/bin/env bash
# Fails when a C file differs from .clang-format's style (fix: add --fix).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find include src tools tests fuzz bench \
  -path '*/node_modules' -prune -o -path '*/work' -prune -o \
  -type f \( -name '*.c' -o -name '*.h' \) -print | sort)
if [ ${#files[@]} -eq 0 ]; then
  echo "style: no C files found" >&2
  exit 1
fi
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
else
  clang-format --dry-run --Werror "${files[@]}"
  echo "style: ${#files[@]} files clean"
fi
