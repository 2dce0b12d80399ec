#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests.
#   pg-temp.sh start DIR   new cluster in DIR (absent or empty), started on a
#                          free port of 127.0.0.1 with database `bmis`; prints
#                          its URL, postgres://USER@127.0.0.1:PORT/bmis
#   pg-temp.sh stop DIR    stops it (also after a crash) and removes DIR
# Diagnostics go to stderr. Never uses pg_ctlcluster, /etc/postgresql or 5432.
# As root, the server runs as `postgres` (or a system user `bmis-pg`, created
# if needed): initdb and postgres refuse to run as root.
set -euo pipefail

say() { echo "pg-temp: $*" >&2; }
die() { say "$*"; exit 1; }
if [ $# -ne 2 ] || { [ "$1" != start ] && [ "$1" != stop ]; }; then
  echo "usage: $0 start|stop DIR" >&2; exit 2
fi
cmd=$1
dir=$(realpath -m -- "$2")
[ "$dir" != / ] || die "refusing to use /"
cd /  # the server's user may not be able to read the caller's directory
unset PGDATA PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGSERVICE PGOPTIONS

# Server binaries: pg_config's bindir, else the newest /usr/lib/postgresql/*/bin.
bindir=$(pg_config --bindir 2>/dev/null || true)
if [ ! -x "$bindir/initdb" ]; then
  bindir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  [ -x "$bindir/initdb" ] || die "no PostgreSQL server binaries (install postgresql-15)"
fi

# The user that owns and runs the cluster; as=(...) prefixes its commands.
as=()
if [ "$(id -u)" -ne 0 ]; then
  user=$(id -un)
elif [ "$cmd" = stop ] && [ -d "$dir" ]; then
  user=$(stat -c %U "$dir")
else
  user=postgres
  id -u postgres >/dev/null 2>&1 || { user=bmis-pg; id -u "$user" >/dev/null 2>&1 ||
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$user"; }
fi
[ "$(id -u)" -ne 0 ] || [ "$user" = root ] || as=(runuser -u "$user" --)

# PIDs of this cluster's processes: postgres binaries whose working directory
# is DIR (the postmaster and every backend chdir to their data directory).
cluster_pids() {
  local p
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/cwd" 2>/dev/null)" = "$dir" ] || continue
    case "$(readlink "$p/exe" 2>/dev/null)" in */postgres) echo "${p#/proc/}" ;; esac
  done
}

# Waits for this cluster's processes to go (orphans of a killed postmaster
# exit by themselves), then kills what is left.
reap() {
  local n
  for n in $(seq 10); do
    [ -n "$(cluster_pids)" ] || return 0
    [ "$n" -lt 5 ] || cluster_pids | xargs -r kill -KILL 2>/dev/null || true
    sleep 0.5
  done
  [ -z "$(cluster_pids)" ] || die "processes of $dir still running: $(cluster_pids | xargs)"
}

stop() {
  trap '' PIPE  # a reader of our output going away must not cut the cleanup short
  [ -d "$dir" ] || { say "$dir: nothing to stop"; return 0; }
  # Only ever delete a cluster (or an empty directory), never a mistyped path.
  [ -f "$dir/PG_VERSION" ] || [ -z "$(ls -A "$dir")" ] ||
    die "$dir is not a PostgreSQL cluster; not removing it"
  local pgctl=("${as[@]}" "$bindir/pg_ctl" -D "$dir") pid=""
  [ ! -f "$dir/postmaster.pid" ] || pid=$(sed -n 1p "$dir/postmaster.pid")
  if [ -n "$pid" ] && [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$dir" ]; then
    "${pgctl[@]}" stop -m fast -w -t 60 >&2 || "${pgctl[@]}" stop -m immediate -w -t 30 >&2 || true
  fi
  reap
  # A killed postmaster (kill -9, OOM) leaves its shared memory behind: about
  # 1 MB in /dev/shm and a SysV block. The next postmaster of the same data
  # directory frees its predecessor's, so start one briefly, without TCP.
  if [ -f "$dir/postmaster.pid" ]; then
    say "server in $dir was not shut down cleanly; starting it once to free its shared memory"
    # Until init reaps the dead postmaster, its zombie holds the PID that a
    # new postmaster checks: wait for it (a few seconds at most).
    for _ in $(seq 40); do
      [ "$(sed -n 's/^.*) \(.\).*$/\1/p' "/proc/$pid/stat" 2>/dev/null)" = Z ] || break; sleep 0.25
    done
    "${pgctl[@]}" start -l "$dir/server.log" -w -t 60 -o "-c listen_addresses=''" >&2 || true
    "${pgctl[@]}" stop -m immediate -w -t 30 >&2 || true
    reap
  fi
  rm -rf -- "$dir"
}

start() {
  if [ -e "$dir" ]; then
    { [ -d "$dir" ] && [ -z "$(ls -A "$dir")" ]; } || die "$dir exists and is not an empty directory"
  fi
  mkdir -p -- "$dir"
  chmod 700 "$dir"
  if [ ${#as[@]} -gt 0 ]; then
    chown "$user:" "$dir"
    # Parents are not changed: each must already be searchable by $user.
    if ! "${as[@]}" test -w "$dir" -a -x "$dir"; then
      local p="" c parts
      IFS=/ read -ra parts <<<"${dir#/}"
      for c in "${parts[@]}"; do p="$p/$c"; "${as[@]}" test -x "$p" || break; done
      rmdir -- "$dir" 2>/dev/null || true
      die "user $user cannot reach $dir (${p} is not searchable by it): choose a DIR under /tmp or fix that directory's mode"
    fi
  fi
  trap on_start_exit EXIT

  # --no-sync only skips initdb's own flush of the new files (a throwaway
  # cluster); the server runs with fsync = on.
  "${as[@]}" "$bindir/initdb" -D "$dir" -U "$user" -A trust -E UTF8 --locale=C --no-sync >&2
  cat > "$dir/pg_hba.conf" <<'EOF'
# Throwaway test cluster: trust, and only over the loopback (see pg-temp.sh).
local all all                trust
host  all all 127.0.0.1/32   trust
host  all all ::1/128        trust
local replication all        trust
host  replication all 127.0.0.1/32 trust
EOF
  local sockdir=$dir
  [ ${#dir} -le 90 ] || { say "socket path too long; TCP only"; sockdir=; }
  cat >> "$dir/postgresql.conf" <<EOF

# pg-temp.sh
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sockdir'
fsync = on
shared_buffers = 128MB
max_connections = 50
port = 0
EOF
  chown "$user:" "$dir/pg_hba.conf" "$dir/postgresql.conf"

  local port=$((20000 + RANDOM % 20001)) log=$dir/server.log
  for _ in $(seq 20); do
    port=$((port < 40000 ? port + 1 : 20000))
    # Skip a port something already listens on; a race is caught below.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    sed -i "s/^port = .*/port = $port/" "$dir/postgresql.conf"
    rm -f "$log"
    if "${as[@]}" "$bindir/pg_ctl" start -D "$dir" -l "$log" -w -t 60 >&2; then
      "${as[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$user" bmis >&2
      echo "postgres://$user@127.0.0.1:$port/bmis"
      return 0
    fi
    grep -qE 'could not bind|Address already in use|could not create any TCP/IP' "$log" 2>/dev/null || break
    say "port $port is taken, trying another"
  done
  [ -f "$log" ] && tail -n 20 "$log" >&2
  die "could not start the server in $dir"
}

# A failed start leaves no server running; DIR is kept for its server.log.
on_start_exit() {
  local rc=$?
  [ $rc -ne 0 ] || return 0
  [ ! -f "$dir/postmaster.pid" ] ||
    "${as[@]}" "$bindir/pg_ctl" stop -D "$dir" -m immediate -w -t 30 >/dev/null 2>&1 || true
  say "start failed; clean up with: pg-temp.sh stop $dir"
  exit $rc
}

"$cmd"
