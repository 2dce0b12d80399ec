#!/usr/bin/env bash
# Builds OpenBMIS (release) and demonstrates it on the embedded SQLite
# store: checking and making travel documents (`bmis doc`), then the
# movement register: a demo year of crossings, a traveller's history and
# stay status, the overstay list and the identity review list.
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
