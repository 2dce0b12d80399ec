#!/usr/bin/env bash
# The full primary inspection over HTTP, measured with wrk on loopback:
#
#   bench/server/run.sh [--quick] [WORKDIR]
#
# One inspection is two requests on `bmis serve`: POST /api/inspections (the
# document checked, the person screened against a 1,000,000-entry watchlist,
# document screening, history and stay status read, the result stored with
# its two audit entries, one transaction) and POST
# /api/inspections/{id}/decision (the crossing recorded in the register,
# the inspection closed, its audit entry: one transaction).
#
# Builds bmis and bench_server_gen_inspections in Release (WORKDIR/build),
# installs wrk if missing, and prepares once (reused while complete) a
# SQLite store WORKDIR/base.db: `bmis demo generate` (TRAVELLERS people,
# MOVEMENTS crossings over a year, seed 1), a synthetic person watchlist of
# PERSONS entries (bmis_demo_watchlist kind persons, seed 1, imported as the
# list "persons", category wanted, by gen_inspections.c), an officer. Then the traveller mix (WORKDIR/mix.tsv:
# MIX inspections, KNOWN percent of them travellers in the register, the
# rest new; see gen_inspections.c) and, for each durability (DURABILITIES,
# default "process power") and server thread count (SERVER_THREADS, default
# "2 4"): a fresh copy of the store, `bmis serve --threads N --durability
# D`, a login at crossing point AMA, a WARMUP-second wrk run on other
# travellers (not counted), then `wrk -tWRK_THREADS -cCONNECTIONS
# -dDURATION --latency` with inspect.lua. Any answer other than 201 fails
# the run. Prints a summary against the issue's target: >= 2,000
# inspections/s with p99 < 20 ms.
#
# --quick: 1/10 scale (10,000 people, 100,000 crossings, 100,000 listed
# persons, 10 s runs; WORKDIR default /tmp/bmis-bench-server-quick): a smoke
# test of a few minutes; the target is for the full scale. WORKDIR defaults
# to /tmp/bmis-bench-server; it gets the build, the store (about 1 GB at
# full scale), each run's copy, output and server log.
#
# Environment: TRAVELLERS, MOVEMENTS, PERSONS, MIX, KNOWN (75), WARMUP (5),
# DURATION (30), CONNECTIONS (16), WRK_THREADS (2), SERVER_THREADS,
# DURABILITIES, PORT (18480), PERF=1 to record a perf profile of the server
# during each measured run (WORKDIR/perf-D-tN.data), BUILD a build folder.
set -euo pipefail

# The whole script is one block, read before it runs (the tree is shared).
{
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

quick=0
work=
for a in "$@"; do
  case $a in
  --quick) quick=1 ;;
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
  : "${TRAVELLERS:=10000}" "${MOVEMENTS:=100000}" "${PERSONS:=100000}"
  : "${MIX:=8000}" "${DURATION:=10}"
  work=${work:-/tmp/bmis-bench-server-quick}
else
  scale="full scale"
  : "${TRAVELLERS:=100000}" "${MOVEMENTS:=1000000}" "${PERSONS:=1000000}"
  : "${MIX:=40000}" "${DURATION:=30}"
  work=${work:-/tmp/bmis-bench-server}
fi
: "${KNOWN:=75}" "${WARMUP:=5}" "${CONNECTIONS:=16}" "${WRK_THREADS:=2}"
: "${SERVER_THREADS:=2 4}" "${DURABILITIES:=process power}" "${PORT:=18480}"
: "${PERF:=0}"
warm_count=$((MIX / 10))
user=bench-officer
password=bench-officer-password
build=${BUILD:-$work/build}

say() { printf '%s\n' "$*" >&2; }
load() { uptime | sed 's/.*load average: */load average /'; }
die() { say "run.sh: $*"; exit 1; }

# --- wrk (the benchmark's own tool, not a build or test dependency) -------
if ! command -v wrk >/dev/null; then
  say "installing wrk"
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root or sudo to install wrk"
    as_root=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends wrk ||
    { "${as_root[@]}" apt-get update -qq &&
      "${as_root[@]}" apt-get install -y -qq --no-install-recommends wrk; }
fi

"$root/scripts/deps.sh"
mkdir -p "$work"
work=$(cd "$work" && pwd)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DBMIS_TESTS=OFF -DBMIS_BENCH=ON >"$work/cmake.log" ||
  { cat "$work/cmake.log" >&2; exit 1; }
ninja -j2 -C "$build" bmis bench_server_gen_inspections >"$work/ninja.log" ||
  { cat "$work/ninja.log" >&2; exit 1; }
bmis=$build/src/cli/bmis
gen=$build/bench/bench_server_gen_inspections

# --- The store, prepared once ----------------------------------------------
base=$work/base.db
want="travellers=$TRAVELLERS movements=$MOVEMENTS persons=$PERSONS seed=1 user=$user"
if [ ! -f "$base" ] || [ "$(cat "$base.done" 2>/dev/null)" != "$want" ]; then
  part=$work/base.partial.db
  rm -f "$base" "$base.done" "$part"*
  say "preparing the store ($want) in $part"
  "$bmis" db init --state UTO --store "$part" >/dev/null
  t0=$(date +%s.%N)
  "$bmis" demo generate --travellers "$TRAVELLERS" --movements "$MOVEMENTS" \
    --seed 1 --quiet --store "$part" >"$work/generate.txt"
  t1=$(date +%s.%N)
  # bmis_demo_watchlist + bmis_watchlist_import, as `bmis demo watchlist
  # --kind persons | bmis watchlist import` would (the command reads files
  # of up to 256 MiB; a million persons make 311 MiB)
  "$gen" --store "$part" --import-persons "$PERSONS" --seed 1 \
    >"$work/import.txt"
  t3=$(date +%s.%N)
  printf '%s\n' "$password" |
    "$bmis" user add "$user" --role officer --name "Bench Officer" \
      --bcp AMA --store "$part" >/dev/null
  "$bmis" db backup "$base.tmp" --store "$part" >/dev/null
  rm -f "$part"*
  mv "$base.tmp" "$base"
  awk -v a="$t0" -v b="$t1" -v d="$t3" -v m="$MOVEMENTS" -v p="$PERSONS" 'BEGIN {
    printf "prepared: demo generate %d crossings %.0f s, %d listed persons made and imported %.0f s\n", m, b - a, p, d - b }' |
    tee "$work/prepare.txt" >&2
  printf '%s\n' "$want" >"$base.done"
fi

# --- The traveller mix -----------------------------------------------------
mixwant="$want mix=$MIX known=$KNOWN"
if [ "$(cat "$work/mix.done" 2>/dev/null)" != "$mixwant" ]; then
  "$gen" --store "$base" --count "$((MIX + warm_count))" --known "$KNOWN" \
    --seed 1 --out "$work/mix-all.tsv" | tee "$work/mix.txt" >&2
  head -n "$MIX" "$work/mix-all.tsv" >"$work/mix.tsv"
  tail -n "$warm_count" "$work/mix-all.tsv" >"$work/warm.tsv"
  rm -f "$work/mix-all.tsv"
  printf '%s\n' "$mixwant" >"$work/mix.done"
fi

# --- The machine -----------------------------------------------------------
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$({ git -C "$root" --no-optional-locks status --porcelain -- src \
  include 2>/dev/null || true; } | wc -l)
[ "$dirty" -gt 0 ] && commit="$commit + $dirty changed file(s) in src/ include/"
mem=$(free -g | awk '/^Mem:/ {print $2}')
cc=$(awk -F= '/^CMAKE_C_COMPILER:/ {print $2}' "$build/CMakeCache.txt")
{
  echo "Full primary inspection over HTTP, $scale ($(date -u +%Y-%m-%d))"
  echo "machine:  $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores (wrk and the server share them), ${mem} GiB memory"
  echo "system:   $(uname -sr), $("$cc" --version | head -1), SQLite $(pkg-config --modversion sqlite3), libmicrohttpd $(pkg-config --modversion libmicrohttpd), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "libbmis:  $commit"
  echo "store:    $want; $(du -m "$base" | cut -f1) MiB"
  echo "mix:      $(cat "$work/mix.txt")"
  echo "wrk:      -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s --latency, after ${WARMUP} s of warm-up on $warm_count other travellers"
} | tee "$work/header.txt"

# --- One run -----------------------------------------------------------------
server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}
trap stop_server EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

run_one() { # DURABILITY THREADS
  local dur=$1 threads=$2 name="$1-t$2"
  local store=$work/run.db
  rm -f "$store"*
  cp "$base" "$store"
  "$bmis" serve --store "$store" --listen "127.0.0.1:$PORT" \
    --threads "$threads" --durability "$dur" >"$work/serve-$name.log" 2>&1 &
  server_pid=$!
  local up=0
  for _ in $(seq 1 600); do # the index of every watchlist loads first
    if curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1; then
      up=1
      break
    fi
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.5
  done
  [ "$up" = 1 ] || { cat "$work/serve-$name.log" >&2; die "the server did not come up"; }
  local token
  token=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/login" \
    -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"$password\",\"bcp\":\"AMA\",\"desk\":\"B1\"}" |
    sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p')
  [ -n "$token" ] || die "login failed"
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" \
    -s "$here/inspect.lua" "http://127.0.0.1:$PORT" -- "$token" \
    "$work/warm.tsv" "$WRK_THREADS" >"$work/warm-$name.txt" 2>&1 ||
    { cat "$work/warm-$name.txt" >&2; die "warm-up failed"; }
  local perf_pid=
  if [ "$PERF" = 1 ]; then
    perf record -F 499 -g -p "$server_pid" -o "$work/perf-$name.data" \
      >/dev/null 2>&1 &
    perf_pid=$!
  fi
  local c0 c1 l0
  l0=$(load)
  c0=$(cpu_ticks "$server_pid")
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    -s "$here/inspect.lua" "http://127.0.0.1:$PORT" -- "$token" \
    "$work/mix.tsv" "$WRK_THREADS" >"$work/wrk-$name.txt" 2>&1 ||
    { cat "$work/wrk-$name.txt" >&2; die "wrk failed"; }
  c1=$(cpu_ticks "$server_pid")
  if [ -n "$perf_pid" ]; then
    kill -INT "$perf_pid" 2>/dev/null || true
    wait "$perf_pid" 2>/dev/null || true
  fi
  stop_server
  sed -n '/^---- bench/,$p' "$work/wrk-$name.txt" | sed 1d >"$work/$name.txt"
  local hz ins
  hz=$(getconf CLK_TCK)
  ins=$(awk '$1 == "inspections_decided" {print $2}' "$work/$name.txt")
  awk -v c="$((c1 - c0))" -v hz="$hz" -v n="$ins" -v d="$DURATION" 'BEGIN {
    printf "server_cpu_s %.1f\nserver_cores %.2f\nserver_cpu_ms_per_inspection %.2f\n", c / hz, c / hz / d, n ? c / hz * 1000 / n : 0 }' \
    >>"$work/$name.txt"
  echo "load_before $l0" >>"$work/$name.txt"
  echo "load_after $(load)" >>"$work/$name.txt"
  echo
  echo "== durability $dur, $threads server threads"
  sed -n '/Latency Distribution/,/Requests\/sec/p;/Non-2xx/p;/Socket errors/p' \
    "$work/wrk-$name.txt"
  cat "$work/$name.txt"
  local bad
  bad=$(awk '$1 == "non_2xx" || $1 == "socket_errors" {s += $2} END {print s + 0}' "$work/$name.txt")
  if grep -q 'Non-2xx' "$work/wrk-$name.txt" || [ "$bad" != 0 ]; then
    die "$bad answers other than 201 or socket errors in $name (see $work/wrk-$name.txt)"
  fi
  rm -f "$store"*
}

for dur in $DURABILITIES; do
  for threads in $SERVER_THREADS; do
    run_one "$dur" "$threads"
  done
done

# --- Summary -----------------------------------------------------------------
fig() { awk -v n="$2" '$1 == n {print $2; exit}' "$work/$1.txt"; }
echo
echo "Summary ($scale; libbmis $commit; $(load))"
[ "$quick" = 1 ] && echo "(1/10 scale: the target is for the full scale)"
printf '%-8s %-7s %-13s %-22s %-22s %-22s %-9s %s\n' durability threads \
  "inspections/s" "inspection p50/90/99" "decision p50/90/99" \
  "any request p50/90/99" "cpu ms/i" "target (>= 2000/s, p99 < 20 ms)"
for dur in $DURABILITIES; do
  for threads in $SERVER_THREADS; do
    n="$dur-t$threads"
    rate=$(fig "$n" inspections_per_s)
    worst=$(awk '$1 == "inspect_p99" || $1 == "decide_p99" {if ($2 > m) m = $2} END {print m + 0}' "$work/$n.txt")
    verdict=$(awk -v r="$rate" -v p="$worst" 'BEGIN {print (r >= 2000 && p < 20) ? "met" : "MISSED"}')
    printf '%-8s %-7s %-13s %-22s %-22s %-22s %-9s %s\n' "$dur" "$threads" "$rate" \
      "$(fig "$n" inspect_p50)/$(fig "$n" inspect_p90)/$(fig "$n" inspect_p99) ms" \
      "$(fig "$n" decide_p50)/$(fig "$n" decide_p90)/$(fig "$n" decide_p99) ms" \
      "$(fig "$n" all_p50)/$(fig "$n" all_p90)/$(fig "$n" all_p99) ms" \
      "$(fig "$n" server_cpu_ms_per_inspection)" "$verdict"
  done
done
echo "(inspection, decision: each request kind timed apart by inspect.lua;"
echo " any request: wrk's own --latency, both kinds mixed; cpu ms/i: the"
echo " server's CPU time per inspection, both requests)"
exit 0
}
