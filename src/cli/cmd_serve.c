/* `bmis serve`: starts the HTTP server (src/server) on the same store the
 * other commands use, and stops it gracefully on SIGTERM or SIGINT: no new
 * connections, every new request 503, the requests in flight finish. */
#define _POSIX_C_SOURCE 200809L /* sigwait, pthread_sigmask */
#include "cli.h"
#include "server.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#define CMD "serve "
/* seconds the requests in flight get to finish: the process is gone
 * within 10 s of the signal */
#define GRACE_S 7

static const char serve_help[] =
    "usage: bmis serve [--store URL] [--listen HOST:PORT] [--threads N]\n"
    "                  [--durability process|power] [--idle-timeout MIN]\n"
    "                  [--trusted-proxy ADDR]\n"
    "                  [--anchor-key KEY --anchors FILE [--anchor-every MIN]]\n"
    "                  [--tls-cert FILE --tls-key FILE]\n"
    "\n"
    "Serves the JSON API (GET /api/openapi.json describes it) on HOST:PORT\n"
    "(default 127.0.0.1:8080; an IPv4 address, port 0 picks a free one and\n"
    "prints it) until SIGTERM or SIGINT; then every new request, on kept-\n"
    "alive connections too, is answered 503 with Connection: close, the\n"
    "requests in flight get up to 7 s to finish, and it exits 0 within\n"
    "10 s. The watchlists are loaded at start; after an\n"
    "import, SIGHUP (or POST /api/watchlists/reload) loads them again while\n"
    "requests go on.\n"
    "\n" CLI_STORE_HELP
    "  --threads N        worker threads (default: one per core, at least 2)\n"
    "  --durability D     what a recorded decision survives: process (the\n"
    "                     default: the server killed) or power (also power\n"
    "                     loss: SQLite fsyncs its WAL at every commit); see\n"
    "                     docs/REGISTER.md\n"
    "  --anchor-key KEY   anchor the audit log (docs/AUDIT.md): sign its head\n"
    "  --anchors FILE     with KEY (bmis audit keygen) and append it to FILE\n"
    "                     at start, every MIN minutes and at stop\n"
    "  --anchor-every MIN 1 to 1440 (default 60)\n"
    "  --idle-timeout MIN a session idle longer than MIN minutes ends "
    "(default\n"
    "                     15, for every role; 0: never); \"90s\" gives "
    "seconds\n"
    "                     (for tests), \"15m\" minutes\n"
    "  --trusted-proxy ADDR  the reverse proxy in front: only when the peer\n"
    "                     is ADDR is X-Forwarded-For believed (its last\n"
    "                     address is the client); otherwise the peer is\n"
    "                     the client. Failed logins are counted by client.\n"
    "  --tls-cert FILE    serve HTTPS with this PEM certificate (chain)\n"
    "  --tls-key FILE     and its PEM private key (not encrypted); the\n"
    "                     session cookie is then Secure and HSTS is sent.\n"
    "                     A file that cannot be read or a key that is not\n"
    "                     the certificate's: exit 2, nothing served\n";

/* "15" or "15m": minutes; "90s": seconds (tests); at most a day. */
static int parse_idle(const char *v, unsigned *out) {
  char num[16];
  size_t n = strlen(v);
  unsigned unit = 60;
  if (n && (v[n - 1] == 's' || v[n - 1] == 'm')) {
    unit = v[n - 1] == 's' ? 1 : 60;
    n--;
  }
  if (n == 0 || n >= sizeof num)
    return cli_usage_error(CMD,
                           "--idle-timeout: '%s' is not minutes (15), \"15m\" "
                           "or seconds (\"90s\")",
                           v);
  memcpy(num, v, n);
  num[n] = 0;
  long x;
  int r = cli_number(CMD, "--idle-timeout", num, 0, 24L * 3600 / unit, &x);
  if (r == CLI_OK)
    *out = (unsigned)x * unit;
  return r;
}

static int parse_listen(const char *v, char *host, size_t cap, unsigned *port) {
  const char *colon = strrchr(v, ':');
  if (!colon || colon == v || (size_t)(colon - v) >= cap)
    return cli_usage_error(CMD, "--listen: '%s' is not HOST:PORT", v);
  memcpy(host, v, (size_t)(colon - v));
  host[colon - v] = 0;
  long p;
  int r = cli_number(CMD, "--listen", colon + 1, 0, 65535, &p);
  if (r != CLI_OK)
    return r;
  *port = (unsigned)p;
  return CLI_OK;
}

int cli_serve(int argc, char **argv) {
  const char *store = NULL, *listen = NULL, *threads = NULL, *durability = NULL,
             *anchor_key = NULL, *anchors = NULL, *anchor_every = NULL,
             *idle = NULL, *proxy = NULL;
  const char *cert = NULL, *key = NULL;
  const cli_opt opts[] = {{"--store", &store, NULL},
                          {"--listen", &listen, NULL},
                          {"--threads", &threads, NULL},
                          {"--durability", &durability, NULL},
                          {"--anchor-key", &anchor_key, NULL},
                          {"--anchors", &anchors, NULL},
                          {"--anchor-every", &anchor_every, NULL},
                          {"--idle-timeout", &idle, NULL},
                          {"--trusted-proxy", &proxy, NULL},
                          {"--tls-cert", &cert, NULL},
                          {"--tls-key", &key, NULL},
                          {NULL, NULL, NULL}};
  int npos = 0;
  int r = cli_parse(CMD, argc, argv, opts, NULL, 0, &npos);
  if (r == CLI_HELP) {
    fputs(serve_help, stdout);
    return CLI_OK;
  }
  if (r != CLI_OK)
    return r;
  srv_options o;
  srv_options_init(&o);
  char host[64], url[1024];
  if (listen) {
    r = parse_listen(listen, host, sizeof host, &o.port);
    if (r != CLI_OK)
      return r;
    o.host = host;
  }
  if (threads) {
    long n;
    r = cli_number(CMD, "--threads", threads, 1, 256, &n);
    if (r != CLI_OK)
      return r;
    o.threads = (unsigned)n;
  }
  if (durability) {
    if (strcmp(durability, "power") == 0)
      o.durability = BMIS_DURABLE_POWER;
    else if (strcmp(durability, "process") != 0)
      return cli_usage_error(CMD, "--durability: '%s' is not process or power",
                             durability);
  }
  if (!anchor_key != !anchors)
    return cli_usage_error(CMD, "--anchor-key and --anchors go together");
  if (anchor_every && !anchor_key)
    return cli_usage_error(CMD, "--anchor-every needs --anchor-key and "
                                "--anchors");
  if (anchor_every) {
    long n;
    r = cli_number(CMD, "--anchor-every", anchor_every, 1, 1440, &n);
    if (r != CLI_OK)
      return r;
    o.anchor_every_min = (unsigned)n;
  }
  o.anchor_key = anchor_key;
  o.anchors = anchors;
  if (idle && (r = parse_idle(idle, &o.idle_timeout_s)) != CLI_OK)
    return r;
  o.trusted_proxy = proxy;
  if (!cert != !key)
    return cli_usage_error(CMD, "--tls-cert and --tls-key go together");
  o.tls_cert = cert;
  o.tls_key = key;
  o.store_url = store ? store : cli_default_store(url, sizeof url);
  /* the signals are taken synchronously, by this thread only: block them
   * before the worker threads start so that they inherit the mask */
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGHUP); /* reload the watchlists */
  pthread_sigmask(SIG_BLOCK, &stop, NULL);
  srv *s = NULL;
  bmis_error err;
  if (srv_start(&o, &s, &err) != BMIS_OK)
    return cli_fail(&err);
  printf("bmis: serving %s://%s:%u/ (store %s, durability %s); stop with "
         "SIGTERM or Ctrl-C\n",
         srv_tls(s) ? "https" : "http", o.host, srv_port(s), o.store_url,
         o.durability == BMIS_DURABLE_POWER ? "power" : "process");
  fflush(stdout);
  int sig = 0;
  while (sigwait(&stop, &sig) == 0 && sig == SIGHUP) {
    size_t entries = 0;
    if (srv_reload_lists(s, &entries, &err) == BMIS_OK)
      fprintf(stderr, "bmis: SIGHUP: watchlists reloaded, %zu entries\n",
              entries);
    else
      fprintf(stderr,
              "bmis: SIGHUP: watchlists not reloaded (%s); the "
              "lists in use stay\n",
              err.message);
  }
  fprintf(stderr, "bmis: %s received, finishing the requests in flight\n",
          sig == SIGTERM ? "SIGTERM" : "SIGINT");
  srv_stop(s, GRACE_S);
  return CLI_OK;
}
