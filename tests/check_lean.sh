#!/usr/bin/env bash
# A program that only reads MRZs links libbmis.so and must not load libpq:
# the PostgreSQL driver is libbmis_pg, linked only by programs that use a
# postgres:// store. The program also shows that such a URL is refused with
# a message naming libbmis_pg (tests/lean/mrz_only.c).
set -euo pipefail
prog=$1
libs=$(ldd "$prog")
if ! printf '%s\n' "$libs" | grep -q 'libbmis\.so'; then
  echo "$prog is not linked to the shared libbmis:" >&2
  printf '%s\n' "$libs" >&2
  exit 1
fi
if printf '%s\n' "$libs" | grep -q 'libpq'; then
  echo "an MRZ-only program loads libpq:" >&2
  printf '%s\n' "$libs" | grep 'libpq' >&2
  exit 1
fi
out=$("$prog")
printf '%s\n' "$out"
printf '%s\n' "$out" | grep -q '^mrz: valid$'
if ! printf '%s\n' "$out" | grep -q '^postgres: .*libbmis_pg'; then
  echo "a postgres:// URL without the driver is not refused naming libbmis_pg" >&2
  exit 1
fi
echo "no libpq among $(printf '%s\n' "$libs" | wc -l) libraries"
