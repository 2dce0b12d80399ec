/* The store handle: picks the backend from the URL (SQLite built in, others
 * registered at run time), applies migrations, caches prepared statements
 * and nests transactions. */
#define _DEFAULT_SOURCE /* getrandom, strdup, posix_spawn */
#include "base/alloc.h"
#include "store/store_internal.h"

#include "base/text.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void bmis_store_options_init(bmis_store_options *opts) {
  memset(opts, 0, sizeof *opts);
  opts->durability = BMIS_DURABLE_PROCESS;
}

static bool has_prefix(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

/* ---- drivers ---- */

/* Registered drivers (SQLite is not among them: it is the default). Added
 * once by the program, read at every open; never removed. */
enum { MAX_DRIVERS = 8 };
static const bmis__driver *drivers[MAX_DRIVERS];
static size_t driver_count;
static pthread_mutex_t drivers_lock = PTHREAD_MUTEX_INITIALIZER;

bmis_status bmis_store_driver_register(const bmis_store_driver *drv,
                                       bmis_error *err) {
  if (!drv || !drv->name || !drv->schemes || !drv->schemes[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "store driver: no name or no URL scheme");
  if (drv->abi != BMIS__DRIVER_ABI || drv->size != sizeof(bmis__driver))
    return bmis_error_set(err, BMIS_E_UNSUPPORTED,
                          "store driver '%s' was built for another version "
                          "of libbmis (interface %u, this one has %d)",
                          drv->name, drv->abi, BMIS__DRIVER_ABI);
  bmis_status st = BMIS_OK;
  pthread_mutex_lock(&drivers_lock);
  bool known = false;
  for (size_t i = 0; i < driver_count; i++)
    known = known || drivers[i] == drv;
  if (!known) {
    if (driver_count < MAX_DRIVERS)
      drivers[driver_count++] = drv;
    else
      st = bmis_error_set(err, BMIS_E_UNSUPPORTED,
                          "store driver '%s': no room for another driver",
                          drv->name);
  }
  pthread_mutex_unlock(&drivers_lock);
  return st;
}

static const bmis__driver *driver_for(const char *url) {
  const bmis__driver *found = NULL;
  pthread_mutex_lock(&drivers_lock);
  for (size_t i = 0; i < driver_count && !found; i++)
    for (const char *const *p = drivers[i]->schemes; *p && !found; p++)
      if (has_prefix(url, *p))
        found = drivers[i];
  pthread_mutex_unlock(&drivers_lock);
  return found;
}

static const bmis__sql_migration *migrations_of(const bmis__driver *drv) {
  return drv->dialect == BMIS__SQL_POSTGRES ? bmis__sql_migrations_postgres
                                            : bmis__sql_migrations_sqlite;
}

/* "postgres://user:secret@host/db" -> "postgres://user@host/db". */
static void redact(const char *url, char *out, size_t cap) {
  const char *scheme = strstr(url, "://");
  const char *at = strchr(url, '@');
  const char *colon = scheme ? strchr(scheme + 3, ':') : NULL;
  if (scheme && at && colon && colon < at)
    snprintf(out, cap, "%.*s%s", (int)(colon - url), url, at);
  else
    snprintf(out, cap, "%s", url);
}

static bmis_status bootstrap_sql(bmis_store *s, bmis_error *err) {
  return s->drv->exec(s,
                      "CREATE TABLE IF NOT EXISTS schema_migration ("
                      " version INTEGER PRIMARY KEY,"
                      " title TEXT NOT NULL,"
                      " applied_at BIGINT NOT NULL)",
                      err);
}

static bmis_status schema_version(bmis_store *s, int *out, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_SCHEMA_VERSION);
  int rc = bmis__step(q, err);
  *out = rc == BMIS__ROW ? (int)bmis__col_int(q, 0) : 0;
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

bmis_status bmis_store_migrate(bmis_store *s, int *applied, bmis_error *err) {
  if (applied)
    *applied = 0;
  bmis_status st = bootstrap_sql(s, err);
  int have = 0;
  if (st == BMIS_OK)
    st = schema_version(s, &have, err);
  if (st != BMIS_OK)
    return st;
  if (have > bmis__sql_migration_count)
    return bmis_error_set(err, BMIS_E_SCHEMA,
                          "the store is at schema version %d; this program "
                          "knows versions up to %d",
                          have, bmis__sql_migration_count);
  for (const bmis__sql_migration *m = migrations_of(s->drv) + have; m->version;
       m++) {
    /* Each migration and its record commit together or not at all. Two
     * programs migrating at once: the second fails on the record's primary
     * key and rolls back. */
    st = bmis__tx_begin(s, err);
    if (st == BMIS_OK)
      st = s->drv->exec(s, m->text, err);
    if (st == BMIS_OK) {
      bmis__stmt *q = bmis__query(s, BMIS__Q_SCHEMA_RECORD, err);
      if (!q) {
        st = err ? err->status : BMIS_E_STORE;
      } else {
        bmis__bind_int(q, 1, m->version);
        bmis__bind_text(q, 2, m->title);
        /* applied_at: the database's clock (the library reads none) */
        st = bmis__run(q, err);
      }
    }
    if (st == BMIS_OK)
      st = bmis__tx_commit(s, err);
    if (st != BMIS_OK) {
      bmis__tx_rollback(s);
      char msg[256];
      snprintf(msg, sizeof msg, "%s", err ? err->message : "");
      return bmis_error_set(err, st, "migration %d (%s): %s", m->version,
                            m->title, msg);
    }
    if (applied)
      (*applied)++;
  }
  return BMIS_OK;
}

bmis_status bmis_store_open(const char *url, const bmis_store_options *opts,
                            bmis_store **out, bmis_error *err) {
  *out = NULL;
  bmis_store_options defaults;
  if (!opts) {
    bmis_store_options_init(&defaults);
    opts = &defaults;
  }
  if (!url || !*url)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "--store: empty URL");
  bmis_store *s = bmis__calloc(1, sizeof *s);
  if (!s)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  s->durability = opts->durability;
  const char *target = url;
  if ((s->drv = driver_for(url)) != NULL) {
    /* a registered driver's URL, passed on whole */
  } else if (has_prefix(url, "postgres://") ||
             has_prefix(url, "postgresql://")) {
    bmis__free(s);
    return bmis_error_set(err, BMIS_E_UNSUPPORTED,
                          "--store: this program has no PostgreSQL driver: "
                          "postgres:// stores need libbmis_pg, enabled with "
                          "bmis_store_postgres_enable()");
  } else if (strstr(url, "://")) {
    bmis__free(s);
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "--store: unknown scheme in '%s' (a file path, "
                          "sqlite:PATH or postgres://…)",
                          url);
  } else {
    s->drv = &bmis__sqlite_driver;
    if (has_prefix(url, "sqlite:"))
      target = url + 7;
    if (opts->must_exist && access(target, F_OK) != 0) {
      bmis__free(s);
      return bmis_error_set(err, BMIS_E_NOT_FOUND, "no store at %s", target);
    }
  }
  if (snprintf(s->target, sizeof s->target, "%s", target) >=
      (int)sizeof s->target) {
    bmis__free(s);
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "--store: URL too long");
  }
  redact(target, s->location, sizeof s->location);
  bmis_status st = s->drv->open(s, s->target, err);
  if (st != BMIS_OK) {
    bmis__free(s);
    return st;
  }
  if (!opts->no_migrate)
    st = bmis_store_migrate(s, NULL, err);
  if (st != BMIS_OK) {
    bmis_store_close(s);
    return st;
  }
  *out = s;
  return BMIS_OK;
}

static void drop_statements(bmis_store *s) {
  for (int i = 0; i < BMIS__Q_COUNT; i++) {
    if (s->stmts[i])
      s->drv->finalize(s->stmts[i]);
    s->stmts[i] = NULL;
  }
}

void bmis_store_close(bmis_store *s) {
  if (!s)
    return;
  if (s->depth > 0 || s->batch)
    s->drv->tx(s, BMIS__TX_ROLLBACK, NULL);
  if (s->ext_free)
    s->ext_free(s->ext);
  drop_statements(s);
  s->drv->close(s);
  bmis__free(s);
}

const char *bmis_store_backend(const bmis_store *s) {
  return s->drv->name;
}

/* ---- statements ---- */

bmis__stmt *bmis__query(bmis_store *s, bmis__query_id q, bmis_error *err) {
  if (!s->stmts[q]) {
    const bmis__sql_query *def = &bmis__sql_queries[q];
    const char *sql =
        s->drv->dialect == BMIS__SQL_POSTGRES ? def->postgres : def->sqlite;
    if (s->drv->prepare(s, def->name, sql, &s->stmts[q], err) != BMIS_OK)
      return NULL;
  }
  bmis__stmt *st = s->stmts[q];
  s->drv->reset(st);
  st->bind_status = BMIS_OK;
  return st;
}

static void note_bind(bmis__stmt *st, bmis_status rc) {
  if (rc != BMIS_OK && st->bind_status == BMIS_OK)
    st->bind_status = rc;
}

void bmis__bind_text(bmis__stmt *st, int i, const char *v) {
  note_bind(st, st->drv->bind_text(st, i, v));
}

void bmis__bind_int(bmis__stmt *st, int i, int64_t v) {
  note_bind(st, st->drv->bind_int64(st, i, v));
}

void bmis__bind_double(bmis__stmt *st, int i, double v) {
  note_bind(st, st->drv->bind_double(st, i, v));
}

int bmis__step(bmis__stmt *st, bmis_error *err) {
  if (st->bind_status != BMIS_OK)
    return -(int)bmis_error_set(err, st->bind_status,
                                "store: binding a parameter failed");
  return st->drv->step(st, err);
}

bmis_status bmis__row_one(bmis__stmt *q, bmis__row_reader read, void *out,
                          bmis_error *err, const char *fmt, ...) {
  int rc = bmis__step(q, err);
  if (rc == BMIS__ROW)
    read(q, out);
  bmis__reset(q);
  if (rc < 0)
    return (bmis_status)-rc;
  if (rc == BMIS__ROW)
    return BMIS_OK;
  char what[sizeof err->message];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  return bmis_error_set(err, BMIS_E_NOT_FOUND, "%s", what);
}

bmis_status bmis__run(bmis__stmt *st, bmis_error *err) {
  int rc;
  while ((rc = bmis__step(st, err)) == BMIS__ROW)
    ;
  if (rc < 0)
    return (bmis_status)-rc;
  return BMIS_OK;
}

const char *bmis__col_text(bmis__stmt *st, int i) {
  return st->drv->col_text(st, i);
}

int64_t bmis__col_int(bmis__stmt *st, int i) {
  return st->drv->col_int64(st, i);
}

double bmis__col_double(bmis__stmt *st, int i) {
  return st->drv->col_double(st, i);
}

void bmis__col_copy_exact(bmis__stmt *st, int i, char *dst, size_t cap) {
  const char *t = st->drv->col_text(st, i);
  size_t n = strlen(t);
  if (n >= cap)
    n = cap - 1;
  memcpy(dst, t, n);
  dst[n] = 0;
}

void bmis__col_copy(bmis__stmt *st, int i, char *dst, size_t cap) {
  /* What an older version stored cut inside a character still reads back
   * (issue 12, defect 4): repaired, and cut only between characters. */
  bmis__text_repair(dst, cap, st->drv->col_text(st, i));
}

int64_t bmis__changes(bmis__stmt *st) {
  return st->drv->changes(st);
}

void bmis__reset(bmis__stmt *st) {
  st->drv->reset(st);
}

/* ---- transactions ---- */

bmis_status bmis__tx_begin(bmis_store *s, bmis_error *err) {
  if (s->depth++ > 0)
    return BMIS_OK;
  bmis_status st;
  if (s->batch) {
    st = s->drv->tx(s, BMIS__TX_SAVEPOINT, err);
  } else {
    /* IMMEDIATE: take the write lock now, not at the first write, so two
     * SQLite writers queue instead of deadlocking. */
    st = s->drv->tx(s, BMIS__TX_BEGIN, err);
  }
  if (st != BMIS_OK)
    s->depth = 0;
  return st;
}

bmis_status bmis__tx_commit(bmis_store *s, bmis_error *err) {
  if (s->depth == 0)
    return bmis_error_set(err, BMIS_E_INTERNAL, "commit without begin");
  if (--s->depth > 0)
    return BMIS_OK;
  bmis_status st =
      s->drv->tx(s, s->batch ? BMIS__TX_RELEASE : BMIS__TX_COMMIT, err);
  if (st != BMIS_OK) {
    s->depth = 1;
    bmis__tx_rollback(s);
  }
  return st;
}

void bmis__tx_rollback(bmis_store *s) {
  if (s->depth == 0)
    return;
  s->depth = 0;
  if (s->batch) {
    s->drv->tx(s, BMIS__TX_ROLLBACK_TO, NULL);
    s->drv->tx(s, BMIS__TX_RELEASE, NULL);
  } else
    s->drv->tx(s, BMIS__TX_ROLLBACK, NULL);
}

bmis_status bmis_store_begin(bmis_store *s, bmis_error *err) {
  if (s->batch || s->depth)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "a transaction is already open");
  bmis_status st = s->drv->tx(s, BMIS__TX_BEGIN, err);
  if (st == BMIS_OK)
    s->batch = 1;
  return st;
}

bmis_status bmis_store_commit(bmis_store *s, bmis_error *err) {
  if (!s->batch)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no transaction is open");
  bmis_status st = s->drv->tx(s, BMIS__TX_COMMIT, err);
  if (st != BMIS_OK)
    s->drv->tx(s, BMIS__TX_ROLLBACK, NULL);
  s->batch = 0;
  return st;
}

void bmis_store_rollback(bmis_store *s) {
  if (!s->batch)
    return;
  s->drv->tx(s, BMIS__TX_ROLLBACK, NULL);
  s->batch = 0;
  s->depth = 0;
}

/* ---- information, backup, restore ---- */

static int64_t count_of(bmis_store *s, bmis__query_id q, bmis_error *err) {
  bmis__stmt *st = bmis__query(s, q, err);
  if (!st)
    return -1;
  int64_t n = bmis__step(st, err) == BMIS__ROW ? bmis__col_int(st, 0) : -1;
  bmis__reset(st);
  return n;
}

bmis_status bmis_store_info_get(bmis_store *s, bmis_store_info *info,
                                bmis_error *err) {
  memset(info, 0, sizeof *info);
  snprintf(info->backend, sizeof info->backend, "%s", s->drv->name);
  snprintf(info->location, sizeof info->location, "%s", s->location);
  info->durability = s->durability;
  info->schema_latest = bmis__sql_migration_count;
  info->size_bytes = s->drv->size_bytes(s);
  bmis_status st = bootstrap_sql(s, err);
  if (st == BMIS_OK)
    st = schema_version(s, &info->schema_version, err);
  if (st != BMIS_OK)
    return st;
  if (info->schema_version < 1)
    return BMIS_OK; /* nothing to count yet */
  info->bcps = count_of(s, BMIS__Q_COUNT_BCP, err);
  info->travellers = count_of(s, BMIS__Q_COUNT_TRAVELLER, err);
  info->documents = count_of(s, BMIS__Q_COUNT_DOCUMENT, err);
  info->movements = count_of(s, BMIS__Q_COUNT_MOVEMENT, err);
  info->pending_links = count_of(s, BMIS__Q_COUNT_PENDING_LINK, err);
  if (info->bcps < 0 || info->travellers < 0 || info->documents < 0 ||
      info->movements < 0 || info->pending_links < 0)
    return err ? err->status : BMIS_E_STORE;
  return BMIS_OK;
}

bmis_status bmis_store_backup(bmis_store *s, const char *path,
                              bmis_error *err) {
  if (!path || !*path)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "backup: no file given");
  if (s->batch || s->depth)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "backup: a transaction is open");
  return s->drv->backup(s, path, err);
}

bmis_status bmis_store_restore(bmis_store *s, const char *path,
                               bmis_error *err) {
  if (!path || !*path)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "restore: no file given");
  if (s->batch || s->depth)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "restore: a transaction is open");
  /* Statements refer to the tables being replaced: prepare them afresh. */
  drop_statements(s);
  if (s->ext_free)
    s->ext_free(s->ext);
  s->ext = NULL;
  s->ext_free = NULL;
  bmis_status st = s->drv->restore(s, path, err);
  if (st == BMIS_OK)
    st = bmis_store_migrate(s, NULL, err);
  return st;
}
