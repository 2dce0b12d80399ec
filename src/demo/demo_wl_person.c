/* What the naming cultures of the synthetic watchlists share: which
 * cultures a kind of list draws (and from which nationalities), names as
 * tokens written in Latin letters and in the original script, aliases, and
 * places of birth.
 *
 * A strong alias is the same name written otherwise: another romanisation
 * of one or more tokens (Mohammed for Muhammad, Youssef for Yusuf, Al
 * Tikriti for al-Tikriti), the name without the grandfather's or a middle
 * name, or a culture's own variant (the passport spelling of a Russian
 * name, Hong Kong or Taiwan romanisations of a Chinese one, a Hispanic name
 * without the mother's surname). A weak alias is a nickname, a kunya, a
 * title or a nom de guerre. */
#include "demo_wl.h"

#include <stdio.h>
#include <string.h>

uint32_t demo__wl_weighted(demo_rng *r, const uint16_t *w, uint32_t n) {
  uint32_t total = 0;
  for (uint32_t i = 0; i < n; i++)
    total += w[i];
  uint32_t x = demo_below(r, total);
  for (uint32_t i = 0; i < n; i++) {
    if (x < w[i])
      return i;
    x -= w[i];
  }
  return n - 1;
}

void demo__wl_pick_alt(const char *alts, demo_rng *r, char *out, size_t cap) {
  uint32_t n = 1;
  for (const char *p = alts; *p; p++)
    n += *p == '|';
  uint32_t k = demo_below(r, n);
  const char *a = alts;
  while (k--)
    a = strchr(a, '|') + 1;
  const char *bar = strchr(a, '|');
  size_t len = bar ? (size_t)(bar - a) : strlen(a);
  if (len >= cap)
    len = cap - 1;
  memcpy(out, a, len);
  out[len] = 0;
}

wl_ntok *demo__wl_add(wl_name *nm, uint8_t role, const char *lat,
                      const char *orig) {
  if (nm->n == WL_MAX_TOKENS)
    nm->n--; /* never in practice: the makers add at most six */
  wl_ntok *t = &nm->t[nm->n++];
  wl_copy(t->lat, sizeof t->lat, lat);
  wl_copy(t->orig, sizeof t->orig, orig ? orig : "");
  t->base = t->alt = t->nick = NULL;
  t->altbuf[0] = 0;
  t->role = role;
  return t;
}

wl_ntok *demo__wl_add_tok(wl_name *nm, uint8_t role, const wl_tok *w) {
  wl_ntok *t = demo__wl_add(nm, role, w->lat, w->orig);
  t->base = w->lat;
  t->alt = w->alt;
  t->nick = w->nick;
  return t;
}

static void append(char *out, size_t cap, size_t *n, const char *sep,
                   const char *s) {
  if (*n)
    *n += wl_copy(out + *n, cap - *n, sep);
  *n += wl_copy(out + *n, cap - *n, s);
}

void demo__wl_join(const wl_name *nm, const char *const *repl, char *out,
                   size_t cap) {
  size_t n = 0;
  out[0] = 0;
  for (int i = 0; i < nm->n; i++) {
    const char *s = repl && repl[i] ? repl[i] : nm->t[i].lat;
    if (*s)
      append(out, cap, &n, " ", s);
  }
}

void demo__wl_latin(const wl_name *nm, char *out, size_t cap) {
  demo__wl_join(nm, NULL, out, cap);
}

bool demo__wl_original(const wl_name *nm, char *out, size_t cap) {
  out[0] = 0;
  if (nm->script == WL_S_LATIN || nm->n == 0)
    return false;
  for (int i = 0; i < nm->n; i++)
    if (!nm->t[i].orig[0])
      return false;
  size_t n = 0;
  const char *sep = nm->orig_nospace ? "" : " ";
  for (int k = 0; k < nm->n; k++) {
    int i = nm->orig_reversed ? nm->n - 1 - k : k;
    if (n == 0) {
      append(out, cap, &n, "", nm->t[i].orig);
    } else {
      append(out, cap, &n, "", sep);
      append(out, cap, &n, "", nm->t[i].orig);
    }
  }
  return true;
}

/* ---- cultures ---- */

const wl_culture demo__wl_cultures[WL_CULTURES] = {
    [WL_C_ARABIC] = {demo__wl_make_arabic, NULL, demo__wl_weak_arabic,
                     WL_S_ARABIC, 70},
    [WL_C_PERSIAN] = {demo__wl_make_persian, NULL, NULL, WL_S_ARABIC, 60},
    [WL_C_PASHTO] = {demo__wl_make_pashto, NULL, demo__wl_weak_pashto,
                     WL_S_ARABIC, 55},
    [WL_C_RUSSIAN] = {demo__wl_make_russian, demo__wl_strong_slavic, NULL,
                      WL_S_CYRILLIC, 80},
    [WL_C_UKRAINIAN] = {demo__wl_make_ukrainian, demo__wl_strong_slavic, NULL,
                        WL_S_CYRILLIC, 75},
    [WL_C_GREEK] = {demo__wl_make_greek, NULL, NULL, WL_S_GREEK, 60},
    [WL_C_TURKISH] = {demo__wl_make_turkish, NULL, demo__wl_weak_turkish,
                      WL_S_LATIN, 0},
    [WL_C_WESTERN] = {demo__wl_make_western, NULL, NULL, WL_S_LATIN, 0},
    [WL_C_HISPANIC] = {demo__wl_make_hispanic, demo__wl_strong_hispanic,
                       demo__wl_weak_hispanic, WL_S_LATIN, 0},
    [WL_C_WEST_AFRICAN] = {demo__wl_make_west_african, NULL,
                           demo__wl_weak_african, WL_S_LATIN, 0},
    [WL_C_EAST_AFRICAN] = {demo__wl_make_east_african, NULL,
                           demo__wl_weak_african, WL_S_LATIN, 0},
    [WL_C_SOUTH_ASIAN] = {demo__wl_make_south_asian, NULL,
                          demo__wl_weak_south_asian, WL_S_LATIN, 0},
    [WL_C_CHINESE] = {demo__wl_make_chinese, demo__wl_strong_cjk,
                      demo__wl_weak_cjk, WL_S_HAN, 80},
    [WL_C_KOREAN] = {demo__wl_make_korean, demo__wl_strong_cjk,
                     demo__wl_weak_cjk, WL_S_HANGUL, 80},
    [WL_C_JAPANESE] = {demo__wl_make_japanese, demo__wl_strong_cjk,
                       demo__wl_weak_cjk, WL_S_KANJI, 50},
    [WL_C_SE_ASIAN] = {demo__wl_make_se_asian, demo__wl_strong_se_asian,
                       demo__wl_weak_se_asian, WL_S_THAI, 60},
};

/* Shares of the cultures: persons (wanted and sanctioned), protection
 * alerts (missing children, victims of trafficking). */
static const uint16_t persons_mix[WL_CULTURES] = {
    [WL_C_ARABIC] = 20,      [WL_C_PERSIAN] = 5,      [WL_C_PASHTO] = 5,
    [WL_C_RUSSIAN] = 11,     [WL_C_UKRAINIAN] = 3,    [WL_C_GREEK] = 2,
    [WL_C_TURKISH] = 4,      [WL_C_WESTERN] = 7,      [WL_C_HISPANIC] = 9,
    [WL_C_WEST_AFRICAN] = 6, [WL_C_EAST_AFRICAN] = 6, [WL_C_SOUTH_ASIAN] = 8,
    [WL_C_CHINESE] = 8,      [WL_C_KOREAN] = 4,       [WL_C_JAPANESE] = 1,
    [WL_C_SE_ASIAN] = 5};
static const uint16_t protection_mix[WL_CULTURES] = {
    [WL_C_ARABIC] = 8,       [WL_C_PERSIAN] = 3,      [WL_C_PASHTO] = 3,
    [WL_C_RUSSIAN] = 6,      [WL_C_UKRAINIAN] = 6,    [WL_C_GREEK] = 2,
    [WL_C_TURKISH] = 4,      [WL_C_WESTERN] = 14,     [WL_C_HISPANIC] = 12,
    [WL_C_WEST_AFRICAN] = 8, [WL_C_EAST_AFRICAN] = 8, [WL_C_SOUTH_ASIAN] = 9,
    [WL_C_CHINESE] = 6,      [WL_C_KOREAN] = 2,       [WL_C_JAPANESE] = 2,
    [WL_C_SE_ASIAN] = 10};

int demo__wl_culture(int kind, demo_rng *r) {
  return (int)demo__wl_weighted(
      r, kind == BMIS_DEMO_WL_PROTECTION ? protection_mix : persons_mix,
      WL_CULTURES);
}

#define SHARES(a) a, WL_N(a)
static const demo__share nat_ar[] = {
    {"IRQ", 15}, {"SYR", 15}, {"SAU", 10}, {"EGY", 12}, {"YEM", 10},
    {"LBY", 6},  {"JOR", 5},  {"LBN", 5},  {"SDN", 6},  {"PSE", 4},
    {"MAR", 5},  {"DZA", 5},  {"TUN", 5},  {"KWT", 2},  {"ARE", 1},
    {"QAT", 1},  {"OMN", 1},  {"BHR", 1},  {"MRT", 1}};
static const demo__share nat_fa[] = {{"IRN", 75}, {"AFG", 25}};
static const demo__share nat_ps[] = {{"AFG", 75}, {"PAK", 25}};
static const demo__share nat_ru[] = {{"RUS", 82}, {"BLR", 8}, {"KAZ", 5},
                                     {"KGZ", 2},  {"MDA", 2}, {"UZB", 1}};
static const demo__share nat_ua[] = {{"UKR", 95}, {"MDA", 5}};
static const demo__share nat_gr[] = {{"GRC", 80}, {"CYP", 20}};
static const demo__share nat_tr[] = {{"TUR", 80}, {"AZE", 20}};
static const demo__share nat_we[] = {{"GBR", 18}, {"USA", 18}, {"FRA", 14},
                                     {"DEU", 13}, {"ITA", 10}, {"NLD", 5},
                                     {"BEL", 5},  {"IRL", 3},  {"CAN", 5},
                                     {"AUS", 4},  {"AUT", 3},  {"CHE", 2}};
static const demo__share nat_es[] = {
    {"MEX", 25}, {"COL", 20}, {"VEN", 10}, {"ESP", 10}, {"ARG", 5}, {"PER", 6},
    {"GTM", 5},  {"HND", 5},  {"SLV", 4},  {"ECU", 4},  {"CUB", 3}, {"DOM", 3}};
static const demo__share nat_wa[] = {
    {"NGA", 35}, {"GHA", 10}, {"SEN", 8}, {"MLI", 10}, {"NER", 6}, {"BFA", 5},
    {"CIV", 6},  {"GIN", 5},  {"CMR", 5}, {"TCD", 4},  {"SLE", 3}, {"LBR", 3}};
static const demo__share nat_ea[] = {{"SOM", 30}, {"KEN", 20}, {"ETH", 20},
                                     {"ERI", 8},  {"UGA", 8},  {"TZA", 6},
                                     {"SSD", 8}};
static const demo__share nat_sa[] = {
    {"IND", 55}, {"PAK", 25}, {"BGD", 12}, {"LKA", 5}, {"NPL", 3}};
static const demo__share nat_cn[] = {
    {"CHN", 75}, {"TWN", 8}, {"HKG", 7}, {"SGP", 5}, {"MYS", 5}};
static const demo__share nat_kr[] = {{"KOR", 70}, {"PRK", 30}};
static const demo__share nat_jp[] = {{"JPN", 100}};
static const demo__share nat_se[] = {{"VNM", 30}, {"PHL", 25}, {"IDN", 20},
                                     {"THA", 12}, {"MYS", 6},  {"MMR", 7}};

static const struct {
  const demo__share *v;
  size_t n;
} nations[WL_CULTURES] = {
    [WL_C_ARABIC] = {SHARES(nat_ar)},
    [WL_C_PERSIAN] = {SHARES(nat_fa)},
    [WL_C_PASHTO] = {SHARES(nat_ps)},
    [WL_C_RUSSIAN] = {SHARES(nat_ru)},
    [WL_C_UKRAINIAN] = {SHARES(nat_ua)},
    [WL_C_GREEK] = {SHARES(nat_gr)},
    [WL_C_TURKISH] = {SHARES(nat_tr)},
    [WL_C_WESTERN] = {SHARES(nat_we)},
    [WL_C_HISPANIC] = {SHARES(nat_es)},
    [WL_C_WEST_AFRICAN] = {SHARES(nat_wa)},
    [WL_C_EAST_AFRICAN] = {SHARES(nat_ea)},
    [WL_C_SOUTH_ASIAN] = {SHARES(nat_sa)},
    [WL_C_CHINESE] = {SHARES(nat_cn)},
    [WL_C_KOREAN] = {SHARES(nat_kr)},
    [WL_C_JAPANESE] = {SHARES(nat_jp)},
    [WL_C_SE_ASIAN] = {SHARES(nat_se)},
};

const char *demo__wl_nationality(int culture, demo_rng *r) {
  const demo__share *v = nations[culture].v;
  size_t n = nations[culture].n;
  uint32_t total = 0;
  for (size_t i = 0; i < n; i++)
    total += v[i].weight;
  uint32_t x = demo_below(r, total);
  for (size_t i = 0; i < n; i++) {
    if (x < v[i].weight)
      return v[i].code;
    x -= v[i].weight;
  }
  return v[n - 1].code;
}

void demo__wl_make_name(int culture, const char *nat, char sex, bool child,
                        demo_rng *r, wl_name *out) {
  out->orig_nospace = out->orig_reversed = false;
  out->style = 0;
  out->n = 0;
  out->extra[0] = 0;
  out->culture = (uint8_t)culture;
  out->script = demo__wl_cultures[culture].script;
  out->sex = sex;
  wl_copy(out->nat, sizeof out->nat, nat);
  demo__wl_cultures[culture].make(nat, sex, child, r, out);
}

/* ---- aliases ---- */

/* Whether candidate `c` (length len) is a usable alternative of token t. */
static bool differs(const wl_ntok *t, const char *c, size_t len) {
  return len && !(strlen(t->lat) == len && strncmp(t->lat, c, len) == 0);
}

/* The forms token t may take instead of its own: its table form when lat
 * is another one, and its alternatives. Writes one, drawn at random, into
 * out; false when there is none. */
static bool other_form(const wl_ntok *t, demo_rng *r, char *out, size_t cap) {
  const char *forms[16];
  size_t lens[16];
  int n = 0;
  if (t->base && differs(t, t->base, strlen(t->base))) {
    forms[n] = t->base;
    lens[n++] = strlen(t->base);
  }
  for (const char *a = wl_alts(t); a && *a && n < 16;) {
    const char *bar = strchr(a, '|');
    size_t len = bar ? (size_t)(bar - a) : strlen(a);
    if (differs(t, a, len)) {
      forms[n] = a;
      lens[n++] = len;
    }
    a = bar ? bar + 1 : a + len;
  }
  if (n == 0)
    return false;
  uint32_t k = demo_below(r, (uint32_t)n);
  size_t len = lens[k] < cap ? lens[k] : cap - 1;
  memcpy(out, forms[k], len);
  out[len] = 0;
  return true;
}

static bool alias_romanised(const wl_name *nm, demo_rng *r, char *out,
                            size_t cap) {
  char forms[WL_MAX_TOKENS][72];
  const char *repl[WL_MAX_TOKENS] = {0};
  int can[WL_MAX_TOKENS], ncan = 0;
  for (int i = 0; i < nm->n; i++)
    if (other_form(&nm->t[i], r, forms[i], sizeof forms[i]))
      can[ncan++] = i;
  if (ncan == 0)
    return false;
  int first = can[demo_below(r, (uint32_t)ncan)];
  for (int k = 0; k < ncan; k++)
    if (can[k] == first || demo_chance(r, 0.35))
      repl[can[k]] = forms[can[k]];
  demo__wl_join(nm, repl, out, cap);
  return true;
}

/* The name without the grandfather's name, or without a middle name. */
static bool alias_shortened(const wl_name *nm, demo_rng *r, char *out,
                            size_t cap) {
  (void)r;
  if (nm->n < 3)
    return false;
  const char *repl[WL_MAX_TOKENS] = {0};
  for (int i = 0; i < nm->n; i++)
    if (nm->t[i].role == WL_GRANDFATHER || nm->t[i].role == WL_MIDDLE) {
      repl[i] = "";
      demo__wl_join(nm, repl, out, cap);
      return true;
    }
  return false;
}

bool demo__wl_strong_alias(const wl_name *nm, demo_rng *r, char *out,
                           size_t cap) {
  wl_alias_fn hook = demo__wl_cultures[nm->culture].strong;
  wl_alias_fn ways[3] = {alias_romanised, alias_shortened, hook};
  uint32_t start = demo_below(r, hook ? 3 : 2);
  /* Romanisations first, mostly: they are what lists hold most. */
  if (demo_chance(r, 0.5))
    start = 0;
  for (uint32_t k = 0; k < 3; k++) {
    wl_alias_fn f = ways[(start + k) % 3];
    if (f && f(nm, r, out, cap))
      return true;
  }
  return false;
}

bool demo__wl_weak_alias(const wl_name *nm, demo_rng *r, char *out,
                         size_t cap) {
  wl_alias_fn hook = demo__wl_cultures[nm->culture].weak;
  if (hook && demo_chance(r, 0.6) && hook(nm, r, out, cap))
    return true;
  for (int i = 0; i < nm->n; i++) {
    const wl_ntok *g = &nm->t[i];
    if (g->role != WL_GIVEN || !g->nick)
      continue;
    const char *sur = NULL;
    for (int j = 0; j < nm->n; j++)
      if (nm->t[j].role == WL_SURNAME)
        sur = nm->t[j].lat;
    if (sur && demo_chance(r, 0.6))
      snprintf(out, cap, "%s %s", g->nick, sur);
    else
      snprintf(out, cap, "%s", g->nick);
    return true;
  }
  return hook && hook(nm, r, out, cap);
}

/* ---- places ---- */

static const struct {
  const char *code, *cities;
} cities[] = {
    {"AFG", "Kabul|Kandahar|Herat|Jalalabad|Kunduz|Ghazni|Khost"},
    {"ARE", "Dubai|Abu Dhabi|Sharjah"},
    {"ARG", "Buenos Aires|Córdoba|Rosario|Mendoza"},
    {"AUS", "Sydney|Melbourne|Brisbane|Perth"},
    {"AUT", "Vienna|Graz|Linz"},
    {"AZE", "Baku|Ganja|Sumqayit"},
    {"BEL", "Brussels|Antwerp|Liège|Charleroi"},
    {"BFA", "Ouagadougou|Bobo-Dioulasso"},
    {"BGD", "Dhaka|Chittagong|Sylhet|Khulna"},
    {"BHR", "Manama"},
    {"BLR", "Minsk|Gomel|Brest|Grodno"},
    {"CAN", "Toronto|Montreal|Vancouver|Ottawa"},
    {"CHE", "Zurich|Geneva|Basel"},
    {"CHN", "Beijing|Shanghai|Guangzhou|Fuzhou|Wenzhou|Chengdu|Harbin|Kunming"},
    {"CIV", "Abidjan|Bouaké|Yamoussoukro"},
    {"CMR", "Douala|Yaoundé|Bamenda"},
    {"COL", "Bogotá|Medellín|Cali|Barranquilla|Cúcuta"},
    {"CUB", "Havana|Santiago de Cuba"},
    {"CYP", "Nicosia|Limassol|Larnaca"},
    {"DEU", "Berlin|Hamburg|Munich|Cologne|Frankfurt|Duisburg"},
    {"DOM", "Santo Domingo|Santiago de los Caballeros"},
    {"DZA", "Algiers|Oran|Constantine|Annaba"},
    {"ECU", "Guayaquil|Quito"},
    {"EGY", "Cairo|Alexandria|Giza|Asyut|Port Said"},
    {"ERI", "Asmara|Keren|Massawa"},
    {"ESP", "Madrid|Barcelona|Seville|Valencia|Málaga"},
    {"ETH", "Addis Ababa|Dire Dawa|Gondar|Mekelle|Jijiga"},
    {"FRA", "Paris|Marseille|Lyon|Toulouse|Lille|Nice"},
    {"GBR", "London|Birmingham|Manchester|Glasgow|Liverpool|Leeds"},
    {"GHA", "Accra|Kumasi|Tamale"},
    {"GIN", "Conakry|Kankan"},
    {"GRC", "Athens|Thessaloniki|Patras|Heraklion"},
    {"GTM", "Guatemala City|Quetzaltenango"},
    {"HKG", "Hong Kong"},
    {"HND", "Tegucigalpa|San Pedro Sula"},
    {"IDN", "Jakarta|Surabaya|Bandung|Medan|Solo"},
    {"IND", "Mumbai|Delhi|Kolkata|Chennai|Hyderabad|Lucknow|Amritsar"},
    {"IRL", "Dublin|Cork|Limerick"},
    {"IRN", "Tehran|Mashhad|Isfahan|Tabriz|Shiraz|Qom|Zahedan"},
    {"IRQ", "Baghdad|Mosul|Basra|Tikrit|Fallujah|Kirkuk|Ramadi|Samarra"},
    {"ITA", "Rome|Milan|Naples|Palermo|Turin|Reggio Calabria"},
    {"JOR", "Amman|Zarqa|Irbid"},
    {"JPN", "Tokyo|Osaka|Kobe|Yokohama|Fukuoka"},
    {"KAZ", "Almaty|Astana|Shymkent"},
    {"KEN", "Nairobi|Mombasa|Kisumu|Garissa|Eldoret"},
    {"KGZ", "Bishkek|Osh"},
    {"KOR", "Seoul|Busan|Incheon|Daegu"},
    {"KWT", "Kuwait City"},
    {"LBN", "Beirut|Tripoli|Sidon|Baalbek"},
    {"LBR", "Monrovia"},
    {"LBY", "Tripoli|Benghazi|Misrata|Derna|Sirte"},
    {"LKA", "Colombo|Kandy|Jaffna"},
    {"MAR", "Casablanca|Rabat|Tangier|Fez|Marrakesh|Nador"},
    {"MDA", "Chișinău|Bălți"},
    {"MEX", "Mexico City|Guadalajara|Culiacán|Tijuana|Monterrey|Ciudad Juárez"},
    {"MLI", "Bamako|Gao|Timbuktu|Mopti|Kidal"},
    {"MMR", "Yangon|Mandalay|Sittwe"},
    {"MRT", "Nouakchott"},
    {"MYS", "Kuala Lumpur|Johor Bahru|Penang|Kota Kinabalu"},
    {"NER", "Niamey|Agadez|Zinder"},
    {"NGA", "Lagos|Kano|Maiduguri|Abuja|Port Harcourt|Benin City|Onitsha"},
    {"NLD", "Amsterdam|Rotterdam|The Hague|Utrecht"},
    {"NPL", "Kathmandu|Pokhara"},
    {"OMN", "Muscat|Salalah"},
    {"PAK", "Karachi|Lahore|Peshawar|Quetta|Rawalpindi|Multan"},
    {"PER", "Lima|Arequipa|Trujillo"},
    {"PHL", "Manila|Cebu|Davao|Zamboanga|Cotabato"},
    {"PRK", "Pyongyang|Hamhung|Chongjin"},
    {"PSE", "Gaza|Hebron|Nablus|Jenin"},
    {"QAT", "Doha"},
    {"RUS", "Moscow|Saint "
            "Petersburg|Novosibirsk|Yekaterinburg|Kazan|Rostov-on-Don|Grozny|"
            "Makhachkala"},
    {"SAU", "Riyadh|Jeddah|Mecca|Medina|Dammam|Buraydah"},
    {"SDN", "Khartoum|Omdurman|Port Sudan|Nyala"},
    {"SEN", "Dakar|Thiès|Touba|Saint-Louis"},
    {"SGP", "Singapore"},
    {"SLE", "Freetown|Bo"},
    {"SLV", "San Salvador|Santa Ana"},
    {"SOM", "Mogadishu|Kismayo|Baidoa|Hargeisa|Bosaso|Galkayo"},
    {"SSD", "Juba|Malakal|Wau"},
    {"SYR", "Damascus|Aleppo|Homs|Hama|Deir ez-Zor|Raqqa|Idlib"},
    {"TCD", "N'Djamena|Abéché"},
    {"THA", "Bangkok|Chiang Mai|Pattaya|Hat Yai"},
    {"TUN", "Tunis|Sfax|Sousse|Ben Guerdane"},
    {"TUR", "Istanbul|Ankara|Izmir|Gaziantep|Diyarbakır|Adana"},
    {"TWN", "Taipei|Kaohsiung|Taichung"},
    {"TZA", "Dar es Salaam|Zanzibar|Arusha"},
    {"UGA", "Kampala|Gulu|Mbarara"},
    {"UKR", "Kyiv|Kharkiv|Odesa|Dnipro|Lviv|Donetsk"},
    {"USA", "New York|Los Angeles|Chicago|Houston|Miami|Detroit"},
    {"UZB", "Tashkent|Samarkand|Namangan"},
    {"VEN", "Caracas|Maracaibo|Valencia|Barquisimeto"},
    {"VNM", "Hanoi|Ho Chi Minh City|Hai Phong|Da Nang|Nghe An"},
    {"YEM", "Sanaa|Aden|Taiz|Marib|Mukalla"},
};

const char *demo__wl_city(const char *nat, demo_rng *r, char *buf, size_t cap) {
  size_t lo = 0, hi = WL_N(cities);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(cities[mid].code, nat);
    if (c == 0) {
      demo__wl_pick_alt(cities[mid].cities, r, buf, cap);
      return buf;
    }
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}
