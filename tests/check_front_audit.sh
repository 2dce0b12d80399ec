#!/usr/bin/env bash
# Audit is the library's job (docs/AUDIT.md): no file of the front ends
# (src/cli, src/server) appends an audit entry or builds one.
#
#   check_front_audit.sh SRC_DIR
#
# A front end's use is a call of bmis_audit_append, of the front ends' own
# wrappers (srv_audit, srv_audit_entry, cli_audit, cli_audit_end), or a
# bmis_audit_entry it fills. The audit-anchor timer of the server may call
# bmis_audit_anchor_* (it signs the chain's head, no access entry), and
# `bmis audit list` reads entries (bmis_audit_list hands out const ones).
#
# PENDING lists the files that still write entries, with how many uses each
# has, while they move into the library (issue 13, step 4): a file not
# listed fails, and so does a listed file whose count changed (lower it as
# uses go, and remove the line at zero), so the list only shrinks.
set -euo pipefail

PENDING=(
  "src/cli/cli.h 2"
  "src/cli/cmd_audit.c 4"
  "src/cli/cmd_db.c 4"
  "src/cli/cmd_demo.c 1"
  "src/cli/cmd_movement.c 6"
  "src/cli/cmd_person.c 2"
  "src/cli/cmd_screen.c 3"
  "src/cli/cmd_user.c 2"
  "src/server/api_accounts.c 3"
  "src/server/api_audit.c 1"
  "src/server/api_travellers.c 1"
  "src/server/http.h 3"
  "src/server/request.c 6"
)

src=${1:?usage: check_front_audit.sh SRC_DIR}
cd "$src/.."
pattern='bmis_audit_append *\(|srv_audit(_entry)? *\(|cli_audit(_end)? *\(|bmis_audit_entry +[a-z_*]'
# file:count, reads of const entries left out
found=$(grep -rnE "$pattern" src/cli src/server | grep -v 'const bmis_audit_entry' |
  cut -d: -f1 | sort | uniq -c | awk '{print $2 ":" $1}' || true)
status=0
while IFS=: read -r file count; do
  [ -n "$file" ] || continue
  allowed=""
  for p in "${PENDING[@]}"; do
    [ "${p% *}" = "$file" ] && allowed=${p##* }
  done
  if [ -z "$allowed" ]; then
    echo "check_front_audit: $file writes audit entries itself ($count uses):" >&2
    grep -nE "$pattern" "$file" | grep -v 'const bmis_audit_entry' |
      sed 's/^/  /' >&2
    echo "  the library function it calls must take the actor and write the entry" >&2
    status=1
  elif [ "$allowed" != "$count" ]; then
    echo "check_front_audit: $file has $count uses, PENDING says $allowed:" \
      "update the PENDING line in tests/check_front_audit.sh" >&2
    status=1
  fi
done <<<"$found"
for p in "${PENDING[@]}"; do
  file=${p% *}
  grep -q "^$file:" <<<"$found" || {
    echo "check_front_audit: $file no longer writes entries: remove its" \
      "PENDING line" >&2
    status=1
  }
done
[ $status = 0 ] && echo "check_front_audit: the front ends write no entry" \
  "beyond the ${#PENDING[@]} files still pending"
exit $status
