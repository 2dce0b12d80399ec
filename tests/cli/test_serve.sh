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

# One HTTP answer (headers and a Content-Length body) read from fd $1,
# leaving the connection open.
read_reply() {
  local fd=$1 line len=0 text=""
  while IFS= read -r -t 5 -u "$fd" line; do
    line=${line%$'\r'}
    text+="$line"$'\n'
    case $line in
      [Cc]ontent-[Ll]ength:*) len=${line#*: } ;;
      "") break ;;
    esac
  done
  if [ "$len" -gt 0 ]; then
    IFS= read -r -t 5 -N "$len" -u "$fd" line || true
    text+=$line
  fi
  printf '%s' "$text"
}

# Starts `bmis serve` on a free port of the store $1 (more options after
# it): $PID, $port, $LOG.
start_server() {
  local db=$1
  shift
  : >"$WORK/serve.err"
  : >"$LOG" # (not the previous server's port)
  "$BMIS" serve --listen 127.0.0.1:0 --store "$db" "$@" >"$LOG" \
    2>"$WORK/serve.err" &
  PID=$!
  port=
  for _ in $(seq 1 100); do
    port=$(sed -n 's|^bmis: serving https*://127.0.0.1:\([0-9]*\)/.*|\1|p' "$LOG")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { kill "$PID" 2>/dev/null; cat "$WORK/serve.err" >&2; fail "no URL printed"; }
}

# --- a client trickling a request, a byte every 5 s (never idle for the
# 15 s idle timeout), on a server with the default limits: cut off by the
# 30 s limit per request with a JSON 408, well before 60 s. It runs
# meanwhile; its outcome is checked at the end.
: >"$WORK/slow.out"
"$BMIS" serve --listen 127.0.0.1:0 --store "$WORK/slow.db" >"$WORK/slow.out" \
  2>"$WORK/slow.err" &
SLOW_PID=$!
SLOW_CLIENT=
# (a failure below must not leave it running)
trap 'kill "$SLOW_PID" $SLOW_CLIENT 2>/dev/null || true; rm -rf "$WORK"' EXIT
slow_port=
for _ in $(seq 1 100); do
  slow_port=$(sed -n 's|^bmis: serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$WORK/slow.out")
  [ -n "$slow_port" ] && break
  sleep 0.1
done
[ -n "$slow_port" ] || { kill "$SLOW_PID"; fail "the slow client's server did not start"; }
(
  exec 5<>"/dev/tcp/127.0.0.1/$slow_port"
  req="GET /api/health HTTP/1.1"$'\r\n'"Host: localhost"$'\r\n'"X-Pad: $(printf 'a%.0s' $(seq 1 40))"
  t0=$(date +%s)
  got="(nothing)"
  for ((i = 0; i < ${#req}; i++)); do
    printf '%s' "${req:i:1}" >&5 2>/dev/null || { got="(closed)"; break; }
    # the pacing: up to 5 s for an answer before the next byte
    if IFS= read -r -t 5 -u 5 line; then
      got=$line
      break
    fi
  done
  echo "$(($(date +%s) - t0)) $got" >"$WORK/slow.result"
) &
SLOW_CLIENT=$!

# --- a real server: start, health, SIGTERM (power durability: said)
LOG=$WORK/serve.out
: >"$LOG" # (sed below may look before the server opens it)
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
# --- SIGTERM: a connection kept alive from before gets 503 with
# Connection: close, a request in flight finishes, the process is gone
# within 10 s (measured)
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n' >&3
first=$(read_reply 3)
case $first in
  "HTTP/1.1 200 OK"*) ;;
  *) kill "$PID"; fail "kept-alive: $first" ;;
esac
exec 4<>"/dev/tcp/127.0.0.1/$port"
printf 'POST /api/login HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{' >&4
sleep 0.3
t0=$(date +%s%N)
kill -TERM "$PID"
for _ in $(seq 1 100); do
  grep -q 'SIGTERM received' "$WORK/serve.err" && break
  sleep 0.05
done
printf 'GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n' >&3
after=$(timeout 5 cat <&3 || true)
exec 3<&-
case $after in
  "HTTP/1.1 503 Service Unavailable"*'Connection: close'*'"code":"E_UNAVAILABLE"'*) ;;
  *) kill "$PID" 2>/dev/null; fail "after SIGTERM, on a kept-alive connection: $after" ;;
esac
printf '}' >&4
flying=$(timeout 5 cat <&4 || true)
exec 4<&-
case $flying in
  "HTTP/1.1 400 Bad Request"*"'username' is required"*) ;;
  *) kill "$PID" 2>/dev/null; fail "the request in flight: $flying" ;;
esac
STATUS=0
wait "$PID" || STATUS=$?
took=$((($(date +%s%N) - t0) / 1000000))
[ "$STATUS" -eq 0 ] || fail "exit status $STATUS after SIGTERM"
[ "$took" -lt 10000 ] || fail "exited $took ms after SIGTERM"
echo "exit after SIGTERM: $took ms"
grep -q 'SIGTERM received, finishing the requests in flight' "$WORK/serve.err" ||
  fail "no word on SIGTERM"
if grep -Eq 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$WORK/serve.err"; then
  fail "sanitizer report"
fi
CHECKS=$((CHECKS + 1))

# a request in flight that never ends does not hold the process: gone
# within 10 s all the same
start_server "$S"
exec 4<>"/dev/tcp/127.0.0.1/$port"
printf 'POST /api/login HTTP/1.1\r\nHost: localhost\r\nContent-Length: 9\r\n\r\n{' >&4
sleep 0.3
t0=$(date +%s%N)
kill -TERM "$PID"
STATUS=0
wait "$PID" || STATUS=$?
took=$((($(date +%s%N) - t0) / 1000000))
exec 4<&-
[ "$STATUS" -eq 0 ] || fail "exit status $STATUS after SIGTERM"
[ "$took" -lt 10000 ] || fail "exited $took ms after SIGTERM, a request hanging"
echo "exit after SIGTERM, a request hanging: $took ms"
CHECKS=$((CHECKS + 1))

# --- HTTPS: a certificate made now (openssl), checked by curl against it;
# the session cookie is Secure and HSTS is sent
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" \
  -out "$WORK/cert.pem" -days 2 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost,IP:127.0.0.1 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/other.pem" \
  -out "$WORK/other-cert.pem" -days 2 -subj /CN=other 2>/dev/null
T=$WORK/tls.db
run "$BMIS" serve --listen 127.0.0.1:0 --tls-cert "$WORK/cert.pem" --store "$T"
expect_status 2
expect_err '--tls-cert and --tls-key go together'
run "$BMIS" serve --listen 127.0.0.1:0 --tls-cert "$WORK/none.pem" \
  --tls-key "$WORK/key.pem" --store "$T"
expect_status 2
expect_err "--tls-cert: cannot read '.*none.pem'"
expect_no_out 'serving'
run "$BMIS" serve --listen 127.0.0.1:0 --tls-cert "$WORK/key.pem" \
  --tls-key "$WORK/key.pem" --store "$T"
expect_status 2
expect_err "--tls-cert: '.*key.pem' is not a PEM certificate"
run "$BMIS" serve --listen 127.0.0.1:0 --tls-cert "$WORK/cert.pem" \
  --tls-key "$WORK/cert.pem" --store "$T"
expect_status 2
expect_err "--tls-key: '.*cert.pem' is not a PEM private key"
run "$BMIS" serve --listen 127.0.0.1:0 --tls-cert "$WORK/cert.pem" \
  --tls-key "$WORK/other.pem" --store "$T"
expect_status 2
expect_err "--tls-key: '.*other.pem' is not the key of the certificate"
expect_no_out 'serving'
put pw 'correct horse battery staple'
run "$BMIS" bcp add NBO --name Nairobi --kind air --tz Africa/Nairobi \
  --store "$T"
expect_status 0
run --in "$WORK/pw" "$BMIS" user add amina --role officer --name A --bcp NBO \
  --store "$T"
expect_status 0
start_server "$T" --tls-cert "$WORK/cert.pem" --tls-key "$WORK/key.pem"
grep -q "serving https://127.0.0.1:$port/" "$LOG" || { kill "$PID"; fail "https not said"; }
reply=$(curl -sS -i --max-time 10 --cacert "$WORK/cert.pem" \
  "https://localhost:$port/api/health" 2>&1 || true)
case $reply in
  "HTTP/1.1 200 OK"*) ;;
  *) kill "$PID"; fail "https health: $reply" ;;
esac
grep -qi '^Strict-Transport-Security: max-age=31536000' <<<"$reply" ||
  { kill "$PID"; fail "no HSTS: $reply"; }
reply=$(curl -sS -i --max-time 10 --cacert "$WORK/cert.pem" \
  -d '{"username": "amina", "password": "correct horse battery staple"}' \
  "https://localhost:$port/api/login" 2>&1 || true)
grep -Eqi '^Set-Cookie: bmis_session=.*; Secure' <<<"$reply" ||
  { kill "$PID"; fail "the cookie is not Secure: $reply"; }
# the console too
reply=$(curl -sS -i --max-time 10 --cacert "$WORK/cert.pem" \
  "https://localhost:$port/" 2>&1 || true)
grep -qi '^Strict-Transport-Security:' <<<"$reply" ||
  { kill "$PID"; fail "no HSTS on the console: $reply"; }
# TLS 1.2 and 1.3 only: a client that offers TLS 1.1 at most (its own
# security level lowered so that it would) gets no session
if openssl s_client -connect "127.0.0.1:$port" -tls1_1 \
  -cipher 'DEFAULT:@SECLEVEL=0' </dev/null >"$WORK/tls11" 2>&1; then
  kill "$PID"; fail "a TLS 1.1 session was made: $(grep -i 'cipher is' "$WORK/tls11")"
fi
openssl s_client -connect "127.0.0.1:$port" -tls1_2 -CAfile "$WORK/cert.pem" \
  </dev/null >"$WORK/tls12" 2>&1 || { kill "$PID"; fail "no TLS 1.2 session"; }
grep -q 'Verify return code: 0 (ok)' "$WORK/tls12" || { kill "$PID"; fail "TLS 1.2 not verified"; }
# a certificate it does not trust: curl refuses; plain HTTP: no answer
if curl -sS --max-time 10 --cacert "$WORK/other-cert.pem" \
  "https://localhost:$port/api/health" >/dev/null 2>&1; then
  kill "$PID"; fail "curl trusted another certificate"
fi
plain=$(curl -sS --max-time 5 "http://127.0.0.1:$port/api/health" 2>&1 || true)
case $plain in
  *'"status":"ok"'*) kill "$PID"; fail "plain HTTP answered on the HTTPS port" ;;
esac
kill -TERM "$PID"
STATUS=0
wait "$PID" || STATUS=$?
[ "$STATUS" -eq 0 ] || fail "exit status $STATUS after SIGTERM (https)"
if grep -Eq 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$WORK/serve.err"; then
  fail "sanitizer report"
fi
CHECKS=$((CHECKS + 1))

# the trickling client (started above)
wait "$SLOW_CLIENT" || true
read -r slow_took slow_got <"$WORK/slow.result"
echo "a byte every 5 s: cut off after $slow_took s ($slow_got)"
kill -TERM "$SLOW_PID"
wait "$SLOW_PID" || true
[ "$slow_took" -lt 60 ] || fail "a byte every 5 s held the connection $slow_took s"
case $slow_got in
  "HTTP/1.1 408 Request Timeout"*) ;;
  *) fail "the trickling client got: $slow_got" ;;
esac
CHECKS=$((CHECKS + 1))
done_ok
