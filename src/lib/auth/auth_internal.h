/* Internal to src/lib/auth: shared between account.c, account_bcps.c and
 * session.c. */
#ifndef BMIS_AUTH_INTERNAL_H
#define BMIS_AUTH_INTERNAL_H

#include "bmis/account.h"

/* Settles a's crossing points as bmis/account.h says (an administrator's
 * become "*", another's "" become its default_bcp) and checks them and
 * default_bcp against the configured crossing points. E_INVALID_ARG
 * naming what is wrong, E_STORE. */
bmis_status bmis__account_settle_bcps(bmis_store *s, bmis_account *a,
                                      bmis_error *err);

/* Whether the comma-separated list holds code ("*" holds every code). */
bool bmis__bcps_hold(const char *list, const char *code);

/* BMIS_E_RULE naming username and `what` would be done to it ("disabled")
 * when no other enabled administrator is left; in a transaction (it takes
 * the lock on every administrator's row). */
bmis_status bmis__account_keep_an_administrator(bmis_store *s,
                                                const char *username,
                                                const char *what,
                                                bmis_error *err);

#endif
