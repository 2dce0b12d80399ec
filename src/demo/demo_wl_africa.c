/* West and East African names for synthetic watchlists (Latin letters
 * only).
 *
 * West Africa mixes Muslim names in French or Hausa romanisations
 * (Mamadou/Muhammad, Ousmane/Usman, Aboubacar/Abubakar) with Christian and
 * Yoruba, Igbo and Akan ones; Yoruba and Igbo surnames are composed
 * (Ade+yemi, Olu+wale, Chukwu+emeka). Somali names are three given names
 * (the father's and grandfather's), with the Somali spellings (Maxamed,
 * Cabdi, Xasan) as alternatives; Ethiopian and Eritrean ones two; Kenyan
 * surnames are Luo (O+tieno), Kalenjin (Kip+rono) or from pools. Weak
 * aliases are Somali nicknames (Mohamed Dheere), Alhaji and chiefs'
 * titles. */
#include "demo_wl.h"

#include <stdio.h>
#include <string.h>

/* ---- West Africa ---- */

static const wl_tok wa_mm[] = {
    {"Mamadou", 0, "Mamadu|Mohamed|Muhammad", 0},
    {"Muhammad", 0, "Mohammed|Muhammadu|Mohamed", 0},
    {"Moussa", 0, "Musa", 0},
    {"Ousmane", 0, "Usman|Othman|Ousman", 0},
    {"Amadou", 0, "Ahmadou|Ahmed|Ahmadu", 0},
    {"Abdoulaye", 0, "Abdullahi|Abdallah", 0},
    {"Ibrahima", 0, "Ibrahim", 0},
    {"Aboubacar", 0, "Abubakar|Boubacar|Abu Bakr", 0},
    {"Souleymane", 0, "Sulaiman|Suleiman", 0},
    {"Cheikh", 0, "Sheikh|Shaykh", 0},
    {"Alassane", 0, "Hassane|Hassan", 0},
    {"Oumar", 0, "Umar|Omar", 0},
    {"Seydou", 0, "Saidou|Saidu", 0},
    {"Bakary", 0, "Bakari", 0},
    {"Lamine", 0, "Al-Amin|Lamin", 0},
    {"Idrissa", 0, "Idris", 0},
    {"Adama", 0, 0, 0},
    {"Issa", 0, "Isa", 0},
    {"Aliyu", 0, "Aliou|Ali", 0},
    {"Yusuf", 0, "Youssouf|Yusufu", 0},
    {"Sani", 0, 0, 0},
    {"Bello", 0, 0, 0},
    {"Haruna", 0, "Harouna", 0},
    {"Garba", 0, 0, 0},
    {"Lawal", 0, "Lawan", 0},
    {"Shehu", 0, "Shaibu", 0},
    {"Nasiru", 0, "Nasir", 0},
    {"Kabiru", 0, "Kabir", 0},
    {"Salif", 0, "Salifou", 0},
    {"Modibo", 0, 0, 0},
    {"Hamidou", 0, "Hamid", 0},
    {"Boukar", 0, "Bukar", 0},
};
static const wl_tok wa_mf[] = {
    {"Fatoumata", 0, "Fatimata|Fatima|Fatuma", 0},
    {"Aminata", 0, "Aminatu|Amina", 0},
    {"Mariam", 0, "Mariama|Maryam", 0},
    {"Aïssatou", 0, "Aissatou|Aishatu|Aisha", 0},
    {"Kadiatou", 0, "Khadija|Kadidia", 0},
    {"Hawa", 0, "Hauwa|Awa", 0},
    {"Fanta", 0, 0, 0},
    {"Ramatoulaye", 0, "Rahmatu", 0},
    {"Oumou", 0, 0, 0},
    {"Zainab", 0, "Zainabu|Djeneba", 0},
    {"Hadiza", 0, "Hadiza|Hadjara", 0},
    {"Halima", 0, "Halimatou", 0},
    {"Bintou", 0, 0, 0},
    {"Salimata", 0, 0, 0},
    {"Coumba", 0, "Kumba", 0},
    {"Ndeye", 0, 0, 0},
};
static const wl_tok wa_msur[] = {
    {"Diallo", 0, "Jallo|Jalloh", 0},
    {"Traoré", 0, "Traore", 0},
    {"Coulibaly", 0, "Kulibali", 0},
    {"Keïta", 0, "Keita", 0},
    {"Koné", 0, "Kone", 0},
    {"Diarra", 0, 0, 0},
    {"Touré", 0, "Toure", 0},
    {"Camara", 0, "Kamara", 0},
    {"Sylla", 0, "Sila", 0},
    {"Konaté", 0, "Konate", 0},
    {"Sangaré", 0, "Sangare", 0},
    {"Cissé", 0, "Cisse", 0},
    {"Bâ", 0, "Ba|Bah", 0},
    {"Barry", 0, "Bari", 0},
    {"Sow", 0, 0, 0},
    {"Ndiaye", 0, "N'Diaye", 0},
    {"Diop", 0, 0, 0},
    {"Fall", 0, 0, 0},
    {"Sy", 0, 0, 0},
    {"Gueye", 0, 0, 0},
    {"Dembélé", 0, "Dembele", 0},
    {"Doumbia", 0, 0, 0},
    {"Ouédraogo", 0, "Ouedraogo", 0},
    {"Sawadogo", 0, 0, 0},
    {"Maïga", 0, "Maiga", 0},
    {"Sidibé", 0, "Sidibe", 0},
    {"Abubakar", 0, "Aboubakar", 0},
    {"Bello", 0, 0, 0},
    {"Musa", 0, 0, 0},
    {"Usman", 0, 0, 0},
    {"Ibrahim", 0, 0, 0},
    {"Yakubu", 0, 0, 0},
    {"Danjuma", 0, 0, 0},
    {"Mahamat", 0, "Mahamad", 0},
    {"Issoufou", 0, "Issoufu", 0},
    {"Oumarou", 0, 0, 0},
};
static const wl_tok wa_cm[] = {
    {"Emmanuel", 0, 0, "Emma"},
    {"Samuel", 0, 0, "Sammy"},
    {"Daniel", 0, 0, 0},
    {"Joseph", 0, 0, "Jo"},
    {"John", 0, 0, 0},
    {"Peter", 0, 0, 0},
    {"Michael", 0, 0, "Mike"},
    {"Godwin", 0, 0, 0},
    {"Chinedu", 0, 0, "Nedu"},
    {"Emeka", 0, 0, 0},
    {"Chukwuemeka", 0, 0, "Emeka"},
    {"Obinna", 0, 0, 0},
    {"Ikenna", 0, 0, "Ike"},
    {"Nnamdi", 0, 0, 0},
    {"Uchenna", 0, 0, "Uche"},
    {"Olumide", 0, 0, "Mide"},
    {"Oluwaseun", 0, 0, "Seun"},
    {"Babatunde", 0, 0, "Tunde"},
    {"Adebayo", 0, 0, "Bayo"},
    {"Olusegun", 0, 0, "Segun"},
    {"Ayodele", 0, 0, "Ayo"},
    {"Kwame", 0, 0, 0},
    {"Kofi", 0, 0, 0},
    {"Kwabena", 0, 0, 0},
    {"Kwaku", 0, 0, 0},
    {"Yaw", 0, 0, 0},
    {"Kwesi", 0, "Kwasi", 0},
    {"Kojo", 0, 0, 0},
    {"Jean-Pierre", 0, 0, "JP"},
    {"Serge", 0, 0, 0},
    {"Patrice", 0, 0, 0},
    {"Prince", 0, 0, 0},
};
static const wl_tok wa_cf[] = {
    {"Chioma", 0, 0, 0},
    {"Ngozi", 0, 0, 0},
    {"Adaeze", 0, 0, "Ada"},
    {"Chiamaka", 0, 0, "Amaka"},
    {"Nkechi", 0, 0, 0},
    {"Funmilayo", 0, 0, "Funmi"},
    {"Yetunde", 0, 0, 0},
    {"Folake", 0, 0, 0},
    {"Abimbola", 0, 0, "Bimbo"},
    {"Blessing", 0, 0, 0},
    {"Grace", 0, 0, 0},
    {"Mercy", 0, 0, 0},
    {"Comfort", 0, 0, 0},
    {"Patience", 0, 0, 0},
    {"Joy", 0, 0, 0},
    {"Esther", 0, 0, 0},
    {"Akosua", 0, 0, 0},
    {"Ama", 0, 0, 0},
    {"Abena", 0, 0, 0},
    {"Efua", 0, "Effua", 0},
    {"Adwoa", 0, 0, 0},
    {"Marie", 0, 0, 0},
    {"Chantal", 0, 0, 0},
    {"Princess", 0, 0, 0},
};
static const wl_tok wa_csur[] = {
    {"Okafor", 0, 0, 0},        {"Okonkwo", 0, 0, 0},
    {"Eze", 0, 0, 0},           {"Nwosu", 0, 0, 0},
    {"Okeke", 0, 0, 0},         {"Obi", 0, 0, 0},
    {"Nwachukwu", 0, 0, 0},     {"Okoro", 0, 0, 0},
    {"Adeyemi", 0, 0, 0},       {"Ogunleye", 0, 0, 0},
    {"Balogun", 0, 0, 0},       {"Oladipo", 0, 0, 0},
    {"Akinola", 0, 0, 0},       {"Ogundipe", 0, 0, 0},
    {"Mensah", 0, 0, 0},        {"Asante", 0, "Ashanti", 0},
    {"Owusu", 0, 0, 0},         {"Boateng", 0, 0, 0},
    {"Appiah", 0, 0, 0},        {"Osei", 0, 0, 0},
    {"Agyemang", 0, 0, 0},      {"Addo", 0, 0, 0},
    {"Kamara", 0, 0, 0},        {"Koroma", 0, 0, 0},
    {"Sesay", 0, 0, 0},         {"Conteh", 0, 0, 0},
    {"Bangura", 0, 0, 0},       {"Johnson", 0, 0, 0},
    {"Doe", 0, 0, 0},           {"Kouassi", 0, 0, 0},
    {"Kouamé", 0, "Kouame", 0}, {"N'Guessan", 0, "Nguessan", 0},
    {"Konan", 0, 0, 0},         {"Mbarga", 0, 0, 0},
    {"Ngono", 0, 0, 0},         {"Fotso", 0, 0, 0},
    {"Atangana", 0, 0, 0},      {"Essomba", 0, 0, 0},
};
/* Yoruba and Igbo name parts. */
static const wl_tok yo_pre[] = {
    {"Ade", 0, 0, 0},  {"Olu", 0, 0, 0},  {"Oluwa", 0, 0, 0}, {"Ayo", 0, 0, 0},
    {"Oba", 0, 0, 0},  {"Ola", 0, 0, 0},  {"Fola", 0, 0, 0},  {"Bami", 0, 0, 0},
    {"Akin", 0, 0, 0}, {"Ogun", 0, 0, 0}, {"Oye", 0, 0, 0},   {"Omo", 0, 0, 0},
    {"Ife", 0, 0, 0},  {"Kola", 0, 0, 0}, {"Ajayi", 0, 0, 0}, {"Olo", 0, 0, 0},
};
static const wl_tok yo_post[] = {
    {"yemi", 0, 0, 0},  {"wale", 0, 0, 0},   {"bayo", 0, 0, 0},
    {"tunde", 0, 0, 0}, {"sola", 0, 0, 0},   {"kunle", 0, 0, 0},
    {"dele", 0, 0, 0},  {"mide", 0, 0, 0},   {"seun", 0, 0, 0},
    {"jide", 0, 0, 0},  {"gbenga", 0, 0, 0}, {"tola", 0, 0, 0},
    {"dun", 0, 0, 0},   {"niyi", 0, 0, 0},   {"femi", 0, 0, 0},
    {"kanmi", 0, 0, 0}, {"wumi", 0, 0, 0},   {"labi", 0, 0, 0},
    {"tokun", 0, 0, 0}, {"diran", 0, 0, 0},
};
static const wl_tok ig_pre[] = {
    {"Chukwu", 0, 0, 0}, {"Chi", 0, 0, 0},  {"Nwa", 0, 0, 0},  {"Obi", 0, 0, 0},
    {"Ike", 0, 0, 0},    {"Onye", 0, 0, 0}, {"Uche", 0, 0, 0}, {"Ezi", 0, 0, 0},
    {"Nna", 0, 0, 0},    {"Ama", 0, 0, 0},  {"Ngo", 0, 0, 0},  {"Oko", 0, 0, 0},
    {"Eze", 0, 0, 0},    {"Ogbo", 0, 0, 0},
};
static const wl_tok ig_post[] = {
    {"emeka", 0, 0, 0}, {"di", 0, 0, 0},     {"nedu", 0, 0, 0},
    {"ka", 0, 0, 0},    {"ebuka", 0, 0, 0},  {"nna", 0, 0, 0},
    {"oma", 0, 0, 0},   {"ike", 0, 0, 0},    {"ze", 0, 0, 0},
    {"bueze", 0, 0, 0}, {"gozie", 0, 0, 0},  {"nonso", 0, 0, 0},
    {"jioke", 0, 0, 0}, {"kwe", 0, 0, 0},    {"zie", 0, 0, 0},
    {"dike", 0, 0, 0},  {"chukwu", 0, 0, 0}, {"nyere", 0, 0, 0},
};

/* Yoruba and Igbo syllables: the long tail of composed surnames
 * (Ade+kun+le, Olu+fe+mi, Oye+ban+ji; Chukwu+di, Obi+oma). */
static const char *const yo_syl[] = {
    "ba", "bi",  "bo",  "bu",  "da",  "de", "di", "do", "du", "fe",
    "fo", "fun", "gba", "gbe", "gbo", "ji", "jo", "ju", "ka", "ke",
    "ki", "ko",  "kun", "la",  "le",  "lo", "lu", "mi", "mo", "na",
    "ni", "nu",  "ra",  "re",  "ri",  "ro", "sa", "se", "si", "so",
    "ta", "te",  "ti",  "to",  "tun", "wa", "we", "wo", "ye", "yi",
    "yo", "yin", "wun", "ban", "lan", "ran"};
static const char *const ig_syl[] = {
    "ka",  "ma",  "na",  "nye", "du",  "di",  "bu",  "ke",    "lu",  "nu",
    "ze",  "gbo", "chi", "ku",  "kwe", "so",  "to",  "zo",    "dum", "nwa",
    "nko", "nso", "kwu", "ebu", "eze", "ife", "oma", "emeka", "ndu", "nma"};

static int muslim_pct(const char *nat) {
  static const struct {
    const char *nat;
    int pct;
  } t[] = {{"SEN", 95}, {"MLI", 95}, {"NER", 98},  {"GIN", 90}, {"BFA", 65},
           {"TCD", 60}, {"NGA", 50}, {"CIV", 45},  {"SLE", 70}, {"LBR", 15},
           {"GHA", 20}, {"CMR", 25}, {"SOM", 100}, {"ETH", 30}, {"ERI", 40},
           {"KEN", 15}, {"TZA", 35}, {"UGA", 12},  {"SSD", 5}};
  for (size_t i = 0; i < WL_N(t); i++)
    if (strcmp(t[i].nat, nat) == 0)
      return t[i].pct;
  return 0;
}

enum { WA_MUSLIM, WA_CHRISTIAN };

void demo__wl_make_west_african(const char *nat, char sex, bool child,
                                demo_rng *r, wl_name *nm) {
  (void)child;
  bool f = sex == 'F';
  if ((int)demo_below(r, 100) < muslim_pct(nat)) {
    nm->style = WA_MUSLIM;
    static const wl_pool m = WL_POOL(wa_mm, 3), w = WL_POOL(wa_mf, 2),
                         sur = WL_POOL(wa_msur, 2);
    demo__wl_add_tok(nm, WL_GIVEN, wl_draw(f ? &w : &m, r));
    if (strcmp(nat, "NGA") == 0 && demo_chance(r, 0.5))
      demo__wl_add_tok(nm, WL_FATHER, wl_draw(&m, r)); /* Hausa: father */
    else
      demo__wl_add_tok(nm, WL_SURNAME, wl_draw(&sur, r));
    return;
  }
  nm->style = WA_CHRISTIAN;
  static const wl_pool m = WL_POOL(wa_cm, 2), w = WL_POOL(wa_cf, 2),
                       sur = WL_POOL(wa_csur, 2);
  demo__wl_add_tok(nm, WL_GIVEN, wl_draw(f ? &w : &m, r));
  if (demo_chance(r, 0.3)) {
    const wl_tok *mid = wl_draw(f ? &w : &m, r);
    if (strcmp(mid->lat, nm->t[0].lat) != 0)
      demo__wl_add_tok(nm, WL_MIDDLE, mid);
  }
  if (strcmp(nat, "NGA") == 0 && demo_chance(r, 0.6)) {
    bool yoruba = demo_chance(r, 0.5);
    const wl_tok *a =
        wl_draw(&(wl_pool){yoruba ? yo_pre : ig_pre,
                           yoruba ? WL_N(yo_pre) : WL_N(ig_pre), 2},
                r);
    char lat[72];
    if (demo_chance(r, 0.5)) {
      const wl_tok *b =
          wl_draw(&(wl_pool){yoruba ? yo_post : ig_post,
                             yoruba ? WL_N(yo_post) : WL_N(ig_post), 2},
                  r);
      snprintf(lat, sizeof lat, "%s%s", a->lat, b->lat);
    } else if (yoruba) {
      snprintf(lat, sizeof lat, "%s%s%s", a->lat,
               yo_syl[demo_below(r, WL_N(yo_syl))],
               yo_syl[demo_below(r, WL_N(yo_syl))]);
    } else {
      bool two = demo_chance(r, 0.4);
      snprintf(lat, sizeof lat, "%s%s%s", a->lat,
               ig_syl[demo_below(r, WL_N(ig_syl))],
               two ? ig_syl[demo_below(r, WL_N(ig_syl))] : "");
    }
    demo__wl_add(nm, WL_SURNAME, lat, NULL);
    return;
  }
  demo__wl_add_tok(nm, WL_SURNAME, wl_draw(&sur, r));
}

/* ---- East Africa ---- */

static const wl_tok so_m[] = {
    {"Mohamed", 0, "Maxamed|Mohammed|Muhammad", 0},
    {"Ahmed", 0, "Axmed|Ahmad", 0},
    {"Abdi", 0, "Cabdi", 0},
    {"Hassan", 0, "Xasan|Hasan", 0},
    {"Ali", 0, "Cali", 0},
    {"Abdullahi", 0, "Cabdullaahi|Abdullah", 0},
    {"Yusuf", 0, "Yuusuf|Yousuf", 0},
    {"Ibrahim", 0, "Ibraahim", 0},
    {"Omar", 0, "Cumar|Umar", 0},
    {"Hussein", 0, "Xuseen|Husein", 0},
    {"Abdirahman", 0, "Cabdiraxmaan|Abdulrahman|Abdurahman", 0},
    {"Abdirashid", 0, "Cabdirashiid", 0},
    {"Abdiaziz", 0, "Cabdicasiis|Abdulaziz", 0},
    {"Abdikarim", 0, "Cabdikariin", 0},
    {"Mahamud", 0, "Maxamuud|Mohamud|Mahmoud", 0},
    {"Osman", 0, "Cismaan|Uthman", 0},
    {"Ismail", 0, "Ismaaciil", 0},
    {"Farah", 0, "Faarax", 0},
    {"Aden", 0, "Aadan|Adan", 0},
    {"Nur", 0, "Nuur|Noor", 0},
    {"Warsame", 0, 0, 0},
    {"Jama", 0, "Jaamac", 0},
    {"Hersi", 0, "Xirsi", 0},
    {"Dahir", 0, "Daahir|Tahir", 0},
    {"Sharif", 0, "Shariif", 0},
    {"Said", 0, "Saciid", 0},
    {"Musa", 0, "Muuse", 0},
    {"Bashir", 0, "Bashiir", 0},
    {"Hashi", 0, "Xaashi", 0},
    {"Elmi", 0, "Cilmi", 0},
    {"Guled", 0, "Guuleed", 0},
    {"Abdiqani", 0, "Cabdiqani", 0},
};
static const wl_tok so_f[] = {
    {"Fadumo", 0, "Faadumo|Fatuma", 0},
    {"Hodan", 0, 0, 0},
    {"Amina", 0, "Aamina", 0},
    {"Asha", 0, "Caasha|Aisha", 0},
    {"Hawa", 0, "Xaawo", 0},
    {"Sahra", 0, "Zahra", 0},
    {"Khadija", 0, "Khadiijo", 0},
    {"Maryan", 0, "Mariam", 0},
    {"Halima", 0, "Xaliimo", 0},
    {"Ubah", 0, "Ubax", 0},
    {"Hibo", 0, 0, 0},
    {"Ifrah", 0, "Ifraax", 0},
    {"Ayan", 0, "Ayaan", 0},
    {"Deqa", 0, "Deeqa", 0},
    {"Nimco", 0, "Nimo", 0},
    {"Ikran", 0, 0, 0},
};
static const wl_tok et_m[] = {
    {"Abebe", 0, 0, 0},
    {"Tesfaye", 0, "Tesfay", 0},
    {"Dawit", 0, "Dawid", 0},
    {"Yohannes", 0, "Yohanes|Johannes", 0},
    {"Solomon", 0, "Selomon", 0},
    {"Getachew", 0, 0, 0},
    {"Mulugeta", 0, 0, 0},
    {"Bereket", 0, "Bereket", 0},
    {"Haile", 0, "Hailu", 0},
    {"Tewodros", 0, "Teodros", 0},
    {"Kidane", 0, 0, 0},
    {"Berhane", 0, "Birhane", 0},
    {"Girma", 0, 0, 0},
    {"Kebede", 0, 0, 0},
    {"Negash", 0, 0, 0},
    {"Assefa", 0, "Asefa", 0},
    {"Worku", 0, 0, 0},
    {"Mesfin", 0, 0, 0},
    {"Alemayehu", 0, 0, 0},
    {"Tadesse", 0, "Tadese", 0},
    {"Desta", 0, 0, 0},
    {"Mekonnen", 0, "Makonnen", 0},
    {"Tekle", 0, 0, 0},
    {"Amanuel", 0, "Emmanuel", 0},
    {"Yonas", 0, 0, 0},
    {"Biniam", 0, "Biniyam", 0},
    {"Habtamu", 0, 0, 0},
    {"Eyob", 0, "Iyob", 0},
    {"Gebremedhin", 0, "Gebre Medhin", 0},
    {"Weldemariam", 0, "Wolde Mariam", 0},
};
static const wl_tok et_f[] = {
    {"Selam", 0, 0, 0},
    {"Meron", 0, 0, 0},
    {"Hiwot", 0, 0, 0},
    {"Tigist", 0, 0, 0},
    {"Bethlehem", 0, 0, "Betty"},
    {"Saba", 0, 0, 0},
    {"Rahel", 0, "Rachel", 0},
    {"Mahlet", 0, 0, 0},
    {"Hanna", 0, 0, 0},
    {"Eden", 0, 0, 0},
    {"Liya", 0, 0, 0},
    {"Yordanos", 0, 0, 0},
    {"Tsehay", 0, 0, 0},
    {"Almaz", 0, 0, 0},
    {"Aster", 0, 0, 0},
    {"Senait", 0, 0, 0},
    {"Meseret", 0, 0, 0},
    {"Feven", 0, 0, 0},
};
static const wl_tok ke_sur[] = {
    {"Kamau", 0, 0, 0},    {"Mwangi", 0, 0, 0},    {"Njoroge", 0, 0, 0},
    {"Kariuki", 0, 0, 0},  {"Githinji", 0, 0, 0},  {"Waweru", 0, 0, 0},
    {"Maina", 0, 0, 0},    {"Kimani", 0, 0, 0},    {"Njuguna", 0, 0, 0},
    {"Macharia", 0, 0, 0}, {"Mutua", 0, 0, 0},     {"Wafula", 0, 0, 0},
    {"Wekesa", 0, 0, 0},   {"Juma", 0, 0, 0},      {"Hamisi", 0, 0, 0},
    {"Bakari", 0, 0, 0},   {"Mugisha", 0, 0, 0},   {"Okello", 0, 0, 0},
    {"Ssempala", 0, 0, 0}, {"Tumusiime", 0, 0, 0}, {"Mwakyusa", 0, 0, 0},
    {"Massawe", 0, 0, 0},  {"Kimaro", 0, 0, 0},    {"Deng", 0, 0, 0},
    {"Garang", 0, 0, 0},   {"Akol", 0, 0, 0},      {"Machar", 0, 0, 0},
    {"Kuol", 0, 0, 0},     {"Majok", 0, 0, 0},     {"Mabior", 0, 0, 0},
    {"Lual", 0, 0, 0},     {"Chol", 0, 0, 0},      {"Atem", 0, 0, 0},
};
static const wl_tok luo_stem[] = {
    {"tieno", 0, 0, 0},  {"chieng", 0, 0, 0}, {"dhiambo", 0, 0, 0},
    {"nyango", 0, 0, 0}, {"wino", 0, 0, 0},   {"mondi", 0, 0, 0},
    {"koth", 0, 0, 0},   {"duor", 0, 0, 0},   {"kello", 0, 0, 0},
    {"loo", 0, 0, 0},    {"mollo", 0, 0, 0},  {"bura", 0, 0, 0},
    {"chola", 0, 0, 0},  {"dongo", 0, 0, 0},  {"luoch", 0, 0, 0},
    {"gola", 0, 0, 0},   {"tiende", 0, 0, 0}, {"wuor", 0, 0, 0},
    {"yugi", 0, 0, 0},   {"uma", 0, 0, 0},    {"kumu", 0, 0, 0},
    {"sewe", 0, 0, 0},   {"dero", 0, 0, 0},   {"pondo", 0, 0, 0},
};
static const wl_tok kal_stem[] = {
    {"rono", 0, 0, 0},   {"choge", 0, 0, 0},  {"tum", 0, 0, 0},
    {"kemboi", 0, 0, 0}, {"rotich", 0, 0, 0}, {"tanui", 0, 0, 0},
    {"keter", 0, 0, 0},  {"ruto", 0, 0, 0},   {"sang", 0, 0, 0},
    {"lagat", 0, 0, 0},  {"korir", 0, 0, 0},  {"yegon", 0, 0, 0},
    {"too", 0, 0, 0},    {"ngeno", 0, 0, 0},  {"chumba", 0, 0, 0},
    {"kirui", 0, 0, 0},  {"rop", 0, 0, 0},    {"koech", 0, 0, 0},
};
static const wl_tok ea_cm[] = {
    {"John", 0, 0, 0},     {"Peter", 0, 0, 0},   {"Joseph", 0, 0, 0},
    {"James", 0, 0, 0},    {"David", 0, 0, 0},   {"Daniel", 0, 0, 0},
    {"Samuel", 0, 0, 0},   {"Paul", 0, 0, 0},    {"Brian", 0, 0, 0},
    {"Kevin", 0, 0, 0},    {"Dennis", 0, 0, 0},  {"Collins", 0, 0, 0},
    {"Emmanuel", 0, 0, 0}, {"Moses", 0, 0, 0},   {"Isaac", 0, 0, 0},
    {"Baraka", 0, 0, 0},   {"Godfrey", 0, 0, 0}, {"Wilson", 0, 0, 0},
};
static const wl_tok ea_cf[] = {
    {"Grace", 0, 0, 0},    {"Mercy", 0, 0, 0},   {"Faith", 0, 0, 0},
    {"Joyce", 0, 0, 0},    {"Esther", 0, 0, 0},  {"Wanjiru", 0, 0, 0},
    {"Akinyi", 0, 0, 0},   {"Achieng", 0, 0, 0}, {"Nafula", 0, 0, 0},
    {"Nakato", 0, 0, 0},   {"Neema", 0, 0, 0},   {"Rehema", 0, 0, 0},
    {"Zawadi", 0, 0, 0},   {"Mary", 0, 0, 0},    {"Agnes", 0, 0, 0},
    {"Nyandeng", 0, 0, 0},
};

enum { EA_SOMALI, EA_HABESHA, EA_OTHER };

void demo__wl_make_east_african(const char *nat, char sex, bool child,
                                demo_rng *r, wl_name *nm) {
  bool f = sex == 'F';
  bool somali = strcmp(nat, "SOM") == 0 ||
                (strcmp(nat, "ETH") == 0 && demo_chance(r, 0.2)) ||
                (strcmp(nat, "KEN") == 0 && demo_chance(r, 0.15));
  if (somali) {
    nm->style = EA_SOMALI;
    static const wl_pool m = WL_POOL(so_m, 3), w = WL_POOL(so_f, 2);
    demo__wl_add_tok(nm, WL_GIVEN, wl_draw(f ? &w : &m, r));
    demo__wl_add_tok(nm, WL_FATHER, wl_draw(&m, r));
    if (demo_chance(r, child ? 0.6 : 0.75))
      demo__wl_add_tok(nm, WL_GRANDFATHER, wl_draw(&m, r));
    return;
  }
  if (strcmp(nat, "ETH") == 0 || strcmp(nat, "ERI") == 0) {
    nm->style = EA_HABESHA;
    static const wl_pool m = WL_POOL(et_m, 2), w = WL_POOL(et_f, 2);
    demo__wl_add_tok(nm, WL_GIVEN, wl_draw(f ? &w : &m, r));
    demo__wl_add_tok(nm, WL_FATHER, wl_draw(&m, r));
    if (demo_chance(r, 0.2))
      demo__wl_add_tok(nm, WL_GRANDFATHER, wl_draw(&m, r));
    return;
  }
  nm->style = EA_OTHER;
  static const wl_pool m = WL_POOL(ea_cm, 2), w = WL_POOL(ea_cf, 1);
  demo__wl_add_tok(nm, WL_GIVEN, wl_draw(f ? &w : &m, r));
  uint32_t how = demo_below(r, 100);
  char lat[72];
  if (strcmp(nat, "KEN") == 0 && how < 35) {
    const wl_tok *s = wl_draw(&(wl_pool)WL_POOL(luo_stem, 2), r);
    snprintf(lat, sizeof lat, "O%s", s->lat);
    demo__wl_add(nm, WL_SURNAME, lat, NULL);
  } else if (strcmp(nat, "KEN") == 0 && how < 60) {
    const wl_tok *s = wl_draw(&(wl_pool)WL_POOL(kal_stem, 2), r);
    snprintf(lat, sizeof lat, "%s%s", f ? "Chep" : "Kip", s->lat);
    demo__wl_add(nm, WL_SURNAME, lat, NULL);
  } else {
    demo__wl_add_tok(nm, WL_SURNAME, wl_draw(&(wl_pool)WL_POOL(ke_sur, 1), r));
  }
}

/* Weak aliases: a Somali nickname (Mohamed Dheere), a Muslim title
 * (Alhaji), a chief's title. */
bool demo__wl_weak_african(const wl_name *nm, demo_rng *r, char *out,
                           size_t cap) {
  static const char *const naanays[] = {
      "Dheere", "Gaab",   "Madoobe", "Cadde", "Yare", "Indhacadde",
      "Gurey",  "Shiine", "Afweyne", "Qoys",  "Jiis", "Farax"};
  const char *first = nm->t[0].lat;
  if (nm->culture == WL_C_EAST_AFRICAN && nm->style == EA_SOMALI) {
    snprintf(out, cap, "%s %s", first, naanays[demo_below(r, WL_N(naanays))]);
    return true;
  }
  const char *last = nm->t[nm->n - 1].lat;
  if (nm->culture == WL_C_WEST_AFRICAN && nm->style == WA_MUSLIM) {
    snprintf(out, cap, "%s %s %s", nm->sex == 'F' ? "Hajiya" : "Alhaji", first,
             last);
    return true;
  }
  if (nm->sex == 'F' || nm->n < 2)
    return false;
  static const char *const title[] = {"Chief", "Oga", "Big", "General",
                                      "Pastor"};
  snprintf(out, cap, "%s %s", title[demo_below(r, WL_N(title))],
           demo_chance(r, 0.5) ? first : last);
  return true;
}
