/* SPDX-License-Identifier: MIT */
/*
 * step-dropprivs - as root, become an unprivileged user for good: the
 * supplementary groups first, then the group, then the user, because
 * each call needs the privilege that the next one takes away (daemon(7),
 * SysV step 13; TLPI 9.7; APUE 8.11). Not as root: nothing to drop.
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

int
main(int argc, char *argv[])
{
	const char *user = "nobody";
	const struct step_option options[] = {
		{ "user", &user, NULL, "the user to become (default: nobody)" },
		{ NULL, NULL, NULL, NULL },
	};
	char **next = step_begin("dropprivs", "As root: setgroups(), setgid(), "
	    "setuid() to an unprivileged user, in that order, for good.",
	    argc, argv, options);
	gid_t groups[64];
	int ngroups = 64;
	struct passwd *pw;

	if (geteuid() != 0) {
		step_pause("not root (uid %ld): there are no privileges to "
		    "drop; going on as uid %ld, gid %ld", (long)geteuid(),
		    (long)getuid(), (long)getgid());
		step_next(next);
	}
	errno = 0;
	if ((pw = getpwnam(user)) == NULL)
		step_fail(STEP_EXIT_USAGE, "no user named '%s'%s%s; give one "
		    "with --user=NAME", user, errno ? ": " : "",
		    errno ? strerror(errno) : "");
	if (pw->pw_uid == 0)
		step_fail(STEP_EXIT_USAGE, "'%s' is root: that drops nothing; "
		    "give an unprivileged user with --user=NAME", user);
	if (getgrouplist(user, pw->pw_gid, groups, &ngroups) == -1)
		step_fail(STEP_EXIT_FAILED, "user '%s' is in more than 64 "
		    "groups", user);

	/* Root's supplementary groups (0 root, often disk or adm too)
	 * would otherwise stay: setgid() does not touch them. */
	if (setgroups(ngroups, groups) == -1)
		step_fail(STEP_EXIT_FAILED, "setgroups() failed: %s",
		    strerror(errno));
	/* Before setuid(): once the user is not root, setgid() fails. */
	if (setgid(pw->pw_gid) == -1)
		step_fail(STEP_EXIT_FAILED, "setgid(%ld) failed: %s",
		    (long)pw->pw_gid, strerror(errno));
	/* As root, setuid() sets the real, effective and saved IDs. */
	if (setuid(pw->pw_uid) == -1)
		step_fail(STEP_EXIT_FAILED, "setuid(%ld) failed: %s",
		    (long)pw->pw_uid, strerror(errno));

	/* The proof: no way back. */
	if (setuid(0) != -1 || seteuid(0) != -1 || setgid(0) != -1)
		step_fail(STEP_EXIT_FAILED, "regained root after the drop: "
		    "refusing to go on");
	step_pause("setgroups(%d groups), setgid(%ld), setuid(%ld): now %s, "
	    "uid %ld gid %ld; setuid(0) and seteuid(0) fail with EPERM: "
	    "root is gone for good", ngroups, (long)pw->pw_gid,
	    (long)pw->pw_uid, user, (long)getuid(), (long)getgid());
	step_next(next);
}
