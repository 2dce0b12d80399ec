/* The last enabled administrator (see bmis/account.h): nobody would be left
 * to manage the accounts, so it is neither disabled nor given another role.
 * Its own file, below account.c and account_bcps.c, which both ask. */
#include "auth_internal.h"

#include "store/repo_account.h"

bmis_status bmis__account_keep_an_administrator(bmis_store *s,
                                                const char *username,
                                                const char *what,
                                                bmis_error *err) {
  int64_t others;
  bmis_status st = bmis__account_admins_other(s, username, &others, err);
  if (st == BMIS_OK && others == 0)
    st = bmis_error_set(err, BMIS_E_RULE,
                        "%s is the last enabled administrator: it cannot be "
                        "%s (enable or add another administrator first)",
                        username, what);
  return st;
}
