#!/usr/bin/env bash
# MRZ parse + full validation throughput, one thread: libbmis (bench_mrz)
# side by side with the npm `mrz` package (peer.js), in the same run.
#
#   bench/mrz/run.sh
#
# Builds bench_mrz in Release under bench/mrz/work/build, installs the npm
# package from package.json + package-lock.json into bench/mrz/node_modules
# (installing Debian's nodejs and npm first when npm is missing), generates
# the inputs into bench/mrz/work/, then runs both programs back to back on
# each input, RUNS times, and prints a table of rates and ratios. Safe to
# run again: every step reuses or overwrites what it made.
#
# Environment: RUNS (default 3), BENCH_SECONDS per figure (default 2),
# BENCH_DOCS per input file (default 100000).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$here/work
build=$work/build
runs=${RUNS:-3}
seconds=${BENCH_SECONDS:-2}
docs=${BENCH_DOCS:-100000}

say() { printf '%s\n' "$*" >&2; }

# --- Tools -----------------------------------------------------------------
# The build's own needs come from the project's installer (it installs only
# what is missing); npm from Debian, only when it is missing.
build_ready=yes
for tool in cmake ninja cc pkg-config; do
  command -v "$tool" >/dev/null 2>&1 || build_ready=no
done
if [ "$build_ready" = yes ] && ! pkg-config --exists icu-uc jansson; then
  build_ready=no
fi
if [ "$build_ready" = no ]; then
  say "run.sh: build tools or libraries missing; running scripts/deps.sh"
  "$root/scripts/deps.sh"
fi
if ! command -v npm >/dev/null 2>&1; then
  say "run.sh: npm is missing; installing Debian's nodejs and npm"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm
fi

# --- Build (Release, own build folder) ---------------------------------------
mkdir -p "$work"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DBMIS_TESTS=OFF -DBMIS_BENCH=ON >"$work/cmake.log" ||
  { cat "$work/cmake.log" >&2; exit 1; }
ninja -C "$build" bench_mrz bench_mrz_gen_inputs >"$work/ninja.log" ||
  { cat "$work/ninja.log" >&2; exit 1; }
bench=$build/bench/bench_mrz
gen=$build/bench/bench_mrz_gen_inputs

# --- The peer: npm mrz, pinned by package-lock.json -------------------------
want=$(sed -n 's/.*"mrz": *"\([0-9.]*\)".*/\1/p' "$here/package.json")
have=$(node -p "require('$here/node_modules/mrz/package.json').version" \
  2>/dev/null || true)
if [ "$have" != "$want" ]; then
  say "run.sh: installing npm mrz $want into bench/mrz/node_modules"
  (cd "$here" && npm install --no-audit --no-fund >&2)
fi

# --- Inputs (deterministic: same seed, same bytes) --------------------------
"$gen" td3 "$docs" 1 "$work/td3.mrz"
"$gen" mix "$docs" 2 "$work/mix.mrz"

# --- Runs --------------------------------------------------------------------
# Pulls key=value out of a program's RESULT line.
field() { sed -n "s/^RESULT .*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }

results=$work/results.tsv
printf 'input\trun\tbmis_docs_per_s\tbmis_ns\tnpm_docs_per_s\tnpm_ns\tratio\tvalues_docs_per_s\tvalues_ratio\n' \
  >"$results"
# Which library was measured (read-only git; none on a plain copy).
commit="not a git checkout"
if command -v git >/dev/null 2>&1 &&
  head=$(git -C "$root" rev-parse --short HEAD 2>/dev/null); then
  commit=$head
  if [ -n "$(GIT_OPTIONAL_LOCKS=0 git -C "$root" status --porcelain -- \
    src include 2>/dev/null)" ]; then
    commit="$commit with local changes in src/ or include/"
  fi
fi
say ""
say "libbmis: $commit"
say "machine: $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)," \
  "$(nproc) CPUs; $(cc --version | head -1); node $(node --version)"
say "each figure: ${seconds} s of one thread over $docs documents"
for ((run = 1; run <= runs; run++)); do
  for input in td3 mix; do
    file=$work/$input.mrz
    out_c=$("$bench" --seconds "$seconds" "$file")
    grep -v '^RESULT' <<<"$out_c" >&2
    # The same, also writing every field's value as text (the npm peer's
    # result object holds them all): the strictest comparison.
    out_v=$("$bench" --values --seconds "$seconds" "$file")
    grep -v '^RESULT' <<<"$out_v" >&2
    out_js=$(node "$here/peer.js" --seconds "$seconds" "$file")
    grep -v '^RESULT' <<<"$out_js" >&2
    c_docs=$(field docs "$out_c") c_valid=$(field valid "$out_c")
    js_valid=$(field valid "$out_js")
    if [ "$input" = td3 ] && { [ "$c_valid" != "$c_docs" ] ||
      [ "$js_valid" != "$c_docs" ]; }; then
      say "run.sh: the TD3 file must be 100% valid for both (bmis $c_valid," \
        "npm mrz $js_valid of $c_docs): the figures would not be comparable"
      exit 1
    fi
    if [ "$c_valid" != "$js_valid" ]; then
      say "run.sh: note: $input: bmis finds $c_valid valid, npm mrz $js_valid"
    fi
    c_rate=$(field docs_per_s "$out_c") js_rate=$(field docs_per_s "$out_js")
    v_rate=$(field docs_per_s "$out_v")
    awk -v i="$input" -v r="$run" -v c="$c_rate" -v cn="$(field ns_per_doc "$out_c")" \
      -v j="$js_rate" -v jn="$(field ns_per_doc "$out_js")" -v v="$v_rate" \
      'BEGIN { printf "%s\t%d\t%s\t%s\t%s\t%s\t%.1f\t%s\t%.1f\n", i, r, c, cn, j, jn, c / j, v, v / j }' \
      >>"$results"
  done
done

# --- Table -------------------------------------------------------------------
awk -F'\t' -v runs="$runs" -v seconds="$seconds" -v docs="$docs" -v commit="$commit" '
  function commas(x,   s) {
    s = sprintf("%.0f", x)
    while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s)
    return s
  }
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++)
      for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  NR == 1 { next }
  {
    rows[NR] = sprintf("%-5s %3d  %14s %9.1f  %14s %10.1f  %7.1fx  %14s %7.1fx",
                       $1, $2, commas($3), $4, commas($5), $6, $7, commas($8), $9)
    n[$1]++; c[$1, n[$1]] = $3; j[$1, n[$1]] = $5; r[$1, n[$1]] = $7
    v[$1, n[$1]] = $8; vr[$1, n[$1]] = $9
  }
  END {
    printf "\nMRZ parse + full validation, one thread (%d documents per input, %s s per figure)\n", docs, seconds
    printf "libbmis: %s\n\n", commit
    printf "%-5s %3s  %14s %9s  %14s %10s  %8s  %14s %8s\n", "input", "run", "bmis docs/s", "ns/doc", "npm mrz docs/s", "ns/doc", "ratio", "+values docs/s", "ratio"
    for (i = 2; i <= NR; i++) print rows[i]
    print ""
    split("td3 mix", inputs, " ")
    for (k = 1; k <= 2; k++) {
      in_ = inputs[k]; m = n[in_]
      for (i = 1; i <= m; i++) { cc[i] = c[in_, i]; jj[i] = j[in_, i]; rr[i] = r[in_, i]; vv[i] = v[in_, i]; vq[i] = vr[in_, i] }
      lo = rr[1]; hi = rr[1]
      for (i = 1; i <= m; i++) { if (rr[i] < lo) lo = rr[i]; if (rr[i] > hi) hi = rr[i] }
      mc = median(cc, m); mj = median(jj, m); mr = median(rr, m); mv = median(vv, m); mvr = median(vq, m)
      printf "%s, median of %d run(s): bmis %s docs/s, npm mrz %s docs/s, ratio %.1fx (runs %.1f-%.1fx); with every value as text %s docs/s, %.1fx\n",
             in_, m, commas(mc), commas(mj), mr, lo, hi, commas(mv), mvr
      if (in_ == "td3") { td3_rate = mc; td3_ratio = mr }
    }
    # (parenthesised: a bare ">" in printf arguments is a redirection)
    rate_ok = (td3_rate >= 5000000) ? "MET" : "MISSED"
    ratio_ok = (td3_ratio >= 300) ? "MET" : "MISSED"
    printf "\ntargets (TD3): >= 5,000,000 docs/s per core: %s (%s); >= 300x npm mrz: %s (%.1fx)\n",
           rate_ok, commas(td3_rate), ratio_ok, td3_ratio
  }' "$results"
say ""
say "raw figures: $results"
