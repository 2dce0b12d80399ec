/* Audit anchors (see bmis/audit.h and docs/AUDIT.md): the chain's head
 * signed with an Ed25519 key kept outside the store and appended to a file
 * kept elsewhere, so that a rewrite of the whole chain, consistent as it
 * may be, no longer matches what was anchored. Keys, signatures and hashes
 * are OpenSSL 3's; this file only frames them. */
#define _POSIX_C_SOURCE 200809L /* fdopen, fsync, O_CLOEXEC */
#include "audit/audit_internal.h"
#include "base/alloc.h"

#include "bmis/register.h" /* bmis_time_format, bmis_time_parse */
#include "store/repo.h"
#include "store/repo_audit.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TAG "bmis-anchor-1"

struct bmis_audit_key {
  EVP_PKEY *pkey;
  bool private_key;
  unsigned char raw[32]; /* the public key */
  char fingerprint[65];
};

/* ---- hex ---- */

static void to_hex(const unsigned char *b, size_t n, char *out) {
  static const char hex[] = "0123456789abcdef";
  for (size_t i = 0; i < n; i++) {
    out[2 * i] = hex[b[i] >> 4];
    out[2 * i + 1] = hex[b[i] & 15];
  }
  out[2 * n] = 0;
}

static int hex_digit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

/* Exactly 2n lower-case hex digits into n bytes. */
static bool from_hex(const char *s, unsigned char *out, size_t n) {
  if (strlen(s) != 2 * n)
    return false;
  for (size_t i = 0; i < n; i++) {
    int hi = hex_digit(s[2 * i]), lo = hex_digit(s[2 * i + 1]);
    if (hi < 0 || lo < 0)
      return false;
    out[i] = (unsigned char)(hi << 4 | lo);
  }
  return true;
}

static bool is_hex(const char *s, size_t digits) {
  if (strlen(s) != digits)
    return false;
  for (; *s; s++)
    if (hex_digit(*s) < 0)
      return false;
  return true;
}

static bmis_status sha256_hex(const unsigned char *b, size_t n, char out[65],
                              bmis_error *err) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  if (!EVP_Digest(b, n, md, &len, EVP_sha256(), NULL) || len != 32)
    return bmis_error_set(err, BMIS_E_INTERNAL, "SHA-256 failed (OpenSSL)");
  to_hex(md, 32, out);
  return BMIS_OK;
}

/* ---- keys ---- */

static bmis_status key_wrap(EVP_PKEY *pk, bool private_key,
                            bmis_audit_key **out, bmis_error *err) {
  bmis_audit_key *k = bmis__calloc(1, sizeof *k);
  size_t n = sizeof k->raw;
  if (!k) {
    EVP_PKEY_free(pk);
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  }
  k->pkey = pk;
  k->private_key = private_key;
  bmis_status st = BMIS_OK;
  if (EVP_PKEY_get_raw_public_key(pk, k->raw, &n) != 1 || n != 32)
    st = bmis_error_set(err, BMIS_E_INTERNAL,
                        "the Ed25519 public key could not be read (OpenSSL)");
  if (st == BMIS_OK)
    st = sha256_hex(k->raw, sizeof k->raw, k->fingerprint, err);
  if (st != BMIS_OK) {
    bmis_audit_key_free(k);
    return st;
  }
  *out = k;
  return BMIS_OK;
}

void bmis_audit_key_free(bmis_audit_key *k) {
  if (!k)
    return;
  EVP_PKEY_free(k->pkey);
  bmis__free(k);
}

void bmis_audit_key_fingerprint(const bmis_audit_key *k, char out[65]) {
  memcpy(out, k ? k->fingerprint : "", k ? 65 : 1);
}

/* Creates path (never over an existing file) with mode and writes the key
 * into it in PEM; fsynced. */
static bmis_status write_pem(const char *path, mode_t mode, EVP_PKEY *pk,
                             bool private_key, bmis_error *err) {
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0)
    return errno == EEXIST
               ? bmis_error_set(err, BMIS_E_CONFLICT,
                                "%s exists already: not overwritten", path)
               : bmis_error_set(err, BMIS_E_IO, "cannot create %s: %s", path,
                                strerror(errno));
  FILE *f = fdopen(fd, "w");
  if (!f) {
    close(fd);
    return bmis_error_set(err, BMIS_E_IO, "cannot write %s: %s", path,
                          strerror(errno));
  }
  int ok = private_key ? PEM_write_PrivateKey(f, pk, NULL, NULL, 0, NULL, NULL)
                       : PEM_write_PUBKEY(f, pk);
  ok = ok && fflush(f) == 0 && fsync(fileno(f)) == 0;
  ok = fclose(f) == 0 && ok;
  if (!ok)
    return bmis_error_set(err, BMIS_E_IO, "cannot write %s", path);
  return BMIS_OK;
}

bmis_status bmis_audit_key_generate(const char *path, bmis_error *err) {
  if (!path || !path[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no key file named");
  char pub[4096];
  if (snprintf(pub, sizeof pub, "%s.pub", path) >= (int)sizeof pub)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "key file name too long");
  struct stat sb;
  if (stat(path, &sb) == 0)
    return bmis_error_set(err, BMIS_E_CONFLICT,
                          "%s exists already: not overwritten", path);
  if (stat(pub, &sb) == 0)
    return bmis_error_set(err, BMIS_E_CONFLICT,
                          "%s exists already: not overwritten", pub);
  EVP_PKEY *pk = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
  if (!pk)
    return bmis_error_set(err, BMIS_E_INTERNAL,
                          "Ed25519 key generation failed (OpenSSL)");
  bmis_status st = write_pem(path, 0600, pk, true, err);
  if (st == BMIS_OK) {
    st = write_pem(pub, 0644, pk, false, err);
    if (st != BMIS_OK)
      unlink(path); /* ours: created just now */
  }
  EVP_PKEY_free(pk);
  return st;
}

bmis_status bmis_audit_key_load(const char *path, bool private_key,
                                bmis_audit_key **out, bmis_error *err) {
  *out = NULL;
  if (!path || !path[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no key file named");
  FILE *f = fopen(path, "r");
  if (!f)
    return bmis_error_set(err, BMIS_E_IO, "cannot read %s: %s", path,
                          strerror(errno));
  struct stat sb;
  if (private_key && fstat(fileno(f), &sb) == 0 && (sb.st_mode & 077)) {
    fclose(f);
    return bmis_error_set(err, BMIS_E_RULE,
                          "%s can be read by others (mode %03o): a private "
                          "key must be mode 0600 (chmod 600)",
                          path, (unsigned)(sb.st_mode & 0777));
  }
  EVP_PKEY *pk = private_key ? PEM_read_PrivateKey(f, NULL, NULL, NULL)
                             : PEM_read_PUBKEY(f, NULL, NULL, NULL);
  fclose(f);
  if (!pk || !EVP_PKEY_is_a(pk, "ED25519")) {
    EVP_PKEY_free(pk);
    return bmis_error_set(err, BMIS_E_PARSE, "%s: not an Ed25519 %s key (PEM)",
                          path, private_key ? "private" : "public");
  }
  return key_wrap(pk, private_key, out, err);
}

/* ---- lines ---- */

/* The signed part of a line: everything before " sig=". */
static int signed_text(const bmis_audit_anchor *a, char *out, size_t cap) {
  char at[21];
  return snprintf(out, cap, "%s seq=%lld hash=%s at=%s key=%s pub=%s", TAG,
                  (long long)a->seq, a->hash, bmis_time_format(a->at, at),
                  a->key, a->pub);
}

bmis_status bmis_audit_anchor_format(const bmis_audit_anchor *a, char *line,
                                     size_t cap, bmis_error *err) {
  if (!a || !line || cap < BMIS_AUDIT_ANCHOR_LINE_MAX)
    return bmis_error_set(err, BMIS_E_BUFFER_SMALL,
                          "an anchor line needs %d bytes",
                          BMIS_AUDIT_ANCHOR_LINE_MAX);
  int n = signed_text(a, line, cap);
  if (n < 0 || (size_t)n >= cap ||
      snprintf(line + n, cap - (size_t)n, " sig=%s", a->sig) >=
          (int)(cap - (size_t)n))
    return bmis_error_set(err, BMIS_E_BUFFER_SMALL, "anchor line too long");
  return BMIS_OK;
}

/* The next space-separated token of *p, which must be NAME=VALUE; the value
 * is copied (at most cap - 1 bytes). */
static bool field(const char **p, const char *name, char *value, size_t cap) {
  size_t nl = strlen(name);
  if (strncmp(*p, name, nl) != 0 || (*p)[nl] != '=')
    return false;
  const char *v = *p + nl + 1, *end = strchr(v, ' ');
  size_t n = end ? (size_t)(end - v) : strlen(v);
  if (n == 0 || n >= cap)
    return false;
  memcpy(value, v, n);
  value[n] = 0;
  *p = end ? end + 1 : v + n;
  return true;
}

bmis_status bmis_audit_anchor_parse(const char *line, bmis_audit_anchor *out,
                                    bmis_error *err) {
  memset(out, 0, sizeof *out);
  if (!line)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no line");
  if (strlen(line) >= BMIS_AUDIT_ANCHOR_LINE_MAX)
    return bmis_error_set(err, BMIS_E_PARSE, "longer than %d bytes",
                          BMIS_AUDIT_ANCHOR_LINE_MAX - 1);
  if (strncmp(line, TAG " ", sizeof TAG) != 0)
    return bmis_error_set(err, BMIS_E_PARSE, "does not begin with '%s'", TAG);
  const char *p = line + sizeof TAG;
  char seq[24], at[32];
  if (!field(&p, "seq", seq, sizeof seq))
    return bmis_error_set(err, BMIS_E_PARSE, "seq= expected");
  char *end;
  errno = 0;
  long long n = strtoll(seq, &end, 10);
  if (errno || *end || n < 1 || seq[0] == '0' || seq[0] == '+')
    return bmis_error_set(err, BMIS_E_PARSE,
                          "seq: '%s' is not a positive number", seq);
  out->seq = n;
  if (!field(&p, "hash", out->hash, sizeof out->hash) || !is_hex(out->hash, 64))
    return bmis_error_set(err, BMIS_E_PARSE,
                          "hash= expected: 64 lower-case hex digits");
  if (!field(&p, "at", at, sizeof at) ||
      bmis_time_parse(at, &out->at, NULL) != BMIS_OK)
    return bmis_error_set(err, BMIS_E_PARSE,
                          "at= expected: a time as YYYY-MM-DDTHH:MM:SSZ");
  if (!field(&p, "key", out->key, sizeof out->key) || !is_hex(out->key, 64))
    return bmis_error_set(err, BMIS_E_PARSE,
                          "key= expected: 64 lower-case hex digits");
  if (!field(&p, "pub", out->pub, sizeof out->pub) || !is_hex(out->pub, 64))
    return bmis_error_set(err, BMIS_E_PARSE,
                          "pub= expected: 64 lower-case hex digits");
  if (!field(&p, "sig", out->sig, sizeof out->sig) || !is_hex(out->sig, 128))
    return bmis_error_set(err, BMIS_E_PARSE,
                          "sig= expected: 128 lower-case hex digits");
  if (*p)
    return bmis_error_set(err, BMIS_E_PARSE, "more after sig=");
  return BMIS_OK;
}

/* ---- signing and checking ---- */

bmis_status bmis_audit_anchor_make(bmis_store *s, const bmis_audit_key *key,
                                   int64_t at, bmis_audit_anchor *out,
                                   bmis_error *err) {
  if (!s || !key || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store, key or anchor");
  if (!key->private_key)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "anchors are signed with the private key");
  if (at <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "at: the time of the anchor is required");
  memset(out, 0, sizeof *out);
  bmis_audit_verdict v;
  memset(&v, 0, sizeof v);
  v.ok = true;
  /* The head signed is the one verified, in one snapshot. */
  bool own;
  bmis_status st = bmis__read_begin(s, &own, err);
  if (st != BMIS_OK)
    return st;
  st = bmis__read_end(
      s, own, bmis__audit_verify_in(s, &v, &out->seq, out->hash, err), err);
  if (st != BMIS_OK)
    return st;
  if (!v.ok)
    return bmis_error_set(err, BMIS_E_RULE,
                          "the audit log is broken at entry %lld (%s): not "
                          "anchored",
                          (long long)v.bad_seq, v.problem);
  if (out->seq == 0)
    return bmis_error_set(err, BMIS_E_RULE,
                          "the audit log is empty: nothing to anchor");
  out->at = at;
  memcpy(out->key, key->fingerprint, sizeof out->key);
  to_hex(key->raw, sizeof key->raw, out->pub);
  char text[BMIS_AUDIT_ANCHOR_LINE_MAX];
  int n = signed_text(out, text, sizeof text);
  unsigned char sig[64];
  size_t siglen = sizeof sig;
  EVP_MD_CTX *c = EVP_MD_CTX_new();
  int ok =
      c && n > 0 && EVP_DigestSignInit(c, NULL, NULL, NULL, key->pkey) == 1 &&
      EVP_DigestSign(c, sig, &siglen, (const unsigned char *)text, (size_t)n) ==
          1 &&
      siglen == sizeof sig;
  EVP_MD_CTX_free(c);
  if (!ok)
    return bmis_error_set(err, BMIS_E_INTERNAL,
                          "Ed25519 signing failed (OpenSSL)");
  to_hex(sig, sizeof sig, out->sig);
  return BMIS_OK;
}

/* Whether a's signature is its key's over its text, and key is pub's
 * fingerprint. */
static bool signature_holds(const bmis_audit_anchor *a) {
  unsigned char raw[32], sig[64];
  char fp[65];
  if (!from_hex(a->pub, raw, sizeof raw) ||
      !from_hex(a->sig, sig, sizeof sig) ||
      sha256_hex(raw, sizeof raw, fp, NULL) != BMIS_OK ||
      strcmp(fp, a->key) != 0)
    return false;
  EVP_PKEY *pk =
      EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, raw, sizeof raw);
  char text[BMIS_AUDIT_ANCHOR_LINE_MAX];
  int n = signed_text(a, text, sizeof text);
  EVP_MD_CTX *c = EVP_MD_CTX_new();
  bool ok = pk && c && n > 0 &&
            EVP_DigestVerifyInit(c, NULL, NULL, NULL, pk) == 1 &&
            EVP_DigestVerify(c, sig, sizeof sig, (const unsigned char *)text,
                             (size_t)n) == 1;
  EVP_MD_CTX_free(c);
  EVP_PKEY_free(pk);
  return ok;
}

bmis_status bmis_audit_anchor_append(const char *path,
                                     const bmis_audit_anchor *a,
                                     bmis_error *err) {
  if (!path || !path[0] || !a)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no anchors file named");
  char line[BMIS_AUDIT_ANCHOR_LINE_MAX + 1];
  bmis_status st = bmis_audit_anchor_format(a, line, sizeof line - 1, err);
  if (st != BMIS_OK)
    return st;
  size_t n = strlen(line);
  line[n++] = '\n';
  struct stat sb;
  bool created = stat(path, &sb) != 0;
  int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    return bmis_error_set(err, BMIS_E_IO, "cannot open %s: %s", path,
                          strerror(errno));
  size_t done = 0;
  while (done < n) {
    ssize_t w = write(fd, line + done, n - done);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0) {
      int e = errno;
      close(fd);
      return bmis_error_set(err, BMIS_E_IO, "cannot write %s: %s", path,
                            strerror(e));
    }
    done += (size_t)w;
  }
  if (fsync(fd) != 0) {
    int e = errno;
    close(fd);
    return bmis_error_set(err, BMIS_E_IO, "cannot sync %s: %s", path,
                          strerror(e));
  }
  if (close(fd) != 0)
    return bmis_error_set(err, BMIS_E_IO, "cannot close %s: %s", path,
                          strerror(errno));
  if (created) { /* the new name must survive too */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    int dfd = open(dirname(dir), O_RDONLY | O_CLOEXEC);
    if (dfd >= 0) {
      fsync(dfd);
      close(dfd);
    }
  }
  return BMIS_OK;
}

/* ---- verifying a file of anchors ---- */

typedef struct one_entry {
  bool found;
  int64_t seq;
  char hash[65];
} one_entry;

static int take_entry(const bmis_audit_entry *e, void *ctx) {
  one_entry *o = ctx;
  o->found = true;
  o->seq = e->seq;
  memcpy(o->hash, e->hash, sizeof o->hash);
  return 1;
}

static void fault(bmis_audit_anchor_verdict *v, int64_t line, const char *fmt,
                  ...) __attribute__((format(printf, 3, 4)));
static void fault(bmis_audit_anchor_verdict *v, int64_t line, const char *fmt,
                  ...) {
  va_list ap;
  va_start(ap, fmt);
  int n =
      snprintf(v->problem, sizeof v->problem, "line %lld: ", (long long)line);
  vsnprintf(v->problem + n, sizeof v->problem - (size_t)n, fmt, ap);
  va_end(ap);
  v->ok = false;
  v->bad_line = line;
}

/* One anchor against the store (in the caller's snapshot). */
static bmis_status check_anchor(bmis_store *s, const bmis_audit_anchor *a,
                                int64_t line, bmis_audit_anchor_verdict *v,
                                bmis_error *err) {
  char at[21];
  bmis_time_format(a->at, at);
  one_entry o = {.found = false};
  int64_t rows;
  bool stopped;
  bmis_status st = bmis__audit_page(s, a->seq - 1, "", "", 1, take_entry, &o,
                                    &rows, &stopped, err);
  if (st != BMIS_OK)
    return st;
  if (!o.found || o.seq != a->seq)
    fault(v, line,
          "entry %lld, anchored at %s, is gone: the log was cut or entries "
          "removed since",
          (long long)a->seq, at);
  else if (strcmp(o.hash, a->hash) != 0)
    fault(v, line,
          "entry %lld no longer has the hash anchored at %s: the log was "
          "rewritten since",
          (long long)a->seq, at);
  else if (!v->chain.ok && v->chain.bad_seq <= a->seq)
    fault(v, line,
          "entry %lld was anchored at %s, but the chain before it breaks at "
          "entry %lld: %s",
          (long long)a->seq, at, (long long)v->chain.bad_seq, v->chain.problem);
  return BMIS_OK;
}

bmis_status bmis_audit_anchors_verify(bmis_store *s, const char *path,
                                      const bmis_audit_key *pub,
                                      bmis_audit_anchor_verdict *v,
                                      bmis_error *err) {
  if (!s || !path || !v)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "no store, anchors file or verdict");
  memset(v, 0, sizeof *v);
  v->ok = true;
  v->chain.ok = true;
  FILE *f = fopen(path, "r");
  if (!f)
    return bmis_error_set(err, BMIS_E_IO, "cannot read %s: %s", path,
                          strerror(errno));
  if (pub)
    memcpy(v->key, pub->fingerprint, sizeof v->key);
  bool own;
  bmis_status st = bmis__read_begin(s, &own, err);
  if (st == BMIS_OK)
    st = bmis__audit_verify_in(s, &v->chain, NULL, NULL, err);
  char buf[BMIS_AUDIT_ANCHOR_LINE_MAX + 2];
  int64_t line = 0, prev_seq = 0, prev_line = 0;
  while (st == BMIS_OK && v->ok && fgets(buf, sizeof buf, f)) {
    line++;
    size_t n = strlen(buf);
    if (n && buf[n - 1] == '\n')
      buf[--n] = 0;
    else if (!feof(f)) {
      fault(v, line, "longer than %d bytes", BMIS_AUDIT_ANCHOR_LINE_MAX - 1);
      break;
    }
    bmis_audit_anchor a;
    bmis_error why;
    if (bmis_audit_anchor_parse(buf, &a, &why) != BMIS_OK) {
      fault(v, line, "not an anchor: %s", why.message);
      break;
    }
    if (!signature_holds(&a)) {
      fault(v, line,
            "the signature does not verify: the anchor was forged or "
            "altered");
      break;
    }
    if (!v->key[0])
      memcpy(v->key, a.key, sizeof v->key);
    else if (strcmp(v->key, a.key) != 0) {
      fault(v, line, "signed with key %.16s…, not with %s (%.16s…)", a.key,
            pub ? "the key given" : "line 1's key", v->key);
      break;
    }
    if (a.seq < prev_seq) {
      fault(v, line,
            "entry %lld anchored after entry %lld (line %lld): the log went "
            "back between anchors",
            (long long)a.seq, (long long)prev_seq, (long long)prev_line);
      break;
    }
    if ((st = check_anchor(s, &a, line, v, err)) != BMIS_OK || !v->ok)
      break;
    prev_seq = a.seq;
    prev_line = line;
    v->anchors++;
    v->last_seq = a.seq;
  }
  bool read_error = ferror(f);
  fclose(f);
  st = bmis__read_end(s, own, st, err);
  if (st != BMIS_OK)
    return st;
  if (read_error)
    return bmis_error_set(err, BMIS_E_IO, "cannot read %s", path);
  if (v->ok && v->anchors == 0) {
    v->ok = false;
    snprintf(v->problem, sizeof v->problem, "%s holds no anchor", path);
  }
  if (v->ok && !v->chain.ok) {
    v->ok = false;
    snprintf(v->problem, sizeof v->problem,
             "the anchors hold, but the chain after them breaks at entry "
             "%lld: %s",
             (long long)v->chain.bad_seq, v->chain.problem);
  }
  return BMIS_OK;
}
