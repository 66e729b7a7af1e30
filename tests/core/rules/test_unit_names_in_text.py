"""Where an org unit's name or alias counts in a text (the rule is written above `name_pattern`).

A name standing as a word of its own names the unit ("HR", "HR's", "HR og Løn"); the first or
last part of a hyphenated compound ("HR-konsulenten", "HR-afdelingens") names a role or a body.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roedtraad.core.rules import GoalInput
from roedtraad.core.rules.shared import UnitIndex, detect_partners

HR = "HR og Personale"
UNITS = {HR: ["HR"], "Landsbyen Sølund": ["Sølund"], "Skanderborg Fællesskaberne": ["SF"]}
INDEX = UnitIndex(UNITS)


def _found(text: str) -> list[str]:
    return [unit for _, _, unit in INDEX.find_in(text)]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("HR", [HR]),
        ("Vi arbejder sammen med HR.", [HR]),
        ("HR's konsulenter deltager.", [HR]),
        ("HR’s konsulenter deltager.", [HR]),
        ("HRs konsulenter deltager.", [HR]),
        ("HR og Løn leder arbejdet.", [HR]),
        ("Projektgruppen (HR) mødes.", [HR]),
        ("HR/Løn og Sølund.", [HR, "Landsbyen Sølund"]),
        ("Byrådssekretariatet og HR - gruppen sikrer opfølgning.", [HR]),
        ("HR – og Sølund – mødes.", [HR, "Landsbyen Sølund"]),
        ("Sølunds medarbejdere og SF's ledere.", ["Landsbyen Sølund", "Skanderborg Fællesskaberne"]),
        ("HR-konsulenten deltager.", []),
        ("HR-afdelingens konsulenter deltager.", []),
        ("HR- og lønkonsulenterne deltager.", []),
        ("HR\u2010konsulenten og HR\u2011chefen.", []),
        ("Løn-HR hjælper.", []),
        ("Sølund-modellen og SF-bussen.", []),
        ("Et HR-\nkonsulentforløb.", []),
        ("HRM og SFO er andre ord.", []),
        ("HR-konsulenten fra HR.", [HR]),
    ],
)
def test_a_name_counts_alone_and_in_the_genitive_but_not_inside_a_compound(text, units):
    assert _found(text) == units


def test_a_hr_consultant_does_not_make_hr_a_partner():
    goal = GoalInput(1, "Sygefravær", {"samarbejde_med": "Ledere, TRIO og HR-konsulenten."})
    assert detect_partners(goal, INDEX, holder="Landsbyen Sølund") == []
    goal = GoalInput(2, "Sygefravær", {"udviklingsmaal": "Vi arbejder i samarbejde med HR-afdelingens konsulenter."})
    assert detect_partners(goal, INDEX, holder="Landsbyen Sølund") == []
    goal = GoalInput(3, "Sygefravær", {"udviklingsmaal": "Vi arbejder i samarbejde med HR og Løn."})
    assert detect_partners(goal, INDEX, holder="Landsbyen Sølund") == [HR]


ALIASES = st.sampled_from(["HR", "SF", "Sølund", "sølund"])
WORDS = st.text(alphabet="abcdefghijklmnoprstuvyæøå", min_size=1, max_size=12)
HYPHENS = st.sampled_from(["-", "\u2010", "\u2011"])
FILLER = st.lists(st.sampled_from(["vi", "arbejder", "med", "i", "år", "borgerne", "og"]), max_size=4).map(" ".join)


@given(alias=ALIASES, word=WORDS, hyphen=HYPHENS, before=FILLER, after=FILLER)
def test_a_name_glued_to_a_word_by_a_hyphen_is_never_found(alias, word, hyphen, before, after):
    assert _found(f"{before} {alias}{hyphen}{word} {after}") == []
    assert _found(f"{before} {word}{hyphen}{alias} {after}") == []
    assert _found(f"{before} {alias}{hyphen} og {word} {after}") == []


@given(
    alias=ALIASES,
    left=st.sampled_from([" ", "(", ", ", " - ", " – ", "\n"]),
    right=st.sampled_from([" ", ".", ")", ",", "'s ", "’s ", "s ", " - ", " – ", "/", "\n"]),
    before=FILLER,
    after=FILLER,
)
def test_a_name_standing_alone_is_found_once(alias, left, right, before, after):
    assert len(_found(f"{before}{left}{alias}{right}{after}")) == 1


def test_in_the_corpus_hr_counts_where_it_stands_alone_and_never_inside_a_compound(corpus_contracts, units):
    index = UnitIndex({**units, "Byrådssekretariatet og HR": ["HR"]})
    texts = [t for c in corpus_contracts.values() for g in c.goals for t in [g.title, *g.sections.values()]]
    spans = [(t, s, e) for t in texts for s, e, _ in index.find_in(t)]
    assert any(t[s:e] == "HR" for t, s, e in spans), "HR alone, as in a cooperation block, is found"
    assert all(t[e : e + 1] != "-" and t[s - 1 : s] != "-" for t, s, e in spans)
    compounds = [(t, t.index(word)) for t in texts for word in ("HR-understøttelse", "HR-viden") if word in t]
    assert len(compounds) == 2
    assert all(start not in {s for s, _, _ in index.find_in(t)} for t, start in compounds)
