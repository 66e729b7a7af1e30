"""The framework document (DUS: Direktionens UdviklingsSpor): not a contract but what every
contract must contain.

requirements: the bullets after "Følgende skal fremgå af kontrakter og aftaler for <år>:",
each by its first sentence, plus the shared-goal rule (the sentences after the list that say
contracts shall/are expected to hold fælles mål). tracks: the list after "… spor er:".
focus_areas: the list after "… indsatsområder …:" and the sibling headings that follow it.
"""

from __future__ import annotations

import re

from ...danish import MONTHS, first_sentence, join_lines, split_sentences
from ..draft import LayoutDraft
from ..lines import BULLET, Line, looks_like_heading, next_nonblank, split_lines

# The line that opens the list of what every contract must contain, however it is worded:
# "Følgende skal fremgå af kontrakter og aftaler for 2023:", "I årets udviklingskontrakter og
# -aftaler skal følgende fremgå:", "Det skal fremgå af alle aftaler for 2025:".
REQUIREMENTS = re.compile(
    r"(?im)^[^\n]*?(?:følgende skal fremgå af [^\n]*?(?:kontrakt|aftale)"
    r"|(?:kontrakt|aftale)[^\n]*?\bskal\b[^\n]*?\bfremgå\b|\bskal\b[^\n]*?\bfremgå\b[^\n]*?(?:kontrakt|aftale))"
    r"[^\n]*?(?:for\s+(?P<year>\d{4}))?[^\n\d]*:[ \t]*$"
)
_REQUIREMENTS = REQUIREMENTS
_TRACKS = re.compile(r"(?i)(?<![\wæøå])spor(?:ene)?(?:\s+er)?\s*:\s*$")
_FOCUS = re.compile(r"(?i)\bindsatsområder\b[^\n]*:\s*$")
_SIGNATURE = re.compile(r"(?im)^\s*(?P<who>[A-ZÆØÅ][\wæøå]+)\s*,\s*(?:" + "|".join(MONTHS) + r")\s+\d{4}\s*$")
_SHARED_RULE = re.compile(r"(?i)fælles mål")
_NORMATIVE = re.compile(r"(?i)\bskal\b|forvent|\bmindst\b")
_NOT_FOCUS = re.compile(r"(?i)kontrakt|aftale|forventning|proces")


def read_framework(text: str) -> LayoutDraft:
    lines = split_lines(text)
    draft = LayoutDraft(layout="framework", kind="dus")
    for ln in lines:
        if _REQUIREMENTS.search(ln.text) and not draft.requirements:
            _requirements(lines, ln, draft)
        elif _TRACKS.search(ln.text) and not draft.tracks:
            draft.tracks = [join_lines(item.split("\n")[0]) for item, _span in _bullets(lines, ln.index + 1)]
        elif _FOCUS.search(ln.text) and not draft.focus_areas:
            draft.focus_areas = _focus_areas(lines, ln)
    signature = _SIGNATURE.search(text)
    draft.holder = signature["who"] if signature else ("Direktionen" if "Direktionen" in text else "")
    intro, pos = [], 0
    for start, end in sorted(draft.requirement_spans):
        intro.append((pos, start))
        pos = end
    draft.intro_spans = [*intro, (pos, len(text))]
    return draft


def _bullets(lines: list[Line], i: int) -> list[tuple[str, tuple[int, int]]]:
    """Bullet items from line i: a bullet runs over its continuation lines until the next
    bullet or a blank line followed by a line that is not a bullet."""
    items: list[tuple[str, tuple[int, int]]] = []
    current: list[Line] = []
    while i < len(lines):
        ln = lines[i]
        m = BULLET.match(ln.text) if not ln.blank else None
        if m and ln.text[m.end() :].strip():
            if current:
                items.append(_item(current))
            current = [ln]
        elif ln.blank:
            nxt = next_nonblank(lines, i)
            if nxt is None or not BULLET.match(nxt.text):
                break
        elif current and looks_like_heading(lines, ln):
            break  # a heading glued under the last bullet ends the list
        elif current:
            current.append(ln)
        else:
            break
        i += 1
    if current:
        items.append(_item(current))
    return items


def _item(lines: list[Line]) -> tuple[str, tuple[int, int]]:
    first = BULLET.sub("", lines[0].text, count=1)
    text = "\n".join([first, *(ln.text for ln in lines[1:])])
    return text, (lines[0].content_start, lines[-1].end)


def _requirements(lines: list[Line], line: Line, draft: LayoutDraft) -> None:
    items = _bullets(lines, line.index + 1)
    draft.requirements = [first_sentence(text) for text, _span in items]
    if items:
        draft.requirement_spans.append((items[0][1][0], items[-1][1][1]))
    if line.text and (m := _REQUIREMENTS.search(line.text)) and m["year"]:
        draft.year = int(m["year"])
    after = items[-1][1][1] if items else line.end
    following = "\n".join(ln.text for ln in lines if after <= ln.start < after + 1500)
    paragraph = re.split(r"\n\s*\n", following.strip(), maxsplit=1)[0]
    rule = _shared_rule(split_sentences(join_lines(paragraph)))
    if rule:
        draft.requirements.append(" ".join(rule))


def _focus_areas(lines: list[Line], line: Line) -> list[str]:
    """The listed focus areas (each bullet's first line), then sibling headings with a
    paragraph of their own before the next list of requirements."""
    items = _bullets(lines, line.index + 1)
    areas = [join_lines(text.split("\n")[0]) for text, _span in items]
    end = items[-1][1][1] if items else line.end
    for ln in lines:
        bulleted = ln.start > end and _bulleted_heading(lines, ln)
        if ln.start <= end or not (bulleted or looks_like_heading(lines, ln)):
            continue
        if _REQUIREMENTS.search(ln.text) or any(_REQUIREMENTS.search(x.text) for x in lines[: ln.index]):
            break
        if not _NOT_FOCUS.search(ln.text):
            areas.append(join_lines(BULLET.sub("", ln.text) if bulleted else ln.text))
    return areas


def _bulleted_heading(lines: list[Line], line: Line) -> bool:
    """A bullet that heads a paragraph of its own (a Word list item above a body paragraph):
    short, no sentence end, after a blank line, followed by text that is not a bullet."""
    m = BULLET.match(line.text)
    rest = line.text[m.end() :].strip() if m else ""
    if not rest or len(rest) > 60 or rest[-1] in ".,;:" or line.index == 0 or not lines[line.index - 1].blank:
        return False
    nxt = next_nonblank(lines, line.index)
    return nxt is not None and not BULLET.match(nxt.text)


def _shared_rule(sentences: list[str]) -> list[str]:
    """The shared-goal rule: from the first normative sentence on fælles mål ("skal", "forventer",
    "mindst") the following sentences that go on about where fælles mål are written."""
    start = next((i for i, s in enumerate(sentences) if _SHARED_RULE.search(s) and _NORMATIVE.search(s)), None)
    if start is None:
        return []
    rule = [sentences[start]]
    for sentence in sentences[start + 1 :]:
        if not (_SHARED_RULE.search(sentence) and re.search(r"(?i)kontrakt|aftale|\bskal\b", sentence)):
            break
        rule.append(sentence)
    return rule
