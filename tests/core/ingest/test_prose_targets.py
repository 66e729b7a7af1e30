"""Targets in prose beyond percentages — shares as fractions ("3 ud af 4"), days per employee,
amounts, "senest <år>" — with their direction, unit and year; and the sentences that promise a
figure the importer cannot read, listed for the preview. Made-up sentences only."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roedtraad.core.ingest.indicators import find_targets
from roedtraad.core.ingest.parse import parse_text

HEAD = "Udviklingskontrakt 2026 for Borgerservice Nord\n\n"


def _goal(statement: str, background: str = "Borgerne venter for længe.") -> str:
    return (
        f"{HEAD}Mål 1: Bedre service\nBaggrund og formål\n{background}\n\n"
        f"Udviklingsmål\n{statement}\n\nOpfølgning\nLedergruppen følger op.\n"
    )


def _indicators(statement: str, background: str = "Borgerne venter for længe."):
    (goal,) = parse_text(_goal(statement, background), "mål.txt").goals
    return goal


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # (target, unit, direction, year, long_term, relative)
        ("3 ud af 4 borgere skal opleve en god modtagelse.", (75.0, "%", "up", 2026, False, False)),
        ("Højst 1 ud af 5 sager må vente mere end en måned.", (20.0, "%", "down", 2026, False, False)),
        (
            "Sygefraværet skal være under 12 dage pr. medarbejder.",
            (12.0, "dage pr. medarbejder", "down", 2026, False, False),
        ),
        ("Ventetiden skal ned på 20 dage senest 2027.", (20.0, "dage", "down", 2027, False, False)),
        ("Udgifterne skal reduceres med 4,6 mio. kr.", (-4.6, "mio. kr. ændring", "down", 2026, False, True)),
        (
            "Indtægterne fra udlejning skal øges med 0,5 mio. kr. i 2027.",
            (0.5, "mio. kr. ændring", "up", 2027, False, True),
        ),
        ("Mindst 75 % af borgerne skal være tilfredse.", (75.0, "%", "up", 2026, False, False)),
        ("Minimum halvdelen af de ansatte deltager i forløbet.", (50.0, "%", "up", 2026, False, False)),
        ("På sigt skal fraværet ned på 5 %.", (5.0, "%", "down", None, True, False)),
        ("Sagsbehandlingen skal højst tage 10 arbejdsdage i 2026.", None),
        ("Fraværet skal være under 8 dage per ansat i 2026.", (8.0, "dage pr. ansat", "down", 2026, False, False)),
        ("Tilfredsheden skal være mindst 4 stjerner.", (4.0, "stjerner", "up", 2026, False, False)),
        ("Der skal være færre end 20 klager om året.", (20.0, "klager", "down", 2026, False, False)),
        ("Fraværet må maksimalt være 5 %.", (5.0, "%", "down", 2026, False, False)),
        ("Fraværet må ikke overstige 6 % i 2027.", (6.0, "%", "down", 2027, False, False)),
        ("Målet er et sygefravær på 5,5 %.", (5.5, "%", "down", 2026, False, False)),
        ("Vi vil halvere antallet af klager i 2027.", (-50.0, "% ændring", "down", 2027, False, True)),
        ("Unge under 18 år skal have en plan.", None),
        ("Andelen af sager afgjort til tiden skal stige til 90 procent.", (90.0, "%", "up", 2026, False, False)),
        ("Andelen af genindlæggelser skal falde til 8 % i 2027.", (8.0, "%", "down", 2027, False, False)),
        ("Udgifterne til brændstof må højst være 2,1 mio. kr. om året.", (2.1, "mio. kr.", "down", 2026, False, False)),
        ("Ventetiden skal falde til 14 dage fra de nuværende 21 dage.", (14.0, "dage", "down", 2026, False, False)),
        ("Målet er, at 85 % af eleverne gennemfører en uddannelse.", (85.0, "%", "up", 2026, False, False)),
        ("Ventetiden må ikke overstige 8 uger.", (8.0, "uger", "down", 2026, False, False)),
        ("Mindst to ud af tre nyansatte skal gennemføre introforløbet.", (66.67, "%", "up", 2026, False, False)),
        ("Vi forventer, at 9 ud af 10 borgere får svar i tide.", (90.0, "%", "up", 2026, False, False)),
        ("Energiforbruget skal reduceres med 15 % frem mod 2028.", (-15.0, "% ændring", "down", 2028, False, True)),
        ("Det er målet at halvdelen af ansøgningerne behandles digitalt.", (50.0, "%", "up", 2026, False, False)),
        ("Målet er en stigning på 10 % i antallet af frivillige.", (10.0, "% ændring", "up", 2026, False, True)),
        ("Vi ønsker et fald i fraværet på 2 % i 2027.", (-2.0, "% ændring", "down", 2027, False, True)),
        ("Siden 2022 har der været en stigning på 12 % i antallet af sager.", None),
        ("Tilfredsheden skal være på mindst 4,0.", (4.0, "point", "up", 2026, False, False)),
        ("Trivselsscoren skal være over 7,5 i 2027.", (7.5, "point", "up", 2027, False, False)),
        ("Tilfredsheden blev målt til 4,1 sidste år.", None),
    ],
)
def test_a_prose_target_has_its_number_unit_direction_and_year(sentence, want):
    goal = _indicators(sentence)
    got = [(i.target, i.unit, i.direction, i.year, i.long_term, i.relative) for i in goal.indicators]
    assert got == ([want] if want else [])


def test_amounts_days_and_counts_stated_as_facts_are_background_not_targets():
    for sentence in (
        "Budgettet er på 4,6 mio. kr. i 2026.",
        "Fraværet svarer i dag til 13 dage pr. medarbejder.",
        "Der kom 1 ud af 3 ansøgere til samtale sidste år, og det er for få.",
    ):
        assert find_targets(sentence) == [], sentence
    assert _indicators("Vi vil tale med flere.", "Budgettet er på 4,6 mio. kr. i 2026.").indicators == []


def test_a_day_target_takes_no_percentage_baseline_from_the_background():
    goal = _indicators("Ventetiden skal ned på 9 dage.", "Ventetiden er 6,5 % længere end sidste år.")
    assert [(i.baseline, i.target, i.unit) for i in goal.indicators] == [(None, 9.0, "dage")]


def test_a_sentence_that_promises_a_figure_the_importer_cannot_read_is_listed_for_the_preview():
    promise = "Ledergruppen skal mødes mindst 4 gange om året."
    goal = _indicators(
        f"{promise} Fraværet skal ned på 5 %. "
        "Vi skal holde 2-dages seminarer senest 1. marts 2026 og arbejde med Spor 2."
    )
    assert goal.unread_targets == [promise]
    assert [i.target for i in goal.indicators] == [5.0]
    doc = parse_text(_goal(promise), "mål.txt")
    assert doc.as_json()["goals"][0]["unread_targets"] == [promise]


def _danish(value: float) -> str:
    return f"{value:g}".replace(".", ",")


AMOUNTS = st.decimals(min_value="0.1", max_value="99.9", places=1).map(float)


@given(
    st.integers(min_value=1, max_value=20),
    st.integers(min_value=1, max_value=20),
    st.sampled_from(["borgere", "nye medarbejdere", "sager", "elever"]),
)
def test_a_share_as_part_out_of_whole_is_its_percentage_and_more_is_better(part, extra, who):
    whole = part + extra - 1
    (found,) = find_targets(f"{part} ud af {whole} {who} skal have en plan.")
    assert (found.target, found.unit, found.kind) == (round(100 * part / whole, 2), "%", "share")
    goal = _indicators(f"{part} ud af {whole} {who} skal have en plan.")
    assert [i.direction for i in goal.indicators] == ["up"]


@given(
    AMOUNTS,
    st.sampled_from([("reduceres", -1, "down"), ("nedbringes", -1, "down"), ("øges", 1, "up"), ("hæves", 1, "up")]),
    st.sampled_from(["mio. kr.", "mio.kr.", "mia. kr.", "kr."]),
    st.one_of(st.none(), st.integers(min_value=2024, max_value=2035)),
)
def test_an_amount_changed_by_a_verb_is_a_signed_relative_target_in_its_year(amount, verb, unit, year):
    word, sign, direction = verb
    when = f" i {year}" if year else ""
    goal = _indicators(f"Udgifterne til kørsel skal {word} med {_danish(amount)} {unit}{when}.")
    (indicator,) = goal.indicators
    unit_name = unit.replace("mio.kr.", "mio. kr.")
    assert (indicator.target, indicator.unit) == (sign * amount, f"{unit_name} ændring")
    assert (indicator.direction, indicator.relative, indicator.year) == (direction, True, year or 2026)


@given(
    st.integers(min_value=1, max_value=60),
    st.sampled_from([("under", "down"), ("højst", "down"), ("mindre end", "down"), ("mindst", "up"), ("over", "up")]),
    st.sampled_from(["dage", "dage pr. medarbejder", "dage pr. fuldtidsansat", "uger", "timer"]),
    st.sampled_from(["senest", "i", "inden udgangen af", "i løbet af"]),
    st.integers(min_value=2024, max_value=2035),
)
def test_a_bound_in_days_weeks_or_hours_has_its_number_unit_direction_and_year(number, cue, unit, when, year):
    word, direction = cue
    goal = _indicators(f"Ventetiden skal være {word} {number} {unit} {when} {year}.")
    assert [(i.target, i.unit, i.direction, i.year) for i in goal.indicators] == [
        (float(number), unit, direction, year)
    ]


@given(
    base=st.integers(10, 990).map(lambda n: n / 10),
    change=st.integers(1, 50).map(lambda n: n / 10),
    cue=st.sampled_from(["skal ned på", "skal op på", "reduceres til", "øges til"]),
    filler=st.sampled_from(["", "de nuværende ", "niveauet i 2024 på "]),
    year=st.integers(2024, 2032),
)
def test_a_level_written_before_its_baseline_has_both_and_the_direction_between_them(base, change, cue, filler, year):
    """ "skal ned på 5 % fra 6,4 % i 2026": the target first, the baseline after it."""
    up = cue.startswith(("skal op", "øges"))
    target = round(base + change, 1) if up else round(max(base - change, 0.1), 1)
    if target == base:
        return
    sentence = f"Andelen {cue} {_danish(target)} % fra {filler}{_danish(base)} % i {year}."
    (indicator,) = _indicators(sentence).indicators
    assert (indicator.baseline, indicator.target, indicator.year) == (base, target, year)
    assert indicator.direction == ("up" if target > base else "down")


@given(
    score=st.integers(10, 49).map(lambda n: n / 10),
    cue=st.sampled_from([("mindst", "up"), ("over", "up"), ("højst", "down"), ("under", "down")]),
    scale=st.sampled_from(["på en skala fra 1 til 5", "(skala 1-5)", "på en skala 1-5"]),
    year=st.integers(2024, 2032),
)
def test_a_score_on_a_scale_has_its_number_the_scale_as_unit_and_the_direction_of_its_cue(score, cue, scale, year):
    word, direction = cue
    (indicator,) = _indicators(f"Trivslen skal være {word} {_danish(score)} {scale} i {year}.").indicators
    assert (indicator.target, indicator.unit, indicator.year) == (score, "point (skala 1-5)", year)
    assert indicator.direction == direction


@given(
    base=st.integers(2, 90),
    change=st.integers(1, 40),
    unit=st.sampled_from(["dage", "uger", "timer", "minutter", "dage pr. medarbejder", "mio. kr."]),
    shape=st.sampled_from(["ned på {t} {u} fra {b} {u}", "ned fra {b} {u} til {t} {u}", "ned fra {b} til {t} {u}"]),
    year=st.integers(2024, 2032),
)
def test_a_wait_in_days_minutes_or_kroner_between_two_levels_has_both_levels_its_unit_and_goes_down(
    base, change, unit, shape, year
):
    """ "Ventetiden skal ned på 5 dage fra 14 dage": the baseline is read in the target's unit."""
    target = max(base - change, 1)
    if target == base:
        return
    sentence = "Ventetiden skal " + shape.format(t=target, b=base, u=unit) + f" i {year}."
    (indicator,) = _indicators(sentence).indicators
    assert (indicator.baseline, indicator.target, indicator.unit) == (float(base), float(target), unit)
    assert (indicator.direction, indicator.year, indicator.relative) == ("down", year, False)
    assert _indicators(sentence).unread_targets == []


@given(
    base=st.integers(1, 98),
    gain=st.integers(1, 30),
    shape=st.sampled_from(
        [
            "fra {b} til {t} %",
            "fra {b} % til {t} %",
            "fra {b} % i {y0} til {t} % i {y}",
            "op på {t} % (fra {b} % i {y0})",
        ]
    ),
    year=st.integers(2025, 2032),
)
def test_a_share_raised_from_a_baseline_has_both_and_the_target_year_not_the_baselines(base, gain, shape, year):
    target = min(base + gain, 100)
    sentence = "Andelen skal " + shape.format(b=base, t=target, y0=year - 1, y=year)
    if "{y}" not in shape:
        sentence += f" i {year}"
    (indicator,) = _indicators(sentence + ".").indicators
    assert (indicator.baseline, indicator.target, indicator.unit) == (float(base), float(target), "%")
    assert (indicator.year, indicator.direction) == (year, "up")


WORDS = ["en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti"]


@given(
    st.integers(min_value=1, max_value=10),
    st.integers(min_value=0, max_value=9),
    st.booleans(),
    st.sampled_from(["skal", "forventer vi, at", "er ambitionen, at"]),
)
def test_a_share_written_in_words_is_the_same_share_as_in_figures(part, extra, as_words, verb):
    whole = min(part + extra, 10)

    def number(n: int) -> str:
        return WORDS[n - 1] if as_words else str(n)

    sentence = f"{number(part).capitalize()} ud af {number(whole)} borgere {verb} få svar i tide."
    (found,) = find_targets(sentence)
    assert found.target == round(100 * part / whole, 2) and found.direction == "up"
