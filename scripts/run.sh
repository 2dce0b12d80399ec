#!/usr/bin/env bash
# Builds OpenBMIS (release) and demonstrates it on the embedded SQLite
# store: checking and making travel documents (`bmis doc`), then the
# movement register: a demo year of crossings, a traveller's history and
# stay status, the overstay list and the identity review list; then
# watchlist screening: the real UN Security Council list, a synthetic
# lost/stolen documents list and protection alerts, and travellers screened
# against them with the reasons for each hit. Last, it creates demo
# accounts (officer, supervisor, analyst, administrator) and starts the
# server and officer console on 127.0.0.1:8080 (BMIS_LISTEN=HOST:PORT to
# change it; BMIS_NO_SERVE=1 to stop before), printing the URL and logins.
# Installs missing dependencies first. The store is the default one
# ($BMIS_STORE, else ~/.local/share/openbmis/bmis.db); the demo data is
# added only once (the generator's ids make a second run record nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh >&2
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
bmis=build/release/src/cli/bmis

show() {
  printf '\n$ %s\n' "$*"
  set +e
  "$@"
  local st=$?
  set -e
  printf '(exit status %d)\n' "$st"
}

show "$bmis" doc check examples/mrz/samples.txt
show "$bmis" doc check --ocr examples/mrz/scanner-errors.txt
show "$bmis" doc check --json examples/mrz/samples.jsonl
show "$bmis" doc make --type TD3 --surname "Müller-Lüdenscheidt" --given "Jürgen" \
  --number C01X00T47 --nationality D --birth 1964-08-12 --sex M --expiry 2031-10-30

show "$bmis" db init
show "$bmis" db info
show "$bmis" demo generate --travellers 2000 --movements 20000 --seed 1 --quiet
show "$bmis" bcp list
show "$bmis" movement list --bcp AMA --from 2026-11-25 --to 2026-11-25 --limit 5
show "$bmis" overstay list --as-of 2026-11-26
show "$bmis" identity review
# A person with a long history: the first traveller recorded at AMA on the
# last day, looked up by document.
doc=$("$bmis" movement list --bcp AMA --from 2026-11-26 --limit 1 --json |
  sed -n 's/.*"traveller_id":"\([^"]*\)".*/\1/p')
if [ -n "$doc" ]; then
  show "$bmis" traveller show --id "$doc" --as-of 2026-11-26
fi

# Watchlists: the UN list as published, and synthetic lost/stolen documents
# and protection alerts (no such list is public). Importing the same file
# again changes nothing.
lists=$(mktemp -d)
trap 'rm -rf "$lists"' EXIT
show "$bmis" watchlist import un tests/data/watchlists/un_consolidated_2026-05-08.xml \
  --category sanctions --source "UN Security Council Consolidated List"
"$bmis" demo watchlist --kind documents --count 100000 --seed 1 \
  --out "$lists/lost-stolen.jsonl" --quiet
show "$bmis" watchlist import lost-stolen "$lists/lost-stolen.jsonl" \
  --category lost_stolen_documents --source "synthetic (bmis demo watchlist)"
"$bmis" demo watchlist --kind protection --count 5000 --seed 1 \
  --out "$lists/protection.jsonl" --quiet
show "$bmis" watchlist import missing-persons "$lists/protection.jsonl" \
  --category protection_alert --source "synthetic (bmis demo watchlist)"
show "$bmis" watchlist list
# A listed person as a passport would carry the name (surname first, a
# joined given name), one listed under his Arabic-script name and presented
# in another spelling, a clean traveller, a lost or stolen passport read
# with the letter O for a zero, and a missing child.
show "$bmis" screen --name "SALEK, ABDULHAI" --birth 1965 --nationality AFG
show "$bmis" screen --name "ABDULKHALEQ AL HUTHI" --birth 1984
show "$bmis" screen --name "Maria Fernanda Oliveira" --birth 1990-04-12 --nationality BRA
number=$(grep -m1 '"number":"[^"]*0' "$lists/lost-stolen.jsonl" |
  sed -n 's/.*"state":"\([A-Z]*\)","number":"\([^"]*\)".*/\1 \2/p')
if [ -n "$number" ]; then
  set -- $number
  show "$bmis" screen --doc-state "$1" --doc-number "$(echo "$2" | tr 0 O)"
fi
child=$(sed -n '2s/.*"names":\[{"text":"\([^"]*\)".*"date":"\([0-9-]*\)".*/\1|\2/p' "$lists/protection.jsonl")
if [ -n "$child" ]; then
  show "$bmis" screen --name "${child%%|*}" --birth "${child##*|}"
fi

# Demo accounts (created once; demo passwords: disable these accounts, or
# change their passwords, before any real use).
password="demo-password-2026"
for role in officer supervisor analyst administrator; do
  if ! "$bmis" user list | grep -q "^demo-$role "; then
    printf '%s\n' "$password" |
      "$bmis" user add "demo-$role" --role "$role" --name "Demo ${role^}" \
        --bcp AMA >/dev/null
  fi
done
show "$bmis" user list
show "$bmis" audit verify

listen=${BMIS_LISTEN:-127.0.0.1:8080}
cat <<EOT

OpenBMIS console: http://$listen/
  demo-officer / $password        primary inspection at AMA
  demo-supervisor / $password     also the secondary queue
  demo-analyst / $password        statistics only
  demo-administrator / $password  accounts and the audit log
Stop the server with Ctrl-C.
EOT
if [ "${BMIS_NO_SERVE:-0}" = 1 ]; then
  exit 0
fi
exec "$bmis" serve --listen "$listen"
