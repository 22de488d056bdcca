/* history.c - back and forward through the places read (see history.h). */
#include "config.h"

#include <string.h>

#include "history.h"

void
history_init(struct history *h)
{
	memset(h, 0, sizeof *h);
}

/* Pushes p on a stack of HISTORY_MAX places, dropping the oldest when full. */
static void
history_push(struct history_place *stack, size_t *n, struct history_place p)
{
	if (*n == HISTORY_MAX) {
		memmove(stack, stack + 1, (HISTORY_MAX - 1) * sizeof *stack);
		(*n)--;
	}
	stack[(*n)++] = p;
}

void
history_jump(struct history *h, struct history_place from)
{
	history_push(h->back, &h->nback, from);
	h->nforward = 0;
}

bool
history_back(struct history *h, struct history_place here, struct history_place *to)
{
	if (h->nback == 0)
		return false;
	*to = h->back[--h->nback];
	history_push(h->forward, &h->nforward, here);
	return true;
}

bool
history_forward(struct history *h, struct history_place here, struct history_place *to)
{
	if (h->nforward == 0)
		return false;
	*to = h->forward[--h->nforward];
	history_push(h->back, &h->nback, here);
	return true;
}
