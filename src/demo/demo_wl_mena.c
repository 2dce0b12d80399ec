/* Names of the Middle East and North Africa, Iran and Afghanistan for
 * synthetic watchlists: each token paired with its Arabic- or
 * Persian-script form, with the other romanisations lists carry
 * (Muhammad/Mohammed/Mohamed, Abd al-Rahman/Abdul Rahman/Abderrahmane,
 * al-Tikriti/Al Tikriti/Altikriti, Hossein/Husayn).
 *
 * Arabic names follow the chain of given name, father's and sometimes
 * grandfather's names, with a family name, tribal or place nisba (al-X) in
 * the Gulf and the Levant; Egyptian names are often the chain alone;
 * Maghrebi names use French romanisations and Ben X family names. Persian
 * family names are composed from a base and a suffix (Rezaei, Alizadeh,
 * Karimpour, Ahmadinejad), Pashtun ones from a tribe (Ahmadzai,
 * Sulaimankhel); Turkish ones from two words (Öztürk, Karakaya). */
#include "demo_wl.h"

#include <stdio.h>
#include <string.h>

#define ZWNJ "\u200c"

/* ---- Arabic ---- */

static const wl_tok ar_m[] = {
    {"Muhammad", "محمد", "Mohammed|Mohamed|Mohammad|Muhammed|Mohamad", NULL},
    {"Ahmad", "أحمد", "Ahmed", NULL},
    {"Ali", "علي", "Aly", NULL},
    {"Mahmud", "محمود", "Mahmoud|Mahmood", NULL},
    {"Mustafa", "مصطفى", "Mostafa|Moustafa|Mustapha", NULL},
    {"Hasan", "حسن", "Hassan", NULL},
    {"Husayn", "حسين", "Hussein|Hussain|Houssein", NULL},
    {"Khalid", "خالد", "Khaled", NULL},
    {"Umar", "عمر", "Omar|Omer", NULL},
    {"Yusuf", "يوسف", "Youssef|Yousef|Yousif|Youcef", NULL},
    {"Ibrahim", "إبراهيم", "Ibraheem|Brahim", NULL},
    {"Abdallah", "عبدالله", "Abdullah|Abdellah|Abdulla", NULL},
    {"Said", "سعيد", "Saeed|Saied", NULL},
    {"Tariq", "طارق", "Tarek|Tarik", NULL},
    {"Salih", "صالح", "Saleh", NULL},
    {"Walid", "وليد", "Waleed|Oualid", NULL},
    {"Jamal", "جمال", "Gamal|Djamel", NULL},
    {"Nasir", "ناصر", "Nasser|Naser", NULL},
    {"Adil", "عادل", "Adel", NULL},
    {"Karim", "كريم", "Kareem", NULL},
    {"Samir", "سمير", "Sameer", NULL},
    {"Faysal", "فيصل", "Faisal|Faycal", NULL},
    {"Hamza", "حمزة", "Hamzah", NULL},
    {"Bilal", "بلال", NULL, NULL},
    {"Ismail", "إسماعيل", "Ismael|Smail", NULL},
    {"Idris", "إدريس", "Driss", NULL},
    {"Sulayman", "سليمان", "Suleiman|Sulaiman|Slimane", NULL},
    {"Abbas", "عباس", NULL, NULL},
    {"Jafar", "جعفر", "Jaafar|Djaafar", NULL},
    {"Ayman", "أيمن", "Aiman", NULL},
    {"Usama", "أسامة", "Osama|Oussama", NULL},
    {"Anas", "أنس", NULL, NULL},
    {"Zakariya", "زكريا", "Zakaria|Zakariyya", NULL},
    {"Yahya", "يحيى", "Yehia|Yahia", NULL},
    {"Isa", "عيسى", "Issa|Eissa", NULL},
    {"Musa", "موسى", "Moussa|Mousa", NULL},
    {"Harun", "هارون", "Haroun|Haroon", NULL},
    {"Hamid", "حامد", "Hamed", NULL},
    {"Rashid", "راشد", "Rashed|Rached", NULL},
    {"Majid", "ماجد", "Majed|Maged", NULL},
    {"Fahd", "فهد", "Fahad", NULL},
    {"Sultan", "سلطان", NULL, NULL},
    {"Mansur", "منصور", "Mansour", NULL},
    {"Nabil", "نبيل", "Nabeel", NULL},
    {"Hisham", "هشام", "Hicham", NULL},
    {"Imad", "عماد", "Emad", NULL},
    {"Ziyad", "زياد", "Ziad", NULL},
    {"Firas", "فراس", NULL, NULL},
    {"Marwan", "مروان", NULL, NULL},
    {"Qasim", "قاسم", "Kassem|Qassem", NULL},
    {"Haytham", "هيثم", "Haitham", NULL},
    {"Ammar", "عمار", NULL, NULL},
    {"Ashraf", "أشرف", NULL, NULL},
    {"Ayyub", "أيوب", "Ayoub|Ayub", NULL},
    {"Bashir", "بشير", "Bachir|Basheer", NULL},
    {"Fadil", "فاضل", "Fadel", NULL},
    {"Ghassan", "غسان", NULL, NULL},
    {"Habib", "حبيب", NULL, NULL},
    {"Hatim", "حاتم", "Hatem", NULL},
    {"Jabir", "جابر", "Jaber", NULL},
    {"Kamal", "كمال", NULL, NULL},
    {"Luay", "لؤي", "Louay", NULL},
    {"Munir", "منير", "Mounir", NULL},
    {"Nizar", "نزار", NULL, NULL},
    {"Raid", "رائد", "Raed", NULL},
    {"Riyad", "رياض", "Riad|Riyadh", NULL},
    {"Sami", "سامي", "Samy", NULL},
    {"Shadi", "شادي", "Chadi", NULL},
    {"Talal", "طلال", NULL, NULL},
    {"Uthman", "عثمان", "Othman|Osman", NULL},
    {"Wail", "وائل", "Wael", NULL},
    {"Yasir", "ياسر", "Yasser", NULL},
    {"Zayd", "زيد", "Zaid|Zeid", NULL},
    {"Fawwaz", "فواز", "Fawaz", NULL},
    {"Badr", "بدر", NULL, NULL},
    {"Mazin", "مازن", "Mazen", NULL},
    {"Salim", "سليم", "Selim|Saleem", NULL},
    {"Mundhir", "منذر", "Monther|Mounder", NULL},
    {"Suhayl", "سهيل", "Suhail|Souheil", NULL},
    {"Tawfiq", "توفيق", "Tawfik|Toufik", NULL},
    {"Fuad", "فؤاد", "Fouad", NULL},
    {"Lutfi", "لطفي", "Lotfi", NULL},
    {"Mukhtar", "مختار", "Mokhtar", NULL},
    {"Ridwan", "رضوان", "Redouane|Radwan", NULL},
    {"Shukri", "شكري", "Choukri", NULL},
};

static const wl_tok ar_f[] = {
    {"Fatima", "فاطمة", "Fatma|Fatimah|Fatema", NULL},
    {"Aisha", "عائشة", "Aicha|Aysha|Ayesha", NULL},
    {"Maryam", "مريم", "Mariam|Meriem", NULL},
    {"Zaynab", "زينب", "Zainab|Zeinab", NULL},
    {"Khadija", "خديجة", "Khadidja|Khadijah", NULL},
    {"Nur", "نور", "Noor|Nour", NULL},
    {"Layla", "ليلى", "Leila|Laila", NULL},
    {"Sara", "سارة", "Sarah", NULL},
    {"Huda", "هدى", "Houda|Hoda", NULL},
    {"Amina", "أمينة", "Amena", NULL},
    {"Asma", "أسماء", "Asmaa", NULL},
    {"Hanan", "حنان", NULL, NULL},
    {"Rania", "رانيا", NULL, NULL},
    {"Salma", "سلمى", NULL, NULL},
    {"Yasmin", "ياسمين", "Yasmine|Jasmin", NULL},
    {"Samira", "سميرة", "Sameera", NULL},
    {"Nadia", "نادية", "Nadiya", NULL},
    {"Rim", "ريم", "Reem", NULL},
    {"Dina", "دينا", NULL, NULL},
    {"Lina", "لينا", NULL, NULL},
    {"Farah", "فرح", NULL, NULL},
    {"Zahra", "زهراء", "Zahraa", NULL},
    {"Iman", "إيمان", "Eman", NULL},
    {"Hind", "هند", NULL, NULL},
    {"Suad", "سعاد", "Souad", NULL},
    {"Latifa", "لطيفة", "Latifah", NULL},
    {"Najat", "نجاة", NULL, NULL},
    {"Rasha", "رشا", NULL, NULL},
    {"Ghada", "غادة", NULL, NULL},
    {"Nawal", "نوال", NULL, NULL},
    {"Siham", "سهام", NULL, NULL},
    {"Khawla", "خولة", "Khaoula", NULL},
    {"Ruqayya", "رقية", "Roukaya|Ruqaya", NULL},
    {"Safiya", "صفية", "Safia", NULL},
    {"Hafsa", "حفصة", NULL, NULL},
    {"Sumayya", "سمية", "Soumaya|Sumaya", NULL},
    {"Jamila", "جميلة", "Djamila|Gamila", NULL},
    {"Lubna", "لبنى", "Loubna", NULL},
    {"Abir", "عبير", NULL, NULL},
    {"Manal", "منال", NULL, NULL},
    {"Rahma", "رحمة", NULL, NULL},
    {"Wafa", "وفاء", "Wafaa", NULL},
};

/* The attribute of God in Abd al-X names, with its article. */
static const wl_tok ar_abd[] = {
    {"Rahman", "الرحمن", "r", NULL},   {"Aziz", "العزيز", NULL, NULL},
    {"Karim", "الكريم", NULL, NULL},   {"Latif", "اللطيف", NULL, NULL},
    {"Majid", "المجيد", NULL, NULL},   {"Hamid", "الحميد", NULL, NULL},
    {"Qadir", "القادر", NULL, NULL},   {"Jabbar", "الجبار", NULL, NULL},
    {"Razzaq", "الرزاق", "r", NULL},   {"Wahhab", "الوهاب", NULL, NULL},
    {"Hakim", "الحكيم", NULL, NULL},   {"Halim", "الحليم", NULL, NULL},
    {"Ghani", "الغني", NULL, NULL},    {"Salam", "السلام", "s", NULL},
    {"Malik", "المالك", NULL, NULL},   {"Nasir", "الناصر", "n", NULL},
    {"Hadi", "الهادي", NULL, NULL},    {"Baqi", "الباقي", NULL, NULL},
    {"Fattah", "الفتاح", NULL, NULL},  {"Basit", "الباسط", NULL, NULL},
    {"Muhsin", "المحسن", NULL, NULL},  {"Rahim", "الرحيم", "r", NULL},
    {"Wahid", "الواحد", NULL, NULL},   {"Samad", "الصمد", "s", NULL},
    {"Jalil", "الجليل", NULL, NULL},   {"Sattar", "الستار", "s", NULL},
    {"Ghaffar", "الغفار", NULL, NULL}, {"Hafiz", "الحافظ", NULL, NULL},
    {"Rauf", "الرؤوف", "r", NULL},     {"Ilah", "الإله", NULL, NULL},
};

/* Tribal and place nisbas (al- + stem). */
static const wl_tok ar_nisba[] = {
    {"Tamimi", "تميمي", NULL, NULL},
    {"Shammari", "شمري", NULL, NULL},
    {"Dulaymi", "دليمي", "Dulaimi", NULL},
    {"Jaburi", "جبوري", "Jubouri", NULL},
    {"Ubaydi", "عبيدي", "Obeidi", NULL},
    {"Zubaydi", "زبيدي", "Zubaidi", NULL},
    {"Harbi", "حربي", NULL, NULL},
    {"Utaybi", "عتيبي", "Otaibi", NULL},
    {"Qahtani", "قحطاني", NULL, NULL},
    {"Ghamdi", "غامدي", NULL, NULL},
    {"Zahrani", "زهراني", NULL, NULL},
    {"Mutayri", "مطيري", "Mutairi", NULL},
    {"Anazi", "عنزي", "Enezi|Anizi", NULL},
    {"Dawsari", "دوسري", "Dosari", NULL},
    {"Shahri", "شهري", "Shehri", NULL},
    {"Asiri", "عسيري", "Assiri", NULL},
    {"Hashimi", "هاشمي", "Hashemi", NULL},
    {"Qurashi", "قرشي", "Qurashi", NULL},
    {"Ansari", "أنصاري", NULL, NULL},
    {"Husayni", "حسيني", "Husseini", NULL},
    {"Rifai", "رفاعي", "Rifaie", NULL},
    {"Khatib", "خطيب", NULL, NULL},
    {"Nuaymi", "نعيمي", "Nuaimi", NULL},
    {"Kubaysi", "كبيسي", "Kubaisi", NULL},
    {"Janabi", "جنابي", NULL, NULL},
    {"Samarrai", "سامرائي", NULL, NULL},
    {"Azzawi", "عزاوي", NULL, NULL},
    {"Khazraji", "خزرجي", NULL, NULL},
    {"Kaabi", "كعبي", "Kabi", NULL},
    {"Rashidi", "رشيدي", NULL, NULL},
    {"Marri", "مري", NULL, NULL},
    {"Hajri", "هاجري", NULL, NULL},
    {"Tikriti", "تكريتي", NULL, NULL},
    {"Baghdadi", "بغدادي", NULL, NULL},
    {"Masri", "مصري", NULL, NULL},
    {"Halabi", "حلبي", NULL, NULL},
    {"Shami", "شامي", NULL, NULL},
    {"Yamani", "يمني", NULL, NULL},
    {"Hijazi", "حجازي", NULL, NULL},
    {"Najdi", "نجدي", NULL, NULL},
    {"Basri", "بصري", NULL, NULL},
    {"Mawsili", "موصلي", "Mosuli", NULL},
    {"Anbari", "أنباري", NULL, NULL},
    {"Kurdi", "كردي", NULL, NULL},
    {"Libi", "ليبي", NULL, NULL},
    {"Sudani", "سوداني", NULL, NULL},
    {"Iraqi", "عراقي", NULL, NULL},
    {"Awlaqi", "عولقي", "Awlaki", NULL},
    {"Adeni", "عدني", NULL, NULL},
    {"Hadrami", "حضرمي", NULL, NULL},
};

static const wl_tok ar_family[] = {
    {"Haddad", "حداد", NULL, NULL},
    {"Khoury", "خوري", "Khouri", NULL},
    {"Najjar", "نجار", NULL, NULL},
    {"Sabbagh", "صباغ", NULL, NULL},
    {"Attar", "عطار", NULL, NULL},
    {"Khayyat", "خياط", "Khayat", NULL},
    {"Darwish", "درويش", "Darwiche", NULL},
    {"Mansour", "منصور", NULL, NULL},
    {"Nasser", "ناصر", NULL, NULL},
    {"Saleh", "صالح", NULL, NULL},
    {"Hamdan", "حمدان", NULL, NULL},
    {"Barakat", "بركات", NULL, NULL},
    {"Shahin", "شاهين", "Chahine|Shaheen", NULL},
    {"Abboud", "عبود", NULL, NULL},
    {"Hijazi", "حجازي", "Hegazy", NULL},
    {"Zaki", "زكي", NULL, NULL},
    {"Jaber", "جابر", NULL, NULL},
    {"Harb", "حرب", NULL, NULL},
    {"Haidar", "حيدر", "Haydar", NULL},
    {"Ghanem", "غانم", "Ghanim", NULL},
    {"Hammoud", "حمود", NULL, NULL},
    {"Karam", "كرم", NULL, NULL},
    {"Farhat", "فرحات", NULL, NULL},
    {"Rizk", "رزق", "Rizq", NULL},
    {"Salem", "سالم", NULL, NULL},
    {"Yassin", "ياسين", "Yasin", NULL},
    {"Awad", "عوض", NULL, NULL},
    {"Mahfouz", "محفوظ", NULL, NULL},
    {"Cherif", "شريف", "Sharif", NULL},
    {"Amin", "أمين", NULL, NULL},
    {"Badawi", "بدوي", NULL, NULL},
    {"Ashour", "عاشور", "Achour", NULL},
    {"Qassem", "قاسم", "Kassem", NULL},
    {"Othman", "عثمان", "Osman", NULL},
    {"Suleiman", "سليمان", NULL, NULL},
    {"Tahir", "طاهر", "Taher", NULL},
    {"Bakri", "بكري", NULL, NULL},
    {"Zein", "زين", "Zain", NULL},
    {"Makhlouf", "مخلوف", NULL, NULL},
    {"Bouazizi", "بوعزيزي", NULL, NULL},
    {"Benali", "بنعلي", NULL, NULL},
    {"Trabelsi", "طرابلسي", NULL, NULL},
    {"Belkacem", "بلقاسم", NULL, NULL},
    {"Bouzid", "بوزيد", NULL, NULL},
    {"Mebarki", "مباركي", NULL, NULL},
};

enum { AR_MASHRIQ, AR_GULF, AR_EGYPT, AR_MAGHREB };

static int ar_style(const char *nat) {
  static const char *const gulf[] = {"SAU", "ARE", "KWT", "QAT",
                                     "OMN", "BHR", "YEM"};
  static const char *const maghreb[] = {"MAR", "DZA", "TUN", "LBY", "MRT"};
  for (size_t i = 0; i < sizeof gulf / sizeof *gulf; i++)
    if (strcmp(nat, gulf[i]) == 0)
      return AR_GULF;
  for (size_t i = 0; i < sizeof maghreb / sizeof *maghreb; i++)
    if (strcmp(nat, maghreb[i]) == 0)
      return AR_MAGHREB;
  if (strcmp(nat, "EGY") == 0 || strcmp(nat, "SDN") == 0)
    return AR_EGYPT;
  return AR_MASHRIQ;
}

static const wl_pool ar_male = WL_POOL(ar_m, 3);
static const wl_pool ar_female = WL_POOL(ar_f, 2);

/* A token from the pool; outside the Levant and the Gulf usually in the
 * local (French or Egyptian) romanisation. */
static void ar_token(wl_name *nm, uint8_t role, const wl_pool *p, demo_rng *r) {
  wl_ntok *t = demo__wl_add_tok(nm, role, wl_draw(p, r));
  for (int i = 0; i + 1 < nm->n; i++)
    if (nm->t[i].base == t->base) { /* one spelling of a name in a name */
      snprintf(t->lat, sizeof t->lat, "%s", nm->t[i].lat);
      return;
    }
  bool local = nm->style == AR_EGYPT || nm->style == AR_MAGHREB;
  if (t->alt && demo_chance(r, local ? 0.7 : 0.3))
    demo__wl_pick_alt(t->alt, r, t->lat, sizeof t->lat);
}

/* Abd al-X, in one of the ways lists write it; the others become its
 * alternatives. */
static void ar_abd_name(wl_name *nm, uint8_t role, demo_rng *r) {
  const wl_tok *a = &ar_abd[wl_index(r, WL_N(ar_abd), 2)];
  char forms[6][48];
  const char *sun = a->alt; /* a sun letter: ar-Rahman, as-Salam */
  snprintf(forms[0], sizeof forms[0], "Abd al-%s", a->lat);
  snprintf(forms[1], sizeof forms[1], "Abdul %s", a->lat);
  snprintf(forms[2], sizeof forms[2], "Abdel %s", a->lat);
  snprintf(forms[3], sizeof forms[3], "Abdul%c%s",
           (char)(a->lat[0] - 'A' + 'a'), a->lat + 1);
  if (sun)
    snprintf(forms[4], sizeof forms[4], "Abd %s%s-%s", "a", sun, a->lat);
  else
    snprintf(forms[4], sizeof forms[4], "Abd el-%s", a->lat);
  snprintf(forms[5], sizeof forms[5], "Abde%c%c%s", sun ? sun[0] : 'l',
           (char)(a->lat[0] - 'A' + 'a'), a->lat + 1);
  char orig[64];
  snprintf(orig, sizeof orig, "عبد %s", a->orig);
  int primary = nm->style == AR_MAGHREB ? 5
                : nm->style == AR_EGYPT ? 2
                                        : (int)demo_below(r, 2);
  wl_ntok *t = demo__wl_add(nm, role, forms[primary], orig);
  char *o = t->altbuf;
  size_t cap = sizeof t->altbuf;
  o[0] = 0;
  for (int i = 0; i < 6; i++) {
    if (i == primary)
      continue;
    size_t n = strlen(o);
    snprintf(o + n, cap - n, "%s%s", n ? "|" : "", forms[i]);
  }
}

static void ar_nisba_tok(wl_name *nm, demo_rng *r) {
  const wl_tok *s = &ar_nisba[wl_index(r, WL_N(ar_nisba), 2)];
  const char *stem = s->alt && demo_chance(r, 0.4) ? s->alt : s->lat;
  char first[24];
  demo__wl_pick_alt(stem, r, first, sizeof first); /* one of stem's forms */
  char lat[64], orig[64];
  const char *art = nm->style == AR_GULF && demo_chance(r, 0.4) ? "Al-"
                    : nm->style == AR_EGYPT                     ? "El-"
                                                                : "al-";
  snprintf(lat, sizeof lat, "%s%s", art, first);
  snprintf(orig, sizeof orig, "ال%s", s->orig);
  wl_ntok *t = demo__wl_add(nm, WL_SURNAME, lat, orig);
  snprintf(t->altbuf, sizeof t->altbuf, "Al %s|Al%c%s|El-%s|al-%s", first,
           first[0] - 'A' + 'a', first + 1, first, s->lat);
}

void demo__wl_make_arabic(const char *nat, char sex, bool child, demo_rng *r,
                          wl_name *nm) {
  (void)child;
  nm->style = (uint8_t)ar_style(nat);
  bool f = sex == 'F';
  if (!f && demo_chance(r, 0.14))
    ar_abd_name(nm, WL_GIVEN, r);
  else
    ar_token(nm, WL_GIVEN, f ? &ar_female : &ar_male, r);
  if (demo_chance(r, 0.1))
    ar_abd_name(nm, WL_FATHER, r);
  else
    ar_token(nm, WL_FATHER, &ar_male, r);
  double grand = nm->style == AR_EGYPT ? 0.75 : 0.4;
  if (demo_chance(r, grand))
    ar_token(nm, WL_GRANDFATHER, &ar_male, r);
  uint32_t fam = demo_below(r, 100);
  switch (nm->style) {
  case AR_GULF:
    if (fam < 80)
      ar_nisba_tok(nm, r);
    break;
  case AR_EGYPT:
    if (fam < 30)
      ar_token(nm, WL_SURNAME, &(wl_pool)WL_POOL(ar_family, 2), r);
    break;
  case AR_MAGHREB:
    if (fam < 25) {
      const wl_tok *g = &ar_m[wl_index(r, WL_N(ar_m), 3)];
      char lat[64], orig[64], alt_first[48];
      demo__wl_pick_alt(g->alt ? g->alt : g->lat, r, alt_first,
                        sizeof alt_first);
      snprintf(lat, sizeof lat, "Ben %s", alt_first);
      snprintf(orig, sizeof orig, "بن %s", g->orig);
      wl_ntok *t = demo__wl_add(nm, WL_SURNAME, lat, orig);
      snprintf(t->altbuf, sizeof t->altbuf, "Ben%s|Bin %s|Ibn %s", alt_first,
               g->lat, g->lat);
    } else if (fam < 85) {
      ar_token(nm, WL_SURNAME, &(wl_pool)WL_POOL(ar_family, 1), r);
    }
    break;
  default:
    if (fam < 40)
      ar_nisba_tok(nm, r);
    else if (fam < 85)
      ar_token(nm, WL_SURNAME, &(wl_pool)WL_POOL(ar_family, 2), r);
  }
}

/* Weak aliases: a kunya (Abu + a son's name, often with a place nisba),
 * or a laqab. */
bool demo__wl_weak_arabic(const wl_name *nm, demo_rng *r, char *out,
                          size_t cap) {
  static const char *const laqab[] = {"al-Amir",    "al-Sheikh", "al-Hajj",
                                      "al-Muhajir", "al-Ansari", "al-Qaid"};
  const wl_tok *son = &ar_m[wl_index(r, WL_N(ar_m), 3)];
  const char *kin = nm->sex == 'F' ? "Umm" : "Abu";
  uint32_t how = demo_below(r, 10);
  if (how < 5) {
    snprintf(out, cap, "%s %s", kin, son->lat);
  } else if (how < 8) {
    const wl_tok *s = &ar_nisba[wl_index(r, WL_N(ar_nisba), 1)];
    snprintf(out, cap, "%s %s al-%s", kin, son->lat, s->lat);
  } else {
    snprintf(out, cap, "%s %s", nm->t[0].lat, laqab[demo_below(r, 6)]);
  }
  return true;
}

/* ---- Persian ---- */

static const wl_tok fa_m[] = {
    {"Mohammad", "محمد", "Muhammad|Mohamad|Mohammed", NULL},
    {"Ali", "علی", NULL, NULL},
    {"Hossein", "حسین", "Hosein|Hussein|Husayn", NULL},
    {"Reza", "رضا", "Rida|Riza", NULL},
    {"Mehdi", "مهدی", "Mahdi", NULL},
    {"Hassan", "حسن", "Hasan", NULL},
    {"Ahmad", "احمد", "Ahmed", NULL},
    {"Amir", "امیر", NULL, NULL},
    {"Abbas", "عباس", NULL, NULL},
    {"Mahmoud", "محمود", "Mahmud", NULL},
    {"Mostafa", "مصطفی", "Mustafa", NULL},
    {"Javad", "جواد", "Jawad", NULL},
    {"Saeed", "سعید", "Said|Saeid", NULL},
    {"Hamid", "حمید", NULL, NULL},
    {"Majid", "مجید", NULL, NULL},
    {"Ebrahim", "ابراهیم", "Ibrahim", NULL},
    {"Esmaeil", "اسماعیل", "Ismail|Esmail", NULL},
    {"Karim", "کریم", NULL, NULL},
    {"Jafar", "جعفر", "Djafar", NULL},
    {"Hadi", "هادی", NULL, NULL},
    {"Morteza", "مرتضی", "Murtaza", NULL},
    {"Masoud", "مسعود", "Massoud|Masud", NULL},
    {"Mohsen", "محسن", "Muhsin", NULL},
    {"Kazem", "کاظم", "Kazim", NULL},
    {"Ghasem", "قاسم", "Qasem|Qasim", NULL},
    {"Abolfazl", "ابوالفضل", "Abulfazl", NULL},
    {"Alireza", "علیرضا", "Ali Reza", NULL},
    {"Farhad", "فرهاد", NULL, NULL},
    {"Bahram", "بهرام", NULL, NULL},
    {"Dariush", "داریوش", "Daryoush|Dariusch", NULL},
    {"Kourosh", "کوروش", "Kurosh", NULL},
    {"Babak", "بابک", NULL, NULL},
    {"Behzad", "بهزاد", NULL, NULL},
    {"Shahram", "شهرام", NULL, NULL},
    {"Siavash", "سیاوش", "Siavosh|Siyavash", NULL},
    {"Arash", "آرش", NULL, NULL},
    {"Nasser", "ناصر", "Naser|Nasir", NULL},
    {"Yousef", "یوسف", "Yusuf", NULL},
    {"Rahim", "رحیم", NULL, NULL},
    {"Akbar", "اکبر", NULL, NULL},
    {"Davoud", "داوود", "Davud|Dawud", NULL},
    {"Hamed", "حامد", NULL, NULL},
    {"Vahid", "وحید", "Wahid", NULL},
    {"Omid", "امید", NULL, NULL},
    {"Navid", "نوید", NULL, NULL},
    {"Ramin", "رامین", NULL, NULL},
    {"Kamran", "کامران", NULL, NULL},
    {"Parviz", "پرویز", "Parwiz", NULL},
    {"Jamshid", "جمشید", NULL, NULL},
    {"Rostam", "رستم", "Rustam", NULL},
    {"Afshin", "افشین", NULL, NULL},
    {"Bijan", "بیژن", "Bizhan", NULL},
    {"Manouchehr", "منوچهر", "Manuchehr", NULL},
    {"Fereydoun", "فریدون", "Fereidoun|Feridun", NULL},
    {"Houshang", "هوشنگ", "Hushang", NULL},
    {"Mojtaba", "مجتبی", "Mujtaba", NULL},
    {"Yaser", "یاسر", "Yasser", NULL},
    {"Gholamreza", "غلامرضا", "Gholam Reza|Ghulam Reza", NULL},
    {"Gholamhossein", "غلامحسین", "Gholam Hossein|Ghulam Husain", NULL},
    {"Mohammadreza", "محمدرضا", "Mohammad Reza|Muhammad Reza", NULL},
    {"Mohammadali", "محمدعلی", "Mohammad Ali", NULL},
};

static const wl_tok fa_f[] = {
    {"Fatemeh", "فاطمه", "Fatima|Fatemah", NULL},
    {"Zahra", "زهرا", NULL, NULL},
    {"Maryam", "مریم", "Mariam", NULL},
    {"Masoumeh", "معصومه", "Masumeh", NULL},
    {"Zeinab", "زینب", "Zaynab", NULL},
    {"Sakineh", "سکینه", NULL, NULL},
    {"Roghayeh", "رقیه", "Roqayeh", NULL},
    {"Narges", "نرگس", NULL, NULL},
    {"Leila", "لیلا", "Leyla|Layla", NULL},
    {"Mahsa", "مهسا", NULL, NULL},
    {"Sara", "سارا", NULL, NULL},
    {"Nazanin", "نازنین", NULL, NULL},
    {"Shirin", "شیرین", NULL, NULL},
    {"Parisa", "پریسا", NULL, NULL},
    {"Fereshteh", "فرشته", "Fereshta|Freshta", NULL},
    {"Azadeh", "آزاده", NULL, NULL},
    {"Somayeh", "سمیه", "Sumayya", NULL},
    {"Elham", "الهام", NULL, NULL},
    {"Mina", "مینا", NULL, NULL},
    {"Neda", "ندا", NULL, NULL},
    {"Soheila", "سهیلا", NULL, NULL},
    {"Shahla", "شهلا", NULL, NULL},
    {"Farideh", "فریده", "Farida", NULL},
    {"Mitra", "میترا", NULL, NULL},
    {"Niloufar", "نیلوفر", "Nilufar", NULL},
    {"Tahereh", "طاهره", "Tahera", NULL},
    {"Parvin", "پروین", "Parveen", NULL},
    {"Soraya", "ثریا", "Suraya", NULL},
};

/* Bases of composed Persian family names, with their -i form. */
static const wl_tok fa_base[] = {
    {"Mohammad", "محمد", "Mohammadi", "محمدی"},
    {"Hossein", "حسین", "Hosseini", "حسینی"},
    {"Ahmad", "احمد", "Ahmadi", "احمدی"},
    {"Reza", "رضا", "Rezaei", "رضایی"},
    {"Karim", "کریم", "Karimi", "کریمی"},
    {"Rahim", "رحیم", "Rahimi", "رحیمی"},
    {"Jafar", "جعفر", "Jafari", "جعفری"},
    {"Ali", "علی", "Alavi", "علوی"},
    {"Hassan", "حسن", "Hassani", "حسنی"},
    {"Kazem", "کاظم", "Kazemi", "کاظمی"},
    {"Ghasem", "قاسم", "Ghasemi", "قاسمی"},
    {"Sadegh", "صادق", "Sadeghi", "صادقی"},
    {"Heydar", "حیدر", "Heydari", "حیدری"},
    {"Ebrahim", "ابراهیم", "Ebrahimi", "ابراهیمی"},
    {"Morad", "مراد", "Moradi", "مرادی"},
    {"Mousa", "موسی", "Mousavi", "موسوی"},
    {"Hashem", "هاشم", "Hashemi", "هاشمی"},
    {"Akbar", "اکبر", "Akbari", "اکبری"},
    {"Bagher", "باقر", "Bagheri", "باقری"},
    {"Nasser", "ناصر", "Nasseri", "ناصری"},
    {"Amir", "امیر", "Amiri", "امیری"},
    {"Taghi", "تقی", "Taghavi", "تقوی"},
    {"Rostam", "رستم", "Rostami", "رستمی"},
    {"Karam", "کرم", "Karami", "کرمی"},
    {"Soltan", "سلطان", "Soltani", "سلطانی"},
    {"Naghi", "نقی", "Naghavi", "نقوی"},
    {"Shir", "شیر", "Shirazi", "شیرازی"},
    {"Nour", "نور", "Nouri", "نوری"},
    {"Saleh", "صالح", "Salehi", "صالحی"},
    {"Abbas", "عباس", "Abbasi", "عباسی"},
    {"Yousef", "یوسف", "Yousefi", "یوسفی"},
    {"Esmaeil", "اسماعیل", "Esmaeili", "اسماعیلی"},
    {"Jamshid", "جمشید", "Jamshidi", "جمشیدی"},
    {"Bahram", "بهرام", "Bahrami", "بهرامی"},
    {"Safar", "صفر", "Safari", "صفری"},
    {"Ghorban", "قربان", "Ghorbani", "قربانی"},
    {"Hamid", "حمید", "Hamidi", "حمیدی"},
    {"Mahmoud", "محمود", "Mahmoudi", "محمودی"},
};

/* Suffixes after a base: the Latin form, and the Persian one (joined with a
 * zero-width non-joiner, as Persian writes compounds). */
static const char *const fa_suffix[][2] = {
    {"zadeh", ZWNJ "زاده"},  {"pour", ZWNJ "پور"},   {"nejad", ZWNJ "نژاد"},
    {"abadi", ZWNJ "آبادی"}, {"khani", ZWNJ "خانی"}, {"far", ZWNJ "فر"},
    {"vand", "وند"},
};

void demo__wl_make_persian(const char *nat, char sex, bool child, demo_rng *r,
                           wl_name *nm) {
  (void)nat;
  (void)child;
  static const wl_pool m = WL_POOL(fa_m, 3), f = WL_POOL(fa_f, 2);
  demo__wl_add_tok(nm, WL_GIVEN, wl_draw(sex == 'F' ? &f : &m, r));
  const wl_tok *b = &fa_base[wl_index(r, WL_N(fa_base), 2)];
  if (demo_chance(r, 0.55)) {
    wl_ntok *t = demo__wl_add(nm, WL_SURNAME, b->alt, b->nick);
    (void)t;
  } else {
    uint32_t k = wl_index(r, WL_N(fa_suffix), 2);
    char lat[72], orig[128];
    snprintf(lat, sizeof lat, "%s%s", b->lat, fa_suffix[k][0]);
    snprintf(orig, sizeof orig, "%s%s", b->orig, fa_suffix[k][1]);
    wl_ntok *t = demo__wl_add(nm, WL_SURNAME, lat, orig);
    if (strcmp(fa_suffix[k][0], "pour") == 0)
      snprintf(t->altbuf, sizeof t->altbuf, "%spur|%s-Pour", b->lat, b->lat);
    else if (strcmp(fa_suffix[k][0], "zadeh") == 0)
      snprintf(t->altbuf, sizeof t->altbuf, "%szade|%s-Zadeh", b->lat, b->lat);
  }
}

/* ---- Pashto ---- */

static const wl_tok ps_m[] = {
    {"Mohammad", "محمد", "Muhammad|Mohammed", NULL},
    {"Abdul Ghani", "عبدالغنی", "Abdulghani|Abd al-Ghani", NULL},
    {"Gul", "ګل", NULL, NULL},
    {"Ahmad", "احمد", "Ahmed", NULL},
    {"Sirajuddin", "سراج الدین", "Siraj ud-Din|Siraj al-Din", NULL},
    {"Jalaluddin", "جلال الدین", "Jalal ud-Din|Jalal al-Din", NULL},
    {"Hibatullah", "هبت الله", "Haibatullah|Hebatullah", NULL},
    {"Zabihullah", "ذبیح الله", "Zabiullah|Zabihollah", NULL},
    {"Aminullah", "امین الله", "Aminollah", NULL},
    {"Hekmatullah", "حکمت الله", "Hikmatullah", NULL},
    {"Rahmatullah", "رحمت الله", "Rahmatollah", NULL},
    {"Nasrullah", "نصرالله", "Nasrallah", NULL},
    {"Inayatullah", "عنایت الله", "Enayatullah", NULL},
    {"Najibullah", "نجیب الله", "Najeebullah", NULL},
    {"Khan", "خان", NULL, NULL},
    {"Wali", "ولی", NULL, NULL},
    {"Najib", "نجیب", "Najeeb", NULL},
    {"Haroon", "هارون", "Harun", NULL},
    {"Sher", "شیر", "Shir", NULL},
    {"Zalmai", "زلمی", "Zalmay", NULL},
    {"Mirwais", "میرویس", "Mir Wais", NULL},
    {"Ajmal", "اجمل", NULL, NULL},
    {"Noor", "نور", "Nur", NULL},
    {"Jawed", "جاوید", "Javed|Javid", NULL},
    {"Farid", "فرید", "Fareed", NULL},
    {"Habib", "حبیب", NULL, NULL},
    {"Qadir", "قادر", "Kadir", NULL},
    {"Rahmat", "رحمت", NULL, NULL},
    {"Ismail", "اسماعیل", "Esmail", NULL},
    {"Yaqub", "یعقوب", "Yaqoob|Yakub", NULL},
    {"Akhtar", "اختر", NULL, NULL},
    {"Dawood", "داوود", "Dawud|Daud", NULL},
    {"Bashir", "بشیر", "Basheer", NULL},
    {"Rahim", "رحیم", NULL, NULL},
    {"Omar", "عمر", "Umar", NULL},
    {"Yunus", "یونس", "Younus|Yunis", NULL},
    {"Asadullah", "اسدالله", "Asadollah", NULL},
    {"Fazal", "فضل", "Fazl", NULL},
};

static const wl_tok ps_f[] = {
    {"Malalai", "ملالۍ", "Malalay", NULL},
    {"Zarghuna", "زرغونه", "Zarghona", NULL},
    {"Palwasha", "پلوشه", NULL, NULL},
    {"Nazo", "نازو", NULL, NULL},
    {"Shabana", "شبانه", NULL, NULL},
    {"Mariam", "مریم", "Maryam", NULL},
    {"Fatima", "فاطمه", "Fatema", NULL},
    {"Zainab", "زینب", NULL, NULL},
    {"Rahima", "رحیمه", NULL, NULL},
    {"Nadia", "نادیه", NULL, NULL},
    {"Frishta", "فرشته", "Fereshta", NULL},
    {"Laila", "لیلا", "Leila", NULL},
    {"Hasina", "حسینه", NULL, NULL},
    {"Spozhmai", "سپوږمۍ", "Spojmai", NULL},
    {"Gulalai", "ګلالۍ", "Gulalay", NULL},
    {"Bibi", "بي بي", NULL, NULL},
};

/* Tribes: base + zai or khel, and names used as they are. */
static const wl_tok ps_tribe[] = {
    {"Ahmad", "احمد", NULL, NULL},     {"Achak", "اڅک", NULL, NULL},
    {"Yousaf", "یوسف", "Yusuf", NULL}, {"Mohammad", "محمد", NULL, NULL},
    {"Noor", "نور", NULL, NULL},       {"Popal", "پوپل", NULL, NULL},
    {"Barak", "بارک", NULL, NULL},     {"Ali", "علي", NULL, NULL},
    {"Ishaq", "اسحاق", NULL, NULL},    {"Sulaiman", "سلیمان", NULL, NULL},
    {"Alako", "الکو", NULL, NULL},     {"Stanik", "ستانک", NULL, NULL},
    {"Hassan", "حسن", NULL, NULL},     {"Umar", "عمر", NULL, NULL},
    {"Mama", "ماما", NULL, NULL},      {"Kar", "کر", NULL, NULL},
};

static const wl_tok ps_sur[] = {
    {"Haqqani", "حقاني", "Hakkani", NULL},
    {"Durrani", "دراني", "Durani", NULL},
    {"Hotak", "هوتک", "Hotaki", NULL},
    {"Kakar", "کاکړ", NULL, NULL},
    {"Mangal", "منګل", NULL, NULL},
    {"Zadran", "ځدراڼ", "Dzadran", NULL},
    {"Wardak", "وردګ", "Wardag", NULL},
    {"Akhund", "آخوند", "Akhundzada", NULL},
    {"Tokhi", "توخي", NULL, NULL},
    {"Safi", "صافي", NULL, NULL},
    {"Shinwari", "شينواري", NULL, NULL},
    {"Afridi", "اپريدي", NULL, NULL},
    {"Mohmand", "مهمند", NULL, NULL},
    {"Baradar", "برادر", NULL, NULL},
    {"Mansoor", "منصور", "Mansour|Mansur", NULL},
    {"Muttaqi", "متقي", NULL, NULL},
    {"Omari", "عمري", "Umari", NULL},
    {"Jalali", "جلالي", NULL, NULL},
    {"Niazi", "نيازي", NULL, NULL},
    {"Khalil", "خلیل", NULL, NULL},
};

static const wl_tok ps_title[] = {
    {"Mullah", "ملا", "Mulla|Molla", NULL},
    {"Mawlawi", "مولوي", "Maulvi|Mawlavi|Moulavi", NULL},
    {"Qari", "قاري", NULL, NULL},
    {"Haji", "حاجي", "Hajji|Alhaj", NULL},
    {"Hafiz", "حافظ", "Hafez", NULL},
    {"Qazi", "قاضي", "Qadi", NULL},
};

void demo__wl_make_pashto(const char *nat, char sex, bool child, demo_rng *r,
                          wl_name *nm) {
  (void)nat;
  static const wl_pool m = WL_POOL(ps_m, 2), f = WL_POOL(ps_f, 2);
  demo__wl_add_tok(nm, WL_GIVEN, wl_draw(sex == 'F' ? &f : &m, r));
  uint32_t how = demo_below(r, 100);
  if (how < 45) {
    const wl_tok *b = &ps_tribe[wl_index(r, WL_N(ps_tribe), 2)];
    bool khel = demo_chance(r, 0.25);
    char lat[72], orig[128];
    snprintf(lat, sizeof lat, "%s%s", b->lat, khel ? "khel" : "zai");
    snprintf(orig, sizeof orig, "%s%s", b->orig, khel ? "خیل" : "زی");
    wl_ntok *t = demo__wl_add(nm, WL_SURNAME, lat, orig);
    snprintf(t->altbuf, sizeof t->altbuf, "%s%s|%s %s", b->lat,
             khel ? "khail" : "zay", b->lat, khel ? "Khel" : "Zai");
  } else if (how < 80) {
    demo__wl_add_tok(nm, WL_SURNAME, wl_draw(&(wl_pool)WL_POOL(ps_sur, 2), r));
  } else if (!child) {
    /* Known by the given name and the father's. */
    demo__wl_add_tok(nm, WL_FATHER, wl_draw(&m, r));
  }
}

/* Weak aliases: a title with the given name ("Mullah Omar"). */
bool demo__wl_weak_pashto(const wl_name *nm, demo_rng *r, char *out,
                          size_t cap) {
  if (nm->sex == 'F')
    return false;
  const wl_tok *t = &ps_title[demo_below(r, WL_N(ps_title))];
  snprintf(out, cap, "%s %s", t->lat, nm->t[0].lat);
  return true;
}
