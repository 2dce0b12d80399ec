/* The safeguards as rules over what is known of a person (the
 * BMIS__PROT_* bits): which referrals they require, which decisions they
 * bar and why, and how the desk is told. Shared by the inspection, the
 * decision, raising a need later and secondary inspection. */
#include "base/alloc.h"
#include "inspect/inspect_internal.h"

#include "register/register_internal.h"
#include "screen/screen_internal.h"
#include "wire/wire_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

unsigned bmis__protection_bits(const bmis_protection *p) {
  unsigned b = 0;
  if (p->asylum)
    b |= BMIS__PROT_ASYLUM;
  if (p->unaccompanied)
    b |= BMIS__PROT_UNACCOMPANIED | BMIS__PROT_MINOR;
  if (p->trafficking)
    b |= BMIS__PROT_TRAFFICKING;
  return b;
}

typedef struct open_ctx {
  unsigned bits;
  bmis_referral *first;
} open_ctx;

static int open_bit(const bmis_referral *r, void *ctx) {
  open_ctx *c = ctx;
  unsigned b =
      r->kind == BMIS_REFERRAL_ASYLUM             ? BMIS__PROT_OPEN_ASYLUM
      : r->kind == BMIS_REFERRAL_CHILD_PROTECTION ? BMIS__PROT_OPEN_CHILD
      : r->kind == BMIS_REFERRAL_TRAFFICKING      ? BMIS__PROT_OPEN_TRAFFICKING
                                                  : 0;
  if (b && !c->bits && c->first)
    *c->first = *r;
  c->bits |= b;
  return 0;
}

bmis_status bmis__person_open_bits(bmis_store *s, const char *person_id,
                                   unsigned *bits, bmis_referral *first,
                                   bmis_error *err) {
  open_ctx c = {0, first};
  if (first)
    memset(first, 0, sizeof *first);
  bmis_status st = bmis_person_open_referrals(s, person_id, open_bit, &c, err);
  *bits = st == BMIS_OK ? c.bits : 0;
  return st;
}

bmis_status bmis__person_of_document(bmis_store *s, const char *state,
                                     const char *number,
                                     char person_id[BMIS_ID_SIZE],
                                     bmis_error *err) {
  person_id[0] = 0;
  if (!state[0] || !number[0])
    return BMIS_OK;
  bmis_traveller known;
  bmis_error e;
  bmis_status got = bmis_traveller_by_document(s, state, number, &known, &e);
  if (got == BMIS_OK)
    memcpy(person_id, known.person_id, BMIS_ID_SIZE);
  else if (got != BMIS_E_NOT_FOUND)
    return bmis_error_set(err, got, "%s", e.message);
  return BMIS_OK;
}

bmis_status bmis__open_bits_of_match(bmis_store *s, const bmis_traveller *t,
                                     unsigned *bits, bmis_error *err) {
  *bits = 0;
  /* whoever it may be, by name and birth, as the register would consider
   * linking it (a possible match is enough: protection errs on the side of
   * the person) */
  if (!t->surname[0] || !bmis_date_is_valid(t->birth))
    return BMIS_OK;
  bmis_traveller_match m[8];
  size_t n = 0;
  bmis_status st =
      bmis__traveller_search(s, t->surname, t->given_names, t->birth,
                             t->nationality, t->sex, m, 8, &n, err);
  for (size_t i = 0; st == BMIS_OK && i < n; i++) {
    unsigned b = 0;
    if (m[i].score >= BMIS__LINK_WEAK)
      st = bmis__person_open_bits(s, m[i].traveller.person_id, &b, NULL, err);
    *bits |= b;
  }
  return st;
}

bmis_status bmis__open_bits_of(bmis_store *s, const bmis_traveller *t,
                               const bmis_document *d, unsigned *bits,
                               bmis_error *err) {
  *bits = 0;
  char person_id[BMIS_ID_SIZE];
  bmis_status st =
      bmis__person_of_document(s, d->issuing_state, d->number, person_id, err);
  if (st != BMIS_OK || person_id[0])
    return st == BMIS_OK ? bmis__person_open_bits(s, person_id, bits, NULL, err)
                         : st;
  return bmis__open_bits_of_match(s, t, bits, err);
}

bool bmis__dismissal_in_force(const bmis_hit_disposition *d) {
  return !d->voided && d->decision == BMIS_HIT_DISMISSED &&
         (d->review == BMIS_REVIEW_NONE || d->review == BMIS_REVIEW_CONFIRMED);
}

bool bmis__category_bars_admission(bmis_wl_category c) {
  return c == BMIS_WL_SANCTIONS || c == BMIS_WL_WANTED ||
         c == BMIS_WL_NATIONAL_ALERT;
}

bmis_status bmis__listed_bits(bmis_store *s, const char *hits_json,
                              const char *traveller_key, unsigned *bits,
                              bmis_error *err) {
  *bits = 0;
  bmis_inspection_hit *hits = NULL;
  size_t n = 0;
  bmis_error e;
  if (hits_json &&
      bmis__wire_inspection_hits_read(hits_json, &hits, &n, &e) != BMIS_OK)
    return bmis_error_set(
        err, e.status == BMIS_E_NOMEM ? BMIS_E_NOMEM : BMIS_E_INTERNAL,
        "the inspection's stored hits cannot be read: %s", e.message);
  bmis_status st = BMIS_OK;
  for (size_t i = 0; i < n; i++) {
    const bmis_inspection_hit *h = &hits[i];
    if (!h->list[0] || !h->ref[0] ||
        !bmis__category_bars_admission(h->category))
      continue;
    bmis_hit_disposition d;
    bool found = false;
    const char *keys[1] = {traveller_key};
    if (traveller_key && traveller_key[0])
      st = bmis__disposition_latest(s, h->list, h->ref, keys, 1,
                                    h->entry_hash[0] ? h->entry_hash : NULL, &d,
                                    &found, err);
    if (st != BMIS_OK)
      break;
    if (!found || !bmis__dismissal_in_force(&d)) {
      *bits |= BMIS__PROT_LISTED;
      break;
    }
  }
  bmis__free(hits);
  return st;
}

bmis_status bmis__actor_at(const bmis_actor *a, const char *what,
                           const char *bcp, bmis_error *err) {
  if (a->all_bcps || strcmp(a->bcp, bcp) == 0)
    return BMIS_OK;
  return bmis_error_set(err, BMIS_E_FORBIDDEN,
                        "%s belongs to crossing point %s; this session works "
                        "at %s",
                        what, bcp, a->bcp[0] ? a->bcp : "none");
}

unsigned bmis__inspect_required_referrals(unsigned protection,
                                          bmis_referral_kind out[5], int *n) {
  *n = 0;
  if (protection & BMIS__PROT_ASYLUM)
    out[(*n)++] = BMIS_REFERRAL_ASYLUM;
  if (protection & BMIS__PROT_UNACCOMPANIED ||
      (protection & BMIS__PROT_PROTECTION_HIT && protection & BMIS__PROT_MINOR))
    out[(*n)++] = BMIS_REFERRAL_CHILD_PROTECTION;
  if (protection & BMIS__PROT_TRAFFICKING)
    out[(*n)++] = BMIS_REFERRAL_TRAFFICKING;
  if (protection & BMIS__PROT_PROTECTION_HIT &&
      !(protection & BMIS__PROT_MINOR))
    out[(*n)++] = BMIS_REFERRAL_SECONDARY;
  return (unsigned)*n;
}

bmis_reason_code bmis__safeguard_refuse_code(unsigned protection) {
  if (protection & BMIS__PROT_ASYLUM)
    return BMIS_REASON_BAR_REFUSE_ASYLUM;
  if (protection & BMIS__PROT_OPEN_ASYLUM)
    return BMIS_REASON_BAR_REFUSE_OPEN_ASYLUM;
  if (protection & BMIS__PROT_OPEN_CHILD)
    return BMIS_REASON_BAR_REFUSE_OPEN_CHILD;
  if (protection & BMIS__PROT_OPEN_TRAFFICKING)
    return BMIS_REASON_BAR_REFUSE_OPEN_TRAFFICKING;
  if (protection & BMIS__PROT_TRAFFICKING)
    return BMIS_REASON_BAR_REFUSE_TRAFFICKING;
  if (protection & BMIS__PROT_PROTECTION_HIT)
    return BMIS_REASON_BAR_REFUSE_PROTECTION_ALERT;
  if (protection & BMIS__PROT_NATIONAL)
    return BMIS_REASON_BAR_REFUSE_NATIONAL;
  return BMIS_REASON_NONE;
}

bmis_reason_code bmis__safeguard_admit_code(unsigned protection) {
  if (protection & BMIS__PROT_LISTED)
    return BMIS_REASON_BAR_ADMIT_LISTED;
  if (protection & BMIS__PROT_ASYLUM)
    return BMIS_REASON_BAR_ADMIT_ASYLUM;
  if (protection & BMIS__PROT_OPEN_ASYLUM)
    return BMIS_REASON_BAR_ADMIT_OPEN_ASYLUM;
  if (protection & BMIS__PROT_PROTECTION_HIT)
    return BMIS_REASON_BAR_ADMIT_PROTECTION_ALERT;
  return BMIS_REASON_NONE;
}

/* A bar's words are its template: bars take no parameters. */
const char *bmis__safeguard_refuse(unsigned protection) {
  return bmis_reason_template(bmis__safeguard_refuse_code(protection));
}

const char *bmis__safeguard_admit(unsigned protection) {
  return bmis_reason_template(bmis__safeguard_admit_code(protection));
}
