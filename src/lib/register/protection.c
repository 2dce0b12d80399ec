/* Protection that follows the person, not one crossing: while a person has
 * an open asylum, child-protection or trafficking referral, through any of
 * their documents and movements, no decision may refuse them (and so none
 * may hold them pending return); a protective need expressed after a
 * refusal that has not been carried out turns that refusal into a
 * referral. The register enforces it on every path that writes a decision
 * (record, decide, correct), whatever the front end. */
#include "base/alloc.h"
#include "base/array.h"
#include "register/register_internal.h"
#include "store/repo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool bmis_referral_kind_protective(bmis_referral_kind k) {
  return k == BMIS_REFERRAL_ASYLUM || k == BMIS_REFERRAL_CHILD_PROTECTION ||
         k == BMIS_REFERRAL_TRAFFICKING;
}

bmis_status bmis_person_open_referrals(bmis_store *s, const char *person_id,
                                       bmis_referral_fn fn, void *ctx,
                                       bmis_error *err) {
  if (!person_id || !person_id[0])
    return BMIS_OK;
  return bmis__referral_open_by_person(s, person_id, fn, ctx, err);
}

static int first_protective(const bmis_referral *r, void *ctx) {
  bmis_referral *out = ctx;
  if (!bmis_referral_kind_protective(r->kind))
    return 0;
  *out = *r;
  return 1;
}

bmis_status bmis__person_refusal_allowed(bmis_store *s, const char *person_id,
                                         bmis_error *err) {
  bmis_referral r;
  memset(&r, 0, sizeof r);
  bmis_status st =
      bmis_person_open_referrals(s, person_id, first_protective, &r, err);
  if (st != BMIS_OK || !r.kind)
    return st;
  char when[21];
  return bmis_error_set(
      err, BMIS_E_SAFEGUARD,
      "the person has an open %s referral (%.36s, opened %s with movement "
      "%.36s): they cannot be refused or held pending return until a "
      "supervisor closes it with the competent authority's outcome; refer "
      "instead",
      bmis_code_name(BMIS_LIST_REFERRAL_KIND, r.kind), r.id,
      bmis_time_format(r.opened_at, when), r.movement_id);
}

/* A person's movements, in time order (a person has few). */
typedef struct movements {
  bmis_movement *m;
  size_t n, cap;
  bool failed;
} movements;

static int collect(const bmis_movement *m, void *ctx) {
  movements *v = ctx;
  if (v->n == v->cap) {
    bmis_movement *grown =
        bmis__grow_to(v->m, &v->cap, v->n + 1, sizeof *grown);
    if (!grown) {
      v->failed = true;
      return 1;
    }
    v->m = grown;
  }
  v->m[v->n++] = *m;
  return 0;
}

/* A refusal not carried out: nothing admitted recorded after it. */
static bool pending_refusal(const movements *v, size_t i) {
  if (v->m[i].decision != BMIS_DECISION_REFUSED)
    return false;
  for (size_t j = i + 1; j < v->n; j++)
    if (v->m[j].decision == BMIS_DECISION_ADMITTED &&
        v->m[j].crossed_at >= v->m[i].crossed_at)
      return false;
  return true;
}

bmis_status bmis__person_refusals_to_referrals(bmis_store *s,
                                               const char *person_id,
                                               const char *except,
                                               const bmis_change *change,
                                               int *count, bmis_error *err) {
  if (count)
    *count = 0;
  movements v = {NULL, 0, 0, false};
  bmis_status st =
      bmis__movement_by_person(s, person_id, false, collect, &v, err);
  if (st == BMIS_OK && v.failed)
    st = bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  for (size_t i = 0; st == BMIS_OK && i < v.n; i++) {
    if (!pending_refusal(&v, i) || (except && strcmp(v.m[i].id, except) == 0))
      continue;
    bmis_movement next = v.m[i];
    next.decision = BMIS_DECISION_REFERRED;
    memset(next.grounds, 0, sizeof next.grounds);
    /* the reason in full is the history's; the note says what happened */
    snprintf(next.decision_note, sizeof next.decision_note,
             "was refused; referred: a protection need was raised after the "
             "refusal, before it was carried out");
    st =
        bmis__movement_save_version(s, &v.m[i], &next, "decision", change, err);
    if (st == BMIS_OK && count)
      (*count)++;
  }
  bmis__free(v.m);
  return st;
}

typedef struct open_kinds {
  unsigned mask; /* 1u << kind, per kind open */
} open_kinds;

static int note_kind(const bmis_referral *r, void *ctx) {
  ((open_kinds *)ctx)->mask |= 1u << r->kind;
  return 0;
}

bmis_status bmis_movement_protect(bmis_store *s, const char *movement_id,
                                  const bmis_referral_kind *kinds, int n,
                                  const bmis_change *change, int *converted,
                                  bmis_error *err) {
  if (converted)
    *converted = 0;
  if (!change || !change->by[0] || !change->reason[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "by, reason: who raises the need, and what it is");
  if (n <= 0 || n > 3)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "kinds: one to three protective referrals");
  for (int i = 0; i < n; i++)
    if (!bmis_referral_kind_protective(kinds[i]))
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "kinds[%d]: asylum, child_protection or "
                            "trafficking",
                            i);
  bmis_movement m;
  bmis_traveller t;
  open_kinds open = {0};
  bmis_status st = bmis__tx_begin(s, err);
  if (st == BMIS_OK)
    st = bmis__movement_get(s, movement_id, &m, err);
  if (st == BMIS_OK && m.voided)
    st = bmis_error_set(err, BMIS_E_RULE, "movement %s is void", m.id);
  if (st == BMIS_OK)
    st = bmis__traveller_get(s, m.traveller_id, &t, err);
  if (st == BMIS_OK)
    st = bmis__referral_open_by_person(s, t.person_id, note_kind, &open, err);
  /* the need is the person's: one open referral of a kind is enough */
  for (int i = 0; st == BMIS_OK && i < n; i++) {
    if (open.mask & (1u << kinds[i]))
      continue;
    bmis_referral r;
    memset(&r, 0, sizeof r);
    st = bmis_uuid_v7_at(change->at * 1000, r.id, err);
    memcpy(r.movement_id, m.id, BMIS_ID_SIZE);
    r.kind = kinds[i];
    r.open = true;
    r.opened_at = change->at;
    snprintf(r.note, sizeof r.note, "raised after the decision by %s",
             change->by);
    if (st == BMIS_OK)
      st = bmis__referral_insert(s, &r, err);
    open.mask |= 1u << kinds[i];
  }
  if (st == BMIS_OK)
    st = bmis__person_refusals_to_referrals(s, t.person_id, "", change,
                                            converted, err);
  if (st == BMIS_OK)
    return bmis__tx_commit(s, err);
  bmis__tx_rollback(s);
  return st;
}

bmis_status bmis__person_protection_reaches_back(bmis_store *s,
                                                 const char *person_id,
                                                 const bmis_change *change,
                                                 bmis_error *err) {
  bmis_referral r;
  memset(&r, 0, sizeof r);
  bmis_status st =
      bmis_person_open_referrals(s, person_id, first_protective, &r, err);
  if (st != BMIS_OK || !r.kind)
    return st;
  bmis_change ch = *change;
  snprintf(ch.reason, sizeof ch.reason,
           "the person has an open %s referral (%.36s): a refusal not "
           "carried out becomes a referral",
           bmis_code_name(BMIS_LIST_REFERRAL_KIND, r.kind), r.id);
  return bmis__person_refusals_to_referrals(s, person_id, "", &ch, NULL, err);
}
