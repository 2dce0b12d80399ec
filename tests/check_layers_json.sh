#!/usr/bin/env bash
# check_layers.sh's fifth check fails when JSON leaves wire/: a file outside
# wire/ that includes <jansson.h> or bmis/wire.h, or an object outside wire/
# that calls a jansson function (declared by hand, so that only nm sees it).
#
#   check_layers_json.sh CHECK_LAYERS_SH CC
set -euo pipefail
check=$1
cc=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src/wire" "$tmp/src/screen" "$tmp/obj/wire" "$tmp/obj/screen"

obj() { # module name source
  printf '%s\n' "$3" >"$tmp/$1_$2.c"
  "$cc" -c "$tmp/$1_$2.c" -o "$tmp/obj/$1/$2.c.o"
}
expect() { # what status pattern objects...
  local what=$1 want=$2 pattern=$3 got=0
  shift 3
  "$check" "$tmp/src" "$@" >"$tmp/out" 2>&1 || got=$?
  if [ "$got" -ne "$want" ] || ! grep -q -- "$pattern" "$tmp/out"; then
    echo "FAIL: $what: status $got (wanted $want), output:" >&2
    cat "$tmp/out" >&2
    exit 1
  fi
  echo "ok: $what"
}

obj wire ok 'int json_object(void); int wire_ok(void) { return json_object(); }'
obj screen plain 'int screen_plain(void) { return 1; }'
obj screen calls 'int json_dumps(void); int screen_calls(void) { return json_dumps(); }'
printf '#include <jansson.h>\n' >"$tmp/src/wire/ok.c"
printf '#include "screen/x.h"\n' >"$tmp/src/screen/plain.c"

expect "JSON in wire/ only" 0 "no JSON outside wire" \
  "$tmp/obj/wire/ok.c.o" "$tmp/obj/screen/plain.c.o"
expect "a jansson call outside wire/" 1 \
  "JSON outside wire: screen/calls calls jansson's json_dumps" \
  "$tmp/obj/wire/ok.c.o" "$tmp/obj/screen/calls.c.o"
printf '#include <jansson.h>\n' >"$tmp/src/screen/plain.c"
expect "<jansson.h> outside wire/" 1 \
  "JSON outside wire: screen/plain.c includes <jansson.h>" \
  "$tmp/obj/wire/ok.c.o" "$tmp/obj/screen/plain.c.o"
printf '  #  include "bmis/wire.h"\n' >"$tmp/src/screen/plain.c"
expect "bmis/wire.h outside wire/" 1 \
  "JSON outside wire: screen/plain.c includes" \
  "$tmp/obj/wire/ok.c.o" "$tmp/obj/screen/plain.c.o"
