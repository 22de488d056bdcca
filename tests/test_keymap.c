/* test_keymap.c - the key table: lookups per context and help coverage. */
#include "config.h"

#include <curses.h>

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
	/* Every action appears with a help text and a key name. */
	for (size_t i = 0; i < count; i++) {
		CHECK(t[i].action != ACT_NONE);
		CHECK(keymap_action_help(t[i].action)[0] != '\0');
	}
	/* No key is bound twice in the same context. */
	for (size_t i = 0; i < count; i++)
		for (size_t j = i + 1; j < count; j++)
			CHECK(!(t[i].key == t[j].key && (t[i].contexts & t[j].contexts)));
	return unit_done("test_keymap");
}
