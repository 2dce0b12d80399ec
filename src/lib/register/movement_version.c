/* A movement's next version (see bmis__movement_save_version): the history
 * row, the update and the person's stays. Its own file, below movement.c
 * and protection.c, which both change movements, so that neither calls the
 * other back. */
#include "base/alloc.h"
#include "register/register_internal.h"
#include "store/repo.h"

#include <stdlib.h>

bmis_status bmis__movement_save_version(bmis_store *s, const bmis_movement *old,
                                        bmis_movement *next, const char *kind,
                                        const bmis_change *change,
                                        bmis_error *err) {
  char *text = bmis__wire_movement_snapshot(old);
  if (!text)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  next->version = old->version + 1;
  bmis_status st = bmis__movement_version_insert(s, old->id, old->version, kind,
                                                 change, text, err);
  bmis__free(text);
  if (st == BMIS_OK)
    st = bmis__movement_update(s, next, err);
  bmis_traveller t;
  if (st == BMIS_OK)
    st = bmis__traveller_get(s, old->traveller_id, &t, err);
  if (st == BMIS_OK)
    st = bmis__person_restay(s, t.person_id, NULL, NULL, err);
  return st;
}
