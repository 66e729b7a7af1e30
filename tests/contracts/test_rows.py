"""The rows of a draft contract: a new goal, activities, partners of a goal, stop-doing items.

Only those who may edit the draft change it, an entered contract refuses every change, and
each change is in the history with the user and a reason.
"""

import datetime as dt

import pytest
from tests.factories import contract_with_goal, enter, shared_goal

from roedtraad.contracts import rows
from roedtraad.contracts.editing import Locked
from roedtraad.contracts.models import Activity, Contract, Goal, GoalPartner, StopDoingItem
from roedtraad.contracts.workflow import NotAllowed, WorkflowError
from roedtraad.core.sections import SECTION_LAYOUT, WORKPLAN_LAYOUT
from roedtraad.org.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def contract(units):
    return contract_with_goal(units["holder"])


@pytest.fixture
def goal(contract):
    return contract.goals.get()


@pytest.fixture
def colleague(units):
    return Person.objects.create(name="Karen Holm", unit=units["centre"])


def latest(model, **filters):
    return model.history.filter(**filters).order_by("-history_id").first()


# A new goal ------------------------------------------------------------------------------


def test_a_holder_adds_a_goal_with_the_next_number_and_the_layouts_sections(contract, who):
    goal = rows.add_goal(contract.pk, who["holder"], "  Flere borgere i job  ")
    assert (goal.number, goal.title, goal.scope) == (2, "Flere borgere i job", "local")
    assert [s.key for s in goal.ordered_sections()] == list(SECTION_LAYOUT)
    assert all(s.text == "" for s in goal.sections.all())
    record = latest(Goal, id=goal.pk)
    assert (record.history_user, record.history_change_reason) == (who["holder"], "Nyt mål oprettet")


def test_a_workplan_contract_gets_a_goal_with_the_workplan_sections(units, who):
    contract = Contract.objects.create(holder=units["holder"], year=2027, layout="workplan")
    goal = rows.add_goal(contract.pk, who["director"], "Tryg overgang til skole")
    assert goal.number == 1
    assert [s.key for s in goal.ordered_sections()] == list(WORKPLAN_LAYOUT)


def test_the_number_of_a_deleted_goal_is_not_given_again(contract, goal, who):
    goal.soft_delete()
    assert rows.add_goal(contract.pk, who["holder"], "Nyt mål").number == 2


def test_a_goal_needs_a_title(contract, who):
    with pytest.raises(WorkflowError, match="titel"):
        rows.add_goal(contract.pk, who["holder"], "   ")


def test_an_entered_contract_refuses_a_new_goal(contract, who):
    enter(contract)
    with pytest.raises(Locked, match="låst"):
        rows.add_goal(contract.pk, who["holder"], "Nyt mål")
    assert contract.goals.count() == 1


@pytest.mark.parametrize("role", ["head_of_area", "reader", "other_holder", "stranger"])
def test_only_the_holder_and_the_director_add_goals(contract, who, role):
    with pytest.raises(NotAllowed):
        rows.add_goal(contract.pk, who[role], "Nyt mål")


# Activities ------------------------------------------------------------------------------


def test_a_holder_adds_an_activity_to_a_goal_in_their_draft(goal, who, colleague):
    activity = rows.add_activity(
        goal.pk,
        who["holder"],
        text="Fraværssamtale efter tredje sygedag",
        owner=colleague,
        due_date=dt.date(2026, 6, 30),
        status="in_progress",
    )
    assert (activity.goal, activity.owner, activity.status, activity.order) == (goal, colleague, "in_progress", 1)
    record = latest(Activity, id=activity.pk)
    assert (record.history_type, record.history_user, record.history_change_reason) == (
        "+",
        who["holder"],
        "Aktivitet tilføjet",
    )


def test_activities_are_added_after_the_last_one(goal, who):
    first = rows.add_activity(goal.pk, who["holder"], text="Første")
    second = rows.add_activity(goal.pk, who["holder"], text="Anden")
    assert list(goal.activities.all()) == [first, second]


def test_an_activity_needs_a_text(goal, who):
    with pytest.raises(WorkflowError, match="aktiviteten"):
        rows.add_activity(goal.pk, who["holder"], text=" ")


def test_the_owner_of_an_activity_belongs_to_the_holder(goal, who, units):
    outsider = Person.objects.create(name="Ole Udefra", unit=units["other"])
    with pytest.raises(WorkflowError, match="ansvarlige"):
        rows.add_activity(goal.pk, who["holder"], text="Besøg", owner=outsider)


def test_a_holder_changes_an_activity_and_the_history_shows_before_and_after(goal, who):
    activity = rows.add_activity(goal.pk, who["holder"], text="Temadag om trivsel")
    rows.change_activity(activity.pk, who["director"], text="To temadage", owner=None, due_date=None, status="done")
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.text, stored.status) == ("To temadage", "done")
    before, after = Activity.history.filter(id=activity.pk).order_by("history_id")
    assert (before.text, after.text, after.history_user) == ("Temadag om trivsel", "To temadage", who["director"])


def test_a_deleted_activity_stays_in_the_history(goal, who):
    activity = rows.add_activity(goal.pk, who["holder"], text="Temadag om trivsel")
    rows.delete_activity(activity.pk, who["holder"])
    assert not Activity.objects.filter(pk=activity.pk).exists()
    record = latest(Activity, id=activity.pk)
    assert (record.history_type, record.history_user, record.text) == ("-", who["holder"], "Temadag om trivsel")


def test_another_holder_cannot_delete_my_activity(goal, who):
    activity = rows.add_activity(goal.pk, who["holder"], text="Temadag om trivsel")
    with pytest.raises(NotAllowed):
        rows.delete_activity(activity.pk, who["other_holder"])
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_an_entered_contract_refuses_changes_to_its_activities(contract, goal, who):
    activity = rows.add_activity(goal.pk, who["holder"], text="Temadag om trivsel")
    enter(contract)
    with pytest.raises(Locked):
        rows.add_activity(goal.pk, who["holder"], text="Endnu en")
    with pytest.raises(Locked):
        rows.change_activity(activity.pk, who["director"], text="Ændret", owner=None, due_date=None, status="done")
    with pytest.raises(Locked):
        rows.delete_activity(activity.pk, who["director"])
    assert Activity.objects.get(pk=activity.pk).text == "Temadag om trivsel"


def test_a_deleted_goal_gets_no_new_activities(goal, who):
    goal.soft_delete()
    with pytest.raises(WorkflowError, match="slettet"):
        rows.add_activity(goal.pk, who["holder"], text="Temadag")


# Partners --------------------------------------------------------------------------------


def test_a_holder_adds_a_partner_with_a_role(goal, who, units):
    partner = rows.add_partner(goal.pk, who["holder"], unit=units["other"], role="Stiller vikarer til rådighed")
    assert (partner.goal, partner.unit, partner.role) == (goal, units["other"], "Stiller vikarer til rådighed")
    assert latest(GoalPartner, id=partner.pk).history_user == who["holder"]


def test_a_partner_needs_a_role(goal, who, units):
    with pytest.raises(WorkflowError, match="ansvar og rolle"):
        rows.add_partner(goal.pk, who["holder"], unit=units["other"], role="")


def test_the_holder_is_not_its_own_partner_and_a_partner_is_added_once(goal, who, units):
    with pytest.raises(WorkflowError, match="kan ikke vælges"):
        rows.add_partner(goal.pk, who["holder"], unit=units["holder"], role="Os selv")
    rows.add_partner(goal.pk, who["holder"], unit=units["other"], role="Vikarer")
    with pytest.raises(WorkflowError, match="kan ikke vælges"):
        rows.add_partner(goal.pk, who["holder"], unit=units["other"], role="Vikarer igen")


def test_the_last_partner_of_a_shared_goal_cannot_be_removed(contract, who, units):
    goal = shared_goal(contract, units["other"])
    partner = goal.partners.get()
    with pytest.raises(WorkflowError, match="sidste partner i det fælles mål"):
        rows.remove_partner(partner.pk, who["holder"])
    assert goal.partners.count() == 1


def test_the_last_partner_can_be_removed_once_the_goal_is_no_longer_shared(contract, who, units):
    goal = shared_goal(contract, units["other"])
    Goal.objects.filter(pk=goal.pk).update(scope="local")
    rows.remove_partner(goal.partners.get().pk, who["holder"])
    assert not goal.partners.exists()
    assert latest(GoalPartner, goal_id=goal.pk).history_type == "-"


def test_a_shared_goal_with_two_partners_may_lose_one(contract, who, units):
    goal = shared_goal(contract, units["other"])
    second = rows.add_partner(goal.pk, who["holder"], unit=units["area"], role="Koordinerer")
    rows.remove_partner(second.pk, who["holder"])
    assert [p.unit for p in goal.partners.all()] == [units["other"]]


def test_a_head_of_area_cannot_remove_a_partner(contract, who, units):
    goal = shared_goal(contract, units["other"])
    rows.add_partner(goal.pk, who["holder"], unit=units["area"], role="Koordinerer")
    with pytest.raises(NotAllowed):
        rows.remove_partner(goal.partners.first().pk, who["head_of_area"])


# Stop-doing items ------------------------------------------------------------------------


def test_a_holder_adds_a_stop_doing_item_linked_to_goals(contract, goal, who):
    item = rows.add_stop_doing(contract.pk, who["holder"], text="Ugentlige statusmøder", goals=[goal])
    assert (item.contract, item.text, list(item.goals.all())) == (contract, "Ugentlige statusmøder", [goal])
    record = latest(StopDoingItem, id=item.pk)
    assert (record.history_user, record.history_change_reason) == (who["holder"], "Hold op med: punkt tilføjet (mål 1)")


def test_a_stop_doing_item_links_only_goals_of_its_contract(contract, who, units):
    foreign = contract_with_goal(units["other"]).goals.get()
    with pytest.raises(WorkflowError, match="denne kontrakts"):
        rows.add_stop_doing(contract.pk, who["director"], text="Dobbeltregistrering", goals=[foreign])
    assert not StopDoingItem.objects.exists()


def test_changing_the_linked_goals_of_a_stop_doing_item_is_recorded(contract, goal, who):
    item = rows.add_stop_doing(contract.pk, who["holder"], text="Ugentlige statusmøder")
    rows.change_stop_doing(item.pk, who["holder"], text="Ugentlige statusmøder", goals=[goal])
    assert list(item.goals.all()) == [goal]
    assert latest(StopDoingItem, id=item.pk).history_change_reason == "Hold op med: punkt ændret (mål 1)"


def test_a_stop_doing_item_is_deleted(contract, who):
    item = rows.add_stop_doing(contract.pk, who["holder"], text="Ugentlige statusmøder")
    rows.delete_stop_doing(item.pk, who["holder"])
    assert not StopDoingItem.objects.exists()
    assert latest(StopDoingItem, id=item.pk).history_type == "-"


def test_an_entered_contract_refuses_a_new_stop_doing_item(contract, who):
    item = rows.add_stop_doing(contract.pk, who["holder"], text="Ugentlige statusmøder")
    enter(contract)
    with pytest.raises(Locked):
        rows.add_stop_doing(contract.pk, who["director"], text="Papirblanketter")
    with pytest.raises(Locked):
        rows.change_stop_doing(item.pk, who["director"], text="Ændret")
    with pytest.raises(Locked):
        rows.delete_stop_doing(item.pk, who["director"])
    assert list(StopDoingItem.objects.values_list("text", flat=True)) == ["Ugentlige statusmøder"]


def test_a_reader_cannot_add_a_stop_doing_item(contract, who):
    with pytest.raises(NotAllowed):
        rows.add_stop_doing(contract.pk, who["reader"], text="Papirblanketter")


# History pages -----------------------------------------------------------------------------


def test_the_goal_history_shows_a_changed_activity_and_the_contract_history_a_stop_doing_item(contract, goal, who):
    from roedtraad.contracts.history import contract_history, goal_history

    activity = rows.add_activity(goal.pk, who["holder"], text="Temadag om trivsel")
    rows.change_activity(activity.pk, who["holder"], text="To temadage", owner=None, due_date=None, status="done")
    rows.add_stop_doing(contract.pk, who["holder"], text="Ugentlige statusmøder", goals=[goal])
    changed = next(c for c in goal_history(goal) if c.subject.startswith("Aktivitet"))
    assert (changed.subject, changed.kind, changed.reason) == ("Aktivitet “To temadage”", "changed", "Aktivitet ændret")
    assert [(f.label, f.before, f.after) for f in changed.fields] == [
        ("Tekst", "Temadag om trivsel", "To temadage"),
        ("Status", "Planlagt", "Gennemført"),
    ]
    assert not changed.restorable
    stop = next(c for c in contract_history(contract) if c.subject.startswith("Hold op med"))
    assert (stop.subject, stop.kind) == ("Hold op med “Ugentlige statusmøder”", "created")


# No lost edits: every editable row has a version ---------------------------------------------


def test_two_people_editing_an_activity_the_later_save_is_refused_with_both_versions(goal, who):
    activity = rows.add_activity(goal.pk, who["holder"], text="Fraværssamtaler")
    opened = activity.version
    rows.change_activity(
        activity.pk,
        who["director"],
        text="Fraværssamtaler i marts",
        owner=None,
        due_date=None,
        status="planned",
        expected_version=opened,
    )
    with pytest.raises(rows.RowConflict) as conflict:
        rows.change_activity(
            activity.pk,
            who["holder"],
            text="Fraværssamtaler hver måned",
            owner=None,
            due_date=None,
            status="planned",
            expected_version=opened,
        )
    assert conflict.value.fields == [("Tekst", "Fraværssamtaler i marts", "Fraværssamtaler hver måned")]
    assert Activity.objects.get(pk=activity.pk).text == "Fraværssamtaler i marts"


def test_a_stop_doing_item_changed_meanwhile_is_neither_overwritten_nor_deleted(contract, who):
    item = rows.add_stop_doing(contract.pk, who["holder"], text="Ugentlige statusmøder")
    opened = item.version
    rows.change_stop_doing(
        item.pk, who["director"], text="Ugentlige statusmøder i ledergruppen", expected_version=opened
    )
    with pytest.raises(rows.RowConflict):
        rows.change_stop_doing(item.pk, who["holder"], text="Statusmøder", expected_version=opened)
    with pytest.raises(rows.RowConflict):
        rows.delete_stop_doing(item.pk, who["holder"], expected_version=opened)
    assert StopDoingItem.objects.get(pk=item.pk).text == "Ugentlige statusmøder i ledergruppen"


def test_a_partners_role_is_versioned_too(contract, units, who):
    shared = shared_goal(contract, units["other"])
    partner = shared.partners.get()
    opened = partner.version
    rows.change_partner_role(partner.pk, who["holder"], role="Stiller en sygeplejerske", expected_version=opened)
    with pytest.raises(rows.RowConflict):
        rows.change_partner_role(partner.pk, who["director"], role="Noget andet", expected_version=opened)
    assert GoalPartner.objects.get(pk=partner.pk).role == "Stiller en sygeplejerske"
