/* Internal to src/lib/inspect: what the inspection and the decision share. */
#ifndef BMIS_INSPECT_INTERNAL_H
#define BMIS_INSPECT_INTERNAL_H

#include "bmis/doc.h"
#include "bmis/inspect.h"

#include <stdarg.h>

/* What the inspection found that the safeguards act on (stored with it). */
enum {
  BMIS__PROT_MINOR = 1,           /* possibly under 18 */
  BMIS__PROT_ASYLUM = 2,          /* expressed the intention to seek asylum */
  BMIS__PROT_UNACCOMPANIED = 4,   /* a minor unaccompanied or separated */
  BMIS__PROT_TRAFFICKING = 8,     /* trafficking indicators ticked */
  BMIS__PROT_PROTECTION_HIT = 16, /* a hit on a protection alert */
  BMIS__PROT_NATIONAL = 32,       /* a national of the operating State */
  /* the person has an open referral of this kind (from any crossing,
   * through any document): protection follows the person */
  BMIS__PROT_OPEN_ASYLUM = 64,
  BMIS__PROT_OPEN_CHILD = 128,
  BMIS__PROT_OPEN_TRAFFICKING = 256,
  BMIS__PROT_OPEN = 64 | 128 | 256,
  /* not protection but a rule of the desk: a hit on a sanctions, wanted or
   * national-alert list that is not cleared; admission is not the desk's
   * decision (refer), never stored with the inspection (a dismissal made
   * meanwhile counts at the decision) */
  BMIS__PROT_LISTED = 512
};

/* A movement of the actor's crossing point (E_FORBIDDEN otherwise), read
 * without an entry: the caller's access writes it. */
bmis_status bmis__movement_at(bmis_store *s, const bmis_actor *actor,
                              const char *id, bmis_movement *out,
                              bmis_error *err);

/* Whether a disposition clears its hit: a dismissal, of the entry version
 * still listed, needing no second person or confirmed by one. */
bool bmis__dismissal_in_force(const bmis_hit_disposition *d);

/* Whether a hit's category keeps admission from the desk until cleared. */
bool bmis__category_bars_admission(bmis_wl_category c);

/* BMIS__PROT_LISTED when a stored hit of an inspection (hits_json: list,
 * ref, hash, category) on such a list is not cleared now for the traveller
 * key (no dismissal in force for that entry version). */
bmis_status bmis__listed_bits(bmis_store *s, const char *hits_json,
                              const char *traveller_key, unsigned *bits,
                              bmis_error *err);

/* The bits of needs the officer raised. */
unsigned bmis__protection_bits(const bmis_protection *p);

/* The BMIS__PROT_OPEN_* bits of a person's open protective referrals (0
 * for person_id ""); *first (may be NULL) gets the oldest of them. */
bmis_status bmis__person_open_bits(bmis_store *s, const char *person_id,
                                   unsigned *bits, bmis_referral *first,
                                   bmis_error *err);

/* The person a document is known by ("" when it is not). */
bmis_status bmis__person_of_document(bmis_store *s, const char *state,
                                     const char *number,
                                     char person_id[BMIS_ID_SIZE],
                                     bmis_error *err);

/* The BMIS__PROT_OPEN_* bits of whoever presents this document: its
 * person's, or, for a document the register does not know yet, those of
 * every person the register would consider the same (name and birth, as
 * at linking, from a possible match up). */
bmis_status bmis__open_bits_of(bmis_store *s, const bmis_traveller *t,
                               const bmis_document *d, unsigned *bits,
                               bmis_error *err);

/* The BMIS__PROT_OPEN_* bits of every person the register would consider
 * the same as t (name and birth, from a possible match up). */
bmis_status bmis__open_bits_of_match(bmis_store *s, const bmis_traveller *t,
                                     unsigned *bits, bmis_error *err);

/* E_FORBIDDEN unless the actor may act on a record of crossing point bcp
 * (the session's own, or any with all_bcps). */
bmis_status bmis__actor_at(const bmis_actor *a, const char *what,
                           const char *bcp, bmis_error *err);

/* The reasons (reasons) and prompts (prompts) the protection bits give,
 * appended to in's. */
void bmis__protection_reasons(unsigned prot, bmis_inspection *in, bool reasons,
                              bool prompts);
/* The protection part of a result and the decisions allowed, from the bits
 * (listed: BMIS__PROT_LISTED or 0); the prompts are made again. */
void bmis__inspection_protection(unsigned prot, unsigned listed,
                                 bmis_inspection *in);
/* Appends a reason with code to list (n of max); NULL when full. */
bmis_reason *bmis__reason_add(bmis_reason *list, int *n, int max,
                              bmis_reason_code code);
/* The rules (bmis_inspection_evaluate), with the protection bits to store
 * and the listing bit shown. */
bmis_status bmis__inspect_rules(const bmis_inspection_facts *f,
                                bmis_inspection *in, unsigned *prot,
                                unsigned *listed, bmis_error *err);

/* The facts of the decision rules from protection bits. */
bmis_decision_facts bmis__decision_facts(unsigned prot);

/* The protective referrals protection bits require (at most 5). */
unsigned bmis__inspect_required_referrals(unsigned protection,
                                          bmis_referral_kind out[5], int *n);
/* Why a refusal / an admission is not allowed (BMIS_REASON_NONE when it
 * is), and its words (NULL when it is). */
bmis_reason_code bmis__safeguard_refuse_code(unsigned protection);
bmis_reason_code bmis__safeguard_admit_code(unsigned protection);
const char *bmis__safeguard_refuse(unsigned protection);
const char *bmis__safeguard_admit(unsigned protection);

/* The MRZ as a desk reads it: OCR repairs on, as of the local date. */
bmis_status bmis__inspect_parse_doc(const char *mrz, bmis_date on,
                                    bmis_doc *doc);

/* One audit entry for an actor's action on a record. */
bmis_status bmis__inspect_audit(bmis_store *s, const bmis_actor *a,
                                const char *action, const char *record,
                                int64_t at, bmis_error *err);

/* The wording of the refusal notice in a language ("en"), as compiled in
 * from data/notices/refusal.LL.tsv; NULL when there is none. */
const char *bmis__notice_catalog(const char *lang);

#endif
