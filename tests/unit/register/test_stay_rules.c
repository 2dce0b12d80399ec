/* Stay rules on hand-made timelines, without a store: stays from
 * movements, days counted with both ends, the rolling window, overstay. */
#include "bmis/register.h"
#include "register/register_internal.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static bmis_date D(const char *iso) {
  bmis_date d;
  assert_int_equal(bmis_date_parse_iso(iso, &d, NULL), BMIS_OK);
  return d;
}

static bmis__stay_event in(const char *id, const char *day, const char *until) {
  bmis__stay_event e = {
      id,   BMIS_DIRECTION_ENTRY, BMIS_DECISION_ADMITTED, D(day), {0, 0, 0},
      false};
  if (until)
    e.permitted_until = D(until);
  return e;
}

static bmis__stay_event out(const char *id, const char *day) {
  bmis__stay_event e = {id,     BMIS_DIRECTION_EXIT, BMIS_DECISION_ADMITTED,
                        D(day), {0, 0, 0},           false};
  return e;
}

static void same_day_trip_counts_one_day(void **state) {
  (void)state;
  bmis__stay_event ev[] = {in("a", "2026-03-10", "2026-03-20"),
                           out("b", "2026-03-10")};
  bmis_stay stays[3];
  unsigned flags[2];
  assert_int_equal(bmis__stays_compute("p", ev, 2, stays, flags), 1);
  assert_string_equal(stays[0].entry_id, "a");
  assert_string_equal(stays[0].exit_id, "b");
  assert_int_equal(bmis_stay_days(&stays[0], D("2026-12-31")), 1);
  assert_int_equal(bmis_stay_days_over(&stays[0], D("2026-12-31")), 0);
  assert_int_equal(flags[0] | flags[1], 0);
}

static void both_ends_count_across_a_leap_day(void **state) {
  (void)state;
  bmis__stay_event ev[] = {in("a", "2028-02-28", NULL), out("b", "2028-03-01")};
  bmis_stay stays[3];
  assert_int_equal(bmis__stays_compute("p", ev, 2, stays, NULL), 1);
  /* 28 Feb, 29 Feb, 1 Mar. */
  assert_int_equal(bmis_stay_days(&stays[0], D("2028-06-01")), 3);
  bmis__stay_event ev2[] = {in("a", "2027-02-28", NULL),
                            out("b", "2027-03-01")};
  assert_int_equal(bmis__stays_compute("p", ev2, 2, stays, NULL), 1);
  assert_int_equal(bmis_stay_days(&stays[0], D("2027-06-01")), 2);
}

static void permitted_stay_ending_today_is_not_over(void **state) {
  (void)state;
  bmis__stay_event ev[] = {in("a", "2026-01-01", "2026-01-30")};
  bmis_stay stays[2];
  assert_int_equal(bmis__stays_compute("p", ev, 1, stays, NULL), 1);
  assert_int_equal(bmis_stay_days_over(&stays[0], D("2026-01-30")), 0);
  assert_int_equal(bmis_stay_days_over(&stays[0], D("2026-01-31")), 1);
  assert_int_equal(bmis_stay_days(&stays[0], D("2026-01-30")), 30);
  /* Before the stay began, nothing is counted. */
  assert_int_equal(bmis_stay_days(&stays[0], D("2025-12-31")), 0);
  assert_int_equal(bmis_stay_days_over(&stays[0], D("2025-12-31")), 0);
}

static void exit_on_last_permitted_day_is_no_overstay(void **state) {
  (void)state;
  bmis__stay_event ev[] = {in("a", "2026-01-01", "2026-01-30"),
                           out("b", "2026-01-30")};
  bmis_stay stays[3];
  unsigned flags[2];
  assert_int_equal(bmis__stays_compute("p", ev, 2, stays, flags), 1);
  assert_int_equal(stays[0].flags & BMIS_FLAG_OVERSTAY, 0);
  bmis__stay_event late[] = {in("a", "2026-01-01", "2026-01-30"),
                             out("b", "2026-02-02")};
  assert_int_equal(bmis__stays_compute("p", late, 2, stays, flags), 1);
  assert_true(stays[0].flags & BMIS_FLAG_OVERSTAY);
  assert_true(flags[1] & BMIS_FLAG_OVERSTAY);
  /* Days over stop at the exit. */
  assert_int_equal(bmis_stay_days_over(&stays[0], D("2026-12-31")), 3);
}

static void only_admitted_entries_open_a_stay(void **state) {
  (void)state;
  bmis__stay_event refused = in("a", "2026-01-01", NULL);
  refused.decision = BMIS_DECISION_REFUSED;
  bmis__stay_event referred = in("b", "2026-01-02", NULL);
  referred.decision = BMIS_DECISION_REFERRED;
  bmis__stay_event ev[] = {refused, referred};
  bmis_stay stays[3];
  assert_int_equal(bmis__stays_compute("p", ev, 2, stays, NULL), 0);
}

static void exit_without_entry_is_kept_and_flagged(void **state) {
  (void)state;
  bmis__stay_event ev[] = {out("x", "2026-01-05"), in("a", "2026-02-01", NULL),
                           out("b", "2026-02-03")};
  bmis_stay stays[4];
  unsigned flags[3];
  assert_int_equal(bmis__stays_compute("p", ev, 3, stays, flags), 2);
  assert_int_equal(stays[0].flags, BMIS_FLAG_EXIT_WITHOUT_ENTRY);
  assert_string_equal(stays[0].entry_id, "");
  assert_string_equal(stays[0].exit_id, "x");
  assert_int_equal(flags[0], BMIS_FLAG_EXIT_WITHOUT_ENTRY);
  /* A phantom stay counts no days. */
  assert_int_equal(bmis_stay_days(&stays[0], D("2026-12-31")), 0);
  assert_int_equal(bmis__days_in_window(stays, 2, D("2026-03-01"), 180), 3);
}

static void entry_while_present_is_kept_and_flagged(void **state) {
  (void)state;
  bmis__stay_event ev[] = {in("a", "2026-01-01", "2026-01-10"),
                           in("b", "2026-01-20", "2026-02-20"),
                           out("c", "2026-01-25")};
  bmis_stay stays[4];
  unsigned flags[3];
  assert_int_equal(bmis__stays_compute("p", ev, 3, stays, flags), 2);
  assert_int_equal(flags[1], BMIS_FLAG_ENTRY_WHILE_PRESENT);
  assert_int_equal(stays[1].flags & BMIS_FLAG_ENTRY_WHILE_PRESENT,
                   BMIS_FLAG_ENTRY_WHILE_PRESENT);
  /* The first stay is taken to last until the second entry: an overstay. */
  assert_int_equal(stays[0].exit_date.day, 20);
  assert_string_equal(stays[0].exit_id, "");
  assert_true(stays[0].flags & BMIS_FLAG_OVERSTAY);
  assert_int_equal(bmis_stay_days_over(&stays[0], D("2026-12-31")), 10);
  /* Presence is continuous: 1 Jan to 25 Jan, the 20th counted once. */
  assert_int_equal(bmis__days_in_window(stays, 2, D("2026-03-01"), 180), 25);
}

static void nationals_have_no_permitted_stay(void **state) {
  (void)state;
  bmis__stay_event e = in("a", "2026-01-01", "2026-01-10");
  e.national = true;
  bmis_stay stays[2];
  assert_int_equal(bmis__stays_compute("p", &e, 1, stays, NULL), 1);
  assert_int_equal(stays[0].permitted_until.year, 0);
  assert_int_equal(bmis_stay_days_over(&stays[0], D("2027-01-01")), 0);
}

static void rolling_window_counts_days_in_any_180(void **state) {
  (void)state;
  /* 60 days (1 Jan - 1 Mar 2026) and 31 days (1 - 31 May): 91 days. */
  bmis__stay_event ev[] = {in("a", "2026-01-01", NULL), out("b", "2026-03-01"),
                           in("c", "2026-05-01", NULL), out("d", "2026-05-31")};
  bmis_stay stays[5];
  assert_int_equal(bmis__stays_compute("p", ev, 4, stays, NULL), 2);
  assert_int_equal(bmis__days_in_window(stays, 2, D("2026-05-31"), 180), 91);
  /* 180 days ending 29 June start on 1 January: still 91. */
  assert_int_equal(bmis__days_in_window(stays, 2, D("2026-06-29"), 180), 91);
  /* A day later, 1 January leaves the window. */
  assert_int_equal(bmis__days_in_window(stays, 2, D("2026-06-30"), 180), 90);
  /* A window ending mid-stay counts up to that day only. */
  assert_int_equal(bmis__days_in_window(stays, 2, D("2026-01-10"), 180), 10);
  /* Back-to-back: exit and re-entry on one day count that day once. */
  bmis__stay_event b2b[] = {in("a", "2026-01-01", NULL), out("b", "2026-01-05"),
                            in("c", "2026-01-05", NULL),
                            out("d", "2026-01-06")};
  assert_int_equal(bmis__stays_compute("p", b2b, 4, stays, NULL), 2);
  assert_int_equal(bmis__days_in_window(stays, 2, D("2026-02-01"), 180), 6);
}

static bool same_stay(const bmis_stay *a, const bmis_stay *b) {
  return strcmp(a->entry_id, b->entry_id) == 0 &&
         strcmp(a->exit_id, b->exit_id) == 0 &&
         bmis_date_to_days(a->entry_date) == bmis_date_to_days(b->entry_date) &&
         a->exit_date.year == b->exit_date.year &&
         (!a->exit_date.year ||
          bmis_date_to_days(a->exit_date) == bmis_date_to_days(b->exit_date)) &&
         a->permitted_until.year == b->permitted_until.year &&
         a->permitted_until.month == b->permitted_until.month &&
         a->permitted_until.day == b->permitted_until.day &&
         a->flags == b->flags;
}

/* Appending one event at a time (what recording does for a person's latest
 * crossing) gives the stays a full recomputation gives, on 20,000 random
 * timelines with every decision, direction and anomaly. */
static void appending_agrees_with_recomputing(void **state) {
  (void)state;
  uint64_t r = 42;
  enum { MAX = 12 };
  static char ids[MAX][8];
  for (int i = 0; i < MAX; i++)
    snprintf(ids[i], sizeof ids[i], "m%02d", i);
  for (int trial = 0; trial < 20000; trial++) {
    bmis__stay_event ev[MAX];
    int n =
        1 + (int)((r = r * 6364136223846793005u + 1442695040888963407u) >> 60) %
                MAX;
    int32_t day = 20000;
    for (int i = 0; i < n; i++) {
      r = r * 6364136223846793005u + 1442695040888963407u;
      unsigned bits = (unsigned)(r >> 33);
      day += (int32_t)(bits % 40);
      ev[i].id = ids[i];
      ev[i].direction = bits & 64 ? BMIS_DIRECTION_EXIT : BMIS_DIRECTION_ENTRY;
      unsigned d = (bits >> 8) % 8;
      ev[i].decision = d == 0   ? BMIS_DECISION_REFUSED
                       : d == 1 ? BMIS_DECISION_REFERRED
                                : BMIS_DECISION_ADMITTED;
      ev[i].local_date = bmis_date_from_days(day);
      ev[i].national = (bits >> 12) % 5 == 0;
      ev[i].permitted_until = (bmis_date){0, 0, 0};
      if (ev[i].direction == BMIS_DIRECTION_ENTRY && (bits >> 15) % 3)
        ev[i].permitted_until =
            bmis_date_from_days(day + (int32_t)((bits >> 17) % 60));
    }
    bmis_stay full[MAX + 1], inc[MAX + 2];
    unsigned full_flags[MAX], inc_flags[MAX];
    size_t nf = bmis__stays_compute("p", ev, (size_t)n, full, full_flags);
    size_t ni = 0;
    for (int i = 0; i < n; i++) {
      bmis_stay new_last, added[2];
      bool changed;
      size_t a =
          bmis__stays_append("p", ni ? &inc[ni - 1] : NULL, ni > 0, &ev[i],
                             &new_last, &changed, added, &inc_flags[i]);
      if (changed)
        inc[ni - 1] = new_last;
      for (size_t k = 0; k < a; k++)
        inc[ni++] = added[k];
    }
    if (ni != nf)
      fail_msg("trial %d: %zu stays appended, %zu recomputed", trial, ni, nf);
    for (size_t i = 0; i < nf; i++)
      if (!same_stay(&full[i], &inc[i]))
        fail_msg("trial %d: stay %zu differs (flags %u vs %u)", trial, i,
                 full[i].flags, inc[i].flags);
    /* The flags of each event as it was recorded: an overstay is known
     * only at the exit, so compare the anomaly flags. */
    for (int i = 0; i < n; i++) {
      unsigned mask =
          BMIS_FLAG_ENTRY_WHILE_PRESENT | BMIS_FLAG_EXIT_WITHOUT_ENTRY;
      if ((full_flags[i] & mask) != (inc_flags[i] & mask))
        fail_msg("trial %d: event %d flags %u vs %u", trial, i, full_flags[i],
                 inc_flags[i]);
    }
  }
}

static void uuid_v7_is_valid_and_increasing(void **state) {
  (void)state;
  char prev[BMIS_ID_SIZE] = "", id[BMIS_ID_SIZE];
  for (int i = 0; i < 10000; i++) {
    assert_int_equal(bmis_uuid_v7(id, NULL), BMIS_OK);
    assert_true(bmis_uuid_is_valid(id));
    assert_int_equal(id[14], '7');
    assert_true(strchr("89ab", id[19]) != NULL);
    assert_true(strcmp(prev, id) < 0);
    memcpy(prev, id, sizeof id);
  }
  assert_false(bmis_uuid_is_valid("not-a-uuid"));
  assert_false(bmis_uuid_is_valid("01a219df-09e0-7b8b-8018-9de705ef03fZ"));
}

static void local_date_follows_the_crossing_point(void **state) {
  (void)state;
  int64_t t;
  bmis_date d;
  /* 21:30 UTC on 1 October is 2 October in Nairobi (UTC+3) … */
  assert_int_equal(bmis_time_parse("2026-10-01T21:30:00Z", &t, NULL), BMIS_OK);
  assert_int_equal(bmis_local_date("Africa/Nairobi", t, &d, NULL), BMIS_OK);
  assert_int_equal(d.day, 2);
  /* … and still 1 October in Los Angeles; 05:00 UTC is 30 September. */
  assert_int_equal(bmis_local_date("America/Los_Angeles", t, &d, NULL),
                   BMIS_OK);
  assert_int_equal(d.day, 1);
  assert_int_equal(bmis_time_parse("2026-10-01T05:00:00Z", &t, NULL), BMIS_OK);
  assert_int_equal(bmis_local_date("America/Los_Angeles", t, &d, NULL),
                   BMIS_OK);
  assert_int_equal(d.month, 9);
  assert_int_equal(d.day, 30);
  bmis_error err;
  assert_int_equal(bmis_local_date("Mars/Olympus", t, &d, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "Mars/Olympus"));
  /* Offsets in the text are honoured. */
  int64_t u;
  assert_int_equal(bmis_time_parse("2026-10-01T08:30:00+03:00", &u, NULL),
                   BMIS_OK);
  assert_int_equal(bmis_time_parse("2026-10-01T05:30:00Z", &t, NULL), BMIS_OK);
  assert_true(t == u);
  char buf[21];
  assert_string_equal(bmis_time_format(t, buf), "2026-10-01T05:30:00Z");
  assert_int_equal(bmis_time_parse("2026-10-01 05:30", &t, &err), BMIS_E_PARSE);
  assert_int_equal(bmis_time_parse("2026-10-01T05:30:00", &t, &err),
                   BMIS_E_PARSE);
  assert_int_equal(bmis_time_parse("2026-02-30T05:30:00Z", &t, &err),
                   BMIS_E_PARSE);
  /* An offset must not carry the instant out of writable years. */
  assert_int_equal(bmis_time_parse("9999-12-31T23:59:59-14:00", &t, &err),
                   BMIS_E_PARSE);
  assert_int_equal(bmis_time_parse("0001-01-01T00:00:00+14:00", &t, &err),
                   BMIS_E_PARSE);
  assert_int_equal(bmis_time_parse("9999-12-31T23:59:59Z", &t, &err), BMIS_OK);
  assert_string_equal(bmis_time_format(t, buf), "9999-12-31T23:59:59Z");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(same_day_trip_counts_one_day),
      cmocka_unit_test(both_ends_count_across_a_leap_day),
      cmocka_unit_test(permitted_stay_ending_today_is_not_over),
      cmocka_unit_test(exit_on_last_permitted_day_is_no_overstay),
      cmocka_unit_test(only_admitted_entries_open_a_stay),
      cmocka_unit_test(exit_without_entry_is_kept_and_flagged),
      cmocka_unit_test(entry_while_present_is_kept_and_flagged),
      cmocka_unit_test(nationals_have_no_permitted_stay),
      cmocka_unit_test(rolling_window_counts_days_in_any_180),
      cmocka_unit_test(appending_agrees_with_recomputing),
      cmocka_unit_test(uuid_v7_is_valid_and_increasing),
      cmocka_unit_test(local_date_follows_the_crossing_point),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
