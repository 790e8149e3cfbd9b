# SPDX-License-Identifier: MIT
"""benchlib - what the benchmarks share: the inspector on a pty of our
own (no tmux in between, for timing), a small terminal emulator that
keeps the screen the inspector draws (curses sends only what changed, so
the byte stream alone does not say what the screen shows), and the
e2e library (paths, tags, cleanup, /proc).

Python 3 standard library only."""

import codecs
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'e2e'))
sys.dont_write_bytecode = True

import e2elib as L   # noqa: E402

SKIP = L.SKIP


class Term:
    """Enough of an xterm for what ncurses sends with TERM=xterm: cursor
    motion, erasing, scrolling regions, insert/delete, repeat; SGR and
    modes are ignored (only the text matters here)."""

    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.grid = [[' '] * cols for _ in range(rows)]
        self.y = self.x = 0
        self.wrap_next = False
        self.top, self.bottom = 0, rows - 1
        self.saved = (0, 0)
        self.last = ' '
        self.decoder = codecs.getincrementaldecoder('utf-8')('replace')
        self.pending = ''

    def line(self, y):
        return ''.join(self.grid[y]).rstrip()

    def text(self):
        return '\n'.join(self.line(y) for y in range(self.rows))

    def _scroll_up(self, n=1):
        for _ in range(n):
            del self.grid[self.top]
            self.grid.insert(self.bottom, [' '] * self.cols)

    def _scroll_down(self, n=1):
        for _ in range(n):
            del self.grid[self.bottom]
            self.grid.insert(self.top, [' '] * self.cols)

    def _linefeed(self):
        if self.y == self.bottom:
            self._scroll_up()
        elif self.y < self.rows - 1:
            self.y += 1

    def _put(self, ch):
        w = 2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1
        if unicodedata.combining(ch):
            return
        if self.wrap_next:
            self.x = 0
            self._linefeed()
            self.wrap_next = False
        if self.x + w > self.cols:
            self.x = 0
            self._linefeed()
        self.grid[self.y][self.x] = ch
        if w == 2 and self.x + 1 < self.cols:
            self.grid[self.y][self.x + 1] = ''
        self.last = ch
        self.x += w
        if self.x >= self.cols:
            self.x = self.cols - 1
            self.wrap_next = True

    def _clamp(self):
        self.y = max(0, min(self.rows - 1, self.y))
        self.x = max(0, min(self.cols - 1, self.x))
        self.wrap_next = False

    def feed(self, data):
        s = self.pending + self.decoder.decode(data)
        self.pending = ''
        i, n = 0, len(s)
        while i < n:
            c = s[i]
            if c == '\x1b':
                j = self._escape(s, i)
                if j is None:          # incomplete: wait for more bytes
                    self.pending = s[i:]
                    return
                i = j
                continue
            if c == '\r':
                self.x = 0
                self.wrap_next = False
            elif c == '\n' or c == '\x0b' or c == '\x0c':
                self._linefeed()
                self.wrap_next = False
            elif c == '\b':
                self.x = max(0, self.x - 1)
                self.wrap_next = False
            elif c == '\t':
                self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
            elif c >= ' ' and c != '\x7f':
                self._put(c)
            i += 1

    def _escape(self, s, i):
        if i + 1 >= len(s):
            return None
        c = s[i + 1]
        if c == '[':
            j = i + 2
            while j < len(s) and not ('@' <= s[j] <= '~'):
                j += 1
            if j >= len(s):
                return None
            self._csi(s[i + 2:j], s[j])
            return j + 1
        if c == ']' or c == 'P' or c == '_' or c == '^':
            j = i + 2
            while j < len(s):
                if s[j] == '\x07':
                    return j + 1
                if s[j] == '\x1b' and j + 1 < len(s) and s[j + 1] == '\\':
                    return j + 2
                j += 1
            return None
        if c in '()*+#%':
            return i + 3 if i + 2 < len(s) else None
        if c == '7':
            self.saved = (self.y, self.x)
        elif c == '8':
            self.y, self.x = self.saved
            self._clamp()
        elif c == 'M':
            if self.y == self.top:
                self._scroll_down()
            else:
                self.y = max(0, self.y - 1)
        elif c == 'D':
            self._linefeed()
        elif c == 'E':
            self.x = 0
            self._linefeed()
        elif c == 'c':
            self.__init__(self.rows, self.cols)
        return i + 2

    def _csi(self, params, final):
        private = params[:1] in ('?', '>', '=', '!')
        body = params[1:] if private else params
        body = body.rstrip(' $"\'')
        nums = [int(p) if p.isdigit() else 0
                for p in body.replace(':', ';').split(';')] if body else []

        def arg(k, default=1):
            v = nums[k] if k < len(nums) else 0
            return v if v > 0 else default

        if private or final in 'mhlntpqc':
            return
        if final in 'Hf':
            self.y, self.x = arg(0) - 1, arg(1) - 1
            self._clamp()
        elif final == 'A':
            self.y -= arg(0)
            self._clamp()
        elif final == 'B':
            self.y += arg(0)
            self._clamp()
        elif final == 'C':
            self.x += arg(0)
            self._clamp()
        elif final == 'D':
            self.x -= arg(0)
            self._clamp()
        elif final == 'G' or final == '`':
            self.x = arg(0) - 1
            self._clamp()
        elif final == 'd':
            self.y = arg(0) - 1
            self._clamp()
        elif final == 'K':
            mode = nums[0] if nums else 0
            row = self.grid[self.y]
            a, b = {0: (self.x, self.cols), 1: (0, self.x + 1),
                    2: (0, self.cols)}.get(mode, (0, 0))
            for k in range(a, b):
                row[k] = ' '
        elif final == 'J':
            mode = nums[0] if nums else 0
            if mode == 0:
                self.grid[self.y][self.x:] = [' '] * (self.cols - self.x)
                for y in range(self.y + 1, self.rows):
                    self.grid[y] = [' '] * self.cols
            elif mode == 1:
                for y in range(0, self.y):
                    self.grid[y] = [' '] * self.cols
                for k in range(0, self.x + 1):
                    self.grid[self.y][k] = ' '
            else:
                self.grid = [[' '] * self.cols for _ in range(self.rows)]
        elif final == 'X':
            for k in range(self.x, min(self.cols, self.x + arg(0))):
                self.grid[self.y][k] = ' '
        elif final == 'b':
            for _ in range(arg(0)):
                self._put(self.last)
        elif final == '@':
            row = self.grid[self.y]
            n = arg(0)
            row[self.x:self.x] = [' '] * n
            del row[self.cols:]
        elif final == 'P':
            row = self.grid[self.y]
            n = arg(0)
            del row[self.x:self.x + n]
            row.extend([' '] * (self.cols - len(row)))
        elif final == 'L':
            if self.top <= self.y <= self.bottom:
                for _ in range(arg(0)):
                    del self.grid[self.bottom]
                    self.grid.insert(self.y, [' '] * self.cols)
        elif final == 'M':
            if self.top <= self.y <= self.bottom:
                for _ in range(arg(0)):
                    del self.grid[self.y]
                    self.grid.insert(self.bottom, [' '] * self.cols)
        elif final == 'r':
            self.top = arg(0) - 1
            self.bottom = (nums[1] if len(nums) > 1 and nums[1] > 0
                           else self.rows) - 1
            self.y, self.x = 0, 0
        elif final == 'S':
            self._scroll_up(arg(0))
        elif final == 'T':
            self._scroll_down(arg(0))
        elif final == 's':
            self.saved = (self.y, self.x)
        elif final == 'u':
            self.y, self.x = self.saved
            self._clamp()


class PtyInspector:
    """daemonlab ARGS on a pty of ours, COLSxROWS, TERM=xterm."""

    def __init__(self, daemonlab, steps_dir, args=(), rows=30, cols=100,
                 term='xterm', env=None):
        self.tag = 'bench-%d-%d' % (os.getpid(), time.time_ns() % 1000003)
        e = {k: v for k, v in os.environ.items()
             if k not in ('NO_COLOR', 'TMUX', 'TMUX_PANE')
             and not k.startswith('LC_')}
        loc = L.utf8_locale()
        e.update({'TERM': term, 'LANG': loc, 'LC_ALL': loc,
                  'DAEMONLAB_STEPS_DIR': steps_dir, L.TAG_VAR: self.tag})
        e.update(env or {})
        self.term = Term(rows, cols)
        self.raw = bytearray()
        argv = [daemonlab] + list(args)
        pid, fd = pty.fork()
        if pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ,
                            struct.pack('HHHH', rows, cols, 0, 0))
                os.execve(daemonlab, argv, e)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.start = None
        self.status = None

    def pump(self, timeout):
        """Reads what is there (waiting up to timeout s); False at EOF."""
        r, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not r:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return False
        if not data:
            return False
        self.raw += data
        self.term.feed(data)
        return True

    def wait_for(self, predicate, what, timeout=10.0):
        deadline = time.perf_counter() + timeout
        while not predicate(self.term):
            left = deadline - time.perf_counter()
            if left <= 0:
                raise L.Failure('timed out waiting for %s; the screen:\n%s'
                                % (what, self.term.text()))
            if not self.pump(min(left, 0.2)):
                raise L.Failure('daemonlab ended while waiting for %s; the '
                                'screen:\n%s' % (what, self.term.text()))
        return time.perf_counter()

    def drain(self, seconds):
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            if not self.pump(end - time.perf_counter()):
                return

    def send(self, data):
        os.write(self.fd, data)

    def title_has(self, text):
        return lambda t: text in t.line(0)

    def quit(self, timeout=5.0):
        """q, then reap it; returns its wait status."""
        try:
            self.send(b'q')
        except OSError:
            pass
        end = time.time() + timeout
        while time.time() < end:
            self.pump(0.05)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.status = status
                return status
        return None

    def close(self):
        """Kills whatever is left of the run, even after a failure."""
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                _, self.status = os.waitpid(self.pid, 0)
            except (OSError, ChildProcessError):
                pass
        deadline = time.time() + 5
        while time.time() < deadline:
            left = L.tagged_processes(self.tag)
            for p in left:
                try:
                    os.kill(p, signal.SIGKILL)
                except OSError:
                    pass
            L.reap_zombie_children()
            if not left and not [p for p in L.live_children(zombies=True)
                                 if L.has_tag(p, self.tag) or
                                 (L.read_stat(p) or {}).get('state') == 'Z']:
                break
            time.sleep(0.05)
        try:
            os.close(self.fd)
        except OSError:
            pass
        L.reap_zombie_children()


def cpu_ns(pid):
    """CPU time of pid in ns: /proc/PID/schedstat (exact) or stat ticks."""
    try:
        with open('/proc/%d/schedstat' % pid) as f:
            return int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        st = L.read_stat(pid)
        if st is None:
            return None
        return (st['utime'] + st['stime']) * 10**9 // os.sysconf('SC_CLK_TCK')


def cpu_ticks(pid):
    st = L.read_stat(pid)
    return None if st is None else st['utime'] + st['stime']


def start_sleepers(n, seconds=300):
    """n sleep processes of ours (tagged), for -p."""
    import subprocess
    tag = 'bench-sleep-%d-%d' % (os.getpid(), time.time_ns() % 1000003)
    env = dict(os.environ)
    env[L.TAG_VAR] = tag
    procs = [subprocess.Popen(['sleep', str(seconds)], env=env,
                              stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL)
             for _ in range(n)]
    return procs


def stop_sleepers(procs):
    for p in procs:
        try:
            p.kill()
        except OSError:
            pass
    for p in procs:
        try:
            p.wait(timeout=5)
        except Exception:
            pass


def main(name, body):
    """Runs a benchmark: 0 within its goal, 1 over it, 77 skipped."""
    L.become_subreaper()
    L.on_termination()
    try:
        ok = body()
    except (L.Failure, L.Terminated) as e:
        L.log('FAIL %s: %s' % (name, e))
        sys.exit(1)
    except SystemExit:
        raise
    except BaseException:
        import traceback
        traceback.print_exc()
        L.log('FAIL %s: unexpected error' % name)
        sys.exit(1)
    finally:
        L.reap_zombie_children()
    L.log('%s %s' % ('PASS' if ok else 'OVER GOAL', name))
    sys.exit(0 if ok else 1)


def start_population(n, seconds=600):
    """n processes of ours (sleep, tagged), for the survey's benchmarks:
    the machine made larger by n. Returns the Popen objects; stop them
    with stop_sleepers()."""
    procs = start_sleepers(n, seconds)
    # Every one is running its sleep (not still our forked copy) once
    # its comm says so: read what the survey would read.
    deadline = time.time() + 60
    for p in procs:
        while time.time() < deadline:
            st = L.read_stat(p.pid)
            if st is None or st['comm'] == b'sleep':
                break
            time.sleep(0.01)
    return procs


def rusage_of(argv, env, runs):
    """Runs argv runs times (stdout to /dev/null); returns the list of
    (CPU seconds from wait4(), peak RSS kB). The peak comes from GNU
    time (%M), which forks argv itself: the child of a Python fork
    would count this Python's memory as its own peak (ru_maxrss keeps
    the largest resident size, before the exec too). None when
    /usr/bin/time is missing."""
    import shutil
    import tempfile
    gnu_time = shutil.which('time', path='/usr/bin:/bin')
    out = []
    for _ in range(runs):
        with tempfile.NamedTemporaryFile('r') as rep:
            cmd = argv
            if gnu_time:
                cmd = [gnu_time, '-f', '%M', '-o', rep.name] + list(argv)
            pid = os.fork()
            if pid == 0:
                try:
                    fd = os.open(os.devnull, os.O_WRONLY)
                    os.dup2(fd, 1)
                    os.execve(cmd[0], cmd, env)
                finally:
                    os._exit(127)
            _, status, ru = os.wait4(pid, 0)
            if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
                raise L.Failure('%s: wait status %d' % (' '.join(argv),
                                                        status))
            peak = None
            if gnu_time:
                text = rep.read().split()
                peak = int(text[-1]) if text and text[-1].isdigit() else None
        out.append((ru.ru_utime + ru.ru_stime, peak))
    return out
