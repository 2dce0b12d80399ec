/* Who the client is: the peer's address, or, when the peer is the reverse
 * proxy named by --trusted-proxy, the address that proxy appended to
 * X-Forwarded-For. Failed logins are counted by it (bmis_session_login). */
#include "server_internal.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

/* An IPv4 or IPv6 address in its canonical text form, or false. */
static bool canonical(const char *text, char *out, size_t cap) {
  unsigned char raw[sizeof(struct in6_addr)];
  if (inet_pton(AF_INET, text, raw) == 1)
    return inet_ntop(AF_INET, raw, out, (socklen_t)cap) != NULL;
  if (inet_pton(AF_INET6, text, raw) == 1)
    return inet_ntop(AF_INET6, raw, out, (socklen_t)cap) != NULL;
  return false;
}

void srv_client_address(const char *peer, const char *forwarded,
                        const char *trusted_proxy, char *out, size_t cap) {
  snprintf(out, cap, "%s", peer ? peer : "");
  char proxy[64], from[64];
  if (!peer || !forwarded || !trusted_proxy || !*trusted_proxy ||
      !canonical(trusted_proxy, proxy, sizeof proxy) ||
      !canonical(peer, from, sizeof from) || strcmp(proxy, from) != 0)
    return; /* X-Forwarded-For from anyone else is the client's own say */
  /* the last member is the one our proxy appended: the earlier ones came
   * from the client and prove nothing */
  const char *last = strrchr(forwarded, ',');
  last = last ? last + 1 : forwarded;
  char item[64];
  last += strspn(last, " \t");
  size_t n = strcspn(last, " \t");
  if (n == 0 || n >= sizeof item)
    return;
  memcpy(item, last, n);
  item[n] = 0;
  char addr[64];
  if (canonical(item, addr, sizeof addr))
    snprintf(out, cap, "%s", addr);
}
