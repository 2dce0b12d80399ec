/* The world the synthetic register data lives in: nationalities (naming
 * region, how the operating State admits them, passport number style),
 * the eight crossing points with their traffic and nationality mixes, and
 * the carriers that bring travellers across.
 *
 * The operating State is ICAO's specimen State, Utopia, unless the store
 * says otherwise. Places are named after Thomas More's book (Amaurot, the
 * river Anyder, Abraxa, Hythloday, Peter Giles, Cardinal Morton, Busleyden).
 * Weights are plausible, not measured: an East African hub airport, busy
 * land borders with four neighbours, a port with crew from the usual
 * seafaring nations. */
#include "demo_internal.h"

#define N(code, region, tier, flags, number)                                   \
  { code, DEMO_R_##region, DEMO_TIER_##tier, flags, number }
#define PB DEMO_NAT_PARTIAL_BIRTH
#define AS DEMO_NAT_ASYLUM

const demo__nation demo__nations[] = {
    N("UTO", UTOPIA, FREE90, 0, 0),
    N("KEN", EAST_AFRICA, FREE90, 0, 0),
    N("UGA", EAST_AFRICA, FREE90, 0, 0),
    N("TZA", EAST_AFRICA, FREE90, 0, 0),
    N("RWA", EAST_AFRICA, FREE90, 0, 0),
    N("BDI", EAST_AFRICA, FREE30, 0, 0),
    N("SSD", EAST_AFRICA, VISA, PB | AS, 0),
    N("COD", WEST_AFRICA, VISA, AS, 0),
    N("ETH", HORN, EVISA, 0, 0),
    N("ERI", HORN, VISA, PB | AS, 0),
    N("SOM", HORN, VISA, PB | AS, 1),
    N("SDN", ARABIC, VISA, PB | AS, 1),
    N("NGA", WEST_AFRICA, EVISA, 0, 1),
    N("GHA", WEST_AFRICA, FREE30, 0, 0),
    N("SEN", WEST_AFRICA, EVISA, 0, 0),
    N("CMR", WEST_AFRICA, VISA, 0, 0),
    N("CIV", WEST_AFRICA, EVISA, 0, 0),
    N("ZAF", SOUTHERN_AFRICA, FREE90, 0, 1),
    N("ZWE", SOUTHERN_AFRICA, FREE30, 0, 0),
    N("ZMB", SOUTHERN_AFRICA, FREE30, 0, 0),
    N("MWI", SOUTHERN_AFRICA, FREE30, 0, 0),
    N("MOZ", SOUTHERN_AFRICA, FREE30, 0, 0),
    N("BWA", SOUTHERN_AFRICA, FREE90, 0, 0),
    N("EGY", ARABIC, EVISA, 0, 1),
    N("MAR", ARABIC, EVISA, 0, 0),
    N("TUN", ARABIC, EVISA, 0, 0),
    N("SAU", ARABIC, FREE30, 0, 0),
    N("ARE", ARABIC, FREE30, 0, 0),
    N("QAT", ARABIC, FREE30, 0, 0),
    N("OMN", ARABIC, FREE30, 0, 0),
    N("JOR", ARABIC, EVISA, 0, 0),
    N("LBN", ARABIC, EVISA, 0, 0),
    N("IRQ", ARABIC, VISA, AS, 0),
    N("SYR", ARABIC, VISA, PB | AS, 0),
    N("YEM", ARABIC, VISA, PB | AS, 0),
    N("AFG", ARABIC, VISA, PB | AS, 0),
    N("IRN", ARABIC, VISA, 0, 0),
    N("TUR", TURKIC, EVISA, 0, 0),
    N("AZE", TURKIC, EVISA, 0, 0),
    N("KAZ", TURKIC, EVISA, 0, 0),
    N("GBR", ANGLO, FREE90, 0, 2),
    N("IRL", ANGLO, FREE90, 0, 0),
    N("USA", ANGLO, FREE90, 0, 2),
    N("CAN", ANGLO, FREE90, 0, 0),
    N("AUS", ANGLO, FREE90, 0, 1),
    N("NZL", ANGLO, FREE90, 0, 0),
    N("DEU", GERMANIC, FREE90, 0, 0),
    N("AUT", GERMANIC, FREE90, 0, 1),
    N("CHE", GERMANIC, FREE90, 0, 0),
    N("NLD", GERMANIC, FREE90, 0, 0),
    N("SWE", NORDIC, FREE90, 0, 2),
    N("NOR", NORDIC, FREE90, 0, 0),
    N("DNK", NORDIC, FREE90, 0, 2),
    N("FIN", NORDIC, FREE90, 0, 0),
    N("FRA", ROMANCE, FREE90, 0, 0),
    N("BEL", ROMANCE, FREE90, 0, 0),
    N("ITA", ROMANCE, FREE90, 0, 0),
    N("ROU", ROMANCE, FREE90, 0, 2),
    N("ESP", IBERIAN, FREE90, 0, 0),
    N("PRT", IBERIAN, FREE90, 0, 1),
    N("BRA", IBERIAN, FREE90, 0, 0),
    N("MEX", IBERIAN, FREE30, 0, 1),
    N("ARG", IBERIAN, FREE90, 0, 0),
    N("COL", IBERIAN, FREE30, 0, 0),
    N("POL", SLAVIC, FREE90, 0, 0),
    N("CZE", SLAVIC, FREE90, 0, 2),
    N("HRV", SLAVIC, FREE90, 0, 2),
    N("UKR", SLAVIC, FREE30, 0, 0),
    N("RUS", SLAVIC, EVISA, 0, 2),
    N("SRB", SLAVIC, FREE30, 0, 2),
    N("IND", SOUTH_ASIA, EVISA, 0, 1),
    N("PAK", SOUTH_ASIA, VISA, 0, 0),
    N("BGD", SOUTH_ASIA, VISA, 0, 0),
    N("LKA", SOUTH_ASIA, EVISA, 0, 1),
    N("NPL", SOUTH_ASIA, EVISA, 0, 2),
    N("CHN", CHINESE, EVISA, 0, 1),
    N("SGP", CHINESE, FREE90, 0, 1),
    N("JPN", JAPANESE, FREE90, 0, 0),
    N("KOR", KOREAN, FREE90, 0, 1),
    N("PHL", SE_ASIA, FREE30, 0, 1),
    N("IDN", SE_ASIA, FREE30, 0, 1),
    N("VNM", SE_ASIA, EVISA, 0, 1),
    N("THA", SE_ASIA, FREE30, 0, 0),
    N("MYS", SE_ASIA, FREE90, 0, 1),
    N("MMR", SE_ASIA, VISA, 0, 0),
};
const size_t demo__nation_count =
    sizeof demo__nations / sizeof demo__nations[0];

const char *const demo__neighbours[] = {"KEN", "UGA", "TZA", "ETH",
                                        "RWA", "SSD", "BDI", "ZMB"};
const size_t demo__neighbour_count =
    sizeof demo__neighbours / sizeof demo__neighbours[0];

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The capital's hub airport: a third nationals, the region, and the
 * world's tourists, business travellers and diaspora. */
static const demo__share mix_hub[] = {
    {"@S", 300}, {"@1", 60},  {"@2", 25},  {"@3", 30},  {"@4", 20},
    {"GBR", 55}, {"USA", 45}, {"DEU", 35}, {"FRA", 28}, {"ITA", 28},
    {"NLD", 18}, {"BEL", 8},  {"CHE", 10}, {"AUT", 5},  {"ESP", 14},
    {"PRT", 5},  {"SWE", 10}, {"NOR", 7},  {"DNK", 6},  {"FIN", 4},
    {"IRL", 5},  {"POL", 8},  {"CZE", 4},  {"ROU", 3},  {"RUS", 12},
    {"UKR", 5},  {"CAN", 14}, {"AUS", 10}, {"NZL", 3},  {"IND", 45},
    {"PAK", 8},  {"BGD", 4},  {"LKA", 3},  {"NPL", 3},  {"CHN", 40},
    {"JPN", 10}, {"KOR", 8},  {"PHL", 8},  {"IDN", 5},  {"VNM", 3},
    {"THA", 4},  {"MYS", 4},  {"SGP", 3},  {"ARE", 12}, {"SAU", 10},
    {"QAT", 4},  {"OMN", 4},  {"EGY", 10}, {"MAR", 3},  {"JOR", 2},
    {"TUR", 14}, {"IRN", 3},  {"NGA", 22}, {"GHA", 8},  {"SEN", 3},
    {"CMR", 3},  {"CIV", 2},  {"ZAF", 20}, {"ZWE", 4},  {"ZMB", 3},
    {"MWI", 3},  {"MOZ", 2},  {"BWA", 2},  {"RWA", 10}, {"BDI", 4},
    {"COD", 8},  {"SSD", 6},  {"SOM", 8},  {"ERI", 3},  {"SDN", 4},
    {"YEM", 2},  {"SYR", 2},  {"AFG", 2},  {"IRQ", 2},  {"BRA", 6},
    {"MEX", 3},  {"ARG", 2},  {"COL", 2},  {"KAZ", 1},  {"AZE", 1},
    {"HRV", 1},  {"SRB", 1},  {"TUN", 1},  {"LBN", 1},
};

/* The second airport: regional flights, mostly nationals and neighbours. */
static const demo__share mix_regional[] = {
    {"@S", 500}, {"@1", 120}, {"@2", 80},  {"@3", 80},
    {"@4", 40},  {"RWA", 30}, {"BDI", 10}, {"SSD", 20},
    {"SOM", 15}, {"ZAF", 10}, {"GBR", 10}, {"USA", 8},
    {"DEU", 6},  {"IND", 10}, {"CHN", 8},  {"ARE", 6},
};

/* A land border: nationals and the neighbour's, a few from further off. */
static const demo__share mix_land[] = {
    {"@S", 450}, {"@N", 420}, {"@1", 10}, {"@2", 10}, {"@3", 10}, {"@4", 10},
    {"RWA", 8},  {"BDI", 6},  {"SSD", 8}, {"SOM", 6}, {"COD", 6}, {"GBR", 5},
    {"DEU", 4},  {"USA", 4},  {"NLD", 2}, {"FRA", 2}, {"IND", 4}, {"CHN", 4},
};

/* The port: seafarers from the crewing nations, cruise passengers, and
 * the coast's own traffic. */
static const demo__share mix_port[] = {
    {"@S", 200}, {"@1", 40},  {"@3", 40},  {"PHL", 90}, {"IND", 60},
    {"IDN", 40}, {"UKR", 30}, {"RUS", 20}, {"CHN", 30}, {"MMR", 20},
    {"BGD", 10}, {"HRV", 10}, {"POL", 10}, {"DEU", 30}, {"GBR", 30},
    {"USA", 25}, {"ITA", 20}, {"FRA", 15}, {"NLD", 10}, {"NOR", 10},
    {"ZAF", 15}, {"OMN", 10}, {"ARE", 10}, {"SOM", 8},  {"YEM", 4},
};

/* The railway to the first neighbour. */
static const demo__share mix_rail[] = {
    {"@S", 480}, {"@N", 400}, {"@2", 20}, {"@3", 20}, {"RWA", 10}, {"SSD", 10},
    {"GBR", 8},  {"DEU", 6},  {"USA", 6}, {"IND", 6}, {"CHN", 6},  {"NLD", 4},
};

/* Profiles: occasional, frequent, commuter, crew, unaccompanied minor. */
const demo__bcp_def demo__bcps[DEMO_BCPS] = {
    {"AMA",
     "Amaurot International Airport",
     BMIS_BCP_KIND_AIR,
     0,
     36,
     mix_hub,
     COUNT(mix_hub),
     {900, 75, 0, 20, 5},
     24,
     60},
    {"UTP",
     "Utopus Regional Airport",
     BMIS_BCP_KIND_AIR,
     0,
     8,
     mix_regional,
     COUNT(mix_regional),
     {880, 100, 0, 15, 5},
     8,
     16},
    {"HYT",
     "Hythloday Bridge land border post",
     BMIS_BCP_KIND_LAND,
     1,
     15,
     mix_land,
     COUNT(mix_land),
     {820, 60, 115, 0, 5},
     8,
     18},
    {"GIL",
     "Giles Gate land border post",
     BMIS_BCP_KIND_LAND,
     2,
     10,
     mix_land,
     COUNT(mix_land),
     {820, 60, 115, 0, 5},
     6,
     14},
    {"MOR",
     "Morton Pass land border post",
     BMIS_BCP_KIND_LAND,
     3,
     9,
     mix_land,
     COUNT(mix_land),
     {820, 60, 115, 0, 5},
     6,
     14},
    {"BUS",
     "Busleyden Crossing land border post",
     BMIS_BCP_KIND_LAND,
     4,
     5,
     mix_land,
     COUNT(mix_land),
     {820, 60, 115, 0, 5},
     4,
     10},
    {"ABX",
     "Port of Abraxa",
     BMIS_BCP_KIND_SEA,
     0,
     7,
     mix_port,
     COUNT(mix_port),
     {560, 30, 0, 405, 5},
     4,
     10},
    {"ANV",
     "Anyder Valley railway border station",
     BMIS_BCP_KIND_RAIL,
     1,
     10,
     mix_rail,
     COUNT(mix_rail),
     {850, 50, 95, 0, 5},
     4,
     10},
};

/* Where nationals and residents fly to. */
const demo__share demo__destinations[] = {
    {"@1", 60},  {"@2", 20},  {"@3", 25},  {"@4", 15},  {"ARE", 50},
    {"GBR", 40}, {"IND", 30}, {"CHN", 25}, {"ZAF", 25}, {"USA", 25},
    {"SAU", 20}, {"TUR", 15}, {"DEU", 15}, {"FRA", 10}, {"EGY", 10},
    {"QAT", 10}, {"NLD", 8},  {"ITA", 8},  {"RWA", 10}, {"NGA", 8},
    {"JPN", 4},  {"THA", 6},  {"MYS", 4},
};
const size_t demo__destination_count = COUNT(demo__destinations);

/* "U7" stands for the State's own (fictional) airline. */
const demo__airline demo__airlines[] = {
    {"U7", "@S", 0},    {"KQ", "KEN", 150}, {"ET", "ETH", 150},
    {"EK", "ARE", 200}, {"QR", "QAT", 150}, {"TK", "TUR", 120},
    {"KL", "NLD", 70},  {"AF", "FRA", 50},  {"LH", "DEU", 50},
    {"BA", "GBR", 50},  {"MS", "EGY", 20},  {"WB", "RWA", 20},
    {"SA", "ZAF", 20},  {"SV", "SAU", 10},  {"AI", "IND", 0},
    {"CZ", "CHN", 0},   {"TC", "TZA", 0},   {"UR", "UGA", 0},
};
const size_t demo__airline_count = COUNT(demo__airlines);

const char *const demo__bus_lines[] = {
    "Anyder Express",   "Giles Coachlines",     "Morton Transit",
    "Lakeside Shuttle", "Savanna Star Coaches", "Busleyden Line",
};
const size_t demo__bus_line_count = COUNT(demo__bus_lines);

/* IMO numbers are made up, with a valid check digit. */
const demo__ship demo__ships[] = {
    {"Abraxa Ferries", "IMO 9526019", false},
    {"Abraxa Ferries", "IMO 9815903", false},
    {"Indian Ocean Lines", "IMO 9830161", false},
    {"Coral Cruises", "IMO 9613185", false},
    {"Azura Bulk", "IMO 9609134", true},
    {"Coral Tankers", "IMO 9909962", true},
    {"Southern Star Shipping", "IMO 9030826", true},
    {"Monsoon Container Line", "IMO 9462811", true},
};
const size_t demo__ship_count = COUNT(demo__ships);

const char *const demo__sea_routes[] = {
    "KEN", "TZA", "ZAF", "IND", "OMN", "ARE",
    "MOZ", "MDG", "SYC", "MUS", "SGP", "EGY",
};
const size_t demo__sea_route_count = COUNT(demo__sea_routes);
