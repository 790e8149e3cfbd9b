#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""install: meson install into a scratch DESTDIR, then look at the tree as
a packager would:

- the manual pages are where man finds them (share/man/man1, man7);
- every relative link in the installed docs leads to an installed file;
- nothing in the docs folder is executable (the build's own scripts,
  such as docs/transcripts/update, stay in the source tree);
- the installed daemonlab runs the installed steps when DAEMONLAB_STEPS_DIR
  points at them, and without it, where they are not, names the folder
  it looked in and the variable;
- a transcript of every chain is installed in both languages, both
  daemonlab(1) pages describe --transcript, and the installed daemonlab
  writes one.

usage: check_install.py MESON BUILD-DIR BINDIR STEPSDIR DOCDIR MANDIR
(the last four as installed, without DESTDIR)"""

import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile

LINK = re.compile(r'\[[^\]]*\]\(([^)\s]+)\)')
failures = []


def fail(msg):
    failures.append(msg)
    print('FAIL: ' + msg)


def check_docs(docdir):
    print('docs installed in %s' % docdir)
    nlinks = 0
    for folder, _, files in os.walk(docdir):
        for name in files:
            path = os.path.join(folder, name)
            mode = os.stat(path).st_mode
            if mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH):
                fail('%s is executable: a build-time script installed '
                     'with the docs' % os.path.relpath(path, docdir))
            if not name.endswith('.md'):
                continue
            with open(path, encoding='utf-8') as f:
                text = f.read()
            for target in LINK.findall(text):
                if re.match(r'[a-z]+:', target) or target.startswith('#'):
                    continue
                nlinks += 1
                dest = os.path.normpath(os.path.join(
                    folder, target.split('#')[0]))
                if not os.path.exists(dest):
                    fail('%s links to %s, which is not installed' % (
                        os.path.relpath(path, docdir), target))
    print('%d relative links checked' % nlinks)
    if nlinks == 0:
        fail('no relative links found in the installed docs: the check '
             'looked at nothing')


def chains(bindir):
    p = subprocess.run([os.path.join(bindir, 'daemonlab'), '--help'],
                       capture_output=True, text=True, timeout=30)
    m = re.search(r'^Chains \(NAME\): (.*)\.$', p.stdout, re.M)
    return m.group(1).split(', ') if m else []


def check_transcripts(docdir, mandir, bindir, stepsdir):
    """A transcript of every chain in both languages, manual pages that
    tell how they are made, and the installed daemonlab making one."""
    names = chains(bindir)
    if not names:
        fail('daemonlab --help lists no chains')
    for lang in ('en', 'zh-CN'):
        for chain in names:
            path = os.path.join(docdir, 'transcripts', lang, chain + '.md')
            if not os.path.isfile(path):
                fail('transcripts/%s/%s.md is not installed' % (lang, chain))
    for page in ('man1/daemonlab.1', 'zh_CN/man1/daemonlab.1'):
        path = os.path.join(mandir, page)
        if os.path.isfile(path) and '\\-\\-transcript' not in open(
                path, encoding='utf-8').read():
            fail('%s does not describe --transcript' % page)
    env = dict(os.environ, DAEMONLAB_STEPS_DIR=stepsdir)
    p = subprocess.run([os.path.join(bindir, 'daemonlab'), '--transcript',
                        'mistake', '--lang', 'zh-CN'], env=env,
                       stdin=subprocess.DEVNULL, capture_output=True,
                       text=True, timeout=60)
    if p.returncode != 0 or '## 步骤 2/2' not in p.stdout:
        fail('the installed daemonlab --transcript mistake --lang zh-CN: '
             'exit %d, %s%s' % (p.returncode, p.stdout[-300:], p.stderr))
    else:
        print('the installed daemonlab wrote a transcript of %d lines' %
              p.stdout.count('\n'))


def check_steps(bindir, stepsdir, prefix_stepsdir):
    daemonlab = os.path.join(bindir, 'daemonlab')
    env = dict(os.environ)
    env['DAEMONLAB_STEPS_DIR'] = stepsdir
    p = subprocess.run([daemonlab, '--print-chain', 'sysv'], env=env,
                       capture_output=True, text=True, timeout=30)
    if p.returncode != 0 or stepsdir not in p.stdout:
        fail('with DAEMONLAB_STEPS_DIR=%s: exit %d, %s%s' % (
            stepsdir, p.returncode, p.stdout, p.stderr))
    env.pop('DAEMONLAB_STEPS_DIR')
    p = subprocess.run([daemonlab, '--print-chain', 'sysv'], env=env,
                       capture_output=True, text=True, timeout=30)
    if os.access(os.path.join(prefix_stepsdir, 'step-start'), os.X_OK):
        # Really installed on this machine: it must use that folder.
        print('%s exists: daemonlab must find the steps there' %
              prefix_stepsdir)
        if p.returncode != 0 or prefix_stepsdir not in p.stdout:
            fail('installed steps not used: exit %d, %s%s' % (
                p.returncode, p.stdout, p.stderr))
    elif (p.returncode != 2 or prefix_stepsdir not in p.stderr or
          'DAEMONLAB_STEPS_DIR' not in p.stderr):
        fail('steps not installed in %s: expected exit 2 naming that folder '
             'and DAEMONLAB_STEPS_DIR; got exit %d:\n%s%s' % (
                 prefix_stepsdir, p.returncode, p.stdout, p.stderr))
    else:
        print('without the steps, daemonlab says:\n' + p.stderr.rstrip())


def main():
    if len(sys.argv) != 7:
        print(__doc__)
        return 2
    meson, build, bindir, stepsdir, docdir, mandir = sys.argv[1:]
    if meson == '':
        print('SKIP: no meson on PATH to run meson install with')
        return 77
    destdir = tempfile.mkdtemp(prefix='dlab-install-')
    try:
        env = dict(os.environ, DESTDIR=destdir)
        p = subprocess.run([meson, 'install', '-C', build, '--no-rebuild'],
                           env=env, capture_output=True, text=True,
                           timeout=120)
        if p.returncode != 0:
            fail('meson install exited %d:\n%s%s' % (p.returncode, p.stdout,
                                                     p.stderr))
            return 1
        for page in ('man1/daemonlab.1', 'man7/daemonlab-steps.7',
                     'zh_CN/man1/daemonlab.1', 'zh_CN/man7/daemonlab-steps.7'):
            if not os.path.isfile(destdir + os.path.join(mandir, page)):
                fail('%s/%s is not installed' % (mandir, page))
        if not os.path.isfile(destdir + os.path.join(docdir, 'README.md')):
            fail('%s/README.md is not installed' % docdir)
        else:
            check_docs(destdir + docdir)
        check_steps(destdir + bindir, destdir + stepsdir, stepsdir)
        check_transcripts(destdir + docdir, destdir + mandir,
                          destdir + bindir, destdir + stepsdir)
    finally:
        shutil.rmtree(destdir, ignore_errors=True)
    print('%d problem(s)' % len(failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
