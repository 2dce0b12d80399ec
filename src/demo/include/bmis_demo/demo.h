/* Synthetic register data for demonstrations, benchmarks and tests.
 *
 * bmis_demo_generate fills a store with a plausible year of border
 * crossings of an operating State: nationals and foreign residents going
 * abroad and coming back, visitors on round trips, families, frequent
 * travellers and cross-border commuters, a few overstayers, refusals,
 * referrals, renewed passports, twins and namesakes, and a handful of
 * recording anomalies. Everything is recorded through the public register
 * API (bmis_bcp_put, bmis_register_config_set, bmis_movement_record,
 * bmis_movement_decide), so the data obeys every rule the register
 * enforces; what "realistic" means here is described at the top of
 * src/demo/demo.c.
 *
 * The data is a function of the options alone: the same seed, counts,
 * dates and zone give the same crossings with the same movement ids (ids
 * are made from the crossing time and the seed), and the generator never
 * reads the clock. Traveller and document ids are made by the register and
 * differ from run to run. Running the same generation twice into one store
 * records nothing new the second time (the register's idempotent ids).
 *
 * All structs are plain values owned by the caller; the generator keeps its
 * working memory (about 200 bytes per traveller while planning, 150 while
 * recording) to itself and frees it before returning. */
#ifndef BMIS_DEMO_H
#define BMIS_DEMO_H

#include "bmis/date.h"
#include "bmis/register.h"
#include "bmis/screen.h"
#include "bmis/status.h"
#include "bmis/store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* libbmis_demo is built on libbmis's public API only and is not part of
 * libbmis: programs that use it link it (the bmis_demo target). Only the
 * declarations marked BMIS_DEMO_API are exported from libbmis_demo.so. */
#if defined(BMIS_DEMO_BUILDING) && defined(__GNUC__)
#define BMIS_DEMO_API __attribute__((visibility("default")))
#else
#define BMIS_DEMO_API
#endif

/* What was generated so far (all counts are of recorded crossings unless
 * said otherwise). */
typedef struct bmis_demo_stats {
  int64_t planned;    /* movements the plan holds: opts->movements, unless
                         the counts left no way to be exact */
  int64_t travellers; /* distinct people planned (opts->travellers) */
  int64_t movements;  /* crossings recorded so far */
  int64_t duplicates; /* of those, already in the store (same seed again) */
  int64_t entries;    /* movements by direction */
  int64_t exits;
  int64_t nationals;       /* movements of the operating State's nationals */
  int64_t foreign_entries; /* entries of everyone else */
  int64_t refusals;        /* entries whose final decision is a refusal */
  int64_t referrals;       /* crossings referred at the desk */
  int64_t pending;         /* referrals still undecided at the end */
  int64_t overstay_exits;  /* exits after the permitted stay had ended */
  int64_t entry_while_present; /* movements the register flagged so */
  int64_t exit_without_entry;
  int64_t biographic_links; /* a new (renewed) passport joined its holder */
  int64_t review_links;     /* possible matches flagged for review */
  int64_t batches;          /* transactions committed */
  /* Filled once the crossings are recorded, from bmis_overstay_list as of
   * opts->until: distinct people who overstayed, and those of them still
   * present. */
  int64_t overstayers;
  int64_t overstayers_present;
  bool stopped; /* the progress callback asked to stop */
} bmis_demo_stats;

/* Called after each committed batch with the counts so far. Returning
 * non-zero stops the generation there (what was committed stays). */
typedef int (*bmis_demo_progress_fn)(const bmis_demo_stats *stats, void *ctx);

typedef struct bmis_demo_options {
  int64_t travellers; /* distinct people, 1 to 20,000,000 */
  int64_t movements;  /* crossings in all: travellers to travellers * days */
  uint64_t seed;
  bmis_date until; /* last day of the data, at the crossing points (default
                      2026-11-26) */
  int days;        /* length of the period ending on until, 7 to 3660
                      (default 365) */
  int batch;       /* crossings per transaction, 1 to 1,000,000 (default
                      10,000) */
  /* IANA zone given to the crossing points the generator creates and used
   * for daily patterns (default "Africa/Nairobi"). */
  char time_zone[65];
  bmis_demo_progress_fn progress; /* may be NULL */
  void *progress_ctx;
} bmis_demo_options;

/* Sets the defaults above; travellers, movements and seed are 0 and must be
 * set (travellers and movements to at least 1). */
BMIS_DEMO_API void bmis_demo_options_init(bmis_demo_options *opts);

/* Generates opts->movements crossings of opts->travellers people into
 * store, in time order, in transactions of opts->batch crossings
 * (bmis_store_begin/commit; no transaction may be open on the store).
 *
 * Uses the store's operating State, or configures "UTO" (ICAO's specimen
 * State) with the default stay rule when none is set, and creates the eight
 * crossing points it uses (AMA, UTP, HYT, GIL, MOR, BUS, ABX, ANV) when
 * they are absent. stats (may be NULL) gets the counts, also when the
 * generation stopped early or failed.
 *
 * Errors: E_INVALID_ARG for options out of range (message names the
 * option) or a transaction already open; E_NOMEM; any error of the store
 * or the register, with the crossing that failed named in the message. On
 * an error the batch in progress is rolled back; batches committed before
 * stay in the store. */
BMIS_DEMO_API bmis_status bmis_demo_generate(bmis_store *store,
                                             const bmis_demo_options *opts,
                                             bmis_demo_stats *stats,
                                             bmis_error *err);

/* ==== Synthetic watchlists ==========================================
 *
 * No real list of wanted persons, lost documents or missing children can be
 * published, yet screening needs large, realistic ones to be measured.
 * bmis_demo_watchlist fills a list content (include/bmis/screen.h) with
 * synthetic entries, through the content's public adders:
 *
 *  - persons: wanted and sanctioned persons of many naming cultures (Arabic,
 *    Persian, Pashto, Russian, Ukrainian, Greek, Turkish, Western European,
 *    Hispanic, West and East African, South Asian, Chinese, Korean,
 *    Japanese, South-East Asian), with real-life name frequencies (a few
 *    very common names, a long tail of composed ones), the name in its
 *    original script where the culture has one (Cyrillic, Arabic, Greek,
 *    Hanzi, Hangul, Kanji, Thai; always the same name as the Latin form),
 *    aliases for about 40% (strong: other romanisations, Mohammed for
 *    Muhammad, Al Tikriti for al-Tikriti, the passport spelling; weak:
 *    nicknames, kunyas, noms de guerre), dates of birth (mostly full, about
 *    20% the year only, 3% a range of years, some approximate), 0-2
 *    nationalities, sex, places of birth, documents and a remark;
 *  - protection: protection alerts for missing or abducted children (aged
 *    0-17 on opts->as_of) and adult victims of trafficking, with full dates
 *    of birth, one nationality and a "missing since" remark;
 *  - documents: lost, stolen, revoked and invalidated travel documents
 *    (lost the most, invalidated the least), numbers in each issuing
 *    State's format and unique per State, reported over the ten years
 *    before opts->as_of; passports mostly, some identity cards.
 *
 * The entries are a function of the options alone (the generator never
 * reads the clock): the same options give the same content, and a longer
 * list begins with the entries of a shorter one. References are "DW-" for
 * persons, "DP-" for protection alerts and "DD-" for documents, followed by
 * the entry's number (1-based, at least seven digits: DW-0000001). The
 * categories that fit are BMIS_WL_WANTED (or SANCTIONS),
 * BMIS_WL_PROTECTION_ALERT and BMIS_WL_DOCUMENTS. */

typedef enum bmis_demo_wl_kind {
  BMIS_DEMO_WL_NONE,
  BMIS_DEMO_WL_PERSONS,    /* wanted and sanctioned persons */
  BMIS_DEMO_WL_PROTECTION, /* missing children, victims of trafficking */
  BMIS_DEMO_WL_DOCUMENTS   /* lost, stolen, revoked, invalidated */
} bmis_demo_wl_kind;

/* "persons", "protection", "documents" and back; NULL / NONE when
 * unknown. */
BMIS_DEMO_API const char *bmis_demo_wl_kind_code(bmis_demo_wl_kind kind);
BMIS_DEMO_API bmis_demo_wl_kind bmis_demo_wl_kind_parse(const char *text);

/* Largest count bmis_demo_watchlist makes. */
#define BMIS_DEMO_WL_MAX 100000000

typedef struct bmis_demo_wl_options {
  bmis_demo_wl_kind kind;
  uint64_t seed;
  size_t count;    /* entries, 1 to BMIS_DEMO_WL_MAX */
  bmis_date as_of; /* the list's date: ages, "missing since" and report
                      dates are before it (default 2026-11-26) */
} bmis_demo_wl_options;

/* Sets the defaults above; kind, seed and count are 0 (kind and count must
 * be set). */
BMIS_DEMO_API void bmis_demo_wl_options_init(bmis_demo_wl_options *opts);

/* Fills `out`, which must be empty, with opts->count entries of the kind,
 * and sets its version ("demo persons seed 1 count 1000 as of
 * 2026-11-26"). Memory: what the content holds (about 550 bytes per
 * person, 200 per document); the generator keeps nothing else but a few
 * counters.
 *
 * Errors: BMIS_E_INVALID_ARG for options out of range (the message names
 * the option) or a content that is not empty; BMIS_E_NOMEM. On an error the
 * content holds the entries made so far and should be freed. */
BMIS_DEMO_API bmis_status bmis_demo_watchlist(const bmis_demo_wl_options *opts,
                                              bmis_wl_content *out,
                                              bmis_error *err);

#endif
