#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""quiz (issue 12, item 7): daemonlab --quiz asks, before each step, its
lesson's question; digits 1-4 answer it and continue nothing; n runs the
step; then the screen shows the answer beside what /proc shows, and the
values it shows are /proc's, read here independently.

- sysv: step 1 asks the umask question, 2 is marked, and the chain stays
  at step-start (/proc); n: "you answered 2, and that is right", with
  "UMASK 0022 → 0000" where 0022 was /proc's Umask before and 0000 is it
  now. fork: 1 (wrong), n: "the right answer is 2", with "PGID X → X"
  where X is the new child's PGID in /proc. setsid: Enter without an
  answer: "no answer given", "TTY pts/N → ?" (ps says ?).
- mistake: 2, n: right, "SID S → S", S the shell's session.
- zh: the same first step in Chinese.
- narrow: at 80x24, every pause of sysv shows the whole question, its
  four answers, and the last step's /proc line; nothing past column 80.

usage: test_quiz.py DAEMONLAB STEPS_DIR sysv|mistake|zh|narrow"""

import re
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L


def focus_pid(screen):
    rows = screen.table().focus()
    if len(rows) != 1:
        raise L.Failure('expected one step process:\n' + screen.text())
    return rows[0].pid()


def flat(screen):
    """The quiz pane's text on one line (it may wrap)."""
    lines = screen.lines
    for y, line in enumerate(lines):
        if re.match(r'^─+ (Check yourself|自测) ', line) or \
                line.startswith('-- Check yourself'):
            return ' '.join(l.strip() for l in lines[y + 1:])
    raise L.Failure('no quiz pane on the screen:\n' + screen.text())


def wait_quiz(s, k, key, total, pattern, what):
    def there(screen):
        m = re.search(L.TITLE_STEP, screen.line(0))
        return m is not None and (int(m.group(1)), m.group(3)) == (k, key) \
            and re.search(pattern, flat(screen)) is not None
    screen = s.wait(there, what)
    return screen, re.search(pattern, flat(screen))


def umask_of(pid):
    return (L.read_status(pid) or {}).get('Umask')


def sysv(daemonlab, steps):
    with L.Session('quiz', daemonlab, steps) as s:
        s.start(['--quiz'])
        screen, _ = wait_quiz(s, 1, 'start', 9,
                              r'What will UMASK show after umask\(0\)\?.*'
                              r' 1 +0022.* 2 +0000.* 3 +0777.* 4 ',
                              'the umask question with four answers')
        pid = focus_pid(screen)
        before = umask_of(pid)
        start = L.read_stat(pid)['starttime']
        s.send('2')
        wait_quiz(s, 1, 'start', 9, r'Your answer: 2\.', 'answer 2 marked')
        time.sleep(1.0)
        st = L.read_stat(pid)
        if st is None or st['comm'] != b'step-start' or \
                st['starttime'] != start:
            raise L.Failure('a digit continued the chain: %s'
                            % L.describe(pid))
        s.send('n')
        screen, m = wait_quiz(
            s, 2, 'umask', 9, r'umask: you answered 2, and that is right.*'
            r'/proc after the step: UMASK (\S+) → (\S+), as the answer says',
            'the umask result')
        now = umask_of(focus_pid(screen))
        if (m.group(1), m.group(2)) != (before, now) or now != '0000':
            raise L.Failure('the screen says UMASK %s → %s; /proc said %s, '
                            'now %s' % (m.group(1), m.group(2), before, now))
        L.log('umask: 2 right, UMASK %s → %s as /proc' % (before, now))

        wait_quiz(s, 2, 'umask', 9, r"what will the child's PGID be\?",
                  'the fork question')
        s.send('1')
        s.send('n')
        screen, m = wait_quiz(
            s, 3, 'fork', 9, r'fork: you answered 1; the right answer is 2.*'
            r'/proc after the step: PGID (\d+) → (\d+), as the answer says',
            'the fork result')
        child = focus_pid(screen)
        pgid = L.read_stat(child)['pgid']
        if (int(m.group(1)), int(m.group(2))) != (pgid, pgid):
            raise L.Failure('the screen says PGID %s → %s; /proc: %d'
                            % (m.group(1), m.group(2), pgid))
        L.log('fork: 1 wrong, PGID %d → %d as /proc' % (pgid, pgid))

        wait_quiz(s, 3, 'fork', 9, r'After setsid\(\), what will TTY show',
                  'the setsid question')
        s.send('Enter')
        screen, m = wait_quiz(
            s, 4, 'setsid', 9, r'setsid: no answer given; the right answer '
            r'is 2.*/proc after the step: TTY (\S+) → (\S+), as the answer',
            'the setsid result')
        ps = L.ps_table([focus_pid(screen)])[focus_pid(screen)]
        if m.group(2) != ps['TTY'] or m.group(2) != '?':
            raise L.Failure('the screen says TTY → %s; ps says %s'
                            % (m.group(2), ps['TTY']))
        L.log('setsid: no answer, TTY %s → %s as ps' % m.groups())
        s.quit()


def mistake(daemonlab, steps):
    with L.Session('quiz-m', daemonlab, steps) as s:
        s.start(['--quiz', '--chain', 'mistake'])
        screen, _ = wait_quiz(s, 1, 'start', 2, r'setsid\(\) in step-start',
                              'the mistake question')
        shell_sid = L.read_stat(focus_pid(screen))['sid']
        s.send('2')
        s.send('n')
        screen, m = wait_quiz(
            s, 2, 'mistake', 2, r'mistake: you answered 2, and that is right'
            r'.*/proc after the step: SID (\d+) → (\d+), as the answer says',
            'the mistake result')
        if (int(m.group(1)), int(m.group(2))) != (shell_sid, shell_sid):
            raise L.Failure('the screen says SID %s → %s; /proc said %d'
                            % (m.group(1), m.group(2), shell_sid))
        L.log('mistake: 2 right, SID %d → %d' % (shell_sid, shell_sid))
        s.quit()


def chinese(daemonlab, steps):
    with L.Session('quiz-zh', daemonlab, steps) as s:
        s.start(['--quiz', '--lang', 'zh-CN'])
        wait_quiz(s, 1, 'start', 9, r'umask\(0\) 之后 UMASK 显示什么？',
                  'the umask question in Chinese')
        s.send('2')
        s.send('n')
        screen, m = wait_quiz(
            s, 2, 'umask', 9, r'umask：你答 2，答对了.*这一步之后的 /proc：'
            r'UMASK (\S+) → (\S+)，与答案一致',
            'the umask result in Chinese')
        if m.group(2) != umask_of(focus_pid(screen)):
            raise L.Failure('the screen says UMASK → %s; /proc: %s'
                            % (m.group(2), umask_of(focus_pid(screen))))
        L.log('zh: umask 2 right, UMASK %s → %s' % m.groups())
        s.quit()


def narrow(daemonlab, steps):
    """80x24: at every pause of the sysv chain the whole question shows,
    all four answers and, after the first step, the /proc line."""
    keys = L.chain_keys(daemonlab, 'sysv')
    with L.Session('quiz-80', daemonlab, steps, cols=80, rows=24) as s:
        s.start(['--quiz'])
        for k, key in enumerate(keys, 1):
            if k > 1:
                s.send('2')
                s.send('n')
            last = k == len(keys)
            pattern = (r'/proc' if k > 1 else r'') + \
                (r'' if last else r'.*: .*\?.* 1  .* 2  .* 3  .* 4  ')

            def there(screen, k=k, key=key, pattern=pattern):
                m = re.search(L.TITLE_STEP, screen.line(0))
                if m is None or (int(m.group(1)), m.group(3)) != (k, key):
                    return False
                pane = [l for l in screen.lines[1:] if len(l) > 80]
                if pane:
                    raise L.Failure('a line past 80 columns: %r' % pane)
                return re.search(pattern, flat(screen)) is not None
            s.wait(there, 'step %d (%s): the question, its four answers '
                   'and the last step\'s /proc line' % (k, key))
            L.log('80x24 step %d/%d %s: all of the quiz shows'
                  % (k, len(keys), key))
        s.quit()


def main():
    args = sys.argv[1:]
    mode = args.pop() if args and args[-1] in ('sysv', 'mistake', 'zh',
                                               'narrow') else 'sysv'
    daemonlab, steps = L.paths_from_argv(args)
    body = {'sysv': sysv, 'mistake': mistake, 'zh': chinese,
            'narrow': narrow}[mode]
    L.run_test('quiz ' + mode, lambda: body(daemonlab, steps))


if __name__ == '__main__':
    main()
