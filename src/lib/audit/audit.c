/* The audit log (see bmis/audit.h): validation, the entry hash, appending
 * under the chain's lock, verification and listing. */
#define _POSIX_C_SOURCE 200809L /* getpwuid_r, strnlen */
#include "audit/audit_internal.h"
#include "base/utf8.h"

#include "store/repo.h"
#include "store/repo_audit.h"

#include <inttypes.h>
#include <openssl/evp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define GENESIS                                                                \
  "0000000000000000000000000000000000000000000000000000000000000000"

/* Entries per page when walking the chain (bounds what PostgreSQL hands
 * over at once). */
#define PAGE 10000

/* ---- the entry hash ---- */

/* The encoding: "bmis-audit-1", then prev_hash and the fields in a fixed
 * order; integers as 8 bytes big-endian, text as a 4-byte big-endian length
 * and its bytes. No field can run into the next. */
static int put_int(EVP_MD_CTX *c, int64_t v) {
  unsigned char b[8];
  uint64_t u = (uint64_t)v;
  for (int i = 7; i >= 0; i--, u >>= 8)
    b[i] = (unsigned char)(u & 0xff);
  return EVP_DigestUpdate(c, b, sizeof b);
}

static int put_text(EVP_MD_CTX *c, const char *s, size_t cap) {
  size_t n = strnlen(s, cap);
  unsigned char b[4] = {(unsigned char)(n >> 24), (unsigned char)(n >> 16),
                        (unsigned char)(n >> 8), (unsigned char)n};
  return EVP_DigestUpdate(c, b, sizeof b) && EVP_DigestUpdate(c, s, n);
}

#define TEXT(c, e, f) put_text(c, (e)->f, sizeof(e)->f)

bmis_status bmis__audit_hash(const bmis_audit_entry *e, char out[65],
                             bmis_error *err) {
  static const char tag[] = "bmis-audit-1";
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned n = 0;
  EVP_MD_CTX *c = EVP_MD_CTX_new();
  int ok = c && EVP_DigestInit_ex(c, EVP_sha256(), NULL) &&
           put_text(c, tag, sizeof tag) && TEXT(c, e, prev_hash) &&
           put_int(c, e->seq) && put_int(c, e->at) && TEXT(c, e, actor) &&
           TEXT(c, e, role) && TEXT(c, e, channel) && TEXT(c, e, action) &&
           TEXT(c, e, record) && TEXT(c, e, outcome) && TEXT(c, e, bcp) &&
           TEXT(c, e, desk) && TEXT(c, e, detail) &&
           EVP_DigestFinal_ex(c, md, &n) && n == 32;
  EVP_MD_CTX_free(c);
  if (!ok) {
    out[0] = 0;
    return bmis_error_set(err, BMIS_E_INTERNAL, "SHA-256 failed (OpenSSL)");
  }
  static const char hex[] = "0123456789abcdef";
  for (unsigned i = 0; i < 32; i++) {
    out[2 * i] = hex[md[i] >> 4];
    out[2 * i + 1] = hex[md[i] & 15];
  }
  out[64] = 0;
  return BMIS_OK;
}

/* ---- appending ---- */

static bmis_status check_field(const char *name, const char *v, size_t cap,
                               bool required, bmis_error *err) {
  size_t n = strnlen(v, cap);
  if (n == cap)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "audit %s: longer than %zu bytes", name, cap - 1);
  if (required && n == 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "audit %s: empty", name);
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)v[i];
    if (ch < 0x20 || ch == 0x7f)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "audit %s: control character 0x%02x at byte %zu",
                            name, ch, i + 1);
  }
  return BMIS_OK;
}

#define CHECK(f, required)                                                     \
  do {                                                                         \
    bmis_status st_ = check_field(#f, e->f, sizeof e->f, required, err);       \
    if (st_ != BMIS_OK)                                                        \
      return st_;                                                              \
  } while (0)

static bmis_status check_entry(const bmis_audit_entry *e, bmis_error *err) {
  if (e->at < 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "audit at: negative");
  /* the library reads no clock: the caller says when it happened */
  if (e->at == 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "audit at: missing (the time of the event)");
  CHECK(actor, true);
  CHECK(role, false);
  CHECK(channel, true);
  CHECK(action, true);
  CHECK(record, false);
  CHECK(outcome, true);
  CHECK(bcp, false);
  CHECK(desk, false);
  CHECK(detail, false);
  return BMIS_OK;
}

bmis_status bmis_audit_append(bmis_store *s, bmis_audit_entry *e,
                              bmis_error *err) {
  if (!s || !e)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store or entry");
  bmis_status st = check_entry(e, err);
  if (st != BMIS_OK)
    return st;
  bmis_audit_entry n = *e;
  if ((st = bmis__tx_begin(s, err)) != BMIS_OK)
    return st;
  /* The head first: that takes the chain's write lock, so the seq and
   * previous hash read here stay ours until commit. */
  st = bmis__audit_head_advance(s, &n.seq, n.prev_hash, err);
  if (st == BMIS_OK)
    st = bmis__audit_hash(&n, n.hash, err);
  if (st == BMIS_OK)
    st = bmis__audit_insert(s, &n, err);
  if (st == BMIS_OK)
    st = bmis__audit_head_set(s, n.seq, n.hash, err);
  if (st == BMIS_OK)
    st = bmis__tx_commit(s, err);
  else
    bmis__tx_rollback(s);
  if (st == BMIS_OK)
    *e = n;
  return st;
}

/* text copied into a field of cap bytes, cut on a whole character and at
 * the first ill-formed sequence (the log is read back as JSON) */
static void field(char *dst, size_t cap, const char *src) {
  size_t n = src ? strlen(src) : 0, i = 0, end = 0;
  if (n >= cap)
    n = bmis__utf8_prefix(src, n, cap - 1);
  while (i < n && bmis__utf8_next(src, n, &i) >= 0)
    end = i;
  if (n)
    memcpy(dst, src, end);
  dst[end] = 0;
}

bmis_status bmis__audit_access(bmis_store *s, const bmis_actor *a, int64_t at,
                               const char *action, const char *record,
                               const char *outcome, const char *detail,
                               bmis_error *err) {
  if (!a)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "no actor: an access is always someone's");
  bmis_audit_entry e;
  memset(&e, 0, sizeof e);
  e.at = at;
  field(e.actor, sizeof e.actor, a->username);
  field(e.role, sizeof e.role, a->role);
  field(e.channel, sizeof e.channel, a->channel[0] ? a->channel : "api");
  field(e.action, sizeof e.action, action);
  field(e.record, sizeof e.record, record);
  field(e.outcome, sizeof e.outcome, outcome ? outcome : "ok");
  field(e.bcp, sizeof e.bcp, a->bcp);
  field(e.desk, sizeof e.desk, a->desk);
  field(e.detail, sizeof e.detail, detail);
  bmis_error why;
  bmis_status st = bmis_audit_append(s, &e, &why);
  if (st != BMIS_OK)
    return bmis_error_set(
        err, st, "not done: the access could not be audited: %s", why.message);
  return BMIS_OK;
}

bmis_status bmis__audit_refusal(bmis_store *s, const bmis_actor *a, int64_t at,
                                const char *action, const char *record,
                                bmis_status st) {
  if (a &&
      (st == BMIS_E_FORBIDDEN || st == BMIS_E_SAFEGUARD || st == BMIS_E_RULE)) {
    bmis_error ignored;
    (void)bmis__audit_access(s, a, at, action, record, bmis_status_name(st),
                             NULL, &ignored);
  }
  return st;
}

void bmis_actor_os_user(bmis_actor *out) {
  memset(out, 0, sizeof *out);
  char user[65];
  bmis_audit_os_user(user);
  field(out->username, sizeof out->username, user);
  snprintf(out->role, sizeof out->role, "os-user");
  snprintf(out->channel, sizeof out->channel, "cli");
  out->all_bcps = true;
}

void bmis_audit_os_user(char out[65]) {
  uid_t uid = geteuid();
  struct passwd pw, *found = NULL;
  char buf[4096];
  out[0] = 0;
  if (getpwuid_r(uid, &pw, buf, sizeof buf, &found) == 0 && found &&
      found->pw_name && found->pw_name[0] && strlen(found->pw_name) < 65) {
    bool clean = true;
    for (const char *p = found->pw_name; *p; p++)
      if ((unsigned char)*p < 0x20 || *p == 0x7f)
        clean = false;
    if (clean) {
      snprintf(out, 65, "%s", found->pw_name);
      return;
    }
  }
  snprintf(out, 65, "uid:%lu", (unsigned long)uid);
}

/* ---- verification ---- */

typedef enum break_kind {
  BREAK_NONE,
  BREAK_GAP,  /* a seq is missing */
  BREAK_HASH, /* an entry's hash is not its content's */
  BREAK_LINK, /* an entry's prev_hash is not its predecessor's hash */
} break_kind;

typedef struct walk {
  int64_t next_seq; /* the seq expected next */
  char prev[65];    /* the hash the next entry must name */
  int64_t entries;  /* entries that held */
  break_kind kind;
  bmis_audit_entry bad; /* the entry where the chain broke */
  bmis_status st;
  bmis_error *err;
} walk;

static int walk_entry(const bmis_audit_entry *e, void *ctx) {
  walk *w = ctx;
  if (e->seq != w->next_seq) {
    w->kind = BREAK_GAP;
    w->bad = *e;
    return 1;
  }
  char h[65];
  if ((w->st = bmis__audit_hash(e, h, w->err)) != BMIS_OK)
    return 1;
  if (strcmp(h, e->hash) != 0) {
    w->kind = BREAK_HASH;
    w->bad = *e;
    return 1;
  }
  if (strcmp(e->prev_hash, w->prev) != 0) {
    w->kind = BREAK_LINK;
    w->bad = *e;
    return 1;
  }
  w->entries++;
  w->next_seq++;
  memcpy(w->prev, e->hash, sizeof w->prev);
  return 0;
}

/* An entry whose hash is not its content's at its seq may be one moved
 * from elsewhere (the chain reordered): its hash is intact, so it is
 * genuine at the seq whose successor names it, or after the entry it
 * names. Returns that seq, or 0. */
static bmis_status moved_from(bmis_store *s, const bmis_audit_entry *e,
                              int64_t head_seq, const char *head_hash,
                              int64_t *from, bmis_error *err) {
  int64_t cand[3] = {0, 0, 0}, q;
  bmis_status st = bmis__audit_seq_by_hash(s, e->hash, true, &q, err);
  if (st != BMIS_OK)
    return st;
  cand[0] = q ? q - 1 : 0;
  if ((st = bmis__audit_seq_by_hash(s, e->prev_hash, false, &q, err)) !=
      BMIS_OK)
    return st;
  cand[1] = q ? q + 1 : 0;
  cand[2] = strcmp(head_hash, e->hash) == 0 ? head_seq : 0;
  *from = 0;
  for (int i = 0; i < 3; i++) {
    if (cand[i] <= 0 || cand[i] == e->seq)
      continue;
    bmis_audit_entry t = *e;
    t.seq = cand[i];
    char h[65];
    if ((st = bmis__audit_hash(&t, h, err)) != BMIS_OK)
      return st;
    if (strcmp(h, e->hash) == 0) {
      *from = cand[i];
      return BMIS_OK;
    }
  }
  return BMIS_OK;
}

static void broken(bmis_audit_verdict *v, int64_t seq, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void broken(bmis_audit_verdict *v, int64_t seq, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  v->ok = false;
  v->bad_seq = seq;
  vsnprintf(v->problem, sizeof v->problem, fmt, ap);
  va_end(ap);
}

bmis_status bmis__audit_verify_in(bmis_store *s, bmis_audit_verdict *v,
                                  int64_t *last_seq, char last_hash[65],
                                  bmis_error *err) {
  int64_t head_seq;
  char head_hash[65];
  bool head_found;
  bmis_status st =
      bmis__audit_head_get(s, &head_seq, head_hash, &head_found, err);
  if (st != BMIS_OK)
    return st;
  walk w = {.next_seq = 1, .prev = GENESIS, .err = err};
  int64_t rows;
  bool stopped = false;
  do {
    st = bmis__audit_page(s, w.next_seq - 1, "", "", PAGE, walk_entry, &w,
                          &rows, &stopped, err);
    if (st == BMIS_OK)
      st = w.st;
  } while (st == BMIS_OK && !stopped && rows == PAGE);
  if (st != BMIS_OK)
    return st;
  v->entries = w.entries;
  if (last_seq)
    *last_seq = w.next_seq - 1;
  if (last_hash)
    memcpy(last_hash, w.prev, 65);
  long long n = (long long)w.next_seq; /* the first seq not proven */
  const bmis_audit_entry *b = &w.bad;
  switch (w.kind) {
  case BREAK_GAP:
    if (b->seq == n + 1)
      broken(v, n, "entry %lld missing (deleted)", n);
    else
      broken(v, n, "entries %lld to %lld missing (deleted)", n,
             (long long)b->seq - 1);
    return BMIS_OK;
  case BREAK_HASH: {
    int64_t from;
    if ((st = moved_from(s, b, head_seq, head_hash, &from, err)) != BMIS_OK)
      return st;
    if (from)
      broken(v, n,
             "entries %lld and %lld out of order (entry %lld holds "
             "entry %lld's content)",
             n < from ? n : (long long)from, n > from ? n : (long long)from, n,
             (long long)from);
    else
      broken(v, n, "entry %lld: hash does not match its content (edited)", n);
    return BMIS_OK;
  }
  case BREAK_LINK:
    broken(v, n,
           "entry %lld: its previous hash is not entry %lld's (entry %lld "
           "rewritten or replaced, or entries removed between them)",
           n, n - 1, n - 1);
    return BMIS_OK;
  case BREAK_NONE: break;
  }
  long long last = n - 1;
  if (!head_found)
    broken(v, last + 1, "the head row is missing (deleted)");
  else if (head_seq > last)
    broken(v, last + 1, "head says %lld entries, chain ends at %lld",
           (long long)head_seq, last);
  else if (head_seq < last)
    broken(v, head_seq + 1,
           "head says %lld entries, chain has %lld (head edited)",
           (long long)head_seq, last);
  else if (strcmp(head_hash, w.prev) != 0)
    broken(v, last ? last : 1,
           "head: its hash is not entry %lld's (head edited)", last);
  return BMIS_OK;
}

bmis_status bmis_audit_verify(bmis_store *s, bmis_audit_verdict *v,
                              bmis_error *err) {
  if (!s || !v)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store or verdict");
  memset(v, 0, sizeof *v);
  v->ok = true;
  /* One snapshot: the head and the chain as of one moment, whatever is
   * appended meanwhile. */
  bool own;
  bmis_status st = bmis__read_begin(s, &own, err);
  if (st != BMIS_OK)
    return st;
  st =
      bmis__read_end(s, own, bmis__audit_verify_in(s, v, NULL, NULL, err), err);
  if (st != BMIS_OK) {
    v->ok = false;
    v->problem[0] = 0;
  }
  return st;
}

/* ---- listing ---- */

typedef struct list_ctx {
  bmis_audit_fn fn;
  void *ctx;
  int64_t last;
} list_ctx;

static int list_entry(const bmis_audit_entry *e, void *ctx) {
  list_ctx *c = ctx;
  c->last = e->seq;
  return c->fn(e, c->ctx);
}

bmis_status bmis_audit_list(bmis_store *s, const bmis_audit_filter *filter,
                            bmis_audit_fn fn, void *ctx, bmis_error *err) {
  static const bmis_audit_filter all;
  const bmis_audit_filter *f = filter ? filter : &all;
  if (!s || !fn)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store or callback");
  if (f->limit < 0 || f->after_seq < 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "audit filter: negative limit or seq");
  if (strnlen(f->actor, sizeof f->actor) == sizeof f->actor ||
      strnlen(f->record, sizeof f->record) == sizeof f->record)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "audit filter: actor or record too long");
  list_ctx c = {fn, ctx, f->after_seq};
  int64_t left = f->limit ? f->limit : INT64_MAX, rows;
  bool stopped = false;
  bmis_status st;
  do {
    int64_t page = left < PAGE ? left : PAGE;
    st = bmis__audit_page(s, c.last, f->actor, f->record, page, list_entry, &c,
                          &rows, &stopped, err);
    left -= rows;
    if (rows < page)
      break;
  } while (st == BMIS_OK && !stopped && left > 0);
  return st;
}
