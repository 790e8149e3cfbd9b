/* SPDX-License-Identifier: MIT */
/*
 * logout.h - daemonlab --logout: which of the everyday ways of leaving
 * a program running survive logout, and what each still holds (TLPI
 * 34.6.1), found out live.
 *
 * Each of prog &, nohup prog &, prog & disown, setsid prog (the chains
 * bg, nohup, disown, setsid1) and the full daemon (sysv, continued to
 * its last step) runs on a terminal of its own, started by the
 * launcher's shell; at its last pause the terminal is hung up as at
 * logout (hangup.h), and once that has settled one block of text says
 * what happened to the program: died, from its wait status; or lives,
 * with its session, controlling terminal, descriptors 0-2 and working
 * directory from /proc. Every run is ended before the next starts.
 */
#ifndef DAEMONLAB_LOGOUT_H
#define DAEMONLAB_LOGOUT_H

/* Prints the summary on standard output in the chosen language; base
 * is the folder for the runs' files. 0, or 1 when a run could not be
 * started or did not reach its hang-up. */
int logout_print(const char *steps_dir, const char *base);

#endif
