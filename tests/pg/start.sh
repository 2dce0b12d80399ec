#!/usr/bin/env bash
# ctest fixture setup for pg_server: starts a throwaway PostgreSQL cluster
# and writes its URL, postgres://USER@127.0.0.1:PORT/bmis, to URL_FILE.
# The cluster lives in a new folder under $TMPDIR (default /tmp), not in the
# build tree: when run as root the server runs as the postgres user, which
# must be able to reach its folder (a clone under /root is not reachable).
# The folder's path is kept in DIR_FILE; a cluster an interrupted run left
# there is stopped first.
# usage: start.sh PG_TEMP_SCRIPT DIR_FILE URL_FILE
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 PG_TEMP_SCRIPT DIR_FILE URL_FILE" >&2; exit 2; }
pg_temp=$1 dir_file=$2 url_file=$3

rm -f -- "$url_file"
if [ -f "$dir_file" ]; then
  "$pg_temp" stop "$(cat "$dir_file")" || true
  rm -f -- "$dir_file"
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/bmis-pg.XXXXXX")
printf '%s\n' "$dir" >"$dir_file"
url=$("$pg_temp" start "$dir")
# Written whole, then renamed: a reader never sees half a URL.
printf '%s\n' "$url" >"$url_file.tmp"
mv -f -- "$url_file.tmp" "$url_file"
echo "$url"
