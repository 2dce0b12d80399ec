/* Country and authority codes: ISO 3166-1 plus the codes ICAO Doc 9303
 * Part 3 adds for MRZs (D, the GB variants, UN and EU bodies, XX* stateless
 * and refugee codes, UTO and other specimen codes) and withdrawn codes still
 * seen on old records.
 *
 * The table is compiled into the library from data/countries.tsv. Rows are
 * static: callers never free them. */
#ifndef BMIS_COUNTRY_H
#define BMIS_COUNTRY_H

#include "bmis/export.h"

#include <stddef.h>

/* X(NAME, "name"), values from 0, append only. ISO: officially assigned
 * ISO 3166-1 alpha-3; ICAO_STATE: a state's ICAO-only code, e.g. D
 * (Germany); ICAO_GB: British nationality variants GBD GBN ...;
 * ORGANISATION: UN, EU and other issuing organisations; STATELESS: XXA XXB
 * XXC XXX; SPECIMEN: UTO and other codes reserved for specimens; HISTORIC:
 * withdrawn or transitionally reserved codes. */
#define BMIS_COUNTRY_KIND_TABLE(X)                                             \
  X(ISO, "iso")                                                                \
  X(ICAO_STATE, "icao_state")                                                  \
  X(ICAO_GB, "icao_gb")                                                        \
  X(ORGANISATION, "organisation")                                              \
  X(STATELESS, "stateless")                                                    \
  X(SPECIMEN, "specimen")                                                      \
  X(HISTORIC, "historic")

typedef enum bmis_country_kind {
#define X(n, c) BMIS_COUNTRY_##n,
  BMIS_COUNTRY_KIND_TABLE(X)
#undef X
} bmis_country_kind;

typedef struct bmis_country {
  const char *code;    /* MRZ code without fillers: "DEU", "D", "UNO" */
  const char *alpha2;  /* ISO alpha-2 ("DE"), "" when none */
  const char *numeric; /* ISO numeric ("276"), "" when none */
  const char *sdmx;    /* Eurostat code ("EL" for Greece), "" when none */
  bmis_country_kind kind;
  const char *name;     /* English short name */
  const char *variants; /* other names, '|'-separated, "" when none */
} bmis_country;

/* Number of rows in the table, and row i (0 <= i < count), sorted by code. */
BMIS_API size_t bmis_country_count(void);
BMIS_API const bmis_country *bmis_country_at(size_t i);

/* Row for an MRZ code of 1-3 upper-case letters, with or without trailing
 * fillers ("D<<", "D", "DEU"); `len` is the number of bytes to read (at most
 * 3 are used). NULL when unknown. Constant time. */
BMIS_API const bmis_country *bmis_country_by_code(const char *code, size_t len);

/* Row for an alpha-2 code (case-insensitive), including Eurostat's
 * exceptions (EL, UK); prefers the ISO row when several rows share one
 * alpha-2 (DE: DEU rather than D). NULL when unknown. */
BMIS_API const bmis_country *bmis_country_by_alpha2(const char *alpha2);

/* Row for an ISO numeric code (e.g. 276). NULL when unknown. */
BMIS_API const bmis_country *bmis_country_by_numeric(int numeric);

/* Row whose name or one of its variants equals `name`, ignoring case,
 * accents, punctuation and spacing ("Iran (Islamic Republic of)", "iran",
 * "Korea, North", "Côte d'Ivoire"). NULL when none. */
BMIS_API const bmis_country *bmis_country_by_name(const char *name);

/* Tries, in order: MRZ code, alpha-2, numeric, name. NULL when none. */
BMIS_API const bmis_country *bmis_country_lookup(const char *text);

/* Stable lower-case name of a kind ("iso", "specimen", …). */
BMIS_API const char *bmis_country_kind_name(bmis_country_kind kind);

#endif
