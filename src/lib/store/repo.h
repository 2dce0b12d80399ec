/* The register's access to the store: one function per stored operation,
 * mapping bmis_ structs to rows. The SQL itself is in sql/queries. These
 * functions do not open transactions; the register wraps them (tx_*). */
#ifndef BMIS_STORE_REPO_H
#define BMIS_STORE_REPO_H

#include "bmis/register.h"

/* Transactions (see store_internal.h). */
bmis_status bmis__tx_begin(bmis_store *s, bmis_error *err);
bmis_status bmis__tx_commit(bmis_store *s, bmis_error *err);
void bmis__tx_rollback(bmis_store *s);

/* Per-handle state of the register, kept on the store and freed with it. */
void *bmis__store_ext(bmis_store *s);
void bmis__store_set_ext(bmis_store *s, void *ext, void (*ext_free)(void *));

/* Dates as stored: "YYYY-MM-DD", "YYYY-MM", "YYYY" or "" (unknown). */
void bmis__date_to_text(bmis_date d, char out[11]);
bmis_date bmis__date_from_text(const char *text);

/* Settings: *found is false (and out "") when the key is absent. */
bmis_status bmis__setting_get(bmis_store *s, const char *key, char *out,
                              size_t cap, bool *found, bmis_error *err);
bmis_status bmis__setting_put(bmis_store *s, const char *key, const char *value,
                              bmis_error *err);

bmis_status bmis__bcp_put(bmis_store *s, const bmis_bcp *b, bmis_error *err);
bmis_status bmis__bcp_get(bmis_store *s, const char *code, bmis_bcp *out,
                          bmis_error *err);
bmis_status bmis__bcp_list(bmis_store *s, bmis_bcp_fn fn, void *ctx,
                           bmis_error *err);

/* Travellers carry a name key (ICAO-transliterated names) for matching. */
typedef int (*bmis__traveller_key_fn)(const bmis_traveller *t,
                                      const char *name_key, void *ctx);
bmis_status bmis__traveller_insert(bmis_store *s, const bmis_traveller *t,
                                   const char *name_key, int64_t created_at,
                                   bmis_error *err);
bmis_status bmis__traveller_get(bmis_store *s, const char *id,
                                bmis_traveller *out, bmis_error *err);
bmis_status bmis__traveller_by_person(bmis_store *s, const char *person_id,
                                      bmis__traveller_key_fn fn, void *ctx,
                                      bmis_error *err);
bmis_status bmis__traveller_candidates(bmis_store *s, bmis_date birth,
                                       bmis__traveller_key_fn fn, void *ctx,
                                       bmis_error *err);
bmis_status bmis__traveller_set_person(bmis_store *s, const char *id,
                                       const char *person_id, bmis_error *err);
bmis_status bmis__traveller_set_birth_country(bmis_store *s, const char *id,
                                              const char *country,
                                              bmis_error *err);

bmis_status bmis__document_find(bmis_store *s, const char *issuing_state,
                                const char *number, bmis_document *out,
                                bmis_error *err);
/* A document, its holder's person_id and birth_country, and when that
 * person last crossed (as bmis__person_last_crossing). */
bmis_status bmis__document_holder(bmis_store *s, const char *issuing_state,
                                  const char *number, bmis_document *out,
                                  char person_id[BMIS_ID_SIZE],
                                  char birth_country[4], int64_t *last_at,
                                  bmis_error *err);
bmis_status bmis__document_insert(bmis_store *s, const bmis_document *d,
                                  int64_t first_seen, bmis_error *err);
bmis_status bmis__document_by_person(bmis_store *s, const char *person_id,
                                     bmis_document_fn fn, void *ctx,
                                     bmis_error *err);

bmis_status bmis__movement_insert(bmis_store *s, const bmis_movement *m,
                                  int64_t recorded_at, bmis_error *err);
bmis_status bmis__movement_get(bmis_store *s, const char *id,
                               bmis_movement *out, bmis_error *err);
/* E_NOT_FOUND when no row has that id, traveller and document. */
bmis_status bmis__movement_update(bmis_store *s, const bmis_movement *m,
                                  bmis_error *err);
bmis_status bmis__movement_by_person(bmis_store *s, const char *person_id,
                                     bool include_voided, bmis_movement_fn fn,
                                     void *ctx, bmis_error *err);
/* Movements with crossed_at in [lo, hi) and the filter's local dates. */
bmis_status bmis__movement_list(bmis_store *s, const bmis_movement_filter *f,
                                int64_t lo, int64_t hi, bmis_movement_fn fn,
                                void *ctx, bmis_error *err);

typedef int (*bmis__version_fn)(int version, const char *kind, const char *by,
                                const char *reason, int64_t at,
                                const char *before_json, void *ctx);
bmis_status bmis__movement_version_insert(bmis_store *s, const char *id,
                                          int version, const char *kind,
                                          const bmis_change *c,
                                          const char *before_json,
                                          bmis_error *err);
bmis_status bmis__movement_version_list(bmis_store *s, const char *id,
                                        bmis__version_fn fn, void *ctx,
                                        bmis_error *err);

bmis_status bmis__referral_insert(bmis_store *s, const bmis_referral *r,
                                  bmis_error *err);
bmis_status bmis__referral_by_movement(bmis_store *s, const char *movement_id,
                                       bmis_referral_fn fn, void *ctx,
                                       bmis_error *err);
/* A person's open referrals, through every movement of theirs. */
bmis_status bmis__referral_open_by_person(bmis_store *s, const char *person_id,
                                          bmis_referral_fn fn, void *ctx,
                                          bmis_error *err);
bmis_status bmis__referral_close(bmis_store *s, const char *movement_id,
                                 bmis_referral_kind kind, int64_t at,
                                 bmis_error *err);

bmis_status bmis__link_insert(bmis_store *s, const bmis_identity_link *l,
                              bmis_error *err);
bmis_status bmis__link_get(bmis_store *s, const char *id,
                           bmis_identity_link *out, bmis_error *err);
bmis_status bmis__link_list(bmis_store *s, bmis_link_status status,
                            bmis_link_fn fn, void *ctx, bmis_error *err);
bmis_status bmis__link_decide(bmis_store *s, const char *id,
                              bmis_link_status status, const bmis_change *c,
                              bmis_error *err);
/* Calls fn with the other traveller of each confirmed link of id. */
typedef int (*bmis__id_fn)(const char *id, void *ctx);
bmis_status bmis__link_confirmed_of(bmis_store *s, const char *id,
                                    bmis__id_fn fn, void *ctx, bmis_error *err);

/* What the stay rules read of a movement. */
typedef struct bmis__event_row {
  char id[BMIS_ID_SIZE];
  bmis_direction direction;
  bmis_decision decision;
  bmis_date local_date, permitted_until;
  char nationality[4];
} bmis__event_row;
typedef int (*bmis__event_fn)(const bmis__event_row *e, void *ctx);
/* A person's movements that are not void, in time order. */
bmis_status bmis__stay_events(bmis_store *s, const char *person_id,
                              bmis__event_fn fn, void *ctx, bmis_error *err);

/* Makes a person's stored stays equal stays[0..n), writing only the rows
 * that differ (usually one: the stay the new movement opened or closed). */
bmis_status bmis__stay_sync(bmis_store *s, const char *person_id,
                            const bmis_stay *stays, size_t n, bmis_error *err);

/* When a person last crossed (Unix seconds; 0 when never; voided
 * movements count, so it is an upper bound). */
bmis_status bmis__person_last_crossing(bmis_store *s, const char *person_id,
                                       int64_t *out, bmis_error *err);
/* A person's last stay and its position; *found false when none. */
bmis_status bmis__stay_last(bmis_store *s, const char *person_id,
                            bmis_stay *out, int64_t *seq, bool *found,
                            bmis_error *err);
/* Writes one stay row at position seq (insert, or update when `exists`). */
bmis_status bmis__stay_put(bmis_store *s, const char *person_id, int64_t seq,
                           const bmis_stay *stay, bool exists, bmis_error *err);

bmis_status bmis__stay_by_person(bmis_store *s, const char *person_id,
                                 bmis_stay_fn fn, void *ctx, bmis_error *err);
bmis_status bmis__overstay_list(bmis_store *s, bmis_date as_of, bmis_stay_fn fn,
                                void *ctx, bmis_error *err);

const char *bmis__link_status_name(bmis_link_status st);
bmis_link_status bmis__link_status_value(const char *text);

/* ---- watchlists and hit dispositions (repo_watchlist.c) ----
 * The screening module's rules are in src/lib/screen (watchlist.c,
 * disposition.c); these functions only map rows. */

#include "bmis/screen.h"

/* A read snapshot: the queries until bmis__read_end see one state of the
 * store (SQLite: a deferred transaction; PostgreSQL: REPEATABLE READ, READ
 * ONLY). Inside a transaction already open, that one is the snapshot and
 * *own is false. bmis__read_end returns st, or the error of ending it. */
bmis_status bmis__read_begin(bmis_store *s, bool *own, bmis_error *err);
bmis_status bmis__read_end(bmis_store *s, bool own, bmis_status st,
                           bmis_error *err);

/* Streaming every entry of every list in the store, as the screening index
 * needs it (one read snapshot: every list is seen at one version). Strings
 * are valid during the call only. A callback's non-BMIS_OK status stops the
 * scan and is returned (with its err). Either callback may be NULL. */
typedef bmis_status (*bmis__wl_person_fn)(void *ctx, const bmis_watchlist *list,
                                          const char *ref, const char *hash,
                                          const char *match_key,
                                          bmis_error *err);
typedef bmis_status (*bmis__wl_document_fn)(
    void *ctx, const bmis_watchlist *list, const char *ref, const char *hash,
    const char *state, const char *number_norm, const char *number_as_listed,
    bmis_doc_status status, bmis_error *err);
bmis_status bmis__wl_scan(bmis_store *s, bmis__wl_person_fn pf,
                          bmis__wl_document_fn df, void *ctx, bmis_error *err);

/* The list's metadata and row id; BMIS_E_NOT_FOUND when there is none. */
bmis_status bmis__wl_list_get(bmis_store *s, const char *name,
                              bmis_watchlist *out, int64_t *id,
                              bmis_error *err);
/* Every list, by name. */
typedef bmis_status (*bmis__wl_list_fn)(int64_t id, const bmis_watchlist *w,
                                        void *ctx, bmis_error *err);
bmis_status bmis__wl_list_each(bmis_store *s, bmis__wl_list_fn fn, void *ctx,
                               bmis_error *err);
bmis_status bmis__wl_list_insert(bmis_store *s, const bmis_watchlist *w,
                                 int64_t *id, bmis_error *err);
/* Replaces every column but the name. */
bmis_status bmis__wl_list_update(bmis_store *s, int64_t id,
                                 const bmis_watchlist *w, bmis_error *err);
/* Deletes the list's entries, then the list. */
bmis_status bmis__wl_list_delete(bmis_store *s, int64_t id, bmis_error *err);
/* BMIS_E_NOT_FOUND when there is no such list. */
bmis_status bmis__wl_list_set_threshold(bmis_store *s, const char *name,
                                        double threshold, bmis_error *err);
bmis_status bmis__wl_list_set_confirm_at(bmis_store *s, const char *name,
                                         double confirm_at, bmis_error *err);

/* The ref and hash of every entry of a list (in no particular order). */
typedef bmis_status (*bmis__wl_hash_fn)(const char *ref, const char *hash,
                                        void *ctx, bmis_error *err);
bmis_status bmis__wl_entry_hashes(bmis_store *s, int64_t list_id,
                                  bmis__wl_hash_fn fn, void *ctx,
                                  bmis_error *err);

/* One entry row. Columns that do not apply are NULL or "" (stored NULL). */
typedef struct bmis__wl_entry_row {
  const char *ref;
  const char *kind; /* "person" or "document" */
  const char *hash;
  const char *data; /* canonical JSON */
  const char *match_key;
  const char *doc_state, *doc_number_norm, *doc_number, *doc_status;
} bmis__wl_entry_row;
/* Inserts the row, or (exists) replaces the list's row with that ref. */
bmis_status bmis__wl_entry_put(bmis_store *s, int64_t list_id,
                               const bmis__wl_entry_row *e, bool exists,
                               bmis_error *err);
/* Inserts rows[0..n) as new entries of the list, in that order (on
 * PostgreSQL in one statement, to save round trips; at most
 * BMIS__WL_INSERT_MANY rows at a time are sensible). */
#define BMIS__WL_INSERT_MANY 1000
bmis_status bmis__wl_entry_insert_many(bmis_store *s, int64_t list_id,
                                       const bmis__wl_entry_row *rows, size_t n,
                                       bmis_error *err);
bmis_status bmis__wl_entry_delete(bmis_store *s, int64_t list_id,
                                  const char *ref, bmis_error *err);
/* The ref and data of the list's entries in the order they were first
 * stored, or of the one entry `ref` (when not NULL). */
typedef bmis_status (*bmis__wl_data_fn)(const char *ref, const char *data,
                                        void *ctx, bmis_error *err);
bmis_status bmis__wl_entry_data(bmis_store *s, int64_t list_id, const char *ref,
                                bmis__wl_data_fn fn, void *ctx,
                                bmis_error *err);

/* A disposition as stored (d->id filled by the caller). */
bmis_status bmis__disposition_insert(bmis_store *s, const char *list,
                                     const char *ref, const char *entry_hash,
                                     const bmis_hit_disposition *d,
                                     bmis_error *err);
/* The latest disposition of (list, ref) for one traveller key; *found is
 * false when there is none. entry_hash gets the hash recorded with it. */
bmis_status bmis__disposition_latest_for(bmis_store *s, const char *list,
                                         const char *ref,
                                         const char *traveller_key,
                                         bmis_hit_disposition *out,
                                         char entry_hash[33], bool *found,
                                         bmis_error *err);
/* One by id (BMIS_E_NOT_FOUND when none); entry_hash as above. */
bmis_status bmis__disposition_get(bmis_store *s, const char *id,
                                  bmis_hit_disposition *out,
                                  char entry_hash[33], bmis_error *err);
/* Those in one review state, oldest first (at most 1000). */
/* bcp "*": of every crossing point. */
bmis_status bmis__disposition_list(bmis_store *s, bmis_review review,
                                   const char *bcp, bmis_disposition_fn fn,
                                   void *ctx, bmis_error *err);
/* Writes d's review (review, reviewed_by, review_role, review_reason,
 * reviewed_at) if it is still pending; BMIS_E_CONFLICT otherwise. */
bmis_status bmis__disposition_review(bmis_store *s,
                                     const bmis_hit_disposition *d,
                                     bmis_error *err);

#endif
