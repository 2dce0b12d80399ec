/* The store: where the register (and later watchlists, users, audit) lives.
 *
 * One interface, two backends chosen by the URL:
 *   - SQLite, the embedded default: a file path ("bmis.db", "/var/lib/x.db")
 *     or "sqlite:PATH". Opened in WAL mode.
 *   - PostgreSQL: "postgres://…" or "postgresql://…" (libpq's URI syntax),
 *     in its own library, libbmis_pg: a program that uses it links that
 *     library and calls bmis_store_postgres_enable() (bmis_pg/postgres.h)
 *     once; libbmis itself does not link libpq.
 * The schema is applied by versioned migrations (sql/<dialect>/migrations)
 * when a store is opened, and each applied version is recorded in the store.
 *
 * A bmis_store is one connection: use it from one thread at a time. */
#ifndef BMIS_STORE_H
#define BMIS_STORE_H

#include "bmis/export.h"
#include "bmis/status.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct bmis_store bmis_store;

/* What a committed write survives.
 *   PROCESS: the recording process being killed (kill -9) right after the
 *     commit returned. SQLite: WAL with synchronous=NORMAL. PostgreSQL:
 *     synchronous_commit=on (the server's own durability; see BENCHMARKS).
 *   POWER: also the machine losing power. SQLite: WAL with synchronous=FULL
 *     (the WAL is fsynced at every commit). PostgreSQL: as PROCESS, which
 *     already waits for the WAL flush. */
typedef enum bmis_durability {
  BMIS_DURABLE_PROCESS = 0,
  BMIS_DURABLE_POWER = 1
} bmis_durability;

typedef struct bmis_store_options {
  bmis_durability durability;
  bool no_migrate; /* open as is: do not apply pending migrations */
  bool must_exist; /* SQLite: fail with E_NOT_FOUND if the file is absent */
} bmis_store_options;

/* Sets the defaults: PROCESS durability, migrate on open, create if absent. */
BMIS_API void bmis_store_options_init(bmis_store_options *opts);

/* Opens (creating if needed) the store named by url and, unless
 * opts->no_migrate, applies pending migrations. opts may be NULL for the
 * defaults. On success *out is the handle; close it with bmis_store_close.
 * Errors: E_INVALID_ARG (bad URL), E_NOT_FOUND (must_exist), E_STORE (the
 * backend refused; message says why), E_SCHEMA (the store was migrated by a
 * newer program). */
BMIS_API bmis_status bmis_store_open(const char *url,
                                     const bmis_store_options *opts,
                                     bmis_store **out, bmis_error *err);

/* Closes the handle. Accepts NULL. */
BMIS_API void bmis_store_close(bmis_store *store);

/* "sqlite" or "postgres". */
BMIS_API const char *bmis_store_backend(const bmis_store *store);

typedef struct bmis_store_info {
  char backend[16];
  char location[512]; /* file path, or the URL without its password */
  int schema_version; /* highest applied migration */
  int schema_latest;  /* highest migration this program knows */
  bmis_durability durability;
  int64_t size_bytes; /* database size; -1 when unknown */
  int64_t bcps, travellers, documents, movements, pending_links;
} bmis_store_info;

/* Fills *info. */
BMIS_API bmis_status bmis_store_info_get(bmis_store *store,
                                         bmis_store_info *info,
                                         bmis_error *err);

/* Applies pending migrations; *applied (may be NULL) gets how many. */
BMIS_API bmis_status bmis_store_migrate(bmis_store *store, int *applied,
                                        bmis_error *err);

/* Writes a consistent copy of the store to the file `path` while it stays
 * in use: SQLite's online backup API (the copy is itself a SQLite store),
 * or pg_dump's custom format for PostgreSQL (pg_dump must be on PATH or in
 * `pg_config --bindir`). An existing file at path is replaced only when the
 * backup completed. */
BMIS_API bmis_status bmis_store_backup(bmis_store *store, const char *path,
                                       bmis_error *err);

/* Replaces the whole content of the store with a backup made by
 * bmis_store_backup for the same backend (pg_restore for PostgreSQL), then
 * applies migrations the backup may lack. */
BMIS_API bmis_status bmis_store_restore(bmis_store *store, const char *path,
                                        bmis_error *err);

/* Groups writes into one transaction: everything between begin and commit
 * becomes durable at commit, or not at all. Register calls made inside use
 * savepoints, so a rejected call inside a batch leaves the batch intact.
 * Not nestable. */
BMIS_API bmis_status bmis_store_begin(bmis_store *store, bmis_error *err);
BMIS_API bmis_status bmis_store_commit(bmis_store *store, bmis_error *err);
/* Rolls back the open transaction; harmless when none is open. */
BMIS_API void bmis_store_rollback(bmis_store *store);

/* A storage backend other than the built-in SQLite one. Its layout is
 * private to the project: drivers come from the same build as libbmis
 * (libbmis_pg's bmis_store_postgres_enable passes its own). */
typedef struct bmis_store_driver bmis_store_driver;

/* Makes bmis_store_open open the URLs whose scheme the driver names, from
 * now on, for every thread; registering the same driver again does nothing.
 * Call it before stores are opened. BMIS_E_UNSUPPORTED when the driver was
 * built for another version of libbmis or too many are registered;
 * BMIS_E_INVALID_ARG for a driver without a name or scheme. */
BMIS_API bmis_status bmis_store_driver_register(const bmis_store_driver *driver,
                                                bmis_error *err);

#endif
