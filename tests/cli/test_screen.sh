#!/usr/bin/env bash
# `bmis screen` end to end on a SQLite store: the UN list of 2026 as list
# "un" and a small lost and stolen documents list; a listed person by name
# and year of birth (the explanation line by line), the name reordered,
# misspelt and in its original Cyrillic and Arabic script, a name that is
# not listed; --json; what the date of birth does to the score; --threshold;
# --exhaustive against the index; an MRZ made with `bmis doc make`;
# document hits, exact and OCR-confused; a batch of JSON lines with good
# and bad lines; usage errors; decisions on hits (`bmis screen dispose`)
# shown on the next screening, and voided once the entry changes.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

DATA=$(cd "$(dirname "$0")/../data/watchlists" && pwd)
UN2020=$DATA/un_consolidated_2020-03-20.xml
UN2026=$DATA/un_consolidated_2026-05-08.xml
DOCS=$DATA/lost_stolen_sample.csv
S=$WORK/screen.db
export BMIS_STORE=$WORK/unused-default.db # --store always wins below
ME=$(id -un)

expect_err_empty() {
  [ ! -s "$ERR" ] || fail "expected nothing on stderr"
}

# first_score: the "score" of the first hit in the --json output.
first_score() {
  grep -o '"score":[0-9.]*' "$OUT" | head -n 1 | cut -d: -f2
}

# --- help and usage (no store needed)
run "$BMIS" --help
expect_status 0
expect_out '^  screen +screen travellers against the watchlists$'
run "$BMIS" screen --help
expect_status 0
expect_out '^usage: bmis screen \[--name NAME\] \[--surname S\] \[--given-names G\]$'
expect_out '^       bmis screen dispose --list L --ref R$'
expect_out "^                 default each list's own \(bmis watchlist threshold\),$"
expect_out '^                 else 0\.80$'
expect_out '^exit status: 0 screened \(hits or not\) or recorded; 1 a malformed MRZ, a$'
expect_out 'sanctions,$'
run "$BMIS" screen --store "$S"
expect_status 2
expect_err "^bmis: nothing to screen: give --name, --surname or --given-names, or --doc-number$"
expect_err "^try 'bmis screen --help'$"
run "$BMIS" screen --birth 1980 --nationality KEN --store "$S"
expect_status 2
expect_err '^bmis: nothing to screen: give --name'
for bad in 80 1980-13 1980-02-30 1980-7-4 19a0 ''; do
  run "$BMIS" screen --name X --birth "$bad" --store "$S"
  expect_status 2
  expect_err "^bmis: --birth: '$bad' is not YYYY, YYYY-MM or YYYY-MM-DD \(a real date\)$"
done
for bad in Q MF '' female; do
  run "$BMIS" screen --name X --sex "$bad" --store "$S"
  expect_status 2
  expect_err "^bmis: --sex: '$bad' is not F, M or X$"
done
run "$BMIS" screen --name X --nationality Atlantis --store "$S"
expect_status 2
expect_err "^bmis: --nationality: 'Atlantis' is not a country$"
run "$BMIS" screen --doc-number 123 --doc-state ZZZ --store "$S"
expect_status 2
expect_err "^bmis: --doc-state: 'ZZZ' is not a country$"
run "$BMIS" screen --name X --doc-state KEN --store "$S"
expect_status 2
expect_err '^bmis: --doc-state goes with --doc-number$'
run "$BMIS" screen --doc-number ' -<- ' --store "$S"
expect_status 2
expect_err "^bmis: --doc-number: ' -<- ' has no letters or digits$"
run "$BMIS" screen --doc-number 1234567890123456789012345678901234567890 --store "$S"
expect_status 2
expect_err '^bmis: --doc-number: longer than 39 bytes$'
run "$BMIS" screen --name X --traveller "$(printf 'T%.0s' {1..51})" --store "$S"
expect_status 2
expect_err '^bmis: --traveller: longer than 50 bytes$'
run "$BMIS" screen --name "$(printf 'A%.0s' {1..256})" --store "$S"
expect_status 2
expect_err '^bmis: --name: longer than 255 bytes$'
for bad in 0 1.5 -0.5 abc 0.8x; do
  run "$BMIS" screen --name X --threshold "$bad" --store "$S"
  expect_status 2
  expect_err "^bmis: --threshold: '$bad' is not a number above 0 and at most 1$"
done
run "$BMIS" screen --name X --max 0 --store "$S"
expect_status 2
expect_err "^bmis: --max: '0' is not a number from 1 to 1000$"
run "$BMIS" screen --name X CHATAEV --store "$S"
expect_status 2
expect_err "^bmis: unexpected argument 'CHATAEV' \(MRZ lines go with --mrz\)$"
run "$BMIS" screen --name X --colour red --store "$S"
expect_status 2
expect_err "^bmis: unknown option '--colour'$"
run "$BMIS" screen --mrz --store "$S"
expect_status 2
expect_err "^bmis: --mrz: give the MRZ lines, or '-' to read them from standard input$"
run "$BMIS" screen --mrz "$TD3_L1" "$TD3_L2" --name X --store "$S"
expect_status 2
expect_err '^bmis: --mrz gives the names, date of birth, nationality, sex and document: leave out the other person options$'
run "$BMIS" screen --batch - --name X --store "$S"
expect_status 2
expect_err "^bmis: --batch reads the travellers from FILE: leave out --mrz and the person's options$"
run "$BMIS" screen --batch "$WORK/missing.jsonl" --store "$S"
expect_status 2
expect_err '^bmis: cannot read .*/missing.jsonl: No such file or directory$'
expect_out_empty

# --- a store without lists: "no hits" would read as a clean result
run "$BMIS" screen --name X --store "$WORK/absent.db"
expect_status 1
expect_err '^bmis: no store at .*/absent.db$'
run "$BMIS" db init --store "$S"
expect_status 0
run "$BMIS" screen --name X --store "$S"
expect_status 1
expect_err '^bmis: no watchlist entries in the store: nothing to screen against \(see bmis watchlist import\)$'
expect_out_empty

run "$BMIS" watchlist import un "$UN2026" --category sanctions --store "$S"
expect_status 0
expect_out '^watchlist un imported: version 2026-05-08T23:00:06.922Z, 737 persons, 0 documents$'

# --- a listed person (QDi.365) by name and year of birth
run "$BMIS" screen --name "Akhmed Chataev" --birth 1980 --store "$S"
expect_status 0
expect_out '^Person hit 1\.00 on list un \(sanctions; action: refer\), entry QDi\.365$'
expect_out '^  listed primary name "AKHMED RAJAPOVICH CHATAEV" \(as AKHMED RAJAPOVICH CHATAEV\), presented as AKHMED CHATAEV: name score 0\.96$'
expect_out '^    AKHMED +AKHMED +same 1\.00 \(weight 1\.00\)$'
expect_out '^    CHATAEV +CHATAEV +same 1\.00 \(weight 1\.00\)$'
expect_out '^    RAJAPOVICH +- +listed, not presented \(weight 0\.40\)$'
expect_out '^  birth \+0\.04: listed 1980-07-04, presented 1980: same year$'
[ "$(count_out .)" -eq 6 ] || fail "one hit of six lines"
expect_no_out 'previously'
expect_err_empty

# The name reordered, surname first.
run "$BMIS" screen --name "CHATAEV Akhmed" --birth 1980 --store "$S"
expect_status 0
expect_out '^Person hit 1\.00 on list un \(sanctions; action: refer\), entry QDi\.365$'
expect_out 'presented as CHATAEV AKHMED: name score 0\.96$'
expect_out '^    AKHMED +AKHMED +same 1\.00 \(weight 1\.00\)$'
expect_out '^    CHATAEV +CHATAEV +same 1\.00 \(weight 1\.00\)$'
# As an MRZ names it: surname and given names apart.
run "$BMIS" screen --surname CHATAEV --given-names "AKHMED RAJAPOVICH" --store "$S"
expect_status 0
expect_out '^Person hit 1\.00 on list un \(sanctions; action: refer\), entry QDi\.365$'
expect_out '^    RAJAPOVICH +RAJAPOVICH +same 1\.00 \(weight 0\.40\)$'
# A typo in the surname.
run "$BMIS" screen --name "Akhmed Rajapovich Chataeb" --store "$S"
expect_status 0
expect_out '^Person hit 0\.94 on list un \(sanctions; action: refer\), entry QDi\.365$'
expect_out '^    CHATAEV +CHATAEB +close spelling 0\.86 \(weight 1\.00\)$'
expect_out '^    AKHMED +AKHMED +same 1\.00 \(weight 1\.00\)$'
# Not listed.
run "$BMIS" screen --name "Margaret Thompson" --birth 1950 --nationality GB --sex F --store "$S"
expect_status 0
[ "$(cat "$OUT")" = "no hits" ] || fail "exactly 'no hits'"
# The original scripts the list gives: Cyrillic (QDi.365) and Arabic
# (YEi.001, Abd al-Khaliq al-Houthi).
run "$BMIS" screen --name "Ахмед Ражапович Чатаев" --store "$S"
expect_status 0
expect_out '^Person hit 1\.00 on list un \(sanctions; action: refer\), entry QDi\.365$'
expect_out '^  listed strong name "Ахмед Ражапович Чатаев" \(as [A-Z ]+\), presented as [A-Z ]+: name score 1\.00$'
run "$BMIS" screen --name "عبدالخالق الحوثي" --store "$S"
expect_status 0
expect_out '^Person hit 1\.00 on list un \(sanctions; action: refer\), entry YEi\.001$'
expect_out '^  listed strong name "عبدالخالق الحوثي" \(as [A-Z ]+\), presented as [A-Z ]+: name score 1\.00$'

# --- JSON
run "$BMIS" screen --name "Akhmed Chataev" --birth 1980 --json --store "$S"
expect_status 0
summary
expect_summary 1 'hits=[1]'
[ "$(wc -l <"$OUT")" -eq 1 ] || fail "one JSON line"
expect_out '^\{"hits":\[\{"kind":"person","score":1\.0,"list":"un","category":"sanctions","action":"refer","ref":"QDi\.365","entry_hash":"[0-9a-f]{32}","threshold":0\.8,"listed_name":"AKHMED RAJAPOVICH CHATAEV","listed_quality":"primary","listed_form":"AKHMED RAJAPOVICH CHATAEV","presented_form":"AKHMED CHATAEV","name_score":0\.962,"tokens":\['
grep -qF '"tokens":[{"listed":"AKHMED","presented":"AKHMED","how":"exact","similarity":1.0,"weight":1.0},{"listed":"CHATAEV","presented":"CHATAEV","how":"exact","similarity":1.0,"weight":1.0},{"listed":"RAJAPOVICH","presented":"","how":"missing","similarity":0.0,"weight":0.4}],"factors":[{"what":"birth","delta":0.04,"detail":"listed 1980-07-04, presented 1980: same year"}],"previously_disposed":false}],"candidates":' "$OUT" ||
  fail "tokens, factors and disposition of the JSON hit"
expect_out '"candidates":[1-9][0-9]*\}$'
expect_no_out '"doc_(state|number|status|detail)"'
run "$BMIS" screen --name "Margaret Thompson" --json --store "$S"
expect_status 0
expect_out '^\{"hits":\[\],"candidates":[0-9]+\}$'

# --- the date of birth moves the score; --threshold; --exhaustive
run "$BMIS" screen --name "Akhmed Chataev" --birth 1980-07-04 --json --store "$S"
SAME=$(first_score)
grep -qF '{"what":"birth","delta":0.08,"detail":"listed 1980-07-04, presented 1980-07-04: same date"}' "$OUT" ||
  fail "same date of birth factor"
run "$BMIS" screen --name "Akhmed Chataev" --birth 1981 --json --store "$S"
OTHER=$(first_score)
grep -qF '{"what":"birth","delta":-0.1,"detail":"listed 1980-07-04, presented 1981: different year"}' "$OUT" ||
  fail "different year of birth factor"
[ "$SAME" = "1.0" ] && [ "$OTHER" = "0.862" ] ||
  fail "scores with the same and another year of birth: $SAME, $OTHER"
awk -v a="$SAME" -v b="$OTHER" 'BEGIN { exit !(b < a) }' ||
  fail "another year of birth scores lower"
run "$BMIS" screen --name "Akhmed Chataev" --birth 1981 --store "$S"
expect_out '^Person hit 0\.86 on list un'
expect_out '^  birth -0\.10: listed 1980-07-04, presented 1981: different year$'

run "$BMIS" screen --name "Akhmed Rajapovich Chataeb" --json --store "$S"
expect_status 0
[ "$(printf '%.2f' "$(first_score)")" = "0.94" ] || fail "fuzzy hit score $(first_score)"
run "$BMIS" screen --name "Akhmed Rajapovich Chataeb" --threshold 0.99 --store "$S"
expect_status 0
[ "$(cat "$OUT")" = "no hits" ] || fail "--threshold 0.99 removes the fuzzy hit"
run "$BMIS" screen --name "Akhmed Rajapovich Chataeb" --threshold 0.9 --json --store "$S"
expect_status 0
expect_out '"ref":"QDi\.365","entry_hash":"[0-9a-f]{32}","threshold":0\.9,'

for name in "Akhmed Chataev" "CHATAEV Akhmed" "Akhmed Rajapovich Chataeb" \
  "Ахмед Ражапович Чатаев" "عبدالخالق الحوثي" "Margaret Thompson" \
  "Osama bin Laden" "Abu Bakr al-Baghdadi"; do
  run "$BMIS" screen --name "$name" --birth 1971 --json --store "$S"
  expect_status 0
  sed 's/"candidates":[0-9]*//' "$OUT" >"$WORK/indexed"
  INDEXED_CANDIDATES=$(grep -o '"candidates":[0-9]*' "$OUT")
  run "$BMIS" screen --name "$name" --birth 1971 --json --exhaustive --store "$S"
  expect_status 0
  sed 's/"candidates":[0-9]*//' "$OUT" >"$WORK/exhaustive"
  cmp -s "$WORK/indexed" "$WORK/exhaustive" ||
    fail "--exhaustive gives other hits for '$name'"
  [ "$(grep -o '"candidates":[0-9]*' "$OUT")" != "$INDEXED_CANDIDATES" ] ||
    fail "--exhaustive scores more names than the index for '$name'"
done

# --- --max
run "$BMIS" screen --name "Mohammed" --threshold 0.3 --json --store "$S"
expect_status 0
[ "$(grep -o '"kind":"person"' "$OUT" | wc -l)" -eq 20 ] || fail "20 hits by default"
run "$BMIS" screen --name "Mohammed" --threshold 0.3 --max 3 --json --store "$S"
expect_status 0
[ "$(grep -o '"kind":"person"' "$OUT" | wc -l)" -eq 3 ] || fail "--max 3"

# --- an MRZ (TD3) naming QDi.365
run "$BMIS" doc make --type TD3 --surname CHATAEV --given "AKHMED RAJAPOVICH" \
  --number 750000001 --nationality RUS --birth 1980-07-04 --sex M \
  --expiry 2031-03-14
expect_status 0
MRZ1=$(sed -n 1p "$OUT")
MRZ2=$(sed -n 2p "$OUT")
[ "$MRZ1" = "P<RUSCHATAEV<<AKHMED<RAJAPOVICH<<<<<<<<<<<<<" ] || fail "MRZ line 1: $MRZ1"
[ "$MRZ2" = "7500000015RUS8007049M3103142<<<<<<<<<<<<<<<4" ] || fail "MRZ line 2: $MRZ2"
cp "$OUT" "$WORK/mrz.txt"
run "$BMIS" screen --mrz "$MRZ1" "$MRZ2" --store "$S"
expect_status 0
expect_out '^Person hit 1\.00 on list un \(sanctions; action: refer\), entry QDi\.365$'
expect_out 'presented as AKHMED RAJAPOVICH CHATAEV: name score 1\.00$'
expect_out '^  birth \+0\.08: listed 1980-07-04, presented 1980-07-04: same date$'
expect_out '^  nationality \+0\.03: listed RUS, presented RUS$'
[ "$(count_out '^(Person|Document) hit')" -eq 1 ] || fail "one hit from the MRZ"
cp "$OUT" "$WORK/mrz-args.out"
run --in "$WORK/mrz.txt" "$BMIS" screen --mrz - --store "$S"
expect_status 0
cmp -s "$OUT" "$WORK/mrz-args.out" || fail "--mrz - reads the same MRZ"
run "$BMIS" screen --mrz "$MRZ1\\n$MRZ2" --store "$S"
expect_status 0
cmp -s "$OUT" "$WORK/mrz-args.out" || fail "--mrz with \\n between the lines"
# Malformed: a wrong check digit (the year of birth changed), a lone line.
run "$BMIS" screen --mrz "$MRZ1" "${MRZ2/RUS8/RUS9}" --store "$S"
expect_status 1
expect_err "^bmis: mrz: birth_date_check is '9' but the characters it covers give '6' \(check_digit_mismatch\)$"
expect_out_empty
run "$BMIS" screen --mrz "$MRZ1" --store "$S"
expect_status 1
expect_err '^bmis: mrz: .*\(format_unrecognized\)$'
head -c 2000 /dev/zero | tr '\0' '<' >"$WORK/mrz-long.txt"
run --in "$WORK/mrz-long.txt" "$BMIS" screen --mrz - --store "$S"
expect_status 1
expect_err '^bmis: mrz: longer than 1024 bytes$'

# --- lost and stolen documents
run "$BMIS" watchlist import lost "$DOCS" --category lost_stolen_documents --version 2026-11 --store "$S"
expect_status 0
expect_out '^  added: LSD-0001 LSD-0002 LSD-0003 LSD-0004$'
run "$BMIS" screen --doc-state KEN --doc-number AK0012345 --store "$S"
expect_status 0
expect_out '^Document hit 1\.00 on list lost \(lost_stolen_documents; action: refer\), entry LSD-0001$'
expect_out '^  listed document KEN AK0012345, stolen: same number$'
[ "$(count_out .)" -eq 2 ] || fail "one document hit of two lines"
# O read for 0 (countries by alpha-2 code and by name too).
run "$BMIS" screen --doc-state KE --doc-number AK0O12345 --store "$S"
expect_status 0
expect_out '^Document hit 0\.90 on list lost \(lost_stolen_documents; action: refer\), entry LSD-0001$'
expect_out "^  listed document KEN AK0012345, stolen: same number if 'O' at position 4 was misread for '0'$"
run "$BMIS" screen --doc-state Kenya --doc-number "ak 0o1-2345" --json --store "$S"
expect_status 0
expect_out "^\\{\"hits\":\\[\\{\"kind\":\"document\",\"score\":0\\.9,\"list\":\"lost\",\"category\":\"lost_stolen_documents\",\"action\":\"refer\",\"ref\":\"LSD-0001\",\"entry_hash\":\"[0-9a-f]{32}\",\"threshold\":0\\.9,\"doc_state\":\"KEN\",\"doc_number\":\"AK0012345\",\"doc_status\":\"stolen\",\"doc_detail\":\"same number if 'O' at position 4 was misread for '0'\",\"previously_disposed\":false\\}\\],\"candidates\":0\\}$"
expect_no_out '"(tokens|factors|listed_name|name_score)"'
# Another state's document with that number is not this one.
run "$BMIS" screen --doc-state UGA --doc-number AK0012345 --store "$S"
expect_status 0
[ "$(cat "$OUT")" = "no hits" ] || fail "AK0012345 of Uganda is not listed"
# A person and a document in one screening.
run "$BMIS" screen --name "Akhmed Chataev" --birth 1980 --doc-state UG --doc-number B1234567 --store "$S"
expect_status 0
expect_out '^Person hit 1\.00 on list un \(sanctions; action: refer\), entry QDi\.365$'
expect_out '^Document hit 1\.00 on list lost \(lost_stolen_documents; action: refer\), entry LSD-0002$'
# (bmis_hit.doc_number is documented "as listed", B 1234567; the index
# keeps the compared form, B1234567.)
expect_out '^  listed document UGA B ?1234567, lost: same number$'

# --- a batch of JSON lines
cat >"$WORK/batch.jsonl" <<'EOF'
{"id": 1, "name": "Akhmed Chataev", "birth": "1980"}
{"id": "b-2", "surname": "THOMPSON", "given_names": "MARGARET", "sex": "F"}

{"id": [1, 2], "name": "Akhmed Chataev", "colour": "red"}
{"name": "Akhmed Chataev", "birth": 1980}
{"id": 6, "name": "Akhmed Chataev", "birth": "1980-13"}
not json
["a list"]
{"id": null, "doc_state": "KEN", "doc_number": "AK0O12345", "traveller_id": null}
{"id": 10, "sex": "M", "nationality": "RUS"}
{"id": 11, "name": "A", "name": "B"}
{"id": 12, "name": "Akhmed Chataev", "nationality": "Atlantis"}
{"id": {"desk": 4}, "given_names": "Akhmed", "surname": "Chataev", "nationality": "Russian Federation", "sex": "m", "doc_state": "RU", "doc_number": "750000001", "traveller_id": "T-7"}
EOF
run "$BMIS" screen --batch "$WORK/batch.jsonl" --store "$S"
expect_status 1
summary
[ "$(wc -l <"$OUT")" -eq 12 ] || fail "one answer per non-blank line"
expect_summary 1 line=1 id=1 'hits=[1]'
expect_summary 2 line=2 id=b-2 'hits=[0]'
expect_summary 3 line=4 'id=[2]' 'error=colour: unknown member'
expect_summary 4 line=5 'error=birth: must be a string'
expect_summary 5 line=6 id=6 "error=birth: '1980-13' is not YYYY, YYYY-MM or YYYY-MM-DD (a real date)"
expect_summary 6 line=7 "error=not JSON: '[' or '{' expected near 'not' (column 3)"
expect_summary 7 line=8 'error=not a JSON object'
expect_summary 8 line=9 id=- 'hits=[1]'
expect_summary 9 line=10 id=10 'error=nothing to screen: give name, surname or given_names, or doc_number'
expect_summary 10 line=11 "error=not JSON: duplicate object key near '\"name\"' (column 30)"
expect_summary 11 line=12 id=12 "error=nationality: 'Atlantis' is not a country"
expect_summary 12 line=13 'id={1}' 'hits=[1]'
expect_out '^\{"line":1,"id":1,"hits":\[\{"kind":"person","score":1\.0,"list":"un",.*"ref":"QDi\.365",'
expect_out '^\{"line":2,"id":"b-2","hits":\[\],"candidates":[0-9]+\}$'
expect_out '^\{"line":4,"id":\[1,2\],"error":"colour: unknown member"\}$'
expect_out "^\\{\"line\":9,\"id\":null,\"hits\":\\[\\{\"kind\":\"document\",\"score\":0\\.9,\"list\":\"lost\",.*\"ref\":\"LSD-0001\",.*\"doc_detail\":\"same number if 'O' at position 4 was misread for '0'\",\"previously_disposed\":false\\}\\],\"candidates\":0\\}$"
expect_out '^\{"line":13,"id":\{"desk":4\},"hits":\[\{"kind":"person",.*"ref":"QDi\.365",.*\{"what":"nationality","delta":0\.03,"detail":"listed RUS, presented RUS"\}\],"previously_disposed":false\}\],"candidates":[0-9]+\}$'
expect_err '^4 screened \(3 with hits\), 8 rejected$'
# From standard input, with --json: the same answers, no count on stderr.
cp "$OUT" "$WORK/batch.out"
run --in "$WORK/batch.jsonl" "$BMIS" screen --batch - --json --store "$S"
expect_status 1
cmp -s "$OUT" "$WORK/batch.out" || fail "--batch - answers the same"
expect_err_empty
# Every line screened: exit status 0; an over-long line is answered alone.
head -n 2 "$WORK/batch.jsonl" >"$WORK/good.jsonl"
run "$BMIS" screen --batch "$WORK/good.jsonl" --store "$S"
expect_status 0
expect_err '^2 screened \(1 with hits\), 0 rejected$'
{
  printf '{"name":"'
  head -c 70000 /dev/zero | tr '\0' 'a'
  printf '"}\n{"id":2,"name":"Akhmed Chataev"}\n{"name":"a\000b"}\n'
} >"$WORK/long.jsonl"
run "$BMIS" screen --batch "$WORK/long.jsonl" --store "$S"
expect_status 1
summary
expect_summary 1 line=1 'error=line longer than 65536 bytes'
expect_summary 2 line=2 id=2 'hits=[1]'
expect_summary 3 line=3 'error=not JSON: control character 0x0 near '"'"'"a'"'"' (column 10)'
# A value quoted in a message is cut on a character boundary, and the
# answer is still JSON.
printf '{"name":"x","nationality":"x%s"}\n' "$(printf 'é%.0s' {1..40})" >"$WORK/utf8.jsonl"
run "$BMIS" screen --batch "$WORK/utf8.jsonl" --json --store "$S"
expect_status 1
summary
expect_summary 1 line=1 "error=nationality: 'x$(printf 'é%.0s' {1..29})' is not a country"

# --- decisions on hits
run "$BMIS" screen dispose --list un --ref QDi.365 --decision dismissed --store "$S"
expect_status 2
expect_err '^bmis: dispose: --reason is required$'
run "$BMIS" screen dispose --list un --decision dismissed --reason x --traveller T-42 --store "$S"
expect_status 2
expect_err '^bmis: dispose: --ref is required$'
run "$BMIS" screen dispose --list un --ref QDi.365 --decision maybe --reason x --traveller T-42 --store "$S"
expect_status 2
expect_err "^bmis: --decision: 'maybe' is not confirmed or dismissed$"
run "$BMIS" screen dispose --list un --ref QDi.365 --decision dismissed --reason x --traveller T-42 --role chief --store "$S"
expect_status 2
expect_err "^bmis: --role: 'chief' is not officer or supervisor$"
run "$BMIS" screen dispose --list un --ref QDi.365 --decision dismissed --reason ' ' --traveller T-42 --store "$S"
expect_status 2
expect_err '^bmis: --reason: empty$'
run "$BMIS" screen dispose --list un --ref QDi.365 --decision dismissed --reason x --store "$S"
expect_status 2
expect_err '^bmis: dispose: give --traveller, or --doc-state and --doc-number$'
run "$BMIS" screen dispose --list un --ref QDi.365 --decision dismissed --reason x --traveller T-42 --doc-state KEN --doc-number 1 --store "$S"
expect_status 2
expect_err '^bmis: dispose: give --traveller, or --doc-state and --doc-number, not both$'
run "$BMIS" screen dispose --list un --ref QDi.365 --decision dismissed --reason x --doc-number 1 --store "$S"
expect_status 2
expect_err '^bmis: dispose: --doc-state and --doc-number go together$'
run "$BMIS" screen dispose --list un --ref QDi.365 --decision dismissed --reason x --traveller T-42 --name X --store "$S"
expect_status 2
expect_err "^bmis: unknown option '--name'$"
# An unknown list or entry is "not found", as for `bmis watchlist show`.
run "$BMIS" screen dispose --list nolist --ref QDi.365 --decision dismissed --reason x --traveller T-42 --store "$S"
expect_status 1
expect_err "^bmis: no watchlist 'nolist'$"
expect_out_empty
run "$BMIS" screen dispose --list un --ref QDi.999 --decision dismissed --reason x --traveller T-42 --store "$S"
expect_status 1
expect_err "^bmis: no entry 'QDi.999' in watchlist 'un'$"

REASON="Not the listed person: born 1991 in Nairobi, fingerprints checked"
run "$BMIS" screen --store "$S" dispose --list un --ref QDi.365 --decision dismissed --reason "$REASON" --traveller T-42
expect_status 0
# A dismissal on a sanctions list (its score not known here: 1.00) waits
# for a second person (issue 12, defect 9).
expect_out "^disposition [0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}: dismissed un/QDi\\.365 for traveller:T-42 by $ME \\(officer\\); awaiting a second supervisor's confirmation \\(GET /api/dispositions\\?status=pending\\)\$"
DISPOSITION=$(sed 's/^disposition \([^:]*\):.*/\1/' "$OUT")
run "$BMIS" screen --name "Akhmed Chataev" --birth 1980 --traveller T-42 --store "$S"
expect_status 0
expect_out '^Person hit 1\.00 on list un \(sanctions; action: refer\), entry QDi\.365$'
expect_out "^  previously dismissed by $ME \\(officer\\): $REASON -- AWAITING CONFIRMATION by a second supervisor: not in force\$"
expect_no_out 'VOID'
run "$BMIS" screen --name "Akhmed Chataev" --birth 1980 --traveller T-42 --json --store "$S"
expect_status 0
expect_out "\"previously_disposed\":true,\"previous\":\\{\"id\":\"$DISPOSITION\",\"decision\":\"dismissed\",\"reason\":\"$REASON\",\"by\":\"$ME\",\"role\":\"officer\",\"at\":\"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\",\"voided\":false,\"review\":\"pending\"\\}\\}\\],\"candidates\":[0-9]+\\}\$"
# Another traveller, or none: no earlier decision.
run "$BMIS" screen --name "Akhmed Chataev" --birth 1980 --traveller T-43 --store "$S"
expect_status 0
expect_out '^Person hit 1\.00 on list un'
expect_no_out 'previously'
run "$BMIS" screen --name "Akhmed Chataev" --birth 1980 --store "$S"
expect_no_out 'previously'
# A batch line's traveller_id finds it too.
printf '{"id":1,"name":"Akhmed Chataev","traveller_id":"T-42"}\n{"id":2,"name":"Akhmed Chataev","traveller_id":"T-43"}\n' >"$WORK/dispo.jsonl"
run "$BMIS" screen --batch "$WORK/dispo.jsonl" --store "$S"
expect_status 0
expect_out "^\\{\"line\":1,\"id\":1,.*\"previously_disposed\":true,\"previous\":\\{\"id\":\"$DISPOSITION\","
expect_out '^\{"line":2,"id":2,.*"previously_disposed":false\}\],"candidates":[0-9]+\}$'

# A document's decision, keyed on the document (state and number
# normalised as screening normalises them).
run "$BMIS" screen dispose --list lost --ref LSD-0001 --decision confirmed --reason "Seized at the desk" --doc-state ke --doc-number "ak-001 2345" --by kariuki --role supervisor --json --store "$S"
expect_status 0
summary
expect_summary 1 list=lost ref=LSD-0001 traveller_key=doc:KEN:AK0012345 \
  decision=confirmed 'reason=Seized at the desk' by=kariuki role=supervisor
expect_out '^\{"id":"[0-9a-f-]{36}","list":"lost","ref":"LSD-0001","traveller_key":"doc:KEN:AK0012345","decision":"confirmed","reason":"Seized at the desk","by":"kariuki","role":"supervisor","at":"[0-9T:-]{19}Z","pending":false\}$'
run "$BMIS" screen --doc-state KEN --doc-number AK0012345 --store "$S"
expect_status 0
expect_out '^Document hit 1\.00 on list lost \(lost_stolen_documents; action: refer\), entry LSD-0001$'
expect_out '^  previously confirmed by kariuki \(supervisor\): Seized at the desk$'
# The same document through an MRZ-like number with fillers.
run "$BMIS" screen --name "Margaret Thompson" --doc-state KEN --doc-number "AK0012345<<" --store "$S"
expect_out '^  previously confirmed by kariuki \(supervisor\): Seized at the desk$'

# The same version again changes nothing: the decision stands.
run "$BMIS" watchlist import un "$UN2026" --category sanctions --store "$S"
expect_status 0
expect_out '^  added 0, removed 0, changed 0, unchanged 737$'
run "$BMIS" screen --name "Akhmed Chataev" --traveller T-42 --store "$S"
expect_out "^  previously dismissed by $ME \\(officer\\): $REASON -- AWAITING CONFIRMATION by a second supervisor: not in force\$"
expect_no_out 'VOID'
# Another version in which QDi.365 changed: the decision is shown, void.
run "$BMIS" watchlist import un "$UN2020" --category sanctions --store "$S"
expect_status 0
expect_out '^  added 52, removed 80, changed 519, unchanged 138$'
run "$BMIS" watchlist show un QDi.365 --store "$S"
expect_status 0
expect_out '^QDi\.365 \(person\) in watchlist un$'
run "$BMIS" screen --name "Akhmed Chataev" --traveller T-42 --store "$S"
expect_status 0
expect_out '^Person hit 0\.96 on list un \(sanctions; action: refer\), entry QDi\.365$'
expect_out "^  previously dismissed by $ME \\(officer\\): $REASON -- VOID: the entry has changed since\$"
run "$BMIS" screen --name "Akhmed Chataev" --traveller T-42 --json --store "$S"
expect_out "\"previous\":\\{\"id\":\"$DISPOSITION\",\"decision\":\"dismissed\",.*\"voided\":true,\"review\":\"pending\"\\}\\}\\],\"candidates\":[0-9]+\\}\$"
# A decision taken on the new version stands, and is the one shown.
run "$BMIS" screen dispose --list un --ref QDi.365 --decision confirmed --reason "Confirmed by the supervisor" --role supervisor --by okello --traveller T-42 --store "$S"
expect_status 0
run "$BMIS" screen --name "Akhmed Chataev" --traveller T-42 --store "$S"
expect_out '^  previously confirmed by okello \(supervisor\): Confirmed by the supervisor$'
expect_no_out 'VOID'

done_ok
