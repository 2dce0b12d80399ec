/* Internal to src/server: the officer console (web/), compiled in by
 * tools/embed_web.c, and how it is served. */
#ifndef BMIS_SERVER_STATIC_H
#define BMIS_SERVER_STATIC_H

#include <microhttpd.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct srv_static_file {
  const char *path;         /* "/index.html", "/app.js", ... */
  const char *content_type; /* with charset for text */
  const unsigned char *data;
  size_t len;
  const char *etag; /* quoted: "\"0123456789abcdef\"" */
} srv_static_file;

/* The generated table (sorted by path). */
extern const srv_static_file srv_static_files[];
extern const size_t srv_static_file_count;

/* Whether a request is for the console rather than the API: a GET or HEAD
 * whose path is not under /api/. */
bool srv_static_wanted(const char *method, const char *path);

/* The embedded file for a path ("/" is "/index.html"); NULL when none. */
const srv_static_file *srv_static_find(const char *path);

/* Whether an If-None-Match value (a list of entity tags, or "*") matches
 * etag (weak comparison, as RFC 9110 asks for If-None-Match). */
bool srv_static_etag_matches(const char *if_none_match, const char *etag);

/* Strict-Transport-Security over HTTPS: a year, this host. */
#define SRV_HSTS "max-age=31536000"

/* Queues f (or 304 Not Modified when the client's If-None-Match matches)
 * with the console's security headers, and hsts as
 * Strict-Transport-Security unless NULL; the libmicrohttpd result. */
enum MHD_Result srv_static_send(struct MHD_Connection *c,
                                const srv_static_file *f, const char *hsts);

#endif
