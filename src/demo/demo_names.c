/* Name pools for synthetic travellers, by broad naming region, and
 * synthetic local addresses.
 *
 * Pools are modest (a few dozen names each) and clearly synthetic where
 * they are built: most regions also compose family names from parts
 * (Thorn+ton, Hof+mann, Ade+yemi, Yama+moto), take a father's given name
 * (Ethiopian, Somali, Nordic and Arabic practice), join two family names
 * (Spanish) or inflect by sex (Slavic). That gives hundreds to thousands
 * of family names per region, so unrelated people born on the same day
 * rarely share a name (the register flags those for review) while common
 * names still collide as often as they do in life. Some names carry
 * diacritics (Müller, Søren, Łukasz, Çelik) for the register to
 * transliterate; Utopian names are made of syllables. */
#include "demo_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

enum {
  SN_COMPOSE,    /* pool, or prefix + stem */
  SN_DOUBLE,     /* two family names (Spanish), or one */
  SN_PATRONYMIC, /* the father's given name */
  SN_ARABIC,     /* father's name, Al- + nisba, or pool */
  SN_SLAVIC,     /* stem + suffix inflected by sex, or pool */
  SN_NORDIC,     /* father's name + sen/son, compose, or pool */
  SN_SYLLABLES   /* Utopian: made of syllables */
};

typedef struct pool {
  const char *const *v;
  uint32_t n;
} pool;

#define POOL(a)                                                                \
  { a, (uint32_t)(sizeof(a) / sizeof((a)[0])) }

typedef struct region_names {
  pool surnames, prefixes, stems, female, male;
  uint8_t style;
  uint8_t compose_pct;    /* composed rather than from the pool */
  uint8_t second_pct;     /* has a second given name */
  uint8_t syllable_given; /* 1: one or two syllables (East Asia), 2: made
                             of syllables (Utopia), half the time */
  uint8_t second_ethnic;  /* second given name often a family-style name */
} region_names;

/* ---- Utopia (syllables) ---- */
static const char *const uto_onset[] = {
    "B", "C", "D", "F",  "G",  "H",  "K",  "L",  "M",  "N",  "P",  "R",
    "S", "T", "V", "Th", "Tr", "Br", "Gr", "Am", "An", "El", "Or", "Ul"};
static const char *const uto_vowel[] = {"a", "e", "i", "o", "u", "ae", "ia"};
static const char *const uto_joint[] = {"l", "n", "r",  "s",  "t",  "v",
                                        "d", "m", "nd", "st", "rr", "th"};
static const char *const uto_end[] = {"us", "or", "an",  "ane", "ell", "ide",
                                      "os", "ar", "ion", "ey",  "ath", "ur"};
static const char *const uto_f_end[] = {"a",  "ia",  "ine", "elle",
                                        "is", "wen", "ora", "ith"};
static const char *const uto_m_end[] = {"us",  "or", "an", "ias",
                                        "ian", "el", "ic", "ander"};
static const char *const uto_f[] = {
    "Amaura",   "Anyda",  "Thessaly", "Ilira",   "Corena",    "Mirel",
    "Sabeth",   "Orla",   "Venna",    "Calla",   "Elysa",     "Runa",
    "Delphine", "Isaura", "Noema",    "Phaedra", "Zoë",       "Anaïs",
    "Liora",    "Maren",  "Tamsin",   "Verity",  "Celandine", "Ysolde"};
static const char *const uto_m[] = {
    "Utopus", "Ademus", "Barzan", "Raphael", "Hythlo",  "Tranibor",
    "Morus",  "Aegid",  "Castor", "Doran",   "Evander", "Florian",
    "Galen",  "Ivo",    "Léon",   "Jarek",   "Marius",  "Orrin",
    "Pallas", "Quill",  "Soren",  "Tobiah",  "Varro",   "Zephyr"};

/* ---- English-speaking ---- */
static const char *const en_sur[] = {
    "Smith",   "Johnson",  "Williams",  "Brown",   "Jones",   "Taylor",
    "Davies",  "Wilson",   "Evans",     "Thomas",  "Roberts", "Walker",
    "Wright",  "Robinson", "Thompson",  "White",   "Hughes",  "Edwards",
    "Green",   "Hall",     "Wood",      "Harris",  "Clarke",  "Jackson",
    "Turner",  "Hill",     "Moore",     "Cooper",  "Ward",    "Morris",
    "King",    "Baker",    "Murphy",    "O'Brien", "Kelly",   "Campbell",
    "Stewart", "Anderson", "MacDonald", "Scott"};
static const char *const en_pre[] = {
    "Ash",   "Brad", "Brook", "Car",   "Clif",  "Craw", "Dal",
    "Fair",  "Hart", "Hol",   "Lang",  "Mar",   "Mid",  "Nor",
    "Ather", "Ring", "Shel",  "Stan",  "Thorn", "Wal",  "Wes",
    "Whit",  "Brom", "Ship",  "Kings", "Ox",    "Bur",  "Chad"};
static const char *const en_stem[] = {"ley",  "ton",   "ford", "by",    "wood",
                                      "well", "field", "ham",  "worth", "ridge",
                                      "more", "dale",  "wick", "stone", "bury"};
static const char *const en_f[] = {
    "Emma",  "Olivia",   "Sophie", "Charlotte", "Amelia",  "Grace",
    "Emily", "Hannah",   "Lucy",   "Sarah",     "Jessica", "Rebecca",
    "Laura", "Megan",    "Rachel", "Claire",    "Helen",   "Karen",
    "Susan", "Margaret", "Ava",    "Chloe",     "Zoë",     "Abigail"};
static const char *const en_m[] = {
    "James",    "John",    "Robert", "Michael", "William", "David",
    "Richard",  "Thomas",  "Daniel", "Matthew", "Andrew",  "Christopher",
    "Joseph",   "George",  "Oliver", "Harry",   "Jack",    "Samuel",
    "Benjamin", "Patrick", "Liam",   "Noah",    "Ethan",   "Henry"};

/* ---- German and Dutch ---- */
static const char *const de_sur[] = {
    "Müller", "Schmidt", "Schneider", "Fischer",      "Weber",   "Meyer",
    "Wagner", "Becker",  "Schulz",    "Hoffmann",     "Koch",    "Richter",
    "Klein",  "Wolf",    "Schröder",  "Neumann",      "Schwarz", "Zimmermann",
    "Braun",  "Krüger",  "de Vries",  "van Dijk",     "Jansen",  "Bakker",
    "Visser", "Smit",    "de Jong",   "van den Berg", "Mulder",  "Bos"};
static const char *const de_pre[] = {
    "Hof",  "Stein", "Berg",  "Brand", "Eich",  "Feld",  "Gold",
    "Grün", "Hart",  "Kirch", "Lind",  "Rosen", "Schön", "Weiß",
    "Wald", "Alt",   "Bach",  "Frei",  "Lang",  "Ober",  "Sonnen"};
static const char *const de_stem[] = {
    "mann",   "er",    "berger", "hof",   "stein",   "bach",  "feld",
    "hauser", "meier", "ner",    "inger", "brunner", "huber", "wald"};
static const char *const de_f[] = {
    "Anna", "Marie",  "Sophie",    "Lena",   "Laura",  "Julia",
    "Lea",  "Hannah", "Katharina", "Sabine", "Ute",    "Petra",
    "Anke", "Sanne",  "Femke",     "Lotte",  "Ingrid", "Greta",
    "Jana", "Maria",  "Claudia",   "Heike",  "Renate", "Jutta"};
static const char *const de_m[] = {
    "Lukas", "Felix",  "Jonas",  "Leon",     "Maximilian", "Paul",
    "Jan",   "Tobias", "Stefan", "Thomas",   "Michael",    "Andreas",
    "Klaus", "Jürgen", "Dieter", "Wolfgang", "Daan",       "Bram",
    "Sven",  "Pieter", "Joris",  "Matthias", "Florian",    "Tim"};

/* ---- Nordic ---- */
static const char *const no_sur[] = {
    "Lindqvist", "Berg",      "Lund",     "Holm",     "Dahl",
    "Nyström",   "Bergström", "Sandberg", "Lindgren", "Virtanen",
    "Korhonen",  "Mäkinen",   "Nieminen", "Haugen",   "Bakke",
    "Strand",    "Solberg",   "Ødegaard", "Lahtinen", "Heikkinen"};
static const char *const no_pre[] = {"Lind", "Berg", "Sand",  "Ny",    "Sjö",
                                     "Ek",   "Holm", "Dahl",  "Ström", "Fors",
                                     "Ås",   "Lund", "Björk", "Hag",   "Gran"};
static const char *const no_stem[] = {"qvist", "ström", "berg", "gren",
                                      "lund",  "dahl",  "holm", "blad",
                                      "man",   "vall",  "bäck", "sten"};
static const char *const no_f[] = {
    "Anna",  "Ingrid", "Astrid", "Sigrid", "Karin",   "Freja", "Maja",
    "Elsa",  "Linnea", "Ida",    "Sofie",  "Kirsten", "Liv",   "Solveig",
    "Hanne", "Aino",   "Eeva",   "Tuula",  "Ebba",    "Märta"};
static const char *const no_m[] = {
    "Lars", "Erik",  "Anders", "Magnus", "Nils",   "Johan",  "Olof",
    "Sven", "Björn", "Henrik", "Søren",  "Jens",   "Mikkel", "Ole",
    "Kari", "Juha",  "Mikko",  "Timo",   "Øyvind", "Gustav"};

/* ---- French and Italian ---- */
static const char *const fr_sur[] = {
    "Martin",   "Bernard",  "Dubois",   "Thomas",  "Robert",   "Richard",
    "Petit",    "Durand",   "Leroy",    "Moreau",  "Simon",    "Laurent",
    "Lefèvre",  "Michel",   "Rossi",    "Russo",   "Ferrari",  "Esposito",
    "Bianchi",  "Romano",   "Colombo",  "Ricci",   "Marino",   "Greco",
    "Bruno",    "Gallo",    "Conti",    "De Luca", "Mancini",  "Costa",
    "Giordano", "Rizzo",    "Lombardi", "Moretti", "Fontaine", "Chevalier",
    "Girard",   "Rousseau", "Blanc",    "Popescu"};
static const char *const fr_pre[] = {"Bel", "Cam", "Fer", "Mar", "Ros", "Ben",
                                     "Val", "Mon", "Car", "Pel", "Lan", "Ser",
                                     "Gal", "Sal", "Vit", "Pic"};
static const char *const fr_stem[] = {"ini", "etti", "ucci", "elli",
                                      "oni", "otti", "ano",  "ari",
                                      "ier", "eau",  "ot",   "and"};
static const char *const fr_f[] = {
    "Marie",   "Camille",  "Léa",     "Chloé",   "Manon",  "Inès",
    "Julie",   "Claire",   "Céline",  "Élise",   "Giulia", "Francesca",
    "Chiara",  "Sofia",    "Alessia", "Martina", "Elena",  "Valentina",
    "Giorgia", "Federica", "Anaïs",   "Margaux", "Ioana",  "Andreea"};
static const char *const fr_m[] = {
    "Jean",     "Pierre",     "Louis",    "Lucas",   "Hugo",   "Théo",
    "Nicolas",  "Antoine",    "François", "Mathieu", "Marco",  "Luca",
    "Giuseppe", "Alessandro", "Matteo",   "Lorenzo", "Andrea", "Francesco",
    "Giovanni", "Paolo",      "Stéphane", "Rémi",    "Andrei", "Mihai"};

/* ---- Spanish and Portuguese ---- */
static const char *const es_sur[] = {
    "García",    "Fernández", "González", "Rodríguez", "López",     "Martínez",
    "Sánchez",   "Pérez",     "Gómez",    "Martín",    "Jiménez",   "Ruiz",
    "Hernández", "Díaz",      "Moreno",   "Muñoz",     "Álvarez",   "Romero",
    "Alonso",    "Gutiérrez", "Navarro",  "Torres",    "Domínguez", "Vázquez",
    "Ramos",     "Gil",       "Ramírez",  "Serrano",   "Blanco",    "Molina",
    "Silva",     "Santos",    "Ferreira", "Pereira",   "Oliveira",  "Costa",
    "Rodrigues", "Martins",   "Sousa",    "Carvalho"};
static const char *const es_f[] = {
    "María",    "Carmen",   "Ana",     "Laura",  "Isabel",
    "Lucía",    "Paula",    "Marta",   "Sofía",  "Elena",
    "Beatriz",  "Rosa",     "Juliana", "Camila", "Valentina",
    "Gabriela", "Fernanda", "Mariana", "Joana",  "Inês"};
static const char *const es_m[] = {
    "José",   "Antonio", "Manuel", "Francisco", "Juan",  "David",   "Javier",
    "Carlos", "Miguel",  "Pedro",  "Alejandro", "Diego", "Pablo",   "Luis",
    "Jorge",  "Rafael",  "João",   "Tiago",     "Mateo", "Santiago"};

/* ---- Slavic (stems take a suffix inflected by sex) ---- */
static const char *const sl_sur[] = {"Nowak",  "Horvat",  "Novák",  "Kovač",
                                     "Babić",  "Marek",   "Kral",   "Zając",
                                     "Bondar", "Tkachuk", "Melnyk", "Petrović"};
static const char *const sl_stem[] = {
    "Ivan",   "Petr",   "Smirn",  "Kuzn",  "Volk",   "Sokol",
    "Moroz",  "Novik",  "Fedor",  "Orl",   "Lebed",  "Koval",
    "Bondar", "Shevch", "Kravch", "Tkach", "Polyak", "Wiśniew",
    "Kowal",  "Lewand", "Dąbrow", "Kamin", "Jankow", "Horv",
    "Novot",  "Dvoř",   "Pavl",   "Zhuk",  "Mazur",  "Sobol"};
static const char *const sl_male_end[] = {"ov", "ev",  "in", "enko",
                                          "uk", "ski", "ák", "ić"};
static const char *const sl_female_end[] = {"ova", "eva", "ina",   "enko",
                                            "uk",  "ska", "áková", "ić"};
static const char *const sl_f[] = {
    "Anna",       "Olga",     "Natalia", "Elena",     "Irina",
    "Tatiana",    "Svetlana", "Maria",   "Katarzyna", "Agnieszka",
    "Małgorzata", "Ewa",      "Zofia",   "Jana",      "Petra",
    "Lucie",      "Oksana",   "Yulia",   "Daria",     "Milena"};
static const char *const sl_m[] = {
    "Ivan",     "Dmitri", "Sergei", "Alexei",    "Andrei", "Mikhail", "Nikolai",
    "Vladimir", "Piotr",  "Tomasz", "Krzysztof", "Paweł",  "Łukasz",  "Jakub",
    "Jan",      "Petr",   "Tomáš",  "Oleksandr", "Bohdan", "Marko"};

/* ---- East Africa ---- */
static const char *const ea_sur[] = {
    "Otieno",    "Ochieng",  "Odhiambo", "Onyango",  "Kamau",   "Mwangi",
    "Njoroge",   "Kariuki",  "Mutua",    "Kiprono",  "Chebet",  "Kiptoo",
    "Wafula",    "Wekesa",   "Mugisha",  "Okello",   "Nakato",  "Ssempala",
    "Mwakyusa",  "Mushi",    "Massawe",  "Kimaro",   "Uwimana", "Habimana",
    "Niyonzima", "Nyambura", "Mutiso",   "Ndungu",   "Karanja", "Kibet",
    "Rotich",    "Langat",   "Juma",     "Hamisi",   "Bakari",  "Mwinyi",
    "Deng",      "Garang",   "Akol",     "Nduwimana"};
static const char *const ea_pre[] = {"O",  "Kip", "Ki",  "Mu",  "Wa", "Nya",
                                     "Ka", "Nda", "Mwa", "Che", "Ma", "Ny"};
static const char *const ea_stem[] = {"tieno", "rono", "mau",  "kari",  "tua",
                                      "njiru", "ngai", "siko", "bula",  "thoni",
                                      "yango", "bugi", "kiru", "gendo", "lele",
                                      "sanga", "mbua", "rigi"};
static const char *const ea_f[] = {
    "Grace",  "Mercy",     "Faith",    "Joyce",      "Esther", "Wanjiru",
    "Akinyi", "Achieng",   "Nafula",   "Nakato",     "Aisha",  "Neema",
    "Rehema", "Zawadi",    "Amani",    "Imani",      "Mary",   "Ruth",
    "Agnes",  "Josephine", "Beatrice", "Jacqueline", "Aline",  "Claudine"};
static const char *const ea_m[] = {
    "John",     "Peter", "Joseph", "James",   "David",    "Daniel",
    "Samuel",   "Paul",  "Brian",  "Kevin",   "Dennis",   "Collins",
    "Emmanuel", "Moses", "Isaac",  "Baraka",  "Juma",     "Hamisi",
    "Musa",     "Jean",  "Eric",   "Patrick", "Innocent", "Godfrey"};

/* ---- Horn of Africa (family name: the father's given name) ---- */
static const char *const horn_f[] = {
    "Selam",  "Meron", "Hiwot", "Tigist", "Bethlehem", "Saba",  "Rahel",
    "Mahlet", "Hanna", "Eden",  "Liya",   "Yordanos",  "Amina", "Fadumo",
    "Hodan",  "Sahra", "Asha",  "Ifrah",  "Ayan",      "Hibo"};
static const char *const horn_m[] = {
    "Abebe",     "Tesfaye", "Dawit",   "Yohannes", "Solomon",   "Getachew",
    "Mulugeta",  "Bereket", "Haile",   "Tewodros", "Kidane",    "Berhane",
    "Mohamed",   "Abdi",    "Hassan",  "Ahmed",    "Abdullahi", "Yusuf",
    "Omar",      "Ali",     "Ibrahim", "Mustafe",  "Liban",     "Gebre",
    "Alemayehu", "Girma",   "Kebede",  "Negash",   "Asefa",     "Worku"};

/* ---- West and Central Africa ---- */
static const char *const wa_sur[] = {
    "Okafor",  "Okonkwo",   "Eze",      "Nwosu",     "Chukwu",  "Ogunleye",
    "Balogun", "Bello",     "Abubakar", "Mensah",    "Asante",  "Owusu",
    "Boateng", "Appiah",    "Diallo",   "Ndiaye",    "Diop",    "Fall",
    "Sow",     "Traoré",    "Koné",     "Coulibaly", "Kouassi", "Mukendi",
    "Ilunga",  "Tshibanda", "Kasongo",  "Mbuyi",     "Fotso",   "Ngono"};
static const char *const wa_pre[] = {"Ade", "Olu",  "Ayo",  "Oba",
                                     "Ola", "Fola", "Bami", "Ige"};
static const char *const wa_stem[] = {"yemi", "wale",  "bayo",   "tunde",
                                      "sola", "kunle", "dele",   "mide",
                                      "seun", "jide",  "gbenga", "rinde"};
static const char *const wa_f[] = {
    "Chioma",   "Ngozi",  "Adaeze",  "Funmilayo", "Yetunde",    "Aisha",
    "Fatima",   "Ama",    "Akosua",  "Abena",     "Efua",       "Aminata",
    "Fatou",    "Awa",    "Mariama", "Adjoa",     "Grace",      "Blessing",
    "Precious", "Esther", "Marie",   "Chantal",   "Bernadette", "Nadège"};
static const char *const wa_m[] = {
    "Chinedu", "Emeka",       "Oluwaseun", "Tunde",   "Babatunde", "Ibrahim",
    "Musa",    "Kwame",       "Kofi",      "Kwesi",   "Yaw",       "Mamadou",
    "Moussa",  "Ousmane",     "Amadou",    "Cheikh",  "Samuel",    "Emmanuel",
    "Daniel",  "Jean-Pierre", "Serge",     "Patrice", "Blaise",    "Prince"};

/* ---- Southern Africa ---- */
static const char *const sa_sur[] = {
    "Nkosi",   "Dlamini", "Ndlovu",        "Khumalo", "Mokoena",   "Mahlangu",
    "Zulu",    "Sithole", "Mthembu",       "Ngcobo",  "Moyo",      "Ncube",
    "Sibanda", "Banda",   "Phiri",         "Mwale",   "Tembo",     "Chirwa",
    "Mbewe",   "Mutasa",  "van der Merwe", "Botha",   "Pretorius", "Naidoo",
    "Pillay",  "Machava", "Cossa",         "Molefe",  "Kgosi",     "Nel"};
static const char *const sa_pre[] = {"Ma",  "Mo",   "Ba", "Nga",
                                     "Ndi", "Tshi", "Se", "Mokg"};
static const char *const sa_stem[] = {"hlangu", "kwena", "ngeni",  "bulawa",
                                      "thole",  "tsepe", "lala",   "kosi",
                                      "swane",  "phiri", "tlhako", "bane"};
static const char *const sa_f[] = {
    "Thandiwe", "Nomvula",  "Zanele", "Lindiwe", "Palesa",
    "Nandi",    "Precious", "Tendai", "Rutendo", "Chipo",
    "Mercy",    "Thandeka", "Naledi", "Refilwe", "Busisiwe",
    "Annelie",  "Marike",   "Priya",  "Anika",   "Lerato"};
static const char *const sa_m[] = {
    "Sipho",    "Thabo",    "Themba",  "Mandla", "Bongani",
    "Sibusiso", "Tendai",   "Tatenda", "Farai",  "Blessing",
    "Chikondi", "Kondwani", "Pieter",  "Johan",  "Willem",
    "Thulani",  "Kagiso",   "Lwazi",   "Tebogo", "Vusi"};

/* ---- Arabic-speaking, Persian and Afghan ---- */
static const char *const ar_sur[] = {
    "Al-Sayed",     "Hassan",    "Hussein", "Ibrahim", "Mahmoud",   "Mostafa",
    "Abdel-Rahman", "Haddad",    "Khoury",  "Nasser",  "Saleh",     "Aziz",
    "Benali",       "El Amrani", "Bennani", "Ouali",   "Trabelsi",  "Jaziri",
    "Karimi",       "Hosseini",  "Rahimi",  "Ahmadi",  "Mohammadi", "Sultani",
    "Haidari",      "Osman",     "Mansour", "Darwish", "Najjar",    "Sabbagh"};
static const char *const ar_pre[] = {"Al-", "El-", "Abu "};
static const char *const ar_stem[] = {
    "Harbi",   "Qahtani",  "Ghamdi",   "Zahrani", "Mutairi", "Otaibi", "Shehri",
    "Dosari",  "Anazi",    "Shammari", "Rashidi", "Balushi", "Hinai",  "Kindi",
    "Maskari", "Mansouri", "Hashimi",  "Nuaimi",  "Farsi",   "Khatib"};
static const char *const ar_f[] = {
    "Fatima", "Aisha", "Mariam", "Noor",   "Layla",  "Sara",
    "Huda",   "Amira", "Yasmin", "Rania",  "Salma",  "Hana",
    "Zainab", "Dina",  "Reem",   "Nadia",  "Leila",  "Samira",
    "Farah",  "Zahra", "Maryam", "Shirin", "Parisa", "Khadija"};
static const char *const ar_m[] = {
    "Mohamed", "Ahmed",  "Ali",     "Omar",     "Khalid",  "Youssef",
    "Ibrahim", "Hassan", "Hussein", "Abdullah", "Mahmoud", "Mustafa",
    "Tariq",   "Karim",  "Samir",   "Nabil",    "Walid",   "Faisal",
    "Saeed",   "Hamza",  "Reza",    "Amir",     "Mehdi",   "Farid"};

/* ---- Turkish and Turkic ---- */
static const char *const tr_sur[] = {
    "Yılmaz",     "Kaya",     "Demir",   "Şahin",    "Çelik",   "Yıldız",
    "Yıldırım",   "Öztürk",   "Aydın",   "Özdemir",  "Arslan",  "Doğan",
    "Kılıç",      "Aslan",    "Çetin",   "Kara",     "Koç",     "Kurt",
    "Özkan",      "Şimşek",   "Aliyev",  "Mammadov", "Hasanov", "Huseynov",
    "Abdullayev", "Rakhimov", "Yusupov", "Akhmetov"};
static const char *const tr_pre[] = {"Öz", "Ak", "Kara", "Gül",
                                     "Er", "Ay", "Yıl",  "Tun"};
static const char *const tr_stem[] = {"türk", "demir", "kaya", "taş", "soy",
                                      "han",  "can",   "dağ",  "bay", "er"};
static const char *const tr_f[] = {
    "Ayşe",  "Fatma",   "Zeynep",  "Elif",    "Emine", "Hatice", "Merve",
    "Özlem", "Büşra",   "Esra",    "Selin",   "Deniz", "Aylin",  "Gülsüm",
    "Leyla", "Aigerim", "Dilnoza", "Gulnara", "Sevda", "Nilufar"};
static const char *const tr_m[] = {
    "Mehmet", "Mustafa", "Ahmet", "Ali",    "Hüseyin", "Hasan", "İbrahim",
    "Emre",   "Murat",   "Burak", "Can",    "Kerem",   "Oğuz",  "Serkan",
    "Yusuf",  "Ömer",    "Elvin", "Rustam", "Timur",   "Nurlan"};

/* ---- South Asia ---- */
static const char *const in_sur[] = {
    "Sharma",     "Verma",    "Gupta",  "Singh",   "Kumar",    "Patel",
    "Shah",       "Mehta",    "Joshi",  "Reddy",   "Rao",      "Nair",
    "Menon",      "Iyer",     "Pillai", "Das",     "Banerjee", "Chatterjee",
    "Mukherjee",  "Bose",     "Khan",   "Ahmed",   "Hussain",  "Qureshi",
    "Malik",      "Chaudhry", "Rahman", "Hossain", "Perera",   "Fernando",
    "Jayasuriya", "Shrestha", "Thapa",  "Gurung",  "Tamang",   "Kapoor",
    "Agarwal",    "Desai",    "Bhatt",  "Kulkarni"};
static const char *const in_pre[] = {"Rama", "Bala",    "Gopala", "Venkata",
                                     "Siva", "Krishna", "Subra",  "Sundara",
                                     "Hari", "Narayana"};
static const char *const in_stem[] = {"swamy",  "murthy",  "krishnan",
                                      "raman",  "nathan",  "subramanian",
                                      "prasad", "chandran"};
static const char *const in_f[] = {
    "Priya",  "Anjali",  "Pooja",   "Neha",   "Divya",  "Kavita",
    "Sunita", "Lakshmi", "Deepa",   "Meera",  "Ayesha", "Fatima",
    "Sana",   "Nusrat",  "Farzana", "Dilini", "Nimali", "Sita",
    "Gita",   "Anita",   "Ritu",    "Shreya", "Aditi",  "Ananya"};
static const char *const in_m[] = {
    "Rahul", "Amit",   "Rajesh", "Suresh", "Vijay",   "Arjun",
    "Rohan", "Vikram", "Sanjay", "Anil",   "Ravi",    "Karthik",
    "Imran", "Usman",  "Bilal",  "Asif",   "Tariq",   "Rafiq",
    "Nuwan", "Kasun",  "Ramesh", "Bikash", "Prakash", "Aditya"};

/* ---- East Asia (given names of one or two syllables) ---- */
static const char *const cn_sur[] = {
    "Wang", "Li",   "Zhang", "Liu",  "Chen",  "Yang",  "Huang", "Zhao",
    "Wu",   "Zhou", "Xu",    "Sun",  "Ma",    "Zhu",   "Hu",    "Guo",
    "He",   "Lin",  "Gao",   "Luo",  "Zheng", "Liang", "Xie",   "Song",
    "Tang", "Han",  "Feng",  "Deng", "Cao",   "Peng",  "Zeng",  "Xiao",
    "Tian", "Dong", "Pan",   "Yuan", "Cai",   "Jiang", "Yu",    "Du",
    "Tan",  "Lim",  "Ng",    "Ong",  "Goh",   "Chua",  "Koh",   "Teo"};
static const char *const cn_f[] = {
    "Mei",  "Jing", "Li",   "Hui", "Ying", "Yan",  "Min", "Xin", "Lan", "Fang",
    "Ping", "Na",   "Ting", "Xiu", "Yu",   "Qing", "Hua", "Jia", "Lin", "Xue"};
static const char *const cn_m[] = {
    "Wei",  "Hao", "Jun", "Lei",  "Qiang", "Jie",  "Tao",  "Ming", "Bo", "Gang",
    "Peng", "Hui", "Zhi", "Chen", "Yong",  "Long", "Feng", "Kai",  "Yi", "Rui"};
static const char *const jp_sur[] = {
    "Sato",      "Suzuki",  "Takahashi", "Tanaka", "Watanabe", "Ito",
    "Kobayashi", "Kato",    "Yoshida",   "Yamada", "Sasaki",   "Inoue",
    "Kimura",    "Hayashi", "Shimizu",   "Saito"};
static const char *const jp_pre[] = {
    "Yama", "Naka", "Kawa", "Matsu", "Fuji",  "Ino",  "Oka",  "Take",  "Hara",
    "Suzu", "Taka", "Ishi", "Kita",  "Nishi", "Saka", "Mori", "Hashi", "Uchi"};
static const char *const jp_stem[] = {
    "moto",  "mura", "da",   "kawa", "guchi", "no",   "shita", "uchi",
    "hashi", "zaki", "yama", "ta",   "sawa",  "hara", "ike",   "oka"};
static const char *const jp_f[] = {
    "Yuki",   "Haruka", "Aoi",   "Sakura", "Yui",  "Hina",  "Mei",
    "Akiko",  "Keiko",  "Yoko",  "Naoko",  "Emi",  "Mai",   "Ayaka",
    "Misaki", "Rin",    "Kaori", "Tomoko", "Mika", "Nanami"};
static const char *const jp_m[] = {
    "Haruto", "Yuto",   "Sota",   "Ren",    "Hiroshi", "Takashi", "Kenji",
    "Daiki",  "Shota",  "Kazuki", "Takumi", "Yuki",    "Satoshi", "Naoki",
    "Koji",   "Makoto", "Akira",  "Ryo",    "Tsubasa", "Kenta"};
static const char *const kr_sur[] = {
    "Kim",  "Kim",  "Kim",  "Lee",   "Lee",  "Park", "Park", "Choi",
    "Jung", "Kang", "Cho",  "Yoon",  "Jang", "Lim",  "Han",  "Oh",
    "Seo",  "Shin", "Kwon", "Hwang", "Ahn",  "Song", "Yoo",  "Hong",
    "Jeon", "Ko",   "Moon", "Yang",  "Son"};
static const char *const kr_f[] = {"Ji",  "Seo", "Min",   "Su", "Ha", "Yeon",
                                   "Eun", "Hye", "Yu",    "Na", "Ye", "Da",
                                   "Jin", "Soo", "Kyung", "Mi"};
static const char *const kr_m[] = {
    "Min",  "Jun", "Seo",   "Ji", "Hyun", "Woo",  "Jae", "Sung",
    "Dong", "Tae", "Young", "Ho", "Joon", "Sang", "Kyu", "Hoon"};

/* ---- South-East Asia ---- */
static const char *const se_sur[] = {
    "Santos",     "Reyes",      "Cruz",      "Bautista",   "Ocampo",   "Garcia",
    "Mendoza",    "Torres",     "Tomas",     "Andrada",    "Castillo", "Flores",
    "Villanueva", "Ramos",      "Aquino",    "Nguyen",     "Tran",     "Le",
    "Pham",       "Hoang",      "Phan",      "Vu",         "Dang",     "Bui",
    "Santoso",    "Gunawan",    "Setiawan",  "Hidayat",    "Saputra",  "Kusuma",
    "Rahman",     "Abdullah",   "Ismail",    "Aung",       "Htun",     "Kyaw",
    "Srisuk",     "Chaiyaporn", "Wongsakul", "Rattanakorn"};
static const char *const se_pre[] = {"Su",  "Wi",  "Pra", "Kus",
                                     "Har", "Bud", "Sri", "Chai"};
static const char *const se_stem[] = {"harto", "jaya", "setyo", "wanto",
                                      "yanto", "mono", "wati",  "yono",
                                      "anto",  "narto"};
static const char *const se_f[] = {
    "Maria", "Ana",   "Joy", "Kristine", "Jasmine", "Angelica", "Siti",
    "Dewi",  "Putri", "Sri", "Linh",     "Lan",     "Huong",    "Mai",
    "Thu",   "Ploy",  "Nok", "Suda",     "Nur",     "Aye"};
static const char *const se_m[] = {
    "Jose", "Juan",    "Mark",  "John Paul", "Christian", "Angelo", "Budi",
    "Agus", "Eko",     "Rizky", "Dimas",     "Minh",      "Duc",    "Hung",
    "Tuan", "Somchai", "Anan",  "Ahmad",     "Muhammad",  "Kyaw"};

/* An empty pool (a macro: C does not allow a const object in a static
 * initializer). */
#define NO_POOL                                                                \
  { NULL, 0 }

static const region_names regions[DEMO_REGIONS] = {
    [DEMO_R_UTOPIA] = {NO_POOL, NO_POOL, NO_POOL, POOL(uto_f), POOL(uto_m),
                       SN_SYLLABLES, 100, 55, 2, 0},
    [DEMO_R_ANGLO] = {POOL(en_sur), POOL(en_pre), POOL(en_stem), POOL(en_f),
                      POOL(en_m), SN_COMPOSE, 55, 45, 0, 0},
    [DEMO_R_GERMANIC] = {POOL(de_sur), POOL(de_pre), POOL(de_stem), POOL(de_f),
                         POOL(de_m), SN_COMPOSE, 60, 30, 0, 0},
    [DEMO_R_NORDIC] = {POOL(no_sur), POOL(no_pre), POOL(no_stem), POOL(no_f),
                       POOL(no_m), SN_NORDIC, 40, 30, 0, 0},
    [DEMO_R_ROMANCE] = {POOL(fr_sur), POOL(fr_pre), POOL(fr_stem), POOL(fr_f),
                        POOL(fr_m), SN_COMPOSE, 50, 35, 0, 0},
    [DEMO_R_IBERIAN] = {POOL(es_sur), NO_POOL, NO_POOL, POOL(es_f), POOL(es_m),
                        SN_DOUBLE, 65, 40, 0, 0},
    [DEMO_R_SLAVIC] = {POOL(sl_sur), NO_POOL, POOL(sl_stem), POOL(sl_f),
                       POOL(sl_m), SN_SLAVIC, 80, 10, 0, 0},
    [DEMO_R_EAST_AFRICA] = {POOL(ea_sur), POOL(ea_pre), POOL(ea_stem),
                            POOL(ea_f), POOL(ea_m), SN_COMPOSE, 50, 65, 0, 1},
    [DEMO_R_HORN] = {NO_POOL, NO_POOL, NO_POOL, POOL(horn_f), POOL(horn_m),
                     SN_PATRONYMIC, 0, 35, 0, 0},
    [DEMO_R_WEST_AFRICA] = {POOL(wa_sur), POOL(wa_pre), POOL(wa_stem),
                            POOL(wa_f), POOL(wa_m), SN_COMPOSE, 45, 45, 0, 0},
    [DEMO_R_SOUTHERN_AFRICA] = {POOL(sa_sur), POOL(sa_pre), POOL(sa_stem),
                                POOL(sa_f), POOL(sa_m), SN_COMPOSE, 45, 40, 0,
                                0},
    [DEMO_R_ARABIC] = {POOL(ar_sur), POOL(ar_pre), POOL(ar_stem), POOL(ar_f),
                       POOL(ar_m), SN_ARABIC, 35, 40, 0, 0},
    [DEMO_R_TURKIC] = {POOL(tr_sur), POOL(tr_pre), POOL(tr_stem), POOL(tr_f),
                       POOL(tr_m), SN_COMPOSE, 45, 15, 0, 0},
    [DEMO_R_SOUTH_ASIA] = {POOL(in_sur), POOL(in_pre), POOL(in_stem),
                           POOL(in_f), POOL(in_m), SN_COMPOSE, 25, 20, 0, 0},
    [DEMO_R_CHINESE] = {POOL(cn_sur), NO_POOL, NO_POOL, POOL(cn_f), POOL(cn_m),
                        SN_COMPOSE, 0, 0, 1, 0},
    [DEMO_R_JAPANESE] = {POOL(jp_sur), POOL(jp_pre), POOL(jp_stem), POOL(jp_f),
                         POOL(jp_m), SN_COMPOSE, 60, 0, 0, 0},
    [DEMO_R_KOREAN] = {POOL(kr_sur), NO_POOL, NO_POOL, POOL(kr_f), POOL(kr_m),
                       SN_COMPOSE, 0, 0, 1, 0},
    [DEMO_R_SE_ASIA] = {POOL(se_sur), POOL(se_pre), POOL(se_stem), POOL(se_f),
                        POOL(se_m), SN_COMPOSE, 35, 30, 0, 0},
};

static const char *from(const pool *p, demo_rng *r) {
  return p->v[demo_below(r, p->n)];
}

static void utopian(demo_rng *r, char *out, size_t cap) {
  const char *on = uto_onset[demo_below(r, 24)];
  const char *v1 = uto_vowel[demo_below(r, 7)];
  const char *j = uto_joint[demo_below(r, 12)];
  const char *end = uto_end[demo_below(r, 12)];
  /* The second vowel is a plain one: "Thandeus", not "Thandiaus". */
  if (demo_chance(r, 0.6))
    snprintf(out, cap, "%s%s%s%s%s", on, v1, j, uto_vowel[demo_below(r, 5)],
             end);
  else
    snprintf(out, cap, "%s%s%s%s", on, v1, j, end);
}

/* "Lars" -> "Larsen" / "Larsson", "Erik" -> "Eriksen" / "Eriksson". */
static void nordic_patronymic(const char *father, bool swedish, char *out,
                              size_t cap) {
  size_t n = strlen(father);
  bool s = n && father[n - 1] == 's';
  snprintf(out, cap, "%s%s", father,
           swedish ? (s ? "son" : "sson") : (s ? "en" : "sen"));
}

static void surname_of(const region_names *rn, demo_rng *r, char sex, char *out,
                       size_t cap) {
  bool compose = demo_below(r, 100) < rn->compose_pct;
  switch (rn->style) {
  case SN_SYLLABLES: utopian(r, out, cap); return;
  case SN_PATRONYMIC: snprintf(out, cap, "%s", from(&rn->male, r)); return;
  case SN_DOUBLE:
    if (compose) {
      uint32_t a = demo_below(r, rn->surnames.n);
      uint32_t b = demo_below(r, rn->surnames.n - 1);
      if (b >= a)
        b++;
      snprintf(out, cap, "%s %s", rn->surnames.v[a], rn->surnames.v[b]);
    } else {
      snprintf(out, cap, "%s", from(&rn->surnames, r));
    }
    return;
  case SN_SLAVIC:
    if (compose) {
      uint32_t stem = demo_below(r, rn->stems.n);
      uint32_t end = demo_below(r, 8);
      snprintf(out, cap, "%s%s", rn->stems.v[stem],
               sex == 'F' ? sl_female_end[end] : sl_male_end[end]);
    } else {
      snprintf(out, cap, "%s", from(&rn->surnames, r));
    }
    return;
  case SN_NORDIC: {
    uint32_t how = demo_below(r, 100);
    if (how < 30)
      nordic_patronymic(from(&rn->male, r), demo_chance(r, 0.5), out, cap);
    else if (how < 30u + rn->compose_pct)
      snprintf(out, cap, "%s%s", from(&rn->prefixes, r), from(&rn->stems, r));
    else
      snprintf(out, cap, "%s", from(&rn->surnames, r));
    return;
  }
  case SN_ARABIC: {
    uint32_t how = demo_below(r, 100);
    if (how < 35)
      snprintf(out, cap, "%s", from(&rn->male, r));
    else if (how < 35u + rn->compose_pct)
      snprintf(out, cap, "%s%s", from(&rn->prefixes, r), from(&rn->stems, r));
    else
      snprintf(out, cap, "%s", from(&rn->surnames, r));
    return;
  }
  default:
    if (compose && rn->prefixes.n)
      snprintf(out, cap, "%s%s", from(&rn->prefixes, r), from(&rn->stems, r));
    else
      snprintf(out, cap, "%s", from(&rn->surnames, r));
  }
}

/* One given name: from the pool, or (East Asia) one or two syllables, or
 * (Utopia) made of syllables. */
static void given_one(const region_names *rn, const pool *p, bool female,
                      demo_rng *r, char *out, size_t cap) {
  if (rn->syllable_given == 2 && demo_chance(r, 0.5)) {
    snprintf(out, cap, "%s%s%s%s", uto_onset[demo_below(r, 24)],
             uto_vowel[demo_below(r, 7)], uto_joint[demo_below(r, 12)],
             female ? uto_f_end[demo_below(r, 8)]
                    : uto_m_end[demo_below(r, 8)]);
    return;
  }
  if (rn->syllable_given != 1 || demo_chance(r, 0.25)) {
    snprintf(out, cap, "%s", from(p, r));
    return;
  }
  char second[16];
  snprintf(second, sizeof second, "%s", from(p, r));
  second[0] = (char)tolower((unsigned char)second[0]);
  snprintf(out, cap, "%s%s", from(p, r), second);
}

void demo__names(int region, uint64_t surname_seed, uint64_t given_seed,
                 char sex, char *surname, size_t surname_cap, char *given,
                 size_t given_cap) {
  if (region < 0 || region >= DEMO_REGIONS)
    region = DEMO_R_UTOPIA;
  const region_names *rn = &regions[region];
  demo_rng rs = {surname_seed};
  surname_of(rn, &rs, sex, surname, surname_cap);
  demo_rng rg = {given_seed};
  bool female = sex == 'F' || (sex != 'M' && demo_chance(&rg, 0.5));
  const pool *p = female ? &rn->female : &rn->male;
  char first[48], second[48];
  given_one(rn, p, female, &rg, first, sizeof first);
  if (demo_below(&rg, 100) < rn->second_pct) {
    /* The Horn's second name is the grandfather's; in East Africa it is
     * often a family-style (ethnic) name. */
    const pool *q = rn->style == SN_PATRONYMIC ? &rn->male : p;
    if (rn->second_ethnic && demo_chance(&rg, 0.5))
      surname_of(rn, &rg, sex, second, sizeof second);
    else
      given_one(rn, q, female, &rg, second, sizeof second);
    if (strcmp(first, second) != 0) {
      snprintf(given, given_cap, "%s %s", first, second);
      return;
    }
  }
  snprintf(given, given_cap, "%s", first);
}

/* ---- addresses ---- */

static const char *const streets[] = {
    "Mint Street",    "Anyder Quay",   "Syphogrant Road", "Tranibor Avenue",
    "Market Street",  "Garden Row",    "Harbour Road",    "Hythloday Lane",
    "Giles Crescent", "Morton Way",    "Library Street",  "Aqueduct Road",
    "Lantern Street", "Orchard Close", "Weavers Lane",    "Observatory Hill"};
static const char *const towns[] = {"Amaurot",   "Abraxa",     "Anyder Falls",
                                    "Mentirano", "Utopus Bay", "Achora",
                                    "Macaria",   "Amaurot"};
static const char *const hotels[] = {
    "Hotel Anyder",      "The Amaurot Grand",  "Utopus Lodge",
    "Harbour View Inn",  "Syphogrant House",   "Garden Court Hotel",
    "The Lantern",       "Mint Street Suites", "Abraxa Beach Resort",
    "Savanna Gate Lodge"};

void demo__address(uint64_t h, bool hotel, char *out, size_t cap) {
  demo_rng r = {h};
  const char *town = towns[demo_below(&r, 8)];
  if (hotel)
    snprintf(out, cap, "%s, %s", hotels[demo_below(&r, 10)], town);
  else
    snprintf(out, cap, "%u %s, %s", 1 + demo_below(&r, 180),
             streets[demo_below(&r, 16)], town);
}
