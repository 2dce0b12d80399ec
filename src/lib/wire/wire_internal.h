/* Shared between wire/ and the library modules above it, without jansson:
 * the text forms the register stores, and the crossing an MRZ gives. */
#ifndef BMIS_WIRE_INTERNAL_H
#define BMIS_WIRE_INTERNAL_H

#include "bmis/doc.h"
#include "bmis/inspect.h"
#include "bmis/register.h"
#include "bmis/screen.h"

/* The traveller and document of a crossing as an MRZ gives them (whatever
 * its findings: the caller decides whether they are good enough). */
void bmis__crossing_from_doc(const bmis_doc *doc, bmis_crossing *c);

/* A movement as the history keeps it: compact JSON with sorted members, a
 * string the caller frees with bmis__free(); NULL when out of memory. */
char *bmis__wire_movement_snapshot(const bmis_movement *m);

/* Rows of text cells (cells[row * cols + col]) as a compact JSON array of
 * arrays, an empty or NULL cell as null: how the store hands PostgreSQL a
 * batch in one statement. A string the caller frees with bmis__free(); NULL
 * when out of memory or when a cell is not UTF-8. */
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
/* ---- watchlist entries (wire_watchlist.c, wire_watchlist_read.c) ---- */

/* The longest remarks an entry may have, in bytes. */
#define BMIS__WL_REMARKS_MAX 4000

/* The text of an entry: bmis_wire_wl_person (p) or bmis_wire_wl_document
 * (d, when p is NULL), compact; members sorted when canonical (the text
 * that is stored and hashed), else in the encoder's order (a line of the
 * JSON-lines format). In *out, which the caller frees with free().
 * E_INVALID_ARG when a text is not UTF-8 (or the encoder ran out of
 * memory), E_NOMEM. */
bmis_status bmis__wire_wl_entry_text(const bmis_wl_person *p,
                                     const bmis_wl_document *d, bool canonical,
                                     char **out);

/* The first line of the JSON-lines format, {"kind":"list","version":v},
 * compact, without its line break; a string the caller frees with free(),
 * NULL when v is not UTF-8 or out of memory. */
char *bmis__wire_wl_list_line(const char *version);

/* What a text is read as: an entry the store keeps, or a line of the
 * JSON-lines format (the first may be the list line). */
typedef enum bmis__wl_read_as {
  BMIS__WL_READ_ENTRY,
  BMIS__WL_READ_FIRST_LINE,
  BMIS__WL_READ_LINE
} bmis__wl_read_as;

typedef enum bmis__wl_line_kind {
  BMIS__WL_LINE_NONE,
  BMIS__WL_LINE_PERSON,
  BMIS__WL_LINE_DOCUMENT,
  BMIS__WL_LINE_LIST
} bmis__wl_line_kind;

/* A decoded entry or list line, not yet checked by a content: the
 * person's arrays are the line's own, and every text (ref, the names,
 * birth places, remarks, version) is borrowed from the decoded JSON; all
 * of it lives until bmis__wire_wl_line_fini. */
typedef struct bmis__wl_line {
  bmis__wl_line_kind kind;
  char *ref;                 /* a person's or document's reference */
  bmis_wl_person person;     /* kind PERSON; its ref field is not used */
  bmis_wl_document document; /* kind DOCUMENT */
  char *version;             /* kind LIST: NULL when not given */
  void *json;                /* the decoded JSON (json_t *) */
} bmis__wl_line;

/* Decodes text (len bytes) into *out, which is cleared first. Errors name
 * the member ("names[1].quality: ... is not one of ..."): E_PARSE for
 * malformed JSON, E_INVALID_ARG for the rest, E_NOMEM. A list line read as
 * BMIS__WL_READ_LINE is "a "list" line must come first"; read as an entry,
 * kind "list" is unknown. *out is released with bmis__wire_wl_line_fini
 * whatever the outcome. */
bmis_status bmis__wire_wl_line_decode(const char *text, size_t len,
                                      bmis__wl_read_as as, bmis__wl_line *out,
                                      bmis_error *err);
void bmis__wire_wl_line_fini(bmis__wl_line *l);
#endif
