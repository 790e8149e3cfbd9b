/* SPDX-License-Identifier: MIT */
/*
 * smoke.c - run a libFuzzer target without libFuzzer, briefly and always
 * the same way: every seed, every prefix of every seed, then thousands of
 * pseudo-random and mutated inputs from a fixed seed. It is linked with
 * one fuzz target (its LLVMFuzzerTestOneInput) and built by the normal
 * compiler, so the suite checks the targets' invariants on every build;
 * real fuzzing is the clang build (-Dfuzz=true).
 *
 *   fuzz-smoke-NAME [-n INPUTS] [-s SEED] [-o CRASHFILE] [-v] PATH...
 *
 * PATH is a seed file or a folder of them. Each input is handed over in a
 * buffer of exactly its size, so a sanitizer build sees any over-read.
 * When the target aborts or crashes (or a sanitizer reports), the input
 * is written to CRASHFILE first: feed it to the target to reproduce.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Present in sanitizer runtimes only. */
void __sanitizer_set_death_callback(void (*)(void)) __attribute__((weak));

#define SMOKE_MAX_SEEDS   512
#define SMOKE_MAX_SEED    65536
#define SMOKE_MAX_INPUT   4096

struct seed {
	uint8_t *data;
	size_t   size;
};

static struct seed seeds[SMOKE_MAX_SEEDS];
static int nseeds;

static const uint8_t *current;
static size_t current_size;
static const char *crash_path = "smoke-crash";
static unsigned long long tried;

/* ------------------------------------------------------------------ */

static void
save_current(void)
{
	static const char said[] = "smoke: the failing input is in ";
	int fd;

	if (current == NULL)
		return;
	fd = open(crash_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd != -1) {
		if (current_size > 0 &&
		    write(fd, current, current_size) != (ssize_t)current_size)
			current_size = 0;
		close(fd);
		if (write(STDERR_FILENO, said, sizeof said - 1) > 0 &&
		    write(STDERR_FILENO, crash_path, strlen(crash_path)) > 0)
			(void)!write(STDERR_FILENO, "\n", 1);
	}
	current = NULL;
}

static void
on_crash(int sig)
{
	save_current();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
run(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size > 0 ? size : 1);

	if (copy == NULL)
		abort();
	if (size > 0)
		memcpy(copy, data, size);
	current = copy;
	current_size = size;
	LLVMFuzzerTestOneInput(copy, size);    /* never NULL, as libFuzzer */
	current = NULL;
	free(copy);
	tried++;
}

/* ------------------------------------------------------------------ */
/* Seeds */

static void
add_seed(const char *path)
{
	struct seed *s;
	ssize_t n;
	int fd;

	if (nseeds == SMOKE_MAX_SEEDS) {
		fprintf(stderr, "smoke: more than %d seeds, %s left out\n",
		    SMOKE_MAX_SEEDS, path);
		return;
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		fprintf(stderr, "smoke: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	s = &seeds[nseeds];
	if ((s->data = malloc(SMOKE_MAX_SEED)) == NULL)
		abort();
	s->size = 0;
	while (s->size < SMOKE_MAX_SEED &&
	    (n = read(fd, s->data + s->size, SMOKE_MAX_SEED - s->size)) > 0)
		s->size += n;
	close(fd);
	nseeds++;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder's files in name order, so every run is the same. */
static void
add_path(const char *path)
{
	struct stat st;
	struct dirent *e;
	char *names[SMOKE_MAX_SEEDS], full[4096];
	int n = 0, i;
	DIR *d;

	if (stat(path, &st) == -1) {
		fprintf(stderr, "smoke: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	if (!S_ISDIR(st.st_mode)) {
		add_seed(path);
		return;
	}
	if ((d = opendir(path)) == NULL) {
		fprintf(stderr, "smoke: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	while ((e = readdir(d)) != NULL && n < SMOKE_MAX_SEEDS)
		if (e->d_name[0] != '.' && (names[n] = strdup(e->d_name)) != NULL)
			n++;
	closedir(d);
	qsort(names, n, sizeof names[0], by_name);
	for (i = 0; i < n; i++) {
		snprintf(full, sizeof full, "%s/%s", path, names[i]);
		if (stat(full, &st) == 0 && S_ISREG(st.st_mode))
			add_seed(full);
		free(names[i]);
	}
}

/* ------------------------------------------------------------------ */
/* Deterministic inputs */

static uint64_t rng_state;

static uint64_t
rng(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static size_t
below(size_t n)
{
	return n == 0 ? 0 : (size_t)(rng() % n);
}

/* Bytes and words the parsers care about. */
static const char *const tokens[] = {
	" ", "(", ")", ") ", " (", "\n", "\t", "\\", "=", "-", "0", "1", "9",
	"-1", "00", "2147483647", "2147483648", "-2147483649", "4294967295",
	"9223372036854775807", "9223372036854775808", "99999999999999999999",
	"\033", "\033[2J", "\033]0;x\007", "\x7f", "\xc2\x9b", "\xc2", "\xff",
	"\xe2\x86\x92", "\xe6\x89\x93",
	/* /proc/PID/stat and status */
	") R ", ") S 1 1 1 0 -1 ", ") Z ", "Uid:\t", "Umask:\t", "VmLck:\t",
	"Name:\t", "\nUid:\t0\t0\t0\t0\n", "\nUmask:\t0022\n", "0077",
	/* the protocol */
	"v=1 ", "v=2 ", "event=paused ", "event=exit ", "event=error ",
	"event=", "step=", "step=fork ", "step=a-b_9 ", "pid=", "pid=4242 ",
	"child=", "child=4243 ", "msg=", "msg=\n",
};

static size_t
mutate(uint8_t *buf, size_t size, size_t max)
{
	int rounds = 1 + (int)below(8);

	while (rounds-- > 0) {
		size_t at = below(size + 1), len, i;
		const char *tok;

		switch (below(10)) {
		case 0:                 /* flip a bit */
			if (size > 0)
				buf[below(size)] ^= 1u << below(8);
			break;
		case 1:                 /* any byte */
			if (size > 0)
				buf[below(size)] = (uint8_t)rng();
			break;
		case 2:                 /* insert a byte */
			if (size < max) {
				memmove(buf + at + 1, buf + at, size - at);
				buf[at] = (uint8_t)rng();
				size++;
			}
			break;
		case 3:                 /* delete a run */
			if (at < size) {
				len = 1 + below(size - at < 16 ? size - at : 16);
				memmove(buf + at, buf + at + len, size - at - len);
				size -= len;
			}
			break;
		case 4:                 /* repeat a run */
			if (at < size) {
				len = 1 + below(size - at < 32 ? size - at : 32);
				if (size + len <= max) {
					memmove(buf + at + len, buf + at, size - at);
					size += len;
				}
			}
			break;
		case 5: case 6:         /* insert a token */
			tok = tokens[below(sizeof tokens / sizeof tokens[0])];
			len = strlen(tok);
			if (size + len <= max) {
				memmove(buf + at + len, buf + at, size - at);
				memcpy(buf + at, tok, len);
				size += len;
			}
			break;
		case 7:                 /* overwrite with a token */
			tok = tokens[below(sizeof tokens / sizeof tokens[0])];
			len = strlen(tok);
			for (i = 0; i < len && at + i < size; i++)
				buf[at + i] = (uint8_t)tok[i];
			break;
		case 8:                 /* cut short */
			size = at;
			break;
		case 9:                 /* splice in the tail of another seed */
			if (nseeds > 0) {
				const struct seed *o = &seeds[below(nseeds)];
				size_t from = below(o->size + 1);

				len = o->size - from;
				if (at + len > max)
					len = max - at;
				memcpy(buf + at, o->data + from, len);
				size = at + len;
			}
			break;
		}
	}
	return size;
}

static size_t
random_input(uint8_t *buf, size_t max)
{
	size_t size = 0, len;
	const char *tok;

	switch (below(3)) {
	case 0:                         /* any bytes */
		size = below(max + 1);
		for (len = 0; len < size; len++)
			buf[len] = (uint8_t)rng();
		break;
	case 1:                         /* mostly printable */
		size = below(300);
		for (len = 0; len < size; len++)
			buf[len] = below(16) == 0 ? (uint8_t)rng() :
			    (uint8_t)(0x20 + below(0x5f));
		break;
	case 2:                         /* words the parsers know */
		while (below(24) != 0) {
			tok = tokens[below(sizeof tokens / sizeof tokens[0])];
			len = strlen(tok);
			if (size + len > max)
				break;
			memcpy(buf + size, tok, len);
			size += len;
		}
		break;
	}
	return size;
}

/* ------------------------------------------------------------------ */

static void
usage(void)
{
	fprintf(stderr, "usage: fuzz-smoke-NAME [-n INPUTS] [-s SEED] "
	    "[-o CRASHFILE] [-v] PATH...\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	static uint8_t buf[SMOKE_MAX_INPUT];
	unsigned long long seed = 0x5eed, inputs = 10000, i;
	struct timespec t0, t1;
	int c, verbose = 0, k;
	size_t n, size;

	while ((c = getopt(argc, argv, "n:s:o:v")) != -1) {
		switch (c) {
		case 'n':
			inputs = strtoull(optarg, NULL, 0);
			break;
		case 's':
			seed = strtoull(optarg, NULL, 0);
			break;
		case 'o':
			crash_path = optarg;
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			usage();
		}
	}
	for (k = optind; k < argc; k++)
		add_path(argv[k]);

	signal(SIGABRT, on_crash);
	signal(SIGSEGV, on_crash);
	signal(SIGBUS, on_crash);
	signal(SIGFPE, on_crash);
	signal(SIGILL, on_crash);
	if (__sanitizer_set_death_callback != NULL)
		__sanitizer_set_death_callback(save_current);
	clock_gettime(CLOCK_MONOTONIC, &t0);

	/* The seeds, whole and cut short at every length. */
	for (k = 0; k < nseeds; k++) {
		run(seeds[k].data, seeds[k].size);
		for (n = 0; n < seeds[k].size && n < SMOKE_MAX_INPUT; n++)
			run(seeds[k].data, n);
	}
	if (verbose)
		fprintf(stderr, "smoke: %d seeds, %llu inputs with their "
		    "prefixes\n", nseeds, tried);

	/* Then half random, half mutated seeds. */
	rng_state = seed ? seed : 1;
	for (i = 0; i < inputs; i++) {
		if (nseeds == 0 || i % 2 == 0) {
			size = random_input(buf, sizeof buf);
		} else {
			const struct seed *s = &seeds[below(nseeds)];

			size = s->size < sizeof buf ? s->size : sizeof buf;
			memcpy(buf, s->data, size);
			size = mutate(buf, size, sizeof buf);
		}
		run(buf, size);
	}

	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("smoke: %llu inputs (%d seeds), seed %#llx, %.2f s: no failure\n",
	    tried, nseeds, seed, (double)(t1.tv_sec - t0.tv_sec) +
	    (t1.tv_nsec - t0.tv_nsec) / 1e9);
	for (k = 0; k < nseeds; k++)
		free(seeds[k].data);
	return 0;
}
