/* translit.c - ASCII transliteration: a small table for what Unicode
 * decomposition does not cover, NFD/NFKD for the rest. */
#include "config.h"

#include <string.h>

#include <unictype.h>
#include <uninorm.h>

#include "translit.h"

struct translit_entry {
	uint32_t c;
	const char *ascii;
};

/* Sorted by code point: looked up by binary search. */
static const struct translit_entry translit_table[] = {
    {0x00A0, " "},   {0x00A1, "!"},   {0x00A2, "c"},   {0x00A3, "GBP"}, {0x00A4, "?"},
    {0x00A5, "JPY"}, {0x00A6, "|"},   {0x00A7, "S"},   {0x00A9, "(c)"}, {0x00AB, "\""},
    {0x00AC, "!"},   {0x00AE, "(R)"}, {0x00B0, "o"},   {0x00B1, "+/-"}, {0x00B5, "u"},
    {0x00B6, "P"},   {0x00B7, "."},   {0x00BB, "\""},  {0x00BC, "1/4"}, {0x00BD, "1/2"},
    {0x00BE, "3/4"}, {0x00BF, "?"},   {0x00C6, "AE"},  {0x00D0, "D"},	{0x00D7, "x"},
    {0x00D8, "O"},   {0x00DE, "TH"},  {0x00DF, "ss"},  {0x00E6, "ae"},	{0x00F0, "d"},
    {0x00F7, "/"},   {0x00F8, "o"},   {0x00FE, "th"},  {0x0110, "D"},	{0x0111, "d"},
    {0x0126, "H"},   {0x0127, "h"},   {0x0131, "i"},   {0x0138, "q"},	{0x0141, "L"},
    {0x0142, "l"},   {0x014A, "NG"},  {0x014B, "ng"},  {0x0152, "OE"},	{0x0153, "oe"},
    {0x0166, "T"},   {0x0167, "t"},   {0x0180, "b"},   {0x0192, "f"},	{0x01C0, "|"},
    {0x0237, "j"},   {0x02B9, "'"},   {0x02BA, "\""},  {0x02BB, "'"},	{0x02BC, "'"},
    {0x02C6, "^"},   {0x02C8, "'"},   {0x02DC, "~"},   {0x2010, "-"},	{0x2011, "-"},
    {0x2012, "-"},   {0x2013, "-"},   {0x2014, "-"},   {0x2015, "-"},	{0x2016, "||"},
    {0x2018, "'"},   {0x2019, "'"},   {0x201A, "'"},   {0x201B, "'"},	{0x201C, "\""},
    {0x201D, "\""},  {0x201E, "\""},  {0x201F, "\""},  {0x2020, "+"},	{0x2022, "*"},
    {0x2026, "..."}, {0x2030, "%o"},  {0x2032, "'"},   {0x2033, "\""},	{0x2039, "<"},
    {0x203A, ">"},   {0x2044, "/"},   {0x20AC, "EUR"}, {0x2116, "No"},	{0x2122, "TM"},
    {0x2190, "<-"},  {0x2192, "->"},  {0x2194, "<->"}, {0x21D2, "=>"},	{0x2212, "-"},
    {0x2215, "/"},   {0x2217, "*"},   {0x2219, "."},   {0x221E, "oo"},	{0x2248, "~"},
    {0x2260, "!="},  {0x2264, "<="},  {0x2265, ">="},  {0x2500, "-"},	{0x2502, "|"},
    {0x25AA, "*"},   {0x25CF, "*"},   {0x2713, "v"},   {0x3000, " "},	{0xFFFD, "?"},
};

/* Returns the table's transliteration of c, or NULL. */
static const char *
translit_lookup(uint32_t c)
{
	size_t lo = 0, hi = sizeof translit_table / sizeof translit_table[0];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (translit_table[mid].c == c)
			return translit_table[mid].ascii;
		if (translit_table[mid].c < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Appends c's ASCII form to out[*n..]; returns 0 when c has none or it does
 * not fit.  Recursion follows decompositions, which are at most a few levels. */
static int
translit_append(uint32_t c, char out[TRANSLIT_MAX], size_t *n, int depth)
{
	ucs4_t parts[UC_DECOMPOSITION_MAX_LENGTH];
	const char *ascii;
	int tag, count;

	if (c < 0x80) {
		if (c < 0x20 || c == 0x7f || *n + 1 >= TRANSLIT_MAX)
			return 0;
		out[(*n)++] = (char)c;
		return 1;
	}
	ascii = translit_lookup(c);
	if (ascii) {
		size_t len = strlen(ascii);

		if (*n + len >= TRANSLIT_MAX)
			return 0;
		memcpy(out + *n, ascii, len);
		*n += len;
		return 1;
	}
	/* Marks vanish: the base letter carries the meaning in ASCII. */
	if (uc_combining_class(c) != 0 || uc_is_general_category(c, UC_NON_SPACING_MARK))
		return 1;
	if (depth > 4)
		return 0;
	count = uc_decomposition(c, &tag, parts);
	if (count <= 0)
		return 0;
	for (int i = 0; i < count; i++)
		if (!translit_append(parts[i], out, n, depth + 1))
			return 0;
	return 1;
}

/* "?" when any part of c has no ASCII form. */
size_t
translit_codepoint(uint32_t c, char out[TRANSLIT_MAX])
{
	size_t n = 0;

	if (!translit_append(c, out, &n, 0)) {
		out[0] = '?';
		n = 1;
	}
	out[n] = '\0';
	return n;
}
