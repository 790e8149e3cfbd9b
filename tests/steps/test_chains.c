/* SPDX-License-Identifier: MIT */
/*
 * test_chains.c - run each named chain as an interactive shell would, and
 * at every pause check design.md's table against /proc.
 */
#include <check.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "chains.h"
#include "facts.h"
#include "lab.h"

struct walk {
	struct lab   lab;
	struct facts prev;          /* at the previous pause */
	pid_t        forked_child;  /* as the last step-fork parent named it */
	int          pauses;
};

/* The shell takes the terminal back once the job's first process is gone;
 * that happens beside the chain, so give it a moment. */
static void
wait_for_tpgid(pid_t pid, pid_t want, struct facts *f)
{
	int i;

	for (i = 0; i < 200 && f->tpgid != want; i++) {
		usleep(10000);
		ck_assert_int_eq(facts_read(pid, f), 0);
	}
}

static void
wait_until_gone(pid_t pid)
{
	struct facts f;
	int i;

	for (i = 0; i < 200 && facts_read(pid, &f) == 0; i++)
		usleep(10000);
	ck_assert_msg(facts_read(pid, &f) == -1, "process %d is still there "
	    "(state %c)", (int)pid, f.state);
}

static void
check_started(struct walk *w, const struct facts *f)
{
	const char *forgotten = facts_fd(f, LAB_FORGOTTEN_FD);

	ck_assert_int_eq(f->ppid, w->lab.shell);
	ck_assert_int_eq(f->pgid, f->pid);            /* leads its job */
	ck_assert_int_eq(f->sid, w->lab.shell);       /* in the shell's session */
	ck_assert_uint_eq(f->tty_nr, w->lab.tty);     /* on the shell's pty */
	ck_assert_int_eq(f->tpgid, f->pgid);          /* in the foreground */
	ck_assert_int_eq(f->umask, 022);
	ck_assert_ptr_nonnull(forgotten);
	ck_assert_ptr_nonnull(strstr(forgotten, "/forgotten"));
}

static void
check_forked(struct walk *w, struct facts *f)
{
	const struct facts *p = &w->prev;

	ck_assert_int_ne(f->pid, p->pid);
	ck_assert_int_eq(f->pid, w->forked_child);
	ck_assert_int_eq(f->ppid, getpid());   /* adopted by the subreaper */
	ck_assert_int_eq(f->pgid, p->pgid);
	ck_assert_int_ne(f->pgid, f->pid);     /* no longer a group leader */
	ck_assert_int_eq(f->sid, p->sid);
	ck_assert_uint_eq(f->tty_nr, p->tty_nr);
	if (p->sid == p->pid) {
		/* The second fork: its parent led the session; we adopted
		 * that parent, so we reap it. */
		int status;

		ck_assert_int_ne(f->sid, f->pid);
		ck_assert_int_eq(waitpid(p->pid, &status, 0), p->pid);
		ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		ck_assert_int_eq(f->tpgid, -1);
	} else {
		wait_for_tpgid(f->pid, w->lab.shell, f);
		ck_assert_int_eq(f->tpgid, w->lab.shell); /* the shell's again */
		wait_until_gone(p->pid);
		lab_drain(&w->lab, 50);
		ck_assert_ptr_nonnull(strstr(w->lab.out, "exit 0]\r\n$ "));
	}
}

static void
check_setsid(const struct walk *w, const struct facts *f)
{
	ck_assert_int_eq(f->pid, w->prev.pid);
	ck_assert_int_eq(f->sid, f->pid);
	ck_assert_int_eq(f->pgid, f->pid);
	ck_assert_uint_eq(f->tty_nr, 0);              /* TTY ? */
	ck_assert_int_eq(f->tpgid, -1);
}

static void
check_opentty(const struct facts *f, int expect_acquire)
{
	const char *slave = facts_fd(f, 4);
	struct stat st;

	ck_assert_int_eq(f->nfds, 5);
	ck_assert_str_eq(facts_fd(f, 3), "/dev/ptmx");
	ck_assert_ptr_nonnull(slave);
	ck_assert_int_eq(strncmp(slave, "/dev/pts/", 9), 0);
	ck_assert_int_eq(stat(slave, &st), 0);
	if (expect_acquire) {
		ck_assert_uint_eq(f->tty_nr, st.st_rdev); /* the new pty */
		ck_assert_int_eq(f->tpgid, f->pgid);
	} else {
		ck_assert_uint_eq(f->tty_nr, 0);
		ck_assert_int_eq(f->tpgid, -1);
	}
}

/* Checks what design.md's table says of this step, against /proc. */
static void
check_step(struct walk *w, const char *step, struct facts *f,
    int expect_acquire)
{
	const struct facts *p = &w->prev;
	int fd;

	if (strcmp(step, "start") == 0)
		check_started(w, f);
	else if (strcmp(step, "fork") == 0)
		check_forked(w, f);
	else if (strcmp(step, "setsid") == 0)
		check_setsid(w, f);
	else if (strcmp(step, "opentty") == 0)
		check_opentty(f, expect_acquire);
	else
		ck_assert_int_eq(f->pid, p->pid);     /* exec keeps the PID */

	if (strcmp(step, "umask") == 0)
		ck_assert_int_eq(f->umask, 0);
	if (strcmp(step, "chdir") == 0)
		ck_assert_str_eq(f->cwd, "/");
	if (strcmp(step, "closefds") == 0)
		ck_assert_int_eq(f->nfds, 0);
	if (strcmp(step, "devnull") == 0) {
		ck_assert_int_eq(f->nfds, 3);
		for (fd = 0; fd <= 2; fd++)
			ck_assert_str_eq(facts_fd(f, fd), "/dev/null");
	}
	if (strcmp(step, "start") != 0 && strcmp(step, "umask") != 0)
		ck_assert_int_eq(f->umask, 0);        /* kept across exec */
}

static void
run_chain(const char *chain, const char *opentty_option, int expect_acquire)
{
	struct walk w = { .pauses = 0 };
	struct report r;
	char comm[48];
	int status;

	lab_init(&w.lab);
	lab_shell(&w.lab, lab_chain_argv(chain, opentty_option), NULL);
	for (;;) {
		struct facts f;

		ck_assert_msg(lab_next(&w.lab, &r, 5000), "no report in 5 s; "
		    "terminal shows:\n%s", w.lab.out);
		ck_assert_int_ne(r.m.event, PROTO_ERROR);
		if (r.m.event == PROTO_EXIT && r.m.child != 0) {
			w.forked_child = r.m.child;
			continue;
		}
		if (r.m.event == PROTO_EXIT)
			break;
		ck_assert_int_eq(r.m.pid, r.sender);
		ck_assert_int_eq(facts_read_paused(r.sender, &f), 0);
		snprintf(comm, sizeof comm, "step-%s", r.m.step);
		ck_assert_str_eq(f.comm, comm);
		check_step(&w, r.m.step, &f, expect_acquire);
		w.prev = f;
		w.pauses++;
		kill(r.sender, SIGUSR1);
	}
	ck_assert_int_eq(w.pauses, (int)chain_length(chain_find(chain)));
	/* The daemon was continued at the end: it exits 0, to us. */
	ck_assert_int_eq(waitpid(w.prev.pid, &status, 0), w.prev.pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_eq(lab_finish(&w.lab), 0);
}

START_TEST(sysv_daemon_never_acquires_a_terminal)
{
	run_chain("sysv", NULL, 0);
}
END_TEST

START_TEST(bsd_daemon_acquires_the_fresh_terminal)
{
	run_chain("bsd", NULL, 1);
}
END_TEST

START_TEST(noctty_prevents_acquiring_bsd)
{
	run_chain("bsd", "--noctty", 0);
}
END_TEST

START_TEST(noctty_prevents_acquiring_sysv)
{
	run_chain("sysv", "--noctty", 0);
}
END_TEST

START_TEST(ioctl_takes_it_on_bsd)
{
	run_chain("bsd", "--ioctl", 1);
}
END_TEST

START_TEST(ioctl_fails_on_sysv)
{
	run_chain("sysv", "--ioctl", 0);
}
END_TEST

START_TEST(mistake_setsid_fails_with_eperm)
{
	struct lab lab;
	struct report r;
	struct facts f;
	pid_t pid;

	lab_init(&lab);
	lab_shell(&lab, lab_chain_argv("mistake", NULL), NULL);
	ck_assert(lab_next(&lab, &r, 5000));
	ck_assert_str_eq(r.m.step, "start");
	ck_assert_int_eq(facts_read(r.sender, &f), 0);
	ck_assert_int_eq(f.pgid, f.pid);        /* the job leads its group */
	pid = r.sender;
	kill(pid, SIGUSR1);
	ck_assert(lab_next(&lab, &r, 5000));
	ck_assert_int_eq(r.m.event, PROTO_ERROR);
	ck_assert_str_eq(r.m.step, "setsid");
	ck_assert_int_eq(r.sender, pid);
	ck_assert_ptr_nonnull(strstr(r.m.msg, "EPERM"));
	ck_assert_ptr_nonnull(strstr(r.m.msg, "group leader"));
	wait_until_gone(pid);
	lab_drain(&lab, 100);
	ck_assert_ptr_nonnull(strstr(lab.out, "EPERM"));
	ck_assert_ptr_nonnull(strstr(lab.out, "Fork first"));
	ck_assert_ptr_nonnull(strstr(lab.out, "exit 1]"));
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("chains");
	TCase *tc = tcase_create("chains");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, sysv_daemon_never_acquires_a_terminal);
	tcase_add_test(tc, bsd_daemon_acquires_the_fresh_terminal);
	tcase_add_test(tc, noctty_prevents_acquiring_bsd);
	tcase_add_test(tc, noctty_prevents_acquiring_sysv);
	tcase_add_test(tc, ioctl_takes_it_on_bsd);
	tcase_add_test(tc, ioctl_fails_on_sysv);
	tcase_add_test(tc, mistake_setsid_fails_with_eperm);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
