#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""survey-live: the live survey (`daemonlab --survey`, 100x30 pty, its
default refresh of 2 s) on a machine made larger by 2,000 processes of
ours: utime + stime of the inspector over 20 s (and the exact figure
from schedstat). Goal (issue 9): at most 2.5% of a core.

usage: bench_survey_live.py DAEMONLAB STEPS_DIR"""

import os
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import benchlib as B

L = B.L
EXTRA = 2000
GOAL_PCT = 2.5
WINDOW = 20.0


def body():
    daemonlab, steps = L.paths_from_argv()
    hz = os.sysconf('SC_CLK_TCK')
    pop = B.start_population(EXTRA)
    run = None
    try:
        total = len(L.proc_pids())
        run = B.PtyInspector(daemonlab, steps, ['--survey'])
        run.wait_for(lambda t: 'survey:' in t.line(0) and 'kthread' in
                     t.text(), 'the survey', 30)
        run.drain(4.5)               # past the first (full) looks
        t0 = time.monotonic()
        ticks0, ns0 = B.cpu_ticks(run.pid), B.cpu_ns(run.pid)
        run.drain(WINDOW)            # keep reading what it draws
        ticks1, ns1 = B.cpu_ticks(run.pid), B.cpu_ns(run.pid)
        elapsed = time.monotonic() - t0
        if ticks1 is None:
            raise L.Failure('the survey ended during the measurement')
        if run.quit() is None:
            raise L.Failure('daemonlab --survey did not exit on q')
    finally:
        if run is not None:
            run.close()
        B.stop_sleepers(pop)
    pct = (ticks1 - ticks0) / hz / elapsed * 100
    exact = (ns1 - ns0) / 1e9 / elapsed * 100
    L.log('survey-live: %d processes (%d of them ours), %.1f s at the '
          'default refresh (2 s)' % (total, EXTRA, elapsed))
    L.log('  utime+stime %d ticks = %.3f%% of a core; schedstat %.3f ms '
          '= %.4f%%; goal <= %.1f%%' % (ticks1 - ticks0, pct,
                                        (ns1 - ns0) / 1e6, exact, GOAL_PCT))
    return pct <= GOAL_PCT


if __name__ == '__main__':
    B.main('survey-live', body)
