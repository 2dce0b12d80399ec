/* The wire layer: the JSON form of the library's public types, one encoder
 * and one decoder per type, used by the CLI, the server and the stored
 * snapshots alike (docs/API.md describes the forms). bmis.h does not
 * include this header, so a program that only reads MRZs needs no jansson.
 *
 * Memory: an encoder returns a new reference the caller releases with
 * json_decref(); NULL only when out of memory. A decoder reads a json_t the
 * caller keeps owning and fills the caller's struct; on error it returns
 * E_INVALID_ARG with err naming the member at fault by its path
 * ("traveller.birth: ...", "card.purpose: ..."), and *out may be partly
 * filled. */
#ifndef BMIS_WIRE_H
#define BMIS_WIRE_H

#include "bmis/account.h"
#include "bmis/audit.h"
#include "bmis/register.h"
#include "bmis/screen.h"
#include "bmis/status.h"

#include <jansson.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A movement: every member of bmis_movement, codes by name, times ISO. */
BMIS_API json_t *bmis_wire_movement(const bmis_movement *m);

/* A movement from the members bmis_wire_movement writes (output-only ones
 * such as version included). Members absent or null keep the values *out
 * already has, so a caller can load, overlay and check. */
BMIS_API bmis_status bmis_wire_movement_decode(const json_t *j,
                                               bmis_movement *out,
                                               bmis_error *err);

/* How an encoder writes an instant: RFC 3339 text ("2025-03-01T10:00:00Z")
 * or Unix seconds. */
typedef enum bmis_wire_time {
  BMIS_WIRE_TIME_ISO,
  BMIS_WIRE_TIME_UNIX
} bmis_wire_time;

/* A past version of a movement (bmis_movement_history): version, kind,
 * by, reason, at, before (a bmis_wire_movement). The CLI writes "at" as
 * text (BMIS_WIRE_TIME_ISO), the API as Unix seconds (BMIS_WIRE_TIME_UNIX,
 * docs/API.md); the two forms are kept as they have always been. */
BMIS_API json_t *bmis_wire_movement_version(const bmis_movement_version *v,
                                            bmis_wire_time at);

/* A version from either form ("at" as text or as an integer). *out is
 * cleared first; errors name the member ("version.before.crossed_at: "). */
BMIS_API bmis_status bmis_wire_movement_version_decode(
    const json_t *j, bmis_movement_version *out, bmis_error *err);

/* A traveller: id, person_id, surname, given_names, birth (partial dates
 * as "1980" or "1980-05"), sex, nationality, birth_country. */
BMIS_API json_t *bmis_wire_traveller(const bmis_traveller *t);

/* A traveller from the members bmis_wire_traveller writes; absent or null
 * members keep *out's values. */
BMIS_API bmis_status bmis_wire_traveller_decode(const json_t *j,
                                                bmis_traveller *out,
                                                bmis_error *err);

/* A document: id, traveller_id, type, issuing_state, number, expiry. The
 * MRZ as read is personal data the listings never showed: it is read from
 * a crossing ("document.mrz") but not written. */
BMIS_API json_t *bmis_wire_document(const bmis_document *d);

/* A document from the members bmis_wire_document writes, plus "mrz". */
BMIS_API bmis_status bmis_wire_document_decode(const json_t *j,
                                               bmis_document *out,
                                               bmis_error *err);

/* A crossing as `bmis movement record` reads it (register.h describes the
 * members; "mrz" gives the traveller and document). *out is cleared first.
 * Output-only members (traveller_id, version, ...) are unknown members. */
BMIS_API bmis_status bmis_wire_crossing_decode(const json_t *j,
                                               bmis_crossing *out,
                                               bmis_error *err);

/* A crossing with every member the decoder reads (traveller and document
 * as objects; "mrz" is not written, "referrals" as names). */
BMIS_API json_t *bmis_wire_crossing(const bmis_crossing *c);

/* A screening hit as `bmis screen --json` prints it (docs/SCREENING.md):
 * kind, score, list, category, action, ref, entry_hash, threshold; person
 * hits: listed_name, listed_quality, listed_form, presented_form,
 * name_score, tokens, factors; document hits: doc_state, doc_number,
 * doc_status, doc_detail; previously_disposed and, when set, previous (the
 * earlier disposition: id, decision, reason, by, role, at, voided, review).
 * Scores are rounded to 3 decimals. */
BMIS_API json_t *bmis_wire_hit(const bmis_hit *h);

/* A hit from the members bmis_wire_hit writes; absent or null members keep
 * *out's values. Errors name the path ("hit.tokens[2].how: ..."). */
BMIS_API bmis_status bmis_wire_hit_decode(const json_t *j, bmis_hit *out,
                                          bmis_error *err);

/* A hit's disposition as GET /api/dispositions lists it: id, list, ref,
 * entry, traveller_key, score, decision, reason, by, role, at (RFC 3339),
 * pending, review (null when none), bcp and, once reviewed, reviewed_by,
 * review_reason, reviewed_at. voided and review_role have never been
 * written (the list holds no voided ones). */
BMIS_API json_t *bmis_wire_disposition(const bmis_hit_disposition *d);

/* A disposition from the members bmis_wire_disposition writes; absent or
 * null members keep *out's values; "pending" must agree with "review". */
BMIS_API bmis_status bmis_wire_disposition_decode(const json_t *j,
                                                  bmis_hit_disposition *out,
                                                  bmis_error *err);

/* The hits of a screening as an array of bmis_wire_hit objects. */
BMIS_API json_t *bmis_wire_hits(const bmis_screen_result *r);

/* {"hits": [...], "candidates": n}. */
BMIS_API json_t *bmis_wire_screen_result(const bmis_screen_result *r);

/* A watchlist entry in its canonical form, the one the store keeps and
 * hashes and the JSON-lines list format holds (docs/SCREENING.md):
 * {"kind":"person","ref",...} or {"kind":"document","ref",...}; empty
 * lists, false flags and absent values are left out. NULL when out of
 * memory or when a text is not UTF-8. The decoder is the JSON-lines reader
 * (bmis_wl_read), which adds each entry to a content through its checks. */
BMIS_API json_t *bmis_wire_wl_person(const bmis_wl_person *p);
BMIS_API json_t *bmis_wire_wl_document(const bmis_wl_document *d);

/* An account as `bmis user list --json` and GET /api/accounts write it:
 * username, name (the display name), role, disabled, default_bcp, bcps,
 * created_at, updated_at (Unix seconds). No password hash: the struct has
 * none. */
BMIS_API json_t *bmis_wire_account(const bmis_account *a);

/* An account from the members bmis_wire_account writes; absent or null
 * members keep *out's values ("account.role: unknown role 'x'"). */
BMIS_API bmis_status bmis_wire_account_decode(const json_t *j,
                                              bmis_account *out,
                                              bmis_error *err);

/* How an identity link names its two travellers: by id ("traveller_id",
 * "candidate_id": `bmis identity review list --json`) or as traveller
 * objects ("traveller", "candidate": GET /api/identity-links, a traveller
 * not found written as null). The member order of each form is kept as it
 * has always been. */
typedef enum bmis_wire_link_form {
  BMIS_WIRE_LINK_IDS,
  BMIS_WIRE_LINK_TRAVELLERS
} bmis_wire_link_form;

/* An identity link: id, the travellers (form above), confidence, reasons,
 * status ("pending", "confirmed", "rejected"), decided_by,
 * decision_reason. traveller and candidate are read only with
 * BMIS_WIRE_LINK_TRAVELLERS (either may be NULL). created_at and
 * decided_at have never been written. */
BMIS_API json_t *bmis_wire_identity_link(const bmis_identity_link *l,
                                         bmis_wire_link_form form,
                                         const bmis_traveller *traveller,
                                         const bmis_traveller *candidate);

/* A link from either form (the travellers' ids from "traveller_id" or
 * "traveller".id); absent or null members keep *out's values. */
BMIS_API bmis_status bmis_wire_identity_link_decode(const json_t *j,
                                                    bmis_identity_link *out,
                                                    bmis_error *err);

/* An audit entry as `bmis audit list --json` prints it: seq, at (RFC 3339
 * text), actor, role, channel, action, record, outcome, bcp, desk, detail,
 * prev_hash, hash. */
BMIS_API json_t *bmis_wire_audit_entry(const bmis_audit_entry *e);

/* An entry from the members bmis_wire_audit_entry writes ("at" as text or
 * Unix seconds); absent or null members keep *out's values. */
BMIS_API bmis_status bmis_wire_audit_entry_decode(const json_t *j,
                                                  bmis_audit_entry *out,
                                                  bmis_error *err);

/* Whether the audit chain holds, as `bmis audit verify --json` and GET
 * /api/audit/verify write it: ok, entries, bad_seq, problem. */
BMIS_API json_t *bmis_wire_audit_verdict(const bmis_audit_verdict *v);

/* A verdict from the members bmis_wire_audit_verdict writes; absent or null
 * members keep *out's values. */
BMIS_API bmis_status bmis_wire_audit_verdict_decode(const json_t *j,
                                                    bmis_audit_verdict *out,
                                                    bmis_error *err);

/* A crossing point: code, name, kind ("air", "land", "sea", ...) and, with
 * time_zone true, time_zone. `bmis bcp list --json` writes the time zone;
 * GET /api/reference's "bcps" never has (the console needs none); the two
 * forms are kept as they have always been. */
BMIS_API json_t *bmis_wire_bcp(const bmis_bcp *b, bool time_zone);

/* A crossing point from either form; absent or null members keep *out's
 * values ("bcp.kind: unknown kind 'x'"). */
BMIS_API bmis_status bmis_wire_bcp_decode(const json_t *j, bmis_bcp *out,
                                          bmis_error *err);

/* A JSON string of s ("" for NULL); text that is not UTF-8 with its bytes
 * outside ASCII as '?', so that a listed name read from an old file still
 * prints. */
BMIS_API json_t *bmis_wire_text(const char *s);

/* Parses JSON text (duplicate members refused) into a new reference the
 * caller releases with json_decref(); NULL with E_PARSE in err naming the
 * line and column. */
BMIS_API json_t *bmis_wire_load(const char *text, size_t len, bmis_error *err);

#ifdef __cplusplus
}
#endif

#endif
