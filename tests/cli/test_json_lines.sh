#!/usr/bin/env bash
# JSON lines in, text and JSON out: {"id": ..., "mrz": "L1\nL2"} or
# "mrz": ["L1", "L2"]. A line that is not a usable record is reported with
# its line number (exit 1) and the records around it are still checked;
# --json output is one JSON object per document, each parseable.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

BAD_TD3_L2=$TD3_BAD_L2
cat >"$WORK/records.jsonl" <<EOF_JSON
{"id": "string-mrz", "mrz": "$TD3_L1\n$TD3_L2"}
{"id": 42, "mrz": ["$TD3_L1", "$TD3_L2"]}
{"id": "broken", "mrz": "$TD3_L1\n$TD3_L2"

  {"id": "td1-array", "mrz": ["$TD1_L1", "$TD1_L2", "$TD1_L3"]}
{"id": "bad-check", "mrz": ["$TD3_L1", "$BAD_TD3_L2"]}
{"id": "crlf-inside", "mrz": "$TD2_L1\r\n$TD2_L2\r\n"}
EOF_JSON

# --- text output: the broken line named, every other record checked
run "$BMIS" doc check --as-of "$AS_OF" "$WORK/records.jsonl"
expect_status 1
expect_out '^document 1 \(line 1\) id string-mrz: TD3, VALID'
expect_out '^document 2 \(line 2\) id 42: TD3, VALID'
expect_out '^document 3 \(line 3\): UNREADABLE: line 3 column [0-9]+: '
expect_out '^document 4 \(line 5\) id td1-array: TD1, VALID'
expect_out '^document 5 \(line 6\) id bad-check: TD3, INVALID'
expect_out '^document 6 \(line 7\) id crlf-inside: TD2, VALID'
[ "$(count_out '^document ')" -eq 6 ] || fail "not six records"

# --- the same as JSON: parseable, one object per record, same verdicts
run "$BMIS" doc check --json --as-of "$AS_OF" "$WORK/records.jsonl"
expect_status 1
summary
[ "$(wc -l <"$SUMMARY")" -eq 6 ] || fail "--json: not six records"
expect_summary 1 record=1 line=1 id=string-mrz format=TD3 valid=true \
  'mrz=[2]'
expect_summary 2 record=2 line=2 id=42 format=TD3 valid=true
expect_summary 3 record=3 line=3 format=UNKNOWN valid=false
summary_line 3 | grep -q '	error=line 3 column [0-9]*: ' ||
  fail "--json: record 3's error does not name line 3"
expect_summary 4 record=4 line=5 id=td1-array format=TD1 valid=true \
  'mrz=[3]'
expect_summary 5 record=5 line=6 id=bad-check format=TD3 valid=false
expect_summary 6 record=6 line=7 id=crlf-inside format=TD2 valid=true
# a valid record carries its fields and findings; an invalid one says why
grep -q '"document_number":{"value":"L898902C3"' "$OUT" ||
  fail "--json: no document_number field"
grep -q '"code":"check_digit_mismatch","severity":"error","field":"document_number_check","line":2,"column":10' "$OUT" ||
  fail "--json: the check-digit finding is not located"

# --- records that are JSON but not usable records: named, not fatal
cat >"$WORK/unusable.jsonl" <<EOF_JSON
{"id": "first", "mrz": ["$TD3_L1", "$TD3_L2"]}
{"id": "d", "mrz": ["$TD3_L1", 7]}
{"id": {"x": 1}, "mrz": "$TD3_L1\n$TD3_L2"}
{"id": "no-mrz"}
[1, 2]
{"id": "dup", "id": "dup2", "mrz": "x"}
{"id": "nul", "mrz": "P<UTO\u0000ERIKSSON"}
"just a string"
{"id": "null-mrz", "mrz": null}
{"id": "trailing", "mrz": "x"} trailing
{"id": "last", "mrz": ["$TD3_L1", "$TD3_L2"]}
EOF_JSON
run "$BMIS" doc check --as-of "$AS_OF" "$WORK/unusable.jsonl"
expect_status 1
expect_out '^document 1 \(line 1\) id first: TD3, VALID'
expect_out '^document 2 \(line 2\).*UNREADABLE: line 2: "mrz"\[1\] is not a string'
expect_out '^document 3 \(line 3\).*UNREADABLE: line 3: "id" must be a string or an integer'
expect_out '^document 4 \(line 4\).*UNREADABLE: line 4: "mrz" must be'
expect_out '^document 5 \(line 5\).*UNREADABLE: line 5: expected a JSON object'
expect_out '^document 6 \(line 6\).*UNREADABLE: line 6 column [0-9]+: duplicate'
expect_out '^document 7 \(line 7\).*UNREADABLE: line 7'
expect_out '^document 8 \(line 8\).*UNREADABLE: line 8'
expect_out '^document 9 \(line 9\).*UNREADABLE: line 9: "mrz" must be'
expect_out '^document 10 \(line 10\).*UNREADABLE: line 10'
expect_out '^document 11 \(line 11\) id last: TD3, VALID'
run "$BMIS" doc check --json --as-of "$AS_OF" "$WORK/unusable.jsonl"
expect_status 1
summary
[ "$(wc -l <"$SUMMARY")" -eq 11 ] || fail "--json: not eleven records"
for n in 2 3 4 5 6 7 8 9 10; do
  expect_summary "$n" "record=$n" "line=$n" format=UNKNOWN valid=false
  summary_line "$n" | grep -q "	error=line $n[ :]" ||
    fail "--json: record $n's error does not name line $n"
done
expect_summary 11 record=11 line=11 id=last valid=true

# --- every record valid: exit 0; an "mrz" array of one long line is judged
# (not read as two lines)
printf '{"mrz": ["%s", "%s"]}\n{"mrz": "%s\\n%s"}\n' "$TD3_L1" "$TD3_L2" \
  "$TD2_L1" "$TD2_L2" >"$WORK/valid.jsonl"
run "$BMIS" doc check --json --as-of "$AS_OF" "$WORK/valid.jsonl"
expect_status 0
summary
expect_summary 1 record=1 format=TD3 valid=true
expect_summary 2 record=2 format=TD2 valid=true
printf '{"id": "one-line", "mrz": ["%s%s"]}\n' "$TD3_L1" "$TD3_L2" \
  >"$WORK/oneline.jsonl"
run "$BMIS" doc check --as-of "$AS_OF" "$WORK/oneline.jsonl"
expect_status 1
expect_out '^document 1 \(line 1\) id one-line: UNKNOWN, INVALID'

# --- ids are echoed safely: quotes, backslashes, non-ASCII
printf '{"id": "q\\"uo\\\\te \\u00e9\\u2028", "mrz": ["%s", "%s"]}\n' \
  "$TD3_L1" "$TD3_L2" >"$WORK/id.jsonl"
run "$BMIS" doc check --json --as-of "$AS_OF" "$WORK/id.jsonl"
expect_status 0
summary
grep -q 'id=q"uo\\te ' "$SUMMARY" || fail "--json: id not echoed"

# --- ids are data, never markup: newlines and escapes in an id cannot
# forge report lines or reach a terminal; UTF-8 ids stay intact in JSON;
# an id too long to echo is a record error
printf '{"id": "x\\ndocument 9 (line 9) id y: TD3, VALID\\u001b[2K", "mrz": "x"}\n' \
  >"$WORK/id-injection.jsonl"
run "$BMIS" doc check "$WORK/id-injection.jsonl"
expect_status 1
[ "$(count_out '^document ')" -eq 1 ] || fail "an id forged a report line"
if LC_ALL=C grep -q $'\033' "$OUT"; then
  fail "an escape sequence from an id reached the output"
fi
printf '{"id": "Zo\xc3\xab-17", "mrz": ["%s", "%s"]}\n' "$TD3_L1" "$TD3_L2" \
  >"$WORK/utf8-id.jsonl"
run "$BMIS" doc check --json --as-of "$AS_OF" "$WORK/utf8-id.jsonl"
expect_status 0
grep -q '"id":"Zo\(ë\|\\u00eb\)-17"' "$OUT" ||
  fail "--json does not echo a UTF-8 id as given"
printf '{"id": "%s", "mrz": ["%s", "%s"]}\n{"id": "after", "mrz": ["%s", "%s"]}\n' \
  "$(head -c 300 /dev/zero | tr '\0' 'i')" "$TD3_L1" "$TD3_L2" "$TD3_L1" \
  "$TD3_L2" >"$WORK/long-id.jsonl"
run "$BMIS" doc check --as-of "$AS_OF" "$WORK/long-id.jsonl"
expect_status 1
expect_out '^document 1 \(line 1\).*UNREADABLE: line 1: "id" is longer than'
expect_out '^document 2 \(line 2\) id after: TD3, VALID'

# --- text input, JSON output: parseable too, line numbers of the input
put text "$TD3_L1" "$TD3_L2" "" "" "$TD1_L1" "$TD1_L2" "$TD1_L3" "" \
  "garbage here"
run "$BMIS" doc check --json --as-of "$AS_OF" "$WORK/text"
expect_status 1
summary
expect_summary 1 record=1 line=1 format=TD3 valid=true
expect_summary 2 record=2 line=5 format=TD1 valid=true
expect_summary 3 record=3 line=9 format=UNKNOWN valid=false

done_ok
