#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""once-vs-ps: instructions (valgrind --tool=callgrind, Ir, the whole
process from exec to exit, dynamic loading included) of

    daemonlab --once -p A,B,C
    ps -o ppid,pid,pgid,sid,tty,tpgid,stat,uid,comm -p A,B,C

for the same three live PIDs (three sleeps of ours), same environment
(LC_ALL=C.UTF-8). Goal: daemonlab at most a fifth of ps. ncurses is
linked dynamically, as distributions require, and with three PIDs the
loader's fixed cost for libncursesw and libtinfo dominates: about 870,000
instructions, 0.08 to 0.11 of ps here (Debian 12, x86-64; ps's own count
varies with the machine), where static linking measured 460,000 and 0.06.
The goal leaves room for other loaders and libcs, not for reading /proc
less cheaply. Skipped (77) without valgrind: tools/setup --for-tests installs
it.

usage: bench_once_vs_ps.py DAEMONLAB STEPS_DIR"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import benchlib as B

L = B.L
GOAL_RATIO = 0.20


def instructions(argv, outdir, name, env):
    out = os.path.join(outdir, 'callgrind.%s' % name)
    p = subprocess.run(['valgrind', '--tool=callgrind', '--trace-children=no',
                        '--callgrind-out-file=' + out] + argv,
                       capture_output=True, stdin=subprocess.DEVNULL, env=env,
                       timeout=300)
    if p.returncode != 0:
        raise L.Failure('%s under valgrind exited %d:\n%s' % (
            name, p.returncode, p.stderr.decode(errors='replace')[-2000:]))
    total = None
    with open(out) as f:
        for line in f:
            m = re.match(r'(?:summary|totals):\s+(\d+)', line)
            if m:
                total = int(m.group(1))
    if total is None:
        raise L.Failure('no "summary:" or "totals:" line in %s' % out)
    return total, p.stdout.decode(errors='replace')


def body():
    if shutil.which('valgrind') is None:
        L.log('once-vs-ps: valgrind not found; skipped (tools/setup should '
              'install valgrind)')
        raise SystemExit(B.SKIP)
    daemonlab, _ = L.paths_from_argv()
    ps = shutil.which('ps')
    if ps is None:
        raise L.Failure('no ps')
    env = dict(os.environ)
    loc = L.utf8_locale()
    env.update({'LC_ALL': loc, 'LANG': loc})
    env.pop('NO_COLOR', None)
    sleepers = B.start_sleepers(3)
    outdir = tempfile.mkdtemp(prefix='dlab-bench-')
    try:
        pids = ','.join(str(p.pid) for p in sleepers)
        dl_argv = [daemonlab, '--once', '-p', pids]
        ps_argv = [ps, '-o', 'ppid,pid,pgid,sid,tty,tpgid,stat,uid,comm',
                   '-p', pids]
        # Once each without valgrind first: same answer, both working.
        for argv in (dl_argv, ps_argv):
            p = subprocess.run(argv, capture_output=True, env=env,
                               stdin=subprocess.DEVNULL, timeout=60)
            if p.returncode != 0 or len(p.stdout.splitlines()) != 4:
                raise L.Failure('%s: exit %d, output:\n%s' % (
                    ' '.join(argv), p.returncode,
                    p.stdout.decode(errors='replace')))
        dl, dl_out = instructions(dl_argv, outdir, 'daemonlab', env)
        ref, ps_out = instructions(ps_argv, outdir, 'ps', env)
    finally:
        B.stop_sleepers(sleepers)
        shutil.rmtree(outdir, ignore_errors=True)
    ratio = dl / ref
    L.log('once-vs-ps: three live PIDs (%s), valgrind --tool=callgrind, '
          'Ir from exec to exit' % pids)
    L.log('  daemonlab --once -p      %12d instructions' % dl)
    L.log('  ps -o ...,comm -p        %12d instructions' % ref)
    L.log('  ratio daemonlab/ps       %12.3f  (goal <= %.2f: at most %d '
          'instructions)' % (ratio, GOAL_RATIO, int(ref * GOAL_RATIO)))
    L.log('daemonlab printed:\n' + dl_out.rstrip())
    return ratio <= GOAL_RATIO


if __name__ == '__main__':
    B.main('once-vs-ps', body)
