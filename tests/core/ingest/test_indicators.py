"""Targets written in prose, on made-up snippets."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from roedtraad.core.ingest.indicators import find_targets
from roedtraad.core.ingest.parse import parse_text

SECTIONS_DOC = """Udviklingsaftale 2024 for Teknik og Borgerservice

Udviklingsmål

Færre fraværsdage
Baggrund og formål
Fraværet de seneste 12 måneder er 6,1 % i hele Teknik og Borgerservice.

Det politiske og strategiske afsæt
Personalepolitikken.

Udviklingsmål
• Måltal for sygefravær i Teknik og Borgerservice i 2024 = 5,2 %
• Lokale måltal på afdelingsniveau:
o Vejafdelingen = 4,0 % i 2024
o Borgerservice Syd = 3,5 % i 2024

Tidsperspektiv
Hele 2024.

Aktiviteter:
• Antallet af interne møder nedbringes med 15 %.

Opfølgning på udviklingsmålet og virkning:
Afdelingslederen følger op hvert kvartal.
"""


def test_a_change_from_one_level_to_another_has_a_baseline_and_a_target():
    found = find_targets("At sænke fraværet fra de seneste 12 måneders 9,5 % til 8,75 %.")
    assert [(f.baseline, f.target, f.unit) for f in found] == [(9.5, 8.75, "%")]


def test_a_footnote_marker_glued_to_a_percentage_is_not_part_of_the_number():
    doc = parse_text("Udviklingskontrakt 2024 for Centret\n\nFravær fra 6,5 % til 6 %2\n\n2 En fodnote om tallet.\n")
    assert "6 %2" not in doc.text
    assert any(a.text == "2" for a in doc.artefacts)


def test_a_centre_level_sick_leave_list_gives_one_target_per_centre():
    doc = parse_text(SECTIONS_DOC, "synthetic.txt")
    (goal,) = doc.goals
    got = [(i.baseline, i.target, i.unit, i.scope, i.year) for i in goal.indicators]
    assert (6.1, 5.2, "%", "Teknik og Borgerservice", 2024) in got
    assert (None, 4.0, "%", "Vejafdelingen", 2024) in got
    assert (None, 3.5, "%", "Borgerservice Syd", 2024) in got


def test_a_relative_reduction_is_a_signed_change_in_percent():
    doc = parse_text(SECTIONS_DOC, "synthetic.txt")
    assert any(i.target == -15 and i.unit == "% ændring" for i in doc.goals[0].indicators)


def test_bounds_and_shares_in_words_are_targets_but_bare_levels_are_not():
    assert [f.target for f in find_targets("Fraværet skal holdes under 3,5 pct.")] == [3.5]
    assert [f.target for f in find_targets("Mindst halvdelen af holdet skal gennemføre forløbet.")] == [50.0]
    assert find_targets("Afdelingen er budgetteret til 6 % og fraværet er 5,5 %.") == []
    assert find_targets("I første halvdel af 2024 holdes 3 møder.") == []


def test_a_long_term_work_towards_target_without_a_year_has_no_year():
    text = (
        "Udviklingskontrakt 2024 for Bofællesskabet Egen\n\n Trivsel\nVi vil arbejde med trivsel.\n\n"
        "Lokalt i Bofællesskabet Egen vil vi:\n• Arbejde med:\no At reducere fraværet fra 9 % til 8,5 %.\n"
        "• Arbejde hen imod:\no En reducering af fraværet fra 9 % til 7 %\n• Samarbejde med:\no Medarbejdere.\n"
    )
    (goal,) = parse_text(text).goals
    assert [(i.target, i.year) for i in goal.indicators] == [(8.5, 2024), (7.0, None)]


def _described(statement: str, background: str = ""):
    from roedtraad.core.ingest.model import ParsedGoal

    goal = ParsedGoal(number=1, title="Mål", sections={"udviklingsmaal": statement, "baggrund_formaal": background})
    from roedtraad.core.ingest.indicators import extract_indicators

    return extract_indicators(goal, "Solsikken", 2026)


@given(
    st.floats(min_value=1, max_value=20, allow_nan=False).map(lambda x: round(x, 1)),
    st.floats(min_value=1, max_value=20, allow_nan=False).map(lambda x: round(x, 1)),
)
def test_a_change_from_a_level_to_a_level_goes_the_way_the_numbers_go(start, end):
    assume(start != end)
    text = f"Sygefraværet skal gå fra {str(start).replace('.', ',')} % til {str(end).replace('.', ',')} % i 2026."
    (indicator,) = _described(text)
    assert (indicator.baseline, indicator.target) == (start, end)
    assert indicator.direction == ("down" if end < start else "up")
    assert not indicator.relative and not indicator.long_term


def test_the_words_give_the_direction_when_there_is_no_baseline():
    assert _described("Sygefraværet skal højst være 5 % i 2026.")[0].direction == "down"
    assert _described("Mindst 75 % af de nye skal have en mentor i 2026.")[0].direction == "up"


def test_a_relative_reduction_is_relative_and_goes_down():
    (indicator,) = _described("Tidsforbruget på møder skal nedbringes med 10 % i 2026.")
    assert indicator.relative and indicator.direction == "down"


def test_sick_leave_over_the_last_twelve_months_is_a_rolling_figure_with_its_baseline_period():
    (indicator,) = _described("Sygefraværet skal ned på 6 % i 2026.", "Sygefraværet var 7,5 % de seneste 12 måneder.")
    assert indicator.aggregation == "rolling_12m" and indicator.baseline_period == "de seneste 12 måneder"
