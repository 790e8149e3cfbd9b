#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""history (issue 12, item 3): [ and ] (Left and Right) page back through
the screens of earlier steps while the run stays paused.

The System V chain is walked to step 4 (setsid); the screen of each step
is kept as it stood when n was pressed. Then, at step 4:

- [ shows step 3's screen exactly (every line below the title: table,
  highlights, "What changed", detail, lesson, terminal), under a title
  that says it is history ("step 3/9 as seen at HH:MM:SS"); Left and [
  go on to steps 2 and 1; one more says there is nothing earlier;
- meanwhile the chain does not advance: /proc shows the same processes,
  the paused step still step-setsid, waiting;
- d there shows step 3's sessions diagram as it was seen then;
- ] and Right come forward again, past the last page to now;
- n in history first returns to now, and continues nothing; the n after
  that continues the chain to step 5.

usage: test_history.py DAEMONLAB STEPS_DIR [zh]"""

import re
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L

HISTORY_TITLE = {
    'en': r'^step (\d+)/(\d+) as seen at (\d\d:\d\d:\d\d) — \] or Right to '
          r'come back',
    'zh': r'^第 (\d+)/(\d+) 步，(\d\d:\d\d:\d\d) 时所见 — 按 \] 或右方向键'
          r'回到现在',
}
FIRST = {'en': 'this is the first step seen',
         'zh': '这是看到的第一步'}


def body(screen):
    """What must be the same: every line but the title, with the
    highlight of each cell (the status line at the bottom is news)."""
    return [(line, tuple(c.highlighted_colour() or c.dim for c in cells))
            for line, cells in zip(screen.lines[1:-1], screen.cells[1:-1])]


def settled(s, k, key):
    """Step k's screen once two captures agree (the pane may still be
    printing the step's last words)."""
    L.wait_step(s, k, key)
    before = s.capture()
    while True:
        time.sleep(0.4)
        now = s.capture()
        if body(now) == body(before):
            return now
        before = now


def settled_diagram(s, k, key):
    """Step k's diagram (no table on the screen), once settled."""
    def there(screen):
        m = re.search(L.TITLE_STEP, screen.line(0))
        return m is not None and int(m.group(1)) == k and not \
            screen.tables()
    before = s.wait(there, 'the diagram of step %d' % k)
    while True:
        time.sleep(0.4)
        now = s.capture()
        if body(now) == body(before):
            return now
        before = now


def chain_state(tag):
    """The run's live processes and the command each runs, from /proc."""
    out = {}
    for pid in L.tagged_processes(tag):
        st = L.read_stat(pid)
        if st is not None:
            out[pid] = (st['starttime'], st['comm'])
    return out


def shown(s, lang, step, what):
    def there(screen):
        m = re.match(HISTORY_TITLE[lang], screen.line(0))
        return m is not None and int(m.group(1)) == step
    return s.wait(there, what)


def differences(a, b):
    out = []
    for y, (la, lb) in enumerate(zip(body(a), body(b)), 1):
        if la != lb:
            out.append('line %d:\n  then: %r\n  now:  %r' % (y, la[0], lb[0]))
    return out


def history(daemonlab, steps, lang):
    keys = L.chain_keys(daemonlab, 'sysv')
    env = {'LANG': 'zh_CN.UTF-8'} if lang == 'zh' else None
    args = ['--lang', 'zh-CN'] if lang == 'zh' else []
    with L.Session('history', daemonlab, steps) as s:
        s.start(args, env=env)
        screens = {}
        for k, key in enumerate(keys[:4], 1):
            if k > 1:
                s.send('n')
            screens[k] = settled(s, k, key)
            s.remember(screens[k].table())
            if k == 3:
                # The sessions diagram (d) of step 3, to see it again.
                s.send('d')
                diagram3 = settled_diagram(s, 3, key)
                s.send('d')
                # The screen as the step is left: a status the shell
                # reports (the first parent's exit) may have come since.
                screens[k] = settled(s, k, key)
        live = s.capture()
        paused = chain_state(s.tag)
        L.log('at step 4: %s' % sorted((p, c.decode()) for p, (_, c)
                                       in paused.items()))

        for k, key in ((3, '['), (2, 'Left'), (1, '[')):
            s.send(key)
            screen = shown(s, lang, k, 'step %d in history after %s'
                           % (k, key))
            diff = differences(screens[k], screen)
            if diff:
                raise L.Failure('history of step %d differs from the '
                                'screen seen then:\n%s\nnow:\n%s' % (
                                    k, '\n'.join(diff), screen.text()))
            L.log('%s: step %d/9 as it was, %s' % (key, k, screen.line(0)))
        # The diagram as it was at step 3, from the page's story.
        s.send(']')
        shown(s, lang, 2, 'step 2 again')
        s.send(']')
        shown(s, lang, 3, 'step 3 again')
        s.send('d')
        screen = s.wait(lambda sc: not sc.tables(), 'the diagram of step 3')
        time.sleep(0.4)
        screen = shown(s, lang, 3, 'the diagram of step 3')
        diff = differences(diagram3, screen)
        if diff:
            raise L.Failure('the diagram of step 3 in history differs from '
                            'the one seen then:\n%s\nnow:\n%s' % (
                                '\n'.join(diff), screen.text()))
        L.log('d: the diagram of step 3 as it was')
        s.send('d')
        s.wait(lambda sc: sc.tables(), 'the table again')
        for _ in range(2):
            s.send('[')
        shown(s, lang, 1, 'step 1 again')
        s.send('[')
        s.wait(lambda sc: FIRST[lang] in sc.line(len(sc.lines) - 1),
               'the word that nothing is earlier')
        time.sleep(1.5)     # a paused chain that advanced would show it
        if chain_state(s.tag) != paused:
            raise L.Failure('the chain moved while history was shown: %s '
                            '-> %s' % (paused, chain_state(s.tag)))
        s.send(']')
        shown(s, lang, 2, 'step 2 after ]')
        s.send('Right')
        shown(s, lang, 3, 'step 3 after Right')
        s.send('Right')
        screen = L.wait_step(s, 4, 'setsid')
        if differences(live, screen):
            raise L.Failure('back at now, the screen is not step 4\'s:\n'
                            + '\n'.join(differences(live, screen)))
        L.log('] and Right came back to now')

        s.send('[')
        shown(s, lang, 3, 'step 3 again')
        s.send('n')
        L.wait_step(s, 4, 'setsid')
        time.sleep(1.0)
        if chain_state(s.tag) != paused or \
                L.title_step(s.capture()) != (4, 'setsid'):
            raise L.Failure('n in history continued the chain: %s -> %s'
                            % (paused, chain_state(s.tag)))
        L.log('n in history came back to now; the chain stayed at 4')
        s.send('n')
        L.wait_step(s, 5, 'fork2')
        L.log('the next n continued to step 5')
        s.quit()


def main():
    args = sys.argv[1:]
    lang = args.pop() if args and args[-1] == 'zh' else 'en'
    daemonlab, steps = L.paths_from_argv(args)
    L.run_test('history ' + lang, lambda: history(daemonlab, steps, lang))


if __name__ == '__main__':
    main()
