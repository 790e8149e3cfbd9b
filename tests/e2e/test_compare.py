#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""compare: daemonlab --compare, n until both chains reach step-opentty.
The BSD daemon (a session leader) acquires the fresh terminal: its TTY is
a pts, not the one its shell owns; the System V daemon (not a session
leader after the second fork) does not: TTY ?. Both agree with ps; each
half shows only its own chain's processes; q leaves nothing.

usage: test_compare.py DAEMONLAB STEPS_DIR"""

import re
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L


def progress(screen):
    """(System V step, BSD step) from the two halves' rule lines."""
    sv = bsd = 0
    for line in screen.lines:
        m = re.search(r'step (\d+)/(\d+)', line)
        if not m:
            continue
        if 'System V' in line and m.group(2) == '9':
            sv = int(m.group(1))
        elif 'BSD' in line and m.group(2) == '8':
            bsd = int(m.group(1))
    return sv, bsd


def halves(screen):
    tables = screen.tables()
    if len(tables) != 2:
        raise L.Failure('expected two tables side by side, found %d:\n%s'
                        % (len(tables), screen.text()))
    sv, bsd = tables
    if 'System V' not in screen.line(sv.y - 1) or \
            'BSD' not in screen.line(bsd.y - 1):
        raise L.Failure('the tables are not under their System V and BSD '
                        'titles:\n' + screen.text())
    return sv, bsd


def check(s):
    screen = s.capture()
    sv, bsd = halves(screen)
    s.remember(sv)
    s.remember(bsd)
    problems = []
    for name, table in (('System V', sv), ('BSD', bsd)):
        for row in table.live():
            problems += ['%s: %s' % (name, p) for p in
                         L.compare_row(row, table, s.pane_pid)]
    sv_pids = {r.pid() for r in sv.rows}
    bsd_pids = {r.pid() for r in bsd.rows}
    if sv_pids & bsd_pids:
        problems.append('PIDs %s appear in both halves: each chain should '
                        'show only its own processes'
                        % sorted(sv_pids & bsd_pids))
    daemons = {}
    for name, table in (('System V', sv), ('BSD', bsd)):
        rows = [r for r in table.live()
                if r.values['COMMAND'] == 'step-opentty']
        if len(rows) != 1:
            problems.append('%s: expected one live step-opentty row, found '
                            '%d' % (name, len(rows)))
        else:
            daemons[name] = rows[0]
    if 'System V' in daemons:
        d = daemons['System V']
        if d.values['TTY'] != '?':
            problems.append('System V daemon acquired a terminal: TTY %s'
                            % d.values['TTY'])
        if d.values['SID'] == d.values['PID']:
            problems.append('System V daemon leads its session after the '
                            'second fork')
    if 'BSD' in daemons:
        d = daemons['BSD']
        shell_tty = bsd.rows[0].values['TTY'] if bsd.rows else ''
        if not re.fullmatch(r'pts/\d+', d.values['TTY']):
            problems.append('BSD daemon did not acquire a pts: TTY %r'
                            % d.values['TTY'])
        elif d.values['TTY'] == shell_tty:
            problems.append('BSD daemon\'s TTY %s is its shell\'s terminal, '
                            'not a fresh one' % shell_tty)
        if d.values['SID'] != d.values['PID']:
            problems.append('BSD daemon is not a session leader')
        if d.values['TPGID'] != d.values['PGID']:
            problems.append('BSD daemon: TPGID %s, expected its own group '
                            '%s in the foreground of the acquired terminal'
                            % (d.values['TPGID'], d.values['PGID']))
    return screen, daemons, problems


def body(daemonlab, steps):
    with L.Session('compare', daemonlab, steps) as s:
        s.start(['--compare'])
        s.wait(lambda sc: progress(sc) == (1, 1), 'both chains at step 1')
        for presses in range(20):
            sv, bsd = progress(s.capture())
            if (sv, bsd) == (9, 8):
                break
            s.send('n')
            s.wait(lambda sc: progress(sc)[0] > sv,
                   'the System V chain to go past step %d' % sv)
        else:
            raise L.Failure('20 presses of n did not bring both chains to '
                            'step-opentty')
        L.log('both chains at opentty after %d presses' % presses)
        for attempt in range(8):
            try:
                screen, daemons, problems = check(s)
            except L.Failure as e:
                screen, daemons, problems = s.capture(), {}, [str(e)]
            if not problems:
                break
            time.sleep(0.4)
        else:
            raise L.Failure('\n  '.join(problems) + '\nthe screen:\n'
                            + screen.text())
        for name, d in sorted(daemons.items()):
            L.log('%-8s daemon: %r' % (name, d))
        s.quit()
        L.log('q: nothing left of PIDs %s' % sorted(s.seen))


if __name__ == '__main__':
    daemonlab, steps = L.paths_from_argv()
    L.run_test('compare', lambda: body(daemonlab, steps))
