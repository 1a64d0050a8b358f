/* output.c — see output.h. */
#define _GNU_SOURCE
#include "output.h"
#include "cfg.h"
#include "diag.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Temporary files to remove if a signal ends the process. */
enum { MAX_TMP = 64 };
static char *volatile pending[MAX_TMP];

static void on_signal(int sig)
{
	for (int i = 0; i < MAX_TMP; i++)
		if (pending[i])
			unlink(pending[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void track(char *path, int add)
{
	static int handlers;
	if (!handlers) {
		handlers = 1;
		signal(SIGINT, on_signal);
		signal(SIGTERM, on_signal);
		signal(SIGHUP, on_signal);
	}
	for (int i = 0; i < MAX_TMP; i++)
		if (add ? !pending[i] : pending[i] == path) {
			pending[i] = add ? path : NULL;
			return;
		}
}

int afile_open(afile *a, const char *final)
{
	memset(a, 0, sizeof *a);
	a->final = strdup(final);
	if (!strcmp(final, "-")) {
		a->mem = g_byte_array_new();
		return 0;
	}
	/* A device or pipe (/dev/stdout, /dev/full, a FIFO) cannot be replaced
	 * by renaming, and must not be: as root, rename() would swap the device
	 * node for a regular file.  Write to it in place. */
	struct stat st;
	if (stat(final, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode)) {
			diag_error(final, 0, "cannot write: %s", strerror(EISDIR));
			free(a->final);
			a->final = NULL;
			return -1;
		}
		a->f = fopen(final, "wb");
		if (!a->f) {
			diag_error(final, 0, "cannot write: %s", strerror(errno));
			free(a->final);
			a->final = NULL;
			return -1;
		}
		a->direct = 1;
		return 0;
	}
	char *dir = cfg_dirname(final);
	const char *base = strrchr(final, '/') ? strrchr(final, '/') + 1 : final;
	if (asprintf(&a->tmp, "%s/.%s.XXXXXX", dir, base) < 0)
		abort();
	free(dir);
	int fd = mkstemp(a->tmp);
	if (fd < 0) {
		diag_error(final, 0, "cannot write here: %s", strerror(errno));
		free(a->tmp);
		free(a->final);
		a->tmp = a->final = NULL;
		return -1;
	}
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	a->f = fdopen(fd, "wb");
	track(a->tmp, 1);
	return 0;
}

cairo_status_t afile_write(void *closure, const unsigned char *data, unsigned int len)
{
	afile *a = closure;
	if (a->failed)
		return CAIRO_STATUS_WRITE_ERROR;
	if (a->mem) {
		g_byte_array_append(a->mem, data, len);
	} else if (fwrite(data, 1, len, a->f) != len) {
		a->failed = 1;
		a->err = errno;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	a->bytes += len;
	return CAIRO_STATUS_SUCCESS;
}

/* Where afile_commit() hands finished files instead of finishing them
 * itself (afile_defer). */
static int (*defer_fn)(const char *tmp, const char *final, void *ctx);
static void *defer_ctx;

void afile_defer(int (*fn)(const char *tmp, const char *final, void *ctx), void *ctx)
{
	defer_fn = fn;
	defer_ctx = ctx;
}

int afile_place(const char *tmp, const char *final, int err)
{
	if (!err && rename(tmp, final) != 0)
		err = errno;
	if (err) {
		diag_error(final, 0, "cannot write: %s", strerror(err));
		unlink(tmp);
		return -1;
	}
	return 0;
}

int afile_finish(const char *tmp, const char *final)
{
	int err = 0, fd = open(tmp, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) != 0)
		err = errno;
	if (fd >= 0)
		close(fd);
	return afile_place(tmp, final, err);
}

void afile_sync_all(const char *const *tmps, size_t n, int *errs)
{
	enum { MAX_FS = 16 };
	dev_t dev[MAX_FS];
	int dev_err[MAX_FS];
	size_t n_dev = 0;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (stat(tmps[i], &st) != 0) {
			errs[i] = errno;
			continue;
		}
		size_t k = 0;
		while (k < n_dev && dev[k] != st.st_dev)
			k++;
		if (k < n_dev) { /* its file system is on disk already */
			errs[i] = dev_err[k];
			continue;
		}
		/* A new file system, or so many that this file goes alone. */
		int fd = open(tmps[i], O_RDONLY | O_CLOEXEC);
		errs[i] = fd < 0 || (n_dev < MAX_FS ? syncfs(fd) : fsync(fd)) != 0 ? errno : 0;
		if (fd >= 0)
			close(fd);
		if (n_dev < MAX_FS) {
			dev[n_dev] = st.st_dev;
			dev_err[n_dev++] = errs[i];
		}
	}
}

int afile_commit(afile *a)
{
	int rc = 0;
	if (a->mem) {
		if (!a->failed && (fwrite(a->mem->data, 1, a->mem->len, stdout) != a->mem->len ||
		                   fflush(stdout) != 0)) {
			diag_error("<stdout>", 0, "cannot write: %s", strerror(errno));
			rc = -1;
		}
		g_byte_array_free(a->mem, TRUE);
		a->mem = NULL;
	} else {
		if (!a->failed && fflush(a->f) != 0) {
			a->failed = 1;
			a->err = errno;
		}
		if (fclose(a->f) != 0 && !a->failed) {
			a->failed = 1;
			a->err = errno;
		}
		a->f = NULL;
		if (a->failed) {
			diag_error(a->final, 0, "cannot write: %s",
			           strerror(a->err ? a->err : EIO));
			if (a->tmp)
				unlink(a->tmp);
			rc = -1;
		} else if (!a->direct &&
		           !(defer_fn && defer_fn(a->tmp, a->final, defer_ctx) == 0)) {
			rc = afile_finish(a->tmp, a->final);
		}
		if (a->tmp)
			track(a->tmp, 0);
	}
	free(a->tmp);
	free(a->final);
	a->tmp = a->final = NULL;
	return rc;
}

void afile_abort(afile *a)
{
	if (a->mem)
		g_byte_array_free(a->mem, TRUE);
	if (a->f)
		fclose(a->f);
	if (a->tmp) {
		unlink(a->tmp);
		track(a->tmp, 0);
	}
	free(a->tmp);
	free(a->final);
	memset(a, 0, sizeof *a);
}
