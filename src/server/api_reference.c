/* GET /api/reference: the coded lists the console offers, so that the
 * console holds no list of its own. */
#include "routes.h"

#include "bmis/register.h"
#include "bmis/wire.h"

static json_t *codes(bmis_code_list list) {
  json_t *a = json_array();
  for (int i = 1; i <= bmis_code_count(list); i++)
    json_array_append_new(a, json_string(bmis_code_name(list, i)));
  return a;
}

static int add_bcp(const bmis_bcp *b, void *ctx) {
  json_array_append_new(ctx, bmis_wire_bcp(b, false));
  return 0;
}

void api_reference(const srv_request *rq, srv_reply *rp) {
  bmis_register_config cfg;
  bmis_error err;
  json_t *bcps = json_array();
  if (bmis_register_config_get(rq->store, &cfg, &err) != BMIS_OK ||
      bmis_bcp_list(rq->store, add_bcp, bcps, &err) != BMIS_OK) {
    json_decref(bcps);
    srv_reply_status(rp, &err);
    return;
  }
  json_t *grounds = json_array();
  for (char g = 'A'; g <= 'I'; g++)
    json_array_append_new(grounds,
                          json_pack("{s:s#, s:s}", "code", &g, (size_t)1,
                                    "text", bmis_refusal_ground_text(g)));
  json_t *ti = json_array();
  for (int i = 1; i < BMIS_TRAFFICKING_COUNT; i++)
    json_array_append_new(
        ti,
        json_pack("{s:s, s:s}", "code",
                  bmis_trafficking_code((bmis_trafficking_indicator)i), "text",
                  bmis_trafficking_text((bmis_trafficking_indicator)i)));
  json_t *alts = json_array();
  for (int i = 1; bmis_minor_alternative_code((bmis_minor_alternative)i); i++)
    json_array_append_new(alts, json_string(bmis_minor_alternative_code(
                                    (bmis_minor_alternative)i)));
  rp->status = 200;
  rp->json = json_pack(
      "{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:[{s:s, s:s}, {s:s, s:s}], s:o}",
      "state", cfg.state, "directions", codes(BMIS_LIST_DIRECTION), "purposes",
      codes(BMIS_LIST_PURPOSE), "transports", codes(BMIS_LIST_TRANSPORT),
      "grounds", grounds, "trafficking_indicators", ti, "minor_alternatives",
      alts, "languages", "code", "en", "name", "English", "code", "fr", "name",
      "Français", "bcps", bcps);
}
