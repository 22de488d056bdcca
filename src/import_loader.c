/* import_loader.c - a bounded queue of loaded documents, filled by a thread. */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>

#include "import_loader.h"
#include "util.h"

/* How far the loader may run ahead: a few documents, and no more than this
 * many bytes of text, counting the document the writer is busy with, unless
 * there is nothing else (so two huge files are never in memory at once, yet
 * one still loads). */
#define LOADER_SLOTS 8
#define LOADER_MAX_BYTES (32u << 20)

struct loaded {
	struct document doc;
	bool ok;
	size_t bytes;
};

struct import_loader {
	char *const *paths;
	size_t npaths;
	import_load_fn load;
	bool threaded;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed; /* a slot filled or emptied, or stop set */
	struct loaded ring[LOADER_SLOTS];
	size_t head, count; /* the oldest queued result, and how many */
	size_t queued_bytes;
	size_t in_hand_bytes; /* the document last handed out, until the next call */
	size_t taken;	      /* results handed out (without a thread: loaded) */
	bool stop;
};

static size_t
document_bytes(const struct document *doc)
{
	size_t n = 0;

	for (size_t i = 0; i < doc->npara; i++)
		n += doc->paras[i].len;
	return n;
}

static bool
loader_full(const struct import_loader *l)
{
	size_t held = l->queued_bytes + l->in_hand_bytes;

	return l->count == LOADER_SLOTS || (held > 0 && held >= LOADER_MAX_BYTES);
}

static void *
loader_main(void *arg)
{
	struct import_loader *l = arg;

	for (size_t i = 0; i < l->npaths; i++) {
		struct loaded r = {.ok = false};

		pthread_mutex_lock(&l->lock);
		while (!l->stop && loader_full(l))
			pthread_cond_wait(&l->changed, &l->lock);
		if (l->stop) {
			pthread_mutex_unlock(&l->lock);
			break;
		}
		pthread_mutex_unlock(&l->lock);

		r.ok = l->load(l->paths[i], &r.doc) == 0;
		r.bytes = r.ok ? document_bytes(&r.doc) : 0;

		pthread_mutex_lock(&l->lock);
		l->ring[(l->head + l->count) % LOADER_SLOTS] = r;
		l->count++;
		l->queued_bytes += r.bytes;
		pthread_cond_broadcast(&l->changed);
		pthread_mutex_unlock(&l->lock);
	}
	return NULL;
}

struct import_loader *
import_loader_start(char *const *paths, size_t n, import_load_fn load)
{
	struct import_loader *l = xcalloc(1, sizeof *l);
	sigset_t all, old;

	l->paths = paths;
	l->npaths = n;
	l->load = load;
	if (n < 2 || pthread_mutex_init(&l->lock, NULL) != 0)
		return l;
	if (pthread_cond_init(&l->changed, NULL) != 0) {
		pthread_mutex_destroy(&l->lock);
		return l;
	}
	/* signals go to the writing thread, whose handlers clean up */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	l->threaded = pthread_create(&l->thread, NULL, loader_main, l) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!l->threaded) {
		pthread_cond_destroy(&l->changed);
		pthread_mutex_destroy(&l->lock);
	}
	return l;
}

int
import_loader_next(struct import_loader *l, struct document *doc)
{
	struct loaded r;

	if (!l->threaded) {
		if (l->taken >= l->npaths)
			abort();
		return l->load(l->paths[l->taken++], doc) == 0;
	}
	pthread_mutex_lock(&l->lock);
	l->in_hand_bytes = 0; /* the writer is done with the previous one */
	pthread_cond_broadcast(&l->changed);
	while (l->count == 0)
		pthread_cond_wait(&l->changed, &l->lock);
	r = l->ring[l->head];
	l->head = (l->head + 1) % LOADER_SLOTS;
	l->count--;
	l->queued_bytes -= r.bytes;
	l->in_hand_bytes = r.bytes;
	l->taken++;
	pthread_cond_broadcast(&l->changed);
	pthread_mutex_unlock(&l->lock);
	*doc = r.doc;
	return r.ok;
}

void
import_loader_finish(struct import_loader *l)
{
	if (l == NULL)
		return;
	if (l->threaded) {
		pthread_mutex_lock(&l->lock);
		l->stop = true;
		pthread_cond_broadcast(&l->changed);
		pthread_mutex_unlock(&l->lock);
		pthread_join(l->thread, NULL);
		for (; l->count > 0; l->count--) {
			document_release(&l->ring[l->head].doc);
			l->head = (l->head + 1) % LOADER_SLOTS;
		}
		pthread_cond_destroy(&l->changed);
		pthread_mutex_destroy(&l->lock);
	}
	free(l);
}
