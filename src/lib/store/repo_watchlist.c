/* Store access for watchlists, their entries and hit dispositions; and the
 * scan the screening index is built from. */
#include "base/alloc.h"
#include "base/array.h"
#include "store/repo.h"
#include "store/store_internal.h"
#include "wire/wire_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows per page of the scan: bounds what PostgreSQL hands over at once. */
#define SCAN_PAGE 50000

bmis_status bmis__read_begin(bmis_store *s, bool *own, bmis_error *err) {
  *own = s->depth == 0 && !s->batch;
  if (!*own)
    return BMIS_OK;
  bmis_status st = s->drv->exec(s, s->drv->begin_read, err);
  if (st == BMIS_OK)
    s->depth = 1; /* bmis_store_close rolls it back if need be */
  else
    *own = false;
  return st;
}

bmis_status bmis__read_end(bmis_store *s, bool own, bmis_status st,
                           bmis_error *err) {
  if (!own)
    return st;
  s->depth = 0;
  if (st != BMIS_OK) {
    s->drv->exec(s, "ROLLBACK", NULL);
    return st;
  }
  return s->drv->exec(s, "COMMIT", err);
}

/* Columns in the order of sql/queries/wl_list_get.sql. */
static void list_row(bmis__stmt *q, bmis_watchlist *w, int64_t *id) {
  memset(w, 0, sizeof *w);
  *id = bmis__col_int(q, 0);
  bmis__col_copy(q, 1, w->name, sizeof w->name);
  w->category = bmis_wl_category_parse(bmis__col_text(q, 2));
  w->action = bmis_hit_action_parse(bmis__col_text(q, 3));
  bmis__col_copy(q, 4, w->source, sizeof w->source);
  bmis__col_copy(q, 5, w->version, sizeof w->version);
  w->loaded_at = bmis__col_int(q, 6);
  w->threshold = bmis__col_double(q, 7);
  w->person_count = (size_t)bmis__col_int(q, 8);
  w->document_count = (size_t)bmis__col_int(q, 9);
  w->confirm_at = bmis__col_double(q, 10);
}

bmis_status bmis__wl_list_get(bmis_store *s, const char *name,
                              bmis_watchlist *out, int64_t *id,
                              bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_WL_LIST_GET);
  bmis__bind_text(q, 1, name);
  int rc = bmis__step(q, err);
  if (rc == BMIS__ROW)
    list_row(q, out, id);
  bmis__reset(q);
  if (rc < 0)
    return (bmis_status)-rc;
  if (rc == BMIS__DONE)
    return bmis_error_set(err, BMIS_E_NOT_FOUND, "no watchlist '%s'", name);
  return BMIS_OK;
}

bmis_status bmis__wl_list_each(bmis_store *s, bmis__wl_list_fn fn, void *ctx,
                               bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_WL_LIST_ALL);
  int rc;
  bmis_status st = BMIS_OK;
  while ((rc = bmis__step(q, err)) == BMIS__ROW) {
    bmis_watchlist w;
    int64_t id;
    list_row(q, &w, &id);
    if ((st = fn(id, &w, ctx, err)) != BMIS_OK)
      break;
  }
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : st;
}

/* Binds parameters 2..9 in the column order of wl_list_insert/update. */
static void bind_list(bmis__stmt *q, const bmis_watchlist *w) {
  bmis__bind_text(q, 2, bmis_wl_category_code(w->category));
  bmis__bind_text(q, 3, bmis_hit_action_code(w->action));
  bmis__bind_text(q, 4, w->source);
  bmis__bind_text(q, 5, w->version);
  bmis__bind_int(q, 6, w->loaded_at);
  bmis__bind_double(q, 7, w->threshold);
  bmis__bind_int(q, 8, (int64_t)w->person_count);
  bmis__bind_int(q, 9, (int64_t)w->document_count);
}

bmis_status bmis__wl_list_insert(bmis_store *s, const bmis_watchlist *w,
                                 int64_t *id, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_WL_LIST_INSERT);
  bmis__bind_text(q, 1, w->name);
  bind_list(q, w);
  int rc = bmis__step(q, err);
  if (rc == BMIS__ROW)
    *id = bmis__col_int(q, 0);
  bmis__reset(q);
  if (rc < 0)
    return (bmis_status)-rc;
  if (rc != BMIS__ROW)
    return bmis_error_set(err, BMIS_E_STORE, "watchlist '%s': no id returned",
                          w->name);
  return BMIS_OK;
}

bmis_status bmis__wl_list_update(bmis_store *s, int64_t id,
                                 const bmis_watchlist *w, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_WL_LIST_UPDATE);
  bmis__bind_int(q, 1, id);
  bind_list(q, w);
  bmis_status st = bmis__run(q, err);
  if (st == BMIS_OK && bmis__changes(q) != 1)
    return bmis_error_set(err, BMIS_E_NOT_FOUND, "no watchlist '%s'", w->name);
  return st;
}

bmis_status bmis__wl_list_delete(bmis_store *s, int64_t id, bmis_error *err) {
  bmis_status st;
  {
    Q_OR_FAIL(q, BMIS__Q_WL_ENTRY_DELETE_ALL);
    bmis__bind_int(q, 1, id);
    if ((st = bmis__run(q, err)) != BMIS_OK)
      return st;
  }
  Q_OR_FAIL(q, BMIS__Q_WL_LIST_DELETE);
  bmis__bind_int(q, 1, id);
  return bmis__run(q, err);
}

bmis_status bmis__wl_list_set_threshold(bmis_store *s, const char *name,
                                        double threshold, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_WL_LIST_SET_THRESHOLD);
  bmis__bind_text(q, 1, name);
  bmis__bind_double(q, 2, threshold);
  bmis_status st = bmis__run(q, err);
  if (st == BMIS_OK && bmis__changes(q) != 1)
    return bmis_error_set(err, BMIS_E_NOT_FOUND, "no watchlist '%s'", name);
  return st;
}

bmis_status bmis__wl_list_set_confirm_at(bmis_store *s, const char *name,
                                         double confirm_at, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_WL_LIST_SET_CONFIRM_AT);
  bmis__bind_text(q, 1, name);
  bmis__bind_double(q, 2, confirm_at);
  bmis_status st = bmis__run(q, err);
  if (st == BMIS_OK && bmis__changes(q) != 1)
    return bmis_error_set(err, BMIS_E_NOT_FOUND, "no watchlist '%s'", name);
  return st;
}

bmis_status bmis__wl_entry_hashes(bmis_store *s, int64_t list_id,
                                  bmis__wl_hash_fn fn, void *ctx,
                                  bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_WL_ENTRY_HASHES);
  bmis__bind_int(q, 1, list_id);
  int rc;
  bmis_status st = BMIS_OK;
  while ((rc = bmis__step(q, err)) == BMIS__ROW)
    if ((st = fn(bmis__col_text(q, 0), bmis__col_text(q, 1), ctx, err)) !=
        BMIS_OK)
      break;
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : st;
}

bmis_status bmis__wl_entry_put(bmis_store *s, int64_t list_id,
                               const bmis__wl_entry_row *e, bool exists,
                               bmis_error *err) {
  Q_OR_FAIL(q, exists ? BMIS__Q_WL_ENTRY_UPDATE : BMIS__Q_WL_ENTRY_INSERT);
  bmis__bind_int(q, 1, list_id);
  bmis__bind_text(q, 2, e->ref);
  bmis__bind_text(q, 3, e->kind);
  bmis__bind_text(q, 4, e->hash);
  bmis__bind_text(q, 5, e->data);
  /* "" is stored as NULL (NULLIF in the SQL): the PostgreSQL driver binds
   * text only. */
  bmis__bind_text(q, 6, e->match_key ? e->match_key : "");
  bmis__bind_text(q, 7, e->doc_state ? e->doc_state : "");
  bmis__bind_text(q, 8, e->doc_number_norm ? e->doc_number_norm : "");
  bmis__bind_text(q, 9, e->doc_number ? e->doc_number : "");
  bmis__bind_text(q, 10, e->doc_status ? e->doc_status : "");
  bmis_status st = bmis__run(q, err);
  if (st == BMIS_OK && exists && bmis__changes(q) != 1)
    return bmis_error_set(err, BMIS_E_NOT_FOUND, "no entry '%s' to update",
                          e->ref);
  return st;
}

/* The rows as the JSON array wl_entry_insert_many reads (wire/ writes it:
 * an empty column is null); NULL when out of memory or when a text is not
 * UTF-8. */
static char *rows_json(const bmis__wl_entry_row *rows, size_t n) {
  enum { COLS = 9 };
  const char **cells = bmis__malloc((n ? n : 1) * COLS * sizeof *cells);
  if (!cells)
    return NULL;
  for (size_t i = 0; i < n; i++) {
    const bmis__wl_entry_row *e = &rows[i];
    const char *row[COLS] = {e->ref,
                             e->kind,
                             e->hash,
                             e->data,
                             e->match_key,
                             e->doc_state,
                             e->doc_number_norm,
                             e->doc_number,
                             e->doc_status};
    memcpy(cells + i * COLS, row, sizeof row);
  }
  char *text = bmis__wire_text_rows(cells, n, COLS);
  bmis__free(cells);
  return text;
}

bmis_status bmis__wl_entry_insert_many(bmis_store *s, int64_t list_id,
                                       const bmis__wl_entry_row *rows, size_t n,
                                       bmis_error *err) {
  /* SQLite: a statement is a function call, and row by row is fastest.
   * PostgreSQL: a statement is a round trip to the server; one per batch
   * makes a large first import minutes shorter. */
  if (!s->drv->batch_insert || n == 1) {
    for (size_t i = 0; i < n; i++) {
      bmis_status st = bmis__wl_entry_put(s, list_id, &rows[i], false, err);
      if (st != BMIS_OK)
        return st;
    }
    return BMIS_OK;
  }
  if (n == 0)
    return BMIS_OK;
  char *text = rows_json(rows, n);
  if (!text)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "entries from '%s' on: not UTF-8 text, or out of "
                          "memory",
                          rows[0].ref);
  bmis__stmt *q = bmis__query(s, BMIS__Q_WL_ENTRY_INSERT_MANY, err);
  bmis_status st = q ? BMIS_OK : err ? err->status : BMIS_E_STORE;
  if (q) {
    bmis__bind_int(q, 1, list_id);
    bmis__bind_text(q, 2, text);
    st = bmis__run(q, err);
    if (st == BMIS_OK && bmis__changes(q) != (int64_t)n)
      st = bmis_error_set(err, BMIS_E_STORE,
                          "inserted %lld of %zu watchlist entries",
                          (long long)bmis__changes(q), n);
  }
  bmis__free(text);
  return st;
}

bmis_status bmis__wl_entry_delete(bmis_store *s, int64_t list_id,
                                  const char *ref, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_WL_ENTRY_DELETE);
  bmis__bind_int(q, 1, list_id);
  bmis__bind_text(q, 2, ref);
  return bmis__run(q, err);
}

bmis_status bmis__wl_entry_data(bmis_store *s, int64_t list_id, const char *ref,
                                bmis__wl_data_fn fn, void *ctx,
                                bmis_error *err) {
  Q_OR_FAIL(q, ref ? BMIS__Q_WL_ENTRY_GET : BMIS__Q_WL_ENTRY_DATA);
  bmis__bind_int(q, 1, list_id);
  if (ref)
    bmis__bind_text(q, 2, ref);
  int rc;
  bmis_status st = BMIS_OK;
  while ((rc = bmis__step(q, err)) == BMIS__ROW)
    if ((st = fn(bmis__col_text(q, 0), bmis__col_text(q, 1), ctx, err)) !=
        BMIS_OK)
      break;
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : st;
}

/* ---- the scan ---- */

typedef struct scan_list {
  int64_t id;
  bmis_watchlist w;
} scan_list;

typedef struct scan_lists {
  scan_list *items;
  size_t count, cap;
} scan_lists;

static bmis_status add_list(int64_t id, const bmis_watchlist *w, void *ctx,
                            bmis_error *err) {
  scan_lists *l = ctx;
  if (l->count == l->cap) {
    scan_list *n = bmis__grow_to(l->items, &l->cap, l->count + 1, sizeof *n);
    if (!n)
      return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
    l->items = n;
  }
  l->items[l->count].id = id;
  l->items[l->count].w = *w;
  l->count++;
  return BMIS_OK;
}

static int by_id(const void *a, const void *b) {
  int64_t x = ((const scan_list *)a)->id, y = ((const scan_list *)b)->id;
  return (x > y) - (x < y);
}

static const scan_list *find_list(const scan_lists *l, int64_t id) {
  size_t lo = 0, hi = l->count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (l->items[mid].id < id)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < l->count && l->items[lo].id == id ? &l->items[lo] : NULL;
}

/* One page of entries after *last; *rows gets how many were read. */
static bmis_status scan_page(bmis_store *s, const scan_lists *lists,
                             bmis__wl_person_fn pf, bmis__wl_document_fn df,
                             void *ctx, int64_t *last, size_t *rows,
                             bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_WL_ENTRY_SCAN);
  bmis__bind_int(q, 1, *last);
  bmis__bind_int(q, 2, SCAN_PAGE);
  int rc;
  bmis_status st = BMIS_OK;
  const scan_list *l = NULL;
  *rows = 0;
  while ((rc = bmis__step(q, err)) == BMIS__ROW) {
    (*rows)++;
    *last = bmis__col_int(q, 0);
    int64_t list_id = bmis__col_int(q, 1);
    if (!l || l->id != list_id)
      l = find_list(lists, list_id);
    if (!l) {
      st = bmis_error_set(err, BMIS_E_STORE,
                          "watchlist entry %lld belongs to no list",
                          (long long)*last);
      break;
    }
    const char *kind = bmis__col_text(q, 3);
    if (strcmp(kind, "person") == 0) {
      if (pf)
        st = pf(ctx, &l->w, bmis__col_text(q, 2), bmis__col_text(q, 4),
                bmis__col_text(q, 5), err);
    } else if (df) {
      st = df(ctx, &l->w, bmis__col_text(q, 2), bmis__col_text(q, 4),
              bmis__col_text(q, 6), bmis__col_text(q, 7), bmis__col_text(q, 8),
              bmis_doc_status_parse(bmis__col_text(q, 9)), err);
    }
    if (st != BMIS_OK)
      break;
  }
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : st;
}

bmis_status bmis__wl_scan(bmis_store *s, bmis__wl_person_fn pf,
                          bmis__wl_document_fn df, void *ctx, bmis_error *err) {
  /* One snapshot for the list query and every page: an import committing
   * meanwhile is seen entirely or not at all. */
  bool own = false;
  bmis_status st = bmis__read_begin(s, &own, err);
  if (st != BMIS_OK)
    return st;
  scan_lists lists = {0};
  st = bmis__wl_list_each(s, add_list, &lists, err);
  if (st == BMIS_OK && lists.count > 0) {
    qsort(lists.items, lists.count, sizeof *lists.items, by_id);
    int64_t last = 0;
    size_t rows = SCAN_PAGE;
    while (st == BMIS_OK && rows == SCAN_PAGE)
      st = scan_page(s, &lists, pf, df, ctx, &last, &rows, err);
  }
  bmis__free(lists.items);
  return bmis__read_end(s, own, st, err);
}

/* ---- dispositions ---- */

bmis_status bmis__disposition_insert(bmis_store *s, const char *list,
                                     const char *ref, const char *entry_hash,
                                     const bmis_hit_disposition *d,
                                     bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_DISPOSITION_INSERT);
  const char *review = bmis_review_code(d->review);
  bmis__bind_text(q, 1, d->id);
  bmis__bind_text(q, 2, list);
  bmis__bind_text(q, 3, ref);
  bmis__bind_text(q, 4, entry_hash);
  bmis__bind_text(q, 5, d->traveller_key);
  bmis__bind_text(q, 6, bmis_hit_decision_code(d->decision));
  bmis__bind_text(q, 7, d->reason);
  bmis__bind_text(q, 8, d->by);
  bmis__bind_text(q, 9, d->role);
  bmis__bind_int(q, 10, d->at);
  bmis__bind_double(q, 11, d->score);
  bmis__bind_text(q, 12, review ? review : "");
  bmis__bind_text(q, 13, d->bcp);
  return bmis__run(q, err);
}

/* Columns in the order of sql/queries/disposition_get.sql. */
static void disposition_row(bmis__stmt *q, bmis_hit_disposition *out,
                            char entry_hash[33]) {
  memset(out, 0, sizeof *out);
  bmis__col_copy(q, 0, out->id, sizeof out->id);
  bmis__col_copy(q, 1, entry_hash, 33);
  bmis__col_copy(q, 2, out->traveller_key, sizeof out->traveller_key);
  out->decision = bmis_hit_decision_parse(bmis__col_text(q, 3));
  bmis__col_copy(q, 4, out->reason, sizeof out->reason);
  bmis__col_copy(q, 5, out->by, sizeof out->by);
  bmis__col_copy(q, 6, out->role, sizeof out->role);
  out->at = bmis__col_int(q, 7);
  bmis__col_copy(q, 8, out->list, sizeof out->list);
  bmis__col_copy(q, 9, out->ref, sizeof out->ref);
  out->score = bmis__col_double(q, 10);
  out->review = bmis_review_parse(bmis__col_text(q, 11));
  bmis__col_copy(q, 12, out->reviewed_by, sizeof out->reviewed_by);
  bmis__col_copy(q, 13, out->review_role, sizeof out->review_role);
  bmis__col_copy(q, 14, out->review_reason, sizeof out->review_reason);
  out->reviewed_at = bmis__col_int(q, 15);
  bmis__col_copy(q, 16, out->bcp, sizeof out->bcp);
}

bmis_status bmis__disposition_latest_for(bmis_store *s, const char *list,
                                         const char *ref,
                                         const char *traveller_key,
                                         bmis_hit_disposition *out,
                                         char entry_hash[33], bool *found,
                                         bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_DISPOSITION_LATEST);
  bmis__bind_text(q, 1, list);
  bmis__bind_text(q, 2, ref);
  bmis__bind_text(q, 3, traveller_key);
  int rc = bmis__step(q, err);
  *found = rc == BMIS__ROW;
  if (*found)
    disposition_row(q, out, entry_hash);
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

bmis_status bmis__disposition_get(bmis_store *s, const char *id,
                                  bmis_hit_disposition *out,
                                  char entry_hash[33], bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_DISPOSITION_GET);
  bmis__bind_text(q, 1, id);
  int rc = bmis__step(q, err);
  if (rc == BMIS__ROW)
    disposition_row(q, out, entry_hash);
  bmis__reset(q);
  if (rc < 0)
    return (bmis_status)-rc;
  if (rc == BMIS__DONE)
    return bmis_error_set(err, BMIS_E_NOT_FOUND, "no disposition '%.40s'", id);
  return BMIS_OK;
}

bmis_status bmis__disposition_list(bmis_store *s, bmis_review review,
                                   const char *bcp, bmis_disposition_fn fn,
                                   void *ctx, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_DISPOSITION_LIST);
  const char *code = bmis_review_code(review);
  bmis__bind_text(q, 1, code ? code : "");
  bmis__bind_text(q, 2, bcp);
  int rc;
  while ((rc = bmis__step(q, err)) == BMIS__ROW) {
    bmis_hit_disposition d;
    char hash[33];
    disposition_row(q, &d, hash);
    if (snprintf(d.entry_key, sizeof d.entry_key, "%s/%s", d.list, d.ref) >=
        (int)sizeof d.entry_key)
      d.entry_key[sizeof d.entry_key - 1] = 0;
    if (fn(&d, ctx))
      break;
  }
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

bmis_status bmis__disposition_review(bmis_store *s,
                                     const bmis_hit_disposition *d,
                                     bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_DISPOSITION_REVIEW);
  bmis__bind_text(q, 1, d->id);
  bmis__bind_text(q, 2, bmis_review_code(d->review));
  bmis__bind_text(q, 3, d->reviewed_by);
  bmis__bind_text(q, 4, d->review_role);
  bmis__bind_text(q, 5, d->review_reason);
  bmis__bind_int(q, 6, d->reviewed_at);
  bmis_status st = bmis__run(q, err);
  if (st == BMIS_OK && bmis__changes(q) != 1)
    return bmis_error_set(err, BMIS_E_CONFLICT,
                          "disposition %.40s is no longer awaiting review",
                          d->id);
  return st;
}
