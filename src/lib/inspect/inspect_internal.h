/* Internal to src/lib/inspect: what the inspection and the decision share. */
#ifndef BMIS_INSPECT_INTERNAL_H
#define BMIS_INSPECT_INTERNAL_H

#include "bmis/doc.h"
#include "bmis/inspect.h"

#include <jansson.h>
#include <stdarg.h>

/* What the inspection found that the safeguards act on (stored with it). */
enum {
  BMIS__PROT_MINOR = 1,           /* possibly under 18 */
  BMIS__PROT_ASYLUM = 2,          /* expressed the intention to seek asylum */
  BMIS__PROT_UNACCOMPANIED = 4,   /* a minor unaccompanied or separated */
  BMIS__PROT_TRAFFICKING = 8,     /* trafficking indicators ticked */
  BMIS__PROT_PROTECTION_HIT = 16, /* a hit on a protection alert */
  BMIS__PROT_NATIONAL = 32        /* a national of the operating State */
};

/* The protective referrals protection bits require (at most 5). */
unsigned bmis__inspect_required_referrals(unsigned protection,
                                          bmis_referral_kind out[5], int *n);
/* Why a refusal / an admission is not allowed, or NULL when it is. */
const char *bmis__safeguard_refuse(unsigned protection);
const char *bmis__safeguard_admit(unsigned protection);

/* The MRZ as a desk reads it: OCR repairs on, as of the local date. */
bmis_status bmis__inspect_parse_doc(const char *mrz, bmis_date on,
                                    bmis_doc *doc);

/* One audit entry for an actor's action on a record. */
bmis_status bmis__inspect_audit(bmis_store *s, const bmis_actor *a,
                                const char *action, const char *record,
                                int64_t at, bmis_error *err);

#endif
