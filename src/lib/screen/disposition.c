/* Hit dispositions: an officer's or supervisor's decision on a hit, kept
 * with the entry hash it was taken on, so that a later screening of the same
 * traveller against the same entry finds it, and sees it voided once the
 * entry has changed. */
#include "bmis/register.h"
#include "bmis/text.h"
#include "screen/screen_internal.h"
#include "store/repo.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Length of a fixed-size field's text; cap when it is not NUL-terminated. */
static size_t field_len(const char *f, size_t cap) {
  const char *end = memchr(f, 0, cap);
  return end ? (size_t)(end - f) : cap;
}

static bool blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!isspace((unsigned char)s[i]))
      return false;
  return true;
}

/* A required text field: given, not blank, NUL-terminated within cap. */
static bmis_status need(const char *what, const char *f, size_t cap,
                        bmis_error *err) {
  size_t n = field_len(f, cap);
  if (n == cap) /* E_INVALID_ARG (400), as every text refused (issue 12) */
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s: longer than %zu bytes",
                          what, cap - 1);
  if (blank(f, n))
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s: required", what);
  /* UTF-8 and no control characters but line breaks (issue 12). */
  return bmis_text_check_field(f, cap, BMIS_TEXT_LINES, what, err);
}

/* "list/ref", cut to the field when both are long. */
static void entry_key(char out[64], const char *list, const char *ref) {
  if (snprintf(out, 64, "%s/%s", list, ref) >= 64)
    out[63] = 0;
}

static bool is_hash(const char *h) {
  for (int i = 0; i < 32; i++)
    if (!isxdigit((unsigned char)h[i]) || isupper((unsigned char)h[i]))
      return false;
  return h[32] == 0;
}

/* Whether a dismissal of hit h needs a second person: the list's category
 * and confirm_at as stored (a removed list: the hit's category and the
 * default). */
static bmis_status needs_review(bmis_store *s, const bmis_hit *h, bool *needs,
                                bmis_error *err) {
  bmis_watchlist w;
  int64_t id;
  bmis_error e;
  bmis_wl_category category = h->category;
  double confirm_at = BMIS_DISPOSITION_DEFAULT_CONFIRM_AT;
  bmis_status st = bmis__wl_list_get(s, h->list, &w, &id, &e);
  if (st == BMIS_OK) {
    category = w.category;
    if (w.confirm_at > 0)
      confirm_at = w.confirm_at;
  } else if (st != BMIS_E_NOT_FOUND) {
    return bmis_error_set(err, st, "%s", e.message);
  }
  /* sanctions and wanted persons: one person must not let them through;
   * protection alerts (a missing child, a possible victim): one person must
   * not close the protection they give */
  *needs = (category == BMIS_WL_SANCTIONS || category == BMIS_WL_WANTED ||
            category == BMIS_WL_PROTECTION_ALERT) &&
           h->score >= confirm_at;
  return BMIS_OK;
}

bmis_status bmis_hit_dispose(bmis_store *s, const bmis_hit *hit,
                             bmis_hit_disposition *d, bmis_error *err) {
  if (!s || !hit || !d)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "no store, hit or "
                          "disposition");
  bmis_status st;
  if ((st = need("hit.list", hit->list, sizeof hit->list, err)) != BMIS_OK ||
      (st = need("hit.ref", hit->ref, sizeof hit->ref, err)) != BMIS_OK)
    return st;
  if (!is_hash(hit->entry_hash))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "hit.entry_hash: must be 32 lower-case hex digits");
  if ((st = need("traveller_key", d->traveller_key, sizeof d->traveller_key,
                 err)) != BMIS_OK)
    return st;
  if (!bmis_hit_decision_code(d->decision))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "decision: must be confirmed or dismissed");
  if ((st = need("reason", d->reason, sizeof d->reason, err)) != BMIS_OK ||
      (st = need("by", d->by, sizeof d->by, err)) != BMIS_OK ||
      (st = need("role", d->role, sizeof d->role, err)) != BMIS_OK ||
      (st = bmis_text_check_field(d->bcp, sizeof d->bcp, BMIS_TEXT_EMPTY_OK,
                                  "bcp", err)) != BMIS_OK)
    return st;
  if (d->at <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "at: the time of the decision is required");
  if (!(hit->score >= 0 && hit->score <= 1))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "hit.score: must be between 0 and 1");
  bool review = false;
  if (d->decision == BMIS_HIT_DISMISSED &&
      (st = needs_review(s, hit, &review, err)) != BMIS_OK)
    return st;
  if (!d->id[0]) {
    if ((st = bmis_uuid_v7_at(d->at * 1000, d->id, err)) != BMIS_OK)
      return st;
  } else if (!memchr(d->id, 0, sizeof d->id) || !bmis_uuid_is_valid(d->id))
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "id: not a UUID");
  entry_key(d->entry_key, hit->list, hit->ref);
  d->voided = false;
  memcpy(d->list, hit->list, sizeof d->list);
  memcpy(d->ref, hit->ref, sizeof d->ref);
  d->score = hit->score;
  d->review = review ? BMIS_REVIEW_PENDING : BMIS_REVIEW_NONE;
  d->reviewed_by[0] = d->review_role[0] = d->review_reason[0] = 0;
  d->reviewed_at = 0;
  st =
      bmis__disposition_insert(s, hit->list, hit->ref, hit->entry_hash, d, err);
  if (st != BMIS_OK)
    d->id[0] = 0;
  return st;
}

/* The entry's current hash: the stored hash is that of the stored text
 * (wl_entry.data, see the migration), so hashing the text gives it back. */
typedef struct current_entry {
  char hash[33];
  bool found;
} current_entry;

static bmis_status take_hash(const char *ref, const char *data, void *ctx,
                             bmis_error *err) {
  current_entry *c = ctx;
  bmis_status st = bmis__wl_text_hash(data, strlen(data), c->hash);
  if (st != BMIS_OK)
    return bmis_error_set(err, st, "entry '%s': hashing failed", ref);
  c->found = true;
  return BMIS_OK;
}

bmis_status bmis_hit_dispose_entry(bmis_store *s, const char *list,
                                   const char *ref, bmis_hit_disposition *d,
                                   bmis_error *err) {
  if (!s || !list || !ref || !d)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "no store, list, reference or disposition");
  bmis_hit hit;
  memset(&hit, 0, sizeof hit);
  size_t nl = strlen(list), nr = strlen(ref);
  if (nl >= sizeof hit.list)
    return bmis_error_set(err, BMIS_E_TOO_LARGE, "list: longer than %zu bytes",
                          sizeof hit.list - 1);
  if (nr >= sizeof hit.ref)
    return bmis_error_set(err, BMIS_E_TOO_LARGE, "ref: longer than %zu bytes",
                          sizeof hit.ref - 1);
  memcpy(hit.list, list, nl + 1);
  memcpy(hit.ref, ref, nr + 1);
  /* No screening behind it: the score is not known, so it counts as the
   * highest (a dismissal of a sanctions or wanted entry waits for a
   * supervisor). */
  hit.score = 1;
  bmis_status st;
  if ((st = need("list", hit.list, sizeof hit.list, err)) != BMIS_OK ||
      (st = need("ref", hit.ref, sizeof hit.ref, err)) != BMIS_OK)
    return st;
  /* The look-up and the insert in one transaction: the hash recorded is
   * the entry's as it stands when the decision is stored. */
  if ((st = bmis__tx_begin(s, err)) != BMIS_OK)
    return st;
  bmis_watchlist w;
  int64_t id;
  current_entry cur = {.found = false};
  st = bmis__wl_list_get(s, list, &w, &id, err);
  if (st == BMIS_OK)
    st = bmis__wl_entry_data(s, id, ref, take_hash, &cur, err);
  if (st == BMIS_OK && !cur.found)
    st = bmis_error_set(err, BMIS_E_NOT_FOUND,
                        "no entry '%s' in watchlist '%s'", ref, list);
  if (st == BMIS_OK) {
    memcpy(hit.entry_hash, cur.hash, sizeof hit.entry_hash);
    st = bmis_hit_dispose(s, &hit, d, err);
  }
  if (st == BMIS_OK)
    st = bmis__tx_commit(s, err);
  else
    bmis__tx_rollback(s);
  if (st != BMIS_OK)
    d->id[0] = 0;
  return st;
}

bmis_status bmis__disposition_latest(bmis_store *s, const char *list,
                                     const char *ref,
                                     const char *const *traveller_keys,
                                     size_t nkeys,
                                     const char *current_entry_hash,
                                     bmis_hit_disposition *out, bool *found,
                                     bmis_error *err) {
  *found = false;
  if (!s || !list || !ref || (nkeys && !traveller_keys) || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store, entry or keys");
  char best_hash[33] = "";
  for (size_t i = 0; i < nkeys; i++) {
    if (!traveller_keys[i] || !traveller_keys[i][0])
      continue;
    bmis_hit_disposition d;
    char hash[33];
    bool got = false;
    bmis_status st = bmis__disposition_latest_for(
        s, list, ref, traveller_keys[i], &d, hash, &got, err);
    if (st != BMIS_OK)
      return st;
    if (!got)
      continue;
    /* Later time first; at the same second, the later (version-7) id. */
    if (!*found || d.at > out->at ||
        (d.at == out->at && strcmp(d.id, out->id) > 0)) {
      *out = d;
      memcpy(best_hash, hash, sizeof best_hash);
      *found = true;
    }
  }
  if (*found) {
    entry_key(out->entry_key, list, ref);
    out->voided =
        !current_entry_hash || strcmp(best_hash, current_entry_hash) != 0;
  }
  return BMIS_OK;
}

bmis_status bmis_disposition_get(bmis_store *s, const char *id,
                                 bmis_hit_disposition *out, bmis_error *err) {
  if (!s || !id || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store, id or output");
  char hash[33];
  bmis_status st = bmis__disposition_get(s, id, out, hash, err);
  if (st == BMIS_OK)
    entry_key(out->entry_key, out->list, out->ref);
  return st;
}

bmis_status bmis_disposition_list(bmis_store *s, bmis_review review,
                                  const char *bcp, bmis_disposition_fn fn,
                                  void *ctx, bmis_error *err) {
  if (!s || !fn)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store or callback");
  /* "*" in the query means every crossing point: never a code's. */
  if (bcp && strcmp(bcp, "*") == 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "bcp: a crossing point's code, or none for all");
  bool own;
  bmis_status st = bmis__read_begin(s, &own, err);
  if (st != BMIS_OK)
    return st;
  st = bmis__disposition_list(s, review, bcp ? bcp : "*", fn, ctx, err);
  return bmis__read_end(s, own, st, err);
}
