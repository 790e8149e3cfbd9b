#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""key-latency: from pressing n to the screen showing the next step.

daemonlab runs on a pty of ours (TERM=xterm, 100x30, no tmux in between).
For each step of the System V chain: write 'n', read what the inspector
draws into a small terminal emulator, and stop the clock when the title
line shows "step K/9: KEY". Two walks through the chain (r restarts).
Goal: median under 50 ms.

usage: bench_key_latency.py DAEMONLAB STEPS_DIR"""

import statistics
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import benchlib as B

L = B.L
GOAL_MS = 50.0
ROUNDS = 2


def body():
    daemonlab, steps = L.paths_from_argv()
    run = B.PtyInspector(daemonlab, steps)
    samples = []
    try:
        for rnd in range(ROUNDS):
            if rnd > 0:
                run.send(b'r')
            run.wait_for(run.title_has('step 1/9: start '), 'step 1/9')
            run.drain(0.3)
            for k, key in enumerate(L.chain_keys(daemonlab, 'sysv')[1:], 2):
                want = 'step %d/9: %s ' % (k, key)
                t0 = time.perf_counter()
                run.send(b'n')
                t1 = run.wait_for(run.title_has(want), want.strip())
                ms = (t1 - t0) * 1000
                samples.append((k, key, ms))
                # let the step settle, as a person reading the screen would
                run.drain(0.25)
            # continue the daemon to the end of the chain
            run.send(b'n')
            run.drain(0.3)
        status = run.quit()
    finally:
        run.close()
    values = [ms for _, _, ms in samples]
    med = statistics.median(values)
    L.log('key-latency: %d presses of n (%d walks of the System V chain, '
          'TERM=xterm 100x30 pty)' % (len(values), ROUNDS))
    for k, key, ms in samples:
        L.log('  step %d/9 %-8s %7.2f ms' % (k, key, ms))
    per_step = {}
    for k, key, ms in samples:
        per_step.setdefault(key, []).append(ms)
    L.log('  median %.2f ms, mean %.2f ms, min %.2f ms, max %.2f ms '
          '(goal: median < %.0f ms)' % (med, statistics.mean(values),
                                       min(values), max(values), GOAL_MS))
    L.log('  slowest step: %s (%.2f ms median)' % max(
        ((key, statistics.median(v)) for key, v in per_step.items()),
        key=lambda kv: kv[1]))
    if status is None:
        raise L.Failure('daemonlab did not exit on q')
    return med < GOAL_MS


if __name__ == '__main__':
    B.main('key-latency', body)
