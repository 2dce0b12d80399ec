/* The printable refusal-of-entry notice. The wording lives in
 * data/notices/refusal.LL.tsv (one message per key, compiled in); this
 * file only lays it out as HTML and fills in the {placeholders}, escaping
 * every value. */
#include "audit/audit_internal.h"
#include "base/alloc.h"
#include "base/array.h"
#include "inspect/inspect_internal.h"

#include "store/repo.h"
#include "store/repo_inspection.h"

#include "bmis/country.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The message for key in a catalog: its text up to the end of the line
 * (*len bytes), or "" when the key is missing. */
static const char *message(const char *cat, const char *key, size_t *len) {
  size_t kl = strlen(key);
  for (const char *p = cat; p && *p;) {
    const char *eol = strchr(p, '\n');
    size_t ll = eol ? (size_t)(eol - p) : strlen(p);
    if (ll > kl && strncmp(p, key, kl) == 0 && p[kl] == '\t') {
      *len = ll - kl - 1;
      return p + kl + 1;
    }
    p = eol ? eol + 1 : NULL;
  }
  *len = 0;
  return "";
}

typedef struct buf {
  char *p;
  size_t n, cap;
  bool oom;
} buf;

static void put(buf *b, const char *s, size_t n) {
  if (b->oom)
    return;
  if (b->n + n + 1 > b->cap) {
    char *np = bmis__grow_to(b->p, &b->cap, b->n + n + 1, 1);
    if (!np) {
      b->oom = true;
      return;
    }
    b->p = np;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
}

static void puts_(buf *b, const char *s) {
  put(b, s, strlen(s));
}

static void escaped(buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    switch (s[i]) {
    case '&': puts_(b, "&amp;"); break;
    case '<': puts_(b, "&lt;"); break;
    case '>': puts_(b, "&gt;"); break;
    case '"': puts_(b, "&quot;"); break;
    case '\'': puts_(b, "&#39;"); break;
    default: put(b, s + i, 1);
    }
  }
}

typedef struct fill {
  const char *key, *value;
} fill;

/* A message with its placeholders replaced, escaped. */
static void say(buf *b, const char *cat, const char *key, const fill *f) {
  size_t n;
  const char *m = message(cat, key, &n);
  for (size_t i = 0; i < n; i++) {
    if (m[i] == '{') {
      const char *close = memchr(m + i, '}', n - i);
      bool done = false;
      for (const fill *x = f; close && x->key && !done; x++)
        if ((size_t)(close - (m + i + 1)) == strlen(x->key) &&
            strncmp(m + i + 1, x->key, strlen(x->key)) == 0) {
          escaped(b, x->value, strlen(x->value));
          i = (size_t)(close - m);
          done = true;
        }
      if (done)
        continue;
    }
    escaped(b, m + i, 1);
  }
}

static void element(buf *b, const char *tag, const char *cls, const char *cat,
                    const char *key, const fill *f) {
  char open[96];
  snprintf(open, sizeof open, "<%s%s%s%s>", tag, cls ? " class=\"" : "",
           cls ? cls : "", cls ? "\"" : "");
  puts_(b, open);
  say(b, cat, key, f);
  snprintf(open, sizeof open, "</%s>\n", tag);
  puts_(b, open);
}

typedef struct doc_find {
  const char *id;
  bmis_document *out;
} doc_find;

static int find_document(const bmis_document *d, void *ctx) {
  doc_find *f = ctx;
  if (strcmp(d->id, f->id) != 0)
    return 0;
  *f->out = *d;
  return 1;
}

static const char style[] =
    "body{font-family:serif;max-width:46em;margin:2em auto;line-height:1.4}"
    "h1{font-size:1.4em}ul.grounds{list-style:none;padding:0}"
    "ul.grounds li{margin:.3em 0}.box{font-family:monospace;margin-right:.5em}"
    ".sign{margin-top:3em;border-top:1px solid #000;padding-top:.5em}"
    "@media print{body{margin:0}}";

static bmis_status notice_make(bmis_store *s, const bmis_actor *actor,
                               const char *movement_id, const char *lang,
                               char **html_out, bmis_error *err) {
  *html_out = NULL;
  bmis_movement m;
  bmis_status st = bmis__movement_at(s, actor, movement_id, &m, err);
  if (st != BMIS_OK)
    return st;
  if (m.decision != BMIS_DECISION_REFUSED || m.voided)
    return bmis_error_set(err, BMIS_E_RULE,
                          "movement %.40s is not a refusal: there is no "
                          "notice to print",
                          movement_id);
  bmis__inspection_row row;
  memset(&row, 0, sizeof row);
  /* a movement recorded without an inspection has no row (E_NOT_FOUND);
   * any other failure is the notice's: never a notice made without it */
  st = bmis__inspection_get(s, movement_id, &row, err);
  bool inspected = st == BMIS_OK;
  if (st != BMIS_OK && st != BMIS_E_NOT_FOUND) {
    bmis__inspection_row_free(&row);
    return st;
  }
  if (!lang || !lang[0])
    lang = inspected && row.notice_language[0] ? row.notice_language : "en";
  const char *cat = bmis__notice_catalog(lang);
  if (!cat || strlen(lang) != 2) {
    bmis__inspection_row_free(&row);
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "lang: no refusal notice in \"%.8s\" (en, fr)", lang);
  }
  bmis_traveller t;
  bmis_document d;
  bmis_bcp bcp;
  bmis_register_config cfg;
  st = bmis_traveller_get(s, m.traveller_id, &t, err);
  if (st == BMIS_OK)
    st = bmis_bcp_get(s, m.bcp, &bcp, err);
  if (st == BMIS_OK)
    st = bmis_register_config_get(s, &cfg, err);
  memset(&d, 0, sizeof d);
  if (st != BMIS_OK) {
    bmis__inspection_row_free(&row);
    return st;
  }
  const bmis_country *state = bmis_country_lookup(cfg.state);
  char name[200], birth[11], date[11], docu[64], bcpname[160], alt_key[64];
  snprintf(name, sizeof name, "%s, %s", t.surname, t.given_names);
  bmis_date_format_iso(t.birth, birth);
  bmis_date_format_iso(m.local_date, date);
  doc_find find = {m.document_id, &d};
  st = bmis_person_documents(s, t.person_id, find_document, &find, err);
  if (st != BMIS_OK) {
    bmis__inspection_row_free(&row);
    return st;
  }
  if (d.number[0])
    snprintf(docu, sizeof docu, "%s %s %s", d.type, d.issuing_state, d.number);
  else
    snprintf(docu, sizeof docu, "-");
  snprintf(bcpname, sizeof bcpname, "%s (%s)", bcp.name, bcp.code);
  snprintf(alt_key, sizeof alt_key, "alternative_%s",
           inspected ? row.minor_alternative : "");
  char alt[256] = ""; /* as written: the fill below escapes it */
  if (inspected && row.minor_alternative[0]) {
    size_t n;
    const char *text = message(cat, alt_key, &n);
    snprintf(alt, sizeof alt, "%.*s", (int)n, text);
  }
  const fill f[] = {{"state", state ? state->name : cfg.state},
                    {"name", name},
                    {"birth", birth},
                    {"nationality", t.nationality},
                    {"document", docu},
                    {"bcp", bcpname},
                    {"date", date},
                    {"officer", m.officer},
                    {"alternative", alt},
                    {NULL, NULL}};
  buf b = {0};
  puts_(&b, "<!DOCTYPE html>\n<html lang=\"");
  escaped(&b, lang, 2);
  puts_(&b, "\"><head><meta charset=\"utf-8\"><title>");
  say(&b, cat, "title", f);
  puts_(&b, "</title><style>");
  puts_(&b, style);
  puts_(&b, "</style></head><body>\n");
  element(&b, "p", "authority", cat, "authority", f);
  element(&b, "h1", NULL, cat, "title", f);
  element(&b, "p", NULL, cat, "issued", f);
  element(&b, "p", NULL, cat, "person", f);
  element(&b, "p", NULL, cat, "decision", f);
  element(&b, "h2", NULL, cat, "grounds_heading", f);
  puts_(&b, "<ul class=\"grounds\">\n");
  for (char g = 'A'; g <= 'I'; g++) {
    bool ticked = strchr(m.grounds, g) != NULL;
    char key[16], line[96];
    snprintf(key, sizeof key, "ground_%c", g);
    snprintf(line, sizeof line,
             "<li%s><span class=\"box\">%s</span><b>(%c)</b> ",
             ticked ? " class=\"ticked\"" : "", ticked ? "[X]" : "[&nbsp;]", g);
    puts_(&b, line);
    say(&b, cat, key, f);
    puts_(&b, "</li>\n");
  }
  puts_(&b, "</ul>\n");
  element(&b, "h2", NULL, cat, "explanation_heading", f);
  puts_(&b, "<p class=\"explanation\">");
  escaped(&b, m.decision_note, strlen(m.decision_note));
  puts_(&b, "</p>\n");
  if (inspected && row.minor_alternative[0])
    element(&b, "p", NULL, cat, "minor", f);
  else
    element(&b, "p", NULL, cat, inspected && row.held ? "held" : "not_held", f);
  element(&b, "h2", NULL, cat, "appeal_heading", f);
  element(&b, "p", NULL, cat, "appeal", f);
  element(&b, "p", NULL, cat, "asylum", f);
  element(&b, "p", "sign", cat, "officer", f);
  element(&b, "p", "sign", cat, "signature_person", f);
  element(&b, "p", NULL, cat, "refused_to_sign", f);
  puts_(&b, "</body></html>\n");
  bmis__inspection_row_free(&row);
  if (b.oom) {
    bmis__free(b.p);
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  }
  *html_out = b.p;
  return BMIS_OK;
}

bmis_status bmis_refusal_notice(bmis_store *s, const bmis_actor *actor,
                                int64_t at, const char *movement_id,
                                const char *lang, char **html_out,
                                bmis_error *err) {
  *html_out = NULL;
  if (!actor || !movement_id)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no actor or movement");
  bmis_status st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  char record[97];
  snprintf(record, sizeof record, "movement:%.80s", movement_id);
  st = notice_make(s, actor, movement_id, lang, html_out, err);
  if (st != BMIS_OK) {
    bmis__tx_rollback(s);
    return bmis__audit_refusal(s, actor, at, "notice.read", record, st);
  }
  st = bmis__audit_access(s, actor, at, "notice.read", record, "ok", NULL, err);
  if (st == BMIS_OK)
    st = bmis__tx_commit(s, err);
  else
    bmis__tx_rollback(s);
  if (st != BMIS_OK) {
    bmis__free(*html_out);
    *html_out = NULL;
  }
  return st;
}
