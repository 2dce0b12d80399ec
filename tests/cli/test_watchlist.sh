#!/usr/bin/env bash
# `bmis watchlist` end to end on a SQLite store: the UN list of 2020 and then
# the one of 2026 imported as versions of one list (the change report's
# counts), a malformed file refused with its position while the old version
# stays in force, the national CSV layout, list/show/remove/threshold, and
# usage errors.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

DATA=$(cd "$(dirname "$0")/../data/watchlists" && pwd)
UN2020=$DATA/un_consolidated_2020-03-20.xml
UN2026=$DATA/un_consolidated_2026-05-08.xml
CSV=$DATA/national_sample.csv
S=$WORK/wl.db
export BMIS_STORE=$WORK/unused-default.db # --store always wins below

# --- usage
run "$BMIS" watchlist --help
expect_status 0
expect_out '^usage: bmis watchlist import NAME FILE --category C'
run "$BMIS" watchlist
expect_status 2
expect_err 'expected import, list, show, remove, threshold or confirm-at'
run "$BMIS" watchlist import un "$UN2020" --store "$S"
expect_status 2
expect_err 'import: --category is required'
run "$BMIS" watchlist import un "$UN2020" --category embargo --store "$S"
expect_status 2
expect_err "--category: 'embargo' is not sanctions"
run "$BMIS" watchlist import un "$UN2020" --category sanctions --action arrest --store "$S"
expect_status 2
expect_err "--action: 'arrest' is not refer, notify or protect"
run "$BMIS" watchlist import un "$WORK/list.txt" --category sanctions --store "$S"
expect_status 2
expect_err 'cannot tell the format of .*list.txt from its name: give --format'
run "$BMIS" watchlist import un "$UN2020" --category sanctions --format xls --store "$S"
expect_status 2
expect_err "--format: 'xls' is not un-xml, csv or jsonl"
run "$BMIS" watchlist import un "$WORK/missing.xml" --category sanctions --store "$S"
expect_status 2
expect_err 'cannot read .*missing.xml'
run "$BMIS" watchlist list --category sanctions --store "$S"
expect_status 2
expect_err 'go with import'
run "$BMIS" watchlist threshold un --store "$S"
expect_status 2
expect_err 'threshold: NAME and X are needed'

# --- the UN list, 2020 then 2026
run "$BMIS" watchlist import un "$UN2020" --category sanctions --store "$S"
expect_status 0
expect_out '^watchlist un imported: version 2020-03-20T19:09:21.822-04:00, 709 persons, 0 documents$'
expect_out '^  added 709, removed 0, changed 0, unchanged 0$'
expect_out '^  added: CDi.001 CDi.002 .* CDi.020 \.\.\. and 689 more$'
run "$BMIS" watchlist list --store "$S"
expect_status 0
expect_out '^un +sanctions +refer +709 persons +0 documents  threshold 0.80 \(default\)  confirm at 0.90 \(default\)  loaded [0-9T:-]+Z  version 2020-03-20T19:09:21.822-04:00$'

run "$BMIS" watchlist import un "$UN2026" --category sanctions --json --store "$S"
expect_status 0
summary
expect_summary 1 list=un version=2026-05-08T23:00:06.922Z persons=737 \
  documents=0 added=80 removed=52 changed=519 unchanged=138 \
  'added_refs=[20]' 'removed_refs=[20]' 'changed_refs=[20]'
grep -q '"removed_refs":\["IQi.008","IQi.010",' "$OUT" || fail "removed refs"

# The same file again changes nothing.
run "$BMIS" watchlist import un "$UN2026" --category sanctions --store "$S"
expect_status 0
expect_out '^  added 0, removed 0, changed 0, unchanged 737$'
expect_no_out 'added:'

# A malformed file is refused with its position; the list keeps its version.
head -c 1095229 "$UN2026" >"$WORK/cut.xml"
run "$BMIS" watchlist import un "$WORK/cut.xml" --category sanctions --store "$S"
expect_status 2
expect_err '^bmis: .*cut.xml: line 27318, column 20: Premature end of data'
expect_out_empty
sed 's/<DATE>1973-03-06</<DATE>1973-02-30</' "$UN2026" >"$WORK/bad-date.xml"
run "$BMIS" watchlist import un "$WORK/bad-date.xml" --category sanctions --store "$S"
expect_status 2
expect_err "line [0-9]+: DATE '1973-02-30' is not a date"
printf '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<CONSOLIDATED_LIST/>\n' >"$WORK/xxe.xml"
run "$BMIS" watchlist import un "$WORK/xxe.xml" --category sanctions --store "$S"
expect_status 2
expect_err 'line 2: DOCTYPE is not allowed'
run "$BMIS" watchlist list --json --store "$S"
expect_status 0
summary
expect_summary 1 name=un version=2026-05-08T23:00:06.922Z persons=737 \
  category=sanctions action=refer source=un_consolidated_2026-05-08.xml \
  threshold=0.8 threshold_is_default=true

# --- show
run "$BMIS" watchlist show un --store "$S"
expect_status 0
expect_out '^  version    2026-05-08T23:00:06.922Z$'
expect_out '^  entries    737 persons, 0 documents$'
run "$BMIS" watchlist show un QDi.335 --store "$S"
expect_status 0
expect_out '^QDi.335 \(person\) in watchlist un$'
expect_out '^  name         ‘ABD AL-RAHMAN KHALAF ‘UBAYD JUDAY’ AL-‘ANIZI \(primary\)$'
expect_out '^  name         Abu Usama \(weak\)$'
expect_out '^  born         1973-03-06$'
expect_out '^  nationality  KWT$'
expect_out '^  document     national_id KWT 273030601222$'
expect_out '^  remarks      UN Al-Qaida list, listed on 2014-09-23\. '
[ "$(count_out '^  name ')" -eq 8 ] || fail "QDi.335 has 8 names"
run "$BMIS" watchlist show un QDi.299 --store "$S"
expect_status 0
expect_out '\(strong, original script\)$'
expect_out '^  name         Abu Bakr al-Baghdadi \(weak\)$'
run "$BMIS" watchlist show un SDi.007 --json --store "$S"
expect_status 0
summary
expect_summary 1 list=un kind=person ref=SDi.007 'names=[2]' 'births=[0]' \
  'nationalities=[1]'
grep -q '"names":\[{"text":"GEDO HAMDAN AHMED","quality":"primary","original_script":false},{"text":"ABU NASHUK","quality":"strong"' "$OUT" ||
  fail "SDi.007 names"
run "$BMIS" watchlist show un XXi.999 --store "$S"
expect_status 1
expect_err "no entry 'XXi.999' in watchlist 'un'"
run "$BMIS" watchlist show nolist --store "$S"
expect_status 1

# --- a national list (CSV), a protection alert, thresholds
run "$BMIS" watchlist import national "$CSV" --category wanted --version 2026-11 --source "National police" --threshold 0.9 --store "$S"
expect_status 0
expect_out '^watchlist national imported: version 2026-11, 3 persons, 2 documents$'
expect_out '^  added: DOC-0001 DOC-0002 NAT-0001 NAT-0002 NAT-0003$'
run "$BMIS" watchlist show national NAT-0001 --store "$S"
expect_status 0
expect_out '^  name         Иван Петрович Сидоров \(strong, original script\)$'
expect_out '^  born         ~1962$'
expect_out '^  document     passport RUS 720000001$'
run "$BMIS" watchlist show national DOC-0001 --json --store "$S"
expect_status 0
summary
expect_summary 1 kind=document ref=DOC-0001 state=KEN number=AK0012345 \
  status=stolen reported=2025-11-02
printf 'kind,ref,name\nperson,P1,X\nperson,P1,Y\n' >"$WORK/dup.csv"
run "$BMIS" watchlist import national "$WORK/dup.csv" --category wanted --store "$S"
expect_status 2
expect_err "dup.csv: line 3, column ref: reference 'P1' appears twice in the list"
# Issue 12, defect 14: an entry no traveller could ever match is refused
# (line and entry named), and the list in force stays as it was.
printf '{"kind":"list","version":"dp"}\n{"kind":"person","ref":"DP-0","names":[{"text":"Jo Doe","quality":"primary"}]}\n{"kind":"person","ref":"DP-1"}\n' >"$WORK/noname.jsonl"
run "$BMIS" watchlist import national "$WORK/noname.jsonl" --category wanted --store "$S"
expect_status 2
expect_err "noname.jsonl: line 3: person 'DP-1' has no name; it could never be screened"
expect_out_empty
printf 'kind,ref,name\nperson,P1,"-- ?"\n' >"$WORK/marks.csv"
run "$BMIS" watchlist import national "$WORK/marks.csv" --category wanted --store "$S"
expect_status 2
expect_err "marks.csv: line 2, column name: person 'P1' has no name that can be screened"
printf 'kind,ref,doc_state,doc_number,doc_status\ndocument,D1,KEN,"- -",lost\n' >"$WORK/nonumber.csv"
run "$BMIS" watchlist import national "$WORK/nonumber.csv" --category wanted --store "$S"
expect_status 2
expect_err "nonumber.csv: line 2, column doc_number: '- -' has no letter or digit"
run "$BMIS" watchlist import national "$CSV" --category wanted --version "$(printf '2026-12\303')" --store "$S"
expect_status 2
expect_err '^bmis: --version: not valid UTF-8 at byte 8$'
run "$BMIS" watchlist show national --store "$S"
expect_status 0
expect_out '^  version    2026-11$'
expect_out '^  entries    3 persons, 2 documents$'
printf 'kind,ref,name\nperson,P1,X\n' >"$WORK/prot.csv"
run "$BMIS" watchlist import prot "$WORK/prot.csv" --category protection_alert --action refer --store "$S"
expect_status 2
expect_err "protection alert calls for 'protect'"
run --in "$WORK/prot.csv" "$BMIS" watchlist import prot - --format csv --category protection_alert --store "$S"
expect_status 0
expect_out 'added 1, removed 0'
run "$BMIS" watchlist list --store "$S"
expect_status 0
[ "$(count_out '.')" -eq 3 ] || fail "three lists"
expect_out '^national +wanted +refer +3 persons +2 documents  threshold 0.90  '
expect_out '^prot +protection_alert +protect +1 persons'
run "$BMIS" watchlist threshold national 0.75 --store "$S"
expect_status 0
expect_out 'threshold 0.75'
run "$BMIS" watchlist threshold national 1.5 --store "$S"
expect_status 2
run "$BMIS" watchlist threshold national 0 --store "$S"
expect_status 0
expect_out 'threshold 0.80 \(default\)'
run "$BMIS" watchlist threshold nolist 0.5 --store "$S"
expect_status 1
# confirm-at: dismissals of a wanted list's hits at or above it need a
# second person; shown by list and show
run "$BMIS" watchlist confirm-at national 0.95 --store "$S"
expect_status 0
expect_out '^watchlist national: confirm at 0.95$'
run "$BMIS" watchlist list --store "$S"
expect_out '^national +wanted .* confirm at 0.95  loaded'
run "$BMIS" watchlist show national --store "$S"
expect_out '^  confirm at 0.95 \(dismissals'
run "$BMIS" watchlist list --json --store "$S"
expect_out '"confirm_at":0.95,"confirm_at_is_default":false'
run "$BMIS" watchlist confirm-at national 1.5 --store "$S"
expect_status 2
expect_err "confirm-at: '1.5' is not a number from 0 to 1"
run "$BMIS" watchlist confirm-at national --store "$S"
expect_status 2
expect_err 'confirm-at: NAME and X are needed'
run "$BMIS" watchlist confirm-at national 0 --store "$S"
expect_status 0
expect_out 'confirm at 0.90 \(default\)'
run "$BMIS" watchlist confirm-at nolist 0.5 --store "$S"
expect_status 1
expect_err "no watchlist 'nolist'"

# --- remove
run "$BMIS" watchlist remove national --store "$S"
expect_status 0
expect_out '^watchlist national removed$'
run "$BMIS" watchlist remove national --store "$S"
expect_status 1
expect_err "no watchlist 'national'"
run "$BMIS" watchlist list --store "$S"
expect_status 0
[ "$(count_out '.')" -eq 2 ] || fail "two lists left"
expect_no_out '^national '

done_ok
