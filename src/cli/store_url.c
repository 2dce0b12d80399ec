/* Which store a command works on: --store, else $BMIS_STORE, else the
 * default SQLite file. The server (`bmis serve`) uses the same rule. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* mkdir -p for the folders of path (not the last component). */
static int make_parents(const char *path) {
  char buf[1024];
  if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
    return -1;
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/')
      continue;
    *p = 0;
    if (mkdir(buf, 0700) != 0 && errno != EEXIST)
      return -1;
    *p = '/';
  }
  return 0;
}

const char *cli_default_store(char *buf, size_t cap) {
  const char *env = getenv("BMIS_STORE");
  if (env && *env) {
    snprintf(buf, cap, "%s", env);
    return buf;
  }
  const char *data = getenv("XDG_DATA_HOME");
  const char *home = getenv("HOME");
  if (data && *data)
    snprintf(buf, cap, "%s/openbmis/bmis.db", data);
  else if (home && *home)
    snprintf(buf, cap, "%s/.local/share/openbmis/bmis.db", home);
  else
    snprintf(buf, cap, "bmis.db");
  return buf;
}

int cli_open_store(const char *url, const char *durability, bool must_exist,
                   bmis_store **out) {
  char def[1024];
  bool is_default = !url;
  if (!url)
    url = cli_default_store(def, sizeof def);
  bmis_store_options opts;
  bmis_store_options_init(&opts);
  opts.must_exist = must_exist;
  if (durability) {
    if (strcmp(durability, "power") == 0)
      opts.durability = BMIS_DURABLE_POWER;
    else if (strcmp(durability, "process") != 0)
      return cli_usage_error(NULL, "--durability: '%s' is not process or power",
                             durability);
  }
  if (is_default && !strstr(url, "://") && make_parents(url) != 0) {
    fprintf(stderr, "bmis: cannot create the folder of %s: %s\n", url,
            strerror(errno));
    return CLI_USAGE;
  }
  bmis_error err;
  if (bmis_store_open(url, &opts, out, &err) != BMIS_OK)
    return cli_fail(&err);
  return CLI_OK;
}
