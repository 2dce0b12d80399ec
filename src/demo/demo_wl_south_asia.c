/* South Asian names for synthetic watchlists (Latin letters), following
 * religion and country: Hindu and Sikh (Singh, Kaur), Muslim (Muhammad,
 * Md, -ur Rahman, -ul Islam), Sinhala compounds (Wickrama+singhe,
 * Jaya+suriya), South Indian compounds (Rama+krishna, Siva+kumar; Tamil
 * surnames from a father's name, Bala+subramanian). Weak aliases are
 * nicknames (Pappu, Munna, Pinky) and Bhai or Didi after a given name. */
#include "demo_wl.h"

#include <stdio.h>
#include <string.h>

/* ---- South Asia ---- */

static const wl_tok in_m[] = {
    {"Rajesh", 0, 0, "Raju"},
    {"Suresh", 0, 0, 0},
    {"Ramesh", 0, 0, 0},
    {"Mahesh", 0, 0, 0},
    {"Dinesh", 0, 0, 0},
    {"Rakesh", 0, 0, 0},
    {"Mukesh", 0, 0, 0},
    {"Sunil", 0, 0, 0},
    {"Anil", 0, 0, 0},
    {"Vijay", 0, "Vijai", 0},
    {"Sanjay", 0, "Sanjai", 0},
    {"Ajay", 0, 0, 0},
    {"Amit", 0, 0, 0},
    {"Rahul", 0, 0, 0},
    {"Rohit", 0, 0, 0},
    {"Sachin", 0, 0, 0},
    {"Vikram", 0, 0, "Vicky"},
    {"Arjun", 0, 0, 0},
    {"Deepak", 0, "Dipak", 0},
    {"Manoj", 0, 0, 0},
    {"Ravi", 0, 0, 0},
    {"Krishna", 0, 0, 0},
    {"Gopal", 0, 0, 0},
    {"Prakash", 0, 0, 0},
    {"Ashok", 0, 0, 0},
    {"Naresh", 0, 0, 0},
    {"Harish", 0, 0, 0},
    {"Santosh", 0, 0, 0},
    {"Vinod", 0, 0, 0},
    {"Pradeep", 0, "Pradip", 0},
    {"Sandeep", 0, "Sandip", 0},
    {"Kuldeep", 0, "Kuldip", 0},
    {"Gurpreet", 0, 0, "Guri"},
    {"Harpreet", 0, 0, 0},
    {"Jaswinder", 0, 0, 0},
    {"Sukhwinder", 0, 0, "Sukha"},
    {"Ranjit", 0, 0, 0},
    {"Nitin", 0, 0, 0},
    {"Praveen", 0, "Pravin", 0},
    {"Arvind", 0, "Aravind", 0},
    {"Venkatesh", 0, 0, 0},
    {"Srinivas", 0, "Srinivasa|Shrinivas", "Cheenu"},
    {"Karthik", 0, "Kartik|Karthick", 0},
    {"Ganesh", 0, 0, 0},
};
static const wl_tok in_f[] = {
    {"Sunita", 0, 0, 0},         {"Anita", 0, 0, 0},
    {"Kavita", 0, "Kavitha", 0}, {"Priya", 0, 0, 0},
    {"Pooja", 0, "Puja", 0},     {"Neha", 0, 0, 0},
    {"Deepika", 0, 0, 0},        {"Divya", 0, 0, 0},
    {"Lakshmi", 0, "Laxmi", 0},  {"Meena", 0, "Mina", 0},
    {"Geeta", 0, "Gita", 0},     {"Sita", 0, "Seeta", 0},
    {"Rekha", 0, 0, 0},          {"Asha", 0, 0, 0},
    {"Usha", 0, 0, 0},           {"Radha", 0, 0, 0},
    {"Savita", 0, 0, 0},         {"Suman", 0, 0, 0},
    {"Manju", 0, 0, 0},          {"Anjali", 0, 0, 0},
    {"Shweta", 0, 0, 0},         {"Preeti", 0, "Priti", 0},
    {"Jyoti", 0, 0, 0},          {"Nisha", 0, 0, 0},
    {"Kiran", 0, 0, 0},          {"Simran", 0, 0, 0},
    {"Dilini", 0, 0, 0},         {"Nirmala", 0, 0, 0},
};
static const wl_tok in_sur[] = {
    {"Sharma", 0, 0, 0},
    {"Verma", 0, 0, 0},
    {"Gupta", 0, 0, 0},
    {"Kumar", 0, 0, 0},
    {"Patel", 0, 0, 0},
    {"Shah", 0, 0, 0},
    {"Yadav", 0, 0, 0},
    {"Mishra", 0, 0, 0},
    {"Singh", 0, 0, 0},
    {"Reddy", 0, 0, 0},
    {"Rao", 0, 0, 0},
    {"Nair", 0, 0, 0},
    {"Mehta", 0, 0, 0},
    {"Joshi", 0, 0, 0},
    {"Das", 0, 0, 0},
    {"Pandey", 0, "Pande", 0},
    {"Tiwari", 0, "Tewari", 0},
    {"Chauhan", 0, 0, 0},
    {"Thakur", 0, 0, 0},
    {"Jain", 0, 0, 0},
    {"Agarwal", 0, "Aggarwal", 0},
    {"Iyer", 0, 0, 0},
    {"Pillai", 0, 0, 0},
    {"Menon", 0, 0, 0},
    {"Banerjee", 0, "Banerji|Bandyopadhyay", 0},
    {"Chatterjee", 0, "Chatterji|Chattopadhyay", 0},
    {"Mukherjee", 0, "Mukherji|Mukhopadhyay", 0},
    {"Bose", 0, "Basu", 0},
    {"Desai", 0, 0, 0},
    {"Bhatt", 0, "Bhat", 0},
    {"Kulkarni", 0, 0, 0},
    {"Patil", 0, 0, 0},
    {"Naidu", 0, 0, 0},
    {"Saxena", 0, 0, 0},
    {"Srivastava", 0, "Shrivastava", 0},
    {"Malhotra", 0, 0, 0},
    {"Kapoor", 0, "Kapur", 0},
    {"Khanna", 0, 0, 0},
    {"Arora", 0, 0, 0},
    {"Gill", 0, 0, 0},
    {"Sandhu", 0, 0, 0},
    {"Dhillon", 0, 0, 0},
    {"Sidhu", 0, 0, 0},
    {"Chaudhary", 0, "Choudhary|Chaudhry", 0},
};

/* South Indian compound names: Rama+krishna, Siva+kumar, Lakshmi+devi;
 * Tamil surnames from a father's name (Bala+subramanian). */
static const char *const in_pre[] = {
    "Rama",    "Siva",      "Hari",   "Bala",  "Sri",     "Venkata",
    "Surya",   "Chandra",   "Vijaya", "Raja",  "Krishna", "Gopala",
    "Sai",     "Jaya",      "Deva",   "Ravi",  "Prem",    "Vishnu",
    "Anantha", "Narasimha", "Subba",  "Uma",   "Gauri",   "Dharma",
    "Satya",   "Durga",     "Raghu",  "Shiva", "Kali",    "Madhu"};
static const char *const in_m_post[] = {
    "kumar",   "krishna", "prasad", "raj",   "mohan", "nath",
    "shekhar", "swamy",   "murthy", "ram",   "babu",  "lal",
    "chandra", "das",     "dev",    "kanth", "kiran", "narayan",
    "vardhan", "shankar", "pal",    "teja",  "sagar", "deep"};
static const char *const in_f_pre[] = {
    "Lakshmi", "Sri",    "Jaya",   "Vijaya", "Uma",   "Rama",
    "Bhagya",  "Sita",   "Radha",  "Hema",   "Prema", "Sudha",
    "Sarala",  "Kamala", "Shanti", "Anu",    "Madhu", "Shobha"};
static const char *const in_f_post[] = {
    "devi",  "lakshmi", "kumari", "latha", "vathi",  "priya", "rani", "mala",
    "leela", "vani",    "rekha",  "lata",  "prabha", "shree", "kala"};
static const char *const ta_post[] = {
    "swamy",  "murthy",   "krishnan", "raman",   "nathan", "subramanian",
    "prasad", "chandran", "sekaran",  "kumaran", "rajan",  "moorthy"};

static const wl_tok np_sur[] = {
    {"Thapa", 0, 0, 0},         {"Gurung", 0, 0, 0}, {"Shrestha", 0, 0, 0},
    {"Tamang", 0, 0, 0},        {"Rai", 0, 0, 0},    {"Magar", 0, 0, 0},
    {"Adhikari", 0, 0, 0},      {"Karki", 0, 0, 0},  {"Bhattarai", 0, 0, 0},
    {"Poudel", 0, "Paudel", 0}, {"Khadka", 0, 0, 0}, {"Lama", 0, 0, 0},
};
static const wl_tok pk_m[] = {
    {"Muhammad", 0, "Mohammad|Mohammed|Muhammed|Mohd|Md", 0},
    {"Ahmed", 0, "Ahmad", 0},
    {"Ali", 0, 0, 0},
    {"Imran", 0, 0, 0},
    {"Usman", 0, "Osman", 0},
    {"Bilal", 0, 0, 0},
    {"Asif", 0, 0, 0},
    {"Tariq", 0, "Tarik", 0},
    {"Rafiq", 0, "Rafique", 0},
    {"Shahid", 0, "Shahed", 0},
    {"Zahid", 0, 0, 0},
    {"Khalid", 0, "Khaled", 0},
    {"Arshad", 0, 0, 0},
    {"Javed", 0, "Javaid|Jawed", 0},
    {"Nadeem", 0, "Nadim", 0},
    {"Faisal", 0, "Faysal", 0},
    {"Naveed", 0, "Navid", 0},
    {"Waseem", 0, "Wasim", 0},
    {"Kamran", 0, 0, 0},
    {"Irfan", 0, 0, 0},
    {"Salman", 0, 0, 0},
    {"Adnan", 0, 0, 0},
    {"Sajid", 0, 0, 0},
    {"Hafeez", 0, "Hafiz", 0},
    {"Aslam", 0, 0, 0},
    {"Akram", 0, 0, 0},
    {"Iqbal", 0, 0, 0},
    {"Zubair", 0, "Zubayr", 0},
    {"Hamza", 0, 0, 0},
    {"Mushtaq", 0, 0, 0},
    {"Anwar", 0, "Anowar", 0},
    {"Abdul Rehman", 0, "Abdur Rahman|Abdul Rahman|Abdulrehman", 0},
    {"Rafiqul", 0, "Rafiq-ul", 0},
    {"Shafiqul", 0, 0, 0},
    {"Aminul", 0, 0, 0},
    {"Mizanur", 0, "Mizan-ur", 0},
    {"Habibur", 0, 0, 0},
    {"Ziaur", 0, "Zia-ur", 0},
};
static const wl_tok pk_f[] = {
    {"Fatima", 0, "Fatema", 0},
    {"Ayesha", 0, "Aisha|Aysha", 0},
    {"Khadija", 0, 0, 0},
    {"Zainab", 0, 0, 0},
    {"Sana", 0, 0, 0},
    {"Saba", 0, 0, 0},
    {"Nadia", 0, 0, 0},
    {"Rubina", 0, 0, 0},
    {"Shabnam", 0, 0, 0},
    {"Nasreen", 0, "Nasrin", 0},
    {"Parveen", 0, "Perveen|Parvin", 0},
    {"Shazia", 0, 0, 0},
    {"Farzana", 0, 0, 0},
    {"Nusrat", 0, 0, 0},
    {"Tahmina", 0, 0, 0},
    {"Rehana", 0, "Rihana", 0},
    {"Sadia", 0, 0, 0},
    {"Bushra", 0, 0, 0},
    {"Rukhsana", 0, 0, 0},
    {"Sultana", 0, 0, 0},
};
static const wl_tok pk_sur[] = {
    {"Khan", 0, 0, 0},
    {"Ahmed", 0, "Ahmad", 0},
    {"Hussain", 0, "Hussein|Husain", 0},
    {"Qureshi", 0, "Quraishi|Qureshy", 0},
    {"Malik", 0, 0, 0},
    {"Chaudhry", 0, "Chaudhary|Choudhry", 0},
    {"Rahman", 0, "Rehman", 0},
    {"Hossain", 0, "Hosain", 0},
    {"Islam", 0, 0, 0},
    {"Uddin", 0, "Udin|Ud-Din", 0},
    {"Mia", 0, "Miah|Mian", 0},
    {"Sheikh", 0, "Shaikh", 0},
    {"Siddiqui", 0, "Siddiqi|Siddiky", 0},
    {"Ansari", 0, 0, 0},
    {"Mirza", 0, 0, 0},
    {"Butt", 0, 0, 0},
    {"Awan", 0, 0, 0},
    {"Baig", 0, "Beg", 0},
    {"Abbasi", 0, 0, 0},
    {"Hashmi", 0, "Hashemi", 0},
    {"Rizvi", 0, 0, 0},
    {"Naqvi", 0, 0, 0},
    {"Zaidi", 0, 0, 0},
    {"Bukhari", 0, 0, 0},
    {"Gilani", 0, "Geelani|Jilani", 0},
    {"Syed", 0, "Sayed|Sayyid", 0},
    {"Akhtar", 0, 0, 0},
    {"Iqbal", 0, 0, 0},
    {"Raza", 0, 0, 0},
    {"Haider", 0, "Haidar", 0},
    {"Chowdhury", 0, "Chowdhuri|Choudhury", 0},
    {"Sarkar", 0, 0, 0},
    {"Talukder", 0, 0, 0},
    {"Bhuiyan", 0, 0, 0},
};
static const wl_tok si_pre[] = {
    {"Wickrama", 0, "Wikrama", 0},
    {"Jaya", 0, 0, 0},
    {"Guna", 0, 0, 0},
    {"Dissa", 0, 0, 0},
    {"Rana", 0, 0, 0},
    {"Wije", 0, "Wijaya", 0},
    {"Sena", 0, 0, 0},
    {"Ratna", 0, 0, 0},
    {"Karuna", 0, 0, 0},
    {"Abey", 0, "Abe", 0},
    {"Amara", 0, 0, 0},
    {"Samara", 0, 0, 0},
    {"Dharma", 0, 0, 0},
    {"Siri", 0, 0, 0},
    {"Edi", 0, 0, 0},
};
static const wl_tok si_post[] = {
    {"singhe", 0, "singha", 0},   {"suriya", 0, 0, 0},
    {"wardena", 0, "wardana", 0}, {"nayake", 0, "nayaka", 0},
    {"ratne", 0, "ratna", 0},     {"sekara", 0, "sekera", 0},
    {"tilleke", 0, 0, 0},         {"koon", 0, 0, 0},
    {"tunga", 0, 0, 0},           {"pala", 0, 0, 0},
    {"weera", 0, 0, 0},           {"siri", 0, 0, 0},
};

enum { SA_HINDU, SA_SIKH, SA_MUSLIM, SA_SINHALA };

void demo__wl_make_south_asian(const char *nat, char sex, bool child,
                               demo_rng *r, wl_name *nm) {
  (void)child;
  bool f = sex == 'F';
  uint32_t x = demo_below(r, 100);
  if (strcmp(nat, "PAK") == 0 || strcmp(nat, "BGD") == 0 ||
      (strcmp(nat, "IND") == 0 && x < 15)) {
    nm->style = SA_MUSLIM;
    static const wl_pool m = WL_POOL(pk_m, 3), w = WL_POOL(pk_f, 2),
                         sur = WL_POOL(pk_sur, 2);
    demo__wl_add_tok(nm, WL_GIVEN, wl_draw(f ? &w : &m, r));
    if (!f && demo_chance(r, 0.35)) {
      const wl_tok *g = wl_draw(&m, r);
      if (strcmp(g->lat, nm->t[0].lat) != 0)
        demo__wl_add_tok(nm, WL_GIVEN, g);
    }
    if (demo_chance(r, 0.85))
      demo__wl_add_tok(nm, WL_SURNAME, wl_draw(&sur, r));
    return;
  }
  if (strcmp(nat, "LKA") == 0 && x < 75) {
    nm->style = SA_SINHALA;
    static const wl_pool m = WL_POOL(in_m, 1), w = WL_POOL(in_f, 1);
    demo__wl_add_tok(nm, WL_GIVEN, wl_draw(f ? &w : &m, r));
    const wl_tok *a = &si_pre[demo_below(r, WL_N(si_pre))];
    const wl_tok *b = &si_post[demo_below(r, WL_N(si_post))];
    char lat[72];
    snprintf(lat, sizeof lat, "%s%s", a->lat, b->lat);
    wl_ntok *t = demo__wl_add(nm, WL_SURNAME, lat, NULL);
    if (a->alt || b->alt)
      snprintf(t->altbuf, sizeof t->altbuf, "%s%s", a->alt ? a->alt : a->lat,
               b->alt ? b->alt : b->lat);
    return;
  }
  static const wl_pool m = WL_POOL(in_m, 2), w = WL_POOL(in_f, 2),
                       sur = WL_POOL(in_sur, 2), np = WL_POOL(np_sur, 2);
  demo__wl_add_tok(nm, WL_GIVEN, wl_draw(f ? &w : &m, r));
  if (strcmp(nat, "IND") == 0 && x >= 90) {
    nm->style = SA_SIKH;
    demo__wl_add(nm, WL_SURNAME, f ? "Kaur" : "Singh", NULL);
    static const wl_tok clan[] = {{"Gill", 0, 0, 0},    {"Sandhu", 0, 0, 0},
                                  {"Dhillon", 0, 0, 0}, {"Sidhu", 0, 0, 0},
                                  {"Grewal", 0, 0, 0},  {"Brar", 0, 0, 0}};
    if (demo_chance(r, 0.5)) /* Singh Sandhu */
      demo__wl_add_tok(nm, WL_SURNAME, &clan[demo_below(r, WL_N(clan))]);
    return;
  }
  nm->style = SA_HINDU;
  if (strcmp(nat, "IND") == 0 && demo_chance(r, 0.4)) {
    /* South India: a composed given name, often a Tamil surname */
    char lat[72];
    if (f)
      snprintf(lat, sizeof lat, "%s%s", in_f_pre[demo_below(r, WL_N(in_f_pre))],
               in_f_post[demo_below(r, WL_N(in_f_post))]);
    else
      snprintf(lat, sizeof lat, "%s%s", in_pre[demo_below(r, WL_N(in_pre))],
               in_m_post[demo_below(r, WL_N(in_m_post))]);
    wl_copy(nm->t[0].lat, sizeof nm->t[0].lat, lat);
    nm->t[0].base = nm->t[0].alt = nm->t[0].nick = NULL;
    if (demo_chance(r, 0.5)) {
      char sl[72], lower[32];
      wl_copy(lower, sizeof lower, ta_post[demo_below(r, WL_N(ta_post))]);
      snprintf(sl, sizeof sl, "%s%s", in_pre[demo_below(r, WL_N(in_pre))],
               lower);
      demo__wl_add(nm, WL_SURNAME, sl, NULL);
      return;
    }
  }
  demo__wl_add_tok(nm, WL_SURNAME,
                   wl_draw(strcmp(nat, "NPL") == 0 ? &np : &sur, r));
}

bool demo__wl_weak_south_asian(const wl_name *nm, demo_rng *r, char *out,
                               size_t cap) {
  static const char *const boys[] = {"Pappu",  "Munna", "Bablu", "Guddu",
                                     "Chintu", "Bunty", "Sonu",  "Monu",
                                     "Tinku",  "Raju",  "Bittu", "Lucky"};
  static const char *const girls[] = {"Pinky", "Sweety", "Guddi",
                                      "Munni", "Dolly",  "Rani"};
  bool f = nm->sex == 'F';
  const char *nick =
      f ? girls[demo_below(r, WL_N(girls))] : boys[demo_below(r, WL_N(boys))];
  uint32_t how = demo_below(r, 10);
  const char *last = nm->t[nm->n - 1].lat;
  if (how < 4)
    snprintf(out, cap, "%s", nick);
  else if (how < 7 && nm->n > 1)
    snprintf(out, cap, "%s %s", nick, last);
  else
    snprintf(out, cap, "%s %s", nm->t[0].lat, f ? "Didi" : "Bhai");
  return true;
}
