/* batch_pool.c — see batch_pool.h.  Each worker has three pipes: jobs in
 * (a job index), results out (one bpool_result, written whole: it is
 * smaller than PIPE_BUF) and its standard error.  One poll loop in the
 * parent watches the result and error pipes and a self-pipe written by the
 * SIGCHLD and interrupt handlers. */
#define _GNU_SOURCE
#include "batch_pool.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

_Static_assert(sizeof(bpool_result) <= PIPE_BUF, "a result must fit one atomic pipe write");

enum { LINE_MAX_BYTES = 4096, TICK_MS = 250, GRACE_S = 2 };

typedef struct worker {
	pid_t pid;  /* 0: no worker in this slot */
	long idx;   /* the job it is running, -1 when idle */
	int cmd;    /* write end of its job pipe, -1 once retired */
	int res;    /* read end of its result pipe */
	int err;    /* read end of its standard error, -1 at end of file */
	int n_jobs; /* jobs given to it so far */
	double start, deadline;
	int timed_out, stopped;
	size_t got; /* bytes of the result read so far */
	bpool_result r;
	size_t len;
	char line[LINE_MAX_BYTES + 1];
} worker;

/* Signal handlers can only reach file-scope state: the self-pipe they
 * write to and the interrupting signal. */
static int wake_w = -1;
static volatile sig_atomic_t interrupted;

static void on_child(int sig)
{
	(void)sig;
	int e = errno;
	if (write(wake_w, "c", 1) < 0) {
		/* a full pipe: the loop is awake anyway */
	}
	errno = e;
}

static void on_interrupt(int sig)
{
	interrupted = sig;
	on_child(sig);
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static void emit(worker *w, const bpool_ops *ops, void *ctx)
{
	w->line[w->len] = '\0';
	if (ops->message)
		ops->message(ctx, w->line);
	w->len = 0;
}

/* Reads what the worker wrote to standard error; whole lines go on. */
static void drain_err(worker *w, const bpool_ops *ops, void *ctx)
{
	char buf[4096];
	while (w->err >= 0) {
		ssize_t n = read(w->err, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n <= 0) {
			if (w->len)
				emit(w, ops, ctx);
			close(w->err);
			w->err = -1;
			return;
		}
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] == '\n' || w->len == LINE_MAX_BYTES)
				emit(w, ops, ctx);
			if (buf[i] != '\n')
				w->line[w->len++] = buf[i];
		}
	}
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static const int caught[] = {SIGINT, SIGTERM, SIGHUP};
enum { N_CAUGHT = sizeof caught / sizeof *caught };

/* The worker: job indexes in, results out, until its job pipe closes. */
static void worker_main(worker *ws, int n, int self, int cmd, int res, int err, int wake_r,
                        const bpool_ops *ops, void *ctx)
{
	signal(SIGCHLD, SIG_DFL);
	for (int i = 0; i < N_CAUGHT; i++)
		signal(caught[i], SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	close(wake_r);
	close(wake_w);
	for (int i = 0; i < n; i++)
		if (i != self && ws[i].pid) {
			close_fd(&ws[i].cmd);
			close_fd(&ws[i].res);
			close_fd(&ws[i].err);
		}
	dup2(err, STDERR_FILENO);
	close(err);
	int dn = open("/dev/null", O_RDONLY);
	if (dn >= 0) {
		dup2(dn, STDIN_FILENO);
		close(dn);
	}
	long idx;
	while (read(cmd, &idx, sizeof idx) == (ssize_t)sizeof idx) {
		bpool_result r;
		memset(&r, 0, sizeof r);
		ops->run(ctx, idx, &r);
		if (write(res, &r, sizeof r) != (ssize_t)sizeof r)
			break;
	}
	/* _exit: the parent's buffered output (the report) must not be
	 * written a second time, nor its atexit handlers run. */
	_exit(0);
}

static int spawn(worker *ws, int n, int self, int wake_r, const bpool_ops *ops, void *ctx)
{
	int c[2], r[2], e[2];
	if (pipe2(c, O_CLOEXEC) < 0)
		return -1;
	if (pipe2(r, O_CLOEXEC) < 0) {
		close(c[0]), close(c[1]);
		return -1;
	}
	if (pipe2(e, O_CLOEXEC) < 0) {
		close(c[0]), close(c[1]), close(r[0]), close(r[1]);
		return -1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		close(c[1]), close(r[0]), close(e[0]);
		worker_main(ws, n, self, c[0], r[1], e[1], wake_r, ops, ctx);
	}
	close(c[0]), close(r[1]), close(e[1]);
	if (pid < 0) {
		close(c[1]), close(r[0]), close(e[0]);
		return -1;
	}
	fcntl(r[0], F_SETFL, O_NONBLOCK);
	fcntl(e[0], F_SETFL, O_NONBLOCK);
	worker *w = &ws[self];
	memset(w, 0, sizeof *w);
	*w = (worker){.pid = pid, .idx = -1, .cmd = c[1], .res = r[0], .err = e[0]};
	return 0;
}

static int dispatch(worker *w, long idx, double timeout)
{
	w->idx = idx;
	w->got = 0;
	w->timed_out = 0;
	w->start = now_s();
	w->deadline = timeout > 0 ? w->start + timeout : 0;
	w->n_jobs++;
	return write(w->cmd, &idx, sizeof idx) == (ssize_t)sizeof idx ? 0 : -1;
}

/* Job idx, started at start on w, has ended with r. */
static void job_ended(worker *w, long idx, double start, bpool_result *r, const bpool_ops *ops,
                      void *ctx)
{
	drain_err(w, ops, ctx);
	r->ms = (long)((now_s() - start) * 1000 + 0.5);
	r->error[sizeof r->error - 1] = '\0';
	ops->done(ctx, idx, r);
}

/* w's job has ended: w is idle. */
static long idle(worker *w)
{
	long idx = w->idx;
	w->idx = -1;
	w->deadline = 0;
	return idx;
}

/* Reads a result; returns 1 when a whole one has arrived. */
static int read_result(worker *w)
{
	while (w->got < sizeof w->r) {
		ssize_t n = read(w->res, (char *)&w->r + w->got, sizeof w->r - w->got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 0;
		w->got += (size_t)n;
	}
	w->got = 0;
	return 1;
}

/* The worker process has ended; fails the job it was running, if any. */
static void worker_ended(worker *w, int st, double timeout, const bpool_ops *ops, void *ctx)
{
	if (w->idx >= 0 && read_result(w)) /* it finished just before dying */
		job_ended(w, idle(w), w->start, &w->r, ops, ctx);
	if (w->idx >= 0) {
		bpool_result r = {.status = 1, .abnormal = 1};
		if (w->timed_out)
			snprintf(r.error, sizeof r.error, "timed out after %g s (stopped)",
			         timeout);
		else if (WIFSIGNALED(st) && (w->stopped || interrupted))
			snprintf(r.error, sizeof r.error, "interrupted before it finished");
		else if (WIFSIGNALED(st))
			snprintf(r.error, sizeof r.error, "crashed: %s (signal %d)%s",
			         strsignal(WTERMSIG(st)), WTERMSIG(st),
			         WTERMSIG(st) == SIGKILL
			                 ? "; killed from outside, perhaps out of memory"
			                 : "");
		else
			snprintf(r.error, sizeof r.error,
			         "the worker ended early with exit status %d (a plugin called "
			         "exit?)",
			         WEXITSTATUS(st));
		job_ended(w, idle(w), w->start, &r, ops, ctx);
	}
	drain_err(w, ops, ctx);
	close_fd(&w->cmd);
	close_fd(&w->res);
	close_fd(&w->err);
	w->pid = 0;
}

/* Hands a job to every idle slot; retires workers past their share, and
 * all idle ones once the jobs run out (*more becomes 0). */
static void feed(worker *ws, int n, int *more, int wake_r, double timeout, const bpool_ops *ops,
                 void *ctx)
{
	for (int i = 0; i < n; i++) {
		worker *w = &ws[i];
		if (w->pid && w->idx < 0 && w->cmd >= 0 && (!*more || w->n_jobs >= BPOOL_RECYCLE))
			close_fd(&w->cmd);
		if (!*more || (w->pid && (w->idx >= 0 || w->cmd < 0)))
			continue;
		long idx = ops->next(ctx);
		if (idx < 0) {
			*more = 0;
			i = -1; /* once more round, to retire the idle */
			continue;
		}
		if (!w->pid && spawn(ws, n, i, wake_r, ops, ctx) < 0) {
			bpool_result r = {.status = 1, .abnormal = 1};
			snprintf(r.error, sizeof r.error, "cannot start a worker: %s",
			         strerror(errno));
			ops->done(ctx, idx, &r);
			continue;
		}
		if (dispatch(w, idx, timeout) < 0)
			kill(w->pid, SIGKILL); /* reaped below; the job fails */
	}
}

int bpool_run(int n, double timeout, const bpool_ops *ops, void *ctx)
{
	int wake[2];
	if (pipe2(wake, O_CLOEXEC | O_NONBLOCK) < 0) {
		perror("briefpack: pipe");
		return SIGTERM;
	}
	wake_w = wake[1];
	interrupted = 0;
	struct sigaction sa = {0}, old_chld, old_pipe, old[N_CAUGHT];
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sa.sa_handler = on_child;
	sigaction(SIGCHLD, &sa, &old_chld);
	sa.sa_flags = SA_RESTART;
	sa.sa_handler = on_interrupt;
	for (int i = 0; i < N_CAUGHT; i++)
		sigaction(caught[i], &sa, &old[i]);
	sa.sa_handler = SIG_IGN; /* a dead worker's job pipe: EPIPE, not death */
	sigaction(SIGPIPE, &sa, &old_pipe);

	worker *ws = calloc((size_t)n, sizeof *ws);
	struct pollfd *pfd = calloc(2 * (size_t)n + 1, sizeof *pfd);
	int *pw = calloc(2 * (size_t)n + 1, sizeof *pw);
	int more = 1, stopping = 0;
	double last_tick = 0;
	for (;;) {
		if (interrupted && !stopping) {
			stopping = 1;
			more = 0;
			for (int i = 0; i < n; i++)
				if (ws[i].pid && ws[i].idx >= 0) {
					kill(ws[i].pid, SIGTERM);
					ws[i].stopped = 1;
					ws[i].deadline = now_s() + GRACE_S;
				}
		}
		feed(ws, n, &more, wake[0], timeout, ops, ctx);
		int live = 0;
		for (int i = 0; i < n; i++)
			live += ws[i].pid != 0;
		if (!live)
			break;

		/* Sleep until a result, output, a worker's end, the nearest
		 * deadline or the next progress tick. */
		int k = 0;
		pfd[k] = (struct pollfd){.fd = wake[0], .events = POLLIN};
		pw[k++] = -1;
		double wait = ops->tick ? TICK_MS / 1000.0 : 60, t = now_s();
		for (int i = 0; i < n; i++) {
			if (!ws[i].pid)
				continue;
			if (ws[i].res >= 0) {
				pfd[k] = (struct pollfd){.fd = ws[i].res, .events = POLLIN};
				pw[k++] = i;
			}
			if (ws[i].err >= 0) {
				pfd[k] = (struct pollfd){.fd = ws[i].err, .events = POLLIN};
				pw[k++] = i;
			}
			if (ws[i].deadline > 0 && ws[i].deadline - t < wait)
				wait = ws[i].deadline - t;
		}
		int ms = wait <= 0 ? 0 : (int)(wait * 1000) + 1;
		int got = poll(pfd, (nfds_t)k, ms);
		if (got < 0 && errno != EINTR)
			break;
		char junk[64];
		while (read(wake[0], junk, sizeof junk) > 0)
			;
		for (int j = 1; got > 0 && j < k; j++) {
			if (!pfd[j].revents)
				continue;
			worker *w = &ws[pw[j]];
			if (pfd[j].fd == w->err) {
				drain_err(w, ops, ctx);
			} else if (w->idx >= 0 && read_result(w)) {
				double start = w->start;
				long idx = idle(w);
				bpool_result r = w->r;
				/* After a success, the next job first: done() may
				 * wait for the disk.  After a failure, done() first:
				 * it may stop the batch (--fail-fast). */
				if (r.status == 0)
					feed(ws, n, &more, wake[0], timeout, ops, ctx);
				job_ended(w, idx, start, &r, ops, ctx);
				if (ops->tick)
					ops->tick(ctx);
			} else if (w->idx < 0 || (pfd[j].revents & (POLLHUP | POLLERR))) {
				close_fd(&w->res); /* end of file: wait for its exit */
			}
		}

		int st;
		pid_t pid;
		while ((pid = waitpid(-1, &st, WNOHANG)) > 0)
			for (int i = 0; i < n; i++)
				if (ws[i].pid == pid) {
					worker_ended(&ws[i], st, timeout, ops, ctx);
					break;
				}

		t = now_s();
		for (int i = 0; i < n; i++)
			if (ws[i].pid && ws[i].deadline > 0 && t >= ws[i].deadline) {
				/* Past the timeout, or past the grace after SIGTERM. */
				if (!ws[i].stopped)
					ws[i].timed_out = 1;
				kill(ws[i].pid, SIGKILL);
				ws[i].deadline = 0;
			}
		if (ops->tick && t - last_tick >= TICK_MS / 1000.0) {
			last_tick = t;
			ops->tick(ctx);
		}
	}

	for (int i = 0; i < N_CAUGHT; i++)
		sigaction(caught[i], &old[i], NULL);
	sigaction(SIGCHLD, &old_chld, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
	close(wake[0]);
	close(wake[1]);
	wake_w = -1;
	free(ws);
	free(pfd);
	free(pw);
	return interrupted;
}
