/* Turkish and Azerbaijani names for synthetic watchlists (Latin letters,
 * with their diacritics; the plain-ASCII spellings are alternatives).
 * Turkish surnames come from a pool or are two words joined (Öz+türk,
 * Kara+kaya, Ak+yol); Azerbaijani ones are Russian-style (Mammadov, with
 * -a for women, Məmmədov in the Azerbaijani alphabet as an alternative). A
 * weak alias is a nickname before or after the given name (Deli Mehmet,
 * Mehmet Reis). */
#include "demo_wl.h"

#include <stdio.h>
#include <string.h>

/* ---- Turkish and Azerbaijani ---- */

static const wl_tok tr_m[] = {
    {"Mehmet", NULL, "Mehmed|Muhammed", NULL},
    {"Mustafa", NULL, NULL, NULL},
    {"Ahmet", NULL, "Ahmed", NULL},
    {"Ali", NULL, NULL, NULL},
    {"Hüseyin", NULL, "Huseyin|Hussein", NULL},
    {"Hasan", NULL, "Hassan", NULL},
    {"İbrahim", NULL, "Ibrahim", NULL},
    {"İsmail", NULL, "Ismail", NULL},
    {"Osman", NULL, NULL, NULL},
    {"Yusuf", NULL, NULL, NULL},
    {"Murat", NULL, "Murad", NULL},
    {"Ömer", NULL, "Omer|Omar", NULL},
    {"Ramazan", NULL, NULL, NULL},
    {"Halil", NULL, NULL, NULL},
    {"Süleyman", NULL, "Suleyman|Sulejman", NULL},
    {"Abdullah", NULL, NULL, NULL},
    {"Mahmut", NULL, "Mahmud", NULL},
    {"Recep", NULL, "Rejep", NULL},
    {"Salih", NULL, NULL, NULL},
    {"Kemal", NULL, "Kamal", NULL},
    {"Fatih", NULL, NULL, NULL},
    {"Emre", NULL, NULL, NULL},
    {"Burak", NULL, NULL, NULL},
    {"Serkan", NULL, NULL, NULL},
    {"Hakan", NULL, NULL, NULL},
    {"Orhan", NULL, NULL, NULL},
    {"Kadir", NULL, NULL, NULL},
    {"Erkan", NULL, NULL, NULL},
    {"Volkan", NULL, NULL, NULL},
    {"Cem", NULL, NULL, NULL},
    {"Tuncay", NULL, NULL, NULL},
    {"Selim", NULL, NULL, NULL},
    {"Yasin", NULL, NULL, NULL},
    {"Bülent", NULL, "Bulent", NULL},
    {"Levent", NULL, NULL, NULL},
    {"Cengiz", NULL, NULL, NULL},
    {"Tarık", NULL, "Tarik", NULL},
    {"Metin", NULL, NULL, NULL},
    {"Sinan", NULL, NULL, NULL},
    {"Yavuz", NULL, NULL, NULL},
    {"Barış", NULL, "Baris", NULL},
    {"Uğur", NULL, "Ugur", NULL},
    {"Gökhan", NULL, "Gokhan", NULL},
    {"Zeki", NULL, NULL, NULL},
};

static const wl_tok tr_f[] = {
    {"Fatma", NULL, NULL, NULL},    {"Ayşe", NULL, "Ayse", NULL},
    {"Emine", NULL, NULL, NULL},    {"Hatice", NULL, NULL, NULL},
    {"Zeynep", NULL, NULL, NULL},   {"Elif", NULL, NULL, NULL},
    {"Meryem", NULL, NULL, NULL},   {"Şerife", NULL, "Serife", NULL},
    {"Zehra", NULL, NULL, NULL},    {"Sultan", NULL, NULL, NULL},
    {"Hanife", NULL, NULL, NULL},   {"Merve", NULL, NULL, NULL},
    {"Özlem", NULL, "Ozlem", NULL}, {"Esra", NULL, NULL, NULL},
    {"Büşra", NULL, "Busra", NULL}, {"Hülya", NULL, "Hulya", NULL},
    {"Derya", NULL, NULL, NULL},    {"Sevgi", NULL, NULL, NULL},
    {"Gül", NULL, "Gul", NULL},     {"Aysel", NULL, NULL, NULL},
    {"Leyla", NULL, NULL, NULL},    {"Dilek", NULL, NULL, NULL},
    {"Yasemin", NULL, NULL, NULL},  {"Songül", NULL, "Songul", NULL},
};

static const wl_tok tr_sur[] = {
    {"Yılmaz", NULL, "Yilmaz", NULL},     {"Kaya", NULL, NULL, NULL},
    {"Demir", NULL, NULL, NULL},          {"Şahin", NULL, "Sahin", NULL},
    {"Çelik", NULL, "Celik", NULL},       {"Yıldız", NULL, "Yildiz", NULL},
    {"Yıldırım", NULL, "Yildirim", NULL}, {"Öztürk", NULL, "Ozturk", NULL},
    {"Aydın", NULL, "Aydin", NULL},       {"Özdemir", NULL, "Ozdemir", NULL},
    {"Arslan", NULL, "Aslan", NULL},      {"Doğan", NULL, "Dogan", NULL},
    {"Kılıç", NULL, "Kilic", NULL},       {"Çetin", NULL, "Cetin", NULL},
    {"Kara", NULL, NULL, NULL},           {"Koç", NULL, "Koc", NULL},
    {"Kurt", NULL, NULL, NULL},           {"Özkan", NULL, "Ozkan", NULL},
    {"Şimşek", NULL, "Simsek", NULL},     {"Polat", NULL, NULL, NULL},
    {"Korkmaz", NULL, NULL, NULL},        {"Erdoğan", NULL, "Erdogan", NULL},
    {"Güneş", NULL, "Gunes", NULL},       {"Yalçın", NULL, "Yalcin", NULL},
    {"Aksoy", NULL, NULL, NULL},          {"Bulut", NULL, NULL, NULL},
    {"Keskin", NULL, NULL, NULL},         {"Ünal", NULL, "Unal", NULL},
    {"Tekin", NULL, NULL, NULL},          {"Acar", NULL, NULL, NULL},
    {"Kaplan", NULL, NULL, NULL},         {"Bozkurt", NULL, NULL, NULL},
    {"Avcı", NULL, "Avci", NULL},         {"Toprak", NULL, NULL, NULL},
};

/* Two-word Turkish surnames: Öz+türk, Kara+kaya, Ak+yol. */
static const wl_tok tr_pre[] = {
    {"Ak", NULL, NULL, NULL},       {"Kara", NULL, NULL, NULL},
    {"Öz", NULL, "Oz", NULL},       {"Gül", NULL, "Gul", NULL},
    {"Er", NULL, NULL, NULL},       {"Ay", NULL, NULL, NULL},
    {"Yıl", NULL, "Yil", NULL},     {"Tun", NULL, NULL, NULL},
    {"Demir", NULL, NULL, NULL},    {"Kaya", NULL, NULL, NULL},
    {"Şen", NULL, "Sen", NULL},     {"Al", NULL, NULL, NULL},
    {"Bal", NULL, NULL, NULL},      {"Can", NULL, NULL, NULL},
    {"Çak", NULL, "Cak", NULL},     {"Tek", NULL, NULL, NULL},
    {"Gök", NULL, "Gok", NULL},     {"Uz", NULL, NULL, NULL},
    {"Taş", NULL, "Tas", NULL},     {"Kocaman", NULL, NULL, NULL},
    {"Yücel", NULL, "Yucel", NULL}, {"Bay", NULL, NULL, NULL},
    {"Doğru", NULL, "Dogru", NULL},
};
static const wl_tok tr_post[] = {
    {"türk", NULL, "turk", NULL}, {"demir", NULL, NULL, NULL},
    {"kaya", NULL, NULL, NULL},   {"taş", NULL, "tas", NULL},
    {"soy", NULL, NULL, NULL},    {"han", NULL, NULL, NULL},
    {"can", NULL, NULL, NULL},    {"dağ", NULL, "dag", NULL},
    {"bay", NULL, NULL, NULL},    {"er", NULL, NULL, NULL},
    {"oğlu", NULL, "oglu", NULL}, {"el", NULL, NULL, NULL},
    {"ok", NULL, NULL, NULL},     {"yol", NULL, NULL, NULL},
    {"göz", NULL, "goz", NULL},   {"kan", NULL, NULL, NULL},
    {"tekin", NULL, NULL, NULL},  {"men", NULL, NULL, NULL},
    {"gün", NULL, "gun", NULL},   {"alp", NULL, NULL, NULL},
    {"baş", NULL, "bas", NULL},   {"su", NULL, NULL, NULL},
    {"ateş", NULL, "ates", NULL}, {"yiğit", NULL, "yigit", NULL},
};

static const wl_tok az_m[] = {
    {"Elvin", NULL, NULL, NULL},     {"Rashad", NULL, "Rəşad|Rashid", NULL},
    {"Anar", NULL, NULL, NULL},      {"Ilham", NULL, "İlham", NULL},
    {"Vugar", NULL, "Vüqar", NULL},  {"Tural", NULL, NULL, NULL},
    {"Orkhan", NULL, "Orxan", NULL}, {"Farid", NULL, "Fərid", NULL},
    {"Kamran", NULL, NULL, NULL},    {"Elchin", NULL, "Elçin", NULL},
    {"Ramil", NULL, NULL, NULL},     {"Nijat", NULL, "Nicat", NULL},
    {"Elnur", NULL, NULL, NULL},     {"Samir", NULL, NULL, NULL},
    {"Rauf", NULL, NULL, NULL},      {"Mahir", NULL, NULL, NULL},
};
static const wl_tok az_f[] = {
    {"Aynur", NULL, NULL, NULL},      {"Gunel", NULL, "Günel", NULL},
    {"Sevinj", NULL, "Sevinc", NULL}, {"Leyla", NULL, NULL, NULL},
    {"Narmin", NULL, "Nərmin", NULL}, {"Aysel", NULL, NULL, NULL},
    {"Sabina", NULL, NULL, NULL},     {"Konul", NULL, "Könül", NULL},
};
/* Russian-style Azerbaijani surnames; +a for women. */
static const wl_tok az_sur[] = {
    {"Mammadov", NULL, "Məmmədov|Mamedov", NULL},
    {"Aliyev", NULL, "Əliyev|Aliev", NULL},
    {"Hasanov", NULL, "Həsənov|Gasanov", NULL},
    {"Huseynov", NULL, "Hüseynov|Guseinov", NULL},
    {"Guliyev", NULL, "Quliyev|Kuliev", NULL},
    {"Ismayilov", NULL, "İsmayılov|Ismailov", NULL},
    {"Abdullayev", NULL, "Abdullaev", NULL},
    {"Rzayev", NULL, "Rzaev", NULL},
    {"Suleymanov", NULL, "Süleymanov|Suleimanov", NULL},
    {"Mustafayev", NULL, "Mustafaev", NULL},
    {"Karimov", NULL, "Kərimov", NULL},
    {"Babayev", NULL, "Babaev", NULL},
    {"Ibrahimov", NULL, "İbrahimov", NULL},
    {"Jafarov", NULL, "Cəfərov|Dzhafarov", NULL},
    {"Gasimov", NULL, "Qasımov|Kasimov", NULL},
    {"Valiyev", NULL, "Vəliyev|Veliev", NULL},
};

void demo__wl_make_turkish(const char *nat, char sex, bool child, demo_rng *r,
                           wl_name *nm) {
  (void)child;
  bool f = sex == 'F';
  if (strcmp(nat, "AZE") == 0) {
    static const wl_pool m = WL_POOL(az_m, 2), w = WL_POOL(az_f, 2);
    demo__wl_add_tok(nm, WL_GIVEN, wl_draw(f ? &w : &m, r));
    const wl_tok *s = &az_sur[wl_index(r, WL_N(az_sur), 2)];
    wl_ntok *t = demo__wl_add_tok(nm, WL_SURNAME, s);
    if (f) {
      /* Mammadova; each alternative feminine too */
      strcat(t->lat, "a");
      char *o = t->altbuf;
      size_t cap = sizeof t->altbuf, n = 0;
      const char *a = s->alt;
      while (a && *a && n + 2 < cap) {
        const char *bar = strchr(a, '|');
        size_t len = bar ? (size_t)(bar - a) : strlen(a);
        n += (size_t)snprintf(o + n, cap - n, "%s%.*sa", n ? "|" : "", (int)len,
                              a);
        a = bar ? bar + 1 : NULL;
      }
    }
    return;
  }
  static const wl_pool m = WL_POOL(tr_m, 3), w = WL_POOL(tr_f, 2);
  demo__wl_add_tok(nm, WL_GIVEN, wl_draw(f ? &w : &m, r));
  if (demo_chance(r, 0.15)) {
    const wl_tok *g = wl_draw(f ? &w : &m, r);
    if (strcmp(g->lat, nm->t[0].lat) != 0)
      demo__wl_add_tok(nm, WL_MIDDLE, g);
  }
  if (demo_chance(r, 0.5)) {
    demo__wl_add_tok(nm, WL_SURNAME, wl_draw(&(wl_pool)WL_POOL(tr_sur, 2), r));
    return;
  }
  const wl_tok *a = &tr_pre[demo_below(r, WL_N(tr_pre))];
  const wl_tok *b = &tr_post[demo_below(r, WL_N(tr_post))];
  char lat[72];
  snprintf(lat, sizeof lat, "%s%s", a->lat, b->lat);
  wl_ntok *t = demo__wl_add(nm, WL_SURNAME, lat, NULL);
  if (a->alt || b->alt)
    snprintf(t->altbuf, sizeof t->altbuf, "%s%s", a->alt ? a->alt : a->lat,
             b->alt ? b->alt : b->lat);
}

/* Weak aliases: a nickname before the given name ("Deli Mehmet"). */
bool demo__wl_weak_turkish(const wl_name *nm, demo_rng *r, char *out,
                           size_t cap) {
  static const char *const nick[] = {"Deli", "Kara", "Topal", "Çolak",
                                     "Kel",  "Uzun", "Sarı",  "Kürt",
                                     "Laz",  "Arap", "Dayı",  "Reis"};
  uint32_t k = demo_below(r, WL_N(nick));
  if (k >= 10)
    snprintf(out, cap, "%s %s", nm->t[0].lat, nick[k]);
  else
    snprintf(out, cap, "%s %s", nick[k], nm->t[0].lat);
  return true;
}
