#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""resize: shrink the window to 60x20 and the inspector says it needs at
least 80x24; grow it back to 100x30 and the table is back, with values
that still agree with ps.

usage: test_resize.py DAEMONLAB STEPS_DIR"""

import re
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L


def flat(screen):
    return re.sub(r'\s+', ' ', screen.text())


def size(s):
    return s.display('#{pane_width}x#{pane_height}')


def body(daemonlab, steps):
    with L.Session('resize', daemonlab, steps) as s:
        s.start([])
        L.wait_step(s, 1, 'start')
        s.send('n')
        L.wait_step(s, 2, 'umask')

        s.resize(60, 20)
        if size(s) != '60x20':
            raise L.Failure('tmux did not resize the pane: %s' % size(s))
        screen = s.wait(lambda sc: 'at least 80x24' in flat(sc),
                        'the "needs at least 80x24" message')
        if screen.tables():
            raise L.Failure('a table is drawn at 60x20:\n' + screen.text())
        if '60x20' not in flat(screen):
            raise L.Failure('the message does not give the size it has '
                            '(60x20):\n' + screen.text())
        if any(len(line.rstrip()) > 60 for line in screen.lines):
            raise L.Failure('lines wider than 60 columns:\n' + screen.text())
        L.log('60x20: %s' % flat(screen).strip())

        s.resize(100, 30)
        if size(s) != '100x30':
            raise L.Failure('tmux did not resize the pane: %s' % size(s))
        screen = L.wait_step(s, 2, 'umask')
        if 'at least 80x24' in flat(screen):
            raise L.Failure('the size message stays after growing back:\n'
                            + screen.text())
        for attempt in range(8):
            screen = s.capture()
            try:
                table = screen.table()
            except L.Failure as e:
                problems = [str(e)]
                time.sleep(0.4)
                continue
            problems = [p for r in table.live()
                        for p in L.compare_row(r, table, s.pane_pid)]
            if len(table.rows) < 2:
                problems.append('the table lost its rows')
            if not problems:
                break
            time.sleep(0.4)
        else:
            raise L.Failure('\n  '.join(problems) + '\n' + screen.text())
        s.remember(table)
        L.log('100x30: table back, %d rows agree with ps' % len(table.rows))

        # Below the minimum in one direction only, then still usable: n
        # must work after the resizes.
        s.resize(100, 20)
        s.wait(lambda sc: 'at least 80x24' in flat(sc), 'the message at '
               '100x20')
        s.resize(100, 30)
        s.send('n')
        s.remember(L.wait_step(s, 3, 'fork').table())
        s.quit()


if __name__ == '__main__':
    daemonlab, steps = L.paths_from_argv()
    L.run_test('resize', lambda: body(daemonlab, steps))
