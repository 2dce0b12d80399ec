#!/usr/bin/env bash
# `bmis user`: accounts from the command line. The password comes on
# standard input and never appears in the store; usage errors, a taken
# username, a short password, disable/enable and the listing (text, JSON).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

S=$WORK/users.db
export BMIS_STORE=$WORK/unused-default.db # --store always wins below
put pw 'correct horse battery staple'
put short 'horse'

run "$BMIS" user --help
expect_status 0
expect_out '^usage: bmis user add USERNAME --role ROLE'
run "$BMIS" user
expect_status 2
expect_err 'expected add, passwd, disable, enable or list'
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
expect_err '--role, --name and --bcp go with add'

run --in "$WORK/pw" "$BMIS" user add amina --role officer --name "Amina Diallo" --bcp NBO --store "$S"
expect_status 0
expect_out '^amina added$'
run --in "$WORK/pw" "$BMIS" user add amina --role supervisor --name Other --store "$S"
expect_status 1
expect_err "the username 'amina' is taken"
run --in "$WORK/pw" "$BMIS" user add sam --role supervisor --name "Sam Otieno" --store "$S"
expect_status 0
if grep -aq 'horse' "$S"* 2>/dev/null; then fail "the password is in the store"; fi
CHECKS=$((CHECKS + 1))

run "$BMIS" user list --store "$S"
expect_status 0
expect_out '^amina +officer +active +Amina Diallo  at NBO$'
expect_out '^sam +supervisor +active +Sam Otieno$'
run "$BMIS" user disable amina --store "$S"
expect_status 0
expect_out '^amina disabled$'
run "$BMIS" user list --json --store "$S"
expect_status 0
expect_out '^\[\{"username":"amina","name":"Amina Diallo","role":"officer","disabled":true,"default_bcp":"NBO",'
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
done_ok
