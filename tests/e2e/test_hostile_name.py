#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""hostile name: daemonlab -- DIR/NAME 300, where NAME is a copy of sleep
called ESC ] 0 ; pwned BEL ESC [ 2 J newline "evil": a window title, a
clear screen and a line break. The screen shows it escaped (\\033 ...),
everywhere: table, detail pane and title bar; the pane title is not
"pwned"; the screen is not cleared and nothing spills out of its place;
--once escapes it too; q leaves nothing.

usage: test_hostile_name.py DAEMONLAB STEPS_DIR"""

import os
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L

NAME = b'\x1b]0;pwned\x07\x1b[2J\nevil'
COMM = NAME[:15]                 # the kernel keeps 15 bytes of the name
ESCAPED = L.escape(COMM)         # \033]0;pwned\a\033[2J\n


def sleep_binary():
    for p in ('/bin/sleep', '/usr/bin/sleep', shutil.which('sleep')):
        if p and os.access(p, os.X_OK):
            return os.path.realpath(p)
    raise SystemExit(L.SKIP)


def check_screen(s, screen, evil_pid):
    problems = []
    text = screen.text()
    title = s.display('#{pane_title}')
    if 'pwned' in title:
        problems.append('the pane title became %r' % title)
    if '^[' in text or '^G' in text:
        problems.append('control characters reach the screen raw (curses '
                        'shows them as ^[ ^G), not escaped as \\033 \\a')
    if not screen.line(0).startswith(' daemonlab'):
        problems.append('the title bar is gone: %r' % screen.line(0))
    elif 'q quit' not in screen.line(0):
        problems.append('the title bar lost its keys: %r' % screen.line(0))
    if not screen.tables():
        problems.append('no table: its header line (starting "  PPID") '
                        'is missing or overwritten')
        return problems
    table = screen.table()
    rows = [r for r in table.rows if r.pid() == evil_pid]
    if len(rows) != 1:
        problems.append('the hostile process %d is not one row of the '
                        'table' % evil_pid)
        return problems
    row = rows[0]
    cell = row.values['COMMAND']
    if not (cell and ESCAPED.startswith(cell) and cell.startswith('\\033')):
        problems.append('COMMAND shows %s, expected (a cut of) %s'
                        % (cell, ESCAPED))
    problems += L.compare_row(row, table, s.pane_pid)
    if sum(1 for line in screen.lines if line.strip()) < 20:
        problems.append('the screen looks cleared')
    # Every line of the frame is where it belongs: the legend right
    # under the table, the section rules after it.
    legend = table.y + 1 + len(table.rows)
    if not screen.line(legend).startswith('  highlighted:'):
        problems.append('line %d should be the legend: %r'
                        % (legend, screen.line(legend)))
    return problems


def body(daemonlab, steps):
    with L.Session('hostile', daemonlab, steps) as s:
        path = os.path.join(s.dir.encode(), NAME)
        shutil.copy(sleep_binary(), path)
        s.start([path, '300'])
        evil = []
        deadline = time.time() + 10
        while not evil and time.time() < deadline:
            evil = [p for p in L.tagged_processes(s.tag)
                    if (L.read_stat(p) or {}).get('comm') == COMM]
            time.sleep(0.05)
        if len(evil) != 1:
            raise L.Failure('expected one process named %r, found %s'
                            % (COMM, evil))
        evil_pid = evil[0]
        s.seen[evil_pid] = L.read_stat(evil_pid)['starttime']
        s.wait(lambda sc: '\\033]0;pwned' in sc.text(),
               'the escaped name on screen')
        for attempt in range(6):
            screen = s.capture()
            try:
                problems = check_screen(s, screen, evil_pid)
            except L.Failure as e:
                problems = [str(e)]
            if not problems:
                break
            time.sleep(0.4)
        try:
            for t in screen.tables():
                s.remember(t)
        except L.Failure:
            pass

        # The detail pane of the selected row has the whole name.
        # (Down from "following the focus" selects row 0 first.)
        for presses in range(3):
            s.send('Down')
            try:
                detail = s.wait(lambda sc: any('PID %d ' % evil_pid in line
                                               for line in sc.lines),
                                'the detail of PID %d' % evil_pid,
                                timeout=1.5)
                break
            except L.Failure:
                if presses == 2:
                    raise
        line = [l for l in detail.lines if 'PID %d ' % evil_pid in l][0]
        if ('PID %d %s:' % (evil_pid, ESCAPED)) not in line:
            problems.append('detail shows "%s", expected the name as %s'
                            % (line.strip(), ESCAPED))
        if 'pwned' in s.display('#{pane_title}'):
            problems.append('the pane title became "pwned"')

        # --once prints the same escaping to a pipe.
        once = subprocess.run([daemonlab, '--once', '-p', str(evil_pid)],
                              capture_output=True, stdin=subprocess.DEVNULL,
                              timeout=20)
        if b'\x1b' in once.stdout or b'\x07' in once.stdout:
            problems.append('--once writes raw ESC/BEL bytes')
        if ESCAPED.encode() not in once.stdout:
            problems.append('--once does not show %r:\n%s' % (
                ESCAPED, once.stdout.decode(errors='replace')))

        if problems:
            raise L.Failure('\n  '.join(problems) + '\nthe screen:\n'
                            + screen.text())
        L.log('shown as %s; pane title %r' % (ESCAPED,
                                             s.display('#{pane_title}')))
        s.quit()


if __name__ == '__main__':
    daemonlab, steps = L.paths_from_argv()
    L.run_test('hostile name', lambda: body(daemonlab, steps))
