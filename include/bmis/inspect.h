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

/* Who is working, and where (from the session). */
typedef struct bmis_actor {
  char username[64];
  char role[17];
  char channel[9]; /* "api" or "cli": for the audit log */
  char bcp[17];
  char desk[33];
  bool all_bcps; /* the account may act at every crossing point ('*'); when
                    false, only records of `bcp` (E_FORBIDDEN otherwise) */
} bmis_actor;

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

/* Inspects: checks, screens, reads history and stay status, evaluates the
 * protection indicators, recommends, and keeps the inspection in the store
 * (status "open"). ix may be NULL (no lists loaded: said in the result).
 * `at` is the time of the inspection (Unix seconds; 0 = now). On success
 * *json_out is the result as JSON text (docs/API.md; the caller frees it)
 * and id_out its id. */
BMIS_API bmis_status bmis_inspect(bmis_store *s, const bmis_screen_index *ix,
                                  const bmis_inspection_request *rq,
                                  const bmis_actor *actor, int64_t at,
                                  char id_out[BMIS_ID_SIZE], char **json_out,
                                  bmis_error *err);

/* Every function below that takes an actor acts only on records of the
 * actor's crossing point (the inspection's, the referral's movement's),
 * unless actor->all_bcps: another post's record is E_FORBIDDEN. */

/* The stored result of an inspection (the caller frees *json_out), and
 * the movement it became ("" while open). */
BMIS_API bmis_status bmis_inspection_get(bmis_store *s, const char *id,
                                         const bmis_actor *actor,
                                         char **json_out,
                                         char movement_id[BMIS_ID_SIZE],
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
 * The caller frees *json_out. E_INVALID_ARG when nothing is raised. */
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
 * point when the account has them all (bmis_disposition_list). */
BMIS_API bmis_status bmis_disposition_queue(bmis_store *s, bmis_review review,
                                            const bmis_actor *actor,
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

/* ---- secondary inspection ---- */

/* Calls fn for each referral of the actor's crossing points, open
 * (open_only) or all, oldest first. */
BMIS_API bmis_status bmis_referral_list(bmis_store *s, const bmis_actor *actor,
                                        bool open_only, bmis_referral_fn fn,
                                        void *ctx, bmis_error *err);
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
 * is not corrected, E_INVALID_ARG naming the member). */
BMIS_API bmis_status bmis_inspection_correct(bmis_store *s,
                                             const bmis_actor *actor,
                                             const bmis_movement *corrected,
                                             const bmis_change *change,
                                             bmis_error *err);

/* A movement as a desk reads it, voids it: of the actor's crossing point
 * (E_FORBIDDEN otherwise), as bmis_movement_get and bmis_movement_void. */
BMIS_API bmis_status bmis_inspection_movement_get(bmis_store *s,
                                                  const bmis_actor *actor,
                                                  const char *id,
                                                  bmis_movement *out,
                                                  bmis_error *err);
BMIS_API bmis_status bmis_inspection_movement_void(bmis_store *s,
                                                   const bmis_actor *actor,
                                                   const char *id,
                                                   const bmis_change *change,
                                                   bmis_error *err);

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
 * (the caller frees *html_out): the grounds ticked, the explanation, the
 * right to appeal, whether the person is held pending return, in the
 * language asked (or, with lang NULL or "", the one chosen at the
 * decision). E_RULE when the movement is not a refusal. */
BMIS_API bmis_status bmis_refusal_notice(bmis_store *s, const bmis_actor *actor,
                                         const char *movement_id,
                                         const char *lang, char **html_out,
                                         bmis_error *err);

#endif
