/* ui_facets.c - the facet line under the filter bar: the top senders,
 * years and kinds of the documents that match the filter, with their
 * document counts, numbered so that a digit adds one as a filter.
 *
 * The counts are exact (store_count_by, as `search --count-by`) and run in
 * idle time once the list's first screenful is in, one field per slice,
 * each abandoned by the next keystroke and run again later. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "sanitize.h"
#include "ui_priv.h"

/* The pause after a change of the filter before counting: while typing,
 * the list is what the eye needs. */
#define FACET_DELAY_MS 200
#define FACET_PER_GROUP 3
#define FACET_SHOWN_MAX 9

static const struct {
	enum store_facet facet;
	const char *field; /* as typed in the filter */
	enum query_field_kind kind;
} groups[] = {
    {STORE_FACET_SENDER, "de", QF_SENDER},
    {STORE_FACET_YEAR, "annee", QF_YEAR},
    {STORE_FACET_KIND, "type", QF_KIND},
};
#define FACET_GROUPS (sizeof groups / sizeof groups[0])

struct facet_state {
	const struct query *query; /* borrowed; NULL: no filter */
	bool wanted;		   /* the filter is not empty: the line shows */
	bool pending[FACET_GROUPS];
	struct store_count *counts[FACET_GROUPS];
	size_t n[FACET_GROUPS];
	long due_ms;
	/* What the line shows, number i+1 being shown[i]. */
	struct {
		size_t group, index;
	} shown[FACET_SHOWN_MAX];
	size_t nshown;
};

struct facet_state *
facet_new(void)
{
	return xcalloc(1, sizeof(struct facet_state));
}

static void
clear_counts(struct facet_state *f)
{
	for (size_t g = 0; g < FACET_GROUPS; g++) {
		store_counts_free(f->counts[g], f->n[g]);
		f->counts[g] = NULL;
		f->n[g] = 0;
		f->pending[g] = false;
	}
	f->nshown = 0;
}

void
facet_free(struct facet_state *f)
{
	if (!f)
		return;
	clear_counts(f);
	free(f);
}

/* True when the filter narrows that field already: counting it again
 * would say what the user typed (a range of years still splits). */
static bool
narrowed(const struct query *q, size_t g)
{
	for (size_t i = 0; i < q->nfields; i++) {
		const struct query_field *qf = &q->fields[i];

		if (qf->kind != groups[g].kind)
			continue;
		if (qf->kind != QF_YEAR || qf->year_from == qf->year_to)
			return true;
	}
	return false;
}

void
facet_set_query(struct ui *ui, const struct query *q)
{
	struct facet_state *f = ui->facets;

	clear_counts(f);
	f->query = q;
	f->wanted = q && !query_is_empty(q);
	for (size_t g = 0; f->wanted && g < FACET_GROUPS; g++)
		f->pending[g] = !narrowed(q, g);
	f->due_ms = ui_monotonic_ms() + FACET_DELAY_MS;
}

bool
facet_line_wanted(const struct ui *ui)
{
	return ui->facets->wanted;
}

static bool
any_pending(const struct facet_state *f)
{
	for (size_t g = 0; g < FACET_GROUPS; g++)
		if (f->pending[g])
			return true;
	return false;
}

int
facet_idle_timeout(const struct ui *ui)
{
	long left;

	if (!any_pending(ui->facets))
		return -1;
	left = ui->facets->due_ms - ui_monotonic_ms();
	return left > 0 ? (int)left : 0;
}

bool
facet_idle(struct ui *ui)
{
	struct facet_state *f = ui->facets;

	if (!any_pending(f) || facet_idle_timeout(ui) > 0 || list_busy(ui))
		return false;
	if (list_found_none(ui)) {
		clear_counts(f); /* nothing matches: nothing to count */
		return false;
	}
	for (size_t g = 0; g < FACET_GROUPS; g++) {
		struct store_count *counts = NULL;
		char *err = NULL;
		long n;

		if (!f->pending[g])
			continue;
		store_set_interrupt(ui->store, ui_input_pending, ui);
		n = store_count_by(ui->store, f->query, groups[g].facet, &counts, &err);
		store_set_interrupt(ui->store, NULL, NULL);
		if (n == -2)
			return true;
		f->pending[g] = false;
		if (n < 0) {
			status_set_message(ui, true, err ? err : _("counting failed"));
			free(err);
			return false;
		}
		f->counts[g] = counts;
		f->n[g] = (size_t)n;
		return any_pending(f); /* one field per slice */
	}
	return false;
}

/* One value as drawn: "1:Kazakhstan (3)". */
static void
item_text(const struct facet_state *f, size_t g, size_t i, size_t number, struct strbuf *out)
{
	strbuf_reset(out);
	strbuf_addf(out, "%zu:%s (%lld)", number, f->counts[g][i].value,
		    (long long)f->counts[g][i].count);
}

/* The cells the line takes with at most per[g] values of field g. */
static int
line_width(struct ui *ui, const size_t *per)
{
	struct facet_state *f = ui->facets;
	struct strbuf sb = STRBUF_INIT;
	size_t number = 0;
	int w = 0, groups_drawn = 0;

	for (size_t g = 0; g < FACET_GROUPS; g++) {
		if (f->n[g] == 0)
			continue;
		if (groups_drawn++)
			w += 3; /* " │ " */
		w += (int)strlen(groups[g].field) + 1;
		for (size_t i = 0; i < f->n[g] && i < per[g] && number < FACET_SHOWN_MAX; i++) {
			item_text(f, g, i, ++number, &sb);
			w += 1 + layout_text_width(sb.buf, sb.len, ui->sflags | SANITIZE_ONELINE);
		}
	}
	strbuf_release(&sb);
	return w;
}

void
facet_draw(struct ui *ui, WINDOW *win)
{
	struct facet_state *f = ui->facets;
	struct strbuf sb = STRBUF_INIT;
	size_t per[FACET_GROUPS], number = 0;
	int w, x = 0, groups_drawn = 0;
	bool cut = false;

	f->nshown = 0;
	if (!win)
		return;
	w = getmaxx(win);
	werase(win);
	wmove(win, 0, 0);
	/* The first value of each field, then the second of each where it
	 * fits, and so on: every field shows before any shows more. */
	for (size_t g = 0; g < FACET_GROUPS; g++)
		per[g] = 1;
	for (size_t round = 2; round <= FACET_PER_GROUP; round++) {
		for (size_t g = 0; g < FACET_GROUPS; g++) {
			if (f->n[g] < round)
				continue;
			per[g] = round;
			if (line_width(ui, per) > w)
				per[g] = round - 1;
		}
	}
	for (size_t g = 0; g < FACET_GROUPS && !cut; g++) {
		const char *sep = ui->utf8 ? " │ " : " | ";
		int lw;

		if (f->n[g] == 0)
			continue;
		strbuf_reset(&sb);
		if (groups_drawn)
			strbuf_addstr(&sb, sep);
		strbuf_addf(&sb, "%s:", groups[g].field);
		lw = layout_text_width(sb.buf, sb.len, ui->sflags);
		/* A field's name only with its first value. */
		if (number < FACET_SHOWN_MAX) {
			struct strbuf first = STRBUF_INIT;

			item_text(f, g, 0, number + 1, &first);
			lw += 1 + layout_text_width(first.buf, first.len,
						    ui->sflags | SANITIZE_ONELINE);
			strbuf_release(&first);
		}
		if (number >= FACET_SHOWN_MAX || x + lw > w) {
			cut = true;
			break;
		}
		x += text_draw_str(ui, win, sb.buf, w - x, ui->theme.dim, false);
		groups_drawn++;
		for (size_t i = 0; i < f->n[g] && i < per[g] && number < FACET_SHOWN_MAX; i++) {
			int iw;

			item_text(f, g, i, number + 1, &sb);
			iw = layout_text_width(sb.buf, sb.len, ui->sflags | SANITIZE_ONELINE);
			/* Only whole values, and room for the ellipsis when cut. */
			if (x + 1 + iw > w || (x + 1 + iw + 2 > w && (i + 1 < f->n[g] && i + 1 < per[g]))) {
				cut = true;
				break;
			}
			x += text_draw_str(ui, win, " ", w - x, ui->theme.normal, false);
			x += text_draw_str(ui, win, sb.buf, w - x, ui->theme.normal, false);
			f->shown[f->nshown].group = g;
			f->shown[f->nshown].index = i;
			f->nshown++;
			number++;
		}
	}
	if ((cut || line_width(ui, per) > x) && x + 2 <= w)
		text_draw_str(ui, win, ui->utf8 ? " …" : " ...", w - x, ui->theme.dim, false);
	strbuf_release(&sb);
	wnoutrefresh(win);
}

bool
facet_numbered(const struct ui *ui)
{
	return ui->facets->nshown > 0;
}

struct ui_action
facet_select(struct ui *ui, int number)
{
	struct facet_state *f = ui->facets;
	struct strbuf text = STRBUF_INIT;
	const char *value;
	struct ui_action a;

	if (number < 1 || (size_t)number > f->nshown)
		return ui_say(false, _("no value %d on the facet line"), number);
	value = f->counts[f->shown[number - 1].group][f->shown[number - 1].index].value;
	/* First, so that the last word typed stays the last (a prefix). */
	strbuf_addf(&text, "%s:", groups[f->shown[number - 1].group].field);
	if (strpbrk(value, " \t\"")) {
		strbuf_addch(&text, '"');
		for (const char *c = value; *c; c++)
			strbuf_addch(&text, *c == '"' ? ' ' : *c);
		strbuf_addch(&text, '"');
	} else {
		strbuf_addstr(&text, value);
	}
	if (filter_text(ui)[0])
		strbuf_addf(&text, " %s", filter_text(ui));
	a = ui_request(REQ_FILTER_TO);
	a.message = strbuf_detach(&text, NULL);
	return a;
}
