"""A revision carries the year's follow-up: its goals show the entered goals' indicators,
follow-up entries and planned follow-ups, which move to them when the revision is entered; until
then the checks judge the entered contract."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.contracts.conftest import WHY
from tests.factories import contract_with_goal, enter

from roedtraad.checks.services import contracts_for_year
from roedtraad.contracts import lineage, workflow
from roedtraad.followup.models import FollowUpEntry, Indicator, PlannedFollowUp, Target

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("dus_2026")]


@pytest.fixture
def entered(units):
    contract = enter(contract_with_goal(units["holder"]))
    goal = contract.goals.get()
    indicator = Indicator.objects.create(
        key="sygefravaer", name="Sygefravær", org_unit=units["holder"], goal=goal, valid_from=dt.date(2026, 1, 1)
    )
    Target.objects.create(
        indicator=indicator, period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 12, 31), value=5
    )
    FollowUpEntry.objects.create(goal=goal, date=dt.date(2026, 3, 1), forum="LMU", status="green", text="På vej")
    PlannedFollowUp.objects.create(contract=contract, goal=goal, date=dt.date(2026, 9, 1), kind="dialogue")
    return contract


def test_a_new_revisions_goal_shows_the_entered_goals_indicators_and_follow_up(entered, who):
    revision = workflow.start_revision(entered, who["holder"])
    goal = revision.goals.get()
    assert [i.key for i in lineage.indicators_of(goal)] == ["sygefravaer"]
    assert lineage.follow_ups_of(goal).count() == 1 and lineage.planned_follow_ups_of(goal).count() == 1


def test_the_revisions_goal_page_shows_the_indicator_instead_of_saying_it_has_none(entered, who, client):
    revision = workflow.start_revision(entered, who["holder"])
    client.force_login(who["holder"])
    page = client.get(f"/goals/{revision.goals.get().pk}/").content.decode()
    assert "Målet har ingen indikatorer" not in page and "Sygefravær" in page and "På vej" in page


def test_entering_the_revision_moves_the_follow_up_to_its_goals_and_nothing_is_lost(entered, who):
    revision = workflow.start_revision(entered, who["holder"])
    workflow.submit(revision, who["holder"])
    workflow.enter(revision, who["director"], justification=WHY)
    goal = revision.goals.get()
    assert goal.indicators.get().targets.count() == 1
    assert goal.follow_ups.count() == 1 and goal.planned_follow_ups.count() == 1
    assert (Indicator.objects.count(), FollowUpEntry.objects.count(), PlannedFollowUp.objects.count()) == (1, 1, 1)


def test_the_checks_judge_the_entered_contract_until_its_revision_is_entered(entered, who):
    revision = workflow.start_revision(entered, who["holder"])
    assert [c.pk for c in contracts_for_year(2026)] == [entered.pk]
    workflow.submit(revision, who["holder"])
    workflow.enter(revision, who["director"], justification=WHY)
    assert [c.pk for c in contracts_for_year(2026)] == [revision.pk]
