/* Inside the store: the driver interface both backends implement, and the
 * query helpers the repositories (the store/repo_ files) use. Only
 * src/lib/store and the PostgreSQL driver (src/store_pg, libbmis_pg)
 * include this file; the register reaches the store through repo.h. */
#ifndef BMIS_STORE_INTERNAL_H
#define BMIS_STORE_INTERNAL_H

#include "bmis/store.h"
#include "store/sql.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct bmis__stmt bmis__stmt;

/* Transaction statements, run once or twice per recorded crossing. */
typedef enum bmis__tx_op {
  BMIS__TX_BEGIN, /* SQLite: BEGIN IMMEDIATE */
  BMIS__TX_COMMIT,
  BMIS__TX_ROLLBACK,
  BMIS__TX_SAVEPOINT,  /* SAVEPOINT bmis_call */
  BMIS__TX_RELEASE,    /* RELEASE SAVEPOINT bmis_call */
  BMIS__TX_ROLLBACK_TO /* ROLLBACK TO SAVEPOINT bmis_call */
} bmis__tx_op;

/* Results of bmis__step. */
enum { BMIS__ROW = 1, BMIS__DONE = 0 };

/* Drivers: SQLite is built into libbmis; others (PostgreSQL, in libbmis_pg)
 * are registered at run time with bmis_store_driver_register. A driver and
 * libbmis must come from the same build: the driver carries the interface
 * version it was compiled against (BMIS__DRIVER_ABI, raised whenever this
 * struct or struct bmis_store changes) and its size, and registration
 * refuses a mismatch. Drivers never see the query tables: the store hands
 * them the SQL text of their dialect. */
#define BMIS__DRIVER_ABI 1

typedef struct bmis_store_driver {
  unsigned abi; /* BMIS__DRIVER_ABI */
  size_t size;  /* sizeof(bmis__driver) */
  const char *name;
  /* URL prefixes the driver opens ("postgres://", …), NULL-terminated. */
  const char *const *schemes;
  bmis__sql_dialect dialect; /* which text of each query and migration */
  /* What the dialect can do, so that no query asks for the driver's name:
   * the statement opening a read-only transaction that sees one snapshot
   * throughout, and whether inserting many rows in one statement beats one
   * statement a row (a round trip each to a server). */
  const char *begin_read;
  bool batch_insert;
  /* Opens the connection named by target (path or URL). */
  bmis_status (*open)(bmis_store *s, const char *target, bmis_error *err);
  void (*close)(bmis_store *s);
  /* Runs a script of one or more statements without parameters. */
  bmis_status (*exec)(bmis_store *s, const char *sql, bmis_error *err);
  bmis_status (*tx)(bmis_store *s, bmis__tx_op op, bmis_error *err);
  /* name: the query's name (unique, [a-z0-9_]); sql: its text in the
   * driver's dialect. Both outlive the statement. */
  bmis_status (*prepare)(bmis_store *s, const char *name, const char *sql,
                         bmis__stmt **out, bmis_error *err);
  void (*finalize)(bmis__stmt *st);
  /* Parameters are 1-based, as in the SQL text. */
  bmis_status (*bind_text)(bmis__stmt *st, int i, const char *v);
  bmis_status (*bind_int64)(bmis__stmt *st, int i, int64_t v);
  bmis_status (*bind_double)(bmis__stmt *st, int i, double v);
  /* BMIS__ROW, BMIS__DONE, or a negative bmis_status with err set;
   * unique-key violations are -BMIS_E_CONFLICT. */
  int (*step)(bmis__stmt *st, bmis_error *err);
  /* Columns are 0-based. Text is never NULL ("" for SQL NULL) and stays
   * valid until the next step or reset. */
  const char *(*col_text)(bmis__stmt *st, int i);
  int64_t (*col_int64)(bmis__stmt *st, int i);
  double (*col_double)(bmis__stmt *st, int i);
  /* Rows changed by the last statement stepped to its end. */
  int64_t (*changes)(bmis__stmt *st);
  void (*reset)(bmis__stmt *st);
  bmis_status (*set_durability)(bmis_store *s, bmis_durability d,
                                bmis_error *err);
  bmis_status (*backup)(bmis_store *s, const char *path, bmis_error *err);
  bmis_status (*restore)(bmis_store *s, const char *path, bmis_error *err);
  int64_t (*size_bytes)(bmis_store *s);
} bmis__driver;

extern const bmis__driver bmis__sqlite_driver;

struct bmis_store {
  const bmis__driver *drv;
  void *db;                         /* sqlite3 * or PGconn * */
  void *drv_state;                  /* the backend's own per-connection state */
  bmis__stmt *stmts[BMIS__Q_COUNT]; /* prepared on first use */
  bmis_durability durability;
  char target[1024];   /* path or URL as given */
  char location[512];  /* for display: no password */
  int batch;           /* inside bmis_store_begin/commit */
  int depth;           /* nested bmis__tx_begin calls */
  unsigned savepoints; /* savepoint names made so far */
  /* Per-handle state of higher layers (the register's caches), freed with
   * the store. */
  void *ext;
  void (*ext_free)(void *ext);
};

/* Every backend's statement starts with this header. */
struct bmis__stmt {
  const bmis__driver *drv;
  bmis_status bind_status; /* first failed bind, reported at step */
};

/* The prepared statement for a query, reset and ready to bind; NULL with err
 * set on failure. Statements are owned by the store. */
bmis__stmt *bmis__query(bmis_store *s, bmis__query_id q, bmis_error *err);

/* In a repository function with `bmis_store *s` and `bmis_error *err`:
 * declares q as the ready statement of query id, or returns the error. */
#define Q_OR_FAIL(q, id)                                                       \
  bmis__stmt *q = bmis__query(s, id, err);                                     \
  if (!q)                                                                      \
  return err ? err->status : BMIS_E_STORE

/* Binding helpers: a failure is remembered and reported by the next step. */
void bmis__bind_text(bmis__stmt *st, int i, const char *v);
void bmis__bind_int(bmis__stmt *st, int i, int64_t v);
void bmis__bind_double(bmis__stmt *st, int i, double v);
/* BMIS__ROW, BMIS__DONE or a negative status (err set). */
int bmis__step(bmis__stmt *st, bmis_error *err);
/* Steps a statement that returns no rows to its end, then resets it. */
bmis_status bmis__run(bmis__stmt *st, bmis_error *err);
const char *bmis__col_text(bmis__stmt *st, int i);
int64_t bmis__col_int(bmis__stmt *st, int i);
double bmis__col_double(bmis__stmt *st, int i);
/* Copies column text into a fixed-size field (cut to fit between
 * characters, ill-formed UTF-8 replaced; see bmis__text_repair). */
void bmis__col_copy(bmis__stmt *st, int i, char *dst, size_t cap);
/* The bytes as stored, cut to fit, nothing repaired: for what a hash covers
 * (the audit chain), where a repaired text would read as tampering. */
void bmis__col_copy_exact(bmis__stmt *st, int i, char *dst, size_t cap);
int64_t bmis__changes(bmis__stmt *st);
void bmis__reset(bmis__stmt *st);

/* In a repository function with `bmis_error *err`: walks the rows of q,
 * reading each into a local `T row` with read(q, &row), until stop (an
 * expression of row) is true; then resets q and returns the status of the
 * steps. Every "for each row, call back" function is this one line. */
#define ROWS_RETURN(q, T, read, stop)                                          \
  do {                                                                         \
    int rc_;                                                                   \
    while ((rc_ = bmis__step(q, err)) == BMIS__ROW) {                          \
      T row;                                                                   \
      read(q, &row);                                                           \
      if (stop)                                                                \
        break;                                                                 \
    }                                                                          \
    bmis__reset(q);                                                            \
    return rc_ < 0 ? (bmis_status)-rc_ : BMIS_OK;                              \
  } while (0)

/* Reads the columns of the row q stands on into out (a repository's own
 * struct). */
typedef void (*bmis__row_reader)(bmis__stmt *q, void *out);
/* Steps q, bound and ready, for one row, reads it into out with read and
 * resets q. BMIS_E_NOT_FOUND with the message made from fmt when q gives no
 * row; the store's error when the step fails. */
bmis_status bmis__row_one(bmis__stmt *q, bmis__row_reader read, void *out,
                          bmis_error *err, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Transactions: the outermost begin opens one (or a savepoint inside a
 * caller's bmis_store_begin batch); inner calls nest by counting. Commit of
 * the outermost makes it durable; rollback undoes everything since the
 * matching begin. */
bmis_status bmis__tx_begin(bmis_store *s, bmis_error *err);
bmis_status bmis__tx_commit(bmis_store *s, bmis_error *err);
void bmis__tx_rollback(bmis_store *s);

#endif
