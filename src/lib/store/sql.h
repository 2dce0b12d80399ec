/* The SQL texts compiled into the library from sql/ (tools/embed_sql.c). */
#ifndef BMIS_STORE_SQL_H
#define BMIS_STORE_SQL_H

#include "sql_queries.h" /* generated: enum bmis__query_id */

typedef enum bmis__sql_dialect {
  BMIS__SQL_SQLITE,
  BMIS__SQL_POSTGRES
} bmis__sql_dialect;

typedef struct bmis__sql_query {
  const char *name;
  const char *sqlite;   /* parameters written ?1, ?2 … */
  const char *postgres; /* parameters written $1, $2 … */
} bmis__sql_query;

typedef struct bmis__sql_migration {
  int version; /* 1, 2, 3 … */
  const char *title;
  const char *text; /* one or more statements */
} bmis__sql_migration;

extern const bmis__sql_query bmis__sql_queries[BMIS__Q_COUNT];
/* Each ends with a {0, 0, 0} row. */
extern const bmis__sql_migration bmis__sql_migrations_sqlite[];
extern const bmis__sql_migration bmis__sql_migrations_postgres[];
extern const int bmis__sql_migration_count;

#endif
