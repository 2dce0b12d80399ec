/* The officer console served from the binary (src/server/static.c): / is
 * web/index.html byte for byte with the security headers, assets carry
 * their types, a matching If-None-Match is 304 without a body, an unknown
 * file is the API's JSON 404, and the API is not shadowed. Spoken to over
 * plain loopback sockets, as test_server does. */
#define _POSIX_C_SOURCE 200809L
#include "server.h"
#include "static.h"

#include <arpa/inet.h>
#include <jansson.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#ifndef BMIS_WEB_DIR
#error "BMIS_WEB_DIR must name the source web/ folder"
#endif

static srv *server;
static char store[256];

typedef struct answer {
  int status;
  char head[4096];
  char *body; /* malloc'd, NUL-terminated */
  size_t body_len;
} answer;

static answer request(const char *method, const char *path,
                      const char *extra_headers) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  assert_true(fd >= 0);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons((uint16_t)srv_port(server));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
  char req[2048];
  int n = snprintf(req, sizeof req,
                   "%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                   "%s\r\n",
                   method, path, extra_headers ? extra_headers : "");
  assert_true(n > 0 && (size_t)n < sizeof req);
  assert_int_equal(send(fd, req, (size_t)n, MSG_NOSIGNAL), n);
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  assert_non_null(buf);
  for (;;) {
    struct pollfd p = {fd, POLLIN, 0};
    if (poll(&p, 1, 5000) <= 0)
      break;
    if (len + 4096 > cap) {
      cap *= 2;
      buf = realloc(buf, cap);
      assert_non_null(buf);
    }
    ssize_t r = recv(fd, buf + len, cap - len - 1, 0);
    if (r <= 0)
      break;
    len += (size_t)r;
  }
  close(fd);
  buf[len] = 0;
  answer ans = {0, "", NULL, 0};
  sscanf(buf, "HTTP/1.1 %d", &ans.status);
  char *sep = strstr(buf, "\r\n\r\n");
  assert_non_null(sep);
  snprintf(ans.head, sizeof ans.head, "%.*s", (int)(sep - buf), buf);
  ans.body_len = len - (size_t)(sep + 4 - buf);
  ans.body = malloc(ans.body_len + 1);
  assert_non_null(ans.body);
  memcpy(ans.body, sep + 4, ans.body_len);
  ans.body[ans.body_len] = 0;
  free(buf);
  return ans;
}

/* The value of header name in a's head ("" when absent), case-insensitive
 * on the name. */
static const char *header(const answer *a, const char *name, char *out,
                          size_t cap) {
  out[0] = 0;
  size_t nl = strlen(name);
  for (const char *line = strstr(a->head, "\r\n"); line;
       line = strstr(line + 2, "\r\n")) {
    const char *h = line + 2;
    if (strncasecmp(h, name, nl) == 0 && h[nl] == ':') {
      const char *v = h + nl + 1;
      while (*v == ' ')
        v++;
      size_t vl = strcspn(v, "\r\n");
      snprintf(out, cap, "%.*s", (int)vl, v);
      break;
    }
  }
  return out;
}

static char *read_source(const char *name, size_t *len) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", BMIS_WEB_DIR, name);
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  size_t cap = 1 << 20;
  char *buf = malloc(cap);
  assert_non_null(buf);
  *len = fread(buf, 1, cap, f);
  assert_true(*len < cap);
  fclose(f);
  return buf;
}

static void expect_security_headers(const answer *a) {
  char v[512];
  assert_string_equal(header(a, "Content-Security-Policy", v, sizeof v),
                      "default-src 'self'; frame-ancestors 'none'");
  assert_string_equal(header(a, "X-Content-Type-Options", v, sizeof v),
                      "nosniff");
  assert_string_equal(header(a, "Referrer-Policy", v, sizeof v), "no-referrer");
}

static int setup(void **state) {
  (void)state;
  snprintf(store, sizeof store, "%s/test_static.db",
           getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  remove(store);
  srv_options o;
  srv_options_init(&o);
  o.store_url = store;
  o.port = 0;
  o.threads = 2;
  o.timeout_s = 2;
  bmis_error err;
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

static void root_is_index_html_with_the_policy(void **state) {
  (void)state;
  size_t len;
  char *want = read_source("index.html", &len);
  char v[512];
  const char *paths[] = {"/", "/index.html", "/?lang=fr"};
  for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
    answer a = request("GET", paths[i], NULL);
    assert_int_equal(a.status, 200);
    assert_string_equal(header(&a, "Content-Type", v, sizeof v),
                        "text/html; charset=utf-8");
    expect_security_headers(&a);
    assert_true(strlen(header(&a, "ETag", v, sizeof v)) == 18);
    assert_int_equal(a.body_len, len);
    assert_memory_equal(a.body, want, len);
    free(a.body);
  }
  free(want);
  /* HEAD: the same headers, no body */
  answer a = request("HEAD", "/", NULL);
  assert_int_equal(a.status, 200);
  expect_security_headers(&a);
  assert_int_equal(a.body_len, 0);
  free(a.body);
}

static void assets_carry_their_types(void **state) {
  (void)state;
  static const struct {
    const char *file, *type;
  } assets[] = {{"app.css", "text/css; charset=utf-8"},
                {"app.js", "text/javascript; charset=utf-8"}};
  for (size_t i = 0; i < sizeof assets / sizeof assets[0]; i++) {
    char path[64], v[256];
    snprintf(path, sizeof path, "/%s", assets[i].file);
    answer a = request("GET", path, NULL);
    assert_int_equal(a.status, 200);
    assert_string_equal(header(&a, "Content-Type", v, sizeof v),
                        assets[i].type);
    expect_security_headers(&a);
    size_t len;
    char *want = read_source(assets[i].file, &len);
    assert_int_equal(a.body_len, len);
    assert_memory_equal(a.body, want, len);
    free(want);
    free(a.body);
  }
}

static void a_matching_etag_is_not_modified(void **state) {
  (void)state;
  char etag[128], v[256], h[256];
  answer a = request("GET", "/app.js", NULL);
  assert_int_equal(a.status, 200);
  header(&a, "ETag", etag, sizeof etag);
  assert_true(etag[0] == '"');
  free(a.body);

  snprintf(h, sizeof h, "If-None-Match: %s\r\n", etag);
  a = request("GET", "/app.js", h);
  assert_int_equal(a.status, 304);
  assert_int_equal(a.body_len, 0);
  assert_string_equal(header(&a, "ETag", v, sizeof v), etag);
  free(a.body);
  /* in a list, weak, or any */
  snprintf(h, sizeof h, "If-None-Match: \"x\", W/%s\r\n", etag);
  a = request("GET", "/app.js", h);
  assert_int_equal(a.status, 304);
  free(a.body);
  a = request("GET", "/app.js", "If-None-Match: *\r\n");
  assert_int_equal(a.status, 304);
  free(a.body);
  /* another file's tag, or a stale one: the file again */
  a = request("GET", "/app.css", h);
  assert_int_equal(a.status, 200);
  assert_true(a.body_len > 0);
  free(a.body);
  a = request("GET", "/app.js", "If-None-Match: \"0000000000000000\"\r\n");
  assert_int_equal(a.status, 200);
  free(a.body);
}

static void expect_json_404(const char *method, const char *path) {
  answer a = request(method, path, NULL);
  assert_int_equal(a.status, 404);
  char v[256];
  assert_string_equal(header(&a, "Content-Type", v, sizeof v),
                      "application/json; charset=utf-8");
  json_t *j = json_loadb(a.body, a.body_len, 0, NULL);
  assert_non_null(j);
  assert_string_equal(
      json_string_value(json_object_get(json_object_get(j, "error"), "code")),
      "E_NOT_FOUND");
  json_decref(j);
  free(a.body);
}

static void unknown_files_are_json_404(void **state) {
  (void)state;
  expect_json_404("GET", "/no-such-file.js");
  expect_json_404("GET", "/index.html/");
  expect_json_404("GET", "/../index.html");
  expect_json_404("GET", "/api/index.html");
  expect_json_404("POST", "/index.html");
}

static void the_api_is_not_shadowed(void **state) {
  (void)state;
  answer a = request("GET", "/api/health", NULL);
  assert_int_equal(a.status, 200);
  assert_non_null(strstr(a.body, "\"status\":\"ok\""));
  free(a.body);
}

static void the_table_is_sorted_and_tagged(void **state) {
  (void)state;
  assert_true(srv_static_file_count >= 3);
  for (size_t i = 0; i < srv_static_file_count; i++) {
    const srv_static_file *f = &srv_static_files[i];
    assert_true(f->path[0] == '/');
    assert_ptr_equal(srv_static_find(f->path), f);
    if (i)
      assert_true(strcmp(srv_static_files[i - 1].path, f->path) < 0);
    assert_true(strlen(f->etag) == 18 && f->etag[0] == '"');
  }
  assert_ptr_equal(srv_static_find("/"), srv_static_find("/index.html"));
  assert_null(srv_static_find(""));
  assert_true(srv_static_etag_matches("\"a\"", "\"a\""));
  assert_true(srv_static_etag_matches(" W/\"a\" ", "\"a\""));
  assert_true(srv_static_etag_matches("\"b\",\"a\"", "\"a\""));
  assert_false(srv_static_etag_matches("\"ab\"", "\"a\""));
  assert_false(srv_static_etag_matches("", "\"a\""));
  assert_false(srv_static_etag_matches(NULL, "\"a\""));
  assert_true(srv_static_wanted("GET", "/app.js"));
  assert_true(srv_static_wanted("HEAD", "/"));
  assert_false(srv_static_wanted("POST", "/"));
  assert_false(srv_static_wanted("GET", "/api/health"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(root_is_index_html_with_the_policy),
      cmocka_unit_test(assets_carry_their_types),
      cmocka_unit_test(a_matching_etag_is_not_modified),
      cmocka_unit_test(unknown_files_are_json_404),
      cmocka_unit_test(the_api_is_not_shadowed),
      cmocka_unit_test(the_table_is_sorted_and_tagged),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
