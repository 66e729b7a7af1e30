"""The people a goal names as responsible, with their role: "Chef Anja Nørby Sørensen og
Centerchef Kathrine Rud-Clemmensen er ansvarlig for opfølgning …", "Centercheferne A og B er
ansvarlige …", "skoleleder Anne Hansen har ansvaret for …", "Chef Ida Holm og hele chefgruppen
følger op …" (the role: "følger op …"). A name is two to four capitalised
words; a title before it ("Chef", "Centercheferne", "skoleleder") is kept as the person's title
(a plural title applies to every name after it). Groups ("hele chefgruppen") are not people.
"""

from __future__ import annotations

import re

from roedtraad.core.danish import split_sentences

from .model import ParsedResponsible

_NAME_WORD = r"[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?"
_TITLE_WORD = r"(?:chef|leder|direktør|konsulent|koordinator|sekretær|formand)(?:erne|ene|ne|e|en)?"
# A part of the subject ends in a name, perhaps after a title: "… LMU Afdelingsleder Jonas Friis".
_PERSON = re.compile(
    rf"(?:(?<![\wæøå])(?P<title>(?i:[a-zæøå]*{_TITLE_WORD}))\s+)?(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})$"
)
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}$")
_TITLE = re.compile(rf"^(?P<title>[A-ZÆØÅa-zæøå]*{_TITLE_WORD})\s+(?P<rest>.+)$", re.I)
_RESPONSIBLE = re.compile(
    r"^(?P<who>.+?)\s+(?:er|bliver)\s+(?P<role>ansvarlige?\b.*?)$"
    r"|^(?P<who2>.+?)\s+har\s+(?P<role2>ansvaret\b.*?)$"
    r"|^(?P<who3>.+?)\s+(?:følger|vil følge|skal følge)\s+(?P<role3>op\b.*?)$",
    re.I,
)
# "Chef for Borgerservice Hanne Lund": a title for a unit, then the name (its last two words).
_TITLE_FOR = re.compile(
    rf"^(?P<title>(?i:[a-zæøå]*{_TITLE_WORD})\s+(?:for|i)\s+.+?)\s+(?P<name>{_NAME_WORD}\s+{_NAME_WORD})$"
)
_ROLE_END = re.compile(r",.*$|\s+(?:og|at|samt|dvs)\.?$", re.I)


def responsible_people(sections: dict[str, str]) -> list[ParsedResponsible]:
    found: list[ParsedResponsible] = []
    seen: set[str] = set()
    for text in sections.values():
        for sentence in split_sentences(" ".join(text.split())):
            match = _RESPONSIBLE.match(sentence.strip())
            if match is None:
                continue
            who = match.group("who") or match.group("who2") or match.group("who3")
            role = _role(match.group("role") or match.group("role2") or "følger " + match.group("role3"))
            for name, title in _names(who):
                if name not in seen:
                    seen.add(name)
                    found.append(ParsedResponsible(name=name, title=title, role=role[:200]))
    return found


def _role(text: str) -> str:
    """ "ansvarlige ift. opfølgning på udviklingsmålet og virkning, dvs. …" → "ansvarlig ift.
    opfølgning på udviklingsmålet og virkning" (at most eight words, to the first comma)."""
    role = " ".join(text.split()[:8])
    role = re.sub(r"^ansvarlige\b", "ansvarlig", role, flags=re.I)
    previous = None
    while previous != role:
        previous, role = role, _ROLE_END.sub("", role).rstrip(" ,.:;")
    return role


def _names(subject: str) -> list[tuple[str, str]]:
    out, title = [], ""
    for part in re.split(r",\s*|\s+og\s+", subject.strip()):
        part = part.strip()
        unit_title = _TITLE_FOR.match(part)
        if unit_title:
            title = unit_title.group("title")[:1].upper() + unit_title.group("title")[1:]
            out.append((unit_title.group("name"), title))
            continue
        titled = _TITLE.match(part)
        if titled and _NAME.match(titled.group("rest").strip()):
            title = _singular(titled.group("title"))  # a plural title goes on to the next names
            out.append((titled.group("rest").strip(), title))
            continue
        if _NAME.match(part):
            out.append((part, title))
            continue
        person = _PERSON.search(part)
        if person and not _TITLE.match(person.group("name")):
            title = _singular(person.group("title")) if person.group("title") else ""
            out.append((person.group("name"), title))
    return out


def _singular(title: str) -> str:
    title = re.sub(
        r"(chef|leder|direktør|konsulent|koordinator|sekretær|formand)(?:erne|ene|ne|e|en)$", r"\1", title, flags=re.I
    )
    return title[:1].upper() + title[1:]


# An activity's owner: "ansvarlig: Områdeleder Pia Kjær", "(tovholder: HR)", "– Pia Kjær er ansvarlig",
# "ansvarlig er teamleder Ole Bak".
_OWNER_LABEL = re.compile(
    r"(?i)(?:\b(?:ansvarlig|ansv\.|tovholder|ejer|ansvar)\s*:|\bansvarlig\s+er)\s*"
    r"(?P<who>[^.;:()\n]{2,80}?)\s*(?:[.;)]|$|,\s*(?:frist|senest|deadline|tidspunkt)\b)"
)
_OWNER_CLAUSE = re.compile(
    r"(?:^|[–—]\s*|,\s*|\(\s*)(?P<who>[A-ZÆØÅ][^.;,()–—]{1,60}?)\s+(?:er\s+ansvarlig|har\s+ansvaret)\b"
)


def is_person_name(text: str) -> bool:
    """Two to four capitalised words: a person's name, not a unit or a group ("HR", "Ledergruppen")."""
    return bool(_NAME.match(" ".join(text.split())))


_PRONOUNS = {"vi", "de", "man", "alle", "vi alle", "den", "det", "han", "hun"}


def activity_owner(item: str) -> str | None:
    """Who an activity names as its owner: a person's name (without the title before it) where it
    names a person, else the owner as written ("HR", "Ledergruppen"); None when it names none."""
    text = " ".join(item.split())
    match = _OWNER_LABEL.search(text) or _OWNER_CLAUSE.search(text)
    if match is None:
        return None
    who = match.group("who").strip(" ,-–")
    if who.lower() in _PRONOUNS:
        return None
    people = _names(who)
    return people[0][0] if len(people) == 1 else (who[:1].upper() + who[1:] if who else None)
