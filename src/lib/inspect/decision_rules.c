/* The decision rules of the desk as pure functions: what may be decided
 * given what is known of the person (bmis_decision_facts), and the
 * referrals a decision opens. decide.c gathers the facts from the store
 * and applies these; tests/unit/inspect/test_rules.c tables them. */
#include "inspect/inspect_internal.h"

#include <string.h>

bmis_decision_facts bmis__decision_facts(unsigned prot) {
  bmis_decision_facts f;
  memset(&f, 0, sizeof f);
  f.minor = (prot & BMIS__PROT_MINOR) != 0;
  f.asylum = (prot & BMIS__PROT_ASYLUM) != 0;
  f.unaccompanied = (prot & BMIS__PROT_UNACCOMPANIED) != 0;
  f.trafficking = (prot & BMIS__PROT_TRAFFICKING) != 0;
  f.protection_hit = (prot & BMIS__PROT_PROTECTION_HIT) != 0;
  f.national = (prot & BMIS__PROT_NATIONAL) != 0;
  f.open_asylum = (prot & BMIS__PROT_OPEN_ASYLUM) != 0;
  f.open_child = (prot & BMIS__PROT_OPEN_CHILD) != 0;
  f.open_trafficking = (prot & BMIS__PROT_OPEN_TRAFFICKING) != 0;
  f.listed = (prot & BMIS__PROT_LISTED) != 0;
  return f;
}

static unsigned bits_of(const bmis_decision_facts *f) {
  return (f->minor ? BMIS__PROT_MINOR : 0u) |
         (f->asylum ? BMIS__PROT_ASYLUM : 0u) |
         (f->unaccompanied ? BMIS__PROT_UNACCOMPANIED | BMIS__PROT_MINOR : 0u) |
         (f->trafficking ? BMIS__PROT_TRAFFICKING : 0u) |
         (f->protection_hit ? BMIS__PROT_PROTECTION_HIT : 0u) |
         (f->national ? BMIS__PROT_NATIONAL : 0u) |
         (f->open_asylum ? BMIS__PROT_OPEN_ASYLUM : 0u) |
         (f->open_child ? BMIS__PROT_OPEN_CHILD : 0u) |
         (f->open_trafficking ? BMIS__PROT_OPEN_TRAFFICKING : 0u) |
         (f->listed ? BMIS__PROT_LISTED : 0u);
}

bmis_status bmis_decision_check(const bmis_decision_facts *f,
                                const bmis_inspection_decision *d,
                                bmis_reason_code *why) {
  *why = BMIS_REASON_NONE;
  unsigned prot = bits_of(f);
  if (d->decision == BMIS_DECISION_REFUSED)
    *why = bmis__safeguard_refuse_code(prot);
  else if (d->decision == BMIS_DECISION_ADMITTED)
    *why = bmis__safeguard_admit_code(prot);
  if (*why)
    /* a listing is a rule of the desk (E_RULE), not a person's protection */
    return *why == BMIS_REASON_BAR_ADMIT_LISTED &&
                   !bmis__safeguard_admit_code(prot &
                                               ~(unsigned)BMIS__PROT_LISTED)
               ? BMIS_E_RULE
               : BMIS_E_SAFEGUARD;
  if (d->decision != BMIS_DECISION_REFUSED)
    return BMIS_OK;
  if (f->minor || f->unaccompanied) {
    if (d->held_pending_return)
      *why = BMIS_REASON_BAR_REFUSE_MINOR_HELD;
    else if (!d->minor_alternative)
      *why = BMIS_REASON_BAR_REFUSE_MINOR_NO_ALTERNATIVE;
    if (*why)
      return BMIS_E_SAFEGUARD;
  }
  if (!d->explanation[0])
    *why = BMIS_REASON_BAR_REFUSE_NO_EXPLANATION;
  else if (!d->grounds[0])
    *why = BMIS_REASON_BAR_REFUSE_NO_GROUNDS;
  return *why ? BMIS_E_INVALID_ARG : BMIS_OK;
}

int bmis_decision_referrals(const bmis_decision_facts *f,
                            bmis_decision decision, bmis_referral_kind out[5]) {
  int n;
  bmis__inspect_required_referrals(bits_of(f), out, &n);
  /* a referral without a protective one goes to secondary inspection */
  if (decision == BMIS_DECISION_REFERRED && !f->asylum) {
    bool has = false;
    for (int i = 0; i < n; i++)
      has |= out[i] == BMIS_REFERRAL_SECONDARY;
    if (!has)
      out[n++] = BMIS_REFERRAL_SECONDARY;
  }
  return n;
}
