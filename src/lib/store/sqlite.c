/* The SQLite backend: the embedded default store (one file, WAL mode). */
#define _DEFAULT_SOURCE /* getrandom, strdup, posix_spawn */
#include "base/alloc.h"
#include "store/store_internal.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct sqlite_stmt {
  bmis__stmt base;
  sqlite3_stmt *st;
  sqlite3 *db;
} sqlite_stmt;

static bmis_status db_error(sqlite3 *db, bmis_error *err, const char *what) {
  int code = sqlite3_extended_errcode(db);
  bmis_status status = BMIS_E_STORE;
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
    status = BMIS_E_CONFLICT;
  else if (code == SQLITE_NOMEM)
    status = BMIS_E_NOMEM;
  return bmis_error_set(err, status, "sqlite: %s: %s", what,
                        sqlite3_errmsg(db));
}

/* The transaction statements, prepared once per connection instead of
 * parsed for every recorded crossing. */
static const char *const tx_sql[] = {
    [BMIS__TX_BEGIN] = "BEGIN IMMEDIATE",
    [BMIS__TX_COMMIT] = "COMMIT",
    [BMIS__TX_ROLLBACK] = "ROLLBACK",
    [BMIS__TX_SAVEPOINT] = "SAVEPOINT bmis_call",
    [BMIS__TX_RELEASE] = "RELEASE SAVEPOINT bmis_call",
    [BMIS__TX_ROLLBACK_TO] = "ROLLBACK TO SAVEPOINT bmis_call",
};
#define TX_COUNT (sizeof tx_sql / sizeof tx_sql[0])

typedef struct sq_state {
  sqlite3_stmt *tx[TX_COUNT];
  struct timespec busy_since; /* when the current wait for a lock began */
} sq_state;

/* How long a connection waits for a lock another connection holds before
 * the statement fails with "database is locked". */
#define BUSY_WAIT_MS 10000

/* Waits for a lock held by another connection (another worker thread of
 * the server, or another process), trying again after 50 us, then 100,
 * 200, ... up to 2 ms between tries, for BUSY_WAIT_MS in all. SQLite's own
 * sqlite3_busy_timeout sleeps 1, 2, 5, 10, 15, 20, 25 ... 100 ms between
 * tries: a writer that finds the lock taken by a transaction that ends
 * within a millisecond would sleep several milliseconds, and under a
 * stream of short transactions (the server's inspections and decisions)
 * those sleeps, not the work, set the rate. */
static int sq_busy(void *ctx, int count) {
  sq_state *state = ctx;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (count == 0)
    state->busy_since = now;
  int64_t waited_ms = (int64_t)(now.tv_sec - state->busy_since.tv_sec) * 1000 +
                      (now.tv_nsec - state->busy_since.tv_nsec) / 1000000;
  if (waited_ms >= BUSY_WAIT_MS)
    return 0; /* give up: SQLITE_BUSY */
  long us = count < 6 ? 50L << count : 2000;
  struct timespec pause = {0, us * 1000};
  nanosleep(&pause, NULL);
  return 1;
}

static bmis_status sq_tx(bmis_store *s, bmis__tx_op op, bmis_error *err) {
  sq_state *state = s->drv_state;
  if (!state->tx[op] &&
      sqlite3_prepare_v3(s->db, tx_sql[op], -1, SQLITE_PREPARE_PERSISTENT,
                         &state->tx[op], NULL) != SQLITE_OK)
    return db_error(s->db, err, tx_sql[op]);
  int rc = sqlite3_step(state->tx[op]);
  sqlite3_reset(state->tx[op]);
  if (rc != SQLITE_DONE)
    return db_error(s->db, err, tx_sql[op]);
  return BMIS_OK;
}

static bmis_status sq_exec(bmis_store *s, const char *sql, bmis_error *err) {
  char *msg = NULL;
  if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    bmis_status st = db_error(s->db, err, msg ? msg : "exec");
    sqlite3_free(msg);
    return st;
  }
  return BMIS_OK;
}

static bmis_status sq_set_durability(bmis_store *s, bmis_durability d,
                                     bmis_error *err) {
  return sq_exec(s,
                 d == BMIS_DURABLE_POWER ? "PRAGMA synchronous=FULL"
                                         : "PRAGMA synchronous=NORMAL",
                 err);
}

static bmis_status sq_open(bmis_store *s, const char *path, bmis_error *err) {
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2(
      path, &db,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK) {
    bmis_error_set(err, BMIS_E_STORE, "sqlite: cannot open %s: %s", path,
                   db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return BMIS_E_STORE;
  }
  s->db = db;
  s->drv_state = bmis__calloc(1, sizeof(sq_state));
  if (!s->drv_state) {
    sqlite3_close(db);
    s->db = NULL;
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  }
  sqlite3_busy_handler(db, sq_busy, s->drv_state);
  sqlite3_extended_result_codes(db, 1);
  /* WAL: readers never block the writer, and a commit is one append. With
   * synchronous=NORMAL a commit survives the process dying (the WAL is in
   * the OS cache); FULL also fsyncs it, surviving power loss. */
  bmis_status st = sq_exec(s,
                           "PRAGMA journal_mode=WAL;"
                           "PRAGMA foreign_keys=ON;"
                           "PRAGMA temp_store=MEMORY;"
                           /* 64 MiB of page cache: the indexes of a
                            * national register's hot end stay in memory */
                           "PRAGMA cache_size=-65536;",
                           err);
  if (st == BMIS_OK)
    st = sq_set_durability(s, s->durability, err);
  if (st != BMIS_OK) {
    bmis__free(s->drv_state);
    s->drv_state = NULL;
    sqlite3_close(db);
    s->db = NULL;
  }
  return st;
}

static void sq_close(bmis_store *s) {
  sq_state *state = s->drv_state;
  for (size_t i = 0; state && i < TX_COUNT; i++)
    sqlite3_finalize(state->tx[i]);
  bmis__free(state);
  s->drv_state = NULL;
  sqlite3_close(s->db);
  s->db = NULL;
}

static bmis_status sq_prepare(bmis_store *s, const char *name, const char *sql,
                              bmis__stmt **out, bmis_error *err) {
  sqlite_stmt *st = bmis__calloc(1, sizeof *st);
  if (!st)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st->st,
                         NULL) != SQLITE_OK) {
    bmis__free(st);
    return db_error(s->db, err, name);
  }
  st->base.drv = &bmis__sqlite_driver;
  st->db = s->db;
  *out = &st->base;
  return BMIS_OK;
}

static void sq_finalize(bmis__stmt *b) {
  sqlite_stmt *st = (sqlite_stmt *)b;
  sqlite3_finalize(st->st);
  bmis__free(st);
}

static bmis_status bind_rc(int rc) {
  return rc == SQLITE_OK      ? BMIS_OK
         : rc == SQLITE_NOMEM ? BMIS_E_NOMEM
                              : BMIS_E_INTERNAL;
}

static bmis_status sq_bind_text(bmis__stmt *b, int i, const char *v) {
  sqlite_stmt *st = (sqlite_stmt *)b;
  return bind_rc(sqlite3_bind_text(st->st, i, v, -1, SQLITE_TRANSIENT));
}

static bmis_status sq_bind_int64(bmis__stmt *b, int i, int64_t v) {
  return bind_rc(sqlite3_bind_int64(((sqlite_stmt *)b)->st, i, v));
}

static bmis_status sq_bind_double(bmis__stmt *b, int i, double v) {
  return bind_rc(sqlite3_bind_double(((sqlite_stmt *)b)->st, i, v));
}

static int sq_step(bmis__stmt *b, bmis_error *err) {
  sqlite_stmt *st = (sqlite_stmt *)b;
  int rc = sqlite3_step(st->st);
  if (rc == SQLITE_ROW)
    return BMIS__ROW;
  if (rc == SQLITE_DONE)
    return BMIS__DONE;
  bmis_status status = db_error(st->db, err, "step");
  sqlite3_reset(st->st);
  return -(int)status;
}

static const char *sq_col_text(bmis__stmt *b, int i) {
  const unsigned char *t = sqlite3_column_text(((sqlite_stmt *)b)->st, i);
  return t ? (const char *)t : "";
}

static int64_t sq_col_int64(bmis__stmt *b, int i) {
  return sqlite3_column_int64(((sqlite_stmt *)b)->st, i);
}

static double sq_col_double(bmis__stmt *b, int i) {
  return sqlite3_column_double(((sqlite_stmt *)b)->st, i);
}

static int64_t sq_changes(bmis__stmt *b) {
  return sqlite3_changes64(((sqlite_stmt *)b)->db);
}

static void sq_reset(bmis__stmt *b) {
  sqlite_stmt *st = (sqlite_stmt *)b;
  sqlite3_reset(st->st);
  sqlite3_clear_bindings(st->st);
}

/* Copies all pages of src into dst with SQLite's online backup. */
static bmis_status copy_db(sqlite3 *dst, sqlite3 *src, bmis_error *err) {
  sqlite3_backup *bk = sqlite3_backup_init(dst, "main", src, "main");
  if (!bk)
    return db_error(dst, err, "backup");
  int rc;
  do {
    rc = sqlite3_backup_step(bk, 1024);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
      sqlite3_sleep(10);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(bk);
  if (rc != SQLITE_DONE)
    return bmis_error_set(err, BMIS_E_STORE, "sqlite: backup: %s",
                          sqlite3_errstr(rc));
  return BMIS_OK;
}

static bmis_status sq_backup(bmis_store *s, const char *path, bmis_error *err) {
  char tmp[4200];
  if (snprintf(tmp, sizeof tmp, "%s.partial", path) >= (int)sizeof tmp)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "backup path too long");
  unlink(tmp);
  sqlite3 *dst = NULL;
  if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      NULL) != SQLITE_OK) {
    bmis_error_set(err, BMIS_E_IO, "cannot create %s: %s", tmp,
                   dst ? sqlite3_errmsg(dst) : "out of memory");
    sqlite3_close(dst);
    return BMIS_E_IO;
  }
  bmis_status st = copy_db(dst, s->db, err);
  /* The copy is a self-contained file: no WAL beside it. */
  if (st == BMIS_OK && sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL,
                                    NULL, NULL) != SQLITE_OK)
    st = db_error(dst, err, "backup journal mode");
  sqlite3_close(dst);
  if (st == BMIS_OK && rename(tmp, path) != 0)
    st = bmis_error_set(err, BMIS_E_IO, "cannot move the backup to %s", path);
  if (st != BMIS_OK)
    unlink(tmp);
  return st;
}

static bmis_status sq_restore(bmis_store *s, const char *path,
                              bmis_error *err) {
  sqlite3 *src = NULL;
  if (sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    bmis_error_set(err, BMIS_E_IO, "cannot open backup %s: %s", path,
                   src ? sqlite3_errmsg(src) : "out of memory");
    sqlite3_close(src);
    return BMIS_E_IO;
  }
  /* Refuse a file that is not an OpenBMIS store before touching ours. */
  sqlite3_stmt *chk = NULL;
  int ok = sqlite3_prepare_v2(src, "SELECT max(version) FROM schema_migration",
                              -1, &chk, NULL) == SQLITE_OK &&
           sqlite3_step(chk) == SQLITE_ROW;
  sqlite3_finalize(chk);
  bmis_status st = BMIS_OK;
  if (!ok)
    st = bmis_error_set(err, BMIS_E_PARSE,
                        "%s is not an OpenBMIS SQLite backup", path);
  else
    st = copy_db(s->db, src, err);
  sqlite3_close(src);
  return st;
}

static int64_t sq_size(bmis_store *s) {
  sqlite3_stmt *st = NULL;
  int64_t size = -1;
  if (sqlite3_prepare_v2(s->db,
                         "SELECT page_count * page_size FROM "
                         "pragma_page_count(), pragma_page_size()",
                         -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    size = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return size;
}

const bmis__driver bmis__sqlite_driver = {
    .abi = BMIS__DRIVER_ABI,
    .size = sizeof(bmis__driver),
    .name = "sqlite",
    .dialect = BMIS__SQL_SQLITE,
    .begin_read = "BEGIN",
    .batch_insert = false,
    .open = sq_open,
    .close = sq_close,
    .exec = sq_exec,
    .tx = sq_tx,
    .prepare = sq_prepare,
    .finalize = sq_finalize,
    .bind_text = sq_bind_text,
    .bind_int64 = sq_bind_int64,
    .bind_double = sq_bind_double,
    .step = sq_step,
    .col_text = sq_col_text,
    .col_int64 = sq_col_int64,
    .col_double = sq_col_double,
    .changes = sq_changes,
    .reset = sq_reset,
    .set_durability = sq_set_durability,
    .backup = sq_backup,
    .restore = sq_restore,
    .size_bytes = sq_size,
};
