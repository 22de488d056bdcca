/* keymap.h - the one table of key bindings.
 *
 * Every key the screen understands is a row of this table: the key, where it
 * applies, the action it triggers and its help text.  The `?` help screen is
 * generated from the same table, so it cannot disagree with the keymap. */
#ifndef LISEUSE_KEYMAP_H
#define LISEUSE_KEYMAP_H

#include <stddef.h>

#include "util.h"

/* Keys as the loop sees them: a character (code point, >= 0) or a curses
 * function key stored negated (KEYMAP_FN(KEY_DOWN)), so the two never clash. */
#define KEYMAP_FN(code) (-(int)(code))
#define KEYMAP_CTRL(c) ((c)&0x1f)

enum keymap_context {
	KEYMAP_GLOBAL = 1 << 0, /* list and reader */
	KEYMAP_LIST = 1 << 1,
	KEYMAP_READER = 1 << 2,
	KEYMAP_FILTER = 1 << 3, /* while typing in the filter bar */
	KEYMAP_HELP = 1 << 4,	/* the help screen */
};

enum keymap_action {
	ACT_NONE = 0,
	ACT_QUIT,
	ACT_HELP,
	ACT_REDRAW,
	ACT_FILTER,
	ACT_TOGGLE_LAYOUT,
	ACT_SWITCH_PANE,
	ACT_FOCUS_LIST,
	ACT_FOCUS_READER,
	ACT_LINE_DOWN,
	ACT_LINE_UP,
	ACT_HALF_DOWN,
	ACT_HALF_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_OPEN,
	ACT_NEXT_MATCH,
	ACT_PREV_MATCH,
	ACT_ESCAPE,
	ACT_BACK,	  /* leave the reader for the list */
	ACT_PAGE_OR_NEXT, /* a page down, or the next document at the end */
	ACT_INFO,	  /* say where the selection or the reading is */
	/* links, bookmarks, outline, copy */
	ACT_LINK_NEXT,
	ACT_LINK_PREV,
	ACT_FOLLOW,
	ACT_HISTORY_BACK,
	ACT_HISTORY_FORWARD,
	ACT_CITED_BY,
	ACT_GOTO_SYMBOL,
	ACT_MARK,
	ACT_MARKS,
	ACT_OUTLINE,
	ACT_COPY,
	ACT_COPY_REFERENCE,
	ACT_PIPE,
	/* the search's order, facets and suggestions */
	ACT_TOGGLE_ORDER,
	ACT_FACET,		 /* the facet value numbered by the key (1 to 9) */
	ACT_ACCEPT_SUGGESTION,
	/* filter bar editing */
	ACT_EDIT_ACCEPT,
	ACT_EDIT_CANCEL,
	ACT_EDIT_BACKSPACE,
	ACT_EDIT_DELETE,
	ACT_EDIT_KILL_WORD,
	ACT_EDIT_KILL_LINE,
	ACT_EDIT_LEFT,
	ACT_EDIT_RIGHT,
	ACT_EDIT_HOME,
	ACT_EDIT_END,
	ACT_EDIT_LEAVE,
	ACT_EDIT_SELECT_DOWN,
	ACT_EDIT_SELECT_UP,
};

struct keymap_entry {
	int key;	   /* see KEYMAP_FN */
	unsigned contexts; /* enum keymap_context bits */
	enum keymap_action action;
	const char *name; /* how the help screen writes the key, N_() where a word */
	const char *help; /* help text, N_() (English); NULL: same as the row above */
	const char *hint; /* a word for the status line, N_(), or NULL: not shown there;
			   * the actions of keymap.c's situational table show
			   * theirs only in their situation */
};

/* Situations in which some keys' hints show (keymap_hints_when). */
enum keymap_when {
	KEYMAP_WHEN_FACETS = 1 << 0,	 /* the facet line shows numbered values */
	/* (in the filter bar, where digits are typed, Tab's hint says how to
	 * reach them) */
	KEYMAP_WHEN_SUGGESTION = 1 << 1, /* the status line suggests a word */
};

/* Returns the action bound to key in context (a KEYMAP_GLOBAL binding
 * applies in the list and the reader), or ACT_NONE. */
enum keymap_action keymap_lookup(int key, enum keymap_context context);

/* The table itself, for the help screen: *count gets its length. */
const struct keymap_entry *keymap_table(size_t *count);

/* Appends the status line's hints of a context to out, "key:word" joined
 * by spaces in the table's order: the context's rows and (for the list and
 * the reader) the global ones it does not override. */
void keymap_hints(enum keymap_context context, struct strbuf *out);
/* Appends only the hints of the keys that matter in the situations `when`
 * (KEYMAP_WHEN_* bits), in the same form. */
void keymap_hints_when(enum keymap_context context, unsigned when, struct strbuf *out);

#endif
