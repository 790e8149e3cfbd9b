/* SPDX-License-Identifier: MIT */
/* watchdog.c - sweep up after the inspector, however it ended. */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "members.h"
#include "proc.h"
#include "watchdog.h"

static int guard_fd = -1;    /* the inspector's end of the socket pair */

/* What the inspector sends with each member's pidfd. */
struct held {
	pid_t pid;
	unsigned long long start;
};

void
watchdog_hold(int pidfd, pid_t pid, unsigned long long start)
{
	union { struct cmsghdr h; char space[CMSG_SPACE(sizeof(int))]; } c;
	struct held what = { pid, start };
	struct iovec iov = { &what, sizeof what };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
	    .msg_control = &c, .msg_controllen = sizeof c };
	struct cmsghdr *h;

	if (guard_fd < 0)
		return;
	memset(&c, 0, sizeof c);
	h = CMSG_FIRSTHDR(&mh);
	h->cmsg_level = SOL_SOCKET;
	h->cmsg_type = SCM_RIGHTS;
	h->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(h), &pidfd, sizeof pidfd);
	while (sendmsg(guard_fd, &mh, MSG_NOSIGNAL) == -1 && errno == EINTR)
		;
}

struct flock_of {
	int *fd;
	struct held *who;
	int n, cap;
};

static int
keep(struct flock_of *k, int fd, pid_t pid, unsigned long long start)
{
	if (k->n == k->cap) {
		int cap = k->cap ? k->cap * 2 : 64;
		int *fds = realloc(k->fd, cap * sizeof *fds);
		struct held *who = fds ? realloc(k->who, cap * sizeof *who) : NULL;

		if (fds != NULL)
			k->fd = fds;
		if (who == NULL)
			return -1;
		k->who = who;
		k->cap = cap;
	}
	k->fd[k->n] = fd;
	k->who[k->n] = (struct held){ pid, start };
	k->n++;
	return 0;
}

/* Receives pidfds until the inspector's end closes. */
static void
collect(int sock, struct flock_of *k)
{
	union { struct cmsghdr h; char space[CMSG_SPACE(sizeof(int))]; } c;
	struct held what;
	struct iovec iov = { &what, sizeof what };
	struct msghdr mh;
	struct cmsghdr *h;
	ssize_t n;
	int fd;

	for (;;) {
		memset(&mh, 0, sizeof mh);
		mh.msg_iov = &iov;
		mh.msg_iovlen = 1;
		mh.msg_control = &c;
		mh.msg_controllen = sizeof c;
		if ((n = recvmsg(sock, &mh, MSG_CMSG_CLOEXEC)) == 0)
			return;                 /* the inspector is gone */
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		h = CMSG_FIRSTHDR(&mh);
		if (n != sizeof what || h == NULL || h->cmsg_type != SCM_RIGHTS)
			continue;
		memcpy(&fd, CMSG_DATA(h), sizeof fd);
		if (keep(k, fd, what.pid, what.start) == -1)
			close(fd);
	}
}

/* Stops every member (a stopped process cannot fork), then takes in
 * whatever the stopped ones made meanwhile: their children, and what
 * shares a session or group with one of them (an orphan that went to
 * init after the inspector died). A session or group ID is not reused
 * while any process is in it, so sharing one with a living member is
 * kernel fact, not a claim. Returns how many it took in. */
static int
stop_and_gather(int procfd, struct flock_of *k)
{
	static pid_t pids[65536];
	struct proc_info p, *live;
	int i, j, n, nlive = 0, fd, added = 0, ours;

	if ((live = calloc(k->n + 1, sizeof *live)) == NULL)
		return 0;
	for (i = 0; i < k->n; i++) {
		pidfd_signal(k->fd[i], SIGSTOP);
		/* Alive under its own PID: the pidfd still reaches it, and
		 * the PID's start time is the one recorded. */
		if (pidfd_signal(k->fd[i], 0) == 0 &&
		    proc_read_stat(procfd, k->who[i].pid, &live[nlive]) == 0 &&
		    live[nlive].starttime == k->who[i].start)
			nlive++;
	}
	n = proc_list(procfd, pids, sizeof pids / sizeof pids[0]);
	for (i = 0; i < n && i < (int)(sizeof pids / sizeof pids[0]); i++) {
		if (pids[i] == getpid() ||
		    proc_read_stat(procfd, pids[i], &p) == -1)
			continue;
		for (j = 0, ours = 0; j < nlive && !ours; j++)
			ours = p.ppid == live[j].pid || p.sid == live[j].sid ||
			    p.pgid == live[j].pgid;
		for (j = 0; ours && j < k->n; j++)
			if (k->who[j].pid == p.pid &&
			    k->who[j].start == p.starttime)
				ours = 0;       /* held already */
		if (!ours || (fd = pidfd_for(procfd, p.pid, p.starttime)) == -1)
			continue;
		pidfd_signal(fd, SIGSTOP);
		if (keep(k, fd, p.pid, p.starttime) == -1)
			close(fd);
		else
			added++;
	}
	free(live);
	return added;
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static _Noreturn void
watch(int sock, const char *dir)
{
	struct flock_of k = { NULL, NULL, 0, 0 };
	struct rlimit rl;
	int procfd, i, rounds;

	/* The terminal closing, ^C, or a kill of the whole group must not
	 * end the watchdog before it has done its one job. */
	signal(SIGHUP, SIG_IGN);
	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	/* Nor ^Z stop it: an inspector killed while suspended is still
	 * swept up after. */
	signal(SIGTSTP, SIG_IGN);
	prctl(PR_SET_NAME, "daemonlab-watch");
	/* One descriptor per member: as many as the system allows. */
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	collect(sock, &k);
	procfd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	for (rounds = 0; procfd != -1 && rounds < 50; rounds++)
		if (stop_and_gather(procfd, &k) == 0)
			break;
	for (i = 0; i < k.n; i++)
		pidfd_signal(k.fd[i], SIGKILL);
	if (dir != NULL)
		nftw(dir, remove_one, 8, FTW_DEPTH | FTW_PHYS);
	_exit(0);
}

pid_t
watchdog_start(const char *dir)
{
	int sv[2];
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) == -1)
		return -1;
	if ((pid = fork()) == -1) {
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	if (pid == 0) {
		close(sv[1]);
		watch(sv[0], dir);
	}
	close(sv[0]);
	guard_fd = sv[1];
	members_ignore(pid);
	return pid;
}

void
watchdog_stop(pid_t pid)
{
	if (guard_fd >= 0)
		close(guard_fd);
	guard_fd = -1;
	if (pid > 0)
		waitpid(pid, NULL, 0);
}
