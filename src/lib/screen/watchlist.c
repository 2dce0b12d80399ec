/* Watchlists in the store: importing a version of a list (compared entry by
 * entry with the stored one, in one transaction), reading lists and their
 * content back, removing them and setting their threshold. The SQL is in
 * store/repo_watchlist.c. */
#include "base/alloc.h"
#include "base/array.h"
#include "base/text.h"
#include "bmis/text.h"
#include "screen/screen_internal.h"
#include "store/repo.h"

#include <stdlib.h>
#include <string.h>

static bmis_status nomem(bmis_error *err) {
  return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
}

/* A fixed-size text field is NUL-terminated within its size. */
#define TERMINATED(f) (memchr((f), 0, sizeof(f)) != NULL)

static bmis_status check_name(const char *name, bmis_error *err) {
  const char *end = name ? memchr(name, 0, BMIS_WL_NAME_SIZE) : NULL;
  size_t n = end ? (size_t)(end - name) : 0;
  if (n == 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "name: a list name is 1-%d characters",
                          BMIS_WL_NAME_SIZE - 1);
  for (size_t i = 0; i < n; i++) {
    char c = name[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '.' || c == '-'))
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "name: '%.63s' may hold only a-z, 0-9, '_', '.' "
                            "and '-'",
                            name);
  }
  return BMIS_OK;
}

static bmis_status check_threshold(double t, bmis_error *err) {
  if (t == 0 || (t > 0 && t <= 1))
    return BMIS_OK;
  return bmis_error_set(err, BMIS_E_INVALID_ARG,
                        "threshold: must be above 0 and at most 1 (or 0 for "
                        "the default), not %g",
                        t);
}

static bmis_status check_meta(const bmis_watchlist *m, bmis_error *err) {
  bmis_status st = check_name(m->name, err);
  if (st != BMIS_OK)
    return st;
  if (!bmis_wl_category_code(m->category))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "category: one of sanctions, wanted, "
                          "national_alert, protection_alert, "
                          "lost_stolen_documents is needed");
  if (!bmis_hit_action_code(m->action))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "action: one of refer, notify, protect is needed");
  if (m->category == BMIS_WL_PROTECTION_ALERT && m->action != BMIS_HIT_PROTECT)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "action: a protection alert calls for 'protect' "
                          "(a referral for protection), not '%s'",
                          bmis_hit_action_code(m->action));
  if (m->action == BMIS_HIT_PROTECT && m->category != BMIS_WL_PROTECTION_ALERT)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "action: only a protection_alert list may call for "
                          "'protect' (this list is %s)",
                          bmis_wl_category_code(m->category));
  if (!TERMINATED(m->source) || !TERMINATED(m->version))
    return bmis_error_set(err, BMIS_E_TOO_LARGE,
                          "source and version are at most %d bytes",
                          BMIS_WL_TEXT_SIZE - 1);
  /* shown and written as JSON: one line of UTF-8 (issue 12, defect 4) */
  bmis_status text = bmis_text_check_field(m->source, sizeof m->source,
                                           BMIS_TEXT_EMPTY_OK, "source", err);
  if (text == BMIS_OK)
    text = bmis_text_check_field(m->version, sizeof m->version,
                                 BMIS_TEXT_EMPTY_OK, "version", err);
  if (text != BMIS_OK)
    return text;
  if (m->loaded_at < 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "loaded_at: must be a time after 1970");
  return check_threshold(m->threshold, err);
}

/* ---- the stored version: ref -> hash, read once per import ---- */

typedef struct old_entry {
  size_t ref; /* offset in the arena */
  char hash[33];
  bool seen;
} old_entry;

typedef struct old_map {
  char *arena;
  size_t arena_len, arena_cap;
  old_entry *items;
  size_t count, cap;
  size_t *slots; /* item index + 1; 0 is empty */
  size_t nslots; /* a power of two */
} old_map;

static void old_map_fini(old_map *m) {
  bmis__free(m->arena);
  bmis__free(m->items);
  bmis__free(m->slots);
}

static const char *old_ref(const old_map *m, const old_entry *e) {
  return m->arena + e->ref;
}

static bmis_status old_add(const char *ref, const char *hash, void *ctx,
                           bmis_error *err) {
  old_map *m = ctx;
  size_t n = strlen(ref) + 1;
  if (m->arena_len + n > m->arena_cap) {
    char *a = bmis__grow_to(m->arena, &m->arena_cap, m->arena_len + n, 1);
    if (!a)
      return nomem(err);
    m->arena = a;
  }
  if (m->count == m->cap) {
    old_entry *items =
        bmis__grow_to(m->items, &m->cap, m->count + 1, sizeof *items);
    if (!items)
      return nomem(err);
    m->items = items;
  }
  old_entry *e = &m->items[m->count++];
  e->ref = m->arena_len;
  memcpy(m->arena + m->arena_len, ref, n);
  m->arena_len += n;
  bmis__copy(e->hash, sizeof e->hash, hash);
  e->seen = false;
  return BMIS_OK;
}

static bmis_status old_index(old_map *m, bmis_error *err) {
  m->nslots = 16;
  while (m->nslots < m->count * 2)
    m->nslots *= 2;
  m->slots = bmis__calloc(m->nslots, sizeof *m->slots);
  if (!m->slots)
    return nomem(err);
  for (size_t i = 0; i < m->count; i++) {
    const char *ref = old_ref(m, &m->items[i]);
    size_t h = (size_t)bmis__hash64(ref, strlen(ref)) & (m->nslots - 1);
    while (m->slots[h])
      h = (h + 1) & (m->nslots - 1);
    m->slots[h] = i + 1;
  }
  return BMIS_OK;
}

static old_entry *old_find(old_map *m, const char *ref) {
  size_t h = (size_t)bmis__hash64(ref, strlen(ref)) & (m->nslots - 1);
  for (; m->slots[h]; h = (h + 1) & (m->nslots - 1)) {
    old_entry *e = &m->items[m->slots[h] - 1];
    if (strcmp(old_ref(m, e), ref) == 0)
      return e;
  }
  return NULL;
}

/* ---- the report ---- */

typedef struct ref_list {
  char (*refs)[64];
  size_t count, cap;
} ref_list;

static bool ref_push(ref_list *l, const char *ref) {
  if (l->count == l->cap) {
    char(*n)[64] = bmis__grow_to(l->refs, &l->cap, l->count + 1, sizeof *n);
    if (!n)
      return false;
    l->refs = n;
  }
  bmis__copy(l->refs[l->count++], 64, ref);
  return true;
}

static int ref_cmp(const void *a, const void *b) {
  return strcmp((const char *)a, (const char *)b);
}

static void ref_sort(ref_list *l) {
  if (l->count > 1)
    qsort(l->refs, l->count, sizeof *l->refs, ref_cmp);
}

void bmis_wl_report_free(bmis_wl_report *r) {
  if (!r)
    return;
  bmis__free(r->added_refs);
  bmis__free(r->removed_refs);
  bmis__free(r->changed_refs);
  memset(r, 0, sizeof *r);
}

/* ---- import ---- */

/* New entries waiting to be inserted together (see
 * bmis__wl_entry_insert_many); the rows point into the content and into
 * the buffers here. */
typedef struct pending {
  bmis__wl_entry_row rows[BMIS__WL_INSERT_MANY];
  char *owned[BMIS__WL_INSERT_MANY][2]; /* data text, match key */
  char hash[BMIS__WL_INSERT_MANY][33];
  char norm[BMIS__WL_INSERT_MANY][40];
  size_t n;
} pending;

typedef struct import {
  bmis_store *s;
  int64_t list_id;
  old_map old;
  bool collect; /* refs for the report */
  ref_list added, changed, removed;
  size_t unchanged;
  pending *new_rows;
} import;

static void pending_clear(pending *p) {
  for (size_t i = 0; i < p->n; i++) {
    bmis__free(p->owned[i][0]);
    bmis__free(p->owned[i][1]);
  }
  p->n = 0;
}

static bmis_status flush(import *im, bmis_error *err) {
  pending *p = im->new_rows;
  bmis_status st =
      bmis__wl_entry_insert_many(im->s, im->list_id, p->rows, p->n, err);
  pending_clear(p);
  return st;
}

static bmis_status count(import *im, ref_list *l, const char *ref,
                         bmis_error *err) {
  if (!im->collect) {
    l->count++;
    return BMIS_OK;
  }
  return ref_push(l, ref) ? BMIS_OK : nomem(err);
}

/* Writes one entry of the new version unless the stored one has the same
 * hash: an update now, an insert with the next batch. Exactly one of p and
 * d is given. */
static bmis_status import_entry(import *im, const bmis_wl_person *p,
                                const bmis_wl_document *d, bmis_error *err) {
  const char *ref = p ? p->ref : d->ref;
  char *text = NULL;
  bmis_status made = bmis__wire_wl_entry_text(p, d, true, &text);
  if (made != BMIS_OK)
    return bmis_error_set(err, made,
                          "entry '%s': cannot be written as JSON (text that "
                          "is not UTF-8, or out of memory)",
                          ref);
  /* Whoever built the content (a reader, or a front end through the public
   * adders), an entry that could never match is not put in force. */
  bmis_status ok = p ? bmis__wl_person_screenable(p, err)
                     : bmis__wl_document_screenable(d, err);
  if (ok != BMIS_OK) {
    bmis__free(text);
    return ok;
  }
  pending *pd = im->new_rows;
  size_t slot = pd->n;
  bmis__wl_entry_row *row = &pd->rows[slot];
  char *hash = pd->hash[slot];
  bmis_status st = bmis__wl_text_hash(text, strlen(text), hash);
  if (st != BMIS_OK) {
    bmis__free(text);
    return bmis_error_set(err, st, "entry '%s': hashing failed", ref);
  }
  old_entry *o = im->old.count ? old_find(&im->old, ref) : NULL;
  if (o) {
    o->seen = true;
    if (strcmp(o->hash, hash) == 0) {
      bmis__free(text);
      im->unchanged++;
      return BMIS_OK;
    }
  }
  memset(row, 0, sizeof *row);
  row->ref = ref;
  row->hash = hash;
  row->data = text;
  char *key = NULL;
  if (p) {
    row->kind = "person";
    st = bmis__person_match_key(p, &key, err);
    if (st != BMIS_OK) {
      char msg[sizeof err->message];
      snprintf(msg, sizeof msg, "%s", err ? err->message : "");
      bmis_error_set(err, st, "entry '%s': %s", ref, msg);
      bmis__free(text);
      return st;
    }
    row->match_key = key;
  } else {
    row->kind = "document";
    bmis__doc_number_norm(d->number, pd->norm[slot]);
    row->doc_state = d->state;
    row->doc_number_norm = pd->norm[slot];
    row->doc_number = d->number;
    row->doc_status = bmis_doc_status_code(d->status);
  }
  if (o) { /* changed: updated in place, keeping the row */
    st = bmis__wl_entry_put(im->s, im->list_id, row, true, err);
    bmis__free(key);
    bmis__free(text);
    return st == BMIS_OK ? count(im, &im->changed, ref, err) : st;
  }
  pd->owned[slot][0] = text;
  pd->owned[slot][1] = key;
  pd->n++;
  st = count(im, &im->added, ref, err);
  if (st == BMIS_OK && pd->n == BMIS__WL_INSERT_MANY)
    st = flush(im, err);
  return st;
}

/* Everything the import writes, inside its transaction. */
static bmis_status import_all(import *im, const bmis_watchlist *meta,
                              const bmis_wl_content *c, bmis_error *err) {
  bmis_watchlist stored;
  bmis_error e;
  bmis_status st =
      bmis__wl_list_get(im->s, meta->name, &stored, &im->list_id, &e);
  if (st == BMIS_E_NOT_FOUND) {
    st = bmis__wl_list_insert(im->s, meta, &im->list_id, err);
  } else if (st == BMIS_OK) {
    st = bmis__wl_list_update(im->s, im->list_id, meta, err);
    if (st == BMIS_OK)
      st = bmis__wl_entry_hashes(im->s, im->list_id, old_add, &im->old, err);
  } else if (err) {
    *err = e;
  }
  if (st == BMIS_OK && im->old.count)
    st = old_index(&im->old, err);
  for (size_t i = 0; st == BMIS_OK && i < bmis_wl_person_count(c); i++)
    st = import_entry(im, bmis_wl_person_at(c, i), NULL, err);
  for (size_t i = 0; st == BMIS_OK && i < bmis_wl_document_count(c); i++)
    st = import_entry(im, NULL, bmis_wl_document_at(c, i), err);
  if (st == BMIS_OK)
    st = flush(im, err);
  for (size_t i = 0; st == BMIS_OK && i < im->old.count; i++) {
    const old_entry *o = &im->old.items[i];
    if (o->seen)
      continue;
    st = bmis__wl_entry_delete(im->s, im->list_id, old_ref(&im->old, o), err);
    if (st == BMIS_OK)
      st = count(im, &im->removed, old_ref(&im->old, o), err);
  }
  return st;
}

bmis_status bmis_watchlist_import(bmis_store *s, const bmis_watchlist *meta,
                                  const bmis_wl_content *content,
                                  bmis_wl_report *report, bmis_error *err) {
  if (report)
    memset(report, 0, sizeof *report);
  if (!s || !meta || !content)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store, list or content");
  bmis_status st = check_meta(meta, err);
  if (st != BMIS_OK)
    return st;
  /* A truncated or wrong file must not empty a list that is in force: an
   * empty version is refused (remove the list to retire it). */
  if (bmis_wl_person_count(content) == 0 &&
      bmis_wl_document_count(content) == 0)
    return bmis_error_set(err, BMIS_E_RULE,
                          "the new version of list '%s' has no entries; the "
                          "current version stays in force (to retire a "
                          "list, remove it)",
                          meta->name);
  bmis_watchlist m = *meta;
  if (!m.version[0])
    bmis__copy(m.version, sizeof m.version, bmis_wl_content_version(content));
  m.person_count = bmis_wl_person_count(content);
  m.document_count = bmis_wl_document_count(content);

import im;
  memset(&im, 0, sizeof im);
  im.s = s;
  im.collect = report != NULL;
  im.new_rows = bmis__malloc(sizeof *im.new_rows);
  if (!im.new_rows)
    return nomem(err);
  im.new_rows->n = 0;
  st = bmis__tx_begin(s, err);
  if (st == BMIS_OK) {
    st = import_all(&im, &m, content, err);
    if (st == BMIS_OK)
      st = bmis__tx_commit(s, err);
    else
      bmis__tx_rollback(s);
  }
  pending_clear(im.new_rows);
  bmis__free(im.new_rows);
  old_map_fini(&im.old);
  if (st != BMIS_OK || !report) {
    bmis__free(im.added.refs);
    bmis__free(im.changed.refs);
    bmis__free(im.removed.refs);
    return st;
  }
  ref_sort(&im.added);
  ref_sort(&im.changed);
  ref_sort(&im.removed);
  report->added = im.added.count;
  report->added_refs = im.added.refs;
  report->changed = im.changed.count;
  report->changed_refs = im.changed.refs;
  report->removed = im.removed.count;
  report->removed_refs = im.removed.refs;
  report->unchanged = im.unchanged;
  return BMIS_OK;
}

/* ---- reading back ---- */

bmis_status bmis_watchlist_get(bmis_store *s, const char *name,
                               bmis_watchlist *out, bmis_error *err) {
  if (!s || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store or result");
  bmis_status st = check_name(name, err);
  int64_t id;
  return st != BMIS_OK ? st : bmis__wl_list_get(s, name, out, &id, err);
}

typedef struct list_acc {
  bmis_watchlist *items;
  size_t count, cap;
} list_acc;

static bmis_status list_add(int64_t id, const bmis_watchlist *w, void *ctx,
                            bmis_error *err) {
  (void)id;
  list_acc *a = ctx;
  if (a->count == a->cap) {
    bmis_watchlist *n =
        bmis__grow_to(a->items, &a->cap, a->count + 1, sizeof *n);
    if (!n)
      return nomem(err);
    a->items = n;
  }
  a->items[a->count++] = *w;
  return BMIS_OK;
}

bmis_status bmis_watchlist_list(bmis_store *s, bmis_watchlist **out,
                                size_t *count, bmis_error *err) {
  if (!s || !out || !count)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store or result");
  *out = NULL;
  *count = 0;
  list_acc a = {0};
  bmis_status st = bmis__wl_list_each(s, list_add, &a, err);
  if (st != BMIS_OK) {
    bmis__free(a.items);
    return st;
  }
  *out = a.items;
  *count = a.count;
  return BMIS_OK;
}

/* Adds a stored entry (its data) to the content. */
static bmis_status add_stored(const char *ref, const char *data, void *ctx,
                              bmis_error *err) {
  bmis_status st = bmis__wl_entry_add(data, strlen(data), ctx, err);
  if (st != BMIS_OK && st != BMIS_E_NOMEM && err) {
    char msg[sizeof err->message];
    snprintf(msg, sizeof msg, "%s", err->message);
    bmis_error_set(err, BMIS_E_STORE, "stored entry '%s': %s", ref, msg);
    st = BMIS_E_STORE;
  }
  return st;
}

/* The list's entries (all, or the one `ref`) as a new content. */
static bmis_status content_of(bmis_store *s, const char *name, const char *ref,
                              bmis_wl_content **out, bmis_error *err) {
  if (!out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no result");
  *out = NULL;
  if (!s)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store");
  bmis_status st = check_name(name, err);
  if (st != BMIS_OK)
    return st;
  bmis_watchlist w;
  int64_t id;
  bmis_wl_content *c = bmis_wl_content_new();
  if (!c)
    return nomem(err);
  /* One snapshot of the list and its entries. */
  bool own = false;
  st = bmis__read_begin(s, &own, err);
  if (st == BMIS_OK) {
    st = bmis__wl_list_get(s, name, &w, &id, err);
    if (st == BMIS_OK)
      st = bmis_wl_content_set_version(c, w.version, err);
    if (st == BMIS_OK)
      st = bmis__wl_entry_data(s, id, ref, add_stored, c, err);
    st = bmis__read_end(s, own, st, err);
  }
  if (st == BMIS_OK && ref &&
      bmis_wl_person_count(c) + bmis_wl_document_count(c) == 0)
    st = bmis_error_set(err, BMIS_E_NOT_FOUND,
                        "no entry '%.63s' in watchlist '%s'", ref, name);
  if (st != BMIS_OK) {
    bmis_wl_content_free(c);
    return st;
  }
  *out = c;
  return BMIS_OK;
}

bmis_status bmis_watchlist_content(bmis_store *s, const char *name,
                                   bmis_wl_content **out, bmis_error *err) {
  return content_of(s, name, NULL, out, err);
}

bmis_status bmis__wl_person_get(bmis_store *s, const char *list,
                                const char *ref, bmis_wl_content **out,
                                bmis_error *err) {
  if (!ref || !*ref) {
    if (out)
      *out = NULL;
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no entry reference");
  }
  return content_of(s, list, ref, out, err);
}

/* ---- changes ---- */

bmis_status bmis_watchlist_remove(bmis_store *s, const char *name,
                                  bmis_error *err) {
  if (!s)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store");
  bmis_status st = check_name(name, err);
  if (st != BMIS_OK)
    return st;
  bmis_watchlist w;
  int64_t id;
  st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  st = bmis__wl_list_get(s, name, &w, &id, err);
  if (st == BMIS_OK)
    st = bmis__wl_list_delete(s, id, err);
  if (st == BMIS_OK)
    return bmis__tx_commit(s, err);
  bmis__tx_rollback(s);
  return st;
}

bmis_status bmis_watchlist_set_threshold(bmis_store *s, const char *name,
                                         double threshold, bmis_error *err) {
  if (!s)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store");
  bmis_status st = check_name(name, err);
  if (st == BMIS_OK)
    st = check_threshold(threshold, err);
  if (st == BMIS_OK)
    st = bmis__wl_list_set_threshold(s, name, threshold, err);
  return st;
}

bmis_status bmis_watchlist_set_confirm_at(bmis_store *s, const char *name,
                                          double confirm_at, bmis_error *err) {
  if (!s)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store");
  bmis_status st = check_name(name, err);
  if (st == BMIS_OK &&
      !(confirm_at == 0 || (confirm_at > 0 && confirm_at <= 1)))
    st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                        "confirm_at: must be above 0 and at most 1 (or 0 for "
                        "the default, %.2f)",
                        BMIS_DISPOSITION_DEFAULT_CONFIRM_AT);
  if (st == BMIS_OK)
    st = bmis__wl_list_set_confirm_at(s, name, confirm_at, err);
  return st;
}
