#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""locale: daemonlab in a real 100x30 terminal (tmux, UTF-8) under the
locales students really have, read back from the screen.

  missing-zh  LANG=zh_CN.UTF-8 where that locale is not installed
              (setlocale fails): Chinese, drawn right through C.UTF-8
  c-locale    LANG=C, and no locale variable at all: readable English,
              the UTF-8 glyphs through C.UTF-8
  ascii       --ascii (the branch of a machine with no UTF-8 locale):
              only ASCII on screen; asked for Chinese, English and the
              status line says why
  zh-walk     --lang zh-CN through the whole System V chain: the title,
              legend, "What changed", detail, status line and help hold
              no English sentence, only kernel and column names, names
              of processes and files, and the step programs' own words

In every case no ~X, M-x or ^X sequence (what curses prints for a byte it
cannot show in its locale) may appear, and the table agrees with ps.

usage: test_locale.py DAEMONLAB STEPS_DIR CASE"""

import re
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L

# What curses prints for a byte it cannot show in its locale: ~X (C1
# bytes in some modes), M-x and M-^X (bytes above 0x7f), ^X (C0).
METACHARS = re.compile(r'~[@-_?]|M-\^?[ -~]|\^[@-_?]')

# ASCII words a Chinese screen may show: kernel and column names, system
# calls, the chains' names, technical names the Chinese lessons also
# leave in Latin letters, the lesson keys, the file the launcher leaves
# open (forgotten.log), and keys.
KERNEL_WORDS = set('''
    PID PPID PGID SID TTY TPGID STAT UID UMASK CWD FDS COMMAND Z
    setsid fork exec wait init subreaper daemon daemonlab proc fd pts dev null
    ptmx socket pipe anon inode System V BSD APUE
    start umask chdir closefds devnull opentty mistake
    forgotten log
    n r q x
    Ctrl L fg
    d
    GID SigIgn SigBlk SigCgt READY STATUS MAINPID
    s t step serve SIGHUP SIGTERM
    PgUp PgDn l g
    H
'''.split())
# The detail pane names signals as kill -l does (HUP, USR2, RTMIN+3).
KERNEL_WORDS |= {s.name[3:] for s in signal.Signals
                 if s.name.startswith('SIG') and not s.name.startswith('SIG_')}

# The System V chain's lesson keys, from the chain table (set below).
CHAIN = []


def installed_locales():
    out = subprocess.run(['locale', '-a'], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL).stdout
    return out.split()


def has_c_utf8(names):
    return any(n.lower() in ('c.utf-8', 'c.utf8') for n in names)


def metachar_problems(screen):
    problems = []
    for y, line in enumerate(screen.lines):
        for m in METACHARS.finditer(line):
            problems.append('line %d shows %r, a byte curses could not '
                            'draw: %r' % (y, m.group(), line))
    return problems


def non_ascii(screen):
    return ['line %d: %r is not ASCII: %r' % (y, c, line)
            for y, line in enumerate(screen.lines)
            for c in sorted(set(line)) if ord(c) > 0x7e]


def table_problems(screen):
    try:
        table = screen.table()
    except L.Failure as e:
        return [str(e)]
    return [p for r in table.live() for p in L.compare_row(r, table)]


def wait_clean(s, check, what, tries=8):
    """Captures until check(screen) finds no problem (a frame may be
    caught half drawn); returns the screen, or fails with the problems."""
    problems = []
    for attempt in range(tries):
        screen = s.capture()
        problems = check(screen)
        if not problems:
            return screen
        time.sleep(0.1)
    raise L.Failure('%s:\n  %s\nthe screen:\n%s' % (
        what, '\n  '.join(problems), screen.text()))


# ---------------------------------------------------------------- cases

def chinese_screen(screen):
    problems = metachar_problems(screen)
    text = screen.text()
    for word in ('变化', '详情', '课文', '终端', '步骤'):
        if word not in text:
            problems.append('%s is not on screen' % word)
    if not any(c == '\0' for line in screen.col_text for c in line):
        problems.append('no wide character takes two columns')
    if 'What changed' in text:
        problems.append('English headings on a Chinese screen')
    return problems + table_problems(screen)


def case_missing_zh(daemonlab, steps):
    names = installed_locales()
    if any(n.lower() in ('zh_cn.utf-8', 'zh_cn.utf8') for n in names):
        L.log('SKIP: zh_CN.UTF-8 is installed here; this case needs a '
              'machine without it')
        sys.exit(L.SKIP)
    if not has_c_utf8(names):
        L.log('SKIP: no C.UTF-8 either: nothing to fall back on (the '
              'ascii case covers that machine)')
        sys.exit(L.SKIP)
    with L.Session('locale-zh', daemonlab, steps) as s:
        s.start([], env={'LANG': 'zh_CN.UTF-8'},
                unset=('LC_ALL', 'LC_CTYPE', 'LC_MESSAGES', 'LANGUAGE'))
        for k, key in enumerate(CHAIN[:3], 1):
            if k > 1:
                s.send('n')
            L.wait_step(s, k, key)
            screen = wait_clean(s, chinese_screen, 'step %d (%s)' % (k, key))
            L.log('step %d %-6s Chinese, drawn right' % (k, key))
        # The fork's sentences, from the Chinese table.
        if '收养' not in re.sub(r'\s+', '', screen.text()):
            raise L.Failure('no Chinese change sentence after the fork:\n'
                            + screen.text())
        s.quit()


def english_screen(utf8):
    def check(screen):
        problems = metachar_problems(screen) + table_problems(screen)
        text = screen.text()
        for word in ('What changed', 'Detail', 'Lesson', 'Terminal'):
            if word not in text:
                problems.append('%r is not on screen' % word)
        glyphs = [g for g in ('·', '→', '─', '│') if g in text]
        if utf8 and len(glyphs) < 3:
            problems.append('C.UTF-8 could be had, yet the UTF-8 glyphs '
                            'are missing (found %r)' % glyphs)
        if not utf8:
            problems += non_ascii(screen)
        return problems
    return check


def case_c_locale(daemonlab, steps):
    utf8 = has_c_utf8(installed_locales())
    unset = ('LC_ALL', 'LC_CTYPE', 'LC_MESSAGES', 'LANGUAGE')
    for name, env, drop in (('LANG=C', {'LANG': 'C'}, unset),
                            ('no LANG', {}, unset + ('LANG',))):
        with L.Session('locale-c', daemonlab, steps) as s:
            s.start([], env=env, unset=drop)
            for k, key in enumerate(CHAIN[:3], 1):
                if k > 1:
                    s.send('n')
                L.wait_step(s, k, key)
                wait_clean(s, english_screen(utf8), '%s, step %d (%s)'
                           % (name, k, key))
            L.log('%s: readable, %s' % (name, 'UTF-8 glyphs through C.UTF-8'
                                         if utf8 else 'ASCII'))
            s.quit()


def ascii_screen(screen):
    return metachar_problems(screen) + non_ascii(screen) + \
        table_problems(screen)


def case_ascii(daemonlab, steps):
    # Every step of the chain: each lesson and change sentence in ASCII.
    with L.Session('locale-ascii', daemonlab, steps) as s:
        s.start(['--ascii'])
        for k, key in enumerate(CHAIN, 1):
            if k > 1:
                s.send('n')
            L.wait_step(s, k, key)
            screen = wait_clean(s, ascii_screen, '--ascii, step %d (%s)'
                                % (k, key))
        for word in ('What changed', '->', '*'):
            if word not in screen.text():
                raise L.Failure('%r is not on the ASCII screen:\n%s'
                                % (word, screen.text()))
        s.send('?')
        wait_clean(s, lambda sc: ascii_screen(sc) + (
            [] if 'this help' in sc.text() else ['no help box']),
            '--ascii, the help box')
        L.log('--ascii: the whole chain and the help in ASCII')
        s.send('z')      # any key closes the help
        s.quit()
    # Asked for Chinese, by option and by LANG: English, and why.
    for name, args, env in (('--lang zh-CN', ['--ascii', '--lang', 'zh-CN'],
                             {}),
                            ('LANG=zh_CN.UTF-8', ['--ascii'],
                             {'LANG': 'zh_CN.UTF-8'})):
        with L.Session('locale-ascii-zh', daemonlab, steps) as s:
            s.start(args, env=env, unset=('LC_ALL',) if env else ())
            L.wait_step(s, 1, 'start')

            def said_why(screen):
                problems = ascii_screen(screen)
                last = status_line(screen)
                if 'English' not in last or '--ascii' not in last:
                    problems.append('the status line does not say why it '
                                    'shows English: %r' % last)
                if 'What changed' not in screen.text():
                    problems.append('not English')
                return problems
            wait_clean(s, said_why, '--ascii with %s' % name)
            L.log('--ascii with %s: English, and the status line says why'
                  % name)
            s.quit()


def english_words(text, allowed):
    """ASCII words in text that are neither kernel names nor values:
    tokens with a digit, '/', '[' or '=' in them are values (PIDs, paths,
    socket:[123], SIGUSR1), and names of processes are allowed."""
    found = []
    for token in re.split(r'[\s\u3000-\u303f\uff00-\uffef·•→≠…]+|'
                          r'[^\x00-\x7f]+', text):
        if re.search(r'[\d/\[=]', token):
            continue
        for word in re.findall(r'[A-Za-z]+', token):
            if word not in KERNEL_WORDS and word not in allowed:
                found.append(word)
    return found


def status_line(screen):
    """The status line: the last line, in reverse video; '' when none."""
    last = screen.cells[-1] if screen.cells else []
    if last and all(c.rev for c in last[:2]):
        return screen.lines[-1]
    return ''


def areas(screen):
    """The areas that must be Chinese, {name: [lines]}: the title, the
    legend, What changed without the step's message, the detail, the
    status line."""
    lines = screen.lines
    out = {'title': [lines[0]], 'status': [status_line(screen)]}
    rule = {}
    for y, line in enumerate(lines):
        for word in ('变化', '详情', '课文'):
            if line.startswith('──') and word in line and word not in rule:
                rule[word] = y
    if len(rule) < 3:
        raise L.Failure('the Chinese pane rules are not all there')
    out['legend'] = [lines[rule['变化'] - 1]]
    changed, in_message = [], False
    for line in lines[rule['变化'] + 1:rule['详情']]:
        body = line.strip()
        if body.startswith('步骤报告') or body.startswith('错误'):
            in_message = True       # the step program's own words follow
            continue
        if body.startswith('•'):
            in_message = False
        if not in_message:
            changed.append(line)
    out['changed'] = changed
    out['detail'] = lines[rule['详情'] + 1:rule['课文']]
    return out


def allowed_names(screen):
    """Names of processes and files on screen: values, not sentences."""
    names = set()
    try:
        for row in screen.table().rows:
            for col in ('COMMAND', 'PPID', 'FDS', 'CWD'):
                names.update(re.findall(r'[A-Za-z]+', row.values[col]))
    except L.Failure:
        pass
    return names


def no_english(screen, names, where):
    problems = []
    for name, lines in areas(screen).items():
        for line in lines:
            words = english_words(line, names)
            if words:
                problems.append('%s, %s: English %r in %r' % (where, name,
                                                               words, line))
    return problems


def case_zh_walk(daemonlab, steps):
    names = set()
    with L.Session('locale-walk', daemonlab, steps) as s:
        s.start(['--lang', 'zh-CN'])
        for k, key in enumerate(CHAIN, 1):
            if k > 1:
                s.send('n')
            L.wait_step(s, k, key)
            # Values seen at any step stay allowed: an exited row's name
            # is still in the sentences after it left the table's view.
            screen = wait_clean(s, lambda sc: (
                names.update(allowed_names(sc)) or
                metachar_problems(sc) + table_problems(sc) +
                no_english(sc, names, 'step %d (%s)' % (k, key))),
                'step %d (%s)' % (k, key))
            L.log('step %d %-8s no English sentence' % (k, key))
        s.send('?')
        screen = s.wait(lambda sc: '按键' in sc.text(), 'the help box')
        box = [''.join(c.ch for c in row if c.rev) for row in screen.cells]
        words = [w for line in box for w in english_words(line, names)]
        if words or not any('收割者' in line for line in box):
            raise L.Failure('the help box is not Chinese (English %r):\n%s'
                            % (words, '\n'.join(box)))
        L.log('help: Chinese')
        s.send('z')      # any key closes the help
        # On to the end: the status line speaks Chinese.
        deadline = time.time() + 20
        status = ''
        while '结束' not in status:
            if time.time() > deadline:
                raise L.Failure('the chain did not end; the screen:\n'
                                + screen.text())
            s.send('n')
            time.sleep(0.5)
            screen = s.capture()
            status = status_line(screen)
            problems = no_english(screen, names, 'after the last step')
            if problems:
                raise L.Failure('\n'.join(problems) + '\nthe screen:\n'
                                + screen.text())
        L.log('status: %s' % status.strip())
        s.send('r')
        screen = s.wait(lambda sc: '已重新开始' in status_line(sc),
                        'the restart to be reported in Chinese')
        s.quit()


CASES = {
    'missing-zh': case_missing_zh,
    'c-locale': case_c_locale,
    'ascii': case_ascii,
    'zh-walk': case_zh_walk,
}

if __name__ == '__main__':
    if len(sys.argv) != 4 or sys.argv[3] not in CASES:
        raise SystemExit(__doc__)
    daemonlab, steps = L.paths_from_argv(sys.argv[1:3])
    CHAIN[:] = L.chain_keys(daemonlab, 'sysv')
    case = sys.argv[3]
    L.run_test('locale ' + case, lambda: CASES[case](daemonlab, steps))
