/* Store access for identity links and stays. */
#include "base/alloc.h"
#include "base/array.h"
#include "store/repo.h"
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static void link_row(bmis__stmt *q, void *row) {
  bmis_identity_link *l = row;
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
  return bmis__row_one(q, link_row, out, err, "no identity link %s", id);
}

bmis_status bmis__link_list(bmis_store *s, bmis_link_status status,
                            bmis_link_fn fn, void *ctx, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_LINK_LIST);
  bmis__bind_text(q, 1, bmis__link_status_name(status));
  ROWS_RETURN(q, bmis_identity_link, link_row, fn(&row, ctx));
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

bmis_status bmis__stay_events(bmis_store *s, const char *person_id,
                              bmis__event_fn fn, void *ctx, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_STAY_EVENTS);
  bmis__bind_text(q, 1, person_id);
  int rc;
  while ((rc = bmis__step(q, err)) == BMIS__ROW) {
    bmis__event_row e;
    bmis__col_copy(q, 0, e.id, sizeof e.id);
    e.direction = (bmis_direction)bmis_code_value(BMIS_LIST_DIRECTION,
                                                  bmis__col_text(q, 1));
    e.decision = (bmis_decision)bmis_code_value(BMIS_LIST_DECISION,
                                                bmis__col_text(q, 2));
    e.local_date = bmis__date_from_text(bmis__col_text(q, 3));
    e.permitted_until = bmis__date_from_text(bmis__col_text(q, 4));
    bmis__col_copy(q, 5, e.nationality, sizeof e.nationality);
    if (fn(&e, ctx))
      break;
  }
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

static bool same_date(bmis_date a, bmis_date b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

static bool same_stay(const bmis_stay *a, const bmis_stay *b) {
  return strcmp(a->entry_id, b->entry_id) == 0 &&
         strcmp(a->exit_id, b->exit_id) == 0 &&
         same_date(a->entry_date, b->entry_date) &&
         same_date(a->exit_date, b->exit_date) &&
         same_date(a->permitted_until, b->permitted_until) &&
         a->flags == b->flags;
}

/* Binds a stay row's fields as parameters 1..8 (person, seq, …). */
static void bind_stay(bmis__stmt *q, const char *person_id, size_t seq,
                      const bmis_stay *st) {
  char entry[11], exit_[11], permitted[11];
  bmis__date_to_text(st->entry_date, entry);
  bmis__date_to_text(st->exit_date, exit_);
  bmis__date_to_text(st->permitted_until, permitted);
  bmis__bind_text(q, 1, person_id);
  bmis__bind_int(q, 2, (int64_t)seq);
  bmis__bind_text(q, 3, st->entry_id);
  bmis__bind_text(q, 4, st->exit_id);
  bmis__bind_text(q, 5, entry);
  bmis__bind_text(q, 6, exit_);
  bmis__bind_text(q, 7, permitted);
  bmis__bind_int(q, 8, st->flags);
}

typedef struct old_stays {
  bmis_stay *v;
  size_t n, cap;
  bool failed;
} old_stays;

static int keep_old(const bmis_stay *st, void *ctx) {
  old_stays *o = ctx;
  if (o->n == o->cap) {
    bmis_stay *grown = bmis__grow_to(o->v, &o->cap, o->n + 1, sizeof *grown);
    if (!grown) {
      o->failed = true;
      return 1;
    }
    o->v = grown;
  }
  o->v[o->n++] = *st;
  return 0;
}

bmis_status bmis__stay_sync(bmis_store *s, const char *person_id,
                            const bmis_stay *stays, size_t n, bmis_error *err) {
  old_stays old = {0};
  bmis_status st = bmis__stay_by_person(s, person_id, keep_old, &old, err);
  if (st == BMIS_OK && old.failed)
    st = bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  for (size_t i = 0; st == BMIS_OK && i < n; i++) {
    if (i < old.n && same_stay(&old.v[i], &stays[i]))
      continue;
    bmis__stmt *q = bmis__query(
        s, i < old.n ? BMIS__Q_STAY_UPDATE : BMIS__Q_STAY_INSERT, err);
    if (!q) {
      st = err ? err->status : BMIS_E_STORE;
      break;
    }
    bind_stay(q, person_id, i, &stays[i]);
    st = bmis__run(q, err);
  }
  if (st == BMIS_OK && old.n > n) {
    bmis__stmt *q = bmis__query(s, BMIS__Q_STAY_DELETE_FROM, err);
    if (!q) {
      st = err ? err->status : BMIS_E_STORE;
    } else {
      bmis__bind_text(q, 1, person_id);
      bmis__bind_int(q, 2, (int64_t)n);
      st = bmis__run(q, err);
    }
  }
  bmis__free(old.v);
  return st;
}

bmis_status bmis__person_last_crossing(bmis_store *s, const char *person_id,
                                       int64_t *out, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_PERSON_LAST_CROSSING);
  bmis__bind_text(q, 1, person_id);
  int rc = bmis__step(q, err);
  *out = rc == BMIS__ROW ? bmis__col_int(q, 0) : 0;
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

static void stay_row(bmis__stmt *q, bmis_stay *st) {
  memset(st, 0, sizeof *st);
  bmis__col_copy(q, 0, st->person_id, sizeof st->person_id);
  bmis__col_copy(q, 1, st->entry_id, sizeof st->entry_id);
  bmis__col_copy(q, 2, st->exit_id, sizeof st->exit_id);
  st->entry_date = bmis__date_from_text(bmis__col_text(q, 3));
  st->exit_date = bmis__date_from_text(bmis__col_text(q, 4));
  st->permitted_until = bmis__date_from_text(bmis__col_text(q, 5));
  st->flags = (unsigned)bmis__col_int(q, 6);
}

bmis_status bmis__stay_last(bmis_store *s, const char *person_id,
                            bmis_stay *out, int64_t *seq, bool *found,
                            bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_STAY_LAST);
  bmis__bind_text(q, 1, person_id);
  int rc = bmis__step(q, err);
  *found = rc == BMIS__ROW;
  if (*found) {
    stay_row(q, out);
    *seq = bmis__col_int(q, 7);
  }
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

bmis_status bmis__stay_put(bmis_store *s, const char *person_id, int64_t seq,
                           const bmis_stay *stay, bool exists,
                           bmis_error *err) {
  Q_OR_FAIL(q, exists ? BMIS__Q_STAY_UPDATE : BMIS__Q_STAY_INSERT);
  bind_stay(q, person_id, (size_t)seq, stay);
  return bmis__run(q, err);
}

static bmis_status each_stay(bmis__stmt *q, bmis_stay_fn fn, void *ctx,
                             bmis_error *err) {
  ROWS_RETURN(q, bmis_stay, stay_row, fn(&row, ctx));
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
