/* ui_suggest.c - a correction for a filter word that finds nothing,
 * shown in the status line ("no result for « securiter » — try
 * « sécurité »") with a key that puts it in the filter.
 *
 * It is looked for in idle time, once the list has come back empty, from
 * the snapshot's vocabulary and the French dictionary (store_suggest). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "sanitize.h"
#include "ui_priv.h"

/* The pause after a change of the filter before looking: a word being
 * typed finds nothing for a while. */
#define SUGGEST_DELAY_MS 300

struct suggest_state {
	bool pending;
	long due_ms;
	char *word; /* the word as typed, owned; NULL: no suggestion */
	char *fix;  /* what to type instead, owned */
};

struct suggest_state *
suggest_new(void)
{
	return xcalloc(1, sizeof(struct suggest_state));
}

static void
suggest_clear(struct suggest_state *s)
{
	free(s->word);
	free(s->fix);
	s->word = s->fix = NULL;
	s->pending = false;
}

void
suggest_free(struct suggest_state *s)
{
	if (!s)
		return;
	suggest_clear(s);
	free(s);
}

void
suggest_set_query(struct ui *ui, const struct query *q)
{
	struct suggest_state *s = ui->suggest;

	suggest_clear(s);
	for (size_t i = 0; q && i < q->nterms; i++)
		if (!q->terms[i].exclude && !q->terms[i].phrase && q->terms[i].ntokens == 1)
			s->pending = true;
	s->due_ms = ui_monotonic_ms() + SUGGEST_DELAY_MS;
}

int
suggest_idle_timeout(const struct ui *ui)
{
	long left;

	if (!ui->suggest->pending)
		return -1;
	left = ui->suggest->due_ms - ui_monotonic_ms();
	return left > 0 ? (int)left : 0;
}

void
suggest_idle(struct ui *ui)
{
	struct suggest_state *s = ui->suggest;
	struct query q;

	if (!s->pending || suggest_idle_timeout(ui) > 0 || list_busy(ui))
		return;
	s->pending = false;
	if (!list_found_none(ui))
		return;
	/* Every word whole, the last one too: "securiter", not "securiter*". */
	if (query_parse(filter_text(ui), 0, &q) < 0) {
		query_release(&q);
		return;
	}
	store_set_dictionary(ui->store, true);
	for (size_t i = 0; i < q.nterms && !s->fix; i++) {
		const struct query_term *t = &q.terms[i];
		char *fix = t->typed ? store_suggest(ui->store, t) : NULL;

		if (fix) {
			s->word = xstrdup(t->typed);
			s->fix = fix;
		}
	}
	store_set_dictionary(ui->store, false);
	query_release(&q);
}

bool
suggest_describe(const struct ui *ui, struct strbuf *out)
{
	struct suggest_state *s = ui->suggest;
	char *a, *b;

	if (!s->fix || !list_found_none(ui))
		return false;
	a = sanitize_dup(s->word, strlen(s->word), SANITIZE_ONELINE);
	b = sanitize_dup(s->fix, strlen(s->fix), SANITIZE_ONELINE);
	strbuf_addf(out, _("no result for '%s' — try '%s'"), a, b);
	free(a);
	free(b);
	return true;
}

/* Where the word stands alone in text (not inside another word or a
 * field's value), or NULL. */
static const char *
find_word(const char *text, const char *word)
{
	size_t len = strlen(word);

	for (const char *at = strstr(text, word); at; at = strstr(at + 1, word)) {
		bool start = at == text || at[-1] == ' ' || at[-1] == '-';
		bool end = at[len] == '\0' || at[len] == ' ';

		if (start && end)
			return at;
	}
	return NULL;
}

struct ui_action
suggest_accept(struct ui *ui)
{
	struct suggest_state *s = ui->suggest;
	const char *text = filter_text(ui), *at;
	struct strbuf fixed = STRBUF_INIT;
	struct ui_action a;

	if (!s->fix || !list_found_none(ui) || !(at = find_word(text, s->word)))
		return ui_say(false, "%s", _("no suggestion to take"));
	strbuf_add(&fixed, text, (size_t)(at - text));
	strbuf_addstr(&fixed, s->fix);
	strbuf_addstr(&fixed, at + strlen(s->word));
	a = ui_request(REQ_FILTER_TO);
	a.message = strbuf_detach(&fixed, NULL);
	return a;
}
