/* Watchlist screening: named watchlists of persons and travel documents, kept
 * in the store; imports (UN Security Council Consolidated List XML, the
 * national CSV layout, JSON lines) that replace a list's version atomically
 * and report what changed; an in-memory index built from the store; person
 * and document screening with scores and explanations; hit dispositions.
 *
 * Nothing here reads the clock or global configuration: times come in as
 * arguments. Text is UTF-8; countries are ICAO/ISO alpha-3 codes. */
#ifndef BMIS_SCREEN_H
#define BMIS_SCREEN_H

#include "bmis/alloc.h"
#include "bmis/date.h"
#include "bmis/doc.h"
#include "bmis/export.h"
#include "bmis/status.h"
#include "bmis/store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- coded lists (X(NAME, "code"); append-only; 0 means "not given") ---- */

#define BMIS_WL_CATEGORY_TABLE(X)                                              \
  X(SANCTIONS, "sanctions")                                                    \
  X(WANTED, "wanted")                                                          \
  X(NATIONAL_ALERT, "national_alert")                                          \
  X(PROTECTION_ALERT, "protection_alert")                                      \
  X(DOCUMENTS, "lost_stolen_documents")

/* What a hit calls for. A protection alert always calls for "protect" (a
 * referral to those who protect the person, never enforcement), and only a
 * protection alert may. */
#define BMIS_HIT_ACTION_TABLE(X)                                               \
  X(REFER, "refer") X(NOTIFY, "notify") X(PROTECT, "protect")

#define BMIS_NAME_QUALITY_TABLE(X)                                             \
  X(PRIMARY, "primary") X(STRONG, "strong") X(WEAK, "weak")

#define BMIS_DOC_STATUS_TABLE(X)                                               \
  X(LOST, "lost")                                                              \
  X(STOLEN, "stolen")                                                          \
  X(REVOKED, "revoked")                                                        \
  X(INVALIDATED, "invalidated")

#define BMIS_HIT_DECISION_TABLE(X)                                             \
  X(CONFIRMED, "confirmed") X(DISMISSED, "dismissed")

/* Where a disposition stands in the second person's review: NONE (0)
 * applies at once; a dismissal that needs a supervisor's confirmation is
 * PENDING until one CONFIRMS or REJECTS it. */
#define BMIS_REVIEW_TABLE(X)                                                   \
  X(PENDING, "pending") X(CONFIRMED, "confirmed") X(REJECTED, "rejected")

#define BMIS__SCREEN_ENUM(prefix, name) prefix##name,
typedef enum bmis_wl_category {
  BMIS_WL_CATEGORY_NONE,
#define X(n, c) BMIS__SCREEN_ENUM(BMIS_WL_, n)
  BMIS_WL_CATEGORY_TABLE(X)
#undef X
} bmis_wl_category;
typedef enum bmis_hit_action {
  BMIS_HIT_ACTION_NONE,
#define X(n, c) BMIS__SCREEN_ENUM(BMIS_HIT_, n)
  BMIS_HIT_ACTION_TABLE(X)
#undef X
} bmis_hit_action;
typedef enum bmis_name_quality {
  BMIS_NAME_QUALITY_NONE,
#define X(n, c) BMIS__SCREEN_ENUM(BMIS_NAME_, n)
  BMIS_NAME_QUALITY_TABLE(X)
#undef X
} bmis_name_quality;
typedef enum bmis_doc_status {
  BMIS_DOC_STATUS_NONE,
#define X(n, c) BMIS__SCREEN_ENUM(BMIS_DOC_, n)
  BMIS_DOC_STATUS_TABLE(X)
#undef X
} bmis_doc_status;
typedef enum bmis_hit_decision {
  BMIS_HIT_DECISION_NONE,
#define X(n, c) BMIS__SCREEN_ENUM(BMIS_HIT_, n)
  BMIS_HIT_DECISION_TABLE(X)
#undef X
} bmis_hit_decision;
typedef enum bmis_review {
  BMIS_REVIEW_NONE,
#define X(n, c) BMIS__SCREEN_ENUM(BMIS_REVIEW_, n)
  BMIS_REVIEW_TABLE(X)
#undef X
} bmis_review;

/* Code text of a value ("sanctions"); NULL for 0 or out of range. */
BMIS_API const char *bmis_wl_category_code(bmis_wl_category v);
BMIS_API const char *bmis_hit_action_code(bmis_hit_action v);
BMIS_API const char *bmis_name_quality_code(bmis_name_quality v);
BMIS_API const char *bmis_doc_status_code(bmis_doc_status v);
BMIS_API const char *bmis_hit_decision_code(bmis_hit_decision v);
BMIS_API const char *bmis_review_code(bmis_review v);
/* Value of a code text; 0 when text is not one of the list's codes. */
BMIS_API bmis_wl_category bmis_wl_category_parse(const char *text);
BMIS_API bmis_hit_action bmis_hit_action_parse(const char *text);
BMIS_API bmis_name_quality bmis_name_quality_parse(const char *text);
BMIS_API bmis_doc_status bmis_doc_status_parse(const char *text);
BMIS_API bmis_hit_decision bmis_hit_decision_parse(const char *text);
BMIS_API bmis_review bmis_review_parse(const char *text);

/* ---- list content: what an import reads and the store keeps ---- */

/* One name of a listed person: the primary name or an alias. */
typedef struct bmis_wl_name {
  char *text; /* as listed, UTF-8, never NULL */
  bmis_name_quality quality;
  bool original_script; /* written in the person's own (non-Latin) script */
} bmis_wl_name;

/* A listed date of birth: a date (full, year-month or year only, see
 * bmis_date), or a range of years (date.year .. to_year). */
typedef struct bmis_wl_birth {
  bmis_date date;
  int16_t to_year;  /* 0 unless a range */
  bool approximate; /* "circa": the year may be one off */
} bmis_wl_birth;

/* A travel or identity document a listed person is known to hold. */
typedef struct bmis_wl_person_doc {
  char type[32];   /* "passport", "national_id", or as listed */
  char state[4];   /* issuing state, alpha-3; "" when unknown */
  char number[40]; /* as listed */
} bmis_wl_person_doc;

typedef struct bmis_wl_person {
  char ref[64]; /* the list's reference id (UN: "QDi.335"); unique in a list */
  bmis_wl_name *names;
  size_t name_count;
  bmis_wl_birth *births;
  size_t birth_count;
  char (*nationalities)[4];
  size_t nationality_count;
  char (*birth_countries)[4];
  size_t birth_country_count;
  char **birth_places;
  size_t birth_place_count;
  char sex; /* 'F', 'M', 'X' or 0 when not given */
  bmis_wl_person_doc *documents;
  size_t document_count;
  char *remarks; /* may be NULL */
} bmis_wl_person;

/* A lost, stolen, revoked or invalidated travel document. */
typedef struct bmis_wl_document {
  char ref[64];    /* unique in a list */
  char state[4];   /* issuing state, alpha-3 */
  char number[40]; /* as reported */
  char type[3];    /* ICAO document code ("P", "I", "ID"), "" when unknown */
  bmis_doc_status status;
  bmis_date reported; /* may be unknown (all zero) */
  char *remarks;      /* may be NULL */
} bmis_wl_document;

/* The content of one version of a list, as read from a file or the store.
 * It owns every string and array reachable from it; entries are kept in the
 * order added and never move once added (the pointers stay valid until the
 * content is freed). */
typedef struct bmis_wl_content bmis_wl_content;

/* A new, empty content; NULL when out of memory. Free with
 * bmis_wl_content_free. */
BMIS_API bmis_wl_content *bmis_wl_content_new(void);
BMIS_API void bmis_wl_content_free(bmis_wl_content *c);

/* The version the file states for itself (UN: its dateGenerated); "" when
 * none. Set by the importers, kept with the list. */
BMIS_API const char *bmis_wl_content_version(const bmis_wl_content *c);
BMIS_API bmis_status bmis_wl_content_set_version(bmis_wl_content *c,
                                                 const char *version,
                                                 bmis_error *err);

BMIS_API size_t bmis_wl_person_count(const bmis_wl_content *c);
BMIS_API const bmis_wl_person *bmis_wl_person_at(const bmis_wl_content *c,
                                                 size_t i);
BMIS_API size_t bmis_wl_document_count(const bmis_wl_content *c);
BMIS_API const bmis_wl_document *bmis_wl_document_at(const bmis_wl_content *c,
                                                     size_t i);

/* Adds a person with this reference (1-63 bytes, unique among the content's
 * persons and documents: BMIS_E_CONFLICT otherwise) and stores the new entry
 * in *out; the adders below fill it in. The content owns the entry. */
BMIS_API bmis_status bmis_wl_content_add_person(bmis_wl_content *c,
                                                const char *ref,
                                                bmis_wl_person **out,
                                                bmis_error *err);
/* Adds a name (copied; trimmed; empty names are refused). A name equal to
 * one the person already has is not added again (the better quality is
 * kept). */
BMIS_API bmis_status bmis_wl_person_add_name(
    bmis_wl_content *c, bmis_wl_person *p, const char *text,
    bmis_name_quality quality, bool original_script, bmis_error *err);
BMIS_API bmis_status bmis_wl_person_add_birth(bmis_wl_content *c,
                                              bmis_wl_person *p,
                                              bmis_wl_birth birth,
                                              bmis_error *err);
/* Country: an alpha-3 code, alpha-2 code or English name the country table
 * knows (bmis_country_lookup); BMIS_E_INVALID_ARG otherwise. */
BMIS_API bmis_status bmis_wl_person_add_nationality(bmis_wl_content *c,
                                                    bmis_wl_person *p,
                                                    const char *country,
                                                    bmis_error *err);
BMIS_API bmis_status bmis_wl_person_add_birth_country(bmis_wl_content *c,
                                                      bmis_wl_person *p,
                                                      const char *country,
                                                      bmis_error *err);
BMIS_API bmis_status bmis_wl_person_add_birth_place(bmis_wl_content *c,
                                                    bmis_wl_person *p,
                                                    const char *place,
                                                    bmis_error *err);
BMIS_API bmis_status bmis_wl_person_add_document(bmis_wl_content *c,
                                                 bmis_wl_person *p,
                                                 const bmis_wl_person_doc *d,
                                                 bmis_error *err);
BMIS_API bmis_status bmis_wl_person_set_remarks(bmis_wl_content *c,
                                                bmis_wl_person *p,
                                                const char *remarks,
                                                bmis_error *err);
/* Adds a document entry (copied; state must be a known country, number 1-39
 * characters, status given). */
BMIS_API bmis_status bmis_wl_content_add_document(bmis_wl_content *c,
                                                  const bmis_wl_document *d,
                                                  bmis_error *err);

/* ---- reading list files ----
 * Each reader fills an empty content. On malformed input it returns
 * BMIS_E_PARSE with a message naming the line (and element or column) at
 * fault, and the content must be freed without being used. */

/* UN_XML: the UN Security Council Consolidated List; CSV: the national
 * layout, docs/SCREENING.md; JSONL: one JSON object per line, ditto. */
#define BMIS_WL_FORMAT_TABLE(X)                                                \
  X(UN_XML, "un-xml") X(CSV, "csv") X(JSONL, "jsonl")

typedef enum bmis_wl_format {
  BMIS_WL_FORMAT_NONE,
#define X(n, c) BMIS_WL_FORMAT_##n,
  BMIS_WL_FORMAT_TABLE(X)
#undef X
} bmis_wl_format;

/* "un-xml", "csv", "jsonl" and back; 0 / NULL when unknown. */
BMIS_API bmis_wl_format bmis_wl_format_parse(const char *text);
BMIS_API const char *bmis_wl_format_code(bmis_wl_format f);

/* Reads a whole list file of that format from memory. */
BMIS_API bmis_status bmis_wl_read(bmis_wl_format format, const char *data,
                                  size_t len, bmis_wl_content *out,
                                  bmis_error *err);

/* Writes the content as JSON lines (the format bmis_wl_read reads back into
 * equal content). */
BMIS_API bmis_status bmis_wl_write_jsonl(const bmis_wl_content *c, FILE *out,
                                         bmis_error *err);

/* ---- watchlists in the store ---- */

#define BMIS_WL_NAME_SIZE 64
#define BMIS_WL_TEXT_SIZE 256

typedef struct bmis_watchlist {
  char name[BMIS_WL_NAME_SIZE]; /* [a-z0-9_.-], 1-63 characters */
  bmis_wl_category category;
  bmis_hit_action action;
  char source[BMIS_WL_TEXT_SIZE];  /* where the list comes from */
  char version[BMIS_WL_TEXT_SIZE]; /* the file's own version, or given */
  int64_t loaded_at;               /* Unix seconds of the import */
  double threshold;                /* person hits at or above; 0 = default */
  size_t person_count, document_count; /* filled by get/list */
  /* Sanctions and wanted lists: a dismissal of a hit scoring at or above
   * this waits for a supervisor's confirmation; 0 = the default
   * (BMIS_DISPOSITION_DEFAULT_CONFIRM_AT). Set only by
   * bmis_watchlist_set_confirm_at (an import leaves it as it is). */
  double confirm_at;
} bmis_watchlist;

/* What a re-import changed, by entry reference. The arrays are owned by the
 * report; free with bmis_wl_report_free. */
typedef struct bmis_wl_report {
  size_t added, removed, changed, unchanged;
  char (*added_refs)[64];
  char (*removed_refs)[64];
  char (*changed_refs)[64];
} bmis_wl_report;
BMIS_API void bmis_wl_report_free(bmis_wl_report *r);

/* Creates the list, or replaces its content and metadata, in one
 * transaction: either the new version is in force, or (on any error) the
 * previous one still is. The per-name work (normalisation, transliteration,
 * keys) is done here and stored. meta->loaded_at is the import time. Fills
 * *report (may be NULL) with what changed against the previous version.
 * Content with no entries is refused (BMIS_E_RULE): a truncated file must
 * not empty a list in force; bmis_watchlist_remove retires a list. */
BMIS_API bmis_status bmis_watchlist_import(bmis_store *s,
                                           const bmis_watchlist *meta,
                                           const bmis_wl_content *content,
                                           bmis_wl_report *report,
                                           bmis_error *err);

/* The named list's metadata; BMIS_E_NOT_FOUND when there is none. */
BMIS_API bmis_status bmis_watchlist_get(bmis_store *s, const char *name,
                                        bmis_watchlist *out, bmis_error *err);

/* Every list, by name: an array the caller frees with bmis_free. */
BMIS_API bmis_status bmis_watchlist_list(bmis_store *s, bmis_watchlist **out,
                                         size_t *count, bmis_error *err);

/* The named list's current content; the caller frees *out with
 * bmis_wl_content_free. */
BMIS_API bmis_status bmis_watchlist_content(bmis_store *s, const char *name,
                                            bmis_wl_content **out,
                                            bmis_error *err);

/* Removes the list and its entries (dispositions of its hits stay, as
 * history). BMIS_E_NOT_FOUND when there is none. */
BMIS_API bmis_status bmis_watchlist_remove(bmis_store *s, const char *name,
                                           bmis_error *err);

/* Changes the list's person-hit threshold (0 < t <= 1; 0 = default). */
BMIS_API bmis_status bmis_watchlist_set_threshold(bmis_store *s,
                                                  const char *name,
                                                  double threshold,
                                                  bmis_error *err);

/* Changes the list's confirm_at (0 < c <= 1; 0 = default): dismissals of
 * its hits scoring at or above it need a second person, when the list's
 * category is sanctions, wanted or protection alert. BMIS_E_NOT_FOUND when
 * there is no such
 * list. */
BMIS_API bmis_status bmis_watchlist_set_confirm_at(bmis_store *s,
                                                   const char *name,
                                                   double confirm_at,
                                                   bmis_error *err);

/* ---- screening ---- */

/* The default person-hit threshold (a list may set its own). */
#define BMIS_SCREEN_DEFAULT_THRESHOLD 0.80

/* Who is screened. Names: either `name` (a full name in any order and
 * script), or `surname` and `given_names` (as in an MRZ), or both. */
typedef struct bmis_screen_query {
  const char *name;
  const char *surname;
  const char *given_names;
  bmis_date birth;     /* may be partial or unknown */
  char nationality[4]; /* "" when unknown */
  char sex;            /* 'F', 'M', 'X' or 0 */
  char doc_state[4];   /* the document presented, "" when none */
  char doc_number[40];
  const char *traveller_id; /* for earlier dispositions; may be NULL */
} bmis_screen_query;

/* The names a query made from a document points into (the caller's). */
typedef struct bmis_screen_doc_names {
  char surname[BMIS_DOC_VALUE_MAX];
  char given_names[BMIS_DOC_VALUE_MAX];
} bmis_screen_doc_names;

/* The query that screens the holder of a parsed document (bmis_doc_parse)
 * and the document itself, the one mapping every front end uses: *q is
 * cleared, then surname and given_names point into names (the document's
 * primary and secondary identifiers, fillers removed; "" when absent),
 * birth is the document's date of birth (partial or unknown as read), sex
 * 'F', 'M', 'X' or 0, nationality, doc_state and doc_number the
 * document's, each left "" when absent or too long for its member.
 * name and traveller_id are left NULL for the caller. Whether the
 * document is valid enough to screen is the caller's decision (its
 * findings); nothing is read but doc. */
BMIS_API void bmis_screen_query_from_doc(const bmis_doc *doc,
                                         bmis_screen_doc_names *names,
                                         bmis_screen_query *q);

typedef enum bmis_screen_mode {
  BMIS_SCREEN_INDEXED,   /* candidates from the index (default) */
  BMIS_SCREEN_EXHAUSTIVE /* the same scoring against every listed name */
} bmis_screen_mode;

typedef struct bmis_screen_options {
  bmis_screen_mode mode;
  double threshold; /* > 0 overrides every list's threshold */
  size_t max_hits;  /* 0 = 20 */
} bmis_screen_options;

#define BMIS_HIT_MAX_TOKENS 16
#define BMIS_HIT_MAX_FACTORS 4

/* How one listed name token was matched (or not). */
/* EXACT: same letters; SPELLING: another romanisation/spelling (sounds
 * alike); TYPO: close letters (edit distance); INITIAL: an initial against a
 * full name; JOINED: joined on one side, split on the other; MISSING:
 * listed, not presented; EXTRA: presented, not listed. Values from 0. */
#define BMIS_TOKEN_MATCH_TABLE(X)                                              \
  X(EXACT, "exact")                                                            \
  X(SPELLING, "spelling")                                                      \
  X(TYPO, "typo")                                                              \
  X(INITIAL, "initial")                                                        \
  X(JOINED, "joined")                                                          \
  X(MISSING, "missing")                                                        \
  X(EXTRA, "extra")

typedef enum bmis_token_match {
#define X(n, c) BMIS_TOKEN_##n,
  BMIS_TOKEN_MATCH_TABLE(X)
#undef X
} bmis_token_match;
BMIS_API const char *bmis_token_match_code(bmis_token_match m);

typedef struct bmis_hit_token {
  char listed[48];    /* the listed name's token (Latin form), "" if extra */
  char presented[48]; /* the traveller's token, "" if missing */
  bmis_token_match how;
  float similarity; /* 0-1 */
  float weight;     /* its share in the name score */
} bmis_hit_token;

/* What date of birth, nationality or sex added to or took from the score. */
typedef struct bmis_hit_factor {
  char what[16];    /* "birth", "nationality", "sex" */
  float delta;      /* added to the score (negative: taken away) */
  char detail[128]; /* "listed 1965 (year only), presented 1965-03-02" */
} bmis_hit_factor;

typedef enum bmis_hit_kind {
  BMIS_HIT_PERSON = 1,
  BMIS_HIT_DOCUMENT
} bmis_hit_kind;

/* An earlier disposition of the same traveller against the same entry. */
typedef struct bmis_hit_disposition {
  char id[37];
  char entry_key[64];     /* the hit's entry key (list/ref) */
  char traveller_key[64]; /* "doc:STATE:NUMBER" or a traveller/person id */
  bmis_hit_decision decision;
  char reason[BMIS_WL_TEXT_SIZE];
  char by[64];   /* who decided (user name) */
  char role[32]; /* their role */
  int64_t at;    /* Unix seconds */
  bool voided;   /* the entry has changed since: no longer valid */
  /* the second person's review (set by the library, not the caller) */
  char list[BMIS_WL_NAME_SIZE]; /* the entry, whole */
  char ref[64];
  double score;       /* the hit's score when decided (1 when not known) */
  bmis_review review; /* NONE: applies at once; PENDING: awaits a supervisor */
  char reviewed_by[64];
  char review_role[32];
  char review_reason[BMIS_WL_TEXT_SIZE];
  int64_t reviewed_at; /* Unix seconds; 0 while not reviewed */
  /* the crossing point of the inspection it was taken on ("" when none:
   * then only an account with every crossing point reviews it) */
  char bcp[17];
} bmis_hit_disposition;

typedef struct bmis_hit {
  bmis_hit_kind kind;
  double score; /* 0-1; documents: 1 exact, lower for OCR-confused */
  char list[BMIS_WL_NAME_SIZE];
  bmis_wl_category category;
  bmis_hit_action action;
  char ref[64];        /* the entry's reference in the list */
  char entry_hash[33]; /* hex digest of the entry's content */
  double threshold;    /* the one applied */
  /* person hits */
  char listed_name[BMIS_WL_TEXT_SIZE]; /* the name or alias as listed */
  bmis_name_quality listed_quality;
  char listed_form[BMIS_WL_TEXT_SIZE];    /* its Latin form that matched */
  char presented_form[BMIS_WL_TEXT_SIZE]; /* the traveller's form */
  double name_score;
  bmis_hit_token tokens[BMIS_HIT_MAX_TOKENS];
  size_t token_count;
  bmis_hit_factor factors[BMIS_HIT_MAX_FACTORS];
  size_t factor_count;
  /* document hits */
  char doc_state[4];
  char doc_number[40]; /* as listed */
  bmis_doc_status doc_status;
  char doc_detail[128]; /* "exact" or which characters were read as which */
  /* an earlier disposition of this traveller and entry, if any */
  bool previously_disposed;
  bmis_hit_disposition previous;
} bmis_hit;

typedef struct bmis_screen_result {
  bmis_hit *hits; /* best first */
  size_t count;
  size_t candidates; /* names scored (for benchmarks) */
  size_t examined;   /* listed names the index looked at (all, exhaustive) */
} bmis_screen_result;
BMIS_API void bmis_screen_result_free(bmis_screen_result *r);

/* The in-memory index of every list in a store. It is read-only once built:
 * one index may serve many threads at once. */
typedef struct bmis_screen_index bmis_screen_index;

/* Builds the index from every list in the store; free with
 * bmis_screen_index_free. */
BMIS_API bmis_status bmis_screen_index_load(bmis_store *s,
                                            bmis_screen_index **out,
                                            bmis_error *err);

/* Builds an index straight from content, as one list described by meta (for
 * tests and benchmarks; no store). */
BMIS_API bmis_status bmis_screen_index_from_content(
    const bmis_watchlist *meta, const bmis_wl_content *content,
    bmis_screen_index **out, bmis_error *err);
BMIS_API void bmis_screen_index_free(bmis_screen_index *ix);

/* Entries and names held (for reports). */
BMIS_API size_t bmis_screen_index_entries(const bmis_screen_index *ix);
BMIS_API size_t bmis_screen_index_names(const bmis_screen_index *ix);

/* Screens one person (and the document presented, if any) against every
 * list in the index. Fills *out with hits at or above each list's threshold,
 * best first; the caller frees it with bmis_screen_result_free. When s is
 * not NULL, hits are marked with earlier dispositions found there. */
BMIS_API bmis_status bmis_screen_person(
    const bmis_screen_index *ix, bmis_store *s, const bmis_screen_query *q,
    const bmis_screen_options *opt, bmis_screen_result *out, bmis_error *err);

/* Screens a presented document alone (no names): hits on lost, stolen,
 * revoked and invalidated documents and on documents listed persons hold,
 * exact (score 1) or with one OCR-confusable character read as its twin
 * (0/O, 1/I, 5/S, 8/B, 2/Z, 6/G: score 0.9). state may be "" (any).
 * Allocates only when there are hits; the caller frees *out with
 * bmis_screen_result_free. */
BMIS_API bmis_status bmis_screen_document(const bmis_screen_index *ix,
                                          const char *state, const char *number,
                                          bmis_screen_result *out,
                                          bmis_error *err);

/* Scores two names against each other with the screening scorer (no list):
 * the name score in 0-1 of `presented` against `listed`, and if hit is not
 * NULL, the token-by-token explanation. For benchmarks and tests. */
BMIS_API bmis_status bmis_screen_compare_names(const char *listed,
                                               const char *presented,
                                               double *score, bmis_hit *hit,
                                               bmis_error *err);

/* Writes a readable explanation of a hit (several lines) into buf. */
BMIS_API bmis_status bmis_hit_explain(const bmis_hit *h, char *buf, size_t cap,
                                      bmis_error *err);

/* ---- dispositions ---- */

/* The key a traveller's dispositions are kept under and found by: with a
 * traveller id, "traveller:ID" (ID at most 50 bytes); otherwise, for the
 * document presented, "doc:STATE:NUMBER" (the state's canonical code: D
 * and DEU are one; the number upper-case letters and digits only).
 * BMIS_E_INVALID_ARG when neither is given or the state is unknown. */
BMIS_API bmis_status bmis_screen_traveller_key(const char *traveller_id,
                                               const char *doc_state,
                                               const char *doc_number,
                                               char out[64], bmis_error *err);

/* The default confirm_at of a list (see bmis_watchlist). */
#define BMIS_DISPOSITION_DEFAULT_CONFIRM_AT 0.90

/* Stores an officer's or supervisor's decision on a hit: d->entry_key,
 * entry hash (from the hit), traveller_key, decision, reason (required), by,
 * role and at must be set. d->id is the caller's version-7 id when given
 * (made with its clock, so that decisions from two processes in one second
 * keep their order: bmis_uuid_v7), else made from at. The entry hash lets a
 * later screening see whether the entry changed since (the disposition is then
 * voided).
 *
 * The second person: a dismissal of a hit on a sanctions, wanted-person or
 * protection-alert list (the list's category as stored, else the hit's) whose
 * score (hit->score) is at or above the list's confirm_at is stored PENDING
 * (d->review), whoever made it, officer or supervisor: it clears later
 * screenings only once a supervisor other than d->by confirms it
 * (bmis_disposition_review in bmis/inspect.h). Confirmations of hits, and
 * dismissals of other hits, apply at once. d->score and d->review are set
 * here. */
BMIS_API bmis_status bmis_hit_dispose(bmis_store *s, const bmis_hit *hit,
                                      bmis_hit_disposition *d, bmis_error *err);

/* The same for an entry named by its list and reference (a front end that
 * holds no bmis_hit): the entry's hash is the one in the store now, so a
 * later change of the entry voids the disposition. BMIS_E_NOT_FOUND, naming
 * the list or the reference, when either is not there. */
BMIS_API bmis_status bmis_hit_dispose_entry(bmis_store *s, const char *list,
                                            const char *ref,
                                            bmis_hit_disposition *d,
                                            bmis_error *err);

/* One disposition by id; BMIS_E_NOT_FOUND when there is none. */
BMIS_API bmis_status bmis_disposition_get(bmis_store *s, const char *id,
                                          bmis_hit_disposition *out,
                                          bmis_error *err);

/* Dispositions in review state `review` (PENDING: the supervisors' queue)
 * of crossing point `bcp` (NULL: of every crossing point), oldest first, at
 * most 1000; fn is called with each (valid for the call only); a non-zero
 * return stops the walk. voided is not computed (false). A front end lists
 * for a session with bmis_disposition_queue (bmis/inspect.h), which scopes
 * the list as the review is scoped. */
typedef int (*bmis_disposition_fn)(const bmis_hit_disposition *d, void *ctx);
BMIS_API bmis_status bmis_disposition_list(bmis_store *s, bmis_review review,
                                           const char *bcp,
                                           bmis_disposition_fn fn, void *ctx,
                                           bmis_error *err);

#endif
