#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""memory: resident memory of the interactive inspector after walking
the System V chain (TERM=xterm, 100x30 pty): VmHWM (the peak) and VmRSS
from /proc/PID/status, also at the start, at step 9, and after the chain
ended. Goal: under 6 MB (VmHWM, so the peak counts).

usage: bench_memory.py DAEMONLAB STEPS_DIR"""

import sys

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import benchlib as B

L = B.L
GOAL_KB = 6 * 1024
FIELDS = ('VmHWM', 'VmRSS', 'RssAnon', 'RssFile', 'VmData')


def kb(pid):
    st = L.read_status(pid) or {}
    out = {}
    for f in FIELDS:
        v = st.get(f, '').split()
        out[f] = int(v[0]) if v and v[0].isdigit() else -1
    return out


def show(label, m):
    L.log('  %-22s %s' % (label, '  '.join('%s %6d kB' % (f, m[f])
                                            for f in FIELDS)))


def body():
    daemonlab, steps = L.paths_from_argv()
    run = B.PtyInspector(daemonlab, steps)
    try:
        run.wait_for(run.title_has('step 1/9: start '), 'step 1/9')
        run.drain(0.5)
        first = kb(run.pid)
        for k, key in enumerate(L.chain_keys(daemonlab, 'sysv')[1:], 2):
            run.send(b'n')
            run.wait_for(run.title_has('step %d/9: %s ' % (k, key)),
                         'step %d/9' % k)
            run.drain(0.2)
        run.drain(1.2)               # at least one idle refresh
        at9 = kb(run.pid)
        run.send(b'n')               # the daemon exits: the chain ends
        run.wait_for(lambda t: 'chain has ended' in t.text() or
                     'exited' in t.text(), 'the end of the chain', 5)
        run.drain(1.2)
        end = kb(run.pid)
        if run.quit() is None:
            raise L.Failure('daemonlab did not exit on q')
    finally:
        run.close()
    L.log('memory of the interactive inspector (kB):')
    show('at step 1/9', first)
    show('at step 9/9', at9)
    show('after the chain ended', end)
    peak = max(end['VmHWM'], at9['VmHWM'])
    L.log('  peak resident (VmHWM) %d kB = %.2f MB, now (VmRSS) %d kB; '
          'goal < %d kB (6 MB)' % (peak, peak / 1024, end['VmRSS'], GOAL_KB))
    return 0 < peak < GOAL_KB and end['VmRSS'] < GOAL_KB


if __name__ == '__main__':
    B.main('memory', body)
