/* Reading list files (bmis_wl_read): the UN Security Council Consolidated
 * List XML (two real copies, exact counts and entries; malformed and hostile
 * documents refused with their position), the national CSV layout (every
 * column, RFC 4180 quoting, errors naming line and column) and the
 * dispatcher itself. */
#include "test_util.h"

#include "bmis/screen.h"

#include <stdio.h>
#include <stdlib.h>

#define DATA BMIS_TEST_DATA "/watchlists/"

/* ---- helpers ---- */

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  assert_int_equal(fseek(f, 0, SEEK_END), 0);
  long n = ftell(f);
  assert_true(n > 0);
  rewind(f);
  char *buf = malloc((size_t)n);
  assert_non_null(buf);
  assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
  fclose(f);
  *len = (size_t)n;
  return buf;
}

static bmis_wl_content *read_ok(bmis_wl_format format, const char *text,
                                size_t len) {
  bmis_wl_content *c = bmis_wl_content_new();
  assert_non_null(c);
  bmis_error err = {0};
  bmis_status st = bmis_wl_read(format, text, len, c, &err);
  if (st != BMIS_OK)
    fail_msg("unexpected error: %s", err.message);
  return c;
}

static bmis_wl_content *read_file(bmis_wl_format format, const char *path) {
  size_t len;
  char *data = slurp(path, &len);
  bmis_wl_content *c = read_ok(format, data, len);
  free(data);
  return c;
}

/* Reading text fails with `status` and a message containing `want`. */
static void read_fails(bmis_wl_format format, const char *text, size_t len,
                       bmis_status status, const char *want) {
  bmis_wl_content *c = bmis_wl_content_new();
  bmis_error err = {0};
  bmis_status st = bmis_wl_read(format, text, len, c, &err);
  if (st != status || !strstr(err.message, want))
    fail_msg("expected %s with \"%s\", got %s: \"%s\"",
             bmis_status_name(status), want, bmis_status_name(st), err.message);
  bmis_wl_content_free(c);
}

static void xml_fails(const char *xml, const char *want) {
  read_fails(BMIS_WL_FORMAT_UN_XML, xml, strlen(xml), BMIS_E_PARSE, want);
}

static void csv_fails(const char *csv, const char *want) {
  read_fails(BMIS_WL_FORMAT_CSV, csv, strlen(csv), BMIS_E_PARSE, want);
}

static const bmis_wl_person *person(const bmis_wl_content *c, const char *ref) {
  for (size_t i = 0; i < bmis_wl_person_count(c); i++)
    if (strcmp(bmis_wl_person_at(c, i)->ref, ref) == 0)
      return bmis_wl_person_at(c, i);
  fail_msg("no person %s", ref);
  return NULL;
}

static const bmis_wl_name *name_of(const bmis_wl_person *p, const char *text) {
  for (size_t i = 0; i < p->name_count; i++)
    if (strcmp(p->names[i].text, text) == 0)
      return &p->names[i];
  fail_msg("%s has no name '%s'", p->ref, text);
  return NULL;
}

static bool has_nationality(const bmis_wl_person *p, const char *code) {
  for (size_t i = 0; i < p->nationality_count; i++)
    if (strcmp(p->nationalities[i], code) == 0)
      return true;
  return false;
}

/* Every count the importer's mapping decides, over a whole list. */
typedef struct totals {
  size_t persons, names, primary, strong, weak, original;
  size_t births, full, year_month, year, approximate, range;
  size_t nationalities, with_nationality, birth_countries, birth_places;
  size_t documents, documents_with_state, passports, national_ids, sex, remarks,
      remarks_over;
} totals;

static totals count(const bmis_wl_content *c) {
  totals t;
  memset(&t, 0, sizeof t);
  t.persons = bmis_wl_person_count(c);
  for (size_t i = 0; i < t.persons; i++) {
    const bmis_wl_person *p = bmis_wl_person_at(c, i);
    t.names += p->name_count;
    for (size_t k = 0; k < p->name_count; k++) {
      t.primary += p->names[k].quality == BMIS_NAME_PRIMARY;
      t.strong += p->names[k].quality == BMIS_NAME_STRONG;
      t.weak += p->names[k].quality == BMIS_NAME_WEAK;
      t.original += p->names[k].original_script;
    }
    t.births += p->birth_count;
    for (size_t k = 0; k < p->birth_count; k++) {
      const bmis_wl_birth *b = &p->births[k];
      if (b->to_year)
        t.range++;
      else if (b->approximate)
        t.approximate++;
      else if (b->date.day)
        t.full++;
      else if (b->date.month)
        t.year_month++;
      else
        t.year++;
    }
    t.nationalities += p->nationality_count;
    t.with_nationality += p->nationality_count > 0;
    t.birth_countries += p->birth_country_count;
    t.birth_places += p->birth_place_count;
    t.documents += p->document_count;
    for (size_t k = 0; k < p->document_count; k++) {
      t.documents_with_state += p->documents[k].state[0] != 0;
      t.passports += strcmp(p->documents[k].type, "passport") == 0;
      t.national_ids += strcmp(p->documents[k].type, "national_id") == 0;
    }
    t.sex += p->sex != 0;
    t.remarks += p->remarks != NULL;
    t.remarks_over += p->remarks && strlen(p->remarks) > 4000;
  }
  return t;
}

/* ---- the UN list: the two real copies ---- */

static void un_2026_counts(void **state) {
  (void)state;
  bmis_wl_content *c =
      read_file(BMIS_WL_FORMAT_UN_XML, DATA "un_consolidated_2026-05-08.xml");
  assert_string_equal(bmis_wl_content_version(c), "2026-05-08T23:00:06.922Z");
  totals t = count(c);
  assert_int_equal(t.persons, 737); /* the 272 ENTITIES are not persons */
  assert_int_equal(bmis_wl_document_count(c), 0);
  assert_int_equal(t.names, 3315);
  assert_int_equal(t.primary, 737);
  assert_int_equal(t.strong, 1944);
  assert_int_equal(t.weak, 634);
  assert_int_equal(t.original, 364);
  assert_int_equal(t.births, 915);
  assert_int_equal(t.full, 504);
  assert_int_equal(t.year_month, 0);
  assert_int_equal(t.year, 264);
  assert_int_equal(t.approximate, 116);
  assert_int_equal(t.range, 31);
  /* 663 NATIONALITY values: every one resolves but "na". */
  assert_int_equal(t.nationalities, 662);
  assert_int_equal(t.with_nationality, 633);
  assert_int_equal(t.birth_countries, 568);
  assert_int_equal(t.birth_places, 619);
  /* 496 numbers listed; 6 repeat a document in another language. */
  assert_int_equal(t.documents, 490);
  assert_int_equal(t.documents_with_state, 352);
  assert_int_equal(t.passports, 341);
  assert_int_equal(t.national_ids, 149);
  assert_int_equal(t.sex, 55);
  assert_int_equal(t.remarks, 737);
  assert_int_equal(t.remarks_over, 0);
  bmis_wl_content_free(c);
}

static void un_2020_counts(void **state) {
  (void)state;
  bmis_wl_content *c =
      read_file(BMIS_WL_FORMAT_UN_XML, DATA "un_consolidated_2020-03-20.xml");
  assert_string_equal(bmis_wl_content_version(c),
                      "2020-03-20T19:09:21.822-04:00");
  totals t = count(c);
  assert_int_equal(t.persons, 709);
  assert_int_equal(t.names, 3214);
  assert_int_equal(t.primary, 709);
  assert_int_equal(t.strong, 1883);
  assert_int_equal(t.weak, 622);
  assert_int_equal(t.original, 391);
  assert_int_equal(t.births, 873);
  assert_int_equal(t.full, 467); /* 3 written with a zone: 1960-01-01-05:00 */
  assert_int_equal(t.year, 254);
  assert_int_equal(t.approximate, 120);
  assert_int_equal(t.range, 32);
  assert_int_equal(t.nationalities, 646);
  assert_int_equal(t.with_nationality, 623);
  assert_int_equal(t.birth_countries, 554);
  assert_int_equal(t.birth_places, 626);
  assert_int_equal(t.documents, 413);
  assert_int_equal(t.documents_with_state, 273);
  assert_int_equal(t.sex, 60); /* "Male", "MALE", "Female"; not "Unknown" */
  assert_int_equal(t.remarks_over, 0);
  bmis_wl_content_free(c);
}

static void un_entries(void **state) {
  (void)state;
  bmis_wl_content *c =
      read_file(BMIS_WL_FORMAT_UN_XML, DATA "un_consolidated_2026-05-08.xml");

  /* The first entry: names with stray spaces, one alias, no birth data. */
  const bmis_wl_person *p = bmis_wl_person_at(c, 0);
  assert_string_equal(p->ref, "SDi.007");
  assert_int_equal(p->name_count, 2);
  assert_string_equal(p->names[0].text, "GEDO HAMDAN AHMED");
  assert_int_equal(p->names[0].quality, BMIS_NAME_PRIMARY);
  assert_false(p->names[0].original_script);
  assert_string_equal(p->names[1].text, "ABU NASHUK");
  assert_int_equal(p->names[1].quality, BMIS_NAME_STRONG);
  assert_int_equal(p->birth_count, 0);
  assert_int_equal(p->nationality_count, 1);
  assert_string_equal(p->nationalities[0], "SDN");
  assert_int_equal(p->sex, 0); /* "Gender: Male." only in the comments */
  assert_string_equal(p->remarks,
                      "UN Sudan list, listed on 2026-02-24. Designation: "
                      "Commander for the North Darfur section of the Rapid "
                      "Support Forces. Gender: Male.");

  p = person(c, "QDi.335");
  assert_int_equal(p->name_count, 8);
  assert_string_equal(p->names[0].text, "\xe2\x80\x98"
                                        "ABD AL-RAHMAN KHALAF "
                                        "\xe2\x80\x98"
                                        "UBAYD JUDAY\xe2\x80\x99 "
                                        "AL-\xe2\x80\x98"
                                        "ANIZI");
  assert_int_equal(name_of(p, "\xe2\x80\x98"
                              "Abd al-Rahman Khalaf al-Anizi")
                       ->quality,
                   BMIS_NAME_STRONG);
  assert_int_equal(name_of(p, "Abu Usamah al-Kuwaiti")->quality,
                   BMIS_NAME_WEAK);
  assert_int_equal(name_of(p, "Yusuf")->quality, BMIS_NAME_WEAK);
  assert_int_equal(p->birth_count, 1);
  assert_int_equal(p->births[0].date.year, 1973);
  assert_int_equal(p->births[0].date.month, 3);
  assert_int_equal(p->births[0].date.day, 6);
  assert_true(has_nationality(p, "KWT"));
  assert_int_equal(p->document_count, 1);
  assert_string_equal(p->documents[0].type, "national_id");
  assert_string_equal(p->documents[0].state, "KWT");
  assert_string_equal(p->documents[0].number, "273030601222");
  assert_non_null(strstr(p->remarks, "in absentia on 30 July 2015"));

  /* Aliases holding several names: split at ';'; an original-script alias
   * with its transliterations in parentheses; a note in parentheses
   * dropped; "b)" enumerations; ", born ..." cut. */
  p = person(c, "IRi.038");
  assert_int_equal(p->name_count, 10);
  assert_int_equal(name_of(p, "Hossein Saleemi")->quality, BMIS_NAME_STRONG);
  p = person(c, "QDi.299");
  const bmis_wl_name *n = name_of(p, "\xd8\xa3\xd8\xa8\xd9\x88 \xd8\xa8\xd9\x83"
                                     "\xd8\xb1 \xd8\xa7\xd9\x84\xd8\xa8\xd8\xba"
                                     "\xd8\xaf\xd8\xa7\xd8\xaf\xd9\x8a \xd8\xa7"
                                     "\xd9\x84\xd8\xad\xd8\xb3\xd9\x8a\xd9\x86"
                                     "\xd9\x8a \xd8\xa7\xd9\x84\xd9\x82\xd8\xb1"
                                     "\xd9\x8a\xd8\xb4\xd9\x8a");
  assert_true(n->original_script);
  assert_int_equal(n->quality, BMIS_NAME_WEAK);
  assert_false(name_of(p, "Abu Bakr al-Baghdadi")->original_script);
  assert_int_equal(name_of(p, "Abu Bakr al-Baghdadi")->quality, BMIS_NAME_WEAK);
  assert_true(p->names[1].original_script); /* NAME_ORIGINAL_SCRIPT */
  assert_int_equal(p->names[1].quality, BMIS_NAME_STRONG);
  p = person(c, "QDi.057");
  name_of(p, "Abdel Ilah Sabri");
  for (size_t i = 0; i < p->name_count; i++)
    assert_null(strstr(p->names[i].text, "false identity"));
  p = person(c, "IRi.034");
  name_of(p, "Mohammad Sabet");
  name_of(p, "M. Javad Kareemi Sabet");
  p = person(c, "LYi.019");
  name_of(p, "Safia Farkash Mohammed Al-Hadad");
  assert_int_equal(p->name_count, 2);
  assert_true(p->births[0].approximate);
  assert_int_equal(p->births[0].date.year, 1952);

  /* A range of years, and a year next to a full date. */
  p = person(c, "TAi.154");
  assert_int_equal(p->birth_count, 3);
  assert_int_equal(p->births[2].date.year, 1963);
  assert_int_equal(p->births[2].date.day, 1);
  bool range = false;
  for (size_t i = 0; i < bmis_wl_person_count(c) && !range; i++) {
    const bmis_wl_person *q = bmis_wl_person_at(c, i);
    for (size_t k = 0; k < q->birth_count; k++)
      if (q->births[k].to_year == 1982 && q->births[k].date.year == 1977)
        range = true;
  }
  assert_true(range);

  /* "na" is not Namibia: neither a name part nor a nationality. */
  p = person(c, "TAi.153");
  assert_string_equal(p->names[0].text, "FAIZULLAH KHAN NOORZAI");
  p = person(c, "SDi.001");
  assert_false(has_nationality(p, "NAM"));
  assert_non_null(strstr(p->remarks, "Nationality as listed: na."));
  /* "former Soviet Union" is the historic code. */
  assert_true(has_nationality(person(c, "QDi.290"), "SUN"));
  bmis_wl_content_free(c);
}

static void un_2020_oddities(void **state) {
  (void)state;
  bmis_wl_content *c =
      read_file(BMIS_WL_FORMAT_UN_XML, DATA "un_consolidated_2020-03-20.xml");
  /* A date with a zone; "R00005943, South Sudan" in NUMBER. */
  const bmis_wl_person *p = person(c, "SSi.005");
  assert_int_equal(p->births[0].date.year, 1960);
  assert_int_equal(p->births[0].date.day, 1);
  assert_string_equal(p->documents[0].number, "R00005943");
  assert_string_equal(p->documents[0].state, "SSD");
  /* "Sudan/South Sudan": both. */
  p = person(c, "SSi.004");
  assert_int_equal(p->birth_country_count, 2);
  assert_string_equal(p->birth_countries[0], "SDN");
  assert_string_equal(p->birth_countries[1], "SSD");
  assert_string_equal(p->birth_places[0], "Aweil");
  /* The same passport in three languages, "RPDC" among the states. */
  p = person(c, "KPi.009");
  assert_int_equal(p->sex, 'M'); /* "MALE" */
  assert_int_equal(p->document_count, 1);
  assert_string_equal(p->documents[0].state, "PRK");
  /* Statements about nationality resolve what they name and keep the
   * rest in the remarks. */
  for (size_t i = 0; i < bmis_wl_person_count(c); i++) {
    p = bmis_wl_person_at(c, i);
    if (p->remarks && strstr(p->remarks, "Nationality as listed: Kuwaiti "
                                         "citizenship withdrawn in 2002."))
      break;
    p = NULL;
  }
  assert_non_null(p);
  /* The state in ISSUING_COUNTRY as "Indonesian passport". */
  p = person(c, "QDi.348");
  assert_string_equal(p->documents[0].number, "W344982");
  assert_string_equal(p->documents[0].state, "IDN");
  p = person(c, "IRi.041");
  assert_string_equal(p->documents[0].state, "IRN"); /* "Iran / unknown" */
  bmis_wl_content_free(c);
}

/* ---- the UN list: the mapping on small documents ---- */

#define HEAD                                                                   \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                               \
  "<CONSOLIDATED_LIST dateGenerated=\"2026-01-02T03:04:05Z\">\n"
#define IND(ref, inner)                                                        \
  "<INDIVIDUAL><FIRST_NAME>A</FIRST_NAME><SECOND_NAME>B</SECOND_NAME>"         \
  "<REFERENCE_NUMBER>" ref "</REFERENCE_NUMBER>" inner "</INDIVIDUAL>\n"

static void un_small(void **state) {
  (void)state;
  const char *xml = HEAD "<INDIVIDUALS>\n" IND(
      "XXi.001",
      "<THIRD_NAME>  C\n D </THIRD_NAME><GENDER>Female</GENDER>"
      "<NATIONALITY><VALUE>Iran (Islamic Republic of)</VALUE>"
      "<VALUE>T\xc3\xbcrkiye</VALUE><VALUE>State of Palestine</VALUE>"
      "<VALUE>Indonesia (as at Dec. 2003)</VALUE></NATIONALITY>"
      "<INDIVIDUAL_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>E F; G H"
      "</ALIAS_NAME></INDIVIDUAL_ALIAS>"
      "<INDIVIDUAL_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>"
      "\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd</ALIAS_NAME><DATE_OF_BIRTH>1955"
      "</DATE_OF_BIRTH></INDIVIDUAL_ALIAS>"
      "<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>"
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE>"
      "<DATE>1965-03-02Z</DATE></INDIVIDUAL_DATE_OF_BIRTH>"
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY"
      "</TYPE_OF_DATE><YEAR>1966</YEAR></INDIVIDUAL_DATE_OF_BIRTH>"
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE>"
      "<FROM_YEAR>1960</FROM_YEAR><TO_YEAR>1962</TO_YEAR>"
      "</INDIVIDUAL_DATE_OF_BIRTH>"
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE>"
      "<NOTE>unknown</NOTE></INDIVIDUAL_DATE_OF_BIRTH>"
      "<INDIVIDUAL_PLACE_OF_BIRTH><CITY>Qom</CITY><STATE_PROVINCE>Qom "
      "Province</STATE_PROVINCE><COUNTRY>Iran (Islamic Republic of)"
      "</COUNTRY></INDIVIDUAL_PLACE_OF_BIRTH>"
      "<INDIVIDUAL_PLACE_OF_BIRTH><CITY>Atlantis</CITY><COUNTRY>Lemuria"
      "</COUNTRY></INDIVIDUAL_PLACE_OF_BIRTH>"
      "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>N\xc3\xbamero de pasaporte"
      "</TYPE_OF_DOCUMENT><NUMBER> D9016657 </NUMBER><ISSUING_COUNTRY>"
      "Iran (Islamic Republic of)</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>"
      "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Driving Licence"
      "</TYPE_OF_DOCUMENT><NUMBER>Counterfeit Danish driving licence "
      "number 20645897</NUMBER></INDIVIDUAL_DOCUMENT>"
      "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT>"
      "<NOTE>no number</NOTE></INDIVIDUAL_DOCUMENT>"
      "<COMMENTS1>Some  comment.</COMMENTS1>"
      "<UN_LIST_TYPE>Test</UN_LIST_TYPE><LISTED_ON>2020-01-01"
      "</LISTED_ON>") "</INDIVIDUALS>\n"
                      "<ENTITIES><ENTITY><FIRST_NAME>ACME</FIRST_NAME>"
                      "<REFERENCE_NUMBER>XXe.001</REFERENCE_NUMBER>"
                      "</ENTITY></ENTITIES>\n"
                      "</CONSOLIDATED_LIST>\n";
  bmis_wl_content *c = read_ok(BMIS_WL_FORMAT_UN_XML, xml, strlen(xml));
  assert_string_equal(bmis_wl_content_version(c), "2026-01-02T03:04:05Z");
  assert_int_equal(bmis_wl_person_count(c), 1);
  const bmis_wl_person *p = bmis_wl_person_at(c, 0);
  assert_int_equal(p->name_count, 4);
  assert_string_equal(p->names[0].text, "A B C D");
  assert_string_equal(p->names[1].text, "E F");
  assert_string_equal(p->names[2].text, "G H");
  assert_int_equal(p->names[2].quality, BMIS_NAME_STRONG);
  assert_true(p->names[3].original_script);
  assert_int_equal(p->sex, 'F');
  assert_int_equal(p->nationality_count, 4);
  assert_string_equal(p->nationalities[0], "IRN");
  assert_string_equal(p->nationalities[1], "TUR");
  assert_string_equal(p->nationalities[2], "PSE");
  assert_string_equal(p->nationalities[3], "IDN");
  /* births: the alias's year, the exact date (zone dropped), circa, range */
  assert_int_equal(p->birth_count, 4);
  assert_int_equal(p->births[0].date.year, 1955);
  assert_int_equal(p->births[1].date.month, 3);
  assert_int_equal(p->births[1].date.day, 2);
  assert_true(p->births[2].approximate);
  assert_int_equal(p->births[2].date.year, 1966);
  assert_int_equal(p->births[3].date.year, 1960);
  assert_int_equal(p->births[3].to_year, 1962);
  assert_int_equal(p->birth_country_count, 1);
  assert_string_equal(p->birth_countries[0], "IRN");
  assert_int_equal(p->birth_place_count, 2);
  assert_string_equal(p->birth_places[0], "Qom, Qom Province");
  assert_string_equal(p->birth_places[1], "Atlantis, Lemuria");
  assert_int_equal(p->document_count, 2);
  assert_string_equal(p->documents[0].type, "passport");
  assert_string_equal(p->documents[0].state, "IRN");
  assert_string_equal(p->documents[0].number, "D9016657");
  assert_string_equal(p->documents[1].type, "driving licence");
  assert_string_equal(p->documents[1].state, "");
  assert_string_equal(p->documents[1].number, "20645897");
  assert_string_equal(p->remarks,
                      "UN Test list, listed on 2020-01-01. Nationality as "
                      "listed: Indonesia (as at Dec. 2003). Some comment.");
  bmis_wl_content_free(c);
}

/* Remarks are cut at 4000 bytes, never inside a UTF-8 sequence. */
static void un_long_remarks(void **state) {
  (void)state;
  size_t n = 6000;
  char *comment = malloc(n * 2 + 1);
  for (size_t i = 0; i < n; i++)
    memcpy(comment + 2 * i, "\xc3\xa9", 2); /* é */
  comment[n * 2] = 0;
  const char *head = HEAD "<INDIVIDUALS><INDIVIDUAL><FIRST_NAME>A</FIRST_NAME>"
                          "<REFERENCE_NUMBER>X.1</REFERENCE_NUMBER>"
                          "<UN_LIST_TYPE>T</UN_LIST_TYPE><COMMENTS1>";
  const char *tail = "</COMMENTS1></INDIVIDUAL></INDIVIDUALS>"
                     "</CONSOLIDATED_LIST>";
  size_t len = strlen(head) + strlen(comment) + strlen(tail);
  char *xml = malloc(len + 1);
  snprintf(xml, len + 1, "%s%s%s", head, comment, tail);
  bmis_wl_content *c = read_ok(BMIS_WL_FORMAT_UN_XML, xml, len);
  const char *r = bmis_wl_person_at(c, 0)->remarks;
  size_t rl = strlen(r);
  assert_true(rl <= 4000 && rl >= 3998);
  assert_int_equal((unsigned char)r[rl - 1], 0xa9); /* ends with a whole é */
  assert_int_equal(strncmp(r, "UN T list. ", 11), 0);
  bmis_wl_content_free(c);
  free(xml);
  free(comment);
}

/* ---- the UN list: malformed and hostile documents ---- */

static void un_malformed(void **state) {
  (void)state;
  /* Not well-formed: libxml2's message with line and column. */
  xml_fails(HEAD "<INDIVIDUALS>\n" IND("X.1", "") "<INDIVIDUAL><FIRST_NAME>A",
            "line 5, column 25: Premature end of data");
  xml_fails(HEAD "</CONSOLIDATED_LIST>\n<x/>",
            "line 4, column 1: Extra content at the end of the document");
  xml_fails(HEAD "<INDIVIDUALS>\n<INDIVIDUAL></INDIVIDUALS>",
            "line 4, column 27: Opening and ending tag mismatch: INDIVIDUAL "
            "line 4 and INDIVIDUALS");
  xml_fails("<CONSOLIDATED_LIST>&nbsp;</CONSOLIDATED_LIST>",
            "line 1, column 26: Entity 'nbsp' not defined");
  xml_fails("just text", "line 1, column 1: Document is empty");
  /* Structure: the element at fault and its line. */
  xml_fails("<?xml version=\"1.0\"?>\n<SANCTIONS/>",
            "line 2: the root element is SANCTIONS, not CONSOLIDATED_LIST");
  xml_fails(
      HEAD "<INDIVIDUALS>\n" IND("X.1", "") IND(
          "X.2", "") "<INDIVIDUAL>\n<FIRST_NAME>A</FIRST_NAME></INDIVIDUAL>\n"
                     "</INDIVIDUALS></CONSOLIDATED_LIST>",
      "line 6: INDIVIDUAL has no REFERENCE_NUMBER");
  xml_fails(HEAD "<INDIVIDUALS>\n" IND("X.1", "") IND("X.2", "")
                IND("X.1", "") "</INDIVIDUALS></CONSOLIDATED_LIST>",
            "line 6: REFERENCE_NUMBER 'X.1' appears twice");
  xml_fails(HEAD "<INDIVIDUALS>\n" IND(
                "X.1", "\n<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT"
                       "</TYPE_OF_DATE>\n<DATE>1965-13-02</DATE>"
                       "</INDIVIDUAL_DATE_OF_BIRTH>") "</INDIVIDUALS>"
                                                      "</CONSOLIDATED_LIST>",
            "line 6: DATE '1965-13-02' is not a date (YYYY-MM-DD)");
  xml_fails(HEAD "<INDIVIDUALS>\n" IND(
                "X.1", "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT"
                       "</TYPE_OF_DATE><DATE>2 March 1965</DATE>"
                       "</INDIVIDUAL_DATE_OF_BIRTH>") "</INDIVIDUALS>"
                                                      "</CONSOLIDATED_LIST>",
            "line 4: DATE '2 March 1965' is not a date");
  xml_fails(HEAD "<INDIVIDUALS>\n" IND(
                "X.1", "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY"
                       "</TYPE_OF_DATE><YEAR>196</YEAR>"
                       "</INDIVIDUAL_DATE_OF_BIRTH>") "</INDIVIDUALS>"
                                                      "</CONSOLIDATED_LIST>",
            "line 4: YEAR '196' is not a year (YYYY)");
  xml_fails(
      HEAD "<INDIVIDUALS>\n" IND(
          "X.1",
          "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN"
          "</TYPE_OF_DATE><FROM_YEAR>1970</FROM_YEAR><TO_YEAR>"
          "1960</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>") "</INDIVIDUALS></"
                                                       "CONSOLIDATED_LIST>",
      "line 4: FROM_YEAR: birth years 1970-1960 are not a range");
  xml_fails(HEAD "<INDIVIDUALS>\n" IND(
                "X.1", "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>SOMETIME"
                       "</TYPE_OF_DATE><YEAR>1960</YEAR>"
                       "</INDIVIDUAL_DATE_OF_BIRTH>") "</INDIVIDUALS>"
                                                      "</CONSOLIDATED_LIST>",
            "line 4: TYPE_OF_DATE 'SOMETIME' is not EXACT, APPROXIMATELY or "
            "BETWEEN");
  xml_fails(HEAD "<INDIVIDUALS>\n<INDIVIDUAL><REFERENCE_NUMBER>X.1"
                 "</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS>"
                 "</CONSOLIDATED_LIST>",
            "line 4: INDIVIDUAL 'X.1' has no name");
  /* A DOCTYPE is refused before libxml2 reads it: no DTD, no entities. */
  xml_fails("<?xml version=\"1.0\"?>\n"
            "<!DOCTYPE CONSOLIDATED_LIST [\n"
            "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
            "<CONSOLIDATED_LIST><INDIVIDUALS>" IND(
                "X.1", "<COMMENTS1>&xxe;"
                       "</COMMENTS1>") "</INDIVIDUALS></CONSOLIDATED_LIST>",
            "line 2: DOCTYPE is not allowed");
  xml_fails("<!-- a comment\n-->\n<!DOCTYPE x [<!ENTITY a \"aaaaaaaa\">"
            "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<x>&b;</x>",
            "line 3: DOCTYPE is not allowed");
  /* Read as UTF-8 whatever the declaration says. */
  xml_fails("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
            "<CONSOLIDATED_LIST><INDIVIDUALS>" IND(
                "X.1", "<THIRD_NAME>Jos\xe9"
                       "</THIRD_NAME>") "</INDIVIDUALS></CONSOLIDATED_LIST>",
            "line 2: not UTF-8 text (the list must be UTF-8 XML)");
  /* ... also where libxml2 would let it through (found by fuzzing). */
  xml_fails(HEAD "<INDIVIDUALS>\n" IND(
                "X.1",
                "\n<SECOND_NAME><![CDATA[B \xc1"
                "\xa0 C]]></SECOND_NAME>") "</INDIVIDUALS></CONSOLIDATED_LIST>",
            "line 5: not UTF-8 text");
  read_fails(BMIS_WL_FORMAT_UN_XML, "<CONSOLIDATED_LIST>\0</x>", 24,
             BMIS_E_PARSE, "line 1: a NUL byte");
}

/* Caps on one person: 500 names, 100 of anything else. */
static void un_caps(void **state) {
  (void)state;
  size_t cap = 64 * 1024;
  char *xml = malloc(cap);
  int k = snprintf(xml, cap,
                   "%s<INDIVIDUALS>\n<INDIVIDUAL><FIRST_NAME>A"
                   "</FIRST_NAME><REFERENCE_NUMBER>X.1"
                   "</REFERENCE_NUMBER>\n<INDIVIDUAL_ALIAS><ALIAS_NAME>",
                   HEAD);
  for (int i = 0; i < 600; i++) /* names without digits: "ba", "bb"... */
    k += snprintf(xml + k, cap - (size_t)k, "%c%c%c;", 'a' + i / 26 % 26,
                  'a' + i % 26, 'a' + i / 676);
  snprintf(xml + k, cap - (size_t)k,
           "</ALIAS_NAME></INDIVIDUAL_ALIAS>"
           "</INDIVIDUAL></INDIVIDUALS>"
           "</CONSOLIDATED_LIST>");
  xml_fails(xml, "line 5: INDIVIDUAL 'X.1' has more than 500 names");
  k = snprintf(xml, cap,
               "%s<INDIVIDUALS>\n<INDIVIDUAL><FIRST_NAME>A"
               "</FIRST_NAME><REFERENCE_NUMBER>X.1"
               "</REFERENCE_NUMBER>\n",
               HEAD);
  for (int i = 0; i < 101; i++)
    k += snprintf(xml + k, cap - (size_t)k,
                  "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT"
                  "</TYPE_OF_DATE><YEAR>%d</YEAR></INDIVIDUAL_DATE_OF_BIRTH>",
                  1900 + i);
  snprintf(xml + k, cap - (size_t)k,
           "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>");
  xml_fails(xml, "INDIVIDUAL 'X.1' has more than 100 dates of birth");
  free(xml);
}

/* The real file cut short: the position of the end is reported. */
static void un_truncated(void **state) {
  (void)state;
  size_t len;
  char *data = slurp(DATA "un_consolidated_2026-05-08.xml", &len);
  bmis_wl_content *c = bmis_wl_content_new();
  bmis_error err = {0};
  assert_int_equal(bmis_wl_read(BMIS_WL_FORMAT_UN_XML, data, len / 2, c, &err),
                   BMIS_E_PARSE);
  assert_non_null(strstr(err.message, "line "));
  assert_non_null(strstr(err.message, ", column "));
  assert_non_null(strstr(err.message, "Premature end of data"));
  bmis_wl_content_free(c);
  free(data);
}

/* ---- CSV ---- */

static void csv_sample(void **state) {
  (void)state;
  bmis_wl_content *c =
      read_file(BMIS_WL_FORMAT_CSV, DATA "national_sample.csv");
  assert_string_equal(bmis_wl_content_version(c), "");
  assert_int_equal(bmis_wl_person_count(c), 3);
  assert_int_equal(bmis_wl_document_count(c), 2);
  const bmis_wl_person *p = bmis_wl_person_at(c, 0);
  assert_string_equal(p->ref, "NAT-0001");
  assert_int_equal(p->name_count, 5);
  assert_string_equal(p->names[0].text, "Ivan Petrovich SIDOROV");
  assert_int_equal(p->names[0].quality, BMIS_NAME_PRIMARY);
  assert_string_equal(p->names[2].text, "Vanya Sidorov");
  assert_int_equal(p->names[2].quality, BMIS_NAME_STRONG);
  assert_string_equal(p->names[3].text, "Vanya");
  assert_int_equal(p->names[3].quality, BMIS_NAME_WEAK);
  assert_true(p->names[4].original_script);
  assert_int_equal(p->birth_count, 2);
  assert_int_equal(p->births[0].date.day, 12);
  assert_true(p->births[1].approximate);
  assert_int_equal(p->births[1].date.year, 1962);
  assert_int_equal(p->nationality_count, 2);
  assert_string_equal(p->nationalities[1], "UKR");
  assert_int_equal(p->sex, 'M');
  assert_string_equal(p->birth_places[0], "Kyiv, Ukrainian SSR");
  assert_int_equal(p->document_count, 2);
  assert_string_equal(p->documents[0].type, "passport");
  assert_string_equal(p->documents[0].state, "RUS");
  assert_string_equal(p->documents[0].number, "720000001");
  assert_string_equal(p->documents[1].state, "");
  assert_string_equal(p->documents[1].number, "4510 123456");
  assert_string_equal(p->remarks, "Listed 2024; \"high risk\", see file "
                                  "12/2024");
  p = bmis_wl_person_at(c, 1);
  assert_string_equal(p->names[1].text, "Amina Hassan, Jr.");
  assert_int_equal(p->births[0].date.year, 1980);
  assert_int_equal(p->births[0].to_year, 1985);
  assert_string_equal(p->nationalities[0], "SOM");
  assert_int_equal(p->birth_place_count, 2);
  assert_string_equal(p->birth_places[1], "Kismayo");
  assert_string_equal(p->remarks, "Two lines\r\nof remarks");
  p = bmis_wl_person_at(c, 2);
  assert_string_equal(p->names[0].text, "O'Brien, Sean");
  assert_int_equal(p->births[0].date.month, 6);
  assert_int_equal(p->births[0].date.day, 0);
  assert_int_equal(p->sex, 'X');
  const bmis_wl_document *d = bmis_wl_document_at(c, 0);
  assert_string_equal(d->ref, "DOC-0001");
  assert_string_equal(d->state, "KEN");
  assert_string_equal(d->number, "AK0012345");
  assert_string_equal(d->type, "P");
  assert_int_equal(d->status, BMIS_DOC_STOLEN);
  assert_int_equal(d->reported.year, 2025);
  assert_string_equal(d->remarks, "Reported at Nairobi");
  d = bmis_wl_document_at(c, 1);
  assert_string_equal(d->state, "DEU");
  assert_int_equal(d->status, BMIS_DOC_LOST);
  assert_int_equal(d->reported.year, 0);
  assert_null(d->remarks);
  bmis_wl_content_free(c);
}

static void csv_quoting(void **state) {
  (void)state;
  /* BOM, LF, columns in another order and only some of them, blank lines,
   * a quoted field over three lines with doubled quotes and commas. */
  const char *csv = "\xef\xbb\xbfref,remarks,kind,name\n"
                    "\n"
                    "P1,\"a, \"\"b\"\"\nc,\n\",person,\"Doe, John\"\n"
                    "P2,,person,Roe\n"
                    "\"P3\",\"\",\"person\",\"\"\"Jo\"\" Poe\"";
  bmis_wl_content *c = read_ok(BMIS_WL_FORMAT_CSV, csv, strlen(csv));
  assert_int_equal(bmis_wl_person_count(c), 3);
  assert_string_equal(bmis_wl_person_at(c, 0)->names[0].text, "Doe, John");
  assert_string_equal(bmis_wl_person_at(c, 0)->remarks, "a, \"b\"\nc,");
  assert_null(bmis_wl_person_at(c, 1)->remarks);
  assert_string_equal(bmis_wl_person_at(c, 2)->names[0].text, "\"Jo\" Poe");
  bmis_wl_content_free(c);
  /* A header alone is an empty list. */
  c = read_ok(BMIS_WL_FORMAT_CSV, "kind,ref\r\n", 10);
  assert_int_equal(bmis_wl_person_count(c), 0);
  bmis_wl_content_free(c);
}

static void csv_errors(void **state) {
  (void)state;
  csv_fails("kind,ref,name,colour\n", "line 1, column 4: unknown column "
                                      "'colour'");
  csv_fails("kind,name\nperson,X\n", "line 1: the header has no 'ref' column");
  csv_fails("kind,ref,ref\n", "line 1, column 3: column 'ref' appears twice");
  csv_fails("", "the list file is empty");
  csv_fails("\n\n", "no header row");
  csv_fails("kind,ref,name\nperson,,X\n",
            "line 2, column ref: a reference is required");
  csv_fails("kind,ref,name\nperson,P1,\n",
            "line 2, column name: a person needs a name");
  csv_fails("kind,ref,name\nperson,P1,X\r\nentity,E1,Y\r\n",
            "line 3, column kind: 'entity' is not person or document");
  csv_fails("kind,ref,name,birth\nperson,P1,X,1965;1965-13\n",
            "line 2, column birth: '1965-13' is not a date of birth");
  csv_fails("kind,ref,name,birth\nperson,P1,X,1965-02-30\n",
            "line 2, column birth: '1965-02-30' is not a date of birth");
  csv_fails("kind,ref,name,birth\nperson,P1,X,1970..1960\n",
            "line 2, column birth: birth years 1970-1960 are not a range");
  csv_fails("kind,ref,name,birth\nperson,P1,X,1500\n",
            "line 2, column birth: year of birth 1500 is out of range");
  csv_fails("kind,ref,name,nationality\nperson,P1,X,KEN;Atlantis\n",
            "line 2, column nationality: 'Atlantis' is not a country");
  csv_fails("kind,ref,name,birth_country\nperson,P1,X,ZZZ\n",
            "line 2, column birth_country: 'ZZZ' is not a country");
  csv_fails("kind,ref,name,sex\nperson,P1,X,male\n",
            "line 2, column sex: 'male' is not F, M or X");
  csv_fails("kind,ref,name,documents\nperson,P1,X,passport-KEN-A1\n",
            "line 2, column documents: 'passport-KEN-A1' is not "
            "TYPE:STATE:NUMBER");
  csv_fails("kind,ref,name,documents\nperson,P1,X,passport:Atlantis:A1\n",
            "line 2, column documents: document state 'Atlantis' is not a "
            "country");
  csv_fails("kind,ref,doc_state,doc_number,doc_status\n"
            "document,D1,KEN,A1,misplaced\n",
            "line 2, column doc_status: 'misplaced' is not lost, stolen, "
            "revoked or invalidated");
  csv_fails("kind,ref,doc_state,doc_number,doc_status\n"
            "document,D1,Atlantis,A1,lost\n",
            "line 2, column doc_state: 'Atlantis' is not a country");
  csv_fails("kind,ref,doc_state,doc_number,doc_status,doc_type\n"
            "document,D1,KEN,A1,lost,passport\n",
            "line 2, column doc_type: 'passport' is not an ICAO document "
            "code");
  csv_fails("kind,ref,doc_state,doc_number,doc_status,reported\n"
            "document,D1,KEN,A1,lost,2025-02-30\n",
            "line 2, column reported: '2025-02-30' is not a date");
  csv_fails("kind,ref,doc_state,doc_number,doc_status\n"
            "document,D1,KEN,,lost\n",
            "line 2, column doc_number: a document number has 1-39 bytes");
  csv_fails("kind,ref,name,doc_status\nperson,P1,X,lost\n",
            "line 2, column doc_status: only for document rows");
  csv_fails("kind,ref,name,doc_state,doc_number,doc_status\n"
            "document,D1,X,KEN,A1,lost\n",
            "line 2, column name: only for person rows");
  csv_fails("kind,ref,name\nperson,P1,X\nperson,P1,Y\n",
            "line 3, column ref: reference 'P1' appears twice in the list");
  /* Structure: counts, quotes, sizes, encoding. */
  csv_fails("kind,ref,name\nperson,P1\n", "line 2: 2 fields, the header has 3");
  csv_fails("kind,ref,name\nperson,P1,X,Y\n",
            "line 2: more fields than the header's 3");
  csv_fails("kind,ref,name,remarks\nperson,P1,X,ok\nperson,P2,Y,\"open\n\n",
            "line 3, column remarks: unterminated quoted field");
  csv_fails("kind,ref,name\nperson,P1,\"X\"Y\n",
            "line 2, column name: text after the closing quote");
  csv_fails("kind,ref,name\nperson,P1,X \"Y\"\n",
            "line 2, column name: a quote inside an unquoted field");
  csv_fails("kind,ref,name\nperson,P1,\"a\nb\"\nperson,P2,\"X\"Y\n",
            "line 4, column name: text after the closing quote");
  csv_fails("kind,ref,name,remarks\nperson,P1,X,\"a\nb\"c\n",
            "line 2, column remarks: text after the closing quote");
  csv_fails("kind,ref,name\nperson,P1,\"a\nb\"\nperson,,Y\n",
            "line 4, column ref: a reference is required");
  csv_fails("kind,ref,name\nperson,P1,X\xff\n", "line 2: not UTF-8 text");
  read_fails(BMIS_WL_FORMAT_CSV, "kind,ref\nperson,P\0\n", 18, BMIS_E_PARSE,
             "line 2: not UTF-8 text (or a NUL byte)");
  csv_fails("kind,ref,name\nperson,P1,X\xed\xa0\x80\n", /* a surrogate */
            "line 2: not UTF-8 text");
  /* Caps: a field over 64 KiB, too many columns, a name over 255 bytes. */
  size_t big = 70000;
  char *csv = malloc(big + 64);
  int k = snprintf(csv, 64, "kind,ref,name,remarks\nperson,P1,X,\"");
  memset(csv + k, 'a', big);
  strcpy(csv + k + big, "\"\n");
  csv_fails(csv, "line 2, column remarks: a field is longer than 65536 bytes");
  memset(csv + k - 1, 'a', big); /* unquoted */
  csv_fails(csv, "line 2, column remarks: a field is longer than 65536 bytes");
  free(csv);
  char cols[400] = "";
  for (int i = 0; i < 40; i++)
    strcat(cols, "kind,");
  csv_fails(cols, "line 1: more than 32 columns");
  /* Caps on one person: 500 names, 100 of anything else. */
  char *many = malloc(8000);
  k = snprintf(many, 64, "kind,ref,name,aliases\nperson,P1,X,");
  for (int i = 0; i < 600; i++)
    k += snprintf(many + k, 16, "n%d;", i);
  strcpy(many + k, "\n");
  csv_fails(many, "line 2, column aliases: more than 500 names");
  k = snprintf(many, 64, "kind,ref,name,birth\nperson,P1,X,");
  for (int i = 0; i < 101; i++)
    k += snprintf(many + k, 16, "%d;", 1900 + i);
  strcpy(many + k, "\n");
  csv_fails(many, "line 2, column birth: more than 100 values");
  free(many);
  char row[600];
  snprintf(row, sizeof row, "kind,ref,name\nperson,P1,%0300d\n", 1);
  csv_fails(row, "line 2, column name: name '0000");
  char *long_remarks = malloc(4100);
  k = snprintf(long_remarks, 64, "kind,ref,remarks,name\nperson,P1,");
  memset(long_remarks + k, 'r', 4001);
  strcpy(long_remarks + k + 4001, ",X\n");
  csv_fails(long_remarks, "line 2, column remarks: remarks of 'P1' are "
                          "longer than 4000 bytes");
  free(long_remarks);
}

/* ---- the dispatcher ---- */

/* Issue 12, defect 14: an entry no traveller could ever match is refused by
 * every reader, with the line and entry at fault, never imported. */
static void unscreenable_entries(void **state) {
  (void)state;
  /* JSON lines: no names, names with no letter or digit, a document number
   * that normalises to nothing (a person's or a document entry's). */
  const char *jl = "{\"kind\":\"person\",\"ref\":\"OK-1\",\"names\":[{\"text\":"
                   "\"Jo Doe\",\"quality\":\"primary\"}]}\n"
                   "{\"kind\":\"person\",\"ref\":\"DP-1\"}\n";
  read_fails(BMIS_WL_FORMAT_JSONL, jl, strlen(jl), BMIS_E_PARSE,
             "line 2: person 'DP-1' has no name");
  jl = "{\"kind\":\"person\",\"ref\":\"DP-2\",\"names\":[]}\n";
  read_fails(BMIS_WL_FORMAT_JSONL, jl, strlen(jl), BMIS_E_PARSE,
             "line 1: person 'DP-2' has no name");
  jl = "{\"kind\":\"person\",\"ref\":\"DP-3\",\"names\":[{\"text\":\"-- !! "
       "--\",\"quality\":\"primary\"},{\"text\":\"\xe2\x80\x94\","
       "\"quality\":\"weak\"}]}\n";
  read_fails(BMIS_WL_FORMAT_JSONL, jl, strlen(jl), BMIS_E_PARSE,
             "line 1: person 'DP-3' has no name that can be screened");
  jl = "{\"kind\":\"person\",\"ref\":\"DP-4\",\"names\":[{\"text\":\"Jo "
       "Doe\",\"quality\":\"primary\"}],\"documents\":[{\"number\":\"-/-\"}]}"
       "\n";
  read_fails(BMIS_WL_FORMAT_JSONL, jl, strlen(jl), BMIS_E_PARSE,
             "line 1: person 'DP-4': document number '-/-' has no letter");
  jl = "{\"kind\":\"document\",\"ref\":\"DD-1\",\"state\":\"KEN\",\"number\":"
       "\"< <\",\"status\":\"lost\"}\n";
  read_fails(BMIS_WL_FORMAT_JSONL, jl, strlen(jl), BMIS_E_PARSE,
             "line 1: document 'DD-1': number '< <' has no letter or digit");
  /* One usable name is enough; a non-Latin name transliterates. */
  jl =
      "{\"kind\":\"person\",\"ref\":\"OK-2\",\"names\":[{\"text\":\"!!\","
      "\"quality\":\"primary\"},{\"text\":\"\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd\","
      "\"quality\":\"strong\"}]}\n";
  bmis_wl_content *c = read_ok(BMIS_WL_FORMAT_JSONL, jl, strlen(jl));
  assert_int_equal(bmis_wl_person_count(c), 1);
  bmis_wl_content_free(c);
  /* CSV. */
  csv_fails("kind,ref,name\nperson,P1,X\nperson,P2,\"- -\"\n",
            "line 3, column name: person 'P2' has no name that can be "
            "screened");
  csv_fails("kind,ref,name,documents\nperson,P1,X,P:KEN:--\n",
            "line 2, column documents: document number '--' has no letter");
  csv_fails("kind,ref,doc_state,doc_number,doc_status\n"
            "document,D1,KEN,A1,lost\ndocument,D2,KEN,\"< /\",lost\n",
            "line 3, column doc_number: '< /' has no letter or digit");
  /* UN XML: an individual whose names are only marks. */
  xml_fails(
      HEAD "<INDIVIDUALS>\n" IND(
          "X.1", "") "<INDIVIDUAL><FIRST_NAME>?</FIRST_NAME>"
                     "<REFERENCE_NUMBER>X.2</REFERENCE_NUMBER></INDIVIDUAL>\n"
                     "</INDIVIDUALS></CONSOLIDATED_LIST>",
      "line 5: INDIVIDUAL person 'X.2' has no name that can be "
      "screened");
}

static void read_dispatch(void **state) {
  (void)state;
  bmis_wl_content *c = bmis_wl_content_new();
  bmis_error err = {0};
  assert_int_equal(bmis_wl_read(BMIS_WL_FORMAT_CSV, NULL, 10, c, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "no list data");
  assert_int_equal(bmis_wl_read(BMIS_WL_FORMAT_UN_XML, "", 0, c, &err),
                   BMIS_E_PARSE);
  assert_string_equal(err.message, "the list file is empty");
  assert_int_equal(bmis_wl_read(BMIS_WL_FORMAT_NONE, "x", 1, c, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "unknown list format"));
  assert_int_equal(bmis_wl_read(BMIS_WL_FORMAT_CSV, "x", 1, NULL, &err),
                   BMIS_E_INVALID_ARG);
  /* Only into an empty content. */
  assert_int_equal(bmis_wl_read(BMIS_WL_FORMAT_CSV,
                                "kind,ref,name\nperson,P,X\n", 25, c, &err),
                   BMIS_OK);
  assert_int_equal(bmis_wl_read(BMIS_WL_FORMAT_CSV,
                                "kind,ref,name\nperson,Q,X\n", 25, c, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "not empty"));
  bmis_wl_content_free(c);
  /* JSON lines go to their own reader. */
  const char *jsonl =
      "{\"kind\":\"list\",\"version\":\"v7\"}\n"
      "{\"kind\":\"person\",\"ref\":\"J1\",\"names\":[{\"text\":\"Jo Doe\","
      "\"quality\":\"primary\"}],\"births\":[{\"date\":\"1965-03\"}]}\n";
  c = read_ok(BMIS_WL_FORMAT_JSONL, jsonl, strlen(jsonl));
  assert_string_equal(bmis_wl_content_version(c), "v7");
  assert_int_equal(bmis_wl_person_count(c), 1);
  assert_int_equal(bmis_wl_person_at(c, 0)->births[0].date.month, 3);
  bmis_wl_content_free(c);
  read_fails(BMIS_WL_FORMAT_JSONL, "{\"kind\":\"person\"\n", 17, BMIS_E_PARSE,
             "line 1");
  /* The format names. */
  assert_int_equal(bmis_wl_format_parse("un-xml"), BMIS_WL_FORMAT_UN_XML);
  assert_string_equal(bmis_wl_format_code(BMIS_WL_FORMAT_CSV), "csv");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(un_2026_counts), cmocka_unit_test(un_2020_counts),
      cmocka_unit_test(un_entries),     cmocka_unit_test(un_2020_oddities),
      cmocka_unit_test(un_small),       cmocka_unit_test(un_long_remarks),
      cmocka_unit_test(un_malformed),   cmocka_unit_test(un_caps),
      cmocka_unit_test(un_truncated),   cmocka_unit_test(csv_sample),
      cmocka_unit_test(csv_quoting),    cmocka_unit_test(csv_errors),
      cmocka_unit_test(read_dispatch),  cmocka_unit_test(unscreenable_entries),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
