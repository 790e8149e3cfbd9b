/* SPDX-License-Identifier: MIT */
/*
 * story_helper.c - small processes for test_story to watch.
 *
 *   story-helper watch    waits for SIGUSR1, then umask(077), chdir("/"),
 *                         setsid(): a change for story_watch() to see
 *   story-helper dfork    the classic double fork, no steps: fork, the
 *                         parent exits; setsid(); fork, the parent exits;
 *                         the grandchild does umask(0), chdir("/") and waits
 *   story-helper dfork hold [newgroup]
 *                         the same, but the session leader waits for
 *                         SIGUSR1 before the second fork; with newgroup
 *                         the grandchild leads a process group of its own
 *                         (still in the session)
 *   story-helper gfork    leads a process group (not a session), waits
 *                         for SIGUSR1, forks and exits; the child waits
 *   story-helper family   forks one child; both wait
 *
 * If descriptor 3 is open (a pipe from the test), each process says what
 * it is on it: "ready PID", "changed PID", "leader PID", "daemon PID",
 * "child PID", "group PID". Every waiting process blocks SIGUSR1 before it says so,
 * so an early signal is never lost, and gives up after a minute: a test
 * that dies leaves nothing behind for long.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define GIVE_UP_SECONDS 60

static sigset_t usr1;

static void
say(const char *what)
{
	/* One write per line: several processes share the pipe. */
	dprintf(3, "%s %d\n", what, (int)getpid());
}

static void
wait_usr1(void)
{
	int sig;

	sigwait(&usr1, &sig);
}

static _Noreturn void
wait_forever(void)
{
	for (;;)
		wait_usr1();
}

static int
watch(void)
{
	say("ready");
	wait_usr1();
	umask(077);
	if (chdir("/") == -1 || setsid() == -1)
		return 1;
	say("changed");
	wait_forever();
}

static int
dfork(int hold, int newgroup)
{
	pid_t pid;

	if ((pid = fork()) == -1)
		return 1;
	if (pid > 0)
		_exit(0);               /* the parent exits, the child goes on */
	alarm(GIVE_UP_SECONDS);         /* alarms do not survive fork */
	if (setsid() == -1)
		_exit(1);
	if (hold) {
		say("leader");
		wait_usr1();
	}
	if ((pid = fork()) == -1)
		_exit(1);
	if (pid > 0)
		_exit(0);               /* the session leader exits too */
	alarm(GIVE_UP_SECONDS);
	if (newgroup && setpgid(0, 0) == -1)
		_exit(1);
	umask(0);
	if (chdir("/") == -1)
		_exit(1);
	say("daemon");
	wait_forever();
}

static int
gfork(void)
{
	pid_t pid;

	if (setpgid(0, 0) == -1)
		return 1;
	say("group");
	wait_usr1();
	if ((pid = fork()) == -1)
		return 1;
	if (pid > 0)
		_exit(0);
	alarm(GIVE_UP_SECONDS);
	say("child");
	wait_forever();
}

static int
family(void)
{
	pid_t pid;

	if ((pid = fork()) == -1)
		return 1;
	if (pid == 0) {
		alarm(GIVE_UP_SECONDS);
		say("child");
	}
	wait_forever();
}

int
main(int argc, char *argv[])
{
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	alarm(GIVE_UP_SECONDS);
	if (argc >= 2 && strcmp(argv[1], "watch") == 0)
		return watch();
	if (argc >= 2 && strcmp(argv[1], "dfork") == 0)
		return dfork(argc >= 3 && strcmp(argv[2], "hold") == 0,
		    argc >= 4 && strcmp(argv[3], "newgroup") == 0);
	if (argc >= 2 && strcmp(argv[1], "gfork") == 0)
		return gfork();
	if (argc >= 2 && strcmp(argv[1], "family") == 0)
		return family();
	fprintf(stderr, "usage: story-helper watch|dfork [hold [newgroup]]|"
	    "gfork|family\n");
	return 2;
}
