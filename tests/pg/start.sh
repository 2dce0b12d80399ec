#!/usr/bin/env bash
# ctest fixture setup for pg_server: starts a throwaway PostgreSQL cluster in
# DIR (first stopping one an interrupted run left there) and writes its URL,
# postgres://USER@127.0.0.1:PORT/bmis, to URL_FILE.
# usage: start.sh PG_TEMP_SCRIPT DIR URL_FILE
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 PG_TEMP_SCRIPT DIR URL_FILE" >&2; exit 2; }
pg_temp=$1 dir=$2 url_file=$3

rm -f -- "$url_file"
"$pg_temp" stop "$dir"
url=$("$pg_temp" start "$dir")
# Written whole, then renamed: a reader never sees half a URL.
printf '%s\n' "$url" >"$url_file.tmp"
mv -f -- "$url_file.tmp" "$url_file"
echo "$url"
