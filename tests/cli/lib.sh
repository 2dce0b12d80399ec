# Shared helpers for the `bmis` command's contract tests (sourced by each
# test script). Usage of a test: bash test_x.sh BMIS CLI_TESTTOOL
#
#   run [--in FILE] CMD ARGS...   runs CMD (stdin from FILE, else /dev/null)
#                                 under `timeout 60`; stdout, stderr and the
#                                 exit status land in $OUT, $ERR, $STATUS.
#                                 A hang (124), a death by signal (>= 128)
#                                 or a sanitizer report fails the test at
#                                 once.
#   expect_status N               $STATUS must be N.
#   expect_out / expect_err RE    stdout / stderr must match the extended
#                                 regular expression RE (grep -E).
#   expect_no_out / expect_no_err RE   ... must not match.
#   expect_out_empty              nothing on stdout.
#   count_out RE                  prints how many stdout lines match RE.
#   summary                       turns --json output ($OUT) into one line
#                                 of key=value per document (cli_testtool
#                                 json-lines), failing unless every line is
#                                 a JSON object; result in $SUMMARY.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 BMIS CLI_TESTTOOL" >&2
  exit 2
fi
BMIS=$1
TOOL=$2
[ -x "$BMIS" ] || { echo "not executable: $BMIS" >&2; exit 2; }
[ -x "$TOOL" ] || { echo "not executable: $TOOL" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bmis-cli-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
OUT=$WORK/stdout
ERR=$WORK/stderr
SUMMARY=$WORK/summary
STATUS=0
CHECKS=0
LAST=""

fail() {
  {
    echo "FAIL: $*"
    echo "  command: $LAST"
    echo "  exit status: $STATUS"
    echo "  --- stdout (first 40 lines) ---"
    head -n 40 "$OUT" 2>/dev/null | cut -c1-200 || true
    echo "  --- stderr (first 40 lines) ---"
    head -n 40 "$ERR" 2>/dev/null | cut -c1-200 || true
  } >&2
  exit 1
}

run() {
  local in=/dev/null
  if [ "${1:-}" = "--in" ]; then
    in=$2
    shift 2
  fi
  LAST="$* < $in"
  STATUS=0
  timeout 60 "$@" <"$in" >"$OUT" 2>"$ERR" || STATUS=$?
  if [ "$STATUS" -eq 124 ]; then
    fail "timed out after 60 s"
  fi
  if [ "$STATUS" -ge 128 ]; then
    fail "killed by signal $((STATUS - 128))"
  fi
  # In a sanitizer build a report ends the process with exit status 1, the
  # same as "invalid document": look for the report itself.
  if grep -Eq 'ERROR: (Address|Leak|Memory|Thread)Sanitizer|runtime error:' "$ERR"; then
    fail "sanitizer report"
  fi
  CHECKS=$((CHECKS + 1))
}

expect_status() {
  [ "$STATUS" -eq "$1" ] || fail "expected exit status $1"
}

expect_out() {
  grep -Eq -- "$1" "$OUT" || fail "stdout does not match: $1"
}

expect_err() {
  grep -Eq -- "$1" "$ERR" || fail "stderr does not match: $1"
}

expect_no_out() {
  ! grep -Eq -- "$1" "$OUT" || fail "stdout unexpectedly matches: $1"
}

expect_no_err() {
  ! grep -Eq -- "$1" "$ERR" || fail "stderr unexpectedly matches: $1"
}

expect_out_empty() {
  [ ! -s "$OUT" ] || fail "expected no output on stdout"
}

count_out() {
  grep -Ec -- "$1" "$OUT" || true
}

summary() {
  "$TOOL" json-lines "$OUT" >"$SUMMARY" 2>"$WORK/summary.err" ||
    fail "--json output is not one JSON object per line: $(cat "$WORK/summary.err")"
}

# summary_line N: the key=value line of the Nth JSON document.
summary_line() {
  sed -n "${1}p" "$SUMMARY"
}

# expect_summary N KEY=VALUE...: the Nth document has these members.
expect_summary() {
  local n=$1 line
  shift
  line=$(summary_line "$n")
  [ -n "$line" ] || fail "no JSON document $n"
  local kv
  for kv in "$@"; do
    case "	$line	" in
    *"	$kv	"*) ;;
    *) fail "JSON document $n lacks $kv (has: $line)" ;;
    esac
  done
}

done_ok() {
  echo "ok: $CHECKS commands checked"
}

# ICAO Doc 9303 specimens (Parts 4-6), valid as of $AS_OF (they expire on
# 2012-04-15).
AS_OF=2010-01-01
TD3_L1='P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<'
TD3_L2='L898902C36UTO7408122F1204159ZE184226B<<<<<10'
TD3_BAD_L2='L898902C37UTO7408122F1204159ZE184226B<<<<<10' # document number check
TD1_L1='I<UTOD231458907<<<<<<<<<<<<<<<'
TD1_L2='7408122F1204159UTO<<<<<<<<<<<6'
TD1_L3='ERIKSSON<<ANNA<MARIA<<<<<<<<<<'
TD2_L1='I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<'
TD2_L2='D231458907UTO7408122F1204159<<<<<<<6'

# put NAME LINE...: writes the lines, LF-terminated, to $WORK/NAME.
put() {
  local name=$1
  shift
  printf '%s\n' "$@" >"$WORK/$name"
}
