/* South-East Asian names for synthetic watchlists.
 *
 * Vietnamese names are surname, middle name and given name, with the
 * surname frequencies of Vietnam (Nguyen about two in five) and the written
 * form with its diacritics (Nguyễn Văn Hùng) as a strong alias. Thai names
 * are paired with their Thai-script form, surnames composed of two parts
 * (Boon+chai, บุญ+ชัย); Malay names are "X bin Y"; Filipino names carry the
 * mother's surname as a middle name; Indonesian names are often one word
 * (Suharto) or two given names; Burmese names have no surname at all. */
#include "demo_wl.h"

#include <stdio.h>
#include <string.h>

/* ---- Vietnamese (orig: the form with diacritics) ---- */

static const wl_tok vn_sur[] = {
    {"Nguyen", "Nguyễn", 0, 0}, {"Tran", "Trần", 0, 0},
    {"Le", "Lê", 0, 0},         {"Pham", "Phạm", 0, 0},
    {"Hoang", "Hoàng", 0, 0},   {"Huynh", "Huỳnh", 0, 0},
    {"Phan", "Phan", 0, 0},     {"Vu", "Vũ", "Vo", 0},
    {"Vo", "Võ", 0, 0},         {"Dang", "Đặng", 0, 0},
    {"Bui", "Bùi", 0, 0},       {"Do", "Đỗ", 0, 0},
    {"Ho", "Hồ", 0, 0},         {"Ngo", "Ngô", 0, 0},
    {"Duong", "Dương", 0, 0},   {"Ly", "Lý", 0, 0},
    {"Dinh", "Đinh", 0, 0},     {"Truong", "Trương", 0, 0},
    {"Lam", "Lâm", 0, 0},       {"Mai", "Mai", 0, 0},
    {"Cao", "Cao", 0, 0},       {"Trinh", "Trịnh", 0, 0},
    {"Luu", "Lưu", 0, 0},       {"Doan", "Đoàn", 0, 0},
    {"Ha", "Hà", 0, 0},         {"Quach", "Quách", 0, 0},
};
static const uint16_t vn_sur_w[] = {380, 110, 95, 71, 31, 20, 45, 20, 19,
                                    21,  20,  14, 13, 13, 10, 5,  5,  5,
                                    3,   3,   3,  2,  2,  2,  2,  1};
static const wl_tok vn_mid_m[] = {
    {"Van", "Văn", 0, 0},   {"Duc", "Đức", 0, 0},     {"Minh", "Minh", 0, 0},
    {"Huu", "Hữu", 0, 0},   {"Quang", "Quang", 0, 0}, {"Thanh", "Thanh", 0, 0},
    {"Cong", "Công", 0, 0}, {"Ngoc", "Ngọc", 0, 0},   {"Xuan", "Xuân", 0, 0},
    {"Dinh", "Đình", 0, 0},
};
static const wl_tok vn_mid_f[] = {
    {"Thi", "Thị", 0, 0},     {"Ngoc", "Ngọc", 0, 0}, {"Thu", "Thu", 0, 0},
    {"Thanh", "Thanh", 0, 0}, {"Kim", "Kim", 0, 0},   {"My", "Mỹ", 0, 0},
    {"Bich", "Bích", 0, 0},   {"Hong", "Hồng", 0, 0},
};
static const wl_tok vn_m[] = {
    {"An", "An", 0, 0},       {"Anh", "Anh", 0, 0},
    {"Bao", "Bảo", 0, 0},     {"Binh", "Bình", 0, 0},
    {"Cuong", "Cường", 0, 0}, {"Dung", "Dũng", 0, 0},
    {"Duy", "Duy", 0, 0},     {"Dat", "Đạt", 0, 0},
    {"Hai", "Hải", 0, 0},     {"Hieu", "Hiếu", 0, 0},
    {"Hung", "Hùng", 0, 0},   {"Huy", "Huy", 0, 0},
    {"Khang", "Khang", 0, 0}, {"Khanh", "Khánh", 0, 0},
    {"Khoa", "Khoa", 0, 0},   {"Kien", "Kiên", 0, 0},
    {"Long", "Long", 0, 0},   {"Minh", "Minh", 0, 0},
    {"Nam", "Nam", 0, 0},     {"Nghia", "Nghĩa", 0, 0},
    {"Phong", "Phong", 0, 0}, {"Phuc", "Phúc", 0, 0},
    {"Quan", "Quân", 0, 0},   {"Son", "Sơn", 0, 0},
    {"Tai", "Tài", 0, 0},     {"Tam", "Tâm", 0, 0},
    {"Thang", "Thắng", 0, 0}, {"Thanh", "Thành", 0, 0},
    {"Tien", "Tiến", 0, 0},   {"Toan", "Toàn", 0, 0},
    {"Trung", "Trung", 0, 0}, {"Tuan", "Tuấn", 0, 0},
    {"Tung", "Tùng", 0, 0},   {"Viet", "Việt", 0, 0},
    {"Vinh", "Vinh", 0, 0},   {"Thinh", "Thịnh", 0, 0},
};
static const wl_tok vn_f[] = {
    {"Anh", "Anh", 0, 0},       {"Chi", "Chi", 0, 0},
    {"Dung", "Dung", 0, 0},     {"Ha", "Hà", 0, 0},
    {"Hang", "Hằng", 0, 0},     {"Hanh", "Hạnh", 0, 0},
    {"Hien", "Hiền", 0, 0},     {"Hoa", "Hoa", 0, 0},
    {"Hong", "Hồng", 0, 0},     {"Hue", "Huệ", 0, 0},
    {"Huong", "Hương", 0, 0},   {"Lan", "Lan", 0, 0},
    {"Linh", "Linh", 0, 0},     {"Loan", "Loan", 0, 0},
    {"Mai", "Mai", 0, 0},       {"My", "My", 0, 0},
    {"Nga", "Nga", 0, 0},       {"Ngoc", "Ngọc", 0, 0},
    {"Nhung", "Nhung", 0, 0},   {"Oanh", "Oanh", 0, 0},
    {"Phuong", "Phương", 0, 0}, {"Quynh", "Quỳnh", 0, 0},
    {"Thao", "Thảo", 0, 0},     {"Thu", "Thu", 0, 0},
    {"Thuy", "Thủy", 0, 0},     {"Trang", "Trang", 0, 0},
    {"Tuyet", "Tuyết", 0, 0},   {"Van", "Vân", 0, 0},
    {"Yen", "Yến", 0, 0},
};

/* ---- Thai ---- */

static const wl_tok th_m[] = {
    {"Somchai", "สมชาย", "Somchay", 0},
    {"Somsak", "สมศักดิ์", 0, 0},
    {"Sombat", "สมบัติ", 0, 0},
    {"Prasert", "ประเสริฐ", "Prasoet", 0},
    {"Prayut", "ประยุทธ์", "Prayuth", 0},
    {"Anan", "อนันต์", "Anand", 0},
    {"Chaiwat", "ชัยวัฒน์", 0, 0},
    {"Kittisak", "กิตติศักดิ์", 0, 0},
    {"Nattapong", "ณัฐพงษ์", "Nattaphong", 0},
    {"Wichai", "วิชัย", "Vichai", 0},
    {"Surachai", "สุรชัย", 0, 0},
    {"Somkiat", "สมเกียรติ", 0, 0},
    {"Thanawat", "ธนวัฒน์", 0, 0},
    {"Pichit", "พิชิต", "Pichet", 0},
    {"Boonmee", "บุญมี", "Bunmi", 0},
    {"Supachai", "ศุภชัย", "Suphachai", 0},
    {"Apichat", "อภิชาติ", "Apichart", 0},
    {"Chatchai", "ชาติชาย", 0, 0},
    {"Sakchai", "ศักดิ์ชัย", 0, 0},
    {"Wirat", "วิรัตน์", "Virat", 0},
};
static const wl_tok th_f[] = {
    {"Somsri", "สมศรี", 0, 0},
    {"Malee", "มาลี", "Mali", 0},
    {"Siriporn", "ศิริพร", "Siriphon", 0},
    {"Rattana", "รัตนา", "Ratana", 0},
    {"Nittaya", "นิตยา", 0, 0},
    {"Kanya", "กัญญา", 0, 0},
    {"Wanida", "วนิดา", 0, 0},
    {"Pornthip", "พรทิพย์", "Porntip", 0},
    {"Suda", "สุดา", 0, 0},
    {"Jintana", "จินตนา", "Chintana", 0},
    {"Araya", "อารยา", 0, 0},
    {"Sukanya", "สุกัญญา", 0, 0},
    {"Chutima", "ชุติมา", 0, 0},
    {"Duangjai", "ดวงใจ", 0, 0},
};
static const wl_tok th_pre[] = {
    {"Sri", "ศรี", "Si", 0},
    {"Wong", "วงศ์", "Vong", 0},
    {"Chai", "ชัย", 0, 0},
    {"Suk", "สุข", "Sook", 0},
    {"Boon", "บุญ", "Bun", 0},
    {"Rattana", "รัตน", 0, 0},
    {"Thong", "ทอง", "Tong", 0},
    {"Kaew", "แก้ว", "Keaw", 0},
    {"Saeng", "แสง", "Sang", 0},
    {"Phon", "พล", "Pon", 0},
    {"Charoen", "เจริญ", "Jaroen", 0},
    {"Siri", "ศิริ", 0, 0},
    {"Somboon", "สมบูรณ์", "Sombun", 0},
    {"Ruang", "รุ่ง", "Rung", 0},
};
static const wl_tok th_post[] = {
    {"sak", "ศักดิ์", 0, 0},      {"suk", "สุข", "sook", 0},
    {"chai", "ชัย", 0, 0},      {"wong", "วงศ์", "vong", 0},
    {"porn", "พร", "phon", 0}, {"kul", "กุล", "kun", 0},
    {"siri", "ศิริ", 0, 0},      {"thong", "ทอง", 0, 0},
    {"rat", "รัตน์", 0, 0},      {"phan", "พันธ์", "pan", 0},
    {"wat", "วัฒน์", "vat", 0},  {"kit", "กิจ", 0, 0},
    {"yot", "ยศ", "yos", 0},
};

/* ---- Filipino, Indonesian, Malay, Burmese (Latin only) ---- */

static const wl_tok ph_m[] = {
    {"Jose", 0, 0, "Pepe"},
    {"Juan", 0, 0, "Jun"},
    {"Mark", 0, 0, 0},
    {"John Paul", 0, 0, "JP"},
    {"Christian", 0, 0, "Ian"},
    {"Angelo", 0, 0, "Gelo"},
    {"Ramon", 0, 0, "Monching"},
    {"Rodrigo", 0, 0, "Digong"},
    {"Rommel", 0, 0, 0},
    {"Jayson", 0, "Jason", 0},
    {"Jerome", 0, 0, 0},
    {"Ariel", 0, 0, 0},
    {"Edgardo", 0, 0, "Edgar"},
    {"Reynaldo", 0, 0, "Rey"},
    {"Danilo", 0, 0, "Danny"},
    {"Rolando", 0, 0, "Lando"},
    {"Ferdinand", 0, 0, "Bongbong"},
    {"Benigno", 0, 0, "Noynoy"},
    {"Emmanuel", 0, 0, "Manny"},
};
static const wl_tok ph_f[] = {
    {"Maria", 0, 0, "Mia"},
    {"Ana", 0, 0, 0},
    {"Joy", 0, 0, 0},
    {"Kristine", 0, "Christine", "Tin"},
    {"Jasmine", 0, 0, "Jas"},
    {"Angelica", 0, 0, "Gelai"},
    {"Mary Grace", 0, 0, "Grace"},
    {"Rowena", 0, 0, "Weng"},
    {"Maricel", 0, 0, 0},
    {"Marites", 0, 0, "Tess"},
    {"Lorna", 0, 0, 0},
    {"Jennifer", 0, 0, "Jen"},
    {"Rosalie", 0, 0, "Lalie"},
    {"Analyn", 0, 0, 0},
    {"Lovely", 0, 0, 0},
    {"Princess", 0, 0, 0},
};
static const wl_tok ph_sur[] = {
    {"Dela Cruz", 0, "De la Cruz|Delacruz", 0},
    {"Santos", 0, 0, 0},
    {"Reyes", 0, 0, 0},
    {"Cruz", 0, 0, 0},
    {"Bautista", 0, 0, 0},
    {"Ocampo", 0, 0, 0},
    {"Garcia", 0, 0, 0},
    {"Mendoza", 0, 0, 0},
    {"Torres", 0, 0, 0},
    {"Tomas", 0, 0, 0},
    {"Andrada", 0, 0, 0},
    {"Castillo", 0, 0, 0},
    {"Flores", 0, 0, 0},
    {"Villanueva", 0, 0, 0},
    {"Ramos", 0, 0, 0},
    {"Castro", 0, 0, 0},
    {"Rivera", 0, 0, 0},
    {"Aquino", 0, 0, 0},
    {"Navarro", 0, 0, 0},
    {"Salazar", 0, 0, 0},
    {"Mercado", 0, 0, 0},
    {"Aguilar", 0, 0, 0},
    {"Manalo", 0, 0, 0},
    {"Dizon", 0, 0, 0},
    {"Pascual", 0, 0, 0},
    {"Soriano", 0, 0, 0},
    {"Gonzales", 0, "Gonzalez", 0},
    {"Santiago", 0, 0, 0},
    {"Valdez", 0, 0, 0},
    {"Macaraeg", 0, 0, 0},
    {"Magbanua", 0, 0, 0},
    {"Dimaculangan", 0, 0, 0},
    {"Mangubat", 0, 0, 0},
    {"Panganiban", 0, 0, 0},
    {"Lacson", 0, 0, 0},
    {"Tolentino", 0, 0, 0},
    {"Sison", 0, 0, 0},
    {"Malabanan", 0, 0, 0},
    {"Pangilinan", 0, 0, 0},
    {"Gatchalian", 0, 0, 0},
    {"Dimaano", 0, 0, 0},
};
static const wl_tok id_m[] = {
    {"Muhammad", 0, "Mohammad|Muhamad|Mochammad", 0},
    {"Ahmad", 0, "Achmad", 0},
    {"Agus", 0, 0, 0},
    {"Budi", 0, 0, 0},
    {"Eko", 0, 0, 0},
    {"Joko", 0, "Djoko", 0},
    {"Bambang", 0, 0, 0},
    {"Slamet", 0, 0, 0},
    {"Heru", 0, 0, 0},
    {"Arief", 0, "Arif", 0},
    {"Rizky", 0, "Rizki", 0},
    {"Fajar", 0, 0, 0},
    {"Hendra", 0, 0, 0},
    {"Dedi", 0, "Dedy", 0},
    {"Hidayat", 0, 0, 0},
    {"Irfan", 0, 0, 0},
    {"Yusuf", 0, "Jusuf", 0},
    {"Abdul", 0, 0, 0},
    {"Imam", 0, 0, 0},
    {"Umar", 0, "Oemar", 0},
};
static const wl_tok id_f[] = {
    {"Siti", 0, 0, 0},    {"Sri", 0, 0, 0},
    {"Dewi", 0, 0, 0},    {"Nur", 0, "Noer", 0},
    {"Dwi", 0, 0, 0},     {"Ratna", 0, 0, 0},
    {"Endang", 0, 0, 0},  {"Putri", 0, "Putry", 0},
    {"Wahyuni", 0, 0, 0}, {"Lestari", 0, 0, 0},
    {"Astuti", 0, 0, 0},  {"Rahayu", 0, 0, 0},
    {"Utami", 0, 0, 0},   {"Handayani", 0, 0, 0},
    {"Susanti", 0, 0, 0}, {"Wulandari", 0, 0, 0},
    {"Aminah", 0, 0, 0},  {"Fitri", 0, "Fitriani", 0},
};
static const wl_tok id_sur[] = {
    {"Siregar", 0, 0, 0},         {"Nasution", 0, 0, 0},
    {"Lubis", 0, 0, 0},           {"Harahap", 0, 0, 0},
    {"Simanjuntak", 0, 0, 0},     {"Sitompul", 0, 0, 0},
    {"Panjaitan", 0, 0, 0},       {"Sinaga", 0, 0, 0},
    {"Pardede", 0, 0, 0},         {"Hutapea", 0, 0, 0},
    {"Tambunan", 0, 0, 0},        {"Situmorang", 0, 0, 0},
    {"Santoso", 0, "Santosa", 0}, {"Gunawan", 0, 0, 0},
    {"Setiawan", 0, 0, 0},        {"Wijaya", 0, "Widjaja|Widjaya", 0},
    {"Halim", 0, 0, 0},           {"Kusuma", 0, "Kusumah", 0},
    {"Hartono", 0, 0, 0},         {"Saputra", 0, 0, 0},
    {"Hidayat", 0, 0, 0},
};
static const wl_tok jv_pre[] = {
    {"Su", 0, "Soe", 0},     {"Wi", 0, 0, 0},           {"Pra", 0, 0, 0},
    {"Har", 0, 0, 0},        {"Bam", 0, 0, 0},          {"Jo", 0, "Djo", 0},
    {"Mar", 0, 0, 0},        {"Sar", 0, 0, 0},          {"Pur", 0, "Poer", 0},
    {"Sugi", 0, "Soegi", 0}, {"Sutri", 0, "Soetri", 0}, {"Kus", 0, 0, 0},
};
static const wl_tok jv_post[] = {
    {"harto", 0, 0, 0},     {"jaya", 0, "djaja", 0},  {"setyo", 0, "setijo", 0},
    {"wanto", 0, 0, 0},     {"yanto", 0, "janto", 0}, {"mono", 0, 0, 0},
    {"yono", 0, "jono", 0}, {"anto", 0, 0, 0},        {"narto", 0, 0, 0},
    {"dodo", 0, 0, 0},      {"kardi", 0, 0, 0},       {"parmo", 0, 0, 0},
    {"giono", 0, 0, 0},     {"sono", 0, 0, 0},        {"wiyono", 0, 0, 0},
};
static const wl_tok my_m[] = {
    {"Mohd", 0, "Mohamad|Muhammad|Mohammad|Mohamed", 0},
    {"Ahmad", 0, 0, 0},
    {"Ismail", 0, 0, 0},
    {"Hassan", 0, "Hasan", 0},
    {"Zainal", 0, 0, 0},
    {"Azman", 0, 0, 0},
    {"Rosli", 0, 0, 0},
    {"Kamal", 0, 0, 0},
    {"Hafiz", 0, "Hafeez", 0},
    {"Faizal", 0, "Faisal", 0},
    {"Azlan", 0, 0, 0},
    {"Shahrul", 0, 0, 0},
    {"Amirul", 0, 0, 0},
    {"Khairul", 0, 0, 0},
    {"Nazri", 0, 0, 0},
    {"Zulkifli", 0, 0, 0},
    {"Hamzah", 0, "Hamza", 0},
    {"Ibrahim", 0, 0, 0},
    {"Abdul Razak", 0, "Abd Razak", 0},
};
static const wl_tok my_f[] = {
    {"Siti", 0, 0, 0},           {"Nur", 0, "Noor", 0},
    {"Nurul", 0, 0, 0},          {"Aishah", 0, "Aisyah|Aisha", 0},
    {"Fatimah", 0, "Fatima", 0}, {"Noraini", 0, 0, 0},
    {"Rohani", 0, 0, 0},         {"Zaleha", 0, 0, 0},
    {"Aminah", 0, 0, 0},         {"Rosmah", 0, 0, 0},
    {"Farah", 0, 0, 0},          {"Syafiqah", 0, "Shafiqah", 0},
};
static const wl_tok mm_m[] = {
    {"Aung", 0, 0, 0},  {"Kyaw", 0, 0, 0},     {"Zaw", 0, 0, 0},
    {"Min", 0, 0, 0},   {"Htun", 0, "Tun", 0}, {"Win", 0, 0, 0},
    {"Myint", 0, 0, 0}, {"Soe", 0, 0, 0},      {"Naing", 0, 0, 0},
    {"Thein", 0, 0, 0}, {"Maung", 0, 0, 0},    {"Oo", 0, "U", 0},
    {"Thant", 0, 0, 0}, {"Myo", 0, 0, 0},      {"Phyo", 0, 0, 0},
    {"Thura", 0, 0, 0}, {"Zin", 0, 0, 0},      {"Ko", 0, 0, 0},
    {"Nyi", 0, 0, 0},   {"Hla", 0, 0, 0},      {"Sein", 0, 0, 0},
    {"Htet", 0, 0, 0},  {"Lin", 0, "Lynn", 0}, {"Paing", 0, 0, 0},
};
static const wl_tok mm_f[] = {
    {"Aye", 0, 0, 0},    {"Khin", 0, 0, 0}, {"Su", 0, 0, 0},
    {"Thida", 0, 0, 0},  {"Nwe", 0, 0, 0},  {"Mya", 0, 0, 0},
    {"May", 0, "Me", 0}, {"Yin", 0, 0, 0},  {"Thin", 0, 0, 0},
    {"Zar", 0, 0, 0},    {"Hnin", 0, 0, 0}, {"Ei", 0, 0, 0},
    {"Phyu", 0, 0, 0},   {"Moe", 0, 0, 0},  {"Sandar", 0, 0, 0},
    {"San", 0, 0, 0},
};

enum { SE_VIET, SE_THAI, SE_FILIPINO, SE_INDONESIAN, SE_MALAY, SE_BURMESE };

static void compose(wl_name *nm, uint8_t role, const wl_tok *a,
                    const wl_tok *b) {
  char lat[72], orig[128];
  snprintf(lat, sizeof lat, "%s%s", a->lat, b->lat);
  snprintf(orig, sizeof orig, "%s%s", a->orig ? a->orig : "",
           b->orig ? b->orig : "");
  wl_ntok *t = demo__wl_add(nm, role, lat, orig);
  if (a->alt || b->alt)
    snprintf(t->altbuf, sizeof t->altbuf, "%s%s", a->alt ? a->alt : a->lat,
             b->alt ? b->alt : b->lat);
}

static void viet(char sex, demo_rng *r, wl_name *nm) {
  bool f = sex == 'F';
  nm->script = WL_S_LATIN;
  const wl_tok *s = &vn_sur[demo__wl_weighted(r, vn_sur_w, WL_N(vn_sur))];
  demo__wl_add_tok(nm, WL_SURNAME, s);
  const wl_tok *mid = f ? &vn_mid_f[wl_index(r, WL_N(vn_mid_f), 3)]
                        : &vn_mid_m[wl_index(r, WL_N(vn_mid_m), 3)];
  if (demo_chance(r, 0.85))
    demo__wl_add_tok(nm, WL_MIDDLE, mid);
  demo__wl_add_tok(nm, WL_GIVEN,
                   f ? &vn_f[wl_index(r, WL_N(vn_f), 2)]
                     : &vn_m[wl_index(r, WL_N(vn_m), 2)]);
  /* the written form, with diacritics */
  size_t n = 0;
  for (int i = 0; i < nm->n && n + 1 < sizeof nm->extra; i++) {
    int w = snprintf(nm->extra + n, sizeof nm->extra - n, "%s%s", i ? " " : "",
                     nm->t[i].orig);
    n += w > 0 ? (size_t)w : 0;
    nm->t[i].orig[0] = 0; /* Latin: no original-script form */
  }
}

void demo__wl_make_se_asian(const char *nat, char sex, bool child, demo_rng *r,
                            wl_name *nm) {
  (void)child;
  bool f = sex == 'F';
  if (strcmp(nat, "VNM") == 0) {
    nm->style = SE_VIET;
    viet(sex, r, nm);
    return;
  }
  if (strcmp(nat, "THA") == 0) {
    nm->style = SE_THAI;
    nm->script = WL_S_THAI;
    demo__wl_add_tok(nm, WL_GIVEN,
                     f ? &th_f[wl_index(r, WL_N(th_f), 2)]
                       : &th_m[wl_index(r, WL_N(th_m), 2)]);
    compose(nm, WL_SURNAME, &th_pre[demo_below(r, WL_N(th_pre))],
            &th_post[demo_below(r, WL_N(th_post))]);
    return;
  }
  nm->script = WL_S_LATIN;
  if (strcmp(nat, "PHL") == 0) {
    nm->style = SE_FILIPINO;
    static const wl_pool m = WL_POOL(ph_m, 2), w = WL_POOL(ph_f, 2),
                         sur = WL_POOL(ph_sur, 2);
    demo__wl_add_tok(nm, WL_GIVEN, wl_draw(f ? &w : &m, r));
    const wl_tok *mother = wl_draw(&sur, r), *father = wl_draw(&sur, r);
    if (mother != father && demo_chance(r, 0.7))
      demo__wl_add_tok(nm, WL_MIDDLE, mother);
    demo__wl_add_tok(nm, WL_SURNAME, father);
    return;
  }
  if (strcmp(nat, "MYS") == 0) {
    nm->style = SE_MALAY;
    static const wl_pool m = WL_POOL(my_m, 2), w = WL_POOL(my_f, 2);
    demo__wl_add_tok(nm, WL_GIVEN, wl_draw(f ? &w : &m, r));
    demo__wl_add(nm, WL_EXTRA, f ? "binti" : "bin", NULL);
    const wl_tok *father = wl_draw(&m, r);
    if (strcmp(father->lat, nm->t[0].lat) == 0)
      father = &my_m[(uint32_t)(father - my_m + 1) % WL_N(my_m)];
    demo__wl_add_tok(nm, WL_FATHER, father);
    return;
  }
  if (strcmp(nat, "MMR") == 0) {
    nm->style = SE_BURMESE;
    static const wl_pool m = WL_POOL(mm_m, 1), w = WL_POOL(mm_f, 1);
    int k = 2 + (int)demo_below(r, 2);
    for (int i = 0; i < k; i++) {
      const wl_tok *t = wl_draw(f ? &w : &m, r);
      bool dup = false;
      for (int j = 0; j < nm->n; j++)
        dup |= strcmp(nm->t[j].lat, t->lat) == 0;
      if (!dup)
        demo__wl_add_tok(nm, WL_GIVEN, t);
    }
    return;
  }
  nm->style = SE_INDONESIAN;
  uint32_t how = demo_below(r, 100);
  if (!f && how < 35) { /* one name: Suharto */
    compose(nm, WL_GIVEN, &jv_pre[demo_below(r, WL_N(jv_pre))],
            &jv_post[demo_below(r, WL_N(jv_post))]);
    return;
  }
  static const wl_pool m = WL_POOL(id_m, 2), w = WL_POOL(id_f, 1),
                       sur = WL_POOL(id_sur, 1);
  demo__wl_add_tok(nm, WL_GIVEN, wl_draw(f ? &w : &m, r));
  if (how < 70) {
    demo__wl_add_tok(nm, WL_SURNAME, wl_draw(&sur, r));
  } else {
    const wl_tok *second = wl_draw(f ? &w : &m, r);
    if (strcmp(second->lat, nm->t[0].lat) != 0)
      demo__wl_add_tok(nm, WL_GIVEN, second);
  }
}

/* Vietnamese with diacritics; Malay without "bin"; Thai romanisations come
 * from the tokens. */
bool demo__wl_strong_se_asian(const wl_name *nm, demo_rng *r, char *out,
                              size_t cap) {
  (void)r;
  if (nm->style == SE_VIET && nm->extra[0]) {
    snprintf(out, cap, "%s", nm->extra);
    return true;
  }
  if (nm->style == SE_MALAY && nm->n == 3) {
    snprintf(out, cap, "%s %s", nm->t[0].lat, nm->t[2].lat);
    return true;
  }
  return false;
}

bool demo__wl_weak_se_asian(const wl_name *nm, demo_rng *r, char *out,
                            size_t cap) {
  static const char *const thai[] = {"Lek", "Noi",  "Nok",  "Ploy", "Toon",
                                     "Bee", "Golf", "Tong", "Ning", "Aom",
                                     "Pim", "Ton",  "Beer", "Pong", "Mod"};
  static const char *const pinoy[] = {"Bong",   "Boy",   "Jun-Jun", "Toto",
                                      "Dodong", "Totoy", "Nonoy",   "Buboy"};
  static const char *const pinay[] = {"Bebot", "Inday",  "Neneng",
                                      "Baby",  "Girlie", "Lovely"};
  switch (nm->style) {
  case SE_THAI:
    snprintf(out, cap, "%s", thai[demo_below(r, WL_N(thai))]);
    return true;
  case SE_FILIPINO:
    snprintf(out, cap, "%s %s",
             nm->sex == 'F' ? pinay[demo_below(r, WL_N(pinay))]
                            : pinoy[demo_below(r, WL_N(pinoy))],
             nm->t[nm->n - 1].lat);
    return true;
  default: return false;
  }
}
