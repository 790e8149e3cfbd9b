#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""diagram: the sessions diagram (key d, --diagram) against /proc.

walk CHAIN [ascii|zh|no-color]: daemonlab --diagram --chain CHAIN at
80x24 (with --ascii: every character on the screen ASCII; zh: --lang
zh-CN, the same boxes with Chinese labels; no-color: NO_COLOR=1, the
highlights reverse and bold), n through every step. At
each step the diagram is read back from the screen: a box per session,
inside it a box per group, inside those the processes; the terminal
beside its session and the group its arrow points at. It must agree
with /proc, read here: every live process of the run is drawn once, in
the box of its own session and group; every process drawn as live runs,
every one drawn as exited (x) does not; a session whose processes have
a controlling terminal shows that terminal (its name as ps -o tty
prints it) with the arrow on the group /proc gives as TPGID; a session
without one shows none and no arrow. What the steps change is
highlighted: the forked child, the arrow when it moves back to the
shell's group, the process in its new session at setsid, the arrow that
appears when the BSD daemon opens a terminal. d shows the table, d again
the diagram. Nothing runs past column 80, and q leaves nothing.

compare [ascii]: --compare --diagram at 80x24: both halves draw their
chain's diagram, each agreeing with /proc, through every step; each
run's processes in its own half only; d shows both tables.

once: a shell on a pty of its own (forkpty) with a background job and a
foreground job; daemonlab --diagram --once -p SHELL,BG,FG prints the
diagram, in UTF-8 and with --ascii, and it agrees with /proc in the same
way.

usage: test_diagram.py DAEMONLAB STEPS_DIR MODE [CHAIN [ascii|zh|no-color]]"""

import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L

COLS, ROWS = 80, 24

# The line drawing, both ways (inspector/diagram-layout.c).
CORNER = '\u250c+'          # a box's top left corner
SIDE = '\u2502|'
ARROW = '\u25c4<'
LEGEND = re.compile(r'^[\u25c4<] ')
ZOMBIE_WORDS = r'zombie|僵尸'    # T_DG_ZOMBIE, en and zh-CN


class Drawn:
    """One process as drawn."""

    def __init__(self, pid, name, mark, sid, pgid, y):
        self.pid, self.name, self.mark = pid, name, mark
        self.sid, self.pgid, self.y = sid, pgid, y

    def __repr__(self):
        return '%s%d %s in session %d group %d' % (
            self.mark.strip(), self.pid, self.name, self.sid, self.pgid)


class Diagram:
    """The diagram read back from lines of text (column-exact): sessions
    {sid: {'tty': name or None, 'tpgid': N, 'arrow': pgid or None,
    'y': line}}, groups {(sid, pgid): line}, procs [Drawn]."""

    def __init__(self, lines, end=None):
        self.lines = lines[:end]
        self.sessions, self.groups, self.procs = {}, {}, []
        self.legend = None
        sid = pgid = None
        for y, text in enumerate(lines):
            if LEGEND.match(text):
                self.legend = y
                break
            if text.startswith('\u2500\u2500 ') or text.startswith('-- '):
                break           # a rule: the next pane
            if len(text) > 2 and text[0] in CORNER and text[1] == ' ':
                sid = int(re.search(r'(\d+)', text).group(1))
                self.sessions[sid] = self._terminal(y, text)
                pgid = None
                continue
            if sid is None or len(text) < 6:
                continue
            if text[2] in CORNER and text[3] == ' ':
                pgid = int(re.search(r'(\d+)', text[3:]).group(1))
                if (sid, pgid) in self.groups:
                    raise L.Failure('group %d drawn twice in session %d'
                                    % (pgid, sid))
                self.groups[(sid, pgid)] = y
                m = re.search('[\u2510+]([%s])' % ARROW, text[4:])
                if m:
                    if self.sessions[sid]['arrow'] is not None:
                        raise L.Failure('two arrows in session %d' % sid)
                    self.sessions[sid]['arrow'] = pgid
                    self.sessions[sid]['arrow_y'] = y
                continue
            if text[0] in SIDE and text[2] in SIDE and pgid is not None:
                m = re.match(r'([ x*]) +(\d+) (\S+)', text[4:])
                if m:
                    self.procs.append(Drawn(int(m.group(2)), m.group(3),
                                            m.group(1), sid, pgid, y))

    def _terminal(self, y, text):
        """The terminal's box beside the session at line y: its name on
        this line, "TPGID N" on the next."""
        t = {'tty': None, 'tpgid': None, 'arrow': None, 'arrow_y': None,
             'y': y}
        m = re.search(r'[%s] (\S+) [\u2500-]+[\u2510+]\s*$' % CORNER,
                      text[COLS - 17:])
        if m:
            t['tty'] = m.group(1)
            n = re.search(r'TPGID (-?\d+)', self.lines[y + 1][COLS - 17:])
            t['tpgid'] = int(n.group(1)) if n else None
        return t

    def drawn(self, pid):
        return [p for p in self.procs if p.pid == pid]


def run_processes(s):
    """The run's processes in /proc now: those carrying our tag (the
    launcher's shell and the chain), not daemonlab nor its watchdog."""
    out = {}
    for pid in L.tagged_processes(s.tag):
        st = L.read_stat(pid)
        if st is None or st['comm'].startswith(b'daemonlab'):
            continue
        out[pid] = st
    return out


def tty_name(pid):
    return L.ps_table([pid]).get(pid, {}).get('TTY')


def diagram_problems(d, live, legend=True):
    """Where the diagram and /proc disagree: live is {pid: stat}."""
    problems = []
    if legend and d.legend is None:
        problems.append('no legend line: the diagram is not on screen')
    for pid, st in live.items():
        drawn = [p for p in d.drawn(pid) if p.mark != 'x']
        if len(drawn) != 1:
            problems.append('PID %d (session %d, group %d) is drawn %d '
                            'times as live' % (pid, st['sid'], st['pgid'],
                                               len(drawn)))
            continue
        p = drawn[0]
        if (p.sid, p.pgid) != (st['sid'], st['pgid']):
            problems.append('PID %d is drawn in session %d, group %d; '
                            '/proc says session %d, group %d'
                            % (pid, p.sid, p.pgid, st['sid'], st['pgid']))
        if not L.escape(st['comm']).startswith(p.name):
            problems.append('PID %d is drawn as %r, /proc says %r'
                            % (pid, p.name, L.escape(st['comm'])))
    for p in d.procs:
        st = L.read_stat(p.pid)
        running = st is not None and st['state'] not in ('Z', 'X')
        if p.mark == 'x' and running:
            problems.append('PID %d is drawn as exited, but runs' % p.pid)
        if p.mark != 'x' and p.pid not in live and running:
            problems.append('PID %d is drawn but is not of the run' % p.pid)
        if p.mark != 'x' and st is None:
            problems.append('PID %d is drawn as live, but is gone' % p.pid)
    # Each session's terminal and the group its arrow points at.
    for sid, t in d.sessions.items():
        members = [pid for pid, st in live.items() if st['sid'] == sid
                   and st['state'] != 'Z']
        if not members:
            continue
        st = live[members[0]]
        if st['tty_nr'] == 0:
            if t['tty'] is not None or t['arrow'] is not None:
                problems.append('session %d has no controlling terminal, '
                                'but the diagram draws %s' % (sid, t))
            continue
        want = tty_name(members[0])
        if t['tty'] != want:
            problems.append('session %d: terminal drawn as %r, ps says %r'
                            % (sid, t['tty'], want))
        if t['tpgid'] != st['tpgid']:
            problems.append('session %d: TPGID drawn as %r, /proc says %d'
                            % (sid, t['tpgid'], st['tpgid']))
        fg_drawn = (sid, st['tpgid']) in d.groups
        if fg_drawn and t['arrow'] != st['tpgid']:
            problems.append('session %d: the arrow points at group %r, '
                            '/proc says TPGID %d' % (sid, t['arrow'],
                                                     st['tpgid']))
    return problems


def screen_problems(screen, ascii):
    problems = []
    if len(screen.lines) > ROWS:
        problems.append('%d lines captured, the pane has %d'
                        % (len(screen.lines), ROWS))
    for y, line in enumerate(screen.col_text):
        if L.display_width(line.replace('\0', '')) > COLS:
            problems.append('line %d is wider than %d' % (y, COLS))
        if ascii and any(ord(c) > 0x7e for c in line.replace('\0', '')):
            problems.append('line %d is not ASCII: %r' % (y, line))
    if screen.tables():
        problems.append('a table is on screen, not the diagram')
    return problems


MONO = False        # NO_COLOR: highlights are reverse and bold


def lit(cell):
    return cell.highlighted_mono() if MONO else cell.highlighted_colour()


def highlighted(screen, y, x0, x1):
    cells = [c for c in screen.cells[y][x0:x1] if c.ch not in ('', ' ')]
    return bool(cells) and all(lit(c) for c in cells)


def pid_cells(screen, p):
    """The columns of p's PID (the diagram starts at screen line 1)."""
    text = screen.col_text[p.y + 1]
    x = text.index(str(p.pid), 4)
    return x, x + len(str(p.pid))


def look(s, what, ascii, extra=None, tries=40):
    """Looks until the diagram agrees with /proc (a capture and /proc are
    read at slightly different times); fails with the last problems."""
    for attempt in range(tries):
        screen = s.capture()
        live = run_processes(s)
        try:
            d = Diagram(screen.col_text[1:])
            problems = screen_problems(screen, ascii)
            problems += diagram_problems(d, live)
            if not problems and extra is not None:
                problems += extra(screen, d, live)
        except L.Failure as e:
            problems = [str(e)]
        for pid in live:
            st = L.read_stat(pid)
            s.seen.setdefault(pid, st['starttime'] if st else None)
        if not problems:
            L.log('%s: ok (%s)' % (what, '; '.join(map(str, d.procs))))
            return screen, d
        time.sleep(0.25)
    raise L.Failure('%s:\n  %s\nthe screen:\n%s' % (
        what, '\n  '.join(problems), screen.text()))


# What each step changes, and how the diagram must show it.
def expect_fork(screen, d, live):
    """The forked child is new (highlighted) in the old group, not its
    leader; the arrow is back on the shell's group, highlighted."""
    problems = []
    focus = [p for p in d.procs if p.mark == '*']
    if len(focus) != 1:
        return ['expected one process marked * (new), found %r' % focus]
    p = focus[0]
    if p.pid == p.pgid:
        problems.append('the forked child %d leads its group' % p.pid)
    x0, x1 = pid_cells(screen, p)
    if not highlighted(screen, p.y + 1, x0, x1):
        problems.append('the forked child %d is not highlighted' % p.pid)
    if not any(q.mark == 'x' and q.pid == p.pgid for q in d.procs):
        problems.append('the parent (group leader %d) is not drawn as '
                        'exited in its group' % p.pgid)
    shell = d.sessions.get(p.sid, {})
    if shell.get('arrow') != p.sid:
        problems.append("the terminal's arrow is not on the shell's group "
                        "%d yet: %r" % (p.sid, shell))
    elif not arrow_highlighted(screen, shell):
        problems.append('the arrow moved but is not highlighted')
    return problems


def arrow_highlighted(screen, t):
    y = t['arrow_y'] + 1
    text = screen.col_text[y]
    x = max(text.find('\u25c4'), text.find('<', 4))
    return x > 0 and lit(screen.cells[y][x])


def expect_setsid(screen, d, live):
    """The process is in a new session box of its own, highlighted, and
    that session has no terminal."""
    focus = [p for p in d.procs if p.mark == '*']
    if len(focus) != 1:
        return ['expected one process marked * (moved), found %r' % focus]
    p = focus[0]
    problems = []
    if not (p.pid == p.sid == p.pgid):
        problems.append('after setsid %d is not its session and group '
                        'leader: %r' % (p.pid, p))
    if len(d.sessions) < 2:
        problems.append('no new session box')
    if d.sessions.get(p.sid, {}).get('tty') is not None:
        problems.append('the new session %d has a terminal' % p.sid)
    x0, x1 = pid_cells(screen, p)
    if not highlighted(screen, p.y + 1, x0, x1):
        problems.append('the process in its new session is not '
                        'highlighted')
    y = d.sessions[p.sid]['y'] + 1
    title = screen.col_text[y]
    x = title.index(str(p.sid))
    if not highlighted(screen, y, x, x + len(str(p.sid))):
        problems.append('the new session box is not highlighted')
    return problems


def expect_fork2(screen, d, live):
    """The second child, highlighted, in the session the first child
    leads; not its leader, so it can never acquire a terminal."""
    focus = [p for p in d.procs if p.mark == '*']
    if len(focus) != 1 or focus[0].pid == focus[0].sid:
        return ['expected the second child, not a session leader, marked '
                '*: %r' % focus]
    p = focus[0]
    x0, x1 = pid_cells(screen, p)
    if not highlighted(screen, p.y + 1, x0, x1):
        return ['the second child %d is not highlighted' % p.pid]
    # The leader it leaves: a zombie (the inspector keeps the orphan it
    # adopted until the next step), so drawn as one while /proc says Z;
    # exited once gone.
    leader = [q for q in d.procs if q.pid == p.sid]
    st = L.read_stat(p.sid)
    if not leader:
        return ['the session leader %d is not drawn beside it' % p.sid]
    q = leader[0]
    if st is not None and st['state'] == 'Z':
        if q.mark == 'x' or not re.search(
                ZOMBIE_WORDS, d.lines[q.y].replace('\0', '')):
            return ['the session leader %d is a zombie in /proc, but is '
                    'not drawn as one: %r' % (p.sid, d.lines[q.y])]
    elif q.mark != 'x':
        return ['the session leader %d has exited, but is not drawn as '
                'exited beside it' % p.sid]
    return []


def expect_opentty(bsd):
    def check(screen, d, live):
        shell = [p.sid for p in d.procs if p.pid == p.sid and
                 not p.name.startswith('step-')]
        daemon = [p for p in d.procs if p.mark != 'x' and
                  p.name.startswith('step-') and p.sid not in shell]
        if len(daemon) != 1:
            return ['expected one daemon outside the shell session: %r'
                    % daemon]
        p = daemon[0]
        t = d.sessions[p.sid]
        if not bsd:
            if t['tty'] is not None:
                return ['the System V daemon acquired %r' % t['tty']]
            return []
        if t['arrow'] != p.pgid:
            return ['the BSD daemon session %d has no arrow to its group: '
                    '%r' % (p.sid, t)]
        if not arrow_highlighted(screen, t):
            return ['the arrow that appeared is not highlighted']
        return []
    return check


def walk(s, chain, ascii, zh, mono=False):
    args = ['--diagram', '--chain', chain] + (['--ascii'] if ascii else
                                              []) + \
        (['--lang', 'zh-CN'] if zh else [])
    s.start(args, no_color=mono)
    keys = L.chain_keys(s.daemonlab, chain)
    total = len(keys)
    seen_setsid = False
    for k, key in enumerate(keys, 1):
        if k > 1:
            s.send('n')
        want = (k, total)
        s.wait(lambda sc: L.title_step(sc)[0] == k and
               re.search(L.TITLE_STEP, sc.line(0)).group(2) == str(total),
               'the title to say step %d/%d' % want)
        extra = None
        if chain == 'mistake' and key == 'setsid':
            s.wait(lambda sc: 'EPERM' in sc.text(), 'the EPERM of setsid()')
            extra = expect_mistake
        elif key == 'fork':
            extra = expect_fork
        elif key == 'setsid':
            extra = expect_setsid
            seen_setsid = True
        elif key == 'fork2':
            extra = expect_fork2
        elif key == 'opentty':
            extra = expect_opentty(chain == 'bsd')
        screen, d = look(s, '%s step %d/%d %s' % (chain, k, total, key),
                         ascii, extra)
        if k == 1:
            labels = ('会话 ', '进程组 ', '会话首进程') if zh else \
                ('session ', 'group ', 'session+group leader')
            for word in labels:
                if word not in screen.text():
                    raise L.Failure('the diagram does not say %r:\n%s'
                                    % (word, screen.text()))
            toggle(s, ascii)
    if chain != 'mistake' and not seen_setsid:
        raise L.Failure('the chain had no setsid step')
    s.quit()


def expect_mistake(screen, d, live):
    """setsid() failed in a group leader: the failed step is drawn as
    exited in the job's group, in the shell's session; no new session."""
    gone = [p for p in d.procs if p.mark == 'x']
    if len(gone) != 1 or gone[0].pid != gone[0].pgid:
        return ['expected the failed group leader drawn as exited: %r'
                % d.procs]
    if len(d.sessions) != 1:
        return ['a failed setsid() made no session, but %d are drawn'
                % len(d.sessions)]
    return []


def toggle(s, ascii):
    s.send('d')
    screen = s.wait(lambda sc: len(sc.tables()) == 1, 'd to show the table')
    if Diagram(screen.col_text[1:]).legend is not None:
        raise L.Failure('d showed the table, but the diagram is still '
                        'there:\n' + screen.text())
    s.send('d')
    s.wait(lambda sc: not sc.tables() and
           Diagram(sc.col_text[1:]).legend is not None,
           'd again to show the diagram')
    L.log('d: table, d: diagram again')


# ---------------------------------------------------------------- compare

def progress(screen):
    """(System V step, BSD step) from the two halves' rule lines, and the
    lines those rules are on."""
    sv = bsd = 0
    ys = {}
    for y, line in enumerate(screen.lines):
        m = re.search(r'step (\d+)/(\d+)', line)
        if m and 'System V' in line and m.group(2) == '9':
            sv, ys['sv'] = int(m.group(1)), y
        elif m and 'BSD' in line and m.group(2) == '8':
            bsd, ys['bsd'] = int(m.group(1)), y
    return (sv, bsd), ys


def compare_look(s, want, ascii, tries=40):
    """Both halves' diagrams agree with /proc; each run's processes are
    drawn in one half only."""
    for attempt in range(tries):
        screen = s.capture()
        live = run_processes(s)
        where, ys = progress(screen)
        problems = screen_problems(screen, ascii)
        if where != want or len(ys) != 2:
            problems.append('the halves are at %r, not %r' % (where, want))
        else:
            halves = [Diagram(screen.col_text[ys[k] + 1:])
                      for k in ('sv', 'bsd')]
            for pid, st in live.items():
                n = sum(st['sid'] in h.sessions for h in halves)
                if n != 1:
                    problems.append('PID %d (session %d) is in %d halves'
                                    % (pid, st['sid'], n))
            for name, h in zip(('System V', 'BSD'), halves):
                mine = {p: st for p, st in live.items()
                        if st['sid'] in h.sessions}
                problems += ['%s: %s' % (name, p) for p in
                             diagram_problems(h, mine, legend=False)]
                if not h.procs:
                    problems.append('%s: no diagram' % name)
        for pid in live:
            st = L.read_stat(pid)
            s.seen.setdefault(pid, st['starttime'] if st else None)
        if not problems:
            L.log('compare %r: ok' % (want,))
            return screen
        time.sleep(0.25)
    raise L.Failure('compare %r:\n  %s\nthe screen:\n%s' % (
        want, '\n  '.join(problems), screen.text()))


def compare(s, ascii):
    s.start(['--compare', '--diagram'] + (['--ascii'] if ascii else []))
    want = (1, 1)
    compare_look(s, want, ascii)
    for press in range(8):
        s.send('n')
        sv = min(want[0] + 1, 9)
        # the BSD chain waits while System V makes its second fork
        want = (sv, min(want[1] + (0 if sv == 5 else 1), 8))
        compare_look(s, want, ascii)
    s.send('d')
    s.wait(lambda sc: len(sc.tables()) == 2, 'd to show both tables')
    s.quit()


# ---------------------------------------------------------------- once

def once(daemonlab, steps):
    """A job-control shell on a pty of its own, with a job in the
    background and one in the foreground."""
    if shutil.which('bash') is None:
        L.log('SKIP diagram-once: no bash to run jobs with job control')
        sys.exit(L.SKIP)
    tag = 'diagram-once-%d' % os.getpid()
    env = dict(os.environ, PS1='$ ', **{L.TAG_VAR: tag})
    env.pop('ENV', None)
    pid, master = pty.fork()
    if pid == 0:
        try:
            os.execvpe('bash', ['bash', '--norc', '--noprofile', '-i'], env)
        finally:
            os._exit(127)
    fds = []
    try:
        os.write(master, b'sleep 300 &\n')
        wait_for(master, lambda: job_pgids(pid, 1), 'the background job')
        os.write(master, b'sleep 301\n')
        groups = wait_for(master, lambda: fg_job(pid), 'the foreground job')
        fg = L.read_stat(pid)['tpgid']
        bg = [g for g in groups if g != fg][0]
        fds = [(p, os.pidfd_open(p)) for p in (pid, bg, fg)]
        for ascii in (False, True):
            args = [daemonlab, '--diagram', '--once', '-p',
                    '%d,%d,%d' % (pid, bg, fg)] + (['--ascii'] if ascii
                                                   else [])
            out = subprocess.run(args, capture_output=True, text=True,
                                 stdin=subprocess.DEVNULL,
                                 env=dict(os.environ,
                                          LANG=L.utf8_locale(),
                                          LC_ALL=L.utf8_locale()))
            if out.returncode != 0:
                raise L.Failure('%s: exit %d: %s' % (' '.join(args),
                                                     out.returncode,
                                                     out.stderr))
            lines = out.stdout.splitlines()
            d = Diagram(lines)
            live = {p: L.read_stat(p) for p in (pid, bg, fg)}
            problems = diagram_problems(d, live)
            if d.sessions.get(pid, {}).get('arrow') != fg:
                problems.append('the arrow is not on the foreground job %d'
                                % fg)
            for y, line in enumerate(lines):
                if L.display_width(line) > COLS:
                    problems.append('line %d is wider than %d' % (y, COLS))
                if ascii and any(ord(c) > 0x7e for c in line):
                    problems.append('line %d is not ASCII' % y)
            if len(d.groups) != 3 or len(d.sessions) != 1:
                problems.append('expected one session of three groups')
            if problems:
                raise L.Failure('--diagram --once%s:\n  %s\nprinted:\n%s' % (
                    ' --ascii' if ascii else '', '\n  '.join(problems),
                    out.stdout))
            L.log('--diagram --once%s: ok\n%s' % (
                ' --ascii' if ascii else '', out.stdout))
    finally:
        for p, fd in fds:
            try:
                signal.pidfd_send_signal(fd, signal.SIGKILL)
            except OSError:
                pass
            os.close(fd)
        try:
            os.kill(pid, signal.SIGKILL)    # our child: not reaped yet
        except OSError:
            pass
        os.waitpid(pid, 0)
        os.close(master)
        deadline = time.time() + 5
        while L.tagged_processes(tag) and time.time() < deadline:
            for p in L.tagged_processes(tag):
                fd = os.pidfd_open(p)
                if L.has_tag(p, tag):
                    signal.pidfd_send_signal(fd, signal.SIGKILL)
                os.close(fd)
            L.reap_zombie_children()
            time.sleep(0.05)
        L.reap_zombie_children()
        left = L.tagged_processes(tag)
        if left:
            raise L.Failure('left running: %r' % left)


def job_pgids(shell, n):
    """The process groups of the shell's sleep jobs, once there are n."""
    kids = []
    for p in L.proc_pids():
        st = L.read_stat(p)
        if st and st['ppid'] == shell and st['comm'] == b'sleep':
            kids.append(st['pgid'])
    return sorted(kids) if len(kids) == n and all(
        k != L.read_stat(shell)['pgid'] for k in kids) else None


def fg_job(shell):
    """Both jobs, once the second is the terminal's foreground group."""
    groups = job_pgids(shell, 2) or []
    return groups if L.read_stat(shell)['tpgid'] in groups else None


def wait_for(master, fn, what, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if select.select([master], [], [], 0.05)[0]:
            try:
                os.read(master, 4096)
            except OSError:
                pass
        v = fn()
        if v:
            return v
    raise L.Failure('timed out waiting for %s' % what)


def main():
    daemonlab, steps = L.paths_from_argv(sys.argv[1:3])
    mode = sys.argv[3]
    if mode == 'once':
        L.run_test('diagram-once', lambda: once(daemonlab, steps))
    if mode == 'compare':
        ascii = 'ascii' in sys.argv[4:]

        def both():
            with L.Session('diagram-compare', daemonlab, steps, cols=COLS,
                           rows=ROWS) as s:
                compare(s, ascii)
        L.run_test('diagram-compare%s' % ('-ascii' if ascii else ''), both)
    chain = sys.argv[4]
    ascii = 'ascii' in sys.argv[5:]
    zh = 'zh' in sys.argv[5:]
    global MONO
    MONO = 'no-color' in sys.argv[5:]

    def body():
        with L.Session('diagram-' + chain, daemonlab, steps, cols=COLS,
                       rows=ROWS) as s:
            walk(s, chain, ascii, zh, MONO)
    L.run_test('diagram-%s%s%s%s' % (chain, '-ascii' if ascii else '',
                                     '-zh' if zh else '',
                                     '-no-color' if MONO else ''), body)


if __name__ == '__main__':
    main()
