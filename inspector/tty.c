/* SPDX-License-Identifier: MIT */
/* tty.c - name a controlling terminal the way procps' ps does. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "tty.h"

#define TTY_PATH_MAX 128        /* procps' TTY_NAME_SIZE */

struct tty_driver {
	unsigned int major, first, last;
	int   devfs;                /* the path ended in "%d" */
	char  name[16];             /* the path without "/dev/" */
};

static struct tty_driver drivers[64];   /* a typical machine lists ten */
static int ndrivers = -1;       /* -1: /proc/tty/drivers not read yet */

/* Lines like "pty_slave  /dev/pts  136 0-1048575 pty:slave". Read once:
 * drivers come and go with modules, rarely while we run. */
static void
tty_load_drivers(void)
{
	struct tty_driver *d;
	char buf[10000], path[64], *line, *next;
	ssize_t n;
	size_t len;
	int fd, off;

	ndrivers = 0;
	if ((fd = open("/proc/tty/drivers", O_RDONLY | O_CLOEXEC)) == -1)
		return;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	for (line = buf; line != NULL &&
	    ndrivers < (int)(sizeof drivers / sizeof drivers[0]); line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		d = &drivers[ndrivers];
		if (sscanf(line, "%*s %63s %u %n", path, &d->major,
		    &off) != 2 || strncmp(path, "/dev/", 5) != 0)
			continue;
		switch (sscanf(line + off, "%u-%u", &d->first, &d->last)) {
		case 1:
			d->last = d->first;
			break;
		case 2:
			break;
		default:
			continue;
		}
		len = strlen(path + 5);
		d->devfs = len >= 2 && strcmp(path + 5 + len - 2, "%d") == 0;
		if (d->devfs)
			len -= 2;
		if (len > sizeof d->name - 1)
			len = sizeof d->name - 1;
		memcpy(d->name, path + 5, len);
		d->name[len] = '\0';
		ndrivers++;
	}
}

static int
tty_matches(const char *path, unsigned int maj, unsigned int min)
{
	struct stat sb;

	return stat(path, &sb) == 0 && major(sb.st_rdev) == maj &&
	    minor(sb.st_rdev) == min;
}

static int
tty_driver_name(unsigned int maj, unsigned int min, char *path)
{
	struct stat sb;
	struct tty_driver *d = NULL;
	int i;

	if (ndrivers == -1)
		tty_load_drivers();
	/* procps keeps the drivers in a list built backwards: the last
	 * line that fits wins. */
	for (i = ndrivers - 1; i >= 0 && d == NULL; i--)
		if (drivers[i].major == maj && drivers[i].first <= min &&
		    min <= drivers[i].last)
			d = &drivers[i];
	if (d == NULL)
		return 0;
	/* The first of these that exists decides, even if it is another
	 * device: "/dev/tty0" for major 5 minor 0 is not tried further. */
	snprintf(path, TTY_PATH_MAX, "/dev/%s%u", d->name, min);
	if (stat(path, &sb) == -1) {
		snprintf(path, TTY_PATH_MAX, "/dev/%s/%u", d->name, min);
		if (stat(path, &sb) == -1) {
			snprintf(path, TTY_PATH_MAX, "/dev/%s", d->name);
			if (d->devfs || stat(path, &sb) == -1)
				return 0;
		}
	}
	return major(sb.st_rdev) == maj && minor(sb.st_rdev) == min;
}

static int
tty_link_name(int procfd, pid_t pid, const char *fd, unsigned int maj,
    unsigned int min, char *path)
{
	char link[64];
	ssize_t n;

	snprintf(link, sizeof link, "%ld/fd/%s", (long)pid, fd);
	n = readlinkat(procfd, link, path, TTY_PATH_MAX - 1);
	if (n <= 0 || n >= TTY_PATH_MAX - 1)
		return 0;
	path[n] = '\0';
	return tty_matches(path, maj, min);
}

/* Major 204, "low-density serial ports": runs of names by minor. */
static const struct {
	unsigned char first, count;
	unsigned char base;         /* the number of the run's first name */
	char prefix[5];
} low_density[] = {
	{   0,  4,  0, "LU" },  {   4,  1,  0, "FB" },  {   5,  3,  0, "SA" },
	{   8,  4,  0, "SC" },  {  12,  4,  0, "FW" },  {  16, 16,  0, "AM" },
	{  32,  8,  0, "DB" },  {  40,  1,  0, "SG" },  {  41,  3,  0, "SMX" },
	{  44,  2,  0, "MM" },  {  46,  4,  0, "CPM" }, {  50, 32,  0, "IOC" },
	{  82,  2,  0, "VR" },  {  84, 32, 84, "IOC" }, { 116, 32,  0, "SIOC" },
	{ 148,  6,  0, "PSC" }, { 154, 16,  0, "AT" },  { 170, 16,  0, "NX" },
	{ 186,  1,  0, "J" },   { 187,  4,  0, "UL" },  { 191,  1,  0, "xvc" },
	{ 192,  4,  0, "PZ" },  { 196,  8,  0, "TX" },  { 204,  4,  0, "SC" },
	{ 208,  4,  0, "MAX" },
};

/* Majors whose devices are plainly "/dev/PREFIXminor". */
static const struct {
	unsigned short major;
	char prefix[12];
} simple[] = {
	{  11, "ttyB" },  {  17, "ttyH" },  {  19, "ttyC" },   {  22, "ttyD" },
	{  23, "ttyD" },  {  24, "ttyE" },  {  32, "ttyX" },   {  43, "ttyI" },
	{  46, "ttyR" },  {  48, "ttyL" },  {  57, "ttyP" },   {  71, "ttyF" },
	{  75, "ttyW" },  {  78, "ttyM" },  { 105, "ttyV" },   { 112, "ttyM" },
	{ 148, "ttyT" },  { 154, "ttySR" }, { 164, "ttyCH" }, { 166, "ttyACM" },
	{ 172, "ttyMX" }, { 174, "ttySI" }, { 188, "ttyUSB" }, { 208, "ttyU" },
	{ 216, "ttyUB" }, { 224, "ttyY" },  { 227, "3270/tty" },
	{ 229, "iseries/vtty" }, { 256, "ttyEQ" },
};

int
tty_guess(unsigned int maj, unsigned int min, char *buf, size_t size)
{
	size_t i;

	if (maj == 3 && min <= 255)     /* BSD ptys: ttyp0 .. ttyef */
		snprintf(buf, size, "/dev/tty%c%c",
		    "pqrstuvwxyzabcde"[min >> 4], "0123456789abcdef"[min & 15]);
	else if (maj == 4)
		snprintf(buf, size, min < 64 ? "/dev/tty%u" : "/dev/ttyS%u",
		    min < 64 ? min : min - 64);
	else if (maj >= 136 && maj <= 143)
		snprintf(buf, size, "/dev/pts/%u", min + (maj - 136) * 256);
	else if (maj == 156)
		snprintf(buf, size, "/dev/ttySR%u", min + 256);
	else if (maj == 204) {
		for (i = 0; i < sizeof low_density / sizeof low_density[0]; i++)
			if (min >= low_density[i].first &&
			    min < low_density[i].first + low_density[i].count)
				break;
		if (i == sizeof low_density / sizeof low_density[0])
			return 0;
		snprintf(buf, size, "/dev/tty%s%u", low_density[i].prefix,
		    low_density[i].base + min - low_density[i].first);
	} else {
		for (i = 0; i < sizeof simple / sizeof simple[0]; i++)
			if (simple[i].major == maj)
				break;
		if (i == sizeof simple / sizeof simple[0])
			return 0;
		snprintf(buf, size, "/dev/%s%u", simple[i].prefix, min);
	}
	return 1;
}

void
tty_name_pid(int procfd, pid_t pid, dev_t tty_nr, char *buf, size_t size)
{
	char path[TTY_PATH_MAX];
	const char *p;
	unsigned int maj = major(tty_nr), min = minor(tty_nr);
	int found;

	if (size == 0)
		return;
	found = tty_nr != 0 && (tty_driver_name(maj, min, path) ||
	    (procfd >= 0 && tty_link_name(procfd, pid, "2", maj, min, path)) ||
	    (tty_guess(maj, min, path, sizeof path) &&
	    tty_matches(path, maj, min)) ||
	    (procfd >= 0 && tty_link_name(procfd, pid, "255", maj, min, path)));
	if (!found) {
		snprintf(buf, size, "?");
		return;
	}
	p = path;
	if (strncmp(p, "/dev/", 5) == 0 && p[5] != '\0')
		p += 5;
	snprintf(buf, size, "%s", p);
	/* A link target is any path at all: keep the column one word of
	 * plain ASCII, as ps does. */
	for (; *buf != '\0'; buf++)
		if ((unsigned char)*buf <= ' ' || (unsigned char)*buf > '~')
			*buf = '?';
}

void
tty_name(dev_t tty_nr, char *buf, size_t size)
{
	tty_name_pid(-1, 0, tty_nr, buf, size);
}
