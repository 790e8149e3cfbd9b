/* SPDX-License-Identifier: MIT */
/*
 * watchdog.h - nothing launched outlives the inspector, even SIGKILL.
 *
 * A small child holds the other end of a socket pair whose first end
 * only the inspector holds. As the inspector proves each member of a
 * run, it sends the member's pidfd over (SCM_RIGHTS), so the watchdog
 * holds the list itself. When the inspector is gone, however it went,
 * the socket reads end-of-file; the watchdog stops every member it
 * holds (a stopped process cannot fork), takes in what they made since
 * (their children, and whatever shares a session or group with one of
 * them: an orphan that went to init once the inspector, its subreaper,
 * had died), and kills them all through their pidfds.
 */
#ifndef DAEMONLAB_WATCHDOG_H
#define DAEMONLAB_WATCHDOG_H

#include <sys/types.h>

/* Returns the watchdog's PID, or -1. Once the inspector is gone and its
 * processes swept, the watchdog removes the folder dir and all in it. */
pid_t watchdog_start(const char *dir);
/* Hands the watchdog a copy of a member's pidfd. */
void  watchdog_hold(int pidfd, pid_t pid, unsigned long long start);
/* At a normal exit: let it sweep, and reap it. */
void  watchdog_stop(pid_t);

#endif
