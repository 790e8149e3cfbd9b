#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""serve: the inspector as a run's service manager, and the keys that
signal its serving daemon (issue 10).

  notify   --chain newstyle, n into step-notify: the screen shows READY=1
           from the PID that /proc names step-notify (a member of the
           run); then a process of this test, outside the run, sends
           READY=1 and STATUS=forged to the run's NOTIFY_SOCKET (found
           in the step's environment, as an attacker would): it is
           counted as ignored, and its words are never shown.
  keys     a chain by hand, step-start step-pidfile step-serve with a
           configuration file: s after the file changed makes step-serve
           reread it (the screen shows reload 1 and the new value; /proc
           shows the process alive, the same one, and its rchar grown by
           at least the file's size); t ends it (gone from /proc) and
           its PID file is removed. While it serves, the detail pane
           shows its ids and signal masks as /proc/PID/status has them,
           and its PID file's descriptor with the lock /proc/locks lists.

usage: test_serve.py DAEMONLAB STEPS_DIR [CASE...]"""

import os
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L


def flat(screen):
    """The screen's words, lines joined: a sentence may wrap."""
    return ' '.join(screen.text().split())


def environ_of(pid, name):
    with open('/proc/%d/environ' % pid, 'rb') as f:
        for entry in f.read().split(b'\0'):
            if entry.startswith(name.encode() + b'='):
                return entry.split(b'=', 1)[1].decode()
    raise L.Failure('PID %d has no %s in its environment' % (pid, name))


FORGER = r'''
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.sendto(b'READY=1\nSTATUS=forged by an outsider\n', sys.argv[1])
'''


def rchar(pid):
    with open('/proc/%d/io' % pid) as f:
        for line in f:
            if line.startswith('rchar:'):
                return int(line.split()[1])
    raise L.Failure('/proc/%d/io has no rchar' % pid)


def mask_names(pid, field):
    """A SigIgn/SigBlk/SigCgt mask of /proc/PID/status as kill -l names."""
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith(field + ':'):
                mask = int(line.split()[1], 16)
                break
        else:
            raise L.Failure('/proc/%d/status has no %s' % (pid, field))
    names = []
    for n in range(1, 65):
        if mask & (1 << (n - 1)):
            try:
                names.append(signal.Signals(n).name[3:])
            except ValueError:
                names.append(str(n))
    return ' '.join(names) or '-'


def ids(pid):
    with open('/proc/%d/status' % pid) as f:
        got = dict(line.split(':', 1) for line in f if ':' in line)
    u, g = got['Uid'].split(), got['Gid'].split()
    return 'UID %s/%s GID %s/%s' % (u[0], u[1], g[0], g[1])


def locked_by(pid, path):
    """/proc/locks: the POSIX lock pid holds on path's inode, e.g.
    'POSIX WRITE', or None."""
    ino = os.stat(path).st_ino
    with open('/proc/locks') as f:
        for line in f:
            w = line.split()
            if len(w) >= 6 and w[1] != '->' and w[4] == str(pid) and \
                    w[5].split(':')[2] == str(ino):
                return '%s %s' % (w[1], w[3])
    return None


def check_detail(s, pid, pidfile):
    """The detail pane of the serving daemon against /proc."""
    problems = []
    for attempt in range(10):
        screen = s.capture()
        text = flat(screen)
        want = [ids(pid) + ' (real/effective)',
                'SigIgn %s · SigBlk %s · SigCgt %s' % (
                    mask_names(pid, 'SigIgn'), mask_names(pid, 'SigBlk'),
                    mask_names(pid, 'SigCgt'))]
        lock = locked_by(pid, pidfile)
        if lock is None:
            raise L.Failure('/proc/locks: %d holds no lock on %s'
                            % (pid, pidfile))
        want.append('→ %s [%s lock held]' % (pidfile, lock))
        problems = [w for w in want if w not in text]
        if not problems:
            return want
        time.sleep(0.3)
    raise L.Failure('the detail pane lacks %s:\n%s' % (problems,
                                                        screen.text()))


def notify(daemonlab, steps):
    with L.Session('serve-notify', daemonlab, steps) as s:
        s.start(['--chain', 'newstyle'])
        L.wait_step(s, 1, 'start', total=3)
        s.send('n')
        screen = L.wait_step(s, 2, 'notify', total=3)
        focus = screen.table().focus()
        if not focus:
            raise L.Failure('no step row at notify:\n' + screen.text())
        pid = focus[0].pid()
        st = L.read_stat(pid)
        if st is None or st['comm'] != b'step-notify':
            raise L.Failure('/proc: PID %d is %r, not step-notify'
                            % (pid, st and st['comm']))
        want = 'READY=1 from PID %d' % pid
        screen = s.wait(lambda sc: want in flat(sc),
                        'the screen to show "%s"' % want)
        if 'STATUS=serving' not in flat(screen):
            raise L.Failure('the daemon\'s STATUS= is not shown:\n'
                            + screen.text())
        L.log('shown: %s' % want)
        path = environ_of(pid, 'NOTIFY_SOCKET')
        p = subprocess.run([sys.executable, '-c', FORGER, path],
                           stdin=subprocess.DEVNULL, timeout=10)
        if p.returncode != 0:
            raise L.Failure('the forger could not send to %s' % path)
        screen = s.wait(lambda sc: '1 notify message from outside the run '
                        'ignored' in flat(sc),
                        'the forged message to be counted as ignored')
        if 'forged' in flat(screen):
            raise L.Failure('the forged STATUS= is shown:\n' + screen.text())
        if want not in flat(screen):
            raise L.Failure('after the forgery the screen no longer shows '
                            '"%s":\n%s' % (want, screen.text()))
        s.remember(screen.table())
        s.quit()


def keys(daemonlab, steps):
    with L.Session('serve-keys', daemonlab, steps) as s:
        conf = os.path.join(s.dir, 'serve.conf')
        pidfile = os.path.join(s.dir, 'serve.pid')
        with open(conf, 'w') as f:
            f.write('greeting=one\n')
        s.start(['--', 'step-start', 'step-pidfile', '--path=' + pidfile,
                 'step-serve', '--config=' + conf])
        # "step says:" is the report, believed: the title names the
        # command from the start, and the terminal pane may show a step's
        # words before its report has arrived.
        s.wait(lambda sc: 'step says: pid' in flat(sc) and sc.tables(),
               'step-start to pause')
        s.send('n')
        s.wait(lambda sc: 'step says: open(' in flat(sc),
               'step-pidfile to pause')
        s.send('n')
        screen = s.wait(lambda sc: 'step says: serving; configuration: '
                        'greeting=one' in flat(sc), 'step-serve to serve')
        rows = [r for r in screen.table().live()
                if r.values['COMMAND'] == 'step-serve']
        if len(rows) != 1:
            raise L.Failure('expected one step-serve row:\n' + screen.text())
        pid = rows[0].pid()
        s.remember(screen.table())
        start = L.read_stat(pid)['starttime']
        with open(pidfile) as f:
            if f.read().strip() != str(pid):
                raise L.Failure('%s does not hold %d' % (pidfile, pid))
        for line in check_detail(s, pid, pidfile):
            L.log('detail, as /proc has it: %s' % line)
        before = rchar(pid)
        with open(conf, 'w') as f:
            f.write('greeting=two\n')
        s.send('s')
        screen = s.wait(lambda sc: 'step says: SIGHUP: reload 1, '
                        'configuration: greeting=two' in flat(sc),
                        'step-serve to say it reread the file')
        if 'SIGHUP to step-serve (PID %d' % pid not in flat(screen):
            raise L.Failure('the status line does not name SIGHUP to PID '
                            '%d:\n%s' % (pid, screen.text()))
        st = L.read_stat(pid)
        if st is None or st['starttime'] != start or \
                st['comm'] != b'step-serve':
            raise L.Failure('/proc: step-serve %d did not live through '
                            'SIGHUP: %r' % (pid, st))
        grown = rchar(pid) - before
        if grown < len('greeting=two\n'):
            raise L.Failure('/proc/%d/io: rchar grew by %d bytes, less than '
                            'the configuration file' % (pid, grown))
        L.log('s: reload 1 shown; /proc/%d/io rchar +%d' % (pid, grown))
        s.send('t')
        deadline = time.time() + 5
        while L.alive(pid, start):
            if time.time() > deadline:
                raise L.Failure('step-serve %d still runs 5 s after t'
                                % pid)
            time.sleep(0.05)
        if os.path.exists(pidfile):
            raise L.Failure('%s is still there after SIGTERM' % pidfile)
        screen = s.wait(lambda sc: 'SIGTERM: shut down cleanly' in flat(sc),
                        'step-serve\'s last words')
        L.log('t: PID %d gone, %s removed' % (pid, pidfile))
        s.quit()


CASES = {'notify': notify, 'keys': keys}


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
    L.run_test('serve', lambda: body(daemonlab, steps, cases or list(CASES)))
