/* The allocator hook: every block of memory libbmis itself allocates comes
 * from here, as SQLite's SQLITE_CONFIG_MALLOC and Lua's lua_Alloc allow. A
 * deployment may count, cap or pool the library's memory; the tests fail the
 * Nth allocation to prove every out-of-memory path (tests/unit/oom).
 *
 * Memory that jansson, SQLite, libpq, ICU or OpenSSL allocate inside a call
 * stays theirs and is not routed here. */
#ifndef BMIS_ALLOC_H
#define BMIS_ALLOC_H

#include "bmis/export.h"
#include "bmis/status.h"

#include <stddef.h>

/* Three functions and their context. malloc and realloc return NULL when
 * out of memory (libbmis then fails with BMIS_E_NOMEM, never aborts);
 * realloc(ctx, NULL, n) is malloc, and free(ctx, NULL) does nothing. libbmis
 * never asks for 0 bytes. All three must be set. */
typedef struct bmis_allocator {
  void *(*malloc)(void *ctx, size_t size);
  void *(*realloc)(void *ctx, void *ptr, size_t size);
  void (*free)(void *ctx, void *ptr);
  void *ctx;
} bmis_allocator;

/* Makes *a (copied) the allocator of every later libbmis allocation; NULL
 * restores the C library's malloc, realloc and free. Call it before any
 * other libbmis call, with nothing the library allocated still alive (a
 * block is freed by the allocator that made it), and not while another
 * thread is inside libbmis: the hook is one process-wide setting, not
 * guarded by a lock. BMIS_E_INVALID_ARG when a function is missing. */
BMIS_API bmis_status bmis_allocator_set(const bmis_allocator *a);

/* The allocator in use (the default's functions when none was set). */
BMIS_API void bmis_allocator_get(bmis_allocator *out);

/* Frees memory libbmis returned to the caller where a header says "free it
 * with bmis_free" (a text, an array): through the allocator that made it.
 * NULL is fine. */
BMIS_API void bmis_free(void *ptr);

#endif
