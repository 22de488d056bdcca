/* test_keymap.c - the key table: lookups per context and help coverage. */
#include "config.h"

#include <curses.h>
#include <stdbool.h>

#include "keymap.h"
#include "unit.h"

int
main(void)
{
	size_t count;
	const struct keymap_entry *t = keymap_table(&count);

	CHECK_INT(keymap_lookup('j', KEYMAP_LIST), ACT_LINE_DOWN);
	CHECK_INT(keymap_lookup('j', KEYMAP_READER), ACT_LINE_DOWN);
	CHECK_INT(keymap_lookup(KEYMAP_FN(KEY_DOWN), KEYMAP_READER), ACT_LINE_DOWN);
	CHECK_INT(keymap_lookup('\r', KEYMAP_LIST), ACT_OPEN);
	CHECK_INT(keymap_lookup('\r', KEYMAP_FILTER), ACT_EDIT_ACCEPT);
	CHECK_INT(keymap_lookup('n', KEYMAP_READER), ACT_NEXT_MATCH);
	CHECK_INT(keymap_lookup('n', KEYMAP_LIST), ACT_NONE);
	/* While typing, letters are text, not commands. */
	CHECK_INT(keymap_lookup('q', KEYMAP_FILTER), ACT_NONE);
	CHECK_INT(keymap_lookup('j', KEYMAP_FILTER), ACT_NONE);
	CHECK_INT(keymap_lookup(KEYMAP_CTRL('u'), KEYMAP_FILTER), ACT_EDIT_KILL_LINE);
	CHECK_INT(keymap_lookup(KEYMAP_CTRL('u'), KEYMAP_READER), ACT_HALF_UP);
	CHECK_INT(keymap_lookup(27, KEYMAP_FILTER), ACT_EDIT_CANCEL);
	CHECK_INT(keymap_lookup(27, KEYMAP_LIST), ACT_ESCAPE);
	CHECK_INT(keymap_lookup(0x153, KEYMAP_LIST), ACT_NONE); /* œ is not KEY_DOWN */
	/* Every row has an action, and a help text of its own or the row
	 * above's with the same action. */
	for (size_t i = 0; i < count; i++) {
		bool helped = t[i].help && t[i].help[0];
		CHECK(t[i].action != ACT_NONE);
		for (size_t j = i; !helped && j-- > 0 && t[j].action == t[i].action;)
			helped = t[j].help && t[j].help[0];
		if (!helped)
			fprintf(stderr, "row %zu (%s) has no help\n", i, t[i].name ? t[i].name : "?");
		CHECK(helped);
	}
	/* The status line's hints come from the table, per context. */
	struct strbuf sb = STRBUF_INIT;
	keymap_hints(KEYMAP_FILTER, &sb);
	CHECK_STR(strbuf_str(&sb), "Enter:open Esc:clear");
	strbuf_reset(&sb);
	/* Digits are typed in the filter bar: with facets, Tab says the way. */
	CHECK_INT(keymap_lookup('1', KEYMAP_FILTER), ACT_NONE);
	CHECK_INT(keymap_lookup('1', KEYMAP_LIST), ACT_FACET);
	CHECK_INT(keymap_lookup('9', KEYMAP_READER), ACT_FACET);
	keymap_hints_when(KEYMAP_FILTER, KEYMAP_WHEN_FACETS, &sb);
	CHECK_STR(strbuf_str(&sb), "Tab:list, then 1-9");
	strbuf_reset(&sb);
	keymap_hints_when(KEYMAP_LIST, KEYMAP_WHEN_FACETS, &sb);
	CHECK_STR(strbuf_str(&sb), "1:narrow");
	strbuf_reset(&sb);
	keymap_hints(KEYMAP_LIST, &sb);
	CHECK(strstr(strbuf_str(&sb), "/:filter") != NULL);
	CHECK(strstr(strbuf_str(&sb), "?:help") != NULL);
	CHECK(strstr(strbuf_str(&sb), "clear") == NULL);
	strbuf_release(&sb);
	/* No key is bound twice in the same context. */
	for (size_t i = 0; i < count; i++)
		for (size_t j = i + 1; j < count; j++)
			CHECK(!(t[i].key == t[j].key && (t[i].contexts & t[j].contexts)));
	return unit_done("test_keymap");
}
