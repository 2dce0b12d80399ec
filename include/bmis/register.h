/* The movement register: travellers, their documents, every entry and exit,
 * referrals, identity links and stays.
 *
 * Every function takes the store it works on; nothing here reads the clock
 * or global configuration (the operating State and the stay rule are kept in
 * the store, see bmis_register_config). Structs are plain values with
 * fixed-size text fields: the caller owns them, usually on the stack.
 * Text is UTF-8; country fields are ICAO/ISO alpha-3 codes from the country
 * table ("D" for Germany as in passports is accepted and stored as "D"). */
#ifndef BMIS_REGISTER_H
#define BMIS_REGISTER_H

#include "bmis/alloc.h"
#include "bmis/audit.h"
#include "bmis/date.h"
#include "bmis/export.h"
#include "bmis/id.h"
#include "bmis/status.h"
#include "bmis/store.h"
#include "bmis/time.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- coded lists ----
 * Each X(NAME, "code") row: the code is what JSON, the CLI and the store
 * use. Lists are append-only. */

#define BMIS_DIRECTION_TABLE(X) X(ENTRY, "entry") X(EXIT, "exit")

#define BMIS_BCP_KIND_TABLE(X)                                                 \
  X(AIR, "air") X(LAND, "land") X(SEA, "sea") X(RAIL, "rail")

#define BMIS_TRANSPORT_TABLE(X)                                                \
  X(AIR, "air")                                                                \
  X(ROAD, "road")                                                              \
  X(RAIL, "rail")                                                              \
  X(SEA, "sea")                                                                \
  X(FOOT, "foot")                                                              \
  X(OTHER, "other")

#define BMIS_PURPOSE_TABLE(X)                                                  \
  X(LEISURE, "leisure")                                                        \
  X(BUSINESS, "business")                                                      \
  X(VISITING, "visiting")                                                      \
  X(STUDY, "study")                                                            \
  X(WORK, "work")                                                              \
  X(MEDICAL, "medical")                                                        \
  X(RELIGIOUS, "religious")                                                    \
  X(TRANSIT, "transit")                                                        \
  X(RETURNING, "returning_resident")                                           \
  X(ASYLUM, "asylum")                                                          \
  X(OTHER, "other")

#define BMIS_DECISION_TABLE(X)                                                 \
  X(ADMITTED, "admitted") X(REFUSED, "refused") X(REFERRED, "referred")

#define BMIS_REFERRAL_KIND_TABLE(X)                                            \
  X(ASYLUM, "asylum")                                                          \
  X(CHILD_PROTECTION, "child_protection")                                      \
  X(TRAFFICKING, "trafficking")                                                \
  X(MEDICAL, "medical")                                                        \
  X(SECONDARY, "secondary")

/* Value 0 of every list means "not given". */
#define BMIS__CODE_ENUM(prefix, name, code) prefix##name,
typedef enum bmis_direction {
  BMIS_DIRECTION_NONE,
#define X(n, c) BMIS__CODE_ENUM(BMIS_DIRECTION_, n, c)
  BMIS_DIRECTION_TABLE(X)
#undef X
} bmis_direction;
typedef enum bmis_bcp_kind {
  BMIS_BCP_KIND_NONE,
#define X(n, c) BMIS__CODE_ENUM(BMIS_BCP_KIND_, n, c)
  BMIS_BCP_KIND_TABLE(X)
#undef X
} bmis_bcp_kind;
typedef enum bmis_transport {
  BMIS_TRANSPORT_NONE,
#define X(n, c) BMIS__CODE_ENUM(BMIS_TRANSPORT_, n, c)
  BMIS_TRANSPORT_TABLE(X)
#undef X
} bmis_transport;
typedef enum bmis_purpose {
  BMIS_PURPOSE_NONE,
#define X(n, c) BMIS__CODE_ENUM(BMIS_PURPOSE_, n, c)
  BMIS_PURPOSE_TABLE(X)
#undef X
} bmis_purpose;
typedef enum bmis_decision {
  BMIS_DECISION_NONE,
#define X(n, c) BMIS__CODE_ENUM(BMIS_DECISION_, n, c)
  BMIS_DECISION_TABLE(X)
#undef X
} bmis_decision;
typedef enum bmis_referral_kind {
  BMIS_REFERRAL_NONE,
#define X(n, c) BMIS__CODE_ENUM(BMIS_REFERRAL_, n, c)
  BMIS_REFERRAL_KIND_TABLE(X)
#undef X
} bmis_referral_kind;

typedef enum bmis_code_list {
  BMIS_LIST_DIRECTION,
  BMIS_LIST_BCP_KIND,
  BMIS_LIST_TRANSPORT,
  BMIS_LIST_PURPOSE,
  BMIS_LIST_DECISION,
  BMIS_LIST_REFERRAL_KIND
} bmis_code_list;

/* The code of value v in a list ("entry"); "" for 0 or out of range. */
BMIS_API const char *bmis_code_name(bmis_code_list list, int value);
/* The value of a code in a list, or 0 when text is not one of its codes. */
BMIS_API int bmis_code_value(bmis_code_list list, const char *text);
/* How many values a list has, not counting 0. */
BMIS_API int bmis_code_count(bmis_code_list list);

/* Refusal grounds A-I as Eurostat's refused-entry statistics code them
 * (Schengen Borders Code annex V): A no valid travel document, B false
 * document, C no valid visa or residence permit, D false visa or permit,
 * E purpose and conditions of stay not justified, F already stayed the
 * maximum, G insufficient means, H alert for refusal, I threat to public
 * policy, internal security, public health or international relations.
 * Returns the description of a ground letter, or NULL. */
BMIS_API const char *bmis_refusal_ground_text(char ground);

/* ---- configuration kept in the store ---- */

typedef struct bmis_register_config {
  char state[4];    /* operating State, e.g. "KEN"; "" until set */
  int window_days;  /* rolling-window rule: window length (default 180) */
  int window_limit; /* most days present in any window (default 90) */
} bmis_register_config;

BMIS_API bmis_status bmis_register_config_get(bmis_store *store,
                                              bmis_register_config *cfg,
                                              bmis_error *err);
/* Validates (state must be a country code; 1 <= limit <= window <= 3660)
 * and stores cfg. */
BMIS_API bmis_status bmis_register_config_set(bmis_store *store,
                                              const bmis_register_config *cfg,
                                              bmis_error *err);

/* ---- border crossing points ---- */

typedef struct bmis_bcp {
  char code[17]; /* 1-16 of A-Z, 0-9, '-' */
  char name[129];
  bmis_bcp_kind kind;
  char time_zone[65]; /* IANA name, e.g. "Africa/Nairobi" */
} bmis_bcp;

/* Adds a crossing point, or updates the one with that code. Errors name the
 * field at fault (unknown time zone, bad code). */
BMIS_API bmis_status bmis_bcp_put(bmis_store *store, const bmis_bcp *bcp,
                                  bmis_error *err);
/* E_NOT_FOUND when there is no such code. */
BMIS_API bmis_status bmis_bcp_get(bmis_store *store, const char *code,
                                  bmis_bcp *out, bmis_error *err);
/* Calls fn for every crossing point in code order; a non-zero return from
 * fn stops the walk. */
typedef int (*bmis_bcp_fn)(const bmis_bcp *bcp, void *ctx);
BMIS_API bmis_status bmis_bcp_list(bmis_store *store, bmis_bcp_fn fn, void *ctx,
                                   bmis_error *err);

/* ---- traveller, document, movement ---- */

typedef struct bmis_traveller {
  char id[BMIS_ID_SIZE];
  char person_id[BMIS_ID_SIZE]; /* the identity after confirmed merges */
  char surname[97];             /* primary identifier */
  char given_names[97];         /* secondary identifiers */
  bmis_date birth;              /* may be partial */
  char sex;                     /* 'F', 'M', 'X', or 0 when unknown */
  char nationality[4];
  char birth_country[4]; /* "" when never captured */
} bmis_traveller;

typedef struct bmis_document {
  char id[BMIS_ID_SIZE];
  char traveller_id[BMIS_ID_SIZE];
  char type[3]; /* ICAO document code: "P", "PP", "I", "ID", "V", … */
  char issuing_state[4];
  char number[41]; /* as printed, without filler */
  bmis_date expiry;
  char mrz[100]; /* lines as read, joined by '\n'; "" when keyed in */
} bmis_document;

#define BMIS_GROUNDS_MAX 9

typedef struct bmis_movement {
  char id[BMIS_ID_SIZE]; /* time-ordered UUID; made by the recorder */
  char traveller_id[BMIS_ID_SIZE];
  char document_id[BMIS_ID_SIZE];
  bmis_direction direction;
  char bcp[17];
  int64_t crossed_at;   /* Unix seconds, UTC */
  bmis_date local_date; /* calendar date at the bcp (set by the register) */
  bmis_transport transport;
  char carrier[33];          /* airline, shipping line, bus company */
  char transport_number[17]; /* flight, vessel or vehicle number */
  char route_country[4];     /* embarkation (entry) or destination (exit) */
  char residence_country[4];
  bmis_purpose purpose;
  int intended_days; /* 0 when not given */
  char local_address[257];
  char entry_type[33];       /* visa category or entry type code */
  bmis_date permitted_until; /* last day of permitted stay; 0s when none */
  bmis_decision decision;
  char grounds[BMIS_GROUNDS_MAX + 1]; /* refusal grounds, e.g. "CE" */
  char decision_note[513];
  char officer[65];
  char desk[33];
  char nationality[4]; /* the document's, at the crossing */
  bool voided;
  int version; /* 1 when recorded; +1 per decision, correction or void */
} bmis_movement;

/* What a recorder submits for one crossing. */
typedef struct bmis_crossing {
  bmis_traveller traveller; /* id/person_id ignored: the register links */
  bmis_document document;   /* id/traveller_id ignored */
  bmis_movement movement;   /* id may be "" (one is made) or given */
  int permitted_days;       /* alternative to permitted_until: days from entry,
                               the entry day counting as day 1; 0 = not given */
  bmis_referral_kind referrals[5]; /* referrals opened with the crossing */
  int referral_count;
  int64_t recorded_at; /* Unix seconds: when it is recorded, required (the
                          library reads no clock; the caller does); not
                          part of the crossing's JSON */
} bmis_crossing;

/* How a crossing was linked to a traveller. */
typedef enum bmis_link_method {
  BMIS_LINK_DOCUMENT = 1,   /* known document */
  BMIS_LINK_BIOGRAPHIC = 2, /* new document, strong biographic match */
  BMIS_LINK_NEW = 3         /* new traveller (maybe flagged for review) */
} bmis_link_method;

/* Flags on a movement's place in the traveller's timeline. */
enum {
  BMIS_FLAG_ENTRY_WHILE_PRESENT = 1, /* entry, last recorded: in country */
  BMIS_FLAG_EXIT_WITHOUT_ENTRY = 2,  /* exit, no recorded admitted entry */
  BMIS_FLAG_OVERSTAY = 4             /* stay went past permitted_until */
};

typedef struct bmis_record_result {
  char movement_id[BMIS_ID_SIZE];
  char traveller_id[BMIS_ID_SIZE];
  char person_id[BMIS_ID_SIZE];
  bmis_link_method method;
  double confidence;                 /* of the link: 1 for a known document */
  char review_link_id[BMIS_ID_SIZE]; /* "" unless flagged for review */
  bool duplicate; /* this id was already recorded with the same content */
  unsigned flags; /* BMIS_FLAG_* of this movement after recording */
} bmis_record_result;

/* Records one crossing in one transaction (or in a savepoint when inside
 * bmis_store_begin/commit). Validates every field first, naming the field
 * at fault; unknown bcp or country codes are refused; the operating
 * State's nationals cannot be refused entry. Links the traveller (see
 * bmis_link_method), opens the listed referrals, recomputes the person's
 * stays. Protection follows the person (E_SAFEGUARD): a refusal is refused
 * when the crossing opens an asylum, child-protection or trafficking
 * referral, or when the person has one open; a crossing that opens one
 * turns the person's refusals not yet carried out into referrals. Recording an
 * id that exists is idempotent when the content is the same (result->duplicate)
 * and E_CONFLICT otherwise. On error nothing is written. */
BMIS_API bmis_status bmis_movement_record(bmis_store *store,
                                          const bmis_crossing *crossing,
                                          bmis_record_result *result,
                                          bmis_error *err);

/* Reads a movement's current version. E_NOT_FOUND if absent. */
BMIS_API bmis_status bmis_movement_get(bmis_store *store, const char *id,
                                       bmis_movement *out, bmis_error *err);

/* Who changes a recorded movement, and why. */
typedef struct bmis_change {
  char by[65];
  char reason[513]; /* required for corrections and voids */
  int64_t at;       /* Unix seconds; the caller's clock */
} bmis_change;

/* A later decision on the same crossing (e.g. secondary inspection): sets
 * decision, grounds, note and permitted_until from `decided`, keeping the
 * previous version in the history. Turning it into a refusal is
 * E_SAFEGUARD while the person has an open protective referral (as for
 * bmis_movement_correct). */
BMIS_API bmis_status bmis_movement_decide(bmis_store *store,
                                          const bmis_movement *decided,
                                          const bmis_change *change,
                                          bmis_error *err);

/* Replaces the movement with id corrected->id by *corrected (all fields
 * but id, traveller and document), validated as at recording, keeping the
 * previous version in the history. change->reason must be given. The
 * officer and the desk are the decision's author and are not corrected
 * (E_INVALID_ARG naming "officer" or "desk" when they differ from the
 * current version's): the correction's author is change->by, in the
 * history. */
BMIS_API bmis_status bmis_movement_correct(bmis_store *store,
                                           const bmis_movement *corrected,
                                           const bmis_change *change,
                                           bmis_error *err);

/* Voids a movement: it stays in the history but leaves counts and stays. */
BMIS_API bmis_status bmis_movement_void(bmis_store *store, const char *id,
                                        const bmis_change *change,
                                        bmis_error *err);

/* One past version of a movement, oldest first. */
typedef struct bmis_movement_version {
  int version;   /* the version this entry replaced */
  char kind[16]; /* "decision", "correction" or "void" */
  char by[65];
  char reason[513];
  int64_t at;
  bmis_movement before; /* the movement as it was */
} bmis_movement_version;

typedef int (*bmis_movement_version_fn)(const bmis_movement_version *v,
                                        void *ctx);
BMIS_API bmis_status bmis_movement_history(bmis_store *store, const char *id,
                                           bmis_movement_version_fn fn,
                                           void *ctx, bmis_error *err);

/* Filter for bmis_movement_list; zero fields do not filter. */
typedef struct bmis_movement_filter {
  char bcp[17];
  bmis_date from, to; /* local dates, inclusive */
  char nationality[4];
  bmis_direction direction;
  bmis_decision decision;
  char person_id[BMIS_ID_SIZE]; /* one person's movements (the other
                                   conditions apply too) */
  bool include_voided;
  int64_t limit; /* 0 = no limit */
} bmis_movement_filter;

typedef int (*bmis_movement_fn)(const bmis_movement *m, void *ctx);

/* Calls fn for each movement matching filter, in time order. */
BMIS_API bmis_status bmis_movement_list(bmis_store *store,
                                        const bmis_movement_filter *filter,
                                        bmis_movement_fn fn, void *ctx,
                                        bmis_error *err);

/* ---- travellers and identities ---- */

/* Reads a traveller by id. */
BMIS_API bmis_status bmis_traveller_get(bmis_store *store, const char *id,
                                        bmis_traveller *out, bmis_error *err);
/* Finds the traveller who holds a document. E_NOT_FOUND if none. */
BMIS_API bmis_status bmis_traveller_by_document(bmis_store *store,
                                                const char *issuing_state,
                                                const char *number,
                                                bmis_traveller *out,
                                                bmis_error *err);

typedef int (*bmis_traveller_fn)(const bmis_traveller *t, void *ctx);

/* A traveller found by name and date of birth, and how alike. */
typedef struct bmis_traveller_match {
  bmis_traveller traveller;
  double score;      /* the identity score (0-1) the register links by */
  char reasons[257]; /* "surname equal; given names differ; …" */
} bmis_traveller_match;

/* Travellers whose names and birth resemble the ones given, scored as the
 * register scores a possible identity (ICAO-transliterated names, token
 * sets, partial birth dates), best first; at most `max` (1..100) go to
 * out, *count says how many. The whole date of birth is required (a
 * desk asks for it, and it keeps the search narrow); records holding only
 * its year, or year and month, are found too.
 * Nationality (NULL or "") and sex (0) count when given, as at linking.
 * Audited for actor at `at` (Unix seconds) in the search's transaction:
 * "traveller.search", record "search:name+birth" (never the name); when
 * the entry cannot be written, nothing is found and the error says why. */
BMIS_API bmis_status bmis_traveller_search(
    bmis_store *store, const bmis_actor *actor, int64_t at, const char *surname,
    const char *given_names, bmis_date birth, const char *nationality, char sex,
    bmis_traveller_match *out, size_t max, size_t *count, bmis_error *err);

/* A desk's search by document: the traveller who holds it, as
 * bmis_traveller_by_document (E_NOT_FOUND when nobody does), audited for
 * actor at `at` in the search's transaction whatever it found:
 * "traveller.search", record "document:STATE:NUMBER". */
BMIS_API bmis_status bmis_traveller_search_document(
    bmis_store *store, const bmis_actor *actor, int64_t at,
    const char *issuing_state, const char *number, bmis_traveller *out,
    bmis_error *err);

typedef int (*bmis_document_fn)(const bmis_document *d, void *ctx);
/* Every traveller record of a person (one, or more after merges). */
BMIS_API bmis_status bmis_person_travellers(bmis_store *store,
                                            const char *person_id,
                                            bmis_traveller_fn fn, void *ctx,
                                            bmis_error *err);
/* Every document of a person, oldest first. */
BMIS_API bmis_status bmis_person_documents(bmis_store *store,
                                           const char *person_id,
                                           bmis_document_fn fn, void *ctx,
                                           bmis_error *err);

typedef enum bmis_link_status {
  BMIS_LINK_PENDING = 1,
  BMIS_LINK_CONFIRMED = 2,
  BMIS_LINK_REJECTED = 3
} bmis_link_status;

/* A possible identity between a new traveller record and a known one. */
typedef struct bmis_identity_link {
  char id[BMIS_ID_SIZE];
  char traveller_id[BMIS_ID_SIZE]; /* the new record */
  char candidate_id[BMIS_ID_SIZE]; /* the known one it resembles */
  double confidence;
  char reasons[257]; /* "surname equal; given names differ; birth equal…" */
  bmis_link_status status;
  char decided_by[65];
  char decision_reason[513];
  int64_t created_at, decided_at;
} bmis_identity_link;

typedef int (*bmis_link_fn)(const bmis_identity_link *l, void *ctx);

/* Links with the given status (0 = all), oldest first, read by actor:
 * audited at `at` (Unix seconds) before the first is handed out,
 * "identity.list", record "pending" or "all" ("links:pending",
 * "links:all" on the command line). */
BMIS_API bmis_status bmis_link_list(bmis_store *store, const bmis_actor *actor,
                                    int64_t at, bmis_link_status status,
                                    bmis_link_fn fn, void *ctx,
                                    bmis_error *err);
BMIS_API bmis_status bmis_link_get(bmis_store *store, const char *id,
                                   bmis_identity_link *out, bmis_error *err);
/* Confirms (merges the two people) or rejects (keeps them apart) a link.
 * Either can be reversed later by the other call. Recomputes identities
 * (person_id) and stays of everyone affected. Audited at `at` (Unix
 * seconds) in the decision's transaction: "identity.decide", record
 * "identity-link:ID" (on the command line "identity.confirm" or
 * "identity.reject", record "link:ID"); a refusal (E_SAFEGUARD) has its
 * entry too. */
BMIS_API bmis_status bmis_link_decide(
    bmis_store *store, const bmis_actor *actor, int64_t at, const char *link_id,
    bmis_link_status status, const bmis_change *change, bmis_error *err);

/* ---- stays ---- */

/* A stay: an admitted entry and the exit that ended it, or a flagged exit
 * without entry. Dates are local calendar dates at the crossing points. */
typedef struct bmis_stay {
  char person_id[BMIS_ID_SIZE];
  char entry_id[BMIS_ID_SIZE]; /* "" for an exit without entry */
  char exit_id[BMIS_ID_SIZE];  /* "" while present */
  bmis_date entry_date, exit_date;
  bmis_date permitted_until; /* zeros when not limited */
  unsigned flags;            /* BMIS_FLAG_* */
} bmis_stay;

/* Days of the stay (entry and exit days both count) as of a date: up to
 * the exit, or up to as_of while present. 0 for an exit without entry. */
BMIS_API int bmis_stay_days(const bmis_stay *stay, bmis_date as_of);
/* Days beyond permitted_until as of a date (0 when none). */
BMIS_API int bmis_stay_days_over(const bmis_stay *stay, bmis_date as_of);

typedef struct bmis_stay_status {
  bool present;      /* last stay open as of the date */
  bool national;     /* of the operating State: no stay rules apply */
  bmis_stay current; /* valid when present */
  int days_over;     /* of the current stay, as of the date */
  int window_days;   /* rule window (from config) */
  int window_limit;
  int days_in_window; /* days present in the window ending on the date */
  /* days_in_window > window_limit, for someone held to the short-stay
   * rule: not a national, and the last stay not permitted for longer than
   * the limit (residents and long-stay visas are not). */
  bool window_exceeded;
  int stays; /* stays on record */
} bmis_stay_status;

/* The stay status of a person on a date. */
BMIS_API bmis_status bmis_stay_status_get(bmis_store *store,
                                          const char *person_id,
                                          bmis_date as_of,
                                          bmis_stay_status *out,
                                          bmis_error *err);

typedef int (*bmis_stay_fn)(const bmis_stay *s, void *ctx);
/* A person's stays, oldest first. */
BMIS_API bmis_status bmis_person_stays(bmis_store *store, const char *person_id,
                                       bmis_stay_fn fn, void *ctx,
                                       bmis_error *err);

/* Overstayers as of a date: everyone whose stay began on or before as_of
 * and went past its permitted_until by as_of — still present, or left
 * after overstaying. Ordered by permitted_until. */
BMIS_API bmis_status bmis_overstay_list(bmis_store *store, bmis_date as_of,
                                        bmis_stay_fn fn, void *ctx,
                                        bmis_error *err);

/* ---- referrals ---- */

typedef struct bmis_referral {
  char id[BMIS_ID_SIZE];
  char movement_id[BMIS_ID_SIZE];
  bmis_referral_kind kind;
  bool open;
  int64_t opened_at, closed_at;
  char note[513];
} bmis_referral;

typedef int (*bmis_referral_fn)(const bmis_referral *r, void *ctx);
/* The referrals opened for a movement. */
BMIS_API bmis_status bmis_movement_referrals(bmis_store *store,
                                             const char *movement_id,
                                             bmis_referral_fn fn, void *ctx,
                                             bmis_error *err);

/* Whether a referral kind protects the person (asylum, child protection,
 * trafficking): while one is open, the person cannot be refused or held
 * pending return, whichever document they present. */
BMIS_API bool bmis_referral_kind_protective(bmis_referral_kind kind);

/* Calls fn for each open referral of a person, through every document and
 * movement they are known by, oldest first. */
BMIS_API bmis_status bmis_person_open_referrals(bmis_store *store,
                                                const char *person_id,
                                                bmis_referral_fn fn, void *ctx,
                                                bmis_error *err);

/* A protection need raised after a movement was decided (the person asks
 * for asylum after the refusal, say): opens a referral of each kind (all
 * protective; a kind the person has open already is not opened twice) on
 * the movement, and turns every refusal of the person that has not been
 * carried out (no admitted movement recorded after it) into a referral,
 * its history kept. One transaction. change->by and reason are required.
 * *converted (may be NULL) says how many refusals were turned. */
BMIS_API bmis_status bmis_movement_protect(bmis_store *store,
                                           const char *movement_id,
                                           const bmis_referral_kind *kinds,
                                           int n, const bmis_change *change,
                                           int *converted, bmis_error *err);

/* ---- JSON ----
 * The JSON form of a crossing (what `bmis movement record` reads):
 *   {"id": "…uuid…" (optional), "direction": "entry", "bcp": "NBO",
 *    "crossed_at": "2026-11-26T08:15:00Z", "transport": "air",
 *    "carrier": "KQ", "transport_number": "KQ101", "route_country": "GBR",
 *    "residence_country": "GBR", "purpose": "leisure", "intended_days": 14,
 *    "local_address": "…", "entry_type": "visa-free",
 *    "permitted_until": "2027-02-23" | "permitted_days": 90,
 *    "decision": "admitted", "grounds": "CE", "decision_note": "…",
 *    "officer": "…", "desk": "…", "referrals": ["asylum", …],
 *    "traveller": {"surname": "…", "given_names": "…", "birth": "1980-05-12"
 *                  (or "1980", "1980-05"), "sex": "F", "nationality": "GBR",
 *                  "birth_country": "GBR"},
 *    "document": {"type": "P", "issuing_state": "GBR", "number": "…",
 *                 "expiry": "2030-01-01", "mrz": "…"}}
 * or, instead of traveller and document, "mrz": "line1\nline2" (the MRZ
 * gives both; explicit traveller/document members override it). */

/* Parses one crossing from JSON text. Errors (E_PARSE, E_INVALID_ARG) name
 * the member at fault, e.g. "traveller.birth: month 13 is not a month". */
BMIS_API bmis_status bmis_crossing_from_json(const char *text, size_t len,
                                             bmis_crossing *out,
                                             bmis_error *err);

/* Fills the traveller and document of a crossing from an MRZ read on date
 * `on` (which resolves two-digit years). The MRZ must pass the strict check
 * except for expiry (an expired passport is still a crossing to record);
 * otherwise E_INVALID_ARG names the first finding. */
BMIS_API bmis_status bmis_crossing_from_mrz(const char *mrz, size_t len,
                                            bmis_date on, bmis_crossing *out,
                                            bmis_error *err);

/* The JSON form of a movement (the members above, plus traveller_id,
 * document_id, local_date, voided, version) as a NUL-terminated string the
 * caller frees with bmis_free; NULL when out of memory. */
BMIS_API char *bmis_movement_to_json(const bmis_movement *m);

/* Parses a movement from JSON members as bmis_movement_to_json writes them
 * (used to correct a movement). Members absent from the text keep the
 * values *out already has, so a caller can load, overlay and save. */
BMIS_API bmis_status bmis_movement_from_json(const char *text, size_t len,
                                             bmis_movement *out,
                                             bmis_error *err);

/* Clears a crossing to "nothing given". */
BMIS_API void bmis_crossing_init(bmis_crossing *c);

#endif
