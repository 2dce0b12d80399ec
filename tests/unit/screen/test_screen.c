/* Screening: names across scripts and spellings, the tolerances the issue
 * lists (reordered, missing and extra names, joined and split tokens,
 * initials, typos, transliteration), the non-matches that must stay below
 * the threshold, what birth, nationality, sex and alias quality add or take
 * away, document look-ups with OCR-confused characters, explanations, the
 * index against the exhaustive mode, and dispositions through the store.
 * The store tests run on SQLite, and on PostgreSQL with --pg-url-file. */
#include "store_fixture.h"

#include "bmis/screen.h"
#include "bmis_demo/demo.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "test_util.h"

/* ---- helpers ---- */

static double name_score(const char *listed, const char *presented,
                         bmis_hit *hit) {
  double s = -1;
  bmis_error err;
  bmis_hit h;
  if (bmis_screen_compare_names(listed, presented, &s, hit ? hit : &h, &err) !=
      BMIS_OK)
    fail_msg("compare '%s' / '%s': %s", listed, presented, err.message);
  return s;
}

static void expect_at_least(const char *listed, const char *presented,
                            double min) {
  double s = name_score(listed, presented, NULL);
  if (s < min)
    fail_msg("'%s' vs '%s': %.3f, expected at least %.2f", listed, presented, s,
             min);
}

static void expect_below(const char *listed, const char *presented,
                         double max) {
  double s = name_score(listed, presented, NULL);
  if (s >= max)
    fail_msg("'%s' vs '%s': %.3f, expected below %.2f", listed, presented, s,
             max);
}

/* The explanation token pairing listed with presented, or NULL. */
static const bmis_hit_token *token(const bmis_hit *h, const char *listed,
                                   const char *presented) {
  for (size_t i = 0; i < h->token_count; i++)
    if (strcmp(h->tokens[i].listed, listed) == 0 &&
        strcmp(h->tokens[i].presented, presented) == 0)
      return &h->tokens[i];
  return NULL;
}

static const bmis_hit_factor *factor(const bmis_hit *h, const char *what) {
  for (size_t i = 0; i < h->factor_count; i++)
    if (strcmp(h->factors[i].what, what) == 0)
      return &h->factors[i];
  return NULL;
}

static bmis_wl_person *person(bmis_wl_content *c, const char *ref,
                              const char *name) {
  bmis_wl_person *p;
  bmis_error err;
  assert_int_equal(bmis_wl_content_add_person(c, ref, &p, &err), BMIS_OK);
  assert_int_equal(
      bmis_wl_person_add_name(c, p, name, BMIS_NAME_PRIMARY, false, &err),
      BMIS_OK);
  return p;
}

static void birth(bmis_wl_content *c, bmis_wl_person *p, int y, int m, int d,
                  int to, bool approx) {
  bmis_wl_birth b = {test_date(y, m, d), (int16_t)to, approx};
  bmis_error err;
  assert_int_equal(bmis_wl_person_add_birth(c, p, b, &err), BMIS_OK);
}

static bmis_screen_index *index_of(bmis_wl_content *c, double threshold) {
  bmis_watchlist meta = {.name = "test",
                         .category = BMIS_WL_SANCTIONS,
                         .action = BMIS_HIT_REFER,
                         .threshold = threshold};
  bmis_screen_index *ix = NULL;
  bmis_error err;
  if (bmis_screen_index_from_content(&meta, c, &ix, &err) != BMIS_OK)
    fail_msg("index: %s", err.message);
  return ix;
}

static bmis_screen_result screen(const bmis_screen_index *ix,
                                 const bmis_screen_query *q,
                                 bmis_screen_mode mode) {
  bmis_screen_options o = {mode, 0, 0};
  bmis_screen_result r;
  bmis_error err;
  if (bmis_screen_person(ix, NULL, q, &o, &r, &err) != BMIS_OK)
    fail_msg("screen: %s", err.message);
  return r;
}

/* ---- names ---- */

static void names_across_scripts(void **state) {
  (void)state;
  /* Cyrillic: the passport's ICAO spelling and the lists' BGN spelling */
  expect_at_least("Жуков Георгий", "GEORGII ZHUKOV", 0.99);
  expect_at_least("Сергей Викторович Лавров", "SERGEI LAVROV", 0.90);
  expect_at_least("Сергей Викторович Лавров", "SERGEY LAVROV", 0.90);
  /* Arabic script has no short vowels: consonant skeletons pair them */
  expect_at_least("عبدالخالق الحوثي", "ABD AL-KHALIQ AL-HOUTHI", 0.85);
  expect_at_least("محمد علي", "MOHAMED ALI", 0.85);
  /* Greek */
  expect_at_least("Γιώργος Παπαδόπουλος", "GIORGOS PAPADOPOULOS", 0.99);
  expect_at_least("Γιώργος Παπαδόπουλος", "GEORGIOS PAPADOPOULOS", 0.90);
  /* Latin with diacritics: the ICAO spelling (UE) and the plain one (U) */
  expect_at_least("Hans Müller", "HANS MUELLER", 0.99);
  expect_at_least("Hans Müller", "HANS MULLER", 0.99);
  /* Chinese and Korean, written without spaces */
  expect_at_least("习近平", "XI JINPING", 0.99);
  expect_at_least("김정은", "KIM JONG UN", 0.85);
}

static void tolerances(void **state) {
  (void)state;
  bmis_hit h;
  /* order free, and joined / split tokens */
  assert_true(name_score("ABDUL HAI SALEK", "SALEK ABDULHAI", &h) > 0.99);
  const bmis_hit_token *t = token(&h, "ABDUL HAI", "ABDULHAI");
  assert_non_null(t);
  assert_int_equal(t->how, BMIS_TOKEN_JOINED);
  t = token(&h, "SALEK", "SALEK");
  assert_non_null(t);
  assert_int_equal(t->how, BMIS_TOKEN_EXACT);
  /* a given name missing from the passport */
  assert_true(name_score("AKHTAR MOHAMMAD MANSOUR", "AKHTAR MANSOUR", &h) >=
              0.9);
  t = token(&h, "MOHAMMAD", "");
  assert_non_null(t);
  assert_int_equal(t->how, BMIS_TOKEN_MISSING);
  /* an extra given name on the passport */
  assert_true(name_score("GUL AHMAD HAKIMI", "GUL AHMAD WAZIRI HAKIMI", &h) >=
              0.85);
  t = token(&h, "", "WAZIRI");
  assert_non_null(t);
  assert_int_equal(t->how, BMIS_TOKEN_EXTRA);
  /* an initial */
  assert_true(name_score("JOHN SMITHERSON", "J SMITHERSON", &h) >= 0.9);
  t = token(&h, "JOHN", "J");
  assert_non_null(t);
  assert_int_equal(t->how, BMIS_TOKEN_INITIAL);
  /* a typo */
  assert_true(name_score("IGOR SECHIN", "IGOR SECHIM", &h) >= 0.9);
  t = token(&h, "SECHIN", "SECHIM");
  assert_non_null(t);
  assert_int_equal(t->how, BMIS_TOKEN_TYPO);
  assert_true(fabs(t->similarity - (1.0 - 1.0 / 6)) < 1e-4);
  /* a vowel typo keeps the consonants: it reads as another spelling */
  assert_true(name_score("OLAF SCHOLZ", "OLAF SCHOLZE", &h) >= 0.9);
  assert_int_equal(token(&h, "SCHOLZ", "SCHOLZE")->how, BMIS_TOKEN_SPELLING);
  /* another romanisation of the same name */
  assert_true(name_score("MUHAMMAD YUSUF", "MOHAMED YOUSSEF", &h) >= 0.85);
  t = token(&h, "MUHAMMAD", "MOHAMED");
  assert_non_null(t);
  assert_int_equal(t->how, BMIS_TOKEN_SPELLING);
  /* digits a scanner read for letters */
  expect_at_least("IGOR SECHIN", "I9OR SECH1N", 0.95);
  /* a title and a particle weigh little either way */
  expect_at_least("HAJI MUHAMMAD ASHRAF", "MUHAMMAD ASHRAF", 0.9);
}

static void non_matches_stay_below(void **state) {
  (void)state;
  double t = BMIS_SCREEN_DEFAULT_THRESHOLD;
  /* a different given name is a conflict, not a missing name */
  expect_below("KIM JONG SIK", "KIM JONG MAN", t);
  expect_below("Sergey Viktorovich Lavrov", "Sergey Ivanovich Lavrov", t);
  expect_below("TARIQ ANWAR EL SAYED AHMED", "TARIQ ANWAR EL SAYED MOHAMED", t);
  /* the son is not the father */
  expect_below("MUHAMMAD BIN SALMAN AL-RAWI", "SALMAN BIN MUHAMMAD AL-RAWI", t);
  /* two common names say too little */
  expect_below("MUHAMMAD ALI HASSAN KHAN", "MUHAMMAD ALI", t);
  /* close but different surnames */
  expect_below("ANNA SCHMIDT", "ANNA SCHMITZ", t);
  expect_below("MARIA GARCIA", "MARIA GARZA", t);
  expect_below("JAN NOVAK", "JAN NOVOTNY", t);
  expect_below("OLGA BARANOVA", "OLEG BARANOV", t);
  /* two letters apart in eleven: another name, not a slip */
  expect_below("GEORGIOS DIMITRAKIS", "GEORGIOS DIMITRIADIS", t);
  expect_below("HASSAN KARAMABADI", "HASSAN BAHRAMABADI", t);
  expect_below("Angela Merkel", "Octavian Scholz", 0.1);
}

/* ---- persons on a list ---- */

static void birth_nationality_and_sex(void **state) {
  (void)state;
  bmis_wl_content *c = bmis_wl_content_new();
  bmis_error err;
  bmis_wl_person *p = person(c, "P1", "ABDULHAI SALEK");
  birth(c, p, 1965, 0, 0, 0, false);
  assert_int_equal(bmis_wl_person_add_nationality(c, p, "AFG", &err), BMIS_OK);
  p->sex = 'M';
  bmis_wl_person *r = person(c, "P2", "QARI ZAKIRULLAH TOKHI");
  birth(c, r, 1960, 0, 0, 1963, false);
  bmis_wl_person *a = person(c, "P3", "FAZL RABI NOORZAI");
  birth(c, a, 1970, 0, 0, 0, true);
  bmis_screen_index *ix = index_of(c, 0);

  /* a year-only listed date matches any date in that year */
  bmis_screen_query q = {.name = "SALEK ABDULHAI",
                         .birth = test_date(1965, 3, 2),
                         .nationality = "AFG",
                         .sex = 'M'};
  bmis_screen_result res = screen(ix, &q, BMIS_SCREEN_INDEXED);
  assert_int_equal(res.count, 1);
  const bmis_hit *h = &res.hits[0];
  assert_string_equal(h->ref, "P1");
  assert_string_equal(h->list, "test");
  assert_int_equal(h->action, BMIS_HIT_REFER);
  const bmis_hit_factor *f = factor(h, "birth");
  assert_non_null(f);
  assert_true(f->delta > 0);
  assert_string_equal(f->detail,
                      "listed 1965, presented 1965-03-02: same year");
  f = factor(h, "nationality");
  assert_non_null(f);
  assert_true(f->delta > 0);
  assert_string_equal(f->detail, "listed AFG, presented AFG");
  assert_null(factor(h, "sex")); /* agreement on sex adds nothing */
  assert_true(fabs(h->score - fmin(1.0, h->name_score + 0.04 + 0.03)) < 1e-6);
  bmis_screen_result_free(&res);

  /* a date far off, another nationality and the other sex take the hit
   * away, and each says so */
  q.birth = test_date(1990, 1, 1);
  q.sex = 'F';
  memcpy(q.nationality, "PAK", 4);
  bmis_screen_options o = {BMIS_SCREEN_INDEXED, 0.1, 0};
  assert_int_equal(bmis_screen_person(ix, NULL, &q, &o, &res, &err), BMIS_OK);
  assert_int_equal(res.count, 1);
  h = &res.hits[0];
  assert_true(factor(h, "birth")->delta < -0.2);
  assert_string_equal(factor(h, "birth")->detail,
                      "listed 1965, presented 1990-01-01: different year");
  assert_true(factor(h, "nationality")->delta < 0);
  assert_non_null(factor(h, "sex"));
  assert_string_equal(factor(h, "sex")->detail, "listed M, presented F");
  assert_true(h->score < BMIS_SCREEN_DEFAULT_THRESHOLD);
  bmis_screen_result_free(&res);
  res = screen(ix, &q, BMIS_SCREEN_INDEXED);
  assert_int_equal(res.count, 0);
  bmis_screen_result_free(&res);

  /* a range of years, and an approximate year one off */
  bmis_screen_query q2 = {.name = "ZAKIRULLAH TOKHI",
                          .birth = test_date(1962, 0, 0)};
  res = screen(ix, &q2, BMIS_SCREEN_INDEXED);
  assert_int_equal(res.count, 1);
  assert_string_equal(factor(&res.hits[0], "birth")->detail,
                      "listed 1960-1963, presented 1962: within the listed "
                      "range");
  bmis_screen_result_free(&res);
  bmis_screen_query q3 = {.name = "FAZL RABI NOORZAI",
                          .birth = test_date(1971, 6, 1)};
  res = screen(ix, &q3, BMIS_SCREEN_INDEXED);
  assert_int_equal(res.count, 1);
  assert_string_equal(factor(&res.hits[0], "birth")->detail,
                      "listed about 1970, presented 1971-06-01: within a year "
                      "of an approximate year");
  bmis_screen_result_free(&res);
  bmis_screen_index_free(ix);
  bmis_wl_content_free(c);
}

static void aliases_and_thresholds(void **state) {
  (void)state;
  bmis_wl_content *c = bmis_wl_content_new();
  bmis_error err;
  bmis_wl_person *p = person(c, "P1", "HAMID NAZARI");
  assert_int_equal(bmis_wl_person_add_name(c, p, "Abu Walid Al-Kabir",
                                           BMIS_NAME_WEAK, false, &err),
                   BMIS_OK);
  bmis_screen_index *ix = index_of(c, 0);
  bmis_screen_query q = {.name = "ABU WALID AL KABIR"};
  bmis_screen_result r = screen(ix, &q, BMIS_SCREEN_INDEXED);
  assert_int_equal(r.count, 1);
  assert_string_equal(r.hits[0].listed_name, "Abu Walid Al-Kabir");
  assert_int_equal(r.hits[0].listed_quality, BMIS_NAME_WEAK);
  const bmis_hit_factor *f = factor(&r.hits[0], "alias");
  assert_non_null(f);
  assert_true(fabs(f->delta + 0.05) < 1e-6);
  assert_true(fabs(r.hits[0].score - 0.95) < 1e-6);
  bmis_screen_result_free(&r);
  bmis_screen_index_free(ix);

  /* the list's own threshold applies, and an override beats it */
  ix = index_of(c, 0.97);
  r = screen(ix, &q, BMIS_SCREEN_INDEXED);
  assert_int_equal(r.count, 0);
  bmis_screen_result_free(&r);
  bmis_screen_options o = {BMIS_SCREEN_INDEXED, 0.9, 0};
  assert_int_equal(bmis_screen_person(ix, NULL, &q, &o, &r, &err), BMIS_OK);
  assert_int_equal(r.count, 1);
  assert_true(fabs(r.hits[0].threshold - 0.9) < 1e-9);
  bmis_screen_result_free(&r);
  bmis_screen_index_free(ix);
  bmis_wl_content_free(c);
}

static void documents_exact_and_misread(void **state) {
  (void)state;
  bmis_wl_content *c = bmis_wl_content_new();
  bmis_error err;
  bmis_wl_document d = {.ref = "D1",
                        .state = "DEU",
                        .number = "C01X00T47",
                        .type = "P",
                        .status = BMIS_DOC_STOLEN};
  assert_int_equal(bmis_wl_content_add_document(c, &d, &err), BMIS_OK);
  /* a national identity number longer than a record holds in place */
  bmis_wl_document id = {.ref = "D2",
                         .state = "KEN",
                         .number = "ID-2019-0000-0000-77",
                         .type = "I",
                         .status = BMIS_DOC_LOST};
  assert_int_equal(bmis_wl_content_add_document(c, &id, &err), BMIS_OK);
  bmis_wl_person *p = person(c, "P1", "HAMID NAZARI");
  bmis_wl_person_doc pd = {"passport", "AFG", "OA 1234-567"};
  assert_int_equal(bmis_wl_person_add_nationality(c, p, "Germany", &err),
                   BMIS_OK);
  assert_int_equal(bmis_wl_person_add_document(c, p, &pd, &err), BMIS_OK);
  bmis_screen_index *ix = index_of(c, 0);
  bmis_screen_result r;

  assert_int_equal(bmis_screen_document(ix, "DEU", "C01X00T47", &r, &err),
                   BMIS_OK);
  assert_int_equal(r.count, 1);
  assert_int_equal(r.hits[0].kind, BMIS_HIT_DOCUMENT);
  assert_true(r.hits[0].score == 1.0);
  assert_int_equal(r.hits[0].doc_status, BMIS_DOC_STOLEN);
  assert_string_equal(r.hits[0].doc_detail, "same number");
  bmis_screen_result_free(&r);

  /* the scanner read the letter O for the digit 0 */
  assert_int_equal(bmis_screen_document(ix, "DEU", "CO1X00T47", &r, &err),
                   BMIS_OK);
  assert_int_equal(r.count, 1);
  assert_true(fabs(r.hits[0].score - 0.9) < 1e-9);
  assert_string_equal(r.hits[0].doc_detail,
                      "same number if 'O' at position 2 was misread for '0'");
  bmis_screen_result_free(&r);

  /* and the same beyond the ninth character, in a long number */
  assert_int_equal(
      bmis_screen_document(ix, "KEN", "ID2019000000OO77", &r, &err), BMIS_OK);
  assert_int_equal(r.count, 0); /* two misreadings: another document */
  bmis_screen_result_free(&r);
  assert_int_equal(
      bmis_screen_document(ix, "KEN", "ID20190000000O77", &r, &err), BMIS_OK);
  assert_int_equal(r.count, 1);
  assert_string_equal(r.hits[0].ref, "D2");
  assert_string_equal(r.hits[0].doc_number, "ID-2019-0000-0000-77");
  assert_string_equal(r.hits[0].doc_detail,
                      "same number if 'O' at position 14 was misread for '0'");
  bmis_screen_result_free(&r);

  /* a German passport's MRZ says D, the list says DEU: one state */
  assert_int_equal(bmis_screen_document(ix, "D", "C01X00T47", &r, &err),
                   BMIS_OK);
  assert_int_equal(r.count, 1);
  assert_string_equal(r.hits[0].doc_state, "DEU");
  bmis_screen_result_free(&r);
  char key[64];
  assert_int_equal(
      bmis_screen_traveller_key(NULL, "D", "c01x-00t47", key, &err), BMIS_OK);
  assert_string_equal(key, "doc:DEU:C01X00T47");

  /* another state's document with that number is another document */
  assert_int_equal(bmis_screen_document(ix, "FRA", "C01X00T47", &r, &err),
                   BMIS_OK);
  assert_int_equal(r.count, 0);
  bmis_screen_result_free(&r);

  /* a document a listed person holds, spaced and hyphenated differently */
  assert_int_equal(bmis_screen_document(ix, "AFG", "OA1234567", &r, &err),
                   BMIS_OK);
  assert_int_equal(r.count, 1);
  assert_string_equal(r.hits[0].ref, "P1");
  assert_int_equal(r.hits[0].doc_status, BMIS_DOC_STATUS_NONE);
  bmis_screen_result_free(&r);

  /* a nationality read from an MRZ (D) agrees with the listed Germany */
  bmis_screen_query qd = {.name = "HAMID NAZARI", .nationality = "D"};
  r = screen(ix, &qd, BMIS_SCREEN_INDEXED);
  assert_int_equal(r.count, 1);
  assert_string_equal(factor(&r.hits[0], "nationality")->detail,
                      "listed DEU, presented DEU");
  assert_true(factor(&r.hits[0], "nationality")->delta > 0);
  bmis_screen_result_free(&r);

  /* a person screened with a document gets both kinds of hits */
  bmis_screen_query q = {
      .name = "HAMID NAZARI", .doc_state = "AFG", .doc_number = "OA1234567"};
  r = screen(ix, &q, BMIS_SCREEN_INDEXED);
  assert_int_equal(r.count, 2);
  assert_int_not_equal(r.hits[0].kind, r.hits[1].kind);
  bmis_screen_result_free(&r);
  bmis_screen_index_free(ix);
  bmis_wl_content_free(c);
}

static void explanations_say_what_matched(void **state) {
  (void)state;
  bmis_wl_content *c = bmis_wl_content_new();
  bmis_wl_person *p = person(c, "QDi.1", "ABDUL HAI SALEK");
  birth(c, p, 1965, 0, 0, 0, false);
  bmis_screen_index *ix = index_of(c, 0);
  bmis_screen_query q = {.name = "SALEK, ABDULHAI",
                         .birth = test_date(1965, 3, 2)};
  bmis_screen_result r = screen(ix, &q, BMIS_SCREEN_INDEXED);
  assert_int_equal(r.count, 1);
  char text[2048];
  bmis_error err;
  assert_int_equal(bmis_hit_explain(&r.hits[0], text, sizeof text, &err),
                   BMIS_OK);
  assert_non_null(strstr(text, "Person hit 1.00 on list test (sanctions; "
                               "action: refer), entry QDi.1\n"));
  assert_non_null(
      strstr(text, "listed primary name \"ABDUL HAI SALEK\" (as ABDUL HAI "
                   "SALEK), presented as SALEK ABDULHAI: name score 1.00\n"));
  assert_non_null(strstr(text, "ABDUL HAI            ABDULHAI             "
                               "joined/split 1.00"));
  assert_non_null(strstr(text, "SALEK                SALEK                "
                               "same 1.00"));
  assert_non_null(strstr(
      text, "birth +0.04: listed 1965, presented 1965-03-02: same year\n"));
  /* too small a buffer is an error, not a cut explanation */
  assert_int_equal(bmis_hit_explain(&r.hits[0], text, 40, &err),
                   BMIS_E_BUFFER_SMALL);
  bmis_screen_result_free(&r);
  bmis_screen_index_free(ix);
  bmis_wl_content_free(c);
}

/* Travellers presenting as listed persons, with changes, and others: the
 * index finds what the exhaustive mode finds, with the same scores. */
static void the_index_finds_what_exhaustive_finds(void **state) {
  (void)state;
  bmis_wl_content *c = bmis_wl_content_new();
  bmis_error err;
  bmis_demo_wl_options o;
  bmis_demo_wl_options_init(&o);
  o.kind = BMIS_DEMO_WL_PERSONS;
  o.seed = 7;
  o.count = 3000;
  assert_int_equal(bmis_demo_watchlist(&o, c, &err), BMIS_OK);
  bmis_screen_index *ix = index_of(c, 0);
  size_t exh_hits = 0, both = 0, idx_only = 0;
  for (size_t i = 0; i < 300; i++) {
    const bmis_wl_person *p = bmis_wl_person_at(c, i * 7 % 3000);
    char name[BMIS_WL_TEXT_SIZE];
    snprintf(name, sizeof name, "%s", p->names[i % p->name_count].text);
    if (i % 3 == 1 && strlen(name) > 6 && (unsigned char)name[3] < 0x80 &&
        (unsigned char)name[4] < 0x80)
      name[3] = name[3] == 'A' ? 'E' : 'A'; /* a typo */
    bmis_screen_query q = {.name = name};
    if (p->birth_count && i % 2)
      q.birth = p->births[0].date;
    bmis_screen_result ri = screen(ix, &q, BMIS_SCREEN_INDEXED);
    bmis_screen_result re = screen(ix, &q, BMIS_SCREEN_EXHAUSTIVE);
    for (size_t k = 0; k < re.count; k++) {
      exh_hits++;
      for (size_t m = 0; m < ri.count; m++)
        if (strcmp(ri.hits[m].ref, re.hits[k].ref) == 0) {
          both++;
          assert_true(fabs(ri.hits[m].score - re.hits[k].score) < 1e-9);
        }
    }
    for (size_t m = 0; m < ri.count; m++) {
      bool found = false;
      for (size_t k = 0; k < re.count; k++)
        found = found || strcmp(ri.hits[m].ref, re.hits[k].ref) == 0;
      idx_only += !found;
    }
    assert_true(re.candidates > ri.candidates);
    bmis_screen_result_free(&ri);
    bmis_screen_result_free(&re);
  }
  assert_true(exh_hits >= 250);
  assert_int_equal(idx_only, 0);
  assert_true((double)both >= 0.995 * (double)exh_hits);
  bmis_screen_index_free(ix);
  bmis_wl_content_free(c);
}

/* A listed name known only in Arabic script, presented in a passport's
 * spelling with the article apart: the index must offer it as a candidate
 * (a respelled token, and a joined pair found by its skeleton). */
static void respelled_and_joined_tokens_are_candidates(void **state) {
  (void)state;
  bmis_wl_content *c = bmis_wl_content_new();
  bmis_error err;
  bmis_wl_person *p = person(c, "YEi.001", "ABD AL-KHALIQ AL-HOUTHI");
  assert_int_equal(bmis_wl_person_add_name(c, p, "عبدالخالق الحوثي",
                                           BMIS_NAME_STRONG, true, &err),
                   BMIS_OK);
  for (int i = 0; i < 200; i++) { /* others, so the index has to choose */
    char ref[16], name[64];
    snprintf(ref, sizeof ref, "X%d", i);
    snprintf(name, sizeof name, "HUSSEIN AL-%c%cSHIMI", 'A' + i % 26,
             'A' + i / 26);
    person(c, ref, name);
  }
  bmis_screen_index *ix = index_of(c, 0);
  bmis_screen_query q = {.name = "ABDULKHALEQ AL HUTHI"};
  bmis_screen_result ri = screen(ix, &q, BMIS_SCREEN_INDEXED);
  bmis_screen_result re = screen(ix, &q, BMIS_SCREEN_EXHAUSTIVE);
  assert_int_equal(re.count, 1);
  assert_int_equal(ri.count, 1);
  assert_string_equal(ri.hits[0].ref, "YEi.001");
  assert_string_equal(ri.hits[0].listed_name, "عبدالخالق الحوثي");
  assert_true(ri.hits[0].score >= 0.89);
  assert_non_null(token(&ri.hits[0], "ALHWTHY", "AL HUTHI"));
  assert_true(ri.candidates < re.candidates);
  bmis_screen_result_free(&ri);
  bmis_screen_result_free(&re);
  bmis_screen_index_free(ix);
  bmis_wl_content_free(c);
}

/* Namesakes the index must not pay for: hundreds born forty years apart
 * (their facts in the postings stop them unread), and hundreds sharing one
 * of two common names (a form needs both when neither alone can make a
 * hit). The hits stay those of exhaustive mode, including a name said
 * twice on both sides. */
static void namesakes_are_passed_over(void **state) {
  (void)state;
  bmis_wl_content *c = bmis_wl_content_new();
  char ref[16], name[64];
  for (int i = 0; i < 300; i++) {
    snprintf(ref, sizeof ref, "OLD%d", i);
    birth(c, person(c, ref, "MOHAMAD HAYTHAM"), 1950, 1 + i % 12, 1, 0, false);
    snprintf(ref, sizeof ref, "G%d", i);
    snprintf(name, sizeof name, "MOHAMAD KU%c%cRIZ", 'A' + i % 26,
             'A' + i / 26);
    person(c, ref, name);
    snprintf(ref, sizeof ref, "S%d", i);
    snprintf(name, sizeof name, "VO%c%cLEK HAYTHAM", 'A' + i % 26,
             'A' + i / 26);
    person(c, ref, name);
  }
  birth(c, person(c, "TWICE", "MOHAMAD MOHAMAD"), 1979, 12, 30, 0, false);
  birth(c, person(c, "BOTH", "MOHAMAD HAYTHAM"), 1979, 12, 30, 0, false);
  person(c, "LONG", "ADRIAN BELFORT CASIMIR DORVAL MOHAMAD MOHAMAD");
  person(c, "KURDI", "ABU MUHAMMAD AL-KURDI");
  person(c, "GHANI", "ABD EL GHANI HAYTHAM");
  bmis_screen_index *ix = index_of(c, 0);

  /* three listed names written as one (name_score.c joins up to three) */
  bmis_screen_query qg = {.name = "ABDELGHANI HAYTHAM"};
  bmis_screen_result rg = screen(ix, &qg, BMIS_SCREEN_INDEXED);
  bmis_screen_result eg = screen(ix, &qg, BMIS_SCREEN_EXHAUSTIVE);
  assert_true(eg.count >= 1);
  assert_string_equal(eg.hits[0].ref, "GHANI");
  assert_true(rg.count >= 1);
  assert_string_equal(rg.hits[0].ref, "GHANI");
  bmis_screen_result_free(&rg);
  bmis_screen_result_free(&eg);

  /* one name and two particles presented: the particles the form holds
   * count too, though no particle is walked */
  bmis_screen_query qk = {.name = "AL KURDI ABU"};
  bmis_screen_result rk = screen(ix, &qk, BMIS_SCREEN_INDEXED);
  assert_int_equal(rk.count, 1);
  assert_string_equal(rk.hits[0].ref, "KURDI");
  bmis_screen_result_free(&rk);

  /* rare names walked, MOHAMAD (said twice) checked on the forms found:
   * it pairs twice with a form holding it twice */
  bmis_screen_query ql = {.name =
                              "ADRIAN BELFORT CASIMIR DORVAL MOHAMAD MOHAMAD"};
  bmis_screen_result rl = screen(ix, &ql, BMIS_SCREEN_INDEXED);
  assert_true(rl.count >= 1);
  assert_string_equal(rl.hits[0].ref, "LONG");
  assert_true(rl.hits[0].score > 0.99);
  assert_true(rl.examined < 100);
  bmis_screen_result_free(&rl);

  /* born 1950-03-01: 25 namesakes born that day, 275 more that year; the
   * best five are the exhaustive mode's best five, and the rest are not
   * scored once five better are found */
  {
    bmis_screen_query qb = {.name = "MOHAMAD HAYTHAM",
                            .birth = test_date(1950, 3, 1)};
    bmis_screen_options o5 = {BMIS_SCREEN_INDEXED, 0, 5};
    bmis_screen_options oall = {BMIS_SCREEN_INDEXED, 0, 1000};
    bmis_screen_options oexh = {BMIS_SCREEN_EXHAUSTIVE, 0, 5};
    bmis_screen_result r5, rall, rexh;
    bmis_error err;
    assert_int_equal(bmis_screen_person(ix, NULL, &qb, &o5, &r5, &err),
                     BMIS_OK);
    assert_int_equal(bmis_screen_person(ix, NULL, &qb, &oall, &rall, &err),
                     BMIS_OK);
    assert_int_equal(bmis_screen_person(ix, NULL, &qb, &oexh, &rexh, &err),
                     BMIS_OK);
    assert_int_equal(r5.count, 5);
    assert_int_equal(rexh.count, 5);
    assert_true(rall.count > 250);
    for (size_t i = 0; i < 5; i++)
      assert_true(fabs(r5.hits[i].score - rexh.hits[i].score) < 1e-9);
    assert_true(r5.candidates < rall.candidates / 4);
    bmis_screen_result_free(&r5);
    bmis_screen_result_free(&rall);
    bmis_screen_result_free(&rexh);
  }

  /* born 1990: the 300 born in 1950 are never looked at */
  bmis_screen_query q = {.name = "MOHAMAD HAYTHAM",
                         .birth = test_date(1990, 5, 5)};
  bmis_screen_result ri = screen(ix, &q, BMIS_SCREEN_INDEXED);
  bmis_screen_result re = screen(ix, &q, BMIS_SCREEN_EXHAUSTIVE);
  assert_int_equal(ri.count, re.count);
  for (size_t i = 0; i < ri.count; i++)
    assert_string_not_equal(ri.hits[i].ref, "OLD0");
  assert_true(ri.examined < 100);
  assert_true(re.examined > 900);
  bmis_screen_result_free(&ri);
  bmis_screen_result_free(&re);

  /* a third name no one listed holds: a form needs both MOHAMAD and
   * HAYTHAM (or MOHAMAD twice), so the 600 holding one are passed over */
  const char *names[] = {"MOHAMAD HAYTHAM ZURKIAN", "MOHAMAD MOHAMAD HAYTHAM"};
  for (size_t n = 0; n < 2; n++) {
    bmis_screen_query q2 = {.name = names[n], .birth = test_date(1979, 12, 30)};
    ri = screen(ix, &q2, BMIS_SCREEN_INDEXED);
    re = screen(ix, &q2, BMIS_SCREEN_EXHAUSTIVE);
    assert_true(re.count >= 1);
    assert_int_equal(ri.count, re.count);
    for (size_t i = 0; i < re.count; i++) {
      assert_string_equal(ri.hits[i].ref, re.hits[i].ref);
      assert_true(fabs(ri.hits[i].score - re.hits[i].score) < 1e-9);
    }
    bool twice = false, both = false;
    for (size_t i = 0; i < ri.count; i++) {
      twice = twice || strcmp(ri.hits[i].ref, "TWICE") == 0;
      both = both || strcmp(ri.hits[i].ref, "BOTH") == 0;
    }
    assert_true(both);
    assert_true(twice == (n == 1));
    if (n == 0) /* MOHAMAD twice may make a hit: its forms are read */
      assert_true(ri.examined < 100);
    bmis_screen_result_free(&ri);
    bmis_screen_result_free(&re);
  }
  bmis_screen_index_free(ix);
  bmis_wl_content_free(c);
}

static void bad_queries_are_refused(void **state) {
  (void)state;
  bmis_wl_content *c = bmis_wl_content_new();
  person(c, "P1", "HAMID NAZARI");
  bmis_screen_index *ix = index_of(c, 0);
  bmis_screen_result r;
  bmis_error err;
  bmis_screen_query q = {0};
  assert_int_equal(bmis_screen_person(ix, NULL, &q, NULL, &r, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message,
                      "nothing to screen: give a name or a document");
  q.name = "\xff\xfe";
  assert_int_equal(bmis_screen_person(ix, NULL, &q, NULL, &r, &err),
                   BMIS_E_PARSE);
  assert_string_equal(err.message, "name is not valid UTF-8");
  q.name = "!!! ---";
  assert_int_equal(bmis_screen_person(ix, NULL, &q, NULL, &r, &err),
                   BMIS_E_PARSE);
  assert_string_equal(err.message, "name has no letters");
  bmis_screen_index_free(ix);
  bmis_wl_content_free(c);
}

/* ---- through the store: the index as a server builds it, dispositions ---- */

static void import_one(bmis_store *s, const char *birth_year_text, int year) {
  bmis_wl_content *c = bmis_wl_content_new();
  bmis_error err;
  bmis_wl_person *p = person(c, "QDi.9", "ABDUL HAI SALEK");
  birth(c, p, year, 0, 0, 0, false);
  assert_int_equal(bmis_wl_person_set_remarks(c, p, birth_year_text, &err),
                   BMIS_OK);
  person(c, "QDi.10", "FAZL RABI NOORZAI");
  bmis_watchlist m = {.name = "un",
                      .category = BMIS_WL_SANCTIONS,
                      .action = BMIS_HIT_REFER,
                      .loaded_at = 1790000000};
  if (bmis_watchlist_import(s, &m, c, NULL, &err) != BMIS_OK)
    fail_msg("import: %s", err.message);
  bmis_wl_content_free(c);
}

static bmis_screen_result screen_stored(bmis_store *s,
                                        const bmis_screen_query *q) {
  bmis_screen_index *ix;
  bmis_error err;
  if (bmis_screen_index_load(s, &ix, &err) != BMIS_OK)
    fail_msg("load: %s", err.message);
  bmis_screen_result r;
  if (bmis_screen_person(ix, s, q, NULL, &r, &err) != BMIS_OK)
    fail_msg("screen: %s", err.message);
  bmis_screen_index_free(ix);
  return r;
}

static void dispositions_follow_the_traveller(void **state) {
  (void)state;
  bmis_store *s;
  bmis_error err;
  assert_int_equal(bmis_store_open(fx_fresh_url(), NULL, &s, &err), BMIS_OK);
  import_one(s, "first version", 1965);
  bmis_screen_query q = {.name = "ABDULHAI SALEK",
                         .doc_state = "AFG",
                         .doc_number = "P123 4567",
                         .traveller_id =
                             "0190a0b0-0000-7000-8000-000000000001"};
  bmis_screen_result r = screen_stored(s, &q);
  assert_int_equal(r.count, 1);
  assert_false(r.hits[0].previously_disposed);
  assert_int_equal(strlen(r.hits[0].entry_hash), 32);

  bmis_hit_disposition d = {.decision = BMIS_HIT_DISMISSED, .at = 1790000100};
  snprintf(d.traveller_key, sizeof d.traveller_key, "doc:AFG:P1234567");
  snprintf(d.reason, sizeof d.reason, "different person: born 1982");
  snprintf(d.by, sizeof d.by, "officer7");
  snprintf(d.role, sizeof d.role, "officer");
  assert_int_equal(bmis_hit_dispose(s, &r.hits[0], &d, &err), BMIS_OK);
  assert_true(bmis_uuid_is_valid(d.id));
  bmis_screen_result_free(&r);

  /* the same traveller on a later trip: shown, marked, never hidden */
  r = screen_stored(s, &q);
  assert_int_equal(r.count, 1);
  assert_true(r.hits[0].previously_disposed);
  assert_int_equal(r.hits[0].previous.decision, BMIS_HIT_DISMISSED);
  assert_string_equal(r.hits[0].previous.reason, "different person: born 1982");
  assert_string_equal(r.hits[0].previous.by, "officer7");
  assert_false(r.hits[0].previous.voided);
  bmis_screen_result_free(&r);

  /* another traveller with the same name is not cleared */
  bmis_screen_query other = {
      .name = "ABDULHAI SALEK", .doc_state = "AFG", .doc_number = "P7654321"};
  r = screen_stored(s, &other);
  assert_int_equal(r.count, 1);
  assert_false(r.hits[0].previously_disposed);
  bmis_screen_result_free(&r);

  /* the entry changes: the clearance is void, and says so */
  import_one(s, "second version", 1966);
  r = screen_stored(s, &q);
  assert_int_equal(r.count, 1);
  assert_true(r.hits[0].previously_disposed);
  assert_true(r.hits[0].previous.voided);
  bmis_screen_result_free(&r);
  bmis_store_close(s);
}

int main(int argc, char **argv) {
  fx_setup(argc, argv);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(names_across_scripts),
      cmocka_unit_test(tolerances),
      cmocka_unit_test(non_matches_stay_below),
      cmocka_unit_test(birth_nationality_and_sex),
      cmocka_unit_test(aliases_and_thresholds),
      cmocka_unit_test(documents_exact_and_misread),
      cmocka_unit_test(explanations_say_what_matched),
      cmocka_unit_test(the_index_finds_what_exhaustive_finds),
      cmocka_unit_test(respelled_and_joined_tokens_are_candidates),
      cmocka_unit_test(namesakes_are_passed_over),
      cmocka_unit_test(bad_queries_are_refused),
      cmocka_unit_test(dispositions_follow_the_traveller),
  };
  int failed = cmocka_run_group_tests_name(fx_is_pg() ? "screening on postgres"
                                                      : "screening on sqlite",
                                           tests, NULL, NULL);
  fx_cleanup();
  return failed;
}
