/* The register's configuration (kept in the store's settings) and the
 * configured list of border crossing points. */
#include "base/alloc.h"
#include "base/text.h"
#include "base/tz.h"
#include "bmis/country.h"
#include "bmis/text.h"
#include "register/register_internal.h"
#include "store/repo.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Crossing points seen by this handle, with their zone's calendar open:
 * recording converts every crossing's time to a local date. A crossing
 * point changed through another handle is seen when this one reopens. */
#define BCP_CACHE 64

typedef struct cached_bcp {
  bmis_bcp bcp;
  bmis__tz *tz;
} cached_bcp;

/* What the register keeps on a store handle. */
typedef struct register_ext {
  bool loaded;
  bmis_register_config cfg;
  cached_bcp bcps[BCP_CACHE];
  int nbcps;
} register_ext;

static void forget_bcps(register_ext *e) {
  for (int i = 0; i < e->nbcps; i++)
    bmis__tz_close(e->bcps[i].tz);
  e->nbcps = 0;
}

static void ext_free(void *p) {
  register_ext *e = p;
  if (e)
    forget_bcps(e);
  bmis__free(e);
}

static register_ext *ext_of(bmis_store *s) {
  register_ext *e = bmis__store_ext(s);
  if (!e) {
    e = bmis__calloc(1, sizeof *e);
    if (e)
      bmis__store_set_ext(s, e, ext_free);
  }
  return e;
}

bmis_status bmis__bcp_local_date(bmis_store *s, const char *code, int64_t utc,
                                 bmis_date *out, bmis_error *err) {
  register_ext *e = ext_of(s);
  if (!e)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  cached_bcp *c = NULL;
  for (int i = 0; i < e->nbcps && !c; i++)
    if (strcmp(e->bcps[i].bcp.code, code) == 0)
      c = &e->bcps[i];
  if (!c) {
    if (e->nbcps == BCP_CACHE)
      forget_bcps(e);
    c = &e->bcps[e->nbcps];
    bmis_status st = bmis__bcp_get(s, code, &c->bcp, err);
    if (st == BMIS_OK)
      st = bmis__tz_open(c->bcp.time_zone, &c->tz, err);
    if (st != BMIS_OK)
      return st;
    e->nbcps++;
  }
  return bmis__tz_local_date(c->tz, utc, out, err);
}

static int setting_int(const char *text, int fallback) {
  char *end;
  long v = strtol(text, &end, 10);
  return *text && !*end && v > 0 && v < 100000 ? (int)v : fallback;
}

bmis_status bmis__config(bmis_store *s, bmis_register_config *out,
                         bmis_error *err) {
  register_ext *e = ext_of(s);
  if (!e)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  if (!e->loaded) {
    char v[64];
    bool found;
    bmis_register_config c = {"", 180, 90};
    bmis_status st =
        bmis__setting_get(s, "register.state", v, sizeof v, &found, err);
    if (st == BMIS_OK && found)
      bmis__copy(c.state, sizeof c.state, v);
    if (st == BMIS_OK)
      st = bmis__setting_get(s, "register.window_days", v, sizeof v, &found,
                             err);
    if (st == BMIS_OK && found)
      c.window_days = setting_int(v, 180);
    if (st == BMIS_OK)
      st = bmis__setting_get(s, "register.window_limit", v, sizeof v, &found,
                             err);
    if (st == BMIS_OK && found)
      c.window_limit = setting_int(v, 90);
    if (st != BMIS_OK)
      return st;
    e->cfg = c;
    e->loaded = true;
  }
  *out = e->cfg;
  return BMIS_OK;
}

bmis_status bmis_register_config_get(bmis_store *s, bmis_register_config *cfg,
                                     bmis_error *err) {
  return bmis__config(s, cfg, err);
}

bmis_status bmis_register_config_set(bmis_store *s,
                                     const bmis_register_config *cfg,
                                     bmis_error *err) {
  if (cfg->state[0] && !bmis_country_by_code(cfg->state, strlen(cfg->state)))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "state: '%s' is not a country code", cfg->state);
  if (cfg->window_days < 1 || cfg->window_days > 3660)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "window_days: %d is not in 1..3660",
                          cfg->window_days);
  if (cfg->window_limit < 1 || cfg->window_limit > cfg->window_days)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "window_limit: %d is not in 1..window_days (%d)",
                          cfg->window_limit, cfg->window_days);
  char days[16], limit[16];
  snprintf(days, sizeof days, "%d", cfg->window_days);
  snprintf(limit, sizeof limit, "%d", cfg->window_limit);
  bmis_status st = bmis__tx_begin(s, err);
  if (st == BMIS_OK)
    st = bmis__setting_put(s, "register.state", cfg->state, err);
  if (st == BMIS_OK)
    st = bmis__setting_put(s, "register.window_days", days, err);
  if (st == BMIS_OK)
    st = bmis__setting_put(s, "register.window_limit", limit, err);
  if (st == BMIS_OK)
    st = bmis__tx_commit(s, err);
  else
    bmis__tx_rollback(s);
  register_ext *e = ext_of(s);
  if (e)
    e->loaded = false;
  return st;
}

/* ---- border crossing points ---- */

bmis_status bmis_bcp_put(bmis_store *s, const bmis_bcp *b, bmis_error *err) {
  size_t n = strlen(b->code);
  if (n == 0 || n > 16)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "code: 1 to 16 characters, got %zu", n);
  for (size_t i = 0; i < n; i++)
    if (!(isupper((unsigned char)b->code[i]) ||
          isdigit((unsigned char)b->code[i]) || b->code[i] == '-'))
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "code: '%s' may hold only A-Z, 0-9 and '-'",
                            b->code);
  bmis_status named = bmis_text_check_field(b->name, sizeof b->name,
                                            BMIS_TEXT_LINE, "name", err);
  if (named != BMIS_OK)
    return named;
  if (!bmis_code_name(BMIS_LIST_BCP_KIND, b->kind)[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "kind: must be air, land, sea or rail");
  bmis_date d;
  bmis_error tz;
  if (bmis_local_date(b->time_zone, 0, &d, &tz) != BMIS_OK)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "time_zone: %s", tz.message);
  register_ext *e = ext_of(s);
  if (e)
    forget_bcps(e);
  bmis_status st = bmis__tx_begin(s, err);
  if (st == BMIS_OK)
    st = bmis__bcp_put(s, b, err);
  if (st == BMIS_OK)
    return bmis__tx_commit(s, err);
  bmis__tx_rollback(s);
  return st;
}

bmis_status bmis_bcp_get(bmis_store *s, const char *code, bmis_bcp *out,
                         bmis_error *err) {
  return bmis__bcp_get(s, code, out, err);
}

bmis_status bmis_bcp_list(bmis_store *s, bmis_bcp_fn fn, void *ctx,
                          bmis_error *err) {
  return bmis__bcp_list(s, fn, ctx, err);
}
