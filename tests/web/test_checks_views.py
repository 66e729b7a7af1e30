"""The checks pages: the year's matrix, a contract's report and overrides, unknown partners,
the shared-goal network, the overlap list and the year's requirements as data.

The world (tests/web/conftest.py): Solsikken (the holder's draft) and Hjemmeplejen (the other
holder, entered) in the area Omsorg, Nordskolen (submitted) in Skole. Every goal names
"Sundhedscentret" as a partner, a unit the system does not know.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from tests.web.conftest import add_night_cover_goals

from roedtraad.checks.models import RequirementOverride
from roedtraad.checks.services import contract_report, ensure_requirements
from roedtraad.contracts.models import Contract, GoalPartner
from roedtraad.frameworks.models import Requirement
from roedtraad.org.models import OrgUnit, OrgUnitAlias

YEAR = 2026
LOGGED_IN = ("director", "head_of_area", "holder", "other_holder", "reader", "stranger")


def report_url(contract) -> str:
    return reverse("checks:report", args=[contract.pk])


def partner_status(contract, name: str) -> str:
    shared = contract_report(contract)["shared_goals"]
    return next(p["status"] for goal in shared for p in goal["partners"] if p["name"] == name)


def make_shared_goal(world):
    """Solsikken and Hjemmeplejen name each other on their sick-leave goals."""
    GoalPartner.objects.create(goal=world["draft_goal"], unit=world["other"], role="Deler erfaringer")
    entered = Contract.objects.filter(pk=world["entered"].pk)
    entered.update(status="draft")  # the entered contract is locked; the goal was written before
    GoalPartner.objects.create(goal=world["entered_goal"], unit=world["own"], role="Deler erfaringer")
    entered.update(status="entered")


# The year's matrix ------------------------------------------------------------------------


@pytest.mark.parametrize("role", LOGGED_IN)
def test_everybody_with_a_login_sees_the_matrix(login, role):
    assert login(role).get(reverse("checks:matrix")).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in_first(client, world):
    assert client.get(reverse("checks:matrix")).status_code == 302


def test_the_matrix_shows_status_as_text_in_an_accessible_table(login, world):
    page = login("director").get(reverse("checks:matrix"), {"year": YEAR}).content.decode()
    assert "<caption>" in page and 'scope="col"' in page and 'scope="row"' in page
    assert "Mangler" in page or "Delvist" in page or "Opfyldt" in page
    assert f"{report_url(world['draft'])}#krav-sygefravaer" in page
    for holder in ("Solsikken", "Hjemmeplejen", "Nordskolen"):
        assert holder in page


def test_the_matrix_filters_by_area(login, world):
    page = login("director").get(reverse("checks:matrix"), {"year": YEAR, "area": world["school"].pk})
    text = page.content.decode()
    assert "Nordskolen" in text and ">Solsikken<" not in text


def test_a_holder_sees_only_the_contracts_they_may_read_in_the_matrix(login, world):
    text = login("holder").get(reverse("checks:matrix"), {"year": YEAR}).content.decode()
    assert ">Solsikken<" in text and ">Nordskolen<" not in text


# A contract's report and overrides --------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("director", 200), ("head_of_area", 200), ("holder", 200), ("reader", 200), ("other_holder", 404)],
)
def test_who_may_read_a_contracts_check(login, world, role, status):
    assert login(role).get(report_url(world["draft"])).status_code == status


def test_the_report_shows_reason_and_quoted_evidence(login, world):
    page = login("holder").get(report_url(world["draft"])).content.decode()
    assert 'id="krav-sygefravaer"' in page
    assert "<q>Lavt sygefravær i Solsikken</q>" in page and "Måltal" in page
    assert reverse("goal_detail", args=[world["draft_goal"].pk]) in page
    assert "Ændr vurderingen" not in page  # a holder may not override


def test_the_head_of_area_overrides_a_judgement_with_a_justification(login, world):
    client = login("head_of_area")
    response = client.post(
        report_url(world["draft"]),
        {"requirement": "holde-op-med", "status": "met", "justification": "Aftalt på kontraktdialogen i marts."},
    )
    assert response.status_code == 302
    override = RequirementOverride.objects.get()
    assert override.author == world["users"]["head_of_area"] and override.created_at is not None
    assert override.requirement.slug == "holde-op-med" and override.status == "met"
    page = client.get(report_url(world["draft"])).content.decode()
    assert "Aftalt på kontraktdialogen i marts." in page and "fagchef" in page
    matrix = client.get(reverse("checks:matrix"), {"year": YEAR}).content.decode()
    assert "vurderet" in matrix


def test_an_override_without_justification_names_the_field_and_saves_nothing(login, world):
    response = login("director").post(
        report_url(world["draft"]), {"requirement": "holde-op-med", "status": "met", "justification": "  "}
    )
    assert response.status_code == 400
    assert "Begrundelse" in response.content.decode() and "Vurderingen blev ikke gemt" in response.content.decode()
    assert not RequirementOverride.objects.exists()


def test_an_override_of_an_unknown_requirement_names_the_field(login, world):
    response = login("director").post(
        report_url(world["draft"]), {"requirement": "nonsens", "status": "met", "justification": "Fordi."}
    )
    assert response.status_code == 400 and "Krav:" in response.content.decode()
    assert not RequirementOverride.objects.exists()


@pytest.mark.parametrize(
    ("role", "contract"), [("holder", "draft"), ("reader", "draft"), ("head_of_area", "submitted")]
)
def test_others_may_not_override(login, world, role, contract):
    client = login(role) if role != "head_of_area" else login(role)
    url = report_url(world[contract])
    if role == "head_of_area":  # Nordskolen lies in Skole, outside the head of area's Omsorg
        assert client.get(url).status_code == 404
        return
    response = client.post(url, {"requirement": "holde-op-med", "status": "met", "justification": "Fordi."})
    assert response.status_code == 403
    assert not RequirementOverride.objects.exists()


# Shared goals and unknown partners --------------------------------------------------------


def test_a_shared_goal_lists_each_partners_status_and_links_the_partners_goal(login, world):
    make_shared_goal(world)
    page = login("director").get(report_url(world["draft"])).content.decode()
    assert "Gensidigt" in page and "Ukendt enhed" in page
    assert reverse("goal_detail", args=[world["entered_goal"].pk]) in page


def test_the_director_creates_an_unknown_partner_and_its_status_changes(login, world):
    assert partner_status(world["draft"], "Sundhedscentret") == "unknown_partner"
    client = login("director")
    url = reverse("checks:unit_create", args=[world["draft"].pk])
    assert "Opret enheden" in client.get(report_url(world["draft"])).content.decode()
    assert client.get(url, {"name": "Sundhedscentret"}).status_code == 200
    data = {"name": "Sundhedscentret", "kind": "centre", "parent": world["care"].pk, "alias": "SHC"}
    assert client.post(url, data).status_code == 302
    unit = OrgUnit.objects.get(name="Sundhedscentret")
    assert unit.parent == world["care"] and OrgUnitAlias.objects.filter(unit=unit, alias="SHC").exists()
    assert partner_status(world["draft"], "Sundhedscentret") == "no_contract"


def test_creating_a_unit_with_bad_input_names_the_field_and_saves_nothing(login, world):
    url = reverse("checks:unit_create", args=[world["draft"].pk])
    response = login("director").post(url, {"name": "", "kind": "centre"})
    assert response.status_code == 400 and "Navn" in response.content.decode()
    assert not OrgUnit.objects.filter(name="").exists()


@pytest.mark.parametrize("role", ["head_of_area", "holder", "reader"])
def test_only_the_director_creates_units(login, world, role):
    url = reverse("checks:unit_create", args=[world["draft"].pk])
    client = login(role)
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "Sundhedscentret", "kind": "centre"}).status_code == 403
    assert not OrgUnit.objects.filter(name="Sundhedscentret").exists()


# The network and the overlaps -------------------------------------------------------------


def test_the_network_draws_the_shared_goals_and_lists_them_as_text(login, world):
    make_shared_goal(world)
    page = login("director").get(reverse("checks:network"), {"year": YEAR}).content.decode()
    assert "<svg" in page and 'role="img"' in page and "<caption>" in page
    assert "Gensidigt" in page and "Sundhedscentret" in page and "arrow-reciprocated" in page


def test_a_holder_sees_only_their_own_edges_in_the_network(login, world):
    page = login("holder").get(reverse("checks:network"), {"year": YEAR}).content.decode()
    assert "Solsikken" in page and "Nordskolen" not in page


def test_the_overlap_list_shows_similar_goals_and_marks_shared_pairs(login, world):
    make_shared_goal(world)
    client = login("director")
    add_night_cover_goals(world)
    page = client.get(reverse("checks:overlaps"), {"year": YEAR}).content.decode()
    assert "Lavt sygefravær i Solsikken" in page and "Allerede fælles mål" in page, "a shared pair is never folded"
    assert "Vikarkorps til nattevagter i Nordskolen" in page
    assert "Begge mål handler om «" in page and "«vikarkorps»" in page and "<q>" in page
    assert "Lighed 0," not in page and ("Høj lighed" in page or "Nogen lighed" in page)
    hidden = client.get(reverse("checks:overlaps"), {"year": YEAR, "hide_shared": "on"}).content.decode()
    assert "Allerede fælles mål</span>" not in hidden and "Nordskolen" in hidden
    strict = client.get(reverse("checks:overlaps"), {"year": YEAR, "min_score": "1"}).content.decode()
    assert "Ingen mål ligner hinanden" in strict


def test_the_overlap_list_filters_by_holder(login, world):
    add_night_cover_goals(world)
    page = login("director").get(reverse("checks:overlaps"), {"year": YEAR, "holder": world["far"].pk})
    rows = page.content.decode().split("<tbody>")[1]
    assert rows.count("<tr") == rows.count('<span class="small-text">Nordskolen</span>') > 0


def test_a_holders_checks_report_shows_overlaps_only_with_goals_the_holder_may_see(login, world):
    add_night_cover_goals(world)
    director_page = login("director").get(report_url(world["draft"])).content.decode()
    assert "Nordskolen mål 2" in director_page.split('id="overlap"')[1]
    holder_page = login("holder").get(report_url(world["draft"])).content.decode()
    assert "Nordskolen mål" not in holder_page.split('id="overlap"')[1]


# Requirements as data ---------------------------------------------------------------------


def rule_data(**extra) -> dict:
    data = {"slug": "trivsel", "text": "En beskrivelse af trivslen.", "help_text": "", "order": 9, "evaluator": "terms"}
    data.update({"terms": "trivsel\narbejdsglæde", "sections": "udviklingsmaal, aktiviteter", "min_sentences": 2})
    return {**data, **extra}


def test_the_director_adds_a_requirement_with_its_rule(login, world):
    url = reverse("checks:requirement_create", args=[YEAR])
    response = login("director").post(url, rule_data())
    assert response.status_code == 302
    requirement = Requirement.objects.get(slug="trivsel")
    assert requirement.judged_by == {
        "evaluator": "terms",
        "terms": ["trivsel", "arbejdsglæde"],
        "sections": ["udviklingsmaal", "aktiviteter"],
        "min_sentences": 2,
    }


def test_a_rule_naming_an_unknown_section_is_refused_by_name(login, world):
    url = reverse("checks:requirement_create", args=[YEAR])
    response = login("director").post(url, rule_data(sections="udviklingsmaal, fremtiden"))
    assert response.status_code == 400 and "Ukendt afsnit: fremtiden" in response.content.decode()
    assert not Requirement.objects.filter(slug="trivsel").exists()


def test_the_director_edits_and_retires_a_requirement(login, world):
    requirements = {r.slug: r for r in ensure_requirements(world["track"].framework)}
    client = login("director")
    edit = reverse("checks:requirement_edit", args=[requirements["sygefravaer"].pk])
    assert client.get(edit).status_code == 200
    assert client.post(edit, rule_data(slug="sygefravaer", terms="sygefravær", sections="")).status_code == 302
    assert Requirement.objects.get(slug="sygefravaer").judged_by["terms"] == ["sygefravær"]
    retire = reverse("checks:requirement_retire", args=[requirements["holde-op-med"].pk])
    assert client.post(retire).status_code == 302
    assert Requirement.objects.get(slug="holde-op-med").retired_at is not None
    assert "krav-holde-op-med" not in client.get(reverse("checks:matrix"), {"year": YEAR}).content.decode()


@pytest.mark.parametrize("role", ["head_of_area", "holder", "reader"])
def test_only_the_director_changes_requirements(login, world, role):
    requirement = ensure_requirements(world["track"].framework)[0]
    client = login(role)
    assert client.get(reverse("checks:requirements"), {"year": YEAR}).status_code == 200
    assert client.get(reverse("checks:requirement_create", args=[YEAR])).status_code == 403
    assert client.post(reverse("checks:requirement_create", args=[YEAR]), rule_data()).status_code == 403
    assert client.post(reverse("checks:requirement_edit", args=[requirement.pk]), rule_data()).status_code == 403
    assert client.post(reverse("checks:requirement_retire", args=[requirement.pk])).status_code == 403
    assert not Requirement.objects.filter(slug="trivsel").exists()
    assert Requirement.objects.get(pk=requirement.pk).retired_at is None


# Query counts -----------------------------------------------------------------------------

PAGES = {
    "matrix": lambda w: reverse("checks:matrix") + f"?year={YEAR}",
    "report": lambda w: report_url(w["draft"]),
    "network": lambda w: reverse("checks:network") + f"?year={YEAR}",
    "overlaps": lambda w: reverse("checks:overlaps") + f"?year={YEAR}",
    "requirements": lambda w: reverse("checks:requirements") + f"?year={YEAR}",
}


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ["director", "head_of_area"])
def test_query_count_does_not_grow_with_goals(login, world, page, role):
    make_shared_goal(world)
    client = login(role)
    url = PAGES[page](world)
    client.get(url)
    small = count_queries(client, url)
    for key in ("draft", "submitted"):  # the entered one is locked
        world.add_goals(world[key], 6)
    large = count_queries(client, url)
    assert large == small, f"{page} as {role}: {small} queries with 1 goal per contract, {large} with 7"
    assert small <= 30, f"{page}: {small} queries"


def test_htmx_filter_requests_get_only_the_results(login, world):
    client = login("director")
    for name in ("checks:matrix", "checks:overlaps"):
        response = client.get(reverse(name), {"year": YEAR}, HTTP_HX_REQUEST="true")
        text = response.content.decode()
        assert response.status_code == 200 and text.lstrip().startswith('<div id="results"') and "<html" not in text


def test_the_checks_report_is_not_public_even_with_the_public_view_on(client, world, settings):
    settings.ROEDTRAAD_PUBLIC_VIEW = True
    response = client.get(report_url(world["entered"]))
    assert response.status_code == 302 and "/login/" in response["Location"]


# Requirements by name ----------------------------------------------------------------------

CATALOGUE_NAMES = ["Holde op med", "Sygefravær", "God modtagelse af nye kolleger", "Fælles mål"]
SLUGS_AS_LABELS = [">holde-op-med<", ">sygefravaer<", ">faelles-maal<", ">god-modtagelse<"]


@pytest.mark.parametrize(
    "page",
    [
        lambda w: reverse("checks:matrix") + f"?year={YEAR}",
        lambda w: report_url(w["draft"]),
        lambda w: reverse("checks:requirements") + f"?year={YEAR}",
    ],
    ids=["matrix", "report", "requirements"],
)
def test_every_requirement_shown_on_a_page_shows_its_name_not_its_slug(login, world, page):
    ensure_requirements(world["draft"].framework)
    html = login("director").get(page(world)).content.decode()
    assert all(name in html for name in CATALOGUE_NAMES)
    assert not [slug for slug in SLUGS_AS_LABELS if slug in html]


def test_the_requirement_list_is_numbered_from_one(login, world):
    ensure_requirements(world["draft"].framework)
    html = login("director").get(reverse("checks:requirements") + f"?year={YEAR}").content.decode()
    assert "<td>1</td>" in html and "<td>0</td>" not in html


def test_a_missing_requirement_says_what_would_meet_it(login, world):
    html = login("holder").get(report_url(world["draft"])).content.decode()
    row = html.split('id="krav-holde-op-med"')[1].split("</tr>")[0]
    assert "Sådan opfyldes kravet" in row and "»Hold op med«" in row
