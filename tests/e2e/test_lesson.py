#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""lesson: the whole lesson is always reachable, and the screen says
where the run stands (issue 12, items 1, 4 and 6).

usage: test_lesson.py DAEMONLAB STEPS_DIR CASE
CASE:
  read-COLSxROWS-LANG  every lesson of every chain, read to its last line
        by PgDn in the lesson pane: the text gathered from the screen is
        the lesson's source (docs/lessons/LANG/KEY.md, compiled as
        docs/gen-lessons.py does: title, What to watch, the summary
        under "What the step does", Why a daemon does it, Pitfalls), the
        chain's own "What to watch" items
        before the other chains'; "more ↓" shows while text is hidden
        below, "more ↑" once scrolled, and each new step starts at the top.
  full  l shows the whole lesson on its own screen, readable to its end;
        q and Esc come back to the step view (the run goes on).
  glossary  g (and g from ? help) shows a line for every column of the
        table and every STAT letter; the help names PgUp/PgDn, l and g.
  pacing  What changed wraps its sentences whole at 80x24; at the
        chain's end n says the chain has ended (en, zh-CN); in --compare
        the BSD side, waiting out System V's second fork, says why; with
        -- CMD the title follows the command the chain runs now."""

import importlib.util
import os
import re
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import e2elib as L

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
CHAINS = ['sysv', 'bsd', 'mistake', 'daemon7', 'newstyle']
MORE_DOWN = {'en': 'more \u2193', 'zh-CN': '下面还有 \u2193'}
MORE_UP = {'en': 'more \u2191', 'zh-CN': '上面还有 \u2191'}
# The heading of the summary in the pane (text tables: T_LV_ABOUT).
ABOUT = {'en': 'What the step does', 'zh-CN': '这一步做什么'}
ENDED = {'en': 'The chain has ended: r to run it again, q to quit.',
         'zh-CN': '整条链已经结束：按 r 再运行一次，按 q 退出。'}


def gen_lessons():
    """docs/gen-lessons.py as a module: the lessons' own compiler."""
    path = os.path.join(ROOT, 'docs', 'gen-lessons.py')
    spec = importlib.util.spec_from_file_location('gen_lessons', path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


G = gen_lessons()


def squeeze(text):
    """Text without whitespace: lines may break anywhere a space was,
    and between two Chinese characters, where there was none."""
    return re.sub(r'\s+', '', text)


def bullets(text):
    return re.sub(r'(?m)^- ', '\u2022 ', text)


def lesson(key, lang):
    return G.parse(os.path.join(ROOT, 'docs', 'lessons', lang, key + '.md'))


def scope_chains(scope):
    return [w for w in scope.split() if w in CHAINS]


def check_text(gathered, key, lang, chain):
    """Problems of the gathered text against the lesson's source."""
    le = lesson(key, lang)
    heads = G.SECTIONS[lang]
    got = squeeze(gathered)
    head = squeeze(le['title'] + heads[1])
    tail = squeeze(ABOUT[lang] + bullets(le['summary']) + heads[0] +
                   bullets(le['why']) + heads[2] + bullets(le['pitfalls']))
    if not got.startswith(head):
        return ['%s/%s: the text does not start with the title and "%s":'
                '\n  screen: %s\n  source: %s'
                % (lang, key, heads[1], got[:300], head[:300])]
    if not got.endswith(tail):
        return ['%s/%s: the text does not end with the summary, "%s" and '
                '"%s" to their last line:\n  screen: ...%s\n  source: ...%s'
                % (lang, key, heads[0], heads[2], got[-300:], tail[-300:])]
    middle = got[len(head):len(got) - len(tail)]
    # What to watch: its lines in some order; the chain's own first.
    lines = bullets(le['watch']).split('\n')
    scopes = le['watch_scope'].split('\n')
    items = []
    k = 0
    for line in lines:
        scope = ''
        if line.startswith('\u2022 '):
            scope = scopes[k]
            k += 1
        if squeeze(line):
            items.append((squeeze(line), scope))
    order = []
    while middle:
        for n, (text, scope) in enumerate(items):
            if middle.startswith(text):
                order.append(scope)
                middle = middle[len(text):]
                del items[n]
                break
        else:
            return ['%s/%s: "%s" on screen is not the source\'s items: '
                    '%s...' % (lang, key, heads[1], middle[:200])]
    if items:
        return ['%s/%s: "%s" lacks %s' % (lang, key, heads[1], items)]
    mine = [i for i, s in enumerate(order) if chain in scope_chains(s)]
    other = [i for i, s in enumerate(order)
             if scope_chains(s) and chain not in scope_chains(s)]
    if mine and other and max(mine) > min(other):
        return ['%s/%s: an item about another chain comes before one '
                'about %s: %s' % (lang, key, chain, order)]
    return []


def pane(screen, full=False):
    """(rule line, text lines) of the lesson pane (or the full lesson)."""
    if full:
        return screen.lines[1], [l[1:].rstrip() for l in
                                 [c.replace('\0', '') for c in
                                  screen.col_text[2:-1]]]
    rules = [y for y, line in enumerate(screen.lines)
             if line.startswith('\u2500\u2500 ')]
    if not rules:
        raise L.Failure('no rule on the screen:\n' + screen.text())
    y = rules[-1]
    left = len(screen.col_text[y]) // 2 if '\u2502' in screen.lines[-1] \
        else len(screen.col_text[y])
    return (screen.col_text[y][:left].replace('\0', ''),
            [c[1:left - 1].replace('\0', '').rstrip()
             for c in screen.col_text[y + 1:]])


def overlap(have, page):
    """How many lines page starts with that have ends with."""
    for k in range(min(len(have), len(page)), 0, -1):
        if have[-k:] == page[:k]:
            return k
    return 0


def place(have, page):
    """Where page lies in the lines read: the first j from which every
    line of page that have holds is the same, with at least one line
    of text among them; None when it lies nowhere."""
    for j in range(len(have)):
        n = min(len(page), len(have) - j)
        if have[j:j + n] == page[:n] and any(page[:n]):
            return j
    return None


def geometry(screen, full):
    """Where the pane is: its rule line and its height."""
    if full:
        return (1, len(screen.lines))
    rules = [y for y, line in enumerate(screen.lines)
             if line.startswith('\u2500\u2500 ')]
    return (rules[-1] if rules else -1, len(screen.lines))


def settle(s, full, before, timeout):
    """The look after a key: once the pane differs from before and holds
    still for a moment (a loaded machine draws late); or, after timeout,
    the pane as it is (the key moved nothing)."""
    deadline = time.time() + timeout
    last = None
    while True:
        screen = s.capture()
        view = (geometry(screen, full), pane(screen, full)[1])
        if view[1] != before and view == last:
            return screen
        if time.time() > deadline:
            return screen
        last = view
        time.sleep(0.15)


def read_all(s, lang, full=False):
    """PgDn until "more ↓" is gone; returns the lines read. PgDn moves a
    page less one line, so each page starts with the last line read.
    When the pane moved between a look and PgDn (a row of the table came
    or went), the page may have skipped a line: PgUp then goes back
    among the lines read, and reading goes on from there."""
    screen = s.capture()
    rule, lines = pane(screen, full)
    where = geometry(screen, full)
    have = list(lines)
    if MORE_UP[lang] in rule:
        raise L.Failure('a new lesson starts scrolled: %r' % rule)
    pages = 0
    while MORE_DOWN[lang] in rule:
        pages += 1
        if pages > 150:
            raise L.Failure('PgDn never reaches the end')
        s.send('NPage')
        look = settle(s, full, lines, 10.0)
        rule, page = pane(look, full)
        if geometry(look, full) == where and overlap(have, page) > 0:
            have += page[overlap(have, page):]
        else:
            for attempt in range(10):
                s.send('PPage')
                look = settle(s, full, page, 3.0)
                rule, page = pane(look, full)
                j = place(have, page)
                if j is not None:
                    have = have[:j] + page
                    break
            else:
                raise L.Failure('PgDn and PgUp show no page of the lines '
                                'read:\n%s' % look.text())
        lines = page
        where = geometry(look, full)
    if pages and MORE_UP[lang] not in rule:
        raise L.Failure('scrolled to the end, and the rule does not say '
                        '%r: %r' % (MORE_UP[lang], rule))
    return '\n'.join(have), pages


def step_total(s, k, key):
    """Waits for step k; returns its lesson key, as the title says (the
    mistake chain's setsid has the lesson "mistake")."""
    def there(sc):
        return L.title_step(sc)[0] == k and sc.tables()
    shown = L.title_step(s.wait(there, 'step %d: %s' % (k, key)))[1]
    if shown != key and (key, shown) != ('setsid', 'mistake'):
        raise L.Failure('step %d is %s, not %s' % (k, shown, key))
    return shown


def case_read(daemonlab, steps, cols, rows, lang):
    for chain in CHAINS:
        keys = L.chain_keys(daemonlab, chain)
        with L.Session('lesson', daemonlab, steps, cols=cols,
                       rows=rows) as s:
            # The run's folder goes in TMPDIR, the session's own folder:
            # passable, as /tmp is, by a step that dropped root
            # (dropprivs) on its way to the run's socket.
            os.chmod(s.dir, 0o711)
            s.start(['--chain', chain, '--lang', lang])
            for k, key in enumerate(keys, 1):
                if k > 1:
                    s.send('n')
                key = step_total(s, k, key)
                text, pages = read_all(s, lang)
                problems = check_text(text, key, lang, chain)
                if problems:
                    raise L.Failure('%dx%d %s step %d: %s' % (
                        cols, rows, chain, k, '\n'.join(problems)))
                if pages == 0:
                    raise L.Failure('%s/%s fits the pane at %dx%d: no '
                                    'scroll was tested' % (lang, key, cols,
                                                           rows))
                L.log('%dx%d %s %s step %d %s: read in %d pages' % (
                    cols, rows, lang, chain, k, key, pages + 1))
            s.quit()


def case_full(s):
    s.start(['--chain', 'sysv'])
    keys = L.chain_keys(s.daemonlab, 'sysv')
    for k in range(1, 5):
        if k > 1:
            s.send('n')
        step_total(s, k, keys[k - 1])
    s.send('NPage')         # the pane scrolled: l still starts at the top
    s.send('l')
    s.wait(lambda sc: 'The whole lesson' in sc.line(1),
           'l to show "The whole lesson"')
    text, pages = read_all(s, 'en', full=True)
    problems = check_text(text, 'setsid', 'en', 'sysv')
    if problems:
        raise L.Failure('the full lesson: ' + '\n'.join(problems))
    for back in ('q', 'Escape', 'l'):
        s.send(back)
        s.wait(lambda sc: sc.tables() and 'The whole lesson' not in
               sc.text(), '%s to come back to the step view' % back)
        if s.pane_dead():
            raise L.Failure('%s on the full lesson quit daemonlab' % back)
        s.send('l')
        s.wait(lambda sc: 'The whole lesson' in sc.line(1), 'l again')
    s.send('q')
    s.wait(lambda sc: sc.tables(), 'the step view')
    s.quit()


def case_glossary(s):
    s.start(['--chain', 'sysv'])
    step_total(s, 1, 'start')
    s.send('?')
    screen = s.wait(lambda sc: 'PgUp/PgDn, l, g' in sc.text(), 'the help')
    for words in ('scroll lesson', 'whole lesson', 'glossary'):
        if words not in screen.text():
            raise L.Failure('the help does not say %r' % words)
    s.send('g')
    s.wait(lambda sc: sc.line(1).startswith('\u2500\u2500 Glossary'),
           'g from the help to open the glossary')
    text, pages = read_all(s, 'en', full=True)
    # "TERM     words", the term in the first 8 columns.
    terms = [l[:9].strip() for l in text.split('\n') if l and
             not l.startswith(' ')]
    want = L.COLUMNS + ['STAT ' + c for c in 'RSDTtXZPI<NLsl+']
    missing = [t for t in want if t not in terms]
    if missing:
        raise L.Failure('the glossary lacks %s:\n%s' % (missing, text))
    for line in text.split('\n'):
        if line and not line.startswith(' ') and 'stat' not in line and \
                '/proc/' not in line:
            raise L.Failure('a glossary line names no /proc field: %r'
                            % line)
    s.send('q')
    s.wait(lambda sc: sc.tables(), 'q to leave the glossary')
    s.send('g')
    s.wait(lambda sc: 'Glossary' in sc.line(1), 'g to open the glossary')
    s.send('g')
    s.wait(lambda sc: sc.tables(), 'g to close it')
    s.quit()


def changed_text(screen):
    """The "What changed" section's lines, joined as sentences."""
    start = [y for y, l in enumerate(screen.lines) if 'What changed' in l]
    end = [y for y, l in enumerate(screen.lines) if 'Detail' in l]
    if not start or not end:
        raise L.Failure('no What changed section:\n' + screen.text())
    return [l[1:].rstrip() for l in screen.lines[start[0] + 1:end[0]]]


def sentence(lines, start):
    """The bullet that starts with start, its wrapped lines joined."""
    for i, l in enumerate(lines):
        if l.startswith('\u2022 ' + start):
            text = l[2:]
            for more in lines[i + 1:]:
                if not more.startswith('  '):
                    break
                text += ' ' + more.strip()
            return text
    return None


def progress(screen):
    """(System V's step, BSD's step) from the --compare halves."""
    sv = bsd = 0
    for line in screen.lines:
        m = re.search(r'(?:step|步骤) (\d+)/(\d+)', line)
        if m and 'System V' in line and m.group(2) == '9':
            sv = int(m.group(1))
        elif m and 'BSD' in line and m.group(2) == '8':
            bsd = int(m.group(1))
    return sv, bsd


def case_pacing(daemonlab, steps):
    def session(cols=100, rows=30):
        return L.Session('lesson', daemonlab, steps, cols=cols, rows=rows)

    with session(80, 24) as s80:
        wrapped(s80)
    with L.Session('lesson', daemonlab, steps, cols=80, rows=24,
                   cwd_len=170) as s80:
        wrapped_cwd(s80)
    for lang in ('en', 'zh-CN'):
        with session() as s:
            ended_mistake(s, lang)
    with session() as s:
        ended_bsd(s)
    for lang in ('en', 'zh-CN'):
        with session() as s:
            compare_waits(s, lang)
    with session() as s:
        command_title(s)


def wrapped(s80):
    """What changed at 80x24: the PPID sentence whole, wrapped."""
    s80.start(['--chain', 'sysv'])
    keys = L.chain_keys(s80.daemonlab, 'sysv')
    for k in range(1, 4):
        if k > 1:
            s80.send('n')
        step_total(s80, k, keys[k - 1])
    screen = s80.wait(lambda sc: sentence(changed_text(sc), 'PPID'),
                      'the PPID sentence at the fork')
    ppid = sentence(changed_text(screen), 'PPID')
    if not re.fullmatch(r'PPID \d+ → \d+ \S+ \(subreaper\): its parent '
                        r'exited; a child subreaper adopted it, not init',
                        ppid):
        raise L.Failure('the PPID sentence is not whole: %r\n%s'
                        % (ppid, screen.text()))
    s80.quit()


def wrapped_cwd(s80):
    """A sentence of three lines and more (a long working directory at
    chdir) is wrapped whole, not cut after two."""
    s80.start(['--chain', 'sysv'])
    keys = L.chain_keys(s80.daemonlab, 'sysv')
    for k in range(1, keys.index('chdir') + 2):
        if k > 1:
            s80.send('n')
        step_total(s80, k, keys[k - 1])
    want = squeeze('CWD %s → /: it keeps no mounted file system busy'
                   % s80.cwd)
    screen = s80.wait(lambda sc: sentence(changed_text(sc), 'CWD'),
                      'the CWD sentence at chdir')
    lines = changed_text(screen)
    got = squeeze(sentence(lines, 'CWD'))
    if got != want or len([l for l in lines if l.startswith('  ')]) < 2:
        raise L.Failure('the CWD sentence is not whole on its lines:\n'
                        '  screen: %s\n  want:   %s\n%s'
                        % (got, want, screen.text()))
    s80.quit()


def ended_mistake(s, lang):
    """The chain's end, in both languages."""
    s.start(['--chain', 'mistake', '--lang', lang])
    step_total(s, 1, 'start')
    s.send('n')
    step_total(s, 2, 'setsid')
    s.send('n')
    s.wait(lambda sc: ENDED[lang] in sc.text(),
           'n at the end to say %r' % ENDED[lang])
    s.quit()


def ended_bsd(s):
    s.start(['--chain', 'bsd'])
    keys = L.chain_keys(s.daemonlab, 'bsd')
    for k in range(1, len(keys) + 1):
        if k > 1:
            s.send('n')
        step_total(s, k, keys[k - 1])
    s.send('n')         # the daemon, the last step, is continued: the end
    s.wait(lambda sc: ENDED['en'] in sc.text(), 'the end of the bsd chain')
    s.send('n')
    s.wait(lambda sc: ENDED['en'] in sc.text(), 'n once more')
    s.quit()


def compare_waits(s, lang):
    """--compare: BSD waits out the second fork, and says why."""
    wait_words = {'en': 'BSD daemon(3) has no step "The second fork": it '
                        'waits for System V',
                  'zh-CN': 'BSD daemon(3) 没有“第二次 fork”这一步：它等待 '
                           'System V'}
    words = squeeze(wait_words[lang])
    s.start(['--compare', '--lang', lang])
    s.wait(lambda sc: progress(sc) == (1, 1), 'both chains at step 1')
    for want in ((2, 2), (3, 3), (4, 4)):
        s.send('n')
        s.wait(lambda sc: progress(sc) == want, 'steps %d, %d' % want)
        if words in squeeze(s.capture().text()):
            raise L.Failure('the BSD side says it waits at %d, %d' % want)
    s.send('n')
    screen = s.wait(lambda sc: progress(sc) == (5, 4) and words in
                    squeeze(sc.text()), 'the BSD side to say why it waits')
    if words in squeeze('\n'.join(screen.lines[:len(screen.lines) // 2])):
        raise L.Failure('the wait words are in the System V half')
    s.send('n')
    s.wait(lambda sc: progress(sc) == (6, 5) and words not in
           squeeze(sc.text()), 'the wait words gone at chdir')
    s.quit()


def command_title(s):
    """-- CMD: the title follows the command."""
    s.start(['--', 'step-start', 'step-umask', 'step-chdir'])
    s.wait(lambda sc: 'daemonlab · step-start' in sc.line(0),
           'the title to say step-start')
    s.send('n')
    s.wait(lambda sc: 'daemonlab · step-umask' in sc.line(0),
           'the title to follow the command to step-umask')
    s.quit()


def body(daemonlab, steps, case):
    if not L.utf8_locale():
        L.log('SKIP: no UTF-8 locale on this machine')
        sys.exit(L.SKIP)
    m = re.fullmatch(r'read-(\d+)x(\d+)-(en|zh-CN)', case)
    if m:
        case_read(daemonlab, steps, int(m.group(1)), int(m.group(2)),
                  m.group(3))
    elif case in ('full', 'glossary'):
        with L.Session('lesson', daemonlab, steps, cols=80, rows=24) as s:
            (case_full if case == 'full' else case_glossary)(s)
    elif case == 'pacing':
        case_pacing(daemonlab, steps)
    else:
        raise L.Failure('unknown case %r' % case)


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    daemonlab, steps = L.paths_from_argv(sys.argv[1:3])
    L.run_test('lesson-' + sys.argv[3],
               lambda: body(daemonlab, steps, sys.argv[3]))
