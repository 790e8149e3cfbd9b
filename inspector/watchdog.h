/*
 * watchdog.h - nothing launched outlives the inspector, even SIGKILL.
 *
 * A small child waits on a pipe whose write end only the inspector
 * holds. When the inspector is gone, however it went, the read returns
 * end-of-file, and the watchdog kills every process that carries
 * DAEMONLAB_INSPECTOR_PID=<inspector> in its environment: every process
 * launched (and its descendants) does, steps or not.
 */
#ifndef DAEMONLAB_WATCHDOG_H
#define DAEMONLAB_WATCHDOG_H

#include <sys/types.h>

/* Returns the watchdog's PID, or -1. Once the inspector is gone and its
 * processes swept, the watchdog removes the folder dir and all in it. */
pid_t watchdog_start(const char *dir);
/* At a normal exit: let it sweep, and reap it. */
void  watchdog_stop(pid_t);

#endif
