/* Deterministic MRZ inputs for bench_mrz and peer.js: documents made with
 * bmis_doc_make (so every check digit is right unless we spoil it on
 * purpose), written as MRZs separated by blank lines, the format that
 * `bmis doc check` also reads.
 *
 *   bench_mrz_gen_inputs td3 N SEED FILE   N valid TD3 passports
 *   bench_mrz_gen_inputs mix N SEED FILE   80% TD3, 10% TD1, 10% TD2;
 *                                           10% of all with one bad check
 *                                           digit
 *
 * Every value is drawn from a seeded PRNG, so the same arguments always
 * give the same bytes. Nationalities are real codes that both parsers know
 * (no UTO: the npm `mrz` package rejects it), sexes are M, F or '<' (npm
 * `mrz` rejects X), and expiry dates lie after BENCH_AS_OF (bench_mrz.c
 * judges as of the same date) so the TD3 file is 100% valid. TD2 documents
 * are never French (see make_one). */
#include "bmis/doc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Documents are judged as of this date (bench_mrz uses the same). */
#define BENCH_AS_OF_YEAR 2025
#define BENCH_AS_OF_MONTH 6
#define BENCH_AS_OF_DAY 1

static uint64_t rng_state;

/* splitmix64: small, fast, and identical on every platform. */
static uint64_t rng_next(void) {
  uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return z ^ (z >> 31);
}

/* Uniform integer in [0, n). The modulo bias is irrelevant here. */
static int rng_below(int n) {
  return (int)(rng_next() % (uint64_t)n);
}

static int rng_range(int lo, int hi) {
  return lo + rng_below(hi - lo + 1);
}

static const char *const nationalities[] = {
    "ARG", "AUS", "AUT", "BEL", "BRA", "CAN", "CHE", "CHN", "D",   "EGY",
    "ESP", "FRA", "GBR", "IND", "IRL", "ITA", "JPN", "KEN", "KOR", "MEX",
    "NGA", "NLD", "NOR", "NZL", "POL", "PRT", "SWE", "TUR", "USA", "ZAF"};

static const char *const syllables[] = {
    "AN", "BER", "CA", "DO", "EL", "FI", "GAR", "HA",  "IN", "JO",
    "KO", "LA",  "MA", "NO", "OR", "PE", "QUI", "RO",  "SA", "TI",
    "U",  "VAN", "WE", "XI", "YA", "ZO", "LI",  "MAR", "EN", "SON"};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* A random name of `parts` words of 1-4 syllables, separated by spaces
 * (bmis_doc_make turns them into fillers). */
static void random_name(char *out, size_t cap, int parts) {
  size_t n = 0;
  out[0] = '\0';
  for (int p = 0; p < parts; p++) {
    if (p > 0 && n + 1 < cap)
      out[n++] = ' ';
    int ns = rng_range(1, 4);
    for (int s = 0; s < ns; s++) {
      const char *syl = syllables[rng_below(COUNT(syllables))];
      size_t l = strlen(syl);
      if (n + l + 1 >= cap)
        break;
      memcpy(out + n, syl, l);
      n += l;
    }
  }
  out[n] = '\0';
}

/* Letters and digits, `len` characters. */
static void random_alnum(char *out, int len, int letters) {
  for (int i = 0; i < len; i++)
    out[i] =
        i < letters ? (char)('A' + rng_below(26)) : (char)('0' + rng_below(10));
  out[len] = '\0';
}

static bmis_date random_date(int year_lo, int year_hi) {
  bmis_date d;
  d.year = (int16_t)rng_range(year_lo, year_hi);
  d.month = (int8_t)rng_range(1, 12);
  d.day = (int8_t)rng_range(1, bmis_date_days_in_month(d.year, d.month));
  return d;
}

/* Changes one check digit of the MRZ in `text` to another digit. The
 * positions are those of ICAO Doc 9303 Parts 4-6 (0-based). */
static void spoil_check_digit(char *text, bmis_doc_format format) {
  static const int td3[][2] = {{1, 9}, {1, 19}, {1, 27}, {1, 43}};
  static const int td2[][2] = {{1, 9}, {1, 19}, {1, 27}, {1, 35}};
  static const int td1[][2] = {{0, 14}, {1, 6}, {1, 14}, {1, 29}};
  const int(*pos)[2] = format == BMIS_DOC_TD3   ? td3
                       : format == BMIS_DOC_TD2 ? td2
                                                : td1;
  int line_len = format == BMIS_DOC_TD3 ? 44 : format == BMIS_DOC_TD2 ? 36 : 30;
  int k = rng_below(4);
  char *c = text + pos[k][0] * (line_len + 1) + pos[k][1];
  if (*c >= '0' && *c <= '9')
    *c = (char)('0' + (*c - '0' + rng_range(1, 9)) % 10);
}

/* Makes one document of `format` into out. Returns 0, or -1 with a message
 * on stderr (which would be a bug in this generator or the library). */
static int make_one(bmis_doc_format format, char *out, size_t cap) {
  char surname[64], given[64], number[16], optional[16];
  const char *nat = nationalities[rng_below(COUNT(nationalities))];
  /* npm `mrz` reads any 2x36 MRZ starting "IDFRA" as the pre-2021 French
   * card, so a French TD2 would be a different document to each parser. */
  while (format == BMIS_DOC_TD2 && strcmp(nat, "FRA") == 0)
    nat = nationalities[rng_below(COUNT(nationalities))];
  random_name(surname, sizeof surname, rng_below(5) == 0 ? 2 : 1);
  int ngiven = rng_below(10);
  random_name(given, sizeof given, ngiven == 0 ? 0 : ngiven < 7 ? 1 : 2);
  /* Mostly 9 characters (two letters and digits), sometimes 6-8. */
  int numlen = rng_below(8) == 0 ? rng_range(6, 8) : 9;
  random_alnum(number, numlen, rng_range(0, 2));
  optional[0] = '\0';
  int optmax = format == BMIS_DOC_TD3 ? 14 : format == BMIS_DOC_TD2 ? 7 : 15;
  if (rng_below(10) < 4)
    random_alnum(optional, rng_range(3, optmax), 0);
  int sex = rng_below(100);
  bmis_doc_make_input in = {
      .format = format,
      .document_code = format == BMIS_DOC_TD3 ? "P" : "ID",
      .issuing_state = NULL,
      .surname = surname,
      .given_names = given,
      .number = number,
      .nationality = nat,
      .birth_date = random_date(1940, 2019),
      .sex = sex < 49   ? 'M'
             : sex < 98 ? 'F'
                        : '<',
      /* After BENCH_AS_OF: valid for 1 to 10 more years. */
      .expiry_date = random_date(BENCH_AS_OF_YEAR + 1, BENCH_AS_OF_YEAR + 10),
      .optional_data = optional,
      .optional_data_2 = NULL};
  bmis_error err;
  if (bmis_doc_make(&in, out, cap, &err) != BMIS_OK) {
    fprintf(stderr, "bmis_doc_make: %s\n", err.message);
    return -1;
  }
  return 0;
}

static int usage(void) {
  fprintf(stderr, "usage: bench_mrz_gen_inputs td3|mix N SEED FILE\n");
  return 2;
}

int main(int argc, char **argv) {
  if (argc != 5)
    return usage();
  bool mix = strcmp(argv[1], "mix") == 0;
  if (!mix && strcmp(argv[1], "td3") != 0)
    return usage();
  char *end;
  long n = strtol(argv[2], &end, 10);
  if (*end || n <= 0 || n > 10000000)
    return usage();
  unsigned long long seed = strtoull(argv[3], &end, 10);
  if (*end)
    return usage();
  rng_state = (uint64_t)seed;
  FILE *f = fopen(argv[4], "w");
  if (!f) {
    perror(argv[4]);
    return 1;
  }
  char buf[3 * (BMIS_MRZ_LINE_LEN + 1) + 1];
  long spoiled = 0, by_format[3] = {0, 0, 0};
  for (long i = 0; i < n; i++) {
    bmis_doc_format format = BMIS_DOC_TD3;
    if (mix) {
      int r = rng_below(10);
      format = r == 0 ? BMIS_DOC_TD1 : r == 1 ? BMIS_DOC_TD2 : BMIS_DOC_TD3;
    }
    if (make_one(format, buf, sizeof buf) != 0) {
      fclose(f);
      return 1;
    }
    if (mix && rng_below(10) == 0) {
      spoil_check_digit(buf, format);
      spoiled++;
    }
    by_format[format == BMIS_DOC_TD1 ? 0 : format == BMIS_DOC_TD2 ? 1 : 2]++;
    fputs(buf, f);
    fputs("\n\n", f);
  }
  if (fclose(f) != 0) {
    perror(argv[4]);
    return 1;
  }
  fprintf(stderr,
          "%s: %ld documents (TD1 %ld, TD2 %ld, TD3 %ld; %ld with a bad "
          "check digit)\n",
          argv[4], n, by_format[0], by_format[1], by_format[2], spoiled);
  return 0;
}
