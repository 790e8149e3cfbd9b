#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""trust: what a process outside the run can do to the inspector, and what
the run can do to escape it. Each case is an attack the inspector once
fell for.

  forged-pause   a process of the same user sends "paused step=umask" to
                 the run's socket: the story must not move, the forger
                 gets no row, n continues the real step, and neither n
                 nor q signals the forger.
  forged-child   "exit child=VICTIM" naming an unrelated sleep, and then
                 the inspector itself: the victim gets no row and lives
                 on after q; the inspector does not kill itself.
  flood          well-formed forged reports, a hundred a second: q still
                 ends the inspector within a second.
  escape         a command whose grandchild clears its environment and
                 leaves the session (env -i setsid): it is adopted by the
                 inspector, and every way of ending the inspector (q,
                 SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGKILL) ends it
                 within 2 s.
  forged-reaped  the shell's news of its job (event=reaped) is believed
                 from the run's shell alone: an outsider's report that
                 the chain's process exited 1, and the same from
                 a process of the run that is not the shell (naming
                 itself), are counted as not believed; neither row
                 greys out, and a hang-up (--hangup-at) still says the
                 job died of SIGHUP from its real wait status.
  restart        a command with 40 processes, more than the table has
                 rows: r ends all 40 before the new run starts.

The forger is a child of this test, never of the inspector. Every
process is found from /proc by a token in its command line that the
test chose, never by what the inspector shows.

usage: test_trust.py DAEMONLAB STEPS_DIR [CASE...]"""

import os
import random
import signal
import socket
import subprocess
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L

LIMIT = 2.0      # seconds from the end of the inspector to nothing left


def socket_of(pid):
    """The run's socket path, as an attacker finds it: in the
    environment of any step."""
    with open('/proc/%d/environ' % pid, 'rb') as f:
        for entry in f.read().split(b'\0'):
            if entry.startswith(b'DAEMONLAB_SOCKET='):
                return entry.split(b'=', 1)[1].decode()
    raise L.Failure('PID %d has no DAEMONLAB_SOCKET' % pid)


FORGER = r'''
import os, socket, sys, time
path, count, rate = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
msgs = sys.argv[4:]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sent = 0
while count < 0 or sent < count:
    for m in msgs:
        try:
            s.sendto(m.replace('PID', str(os.getpid())).encode(), path)
        except OSError:
            pass
    sent += 1
    if rate > 0:
        time.sleep(1.0 / rate)
print('sent', flush=True)
time.sleep(600)      # alive, to show that nothing signals it
'''


def forger(path, msgs, count=1, rate=0.0):
    """A process of ours, outside the run, that sends msgs and then
    waits; its default SIGUSR1 and SIGTERM would kill it."""
    p = subprocess.Popen([sys.executable, '-c', FORGER, path, str(count),
                          str(rate)] + msgs, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE)
    if count >= 0:
        p.stdout.readline()       # everything has been sent
    return p


def stop(p):
    if p.poll() is None:
        p.kill()
    p.wait()


def step_pid(s, key, k):
    screen = L.wait_step(s, k, key)
    focus = screen.table().focus()
    if not focus:
        raise L.Failure('no step row at step %d' % k)
    return focus[0].pid(), screen


def forged_pause(daemonlab, steps):
    with L.Session('trust-pause', daemonlab, steps) as s:
        s.start([])
        start, _ = step_pid(s, 'start', 1)
        p = forger(socket_of(start), [
            'v=1 event=paused step=umask pid=PID msg=forged by an outsider'])
        try:
            screen = s.wait(lambda sc: 'outside the run' in sc.text(),
                            'the status line to count the forged report')
            if 'step 1/9: start' not in screen.line(0):
                raise L.Failure('a forged report moved the story: %r'
                                % screen.line(0))
            if p.pid in [r.pid() for r in screen.table().rows]:
                raise L.Failure('the forger %d got a row' % p.pid)
            s.send('n')
            umask, _ = step_pid(s, 'umask', 2)
            if umask != start:
                raise L.Failure('step 2 runs in %d, not in the chain\'s '
                                'process %d' % (umask, start))
            if p.poll() is not None:
                raise L.Failure('n signalled the forger (it died: %s)'
                                % p.returncode)
            s.quit()
            time.sleep(0.3)
            if p.poll() is not None:
                raise L.Failure('q signalled the forger (it died: %s)'
                                % p.returncode)
        finally:
            stop(p)


def forged_child(daemonlab, steps):
    with L.Session('trust-child', daemonlab, steps) as s:
        s.start([])
        start, _ = step_pid(s, 'start', 1)
        victim = subprocess.Popen(['sleep', '300'], stdin=subprocess.DEVNULL)
        p = forger(socket_of(start), [
            'v=1 event=exit step=fork pid=PID child=%d msg=forged'
            % victim.pid,
            'v=1 event=exit step=fork pid=PID child=%d msg=forged'
            % s.pane_pid])
        try:
            screen = s.wait(lambda sc: '2 reports from outside the run'
                            in sc.text(), 'both forged reports counted')
            pids = [r.pid() for r in screen.table().rows]
            for who in (victim.pid, s.pane_pid, p.pid):
                if who in pids:
                    raise L.Failure('PID %d got a row from a forged '
                                    'child=' % who)
            s.quit()
            time.sleep(0.3)
            if victim.poll() is not None:
                raise L.Failure('q killed the victim %d (status %s)'
                                % (victim.pid, victim.returncode))
            # tmux leaves the status empty at times; a death by a
            # signal it always names.
            status = s.dead_status()
            signalled = s.display('#{pane_dead_signal}')
            if status not in ('0', '') or signalled not in ('', '0'):
                raise L.Failure('the inspector ended with status %r, '
                                'signal %r, not 0 from q' % (status,
                                                             signalled))
        finally:
            stop(p)
            stop(victim)


def flood(daemonlab, steps):
    with L.Session('trust-flood', daemonlab, steps) as s:
        s.start([])
        start, _ = step_pid(s, 'start', 1)
        p = forger(socket_of(start), [
            'v=1 event=paused step=umask pid=PID msg=flood'], count=-1,
            rate=100.0)
        try:
            s.wait(lambda sc: 'outside the run' in sc.text(), 'the flood '
                   'to be counted')
            time.sleep(1.0)
            t0 = time.time()
            s.send('q')
            while not s.pane_dead():
                if time.time() - t0 > 3.0:
                    raise L.Failure('q not obeyed within 3 s under a flood')
                time.sleep(0.01)
            took = time.time() - t0
            L.log('flood: q obeyed after %.2f s' % took)
            if took > 1.0:
                raise L.Failure('q took %.2f s under a flood (limit 1 s)'
                                % took)
            s.wait_none_remaining(LIMIT)
        finally:
            stop(p)


MEMBER_FORGER = r'''
import os, socket, time
with open('/proc/self/stat') as f:
    start = f.read().rsplit(')', 1)[1].split()[19]
msg = ('v=1 event=reaped step=shell pid=%d child=%d status=256 start=%s msg='
       % (os.getpid(), os.getpid(), start))
socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendto(
    msg.encode(), os.environ['DAEMONLAB_SOCKET'])
time.sleep(600)
'''


def forged_reaped(daemonlab, steps):
    # An outsider says the chain's first process exited 1 (status 256).
    with L.Session('trust-reaped', daemonlab, steps) as s:
        s.start(['--hangup-at', '2'])
        start, _ = step_pid(s, 'start', 1)
        st = L.read_stat(start)
        p = forger(socket_of(start), [
            'v=1 event=reaped step=shell pid=PID child=%d status=256 '
            'start=%d msg=' % (start, st['starttime'])])
        try:
            screen = s.wait(lambda sc: 'outside the run' in sc.text(),
                            'the forged report to be counted')
            row = [r for r in screen.table().rows if r.pid() == start]
            if not row or row[0].exited:
                raise L.Failure('the forged news greyed the row out')
            s.send('n')
            screen = s.wait(lambda sc: 'Hung up after step 2' in sc.text()
                            and 'watching' not in sc.text(),
                            'the hang-up after step 2')
            if '%d step-umask died of SIGHUP' % start not in \
                    ' '.join(screen.lines):
                raise L.Failure('the job is not said to have died of '
                                'SIGHUP:\n' + screen.text())
            s.quit()
        finally:
            stop(p)
    # A member of the run, not its shell, says it died.
    with L.Session('trust-reaped-member', daemonlab, steps) as s:
        s.start(['--', sys.executable, '-c', MEMBER_FORGER])
        screen = s.wait(lambda sc: 'outside the run' in sc.text(),
                        'the member\'s forged report to be counted')
        rows = [r for r in screen.table().rows if 'python' in
                r.values.get('COMMAND', '')]
        if not rows or rows[0].exited or not L.alive(rows[0].pid()):
            raise L.Failure('no live row for the forging member:\n' +
                            screen.text())
        s.remember(screen.table())
        s.quit()


def by_token(token):
    """The live sleeps whose argument is token (the inspector and the
    shell hold it in their command lines too: not counted)."""
    found = []
    for pid in L.proc_pids():
        try:
            with open('/proc/%d/cmdline' % pid, 'rb') as f:
                argv = f.read().split(b'\0')
        except OSError:
            continue
        st = L.read_stat(pid)
        if len(argv) >= 2 and os.path.basename(argv[0]) == b'sleep' and \
                argv[1] == token.encode() and st is not None and \
                st['state'] != 'Z':
            found.append(pid)
    return found


def end(s, mode):
    if mode == 'q':
        s.send('q')
    elif mode == 'hup':
        s.cmd('kill-pane', '-t', 'e2e')
    else:
        os.kill(s.pane_pid, {'term': signal.SIGTERM, 'int': signal.SIGINT,
                             'quit': signal.SIGQUIT,
                             'kill': signal.SIGKILL}[mode])


def wait_for(what, pred, timeout=5.0):
    deadline = time.time() + timeout
    while True:
        v = pred()
        if v:
            return v
        if time.time() > deadline:
            raise L.Failure('timed out waiting for %s' % what)
        time.sleep(0.05)


def escape_one(daemonlab, steps, mode):
    token = '1010.%06d' % random.randrange(1000000)
    job = '1000.%06d' % random.randrange(1000000)
    with L.Session('trust-escape-' + mode, daemonlab, steps) as s:
        s.start(['--', 'sh', '-c', 'sleep 0.3; (env -i setsid sleep %s &); '
                 'exec sleep %s' % (token, job)])
        inspector_start = L.read_stat(s.pane_pid)['starttime']
        escaped = wait_for('the escaped grandchild', lambda: by_token(token))
        st = L.read_stat(escaped[0])
        if st['ppid'] != s.pane_pid:
            raise L.Failure('the grandchild %d was adopted by %d, not by the '
                            'inspector %d' % (escaped[0], st['ppid'],
                                              s.pane_pid))
        # Let the inspector take one look (once a second for a command).
        s.wait(lambda sc: str(escaped[0]) in sc.text(),
               'the escaped grandchild %d on screen' % escaped[0])
        t0 = time.time()
        end(s, mode)
        while L.alive(s.pane_pid, inspector_start):
            L.reap_zombie_children()
            if time.time() - t0 > 3:
                raise L.Failure('%s: the inspector still runs 3 s later'
                                % mode)
            time.sleep(0.01)
        while by_token(token) or by_token(job):
            L.reap_zombie_children()
            if time.time() - t0 > LIMIT:
                left = by_token(token) + by_token(job)
                for pid in left:
                    os.kill(pid, signal.SIGKILL)
                raise L.Failure('%s: still running %.1f s later: %s' % (
                    mode, LIMIT, '; '.join(L.describe(p) for p in left)))
            time.sleep(0.02)
        L.log('escape %-4s: all gone %.2f s after the end' % (
            mode, time.time() - t0))


def escape(daemonlab, steps):
    failures = []
    for mode in ('q', 'term', 'hup', 'int', 'quit', 'kill'):
        try:
            escape_one(daemonlab, steps, mode)
        except L.Failure as e:
            L.log('FAIL %s' % e)
            failures.append(mode)
    if failures:
        raise L.Failure('the escaped grandchild outlived: %s'
                        % ', '.join(failures))


def restart(daemonlab, steps):
    token = '2000.%06d' % random.randrange(1000000)
    with L.Session('trust-restart', daemonlab, steps) as s:
        s.start(['--', 'sh', '-c', 'i=0; while [ $i -lt 40 ]; do sleep %s '
                 '& i=$((i+1)); done; wait' % token])
        old = wait_for('40 sleeps', lambda: len(by_token(token)) >= 40 and
                       by_token(token))
        old = {pid: L.read_stat(pid)['starttime'] for pid in old}
        time.sleep(1.5)           # a look of the inspector's
        s.send('r')
        t0 = time.time()
        while [p for p in old if L.alive(p, old[p])]:
            L.reap_zombie_children()
            if time.time() - t0 > LIMIT:
                left = [p for p in old if L.alive(p, old[p])]
                raise L.Failure('r left %d of the old run\'s 40 running: %s'
                                % (len(left), left[:5]))
            time.sleep(0.02)
        new = wait_for('the new run\'s 40 sleeps', lambda: len(
            [p for p in by_token(token) if p not in old]) >= 40)
        L.log('restart: the old 40 ended %.2f s after r' % (time.time() - t0))
        s.send('q')
        t0 = time.time()
        while by_token(token):
            L.reap_zombie_children()
            if time.time() - t0 > LIMIT:
                raise L.Failure('q left %d sleeps' % len(by_token(token)))
            time.sleep(0.02)
        del new


CASES = {
    'forged-pause': forged_pause,
    'forged-child': forged_child,
    'flood': flood,
    'escape': escape,
    'restart': restart,
    'forged-reaped': forged_reaped,
}


def body(daemonlab, steps, cases):
    failures = []
    for name in cases:
        try:
            CASES[name](daemonlab, steps)
            L.log('ok %s' % name)
        except L.Failure as e:
            L.log('FAIL %s: %s' % (name, e))
            failures.append(name)
    if failures:
        raise L.Failure('failed: %s' % ', '.join(failures))


if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if a not in CASES]
    cases = [a for a in sys.argv[1:] if a in CASES]
    daemonlab, steps = L.paths_from_argv(args)
    L.run_test('trust', lambda: body(daemonlab, steps, cases or list(CASES)))
