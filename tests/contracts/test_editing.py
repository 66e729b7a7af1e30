"""Editing a goal: optimistic locking, never a silent overwrite, locking of entered contracts, soft delete."""

import threading

import pytest
from django.db import connection
from tests.contracts.people import people
from tests.factories import contract_with_goal, enter, org_tree

from roedtraad.contracts import editing
from roedtraad.contracts.editing import EditConflict, Locked, save_goal, soft_delete_goal, undo_delete_goal
from roedtraad.contracts.models import Goal, GoalSection
from roedtraad.contracts.workflow import NotAllowed, WorkflowError


@pytest.fixture
def goal(units):
    return contract_with_goal(units["holder"]).goals.get()


def test_a_holder_saves_the_title_and_a_section_of_their_goal(goal, who):
    saved = save_goal(
        goal.pk,
        who["holder"],
        expected_version=1,
        title="Lavere sygefravær",
        sections={"udviklingsmaal": "Sygefraværet nedbringes til 4,5 %."},
    )
    stored = Goal.objects.get(pk=goal.pk)
    assert (saved.version, stored.version, stored.title) == (2, 2, "Lavere sygefravær")
    assert stored.sections.get(key="udviklingsmaal").text == "Sygefraværet nedbringes til 4,5 %."
    latest = stored.history.latest("history_date")
    assert (latest.history_user, latest.history_change_reason) == (who["holder"], "Målet er redigeret")


def test_a_section_the_goal_did_not_have_is_added_in_template_order(goal, who):
    save_goal(goal.pk, who["holder"], expected_version=1, sections={"tidsperspektiv": "Hele 2026."})
    section = GoalSection.objects.get(goal=goal, key="tidsperspektiv")
    assert (section.text, section.order) == ("Hele 2026.", 4)


def test_a_save_based_on_an_older_version_is_refused_and_shows_both_versions(goal, who, units):
    save_goal(goal.pk, who["director"], expected_version=1, title="Direktørens titel")
    with pytest.raises(EditConflict) as error:
        save_goal(
            goal.pk,
            who["holder"],
            expected_version=1,
            title="Holderens titel",
            sections={"udviklingsmaal": "Sygefraværet nedbringes til 5 %."},
        )
    conflict = error.value
    assert (conflict.expected_version, conflict.stored_version, conflict.changed_by) == (1, 2, "direktoer")
    assert [(f.field, f.stored, f.attempted) for f in conflict.conflicts] == [
        ("title", "Direktørens titel", "Holderens titel")
    ]
    assert [f.field for f in conflict.fields] == ["title", "section:udviklingsmaal"]
    assert "version 1" in conflict.message and "version 2" in conflict.message
    assert Goal.objects.get(pk=goal.pk).title == "Direktørens titel", "never silently overwritten"


def test_saving_again_on_the_new_version_after_a_conflict_succeeds(goal, who):
    save_goal(goal.pk, who["director"], expected_version=1, title="Direktørens titel")
    with pytest.raises(EditConflict):
        save_goal(goal.pk, who["holder"], expected_version=1, title="Holderens titel")
    save_goal(goal.pk, who["holder"], expected_version=2, title="Holderens titel")
    assert Goal.objects.get(pk=goal.pk).version == 3


def test_a_save_that_lands_between_reading_and_writing_makes_the_slower_save_conflict(goal, who, monkeypatch):
    real_bump = editing._bump
    calls = []

    def bump_after_a_competing_save(goal_pk, expected_version):
        calls.append(expected_version)
        if len(calls) == 1:  # the slower save has read version 1; the faster one saves now
            save_goal(goal_pk, who["director"], expected_version=1, title="Den hurtigste")
        return real_bump(goal_pk, expected_version)

    monkeypatch.setattr(editing, "_bump", bump_after_a_competing_save)
    with pytest.raises(EditConflict) as error:
        save_goal(goal.pk, who["holder"], expected_version=1, title="Den langsomste")
    assert (error.value.stored_version, error.value.conflicts[0].stored) == (2, "Den hurtigste")
    assert calls == [1, 1], "the slower save was refused at its conditional update, not before"


# SQLite's in-memory test database (shared cache) refuses a second writer at once instead of
# waiting ("database table is locked"); on a file database BEGIN IMMEDIATE serialises the two
# saves. The real race runs on PostgreSQL, where the second UPDATE waits for the first's row lock.
@pytest.mark.skipif(connection.vendor == "sqlite", reason="needs two concurrent connections (PostgreSQL)")
@pytest.mark.django_db(transaction=True)
def test_of_two_concurrent_saves_of_the_same_version_exactly_one_wins():
    units = org_tree()
    who = people(units)
    goal = contract_with_goal(units["holder"]).goals.get()
    barrier = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def save(name: str) -> None:
        try:
            barrier.wait(timeout=10)
            save_goal(goal.pk, who["holder"], expected_version=1, title=f"Titel fra {name}")
            outcomes[name] = "saved"
        except EditConflict as conflict:
            outcomes[name] = conflict
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(name,)) for name in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(type(o).__name__ for o in outcomes.values()) == ["EditConflict", "str"]
    winner = next(name for name, o in outcomes.items() if o == "saved")
    loser = next(o for o in outcomes.values() if isinstance(o, EditConflict))
    stored = Goal.objects.get(pk=goal.pk)
    assert (stored.version, stored.title) == (2, f"Titel fra {winner}")
    assert loser.conflicts[0].stored == f"Titel fra {winner}"
    assert stored.history.count() == 2, "one record for the creation, one for the single winning save"


def test_a_goal_of_an_entered_contract_cannot_be_saved(goal, who):
    enter(goal.contract)
    with pytest.raises(Locked) as error:
        save_goal(goal.pk, who["holder"], expected_version=1, title="Ændret")
    assert "indgået og låst" in error.value.message and "ny revision" in error.value.message
    assert Goal.objects.get(pk=goal.pk).version == 1


def test_a_goal_of_a_submitted_contract_is_not_edited_by_the_holder(goal, who):
    type(goal.contract).objects.filter(pk=goal.contract.pk).update(status="submitted")
    with pytest.raises(NotAllowed):
        save_goal(goal.pk, who["holder"], expected_version=1, title="Ændret under gennemgang")


@pytest.mark.parametrize("role", ["reader", "head_of_area", "other_holder"])
def test_only_the_holder_or_director_edits_a_draft(goal, who, role):
    with pytest.raises(NotAllowed):
        save_goal(goal.pk, who[role], expected_version=1, title="Ændret")
    assert Goal.objects.get(pk=goal.pk).title == "Lavt sygefravær"


def test_a_goal_needs_a_title(goal, who):
    with pytest.raises(WorkflowError) as error:
        save_goal(goal.pk, who["holder"], expected_version=1, title="  ")
    assert error.value.problems == ["Målet skal have en titel."]


def test_an_unknown_section_is_refused(goal, who):
    with pytest.raises(WorkflowError) as error:
        save_goal(goal.pk, who["holder"], expected_version=1, sections={"noget_andet": "x"})
    assert error.value.problems == ["Ukendt afsnit: noget_andet."]


def test_a_deleted_goal_can_be_brought_back(goal, who):
    soft_delete_goal(goal.pk, who["holder"])
    assert not goal.contract.live_goals().exists()
    with pytest.raises(WorkflowError):
        save_goal(goal.pk, who["holder"], expected_version=2, title="Ændret efter sletning")
    undo_delete_goal(goal.pk, who["holder"])
    stored = Goal.objects.get(pk=goal.pk)
    assert stored.deleted_at is None and stored.version == 3
    reasons = [h.history_change_reason for h in stored.history.order_by("history_date")][1:]
    assert reasons == ["Målet er slettet", "Sletningen af målet er fortrudt"]


def test_deleting_a_goal_makes_an_open_edit_of_it_conflict(goal, who):
    soft_delete_goal(goal.pk, who["holder"])
    undo_delete_goal(goal.pk, who["holder"])
    with pytest.raises(EditConflict):
        save_goal(goal.pk, who["holder"], expected_version=1, title="Gammel formular")


def test_a_goal_of_an_entered_contract_cannot_be_deleted(goal, who):
    enter(goal.contract)
    with pytest.raises(Locked):
        soft_delete_goal(goal.pk, who["director"])


def test_a_reader_cannot_delete_a_goal(goal, who):
    with pytest.raises(NotAllowed):
        soft_delete_goal(goal.pk, who["reader"])


def test_a_locked_contract_is_one_error_whether_the_model_or_a_service_refuses(goal, who):
    from django.core.exceptions import ValidationError
    from tests.factories import enter

    from roedtraad.contracts.editing import Locked
    from roedtraad.contracts.models import ContractLocked, GoalSection
    from roedtraad.contracts.workflow import WorkflowError

    enter(goal.contract)
    with pytest.raises(ContractLocked) as by_model:
        GoalSection.objects.create(goal=goal, key="tidsperspektiv", text="Et år.")
    with pytest.raises(ContractLocked) as by_service:
        save_goal(goal.pk, who["holder"], expected_version=goal.version, title="Ny titel")
    assert Locked is ContractLocked
    for refusal in (by_model.value, by_service.value):
        assert isinstance(refusal, WorkflowError) and isinstance(refusal, ValidationError)
        assert "indgået og låst" in str(refusal)
