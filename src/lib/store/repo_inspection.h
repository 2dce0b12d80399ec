/* Inspections in the store (sql/queries/inspection_*.sql) and referrals
 * looked up one at a time (secondary inspection). */
#ifndef BMIS_STORE_REPO_INSPECTION_H
#define BMIS_STORE_REPO_INSPECTION_H

#include "bmis/inspect.h"

#include <stdint.h>

/* An inspection row; the JSON texts are malloc'd (free with
 * bmis__inspection_row_free). */
typedef struct bmis__inspection_row {
  char id[BMIS_ID_SIZE];
  int64_t created_at;
  char officer[64];
  char bcp[17];
  char desk[33];
  bool open;
  char *request_json, *result_json, *hits_json;
  char traveller_key[64];
  unsigned protection;
  int64_t decided_at;
  char decided_by[64];
  bool held;
  char minor_alternative[32];
  char notice_language[3];
} bmis__inspection_row;

bmis_status bmis__inspection_insert(bmis_store *s,
                                    const bmis__inspection_row *r,
                                    bmis_error *err);
/* E_NOT_FOUND when there is none. */
bmis_status bmis__inspection_get(bmis_store *s, const char *id,
                                 bmis__inspection_row *out, bmis_error *err);
/* Marks an open inspection decided; E_CONFLICT when it was not open. */
bmis_status bmis__inspection_decide(bmis_store *s,
                                    const bmis__inspection_row *r,
                                    bmis_error *err);
/* Stores an open inspection's protection bits, request and result again
 * (a need raised); E_CONFLICT when it is not open. */
bmis_status bmis__inspection_protect(bmis_store *s,
                                     const bmis__inspection_row *r,
                                     bmis_error *err);
void bmis__inspection_row_free(bmis__inspection_row *r);
/* Empties what decided inspections older than `before` showed (see
 * inspection_purge.sql); *count says how many. */
bmis_status bmis__inspection_purge(bmis_store *s, int64_t before,
                                   int64_t *count, bmis_error *err);

bmis_status bmis__referral_get(bmis_store *s, const char *id,
                               bmis_referral *out, bmis_error *err);
bmis_status bmis__referral_list(bmis_store *s, bool open_only,
                                bmis_referral_fn fn, void *ctx,
                                bmis_error *err);
/* Closes one open referral with a note; E_CONFLICT when it is closed. */
bmis_status bmis__referral_close_one(bmis_store *s, const char *id, int64_t at,
                                     const char *note, bmis_error *err);

#endif
