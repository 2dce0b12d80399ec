/* The safeguards as rules over what is known of a person (the
 * BMIS__PROT_* bits): which referrals they require, which decisions they
 * bar and why, and how the desk is told. Shared by the inspection, the
 * decision, raising a need later and secondary inspection. */
#include "inspect/inspect_internal.h"

#include "register/register_internal.h"
#include "screen/screen_internal.h"

#include <stdio.h>
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
  /* a document the register does not know: whoever it may be, by name and
   * birth, as the register would consider linking it (a possible match is
   * enough: protection errs on the side of the person) */
  if (!t->surname[0] || !bmis_date_is_valid(t->birth))
    return BMIS_OK;
  bmis_traveller_match m[8];
  size_t n = 0;
  st = bmis_traveller_search(s, t->surname, t->given_names, t->birth,
                             t->nationality, t->sex, m, 8, &n, err);
  for (size_t i = 0; st == BMIS_OK && i < n; i++) {
    unsigned b = 0;
    if (m[i].score >= BMIS__LINK_WEAK)
      st = bmis__person_open_bits(s, m[i].traveller.person_id, &b, NULL, err);
    *bits |= b;
  }
  return st;
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
  json_t *hits = hits_json ? json_loads(hits_json, 0, NULL) : NULL;
  size_t i;
  json_t *h;
  bmis_status st = BMIS_OK;
  json_array_foreach(hits, i, h) {
    const char *list = json_string_value(json_object_get(h, "list"));
    const char *ref = json_string_value(json_object_get(h, "ref"));
    const char *hash = json_string_value(json_object_get(h, "hash"));
    bmis_wl_category cat = bmis_wl_category_parse(
        json_string_value(json_object_get(h, "category")));
    if (!list || !ref || !bmis__category_bars_admission(cat))
      continue;
    bmis_hit_disposition d;
    bool found = false;
    const char *keys[1] = {traveller_key};
    if (traveller_key && traveller_key[0])
      st = bmis__disposition_latest(s, list, ref, keys, 1, hash, &d, &found,
                                    err);
    if (st != BMIS_OK)
      break;
    if (!found || !bmis__dismissal_in_force(&d)) {
      *bits |= BMIS__PROT_LISTED;
      break;
    }
  }
  json_decref(hits);
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

const char *bmis__safeguard_refuse(unsigned protection) {
  if (protection & BMIS__PROT_ASYLUM)
    return "the person has expressed the intention to seek asylum: they "
           "cannot be refused or removed at the desk; the only outcome is "
           "referral to the asylum authority";
  if (protection & BMIS__PROT_OPEN_ASYLUM)
    return "the person has an open asylum referral: they cannot be refused "
           "or held until a supervisor closes it with the asylum "
           "authority's outcome; refer instead";
  if (protection & BMIS__PROT_OPEN_CHILD)
    return "the person has an open child-protection referral: they cannot "
           "be refused or held until a supervisor closes it with the "
           "child-protection authority's outcome; refer instead";
  if (protection & BMIS__PROT_OPEN_TRAFFICKING)
    return "the person has an open trafficking referral: they cannot be "
           "refused or held until a supervisor closes it with the competent "
           "authority's outcome; refer instead";
  if (protection & BMIS__PROT_TRAFFICKING)
    return "trafficking indicators were noted: a possible victim of "
           "trafficking is referred, not refused at the desk";
  if (protection & BMIS__PROT_PROTECTION_HIT)
    return "a protection alert (a missing or vulnerable person) matches: "
           "the only decision is a protection referral, never an "
           "enforcement action";
  if (protection & BMIS__PROT_NATIONAL)
    return "a national of this State cannot be refused entry";
  return NULL;
}

const char *bmis__safeguard_admit(unsigned protection) {
  if (protection & BMIS__PROT_LISTED)
    return "a hit on a sanctions, wanted-person or national-alert list is "
           "not cleared: admission is not the desk's decision; refer to "
           "secondary inspection (or clear the hit, with a second person "
           "where the list asks for one)";
  if (protection & BMIS__PROT_ASYLUM)
    return "the person has expressed the intention to seek asylum: the only "
           "outcome at the desk is referral to the asylum authority";
  if (protection & BMIS__PROT_OPEN_ASYLUM)
    return "the person has an open asylum referral: the asylum authority "
           "decides; refer";
  if (protection & BMIS__PROT_PROTECTION_HIT)
    return "a protection alert (a missing or vulnerable person) matches: "
           "the only decision is a protection referral";
  return NULL;
}

static void add(json_t *list, const char *text) {
  if (list)
    json_array_append_new(list, json_string(text));
}

void bmis__protection_reasons(unsigned prot, json_t *why, json_t *prompts) {
  if (prot & BMIS__PROT_ASYLUM) {
    add(why, "intention to seek asylum: refer to the asylum authority");
    add(prompts, "Do not refuse or return: the only outcome is referral to "
                 "the asylum authority.");
  }
  if (prot & BMIS__PROT_OPEN_ASYLUM) {
    add(why, "an asylum referral of this person (or of one the register "
             "may take for them) is open: refer; do not refuse or hold");
    add(prompts, "This person has an open asylum referral: do not refuse or "
                 "return; refer.");
  }
  if (prot & BMIS__PROT_OPEN_CHILD)
    add(why, "a child-protection referral of this person is open: refer; do "
             "not refuse or hold");
  if (prot & BMIS__PROT_OPEN_TRAFFICKING)
    add(why, "a trafficking referral of this person is open: refer; do not "
             "refuse or hold");
  if (prot & BMIS__PROT_UNACCOMPANIED) {
    add(why, "unaccompanied or separated minor: child-protection referral");
    add(prompts, "A child-protection referral is made whatever the "
                 "decision; a child is never held pending return.");
  } else if (prot & BMIS__PROT_MINOR) {
    add(prompts, "The holder may be under 18: check that a parent or "
                 "guardian travels with the child; if not, mark "
                 "'unaccompanied or separated minor'.");
  }
  if (prot & BMIS__PROT_TRAFFICKING) {
    add(why, "trafficking indicators: refer to the trafficking focal point");
    add(prompts, "Speak to the person away from any companion; a "
                 "trafficking referral is made.");
  }
}

json_t *bmis__protection_json(unsigned prot, unsigned trafficking,
                              int protection_hits, json_t *prompts) {
  json_t *ti = json_array();
  for (int i = 1; i < BMIS_TRAFFICKING_COUNT; i++)
    if (trafficking & (1u << (i - 1)))
      json_array_append_new(ti, json_string(bmis_trafficking_code(
                                    (bmis_trafficking_indicator)i)));
  bmis_referral_kind kinds[5];
  int nk;
  bmis__inspect_required_referrals(prot, kinds, &nk);
  json_t *refs = json_array();
  for (int i = 0; i < nk; i++)
    json_array_append_new(
        refs, json_string(bmis_code_name(BMIS_LIST_REFERRAL_KIND, kinds[i])));
  json_t *open = json_array();
  if (prot & BMIS__PROT_OPEN_ASYLUM)
    json_array_append_new(open, json_string("asylum"));
  if (prot & BMIS__PROT_OPEN_CHILD)
    json_array_append_new(open, json_string("child_protection"));
  if (prot & BMIS__PROT_OPEN_TRAFFICKING)
    json_array_append_new(open, json_string("trafficking"));
  return json_pack("{s:b, s:b, s:b, s:o, s:i, s:o, s:o, s:o}", "minor",
                   (prot & BMIS__PROT_MINOR) != 0, "asylum",
                   (prot & BMIS__PROT_ASYLUM) != 0, "unaccompanied",
                   (prot & BMIS__PROT_UNACCOMPANIED) != 0,
                   "trafficking_indicators", ti, "protection_hits",
                   protection_hits, "referrals", refs, "open_referrals", open,
                   "prompts", prompts ? prompts : json_array());
}

static json_t *allowed(const char *why) {
  return json_pack("{s:b, s:s}", "allowed", why == NULL, "why", why ? why : "");
}

json_t *bmis__decisions_json(unsigned prot) {
  return json_pack(
      "{s:o, s:o, s:o}", "admit", allowed(bmis__safeguard_admit(prot)),
      "refuse", allowed(bmis__safeguard_refuse(prot)), "refer", allowed(NULL));
}
