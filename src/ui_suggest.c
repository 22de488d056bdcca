/* ui_suggest.c - a correction for a filter word that finds nothing,
 * shown in the status line ("no result for « securiter » — try
 * « sécurité »") with a key that puts it in the filter.
 *
 * It is looked for once the list has come back empty and the keyboard has
 * rested a moment, from the snapshot's vocabulary and the French
 * dictionary (store_suggest), on the worker's thread (suggest_worker.h):
 * that takes a few hundred milliseconds that nothing could interrupt, and
 * the keys typed meanwhile are handled at once.  A change of the filter
 * drops the answer being looked for. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "idle_task.h"
#include "sanitize.h"
#include "suggest_worker.h"
#include "ui_priv.h"

/* The pause after a change of the filter before looking: a word being
 * typed finds nothing for a while. */
#define SUGGEST_DELAY_MS 300
/* How often the loop looks for the worker's answer while it works. */
#define SUGGEST_POLL_MS 10

struct suggest_state {
	struct idle_task task;	       /* asking the worker, once the keyboard rests */
	struct suggest_worker *worker; /* opened at the first request */
	bool worker_failed;
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
	idle_task_cancel(&s->task);
	if (s->worker)
		suggest_worker_cancel(s->worker);
}

void
suggest_free(struct suggest_state *s)
{
	if (!s)
		return;
	suggest_clear(s);
	suggest_worker_free(s->worker);
	free(s);
}

void
suggest_set_query(struct ui *ui, const struct query *q)
{
	struct suggest_state *s = ui->suggest;

	suggest_clear(s);
	for (size_t i = 0; q && i < q->nterms; i++)
		if (!q->terms[i].exclude && !q->terms[i].phrase && q->terms[i].ntokens == 1) {
			idle_task_schedule(&s->task, idle_task_now_ms(), SUGGEST_DELAY_MS);
			break;
		}
}

static bool
worker_busy(const struct suggest_state *s)
{
	return s->worker && suggest_worker_busy(s->worker);
}

int
suggest_idle_timeout(const struct ui *ui)
{
	if (worker_busy(ui->suggest))
		return SUGGEST_POLL_MS;
	return idle_task_timeout(&ui->suggest->task, idle_task_now_ms());
}

void
suggest_idle(struct ui *ui)
{
	struct suggest_state *s = ui->suggest;

	if (worker_busy(s)) {
		suggest_worker_take(s->worker, &s->word, &s->fix);
		return;
	}
	if (!idle_task_due(&s->task, idle_task_now_ms()) || list_busy(ui))
		return;
	idle_task_cancel(&s->task);
	if (!list_found_none(ui) || s->worker_failed)
		return;
	if (!s->worker) {
		char *err = NULL;

		s->worker = suggest_worker_new(store_path(ui->store), &err);
		if (!s->worker) {
			s->worker_failed = true;
			status_set_message(ui, true, err);
			free(err);
			return;
		}
	}
	suggest_worker_ask(s->worker, filter_text(ui));
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
