/* SPDX-License-Identifier: MIT */
/* test_protocol.c - the datagram grammar: round trips and rejections. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "protocol.h"
#include "lab.h"

static int
parse(const char *text, struct proto_msg *m)
{
	return proto_parse(text, strlen(text), m);
}

START_TEST(round_trip)
{
	struct proto_msg in = { .event = PROTO_EXIT, .pid = 4242, .child = 4243 };
	struct proto_msg out;
	char buf[PROTO_MAX + 1];
	int n;

	strcpy(in.step, "fork");
	strcpy(in.msg, "fork() = 4243: parent exits; a=b c=d");
	n = proto_format(buf, sizeof buf, &in);
	ck_assert_int_gt(n, 0);
	ck_assert_str_eq(buf, "v=1 event=exit step=fork pid=4242 child=4243 "
	    "msg=fork() = 4243: parent exits; a=b c=d");
	ck_assert_int_eq(proto_parse(buf, n, &out), 0);
	ck_assert_int_eq(out.event, PROTO_EXIT);
	ck_assert_str_eq(out.step, "fork");
	ck_assert_int_eq(out.pid, 4242);
	ck_assert_int_eq(out.child, 4243);
	ck_assert_str_eq(out.msg, in.msg);
}
END_TEST

/* The launcher's shell reports how its job ended (launcher.h). */
START_TEST(reaped_round_trip)
{
	struct proto_msg in = { .event = PROTO_REAPED, .pid = 10, .child = 11,
	    .status = 0x0001, .start = 18446744073709551615ULL };
	struct proto_msg out;
	char buf[PROTO_MAX + 1];
	int n;

	strcpy(in.step, "shell");
	n = proto_format(buf, sizeof buf, &in);
	ck_assert_int_gt(n, 0);
	ck_assert_str_eq(buf, "v=1 event=reaped step=shell pid=10 child=11 "
	    "status=1 start=18446744073709551615 msg=");
	ck_assert_int_eq(proto_parse(buf, n, &out), 0);
	ck_assert_int_eq(out.event, PROTO_REAPED);
	ck_assert_int_eq(out.child, 11);
	ck_assert_int_eq(out.status, 1);
	ck_assert(out.start == in.start);
	/* Without its child, status or start, or with them out of range,
	 * it is no report; nor are status= and start= on another event. */
	ck_assert_int_eq(parse("v=1 event=reaped step=shell pid=10 "
	    "status=1 start=5 msg=", &out), -1);
	ck_assert_int_eq(parse("v=1 event=reaped step=shell pid=10 child=11 "
	    "start=5 msg=", &out), -1);
	ck_assert_int_eq(parse("v=1 event=reaped step=shell pid=10 child=11 "
	    "status=1 msg=", &out), -1);
	ck_assert_int_eq(parse("v=1 event=reaped step=shell pid=10 child=11 "
	    "status=65536 start=5 msg=", &out), -1);
	ck_assert_int_eq(parse("v=1 event=reaped step=shell pid=10 child=11 "
	    "status=1 start=18446744073709551616 msg=", &out), -1);
	ck_assert_int_eq(parse("v=1 event=exit step=fork pid=10 child=11 "
	    "status=1 start=5 msg=", &out), -1);
	in.child = 0;
	ck_assert_int_eq(proto_format(buf, sizeof buf, &in), -1);
}
END_TEST

START_TEST(design_example_parses)
{
	struct proto_msg m;

	ck_assert_int_eq(parse("v=1 event=paused step=setsid pid=4242 msg="
	    "setsid() = 4242: new session and group, no controlling terminal",
	    &m), 0);
	ck_assert_int_eq(m.event, PROTO_PAUSED);
	ck_assert_str_eq(m.step, "setsid");
	ck_assert_int_eq(m.pid, 4242);
	ck_assert_int_eq(m.child, 0);
	ck_assert_str_eq(m.msg, "setsid() = 4242: new session and group, no "
	    "controlling terminal");
	ck_assert_int_eq(parse("v=1 event=error step=x pid=1 msg=\n", &m), 0);
	ck_assert_str_eq(m.msg, "");
}
END_TEST

START_TEST(control_characters_never_travel)
{
	struct proto_msg in = { .event = PROTO_PAUSED, .pid = 7 }, out;
	char buf[PROTO_MAX + 1];
	int n;

	strcpy(in.step, "start");
	strcpy(in.msg, "a\nb\033[2Jc\x7f");
	n = proto_format(buf, sizeof buf, &in);
	ck_assert_int_gt(n, 0);
	ck_assert_ptr_null(strchr(buf, '\n'));
	ck_assert_ptr_null(strchr(buf, '\033'));
	ck_assert_int_eq(proto_parse(buf, n, &out), 0);
	ck_assert_str_eq(out.msg, "a b [2Jc ");
}
END_TEST

START_TEST(malformed_rejected)
{
	static const char *const bad[] = {
		"",
		"hello",
		"v=2 event=paused step=a pid=1 msg=x",      /* other version */
		"v=1 event=paused step=a pid=1",            /* no msg */
		"event=paused v=1 step=a pid=1 msg=x",      /* order */
		"v=1 event=stopped step=a pid=1 msg=x",     /* unknown event */
		"v=1 event=paused step= pid=1 msg=x",       /* empty step */
		"v=1 event=paused step=A;B pid=1 msg=x",    /* bad step name */
		"v=1 event=paused step=a pid=0 msg=x",      /* no such pid */
		"v=1 event=paused step=a pid=-4 msg=x",
		"v=1 event=paused step=a pid=12x msg=x",
		"v=1 event=paused step=a pid=99999999999 msg=x",
		"v=1 event=paused step=a pid=1 child=x msg=x",
		"v=1 event=paused step=a pid=1 msg=two\nlines",
		"v=1 event=paused step=a pid=1 msg=esc\033[31m",
		"v=1  event=paused step=a pid=1 msg=x",
	};
	struct proto_msg m;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(parse(bad[i], &m) == -1, "accepted: %s", bad[i]);
	ck_assert_int_eq(proto_parse("v=1 event=exit step=a pid=1 msg=\0x",
	    35, &m), -1);                               /* NUL inside */
}
END_TEST

START_TEST(oversized_rejected)
{
	char buf[PROTO_MAX + 64];
	struct proto_msg m, in = { .event = PROTO_PAUSED, .pid = 1 };
	int head = snprintf(buf, sizeof buf, "v=1 event=paused step=a pid=1 msg=");

	/* A datagram longer than PROTO_MAX. */
	memset(buf + head, 'x', sizeof buf - head - 1);
	buf[sizeof buf - 1] = '\0';
	ck_assert_int_eq(parse(buf, &m), -1);
	/* The longest text that fits is accepted, one more byte is not. */
	buf[head + PROTO_MSG_MAX - 1] = '\0';
	ck_assert_int_eq(parse(buf, &m), 0);
	ck_assert_uint_eq(strlen(m.msg), PROTO_MSG_MAX - 1);
	buf[head + PROTO_MSG_MAX - 1] = 'x';
	buf[head + PROTO_MSG_MAX] = '\0';
	ck_assert_int_eq(parse(buf, &m), -1);
	/* The formatter refuses rather than cut a line in two. */
	strcpy(in.step, "a");
	memset(in.msg, 'y', sizeof in.msg - 1);
	in.msg[sizeof in.msg - 1] = '\0';
	ck_assert_int_eq(proto_format(buf, 64, &in), -1);
	ck_assert_int_eq(proto_format(buf, sizeof buf, &in),
	    head + PROTO_MSG_MAX - 1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("protocol");
	TCase *tc = tcase_create("protocol");

	tcase_add_test(tc, round_trip);
	tcase_add_test(tc, reaped_round_trip);
	tcase_add_test(tc, design_example_parses);
	tcase_add_test(tc, control_characters_never_travel);
	tcase_add_test(tc, malformed_rejected);
	tcase_add_test(tc, oversized_rejected);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
