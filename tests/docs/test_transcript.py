#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""docs-transcript-CHAIN: the committed transcripts of a chain,
docs/transcripts/{en,zh-CN}/CHAIN.md, still say what `daemonlab
--transcript CHAIN` prints today.

It runs docs/transcripts/update into a scratch folder (the same
surroundings as for the docs), then compares each new transcript with the
committed one after the same normalisation of both: the numbers of the
run (PIDs, PGIDs, SIDs, the inspector's PID) become P1, P2, ... in order of
first appearance, terminal numbers become pts/a, pts/b, ..., the kernel
release goes, runs of spaces and of the diagram's rules become one (a
PID of another length moves the table's columns and the boxes' titles),
and the terminal section is compared as a set of
lines (two processes writing at one moment come in either order). Equal
and different PIDs stay told apart: "PID = PGID" survives, "PID 12 ->
13" does not become "P1 -> P1".

So that the normalisation cannot hide a change, the test also checks
that the new transcript has one section per step of the chain, and that
a sentence, a table value and a PID identity altered in the committed
text are each caught. It is a child subreaper while update runs: any
process the transcript left behind comes to it, and fails the test.

usage: test_transcript.py UPDATE BUILD-DIR DOCS-TRANSCRIPTS CHAIN"""

import ctypes
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77
LANGS = ('en', 'zh-CN')
TERMINAL = {'en': '## Terminal', 'zh-CN': '## 终端'}
STEP = re.compile(r'^## [^\d\n]*(\d+)/(\d+)', re.M)
ROW = re.compile(r'^(\d+) .*?(\d+) +(\d+) +(\d+) +\S+ +(-?\d+) +\S+ +\d+ +'
                 r'(?:\d{4}|\?) +/', re.M)
REPORT = re.compile(r'step-[a-z0-9]+\[(\d+)\]')
NUMBER = re.compile(r'(?<![\w.])\d+(?![\w])')
UID = re.compile(r'uid (?:为 )?(\d+)', re.I)

failures = []


def check(ok, what):
    print('%s - %s' % ('ok' if ok else 'not ok', what))
    if not ok:
        failures.append(what)


def run_numbers(text):
    """The numbers that name processes in this run: the PID-like columns
    of every table, and the [PID] of every step's report."""
    found = set()
    for row in ROW.finditer(text):
        found.update(g for g in row.groups() if g != '-1')
    found.update(REPORT.findall(text))
    return found - {'0', '1'}


def normalise(text, lang):
    names = {}

    def pts(m):
        return 'pts/' + names.setdefault('pts' + m.group(1),
                                         chr(ord('a') + len(names)))
    text = re.sub(r'pts/(\d+)', pts, text)
    pids = run_numbers(text)
    order = {}

    def pid(m):
        if m.group(0) not in pids:
            return m.group(0)
        return 'P%d' % order.setdefault(m.group(0), len(order) + 1)
    text = NUMBER.sub(pid, text)
    text = re.sub(r'Linux [^\s(（]+', 'Linux RELEASE', text)
    text = re.sub(r'[ \t]+', ' ', text)
    # The diagram's rules are as long as the numbers in its boxes leave.
    text = re.sub(r'─+', '─', text)
    text = '\n'.join(line.rstrip() for line in text.split('\n'))
    body, sep, terminal = text.partition(TERMINAL[lang])
    lines = set()
    for line in terminal.split('\n'):
        while line.startswith('$ ') or line == '$':
            line = line[2:]
        if line.strip():
            lines.add(line)
    return body, sep, sorted(lines)


def diff(a, b):
    """The first line where two normalised bodies part."""
    la, lb = a.split('\n'), b.split('\n')
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return 'line %d:\n  committed: %s\n  now:       %s' % (i + 1, x, y)
    return 'lengths %d and %d lines' % (len(la), len(lb))


def same(committed, now, lang):
    a, b = normalise(committed, lang), normalise(now, lang)
    if a == b:
        return True, ''
    if a[0] != b[0]:
        return False, diff(a[0], b[0])
    return False, 'the terminal section: only committed %s; only now %s' % (
        sorted(set(a[2]) - set(b[2])), sorted(set(b[2]) - set(a[2])))


def chain_length(daemonlab, chain):
    p = subprocess.run([daemonlab, '--print-chain', chain],
                       capture_output=True, text=True, timeout=30)
    return len(re.findall(r' step-', p.stdout))


def alter(text, lang):
    """Three changes the test must catch, each made to the committed
    text: (what, altered text)."""
    out = []
    # A "What changed" sentence; a chain without one (mistake: its
    # only change is an error) has a "What to watch" sentence altered.
    for section in (('What changed', '变化'), ('What to watch', '看什么')):
        heading = '\n### %s\n\n- ' % section[LANGS.index(lang)]
        if heading in text:
            i = text.index(heading) + len(heading)
            out.append(('a sentence under "%s" altered' % section[0],
                        text[:i] + 'not ' + text[i:]))
            break
    m = re.search(r' 0022 ', text)
    if m:
        out.append(('a UMASK in a table altered',
                    text[:m.start()] + ' 0077 ' + text[m.end():]))
    for row in ROW.finditer(text):
        # The first row whose SID is not its PID, given its PID as SID:
        # no new number, only which process is which changes.
        if row.group(4) != row.group(2):
            sid, pid = row.span(4), row.group(2)
            out.append(('a PID identity altered (SID := PID)',
                        text[:sid[0]] + pid + text[sid[1]:]))
            break
    return out


def children():
    me = str(os.getpid())
    left = []
    for d in os.listdir('/proc'):
        if not d.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % d) as f:
                stat = f.read()
        except OSError:
            continue
        if stat[stat.rindex(')') + 2:].split()[1] == me:
            left.append(int(d))
    return left


def sweep():
    """Kills and reaps whatever came to us; returns how many."""
    left = children()
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for pid in left:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    return len(left)


def main():
    if len(sys.argv) != 5:
        print(__doc__)
        return 2
    update, build, docs, chain = sys.argv[1:]
    daemonlab = os.path.join(build, 'inspector', 'daemonlab')
    committed = {}
    for lang in LANGS:
        with open(os.path.join(docs, lang, chain + '.md'),
                  encoding='utf-8') as f:
            committed[lang] = f.read()
    uid = UID.search(committed['en'])
    if uid is None:
        check(False, 'the committed en/%s.md names the uid it ran as' % chain)
        return 1
    if int(uid.group(1)) != 0 and os.geteuid() == 0 or \
            int(uid.group(1)) == 0 and os.geteuid() != 0:
        print('SKIP: the committed transcripts ran as uid %s, this test '
              'as uid %d: step-dropprivs and the UID column differ between '
              'root and not root' % (uid.group(1), os.geteuid()))
        return SKIP
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(36, 1, 0, 0, 0) != 0:    # PR_SET_CHILD_SUBREAPER
        print('SKIP: prctl(PR_SET_CHILD_SUBREAPER): %s' %
              os.strerror(ctypes.get_errno()))
        return SKIP
    steps = chain_length(daemonlab, chain)
    check(steps > 0, '%s has %d steps (daemonlab --print-chain)' % (
        chain, steps))
    with tempfile.TemporaryDirectory(prefix='dlab-transcript-') as out:
        p = subprocess.run([update, build, out, chain], stdin=subprocess.
                           DEVNULL, capture_output=True, text=True,
                           timeout=240)
        time.sleep(0.2)    # an orphan's exit, if any, reaches us
        left = sweep()
        check(p.returncode == 0, 'update %s exited %d %s' % (
            chain, p.returncode, p.stderr.strip()))
        check(left == 0, 'no process of the run is left behind (%d were)'
              % left)
        if p.returncode != 0:
            return 1
        for lang in LANGS:
            with open(os.path.join(out, lang, chain + '.md'),
                      encoding='utf-8') as f:
                now = f.read()
            numbers = [(int(a), int(b)) for a, b in STEP.findall(now)]
            check(numbers == [(i + 1, steps) for i in range(steps)],
                  '%s/%s.md now has steps 1..%d of %d, in order (it has '
                  '%s)' % (lang, chain, steps, steps, numbers))
            check(len(run_numbers(now)) >= 2, '%s/%s.md: the PIDs of the '
                  'run are found, to be normalised' % (lang, chain))
            ok, why = same(committed[lang], now, lang)
            check(ok, '%s/%s.md matches what --transcript prints now%s' % (
                lang, chain, '' if ok else ' (run docs/transcripts/update '
                'if the change is meant): ' + why))
            mutants = alter(committed[lang], lang)
            check(len(mutants) == 3, '%s/%s.md: three alterations to test '
                  'the comparison with (%d)' % (lang, chain, len(mutants)))
            for what, text in mutants:
                check(not same(text, now, lang)[0], '%s/%s.md: %s is '
                      'caught' % (lang, chain, what))
    print('%d problem(s)' % len(failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
