"""Proposals to stop doing something ("hold op med").

Three places hold them: a section of its own ("Hold op med", "Det vil vi holde op med",
"Forslag til hvad vi vil holde op med") whose bullets are the items; a form's "Hold op med"
field (see `layouts/form.py`), whose bullets are quoted by their concrete clause ("Gennem
arbejdet med X (udviklingsmål nr. 3) er det ambitionen, at <clause>"); and, when a document
has no list, sentences in the goals that say what to stop ("Vi stopper med …", "holde op med
at …", "ophøre med", a trial "Prøvehandling: … vil vi ikke afholde …"). Left out: the principle
quoted from the framework ("Det, der ikke virker, skal vi holde op med") and the framework's
requirement repeated in an introduction.
"""

from __future__ import annotations

import re

from ..danish import join_lines, split_sentences
from .draft import Span
from .indicators import statements
from .lines import BULLET, FORM_LABEL, NUMBERED_GOAL, TOC_HEADING, split_lines
from .model import ParsedGoal

_STOP = re.compile(
    r"(?i)\bholde op med at\b|\bholder op med\b|\bstopper med\b|\bstoppe med at\b|\bophøre med\b|\bikke længere\b"
    r"|\bi stedet for at\b"
)
# A planned omission ("I 2025 vil vi ikke afholde …"), read only where a goal says what it will do.
_WILL_NOT = re.compile(r"(?i)\b(?:vil|skal) vi(?:\s+\w+){0,2}?\s+ikke\s+(?!kun\b|alene\b|blot\b|bare\b)[a-zæøå]+e\b")
_DOING_KEYS = {"aktiviteter", "arbejde_med", "udviklingsmaal"}
_PRINCIPLE = re.compile(r"(?i)det,? der ikke virker|forslag til (?:noget|en opgave|hvad) (?:vi|i)\b|skal fremgå")
_SECTION = re.compile(
    r"(?im)^[ \t]*(?:hold(?:e)? op med|det (?:vil|skal) vi holde op med|(?:forslag til )?(?:hvad|noget|opgaver,?) "
    r"(?:som )?vi (?:vil|skal|kan) holde op med|stop[- ]doing)[ \t]*:?[ \t]*$"
)
_LEAD = re.compile(r"(?i)holde op med\s*:?\s*$|følgende\s*:\s*$")
_VIA = re.compile(r"(?i)^(?:gennem|med|via) (?:arbejdet|udviklingen) (?:med|af)\b")
_CLAUSE = re.compile(
    r"(?i)(?:ambitionen er|sigtet er|målet er|er det (?:ambitionen|sigtet|målet|hensigten)),? at "
    r"(?:vi (?:kan|vil|skal) )?|bliver det muligt at "
)


def stop_section(text: str) -> tuple[Span, list[str]] | None:
    """The span of a stop-doing section of its own (heading to the next goal heading, a printed
    form's goal label or table of contents, or the end) and its items: the section's bullets, a
    lead line ("Vi foreslår at holde op med:") left out; a list run together on one line
    ("følgende:- Trykte programmer …- Manuel booking …") is split as a form's field is."""
    head = _SECTION.search(text)
    if not head:
        return None
    lines = [ln for ln in split_lines(text) if ln.start > head.end()]
    ends = (NUMBERED_GOAL, FORM_LABEL, TOC_HEADING)
    end = next((ln.start for ln in lines if any(p.match(ln.text) for p in ends)), len(text))
    items: list[list[str]] = []
    for ln in lines:
        if ln.start >= end:
            break
        bullet = BULLET.match(ln.text)
        if bullet and ln.text[bullet.end() :].strip():
            items.append([ln.text[bullet.end() :]])
        elif items and ln.stripped and not _LEAD.search(ln.text) and not ln.text[:1].isupper():
            items[-1].append(ln.text)
        elif not ln.stripped and items:
            items.append([])
    found = [joined for item in items if (joined := join_lines("\n".join(item)))]
    if not found:
        from .layouts.form import stop_items

        body = " ".join(ln.stripped for ln in lines if ln.start < end and not _SECTION.match(ln.text))
        found = stop_items(body) if re.search(r"[.:]\s*-\s", body) else _sentence_items(body)
    return (head.start(), end), found


def _sentence_items(body: str) -> list[str]:
    """Proposals written as sentences, not bullets: each sentence that says what stops starts a
    proposal, and a sentence that goes on about it ("Det frigiver tid til …") stays with it, so no
    text of the section is lost; a lead line ending in a colon is left out."""
    items: list[str] = []
    for sentence in split_sentences(join_lines(body)):
        stops = bool(_STOP.search(sentence) or _WILL_NOT.search(sentence))
        if not stops and (_LEAD.search(sentence) or _PRINCIPLE.search(sentence)):
            continue
        if not items or stops:
            items.append(sentence)
        else:
            items[-1] = f"{items[-1]} {sentence}"
    return items


def concrete_clause(item: str) -> str:
    """ "Gennem arbejdet med X (udviklingsmål nr. 3) er det ambitionen, at Y." → "Y": the part of a
    stop-doing bullet that names what stops, without the goal it comes from."""
    if not _VIA.match(item):
        return item
    ref = re.search(r"\((?:jf\. )?udviklingsmål(?: nr\.?)? ?\d+\)\s*", item)
    rest = item[ref.end() :] if ref else item.split(",", 1)[-1]
    clause = _CLAUSE.search(rest)
    if clause:
        rest = rest[clause.end() :]
    return rest.strip().rstrip(".").strip() or item


def stop_doing_in_goals(goals: list[ParsedGoal]) -> list[str]:
    items: list[str] = []
    for goal in goals:
        for key, text in goal.sections.items():
            will_not = key in _DOING_KEYS
            if not _STOP.search(text) and not (will_not and _WILL_NOT.search(text)):
                continue
            for sentence in statements(text):
                said = _STOP.search(sentence) or (will_not and _WILL_NOT.search(sentence))
                if said and not _PRINCIPLE.search(sentence) and sentence not in items:
                    items.append(sentence)
    return items


_GOAL_NUMBER = re.compile(r"\b(?:udviklings)?mål(?:ene)?\s+(?:nr\.\s*)?(\d{1,2}(?:\s*(?:,|og)\s*\d{1,2})*)", re.I)


def goal_numbers_in(text: str) -> list[int]:
    """The goals a stop-doing proposal names: "(udviklingsmål nr. 3)", "mål 2 og 4"."""
    numbers: list[int] = []
    for match in _GOAL_NUMBER.finditer(text):
        numbers += [int(n) for n in re.findall(r"\d+", match.group(1))]
    return list(dict.fromkeys(numbers))
