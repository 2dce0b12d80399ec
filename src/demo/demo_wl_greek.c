/* Greek names for synthetic watchlists, each token paired with its Greek
 * form. Surnames are a stem and an accented suffix (Papad+όπουλος,
 * Georgi+άδης), sometimes after a prefix (Papa-, Chatzi-, Kara-), and take
 * the genitive for women (Papadopoulou, Georgiadou); the Latin forms follow
 * ELOT 743, colloquial given names (Giorgos, Kostas) are weak aliases. */
#include "demo_wl.h"

#include <stdio.h>
#include <string.h>

/* ---- Greek ---- */

static const wl_tok gr_m[] = {
    {"Georgios", "Γεώργιος", "George|Yeoryios", "Giorgos"},
    {"Ioannis", "Ιωάννης", "Ioannes|John", "Giannis"},
    {"Konstantinos", "Κωνσταντίνος", "Constantinos|Konstandinos", "Kostas"},
    {"Dimitrios", "Δημήτριος", "Demetrios|Dimitris", "Dimitris"},
    {"Nikolaos", "Νικόλαος", "Nicholas|Nikolas", "Nikos"},
    {"Panagiotis", "Παναγιώτης", "Panayiotis|Panagiotes", "Panos"},
    {"Vasileios", "Βασίλειος", "Vasilios|Vassilios|Basil", "Vasilis"},
    {"Christos", "Χρήστος", "Hristos|Chrestos", "Christakis"},
    {"Athanasios", "Αθανάσιος", "Athanassios", "Thanasis"},
    {"Michail", "Μιχαήλ", "Michael|Mihail", "Michalis"},
    {"Evangelos", "Ευάγγελος", "Evaggelos|Evangelos", "Vangelis"},
    {"Spyridon", "Σπυρίδων", "Spiridon", "Spyros"},
    {"Antonios", "Αντώνιος", "Anthony", "Antonis"},
    {"Ilias", "Ηλίας", "Elias", NULL},
    {"Emmanouil", "Εμμανουήλ", "Emmanuel", "Manolis"},
    {"Stylianos", "Στυλιανός", "Stilianos", "Stelios"},
    {"Theodoros", "Θεόδωρος", "Theodore", "Thodoris"},
    {"Petros", "Πέτρος", "Peter", NULL},
    {"Stavros", "Σταύρος", NULL, NULL},
    {"Alexandros", "Αλέξανδρος", "Alexander", "Alekos"},
    {"Apostolos", "Απόστολος", NULL, "Tolis"},
    {"Charalampos", "Χαράλαμπος", "Haralambos|Charalambos", "Babis"},
    {"Anastasios", "Αναστάσιος", "Anastassios", "Tasos"},
    {"Grigorios", "Γρηγόριος", "Gregory", "Grigoris"},
    {"Sotirios", "Σωτήριος", NULL, "Sotiris"},
    {"Andreas", "Ανδρέας", NULL, NULL},
    {"Kyriakos", "Κυριάκος", "Kiriakos", NULL},
    {"Leonidas", "Λεωνίδας", NULL, NULL},
};

static const wl_tok gr_f[] = {
    {"Maria", "Μαρία", NULL, NULL},
    {"Eleni", "Ελένη", "Helen|Helena", "Lena"},
    {"Aikaterini", "Αικατερίνη", "Ekaterini|Katerina", "Katerina"},
    {"Vasiliki", "Βασιλική", "Vassiliki", "Vaso"},
    {"Sofia", "Σοφία", "Sophia", NULL},
    {"Angeliki", "Αγγελική", "Aggeliki", "Angela"},
    {"Georgia", "Γεωργία", NULL, "Gogo"},
    {"Dimitra", "Δήμητρα", "Demetra", NULL},
    {"Konstantina", "Κωνσταντίνα", NULL, "Dina"},
    {"Paraskevi", "Παρασκευή", NULL, "Voula"},
    {"Christina", "Χριστίνα", "Hristina", NULL},
    {"Ioanna", "Ιωάννα", NULL, "Gianna"},
    {"Anastasia", "Αναστασία", NULL, "Natasa"},
    {"Evangelia", "Ευαγγελία", "Evaggelia", "Litsa"},
    {"Panagiota", "Παναγιώτα", "Panayiota", "Giota"},
    {"Athina", "Αθηνά", "Athena", NULL},
    {"Despoina", "Δέσποινα", "Despina", NULL},
    {"Kalliopi", "Καλλιόπη", NULL, "Popi"},
    {"Eirini", "Ειρήνη", "Irene|Irini", NULL},
    {"Zoi", "Ζωή", "Zoe", NULL},
    {"Theodora", "Θεοδώρα", NULL, "Dora"},
    {"Stavroula", "Σταυρούλα", NULL, "Voula"},
};

/* Stems (unaccented: the suffix carries the accent). */
static const wl_tok gr_stem[] = {
    {"Papad", "Παπαδ", NULL, NULL},
    {"Georg", "Γεωργ", NULL, NULL},
    {"Nikol", "Νικολ", NULL, NULL},
    {"Dimitr", "Δημητρ", NULL, NULL},
    {"Konstantin", "Κωνσταντιν", NULL, NULL},
    {"Ioann", "Ιωανν", NULL, NULL},
    {"Vasil", "Βασιλ", NULL, NULL},
    {"Christ", "Χριστ", "Hrist", NULL},
    {"Athanas", "Αθανασ", NULL, NULL},
    {"Michail", "Μιχαηλ", NULL, NULL},
    {"Petr", "Πετρ", NULL, NULL},
    {"Stavr", "Σταυρ", NULL, NULL},
    {"Pavl", "Παυλ", NULL, NULL},
    {"Anastas", "Αναστασ", NULL, NULL},
    {"Theodor", "Θεοδωρ", NULL, NULL},
    {"Alexandr", "Αλεξανδρ", NULL, NULL},
    {"Manol", "Μανωλ", NULL, NULL},
    {"Kyriak", "Κυριακ", "Kiriak", NULL},
    {"Kost", "Κωστ", NULL, NULL},
    {"Giann", "Γιανν", "Yann", NULL},
    {"Panagiot", "Παναγιωτ", "Panayot", NULL},
    {"Spyr", "Σπυρ", "Spir", NULL},
    {"Antoni", "Αντωνι", NULL, NULL},
    {"Lampr", "Λαμπρ", "Lambr", NULL},
    {"Sider", "Σιδερ", NULL, NULL},
    {"Kalogir", "Καλογηρ", NULL, NULL},
    {"Mavr", "Μαυρ", NULL, NULL},
    {"Zachar", "Ζαχαρ", "Zahar", NULL},
    {"Karamanl", "Καραμανλ", NULL, NULL},
    {"Tsipr", "Τσιπρ", NULL, NULL},
    {"Vlach", "Βλαχ", "Vlah", NULL},
    {"Mark", "Μαρκ", NULL, NULL},
};

/* Suffixes: masculine Latin and Greek, feminine Latin and Greek. */
static const char *const gr_suffix[][4] = {
    {"opoulos", "όπουλος", "opoulou", "οπούλου"},
    {"idis", "ίδης", "idou", "ίδου"},
    {"akis", "άκης", "aki", "άκη"},
    {"iadis", "ιάδης", "iadou", "ιάδου"},
    {"iou", "ίου", "iou", "ίου"},
    {"akopoulos", "ακόπουλος", "akopoulou", "ακοπούλου"},
    {"atos", "άτος", "atou", "άτου"},
    {"oglou", "όγλου", "oglou", "όγλου"},
};
static const uint16_t gr_suffix_w[] = {30, 20, 18, 8, 10, 5, 3, 3};

static const wl_tok gr_pre[] = {
    {"Papa", "Παπα", NULL, NULL},
    {"Chatzi", "Χατζη", "Hatzi|Hadji", NULL},
    {"Kara", "Καρα", NULL, NULL},
    {"Mavro", "Μαυρο", NULL, NULL},
};

/* Lower-cases the first (unaccented capital) Greek letter of s in place. */
static void greek_lower_first(char *s) {
  unsigned char *u = (unsigned char *)s;
  if (u[0] == 0xCE && u[1] >= 0x91 && u[1] <= 0x9F) {
    u[1] = (unsigned char)(u[1] + 0x20);
  } else if (u[0] == 0xCE && u[1] >= 0xA0 && u[1] <= 0xA9) {
    u[0] = 0xCF;
    u[1] = (unsigned char)(u[1] - 0x20);
  } else if (u[0] < 0x80 && u[0] >= 'A' && u[0] <= 'Z') {
    u[0] = (unsigned char)(u[0] - 'A' + 'a');
  }
}

void demo__wl_make_greek(const char *nat, char sex, bool child, demo_rng *r,
                         wl_name *nm) {
  (void)nat;
  (void)child;
  bool f = sex == 'F';
  static const wl_pool m = WL_POOL(gr_m, 2), w = WL_POOL(gr_f, 2);
  demo__wl_add_tok(nm, WL_GIVEN, wl_draw(f ? &w : &m, r));
  const wl_tok *st = &gr_stem[wl_index(r, WL_N(gr_stem), 2)];
  uint32_t k = demo__wl_weighted(r, gr_suffix_w, WL_N(gr_suffix_w));
  if (strcmp(st->lat, "Papad") == 0) /* Papadopoulos, Papadakis only */
    k = k % 2 ? 2 : 0;
  char sl[40], sg[64];
  snprintf(sl, sizeof sl, "%s", st->lat);
  snprintf(sg, sizeof sg, "%s", st->orig);
  const wl_tok *p = NULL;
  if (demo_chance(r, 0.2) && strncmp(st->lat, "Papa", 4) != 0) {
    p = &gr_pre[demo_below(r, WL_N(gr_pre))];
    greek_lower_first(sg);
    greek_lower_first(sl);
  }
  char lat[72], orig[128];
  snprintf(lat, sizeof lat, "%s%s%s", p ? p->lat : "", sl, gr_suffix[k][f * 2]);
  snprintf(orig, sizeof orig, "%s%s%s", p ? p->orig : "", sg,
           gr_suffix[k][f * 2 + 1]);
  wl_ntok *t = demo__wl_add(nm, WL_SURNAME, lat, orig);
  if (p && p->alt) {
    char a[24];
    demo__wl_pick_alt(p->alt, r, a, sizeof a);
    snprintf(t->altbuf, sizeof t->altbuf, "%s%s%s", a, sl, gr_suffix[k][f * 2]);
  } else if (!p && st->alt) {
    snprintf(t->altbuf, sizeof t->altbuf, "%s%s", st->alt, gr_suffix[k][f * 2]);
  }
}
