#!/usr/bin/env bash
# Defects the fuzzer and these tests once found, kept as the behaviour we
# want so that they stay fixed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# A NUL byte inside an MRZ line is a stray character at its column, not the
# end of the line: the rest of the line is still examined.
printf '%s\000%s\n%s\n' "${TD3_L1:0:10}" "${TD3_L1:11}" "$TD3_L2" \
  >"$WORK/nul-in-name"
run "$BMIS" doc check --as-of "$AS_OF" "$WORK/nul-in-name"
expect_status 1
expect_out 'invalid_character at 1:11'

# A record longer than any MRZ is reported with its real size.
head -c 1048576 /dev/zero | tr '\0' 'A' >"$WORK/line1m"
run "$BMIS" doc check "$WORK/line1m"
expect_status 1
expect_out 'input_too_long'
expect_out '1048576 bytes is too long'

# doc make refuses a date of birth the two-digit MRZ year cannot carry.
for birth in 2090-01-01 1900-01-01; do
  run "$BMIS" doc make --type TD3 --surname Doe --number X1 --nationality GBR \
    --birth "$birth" --sex F --expiry 2030-01-01
  expect_status 2
  expect_err '--birth'
done

# A JSON line that does not parse is reported without echoing control bytes
# of the input to the terminal.
printf '{"id": 1, "mrz": "x"}\n{"id": 123\033[2Kabc}\n' >"$WORK/esc.jsonl"
run "$BMIS" doc check "$WORK/esc.jsonl"
expect_status 1
expect_out '^document 2 \(line 2\).*UNREADABLE: line 2'
if LC_ALL=C grep -q '[^[:print:][:space:]]' "$OUT"; then
  fail "text output echoes control bytes of a bad JSON line"
fi
done_ok
