/* Chinese, Korean and Japanese names for synthetic watchlists, each token
 * paired with its Hanzi, Hangul or Kanji form.
 *
 * Chinese given names are one or two characters drawn from a table that
 * holds each character's pinyin, simplified and traditional forms and its
 * Cantonese romanisation, so one name can be written as the mainland writes
 * it (Wang Weiming, 王伟明), as Hong Kong does (Wong Wai Ming, 王偉明), as
 * Taiwan does (Wang Wei-Ming, in Wade-Giles) or as Singapore does (Ong Wei
 * Ming); the other writings are its strong aliases. Korean names are a
 * surname drawn with its real frequency (Kim about one in five) and two
 * syllables, romanised joined, hyphenated or spaced (Minjun, Min-jun, Min
 * Jun); North Korean ones spaced, with Ri for Lee. Japanese surnames and
 * given names are composed of Kanji parts (Yama+moto 山本, Taka+hiro
 * 隆弘). */
#include "demo_wl.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* ---- Chinese ---- */

typedef struct han {
  const char *py, *hs, *ht, *yue;
} han;

typedef struct han_surname {
  const char *py, *hs, *ht, *yue, *hok;
  uint16_t w; /* per mille of the population, about */
} han_surname;

static const han_surname cn_sur[] = {
    {"Wang", "王", "王", "Wong", "Ong", 72},
    {"Li", "李", "李", "Lee", "Lee", 72},
    {"Zhang", "张", "張", "Cheung", "Teo", 68},
    {"Liu", "刘", "劉", "Lau", "Lau", 54},
    {"Chen", "陈", "陳", "Chan", "Tan", 46},
    {"Yang", "杨", "楊", "Yeung", "Yeo", 32},
    {"Huang", "黄", "黃", "Wong", "Ng", 24},
    {"Zhao", "赵", "趙", "Chiu", NULL, 22},
    {"Wu", "吴", "吳", "Ng", "Goh", 21},
    {"Zhou", "周", "周", "Chow", "Chew", 21},
    {"Xu", "徐", "徐", "Tsui", NULL, 17},
    {"Sun", "孙", "孫", "Suen", "Sng", 15},
    {"Ma", "马", "馬", "Ma", NULL, 14},
    {"Zhu", "朱", "朱", "Chu", "Choo", 13},
    {"Hu", "胡", "胡", "Wu", NULL, 13},
    {"Guo", "郭", "郭", "Kwok", "Quek", 12},
    {"He", "何", "何", "Ho", "Ho", 12},
    {"Gao", "高", "高", "Ko", NULL, 12},
    {"Lin", "林", "林", "Lam", "Lim", 11},
    {"Luo", "罗", "羅", "Law", "Loh", 10},
    {"Zheng", "郑", "鄭", "Cheng", "Tay", 10},
    {"Liang", "梁", "梁", "Leung", "Neo", 9},
    {"Xie", "谢", "謝", "Tse", "Chia", 8},
    {"Song", "宋", "宋", "Sung", NULL, 7},
    {"Tang", "唐", "唐", "Tong", "Tng", 7},
    {"Han", "韩", "韓", "Hon", NULL, 7},
    {"Feng", "冯", "馮", "Fung", NULL, 6},
    {"Deng", "邓", "鄧", "Tang", NULL, 6},
    {"Cao", "曹", "曹", "Tso", NULL, 6},
    {"Peng", "彭", "彭", "Pang", "Phang", 6},
    {"Zeng", "曾", "曾", "Tsang", NULL, 6},
    {"Xiao", "肖", "蕭", "Siu", "Seow", 6},
    {"Tian", "田", "田", "Tin", NULL, 5},
    {"Dong", "董", "董", "Tung", NULL, 5},
    {"Pan", "潘", "潘", "Poon", "Phua", 5},
    {"Yuan", "袁", "袁", "Yuen", NULL, 5},
    {"Cai", "蔡", "蔡", "Choi", "Chua", 5},
    {"Jiang", "蒋", "蔣", "Cheung", NULL, 5},
    {"Xu", "许", "許", "Hui", "Koh", 4},
    {"Yu", "余", "余", "Yu", NULL, 4},
    {"Du", "杜", "杜", "To", NULL, 4},
    {"Ye", "叶", "葉", "Yip", "Yap", 4},
    {"Cheng", "程", "程", "Ching", NULL, 4},
    {"Wei", "魏", "魏", "Ngai", NULL, 4},
    {"Su", "苏", "蘇", "So", "Soh", 4},
    {"Lyu", "吕", "呂", "Lui", NULL, 4},
    {"Ding", "丁", "丁", "Ting", NULL, 3},
    {"Ren", "任", "任", "Yam", NULL, 3},
    {"Lu", "卢", "盧", "Lo", NULL, 3},
    {"Yao", "姚", "姚", "Yiu", NULL, 3},
    {"Shen", "沈", "沈", "Shum", "Sim", 3},
    {"Zhong", "钟", "鍾", "Chung", NULL, 3},
    {"Cui", "崔", "崔", "Tsui", NULL, 3},
    {"Tan", "谭", "譚", "Tam", NULL, 3},
    {"Lu", "陆", "陸", "Luk", NULL, 3},
    {"Fan", "范", "范", "Fan", NULL, 3},
    {"Wang", "汪", "汪", "Wong", NULL, 2},
    {"Liao", "廖", "廖", "Liu", "Liew", 2},
    {"Shi", "石", "石", "Shek", NULL, 2},
    {"Jin", "金", "金", "Kam", NULL, 2},
    {"Jia", "贾", "賈", "Ka", NULL, 2},
    {"Xia", "夏", "夏", "Ha", NULL, 2},
    {"Fu", "傅", "傅", "Fu", NULL, 2},
    {"Fang", "方", "方", "Fong", NULL, 2},
    {"Zou", "邹", "鄒", "Chow", NULL, 2},
    {"Xiong", "熊", "熊", "Hung", NULL, 2},
    {"Bai", "白", "白", "Pak", NULL, 2},
    {"Meng", "孟", "孟", "Mang", NULL, 2},
    {"Qin", "秦", "秦", "Chun", NULL, 2},
    {"Qiu", "邱", "邱", "Yau", "Khoo", 2},
    {"Hou", "侯", "侯", "Hau", NULL, 2},
    {"Jiang", "江", "江", "Kong", NULL, 2},
    {"Yin", "尹", "尹", "Wan", NULL, 2},
    {"Xue", "薛", "薛", "Sit", NULL, 1},
    {"Duan", "段", "段", "Tuen", NULL, 1},
    {"Lei", "雷", "雷", "Lui", NULL, 1},
    {"Long", "龙", "龍", "Lung", NULL, 1},
    {"Shi", "史", "史", "Sze", NULL, 1},
    {"Tao", "陶", "陶", "To", NULL, 1},
    {"Mao", "毛", "毛", "Mo", NULL, 1},
    {"Gu", "顾", "顧", "Koo", NULL, 1},
    {"Gong", "龚", "龔", "Kung", NULL, 1},
    {"Wan", "万", "萬", "Man", NULL, 1},
    {"Qian", "钱", "錢", "Chin", NULL, 1},
    {"Yan", "严", "嚴", "Yim", NULL, 1},
    {"Lai", "赖", "賴", "Lai", "Lua", 1},
    {"Kong", "孔", "孔", "Hung", NULL, 1},
    {"Mo", "莫", "莫", "Mok", NULL, 1},
    {"Ou", "欧", "歐", "Au", NULL, 1},
    {"Zhuang", "庄", "莊", "Chong", "Chng", 1},
};

static const han cn_m[] = {
    {"wei", "伟", "偉", "wai"},      {"qiang", "强", "強", "keung"},
    {"lei", "磊", "磊", "lui"},      {"jun", "军", "軍", "kwan"},
    {"yong", "勇", "勇", "yung"},    {"jie", "杰", "傑", "kit"},
    {"tao", "涛", "濤", "to"},       {"ming", "明", "明", "ming"},
    {"chao", "超", "超", "chiu"},    {"hui", "辉", "輝", "fai"},
    {"gang", "刚", "剛", "kong"},    {"ping", "平", "平", "ping"},
    {"hua", "华", "華", "wah"},      {"jian", "建", "建", "kin"},
    {"bin", "斌", "斌", "pan"},      {"hao", "浩", "浩", "ho"},
    {"peng", "鹏", "鵬", "pang"},    {"kai", "凯", "凱", "hoi"},
    {"long", "龙", "龍", "lung"},    {"feng", "峰", "峰", "fung"},
    {"bo", "波", "波", "po"},        {"hong", "宏", "宏", "wang"},
    {"dong", "东", "東", "tung"},    {"guo", "国", "國", "kwok"},
    {"zhi", "志", "志", "chi"},      {"cheng", "成", "成", "shing"},
    {"xiang", "翔", "翔", "cheung"}, {"yu", "宇", "宇", "yu"},
    {"fei", "飞", "飛", "fei"},      {"liang", "亮", "亮", "leung"},
    {"jia", "嘉", "嘉", "ka"},       {"hai", "海", "海", "hoi"},
    {"jin", "金", "金", "kam"},      {"wen", "文", "文", "man"},
    {"lin", "林", "林", "lam"},      {"shan", "山", "山", "shan"},
    {"song", "松", "松", "chung"},   {"xin", "鑫", "鑫", "yam"},
    {"yi", "毅", "毅", "ngai"},      {"zhen", "振", "振", "chun"},
    {"sheng", "胜", "勝", "sing"},   {"jun", "俊", "俊", "chun"},
    {"de", "德", "德", "tak"},       {"an", "安", "安", "on"},
    {"rui", "瑞", "瑞", "sui"},      {"xu", "旭", "旭", "yuk"},
    {"chen", "晨", "晨", "san"},     {"wu", "武", "武", "mo"},
    {"kang", "康", "康", "hong"},    {"le", "乐", "樂", "lok"},
    {"ze", "泽", "澤", "chak"},      {"hang", "航", "航", "hong"},
    {"yang", "阳", "陽", "yeung"},   {"tian", "天", "天", "tin"},
    {"zhong", "忠", "忠", "chung"},  {"shi", "世", "世", "sai"},
    {"bao", "宝", "寶", "po"},       {"rong", "荣", "榮", "wing"},
    {"xiao", "晓", "曉", "hiu"},     {"zi", "子", "子", "tsz"},
    {"yuan", "远", "遠", "yuen"},    {"qi", "奇", "奇", "kei"},
    {"bing", "兵", "兵", "bing"},    {"ning", "宁", "寧", "ning"},
    {"fu", "福", "福", "fuk"},       {"gui", "贵", "貴", "kwai"},
    {"cai", "才", "才", "choi"},     {"hao", "豪", "豪", "ho"},
    {"jian", "健", "健", "kin"},     {"ming", "铭", "銘", "ming"},
    {"hao", "昊", "昊", "ho"},       {"zhe", "哲", "哲", "chit"},
    {"xuan", "轩", "軒", "hin"},     {"chen", "辰", "辰", "san"},
    {"hong", "鸿", "鴻", "hung"},    {"sheng", "晟", "晟", "sing"},
    {"tao", "韬", "韜", "to"},       {"kun", "坤", "坤", "kwan"},
    {"lun", "伦", "倫", "lun"},      {"wei", "威", "威", "wai"},
    {"zheng", "正", "正", "ching"},  {"yong", "永", "永", "wing"},
    {"jing", "景", "景", "king"},    {"heng", "恒", "恆", "hang"},
    {"yuan", "源", "源", "yuen"},    {"hui", "晖", "暉", "fai"},
    {"qing", "庆", "慶", "hing"},    {"shun", "顺", "順", "shun"},
    {"zhan", "展", "展", "chin"},    {"xing", "兴", "興", "hing"},
    {"quan", "全", "全", "chuen"},   {"guang", "光", "光", "kwong"},
    {"ke", "可", "可", "ho"},        {"ren", "仁", "仁", "yan"},
    {"li", "力", "力", "lik"},       {"shu", "树", "樹", "shu"},
    {"liang", "良", "良", "leung"},  {"cheng", "诚", "誠", "shing"},
    {"yao", "耀", "耀", "yiu"},      {"jia", "家", "家", "ka"},
    {"fan", "帆", "帆", "fan"},      {"nan", "楠", "楠", "nam"},
    {"tong", "通", "通", "tung"},    {"xian", "贤", "賢", "yin"},
    {"wang", "旺", "旺", "wong"},    {"da", "达", "達", "tat"},
    {"ji", "吉", "吉", "kat"},       {"xiao", "啸", "嘯", "siu"},
};

static const han cn_f[] = {
    {"fang", "芳", "芳", "fong"},    {"na", "娜", "娜", "na"},
    {"min", "敏", "敏", "man"},      {"jing", "静", "靜", "ching"},
    {"li", "丽", "麗", "lai"},       {"yan", "燕", "燕", "yin"},
    {"xiu", "秀", "秀", "sau"},      {"juan", "娟", "娟", "kuen"},
    {"ying", "英", "英", "ying"},    {"hui", "慧", "慧", "wai"},
    {"qing", "青", "青", "ching"},   {"mei", "梅", "梅", "mui"},
    {"lan", "兰", "蘭", "lan"},      {"xia", "霞", "霞", "ha"},
    {"ling", "玲", "玲", "ling"},    {"ting", "婷", "婷", "ting"},
    {"xue", "雪", "雪", "suet"},     {"yun", "云", "雲", "wan"},
    {"lin", "琳", "琳", "lam"},      {"jing", "晶", "晶", "ching"},
    {"qian", "倩", "倩", "sin"},     {"yue", "月", "月", "yuet"},
    {"hong", "红", "紅", "hung"},    {"li", "莉", "莉", "lei"},
    {"zhen", "珍", "珍", "chan"},    {"ping", "萍", "萍", "ping"},
    {"yu", "玉", "玉", "yuk"},       {"dan", "丹", "丹", "tan"},
    {"shu", "淑", "淑", "shuk"},     {"wan", "婉", "婉", "yuen"},
    {"xin", "欣", "欣", "yan"},      {"yi", "怡", "怡", "yi"},
    {"jia", "佳", "佳", "kai"},      {"yan", "艳", "艷", "yim"},
    {"lu", "露", "露", "lo"},        {"si", "思", "思", "sze"},
    {"meng", "梦", "夢", "mung"},    {"chun", "春", "春", "chun"},
    {"qiao", "巧", "巧", "hau"},     {"rui", "蕊", "蕊", "yui"},
    {"yao", "瑶", "瑤", "yiu"},      {"fei", "菲", "菲", "fei"},
    {"qi", "琪", "琪", "kei"},       {"hua", "花", "花", "fa"},
    {"feng", "凤", "鳳", "fung"},    {"zhu", "珠", "珠", "chu"},
    {"ai", "爱", "愛", "oi"},        {"xuan", "萱", "萱", "huen"},
    {"han", "涵", "涵", "ham"},      {"mei", "美", "美", "mei"},
    {"lian", "莲", "蓮", "lin"},     {"zhi", "芝", "芝", "chi"},
    {"wen", "雯", "雯", "man"},      {"qian", "茜", "茜", "sin"},
    {"lu", "璐", "璐", "lo"},        {"ya", "雅", "雅", "nga"},
    {"jing", "婧", "婧", "ching"},   {"shan", "珊", "珊", "shan"},
    {"yi", "依", "依", "yi"},        {"xin", "馨", "馨", "hing"},
    {"yun", "芸", "芸", "wan"},      {"hui", "惠", "惠", "wai"},
    {"qiu", "秋", "秋", "chau"},     {"lan", "岚", "嵐", "lam"},
    {"tong", "彤", "彤", "tung"},    {"yan", "妍", "妍", "yin"},
    {"shuang", "爽", "爽", "shong"}, {"ru", "如", "如", "yu"},
    {"xiang", "香", "香", "heung"},  {"jiao", "娇", "嬌", "kiu"},
    {"hong", "虹", "虹", "hung"},    {"juan", "鹃", "鵑", "kuen"},
    {"ying", "莹", "瑩", "ying"},    {"cui", "翠", "翠", "chui"},
    {"xi", "希", "希", "hei"},       {"xiao", "笑", "笑", "siu"},
    {"yue", "悦", "悅", "yuet"},     {"nuo", "诺", "諾", "nok"},
    {"xin", "心", "心", "sam"},      {"zi", "紫", "紫", "tsz"},
    {"mo", "墨", "墨", "mak"},       {"wei", "薇", "薇", "mei"},
    {"ying", "颖", "穎", "wing"},    {"qing", "晴", "晴", "ching"},
    {"an", "安", "安", "on"},        {"ning", "宁", "寧", "ning"},
    {"xiao", "晓", "曉", "hiu"},     {"bing", "冰", "冰", "bing"},
};

static void capitalise(char *s) {
  s[0] = (char)toupper((unsigned char)s[0]);
}

/* A pinyin syllable in Wade-Giles as Taiwan writes it (no apostrophes). */
static void wade_giles(const char *py, char *out, size_t cap) {
  static const char *const ini[][2] = {
      {"zh", "ch"}, {"ch", "ch"}, {"sh", "sh"}, {"b", "p"},  {"p", "p"},
      {"d", "t"},   {"t", "t"},   {"g", "k"},   {"k", "k"},  {"j", "ch"},
      {"q", "ch"},  {"x", "hs"},  {"r", "j"},   {"z", "ts"}, {"c", "ts"}};
  char lower[16];
  snprintf(lower, sizeof lower, "%s", py);
  lower[0] = (char)tolower((unsigned char)lower[0]);
  const char *in = "", *fin = lower;
  const char *from = "";
  for (size_t i = 0; i < WL_N(ini); i++)
    if (strncmp(lower, ini[i][0], strlen(ini[i][0])) == 0) {
      from = ini[i][0];
      in = ini[i][1];
      fin = lower + strlen(ini[i][0]);
      break;
    }
  char f[16];
  snprintf(f, sizeof f, "%s", fin);
  if (strcmp(f, "i") == 0 && (!strcmp(from, "z") || !strcmp(from, "c")))
    snprintf(f, sizeof f, "u");
  else if (strcmp(f, "i") == 0 && (!strcmp(from, "zh") || !strcmp(from, "ch") ||
                                   !strcmp(from, "sh") || !strcmp(from, "r")))
    snprintf(f, sizeof f, "ih");
  else if (strcmp(f, "ong") == 0)
    snprintf(f, sizeof f, "ung");
  else if (strcmp(f, "ian") == 0)
    snprintf(f, sizeof f, "ien");
  else if (strcmp(f, "ie") == 0 || strcmp(f, "ue") == 0)
    snprintf(f, sizeof f, "%seh", strcmp(f, "ie") == 0 ? "i" : "ue");
  else if (strcmp(f, "uo") == 0 && strcmp(from, "g") && strcmp(from, "k") &&
           strcmp(from, "sh") && *from)
    snprintf(f, sizeof f, "o");
  else if (strcmp(f, "e") == 0 && (!strcmp(from, "g") || !strcmp(from, "k")))
    snprintf(f, sizeof f, "o");
  if (strcmp(lower, "yi") == 0)
    snprintf(out, cap, "i");
  else if (strcmp(lower, "you") == 0)
    snprintf(out, cap, "yu");
  else if (strcmp(lower, "yan") == 0)
    snprintf(out, cap, "yen");
  else
    snprintf(out, cap, "%s%s", in, f);
}

enum { CN_MAINLAND, CN_TAIWAN, CN_HONG_KONG, CN_SOUTH_EAST };

/* Adds a '|'-separated form to buf unless it is there or equals skip. */
static void add_form(char *buf, size_t cap, const char *form,
                     const char *skip) {
  if (!form || !*form || strcmp(form, skip) == 0)
    return;
  size_t n = strlen(buf), k = strlen(form);
  for (const char *p = buf; (p = strstr(p, form)) != NULL; p++)
    if ((p == buf || p[-1] == '|') && (p[k] == 0 || p[k] == '|'))
      return;
  if (n + k + 2 < cap)
    snprintf(buf + n, cap - n, "%s%s", n ? "|" : "", form);
}

void demo__wl_make_chinese(const char *nat, char sex, bool child, demo_rng *r,
                           wl_name *nm) {
  (void)child;
  int style = !strcmp(nat, "TWN")   ? CN_TAIWAN
              : !strcmp(nat, "HKG") ? CN_HONG_KONG
              : !strcmp(nat, "CHN") ? CN_MAINLAND
                                    : CN_SOUTH_EAST;
  nm->style = (uint8_t)style;
  nm->orig_nospace = true;
  bool trad = style == CN_TAIWAN || style == CN_HONG_KONG;
  uint32_t total = 0;
  for (size_t i = 0; i < WL_N(cn_sur); i++)
    total += cn_sur[i].w;
  uint32_t x = demo_below(r, total);
  const han_surname *s = cn_sur;
  while (x >= s->w) {
    x -= s->w;
    s++;
  }
  char wg[16];
  wade_giles(s->py, wg, sizeof wg);
  capitalise(wg);
  const char *sl = style == CN_TAIWAN       ? wg
                   : style == CN_HONG_KONG  ? s->yue
                   : style == CN_SOUTH_EAST ? (s->hok ? s->hok : s->yue)
                                            : s->py;
  wl_ntok *st = demo__wl_add(nm, WL_SURNAME, sl, trad ? s->ht : s->hs);
  add_form(st->altbuf, sizeof st->altbuf, s->py, sl);
  add_form(st->altbuf, sizeof st->altbuf, s->yue, sl);
  add_form(st->altbuf, sizeof st->altbuf, s->hok, sl);
  add_form(st->altbuf, sizeof st->altbuf, wg, sl);

  const han *pool = sex == 'F' ? cn_f : cn_m;
  uint32_t n = sex == 'F' ? WL_N(cn_f) : WL_N(cn_m);
  const han *a = &pool[wl_index(r, n, 2)];
  const han *b = demo_chance(r, 0.8) ? &pool[wl_index(r, n, 1)] : NULL;
  if (b && strcmp(a->hs, b->hs) == 0)
    b = NULL;
  /* The forms of the given name: pinyin joined (Weiming, Jian'an), split
   * (Wei-ming, Wei Ming), Wade-Giles (Wei-Ming), Cantonese (Wai Ming). */
  char py[40], py_h[40], py_s[40], wgf[40], yue_s[40], yue_h[40];
  char a_py[16], b_py[16], a_wg[16], b_wg[16], a_y[16], b_y[16];
  snprintf(a_py, sizeof a_py, "%s", a->py);
  capitalise(a_py);
  snprintf(a_y, sizeof a_y, "%s", a->yue);
  capitalise(a_y);
  wade_giles(a->py, a_wg, sizeof a_wg);
  capitalise(a_wg);
  if (b) {
    snprintf(b_py, sizeof b_py, "%s", b->py);
    wade_giles(b->py, b_wg, sizeof b_wg);
    snprintf(b_y, sizeof b_y, "%s", b->yue);
    bool apos = strchr("aeo", b->py[0]) != NULL;
    snprintf(py, sizeof py, "%s%s%s", a_py, apos ? "'" : "", b_py);
    snprintf(py_h, sizeof py_h, "%s-%s", a_py, b_py);
    capitalise(b_py);
    capitalise(b_wg);
    snprintf(py_s, sizeof py_s, "%s %s", a_py, b_py);
    snprintf(wgf, sizeof wgf, "%s-%s", a_wg, b_wg);
    capitalise(b_y);
    snprintf(yue_s, sizeof yue_s, "%s %s", a_y, b_y);
    snprintf(yue_h, sizeof yue_h, "%s-%s", a_y, b_y);
    yue_h[strlen(a_y) + 1] = (char)tolower((unsigned char)b_y[0]);
  } else {
    snprintf(py, sizeof py, "%s", a_py);
    snprintf(py_h, sizeof py_h, "%s", a_py);
    snprintf(py_s, sizeof py_s, "%s", a_py);
    snprintf(wgf, sizeof wgf, "%s", a_wg);
    snprintf(yue_s, sizeof yue_s, "%s", a_y);
    snprintf(yue_h, sizeof yue_h, "%s", a_y);
  }
  const char *gl = style == CN_TAIWAN       ? wgf
                   : style == CN_HONG_KONG  ? yue_s
                   : style == CN_SOUTH_EAST ? py_s
                                            : py;
  char orig[32];
  snprintf(orig, sizeof orig, "%s%s", trad ? a->ht : a->hs,
           b ? (trad ? b->ht : b->hs) : "");
  wl_ntok *gt = demo__wl_add(nm, WL_GIVEN, gl, orig);
  const char *forms[] = {py, py_h, py_s, wgf, yue_h};
  for (size_t i = 0; i < WL_N(forms); i++)
    if (style != CN_MAINLAND || i < 3)
      add_form(gt->altbuf, sizeof gt->altbuf, forms[i], gl);
}

/* ---- Korean ---- */

static const wl_tok kr_sur[] = {
    {"Kim", "김", "Gim", 0},
    {"Lee", "이", "Yi|Rhee|Ri", 0},
    {"Park", "박", "Pak|Bak", 0},
    {"Choi", "최", "Choe|Chey", 0},
    {"Jung", "정", "Jeong|Chung|Chong", 0},
    {"Kang", "강", "Gang", 0},
    {"Cho", "조", "Jo|Joe", 0},
    {"Yoon", "윤", "Yun", 0},
    {"Jang", "장", "Chang", 0},
    {"Lim", "임", "Im|Rim", 0},
    {"Han", "한", 0, 0},
    {"Oh", "오", "O", 0},
    {"Seo", "서", "Suh|So", 0},
    {"Shin", "신", "Sin", 0},
    {"Kwon", "권", "Gwon", 0},
    {"Hwang", "황", 0, 0},
    {"Ahn", "안", "An", 0},
    {"Song", "송", 0, 0},
    {"Jeon", "전", "Chun|Jun", 0},
    {"Hong", "홍", 0, 0},
    {"Yoo", "유", "Yu|Ryu", 0},
    {"Ko", "고", "Go", 0},
    {"Moon", "문", "Mun", 0},
    {"Yang", "양", 0, 0},
    {"Son", "손", "Sohn", 0},
    {"Bae", "배", "Pae", 0},
    {"Baek", "백", "Paek|Paik", 0},
    {"Heo", "허", "Huh|Hur", 0},
    {"Nam", "남", 0, 0},
    {"Noh", "노", "No|Roh", 0},
    {"Ha", "하", 0, 0},
    {"Kwak", "곽", "Gwak", 0},
    {"Sung", "성", "Seong", 0},
    {"Cha", "차", 0, 0},
    {"Joo", "주", "Ju|Chu", 0},
    {"Woo", "우", "U", 0},
    {"Min", "민", 0, 0},
    {"Ryu", "류", "Ryoo|Yoo", 0},
    {"Na", "나", "Ra", 0},
    {"Jin", "진", "Chin", 0},
    {"Ji", "지", "Chi", 0},
    {"Eom", "엄", "Um|Uhm", 0},
    {"Chae", "채", 0, 0},
    {"Won", "원", 0, 0},
    {"Cheon", "천", "Chun", 0},
    {"Bang", "방", "Pang", 0},
    {"Kong", "공", "Gong", 0},
    {"Hyun", "현", "Hyeon", 0},
    {"Byun", "변", "Byeon|Pyon", 0},
    {"Yeo", "여", "Yuh", 0},
};
static const uint16_t kr_sur_w[] = {
    215, 147, 84, 47, 43, 23, 21, 20, 20, 17, 15, 15, 15, 14, 14, 14, 14,
    13,  11,  11, 11, 9,  9,  9,  9,  8,  7,  6,  6,  6,  5,  4,  4,  4,
    4,   4,   3,  3,  3,  3,  3,  3,  3,  3,  2,  2,  2,  2,  2,  1};

static const wl_tok kr_syl[] = {
    {"min", "민", 0, 0},
    {"jun", "준", "joon", 0},
    {"seo", "서", "suh|so", 0},
    {"ji", "지", "jee|chi", 0},
    {"hyun", "현", "hyeon|hyon", 0},
    {"woo", "우", "u", 0},
    {"jae", "재", "chae", 0},
    {"sung", "성", "seong|song", 0},
    {"dong", "동", "tong", 0},
    {"tae", "태", "thae", 0},
    {"young", "영", "yeong|yong", 0},
    {"ho", "호", 0, 0},
    {"sang", "상", 0, 0},
    {"kyu", "규", "gyu", 0},
    {"hoon", "훈", "hun", 0},
    {"jin", "진", "chin", 0},
    {"soo", "수", "su", 0},
    {"yeon", "연", "yon", 0},
    {"eun", "은", "un", 0},
    {"hye", "혜", 0, 0},
    {"ha", "하", 0, 0},
    {"na", "나", 0, 0},
    {"ye", "예", 0, 0},
    {"da", "다", 0, 0},
    {"kyung", "경", "gyeong|kyong", 0},
    {"mi", "미", 0, 0},
    {"hee", "희", "hui", 0},
    {"jeong", "정", "jung|chong", 0},
    {"won", "원", 0, 0},
    {"seok", "석", "suk|sok", 0},
    {"il", "일", 0, 0},
    {"chul", "철", "cheol|chol", 0},
    {"nam", "남", 0, 0},
    {"gil", "길", "kil", 0},
    {"bin", "빈", 0, 0},
    {"yun", "윤", "yoon", 0},
    {"hwa", "화", 0, 0},
    {"ok", "옥", 0, 0},
    {"sun", "순", "soon", 0},
    {"ja", "자", "cha", 0},
    {"ran", "란", "lan", 0},
    {"a", "아", 0, 0},
    {"in", "인", 0, 0},
    {"yu", "유", "yoo", 0},
    {"hwan", "환", 0, 0},
    {"myung", "명", "myeong|myong", 0},
    {"kwang", "광", "gwang", 0},
    {"chang", "창", 0, 0},
    {"hak", "학", 0, 0},
    {"jong", "종", "chong", 0},
    {"un", "운", "woon", 0},
    {"bok", "복", "pok", 0},
    {"man", "만", 0, 0},
    {"sik", "식", "shik", 0},
    {"geun", "근", "keun|gun", 0},
    {"hyuk", "혁", "hyeok|hyok", 0},
    {"joo", "주", "ju|chu", 0},
    {"ki", "기", "gi", 0},
    {"byung", "병", "byeong|pyong", 0},
    {"chan", "찬", 0, 0},
    {"han", "한", 0, 0},
    {"se", "세", 0, 0},
    {"yong", "용", 0, 0},
    {"bo", "보", "po", 0},
    {"suk", "숙", "sook", 0},
    {"hyo", "효", 0, 0},
    {"do", "도", "to", 0},
    {"gun", "건", "geon|kun", 0},
    {"hwi", "휘", 0, 0},
    {"kook", "국", "guk|kuk", 0},
    {"mok", "목", 0, 0},
    {"mun", "문", "moon", 0},
    {"pil", "필", 0, 0},
    {"rae", "래", "lae", 0},
    {"ryeong", "령", "ryung|ryong", 0},
    {"seon", "선", "sun|son", 0},
    {"si", "시", 0, 0},
    {"so", "소", 0, 0},
    {"tak", "탁", 0, 0},
    {"taek", "택", 0, 0},
    {"wan", "완", 0, 0},
    {"wook", "욱", "uk", 0},
    {"yeop", "엽", "yup|yop", 0},
    {"eui", "의", "ui", 0},
    {"hae", "해", 0, 0},
    {"sol", "솔", 0, 0},
    {"ri", "리", "lee", 0},
    {"gyeol", "결", "kyul", 0},
    {"rin", "린", "lin", 0},
    {"rim", "림", "lim", 0},
};

void demo__wl_make_korean(const char *nat, char sex, bool child, demo_rng *r,
                          wl_name *nm) {
  (void)sex;
  (void)child;
  bool north = strcmp(nat, "PRK") == 0;
  nm->orig_nospace = true;
  const wl_tok *s = &kr_sur[demo__wl_weighted(r, kr_sur_w, WL_N(kr_sur))];
  if (north && strcmp(s->lat, "Lee") == 0) {
    wl_ntok *t = demo__wl_add(nm, WL_SURNAME, "Ri", "리");
    snprintf(t->altbuf, sizeof t->altbuf, "Lee|Rhee|Yi");
  } else {
    demo__wl_add_tok(nm, WL_SURNAME, s);
  }
  const wl_tok *a = &kr_syl[wl_index(r, WL_N(kr_syl), 2)];
  const wl_tok *b = &kr_syl[wl_index(r, WL_N(kr_syl), 2)];
  if (a == b || demo_chance(r, 0.05))
    b = NULL;
  char A[16], B[16], joined[40], hyph[40], spaced[40], orig[32];
  snprintf(A, sizeof A, "%s", a->lat);
  capitalise(A);
  snprintf(B, sizeof B, "%s", b ? b->lat : "");
  snprintf(joined, sizeof joined, "%s%s", A, B);
  snprintf(hyph, sizeof hyph, "%s%s%s", A, b ? "-" : "", B);
  capitalise(B);
  snprintf(spaced, sizeof spaced, "%s%s%s", A, b ? " " : "", B);
  snprintf(orig, sizeof orig, "%s%s", a->orig, b ? b->orig : "");
  uint32_t how = demo_below(r, 100);
  const char *gl = north || how < 15 ? spaced : how < 65 ? joined : hyph;
  wl_ntok *t = demo__wl_add(nm, WL_GIVEN, gl, orig);
  add_form(t->altbuf, sizeof t->altbuf, joined, gl);
  add_form(t->altbuf, sizeof t->altbuf, hyph, gl);
  add_form(t->altbuf, sizeof t->altbuf, spaced, gl);
  if (a->alt) { /* another romanisation of the first syllable */
    char alt[16], form[40];
    demo__wl_pick_alt(a->alt, r, alt, sizeof alt);
    capitalise(alt);
    snprintf(form, sizeof form, "%s%s%s", alt, b ? (north ? " " : "-") : "",
             b ? (north ? B : b->lat) : "");
    add_form(t->altbuf, sizeof t->altbuf, form, gl);
  }
}

/* ---- Japanese ---- */

static const wl_tok jp_sur[] = {
    {"Sato", "佐藤", "Satoh|Satou", 0},
    {"Suzuki", "鈴木", 0, 0},
    {"Takahashi", "高橋", 0, 0},
    {"Tanaka", "田中", 0, 0},
    {"Watanabe", "渡辺", 0, 0},
    {"Ito", "伊藤", "Itoh|Itou", 0},
    {"Yamamoto", "山本", 0, 0},
    {"Nakamura", "中村", 0, 0},
    {"Kobayashi", "小林", 0, 0},
    {"Kato", "加藤", "Katoh|Katou", 0},
    {"Yoshida", "吉田", 0, 0},
    {"Yamada", "山田", 0, 0},
    {"Sasaki", "佐々木", 0, 0},
    {"Yamaguchi", "山口", 0, 0},
    {"Matsumoto", "松本", 0, 0},
    {"Inoue", "井上", 0, 0},
    {"Kimura", "木村", 0, 0},
    {"Hayashi", "林", 0, 0},
    {"Saito", "斎藤", "Saitoh|Saitou", 0},
    {"Shimizu", "清水", 0, 0},
    {"Yamazaki", "山崎", "Yamasaki", 0},
    {"Mori", "森", 0, 0},
    {"Abe", "阿部", 0, 0},
    {"Ikeda", "池田", 0, 0},
    {"Hashimoto", "橋本", 0, 0},
    {"Ishikawa", "石川", 0, 0},
    {"Nakajima", "中島", "Nakashima", 0},
    {"Maeda", "前田", 0, 0},
    {"Fujita", "藤田", 0, 0},
    {"Ogawa", "小川", 0, 0},
    {"Goto", "後藤", "Gotoh|Gotou", 0},
    {"Okada", "岡田", 0, 0},
    {"Hasegawa", "長谷川", 0, 0},
    {"Murakami", "村上", 0, 0},
    {"Kondo", "近藤", "Kondoh|Kondou", 0},
    {"Ishii", "石井", 0, 0},
    {"Endo", "遠藤", "Endoh|Endou", 0},
    {"Ota", "太田", "Ohta|Oota", 0},
    {"Ono", "小野", "Ohno", 0},
    {"Fujiwara", "藤原", 0, 0},
};
static const wl_tok jp_pre[] = {
    {"Yama", "山", 0, 0},    {"Naka", "中", 0, 0},   {"Kawa", "川", 0, 0},
    {"Matsu", "松", 0, 0},   {"Fuji", "藤", 0, 0},   {"Oka", "岡", 0, 0},
    {"Take", "竹", 0, 0},    {"Hara", "原", 0, 0},   {"Taka", "高", 0, 0},
    {"Ishi", "石", 0, 0},    {"Kita", "北", 0, 0},   {"Nishi", "西", 0, 0},
    {"Higashi", "東", 0, 0}, {"Minami", "南", 0, 0}, {"Mori", "森", 0, 0},
    {"Uchi", "内", 0, 0},    {"Kuro", "黒", 0, 0},   {"Shira", "白", 0, 0},
    {"Ao", "青", 0, 0},      {"Kane", "金", 0, 0},   {"Kiyo", "清", 0, 0},
    {"Sugi", "杉", 0, 0},    {"Hira", "平", 0, 0},   {"Furu", "古", 0, 0},
    {"Yoshi", "吉", 0, 0},   {"Iwa", "岩", 0, 0},    {"Ike", "池", 0, 0},
    {"Hama", "浜", 0, 0},    {"Kuma", "熊", 0, 0},   {"Miya", "宮", 0, 0},
    {"Sakura", "桜", 0, 0},  {"Kado", "門", 0, 0},   {"Shima", "島", 0, 0},
    {"Tsuchi", "土", 0, 0},  {"Maru", "丸", 0, 0},   {"Kami", "上", 0, 0},
};
static const wl_tok jp_post[] = {
    {"moto", "本", 0, 0},    {"mura", "村", 0, 0},  {"da", "田", 0, 0},
    {"ta", "田", 0, 0},      {"kawa", "川", 0, 0},  {"gawa", "川", 0, 0},
    {"guchi", "口", 0, 0},   {"no", "野", 0, 0},    {"shita", "下", 0, 0},
    {"uchi", "内", 0, 0},    {"hashi", "橋", 0, 0}, {"zaki", "崎", 0, 0},
    {"yama", "山", 0, 0},    {"sawa", "沢", 0, 0},  {"hara", "原", 0, 0},
    {"bayashi", "林", 0, 0}, {"oka", "岡", 0, 0},   {"shima", "島", 0, 0},
    {"jima", "島", 0, 0},    {"tani", "谷", 0, 0},  {"ki", "木", 0, 0},
    {"be", "部", 0, 0},      {"ishi", "石", 0, 0},  {"mori", "森", 0, 0},
    {"o", "尾", 0, 0},       {"ue", "上", 0, 0},    {"kubo", "久保", 0, 0},
};
static const wl_tok jp_m_pre[] = {
    {"Hiro", "博", 0, 0},  {"Taka", "隆", 0, 0}, {"Kazu", "和", 0, 0},
    {"Masa", "正", 0, 0},  {"Nobu", "信", 0, 0}, {"Yoshi", "義", 0, 0},
    {"Toshi", "俊", 0, 0}, {"Hide", "秀", 0, 0}, {"Tada", "忠", 0, 0},
    {"Yasu", "康", 0, 0},  {"Shin", "真", 0, 0}, {"Ken", "健", 0, 0},
    {"Tomo", "智", 0, 0},  {"Dai", "大", 0, 0},  {"Yu", "裕", 0, 0},
    {"Kei", "啓", 0, 0},   {"Nao", "直", 0, 0},  {"Aki", "明", 0, 0},
    {"Tetsu", "哲", 0, 0}, {"Haru", "晴", 0, 0},
};
static const wl_tok jp_m_post[] = {
    {"shi", "志", 0, 0},  {"ya", "也", 0, 0},   {"o", "夫", 0, 0},
    {"hiro", "弘", 0, 0}, {"ki", "樹", 0, 0},   {"to", "人", 0, 0},
    {"yuki", "幸", 0, 0}, {"nori", "典", 0, 0}, {"hito", "仁", 0, 0},
    {"suke", "介", 0, 0}, {"ta", "太", 0, 0},   {"ji", "二", 0, 0},
    {"ichi", "一", 0, 0}, {"taka", "隆", 0, 0}, {"masa", "昌", 0, 0},
};
static const wl_tok jp_f_pre[] = {
    {"Yu", "由", 0, 0},   {"Mi", "美", 0, 0},    {"Sa", "咲", 0, 0},
    {"Na", "奈", 0, 0},   {"Haru", "春", 0, 0},  {"Ma", "真", 0, 0},
    {"Ka", "香", 0, 0},   {"Ai", "愛", 0, 0},    {"E", "恵", 0, 0},
    {"Chi", "千", 0, 0},  {"Sachi", "幸", 0, 0}, {"Aki", "明", 0, 0},
    {"Tomo", "智", 0, 0}, {"Nao", "直", 0, 0},   {"Mayu", "真由", 0, 0},
    {"Kazu", "和", 0, 0}, {"Yoshi", "良", 0, 0}, {"Ri", "理", 0, 0},
};
static const wl_tok jp_f_post[] = {
    {"ko", "子", 0, 0}, {"mi", "美", 0, 0}, {"ka", "香", 0, 0},
    {"na", "奈", 0, 0}, {"e", "恵", 0, 0},  {"ri", "里", 0, 0},
    {"yo", "代", 0, 0}, {"ho", "穂", 0, 0}, {"no", "乃", 0, 0},
    {"sa", "紗", 0, 0}, {"ki", "希", 0, 0}, {"e", "絵", 0, 0},
};

static void compose(wl_name *nm, uint8_t role, const wl_tok *a,
                    const wl_tok *b) {
  char lat[72], orig[64];
  snprintf(lat, sizeof lat, "%s%s", a->lat, b->lat);
  snprintf(orig, sizeof orig, "%s%s", a->orig, b->orig);
  demo__wl_add(nm, role, lat, orig);
}

void demo__wl_make_japanese(const char *nat, char sex, bool child, demo_rng *r,
                            wl_name *nm) {
  (void)nat;
  (void)child;
  nm->orig_nospace = true;
  nm->orig_reversed = true; /* 山本隆弘: surname first */
  if (sex == 'F')
    compose(nm, WL_GIVEN, &jp_f_pre[wl_index(r, WL_N(jp_f_pre), 2)],
            &jp_f_post[wl_index(r, WL_N(jp_f_post), 2)]);
  else
    compose(nm, WL_GIVEN, &jp_m_pre[wl_index(r, WL_N(jp_m_pre), 2)],
            &jp_m_post[wl_index(r, WL_N(jp_m_post), 2)]);
  if (demo_chance(r, 0.55))
    demo__wl_add_tok(nm, WL_SURNAME, &jp_sur[wl_index(r, WL_N(jp_sur), 2)]);
  else
    compose(nm, WL_SURNAME, &jp_pre[demo_below(r, WL_N(jp_pre))],
            &jp_post[demo_below(r, WL_N(jp_post))]);
}

/* CJK: the other order (Weiming Wang, Takahiro Yamamoto first by surname),
 * besides the romanisations of each part. */
bool demo__wl_strong_cjk(const wl_name *nm, demo_rng *r, char *out,
                         size_t cap) {
  (void)r;
  if (nm->n != 2)
    return false;
  snprintf(out, cap, "%s %s", nm->t[1].lat, nm->t[0].lat);
  return true;
}

/* An English name used abroad (Tony Wang, Peter Kim). */
bool demo__wl_weak_cjk(const wl_name *nm, demo_rng *r, char *out, size_t cap) {
  static const char *const men[] = {"Tony",   "Peter", "David", "Michael",
                                    "Kevin",  "Jack",  "Eric",  "Jason",
                                    "Steven", "Alex",  "Ken",   "Sam"};
  static const char *const women[] = {"Grace", "Linda",  "Helen", "Amy",
                                      "Cindy", "Vivian", "Jenny", "Mary"};
  const char *e = nm->sex == 'F' ? women[demo_below(r, WL_N(women))]
                                 : men[demo_below(r, WL_N(men))];
  const char *sur = NULL;
  for (int i = 0; i < nm->n; i++)
    if (nm->t[i].role == WL_SURNAME)
      sur = nm->t[i].lat;
  if (!sur)
    return false;
  snprintf(out, cap, "%s %s", e, sur);
  return true;
}
