/* Inspections and single referrals in the store (see repo_inspection.h). */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include "store/repo_inspection.h"
#include "base/alloc.h"

#include "store/store_internal.h"

#include <stdlib.h>
#include <string.h>

bmis_status bmis__inspection_insert(bmis_store *s,
                                    const bmis__inspection_row *r,
                                    bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_INSPECTION_INSERT);
  bmis__bind_text(q, 1, r->id);
  bmis__bind_int(q, 2, r->created_at);
  bmis__bind_text(q, 3, r->officer);
  bmis__bind_text(q, 4, r->bcp);
  bmis__bind_text(q, 5, r->desk);
  bmis__bind_text(q, 6, r->request_json);
  bmis__bind_text(q, 7, r->result_json);
  bmis__bind_text(q, 8, r->hits_json);
  bmis__bind_text(q, 9, r->traveller_key);
  bmis__bind_int(q, 10, r->protection);
  return bmis__run(q, err);
}

static char *dup_col(bmis__stmt *q, int i) {
  const char *t = bmis__col_text(q, i);
  return bmis__strdup(t ? t : "");
}

bmis_status bmis__inspection_get(bmis_store *s, const char *id,
                                 bmis__inspection_row *out, bmis_error *err) {
  memset(out, 0, sizeof *out);
  Q_OR_FAIL(q, BMIS__Q_INSPECTION_GET);
  bmis__bind_text(q, 1, id);
  int rc = bmis__step(q, err);
  if (rc == BMIS__ROW) {
    bmis__col_copy(q, 0, out->id, sizeof out->id);
    out->created_at = bmis__col_int(q, 1);
    bmis__col_copy(q, 2, out->officer, sizeof out->officer);
    bmis__col_copy(q, 3, out->bcp, sizeof out->bcp);
    bmis__col_copy(q, 4, out->desk, sizeof out->desk);
    out->open = strcmp(bmis__col_text(q, 5), "open") == 0;
    out->request_json = dup_col(q, 6);
    out->result_json = dup_col(q, 7);
    out->hits_json = dup_col(q, 8);
    bmis__col_copy(q, 9, out->traveller_key, sizeof out->traveller_key);
    out->protection = (unsigned)bmis__col_int(q, 10);
    out->decided_at = bmis__col_int(q, 11);
    bmis__col_copy(q, 12, out->decided_by, sizeof out->decided_by);
    out->held = bmis__col_int(q, 13) != 0;
    bmis__col_copy(q, 14, out->minor_alternative,
                   sizeof out->minor_alternative);
    bmis__col_copy(q, 15, out->notice_language, sizeof out->notice_language);
  }
  bmis__reset(q);
  if (rc < 0)
    return (bmis_status)-rc;
  if (rc == BMIS__DONE)
    return bmis_error_set(err, BMIS_E_NOT_FOUND, "no inspection %.40s", id);
  if (!out->request_json || !out->result_json || !out->hits_json) {
    bmis__inspection_row_free(out);
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  }
  return BMIS_OK;
}

bmis_status bmis__inspection_decide(bmis_store *s,
                                    const bmis__inspection_row *r,
                                    bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_INSPECTION_DECIDE);
  bmis__bind_text(q, 1, r->id);
  bmis__bind_int(q, 2, r->decided_at);
  bmis__bind_text(q, 3, r->decided_by);
  bmis__bind_int(q, 4, r->held);
  bmis__bind_text(q, 5, r->minor_alternative);
  bmis__bind_text(q, 6, r->notice_language);
  bmis__bind_int(q, 7, r->protection);
  bmis_status st = bmis__run(q, err);
  if (st == BMIS_OK && bmis__changes(q) != 1)
    return bmis_error_set(err, BMIS_E_NOT_FOUND, "no inspection %.40s", r->id);
  return st;
}

bmis_status bmis__inspection_protect(bmis_store *s,
                                     const bmis__inspection_row *r,
                                     bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_INSPECTION_PROTECT);
  bmis__bind_text(q, 1, r->id);
  bmis__bind_int(q, 2, r->protection);
  bmis__bind_text(q, 3, r->request_json);
  bmis__bind_text(q, 4, r->result_json);
  bmis_status st = bmis__run(q, err);
  if (st == BMIS_OK && bmis__changes(q) != 1)
    return bmis_error_set(err, BMIS_E_CONFLICT, "inspection %.40s is not open",
                          r->id);
  return st;
}

bmis_status bmis__inspection_purge(bmis_store *s, int64_t before,
                                   int64_t *count, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_INSPECTION_PURGE);
  bmis__bind_int(q, 1, before);
  bmis_status st = bmis__run(q, err);
  *count = st == BMIS_OK ? bmis__changes(q) : 0;
  return st;
}

void bmis__inspection_row_free(bmis__inspection_row *r) {
  bmis__free(r->request_json);
  bmis__free(r->result_json);
  bmis__free(r->hits_json);
  r->request_json = r->result_json = r->hits_json = NULL;
}

static void referral_row(bmis__stmt *q, void *row) {
  bmis_referral *r = row;
  memset(r, 0, sizeof *r);
  bmis__col_copy(q, 0, r->id, sizeof r->id);
  bmis__col_copy(q, 1, r->movement_id, sizeof r->movement_id);
  r->kind = (bmis_referral_kind)bmis_code_value(BMIS_LIST_REFERRAL_KIND,
                                                bmis__col_text(q, 2));
  r->open = strcmp(bmis__col_text(q, 3), "open") == 0;
  r->opened_at = bmis__col_int(q, 4);
  r->closed_at = bmis__col_int(q, 5);
  bmis__col_copy(q, 6, r->note, sizeof r->note);
}

bmis_status bmis__referral_get(bmis_store *s, const char *id,
                               bmis_referral *out, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_REFERRAL_GET);
  bmis__bind_text(q, 1, id);
  return bmis__row_one(q, referral_row, out, err, "no referral %.40s", id);
}

bmis_status bmis__referral_list(bmis_store *s, bool open_only,
                                bmis_referral_fn fn, void *ctx,
                                bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_REFERRAL_LIST);
  bmis__bind_int(q, 1, open_only ? 1 : 0);
  ROWS_RETURN(q, bmis_referral, referral_row, fn(&row, ctx));
}

bmis_status bmis__referral_close_one(bmis_store *s, const char *id, int64_t at,
                                     const char *note, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_REFERRAL_CLOSE_ONE);
  bmis__bind_text(q, 1, id);
  bmis__bind_int(q, 2, at);
  bmis__bind_text(q, 3, note);
  bmis_status st = bmis__run(q, err);
  if (st == BMIS_OK && bmis__changes(q) != 1)
    return bmis_error_set(err, BMIS_E_CONFLICT,
                          "referral %.40s is closed already", id);
  return st;
}
