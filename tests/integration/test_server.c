/* The HTTP server in process, on a loopback port of its own, spoken to
 * over plain sockets (no HTTP library between the test and the bytes):
 * health, the OpenAPI document against the routing table, unknown paths
 * and methods, oversized bodies and a client that stalls. */
#define _POSIX_C_SOURCE 200809L
#include "routes.h"
#include "server.h"

#include "bmis/account.h"
#include "bmis/audit.h"
#include "bmis/doc.h"
#include "bmis/register.h"
#include "bmis/screen.h"
#include "bmis/store.h"

#include <arpa/inet.h>
#include <jansson.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

static srv *server;
static char store[256];

#define PASSWORD "correct horse battery staple"

/* "Authorization: Bearer TOKEN\r\n" into out, for request()'s headers. */
static void bearer(const char *token, char *out, size_t cap) {
  snprintf(out, cap, "Authorization: Bearer %s\r\n", token);
}

static int connect_server(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  assert_true(fd >= 0);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons((uint16_t)srv_port(server));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
  return fd;
}

static void send_all(int fd, const char *data, size_t len) {
  while (len) {
    ssize_t n = send(fd, data, len, MSG_NOSIGNAL);
    if (n <= 0)
      return; /* the server may close early (413): the answer tells */
    data += n;
    len -= (size_t)n;
  }
}

/* Reads until the server closes or timeout_ms pass; returns the bytes. */
static char *read_all(int fd, int timeout_ms, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  assert_non_null(buf);
  for (;;) {
    struct pollfd p = {fd, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0)
      break;
    if (n + 4096 > cap) {
      cap *= 2;
      buf = realloc(buf, cap);
      assert_non_null(buf);
    }
    ssize_t r = recv(fd, buf + n, cap - n - 1, 0);
    if (r <= 0)
      break;
    n += (size_t)r;
  }
  buf[n] = 0;
  *len = n;
  return buf;
}

typedef struct answer {
  int status;
  char head[2048];
  json_t *json;
} answer;

/* One request on its own connection ("Connection: close"). */
static answer request(const char *method, const char *path, const char *body,
                      const char *extra_headers) {
  int fd = connect_server();
  char req[4096];
  int n = snprintf(req, sizeof req,
                   "%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                   "%s%s%s\r\n",
                   method, path, extra_headers ? extra_headers : "",
                   body ? "Content-Type: application/json\r\n" : "",
                   body ? "" : "");
  if (body) {
    char cl[64];
    snprintf(cl, sizeof cl, "Content-Length: %zu\r\n\r\n", strlen(body));
    n -= 2; /* replace the blank line */
    n += snprintf(req + n, sizeof req - (size_t)n, "%s", cl);
  }
  send_all(fd, req, (size_t)n);
  if (body)
    send_all(fd, body, strlen(body));
  size_t len;
  char *text = read_all(fd, 5000, &len);
  close(fd);
  answer a = {0, "", NULL};
  sscanf(text, "HTTP/1.1 %d", &a.status);
  char *sep = strstr(text, "\r\n\r\n");
  if (sep) {
    size_t h = (size_t)(sep - text);
    snprintf(a.head, sizeof a.head, "%.*s", (int)h, text);
    a.json = json_loads(sep + 4, 0, NULL);
  }
  free(text);
  return a;
}

static void expect_error(const answer *a, int status, const char *code) {
  assert_int_equal(a->status, status);
  assert_non_null(a->json);
  json_t *e = json_object_get(a->json, "error");
  assert_non_null(e);
  assert_string_equal(json_string_value(json_object_get(e, "code")), code);
  assert_true(strlen(json_string_value(json_object_get(e, "message"))) > 5);
  assert_non_null(strstr(a->head, "Content-Type: application/json"));
}

static int setup(void **state) {
  (void)state;
  snprintf(store, sizeof store, "%s/test_server.db",
           getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  remove(store);
  /* one account of each role */
  bmis_store *st;
  bmis_error err;
  if (bmis_store_open(store, NULL, &st, &err) != BMIS_OK)
    return -1;
  for (int r = BMIS_ROLE_OFFICER; r <= BMIS_ROLE_ADMINISTRATOR; r++) {
    bmis_account a;
    memset(&a, 0, sizeof a);
    snprintf(a.username, sizeof a.username, "%s", bmis_role_name((bmis_role)r));
    snprintf(a.display_name, sizeof a.display_name, "The %s",
             bmis_role_name((bmis_role)r));
    snprintf(a.default_bcp, sizeof a.default_bcp, "NBO");
    a.role = (bmis_role)r;
    if (bmis_account_add(st, &a, PASSWORD, &err) != BMIS_OK) {
      fprintf(stderr, "account: %s\n", err.message);
      return -1;
    }
  }
  bmis_register_config cfg = {"KEN", 180, 90};
  bmis_bcp nbo = {"NBO", "Jomo Kenyatta", BMIS_BCP_KIND_AIR, "Africa/Nairobi"};
  if (bmis_register_config_set(st, &cfg, &err) != BMIS_OK ||
      bmis_bcp_put(st, &nbo, &err) != BMIS_OK)
    return -1;
  bmis_store_close(st);
  srv_options o;
  srv_options_init(&o);
  o.store_url = store;
  o.port = 0;
  o.threads = 2;
  o.body_max = 1024;
  o.timeout_s = 1;
  if (srv_start(&o, &server, &err) != BMIS_OK) {
    fprintf(stderr, "srv_start: %s\n", err.message);
    return -1;
  }
  return 0;
}

static int teardown(void **state) {
  (void)state;
  srv_stop(server, 2);
  remove(store);
  return 0;
}

static void health_answers(void **state) {
  (void)state;
  answer a = request("GET", "/api/health", NULL, NULL);
  assert_int_equal(a.status, 200);
  assert_non_null(a.json);
  assert_string_equal(json_string_value(json_object_get(a.json, "status")),
                      "ok");
  assert_string_equal(json_string_value(json_object_get(a.json, "store")),
                      "sqlite");
  assert_non_null(strstr(a.head, "Content-Type: application/json"));
  json_decref(a.json);
  /* a query string does not change the route */
  a = request("GET", "/api/health?x=1", NULL, NULL);
  assert_int_equal(a.status, 200);
  json_decref(a.json);
}

/* Every route is documented, and nothing documented does not exist. */
static void openapi_is_the_routing_table(void **state) {
  (void)state;
  answer a = request("GET", "/api/openapi.json", NULL, NULL);
  assert_int_equal(a.status, 200);
  assert_non_null(a.json);
  assert_string_equal(json_string_value(json_object_get(a.json, "openapi")),
                      "3.0.3");
  json_t *paths = json_object_get(a.json, "paths");
  size_t documented = 0;
  const char *path;
  json_t *item;
  json_object_foreach(paths, path, item) {
    const char *method;
    json_t *op;
    json_object_foreach(item, method, op) {
      documented++;
      char upper[8] = "";
      for (size_t i = 0; method[i] && i + 1 < sizeof upper; i++) {
        upper[i] = (char)(method[i] & ~0x20);
        upper[i + 1] = 0;
      }
      bool known = false;
      const char *params[2];
      char storage[2][128];
      assert_non_null(srv_route_find(upper, path, &known, params, storage));
      assert_non_null(json_object_get(json_object_get(op, "responses"), "200"));
      /* every {parameter} of the path is declared, and nothing else */
      size_t in_path = 0;
      for (const char *p = strchr(path, '{'); p; p = strchr(p + 1, '{'))
        in_path++;
      json_t *declared = json_object_get(op, "parameters");
      assert_int_equal(json_array_size(declared), in_path);
      size_t k;
      json_t *prm;
      json_array_foreach(declared, k, prm) {
        char want[80];
        snprintf(want, sizeof want, "{%s}",
                 json_string_value(json_object_get(prm, "name")));
        assert_non_null(strstr(path, want));
        assert_string_equal(json_string_value(json_object_get(prm, "in")),
                            "path");
      }
    }
  }
  assert_int_equal(documented, srv_route_count);
  for (size_t i = 0; i < srv_route_count; i++) {
    char lower[8] = "";
    for (size_t k = 0; srv_routes[i].method[k] && k + 1 < sizeof lower; k++) {
      lower[k] = (char)(srv_routes[i].method[k] | 0x20);
      lower[k + 1] = 0;
    }
    assert_non_null(
        json_object_get(json_object_get(paths, srv_routes[i].path), lower));
  }
  json_decref(a.json);
}

static void unknown_paths_and_methods(void **state) {
  (void)state;
  answer a = request("GET", "/api/no-such-thing", NULL, NULL);
  expect_error(&a, 404, "E_NOT_FOUND");
  json_decref(a.json);
  a = request("DELETE", "/api/health", NULL, NULL);
  expect_error(&a, 405, "E_METHOD");
  assert_non_null(strstr(a.head, "Allow: GET"));
  json_decref(a.json);
  a = request("POST", "/api/health", "{}", NULL);
  expect_error(&a, 405, "E_METHOD");
  json_decref(a.json);
}

static void oversized_bodies_are_refused(void **state) {
  (void)state;
  /* announced: refused before it is read */
  answer a =
      request("POST", "/api/health", NULL, "Content-Length: 10000000\r\n");
  expect_error(&a, 413, "E_TOO_LARGE");
  json_decref(a.json);
  /* sent in full, larger than the cap (1 KiB here) */
  char *big = malloc(4096);
  assert_non_null(big);
  memset(big, 'x', 4095);
  big[4095] = 0;
  a = request("POST", "/api/health", big, NULL);
  expect_error(&a, 413, "E_TOO_LARGE");
  json_decref(a.json);
  free(big);
}

/* A client that sends half a request holds no worker: others are answered
 * meanwhile, and the server closes the stalled connection after its
 * timeout (1 s here). */
static void a_stalled_client_is_dropped(void **state) {
  (void)state;
  int slow[4];
  for (int i = 0; i < 4; i++) {
    slow[i] = connect_server();
    send_all(slow[i], "GET /api/hea", 12);
  }
  answer a = request("GET", "/api/health", NULL, NULL);
  assert_int_equal(a.status, 200);
  json_decref(a.json);
  for (int i = 0; i < 4; i++) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    size_t len;
    char *rest = read_all(slow[i], 10000, &len);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    assert_true(t1.tv_sec - t0.tv_sec < 9); /* closed, not left hanging */
    free(rest);
    close(slow[i]);
  }
}

/* A fresh session's token for user (its role's name). */
static void login(const char *user, char token[BMIS_SESSION_TOKEN_SIZE]) {
  char body[256];
  snprintf(body, sizeof body,
           "{\"username\": \"%s\", \"password\": \"%s\", \"desk\": \"D2\"}",
           user, PASSWORD);
  answer a = request("POST", "/api/login", body, NULL);
  assert_int_equal(a.status, 200);
  const char *t = json_string_value(json_object_get(a.json, "token"));
  assert_non_null(t);
  snprintf(token, BMIS_SESSION_TOKEN_SIZE, "%s", t);
  json_decref(a.json);
}

static void login_session_logout(void **state) {
  (void)state;
  char token[BMIS_SESSION_TOKEN_SIZE], auth[128];
  login("officer", token);
  bearer(token, auth, sizeof auth);
  answer a = request("GET", "/api/session", NULL, auth);
  assert_int_equal(a.status, 200);
  assert_string_equal(json_string_value(json_object_get(a.json, "username")),
                      "officer");
  assert_string_equal(json_string_value(json_object_get(a.json, "role")),
                      "officer");
  assert_string_equal(json_string_value(json_object_get(a.json, "bcp")), "NBO");
  assert_string_equal(json_string_value(json_object_get(a.json, "desk")), "D2");
  json_decref(a.json);
  /* an officer may not see the accounts; an administrator may */
  a = request("GET", "/api/accounts", NULL, auth);
  expect_error(&a, 403, "E_FORBIDDEN");
  json_decref(a.json);
  char admin[BMIS_SESSION_TOKEN_SIZE], admin_auth[128];
  login("administrator", admin);
  bearer(admin, admin_auth, sizeof admin_auth);
  a = request("GET", "/api/accounts", NULL, admin_auth);
  assert_int_equal(a.status, 200);
  json_t *list = json_object_get(a.json, "accounts");
  assert_int_equal(json_array_size(list), 4);
  assert_string_equal(
      json_string_value(json_object_get(json_array_get(list, 0), "username")),
      "administrator");
  assert_null(strstr(a.head, "argon2"));
  char *text = json_dumps(a.json, 0);
  assert_null(strstr(text, "argon2")); /* no hash leaves the library */
  free(text);
  json_decref(a.json);
  a = request("POST", "/api/logout", "{}", auth);
  assert_int_equal(a.status, 200);
  json_decref(a.json);
  a = request("GET", "/api/session", NULL, auth);
  expect_error(&a, 401, "E_AUTH");
  assert_non_null(strstr(a.head, "WWW-Authenticate: Bearer"));
  json_decref(a.json);
}

/* The console's way: an HttpOnly, SameSite cookie, and writes that must
 * carry the CSRF token given at login. */
static void the_console_cookie_and_csrf(void **state) {
  (void)state;
  answer a = request(
      "POST", "/api/login",
      "{\"username\": \"supervisor\", \"password\": \"" PASSWORD "\"}", NULL);
  assert_int_equal(a.status, 200);
  char token[BMIS_SESSION_TOKEN_SIZE], csrf[65], cookie[160], hdr[320];
  snprintf(token, sizeof token, "%s",
           json_string_value(json_object_get(a.json, "token")));
  snprintf(csrf, sizeof csrf, "%s",
           json_string_value(json_object_get(a.json, "csrf")));
  assert_int_equal(strlen(csrf), 64);
  assert_non_null(strstr(a.head, "Set-Cookie: bmis_session="));
  assert_non_null(strstr(a.head, "; HttpOnly; SameSite=Strict; Max-Age="));
  json_decref(a.json);
  snprintf(cookie, sizeof cookie, "Cookie: bmis_session=%s\r\n", token);
  a = request("GET", "/api/session", NULL, cookie);
  assert_int_equal(a.status, 200);
  assert_string_equal(json_string_value(json_object_get(a.json, "role")),
                      "supervisor");
  /* a reloaded console learns its CSRF value again */
  assert_string_equal(json_string_value(json_object_get(a.json, "csrf")), csrf);
  json_decref(a.json);
  /* a write with the cookie alone, or with a wrong token, is refused */
  a = request("POST", "/api/logout", "{}", cookie);
  expect_error(&a, 403, "E_FORBIDDEN");
  assert_non_null(strstr(json_string_value(json_object_get(
                             json_object_get(a.json, "error"), "message")),
                         "X-CSRF-Token"));
  json_decref(a.json);
  snprintf(hdr, sizeof hdr, "%sX-CSRF-Token: %064d\r\n", cookie, 0);
  a = request("POST", "/api/logout", "{}", hdr);
  expect_error(&a, 403, "E_FORBIDDEN");
  json_decref(a.json);
  /* with it, the logout happens and the cookie is cleared */
  snprintf(hdr, sizeof hdr, "%sX-CSRF-Token: %s\r\n", cookie, csrf);
  a = request("POST", "/api/logout", "{}", hdr);
  assert_int_equal(a.status, 200);
  assert_non_null(strstr(a.head, "Set-Cookie: bmis_session=; Path=/"));
  assert_non_null(strstr(a.head, "Max-Age=0"));
  json_decref(a.json);
  a = request("GET", "/api/session", NULL, cookie);
  expect_error(&a, 401, "E_AUTH");
  json_decref(a.json);
}

static void bad_logins_say_what_is_wrong(void **state) {
  (void)state;
  struct {
    const char *body;
    int status;
    const char *code, *says;
  } cases[] = {
      {"{\"username\": \"officer\", \"password\": \"not the password\"}", 401,
       "E_AUTH", "wrong username or password"},
      {"{\"username\": \"nobody\", \"password\": \"" PASSWORD "\"}", 401,
       "E_AUTH", "wrong username or password"},
      {"{\"username\": \"officer\", \"password\": ", 400, "E_PARSE", "line 1"},
      {"[1, 2]", 400, "E_PARSE", "must be a JSON object"},
      {"", 400, "E_PARSE", "not JSON"},
      {"{\"username\": \"officer\"}", 400, "E_INVALID_ARG",
       "'password' is required"},
      {"{\"username\": 7, \"password\": \"x\"}", 400, "E_INVALID_ARG",
       "'username' must be a string"},
      {"{\"username\": \"officer\", \"password\": \"x\", \"admin\": true}", 400,
       "E_INVALID_ARG", "unknown member 'admin'"},
      {"{\"username\": \"a\", \"username\": \"b\", \"password\": \"x\"}", 400,
       "E_PARSE", "duplicate"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    answer a = request("POST", "/api/login", cases[i].body, NULL);
    expect_error(&a, cases[i].status, cases[i].code);
    const char *msg = json_string_value(
        json_object_get(json_object_get(a.json, "error"), "message"));
    if (!strstr(msg, cases[i].says))
      fail_msg("case %zu: '%s' does not say '%s'", i, msg, cases[i].says);
    json_decref(a.json);
  }
}

/* Guessing is slowed: after five failures for a name, 429 until later. */
static void repeated_failures_are_throttled(void **state) {
  (void)state;
  const char *body =
      "{\"username\": \"guessed.name\", \"password\": \"not a password\"}";
  for (int i = 0; i < BMIS_LOGIN_FAILURES_MAX; i++) {
    answer a = request("POST", "/api/login", body, NULL);
    expect_error(&a, 401, "E_AUTH");
    json_decref(a.json);
  }
  answer a = request("POST", "/api/login", body, NULL);
  expect_error(&a, 429, "E_THROTTLED");
  json_decref(a.json);
}

/* Every route, with no token, a forged one, an expired one, and a fresh
 * one of each role: public routes never ask who; the others answer 401
 * without a valid session and 403 to a role they are not open to, and
 * never 5xx (routes with {parameters} are called with the placeholder
 * itself: a 404 or 400 names it). */
static void every_route_with_every_role(void **state) {
  (void)state;
  char expired[BMIS_SESSION_TOKEN_SIZE];
  {
    bmis_store *st;
    bmis_error err;
    bmis_session ses;
    assert_int_equal(bmis_store_open(store, NULL, &st, &err), BMIS_OK);
    assert_int_equal(bmis_session_open(st, "administrator", PASSWORD, "", "",
                                       60, (int64_t)time(NULL) - 3600, expired,
                                       &ses, &err),
                     BMIS_OK);
    bmis_store_close(st);
  }
  const char *forged =
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  for (size_t i = 0; i < srv_route_count; i++) {
    const srv_route *r = &srv_routes[i];
    const char *body = strcmp(r->method, "GET") == 0 ? NULL : "{}";
    for (int who = -3; who <= BMIS_ROLE_ADMINISTRATOR; who++) {
      if (who == 0)
        continue;
      char token[BMIS_SESSION_TOKEN_SIZE] = "", auth[128] = "";
      if (who == -2)
        snprintf(token, sizeof token, "%s", forged);
      else if (who == -1)
        snprintf(token, sizeof token, "%s", expired);
      else if (who > 0)
        login(bmis_role_name((bmis_role)who), token);
      if (token[0])
        bearer(token, auth, sizeof auth);
      answer a = request(r->method, r->path, body, auth[0] ? auth : NULL);
      int expect;
      if (r->roles == SRV_PUBLIC)
        expect = a.status == 401 || a.status == 403 ? -1 : a.status;
      else if (who < 0)
        expect = 401;
      else if (r->roles & (1u << (who - 1)))
        /* let in: whatever the route makes of an empty body or a
         * placeholder id, never "who are you" nor "not you" */
        expect = a.status == 401 || a.status == 403 ? -1 : a.status;
      else
        expect = 403;
      if (a.status != expect)
        fail_msg("%s %s as %d: %d, expected %d", r->method, r->path, who,
                 a.status, expect);
      assert_true(a.status < 500);
      assert_non_null(a.json);
      json_decref(a.json);
    }
  }
}

/* Every route that takes a body, called by a role it is open to, with
 * bodies that are not what it reads: each a 400 whose error names the
 * problem, never a 5xx. */
static void every_body_is_checked(void **state) {
  (void)state;
  static const struct {
    const char *body, *code, *says;
  } bad[] = {
      {"{", "E_PARSE", "line 1"},
      {"[1, 2]", "E_PARSE", "object"},
      {"\"text\"", "E_PARSE", "expected"},
      {"{\"colour\": \"red\"}", "E_INVALID_ARG", "colour"},
      {"{\"a\": 1, \"a\": 2}", "E_PARSE", "duplicate"},
  };
  for (size_t i = 0; i < srv_route_count; i++) {
    const srv_route *r = &srv_routes[i];
    if (strcmp(r->method, "POST") != 0 || r->roles == SRV_PUBLIC ||
        strcmp(r->path, "/api/logout") == 0)
      continue;
    int role = 1;
    while (!(r->roles & (1u << (role - 1))))
      role++;
    char token[BMIS_SESSION_TOKEN_SIZE], auth[128];
    login(bmis_role_name((bmis_role)role), token);
    bearer(token, auth, sizeof auth);
    for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
      answer a = request("POST", r->path, bad[b].body, auth);
      const char *msg = json_string_value(
          json_object_get(json_object_get(a.json, "error"), "message"));
      if (a.status != 400 || !msg || !strstr(msg, bad[b].says))
        fail_msg("POST %s with %s: %d %s", r->path, bad[b].body, a.status,
                 msg ? msg : "(no message)");
      json_decref(a.json);
    }
  }
}

/* The desk over HTTP: an inspection, a refusal the safeguards stop, the
 * referral; then every route open to analysts, none of which may show a
 * name or a document number. */
static void the_desk_and_what_analysts_see(void **state) {
  (void)state;
  char token[BMIS_SESSION_TOKEN_SIZE], auth[128], m[200], body[512];
  bmis_doc_make_input in;
  memset(&in, 0, sizeof in);
  in.format = BMIS_DOC_TD3;
  in.surname = "ERIKSSON";
  in.given_names = "ANNA MARIA";
  in.number = "L898902C3";
  in.nationality = "GBR";
  in.birth_date = (bmis_date){1974, 8, 12};
  in.sex = 'F';
  in.expiry_date = (bmis_date){2032, 4, 15};
  bmis_error err;
  assert_int_equal(bmis_doc_make(&in, m, sizeof m, &err), BMIS_OK);
  char *nl = strchr(m, '\n');
  assert_non_null(nl);
  *nl = 0;
  snprintf(body, sizeof body,
           "{\"mrz\": \"%s\\n%s\", \"direction\": \"entry\", "
           "\"protection\": {\"asylum\": true}}",
           m, nl + 1);
  login("officer", token);
  bearer(token, auth, sizeof auth);
  answer a = request("POST", "/api/inspections", body, auth);
  assert_int_equal(a.status, 201);
  char path[160];
  snprintf(path, sizeof path, "/api/inspections/%s/decision",
           json_string_value(json_object_get(a.json, "id")));
  json_decref(a.json);
  a = request("POST", path,
              "{\"decision\": \"refuse\", \"grounds\": \"C\", "
              "\"explanation\": \"no visa\"}",
              auth);
  expect_error(&a, 422, "E_SAFEGUARD");
  json_decref(a.json);
  a = request("POST", path,
              "{\"decision\": \"refer\", \"permitted_days\": \"ten\"}", auth);
  expect_error(&a, 400, "E_INVALID_ARG");
  json_decref(a.json);
  a = request("POST", path, "{\"decision\": \"refer\"}", auth);
  assert_int_equal(a.status, 201);
  json_decref(a.json);

  login("analyst", token);
  bearer(token, auth, sizeof auth);
  int checked = 0;
  for (size_t i = 0; i < srv_route_count; i++) {
    const srv_route *r = &srv_routes[i];
    if (strcmp(r->method, "GET") != 0 || !(r->roles & SRV_ANALYST))
      continue;
    char url[256];
    snprintf(url, sizeof url, "%s%s", r->path,
             strstr(r->path, "statistics") ? "?from=2000-01-01&to=2100-12-31"
                                           : "");
    a = request("GET", url, NULL, auth);
    assert_int_equal(a.status, 200);
    char *text = json_dumps(a.json, 0);
    if (strstr(text, "ERIKSSON") || strstr(text, "L898902C3") ||
        strstr(text, "1974-08-12"))
      fail_msg("GET %s shows an analyst personal data: %s", url, text);
    if (strstr(r->path, "statistics")) {
      assert_int_equal(json_integer_value(json_object_get(a.json, "total")), 1);
      checked++;
    }
    free(text);
    json_decref(a.json);
  }
  assert_int_equal(checked, 1);
}

/* A list imported while the server runs is screened after a reload, and
 * not before. */
static void imported_lists_are_screened_after_a_reload(void **state) {
  (void)state;
  char token[BMIS_SESSION_TOKEN_SIZE], auth[128], admin[128], m[200], body[512];
  bmis_doc_make_input in;
  memset(&in, 0, sizeof in);
  in.format = BMIS_DOC_TD3;
  in.surname = "SIDOROV";
  in.given_names = "IVAN PETROVICH";
  in.number = "7200001";
  in.nationality = "RUS";
  in.birth_date = (bmis_date){1961, 4, 12};
  in.sex = 'M';
  in.expiry_date = (bmis_date){2032, 4, 15};
  bmis_error err;
  assert_int_equal(bmis_doc_make(&in, m, sizeof m, &err), BMIS_OK);
  char *nl = strchr(m, '\n');
  *nl = 0;
  snprintf(body, sizeof body,
           "{\"mrz\": \"%s\\n%s\", \"direction\": \"entry\"}", m, nl + 1);
  login("officer", token);
  bearer(token, auth, sizeof auth);
  answer a = request("POST", "/api/inspections", body, auth);
  assert_int_equal(a.status, 201);
  assert_int_equal(json_array_size(json_object_get(a.json, "hits")), 0);
  json_decref(a.json);

  static const char csv[] =
      "kind,ref,name,aliases,weak_aliases,original_script_names,birth,"
      "nationality,sex,birth_place,birth_country,documents,doc_state,"
      "doc_number,doc_type,doc_status,reported,remarks\n"
      "person,WL-1,Ivan Petrovich SIDOROV,,,,1961-04-12,RUS,M,,,,,,,,,\n";
  bmis_store *st;
  assert_int_equal(bmis_store_open(store, NULL, &st, &err), BMIS_OK);
  bmis_wl_content *c = bmis_wl_content_new();
  assert_int_equal(bmis_wl_read(BMIS_WL_FORMAT_CSV, csv, strlen(csv), c, &err),
                   BMIS_OK);
  bmis_watchlist meta;
  memset(&meta, 0, sizeof meta);
  snprintf(meta.name, sizeof meta.name, "national");
  snprintf(meta.source, sizeof meta.source, "test");
  meta.category = BMIS_WL_NATIONAL_ALERT;
  meta.action = BMIS_HIT_REFER;
  bmis_wl_report rep;
  assert_int_equal(bmis_watchlist_import(st, &meta, c, &rep, &err), BMIS_OK);
  bmis_wl_report_free(&rep);
  bmis_wl_content_free(c);
  bmis_store_close(st);

  a = request("POST", "/api/inspections", body, auth);
  assert_int_equal(json_array_size(json_object_get(a.json, "hits")), 0);
  json_decref(a.json);
  login("administrator", token);
  bearer(token, admin, sizeof admin);
  a = request("POST", "/api/watchlists/reload", "{}", admin);
  assert_int_equal(a.status, 200);
  assert_int_equal(json_integer_value(json_object_get(a.json, "entries")), 1);
  json_decref(a.json);
  a = request("POST", "/api/inspections", body, auth);
  assert_int_equal(json_array_size(json_object_get(a.json, "hits")), 1);
  json_decref(a.json);
}

typedef struct outcome_count {
  const char *action, *outcome;
  int n;
} outcome_count;

static int count_outcome(const bmis_audit_entry *e, void *ctx) {
  outcome_count *c = ctx;
  c->n += strcmp(e->action, c->action) == 0 &&
          strcmp(e->outcome, c->outcome) == 0 && e->actor[0];
  return 0;
}

static int audited(const char *action, const char *outcome) {
  bmis_store *st;
  bmis_error err;
  assert_int_equal(bmis_store_open(store, NULL, &st, &err), BMIS_OK);
  outcome_count c = {action, outcome, 0};
  bmis_audit_filter f;
  memset(&f, 0, sizeof f);
  assert_int_equal(bmis_audit_list(st, &f, count_outcome, &c, &err), BMIS_OK);
  bmis_store_close(st);
  return c.n;
}

/* Logins, failed or not, and refused attempts are in the audit log. */
static void logins_and_refusals_are_audited(void **state) {
  (void)state;
  int failed = audited("session.login", "E_AUTH");
  int ok = audited("session.login", "ok");
  int refused = audited("access", "E_FORBIDDEN");
  answer a = request("POST", "/api/login",
                     "{\"username\": \"analyst\", \"password\": "
                     "\"not the password at all\"}",
                     NULL);
  assert_int_equal(a.status, 401);
  json_decref(a.json);
  char token[BMIS_SESSION_TOKEN_SIZE], auth[128];
  login("analyst", token);
  bearer(token, auth, sizeof auth);
  a = request("GET", "/api/referrals", NULL, auth);
  assert_int_equal(a.status, 403);
  json_decref(a.json);
  assert_int_equal(audited("session.login", "E_AUTH"), failed + 1);
  assert_int_equal(audited("session.login", "ok"), ok + 1);
  assert_int_equal(audited("access", "E_FORBIDDEN"), refused + 1);
}

/* Issue 12, defect 4: over-long or broken text is refused with 400, never
 * cut, and the movement's history reads back. */
static void text_is_refused_never_cut(void **state) {
  (void)state;
  char token[BMIS_SESSION_TOKEN_SIZE], auth[128], m[200], body[1024];
  bmis_doc_make_input in;
  memset(&in, 0, sizeof in);
  in.format = BMIS_DOC_TD3;
  in.surname = "OKAFOR";
  in.given_names = "CHIDI";
  in.number = "A70000019";
  in.nationality = "NGA";
  in.birth_date = (bmis_date){1985, 2, 2};
  in.sex = 'M';
  in.expiry_date = (bmis_date){2033, 1, 1};
  bmis_error err;
  assert_int_equal(bmis_doc_make(&in, m, sizeof m, &err), BMIS_OK);
  char *nl = strchr(m, '\n');
  *nl = 0;
  snprintf(body, sizeof body,
           "{\"mrz\": \"%s\\n%s\", \"direction\": \"entry\"}", m, nl + 1);
  login("officer", token);
  bearer(token, auth, sizeof auth);
  answer a = request("POST", "/api/inspections", body, auth);
  assert_int_equal(a.status, 201);
  char id[64], path[160];
  snprintf(id, sizeof id, "%s",
           json_string_value(json_object_get(a.json, "id")));
  json_decref(a.json);
  /* A decision note over its 512 bytes. */
  char note[600];
  memset(note, 'n', 513);
  note[513] = 0;
  snprintf(path, sizeof path, "/api/inspections/%s/decision", id);
  snprintf(body, sizeof body, "{\"decision\": \"refer\", \"note\": \"%s\"}",
           note);
  a = request("POST", path, body, auth);
  expect_error(&a, 400, "E_INVALID_ARG");
  assert_string_equal(json_string_value(json_object_get(
                          json_object_get(a.json, "error"), "message")),
                      "note: longer than 512 bytes");
  json_decref(a.json);
  a = request("POST", path, "{\"decision\": \"admit\"}", auth);
  assert_int_equal(a.status, 201);
  json_decref(a.json);

  login("supervisor", token);
  bearer(token, auth, sizeof auth);
  snprintf(path, sizeof path, "/api/movements/%s/void", id);
  struct {
    size_t ascii;
    const char *tail;
    const char *message;
  } bad[] = {
      /* 511 ASCII and "é": it was cut inside the character */
      {511, "\xc3\xa9", "reason: longer than 512 bytes"},
      {600, "", "reason: longer than 512 bytes"},
      {3, "\\u001b[2J", "reason: control character U+001B at byte 4"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    char reason[700];
    memset(reason, 'r', bad[i].ascii);
    snprintf(reason + bad[i].ascii, sizeof reason - bad[i].ascii, "%s",
             bad[i].tail);
    snprintf(body, sizeof body, "{\"reason\": \"%s\"}", reason);
    a = request("POST", path, body, auth);
    expect_error(&a, 400, "E_INVALID_ARG");
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(a.json, "error"), "message")),
                        bad[i].message);
    json_decref(a.json);
  }
  /* Exactly at the limit: 510 ASCII and "é" are 512 bytes. */
  char reason[600];
  memset(reason, 'r', 510);
  snprintf(reason + 510, sizeof reason - 510, "\xc3\xa9");
  snprintf(body, sizeof body, "{\"reason\": \"%s\"}", reason);
  a = request("POST", path, body, auth);
  assert_int_equal(a.status, 200);
  json_decref(a.json);
  snprintf(path, sizeof path, "/api/movements/%s", id);
  a = request("GET", path, NULL, auth);
  assert_int_equal(a.status, 200);
  json_t *history = json_object_get(a.json, "history");
  assert_int_equal(json_array_size(history), 1);
  json_t *v = json_array_get(history, 0);
  assert_string_equal(json_string_value(json_object_get(v, "kind")), "void");
  assert_string_equal(json_string_value(json_object_get(v, "reason")), reason);
  json_decref(a.json);

  /* An account's name: over its 127 bytes, or with a control character. */
  login("administrator", token);
  bearer(token, auth, sizeof auth);
  char name[200];
  memset(name, 'n', 126);
  snprintf(name + 126, sizeof name - 126, "\xc3\xa9");
  struct {
    const char *name, *message;
  } names[] = {
      {name, "name: longer than 127 bytes"},
      {"Amina\\u0007Diallo", "name: control character U+0007 at byte 6 "
                             "(one line of text is expected)"},
  };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    snprintf(body, sizeof body,
             "{\"username\": \"amina\", \"name\": \"%s\", \"role\": "
             "\"officer\", \"password\": \"%s\"}",
             names[i].name, PASSWORD);
    a = request("POST", "/api/accounts", body, auth);
    expect_error(&a, 400, "E_INVALID_ARG");
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(a.json, "error"), "message")),
                        names[i].message);
    json_decref(a.json);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(health_answers),
      cmocka_unit_test(openapi_is_the_routing_table),
      cmocka_unit_test(unknown_paths_and_methods),
      cmocka_unit_test(oversized_bodies_are_refused),
      cmocka_unit_test(a_stalled_client_is_dropped),
      cmocka_unit_test(login_session_logout),
      cmocka_unit_test(the_console_cookie_and_csrf),
      cmocka_unit_test(bad_logins_say_what_is_wrong),
      cmocka_unit_test(repeated_failures_are_throttled),
      cmocka_unit_test(every_route_with_every_role),
      cmocka_unit_test(every_body_is_checked),
      cmocka_unit_test(the_desk_and_what_analysts_see),
      cmocka_unit_test(imported_lists_are_screened_after_a_reload),
      cmocka_unit_test(logins_and_refusals_are_audited),
      cmocka_unit_test(text_is_refused_never_cut),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
