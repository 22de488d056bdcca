/* history.h - where the reader has been, as a browser keeps it: following
 * a link or a bookmark records the place left; going back returns to it
 * and keeps the place left for going forward again, until the next jump.
 * Pure: no curses, no store. */
#ifndef LISEUSE_HISTORY_H
#define LISEUSE_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Places kept each way; the oldest go first. */
#define HISTORY_MAX 100

struct history_place {
	int64_t doc_id;
	size_t piece, line; /* as docview_position gives them */
};

struct history {
	struct history_place back[HISTORY_MAX], forward[HISTORY_MAX];
	size_t nback, nforward;
};

void history_init(struct history *h);

/* A jump from `from` to somewhere new: from can be gone back to; the
 * forward places are forgotten. */
void history_jump(struct history *h, struct history_place from);

/* Going back from `here`: returns true with the place in *to, here being
 * kept for history_forward; false when there is nowhere to go back to. */
bool history_back(struct history *h, struct history_place here, struct history_place *to);

/* The other way round. */
bool history_forward(struct history *h, struct history_place here, struct history_place *to);

#endif
