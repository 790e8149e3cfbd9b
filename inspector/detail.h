/* SPDX-License-Identifier: MIT */
/*
 * detail.h - what the detail pane adds for the selected process, read
 * only for that one: real and effective UID and GID, the signals it
 * ignores, blocks and catches (/proc/PID/status SigIgn, SigBlk, SigCgt)
 * and the locks it holds on its open files (/proc/locks), so a locked
 * PID file shows its lock beside its descriptor.
 */
#ifndef DAEMONLAB_DETAIL_H
#define DAEMONLAB_DETAIL_H

#include <stddef.h>
#include <sys/types.h>

#define DETAIL_LOCKS 8

struct detail_lock {
	int   fd;
	char  kind[16];     /* POSIX, FLOCK: as /proc/locks says */
	char  access[16];   /* READ, WRITE */
};

struct detail {
	long  uid, euid, gid, egid;     /* -1: unknown */
	unsigned long long sig_ign, sig_blk, sig_cgt;
	int   sig_ok;                   /* the three masks were read */
	int   nlocks;
	struct detail_lock locks[DETAIL_LOCKS];
};

/* /proc/PID/status: Uid:, Gid:, SigIgn:, SigBlk:, SigCgt:. Pure; 0, or
 * -1 without a whole Uid: and Gid: line. */
int   detail_parse_status(const char *buf, size_t len, struct detail *);
/* The held locks of pid in /proc/locks (buf) on a file that one of its
 * descriptors fds[i] names, by device devs[i] and inode inos[i]. Pure. */
int   detail_parse_locks(const char *buf, size_t len, pid_t pid,
    const int *fds, const dev_t *devs, const ino_t *inos, int nfds,
    struct detail *);
/* Both, for a live process; its descriptors from /proc/PID/fd. 0, or -1
 * with errno (ESRCH: gone). */
int   detail_read(int procfd, pid_t pid, struct detail *);
/* The signals of a mask by name, as kill -l names them ("HUP TERM"),
 * "-" for none. */
void  detail_signals(unsigned long long mask, char *buf, size_t size);
/* The lock held on descriptor fd, or NULL. */
const struct detail_lock *detail_lock_of(const struct detail *, int fd);

#endif
