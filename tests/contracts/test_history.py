"""The readable history of goals and contracts, the word diff, and restoring an earlier version."""

import datetime as dt

import pytest
from tests.contracts.conftest import WHY
from tests.factories import contract_with_goal, enter, shared_goal

from roedtraad.contracts import workflow
from roedtraad.contracts.editing import Locked, save_goal, soft_delete_goal, undo_delete_goal
from roedtraad.contracts.history import Chunk, GoalDeleted, contract_history, goal_history, restore, word_diff
from roedtraad.contracts.models import Goal, GoalSection
from roedtraad.contracts.workflow import NotAllowed, WorkflowError

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("dus_2026")]


@pytest.fixture
def goal(units):
    return contract_with_goal(units["holder"]).goals.get()


def test_a_word_diff_shows_kept_removed_and_added_words():
    assert word_diff("Sygefraværet nedbringes til 5 %.", "Sygefraværet nedbringes hurtigt til 4,5 %.") == [
        Chunk("equal", "Sygefraværet nedbringes "),
        Chunk("insert", "hurtigt "),
        Chunk("equal", "til "),
        Chunk("delete", "5"),
        Chunk("insert", "4,5"),
        Chunk("equal", " %."),
    ]


def test_a_word_diff_of_a_new_text_is_one_insertion():
    assert word_diff("", "Ny tekst") == [Chunk("insert", "Ny tekst")]


def test_a_goals_history_tells_who_changed_which_field_from_what_to_what(goal, who):
    save_goal(
        goal.pk,
        who["holder"],
        expected_version=1,
        title="Lavere sygefravær",
        sections={"udviklingsmaal": "Sygefraværet nedbringes til 4,5 %."},
    )
    changes = goal_history(goal)
    newest = [c for c in changes if c.who == "holder"]
    assert sorted(c.subject for c in newest) == ["Afsnittet “Udviklingsmål”", "Mål 1"]
    title = next(c for c in newest if c.subject == "Mål 1").fields
    assert [(f.label, f.before, f.after) for f in title] == [("Titel", "Lavt sygefravær", "Lavere sygefravær")]
    text = next(c for c in newest if c.subject != "Mål 1").fields[0]
    assert (text.label, text.before, text.after) == (
        "Tekst",
        "Sygefraværet nedbringes til 5 %.",
        "Sygefraværet nedbringes til 4,5 %.",
    )
    assert Chunk("delete", "5") in text.chunks and Chunk("insert", "4,5") in text.chunks
    assert newest[0].reason == "Målet er redigeret" and newest[0].kind == "changed"
    assert changes[-1].kind == "created", "newest first, the creation last"


def test_a_saved_field_that_did_not_change_is_not_listed(goal, who):
    save_goal(goal.pk, who["holder"], expected_version=1, title="Lavt sygefravær")
    assert [c.kind for c in goal_history(goal)] == ["created", "created"]


def test_choices_and_deletion_are_shown_in_words(goal, who, units):
    save_goal(goal.pk, who["holder"], expected_version=1, scope="cross_cutting")
    soft_delete_goal(goal.pk, who["holder"])
    deleted, scope = goal_history(goal)[:2]
    assert [(f.label, f.before, f.after) for f in scope.fields] == [("Type", "Lokalt mål", "Tværgående mål")]
    assert deleted.fields[0].label == "Slettet" and deleted.reason == "Målet er slettet"


def test_a_contracts_history_holds_its_status_changes_and_its_goals(goal, who):
    contract = goal.contract
    workflow.submit(contract, who["holder"])
    workflow.enter(contract, who["director"], on=dt.date(2026, 1, 28), justification=WHY)
    changes = contract_history(contract)
    assert changes[0].subject == "Kontrakten"
    assert [(f.label, f.before, f.after) for f in changes[0].fields] == [
        ("Status", "Indsendt", "Indgået"),
        ("Indgået den", "", "28.01.2026"),
    ]
    assert changes[0].who == "direktoer" and not changes[0].restorable
    assert {c.subject for c in changes} >= {"Kontrakten", "Mål 1", "Afsnittet “Udviklingsmål”"}


def test_a_shared_goals_partners_are_in_its_history(goal, units):
    goal = shared_goal(goal.contract, units["other"])
    partner = next(c for c in goal_history(goal) if c.subject.startswith("Partner"))
    assert [(f.label, f.after) for f in partner.fields] == [
        ("Enhed", "Hjemmeplejen Øst"),
        ("Ansvar og rolle", "Tovholder"),
    ]


def test_an_earlier_title_is_restored_as_a_new_change(goal, who):
    first = goal.history.earliest("history_date")
    save_goal(goal.pk, who["holder"], expected_version=1, title="Lavere sygefravær")
    restore(first, who["holder"])
    stored = Goal.objects.get(pk=goal.pk)
    assert (stored.title, stored.version) == ("Lavt sygefravær", 3)
    newest = goal_history(goal)[0]
    assert newest.reason.startswith("Gendannet til versionen fra ")
    assert [(f.before, f.after) for f in newest.fields] == [("Lavere sygefravær", "Lavt sygefravær")]


def test_an_earlier_section_text_is_restored(goal, who):
    section = GoalSection.objects.get(goal=goal)
    first = section.history.earliest("history_date")
    save_goal(goal.pk, who["holder"], expected_version=1, sections={"udviklingsmaal": "Helt ny tekst."})
    restore(first, who["director"])
    assert GoalSection.objects.get(pk=section.pk).text == "Sygefraværet nedbringes til 5 %."
    assert Goal.objects.get(pk=goal.pk).version == 3, "an open edit form of the goal now conflicts"


def test_a_deleted_section_is_brought_back(goal, who):
    section = GoalSection.objects.get(goal=goal)
    first = section.history.earliest("history_date")
    section.delete()
    restored = restore(first, who["holder"])
    assert (restored.key, restored.text) == ("udviklingsmaal", "Sygefraværet nedbringes til 5 %.")


def test_restoring_is_refused_on_an_entered_contract(goal, who):
    first = goal.history.earliest("history_date")
    enter(goal.contract)
    with pytest.raises(Locked) as error:
        restore(first, who["director"])
    assert "Opret en ny revision" in error.value.message


def test_a_reader_cannot_restore(goal, who):
    with pytest.raises(NotAllowed):
        restore(goal.history.earliest("history_date"), who["reader"])


def test_a_contracts_own_fields_are_not_restored_here(goal, who):
    with pytest.raises(WorkflowError):
        restore(goal.contract.history.earliest("history_date"), who["director"])


def test_a_section_of_a_deleted_goal_cannot_be_restored_until_the_goals_deletion_is_undone(goal, who):
    section = GoalSection.objects.get(goal=goal)
    first = section.history.earliest("history_date")
    save_goal(goal.pk, who["holder"], expected_version=1, sections={"udviklingsmaal": "Helt ny tekst."})
    soft_delete_goal(goal.pk, who["holder"])
    with pytest.raises(GoalDeleted) as error:
        restore(first, who["holder"])
    assert "Fortryd sletningen af målet" in error.value.message
    assert GoalSection.objects.get(pk=section.pk).text == "Helt ny tekst."
    assert Goal.objects.get(pk=goal.pk).deleted_at is not None

    undo_delete_goal(goal.pk, who["holder"])
    restore(first, who["holder"])
    assert GoalSection.objects.get(pk=section.pk).text == "Sygefraværet nedbringes til 5 %."


def test_an_earlier_version_of_a_deleted_goal_does_not_bring_it_back(goal, who):
    first = goal.history.earliest("history_date")
    soft_delete_goal(goal.pk, who["holder"])
    version = Goal.objects.get(pk=goal.pk).version
    with pytest.raises(GoalDeleted):
        restore(first, who["director"])
    stored = Goal.objects.get(pk=goal.pk)
    assert stored.deleted_at is not None and stored.version == version, "nothing changed, not even the version"


def test_restoring_the_version_saved_at_deletion_does_not_delete_the_goal_again(goal, who):
    soft_delete_goal(goal.pk, who["holder"])
    deleted_version = goal.history.filter(deleted_at__isnull=False).latest("history_date")
    undo_delete_goal(goal.pk, who["holder"])
    restore(deleted_version, who["holder"])
    assert Goal.objects.get(pk=goal.pk).deleted_at is None


def _revision_with_two_sections(goal, who):
    GoalSection.objects.create(goal=goal, key="baggrund", text="Fraværet er steget i to år.")
    workflow.submit(goal.contract, who["holder"])
    workflow.enter(goal.contract, who["director"], on=dt.date(2026, 1, 28), justification=WHY)
    revision = workflow.start_revision(goal.contract, who["holder"])
    return revision, revision.goals.get()


def test_a_revisions_history_starts_from_the_entered_text_and_shows_only_the_edited_words(goal, who):
    revision, copy = _revision_with_two_sections(goal, who)
    save_goal(
        copy.pk, who["holder"], expected_version=1, sections={"udviklingsmaal": "Sygefraværet nedbringes til 4 %."}
    )
    changes = contract_history(revision)
    assert [(c.subject, c.kind) for c in changes] == [
        ("Afsnittet “Udviklingsmål”", "changed"),
        ("Kontrakten", "created"),
    ], "the untouched section and the copied goal are not listed"
    edited = changes[0].fields[0]
    assert [c for c in edited.chunks if c.op != "equal"] == [Chunk("delete", "5"), Chunk("insert", "4")]
    assert changes[1].reason == "Revision 2 oprettet fra revision 1" and changes[1].fields == []
    assert changes[1].who == "holder"


def test_a_revised_goals_history_shows_the_copy_as_one_line(goal, who):
    _revision, copy = _revision_with_two_sections(goal, who)
    changes = goal_history(copy)
    assert [(c.subject, c.kind, c.fields) for c in changes] == [("Mål 1", "created", [])]
