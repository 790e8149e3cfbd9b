#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""idle-cpu: the interactive inspector, paused at a step in a real
terminal (tmux, 100x30), uses under 0.5% of a core: utime+stime from
/proc/PID/stat over 10 s (and the exact figure from schedstat). Counted:
the inspector and its own helper processes (comm daemonlab*); the
paused step is shown beside it for information.

Measured twice: on the machine as it is, and with 2,000 more processes
(sleeps of ours). While a step is paused nothing in the chain forks, so
the inspector has nothing to look for: its cost must not grow with the
machine (goal: with them at most 1.2x without, by schedstat).

usage: bench_idle_cpu.py DAEMONLAB STEPS_DIR"""

import os
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import benchlib as B

L = B.L
GOAL_PCT = 0.5
GOAL_RATIO = 1.2
EXTRA = 2000
WINDOW = 10.0


def inspector_pids(session):
    """The inspector and its helpers (e.g. the watchdog): processes of the
    run named daemonlab*, besides the chain."""
    pids = [session.pane_pid]
    for p in L.tagged_processes(session.tag):
        st = L.read_stat(p)
        if p != session.pane_pid and st and \
                st['comm'].startswith(b'daemonlab'):
            pids.append(p)
    return pids


def measure(daemonlab, steps, label):
    """CPU of the paused inspector over WINDOW seconds: (ticks %, ns %)."""
    hz = os.sysconf('SC_CLK_TCK')
    with L.Session('idle', daemonlab, steps) as s:
        s.start([])
        for k, key in enumerate(L.chain_keys(daemonlab, 'sysv')[:4], 1):
            if k > 1:
                s.send('n')
            table = L.wait_step(s, k, key).table()
        step_pid = table.focus()[0].pid()
        time.sleep(1.5)              # let the step settle
        pids = inspector_pids(s)
        names = {p: L.read_stat(p)['comm'].decode() for p in pids}
        machine = len(L.proc_pids())
        t0 = time.monotonic()
        ticks0 = {p: B.cpu_ticks(p) for p in pids + [step_pid]}
        ns0 = {p: B.cpu_ns(p) for p in pids + [step_pid]}
        time.sleep(WINDOW)
        ticks1 = {p: B.cpu_ticks(p) for p in pids + [step_pid]}
        ns1 = {p: B.cpu_ns(p) for p in pids + [step_pid]}
        elapsed = time.monotonic() - t0
        if any(ticks1[p] is None for p in pids):
            raise L.Failure('the inspector ended during the measurement')
        s.send('q')

    def pct_ticks(p):
        return (ticks1[p] - ticks0[p]) / hz / elapsed * 100

    def pct_ns(p):
        return (ns1[p] - ns0[p]) / 1e9 / elapsed * 100

    L.log('idle-cpu (%s): paused at step 4/9 (setsid) for %.1f s, '
          'CLK_TCK %d, %d processes on the machine'
          % (label, elapsed, hz, machine))
    for p in pids + [step_pid]:
        what = names.get(p) or 'paused step %d' % p
        L.log('  %-18s PID %-7d utime+stime %3d ticks = %.3f%% of a core; '
              'schedstat %.3f ms = %.4f%%'
              % (what, p, ticks1[p] - ticks0[p], pct_ticks(p),
                 (ns1[p] - ns0[p]) / 1e6, pct_ns(p)))
    total = sum(pct_ticks(p) for p in pids)
    exact = sum(pct_ns(p) for p in pids)
    L.log('  inspector total: %.3f%% (ticks), %.4f%% (schedstat); goal < '
          '%.1f%%' % (total, exact, GOAL_PCT))
    return total, exact


def body():
    if L.tmux_program() is None:
        L.log('idle-cpu: tmux not found; skipped')
        raise SystemExit(B.SKIP)
    daemonlab, steps = L.paths_from_argv()
    plain, plain_ns = measure(daemonlab, steps, 'as it is')
    sleepers = B.start_sleepers(EXTRA)
    try:
        crowded, crowded_ns = measure(daemonlab, steps,
                                      '%d more processes' % EXTRA)
    finally:
        B.stop_sleepers(sleepers)
    ratio = crowded_ns / plain_ns if plain_ns > 0 else float('inf')
    L.log('idle-cpu: with %d more processes / without = %.2f (schedstat); '
          'goal <= %.1f' % (EXTRA, ratio, GOAL_RATIO))
    return plain < GOAL_PCT and crowded < GOAL_PCT and ratio <= GOAL_RATIO


if __name__ == '__main__':
    B.main('idle-cpu', body)
