"""The demo municipality has what the foundation issue asks of it."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count

from roedtraad.contracts.models import Contract, Goal, GoalPartner
from roedtraad.demo.build import build
from roedtraad.demo.measurements import sick_leave_series
from roedtraad.demo.organisation import LOGINS
from roedtraad.followup.models import FollowUpEntry, Indicator, PlannedFollowUp
from roedtraad.frameworks.models import Framework
from roedtraad.org.models import OrgUnit

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    build()


def test_the_demo_has_three_areas_and_twelve_contract_holders_each_with_a_contract(demo):
    assert OrgUnit.objects.filter(kind="area").count() >= 3
    holders = OrgUnit.objects.filter(kind="holder")
    assert holders.count() >= 12
    assert all(Contract.objects.filter(holder=h).exists() for h in holders)


def test_every_demo_contract_uses_one_of_the_two_goal_layouts(demo):
    layouts = set(Contract.objects.values_list("layout", flat=True))
    assert layouts == {"sections", "workplan"}
    for goal in Goal.objects.select_related("contract").prefetch_related("sections"):
        keys = {s.key for s in goal.sections.all()}
        expected = "udviklingsmaal" if goal.contract.layout == "sections" else "arbejde_med"
        assert expected in keys, goal


def test_the_demo_dus_has_its_requirements(demo):
    framework = Framework.objects.get()
    assert framework.tracks.count() == 2
    assert {"sygefravaer", "holde-op-med", "faelles-maal"} <= set(framework.requirements.values_list("slug", flat=True))


def test_shared_goals_link_holders_and_most_are_reciprocated(demo):
    partners = GoalPartner.objects.select_related("goal__contract__holder", "unit")
    assert partners.count() >= 6
    reciprocated = [
        p
        for p in partners
        if p.unit and GoalPartner.objects.filter(unit=p.goal.contract.holder, goal__contract__holder=p.unit).exists()
    ]
    assert len(reciprocated) >= 4
    assert partners.filter(unit__isnull=True).exists(), "one partner is not in the organisation yet"


def test_sick_leave_has_targets_at_municipality_holder_and_centre_level_with_24_months(demo):
    indicators = Indicator.objects.filter(key="sygefravaer").annotate(n=Count("measurements"))
    assert {i.org_unit.kind for i in indicators} >= {"municipality", "holder", "centre"}
    assert all(i.n == 24 for i in indicators)
    assert all(i.targets.exists() for i in indicators)


def test_the_demo_has_follow_ups_stop_doing_items_and_a_login_per_role(demo):
    assert FollowUpEntry.objects.count() > 20
    assert Contract.objects.filter(stop_doing_items__isnull=False).distinct().count() >= 10
    users = get_user_model().objects.filter(username__in=LOGINS)
    assert {r for u in users for r in u.roles.values_list("role", flat=True)} == {
        "director",
        "head_of_area",
        "holder",
        "reader",
    }


def test_the_demo_series_are_deterministic():
    assert sick_leave_series("Fjordby Skole", 6.0, 5.2) == sick_leave_series("Fjordby Skole", 6.0, 5.2)
    assert sick_leave_series("Fjordby Skole", 6.0, 5.2) != sick_leave_series("Dagtilbud Nord", 6.0, 5.2)


def test_entered_demo_contracts_were_entered_in_january(demo):
    entered = Contract.objects.filter(status="entered")
    assert entered.count() >= 8
    assert set(entered.values_list("entered_on", flat=True)) == {dt.date(2026, 1, 28)}


def test_demo_planned_follow_ups_name_a_real_forum_not_their_kind_again(demo):
    planned = list(PlannedFollowUp.objects.all())
    assert planned
    assert all(p.forum and p.forum.casefold() != p.get_kind_display().casefold() for p in planned)
    assert {"Direktionsmøde", "Områdeledermøde"} <= {p.forum for p in planned}
    assert not any("(Kontraktdialog)" in p.label for p in planned)


def test_every_demo_indicator_has_a_status_and_a_sentence_that_explains_it(demo):
    from roedtraad.followup.indicator_status import status_of, with_series
    from roedtraad.followup.models import Indicator

    statuses = [status_of(i) for i in with_series(Indicator.objects.all())]
    assert statuses
    for item in statuses:
        assert item.status in {"on_track", "at_risk", "off_track", "stale"}, item.indicator
        assert item.forecast.explanation and item.forecast.method != "none", item.indicator


def test_demo_units_have_headcounts_that_add_up_and_one_small_centre(demo):
    from roedtraad.org.models import OrgUnit

    units = list(OrgUnit.objects.prefetch_related("children"))
    assert all(u.headcount for u in units)
    for unit in units:
        assert unit.headcount >= sum(c.headcount for c in unit.children.all()), unit
    assert [u.name for u in units if u.headcount < 5] == ["Træning og Rehabilitering"]
