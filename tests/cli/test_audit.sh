#!/usr/bin/env bash
# `bmis audit verify|list`, and the entries the other commands leave: every
# command that reads or writes personal data appends one (the OS user, role
# os-user, channel cli) naming what it touched, never a name; a chain
# tampered with is reported where; an access that cannot be audited is not
# done (nothing printed, nothing written).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

DATA=$(cd "$(dirname "$0")/../data/watchlists" && pwd)
S=$WORK/audit.db
export BMIS_STORE=$WORK/unused-default.db # --store always wins below
ME=$(id -un 2>/dev/null || echo "uid:$(id -u)")

# expect_entry ACTION RECORD: the log's newest entry is this access.
expect_entry() {
  run "$BMIS" audit list --json --store "${AS:-$S}"
  expect_status 0
  summary
  local n
  n=$(wc -l <"$SUMMARY")
  [ "$n" -gt 0 ] || fail "the audit log is empty"
  expect_summary "$n" "action=$1" "record=$2" "actor=$ME" role=os-user \
    channel=cli outcome=ok
}

# entries ACTION: how many entries have this action.
entries() {
  "$BMIS" audit list --json --store "${AS:-$S}" | grep -c "\"action\":\"$1\"" || true
}

# --- usage
run "$BMIS" --help
expect_status 0
expect_out '^  audit +verify and list the audit log$'
run "$BMIS" audit --help
expect_status 0
expect_out '^usage: bmis audit verify \[--anchors FILE \[--pubkey KEY.pub\]\] \[--json\]$'
run "$BMIS" audit
expect_status 2
expect_err 'expected verify, list, keygen or anchor'
run "$BMIS" audit frob --store "$S"
expect_status 2
expect_err "'frob' is not verify, list, keygen or anchor"
run "$BMIS" audit verify --actor x --store "$S"
expect_status 2
expect_err '--actor, --record, --after and --limit go with list'
run "$BMIS" audit list --limit 0 --store "$S"
expect_status 2
run "$BMIS" audit list --record "$(printf 'x%.0s' {1..97})" --store "$S"
expect_status 2
expect_err '--record: longer than 96 bytes'
run "$BMIS" audit verify --store "$S"
expect_status 1
expect_err 'no store at'

# --- an empty log holds
run "$BMIS" db init --store "$S" --state KEN
expect_status 0
run "$BMIS" bcp add NBO --name Nairobi --kind air --tz Africa/Nairobi --store "$S"
expect_status 0
run "$BMIS" audit verify --store "$S"
expect_status 0
expect_out '^the audit log holds: 0 entries, chained$'

# --- movements
MRZ=$("$BMIS" doc make --type TD3 --surname Eriksson --given "Anna Maria" \
  --number L898902C3 --nationality GBR --birth 1974-08-12 --sex F \
  --expiry 2032-04-15)
run "$BMIS" movement record --store "$S" --mrz "$MRZ" --direction entry \
  --bcp NBO --at 2026-10-01T21:30:00Z --permitted-days 30 --json
expect_status 0
MID=$(sed -n 's/.*"movement_id":"\([^"]*\)".*/\1/p' "$OUT")
PID=$(sed -n 's/.*"person_id":"\([^"]*\)".*/\1/p' "$OUT")
TID=$(sed -n 's/.*"traveller_id":"\([^"]*\)".*/\1/p' "$OUT")
[ -n "$MID" ] && [ -n "$PID" ] || fail "no movement id"
expect_entry movement.record "movement:$MID"

cat >"$WORK/two.jsonl" <<'EOF_JSON'
{"id":"01a21000-0000-7000-8000-000000000001","direction":"entry","bcp":"NBO","crossed_at":"2026-11-10T10:00:00Z","decision":"admitted","permitted_days":30,"traveller":{"surname":"OTIENO","given_names":"BRIAN","birth":"1999-09-09","sex":"M","nationality":"UGA"},"document":{"issuing_state":"UGA","number":"B1111111"}}
{"direction":"entry","bcp":"NOPE","crossed_at":"2026-11-10T10:01:00Z","traveller":{"surname":"X","given_names":"Y","birth":"1999-09-09","sex":"M","nationality":"UGA"},"document":{"issuing_state":"UGA","number":"B3"}}
{"id":"01a21000-0000-7000-8000-000000000003","direction":"entry","bcp":"NBO","crossed_at":"2026-11-10T10:05:00Z","decision":"admitted","permitted_days":30,"traveller":{"surname":"OTIENO","given_names":"KEVIN","birth":"1999-09-09","sex":"M","nationality":"UGA"},"document":{"issuing_state":"UGA","number":"B2222222"}}
EOF_JSON
for batch in 1 1000; do
  AS=$WORK/batch$batch.db
  run "$BMIS" db init --store "$AS" --state KEN
  run "$BMIS" bcp add NBO --name Nairobi --kind air --tz Africa/Nairobi --store "$AS"
  run --in "$WORK/two.jsonl" "$BMIS" movement record --store "$AS" --batch $batch --json
  expect_status 1
  M3=$(sed -n '3s/.*"movement_id":"\([^"]*\)".*/\1/p' "$OUT")
  [ "$(entries movement.record)" -eq 2 ] || fail "one entry per crossing recorded (--batch $batch)"
  expect_entry movement.record "movement:$M3"
  unset AS
done
# the same crossings again: duplicates, audited as such
run --in "$WORK/two.jsonl" "$BMIS" movement record --store "$S" --json
run --in "$WORK/two.jsonl" "$BMIS" movement record --store "$S" --json
expect_out '"status":"duplicate"'
run "$BMIS" audit list --json --store "$S" --limit 1 --after 3
expect_out '"action":"movement.record".*"detail":"duplicate"'

run "$BMIS" movement list --bcp NBO --from 2026-10-01 --store "$S"
expect_status 0
expect_entry movement.list "bcp:NBO from:2026-10-01"
run "$BMIS" movement list --store "$S" --json
expect_status 0
expect_entry movement.list all
run "$BMIS" movement show "$MID" --store "$S"
expect_status 0
expect_entry movement.read "movement:$MID"
run "$BMIS" movement decide "$MID" --decision admitted --permitted-days 20 --store "$S"
expect_status 0
expect_entry movement.decide "movement:$MID"
run "$BMIS" movement correct "$MID" --set '{"carrier":"KQ"}' --reason typo --store "$S"
expect_status 0
expect_entry movement.correct "movement:$MID"
run "$BMIS" movement decide "$MID" --decision nonsense --store "$S"
expect_status 2
expect_entry movement.correct "movement:$MID" # a refused change leaves none

# --- travellers, overstays, identity review
run "$BMIS" traveller show --document gbr:L898902C3 --as-of 2026-11-26 --store "$S"
expect_status 0
expect_entry traveller.read "person:$PID"
run "$BMIS" traveller show --id "$TID" --store "$S" --json
expect_status 0
expect_entry traveller.read "traveller:$TID"
run "$BMIS" overstay list --as-of 2026-11-26 --store "$S"
expect_status 0
expect_entry overstay.list "as-of:2026-11-26"
run "$BMIS" identity review --store "$S" --json
expect_status 0
LINK=$(grep 'given names differ' "$OUT" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
expect_entry identity.list links:pending
[ -n "$LINK" ] || fail "no link to review"
run "$BMIS" identity review confirm "$LINK" --reason "same person" --store "$S"
expect_status 0
expect_entry identity.confirm "link:$LINK"
run "$BMIS" identity review reject "$LINK" --reason "twins" --store "$S"
expect_status 0
expect_entry identity.reject "link:$LINK"
run "$BMIS" identity review --all --store "$S"
expect_entry identity.list links:all
run "$BMIS" movement void "$MID" --reason "recorded twice" --store "$S"
expect_status 0
expect_entry movement.void "movement:$MID"

# --- screening: the document, or "query"; never the name
run "$BMIS" watchlist import lost "$DATA/lost_stolen_sample.csv" --category lost_stolen_documents --version 2026-11 --store "$S"
expect_status 0
run "$BMIS" screen --doc-state KEN --doc-number AK0012345 --store "$S"
expect_status 0
expect_entry screen.person document:KEN:AK0012345
run "$BMIS" screen --name "Zacharias Wolkenkratzer" --store "$S"
expect_status 0
expect_entry screen.person query
grep -qi wolkenkratzer "$S"* && fail "the name screened is in the store"
printf '%s\n' '{"name":"Zacharias Wolkenkratzer"}' '{"doc_state":"UGA","doc_number":"B1234567"}' >"$WORK/screen.jsonl"
run "$BMIS" screen --batch "$WORK/screen.jsonl" --store "$S" --json
expect_status 0
expect_entry screen.person document:UGA:B1234567
run "$BMIS" screen dispose --list lost --ref LSD-0001 --decision dismissed --reason "not this one" --doc-state KEN --doc-number AK0012345 --store "$S"
expect_status 0
expect_entry screen.dispose document:KEN:AK0012345

# --- accounts
put pw 'correct horse battery staple'
run --in "$WORK/pw" "$BMIS" user add amina --role officer --name "Amina D" --bcp NBO --store "$S"
expect_status 0
expect_entry account.add account:amina
run --in "$WORK/pw" "$BMIS" user passwd amina --store "$S"
expect_status 0
expect_entry account.passwd account:amina
run "$BMIS" user disable amina --store "$S"
expect_status 0
expect_entry account.disable account:amina
run "$BMIS" user enable amina --store "$S"
expect_status 0
expect_entry account.enable account:amina
run "$BMIS" user disable nobody --store "$S"
expect_status 1
expect_entry account.enable account:amina # nothing done, nothing logged

# --- listing filters
run "$BMIS" audit list --record account:amina --store "$S"
expect_status 0
[ "$(count_out .)" -eq 4 ] || fail "four entries for account:amina"
expect_out "^[0-9]+ [0-9T:Z-]+ $ME \(os-user, cli\) account.add account:amina: ok$"
run "$BMIS" audit list --actor "$ME" --after 2 --limit 3 --json --store "$S"
summary
[ "$(wc -l <"$SUMMARY")" -eq 3 ] || fail "--limit 3"
expect_summary 1 seq=3
run "$BMIS" audit list --actor nobody --store "$S"
expect_status 0
expect_out_empty

# --- data minimisation: old inspections emptied, and said so in the log
run "$BMIS" db purge-inspections --store "$S"
expect_status 2
expect_err 'older-than DAYS is missing'
run "$BMIS" db purge-inspections --older-than 0 --store "$S"
expect_status 2
run "$BMIS" db info --older-than 30 --store "$S"
expect_status 2
run "$BMIS" db purge-inspections --older-than 30 --store "$S"
expect_status 0
expect_out '^emptied 0 inspections decided more than 30 days ago$'
expect_entry inspection.purge inspections

# --- backup and restore
run "$BMIS" db backup "$WORK/backup.db" --store "$S"
expect_status 0
expect_entry store.backup store
AS=$WORK/backup.db expect_entry store.backup store # the copy holds its entry
run "$BMIS" db restore "$WORK/backup.db" --store "$S"
expect_status 0
expect_entry store.restore store
run "$BMIS" audit verify --json --store "$S"
expect_status 0
summary
expect_summary 1 ok=true bad_seq=0

# --- demo data: one entry
run "$BMIS" demo generate --travellers 5 --movements 10 --quiet --store "$WORK/demo.db"
expect_status 0
AS=$WORK/demo.db expect_entry demo.generate demo
[ "$("$BMIS" audit list --store "$WORK/demo.db" | wc -l)" -eq 1 ] ||
  fail "one entry for demo generate"

run "$BMIS" audit verify --store "$S"
expect_status 0
expect_out '^the audit log holds: [0-9]+ entries, chained$'

# --- tampering and unauditable access (needs the sqlite3 shell)
if command -v sqlite3 >/dev/null; then
  T=$WORK/tamper.db
  cp "$S" "$T"
  sqlite3 "$T" "UPDATE audit_log SET record = 'movement:forged' WHERE seq = 3"
  run "$BMIS" audit verify --store "$T"
  expect_status 1
  expect_out '^the audit log is broken at entry 3: entry 3: hash does not match its content \(edited\) \(2 entries before it hold\)$'
  cp "$S" "$T"
  sqlite3 "$T" "DELETE FROM audit_log WHERE seq = 4"
  run "$BMIS" audit verify --json --store "$T"
  expect_status 1
  summary
  expect_summary 1 ok=false bad_seq=4 entries=3 "problem=entry 4 missing (deleted)"

  # without a head the log takes no entries: nothing is done
  cp "$S" "$T"
  sqlite3 "$T" "DELETE FROM audit_head"
  run "$BMIS" movement list --store "$T"
  expect_status 3
  expect_out_empty
  expect_err 'not done: the access could not be audited: the audit log.s head row is missing'
  run "$BMIS" traveller show --id "$TID" --store "$T"
  expect_status 3
  expect_out_empty
  run "$BMIS" screen --doc-state KEN --doc-number AK0012345 --store "$T"
  expect_status 3
  expect_out_empty
  BEFORE=$(sqlite3 "$T" "SELECT count(*) FROM movement")
  run "$BMIS" movement record --store "$T" --mrz "$MRZ" --direction exit \
    --bcp NBO --at 2026-11-25T10:00:00Z
  expect_status 3
  run --in "$WORK/two.jsonl" "$BMIS" movement record --store "$T" --batch 1
  expect_status 3
  [ "$(sqlite3 "$T" "SELECT count(*) FROM movement")" -eq "$BEFORE" ] ||
    fail "a crossing was recorded without its audit entry"
  run "$BMIS" user disable amina --store "$T"
  expect_status 3
  [ "$(sqlite3 "$T" "SELECT disabled FROM account WHERE username = 'amina'")" -eq 0 ] ||
    fail "an account was changed without its audit entry"
  run "$BMIS" db backup "$WORK/unaudited.db" --store "$T"
  expect_status 3
  [ ! -e "$WORK/unaudited.db" ] || fail "a backup was made without its audit entry"
fi

# --- anchors (issue 12, defect 10): the chain rewritten whole
K=$WORK/anchor.key
A=$WORK/anchors.txt
run "$BMIS" audit keygen
expect_status 2
expect_err 'keygen: --out KEY is required'
run "$BMIS" audit anchor --key "$K" --store "$S"
expect_status 2
expect_err 'anchor: --key KEY and --anchors FILE are required'
run "$BMIS" audit verify --pubkey "$K.pub" --store "$S"
expect_status 2
expect_err '--pubkey needs --anchors FILE'
run "$BMIS" audit list --key "$K" --store "$S"
expect_status 2
expect_err '--key goes with anchor'
run "$BMIS" audit keygen --out "$K"
expect_status 0
expect_out "^key .*anchor.key \(private, mode 0600\) and .*anchor.key.pub: fingerprint [0-9a-f]{64}\$"
FP=$(sed 's/.*fingerprint //' "$OUT")
[ "$(stat -c %a "$K")" = 600 ] || fail "the private key is not mode 0600"
[ -s "$K.pub" ] || fail "no public key"
run "$BMIS" audit keygen --out "$K"
expect_status 1
expect_err 'anchor.key exists already: not overwritten'

R=$WORK/rewrite.db
cp "$S" "$R"
run "$BMIS" audit anchor --key "$K" --anchors "$A" --store "$R"
expect_status 0
expect_out '^anchored entry [0-9]+ \(hash [0-9a-f]{16}…\) at [0-9T:-]+Z in .*anchors.txt$'
run "$BMIS" movement list --store "$R"
expect_status 0
run "$BMIS" audit anchor --key "$K" --anchors "$A" --json --store "$R"
expect_status 0
summary
expect_summary 1 "key=$FP"
[ "$(wc -l <"$A")" -eq 2 ] || fail "two anchor lines"
grep -Eq '^bmis-anchor-1 seq=[0-9]+ hash=[0-9a-f]{64} at=[0-9T:-]+Z key=[0-9a-f]{64} pub=[0-9a-f]{64} sig=[0-9a-f]{128}$' "$A" ||
  fail "anchor lines: $(cat "$A")"
run "$BMIS" audit verify --anchors "$A" --pubkey "$K.pub" --store "$R"
expect_status 0
expect_out "^the audit log holds: [0-9]+ entries, chained; 2 anchors up to entry [0-9]+ hold, signed by key $FP \(the key given\)\$"
run "$BMIS" audit verify --anchors "$A" --store "$R"
expect_status 0
expect_out 'compare it with yours, or give --pubkey'

# The attacker rewrites entry 2 and recomputes every hash and the head:
# the chain alone holds, the anchors do not, naming the line.
"$TOOL" audit-rewrite "$R" 2 "nothing to see"
run "$BMIS" audit verify --store "$R"
expect_status 0
expect_out '^the audit log holds'
run "$BMIS" audit verify --anchors "$A" --pubkey "$K.pub" --store "$R"
expect_status 1
expect_out '^the audit log does not hold against .*anchors.txt: line 1: entry [0-9]+ no longer has the hash anchored at [0-9T:-]+Z: the log was rewritten since$'
run "$BMIS" audit verify --anchors "$A" --json --store "$R"
expect_status 1
summary
expect_summary 1 ok=false bad_line=1 chain_ok=true

# A forged anchor line (the signature does not match what it says).
cp "$S" "$R"
cp "$A" "$WORK/good-anchors.txt"
: >"$A"
run "$BMIS" audit anchor --key "$K" --anchors "$A" --store "$R"
expect_status 0
sed -E 's/ seq=([0-9]+) / seq=1\1 /' "$A" >"$WORK/forged.txt"
run "$BMIS" audit verify --anchors "$WORK/forged.txt" --store "$R"
expect_status 1
expect_out 'line 1: the signature does not verify: the anchor was forged or altered$'
run "$BMIS" audit verify --anchors "$WORK/missing.txt" --store "$R"
expect_status 2
expect_err 'cannot read .*missing.txt'

# A truncated log, head and all made consistent: the anchored entry is gone.
N=$(sed -E 's/.* seq=([0-9]+) .*/\1/' "$A")
"$TOOL" audit-cut "$R" $((N - 2))
run "$BMIS" audit verify --store "$R"
expect_status 0
run "$BMIS" audit verify --anchors "$A" --store "$R"
expect_status 1
expect_out "line 1: entry $N, anchored at [0-9T:-]+Z, is gone: the log was cut or entries removed since\$"

# Another key's anchors are not these; a private key others can read is
# refused.
run "$BMIS" audit keygen --out "$WORK/other.key"
expect_status 0
run "$BMIS" audit verify --anchors "$A" --pubkey "$WORK/other.key.pub" --store "$S"
expect_status 1
expect_out 'line 1: signed with key [0-9a-f]{16}…, not with the key given'
chmod 644 "$K"
run "$BMIS" audit anchor --key "$K" --anchors "$A" --store "$S"
expect_status 1
expect_err 'can be read by others \(mode 644\): a private key must be mode 0600'
chmod 600 "$K"

# --- the server anchors at start, on a schedule and at stop
run "$BMIS" serve --anchor-key "$K" --store "$S"
expect_status 2
expect_err '--anchor-key and --anchors go together'
run "$BMIS" serve --anchor-every 5 --store "$S"
expect_status 2
expect_err '--anchor-every needs --anchor-key and --anchors'
run "$BMIS" serve --anchor-key "$K" --anchors "$WORK/served.txt" --anchor-every 0 --store "$S"
expect_status 2
run "$BMIS" serve --anchor-key "$WORK/other.key.pub" --anchors "$WORK/served.txt" --listen 127.0.0.1:0 --store "$S"
expect_status 1
expect_err 'can be read by others|not an Ed25519 private key'
[ ! -e "$WORK/served.txt" ] || fail "anchored with a bad key"
"$BMIS" serve --listen 127.0.0.1:0 --anchor-key "$K" --anchors "$WORK/served.txt" \
  --anchor-every 60 --store "$S" >"$WORK/served.out" 2>"$WORK/served.err" &
PID=$!
for _ in $(seq 1 100); do
  grep -q '^bmis: serving' "$WORK/served.out" && break
  sleep 0.1
done
grep -q 'bmis: audit log anchored at entry [0-9]* in .*served.txt' "$WORK/served.err" ||
  { kill "$PID"; cat "$WORK/served.err" >&2; fail "no anchor at start"; }
[ "$(wc -l <"$WORK/served.txt")" -eq 1 ] || { kill "$PID"; fail "one anchor at start"; }
kill -TERM "$PID"
STATUS=0
wait "$PID" || STATUS=$?
[ "$STATUS" -eq 0 ] || fail "exit status $STATUS after SIGTERM"
[ "$(wc -l <"$WORK/served.txt")" -eq 2 ] || fail "one more anchor at stop"
CHECKS=$((CHECKS + 1))
run "$BMIS" audit verify --anchors "$WORK/served.txt" --pubkey "$K.pub" --store "$S"
expect_status 0
expect_out 'the audit log holds: [0-9]+ entries, chained; 2 anchors'
done_ok
