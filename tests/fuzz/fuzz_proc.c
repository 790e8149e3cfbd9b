/* SPDX-License-Identifier: MIT */
/* fuzz_proc.c - libFuzzer: the /proc parsers and escaping, on any bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "proc.h"

/* Escaped output never holds C0, DEL or C1 (bytes C2 80..C2 9F). */
static void
check_inert(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f ||
		    (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
			abort();
}

static void
check_escape(const char *in, size_t len, size_t cut)
{
	static char full[4 * 65536 + 1], part[64];
	size_t need, n;

	need = escape_str(in, len, full, sizeof full);
	if (need >= sizeof full || strlen(full) != need)
		abort();
	check_inert(full);
	if (escape_width(full) < 0 || (size_t)escape_width(full) > need)
		abort();
	/* A cut output is a NUL-terminated prefix of the whole one. */
	cut %= sizeof part;
	if (escape_str(in, len, part, cut) != need)
		abort();
	if (cut > 0 && ((n = strlen(part)) >= cut ||
	    strncmp(part, full, n) != 0))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct proc_info pi;
	const char *buf = (const char *)data;
	char stat[16];

	if (size > 65536)
		return 0;
	if (proc_parse_stat(buf, size, &pi) == 0) {
		if (memchr(pi.comm, '\0', sizeof pi.comm) == NULL ||
		    pi.pid <= 0 || pi.ppid < 0 || pi.tpgid < -1)
			abort();
		proc_stat_string(&pi, stat, sizeof stat);
		check_escape(pi.comm, strlen(pi.comm), size);
	}
	if (proc_parse_status(buf, size, &pi) == 0 &&
	    (pi.uid < 0 || pi.umask < -1 || pi.umask > 07777))
		abort();
	if (proc_parse_euid(buf, size, &pi) == 0 &&
	    (pi.uid < 0 || pi.euid < 0 || pi.vmlck < -1))
		abort();
	check_escape(buf, size, size > 0 ? data[0] : 0);
	return 0;
}
