/* The register's speed on a large store, one writer, one thread:
 *
 *   record_single   crossings/s, one transaction per crossing
 *   record_batched  crossings/s, --batch crossings per transaction
 *   history         traveller-history look-up latency, p50 and p99: by
 *                   document -> traveller, documents, movements, stay status
 *   overstay        listing every overstayer as of the last day
 *   floor_*         the peer: the same movement rows inserted into a bare
 *                   copy of the movement table with plain SQL (SQLite or
 *                   libpq), so the register's own cost reads as a ratio
 *
 * usage: bench_register --store URL [--generate M --travellers T --seed S]
 *          [--durability process|power] [--single N] [--batched N]
 *          [--batch K] [--lookups N]
 * With --generate, fills the store first with `bmis demo generate`'s
 * generator (and reports its rate, a batched recording rate too). Figures
 * are printed one per line: "name value unit". */
#define _POSIX_C_SOURCE 200809L
#include "bmis/register.h"
#include "bmis/store.h"
#include "bmis_demo/demo.h"
#include "bmis_pg/postgres.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, const bmis_error *err) {
  fprintf(stderr, "bench_register: %s: %s\n", what, err ? err->message : "");
  exit(1);
}

static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint64_t next(void) {
  uint64_t z = (rng += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

/* ---- people to record crossings for ---- */

typedef struct sample {
  bmis_crossing c; /* traveller and document of a known person */
  bool present;
} sample;

typedef struct pick {
  bmis_movement m;
  bool found;
} pick;

static int take_movement(const bmis_movement *m, void *ctx) {
  pick *p = ctx;
  p->m = *m;
  p->found = true;
  return 1;
}

static int take_document(const bmis_document *d, void *ctx) {
  *(bmis_document *)ctx = *d; /* the last (newest) one */
  return 0;
}

/* Known people, found through movements on random days of the period. */
static size_t sample_people(bmis_store *s, bmis_date until, int days,
                            sample *out, size_t want) {
  size_t n = 0;
  bmis_error err;
  for (size_t tries = 0; n < want && tries < want * 4; tries++) {
    bmis_movement_filter f;
    memset(&f, 0, sizeof f);
    f.from = bmis_date_from_days(bmis_date_to_days(until) -
                                 (int32_t)(next() % (uint64_t)days));
    f.to = f.from;
    f.limit = 1 + (int64_t)(next() % 50);
    pick p = {0};
    if (bmis_movement_list(s, &f, take_movement, &p, &err) != BMIS_OK)
      die("sample", &err);
    if (!p.found)
      continue;
    sample *x = &out[n];
    bmis_crossing_init(&x->c);
    if (bmis_traveller_get(s, p.m.traveller_id, &x->c.traveller, &err) !=
        BMIS_OK)
      die("sample traveller", &err);
    if (bmis_person_documents(s, x->c.traveller.person_id, take_document,
                              &x->c.document, &err) != BMIS_OK)
      die("sample documents", &err);
    bmis_stay_status st;
    if (bmis_stay_status_get(s, x->c.traveller.person_id, until, &st, &err) !=
        BMIS_OK)
      die("sample status", &err);
    x->present = st.present;
    n++;
  }
  return n;
}

/* The next crossing: a known person crossing again (4 in 5), or someone
 * new; after every movement already in the store. */
static void next_crossing(sample *people, size_t n, int64_t *t, const char *bcp,
                          bmis_crossing *c, bool *new_person, size_t *who) {
  *t += 1 + (int64_t)(next() % 20);
  *new_person = n == 0 || next() % 5 == 0;
  if (*new_person) {
    bmis_crossing_init(c);
    snprintf(c->traveller.surname, sizeof c->traveller.surname, "BENCH%08llu",
             (unsigned long long)(next() % 100000000));
    snprintf(c->traveller.given_names, sizeof c->traveller.given_names, "NEW");
    c->traveller.birth =
        bmis_date_from_days(-(int32_t)(3650 + (int32_t)(next() % 20000)));
    c->traveller.sex = next() % 2 ? 'F' : 'M';
    snprintf(c->traveller.nationality, 4, "GBR");
    snprintf(c->document.issuing_state, 4, "GBR");
    snprintf(c->document.number, sizeof c->document.number, "BX%010llu",
             (unsigned long long)(next() % 10000000000ull));
    c->movement.direction = BMIS_DIRECTION_ENTRY;
    c->permitted_days = 90;
  } else {
    *who = (size_t)(next() % n);
    sample *p = &people[*who];
    bmis_traveller t0 = p->c.traveller;
    bmis_document d0 = p->c.document;
    bmis_crossing_init(c);
    c->traveller = t0;
    c->document = d0;
    c->movement.direction =
        p->present ? BMIS_DIRECTION_EXIT : BMIS_DIRECTION_ENTRY;
    if (!p->present && strcmp(t0.nationality, "UTO") != 0)
      c->permitted_days = 30;
    p->present = !p->present;
  }
  c->movement.crossed_at = *t;
  c->movement.decision = BMIS_DECISION_ADMITTED;
  c->movement.transport = BMIS_TRANSPORT_AIR;
  snprintf(c->movement.bcp, sizeof c->movement.bcp, "%s", bcp);
  snprintf(c->movement.officer, sizeof c->movement.officer, "bench");
}

static double record_rate(bmis_store *s, sample *people, size_t n_people,
                          int64_t *t, long count, long batch) {
  bmis_error err;
  double t0 = now();
  long in_batch = 0;
  for (long i = 0; i < count; i++) {
    if (batch > 1 && in_batch == 0 && bmis_store_begin(s, &err) != BMIS_OK)
      die("begin", &err);
    bmis_crossing c;
    bool fresh;
    size_t who = 0;
    next_crossing(people, n_people, t, "AMA", &c, &fresh, &who);
    c.recorded_at = (int64_t)time(NULL);
    if (bmis_movement_record(s, &c, NULL, &err) != BMIS_OK)
      die("record", &err);
    if (batch > 1 && ++in_batch == batch) {
      if (bmis_store_commit(s, &err) != BMIS_OK)
        die("commit", &err);
      in_batch = 0;
    }
  }
  if (batch > 1 && in_batch && bmis_store_commit(s, &err) != BMIS_OK)
    die("commit", &err);
  return (double)count / (now() - t0);
}

/* ---- history look-ups ---- */

static int count_doc(const bmis_document *d, void *ctx) {
  (void)d;
  (*(long *)ctx)++;
  return 0;
}

static int count_mv(const bmis_movement *m, void *ctx) {
  (void)m;
  (*(long *)ctx)++;
  return 0;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void history(bmis_store *s, sample *people, size_t n, long lookups,
                    bmis_date as_of) {
  double *lat = calloc((size_t)lookups, sizeof *lat);
  long rows = 0;
  bmis_error err;
  for (long i = 0; i < lookups; i++) {
    sample *p = &people[next() % n];
    double t0 = now();
    bmis_traveller t;
    if (bmis_traveller_by_document(s, p->c.document.issuing_state,
                                   p->c.document.number, &t, &err) != BMIS_OK)
      die("history", &err);
    bmis_movement_filter f;
    memset(&f, 0, sizeof f);
    snprintf(f.person_id, sizeof f.person_id, "%s", t.person_id);
    bmis_stay_status st;
    if (bmis_person_documents(s, t.person_id, count_doc, &rows, &err) !=
            BMIS_OK ||
        bmis_movement_list(s, &f, count_mv, &rows, &err) != BMIS_OK ||
        bmis_stay_status_get(s, t.person_id, as_of, &st, &err) != BMIS_OK)
      die("history", &err);
    lat[i] = now() - t0;
  }
  qsort(lat, (size_t)lookups, sizeof *lat, by_value);
  printf("history_p50 %.3f ms\n", lat[lookups / 2] * 1e3);
  printf("history_p99 %.3f ms\n", lat[lookups * 99 / 100] * 1e3);
  printf("history_rows_per_lookup %.1f rows\n", (double)rows / (double)lookups);
  free(lat);
}

static int count_stay(const bmis_stay *st, void *ctx) {
  (void)st;
  (*(long *)ctx)++;
  return 0;
}

/* ---- the floor: bare inserts of movement-shaped rows ---- */

static const char floor_table[] =
    "CREATE TABLE IF NOT EXISTS bench_floor ("
    " id TEXT PRIMARY KEY, traveller_id TEXT NOT NULL,"
    " document_id TEXT NOT NULL, direction TEXT NOT NULL, bcp TEXT NOT NULL,"
    " crossed_at BIGINT NOT NULL, local_date TEXT NOT NULL,"
    " transport TEXT NOT NULL, carrier TEXT NOT NULL,"
    " transport_number TEXT NOT NULL, route_country TEXT NOT NULL,"
    " residence_country TEXT NOT NULL, purpose TEXT NOT NULL,"
    " intended_days INTEGER NOT NULL, local_address TEXT NOT NULL,"
    " entry_type TEXT NOT NULL, permitted_until TEXT NOT NULL,"
    " decision TEXT NOT NULL, grounds TEXT NOT NULL,"
    " decision_note TEXT NOT NULL, officer TEXT NOT NULL, desk TEXT NOT NULL,"
    " nationality TEXT NOT NULL, voided INTEGER NOT NULL,"
    " version INTEGER NOT NULL, recorded_at BIGINT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS bench_floor_t ON bench_floor"
    " (traveller_id, crossed_at);"
    "CREATE INDEX IF NOT EXISTS bench_floor_time ON bench_floor (crossed_at);"
    "CREATE INDEX IF NOT EXISTS bench_floor_bcp ON bench_floor"
    " (bcp, local_date);";

#define FLOOR_PARAMS 26

static void floor_values(long i, char v[FLOOR_PARAMS][48]) {
  char id[BMIS_ID_SIZE];
  bmis_uuid_v7(id, NULL);
  snprintf(v[0], 48, "%s", id);
  snprintf(v[1], 48, "t%ld", (long)(next() % 1000000));
  snprintf(v[2], 48, "d%ld", i);
  snprintf(v[3], 48, "entry");
  snprintf(v[4], 48, "AMA");
  snprintf(v[5], 48, "%ld", 1800000000L + i);
  snprintf(v[6], 48, "2027-01-01");
  snprintf(v[7], 48, "air");
  snprintf(v[8], 48, "KQ");
  snprintf(v[9], 48, "KQ101");
  snprintf(v[10], 48, "GBR");
  snprintf(v[11], 48, "GBR");
  snprintf(v[12], 48, "leisure");
  snprintf(v[13], 48, "14");
  snprintf(v[14], 48, "Hotel");
  snprintf(v[15], 48, "visa-free");
  snprintf(v[16], 48, "2027-03-31");
  snprintf(v[17], 48, "admitted");
  v[18][0] = v[19][0] = 0;
  snprintf(v[20], 48, "bench");
  v[21][0] = 0;
  snprintf(v[22], 48, "GBR");
  snprintf(v[23], 48, "0");
  snprintf(v[24], 48, "1");
  snprintf(v[25], 48, "%ld", (long)time(NULL));
}

static double floor_sqlite(const char *path, bool power, long count,
                           long batch) {
  sqlite3 *db;
  if (sqlite3_open(path, &db) != SQLITE_OK)
    die("floor open", NULL);
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA cache_size=-65536", NULL,
               NULL, NULL);
  sqlite3_exec(db,
               power ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL",
               NULL, NULL, NULL);
  sqlite3_exec(db, floor_table, NULL, NULL, NULL);
  sqlite3_stmt *st;
  char sql[256] = "INSERT INTO bench_floor VALUES (?";
  for (int i = 1; i < FLOOR_PARAMS; i++)
    strcat(sql, ",?");
  strcat(sql, ")");
  sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  char v[FLOOR_PARAMS][48];
  double t0 = now();
  for (long i = 0; i < count; i++) {
    if (i % batch == 0 && batch > 1)
      sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    floor_values(i, v);
    for (int k = 0; k < FLOOR_PARAMS; k++)
      sqlite3_bind_text(st, k + 1, v[k], -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
      die("floor insert", NULL);
    sqlite3_reset(st);
    if (batch > 1 && (i % batch == batch - 1 || i == count - 1))
      sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
  }
  double rate = (double)count / (now() - t0);
  sqlite3_finalize(st);
  sqlite3_exec(db, "DROP TABLE bench_floor", NULL, NULL, NULL);
  sqlite3_close(db);
  return rate;
}

static double floor_postgres(const char *url, long count, long batch) {
  PGconn *c = PQconnectdb(url);
  if (PQstatus(c) != CONNECTION_OK)
    die("floor connect", NULL);
  PQclear(PQexec(c, "SET client_min_messages = warning"));
  PQclear(PQexec(c, floor_table));
  char sql[256] = "INSERT INTO bench_floor VALUES ($1";
  for (int i = 2; i <= FLOOR_PARAMS; i++) {
    char p[8];
    snprintf(p, sizeof p, ",$%d", i);
    strcat(sql, p);
  }
  strcat(sql, ")");
  PQclear(PQprepare(c, "floor", sql, 0, NULL));
  char v[FLOOR_PARAMS][48];
  const char *vals[FLOOR_PARAMS];
  for (int k = 0; k < FLOOR_PARAMS; k++)
    vals[k] = v[k];
  double t0 = now();
  for (long i = 0; i < count; i++) {
    if (i % batch == 0 && batch > 1)
      PQclear(PQexec(c, "BEGIN"));
    floor_values(i, v);
    PGresult *r = PQexecPrepared(c, "floor", FLOOR_PARAMS, vals, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
      die("floor insert", NULL);
    PQclear(r);
    if (batch > 1 && (i % batch == batch - 1 || i == count - 1))
      PQclear(PQexec(c, "COMMIT"));
  }
  double rate = (double)count / (now() - t0);
  PQclear(PQexec(c, "DROP TABLE bench_floor"));
  PQfinish(c);
  return rate;
}

static int progress(const bmis_demo_stats *st, void *ctx) {
  double *t0 = ctx;
  fprintf(stderr, "\rgenerated %lld of %lld (%.0f/s)   ",
          (long long)st->movements, (long long)st->planned,
          (double)st->movements / (now() - *t0));
  return 0;
}

int main(int argc, char **argv) {
  bmis_store_postgres_enable(NULL);
  const char *url = NULL, *durability = "process";
  long generate = 0, travellers = 0, single = 2000, batched = 50000,
       batch = 1000, lookups = 2000;
  unsigned long long seed = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    const char *o = argv[i], *v = argv[i + 1];
    if (!strcmp(o, "--store"))
      url = v;
    else if (!strcmp(o, "--generate"))
      generate = atol(v);
    else if (!strcmp(o, "--travellers"))
      travellers = atol(v);
    else if (!strcmp(o, "--seed"))
      seed = strtoull(v, NULL, 10);
    else if (!strcmp(o, "--durability"))
      durability = v;
    else if (!strcmp(o, "--single"))
      single = atol(v);
    else if (!strcmp(o, "--batched"))
      batched = atol(v);
    else if (!strcmp(o, "--batch"))
      batch = atol(v);
    else if (!strcmp(o, "--lookups"))
      lookups = atol(v);
    else {
      fprintf(stderr, "bench_register: unknown option %s\n", o);
      return 2;
    }
  }
  if (!url || batch < 1 || lookups < 1) {
    fprintf(stderr, "usage: bench_register --store URL [options]\n");
    return 2;
  }
  rng ^= seed;
  bool power = strcmp(durability, "power") == 0;
  bmis_store_options so;
  bmis_store_options_init(&so);
  so.durability = power ? BMIS_DURABLE_POWER : BMIS_DURABLE_PROCESS;
  bmis_store *s;
  bmis_error err;
  if (bmis_store_open(url, &so, &s, &err) != BMIS_OK)
    die("open", &err);
  bool pg = strcmp(bmis_store_backend(s), "postgres") == 0;
  printf("backend %s\n", bmis_store_backend(s));
  printf("durability %s\n", durability);

  bmis_demo_options dopt;
  bmis_demo_options_init(&dopt);
  if (generate > 0) {
    dopt.travellers = travellers > 0 ? travellers : generate / 10;
    dopt.movements = generate;
    dopt.seed = seed;
    double t0 = now();
    dopt.progress = progress;
    dopt.progress_ctx = &t0;
    bmis_demo_stats st;
    if (bmis_demo_generate(s, &dopt, &st, &err) != BMIS_OK)
      die("generate", &err);
    fprintf(stderr, "\n");
    printf("generate_batched %.0f movements/s (batch %d, %lld movements)\n",
           (double)st.movements / (now() - t0), dopt.batch,
           (long long)st.movements);
  }
  bmis_store_info info;
  if (bmis_store_info_get(s, &info, &err) != BMIS_OK)
    die("info", &err);
  printf("store_movements %lld\n", (long long)info.movements);
  printf("store_travellers %lld\n", (long long)info.travellers);

  size_t want = 5000;
  sample *people = calloc(want, sizeof *people);
  size_t n = sample_people(s, dopt.until, dopt.days, people, want);
  printf("sampled_people %zu\n", n);
  if (n == 0)
    die("no people in the store: use --generate", NULL);

  /* Look-ups first, on the store as generated: the recording below gives
   * the sampled people many more crossings than real travellers have. */
  history(s, people, n, lookups, dopt.until);
  /* New crossings come after everything in the store. */
  int64_t t = ((int64_t)bmis_date_to_days(dopt.until) + 2) * 86400;
  printf("record_single %.0f movements/s\n",
         record_rate(s, people, n, &t, single, 1));
  printf("record_batched %.0f movements/s (batch %ld)\n",
         record_rate(s, people, n, &t, batched, batch), batch);

  double t0 = now();
  long over = 0;
  if (bmis_overstay_list(s, dopt.until, count_stay, &over, &err) != BMIS_OK)
    die("overstay", &err);
  printf("overstay_list %.3f s (%ld overstays)\n", now() - t0, over);
  bmis_store_close(s);

  if (pg) {
    printf("floor_single %.0f rows/s\n", floor_postgres(url, single, 1));
    printf("floor_batched %.0f rows/s (batch %ld)\n",
           floor_postgres(url, batched, batch), batch);
  } else {
    char path[600];
    snprintf(path, sizeof path, "%s.floor", url);
    printf("floor_single %.0f rows/s\n", floor_sqlite(path, power, single, 1));
    printf("floor_batched %.0f rows/s (batch %ld)\n",
           floor_sqlite(path, power, batched, batch), batch);
    remove(path);
  }
  free(people);
  return 0;
}
