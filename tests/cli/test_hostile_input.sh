#!/usr/bin/env bash
# Bad input never crashes or hangs `bmis doc check`: empty input, binary
# bytes, a 1 MB line, 10 MB of garbage (text and JSON-lines mode), NUL bytes,
# CRLF and CR-only line ends. Garbage is an invalid document (exit 1)
# reported with its record number and input line; the run finishes within
# `timeout 60` and is never killed by a signal (lib.sh: run).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# --- empty input: no document to vouch for, said clearly (exit 1)
: >"$WORK/empty"
run "$BMIS" doc check "$WORK/empty"
expect_status 1
expect_out_empty
expect_err 'no MRZ in'
run --in "$WORK/empty" "$BMIS" doc check --json
expect_status 1
expect_out_empty
expect_err 'no MRZ in the input'
printf '\n\n \t \r\n\r\r\n' >"$WORK/blank"
run "$BMIS" doc check "$WORK/blank"
expect_status 1
expect_err 'no MRZ in'

# --- binary bytes (deterministic: fixed seeds), small and large
for size in 1 2 3 29 30 44 89 200 4096 65536; do
  "$TOOL" bytes "$size" "$size" >"$WORK/bin"
  run "$BMIS" doc check --as-of "$AS_OF" "$WORK/bin"
  # Random bytes may hold only line ends (no record) but are never a valid
  # MRZ and never bad usage.
  expect_status 1
  if [ ! -s "$OUT" ]; then
    expect_err 'no MRZ in'
  else
    expect_out '^document 1 \(line [0-9]+\)'
    expect_no_out ': [A-Z0-9_]+, VALID'
  fi
  run "$BMIS" doc check --json --ocr --as-of "$AS_OF" "$WORK/bin"
  [ "$STATUS" -le 1 ] || fail "binary input ($size bytes), --json: exit $STATUS"
  [ ! -s "$OUT" ] || summary
done
"$TOOL" bytes 7 65536 >"$WORK/bin"
run "$BMIS" doc check "$WORK/bin"
expect_status 1
expect_out '^document 1 \(line 1\): UNKNOWN, INVALID'
expect_out '^document 2 \(line [0-9]+\): UNKNOWN, INVALID'
expect_no_out ': [A-Z0-9_]+, VALID'
# Whatever the input, text output is printable: no NUL or control bytes.
if LC_ALL=C grep -q '[^[:print:][:space:]]' "$OUT"; then
  fail "text output carries unprintable bytes"
fi

# --- a 1 MB single line: one record, too long, named by number and line
head -c 1048576 /dev/zero | tr '\0' 'A' >"$WORK/line1m"
run "$BMIS" doc check "$WORK/line1m"
expect_status 1
expect_out '^document 1 \(line 1\): UNKNOWN, INVALID'
expect_out 'input_too_long'
[ "$(count_out '^document ')" -eq 1 ] || fail "1 MB line: not exactly one record"
run "$BMIS" doc check --json "$WORK/line1m"
expect_status 1
summary
expect_summary 1 record=1 line=1 valid=false
[ "$(wc -l <"$SUMMARY")" -eq 1 ] || fail "1 MB line: not exactly one JSON record"
# After the long line, the reader is back in step: the next record is
# checked normally and numbered right.
{ cat "$WORK/line1m"; printf '\n\n%s\n%s\n' "$TD3_L1" "$TD3_L2"; } >"$WORK/long-then-good"
run "$BMIS" doc check --as-of "$AS_OF" "$WORK/long-then-good"
expect_status 1
expect_out '^document 2 \(line 3\): TD3, VALID'

# --- 10 MB of garbage, text mode and JSON-lines mode
"$TOOL" bytes 8 10485760 >"$WORK/garbage"
run "$BMIS" doc check "$WORK/garbage"
expect_status 1
expect_out '^document 1 \(line 1\): UNKNOWN, INVALID'
records=$(count_out '^document [0-9]+ \(line [0-9]+\)')
[ "$records" -gt 100 ] || fail "10 MB garbage: only $records records reported"
expect_no_out ': [A-Z0-9_]+, VALID'
run "$BMIS" doc check --json "$WORK/garbage"
expect_status 1
summary
[ "$(wc -l <"$SUMMARY")" -eq "$records" ] ||
  fail "10 MB garbage: --json reports another number of records"
! grep -q 'valid=true' "$SUMMARY" || fail "10 MB garbage: a valid document"

{ printf '{"id": "first", "mrz": ["%s", "%s"]}\n' "$TD3_L1" "$TD3_L2"
  "$TOOL" bytes 9 10485760; } >"$WORK/json-garbage"
run "$BMIS" doc check --as-of "$AS_OF" "$WORK/json-garbage"
expect_status 1
expect_out '^document 1 \(line 1\) id first: TD3, VALID'
expect_out '^document 2 \(line 2\): UNREADABLE: line 2'
run "$BMIS" doc check --json --as-of "$AS_OF" "$WORK/json-garbage"
expect_status 1
summary
expect_summary 1 record=1 line=1 id=first format=TD3 valid=true
expect_summary 2 record=2 line=2 valid=false
grep -q '	error=line 2' "$SUMMARY" || fail "JSON garbage: line 2 not named"

# --- NUL bytes and control characters inside an MRZ
printf 'P<UTO\001\002\033[2J\000\000<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n%s\n' \
  "$TD3_L2" >"$WORK/nul"
run "$BMIS" doc check --as-of "$AS_OF" "$WORK/nul"
expect_status 1
expect_out '^document 1 \(line 1\): TD3, INVALID'
expect_out 'invalid_character at 1:6'
if LC_ALL=C grep -q '[^[:print:][:space:]]' "$OUT"; then
  fail "control bytes copied to the output"
fi
run "$BMIS" doc check --json --as-of "$AS_OF" "$WORK/nul"
expect_status 1
summary
expect_summary 1 format=TD3 valid=false

# --- line ends: CRLF and CR only, the same documents and line numbers
for eol in crlf cr; do
  if [ "$eol" = crlf ]; then e=$'\r\n'; else e=$'\r'; fi
  printf "%s$e%s$e$e%s$e%s$e%s$e" "$TD3_L1" "$TD3_L2" "$TD1_L1" "$TD1_L2" \
    "$TD1_L3" >"$WORK/$eol"
  run "$BMIS" doc check --as-of "$AS_OF" "$WORK/$eol"
  expect_status 0
  expect_out '^document 1 \(line 1\): TD3, VALID'
  expect_out '^document 2 \(line 4\): TD1, VALID'
  [ "$(count_out '^document ')" -eq 2 ] || fail "$eol: not two documents"
  # the last line without its line end is still read
  printf "%s$e%s" "$TD3_L1" "$TD3_L2" >"$WORK/$eol-noeol"
  run "$BMIS" doc check --as-of "$AS_OF" "$WORK/$eol-noeol"
  expect_status 0
  expect_out '^document 1 \(line 1\): TD3, VALID'
done

# --- an MRZ glued to noise, lines too long or too short, lower case
put glued "${TD3_L1}XYZ" "$TD3_L2"
run "$BMIS" doc check --as-of "$AS_OF" "$WORK/glued"
expect_status 1
expect_out 'line_length at 1:1: line 1 has 47 characters, expected 44'
put lower "${TD3_L1,,}" "${TD3_L2,,}"
run "$BMIS" doc check --as-of "$AS_OF" "$WORK/lower"
expect_status 1
expect_out 'lowercase_character at 1:1'

done_ok
