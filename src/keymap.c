/* keymap.c - the key binding table (see keymap.h). */
#include "config.h"

#include <curses.h>

#include "keymap.h"

#define G KEYMAP_GLOBAL
#define L KEYMAP_LIST
#define R KEYMAP_READER
#define F KEYMAP_FILTER

/* Rows that share an action are listed together; the help screen joins
 * their key names on one line. */
static const struct keymap_entry table[] = {
    {'j', G, ACT_LINE_DOWN, "j", "ligne suivante / document suivant"},
    {KEYMAP_FN(KEY_DOWN), G, ACT_LINE_DOWN, "Bas", NULL},
    {'k', G, ACT_LINE_UP, "k", "ligne précédente / document précédent"},
    {KEYMAP_FN(KEY_UP), G, ACT_LINE_UP, "Haut", NULL},
    {KEYMAP_CTRL('d'), G, ACT_HALF_DOWN, "Ctrl-D", "demi-page suivante"},
    {KEYMAP_CTRL('u'), G, ACT_HALF_UP, "Ctrl-U", "demi-page précédente"},
    {KEYMAP_FN(KEY_NPAGE), G, ACT_PAGE_DOWN, "PgDn", "page suivante"},
    {' ', G, ACT_PAGE_DOWN, "Espace", NULL},
    {KEYMAP_FN(KEY_PPAGE), G, ACT_PAGE_UP, "PgUp", "page précédente"},
    {'b', G, ACT_PAGE_UP, "b", NULL},
    {'g', G, ACT_TOP, "g", "début"},
    {KEYMAP_FN(KEY_HOME), G, ACT_TOP, "Début", NULL},
    {'G', G, ACT_BOTTOM, "G", "fin"},
    {KEYMAP_FN(KEY_END), G, ACT_BOTTOM, "Fin", NULL},
    {'\t', G, ACT_SWITCH_PANE, "Tab", "changer de panneau"},
    {KEYMAP_FN(KEY_LEFT), G, ACT_FOCUS_LIST, "Gauche", "aller à la liste"},
    {KEYMAP_FN(KEY_RIGHT), G, ACT_FOCUS_READER, "Droite", "aller au document"},
    {'\r', L, ACT_OPEN, "Entrée", "ouvrir le document sélectionné"},
    {'\n', L, ACT_OPEN, NULL, NULL},
    {KEYMAP_FN(KEY_ENTER), L, ACT_OPEN, NULL, NULL},
    {'n', R, ACT_NEXT_MATCH, "n", "passage correspondant suivant"},
    {'N', R, ACT_PREV_MATCH, "N", "passage correspondant précédent"},
    {'/', G, ACT_FILTER, "/", "filtrer (mots, \"phrase\", -mot, de:, type:, annee:, cite:)"},
    {27, G, ACT_ESCAPE, "Échap", "effacer le filtre / revenir à la liste"},
    {'v', G, ACT_TOGGLE_LAYOUT, "v", "liste au-dessus / côte à côte"},
    {'?', G, ACT_HELP, "?", "cette aide"},
    {KEYMAP_CTRL('l'), G, ACT_REDRAW, "Ctrl-L", "redessiner l'écran"},
    {'q', G, ACT_QUIT, "q", "quitter"},

    {'\r', F, ACT_EDIT_ACCEPT, "Entrée", "ouvrir le document sélectionné"},
    {'\n', F, ACT_EDIT_ACCEPT, NULL, NULL},
    {KEYMAP_FN(KEY_ENTER), F, ACT_EDIT_ACCEPT, NULL, NULL},
    {27, F, ACT_EDIT_CANCEL, "Échap", "effacer le filtre et quitter la barre"},
    {'\t', F, ACT_EDIT_LEAVE, "Tab", "garder le filtre, aller à la liste"},
    {KEYMAP_FN(KEY_BACKSPACE), F, ACT_EDIT_BACKSPACE, "Retour", "effacer le caractère précédent"},
    {127, F, ACT_EDIT_BACKSPACE, NULL, NULL},
    {KEYMAP_CTRL('h'), F, ACT_EDIT_BACKSPACE, NULL, NULL},
    {KEYMAP_FN(KEY_DC), F, ACT_EDIT_DELETE, "Suppr", "effacer le caractère suivant"},
    {KEYMAP_CTRL('w'), F, ACT_EDIT_KILL_WORD, "Ctrl-W", "effacer le mot précédent"},
    {KEYMAP_CTRL('u'), F, ACT_EDIT_KILL_LINE, "Ctrl-U", "effacer toute la ligne"},
    {KEYMAP_FN(KEY_LEFT), F, ACT_EDIT_LEFT, "Gauche", "curseur à gauche"},
    {KEYMAP_FN(KEY_RIGHT), F, ACT_EDIT_RIGHT, "Droite", "curseur à droite"},
    {KEYMAP_FN(KEY_HOME), F, ACT_EDIT_HOME, "Début", "début de la ligne"},
    {KEYMAP_CTRL('a'), F, ACT_EDIT_HOME, "Ctrl-A", NULL},
    {KEYMAP_FN(KEY_END), F, ACT_EDIT_END, "Fin", "fin de la ligne"},
    {KEYMAP_CTRL('e'), F, ACT_EDIT_END, "Ctrl-E", NULL},
    {KEYMAP_FN(KEY_DOWN), F, ACT_EDIT_SELECT_DOWN, "Bas", "document suivant dans la liste"},
    {KEYMAP_FN(KEY_UP), F, ACT_EDIT_SELECT_UP, "Haut", "document précédent dans la liste"},
};

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

/* Finds the help text of an action. */
const char *
keymap_action_help(enum keymap_action action)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].action == action && table[i].help)
			return table[i].help;
	return "";
}
