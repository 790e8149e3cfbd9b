/* SPDX-License-Identifier: MIT */
/*
 * fuzz_protocol.c - libFuzzer: the step -> inspector datagram grammar.
 *
 * 1. proto_parse() on any bytes. What it accepts is a well-formed message
 *    (valid event, step name, pid > 0, a msg without control characters),
 *    proto_format() writes it back in no more bytes than it came in, and
 *    that line parses to the same message and formats to the same line.
 * 2. proto_format() on a message built from the bytes (any msg text,
 *    control characters included): it fails exactly for an invalid step
 *    name, never writes past the buffer, and what it writes parses back,
 *    control characters turned into spaces.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "protocol.h"

static void
check_parsed(const struct proto_msg *m)
{
	size_t i;

	if ((unsigned)m->event > PROTO_REAPED || m->pid <= 0 || m->child < 0)
		abort();
	if (m->event == PROTO_REAPED && (m->child == 0 || m->status < 0 ||
	    m->status > 0xffff))
		abort();
	if (memchr(m->step, '\0', sizeof m->step) == NULL || !proto_step_valid(m->step))
		abort();
	if (memchr(m->msg, '\0', sizeof m->msg) == NULL)
		abort();
	for (i = 0; m->msg[i] != '\0'; i++)
		if ((unsigned char)m->msg[i] < 0x20 || m->msg[i] == 0x7f)
			abort();
}

static int
same(const struct proto_msg *a, const struct proto_msg *b)
{
	return a->event == b->event && strcmp(a->step, b->step) == 0 &&
	    a->pid == b->pid && a->child == b->child &&
	    a->status == b->status && a->start == b->start &&
	    strcmp(a->msg, b->msg) == 0;
}

/* Formats into a buffer of exactly size bytes, so that a sanitizer sees
 * any write past it. */
static int
format_exact(size_t size, const struct proto_msg *m, char *copy)
{
	char *buf = malloc(size > 0 ? size : 1);
	int n;

	if (buf == NULL)
		abort();
	n = proto_format(buf, size, m);
	if (n >= 0) {
		if ((size_t)n >= size || strlen(buf) != (size_t)n)
			abort();
		memcpy(copy, buf, n + 1);
	}
	free(buf);
	return n;
}

static void
parse_then_format(const char *data, size_t size)
{
	static struct proto_msg m, again;
	static char line[PROTO_MAX + 1], line2[PROTO_MAX + 1];
	int n;

	if (proto_parse(data, size, &m) != 0)
		return;
	check_parsed(&m);
	n = format_exact(sizeof line, &m, line);
	if (n < 0 || (size_t)n > size)
		abort();
	if (proto_parse(line, n, &again) != 0 || !same(&m, &again))
		abort();
	if (format_exact(sizeof line2, &again, line2) != n ||
	    memcmp(line, line2, n) != 0)
		abort();
	/* One byte short: refused, nothing written past the end. */
	if (format_exact(n, &m, line2) != -1)
		abort();
}

static uint32_t
take32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static void
format_then_parse(const uint8_t *data, size_t size)
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789-_";
	static struct proto_msg m, back;
	static char line[PROTO_MAX + 1];
	size_t i, steplen, msglen;
	int n;

	if (size < 11)
		return;
	memset(&m, 0, sizeof m);
	m.event = (enum proto_event)(data[0] % 3);
	m.pid = (pid_t)(take32(data + 1) % 0x7fffffffu) + 1;
	m.child = (data[5] & 1) ? (pid_t)(take32(data + 6) % 0x7fffffffu) + 1
	    : 0;
	steplen = data[10] % (PROTO_STEP_MAX - 1) + 1;
	data += 11;
	size -= 11;
	for (i = 0; i < steplen && i < size; i++)
		/* 0xff: a byte no step name may hold */
		m.step[i] = data[i] == 0xff ? 'A' :
		    alphabet[data[i] % (sizeof alphabet - 1)];
	data += i;
	size -= i;
	msglen = size < sizeof m.msg - 1 ? size : sizeof m.msg - 1;
	memcpy(m.msg, data, msglen);        /* may hold NUL, ESC, '\n' ... */

	n = format_exact(sizeof line, &m, line);
	if ((n >= 0) != proto_step_valid(m.step))
		abort();
	if (n < 0)
		return;
	if (memchr(line, '\n', n) != NULL || proto_parse(line, n, &back) != 0)
		abort();
	check_parsed(&back);
	if (back.event != m.event || strcmp(back.step, m.step) != 0 ||
	    back.pid != m.pid || back.child != m.child ||
	    strlen(back.msg) != strlen(m.msg))
		abort();
	for (i = 0; m.msg[i] != '\0'; i++)
		if (back.msg[i] != (((unsigned char)m.msg[i] < 0x20 ||
		    m.msg[i] == 0x7f) ? ' ' : m.msg[i]))
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4 * PROTO_MAX)
		return 0;
	parse_then_format((const char *)data, size);
	format_then_parse(data, size);
	return 0;
}
