/* The safeguards as a property (issue 12): random sequences of
 * inspections, protection needs raised at any moment, decisions,
 * corrections, voids, secondary outcomes and re-inspections of the same
 * people, through several documents. Whatever the sequence, after every
 * step:
 * - no person whose asylum referral is open has a refusal that is still
 *   to be carried out (refused, not void, nothing admitted after it), nor
 *   is held pending return;
 * - no minor (by birth date, or marked unaccompanied or separated) is
 *   held pending return.
 * Every call may fail (E_SAFEGUARD, E_CONFLICT, …): only the state counts.
 * Seeded, so a failure is reproduced by its seed and step. */
#include "store_fixture.h"

#include "bmis/inspect.h"
#include "inspect/inspect_internal.h"
#include "store/repo_inspection.h"

#include <jansson.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

enum { SEQUENCES = 24, STEPS = 70, MAX_IDS = 256 };

static uint64_t rng;
static unsigned below(unsigned n) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (unsigned)(rng % n);
}

/* The people: documents of theirs (two of one adult, through another
 * issuing State), two minors, one of them on a protection alert. */
typedef struct doc_def {
  const char *surname, *given, *number, *nationality, *issuer, *birth;
  char sex;
  bool minor;
} doc_def;
static const doc_def docs[] = {
    {"HADDAD", "OMAR", "N0012345", "SYR", "SYR", "1990-03-14", 'M', false},
    {"HADDAD", "OMAR", "R9876543", "SYR", "TUR", "1990-03-14", 'M', false},
    {"SMALL", "TIM", "C7654321", "FRA", "FRA", "2015-03-03", 'M', true},
    {"KARIMI", "LINA", "A0099887", "AFG", "AFG", "2014-05-05", 'F', true},
    {"NOURI", "SARA", "K5554443", "IRN", "IRN", "1988-06-06", 'F', false},
};
enum { NDOCS = sizeof docs / sizeof docs[0] };

static const char protection_csv[] =
    "kind,ref,name,aliases,weak_aliases,original_script_names,birth,"
    "nationality,sex,birth_place,birth_country,documents,doc_state,"
    "doc_number,doc_type,doc_status,reported,remarks\n"
    "person,PA-1,Lina KARIMI,,,,2014-05-05,AFG,F,,,,,,,,,\n";

typedef struct world {
  bmis_store *s;
  bmis_screen_index *ix;
  bmis_actor officer, supervisor;
  char mrz[NDOCS][200];
  char ids[MAX_IDS][BMIS_ID_SIZE]; /* inspections (and so movements) */
  int nids;
  int64_t clock;
} world;

static void make_world(world *w) {
  memset(w, 0, sizeof *w);
  bmis_error err;
  if (bmis_store_open(fx_fresh_url(), NULL, &w->s, &err) != BMIS_OK)
    fail_msg("open: %s", err.message);
  bmis_register_config cfg = {"KEN", 180, 90};
  assert_int_equal(bmis_register_config_set(w->s, &cfg, &err), BMIS_OK);
  bmis_bcp b = {"NBO", "Jomo Kenyatta", BMIS_BCP_KIND_AIR, "Africa/Nairobi"};
  assert_int_equal(bmis_bcp_put(w->s, &b, &err), BMIS_OK);
  bmis_wl_content *c = bmis_wl_content_new();
  assert_int_equal(bmis_wl_read(BMIS_WL_FORMAT_CSV, protection_csv,
                                strlen(protection_csv), c, &err),
                   BMIS_OK);
  bmis_watchlist meta;
  memset(&meta, 0, sizeof meta);
  snprintf(meta.name, sizeof meta.name, "missing");
  snprintf(meta.source, sizeof meta.source, "test");
  meta.category = BMIS_WL_PROTECTION_ALERT;
  meta.action = BMIS_HIT_PROTECT;
  bmis_wl_report rep;
  assert_int_equal(bmis_watchlist_import(w->s, &meta, c, &rep, &err), BMIS_OK);
  bmis_wl_report_free(&rep);
  bmis_wl_content_free(c);
  assert_int_equal(bmis_screen_index_load(w->s, &w->ix, &err), BMIS_OK);
  bmis_actor *a[2] = {&w->officer, &w->supervisor};
  const char *who[2][2] = {{"amina", "officer"}, {"joseph", "supervisor"}};
  for (int i = 0; i < 2; i++) {
    snprintf(a[i]->username, sizeof a[i]->username, "%s", who[i][0]);
    snprintf(a[i]->role, sizeof a[i]->role, "%s", who[i][1]);
    snprintf(a[i]->channel, sizeof a[i]->channel, "api");
    snprintf(a[i]->bcp, sizeof a[i]->bcp, "NBO");
  }
  for (int i = 0; i < NDOCS; i++) {
    bmis_doc_make_input in;
    memset(&in, 0, sizeof in);
    in.format = BMIS_DOC_TD3;
    in.surname = docs[i].surname;
    in.given_names = docs[i].given;
    in.number = docs[i].number;
    in.nationality = docs[i].nationality;
    in.issuing_state = docs[i].issuer;
    assert_int_equal(bmis_date_parse_iso(docs[i].birth, &in.birth_date, NULL),
                     BMIS_OK);
    in.sex = docs[i].sex;
    in.expiry_date = (bmis_date){2032, 4, 15};
    assert_int_equal(bmis_doc_make(&in, w->mrz[i], sizeof w->mrz[i], &err),
                     BMIS_OK);
  }
  w->clock = 1767225600; /* 2026-01-01 */
}

static void free_world(world *w) {
  bmis_screen_index_free(w->ix);
  bmis_store_close(w->s);
}

static bmis_protection random_protection(void) {
  bmis_protection p = {false, false, 0};
  if (below(6) == 0)
    p.asylum = true;
  if (below(8) == 0)
    p.unaccompanied = true;
  if (below(8) == 0)
    p.trafficking = 1u << below(BMIS_TRAFFICKING_COUNT - 1);
  return p;
}

static void random_decision(bmis_inspection_decision *d) {
  memset(d, 0, sizeof *d);
  unsigned k = below(3);
  d->decision = k == 0   ? BMIS_DECISION_ADMITTED
                : k == 1 ? BMIS_DECISION_REFUSED
                         : BMIS_DECISION_REFERRED;
  snprintf(d->grounds, sizeof d->grounds, "C");
  snprintf(d->explanation, sizeof d->explanation, "no visa");
  snprintf(d->note, sizeof d->note, "examine");
  d->held_pending_return = below(2) == 0;
  if (below(2) == 0)
    d->minor_alternative = (bmis_minor_alternative)(1 + below(3));
  if (below(4) == 0)
    d->protection = random_protection();
  if (below(2) == 0)
    snprintf(d->authority_outcome, sizeof d->authority_outcome,
             "authority: case closed");
}

static void step_inspect(world *w) {
  if (w->nids >= MAX_IDS)
    return;
  int i = (int)below(NDOCS);
  bmis_inspection_request rq;
  memset(&rq, 0, sizeof rq);
  snprintf(rq.mrz, sizeof rq.mrz, "%s", w->mrz[i]);
  rq.card.direction =
      below(4) == 0 ? BMIS_DIRECTION_EXIT : BMIS_DIRECTION_ENTRY;
  bmis_protection p =
      below(3) == 0 ? random_protection() : (bmis_protection){false, false, 0};
  rq.asylum = p.asylum;
  rq.unaccompanied = p.unaccompanied;
  rq.trafficking = p.trafficking;
  char *json = NULL;
  bmis_error err;
  if (bmis_inspect(w->s, w->ix, &rq, below(3) ? &w->officer : &w->supervisor,
                   w->clock, w->ids[w->nids], &json, &err) == BMIS_OK)
    w->nids++;
  bmis_free(json);
}

static const char *any_id(world *w) {
  return w->nids ? w->ids[below((unsigned)w->nids)] : NULL;
}

static void step_raise(world *w) {
  const char *id = any_id(w);
  bmis_protection p = random_protection();
  char *json = NULL;
  bmis_error err;
  if (id)
    (void)bmis_inspection_protect(w->s, id, &p, &w->officer, w->clock, &json,
                                  &err);
  bmis_free(json);
}

static void step_decide(world *w) {
  const char *id = any_id(w);
  bmis_inspection_decision d;
  random_decision(&d);
  bmis_decision_result out;
  bmis_error err;
  if (id)
    (void)bmis_inspection_decide(w->s, id, &d, &w->officer, w->clock, &out,
                                 &err);
}

static void step_correct(world *w) {
  const char *id = any_id(w);
  bmis_movement m;
  bmis_error err;
  if (!id || bmis_movement_get(w->s, id, &m, &err) != BMIS_OK)
    return;
  bmis_change ch = {"joseph", "correction", w->clock};
  if (below(4) == 0) {
    (void)bmis_inspection_movement_void(w->s, &w->supervisor, w->clock, id, &ch,
                                        &m, &err);
    return;
  }
  unsigned k = below(3);
  m.decision = k == 0   ? BMIS_DECISION_ADMITTED
               : k == 1 ? BMIS_DECISION_REFUSED
                        : BMIS_DECISION_REFERRED;
  snprintf(m.grounds, sizeof m.grounds, "%s", k == 1 ? "C" : "");
  if (k != 0)
    m.permitted_until = (bmis_date){0, 0, 0};
  (void)bmis_inspection_correct(w->s, &w->supervisor, w->clock, &m, &ch, &m,
                                &err);
}

typedef struct pick {
  char id[BMIS_ID_SIZE];
  unsigned seen, want;
} pick;

static int pick_referral(const bmis_referral *r, void *ctx) {
  pick *p = ctx;
  if (p->seen++ == p->want) {
    memcpy(p->id, r->id, BMIS_ID_SIZE);
    return 1;
  }
  return 0;
}

static void step_secondary(world *w) {
  pick p = {"", 0, below(6)};
  bmis_error err;
  if (bmis_referral_list(w->s, &w->supervisor, 1800000000, BMIS_REFERRALS_OPEN,
                         pick_referral, &p, &err) != BMIS_OK ||
      !p.id[0])
    return;
  bmis_inspection_decision d;
  random_decision(&d);
  bmis_referral_outcome o = (bmis_referral_outcome)(1 + below(3));
  (void)bmis_referral_outcome_record(w->s, p.id, o, &d, &w->supervisor,
                                     w->clock, &err);
}

/* ---- the property ---- */

typedef struct person_state {
  bmis_movement m[MAX_IDS];
  size_t n;
  bool asylum_open;
} person_state;

static int keep_movement(const bmis_movement *m, void *ctx) {
  person_state *p = ctx;
  if (p->n < MAX_IDS)
    p->m[p->n++] = *m;
  return 0;
}

static int note_asylum(const bmis_referral *r, void *ctx) {
  if (r->kind == BMIS_REFERRAL_ASYLUM)
    ((person_state *)ctx)->asylum_open = true;
  return 0;
}

static void check_person(world *w, int doc, unsigned seq, int step,
                         person_state *p) {
  bmis_traveller t;
  bmis_error err;
  if (bmis_traveller_by_document(w->s, docs[doc].issuer, docs[doc].number, &t,
                                 &err) != BMIS_OK)
    return; /* never recorded */
  memset(p, 0, sizeof *p);
  bmis_movement_filter f;
  memset(&f, 0, sizeof f);
  memcpy(f.person_id, t.person_id, sizeof f.person_id);
  assert_int_equal(bmis_movement_list(w->s, &f, keep_movement, p, &err),
                   BMIS_OK);
  assert_int_equal(
      bmis_person_open_referrals(w->s, t.person_id, note_asylum, p, &err),
      BMIS_OK);
  for (size_t i = 0; i < p->n; i++) {
    const bmis_movement *m = &p->m[i];
    if (m->decision != BMIS_DECISION_REFUSED || m->voided)
      continue;
    bool carried_out = false;
    for (size_t j = i + 1; j < p->n; j++)
      carried_out |= p->m[j].decision == BMIS_DECISION_ADMITTED;
    bmis__inspection_row row;
    bool held = false, minor = docs[doc].minor;
    if (bmis__inspection_get(w->s, m->id, &row, &err) == BMIS_OK) {
      held = row.held;
      minor |=
          (row.protection & (BMIS__PROT_MINOR | BMIS__PROT_UNACCOMPANIED)) != 0;
      bmis__inspection_row_free(&row);
    }
    if (p->asylum_open && !carried_out)
      fail_msg("seed %u step %d: %s %s has an open asylum referral and a "
               "refusal still to be carried out (movement %s)",
               seq, step, docs[doc].surname, docs[doc].number, m->id);
    if (held && minor)
      fail_msg("seed %u step %d: the minor %s is held pending return "
               "(movement %s)",
               seq, step, docs[doc].surname, m->id);
    if (held && p->asylum_open && !carried_out)
      fail_msg("seed %u step %d: %s is held with an open asylum referral", seq,
               step, docs[doc].surname);
  }
}

static void random_sequences_keep_the_safeguards(void **state) {
  (void)state;
  person_state *p = malloc(sizeof *p);
  assert_non_null(p);
  int refused_seen = 0, turned_seen = 0;
  for (unsigned seq = 1; seq <= SEQUENCES; seq++) {
    world w;
    make_world(&w);
    rng = 0x9e3779b97f4a7c15ULL * seq;
    for (int step = 0; step < STEPS; step++) {
      w.clock += 60 + below(3600);
      switch (below(10)) {
      case 0:
      case 1:
      case 2: step_inspect(&w); break;
      case 3:
      case 4:
      case 5: step_decide(&w); break;
      case 6: step_raise(&w); break;
      case 7: step_correct(&w); break;
      default: step_secondary(&w); break;
      }
      for (int d = 0; d < NDOCS; d++)
        check_person(&w, d, seq, step, p);
    }
    /* the sequences must reach the interesting states, or they prove
     * nothing: refusals, and refusals turned into referrals */
    for (int i = 0; i < w.nids; i++) {
      bmis_movement m;
      bmis_error err;
      if (bmis_movement_get(w.s, w.ids[i], &m, &err) != BMIS_OK)
        continue;
      refused_seen += m.decision == BMIS_DECISION_REFUSED;
      turned_seen += m.decision == BMIS_DECISION_REFERRED &&
                     strncmp(m.decision_note, "was refused", 11) == 0;
    }
    free_world(&w);
  }
  free(p);
  print_message("%d refusals, %d turned into referrals\n", refused_seen,
                turned_seen);
  assert_true(refused_seen > 0);
  assert_true(turned_seen > 0);
}

int main(int argc, char **argv) {
  fx_setup(argc, argv);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(random_sequences_keep_the_safeguards),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  fx_cleanup();
  return rc;
}
