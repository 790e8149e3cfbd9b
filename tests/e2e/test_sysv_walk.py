#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""sysv walk: daemonlab in a real 100x30 terminal (tmux), n through every
step of the System V chain. At each step the values on screen equal ps
and /proc for those PIDs, the cells the step changed carry the highlight
and unchanged ones do not; q at the end leaves nothing running.

usage: test_sysv_walk.py DAEMONLAB STEPS_DIR [--no-color]
With --no-color the inspector runs with NO_COLOR=1 and the highlight must
be reverse + bold instead of black on yellow + bold."""

import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L

# For each step (1-based, the title's lesson key): the focus row's
# columns that must be highlighted, and columns that must not be.
EXPECT = {
    'start':    ([], ['PID', 'PPID', 'PGID', 'SID', 'TTY', 'TPGID', 'UID',
                      'UMASK', 'CWD', 'FDS']),
    'umask':    (['UMASK'], ['PID', 'PPID', 'PGID', 'SID', 'TTY', 'UID',
                             'CWD', 'FDS']),
    'fork':     (['PID', 'PPID', 'TPGID'], ['PGID', 'SID', 'TTY', 'UID',
                                            'UMASK', 'CWD', 'FDS']),
    'setsid':   (['PGID', 'SID', 'TTY', 'TPGID'], ['PID', 'PPID', 'UID',
                                                   'UMASK', 'CWD', 'FDS']),
    'fork2':    (['PID'], ['PGID', 'SID', 'TTY', 'TPGID', 'UID', 'UMASK',
                           'CWD', 'FDS']),
    'chdir':    (['CWD'], ['PID', 'PPID', 'PGID', 'SID', 'TTY', 'UID',
                           'UMASK', 'FDS']),
    'closefds': (['FDS'], ['PID', 'PPID', 'PGID', 'SID', 'TTY', 'UID',
                           'UMASK', 'CWD']),
    'devnull':  (['FDS'], ['PID', 'PPID', 'PGID', 'SID', 'TTY', 'UID',
                           'UMASK', 'CWD']),
    'opentty':  (['FDS'], ['PID', 'PPID', 'PGID', 'SID', 'TTY', 'TPGID',
                           'UID', 'UMASK', 'CWD']),
}

# What the focus row must show after the step, besides agreeing with ps.
def step_facts(key, row, prev, inspector):
    problems = []
    v = row.values
    if key == 'umask' and v['UMASK'] != '0000':
        problems.append('UMASK is %s after umask(0)' % v['UMASK'])
    if key in ('fork', 'fork2') and prev is not None and \
            row.pid() == prev.pid():
        problems.append('the PID did not change at the fork')
    if key == 'fork' and v['PGID'] == v['PID']:
        problems.append('the forked child still leads its group')
    if key == 'setsid' and not (v['SID'] == v['PGID'] == v['PID'] and
                                v['TTY'] == '?' and v['TPGID'] == '-1'):
        problems.append('after setsid SID=PGID=PID, TTY ?, TPGID -1 '
                        'expected: %r' % row)
    if key == 'fork2' and v['SID'] == v['PID']:
        problems.append('after the second fork it must not lead its '
                        'session')
    if key == 'chdir' and v['CWD'] != '/':
        problems.append('CWD is %r after chdir("/")' % v['CWD'])
    if key == 'closefds' and v['FDS'] != 'none':
        problems.append('FDS is %r after closing every descriptor'
                        % v['FDS'])
    if key == 'devnull' and not v['FDS'].startswith('0-2 null'):
        problems.append('FDS is %r after /dev/null on 0-2' % v['FDS'])
    if key == 'opentty' and v['TTY'] != '?':
        problems.append('the double-forked daemon acquired a terminal: '
                        'TTY %s' % v['TTY'])
    if key in ('fork', 'setsid', 'fork2', 'chdir', 'closefds', 'devnull',
               'opentty') and row.ppid() not in (1, inspector):
        problems.append('an orphan must be adopted by init or the '
                        'inspector (a subreaper), PPID is %r' % v['PPID'])
    return problems


def check_step(session, k, key, mono, prev_focus):
    """Problems with the screen at step k; retried by the caller."""
    screen = L.wait_step(session, k, key)
    table = screen.table()
    session.remember(table)
    problems = []
    for row in table.live():
        if row.zombie:
            continue
        problems += L.compare_row(row, table, session.pane_pid)
    focus = table.focus()
    if len(focus) != 1:
        return screen, None, problems + [
            'expected one live step process in the table, found %d'
            % len(focus)]
    row = focus[0]
    if not row.selected:
        problems.append('the focus row (PID %s) is not the selected one'
                        % row.values['PID'])
    if row.values['COMMAND'] != 'step-' + ('fork' if key == 'fork2' else key):
        problems.append('focus COMMAND is %r at step %s'
                        % (row.values['COMMAND'], key))
    must, must_not = EXPECT[key]
    for col in must:
        if not row.is_highlighted(col, mono):
            problems.append('step %s: %s %r is not highlighted (%s)' % (
                key, col, row.values[col],
                'reverse+bold' if mono else 'black on yellow, bold'))
    for col in must_not:
        if row.has_any_mark(col):
            problems.append('step %s: %s %r did not change but is '
                            'highlighted' % (key, col, row.values[col]))
    problems += step_facts(key, row, prev_focus, session.pane_pid)
    return screen, row, problems


def check_with_retries(session, k, key, mono, prev_focus, tries=8):
    """Values can change between a capture and ps: look again a few
    times before calling it a failure."""
    for attempt in range(tries):
        screen, row, problems = check_step(session, k, key, mono, prev_focus)
        if not problems:
            return row
        time.sleep(0.4)
    raise L.Failure('step %d/9 (%s):\n  %s\nthe screen:\n%s' % (
        k, key, '\n  '.join(problems), screen.text()))


def walk(daemonlab, steps, mono):
    with L.Session('walk', daemonlab, steps) as s:
        s.start([], no_color=mono)
        L.log('daemonlab pid %d, TERM=%s, %s' % (s.pane_pid, s.term,
                                                'NO_COLOR' if mono else
                                                'colour'))
        prev = None
        for k, key in enumerate(L.chain_keys(daemonlab, 'sysv'), 1):
            if k > 1:
                s.send('n')
            prev = check_with_retries(s, k, key, mono, prev)
            L.log('step %d/9 %-8s ok, highlighted %s: %r' % (
                k, key, ','.join(c for c in L.COLUMNS
                                 if prev.is_highlighted(c, mono)) or '-',
                prev))
        if mono:
            screen = s.capture()
            coloured = [c for row in screen.cells for c in row
                        if c.fg is not None or c.bg is not None]
            if coloured:
                raise L.Failure('NO_COLOR is set, yet %d cells have a '
                                'colour' % len(coloured))
        seen = sorted(s.seen)
        s.send('q')
        deadline = time.time() + 3
        while not s.pane_dead():
            if time.time() > deadline:
                raise L.Failure('daemonlab did not exit on q; the screen:\n'
                                + s.capture().text())
            time.sleep(0.02)
        status = s.dead_status()
        if status not in ('0', ''):
            raise L.Failure('daemonlab exited with status %s on q' % status)
        if L.alive(s.pane_pid):
            raise L.Failure('daemonlab (PID %d) still runs' % s.pane_pid)
        s.wait_none_remaining(2.0)
        L.log('q: daemonlab exited (status %s); none of PIDs %s remains'
              % (status or '?', seen))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    mono = '--no-color' in sys.argv[1:]
    daemonlab, steps = L.paths_from_argv(args)
    L.run_test('no-color' if mono else 'sysv walk',
               lambda: walk(daemonlab, steps, mono))


if __name__ == '__main__':
    main()
