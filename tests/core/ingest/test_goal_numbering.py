"""Goal headings however a document numbers them: "1)", "1.", "Mål 1:", "Udviklingsmål 1:",
"Udviklingsmål nr. 1", none at all; titles in capitals, titles wrapped over two lines and
footnote marks glued to words and numbers. Made-up documents only."""

from __future__ import annotations

import pytest

from roedtraad.core.ingest.parse import parse_text

GOAL = """{head}

Baggrund og formål
Borgerne venter for længe på svar{mark}. Vi vil gøre sagsgangen kortere.

Udviklingsmål
Sagsbehandlingstiden skal ned på 20 dage i 2026.

Aktiviteter
• Ny skabelon til afgørelser senest 1. marts 2026

Opfølgning på udviklingsmålet og virkning
Der følges op kvartalsvis i ledergruppen.
"""
TITLES = ["Hurtigere afgørelser til borgerne", "Flere unge i uddannelse"]


def _doc(heads: list[str], mark: str = "", tail: str = ""):
    body = "\n".join(GOAL.format(head=head, mark=mark) for head in heads)
    return parse_text(
        f"Udviklingskontrakt 2026\nJobcenter Vest\n\nIndledning\nVores kontrakt.\n\n{body}{tail}", "k.txt"
    )


@pytest.mark.parametrize(
    "pattern",
    [
        "{n}) {t}",
        "{n}. {t}",
        "Mål {n}: {t}",
        "Udviklingsmål {n}: {t}",
        "Udviklingsmål nr. {n} – {t}",
        "Udviklingsmål nr. {n}\n{t}",
        "{t}",
    ],
)
def test_every_numbering_gives_the_titles_as_written_and_the_introduction_alone(pattern):
    doc = _doc([pattern.format(n=n, t=t) for n, t in enumerate(TITLES, start=1)])
    assert [(g.number, g.title) for g in doc.goals] == [(1, TITLES[0]), (2, TITLES[1])]
    assert doc.introduction == "Vores kontrakt."  # the title block above "Indledning" is the header
    assert all(
        set(g.sections) == {"baggrund_formaal", "udviklingsmaal", "aktiviteter", "opfoelgning"} for g in doc.goals
    )


@pytest.mark.parametrize("pattern", ["{t}", "{n}. {t}", "Mål {n}: {t}"])
def test_titles_in_capitals_are_titles_kept_as_written(pattern):
    doc = _doc([pattern.format(n=n, t=t.upper()) for n, t in enumerate(TITLES, start=1)])
    assert [g.title for g in doc.goals] == [t.upper() for t in TITLES]


@pytest.mark.parametrize("pattern", ["{t}", "Mål {n}: {t}", "{n}) {t}"])
def test_a_title_wrapped_over_two_lines_is_one_title(pattern):
    wrapped = [
        "Hurtigere afgørelser til borgerne og kortere ventetid på\nden første samtale",
        "Flere unge i uddannelse og\nbeskæftigelse i hele kommunen",
    ]
    doc = _doc([pattern.format(n=n, t=t) for n, t in enumerate(wrapped, start=1)])
    assert [g.title for g in doc.goals] == [" ".join(t.split("\n")) for t in wrapped]
    assert all(not g.sections["baggrund_formaal"].startswith(("den", "beskæftigelse")) for g in doc.goals)


def test_footnote_marks_glued_to_titles_words_and_numbers_are_artefacts_with_their_footnotes():
    doc = _doc(
        ["Mål 1: Hurtigere afgørelser til borgerne¹", "Mål 2: Flere unge i uddannelse2"],
        mark="3",
        tail="\n3 Tallene er fra fagsystemet.\n¹ Målet er aftalt med direktøren.\n",
    )
    assert [g.title for g in doc.goals] == TITLES
    assert all("svar. Vi vil" in g.sections["baggrund_formaal"] for g in doc.goals)
    assert "Tallene er fra fagsystemet" not in doc.text and "aftalt med direktøren" not in doc.text
    assert [(i.target, i.unit) for i in doc.goals[0].indicators] == [(20.0, "dage")]


def test_a_digit_glued_to_a_word_without_a_footnote_is_kept_in_the_text():
    doc = _doc(["Mål 1: Hurtigere afgørelser til borgerne"], mark="3")
    assert "svar3." in doc.goals[0].sections["baggrund_formaal"]


@pytest.mark.parametrize(("goal_mark", "list_mark"), [(".", ")"), (")", ")"), (".", ".")])
def test_activities_numbered_like_goals_are_a_list_in_the_goal_not_goals(goal_mark, list_mark):
    activities = "\n".join(f"{n}{list_mark} Aktivitet nummer {n}" for n in (1, 2, 3))
    heads = [f"{n}{goal_mark} {t}" for n, t in enumerate(TITLES, start=1)]
    body = "\n".join(
        GOAL.format(head=head, mark="").replace("• Ny skabelon", activities + "\n• Ny skabelon") for head in heads
    )
    doc = parse_text(f"Udviklingskontrakt 2026\nJobcenter Vest\n\n{body}", "k.txt")
    assert [(g.number, g.title) for g in doc.goals] == [(1, TITLES[0]), (2, TITLES[1])]
    assert [a.text for a in doc.goals[1].activities][:3] == [f"Aktivitet nummer {n}" for n in (1, 2, 3)]
    assert all(g.follow_ups for g in doc.goals)


def test_stop_doing_proposals_keep_the_goals_they_name_in_the_json():
    tail = (
        "\nDet vil vi holde op med\n"
        "• Vi holder op med at skrive referater på papir (udviklingsmål nr. 2).\n"
        "• Vi stopper de ugentlige tavlemøder (mål 1 og 2).\n"
        "• Vi holder op med at bestille kaffe udefra.\n"
    )
    doc = _doc([f"Mål {n}: {t}" for n, t in enumerate(TITLES, start=1)], tail=tail)
    assert len(doc.stop_doing) == 3
    assert list(doc.as_json()["stop_doing_goals"].values()) == [[2], [1, 2]]


def test_a_table_of_contents_above_the_introduction_is_no_part_of_it():
    body = "\n".join(GOAL.format(head=f"Udviklingsmål {n}: {t}", mark="") for n, t in enumerate(TITLES, start=1))
    toc = "Indholdsfortegnelse\nIndledning ........ 2\n" + "".join(
        f"Udviklingsmål {n}: {t} ........ {n + 2}\n" for n, t in enumerate(TITLES, start=1)
    )
    doc = parse_text(
        f"Udviklingskontrakt 2026\nJobcenter Vest\n\n{toc}\nIndledning\nVores kontrakt.\n\n{body}", "k.txt"
    )
    assert [g.title for g in doc.goals] == TITLES
    assert doc.introduction == "Vores kontrakt." and doc.coverage >= 0.995
