/* Identity: who a recorded crossing belongs to.
 *
 * A document (issuing State + number) is known to belong to one traveller.
 * A new document is compared with the travellers born on the same date:
 * a strong biographic match joins the known person; a weaker one creates a
 * new traveller and a link for a supervisor to confirm (merge) or reject
 * (keep apart). Merges are never done silently and can be undone: a
 * person is the connected group of travellers joined by confirmed links,
 * named by its oldest traveller id (ids are time-ordered). */
#define _DEFAULT_SOURCE /* getrandom, strdup, posix_spawn */
#include "audit/audit_internal.h"
#include "base/alloc.h"
#include "base/array.h"
#include "bmis/doc.h"
#include "bmis/text.h"
#include "register/register_internal.h"
#include "store/repo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void bmis__name_key(const char *surname, const char *given, char *out,
                    size_t cap) {
  char a[200], b[200];
  /* A name with a character ICAO does not transliterate is kept as given
   * (upper-cased ASCII only): it still compares equal to itself. */
  if (bmis_mrz_transliterate(surname, a, sizeof a, NULL) != BMIS_OK)
    snprintf(a, sizeof a, "%s", surname);
  if (bmis_mrz_transliterate(given, b, sizeof b, NULL) != BMIS_OK)
    snprintf(b, sizeof b, "%s", given);
  snprintf(out, cap, "%s<<%s", a, b);
}

/* Splits "A<B<<C<D" into the surname part and the given-names part. */
static void split_key(const char *key, char *sur, char *giv, size_t cap) {
  const char *sep = strstr(key, "<<");
  size_t n = sep ? (size_t)(sep - key) : strlen(key);
  snprintf(sur, cap, "%.*s", (int)n, key);
  snprintf(giv, cap, "%s", sep ? sep + 2 : "");
}

/* Levenshtein distance, capped: returns cap + 1 when larger. */
static int edit_distance(const char *a, const char *b, int cap) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 64 || lb > 64)
    return strcmp(a, b) == 0 ? 0 : cap + 1;
  if ((la > lb ? la - lb : lb - la) > (size_t)cap)
    return cap + 1;
  int prev[65], cur[65];
  for (size_t j = 0; j <= lb; j++)
    prev[j] = (int)j;
  for (size_t i = 1; i <= la; i++) {
    cur[0] = (int)i;
    for (size_t j = 1; j <= lb; j++) {
      int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
      int del = prev[j] + 1, ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    memcpy(prev, cur, sizeof(int) * (lb + 1));
  }
  return prev[lb] > cap ? cap + 1 : prev[lb];
}

/* First token of "A<B<C" ("A"). */
static void first_token(const char *s, char *out, size_t cap) {
  size_t n = strcspn(s, "<");
  snprintf(out, cap, "%.*s", (int)n, s);
}

/* Whether every token of the shorter list is among the other's tokens. */
static bool tokens_subset(const char *a, const char *b) {
  const char *small = strlen(a) <= strlen(b) ? a : b;
  const char *big = small == a ? b : a;
  char tok[100];
  for (const char *p = small; *p;) {
    size_t n = strcspn(p, "<");
    if (n && n < sizeof tok) {
      memcpy(tok, p, n);
      tok[n] = 0;
      bool found = false;
      for (const char *q = big; *q;) {
        size_t m = strcspn(q, "<");
        if (m == n && memcmp(q, tok, n) == 0)
          found = true;
        q += m;
        while (*q == '<')
          q++;
      }
      if (!found)
        return false;
    }
    p += n;
    while (*p == '<')
      p++;
  }
  return true;
}

static void add_reason(char *out, size_t cap, const char *r) {
  size_t len = strlen(out);
  snprintf(out + len, cap - len, "%s%s", len ? "; " : "", r);
}

/* Whether two birth dates can be the same day: equal, or one partial and
 * agreeing on what it gives. */
static bool birth_compatible(bmis_date a, bmis_date b) {
  if (!a.year || !b.year || a.year != b.year)
    return false;
  if (!a.month || !b.month)
    return true;
  if (a.month != b.month)
    return false;
  return !a.day || !b.day || a.day == b.day;
}

/* Points are hundredths: whole numbers, so a threshold is never missed by
 * a rounding error. */
double bmis__identity_score(const bmis_traveller *a, const char *a_key,
                            const bmis_traveller *b, const char *b_key,
                            char *reasons, size_t cap) {
  char sa[100], sb[100], ga[100], gb[100];
  split_key(a_key, sa, ga, sizeof sa);
  split_key(b_key, sb, gb, sizeof sb);
  reasons[0] = 0;
  int points = 0;
  if (strcmp(sa, sb) == 0) {
    points += 40;
    add_reason(reasons, cap, "surname equal");
  } else if (edit_distance(sa, sb, 2) <= (strlen(sa) >= 6 ? 2 : 1)) {
    points += 25;
    add_reason(reasons, cap, "surname similar");
  } else {
    add_reason(reasons, cap, "surname differs");
  }
  char fa[100], fb[100];
  first_token(ga, fa, sizeof fa);
  first_token(gb, fb, sizeof fb);
  if (strcmp(ga, gb) == 0) {
    points += 30;
    add_reason(reasons, cap, "given names equal");
  } else if (*ga && *gb && tokens_subset(ga, gb)) {
    points += 20;
    add_reason(reasons, cap, "given names: one set within the other");
  } else if (*fa && edit_distance(fa, fb, 2) <= 1) {
    points += 15;
    add_reason(reasons, cap, "first given name similar");
  } else {
    add_reason(reasons, cap, "given names differ");
  }
  bool full = bmis_date_is_valid(a->birth) && bmis_date_is_valid(b->birth);
  if (full && bmis_date_compare(a->birth, b->birth) == 0) {
    points += 15;
    add_reason(reasons, cap, "birth date equal");
  } else if (birth_compatible(a->birth, b->birth)) {
    points += 5;
    add_reason(reasons, cap, "birth date compatible (partial)");
  } else {
    add_reason(reasons, cap, "birth date differs");
  }
  if (strcmp(a->nationality, b->nationality) == 0) {
    points += 10;
    add_reason(reasons, cap, "nationality equal");
  } else {
    add_reason(reasons, cap, "nationality differs");
  }
  if (a->sex && b->sex && a->sex != 'X' && b->sex != 'X') {
    if (a->sex == b->sex) {
      points += 5;
      add_reason(reasons, cap, "sex equal");
    } else {
      points -= 20;
      add_reason(reasons, cap, "sex differs");
    }
  } else {
    points += 2;
    add_reason(reasons, cap, "sex not comparable");
  }
  if (points < 0)
    points = 0;
  return (points > 100 ? 100 : points) / 100.0;
}

/* ---- reading travellers ---- */

bmis_status bmis_traveller_get(bmis_store *s, const char *id,
                               bmis_traveller *out, bmis_error *err) {
  return bmis__traveller_get(s, id, out, err);
}

bmis_status bmis_traveller_by_document(bmis_store *s, const char *issuing_state,
                                       const char *number, bmis_traveller *out,
                                       bmis_error *err) {
  bmis_document d;
  bmis_status st = bmis__document_find(s, issuing_state, number, &d, err);
  if (st == BMIS_OK)
    st = bmis__traveller_get(s, d.traveller_id, out, err);
  return st;
}

typedef struct plain_fn {
  bmis_traveller_fn fn;
  void *ctx;
} plain_fn;

static int call_plain(const bmis_traveller *t, const char *key, void *ctx) {
  (void)key;
  plain_fn *p = ctx;
  return p->fn(t, p->ctx);
}

bmis_status bmis_person_travellers(bmis_store *s, const char *person_id,
                                   bmis_traveller_fn fn, void *ctx,
                                   bmis_error *err) {
  plain_fn p = {fn, ctx};
  return bmis__traveller_by_person(s, person_id, call_plain, &p, err);
}

bmis_status bmis_person_documents(bmis_store *s, const char *person_id,
                                  bmis_document_fn fn, void *ctx,
                                  bmis_error *err) {
  return bmis__document_by_person(s, person_id, fn, ctx, err);
}

/* ---- identity links ---- */

/* Identity review's entries keep each front end's texts as they were
 * before the library wrote them (operators search them): on the command
 * line (channel "cli") "links:pending" / "links:all" and
 * identity.confirm|reject on "link:ID"; elsewhere "pending" / "all" and
 * identity.decide on "identity-link:ID". */
static bool on_cli(const bmis_actor *a) {
  return strcmp(a->channel, "cli") == 0;
}

bmis_status bmis_link_list(bmis_store *s, const bmis_actor *actor, int64_t at,
                           bmis_link_status status, bmis_link_fn fn, void *ctx,
                           bmis_error *err) {
  if (!actor || !fn)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no actor or callback");
  if (status != 0 && status != BMIS_LINK_PENDING &&
      status != BMIS_LINK_CONFIRMED && status != BMIS_LINK_REJECTED)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "status: not a link status");
  static const char *const names[] = {"all", "pending", "confirmed",
                                      "rejected"};
  char record[32];
  snprintf(record, sizeof record, "%s%s", on_cli(actor) ? "links:" : "",
           names[status]);
  bmis_status st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  st = bmis__audit_access(s, actor, at, "identity.list", record, "ok", NULL,
                          err);
  if (st == BMIS_OK)
    st = bmis__link_list(s, status, fn, ctx, err);
  if (st == BMIS_OK)
    return bmis__tx_commit(s, err);
  bmis__tx_rollback(s);
  return st;
}

bmis_status bmis_link_get(bmis_store *s, const char *id,
                          bmis_identity_link *out, bmis_error *err) {
  return bmis__link_get(s, id, out, err);
}

/* A set of traveller ids (small: the people around one link). */
typedef struct id_set {
  char (*v)[BMIS_ID_SIZE];
  size_t n, cap;
  bool failed;
} id_set;

static bool id_set_has(const id_set *set, const char *id) {
  for (size_t i = 0; i < set->n; i++)
    if (strcmp(set->v[i], id) == 0)
      return true;
  return false;
}

static int id_set_add(const char *id, void *ctx) {
  id_set *set = ctx;
  if (id_set_has(set, id))
    return 0;
  if (set->n == set->cap) {
    char(*grown)[BMIS_ID_SIZE] =
        bmis__grow_to(set->v, &set->cap, set->n + 1, sizeof *grown);
    if (!grown) {
      set->failed = true;
      return 1;
    }
    set->v = grown;
  }
  snprintf(set->v[set->n++], BMIS_ID_SIZE, "%s", id);
  return 0;
}

/* The travellers connected to `start` by confirmed links. */
static bmis_status component(bmis_store *s, const char *start, id_set *out,
                             bmis_error *err) {
  out->n = 0;
  id_set_add(start, out);
  for (size_t i = 0; i < out->n && !out->failed; i++) {
    char id[BMIS_ID_SIZE];
    memcpy(id, out->v[i], BMIS_ID_SIZE);
    bmis_status st = bmis__link_confirmed_of(s, id, id_set_add, out, err);
    if (st != BMIS_OK)
      return st;
  }
  return out->failed ? bmis_error_set(err, BMIS_E_NOMEM, "out of memory")
                     : BMIS_OK;
}

/* Gives every traveller of start's component the smallest id among them
 * as person_id; collects the person ids that were in use before. */
static bmis_status renumber(bmis_store *s, const char *start, id_set *old,
                            id_set *now, bmis_error *err) {
  id_set comp = {0};
  bmis_status st = component(s, start, &comp, err);
  const char *root = NULL;
  for (size_t i = 0; st == BMIS_OK && i < comp.n; i++)
    if (!root || strcmp(comp.v[i], root) < 0)
      root = comp.v[i];
  for (size_t i = 0; st == BMIS_OK && i < comp.n; i++) {
    bmis_traveller t;
    st = bmis__traveller_get(s, comp.v[i], &t, err);
    if (st == BMIS_OK && strcmp(t.person_id, root) != 0) {
      id_set_add(t.person_id, old);
      st = bmis__traveller_set_person(s, t.id, root, err);
    }
  }
  if (st == BMIS_OK && root)
    id_set_add(root, now);
  bmis__free(comp.v);
  return st;
}

static bmis_status link_decide(bmis_store *s, const char *link_id,
                               bmis_link_status status,
                               const bmis_change *change, bmis_error *err) {
  if (status != BMIS_LINK_CONFIRMED && status != BMIS_LINK_REJECTED)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "a link is decided as confirmed or rejected");
  if (!change || !change->by[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "by: who decides must be given");
  bmis_status st = bmis_text_check_field(change->by, sizeof change->by,
                                         BMIS_TEXT_LINE, "by", err);
  if (st == BMIS_OK)
    st = bmis_text_check_field(change->reason, sizeof change->reason,
                               BMIS_TEXT_LINES | BMIS_TEXT_EMPTY_OK, "reason",
                               err);
  if (st != BMIS_OK)
    return st;
  st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  bmis_identity_link l;
  id_set old = {0}, now = {0};
  st = bmis__link_get(s, link_id, &l, err);
  /* splitting a person in two must not strip either record of the
   * protection the person has: close the referral first */
  if (st == BMIS_OK && status == BMIS_LINK_REJECTED &&
      l.status == BMIS_LINK_CONFIRMED) {
    bmis_traveller t;
    st = bmis__traveller_get(s, l.traveller_id, &t, err);
    if (st == BMIS_OK)
      st = bmis__person_refusal_allowed(s, t.person_id, err);
    if (st == BMIS_E_SAFEGUARD)
      st = bmis_error_set(err, BMIS_E_SAFEGUARD,
                          "the person has an open asylum, child-protection "
                          "or trafficking referral: a confirmed link is not "
                          "undone while it is open (the records would lose "
                          "its protection); close the referral first");
  }
  if (st == BMIS_OK)
    st = bmis__link_decide(s, link_id, status, change, err);
  /* Both ends: a confirmation joins their groups; a rejection (of a link
   * confirmed before) may split one group in two. */
  if (st == BMIS_OK)
    st = renumber(s, l.traveller_id, &old, &now, err);
  if (st == BMIS_OK)
    st = renumber(s, l.candidate_id, &old, &now, err);
  /* Stays belong to persons: recompute everyone touched. A person id no
   * longer in use has no movements, so its stays are simply removed. */
  for (size_t i = 0; st == BMIS_OK && i < now.n; i++) {
    /* one person now: their protection covers both records' refusals */
    st = bmis__person_protection_reaches_back(s, now.v[i], change, err);
    if (st == BMIS_OK)
      st = bmis__person_restay(s, now.v[i], NULL, NULL, err);
  }
  for (size_t i = 0; st == BMIS_OK && i < old.n; i++)
    if (!id_set_has(&now, old.v[i]))
      st = bmis__person_restay(s, old.v[i], NULL, NULL, err);
  if (st == BMIS_OK && (old.failed || now.failed))
    st = bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  bmis__free(old.v);
  bmis__free(now.v);
  if (st == BMIS_OK)
    return bmis__tx_commit(s, err);
  bmis__tx_rollback(s);
  return st;
}

bmis_status bmis_link_decide(bmis_store *s, const bmis_actor *actor, int64_t at,
                             const char *link_id, bmis_link_status status,
                             const bmis_change *change, bmis_error *err) {
  if (!actor || !link_id)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no actor or link");
  const char *action = !on_cli(actor)                  ? "identity.decide"
                       : status == BMIS_LINK_CONFIRMED ? "identity.confirm"
                                                       : "identity.reject";
  char record[97];
  snprintf(record, sizeof record, "%s:%.80s",
           on_cli(actor) ? "link" : "identity-link", link_id);
  bmis_status st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  st = link_decide(s, link_id, status, change, err);
  if (st == BMIS_OK)
    st = bmis__audit_access(s, actor, at, action, record, "ok", NULL, err);
  if (st == BMIS_OK)
    return bmis__tx_commit(s, err);
  bmis__tx_rollback(s);
  return bmis__audit_refusal(s, actor, at, action, record, st);
}

/* ---- search by name and birth ---- */

typedef struct search {
  const bmis_traveller *want;
  const char *key;
  bmis_traveller_match *out;
  size_t max, n;
} search;

static int search_consider(const bmis_traveller *cand, const char *key,
                           void *ctx) {
  search *sr = ctx;
  char reasons[257];
  double score = bmis__identity_score(sr->want, sr->key, cand, key, reasons,
                                      sizeof reasons);
  if (score < BMIS__LINK_WEAK)
    return 0;
  /* keep the best max, best first (insertion: max is small) */
  size_t at = sr->n;
  while (at > 0 && sr->out[at - 1].score < score)
    at--;
  if (at >= sr->max)
    return 0;
  size_t last = sr->n < sr->max ? sr->n : sr->max - 1;
  memmove(&sr->out[at + 1], &sr->out[at], (last - at) * sizeof sr->out[0]);
  sr->out[at].traveller = *cand;
  sr->out[at].score = score;
  snprintf(sr->out[at].reasons, sizeof sr->out[at].reasons, "%s", reasons);
  if (sr->n < sr->max)
    sr->n++;
  return 0;
}

bmis_status bmis__traveller_search(bmis_store *s, const char *surname,
                                   const char *given_names, bmis_date birth,
                                   const char *nationality, char sex,
                                   bmis_traveller_match *out, size_t max,
                                   size_t *count, bmis_error *err) {
  *count = 0;
  if (!surname || !surname[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "surname: missing");
  if (strlen(surname) > 96 || (given_names && strlen(given_names) > 96))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "surname or given names: longer than 96 bytes");
  if (!bmis_date_is_valid(birth))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "birth: the whole date of birth is needed to search "
                          "by name (it also finds records that hold only its "
                          "year, or year and month)");
  if (max < 1 || max > 100)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "max: 1 to 100");
  bmis_traveller want;
  memset(&want, 0, sizeof want);
  snprintf(want.surname, sizeof want.surname, "%s", surname);
  snprintf(want.given_names, sizeof want.given_names, "%s",
           given_names ? given_names : "");
  want.birth = birth;
  if (nationality && strlen(nationality) > 3)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "nationality: a country code, e.g. KEN");
  snprintf(want.nationality, sizeof want.nationality, "%s",
           nationality ? nationality : "");
  want.sex = sex == 'F' || sex == 'M' || sex == 'X' ? sex : 0;
  char key[401]; /* both names at their longest, and "<<" */
  bmis__name_key(want.surname, want.given_names, key, sizeof key);
  search sr = {&want, key, out, max, 0};
  bmis_status st =
      bmis__traveller_candidates(s, birth, search_consider, &sr, err);
  *count = sr.n;
  return st;
}

bmis_status bmis_traveller_search(bmis_store *s, const bmis_actor *actor,
                                  int64_t at, const char *surname,
                                  const char *given_names, bmis_date birth,
                                  const char *nationality, char sex,
                                  bmis_traveller_match *out, size_t max,
                                  size_t *count, bmis_error *err) {
  *count = 0;
  bmis_status st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  st = bmis__traveller_search(s, surname, given_names, birth, nationality, sex,
                              out, max, count, err);
  /* the log names the search, not the name searched for */
  if (st == BMIS_OK)
    st = bmis__audit_access(s, actor, at, "traveller.search",
                            "search:name+birth", "ok", NULL, err);
  if (st == BMIS_OK)
    st = bmis__tx_commit(s, err);
  else
    bmis__tx_rollback(s);
  if (st != BMIS_OK) {
    if (out && *count)
      memset(out, 0, *count * sizeof *out);
    *count = 0;
  }
  return st;
}

bmis_status bmis_traveller_search_document(bmis_store *s,
                                           const bmis_actor *actor, int64_t at,
                                           const char *issuing_state,
                                           const char *number,
                                           bmis_traveller *out,
                                           bmis_error *err) {
  memset(out, 0, sizeof *out);
  if (!issuing_state || !number)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "a document is its issuing state and number");
  char record[97];
  snprintf(record, sizeof record, "document:%.3s:%.40s", issuing_state, number);
  bmis_status st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  st = bmis_traveller_by_document(s, issuing_state, number, out, err);
  /* a search that finds nobody is an access all the same */
  bmis_status found = st;
  if (st == BMIS_OK || st == BMIS_E_NOT_FOUND)
    st = bmis__audit_access(s, actor, at, "traveller.search", record, "ok",
                            NULL, err);
  if (st == BMIS_OK)
    st = bmis__tx_commit(s, err);
  else
    bmis__tx_rollback(s);
  if (st == BMIS_OK && found == BMIS_E_NOT_FOUND)
    st = bmis_error_set(err, BMIS_E_NOT_FOUND,
                        "no traveller holds document %.3s %.40s", issuing_state,
                        number);
  if (st != BMIS_OK)
    memset(out, 0, sizeof *out);
  return st;
}
