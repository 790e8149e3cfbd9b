#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""survey-once: `daemonlab --survey --once` against `ps -axj` on the
same machine made larger by 2,000 processes of ours (sleeps, killed and
reaped at the end). Goals (issue 9):

  instructions (valgrind --tool=callgrind, Ir from exec to exit)
                             <= 0.05 x ps -axj's
  CPU time (utime + stime from wait4; 11 runs each, interleaved; the
                             least of each, the run least disturbed by
                             whatever else the machine runs)
                             <= 0.5 x ps -axj's (medians shown too)
  peak resident memory (GNU time %M) < 6 MB

Skipped (77) without valgrind.

usage: bench_survey_once.py DAEMONLAB STEPS_DIR"""

import os
import shutil
import statistics
import sys
import tempfile

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import benchlib as B
import bench_once_vs_ps as O

L = B.L
EXTRA = 2000
GOAL_INSTR = 0.05
GOAL_CPU = 0.5
GOAL_RSS_KB = 6 * 1024
RUNS = 11


def body():
    if shutil.which('valgrind') is None:
        L.log('survey-once: valgrind not found; skipped (tools/setup '
              'should install valgrind)')
        raise SystemExit(B.SKIP)
    daemonlab, _ = L.paths_from_argv()
    ps = shutil.which('ps')
    if ps is None:
        raise L.Failure('no ps')
    env = dict(os.environ)
    loc = L.utf8_locale()
    env.update({'LC_ALL': loc, 'LANG': loc})
    dl_argv = [daemonlab, '--survey', '--once']
    ps_argv = [ps, '-axj']
    outdir = tempfile.mkdtemp(prefix='dlab-bench-')
    pop = B.start_population(EXTRA)
    try:
        total = len(L.proc_pids())
        dl, _ = O.instructions(dl_argv, outdir, 'daemonlab', env)
        ref, _ = O.instructions(ps_argv, outdir, 'ps', env)
        dl_ru, ps_ru = [], []
        for _ in range(RUNS):
            dl_ru += B.rusage_of(dl_argv, env, 1)
            ps_ru += B.rusage_of(ps_argv, env, 1)
    finally:
        B.stop_sleepers(pop)
        shutil.rmtree(outdir, ignore_errors=True)
    dl_cpu = min(r[0] for r in dl_ru)
    ps_cpu = min(r[0] for r in ps_ru)
    dl_med = statistics.median(r[0] for r in dl_ru)
    ps_med = statistics.median(r[0] for r in ps_ru)
    if any(r[1] is None for r in dl_ru + ps_ru):
        raise L.Failure('no peak RSS: GNU time (/usr/bin/time, package '
                        'time) is missing; tools/setup installs it')
    rss = max(r[1] for r in dl_ru)
    L.log('survey-once: %d processes (%d of them ours)' % (total, EXTRA))
    L.log('  instructions  daemonlab --survey --once %12d' % dl)
    L.log('                ps -axj                   %12d' % ref)
    L.log('                ratio %.4f (goal <= %.2f)' % (dl / ref,
                                                          GOAL_INSTR))
    L.log('  CPU time      daemonlab %.4f s, ps %.4f s (least of %d); '
          'ratio %.3f (goal <= %.2f)' % (dl_cpu, ps_cpu, RUNS,
                                         dl_cpu / ps_cpu if ps_cpu else 0,
                                         GOAL_CPU))
    L.log('                medians: daemonlab %.4f s, ps %.4f s, ratio %.3f'
          % (dl_med, ps_med, dl_med / ps_med if ps_med else 0))
    L.log('  peak RSS      daemonlab %d kB = %.2f MB (goal < 6 MB); ps %d kB'
          % (rss, rss / 1024, max(r[1] for r in ps_ru)))
    return (dl / ref <= GOAL_INSTR and ps_cpu > 0 and
            dl_cpu <= GOAL_CPU * ps_cpu and rss < GOAL_RSS_KB)


if __name__ == '__main__':
    B.main('survey-once', body)
