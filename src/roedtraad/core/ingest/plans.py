"""What a working contract needs from a goal's text: its activities (with a due date where the
text gives one) and its planned follow-ups (the forums and rhythms of the follow-up section).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from roedtraad.core.danish import MONTHS, split_sentences

from .dates import due_date
from .items import list_items
from .model import ParsedActivity, ParsedFollowUp, ParsedPartner
from .people import activity_owner, responsible_people
from .references import references_of
from .scope import is_group, is_multi_year, scope_of

ACTIVITY_SECTIONS = ("aktiviteter", "arbejde_med")
FOLLOW_UP_SECTIONS = ("opfoelgning",)
_RHYTHMS = [
    ("monthly", re.compile(r"månedlig|hver\s+måned|månedsvis|en\s+gang\s+om\s+måneden", re.I)),
    ("quarterly", re.compile(r"kvartalsvis|hvert\s+kvartal|en\s+gang\s+i\s+kvartalet", re.I)),
    (
        "half_yearly",
        re.compile(r"halvårlig|hvert\s+halve\s+år|to\s+gange\s+(?:om\s+året|årligt)|2\s+gange\s+årligt", re.I),
    ),
    ("yearly", re.compile(r"\bårlig|en\s+gang\s+om\s+året|hvert\s+år\b|årsafslutning", re.I)),
]
_FORUMS = re.compile(
    r"\b(lokal(?:t)?\s+MED(?:-udvalg)?|MED-udvalg(?:et)?|LMU|HMU|ledergruppen|chefgruppen|TRIO|"
    r"kontraktdialog(?:en)?|personalemøder?|arbejdsmiljøgruppen|ledelsesinformation|Targit|Power\s?BI|direktionen|"
    r"koncernledelsen|ledelsesteamet|styregruppen|bestyrelsen|"
    r"(?:afdelings|team|leder|ledelses|status|dialog|direktions|personale)møder(?:ne)?)\b",
    re.I,
)
# The council and its committees, by their capitals: "Teknisk Udvalg", "Økonomiudvalget",
# "Børne- og Ungeudvalget", "Byrådet" (not the "udvalg" of "MED-udvalg", a forum above).
_COMMITTEES = re.compile(
    r"\b([A-ZÆØÅ][a-zæøå]+\s+Udvalg(?:et)?|(?:[A-ZÆØÅ][a-zæøå]*-\s+og\s+)?(?<!-)[A-ZÆØÅ][a-zæøå]+udvalg(?:et)?|"
    r"Byråd(?:et)?|Kommunalbestyrelsen)\b"
)
_MONTH_LIST = re.compile(r"\bi\s+(" + "|".join(MONTHS) + r")(?:\s+og\s+(" + "|".join(MONTHS) + r"))?", re.I)


def read_plans(goal, year: int | None) -> None:
    """Fill the goal's activities, planned follow-ups, scope and duration from its text."""
    goal.activities = activities_of(goal.sections, year)
    goal.follow_ups = follow_ups_of(goal.sections, year)
    goal.partners = partners_of(goal)
    goal.responsible = responsible_people(goal.sections)
    goal.references = references_of(goal.sections)
    goal.multi_year = is_multi_year(goal.title, goal.sections)
    goal.scope = scope_of(goal.title, goal.sections, goal.shared_with)


_ROLE_WORDS = re.compile(r"ansvar|bidrag|står\s+for|rolle|stiller|leverer|deltager|i\s+samarbejde\s+med", re.I)


def partners_of(goal) -> list[ParsedPartner]:
    """The goal's partner units, each with the sentence that says what it does, where one does;
    a role already given (in the preview) is kept. A group ("Koncernledelsen") is no partner."""
    given = {p.name: p.role for p in getattr(goal, "partners", []) if p.role}
    sentences = [s for text in goal.sections.values() for s in split_sentences(" ".join(text.split()))]
    found = []
    for name in (n for n in goal.shared_with if not is_group(n)):
        saying = [s for s in sentences if name in s and _ROLE_WORDS.search(s)]
        # The partner as the sentence's subject says its role best ("X har ansvaret for …").
        sentence = next((s for s in saying if s.startswith(name)), saying[0] if saying else "")
        role = given.get(name) or (role_phrase(sentence, name) if sentence else "")
        found.append(ParsedPartner(name=name, role=role[:1000]))
    return found


# Where a sentence's clauses part: ", og …", "; …", ", mens …" (a role is one clause, not the sentence).
_CLAUSE = re.compile(r",\s+(?:og|men|mens|samt|hvor)\s+|;\s+|\s+–\s+")


def role_phrase(sentence: str, name: str) -> str:
    """What the partner does, from the sentence that names it: the clause with the partner and a
    role word, without the partner's own name in front ("Egelund har ansvaret for at planlægge
    samtalerne, og vi deltager" → "har ansvaret for at planlægge samtalerne"); "i samarbejde med
    X om at …" → "samarbejde om at …"."""
    clauses = [c.strip(" .") for c in _CLAUSE.split(sentence) if c.strip(" .")]
    clause = next((c for c in clauses if name in c and _ROLE_WORDS.search(c)), sentence.strip(" ."))
    together = re.search(rf"(?i)i\s+samarbejde\s+med\s+{re.escape(name)}\s+(om\s+.+)$", clause)
    if together:
        return f"samarbejde {together.group(1)}"
    if clause.startswith(name):
        clause = clause[len(name) :].strip(" ,")
    return clause


def activities_of(sections: dict[str, str], year: int | None) -> list[ParsedActivity]:
    text = next((sections[key] for key in ACTIVITY_SECTIONS if sections.get(key)), "")
    found = []
    for item in list_items(text):
        due = due_date(item, year) if year else None
        found.append(ParsedActivity(text=item, due=due.isoformat() if due else None, owner=activity_owner(item)))
    return found


def follow_ups_of(sections: dict[str, str], year: int | None) -> list[ParsedFollowUp]:
    """One planned follow-up per item of the follow-up section that gives a rhythm or months; an
    item with two rhythms ("følges månedligt i Targit og drøftes hvert halve år i lokal MED") is
    one plan per rhythm, each with the forums of its own clause."""
    text = next((sections[key] for key in FOLLOW_UP_SECTIONS if sections.get(key)), "")
    plans = []
    for whole in list_items(text):
        forums: list[str] = []
        for item in _by_rhythm(whole):  # a clause that names no forum meets in the one before
            rhythm = next((name for name, pattern in _RHYTHMS if pattern.search(item)), None)
            forums = _forums_in(item) or forums
            dates = _dates(item, rhythm, year)
            if rhythm or dates:
                plans.append(ParsedFollowUp(text=item, forum=", ".join(forums), rhythm=rhythm, dates=dates))
    return plans


def _forums_in(item: str) -> list[str]:
    """The forums an item names, in the order it names them."""
    found = sorted(
        (m.start(), " ".join(m.group(1).split())) for pattern in (_FORUMS, _COMMITTEES) for m in pattern.finditer(item)
    )
    return list(dict.fromkeys(name for _start, name in found))


_CLAUSE_BREAK = re.compile(r"\s*;\s*|,?\s+og\s+(?=\S)|(?<=[.!?])\s+")


def _rhythms(text: str) -> set[str]:
    return {name for name, pattern in _RHYTHMS if pattern.search(text)}


def _by_rhythm(item: str) -> list[str]:
    """The item as it is, or — when it names more than one rhythm — its clauses, a clause
    without a rhythm of its own kept with the clause before it (or after it, at the start)."""
    if len(_rhythms(item)) < 2:
        return [item]
    cuts = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(item)]
    parts = [
        (start, end)
        for start, end in zip([0, *(e for _s, e in cuts)], [*(s for s, _e in cuts), len(item)], strict=True)
    ]
    spans: list[list[int]] = []  # [start, end] of each clause with a rhythm
    for start, end in parts:
        if _rhythms(item[start:end]) or not spans:
            if spans and not _rhythms(item[spans[-1][0] : spans[-1][1]]):
                spans[-1][1] = end  # the clauses before the first rhythm belong to it
            else:
                spans.append([start, end])
        else:
            spans[-1][1] = end
    clauses = [item[start:end].strip() for start, end in spans]
    return clauses if sum(1 for c in clauses if _rhythms(c)) >= 2 else [item]


def _dates(item: str, rhythm: str | None, year: int | None) -> list[str]:
    """The meeting dates in the contract's year: the months the text names, else the rhythm's."""
    if not year:
        return []
    months = []
    for match in _MONTH_LIST.finditer(item):
        months += [MONTHS[m.lower()] for m in match.groups() if m]
    if not months:
        months = {
            "monthly": list(range(1, 13)),
            "quarterly": [3, 6, 9, 12],
            "half_yearly": [6, 12],
            "yearly": [12],
        }.get(rhythm or "", [])
    return [dt.date(year, m, calendar.monthrange(year, m)[1]).isoformat() for m in sorted(set(months))]
