/*
 * output.h — files that are either complete or untouched: written to a
 * temporary file beside the target and renamed into place only when
 * everything succeeded ("-" collects in memory and goes to standard output
 * at the end).  An interrupted run removes its temporary files.
 */
#ifndef BP_OUTPUT_H
#define BP_OUTPUT_H

#include <cairo.h>
#include <glib.h>
#include <stdio.h>

typedef struct afile {
	char *final; /* target path, or "-" */
	char *tmp;   /* temporary path beside it */
	FILE *f;
	GByteArray *mem; /* for "-" */
	int direct;      /* the target is a device or pipe: written in place */
	int failed;
	int err; /* errno of the first failure */
	long long bytes;
} afile;

/* 0, or -1 with a message printed (the folder is missing or not writable). */
int afile_open(afile *a, const char *final);
/* A cairo write function; closure is the afile. */
cairo_status_t afile_write(void *closure, const unsigned char *data, unsigned int len);
/* Renames into place (or writes standard output); 0, or -1 after a message.
 * A file is on disk (fsync) before it takes the target's name. */
int afile_commit(afile *a);
/* From now on (fn NULL: no longer) afile_commit() offers each finished
 * temporary file to fn, which returns 0 when it takes the pair and will see
 * to it (afile_finish, or afile_sync_all and afile_place; later or in
 * another process), -1 when the file must be finished here.  Batch workers
 * use it to leave the wait for the disk to the batch process, so they can
 * start on the next pack. */
void afile_defer(int (*fn)(const char *tmp, const char *final, void *ctx), void *ctx);
/* Puts a complete temporary file on disk and renames it to final; 0, or
 * -1 after a message (the temporary file is removed). */
int afile_finish(const char *tmp, const char *final);
/* Puts many complete temporary files on disk at once: one syncfs() for
 * each file system they are on, where an fsync() each would wait for a
 * journal commit each.  errs[i] becomes 0, or the errno of tmps[i]'s
 * failure. */
void afile_sync_all(const char *const *tmps, size_t n, int *errs);
/* Renames a temporary file that is on disk to final, or, when err is not
 * 0 (its failure to get there), removes it; 0, or -1 after a message. */
int afile_place(const char *tmp, const char *final, int err);
/* Removes the temporary file; the target is untouched. */
void afile_abort(afile *a);

#endif
