#!/usr/bin/env bash
# `bmis doc make` -> `bmis doc check`: what make writes, check accepts (exit
# 0), with the same format and field values; make refuses a bad field with a
# message naming its option (exit 2) and prints no MRZ.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

CHECK_AS_OF=2024-01-01

# roundtrip TYPE FORMAT_NAME MAKE_ARGS...: make, then check it as text and
# as JSON; the JSON is left in $OUT for further assertions.
roundtrip() {
  local type=$1 format=$2
  shift 2
  run "$BMIS" doc make --type "$type" "$@"
  expect_status 0
  [ ! -s "$ERR" ] || fail "doc make --type $type wrote to stderr"
  cp "$OUT" "$WORK/made"
  local lines
  lines=$(wc -l <"$WORK/made")
  case $format in
  TD1) [ "$lines" -eq 3 ] && ! grep -qvE '^[A-Z0-9<]{30}$' "$WORK/made" ;;
  TD2 | MRVB) [ "$lines" -eq 2 ] && ! grep -qvE '^[A-Z0-9<]{36}$' "$WORK/made" ;;
  TD3 | MRVA) [ "$lines" -eq 2 ] && ! grep -qvE '^[A-Z0-9<]{44}$' "$WORK/made" ;;
  esac || fail "doc make --type $type: not a $format MRZ"
  run "$BMIS" doc check --as-of "$CHECK_AS_OF" "$WORK/made"
  expect_status 0
  expect_out "^document 1 \\(line 1\\): $format, VALID"
  run --in "$WORK/made" "$BMIS" doc check --json --as-of "$CHECK_AS_OF"
  expect_status 0
  summary
  expect_summary 1 "format=$format" valid=true
}

# expect_field NAME VALUE: the checked document's field NAME reads VALUE.
expect_field() {
  grep -q "\"$1\":{\"value\":\"$2\"" "$OUT" ||
    fail "field $1 is not '$2'"
}

for type in TD1 TD2 TD3 MRVA MRVB; do
  case $type in
  MRVA | MRVB) format=$type extra=(--issuer FRA) ;;
  *) format=$type extra=() ;;
  esac
  roundtrip "$type" "$format" --surname 'Müller-Lü' \
    --given 'Zoë Anne' --number AB1234567 --nationality NLD \
    --birth 1985-03-04 --sex F --expiry 2031-05-06 "${extra[@]}"
  expect_field primary_identifier 'MUELLER LUE'
  expect_field secondary_identifier 'ZOE ANNE'
  expect_field document_number AB1234567
  expect_field nationality NLD
  expect_field birth_date 1985-03-04
  expect_field expiry_date 2031-05-06
  expect_field sex F
done

# sexes, partial birth dates, option spellings
roundtrip TD3 TD3 --surname Doe --number X1 --nationality GBR \
  --birth 1970 --sex X --expiry 2030-01-01
expect_field birth_date 1970-XX-XX
expect_field sex X
roundtrip TD2 TD2 --surname=Doe --number=X1 --nationality=FRA \
  --birth=1970-07 --sex='<' --expiry=2030-01-01
expect_field birth_date 1970-07-XX
roundtrip MRV-B MRVB --surname Doe --number X1 --nationality FRA \
  --birth 1970-07-14 --sex M --expiry 2030-01-01
# Cyrillic name, personal number, long TD1 number, identity card without
# expiry, a document code of two letters
roundtrip TD3 TD3 --surname 'Щербаков' --given 'Пётр' --number 700000001 \
  --nationality UKR --birth 2001-12-31 --sex M --expiry 2030-01-01 \
  --optional 1234567890
expect_field primary_identifier SHCHERBAKOV
expect_field optional_data 1234567890
roundtrip TD1 TD1 --code ID --surname Ng --number D23145890734 \
  --nationality SGP --birth 1974-08-12 --sex F --expiry none --optional2 XY
expect_field document_number D23145890734
expect_out '"code":"no_expiry"'
# a name too long for its field is truncated, and check still accepts it
roundtrip TD1 TD1 --surname 'De La Cruz Y Santos Gómez Fernández' \
  --given 'María José Guadalupe' --number 12345 --nationality ESP \
  --birth 1999-12-31 --sex F --expiry 2030-01-01

# --- bad fields: exit 2, the option named on stderr, no MRZ on stdout
MAKE=(--type TD3 --surname Doe --number X1 --nationality GBR
  --birth 1970-01-01 --sex F --expiry 2030-01-01)
# bad_field OPTION VALUE: make with OPTION VALUE replacing the default.
bad_field() {
  run "$BMIS" doc make "${MAKE[@]}" "$1" "$2"
  expect_status 2
  expect_err "$1"
  expect_out_empty
}
bad_field --sex Q
bad_field --sex FF
bad_field --sex ''
bad_field --nationality ZZZ
bad_field --nationality GBRX
bad_field --issuer 12
bad_field --birth 1990-02-31
bad_field --birth 1990-13
bad_field --birth 90-01-01
bad_field --birth ''
bad_field --expiry 2030-02-30
bad_field --expiry never
bad_field --number 'A-1'
bad_field --number ''
bad_field --surname '王'
bad_field --surname $'\xff\xfe'
bad_field --code Q
bad_field --optional 123456789012345678
bad_field --type TD4
run "$BMIS" doc make --type TD3 --surname Doe --number X1 --nationality GBR \
  --birth 1970-01-01 --sex F --expiry none
expect_status 2
expect_err '--expiry'
expect_out_empty
for missing in --type --surname --number --nationality --birth --sex \
  --expiry; do
  args=()
  set -- "${MAKE[@]}"
  while [ $# -gt 0 ]; do
    [ "$1" = "$missing" ] || args+=("$1" "$2")
    shift 2
  done
  run "$BMIS" doc make "${args[@]}"
  expect_status 2
  expect_err "$missing is required"
  expect_out_empty
done
run "$BMIS" doc make "${MAKE[@]}" --colour blue
expect_status 2
expect_err "unknown option '--colour'"
run "$BMIS" doc make --type
expect_status 2
expect_err '--type needs a value'

done_ok
