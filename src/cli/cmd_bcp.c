/* `bmis bcp`: the configured border crossing points. */
#include "bmis/wire.h"
#include "cli.h"

#include <jansson.h>
#include <string.h>

static const char bcp_help[] =
    "usage: bmis bcp add CODE --name NAME --kind air|land|sea|rail\n"
    "                    --tz IANA_ZONE [--store URL]\n"
    "       bmis bcp list [--json] [--store URL]\n"
    "\n"
    "add: adds a border crossing point, or updates the one with that code.\n"
    "Stays are counted in calendar days at the crossing point, so its time\n"
    "zone (e.g. Africa/Nairobi) matters.\n"
    "\n" CLI_STORE_HELP;

static int print_bcp(const bmis_bcp *b, void *ctx) {
  bool json = *(bool *)ctx;
  if (json) {
    json_t *o = bmis_wire_bcp(b, true);
    if (o)
      json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
    putchar('\n');
    json_decref(o);
  } else {
    printf("%-8s %-5s %-24s %s\n", b->code,
           bmis_code_name(BMIS_LIST_BCP_KIND, b->kind), b->time_zone, b->name);
  }
  return 0;
}

int cli_bcp(int argc, char **argv) {
  const char *store = NULL, *name = NULL, *kind = NULL, *tz = NULL;
  bool json = false;
  const cli_opt opts[] = {{"--store", &store, NULL}, {"--name", &name, NULL},
                          {"--kind", &kind, NULL},   {"--tz", &tz, NULL},
                          {"--json", NULL, &json},   {NULL, NULL, NULL}};
  const char *pos[2];
  int npos;
  int r = cli_parse("bcp ", argc, argv, opts, pos, 2, &npos);
  if (r == CLI_HELP) {
    fputs(bcp_help, stdout);
    return CLI_OK;
  }
  if (r != CLI_OK)
    return r;
  bool add = npos >= 1 && strcmp(pos[0], "add") == 0;
  bool list = npos == 1 && strcmp(pos[0], "list") == 0;
  if (!add && !list)
    return cli_usage_error("bcp ", "bcp: expected 'add CODE …' or 'list'");
  bmis_bcp b;
  memset(&b, 0, sizeof b);
  if (add) {
    if (npos != 2)
      return cli_usage_error("bcp ", "bcp add: CODE is missing");
    if (!name || !kind || !tz)
      return cli_usage_error("bcp ", "bcp add: --name, --kind and --tz are "
                                     "required");
    if (strlen(pos[1]) >= sizeof b.code || strlen(name) >= sizeof b.name ||
        strlen(tz) >= sizeof b.time_zone)
      return cli_usage_error("bcp ", "bcp add: code, name or zone too long");
    snprintf(b.code, sizeof b.code, "%s", pos[1]);
    snprintf(b.name, sizeof b.name, "%s", name);
    snprintf(b.time_zone, sizeof b.time_zone, "%s", tz);
    b.kind = (bmis_bcp_kind)bmis_code_value(BMIS_LIST_BCP_KIND, kind);
    if (!b.kind)
      return cli_usage_error("bcp ",
                             "--kind: '%s' is not air, land, sea or "
                             "rail",
                             kind);
  }
  bmis_store *s;
  r = cli_open_store(store, NULL, false, &s);
  if (r != CLI_OK)
    return r;
  bmis_error err;
  if (add) {
    if (bmis_bcp_put(s, &b, &err) != BMIS_OK)
      r = cli_fail(&err);
    else
      printf("crossing point %s saved\n", b.code);
  } else if (bmis_bcp_list(s, print_bcp, &json, &err) != BMIS_OK) {
    r = cli_fail(&err);
  }
  bmis_store_close(s);
  return r;
}
