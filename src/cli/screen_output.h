/* Printing screening results (screen_output.c): the hits as JSON and as the
 * officer reads them. JSON builders return new references (NULL when out of
 * memory). */
#ifndef BMIS_CLI_SCREEN_OUTPUT_H
#define BMIS_CLI_SCREEN_OUTPUT_H

#include "bmis/screen.h"

#include <jansson.h>
#include <stdio.h>

/* The hits as an array of objects: person members only for person hits,
 * document members only for document hits; scores rounded to 3 decimals. */
json_t *screen_hits_json(const bmis_screen_result *r);

/* {"hits": [...], "candidates": n}. */
json_t *screen_result_json(const bmis_screen_result *r);

/* "no hits", or each hit's explanation (bmis_hit_explain). */
void screen_print_text(FILE *f, const bmis_screen_result *r);

/* A JSON string of s; text that is not UTF-8 with its bytes outside ASCII
 * as '?'. */
json_t *screen_json_text(const char *s);

/* Prints o on one line (reals as 0.8, not 0.80000000000000004) and
 * releases it. */
void screen_json_line(json_t *o);

#endif
