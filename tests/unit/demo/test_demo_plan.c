/* The demo's plan obeys the protection rule the register enforces: nobody
 * who has had an asylum, child-protection or trafficking referral (which the
 * demo never closes) is refused later. A plan of 20,000 people and 200,000
 * crossings (seed 1) held such a refusal before the plan checked for it, and
 * `bmis demo generate` stopped at its 142,494th crossing. Only the plan is
 * walked here: no store. */
#include "demo_internal.h"
#include "test_util.h"

#include <string.h>

static bool protective(const demo__trip *t) {
  return t->kind == DEMO_PT_ASYLUM ||
         (t->kind == DEMO_PT_PAIR &&
          (t->referral == BMIS_REFERRAL_CHILD_PROTECTION ||
           t->referral == BMIS_REFERRAL_TRAFFICKING));
}

static void no_refusal_after_protection(void **state) {
  (void)state;
  bmis_demo_options o;
  bmis_demo_options_init(&o);
  o.travellers = 20000;
  o.movements = 200000;
  o.seed = 1;
  demo__plan p;
  bmis_error err;
  assert_int_equal(demo__plan_init(&p, &o, "UTO", &err), BMIS_OK);
  size_t refused = 0, protected_people = 0;
  for (uint32_t g = 0; g < p.group_count; g++) {
    bool prot = false;
    for (uint32_t j = 0; j < p.groups[g].points; j++) {
      demo__trip t;
      demo__trip_of(&p, g, j, &t);
      bool refusal =
          t.kind == DEMO_PT_REFUSED || t.kind == DEMO_PT_REFER_REFUSED;
      refused += refusal;
      if (prot && refusal)
        fail_msg("group %u point %u: a refusal after a protective referral", g,
                 j);
      if (!prot && protective(&t)) {
        prot = true;
        protected_people++;
      }
    }
  }
  /* the plan still has refusals and protected people: the check above
   * is not vacuous */
  assert_true(refused > 100);
  assert_true(protected_people > 10);
  demo__plan_fini(&p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(no_refusal_after_protection),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
