"""Quantified targets (måltal) in a goal's prose.

The number grammar: a change from a level to a level ("fra de seneste 12 måneders 8,22 % til
7,8 %", "i 2022 på 7,8% til 7 %"), a level ("Måltal … = 3,4 %", a centre list "Center X =
2,9 % i 2023"), a level to reach ("skal ned på 6 %", "reduceres til 6 %", "skal højst være 5 %"), a bound or
share ("under 2,5 pct.", "min. 50%", "minimum halvdelen", "3 ud af 4" → 75 %) and a
relative change ("nedbringes med 10%" → -10, unit "% ændring"). Days, weeks, hours and amounts
("under 12 dage pr. medarbejder", "ned på 20 dage", "reduceres med 4,6 mio. kr." → -4.6, unit
"mio. kr. ændring") are targets only behind a word that sets a level or a bound; a count, an
amount or a date stated as a fact is not. A bare level ("er 4,4 %", "takseret til 8 %",
"Budgettet er på 4,6 mio. kr.") is background. A sentence in a goal's statement that promises
a number but gives none of these shapes is kept as unread (`unread_targets`), for the preview.

Baseline: the starting value in the same sentence, else — for a level target of the holder
itself — the current level of the same measure stated in the goal's background. Scope: the
unit named in front of "=" or the holder. Year: stated after the target (or with "i <år>" in
front of "="), None for long-term "Arbejde hen imod"/"på sigt" targets, else the contract year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..danish import FRACTION_WORDS, UPPER, normalise_space, parse_number, split_sentences
from .items import CELL
from .model import ParsedGoal, ParsedIndicator

NUM = r"\d{1,3}(?:,\d{1,2})?"
PCT = r"[ \t]?(?:%|pct\.?(?!-)|procent\b)"
_FROM_TO = re.compile(
    rf"\b(?:fra|på)\s+(?:[^%=]{{0,60}}?\s)?(?P<base>{NUM})(?:{PCT}(?:\s+i\s+20\d\d)?|(?=\s+til\s+{NUM}{PCT}))"
    rf"\s+til\s+(?P<target>{NUM}){PCT}",
    re.I,
)
# The level before the baseline: "skal ned på 5 % fra 6,4 %", "reduceres til 5 % fra de nuværende 6,4 %".
_TO_FROM = re.compile(
    rf"\b(?:(?:ned|op)\s+(?:på|til)|til)\s+(?P<target>{NUM}){PCT}\s+\(?fra\s+(?:[^%=.]{{0,40}}?\s)?(?P<base>{NUM}){PCT}",
    re.I,
)
_LEVEL = re.compile(rf"(?P<left>[^=]{{0,160}}?)\s*=\s*(?P<target>{NUM}){PCT}", re.I)
_BOUND = re.compile(
    rf"\b(?P<cue>under|højst|maks(?:imalt|\.)?|max\.?|mindre end|over|mindst|min\.|minimum|op til|"
    rf"ikke\s+(?:overstige|være\s+over|komme\s+over|mere\s+end))\s+(?:være\s+(?:på\s+)?)?(?P<target>{NUM}){PCT}",
    re.I,
)
# "Målet er et sygefravær på 5,5 %", "målet er en andel på 80 %".
_AIM = re.compile(rf"\bmål(?:et|tallet)\s+er\s+(?:et|en)\s+[^.%=]{{1,60}}?\bpå\s+(?P<target>{NUM}){PCT}", re.I)
# "halvere antallet af klager" → -50 % ændring, "fordoble" → +100.
_HALVE = re.compile(r"\b(?P<verb>halver(?:e|es|et)|fordobl(?:e|es|et))\b", re.I)
# A count of things behind a bound in a sentence that sets it: "færre end 20 klager".
_COUNT = re.compile(
    r"\b(?P<cue>færre end|flere end|højst|maksimalt|mindst|minimum|under|over)\s+(?P<target>\d{1,4})\s+"
    r"(?P<noun>(?!år\b|årige\b|måneder\b|gange\b|dage\b|uger\b|timer\b|minutter\b|kr\b|mio\b|mia\b|procent\b|pct\b)"
    r"[a-zæøå]{3,20})\b",
    re.I,
)
_DOWN = r"nedbringes|nedbringe|reduceres|reducere|sænkes|sænke|mindskes|mindske|falde|falder"
_UP = r"øges|øge|hæves|hæve|forøges|stige|stiger"
_CHANGE = re.compile(
    rf"\b(?P<verb>{_DOWN}|{_UP})\b[^.%]{{0,40}}?\bmed\s+(?P<target>{NUM})\s?(?P<unit>%|pct\.?|procent(?:point)?|pct\.-point)",
    re.I,
)
# A level to reach: "skal ned på 6 %", "reduceres til 6 %", "skal højst være 5 %", "op på 80 %".
_TO_LEVEL = re.compile(
    rf"\b(?:(?:ned|op)\s+(?:på|til)|(?:reduceres|nedbringes|sænkes|mindskes|øges|hæves|forøges|stiger?|falder?)\s+til|"
    rf"skal\s+(?:[a-zæøå]+\s+){{0,3}}?være\s+(?:højst\s+|maksimalt\s+|mindst\s+|på\s+)?)\s*(?P<target>{NUM}){PCT}",
    re.I,
)
_FRACTION = re.compile(
    r"\b(?P<cue>min\.|minimum|mindst|over|op til|højst|målet(?:\s+er)?,?\s+at)\s+(?P<frac>"
    + "|".join(FRACTION_WORDS)
    + r")\b",
    re.I,
)
# "Målet er, at 85 % af eleverne …": the share the goal aims at (more is better).
_AIM_SHARE = re.compile(rf"\bmålet(?:\s+er)?,?\s+at\s+(?:mindst\s+)?(?P<target>{NUM}){PCT}\s+af\b", re.I)
# "en stigning på 10 %", "et fald på 2 procentpoint": a relative change named by its noun, read
# where the sentence wants it ("Målet er …", "Vi ønsker …"), not of a change that has been.
_WANTS = re.compile(r"(?i)\b(?:vil|ønsker|ønsket|forventer|sigter)\b")
_CHANGE_NOUN = re.compile(
    rf"\b(?P<noun>stigning|forøgelse|øgning|vækst|fald|reduktion|nedgang|nedbringelse)\s+(?:[a-zæøå]+\s+){{0,3}}?"
    rf"på\s+(?P<target>{NUM})\s?(?P<unit>%|pct\.?|procent(?:point)?|pct\.-point)",
    re.I,
)
# "3 ud af 4 borgere skal …": a share as a fraction of whole numbers, in a sentence that sets it.
_NUMBER_WORDS = {
    "en": 1,
    "et": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "syv": 7,
    "otte": 8,
    "ni": 9,
    "ti": 10,
}
_COUNT_WORD = r"\d{1,3}|" + "|".join(_NUMBER_WORDS)
_OUT_OF = re.compile(rf"\b(?P<part>{_COUNT_WORD})\s+ud\s+af\s+(?P<whole>{_COUNT_WORD})\b", re.I)
_SETS = re.compile(r"(?i)\b(?:skal|må|mindst|højst|minimum|maksimum|målet|måltal|forventer|sigter|ambitionen)\b")
# Other units than percent: days (per employee), weeks, hours, minutes, amounts.
_MEASURE_WORDS = (
    r"(?:arbejds)?dage(?:\s+(?:pr\.|per)\s+(?:medarbejder|ansat|fuldtidsansat|fuldtidsstilling|årsværk))?"
    r"|uger|timer|minutter|mio\.\s?kr\.?|mia\.\s?kr\.?|kr\."
)
_MEASURE = rf"(?P<measure>{_MEASURE_WORDS})(?![\wæøå])"
# A change between two levels in such a unit: "fra 14 dage til 10 dage", "fra 7 til 3 minutter",
# "ned på 5 dage fra 14 dage", "reduceres til 20 dage fra de nuværende 26".
_FROM_TO_MEASURE = re.compile(
    rf"\bfra\s+(?:[^.=%]{{0,60}}?\s)?(?P<base>{NUM})(?![\d,])(?:\s?(?:{_MEASURE_WORDS}))?\s+til\s+"
    rf"(?P<target>{NUM})(?![\d,])\s?{_MEASURE}",
    re.I,
)
_TO_FROM_MEASURE = re.compile(
    rf"\b(?:(?:ned|op)\s+(?:på|til)|(?:reduceres|nedbringes|sænkes|mindskes|øges|hæves|forøges|stiger?|falder?)\s+til)\s+"
    rf"(?P<target>{NUM})(?![\d,])\s?{_MEASURE}\s+fra\s+(?:[^.=%]{{0,40}}?\s)?(?P<base>{NUM})(?![\d,])"
    rf"(?:\s?(?:{_MEASURE_WORDS}))?(?![\wæøå])",
    re.I,
)
_MEASURE_BOUND = re.compile(
    rf"\b(?P<cue>under|højst|maks(?:imalt|\.)?|max\.?|mindre end|færre end|over|mindst|min\.|minimum|flere end|"
    rf"ikke\s+(?:overstige|være\s+over|komme\s+over|mere\s+end)|(?:ned|op)\s+(?:på|til)|(?:reduceres|nedbringes|sænkes|mindskes|øges|hæves|forøges|stiger?|falder?)\s+til)"
    rf"\s+(?:være\s+(?:på\s+)?)?(?P<target>{NUM})\s?{_MEASURE}",
    re.I,
)
_MEASURE_CHANGE = re.compile(
    rf"\b(?P<verb>{_DOWN}|{_UP}|spare|spares|besparelse\s+på)\b[^.%]{{0,40}}?\b(?:med|på)\s+(?P<target>{NUM})\s?"
    rf"(?P<measure>mio\.\s?kr\.?|mia\.\s?kr\.?|kr\.)(?![\wæøå])",
    re.I,
)
# A score: "mindst 4,2 på en skala fra 1 til 5", "mindst 3,8 (skala 1-5)", "over 75 point".
_SCALE = (
    r"(?:på\s+en\s+skala\s+(?:fra\s+)?(?P<low>\d{1,2})\s*(?:til|-|–)\s*(?P<high>\d{1,3})"
    r"|\(\s*skala\s+(?P<low2>\d{1,2})\s*(?:til|-|–)\s*(?P<high2>\d{1,3})\s*\)|(?P<points>point)\b)"
)
_SCORE = re.compile(
    rf"\b(?P<cue>under|højst|maks(?:imalt)?|over|mindst|minimum|(?:ned|op)\s+(?:på|til)|på)\s+"
    rf"(?:være\s+)?(?P<target>{NUM})\s+{_SCALE}",
    re.I,
)
# A table row of indicators, its cells under their column's names (`items.row_item`):
# "Sygefravær – Baseline 2024: 6,2 % – Mål 2026: 5,5 %".
_ROW_BASE = re.compile(
    rf"(?:^|–\s*)(?:baseline|udgangspunkt(?:et)?|nuværende niveau|niveau|status)(?:\s+(?:20\d\d|i dag))?:\s*"
    rf"(?P<base>{NUM})(?![\d,])",
    re.I,
)
_ROW_GOAL = re.compile(
    rf"(?:^|–\s*)(?:mål(?:tal|et)?|målsætning|target)(?:\s+(?P<year>20\d\d))?:\s*(?P<target>{NUM})(?![\d,])\s?"
    rf"(?P<unit>%|pct\.?|procent|{_MEASURE_WORDS})?",
    re.I,
)
# A score without its scale, where the sentence says it is one ("Tilfredsheden skal være på mindst
# 4,0", "en trivselsscore på over 7,5"): a figure of at most 10 behind a bound, in points.
_SCORE_WORDS = re.compile(r"(?i)tilfredshed|trivsel|score|karakter|vurdering|\bnps\b")
_BARE_SCORE = re.compile(
    rf"\b(?P<cue>under|højst|maks(?:imalt)?|over|mindst|minimum)\s+(?:være\s+)?(?:på\s+)?(?P<target>{NUM})"
    r"(?![\d,]|\s?(?:%|pct|procent|dage|uger|timer|minutter|kr|mio|mia|ud af|år|gange|point|på en skala|\(skala))",
    re.I,
)
_QUANTITY = re.compile(
    r"(?i)%|pct|procent|\bud af\b|dage\b|uger\b|timer\b|minutter\b|kr\.|skala|point\b|halver|fordobl|"
    r"færre end|flere end|højst \d|mindst \d|maksimalt \d|minimum \d|over \d|under \d|" + "|".join(FRACTION_WORDS)
)
_YEAR_AFTER = re.compile(
    r"\b(?:i|for|inden|senest|ved udgangen af|inden udgangen af|i løbet af|ultimo|frem mod|frem til)"
    r"\s+(?P<year>20\d{2})\b",
    re.I,
)
_BASELINE_LEVEL = re.compile(rf"\s+(?:på|var|med|hvor det var)\s+{NUM}{PCT}", re.I)
_LONG_TERM = re.compile(r"(?i)på (?:længere )?sigt|\b\w+-årig periode|over en årrække")
_CURRENT_LEVEL = re.compile(rf"\b(?:er|var|ligger på|udgør|udgjorde|på)\s+(?P<value>{NUM}){PCT}", re.I)
_ITEM_SPLIT = re.compile(r"(?m)^\s*(?:[•▪◦\*\-–]|o(?=\s))\s*|\s[•\*]\s*(?=[a-zæøåA-ZÆØÅ])")
_TARGET_SECTIONS = (
    "udviklingsmaal",
    "arbejde_med",
    "arbejde_hen_imod",
    "aktiviteter",
    "opfoelgning",
    "tidsperspektiv",
    "virkning_borger",
    "baggrund_formaal",
)


@dataclass
class _Found:
    start: int
    baseline: float | None
    target: float
    unit: str
    scope: str = ""
    kind: str = "level"
    direction: str = ""  # when the shape itself says it ("3 ud af 4": more is better)
    year: int | None = None  # when the shape names it apart from the sentence ("Mål 2025: 5,5 %")


def extract_indicators(goal: ParsedGoal, holder: str, year: int | None) -> list[ParsedIndicator]:
    """The goal's indicators, each (baseline, target, unit) once."""
    out: list[ParsedIndicator] = []
    seen: set[tuple[float | None, float, str]] = set()
    background = goal.sections.get("baggrund_formaal", "")
    for key in _TARGET_SECTIONS:
        for sentence in statements(goal.sections.get(key, "")):
            for found in find_targets(sentence):
                scope = found.scope or holder
                level = found.kind == "level" and found.unit == "%"  # a background states percentages
                if found.baseline is None and level and scope == holder and key != "baggrund_formaal":
                    found.baseline = baseline_from(background, sentence, holder)
                ident = (found.baseline, found.target, found.unit)
                if ident in seen:
                    continue
                seen.add(ident)
                when = found.year or target_year(sentence, found.start, key, year)
                indicator = ParsedIndicator(sentence, found.baseline, found.target, found.unit, scope, when)
                out.append(describe(indicator, background, found.direction))
    return out


_PROMISE = re.compile(
    r"(?i)\b(?:skal|måltal|målet er|reducere\w*|nedbring\w*|øge\w*|hæve\w*|under|højst|mindst|minimum)\b"
)
_NOT_A_FIGURE = re.compile(
    r"(?i)\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\b|\b\d{1,2}\.\s*(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)"
    r"|\b\d+-[a-zæøå]+|\b\d{1,2}\.\s*kvartal|\b(?:spor|nr\.?|mål|udviklingsmål|forandring)\s+\d+"
    r"|\b\d{1,3}\s*(?:år|årige)\b"
)
_UNREAD_SECTIONS = ("udviklingsmaal", "arbejde_hen_imod", "tidsperspektiv", "virkning_borger")


def unread_targets(goal: ParsedGoal) -> list[str]:
    """The sentences of a goal's statement that promise a figure ("skal", "måltal", "højst" …
    with a number that is no year, date or goal number) but from which no target was read: the
    preview lists them so a person can enter the target by hand."""
    read = {i.text for i in goal.indicators}
    out: list[str] = []
    for key in _UNREAD_SECTIONS:
        for sentence in statements(goal.sections.get(key, "")):
            if sentence in read or sentence in out or not _PROMISE.search(sentence):
                continue
            figures = _NOT_A_FIGURE.sub(" ", sentence)
            if re.search(r"\d", figures) and not find_targets(sentence):
                out.append(sentence)
    return out


_DOWN_WORDS = re.compile(
    r"\b(?:ned|nedbring\w*|reducer\w*|færre|højst|maksimum|maks\.|under|mindre|lavere|falde)\b", re.I
)
_UP_WORDS = re.compile(r"\b(?:op|øge\w*|øget|mindst|minimum|flere|over|stige\w*|højere|forbedre\w*)\b|\bmin\.", re.I)
_ROLLING = re.compile(r"seneste\s+12\s+måneder|løbende\s+12\s+måneder|rullende\s+12|12\s+mdr\.", re.I)
_MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
_PERIOD = re.compile(
    rf"\b(?:{_MONTHS})\s+20\d\d\s*[-–]\s*(?:{_MONTHS})\s+20\d\d|(?:de\s+)?seneste\s+12\s+måneder", re.I
)


def describe(indicator: ParsedIndicator, background: str = "", hint: str = "") -> ParsedIndicator:
    """The indicator's direction, whether it is relative or long-term, the baseline's period and
    the aggregation, from its sentence (and the goal's background for the period); `hint` is the
    direction the target's own shape gives when the sentence's words say none."""
    text = indicator.text
    indicator.relative = indicator.unit.endswith("ændring")
    indicator.long_term = indicator.year is None
    if indicator.baseline is not None and indicator.target != indicator.baseline:
        indicator.direction = "up" if indicator.target > indicator.baseline else "down"
    elif indicator.relative:
        indicator.direction = "down" if indicator.target < 0 else "up"
    else:
        down, up = _DOWN_WORDS.search(text), _UP_WORDS.search(text)
        fallback = hint or "down"
        indicator.direction = "down" if down and (not up or down.start() < up.start()) else ("up" if up else fallback)
    period = _PERIOD.search(text) or _PERIOD.search(background or "")
    indicator.baseline_period = " ".join(period.group(0).split()) if period else ""
    if _ROLLING.search(text) or _ROLLING.search(indicator.baseline_period):
        indicator.aggregation = "rolling_12m"
    return indicator


def statements(text: str) -> list[str]:
    """Sentences of a section, bullets kept apart, lines (and blank lines) inside a bullet joined;
    a table's rows (a PDF's, a paragraph each) kept apart too."""
    out = []
    for item in _ITEM_SPLIT.split(text):
        parts = re.split(r"\n[ \t]*\n", item) if CELL in item else [item]
        for part in parts:
            out += split_sentences(normalise_space(part))
    return out


def find_targets(sentence: str) -> list[_Found]:
    """All targets stated in one sentence, in the order of the grammar above."""
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    if not _QUANTITY.search(sentence):  # most sentences hold no share at all: skip the grammar
        return found

    def free(m: re.Match, group: str = "target") -> bool:
        a, b = m.span(group)
        return not any(a < y and x < b for x, y in taken)

    for m in _ROW_GOAL.finditer(sentence) if " – " in sentence else ():
        base = _ROW_BASE.search(sentence)
        unit = "%" if (m["unit"] or "%").lower().startswith(("%", "pct", "procent")) else _measure_unit(m["unit"])
        if m["unit"] or base:
            value = parse_number(base["base"]) if base else None
            year = int(m["year"]) if m["year"] else None
            found.append(_Found(m.start("target"), value, parse_number(m["target"]), unit, year=year))
            taken.append(m.span())
    for m in _FROM_TO.finditer(sentence):
        found.append(_Found(m.start("target"), parse_number(m["base"]), parse_number(m["target"]), "%"))
        taken.append(m.span())
    for m in _TO_FROM.finditer(sentence):
        if free(m):
            found.append(_Found(m.start("target"), parse_number(m["base"]), parse_number(m["target"]), "%"))
            taken.append(m.span())
    for m in _LEVEL.finditer(sentence) if "=" in sentence else ():
        if free(m):
            found.append(_Found(m.start("target"), None, parse_number(m["target"]), "%", _scope(m["left"])))
            taken.append(m.span("target"))
    for m in _CHANGE.finditer(sentence):
        if free(m):
            sign = -1 if re.match(_DOWN, m["verb"], re.I) else 1
            unit = "pct.-point" if "point" in m["unit"].lower() else "% ændring"
            found.append(_Found(m.start("target"), None, sign * parse_number(m["target"]), unit, kind="change"))
            taken.append(m.span("target"))
    for m in _CHANGE_NOUN.finditer(sentence) if _SETS.search(sentence) or _WANTS.search(sentence) else ():
        if free(m):
            sign = -1 if re.match(r"(?i)fald|redu|nedg|nedb", m["noun"]) else 1
            unit = "pct.-point" if "point" in m["unit"].lower() else "% ændring"
            found.append(_Found(m.start("target"), None, sign * parse_number(m["target"]), unit, kind="change"))
            taken.append(m.span("target"))
    for m in _AIM_SHARE.finditer(sentence):
        if free(m):
            found.append(_Found(m.start("target"), None, parse_number(m["target"]), "%", kind="share", direction="up"))
            taken.append(m.span("target"))
    for m in _TO_LEVEL.finditer(sentence):
        if free(m):
            scope = _unit_before(sentence[: m.start()])
            found.append(_Found(m.start("target"), None, parse_number(m["target"]), "%", scope))
            taken.append(m.span("target"))
    for m in _BOUND.finditer(sentence):
        if free(m):
            scope = _unit_before(sentence[: m.start()])
            capped = "down" if m["cue"].lower().startswith("ikke") else ""
            found.append(
                _Found(m.start("target"), None, parse_number(m["target"]), "%", scope, kind="bound", direction=capped)
            )
            taken.append(m.span("target"))
    for m in _AIM.finditer(sentence):
        if free(m):
            found.append(_Found(m.start("target"), None, parse_number(m["target"]), "%"))
            taken.append(m.span("target"))
    for m in _HALVE.finditer(sentence) if _SETS.search(sentence) or "vil" in sentence else ():
        change = -50.0 if m["verb"].lower().startswith("halver") else 100.0
        found.append(
            _Found(m.start(), None, change, "% ændring", kind="change", direction="down" if change < 0 else "up")
        )
    for m in _FRACTION.finditer(sentence):
        cap = m["cue"].lower() in {"højst", "op til"}
        share = FRACTION_WORDS[m["frac"].lower()]
        found.append(_Found(m.start("frac"), None, share, "%", kind="share", direction="down" if cap else "up"))
    for m in _OUT_OF.finditer(sentence) if _SETS.search(sentence) else ():
        part, whole = _count(m["part"]), _count(m["whole"])
        if 0 < part <= whole and free(m, "part"):
            share = round(100 * part / whole, 2)
            found.append(_Found(m.start("part"), None, share, "%", kind="share", direction="up"))
            taken.append(m.span())
    for pattern in (_FROM_TO_MEASURE, _TO_FROM_MEASURE):
        for m in pattern.finditer(sentence):
            if free(m):
                unit = _measure_unit(m["measure"])
                found.append(_Found(m.start("target"), parse_number(m["base"]), parse_number(m["target"]), unit))
                taken.append(m.span())
    for m in _MEASURE_CHANGE.finditer(sentence):
        if free(m):
            sign = 1 if re.match(_UP, m["verb"], re.I) else -1
            unit = f"{_measure_unit(m['measure'])} ændring"
            found.append(_Found(m.start("target"), None, sign * parse_number(m["target"]), unit, kind="change"))
            taken.append(m.span("target"))
    for m in _MEASURE_BOUND.finditer(sentence):
        if free(m):
            scope = _unit_before(sentence[: m.start()])
            kind = (
                "level" if re.match(r"(?i)ned|op|redu|nedb|sænk|minds|øge|hæve|forø|stig|fald", m["cue"]) else "bound"
            )
            found.append(
                _Found(
                    m.start("target"), None, parse_number(m["target"]), _measure_unit(m["measure"]), scope, kind=kind
                )
            )
            taken.append(m.span("target"))
    for m in _COUNT.finditer(sentence) if _SETS.search(sentence) else ():
        if free(m):
            cue = m["cue"].lower()
            direction = "down" if cue in {"færre end", "højst", "maksimalt", "under"} else "up"
            found.append(
                _Found(
                    m.start("target"), None, float(m["target"]), m["noun"].lower(), kind="bound", direction=direction
                )
            )
            taken.append(m.span("target"))
    for m in _SCORE.finditer(sentence):
        if free(m):
            found.append(_score(m, _unit_before(sentence[: m.start()])))
            taken.append(m.span())
    for m in _BARE_SCORE.finditer(sentence) if _SCORE_WORDS.search(sentence) and _SETS.search(sentence) else ():
        if free(m) and parse_number(m["target"]) <= 10:
            cue = m["cue"].lower()
            direction = "down" if cue.startswith(("under", "højst", "maks")) else "up"
            found.append(
                _Found(m.start("target"), None, parse_number(m["target"]), "point", kind="bound", direction=direction)
            )
            taken.append(m.span("target"))
    return sorted(found, key=lambda f: f.start)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _score(m: re.Match, scope: str) -> _Found:
    """A score on a scale, or in points; more is better unless the cue caps it."""
    low, high = m["low"] or m["low2"], m["high"] or m["high2"]
    unit = f"point (skala {low}-{high})" if low else "point"
    cue = m["cue"].lower()
    direction = "down" if cue.startswith(("under", "højst", "maks", "ned")) else "up"
    kind = "bound" if cue.startswith(("under", "højst", "maks", "over", "mindst", "minimum")) else "level"
    return _Found(m.start("target"), None, parse_number(m["target"]), unit, scope, kind=kind, direction=direction)


def _measure_unit(raw: str) -> str:
    """ "dage pr. medarbejder", "mio. kr." …: the unit as written, spacing normalised."""
    unit = normalise_space(raw).lower().replace("mio.kr", "mio. kr").replace("mia.kr", "mia. kr")
    unit = unit.replace(" per ", " pr. ")
    return unit if unit.endswith(".") or not unit.endswith("kr") else unit + "."


def _unit_before(left: str) -> str:
    """The unit a bound applies to: a list entry's lead ("Fjordskolen: under 5,5 pct.") or the
    place named in the sentence ("Sygefraværet i Børnehuset Kløveren skal under 8 %")."""
    lead = re.fullmatch(r"\s*(?P<name>[^:=]{1,60}?)\s*:\s*", left)
    if lead:
        return _scope(lead["name"])
    place = re.search(rf"\bi\s+(?P<name>[{UPPER}][\wæøå]+(?:\s+(?:og\s+)?[{UPPER}][\wæøå]+){{0,4}})\s+[a-zæøå]", left)
    return _scope(place["name"]) if place else ""


def _scope(left: str) -> str:
    """A unit named in front of "=" in a list ("Kompetencecenteret = 2,9 %"); a sentence
    ("Måltal for sygefravær i X i 2023 =") names no separate unit. A list run together on one
    line ("Vej og Park = 3,1 % i 2025 Byg og Miljø = 2,4 %") names it after the last figure."""
    left = re.split(r"\d[\d,.]*\s*(?:%|pct\.?)?(?:\s+i\s+20\d{2})?", left)[-1]
    name = normalise_space(re.split(r"[:;]", left)[-1]).strip(" -–")
    words = name.split()
    if not words or len(words) > 8 or not words[0][:1].isupper():
        return ""
    if re.match(r"(?i)(måltal|mål|target|sygefravær|fravær)\b", name) or re.search(r"\b20\d{2}\b", name):
        return ""
    return name


def baseline_from(background: str, sentence: str, holder: str) -> float | None:
    """The current level of the same measure in the background ("Sygefraværet … er 4,4 % i
    hele X"): the two sentences share a word root (compounds count: "sygefravær" has
    "fravær") that is not part of the holder's name."""
    words = _roots(sentence, holder)
    for candidate in statements(background):
        m = _CURRENT_LEVEL.search(candidate)
        if m and _share_root(words, _roots(candidate, holder)):
            return parse_number(m["value"])
    return None


def _roots(text: str, holder: str) -> set[str]:
    skip = {w.lower()[:6] for w in holder.split()} | {"måltal", "lokale", "senest", "månede"}
    words = {w.lower() for w in re.findall(r"[A-Za-zÆØÅæøå]{6,}", text)}
    return {w for w in words if w[:6] not in skip}


def _share_root(left: set[str], right: set[str]) -> bool:
    return any(a[:6] in b or b[:6] in a for a in left for b in right)


def target_year(sentence: str, position: int, key: str, contract_year: int | None) -> int | None:
    for after in _YEAR_AFTER.finditer(sentence, position):
        between = sentence[position : after.start()]
        if between.rfind("(") > between.rfind(")"):  # "op på 85 % (fra 80 % i 2023)": the baseline's
            continue
        if not _BASELINE_LEVEL.match(sentence, after.end()):  # "fra niveauet i 2024 på 6 %" is the baseline's
            return int(after["year"])
    before = re.search(r"\bi\s+(20\d{2})\s*=", sentence)
    if before:
        return int(before.group(1))
    if key == "arbejde_hen_imod" or _LONG_TERM.search(sentence):
        return None
    return contract_year
