"""What a document says about itself on its first lines: kind, contract holder and year."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..danish import normalise_space

# "2026-2027", "2026–27", "2026/27": a title's year range (the first year is the contract's).
_RANGE = r"(?:[ \t]*[-–/][ \t]*(?:19|20)?\d{2}(?!\d))?"
_TITLE = re.compile(
    r"(?im)^[ \t]*udviklings(?P<kind>kontrakt|aftale)(?:en)?[ \t]+(?:for[ \t]+)?(?P<year>(?:19|20)\d{2})"
    + _RANGE
    + r"(?:(?:[ \t]+for[ \t]*:?|[ \t]*:)[ \t]*(?P<holder>[^\n]*))?$"
)
# The holder between the title and the year: "Udviklingskontrakt for Ældre og Omsorg 2024".
_TITLE_FOR = re.compile(
    r"(?im)^[ \t]*udviklings(?P<kind>kontrakt|aftale)(?:en)?[ \t]+for[ \t]+(?P<holder>[^\n\d]{2,80}?)[ \t,–-]+"
    r"(?:i[ \t]+)?\(?(?P<year>(?:19|20)\d{2})" + _RANGE + r"\)?[ \t]*$"
)
# A front page's title without a year ("UDVIKLINGSKONTRAKT" over the holder and the year).
_BARE_TITLE = re.compile(r"(?im)^[ \t]*udviklings(?P<kind>kontrakt|aftale)(?:en)?[ \t]*$")
# One part of a running header or footer ("Jobcenter Vest · Udviklingskontrakt 2026 · Side 3").
_TITLE_PART = re.compile(
    r"(?i)^udviklings(?P<kind>kontrakt|aftale)(?:en)?(?:[ \t]+(?:for[ \t]+)?(?P<year>(?:19|20)\d{2})" + _RANGE + ")?$"
)
_SEPARATOR = re.compile(r"[ \t]+[·•|–—-][ \t]+|[ \t]*\|[ \t]*|[ \t]{3,}")
_PAGE_PART = re.compile(r"(?i)^(?:side[ \t]*)?\d{1,3}(?:[ \t]*(?:af|/)[ \t]*\d{1,3})?$")
_DATE_PART = re.compile(
    r"(?i)^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.?[ \t]+[a-zæøå]+[ \t]+\d{4}|(?:19|20)\d{2})$"
)
_TITLE_LINE = re.compile(r"(?im)^[^\n]*\budviklings(?:kontrakt|aftale)[^\n]*$")
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


def read_header(text: str, running: list[str] | tuple[str, ...] = ()) -> Header:
    """Kind from the first "Udviklingskontrakt/Udviklingsaftale <year>" title (a form may label its
    holder field differently from its own title), holder from the first title that names one ("…
    2024 for X", "… for X 2024"), a "Kontraktholder:" label, a line beside the title or on the
    front page, or a running header or footer ("Jobcenter Vest · Udviklingskontrakt 2026 · Side
    2", in the text or in `running`, the lines the source kept apart); year from the title, else
    the commonest year near the top. Never the municipality."""
    kind, holder, year = "", "", None
    for m in _TITLE.finditer(text):
        kind = kind or m.group("kind").lower()
        year = year or int(m.group("year"))
        name = normalise_space(m.group("holder") or "").strip(" :.-–")
        if name and not holder and len(name) <= 80:
            holder = name
    titled = None if holder else _TITLE_FOR.search(text[:3000])
    if titled:
        kind, holder = kind or titled["kind"].lower(), normalise_space(titled["holder"])
        year = year or int(titled["year"])
    if not kind:
        kind = _word_kind(text)
    if not holder:
        label = _LABEL.search(text[:5000])
        holder = normalise_space(label["holder"]) if label else ""
    if not holder:
        holder = _beside_title(text)
    if not holder:
        found = _from_running([*running, *(m.group(0) for m in _TITLE_LINE.finditer(text))])
        if found:
            kind, holder, year = kind or found.kind, found.holder, year or found.year
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
    "Udviklingsaftale 2024" / "Skoleområde Syd", or "Teknik og Miljø" / "Udviklingsaftale for 2025";
    on a front page also below a title without a year, past a municipality or a year line
    ("UDVIKLINGSKONTRAKT" / "Fjordby Kommune" / "Jobcenter Vest" / "2026")."""
    title = _TITLE.search(text[:3000])
    bare = None if title else _BARE_TITLE.search(text[:1500])
    found = title or bare
    if not found:
        return ""
    lines_after = [ln for ln in text[found.end() :].split("\n")[1:8] if ln.strip()]
    if bare:  # a front page: skip the municipality and the year, stop at the first sentence
        lines_after = [ln for ln in lines_after[:4] if not _MUNICIPALITY.match(ln.strip())]
        lines_after = [ln for ln in lines_after if not _DATE_PART.match(ln.strip())]
        lines_after = [re.sub(r"(?i)^\s*for\s+", "", ln) for ln in lines_after]
    after = lines_after[:1]
    before = [ln for ln in text[: found.start()].split("\n")[-6:] if ln.strip()][-1:]
    for line in (*after, *before):
        if _is_name(line):
            return normalise_space(line)
    return ""


def _is_name(line: str) -> bool:
    m = _NAME_LINE.match(line)
    return bool(
        m
        and len(m["name"].split()) <= 6
        and not _NOT_A_NAME.match(m["name"])
        and not _MUNICIPALITY.match(m["name"].strip())
    )


def _from_running(lines: list[str]) -> Header | None:
    """Kind, holder and year from a running header or footer that names the document beside its
    holder ("Jobcenter Vest · Udviklingskontrakt 2026", "Udviklingsaftale 2025 | Side 2 | Kultur og
    Fritid"): one part is the title, the pages, dates and the municipality are dropped, and one
    name is left."""
    for line in lines:
        parts = [p.strip() for p in _SEPARATOR.split(line.strip()) if p.strip()]
        titles = [m for p in parts if (m := _TITLE_PART.match(p))]
        if len(parts) < 2 or not titles:
            continue
        rest = [
            p
            for p in parts
            if not _TITLE_PART.match(p)
            and not _PAGE_PART.match(p)
            and not _DATE_PART.match(p)
            and not _MUNICIPALITY.match(p)
        ]
        if len(rest) == 1 and _is_name(rest[0]):
            year = next((int(m["year"]) for m in titles if m["year"]), None)
            return Header(kind=titles[0]["kind"].lower(), holder=normalise_space(rest[0]), year=year)
    return None
