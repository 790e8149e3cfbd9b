#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""narrow: every mode at 80x24, the documented minimum, started from a
working directory of 60 characters. On every screen: nothing runs past
the last column into the next line (each line starts where the layout
puts something, the terminal pane's border stands), every table row
parses, shows PPID PID PGID SID TTY TPGID STAT and COMMAND, and equals
ps and /proc; in --compare the process each step is about shows in both
halves. The modes without steps (-p, -- CMD) say so in their own words.

usage: test_narrow.py DAEMONLAB STEPS_DIR MODE
MODE: sysv, bsd, mistake, compare, attach (-p), command (-- CMD), many
(-- CMD with more processes than rows)"""

import os
import re
import subprocess
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L

COLS, ROWS, CWD_LEN = 80, 24, 60

LEGEND_STEPS = 'highlighted: changed by the last step'
LEGEND_WATCH = 'highlighted: just changed'


def layout_problems(screen):
    """Lines that something else ran into. Every line but the title and
    the status bar starts with a space, a table row's '>', or a rule's
    line; a table row's gutter is '>'/' ', 'x'/' ', ' '."""
    problems = []
    if len(screen.lines) > ROWS:
        problems.append('%d lines captured, the pane has %d'
                        % (len(screen.lines), ROWS))
    rows = {r.y for t in screen.tables() for r in t.rows}
    for y, line in enumerate(screen.col_text):
        width = L.display_width(line.replace('\0', ''))
        if width > COLS:
            problems.append('line %d is %d columns wide' % (y, width))
        if y == 0 or not line:
            continue
        if y == len(screen.lines) - 1 and screen.cells[y][0].rev:
            continue            # the status bar
        c = line[0]
        if y in rows:
            if line[:L.GUTTER].strip(' >x') or line[2] != ' ':
                problems.append('line %d: row gutter %r' % (y, line[:3]))
        elif c not in ' \u2500q':
            problems.append('line %d starts with %r: text ran in from the '
                            'line above: %r' % (y, c, line))
    # The terminal pane's left border, under the Lesson/Terminal rule.
    for y, line in enumerate(screen.lines):
        if 'Lesson' in line and 'Terminal' in line:
            x = screen.col_text[y].index('Terminal') - 3
            for yy in range(y + 1, len(screen.lines) - 1):
                if screen.col_text[yy][x:x + 1] not in ('\u2502', 'x'):
                    problems.append('line %d: the terminal pane border at '
                                    'column %d is %r' % (
                                        yy, x, screen.col_text[yy][x:x + 1]))
            break
    return problems


def table_problems(s, screen, want_tables=1, focus=True):
    problems = []
    tables = screen.tables()
    if len(tables) != want_tables:
        return ['%d tables on screen, expected %d' % (len(tables),
                                                      want_tables)]
    for t in tables:
        s.remember(t)
        if not t.rows:
            problems.append('a table without rows')
        for row in t.live():
            if row.zombie:
                continue
            for col in L.ALWAYS:
                if not row.values.get(col):
                    problems.append('PID %s: %s is empty'
                                    % (row.values['PID'], col))
            problems += L.compare_row(row, t, s.pane_pid)
        if focus and len(t.focus()) != 1:
            problems.append('the step process is not among the rows shown '
                            '(%d live step rows)' % len(t.focus()))
    return problems


def check(s, what, want_tables=1, focus=True, extra=None, tries=10):
    """Looks until the screen is right (values move between a capture
    and ps); fails with the problems of the last look."""
    for attempt in range(tries):
        screen = s.capture()
        try:
            problems = layout_problems(screen)
            problems += table_problems(s, screen, want_tables, focus)
            if extra is not None:
                problems += extra(screen)
        except L.Failure as e:
            problems = [str(e)]
        if not problems:
            L.log('%s: ok' % what)
            return screen
        time.sleep(0.3)
    raise L.Failure('%s:\n  %s\nthe screen:\n%s' % (
        what, '\n  '.join(problems), screen.text()))


def flat(screen):
    return re.sub(r'\s+', ' ', screen.text())


def walk(s, keys, total, legend=LEGEND_STEPS):
    def words(screen):
        if legend not in screen.text():
            return ['the legend does not say %r' % legend]
        return []
    for k, key in enumerate(keys, 1):
        if k > 1:
            s.send('n')
        L.wait_step(s, k, key, total=total)
        screen = check(s, 'step %d/%d %s' % (k, total, key), extra=words)
    return screen


def mode_sysv(s):
    # An empty NO_COLOR keeps colour (no-color.org).
    s.start([], env={'NO_COLOR': ''})
    walk(s, L.chain_keys(s.daemonlab, 'sysv')[:2], 9)
    row = s.capture().table().focus()[0]
    if not row.is_highlighted('UMASK'):
        raise L.Failure('with NO_COLOR= (empty) the changed UMASK is not '
                        'black on yellow: %r' % row)
    s.send('n')
    walk_from(s, L.chain_keys(s.daemonlab, 'sysv'), 9, 3)


def walk_from(s, keys, total, first):
    for k in range(first, len(keys) + 1):
        if k > first:
            s.send('n')
        L.wait_step(s, k, keys[k - 1], total=total)
        check(s, 'step %d/%d %s' % (k, total, keys[k - 1]))


def mode_bsd(s):
    s.start(['--chain', 'bsd'])
    walk(s, L.chain_keys(s.daemonlab, 'bsd'), 8)


def mode_mistake(s):
    s.start(['--chain', 'mistake'])
    L.wait_step(s, 1, 'start', total=2)
    check(s, 'step 1/2 start')
    s.send('n')
    s.wait(lambda sc: 'step 2/2' in sc.line(0) and 'EPERM' in flat(sc),
           'the EPERM of setsid()')
    # The failed step has exited: no live step row.
    check(s, 'step 2/2 the mistake', focus=False)


def progress(screen):
    sv = bsd = 0
    for line in screen.lines:
        m = re.search(r'step (\d+)/(\d+)', line)
        if m and 'System V' in line and m.group(2) == '9':
            sv = int(m.group(1))
        elif m and 'BSD' in line and m.group(2) == '8':
            bsd = int(m.group(1))
    return sv, bsd


def mode_compare(s):
    s.start(['--compare'])
    s.wait(lambda sc: progress(sc) == (1, 1), 'both chains at step 1')
    check(s, 'compare 1/1', want_tables=2)
    want = (1, 1)
    for press in range(8):
        s.send('n')
        sv = min(want[0] + 1, 9)
        # the BSD chain waits while System V makes its second fork
        bsd = want[1] + (0 if sv == 5 else 1)
        want = (sv, min(bsd, 8))
        s.wait(lambda sc: progress(sc) == want,
               'System V at step %d and BSD at %d' % want)
        check(s, 'compare %d/%d' % want, want_tables=2)
    if want != (9, 8):
        raise L.Failure('compare ended at %r' % (want,))


def mode_attach(s):
    # Our own processes, in the 60-character folder: a shell and a child.
    p = subprocess.Popen(['sh', '-c', 'sleep 300 & exec sleep 301'],
                         cwd=s.cwd, stdin=subprocess.DEVNULL,
                         env=dict(os.environ, **{L.TAG_VAR: s.tag}))
    try:
        s.start(['-p', str(p.pid)])

        def words(screen):
            text = flat(screen)
            problems = []
            if LEGEND_WATCH not in text:
                problems.append('the -p legend does not say %r'
                                % LEGEND_WATCH)
            if 'last step' in text:
                problems.append('-p speaks of a step')
            if len(screen.table().rows) < 2:
                problems.append('the child is not in the table')
            return problems
        check(s, '-p', focus=False, extra=words)
    finally:
        p.kill()
        p.wait()
        for pid in L.tagged_processes(s.tag):
            st = L.read_stat(pid)
            if st is not None and st['comm'] == b'sleep':
                os.kill(pid, 9)
        time.sleep(0.1)
        L.reap_zombie_children()


# A line longer than the 159 bytes the terminal pane once kept.
LONG_LINE = ''.join('%03d:' % i for i in range(0, 300, 5)) + 'END'


def terminal_pane(screen):
    """The text of the terminal pane, its lines joined."""
    for y, line in enumerate(screen.lines):
        if 'Lesson' in line and 'Terminal' in line:
            x = screen.col_text[y].index('Terminal') - 3
            return ''.join(screen.col_text[yy][x + 1:].rstrip()
                           for yy in range(y + 1, len(screen.lines)))
    return ''


def mode_command(s):
    s.start(['--', 'sh', '-c', 'echo "$0"; sleep 1; exec sleep 300',
             LONG_LINE])
    s.wait(lambda sc: LONG_LINE in terminal_pane(sc),
           'the %d-character line whole in the terminal pane, wrapped'
           % len(LONG_LINE))

    def words(screen):
        text = flat(screen)
        problems = []
        if LEGEND_WATCH not in text:
            problems.append('the legend does not say %r' % LEGEND_WATCH)
        if 'reports no steps' not in text:
            problems.append('the lesson pane does not say that the '
                            'command reports no steps')
        if re.search(r'[Pp]ress n', text) or 'first step' in text:
            problems.append('a command without steps is told to press n '
                            'or wait for a first step')
        if 'daemonlab \u2192 shell' in text:
            problems.append("the launcher's shell renaming itself is "
                            "reported as a change")
        return problems
    s.wait(lambda sc: sc.tables() and any(
        r.values['COMMAND'] == 'sh' for r in sc.table().rows),
        'sh in the table')
    check(s, '-- CMD: sh', focus=False, extra=words)
    s.wait(lambda sc: any(r.values['COMMAND'] == 'sleep' and
                          r.values['PGID'] == r.values['PID']
                          for r in sc.table().live()),
           'the job exec\'d sleep')
    check(s, '-- CMD: exec sleep', focus=False, extra=words)


def mode_many(s):
    """More processes than rows: the table says how many more, and
    Up and Down scroll to each of them."""
    s.start(['--', 'sh', '-c', 'for i in 1 2 3 4 5 6 7 8 9 10 11 12; do '
             'sleep 300 & done; exec sleep 301'])

    def sleepers(screen):
        return [r for r in screen.table().live()
                if r.values['COMMAND'] == 'sleep']
    screen = s.wait(lambda sc: sc.table().more and
                    len(sc.table().rows) + sc.table().more == 14,
                    'the table to say "+N more processes" for the 14 '
                    'processes')
    check(s, 'many: +%d more' % screen.table().more, focus=False)
    # The selection starts at the focus, which may be any row (the last
    # one that changed): Up to the top first, then Down to the end.
    seen = set()
    for key in ['Up'] * 16 + ['Down'] * 16:
        screen = s.capture()
        t = screen.table()
        seen.update(r.pid() for r in t.rows)
        s.send(key)
        time.sleep(0.15)
    want = {p for p in L.tagged_processes(s.tag)
            if (L.read_stat(p) or {}).get('comm') in (b'sleep', b'shell')}
    if not want <= seen:
        raise L.Failure('Down never showed %s; the screen:\n%s'
                        % (sorted(want - seen), screen.text()))
    check(s, 'many: scrolled to the last', focus=False)
    if not s.capture().table().rows[-1].selected:
        raise L.Failure('the selected row is not the last shown:\n'
                        + s.capture().text())


MODES = {'sysv': mode_sysv, 'bsd': mode_bsd, 'mistake': mode_mistake,
         'compare': mode_compare, 'attach': mode_attach,
         'command': mode_command, 'many': mode_many}


def main():
    if len(sys.argv) < 4 or sys.argv[3] not in MODES:
        raise SystemExit(__doc__)
    mode = sys.argv[3]
    daemonlab, steps = L.paths_from_argv(sys.argv[1:3])

    def body():
        with L.Session('narrow-' + mode, daemonlab, steps, cols=COLS,
                       rows=ROWS, cwd_len=CWD_LEN) as s:
            if len(s.cwd) != CWD_LEN:
                raise L.Failure('the working directory is %d characters'
                                % len(s.cwd))
            MODES[mode](s)
            s.quit()
    L.run_test('narrow ' + mode, body)


if __name__ == '__main__':
    main()
