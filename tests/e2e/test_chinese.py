#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""chinese: daemonlab --lang zh-CN in a 100x30 terminal shows the Chinese
lessons, laid out by display width: each wide character takes two
columns, the lesson and terminal panes keep their border in one column,
no line is wider than the terminal, and the table still agrees with ps.

usage: test_chinese.py DAEMONLAB STEPS_DIR"""

import os
import re
import sys

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L

LESSONS = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       '..', '..', 'docs', 'lessons', 'zh-CN')


def lesson_title(key):
    """The lesson's title as the pane shows it: inline Markdown removed."""
    with open(os.path.join(LESSONS, key + '.md'), encoding='utf-8') as f:
        title = f.readline()
    return re.sub(r'[`*]', '', title.lstrip('# ').strip())


def check(screen, key):
    problems = []
    text = re.sub(r'\s+', '', screen.text())
    # The title may wrap: its first characters are on screen, unbroken.
    start = re.sub(r'\s+', '', lesson_title(key))[:8]
    if start not in text:
        problems.append('the %s lesson title (%r...) is not shown'
                        % (key, start))
    for word in ('变化', '详情', '课文', '终端'):
        if word not in text:
            problems.append('the pane title %s is not shown' % word)
    rule = [y for y, line in enumerate(screen.lines) if '课文' in line]
    if not rule:
        return problems
    wide = 0
    for y in range(rule[0] + 1, len(screen.col_text)):
        cols = screen.col_text[y]
        if len(cols) > 100:
            problems.append('line %d is %d columns wide' % (y, len(cols)))
        wide += sum(1 for c in cols if c == '\0')
        if len(cols.rstrip()) > 50 and cols[50] != '│':
            problems.append('line %d: the pane border is not in column 50: '
                            '%r' % (y, screen.lines[y]))
    if wide == 0:
        problems.append('no wide character in the lesson pane')
    return problems


def body(daemonlab, steps):
    if not L.utf8_locale():
        L.log('SKIP: no UTF-8 locale on this machine')
        sys.exit(77)
    with L.Session('chinese', daemonlab, steps) as s:
        s.start(['--lang', 'zh-CN'])
        for k, key in enumerate(['start', 'umask', 'fork', 'setsid'], 1):
            if k > 1:
                s.send('n')
            screen = L.wait_step(s, k, key)
            for attempt in range(8):
                screen = s.capture()
                problems = check(screen, key)
                try:
                    table = screen.table()
                    problems += [p for r in table.live()
                                 for p in L.compare_row(r, table)]
                except L.Failure as e:
                    problems.append(str(e))
                if not problems:
                    break
            if problems:
                raise L.Failure('step %d (%s):\n  ' % (k, key) +
                                '\n  '.join(problems) + '\nthe screen:\n'
                                + screen.text())
            L.log('step %d/9 %-7s ok' % (k, key))
        s.quit()


if __name__ == '__main__':
    daemonlab, steps = L.paths_from_argv()
    L.run_test('chinese', lambda: body(daemonlab, steps))
