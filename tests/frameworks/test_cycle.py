"""Who is late by the year's milestones, which reviews wait and for how long, and what a holder has
due in the coming two weeks (`frameworks.cycle`)."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.frameworks.conftest import ENTRY, SUBMISSION, YEAR

from roedtraad.contracts.models import Contract
from roedtraad.followup.models import PlannedFollowUp
from roedtraad.frameworks import cycle
from roedtraad.frameworks.models import Milestone
from roedtraad.org.models import OrgUnit, OrgUnitKind

pytestmark = pytest.mark.django_db

AFTER_ENTRY = dt.date(YEAR, 2, 15)


def late_holders(world, role, today=AFTER_ENTRY) -> dict[str, list[str]]:
    return {item.holder.name: item.missed for item in cycle.late_contracts(world["users"][role], today)}


def test_the_defaults_are_made_once_for_a_framework_that_has_none(world):
    framework = world["track"].framework
    made = cycle.ensure_milestones(framework)
    assert [m.kind for m in made] == [
        "dus_issued", "seminar", "draft_deadline", "submission", "entry", "dialogue_round", "dialogue_round", "year_end"
    ]  # fmt: skip
    assert cycle.ensure_milestones(framework) == made
    assert Milestone.objects.filter(framework=framework).count() == 8


def test_a_holder_who_has_not_submitted_by_the_submission_deadline_is_on_the_head_of_areas_late_list(cycle_world):
    late = {item.holder.name: item for item in cycle.late_contracts(cycle_world["users"]["head_of_area"], AFTER_ENTRY)}
    assert late["Solsikken"].not_submitted and late["Solsikken"].not_entered
    assert late["Solsikken"].deadline == SUBMISSION
    assert late["Solsikken"].days_late == (AFTER_ENTRY - SUBMISSION).days
    assert late["Solsikken"].contract == cycle_world["draft"]


def test_on_the_deadline_itself_nobody_is_late_yet(cycle_world):
    assert late_holders(cycle_world, "head_of_area", SUBMISSION) == {}
    assert late_holders(cycle_world, "director", SUBMISSION + dt.timedelta(days=1)) == {
        "Solsikken": ["submission"]  # Nordskolen has submitted: late only after the entry deadline
    }


def test_a_contract_entered_on_time_is_on_nobodys_late_list(cycle_world):
    for role in ("director", "head_of_area", "holder", "other_holder", "reader", "stranger"):
        assert "Hjemmeplejen" not in late_holders(cycle_world, role)


def test_another_areas_late_contract_is_not_on_this_head_of_areas_list(cycle_world):
    assert "Nordskolen" not in late_holders(cycle_world, "head_of_area")
    assert late_holders(cycle_world, "director")["Nordskolen"] == ["entry"]  # submitted, not entered


def test_only_the_director_and_the_heads_of_area_have_late_lists(cycle_world):
    for role in ("holder", "other_holder", "reader", "stranger"):
        assert late_holders(cycle_world, role) == {}


def test_a_holder_without_any_contract_for_the_year_is_late(cycle_world):
    OrgUnit.objects.create(name="Rosenhaven", kind=OrgUnitKind.HOLDER, parent=cycle_world["care"])
    late = {item.holder.name: item for item in cycle.late_contracts(cycle_world["users"]["head_of_area"], AFTER_ENTRY)}
    assert late["Rosenhaven"].contract is None and late["Rosenhaven"].status is None


def test_an_entered_contract_whose_next_revision_is_a_draft_is_not_late(cycle_world):
    cycle_world["entered"].new_revision()
    assert "Hjemmeplejen" not in late_holders(cycle_world, "director")


def test_a_deadline_the_director_moved_counts_and_nothing_is_late_after_the_year_end(cycle_world):
    framework = cycle_world["track"].framework
    Milestone.objects.filter(framework=framework, kind__in=["submission", "entry"]).update(date=dt.date(YEAR, 3, 1))
    assert late_holders(cycle_world, "director") == {}
    assert late_holders(cycle_world, "director", dt.date(YEAR + 1, 1, 2)) == {}


def test_a_year_without_milestones_has_nobody_late_and_the_director_is_reminded(world):
    assert late_holders(world, "director") == {}
    assert cycle.years_without_milestones(dt.date(YEAR, 10, 1)) == [YEAR]


def _submitted_on(contract: Contract, day: dt.date) -> None:
    contract.status = "submitted"
    contract.save()
    at = dt.datetime(day.year, day.month, day.day, 10, tzinfo=dt.UTC)
    record = Contract.history.filter(id=contract.pk).order_by("-history_id").first()
    Contract.history.filter(history_id=record.history_id).update(history_date=at)


def test_reviews_wait_oldest_first_with_the_days_they_have_waited(cycle_world):
    newer_holder = OrgUnit.objects.create(name="Rosenhaven", kind=OrgUnitKind.HOLDER, parent=cycle_world["care"])
    newer = Contract.objects.create(holder=newer_holder, year=YEAR, framework=cycle_world["track"].framework)
    _submitted_on(newer, dt.date(YEAR, 1, 20))
    _submitted_on(cycle_world["draft"], dt.date(YEAR, 1, 5))
    waiting = cycle.reviews_waiting(cycle_world["users"]["head_of_area"], AFTER_ENTRY)
    assert [(w.contract.holder.name, w.days) for w in waiting] == [("Solsikken", 41), ("Rosenhaven", 26)]
    assert "Nordskolen" not in [w.contract.holder.name for w in waiting]  # another area
    assert cycle.reviews_waiting(cycle_world["users"]["holder"], AFTER_ENTRY) == []


def test_a_contract_sent_back_and_submitted_again_waits_from_the_new_submission(cycle_world):
    contract = cycle_world["draft"]
    _submitted_on(contract, dt.date(YEAR, 1, 5))
    contract.status = "draft"
    contract.save()
    _submitted_on(contract, dt.date(YEAR, 2, 10))
    (waiting,) = cycle.reviews_waiting(cycle_world["users"]["head_of_area"], AFTER_ENTRY)
    assert waiting.since == dt.date(YEAR, 2, 10) and waiting.days == 5


def test_a_submission_the_history_does_not_record_waits_an_unknown_time_and_comes_last(cycle_world):
    waiting = cycle.reviews_waiting(cycle_world["users"]["director"], AFTER_ENTRY)
    assert [(w.contract.holder.name, w.since, w.days) for w in waiting] == [("Nordskolen", None, None)]


def _plan(world, day: dt.date, **fields) -> PlannedFollowUp:
    return PlannedFollowUp.objects.create(contract=world["entered"], date=day, **{"kind": "dialogue", **fields})


def test_a_holder_has_the_planned_dialogues_of_the_next_14_days_and_the_overdue_ones_due(cycle_world):
    today = dt.date(YEAR, 5, 4)
    next_week = _plan(cycle_world, today + dt.timedelta(days=7), forum="Direktionsmøde")
    overdue = _plan(cycle_world, today - dt.timedelta(days=3), kind="meeting", forum="LMU")
    _plan(cycle_world, today + dt.timedelta(days=15))  # too far ahead
    _plan(cycle_world, today - dt.timedelta(days=1), done=True)  # held
    due = cycle.holder_follow_ups_due(cycle_world["users"]["other_holder"], today)
    assert [(d.planned, d.days, d.overdue) for d in due] == [(overdue, -3, True), (next_week, 7, False)]


def test_another_holders_follow_ups_are_not_due_for_this_holder_nor_for_a_head_of_area(cycle_world):
    today = dt.date(YEAR, 5, 4)
    _plan(cycle_world, today + dt.timedelta(days=2))
    assert cycle.holder_follow_ups_due(cycle_world["users"]["holder"], today) == []
    assert cycle.holder_follow_ups_due(cycle_world["users"]["head_of_area"], today) == []


def test_only_the_director_changes_milestones(cycle_world):
    from django.core.exceptions import PermissionDenied

    framework = cycle_world["track"].framework
    for role in ("head_of_area", "holder", "reader"):
        with pytest.raises(PermissionDenied):
            cycle.save_milestone(cycle_world["users"][role], framework, None, title="x", date=ENTRY, kind="other")
    saved = cycle.save_milestone(
        cycle_world["users"]["director"], framework, None, title="Temadag", date=ENTRY, kind="other"
    )
    assert saved.pk and saved.framework == framework
