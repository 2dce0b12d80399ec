/* What handlers use (http.h): the request's JSON body and query, error
 * replies through the status table, audit entries, UTF-8 cuts. */
#define _POSIX_C_SOURCE 200809L /* pthread_rwlock_t */
#include "server_state.h"

#include "bmis/audit.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unicode/utf8.h>

bool srv_json_object(const srv_request *rq, srv_reply *rp,
                     const char *const *allowed, json_t **out) {
  json_error_t je;
  *out = NULL;
  json_t *root =
      json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &je);
  if (!root) {
    srv_fail(rp, BMIS_E_PARSE, "the body is not JSON: %s (line %d, column %d)",
             je.text, je.line, je.column);
    return false;
  }
  if (!json_is_object(root)) {
    json_decref(root);
    srv_fail(rp, BMIS_E_PARSE, "the body must be a JSON object");
    return false;
  }
  const char *key;
  json_t *v;
  json_object_foreach(root, key, v) {
    bool known = false;
    for (size_t i = 0; allowed[i] && !known; i++)
      known = strcmp(allowed[i], key) == 0;
    if (!known) {
      /* quoted up to 64 bytes, cut at a whole character */
      int shown = (int)srv_utf8_valid_prefix(key, strnlen(key, 64));
      srv_fail(rp, BMIS_E_INVALID_ARG, "unknown member '%.*s'", shown, key);
      json_decref(root);
      return false;
    }
  }
  *out = root;
  return true;
}

bool srv_json_string(json_t *o, const char *name, bool required, srv_reply *rp,
                     const char **out) {
  json_t *v = json_object_get(o, name);
  *out = NULL;
  if (!v) {
    if (required)
      srv_fail(rp, BMIS_E_INVALID_ARG, "'%s' is required", name);
    return !required;
  }
  if (!json_is_string(v)) {
    srv_fail(rp, BMIS_E_INVALID_ARG, "'%s' must be a string", name);
    return false;
  }
  *out = json_string_value(v);
  return true;
}

bool srv_json_decision(const srv_request *rq, srv_reply *rp, json_t **in,
                       const char **decision, const char **reason) {
  static const char *const allowed[] = {"decision", "reason", NULL};
  if (!srv_json_object(rq, rp, allowed, in))
    return false;
  if (srv_json_string(*in, "decision", true, rp, decision) &&
      srv_json_string(*in, "reason", true, rp, reason))
    return true;
  json_decref(*in);
  *in = NULL;
  return false;
}

size_t srv_utf8_valid_prefix(const char *s, size_t len) {
  const uint8_t *u = (const uint8_t *)s;
  int32_t i = 0, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(u, i, n, c);
    if (c < 0)
      return (size_t)at;
  }
  return (size_t)n;
}

void srv_utf8_trim(char *s) {
  s[srv_utf8_valid_prefix(s, strlen(s))] = 0;
}

/* text made valid UTF-8 in place: each ill-formed sequence becomes '?'
 * (a message quotes what the client sent, which may be any bytes, and
 * jansson refuses to encode a string that is not UTF-8) */
static void utf8_repair(char *s) {
  size_t len = strlen(s), at = 0;
  while (at < len) {
    at += srv_utf8_valid_prefix(s + at, len - at);
    if (at < len) {
      /* one byte at a time: the next may start a well-formed sequence */
      s[at++] = '?';
    }
  }
}

/* The one way an error is answered: the HTTP status and the code are the
 * status table's (bmis/status.h). */
static void vfail(srv_reply *rp, bmis_status status, const char *fmt,
                  va_list ap) {
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  utf8_repair(msg);
  int http = bmis_status_http(status);
  json_decref(rp->json);
  rp->status = http >= 400 && http < 600 ? (unsigned)http : 500;
  rp->json = json_pack("{s:{s:s, s:s}}", "error", "code",
                       bmis_status_name(status), "message", msg);
}

void srv_fail(srv_reply *rp, bmis_status status, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfail(rp, status, fmt, ap);
  va_end(ap);
}

void srv_reply_status(srv_reply *rp, const bmis_error *err) {
  srv_fail(rp, err->status, "%s", err->message);
}

const char *srv_query(const srv_request *rq, const char *name) {
  return MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, name);
}

void srv_audit_entry(const bmis_actor *a, const char *action,
                     const char *record, const char *outcome,
                     bmis_audit_entry *e) {
  memset(e, 0, sizeof *e);
  e->at = (int64_t)time(NULL); /* the front end reads the clock */
  snprintf(e->actor, sizeof e->actor, "%s", a->username);
  snprintf(e->role, sizeof e->role, "%s", a->role);
  snprintf(e->channel, sizeof e->channel, "api");
  snprintf(e->action, sizeof e->action, "%s", action);
  snprintf(e->record, sizeof e->record, "%s", record);
  snprintf(e->outcome, sizeof e->outcome, "%s", outcome);
  snprintf(e->bcp, sizeof e->bcp, "%s", a->bcp);
  snprintf(e->desk, sizeof e->desk, "%s", a->desk);
  /* a field cut to its size ends on a whole character: the log is read
   * back as JSON */
  srv_utf8_trim(e->actor);
  srv_utf8_trim(e->record);
  srv_utf8_trim(e->bcp);
  srv_utf8_trim(e->desk);
}

bool srv_audit(const srv_request *rq, srv_reply *rp, const char *action,
               const char *record) {
  bmis_audit_entry e;
  bmis_error err;
  srv_audit_entry(&rq->actor, action, record, "ok", &e);
  if (bmis_audit_append(rq->store, &e, &err) == BMIS_OK)
    return true;
  json_decref(rp->json);
  rp->json = NULL;
  srv_fail(rp, BMIS_E_STORE,
           "the audit log cannot be written, so nothing is shown: %s",
           err.message);
  return false;
}
