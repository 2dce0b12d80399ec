#!/usr/bin/env bash
# The register's commands end to end on a SQLite store: db init/info/
# migrate/backup/restore, bcp add/list, movement record (MRZ + passenger
# card, JSON, JSON lines with good and bad lines), list, show, decide,
# correct, void, traveller show, identity review, overstay list; errors
# name the field and the line; nothing partial is written.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

S=$WORK/reg.db
export BMIS_STORE=$WORK/unused-default.db # --store always wins below

# --- the store
run "$BMIS" db info --store "$S"
expect_status 1
expect_err 'no store at'
run "$BMIS" db init --store "$S" --state KEN
expect_status 0
expect_out 'schema version [0-9]+; operating State KEN; stay rule 90 days in any 180'
run "$BMIS" db init --store "$S" --state XYZ
expect_status 2
expect_err "state: 'XYZ' is not a country code"
run "$BMIS" db migrate --store "$S"
expect_status 0
expect_out '^applied 0 migrations; schema version [0-9]+$'
run "$BMIS" db frobnicate --store "$S"
expect_status 2
run "$BMIS" db info --store "postgresx://nowhere"
expect_status 2
expect_err 'unknown scheme'

# --- crossing points
run "$BMIS" bcp add NBO --name "Jomo Kenyatta International Airport" --kind air --tz Africa/Nairobi --store "$S"
expect_status 0
run "$BMIS" bcp add BSA --name Busia --kind land --tz Africa/Nairobi --store "$S"
expect_status 0
run "$BMIS" bcp add BAD --name Bad --kind air --tz Mars/Olympus --store "$S"
expect_status 2
expect_err 'time_zone: .*Mars/Olympus'
run "$BMIS" bcp add bad! --name Bad --kind air --tz UTC --store "$S"
expect_status 2
expect_err '^bmis: code:'
run "$BMIS" bcp add X --name Bad --kind hovercraft --tz UTC --store "$S"
expect_status 2
expect_err 'kind'
run "$BMIS" bcp list --json --store "$S"
expect_status 0
[ "$(count_out '"code"')" -eq 2 ] || fail "two crossing points expected"

# --- an entry from an MRZ and a passenger card
MRZ=$("$BMIS" doc make --type TD3 --surname Eriksson --given "Anna Maria" \
  --number L898902C3 --nationality GBR --birth 1974-08-12 --sex F \
  --expiry 2032-04-15)
run "$BMIS" movement record --store "$S" --mrz "$MRZ" --direction entry \
  --bcp NBO --at 2026-10-01T21:30:00Z --permitted-days 30 --purpose leisure \
  --transport air --carrier KQ --number KQ101 --route GBR --residence GBR \
  --birth-country SWE --officer kariuki --json
expect_status 0
summary
expect_summary 1 status=recorded link=new
ENTRY=$(sed -n 's/.*"movement_id":"\([^"]*\)".*/\1/p' "$OUT")
# A broken MRZ is refused, naming the finding; nothing is written.
BAD_MRZ=$(printf '%s\n%s' "$(echo "$MRZ" | head -1)" \
  "$(echo "$MRZ" | tail -1 | sed 's/^L898902C36/L898902C37/')")
run "$BMIS" movement record --store "$S" --mrz "$BAD_MRZ" --direction entry --bcp NBO
expect_status 1
expect_err 'mrz: .*check_digit_mismatch'
run "$BMIS" movement record --store "$S" --mrz "$MRZ" --direction sideways --bcp NBO
expect_status 2
expect_err 'direction'
run "$BMIS" movement record --store "$S" --mrz "$MRZ" --direction entry --bcp ZZZ
expect_status 2
expect_err "bcp: 'ZZZ' is not a configured crossing point"

# --- JSON lines: per-line results, bad lines named, good lines kept
cat >"$WORK/bulk.jsonl" <<'EOF_JSON'
{"direction":"exit","bcp":"NBO","crossed_at":"2026-11-05T08:00:00Z","decision":"admitted","traveller":{"surname":"ERIKSSON","given_names":"ANNA MARIA","birth":"1974-08-12","sex":"F","nationality":"GBR"},"document":{"issuing_state":"GBR","number":"L898902C3"}}
{"direction":"entry","bcp":"NBO","crossed_at":"2026-11-01T10:00:00Z","decision":"admitted","permitted_days":90,"traveller":{"surname":"OKAFOR","given_names":"CHIDI","birth":"1990","sex":"M","nationality":"NGA"},"document":{"issuing_state":"NGA","number":"A01234567"}}
{"direction":"entry","bcp":"NBO","crossed_at":"2026-11-01T10:00:00Z","decision":"admitted","traveller":{"surname":"X","nationality":"ZZZ"},"document":{"issuing_state":"NGA","number":"A1"}}
{"direction":"entry","bcp":"NBO"
{"direction":"entry","bcp":"NBO","crossed_at":"yesterday","decision":"admitted","traveller":{"surname":"X","nationality":"NGA"},"document":{"issuing_state":"NGA","number":"A2"}}

{"direction":"entry","bcp":"BSA","crossed_at":"2026-11-02T10:00:00Z","decision":"refused","grounds":"CE","traveller":{"surname":"HADDAD","given_names":"OMAR","birth":"1988-02-02","sex":"M","nationality":"SYR"},"document":{"issuing_state":"SYR","number":"N0123456"},"colour":"blue"}
{"direction":"entry","bcp":"BSA","crossed_at":"2026-11-02T10:00:00Z","decision":"referred","referrals":["asylum"],"traveller":{"surname":"HADDAD","given_names":"OMAR","birth":"1988-02-02","sex":"M","nationality":"SYR"},"document":{"issuing_state":"SYR","number":"N0123456"}}
{"direction":"entry","bcp":"BSA","crossed_at":"2026-11-03T10:00:00Z","decision":"refused","grounds":"A","traveller":{"surname":"KAMAU","given_names":"JOHN","nationality":"KEN"},"document":{"issuing_state":"KEN","number":"AK1"}}
EOF_JSON
run --in "$WORK/bulk.jsonl" "$BMIS" movement record --store "$S" --batch 3 --json -
expect_status 1
summary
expect_summary 1 line=1 status=recorded link=document
expect_summary 2 line=2 status=recorded link=new
expect_summary 3 line=3 status=rejected
expect_summary 4 line=4 status=rejected
expect_summary 5 line=5 status=rejected
expect_summary 6 line=7 status=rejected
expect_summary 7 line=8 status=recorded
expect_summary 8 line=9 status=rejected code=E_RULE
grep -q '"line":3.*traveller.nationality' "$OUT" || fail "line 3 should name traveller.nationality"
grep -q '"line":4.*JSON at line 1' "$OUT" || fail "line 4 should be malformed JSON"
grep -q '"line":5.*crossed_at' "$OUT" || fail "line 5 should name crossed_at"
grep -q "\"line\":7.*unknown member 'colour'" "$OUT" || fail "line 7 should name the unknown member"
grep -q '"line":9.*national of KEN cannot be refused' "$OUT" || fail "line 9: a national refused"
grep -q '"line":1.*"flags":\["overstay"\]' "$OUT" || fail "line 1 should be flagged overstay"
run "$BMIS" db info --store "$S" --json
expect_out '"movements":4'
expect_out '"travellers":3'

# The same file as text (on a copy: lines without ids are new crossings
# each time): one line per input line, a tally on stderr.
cp "$S" "$WORK/copy.db"
run --in "$WORK/bulk.jsonl" "$BMIS" movement record --store "$WORK/copy.db"
expect_status 1
expect_out '^line 1: recorded movement'
expect_out '^line 3: rejected: traveller.nationality'
expect_err '^3 recorded, 5 rejected'

# --- one JSON document spread over lines
cat >"$WORK/one.json" <<'EOF_JSON'
{
  "id": "01a21000-0000-7000-8000-000000000001",
  "direction": "entry", "bcp": "NBO", "crossed_at": "2026-11-20T06:00:00Z",
  "decision": "admitted", "permitted_until": "2026-11-25",
  "mrz": "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
}
EOF_JSON
run "$BMIS" movement record --store "$S" --json "$WORK/one.json"
expect_status 0
expect_out '"status":"recorded"'
run "$BMIS" movement record --store "$S" --json "$WORK/one.json"
expect_status 0
expect_out '"status":"duplicate"'

# --- listing, showing and changing movements
run "$BMIS" movement list --store "$S" --bcp BSA --json
expect_status 0
[ "$(count_out '"bcp":"BSA"')" -eq 1 ] || fail "one movement at BSA (the referral; the refusal line was rejected)"
run "$BMIS" movement list --store "$S" --decision referred
[ "$(count_out 'referred')" -eq 1 ] || fail "one referral"
REF=$(awk '{print $1}' "$OUT")
run "$BMIS" movement show "$REF" --store "$S"
expect_out 'referral .*: asylum \(open\)'
# Protection follows the person (issue 12): while the asylum referral is
# open, no writer may refuse them, here a bulk line through another door
cat >"$WORK/refuse-asylum.jsonl" <<'EOF_JSON'
{"direction":"entry","bcp":"NBO","crossed_at":"2026-11-04T10:00:00Z","decision":"refused","grounds":"C","traveller":{"surname":"HADDAD","given_names":"OMAR","birth":"1988-02-02","sex":"M","nationality":"SYR"},"document":{"issuing_state":"SYR","number":"N0123456"}}
EOF_JSON
run --in "$WORK/refuse-asylum.jsonl" "$BMIS" movement record --store "$S" --json -
expect_status 1
expect_out '"code":"E_SAFEGUARD"'
expect_out 'open asylum referral'
run "$BMIS" movement decide "$REF" --decision refused --grounds C --by supervisor1 --store "$S"
expect_status 1
expect_err 'open asylum referral'
run "$BMIS" movement decide "$REF" --decision admitted --permitted-days 30 --by supervisor1 --store "$S"
expect_status 0
expect_out 'admitted until 2026-12-01'
run "$BMIS" movement show "$REF" --store "$S" --json
expect_out '"version":2'
expect_out '"history":\[\{"version":1,"kind":"decision","by":"supervisor1"'
run "$BMIS" movement void "$REF" --store "$S"
expect_status 2
expect_err 'reason is required'
run "$BMIS" movement correct "$REF" --set '{"bcp":"NBO"}' --reason "keyed at the wrong post" --by supervisor1 --store "$S"
expect_status 0
expect_out ' NBO '
run "$BMIS" movement correct "$REF" --set '{"bcp":"NOPE"}' --reason x --store "$S"
expect_status 2
expect_err "bcp: 'NOPE'"
run "$BMIS" movement correct "$REF" --set '{"bcp":' --reason x --store "$S"
expect_status 2
expect_err 'JSON at line 1'
# Who decided, and where, is not corrected: the correction's author is in
# the history.
run "$BMIS" movement correct "$REF" --set '{"officer":"someone-else"}' --reason x --store "$S"
expect_status 2
expect_err 'officer: who decided is not corrected; the correction itself is recorded with its author'
run "$BMIS" movement correct "$REF" --set '{"desk":"Z9"}' --reason x --store "$S"
expect_status 2
expect_err 'desk: where the decision was taken is not corrected'
# Issue 12, defect 4: text is refused, never cut: 511 ASCII and "é" (513
# bytes), a character cut in half, a control character, a note too long.
A511=$(printf 'a%.0s' $(seq 1 511))
run "$BMIS" movement void "$REF" --reason "${A511}é" --store "$S"
expect_status 2
expect_err '^bmis: --reason: longer than 512 bytes$'
run "$BMIS" movement void "$REF" --reason "$(printf 'recorded twice \303')" --store "$S"
expect_status 2
expect_err '^bmis: --reason: not valid UTF-8 at byte 16$'
run "$BMIS" movement void "$REF" --reason "$(printf 'twice\033[2J')" --store "$S"
expect_status 2
expect_err '^bmis: --reason: control character U\+001B at byte 6$'
run "$BMIS" movement decide "$REF" --decision admitted --note "${A511}é" --by supervisor1 --store "$S"
expect_status 2
expect_err '^bmis: --note: longer than 512 bytes$'
run "$BMIS" movement void "$REF" --reason "recorded twice" --by "$(printf 'sup\nervisor')" --store "$S"
expect_status 2
expect_err '^bmis: --by: control character U\+000A'
run "$BMIS" identity review confirm 01a21000-0000-7000-8000-00000000dead --reason "$(printf 'same \377')" --by sup --store "$S"
expect_status 2
expect_err '^bmis: --reason: not valid UTF-8 at byte 6$'
# Exactly at the limit (510 ASCII and "é": 512 bytes): kept whole, read back.
run "$BMIS" movement void "$REF" --reason "${A511%a}é" --store "$S"
expect_status 0
expect_out 'VOID'
run "$BMIS" movement show "$REF" --store "$S" --json
expect_out "\"kind\":\"void\",\"by\":\"[^\"]*\",\"reason\":\"${A511%a}é\""
run "$BMIS" movement list --store "$S" --decision referred
expect_out_empty
run "$BMIS" movement show 01a21000-0000-7000-8000-00000000dead --store "$S"
expect_status 1
expect_err 'no movement'

# --- a traveller, their stays and overstays
run "$BMIS" traveller show --document gbr:L898902C3 --as-of 2026-11-26 --store "$S"
expect_status 0
expect_out 'ERIKSSON, ANNA MARIA +born 1974-08-12 +sex F +nationality GBR +born in SWE'
expect_out '2026-10-02 -> 2026-11-05 +permitted until 2026-10-31 +35 days, 5 over overstay'
expect_out 'status on 2026-11-26: not present; 35 days present in the last 180 \(limit 90\)'
run "$BMIS" traveller show --document GBR:NOPE --store "$S"
expect_status 1
run "$BMIS" traveller show --document GBR --store "$S"
expect_status 2
run "$BMIS" overstay list --as-of 2026-11-26 --store "$S" --json
expect_status 0
summary
[ "$(wc -l <"$SUMMARY")" -eq 2 ] || fail "two overstayers expected"
expect_summary 1 days=35 days_over=5 exit_date=2026-11-05
expect_summary 2 days=7 days_over=1 exit_date=

# --- identity review: a weak match flagged, confirmed, then rejected
cat >"$WORK/twins.jsonl" <<'EOF_JSON'
{"direction":"entry","bcp":"NBO","crossed_at":"2026-11-10T10:00:00Z","decision":"admitted","permitted_days":30,"traveller":{"surname":"OTIENO","given_names":"BRIAN","birth":"1999-09-09","sex":"M","nationality":"UGA"},"document":{"issuing_state":"UGA","number":"B1111111"}}
{"direction":"entry","bcp":"NBO","crossed_at":"2026-11-10T10:05:00Z","decision":"admitted","permitted_days":30,"traveller":{"surname":"OTIENO","given_names":"KEVIN","birth":"1999-09-09","sex":"M","nationality":"UGA"},"document":{"issuing_state":"UGA","number":"B2222222"}}
EOF_JSON
run --in "$WORK/twins.jsonl" "$BMIS" movement record --store "$S" --json
expect_status 0
expect_out '"review_link_id"'
run "$BMIS" identity review --store "$S" --json
summary
# The specimen ERIKSSON of UTO resembles the GBR one (another nationality):
# flagged too, never merged.
[ "$(wc -l <"$SUMMARY")" -eq 2 ] || fail "two links to review expected"
expect_summary 1 status=pending
expect_summary 2 status=pending
grep -q 'nationality differs' "$OUT" || fail "the reasons should say what differs"
LINK=$(grep 'given names differ' "$OUT" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
[ -n "$LINK" ] || fail "no link for the twins"
run "$BMIS" identity review confirm "$LINK" --store "$S"
expect_status 2
expect_err 'reason'
run "$BMIS" identity review confirm "$LINK" --reason "same person" --by sup --store "$S"
expect_status 0
expect_out 'confirmed'
run "$BMIS" identity review --store "$S"
[ "$(count_out pending)" -eq 1 ] || fail "one link left to review"
run "$BMIS" traveller show --document UGA:B2222222 --store "$S" --json
expect_out '"travellers":\[\{[^]]*\},\{'
run "$BMIS" identity review reject "$LINK" --reason "twins after all" --by sup --store "$S"
expect_status 0
expect_out 'rejected'
run "$BMIS" traveller show --document UGA:B2222222 --store "$S" --json
expect_no_out '"travellers":\[\{[^]]*\},\{'

# --- backup and restore
run "$BMIS" db backup "$WORK/backup.db" --store "$S"
expect_status 0
run "$BMIS" db info --store "$WORK/backup.db" --json
expect_out '"movements":7'
cp "$S" "$WORK/scratch.db"
run "$BMIS" movement record --store "$S" --mrz "$MRZ" --direction exit --bcp NBO --at 2026-11-25T10:00:00Z
expect_status 0
run "$BMIS" db restore "$WORK/backup.db" --store "$S"
expect_status 0
run "$BMIS" db info --store "$S" --json
expect_out '"movements":7'
run "$BMIS" db restore "$WORK/bulk.jsonl" --store "$S"
expect_status 2
expect_err 'not an OpenBMIS SQLite backup'
run "$BMIS" db backup --store "$S"
expect_status 2

# --- demo data: deterministic, idempotent, options checked
D=$WORK/demo.db
run "$BMIS" demo generate --travellers 60 --movements 400 --seed 3 --quiet --store "$D"
expect_status 0
run "$BMIS" db info --store "$D" --json
expect_out '"movements":400'
expect_out '"state":"UTO"'
run "$BMIS" movement list --store "$D" --json
cp "$OUT" "$WORK/demo-1.jsonl"
run "$BMIS" demo generate --travellers 60 --movements 400 --seed 3 --quiet --store "$D"
expect_status 0
run "$BMIS" db info --store "$D" --json
expect_out '"movements":400'
run "$BMIS" demo generate --travellers 60 --movements 400 --seed 3 --quiet --store "$WORK/demo2.db"
run "$BMIS" movement list --store "$WORK/demo2.db" --json
# The same seed gives the same movements, ids included (traveller and
# document ids are the register's own).
sed 's/"traveller_id":"[^"]*","document_id":"[^"]*",//' "$WORK/demo-1.jsonl" >"$WORK/a"
sed 's/"traveller_id":"[^"]*","document_id":"[^"]*",//' "$OUT" >"$WORK/b"
cmp -s "$WORK/a" "$WORK/b" || fail "the same seed gave different movements"
run "$BMIS" demo generate --travellers 0 --movements 10 --store "$D"
expect_status 2
expect_err 'travellers'
run "$BMIS" demo generate --travellers 10 --movements 10 --until 2026-02-30 --store "$D"
expect_status 2
expect_err 'until'

# --- the default store: $BMIS_STORE, else XDG_DATA_HOME
run env -u BMIS_STORE XDG_DATA_HOME="$WORK/xdg" "$BMIS" db init
expect_status 0
[ -f "$WORK/xdg/openbmis/bmis.db" ] || fail "default store not under XDG_DATA_HOME"
run "$BMIS" db --help
expect_out 'XDG_DATA_HOME/openbmis/bmis.db'

done_ok
