/* Stays: how a person's entries and exits become periods of presence, and
 * the rules on them (length of stay, overstay, days in a rolling window).
 *
 * Days are local calendar dates at the crossing point; the day of entry and
 * the day of exit both count, as the Schengen 90/180 rule counts them. Only
 * admitted entries open a stay and only admitted exits close one (a refused
 * or pending exit leaves the person present). */
#define _DEFAULT_SOURCE /* getrandom, strdup, posix_spawn */
#include "base/alloc.h"
#include "base/array.h"
#include "register/register_internal.h"
#include "store/repo.h"

#include <stdlib.h>
#include <string.h>

static bool has_date(bmis_date d) {
  return d.year > 0;
}

static void set_id(char dst[BMIS_ID_SIZE], const char *id) {
  size_t n = strlen(id);
  if (n >= BMIS_ID_SIZE)
    n = BMIS_ID_SIZE - 1;
  memcpy(dst, id, n);
  dst[n] = 0;
}

size_t bmis__stays_compute(const char *person_id, const bmis__stay_event *ev,
                           size_t n, bmis_stay *out, unsigned *event_flags) {
  size_t count = 0;
  bmis_stay *open = NULL;
  size_t open_event = 0;
  for (size_t i = 0; i < n; i++) {
    const bmis__stay_event *e = &ev[i];
    if (event_flags)
      event_flags[i] = 0;
    if (e->decision != BMIS_DECISION_ADMITTED)
      continue;
    if (e->direction == BMIS_DIRECTION_ENTRY) {
      unsigned flag = 0;
      if (open) {
        /* Entered again while recorded as present: the exit was not
         * recorded. The earlier stay is taken to last until this entry (the
         * register's view, flagged for an officer to look at). */
        open->exit_date = e->local_date;
        flag = BMIS_FLAG_ENTRY_WHILE_PRESENT;
      }
      bmis_stay *s = &out[count++];
      memset(s, 0, sizeof *s);
      set_id(s->person_id, person_id);
      set_id(s->entry_id, e->id);
      s->entry_date = e->local_date;
      if (!e->national)
        s->permitted_until = e->permitted_until;
      s->flags = flag;
      if (open && has_date(open->permitted_until) &&
          bmis_date_compare(open->exit_date, open->permitted_until) > 0) {
        open->flags |= BMIS_FLAG_OVERSTAY;
        if (event_flags)
          event_flags[open_event] |= BMIS_FLAG_OVERSTAY;
      }
      if (event_flags)
        event_flags[i] = flag;
      open = s;
      open_event = i;
    } else if (e->direction == BMIS_DIRECTION_EXIT) {
      if (open) {
        set_id(open->exit_id, e->id);
        open->exit_date = e->local_date;
        if (has_date(open->permitted_until) &&
            bmis_date_compare(e->local_date, open->permitted_until) > 0) {
          open->flags |= BMIS_FLAG_OVERSTAY;
          if (event_flags) {
            event_flags[open_event] |= BMIS_FLAG_OVERSTAY;
            event_flags[i] |= BMIS_FLAG_OVERSTAY;
          }
        }
        open = NULL;
      } else {
        bmis_stay *s = &out[count++];
        memset(s, 0, sizeof *s);
        set_id(s->person_id, person_id);
        set_id(s->exit_id, e->id);
        s->entry_date = e->local_date; /* for ordering; no days counted */
        s->exit_date = e->local_date;
        s->flags = BMIS_FLAG_EXIT_WITHOUT_ENTRY;
        if (event_flags)
          event_flags[i] = BMIS_FLAG_EXIT_WITHOUT_ENTRY;
      }
    }
  }
  return count;
}

static bool is_phantom(const bmis_stay *s) {
  return s->entry_id[0] == 0;
}

static bool same_date(bmis_date a, bmis_date b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

size_t bmis__stays_append(const char *person_id, const bmis_stay *last,
                          bool has_last, const bmis__stay_event *e,
                          bmis_stay *new_last, bool *last_changed,
                          bmis_stay added[2], unsigned *flags) {
  /* Only an open stay can be changed by a later event: replay its entry
   * (its permitted end already reflects nationality) and the new event. */
  bool open = has_last && !is_phantom(last) && !has_date(last->exit_date);
  bmis__stay_event ev[2];
  size_t k = 0;
  if (open) {
    ev[k] = (bmis__stay_event){last->entry_id,         BMIS_DIRECTION_ENTRY,
                               BMIS_DECISION_ADMITTED, last->entry_date,
                               last->permitted_until,  false};
    k++;
  }
  ev[k++] = *e;
  bmis_stay out[3];
  unsigned ev_flags[2];
  size_t n = bmis__stays_compute(person_id, ev, k, out, ev_flags);
  *flags = ev_flags[k - 1];
  *last_changed = false;
  size_t first_new = 0;
  if (open) {
    *new_last = out[0];
    /* Flags the replay cannot know: how the stay began. */
    new_last->flags |= last->flags & BMIS_FLAG_ENTRY_WHILE_PRESENT;
    *last_changed = new_last->flags != last->flags ||
                    strcmp(new_last->exit_id, last->exit_id) != 0 ||
                    !same_date(new_last->exit_date, last->exit_date);
    first_new = 1;
  }
  size_t added_n = 0;
  for (size_t i = first_new; i < n && added_n < 2; i++)
    added[added_n++] = out[i];
  return added_n;
}

/* Last day of presence as of a date: the exit, or as_of while present. */
static bmis_date last_day(const bmis_stay *s, bmis_date as_of) {
  if (has_date(s->exit_date) && bmis_date_compare(s->exit_date, as_of) <= 0)
    return s->exit_date;
  return as_of;
}

int bmis_stay_days(const bmis_stay *s, bmis_date as_of) {
  if (is_phantom(s) || bmis_date_compare(s->entry_date, as_of) > 0)
    return 0;
  return bmis_date_to_days(last_day(s, as_of)) -
         bmis_date_to_days(s->entry_date) + 1;
}

int bmis_stay_days_over(const bmis_stay *s, bmis_date as_of) {
  if (is_phantom(s) || !has_date(s->permitted_until) ||
      bmis_date_compare(s->entry_date, as_of) > 0)
    return 0;
  int over = bmis_date_to_days(last_day(s, as_of)) -
             bmis_date_to_days(s->permitted_until);
  return over > 0 ? over : 0;
}

int bmis__days_in_window(const bmis_stay *stays, size_t n, bmis_date on,
                         int window) {
  int32_t end = bmis_date_to_days(on);
  int32_t start = end - window + 1;
  int32_t counted_to = start - 1; /* each day once, even on shared days */
  int days = 0;
  for (size_t i = 0; i < n; i++) {
    const bmis_stay *s = &stays[i];
    if (is_phantom(s) || bmis_date_compare(s->entry_date, on) > 0)
      continue;
    int32_t a = bmis_date_to_days(s->entry_date);
    int32_t b = bmis_date_to_days(last_day(s, on));
    if (a <= counted_to)
      a = counted_to + 1;
    if (b > end)
      b = end;
    if (a > b)
      continue;
    days += b - a + 1;
    counted_to = b;
  }
  return days;
}

/* ---- recomputing a person's stays ---- */

typedef struct collect {
  bmis__event_row *v;
  size_t n, cap;
  bool failed;
} collect;

static int collect_event(const bmis__event_row *e, void *ctx) {
  collect *c = ctx;
  if (c->n == c->cap) {
    bmis__event_row *grown =
        bmis__grow_to(c->v, &c->cap, c->n + 1, sizeof *grown);
    if (!grown) {
      c->failed = true;
      return 1;
    }
    c->v = grown;
  }
  c->v[c->n++] = *e;
  return 0;
}

bmis_status bmis__person_restay(bmis_store *s, const char *person_id,
                                const char *flags_of, unsigned *flags,
                                bmis_error *err) {
  bmis_register_config cfg;
  bmis_status st = bmis__config(s, &cfg, err);
  if (st != BMIS_OK)
    return st;
  collect c = {0};
  st = bmis__stay_events(s, person_id, collect_event, &c, err);
  if (st == BMIS_OK && c.failed)
    st = bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  bmis__stay_event *ev = NULL;
  bmis_stay *stays = NULL;
  unsigned *ev_flags = NULL;
  if (st == BMIS_OK) {
    ev = bmis__calloc(c.n + 1, sizeof *ev);
    stays = bmis__calloc(c.n + 1, sizeof *stays);
    ev_flags = bmis__calloc(c.n + 1, sizeof *ev_flags);
    if (!ev || !stays || !ev_flags)
      st = bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  }
  if (st == BMIS_OK) {
    for (size_t i = 0; i < c.n; i++) {
      ev[i].id = c.v[i].id;
      ev[i].direction = c.v[i].direction;
      ev[i].decision = c.v[i].decision;
      ev[i].local_date = c.v[i].local_date;
      ev[i].permitted_until = c.v[i].permitted_until;
      ev[i].national =
          cfg.state[0] && strcmp(c.v[i].nationality, cfg.state) == 0;
    }
    size_t n = bmis__stays_compute(person_id, ev, c.n, stays, ev_flags);
    st = bmis__stay_sync(s, person_id, stays, n, err);
    if (flags) {
      *flags = 0;
      for (size_t i = 0; flags_of && i < c.n; i++)
        if (strcmp(c.v[i].id, flags_of) == 0)
          *flags = ev_flags[i];
    }
  }
  bmis__free(ev);
  bmis__free(stays);
  bmis__free(ev_flags);
  bmis__free(c.v);
  return st;
}

bmis_status bmis__person_restay_after(bmis_store *s, const char *person_id,
                                      const bmis_movement *m, int64_t last_at,
                                      unsigned *flags, bmis_error *err) {
  /* Earlier than (or as early as) something on record: the timeline
   * changes in the middle, so recompute it all. */
  if (last_at >= m->crossed_at)
    return bmis__person_restay(s, person_id, m->id, flags, err);
  bmis_register_config cfg;
  bmis_status st = bmis__config(s, &cfg, err);
  bmis_stay last, new_last, added[2];
  int64_t seq = -1;
  bool found = false, changed = false;
  if (st == BMIS_OK)
    st = bmis__stay_last(s, person_id, &last, &seq, &found, err);
  if (st != BMIS_OK)
    return st;
  bmis__stay_event e = {m->id,
                        m->direction,
                        m->decision,
                        m->local_date,
                        m->permitted_until,
                        cfg.state[0] && strcmp(m->nationality, cfg.state) == 0};
  size_t n = bmis__stays_append(person_id, &last, found, &e, &new_last,
                                &changed, added, flags);
  if (changed)
    st = bmis__stay_put(s, person_id, seq, &new_last, true, err);
  for (size_t i = 0; st == BMIS_OK && i < n; i++)
    st = bmis__stay_put(s, person_id, seq + 1 + (int64_t)i, &added[i], false,
                        err);
  return st;
}

/* ---- reading stays ---- */

typedef struct stay_list {
  bmis_stay *v;
  size_t n, cap;
  bool failed;
} stay_list;

static int collect_stay(const bmis_stay *s, void *ctx) {
  stay_list *l = ctx;
  if (l->n == l->cap) {
    bmis_stay *grown = bmis__grow_to(l->v, &l->cap, l->n + 1, sizeof *grown);
    if (!grown) {
      l->failed = true;
      return 1;
    }
    l->v = grown;
  }
  l->v[l->n++] = *s;
  return 0;
}

bmis_status bmis_person_stays(bmis_store *s, const char *person_id,
                              bmis_stay_fn fn, void *ctx, bmis_error *err) {
  return bmis__stay_by_person(s, person_id, fn, ctx, err);
}

typedef struct national_check {
  const char *state;
  bool national;
} national_check;

static int is_national(const bmis_traveller *t, const char *key, void *ctx) {
  (void)key;
  national_check *nc = ctx;
  if (strcmp(t->nationality, nc->state) == 0)
    nc->national = true;
  return nc->national;
}

bmis_status bmis_stay_status_get(bmis_store *s, const char *person_id,
                                 bmis_date as_of, bmis_stay_status *out,
                                 bmis_error *err) {
  memset(out, 0, sizeof *out);
  if (!bmis_date_is_valid(as_of))
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "as-of date is not valid");
  bmis_register_config cfg;
  bmis_status st = bmis__config(s, &cfg, err);
  if (st != BMIS_OK)
    return st;
  stay_list l = {0};
  st = bmis__stay_by_person(s, person_id, collect_stay, &l, err);
  if (st == BMIS_OK && l.failed)
    st = bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  if (st != BMIS_OK) {
    bmis__free(l.v);
    return st;
  }
  out->window_days = cfg.window_days;
  out->window_limit = cfg.window_limit;
  /* Stays up to the date only: a later record must not change the past. */
  size_t upto = 0;
  while (upto < l.n && bmis_date_compare(l.v[upto].entry_date, as_of) <= 0)
    upto++;
  for (size_t i = 0; i < upto; i++)
    if (!is_phantom(&l.v[i]))
      out->stays++;
  bool long_stay = false;
  for (size_t i = upto; i-- > 0;) {
    const bmis_stay *last = &l.v[i];
    if (is_phantom(last))
      continue;
    if (!has_date(last->exit_date) ||
        bmis_date_compare(last->exit_date, as_of) > 0) {
      out->present = true;
      out->current = *last;
      out->days_over = bmis_stay_days_over(last, as_of);
    }
    /* The rolling-window rule is for short stays: someone whose last stay
     * was permitted for longer than the limit (a resident, a long-stay
     * visa) is not held to it. */
    long_stay = has_date(last->permitted_until) &&
                bmis_date_to_days(last->permitted_until) -
                        bmis_date_to_days(last->entry_date) + 1 >
                    cfg.window_limit;
    break;
  }
  out->days_in_window = bmis__days_in_window(l.v, upto, as_of, cfg.window_days);
  bmis__free(l.v);
  /* Nationals of the operating State are not subject to stay rules. */
  national_check nc = {cfg.state, false};
  if (cfg.state[0])
    st = bmis__traveller_by_person(s, person_id, is_national, &nc, err);
  out->national = nc.national;
  out->window_exceeded =
      !out->national && !long_stay && out->days_in_window > cfg.window_limit;
  return st;
}

bmis_status bmis_overstay_list(bmis_store *s, bmis_date as_of, bmis_stay_fn fn,
                               void *ctx, bmis_error *err) {
  if (!bmis_date_is_valid(as_of))
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "as-of date is not valid");
  return bmis__overstay_list(s, as_of, fn, ctx, err);
}
