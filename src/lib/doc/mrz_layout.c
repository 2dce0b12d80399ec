/* The layout of each MRZ format (the tables themselves: mrz_layouts.h). */
#include "doc/mrz_layouts.h"

const bmis__mrz_layout *bmis__mrz_layout_of(bmis_doc_format format) {
  switch (format) {
  case BMIS_DOC_TD1: return &bmis__layout_td1;
  case BMIS_DOC_TD2: return &bmis__layout_td2;
  case BMIS_DOC_TD3: return &bmis__layout_td3;
  case BMIS_DOC_MRVA: return &bmis__layout_mrva;
  case BMIS_DOC_MRVB: return &bmis__layout_mrvb;
  case BMIS_DOC_FRA_ID: return &bmis__layout_fra_id;
  case BMIS_DOC_UNKNOWN:
  case BMIS_DOC_UNSUPPORTED: break;
  }
  return NULL;
}
