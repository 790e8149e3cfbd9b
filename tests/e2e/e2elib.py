# SPDX-License-Identifier: MIT
"""e2elib - what the end-to-end tests (and the benchmarks) share.

A test drives the real inspector in a real terminal: its own tmux server
(tmux -L NAME -f /dev/null), a 100x30 window, TERM set inside. It reads
the screen back with capture-pane -e, parses the SGR attributes of every
cell, finds the process table by its header line, and compares what it
shows with ps(1) and /proc, read independently here.

Every process the inspector launches carries a tag in its environment
(DAEMONLAB_E2E_TAG, passed down through the shell and every step); the
test process is a child subreaper, so whatever is orphaned comes back to
it. At the end the tmux server and every tagged process are killed and
reaped, whether the test passed or not.

Python 3 standard library only.
"""

import ctypes
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata

SKIP = 77          # meson: the test was skipped

COLUMNS = ['PPID', 'PID', 'PGID', 'SID', 'TTY', 'TPGID', 'STAT', 'UID',
           'UMASK', 'CWD', 'FDS', 'COMMAND']
RIGHT = {'PID', 'PGID', 'SID', 'TPGID', 'UID'}     # right-aligned numbers
# Shown at every width the inspector accepts; the others may give way.
ALWAYS = ['PPID', 'PID', 'PGID', 'SID', 'TTY', 'TPGID', 'STAT', 'COMMAND']
GUTTER = 3          # '>' selected, 'x' exited, a space
ELLIPSIS = '\u2026'  # the end of a value cut short (inspector/layout.c)
ELLIPSIS_ASCII = '...'   # the same where the screen is ASCII only


def chain_keys(daemonlab, name):
    """A chain's lesson key at each step, from the chain table itself
    (daemonlab --print-chain NAME): the step's name, but 'fork2' for a
    second step-fork; options ('--ready') are not steps."""
    out = subprocess.run([daemonlab, '--print-chain', name], check=True,
                         capture_output=True, text=True).stdout
    keys = []
    for word in shlex.split(out)[1:]:      # after PATH=...
        if word.startswith('step-'):
            key = word[len('step-'):]
            keys.append('fork2' if key == 'fork' and 'fork' in keys
                        else key)
    return keys


TAG_VAR = 'DAEMONLAB_E2E_TAG'

# Letters (Lo) that fonts draw blank: escape.c shows them as bytes.
HANGUL_FILLERS = '\u115f\u1160\u3164\uffa0'


class Failure(Exception):
    pass


def log(*args):
    print(*args, flush=True)


# ---------------------------------------------------------------- setup

def paths_from_argv(argv=None):
    """daemonlab and the steps folder: from the command line
    (DAEMONLAB STEPS_DIR), else from the environment (DAEMONLAB,
    DAEMONLAB_STEPS_DIR), else the build tree beside the sources."""
    argv = sys.argv[1:] if argv is None else argv
    here = os.path.dirname(os.path.abspath(__file__))
    build = os.path.join(here, '..', '..', 'build')
    daemonlab = argv[0] if len(argv) > 0 else os.environ.get(
        'DAEMONLAB', os.path.join(build, 'inspector', 'daemonlab'))
    steps = argv[1] if len(argv) > 1 else os.environ.get(
        'DAEMONLAB_STEPS_DIR', os.path.join(build, 'steps'))
    daemonlab = os.path.abspath(daemonlab)
    steps = os.path.abspath(steps)
    if not os.access(daemonlab, os.X_OK):
        raise SystemExit('e2e: no daemonlab at %s' % daemonlab)
    if not os.access(os.path.join(steps, 'step-start'), os.X_OK):
        raise SystemExit('e2e: no step programs in %s' % steps)
    return daemonlab, steps


def become_subreaper():
    """Orphans of whatever we start (the tmux server after it daemonizes,
    a chain whose inspector was killed) come to us, not to PID 1, which
    in some containers never reaps them."""
    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_CHILD_SUBREAPER = 36
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        log('e2e: note: cannot become a child subreaper (errno %d)'
            % ctypes.get_errno())


def reap_zombie_children():
    """Reaps our zombie children (adopted orphans). Only zombies, by PID,
    so the status of a subprocess we still run is never taken."""
    me = os.getpid()
    for pid in proc_pids():
        st = read_stat(pid)
        if st is not None and st['ppid'] == me and st['state'] == 'Z':
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass


def terminfo_for_tmux():
    """The best TERM for a program inside tmux that this system knows."""
    for term in ('tmux-256color', 'screen-256color', 'xterm-256color',
                 'screen', 'xterm'):
        if has_terminfo(term):
            return term
    return 'xterm'


def has_terminfo(term):
    dirs = [os.environ.get('TERMINFO', ''), os.path.expanduser('~/.terminfo'),
            '/etc/terminfo', '/lib/terminfo', '/usr/share/terminfo',
            '/usr/lib/terminfo', '/usr/share/lib/terminfo']
    for d in dirs:
        if d and (os.path.exists(os.path.join(d, term[0], term)) or
                  os.path.exists(os.path.join(d, '%02x' % ord(term[0]),
                                              term))):
            return True
    return False


def utf8_locale():
    """A UTF-8 locale for the inspector and tmux (C.UTF-8 on Debian)."""
    try:
        out = subprocess.run(['locale', '-a'], capture_output=True,
                             text=True, stdin=subprocess.DEVNULL).stdout
    except OSError:
        out = ''
    names = out.split()
    for want in ('C.UTF-8', 'C.utf8', 'en_US.UTF-8', 'en_US.utf8'):
        if want in names:
            return want
    for n in names:
        if 'utf' in n.lower():
            return n
    return 'C.UTF-8'


# ---------------------------------------------------------------- /proc

def proc_pids():
    out = []
    for name in os.listdir('/proc'):
        if name.isdigit():
            out.append(int(name))
    return out


def read_stat(pid):
    """The fields we need from /proc/PID/stat, or None when it is gone."""
    try:
        with open('/proc/%d/stat' % pid, 'rb') as f:
            data = f.read()
    except OSError:
        return None
    close = data.rfind(b')')
    if close < 0:
        return None
    fields = data[close + 2:].split()
    try:
        return {'state': fields[0].decode(), 'ppid': int(fields[1]),
                'pgid': int(fields[2]), 'sid': int(fields[3]),
                'tty_nr': int(fields[4]), 'tpgid': int(fields[5]),
                'utime': int(fields[11]), 'stime': int(fields[12]),
                'starttime': int(fields[19]),
                'comm': data[data.find(b'(') + 1:close]}
    except (IndexError, ValueError):
        return None


def read_status(pid):
    try:
        with open('/proc/%d/status' % pid) as f:
            return dict(line.rstrip('\n').split(':\t', 1)
                        for line in f if ':\t' in line)
    except OSError:
        return None


def has_tag(pid, tag):
    try:
        with open('/proc/%d/environ' % pid, 'rb') as f:
            env = f.read()
    except OSError:
        return False
    return (('%s=%s' % (TAG_VAR, tag)).encode() in env.split(b'\0'))


def tagged_processes(tag, include_zombies=False):
    """PIDs whose environment holds our tag (zombies have no environ)."""
    found = []
    for pid in proc_pids():
        if pid == os.getpid():
            continue
        if has_tag(pid, tag):
            st = read_stat(pid)
            if st is not None and (include_zombies or st['state'] != 'Z'):
                found.append(pid)
    return found


def alive(pid, starttime=None):
    """True while pid runs (a zombie does not count) and, when starttime
    is given, is still the same process."""
    st = read_stat(pid)
    if st is None or st['state'] in ('Z', 'X'):
        return False
    return starttime is None or st['starttime'] == starttime


def describe(pid):
    st = read_stat(pid)
    if st is None:
        return '%d (gone)' % pid
    return '%d %s state %s ppid %d' % (pid, escape(st['comm']), st['state'],
                                       st['ppid'])


def escape(raw):
    """daemonlab's escaping (inspector/escape.h), for bytes: printable
    characters as themselves, backslash doubled, \\a \\b \\t \\n \\v \\f
    \\r, every other byte as \\ooo."""
    if isinstance(raw, str):
        raw = raw.encode('utf-8', 'surrogateescape')
    named = {0x5c: '\\\\', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n',
             11: '\\v', 12: '\\f', 13: '\\r'}
    out = []
    i = 0
    while i < len(raw):
        b = raw[i]
        if b in named:
            out.append(named[b])
            i += 1
            continue
        if 0x20 <= b < 0x7f:
            out.append(chr(b))
            i += 1
            continue
        if b >= 0xc0:
            n = 2 if b < 0xe0 else 3 if b < 0xf0 else 4
            try:
                ch = raw[i:i + n].decode('utf-8')
            except UnicodeDecodeError:
                ch = None
            if (ch is not None and len(ch) == 1 and
                    not unicodedata.category(ch).startswith('C') and
                    ch not in HANGUL_FILLERS and
                    unicodedata.bidirectional(ch) not in
                    ('LRE', 'RLE', 'PDF', 'LRO', 'RLO', 'LRI', 'RLI',
                     'FSI', 'PDI')):
                out.append(ch)
                i += n
                continue
        out.append('\\%03o' % b)
        i += 1
    return ''.join(out)


def fd_short(target):
    """columns_fd_short(): what FDS shows for one descriptor target."""
    for kind in ('socket:', 'pipe:', 'anon_inode:'):
        if target.startswith(kind):
            return kind[:-1]
    if target.startswith('/dev/'):
        return escape(target[5:])
    slash = target.rfind('/')
    if slash >= 0 and slash + 1 < len(target):
        return escape(target[slash + 1:])
    return escape(target)


def expected_fds(pid):
    """The FDS column for pid, from /proc/PID/fd, or None."""
    try:
        names = os.listdir('/proc/%d/fd' % pid)
    except OSError:
        return None
    shown = ['-', '-', '-']
    others = 0
    for name in names:
        fd = int(name)
        try:
            target = os.readlink('/proc/%d/fd/%d' % (pid, fd))
        except OSError:
            continue
        if fd < 3:
            shown[fd] = fd_short(target)
        else:
            others += 1
    if not names:
        return 'none'
    if shown[0] == shown[1] == shown[2]:
        text = '0-2 ' + shown[0]
    else:
        text = ','.join(shown)
    if others:
        text += ' +%d' % others
    return text


def ps_table(pids):
    """ps -o ppid,pid,pgid,sid,tty,tpgid,stat,uid for pids: {pid: dict}."""
    if not pids:
        return {}
    out = subprocess.run(
        ['ps', '-o', 'ppid=,pid=,pgid=,sid=,tty=,tpgid=,stat=,uid=',
         '-p', ','.join(str(p) for p in pids)],
        capture_output=True, text=True, stdin=subprocess.DEVNULL).stdout
    table = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) != 8:
            continue
        table[int(f[1])] = dict(zip(
            ['PPID', 'PID', 'PGID', 'SID', 'TTY', 'TPGID', 'STAT', 'UID'], f))
    return table


# ---------------------------------------------------------------- screen

class Cell:
    __slots__ = ('ch', 'bold', 'dim', 'rev', 'ul', 'fg', 'bg')

    def __init__(self, ch, a):
        self.ch = ch
        self.bold, self.dim, self.rev, self.ul, self.fg, self.bg = a

    def highlighted_colour(self):
        """The highlight in colour: black on yellow, bold."""
        return self.bold and self.fg == 0 and self.bg == 3

    def highlighted_mono(self):
        """The highlight without colour (NO_COLOR): reverse and bold."""
        return self.rev and self.bold


def _sgr(params, a):
    bold, dim, rev, ul, fg, bg = a
    nums = []
    for p in params.split(';') if params else ['0']:
        p = p.split(':')[0]
        nums.append(int(p) if p.isdigit() else 0)
    i = 0
    while i < len(nums):
        n = nums[i]
        if n == 0:
            bold = dim = rev = ul = False
            fg = bg = None
        elif n == 1:
            bold = True
        elif n == 2:
            dim = True
        elif n == 4:
            ul = True
        elif n == 7:
            rev = True
        elif n == 22:
            bold = dim = False
        elif n == 24:
            ul = False
        elif n == 27:
            rev = False
        elif 30 <= n <= 37:
            fg = n - 30
        elif 40 <= n <= 47:
            bg = n - 40
        elif 90 <= n <= 97:
            fg = n - 90 + 8
        elif 100 <= n <= 107:
            bg = n - 100 + 8
        elif n == 39:
            fg = None
        elif n == 49:
            bg = None
        elif n in (38, 48) and i + 1 < len(nums):
            if nums[i + 1] == 5 and i + 2 < len(nums):
                v = nums[i + 2]
                i += 2
            elif nums[i + 1] == 2 and i + 4 < len(nums):
                v = tuple(nums[i + 2:i + 5])
                i += 4
            else:
                v = None
            if n == 38:
                fg = v
            else:
                bg = v
        i += 1
    return (bold, dim, rev, ul, fg, bg)


def parse_capture(data):
    """capture-pane -p -e output -> list of lines, each a list of Cells
    (one per screen column; a wide character is followed by a filler
    cell with ch ''). tmux carries attributes from line to line."""
    a = (False, False, False, False, None, None)
    lines = [[]]
    i = 0
    n = len(data)
    while i < n:
        c = data[i]
        if c == '\x1b':
            if i + 1 < n and data[i + 1] == '[':
                m = re.match(r'\x1b\[([0-9;:?]*)([ -/]*)([@-~])', data[i:])
                if m:
                    if m.group(3) == 'm' and not m.group(1).startswith('?'):
                        a = _sgr(m.group(1), a)
                    i += m.end()
                    continue
            elif i + 1 < n and data[i + 1] == ']':
                end = i + 2
                while end < n and data[end] != '\x07' and \
                        data[end:end + 2] != '\x1b\\':
                    end += 1
                i = end + (1 if end < n and data[end] == '\x07' else 2)
                continue
            elif i + 1 < n and data[i + 1] in '()':
                i += 3
                continue
            i += 2
            continue
        if c == '\n':
            lines.append([])
        elif c in '\x0e\x0f':       # SO/SI around line-drawing characters
            pass
        elif c >= ' ':
            lines[-1].append(Cell(c, a))
            if unicodedata.east_asian_width(c) in ('W', 'F'):
                lines[-1].append(Cell('', a))
        i += 1
    if lines and not lines[-1]:
        lines.pop()
    return lines


class Screen:
    def __init__(self, raw):
        self.raw = raw
        self.cells = parse_capture(raw)
        self.lines = [''.join(c.ch if c.ch else '' for c in row)
                      for row in self.cells]
        # column-exact text: fillers as spaces are not wanted, keep the
        # index of each cell instead
        self.col_text = [''.join(c.ch if c.ch else '\0' for c in row)
                         for row in self.cells]

    def text(self):
        return '\n'.join(self.lines)

    def line(self, y):
        return self.lines[y] if y < len(self.lines) else ''

    def span(self, y, start, end):
        row = self.cells[y] if y < len(self.cells) else []
        return row[start:end]

    def tables(self):
        """Every process table on the screen."""
        out = []
        for y, text in enumerate(self.col_text):
            if text.startswith(' ' * GUTTER + 'PPID ') and \
                    'COMMAND' in text:
                out.append(Table(self, y))
        return out

    def table(self):
        t = self.tables()
        if len(t) != 1:
            raise Failure('expected one process table on screen, found %d:'
                          '\n%s' % (len(t), self.text()))
        return t[0]


class Row:
    """One table row: values (text), spans (start, end) per column."""

    def __init__(self, screen, y):
        self.screen = screen
        self.y = y
        self.values = {}
        self.spans = {}
        self.selected = False
        self.exited = False
        self.zombie = False

    def value(self, col):
        return self.values[col]

    def pid(self):
        return int(self.values['PID'])

    def ppid(self):
        return int(re.match(r'\d+', self.values['PPID']).group())

    def cells(self, col):
        if col not in self.spans:
            return []           # the column gave way at this width
        s, e = self.spans[col]
        return self.screen.span(self.y, s, e)

    def is_highlighted(self, col, mono=False):
        cells = [c for c in self.cells(col) if c.ch not in ('', ' ')]
        if not cells:
            return False
        test = Cell.highlighted_mono if mono else Cell.highlighted_colour
        return all(test(c) for c in cells)

    def has_any_mark(self, col):
        cells = [c for c in self.cells(col) if c.ch not in ('', ' ')]
        return any(c.rev or c.highlighted_colour() or
                   (c.bg is not None) for c in cells)

    def __repr__(self):
        return 'row(%s)' % ' | '.join('%s=%s' % (c, self.values.get(c))
                                     for c in COLUMNS)


class Table:
    """A table as drawn: the header names the columns shown at this width
    (those of ALWAYS, in order, and some of the others); a row is the
    gutter ('>' selected, 'x' exited, a space) and one cell per column.
    Numbers are right-aligned under their header's end, the rest left-
    aligned under its start; a cut value ends in ELLIPSIS."""

    def __init__(self, screen, y):
        self.screen = screen
        self.y = y
        header = screen.col_text[y]
        toks = [(m.group(), m.start(), m.end())
                for m in re.finditer(r'\S+', header)]
        names = [t[0] for t in toks]
        if [n for n in COLUMNS if n in names] != names or \
                any(n not in names for n in ALWAYS):
            raise Failure('unexpected table header: %r' % header)
        self.names = names
        self.start = {t[0]: t[1] for t in toks}
        self.end = {t[0]: t[2] for t in toks}
        self.rows = []
        self.more = None        # the "+N more processes" line, if any
        yy = y + 1
        while yy < len(screen.col_text):
            text = screen.col_text[yy]
            if not (len(text) > GUTTER and text[0] in ' >' and
                    text[1] in ' x' and text[2] == ' ' and
                    text[GUTTER].isdigit()):
                break
            self.rows.append(self._row(yy, text))
            yy += 1
        m = re.match(r' {%d}\+(\d+) ' % GUTTER, screen.line(yy))
        if m:
            self.more = int(m.group(1))

    def _row(self, y, text):
        s, e = self.start, self.end
        r = Row(self.screen, y)
        r.selected = text[0] == '>'
        r.exited = text[1] == 'x'     # the gutter marks an exited row
        names = self.names
        begin = GUTTER                # where the next cell may start
        i = 0
        while i < len(names):
            col = names[i]
            if col == 'COMMAND':
                cmd = text[s[col]:].rstrip().replace('\0', '')
                if cmd.endswith(' (exited)'):
                    r.exited = True
                    cmd = cmd[:-len(' (exited)')]
                elif cmd.endswith(' (zombie)') or cmd.endswith(' (僵尸)'):
                    r.zombie = True
                    cmd = cmd[:cmd.rindex(' (')]
                r.values[col] = cmd
                r.spans[col] = (s[col], s[col] + len(cmd))
                i += 1
                continue
            if col in RIGHT:
                v = text[begin:e[col]].strip()
                r.values[col], r.spans[col] = v, (e[col] - len(v), e[col])
                begin = e[col] + 1
                i += 1
                continue
            nxt = names[i + 1]
            if nxt in RIGHT:
                # A left-aligned value (PPID may hold spaces), then a
                # number that ends under its header.
                seg = text[s[col]:e[nxt]].rstrip()
                head, _, num = seg.rpartition(' ')
                head = head.rstrip()
                r.values[col] = head
                r.spans[col] = (s[col], s[col] + len(head))
                r.values[nxt] = num
                r.spans[nxt] = (e[nxt] - len(num), e[nxt])
                begin = e[nxt] + 1
                i += 2
                continue
            v = text[s[col]:s[nxt] - 1].rstrip()
            r.values[col], r.spans[col] = v, (s[col], s[col] + len(v))
            begin = s[nxt]
            i += 1
        # A capture can catch curses halfway through a frame whose
        # column widths changed: such a row does not parse; look again.
        v = r.values
        if not (re.fullmatch(r'\d+', v['PID']) and
                re.fullmatch(r'\d+', v['PGID']) and
                re.fullmatch(r'\d+', v['SID']) and
                re.fullmatch(r'-?\d+', v['TPGID']) and
                re.fullmatch(r'\d+|-', v.get('UID', '-')) and
                re.match(r'\d+( |%s|\.\.\.|$)' % ELLIPSIS, v['PPID'])):
            raise Failure('a table row does not parse (a frame caught '
                          'half drawn?): %r' % text)
        # An exited row is dim throughout; its " (exited)" may be cut
        # off at the right edge when COMMAND has little room.
        inked = [c for c in self.screen.cells[y][GUTTER:]
                 if c.ch not in ('', ' ')]
        if inked and all(c.dim for c in inked):
            r.exited = True
        self.cwd_width = self._left_width('CWD')
        self.fds_width = self._left_width('FDS')
        return r

    def _left_width(self, col):
        """Room of a left-aligned column followed by another left-aligned
        one (CWD, FDS), or 0 when it is not shown."""
        if col not in self.names:
            return 0
        nxt = self.names[self.names.index(col) + 1]
        return self.start[nxt] - 1 - self.start[col]

    def live(self):
        return [r for r in self.rows if not r.exited]

    def focus(self):
        """The row of the chain process the story is at: the live row
        whose COMMAND is a step program. Not a zombie: the session
        leader that the second fork leaves is kept one until the next
        step, and it runs nothing."""
        rows = [r for r in self.live()
                if r.values['COMMAND'].startswith('step-') and not r.zombie]
        return rows


def cut_equal(shown, actual, width=None):
    """The screen may cut a long value to its column's width: then it
    ends in the ellipsis, after a start of the value."""
    if shown == actual:
        return True
    for dots in (ELLIPSIS, ELLIPSIS_ASCII):
        if shown.endswith(dots) and \
                actual.startswith(shown[:-len(dots)]) and \
                (width is None or display_width(shown) <= width):
            return True
    return False


def display_width(text):
    """Columns text takes on a terminal (wide characters count 2)."""
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in ('W', 'F') else 1
               for c in text)


def compare_row(row, table, inspector_pid=None):
    """Problems (a list of strings) between a table row and ps + /proc."""
    problems = []
    pid = row.pid()
    ps = ps_table([pid]).get(pid)
    if ps is None:
        return ['PID %d: on screen as live, but ps does not know it' % pid]
    for col in ['PID', 'PGID', 'SID', 'TTY', 'TPGID', 'STAT', 'UID']:
        if col not in row.values:
            continue            # given way at this width
        if row.values[col] != ps[col]:
            problems.append('PID %d: %s is %r on screen, ps says %r'
                            % (pid, col, row.values[col], ps[col]))
    if str(row.ppid()) != ps['PPID']:
        problems.append('PID %d: PPID is %r on screen, ps says %s'
                        % (pid, row.values['PPID'], ps['PPID']))
    ppid_cut = row.values['PPID'].endswith((ELLIPSIS, ELLIPSIS_ASCII))
    if ps['PPID'] == '1' and not cut_equal(row.values['PPID'], '1 init'):
        problems.append('PID %d: PPID 1 shown as %r, not "1 init"'
                        % (pid, row.values['PPID']))
    if inspector_pid is not None and row.ppid() == inspector_pid and \
            not ppid_cut and '(subreaper)' not in row.values['PPID']:
        problems.append('PID %d: adopted by the inspector, but PPID %r '
                        'does not say "(subreaper)"'
                        % (pid, row.values['PPID']))
    status = read_status(pid)
    if status is None:
        return problems + ['PID %d: /proc/%d/status is gone' % (pid, pid)]
    umask = status.get('Umask', '-')
    if 'UMASK' in row.values and row.values['UMASK'] != umask:
        problems.append('PID %d: UMASK is %r on screen, /proc says %r'
                        % (pid, row.values['UMASK'], umask))
    try:
        cwd = escape(os.readlink('/proc/%d/cwd' % pid).encode(
            'utf-8', 'surrogateescape'))
    except OSError:
        cwd = '-'
    if 'CWD' in row.values and not cut_equal(row.values['CWD'], cwd,
                                             table.cwd_width):
        problems.append('PID %d: CWD is %r on screen, /proc says %r'
                        % (pid, row.values['CWD'], cwd))
    fds = expected_fds(pid)
    if fds is not None and 'FDS' in row.values and \
            not cut_equal(row.values['FDS'], fds, table.fds_width):
        problems.append('PID %d: FDS is %r on screen, /proc says %r'
                        % (pid, row.values['FDS'], fds))
    st = read_stat(pid)
    if st is not None:
        comm = escape(st['comm'])
        if not cut_equal(row.values['COMMAND'], comm):
            problems.append('PID %d: COMMAND is %r on screen, /proc says %r'
                            % (pid, row.values['COMMAND'], comm))
    return problems


# ---------------------------------------------------------------- tmux

def tmux_program():
    return os.environ.get('TMUX_PROGRAM') or shutil.which('tmux')


class Session:
    """One tmux server of our own with one window running a command.

    with Session('walk', daemonlab, steps) as s:
        s.start([...])
        ...
    Leaving the block kills the server and every tagged process."""

    counter = 0

    def __init__(self, name, daemonlab, steps_dir, cols=100, rows=30,
                 cwd_len=None):
        Session.counter += 1
        self.tmux = tmux_program()
        if self.tmux is None:
            raise SystemExit(SKIP)
        self.sock = 'dlab-e2e-%s-%d-%d' % (name, os.getpid(), Session.counter)
        self.tag = '%s-%d-%d-%d' % (name, os.getpid(), Session.counter,
                                    time.time_ns() % 1000000007)
        self.daemonlab = daemonlab
        self.steps_dir = steps_dir
        self.cols, self.rows = cols, rows
        self.dir = tempfile.mkdtemp(prefix='dlab-e2e-')
        # Where the inspector starts (and the chain until chdir): with
        # cwd_len, a folder whose path is that many characters long.
        self.cwd = self.dir
        if cwd_len is not None:
            self.cwd = os.path.join(self.dir, 'w' * (cwd_len - 1 -
                                                     len(self.dir)))
            os.mkdir(self.cwd)
        self.locale = utf8_locale()
        self.term = terminfo_for_tmux()
        self.pane_pid = self.server_pid = self.socket_path = None
        self.inspector = None       # daemonlab's PID, after shell_run()
        self.pane_start = self.server_start = None
        self.seen = {}              # pid -> starttime, every row we saw
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ('TMUX', 'TMUX_PANE', 'NO_COLOR')
                    and not k.startswith('LC_')}
        self.env['LANG'] = self.locale
        self.env['LC_ALL'] = self.locale

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.cleanup()
        return False

    # -- tmux commands
    def cmd(self, *args, check=True):
        p = subprocess.run([self.tmux, '-u', '-L', self.sock, '-f',
                            '/dev/null'] + list(args),
                           capture_output=True, stdin=subprocess.DEVNULL,
                           env=self.env, cwd=self.dir)
        if check and p.returncode != 0:
            raise Failure('tmux %s: %s' % (' '.join(args),
                                           p.stderr.decode(errors='replace')))
        return p.stdout.decode('utf-8', errors='replace')

    def _script(self, args, env=None, no_color=False, unset=()):
        """run.sh: runs daemonlab ARGS. The command goes through a small
        script, so any bytes in it (a hostile name) reach the inspector
        as they are. env adds or replaces variables (LANG and LC_ALL are
        the session's UTF-8 locale unless replaced); unset names
        variables daemonlab must not get at all."""
        extra = {
            'TERM': self.term,
            'LANG': self.locale,
            'LC_ALL': self.locale,
            'DAEMONLAB_STEPS_DIR': self.steps_dir,
            TAG_VAR: self.tag,
            # the inspector's private folder (socket, forgotten file) goes
            # into ours, so even a SIGKILLed inspector leaves no litter
            'TMPDIR': self.dir,
        }
        if no_color:
            extra['NO_COLOR'] = '1'
        extra.update(env or {})
        for name in unset:
            extra.pop(name, None)
        script = os.path.join(self.dir, 'run.sh')
        with open(script, 'wb') as f:
            f.write(b'#!/bin/sh\nexec env -u NO_COLOR ' +
                    b''.join(b'-u ' + shlex.quote(n).encode() + b' '
                             for n in unset) +
                    b' '.join(shlex.quote('%s=%s' % kv).encode(
                        'utf-8', 'surrogateescape') for kv in extra.items()) +
                    b' ' + b' '.join(
                        shlex.quote(a).encode('utf-8', 'surrogateescape')
                        if isinstance(a, str) else
                        shlex.quote(a.decode('utf-8', 'surrogateescape'))
                        .encode('utf-8', 'surrogateescape')
                        for a in [self.daemonlab] + list(args)) + b'\n')
        return script

    def _new_session(self, command):
        # Options first, so the window is the whole COLSxROWS from the
        # start (no status line) and a dead pane stays for inspection.
        self.cmd('start-server',
                 ';', 'set-option', '-g', 'status', 'off',
                 ';', 'set-option', '-g', 'remain-on-exit', 'on',
                 ';', 'set-option', '-g', 'exit-empty', 'off',
                 ';', 'new-session', '-d', '-s', 'e2e', '-x', str(self.cols),
                 '-y', str(self.rows), '-c', self.cwd, command)
        self.pane_pid = int(self.display('#{pane_pid}'))
        self.server_pid = int(self.display('#{pid}'))
        self.socket_path = self.display('#{socket_path}')
        self.pane_start = (read_stat(self.pane_pid) or {}).get('starttime')
        self.server_start = (read_stat(self.server_pid) or {}).get(
            'starttime')

    def start(self, args, env=None, no_color=False, unset=()):
        """Runs daemonlab ARGS as the window's only process (see
        _script() for env and unset)."""
        script = self._script(args, env, no_color, unset)
        self._new_session('exec /bin/sh %s' % shlex.quote(script))
        log('tmux -L %s: server PID %d, daemonlab PID %d' % (
            self.sock, self.server_pid, self.pane_pid))
        # the shell script execs env, which execs daemonlab: same PID
        deadline = time.time() + 5
        while time.time() < deadline:
            st = read_stat(self.pane_pid)
            if st is not None and st['comm'] == b'daemonlab':
                break
            time.sleep(0.02)
        return self.pane_pid

    SHELL_PROMPT = 'e2e$ '

    def start_shell(self, shell):
        """An interactive shell with job control in the window (no rc
        files, prompt SHELL_PROMPT); run daemonlab in it with
        shell_run(). Its PID is self.pane_pid."""
        path = shutil.which(shell)
        if path is None:
            raise Failure('no %s to run daemonlab in' % shell)
        argv = [path, '-i']
        if os.path.basename(path) == 'bash':
            argv = [path, '--norc', '--noprofile', '-i']
        self._new_session('exec env -u ENV PS1=%s TERM=%s %s' % (
            shlex.quote(self.SHELL_PROMPT), shlex.quote(self.term),
            ' '.join(shlex.quote(a) for a in argv)))
        self.wait(lambda sc: sc.text().rstrip().endswith(
            self.SHELL_PROMPT.rstrip()), 'the prompt of %s' % shell)
        log('tmux -L %s: server PID %d, %s PID %d' % (
            self.sock, self.server_pid, shell, self.pane_pid))

    def shell_run(self, args, env=None, no_color=False):
        """Types the command that runs daemonlab ARGS into the shell of
        start_shell(); returns daemonlab's PID (the shell's child), or
        None when it has already ended."""
        script = self._script(args, env, no_color)
        prompt = self.SHELL_PROMPT.rstrip()
        prompts = self.capture().text().count(prompt)
        self.send('-l', 'sh %s' % shlex.quote(script))
        self.send('Enter')
        deadline = time.time() + 5
        while time.time() < deadline:
            for pid in proc_pids():
                st = read_stat(pid)
                if st is not None and st['ppid'] == self.pane_pid and \
                        st['comm'] == b'daemonlab':
                    log('daemonlab PID %d' % pid)
                    self.inspector = pid
                    return pid
            # ended already: a new prompt (on a line of its own, or not:
            # a terminal left in a bad state draws a staircase)
            text = self.capture().text()
            if text.count(prompt) > prompts and \
                    text.rstrip().endswith(prompt):
                self.inspector = None
                return None
            time.sleep(0.02)
        raise Failure('daemonlab did not start in the shell; the screen:\n'
                      + self.capture().text())

    def shell_wait_end(self, timeout=5.0):
        """Waits for daemonlab of shell_run() to end."""
        deadline = time.time() + timeout
        while self.inspector is not None and alive(self.inspector):
            if time.time() > deadline:
                raise Failure('daemonlab still runs after %.0f s; the '
                              'screen:\n%s' % (timeout,
                                               self.capture().text()))
            time.sleep(0.02)

    def shell_status(self, timeout=5.0):
        """The exit status the shell saw, once daemonlab of shell_run()
        has ended: asked with "echo rc=$?" at the next prompt (a list
        typed at once would go on at ^Z, or be abandoned at SIGINT)."""
        self.shell_wait_end(timeout)
        prompt = self.SHELL_PROMPT.rstrip()
        self.wait(lambda sc: sc.text().rstrip().endswith(prompt),
                  'the prompt after daemonlab')
        asked = self.capture().text().count('\nrc=')
        self.send('-l', 'echo "r""c=$?"')
        self.send('Enter')
        screen = self.wait(lambda sc: sc.text().count('\nrc=') > asked,
                           'the shell to print rc=N')
        return int(re.findall(r'\nrc=(\d+)', screen.text())[-1])

    def display(self, fmt):
        return self.cmd('display-message', '-p', '-t', 'e2e', fmt).strip()

    def pane_dead(self):
        try:
            return self.display('#{pane_dead}') == '1'
        except Failure:
            return True

    def dead_status(self):
        try:
            return self.display('#{pane_dead_status}')
        except Failure:
            return ''

    def send(self, *keys):
        self.cmd('send-keys', '-t', 'e2e', *keys)

    def resize(self, cols, rows):
        self.cmd('resize-window', '-t', 'e2e', '-x', str(cols), '-y',
                 str(rows))

    def capture(self):
        return Screen(self.cmd('capture-pane', '-p', '-e', '-t', 'e2e'))

    def wait(self, predicate, what, timeout=10.0, interval=0.05):
        """Captures until predicate(screen) is true; returns the screen."""
        deadline = time.time() + timeout
        screen = None
        while True:
            screen = self.capture()
            try:
                if predicate(screen):
                    return screen
            except Failure:
                pass
            if time.time() > deadline:
                raise Failure('timed out after %.0f s waiting for %s; the '
                              'screen:\n%s' % (timeout, what, screen.text()))
            if self.pane_pid and self.pane_dead():
                raise Failure('daemonlab ended (status %s) while waiting for '
                              '%s; the screen:\n%s'
                              % (self.dead_status(), what,
                                 self.capture().text()))
            time.sleep(interval)

    def remember(self, table):
        """Every PID the table shows, with its start time, for the end."""
        for r in table.rows:
            pid = r.pid()
            if pid not in self.seen:
                st = read_stat(pid)
                self.seen[pid] = st['starttime'] if st else None

    def remaining(self):
        """Processes of the run still running: PIDs we saw in the table
        (same start time) and tagged ones."""
        left = set()
        for pid, start in self.seen.items():
            if start is not None and alive(pid, start):
                left.add(pid)
        left.update(tagged_processes(self.tag))
        left.discard(os.getpid())
        return sorted(left)

    def quit(self, timeout=3.0):
        """Presses q and waits for daemonlab to exit; then nothing it
        launched may remain."""
        self.send('q')
        deadline = time.time() + timeout
        while not self.pane_dead():
            if time.time() > deadline:
                raise Failure('daemonlab did not exit on q; the screen:\n'
                              + self.capture().text())
            time.sleep(0.02)
        self.wait_none_remaining(2.0)

    def wait_none_remaining(self, timeout):
        deadline = time.time() + timeout
        while True:
            reap_zombie_children()
            left = self.remaining()
            if not left:
                return
            if time.time() > deadline:
                raise Failure('still running %.1f s later: %s' % (
                    timeout, '; '.join(describe(p) for p in left)))
            time.sleep(0.05)

    def cleanup(self):
        """Kills the server and everything tagged, even after a failure,
        and reaps what comes back to us: nothing may be left for init."""
        try:
            subprocess.run([self.tmux, '-L', self.sock, '-f', '/dev/null',
                            'kill-server'], capture_output=True,
                           stdin=subprocess.DEVNULL, env=self.env,
                           timeout=10)
        except (OSError, subprocess.SubprocessError):
            pass
        deadline = time.time() + 5
        while True:
            targets = set(tagged_processes(self.tag))
            for pid, start in self.seen.items():
                if start is not None and alive(pid, start):
                    targets.add(pid)
            for pid, start in ((self.server_pid, self.server_start),
                               (self.pane_pid, self.pane_start)):
                if pid and start is not None and alive(pid, start):
                    targets.add(pid)
            targets.update(live_children())
            targets.discard(os.getpid())
            for pid in targets:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            reap_zombie_children()
            if not targets and not live_children(zombies=True):
                break
            if time.time() > deadline:
                log('e2e: cleanup: still there: %s' % '; '.join(
                    describe(p) for p in sorted(targets)))
                break
            time.sleep(0.05)
        # tmux leaves its socket behind when the server is killed
        if self.socket_path and os.path.basename(self.socket_path) == \
                self.sock:
            try:
                os.unlink(self.socket_path)
            except OSError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)


def live_children(zombies=False):
    """Our children (we run no subprocess while this is called): after a
    test, only orphans that came to us, and the tmux server."""
    me = os.getpid()
    out = []
    for pid in proc_pids():
        st = read_stat(pid)
        if st is not None and st['ppid'] == me and \
                (zombies or st['state'] != 'Z'):
            out.append(pid)
    return out


# ---------------------------------------------------------------- steps

# The title bar's "step K/N: KEY", in English or Chinese.
TITLE_STEP = r'(?:step|步骤) (\d+)/(\d+)(?:(?:: |：)(\S+))?'


def title_step(screen):
    """(K, key) from the title bar "step K/N: KEY", or (0, '')."""
    m = re.search(TITLE_STEP, screen.line(0))
    if not m:
        return 0, ''
    return int(m.group(1)), m.group(3) or ''


def wait_step(session, k, key, total=9, timeout=10.0):
    want = 'step %d/%d: %s ' % (k, total, key)

    def there(s):
        m = re.search(TITLE_STEP + ' ', s.line(0))
        return m is not None and (int(m.group(1)), int(m.group(2)),
                                  m.group(3)) == (k, total, key)
    return session.wait(lambda s: there(s) and s.tables() and
                        len(s.table().rows) > 0,
                        'the title to show "%s"' % want.strip(),
                        timeout=timeout)


class Terminated(BaseException):
    """SIGTERM or SIGHUP: not a test failure to be collected, the end."""


def _terminated(sig, frame):
    raise Terminated('ended by signal %d (a meson timeout?)' % sig)


def on_termination():
    """SIGTERM (meson's timeout) and SIGHUP raise, so that the cleanup in
    finally blocks still kills the tmux server and the launched chain."""
    signal.signal(signal.SIGTERM, _terminated)
    signal.signal(signal.SIGHUP, _terminated)


def run_test(name, body):
    """Runs body() as the test: prints PASS/FAIL, exits 0/1 (77: skip)."""
    become_subreaper()
    on_termination()
    try:
        body()
    except (Failure, Terminated) as e:
        log('FAIL %s: %s' % (name, e))
        sys.exit(1)
    except SystemExit:
        raise
    except BaseException:
        import traceback
        traceback.print_exc()
        log('FAIL %s: unexpected error' % name)
        sys.exit(1)
    finally:
        reap_zombie_children()
    log('PASS %s' % name)
    sys.exit(0)
