#!/usr/bin/env bash
# Screening accuracy, recomputed from the data in tests/data/ (see
# tests/data/SOURCES.md):
#  1. the 826 labelled name pairs (persons, companies, organisations,
#     vessels) beside OpenSanctions' own matcher's scores on the same pairs
#     (eval_names), the whole precision/recall curve;
#  2. the real UN Security Council list (2026-05-08) against UN-listed
#     persons as travellers present them (clean and treated) and 50,000
#     synthetic persons on no list (eval_lists), the index beside the
#     exhaustive mode, the whole recall / false-hit curve.
#
#   bench/screen/accuracy.sh            (figures go in docs/BENCHMARKS.md)
#
# Builds the two programs in Release under bench/screen/work/build.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$here/work
build=$work/build
data=$root/tests/data

"$root/scripts/deps.sh"
mkdir -p "$work"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DBMIS_TESTS=OFF >/dev/null
cmake --build "$build" --target bench_screen_eval_names \
  bench_screen_eval_lists >/dev/null

echo "== machine"
lscpu | grep -E '^(Model name|CPU\(s\))' | sed 's/  */ /g'
free -g | awk '/^Mem:/ {print "Memory: " $2 " GiB"}'
uptime

echo
echo "== 1. labelled name pairs (tests/data/screening/name_pairs_cases.csv)"
"$build/bench/bench_screen_eval_names" \
  "$data/screening/name_pairs_cases.csv" \
  "$data/screening/name_pairs_opensanctions_logicv2_scores.csv"

echo
echo "== 2. the UN list against presented persons"
gunzip -c "$data/screening/negatives_global.csv.gz" >"$work/negatives.csv"
"$build/bench/bench_screen_eval_lists" \
  "$data/watchlists/un_consolidated_2026-05-08.xml" \
  "$data/screening/positives_un_untreated.csv" \
  "$data/screening/positives_un_treated.csv" \
  "$work/negatives.csv" "$@"
