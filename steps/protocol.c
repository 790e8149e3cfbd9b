/* SPDX-License-Identifier: MIT */
/* protocol.c - format and parse the step -> inspector datagrams. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "protocol.h"

static const char *const event_names[] = {
	[PROTO_PAUSED] = "paused", [PROTO_EXIT] = "exit", [PROTO_ERROR] = "error",
	[PROTO_REAPED] = "reaped",
};

const char *
proto_event_name(enum proto_event e)
{
	return (unsigned)e < sizeof event_names / sizeof event_names[0]
	    ? event_names[e] : "?";
}

int
proto_step_valid(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!(*s >= 'a' && *s <= 'z') && !(*s >= '0' && *s <= '9') &&
		    *s != '-' && *s != '_')
			return 0;
	return 1;
}

int
proto_format(char *buf, size_t size, const struct proto_msg *m)
{
	char child[96] = "";
	char text[PROTO_MSG_MAX];
	size_t i;
	int n;

	if ((unsigned)m->event > PROTO_REAPED || !proto_step_valid(m->step) ||
	    m->pid <= 0 || m->child < 0 ||
	    (m->event == PROTO_REAPED && (m->child == 0 || m->status < 0)))
		return -1;
	if (m->event == PROTO_REAPED)
		snprintf(child, sizeof child, " child=%ld status=%d start=%llu",
		    (long)m->child, m->status, m->start);
	else if (m->child > 0)
		snprintf(child, sizeof child, " child=%ld", (long)m->child);
	/* One line per message: a control character in the text would end
	 * it early or reach the inspector's screen. */
	for (i = 0; i < sizeof text - 1 && m->msg[i] != '\0'; i++)
		text[i] = ((unsigned char)m->msg[i] < 0x20 || m->msg[i] == 0x7f)
		    ? ' ' : m->msg[i];
	text[i] = '\0';
	n = snprintf(buf, size, "v=%d event=%s step=%s pid=%ld%s msg=%s",
	    PROTO_VERSION, proto_event_name(m->event), m->step, (long)m->pid,
	    child, text);
	if (n < 0 || (size_t)n >= size || n > PROTO_MAX)
		return -1;
	return n;
}

/* Reads "key=" at *p; returns the value's length up to the next space. */
static int
take(const char **p, const char *end, const char *key, const char **val)
{
	size_t klen = strlen(key);
	const char *q;

	if ((size_t)(end - *p) < klen + 1 || memcmp(*p, key, klen) != 0 ||
	    (*p)[klen] != '=')
		return -1;
	*val = *p + klen + 1;
	for (q = *val; q < end && *q != ' '; q++)
		;
	*p = q < end ? q + 1 : q;
	return (int)(q - *val);
}

static int
take_pid(const char *val, int len, pid_t *out)
{
	long v = 0;
	int i;

	if (len < 1 || len > 10)
		return -1;
	for (i = 0; i < len; i++) {
		if (val[i] < '0' || val[i] > '9')
			return -1;
		v = v * 10 + (val[i] - '0');
	}
	if (v <= 0 || v > INT_MAX)
		return -1;
	*out = (pid_t)v;
	return 0;
}

/* A decimal number of up to 20 digits, no more than max. */
static int
take_number(const char *val, int len, unsigned long long max,
    unsigned long long *out)
{
	unsigned long long v = 0;
	int i;

	if (len < 1 || len > 20)
		return -1;
	for (i = 0; i < len; i++) {
		if (val[i] < '0' || val[i] > '9' ||
		    v > (max - (unsigned)(val[i] - '0')) / 10)
			return -1;
		v = v * 10 + (unsigned)(val[i] - '0');
	}
	*out = v;
	return 0;
}

int
proto_parse(const char *buf, size_t len, struct proto_msg *m)
{
	const char *p = buf, *end, *val;
	size_t i;
	int n;

	if (len > PROTO_MAX || memchr(buf, '\0', len) != NULL)
		return -1;
	if (len > 0 && buf[len - 1] == '\n')
		len--;
	end = buf + len;
	if (memchr(buf, '\n', len) != NULL)
		return -1;
	memset(m, 0, sizeof *m);

	if ((n = take(&p, end, "v", &val)) != 1 || *val != '0' + PROTO_VERSION)
		return -1;
	if ((n = take(&p, end, "event", &val)) < 0)
		return -1;
	for (i = 0; i < sizeof event_names / sizeof event_names[0]; i++)
		if (strlen(event_names[i]) == (size_t)n &&
		    memcmp(val, event_names[i], n) == 0)
			break;
	if (i == sizeof event_names / sizeof event_names[0])
		return -1;
	m->event = (enum proto_event)i;
	if ((n = take(&p, end, "step", &val)) < 1 || n >= PROTO_STEP_MAX)
		return -1;
	memcpy(m->step, val, n);
	if (!proto_step_valid(m->step))
		return -1;
	if ((n = take(&p, end, "pid", &val)) < 0 || take_pid(val, n, &m->pid) < 0)
		return -1;
	if (end - p >= 6 && memcmp(p, "child=", 6) == 0) {
		n = take(&p, end, "child", &val);
		if (take_pid(val, n, &m->child) < 0)
			return -1;
	}
	/* A reaped child's wait status and start time: both, and only for
	 * event=reaped. */
	if (m->event == PROTO_REAPED) {
		unsigned long long v;

		if (m->child == 0 ||
		    (n = take(&p, end, "status", &val)) < 1 ||
		    take_number(val, n, 0xffff, &v) < 0)
			return -1;
		m->status = (int)v;
		if ((n = take(&p, end, "start", &val)) < 1 ||
		    take_number(val, n, ~0ULL, &m->start) < 0)
			return -1;
	}
	/* msg is last and takes the rest of the line, spaces included. */
	if (end - p < 4 || memcmp(p, "msg=", 4) != 0)
		return -1;
	p += 4;
	if ((size_t)(end - p) >= sizeof m->msg)
		return -1;
	for (i = 0; p + i < end; i++) {
		if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
			return -1;
		m->msg[i] = p[i];
	}
	m->msg[i] = '\0';
	return 0;
}
