/* Names into Latin forms and tokens (see name.h).
 *
 * Forms: an ASCII name is its own only form. Otherwise ICU's "Any-Latin;
 * Latin-ASCII" gives the general form; Cyrillic names also get the
 * BGN/PCGN romanisation (ZH, KH, SHCH, YU: what most lists print), and every
 * name the ICAO tables cover gets the ICAO Doc 9303 spelling (what the
 * passport's MRZ carries: Ü as UE, Ж as ZH). ICU transliterators are costly
 * to open and not safe to share between threads, so they are kept in a
 * small pool: a caller takes one, uses it and puts it back. */
#include "screen/name.h"

#include "bmis/doc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#define UNITS_MAX 1024

enum { TR_GENERAL, TR_BGN, TR_KINDS };
static const char *const tr_ids[TR_KINDS] = {
    "Any-Latin; Latin-ASCII",
    "Russian-Latin/BGN; Any-Latin; Latin-ASCII",
};

#define POOL_MAX 16
static struct {
  pthread_mutex_t lock;
  UTransliterator *free_tr[TR_KINDS][POOL_MAX];
  int nfree[TR_KINDS];
} pool = {.lock = PTHREAD_MUTEX_INITIALIZER};

static UTransliterator *tr_take(int kind) {
  pthread_mutex_lock(&pool.lock);
  UTransliterator *t =
      pool.nfree[kind] > 0 ? pool.free_tr[kind][--pool.nfree[kind]] : NULL;
  pthread_mutex_unlock(&pool.lock);
  if (t)
    return t;
  UChar id[128];
  int32_t n = 0;
  UErrorCode ec = U_ZERO_ERROR;
  u_strFromUTF8(id, 128, &n, tr_ids[kind], -1, &ec);
  t = U_SUCCESS(ec) ? utrans_openU(id, n, UTRANS_FORWARD, NULL, 0, NULL, &ec)
                    : NULL;
  return U_SUCCESS(ec) ? t : NULL;
}

static void tr_give(int kind, UTransliterator *t) {
  pthread_mutex_lock(&pool.lock);
  if (pool.nfree[kind] < POOL_MAX) {
    pool.free_tr[kind][pool.nfree[kind]++] = t;
    t = NULL;
  }
  pthread_mutex_unlock(&pool.lock);
  if (t)
    utrans_close(t);
}

static bool is_letter(unsigned c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* A digit next to a letter is a misread letter in a name (I9OR, SECH1N). */
static bool letter_near(const unsigned char *p, const char *start) {
  return is_letter(p[1]) ||
         (p > (const unsigned char *)start && is_letter(p[-1]));
}

/* Appends the tokens of ASCII-ish text to form: letters and digits are
 * kept (upper-cased), apostrophes and non-ASCII leftovers (ʿ, combining
 * marks) are dropped inside a token, anything else separates tokens. */
static void ascii_form(const char *in, char *form) {
  size_t len = 0, toklen = 0, ntok = 0;
  for (const unsigned char *p = (const unsigned char *)in; *p; p++) {
    unsigned c = *p;
    bool keep = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                (c >= 'a' && c <= 'z');
    bool drop = c == '\'' || c == '`' || c >= 0x80;
    if (keep) {
      if (c >= '0' && c <= '9' && letter_near(p, in)) {
        static const char look[] = "OIZEASGTBG"; /* 0-9 read as letters */
        c = (unsigned char)look[c - '0'];
      }
      if (toklen == 0) {
        if (ntok == BMIS__TOKENS_MAX)
          break;
        if (ntok > 0 && len + 1 < BMIS__FORM_SIZE)
          form[len++] = ' ';
        ntok++;
      }
      if (toklen < BMIS__TOKEN_SIZE - 1 && len + 1 < BMIS__FORM_SIZE) {
        form[len++] = (char)(c >= 'a' ? c - 32 : c);
        toklen++;
      }
    } else if (!drop) {
      toklen = 0;
    }
  }
  form[len] = 0;
}

static bool is_ascii(const char *s) {
  for (; *s; s++)
    if ((unsigned char)*s >= 0x80)
      return false;
  return true;
}

static bool has_cyrillic(const UChar *u, int32_t n) {
  for (int32_t i = 0; i < n; i++)
    if (u[i] >= 0x0400 && u[i] <= 0x052F)
      return true;
  return false;
}

/* Korean names are written without spaces (김정은); passports split them
 * by syllable or by surname and given name (KIM JONG UN). A space between
 * Hangul syllables gives tokens that can pair either way (joined tokens). */
static int32_t split_hangul(UChar *u, int32_t n, int32_t cap) {
  UChar tmp[UNITS_MAX / 2];
  int32_t k = 0;
  for (int32_t i = 0; i < n && k < cap - 1; i++) {
    bool syl = u[i] >= 0xAC00 && u[i] <= 0xD7A3;
    if (syl && i > 0 && u[i - 1] >= 0xAC00 && u[i - 1] <= 0xD7A3)
      tmp[k++] = ' ';
    if (k < cap - 1)
      tmp[k++] = u[i];
  }
  memcpy(u, tmp, (size_t)k * sizeof *u);
  return k;
}

static void add_form(bmis__forms *out, const char *form) {
  if (!form[0] || out->count == BMIS__FORMS_MAX)
    return;
  for (size_t i = 0; i < out->count; i++)
    if (strcmp(out->form[i], form) == 0)
      return;
  memcpy(out->form[out->count++], form, strlen(form) + 1);
}

/* Transliterates u (n units) with transliterator kind into an ASCII form. */
static bool icu_form(int kind, const UChar *u, int32_t n, char *form) {
  UTransliterator *t = tr_take(kind);
  if (!t)
    return false;
  UChar buf[UNITS_MAX];
  memcpy(buf, u, (size_t)n * sizeof *u);
  int32_t len = n, limit = n;
  UErrorCode ec = U_ZERO_ERROR;
  utrans_transUChars(t, buf, &len, UNITS_MAX, 0, &limit, &ec);
  tr_give(kind, t);
  char utf8[UNITS_MAX * 3];
  int32_t n8 = 0;
  if (U_SUCCESS(ec))
    u_strToUTF8(utf8, (int32_t)sizeof utf8, &n8, buf, len, &ec);
  if (U_FAILURE(ec))
    return false;
  ascii_form(utf8, form);
  return true;
}

bmis_status bmis__name_forms(const char *utf8, bmis__forms *out,
                             bmis_error *err) {
  out->count = 0;
  char form[BMIS__FORM_SIZE];
  if (is_ascii(utf8)) {
    ascii_form(utf8, form);
    add_form(out, form);
  } else {
    UChar u[UNITS_MAX / 2];
    int32_t n = 0;
    UErrorCode ec = U_ZERO_ERROR;
    u_strFromUTF8(u, UNITS_MAX / 2, &n, utf8, -1, &ec);
    if (ec == U_INVALID_CHAR_FOUND || ec == U_ILLEGAL_CHAR_FOUND)
      return bmis_error_set(err, BMIS_E_PARSE, "name is not valid UTF-8");
    if (U_FAILURE(ec) || n >= UNITS_MAX / 2)
      return bmis_error_set(err, BMIS_E_TOO_LARGE, "name is too long");
    n = split_hangul(u, n, UNITS_MAX / 2);
    if (!icu_form(TR_GENERAL, u, n, form))
      return bmis_error_set(err, BMIS_E_INTERNAL,
                            "ICU transliteration is not available");
    add_form(out, form);
    if (has_cyrillic(u, n) && icu_form(TR_BGN, u, n, form))
      add_form(out, form);
    char mrz[BMIS__FORM_SIZE];
    if (bmis_mrz_transliterate(utf8, mrz, sizeof mrz, NULL) == BMIS_OK) {
      ascii_form(mrz, form); /* '<' fillers separate tokens */
      add_form(out, form);
    }
  }
  if (out->count == 0)
    return bmis_error_set(err, BMIS_E_PARSE, "name has no letters");
  return BMIS_OK;
}

/* ---- tokens ---- */

/* Name parts that weigh little: particles and titles say nothing about who
 * a person is; very common given names and surnames say little. Kept short
 * on purpose (the common list covers the names that dominate the lists we
 * screen against and the populations crossing); sorted for bsearch. */
static const char *const particles[] = {
    "ABI", "ABU", "AL",   "AP",  "BEN", "BIN",  "BINT", "BINTI", "BN",
    "DA",  "DAS", "DE",   "DEL", "DER", "DI",   "DOS",  "DU",    "EL",
    "IBN", "JR",  "KYZY", "LA",  "LE",  "OGLU", "OULD", "SR",    "UD",
    "UL",  "UM",  "UMM",  "VAN", "VON", "Y",    "ZU"};
static const char *const titles[] = {
    "COL",    "DR",     "GEN",     "HADJ",    "HADJI",  "HAJ",     "HAJI",
    "HAJJI",  "IMAM",   "MAULANA", "MAULAVI", "MAULVI", "MAWLAVI", "MAWLAWI",
    "MOLLAH", "MOLVI",  "MR",      "MRS",     "MS",     "MULLA",   "MULLAH",
    "PROF",   "QARI",   "SAYED",   "SAYYED",  "SAYYID", "SHAIKH",  "SHAYKH",
    "SHEIK",  "SHEIKH", "SYED"};
static const char *const common[] = {
    "ABDUL",   "ABDULLAH", "AHMAD",    "AHMED",    "ALI",      "ANDERSON",
    "CHEN",    "CHOE",     "CHOI",     "GARCIA",   "HASAN",    "HASSAN",
    "HUSSAIN", "HUSSEIN",  "IBRAHIM",  "JOHN",     "JONES",    "KHAN",
    "KIM",     "LEE",      "LI",       "LIU",      "MAHMOUD",  "MARIA",
    "MARTIN",  "MOHAMED",  "MOHAMMAD", "MOHAMMED", "MUHAMMAD", "MUHAMMED",
    "NGUYEN",  "OMAR",     "PAK",      "PARK",     "RI",       "SINGH",
    "SMITH",   "WANG",     "WILLIAMS", "YANG",     "ZHANG"};

static int cmp_str(const void *a, const void *b) {
  return strcmp((const char *)a, *(const char *const *)b);
}
static bool in(const char *s, const char *const *list, size_t n) {
  return bsearch(s, list, n, sizeof *list, cmp_str) != NULL;
}
#define IN(s, list) in(s, list, sizeof list / sizeof list[0])

static bool vowel(char c) {
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y' ||
         c == 'W';
}

/* The consonant skeleton: what survives the usual romanisation differences
 * (vowels, W/Y, doubled letters, a final H, PH/F, Q/K, C/K, GH/KH/TH/SH/DH
 * digraphs, DJ/DZH/ZH/J). MUHAMMAD, MOHAMED and محمد (ICU: MHMD) all become
 * MHMD. Digits are kept. */
size_t bmis__skeleton(const char *s, size_t n, char *out) {
  char tmp[BMIS__TOKEN_SIZE * 3];
  size_t m = 0;
  for (size_t i = 0; i < n && m < sizeof tmp - 1; i++) {
    char c = s[i], d = i + 1 < n ? s[i + 1] : 0;
    if ((c == 'D' && d == 'J') ||
        (c == 'D' && d == 'Z' && i + 2 < n && s[i + 2] == 'H')) {
      tmp[m++] = 'J';
      i += c == 'D' && d == 'Z' ? 2 : 1;
      continue;
    }
    if (d == 'H' && (c == 'P' || c == 'G' || c == 'K' || c == 'T' || c == 'S' ||
                     c == 'D' || c == 'Z' || c == 'C')) {
      static const char from[] = "PGKTSDZC", to[] = "FKKTSDJS";
      tmp[m++] = to[strchr(from, c) - from];
      i++;
      continue;
    }
    if (c == 'Q' || c == 'C' || c == 'G')
      c = 'K';
    else if (c == 'V')
      c = 'F';
    else if (c == 'Z')
      c = 'S';
    tmp[m++] = c;
  }
  size_t k = 0;
  for (size_t i = 0; i < m; i++) {
    char c = tmp[i];
    if (vowel(c))
      continue;
    if (k > 0 && out[k - 1] == c)
      continue;
    out[k++] = c;
  }
  if (k > 1 && out[k - 1] == 'H')
    k--;
  out[k] = 0;
  return k;
}

static bool ends_with(const char *s, size_t len, const char *suffix) {
  size_t n = strlen(suffix);
  return len > n + 2 && memcmp(s + len - n, suffix, n) == 0;
}

/* Russian-style patronymics (IVANOVICH, PETROVNA) and Turkic ones (OGLU,
 * KYZY are separate tokens and listed as particles). */
static bool is_patronymic(const char *s, size_t len) {
  static const char *const suffixes[] = {"OVICH", "EVICH", "OVYCH", "EVYCH",
                                         "OVNA",  "EVNA",  "IVNA",  "ICH"};
  for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
    if (ends_with(s, len, suffixes[i]))
      return true;
  return false;
}

void bmis__tok_init(bmis__tok *t, const char *s, size_t len) {
  if (len > BMIS__TOKEN_SIZE - 1)
    len = BMIS__TOKEN_SIZE - 1;
  memcpy(t->s, s, len);
  t->s[len] = 0;
  t->len = (uint8_t)len;
  t->skel_len = (uint8_t)bmis__skeleton(t->s, len, t->skel);
  t->letters = bmis__letter_bits(t->s, len);
  const uint32_t vowels = 1u << ('A' - 'A') | 1u << ('E' - 'A') |
                          1u << ('I' - 'A') | 1u << ('O' - 'A') |
                          1u << ('U' - 'A');
  t->vowelless = len > 1 && !(t->letters & vowels);
  t->lineage = strcmp(t->s, "BIN") == 0 || strcmp(t->s, "BEN") == 0 ||
               strcmp(t->s, "IBN") == 0 || strcmp(t->s, "BINT") == 0 ||
               strcmp(t->s, "OULD") == 0;
  if (len == 1) {
    t->kind = BMIS__TOK_INITIAL;
    t->w = 0.35f;
  } else if (IN(t->s, particles)) {
    t->kind = BMIS__TOK_PARTICLE;
    t->w = 0.2f;
  } else if (IN(t->s, titles)) {
    t->kind = BMIS__TOK_TITLE;
    t->w = 0.25f;
  } else if (IN(t->s, common)) {
    t->kind = BMIS__TOK_COMMON;
    t->w = 0.6f;
  } else if (is_patronymic(t->s, len)) {
    /* often left out of passports (Russian MRZs carry none) */
    t->kind = BMIS__TOK_COMMON;
    t->w = 0.4f;
  } else {
    t->kind = BMIS__TOK_NAME;
    t->w = 1.0f;
  }
}

size_t bmis__form_tokens(const char *form, bmis__tok *out, size_t cap) {
  size_t n = 0;
  const char *p = form;
  while (*p && n < cap) {
    while (*p == ' ')
      p++;
    const char *start = p;
    while (*p && *p != ' ')
      p++;
    if (p > start)
      bmis__tok_init(&out[n++], start, (size_t)(p - start));
  }
  return n;
}
