"""Activities with due dates and planned follow-ups read from a goal's text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roedtraad.core.danish import MONTHS
from roedtraad.core.ingest.dates import due_date
from roedtraad.core.ingest.items import list_items
from roedtraad.core.ingest.plans import activities_of, follow_ups_of, role_phrase

NAMES = {number: name for name, number in MONTHS.items()}
filler = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå ", max_size=40).map(lambda s: s.replace("  ", " "))


@given(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31)), filler, filler)
def test_a_written_date_is_read_wherever_it_stands_in_the_sentence(day, before, after):
    text = f"{before} senest {day.day}. {NAMES[day.month]} {day.year} {after}"
    assert due_date(text, 2026) == day


@given(st.integers(min_value=1, max_value=4), st.integers(min_value=2020, max_value=2035))
def test_a_quarter_is_its_last_day_in_the_contracts_year_unless_it_names_one(quarter, year):
    end = {1: dt.date(year, 3, 31), 2: dt.date(year, 6, 30), 3: dt.date(year, 9, 30), 4: dt.date(year, 12, 31)}
    assert due_date(f"Gennemføres i {quarter}. kvartal", year) == end[quarter]
    assert due_date(f"i {quarter}. kvartal {year}", 2019) == end[quarter]


@given(
    st.integers(min_value=1, max_value=4),
    st.integers(min_value=2020, max_value=2035),
    st.sampled_from(["Q{q} {y}", "{q}. kvt. {y}", "{q}. kvartal {y}"]),
)
def test_a_quarter_written_short_is_the_same_quarter(quarter, year, shape):
    assert due_date("Guiden lanceres " + shape.format(q=quarter, y=year), 2019) == _end_of_quarter(year, quarter)


def _end_of_quarter(year: int, quarter: int) -> dt.date:
    return (dt.date(year, 3 * quarter, 1) + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)


@given(st.integers(min_value=1, max_value=52), st.integers(min_value=2020, max_value=2035), st.booleans())
def test_a_week_number_is_the_friday_of_that_week(week, year, with_year):
    text = f"Screening af nye sager i uge {week}" + (f" {year}" if with_year else "")
    due = due_date(text, year)
    assert due is not None and due.isocalendar()[:2] == (year, week) and due.weekday() == 4


def test_a_week_that_does_not_exist_gives_no_date_nor_does_a_weekly_amount():
    assert due_date("uge 60", 2026) is None
    assert due_date("Træning hver uge 2 timer i juni", 2026) == dt.date(2026, 6, 30)


def test_vague_dates_are_the_end_of_the_period_they_name():
    assert due_date("Udskiftning af biler i løbet af 2026", 2025) == dt.date(2026, 12, 31)
    assert due_date("Ny guide senest 2027", 2025) == dt.date(2027, 12, 31)
    assert due_date("Implementeres medio 2023", 2026) == dt.date(2023, 6, 30)
    assert due_date("ultimo 2024", 2026) == dt.date(2024, 12, 31)
    assert due_date("Temadag i foråret", 2026) == dt.date(2026, 5, 31)
    assert due_date("Afholdes i marts", 2026) == dt.date(2026, 3, 31)
    assert due_date("Den 8. marts 2023 holder vi sundhedsdag", 2026) == dt.date(2023, 3, 8)


def test_text_without_a_date_has_none():
    assert due_date("Vi arbejder med trivsel og marts er ikke nævnt som dato", 2026) is None


def test_a_bullet_item_wrapped_over_lines_is_one_item_and_a_lead_in_is_not_an_item():
    text = "Lokalt vil vi:\n• Holde fraværssamtaler efter\n\nfast model\no Afholde sundhedsdag i marts\n"
    assert list_items(text) == ["Holde fraværssamtaler efter fast model", "Afholde sundhedsdag i marts"]


def test_a_section_without_bullets_is_one_item_per_paragraph():
    assert list_items("Første aktivitet\nfortsat.\n\nAnden aktivitet.") == [
        "Første aktivitet fortsat.",
        "Anden aktivitet.",
    ]


def test_activities_get_their_due_dates_in_the_contracts_year():
    sections = {"aktiviteter": "• Sundhedsdag 8. marts\n• Fraværssamtaler hele året\n• Evaluering ultimo 2026"}
    found = [(a.text, a.due) for a in activities_of(sections, 2026)]
    assert found == [
        ("Sundhedsdag 8. marts", "2026-03-08"),
        ("Fraværssamtaler hele året", None),
        ("Evaluering ultimo 2026", "2026-12-31"),
    ]


@given(st.sampled_from(["kvartalsvis", "hvert kvartal"]), filler)
def test_a_quarterly_follow_up_is_four_meetings_in_the_year(rhythm, words):
    (plan,) = follow_ups_of({"opfoelgning": f"• Vi følger op {rhythm} i ledergruppen {words}"}, 2026)
    assert plan.rhythm == "quarterly" and plan.forum == "ledergruppen"
    assert plan.dates == ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"]


@pytest.mark.parametrize(
    ("text", "forum"),
    [
        ("Halvårligt i Teknisk Udvalg.", "Teknisk Udvalg"),
        ("Status gives hvert halve år i Børne- og Ungeudvalget.", "Børne- og Ungeudvalget"),
        ("Økonomiudvalget og Byrådet orienteres hvert halve år.", "Økonomiudvalget, Byrådet"),
        ("Kvartalsvis i MED-udvalget.", "MED-udvalget"),
        ("Månedligt på afdelingsmøder.", "afdelingsmøder"),
    ],
)
def test_a_follow_up_in_the_council_a_committee_or_a_meeting_series_names_it_as_its_forum(text, forum):
    (plan,) = follow_ups_of({"opfoelgning": text}, 2026)
    assert plan.forum == forum


def test_a_selection_of_cases_is_no_committee():
    (plan,) = follow_ups_of({"opfoelgning": "Kvartalsvis gennemgår ledergruppen et udvalg af sager."}, 2026)
    assert plan.forum == "ledergruppen"


def test_named_months_give_the_meeting_dates_and_a_line_without_a_rhythm_plans_nothing():
    text = "• To gange årligt – i juni og december i LMU\n• Løbende dialog med medarbejderne"
    (plan,) = follow_ups_of({"opfoelgning": text}, 2026)
    assert (plan.rhythm, plan.forum, plan.dates) == ("half_yearly", "LMU", ["2026-06-30", "2026-12-31"])


def test_a_goal_says_it_is_multi_year_in_any_of_its_words():
    from roedtraad.core.ingest.scope import is_multi_year

    assert is_multi_year("Trivsel", {"tidsperspektiv": "Målet er flerårigt."})
    assert is_multi_year("Trivsel", {"baggrund_formaal": "Målet er videreført fra 2025."})
    assert not is_multi_year("Trivsel", {"tidsperspektiv": "Målet nås i 2026."})


def test_a_goal_for_the_whole_management_group_is_cross_cutting_not_a_partnership():
    from roedtraad.core.ingest.scope import scope_of

    statement = {"udviklingsmaal": "Et fælles udviklingsmål for alle kontraktholdere om god modtagelse."}
    assert scope_of("God modtagelse", statement, []) == "cross_cutting"
    assert scope_of("God modtagelse", statement, ["Hjemmeplejen"]) == "shared"
    mention = {"baggrund_formaal": "Vi deler viden på tværs af hele organisationen."}
    assert scope_of("Videndeling", mention, []) == "local"


def test_the_people_named_as_responsible_are_read_with_their_title_and_role():
    from roedtraad.core.ingest.people import responsible_people

    sections = {
        "opfoelgning": "Afdelingslederne Jonas Friis og Maja Krogh-Lund er ansvarlige for opfølgning på målet, "
        "dvs. fraværet. Skoleleder Ib Holm har ansvaret for sundhedsdagen. Hele ledergruppen er ansvarlig for resten. "
        "Chef Ida Bach og hele chefgruppen følger op hvert kvartal i ledergruppen. Teamlederne følger op hver uge. "
        "Leder for Borgerservice Hanne Lund er ansvarlig for skabelonen."
    }
    found = [(p.name, p.title, p.role) for p in responsible_people(sections)]
    assert found == [
        ("Jonas Friis", "Afdelingsleder", "ansvarlig for opfølgning på målet"),
        ("Maja Krogh-Lund", "Afdelingsleder", "ansvarlig for opfølgning på målet"),
        ("Ib Holm", "Skoleleder", "ansvaret for sundhedsdagen"),
        ("Ida Bach", "Chef", "følger op hvert kvartal i ledergruppen"),
        ("Hanne Lund", "Leder for Borgerservice", "ansvarlig for skabelonen"),
    ]


def test_policies_tracks_and_budget_changes_are_read_from_the_goals_text():
    from roedtraad.core.ingest.references import references_of

    sections = {
        "politisk_afsaet": "Målet bygger på Sundhedspolitikken og Handlingsplan for rekruttering. "
        "Det hører til DUS spor 3. I Budget 2026-2029 er forandring nr. 12 vedtaget."
    }
    found = [(r.kind, r.name) for r in references_of(sections)]
    assert ("policy", "Sundhedspolitik") in found and ("policy", "Handlingsplan for rekruttering") in found
    assert ("track", "3") in found and ("budget_change", "12 (Budget 2026-2029)") in found


def test_a_budgets_own_track_is_a_budget_reference_not_a_dus_track():
    from roedtraad.core.ingest.references import references_of

    sections = {"politisk_afsaet": "Målet bygger på Spor 7 i Budget 2026 – 2029 og på DUS 2026 - spor 2."}
    found = [(r.kind, r.name) for r in references_of(sections)]
    assert found == [("track", "2"), ("budget_change", "spor 7 (Budget 2026 – 2029)")]


@given(
    st.sampled_from(
        [("hver måned", "monthly", 12), ("kvartalsvis", "quarterly", 4), ("på månedlig basis", "monthly", 12)]
    ),
    st.sampled_from(
        [("hvert halve år", "half_yearly", 2), ("en gang om året", "yearly", 1), ("halvårligt", "half_yearly", 2)]
    ),
    st.sampled_from(["ledergruppen", "chefgruppen", "TRIO"]),
    st.sampled_from(["lokal MED", "LMU", "HMU"]),
    st.sampled_from([" og ", ", og ", "; "]),
    st.integers(min_value=2020, max_value=2035),
)
def test_a_follow_up_with_two_rhythms_is_two_plans_each_with_its_forum_and_dates(first, second, one, two, join, year):
    text = f"Fraværet følges {first[0]} i {one}{join}drøftes {second[0]} i {two}."
    plans = follow_ups_of({"opfoelgning": text}, year)
    assert [(p.rhythm, p.forum, len(p.dates)) for p in plans] == [
        (first[1], one, first[2]),
        (second[1], two, second[2]),
    ]
    assert all(d.startswith(str(year)) for p in plans for d in p.dates)


def test_a_second_clause_without_a_forum_meets_in_the_forum_of_the_first():
    plans = follow_ups_of(
        {"opfoelgning": "I ledergruppen følges der op hver måned og en gang om året i december."}, 2026
    )
    assert [(p.rhythm, p.forum, p.dates[-1]) for p in plans] == [
        ("monthly", "ledergruppen", "2026-12-31"),
        ("yearly", "ledergruppen", "2026-12-31"),
    ]


@pytest.mark.parametrize(
    ("sentence", "partner", "role"),
    [
        (
            "Plejecenter Egelund har ansvaret for at planlægge indflytningssamtalerne, og Hjemmeplejen Nord deltager.",
            "Plejecenter Egelund",
            "har ansvaret for at planlægge indflytningssamtalerne",
        ),
        (
            "Vi arbejder i samarbejde med Visitationen om at korte ventetiden ned.",
            "Visitationen",
            "samarbejde om at korte ventetiden ned",
        ),
        ("Hjemmeplejen står for vagtplanen; Egelund bidrager med vikarer.", "Egelund", "bidrager med vikarer"),
    ],
)
def test_a_partners_role_is_the_clause_that_says_what_it_does_not_the_whole_sentence(sentence, partner, role):
    assert role_phrase(sentence, partner) == role


@pytest.mark.parametrize(
    "sentence",
    [
        "Målet er fælles for koncernledelsen.",
        "Målet er fælles for chefgruppen og gælder alle.",
        "Fælles mål - hele organisationen med afsæt i HMU.",
        "Målet gælder hele organisationen.",
    ],
)
def test_a_goal_shared_only_with_a_group_is_cross_cutting_and_has_no_partner_units(sentence):
    from roedtraad.core.ingest.parse import parse_text

    text = (
        "Udviklingskontrakt 2026 for Jobcenter Vest\n\nMål 1: God modtagelse\nBaggrund og formål\n"
        f"Nye medarbejdere skal føle sig velkomne. {sentence}\n\nUdviklingsmål\n{sentence}\n\n"
        "Aktiviteter\n• Velkomstdag i marts\n\nOpfølgning\nLedergruppen følger op kvartalsvis.\n"
    )
    (goal,) = parse_text(text, "k.txt").goals
    assert (goal.scope, goal.partners) == ("cross_cutting", [])


@pytest.mark.parametrize(
    ("item", "owner"),
    [
        ("Mentorordning for nye – ansvarlig: Områdeleder Pia Kjær", "Pia Kjær"),
        ("Ny skabelon senest 1. marts 2026 – Ida Holm er ansvarlig", "Ida Holm"),
        ("Ansvarlig: Ole Bak, frist: 1. marts 2026", "Ole Bak"),
        ("Jobmesse i foråret (tovholder: HR)", "HR"),
        ("Vi har ansvaret for at holde møder hver måned", None),
        ("Trivselsmøder i 1. kvartal", None),
    ],
)
def test_an_activity_names_its_owner_a_person_without_the_title_before_the_name(item, owner):
    from roedtraad.core.ingest.plans import activities_of

    (activity,) = activities_of({"aktiviteter": f"• {item}"}, 2026)
    assert (activity.text, activity.owner) == (item, owner)
