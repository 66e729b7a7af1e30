"""What a document says about itself on its first lines: kind, contract holder and year."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..danish import normalise_space

_TITLE = re.compile(
    r"(?im)^[ \t]*udviklings(?P<kind>kontrakt|aftale)(?:en)?[ \t]+(?:for[ \t]+)?(?P<year>(?:19|20)\d{2})"
    r"(?:[ \t]+for[ \t]*:?[ \t]*(?P<holder>[^\n]*))?$"
)
_LABEL = re.compile(
    r"(?im)^[ \t]*(?:kontraktholder|aftaleholder|enhed|organisation)[ \t]*:[ \t]*(?P<holder>[^\n]{2,80}?)[ \t]*$"
)
_MUNICIPALITY = re.compile(r"(?i)^[\wæøå -]*\bkommune$")
_PARTS = re.compile(r"\s+[–—-]\s+|\s*[,|/]\s+")
_LOCAL = re.compile(r"(?im)^[ \t•]*lokalt[ \t]+(?:i|hos)[ \t]+(?P<holder>[^\n]{2,80}?)[ \t]+vil[ \t]+vi\b")
_YEAR = re.compile(r"\b(20\d{2})\b")


@dataclass
class Header:
    kind: str
    holder: str
    year: int | None


def read_header(text: str) -> Header:
    """Kind from the first "Udviklingskontrakt/Udviklingsaftale <year>" title (a form may
    label its holder field differently from its own title), holder from the first title that
    names one, year from the title, else the commonest year near the top."""
    kind, holder, year = "", "", None
    for m in _TITLE.finditer(text):
        kind = kind or m.group("kind").lower()
        year = year or int(m.group("year"))
        name = normalise_space(m.group("holder") or "").strip(" :.-–")
        if name and not holder and len(name) <= 80:
            holder = name
    if not kind:
        kind = _word_kind(text)
    if not holder:
        label = _LABEL.search(text[:5000])
        holder = normalise_space(label["holder"]) if label else ""
    if not holder:
        holder = _beside_title(text)
    holder = without_municipality(holder)
    if not holder:
        counts = Counter(normalise_space(m.group("holder")) for m in _LOCAL.finditer(text))
        holder = counts.most_common(1)[0][0] if counts else ""
    if year is None:
        years = Counter(int(y) for y in _YEAR.findall(text[:3000]))
        year = years.most_common(1)[0][0] if years else None
    return Header(kind=kind, holder=holder, year=year)


def without_municipality(name: str) -> str:
    """The holder without the municipality written beside it ("Testby Kommune – Plejecenter
    Solsikken", "Skoleområde Syd, Testby Kommune"): the municipality is not the holder."""
    parts = [p.strip() for p in _PARTS.split(name) if p.strip()]
    kept = [p for p in parts if not _MUNICIPALITY.match(p)]
    if len(parts) > 1 and kept and len(kept) < len(parts):
        return " – ".join(kept)
    return name


def _word_kind(text: str) -> str:
    head = text[:5000].lower()
    contracts, agreements = head.count("udviklingskontrakt"), head.count("udviklingsaftale")
    if not contracts and not agreements:
        return ""
    return "aftale" if agreements > contracts else "kontrakt"


_NAME_LINE = re.compile(r"^[ \t]*(?P<name>[A-ZÆØÅ][^\n.:;!?\d•]{1,58}?)[ \t]*$")
_NOT_A_NAME = re.compile(r"(?i)^(?:indhold|indholdsfortegnelse|indledning|forord|udviklings|side\b)")


def _beside_title(text: str) -> str:
    """A holder written on its own line right under (or right above) a title that names none:
    "Udviklingsaftale 2024" / "Skoleområde Syd", or "Teknik og Miljø" / "Udviklingsaftale for 2025"."""
    title = _TITLE.search(text[:3000])
    if not title:
        return ""
    after = [ln for ln in text[title.end() :].split("\n")[1:6] if ln.strip()][:1]
    before = [ln for ln in text[: title.start()].split("\n")[-6:] if ln.strip()][-1:]
    for line in (*after, *before):
        m = _NAME_LINE.match(line)
        if (
            m
            and len(m["name"].split()) <= 6
            and not _NOT_A_NAME.match(m["name"])
            and not _MUNICIPALITY.match(m["name"].strip())
        ):
            return normalise_space(m["name"])
    return ""
