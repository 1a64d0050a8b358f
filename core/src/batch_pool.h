/*
 * batch_pool.h — runs batch jobs in N worker processes forked from the
 * warmed parent (fonts and plugins loaded once, shared copy-on-write).  A
 * worker renders job after job, keeping Pango's font caches warm (a fresh
 * process spends most of a small pack's time building them); it is retired
 * after BPOOL_RECYCLE jobs so leaks cannot add up, and a worker that
 * crashes or runs past the timeout is killed and replaced, failing only the
 * job it had.  The workers' standard error comes back through pipes and is
 * handed on line by line, so a progress line can be kept clear of it.
 */
#ifndef BP_BATCH_POOL_H
#define BP_BATCH_POOL_H

#include <stddef.h>

enum { BPOOL_RECYCLE = 200 }; /* jobs a worker renders before it is replaced */

typedef struct bpool_result {
	int status;   /* the job's exit status: 0, 1, 2; 1 when it died */
	int abnormal; /* it crashed, timed out or was interrupted */
	int pages;    /* filled by the job */
	long long bytes;
	long ms;          /* wall time, handed out to done */
	char error[1024]; /* first error, "" if none */
	/* What the job left for done() to finish, for the caller's own use
	 * (batch.c: the packs' files to put on disk and rename). */
	size_t files_len;
	char files[2048];
} bpool_result;

typedef struct bpool_ops {
	/* Parent: the next job to start (an index of the caller's), -1 when
	 * none is left. */
	long (*next)(void *ctx);
	/* Child: runs job idx, fills r->status, pages, bytes, error. */
	void (*run)(void *ctx, long idx, bpool_result *r);
	/* Parent: job idx has ended.  The worker has its next job by then, so
	 * slow work here (waiting for the disk) overlaps its rendering. */
	void (*done)(void *ctx, long idx, const bpool_result *r);
	/* Parent: one line (no newline) a child wrote to standard error. */
	void (*message)(void *ctx, const char *line);
	/* Parent: called a few times a second and after each job (progress). */
	void (*tick)(void *ctx);
} bpool_ops;

/* Runs jobs until next() gives -1 and all have ended.  timeout: seconds a
 * job may run (0: no limit).  Returns 0, or the number of the signal
 * (SIGINT, SIGTERM, SIGHUP) that interrupted the batch; running jobs were
 * then stopped and reported as failed. */
int bpool_run(int workers, double timeout, const bpool_ops *ops, void *ctx);

#endif
