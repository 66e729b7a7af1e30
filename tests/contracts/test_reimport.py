"""Importing again is editing: the document is merged into the draft, what people added in
Rødtråd stays, removed goals are soft-deleted with a reason, and only someone who may edit the
draft can do it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from roedtraad.checks.models import SharedGoalProposal
from roedtraad.contracts.importing import import_plan, save_parsed_document
from roedtraad.contracts.models import Activity, ContractStatus, Goal, StopDoingItem
from roedtraad.contracts.reimport import ReplaceRefused
from roedtraad.core.ingest.model import ParsedDocument, ParsedGoal
from roedtraad.followup.models import FollowUpEntry, PlannedFollowUp
from roedtraad.review.models import GoalComment

pytestmark = pytest.mark.django_db


def document(holder: str, *goals: tuple[int, str, str], stop: tuple[str, ...] = ()) -> ParsedDocument:
    parsed = [ParsedGoal(number=n, title=t, sections={"udviklingsmaal": text}) for n, t, text in goals]
    return ParsedDocument(
        file="kontrakt-2026.docx",
        kind="kontrakt",
        layout="sections",
        holder=holder,
        year=2026,
        goals=parsed,
        stop_doing=list(stop),
    )


@pytest.fixture
def first(units, who):
    doc = document(
        units["holder"].name,
        (1, "Lavt sygefravær", "Fraværet falder til 7 %."),
        (2, "God modtagelse", "Alle nye får en mentor."),
        stop=("Ugentlige statusmøder",),
    )
    contract = save_parsed_document(doc, user=who["holder"])
    sick, welcome = contract.goals.order_by("number")
    Activity.objects.create(goal=sick, text="Fraværssamtaler efter fast model")
    GoalComment.objects.create(goal=sick, author=who["head_of_area"], text="Hvordan måler I det?")
    FollowUpEntry.objects.create(goal=sick, date=dt.date(2026, 3, 1), forum="LMU", status="green", text="På vej")
    PlannedFollowUp.objects.create(contract=contract, goal=welcome, kind="meeting", date=dt.date(2026, 6, 1))
    other = save_parsed_document(document(units["other"].name, (1, "Modtagelse", "Mentorordning.")))
    SharedGoalProposal.objects.create(goal_a=welcome, goal_b=other.goals.get(), proposed_by=who["head_of_area"])
    return contract


def test_importing_again_keeps_activities_comments_follow_ups_and_proposals_on_the_goals(first, units, who):
    again = document(
        units["holder"].name,
        (1, "Lavt sygefravær", "Fraværet falder til 6,5 %."),
        (2, "God modtagelse", "Alle nye får en mentor."),
    )
    contract = save_parsed_document(again, user=who["holder"])
    sick, welcome = contract.live_goals().order_by("number")
    assert sick.sections.get(key="udviklingsmaal").text == "Fraværet falder til 6,5 %."
    assert (sick.activities.count(), sick.comments.count(), sick.follow_ups.count()) == (1, 1, 1)
    assert welcome.planned_follow_ups.count() == 1 and SharedGoalProposal.objects.filter(goal_a=welcome).exists()
    assert list(contract.stop_doing_items.values_list("text", flat=True)) == ["Ugentlige statusmøder"]


def test_a_changed_section_is_recorded_in_history_with_the_file_as_reason(first, units, who):
    again = document(
        units["holder"].name, (1, "Lavt sygefravær", "Nyt mål."), (2, "God modtagelse", "Alle nye får en mentor.")
    )
    contract = save_parsed_document(again, user=who["holder"])
    section = contract.goals.get(number=1).sections.get(key="udviklingsmaal")
    latest = section.history.order_by("-history_date").first()
    assert latest.history_change_reason == "Importeret fra kontrakt-2026.docx"
    assert latest.history_user == who["holder"]


def test_a_goal_the_document_no_longer_has_is_refused_without_leave_and_soft_deleted_with_it(first, units, who):
    fewer = document(units["holder"].name, (1, "Lavt sygefravær", "Fraværet falder til 7 %."))
    with pytest.raises(ReplaceRefused, match="God modtagelse"):
        save_parsed_document(fewer, user=who["holder"])
    assert first.live_goals().count() == 2, "nothing was changed by the refused import"

    save_parsed_document(fewer, user=who["holder"], allow_remove=True)
    removed = Goal.objects.get(contract=first, title="God modtagelse")
    assert removed.deleted_at is not None, "soft-deleted, not gone"
    assert removed.planned_follow_ups.count() == 1, "its follow-up plan is kept for a restore"
    assert removed.history.order_by("-history_date").first().history_change_reason == (
        "Fjernet ved import af kontrakt-2026.docx"
    )


def test_a_renumbered_document_matches_goals_by_title_and_keeps_their_work(first, units, who):
    swapped = document(
        units["holder"].name,
        (1, "God modtagelse", "Alle nye får en mentor."),
        (2, "Lavt sygefravær", "Fraværet falder til 7 %."),
    )
    contract = save_parsed_document(swapped, user=who["holder"])
    assert contract.goals.get(number=2).title == "Lavt sygefravær"
    assert contract.goals.get(number=2).activities.count() == 1


def test_a_head_of_area_who_may_not_edit_the_holders_draft_may_not_import_over_it(first, units, who):
    again = document(units["holder"].name, (1, "Noget andet", "Tekst."))
    with pytest.raises(ReplaceRefused, match="Du må ikke ændre kontrakten"):
        save_parsed_document(again, user=who["head_of_area"], allow_remove=True)
    assert first.live_goals().count() == 2


def test_a_submitted_contract_under_review_is_not_replaced_by_an_import(first, units, who):
    type(first).objects.filter(pk=first.pk).update(status=ContractStatus.SUBMITTED)
    again = document(units["holder"].name, (1, "Lavt sygefravær", "Andet."))
    with pytest.raises(ValidationError, match="indsendt"):
        save_parsed_document(again, user=who["director"], allow_remove=True)
    assert first.goals.get(number=1).sections.get(key="udviklingsmaal").text == "Fraværet falder til 7 %."


def test_the_plan_names_goals_added_changed_and_removed_and_what_stays(first, units):
    again = document(
        units["holder"].name,
        (1, "Lavt sygefravær", "Fraværet falder til 6 %."),
        (2, "Fleksible arbejdsformer", "Hjemmearbejde to dage om ugen."),
        (3, "Læring", "Et kursus."),
    )
    plan = import_plan(again, units["holder"], 2026)
    actions = {(g.action, g.title) for g in plan.goals}
    # goal 2 has a new title under the same number: it is that goal, changed
    assert actions == {
        ("change", "Lavt sygefravær"),
        ("change", "Fleksible arbejdsformer"),
        ("add", "Læring"),
    }
    assert plan.kept_totals() == {
        "activities": 1,
        "comments": 1,
        "follow_ups": 1,
        "planned_follow_ups": 1,
        "proposals": 1,
    }
    assert not plan.removes_goals


def test_the_same_stop_doing_item_is_not_added_twice(first, units, who):
    again = document(
        units["holder"].name,
        (1, "Lavt sygefravær", "Fraværet falder til 7 %."),
        (2, "God modtagelse", "Alle nye får en mentor."),
        stop=("Ugentlige  statusmøder", "Dobbeltregistrering"),
    )
    save_parsed_document(again, user=who["holder"])
    assert sorted(StopDoingItem.objects.filter(contract=first).values_list("text", flat=True)) == [
        "Dobbeltregistrering",
        "Ugentlige statusmøder",
    ]
