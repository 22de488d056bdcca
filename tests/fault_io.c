/* fault_io.c - I/O fault injection for the test build of the program
 * (tests/liseuse_faultio, never installed), after SQLite's own tests of
 * its I/O layer: every write, sync and truncate that SQLite makes goes
 * through a shim VFS, and the program's own write, fsync, fchmod and
 * rename are wrapped at link time (ld --wrap), all counted as I/O
 * operations in one sequence.
 *
 * LISEUSE_FAIL_IO=N makes the Nth operation and every later one fail (a
 * disk that stays full, a device that stays broken) with the error named by
 * LISEUSE_FAIL_IO_ERRNO: ENOSPC (the default) or EIO; with
 * LISEUSE_FAIL_IO_ONCE set, only the Nth fails (a passing error).  With
 * LISEUSE_FAIL_IO_COUNT set, the number of operations made is printed on
 * stderr at exit ("faultio: N operations"), so a test can walk N over all
 * of them.  Without the variables nothing changes.
 *
 * src/main.c is compiled into this program as liseuse_main (see
 * fault_io.h); main() below sets up the shim and calls it. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fault_io.h"

/* The -Dmain=liseuse_main of this program is for src/main.c only. */
#undef main

static long fail_at; /* 0: no fault */
static long operations;
static int fail_errno = ENOSPC;
static int fail_once; /* only the Nth fails: a passing I/O error */

/* Counts one operation; true when it must fail. */
static int
operation_fails(void)
{
	operations++;
	return fail_at > 0 && (fail_once ? operations == fail_at : operations >= fail_at);
}

static void
print_count(void)
{
	fprintf(stderr, "faultio: %ld operations\n", operations);
}

/* -- The program's own calls, through ld --wrap. */
ssize_t __real_write(int fd, const void *buf, size_t n);
int __real_fsync(int fd);
int __real_fchmod(int fd, mode_t mode);
int __real_rename(const char *from, const char *to);
ssize_t __wrap_write(int fd, const void *buf, size_t n);
int __wrap_fsync(int fd);
int __wrap_fchmod(int fd, mode_t mode);
int __wrap_rename(const char *from, const char *to);

ssize_t
__wrap_write(int fd, const void *buf, size_t n)
{
	/* the terminal and the pipes of the output are not the disk */
	if (fd > STDERR_FILENO && operation_fails()) {
		errno = fail_errno;
		return -1;
	}
	return __real_write(fd, buf, n);
}

int
__wrap_fsync(int fd)
{
	if (operation_fails()) {
		errno = fail_errno;
		return -1;
	}
	return __real_fsync(fd);
}

int
__wrap_fchmod(int fd, mode_t mode)
{
	if (operation_fails()) {
		errno = fail_errno == ENOSPC ? EIO : fail_errno;
		return -1;
	}
	return __real_fchmod(fd, mode);
}

int
__wrap_rename(const char *from, const char *to)
{
	if (operation_fails()) {
		errno = fail_errno;
		return -1;
	}
	return __real_rename(from, to);
}

/* -- SQLite's writes, through a VFS that wraps the default one. */
struct fault_file {
	sqlite3_file base;
	sqlite3_file *real; /* right after this struct, szOsFile of the real VFS */
};

static sqlite3_vfs *real_vfs;

static sqlite3_file *
real_of(sqlite3_file *f)
{
	return ((struct fault_file *)f)->real;
}

static int
fault_close(sqlite3_file *f)
{
	return real_of(f)->pMethods->xClose(real_of(f));
}

static int
fault_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	return real_of(f)->pMethods->xRead(real_of(f), buf, n, off);
}

static int
fault_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	if (operation_fails())
		return fail_errno == ENOSPC ? SQLITE_FULL : SQLITE_IOERR_WRITE;
	return real_of(f)->pMethods->xWrite(real_of(f), buf, n, off);
}

static int
fault_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	if (operation_fails())
		return fail_errno == ENOSPC ? SQLITE_FULL : SQLITE_IOERR_TRUNCATE;
	return real_of(f)->pMethods->xTruncate(real_of(f), size);
}

static int
fault_sync(sqlite3_file *f, int flags)
{
	if (operation_fails())
		return SQLITE_IOERR_FSYNC;
	return real_of(f)->pMethods->xSync(real_of(f), flags);
}

static int
fault_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return real_of(f)->pMethods->xFileSize(real_of(f), size);
}

static int
fault_lock(sqlite3_file *f, int lock)
{
	return real_of(f)->pMethods->xLock(real_of(f), lock);
}

static int
fault_unlock(sqlite3_file *f, int lock)
{
	return real_of(f)->pMethods->xUnlock(real_of(f), lock);
}

static int
fault_check_reserved(sqlite3_file *f, int *out)
{
	return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
}

static int
fault_file_control(sqlite3_file *f, int op, void *arg)
{
	return real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
}

static int
fault_sector_size(sqlite3_file *f)
{
	return real_of(f)->pMethods->xSectorSize(real_of(f));
}

static int
fault_device(sqlite3_file *f)
{
	return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f));
}

/* Version 1 methods only: no shared memory (no WAL) and no memory map,
 * so every page SQLite writes goes through fault_write. */
static const sqlite3_io_methods fault_methods = {
    1,		      fault_close,	  fault_read,		fault_write,
    fault_truncate,   fault_sync,	  fault_file_size,	fault_lock,
    fault_unlock,     fault_check_reserved, fault_file_control, fault_sector_size,
    fault_device,     NULL,		  NULL,			NULL,
    NULL,	      NULL,		  NULL,
};

static int
fault_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
	struct fault_file *ff = (struct fault_file *)f;
	int rc;

	(void)vfs;
	ff->real = (sqlite3_file *)(ff + 1);
	rc = real_vfs->xOpen(real_vfs, name, ff->real, flags, out_flags);
	ff->base.pMethods = ff->real->pMethods ? &fault_methods : NULL;
	return rc;
}

static sqlite3_vfs fault_vfs;

/* Reads the variables and installs the shim as the default VFS. */
static void
fault_io_init(void)
{
	const char *n = getenv("LISEUSE_FAIL_IO");
	const char *e = getenv("LISEUSE_FAIL_IO_ERRNO");

	if (n != NULL)
		fail_at = atol(n);
	if (e != NULL && strcmp(e, "EIO") == 0)
		fail_errno = EIO;
	fail_once = getenv("LISEUSE_FAIL_IO_ONCE") != NULL;
	if (getenv("LISEUSE_FAIL_IO_COUNT") != NULL)
		atexit(print_count);
	real_vfs = sqlite3_vfs_find(NULL);
	if (real_vfs == NULL)
		abort();
	fault_vfs = *real_vfs;
	fault_vfs.iVersion = real_vfs->iVersion < 3 ? real_vfs->iVersion : 3;
	fault_vfs.zName = "faultio";
	fault_vfs.szOsFile = (int)sizeof(struct fault_file) + real_vfs->szOsFile;
	fault_vfs.xOpen = fault_open;
	if (sqlite3_vfs_register(&fault_vfs, 1) != SQLITE_OK)
		abort();
}

int
main(int argc, char **argv)
{
	fault_io_init();
	return liseuse_main(argc, argv);
}
