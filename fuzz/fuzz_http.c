/* Fuzz target for the HTTP server (src/server): each input is the raw bytes
 * a client sends on one connection (request lines, headers, chunked or
 * sized bodies, pipelined requests), given to the real server, started
 * once in its external mode (srv_options.external: no listening socket, no
 * threads) on a temporary SQLite store, over a socketpair handed to it by
 * srv_add_connection (libmicrohttpd's MHD_add_connection); the harness
 * turns the server's crank (srv_run) and reads what it answers.
 *
 * So that inputs can reach the routes behind a login, the store holds one
 * account of each role with an open session, and the input's placeholders
 * "@officer@", "@supervisor@", "@analyst@" and "@administrator@" are
 * replaced by their session tokens, "@csrf@" by the administrator's CSRF
 * value, before the bytes are sent. The store keeps what earlier inputs
 * wrote (inspections, audit entries), as a running server would.
 *
 * Besides memory errors (ASan, UBSan), the target aborts when:
 * - the server neither answers nor closes (no progress after the input is
 *   sent and the client's side shut down: a hang);
 * - what it sends is not a sequence of whole HTTP/1.x responses (but for
 *   libmicrohttpd 0.9.75's doubled header block, below);
 * - an answer is a 5xx other than libmicrohttpd's own 505 (bad input never
 *   makes a 5xx);
 * - an answer's body is not JSON, except the console's static files (200
 *   or 304), bodiless answers (1xx, 204, 304, HEAD) and the HTML error
 *   pages libmicrohttpd 0.9.75 writes itself (no Content-Type, a body in
 *   "<html>", docs/SECURITY.md lists them). */
#define _GNU_SOURCE /* memmem */
#include "fuzz_target.h"

#include "http.h" /* srv_csrf_token */
#include "server.h"

#include "bmis/account.h"
#include "bmis/store.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define PASSWORD "correct horse battery staple"
#define OUT_MAX ((size_t)8 << 20) /* answers past this are not kept */

static srv *server;
static char dir[256];
static const char *const roles[] = {"officer", "supervisor", "analyst",
                                    "administrator"};
static char tokens[4][BMIS_SESSION_TOKEN_SIZE];
static char csrf[65];

static void require(int ok, const char *what, const char *out, size_t len) {
  if (!ok) {
    fprintf(stderr, "fuzz_http: broken invariant: %s\n--- answer ---\n%.*s\n",
            what, (int)(len > 4000 ? 4000 : len), out);
    abort();
  }
}

static void cleanup(void) {
  srv_stop(server, 0);
  char path[300];
  static const char *const files[] = {"store.db", "store.db-wal",
                                      "store.db-shm"};
  for (size_t i = 0; i < 3; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, files[i]);
    remove(path);
  }
  rmdir(dir);
}

static void start(void) {
  const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
  snprintf(dir, sizeof dir, "%s/fuzz_http.XXXXXX", tmp);
  if (!mkdtemp(dir)) {
    perror("fuzz_http: mkdtemp");
    abort();
  }
  char url[300];
  snprintf(url, sizeof url, "%s/store.db", dir);
  bmis_store *st;
  bmis_error err;
  if (bmis_store_open(url, NULL, &st, &err) != BMIS_OK) {
    fprintf(stderr, "fuzz_http: store: %s\n", err.message);
    abort();
  }
  /* a crossing point to work at: accounts of the desk roles need one */
  bmis_register_config cfg = {"KEN", 180, 90};
  bmis_bcp nbo = {"NBO", "Jomo Kenyatta", BMIS_BCP_KIND_AIR, "Africa/Nairobi"};
  if (bmis_register_config_set(st, &cfg, &err) != BMIS_OK ||
      bmis_bcp_put(st, &nbo, &err) != BMIS_OK) {
    fprintf(stderr, "fuzz_http: crossing point: %s\n", err.message);
    abort();
  }
  for (int r = 0; r < 4; r++) {
    bmis_account a;
    bmis_session ses;
    memset(&a, 0, sizeof a);
    snprintf(a.username, sizeof a.username, "%s", roles[r]);
    snprintf(a.display_name, sizeof a.display_name, "The %s", roles[r]);
    a.role = (bmis_role)(BMIS_ROLE_OFFICER + r);
    snprintf(a.default_bcp, sizeof a.default_bcp, "NBO");
    if (bmis_account_add(st, &a, PASSWORD, (int64_t)time(NULL), &err) !=
            BMIS_OK ||
        bmis_session_open(st, roles[r], PASSWORD, "", "", 24 * 3600,
                          (int64_t)time(NULL), tokens[r], &ses,
                          &err) != BMIS_OK) {
      fprintf(stderr, "fuzz_http: account: %s\n", err.message);
      abort();
    }
  }
  bmis_store_close(st);
  srv_csrf_token(tokens[3], csrf);
  srv_options o;
  srv_options_init(&o);
  o.store_url = url;
  o.external = true;
  o.request_max_s = 0;  /* (a watchdog thread: not in external mode) */
  o.idle_timeout_s = 0; /* the tokens last the whole run */
  o.body_max = 64 * 1024;
  if (srv_start(&o, &server, &err) != BMIS_OK) {
    fprintf(stderr, "fuzz_http: srv_start: %s\n", err.message);
    abort();
  }
  atexit(cleanup);
}

/* The input with its placeholders replaced (malloc'd, *len set). */
static char *expand(const uint8_t *data, size_t size, size_t *len) {
  static const char *const marks[] = {"@officer@", "@supervisor@", "@analyst@",
                                      "@administrator@", "@csrf@"};
  char *out = malloc(size * 11 + 1); /* 6 bytes at least become 64 */
  size_t n = 0;
  if (!out)
    abort();
  for (size_t i = 0; i < size;) {
    size_t m = 0;
    for (; m < 5; m++) {
      size_t ml = strlen(marks[m]);
      if (i + ml <= size && memcmp(data + i, marks[m], ml) == 0)
        break;
    }
    if (m < 5) {
      const char *v = m < 4 ? tokens[m] : csrf;
      memcpy(out + n, v, strlen(v));
      n += strlen(v);
      i += strlen(marks[m]);
    } else {
      out[n++] = (char)data[i++];
    }
  }
  *len = n;
  return out;
}

/* The value of header name within head[0..len), or NULL; *vlen set. */
static const char *header(const char *head, size_t len, const char *name,
                          size_t *vlen) {
  size_t nl = strlen(name);
  for (const char *p = head; p < head + len;) {
    const char *eol = memmem(p, (size_t)(head + len - p), "\r\n", 2);
    if (!eol)
      eol = head + len;
    if ((size_t)(eol - p) > nl + 1 && strncasecmp(p, name, nl) == 0 &&
        p[nl] == ':') {
      const char *v = p + nl + 1;
      while (v < eol && *v == ' ')
        v++;
      *vlen = (size_t)(eol - v);
      return v;
    }
    p = eol + 2;
  }
  return NULL;
}

/* Every answer in out[0..len): whole, JSON where it must be, never 5xx. */
static void check_answers(const char *out, size_t len, bool any_head) {
  size_t pos = 0;
  while (pos < len) {
    const char *r = out + pos;
    size_t left = len - pos;
    require(left >= 12 && (memcmp(r, "HTTP/1.1 ", 9) == 0 ||
                           memcmp(r, "HTTP/1.0 ", 9) == 0),
            "not a status line", r, left);
    int status = atoi(r + 9);
    require(status >= 100 && status <= 599, "status out of range", r, left);
    const char *end = memmem(r, left, "\r\n\r\n", 4);
    require(end != NULL, "headers cut short", r, left);
    size_t hlen = (size_t)(end - r), vlen = 0;
    const char *body = end + 4;
    size_t after = left - hlen - 4;
    if (status < 200) { /* 100 Continue: headers only */
      pos += hlen + 4;
      continue;
    }
    const char *type = header(r, hlen, "Content-Type", &vlen);
    /* libmicrohttpd 0.9.75 sends the header block of its own 400 twice
     * when Content-Length is not a number (its state machine builds it
     * again after the error; docs/SECURITY.md): the first copy is skipped,
     * and the connection is closed after the answer */
    if (!type && after >= hlen + 4 && memcmp(body, r, hlen + 4) == 0) {
      pos += hlen + 4;
      continue;
    }
    const char *cl = header(r, hlen, "Content-Length", &vlen);
    size_t blen = cl ? strtoull(cl, NULL, 10) : after;
    type = header(r, hlen, "Content-Type", &vlen);
    bool json =
        type && vlen >= 16 && strncmp(type, "application/json", 16) == 0;
    /* a HEAD answer announces a length and sends nothing */
    if (any_head && blen &&
        (after == 0 || (after >= 5 && memcmp(body, "HTTP/", 5) == 0)))
      blen = 0;
    require(blen <= after, "body cut short", r, left);
    bool mhd_own =
        !type && (blen == 0 || (blen >= 6 && memcmp(body, "<html>", 6) == 0));
    require(status < 500 || (status == 505 && mhd_own), "a 5xx answer", r,
            left);
    if (json && blen) {
      json_error_t je;
      json_t *doc = json_loadb(body, blen, 0, &je);
      require(doc != NULL, "a JSON answer that is not JSON", r, left);
      if (status >= 400)
        require(json_is_string(
                    json_object_get(json_object_get(doc, "error"), "code")),
                "an error without error.code", r, left);
      json_decref(doc);
    } else if (blen && !json) {
      require(status == 200 || mhd_own,
              "a body that is neither JSON, a console file nor "
              "libmicrohttpd's own",
              r, left);
    }
    pos += hlen + 4 + blen;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!server)
    start();
  size_t len;
  char *in = expand(data, size, &len);
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
    abort();
  fcntl(sv[0], F_SETFL, O_NONBLOCK);
  fcntl(sv[1], F_SETFL, O_NONBLOCK);
  bmis_error err;
  if (srv_add_connection(server, sv[1], &err) != BMIS_OK)
    abort();
  size_t sent = 0, got = 0, cap = 1 << 16;
  char *out = malloc(cap);
  if (!out)
    abort();
  bool shut = false, closed = false;
  int quiet = 0; /* passes in a row with nothing sent or received */
  for (int pass = 0; pass < 20000 && !closed; pass++) {
    bool moved = false;
    if (sent < len) {
      ssize_t w = send(sv[0], in + sent, len - sent, MSG_NOSIGNAL);
      if (w > 0) {
        sent += (size_t)w;
        moved = true;
      } else if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
        sent = len; /* the server closed: what was not sent never will be */
      }
    }
    srv_run(server);
    for (;;) {
      if (got + 4096 > cap && cap < OUT_MAX) {
        cap *= 2;
        out = realloc(out, cap);
        if (!out)
          abort();
      }
      if (got + 4096 > cap) { /* enough kept: drain the rest */
        char sink[4096];
        ssize_t r = recv(sv[0], sink, sizeof sink, 0);
        if (r == 0)
          closed = true;
        if (r <= 0)
          break;
        moved = true;
        continue;
      }
      ssize_t r = recv(sv[0], out + got, cap - got, 0);
      if (r == 0)
        closed = true;
      if (r <= 0)
        break;
      got += (size_t)r;
      moved = true;
    }
    quiet = moved ? 0 : quiet + 1;
    /* all sent and the server has gone quiet: the client is done (a
     * request left incomplete now ends, as a client closing would) */
    if (sent == len && !shut && quiet >= 3) {
      shutdown(sv[0], SHUT_WR);
      shut = true;
      quiet = 0;
    }
    if (shut && quiet > 200)
      break; /* checked below: neither answered nor closed */
  }
  if (!closed) {
    fprintf(stderr,
            "fuzz_http: the server neither answered nor closed "
            "(sent %zu of %zu bytes, got %zu)\n",
            sent, len, got);
    abort();
  }
  close(sv[0]);
  srv_run(server); /* its side closed: let it clean up */
  if (got <= cap)
    check_answers(out, got < OUT_MAX ? got : 0,
                  memmem(in, len, "HEAD", 4) != NULL);
  free(out);
  free(in);
  return 0;
}
