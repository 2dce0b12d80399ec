/* Crash test of recording: every acknowledged movement survives kill -9 of
 * the recorder, and nothing unacknowledged or partial is left behind.
 *
 *   crash_record [options] BMIS STORE [ROUNDS [SEED]]
 *
 * BMIS is the `bmis` command; STORE a SQLite path (or sqlite:PATH), a
 * postgres:// URL, or @FILE to read the URL from the first line of FILE (the
 * ctest fixture writes one). ROUNDS defaults to 20; SEED to $BMIS_TEST_SEED,
 * else a fixed value (the kill moments still vary with the machine).
 * Options:
 *   --durability process|power   passed to the recorder
 *   --fresh      SQLite: remove an existing store file (and its -wal, -shm)
 *                first; without it an existing file is refused
 *   --keep       PostgreSQL: keep the test's database even when it passes
 *   --verbose    also name each committed but unacknowledged movement
 *
 * PostgreSQL: the driver creates a database of its own in the server
 * (crash_PID_N) and works there, so tests may share one server; it drops it
 * when the test passes (unless --keep).
 *
 * Each round starts `bmis movement record --json --batch B --store URL -`
 * (B from {1, 1, 7, 50}) with pipes on stdin and stdout, writes crossings
 * continuously (at most B + 32 ahead of the acknowledgements: movement ids
 * chosen here, UUID v7, some in upper case; new and returning travellers,
 * entries and exits, refusals and referrals; lines that must be rejected;
 * in some rounds re-sends of acknowledged lines, which must come back
 * "duplicate"; and first the retries of every line never acknowledged, as a
 * client would) while reading the acknowledgements, then kills the recorder
 * with SIGKILL after a random delay or number of acknowledgements. In a
 * quarter of the rounds the driver stops reading and kills once the
 * acknowledgement pipe (shrunk to a page) is full: the recorder is then
 * blocked printing acknowledgements of lines it has committed.
 *
 * After each kill the store is reopened with SQLite or libpq directly, not
 * through libbmis (for PostgreSQL once the killed recorder's session has
 * ended), and checked:
 *   - every acknowledged id is present; no rejected or never-sent id is;
 *     every present id is one the driver sent;
 *   - an id present but never acknowledged was in flight at a kill: counted
 *     as "committed but unacknowledged" (allowed: the acknowledgement is
 *     printed after the commit); its retry must come back "duplicate", and
 *     the retry of an absent one "recorded";
 *   - the lines a round committed are whole batches and a prefix of what it
 *     sent (lines are committed in order, B at a time);
 *   - the whole store: each movement's traveller and document exist and are
 *     the ones its line named, with the fields it gave (local date,
 *     permitted stay, nationality); every document and traveller has a
 *     movement (nothing half-written); every traveller's person is a
 *     traveller; referrals are those the lines asked for; the stay table
 *     equals the stays recomputed here from the movements; SQLite's
 *     integrity_check and foreign_key_check pass; `bmis db info --json`
 *     counts the same, and `bmis traveller show --json` agrees on a sample.
 * A final round re-sends every line to the end of input: acknowledged ones
 * must all be "duplicate", rejected ones rejected again, and afterwards
 * every valid line written is stored exactly once.
 *
 * Exit status 0 when every check passed, 1 when any failed (each is
 * printed), 2 for bad usage or when the test could not run. */
#define _GNU_SOURCE /* F_SETPIPE_SZ (Linux); otherwise POSIX 2008 */
#include <jansson.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define NOT_FOUND SIZE_MAX
#define ACK_BUF (1u << 20)
#define ROUND_CAP_MS 3000 /* a round never runs longer than this */

/* ---- diagnostics ---- */

static size_t failures;
static bool verbose;

__attribute__((format(printf, 1, 2))) static void fail(const char *fmt, ...) {
  failures++;
  if (failures > 60) {
    if (failures == 61)
      fprintf(stderr, "FAIL: (further failures not shown)\n");
    return;
  }
  va_list ap;
  va_start(ap, fmt);
  fputs("FAIL: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

__attribute__((format(printf, 1, 2), noreturn)) static void die(const char *fmt,
                                                                ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("crash_record: cannot run: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(2);
}

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    die("out of memory");
  return p;
}

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    die("out of memory");
  return q;
}

static char *xstrdup(const char *s) {
  char *d = strdup(s);
  if (!d)
    die("out of memory");
  return d;
}

static int64_t now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
    ;
}

/* ---- randomness (splitmix64: the same sequence on every machine) ---- */

static uint64_t rng;

static uint64_t rnd(void) {
  uint64_t z = (rng += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

static size_t below(size_t n) {
  return n ? (size_t)(rnd() % n) : 0;
}

static bool per_mille(unsigned p) {
  return rnd() % 1000 < p;
}

/* ---- dates ---- */

/* Days since 1970-01-01 -> "YYYY-MM-DD" (proleptic Gregorian). */
static void date_text(int64_t days, char out[11]) {
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  int64_t y = yoe + era * 400 + (m <= 2);
  char buf[64];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
  snprintf(out, 11, "%.10s", buf);
}

static void time_text(int64_t t, char out[21]) {
  char day[11];
  date_text(t / 86400, day);
  int64_t s = t % 86400;
  char buf[64];
  snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", day, (int)(s / 3600),
           (int)(s / 60 % 60), (int)(s % 60));
  snprintf(out, 21, "%.20s", buf);
}

/* ---- the scenario: crossing points, travellers, lines ---- */

static const struct bcp_def {
  const char *code, *name, *kind, *tz, *transport;
  int offset_min; /* the zone's fixed UTC offset (neither has DST) */
} bcps[] = {
    {"NBO", "Jomo Kenyatta International", "air", "Africa/Nairobi", "air", 180},
    {"NMG", "Namanga", "land", "Africa/Nairobi", "road", 180},
    {"BOM", "Mumbai Chhatrapati Shivaji", "air", "Asia/Kolkata", "air", 330},
};
#define NBCP (sizeof bcps / sizeof bcps[0])
#define STATE "UTO" /* the operating State of the test store */

static const char *const nationalities[] = {"GBR", "KEN", "DEU", "IND",
                                            "USA", "FRA", "D",   STATE};

typedef struct traveller {
  char surname[16], given[16], birth[11], nationality[4], number[16];
  char sex;
  bool present; /* the driver's guess, to alternate entries and exits */
} traveller;

static traveller *pool;
static size_t npool, cap_pool;

typedef enum kind {
  L_VALID,
  L_BAD_BCP,
  L_BAD_COUNTRY,
  L_BAD_JSON,
  L_NATIONAL_REFUSED,
  L_CONFLICT /* an acknowledged id again, with another crossing */
} kind;

static const char *const kind_names[] = {
    "valid",          "unknown bcp",      "bad country",
    "malformed JSON", "refused national", "conflicting id"};

typedef enum state {
  S_NEW,      /* made, never written to a recorder */
  S_UNACKED,  /* written, never acknowledged */
  S_ACKED,    /* acknowledged "recorded" or "duplicate" */
  S_REJECTED, /* acknowledged "rejected" */
} state;

typedef struct rec {
  char id[37]; /* lower case; for L_CONFLICT the target's id */
  char *text;  /* the line, with its newline */
  size_t len;
  kind kind;
  size_t target; /* L_CONFLICT: the record whose id it reuses */
  char issuing[4], number[16], nationality[4];
  bool entry;
  size_t bcp;
  int64_t crossed_at;
  const char *decision;
  int permitted_days; /* 0: none */
  int referrals;      /* referral rows the movement must have */
  state state;
  int round, line;        /* where it was last written */
  bool present;           /* at the last inspection */
  bool committed_unacked; /* found present while never acknowledged */
} rec;

static rec *recs;
static size_t nrecs, cap_recs;
static size_t *acked; /* records acknowledged recorded/duplicate */
static size_t nacked, cap_acked;
static int64_t clock_s; /* the scenario's clock: crossing times */
static unsigned doc_counter;

static struct {
  size_t sent, recorded, retry_recorded, retry_duplicate, resent_duplicate,
      rejected, in_flight, committed_unacked, kills, probes;
  size_t rejected_by_kind[6];
} stats;

static void make_id(char out[37], bool *upper_case) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  uint64_t ms = (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
  uint64_t a = rnd(), b = rnd();
  unsigned char u[16];
  for (int i = 0; i < 6; i++)
    u[i] = (unsigned char)(ms >> (40 - 8 * i));
  u[6] = (unsigned char)(0x70 | (a & 0x0f)); /* version 7 */
  u[7] = (unsigned char)(a >> 8);
  u[8] = (unsigned char)(0x80 | (b & 0x3f)); /* variant 10 */
  for (int i = 9; i < 16; i++)
    u[i] = (unsigned char)(b >> (8 * (i - 8)));
  snprintf(out, 37,
           "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x"
           "%02x",
           u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10],
           u[11], u[12], u[13], u[14], u[15]);
  *upper_case = per_mille(50); /* the register must fold these */
}

static void random_name(char *out, size_t len) {
  for (size_t i = 0; i < len; i++)
    out[i] = (char)('A' + below(26));
  out[len] = 0;
}

static size_t new_traveller(bool national) {
  if (npool == cap_pool) {
    cap_pool = cap_pool ? cap_pool * 2 : 256;
    pool = xrealloc(pool, cap_pool * sizeof *pool);
  }
  traveller *t = &pool[npool];
  memset(t, 0, sizeof *t);
  random_name(t->surname, 6 + below(8));
  random_name(t->given, 3 + below(9));
  char birth[64];
  int y = 1940 + (int)below(70);
  if (per_mille(100))
    snprintf(birth, sizeof birth, "%d", y); /* partial */
  else
    snprintf(birth, sizeof birth, "%d-%02d-%02d", y, 1 + (int)below(12),
             1 + (int)below(28));
  snprintf(t->birth, sizeof t->birth, "%.10s", birth);
  t->sex = "FMX"[below(3)];
  snprintf(t->nationality, sizeof t->nationality, "%s",
           national ? STATE : nationalities[below(7)]);
  snprintf(t->number, sizeof t->number, "CR%07u", ++doc_counter);
  return npool++;
}

static rec *new_rec(kind k) {
  if (nrecs == cap_recs) {
    cap_recs = cap_recs ? cap_recs * 2 : 1024;
    recs = xrealloc(recs, cap_recs * sizeof *recs);
  }
  rec *r = &recs[nrecs++];
  memset(r, 0, sizeof *r);
  r->kind = k;
  r->target = NOT_FOUND;
  r->decision = "admitted";
  return r;
}

/* Writes the JSON line of a crossing into r->text. `bcp_code` and
 * `nationality` may differ from the record's to make it invalid; `bad` is a
 * malformed-JSON variant (0: none). */
static void render(rec *r, const traveller *t, const char *id_text,
                   const char *bcp_code, const char *nationality,
                   const char *route, int bad) {
  char at[21], line[2048];
  time_text(r->crossed_at, at);
  const struct bcp_def *b = &bcps[r->bcp];
  char extra[128] = "";
  size_t used = 0;
  if (strcmp(r->decision, "refused") == 0)
    used +=
        (size_t)snprintf(extra + used, sizeof extra - used,
                         ",\"grounds\":\"%s\"", per_mille(500) ? "C" : "EG");
  if (r->permitted_days)
    used += (size_t)snprintf(extra + used, sizeof extra - used,
                             ",\"permitted_days\":%d", r->permitted_days);
  /* kinds that do not protect the person: an open asylum, child-protection
   * or trafficking referral bars the person's later refusals and turns
   * earlier ones, which this model of the store does not follow (the
   * safeguards have their own tests: tests/unit/inspect) */
  if (r->referrals == 2)
    snprintf(extra + used, sizeof extra - used,
             ",\"referrals\":[\"medical\",\"secondary\"]");
  else if (r->referrals == 1 && strcmp(r->decision, "referred") != 0)
    snprintf(extra + used, sizeof extra - used, ",\"referrals\":[\"medical\"]");
  int n;
  if (bad == 1)
    n = snprintf(line, sizeof line,
                 "{\"id\":\"%s\",\"direction\":%s,\"bcp\":\"%s\"}\n", id_text,
                 r->entry ? "entry" : "exit", bcp_code);
  else if (bad == 2)
    n = snprintf(line, sizeof line, "{\"id\":\"%s\",\"bcp\":\"%s\"}}\n",
                 id_text, bcp_code);
  else if (bad == 3)
    n = snprintf(line, sizeof line, "[\"%s\", \"%s\"]\n", id_text, bcp_code);
  else if (bad == 4)
    n = snprintf(line, sizeof line, "crossing %s at %s\n", id_text, bcp_code);
  else
    n = snprintf(
        line, sizeof line,
        "{\"id\":\"%s\",\"direction\":\"%s\",\"bcp\":\"%s\","
        "\"crossed_at\":\"%s\",\"transport\":\"%s\",\"carrier\":\"CR\","
        "\"transport_number\":\"CR%zu\",\"route_country\":\"%s\","
        "\"purpose\":\"leisure\",\"decision\":\"%s\"%s,"
        "\"officer\":\"crash\",\"desk\":\"D%zu\","
        "\"traveller\":{\"surname\":\"%s\",\"given_names\":\"%s\","
        "\"birth\":\"%s\",\"sex\":\"%c\",\"nationality\":\"%s\"},"
        "\"document\":{\"type\":\"P\",\"issuing_state\":\"%s\","
        "\"number\":\"%s\",\"expiry\":\"2035-06-30\"}}\n",
        id_text, r->entry ? "entry" : "exit", bcp_code, at, b->transport,
        below(1000), route, r->decision, extra, below(9), t->surname, t->given,
        t->birth, t->sex, nationality, r->issuing, r->number);
  if (n <= 0 || (size_t)n >= sizeof line || (size_t)n >= 4096)
    die("line too long");
  r->text = xstrdup(line);
  r->len = (size_t)n;
}

/* A valid crossing of a returning traveller (six in ten) or a new one. */
static size_t make_valid(void) {
  bool returning = npool > 0 && per_mille(600);
  size_t ti = returning ? below(npool) : new_traveller(per_mille(150));
  traveller *t = &pool[ti];
  bool national = strcmp(t->nationality, STATE) == 0;
  rec *r = new_rec(L_VALID);
  bool upper;
  make_id(r->id, &upper);
  clock_s += 60 + (int64_t)below(3 * 3600);
  r->crossed_at = clock_s;
  r->bcp = below(NBCP);
  r->entry = per_mille(100) ? t->present : !t->present; /* some anomalies */
  snprintf(r->issuing, sizeof r->issuing, "%s", t->nationality);
  snprintf(r->number, sizeof r->number, "%s", t->number);
  snprintf(r->nationality, sizeof r->nationality, "%s", t->nationality);
  unsigned d = (unsigned)below(1000);
  if (d < 70 && r->entry && !national) {
    r->decision = "refused";
  } else if (d < 140) {
    r->decision = "referred";
    r->referrals = per_mille(300) ? 2 : 1; /* "secondary" when none given */
  } else {
    if (per_mille(30))
      r->referrals = per_mille(500) ? 2 : 1;
    if (r->entry && !national && per_mille(700))
      r->permitted_days = 1 + (int)below(60);
  }
  if (strcmp(r->decision, "admitted") == 0)
    t->present = r->entry;
  char id_text[37];
  snprintf(id_text, sizeof id_text, "%s", r->id);
  if (upper)
    for (char *p = id_text; *p; p++)
      if (*p >= 'a' && *p <= 'f')
        *p = (char)(*p - 'a' + 'A');
  render(r, t, id_text, bcps[r->bcp].code, t->nationality, "GBR", 0);
  return nrecs - 1;
}

/* A line that must be rejected, for a throwaway traveller whose document
 * must therefore never appear in the store. */
static size_t make_invalid(void) {
  static const kind kinds[] = {L_BAD_BCP, L_BAD_COUNTRY, L_BAD_JSON,
                               L_NATIONAL_REFUSED};
  kind k = kinds[below(4)];
  traveller t;
  size_t saved = npool;
  size_t ti = new_traveller(k == L_NATIONAL_REFUSED);
  t = pool[ti];
  npool = saved; /* not one of the travellers who come back */
  rec *r = new_rec(k);
  bool upper;
  make_id(r->id, &upper);
  r->crossed_at = clock_s + (int64_t)below(600);
  r->bcp = below(NBCP);
  r->entry = true;
  snprintf(r->issuing, sizeof r->issuing, "%s", t.nationality);
  snprintf(r->number, sizeof r->number, "%s", t.number);
  snprintf(r->nationality, sizeof r->nationality, "%s", t.nationality);
  if (k == L_NATIONAL_REFUSED)
    r->decision = "refused";
  bool bad_route = per_mille(500);
  render(r, &t, r->id, k == L_BAD_BCP ? "NOPE" : bcps[r->bcp].code,
         k == L_BAD_COUNTRY && !bad_route ? "ZZZ" : t.nationality,
         k == L_BAD_COUNTRY && bad_route ? "QQQ" : "GBR",
         k == L_BAD_JSON ? 1 + (int)below(4) : 0);
  return nrecs - 1;
}

/* An acknowledged id sent again with another crossing (a new document):
 * must be rejected as a conflict and change nothing. */
static size_t make_conflict(void) {
  size_t target = acked[below(nacked)];
  traveller t;
  size_t saved = npool;
  size_t ti = new_traveller(false); /* may move the pool */
  t = pool[ti];
  npool = saved;
  rec *r = new_rec(L_CONFLICT);
  const rec *g = &recs[target];
  memmove(r->id, g->id, sizeof r->id); /* r != g: new_rec made r */
  r->target = target;
  r->crossed_at = g->crossed_at + 60;
  r->bcp = g->bcp;
  r->entry = g->entry;
  snprintf(r->issuing, sizeof r->issuing, "%s", t.nationality);
  snprintf(r->number, sizeof r->number, "%s", t.number);
  snprintf(r->nationality, sizeof r->nationality, "%s", t.nationality);
  render(r, &t, r->id, bcps[r->bcp].code, t.nationality, "GBR", 0);
  return nrecs - 1;
}

static void note_acked(size_t i) {
  if (nacked == cap_acked) {
    cap_acked = cap_acked ? cap_acked * 2 : 1024;
    acked = xrealloc(acked, cap_acked * sizeof *acked);
  }
  acked[nacked++] = i;
}

/* ---- running bmis ---- */

typedef struct options {
  const char *bmis;
  char *url;        /* the store the recorder uses */
  char *admin_url;  /* PostgreSQL: the server's own database */
  char db_name[64]; /* PostgreSQL: the test's database */
  char *sqlite_path;
  bool pg, fresh, keep;
  const char *durability;
  int rounds;
  uint64_t seed;
} options;

static options opt;

static void set_cloexec(int fd) {
  fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC);
}

static void set_nonblock(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

/* Starts argv with stdin and/or stdout on new pipes (fds returned in *in,
 * *out when those are non-NULL). */
static pid_t spawn(char *const argv[], int *in, int *out) {
  int pin[2] = {-1, -1}, pout[2] = {-1, -1};
  if ((in && pipe(pin) != 0) || (out && pipe(pout) != 0))
    die("pipe: %s", strerror(errno));
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  if (in) {
    set_cloexec(pin[0]);
    set_cloexec(pin[1]);
    posix_spawn_file_actions_adddup2(&fa, pin[0], 0);
  }
  if (out) {
    set_cloexec(pout[0]);
    set_cloexec(pout[1]);
    posix_spawn_file_actions_adddup2(&fa, pout[1], 1);
  }
  pid_t pid;
  int rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0)
    die("cannot run %s: %s", argv[0], strerror(rc));
  if (in) {
    close(pin[0]);
    *in = pin[1];
  }
  if (out) {
    close(pout[1]);
    *out = pout[0];
  }
  return pid;
}

static int wait_status(pid_t pid) {
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR)
      die("waitpid: %s", strerror(errno));
  return status;
}

/* Runs argv to its end; its standard output in *output (NUL-ended, the
 * caller frees) when output is not NULL. Returns the exit status, or -1
 * when it did not exit normally. */
static int run(char *const argv[], char **output) {
  int out = -1;
  pid_t pid = spawn(argv, NULL, output ? &out : NULL);
  size_t len = 0, cap = 4096;
  char *buf = output ? xmalloc(cap) : NULL;
  while (output) {
    if (len + 1 == cap)
      buf = xrealloc(buf, cap *= 2);
    ssize_t got = read(out, buf + len, cap - len - 1);
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      break;
    len += (size_t)got;
  }
  if (output) {
    close(out);
    buf[len] = 0;
    *output = buf;
  }
  int status = wait_status(pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* ---- the store, read without libbmis ---- */

typedef struct table {
  size_t rows, cols;
  char **v; /* rows * cols cells; NULL for SQL NULL */
} table;

static const char *cell(const table *t, size_t r, size_t c) {
  return t->v[r * t->cols + c];
}

static const char *cell0(const table *t, size_t r, size_t c) {
  const char *v = cell(t, r, c);
  return v ? v : "";
}

static void table_free(table *t) {
  for (size_t i = 0; t->v && i < t->rows * t->cols; i++)
    free(t->v[i]);
  free(t->v);
  memset(t, 0, sizeof *t);
}

typedef struct db {
  sqlite3 *sq;
  PGconn *pq;
} db;

static bool db_open(db *d) {
  memset(d, 0, sizeof *d);
  if (opt.pg) {
    d->pq = PQconnectdb(opt.url);
    if (PQstatus(d->pq) != CONNECTION_OK) {
      fail("libpq: cannot connect to the test database: %s",
           PQerrorMessage(d->pq));
      PQfinish(d->pq);
      d->pq = NULL;
      return false;
    }
    return true;
  }
  /* Read-only: closing does not checkpoint and remove the WAL, so bmis
   * (db info, the next recorder) opens the store as the kill left it. */
  if (sqlite3_open_v2(opt.sqlite_path, &d->sq, SQLITE_OPEN_READONLY, NULL) !=
      SQLITE_OK) {
    fail("sqlite: cannot open %s: %s", opt.sqlite_path,
         d->sq ? sqlite3_errmsg(d->sq) : "out of memory");
    sqlite3_close(d->sq);
    d->sq = NULL;
    return false;
  }
  sqlite3_busy_timeout(d->sq, 10000);
  return true;
}

static void db_close(db *d) {
  if (d->sq)
    sqlite3_close(d->sq);
  if (d->pq)
    PQfinish(d->pq);
  memset(d, 0, sizeof *d);
}

static bool db_query(db *d, const char *sql, table *t) {
  memset(t, 0, sizeof *t);
  if (d->pq) {
    PGresult *res = PQexec(d->pq, sql);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
      fail("libpq: %s: %s", sql, PQresultErrorMessage(res));
      PQclear(res);
      return false;
    }
    t->rows = (size_t)PQntuples(res);
    t->cols = (size_t)PQnfields(res);
    t->v = xmalloc(t->rows * t->cols * sizeof *t->v);
    for (size_t r = 0; r < t->rows; r++)
      for (size_t c = 0; c < t->cols; c++)
        t->v[r * t->cols + c] = PQgetisnull(res, (int)r, (int)c)
                                    ? NULL
                                    : xstrdup(PQgetvalue(res, (int)r, (int)c));
    PQclear(res);
    return true;
  }
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(d->sq, sql, -1, &st, NULL) != SQLITE_OK) {
    fail("sqlite: %s: %s", sql, sqlite3_errmsg(d->sq));
    return false;
  }
  t->cols = (size_t)sqlite3_column_count(st);
  size_t cap = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (t->rows == cap) {
      cap = cap ? cap * 2 : 256;
      t->v = xrealloc(t->v, cap * t->cols * sizeof *t->v);
    }
    for (size_t c = 0; c < t->cols; c++) {
      const unsigned char *v = sqlite3_column_text(st, (int)c);
      t->v[t->rows * t->cols + c] = v ? xstrdup((const char *)v) : NULL;
    }
    t->rows++;
  }
  if (rc != SQLITE_DONE) {
    fail("sqlite: %s: %s", sql, sqlite3_errmsg(d->sq));
    sqlite3_finalize(st);
    table_free(t);
    return false;
  }
  sqlite3_finalize(st);
  return true;
}

/* PostgreSQL: a killed client's session may still be finishing (even
 * committing) on the server. Waits until no session but ours uses the
 * test's database, so what we read is what the crash left. */
static void pg_wait_idle(db *d) {
  int64_t start = now_ms();
  for (;;) {
    table t;
    if (!db_query(d,
                  "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                  "current_database() AND pid <> pg_backend_pid()",
                  &t))
      return;
    bool idle = t.rows == 1 && strcmp(cell0(&t, 0, 0), "0") == 0;
    table_free(&t);
    if (idle)
      return;
    if (now_ms() - start > 20000) {
      fail("postgres: the killed recorder's session is still open after 20 s");
      return;
    }
    sleep_ms(5);
  }
}

/* ---- sorted indexes over strings ---- */

typedef struct key {
  const char *k;
  size_t i;
} key;

static int key_cmp(const void *a, const void *b) {
  const key *x = a, *y = b;
  int c = strcmp(x->k, y->k);
  return c ? c : (x->i > y->i) - (x->i < y->i);
}

static key *index_table(const table *t, size_t col) {
  key *k = xmalloc(t->rows * sizeof *k);
  for (size_t r = 0; r < t->rows; r++)
    k[r] = (key){cell0(t, r, col), r};
  qsort(k, t->rows, sizeof *k, key_cmp);
  return k;
}

/* The first position whose key is >= s. */
static size_t lower_bound(const key *k, size_t n, const char *s) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(k[mid].k, s) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static size_t find(const key *k, size_t n, const char *s) {
  size_t p = lower_bound(k, n, s);
  return p < n && strcmp(k[p].k, s) == 0 ? k[p].i : NOT_FOUND;
}

static size_t count_of(const key *k, size_t n, const char *s) {
  size_t c = 0;
  for (size_t p = lower_bound(k, n, s); p < n && strcmp(k[p].k, s) == 0; p++)
    c++;
  return c;
}

/* The records that own an id (L_CONFLICT lines reuse another's). */
static key *index_recs(size_t *n) {
  key *k = xmalloc(nrecs * sizeof *k);
  *n = 0;
  for (size_t i = 0; i < nrecs; i++)
    if (recs[i].kind != L_CONFLICT)
      k[(*n)++] = (key){recs[i].id, i};
  qsort(k, *n, sizeof *k, key_cmp);
  for (size_t i = 1; i < *n; i++)
    if (strcmp(k[i - 1].k, k[i].k) == 0)
      die("the driver made the id %s twice", k[i].k);
  return k;
}

/* ---- after each kill: presence of every id ---- */

typedef enum how {
  H_FRESH,   /* a new valid line */
  H_RETRY,   /* a line never acknowledged, sent again */
  H_RESEND,  /* an acknowledged line, sent again: must be "duplicate" */
  H_INVALID, /* must be rejected */
  H_PROBE    /* conflicting reuse of an id: must be rejected */
} how;

typedef struct round {
  int number, batch;
  bool final;
  pid_t pid;
  int in, out;
  size_t *line_rec; /* record of each line written (line N at N - 1) */
  unsigned char *line_how;
  bool *decided; /* the line's commit depends on this round only */
  size_t nlines, cap_lines;
  size_t acks;   /* acknowledgements read: lines 1..acks */
  size_t window; /* most lines written and not yet acknowledged */
  size_t recorded, duplicate, rejected;
  char *buf;
  size_t used;
  /* the plan */
  size_t *retry, nretry, next_retry;
  size_t resends_left;
  bool has_pending;
  size_t pending;
  unsigned char pending_how;
} round;

/* Reads every id in the store and checks it against what was acknowledged.
 * Updates each record's `present`. For a crash round, also checks that the
 * lines it committed are whole batches and a prefix of what it sent. */
static void check_presence(round *rd) {
  db d;
  if (!db_open(&d))
    return;
  if (d.pq)
    pg_wait_idle(&d);
  table t;
  if (!db_query(&d, "SELECT id FROM movement", &t)) {
    db_close(&d);
    return;
  }
  db_close(&d);
  key *ids = index_table(&t, 0);
  for (size_t i = 1; i < t.rows; i++)
    if (strcmp(ids[i - 1].k, ids[i].k) == 0)
      fail("movement %s is in the store twice", ids[i].k);
  size_t nk;
  key *mine = index_recs(&nk);
  for (size_t i = 0; i < t.rows; i++)
    if (find(mine, nk, ids[i].k) == NOT_FOUND)
      fail("after round %d: movement %s is in the store but was never sent",
           rd->number, ids[i].k);
  size_t found = 0;
  for (size_t i = 0; i < nrecs; i++) {
    rec *r = &recs[i];
    if (r->kind == L_CONFLICT)
      continue;
    bool present = find(ids, t.rows, r->id) != NOT_FOUND;
    if (r->kind != L_VALID) {
      if (present)
        fail("after round %d: %s line %d of round %d (id %s) was stored",
             rd->number, kind_names[r->kind], r->line, r->round, r->id);
    } else if (r->state == S_ACKED && !present) {
      fail("after round %d: acknowledged movement %s (round %d, line %d) is "
           "missing",
           rd->number, r->id, r->round, r->line);
    } else if (r->state == S_NEW && present) {
      fail("after round %d: movement %s was stored but never sent", rd->number,
           r->id);
    } else if (r->state == S_UNACKED && present && !r->committed_unacked) {
      r->committed_unacked = true;
      found++;
      if (verbose)
        printf("  committed but unacknowledged: %s (round %d, line %d)\n",
               r->id, r->round, r->line);
    }
    r->present = present;
  }
  stats.committed_unacked += found;
  /* Commits happen in line order, a batch at a time: among the lines whose
   * fate this round decided, the committed ones are whole leading batches. */
  if (!rd->final) {
    size_t last_committed = 0, first_uncommitted = SIZE_MAX;
    bool any_committed = false;
    for (size_t l = 0; l < rd->nlines; l++) {
      if (!rd->decided[l])
        continue;
      size_t g = l / (size_t)rd->batch;
      if (recs[rd->line_rec[l]].present) {
        last_committed = g;
        any_committed = true;
      } else if (first_uncommitted == SIZE_MAX) {
        first_uncommitted = g;
      }
    }
    if (any_committed && first_uncommitted != SIZE_MAX &&
        last_committed >= first_uncommitted)
      fail("round %d (batch %d): batch %zu was committed but an earlier or "
           "the same batch (%zu) was not: not a prefix of whole batches",
           rd->number, rd->batch, last_committed + 1, first_uncommitted + 1);
  }
  if (!rd->final)
    printf("  store after the kill: %zu movements; %zu committed but "
           "unacknowledged\n",
           t.rows, found);
  free(mine);
  free(ids);
  table_free(&t);
}

/* ---- a round ---- */

static void add_line(round *rd, size_t ri, how h) {
  if (rd->nlines == rd->cap_lines) {
    rd->cap_lines = rd->cap_lines ? rd->cap_lines * 2 : 1024;
    rd->line_rec = xrealloc(rd->line_rec, rd->cap_lines * sizeof *rd->line_rec);
    rd->line_how = xrealloc(rd->line_how, rd->cap_lines * sizeof *rd->line_how);
    rd->decided = xrealloc(rd->decided, rd->cap_lines * sizeof *rd->decided);
  }
  rec *r = &recs[ri];
  rd->line_rec[rd->nlines] = ri;
  rd->line_how[rd->nlines] = (unsigned char)h;
  rd->decided[rd->nlines] = h == H_FRESH || (h == H_RETRY && !r->present);
  rd->nlines++;
  if (h != H_RESEND) { /* where it was last in flight */
    r->round = rd->number;
    r->line = (int)rd->nlines;
  }
  if (r->state == S_NEW && (h == H_FRESH || h == H_INVALID))
    r->state = S_UNACKED;
  stats.sent++;
}

/* The next line to write: retries first, then (in crash rounds) new lines
 * mixed with re-sends, invalid lines and conflicting ids. */
static bool next_line(round *rd, size_t *ri, how *h) {
  if (rd->has_pending) {
    *ri = rd->pending;
    *h = (how)rd->pending_how;
    return true;
  }
  if (rd->next_retry < rd->nretry) {
    *ri = rd->retry[rd->next_retry++];
    rec *r = &recs[*ri];
    *h = r->kind != L_VALID    ? (r->kind == L_CONFLICT ? H_PROBE : H_INVALID)
         : r->state == S_ACKED ? H_RESEND
                               : H_RETRY;
    return true;
  }
  if (rd->final)
    return false;
  unsigned d = (unsigned)below(1000);
  if (d < 40 && rd->resends_left > 0 && nacked > 0) {
    rd->resends_left--;
    *ri = acked[below(nacked)];
    *h = H_RESEND;
  } else if (d < 100) {
    *ri = make_invalid();
    *h = H_INVALID;
  } else if (d < 115 && nacked > 0) {
    *ri = make_conflict();
    *h = H_PROBE;
  } else {
    *ri = make_valid();
    *h = H_FRESH;
  }
  return true;
}

static const char *expected_code(kind k) {
  switch (k) {
  case L_NATIONAL_REFUSED: return "E_RULE";
  case L_CONFLICT: return "E_CONFLICT";
  case L_BAD_JSON: return NULL; /* E_PARSE or E_INVALID_ARG */
  default: return "E_INVALID_ARG";
  }
}

static void on_ack(round *rd, const char *text, size_t len) {
  json_error_t je;
  json_t *j = json_loadb(text, len, 0, &je);
  if (!j || !json_is_object(j)) {
    fail("round %d: acknowledgement is not a JSON object: %.*s", rd->number,
         (int)len, text);
    json_decref(j);
    return;
  }
  json_int_t line = json_integer_value(json_object_get(j, "line"));
  const char *status = json_string_value(json_object_get(j, "status"));
  const char *mid = json_string_value(json_object_get(j, "movement_id"));
  const char *code = json_string_value(json_object_get(j, "code"));
  const char *error = json_string_value(json_object_get(j, "error"));
  if (!status)
    status = "";
  if (line != (json_int_t)rd->acks + 1 || (size_t)line > rd->nlines) {
    fail("round %d: acknowledgement for line %lld, expected line %zu (%zu "
         "written): %.*s",
         rd->number, (long long)line, rd->acks + 1, rd->nlines, (int)len, text);
    json_decref(j);
    return;
  }
  rd->acks = (size_t)line;
  size_t ri = rd->line_rec[line - 1];
  rec *r = &recs[ri];
  how h = (how)rd->line_how[line - 1];
  bool ok_status =
      strcmp(status, "recorded") == 0 || strcmp(status, "duplicate") == 0;
  if (strcmp(status, "recorded") == 0)
    rd->recorded++;
  else if (strcmp(status, "duplicate") == 0)
    rd->duplicate++;
  else
    rd->rejected++;
  if (h == H_INVALID || h == H_PROBE) {
    const char *want = expected_code(r->kind);
    if (strcmp(status, "rejected") != 0)
      fail("round %d line %lld: %s line was %s, not rejected: %.*s", rd->number,
           (long long)line, kind_names[r->kind], status, (int)r->len - 1,
           r->text);
    else if (want ? !code || strcmp(code, want) != 0
                  : !code || (strcmp(code, "E_PARSE") != 0 &&
                              strcmp(code, "E_INVALID_ARG") != 0))
      fail("round %d line %lld: %s line rejected with %s, expected %s (%s)",
           rd->number, (long long)line, kind_names[r->kind],
           code ? code : "no code", want ? want : "E_PARSE",
           error ? error : "");
    if (h == H_INVALID)
      r->state = S_REJECTED;
    else
      stats.probes++;
    stats.rejected++;
    stats.rejected_by_kind[r->kind]++;
  } else if (!ok_status) {
    fail("round %d line %lld: valid line rejected (%s: %s): %.*s", rd->number,
         (long long)line, code ? code : "?", error ? error : "?",
         (int)r->len - 1, r->text);
  } else if (!mid || strcmp(mid, r->id) != 0) {
    fail("round %d line %lld: acknowledged movement_id %s, sent %s", rd->number,
         (long long)line, mid ? mid : "(none)", r->id);
  } else if (h == H_FRESH) {
    if (strcmp(status, "recorded") != 0)
      fail("round %d line %lld: new movement %s came back %s", rd->number,
           (long long)line, r->id, status);
    stats.recorded++;
  } else if (h == H_RETRY) {
    /* The retry of a line the last inspection found stored must be a
     * duplicate; of one it did not find, recorded now. */
    const char *want = r->present ? "duplicate" : "recorded";
    if (strcmp(status, want) != 0)
      fail("round %d line %lld: retry of %s (in flight in round %d) came back "
           "%s, expected %s (it was %s after that crash)",
           rd->number, (long long)line, r->id, r->round, status, want,
           r->present ? "in the store" : "not in the store");
    if (strcmp(status, "duplicate") == 0)
      stats.retry_duplicate++;
    else
      stats.retry_recorded++;
  } else { /* H_RESEND */
    if (strcmp(status, "duplicate") != 0)
      fail("round %d line %lld: acknowledged movement %s sent again came back "
           "%s, not duplicate",
           rd->number, (long long)line, r->id, status);
    stats.resent_duplicate++;
  }
  if ((h == H_FRESH || h == H_RETRY) && ok_status && r->state != S_ACKED) {
    r->state = S_ACKED;
    note_acked(ri);
  }
  json_decref(j);
}

/* Reads what the recorder wrote; false at end of file. */
static bool read_acks(round *rd) {
  for (;;) {
    if (rd->used == ACK_BUF)
      die("an acknowledgement line longer than %u bytes", ACK_BUF);
    ssize_t got = read(rd->out, rd->buf + rd->used, ACK_BUF - rd->used);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0 && errno == EAGAIN)
      return true;
    if (got <= 0)
      return false;
    rd->used += (size_t)got;
    size_t start = 0;
    for (size_t i = 0; i < rd->used; i++)
      if (rd->buf[i] == '\n') {
        on_ack(rd, rd->buf + start, i - start);
        start = i + 1;
      }
    memmove(rd->buf, rd->buf + start, rd->used - start);
    rd->used -= start;
  }
}

/* Writes lines while the pipe takes them; false once there is nothing more
 * to write. A line is atomic (under PIPE_BUF): written whole or not at all. */
static bool write_lines(round *rd) {
  for (int n = 0; n < 256 && rd->nlines - rd->acks < rd->window; n++) {
    size_t ri;
    how h;
    if (!next_line(rd, &ri, &h))
      return false;
    rec *r = &recs[ri];
    ssize_t w = write(rd->in, r->text, r->len);
    if (w < 0 && (errno == EAGAIN || errno == EINTR)) {
      rd->has_pending = true;
      rd->pending = ri;
      rd->pending_how = (unsigned char)h;
      return true;
    }
    if (w < 0) {
      fail("round %d: writing to the recorder: %s", rd->number,
           strerror(errno));
      return false;
    }
    if ((size_t)w != r->len)
      die("a short write to the recorder (%zd of %zu bytes)", w, r->len);
    rd->has_pending = false;
    add_line(rd, ri, h);
  }
  return true;
}

static void start_recorder(round *rd) {
  char batch[16];
  snprintf(batch, sizeof batch, "%d", rd->batch);
  char *argv[] = {(char *)opt.bmis,
                  "movement",
                  "record",
                  "--json",
                  "--batch",
                  batch,
                  "--durability",
                  (char *)opt.durability,
                  "--store",
                  opt.url,
                  "-",
                  NULL};
  rd->pid = spawn(argv, &rd->in, &rd->out);
  set_nonblock(rd->in);
  set_nonblock(rd->out);
  rd->buf = xmalloc(ACK_BUF);
}

static void free_round(round *rd) {
  free(rd->line_rec);
  free(rd->line_how);
  free(rd->decided);
  free(rd->retry);
  free(rd->buf);
}

/* The lines to send first: every valid line never acknowledged (a client
 * retries them), in the order they were made. In the final round, every
 * line ever written. */
static void plan_retries(round *rd) {
  rd->retry = xmalloc((nrecs ? nrecs : 1) * sizeof *rd->retry);
  for (size_t i = 0; i < nrecs; i++) {
    const rec *r = &recs[i];
    bool written = r->round > 0;
    if (rd->final ? written : r->kind == L_VALID && r->state == S_UNACKED)
      rd->retry[rd->nretry++] = i;
  }
}

static void check_store(const char *when, bool final, int samples);

static void crash_round(int number) {
  static const int batches[] = {1, 1, 7, 50};
  round rd;
  memset(&rd, 0, sizeof rd);
  rd.number = number;
  rd.batch = batches[below(4)];
  rd.window = (size_t)rd.batch + 32; /* a recorder's backlog, not the pipe's */
  plan_retries(&rd);
  rd.resends_left = per_mille(500) ? 1 + below(20) : 0;
  /* When to kill: after a number of acknowledgements, or a delay counted
   * from the start (so sometimes while the recorder opens the store) or
   * from the first acknowledgement. */
  bool by_acks = per_mille(500);
  size_t kill_acks = 1 + below(300);
  int64_t kill_ms = 3 + (int64_t)below(298);
  bool from_first_ack = per_mille(700);
  /* Or stop reading acknowledgements, wait until the pipe (shrunk to a
   * page) is full, then kill a little later: the recorder is blocked
   * printing acknowledgements of lines it has committed. */
  bool stall = per_mille(250);
  int64_t stall_ms = INT64_MAX, full_at = -1, queued_since = 0;
  int last_queued = -1;
  int pipe_size = 65536;
  if (stall) {
    by_acks = from_first_ack = false;
    kill_ms = (int64_t)below(20); /* after the pipe is full */
    stall_ms = (int64_t)below(200);
  }
  start_recorder(&rd);
#if defined(F_SETPIPE_SZ) && defined(F_GETPIPE_SZ)
  if (stall && fcntl(rd.out, F_SETPIPE_SZ, 4096) >= 0)
    pipe_size = fcntl(rd.out, F_GETPIPE_SZ);
#endif
  int64_t t0 = now_ms(), t_ack = -1;
  bool writing = true, eof = false;
  for (;;) {
    int64_t t = now_ms() - t0;
    if (t_ack < 0 && rd.acks > 0)
      t_ack = t;
    /* Full: most of the pipe queued and nothing added for 8 ms. */
    int queued = 0;
    if (stall && t >= stall_ms && full_at < 0 &&
        ioctl(rd.out, FIONREAD, &queued) == 0) {
      if (queued != last_queued) {
        last_queued = queued;
        queued_since = t;
      } else if (queued > pipe_size / 2 && t - queued_since >= 8) {
        full_at = t;
      }
    }
    int64_t kill_at;
    if (stall)
      kill_at = full_at >= 0 ? full_at + kill_ms : t + 2; /* poll the pipe */
    else if (by_acks)
      kill_at = ROUND_CAP_MS;
    else if (from_first_ack)
      kill_at = t_ack >= 0 ? t_ack + kill_ms : ROUND_CAP_MS;
    else
      kill_at = kill_ms;
    if ((by_acks && rd.acks >= kill_acks) ||
        (t >= kill_at && (!stall || full_at >= 0)) || t >= ROUND_CAP_MS)
      break;
    struct pollfd p[2] = {{rd.out, POLLIN, 0}, {rd.in, POLLOUT, 0}};
    bool reading = t < stall_ms;
    if (!reading)
      p[0].fd = -1;
    if (!writing || rd.nlines - rd.acks >= rd.window)
      p[1].fd = -1;
    int64_t wait = kill_at - t;
    if (reading && stall_ms - t < wait)
      wait = stall_ms - t;
    if (wait < 1)
      wait = 1;
    if (poll(p, 2, (int)wait) < 0 && errno != EINTR)
      die("poll: %s", strerror(errno));
    if (p[1].revents & (POLLOUT | POLLERR | POLLHUP))
      writing = write_lines(&rd);
    if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      if (!read_acks(&rd)) {
        eof = true;
        break;
      }
    }
  }
  int64_t killed_at = now_ms() - t0;
  kill(rd.pid, SIGKILL);
  /* Reap it before reading on: a write it was blocked in must not complete
   * because we made room (Linux retries the copy before it looks at the
   * pending SIGKILL). What it wrote before it died was acknowledged. */
  int status = wait_status(rd.pid);
  int flags = fcntl(rd.out, F_GETFL);
  fcntl(rd.out, F_SETFL, flags & ~O_NONBLOCK);
  while (!eof && read_acks(&rd))
    ;
  stats.kills++;
  if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
    fail("round %d: the recorder ended by itself before the kill (exit "
         "status %d)",
         number, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  close(rd.in);
  close(rd.out);
  size_t in_flight = 0;
  for (size_t l = rd.acks; l < rd.nlines; l++) {
    rec *r = &recs[rd.line_rec[l]];
    if (r->kind == L_VALID && r->state != S_ACKED)
      in_flight++;
  }
  stats.in_flight += in_flight;
  printf("round %d: batch %d, killed after %lld ms%s%s%s; %zu lines written "
         "(%zu retries), %zu acknowledged (%zu recorded, %zu duplicate, %zu "
         "rejected), %zu in flight\n",
         number, rd.batch, (long long)killed_at,
         by_acks ? " (at an acknowledgement)" : "",
         from_first_ack ? " (timed from the first acknowledgement)" : "",
         stall ? " (reading stopped first)" : "", rd.nlines, rd.nretry, rd.acks,
         rd.recorded, rd.duplicate, rd.rejected, in_flight);
  fflush(stdout);
  check_presence(&rd);
  char when[64];
  snprintf(when, sizeof when, "  store after round %d", number);
  check_store(when, false, 2);
  free_round(&rd);
}

/* Sends every line ever written once more, to the end of input: acknowledged
 * ones must be duplicates, the rest recorded or duplicate as the store says,
 * invalid ones rejected again. */
static void final_round(int number) {
  round rd;
  memset(&rd, 0, sizeof rd);
  rd.number = number;
  rd.final = true;
  rd.batch = 500;
  rd.window = SIZE_MAX;
  plan_retries(&rd);
  start_recorder(&rd);
  bool writing = true;
  int64_t t0 = now_ms();
  for (;;) {
    struct pollfd p[2] = {{rd.out, POLLIN, 0}, {rd.in, POLLOUT, 0}};
    if (!writing)
      p[1].fd = -1;
    if (poll(p, 2, 1000) < 0 && errno != EINTR)
      die("poll: %s", strerror(errno));
    if (p[1].revents & (POLLOUT | POLLERR | POLLHUP)) {
      writing = write_lines(&rd);
      if (!writing && rd.in >= 0) {
        close(rd.in); /* end of input: the recorder commits and exits */
        rd.in = -1;
      }
    }
    if ((p[0].revents & (POLLIN | POLLHUP | POLLERR)) && !read_acks(&rd))
      break;
    if (now_ms() - t0 > 240000) {
      fail("final round: no end after 240 s");
      kill(rd.pid, SIGKILL);
      break;
    }
  }
  if (rd.in >= 0)
    close(rd.in);
  close(rd.out);
  int status = wait_status(rd.pid);
  bool any_invalid = false;
  for (size_t l = 0; l < rd.nlines; l++)
    if (recs[rd.line_rec[l]].kind != L_VALID)
      any_invalid = true;
  int want = any_invalid ? 1 : 0;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != want)
    fail("final round: the recorder's exit status is %d, expected %d",
         WIFEXITED(status) ? WEXITSTATUS(status) : -1, want);
  if (rd.acks != rd.nlines)
    fail("final round: %zu of %zu lines acknowledged", rd.acks, rd.nlines);
  printf("final round: batch %d, %zu lines written, %zu acknowledged (%zu "
         "recorded, %zu duplicate, %zu rejected) in %lld ms\n",
         rd.batch, rd.nlines, rd.acks, rd.recorded, rd.duplicate, rd.rejected,
         (long long)(now_ms() - t0));
  check_presence(&rd);
  free_round(&rd);
}

/* ---- the whole store ---- */

typedef struct stay {
  const char *entry_id, *exit_id;
  char entry_date[11], exit_date[11], permitted[11];
  unsigned flags;
} stay;

enum { F_ENTRY_WHILE_PRESENT = 1, F_EXIT_WITHOUT_ENTRY = 2, F_OVERSTAY = 4 };

/* Columns of the movement query. */
enum {
  M_ID,
  M_TRAVELLER,
  M_DOCUMENT,
  M_DIRECTION,
  M_BCP,
  M_CROSSED,
  M_LOCAL_DATE,
  M_PERMITTED,
  M_DECISION,
  M_NATIONALITY,
  M_VOIDED,
  M_VERSION,
  M_DOC_ID,
  M_DOC_TRAVELLER,
  M_DOC_STATE,
  M_DOC_NUMBER,
  M_T_ID,
  M_PERSON
};

static const table *sort_table;

/* Orders movement rows by person, then as the register orders a person's
 * movements: crossing time, then id. */
static int by_person_time(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  const table *t = sort_table;
  int c = strcmp(cell0(t, x, M_PERSON), cell0(t, y, M_PERSON));
  if (c)
    return c;
  long long tx = atoll(cell0(t, x, M_CROSSED)),
            ty = atoll(cell0(t, y, M_CROSSED));
  if (tx != ty)
    return tx < ty ? -1 : 1;
  return strcmp(cell0(t, x, M_ID), cell0(t, y, M_ID));
}

static int by_person_seq(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  const table *t = sort_table;
  int c = strcmp(cell0(t, x, 0), cell0(t, y, 0));
  if (c)
    return c;
  long long sx = atoll(cell0(t, x, 1)), sy = atoll(cell0(t, y, 1));
  return (sx > sy) - (sx < sy);
}

/* The stays of one person's movements rows[0..n) (in time order), by the
 * register's rules (src/lib/register/stay.c, written again here). */
static size_t model_stays(const table *m, const size_t *rows, size_t n,
                          stay *out) {
  size_t count = 0;
  stay *open = NULL;
  for (size_t i = 0; i < n; i++) {
    size_t r = rows[i];
    if (strcmp(cell0(m, r, M_DECISION), "admitted") != 0)
      continue;
    const char *date = cell0(m, r, M_LOCAL_DATE);
    if (strcmp(cell0(m, r, M_DIRECTION), "entry") == 0) {
      unsigned flag = 0;
      if (open) {
        snprintf(open->exit_date, sizeof open->exit_date, "%s", date);
        flag = F_ENTRY_WHILE_PRESENT;
        if (open->permitted[0] && strcmp(open->exit_date, open->permitted) > 0)
          open->flags |= F_OVERSTAY;
      }
      stay *s = &out[count++];
      memset(s, 0, sizeof *s);
      s->entry_id = cell0(m, r, M_ID);
      s->exit_id = "";
      snprintf(s->entry_date, sizeof s->entry_date, "%s", date);
      if (strcmp(cell0(m, r, M_NATIONALITY), STATE) != 0)
        snprintf(s->permitted, sizeof s->permitted, "%s",
                 cell0(m, r, M_PERMITTED));
      s->flags = flag;
      open = s;
    } else if (open) {
      open->exit_id = cell0(m, r, M_ID);
      snprintf(open->exit_date, sizeof open->exit_date, "%s", date);
      if (open->permitted[0] && strcmp(date, open->permitted) > 0)
        open->flags |= F_OVERSTAY;
      open = NULL;
    } else {
      stay *s = &out[count++];
      memset(s, 0, sizeof *s);
      s->entry_id = "";
      s->exit_id = cell0(m, r, M_ID);
      snprintf(s->entry_date, sizeof s->entry_date, "%s", date);
      snprintf(s->exit_date, sizeof s->exit_date, "%s", date);
      s->flags = F_EXIT_WITHOUT_ENTRY;
    }
  }
  return count;
}

/* Checks one movement row against the line that made it. */
static void check_movement(const table *m, size_t row, const rec *r) {
  const char *id = cell0(m, row, M_ID);
  if (!cell(m, row, M_DOC_ID))
    fail("movement %s: its document %s does not exist", id,
         cell0(m, row, M_DOCUMENT));
  if (!cell(m, row, M_T_ID))
    fail("movement %s: its traveller %s does not exist", id,
         cell0(m, row, M_TRAVELLER));
  if (cell(m, row, M_DOC_ID) &&
      strcmp(cell0(m, row, M_DOC_TRAVELLER), cell0(m, row, M_TRAVELLER)) != 0)
    fail("movement %s: its document belongs to traveller %s, the movement to "
         "%s",
         id, cell0(m, row, M_DOC_TRAVELLER), cell0(m, row, M_TRAVELLER));
  if (cell(m, row, M_DOC_ID) &&
      (strcmp(cell0(m, row, M_DOC_NUMBER), r->number) != 0 ||
       strcmp(cell0(m, row, M_DOC_STATE), r->issuing) != 0))
    fail("movement %s: document %s:%s, the line gave %s:%s", id,
         cell0(m, row, M_DOC_STATE), cell0(m, row, M_DOC_NUMBER), r->issuing,
         r->number);
  char local[11], permitted[11] = "";
  int64_t local_day =
      (r->crossed_at + (int64_t)bcps[r->bcp].offset_min * 60) / 86400;
  date_text(local_day, local);
  if (r->permitted_days)
    date_text(local_day + r->permitted_days - 1, permitted);
  if (strcmp(cell0(m, row, M_DIRECTION), r->entry ? "entry" : "exit") != 0 ||
      strcmp(cell0(m, row, M_BCP), bcps[r->bcp].code) != 0 ||
      atoll(cell0(m, row, M_CROSSED)) != (long long)r->crossed_at ||
      strcmp(cell0(m, row, M_DECISION), r->decision) != 0 ||
      strcmp(cell0(m, row, M_NATIONALITY), r->nationality) != 0 ||
      strcmp(cell0(m, row, M_LOCAL_DATE), local) != 0 ||
      strcmp(cell0(m, row, M_PERMITTED), permitted) != 0 ||
      atoll(cell0(m, row, M_VOIDED)) != 0 ||
      atoll(cell0(m, row, M_VERSION)) != 1)
    fail("movement %s differs from its line: stored %s %s at %s, decision "
         "%s, nationality %s, local date %s, permitted until '%s', voided "
         "%s, version %s; line: %.*s",
         id, cell0(m, row, M_DIRECTION), cell0(m, row, M_BCP),
         cell0(m, row, M_CROSSED), cell0(m, row, M_DECISION),
         cell0(m, row, M_NATIONALITY), cell0(m, row, M_LOCAL_DATE),
         cell0(m, row, M_PERMITTED), cell0(m, row, M_VOIDED),
         cell0(m, row, M_VERSION), (int)r->len - 1, r->text);
}

static void check_stays(const table *m, const table *s) {
  size_t *mrows = xmalloc((m->rows + 1) * sizeof *mrows);
  size_t *srows = xmalloc((s->rows + 1) * sizeof *srows);
  for (size_t i = 0; i < m->rows; i++)
    mrows[i] = i;
  for (size_t i = 0; i < s->rows; i++)
    srows[i] = i;
  sort_table = m;
  qsort(mrows, m->rows, sizeof *mrows, by_person_time);
  sort_table = s;
  qsort(srows, s->rows, sizeof *srows, by_person_seq);
  stay *model = xmalloc((m->rows + 1) * sizeof *model);
  size_t si = 0, persons = 0;
  for (size_t a = 0; a < m->rows;) {
    const char *person = cell0(m, mrows[a], M_PERSON);
    size_t b = a;
    while (b < m->rows && strcmp(cell0(m, mrows[b], M_PERSON), person) == 0)
      b++;
    persons++;
    size_t n = model_stays(m, mrows + a, b - a, model);
    while (si < s->rows && strcmp(cell0(s, srows[si], 0), person) < 0) {
      fail("stay of person %s, who has no movement", cell0(s, srows[si], 0));
      si++;
    }
    size_t k = 0;
    for (; si < s->rows && strcmp(cell0(s, srows[si], 0), person) == 0;
         si++, k++) {
      size_t row = srows[si];
      char flags[16];
      if (k >= n) {
        fail("person %s: stay %s is one too many (%zu expected)", person,
             cell0(s, row, 1), n);
        continue;
      }
      const stay *e = &model[k];
      snprintf(flags, sizeof flags, "%u", e->flags);
      if (atoll(cell0(s, row, 1)) != (long long)k ||
          strcmp(cell0(s, row, 2), e->entry_id) != 0 ||
          strcmp(cell0(s, row, 3), e->exit_id) != 0 ||
          strcmp(cell0(s, row, 4), e->entry_date) != 0 ||
          strcmp(cell0(s, row, 5), e->exit_date) != 0 ||
          strcmp(cell0(s, row, 6), e->permitted) != 0 ||
          strcmp(cell0(s, row, 7), flags) != 0)
        fail("person %s, stay %zu: stored (seq %s, entry '%s', exit '%s', "
             "%s..%s, until '%s', flags %s), recomputed (entry '%s', exit "
             "'%s', %s..%s, until '%s', flags %s)",
             person, k, cell0(s, row, 1), cell0(s, row, 2), cell0(s, row, 3),
             cell0(s, row, 4), cell0(s, row, 5), cell0(s, row, 6),
             cell0(s, row, 7), e->entry_id, e->exit_id, e->entry_date,
             e->exit_date, e->permitted, flags);
    }
    if (k < n)
      fail("person %s: %zu stays stored, %zu recomputed from the movements",
           person, k, n);
    a = b;
  }
  for (; si < s->rows; si++)
    fail("stay of person %s, who has no movement", cell0(s, srows[si], 0));
  free(model);
  free(mrows);
  free(srows);
  (void)persons;
}

/* `bmis traveller show --json` of a person agrees with the raw store. */
static void check_show(const table *m, const table *s, const char *person) {
  char *out = NULL;
  char *argv[] = {(char *)opt.bmis, "traveller", "show",  "--json", "--id",
                  (char *)person,   "--store",   opt.url, NULL};
  int rc = run(argv, &out);
  json_error_t je;
  json_t *j = rc == 0 ? json_loads(out, 0, &je) : NULL;
  if (!j) {
    fail("bmis traveller show --id %s: exit status %d, output %.200s", person,
         rc, out);
    free(out);
    return;
  }
  size_t moves = 0, stays = 0;
  for (size_t r = 0; r < m->rows; r++)
    moves += strcmp(cell0(m, r, M_PERSON), person) == 0;
  json_t *ss = json_object_get(j, "stays");
  for (size_t r = 0; r < s->rows; r++) {
    if (strcmp(cell0(s, r, 0), person) != 0)
      continue;
    size_t seq = (size_t)atoll(cell0(s, r, 1));
    json_t *e = json_array_get(ss, seq);
    const char *entry = json_string_value(json_object_get(e, "entry_id"));
    const char *exit_ = json_string_value(json_object_get(e, "exit_id"));
    if (!entry || !exit_ || strcmp(entry, cell0(s, r, 2)) != 0 ||
        strcmp(exit_, cell0(s, r, 3)) != 0)
      fail("bmis traveller show %s: stay %zu is not the stored one", person,
           seq);
    stays++;
  }
  if (json_array_size(json_object_get(j, "movements")) != moves ||
      json_array_size(ss) != stays)
    fail("bmis traveller show %s: %zu movements and %zu stays, the store has "
         "%zu and %zu",
         person, json_array_size(json_object_get(j, "movements")),
         json_array_size(ss), moves, stays);
  json_decref(j);
  free(out);
}

static long long info_count(json_t *info, const char *name) {
  return (long long)json_integer_value(
      json_object_get(json_object_get(info, "counts"), name));
}

/* Everything in the store, checked against the lines and against itself.
 * `final`: every valid line written has been acknowledged by now. */
static void check_store(const char *when, bool final, int samples) {
  db d;
  if (!db_open(&d))
    return;
  if (d.pq)
    pg_wait_idle(&d);
  table m, doc, trav, ref, link, st, ic, fk;
  table *all[] = {&m, &doc, &trav, &ref, &link, &st, &ic, &fk};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
    memset(all[i], 0, sizeof *all[i]);
  bool ok =
      db_query(&d,
               "SELECT m.id, m.traveller_id, m.document_id, m.direction, "
               "m.bcp, m.crossed_at, m.local_date, m.permitted_until, "
               "m.decision, m.nationality, m.voided, m.version, d.id, "
               "d.traveller_id, d.issuing_state, d.number, t.id, t.person_id "
               "FROM movement m LEFT JOIN document d ON d.id = m.document_id "
               "LEFT JOIN traveller t ON t.id = m.traveller_id",
               &m);
  ok = ok && db_query(&d,
                      "SELECT id, traveller_id, issuing_state, number FROM "
                      "document",
                      &doc);
  ok = ok && db_query(&d, "SELECT id, person_id FROM traveller", &trav);
  ok = ok && db_query(&d, "SELECT movement_id, kind FROM referral", &ref);
  ok =
      ok && db_query(&d, "SELECT traveller_id, candidate_id FROM identity_link",
                     &link);
  ok = ok && db_query(&d,
                      "SELECT person_id, seq, entry_id, exit_id, entry_date, "
                      "exit_date, permitted_until, flags FROM stay",
                      &st);
  if (ok && d.sq) {
    ok = db_query(&d, "PRAGMA integrity_check", &ic) &&
         db_query(&d, "PRAGMA foreign_key_check", &fk);
    if (ok && (ic.rows != 1 || strcmp(cell0(&ic, 0, 0), "ok") != 0))
      fail("%s: PRAGMA integrity_check: %s", when, cell0(&ic, 0, 0));
    if (ok && fk.rows)
      fail("%s: PRAGMA foreign_key_check: %zu rows, first in table %s", when,
           fk.rows, cell0(&fk, 0, 0));
  }
  db_close(&d);
  if (!ok) { /* a failure was reported; the tables are not all there */
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
      table_free(all[i]);
    return;
  }

  size_t nk;
  key *mine = index_recs(&nk);
  key *m_by_id = index_table(&m, M_ID), *m_by_doc = index_table(&m, M_DOCUMENT),
      *m_by_trav = index_table(&m, M_TRAVELLER);
  key *doc_by_id = index_table(&doc, 0), *doc_by_trav = index_table(&doc, 1),
      *doc_by_number = index_table(&doc, 3);
  key *trav_by_id = index_table(&trav, 0);
  key *ref_by_movement = index_table(&ref, 0);

  /* Movements: each from one of our lines, whole, as the line gave it. */
  size_t unacked_present = 0;
  for (size_t i = 0; i < m.rows; i++) {
    const char *id = cell0(&m, i, M_ID);
    if (i > 0 && strcmp(m_by_id[i - 1].k, m_by_id[i].k) == 0)
      fail("%s: movement %s twice", when, m_by_id[i].k);
    size_t ri = find(mine, nk, id);
    if (ri == NOT_FOUND) {
      fail("%s: movement %s was never sent", when, id);
      continue;
    }
    const rec *r = &recs[ri];
    if (r->kind != L_VALID) {
      fail("%s: %s line (round %d line %d) stored as movement %s", when,
           kind_names[r->kind], r->round, r->line, id);
      continue;
    }
    if (r->state != S_ACKED) {
      unacked_present++;
      if (final || r->state != S_UNACKED)
        fail("%s: movement %s is stored but was %s", when, id,
             r->state == S_NEW ? "never sent" : "never acknowledged");
    }
    check_movement(&m, i, r);
    size_t refs = count_of(ref_by_movement, ref.rows, id);
    if (refs != (size_t)r->referrals)
      fail("%s: movement %s has %zu referrals, its line asked for %d", when, id,
           refs, r->referrals);
  }
  /* Every acknowledged line is there; no rejected one's document is. */
  size_t acked_valid = 0, written_valid = 0;
  for (size_t i = 0; i < nrecs; i++) {
    const rec *r = &recs[i];
    if (r->kind == L_VALID) {
      written_valid += r->round > 0;
      if (r->state == S_ACKED) {
        acked_valid++;
        if (find(m_by_id, m.rows, r->id) == NOT_FOUND)
          fail("%s: acknowledged movement %s (round %d line %d) is missing",
               when, r->id, r->round, r->line);
      } else if (final && r->round > 0) {
        fail("%s: movement %s (round %d line %d) was never acknowledged", when,
             r->id, r->round, r->line);
      }
    } else {
      size_t di = find(doc_by_number, doc.rows, r->number);
      if (di != NOT_FOUND && strcmp(cell0(&doc, di, 2), r->issuing) == 0)
        fail("%s: document %s:%s of a %s line (round %d line %d) is stored",
             when, r->issuing, r->number, kind_names[r->kind], r->round,
             r->line);
    }
  }
  /* Nothing half-written: documents and travellers all have movements. */
  for (size_t i = 0; i < doc.rows; i++) {
    const char *id = cell0(&doc, i, 0);
    if (find(trav_by_id, trav.rows, cell0(&doc, i, 1)) == NOT_FOUND)
      fail("%s: document %s: its traveller %s does not exist", when, id,
           cell0(&doc, i, 1));
    if (find(m_by_doc, m.rows, id) == NOT_FOUND)
      fail("%s: document %s (%s:%s) has no movement", when, id,
           cell0(&doc, i, 2), cell0(&doc, i, 3));
    if (i > 0 && strcmp(doc_by_number[i - 1].k, doc_by_number[i].k) == 0)
      fail("%s: document number %s stored twice", when, doc_by_number[i].k);
  }
  for (size_t i = 0; i < trav.rows; i++) {
    const char *id = cell0(&trav, i, 0);
    if (find(trav_by_id, trav.rows, cell0(&trav, i, 1)) == NOT_FOUND)
      fail("%s: traveller %s: person %s is not a traveller", when, id,
           cell0(&trav, i, 1));
    if (find(doc_by_trav, doc.rows, id) == NOT_FOUND)
      fail("%s: traveller %s has no document", when, id);
    if (find(m_by_trav, m.rows, id) == NOT_FOUND)
      fail("%s: traveller %s has no movement", when, id);
  }
  for (size_t i = 0; i < ref.rows; i++)
    if (find(m_by_id, m.rows, cell0(&ref, i, 0)) == NOT_FOUND)
      fail("%s: referral of movement %s, which does not exist", when,
           cell0(&ref, i, 0));
  for (size_t i = 0; i < link.rows; i++)
    if (find(trav_by_id, trav.rows, cell0(&link, i, 0)) == NOT_FOUND ||
        find(trav_by_id, trav.rows, cell0(&link, i, 1)) == NOT_FOUND)
      fail("%s: identity link between %s and %s: a traveller is missing", when,
           cell0(&link, i, 0), cell0(&link, i, 1));
  check_stays(&m, &st);

  /* The same store through bmis. */
  char *out = NULL;
  char *argv[] = {(char *)opt.bmis, "db",    "info", "--json",
                  "--store",        opt.url, NULL};
  int rc = run(argv, &out);
  json_error_t je;
  json_t *info = rc == 0 ? json_loads(out, 0, &je) : NULL;
  if (!info)
    fail("%s: bmis db info --json: exit status %d, output %.200s", when, rc,
         out);
  else if (info_count(info, "movements") != (long long)m.rows ||
           info_count(info, "travellers") != (long long)trav.rows ||
           info_count(info, "documents") != (long long)doc.rows)
    fail("%s: bmis db info counts %lld movements, %lld travellers, %lld "
         "documents; the store has %zu, %zu, %zu",
         when, info_count(info, "movements"), info_count(info, "travellers"),
         info_count(info, "documents"), m.rows, trav.rows, doc.rows);
  json_decref(info);
  free(out);
  for (int k = 0; k < samples && m.rows > 0; k++)
    check_show(&m, &st, cell0(&m, below(m.rows), M_PERSON));

  printf("%s: %zu movements (%zu acknowledged, %zu committed but "
         "unacknowledged), %zu travellers, %zu documents, %zu stays, %zu "
         "referrals, %zu identity links%s\n",
         when, m.rows, acked_valid, unacked_present, trav.rows, doc.rows,
         st.rows, ref.rows, link.rows,
         final ? "" : "; every acknowledged movement present");
  if (final && m.rows != written_valid)
    fail("%s: %zu movements stored, %zu valid lines written", when, m.rows,
         written_valid);
  free(mine);
  free(m_by_id);
  free(m_by_doc);
  free(m_by_trav);
  free(doc_by_id);
  free(doc_by_trav);
  free(doc_by_number);
  free(trav_by_id);
  free(ref_by_movement);
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
    table_free(all[i]);
}

/* ---- setting up ---- */

static bool has_prefix(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

static char *read_url_file(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    die("cannot read %s: %s", path, strerror(errno));
  char line[2048];
  if (!fgets(line, sizeof line, f))
    die("%s is empty", path);
  fclose(f);
  line[strcspn(line, "\r\n")] = 0;
  return xstrdup(line);
}

static void pg_exec_admin(const char *sql) {
  PGconn *c = PQconnectdb(opt.admin_url);
  if (PQstatus(c) != CONNECTION_OK)
    die("libpq: cannot connect to %s: %s", opt.admin_url, PQerrorMessage(c));
  PGresult *res = PQexec(c, sql);
  if (PQresultStatus(res) != PGRES_COMMAND_OK)
    die("libpq: %s: %s", sql, PQresultErrorMessage(res));
  PQclear(res);
  PQfinish(c);
}

/* PostgreSQL: a database of the test's own in the server of `url`. */
static void pg_setup(const char *url) {
  opt.admin_url = xstrdup(url);
  snprintf(opt.db_name, sizeof opt.db_name, "crash_%ld_%u", (long)getpid(),
           (unsigned)(rnd() % 100000));
  const char *host = strstr(url, "://") + 3;
  size_t head = (size_t)(host - url) + strcspn(host, "/?");
  const char *tail = url + head;
  if (*tail == '/')
    tail += 1 + strcspn(tail + 1, "?");
  size_t n = head + strlen(opt.db_name) + strlen(tail) + 2;
  opt.url = xmalloc(n);
  snprintf(opt.url, n, "%.*s/%s%s", (int)head, url, opt.db_name, tail);
  char sql[128];
  snprintf(sql, sizeof sql, "CREATE DATABASE %s", opt.db_name);
  pg_exec_admin(sql);
}

static void sqlite_setup(const char *url) {
  opt.sqlite_path = xstrdup(has_prefix(url, "sqlite:") ? url + 7 : url);
  opt.url = xstrdup(url);
  static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
  for (size_t i = 0; i < 4; i++) {
    char path[4200];
    snprintf(path, sizeof path, "%s%s", opt.sqlite_path, suffix[i]);
    if (access(path, F_OK) != 0)
      continue;
    if (!opt.fresh)
      die("%s exists (give --fresh to remove it)", path);
    if (unlink(path) != 0)
      die("cannot remove %s: %s", path, strerror(errno));
  }
}

static void prepare_store(void) {
  char *init[] = {(char *)opt.bmis, "db",    "init", "--state", STATE,
                  "--store",        opt.url, NULL};
  if (run(init, NULL) != 0)
    die("bmis db init failed");
  for (size_t i = 0; i < NBCP; i++) {
    char *add[] = {(char *)opt.bmis,
                   "bcp",
                   "add",
                   (char *)bcps[i].code,
                   "--name",
                   (char *)bcps[i].name,
                   "--kind",
                   (char *)bcps[i].kind,
                   "--tz",
                   (char *)bcps[i].tz,
                   "--store",
                   opt.url,
                   NULL};
    if (run(add, NULL) != 0)
      die("bmis bcp add %s failed", bcps[i].code);
  }
}

static int usage(void) {
  fputs("usage: crash_record [--durability process|power] [--fresh] [--keep]"
        " [--verbose]\n"
        "                    BMIS STORE|@URL_FILE [ROUNDS [SEED]]\n",
        stderr);
  return 2;
}

int main(int argc, char **argv) {
  opt.durability = "process";
  opt.rounds = 20;
  opt.seed = 20261126;
  const char *env_seed = getenv("BMIS_TEST_SEED");
  if (env_seed && *env_seed)
    opt.seed = strtoull(env_seed, NULL, 10);
  const char *pos[4];
  int npos = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--durability") == 0 && i + 1 < argc)
      opt.durability = argv[++i];
    else if (strcmp(argv[i], "--fresh") == 0)
      opt.fresh = true;
    else if (strcmp(argv[i], "--keep") == 0)
      opt.keep = true;
    else if (strcmp(argv[i], "--verbose") == 0)
      verbose = true;
    else if (argv[i][0] == '-' && argv[i][1] == '-')
      return usage();
    else if (npos < 4)
      pos[npos++] = argv[i];
    else
      return usage();
  }
  if (npos < 2)
    return usage();
  if (strcmp(opt.durability, "process") != 0 &&
      strcmp(opt.durability, "power") != 0)
    return usage();
  opt.bmis = pos[0];
  if (npos > 2)
    opt.rounds = atoi(pos[2]);
  if (npos > 3)
    opt.seed = strtoull(pos[3], NULL, 10);
  if (opt.rounds < 1)
    return usage();
  rng = opt.seed;
  signal(SIGPIPE, SIG_IGN);
  char *url = pos[1][0] == '@' ? read_url_file(pos[1] + 1) : xstrdup(pos[1]);
  opt.pg = has_prefix(url, "postgres://") || has_prefix(url, "postgresql://");
  if (opt.pg)
    pg_setup(url);
  else
    sqlite_setup(url);
  free(url);
  printf("crash_record: %s store %s, %d rounds, seed %" PRIu64
         ", durability %s\n",
         opt.pg ? "PostgreSQL" : "SQLite", opt.pg ? opt.db_name : opt.url,
         opt.rounds, opt.seed, opt.durability);
  fflush(stdout);
  int64_t t0 = now_ms();
  prepare_store();
  clock_s = 1767225600; /* 2026-01-01T00:00:00Z */

  for (int r = 1; r <= opt.rounds; r++)
    crash_round(r);
  check_store("after the crash rounds", false, 4);
  final_round(opt.rounds + 1);
  check_store("after the final round", true, 4);

  int64_t elapsed = now_ms() - t0;
  printf("summary: %d rounds (%zu kills), %zu lines written; %zu new "
         "movements acknowledged recorded; %zu retries of unacknowledged "
         "lines (%zu recorded, %zu duplicate); %zu re-sends of acknowledged "
         "lines, all duplicate; %zu in flight at kills, of which %zu "
         "committed but unacknowledged; %zu rejected (%zu unknown bcp, %zu "
         "bad country, %zu malformed JSON, %zu refused national, %zu "
         "conflicting id); %lld ms\n",
         opt.rounds, stats.kills, stats.sent, stats.recorded,
         stats.retry_recorded + stats.retry_duplicate, stats.retry_recorded,
         stats.retry_duplicate, stats.resent_duplicate, stats.in_flight,
         stats.committed_unacked, stats.rejected,
         stats.rejected_by_kind[L_BAD_BCP],
         stats.rejected_by_kind[L_BAD_COUNTRY],
         stats.rejected_by_kind[L_BAD_JSON],
         stats.rejected_by_kind[L_NATIONAL_REFUSED],
         stats.rejected_by_kind[L_CONFLICT], (long long)elapsed);

  if (opt.pg && failures == 0 && !opt.keep) {
    char sql[128];
    snprintf(sql, sizeof sql, "DROP DATABASE %s", opt.db_name);
    pg_exec_admin(sql);
  } else if (opt.pg) {
    printf("database %s kept: %s\n", opt.db_name, opt.url);
  }
  for (size_t i = 0; i < nrecs; i++)
    free(recs[i].text);
  free(recs);
  free(pool);
  free(acked);
  free(opt.url);
  free(opt.admin_url);
  free(opt.sqlite_path);
  if (failures) {
    printf("FAILED: %zu checks failed (seed %" PRIu64 ")\n", failures,
           opt.seed);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
