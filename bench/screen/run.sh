#!/usr/bin/env bash
# Screening speed on large synthetic lists, one thread (bench_screen.c):
#
#   bench/screen/run.sh [--quick] [--with-document-import] [WORKDIR]
#
# Builds bench_screen in Release (WORKDIR/build), then runs, one after the
# other (never side by side):
#   1. import     1,000,000 listed persons (bmis_demo_watchlist, seed 1) into
#                 a fresh SQLite store WORKDIR/persons.db, and 10,000
#                 travellers written to WORKDIR/travellers.tsv
#   2. screen     in a new process: the store reopened, the index built
#                 (time, memory), every traveller screened (latency), flights
#                 of 500, and the index beside the exhaustive mode for as many
#                 travellers as fit in EXH_SECONDS
#   3. documents  10,000,000 lost/stolen documents indexed straight from the
#                 content, 1,000,000 look-ups checked and timed; with
#                 --with-document-import they are also imported into SQLite
#                 (about 6 minutes) and the index loaded from that store
# and prints a summary against the issue's targets.
#
# --quick runs everything at 1/10 scale (a smoke test; the targets are for
# the full scale). WORKDIR defaults to /tmp/bmis-bench-screen (-quick); it
# gets the stores (about 0.6 GB for 1M persons, more with the document
# import), the travellers, each phase's output and the build.
#
# Environment: DOC_ABSENT (the share of looked-up documents on no list,
# default 0.25), PERSONS, TRAVELLERS, FLIGHTS, FLIGHT_SIZE, EXH_SECONDS,
# DOCUMENTS, LOOKUPS override the scale; BUILD a build folder; SEED (1).
set -euo pipefail

# The whole script is one block, read before it runs: an edit to this file
# during a run (the tree is shared) cannot change what the run does.
{
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

quick=0
doc_import=0
work=
for a in "$@"; do
  case $a in
  --quick) quick=1 ;;
  --with-document-import) doc_import=1 ;;
  -h | --help)
    awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"
    exit 0
    ;;
  -*)
    echo "run.sh: unknown option $a" >&2
    exit 2
    ;;
  *) work=$a ;;
  esac
done

if [ "$quick" = 1 ]; then
  scale="1/10 scale (--quick)"
  : "${PERSONS:=100000}" "${TRAVELLERS:=1000}" "${FLIGHTS:=2}"
  : "${EXH_SECONDS:=30}" "${DOCUMENTS:=1000000}" "${LOOKUPS:=100000}"
  work=${work:-/tmp/bmis-bench-screen-quick}
else
  scale="full scale"
  : "${PERSONS:=1000000}" "${TRAVELLERS:=10000}" "${FLIGHTS:=20}"
  : "${EXH_SECONDS:=300}" "${DOCUMENTS:=10000000}" "${LOOKUPS:=1000000}"
  work=${work:-/tmp/bmis-bench-screen}
fi
: "${FLIGHT_SIZE:=500}" "${SEED:=1}"
build=${BUILD:-$work/build}

say() { printf '%s\n' "$*" >&2; }
load() { uptime | sed 's/.*load average: */load average /'; }

"$root/scripts/deps.sh"
mkdir -p "$work"
work=$(cd "$work" && pwd)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DBMIS_TESTS=OFF -DBMIS_BENCH=ON >"$work/cmake.log" ||
  { cat "$work/cmake.log" >&2; exit 1; }
ninja -C "$build" bench_screen >"$work/ninja.log" ||
  { cat "$work/ninja.log" >&2; exit 1; }
bench=$build/bench/bench_screen

# --- The machine and what is measured -------------------------------------
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$root" --no-optional-locks status --porcelain -- src include \
  2>/dev/null | wc -l)
[ "$dirty" -gt 0 ] && commit="$commit + $dirty changed file(s) in src/ include/"
mem=$(free -g | awk '/^Mem:/ {print $2}')
cc=$(awk -F= '/^CMAKE_C_COMPILER:/ {print $2}' "$build/CMakeCache.txt")
{
  echo "Screening speed, one thread, $scale ($(date -u +%Y-%m-%d))"
  echo "machine:  $(lscpu | sed -n 's/^Model name: *//p') (family $(lscpu | sed -n 's/^CPU family: *//p'), model $(lscpu | sed -n 's/^Model: *//p'), BogoMIPS $(lscpu | sed -n 's/^BogoMIPS: *//p')), $(nproc) cores, ${mem} GiB memory, $(lscpu | sed -n 's/^L3 cache: *//p') L3"
  echo "system:   $(uname -sr), $("$cc" --version | head -1), SQLite $(pkg-config --modversion sqlite3), ICU $(pkg-config --modversion icu-uc)"
  echo "libbmis:  $commit"
  echo "work:     $work"
  echo "scale:    $PERSONS persons, $TRAVELLERS travellers, $FLIGHTS flights of $FLIGHT_SIZE, exhaustive for ${EXH_SECONDS} s, $DOCUMENTS documents, $LOOKUPS look-ups (${DOC_ABSENT:-0.25} of them on no list)"
} | tee "$work/header.txt"

phase() { # NAME ARGS...
  local name=$1
  shift
  echo
  echo "== $name ($(load))"
  "$bench" "$@" | tee "$work/$name.txt"
  echo "   (after: $(load))"
}

phase import import --work "$work" --persons "$PERSONS" \
  --travellers "$TRAVELLERS" --seed "$SEED"
phase screen screen --work "$work" --flights "$FLIGHTS" \
  --flight-size "$FLIGHT_SIZE" --exh-seconds "$EXH_SECONDS"
doc_args=(documents --work "$work" --documents "$DOCUMENTS" --lookups "$LOOKUPS"
  --seed "$SEED")
[ "$doc_import" = 1 ] && doc_args+=(--import)
phase documents "${doc_args[@]}"

# --- Summary ---------------------------------------------------------------
fig() { # FILE NAME [FIELD]: the value of figure NAME (field 2 by default)
  awk -v n="$2" -v f="${3:-2}" '$1 == n {print $f; exit}' "$work/$1.txt"
}
verdict() { # VALUE OP LIMIT
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
    if (v == "") { print "-"; exit }
    ok = op == "<" ? v + 0 < l + 0 : op == "<=" ? v + 0 <= l + 0 : op == ">=" ? v + 0 >= l + 0 : v + 0 == l + 0
    print ok ? "met" : "MISSED" }'
}
row() { printf '%-44s %-14s %-30s %s\n' "$@"; }

imp=$(fig import import_persons)
ld=$(fig screen index_load)
rss=$(fig screen index_rss_added)
peak=$(awk '$1 == "index_load_peak" {for (i = 1; i <= NF; i++) if ($i == "above") {print $(i-2); exit}}' "$work/screen.txt")
p50=$(fig screen screen_p50)
p90=$(fig screen screen_p90)
p99=$(fig screen screen_p99)
pmax=$(fig screen screen_max)
cand=$(fig screen candidates_mean)
hits=$(fig screen hits_mean)
fmed=$(fig screen flight_median)
fworst=$(fig screen flight_worst)
recall=$(fig screen exh_recall)
ionly=$(fig screen exh_index_only)
exh_n=$(fig screen exh_sample)
exh_hits=$(fig screen exh_hits)
exh_t=$(fig screen exh_time_mean)
exh_i=$(fig screen exh_index_time_mean)
rate=$(fig documents doc_lookups)
drss=$(fig documents doc_index_rss)
dbuild=$(fig documents doc_index_build)
dimp=$(fig documents import_documents)

echo
echo "Summary ($scale; libbmis $commit; $(load))"
[ "$quick" = 1 ] && echo "(1/10 scale: the verdicts below hold for the full scale only)"
row "figure" "measured" "target" "verdict"
row "import $PERSONS persons into SQLite" "${imp:-?} s" "< 180 s" "$(verdict "$imp" "<" 180)"
row "index load (bmis_screen_index_load)" "${ld:-?} s" "< 20 s" "$(verdict "$ld" "<" 20)"
row "index resident memory added" "${rss:-?} MiB" "< 2048 MiB" "$(verdict "$rss" "<" 2048)"
row "  peak during the load, above the start" "${peak:-?} MiB" "" ""
row "screen one traveller: p50" "${p50:-?} ms" "" ""
row "  p90" "${p90:-?} ms" "" ""
row "  p99" "${p99:-?} ms" "< 1 ms" "$(verdict "$p99" "<" 1)"
row "  max" "${pmax:-?} ms" "" ""
row "  candidates scored, hits (mean)" "${cand:-?}, ${hits:-?}" "" ""
row "flight of $FLIGHT_SIZE: median" "${fmed:-?} ms" "< 100 ms" "$(verdict "$fmed" "<" 100)"
row "  worst of $FLIGHTS" "${fworst:-?} ms" "< 100 ms" "$(verdict "$fworst" "<" 100)"
row "index finds exhaustive's hits ($exh_n trav.)" "${recall:-?} %" ">= 99.5 % (of $exh_hits)" "$(verdict "$recall" ">=" 99.5)"
row "  hits only the index returns" "${ionly:-?}" "0" "$(verdict "$ionly" "==" 0)"
row "  per traveller: exhaustive / index" "${exh_t:-?} / ${exh_i:-?} ms" "" ""
[ -n "$dimp" ] && row "import $DOCUMENTS documents into SQLite" "$dimp s" "" ""
row "document index build ($DOCUMENTS)" "${dbuild:-?} s" "" ""
row "  its resident memory" "${drss:-?} MiB" "" ""
row "document look-ups" "${rate:-?} /s" ">= 1,000,000 /s" "$(verdict "$rate" ">=" 1000000)"
row "  listed / swapped / absent, each apart" "$(fig documents doc_lookups_listed) / $(fig documents doc_lookups_swapped) / $(fig documents doc_lookups_absent) /s" "" ""
awk '/^doc_(listed|swapped|absent) / {sub(/^doc_/, "  "); print}' "$work/documents.txt"
exit 0
}
