#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""exited rows (issue 12, item 5): a process that exits keeps its row with
its last values, under a state that says what it is now, whatever the
timing of the last look:

- a row shown as a zombie (STAT Z..., COMMAND "(zombie)") is a zombie in
  /proc at that moment, with the same STAT as ps prints;
- an exited row (gutter x) is gone from /proc (or its PID belongs to a
  process started later), and its STAT is how it ended ("exit N", a
  signal's name, or "exited" when the run did not collect the status):
  never a running state such as R+ or Rs;
- the System V chain's session leader, adopted by the inspector, shows as
  a zombie at the second fork every time (the inspector keeps it for
  that step), and as "exit 0" (its _exit(0), reaped by the inspector) at
  the next;
- at the end of the sysv and bsd chains the daemon, continued, exits 0:
  its row says "exit 0" once /proc no longer has it;
- in the mistake chain the failed process is shown as step-setsid, the
  program that failed, in COMMAND and in the detail line.

usage: test_exited.py DAEMONLAB STEPS_DIR sysv|bsd|mistake"""

import re
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L

ENDED = re.compile(r'(exit \d+|SIG[A-Z0-9+-]+|exited)$')
LIVE_STATE = re.compile(r'[RSDTtIWXZ]')


def rows_problems(s, table, starts):
    """What is wrong with the table's zombie and exited rows."""
    problems = []
    for row in table.rows:
        pid = row.pid()
        st = L.read_stat(pid)
        stat = row.values['STAT']
        if row.exited:
            if st is not None and starts.get(pid) == st['starttime']:
                problems.append('PID %d is shown exited (%s), but /proc has '
                                'it, state %s' % (pid, stat, st['state']))
            if not ENDED.match(stat):
                problems.append('PID %d has exited, yet STAT is %r: not '
                                'how it ended' % (pid, stat))
        elif row.zombie:
            ps = L.ps_table([pid]).get(pid)
            if st is None or st['state'] != 'Z' or ps is None:
                problems.append('PID %d is shown as a zombie, but /proc '
                                'says %s' % (pid, L.describe(pid)))
            elif stat != ps['STAT']:
                problems.append('zombie %d: STAT %r on screen, ps says %r'
                                % (pid, stat, ps['STAT']))
        elif st is not None:
            starts.setdefault(pid, st['starttime'])
    return problems


def look(s, k, key, total, starts, extra=None, tries=10):
    """The screen at step k, checked; extra(screen, table) adds
    problems of the step. Retried: a capture and /proc are two looks."""
    for _ in range(tries):
        screen = L.wait_step(s, k, key, total=total)
        table = screen.table()
        s.remember(table)
        problems = rows_problems(s, table, starts)
        if extra is not None:
            problems += extra(screen, table)
        if not problems:
            return screen, table
        time.sleep(0.3)
    raise L.Failure('step %d/%d (%s):\n  %s\nthe screen:\n%s' % (
        k, total, key, '\n  '.join(problems), screen.text()))


def row_of(table, pid):
    for r in table.rows:
        if r.pid() == pid:
            return r
    return None


def walk(daemonlab, steps, chain):
    keys = L.chain_keys(daemonlab, chain)
    starts = {}
    leader = None
    with L.Session('exited-' + chain, daemonlab, steps) as s:
        s.start(['--chain', chain])
        for k, key in enumerate(keys, 1):
            if k > 1:
                s.send('n')
            extra = None
            if key == 'fork2':
                def extra(screen, table):
                    r = row_of(table, leader)
                    if r is None or not r.zombie:
                        return ['at the second fork the session leader %d '
                                'must show as a zombie: %r' % (leader, r)]
                    return []
            elif key == 'chdir' and 'fork2' in keys:
                def extra(screen, table):
                    r = row_of(table, leader)
                    if r is None or not r.exited or \
                            r.values['STAT'] != 'exit 0':
                        return ['the session leader %d, reaped by the '
                                'inspector at the step after, must show '
                                'STAT "exit 0": %r' % (leader, r)]
                    return []
            screen, table = look(s, k, key, len(keys), starts, extra)
            focus = table.focus()
            if key == 'setsid' and len(focus) == 1:
                leader = focus[0].pid()
            L.log('step %d/%d %-8s ok: %s' % (
                k, len(keys), key, ', '.join(
                    '%s %s' % (r.values['PID'], r.values['STAT'] +
                               (' (zombie)' if r.zombie else ''))
                    for r in table.rows)))
        # The end: the daemon exits 0 once continued; the inspector, its
        # adopter, reaps it (no step is left to keep it for) and its row
        # says so.
        daemon = table.focus()[0].pid()
        s.send('n')

        def ended(screen):
            r = row_of(screen.table(), daemon)
            return r is not None and r.exited and \
                r.values['STAT'] == 'exit 0' and L.read_stat(daemon) is None
        screen = s.wait(ended, 'the daemon %d shown as "exit 0" and gone '
                        'from /proc' % daemon)
        problems = rows_problems(s, screen.table(), starts)
        if problems:
            raise L.Failure('at the end:\n  %s\n%s' % (
                '\n  '.join(problems), screen.text()))
        L.log('end: the daemon %d exited 0, reaped by the inspector'
              % daemon)
        s.quit()


def mistake(daemonlab, steps):
    starts = {}
    with L.Session('exited-m', daemonlab, steps) as s:
        s.start(['--chain', 'mistake'])
        screen, table = look(s, 1, 'start', 2, starts)
        step = table.focus()[0].pid()
        s.send('n')

        # The process that ran step-start and then step-setsid. (A
        # sanitized build's leak check may add a row of its own: the
        # tracer it forks at exit.)
        def failed(screen, table):
            r = row_of(table, step)
            if r is None or not r.exited:
                return ['the failed process %d is not shown exited: %r'
                        % (step, r)]
            out = []
            if r.values['COMMAND'] != 'step-setsid':
                out.append('the failed process shows COMMAND %r, not '
                           'step-setsid' % r.values['COMMAND'])
            if 'PID %d step-setsid' % r.pid() not in screen.text():
                out.append('the detail does not name PID %d step-setsid'
                           % r.pid())
            if r.values['STAT'] == 'exit 0':
                out.append('a failed step shows STAT "exit 0"')
            return out
        screen, table = look(s, 2, 'mistake', 2, starts, failed)
        L.log('mistake ok: %r' % row_of(table, step))
        s.quit()


def main():
    args = [a for a in sys.argv[1:]]
    mode = args.pop() if args and args[-1] in ('sysv', 'bsd', 'mistake') \
        else 'sysv'
    daemonlab, steps = L.paths_from_argv(args)
    L.run_test('exited ' + mode, lambda: mistake(daemonlab, steps)
               if mode == 'mistake' else walk(daemonlab, steps, mode))


if __name__ == '__main__':
    main()
