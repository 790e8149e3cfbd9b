#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""terminal: the terminal is given back intact on every way out, and the
screen is whole again after a suspend or a ^L. The terminal's state is
read back from tmux: #{alternate_on} (the alternate screen) and
#{cursor_flag} (the cursor shown); the exit status from a real shell's $?.

  tmpdir   TMPDIR=/nonexistent: an error after the screen started. The
           terminal is back (main screen, cursor shown) before the
           message, which says what failed and why (strerror), each line
           from column 0; status 2; nothing left running.
  sigquit  ^\\ (SIGQUIT): handled like SIGTERM: terminal back, nothing
           left, and the shell sees death by SIGQUIT ($? = 131).
  signals  SIGTERM, SIGHUP, SIGINT (kill), and ^C: the same, $? = 128+N.
  suspend  in bash and in sh: ^Z gives the terminal back while the run's
           processes go on (not stopped); fg draws every cell again (the
           screen equals the one before ^Z); the chain still steps;
           SIGKILL of the suspended inspector still leaves nothing.
  redraw   the screen is damaged behind the inspector's back (written to
           its tty); ^L draws every cell again.

usage: test_terminal.py DAEMONLAB STEPS_DIR [MODE...]"""

import os
import signal
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L

MODES = ['tmpdir', 'sigquit', 'signals', 'suspend', 'redraw']


def terminal_state(s):
    """(alternate screen on, cursor shown), as tmux has them."""
    alt, cursor = s.display('#{alternate_on} #{cursor_flag}').split()
    return alt == '1', cursor == '1'


def expect_given_back(s, what):
    alt, cursor = terminal_state(s)
    if alt or not cursor:
        raise L.Failure('%s: the terminal is not given back: alternate '
                        'screen %s, cursor %s; the screen:\n%s'
                        % (what, 'on' if alt else 'off',
                           'shown' if cursor else 'hidden',
                           s.capture().text()))


def expect_drawn(s, what):
    alt, cursor = terminal_state(s)
    if not alt or cursor:
        raise L.Failure('%s: expected the inspector\'s screen (alternate '
                        'screen on, cursor hidden), found alternate %s, '
                        'cursor %s' % (what, alt, cursor))


def expect_status(s, want, what):
    got = s.shell_status()
    if got != want:
        raise L.Failure('%s: the shell saw $? = %d, expected %d; the '
                        'screen:\n%s' % (what, got, want,
                                         s.capture().text()))


def start_walk(s, inspector):
    """Waits for the chain's first step and remembers its processes."""
    s.remember(L.wait_step(s, 1, 'start').table())
    if not L.alive(inspector):
        raise L.Failure('daemonlab is not running')


def tmpdir(daemonlab, steps):
    with L.Session('term-tmpdir', daemonlab, steps) as s:
        s.start_shell('sh')
        s.shell_run([], env={'TMPDIR': '/nonexistent'})
        s.shell_wait_end()
        expect_given_back(s, 'TMPDIR=/nonexistent')
        expect_status(s, 2, 'TMPDIR=/nonexistent')
        text = s.capture().text()
        want = 'daemonlab: cannot make a folder in /nonexistent: ' + \
            os.strerror(2)
        lines = [l for l in text.split('\n') if 'daemonlab:' in l or
                 'TMPDIR to' in l]
        if not any(l.startswith(want) for l in lines):
            raise L.Failure('no line "%s" (what failed and why, from '
                            'column 0):\n%s' % (want, text))
        if not any(l.startswith('set TMPDIR to') for l in lines):
            raise L.Failure('the hint does not start at column 0 (a '
                            'staircase?):\n%s' % text)
        s.wait_none_remaining(2.0)
        L.log('tmpdir: %s' % ' / '.join(lines))


def by_signal(daemonlab, steps, name, how):
    with L.Session('term-' + name.lower(), daemonlab, steps) as s:
        s.start_shell('sh')
        inspector = s.shell_run([])
        start_walk(s, inspector)
        sig = getattr(signal, name)
        if how == 'kill':
            os.kill(inspector, sig)
        else:
            s.send(how)
        what = '%s (%s)' % (name, how)
        s.shell_wait_end()
        expect_given_back(s, what)
        expect_status(s, 128 + sig, what)
        try:
            s.wait_none_remaining(2.0)
        except L.Failure as e:
            raise L.Failure('%s: %s' % (what, e))
        L.log('%s: $? = %d, terminal given back, nothing left'
              % (what, 128 + sig))


def sigquit(daemonlab, steps):
    by_signal(daemonlab, steps, 'SIGQUIT', 'C-\\')


def signals(daemonlab, steps):
    for name, how in (('SIGTERM', 'kill'), ('SIGHUP', 'kill'),
                      ('SIGINT', 'kill'), ('SIGINT', 'C-c')):
        by_signal(daemonlab, steps, name, how)


BLANK = (' ', False, False, False, False, None, None)


def looks(screen):
    """What a user sees, cell by cell: the character and its attributes.
    A blank that shows nothing (no reverse, underline or background) is
    a blank whatever else it carries, and blanks at the end of a line are
    dropped: curses may write them or leave the cells cleared, and tmux
    tells the two apart."""
    out = []
    for row in screen.cells:
        line = []
        for c in row:
            if c.ch in (' ', '') and not (c.rev or c.ul or c.bg is not None):
                line.append(BLANK if c.ch == ' ' else ('',) + BLANK[1:])
            else:
                line.append((c.ch, c.bold, c.dim, c.rev, c.ul, c.fg, c.bg))
        while line and line[-1] == BLANK:
            line.pop()
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def settled(s, timeout=5.0):
    """The screen once two captures 0.3 s apart agree: a capture may
    catch curses half way through an update."""
    deadline = time.time() + timeout
    last = s.capture()
    while True:
        time.sleep(0.3)
        now = s.capture()
        if looks(now) == looks(last):
            return now
        if time.time() > deadline:
            raise L.Failure('the screen does not settle:\n' + now.text())
        last = now


def wait_same_screen(s, before, what, timeout=5.0):
    """Waits until the screen looks as before, cell for cell (attributes
    included); the failure shows the lines that differ."""
    want = looks(before)
    try:
        s.wait(lambda sc: looks(sc) == want, what, timeout=timeout)
    except L.Failure:
        after = s.capture()
        got = looks(after)
        diff = ['line %d before: %r\nline %d now:    %r'
                % (y, before.raw.split('\n')[y], y,
                   after.raw.split('\n')[y])
                for y in range(min(len(want), len(got)))
                if want[y] != got[y]]
        raise L.Failure('%s\nthe screen now:\n%s\ndiffering lines (raw):'
                        '\n%s' % (what, after.text(), '\n'.join(diff)))


def suspend_in(daemonlab, steps, shell):
    with L.Session('term-suspend-' + shell, daemonlab, steps) as s:
        s.start_shell(shell)
        inspector = s.shell_run([])
        start_walk(s, inspector)
        before = settled(s)
        s.send('C-z')
        s.wait(lambda sc: 'Stopped' in sc.text() and
               sc.text().rstrip().endswith(s.SHELL_PROMPT.rstrip()),
               '%s to report the job stopped' % shell)
        expect_given_back(s, '^Z in %s' % shell)
        st = L.read_stat(inspector)
        if st is None or st['state'] != 'T':
            raise L.Failure('^Z: daemonlab is not stopped: %s'
                            % L.describe(inspector))
        # What runs for the inspector goes on: the run's processes and
        # its watchdog (which must be able to sweep if it is killed).
        for pid in set(s.remaining()) - {inspector}:
            st = L.read_stat(pid)
            if st is not None and st['state'] == 'T':
                raise L.Failure('^Z stopped a process of the run: %s'
                                % L.describe(pid))
        s.send('-l', 'fg')
        s.send('Enter')
        wait_same_screen(s, before, 'fg in %s to draw the whole screen '
                         'again (as before ^Z)' % shell)
        expect_drawn(s, 'fg in %s' % shell)
        s.send('n')
        s.remember(L.wait_step(s, 2, 'umask').table())
        s.send('q')
        s.shell_wait_end()
        expect_given_back(s, 'q after fg')
        expect_status(s, 0, 'q after fg')
        s.wait_none_remaining(2.0)
        L.log('suspend in %s: stopped, given back, repainted on fg, '
              'steps on' % shell)

    # Killed while suspended: what it launched still ends.
    with L.Session('term-suspkill-' + shell, daemonlab, steps) as s:
        s.start_shell(shell)
        inspector = s.shell_run(['--', 'sleep', '1000'])
        s.wait(lambda sc: sc.tables() and any(
            r.values.get('COMMAND', '').startswith('sleep')
            for r in sc.table().rows), 'the sleep to be shown')
        s.remember(s.capture().table())
        s.send('C-z')
        s.wait(lambda sc: 'Stopped' in sc.text(), 'the job to stop')
        time.sleep(0.3)
        os.kill(inspector, signal.SIGKILL)
        try:
            s.wait_none_remaining(2.0)
        except L.Failure as e:
            raise L.Failure('SIGKILL of the suspended inspector (%s): %s'
                            % (shell, e))
        L.log('suspend in %s: SIGKILL while stopped left nothing' % shell)


def suspend(daemonlab, steps):
    for shell in ('bash', 'sh'):
        suspend_in(daemonlab, steps, shell)


def redraw(daemonlab, steps):
    with L.Session('term-redraw', daemonlab, steps) as s:
        inspector = s.start([])
        start_walk(s, inspector)
        before = settled(s)
        tty = s.display('#{pane_tty}')
        # Behind the inspector's back: clear the screen, scribble on it.
        junk = b'\x1b[2J' + b''.join(b'\x1b[%d;1H' % y + b'@' * 60
                                    for y in range(1, s.rows, 3))
        fd = os.open(tty, os.O_WRONLY | os.O_NOCTTY)
        try:
            os.write(fd, junk)
        finally:
            os.close(fd)
        s.wait(lambda sc: '@' * 60 in sc.text(), 'the scribbles')
        time.sleep(1.5)     # a redraw or two of the inspector's own
        if looks(s.capture()) == looks(before):
            raise L.Failure('the damage was repaired without ^L: the test '
                            'proves nothing')
        s.send('C-l')
        wait_same_screen(s, before, '^L to draw the whole screen again')
        s.quit()
        L.log('redraw: ^L repainted every cell')


def body(daemonlab, steps, modes):
    failures = []
    for mode in modes:
        try:
            globals()[mode](daemonlab, steps)
        except L.Failure as e:
            L.log('FAIL %s: %s' % (mode, e))
            failures.append(mode)
    if failures:
        raise L.Failure('failed: %s' % ', '.join(failures))


if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if a not in MODES]
    modes = [a for a in sys.argv[1:] if a in MODES]
    daemonlab, steps = L.paths_from_argv(args)
    L.run_test('terminal', lambda: body(daemonlab, steps, modes or MODES))
