#!/usr/bin/env bash
# The command's contract: help and version, exit status 0 (all valid), 1 (any
# invalid), 2 (bad usage or unreadable input), and usage errors that say
# what was wrong.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# --- help and version: exit 0, on stdout
run "$BMIS" --help
expect_status 0
expect_out '^usage: bmis '
expect_out '^  doc '
# every command the top-level help lists (commands.def) runs: its own
# --help exits 0 and names it; and an unknown one is a usage error
run "$BMIS" --help
commands=$(awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }' "$OUT")
[ "$(echo "$commands" | wc -w)" -ge 13 ] || fail "bmis --help lists too few commands: $commands"
for c in $commands; do
  run "$BMIS" "$c" --help
  expect_status 0
  expect_out "bmis $c"
done
run "$BMIS" nosuchcommand
expect_status 2
expect_err "unknown command 'nosuchcommand'"
run "$BMIS" -h
expect_status 0
expect_out '^usage: bmis '
run "$BMIS" --version
expect_status 0
expect_out '^bmis [0-9]+\.[0-9]+\.[0-9]+'
run "$BMIS" doc --help
expect_status 0
expect_out 'bmis doc check'
expect_out 'bmis doc make'
expect_out 'exit status'
run "$BMIS" doc check --help
expect_status 0
expect_out 'bmis doc check'
run "$BMIS" doc make --help
expect_status 0
expect_out 'bmis doc make'

# --- bad usage: exit 2, a message on stderr naming the culprit, no stdout
run "$BMIS"
expect_status 2
expect_err 'usage: bmis'
run "$BMIS" --bogus
expect_status 2
expect_err "unknown option '--bogus'"
expect_out_empty
run "$BMIS" frobnicate
expect_status 2
expect_err "unknown command 'frobnicate'"
expect_out_empty
run "$BMIS" doc
expect_status 2
expect_err 'subcommand'
run "$BMIS" doc frobnicate
expect_status 2
expect_err "unknown subcommand 'frobnicate'"
expect_out_empty
run "$BMIS" doc check --bogus
expect_status 2
expect_err "unknown option '--bogus'"
expect_out_empty
run "$BMIS" doc check -x
expect_status 2
expect_err "'-x'"
for date in 2020-13-01 2023-02-29 2020-1-1 yesterday 20200101 ''; do
  run "$BMIS" doc check --as-of "$date"
  expect_status 2
  expect_err '--as-of'
  expect_out_empty
done
run "$BMIS" doc check --as-of=2020-02-30
expect_status 2
expect_err '--as-of'
run "$BMIS" doc check --as-of
expect_status 2
expect_err '--as-of needs a value'
for days in -1 abc 12x 36501 ''; do
  run "$BMIS" doc check --expiry-warning "$days"
  expect_status 2
  expect_err '--expiry-warning'
done
put one "$TD3_L1" "$TD3_L2"
run "$BMIS" doc check "$WORK/one" "$WORK/one"
expect_status 2
expect_err 'only one FILE'
expect_out_empty

# --- unreadable input: exit 2, the path named, nothing checked
run "$BMIS" doc check "$WORK/does-not-exist"
expect_status 2
expect_err "cannot read .*does-not-exist"
expect_out_empty
run "$BMIS" doc check "$WORK"
expect_status 2
expect_err "cannot read"
if [ "$(id -u)" -ne 0 ]; then # root reads anything
  put secret "$TD3_L1" "$TD3_L2"
  chmod 000 "$WORK/secret"
  run "$BMIS" doc check "$WORK/secret"
  expect_status 2
  expect_err "cannot read .*secret"
fi

# --- exit 0: every document valid (file, '-' and stdin)
run "$BMIS" doc check --as-of "$AS_OF" "$WORK/one"
expect_status 0
expect_out '^document 1 \(line 1\): TD3, VALID'
run --in "$WORK/one" "$BMIS" doc check --as-of "$AS_OF" -
expect_status 0
expect_out 'TD3, VALID'
run --in "$WORK/one" "$BMIS" doc check --as-of="$AS_OF"
expect_status 0
put three "$TD3_L1" "$TD3_L2" "" "$TD1_L1" "$TD1_L2" "$TD1_L3" "" "$TD2_L1" \
  "$TD2_L2"
run "$BMIS" doc check --as-of "$AS_OF" "$WORK/three"
expect_status 0
expect_out '^document 1 \(line 1\): TD3, VALID'
expect_out '^document 2 \(line 4\): TD1, VALID'
expect_out '^document 3 \(line 8\): TD2, VALID'

# --- exit 1: any document invalid, each still reported
put mixed "$TD3_L1" "$TD3_L2" "" "$TD3_L1" "$TD3_BAD_L2" "" "$TD1_L1" \
  "$TD1_L2" "$TD1_L3"
run "$BMIS" doc check --as-of "$AS_OF" "$WORK/mixed"
expect_status 1
expect_out '^document 1 \(line 1\): TD3, VALID'
expect_out '^document 2 \(line 4\): TD3, INVALID'
expect_out 'check_digit_mismatch at 2:10'
expect_out '^document 3 \(line 7\): TD1, VALID'

# --- the reference date decides expiry; --expiry-warning only warns
run "$BMIS" doc check --as-of 2012-04-16 "$WORK/one"
expect_status 1
expect_out 'expired'
run "$BMIS" doc check --as-of 2012-04-01 --expiry-warning 30 "$WORK/one"
expect_status 0
expect_out 'expires_soon'
run "$BMIS" doc check --as-of 2012-04-01 --expiry-warning 0 "$WORK/one"
expect_status 0
expect_no_out 'expires_soon'

# --- --strict never changes a character; --ocr repairs and says so
put ocr "$TD3_L1" "${TD3_L2/7408122/74O8I22}"
run "$BMIS" doc check --as-of "$AS_OF" "$WORK/ocr"
expect_status 1
run "$BMIS" doc check --strict --as-of "$AS_OF" "$WORK/ocr"
expect_status 1
expect_no_out 'ocr_corrected'
run "$BMIS" doc check --ocr --as-of "$AS_OF" "$WORK/ocr"
expect_status 0
expect_out "ocr_corrected at 2:16: read 'O' at line 2 column 16 as '0'"
expect_out "ocr_corrected at 2:18: read 'I' at line 2 column 18 as '1'"

done_ok
