/* Internal: the layout tables (where each field sits in each MRZ format),
 * as constants every file that walks fields can see, so that the compiler
 * can specialise those walks per format (mrz_fields.c). Columns 0-based. */
#ifndef BMIS_DOC_MRZ_LAYOUTS_H
#define BMIS_DOC_MRZ_LAYOUTS_H

#include "doc/mrz_internal.h"

#define F(id) [BMIS_FIELD_##id]
#define S(l, c, n)                                                             \
  { l, c, n }

static const bmis__mrz_layout bmis__layout_td1 = {
    BMIS_DOC_TD1,
    3,
    30,
    {F(DOCUMENT_CODE) = S(0, 0, 2), F(ISSUING_STATE) = S(0, 2, 3),
     F(DOCUMENT_NUMBER) = S(0, 5, 9), F(DOCUMENT_NUMBER_CHECK) = S(0, 14, 1),
     F(OPTIONAL_DATA) = S(0, 15, 15), F(BIRTH_DATE) = S(1, 0, 6),
     F(BIRTH_DATE_CHECK) = S(1, 6, 1), F(SEX) = S(1, 7, 1),
     F(EXPIRY_DATE) = S(1, 8, 6), F(EXPIRY_DATE_CHECK) = S(1, 14, 1),
     F(NATIONALITY) = S(1, 15, 3), F(OPTIONAL_DATA_2) = S(1, 18, 11),
     F(COMPOSITE_CHECK) = S(1, 29, 1), F(NAME) = S(2, 0, 30)},
    4,
    {S(0, 5, 25), S(1, 0, 7), S(1, 8, 7), S(1, 18, 11)},
    "ACI"};

static const bmis__mrz_layout bmis__layout_td2 = {
    BMIS_DOC_TD2,
    2,
    36,
    {F(DOCUMENT_CODE) = S(0, 0, 2), F(ISSUING_STATE) = S(0, 2, 3),
     F(NAME) = S(0, 5, 31), F(DOCUMENT_NUMBER) = S(1, 0, 9),
     F(DOCUMENT_NUMBER_CHECK) = S(1, 9, 1), F(NATIONALITY) = S(1, 10, 3),
     F(BIRTH_DATE) = S(1, 13, 6), F(BIRTH_DATE_CHECK) = S(1, 19, 1),
     F(SEX) = S(1, 20, 1), F(EXPIRY_DATE) = S(1, 21, 6),
     F(EXPIRY_DATE_CHECK) = S(1, 27, 1), F(OPTIONAL_DATA) = S(1, 28, 7),
     F(COMPOSITE_CHECK) = S(1, 35, 1)},
    3,
    {S(1, 0, 10), S(1, 13, 7), S(1, 21, 14)},
    "ACI"};

static const bmis__mrz_layout bmis__layout_td3 = {
    BMIS_DOC_TD3,
    2,
    44,
    {F(DOCUMENT_CODE) = S(0, 0, 2), F(ISSUING_STATE) = S(0, 2, 3),
     F(NAME) = S(0, 5, 39), F(DOCUMENT_NUMBER) = S(1, 0, 9),
     F(DOCUMENT_NUMBER_CHECK) = S(1, 9, 1), F(NATIONALITY) = S(1, 10, 3),
     F(BIRTH_DATE) = S(1, 13, 6), F(BIRTH_DATE_CHECK) = S(1, 19, 1),
     F(SEX) = S(1, 20, 1), F(EXPIRY_DATE) = S(1, 21, 6),
     F(EXPIRY_DATE_CHECK) = S(1, 27, 1), F(OPTIONAL_DATA) = S(1, 28, 14),
     F(OPTIONAL_DATA_CHECK) = S(1, 42, 1), F(COMPOSITE_CHECK) = S(1, 43, 1)},
    3,
    {S(1, 0, 10), S(1, 13, 7), S(1, 21, 22)},
    "P"};

static const bmis__mrz_layout bmis__layout_mrva = {
    BMIS_DOC_MRVA,
    2,
    44,
    {F(DOCUMENT_CODE) = S(0, 0, 2), F(ISSUING_STATE) = S(0, 2, 3),
     F(NAME) = S(0, 5, 39), F(DOCUMENT_NUMBER) = S(1, 0, 9),
     F(DOCUMENT_NUMBER_CHECK) = S(1, 9, 1), F(NATIONALITY) = S(1, 10, 3),
     F(BIRTH_DATE) = S(1, 13, 6), F(BIRTH_DATE_CHECK) = S(1, 19, 1),
     F(SEX) = S(1, 20, 1), F(EXPIRY_DATE) = S(1, 21, 6),
     F(EXPIRY_DATE_CHECK) = S(1, 27, 1), F(OPTIONAL_DATA) = S(1, 28, 16)},
    0,
    {{0, 0, 0}},
    "V"};

static const bmis__mrz_layout bmis__layout_mrvb = {
    BMIS_DOC_MRVB,
    2,
    36,
    {F(DOCUMENT_CODE) = S(0, 0, 2), F(ISSUING_STATE) = S(0, 2, 3),
     F(NAME) = S(0, 5, 31), F(DOCUMENT_NUMBER) = S(1, 0, 9),
     F(DOCUMENT_NUMBER_CHECK) = S(1, 9, 1), F(NATIONALITY) = S(1, 10, 3),
     F(BIRTH_DATE) = S(1, 13, 6), F(BIRTH_DATE_CHECK) = S(1, 19, 1),
     F(SEX) = S(1, 20, 1), F(EXPIRY_DATE) = S(1, 21, 6),
     F(EXPIRY_DATE_CHECK) = S(1, 27, 1), F(OPTIONAL_DATA) = S(1, 28, 8)},
    0,
    {{0, 0, 0}},
    "V"};

/* French national identity card ("carte nationale d'identité" 1988-2021):
 * line 1: ID FRA surname(25) issuing department+office(6);
 * line 2: number(12: issue year+month, department, sequence) check, given
 * names(14), birth date, check, sex, and a check digit over both lines. */
static const bmis__mrz_layout bmis__layout_fra_id = {
    BMIS_DOC_FRA_ID,
    2,
    36,
    {F(DOCUMENT_CODE) = S(0, 0, 2), F(ISSUING_STATE) = S(0, 2, 3),
     F(NAME) = S(0, 5, 25), F(ISSUING_OFFICE) = S(0, 30, 6),
     F(DOCUMENT_NUMBER) = S(1, 0, 12), F(DOCUMENT_NUMBER_CHECK) = S(1, 12, 1),
     F(ISSUE_DATE) = S(1, 0, 4), F(SECONDARY_IDENTIFIER) = S(1, 13, 14),
     F(BIRTH_DATE) = S(1, 27, 6), F(BIRTH_DATE_CHECK) = S(1, 33, 1),
     F(SEX) = S(1, 34, 1), F(COMPOSITE_CHECK) = S(1, 35, 1)},
    2,
    {S(0, 0, 36), S(1, 0, 35)},
    "I"};

#undef F
#undef S

#endif
