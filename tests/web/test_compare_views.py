"""The head of area reviewing revision 2 sees what differs from the entered revision 1."""

from decimal import Decimal

import pytest
from django.urls import reverse
from tests.contracts.conftest import WHY

from roedtraad.contracts import workflow
from roedtraad.contracts.editing import save_goal
from roedtraad.contracts.models import Goal, GoalSection
from roedtraad.followup.models import Target

pytestmark = pytest.mark.django_db


@pytest.fixture
def revision(world):
    """Nordskolen's contract entered, then revised: one section, one target and one new goal changed."""
    director = world["users"]["director"]
    workflow.enter(world["submitted"], director, justification=WHY)
    draft = workflow.start_revision(world["submitted"], director)
    copy = draft.goals.get()
    save_goal(
        copy.pk,
        director,
        expected_version=copy.version,
        sections={"udviklingsmaal": "Sygefraværet blandt alle medarbejderne skal nedbringes."},
    )
    Target.objects.filter(indicator__goal=world["submitted_goal"]).update(value=Decimal("4.5"))
    added = Goal.objects.create(contract=draft, number=2, title="Bedre modtagelse af nye kolleger")
    GoalSection.objects.create(goal=added, key="udviklingsmaal", text="Alle nye får en mentor.")
    return draft


def page(client, contract) -> str:
    response = client.get(reverse("contract_compare", args=[contract.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_compare_page_shows_the_added_goal_the_changed_words_and_the_changed_target(login, revision):
    html = page(login("director"), revision)
    assert "Bedre modtagelse af nye kolleger" in html.split("Tilføjede mål")[1]
    changed = html.split("Ændrede mål")[1]
    assert '<ins><span class="sr-only">[tilføjet: </span> alle<span class="sr-only">]</span></ins>' in changed
    assert "Måltal 2026 5 → 4,5" in changed
    assert "Baggrund" not in changed, "an untouched section is not listed"


def test_the_review_page_of_the_revision_summarises_the_changes_and_links_to_them(login, revision):
    html = login("director").get(reverse("contract_detail", args=[revision.pk])).content.decode()
    assert "Ændret i forhold til den indgåede revision 1" in html
    assert "1 mål tilføjet" in html and "1 mål ændret" in html
    assert reverse("contract_compare", args=[revision.pk]) in html


def test_a_first_revision_says_there_is_nothing_to_compare(login, world):
    assert "ingen tidligere indgået revision" in page(login("holder"), world["draft"])


def test_a_stranger_cannot_compare_another_units_revisions(login, revision):
    assert login("holder").get(reverse("contract_compare", args=[revision.pk])).status_code == 404


def test_the_contract_page_links_to_its_checks_report(login, world):
    html = login("holder").get(reverse("contract_detail", args=[world["draft"].pk])).content.decode()
    assert reverse("checks:report", args=[world["draft"].pk]) in html
