"""A section has the same heading on the goal page as its label in the editor."""

import pytest
from django.urls import reverse

from roedtraad.contracts.models import Contract, GoalSection

pytestmark = pytest.mark.django_db


def test_a_work_plan_goals_basis_reads_the_same_on_the_page_and_in_the_editor(login, world):
    Contract.objects.filter(pk=world["draft"].pk).update(layout="workplan")
    GoalSection.objects.create(goal=world["draft_goal"], key="politisk_afsaet", text="Sundhedspolitikken.", order=5)
    client = login("holder")
    page = client.get(reverse("goal_detail", args=[world["draft_goal"].pk])).content.decode()
    editor = client.get(reverse("goal_edit", args=[world["draft_goal"].pk])).content.decode()
    assert "Arbejdet foregår på baggrund af" in page and "Arbejdet foregår på baggrund af" in editor
    assert "Det politiske og strategiske afsæt" not in page


def test_a_section_layout_goal_keeps_the_templates_heading(login, world):
    GoalSection.objects.create(goal=world["draft_goal"], key="politisk_afsaet", text="Sundhedspolitikken.", order=5)
    page = login("holder").get(reverse("goal_detail", args=[world["draft_goal"].pk])).content.decode()
    assert "Det politiske og strategiske afsæt" in page
