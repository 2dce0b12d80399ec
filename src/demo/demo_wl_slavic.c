/* Russian and Ukrainian names for synthetic watchlists.
 *
 * Russian and Ukrainian names are given name, patronymic and surname, each
 * paired with its Cyrillic form; women's surnames and patronymics are
 * inflected (Ivanov/Ivanova, Ivanovich/Ivanovna, Tolstoy/Tolstaya) and
 * beyond the common surnames, surnames are composed of a root and a suffix
 * (Sokol+ov, Novo+sokol+ov, Kozl+ovskiy; Shevch+enko, Bondar+chuk). The
 * Latin forms are the usual romanisations of lists (Sergey, Yuriy); the
 * passport (ICAO) transliteration of the Cyrillic is a strong alias. */
#include "bmis/doc.h"
#include "demo_wl.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* ---- Russian ---- */

/* A given name with its patronymics (the forms of a father's name for a son
 * and for a daughter). */
typedef struct wl_slav_given {
  wl_tok t;
  const char *pm_lat, *pm_cyr, *pf_lat, *pf_cyr;
} wl_slav_given;

#define SG(lat, cyr, alt, nick, pm, pmc, pf, pfc)                              \
  { {lat, cyr, alt, nick}, pm, pmc, pf, pfc }

static const wl_slav_given ru_m[] = {
    SG("Aleksandr", "Александр", "Alexander|Aleksander|Alexandr", "Sasha",
       "Aleksandrovich", "Александрович", "Aleksandrovna", "Александровна"),
    SG("Sergey", "Сергей", "Sergei|Serguei|Sergej", "Seryozha", "Sergeyevich",
       "Сергеевич", "Sergeyevna", "Сергеевна"),
    SG("Dmitriy", "Дмитрий", "Dmitri|Dmitry|Dimitri", "Dima", "Dmitriyevich",
       "Дмитриевич", "Dmitriyevna", "Дмитриевна"),
    SG("Andrey", "Андрей", "Andrei|Andrej", "Andryusha", "Andreyevich",
       "Андреевич", "Andreyevna", "Андреевна"),
    SG("Aleksey", "Алексей", "Alexei|Alexey|Aleksei", "Lyosha", "Alekseyevich",
       "Алексеевич", "Alekseyevna", "Алексеевна"),
    SG("Vladimir", "Владимир", "Wladimir", "Volodya", "Vladimirovich",
       "Владимирович", "Vladimirovna", "Владимировна"),
    SG("Ivan", "Иван", NULL, "Vanya", "Ivanovich", "Иванович", "Ivanovna",
       "Ивановна"),
    SG("Mikhail", "Михаил", "Michail|Mikhael", "Misha", "Mikhaylovich",
       "Михайлович", "Mikhaylovna", "Михайловна"),
    SG("Nikolay", "Николай", "Nikolai", "Kolya", "Nikolayevich", "Николаевич",
       "Nikolayevna", "Николаевна"),
    SG("Yevgeniy", "Евгений", "Evgeny|Evgeniy|Evgenii", "Zhenya",
       "Yevgenyevich", "Евгеньевич", "Yevgenyevna", "Евгеньевна"),
    SG("Viktor", "Виктор", "Victor", "Vitya", "Viktorovich", "Викторович",
       "Viktorovna", "Викторовна"),
    SG("Pavel", "Павел", "Paul", "Pasha", "Pavlovich", "Павлович", "Pavlovna",
       "Павловна"),
    SG("Yuriy", "Юрий", "Yuri|Yury|Iurii", "Yura", "Yuryevich", "Юрьевич",
       "Yuryevna", "Юрьевна"),
    SG("Igor", "Игорь", NULL, "Garik", "Igorevich", "Игоревич", "Igorevna",
       "Игоревна"),
    SG("Oleg", "Олег", NULL, NULL, "Olegovich", "Олегович", "Olegovna",
       "Олеговна"),
    SG("Maksim", "Максим", "Maxim", "Maks", "Maksimovich", "Максимович",
       "Maksimovna", "Максимовна"),
    SG("Anatoliy", "Анатолий", "Anatoly|Anatolii", "Tolya", "Anatolyevich",
       "Анатольевич", "Anatolyevna", "Анатольевна"),
    SG("Konstantin", "Константин", NULL, "Kostya", "Konstantinovich",
       "Константинович", "Konstantinovna", "Константиновна"),
    SG("Boris", "Борис", NULL, "Borya", "Borisovich", "Борисович", "Borisovna",
       "Борисовна"),
    SG("Vyacheslav", "Вячеслав", "Viacheslav|Wjatscheslaw", "Slava",
       "Vyacheslavovich", "Вячеславович", "Vyacheslavovna", "Вячеславовна"),
    SG("Gennadiy", "Геннадий", "Gennady|Gennadi", "Gena", "Gennadyevich",
       "Геннадьевич", "Gennadyevna", "Геннадьевна"),
    SG("Valeriy", "Валерий", "Valery|Valeri", "Valera", "Valeryevich",
       "Валерьевич", "Valeryevna", "Валерьевна"),
    SG("Roman", "Роман", NULL, "Roma", "Romanovich", "Романович", "Romanovna",
       "Романовна"),
    SG("Artyom", "Артём", "Artem|Artiom", "Tyoma", "Artyomovich", "Артёмович",
       "Artyomovna", "Артёмовна"),
    SG("Denis", "Денис", NULL, NULL, "Denisovich", "Денисович", "Denisovna",
       "Денисовна"),
    SG("Anton", "Антон", NULL, "Tosha", "Antonovich", "Антонович", "Antonovna",
       "Антоновна"),
    SG("Grigoriy", "Григорий", "Grigory|Grigori", "Grisha", "Grigoryevich",
       "Григорьевич", "Grigoryevna", "Григорьевна"),
    SG("Vitaliy", "Виталий", "Vitaly|Vitali", "Vitalik", "Vitalyevich",
       "Витальевич", "Vitalyevna", "Витальевна"),
    SG("Leonid", "Леонид", NULL, "Lyonya", "Leonidovich", "Леонидович",
       "Leonidovna", "Леонидовна"),
    SG("Ruslan", "Руслан", NULL, NULL, "Ruslanovich", "Русланович",
       "Ruslanovna", "Руслановна"),
    SG("Fyodor", "Фёдор", "Fedor|Feodor", "Fedya", "Fyodorovich", "Фёдорович",
       "Fyodorovna", "Фёдоровна"),
    SG("Kirill", "Кирилл", "Kiril|Cyril", NULL, "Kirillovich", "Кириллович",
       "Kirillovna", "Кирилловна"),
    SG("Vasiliy", "Василий", "Vasily|Vasili|Wassili", "Vasya", "Vasilyevich",
       "Васильевич", "Vasilyevna", "Васильевна"),
    SG("Pyotr", "Пётр", "Petr|Piotr", "Petya", "Petrovich", "Петрович",
       "Petrovna", "Петровна"),
    SG("Georgiy", "Георгий", "Georgy|Georgi", "Zhora", "Georgiyevich",
       "Георгиевич", "Georgiyevna", "Георгиевна"),
    SG("Stanislav", "Станислав", NULL, "Stas", "Stanislavovich",
       "Станиславович", "Stanislavovna", "Станиславовна"),
    SG("Arkadiy", "Аркадий", "Arkady|Arkadi", NULL, "Arkadyevich", "Аркадьевич",
       "Arkadyevna", "Аркадьевна"),
    SG("Semyon", "Семён", "Semen|Semion", "Syoma", "Semyonovich", "Семёнович",
       "Semyonovna", "Семёновна"),
    SG("Timur", "Тимур", NULL, NULL, "Timurovich", "Тимурович", "Timurovna",
       "Тимуровна"),
    SG("Eduard", "Эдуард", NULL, "Edik", "Eduardovich", "Эдуардович",
       "Eduardovna", "Эдуардовна"),
};

static const wl_tok ru_f[] = {
    {"Yelena", "Елена", "Elena|Jelena", "Lena"},
    {"Olga", "Ольга", NULL, "Olya"},
    {"Tatyana", "Татьяна", "Tatiana|Tatjana", "Tanya"},
    {"Natalya", "Наталья", "Natalia|Natalja", "Natasha"},
    {"Irina", "Ирина", NULL, "Ira"},
    {"Svetlana", "Светлана", NULL, "Sveta"},
    {"Yekaterina", "Екатерина", "Ekaterina|Katerina", "Katya"},
    {"Anna", "Анна", NULL, "Anya"},
    {"Mariya", "Мария", "Maria", "Masha"},
    {"Marina", "Марина", NULL, NULL},
    {"Yuliya", "Юлия", "Julia|Yulia|Iuliia", "Yulya"},
    {"Anastasiya", "Анастасия", "Anastasia", "Nastya"},
    {"Lyudmila", "Людмила", "Ludmila|Liudmila", "Lyuda"},
    {"Galina", "Галина", NULL, "Galya"},
    {"Oksana", "Оксана", NULL, NULL},
    {"Viktoriya", "Виктория", "Victoria", "Vika"},
    {"Larisa", "Лариса", "Larissa", NULL},
    {"Nadezhda", "Надежда", NULL, "Nadya"},
    {"Valentina", "Валентина", NULL, "Valya"},
    {"Darya", "Дарья", "Daria", "Dasha"},
    {"Kseniya", "Ксения", "Ksenia|Xenia", NULL},
    {"Alina", "Алина", NULL, NULL},
    {"Polina", "Полина", NULL, "Polya"},
    {"Vera", "Вера", NULL, NULL},
    {"Lyubov", "Любовь", "Liubov", "Lyuba"},
    {"Zhanna", "Жанна", NULL, NULL},
    {"Inna", "Инна", NULL, NULL},
    {"Kristina", "Кристина", NULL, NULL},
};

static const wl_tok ru_sur[] = {
    {"Ivanov", "Иванов", NULL, NULL},
    {"Smirnov", "Смирнов", NULL, NULL},
    {"Kuznetsov", "Кузнецов", "Kusnezow", NULL},
    {"Popov", "Попов", NULL, NULL},
    {"Vasilyev", "Васильев", "Vasiliev|Wassiljew", NULL},
    {"Petrov", "Петров", NULL, NULL},
    {"Sokolov", "Соколов", NULL, NULL},
    {"Mikhaylov", "Михайлов", "Mikhailov", NULL},
    {"Novikov", "Новиков", NULL, NULL},
    {"Fedorov", "Федоров", "Fyodorov|Fiodorov", NULL},
    {"Morozov", "Морозов", NULL, NULL},
    {"Volkov", "Волков", NULL, NULL},
    {"Alekseyev", "Алексеев", "Alekseev|Alexeev", NULL},
    {"Lebedev", "Лебедев", NULL, NULL},
    {"Semenov", "Семенов", "Semyonov", NULL},
    {"Yegorov", "Егоров", "Egorov", NULL},
    {"Pavlov", "Павлов", NULL, NULL},
    {"Kozlov", "Козлов", NULL, NULL},
    {"Stepanov", "Степанов", NULL, NULL},
    {"Nikolayev", "Николаев", "Nikolaev", NULL},
    {"Orlov", "Орлов", NULL, NULL},
    {"Andreyev", "Андреев", "Andreev", NULL},
    {"Makarov", "Макаров", NULL, NULL},
    {"Nikitin", "Никитин", NULL, NULL},
    {"Zakharov", "Захаров", "Zaharov", NULL},
    {"Zaytsev", "Зайцев", "Zaitsev", NULL},
    {"Solovyov", "Соловьёв", "Soloviev|Solovyev", NULL},
    {"Borisov", "Борисов", NULL, NULL},
    {"Yakovlev", "Яковлев", "Iakovlev", NULL},
    {"Grigoryev", "Григорьев", "Grigoriev", NULL},
    {"Romanov", "Романов", NULL, NULL},
    {"Vorobyov", "Воробьёв", "Vorobiev|Vorobyev", NULL},
    {"Sergeyev", "Сергеев", "Sergeev", NULL},
    {"Kuzmin", "Кузьмин", NULL, NULL},
    {"Frolov", "Фролов", NULL, NULL},
    {"Aleksandrov", "Александров", "Alexandrov", NULL},
    {"Dmitriyev", "Дмитриев", "Dmitriev", NULL},
    {"Korolev", "Королев", "Korolyov", NULL},
    {"Gusev", "Гусев", NULL, NULL},
    {"Kiselev", "Киселев", "Kiselyov", NULL},
    {"Ilyin", "Ильин", "Iljin|Ilin", NULL},
    {"Maksimov", "Максимов", "Maximov", NULL},
    {"Polyakov", "Поляков", "Poliakov", NULL},
    {"Sorokin", "Сорокин", NULL, NULL},
    {"Vinogradov", "Виноградов", NULL, NULL},
    {"Kovalev", "Ковалев", "Kovalyov", NULL},
    {"Belov", "Белов", NULL, NULL},
    {"Medvedev", "Медведев", NULL, NULL},
    {"Antonov", "Антонов", NULL, NULL},
    {"Tarasov", "Тарасов", NULL, NULL},
    {"Zhukov", "Жуков", "Schukow", NULL},
    {"Baranov", "Баранов", NULL, NULL},
    {"Filippov", "Филиппов", NULL, NULL},
    {"Komarov", "Комаров", NULL, NULL},
    {"Davydov", "Давыдов", "Davidov", NULL},
    {"Belyayev", "Беляев", "Belyaev", NULL},
    {"Gerasimov", "Герасимов", NULL, NULL},
    {"Bogdanov", "Богданов", NULL, NULL},
    {"Osipov", "Осипов", NULL, NULL},
    {"Sidorov", "Сидоров", NULL, NULL},
    {"Matveyev", "Матвеев", "Matveev", NULL},
    {"Titov", "Титов", NULL, NULL},
    {"Markov", "Марков", NULL, NULL},
    {"Mironov", "Миронов", NULL, NULL},
    {"Krylov", "Крылов", NULL, NULL},
    {"Kulikov", "Куликов", NULL, NULL},
    {"Karpov", "Карпов", NULL, NULL},
    {"Vlasov", "Власов", NULL, NULL},
    {"Melnikov", "Мельников", NULL, NULL},
    {"Denisov", "Денисов", NULL, NULL},
    {"Tikhonov", "Тихонов", "Tichonow", NULL},
    {"Kazakov", "Казаков", NULL, NULL},
    {"Chernov", "Чернов", NULL, NULL},
    {"Shcherbakov", "Щербаков", "Scherbakov|Shcherbakow", NULL},
    {"Kalinin", "Калинин", NULL, NULL},
    {"Bykov", "Быков", NULL, NULL},
    {"Maslov", "Маслов", NULL, NULL},
    {"Lazarev", "Лазарев", NULL, NULL},
    {"Klimov", "Климов", NULL, NULL},
    {"Kudryavtsev", "Кудрявцев", "Kudriavtsev", NULL},
    {"Prokhorov", "Прохоров", "Prochorov", NULL},
    {"Zhuravlev", "Журавлев", "Zhuravlyov", NULL},
    {"Kotov", "Котов", NULL, NULL},
    {"Gromov", "Громов", NULL, NULL},
    {"Kalashnikov", "Калашников", NULL, NULL},
    {"Lavrov", "Лавров", NULL, NULL},
    {"Sakharov", "Сахаров", NULL, NULL},
    {"Tolstoy", "Толстой", "Tolstoi", NULL},
    {"Trubetskoy", "Трубецкой", "Troubetzkoy", NULL},
    {"Kozlovskiy", "Козловский", "Kozlovsky|Kozlovski", NULL},
    {"Dostoyevskiy", "Достоевский", "Dostoevsky", NULL},
    {"Vysotskiy", "Высоцкий", "Vysotsky", NULL},
    {"Kadyrov", "Кадыров", NULL, NULL},
};

/* Roots of composed surnames: soft ones take -ev. */
static const wl_tok ru_root[] = {
    {"Bel", "Бел", NULL, NULL},           {"Chern", "Черн", NULL, NULL},
    {"Krasn", "Красн", NULL, NULL},       {"Sokol", "Сокол", NULL, NULL},
    {"Orl", "Орл", NULL, NULL},           {"Volk", "Волк", NULL, NULL},
    {"Zhuk", "Жук", NULL, NULL},          {"Kozl", "Козл", NULL, NULL},
    {"Lebed", "Лебед", "s", NULL},        {"Gus", "Гус", "s", NULL},
    {"Medved", "Медвед", "s", NULL},      {"Kot", "Кот", NULL, NULL},
    {"Barsuk", "Барсук", NULL, NULL},     {"Bobr", "Бобр", NULL, NULL},
    {"Drozd", "Дрозд", NULL, NULL},       {"Kulik", "Кулик", NULL, NULL},
    {"Chizh", "Чиж", NULL, NULL},         {"Grach", "Грач", "s", NULL},
    {"Gorb", "Горб", NULL, NULL},         {"Lys", "Лыс", NULL, NULL},
    {"Tolst", "Толст", NULL, NULL},       {"Tikhon", "Тихон", NULL, NULL},
    {"Zhark", "Жарк", NULL, NULL},        {"Shirok", "Широк", NULL, NULL},
    {"Kamen", "Камен", "s", NULL},        {"Dub", "Дуб", NULL, NULL},
    {"Klyuch", "Ключ", "s", NULL},        {"Smirn", "Смирн", NULL, NULL},
    {"Kuznets", "Кузнец", NULL, NULL},    {"Koval", "Ковал", "s", NULL},
    {"Bondar", "Бондар", "s", NULL},      {"Tkach", "Ткач", "s", NULL},
    {"Melnik", "Мельник", NULL, NULL},    {"Moroz", "Мороз", NULL, NULL},
    {"Ponomar", "Пономар", "s", NULL},    {"Rybak", "Рыбак", NULL, NULL},
    {"Kolesnik", "Колесник", NULL, NULL}, {"Gonchar", "Гончар", NULL, NULL},
    {"Bogdan", "Богдан", NULL, NULL},     {"Golub", "Голуб", "s", NULL},
    {"Sidor", "Сидор", NULL, NULL},       {"Frol", "Фрол", NULL, NULL},
    {"Zakhar", "Захар", NULL, NULL},      {"Makar", "Макар", NULL, NULL},
    {"Bulat", "Булат", NULL, NULL},       {"Sobol", "Собол", "s", NULL},
    {"Lapt", "Лапт", "s", NULL},          {"Rusak", "Русак", NULL, NULL},
    {"Tuman", "Туман", NULL, NULL},       {"Gorelk", "Горелк", NULL, NULL},
    {"Ostrog", "Острог", NULL, NULL},     {"Sever", "Север", NULL, NULL},
    {"Dolg", "Долг", NULL, NULL},         {"Shchegl", "Щегл", NULL, NULL},
};

/* Prefixes of two-part surnames (Novo+sokolov, Belo+usov). */
static const wl_tok ru_pre[] = {
    {"Novo", "Ново", NULL, NULL},     {"Staro", "Старо", NULL, NULL},
    {"Belo", "Бело", NULL, NULL},     {"Cherno", "Черно", NULL, NULL},
    {"Dobro", "Добро", NULL, NULL},   {"Krasno", "Красно", NULL, NULL},
    {"Zlato", "Злато", NULL, NULL},   {"Verkho", "Верхо", NULL, NULL},
    {"Sukho", "Сухо", NULL, NULL},    {"Tverdo", "Твердо", NULL, NULL},
    {"Vysoko", "Высоко", NULL, NULL},
};

/* Syllables of made-up roots (Ko+rob+ov, Gri+mar+in): the long tail. */
static const char *const ru_onset[][2] = {
    {"Ba", "Ба"},   {"Bo", "Бо"},   {"Bu", "Бу"},   {"Va", "Ва"},
    {"Vo", "Во"},   {"Ga", "Га"},   {"Go", "Го"},   {"Gu", "Гу"},
    {"Da", "Да"},   {"Do", "До"},   {"Du", "Ду"},   {"Za", "За"},
    {"Zo", "Зо"},   {"Ka", "Ка"},   {"Ko", "Ко"},   {"Ku", "Ку"},
    {"La", "Ла"},   {"Lo", "Ло"},   {"Ma", "Ма"},   {"Mo", "Мо"},
    {"Na", "На"},   {"No", "Но"},   {"Pa", "Па"},   {"Po", "По"},
    {"Ra", "Ра"},   {"Ro", "Ро"},   {"Ru", "Ру"},   {"Sa", "Са"},
    {"So", "Со"},   {"Ta", "Та"},   {"To", "То"},   {"Tu", "Ту"},
    {"Fe", "Фе"},   {"Kha", "Ха"},  {"Khu", "Ху"},  {"Che", "Че"},
    {"Cha", "Ча"},  {"Sha", "Ша"},  {"Shu", "Шу"},  {"Zhe", "Же"},
    {"Gri", "Гри"}, {"Kra", "Кра"}, {"Pro", "Про"}, {"Stro", "Стро"},
    {"Bla", "Бла"}, {"Gla", "Гла"}, {"Sle", "Сле"}, {"Tre", "Тре"}};
static const char *const ru_coda[][2] = {
    {"rob", "роб"},  {"lin", "лин"}, {"mar", "мар"}, {"zar", "зар"},
    {"tal", "тал"},  {"bun", "бун"}, {"vel", "вел"}, {"dar", "дар"},
    {"kar", "кар"},  {"pal", "пал"}, {"sen", "сен"}, {"tin", "тин"},
    {"gul", "гул"},  {"lev", "лев"}, {"mir", "мир"}, {"nik", "ник"},
    {"rin", "рин"},  {"sil", "сил"}, {"ryk", "рык"}, {"lob", "лоб"},
    {"mak", "мак"},  {"nov", "нов"}, {"rot", "рот"}, {"shin", "шин"},
    {"tokh", "тох"}, {"bal", "бал"}, {"dyr", "дыр"}, {"gan", "ган"}};

/* Lower-cases the first letter of a Latin or Cyrillic word in place. */
static void lower_first(char *s) {
  unsigned char *u = (unsigned char *)s;
  if (u[0] < 0x80) {
    u[0] = (unsigned char)tolower(u[0]);
  } else if (u[0] == 0xD0 && u[1] >= 0x90 && u[1] <= 0x9F) {
    u[1] = (unsigned char)(u[1] + 0x20); /* А-П -> а-п */
  } else if (u[0] == 0xD0 && u[1] >= 0xA0 && u[1] <= 0xAF) {
    u[0] = 0xD1; /* Р-Я -> р-я */
    u[1] = (unsigned char)(u[1] - 0x20);
  }
}

static bool ends(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcmp(s + n - m, suf) == 0;
}

/* The feminine of a Russian surname (Latin or Cyrillic). */
static void feminine(const char *m, char *out, size_t cap) {
  static const char *const rules[][2] = {
      {"skiy", "skaya"}, {"ский", "ская"}, {"цкий", "цкая"}, {"oy", "aya"},
      {"ой", "ая"},      {"sky", "skaya"}, {"ski", "skaya"}, {"oi", "aya"}};
  for (size_t i = 0; i < WL_N(rules); i++)
    if (ends(m, rules[i][0])) {
      snprintf(out, cap, "%.*s%s", (int)(strlen(m) - strlen(rules[i][0])), m,
               rules[i][1]);
      return;
    }
  static const char *const plus_a[] = {"ov", "ev", "in", "yn", "ow", "ew",
                                       "ов", "ев", "ёв", "ин", "ын"};
  for (size_t i = 0; i < WL_N(plus_a); i++)
    if (ends(m, plus_a[i])) {
      snprintf(out, cap, "%s%s", m, (unsigned char)m[0] < 0x80 ? "a" : "а");
      return;
    }
  snprintf(out, cap, "%s", m);
}

/* Feminine forms of every alternative of a list. */
static void feminine_alts(const char *alts, char *out, size_t cap) {
  size_t n = 0;
  out[0] = 0;
  while (alts && *alts && n + 1 < cap) {
    const char *bar = strchr(alts, '|');
    char one[72], f[80];
    size_t len = bar ? (size_t)(bar - alts) : strlen(alts);
    snprintf(one, sizeof one, "%.*s", (int)len, alts);
    feminine(one, f, sizeof f);
    int w = snprintf(out + n, cap - n, "%s%s", n ? "|" : "", f);
    n += w > 0 ? (size_t)w : 0;
    alts = bar ? bar + 1 : NULL;
  }
}

static void slavic_surname(wl_name *nm, const char *lat, const char *cyr,
                           const char *alts) {
  if (nm->sex != 'F') {
    wl_ntok *t = demo__wl_add(nm, WL_SURNAME, lat, cyr);
    if (alts)
      snprintf(t->altbuf, sizeof t->altbuf, "%s", alts);
    return;
  }
  char fl[72], fc[128];
  feminine(lat, fl, sizeof fl);
  feminine(cyr, fc, sizeof fc);
  wl_ntok *t = demo__wl_add(nm, WL_SURNAME, fl, fc);
  feminine_alts(alts, t->altbuf, sizeof t->altbuf);
}

static void slavic_given(wl_name *nm, const wl_slav_given *men, uint32_t nmen,
                         const wl_tok *women, uint32_t nwomen, bool father,
                         demo_rng *r) {
  if (nm->sex == 'F')
    demo__wl_add_tok(nm, WL_GIVEN, &women[wl_index(r, nwomen, 2)]);
  else
    demo__wl_add_tok(nm, WL_GIVEN, &men[wl_index(r, nmen, 3)].t);
  if (!father)
    return;
  const wl_slav_given *f = &men[wl_index(r, nmen, 3)];
  if (nm->sex == 'F')
    demo__wl_add(nm, WL_MIDDLE, f->pf_lat, f->pf_cyr);
  else
    demo__wl_add(nm, WL_MIDDLE, f->pm_lat, f->pm_cyr);
}

void demo__wl_make_russian(const char *nat, char sex, bool child, demo_rng *r,
                           wl_name *nm) {
  (void)nat;
  (void)sex;
  slavic_given(nm, ru_m, WL_N(ru_m), ru_f, WL_N(ru_f),
               demo_chance(r, child ? 0.6 : 0.85), r);
  if (demo_chance(r, 0.55)) {
    const wl_tok *s = &ru_sur[wl_index(r, WL_N(ru_sur), 2)];
    slavic_surname(nm, s->lat, s->orig, s->alt);
    return;
  }
  char lat[72], cyr[128], pl[32] = "", pc[48] = "", rl[32], rc[48];
  bool soft = false;
  if (demo_chance(r, 0.45)) {
    uint32_t o = demo_below(r, WL_N(ru_onset)),
             c = demo_below(r, WL_N(ru_coda));
    snprintf(rl, sizeof rl, "%s%s", ru_onset[o][0], ru_coda[c][0]);
    snprintf(rc, sizeof rc, "%s%s", ru_onset[o][1], ru_coda[c][1]);
  } else {
    const wl_tok *root = &ru_root[demo_below(r, WL_N(ru_root))];
    soft = root->alt != NULL;
    wl_copy(rl, sizeof rl, root->lat);
    wl_copy(rc, sizeof rc, root->orig);
  }
  if (demo_chance(r, 0.2)) {
    const wl_tok *p = &ru_pre[demo_below(r, WL_N(ru_pre))];
    snprintf(pl, sizeof pl, "%s", p->lat);
    snprintf(pc, sizeof pc, "%s", p->orig);
    lower_first(rl);
    lower_first(rc);
  }
  static const char *const suf[][4] = {
      {"ov", "ов", "ev", "ев"},
      {"in", "ин", "in", "ин"},
      {"ovskiy", "овский", "evskiy", "евский"},
      {"ovich", "ович", "evich", "евич"},
  };
  static const uint16_t suf_w[] = {12, 4, 3, 1};
  uint32_t k = demo__wl_weighted(r, suf_w, WL_N(suf_w));
  snprintf(lat, sizeof lat, "%s%s%s", pl, rl, suf[k][soft ? 2 : 0]);
  snprintf(cyr, sizeof cyr, "%s%s%s", pc, rc, suf[k][soft ? 3 : 1]);
  slavic_surname(nm, lat, cyr, NULL);
}

/* ---- Ukrainian ---- */

static const wl_slav_given ua_m[] = {
    SG("Oleksandr", "Олександр", "Aleksandr|Olexandr", "Sashko",
       "Oleksandrovych", "Олександрович", "Oleksandrivna", "Олександрівна"),
    SG("Volodymyr", "Володимир", "Vladimir|Wolodymyr", "Volodya",
       "Volodymyrovych", "Володимирович", "Volodymyrivna", "Володимирівна"),
    SG("Mykola", "Микола", "Nikolai|Mikola", "Kolya", "Mykolayovych",
       "Миколайович", "Mykolayivna", "Миколаївна"),
    SG("Serhiy", "Сергій", "Sergiy|Serhii|Sergei", "Serhiyko", "Serhiyovych",
       "Сергійович", "Serhiyivna", "Сергіївна"),
    SG("Andriy", "Андрій", "Andrii|Andrei", NULL, "Andriyovych", "Андрійович",
       "Andriyivna", "Андріївна"),
    SG("Yuriy", "Юрій", "Yurii|Iurii|Yuri", NULL, "Yuriyovych", "Юрійович",
       "Yuriyivna", "Юріївна"),
    SG("Oleh", "Олег", "Oleg", NULL, "Olehovych", "Олегович", "Olehivna",
       "Олегівна"),
    SG("Taras", "Тарас", NULL, NULL, "Tarasovych", "Тарасович", "Tarasivna",
       "Тарасівна"),
    SG("Bohdan", "Богдан", "Bogdan", NULL, "Bohdanovych", "Богданович",
       "Bohdanivna", "Богданівна"),
    SG("Dmytro", "Дмитро", "Dmitro|Dmitry", "Dima", "Dmytrovych", "Дмитрович",
       "Dmytrivna", "Дмитрівна"),
    SG("Vasyl", "Василь", "Vasil|Wasyl", "Vasya", "Vasylovych", "Васильович",
       "Vasylivna", "Василівна"),
    SG("Petro", "Петро", "Petr|Pyotr", "Petrus", "Petrovych", "Петрович",
       "Petrivna", "Петрівна"),
    SG("Ivan", "Іван", NULL, "Ivanko", "Ivanovych", "Іванович", "Ivanivna",
       "Іванівна"),
    SG("Ihor", "Ігор", "Igor", NULL, "Ihorovych", "Ігорович", "Ihorivna",
       "Ігорівна"),
    SG("Viktor", "Віктор", "Victor", NULL, "Viktorovych", "Вікторович",
       "Viktorivna", "Вікторівна"),
    SG("Roman", "Роман", NULL, NULL, "Romanovych", "Романович", "Romanivna",
       "Романівна"),
    SG("Maksym", "Максим", "Maksim|Maxim", NULL, "Maksymovych", "Максимович",
       "Maksymivna", "Максимівна"),
    SG("Yaroslav", "Ярослав", "Iaroslav", "Slavko", "Yaroslavovych",
       "Ярославович", "Yaroslavivna", "Ярославівна"),
    SG("Hryhoriy", "Григорій", "Grigoriy|Hryhorii", "Hrysha", "Hryhorovych",
       "Григорович", "Hryhorivna", "Григорівна"),
    SG("Stepan", "Степан", NULL, NULL, "Stepanovych", "Степанович",
       "Stepanivna", "Степанівна"),
};

static const wl_tok ua_f[] = {
    {"Olena", "Олена", "Elena|Yelena", "Lena"},
    {"Oksana", "Оксана", NULL, NULL},
    {"Iryna", "Ірина", "Irina", "Ira"},
    {"Nataliya", "Наталія", "Natalia|Nataliia", "Natasha"},
    {"Tetyana", "Тетяна", "Tatiana|Tetiana", "Tanya"},
    {"Yuliya", "Юлія", "Yulia|Iuliia", NULL},
    {"Halyna", "Галина", "Galina", "Halya"},
    {"Larysa", "Лариса", "Larisa", NULL},
    {"Svitlana", "Світлана", "Svetlana", "Sveta"},
    {"Kateryna", "Катерина", "Katerina|Ekaterina", "Katya"},
    {"Olha", "Ольга", "Olga", NULL},
    {"Mariya", "Марія", "Maria|Mariia", NULL},
    {"Anna", "Анна", "Hanna", NULL},
    {"Lyudmyla", "Людмила", "Ludmila|Liudmyla", NULL},
    {"Valentyna", "Валентина", "Valentina", NULL},
    {"Viktoriya", "Вікторія", "Victoria|Viktoriia", NULL},
};

static const wl_tok ua_sur[] = {
    {"Melnyk", "Мельник", "Melnik", NULL},
    {"Shevchenko", "Шевченко", NULL, NULL},
    {"Boyko", "Бойко", "Boiko", NULL},
    {"Kovalenko", "Коваленко", NULL, NULL},
    {"Bondarenko", "Бондаренко", NULL, NULL},
    {"Tkachenko", "Ткаченко", NULL, NULL},
    {"Kovalchuk", "Ковальчук", NULL, NULL},
    {"Kravchenko", "Кравченко", NULL, NULL},
    {"Oliynyk", "Олійник", "Oliinyk|Oleinik", NULL},
    {"Shevchuk", "Шевчук", NULL, NULL},
    {"Koval", "Коваль", NULL, NULL},
    {"Polishchuk", "Поліщук", "Polischuk", NULL},
    {"Bondar", "Бондар", NULL, NULL},
    {"Tkachuk", "Ткачук", NULL, NULL},
    {"Moroz", "Мороз", NULL, NULL},
    {"Marchenko", "Марченко", NULL, NULL},
    {"Lysenko", "Лисенко", "Lisenko", NULL},
    {"Rudenko", "Руденко", NULL, NULL},
    {"Savchenko", "Савченко", NULL, NULL},
    {"Petrenko", "Петренко", NULL, NULL},
    {"Klymenko", "Клименко", "Klimenko", NULL},
    {"Pavlenko", "Павленко", NULL, NULL},
    {"Kravchuk", "Кравчук", NULL, NULL},
    {"Kuzmenko", "Кузьменко", NULL, NULL},
    {"Ponomarenko", "Пономаренко", NULL, NULL},
    {"Savchuk", "Савчук", NULL, NULL},
    {"Vasylenko", "Василенко", "Vasilenko", NULL},
    {"Levchenko", "Левченко", NULL, NULL},
    {"Kharchenko", "Харченко", NULL, NULL},
    {"Sydorenko", "Сидоренко", "Sidorenko", NULL},
    {"Hrytsenko", "Гриценко", "Gritsenko", NULL},
    {"Tymoshenko", "Тимошенко", "Timoshenko", NULL},
    {"Yarmolenko", "Ярмоленко", NULL, NULL},
    {"Romanyuk", "Романюк", "Romaniuk", NULL},
    {"Hnatyuk", "Гнатюк", "Gnatyuk|Hnatiuk", NULL},
};

static const wl_tok ua_root[] = {
    {"Shevch", "Шевч", NULL, NULL},   {"Bondar", "Бондар", NULL, NULL},
    {"Tkach", "Ткач", NULL, NULL},    {"Kravch", "Кравч", NULL, NULL},
    {"Moroz", "Мороз", NULL, NULL},   {"Lys", "Лис", NULL, NULL},
    {"Petr", "Петр", NULL, NULL},     {"Sydor", "Сидор", NULL, NULL},
    {"Ivan", "Іван", NULL, NULL},     {"Hryts", "Гриц", NULL, NULL},
    {"Kuzm", "Кузьм", NULL, NULL},    {"Honchar", "Гончар", NULL, NULL},
    {"Ostap", "Остап", NULL, NULL},   {"Danyl", "Данил", NULL, NULL},
    {"Roman", "Роман", NULL, NULL},   {"Tymosh", "Тимош", NULL, NULL},
    {"Yarmol", "Ярмол", NULL, NULL},  {"Pavl", "Павл", NULL, NULL},
    {"Kyryl", "Кирил", NULL, NULL},   {"Nazar", "Назар", NULL, NULL},
    {"Dmytr", "Дмитр", NULL, NULL},   {"Fedor", "Федор", NULL, NULL},
    {"Klym", "Клим", NULL, NULL},     {"Levch", "Левч", NULL, NULL},
    {"Prokop", "Прокоп", NULL, NULL}, {"Martyn", "Мартин", NULL, NULL},
    {"Hnat", "Гнат", NULL, NULL},     {"Mykh", "Мих", NULL, NULL},
    {"Yurch", "Юрч", NULL, NULL},     {"Zinch", "Зінч", NULL, NULL},
};

void demo__wl_make_ukrainian(const char *nat, char sex, bool child, demo_rng *r,
                             wl_name *nm) {
  (void)nat;
  (void)sex;
  slavic_given(nm, ua_m, WL_N(ua_m), ua_f, WL_N(ua_f),
               demo_chance(r, child ? 0.5 : 0.8), r);
  if (demo_chance(r, 0.5)) {
    const wl_tok *s = &ua_sur[wl_index(r, WL_N(ua_sur), 2)];
    slavic_surname(nm, s->lat, s->orig, s->alt);
    return;
  }
  char rl[32], rc[48];
  if (demo_chance(r, 0.5)) {
    /* a made-up root, spelt the Ukrainian way (Г is H, и is y) */
    uint32_t o = demo_below(r, WL_N(ru_onset)), c;
    do
      c = demo_below(r, WL_N(ru_coda));
    while (strstr(ru_coda[c][1], "ы"));
    const char *ol = ru_onset[o][0], *oc = ru_onset[o][1];
    if (ol[0] == 'G')
      snprintf(rl, sizeof rl, "H%s%s", strcmp(ol, "Gri") == 0 ? "ry" : ol + 1,
               ru_coda[c][0]);
    else
      snprintf(rl, sizeof rl, "%s%s", ol, ru_coda[c][0]);
    snprintf(rc, sizeof rc, "%s%s", oc, ru_coda[c][1]);
  } else {
    const wl_tok *root = &ua_root[demo_below(r, WL_N(ua_root))];
    wl_copy(rl, sizeof rl, root->lat);
    wl_copy(rc, sizeof rc, root->orig);
  }
  static const char *const suf[][2] = {
      {"enko", "енко"}, {"uk", "ук"}, {"chuk", "чук"}, {"yuk", "юк"}};
  uint32_t k = demo_below(r, WL_N(suf));
  if (k == 2 && ends(rl, "ch")) /* Shevch+uk, not Shevch+chuk */
    k = 1;
  char lat[72], cyr[128];
  snprintf(lat, sizeof lat, "%s%s", rl, suf[k][0]);
  snprintf(cyr, sizeof cyr, "%s%s", rc, suf[k][1]);
  wl_ntok *t = demo__wl_add(nm, WL_SURNAME, lat, cyr);
  if (k == 3)
    snprintf(t->altbuf, sizeof t->altbuf, "%siuk", rl);
}

/* Another writing of a Russian or Ukrainian name: the passport
 * transliteration of its Cyrillic form (ICAO Doc 9303: Sergei, Iurii). */
bool demo__wl_strong_slavic(const wl_name *nm, demo_rng *r, char *out,
                            size_t cap) {
  (void)r;
  char orig[256], mrz[256];
  if (!demo__wl_original(nm, orig, sizeof orig) ||
      bmis_mrz_transliterate(orig, mrz, sizeof mrz, NULL) != BMIS_OK)
    return false;
  size_t n = 0;
  bool start = true;
  for (const char *p = mrz; *p && n + 1 < cap; p++) {
    if (*p == '<') {
      out[n++] = ' ';
      start = true;
      continue;
    }
    out[n++] = start ? *p : (char)tolower((unsigned char)*p);
    start = false;
  }
  out[n] = 0;
  char latin[256];
  demo__wl_latin(nm, latin, sizeof latin);
  return strcmp(latin, out) != 0;
}
