/* Primary and secondary inspection: what a desk officer sees when a
 * passport is scanned, the decision they record, and the protection
 * safeguards the system enforces.
 *
 * An inspection checks the document (ICAO Doc 9303, with scanner repairs),
 * screens the person and the document against every list in the screening
 * index, reads the traveller's history and stay status, evaluates the
 * protection indicators, and recommends admit or refer. It is kept in the
 * store (its result as JSON, what was screened and what was shown) until
 * the officer decides; the decision becomes the movement, whose id is the
 * inspection's. One crossing, one movement: a later secondary outcome
 * updates that movement, keeping its history.
 *
 * Safeguards, enforced here and not only shown (E_SAFEGUARD):
 * - a person who expresses the intention to seek asylum cannot be refused
 *   or admitted at the desk: the only outcome is referral to the asylum
 *   authority, and no later decision may refuse them;
 * - a minor travelling unaccompanied or separated gets a child-protection
 *   referral whatever the decision;
 * - a minor is never recorded as held pending return: a refusal of a minor
 *   records the alternative arranged (family, child-protection services);
 * - trafficking indicators create a trafficking referral, and a possible
 *   victim is not refused at the desk;
 * - a hit on a protection alert creates a referral, not an enforcement
 *   action. */
#ifndef BMIS_INSPECT_H
#define BMIS_INSPECT_H

#include "bmis/alloc.h"
#include "bmis/audit.h"
#include "bmis/doc.h"
#include "bmis/export.h"
#include "bmis/register.h"
#include "bmis/screen.h"
#include "bmis/status.h"
#include "bmis/store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The trafficking checklist: X(NAME, "code", "what the officer looks for").
 * Append only (the codes are stored). */
#define BMIS_TRAFFICKING_TABLE(X)                                              \
  X(DOCUMENTS_HELD, "documents_held_by_other",                                 \
    "Someone else holds the traveller's documents or answers for them")        \
  X(SCRIPTED, "scripted_story",                                                \
    "The account of the trip or the job sounds rehearsed or does not hold "    \
    "together")                                                                \
  X(UNAWARE, "unaware_of_destination",                                         \
    "Does not know the address, the employer or the purpose at the "           \
    "destination")                                                             \
  X(DEBT, "debt_for_journey",                                                  \
    "Owes money for the journey or for a job offer to a recruiter")            \
  X(CONTROL, "signs_of_fear_or_control",                                       \
    "Seems afraid, anxious or watched by a companion")                         \
  X(ABUSE, "signs_of_abuse",                                                   \
    "Signs of physical abuse, malnourishment or exhaustion")                   \
  X(JOB_OFFER, "job_offer_via_third_party",                                    \
    "A job abroad arranged by a third party, on terms too good to be true")    \
  X(CHILD_WITH_ADULT, "child_with_unrelated_adult",                            \
    "A child travelling with an adult who is not a parent or guardian")

typedef enum bmis_trafficking_indicator {
  BMIS_TRAFFICKING_NONE,
#define X(n, c, t) BMIS_TRAFFICKING_##n,
  BMIS_TRAFFICKING_TABLE(X)
#undef X
      BMIS_TRAFFICKING_COUNT
} bmis_trafficking_indicator;

/* The code and text of an indicator; NULL when out of range. */
BMIS_API const char *bmis_trafficking_code(bmis_trafficking_indicator i);
BMIS_API const char *bmis_trafficking_text(bmis_trafficking_indicator i);
/* The indicator with a code, or BMIS_TRAFFICKING_NONE. */
BMIS_API bmis_trafficking_indicator bmis_trafficking_parse(const char *code);

/* Alternatives to holding a refused minor: X(NAME, "code"). */
#define BMIS_MINOR_ALTERNATIVE_TABLE(X)                                        \
  X(FAMILY, "family")                                                          \
  X(CHILD_PROTECTION, "child_protection_services")                             \
  X(OTHER, "other")

typedef enum bmis_minor_alternative {
  BMIS_MINOR_ALTERNATIVE_NONE,
#define X(n, c) BMIS_MINOR_ALTERNATIVE_##n,
  BMIS_MINOR_ALTERNATIVE_TABLE(X)
#undef X
} bmis_minor_alternative;
BMIS_API const char *bmis_minor_alternative_code(bmis_minor_alternative a);
BMIS_API bmis_minor_alternative bmis_minor_alternative_parse(const char *code);

/* bmis_actor, who is working and where, is declared in bmis/audit.h. */

/* Protection needs the officer raises: at the scan, on an open inspection
 * at any time, in the decision itself, or after the decision. */
typedef struct bmis_protection {
  bool asylum;          /* expresses the intention to seek asylum */
  bool unaccompanied;   /* a minor travelling unaccompanied or separated */
  unsigned trafficking; /* bit (1 << (indicator - 1)) per indicator ticked */
} bmis_protection;

/* Reads {"asylum": bool, "unaccompanied": bool, "trafficking_indicators":
 * [codes]} (every member optional). E_INVALID_ARG names the member. */
BMIS_API bmis_status bmis_protection_from_json(const char *text, size_t len,
                                               bmis_protection *out,
                                               bmis_error *err);

/* What the desk submits. The passenger-card fields and the direction are
 * in card.movement (transport, carrier, transport_number, route_country,
 * residence_country, purpose, intended_days, local_address); bcp, desk,
 * officer and crossed_at are set from the actor and `at`. */
typedef struct bmis_inspection_request {
  char mrz[400]; /* as scanned: 2 or 3 lines */
  bmis_movement card;
  bool asylum;          /* expresses the intention to seek asylum */
  bool unaccompanied;   /* a minor travelling unaccompanied or separated */
  unsigned trafficking; /* bit (1 << (indicator - 1)) per indicator ticked */
} bmis_inspection_request;

/* Reads a request from its JSON form (docs/API.md):
 *   {"mrz": "…", "direction": "entry", "card": {…}, "protection":
 *    {"asylum": bool, "unaccompanied": bool, "trafficking_indicators": […]}}
 * Unknown members, wrong types and bad codes are E_INVALID_ARG naming the
 * member ("card.purpose: …"); JSON that does not parse is E_PARSE with the
 * line and column. */
BMIS_API bmis_status bmis_inspection_request_from_json(
    const char *text, size_t len, bmis_inspection_request *out,
    bmis_error *err);

/* ---- the result of an inspection, as data ----
 *
 * What the desk is told is codes from one table, the way a document's
 * findings are (BMIS_FINDING_TABLE): X(NAME, "code", SEVERITY, "template").
 * A template is the English wording, with {t1} {t2} for the reason's texts,
 * {n1} {n2} {n3} for its numbers, and {s1} for "s" when n1 is not 1;
 * bmis_reason_message makes the words at the edge (and a translation can
 * replace the templates later). The kinds, by prefix of NAME: recommendation
 * reasons (none), prompts to the officer (PROMPT_), and why a decision is
 * not allowed (BAR_). Append only: the codes are stored. */
#define BMIS_REASON_TABLE(X)                                                   \
  X(PROTECTION_ALERT, "protection_alert", WARNING,                             \
    "protection alert ({t1}, {t2}): the person may need protection; refer, "   \
    "do not enforce")                                                          \
  X(OPEN_HITS, "open_hits", WARNING, "{n1} watchlist hit{s1} to examine")      \
  X(DOCUMENT_FAILED, "document_failed", ERROR,                                 \
    "the document did not pass its checks")                                    \
  X(DOCUMENT_EXPIRED, "document_expired", ERROR, "the document has expired")   \
  X(ASYLUM, "asylum", WARNING,                                                 \
    "intention to seek asylum: refer to the asylum authority")                 \
  X(OPEN_ASYLUM, "open_asylum_referral", WARNING,                              \
    "an asylum referral of this person (or of one the register may take for "  \
    "them) is open: refer; do not refuse or hold")                             \
  X(OPEN_CHILD, "open_child_protection_referral", WARNING,                     \
    "a child-protection referral of this person is open: refer; do not "       \
    "refuse or hold")                                                          \
  X(OPEN_TRAFFICKING, "open_trafficking_referral", WARNING,                    \
    "a trafficking referral of this person is open: refer; do not refuse or "  \
    "hold")                                                                    \
  X(UNACCOMPANIED, "unaccompanied_minor", WARNING,                             \
    "unaccompanied or separated minor: child-protection referral")             \
  X(TRAFFICKING, "trafficking_indicators", WARNING,                            \
    "trafficking indicators: refer to the trafficking focal point")            \
  X(STILL_PRESENT, "still_present", WARNING,                                   \
    "recorded as still in the country (no exit since the last entry)")         \
  X(WINDOW_EXCEEDED, "stay_window_exceeded", WARNING,                          \
    "{n1} days in the last {n2} (limit {n3})")                                 \
  X(OVERSTAYED, "overstayed", WARNING, "overstayed by {n1} day{s1}")           \
  X(NOT_SCREENED, "not_screened", WARNING,                                     \
    "no watchlists are loaded: screening was not done")                        \
  X(PROMPT_ASYLUM, "prompt_asylum", INFO,                                      \
    "Do not refuse or return: the only outcome is referral to the asylum "     \
    "authority.")                                                              \
  X(PROMPT_OPEN_ASYLUM, "prompt_open_asylum_referral", INFO,                   \
    "This person has an open asylum referral: do not refuse or return; "       \
    "refer.")                                                                  \
  X(PROMPT_UNACCOMPANIED, "prompt_unaccompanied_minor", INFO,                  \
    "A child-protection referral is made whatever the decision; a child is "   \
    "never held pending return.")                                              \
  X(PROMPT_MINOR, "prompt_possible_minor", INFO,                               \
    "The holder may be under 18: check that a parent or guardian travels "     \
    "with the child; if not, mark 'unaccompanied or separated minor'.")        \
  X(PROMPT_TRAFFICKING, "prompt_trafficking", INFO,                            \
    "Speak to the person away from any companion; a trafficking referral is "  \
    "made.")                                                                   \
  X(BAR_REFUSE_ASYLUM, "refuse_asylum", ERROR,                                 \
    "the person has expressed the intention to seek asylum: they cannot be "   \
    "refused or removed at the desk; the only outcome is referral to the "     \
    "asylum authority")                                                        \
  X(BAR_REFUSE_OPEN_ASYLUM, "refuse_open_asylum_referral", ERROR,              \
    "the person has an open asylum referral: they cannot be refused or held "  \
    "until a supervisor closes it with the asylum authority's outcome; "       \
    "refer instead")                                                           \
  X(BAR_REFUSE_OPEN_CHILD, "refuse_open_child_protection_referral", ERROR,     \
    "the person has an open child-protection referral: they cannot be "        \
    "refused or held until a supervisor closes it with the child-protection "  \
    "authority's outcome; refer instead")                                      \
  X(BAR_REFUSE_OPEN_TRAFFICKING, "refuse_open_trafficking_referral", ERROR,    \
    "the person has an open trafficking referral: they cannot be refused or "  \
    "held until a supervisor closes it with the competent authority's "        \
    "outcome; refer instead")                                                  \
  X(BAR_REFUSE_TRAFFICKING, "refuse_trafficking", ERROR,                       \
    "trafficking indicators were noted: a possible victim of trafficking is "  \
    "referred, not refused at the desk")                                       \
  X(BAR_REFUSE_PROTECTION_ALERT, "refuse_protection_alert", ERROR,             \
    "a protection alert (a missing or vulnerable person) matches: the only "   \
    "decision is a protection referral, never an enforcement action")          \
  X(BAR_REFUSE_NATIONAL, "refuse_national", ERROR,                             \
    "a national of this State cannot be refused entry")                        \
  X(BAR_ADMIT_LISTED, "admit_listed", ERROR,                                   \
    "a hit on a sanctions, wanted-person or national-alert list is not "       \
    "cleared: admission is not the desk's decision; refer to secondary "       \
    "inspection (or clear the hit, with a second person where the list asks "  \
    "for one)")                                                                \
  X(BAR_ADMIT_ASYLUM, "admit_asylum", ERROR,                                   \
    "the person has expressed the intention to seek asylum: the only outcome " \
    "at the desk is referral to the asylum authority")                         \
  X(BAR_ADMIT_OPEN_ASYLUM, "admit_open_asylum_referral", ERROR,                \
    "the person has an open asylum referral: the asylum authority decides; "   \
    "refer")                                                                   \
  X(BAR_ADMIT_PROTECTION_ALERT, "admit_protection_alert", ERROR,               \
    "a protection alert (a missing or vulnerable person) matches: the only "   \
    "decision is a protection referral")                                       \
  X(BAR_REFUSE_MINOR_HELD, "refuse_minor_held", ERROR,                         \
    "a minor is never held pending return: record the alternative arranged "   \
    "instead (minor_alternative: family, child_protection_services or "        \
    "other)")                                                                  \
  X(BAR_REFUSE_MINOR_NO_ALTERNATIVE, "refuse_minor_without_alternative",       \
    ERROR,                                                                     \
    "a refused minor: record the alternative arranged pending return "         \
    "(minor_alternative: family, child_protection_services or other)")         \
  X(BAR_REFUSE_NO_EXPLANATION, "refuse_without_explanation", ERROR,            \
    "explanation: a refusal says why, in words (it is printed on the "         \
    "notice)")                                                                 \
  X(BAR_REFUSE_NO_GROUNDS, "refuse_without_grounds", ERROR,                    \
    "grounds: a refusal names its grounds (A-I)")                              \
  X(BAR_CORRECT_MINOR, "correct_minor_to_refusal", ERROR,                      \
    "a minor's refusal records the alternative arranged pending return: "      \
    "decide it through the referral, not a correction")

typedef enum bmis_reason_code {
  BMIS_REASON_NONE,
#define BMIS__REASON_ENUM(name, code, sev, text) BMIS_REASON_##name,
  BMIS_REASON_TABLE(BMIS__REASON_ENUM)
#undef BMIS__REASON_ENUM
      BMIS_REASON_CODE_COUNT
} bmis_reason_code;

/* One reason, prompt or bar: its code and parameters. */
typedef struct bmis_reason {
  bmis_reason_code code;
  int number[3];
  char text[2][80];
} bmis_reason;

/* The stable code ("open_hits"), the severity and the English template of
 * a reason code; NULL / BMIS_SEVERITY_INFO when out of range. */
BMIS_API const char *bmis_reason_code_name(bmis_reason_code code);
BMIS_API bmis_severity bmis_reason_severity(bmis_reason_code code);
BMIS_API const char *bmis_reason_template(bmis_reason_code code);
/* The code with a name, or BMIS_REASON_NONE. */
BMIS_API bmis_reason_code bmis_reason_parse(const char *name);
/* The words of a reason, its parameters substituted, into buf
 * (NUL-terminated, cut at cap); returns the length the whole needs, like
 * snprintf. */
BMIS_API size_t bmis_reason_message(const bmis_reason *r, char *buf,
                                    size_t cap);

enum {
  BMIS_INSPECTION_REASONS_MAX = 64, /* further protection alerts are not
                                       listed one by one */
  BMIS_INSPECTION_PROMPTS_MAX = 8,
  BMIS_INSPECTION_HISTORY_MAX = 10, /* the latest crossings shown */
  BMIS_INSPECTION_EXPLANATION_MAX = 4096
};

typedef enum bmis_recommendation {
  BMIS_RECOMMEND_ADMIT = 1,
  BMIS_RECOMMEND_REFER
} bmis_recommendation;

/* A field of the document as the desk was shown it. */
typedef struct bmis_inspection_field {
  bmis_doc_field_id id; /* BMIS_FIELD_NONE: unused */
  bmis_verdict verdict;
  bool repaired; /* an OCR repair made it pass */
  char value[BMIS_DOC_VALUE_MAX];
} bmis_inspection_field;

/* A finding of the document: its code, severity and field, and its words
 * as the doc module gave them (bmis_finding_message) when it was found, so
 * that a stored inspection reads back as it was shown. */
typedef struct bmis_inspection_finding {
  bmis_finding_code code;
  bmis_severity severity;
  bmis_doc_field_id field;
  char message[256];
} bmis_inspection_finding;

/* A hit as the desk was shown it (index = its position in hits). */
typedef struct bmis_inspection_hit {
  bmis_hit_kind kind;
  char list[BMIS_WL_NAME_SIZE];
  bmis_wl_category category;
  bmis_hit_action action;
  char ref[64];
  char entry_hash[33];
  double score;
  char listed_name[BMIS_WL_TEXT_SIZE]; /* a document hit: the number */
  char explanation[BMIS_INSPECTION_EXPLANATION_MAX];
  bool disposed; /* an earlier disposition (not voided) is in previous */
  bmis_hit_disposition previous;
  bool cleared; /* that disposition is a dismissal in force */
} bmis_inspection_hit;

/* Whether a decision is allowed, and why not (a BAR_ reason). */
typedef struct bmis_inspection_allowed {
  bool allowed;
  bmis_reason_code why;
} bmis_inspection_allowed;

/* The result of an inspection: what the desk is shown. Filled by
 * bmis_inspection_evaluate or read back from its stored snapshot; hits is
 * the result's own array: release it with bmis_inspection_fini. */
typedef struct bmis_inspection {
  char id[BMIS_ID_SIZE];
  int64_t at; /* Unix seconds */
  char bcp[17];
  char desk[33];
  bmis_direction direction;
  /* the recommendation and why */
  bmis_recommendation action;
  int reason_count;
  bmis_reason reasons[BMIS_INSPECTION_REASONS_MAX];
  /* the document verdict */
  bool doc_valid;
  bmis_doc_format doc_format;
  int field_count;
  bmis_inspection_field fields[BMIS_FIELD_COUNT];
  int finding_count;
  bmis_inspection_finding findings[BMIS_DOC_MAX_FINDINGS];
  /* the traveller as read from the document */
  bmis_traveller traveller;
  bmis_document document;
  bool minor; /* possibly under 18, or of unknown age */
  int age;    /* the youngest age possible; -1 unknown */
  /* hits, best first */
  bmis_inspection_hit *hits;
  size_t hit_count;
  /* history: the person's latest crossings, newest first */
  char person_id[BMIS_ID_SIZE]; /* "" when the document is not known */
  int history_count;
  bmis_movement history[BMIS_INSPECTION_HISTORY_MAX];
  int64_t history_total;
  /* stay status (has_stay false when the person is not known) */
  bool has_stay;
  bmis_stay_status stay;
  /* protection */
  bool asylum, unaccompanied;
  unsigned trafficking; /* bit (1 << (indicator - 1)) per indicator */
  int protection_hits;
  int referral_count; /* the protective referrals the decision opens */
  bmis_referral_kind referrals[5];
  bool open_asylum, open_child, open_trafficking; /* the person's open ones */
  int prompt_count;
  bmis_reason prompts[BMIS_INSPECTION_PROMPTS_MAX];
  /* the decisions the desk may take */
  bmis_inspection_allowed admit, refuse, refer;
  /* the movement it became ("" while open; set by bmis_inspection_read) */
  char movement_id[BMIS_ID_SIZE];
} bmis_inspection;

/* Releases what a result owns (its hits); accepts NULL. */
BMIS_API void bmis_inspection_fini(bmis_inspection *in);

/* What the rules of the desk look at, gathered from the request, the
 * document and the store (bmis_inspect gathers them; a test writes them). */
typedef struct bmis_inspection_facts {
  const bmis_doc *doc; /* as a desk reads it: OCR repairs on, as of the
                          crossing point's local date */
  bmis_direction direction;
  bmis_purpose purpose;
  bool asylum, unaccompanied; /* raised at the scan */
  unsigned trafficking;
  char state[4];        /* the operating State ("" when not set) */
  const bmis_hit *hits; /* screening's hits, with dispositions */
  size_t hit_count;
  bool screened;                /* a screening index with entries was used */
  char person_id[BMIS_ID_SIZE]; /* the person of the document, or "" */
  const bmis_movement *history; /* newest first */
  int history_count;
  int64_t history_total;
  bool has_stay;
  bmis_stay_status stay;
  bool open_asylum, open_child, open_trafficking; /* open referrals of the
                          person (or of whoever the document may be) */
} bmis_inspection_facts;

/* The rules of the desk: facts in, result out. Reads no store and no clock;
 * allocates only the result's hits (E_NOMEM). Sets everything but id, at,
 * bcp, desk and movement_id; the caller releases *out with
 * bmis_inspection_fini. */
BMIS_API bmis_status bmis_inspection_evaluate(const bmis_inspection_facts *f,
                                              bmis_inspection *out,
                                              bmis_error *err);

/* The JSON form of a result (docs/API.md; src/lib/wire/wire_inspection.c):
 * every reason and prompt in words, with its code beside it ("codes",
 * "prompt_codes", each barred decision's "code"); "movement_id" when
 * with_movement. NULL when out of memory; the caller frees the text with
 * bmis_free. */
BMIS_API char *bmis_inspection_to_json(const bmis_inspection *in,
                                       bool with_movement);
/* Reads a result back from its JSON form into *in (a snapshot stored
 * before the codes were kept is read by its words). E_PARSE names the
 * member that does not read; the caller releases *in with
 * bmis_inspection_fini (also on failure: nothing is then held). */
BMIS_API bmis_status bmis_inspection_from_json(const char *text, size_t len,
                                               bmis_inspection *in,
                                               bmis_error *err);

/* Inspects: checks, screens, reads history and stay status, evaluates the
 * protection indicators, recommends, and keeps the inspection in the store
 * (status "open"). ix may be NULL (no lists loaded: said in the result).
 * `at` is the time of the inspection (Unix seconds, required: 0 is
 * E_INVALID_ARG naming "at"). On success
 * *json_out is the result as JSON text (docs/API.md; the caller frees it
 * with bmis_free)
 * and id_out its id. */
BMIS_API bmis_status bmis_inspect(bmis_store *s, const bmis_screen_index *ix,
                                  const bmis_inspection_request *rq,
                                  const bmis_actor *actor, int64_t at,
                                  char id_out[BMIS_ID_SIZE], char **json_out,
                                  bmis_error *err);

/* Every function below that takes an actor acts only on records of the
 * actor's crossing point (the inspection's, the referral's movement's),
 * unless actor->all_bcps: another post's record is E_FORBIDDEN. */

/* The stored result of an inspection (the caller frees *json_out with
 * bmis_free), and
 * the movement it became ("" while open). */
BMIS_API bmis_status bmis_inspection_get(bmis_store *s, const char *id,
                                         const bmis_actor *actor,
                                         char **json_out,
                                         char movement_id[BMIS_ID_SIZE],
                                         bmis_error *err);

/* The stored result of an inspection as a C type, with movement_id set
 * when it was decided; of the actor's crossing point (E_FORBIDDEN). Audited
 * at `at` (Unix seconds) in the read's transaction: "inspection.read",
 * record "inspection:ID"; when the entry cannot be written, *out is empty
 * and the error says why. The caller releases *out with
 * bmis_inspection_fini. */
BMIS_API bmis_status bmis_inspection_read(bmis_store *s, const char *id,
                                          const bmis_actor *actor, int64_t at,
                                          bmis_inspection *out,
                                          bmis_error *err);

/* Raises protection needs (asylum, an unaccompanied or separated minor,
 * trafficking indicators) on an inspection at any time, in any order:
 * - open: they join what the safeguards act on at the decision, and the
 *   stored result is brought up to date (recommendation refer, decisions
 *   allowed, prompts); *json_out is that result;
 * - decided: the referrals are opened on its movement, and a refusal of
 *   the person not yet carried out (no admitted movement after it) becomes
 *   a referral, its history kept, and no longer held; *json_out is
 *   {"id", "movement_id", "decision", "refusals_turned", "referrals",
 *   "held"}.
 * The caller frees *json_out with bmis_free. E_INVALID_ARG when nothing is
 * raised. */
BMIS_API bmis_status bmis_inspection_protect(bmis_store *s, const char *id,
                                             const bmis_protection *p,
                                             const bmis_actor *actor,
                                             int64_t at, char **json_out,
                                             bmis_error *err);

/* A disposition of hit number `index` (as numbered in the result) of an
 * inspection: against the entry version the officer was shown. */
BMIS_API bmis_status bmis_inspection_dispose(
    bmis_store *s, const char *id, int index, bmis_hit_decision decision,
    const char *reason, const bmis_actor *actor, int64_t at,
    bmis_hit_disposition *out, bmis_error *err);

/* A supervisor's review of a dismissal awaiting a second person (see
 * bmis_hit_dispose): decision BMIS_REVIEW_CONFIRMED (the dismissal now
 * clears later inspections) or BMIS_REVIEW_REJECTED (the hit stays a hit),
 * with a reason (required, at most 255 bytes), in one transaction with its
 * audit entry ("hit.review", record "disposition:ID"). Only a supervisor
 * reviews (E_FORBIDDEN), and only one whose session works at the crossing
 * point of the dismissal, unless the account has every crossing point
 * (E_FORBIDDEN, as bmis_disposition_queue lists), never the person who made
 * the dismissal (E_RULE: a second person), and only a pending dismissal,
 * once (E_CONFLICT). The reason is checked as every reason is (one or more
 * lines of UTF-8 text, bmis_text_check: E_INVALID_ARG naming "reason").
 * E_NOT_FOUND when there is no such disposition. `at` is the time (Unix
 * seconds, required). Fills *out (may be NULL) with the disposition as
 * reviewed. */
BMIS_API bmis_status
bmis_disposition_review(bmis_store *s, const char *id, bmis_review decision,
                        const char *reason, const bmis_actor *actor, int64_t at,
                        bmis_hit_disposition *out, bmis_error *err);

/* The dismissals in review state `review` that `actor` may see and review:
 * those of the crossing point its session works at, or of every crossing
 * point when the account has them all (bmis_disposition_list). Audited at
 * `at` (Unix seconds) in the read's transaction: "disposition.list", record
 * the review state's code ("pending", …); what fn got counts only when
 * this returns BMIS_OK. */
BMIS_API bmis_status bmis_disposition_queue(bmis_store *s, bmis_review review,
                                            const bmis_actor *actor, int64_t at,
                                            bmis_disposition_fn fn, void *ctx,
                                            bmis_error *err);

/* Outcomes of a referral. */
typedef enum bmis_referral_outcome {
  BMIS_OUTCOME_NONE,
  BMIS_OUTCOME_ADMITTED,
  BMIS_OUTCOME_REFUSED,
  BMIS_OUTCOME_REFERRED_ONWARD
} bmis_referral_outcome;

/* The officer's decision, or a supervisor's outcome. */
typedef struct bmis_inspection_decision {
  bmis_decision decision;             /* admitted, refused, referred */
  char entry_type[33];                /* admitted */
  int permitted_days;                 /* admitted: 0 = not limited */
  char grounds[BMIS_GROUNDS_MAX + 1]; /* refused: A-I */
  char explanation[513];              /* refused: in words, for the notice */
  char language[3];         /* refused: the notice's language ("en") */
  bool held_pending_return; /* refused */
  bmis_minor_alternative minor_alternative; /* refused minor */
  char note[513];                           /* referred; an outcome's reason */
  int outcome;                 /* a bmis_referral_outcome when the JSON gave
                                  "outcome" (secondary inspection) */
  bmis_protection protection;  /* needs raised with the decision ("protection":
                                  {...}): the safeguards apply to them */
  char authority_outcome[257]; /* closing an asylum, child-protection or
                                  trafficking referral: the competent
                                  authority's recorded outcome */
} bmis_inspection_decision;

/* Reads a decision from JSON (docs/API.md); "decision" is "admit",
 * "refuse" or "refer" (or "admitted", "refused", "referred"); or, for a
 * referral's outcome, "outcome" is "admitted", "refused" or
 * "referred_onward". */
BMIS_API bmis_status bmis_inspection_decision_from_json(
    const char *text, size_t len, bmis_inspection_decision *out,
    bmis_error *err);

typedef struct bmis_decision_result {
  char movement_id[BMIS_ID_SIZE];
  bmis_decision decision;
  int referral_count;
  bmis_referral referrals[6]; /* opened with the movement */
} bmis_decision_result;

/* Records the decision on an open inspection as its movement (one
 * transaction): safeguards first (E_SAFEGUARD says which and what to do
 * instead), over everything known at this moment: what the scan found,
 * needs raised since (bmis_inspection_protect) or in d->protection, and
 * the person's open asylum, child-protection or trafficking referrals from
 * any crossing and document; then the register's own rules
 * (E_INVALID_ARG, E_RULE). The protective referrals are opened whatever
 * the decision. E_CONFLICT when the inspection was decided already. */
BMIS_API bmis_status bmis_inspection_decide(bmis_store *s, const char *id,
                                            const bmis_inspection_decision *d,
                                            const bmis_actor *actor, int64_t at,
                                            bmis_decision_result *out,
                                            bmis_error *err);

/* What is known of a person when a decision is taken: the facts of the
 * decision rules (bmis_inspection_decide gathers them: what the scan
 * found, needs raised since or with the decision, the person's open
 * referrals, the hits not cleared). */
typedef struct bmis_decision_facts {
  bool minor;          /* possibly under 18, or of unknown age */
  bool asylum;         /* expressed the intention to seek asylum */
  bool unaccompanied;  /* a minor unaccompanied or separated */
  bool trafficking;    /* trafficking indicators noted */
  bool protection_hit; /* a hit on a protection alert, not cleared */
  bool national;       /* a national of the operating State */
  bool open_asylum, open_child, open_trafficking; /* open referrals */
  bool listed; /* a sanctions, wanted or national-alert hit not cleared */
} bmis_decision_facts;

/* The decision rules of the desk, pure (no store, no clock): whether d
 * (its decision, and for a refusal held_pending_return, minor_alternative,
 * explanation and grounds) may be taken given f. BMIS_OK; or E_SAFEGUARD
 * (a protection bars it), E_RULE (a listing keeps admission from the desk)
 * or E_INVALID_ARG (a refusal without its explanation or grounds), with
 * *why the code whose words say so (bmis_reason_message). */
BMIS_API bmis_status bmis_decision_check(const bmis_decision_facts *f,
                                         const bmis_inspection_decision *d,
                                         bmis_reason_code *why);

/* The referrals a decision opens given f, into out (at most 5); returns
 * how many: the protective ones whatever the decision (asylum; child
 * protection for an unaccompanied minor or a child on a protection alert;
 * trafficking; secondary inspection for an adult on a protection alert),
 * and secondary inspection for a referral that has no other (unless the
 * person asked for asylum). */
BMIS_API int bmis_decision_referrals(const bmis_decision_facts *f,
                                     bmis_decision decision,
                                     bmis_referral_kind out[5]);

/* ---- secondary inspection ---- */

/* Which referrals a list holds: the open ones, the closed ones, or all. */
typedef enum bmis_referral_filter {
  BMIS_REFERRALS_OPEN,
  BMIS_REFERRALS_CLOSED,
  BMIS_REFERRALS_ALL,
} bmis_referral_filter;

/* Calls fn for each referral of the actor's crossing points that `which`
 * holds, oldest first. Audited at `at` (Unix seconds) in the read's
 * transaction: "referral.list", record "referrals:open" (":closed",
 * ":all"); what fn got counts only when this returns BMIS_OK. */
BMIS_API bmis_status bmis_referral_list(bmis_store *s, const bmis_actor *actor,
                                        int64_t at, bmis_referral_filter which,
                                        bmis_referral_fn fn, void *ctx,
                                        bmis_error *err);
BMIS_API bmis_status bmis_referral_get(bmis_store *s, const char *id,
                                       const bmis_actor *actor,
                                       bmis_referral *out, bmis_error *err);

/* Records a supervisor's outcome and closes the referral: admitted or
 * refused decide the same movement (history kept; the safeguards apply as
 * at the desk, so a person who asked for asylum is never refused); referred
 * onward closes it with the note, the movement staying referred.
 * d->decision is ignored (the outcome says). Closing an asylum,
 * child-protection or trafficking referral needs the competent authority's
 * recorded outcome (d->authority_outcome) and a reason (d->note): until
 * then the person stays protected wherever they present. */
BMIS_API bmis_status bmis_referral_outcome_record(
    bmis_store *s, const char *referral_id, bmis_referral_outcome outcome,
    const bmis_inspection_decision *d, const bmis_actor *actor, int64_t at,
    bmis_error *err);

/* A supervisor's correction of a recorded movement, with the safeguards
 * of the desk: a correction that turns it into a refusal is refused
 * (E_SAFEGUARD) when the person asked for asylum, or is a minor (no
 * alternative can be recorded through a correction). Otherwise as
 * bmis_movement_correct (which keeps the officer and the desk: who decided
 * is not corrected, E_INVALID_ARG naming the member). *out gets the
 * movement as corrected. Audited at `at` (Unix seconds) in the
 * correction's transaction: "movement.correct", record "movement:ID"; a
 * refusal (E_FORBIDDEN, E_SAFEGUARD) has its entry too. */
BMIS_API bmis_status bmis_inspection_correct(
    bmis_store *s, const bmis_actor *actor, int64_t at,
    const bmis_movement *corrected, const bmis_change *change,
    bmis_movement *out, bmis_error *err);

/* A movement as a desk reads it, voids it: of the actor's crossing point
 * (E_FORBIDDEN otherwise), as bmis_movement_get and bmis_movement_void;
 * the void hands out the movement as voided. Audited at `at` (Unix
 * seconds): "movement.read" (before the movement is handed out) and
 * "movement.void" (in the void's transaction), record "movement:ID"; a
 * refusal has its entry too. */
BMIS_API bmis_status bmis_inspection_movement_get(bmis_store *s,
                                                  const bmis_actor *actor,
                                                  int64_t at, const char *id,
                                                  bmis_movement *out,
                                                  bmis_error *err);
BMIS_API bmis_status bmis_inspection_movement_void(
    bmis_store *s, const bmis_actor *actor, int64_t at, const char *id,
    const bmis_change *change, bmis_movement *out, bmis_error *err);

/* Data minimisation: inspections decided before `before` (Unix seconds)
 * whose referrals are all closed lose what the desk was shown (the MRZ,
 * the result, the hits); the decision's own facts (held, the alternative
 * for a minor, the notice's language) and the movement stay. *count says
 * how many were emptied. */
BMIS_API bmis_status bmis_inspection_purge(bmis_store *s, int64_t before,
                                           int64_t *count, bmis_error *err);

/* ---- the refusal notice ---- */

/* Languages the notice has templates for: "en", "fr". */
BMIS_API bool bmis_notice_language_known(const char *code);

/* The printable refusal notice of a refused movement as an HTML document
 * (the caller frees *html_out with bmis_free): the grounds ticked, the
 * explanation, the right to appeal, whether the person is held pending return,
 * in the language asked (or, with lang NULL or "", the one chosen at the
 * decision). E_RULE when the movement is not a refusal. Audited at `at`
 * (Unix seconds) in the read's transaction: "notice.read", record
 * "movement:ID"; no notice is handed out unless its entry is written. */
BMIS_API bmis_status bmis_refusal_notice(bmis_store *s, const bmis_actor *actor,
                                         int64_t at, const char *movement_id,
                                         const char *lang, char **html_out,
                                         bmis_error *err);

#endif
