/* `bmis demo generate`: realistic synthetic register data (see
 * src/demo/include/bmis_demo/demo.h and src/demo/demo.c); `bmis demo
 * watchlist`: synthetic watchlists as JSON lines (src/demo/demo_watchlist.c).
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, fileno */
#include "bmis_demo/demo.h"
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char demo_help[] =
    "usage: bmis demo generate --travellers N --movements M [--seed S]\n"
    "                          [--until YYYY-MM-DD] [--days N] [--tz ZONE]\n"
    "                          [--batch K] [--durability process|power]\n"
    "                          [--quiet] [--store URL]\n"
    "\n"
    "generate: records M crossings of N people (M >= N) into the store, as\n"
    "a border would see them over the DAYS days (default 365) ending on\n"
    "--until (default 2026-11-26): nationals and residents going abroad,\n"
    "visitors, families, commuters and crew, with a few overstayers,\n"
    "refusals, referrals, renewed passports, twins and recording anomalies.\n"
    "The same options and seed (default 1) give the same data and the same\n"
    "movement ids; generating twice into one store adds nothing the second\n"
    "time. Uses the store's operating State, or sets UTO (Utopia); creates\n"
    "its eight crossing points (zone --tz, default Africa/Nairobi) when\n"
    "absent. Crossings are recorded K at a time (default 10000) in one\n"
    "transaction. Progress goes to stderr unless --quiet.\n"
    "\n" CLI_STORE_HELP "\n"
    "       bmis demo watchlist --kind persons|protection|documents --count N\n"
    "                           [--seed S] [--as-of YYYY-MM-DD] [--out FILE]\n"
    "\n"
    "watchlist: writes a synthetic watchlist as JSON lines (the format\n"
    "'bmis watchlist import --format jsonl' reads; 'bmis demo watchlist\n"
    "--help' says more).\n";

static const char watchlist_help[] =
    "usage: bmis demo watchlist --kind persons|protection|documents --count N\n"
    "                           [--seed S] [--as-of YYYY-MM-DD] [--out FILE]\n"
    "                           [--quiet]\n"
    "\n"
    "Writes N synthetic watchlist entries as JSON lines (a \"list\" line,\n"
    "then one entry per line) to FILE or standard output. No real list of\n"
    "this kind is public; these are made up, for demonstrations, tests and\n"
    "benchmarks, and match no real person or document except by chance.\n"
    "\n"
    "  persons     wanted and sanctioned persons (refs DW-0000001, ...): "
    "names\n"
    "              of many cultures with real-life frequencies, the name in "
    "its\n"
    "              own script (Arabic, Cyrillic, Greek, Hanzi, Hangul, Kanji,\n"
    "              Thai) where it has one, aliases for about 40% (other\n"
    "              romanisations; nicknames, noms de guerre), dates of birth\n"
    "              (full, year only, ranges), nationalities, places of birth,\n"
    "              documents, a remark\n"
    "  protection  protection alerts (DP-...): missing or abducted children\n"
    "              aged 0-17 on the --as-of date and adult victims of\n"
    "              trafficking, with full dates of birth and a \"missing\n"
    "              since\" remark\n"
    "  documents   lost, stolen, revoked and invalidated travel documents\n"
    "              (DD-...), numbers in each issuing State's format, unique\n"
    "              per State, reported over the ten years before --as-of\n"
    "\n"
    "The same kind, count, seed (default 1) and --as-of date (default\n"
    "2026-11-26; never the clock) give the same file, and a longer list\n"
    "begins with the entries of a shorter one. N is 1 to 100,000,000; the\n"
    "whole list is held in memory while it is written (about 550 bytes per\n"
    "person, 200 per document).\n"
    "A line on stderr says how long it took, unless --quiet or writing to\n"
    "standard output.\n";

typedef struct progress {
  struct timespec start;
  bool tty, quiet;
  int last_tenth;
} progress;

static double seconds_since(const struct timespec *t0) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)(t.tv_sec - t0->tv_sec) +
         (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* 1234567 -> "1,234,567" */
static const char *grouped(long long v, char buf[32]) {
  char digits[24];
  int n = snprintf(digits, sizeof digits, "%lld", v < 0 ? -v : v);
  char *o = buf;
  if (v < 0)
    *o++ = '-';
  for (int i = 0; i < n; i++) {
    if (i && (n - i) % 3 == 0)
      *o++ = ',';
    *o++ = digits[i];
  }
  *o = 0;
  return buf;
}

static double pct(int64_t part, int64_t whole) {
  return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

static int on_progress(const bmis_demo_stats *s, void *ctx) {
  progress *p = ctx;
  if (p->quiet || !s->planned)
    return 0;
  double secs = seconds_since(&p->start);
  double rate = secs > 0 ? (double)s->movements / secs : 0;
  char a[32], b[32], c[32];
  if (p->tty) {
    fprintf(stderr, "\rbmis: demo: %s of %s movements (%.0f%%), %s/s   ",
            grouped(s->movements, a), grouped(s->planned, b),
            pct(s->movements, s->planned), grouped((long long)rate, c));
    fflush(stderr);
    return 0;
  }
  int tenth = (int)(10 * s->movements / s->planned);
  if (tenth > p->last_tenth) {
    p->last_tenth = tenth;
    fprintf(stderr, "bmis: demo: %d%% (%s of %s movements, %.1f s, %s/s)\n",
            tenth * 10, grouped(s->movements, a), grouped(s->planned, b), secs,
            grouped((long long)rate, c));
  }
  return 0;
}

static void summary(const bmis_demo_stats *s, const bmis_demo_options *o,
                    const char *state, double secs) {
  char a[32], b[32], c[32];
  bmis_date first =
      bmis_date_from_days(bmis_date_to_days(o->until) - o->days + 1);
  char d1[11], d2[11];
  printf("generated %s travellers, %s movements in %.1f s (%s movements/s)\n",
         grouped(s->travellers, a), grouped(s->movements, b), secs,
         grouped(secs > 0 ? (long long)((double)s->movements / secs) : 0, c));
  if (s->duplicates)
    printf("  (%s of them were already in the store)\n",
           grouped(s->duplicates, a));
  printf("  operating State  %s; %s to %s (%d days); seed %llu\n", state,
         bmis_date_format_iso(first, d1), bmis_date_format_iso(o->until, d2),
         o->days, (unsigned long long)o->seed);
  printf("  entries          %s (%.1f%%), exits %s (%.1f%%)\n",
         grouped(s->entries, a), pct(s->entries, s->movements),
         grouped(s->exits, b), pct(s->exits, s->movements));
  printf("  nationals        %s movements (%.1f%%)\n", grouped(s->nationals, a),
         pct(s->nationals, s->movements));
  printf("  refusals         %s (%.2f%% of %s foreign entries)\n",
         grouped(s->refusals, a), pct(s->refusals, s->foreign_entries),
         grouped(s->foreign_entries, b));
  printf("  referrals        %s (%.2f%% of movements), %s still pending\n",
         grouped(s->referrals, a), pct(s->referrals, s->movements),
         grouped(s->pending, b));
  printf("  overstayers      %s people on %s, %s of them still present; "
         "%s exits after an overstay\n",
         grouped(s->overstayers, a), d2, grouped(s->overstayers_present, b),
         grouped(s->overstay_exits, c));
  printf("  flags            %s entries while present, %s exits without "
         "entry\n",
         grouped(s->entry_while_present, a), grouped(s->exit_without_entry, b));
  printf("  identity         %s crossings linked by a renewed passport, %s "
         "possible matches to review\n",
         grouped(s->biographic_links, a), grouped(s->review_links, b));
}

static int demo_watchlist(int argc, char **argv) {
  const char *kind = NULL, *count = NULL, *seed = NULL, *as_of = NULL,
             *path = NULL;
  bool quiet = false;
  const cli_opt opts[] = {{"--kind", &kind, NULL}, {"--count", &count, NULL},
                          {"--seed", &seed, NULL}, {"--as-of", &as_of, NULL},
                          {"--out", &path, NULL},  {"--quiet", NULL, &quiet},
                          {NULL, NULL, NULL}};
  const char *cmd = "demo watchlist ";
  const char *pos[1];
  int npos;
  int r = cli_parse(cmd, argc, argv, opts, pos, 0, &npos);
  if (r == CLI_HELP) {
    fputs(watchlist_help, stdout);
    return CLI_OK;
  }
  if (r != CLI_OK)
    return r;
  if (!kind || !count)
    return cli_usage_error(cmd, "demo watchlist: --kind and --count are "
                                "required");
  bmis_demo_wl_options o;
  bmis_demo_wl_options_init(&o);
  o.kind = bmis_demo_wl_kind_parse(kind);
  if (!o.kind)
    return cli_usage_error(cmd,
                           "--kind: '%s' is not persons, protection or "
                           "documents",
                           kind);
  long v;
  if (cli_number(cmd, "--count", count, 1, BMIS_DEMO_WL_MAX, &v))
    return CLI_USAGE;
  o.count = (size_t)v;
  o.seed = 1;
  if (seed) {
    if (cli_number(cmd, "--seed", seed, 0, LONG_MAX, &v))
      return CLI_USAGE;
    o.seed = (uint64_t)v;
  }
  bmis_error err;
  if (as_of && bmis_date_parse_iso(as_of, &o.as_of, &err) != BMIS_OK)
    return cli_usage_error(cmd, "--as-of: %s", err.message);

  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  bmis_wl_content *c = bmis_wl_content_new();
  if (!c) {
    fprintf(stderr, "bmis: out of memory\n");
    return CLI_FAILED;
  }
  bmis_status st = bmis_demo_watchlist(&o, c, &err);
  if (st != BMIS_OK) {
    bmis_wl_content_free(c);
    return cli_fail(&err);
  }
  double made = seconds_since(&start);
  FILE *out = stdout;
  if (path && !(out = fopen(path, "w"))) {
    fprintf(stderr, "bmis: cannot write %s: %s\n", path, strerror(errno));
    bmis_wl_content_free(c);
    return CLI_USAGE;
  }
  st = bmis_wl_write_jsonl(c, out, &err);
  if (out != stdout && fclose(out) != 0 && st == BMIS_OK)
    st = bmis_error_set(&err, BMIS_E_IO, "writing %s failed", path);
  bmis_wl_content_free(c);
  if (st != BMIS_OK)
    return cli_fail(&err);
  if (path && !quiet) {
    char a[32];
    fprintf(stderr, "bmis: %s %s made in %.1f s, written to %s in %.1f s\n",
            grouped((long long)o.count, a),
            o.kind == BMIS_DEMO_WL_PROTECTION ? "protection alerts" : kind,
            made, path, seconds_since(&start) - made);
  }
  return CLI_OK;
}

int cli_demo(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "watchlist") == 0)
    return demo_watchlist(argc - 1, argv + 1);
  const char *store = NULL, *durability = NULL, *travellers = NULL,
             *movements = NULL, *seed = NULL, *until = NULL, *days = NULL,
             *tz = NULL, *batch = NULL;
  bool quiet = false;
  const cli_opt opts[] = {{"--store", &store, NULL},
                          {"--durability", &durability, NULL},
                          {"--travellers", &travellers, NULL},
                          {"--movements", &movements, NULL},
                          {"--seed", &seed, NULL},
                          {"--until", &until, NULL},
                          {"--days", &days, NULL},
                          {"--tz", &tz, NULL},
                          {"--batch", &batch, NULL},
                          {"--quiet", NULL, &quiet},
                          {NULL, NULL, NULL}};
  const char *pos[1];
  int npos;
  int r = cli_parse("demo ", argc, argv, opts, pos, 1, &npos);
  if (r == CLI_HELP) {
    fputs(demo_help, stdout);
    return CLI_OK;
  }
  if (r != CLI_OK)
    return r;
  if (npos != 1 || strcmp(pos[0], "generate") != 0)
    return cli_usage_error("demo ", "demo: expected 'generate' or "
                                    "'watchlist'");
  if (!travellers || !movements)
    return cli_usage_error("demo ", "demo generate: --travellers and "
                                    "--movements are required");
  bmis_demo_options o;
  bmis_demo_options_init(&o);
  long v;
  if (cli_number("demo ", "--travellers", travellers, 1, 20000000, &v))
    return CLI_USAGE;
  o.travellers = v;
  if (cli_number("demo ", "--movements", movements, 1, 2000000000, &v))
    return CLI_USAGE;
  o.movements = v;
  if (seed) {
    if (cli_number("demo ", "--seed", seed, 0, LONG_MAX, &v))
      return CLI_USAGE;
    o.seed = (uint64_t)v;
  } else {
    o.seed = 1;
  }
  if (days) {
    if (cli_number("demo ", "--days", days, 7, 3660, &v))
      return CLI_USAGE;
    o.days = (int)v;
  }
  if (batch) {
    if (cli_number("demo ", "--batch", batch, 1, 1000000, &v))
      return CLI_USAGE;
    o.batch = (int)v;
  }
  bmis_error err;
  if (until && bmis_date_parse_iso(until, &o.until, &err) != BMIS_OK)
    return cli_usage_error("demo ", "--until: %s", err.message);
  if (tz) {
    if (strlen(tz) >= sizeof o.time_zone)
      return cli_usage_error("demo ", "--tz: '%s' is too long", tz);
    snprintf(o.time_zone, sizeof o.time_zone, "%s", tz);
  }
  if (o.movements < o.travellers)
    return cli_usage_error("demo ", "--movements must be at least "
                                    "--travellers (everyone crosses once)");

  bmis_store *s;
  r = cli_open_store(store, durability, false, &s);
  if (r != CLI_OK)
    return r;
  progress pr = {.tty = isatty(fileno(stderr)) != 0, .quiet = quiet};
  clock_gettime(CLOCK_MONOTONIC, &pr.start);
  o.progress = on_progress;
  o.progress_ctx = &pr;
  bmis_demo_stats stats;
  memset(&stats, 0, sizeof stats);
  char detail[128];
  snprintf(detail, sizeof detail, "%lld travellers, %lld movements, seed %llu",
           (long long)o.travellers, (long long)o.movements,
           (unsigned long long)o.seed);
  /* one entry for the whole run, before it: unaudited, nothing is made */
  bmis_status st = cli_audit(s, "demo.generate", "demo", detail, &err);
  if (st == BMIS_OK)
    st = bmis_demo_generate(s, &o, &stats, &err);
  double secs = seconds_since(&pr.start);
  if (pr.tty && !quiet && stats.movements)
    fputc('\n', stderr);
  if (st != BMIS_OK) {
    r = cli_fail(&err);
    if (stats.batches)
      fprintf(stderr, "bmis: %lld batches were committed before the failure\n",
              (long long)stats.batches);
  } else {
    bmis_register_config cfg;
    if (bmis_register_config_get(s, &cfg, &err) != BMIS_OK)
      cfg.state[0] = 0;
    summary(&stats, &o, cfg.state, secs);
  }
  bmis_store_close(s);
  return r;
}
