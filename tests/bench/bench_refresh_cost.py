#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""refresh-cost: system calls and CPU time of one refresh of five
tracked processes (five sleeps of ours). Report only: no goal, it must
finish.

  1. daemonlab --once -p A,B,C,D,E (a whole process: exec, one table,
     exit): syscalls from strace -c -f, CPU from getrusage of the child
     (mean of 20 runs); the same with one PID, so the cost of each
     further process shows.
  2. daemonlab -p A,B,C,D,E live on a pty (attached, refreshing once a
     second while idle): strace -c on it for a few seconds, divided by
     its main-loop wake-ups (poll with a timeout); CPU per refresh from
     /proc/PID/schedstat over 10 s.

Without strace (or ptrace) only the CPU figures are given.

usage: bench_refresh_cost.py DAEMONLAB STEPS_DIR"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import benchlib as B

L = B.L


def strace_counts(path):
    """{syscall: calls} and the total from strace -c output."""
    calls, total = {}, None
    with open(path) as f:
        for line in f:
            f_ = line.split()
            if len(f_) >= 5 and f_[-1] == 'total':
                total = int(f_[3])
            elif len(f_) >= 5 and re.match(r'^\d', f_[0]) and \
                    f_[3].isdigit():
                calls[f_[-1]] = int(f_[3])
    if total is None:
        total = sum(calls.values())
    return calls, total


def once_cpu(argv, env, runs=20):
    """Mean user+system CPU of a run of argv, from wait4's rusage."""
    used = []
    for _ in range(runs):
        p = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            raise L.Failure('%s exited %d' % (' '.join(argv), p.returncode))
        used.append(ru.ru_utime + ru.ru_stime)
    return sum(used) / len(used), max(used)


def once_strace(argv, env, outdir, name):
    out = os.path.join(outdir, 'strace.' + name)
    p = subprocess.run(['strace', '-f', '-c', '-o', out] + argv, env=env,
                       stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=120)
    if p.returncode != 0 or not os.path.exists(out):
        return None
    return strace_counts(out)


def live(daemonlab, steps, pids, env, outdir, have_strace):
    run = B.PtyInspector(daemonlab, steps, ['-p', pids])
    result = {}
    try:
        run.wait_for(lambda t: 'attached' in t.line(0), 'the attached view')
        run.drain(1.5)
        # CPU, undisturbed
        ns0, t0 = B.cpu_ns(run.pid), time.monotonic()
        run.drain(10.0)
        ns1, t1 = B.cpu_ns(run.pid), time.monotonic()
        result['cpu_ms_per_s'] = (ns1 - ns0) / 1e6 / (t1 - t0)
        if have_strace:
            trace = os.path.join(outdir, 'strace.live')
            p = subprocess.Popen(['strace', '-f', '-ttt', '-o', trace,
                                  '-p', str(run.pid)],
                                 stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            run.drain(6.5)
            p.terminate()
            p.wait(timeout=10)
            call = re.compile(r'^(?:\d+\s+)?(\d+\.\d+) (\w+)\(')
            with open(trace) as f:
                lines = [l for l in f if call.match(l)]
            # A main-loop turn starts after poll() with a timeout returns:
            # count the calls between the first and the last such wake-up.
            wake = [i for i, l in enumerate(lines)
                    if re.search(r' poll\(.*\], \d+, [1-9]\d*\)', l)]
            if len(wake) >= 2:
                turn = lines[wake[0] + 1:wake[-1] + 1]
                names = {}
                for l in turn:
                    n = call.match(l).group(2)
                    names[n] = names.get(n, 0) + 1
                t_first = float(call.match(lines[wake[0]]).group(1))
                t_last = float(call.match(lines[wake[-1]]).group(1))
                result['wakeups'] = len(wake) - 1
                result['syscalls'] = len(turn)
                result['names'] = names
                result['period'] = (t_last - t_first) / (len(wake) - 1)
        if run.quit() is None:
            raise L.Failure('daemonlab -p did not exit on q')
    finally:
        run.close()
    return result


def body():
    daemonlab, steps = L.paths_from_argv()
    have_strace = shutil.which('strace') is not None
    env = dict(os.environ)
    loc = L.utf8_locale()
    env.update({'LC_ALL': loc, 'LANG': loc})
    sleepers = B.start_sleepers(5)
    outdir = tempfile.mkdtemp(prefix='dlab-bench-')
    try:
        pids5 = ','.join(str(p.pid) for p in sleepers)
        pids1 = str(sleepers[0].pid)
        argv5 = [daemonlab, '--once', '-p', pids5]
        argv1 = [daemonlab, '--once', '-p', pids1]
        cpu5, cpu5max = once_cpu(argv5, env)
        cpu1, _ = once_cpu(argv1, env)
        s5 = s1 = None
        if have_strace:
            s5 = once_strace(argv5, env, outdir, 'once5')
            s1 = once_strace(argv1, env, outdir, 'once1')
        lv = live(daemonlab, steps, pids5, env, outdir, have_strace and
                  s5 is not None)
    finally:
        B.stop_sleepers(sleepers)
        shutil.rmtree(outdir, ignore_errors=True)

    L.log('refresh-cost: five tracked processes (%s)' % pids5)
    L.log('  --once -p (5 PIDs), whole process: CPU %.3f ms mean, %.3f ms '
          'max (getrusage, 20 runs); 1 PID: %.3f ms'
          % (cpu5 * 1e3, cpu5max * 1e3, cpu1 * 1e3))
    if s5 is not None and s1 is not None:
        calls5, total5 = s5
        calls1, total1 = s1
        top = sorted(calls5.items(), key=lambda kv: -kv[1])[:8]
        L.log('  --once -p (5 PIDs): %d syscalls (strace -c -f); 1 PID: %d; '
              'so about %.1f per further process'
              % (total5, total1, (total5 - total1) / 4))
        L.log('    most: ' + ', '.join('%s %d' % kv for kv in top))
    else:
        L.log('  strace %s: syscall counts not measured'
              % ('failed (no ptrace?)' if have_strace else 'not installed'))
    L.log('  live -p (5 PIDs), idle: CPU %.3f ms per second (schedstat, '
          '10 s)' % lv['cpu_ms_per_s'])
    if lv.get('wakeups'):
        per = lv['syscalls'] / lv['wakeups']
        top = sorted(lv['names'].items(), key=lambda kv: -kv[1])[:8]
        L.log('  live -p (5 PIDs): %d syscalls in %d main-loop turns = %.0f '
              'syscalls per refresh, one every %.2f s (strace -f; the scan '
              'of /proc for new descendants included)'
              % (lv['syscalls'], lv['wakeups'], per, lv['period']))
        L.log('    per refresh: ' + ', '.join(
            '%s %.1f' % (n, c / lv['wakeups']) for n, c in top))
        L.log('  live: CPU per refresh about %.3f ms (CPU per second x '
              'refresh period)' % (lv['cpu_ms_per_s'] * lv['period']))
        L.log('  processes on this system: %d' % len(L.proc_pids()))
    return True


if __name__ == '__main__':
    B.main('refresh-cost', body)
