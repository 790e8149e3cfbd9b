#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""survey: daemonlab --survey in an 80x24 tmux terminal. The rows shown
agree with ps (PPID PID PGID SID TTY TPGID); a process of ours with a
hostile command line (a setsid daemon whose argv[0] is ESC ] 0 ; pwned
BEL ESC [ 2 J) shows escaped in the flat and the tree view, under the
kind filter "daemon, session leader"; `a` on its row attaches the
inspector to it; q quits.

usage: test_survey.py DAEMONLAB STEPS_DIR"""

import os
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L

NAME = b'\x1b]0;pwned\x07\x1b[2J'
ESCAPED = '\\033]0;pwned\\a\\033[2J'


def rows(screen):
    """(line, [PPID, PID, PGID, SID, TTY, TPGID]) of the table's rows."""
    out = []
    for y in range(2, len(screen.lines)):
        line = screen.line(y)
        f = line[1:].split()
        if len(f) < 6 or not all(x.lstrip('-').isdigit()
                                 for x in f[:4] + f[5:6]):
            break
        out.append((line, f[:6]))
    return out


def selected(screen):
    return [l for l in screen.lines if l.startswith('>')]


def check_raw(s, screen, problems, where):
    if '^[' in screen.text() or '^G' in screen.text():
        problems.append('%s: control characters reach the screen raw'
                        % where)
    if 'pwned' in s.display('#{pane_title}'):
        problems.append('%s: the pane title became "pwned"' % where)


def select(s, pid):
    """Moves the selection onto pid's row; returns the screen."""
    want = ' %d ' % pid
    for key in ['Home'] + ['Down'] * 60:
        s.send(key)
        time.sleep(0.05)
        screen = s.capture()
        if any(want in l for l in selected(screen)):
            return screen
    raise L.Failure('PID %d never selected; the screen:\n%s'
                    % (pid, screen.text()))


def body(daemonlab, steps):
    sleep = shutil.which('sleep') or '/bin/sleep'
    problems = []
    with L.Session('survey', daemonlab, steps, cols=80, rows=24) as s:
        evil = subprocess.Popen([NAME, '300'], executable=sleep,
                                start_new_session=True,
                                stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL)
        s.seen[evil.pid] = None
        deadline = time.time() + 5
        while (L.read_stat(evil.pid) or {}).get('comm') != b'sleep':
            if time.time() > deadline:
                raise L.Failure('the hostile sleep did not start')
            time.sleep(0.02)
        s.seen[evil.pid] = L.read_stat(evil.pid)['starttime']

        s.start(['--survey'])
        screen = s.wait(lambda sc: 'survey:' in sc.line(0) and rows(sc),
                        'the survey')
        check_raw(s, screen, problems, 'flat')
        shown = rows(screen)
        ps = L.ps_table([int(f[1]) for _, f in shown])
        for line, f in shown:
            p = ps.get(int(f[1]))
            if p is None:
                continue        # gone since
            want = [p[k] for k in ('PPID', 'PID', 'PGID', 'SID', 'TTY',
                                   'TPGID')]
            if f != want:
                problems.append('row %r: ps says %s' % (line, want))
        if len(shown) < 10:
            problems.append('only %d rows at 80x24' % len(shown))

        # The kind filter, then the hostile row.
        for _ in range(12):
            if 'daemon, session leader' in s.capture().line(0):
                break
            s.send('k')
            time.sleep(0.1)
        screen = s.wait(lambda sc: 'daemon, session leader' in sc.line(0),
                        'the filter "daemon, session leader"')
        screen = select(s, evil.pid)
        line = selected(screen)[0]
        if ESCAPED[:20] not in line:
            problems.append('flat, filtered: the row shows %r, not %s'
                            % (line, ESCAPED))
        check_raw(s, screen, problems, 'filtered')
        if not any('PID %d: daemon, session leader' % evil.pid in l
                   for l in screen.lines):
            problems.append('the detail pane does not name the kind')

        s.send('t')
        s.wait(lambda sc: 'tree' in sc.line(0), 'the tree view')
        screen = select(s, evil.pid)
        check_raw(s, screen, problems, 'tree')
        if ESCAPED[:8] not in selected(screen)[0]:
            problems.append('tree: the row shows %r' % selected(screen)[0])

        s.send('a')
        screen = s.wait(lambda sc: 'attached' in sc.line(0) and
                        any(' %d ' % evil.pid in l for l in sc.lines),
                        'the inspector attached to PID %d' % evil.pid)
        check_raw(s, screen, problems, 'attached')
        if problems:
            raise L.Failure('\n  '.join(problems) + '\nthe screen:\n'
                            + screen.text())
        s.send('q')
        deadline = time.time() + 3
        while not s.pane_dead():
            if time.time() > deadline:
                raise L.Failure('daemonlab did not exit on q')
            time.sleep(0.02)
        # Attaching only watches: quitting leaves the process running.
        if evil.poll() is not None:
            raise L.Failure('attaching and quitting ended the process')
        evil.kill()
        evil.wait()
        s.wait_none_remaining(2.0)


if __name__ == '__main__':
    daemonlab, steps = L.paths_from_argv()
    L.run_test('survey', lambda: body(daemonlab, steps))
