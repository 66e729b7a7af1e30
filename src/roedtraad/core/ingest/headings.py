"""The vocabulary of section headings, shared by all layouts.

A heading is matched on a whole line (a bullet in front and a colon behind are allowed):
the heading alone ("Tidsperspektiv"), with a short qualifier before a colon ("Arbejde hen
imod et tilbud:", "Arbejdet foregår med afsæt i spor 7 i:") or with its content after a
colon on the same line ("Aktiviteter: Der …"). A phrase that runs on as prose
("Arbejdet foregår på baggrund af indsatsområdet …") is not a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (canonical key, phrase regex). Order matters: longer phrases first.
_VOCABULARY: list[tuple[str, str]] = [
    ("opfoelgning", r"opfølgning på udviklingsmålet(?: og (?:dets )?virkning(?:en)?)?"),
    ("opfoelgning", r"(?:lokal |fælles )?opfølgning(?: og evaluering)?"),
    ("opfoelgning", r"evaluering(?: og opfølgning)?|måling og opfølgning"),
    ("politisk_afsaet", r"det politiske og strategiske afsæt"),
    ("politisk_afsaet", r"politisk(?:e)? og strategisk(?:e)? afsæt"),
    ("politisk_afsaet", r"arbejdet foregår (?:på baggrund af|med afsæt i|med udgangspunkt i)"),
    ("baggrund_formaal", r"baggrund(?:en)? og formål(?:et)?"),
    ("baggrund_formaal", r"formål(?:et)? og baggrund(?:en)?"),
    ("baggrund_formaal", r"formålet er"),
    ("baggrund_formaal", r"baggrund(?:en)?|formål(?:et)?"),
    ("virkning_borger", r"forvent(?:et|ede?) (?:virkning|effekt)(?:er)? for borger(?:en|ne)"),
    ("virkning_borger", r"(?:virkning|effekt|værdi)(?:en|er)? for borger(?:en|ne)"),
    ("tidsperspektiv", r"tidsperspektiv(?:et)?|tidsplan(?:en)?"),
    ("aktiviteter", r"(?:fælles ramme for )?aktiviteter(?:/opgaver| og opgaver| og milepæle| og tidsplan)?"),
    ("aktiviteter", r"handlinger|indsatser|handleplan(?:en)?|tiltag"),
    ("arbejde_hen_imod", r"arbejde hen imod"),
    ("arbejde_med", r"arbejde med"),
    ("samarbejde_med", r"samarbejde med|samarbejdspartnere"),
    ("udviklingsmaal", r"udviklingsmål(?:et)?"),
    # A goal's measurable statement under the names other templates give it.
    ("udviklingsmaal", r"(?:mål(?:et)? og )?succeskriteri(?:er|erne|um)|mål og indikatorer|målsætning(?:en|er)?"),
    ("udviklingsmaal", r"indikator(?:er|erne)?|resultatmål"),
    # A template of questions: "Hvorfor?", "Hvad vil vi opnå?", "Hvordan gør vi?", "Hvordan følger vi op?".
    ("baggrund_formaal", r"hvorfor(?: er det vigtigt| gør vi det| dette mål)?\??"),
    ("udviklingsmaal", r"hvad vil vi (?:opnå|nå)\??|hvad er målet\??|hvad skal vi opnå\??"),
    ("virkning_borger", r"hvad betyder det for borger(?:en|ne)\??|hvad får borger(?:en|ne) ud af det\??"),
    ("aktiviteter", r"hvordan (?:gør vi(?: det)?|når vi (?:det|målet)|vil vi gøre det)\??|hvad gør vi\??"),
    ("opfoelgning", r"hvordan (?:følger vi op|måler vi|ved vi,? om vi lykkes)\??"),
    ("samarbejde_med", r"hvem (?:samarbejder vi med|er med|skal vi samarbejde med)\??"),
    ("tidsperspektiv", r"hvornår\??"),
]

# Section names other templates print, as words (the patterns above read them; a two-column
# table's label wrapped over lines, "Mål og" / "succeskriterier", is told by these words' starts).
OTHER_NAMES = (
    "formål og baggrund",
    "formål",
    "baggrund",
    "mål og succeskriterier",
    "succeskriterier",
    "succeskriterium",
    "mål og indikatorer",
    "målsætning",
    "indikatorer",
    "handlinger",
    "indsatser",
    "handleplan",
    "tiltag",
    "tidsplan",
    "aktiviteter og milepæle",
    "evaluering",
    "opfølgning og evaluering",
    "forventet effekt for borgeren",
    "samarbejdspartnere",
    "hvorfor?",
    "hvad vil vi opnå?",
    "hvordan gør vi?",
    "hvordan følger vi op?",
)

# Keys whose heading may carry a short qualifier before its colon.
_QUALIFIABLE = {"politisk_afsaet", "arbejde_hen_imod", "baggrund_formaal"}
_BULLET = r"(?:[•▪◦·\-\*o]\s+|\d+[.)]\s+)?"
_COMPILED = [
    (key, re.compile(rf"^\s*{_BULLET}(?P<phrase>{phrase})(?P<rest>.*)$", re.IGNORECASE)) for key, phrase in _VOCABULARY
]
# Any phrase at a line's start: a line that does not match this matches none of `_COMPILED`.
_ANY_PHRASE = re.compile(rf"\s*{_BULLET}(?:" + "|".join(phrase for _key, phrase in _VOCABULARY) + ")", re.IGNORECASE)
_HEADING_ONLY = re.compile(
    r"\s*(?:" + "|".join(phrase for _key, phrase in _VOCABULARY) + r")\s*:?\s*",
    re.IGNORECASE,
)


# Everyday words that are headings only standing alone ("Evaluering", "Formål: Færre …"): never
# a list's item ("• Evaluering i december") nor a lower-case clause after a colon ("Formål: at …").
_GENERIC = re.compile(
    r"(?i)baggrund(?:en)?|formål(?:et)?|handlinger|indsatser|tiltag|evaluering|indikator(?:er|erne)?|hvornår\??"
)


def _generic_heading(line: str, m: re.Match) -> bool:
    if line[: m.start("phrase")].strip():
        return False
    content = m.group("rest").lstrip(" :\t")
    return not content or content[0].isupper()


@dataclass(frozen=True)
class HeadingMatch:
    key: str
    content_offset: int  # offset in the line where the section's own text starts (len(line) if none)
    qualifier: str = ""


def match_heading(line: str, keys: set[str] | None = None) -> HeadingMatch | None:
    """The section heading a line is, or None. `keys` limits the vocabulary (a layout's own)."""
    if len(line) > 400 or not _ANY_PHRASE.match(line):
        return None
    for key, pattern in _COMPILED:
        if keys is not None and key not in keys:
            continue
        m = pattern.match(line)
        if not m or (_GENERIC.fullmatch(m.group("phrase")) and not _generic_heading(line, m)):
            continue
        found = _classify_rest(key, m.group("rest"), m.start("rest"), len(line))
        if found is not None:
            return HeadingMatch(key, found[0], found[1])
    return None


def _classify_rest(key: str, rest: str, offset: int, length: int) -> tuple[int, str] | None:
    """(content offset, qualifier) when what follows the phrase keeps the line a heading."""
    if not rest.strip() or re.fullmatch(r"\s*:\s*", rest):
        return length, ""
    colon = re.match(r"\s*:\s*(?=\S)", rest)
    if colon:
        return offset + colon.end(), ""
    tail = re.fullmatch(r"\s+([^:\n]{1,30}?)\s*:\s*", rest)
    if tail and key in _QUALIFIABLE | {"arbejde_med", "samarbejde_med"} and len(tail.group(1).split()) <= 3:
        return length, tail.group(1)
    return None


def is_heading_only_line(stripped: str) -> bool:
    """True for a line made of one or more section headings and nothing else
    ("Udviklingsmål Forventede virkninger for borgeren Tidsperspektiv")."""
    if not stripped or len(stripped) > 200:
        return False
    rest = stripped
    while rest:
        m = _HEADING_ONLY.match(rest)
        if not m or m.end() == 0:
            return False
        rest = rest[m.end() :]
    return True
