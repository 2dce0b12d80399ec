/* The rules of the desk as data (bmis_inspection_evaluate): one row per
 * situation, facts in, the recommendation, its reason codes, the prompts
 * and the decisions allowed out. No store, no clock. */
#include "bmis/inspect.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

enum { ADMIT = BMIS_RECOMMEND_ADMIT, REFER = BMIS_RECOMMEND_REFER };

/* the hit a row presents */
typedef enum hit_kind {
  NO_HIT,
  UN_LISTED,          /* a sanctions list, nobody cleared it */
  UN_DISMISSED,       /* the same, dismissed (in force) */
  UN_PENDING,         /* dismissed by an officer, awaiting a second person */
  UN_REJECTED,        /* a dismissal a supervisor rejected */
  LOST_STOLEN,        /* the document is on a lost/stolen list */
  PROTECTION_ALERT,   /* a missing or vulnerable person */
  PROTECTION_CLEARED, /* the same, dismissed */
  TWO_LISTED          /* two hits on a wanted list */
} hit_kind;

typedef struct row {
  const char *name;
  /* the document */
  const char *nationality;
  bmis_date birth;
  bmis_date expiry;
  bool bad_check;     /* a check digit that does not match */
  bool unknown_birth; /* the document gives no date of birth (ICAO allows
                         it): read as unknown */
  /* the request */
  bmis_direction direction;
  bool asylum, unaccompanied;
  unsigned trafficking;
  bmis_purpose purpose;
  /* the store */
  hit_kind hit;
  bool not_screened;
  bool has_stay;
  bool present, window_exceeded;
  int days_over;
  bool open_asylum, open_child;
  /* expected */
  int action;
  bmis_reason_code reasons[6]; /* in order; 0 ends */
  bmis_reason_code prompts[4];
  bmis_reason_code admit_why, refuse_why; /* NONE: allowed */
  bmis_referral_kind referrals[4];
  const char *first_words; /* the first reason in words, or NULL */
} row;

#define D(y, m, d)                                                             \
  { y, m, d }
#define ADULT D(1980, 5, 17)
#define VALID D(2030, 1, 1)
#define ENTRY BMIS_DIRECTION_ENTRY
#define EXIT BMIS_DIRECTION_EXIT
#define R(x) BMIS_REASON_##x

static const row rows[] = {
    {.name = "clean foreign traveller",
     .nationality = "GBR",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .action = ADMIT},
    {.name = "expired foreign document",
     .nationality = "GBR",
     .birth = ADULT,
     .expiry = D(2025, 1, 1),
     .direction = ENTRY,
     .action = REFER,
     .reasons = {R(DOCUMENT_EXPIRED)},
     .first_words = "the document has expired"},
    {.name = "a check digit that does not match",
     .nationality = "GBR",
     .birth = ADULT,
     .expiry = VALID,
     .bad_check = true,
     .direction = ENTRY,
     .action = REFER,
     .reasons = {R(DOCUMENT_FAILED)}},
    {.name = "UN-listed hit nobody cleared",
     .nationality = "RUS",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .hit = UN_LISTED,
     .action = REFER,
     .reasons = {R(OPEN_HITS)},
     .admit_why = R(BAR_ADMIT_LISTED),
     .first_words = "1 watchlist hit to examine"},
    {.name = "UN-listed hit dismissed",
     .nationality = "RUS",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .hit = UN_DISMISSED,
     .action = ADMIT},
    {.name = "UN-listed hit, dismissal awaiting a second person",
     .nationality = "RUS",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .hit = UN_PENDING,
     .action = REFER,
     .reasons = {R(OPEN_HITS)},
     .admit_why = R(BAR_ADMIT_LISTED)},
    {.name = "UN-listed hit, dismissal rejected",
     .nationality = "RUS",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .hit = UN_REJECTED,
     .action = REFER,
     .reasons = {R(OPEN_HITS)},
     .admit_why = R(BAR_ADMIT_LISTED)},
    {.name = "two hits on a wanted list",
     .nationality = "RUS",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .hit = TWO_LISTED,
     .action = REFER,
     .reasons = {R(OPEN_HITS)},
     .admit_why = R(BAR_ADMIT_LISTED),
     .first_words = "2 watchlist hits to examine"},
    {.name = "lost or stolen document",
     .nationality = "GBR",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .hit = LOST_STOLEN,
     .action = REFER,
     .reasons = {R(OPEN_HITS)}},
    {.name = "protection alert",
     .nationality = "AFG",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .hit = PROTECTION_ALERT,
     .action = REFER,
     .reasons = {R(PROTECTION_ALERT)},
     .admit_why = R(BAR_ADMIT_PROTECTION_ALERT),
     .refuse_why = R(BAR_REFUSE_PROTECTION_ALERT),
     .referrals = {BMIS_REFERRAL_SECONDARY},
     .first_words = "protection alert (missing, PA-1): the person may need "
                    "protection; refer, do not enforce"},
    {.name = "protection alert dismissed",
     .nationality = "AFG",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .hit = PROTECTION_CLEARED,
     .action = ADMIT},
    {.name = "national, recorded as still present",
     .nationality = "UTO",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .has_stay = true,
     .present = true,
     .window_exceeded = true,
     .action = ADMIT,
     .refuse_why = R(BAR_REFUSE_NATIONAL)},
    {.name = "child of ten",
     .nationality = "FRA",
     .birth = D(2016, 3, 3),
     .expiry = VALID,
     .direction = ENTRY,
     .action = ADMIT,
     .prompts = {R(PROMPT_MINOR)}},
    {.name = "child with unknown birth date",
     .nationality = "FRA",
     .birth = ADULT,
     .unknown_birth = true,
     .expiry = VALID,
     .direction = ENTRY,
     .action = ADMIT,
     .prompts = {R(PROMPT_MINOR)}},
    {.name = "unaccompanied child with trafficking indicators",
     .nationality = "NGA",
     .birth = D(2012, 1, 1),
     .expiry = VALID,
     .direction = ENTRY,
     .unaccompanied = true,
     .trafficking = 1u | 4u,
     .action = REFER,
     .reasons = {R(UNACCOMPANIED), R(TRAFFICKING)},
     .prompts = {R(PROMPT_UNACCOMPANIED), R(PROMPT_TRAFFICKING)},
     .refuse_why = R(BAR_REFUSE_TRAFFICKING),
     .referrals = {BMIS_REFERRAL_CHILD_PROTECTION, BMIS_REFERRAL_TRAFFICKING}},
    {.name = "asks for asylum",
     .nationality = "SYR",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .asylum = true,
     .action = REFER,
     .reasons = {R(ASYLUM)},
     .prompts = {R(PROMPT_ASYLUM)},
     .admit_why = R(BAR_ADMIT_ASYLUM),
     .refuse_why = R(BAR_REFUSE_ASYLUM),
     .referrals = {BMIS_REFERRAL_ASYLUM}},
    {.name = "asylum as the purpose of the journey",
     .nationality = "SYR",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .purpose = BMIS_PURPOSE_ASYLUM,
     .action = REFER,
     .reasons = {R(ASYLUM)},
     .prompts = {R(PROMPT_ASYLUM)},
     .admit_why = R(BAR_ADMIT_ASYLUM),
     .refuse_why = R(BAR_REFUSE_ASYLUM),
     .referrals = {BMIS_REFERRAL_ASYLUM}},
    {.name = "open asylum referral of the person",
     .nationality = "SYR",
     .birth = ADULT,
     .expiry = VALID,
     .direction = EXIT,
     .open_asylum = true,
     .action = REFER,
     .reasons = {R(OPEN_ASYLUM)},
     .prompts = {R(PROMPT_OPEN_ASYLUM)},
     .admit_why = R(BAR_ADMIT_OPEN_ASYLUM),
     .refuse_why = R(BAR_REFUSE_OPEN_ASYLUM)},
    {.name = "open child-protection referral",
     .nationality = "FRA",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .open_child = true,
     .action = REFER,
     .reasons = {R(OPEN_CHILD)},
     .refuse_why = R(BAR_REFUSE_OPEN_CHILD)},
    {.name = "overstay, leaving",
     .nationality = "GBR",
     .birth = ADULT,
     .expiry = VALID,
     .direction = EXIT,
     .has_stay = true,
     .days_over = 1,
     .action = REFER,
     .reasons = {R(OVERSTAYED)},
     .first_words = "overstayed by 1 day"},
    {.name = "still present and over the 90/180 rule, entering",
     .nationality = "GBR",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .has_stay = true,
     .present = true,
     .window_exceeded = true,
     .action = REFER,
     .reasons = {R(STILL_PRESENT), R(WINDOW_EXCEEDED)}},
    {.name = "overstay history does not count on entry",
     .nationality = "GBR",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .has_stay = true,
     .days_over = 12,
     .action = ADMIT},
    {.name = "no watchlists loaded",
     .nationality = "GBR",
     .birth = ADULT,
     .expiry = VALID,
     .direction = ENTRY,
     .not_screened = true,
     .action = REFER,
     .reasons = {R(NOT_SCREENED)},
     .first_words = "no watchlists are loaded: screening was not done"},
    {.name = "everything at once keeps its order",
     .nationality = "SYR",
     .birth = ADULT,
     .expiry = D(2025, 1, 1),
     .direction = ENTRY,
     .asylum = true,
     .hit = UN_LISTED,
     .not_screened = true,
     .action = REFER,
     .reasons = {R(OPEN_HITS), R(DOCUMENT_EXPIRED), R(ASYLUM), R(NOT_SCREENED)},
     .prompts = {R(PROMPT_ASYLUM)},
     .admit_why = R(BAR_ADMIT_LISTED),
     .refuse_why = R(BAR_REFUSE_ASYLUM),
     .referrals = {BMIS_REFERRAL_ASYLUM}},
};

static void make_hit(bmis_hit *h, const char *list, bmis_wl_category c,
                     bmis_hit_action a, const char *ref) {
  memset(h, 0, sizeof *h);
  h->kind = BMIS_HIT_PERSON;
  h->score = 0.93;
  snprintf(h->list, sizeof h->list, "%s", list);
  h->category = c;
  h->action = a;
  snprintf(h->ref, sizeof h->ref, "%s", ref);
  snprintf(h->entry_hash, sizeof h->entry_hash, "%032d", 7);
  snprintf(h->listed_name, sizeof h->listed_name, "Listed PERSON");
  h->threshold = 0.85;
}

static void dispose(bmis_hit *h, bmis_review review) {
  h->previously_disposed = true;
  h->previous.decision = BMIS_HIT_DISMISSED;
  h->previous.review = review;
  h->previous.at = 1767225600;
  snprintf(h->previous.reason, sizeof h->previous.reason, "not him");
  snprintf(h->previous.by, sizeof h->previous.by, "olga");
  snprintf(h->previous.role, sizeof h->previous.role, "officer");
  if (review == BMIS_REVIEW_REJECTED || review == BMIS_REVIEW_CONFIRMED) {
    snprintf(h->previous.reviewed_by, sizeof h->previous.reviewed_by, "sam");
    snprintf(h->previous.review_reason, sizeof h->previous.review_reason,
             "photo differs");
    h->previous.reviewed_at = 1767229200;
  }
}

static size_t hits_of(hit_kind k, bmis_hit h[2]) {
  switch (k) {
  case NO_HIT: return 0;
  case UN_LISTED:
  case UN_DISMISSED:
  case UN_PENDING:
  case UN_REJECTED:
    make_hit(&h[0], "un", BMIS_WL_SANCTIONS, BMIS_HIT_REFER, "QDi.001");
    if (k == UN_DISMISSED)
      dispose(&h[0], BMIS_REVIEW_NONE);
    if (k == UN_PENDING)
      dispose(&h[0], BMIS_REVIEW_PENDING);
    if (k == UN_REJECTED)
      dispose(&h[0], BMIS_REVIEW_REJECTED);
    return 1;
  case LOST_STOLEN:
    make_hit(&h[0], "sltd", BMIS_WL_DOCUMENTS, BMIS_HIT_REFER, "D-9");
    h[0].kind = BMIS_HIT_DOCUMENT;
    h[0].score = 1;
    h[0].doc_status = BMIS_DOC_STOLEN;
    snprintf(h[0].doc_state, sizeof h[0].doc_state, "GBR");
    snprintf(h[0].doc_number, sizeof h[0].doc_number, "L898902C3");
    snprintf(h[0].doc_detail, sizeof h[0].doc_detail, "exact");
    return 1;
  case PROTECTION_ALERT:
  case PROTECTION_CLEARED:
    make_hit(&h[0], "missing", BMIS_WL_PROTECTION_ALERT, BMIS_HIT_PROTECT,
             "PA-1");
    if (k == PROTECTION_CLEARED)
      dispose(&h[0], BMIS_REVIEW_CONFIRMED);
    return 1;
  case TWO_LISTED:
    make_hit(&h[0], "interpol", BMIS_WL_WANTED, BMIS_HIT_REFER, "W-1");
    make_hit(&h[1], "interpol", BMIS_WL_WANTED, BMIS_HIT_REFER, "W-2");
    return 2;
  }
  return 0;
}

/* The facts of a row; doc, hits and history are the caller's storage. */
static void facts_of(const row *r, bmis_doc *doc, bmis_hit hits[2],
                     bmis_movement history[1], bmis_inspection_facts *f) {
  bmis_doc_make_input in;
  memset(&in, 0, sizeof in);
  in.format = BMIS_DOC_TD3;
  in.surname = "ERIKSSON";
  in.given_names = "ANNA MARIA";
  in.number = "L898902C3";
  in.nationality = r->nationality;
  in.birth_date = r->birth;
  in.sex = 'F';
  in.expiry_date = r->expiry;
  char mrz[200];
  bmis_error err;
  if (bmis_doc_make(&in, mrz, sizeof mrz, &err) != BMIS_OK)
    fail_msg("%s: make: %s", r->name, err.message);
  if (r->bad_check) { /* the birth date's check digit, one more */
    char *c = strchr(mrz, '\n') + 19;
    *c = *c == '9' ? '0' : (char)(*c + 1);
  }
  bmis_doc_options opts;
  bmis_doc_options_init(&opts, (bmis_date)D(2026, 6, 1));
  opts.mode = BMIS_DOC_OCR;
  opts.expiry_warning_days = 30;
  assert_int_equal(bmis_doc_parse(mrz, strlen(mrz), &opts, doc), BMIS_OK);
  if (r->unknown_birth) {
    doc->birth_date = (bmis_date)D(0, 0, 0);
    doc->age_min = doc->age_max = -1;
    doc->minor = false;
  }
  memset(f, 0, sizeof *f);
  f->doc = doc;
  f->direction = r->direction;
  f->purpose = r->purpose;
  f->asylum = r->asylum;
  f->unaccompanied = r->unaccompanied;
  f->trafficking = r->trafficking;
  snprintf(f->state, sizeof f->state, "UTO");
  f->hit_count = hits_of(r->hit, hits);
  f->hits = hits;
  f->screened = !r->not_screened;
  if (r->has_stay) {
    snprintf(f->person_id, sizeof f->person_id,
             "0190a1b2-0000-7000-8000-0000000000%02d", 1);
    memset(history, 0, sizeof *history);
    snprintf(history->id, sizeof history->id,
             "0190a1b2-0000-7000-8000-000000000042");
    history->direction = BMIS_DIRECTION_ENTRY;
    snprintf(history->bcp, sizeof history->bcp, "LHR");
    history->crossed_at = 1767225600;
    history->decision = BMIS_DECISION_ADMITTED;
    history->permitted_until = (bmis_date)D(2026, 3, 31);
    f->history = history;
    f->history_count = 1;
    f->history_total = 3;
    f->has_stay = true;
    f->stay.present = r->present;
    f->stay.window_exceeded = r->window_exceeded;
    f->stay.days_over = r->days_over;
    f->stay.window_days = 180;
    f->stay.window_limit = 90;
    f->stay.days_in_window = r->window_exceeded ? 95 : 20;
    f->stay.stays = 2;
    f->stay.national = strcmp(r->nationality, "UTO") == 0;
  }
  f->open_asylum = r->open_asylum;
  f->open_child = r->open_child;
}

static int count_codes(const bmis_reason_code *c, int max) {
  int n = 0;
  while (n < max && c[n])
    n++;
  return n;
}

static void test_rows(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    const row *r = &rows[i];
    bmis_doc doc;
    bmis_hit hits[2];
    bmis_movement history[1];
    bmis_inspection_facts f;
    facts_of(r, &doc, hits, history, &f);
    bmis_inspection in;
    bmis_error err;
    if (bmis_inspection_evaluate(&f, &in, &err) != BMIS_OK)
      fail_msg("%s: %s", r->name, err.message);
    char why[512] = "";
    if (in.reason_count)
      bmis_reason_message(&in.reasons[0], why, sizeof why);
    if ((int)in.action != r->action)
      fail_msg("%s: recommendation %d, expected %d (%s)", r->name, in.action,
               r->action, why);
    int nr = count_codes(r->reasons, 6);
    if (in.reason_count != nr)
      fail_msg("%s: %d reasons, expected %d (first: %s)", r->name,
               in.reason_count, nr, why);
    for (int k = 0; k < nr; k++)
      if (in.reasons[k].code != r->reasons[k])
        fail_msg("%s: reason %d is %s, expected %s", r->name, k,
                 bmis_reason_code_name(in.reasons[k].code),
                 bmis_reason_code_name(r->reasons[k]));
    int np = count_codes(r->prompts, 4);
    if (in.prompt_count != np)
      fail_msg("%s: %d prompts, expected %d", r->name, in.prompt_count, np);
    for (int k = 0; k < np; k++)
      assert_int_equal(in.prompts[k].code, r->prompts[k]);
    if (in.admit.allowed != !r->admit_why || in.admit.why != r->admit_why)
      fail_msg("%s: admit %s (%s), expected %s", r->name,
               in.admit.allowed ? "allowed" : "barred",
               bmis_reason_code_name(in.admit.why),
               bmis_reason_code_name(r->admit_why));
    if (in.refuse.allowed != !r->refuse_why || in.refuse.why != r->refuse_why)
      fail_msg("%s: refuse %s (%s), expected %s", r->name,
               in.refuse.allowed ? "allowed" : "barred",
               bmis_reason_code_name(in.refuse.why),
               bmis_reason_code_name(r->refuse_why));
    assert_true(in.refer.allowed);
    int nk = 0;
    while (nk < 4 && r->referrals[nk])
      nk++;
    if (in.referral_count != nk)
      fail_msg("%s: %d referrals, expected %d", r->name, in.referral_count, nk);
    for (int k = 0; k < nk; k++)
      assert_int_equal(in.referrals[k], r->referrals[k]);
    if (r->first_words)
      assert_string_equal(why, r->first_words);
    assert_int_equal(in.hit_count, f.hit_count);
    bmis_inspection_fini(&in);
  }
}

/* The words of every code: each has a name that parses back, a template,
 * and the parameters substituted. */
static void test_reason_words(void **state) {
  (void)state;
  for (int c = 1; c < BMIS_REASON_CODE_COUNT; c++) {
    const char *name = bmis_reason_code_name((bmis_reason_code)c);
    assert_non_null(name);
    assert_int_equal(bmis_reason_parse(name), c);
    assert_non_null(bmis_reason_template((bmis_reason_code)c));
  }
  assert_null(bmis_reason_code_name(BMIS_REASON_NONE));
  assert_null(bmis_reason_code_name(BMIS_REASON_CODE_COUNT));
  assert_int_equal(bmis_reason_parse("no_such_reason"), BMIS_REASON_NONE);
  bmis_reason r = {.code = BMIS_REASON_WINDOW_EXCEEDED,
                   .number = {95, 180, 90}};
  char buf[64];
  assert_int_equal(bmis_reason_message(&r, buf, sizeof buf), 34);
  assert_string_equal(buf, "95 days in the last 180 (limit 90)");
  /* cut at the capacity, the length still told */
  assert_int_equal(bmis_reason_message(&r, buf, 8), 34);
  assert_string_equal(buf, "95 days");
  r = (bmis_reason){.code = BMIS_REASON_OVERSTAYED, .number = {3}};
  bmis_reason_message(&r, buf, sizeof buf);
  assert_string_equal(buf, "overstayed by 3 days");
  r = (bmis_reason){.code = BMIS_REASON_CODE_COUNT};
  assert_int_equal(bmis_reason_message(&r, buf, sizeof buf), 0);
  assert_string_equal(buf, "");
}

/* Facts the rules cannot work from are refused, not read. */
static void test_bad_facts(void **state) {
  (void)state;
  bmis_inspection_facts f;
  bmis_inspection in;
  bmis_error err;
  memset(&f, 0, sizeof f);
  assert_int_equal(bmis_inspection_evaluate(&f, &in, &err), BMIS_E_INVALID_ARG);
  bmis_doc doc;
  memset(&doc, 0, sizeof doc);
  f.doc = &doc;
  f.hit_count = 3; /* and no hits */
  assert_int_equal(bmis_inspection_evaluate(&f, &in, &err), BMIS_E_INVALID_ARG);
  f.hit_count = 0;
  f.history_count = BMIS_INSPECTION_HISTORY_MAX + 1;
  assert_int_equal(bmis_inspection_evaluate(&f, &in, &err), BMIS_E_INVALID_ARG);
  bmis_inspection_fini(NULL);
}

/* ---- the decision rules: a row per situation ---- */

typedef struct decision_row {
  const char *name;
  bmis_decision_facts f;
  bmis_decision decision;
  bool held, alternative, explanation, grounds; /* a refusal's parts */
  bmis_status status;
  bmis_reason_code why;
  bmis_referral_kind referrals[5];
} decision_row;

#define ADMITTED BMIS_DECISION_ADMITTED
#define REFUSED BMIS_DECISION_REFUSED
#define REFERRED BMIS_DECISION_REFERRED
#define WHOLE .explanation = true, .grounds = true

static const decision_row decisions[] = {
    {"admit a clean traveller", {0}, ADMITTED, .status = BMIS_OK},
    {"refuse a clean traveller, grounds given",
     {0},
     REFUSED,
     WHOLE,
     .status = BMIS_OK},
    {"refuse without explanation",
     {0},
     REFUSED,
     .grounds = true,
     .status = BMIS_E_INVALID_ARG,
     .why = R(BAR_REFUSE_NO_EXPLANATION)},
    {"refuse without grounds",
     {0},
     REFUSED,
     .explanation = true,
     .status = BMIS_E_INVALID_ARG,
     .why = R(BAR_REFUSE_NO_GROUNDS)},
    {"refer a clean traveller: secondary inspection",
     {0},
     REFERRED,
     .status = BMIS_OK,
     .referrals = {BMIS_REFERRAL_SECONDARY}},
    {"admit over an uncleared listing",
     {.listed = true},
     ADMITTED,
     .status = BMIS_E_RULE,
     .why = R(BAR_ADMIT_LISTED)},
    {"refuse over an uncleared listing",
     {.listed = true},
     REFUSED,
     WHOLE,
     .status = BMIS_OK},
    {"admit over a listing, asylum asked: a safeguard",
     {.listed = true, .asylum = true},
     ADMITTED,
     .status = BMIS_E_SAFEGUARD,
     .why = R(BAR_ADMIT_LISTED),
     .referrals = {BMIS_REFERRAL_ASYLUM}},
    {"refuse an asylum seeker",
     {.asylum = true},
     REFUSED,
     WHOLE,
     .status = BMIS_E_SAFEGUARD,
     .why = R(BAR_REFUSE_ASYLUM),
     .referrals = {BMIS_REFERRAL_ASYLUM}},
    {"admit an asylum seeker at the desk",
     {.asylum = true},
     ADMITTED,
     .status = BMIS_E_SAFEGUARD,
     .why = R(BAR_ADMIT_ASYLUM),
     .referrals = {BMIS_REFERRAL_ASYLUM}},
    {"refer an asylum seeker: no secondary added",
     {.asylum = true},
     REFERRED,
     .status = BMIS_OK,
     .referrals = {BMIS_REFERRAL_ASYLUM}},
    {"refuse with an open asylum referral",
     {.open_asylum = true},
     REFUSED,
     WHOLE,
     .status = BMIS_E_SAFEGUARD,
     .why = R(BAR_REFUSE_OPEN_ASYLUM)},
    {"admit with an open child-protection referral",
     {.open_child = true},
     ADMITTED,
     .status = BMIS_OK},
    {"refuse with an open child-protection referral",
     {.open_child = true},
     REFUSED,
     WHOLE,
     .status = BMIS_E_SAFEGUARD,
     .why = R(BAR_REFUSE_OPEN_CHILD)},
    {"refuse with an open trafficking referral",
     {.open_trafficking = true},
     REFUSED,
     WHOLE,
     .status = BMIS_E_SAFEGUARD,
     .why = R(BAR_REFUSE_OPEN_TRAFFICKING)},
    {"refuse a possible victim of trafficking",
     {.trafficking = true},
     REFUSED,
     WHOLE,
     .status = BMIS_E_SAFEGUARD,
     .why = R(BAR_REFUSE_TRAFFICKING),
     .referrals = {BMIS_REFERRAL_TRAFFICKING}},
    {"admit an adult on a protection alert",
     {.protection_hit = true},
     ADMITTED,
     .status = BMIS_E_SAFEGUARD,
     .why = R(BAR_ADMIT_PROTECTION_ALERT),
     .referrals = {BMIS_REFERRAL_SECONDARY}},
    {"refer a child on a protection alert",
     {.protection_hit = true, .minor = true},
     REFERRED,
     .status = BMIS_OK,
     .referrals = {BMIS_REFERRAL_CHILD_PROTECTION, BMIS_REFERRAL_SECONDARY}},
    {"refuse a national",
     {.national = true},
     REFUSED,
     WHOLE,
     .status = BMIS_E_SAFEGUARD,
     .why = R(BAR_REFUSE_NATIONAL)},
    {"admit a national", {.national = true}, ADMITTED, .status = BMIS_OK},
    {"refuse a minor and hold them",
     {.minor = true},
     REFUSED,
     WHOLE,
     .held = true,
     .alternative = true,
     .status = BMIS_E_SAFEGUARD,
     .why = R(BAR_REFUSE_MINOR_HELD)},
    {"refuse a minor, no alternative",
     {.minor = true},
     REFUSED,
     WHOLE,
     .status = BMIS_E_SAFEGUARD,
     .why = R(BAR_REFUSE_MINOR_NO_ALTERNATIVE)},
    {"refuse a minor with the alternative",
     {.minor = true},
     REFUSED,
     WHOLE,
     .alternative = true,
     .status = BMIS_OK},
    {"admit an unaccompanied minor: child protection opened",
     {.unaccompanied = true},
     ADMITTED,
     .status = BMIS_OK,
     .referrals = {BMIS_REFERRAL_CHILD_PROTECTION}},
    {"refuse an unaccompanied minor, no alternative",
     {.unaccompanied = true},
     REFUSED,
     WHOLE,
     .status = BMIS_E_SAFEGUARD,
     .why = R(BAR_REFUSE_MINOR_NO_ALTERNATIVE),
     .referrals = {BMIS_REFERRAL_CHILD_PROTECTION}},
};

static void test_decisions(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof decisions / sizeof decisions[0]; i++) {
    const decision_row *r = &decisions[i];
    bmis_inspection_decision d;
    memset(&d, 0, sizeof d);
    d.decision = r->decision;
    d.held_pending_return = r->held;
    d.minor_alternative = r->alternative ? BMIS_MINOR_ALTERNATIVE_FAMILY
                                         : BMIS_MINOR_ALTERNATIVE_NONE;
    if (r->explanation)
      snprintf(d.explanation, sizeof d.explanation, "no visa");
    if (r->grounds)
      snprintf(d.grounds, sizeof d.grounds, "C");
    bmis_reason_code why;
    bmis_status st = bmis_decision_check(&r->f, &d, &why);
    if (st != r->status || why != r->why)
      fail_msg("%s: %s (%s), expected %s (%s)", r->name, bmis_status_name(st),
               bmis_reason_code_name(why), bmis_status_name(r->status),
               bmis_reason_code_name(r->why));
    bmis_referral_kind k[5];
    int n = bmis_decision_referrals(&r->f, r->decision, k), nk = 0;
    while (nk < 5 && r->referrals[nk])
      nk++;
    if (n != nk)
      fail_msg("%s: %d referrals, expected %d", r->name, n, nk);
    for (int j = 0; j < n; j++)
      assert_int_equal(k[j], r->referrals[j]);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rows),
      cmocka_unit_test(test_reason_words),
      cmocka_unit_test(test_bad_facts),
      cmocka_unit_test(test_decisions),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
