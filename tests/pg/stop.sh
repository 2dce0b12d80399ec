#!/usr/bin/env bash
# ctest fixture cleanup for pg_server: stops the cluster whose folder
# DIR_FILE names, removes it, and forgets the URL.
# usage: stop.sh PG_TEMP_SCRIPT DIR_FILE URL_FILE
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 PG_TEMP_SCRIPT DIR_FILE URL_FILE" >&2; exit 2; }
pg_temp=$1 dir_file=$2 url_file=$3
if [ -f "$dir_file" ]; then
  "$pg_temp" stop "$(cat "$dir_file")"
  rm -f -- "$dir_file"
fi
rm -f -- "$url_file"
