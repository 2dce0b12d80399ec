#!/usr/bin/env bash
# `bmis user`: accounts from the command line. The password comes on
# standard input and never appears in the store; usage errors, a taken
# username, a short password, disable/enable and the listing (text, JSON);
# the crossing points an account may work at (--bcps, checked against the
# configured ones), `user set`, and the sessions a new password, a disable,
# a new role or new crossing points end (and enable does not revive).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

S=$WORK/users.db
export BMIS_STORE=$WORK/unused-default.db # --store always wins below
put pw 'correct horse battery staple'
put short 'horse'
"$BMIS" db init --state KEN --store "$S" >/dev/null
for code in NBO MBA; do
  "$BMIS" bcp add "$code" --name "$code" --kind air --tz Africa/Nairobi \
    --store "$S" >/dev/null
done

run "$BMIS" user --help
expect_status 0
expect_out '^usage: bmis user add USERNAME --role ROLE'
run "$BMIS" user
expect_status 2
expect_err 'expected add, set, passwd, disable, enable or list'
run --in "$WORK/pw" "$BMIS" user add amina --store "$S"
expect_status 2
expect_err 'add: --role and --name are needed'
run --in "$WORK/pw" "$BMIS" user add amina --role king --name A --store "$S"
expect_status 2
expect_err "--role: 'king' is not officer, supervisor, analyst or administrator"
run "$BMIS" user add amina --role officer --name A --store "$S"
expect_status 2
expect_err 'no password on standard input'
run --in "$WORK/short" "$BMIS" user add amina --role officer --name A --store "$S"
expect_status 2
expect_err 'password: at least 12 characters'
run --in "$WORK/pw" "$BMIS" user add Amina --role officer --name A --store "$S"
expect_status 2
expect_err "username 'Amina': must start with a letter a-z"
run "$BMIS" user list --role officer --store "$S"
expect_status 2
expect_err '--role, --name, --bcp, --bcps and --default-bcp go with add or set'

run --in "$WORK/pw" "$BMIS" user add amina --role officer --name "Amina Diallo" --bcp NBO --store "$S"
expect_status 0
expect_out '^amina added$'
run --in "$WORK/pw" "$BMIS" user add amina --role supervisor --name Other --bcp NBO --store "$S"
expect_status 1
expect_err "the username 'amina' is taken"
run --in "$WORK/pw" "$BMIS" user add sam --role supervisor --name "Sam Otieno" --store "$S"
expect_status 2
expect_err 'an officer or supervisor works at one crossing point at least'
run --in "$WORK/pw" "$BMIS" user add sam --role supervisor --name "Sam Otieno" --bcps NBO,NOPE --store "$S"
expect_status 2
expect_err "bcps: 'NOPE' is not a configured crossing point"
run --in "$WORK/pw" "$BMIS" user add sam --role supervisor --name "Sam Otieno" --bcps NBO,MBA --bcp MBA --store "$S"
expect_status 0
if grep -aq 'horse' "$S"* 2>/dev/null; then fail "the password is in the store"; fi
CHECKS=$((CHECKS + 1))

run "$BMIS" user list --store "$S"
expect_status 0
expect_out '^amina +officer +active +Amina Diallo  at NBO$'
expect_out '^sam +supervisor +active +Sam Otieno  at MBA  may work at NBO,MBA$'
run "$BMIS" user disable amina --store "$S"
expect_status 0
expect_out '^amina disabled$'
run "$BMIS" user list --json --store "$S"
expect_status 0
expect_out '^\[\{"username":"amina","name":"Amina Diallo","role":"officer","disabled":true,"default_bcp":"NBO","bcps":"NBO",'
run "$BMIS" user enable amina --store "$S"
expect_status 0
run "$BMIS" user disable nobody --store "$S"
expect_status 1
expect_err "no account 'nobody'"
put pw2 'another long passphrase'
run --in "$WORK/pw2" "$BMIS" user passwd amina --store "$S"
expect_status 0
expect_out '^amina has a new password$'
run --in "$WORK/pw2" "$BMIS" user passwd nobody --store "$S"
expect_status 1

# --- user set: role, crossing points, default, name
run "$BMIS" user set sam --store "$S"
expect_status 2
expect_err 'set: nothing to change'
run "$BMIS" user set sam --bcp NBO --store "$S"
expect_status 2
expect_err 'set: the default crossing point is --default-bcp'
run "$BMIS" user set sam --role king --store "$S"
expect_status 2
expect_err "--role: 'king' is not officer"
run "$BMIS" user set sam --bcps NBO --store "$S"
expect_status 2
expect_err "default_bcp 'MBA' is not among the account's crossing points \\(NBO\\)"
run "$BMIS" user set sam --bcps NBO --default-bcp NBO --name "Sam O." --store "$S"
expect_status 0
expect_out '^sam changed: supervisor at NBO \(default NBO\)$'
run "$BMIS" user set sam --role administrator --store "$S"
expect_status 0
expect_out '^sam changed: administrator at \* \(default NBO\)$'
run "$BMIS" user set nobody --role officer --store "$S"
expect_status 1
expect_err "no account 'nobody'"
# --- the last enabled administrator (sam) is neither disabled nor demoted
run "$BMIS" user disable sam --store "$S"
expect_status 1
expect_err 'sam is the last enabled administrator: it cannot be disabled \(enable or add another administrator first\)'
run "$BMIS" user set sam --role supervisor --store "$S"
expect_status 1
expect_err 'sam is the last enabled administrator: it cannot be given another role'
run "$BMIS" user list --json --store "$S"
expect_out '"username":"sam","name":"Sam O.","role":"administrator","disabled":false'
run --in "$WORK/pw" "$BMIS" user add ops --role administrator --name "Operations" --store "$S"
expect_status 0
run "$BMIS" user set sam --role supervisor --store "$S"
expect_status 0
expect_out '^sam changed: supervisor at NBO \(default NBO\)$'
run "$BMIS" user disable ops --store "$S"
expect_status 1
expect_err 'ops is the last enabled administrator'
run "$BMIS" audit list --store "$S"
expect_out 'account.set'

# --- sessions end: a session row of amina's, then each change
session() { # insert a live session; print whether it is revoked after $@
  sqlite3 "$S" "INSERT INTO session (token_hash, username, created_at, expires_at, last_seen)
                VALUES ('$1', 'amina', 1, 4102444800, 1)"
}
revoked() { sqlite3 "$S" "SELECT revoked FROM session WHERE token_hash = '$1'"; }
session t1
run --in "$WORK/pw" "$BMIS" user passwd amina --store "$S"
expect_status 0
[ "$(revoked t1)" = 1 ] || fail "user passwd left a session open"
session t2
run "$BMIS" user disable amina --store "$S"
expect_status 0
run "$BMIS" user enable amina --store "$S"
expect_status 0
[ "$(revoked t2)" = 1 ] || fail "enable revived a session disable ended"
session t3
run "$BMIS" user set amina --name "Amina D." --store "$S"
expect_status 0
[ "$(revoked t3)" = 0 ] || fail "a new name ended a session"
run "$BMIS" user set amina --role supervisor --store "$S"
expect_status 0
[ "$(revoked t3)" = 1 ] || fail "a new role left a session open"
session t4
run "$BMIS" user set amina --bcps NBO,MBA --store "$S"
expect_status 0
[ "$(revoked t4)" = 1 ] || fail "new crossing points left a session open"
CHECKS=$((CHECKS + 5))
done_ok
