/* MRZ parse + full validation throughput of libbmis on one thread.
 *
 *   bench_mrz [--seconds S | --passes N] [--values] [--as-of YYYY-MM-DD] FILE
 *
 * FILE holds MRZs separated by blank lines (bench_mrz_gen_inputs writes
 * them). All of it is loaded into memory first; then one untimed pass
 * counts valid documents (a sanity check: the TD3 file must be 100% valid),
 * a second untimed pass warms caches, and the timed loop parses the
 * documents over and over, in order, for at least S seconds (default 2).
 * Each parse is a full bmis_doc_parse in strict mode: format detection,
 * every field, every check digit, country codes, dates, expiry and age as
 * of the given date (default 2025-06-01, the date the generator assumes).
 * --passes N replaces the timed loop by exactly N passes over the file, for
 * a profiler that counts instructions rather than time (docs/BENCHMARKS.md:
 * `valgrind --tool=callgrind --toggle-collect=bmis_doc_parse`).
 *
 * The last line is for scripts (bench/mrz/run.sh):
 *   RESULT impl=bmis docs=N valid=V parses=P seconds=T docs_per_s=R
 *          ns_per_doc=X checksum=C
 * --values also writes every present field's decoded value as text after
 * each parse (bmis_doc_field_value), as the npm peer's result object holds
 * them: the fair comparison with it.
 * The checksum folds every result's validity, finding count and field
 * length (and with --values the values' lengths and first bytes), so that
 * no parse can be optimised away. */
#define _POSIX_C_SOURCE 200809L
#include "bmis/doc.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Inputs larger than this are refused (a benchmark file is a few MiB). */
#define BENCH_FILE_MAX ((size_t)1 << 30)
/* Documents parsed between two looks at the clock. */
#define BENCH_CHUNK 1024

typedef struct record {
  const char *text;
  size_t len;
} record;

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Reads the whole file into a NUL-terminated buffer the caller frees. */
static char *load_file(const char *path, size_t *len_out) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "bench_mrz: %s: %s\n", path, strerror(errno));
    return NULL;
  }
  size_t cap = (size_t)1 << 20, len = 0;
  char *buf = malloc(cap + 1);
  while (buf) {
    size_t got = fread(buf + len, 1, cap - len, f);
    len += got;
    if (len < cap)
      break;
    if (cap >= BENCH_FILE_MAX) {
      fprintf(stderr, "bench_mrz: %s: larger than %zu bytes\n", path,
              BENCH_FILE_MAX);
      free(buf);
      buf = NULL;
      break;
    }
    cap *= 2;
    char *grown = realloc(buf, cap + 1);
    if (!grown)
      free(buf);
    buf = grown;
  }
  if (!buf)
    fprintf(stderr, "bench_mrz: %s: out of memory\n", path);
  if (buf && ferror(f)) {
    fprintf(stderr, "bench_mrz: %s: read error\n", path);
    free(buf);
    buf = NULL;
  }
  fclose(f);
  if (!buf)
    return NULL;
  buf[len] = '\0';
  *len_out = len;
  return buf;
}

static bool blank_line(const char *p, const char *end) {
  for (; p < end; p++)
    if (*p != ' ' && *p != '\t' && *p != '\r')
      return false;
  return true;
}

/* Splits text into records: runs of non-blank lines. Returns how many were
 * stored into a new array (*out, freed by the caller), or -1 on no memory. */
static long split_records(const char *text, size_t len, record **out) {
  size_t cap = 1024;
  long n = 0;
  record *r = malloc(cap * sizeof *r);
  if (!r)
    return -1;
  const char *p = text, *end = text + len, *start = NULL;
  while (p < end) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol)
      eol = end;
    if (blank_line(p, eol)) {
      if (start) {
        if ((size_t)n == cap) {
          cap *= 2;
          record *grown = realloc(r, cap * sizeof *r);
          if (!grown) {
            free(r);
            return -1;
          }
          r = grown;
        }
        r[n++] = (record){start, (size_t)(p - start)};
        start = NULL;
      }
    } else if (!start) {
      start = p;
    }
    p = eol < end ? eol + 1 : end;
  }
  if (start) {
    if ((size_t)n == cap) {
      record *grown = realloc(r, (cap + 1) * sizeof *r);
      if (!grown) {
        free(r);
        return -1;
      }
      r = grown;
    }
    r[n++] = (record){start, (size_t)(end - start)};
  }
  *out = r;
  return n;
}

/* With --values, every present field's value is also written out as text,
 * as a desk's screen or the npm peer's result object has them. */
static bool values;

/* What the checksum keeps of one result. */
static uint64_t fold(const bmis_doc *doc) {
  uint64_t sum = (uint64_t)doc->valid + doc->nfindings +
                 doc->fields[BMIS_FIELD_DOCUMENT_NUMBER].len;
  if (values) {
    char text[BMIS_DOC_VALUE_MAX];
    for (int f = 1; f < BMIS_FIELD_COUNT; f++)
      if (doc->fields[f].verdict != BMIS_VERDICT_ABSENT)
        sum +=
            bmis_doc_field_value(doc, (bmis_doc_field_id)f, text, sizeof text) +
            (unsigned char)text[0];
  }
  return sum;
}

static int usage(void) {
  fprintf(stderr, "usage: bench_mrz [--seconds S | --passes N] [--values] "
                  "[--as-of YYYY-MM-DD] FILE\n");
  return 2;
}

int main(int argc, char **argv) {
  double seconds = 2.0;
  long passes = 0; /* 0: timed by seconds */
  const char *as_of_text = "2025-06-01", *path = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
      char *end;
      seconds = strtod(argv[++i], &end);
      if (*end || !(seconds > 0.0) || seconds > 3600.0)
        return usage();
    } else if (strcmp(argv[i], "--passes") == 0 && i + 1 < argc) {
      char *end;
      passes = strtol(argv[++i], &end, 10);
      if (*end || passes <= 0 || passes > 1000000)
        return usage();
    } else if (strcmp(argv[i], "--values") == 0) {
      values = true;
    } else if (strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) {
      as_of_text = argv[++i];
    } else if (argv[i][0] == '-' || path) {
      return usage();
    } else {
      path = argv[i];
    }
  }
  if (!path)
    return usage();
  bmis_date as_of;
  bmis_error err;
  if (bmis_date_parse_iso(as_of_text, &as_of, &err) != BMIS_OK) {
    fprintf(stderr, "bench_mrz: --as-of: %s\n", err.message);
    return 2;
  }
  bmis_doc_options opts;
  bmis_doc_options_init(&opts, as_of);

  size_t len = 0;
  char *text = load_file(path, &len);
  if (!text)
    return 1;
  record *recs = NULL;
  long n = split_records(text, len, &recs);
  if (n <= 0) {
    fprintf(stderr, "bench_mrz: %s: %s\n", path,
            n < 0 ? "out of memory" : "no MRZ in the file");
    free(recs); /* NULL when split_records failed */
    free(text);
    return 1;
  }
  const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;

  /* Untimed: how many are valid, and of which formats. */
  bmis_doc doc;
  long valid = 0, formats[BMIS_DOC_UNSUPPORTED + 1] = {0};
  for (long i = 0; i < n; i++) {
    bmis_doc_parse(recs[i].text, recs[i].len, &opts, &doc);
    valid += doc.valid;
    formats[doc.format]++;
  }
  printf("bmis    %s: %ld documents, %ld valid (", name, n, valid);
  const char *sep = "";
  for (int f = 0; f <= BMIS_DOC_UNSUPPORTED; f++)
    if (formats[f]) {
      printf("%s%s %ld", sep, bmis_doc_format_name((bmis_doc_format)f),
             formats[f]);
      sep = ", ";
    }
  printf(")\n");

  /* Untimed warm-up pass, then the timed loop. */
  uint64_t sink = 0;
  for (long i = 0; i < n && !passes; i++) {
    bmis_doc_parse(recs[i].text, recs[i].len, &opts, &doc);
    sink += fold(&doc);
  }
  uint64_t parses = 0, want = (uint64_t)passes * (uint64_t)n;
  long next = 0;
  double t0 = now_seconds(), elapsed;
  do {
    long stop = next + BENCH_CHUNK < n ? next + BENCH_CHUNK : n;
    for (long i = next; i < stop; i++) {
      bmis_doc_parse(recs[i].text, recs[i].len, &opts, &doc);
      sink += fold(&doc);
    }
    parses += (uint64_t)(stop - next);
    next = stop == n ? 0 : stop;
    elapsed = now_seconds() - t0;
  } while (passes ? parses < want : elapsed < seconds);

  double rate = (double)parses / elapsed;
  printf("bmis    %s: %llu parses in %.3f s: %.0f docs/s, %.1f ns/doc\n", name,
         (unsigned long long)parses, elapsed, rate, 1e9 / rate);
  printf("RESULT impl=%s docs=%ld valid=%ld parses=%llu seconds=%.3f "
         "docs_per_s=%.0f ns_per_doc=%.2f checksum=%llu\n",
         values ? "bmis+values" : "bmis", n, valid, (unsigned long long)parses,
         elapsed, rate, 1e9 / rate, (unsigned long long)sink);
  free(recs);
  free(text);
  return 0;
}
