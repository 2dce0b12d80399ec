/* The officer console's files (web/, compiled in by tools/embed_web.c):
 * GET / is index.html, GET /FILE an embedded file. Every answer carries a
 * Content-Security-Policy that allows only this server's own scripts,
 * styles and requests (nothing inline, nothing from elsewhere, never in a
 * frame), and an ETag so that a browser revalidates cheaply (304). */
#define _POSIX_C_SOURCE 200809L
#include "static.h"

#include <string.h>

#define CSP "default-src 'self'; frame-ancestors 'none'"

bool srv_static_wanted(const char *method, const char *path) {
  return (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0) &&
         strncmp(path, "/api/", 5) != 0 && strcmp(path, "/api") != 0;
}

const srv_static_file *srv_static_find(const char *path) {
  if (strcmp(path, "/") == 0)
    path = "/index.html";
  for (size_t i = 0; i < srv_static_file_count; i++)
    if (strcmp(srv_static_files[i].path, path) == 0)
      return &srv_static_files[i];
  return NULL;
}

bool srv_static_etag_matches(const char *inm, const char *etag) {
  if (!inm)
    return false;
  size_t elen = strlen(etag);
  for (const char *p = inm; *p;) {
    while (*p == ' ' || *p == '\t' || *p == ',')
      p++;
    if (!*p)
      break;
    if (*p == '*')
      return true;
    if (strncmp(p, "W/", 2) == 0)
      p += 2;
    size_t n = strcspn(p, ","), m = n;
    while (m && (p[m - 1] == ' ' || p[m - 1] == '\t'))
      m--;
    if (m == elen && memcmp(p, etag, m) == 0)
      return true;
    p += n;
  }
  return false;
}

enum MHD_Result srv_static_send(struct MHD_Connection *c,
                                const srv_static_file *f, const char *hsts) {
  const char *inm =
      MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
  bool same = srv_static_etag_matches(inm, f->etag);
  struct MHD_Response *r = MHD_create_response_from_buffer(
      same ? 0 : f->len, same ? NULL : (void *)f->data, MHD_RESPMEM_PERSISTENT);
  if (!r)
    return MHD_NO;
  if (!same)
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, f->content_type);
  MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, f->etag);
  /* kept, but asked about every time: a new binary may carry new files */
  MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
  MHD_add_response_header(r, "Content-Security-Policy", CSP);
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(r, "X-Frame-Options", "DENY");
  if (hsts)
    MHD_add_response_header(r, "Strict-Transport-Security", hsts);
  enum MHD_Result ok =
      MHD_queue_response(c, same ? MHD_HTTP_NOT_MODIFIED : MHD_HTTP_OK, r);
  MHD_destroy_response(r);
  return ok;
}
