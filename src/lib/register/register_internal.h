/* Shared inside src/lib/register. */
#ifndef BMIS_REGISTER_INTERNAL_H
#define BMIS_REGISTER_INTERNAL_H

#include "bmis/doc.h"
#include "bmis/register.h"

#include "wire/wire_internal.h"

/* ---- stays (stay.c) ---- */

/* One movement as the stay rules see it. */
typedef struct bmis__stay_event {
  const char *id;
  bmis_direction direction;
  bmis_decision decision;
  bmis_date local_date;
  bmis_date permitted_until;
  bool national; /* the document is the operating State's */
} bmis__stay_event;

/* Turns a person's movements, in time order and without voided ones, into
 * stays (at most n_events + 1 of them; out must hold that many). Returns
 * how many stays were written. Sets event_flags[i] (may be NULL) to the
 * BMIS_FLAG_* of each movement. */
size_t bmis__stays_compute(const char *person_id,
                           const bmis__stay_event *events, size_t n_events,
                           bmis_stay *out, unsigned *event_flags);

/* The stays after one more event that comes after every other event of
 * the person, given only the person's last stay (has_last false: none).
 * Writes the new version of the last stay (when it changed: *last_changed)
 * and any new stays into added (at most 2); returns how many were added.
 * *flags gets the event's BMIS_FLAG_*. Agrees with bmis__stays_compute
 * over the whole history (a property test checks it). */
size_t bmis__stays_append(const char *person_id, const bmis_stay *last,
                          bool has_last, const bmis__stay_event *e,
                          bmis_stay *new_last, bool *last_changed,
                          bmis_stay added[2], unsigned *flags);

/* After recording movement m: the person's stays brought up to date, by
 * appending when m is later than `last_at` (the person's last crossing
 * before m, from bmis__person_last_crossing), else by recomputing them
 * all. *flags gets m's BMIS_FLAG_*. */
bmis_status bmis__person_restay_after(bmis_store *s, const char *person_id,
                                      const bmis_movement *m, int64_t last_at,
                                      unsigned *flags, bmis_error *err);

/* Days present (each calendar day once) in the window of `window` days
 * ending on `on`, over stays sorted by entry date. */
int bmis__days_in_window(const bmis_stay *stays, size_t n, bmis_date on,
                         int window);

/* Recomputes and stores a person's stays from their movements. When
 * flags_of is given, *flags gets the flags of that movement. */
bmis_status bmis__person_restay(bmis_store *s, const char *person_id,
                                const char *flags_of, unsigned *flags,
                                bmis_error *err);

/* ---- changing a movement (movement_version.c) ---- */

/* Stores `next` as the new version of `old` (history row first, `kind`
 * "decision", "correction" or "void"), then recomputes the person's stays.
 * Runs inside the caller's transaction. */
bmis_status bmis__movement_save_version(bmis_store *s, const bmis_movement *old,
                                        bmis_movement *next, const char *kind,
                                        const bmis_change *change,
                                        bmis_error *err);

/* ---- protection that follows the person (protection.c) ---- */

/* E_SAFEGUARD (saying which referral and what to do instead) when the
 * person has an open protective referral (asylum, child protection,
 * trafficking): they cannot be refused or held until it is closed. */
bmis_status bmis__person_refusal_allowed(bmis_store *s, const char *person_id,
                                         bmis_error *err);

/* Turns every refusal of the person that has not been carried out (no
 * admitted movement of theirs recorded after it, not void) into a
 * referral, keeping its history; `except` (may be "") is left alone.
 * *count (may be NULL) says how many. Inside the caller's transaction. */
bmis_status bmis__person_refusals_to_referrals(bmis_store *s,
                                               const char *person_id,
                                               const char *except,
                                               const bmis_change *change,
                                               int *count, bmis_error *err);

/* When the person has an open protective referral, their refusals not
 * carried out become referrals: called whenever the books change in a way
 * that could make an old refusal pending again (a later admission voided
 * or corrected, two records joined as one person). */
bmis_status bmis__person_protection_reaches_back(bmis_store *s,
                                                 const char *person_id,
                                                 const bmis_change *change,
                                                 bmis_error *err);

/* ---- identity (identity.c) ---- */

/* ICAO-transliterated names "SURNAME<<GIVEN<NAMES" used to compare names
 * across spellings and scripts. */
void bmis__name_key(const char *surname, const char *given, char *out,
                    size_t cap);

/* How alike two travellers are, 0..1, with the reasons in words. */
double bmis__identity_score(const bmis_traveller *a, const char *a_key,
                            const bmis_traveller *b, const char *b_key,
                            char *reasons, size_t cap);

/* Confidence at or above which a new document joins a known person without
 * review, and at or above which a possible match is flagged for review. */
#define BMIS__LINK_STRONG 0.945
#define BMIS__LINK_WEAK 0.595

/* ---- the register's per-store state (config.c) ---- */

bmis_status bmis__config(bmis_store *s, bmis_register_config *out,
                         bmis_error *err);

/* The local date at a crossing point of a UTC instant (crossing points and
 * their zones are cached on the handle). E_NOT_FOUND for an unknown code. */
bmis_status bmis__bcp_local_date(bmis_store *s, const char *code, int64_t utc,
                                 bmis_date *out, bmis_error *err);

/* bmis_traveller_search without its audit entry: for the library's own
 * look-ups inside an access that records its own (the safeguards of an
 * inspection). */
bmis_status bmis__traveller_search(bmis_store *s, const char *surname,
                                   const char *given_names, bmis_date birth,
                                   const char *nationality, char sex,
                                   bmis_traveller_match *out, size_t max,
                                   size_t *count, bmis_error *err);

#endif
