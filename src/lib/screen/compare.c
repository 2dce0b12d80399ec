/* Two names compared with the screening scorer, no list involved: every
 * Latin form of one against every form of the other, the best pair kept. */
#include "base/text.h"
#include "screen/name.h"

#include <string.h>

bmis_status bmis_screen_compare_names(const char *listed, const char *presented,
                                      double *score, bmis_hit *hit,
                                      bmis_error *err) {
  if (!listed || !presented || !score)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "two names are needed");
  bmis__forms fl, fp;
  bmis_status st = bmis__name_forms(listed, &fl, err);
  if (st == BMIS_OK)
    st = bmis__name_forms(presented, &fp, err);
  if (st != BMIS_OK)
    return st;
  double best = -1;
  for (size_t i = 0; i < fl.count; i++) {
    bmis__tok tl[BMIS__TOKENS_MAX], tp[BMIS__TOKENS_MAX];
    const bmis__tok *pl[BMIS__TOKENS_MAX], *pp[BMIS__TOKENS_MAX];
    size_t nl = bmis__form_tokens(fl.form[i], tl, BMIS__TOKENS_MAX);
    for (size_t k = 0; k < nl; k++)
      pl[k] = &tl[k];
    for (size_t j = 0; j < fp.count; j++) {
      size_t np = bmis__form_tokens(fp.form[j], tp, BMIS__TOKENS_MAX);
      for (size_t k = 0; k < np; k++)
        pp[k] = &tp[k];
      bmis_hit h;
      double sc = bmis__name_score(pl, nl, pp, np, hit ? &h : NULL);
      if (sc > best) {
        best = sc;
        if (hit) {
          memcpy(hit->tokens, h.tokens, sizeof h.tokens);
          hit->token_count = h.token_count;
          hit->name_score = sc;
          bmis__copy(hit->listed_name, sizeof hit->listed_name, listed);
          bmis__copy(hit->listed_form, sizeof hit->listed_form, fl.form[i]);
          bmis__copy(hit->presented_form, sizeof hit->presented_form,
                     fp.form[j]);
        }
      }
    }
  }
  *score = best < 0 ? 0 : best;
  return BMIS_OK;
}
