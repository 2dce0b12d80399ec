#!/usr/bin/env bash
# libbmis_demo is built on libbmis's public API only: none of its objects
# names a library-internal (bmis__) symbol, defined or used. (The shared
# libbmis_demo.so is also linked against libbmis.so with --no-undefined.)
set -euo pipefail
lib=$1
internal=$(nm "$lib" | awk '$1 !~ /:$/ {print $NF}' | grep '^bmis__' | sort -u || true)
if [ -n "$internal" ]; then
  echo "libbmis_demo names library-internal symbols:" >&2
  printf '%s\n' $internal >&2
  exit 1
fi
used=$(nm -u "$lib" | grep -c ' bmis_' || true)
if [ "$used" -lt 10 ]; then
  echo "libbmis_demo uses only $used bmis_ symbols: not the library checked?" >&2
  exit 1
fi
echo "libbmis_demo uses $used public bmis_ symbols and nothing internal"
