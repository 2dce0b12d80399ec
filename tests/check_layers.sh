#!/usr/bin/env bash
# The library's layers, checked on what the compiler made (docs/ARCHITECTURE.md).
#
#   check_layers.sh SRC_LIB_DIR OBJECT...
#
# Modules, lowest first. A module may use symbols and include internal headers
# only of itself or of lower modules; no two files use each other's symbols,
# directly or round a longer loop. A module directory that does not exist (yet,
# or any more) is simply absent: only the objects given are read.
#
# Four checks:
#  1. nm: every undefined symbol of an object that another object of the
#     library defines must be defined in the same or a lower module;
#  2. tsort: the graph "file uses file" has no cycle;
#  3. grep: no file of src/lib includes an internal header of a higher module;
#  4. nm: the library reads no clock (time, clock_gettime, gettimeofday,
#     timespec_get): instants come in as arguments. store/sqlite may time a
#     wait with the monotonic clock (its busy handler);
#  5. JSON is wire's: no file of src/lib outside wire/ includes <jansson.h>
#     or bmis/wire.h (which includes it), and no object outside wire/ uses a
#     jansson symbol (json_*), however it got the declaration.
set -euo pipefail

# auth sits above register: a session is bound to a crossing point
# (auth/session.c reads register's bmis_bcp_get), and register needs nothing
# of auth.
LAYERS="base doc wire store audit register auth screen inspect demo"

# Uses that close a loop and are being removed by another part of issue 13,
# as "user definer" regexes (extended). Empty this list as they land.
PENDING=(
)
# Files allowed to call a clock function, and why.
CLOCK_OK="store/sqlite"                                 # CLOCK_MONOTONIC: a busy wait
CLOCK_PENDING=""
# Generated sources belong to the module whose data they carry.
gen_module() {
  case "$1" in
  country_table | translit_table) echo doc ;;
  sql_queries) echo store ;;
  notice_texts) echo inspect ;;
  *) echo "?" ;;
  esac
}

src=$1
shift
[ $# -gt 0 ] || {
  echo "usage: check_layers.sh SRC_LIB_DIR OBJECT..." >&2
  exit 2
}

rank_of() {
  local i=0 m
  for m in $LAYERS; do
    [ "$m" = "$1" ] && {
      echo "$i"
      return
    }
    i=$((i + 1))
  done
  echo -1
}

tmp=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "$tmp" >&2 || trap 'rm -rf "$tmp"' EXIT

# Each object -> "module/file" (file without .c.o), then its symbols.
: >"$tmp/defs"
: >"$tmp/uses"
for obj in "$@"; do
  base=$(basename "$obj" .c.o)
  base=${base%.o}
  dir=$(basename "$(dirname "$obj")")
  if [ "$dir" = generated ]; then
    mod=$(gen_module "$base")
  else
    mod=$dir
  fi
  if [ "$(rank_of "$mod")" -lt 0 ]; then
    echo "check_layers: $obj: module '$mod' is not in the layer list ($LAYERS)" >&2
    exit 1
  fi
  unit="$mod/$base"
  nm -P "$obj" | awk -v u="$unit" -v d="$tmp/defs" -v s="$tmp/uses" -v c="$tmp/clock" -v j="$tmp/json" '
    $2 == "U" && $1 ~ /^(time|clock_gettime|gettimeofday|timespec_get|clock)$/ {
      print u, $1 >> c }
    $2 == "U" && $1 ~ /^json_/ { print u, $1 >> j }
    $2 == "U" { print u, $1 >> s; next }
    $2 ~ /^[TDBRVGS]$/ { print $1, u >> d }'
done

status=0

# 1 and 2: who uses whom.
sort -u "$tmp/defs" >"$tmp/defs.s"
sort -k2,2 -u "$tmp/uses" >"$tmp/uses.s"
# user symbol definer
join -1 2 -2 1 -o 1.1,0,2.2 "$tmp/uses.s" "$tmp/defs.s" |
  awk '$1 != $3' | sort -u >"$tmp/edges"

ranks=""
i=0
for m in $LAYERS; do
  ranks="$ranks $m=$i"
  i=$((i + 1))
done
awk -v ranks="$ranks" '
  BEGIN { n = split(ranks, a, " "); for (i = 1; i <= n; i++) { split(a[i], kv, "="); r[kv[1]] = kv[2] } }
  {
    split($1, u, "/"); split($3, d, "/")
    if (r[d[1]] > r[u[1]])
      printf "upward call: %s uses %s, defined in %s (module %s is above %s)\n", $1, $2, $3, d[1], u[1]
  }' "$tmp/edges" >"$tmp/upward"
if [ -s "$tmp/upward" ]; then
  cat "$tmp/upward" >&2
  status=1
fi

pending=$(IFS='|'; echo "^(${PENDING[*]:-$^})\$")
awk '{ print $1, $3 }' "$tmp/edges" | grep -Ev "$pending" | sort -u >"$tmp/pairs" || true
if ! tsort "$tmp/pairs" >/dev/null 2>"$tmp/loops"; then
  echo "files that use each other in a loop (tsort):" >&2
  grep -v 'input contains a loop' "$tmp/loops" | sed 's/^tsort: /  /' >&2
  # Name the symbols of each two-file loop, the common case.
  awk 'NR == FNR { e[$1 " " $3] = e[$1 " " $3] " " $2; next }
       ($2 " " $1) in e && $1 < $2 {
         printf "  %s ->%s\n  %s ->%s\n", $1, e[$1 " " $2], $2, e[$2 " " $1] }' \
    "$tmp/edges" "$tmp/pairs" >&2
  status=1
fi

# 4: the clock.
if [ -s "$tmp/clock" ]; then
  allowed="^($(echo $CLOCK_OK $CLOCK_PENDING | tr ' ' '|')) "
  if grep -Ev "$allowed" "$tmp/clock" | sort -u >"$tmp/clock.bad" &&
    [ -s "$tmp/clock.bad" ]; then
    sed 's/^\([^ ]*\) \(.*\)/the library reads the clock: \1 calls \2 (take the instant as an argument)/' \
      "$tmp/clock.bad" >&2
    status=1
  fi
fi

# 5: JSON outside wire/, from the objects.
if [ -s "$tmp/json" ]; then
  if grep -v '^wire/' "$tmp/json" | sort -u >"$tmp/json.bad" &&
    [ -s "$tmp/json.bad" ]; then
    sed 's/^\([^ ]*\) \(.*\)/JSON outside wire: \1 calls jansson'"'"'s \2 (encode and decode in src\/lib\/wire)/' \
      "$tmp/json.bad" >&2
    status=1
  fi
fi

# 3: includes. "x.h" resolves next to the file, else under src/lib.
while IFS= read -r -d '' f; do
  rel=${f#"$src"/}
  mod=${rel%%/*}
  r=$(rank_of "$mod")
  [ "$r" -ge 0 ] || continue
  while IFS= read -r inc; do
    if [ -f "$(dirname "$f")/$inc" ]; then
      hdir=$(dirname "$rel")
      hrel=$hdir/$inc
    elif [ -f "$src/$inc" ]; then
      hrel=$inc
    else
      continue # a generated header or a system one
    fi
    hmod=${hrel%%/*}
    hr=$(rank_of "$hmod")
    if [ "$hr" -gt "$r" ]; then
      echo "upward include: $rel includes $hrel (module $hmod is above $mod)" >&2
      status=1
    fi
  done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f")
  # 5: JSON outside wire/, from the sources.
  if [ "$mod" != wire ] &&
    grep -Eq '^[[:space:]]*#[[:space:]]*include[[:space:]]*(<jansson\.h>|"bmis/wire\.h")' "$f"; then
    echo "JSON outside wire: $rel includes <jansson.h> or bmis/wire.h (encode and decode in src/lib/wire)" >&2
    status=1
  fi
done < <(find "$src" -mindepth 2 \( -name '*.c' -o -name '*.h' \) -print0)

if [ "$status" -eq 0 ]; then
  echo "layers hold: $(wc -l <"$tmp/edges") uses between $# objects, no upward use, no loop, no upward include, no clock read, no JSON outside wire"
fi
exit "$status"
