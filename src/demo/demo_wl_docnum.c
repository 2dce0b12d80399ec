/* Document numbers for synthetic lost, stolen, revoked and invalidated
 * documents: the formats States use for passport and identity card numbers
 * (9 digits in Britain, C01X00T47 in Germany, E + 8 digits or E + letter +
 * 7 digits in China, 2 letters + 7 digits in Italy, ...), as far as they
 * can be told from specimens and public descriptions; not a reference.
 *
 * A State's numbers are made from an index by a keyed permutation, so the
 * k-th document of a State in a list has a number no other document of that
 * State has, without the generator keeping any of them. */
#include "demo_wl.h"

#include <string.h>

static const char german[] = "CFGHJKLMNPRTVWXYZ0123456789";
static const char letters[] = "ABCDEFGHJKLMNPQRSTUVWXYZ"; /* no I, O */
static const char alnum[] = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

static uint64_t radix(char c) {
  switch (c) {
  case '#': return 10;
  case '&': return 9;
  case '@': return sizeof letters - 1;
  case '*': return sizeof alnum - 1;
  case '%': return sizeof german - 1;
  default: return 1;
  }
}

static char symbol(char c, uint64_t d) {
  switch (c) {
  case '#': return (char)('0' + d);
  case '&': return (char)('1' + d);
  case '@': return letters[d];
  case '*': return alnum[d];
  case '%': return german[d];
  default: return c;
  }
}

/* The space of one format (len characters). */
static uint64_t space_of(const char *f, size_t len) {
  uint64_t s = 1;
  for (size_t i = 0; i < len; i++)
    s *= radix(f[i]);
  return s;
}

uint64_t demo__wl_format_space(const char *formats) {
  uint64_t total = 0;
  for (const char *f = formats; f && *f;) {
    const char *bar = strchr(f, '|');
    size_t len = bar ? (size_t)(bar - f) : strlen(f);
    total += space_of(f, len);
    f = bar ? bar + 1 : f + len;
  }
  return total;
}

void demo__wl_format_number(const char *formats, uint64_t k, char *out,
                            size_t cap) {
  for (const char *f = formats; f && *f;) {
    const char *bar = strchr(f, '|');
    size_t len = bar ? (size_t)(bar - f) : strlen(f);
    uint64_t s = space_of(f, len);
    if (k < s || !bar) {
      if (len >= cap)
        len = cap - 1;
      for (size_t i = len; i-- > 0;) {
        uint64_t rdx = radix(f[i]);
        out[i] = symbol(f[i], k % rdx);
        k /= rdx;
      }
      out[len] = 0;
      return;
    }
    k -= s;
    f = bar + 1;
  }
  out[0] = 0;
}

uint64_t demo__wl_permute(uint64_t k, uint64_t n, uint64_t key) {
  if (n <= 1)
    return 0;
  unsigned bits = 2;
  while (bits < 64 && (n - 1) >> bits)
    bits++;
  if (bits & 1)
    bits++;
  unsigned h = bits / 2;
  uint64_t mask = (h == 64 ? ~0ull : (1ull << h) - 1);
  uint64_t x = k;
  do {
    uint64_t l = x >> h, r = x & mask;
    for (uint64_t round = 0; round < 4; round++) {
      uint64_t f = demo_fmix(r ^ (key + round * 0x9e3779b97f4a7c15u)) & mask;
      uint64_t t = r;
      r = l ^ f;
      l = t;
    }
    x = (l << h) | r;
  } while (x >= n); /* cycle-walking: a permutation of [0, n) */
  return x;
}

/* Formats: '#' digit, '&' digit 1-9, '@' letter but I and O, '*' either,
 * '%' German document characters; others stand for themselves. A State's
 * formats never make the same text, its card formats none of its passport
 * numbers. Weights: rough shares of reported documents. */
const wl_doc_state demo__wl_doc_states[] = {
    {"AFG", 10, "P########", NULL},
    {"ARE", 6, "@#######", "784-####-#######-#"},
    {"ARG", 8, "@@@######", NULL},
    {"AUS", 8, "@@#######|@#######", NULL},
    {"AUT", 6, "@#######", "########"},
    {"AZE", 5, "C########", NULL},
    {"BEL", 8, "@@######", "############"},
    {"BGD", 12, "@########", NULL},
    {"BRA", 20, "@@######", NULL},
    {"CAN", 15, "@@######", NULL},
    {"CHE", 6, "X#######", "C#######"},
    {"CHN", 70, "E########|E@#######|G########", NULL},
    {"CMR", 4, "&#######", NULL},
    {"COL", 15, "@@######", NULL},
    {"CZE", 5, "########", "#########"},
    {"DEU", 45, "C%%%%%%%%|F%%%%%%%%|G%%%%%%%%|H%%%%%%%%|J%%%%%%%%|K%%%%%%%%",
     "L%%%%%%%%|T%%%%%%%%"},
    {"DOM", 5, "@@#######", NULL},
    {"DZA", 8, "#########", NULL},
    {"EGY", 15, "@########", NULL},
    {"ESP", 35, "@@@######", "########@"},
    {"ETH", 6, "EP#######", NULL},
    {"FRA", 50, "##@@#####", "############|@********"},
    {"GBR", 55, "&########", NULL},
    {"GHA", 5, "G#######", NULL},
    {"GRC", 8, "@@#######", "@@######"},
    {"HUN", 5, "@@#######", "######@@"},
    {"IDN", 15, "@#######", NULL},
    {"IND", 60, "@#######", NULL},
    {"IRN", 12, "@########", NULL},
    {"IRQ", 12, "@########", NULL},
    {"ITA", 35, "@@#######", "CA#####@@"},
    {"JOR", 5, "@######", NULL},
    {"JPN", 20, "@@#######", NULL},
    {"KAZ", 5, "N########", NULL},
    {"KEN", 6, "@@#######", NULL},
    {"KOR", 20, "M########|M###@####", NULL},
    {"LBN", 5, "LR######", NULL},
    {"LKA", 5, "N#######", NULL},
    {"MAR", 10, "@@#######", "@@######"},
    {"MEX", 20, "@########", NULL},
    {"MYS", 8, "@########", NULL},
    {"NGA", 15, "@########", NULL},
    {"NLD", 12, "@@******#", "I@******#"},
    {"NPL", 4, "&#######", NULL},
    {"PAK", 15, "@@#######", NULL},
    {"PER", 5, "#########", NULL},
    {"PHL", 20, "@#######@|@@#######", NULL},
    {"POL", 15, "@@#######", "@@@######"},
    {"PRT", 8, "@######", "########"},
    {"ROU", 10, "########", "@@######"},
    {"RUS", 30, "##&######", "##########"},
    {"SAU", 8, "@#######", NULL},
    {"SEN", 4, "A########", NULL},
    {"SOM", 4, "P########", NULL},
    {"SWE", 8, "########", NULL},
    {"SYR", 10, "&########", NULL},
    {"THA", 10, "@@######", NULL},
    {"TUN", 5, "@######", NULL},
    {"TUR", 20, "U########", "@##@#####"},
    {"UKR", 20, "@@######", "#########"},
    {"USA", 90, "&########|@########", NULL},
    {"VEN", 8, "#########", NULL},
    {"VNM", 12, "@#######", NULL},
    {"YEM", 5, "&#######", NULL},
    {"ZAF", 8, "@########", NULL},
};
const size_t demo__wl_doc_state_count = WL_N(demo__wl_doc_states);

const wl_doc_state *demo__wl_doc_state(const char *code) {
  size_t lo = 0, hi = demo__wl_doc_state_count;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(demo__wl_doc_states[mid].code, code);
    if (c == 0)
      return &demo__wl_doc_states[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}
