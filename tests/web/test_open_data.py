"""The public year page's content as open data (/offentlig/<year>/data.csv and data.json): the
entered contracts' goals, sections and indicators at holder level and above, no person's name,
and a small unit's measured figures left out with a marker — never the figure."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from roedtraad.contracts.models import Contract, Goal, GoalSection
from roedtraad.followup.models import Indicator, Measurement, Target
from roedtraad.reports.open_data import CSV_HEADER

pytestmark = pytest.mark.django_db
YEAR = 2026
NAME = "Person holder2"  # the other holder's own name (tests/web/conftest.py)


@pytest.fixture
def published(world, settings):
    """Hjemmeplejen's entered contract with a holder-level sick-leave figure (40 employees) and an
    area-level figure of a unit of 3 employees; its goal title and a section name the holder."""
    settings.ROEDTRAAD_PUBLIC_VIEW = True
    goal = world["entered_goal"]
    Goal.objects.filter(pk=goal.pk).update(title=f"Lavt sygefravær – ansvarlig {NAME}")  # an entered goal
    GoalSection.objects.filter(goal=goal, key="baggrund_formaal").update(text=f"{NAME} følger op i LMU.")
    shown = _indicator(goal, world["other"], "sygefravaer", baseline="8.5", values=("7.25", "6.75"), headcount=40)
    small = _indicator(goal, world["care"], "trivsel", baseline="61.5", values=("71.5", "73.5"), headcount=3)
    return {"goal": goal, "shown": shown, "small": small}


def _indicator(goal, unit, key, *, baseline, values, headcount):
    indicator = Indicator.objects.create(
        key=key,
        name=key.capitalize(),
        org_unit=unit,
        goal=goal,
        valid_from=dt.date(YEAR, 1, 1),
        baseline_value=Decimal(baseline),
        baseline_period="2025",
    )
    Target.objects.create(
        indicator=indicator, period_start=dt.date(YEAR, 1, 1), period_end=dt.date(YEAR, 12, 31), value=Decimal("5.5")
    )
    for month, value in enumerate(values, start=1):
        Measurement.objects.create(
            indicator=indicator, period=dt.date(YEAR, month, 1), value=Decimal(value), headcount=headcount
        )
    return indicator


def get_json(client) -> dict:
    response = client.get(reverse("public_year_json", args=[YEAR]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def get_csv(client) -> tuple[bytes, list[dict]]:
    response = client.get(reverse("public_year_csv", args=[YEAR]))
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    raw = response.content
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    return raw, rows


def test_the_json_holds_the_entered_contracts_goals_sections_and_public_indicators(client, published):
    data = get_json(client)
    assert data["year"] == YEAR and "indicators[].suppressed" in data["documentation"]
    assert [c["holder"] for c in data["contracts"]] == ["Hjemmeplejen"]  # the draft and the submitted are not public
    contract = data["contracts"][0]
    assert contract["area"] == "Omsorg" and contract["kind"] == "Udviklingskontrakt"
    goal = contract["goals"][0]
    assert goal["number"] == 1 and goal["title"] == "Lavt sygefravær – ansvarlig [navn]"
    texts = [section["text"] for section in goal["sections"]]
    assert texts == ["Sygefraværet blandt medarbejderne skal nedbringes.", "[navn] følger op i LMU."]
    by_key = {i["key"]: i for i in goal["indicators"]}
    assert set(by_key) == {"sygefravaer", "trivsel"}  # the department's figure is below holder level
    shown = by_key["sygefravaer"]
    assert shown["measured_unit"] == "Hjemmeplejen" and not shown["suppressed"]
    assert shown["baseline"] == 8.5 and shown["latest"] == {"value": 6.75, "period": f"{YEAR}-02-01"}
    assert shown["targets"] == [{"value": 5.5, "period_start": f"{YEAR}-01-01", "period_end": f"{YEAR}-12-31"}]


def test_a_small_units_figures_are_null_with_a_marker_in_the_json(client, published):
    small = next(i for i in get_json(client)["contracts"][0]["goals"][0]["indicators"] if i["key"] == "trivsel")
    assert small["suppressed"] is True and small["baseline"] is None and small["latest"] is None
    assert small["targets"][0]["value"] == 5.5  # the target is the contract's promise, no one's figure


def test_the_csv_opens_in_a_danish_excel_with_a_header_and_a_marker_for_hidden_figures(client, published):
    raw, rows = get_csv(client)
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark
    assert raw.decode("utf-8-sig").splitlines()[0] == ";".join(CSV_HEADER)
    kinds = [row["Række"] for row in rows]
    assert kinds.count("Mål") == 1 and kinds.count("Afsnit") == 2 and kinds.count("Indikator") == 2
    shown = next(r for r in rows if r["Nøgletal"] == "sygefravaer")
    assert (shown["Udgangspunkt"], shown["Måltal"], shown["Seneste værdi"]) == ("8,5", "5,5", "6,75")
    assert shown["Seneste periode"] == f"{YEAR}-02-01" and shown["Skjult (små tal)"] == ""
    small = next(r for r in rows if r["Nøgletal"] == "trivsel")
    assert small["Skjult (små tal)"] == "ja" and small["Udgangspunkt"] == "" and small["Seneste værdi"] == ""
    assert small["Måltal"] == "5,5"


def test_no_hidden_figure_and_no_persons_name_is_in_either_file(client, world, published):
    raw, _rows = get_csv(client)
    body = client.get(reverse("public_year_json", args=[YEAR])).content.decode()
    for text in (raw.decode("utf-8-sig"), body):
        assert "[navn]" in text
        for name in (NAME, *(u.person.name for u in world["users"].values())):
            assert name not in text
        for figure in ("61,5", "71,5", "73,5", "61.5", "71.5", "73.5"):  # the small unit's
            assert figure not in text


def test_a_logged_in_director_gets_the_same_suppressed_file(client, world, published):
    """Open data is the same file for everybody: the director's own right to see small figures
    does not follow them into a download meant for publishing."""
    client.force_login(world["users"]["director"])
    small = next(i for i in get_json(client)["contracts"][0]["goals"][0]["indicators"] if i["key"] == "trivsel")
    assert small["suppressed"] is True and small["latest"] is None


def test_the_files_are_not_found_when_the_public_view_is_off_or_the_year_has_nothing(client, published, settings):
    assert client.get(reverse("public_year_csv", args=[YEAR - 1])).status_code == 404
    assert client.get(reverse("public_year_json", args=[YEAR - 1])).status_code == 404
    settings.ROEDTRAAD_PUBLIC_VIEW = False
    assert client.get(reverse("public_year_csv", args=[YEAR])).status_code == 404
    assert client.get(reverse("public_year_json", args=[YEAR])).status_code == 404


def test_the_public_year_page_links_to_both_files(client, published):
    page = client.get(reverse("public_year", args=[YEAR])).content.decode()
    assert reverse("public_year_csv", args=[YEAR]) in page and reverse("public_year_json", args=[YEAR]) in page


# The page and the files are one content: what is public and how it is masked ----------------


def test_a_persons_name_in_a_goal_title_is_not_on_the_public_year_page(client, published):
    page = client.get(reverse("public_year", args=[YEAR])).content.decode()
    assert "Lavt sygefravær – ansvarlig [navn]" in page and NAME not in page


def test_a_persons_name_in_an_indicator_or_a_section_heading_is_masked_on_the_page_and_in_the_files(client, published):
    Indicator.objects.filter(pk=published["shown"].pk).update(name=f"Sygefravær i holdet hos {NAME}")
    GoalSection.objects.filter(goal=published["goal"], key="baggrund_formaal").update(heading=f"Spørg {NAME}")
    Contract.objects.filter(pk=published["goal"].contract_id).update(introduction=f"Skrevet af {NAME}.")
    page = client.get(reverse("public_year", args=[YEAR])).content.decode()
    raw, _rows = get_csv(client)
    body = client.get(reverse("public_year_json", args=[YEAR])).content.decode()
    for text in (page, raw.decode("utf-8-sig"), body):
        assert NAME not in text
        assert "Sygefravær i holdet hos [navn]" in text and "Spørg [navn]" in text
    assert "Skrevet af [navn]." in page and "Skrevet af [navn]." in body  # the CSV has no introduction


def test_a_revision_being_written_does_not_replace_the_entered_contract_in_force(client, world, published):
    """The contract in force is the domain's (`contracts.lineage.revisions_in_force`): the
    entered revision stays public while its next revision is a draft."""
    entered = world["entered"]
    Contract.objects.create(
        holder=entered.holder, year=YEAR, framework=entered.framework, revision=entered.revision + 1, title="Udkast"
    )
    page = client.get(reverse("public_year", args=[YEAR])).content.decode()
    assert "Lavt sygefravær – ansvarlig [navn]" in page
    assert [c["revision"] for c in get_json(client)["contracts"]] == [entered.revision]


def test_a_baseline_period_or_unit_starting_with_a_formula_sign_is_not_run_by_a_spreadsheet(client, published):
    Indicator.objects.filter(pk=published["shown"].pk).update(baseline_period="=HYPERLINK(1)", unit="+pct")
    _raw, rows = get_csv(client)
    shown = next(r for r in rows if r["Nøgletal"] == "sygefravaer")
    assert shown["Udgangspunktets periode"] == "'=HYPERLINK(1)" and shown["Måleenhed"] == "'+pct"
