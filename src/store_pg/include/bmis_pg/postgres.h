/* The PostgreSQL store (libbmis_pg): the headquarters backend, in a library
 * of its own so that programs that never open a postgres:// store do not
 * load libpq. A program that does links libbmis_pg (the bmis_pg target, or
 * libbmis_pg.so beside libbmis.so) and calls bmis_store_postgres_enable
 * once, before opening stores; bmis_store_open then accepts "postgres://…"
 * and "postgresql://…" URLs (include/bmis/store.h). Without it, such a URL
 * is refused with BMIS_E_UNSUPPORTED naming libbmis_pg. */
#ifndef BMIS_PG_POSTGRES_H
#define BMIS_PG_POSTGRES_H

#include "bmis/export.h"
#include "bmis/status.h"

/* Registers the PostgreSQL driver with libbmis, for every thread; calling
 * it again does nothing. BMIS_E_UNSUPPORTED when libbmis_pg and libbmis
 * come from different builds. */
BMIS_API bmis_status bmis_store_postgres_enable(bmis_error *err);

#endif
