#!/usr/bin/env bash
# The register on a large store, one writer: SQLite at both durability
# settings and PostgreSQL, side by side in one run, each beside its floor
# (bare inserts of the same rows; see bench_register.c).
#
#   bench/register/run.sh [MOVEMENTS]        (default 10000000)
#
# Builds bench_register and bmis in Release under bench/register/work/build,
# generates the store once with `bmis demo generate` (MOVEMENTS crossings of
# MOVEMENTS/10 people, seed 1; kept in work/ and reused), then runs
# bench_register on a fresh copy for each setting. For PostgreSQL it starts
# a throwaway server (scripts/pg-temp.sh) in work/, loads the same data
# with COPY, and stops it afterwards. Prints every figure and a summary.
#
# Environment: TRAVELLERS (default MOVEMENTS/10), SINGLE (crossings one
# transaction each, default 3000), BATCHED (default 100000), BATCH (1000),
# LOOKUPS (5000), SKIP_PG=1 to leave PostgreSQL out, BASE=FILE to use a
# store generated earlier (by the same `bmis demo generate` command).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$here/work
build=$work/build
movements=${1:-10000000}
travellers=${TRAVELLERS:-$((movements / 10))}
single=${SINGLE:-3000}
batched=${BATCHED:-100000}
batch=${BATCH:-1000}
lookups=${LOOKUPS:-5000}

say() { printf '%s\n' "$*" >&2; }

"$root/scripts/deps.sh"
mkdir -p "$work"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DBMIS_TESTS=OFF -DBMIS_BENCH=ON >"$work/cmake.log" ||
  { cat "$work/cmake.log" >&2; exit 1; }
ninja -C "$build" bench_register bmis >"$work/ninja.log" ||
  { cat "$work/ninja.log" >&2; exit 1; }
bench=$build/bench/bench_register
bmis=$build/src/cli/bmis

# --- The store, generated once ------------------------------------------
base=${BASE:-$work/base-$movements.db}
if [ ! -f "$base" ]; then
  say "generating $movements movements of $travellers people into $base"
  rm -f "$base.partial"*
  start=$(date +%s.%N)
  "$bmis" demo generate --travellers "$travellers" --movements "$movements" \
    --seed 1 --quiet --store "$base.partial"
  end=$(date +%s.%N)
  "$bmis" db backup "$base" --store "$base.partial" >/dev/null
  rm -f "$base.partial"*
  awk -v m="$movements" -v a="$start" -v b="$end" \
    'BEGIN { printf "generate %.0f movements/s (%d in %.0f s, batch 10000)\n", m / (b - a), m, b - a }' |
    tee "$work/generate.txt"
fi

run_bench() { # NAME STORE [ARGS]
  local name=$1 store=$2
  shift 2
  say "== $name"
  "$bench" --store "$store" --single "$single" --batched "$batched" \
    --batch "$batch" --lookups "$lookups" "$@" | tee "$work/$name.txt"
}

for durability in process power; do
  copy=$work/run-$durability.db
  rm -f "$copy"*
  cp "$base" "$copy"
  run_bench "sqlite-$durability" "$copy" --durability "$durability"
  rm -f "$copy"*
done

# --- PostgreSQL: the same data, loaded with COPY --------------------------
if [ "${SKIP_PG:-0}" != 1 ]; then
  pgdir=$work/pg
  "$root/scripts/pg-temp.sh" stop "$pgdir" >/dev/null 2>&1 || true
  url=$("$root/scripts/pg-temp.sh" start "$pgdir")
  trap '"$root/scripts/pg-temp.sh" stop "$pgdir" >/dev/null 2>&1 || true' EXIT
  psql_bin=$(command -v psql || echo "$(pg_config --bindir)/psql")
  "$bmis" db migrate --store "$url" >/dev/null
  say "loading the store into PostgreSQL"
  for table in setting bcp traveller document movement movement_version \
    referral identity_link stay; do
    cols=$(sqlite3 "$base" "SELECT group_concat(name, ',') FROM pragma_table_info('$table')")
    sqlite3 -csv "$base" "SELECT $cols FROM $table" |
      "$psql_bin" -X -q -v ON_ERROR_STOP=1 "$url" \
        -c "\\copy $table ($cols) FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL ($cols))"
  done
  "$psql_bin" -X -q "$url" -c "VACUUM ANALYZE" >/dev/null
  run_bench postgres "$url"
fi

# --- Summary ---------------------------------------------------------------
say ""
say "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
for f in "$work"/sqlite-process.txt "$work"/sqlite-power.txt "$work"/postgres.txt; do
  [ -f "$f" ] || continue
  printf '%-16s' "$(basename "$f" .txt)"
  awk '/^(record_single|record_batched|floor_single|floor_batched) / {printf " %s=%s", $1, $2}
       /^history_p(50|99) / {printf " %s=%sms", $1, $2}
       /^overstay_list / {printf " overstay=%ss", $2}' "$f"
  echo
done
