/* Printing the register's records (register_output.c). JSON builders
 * return new references (NULL when out of memory). */
#ifndef BMIS_CLI_REGISTER_OUTPUT_H
#define BMIS_CLI_REGISTER_OUTPUT_H

#include "cli.h"

#include <jansson.h>

json_t *out_movement_json(const bmis_movement *m);
void out_movement_text(FILE *f, const bmis_movement *m);
json_t *out_traveller_json(const bmis_traveller *t);
void out_traveller_text(FILE *f, const bmis_traveller *t);
json_t *out_document_json(const bmis_document *d);
json_t *out_flags_json(unsigned flags);
json_t *out_stay_json(const bmis_stay *s, bmis_date as_of);
void out_stay_text(FILE *f, const bmis_stay *s, bmis_date as_of);
/* Prints o on one line and releases it. */
void out_json_line(json_t *o);

#endif
