#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""hangup: daemonlab --chain sysv --hangup-at N in a real terminal
(tmux, 100x30). After the Nth step the inspector closes the chain's pty
master; the screen then says who died of SIGHUP and who lives, and that
must agree with /proc: a process said to have died is gone, one said to
live is there, no zombie, and has lost its controlling terminal (the
hang-up takes it from every process of the session). The terminal pane
says it hung up, the hang-up lesson shows, r starts over on a new
terminal, q leaves nothing.

  after step 1 (start): the shell and the job die of SIGHUP
  after step 3 (fork):  the shell dies of SIGHUP, the forked child lives

With zh-CN (third argument) the same after step 3, in Chinese.

usage: test_hangup.py DAEMONLAB STEPS_DIR [zh-CN]"""

import re
import sys

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L

WORDS = {
    'en': {'head': 'Hung up after step %d', 'died': 'died of SIGHUP',
           'lives': 'lives', 'watching': 'watching',
           'terminal': '--- hung up', 'lesson': 'Hang-up:'},
    'zh-CN': {'head': '在第 %d 步之后挂断', 'died': '死于 SIGHUP',
              'lives': '仍在运行', 'watching': '观察中',
              'terminal': '--- 已挂断', 'lesson': '挂断：'},
}


def sentences(screen):
    """The bullets of the "What changed" pane, each joined whole."""
    out, cur = [], None
    for line in screen.lines:
        m = re.match(r'^ • (.*)$', line)
        if m:
            cur = m.group(1).rstrip()
            out.append(cur)
        elif cur is not None and line.startswith('   ') and \
                not line.strip().startswith(('─', '-')) and line.strip():
            out[-1] += ' ' + line.strip()
        else:
            cur = None
    return out


def outcome(screen, words):
    """{pid: 'died' or 'lives'} from the hang-up's sentences."""
    said = {}
    for s in sentences(screen):
        m = re.match(r'(\d+) ', s)
        if not m:
            continue
        pid = int(m.group(1))
        if words['died'] in s:
            said[pid] = 'died'
        elif words['lives'] in s.split(':')[0].split('：')[0]:
            said[pid] = 'lives'
    return said


def case(daemonlab, steps, n, lang):
    words = WORDS[lang]
    with L.Session('hangup', daemonlab, steps) as s:
        s.start(['--chain', 'sysv', '--lang', lang, '--hangup-at', str(n)])
        for k in range(1, n):
            s.wait(lambda sc: L.title_step(sc)[0] == k, 'step %d' % k)
            s.send('n')
        head = words['head'] % n
        screen = s.wait(lambda sc: head in sc.text() and
                        words['watching'] not in sc.text() and
                        len(outcome(sc, words)) >= 2,
                        'the hang-up\'s outcome after step %d' % n)
        s.remember(screen.table())
        said = outcome(screen, words)
        L.log('after step %d: %s' % (n, said))
        shell = screen.table().rows[0].pid()
        problems = []
        if said.get(shell) != 'died':
            problems.append('the shell %d is not said to have died of '
                            'SIGHUP' % shell)
        for pid, what in said.items():
            st = L.read_stat(pid)
            if what == 'died' and st is not None:
                problems.append('%d is said to have died, but /proc has it '
                                '(state %s)' % (pid, st['state']))
            if what == 'lives':
                if st is None or st['state'] == 'Z':
                    problems.append('%d is said to live, but /proc says '
                                    '%s' % (pid, 'gone' if st is None
                                            else 'zombie'))
                elif st['tty_nr'] != 0:
                    problems.append('%d lives with a controlling terminal '
                                    '(tty_nr %d) after the hang-up'
                                    % (pid, st['tty_nr']))
        want = {1: ['died', 'died'], 3: ['died', 'lives']}[n]
        if sorted(said.values()) != sorted(want):
            problems.append('after step %d the screen says %s; the lesson '
                            'says %s' % (n, sorted(said.values()), want))
        if words['terminal'] not in screen.text():
            problems.append('the terminal pane does not say it hung up')
        if words['lesson'] not in screen.text():
            problems.append('the hang-up lesson is not shown')
        if problems:
            raise L.Failure('; '.join(problems) + '\n' + screen.text())
        if n > 1:
            # r: a new run on a new terminal, nothing hung up.
            s.send('r')
            screen = s.wait(lambda sc: L.title_step(sc)[0] == 1 and
                            head not in sc.text() and sc.tables() and
                            len(sc.table().rows) >= 2,
                            'a new run after r')
            new_shell = screen.table().rows[0]
            if new_shell.pid() == shell or \
                    not re.fullmatch(r'pts/\d+', new_shell.values['TTY']):
                raise L.Failure('r did not start over on a terminal:\n' +
                                screen.text())
            s.remember(screen.table())
        s.quit()


def body(daemonlab, steps, lang):
    if lang == 'en':
        case(daemonlab, steps, 1, lang)
    case(daemonlab, steps, 3, lang)


if __name__ == '__main__':
    daemonlab, steps = L.paths_from_argv(sys.argv[1:3])
    lang = sys.argv[3] if len(sys.argv) > 3 else 'en'
    L.run_test('hangup-' + lang, lambda: body(daemonlab, steps, lang))
