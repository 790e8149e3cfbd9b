#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""no strays: walk the System V chain past the first fork and setsid (to
the second fork, where an orphan has been adopted), then end the
inspector by q, SIGTERM, SIGHUP (its tmux pane is killed, the terminal
closes) and SIGKILL. Each time no launched process may remain: none of
the PIDs the table showed, nothing carrying the run's tag. After SIGKILL
the steps notice their inspector is gone (DAEMONLAB_INSPECTOR_PID):
allowed up to 2 s, like the others.

usage: test_no_strays.py DAEMONLAB STEPS_DIR [MODE...]
MODE: q term hup kill (default: all four)"""

import os
import signal
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L

LIMIT = 2.0      # seconds from the end of the inspector to nothing left


def end(s, mode):
    if mode == 'q':
        s.send('q')
    elif mode == 'term':
        os.kill(s.pane_pid, signal.SIGTERM)
    elif mode == 'hup':
        s.cmd('kill-pane', '-t', 'e2e')
    elif mode == 'kill':
        os.kill(s.pane_pid, signal.SIGKILL)


def one(daemonlab, steps, mode):
    with L.Session('strays-' + mode, daemonlab, steps) as s:
        s.start([])
        inspector_start = L.read_stat(s.pane_pid)['starttime']
        for k, key in enumerate(L.chain_keys(daemonlab, 'sysv')[:5], 1):
            if k > 1:
                s.send('n')
            s.remember(L.wait_step(s, k, key).table())
        # Make sure the table was read after the second fork settled.
        time.sleep(0.3)
        s.remember(L.wait_step(s, 5, 'fork2').table())
        tagged = L.tagged_processes(s.tag)
        live = [p for p in s.seen if L.alive(p, s.seen[p])]
        if len(live) < 2:
            raise L.Failure('%s: expected the shell and the chain to run '
                            'before the test, found %s' % (mode, live))
        t0 = time.time()
        end(s, mode)
        # The inspector itself ends.
        while L.alive(s.pane_pid, inspector_start):
            L.reap_zombie_children()
            if time.time() - t0 > 3:
                raise L.Failure('%s: daemonlab (PID %d) still runs 3 s '
                                'later' % (mode, s.pane_pid))
            time.sleep(0.01)
        t_inspector = time.time() - t0
        try:
            s.wait_none_remaining(max(0.0, LIMIT - (time.time() - t0)))
        except L.Failure as e:
            raise L.Failure('%s: %s' % (mode, e))
        t_all = time.time() - t0
        L.log('%-4s: inspector gone after %.2f s, all of %s (tagged %s) '
              'gone after %.2f s' % (mode, t_inspector, sorted(s.seen),
                                     sorted(tagged), t_all))


def body(daemonlab, steps, modes):
    failures = []
    for mode in modes:
        try:
            one(daemonlab, steps, mode)
        except L.Failure as e:
            L.log('FAIL %s' % e)
            failures.append(mode)
    if failures:
        raise L.Failure('processes were left by: %s' % ', '.join(failures))


if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if a not in ('q', 'term', 'hup', 'kill')]
    modes = [a for a in sys.argv[1:] if a in ('q', 'term', 'hup', 'kill')]
    daemonlab, steps = L.paths_from_argv(args)
    L.run_test('no strays', lambda: body(daemonlab, steps,
                                         modes or ['q', 'term', 'hup',
                                                   'kill']))
