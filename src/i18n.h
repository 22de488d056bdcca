/* i18n.h - translated messages (GNU gettext, domain "liseuse").
 *
 * Every string a person reads is written in English in the source and goes
 * through _() (or N_() in a table, translated where it is used, and
 * i18n_ngettext() when it depends on a count).  A document's own text and
 * metadata values are never passed through these.  Under a locale whose
 * character set is not UTF-8 the messages come back transliterated to ASCII,
 * as the documents' text is on the screen. */
#ifndef LISEUSE_I18N_H
#define LISEUSE_I18N_H

#include <libintl.h>

/* Binds the message catalogue (LISEUSE_LOCALEDIR when set, else the
 * installed one) and notes whether the locale is UTF-8.  Called once by
 * main() after setlocale(); before it, _() returns the English string. */
void i18n_init(void);

/* Returns the translation of msgid in the current locale (msgid itself when
 * there is none), transliterated to ASCII under a non-UTF-8 locale.  The
 * result lives as long as the program; never NULL. */
const char *i18n_gettext(const char *msgid) __attribute__((format_arg(1)));

/* Returns the translation of singular or plural according to n, as
 * i18n_gettext() does. */
const char *i18n_ngettext(const char *singular, const char *plural, unsigned long n)
    __attribute__((format_arg(1))) __attribute__((format_arg(2)));

/* Returns true when messages are transliterated (the locale is not UTF-8). */
int i18n_ascii(void);

#define _(msgid) i18n_gettext(msgid)
/* Marks a string for translation where it is defined (a table); it is
 * translated with _() where it is used. */
#define N_(msgid) msgid

#endif
