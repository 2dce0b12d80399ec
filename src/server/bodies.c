/* Headers and bodies: what a request's headers announce is checked before
 * its body is read (field lines, framing, the announced length), and the
 * body is kept as it arrives, up to the cap. */
#define _POSIX_C_SOURCE 200809L /* pthread_rwlock_t */
#include "server_state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* An answer given before the body is read: the connection is closed after
 * it (what remains of the request cannot be told from a next one). */
static enum MHD_Result refuse_early(srv *s, struct MHD_Connection *c,
                                    conn_state *st, bmis_status status,
                                    const char *message) {
  srv_reply rp = {500, NULL, "", NULL, NULL};
  st->answered = true;
  srv_fail(&rp, status, "%s", message);
  srv_watch_answering(s, c);
  return srv_send(s, c, &rp, NULL, true);
}

/* A field line libmicrohttpd passed on that no other HTTP parser would
 * read the same way: a name that is not a token (RFC 9110 section 5.6.2),
 * such as "Transfer-Encoding : chunked" (whitespace before the colon, RFC
 * 9112 section 5.1), or a line continued on the next (obs-fold, RFC 9112
 * section 5.2), or a value with a control character other than HTAB (RFC
 * 9110 section 5.5: "Host: x\rContent-Length: 2" is one field here, two
 * for a parser that ends a line at a lone CR). Each can hide from us a
 * framing header that a proxy in front reads, so each is refused like the
 * framing faults below. */
typedef struct field_fault {
  char message[192]; /* empty: none */
} field_fault;

static bool is_tchar(unsigned char ch) {
  return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') ||
         (ch >= 'a' && ch <= 'z') || (ch && strchr("!#$%&'*+-.^_`|~", ch));
}

/* libmicrohttpd 0.9.75 keeps none of the raw lines, but it parses a line
 * "name: value" in place: the name ends where the colon was (now a NUL)
 * and the value starts after it and any spaces or tabs. A continuation
 * line (obs-fold) it glues to the end of the *name*, which it first moves
 * to a new block of its memory pool, past the line: so a name that does
 * not sit just before its value was folded (say "Transfer-Encoding:",
 * " chunked", seen as a field "Transfer-Encodingchunked" with an empty
 * value). The addresses are compared as integers; the bytes between are
 * read only when the value lies after the name, in the same line. */
static bool from_one_line(const char *key, const char *value) {
  uintptr_t k = (uintptr_t)key, v = (uintptr_t)value;
  size_t len = strlen(key);
  if (v <= k || v - k < len + 1)
    return false;
  for (size_t i = len + 1; i < v - k; i++)
    if (key[i] != ' ' && key[i] != '\t')
      return false;
  return true;
}

static enum MHD_Result find_field_fault(void *cls, enum MHD_ValueKind kind,
                                        const char *key, const char *value) {
  (void)kind;
  field_fault *f = cls;
  size_t good = 0;
  while (is_tchar((unsigned char)key[good]))
    good++;
  if (!key[0])
    snprintf(f->message, sizeof f->message, "a header field name is empty");
  else if (key[good])
    snprintf(f->message, sizeof f->message,
             "the header field name '%.*s' is followed by byte 0x%02x: a "
             "name is a token (RFC 9110 section 5.6.2), with no whitespace "
             "before its colon (RFC 9112 section 5.1)",
             (int)(good > 40 ? 40 : good), good > 40 ? key + good - 40 : key,
             (unsigned char)key[good]);
  else if (!value || !from_one_line(key, value))
    snprintf(f->message, sizeof f->message,
             "a header field is continued on the next line (obs-fold, RFC "
             "9112 section 5.2): send it on one line");
  else {
    size_t i = 0; /* RFC 9110 section 5.5: no control character but HTAB */
    while (value[i] && (value[i] == '\t' ||
                        ((unsigned char)value[i] >= 0x20 && value[i] != 0x7f)))
      i++;
    if (value[i])
      snprintf(f->message, sizeof f->message,
               "the value of header field '%.40s' has byte 0x%02x: a value "
               "has no control characters but tabs (RFC 9110 section 5.5; a "
               "lone CR ends a line for some parsers)",
               key, (unsigned char)value[i]);
  }
  return f->message[0] ? MHD_NO : MHD_YES;
}

/* How the request says its body is framed (RFC 9112 section 6). */
typedef struct framing {
  unsigned lengths, encodings;
  const char *length;
  bool lengths_differ;
  bool chunked; /* the one Transfer-Encoding is exactly "chunked" */
} framing;

static enum MHD_Result count_framing(void *cls, enum MHD_ValueKind kind,
                                     const char *key, const char *value) {
  (void)kind;
  framing *f = cls;
  if (!value)
    value = "";
  if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0) {
    if (f->lengths && strcmp(f->length, value) != 0)
      f->lengths_differ = true;
    f->length = value;
    f->lengths++;
  } else if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0) {
    f->encodings++;
    f->chunked = strcasecmp(value, "chunked") == 0;
  }
  return MHD_YES;
}

/* The request's headers are in: refuse what must not be read on (a field
 * line no other parser would read the same, a body framed two ways, an
 * unknown transfer coding, an announced body over the cap, a request that
 * came after srv_stop). */
enum MHD_Result srv_body_headers(srv *s, struct MHD_Connection *c,
                                 conn_state *st) {
  if (atomic_load(&s->stopping))
    return refuse_early(s, c, st, BMIS_E_UNAVAILABLE,
                        "the server is shutting down: try again shortly");
  atomic_fetch_add(&s->inflight, 1);
  st->counted = true;
  field_fault bad = {""};
  MHD_get_connection_values(c, MHD_HEADER_KIND, find_field_fault, &bad);
  if (bad.message[0])
    return refuse_early(s, c, st, BMIS_E_FRAMING, bad.message);
  framing f = {0, 0, NULL, false, false};
  MHD_get_connection_values(c, MHD_HEADER_KIND, count_framing, &f);
  if (f.lengths && f.encodings)
    return refuse_early(s, c, st, BMIS_E_FRAMING,
                        "the request has both Content-Length and "
                        "Transfer-Encoding (RFC 9112 section 6.3)");
  if (f.lengths_differ)
    return refuse_early(s, c, st, BMIS_E_FRAMING,
                        "the request has Content-Length headers that differ "
                        "(RFC 9112 section 6.3)");
  if (f.encodings && (f.encodings > 1 || !f.chunked))
    return refuse_early(s, c, st, BMIS_E_FRAMING,
                        "Transfer-Encoding: only 'chunked' is accepted");
  if (f.length && strtoull(f.length, NULL, 10) > s->opt.body_max) {
    /* answered now: the body is never read, the connection then closed */
    char msg[96];
    snprintf(msg, sizeof msg, "the request body is larger than %zu bytes",
             s->opt.body_max);
    return refuse_early(s, c, st, BMIS_E_TOO_LARGE, msg);
  }
  return MHD_YES;
}

enum MHD_Result srv_body_add(const srv *s, conn_state *st, const char *upload,
                             size_t *upload_size) {
  if (!st->too_large && st->len + *upload_size > s->opt.body_max)
    st->too_large = true;
  if (!st->too_large) {
    if (st->len + *upload_size + 1 > st->cap) {
      size_t ncap = st->cap ? st->cap : 4096;
      while (ncap < st->len + *upload_size + 1)
        ncap *= 2;
      char *nb = realloc(st->body, ncap);
      if (!nb)
        return MHD_NO;
      st->body = nb;
      st->cap = ncap;
    }
    memcpy(st->body + st->len, upload, *upload_size);
    st->len += *upload_size;
    st->body[st->len] = 0;
  }
  *upload_size = 0;
  return MHD_YES;
}

bool srv_body_refused(const srv *s, struct MHD_Connection *c,
                      const conn_state *st, srv_reply *rp, bool *close_after) {
  /* a chunked body's trailer fields, held to the same rules */
  field_fault bad_trailer = {""};
  MHD_get_connection_values(c, MHD_FOOTER_KIND, find_field_fault, &bad_trailer);
  *close_after = false;
  if (bad_trailer.message[0]) {
    srv_fail(rp, BMIS_E_FRAMING, "%s", bad_trailer.message);
    *close_after = true;
    return true;
  }
  if (st->too_large) {
    srv_fail(rp, BMIS_E_TOO_LARGE, "the request body is larger than %zu bytes",
             s->opt.body_max);
    return true;
  }
  return false;
}
