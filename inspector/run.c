/* SPDX-License-Identifier: MIT */
/* run.c - launch a chain, read its reports and its terminal, end it cleanly. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "run.h"

void (*run_hold)(int pidfd, pid_t, unsigned long long start);

static void
path_in(const struct run *r, const char *name, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s", r->dir, name);
}

static int
open_socket(struct run *r)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int on = 1;

	path_in(r, "sock", addr.sun_path, sizeof addr.sun_path);
	r->sock = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (r->sock == -1 ||
	    bind(r->sock, (struct sockaddr *)&addr, sizeof addr) == -1 ||
	    setsockopt(r->sock, SOL_SOCKET, SO_PASSCRED, &on, sizeof on) == -1)
		return -1;
	/* A step that dropped root (step-dropprivs) must still reach us:
	 * the folder may be passed (not listed) and the socket written by
	 * anyone. Whom to believe, the sender's credentials decide. */
	if (chmod(r->dir, 0711) == -1 || chmod(addr.sun_path, 0666) == -1)
		return -1;
	return 0;
}

int
run_start(struct run *r, const char *title, char **argv,
    const struct chain *chain, const char *steps_dir, const char *base,
    char *err, size_t errsize)
{
	static char env_sock[160], env_pid[64], env_path[4096], env_notify[160];
	char *env[] = { env_sock, env_pid, env_path, env_notify, NULL };
	char forgotten[128];
	struct proc_info shell;

	memset(r, 0, sizeof *r);
	r->title = title;
	r->argv = argv;
	r->chain = chain;
	r->sock = -1;
	r->notify.sock = -1;
	r->launch.master = -1;
	snprintf(r->dir, sizeof r->dir, "%s/run-XXXXXX", base);
	if (mkdtemp(r->dir) == NULL || open_socket(r) == -1 ||
	    notify_open(&r->notify, r->dir) == -1 ||
	    story_init(&r->story) == -1) {
		snprintf(err, errsize, "cannot set up %s: %s", r->dir,
		    strerror(errno));
		return -1;
	}
	snprintf(env_sock, sizeof env_sock, "DAEMONLAB_SOCKET=%s/sock", r->dir);
	/* The inspector is the run's service manager (daemon(7), new-style
	 * daemons): READY=1 and STATUS= come here. */
	snprintf(env_notify, sizeof env_notify, "NOTIFY_SOCKET=%s",
	    r->notify.path);
	snprintf(env_pid, sizeof env_pid, "DAEMONLAB_INSPECTOR_PID=%d",
	    (int)getpid());
	snprintf(env_path, sizeof env_path, "PATH=%s:%s", steps_dir,
	    getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
	/* The file a careless parent "forgot" to close: step-closefds
	 * has something of its own to close. */
	path_in(r, "forgotten.log", forgotten, sizeof forgotten);
	r->launch.how = chain != NULL ? launch_how_of(chain->how) :
	    LAUNCH_FOREGROUND;
	if (launch_start(&r->launch, argv, env, forgotten, 24, 100) == -1) {
		snprintf(err, errsize, "cannot start a pty: %s", strerror(errno));
		return -1;
	}
	story_subreaper(&r->story, getpid());
	/* The shell is our child, not yet reaped: its PID is its own. */
	members_init(&r->members, r->story.procfd, getpid());
	r->members.hold = run_hold;
	r->story.members = &r->members;
	if (proc_read_stat(r->story.procfd, r->launch.shell, &shell) == -1 ||
	    members_add(&r->members, r->launch.shell, shell.starttime) == NULL) {
		snprintf(err, errsize, "cannot follow the shell: %s",
		    strerror(errno));
		return -1;
	}
	story_add(&r->story, r->launch.shell, ROLE_SHELL);
	r->scan_due = 1;
	return 0;
}

void
run_stop(struct run *r)
{
	char path[128];

	if (r->launch.shell > 0)
		members_end(&r->members, 1000);
	launch_stop(&r->launch);
	members_free(&r->members);
	if (r->sock >= 0)
		close(r->sock);
	r->sock = -1;
	notify_close(&r->notify);
	path_in(r, "sock", path, sizeof path);
	unlink(path);
	path_in(r, "forgotten.log", path, sizeof path);
	unlink(path);
	path_in(r, "nohup.out", path, sizeof path);     /* chain nohup */
	unlink(path);
	rmdir(r->dir);
	story_free(&r->story);
}

int
run_reaped(struct run *r, pid_t pid, int status)
{
	if (!members_reaped(&r->members, pid, status))
		return 0;
	r->scan_due = 1;     /* its children, if any, came to us */
	return 1;
}

void
run_look(struct run *r)
{
	if (members_reap_check(&r->members) > 0)
		r->scan_due = 1;     /* orphans of the dead come to us */
	if (r->scan_due || r->chain == NULL)
		members_discover(&r->members);
	r->scan_due = 0;
	/* A command that reports no steps is watched like an attached
	 * process: each change is a step. */
	if (r->chain == NULL && r->steps_seen == 0)
		story_watch(&r->story);
	else
		story_refresh(&r->story);
}

static const char *
lesson_key(struct run *r, const struct proto_msg *m)
{
	if (m->event == PROTO_ERROR && strcmp(m->step, "setsid") == 0)
		return "mistake";
	if (strcmp(m->step, "fork") == 0 && r->setsid_done)
		return "fork2";
	return m->step;
}

/* A step reports just before it waits: until it waits, the socket it
 * reported through may still be open. Look once it waits for SIGUSR1. */
static void
wait_until_paused(const struct run *r, pid_t pid)
{
	char path[32], buf[64];
	ssize_t n;
	int fd, i;

	snprintf(path, sizeof path, "%d/syscall", (int)pid);
	for (i = 0; i < 100; i++) {
		if ((fd = openat(r->story.procfd, path, O_RDONLY | O_CLOEXEC)) < 0)
			return;
		n = read(fd, buf, sizeof buf - 1);
		close(fd);
		if (n <= 0)
			return;
		buf[n] = '\0';
		if (atoi(buf) == SYS_rt_sigtimedwait)
			return;
		usleep(1000);
	}
}

/* A failed step often exits (and its parent reaps it) before our look:
 * its row would keep the name of the step before. The kernel proved the
 * sender a member, and the program that reports step NAME is step-NAME,
 * so the row says which program failed. */
static void
name_failed(struct run *r, pid_t sender, const char *step)
{
	struct row *row = story_find(&r->story, sender);

	if (row == NULL || !row->exited)
		return;
	/* As the kernel keeps a name: 15 bytes (TASK_COMM_LEN). */
	snprintf(row->now.p.comm, 16, "step-%.10s", step);
}

static void
handle(struct run *r, const struct proto_msg *m, pid_t sender)
{
	if (strcmp(m->step, "serve") == 0)
		r->serving = m->event == PROTO_PAUSED ? sender : 0;
	/* The same step again, still paused: step-serve after each SIGHUP
	 * says what it reread. New words, not a new step. */
	if (m->event == PROTO_PAUSED && sender == r->paused &&
	    strcmp(lesson_key(r, m), r->lesson) == 0) {
		snprintf(r->message, sizeof r->message, "%s", m->msg);
		r->event = m->event;
		return;
	}
	snprintf(r->message, sizeof r->message, "%s", m->msg);
	/* Once hung up, the hang-up is the lesson, whatever comes next. */
	if (!r->hangup.done)
		snprintf(r->lesson, sizeof r->lesson, "%s", lesson_key(r, m));
	r->event = m->event;
	if (m->event == PROTO_EXIT && m->child > 0) {
		/* step-fork's parent, about to exit: the child goes on.
		 * One more look keeps the parent's last values. */
		story_refresh(&r->story);
		r->fork_parent = sender;
		r->fork_child = m->child;
		story_add(&r->story, m->child, ROLE_CHAIN);
		/* step-fork --ready: the parent speaks again only when the
		 * daemon is ready, while the daemon itself pauses. */
		if (r->paused == sender)
			r->paused = 0;
		return;
	}
	if (m->event == PROTO_PAUSED)
		wait_until_paused(r, sender);
	if (!r->marked)
		story_mark(&r->story);   /* continued by someone else */
	r->marked = 0;
	if (m->event == PROTO_PAUSED) {
		story_step(&r->story, sender, sender == r->fork_child ?
		    r->fork_parent : 0);
		r->fork_child = r->fork_parent = 0;
		r->paused = sender;
		r->steps_seen++;
		/* "prog, ^Z, disown": ^Z typed on the chain's terminal, as
		 * a user would; the shell disowns the stopped job. */
		if (r->steps_seen == 1 && r->launch.how == LAUNCH_STOP_DISOWN &&
		    r->launch.master >= 0 && write(r->launch.master, "\x1a",
		    1) != 1) {
			/* the terminal is gone */
		}
		if (strcmp(m->step, "setsid") == 0)
			r->setsid_done = 1;
	} else {
		story_step(&r->story, sender, 0);
		r->paused = 0;
		if (m->event == PROTO_ERROR) {
			r->steps_seen++;    /* the step ran, and failed */
			name_failed(r, sender, m->step);
		}
	}
}

/* Is the sender one of ours? The kernel named it; we recorded our
 * members with their start times while they were alive, since a sender
 * often exits right after its report (step-fork's parent, a failing
 * step). A PID that now belongs to a process started later is not the
 * member that had it. */
static const struct member *
sender_member(struct run *r, pid_t pid, int *scanned)
{
	const struct member *e;
	struct proc_info p;
	int now = proc_read_stat(r->story.procfd, pid, &p) == 0;

	e = members_find(&r->members, pid);
	if (e == NULL && now && !*scanned) {
		/* A new process of the run reporting before we looked:
		 * one look at /proc a turn, however many reports come. */
		members_discover(&r->members);
		*scanned = 1;
		e = members_find(&r->members, pid);
	}
	if (e == NULL || (now && p.starttime != e->start))
		return NULL;
	return e;
}

/* A child= is believed when its parent is the sender, or when it is now
 * an orphan of ours that started after the sender: never a process the
 * run did not make, not even the inspector. */
static int
child_believed(struct run *r, const struct member *sender, pid_t child)
{
	const struct member *e;
	struct proc_info p;

	if (child == r->members.self ||
	    proc_read_stat(r->story.procfd, child, &p) == -1 ||
	    p.starttime < sender->start)
		return 0;
	if (p.ppid != sender->pid && p.ppid != r->members.self)
		return 0;
	if ((e = members_find(&r->members, child)) == NULL ||
	    e->start != p.starttime)
		e = members_add(&r->members, child, p.starttime);
	return e != NULL;
}

static int
notify_member(void *ctx, pid_t pid)
{
	int scanned = 0;

	return sender_member(ctx, pid, &scanned) != NULL;
}

int
run_notify(struct run *r, int max)
{
	int n = notify_read(&r->notify, max, notify_member, r);

	if (n > 0)
		r->scan_due = 1;
	return n;
}

int
run_reports(struct run *r, int max)
{
	char buf[PROTO_MAX + 1];
	union { struct cmsghdr h; char space[CMSG_SPACE(sizeof(struct ucred))]; } c;
	struct iovec iov = { buf, sizeof buf };
	const struct member *from;
	struct msghdr mh;
	struct cmsghdr *h;
	struct proto_msg m;
	struct ucred cred;
	ssize_t n;
	int count = 0, scanned = 0, turn;

	for (turn = 0; turn < max; turn++) {
		memset(&mh, 0, sizeof mh);
		mh.msg_iov = &iov;
		mh.msg_iovlen = 1;
		mh.msg_control = &c;
		mh.msg_controllen = sizeof c;
		if ((n = recvmsg(r->sock, &mh, 0)) < 0)
			break;
		cred.pid = 0;
		for (h = CMSG_FIRSTHDR(&mh); h != NULL; h = CMSG_NXTHDR(&mh, h))
			if (h->cmsg_level == SOL_SOCKET &&
			    h->cmsg_type == SCM_CREDENTIALS)
				memcpy(&cred, CMSG_DATA(h), sizeof cred);
		/* The kernel says who sent it. A pid of 0 comes from a PID
		 * namespace we cannot see: nobody we know. */
		if ((mh.msg_flags & MSG_TRUNC) || proto_parse(buf, n, &m) == -1)
			continue;
		if (cred.pid <= 0 ||
		    (from = sender_member(r, cred.pid, &scanned)) == NULL ||
		    (m.event == PROTO_EXIT && m.child > 0 &&
		    !child_believed(r, from, m.child))) {
			r->ignored++;
			continue;
		}
		r->scan_due = 1;
		if (m.event == PROTO_REAPED) {
			/* Believed from the run's shell alone, for its job:
			 * the kernel named the sender, and the shell is
			 * the run's first member, proved at launch. */
			if (from != &r->members.v[0] ||
			    !members_collected(&r->members, m.child, m.start,
			    m.status))
				r->ignored++;
			continue;
		}
		handle(r, &m, cred.pid);
		count++;
	}
	return count;
}

/* Starts the next line of the pane. A line that is only full (soft)
 * takes along the start of a UTF-8 character it would split. */
static void
term_newline(struct run *r, int soft)
{
	char *was = r->term[r->term_next % RUN_TERM_LINES], *now;
	int keep = 0;

	if (soft)
		while (keep < 3 && keep < r->term_col &&
		    ((unsigned char)was[r->term_col - 1 - keep] & 0xc0) == 0x80)
			keep++;
	if (soft && keep < r->term_col &&
	    ((unsigned char)was[r->term_col - 1 - keep] & 0xc0) == 0xc0)
		keep++;                 /* the lead byte, too */
	else
		keep = 0;
	r->term_next++;
	now = r->term[r->term_next % RUN_TERM_LINES];
	memcpy(now, was + r->term_col - keep, keep);
	now[keep] = '\0';
	was[r->term_col - keep] = '\0';
	r->term_col = keep;
}

/* The terminal pane keeps text only: escape sequences (CSI, OSC) and
 * other control characters are dropped, so the chain cannot draw on the
 * inspector's screen. */
static void
term_put(struct run *r, unsigned char c)
{
	char *line = r->term[r->term_next % RUN_TERM_LINES];

	switch (r->esc_state) {
	case 1:     /* after ESC */
		r->esc_state = c == '[' ? 2 : c == ']' ? 3 : 0;
		return;
	case 2:     /* CSI: parameters until a final byte */
		if (c >= 0x40 && c <= 0x7e)
			r->esc_state = 0;
		return;
	case 3:     /* OSC: until BEL or ESC */
		if (c == 0x07)
			r->esc_state = 0;
		else if (c == 0x1b)
			r->esc_state = 1;
		return;
	}
	if (c == 0x1b) {
		r->esc_state = 1;
	} else if (c == '\n') {
		term_newline(r, 0);
	} else if (c == '\r') {
		;   /* the next character starts over only after \n */
	} else if ((c >= 0x20 && c != 0x7f) || c == '\t') {
		if (r->term_col == RUN_TERM_COLS - 1) {
			/* A longer line goes on in the next one, never
			 * cut: the pane wraps it anyway. */
			term_newline(r, 1);
			line = r->term[r->term_next % RUN_TERM_LINES];
		}
		line[r->term_col++] = c == '\t' ? ' ' : (char)c;
		line[r->term_col] = '\0';
	}
}

int
run_output(struct run *r)
{
	unsigned char buf[4096];
	ssize_t n, i, total = 0;

	if (r->launch.master < 0)
		return 0;
	while ((n = read(r->launch.master, buf, sizeof buf)) > 0) {
		for (i = 0; i < n; i++)
			term_put(r, buf[i]);
		total += n;
	}
	return (int)total;
}

void
run_term_say(struct run *r, const char *text)
{
	if (r->term_col > 0)
		term_newline(r, 0);
	r->esc_state = 0;
	for (; *text != '\0'; text++)
		term_put(r, (unsigned char)*text);
	term_newline(r, 0);
}

const char *
run_term_line(const struct run *r, int back)
{
	if (back > r->term_next || back >= RUN_TERM_LINES)
		return NULL;
	return r->term[(r->term_next - back) % RUN_TERM_LINES];
}

pid_t
run_signal_serving(struct run *r, int sig)
{
	struct member *e;

	if (r->serving <= 0 ||
	    (e = members_find(&r->members, r->serving)) == NULL ||
	    members_signal(&r->members, e, sig) == -1)
		return 0;
	r->scan_due = 1;
	return r->serving;
}

int
run_holds(const struct run *r, pid_t pid)
{
	const struct member *e = members_find(&r->members, pid);

	if (e == NULL || e->reaped || pid == r->launch.shell)
		return 0;
	if (r->chain == NULL && r->steps_seen == 0)
		return 0;       /* no steps: nobody would ever release it */
	if (r->hangup.asked || r->hangup.done)
		return 0;       /* no next step; the outcome needs statuses */
	return r->paused > 0 || *run_next_step(r) != '\0';
}

/* Our children are listed by the kernel (task/TID/children, zombies
 * too), so each is waited for by its PID, which stays its own until we
 * reap it; a zombie that a run holds is skipped. */
void
run_reap(struct run *const *runs, int n)
{
	char path[64], buf[8192], *p, *end;
	pid_t pid;
	ssize_t len;
	int fd, i, status;

	snprintf(path, sizeof path, "/proc/self/task/%d/children",
	    (int)getpid());
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 ||
	    (len = read(fd, buf, sizeof buf - 1)) < 0) {
		if (fd != -1)
			close(fd);
		/* No children file (CONFIG_PROC_CHILDREN): reap all. */
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
			for (i = 0; i < n; i++)
				if (run_reaped(runs[i], pid, status))
					break;
		return;
	}
	close(fd);
	buf[len] = '\0';
	for (p = buf; (pid = (pid_t)strtol(p, &end, 10)) > 0; p = end) {
		for (i = 0; i < n; i++)
			if (run_holds(runs[i], pid))
				break;
		if (i < n || waitpid(pid, &status, WNOHANG) <= 0)
			continue;
		for (i = 0; i < n; i++)
			if (run_reaped(runs[i], pid, status))
				break;
	}
}

int
run_next(struct run *r)
{
	struct member *e;

	if (r->paused <= 0 ||
	    (e = members_find(&r->members, r->paused)) == NULL)
		return 0;
	/* The zombies kept for the last step's screen are reaped now,
	 * before the mark: their exit is not this step's change. */
	members_reap_own(&r->members);
	story_mark(&r->story);
	r->marked = 1;
	members_signal(&r->members, e, SIGUSR1);
	/* Stopped by the ^Z typed at its first pause: as `kill -CONT`. */
	if (r->launch.how == LAUNCH_STOP_DISOWN)
		members_signal(&r->members, e, SIGCONT);
	r->paused = 0;
	r->scan_due = 1;
	return 1;
}

const char *
run_next_step(const struct run *r)
{
	const char *name;

	if (r->chain == NULL || r->steps_seen >= chain_length(r->chain))
		return "";
	name = chain_step(r->chain, r->steps_seen);
	return strncmp(name, "step-", 5) == 0 ? name + 5 : name;
}
