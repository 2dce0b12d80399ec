/* Western European, English-speaking and Hispanic names for synthetic
 * watchlists (Latin letters). Western surnames come from pools and from
 * parts (Thorn+ton, Hof+mann, Bel+lini, Four+nier), given names carry
 * their diminutives (Jimmy, Peppe) for weak aliases. Hispanic names carry
 * both parents' surnames, with Basque (Echeverría, Goicoechea) and Catalan
 * (Vilanova, Puigdemont) compounds in the tail; a strong alias drops the
 * mother's surname or the accents, a weak one is an apodo (El Flaco). */
#include "demo_wl.h"

#include <stdio.h>
#include <string.h>

/* ---- Western Europe and the English-speaking world ---- */

static const wl_tok en_m[] = {
    {"James", NULL, NULL, "Jimmy"},
    {"John", NULL, "Jon", "Johnny"},
    {"Robert", NULL, NULL, "Bobby"},
    {"Michael", NULL, NULL, "Mick"},
    {"William", NULL, NULL, "Billy"},
    {"David", NULL, NULL, "Dave"},
    {"Richard", NULL, NULL, "Rick"},
    {"Thomas", NULL, NULL, "Tommy"},
    {"Daniel", NULL, NULL, "Danny"},
    {"Paul", NULL, NULL, NULL},
    {"Mark", NULL, "Marc", NULL},
    {"Steven", NULL, "Stephen", "Steve"},
    {"Andrew", NULL, NULL, "Andy"},
    {"Christopher", NULL, NULL, "Chris"},
    {"Joseph", NULL, NULL, "Joe"},
    {"Anthony", NULL, "Antony", "Tony"},
    {"Kevin", NULL, NULL, NULL},
    {"Brian", NULL, "Bryan", NULL},
    {"Patrick", NULL, NULL, "Paddy"},
    {"Sean", NULL, "Shaun|Shawn", NULL},
    {"Gary", NULL, "Garry", NULL},
    {"Peter", NULL, NULL, "Pete"},
    {"Matthew", NULL, NULL, "Matt"},
    {"Jason", NULL, NULL, NULL},
    {"Ryan", NULL, NULL, NULL},
    {"Scott", NULL, NULL, "Scotty"},
    {"Timothy", NULL, NULL, "Tim"},
    {"Edward", NULL, NULL, "Eddie"},
    {"Ronald", NULL, NULL, "Ronnie"},
    {"Kenneth", NULL, NULL, "Kenny"},
    {"Gregory", NULL, NULL, "Greg"},
    {"Raymond", NULL, NULL, "Ray"},
    {"Terence", NULL, "Terrence", "Terry"},
    {"Craig", NULL, NULL, NULL},
    {"Liam", NULL, NULL, NULL},
    {"Connor", NULL, "Conor", NULL},
    {"Charles", NULL, NULL, "Charlie"},
    {"Nicholas", NULL, "Nicolas", "Nick"},
    {"Samuel", NULL, NULL, "Sam"},
    {"Benjamin", NULL, NULL, "Ben"},
    {"Wayne", NULL, NULL, NULL},
    {"Dwayne", NULL, "Duane", NULL},
};

static const wl_tok en_f[] = {
    {"Mary", NULL, NULL, NULL},
    {"Patricia", NULL, NULL, "Patty"},
    {"Jennifer", NULL, NULL, "Jenny"},
    {"Linda", NULL, NULL, NULL},
    {"Elizabeth", NULL, NULL, "Liz"},
    {"Susan", NULL, NULL, "Sue"},
    {"Jessica", NULL, NULL, "Jess"},
    {"Sarah", NULL, "Sara", NULL},
    {"Karen", NULL, NULL, NULL},
    {"Lisa", NULL, NULL, NULL},
    {"Margaret", NULL, NULL, "Maggie"},
    {"Emily", NULL, NULL, NULL},
    {"Michelle", NULL, NULL, NULL},
    {"Amanda", NULL, NULL, "Mandy"},
    {"Melissa", NULL, NULL, "Mel"},
    {"Deborah", NULL, "Debra", "Debbie"},
    {"Rebecca", NULL, NULL, "Becky"},
    {"Laura", NULL, NULL, NULL},
    {"Catherine", NULL, "Katherine|Kathryn", "Kate"},
    {"Emma", NULL, NULL, NULL},
    {"Charlotte", NULL, NULL, "Lottie"},
    {"Sophie", NULL, "Sophia", NULL},
    {"Claire", NULL, "Clare", NULL},
    {"Nicola", NULL, NULL, "Nicky"},
    {"Rachel", NULL, NULL, NULL},
    {"Kelly", NULL, NULL, NULL},
    {"Amy", NULL, NULL, NULL},
    {"Hannah", NULL, "Hanna", NULL},
    {"Chloe", NULL, NULL, NULL},
    {"Megan", NULL, NULL, "Meg"},
    {"Ashley", NULL, NULL, NULL},
};

static const wl_tok en_sur[] = {
    {"Smith", NULL, "Smyth", NULL},
    {"Johnson", NULL, NULL, NULL},
    {"Williams", NULL, NULL, NULL},
    {"Brown", NULL, "Browne", NULL},
    {"Jones", NULL, NULL, NULL},
    {"Taylor", NULL, NULL, NULL},
    {"Davies", NULL, "Davis", NULL},
    {"Wilson", NULL, NULL, NULL},
    {"Evans", NULL, NULL, NULL},
    {"Thomas", NULL, NULL, NULL},
    {"Roberts", NULL, NULL, NULL},
    {"Walker", NULL, NULL, NULL},
    {"Wright", NULL, NULL, NULL},
    {"Robinson", NULL, NULL, NULL},
    {"Thompson", NULL, "Thomson", NULL},
    {"White", NULL, NULL, NULL},
    {"Hughes", NULL, NULL, NULL},
    {"Edwards", NULL, NULL, NULL},
    {"Green", NULL, "Greene", NULL},
    {"Hall", NULL, NULL, NULL},
    {"Wood", NULL, NULL, NULL},
    {"Harris", NULL, NULL, NULL},
    {"Clarke", NULL, "Clark", NULL},
    {"Jackson", NULL, NULL, NULL},
    {"Turner", NULL, NULL, NULL},
    {"Hill", NULL, NULL, NULL},
    {"Moore", NULL, "More", NULL},
    {"Cooper", NULL, NULL, NULL},
    {"Ward", NULL, NULL, NULL},
    {"Morris", NULL, NULL, NULL},
    {"King", NULL, NULL, NULL},
    {"Baker", NULL, NULL, NULL},
    {"Murphy", NULL, NULL, NULL},
    {"O'Brien", NULL, "OBrien", NULL},
    {"Kelly", NULL, NULL, NULL},
    {"Campbell", NULL, NULL, NULL},
    {"Stewart", NULL, "Stuart", NULL},
    {"Anderson", NULL, NULL, NULL},
    {"MacDonald", NULL, "McDonald", NULL},
    {"Scott", NULL, NULL, NULL},
    {"Miller", NULL, NULL, NULL},
    {"Garcia", NULL, NULL, NULL},
    {"Martinez", NULL, NULL, NULL},
    {"Lee", NULL, NULL, NULL},
    {"Reid", NULL, "Reed", NULL},
    {"O'Connor", NULL, "OConnor", NULL},
};

static const wl_tok en_pre[] = {
    {"Ash", 0, 0, 0},   {"Brad", 0, 0, 0},  {"Brook", 0, 0, 0},
    {"Car", 0, 0, 0},   {"Clif", 0, 0, 0},  {"Craw", 0, 0, 0},
    {"Dal", 0, 0, 0},   {"Fair", 0, 0, 0},  {"Hart", 0, 0, 0},
    {"Hol", 0, 0, 0},   {"Lang", 0, 0, 0},  {"Mar", 0, 0, 0},
    {"Mid", 0, 0, 0},   {"Nor", 0, 0, 0},   {"Ather", 0, 0, 0},
    {"Ring", 0, 0, 0},  {"Shel", 0, 0, 0},  {"Stan", 0, 0, 0},
    {"Thorn", 0, 0, 0}, {"Wal", 0, 0, 0},   {"Wes", 0, 0, 0},
    {"Whit", 0, 0, 0},  {"Brom", 0, 0, 0},  {"Ship", 0, 0, 0},
    {"Kings", 0, 0, 0}, {"Ox", 0, 0, 0},    {"Bur", 0, 0, 0},
    {"Chad", 0, 0, 0},  {"Black", 0, 0, 0}, {"Rad", 0, 0, 0},
    {"Wake", 0, 0, 0},  {"Ayles", 0, 0, 0},
};
static const wl_tok en_post[] = {
    {"ley", 0, 0, 0},   {"ton", 0, 0, 0},   {"ford", 0, 0, 0},
    {"by", 0, 0, 0},    {"wood", 0, 0, 0},  {"well", 0, 0, 0},
    {"field", 0, 0, 0}, {"ham", 0, 0, 0},   {"worth", 0, 0, 0},
    {"ridge", 0, 0, 0}, {"more", 0, 0, 0},  {"dale", 0, 0, 0},
    {"wick", 0, 0, 0},  {"stone", 0, 0, 0}, {"bury", 0, 0, 0},
    {"combe", 0, 0, 0}, {"hurst", 0, 0, 0}, {"shaw", 0, 0, 0},
};

static const wl_tok fr_m[] = {
    {"Jean", 0, 0, 0},
    {"Pierre", 0, 0, 0},
    {"Michel", 0, 0, 0},
    {"Philippe", 0, "Philipe", 0},
    {"Alain", 0, 0, 0},
    {"Nicolas", 0, 0, "Nico"},
    {"Christophe", 0, 0, 0},
    {"Patrick", 0, 0, 0},
    {"Laurent", 0, 0, 0},
    {"Frédéric", 0, "Frederic", "Fred"},
    {"Stéphane", 0, "Stephane", 0},
    {"Éric", 0, "Eric", 0},
    {"Olivier", 0, 0, 0},
    {"Julien", 0, 0, 0},
    {"Sébastien", 0, "Sebastien", "Seb"},
    {"Thierry", 0, 0, 0},
    {"Karim", 0, 0, 0},
    {"Mehdi", 0, 0, 0},
    {"Yannick", 0, 0, 0},
    {"Romain", 0, 0, 0},
    {"Antoine", 0, 0, 0},
    {"Maxime", 0, 0, "Max"},
    {"Kévin", 0, "Kevin", 0},
    {"Jérôme", 0, "Jerome", 0},
    {"Pascal", 0, 0, 0},
    {"Didier", 0, 0, 0},
    {"Hervé", 0, "Herve", 0},
    {"Bruno", 0, 0, 0},
};
static const wl_tok fr_f[] = {
    {"Marie", 0, 0, 0},
    {"Nathalie", 0, "Natalie", 0},
    {"Isabelle", 0, 0, 0},
    {"Sylvie", 0, 0, 0},
    {"Catherine", 0, 0, 0},
    {"Françoise", 0, "Francoise", 0},
    {"Valérie", 0, "Valerie", 0},
    {"Sandrine", 0, 0, 0},
    {"Christine", 0, 0, 0},
    {"Céline", 0, "Celine", 0},
    {"Stéphanie", 0, "Stephanie", "Steph"},
    {"Sophie", 0, 0, 0},
    {"Aurélie", 0, "Aurelie", 0},
    {"Camille", 0, 0, 0},
    {"Julie", 0, 0, 0},
    {"Émilie", 0, "Emilie", 0},
    {"Chantal", 0, 0, 0},
    {"Nadia", 0, 0, 0},
    {"Samia", 0, 0, 0},
    {"Manon", 0, 0, 0},
};
static const wl_tok fr_sur[] = {
    {"Martin", 0, 0, 0},
    {"Bernard", 0, 0, 0},
    {"Dubois", 0, 0, 0},
    {"Thomas", 0, 0, 0},
    {"Robert", 0, 0, 0},
    {"Richard", 0, 0, 0},
    {"Petit", 0, 0, 0},
    {"Durand", 0, 0, 0},
    {"Leroy", 0, "Le Roy", 0},
    {"Moreau", 0, 0, 0},
    {"Simon", 0, 0, 0},
    {"Laurent", 0, 0, 0},
    {"Lefèvre", 0, "Lefebvre|Lefevre", 0},
    {"Michel", 0, 0, 0},
    {"Garcia", 0, 0, 0},
    {"David", 0, 0, 0},
    {"Bertrand", 0, 0, 0},
    {"Roux", 0, 0, 0},
    {"Vincent", 0, 0, 0},
    {"Fournier", 0, 0, 0},
    {"Morel", 0, 0, 0},
    {"Girard", 0, 0, 0},
    {"André", 0, "Andre", 0},
    {"Mercier", 0, 0, 0},
    {"Dupont", 0, "Du Pont", 0},
    {"Lambert", 0, 0, 0},
    {"Bonnet", 0, 0, 0},
    {"François", 0, "Francois", 0},
    {"Martinez", 0, 0, 0},
    {"Legrand", 0, "Le Grand", 0},
    {"Benali", 0, 0, 0},
    {"Haddad", 0, 0, 0},
    {"Diallo", 0, 0, 0},
};
static const wl_tok fr_pre[] = {
    {"Bern", 0, 0, 0},  {"Dur", 0, 0, 0},   {"Fourn", 0, 0, 0},
    {"Gaut", 0, 0, 0},  {"Mor", 0, 0, 0},   {"March", 0, 0, 0},
    {"Bouch", 0, 0, 0}, {"Charp", 0, 0, 0}, {"Roul", 0, 0, 0},
    {"Vass", 0, 0, 0},  {"Ren", 0, 0, 0},   {"Gir", 0, 0, 0},
    {"Merc", 0, 0, 0},  {"Garn", 0, 0, 0},  {"Perr", 0, 0, 0},
    {"Rob", 0, 0, 0},   {"Pel", 0, 0, 0},   {"Ferr", 0, 0, 0},
    {"Bonn", 0, 0, 0},  {"Chaud", 0, 0, 0}, {"Roch", 0, 0, 0},
    {"Barb", 0, 0, 0},  {"Boul", 0, 0, 0},  {"Gren", 0, 0, 0},
    {"Jacqu", 0, 0, 0}, {"Thib", 0, 0, 0},  {"Vall", 0, 0, 0},
    {"Bourg", 0, 0, 0},
};
static const wl_tok fr_post[] = {
    {"ier", 0, 0, 0},   {"and", 0, 0, 0}, {"eau", 0, 0, 0},  {"ot", 0, 0, 0},
    {"et", 0, 0, 0},    {"on", 0, 0, 0},  {"in", 0, 0, 0},   {"ard", 0, 0, 0},
    {"aud", 0, 0, 0},   {"eux", 0, 0, 0}, {"ault", 0, 0, 0}, {"elle", 0, 0, 0},
    {"ès", 0, "es", 0}, {"oux", 0, 0, 0},
};

static const wl_tok de_m[] = {
    {"Thomas", 0, 0, 0},        {"Michael", 0, 0, 0},
    {"Andreas", 0, 0, 0},       {"Stefan", 0, "Stephan", 0},
    {"Klaus", 0, 0, 0},         {"Jürgen", 0, "Juergen|Jurgen", 0},
    {"Dieter", 0, 0, 0},        {"Wolfgang", 0, 0, 0},
    {"Uwe", 0, 0, 0},           {"Frank", 0, 0, 0},
    {"Markus", 0, "Marcus", 0}, {"Lukas", 0, "Lucas", 0},
    {"Jan", 0, 0, 0},           {"Tobias", 0, 0, 0},
    {"Sven", 0, 0, 0},          {"Dennis", 0, 0, 0},
    {"Pieter", 0, 0, 0},        {"Johannes", 0, 0, "Hannes"},
    {"Matthias", 0, 0, 0},      {"Florian", 0, 0, 0},
    {"Ralf", 0, "Ralph", 0},    {"Bram", 0, 0, 0},
    {"Daan", 0, 0, 0},          {"Sander", 0, 0, 0},
};
static const wl_tok de_f[] = {
    {"Sabine", 0, 0, 0}, {"Petra", 0, 0, 0},          {"Claudia", 0, 0, 0},
    {"Anja", 0, 0, 0},   {"Katrin", 0, "Kathrin", 0}, {"Heike", 0, 0, 0},
    {"Nicole", 0, 0, 0}, {"Andrea", 0, 0, 0},         {"Julia", 0, 0, 0},
    {"Lena", 0, 0, 0},   {"Anna", 0, 0, 0},           {"Sanne", 0, 0, 0},
    {"Femke", 0, 0, 0},  {"Monika", 0, "Monica", 0},  {"Ute", 0, 0, 0},
    {"Birgit", 0, 0, 0},
};
static const wl_tok de_sur[] = {
    {"Müller", 0, "Mueller|Muller", 0},
    {"Schmidt", 0, "Schmitt", 0},
    {"Schneider", 0, 0, 0},
    {"Fischer", 0, 0, 0},
    {"Weber", 0, 0, 0},
    {"Meyer", 0, "Meier|Maier", 0},
    {"Wagner", 0, 0, 0},
    {"Becker", 0, 0, 0},
    {"Schulz", 0, "Schultz", 0},
    {"Hoffmann", 0, "Hofmann", 0},
    {"Koch", 0, 0, 0},
    {"Richter", 0, 0, 0},
    {"Klein", 0, 0, 0},
    {"Wolf", 0, 0, 0},
    {"Schröder", 0, "Schroeder", 0},
    {"Neumann", 0, 0, 0},
    {"Schwarz", 0, 0, 0},
    {"Braun", 0, 0, 0},
    {"Krüger", 0, "Krueger", 0},
    {"de Vries", 0, "De Vries|Devries", 0},
    {"van Dijk", 0, "Van Dyk|Vandijk", 0},
    {"Jansen", 0, "Janssen", 0},
    {"Bakker", 0, 0, 0},
    {"Visser", 0, 0, 0},
    {"de Jong", 0, "De Jong", 0},
    {"van den Berg", 0, "Van den Berg|Vandenberg", 0},
    {"Peeters", 0, 0, 0},
    {"Yılmaz", 0, "Yilmaz", 0},
};
static const wl_tok de_pre[] = {
    {"Hof", 0, 0, 0},          {"Stein", 0, 0, 0},      {"Berg", 0, 0, 0},
    {"Brand", 0, 0, 0},        {"Eich", 0, 0, 0},       {"Feld", 0, 0, 0},
    {"Gold", 0, 0, 0},         {"Grün", 0, "Gruen", 0}, {"Hart", 0, 0, 0},
    {"Kirch", 0, 0, 0},        {"Lind", 0, 0, 0},       {"Rosen", 0, 0, 0},
    {"Schön", 0, "Schoen", 0}, {"Wald", 0, 0, 0},       {"Bach", 0, 0, 0},
    {"Ober", 0, 0, 0},         {"Sonnen", 0, 0, 0},     {"Kessel", 0, 0, 0},
    {"Bauer", 0, 0, 0},        {"Esch", 0, 0, 0},
};
static const wl_tok de_post[] = {
    {"mann", 0, "man", 0}, {"er", 0, 0, 0},     {"berger", 0, 0, 0},
    {"hof", 0, 0, 0},      {"stein", 0, 0, 0},  {"bach", 0, 0, 0},
    {"feld", 0, 0, 0},     {"hauser", 0, 0, 0}, {"meier", 0, "meyer", 0},
    {"ner", 0, 0, 0},      {"inger", 0, 0, 0},  {"brunner", 0, 0, 0},
    {"huber", 0, 0, 0},    {"wald", 0, 0, 0},   {"baum", 0, 0, 0},
    {"schmidt", 0, 0, 0},
};

static const wl_tok it_m[] = {
    {"Giuseppe", 0, 0, "Peppe"},
    {"Giovanni", 0, 0, "Gianni"},
    {"Antonio", 0, 0, "Totò"},
    {"Mario", 0, 0, 0},
    {"Francesco", 0, 0, "Franco"},
    {"Luigi", 0, 0, "Gino"},
    {"Salvatore", 0, 0, "Totò"},
    {"Angelo", 0, 0, 0},
    {"Vincenzo", 0, 0, "Enzo"},
    {"Pietro", 0, 0, 0},
    {"Carlo", 0, 0, 0},
    {"Paolo", 0, 0, 0},
    {"Domenico", 0, 0, "Mimmo"},
    {"Stefano", 0, 0, 0},
    {"Alessandro", 0, 0, "Sandro"},
    {"Marco", 0, 0, 0},
    {"Luca", 0, 0, 0},
    {"Matteo", 0, 0, 0},
    {"Roberto", 0, 0, 0},
    {"Massimo", 0, 0, "Max"},
    {"Gennaro", 0, 0, 0},
    {"Raffaele", 0, 0, "Lello"},
    {"Ciro", 0, 0, 0},
    {"Pasquale", 0, 0, "Lino"},
};
static const wl_tok it_f[] = {
    {"Maria", 0, 0, 0},     {"Anna", 0, 0, 0},     {"Giuseppina", 0, 0, "Pina"},
    {"Rosa", 0, 0, 0},      {"Angela", 0, 0, 0},   {"Giovanna", 0, 0, "Gianna"},
    {"Teresa", 0, 0, 0},    {"Lucia", 0, 0, 0},    {"Carmela", 0, 0, "Melina"},
    {"Francesca", 0, 0, 0}, {"Giulia", 0, 0, 0},   {"Chiara", 0, 0, 0},
    {"Valentina", 0, 0, 0}, {"Federica", 0, 0, 0}, {"Paola", 0, 0, 0},
    {"Simona", 0, 0, 0},
};
static const wl_tok it_sur[] = {
    {"Rossi", 0, 0, 0},    {"Russo", 0, 0, 0},
    {"Ferrari", 0, 0, 0},  {"Esposito", 0, 0, 0},
    {"Bianchi", 0, 0, 0},  {"Romano", 0, 0, 0},
    {"Colombo", 0, 0, 0},  {"Ricci", 0, 0, 0},
    {"Marino", 0, 0, 0},   {"Greco", 0, 0, 0},
    {"Bruno", 0, 0, 0},    {"Gallo", 0, 0, 0},
    {"Conti", 0, 0, 0},    {"De Luca", 0, "Deluca|Di Luca", 0},
    {"Mancini", 0, 0, 0},  {"Costa", 0, 0, 0},
    {"Giordano", 0, 0, 0}, {"Rizzo", 0, 0, 0},
    {"Lombardi", 0, 0, 0}, {"Moretti", 0, 0, 0},
    {"Barbieri", 0, 0, 0}, {"Fontana", 0, 0, 0},
    {"Santoro", 0, 0, 0},  {"Caruso", 0, 0, 0},
    {"Messina", 0, 0, 0},  {"Di Stefano", 0, "Distefano", 0},
    {"Mazza", 0, 0, 0},    {"Piromalli", 0, 0, 0},
    {"Pesce", 0, 0, 0},
};
static const wl_tok it_pre[] = {
    {"Bel", 0, 0, 0},  {"Cam", 0, 0, 0},  {"Fer", 0, 0, 0},  {"Mar", 0, 0, 0},
    {"Ros", 0, 0, 0},  {"Ben", 0, 0, 0},  {"Val", 0, 0, 0},  {"Mon", 0, 0, 0},
    {"Car", 0, 0, 0},  {"Pel", 0, 0, 0},  {"Lan", 0, 0, 0},  {"Ser", 0, 0, 0},
    {"Gal", 0, 0, 0},  {"Sal", 0, 0, 0},  {"Vit", 0, 0, 0},  {"Pic", 0, 0, 0},
    {"Bon", 0, 0, 0},  {"Cast", 0, 0, 0}, {"Ricc", 0, 0, 0}, {"Capp", 0, 0, 0},
    {"Bert", 0, 0, 0}, {"Gian", 0, 0, 0}, {"Pag", 0, 0, 0},  {"Sant", 0, 0, 0},
    {"Tom", 0, 0, 0},  {"Vinc", 0, 0, 0}, {"Zan", 0, 0, 0},  {"Mor", 0, 0, 0},
};
static const wl_tok it_post[] = {
    {"ini", 0, 0, 0},  {"etti", 0, 0, 0}, {"ucci", 0, 0, 0}, {"elli", 0, 0, 0},
    {"oni", 0, 0, 0},  {"otti", 0, 0, 0}, {"ano", 0, 0, 0},  {"ari", 0, 0, 0},
    {"one", 0, 0, 0},  {"azzi", 0, 0, 0}, {"uzzi", 0, 0, 0}, {"esi", 0, 0, 0},
    {"illo", 0, 0, 0}, {"ello", 0, 0, 0}, {"aro", 0, 0, 0},  {"acci", 0, 0, 0},
};

typedef struct west_set {
  wl_pool m, f, sur, pre, post;
  uint8_t compose_pct, middle_pct;
} west_set;

static const west_set west_en = {WL_POOL(en_m, 2),
                                 WL_POOL(en_f, 2),
                                 WL_POOL(en_sur, 2),
                                 WL_POOL(en_pre, 1),
                                 WL_POOL(en_post, 1),
                                 40,
                                 45};
static const west_set west_fr = {WL_POOL(fr_m, 2),
                                 WL_POOL(fr_f, 2),
                                 WL_POOL(fr_sur, 2),
                                 WL_POOL(fr_pre, 1),
                                 WL_POOL(fr_post, 1),
                                 45,
                                 20};
static const west_set west_de = {WL_POOL(de_m, 2),
                                 WL_POOL(de_f, 2),
                                 WL_POOL(de_sur, 2),
                                 WL_POOL(de_pre, 1),
                                 WL_POOL(de_post, 1),
                                 45,
                                 25};
static const west_set west_it = {WL_POOL(it_m, 2),
                                 WL_POOL(it_f, 2),
                                 WL_POOL(it_sur, 2),
                                 WL_POOL(it_pre, 1),
                                 WL_POOL(it_post, 1),
                                 45,
                                 15};

static const west_set *west_of(const char *nat, demo_rng *r) {
  if (strcmp(nat, "FRA") == 0)
    return &west_fr;
  if (strcmp(nat, "ITA") == 0)
    return &west_it;
  if (strcmp(nat, "DEU") == 0 || strcmp(nat, "AUT") == 0 ||
      strcmp(nat, "NLD") == 0)
    return &west_de;
  if (strcmp(nat, "BEL") == 0 || strcmp(nat, "CHE") == 0)
    return demo_chance(r, 0.5) ? &west_fr : &west_de;
  return &west_en;
}

void demo__wl_make_western(const char *nat, char sex, bool child, demo_rng *r,
                           wl_name *nm) {
  (void)child;
  const west_set *s = west_of(nat, r);
  const wl_pool *g = sex == 'F' ? &s->f : &s->m;
  const wl_tok *first = wl_draw(g, r);
  const char *lead = sex == 'F' ? "Marie" : "Jean";
  if (s == &west_fr && demo_chance(r, 0.15)) {
    /* Jean-Pierre, Marie-Claire */
    const wl_tok *second = wl_draw(g, r);
    if (strcmp(lead, second->lat) != 0) {
      char lat[72];
      snprintf(lat, sizeof lat, "%s-%s", lead, second->lat);
      demo__wl_add(nm, WL_GIVEN, lat, NULL);
    } else {
      demo__wl_add_tok(nm, WL_GIVEN, first);
    }
  } else {
    demo__wl_add_tok(nm, WL_GIVEN, first);
  }
  if (demo_below(r, 100) < s->middle_pct) {
    const wl_tok *mid = wl_draw(g, r);
    if (strcmp(mid->lat, nm->t[0].lat) != 0)
      demo__wl_add_tok(nm, WL_MIDDLE, mid);
  }
  if (demo_below(r, 100) >= s->compose_pct) {
    demo__wl_add_tok(nm, WL_SURNAME, wl_draw(&s->sur, r));
    return;
  }
  const wl_tok *a = wl_draw(&s->pre, r), *b = wl_draw(&s->post, r);
  char lat[72];
  snprintf(lat, sizeof lat, "%s%s", a->lat, b->lat);
  wl_ntok *t = demo__wl_add(nm, WL_SURNAME, lat, NULL);
  if (a->alt || b->alt)
    snprintf(t->altbuf, sizeof t->altbuf, "%s%s", a->alt ? a->alt : a->lat,
             b->alt ? b->alt : b->lat);
}

/* ---- Hispanic ---- */

static const wl_tok es_m[] = {
    {"José", 0, "Jose", "Pepe"},
    {"Juan", 0, 0, "Juancho"},
    {"Luis", 0, "Luiz", "Lucho"},
    {"Carlos", 0, 0, "Charly"},
    {"Jesús", 0, "Jesus", "Chucho"},
    {"Miguel", 0, 0, 0},
    {"Francisco", 0, 0, "Pancho"},
    {"Antonio", 0, 0, "Toño"},
    {"Jorge", 0, 0, "Coque"},
    {"Pedro", 0, 0, "Perico"},
    {"Manuel", 0, 0, "Manolo"},
    {"Alejandro", 0, 0, "Alex"},
    {"Fernando", 0, 0, "Nando"},
    {"Ricardo", 0, 0, "Richi"},
    {"Roberto", 0, 0, "Beto"},
    {"Javier", 0, "Xavier", "Javi"},
    {"Rafael", 0, 0, "Rafa"},
    {"Héctor", 0, "Hector", 0},
    {"Sergio", 0, 0, 0},
    {"Eduardo", 0, 0, "Lalo"},
    {"Raúl", 0, "Raul", 0},
    {"Mario", 0, 0, 0},
    {"Arturo", 0, 0, "Tuco"},
    {"Óscar", 0, "Oscar", 0},
    {"Ramón", 0, "Ramon", "Moncho"},
    {"Víctor", 0, "Victor", 0},
    {"Alberto", 0, 0, "Tito"},
    {"Guillermo", 0, 0, "Memo"},
    {"Enrique", 0, 0, "Quique"},
    {"Joaquín", 0, "Joaquin", "Chapo"},
    {"Ignacio", 0, 0, "Nacho"},
    {"Diego", 0, 0, 0},
    {"Andrés", 0, "Andres", 0},
    {"Julio", 0, 0, 0},
    {"Gerardo", 0, 0, "Lalo"},
    {"Rubén", 0, "Ruben", 0},
    {"Ismael", 0, 0, "Mayo"},
    {"Gustavo", 0, 0, "Tavo"},
    {"Wilmer", 0, "Wilmar", 0},
    {"Jhon", 0, "John|Jon", 0},
    {"Édgar", 0, "Edgar", 0},
    {"Nemesio", 0, 0, 0},
};
static const wl_tok es_f[] = {
    {"María", 0, "Maria", 0},   {"Guadalupe", 0, 0, "Lupita"},
    {"Juana", 0, 0, 0},         {"Ana", 0, 0, 0},
    {"Rosa", 0, 0, "Rosita"},   {"Carmen", 0, 0, "Carmencita"},
    {"Patricia", 0, 0, "Paty"}, {"Laura", 0, 0, 0},
    {"Gabriela", 0, 0, "Gaby"}, {"Elena", 0, 0, 0},
    {"Sofía", 0, "Sofia", 0},   {"Valentina", 0, 0, "Vale"},
    {"Daniela", 0, 0, "Dani"},  {"Isabel", 0, 0, "Chabela"},
    {"Lucía", 0, "Lucia", 0},   {"Verónica", 0, "Veronica", "Vero"},
    {"Claudia", 0, 0, 0},       {"Adriana", 0, 0, 0},
    {"Alejandra", 0, 0, "Ale"}, {"Leticia", 0, 0, "Lety"},
    {"Yolanda", 0, 0, "Yoli"},  {"Teresa", 0, 0, "Tere"},
    {"Beatriz", 0, 0, "Bety"},  {"Diana", 0, 0, 0},
    {"Paola", 0, 0, 0},         {"Natalia", 0, 0, "Naty"},
    {"Luz", 0, 0, 0},           {"Yesenia", 0, 0, 0},
    {"Sandra", 0, 0, 0},        {"Liliana", 0, 0, "Lili"},
};
static const wl_tok es_sur[] = {
    {"García", 0, "Garcia", 0},
    {"Rodríguez", 0, "Rodriguez", 0},
    {"Martínez", 0, "Martinez", 0},
    {"Hernández", 0, "Hernandez", 0},
    {"López", 0, "Lopez", 0},
    {"González", 0, "Gonzalez|Gonzales", 0},
    {"Pérez", 0, "Perez", 0},
    {"Sánchez", 0, "Sanchez", 0},
    {"Ramírez", 0, "Ramirez", 0},
    {"Torres", 0, 0, 0},
    {"Flores", 0, 0, 0},
    {"Rivera", 0, 0, 0},
    {"Gómez", 0, "Gomez", 0},
    {"Díaz", 0, "Diaz", 0},
    {"Cruz", 0, 0, 0},
    {"Morales", 0, 0, 0},
    {"Reyes", 0, 0, 0},
    {"Gutiérrez", 0, "Gutierrez", 0},
    {"Ortiz", 0, 0, 0},
    {"Ramos", 0, 0, 0},
    {"Vargas", 0, 0, 0},
    {"Castillo", 0, 0, 0},
    {"Jiménez", 0, "Jimenez|Giménez", 0},
    {"Moreno", 0, 0, 0},
    {"Romero", 0, 0, 0},
    {"Herrera", 0, 0, 0},
    {"Medina", 0, 0, 0},
    {"Aguilar", 0, 0, 0},
    {"Vásquez", 0, "Vasquez|Vázquez", 0},
    {"Castro", 0, 0, 0},
    {"Mendoza", 0, 0, 0},
    {"Ruiz", 0, 0, 0},
    {"Álvarez", 0, "Alvarez", 0},
    {"Fernández", 0, "Fernandez", 0},
    {"Chávez", 0, "Chavez|Chaves", 0},
    {"Guzmán", 0, "Guzman", 0},
    {"Salazar", 0, 0, 0},
    {"Rojas", 0, 0, 0},
    {"Contreras", 0, 0, 0},
    {"Luna", 0, 0, 0},
    {"Ortega", 0, 0, 0},
    {"Delgado", 0, 0, 0},
    {"Espinoza", 0, "Espinosa", 0},
    {"Sandoval", 0, 0, 0},
    {"Cárdenas", 0, "Cardenas", 0},
    {"Soto", 0, 0, 0},
    {"Domínguez", 0, "Dominguez", 0},
    {"Vega", 0, 0, 0},
    {"Navarro", 0, 0, 0},
    {"Ríos", 0, "Rios", 0},
    {"Cabrera", 0, 0, 0},
    {"Molina", 0, 0, 0},
    {"Silva", 0, 0, 0},
    {"Valencia", 0, 0, 0},
    {"Cortés", 0, "Cortes", 0},
    {"Guerrero", 0, 0, 0},
    {"Estrada", 0, 0, 0},
    {"Mejía", 0, "Mejia", 0},
    {"Zamora", 0, 0, 0},
    {"Ochoa", 0, 0, 0},
    {"Arango", 0, 0, 0},
    {"Quintero", 0, 0, 0},
    {"Carrillo", 0, 0, 0},
    {"Zapata", 0, 0, 0},
    {"Velázquez", 0, "Velazquez", 0},
    {"Montoya", 0, 0, 0},
    {"Osorio", 0, 0, 0},
    {"Londoño", 0, "Londono", 0},
    {"Restrepo", 0, 0, 0},
    {"Escobar", 0, 0, 0},
    {"Cifuentes", 0, 0, 0},
    {"Figueroa", 0, 0, 0},
    {"Núñez", 0, "Nunez", 0},
    {"Peña", 0, "Pena", 0},
    {"Maldonado", 0, 0, 0},
    {"Valdez", 0, "Valdes", 0},
    {"Trujillo", 0, 0, 0},
    {"Beltrán", 0, "Beltran", 0},
    {"Zambada", 0, 0, 0},
    {"de la Cruz", 0, "De La Cruz|Delacruz", 0},
    {"de la Torre", 0, "De La Torre", 0},
    {"Caro Quintero", 0, 0, 0},
};
/* Basque compounds: Eche+verría, Goi+coechea, Mendi+zábal. */
static const wl_tok eu_pre[] = {
    {"Eche", 0, "Etxe", 0}, {"Goi", 0, 0, 0},  {"Aran", 0, 0, 0},
    {"Mendi", 0, 0, 0},     {"Zubi", 0, 0, 0}, {"Iri", 0, 0, 0},
    {"Larra", 0, 0, 0},     {"Arri", 0, 0, 0}, {"Ibar", 0, 0, 0},
    {"Gar", 0, 0, 0},       {"Olea", 0, 0, 0}, {"Ugar", 0, 0, 0},
    {"Elor", 0, 0, 0},      {"Azpi", 0, 0, 0}, {"Urru", 0, 0, 0},
    {"Lasa", 0, 0, 0},
};
static const wl_tok eu_post[] = {
    {"verría", 0, "verria|barria", 0},
    {"coechea", 0, "koetxea", 0},
    {"guren", 0, 0, 0},
    {"zábal", 0, "zabal", 0},
    {"zarreta", 0, 0, 0},
    {"goyen", 0, "goien", 0},
    {"tia", 0, 0, 0},
    {"ondo", 0, 0, 0},
    {"aga", 0, 0, 0},
    {"eta", 0, 0, 0},
    {"buru", 0, 0, 0},
    {"garay", 0, "garai", 0},
    {"mendi", 0, 0, 0},
    {"iaga", 0, 0, 0},
};

/* Catalan compounds: Vila+nova, Puig+demont, Font+cuberta. */
static const char *const ca_pre[] = {"Vila", "Puig",    "Font",  "Casa", "Mont",
                                     "Riba", "Castell", "Torre", "Pla",  "Mas",
                                     "Sant", "Roca",    "Coll",  "Prat"};
static const char *const ca_post[] = {
    "nova", "seca",    "demont", "bona", "franca", "ferrer", "vell",  "llonga",
    "real", "cuberta", "sala",   "rosa", "verd",   "blanc",  "major", "novas"};

void demo__wl_make_hispanic(const char *nat, char sex, bool child, demo_rng *r,
                            wl_name *nm) {
  (void)child;
  static const wl_pool m = WL_POOL(es_m, 2), f = WL_POOL(es_f, 2),
                       sur = WL_POOL(es_sur, 2);
  const wl_pool *g = sex == 'F' ? &f : &m;
  demo__wl_add_tok(nm, WL_GIVEN, wl_draw(g, r));
  if (demo_chance(r, 0.4)) {
    const wl_tok *second = wl_draw(g, r);
    if (strcmp(second->lat, nm->t[0].lat) != 0)
      demo__wl_add_tok(nm, WL_GIVEN, second);
  }
  int both = demo_chance(r, 0.9) ? 2 : 1;
  for (int i = 0; i < both; i++) {
    if (demo_chance(r, strcmp(nat, "ESP") == 0 ? 0.15 : 0.06)) {
      char lat[72];
      snprintf(lat, sizeof lat, "%s%s", ca_pre[demo_below(r, WL_N(ca_pre))],
               ca_post[demo_below(r, WL_N(ca_post))]);
      demo__wl_add(nm, WL_SURNAME, lat, NULL);
    } else if (demo_chance(r, 0.1)) {
      const wl_tok *a = wl_draw(&(wl_pool)WL_POOL(eu_pre, 1), r);
      const wl_tok *b = wl_draw(&(wl_pool)WL_POOL(eu_post, 1), r);
      char lat[72];
      snprintf(lat, sizeof lat, "%s%s", a->lat, b->lat);
      wl_ntok *t = demo__wl_add(nm, WL_SURNAME, lat, NULL);
      if (b->alt) {
        char alt[32];
        demo__wl_pick_alt(b->alt, r, alt, sizeof alt);
        snprintf(t->altbuf, sizeof t->altbuf, "%s%s", a->alt ? a->alt : a->lat,
                 alt);
      }
    } else {
      demo__wl_add_tok(nm, WL_SURNAME, wl_draw(&sur, r));
    }
  }
}

/* Letters with an accent or tilde -> plain ones (José -> Jose). */
static void unaccent(const char *in, char *out, size_t cap) {
  static const char *const map[][2] = {
      {"á", "a"}, {"é", "e"}, {"í", "i"}, {"ó", "o"}, {"ú", "u"}, {"ñ", "n"},
      {"ü", "u"}, {"Á", "A"}, {"É", "E"}, {"Í", "I"}, {"Ó", "O"}, {"Ú", "U"}};
  size_t n = 0;
  while (*in && n + 1 < cap) {
    size_t k = 0;
    for (; k < WL_N(map); k++)
      if (strncmp(in, map[k][0], 2) == 0)
        break;
    if (k < WL_N(map)) {
      out[n++] = map[k][1][0];
      in += 2;
    } else {
      out[n++] = *in++;
    }
  }
  out[n] = 0;
}

/* Without the mother's surname, or without accents. */
bool demo__wl_strong_hispanic(const wl_name *nm, demo_rng *r, char *out,
                              size_t cap) {
  int last = nm->n - 1;
  if (nm->n >= 3 && nm->t[last].role == WL_SURNAME &&
      nm->t[last - 1].role == WL_SURNAME && demo_chance(r, 0.6)) {
    const char *repl[WL_MAX_TOKENS] = {0};
    repl[last] = "";
    demo__wl_join(nm, repl, out, cap);
    return true;
  }
  char latin[256];
  demo__wl_latin(nm, latin, sizeof latin);
  unaccent(latin, out, cap);
  return strcmp(latin, out) != 0;
}

bool demo__wl_weak_hispanic(const wl_name *nm, demo_rng *r, char *out,
                            size_t cap) {
  static const char *const men[] = {
      "El Flaco", "El Gordo",  "El Chino", "El Güero", "El Negro",
      "El Toro",  "El Zurdo",  "El Tigre", "El Primo", "El Pelón",
      "El Viejo", "El Jefe",   "El Mono",  "El Chapo", "El Compadre",
      "El Loco",  "El Tuerto", "El Indio", "El Paisa", "El Profe"};
  static const char *const women[] = {"La Güera", "La Flaca", "La Jefa",
                                      "La Reina", "La China", "La Tía"};
  const char *a = nm->sex == 'F' ? women[demo_below(r, WL_N(women))]
                                 : men[demo_below(r, WL_N(men))];
  if (demo_chance(r, 0.6))
    snprintf(out, cap, "%s", a);
  else
    snprintf(out, cap, "%s %s", nm->t[0].lat, a);
  return true;
}
