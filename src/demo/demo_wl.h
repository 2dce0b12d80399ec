/* Shared inside src/demo by the synthetic watchlist generator
 * (demo_watchlist.c): naming cultures, each with its tables and the way it
 * builds a name and its aliases (demo_wl_mena.c: Arabic, Persian, Pashto;
 * demo_wl_turkic.c; demo_wl_slavic.c: Russian, Ukrainian; demo_wl_greek.c;
 * demo_wl_western.c: Western European, Hispanic; demo_wl_africa.c;
 * demo_wl_south_asia.c; demo_wl_asia.c: Chinese, Korean, Japanese;
 * demo_wl_seasia.c), what they share (demo_wl_person.c), and document
 * number formats (demo_wl_docnum.c). */
#ifndef BMIS_DEMO_WL_H
#define BMIS_DEMO_WL_H

#include "demo_internal.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- name tables ----
 * A token pairs its usual romanisation with its form in the culture's own
 * script (NULL where the culture writes Latin letters), so the two forms of
 * a generated name always correspond. alt lists other romanisations of the
 * same name ('|'-separated: "Mohammed|Mohamed|Mohammad"); nick is a
 * nickname, diminutive or colloquial form (for weak aliases). */
typedef struct wl_tok {
  const char *lat;
  const char *orig;
  const char *alt;
  const char *nick;
} wl_tok;

/* A table sorted from the most to the least common entry, drawn with index
 * n * u^skew (u uniform in [0, 1)): skew 1 is flat, 2 and 3 give the
 * head-heavy, long-tailed frequencies of real names. */
typedef struct wl_pool {
  const wl_tok *v;
  uint32_t n;
  uint8_t skew;
} wl_pool;

#define WL_N(a) ((uint32_t)(sizeof(a) / sizeof((a)[0])))
#define WL_POOL(a, s)                                                          \
  { a, WL_N(a), s }

static inline uint32_t wl_index(demo_rng *r, uint32_t n, uint8_t skew) {
  double u = demo_unit(r), x = u;
  for (uint8_t i = 1; i < skew; i++)
    x *= u;
  uint32_t k = (uint32_t)(x * n);
  return k < n ? k : n - 1;
}

static inline const wl_tok *wl_draw(const wl_pool *p, demo_rng *r) {
  return &p->v[wl_index(r, p->n, p->skew)];
}

/* Copies src into dst[cap], cut to fit (the hot path of name building:
 * cheaper than snprintf). Returns the length written. */
static inline size_t wl_copy(char *dst, size_t cap, const char *src) {
  size_t n = strlen(src);
  if (n >= cap)
    n = cap - 1;
  memcpy(dst, src, n);
  dst[n] = 0;
  return n;
}

/* Index drawn with integer weights. */
uint32_t demo__wl_weighted(demo_rng *r, const uint16_t *w, uint32_t n);

/* ---- names ---- */

enum {
  WL_C_ARABIC,  /* Middle East and North Africa: Arabic script */
  WL_C_PERSIAN, /* Iran and Dari-speaking Afghans: Persian script */
  WL_C_PASHTO,  /* Pashtuns of Afghanistan and Pakistan */
  WL_C_RUSSIAN, /* Russia, Belarus, Kazakhstan: Cyrillic */
  WL_C_UKRAINIAN,
  WL_C_GREEK,
  WL_C_TURKISH, /* Turkey and Azerbaijan */
  WL_C_WESTERN, /* English, French, German, Dutch, Italian */
  WL_C_HISPANIC,
  WL_C_WEST_AFRICAN,
  WL_C_EAST_AFRICAN, /* Somali, Ethiopian, Eritrean, Kenyan, ... */
  WL_C_SOUTH_ASIAN,
  WL_C_CHINESE, /* Hanzi (simplified; traditional for HK and Taiwan) */
  WL_C_KOREAN,  /* Hangul */
  WL_C_JAPANESE,
  WL_C_SE_ASIAN, /* Vietnamese, Filipino, Indonesian, Malay, Thai, Burmese */
  WL_CULTURES
};

/* The script of an original-script name. */
enum {
  WL_S_LATIN,
  WL_S_ARABIC,
  WL_S_CYRILLIC,
  WL_S_GREEK,
  WL_S_HAN,
  WL_S_HANGUL,
  WL_S_KANJI,
  WL_S_THAI
};

/* What a token of a name is. */
enum { WL_GIVEN, WL_MIDDLE, WL_FATHER, WL_GRANDFATHER, WL_SURNAME, WL_EXTRA };

#define WL_MAX_TOKENS 7

typedef struct wl_ntok {
  char lat[72];
  char orig[128];   /* "" when none */
  const char *base; /* the table's romanisation when lat is another one */
  const char *alt;  /* other romanisations of lat, '|'-separated, or NULL */
  char altbuf[112]; /* made alternatives; used instead of alt when set */
  const char *nick; /* or NULL */
  uint8_t role;
} wl_ntok;

/* The alternatives of a token ('|'-separated), or NULL. */
static inline const char *wl_alts(const wl_ntok *t) {
  return t->altbuf[0] ? t->altbuf : t->alt;
}

/* A generated person's name: tokens in the order they are written in Latin
 * letters. */
typedef struct wl_name {
  uint8_t culture;
  uint8_t script;     /* of the tokens' orig forms */
  bool orig_nospace;  /* CJK: the original is written without spaces */
  bool orig_reversed; /* the original puts the surname first, the Latin
                         form does not (Japanese) */
  char sex;           /* 'F' or 'M' */
  char nat[4];        /* the nationality the name goes with */
  uint8_t style;      /* culture-specific (the sub-culture) */
  int n;
  wl_ntok t[WL_MAX_TOKENS];
  char extra[128]; /* culture-specific: Vietnamese name with diacritics */
} wl_name;

/* Adds a token (role WL_*), copying lat and orig; returns it. */
wl_ntok *demo__wl_add(wl_name *nm, uint8_t role, const char *lat,
                      const char *orig);
wl_ntok *demo__wl_add_tok(wl_name *nm, uint8_t role, const wl_tok *t);

/* One of the '|'-separated alternatives, drawn at random. */
void demo__wl_pick_alt(const char *alts, demo_rng *r, char *out, size_t cap);

/* Joins the Latin forms of the tokens with spaces; repl[i] (when repl and
 * repl[i] are not NULL) replaces token i, an empty one drops it. */
void demo__wl_join(const wl_name *nm, const char *const *repl, char *out,
                   size_t cap);

/* The form of a name a culture hook builds: the same signature for every
 * culture's maker and alias hooks. */
typedef void (*wl_make_fn)(const char *nat, char sex, bool child, demo_rng *r,
                           wl_name *out);
typedef bool (*wl_alias_fn)(const wl_name *nm, demo_rng *r, char *out,
                            size_t cap);

typedef struct wl_culture {
  wl_make_fn make;
  wl_alias_fn strong; /* NULL: token romanisations only */
  wl_alias_fn weak;   /* NULL: nicknames of tokens only */
  uint8_t script;
  uint8_t orig_pct; /* persons listed with their original-script name */
} wl_culture;

void demo__wl_make_arabic(const char *, char, bool, demo_rng *, wl_name *);
void demo__wl_make_persian(const char *, char, bool, demo_rng *, wl_name *);
void demo__wl_make_pashto(const char *, char, bool, demo_rng *, wl_name *);
void demo__wl_make_turkish(const char *, char, bool, demo_rng *, wl_name *);
bool demo__wl_strong_arabic(const wl_name *, demo_rng *, char *, size_t);
bool demo__wl_weak_arabic(const wl_name *, demo_rng *, char *, size_t);
bool demo__wl_weak_pashto(const wl_name *, demo_rng *, char *, size_t);
bool demo__wl_weak_turkish(const wl_name *, demo_rng *, char *, size_t);

void demo__wl_make_russian(const char *, char, bool, demo_rng *, wl_name *);
void demo__wl_make_ukrainian(const char *, char, bool, demo_rng *, wl_name *);
void demo__wl_make_greek(const char *, char, bool, demo_rng *, wl_name *);
void demo__wl_make_western(const char *, char, bool, demo_rng *, wl_name *);
void demo__wl_make_hispanic(const char *, char, bool, demo_rng *, wl_name *);
bool demo__wl_strong_slavic(const wl_name *, demo_rng *, char *, size_t);
bool demo__wl_strong_hispanic(const wl_name *, demo_rng *, char *, size_t);
bool demo__wl_weak_hispanic(const wl_name *, demo_rng *, char *, size_t);

void demo__wl_make_west_african(const char *, char, bool, demo_rng *,
                                wl_name *);
void demo__wl_make_east_african(const char *, char, bool, demo_rng *,
                                wl_name *);
void demo__wl_make_south_asian(const char *, char, bool, demo_rng *, wl_name *);
bool demo__wl_weak_african(const wl_name *, demo_rng *, char *, size_t);
bool demo__wl_weak_south_asian(const wl_name *, demo_rng *, char *, size_t);

void demo__wl_make_chinese(const char *, char, bool, demo_rng *, wl_name *);
void demo__wl_make_korean(const char *, char, bool, demo_rng *, wl_name *);
void demo__wl_make_japanese(const char *, char, bool, demo_rng *, wl_name *);
void demo__wl_make_se_asian(const char *, char, bool, demo_rng *, wl_name *);
bool demo__wl_strong_cjk(const wl_name *, demo_rng *, char *, size_t);
bool demo__wl_weak_cjk(const wl_name *, demo_rng *, char *, size_t);
bool demo__wl_strong_se_asian(const wl_name *, demo_rng *, char *, size_t);
bool demo__wl_weak_se_asian(const wl_name *, demo_rng *, char *, size_t);

extern const wl_culture demo__wl_cultures[WL_CULTURES];

/* Draws a culture for a kind of list (bmis_demo_wl_kind). */
int demo__wl_culture(int kind, demo_rng *r);

/* Draws a nationality of a culture. */
const char *demo__wl_nationality(int culture, demo_rng *r);

/* Draws a full name of a culture and nationality, for sex 'F' or 'M'. */
void demo__wl_make_name(int culture, const char *nat, char sex, bool child,
                        demo_rng *r, wl_name *out);

/* The name in Latin letters, and in its original script (false when it has
 * none). */
void demo__wl_latin(const wl_name *nm, char *out, size_t cap);
bool demo__wl_original(const wl_name *nm, char *out, size_t cap);

/* A strong alias (another romanisation or writing of the same name) or a
 * weak one (a nickname, kunya, nom de guerre). False when none could be
 * made. */
bool demo__wl_strong_alias(const wl_name *nm, demo_rng *r, char *out,
                           size_t cap);
bool demo__wl_weak_alias(const wl_name *nm, demo_rng *r, char *out, size_t cap);

/* A city of a country (places of birth, remarks); NULL when none is known. */
const char *demo__wl_city(const char *nat, demo_rng *r, char *buf, size_t cap);

/* ---- document numbers (demo_wl_docnum.c) ---- */

/* How many numbers a '|'-separated list of formats can make: '#' a digit,
 * '&' a digit 1-9, '@' a letter other than I and O, '*' a letter (not I or
 * O) or digit, '%' a character of German document numbers; anything else
 * stands for itself. */
uint64_t demo__wl_format_space(const char *formats);

/* Writes the number with index k (below the space) of a list of formats;
 * distinct indices give distinct numbers when the formats cannot make the
 * same text. */
void demo__wl_format_number(const char *formats, uint64_t k, char *out,
                            size_t cap);

/* A keyed permutation of [0, n) (n >= 1). */
uint64_t demo__wl_permute(uint64_t k, uint64_t n, uint64_t key);

/* An issuing State of documents and the formats of its numbers. */
typedef struct wl_doc_state {
  const char *code;
  uint16_t weight;  /* share of reported documents */
  const char *pass; /* passport number formats */
  const char *card; /* identity card formats, or NULL */
} wl_doc_state;

extern const wl_doc_state demo__wl_doc_states[];
extern const size_t demo__wl_doc_state_count;

/* The table row of a State, or NULL. */
const wl_doc_state *demo__wl_doc_state(const char *code);

#endif
