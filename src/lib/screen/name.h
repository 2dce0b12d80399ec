/* Internal: names as the screening scorer sees them.
 *
 * A name (in any script) becomes up to BMIS__FORMS_MAX Latin "forms": ICU's
 * general transliteration to ASCII, the ICAO Doc 9303 spelling a passport
 * would carry, and for Cyrillic the BGN/PCGN romanisation most lists use.
 * Each form is a sequence of tokens of upper-case ASCII letters and digits.
 * Each token carries what comparison needs: its consonant skeleton (the
 * letters that survive most romanisations) and its weight in a name. */
#ifndef BMIS_SCREEN_NAME_H
#define BMIS_SCREEN_NAME_H

#include "bmis/screen.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BMIS__FORMS_MAX 3
#define BMIS__FORM_SIZE 256 /* a form's text: tokens separated by spaces */
#define BMIS__TOKENS_MAX 16 /* tokens per form */
#define BMIS__TOKEN_SIZE 32 /* bytes per token, with the NUL */

typedef struct bmis__forms {
  size_t count;
  char form[BMIS__FORMS_MAX][BMIS__FORM_SIZE];
} bmis__forms;

/* The Latin forms of a UTF-8 name, distinct, the general one first.
 * BMIS_E_PARSE when the name is not valid UTF-8 or has no letters. */
bmis_status bmis__name_forms(const char *utf8, bmis__forms *out,
                             bmis_error *err);

/* What a token is for weighting. */
typedef enum bmis__tok_kind {
  BMIS__TOK_NAME,     /* an ordinary name part */
  BMIS__TOK_COMMON,   /* a very common name part (MUHAMMAD, KIM, WANG) */
  BMIS__TOK_PARTICLE, /* AL, BIN, VAN, DE ... */
  BMIS__TOK_TITLE,    /* DR, HAJI, SHEIKH ... */
  BMIS__TOK_INITIAL   /* a single letter */
} bmis__tok_kind;

typedef struct bmis__tok {
  char s[BMIS__TOKEN_SIZE];
  char skel[BMIS__TOKEN_SIZE]; /* consonant skeleton, see name.c */
  uint8_t len, skel_len;
  uint8_t kind;     /* bmis__tok_kind */
  bool lineage;     /* BIN, BEN, IBN, BINT, OULD: a father's name follows */
  uint32_t letters; /* bit per letter present (digits share bit 26+) */
  bool vowelless;   /* no A E I O U: romanised from an abjad (Arabic MHMD) */
  float w;          /* weight in the name score */
} bmis__tok;

/* Fills t for the token text s (upper-case ASCII letters/digits, cut at
 * BMIS__TOKEN_SIZE - 1). */
void bmis__tok_init(bmis__tok *t, const char *s, size_t len);

/* The consonant skeleton of s (n letters) into out, which must hold n + 1
 * bytes; returns its length. */
size_t bmis__skeleton(const char *s, size_t n, char *out);

/* The letters-present bit set of s (n characters). */
static inline uint32_t bmis__letter_bits(const char *s, size_t n) {
  uint32_t b = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned c = (unsigned char)s[i];
    b |= c >= 'A' && c <= 'Z' ? 1u << (c - 'A') : 1u << (26 + c % 6);
  }
  return b;
}

/* Splits a form into tokens (at most BMIS__TOKENS_MAX); returns the count. */
size_t bmis__form_tokens(const char *form, bmis__tok *out, size_t cap);

/* Similarity of two tokens in 0-1 and how they matched (EXACT, SPELLING,
 * TYPO or INITIAL; 0 similarity when they do not). */
float bmis__tok_sim(const bmis__tok *a, const bmis__tok *b,
                    bmis_token_match *how);

/* The name score of a presented name against a listed one (token pointers,
 * order free). When hit is not NULL, its tokens[] and token_count are filled
 * with the explanation. */
double bmis__name_score(const bmis__tok *const *listed, size_t nl,
                        const bmis__tok *const *presented, size_t np,
                        bmis_hit *hit);

/* What a listed person's details add to or take from a name score: birth,
 * nationality and sex compared with the presented ones. Appends factors to
 * hit (when not NULL: words them) and returns the sum of their deltas. */
typedef struct bmis__person_facts {
  const bmis_wl_birth *births;
  size_t birth_count;
  const char (*nationalities)[4];
  size_t nationality_count;
  char sex;
} bmis__person_facts;
double bmis__facts_delta(const bmis__person_facts *listed,
                         const bmis_screen_query *q, bmis_hit *hit);

/* What matching a weak (low-quality) alias takes from a score. */
#define BMIS__WEAK_ALIAS_DELTA -0.05

/* The gate: a listed form's facts in one word (birth years spanned, sex,
 * weak alias), kept beside each posting so that candidate generation can
 * pass over, without reading the entry, a person whose facts alone put a
 * hit out of reach whatever the name. */
uint32_t bmis__facts_gate(const bmis__person_facts *listed, bool weak_alias);

/* What a query lets through the gate: bmis__gate_prepare for a query and
 * the lowest score that may become a hit (on any list), then
 * bmis__gate_pass per posting. Conservative: a form it stops could not have
 * become a hit with a perfect name score. */
typedef struct bmis__gate_query {
  int year;          /* presented birth year, 1800 = 1; 0: none */
  unsigned sex;      /* 1 M, 2 F, 0 unknown */
  double lowest;     /* the lowest score that may become a hit */
  double base[2][2]; /* [sex conflict][weak]: the most nationality, sex and
                        alias may add */
  double birth[6];   /* the most a birth d years off may add (5: more) */
  bool open;         /* every form passes (no fact can exclude): a shortcut
                        for the walk, derived from the above */
} bmis__gate_query;
void bmis__gate_prepare(bmis__gate_query *g, const bmis_screen_query *q,
                        double lowest_hit);

/* The most the facts behind a gate may add to a name score. */
static inline double bmis__gate_lift(const bmis__gate_query *g, uint32_t gate) {
  unsigned gsex = (gate >> 16) & 3u, weak = (gate >> 18) & 1u;
  unsigned conflict = g->sex && gsex && gsex != g->sex;
  int lo = (int)(gate & 255u), hi = (int)((gate >> 8) & 255u);
  double lift = g->base[conflict][weak];
  if (g->year && lo) {
    int d = g->year < lo ? lo - g->year : g->year > hi ? g->year - hi : 0;
    lift += g->birth[d < 5 ? d : 5];
  }
  return lift;
}

/* Whether a form behind gate could become a hit with a perfect name. */
static inline bool bmis__gate_pass(const bmis__gate_query *g, uint32_t gate) {
  return g->open || 1 + bmis__gate_lift(g, gate) >= g->lowest;
}

/* The lowest token similarity that counts as a match. */
#define BMIS__TOK_MATCH_MIN 0.70f

#endif
