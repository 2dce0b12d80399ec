#!/usr/bin/env bash
# `bmis serve` as an operator starts and stops it: usage errors, a store
# that cannot be opened refused before listening, then a server on a free
# loopback port that answers /api/health (spoken to with bash's /dev/tcp:
# no HTTP client needed) and exits 0 on SIGTERM after saying so.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

S=$WORK/serve.db

run "$BMIS" serve --help
expect_status 0
expect_out '^usage: bmis serve \[--store URL\] \[--listen HOST:PORT\]'
run "$BMIS" serve --listen nowhere --store "$S"
expect_status 2
expect_err "--listen: 'nowhere' is not HOST:PORT"
run "$BMIS" serve --listen 127.0.0.1:99999 --store "$S"
expect_status 2
expect_err '--listen'
run "$BMIS" serve --listen ::1:8080 --store "$S"
expect_status 2
expect_err 'not an IPv4 address'
run "$BMIS" serve --threads 0 --store "$S"
expect_status 2
expect_err '--threads'
run "$BMIS" serve --durability disk --store "$S"
expect_status 2
expect_err "--durability: 'disk' is not process or power"
run "$BMIS" serve extra --store "$S"
expect_status 2
run "$BMIS" serve --idle-timeout 15h --store "$S"
expect_status 2
expect_err "--idle-timeout"
run "$BMIS" serve --idle-timeout 1441 --store "$S"
expect_status 2
run "$BMIS" serve --listen 127.0.0.1:0 --trusted-proxy proxy.example --store "$S"
expect_status 2
expect_err "trusted proxy 'proxy.example': not an IPv4 or IPv6 address"
# a store that cannot be opened: refused before anyone is told to come
run "$BMIS" serve --listen 127.0.0.1:0 --store "$WORK/no/such/dir/x.db/"
[ "$STATUS" -ne 0 ] || fail "an unusable store was accepted"
expect_no_out 'serving'

# --- a real server: start, health, SIGTERM (power durability: said)
LOG=$WORK/serve.out
"$BMIS" serve --listen 127.0.0.1:0 --durability power --store "$S" >"$LOG" \
  2>"$WORK/serve.err" &
PID=$!
port=
for _ in $(seq 1 100); do
  port=$(sed -n 's|^bmis: serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$LOG")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { kill "$PID" 2>/dev/null; cat "$WORK/serve.err" >&2; fail "no URL printed"; }
grep -q 'durability power' "$LOG" || { kill "$PID"; fail "durability not said"; }
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
reply=$(timeout 10 cat <&3)
exec 3<&-
case $reply in
  "HTTP/1.1 200 OK"*'"status":"ok"'*) ;;
  *) kill "$PID"; fail "health: $reply" ;;
esac
CHECKS=$((CHECKS + 1))
# SIGHUP loads the watchlists again, and the server goes on
kill -HUP "$PID"
for _ in $(seq 1 100); do
  grep -q 'SIGHUP: watchlists reloaded' "$WORK/serve.err" && break
  sleep 0.1
done
grep -q 'SIGHUP: watchlists reloaded, 0 entries' "$WORK/serve.err" ||
  { kill "$PID"; cat "$WORK/serve.err" >&2; fail "SIGHUP did not reload"; }
kill -0 "$PID" || fail "the server died on SIGHUP"
CHECKS=$((CHECKS + 1))
kill -TERM "$PID"
STATUS=0
wait "$PID" || STATUS=$?
[ "$STATUS" -eq 0 ] || fail "exit status $STATUS after SIGTERM"
grep -q 'SIGTERM received, finishing the requests in flight' "$WORK/serve.err" ||
  fail "no word on SIGTERM"
if grep -Eq 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$WORK/serve.err"; then
  fail "sanitizer report"
fi
CHECKS=$((CHECKS + 1))
done_ok
