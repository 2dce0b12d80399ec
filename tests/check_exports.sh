#!/usr/bin/env bash
# The shared library must export only public names (bmis_ but not bmis__),
# and nothing of the demo generator, which lives in libbmis_demo.
set -euo pipefail
lib=$1
syms=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRV]$/ {print $3}')
count=$(printf '%s\n' "$syms" | grep -c '^bmis_' || true)
bad=$(printf '%s\n' "$syms" | grep -v '^bmis_[a-z]' | grep -v '^_\(init\|fini\|edata\|end\|_bss_start\)$' || true)
internal=$(printf '%s\n' "$syms" | grep '^bmis__' || true)
if [ -n "$bad$internal" ]; then
  echo "unexpected exported symbols:" >&2
  printf '%s\n' $bad $internal >&2
  exit 1
fi
demo=$(printf '%s\n' "$syms" | grep -i 'demo' || true)
if [ -n "$demo" ]; then
  echo "libbmis exports demo symbols (they belong to libbmis_demo):" >&2
  printf '%s\n' $demo >&2
  exit 1
fi
if [ "$count" -lt 20 ]; then
  echo "only $count bmis_ symbols exported; the public API is missing" >&2
  exit 1
fi
echo "$count public symbols, nothing else exported"
