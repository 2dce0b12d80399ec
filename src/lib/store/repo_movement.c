/* Store access for movements, their earlier versions and referrals. */
#include "store/repo.h"
#include "store/store_internal.h"

#include <stdio.h>
#include <string.h>

/* Binds parameters 1..25 in the column order of movement_insert/update. */
static void bind_movement(bmis__stmt *q, const bmis_movement *m) {
  char local[11], permitted[11];
  bmis__date_to_text(m->local_date, local);
  bmis__date_to_text(m->permitted_until, permitted);
  bmis__bind_text(q, 1, m->id);
  bmis__bind_text(q, 2, m->traveller_id);
  bmis__bind_text(q, 3, m->document_id);
  bmis__bind_text(q, 4, bmis_code_name(BMIS_LIST_DIRECTION, m->direction));
  bmis__bind_text(q, 5, m->bcp);
  bmis__bind_int(q, 6, m->crossed_at);
  bmis__bind_text(q, 7, local);
  bmis__bind_text(q, 8, bmis_code_name(BMIS_LIST_TRANSPORT, m->transport));
  bmis__bind_text(q, 9, m->carrier);
  bmis__bind_text(q, 10, m->transport_number);
  bmis__bind_text(q, 11, m->route_country);
  bmis__bind_text(q, 12, m->residence_country);
  bmis__bind_text(q, 13, bmis_code_name(BMIS_LIST_PURPOSE, m->purpose));
  bmis__bind_int(q, 14, m->intended_days);
  bmis__bind_text(q, 15, m->local_address);
  bmis__bind_text(q, 16, m->entry_type);
  bmis__bind_text(q, 17, permitted);
  bmis__bind_text(q, 18, bmis_code_name(BMIS_LIST_DECISION, m->decision));
  bmis__bind_text(q, 19, m->grounds);
  bmis__bind_text(q, 20, m->decision_note);
  bmis__bind_text(q, 21, m->officer);
  bmis__bind_text(q, 22, m->desk);
  bmis__bind_text(q, 23, m->nationality);
  bmis__bind_int(q, 24, m->voided ? 1 : 0);
  bmis__bind_int(q, 25, m->version);
}

/* Columns in the order of the m.* lists in sql/queries/movement_*.sql. */
static void movement_row(bmis__stmt *q, void *row) {
  bmis_movement *m = row;
  memset(m, 0, sizeof *m);
  bmis__col_copy(q, 0, m->id, sizeof m->id);
  bmis__col_copy(q, 1, m->traveller_id, sizeof m->traveller_id);
  bmis__col_copy(q, 2, m->document_id, sizeof m->document_id);
  m->direction = (bmis_direction)bmis_code_value(BMIS_LIST_DIRECTION,
                                                 bmis__col_text(q, 3));
  bmis__col_copy(q, 4, m->bcp, sizeof m->bcp);
  m->crossed_at = bmis__col_int(q, 5);
  m->local_date = bmis__date_from_text(bmis__col_text(q, 6));
  m->transport = (bmis_transport)bmis_code_value(BMIS_LIST_TRANSPORT,
                                                 bmis__col_text(q, 7));
  bmis__col_copy(q, 8, m->carrier, sizeof m->carrier);
  bmis__col_copy(q, 9, m->transport_number, sizeof m->transport_number);
  bmis__col_copy(q, 10, m->route_country, sizeof m->route_country);
  bmis__col_copy(q, 11, m->residence_country, sizeof m->residence_country);
  m->purpose =
      (bmis_purpose)bmis_code_value(BMIS_LIST_PURPOSE, bmis__col_text(q, 12));
  m->intended_days = (int)bmis__col_int(q, 13);
  bmis__col_copy(q, 14, m->local_address, sizeof m->local_address);
  bmis__col_copy(q, 15, m->entry_type, sizeof m->entry_type);
  m->permitted_until = bmis__date_from_text(bmis__col_text(q, 16));
  m->decision =
      (bmis_decision)bmis_code_value(BMIS_LIST_DECISION, bmis__col_text(q, 17));
  bmis__col_copy(q, 18, m->grounds, sizeof m->grounds);
  bmis__col_copy(q, 19, m->decision_note, sizeof m->decision_note);
  bmis__col_copy(q, 20, m->officer, sizeof m->officer);
  bmis__col_copy(q, 21, m->desk, sizeof m->desk);
  bmis__col_copy(q, 22, m->nationality, sizeof m->nationality);
  m->voided = bmis__col_int(q, 23) != 0;
  m->version = (int)bmis__col_int(q, 24);
}

static bmis_status each_movement(bmis__stmt *q, bmis_movement_fn fn, void *ctx,
                                 bmis_error *err) {
  ROWS_RETURN(q, bmis_movement, movement_row, fn(&row, ctx));
}

bmis_status bmis__movement_insert(bmis_store *s, const bmis_movement *m,
                                  int64_t recorded_at, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_MOVEMENT_INSERT);
  bind_movement(q, m);
  bmis__bind_int(q, 26, recorded_at);
  return bmis__run(q, err);
}

bmis_status bmis__movement_get(bmis_store *s, const char *id,
                               bmis_movement *out, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_MOVEMENT_GET);
  bmis__bind_text(q, 1, id);
  return bmis__row_one(q, movement_row, out, err, "no movement %s", id);
}

bmis_status bmis__movement_update(bmis_store *s, const bmis_movement *m,
                                  bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_MOVEMENT_UPDATE);
  bind_movement(q, m);
  bmis_status st = bmis__run(q, err);
  if (st == BMIS_OK && bmis__changes(q) != 1)
    return bmis_error_set(err, BMIS_E_NOT_FOUND, "no movement %s", m->id);
  return st;
}

bmis_status bmis__movement_by_person(bmis_store *s, const char *person_id,
                                     bool include_voided, bmis_movement_fn fn,
                                     void *ctx, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_MOVEMENT_BY_PERSON);
  bmis__bind_text(q, 1, person_id);
  bmis__bind_int(q, 2, include_voided ? 1 : 0);
  return each_movement(q, fn, ctx, err);
}

bmis_status bmis__movement_list(bmis_store *s, const bmis_movement_filter *f,
                                int64_t lo, int64_t hi, bmis_movement_fn fn,
                                void *ctx, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_MOVEMENT_LIST);
  char from[11] = "", to[11] = "9999-12-31";
  if (f->from.year)
    bmis__date_to_text(f->from, from);
  if (f->to.year)
    bmis__date_to_text(f->to, to);
  bmis__bind_int(q, 1, lo);
  bmis__bind_int(q, 2, hi);
  bmis__bind_text(q, 3, from);
  bmis__bind_text(q, 4, to);
  bmis__bind_text(q, 5, f->bcp);
  bmis__bind_text(q, 6, f->nationality);
  bmis__bind_text(q, 7, bmis_code_name(BMIS_LIST_DIRECTION, f->direction));
  bmis__bind_text(q, 8, bmis_code_name(BMIS_LIST_DECISION, f->decision));
  bmis__bind_int(q, 9, f->include_voided ? 1 : 0);
  bmis__bind_int(q, 10, f->limit > 0 ? f->limit : INT64_MAX);
  return each_movement(q, fn, ctx, err);
}

bmis_status bmis__movement_version_insert(bmis_store *s, const char *id,
                                          int version, const char *kind,
                                          const bmis_change *c,
                                          const char *before_json,
                                          bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_MOVEMENT_VERSION_INSERT);
  bmis__bind_text(q, 1, id);
  bmis__bind_int(q, 2, version);
  bmis__bind_text(q, 3, kind);
  bmis__bind_text(q, 4, c->by);
  bmis__bind_text(q, 5, c->reason);
  bmis__bind_int(q, 6, c->at);
  bmis__bind_text(q, 7, before_json);
  return bmis__run(q, err);
}

bmis_status bmis__movement_version_list(bmis_store *s, const char *id,
                                        bmis__version_fn fn, void *ctx,
                                        bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_MOVEMENT_VERSION_LIST);
  bmis__bind_text(q, 1, id);
  int rc;
  while ((rc = bmis__step(q, err)) == BMIS__ROW)
    if (fn((int)bmis__col_int(q, 0), bmis__col_text(q, 1), bmis__col_text(q, 2),
           bmis__col_text(q, 3), bmis__col_int(q, 4), bmis__col_text(q, 5),
           ctx))
      break;
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

bmis_status bmis__referral_insert(bmis_store *s, const bmis_referral *r,
                                  bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_REFERRAL_INSERT);
  bmis__bind_text(q, 1, r->id);
  bmis__bind_text(q, 2, r->movement_id);
  bmis__bind_text(q, 3, bmis_code_name(BMIS_LIST_REFERRAL_KIND, r->kind));
  bmis__bind_text(q, 4, r->open ? "open" : "closed");
  bmis__bind_int(q, 5, r->opened_at);
  bmis__bind_int(q, 6, r->closed_at);
  bmis__bind_text(q, 7, r->note);
  return bmis__run(q, err);
}

/* Calls fn for each referral row of a query whose first parameter is
 * bound already. */
static bmis_status referral_rows(bmis__stmt *q, bmis_referral_fn fn, void *ctx,
                                 bmis_error *err) {
  int rc;
  while ((rc = bmis__step(q, err)) == BMIS__ROW) {
    bmis_referral r;
    memset(&r, 0, sizeof r);
    bmis__col_copy(q, 0, r.id, sizeof r.id);
    bmis__col_copy(q, 1, r.movement_id, sizeof r.movement_id);
    r.kind = (bmis_referral_kind)bmis_code_value(BMIS_LIST_REFERRAL_KIND,
                                                 bmis__col_text(q, 2));
    r.open = strcmp(bmis__col_text(q, 3), "open") == 0;
    r.opened_at = bmis__col_int(q, 4);
    r.closed_at = bmis__col_int(q, 5);
    bmis__col_copy(q, 6, r.note, sizeof r.note);
    if (fn(&r, ctx))
      break;
  }
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

bmis_status bmis__referral_by_movement(bmis_store *s, const char *movement_id,
                                       bmis_referral_fn fn, void *ctx,
                                       bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_REFERRAL_BY_MOVEMENT);
  bmis__bind_text(q, 1, movement_id);
  return referral_rows(q, fn, ctx, err);
}

bmis_status bmis__referral_open_by_person(bmis_store *s, const char *person_id,
                                          bmis_referral_fn fn, void *ctx,
                                          bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_REFERRAL_OPEN_BY_PERSON);
  bmis__bind_text(q, 1, person_id);
  return referral_rows(q, fn, ctx, err);
}

bmis_status bmis__referral_close(bmis_store *s, const char *movement_id,
                                 bmis_referral_kind kind, int64_t at,
                                 bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_REFERRAL_CLOSE);
  bmis__bind_text(q, 1, movement_id);
  bmis__bind_text(q, 2, bmis_code_name(BMIS_LIST_REFERRAL_KIND, kind));
  bmis__bind_int(q, 3, at);
  return bmis__run(q, err);
}
