#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""gen-lessons.py - compile the lesson Markdown into a C table.

usage: gen-lessons.py OUT.c IN.md...

Each IN.md is docs/lessons/LANG/KEY.md. A lesson has a fixed shape:

    # Title                       one line
    (summary)                     paragraphs before the first "##"
    ## Why a daemon does it
    ## What to watch
    ## Pitfalls
    ## References
    ## Quiz                        optional: the question --quiz asks

with the four "##" sections in that order (and the quiz last, if any), under their names in the
lesson's language (SECTIONS below). OUT.c defines

    const struct lesson lessons[];     (see lessons.h; ends with {NULL})

holding key, lang, title, summary, watch, pitfalls and why as plain text:
inline Markdown removed (`code`, **bold**, *emphasis*, [text](url) ->
text), paragraphs separated by "\\n\\n", list items kept as lines that
start with "- ". watch_scope has one line per list item of "What to
watch", in order: the item's scope, the chain (and step-opentty option)
it is about, as the facts grammar of tests/docs/test_facts.c writes it
after the item's columns ("**TTY** (`bsd`): ..."), or an empty line for
an item about every chain; the inspector puts the current chain's items
first.

Any problem - a missing, empty, misnamed or misplaced section, a lesson
present in one language and not in the other, a field too long for a C
string literal - is reported as FILE:LINE: error: ... and the exit status
is 1; OUT.c is then left untouched.
"""

import html
import os
import re
import sys
import unicodedata

# The "##" sections of a lesson, in order, by language.
SECTIONS = {
    "en": ["Why a daemon does it", "What to watch", "Pitfalls",
           "References"],
    "zh-CN": ["守护进程为什么这样做", "看什么", "陷阱", "参考资料"],
}
# The sections that go into the C table, by their English name.
EMITTED = {"Why a daemon does it": "why", "What to watch": "watch",
           "Pitfalls": "pitfalls"}
# A watch item's scope: its columns, then (`S`) or （`S`）.
SCOPE_RE = re.compile(r"^\*\*[^*]+\*\*(?:(?:, | and |、| 和 )\*\*[^*]+\*\*)*"
                      r"\s*[(（]`([^`]+)`[)）]")
# An optional last section: the question `daemonlab --quiz` asks before
# the step (see parse_quiz).
QUIZ = {"en": "Quiz", "zh-CN": "测验"}
QUIZ_OPTIONS_MAX = 4          # answered with the digit keys 1-4
# What the inspector checks in /proc after the step (inspector/quiz.c):
# COLUMN same|changed|pid, COLUMN is VALUE, COLUMN starts VALUE, or a
# named check.
QUIZ_COLUMNS = ("PPID", "PID", "PGID", "SID", "TTY", "TPGID", "STAT",
                "UID", "UMASK", "CWD", "FDS", "COMMAND")
QUIZ_CHECK_RE = re.compile(r"^(?:(?:%s) (?:same|changed|pid|is \S.*|"
                           r"starts \S.*)|acquires-iff-leader)$"
                           % "|".join(QUIZ_COLUMNS))
QUIZ_OPTION_RE = re.compile(r"^\[( |x)\] (.+)$", re.S)

# ISO C99 (5.2.4.1) only promises string literals of 4095 bytes, and
# -Wpedantic enforces it (-Woverlength-strings), after concatenation.
LITERAL_MAX = 4095
CHUNK = 64            # bytes of text per line of the generated C

KEY_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
LIST_RE = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")


class LessonError(Exception):
    def __init__(self, path, line, message):
        super().__init__(f"{path}:{line}: error: {message}")


# --- Inline Markdown -----------------------------------------------------

def _plain_inline(text):
    """Removes emphasis and links from text that holds no code span."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)      # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)       # links
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)      # ref links
    text = re.sub(r"<((?:https?|mailto):[^>\s]+)>", r"\1", text)
    text = re.sub(r"\*\*(\S(?:.*?\S)?)\*\*", r"\1", text)      # **bold**
    # *emphasis*, __strong__: not inside a Latin word (a*b*c, O__X);
    # CJK text right next to them is fine, as in CommonMark.
    text = re.sub(r"(?<![A-Za-z0-9_*])\*(\S(?:.*?\S)?)\*(?![A-Za-z0-9_*])",
                  r"\1", text)
    text = re.sub(r"(?<![A-Za-z0-9_])__(\S(?:.*?\S)?)__(?![A-Za-z0-9_])",
                  r"\1", text)
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)        # \* \_ ...
    return html.unescape(text)


def strip_inline(text):
    """Plain text of one line or paragraph of Markdown."""
    out = []
    pos = 0
    for m in re.finditer(r"(`+)(.+?)\1(?!`)", text):
        out.append(_plain_inline(text[pos:m.start()]))
        code = m.group(2)
        if code.startswith(" ") and code.endswith(" ") and code.strip():
            code = code[1:-1]
        out.append(code)
        pos = m.end()
    out.append(_plain_inline(text[pos:]))
    return "".join(out)


def _wide(ch):
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _space_between(left, right):
    """Whether a line break between these two characters reads as a
    space: yes between Latin words; no between two CJK characters or
    next to CJK punctuation; yes between a CJK character and Latin text,
    as Chinese technical writing spaces them."""
    if not (_wide(left) or _wide(right)):
        return True
    if _wide(left) and _wide(right):
        return False
    wide = left if _wide(left) else right
    return not unicodedata.category(wide).startswith("P")


def join_lines(lines):
    """Joins the source lines of one paragraph or list item."""
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if text and _space_between(text[-1], line[0]):
            text += " "
        text += line
    return text


# --- Blocks ----------------------------------------------------------------

def render(lines):
    """Plain text of a run of Markdown lines: paragraphs joined by a blank
    line, a list as lines starting with "- ", code blocks verbatim."""
    blocks = []          # each: ("para" | "list" | "code", [items])
    i = 0
    while i < len(lines):
        _, line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.lstrip().startswith("```"):
            code = []
            i += 1
            while i < len(lines) and not lines[i][1].lstrip().startswith("```"):
                code.append(lines[i][1].rstrip())
                i += 1
            i += 1
            blocks.append(("code", code))
            continue
        m = LIST_RE.match(line)
        if m:
            items = []
            while i < len(lines):
                _, line = lines[i]
                m = LIST_RE.match(line)
                if m:
                    items.append([m.group(1)])
                elif not line.strip():
                    # A blank line ends the list unless an item follows.
                    j = i
                    while j < len(lines) and not lines[j][1].strip():
                        j += 1
                    if j < len(lines) and LIST_RE.match(lines[j][1]):
                        i = j
                        continue
                    break
                elif line.lstrip().startswith("```"):
                    break
                else:
                    items[-1].append(line)      # continuation line
                i += 1
            blocks.append(("list", items))
            continue
        para = []
        while i < len(lines):
            _, line = lines[i]
            if (not line.strip() or LIST_RE.match(line)
                    or line.lstrip().startswith("```")):
                break
            para.append(line)
            i += 1
        blocks.append(("para", para))

    out = []
    for kind, body in blocks:
        if kind == "code":
            out.append("\n".join(body))
        elif kind == "list":
            out.append("\n".join("- " + strip_inline(join_lines(item))
                                 for item in body))
        else:
            out.append(strip_inline(join_lines(body)))
    return "\n\n".join(out)


# --- Lessons ---------------------------------------------------------------

def list_scopes(lines):
    """The scope of each list item of a section, in order ("" for none)."""
    scopes = []
    for _, line in lines:
        m = LIST_RE.match(line)
        if m:
            s = SCOPE_RE.match(m.group(1))
            scopes.append(s.group(1) if s else "")
    return "\n".join(scopes)


def lesson_identity(path):
    """(lang, key) from .../lessons/LANG/KEY.md."""
    lang = os.path.basename(os.path.dirname(os.path.abspath(path)))
    name = os.path.basename(path)
    if lang not in SECTIONS:
        raise LessonError(path, 1, f"the lesson's folder names no known "
                          f"language ('{lang}'; expected one of "
                          f"{', '.join(SECTIONS)})")
    if not name.endswith(".md") or not KEY_RE.match(name[:-3]):
        raise LessonError(path, 1, "a lesson file is named KEY.md, KEY "
                          "being lower case letters, digits, '-' or '_'")
    return lang, name[:-3]


def parse(path):
    lang, key = lesson_identity(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise LessonError(path, 0, e.strerror) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise LessonError(path, line, "not valid UTF-8") from None
    lines = list(enumerate(text.split("\n"), start=1))
    if lines and lines[-1][1] == "":
        lines.pop()

    if not lines or not re.match(r"^# \S", lines[0][1]):
        raise LessonError(path, 1, "the first line must be the title: "
                          "'# Title'")
    title = strip_inline(lines[0][1][2:].strip())

    expected = SECTIONS[lang]
    quiz_at, quiz_lines = None, None
    sections = []               # (name, heading line, body lines)
    summary = []
    current = summary
    in_code = False
    for number, line in lines[1:]:
        if line.lstrip().startswith("```"):
            in_code = not in_code
        if not in_code and re.match(r"^#{1,6}(\s|$)", line):
            m = re.match(r"^## (.+?)\s*#*\s*$", line)
            if not m:
                raise LessonError(path, number, "only '## Section' "
                                  "headings may follow the title")
            name = m.group(1).strip()
            n = len(sections)
            if n == len(expected) and name == QUIZ[lang]:
                current = []
                quiz_at = number
                quiz_lines = current
                continue
            if n >= len(expected):
                raise LessonError(path, number, f"unexpected section "
                                  f"'{name}': a lesson has exactly "
                                  f"{len(expected)} sections")
            if name != expected[n]:
                where = (f"section {n + 1} must be '## {expected[n]}'")
                if name in expected:
                    where += f" ('{name}' is out of order)"
                raise LessonError(path, number, where)
            current = []
            sections.append((name, number, current))
            continue
        current.append((number, line))
    if in_code:
        raise LessonError(path, len(lines), "a ``` code block is not "
                          "closed")
    if len(sections) < len(expected):
        missing = expected[len(sections)]
        raise LessonError(path, len(lines), f"the lesson lacks the "
                          f"section '## {missing}'")

    if not title:
        raise LessonError(path, 1, "the title is empty")
    lesson = {"key": key, "lang": lang, "title": title, "path": path,
              "lines": {"title": 1, "summary": 2}}
    lesson["summary"] = render(summary)
    if not lesson["summary"]:
        raise LessonError(path, 2, "the summary (the text between the "
                          "title and the first '##') is empty")
    english = SECTIONS["en"]
    for index, (name, number, body) in enumerate(sections):
        rendered = render(body)
        if not rendered:
            raise LessonError(path, number, f"the section '{name}' is "
                              f"empty")
        field = EMITTED.get(english[index])
        if field:
            lesson[field] = rendered
            lesson["lines"][field] = number
        if field == "watch":
            lesson["watch_scope"] = list_scopes(body)
    lesson["quiz"] = (parse_quiz(path, quiz_at, quiz_lines)
                      if quiz_at is not None else None)
    for field in ("title", "summary", "watch", "pitfalls", "why"):
        size = len(lesson[field].encode("utf-8"))
        if size > LITERAL_MAX:
            label = {"title": "the title", "summary": "the summary",
                     "watch": f"the section '{expected[1]}'",
                     "pitfalls": f"the section '{expected[2]}'",
                     "why": f"the section '{expected[0]}'"}[field]
            raise LessonError(path, lesson["lines"][field], f"{label} is "
                              f"{size} bytes of text; a C string literal "
                              f"may hold {LITERAL_MAX}: shorten it")
    return lesson


def parse_quiz(path, at, lines):
    """The "## Quiz" section: the question (paragraphs), then a list of
    2 to 4 answers, "- [x] " before the right one and "- [ ] " before
    the others, then a line "Check: ..." (the same in every language)
    naming what /proc must show after the step for the right answer."""
    check = None
    body = []
    for number, line in lines:
        if line.startswith("Check:"):
            check = line[len("Check:"):].strip()
            if not QUIZ_CHECK_RE.match(check):
                raise LessonError(path, number, f"'Check: {check}' is "
                                  f"not a check the inspector knows: "
                                  f"COLUMN same|changed|pid, COLUMN is "
                                  f"VALUE, COLUMN starts VALUE, or "
                                  f"acquires-iff-leader")
        else:
            body.append((number, line))
    if check is None:
        raise LessonError(path, at, "the quiz lacks its 'Check:' line")
    first = next((i for i, (_, l) in enumerate(body) if LIST_RE.match(l)),
                 None)
    if first is None:
        raise LessonError(path, at, "the quiz lacks its list of answers")
    question = render(body[:first])
    answers = render(body[first:]).split("\n")
    options, right = [], []
    for a in answers:
        m = QUIZ_OPTION_RE.match(a[2:]) if a.startswith("- ") else None
        if m is None:
            raise LessonError(path, at, f"a quiz answer is '- [ ] text' "
                              f"or '- [x] text' (the right one): {a!r}")
        if m.group(1) == "x":
            right.append(len(options) + 1)
        options.append(m.group(2))
    if not question:
        raise LessonError(path, at, "the quiz has no question")
    if not 2 <= len(options) <= QUIZ_OPTIONS_MAX or len(right) != 1:
        raise LessonError(path, at, f"a quiz has 2 to {QUIZ_OPTIONS_MAX} "
                          f"answers, one of them marked [x]; this one has "
                          f"{len(options)}, {len(right)} marked")
    return {"question": question, "options": "\n".join(options),
            "right": right[0], "count": len(options), "check": check,
            "line": at}


def check_quizzes(lessons):
    """A quiz is asked in every language or in none, with the same
    number of answers, the same right one and the same check."""
    by_key = {}
    for lesson in lessons:
        by_key.setdefault(lesson["key"], []).append(lesson)
    for key, group in sorted(by_key.items()):
        with_quiz = [l for l in group if l["quiz"] is not None]
        if with_quiz and len(with_quiz) != len(group):
            lacking = [l for l in group if l["quiz"] is None][0]
            raise LessonError(lacking["path"], 1, f"lesson '{key}' has a "
                              f"quiz in {with_quiz[0]['lang']} "
                              f"({with_quiz[0]['path']}) but not here: "
                              f"add '## {QUIZ[lacking['lang']]}'")
        for l in with_quiz[1:]:
            a, b = with_quiz[0]["quiz"], l["quiz"]
            for what in ("count", "right", "check"):
                if a[what] != b[what]:
                    raise LessonError(l["path"], b["line"], f"the quiz's "
                                      f"{what} is {b[what]!r} here and "
                                      f"{a[what]!r} in "
                                      f"{with_quiz[0]['path']}: the "
                                      f"languages must ask the same quiz")


def check_languages(lessons):
    """Every key must be there in every language, once."""
    seen = {}
    for lesson in lessons:
        ident = (lesson["key"], lesson["lang"])
        if ident in seen:
            raise LessonError(lesson["path"], 1, f"lesson '{ident[0]}' "
                              f"({ident[1]}) is also given as "
                              f"{seen[ident]['path']}")
        seen[ident] = lesson
    keys = sorted({key for key, _ in seen})
    langs = sorted({lang for _, lang in seen})
    if langs and langs != sorted(SECTIONS):
        absent = sorted(set(SECTIONS) - set(langs))
        any_lesson = lessons[0]
        raise LessonError(any_lesson["path"], 1, f"no lessons in "
                          f"{', '.join(absent)}: every lesson needs a "
                          f"version in each of {', '.join(SECTIONS)}")
    for key in keys:
        have = [lang for lang in SECTIONS if (key, lang) in seen]
        for lang in SECTIONS:
            if lang not in have:
                other = seen[(key, have[0])]
                expected = os.path.join(os.path.dirname(os.path.dirname(
                    other["path"])), lang, key + ".md")
                raise LessonError(other["path"], 1, f"lesson '{key}' has "
                                  f"no {lang} version (expected "
                                  f"{expected} among the inputs)")


# --- C output ------------------------------------------------------------

def c_chunks(text):
    """text as a list of C string literal bodies: escaped, cut after each
    newline and about every CHUNK bytes, never inside a character."""
    chunks = []
    cur = ""
    size = 0
    prev = ""
    for ch in text:
        if ch == "\\":
            esc = "\\\\"
        elif ch == '"':
            esc = '\\"'
        elif ch == "\n":
            esc = "\\n"
        elif ch == "\t":
            esc = "\\t"
        elif ch == "?" and prev == "?":
            esc = "\\?"              # no trigraphs, whatever the -std
        elif ord(ch) < 0x20 or ord(ch) == 0x7f:
            esc = "\\%03o" % ord(ch)
        else:
            esc = ch
        cur += esc
        size += len(ch.encode("utf-8"))
        prev = ch
        if ch == "\n" or (size >= CHUNK and ch == " ") or size >= 2 * CHUNK:
            chunks.append(cur)
            cur = ""
            size = 0
    if cur or not chunks:
        chunks.append(cur)
    return chunks


def c_string(text, indent):
    return ("\n" + indent).join('"%s"' % c for c in c_chunks(text))


def write_c(out, lessons, inputs):
    order = {lang: n for n, lang in enumerate(SECTIONS)}
    lessons = sorted(lessons, key=lambda l: (l["key"], order[l["lang"]]))
    shown = [os.path.join(*os.path.normpath(p).split(os.sep)[-3:])
             for p in inputs]
    lines = ["/*",
             " * lessons-data.c - generated by docs/gen-lessons.py from:"]
    lines += [" *   " + p for p in shown]
    lines += [" * Do not edit: edit the Markdown.",
              " */",
              "#include <stddef.h>",
              "",
              '#include "lessons.h"',
              "",
              "const struct lesson lessons[] = {"]
    ind = "\t  "
    for l in lessons:
        lines.append("\t{ " + c_string(l["key"], ind) + ", " +
                     c_string(l["lang"], ind) + ",")
        for field in ("title", "summary", "watch"):
            lines.append(ind + c_string(l[field], ind) + ",")
        lines.append(ind + c_string(l["pitfalls"], ind) + ",")
        q = l["quiz"]
        if q is None:
            lines.append(ind + "NULL, NULL, 0, NULL,")
        else:
            lines.append(ind + c_string(q["question"], ind) + ",")
            lines.append(ind + c_string(q["options"], ind) + ",")
            lines.append(ind + "%d, " % q["right"] +
                         c_string(q["check"], ind) + ",")
        lines.append(ind + c_string(l["why"], ind) + ",")
        lines.append(ind + c_string(l["watch_scope"], ind) + " },")
    lines.append("	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, "
                 "NULL, NULL, NULL },")
    lines.append("};")
    data = "\n".join(lines) + "\n"
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(data)
    os.replace(tmp, out)


def main(argv):
    if len(argv) < 3 or argv[1] in ("-h", "--help"):
        sys.stderr.write("usage: gen-lessons.py OUT.c IN.md...\n")
        return 0 if len(argv) > 1 and argv[1] in ("-h", "--help") else 2
    out, inputs = argv[1], argv[2:]
    try:
        lessons = [parse(p) for p in inputs]
        check_languages(lessons)
        check_quizzes(lessons)
        write_c(out, lessons, inputs)
    except LessonError as e:
        sys.stderr.write(f"gen-lessons.py: {e}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
