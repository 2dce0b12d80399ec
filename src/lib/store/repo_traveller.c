/* Store access for travellers and their documents. */
#include "store/repo.h"
#include "store/store_internal.h"

#include <stdio.h>
#include <string.h>

static void sex_text(char sex, char out[2]) {
  out[0] = sex;
  out[1] = 0;
}

bmis_status bmis__traveller_insert(bmis_store *s, const bmis_traveller *t,
                                   const char *name_key, int64_t created_at,
                                   bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_TRAVELLER_INSERT);
  char birth[11], sex[2];
  bmis__date_to_text(t->birth, birth);
  sex_text(t->sex, sex);
  bmis__bind_text(q, 1, t->id);
  bmis__bind_text(q, 2, t->person_id);
  bmis__bind_text(q, 3, t->surname);
  bmis__bind_text(q, 4, t->given_names);
  bmis__bind_text(q, 5, name_key);
  bmis__bind_text(q, 6, birth);
  bmis__bind_text(q, 7, sex);
  bmis__bind_text(q, 8, t->nationality);
  bmis__bind_text(q, 9, t->birth_country);
  bmis__bind_int(q, 10, created_at);
  return bmis__run(q, err);
}

/* Columns: id, person_id, surname, given_names, name_key, birth, sex,
 * nationality, birth_country. */
static void traveller_row(bmis__stmt *q, void *row) {
  bmis_traveller *t = row;
  memset(t, 0, sizeof *t);
  bmis__col_copy(q, 0, t->id, sizeof t->id);
  bmis__col_copy(q, 1, t->person_id, sizeof t->person_id);
  bmis__col_copy(q, 2, t->surname, sizeof t->surname);
  bmis__col_copy(q, 3, t->given_names, sizeof t->given_names);
  t->birth = bmis__date_from_text(bmis__col_text(q, 5));
  t->sex = bmis__col_text(q, 6)[0];
  bmis__col_copy(q, 7, t->nationality, sizeof t->nationality);
  bmis__col_copy(q, 8, t->birth_country, sizeof t->birth_country);
}

static bmis_status each_traveller(bmis__stmt *q, bmis__traveller_key_fn fn,
                                  void *ctx, bmis_error *err) {
  ROWS_RETURN(q, bmis_traveller, traveller_row,
              fn(&row, bmis__col_text(q, 4), ctx));
}

bmis_status bmis__traveller_get(bmis_store *s, const char *id,
                                bmis_traveller *out, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_TRAVELLER_GET);
  bmis__bind_text(q, 1, id);
  return bmis__row_one(q, traveller_row, out, err, "no traveller %s", id);
}

bmis_status bmis__traveller_by_person(bmis_store *s, const char *person_id,
                                      bmis__traveller_key_fn fn, void *ctx,
                                      bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_TRAVELLER_BY_PERSON);
  bmis__bind_text(q, 1, person_id);
  return each_traveller(q, fn, ctx, err);
}

bmis_status bmis__traveller_candidates(bmis_store *s, bmis_date birth,
                                       bmis__traveller_key_fn fn, void *ctx,
                                       bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_TRAVELLER_CANDIDATES);
  char full[11], month[11], year[11];
  bmis_date m = {birth.year, birth.month, 0}, y = {birth.year, 0, 0};
  bmis__date_to_text(birth, full);
  bmis__date_to_text(m, month);
  bmis__date_to_text(y, year);
  bmis__bind_text(q, 1, full);
  bmis__bind_text(q, 2, month);
  bmis__bind_text(q, 3, year);
  return each_traveller(q, fn, ctx, err);
}

bmis_status bmis__traveller_set_person(bmis_store *s, const char *id,
                                       const char *person_id, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_TRAVELLER_SET_PERSON);
  bmis__bind_text(q, 1, id);
  bmis__bind_text(q, 2, person_id);
  return bmis__run(q, err);
}

bmis_status bmis__traveller_set_birth_country(bmis_store *s, const char *id,
                                              const char *country,
                                              bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_TRAVELLER_SET_BIRTH_COUNTRY);
  bmis__bind_text(q, 1, id);
  bmis__bind_text(q, 2, country);
  return bmis__run(q, err);
}

/* Columns: id, traveller_id, type, issuing_state, number, expiry, mrz. */
static void document_row(bmis__stmt *q, void *row) {
  bmis_document *d = row;
  memset(d, 0, sizeof *d);
  bmis__col_copy(q, 0, d->id, sizeof d->id);
  bmis__col_copy(q, 1, d->traveller_id, sizeof d->traveller_id);
  bmis__col_copy(q, 2, d->type, sizeof d->type);
  bmis__col_copy(q, 3, d->issuing_state, sizeof d->issuing_state);
  bmis__col_copy(q, 4, d->number, sizeof d->number);
  d->expiry = bmis__date_from_text(bmis__col_text(q, 5));
  bmis__col_copy(q, 6, d->mrz, sizeof d->mrz);
}

bmis_status bmis__document_find(bmis_store *s, const char *issuing_state,
                                const char *number, bmis_document *out,
                                bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_DOCUMENT_FIND);
  bmis__bind_text(q, 1, issuing_state);
  bmis__bind_text(q, 2, number);
  return bmis__row_one(q, document_row, out, err, "no document %s %s",
                       issuing_state, number);
}

bmis_status bmis__document_holder(bmis_store *s, const char *issuing_state,
                                  const char *number, bmis_document *out,
                                  char person_id[BMIS_ID_SIZE],
                                  char birth_country[4], int64_t *last_at,
                                  bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_DOCUMENT_HOLDER);
  bmis__bind_text(q, 1, issuing_state);
  bmis__bind_text(q, 2, number);
  int rc = bmis__step(q, err);
  if (rc == BMIS__ROW) {
    document_row(q, out);
    bmis__col_copy(q, 7, person_id, BMIS_ID_SIZE);
    bmis__col_copy(q, 8, birth_country, 4);
    *last_at = bmis__col_int(q, 9);
  }
  bmis__reset(q);
  if (rc < 0)
    return (bmis_status)-rc;
  if (rc == BMIS__DONE)
    return bmis_error_set(err, BMIS_E_NOT_FOUND, "no document %s %s",
                          issuing_state, number);
  return BMIS_OK;
}

bmis_status bmis__document_insert(bmis_store *s, const bmis_document *d,
                                  int64_t first_seen, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_DOCUMENT_INSERT);
  char expiry[11];
  bmis__date_to_text(d->expiry, expiry);
  bmis__bind_text(q, 1, d->id);
  bmis__bind_text(q, 2, d->traveller_id);
  bmis__bind_text(q, 3, d->type);
  bmis__bind_text(q, 4, d->issuing_state);
  bmis__bind_text(q, 5, d->number);
  bmis__bind_text(q, 6, expiry);
  bmis__bind_text(q, 7, d->mrz);
  bmis__bind_int(q, 8, first_seen);
  return bmis__run(q, err);
}

bmis_status bmis__document_by_person(bmis_store *s, const char *person_id,
                                     bmis_document_fn fn, void *ctx,
                                     bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_DOCUMENT_BY_PERSON);
  bmis__bind_text(q, 1, person_id);
  ROWS_RETURN(q, bmis_document, document_row, fn(&row, ctx));
}
