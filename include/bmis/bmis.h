/* OpenBMIS umbrella header: includes every public header. */
#ifndef BMIS_BMIS_H
#define BMIS_BMIS_H

#include "bmis/account.h"
#include "bmis/alloc.h"
#include "bmis/audit.h"
#include "bmis/country.h"
#include "bmis/date.h"
#include "bmis/doc.h"
#include "bmis/id.h"
#include "bmis/register.h"
#include "bmis/screen.h"
#include "bmis/status.h"
#include "bmis/store.h"
#include "bmis/text.h"
#include "bmis/time.h"
#include "bmis/version.h"

#endif
