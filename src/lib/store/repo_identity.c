/* Store access for identity links and stays. */
#include "store/repo.h"
#include "store/store_internal.h"

#include <stdio.h>
#include <string.h>

#define Q_OR_FAIL(q, id)                                                       \
  bmis__stmt *q = bmis__query(s, id, err);                                     \
  if (!q)                                                                      \
  return err ? err->status : BMIS_E_STORE

static const char *const link_status_names[] = {"", "pending", "confirmed",
                                                "rejected"};

const char *bmis__link_status_name(bmis_link_status st) {
  return st >= BMIS_LINK_PENDING && st <= BMIS_LINK_REJECTED
             ? link_status_names[st]
             : "";
}

bmis_link_status bmis__link_status_value(const char *text) {
  for (int i = BMIS_LINK_PENDING; i <= BMIS_LINK_REJECTED; i++)
    if (strcmp(text, link_status_names[i]) == 0)
      return (bmis_link_status)i;
  return (bmis_link_status)0;
}

bmis_status bmis__link_insert(bmis_store *s, const bmis_identity_link *l,
                              bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_LINK_INSERT);
  bmis__bind_text(q, 1, l->id);
  bmis__bind_text(q, 2, l->traveller_id);
  bmis__bind_text(q, 3, l->candidate_id);
  bmis__bind_double(q, 4, l->confidence);
  bmis__bind_text(q, 5, l->reasons);
  bmis__bind_text(q, 6, bmis__link_status_name(l->status));
  bmis__bind_text(q, 7, l->decided_by);
  bmis__bind_text(q, 8, l->decision_reason);
  bmis__bind_int(q, 9, l->created_at);
  bmis__bind_int(q, 10, l->decided_at);
  return bmis__run(q, err);
}

static void link_row(bmis__stmt *q, bmis_identity_link *l) {
  memset(l, 0, sizeof *l);
  bmis__col_copy(q, 0, l->id, sizeof l->id);
  bmis__col_copy(q, 1, l->traveller_id, sizeof l->traveller_id);
  bmis__col_copy(q, 2, l->candidate_id, sizeof l->candidate_id);
  l->confidence = bmis__col_double(q, 3);
  bmis__col_copy(q, 4, l->reasons, sizeof l->reasons);
  l->status = bmis__link_status_value(bmis__col_text(q, 5));
  bmis__col_copy(q, 6, l->decided_by, sizeof l->decided_by);
  bmis__col_copy(q, 7, l->decision_reason, sizeof l->decision_reason);
  l->created_at = bmis__col_int(q, 8);
  l->decided_at = bmis__col_int(q, 9);
}

bmis_status bmis__link_get(bmis_store *s, const char *id,
                           bmis_identity_link *out, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_LINK_GET);
  bmis__bind_text(q, 1, id);
  int rc = bmis__step(q, err);
  if (rc == BMIS__ROW)
    link_row(q, out);
  bmis__reset(q);
  if (rc < 0)
    return (bmis_status)-rc;
  if (rc == BMIS__DONE)
    return bmis_error_set(err, BMIS_E_NOT_FOUND, "no identity link %s", id);
  return BMIS_OK;
}

bmis_status bmis__link_list(bmis_store *s, bmis_link_status status,
                            bmis_link_fn fn, void *ctx, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_LINK_LIST);
  bmis__bind_text(q, 1, bmis__link_status_name(status));
  int rc;
  while ((rc = bmis__step(q, err)) == BMIS__ROW) {
    bmis_identity_link l;
    link_row(q, &l);
    if (fn(&l, ctx))
      break;
  }
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

bmis_status bmis__link_decide(bmis_store *s, const char *id,
                              bmis_link_status status, const bmis_change *c,
                              bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_LINK_DECIDE);
  bmis__bind_text(q, 1, id);
  bmis__bind_text(q, 2, bmis__link_status_name(status));
  bmis__bind_text(q, 3, c->by);
  bmis__bind_text(q, 4, c->reason);
  bmis__bind_int(q, 5, c->at);
  return bmis__run(q, err);
}

bmis_status bmis__link_confirmed_of(bmis_store *s, const char *id,
                                    bmis__id_fn fn, void *ctx,
                                    bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_LINK_CONFIRMED_OF);
  bmis__bind_text(q, 1, id);
  int rc;
  while ((rc = bmis__step(q, err)) == BMIS__ROW) {
    const char *a = bmis__col_text(q, 0), *b = bmis__col_text(q, 1);
    if (fn(strcmp(a, id) == 0 ? b : a, ctx))
      break;
  }
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

bmis_status bmis__stay_replace(bmis_store *s, const char *person_id,
                               const bmis_stay *stays, size_t n,
                               bmis_error *err) {
  Q_OR_FAIL(del, BMIS__Q_STAY_DELETE);
  bmis__bind_text(del, 1, person_id);
  bmis_status st = bmis__run(del, err);
  for (size_t i = 0; st == BMIS_OK && i < n; i++) {
    Q_OR_FAIL(q, BMIS__Q_STAY_INSERT);
    char entry[11], exit_[11], permitted[11];
    bmis__date_to_text(stays[i].entry_date, entry);
    bmis__date_to_text(stays[i].exit_date, exit_);
    bmis__date_to_text(stays[i].permitted_until, permitted);
    bmis__bind_text(q, 1, person_id);
    bmis__bind_int(q, 2, (int64_t)i);
    bmis__bind_text(q, 3, stays[i].entry_id);
    bmis__bind_text(q, 4, stays[i].exit_id);
    bmis__bind_text(q, 5, entry);
    bmis__bind_text(q, 6, exit_);
    bmis__bind_text(q, 7, permitted);
    bmis__bind_int(q, 8, stays[i].flags);
    st = bmis__run(q, err);
  }
  return st;
}

static bmis_status each_stay(bmis__stmt *q, bmis_stay_fn fn, void *ctx,
                             bmis_error *err) {
  int rc;
  while ((rc = bmis__step(q, err)) == BMIS__ROW) {
    bmis_stay st;
    memset(&st, 0, sizeof st);
    bmis__col_copy(q, 0, st.person_id, sizeof st.person_id);
    bmis__col_copy(q, 1, st.entry_id, sizeof st.entry_id);
    bmis__col_copy(q, 2, st.exit_id, sizeof st.exit_id);
    st.entry_date = bmis__date_from_text(bmis__col_text(q, 3));
    st.exit_date = bmis__date_from_text(bmis__col_text(q, 4));
    st.permitted_until = bmis__date_from_text(bmis__col_text(q, 5));
    st.flags = (unsigned)bmis__col_int(q, 6);
    if (fn(&st, ctx))
      break;
  }
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

bmis_status bmis__stay_by_person(bmis_store *s, const char *person_id,
                                 bmis_stay_fn fn, void *ctx, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_STAY_BY_PERSON);
  bmis__bind_text(q, 1, person_id);
  return each_stay(q, fn, ctx, err);
}

bmis_status bmis__overstay_list(bmis_store *s, bmis_date as_of, bmis_stay_fn fn,
                                void *ctx, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_OVERSTAY_LIST);
  char d[11];
  bmis__date_to_text(as_of, d);
  bmis__bind_text(q, 1, d);
  return each_stay(q, fn, ctx, err);
}
