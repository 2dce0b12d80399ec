#!/usr/bin/env bash
# Two versions of OpenBMIS side by side, on the same machine, in one run:
#
#   bench/compare.sh OLD_REV [NEW_REV]      (NEW_REV default: HEAD)
#
# Exports each revision (git archive) into WORK/old and WORK/new, builds its
# benchmark programs and `bmis` in Release, prepares the inputs once (with the
# OLD build, so that the new one opens them as an upgrade would), then runs
# every benchmark RUNS times, old and new in turn (old first in odd runs, new
# first in even ones, so that a drift of the machine's speed falls on both):
#
#   mrz_td3, mrz_mix   bench_mrz, 2 s each over 100,000 documents (docs/s)
#   register_*         bench_register on a copy of a generated store of
#                      MOVEMENTS crossings (SQLite, durability process)
#   screen_*           bench_screen import of PERSONS listed persons, then
#                      screening of 3,000 travellers and 4 flights of 500
#   server_*           bmis serve (2 threads) with the full primary inspection
#                      over HTTP (wrk, bench/server/inspect.lua), DURATION s;
#                      left out when wrk is missing and cannot be installed
#
# and prints, per figure, the median of each side and new/old, marking a
# figure where the new median is more than 5 % worse. Every raw figure is in
# WORK/figures.tsv. Environment: RUNS (5), MOVEMENTS (200000), PERSONS
# (100000), DURATION (10), WORK (/tmp/bmis-bench-compare), PORT (18490).
set -euo pipefail
{
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
old_rev=${1:?usage: bench/compare.sh OLD_REV [NEW_REV]}
new_rev=${2:-HEAD}
: "${RUNS:=5}" "${MOVEMENTS:=200000}" "${PERSONS:=100000}" "${DURATION:=10}"
: "${WORK:=/tmp/bmis-bench-compare}" "${PORT:=18490}"
user=bench-officer
password=bench-officer-password

say() { printf '%s\n' "$*" >&2; }
die() { say "compare.sh: $*"; exit 1; }

"$root/scripts/deps.sh"
have_wrk=1
if ! command -v wrk >/dev/null; then
  as_root=()
  [ "$(id -u)" -ne 0 ] && as_root=(sudo)
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq \
    --no-install-recommends wrk >/dev/null 2>&1 || have_wrk=0
fi

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

# --- The two builds ---------------------------------------------------------
build_side() { # SIDE REV
  local side=$1 rev=$2 src=$WORK/$1/src
  local commit
  commit=$(git -C "$root" rev-parse "$rev^{commit}") || die "no revision $rev"
  if [ "$(cat "$WORK/$side/commit" 2>/dev/null)" != "$commit" ]; then
    rm -rf "$WORK/$side"
    mkdir -p "$src"
    git -C "$root" archive "$commit" | tar -x -C "$src"
    echo "$commit" >"$WORK/$side/commit"
  fi
  cmake -S "$src" -B "$WORK/$side/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DBMIS_TESTS=OFF -DBMIS_BENCH=ON >"$WORK/$side/cmake.log" ||
    { cat "$WORK/$side/cmake.log" >&2; exit 1; }
  ninja -j2 -C "$WORK/$side/build" bmis bench_mrz bench_mrz_gen_inputs \
    bench_register bench_screen bench_server_gen_inspections \
    >"$WORK/$side/ninja.log" || { cat "$WORK/$side/ninja.log" >&2; exit 1; }
  say "$side: $(git -C "$root" log -1 --format='%h %s' "$commit" | cut -c1-70)"
}
build_side old "$old_rev"
build_side new "$new_rev"
bin() { echo "$WORK/$1/build/$2"; }

# --- Inputs, once (made by the old build) -----------------------------------
inputs=$WORK/inputs
mkdir -p "$inputs"
want="movements=$MOVEMENTS persons=$PERSONS old=$(cat "$WORK/old/commit")"
if [ "$(cat "$inputs/done" 2>/dev/null)" != "$want" ]; then
  rm -rf "${inputs:?}"/*
  say "preparing the inputs ($want)"
  gen=$(bin old bench/bench_mrz_gen_inputs)
  "$gen" td3 100000 1 "$inputs/td3.mrz"
  "$gen" mix 100000 2 "$inputs/mix.mrz"
  bmis=$(bin old src/cli/bmis)
  "$bmis" db init --state UTO --store "$inputs/register.db" >/dev/null
  if ! "$bmis" demo generate --travellers $((MOVEMENTS / 10)) \
    --movements "$MOVEMENTS" --seed 1 --quiet --store "$inputs/register.db" \
    >/dev/null; then
    # an old generator may break a rule its own register enforces (before
    # bec2033 it could refuse a person under protection): the new one makes
    # the data, in a store the old program opens too
    say "the old generator failed; the new one makes the register's data"
    rm -f "$inputs/register.db"*
    "$(bin new src/cli/bmis)" db init --state UTO \
      --store "$inputs/register.db" >/dev/null
    "$(bin new src/cli/bmis)" demo generate --travellers $((MOVEMENTS / 10)) \
      --movements "$MOVEMENTS" --seed 1 --quiet \
      --store "$inputs/register.db" >/dev/null
  fi
  cp "$inputs/register.db" "$inputs/server.db"
  "$(bin old bench/bench_server_gen_inspections)" --store "$inputs/server.db" \
    --import-persons "$PERSONS" --seed 1 >/dev/null
  printf '%s\n' "$password" |
    "$bmis" user add "$user" --role officer --name "Bench Officer" \
      --bcp AMA --store "$inputs/server.db" >/dev/null
  "$(bin old bench/bench_server_gen_inspections)" --store "$inputs/server.db" \
    --count 6000 --known 75 --seed 1 --out "$inputs/mix-all.tsv" >/dev/null
  head -n 5000 "$inputs/mix-all.tsv" >"$inputs/mix.tsv"
  tail -n 1000 "$inputs/mix-all.tsv" >"$inputs/warm.tsv"
  printf '%s\n' "$want" >"$inputs/done"
fi

# --- One side, one run: figures as "name value" lines ----------------------
val() { sed -n "s/^$1 \([0-9.]*\).*/\1/p" | head -1; }
field() { sed -n "s/^RESULT .*\b$1=\([^ ]*\).*/\1/p"; }

server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}
trap stop_server EXIT

run_side() { # SIDE
  local side=$1 out=$WORK/$1/out r
  mkdir -p "$out"
  for input in td3 mix; do
    r=$("$(bin "$side" bench/bench_mrz)" --seconds 2 "$inputs/$input.mrz" 2>/dev/null)
    echo "mrz_${input}_docs_per_s $(field docs_per_s <<<"$r") up"
  done

  rm -f "$out/register.db"*
  cp "$inputs/register.db" "$out/register.db"
  r=$("$(bin "$side" bench/bench_register)" --store "$out/register.db" \
    --single 1000 --batched 20000 --lookups 2000 2>&1)
  echo "register_record_single_per_s $(val record_single <<<"$r") up"
  echo "register_record_batched_per_s $(val record_batched <<<"$r") up"
  echo "register_history_p50_ms $(val history_p50 <<<"$r") down"
  echo "register_overstay_list_s $(val overstay_list <<<"$r") down"
  rm -f "$out/register.db"*

  rm -rf "$out/screen"
  mkdir -p "$out/screen"
  r=$("$(bin "$side" bench/bench_screen)" import --work "$out/screen" \
    --persons "$PERSONS" --travellers 3000 2>&1)
  echo "screen_import_persons_s $(val import_persons <<<"$r") down"
  r=$("$(bin "$side" bench/bench_screen)" screen --work "$out/screen" \
    --flights 4 --exh-seconds 0 2>&1)
  echo "screen_p50_ms $(val screen_p50 <<<"$r") down"
  echo "screen_p99_ms $(val screen_p99 <<<"$r") down"
  echo "screen_flight_median_ms $(val flight_median <<<"$r") down"
  rm -rf "$out/screen"

  [ "$have_wrk" = 1 ] || return 0
  rm -f "$out/server.db"*
  cp "$inputs/server.db" "$out/server.db"
  "$(bin "$side" src/cli/bmis)" serve --store "$out/server.db" \
    --listen "127.0.0.1:$PORT" --threads 2 >"$out/serve.log" 2>&1 &
  server_pid=$!
  local up=0
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1; then
      up=1
      break
    fi
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.2
  done
  [ "$up" = 1 ] || { cat "$out/serve.log" >&2; die "$side: the server did not come up"; }
  local token
  token=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/login" \
    -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"$password\",\"bcp\":\"AMA\",\"desk\":\"B1\"}" |
    sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p')
  [ -n "$token" ] || die "$side: login failed"
  wrk -t2 -c16 -d3s -s "$here/server/inspect.lua" "http://127.0.0.1:$PORT" \
    -- "$token" "$inputs/warm.tsv" 2 >/dev/null 2>&1 || die "$side: warm-up failed"
  r=$(wrk -t2 -c16 -d"${DURATION}s" --latency -s "$here/server/inspect.lua" \
    "http://127.0.0.1:$PORT" -- "$token" "$inputs/mix.tsv" 2 2>&1) ||
    die "$side: wrk failed"
  stop_server
  if grep -q 'Non-2xx' <<<"$r"; then
    die "$side: answers other than 201 (see $out/serve.log)"
  fi
  r=$(sed -n '/^---- bench/,$p' <<<"$r")
  echo "server_inspections_per_s $(val inspections_per_s <<<"$r") up"
  echo "server_inspect_p50_ms $(val inspect_p50 <<<"$r") down"
  echo "server_inspect_p99_ms $(val inspect_p99 <<<"$r") down"
  echo "server_decide_p50_ms $(val decide_p50 <<<"$r") down"
  rm -f "$out/server.db"*
}

figures=$WORK/figures.tsv
printf 'run\tside\tfigure\tvalue\tbetter\n' >"$figures"
for ((run = 1; run <= RUNS; run++)); do
  order="old new"
  [ $((run % 2)) = 0 ] && order="new old"
  for side in $order; do
    say "run $run/$RUNS: $side"
    run_side "$side" | while read -r name value better; do
      [ -n "$value" ] || die "$side: no figure for $name"
      printf '%d\t%s\t%s\t%s\t%s\n' "$run" "$side" "$name" "$value" "$better"
    done >>"$figures"
  done
done

# --- Medians and ratios -----------------------------------------------------
echo "old: $(git -C "$root" log -1 --format='%h %s' "$(cat "$WORK/old/commit")" | cut -c1-60)"
echo "new: $(git -C "$root" log -1 --format='%h %s' "$(cat "$WORK/new/commit")" | cut -c1-60)"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs; $RUNS runs of each, alternating"
awk -F'\t' '
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++)
      for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  NR == 1 { next }
  {
    if (!($3 in better)) order[++n] = $3
    better[$3] = $5
    v[$3, $2] = v[$3, $2] " " $4
  }
  END {
    printf "%-32s %12s %12s %9s\n", "figure", "old median", "new median", "new/old"
    for (i = 1; i <= n; i++) {
      f = order[i]; o = median(v[f, "old"]); w = median(v[f, "new"])
      r = o > 0 ? w / o : 0
      worse = better[f] == "up" ? r < 0.95 : r > 1.05
      printf "%-32s %12.3f %12.3f %8.3f %s%s\n", f, o, w, r,
        better[f] == "up" ? "(higher is better)" : "(lower is better)",
        worse ? "  MORE THAN 5 % WORSE" : ""
    }
  }' "$figures"
exit 0
}
