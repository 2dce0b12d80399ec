/* The audit log in the store (see repo_audit.h). */
#include "store/repo_audit.h"

#include "store/store_internal.h"

#include <string.h>

bmis_status bmis__audit_head_advance(bmis_store *s, int64_t *seq, char prev[65],
                                     bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_AUDIT_HEAD_ADVANCE);
  int rc = bmis__step(q, err);
  if (rc == BMIS__ROW) {
    *seq = bmis__col_int(q, 0);
    bmis__col_copy_exact(q, 1, prev, 65);
    /* stepped to its end: the update is complete before the reset */
    while ((rc = bmis__step(q, err)) == BMIS__ROW)
      ;
    if (rc == BMIS__DONE)
      rc = BMIS__ROW;
  }
  bmis__reset(q);
  if (rc < 0)
    return (bmis_status)-rc;
  if (rc == BMIS__DONE)
    return bmis_error_set(err, BMIS_E_STORE,
                          "the audit log's head row is missing");
  return BMIS_OK;
}

bmis_status bmis__audit_head_set(bmis_store *s, int64_t seq, const char *hash,
                                 bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_AUDIT_HEAD_SET);
  bmis__bind_int(q, 1, seq);
  bmis__bind_text(q, 2, hash);
  bmis_status st = bmis__run(q, err);
  if (st == BMIS_OK && bmis__changes(q) != 1)
    return bmis_error_set(err, BMIS_E_STORE,
                          "the audit log's head moved under entry %lld",
                          (long long)seq);
  return st;
}

bmis_status bmis__audit_head_get(bmis_store *s, int64_t *seq, char hash[65],
                                 bool *found, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_AUDIT_HEAD_GET);
  int rc = bmis__step(q, err);
  *found = rc == BMIS__ROW;
  *seq = 0;
  hash[0] = 0;
  if (rc == BMIS__ROW) {
    *seq = bmis__col_int(q, 0);
    bmis__col_copy_exact(q, 1, hash, 65);
  }
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

bmis_status bmis__audit_insert(bmis_store *s, const bmis_audit_entry *e,
                               bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_AUDIT_INSERT);
  bmis__bind_int(q, 1, e->seq);
  bmis__bind_int(q, 2, e->at);
  bmis__bind_text(q, 3, e->actor);
  bmis__bind_text(q, 4, e->role);
  bmis__bind_text(q, 5, e->channel);
  bmis__bind_text(q, 6, e->action);
  bmis__bind_text(q, 7, e->record);
  bmis__bind_text(q, 8, e->outcome);
  bmis__bind_text(q, 9, e->bcp);
  bmis__bind_text(q, 10, e->desk);
  bmis__bind_text(q, 11, e->detail);
  bmis__bind_text(q, 12, e->prev_hash);
  bmis__bind_text(q, 13, e->hash);
  return bmis__run(q, err);
}

/* Columns in the order of sql/queries/audit_list.sql. */
static void audit_row(bmis__stmt *q, bmis_audit_entry *e) {
  memset(e, 0, sizeof *e);
  e->seq = bmis__col_int(q, 0);
  e->at = bmis__col_int(q, 1);
  bmis__col_copy_exact(q, 2, e->actor, sizeof e->actor);
  bmis__col_copy_exact(q, 3, e->role, sizeof e->role);
  bmis__col_copy_exact(q, 4, e->channel, sizeof e->channel);
  bmis__col_copy_exact(q, 5, e->action, sizeof e->action);
  bmis__col_copy_exact(q, 6, e->record, sizeof e->record);
  bmis__col_copy_exact(q, 7, e->outcome, sizeof e->outcome);
  bmis__col_copy_exact(q, 8, e->bcp, sizeof e->bcp);
  bmis__col_copy_exact(q, 9, e->desk, sizeof e->desk);
  bmis__col_copy_exact(q, 10, e->detail, sizeof e->detail);
  bmis__col_copy_exact(q, 11, e->prev_hash, sizeof e->prev_hash);
  bmis__col_copy_exact(q, 12, e->hash, sizeof e->hash);
}

bmis_status bmis__audit_page(bmis_store *s, int64_t after, const char *actor,
                             const char *record, int64_t limit,
                             bmis__audit_row_fn fn, void *ctx, int64_t *rows,
                             bool *stopped, bmis_error *err) {
  *rows = 0;
  *stopped = false;
  Q_OR_FAIL(q, BMIS__Q_AUDIT_LIST);
  bmis__bind_int(q, 1, after);
  bmis__bind_text(q, 2, actor ? actor : "");
  bmis__bind_text(q, 3, record ? record : "");
  bmis__bind_int(q, 4, limit);
  int rc;
  bmis_audit_entry e;
  while ((rc = bmis__step(q, err)) == BMIS__ROW) {
    audit_row(q, &e);
    (*rows)++;
    if (fn(&e, ctx)) {
      *stopped = true;
      break;
    }
  }
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

bmis_status bmis__audit_seq_by_hash(bmis_store *s, const char *hash, bool prev,
                                    int64_t *seq, bmis_error *err) {
  Q_OR_FAIL(q,
            prev ? BMIS__Q_AUDIT_SEQ_BY_PREV_HASH : BMIS__Q_AUDIT_SEQ_BY_HASH);
  bmis__bind_text(q, 1, hash);
  int rc = bmis__step(q, err);
  *seq = rc == BMIS__ROW ? bmis__col_int(q, 0) : 0;
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}
