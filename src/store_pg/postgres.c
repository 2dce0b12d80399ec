/* The PostgreSQL backend (libpq): the headquarters store. Every query is a
 * named server-side prepared statement, executed with text parameters.
 * Built as its own library, libbmis_pg, the only one that links libpq: a
 * program registers the driver with bmis_store_postgres_enable. */
#define _DEFAULT_SOURCE /* getrandom, strdup, posix_spawn */
#include "bmis_pg/postgres.h"
#include "store/store_internal.h"

#include "bmis/alloc.h"

#include <errno.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PG_MAX_PARAMS 40

static const bmis__driver postgres_driver;

extern char **environ;

typedef struct pg_stmt {
  bmis__stmt base;
  PGconn *conn;
  const char *name; /* the query's, owned by libbmis */
  bool prepared;
  int nparams;
  char *values[PG_MAX_PARAMS];
  char num[PG_MAX_PARAMS][32]; /* storage for numeric parameters */
  PGresult *res;
  int row, nrows;
  int64_t changes;
} pg_stmt;

static bmis_status pg_fail(PGconn *conn, const PGresult *res, bmis_error *err,
                           const char *what) {
  const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
  const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  bmis_status status = BMIS_E_STORE;
  if (state && strcmp(state, "23505") == 0)
    status = BMIS_E_CONFLICT;
  char clean[200];
  snprintf(clean, sizeof clean, "%s", msg ? msg : "");
  clean[strcspn(clean, "\n")] = 0;
  return bmis_error_set(err, status, "postgres: %s: %s", what, clean);
}

static void quiet(void *arg, const char *message) {
  (void)arg;
  (void)message; /* the library never prints: NOTICEs are dropped */
}

static bmis_status pg_exec(bmis_store *s, const char *sql, bmis_error *err) {
  PGresult *res = PQexec(s->db, sql);
  ExecStatusType t = PQresultStatus(res);
  bmis_status st = BMIS_OK;
  if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK)
    st = pg_fail(s->db, res, err, "exec");
  PQclear(res);
  return st;
}

static bmis_status pg_tx(bmis_store *s, bmis__tx_op op, bmis_error *err) {
  static const char *const sql[] = {
      [BMIS__TX_BEGIN] = "BEGIN",
      [BMIS__TX_COMMIT] = "COMMIT",
      [BMIS__TX_ROLLBACK] = "ROLLBACK",
      [BMIS__TX_SAVEPOINT] = "SAVEPOINT bmis_call",
      [BMIS__TX_RELEASE] = "RELEASE SAVEPOINT bmis_call",
      [BMIS__TX_ROLLBACK_TO] = "ROLLBACK TO SAVEPOINT bmis_call",
  };
  return pg_exec(s, sql[op], err);
}

static bmis_status pg_set_durability(bmis_store *s, bmis_durability d,
                                     bmis_error *err) {
  (void)d; /* a commit already waits for the server's WAL flush */
  return pg_exec(s, "SET synchronous_commit = on", err);
}

static bmis_status pg_open(bmis_store *s, const char *url, bmis_error *err) {
  PGconn *conn = PQconnectdb(url);
  if (!conn)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    bmis_status st = pg_fail(conn, NULL, err, "cannot connect");
    PQfinish(conn);
    return st;
  }
  PQsetNoticeProcessor(conn, quiet, NULL);
  s->db = conn;
  bmis_status st = pg_exec(s, "SET client_min_messages = warning", err);
  if (st == BMIS_OK)
    st = pg_set_durability(s, s->durability, err);
  if (st != BMIS_OK) {
    PQfinish(conn);
    s->db = NULL;
  }
  return st;
}

static void pg_close(bmis_store *s) {
  PQfinish(s->db);
  s->db = NULL;
}

/* Highest $N in a query: how many parameters it takes. */
static int count_params(const char *sql) {
  int max = 0;
  for (const char *p = sql; *p; p++)
    if (*p == '$' && p[1] >= '0' && p[1] <= '9') {
      int n = atoi(p + 1);
      if (n > max)
        max = n;
    }
  return max;
}

/* libbmis_pg allocates through libbmis's allocator hook (bmis/alloc.h), by
 * the public API: the library's internal functions are not exported. */
static void *pg_calloc(size_t n, size_t size) {
  bmis_allocator a;
  bmis_allocator_get(&a);
  if (size && n > SIZE_MAX / size)
    return NULL;
  size_t total = n * size;
  void *p = a.malloc(a.ctx, total ? total : 1);
  if (p)
    memset(p, 0, total);
  return p;
}

static void pg_free(void *p) {
  bmis_free(p);
}

static char *pg_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *copy = pg_calloc(n, 1);
  if (copy)
    memcpy(copy, s, n);
  return copy;
}

static bmis_status pg_prepare(bmis_store *s, const char *qname, const char *sql,
                              bmis__stmt **out, bmis_error *err) {
  pg_stmt *st = pg_calloc(1, sizeof *st);
  if (!st)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  st->base.drv = &postgres_driver;
  st->conn = s->db;
  st->name = qname;
  st->nparams = count_params(sql);
  if (st->nparams > PG_MAX_PARAMS) {
    pg_free(st);
    return bmis_error_set(err, BMIS_E_INTERNAL, "%s: too many parameters",
                          qname);
  }
  char name[64];
  snprintf(name, sizeof name, "bmis_%s", qname);
  PGresult *res = PQprepare(s->db, name, sql, 0, NULL);
  if (PQresultStatus(res) != PGRES_COMMAND_OK) {
    bmis_status e = pg_fail(s->db, res, err, qname);
    PQclear(res);
    pg_free(st);
    return e;
  }
  PQclear(res);
  st->prepared = true;
  *out = &st->base;
  return BMIS_OK;
}

static void clear_values(pg_stmt *st) {
  for (int i = 0; i < st->nparams; i++) {
    if (st->values[i] && st->values[i] != st->num[i])
      pg_free(st->values[i]);
    st->values[i] = NULL;
  }
}

static void pg_reset(bmis__stmt *b) {
  pg_stmt *st = (pg_stmt *)b;
  PQclear(st->res);
  st->res = NULL;
  st->row = -1;
  st->nrows = 0;
  clear_values(st);
}

static void pg_finalize(bmis__stmt *b) {
  pg_stmt *st = (pg_stmt *)b;
  pg_reset(b);
  if (st->prepared && PQstatus(st->conn) == CONNECTION_OK) {
    char sql[96];
    snprintf(sql, sizeof sql, "DEALLOCATE bmis_%s", st->name);
    PQclear(PQexec(st->conn, sql));
  }
  pg_free(st);
}

static bmis_status pg_bind_text(bmis__stmt *b, int i, const char *v) {
  pg_stmt *st = (pg_stmt *)b;
  if (i < 1 || i > st->nparams)
    return BMIS_E_INTERNAL;
  if (st->values[i - 1] && st->values[i - 1] != st->num[i - 1])
    pg_free(st->values[i - 1]);
  st->values[i - 1] = pg_strdup(v ? v : "");
  return st->values[i - 1] ? BMIS_OK : BMIS_E_NOMEM;
}

static bmis_status pg_bind_int64(bmis__stmt *b, int i, int64_t v) {
  pg_stmt *st = (pg_stmt *)b;
  if (i < 1 || i > st->nparams)
    return BMIS_E_INTERNAL;
  if (st->values[i - 1] && st->values[i - 1] != st->num[i - 1])
    pg_free(st->values[i - 1]);
  snprintf(st->num[i - 1], sizeof st->num[i - 1], "%lld", (long long)v);
  st->values[i - 1] = st->num[i - 1];
  return BMIS_OK;
}

static bmis_status pg_bind_double(bmis__stmt *b, int i, double v) {
  pg_stmt *st = (pg_stmt *)b;
  if (i < 1 || i > st->nparams)
    return BMIS_E_INTERNAL;
  if (st->values[i - 1] && st->values[i - 1] != st->num[i - 1])
    pg_free(st->values[i - 1]);
  snprintf(st->num[i - 1], sizeof st->num[i - 1], "%.17g", v);
  st->values[i - 1] = st->num[i - 1];
  return BMIS_OK;
}

static int pg_step(bmis__stmt *b, bmis_error *err) {
  pg_stmt *st = (pg_stmt *)b;
  if (!st->res) {
    char name[64];
    snprintf(name, sizeof name, "bmis_%s", st->name);
    st->res = PQexecPrepared(st->conn, name, st->nparams,
                             (const char *const *)st->values, NULL, NULL, 0);
    ExecStatusType t = PQresultStatus(st->res);
    if (t == PGRES_COMMAND_OK) {
      st->changes = strtoll(PQcmdTuples(st->res), NULL, 10);
      return BMIS__DONE;
    }
    if (t != PGRES_TUPLES_OK) {
      bmis_status e = pg_fail(st->conn, st->res, err, st->name);
      pg_reset(b);
      return -(int)e;
    }
    st->nrows = PQntuples(st->res);
    st->changes = strtoll(PQcmdTuples(st->res), NULL, 10);
    st->row = -1;
  }
  if (st->row + 1 < st->nrows) {
    st->row++;
    return BMIS__ROW;
  }
  return BMIS__DONE;
}

static const char *pg_col_text(bmis__stmt *b, int i) {
  pg_stmt *st = (pg_stmt *)b;
  if (!st->res || st->row < 0 || i >= PQnfields(st->res))
    return "";
  return PQgetvalue(st->res, st->row, i);
}

static int64_t pg_col_int64(bmis__stmt *b, int i) {
  return strtoll(pg_col_text(b, i), NULL, 10);
}

static double pg_col_double(bmis__stmt *b, int i) {
  return strtod(pg_col_text(b, i), NULL);
}

static int64_t pg_changes(bmis__stmt *b) {
  return ((pg_stmt *)b)->changes;
}

/* Runs argv (a pg_dump or pg_restore command) and waits. Looks the program
 * up on PATH, then in the PostgreSQL bin directory found at build time. The
 * tool's own complaint (its stderr) becomes the error message. */
static bmis_status run_tool(char **argv, bmis_error *err) {
  int fds[2];
  if (pipe(fds) != 0)
    return bmis_error_set(err, BMIS_E_IO, "pipe: %s", strerror(errno));
  pid_t pid;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", 0, 0);
  posix_spawn_file_actions_adddup2(&fa, fds[1], 2);
  posix_spawn_file_actions_addclose(&fa, fds[0]);
  int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
#ifdef BMIS_PG_BINDIR
  char path[512];
  if (rc == ENOENT) {
    snprintf(path, sizeof path, "%s/%s", BMIS_PG_BINDIR, argv[0]);
    rc = posix_spawn(&pid, path, &fa, NULL, argv, environ);
  }
#endif
  posix_spawn_file_actions_destroy(&fa);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    return bmis_error_set(err, BMIS_E_UNSUPPORTED, "cannot run %s: %s", argv[0],
                          strerror(rc));
  }
  char msg[512];
  size_t used = 0;
  ssize_t n;
  char chunk[4096];
  while ((n = read(fds[0], chunk, sizeof chunk)) != 0) {
    if (n < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    size_t take =
        (size_t)n < sizeof msg - 1 - used ? (size_t)n : sizeof msg - 1 - used;
    memcpy(msg + used, chunk, take);
    used += take;
  }
  msg[used] = 0;
  msg[strcspn(msg, "\n")] = 0;
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return bmis_error_set(err, BMIS_E_STORE, "%s failed: %s", argv[0],
                          used ? msg : "no message");
  return BMIS_OK;
}

static bmis_status pg_backup(bmis_store *s, const char *path, bmis_error *err) {
  char tmp[4200];
  if (snprintf(tmp, sizeof tmp, "%s.partial", path) >= (int)sizeof tmp)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "backup path too long");
  char *argv[] = {"pg_dump", "--format=custom", "--no-owner", "--file",
                  tmp,       "--dbname",        s->target,    NULL};
  bmis_status st = run_tool(argv, err);
  if (st == BMIS_OK && rename(tmp, path) != 0)
    st = bmis_error_set(err, BMIS_E_IO, "cannot move the backup to %s", path);
  if (st != BMIS_OK)
    unlink(tmp);
  return st;
}

static bmis_status pg_restore(bmis_store *s, const char *path,
                              bmis_error *err) {
  if (access(path, R_OK) != 0)
    return bmis_error_set(err, BMIS_E_IO, "cannot read backup %s", path);
  char *argv[] = {"pg_restore",
                  "--clean",
                  "--if-exists",
                  "--no-owner",
                  "--single-transaction",
                  "--exit-on-error",
                  "--dbname",
                  s->target,
                  (char *)path,
                  NULL};
  return run_tool(argv, err);
}

static int64_t pg_size(bmis_store *s) {
  PGresult *res = PQexec(s->db, "SELECT pg_database_size(current_database())");
  int64_t size = -1;
  if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
    size = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
  PQclear(res);
  return size;
}

static const char *const pg_schemes[] = {"postgres://", "postgresql://", NULL};

static const bmis__driver postgres_driver = {
    .abi = BMIS__DRIVER_ABI,
    .size = sizeof(bmis__driver),
    .name = "postgres",
    .schemes = pg_schemes,
    .dialect = BMIS__SQL_POSTGRES,
    .begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
    .batch_insert = true,
    .open = pg_open,
    .close = pg_close,
    .exec = pg_exec,
    .tx = pg_tx,
    .prepare = pg_prepare,
    .finalize = pg_finalize,
    .bind_text = pg_bind_text,
    .bind_int64 = pg_bind_int64,
    .bind_double = pg_bind_double,
    .step = pg_step,
    .col_text = pg_col_text,
    .col_int64 = pg_col_int64,
    .col_double = pg_col_double,
    .changes = pg_changes,
    .reset = pg_reset,
    .set_durability = pg_set_durability,
    .backup = pg_backup,
    .restore = pg_restore,
    .size_bytes = pg_size,
};

bmis_status bmis_store_postgres_enable(bmis_error *err) {
  return bmis_store_driver_register(&postgres_driver, err);
}
