/* Shared between wire/ and the library modules above it, without jansson:
 * the text forms the register stores, and the crossing an MRZ gives. */
#ifndef BMIS_WIRE_INTERNAL_H
#define BMIS_WIRE_INTERNAL_H

#include "bmis/doc.h"
#include "bmis/inspect.h"
#include "bmis/register.h"

/* The traveller and document of a crossing as an MRZ gives them (whatever
 * its findings: the caller decides whether they are good enough). */
void bmis__crossing_from_doc(const bmis_doc *doc, bmis_crossing *c);

/* A movement as the history keeps it: compact JSON with sorted members, a
 * string the caller frees with free(); NULL when out of memory. */
char *bmis__wire_movement_snapshot(const bmis_movement *m);

/* Rows of text cells (cells[row * cols + col]) as a compact JSON array of
 * arrays, an empty or NULL cell as null: how the store hands PostgreSQL a
 * batch in one statement. A string the caller frees with free(); NULL when
 * out of memory or when a cell is not UTF-8. */
char *bmis__wire_text_rows(const char *const *cells, size_t rows, size_t cols);

/* An inspection request as the inspection keeps it (read back by
 * bmis_inspection_request_from_json): {"mrz","direction","card":{...},
 * "protection":{"asylum","unaccompanied","trafficking_indicators"}}, the
 * card's empty members left out. Compact JSON, a string the caller frees
 * with free(); NULL when out of memory. */
char *bmis__wire_inspection_request_text(const bmis_inspection_request *rq);

/* The hits of an inspection as it keeps them, for the safeguards and the
 * dispositions at the decision: [{"list","ref","hash","category","score"}]
 * (the other members are in the result's snapshot). Compact JSON, a string
 * the caller frees with free(); NULL when out of memory. */
char *bmis__wire_inspection_hits_text(const bmis_inspection_hit *hits,
                                      size_t count);

/* Those hits read back into a new array of count hits (list, ref,
 * entry_hash, category, score; the rest zero) that the caller frees with
 * free() (NULL when count is 0). A member absent or of another type reads
 * as empty (category NONE); an absent score as 1, the highest (rows stored
 * before the score was kept), so a second person is asked for when in
 * doubt. E_PARSE when text is not a JSON array, E_NOMEM. */
bmis_status bmis__wire_inspection_hits_read(const char *text,
                                            bmis_inspection_hit **out,
                                            size_t *count, bmis_error *err);
/* The answer to a protection need raised after the decision
 * (bmis_inspection_protect): {"id","movement_id" (both id),"decision",
 * "refusals_turned","referrals":[kind names],"held"}. Compact JSON, a
 * string the caller frees with free(); NULL when out of memory. */
char *bmis__wire_protection_raised_text(const char *id, bmis_decision decision,
                                        int refusals_turned,
                                        const bmis_referral_kind *referrals,
                                        int referral_count, bool held);
#endif
