#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""compare: daemonlab --compare, n until both chains reach step-opentty.
The BSD daemon (a session leader) acquires the fresh terminal: its TTY is
a pts, not the one its shell owns; the System V daemon (not a session
leader after the second fork) does not: TTY ?. Both agree with ps; each
half shows only its own chain's processes; q leaves nothing.

With the extra argument daemon7,newstyle: daemonlab --compare=daemon7,newstyle.
The new-style half waits at step-start while daemon(7)'s chain makes the
twelve steps a new-style daemon leaves to its service manager, then both
notify and serve together: every press of n moves the halves as the plan
says, each half shows only its own chain's processes, and both daemons
end up serving (state S, alive in /proc).

usage: test_compare.py DAEMONLAB STEPS_DIR [daemon7,newstyle]"""

import os
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


def chain_progress(screen, totals):
    """Each half's step from its rule line ('step k/N'), by N."""
    got = {}
    for line in screen.lines:
        m = re.search(r'step (\d+)/(\d+)', line)
        if m and int(m.group(2)) in totals and ' · ' in line:
            got.setdefault(int(m.group(2)), int(m.group(1)))
    return tuple(got.get(t, 0) for t in totals)


def body_chains(daemonlab, steps, pair):
    first, second = pair.split(',')
    keys = [L.chain_keys(daemonlab, first), L.chain_keys(daemonlab, second)]
    totals = (len(keys[0]), len(keys[1]))
    if totals[0] == totals[1]:
        raise L.Failure('the two chains have the same length %d: their '
                        'halves cannot be told apart' % totals[0])
    with L.Session('compare-chains', daemonlab, steps) as s:
        # The PID file goes into our folder, not /run: nobody else's. As
        # root, step-dropprivs becomes nobody, who must still pass through
        # our folder (TMPDIR) to the run's socket.
        os.chmod(s.dir, 0o711)
        s.start(['--compare=' + pair], env={'XDG_RUNTIME_DIR': s.dir})
        s.wait(lambda sc: 'compare: %s and %s' % (first, second)
               in sc.line(0), 'the title naming both chains')
        s.wait(lambda sc: chain_progress(sc, totals) == (1, 1),
               'both chains at step 1')
        # The plan: a step the second lacks runs alone; shared ones together.
        want = [1, 1]
        j = 1
        for i, key in enumerate(keys[0][1:], start=1):
            shared = key in keys[1][j:]
            if shared:
                if keys[1][j] != key:
                    raise L.Failure('the second chain has %s before %s: '
                                    'this test expects its steps to be '
                                    'a part of the first\'s'
                                    % (keys[1][j], key))
                j += 1
            want = [i + 1, j]
            s.send('n')
            s.wait(lambda sc: chain_progress(sc, totals) == tuple(want),
                   '%s at step %d/%d and %s at %d/%d after n into %s'
                   % (first, want[0], totals[0], second, want[1],
                      totals[1], key), timeout=15)
            L.log('n: %s %d/%d, %s %d/%d' % (first, want[0], totals[0],
                                             second, want[1], totals[1]))
        if tuple(want) != totals:
            raise L.Failure('the walk ended at %r, not at both ends %r'
                            % (want, totals))
        screen = s.capture()
        tables = screen.tables()
        if len(tables) != 2:
            raise L.Failure('expected two tables, found %d:\n%s'
                            % (len(tables), screen.text()))
        for t in tables:
            s.remember(t)
        pids = [{r.pid() for r in t.rows} for t in tables]
        if pids[0] & pids[1]:
            raise L.Failure('PIDs %s in both halves' % sorted(pids[0] &
                                                              pids[1]))
        for name, t in zip((first, second), tables):
            serving = [r for r in t.live()
                       if r.values['COMMAND'] == 'step-serve']
            if len(serving) != 1:
                raise L.Failure('%s: expected one live step-serve row, '
                                'found %d:\n%s' % (name, len(serving),
                                                    screen.text()))
            st = L.read_stat(serving[0].pid())
            if st is None or st['comm'] != b'step-serve':
                raise L.Failure('%s: /proc has no step-serve at PID %d'
                                % (name, serving[0].pid()))
            problems = L.compare_row(serving[0], t, s.pane_pid)
            if problems:
                raise L.Failure('%s: %s' % (name, '; '.join(problems)))
            L.log('%s daemon: %r' % (name, serving[0]))
        s.quit()
        L.log('q: nothing left of PIDs %s' % sorted(s.seen))


if __name__ == '__main__':
    if len(sys.argv) > 3:
        daemonlab, steps = L.paths_from_argv(sys.argv[1:3])
        L.run_test('compare ' + sys.argv[3],
                   lambda: body_chains(daemonlab, steps, sys.argv[3]))
    else:
        daemonlab, steps = L.paths_from_argv()
        L.run_test('compare', lambda: body(daemonlab, steps))
