/* SPDX-License-Identifier: MIT */
/*
 * proc.h - one look at a process through /proc.
 *
 *   proc_list()         the PIDs in /proc
 *   proc_read()         everything the table shows about one PID
 *   proc_parse_stat()   /proc/PID/stat, pure (tests and fuzzing call it)
 *   proc_parse_status() /proc/PID/status, pure
 *   proc_stat_string()  the STAT column, as ps -o stat prints it
 *
 * Every file is read through a held /proc directory fd with openat() and
 * one read(), so a refresh costs a few system calls per process. Bytes
 * taken from a process (comm, cmdline, cwd, fd targets) are stored raw:
 * print them through escape_str() only.
 */
#ifndef DAEMONLAB_PROC_H
#define DAEMONLAB_PROC_H

#include <stddef.h>
#include <sys/types.h>

#define PROC_MAX_FDS 64
#define PROC_PF_KTHREAD 0x00200000u    /* include/linux/sched.h */

struct proc_fd {
	int   fd;
	char  target[256];      /* readlink of /proc/PID/fd/N, maybe cut */
};

struct proc_info {
	pid_t pid, ppid, pgid, sid;
	pid_t tpgid;            /* foreground group of its terminal; -1: none */
	dev_t tty_nr;           /* controlling terminal; 0: none */
	char  state;            /* R S D Z T t X I ... */
	char  comm[64];         /* raw bytes: may hold spaces, ')', ESC, '\n' */
	unsigned flags;         /* field 9: PF_* (PF_KTHREAD: a kernel thread) */
	unsigned long long cputime;     /* fields 14 + 15: utime + stime, ticks */
	int   nice;             /* field 19 */
	int   nlwp;             /* field 20, threads */
	unsigned long long starttime;   /* field 22; tells a reused PID apart */

	long  uid;              /* real uid (status Uid:); -1 unknown */
	long  euid;             /* effective uid (status Uid:, the second);
	                         * what ps -o uid and ps -axj print */
	int   umask;            /* status Umask:; -1 unknown (before 4.7) */
	long  vmlck;            /* status VmLck: in kB; -1 unknown/none */

	char  cwd[512];         /* "" when unreadable, see cwd_ok */
	int   cwd_ok;
	int   nfds;             /* descriptors open; -1 unreadable */
	int   fds_truncated;    /* nfds > PROC_MAX_FDS: fds[] has the lowest */
	struct proc_fd fds[PROC_MAX_FDS];   /* by fd number, min(nfds, MAX) */
	char  cmdline[256];     /* args joined by spaces; "" for zombies and
	                         * kernel threads */
	int   exited;           /* proc_read() clears it; the caller sets it */
};

/* Returns 0, or -1 for a stat line that is cut short or malformed. The
 * name is what lies between the first '(' and the LAST ')': the name
 * itself may hold ')' and spaces. Sets only the stat fields. */
int	proc_parse_stat(const char *buf, size_t len, struct proc_info *);

/* Returns 0, or -1 without a Uid: line. Sets uid, umask and vmlck; a
 * missing Umask: (kernels before 4.7) or VmLck: (zombies, kernel
 * threads) leaves -1. */
int	proc_parse_status(const char *buf, size_t len, struct proc_info *);

/* procfd is open("/proc", O_RDONLY | O_DIRECTORY). Returns 0, or -1 with
 * errno ESRCH when the process is gone (or gone in mid-read), or another
 * errno when stat itself cannot be read. A file it may not read (another
 * user's cwd and fds) leaves that field unknown and is no failure; a
 * zombie reads fine, with state 'Z'. */
int	proc_read(int procfd, pid_t pid, struct proc_info *);

/* Only /proc/PID/stat, one read: enough to decide whether a process
 * belongs somewhere. Sets only the stat fields; 0, or -1 with errno. */
int	proc_read_stat(int procfd, pid_t pid, struct proc_info *);

/* The survey's cheap reads (one file each, no status unless needed):
 *
 * proc_read_euid(): the effective uid. The owner of /proc/PID is the
 * effective uid while the process is dumpable, and root otherwise (a
 * change of uid clears the dumpable flag, so a daemon that dropped its
 * privileges shows root): one fstatat() (or owner, when known: not -1),
 * and only when that says root, the Uid: line of status. Sets euid (and vmlck when status was read);
 * returns 1 when status was read, 0 when the owner sufficed, -1 with
 * errno (ESRCH: gone).
 * proc_read_args(): the command line, arguments joined by spaces.
 * 0, or -1 with errno ESRCH when the process is gone. */
int	proc_read_euid(int procfd, pid_t pid, long owner, struct proc_info *);
/* proc_read_stat(), and the owner of /proc/PID in *owner (one fstat of
 * the open file, no second lookup of the PID): for proc_read_euid(). */
int	proc_read_stat_owner(int procfd, pid_t pid, struct proc_info *,
	    long *owner);
int	proc_read_args(int procfd, pid_t pid, char *buf, size_t size);
/* The Uid: line's second number, and VmLck:; pure. 0, or -1 without
 * a whole Uid: line. */
int	proc_parse_euid(const char *buf, size_t len, struct proc_info *);

/* The STAT column, as procps prints it: the state, then a letter for
 * each of proc_stat_flags[] that holds, in its order. 8 bytes suffice. */
void	proc_stat_string(const struct proc_info *, char *buf, size_t size);

/* The states the kernel writes as stat field 3 (Linux
 * fs/proc/array.c, task_state_array: "RSDTtXZPI"). */
extern const char proc_states[];
/* STAT's letters after the state: '<' (nice < 0), 'N' (nice > 0), 'L'
 * (locked pages), 's' (session leader), 'l' (more threads), '+' (in its
 * terminal's foreground group). Ends with letter 0. */
struct proc_stat_flag {
	char letter;
	int (*holds)(const struct proc_info *);
};
extern const struct proc_stat_flag proc_stat_flags[];

/* Stores up to max PIDs found in /proc; returns how many there are (more
 * than max when cut short), or -1. */
int	proc_list(int procfd, pid_t *pids, int max);

#endif
