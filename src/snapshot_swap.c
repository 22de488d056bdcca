/* snapshot_swap.c - the lock, the working copy and the atomic replace of a
 * snapshot during an import. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "snapshot_swap.h"
#include "util.h"

struct snapshot_swap {
	char *db_path;
	char *dir;	 /* the snapshot's directory */
	char *work_path; /* db_path.import-PID */
	int lock_fd;
	bool existed;	 /* the snapshot was there when the lock was taken */
	struct stat original;
	mode_t new_mode; /* for a new snapshot */
	bool committed;
};

/* The working copy of the swap under way, removed if the program has to
 * end on out-of-memory or is killed by a signal.  Both paths are made up
 * front: the removal runs in a signal handler and must not allocate. */
static char active_work[PATH_MAX];
static char active_journal[PATH_MAX];

/* Runs when memory is exhausted or from a signal handler: only unlink. */
static void
remove_active_work(void)
{
	if (active_work[0] == '\0')
		return;
	if (active_journal[0] != '\0')
		unlink(active_journal);
	unlink(active_work);
}

/* SIGINT, SIGTERM, SIGHUP during an import: remove the working copy, then
 * die of the same signal. */
static void
swap_signal(int sig)
{
	remove_active_work();
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int swap_signals[] = {SIGINT, SIGTERM, SIGHUP};
static struct sigaction swap_old_actions[sizeof swap_signals / sizeof swap_signals[0]];

/* Installs (on) or restores (off) the signal handlers of an import. */
static void
swap_catch_signals(bool on)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = swap_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof swap_signals / sizeof swap_signals[0]; i++) {
		if (on)
			sigaction(swap_signals[i], &sa, &swap_old_actions[i]);
		else
			sigaction(swap_signals[i], &swap_old_actions[i], NULL);
	}
}

/* The directory part of path ("." when there is none); newly allocated. */
static char *
directory_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static const char *
base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Writes all of buf; -1 with errno on failure. */
static int
write_all(int fd, const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, buf, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Copies the snapshot into a new working copy (mode 0600 until the commit,
 * so a private snapshot is never readable by others meanwhile). */
static int
copy_snapshot(struct snapshot_swap *swap, char **err)
{
	char buf[65536];
	int in = open(swap->db_path, O_RDONLY | O_CLOEXEC);
	int out = -1, ret = -1;
	ssize_t n;

	if (in < 0) {
		*err = xasprintf(_("%s: cannot read the snapshot: %s"), swap->db_path,
				 strerror(errno));
		return -1;
	}
	out = open(swap->work_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (out < 0) {
		*err = xasprintf(_("%s: cannot make the working copy %s: %s"), swap->db_path,
				 swap->work_path, strerror(errno));
		goto out;
	}
	while ((n = read(in, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*err = xasprintf(_("%s: cannot read the snapshot: %s"), swap->db_path,
					 strerror(errno));
			goto out;
		}
		if (write_all(out, buf, (size_t)n) < 0) {
			*err = xasprintf(_("%s: cannot copy the snapshot to its working copy %s: %s"),
					 swap->db_path, swap->work_path, strerror(errno));
			goto out;
		}
	}
	ret = 0;
out:
	close(in);
	if (out >= 0 && close(out) != 0 && ret == 0) {
		*err = xasprintf(_("%s: cannot copy the snapshot to its working copy %s: %s"),
				 swap->db_path, swap->work_path, strerror(errno));
		ret = -1;
	}
	return ret;
}

/* Parses "NAME.import-PID" or "NAME.import-PID-journal" for this snapshot's
 * NAME; returns the PID, or 0 when entry is something else. */
static long
stale_copy_pid(const char *entry, const char *name)
{
	size_t n = strlen(name);
	const char *p;
	char *end;
	long pid;

	if (strncmp(entry, name, n) != 0 || strncmp(entry + n, ".import-", 8) != 0)
		return 0;
	p = entry + n + 8;
	if (*p < '1' || *p > '9')
		return 0;
	errno = 0;
	pid = strtol(p, &end, 10);
	if (errno != 0 || pid <= 0 || (*end != '\0' && strcmp(end, "-journal") != 0))
		return 0;
	return pid;
}

/* Removes the working copies of this snapshot whose import process is gone
 * (killed, or the machine stopped): under the lock no live import can own
 * one, except a process that reused the PID, whose copy is left alone.  A
 * copy named after this very process is stale too. */
static void
remove_stale_copies(const struct snapshot_swap *swap)
{
	const char *name = base_of(swap->db_path);
	DIR *d = opendir(swap->dir);
	struct dirent *ent;

	if (d == NULL)
		return;
	while ((ent = readdir(d)) != NULL) {
		long pid = stale_copy_pid(ent->d_name, name);
		char *path;

		if (pid == 0)
			continue;
		if (pid != (long)getpid() && !(kill((pid_t)pid, 0) < 0 && errno == ESRCH))
			continue;
		path = xasprintf("%s/%s", swap->dir, ent->d_name);
		if (unlink(path) == 0)
			util_error(_("removed %s, left by an import that did not finish "
				     "(process %ld is gone)"),
				   path, pid);
		else if (errno != ENOENT)
			util_error(_("cannot remove %s, left by an unfinished import: %s"),
				path, strerror(errno));
		free(path);
	}
	closedir(d);
}

/* Opens SNAPSHOT.lock (read-only when another user made it and we may not
 * write it: flock needs no write access) and takes it. */
static int
take_lock(struct snapshot_swap *swap, bool no_wait, char **err)
{
	char *lock_path = xasprintf("%s.lock", swap->db_path);
	int ret = -1;

	swap->lock_fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (swap->lock_fd < 0 && errno == EACCES)
		swap->lock_fd = open(lock_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (swap->lock_fd < 0) {
		*err = xasprintf(_("%s: cannot open the lock file %s: %s"), swap->db_path, lock_path,
				 strerror(errno));
		goto out;
	}
	if (flock(swap->lock_fd, LOCK_EX | LOCK_NB) == 0) {
		ret = 0;
		goto out;
	}
	if (errno != EWOULDBLOCK) {
		*err = xasprintf(_("%s: cannot lock %s: %s"), swap->db_path, lock_path,
				 strerror(errno));
		goto out;
	}
	if (no_wait) {
		*err = xasprintf(_("%s: another import is running; not waiting (--no-wait)"),
				 swap->db_path);
		goto out;
	}
	util_error(_("%s: another import is running; waiting for it to finish"), swap->db_path);
	fflush(stderr);
	while (flock(swap->lock_fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			*err = xasprintf(_("%s: cannot lock %s: %s"), swap->db_path, lock_path,
					 strerror(errno));
			goto out;
		}
	}
	ret = 0;
out:
	free(lock_path);
	return ret;
}

/* Refuses what the user may not replace: a snapshot that is not a regular
 * file or that they may not write (renaming over it needs only the
 * directory, so the file's own permission is checked here). */
static int
check_permissions(const struct snapshot_swap *swap, char **err)
{
	struct stat st;

	if (lstat(swap->db_path, &st) == 0) {
		if (S_ISLNK(st.st_mode) && stat(swap->db_path, &st) != 0) {
			*err = xasprintf("%s: %s", swap->db_path, strerror(errno));
			return -1;
		}
		if (!S_ISREG(st.st_mode)) {
			*err = xasprintf(_("%s: not a regular file, not replaced"), swap->db_path);
			return -1;
		}
		if (faccessat(AT_FDCWD, swap->db_path, W_OK, AT_EACCESS) != 0) {
			*err = xasprintf(_("%s: you may not write this snapshot (%s)"), swap->db_path,
					 strerror(errno));
			return -1;
		}
	} else if (errno != ENOENT) {
		*err = xasprintf("%s: %s", swap->db_path, strerror(errno));
		return -1;
	}
	if (faccessat(AT_FDCWD, swap->dir, W_OK | X_OK, AT_EACCESS) != 0) {
		*err = xasprintf(_("%s: cannot make a working copy in %s (%s)"), swap->db_path,
				 swap->dir, strerror(errno));
		return -1;
	}
	return 0;
}

int
snapshot_swap_begin(const char *db_path, bool no_wait, struct snapshot_swap **out, char **err)
{
	struct snapshot_swap *swap = xcalloc(1, sizeof *swap);
	mode_t mask;
	int fd;

	*out = NULL;
	swap->lock_fd = -1;
	swap->db_path = xstrdup(db_path);
	swap->dir = directory_of(db_path);
	swap->work_path = xasprintf("%s.import-%ld", db_path, (long)getpid());
	mask = umask(0);
	umask(mask);
	swap->new_mode = 0644 & ~mask;
	if (strlen(swap->work_path) + sizeof "-journal" > sizeof active_work) {
		*err = xasprintf(_("%s: path too long"), db_path);
		goto fail;
	}
	if (check_permissions(swap, err) < 0 || take_lock(swap, no_wait, err) < 0)
		goto fail;
	/* Under the lock: the snapshot as the previous import left it. */
	swap->existed = stat(db_path, &swap->original) == 0;
	if (swap->existed && check_permissions(swap, err) < 0)
		goto fail;
	remove_stale_copies(swap);

	snprintf(active_work, sizeof active_work, "%s", swap->work_path);
	snprintf(active_journal, sizeof active_journal, "%s-journal", swap->work_path);
	util_set_fatal_hook(remove_active_work);
	swap_catch_signals(true);
	if (swap->existed) {
		if (copy_snapshot(swap, err) < 0)
			goto fail;
	} else {
		fd = open(swap->work_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
			  0600);
		if (fd < 0) {
			*err = xasprintf(_("%s: cannot make the working copy %s: %s"), db_path,
					 swap->work_path, strerror(errno));
			goto fail;
		}
		close(fd);
	}
	*out = swap;
	return 0;
fail:
	snapshot_swap_end(swap);
	return -1;
}

const char *
snapshot_swap_work_path(const struct snapshot_swap *swap)
{
	return swap->work_path;
}

/* Flushes a directory so that a rename in it survives a power cut. */
static int
sync_directory(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int
snapshot_swap_commit(struct snapshot_swap *swap, char **err)
{
	int fd = open(swap->work_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	int ret = -1;

	if (fd < 0) {
		*err = xasprintf(_("%s: cannot reopen the working copy %s: %s"), swap->db_path,
				 swap->work_path, strerror(errno));
		return -1;
	}
	if (swap->existed) {
		/* The owner and group only where the user may set them (root, or
		 * their own file and one of their groups). */
		if (fchown(fd, swap->original.st_uid, swap->original.st_gid) != 0 &&
		    fchown(fd, (uid_t)-1, swap->original.st_gid) != 0) {
			/* keeps the importer's: nothing else is possible */
		}
	}
	if (fchmod(fd, swap->existed ? swap->original.st_mode & 07777 : swap->new_mode) != 0) {
		*err = xasprintf(_("%s: cannot set the mode of the working copy %s: %s"),
				 swap->db_path, swap->work_path, strerror(errno));
		goto out;
	}
	if (fsync(fd) != 0) {
		*err = xasprintf(_("%s: cannot flush the new snapshot to disk (%s)"), swap->db_path,
				 strerror(errno));
		goto out;
	}
	if (rename(swap->work_path, swap->db_path) != 0) {
		*err = xasprintf(_("%s: cannot replace the snapshot: %s"), swap->db_path,
				 strerror(errno));
		goto out;
	}
	swap->committed = true;
	ret = 0;
	if (sync_directory(swap->dir) != 0)
		util_error(_("warning: %s: replaced, but flushing %s to disk failed (%s): the "
			     "replacement may not survive a power cut"),
			   swap->db_path, swap->dir, strerror(errno));
out:
	close(fd);
	return ret;
}

void
snapshot_swap_end(struct snapshot_swap *swap)
{
	if (swap == NULL)
		return;
	if (active_work[0] != '\0') {
		if (!swap->committed)
			remove_active_work();
		else if (active_journal[0] != '\0')
			unlink(active_journal);
		util_set_fatal_hook(NULL);
		swap_catch_signals(false);
		active_work[0] = '\0';
		active_journal[0] = '\0';
	}
	if (swap->lock_fd >= 0)
		close(swap->lock_fd);
	free(swap->db_path);
	free(swap->dir);
	free(swap->work_path);
	free(swap);
}
