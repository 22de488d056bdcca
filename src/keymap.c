/* keymap.c - the key binding table (see keymap.h). */
#include "config.h"

#include <curses.h>

#include "i18n.h"
#include "keymap.h"

#define G KEYMAP_GLOBAL
#define L KEYMAP_LIST
#define R KEYMAP_READER
#define F KEYMAP_FILTER

/* Rows that share an action are listed together; the help screen joins
 * their key names on one line. */
static const struct keymap_entry table[] = {
    {'j', G, ACT_LINE_DOWN, "j", N_("next line / next document"), NULL},
    {KEYMAP_FN(KEY_DOWN), G, ACT_LINE_DOWN, N_("Down"), NULL, NULL},
    {KEYMAP_CTRL('e'), G, ACT_LINE_DOWN, "Ctrl-E", NULL, NULL},
    {'k', G, ACT_LINE_UP, "k", N_("previous line / previous document"), NULL},
    {KEYMAP_FN(KEY_UP), G, ACT_LINE_UP, N_("Up"), NULL, NULL},
    {KEYMAP_CTRL('y'), G, ACT_LINE_UP, "Ctrl-Y", NULL, NULL},
    {KEYMAP_CTRL('d'), G, ACT_HALF_DOWN, "Ctrl-D", N_("next half page"), NULL},
    {'d', G, ACT_HALF_DOWN, "d", NULL, NULL},
    {KEYMAP_CTRL('u'), G, ACT_HALF_UP, "Ctrl-U", N_("previous half page"), NULL},
    {'u', G, ACT_HALF_UP, "u", NULL, NULL},
    {KEYMAP_FN(KEY_NPAGE), G, ACT_PAGE_DOWN, N_("PgDn"), N_("next page"), NULL},
    {' ', G, ACT_PAGE_DOWN, N_("Space"), NULL, NULL},
    {'f', G, ACT_PAGE_DOWN, "f", NULL, NULL},
    {KEYMAP_CTRL('f'), G, ACT_PAGE_DOWN, "Ctrl-F", NULL, NULL},
    {KEYMAP_FN(KEY_PPAGE), G, ACT_PAGE_UP, N_("PgUp"), N_("previous page"), NULL},
    {'b', G, ACT_PAGE_UP, "b", NULL, NULL},
    {KEYMAP_CTRL('b'), G, ACT_PAGE_UP, "Ctrl-B", NULL, NULL},
    {'g', G, ACT_TOP, "g", N_("top"), NULL},
    {'<', G, ACT_TOP, "<", NULL, NULL},
    {KEYMAP_FN(KEY_HOME), G, ACT_TOP, N_("Home"), NULL, NULL},
    {'G', G, ACT_BOTTOM, "G", N_("bottom"), NULL},
    {'>', G, ACT_BOTTOM, ">", NULL, NULL},
    {KEYMAP_FN(KEY_END), G, ACT_BOTTOM, N_("End"), NULL, NULL},
    {'=', G, ACT_INFO, "=", N_("where am I: position and size"), NULL},
    {'\t', G, ACT_SWITCH_PANE, N_("Tab"), N_("switch panes"), NULL},
    {KEYMAP_FN(KEY_LEFT), G, ACT_FOCUS_LIST, N_("Left"), N_("go to the list"), NULL},
    {'h', G, ACT_FOCUS_LIST, "h", NULL, NULL},
    {KEYMAP_FN(KEY_RIGHT), G, ACT_FOCUS_READER, N_("Right"), N_("go to the document"), NULL},
    {'l', G, ACT_FOCUS_READER, "l", NULL, NULL},
    {'\r', L, ACT_OPEN, N_("Enter"), N_("open the selected document"), N_("open")},
    {'\n', L, ACT_OPEN, NULL, NULL, NULL},
    {KEYMAP_FN(KEY_ENTER), L, ACT_OPEN, NULL, NULL, NULL},
    {27, L, ACT_ESCAPE, N_("Esc"), N_("clear the filter"), NULL},
    {' ', R, ACT_PAGE_OR_NEXT, N_("Space"), N_("next page; at the end, the next document"), NULL},
    {']', R, ACT_LINK_NEXT, "]", N_("select the next link (symbol, resolution)"), NULL},
    {'[', R, ACT_LINK_PREV, "[", N_("select the previous link"), NULL},
    {'\r', R, ACT_FOLLOW, N_("Enter"), N_("follow the selected link; in a list, open there"), NULL},
    {'\n', R, ACT_FOLLOW, NULL, NULL, NULL},
    {KEYMAP_FN(KEY_ENTER), R, ACT_FOLLOW, NULL, NULL, NULL},
    {KEYMAP_FN(KEY_BACKSPACE), R, ACT_HISTORY_BACK, N_("Backspace"), N_("go back to where a link was followed from"), NULL},
    {127, R, ACT_HISTORY_BACK, NULL, NULL, NULL},
    {KEYMAP_CTRL('h'), R, ACT_HISTORY_BACK, NULL, NULL, NULL},
    {'F', R, ACT_HISTORY_FORWARD, "F", N_("go forward again (after Backspace)"), NULL},
    {'c', R, ACT_CITED_BY, "c", N_("filter on the documents citing this one (cite:SYMBOL)"), NULL},
    {'m', R, ACT_MARK, "m", N_("set or remove a bookmark on the paragraph at the top"), NULL},
    {'t', R, ACT_OUTLINE, "t", N_("outline: headings, numbered paragraphs, annexes"), NULL},
    {'y', R, ACT_COPY, "y", N_("copy a citation of the passage at the top (OSC 52)"), NULL},
    {'Y', R, ACT_COPY_REFERENCE, "Y", N_("copy the document's reference"), NULL},
    {'|', R, ACT_PIPE, "|", N_("pipe the document as plain text to a command"), NULL},
    {'n', R, ACT_NEXT_MATCH, "n", N_("next matching passage"), NULL},
    {'N', R, ACT_PREV_MATCH, "N", N_("previous matching passage"), NULL},
    {27, R, ACT_BACK, N_("Esc"), N_("back to the list (the filter stays)"), N_("list")},
    {'q', R, ACT_BACK, "q", NULL, NULL},
    {'/', G, ACT_FILTER, "/", N_("filter (words, \"phrase\", -word, de:, type:, annee:, cite:)"),
     N_("filter")},
    {'v', G, ACT_TOGGLE_LAYOUT, "v", N_("list above / side by side"), NULL},
    {'o', G, ACT_TOGGLE_ORDER, "o", N_("order: newest first or by relevance"), NULL},
    {'1', G, ACT_FACET, "1", N_("add value N of the facet line to the filter"), N_("narrow")},
    {'2', G, ACT_FACET, "2", NULL, NULL},
    {'3', G, ACT_FACET, "3", NULL, NULL},
    {'4', G, ACT_FACET, "4", NULL, NULL},
    {'5', G, ACT_FACET, "5", NULL, NULL},
    {'6', G, ACT_FACET, "6", NULL, NULL},
    {'7', G, ACT_FACET, "7", NULL, NULL},
    {'8', G, ACT_FACET, "8", NULL, NULL},
    {'9', G, ACT_FACET, "9", NULL, NULL},
    {'s', G, ACT_ACCEPT_SUGGESTION, "s", N_("take the suggested word (a word that finds nothing)"),
     N_("try")},
    {':', G, ACT_GOTO_SYMBOL, ":", N_("open a document by its symbol (S/2010/84, 1540)"), NULL},
    {'\'', G, ACT_MARKS, "'", N_("list the bookmarks"), NULL},
    {'?', G, ACT_HELP, "?", N_("this help"), N_("help")},
    {KEYMAP_CTRL('l'), G, ACT_REDRAW, "Ctrl-L", N_("redraw the screen"), NULL},
    {'q', L, ACT_QUIT, "q", N_("quit"), N_("quit")},
    {'Q', G, ACT_QUIT, "Q", N_("quit, from anywhere"), NULL},

    {'\r', F, ACT_EDIT_ACCEPT, N_("Enter"), N_("open the selected document"), N_("open")},
    {'\n', F, ACT_EDIT_ACCEPT, NULL, NULL, NULL},
    {KEYMAP_FN(KEY_ENTER), F, ACT_EDIT_ACCEPT, NULL, NULL, NULL},
    {27, F, ACT_EDIT_CANCEL, N_("Esc"), N_("clear the filter and leave the bar"), N_("clear")},
    {'\t', F, ACT_EDIT_LEAVE, N_("Tab"),
     N_("keep the filter, go to the list (there 1 to 9 pick a facet; here digits are typed)"),
     N_("list, then 1-9")},
    {KEYMAP_FN(KEY_BACKSPACE), F, ACT_EDIT_BACKSPACE, N_("Backspace"), N_("delete the previous character"), NULL},
    {127, F, ACT_EDIT_BACKSPACE, NULL, NULL, NULL},
    {KEYMAP_CTRL('h'), F, ACT_EDIT_BACKSPACE, NULL, NULL, NULL},
    {KEYMAP_FN(KEY_DC), F, ACT_EDIT_DELETE, N_("Delete"), N_("delete the next character"), NULL},
    {KEYMAP_CTRL('w'), F, ACT_EDIT_KILL_WORD, "Ctrl-W", N_("delete the previous word"), NULL},
    {KEYMAP_CTRL('u'), F, ACT_EDIT_KILL_LINE, "Ctrl-U", N_("delete the whole line"), NULL},
    {KEYMAP_FN(KEY_LEFT), F, ACT_EDIT_LEFT, N_("Left"), N_("cursor left"), NULL},
    {KEYMAP_FN(KEY_RIGHT), F, ACT_EDIT_RIGHT, N_("Right"), N_("cursor right"), NULL},
    {KEYMAP_FN(KEY_HOME), F, ACT_EDIT_HOME, N_("Home"), N_("start of the line"), NULL},
    {KEYMAP_CTRL('a'), F, ACT_EDIT_HOME, "Ctrl-A", NULL, NULL},
    {KEYMAP_FN(KEY_END), F, ACT_EDIT_END, N_("End"), N_("end of the line"), NULL},
    {KEYMAP_CTRL('e'), F, ACT_EDIT_END, "Ctrl-E", NULL, NULL},
    {KEYMAP_FN(KEY_DOWN), F, ACT_EDIT_SELECT_DOWN, N_("Down"), N_("next document in the list"), NULL},
    {KEYMAP_FN(KEY_UP), F, ACT_EDIT_SELECT_UP, N_("Up"), N_("previous document in the list"), NULL},
    {KEYMAP_CTRL('t'), F, ACT_ACCEPT_SUGGESTION, "Ctrl-T",
     N_("take the suggested word (a word that finds nothing)"), N_("try")},
};

/* The actions whose hints show only in a situation (keymap_hints_when). */
static const struct {
	enum keymap_action action;
	unsigned when;
} situational[] = {
    {ACT_FACET, KEYMAP_WHEN_FACETS},
    {ACT_EDIT_LEAVE, KEYMAP_WHEN_FACETS}, /* the filter bar's way to the digits */
    {ACT_ACCEPT_SUGGESTION, KEYMAP_WHEN_SUGGESTION},
};

/* The situation in which the hint of action shows, 0: always. */
static unsigned
when_of(enum keymap_action action)
{
	for (size_t i = 0; i < sizeof situational / sizeof situational[0]; i++)
		if (situational[i].action == action)
			return situational[i].when;
	return 0;
}

/* Finds the binding of key in context. */
enum keymap_action
keymap_lookup(int key, enum keymap_context context)
{
	unsigned want = context;

	if (context == KEYMAP_LIST || context == KEYMAP_READER)
		want |= KEYMAP_GLOBAL;
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (table[i].key != key || !(table[i].contexts & want))
			continue;
		/* A pane's own binding wins over a global one with the same key. */
		if (table[i].contexts == KEYMAP_GLOBAL) {
			for (size_t j = i + 1; j < sizeof table / sizeof table[0]; j++)
				if (table[j].key == key && (table[j].contexts & context))
					return table[j].action;
		}
		return table[i].action;
	}
	return ACT_NONE;
}

/* Exposes the table to the help screen. */
const struct keymap_entry *
keymap_table(size_t *count)
{
	*count = sizeof table / sizeof table[0];
	return table;
}

/* True when row i is overridden in context by a pane's own row. */
static bool
overridden(size_t i, enum keymap_context context)
{
	for (size_t j = 0; j < sizeof table / sizeof table[0]; j++)
		if (j != i && table[j].key == table[i].key && (table[j].contexts & context))
			return true;
	return false;
}

/* The hints of the rows shown always (when 0) or in the situations when. */
static void
hints(enum keymap_context context, unsigned when, struct strbuf *out)
{
	bool pane = context == KEYMAP_LIST || context == KEYMAP_READER;

	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		const struct keymap_entry *e = &table[i];
		bool global = pane && e->contexts == KEYMAP_GLOBAL;

		if (!e->hint || !((e->contexts & context) || global))
			continue;
		if (when ? !(when_of(e->action) & when) : when_of(e->action) != 0)
			continue;
		if (global && overridden(i, context))
			continue;
		if (out->len)
			strbuf_addch(out, ' ');
		strbuf_addf(out, "%s:%s", _(e->name), _(e->hint));
	}
}

void
keymap_hints(enum keymap_context context, struct strbuf *out)
{
	hints(context, 0, out);
}

void
keymap_hints_when(enum keymap_context context, unsigned when, struct strbuf *out)
{
	if (when)
		hints(context, when, out);
}
