/* bmis_demo_watchlist: the same options give the same list and another seed
 * another one; counts and references; every person has one primary name;
 * original-script names are the same names as the Latin ones (Cyrillic
 * through the library's ICAO transliteration, Greek through ELOT 743, the
 * given names of Hangul ones through Revised Romanisation); enough distinct
 * name tokens for large lists; the mix of dates of birth; protection alerts
 * are mostly minors with full dates of birth; document statuses and
 * numbers; options checked; the list survives JSON lines. */
#define _DEFAULT_SOURCE
#include "bmis_demo/demo.h"
#include "test_util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const bmis_date AS_OF = {2026, 11, 26};

static bmis_wl_content *make(bmis_demo_wl_kind kind, uint64_t seed,
                             size_t count) {
  bmis_demo_wl_options o;
  bmis_demo_wl_options_init(&o);
  o.kind = kind;
  o.seed = seed;
  o.count = count;
  bmis_wl_content *c = bmis_wl_content_new();
  assert_non_null(c);
  bmis_error err;
  if (bmis_demo_watchlist(&o, c, &err) != BMIS_OK)
    fail_msg("generate: %s", err.message);
  return c;
}

/* ---- a fingerprint of everything an entry holds ---- */

static uint64_t mix(uint64_t h, const void *p, size_t n) {
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++)
    h = (h ^ b[i]) * 1099511628211ull;
  return (h ^ 0xff) * 1099511628211ull; /* field separator */
}
static uint64_t mixs(uint64_t h, const char *s) {
  return mix(h, s ? s : "", s ? strlen(s) : 0);
}

static uint64_t person_hash(const bmis_wl_person *p) {
  uint64_t h = mixs(1469598103934665603ull, p->ref);
  for (size_t i = 0; i < p->name_count; i++) {
    h = mixs(h, p->names[i].text);
    h = mix(h, &p->names[i].quality, sizeof p->names[i].quality);
    h = mix(h, &p->names[i].original_script, 1);
  }
  for (size_t i = 0; i < p->birth_count; i++) {
    const bmis_wl_birth *b = &p->births[i];
    int v[5] = {b->date.year, b->date.month, b->date.day, b->to_year,
                b->approximate};
    h = mix(h, v, sizeof v);
  }
  for (size_t i = 0; i < p->nationality_count; i++)
    h = mixs(h, p->nationalities[i]);
  for (size_t i = 0; i < p->birth_country_count; i++)
    h = mixs(h, p->birth_countries[i]);
  for (size_t i = 0; i < p->birth_place_count; i++)
    h = mixs(h, p->birth_places[i]);
  h = mix(h, &p->sex, 1);
  for (size_t i = 0; i < p->document_count; i++) {
    h = mixs(h, p->documents[i].type);
    h = mixs(h, p->documents[i].state);
    h = mixs(h, p->documents[i].number);
  }
  return mixs(h, p->remarks);
}

static uint64_t document_hash(const bmis_wl_document *d) {
  uint64_t h = mixs(1469598103934665603ull, d->ref);
  h = mixs(h, d->state);
  h = mixs(h, d->number);
  h = mixs(h, d->type);
  int v[4] = {d->status, d->reported.year, d->reported.month, d->reported.day};
  h = mix(h, v, sizeof v);
  return mixs(h, d->remarks);
}

static uint64_t content_hash(const bmis_wl_content *c) {
  uint64_t h = mixs(1469598103934665603ull, bmis_wl_content_version(c));
  for (size_t i = 0; i < bmis_wl_person_count(c); i++) {
    uint64_t e = person_hash(bmis_wl_person_at(c, i));
    h = mix(h, &e, sizeof e);
  }
  for (size_t i = 0; i < bmis_wl_document_count(c); i++) {
    uint64_t e = document_hash(bmis_wl_document_at(c, i));
    h = mix(h, &e, sizeof e);
  }
  return h;
}

static void same_seed_same_content(void **state) {
  (void)state;
  for (int k = BMIS_DEMO_WL_PERSONS; k <= BMIS_DEMO_WL_DOCUMENTS; k++) {
    bmis_wl_content *a = make((bmis_demo_wl_kind)k, 7, 3000);
    bmis_wl_content *b = make((bmis_demo_wl_kind)k, 7, 3000);
    assert_true(content_hash(a) == content_hash(b));
    /* a longer list begins with the shorter one */
    bmis_wl_content *longer = make((bmis_demo_wl_kind)k, 7, 4000);
    for (size_t i = 0; i < bmis_wl_person_count(a); i++)
      assert_true(person_hash(bmis_wl_person_at(a, i)) ==
                  person_hash(bmis_wl_person_at(longer, i)));
    for (size_t i = 0; i < bmis_wl_document_count(a); i++)
      assert_true(document_hash(bmis_wl_document_at(a, i)) ==
                  document_hash(bmis_wl_document_at(longer, i)));
    bmis_wl_content_free(a);
    bmis_wl_content_free(b);
    bmis_wl_content_free(longer);
  }
}

static void other_seed_other_content(void **state) {
  (void)state;
  bmis_wl_content *a = make(BMIS_DEMO_WL_PERSONS, 7, 2000);
  bmis_wl_content *b = make(BMIS_DEMO_WL_PERSONS, 8, 2000);
  size_t same = 0;
  for (size_t i = 0; i < 2000; i++)
    same += strcmp(bmis_wl_person_at(a, i)->names[0].text,
                   bmis_wl_person_at(b, i)->names[0].text) == 0;
  assert_true(same < 40); /* a few common names may coincide */
  bmis_wl_content_free(a);
  bmis_wl_content_free(b);
  a = make(BMIS_DEMO_WL_DOCUMENTS, 7, 2000);
  b = make(BMIS_DEMO_WL_DOCUMENTS, 8, 2000);
  same = 0;
  for (size_t i = 0; i < 2000; i++)
    same += strcmp(bmis_wl_document_at(a, i)->number,
                   bmis_wl_document_at(b, i)->number) == 0;
  assert_true(same < 5);
  bmis_wl_content_free(a);
  bmis_wl_content_free(b);
}

/* ---- counts, references, names ---- */

static void counts_and_refs(void **state) {
  (void)state;
  static const char *const prefix[] = {NULL, "DW", "DP", "DD"};
  for (int k = BMIS_DEMO_WL_PERSONS; k <= BMIS_DEMO_WL_DOCUMENTS; k++) {
    bmis_wl_content *c = make((bmis_demo_wl_kind)k, 3, 1234);
    bool docs = k == BMIS_DEMO_WL_DOCUMENTS;
    assert_int_equal(bmis_wl_person_count(c), docs ? 0 : 1234);
    assert_int_equal(bmis_wl_document_count(c), docs ? 1234 : 0);
    for (size_t i = 0; i < 1234; i++) {
      const char *ref =
          docs ? bmis_wl_document_at(c, i)->ref : bmis_wl_person_at(c, i)->ref;
      char want[32];
      snprintf(want, sizeof want, "%s-%07zu", prefix[k], i + 1);
      assert_string_equal(ref, want); /* numbered, hence unique */
    }
    char version[128];
    snprintf(version, sizeof version,
             "demo %s seed 3 count 1234 as of "
             "2026-11-26",
             bmis_demo_wl_kind_code((bmis_demo_wl_kind)k));
    assert_string_equal(bmis_wl_content_version(c), version);
    bmis_wl_content_free(c);
  }
}

static void every_person_has_one_primary_name(void **state) {
  (void)state;
  for (int k = BMIS_DEMO_WL_PERSONS; k <= BMIS_DEMO_WL_PROTECTION; k++) {
    bmis_wl_content *c = make((bmis_demo_wl_kind)k, 5, 20000);
    size_t with_alias = 0, strong = 0, weak = 0, original = 0;
    for (size_t i = 0; i < bmis_wl_person_count(c); i++) {
      const bmis_wl_person *p = bmis_wl_person_at(c, i);
      assert_true(p->name_count >= 1);
      assert_int_equal(p->names[0].quality, BMIS_NAME_PRIMARY);
      assert_false(p->names[0].original_script);
      assert_true(p->names[0].text[0] != 0);
      bool alias = false;
      for (size_t n = 1; n < p->name_count; n++) {
        assert_int_not_equal(p->names[n].quality, BMIS_NAME_PRIMARY);
        if (p->names[n].original_script) {
          original++;
          assert_int_equal(p->names[n].quality, BMIS_NAME_STRONG);
          continue;
        }
        alias = true;
        strong += p->names[n].quality == BMIS_NAME_STRONG;
        weak += p->names[n].quality == BMIS_NAME_WEAK;
      }
      with_alias += alias;
    }
    double share = (double)with_alias / 20000.0;
    if (k == BMIS_DEMO_WL_PERSONS) {
      /* about 40% have aliases, more of them strong than weak */
      assert_true(share > 0.35 && share < 0.45);
      assert_true(strong > weak && weak > 1000);
      assert_true(original > 5000); /* a third to a half of persons */
    } else {
      assert_true(share > 0.05 && share < 0.15);
    }
    bmis_wl_content_free(c);
  }
}

/* ---- original scripts ---- */

static size_t edit_distance(const char *a, const char *b) {
  size_t n = strlen(a), m = strlen(b), prev[64], cur[64];
  if (n >= 63 || m >= 63)
    return 99;
  for (size_t j = 0; j <= m; j++)
    prev[j] = j;
  for (size_t i = 1; i <= n; i++) {
    cur[0] = i;
    for (size_t j = 1; j <= m; j++) {
      size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
      size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    memcpy(prev, cur, (m + 1) * sizeof *cur);
  }
  return prev[m];
}

/* Splits s (modified) into upper-cased ASCII tokens on spaces, hyphens and
 * '<'. */
static int tokens(char *s, char *tok[16]) {
  int n = 0;
  for (char *p = strtok(s, " -<"); p && n < 16; p = strtok(NULL, " -<")) {
    for (char *q = p; *q; q++)
      *q = (char)toupper((unsigned char)*q);
    tok[n++] = p;
  }
  return n;
}

/* The first code point of a UTF-8 string. */
static unsigned first_cp(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] < 0x80)
    return u[0];
  if (u[0] < 0xE0)
    return ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
  if (u[0] < 0xF0)
    return ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
  return 0;
}

/* Greek -> Latin after ELOT 743 (as the generator's tables are), lower-case
 * input with or without accents. Returns false for a letter it does not
 * know. */
static bool elot(const char *in, char *out, size_t cap) {
  static const struct {
    const char *g, *l;
  } map[] = {
      {"αυ", "av"}, {"ευ", "ev"}, {"ου", "ou"}, {"αύ", "av"}, {"εύ", "ev"},
      {"ού", "ou"}, {"γγ", "ng"}, {"α", "a"},   {"ά", "a"},   {"β", "v"},
      {"γ", "g"},   {"δ", "d"},   {"ε", "e"},   {"έ", "e"},   {"ζ", "z"},
      {"η", "i"},   {"ή", "i"},   {"θ", "th"},  {"ι", "i"},   {"ί", "i"},
      {"ϊ", "i"},   {"κ", "k"},   {"λ", "l"},   {"μ", "m"},   {"ν", "n"},
      {"ξ", "x"},   {"ο", "o"},   {"ό", "o"},   {"π", "p"},   {"ρ", "r"},
      {"σ", "s"},   {"ς", "s"},   {"τ", "t"},   {"υ", "y"},   {"ύ", "y"},
      {"φ", "f"},   {"χ", "ch"},  {"ψ", "ps"},  {"ω", "o"},   {"ώ", "o"},
      {"Α", "a"},   {"Β", "v"},   {"Γ", "g"},   {"Δ", "d"},   {"Ε", "e"},
      {"Ζ", "z"},   {"Η", "i"},   {"Θ", "th"},  {"Ι", "i"},   {"Κ", "k"},
      {"Λ", "l"},   {"Μ", "m"},   {"Ν", "n"},   {"Ξ", "x"},   {"Ο", "o"},
      {"Π", "p"},   {"Ρ", "r"},   {"Σ", "s"},   {"Τ", "t"},   {"Υ", "y"},
      {"Φ", "f"},   {"Χ", "ch"},  {"Ψ", "ps"},  {"Ω", "o"},   {"Ευ", "ev"},
      {"Αυ", "av"}, {" ", " "}};
  size_t n = 0;
  while (*in) {
    size_t k = 0, best = 0, best_len = 0;
    for (; k < sizeof map / sizeof *map; k++) {
      size_t len = strlen(map[k].g);
      if (len > best_len && strncmp(in, map[k].g, len) == 0) {
        best = k;
        best_len = len;
      }
    }
    if (!best_len || n + 3 >= cap)
      return false;
    n += (size_t)snprintf(out + n, cap - n, "%s", map[best].l);
    in += best_len;
  }
  out[n] = 0;
  return true;
}

/* Hangul syllables -> Revised Romanisation, reduced to a skeleton that
 * common Korean name spellings share with it (consonants only, voiced and
 * voiceless alike, r = l): Minjun/min-jun/민준 -> MNJN. */
static void skeleton(const char *in, char *out, size_t cap) {
  size_t n = 0;
  for (const char *p = in; *p && n + 1 < cap; p++) {
    char c = (char)tolower((unsigned char)*p);
    if (strchr("aeiouyhw -'", c))
      continue;
    if (c == 'c') /* ch -> j */
      c = 'j';
    if (c == 'g')
      c = 'k';
    if (c == 'd')
      c = 't';
    if (c == 'b')
      c = 'p';
    if (c == 'r')
      c = 'l';
    if (n && out[n - 1] == c) /* kk, ss, jj */
      continue;
    out[n++] = c;
  }
  out[n] = 0;
}

static void hangul_rr(const char *in, char *out, size_t cap) {
  static const char *const lead[] = {"g",  "kk", "n", "d",  "tt", "r", "m",
                                     "b",  "pp", "s", "ss", "",   "j", "jj",
                                     "ch", "k",  "t", "p",  "h"};
  static const char *const vowel[] = {
      "a",  "ae", "ya", "yae", "eo", "e",  "yeo", "ye", "o",  "wa", "wae",
      "oe", "yo", "u",  "wo",  "we", "wi", "yu",  "eu", "ui", "i"};
  static const char *const tail[] = {
      "",  "k", "k", "k", "n", "n", "n", "t",  "l", "k", "m", "p", "t", "t",
      "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"};
  size_t n = 0;
  out[0] = 0;
  for (const unsigned char *u = (const unsigned char *)in; *u;) {
    unsigned cp = first_cp((const char *)u);
    u += *u < 0x80 ? 1 : *u < 0xE0 ? 2 : 3;
    if (cp < 0xAC00 || cp > 0xD7A3)
      continue;
    unsigned s = cp - 0xAC00;
    n += (size_t)snprintf(out + n, cap - n, "%s%s%s", lead[s / 588],
                          vowel[(s % 588) / 28], tail[s % 28]);
  }
}

static void original_script_corresponds(void **state) {
  (void)state;
  bmis_wl_content *c = make(BMIS_DEMO_WL_PERSONS, 11, 30000);
  size_t cyr = 0, cyr_tokens = 0, cyr_exact = 0, greek = 0, greek_exact = 0,
         hangul = 0, hangul_same = 0, arabic = 0, han = 0, thai = 0;
  for (size_t i = 0; i < bmis_wl_person_count(c); i++) {
    const bmis_wl_person *p = bmis_wl_person_at(c, i);
    for (size_t n = 1; n < p->name_count; n++) {
      if (!p->names[n].original_script)
        continue;
      const char *o = p->names[n].text;
      for (const char *q = o; *q; q++) /* never a Latin letter */
        assert_false(isalpha((unsigned char)*q));
      unsigned cp = first_cp(o);
      char latin[256], orig[256], *lt[16], *ot[16];
      snprintf(latin, sizeof latin, "%s", p->names[0].text);
      if (cp >= 0x400 && cp <= 0x4FF) {
        /* Cyrillic: the ICAO transliteration gives the same tokens, or
         * others a romanisation away (Sergey/SERGEI, Yuriy/IURII) */
        cyr++;
        bmis_error err;
        assert_int_equal(bmis_mrz_transliterate(o, orig, sizeof orig, &err),
                         BMIS_OK);
        int nl = tokens(latin, lt), no = tokens(orig, ot);
        assert_int_equal(nl, no);
        for (int t = 0; t < nl; t++) {
          size_t d = edit_distance(lt[t], ot[t]), len = strlen(ot[t]);
          if (d > 1 + len / 2)
            fail_msg("%s ~ %s: %s is not %s", p->names[0].text, o, lt[t],
                     ot[t]);
          cyr_tokens++;
          cyr_exact += d == 0;
        }
      } else if (cp >= 0x370 && cp <= 0x3FF) {
        greek++;
        if (!elot(o, orig, sizeof orig))
          fail_msg("%s: not Greek", o);
        int nl = tokens(latin, lt), no = tokens(orig, ot);
        assert_int_equal(nl, no);
        for (int t = 0; t < nl; t++)
          if (strcmp(lt[t], ot[t]) != 0)
            fail_msg("%s ~ %s: %s is not %s", p->names[0].text, o, lt[t],
                     ot[t]);
        greek_exact++;
      } else if (cp >= 0xAC00 && cp <= 0xD7A3) {
        /* Hangul: surname then given name, no space; the Latin form is
         * surname then given name. Compare the given names. */
        hangul++;
        const char *given_o = o + 3; /* one syllable of surname */
        const char *given_l = strchr(p->names[0].text, ' ') + 1;
        char rr[128], a[64], b[64];
        hangul_rr(given_o, rr, sizeof rr);
        skeleton(rr, a, sizeof a);
        skeleton(given_l, b, sizeof b);
        hangul_same += strcmp(a, b) == 0;
      } else if (cp >= 0x600 && cp <= 0x6FF) {
        arabic++;
      } else if (cp >= 0x4E00 && cp <= 0x9FFF) {
        han++;
      } else if (cp >= 0xE00 && cp <= 0xE7F) {
        thai++;
      } else {
        fail_msg("unexpected script in '%s'", o);
      }
    }
  }
  print_message("Cyrillic %zu (tokens %zu, %zu as ICAO writes them), Greek "
                "%zu, Hangul %zu (%zu alike), Arabic %zu, Han %zu, Thai %zu\n",
                cyr, cyr_tokens, cyr_exact, greek, hangul, hangul_same, arabic,
                han, thai);
  /* every culture with a script shows up */
  assert_true(cyr > 1000 && greek > 100 && hangul > 300 && arabic > 3000 &&
              han > 1000 && thai > 50);
  /* more than half the tokens exactly as ICAO writes them (Ivanov,
   * Aleksandr); the rest differ by the romanisation of й, ё, ь and
   * Ukrainian г (Sergey/SERGEI, Solovyov/SOLOVEV, Hryhoriy/GRIGORII) */
  assert_true(cyr_exact * 2 > cyr_tokens);
  assert_int_equal(greek_exact, greek);
  assert_true(hangul_same * 100 >= hangul * 95);
  bmis_wl_content_free(c);
}

/* ---- distinct tokens, frequencies ---- */

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Distinct tokens (split on spaces and hyphens, upper-cased) of the
 * primary names. The floor follows from the tables: at 100,000 persons
 * the names of mainland Chinese nationals alone give about 3,200 distinct
 * tokens (two-character given names from ~100 characters per sex), of
 * Russians 2,400 and Ukrainians 800 (made-up roots with their suffixes and
 * feminine forms), of Indians 1,100 (South Indian compounds), of Koreans
 * 1,000, and Yoruba and Igbo syllable names, Greek, Japanese, Turkish,
 * Persian, Sinhala, Catalan, Basque and Western compounds the rest: about
 * 16,000 in all (45,000 at 1,000,000 persons). 13,000 leaves room for
 * changes to the tables while catching a tail that collapsed to the fixed
 * lists (which hold about 3,000 names). */
static void distinct_tokens(void **state) {
  (void)state;
  enum { N = 100000 };
  bmis_wl_content *c = make(BMIS_DEMO_WL_PERSONS, 13, N);
  size_t cap = 8 * N, n = 0;
  char **all = malloc(cap * sizeof *all);
  assert_non_null(all);
  for (size_t i = 0; i < N; i++) {
    char buf[256], *t[16];
    snprintf(buf, sizeof buf, "%s", bmis_wl_person_at(c, i)->names[0].text);
    int k = tokens(buf, t);
    for (int j = 0; j < k && n < cap; j++)
      all[n++] = strdup(t[j]);
  }
  qsort(all, n, sizeof *all, cmp_str);
  size_t distinct = 0, run = 0, longest = 0, once = 0;
  for (size_t i = 0; i < n; i++) {
    run = i && strcmp(all[i], all[i - 1]) == 0 ? run + 1 : 1;
    if (run == 1)
      distinct++;
    if (run > longest)
      longest = run;
    if (run == 1 && (i + 1 == n || strcmp(all[i], all[i + 1]) != 0))
      once++;
  }
  print_message("%zu tokens, %zu distinct, %zu once, most common %zu\n", n,
                distinct, once, longest);
  assert_true(distinct > 13000);
  /* a head of very common names (Muhammad, Kim, Wang, Nguyen)... */
  assert_true(longest > N / 50);
  /* ...and a long tail */
  assert_true(once * 3 > distinct);
  for (size_t i = 0; i < n; i++)
    free(all[i]);
  free(all);
  bmis_wl_content_free(c);
}

/* ---- dates of birth ---- */

static void birth_kinds(void **state) {
  (void)state;
  enum { N = 20000 };
  bmis_wl_content *c = make(BMIS_DEMO_WL_PERSONS, 17, N);
  size_t none = 0, full = 0, year = 0, range = 0, approx = 0, adult = 0;
  for (size_t i = 0; i < N; i++) {
    const bmis_wl_person *p = bmis_wl_person_at(c, i);
    if (!p->birth_count) {
      none++;
      continue;
    }
    const bmis_wl_birth *b = &p->births[0];
    approx += b->approximate;
    if (b->to_year) {
      range++;
      assert_true(b->to_year > b->date.year && b->date.month == 0);
    } else if (b->date.month == 0) {
      year++;
    } else {
      full++;
      assert_true(bmis_date_is_valid(b->date));
      adult += bmis_date_years_between(b->date, AS_OF) >= 18;
    }
  }
  /* per mille of N */
  assert_true(full * 1000 > N * 700 && full * 1000 < N * 800);
  assert_true(year * 1000 > N * 160 && year * 1000 < N * 240);
  assert_true(range * 1000 > N * 15 && range * 1000 < N * 50);
  assert_true(none * 1000 > N * 5 && none * 1000 < N * 40);
  assert_true(approx > N / 50);
  assert_int_equal(adult, full);
  bmis_wl_content_free(c);
}

/* ---- protection alerts ---- */

static void protection_alerts(void **state) {
  (void)state;
  enum { N = 10000 };
  bmis_wl_content *c = make(BMIS_DEMO_WL_PROTECTION, 19, N);
  size_t minors = 0, full = 0;
  int32_t as_of = bmis_date_to_days(AS_OF);
  for (size_t i = 0; i < N; i++) {
    const bmis_wl_person *p = bmis_wl_person_at(c, i);
    assert_int_equal(p->birth_count, 1);
    assert_int_equal(p->nationality_count, 1);
    assert_true(p->sex == 'F' || p->sex == 'M');
    bmis_date b = p->births[0].date;
    assert_true(b.year > 1985 && b.year <= AS_OF.year);
    if (b.month) {
      full++;
      int age = bmis_date_years_between(b, AS_OF);
      assert_true(age >= 0 && age <= 35);
      minors += age < 18;
      /* missing since a day between birth and the list's date */
      assert_non_null(p->remarks);
      assert_memory_equal(p->remarks, "Missing since ", 14);
      bmis_date since;
      char day[11];
      memcpy(day, p->remarks + 14, 10);
      day[10] = 0;
      assert_int_equal(bmis_date_parse_iso(day, &since, NULL), BMIS_OK);
      int32_t s = bmis_date_to_days(since);
      assert_true(s >= bmis_date_to_days(b) && s <= as_of);
    }
  }
  assert_true(full * 100 >= N * 94);
  assert_true(minors * 100 >= full * 75 && minors * 100 <= full * 85);
  bmis_wl_content_free(c);
}

/* ---- documents ---- */

static void documents(void **state) {
  (void)state;
  enum { N = 60000 };
  bmis_wl_content *c = make(BMIS_DEMO_WL_DOCUMENTS, 23, N);
  size_t by_status[5] = {0}, passports = 0;
  char **keys = malloc(N * sizeof *keys);
  assert_non_null(keys);
  int32_t as_of = bmis_date_to_days(AS_OF);
  for (size_t i = 0; i < N; i++) {
    const bmis_wl_document *d = bmis_wl_document_at(c, i);
    assert_true(d->status >= BMIS_DOC_LOST &&
                d->status <= BMIS_DOC_INVALIDATED);
    by_status[d->status]++;
    assert_true(strcmp(d->type, "P") == 0 || strcmp(d->type, "I") == 0);
    passports += d->type[0] == 'P';
    size_t len = strlen(d->number);
    assert_true(len >= 7 && len <= 39);
    for (size_t k = 0; k < len; k++)
      assert_true(isupper((unsigned char)d->number[k]) ||
                  isdigit((unsigned char)d->number[k]) || d->number[k] == '-');
    assert_true(bmis_date_is_valid(d->reported));
    int32_t r = bmis_date_to_days(d->reported);
    assert_true(r <= as_of && r > as_of - 3653);
    char key[64];
    snprintf(key, sizeof key, "%s:%s", d->state, d->number);
    keys[i] = strdup(key);
  }
  assert_true(by_status[BMIS_DOC_LOST] > by_status[BMIS_DOC_STOLEN]);
  assert_true(by_status[BMIS_DOC_STOLEN] > by_status[BMIS_DOC_REVOKED]);
  assert_true(by_status[BMIS_DOC_REVOKED] > by_status[BMIS_DOC_INVALIDATED]);
  assert_true(by_status[BMIS_DOC_INVALIDATED] > N / 100);
  assert_true(passports * 100 > N * 85 && passports < N);
  qsort(keys, N, sizeof *keys, cmp_str);
  for (size_t i = 1; i < N; i++)
    if (strcmp(keys[i], keys[i - 1]) == 0)
      fail_msg("number %s appears twice", keys[i]);
  for (size_t i = 0; i < N; i++)
    free(keys[i]);
  free(keys);
  bmis_wl_content_free(c);
}

/* German numbers: nine characters of the German set, C-K first. */
static void number_formats(void **state) {
  (void)state;
  bmis_wl_content *c = make(BMIS_DEMO_WL_DOCUMENTS, 29, 5000);
  size_t german = 0;
  for (size_t i = 0; i < 5000; i++) {
    const bmis_wl_document *d = bmis_wl_document_at(c, i);
    if (strcmp(d->state, "DEU") != 0 || d->type[0] != 'P')
      continue;
    german++;
    assert_int_equal(strlen(d->number), 9);
    assert_non_null(strchr("CFGHJK", d->number[0]));
    for (int k = 1; k < 9; k++)
      assert_non_null(strchr("CFGHJKLMNPRTVWXYZ0123456789", d->number[k]));
  }
  assert_true(german > 50);
  bmis_wl_content_free(c);
}

/* ---- options, round trip ---- */

static void rejects_bad_options(void **state) {
  (void)state;
  bmis_demo_wl_options o;
  bmis_demo_wl_options_init(&o);
  assert_int_equal(o.as_of.year, 2026);
  bmis_wl_content *c = bmis_wl_content_new();
  bmis_error err;
  o.count = 10;
  assert_int_equal(bmis_demo_watchlist(&o, c, &err), BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "kind"));
  o.kind = BMIS_DEMO_WL_PERSONS;
  o.count = 0;
  assert_int_equal(bmis_demo_watchlist(&o, c, &err), BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "count"));
  o.count = (size_t)BMIS_DEMO_WL_MAX + 1;
  assert_int_equal(bmis_demo_watchlist(&o, c, &err), BMIS_E_INVALID_ARG);
  o.count = 10;
  o.as_of = (bmis_date){2026, 2, 30};
  assert_int_equal(bmis_demo_watchlist(&o, c, &err), BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "as_of"));
  o.as_of = AS_OF;
  assert_int_equal(bmis_demo_watchlist(&o, c, &err), BMIS_OK);
  assert_int_equal(bmis_demo_watchlist(&o, c, &err), BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "not empty"));
  assert_int_equal(bmis_demo_watchlist(NULL, c, &err), BMIS_E_INVALID_ARG);
  bmis_wl_content_free(c);
  assert_int_equal(bmis_demo_wl_kind_parse("documents"),
                   BMIS_DEMO_WL_DOCUMENTS);
  assert_int_equal(bmis_demo_wl_kind_parse("people"), BMIS_DEMO_WL_NONE);
  assert_null(bmis_demo_wl_kind_code(BMIS_DEMO_WL_NONE));
}

/* The as-of date moves every date with it. */
static void as_of_date(void **state) {
  (void)state;
  bmis_demo_wl_options o;
  bmis_demo_wl_options_init(&o);
  o.kind = BMIS_DEMO_WL_PROTECTION;
  o.count = 500;
  o.as_of = (bmis_date){2001, 3, 4};
  bmis_wl_content *c = bmis_wl_content_new();
  assert_int_equal(bmis_demo_watchlist(&o, c, NULL), BMIS_OK);
  for (size_t i = 0; i < 500; i++) {
    bmis_date b = bmis_wl_person_at(c, i)->births[0].date;
    assert_true(b.year >= 1965 && b.year <= 2001);
  }
  bmis_wl_content_free(c);
}

static void json_lines_round_trip(void **state) {
  (void)state;
  for (int k = BMIS_DEMO_WL_PERSONS; k <= BMIS_DEMO_WL_DOCUMENTS; k++) {
    bmis_wl_content *c = make((bmis_demo_wl_kind)k, 31, 300);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    bmis_error err;
    assert_int_equal(bmis_wl_write_jsonl(c, f, &err), BMIS_OK);
    fclose(f);
    bmis_wl_content *back = bmis_wl_content_new();
    if (bmis_wl_read(BMIS_WL_FORMAT_JSONL, buf, len, back, &err) != BMIS_OK)
      fail_msg("read back: %s", err.message);
    assert_true(content_hash(back) == content_hash(c));
    bmis_wl_content_free(back);
    bmis_wl_content_free(c);
    free(buf);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(same_seed_same_content),
      cmocka_unit_test(other_seed_other_content),
      cmocka_unit_test(counts_and_refs),
      cmocka_unit_test(every_person_has_one_primary_name),
      cmocka_unit_test(original_script_corresponds),
      cmocka_unit_test(distinct_tokens),
      cmocka_unit_test(birth_kinds),
      cmocka_unit_test(protection_alerts),
      cmocka_unit_test(documents),
      cmocka_unit_test(number_formats),
      cmocka_unit_test(rejects_bad_options),
      cmocka_unit_test(as_of_date),
      cmocka_unit_test(json_lines_round_trip),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
